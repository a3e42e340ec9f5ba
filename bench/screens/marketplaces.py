"""Order pages of the newer marketplaces (third held-out part): 抖音商城 and 唯品会.

抖音商城 订单详情 prints a 19-digit 订单编号 (starting 6 or 4), a price block with 商品总价, 运费,
店铺优惠 and 平台优惠 as -¥, 实付款, and a grey label column of times. 唯品会 writes its order
information inline ("订单编号：…") with an 18-digit number and names the paid sum 实付金额; 唯品币
spent is a discount.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from bench.screens import values as v
from bench.screens.blocks import rows_card, status_bar, title_bar
from bench.screens.canvas import Page, Row
from bench.screens.shops import event_rows, goods_card
from bench.screens.truth import amount, money, moment, number
from ocr.types import AmountRole, FieldType

SPECS = ("默认规格", "颜色：黑色", "尺码：42")


def draw_douyin_order(page: Page, reference: datetime) -> None:
    """抖音商城 订单详情: 交易完成, goods, split price rows (商品总价, 运费, 店铺优惠, 平台优惠, 实付款),
    then 订单编号 复制, 下单时间, 支付时间, 支付方式 in a label column."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "订单详情")
    page.text(page.px(60), page.y, rng.choice(("交易完成", "已签收")), 40, theme.text, bold=True)
    page.y += page.px(80)
    price, count = v.yuan(rng, 9, 1500), rng.choice((1, 1, 2))
    goods_card(page, rng.choice(v.PRODUCTS), price, count, spec=rng.choice(SPECS))
    shop_cut, platform_cut = Decimal(rng.choice((0, 5, 10))), Decimal(rng.choice((2, 3, 20)))
    paid = price * count - shop_cut - platform_cut
    rows: list[Row] = [("商品总价", f"¥{money(price * count)}", [amount(price * count, AmountRole.ORDER_TOTAL)]),
                       ("运费", "免运费", [])]
    if shop_cut:
        rows.append(("店铺优惠", f"-¥{money(shop_cut)}", [amount(-shop_cut, AmountRole.DISCOUNT)]))
    rows += [("平台优惠", f"-¥{money(platform_cut)}", [amount(-platform_cut, AmountRole.DISCOUNT)]),
             ("实付款", f"¥{money(paid)}", [amount(paid, AmountRole.PAID)])]
    rows_card(page, rows, "split", size=28)
    order_no = rng.choice("64") + v.digits(rng, 18, v.DIGITS)
    rows_card(page, [("订单编号", f"{order_no}  复制", [number(FieldType.ORDER_NO, order_no)]),
                     *event_rows(page, reference, ("下单时间", "支付时间")),
                     ("支付方式", rng.choice(("抖音支付", "微信支付")), [])], "column", size=26, column=240)


def draw_vip_order(page: Page, reference: datetime) -> None:
    """唯品会 订单详情: 已签收, goods, inline price rows (商品金额, 运费, 唯品币抵扣, 实付金额) and
    inline order rows (订单编号, 下单时间, 支付时间, 收货人电话 masked)."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "订单详情")
    page.text(page.px(60), page.y, "已签收", 38, theme.text, bold=True)
    page.y += page.px(80)
    price, count = v.yuan(rng, 19, 900), 1
    goods_card(page, rng.choice(v.PRODUCTS), price, count, spec=rng.choice(SPECS))
    coins = Decimal(rng.choice((1, 3, 8)))
    paid = price - coins
    rows_card(page, [("商品金额", f"¥{money(price)}", [amount(price, AmountRole.ORDER_TOTAL)]),
                     ("运费", "¥0.00", [amount(Decimal(0), AmountRole.SHIPPING)]),
                     ("唯品币抵扣", f"-¥{money(coins)}", [amount(-coins, AmountRole.DISCOUNT)]),
                     ("实付金额", f"¥{money(paid)}", [amount(paid, AmountRole.PAID)])], "inline", size=26)
    order_no = v.digits(rng, 18, "2")
    rows_card(page, [("订单编号", order_no, [number(FieldType.ORDER_NO, order_no)]),
                     *event_rows(page, reference, ("下单时间", "支付时间")),
                     ("收货人电话", v.masked_mobile(rng), [])], "inline", size=26)

"""Order pages of Taobao (淘宝) and Pinduoduo (拼多多), and the goods card and event rows shop pages share."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from bench.screens import values as v
from bench.screens.blocks import rows_card, status_bar, title_bar
from bench.screens.canvas import Page, Row
from bench.screens.truth import amount, money, moment, number
from ocr.types import AmountRole, FieldType


def goods_card(page: Page, title: str, price: Decimal, count: int, size: float = 28, spec: str = "") -> None:
    """A goods row: picture, title (and the chosen spec under it), the unit price and "x1" at the right."""
    theme = page.theme
    _, top = page.card(page.px(200))
    page.draw.rectangle((page.px(60), top + page.px(30), page.px(200), top + page.px(170)), fill=theme.page)
    page.text(page.px(230), top + page.px(30), page.wrap(title, size, page.width - page.px(460))[0], size, theme.text)
    if spec:
        page.text(page.px(230), top + page.px(90), spec, 24, theme.muted)
    page.text(page.width - page.px(60), top + page.px(30), f"¥{money(price)}", size, theme.text, align="r")
    page.text(page.width - page.px(60), top + page.px(80), f"x{count}", 24, theme.muted, align="r")
    page.expect(amount(price, AmountRole.UNIT_PRICE))
    page.trap("quantity", str(count))


def event_rows(page: Page, reference: datetime, labels: tuple[str, ...]) -> list[Row]:
    """Rows of successive event times (创建时间, 付款时间, …), each a few minutes to hours later."""
    at = v.moment_before(page.rng, reference, 50, min_seconds=3 * 86400)
    rows: list[Row] = []
    for label in labels:
        shown, when, precision = v.stamp(page.rng, at)
        rows.append((label, shown, [moment(when, precision)]))
        at += timedelta(seconds=page.rng.randint(30, 30000))
    return rows


def draw_taobao_detail(page: Page, reference: datetime) -> None:
    """Taobao 订单详情: 交易成功, address, shop and goods (unit price, x quantity), 实付款 right-aligned,
    then 订单信息 with labels in a grey column: 订单编号 (19 digits) 复制, 支付宝交易号 (28 digits),
    创建时间, 付款时间, 成交时间."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "订单详情")
    page.text(page.px(60), page.y, "交易成功", 40, theme.text, bold=True)
    page.y += page.px(80)
    price, count = v.yuan(rng, 9, 2000), rng.choice((1, 1, 2))
    goods_card(page, rng.choice(v.PRODUCTS), price, count)
    paid = price * count
    rows_card(page, [("实付款", f"¥{money(paid)}", [amount(paid, AmountRole.PAID)])], "split", size=30)
    order_no = v.taobao_order_no(rng)
    times = event_rows(page, reference, ("创建时间", "付款时间", "成交时间"))
    trade_no = v.alipay_trade_no(rng, datetime.fromisoformat(times[1][2][0].value))
    rows = [("订单编号", f"{order_no} 复制", [number(FieldType.ORDER_NO, order_no)]),
            ("支付宝交易号", trade_no, [number(FieldType.TRANSACTION_NO, trade_no)]), *times]
    rows_card(page, rows, "column", size=26, column=270)


def draw_pdd_detail(page: Page, reference: datetime) -> None:
    """Pinduoduo 订单详情: 待收货/已签收 banner, goods, a price block (商品总价, 运费, 平台优惠 -¥,
    实付 in red) right-aligned, then 订单编号 (yymmdd-15 digits) and the times as split rows."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "订单详情")
    page.draw.rectangle((0, page.y, page.width, page.y + page.px(120)), fill="#E02E24")
    page.text(page.px(60), page.y + page.px(35), rng.choice(("待收货", "已签收", "退款成功")), 36, "#FFFFFF", bold=True)
    page.y += page.px(120)
    price, count = v.yuan(rng, 3, 800), rng.choice((1, 2, 3))
    goods_card(page, rng.choice(v.PRODUCTS), price, count)
    discount = Decimal(rng.choice((0, 2, 3, 10)))
    paid = price * count - discount
    rows: list[Row] = [("商品总价", f"¥{money(price * count)}", [amount(price * count, AmountRole.ORDER_TOTAL)]),
                       ("运费", "¥0.00", [amount(Decimal(0), AmountRole.SHIPPING)])]
    if discount:
        rows.append(("平台优惠", f"-¥{money(discount)}", [amount(-discount, AmountRole.DISCOUNT)]))
    rows.append(("实付", f"¥{money(paid)}", [amount(paid, AmountRole.PAID)]))
    rows_card(page, rows, "split", size=28)
    times = event_rows(page, reference, ("下单时间", "拼单时间", "发货时间"))
    order_no = v.pdd_order_no(rng, datetime.fromisoformat(times[0][2][0].value))
    rows_card(page, [("订单编号", f"{order_no}  复制", [number(FieldType.ORDER_NO, order_no)]),
                     ("支付方式", "微信支付", []), *times], "split", size=26)

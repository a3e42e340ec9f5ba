"""Food-delivery pages: Meituan 外卖 订单详情 (first held-out part); a Meituan 外卖 退款详情 and an
Ele.me (饿了么) 订单详情 (third held-out part).

Meituan's refund page shows the refunded sum big, a progress list whose nodes carry "03-15 12:30"
(month and day only, dated by the full 申请时间 lower down) and 退款信息 inline rows; its 订单号 is
24 digits. Ele.me prints a 19-digit 订单号, 打包费 (a fee with no role of its own), 配送费, 店铺满减 as
-¥ and 实付 in its price block, the courier's phone under 配送信息.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal

from bench.screens import values as v
from bench.screens.blocks import rows_card, status_bar, title_bar
from bench.screens.canvas import Page, Row
from bench.screens.truth import amount, money, moment, number
from ocr.types import AmountRole, FieldType

MEITUAN_STEPS = ("提交退款申请", "商家同意退款", "退款已到账")


def dish_rows(page: Page, y: int, dishes: Sequence[str], prices: tuple[int, int], counts: tuple[int, ...],
              count_x: float) -> tuple[int, Decimal]:
    """One row per dish (name, "x2" at `count_x`, the line's ¥ sum right-aligned); (next y, total)."""
    rng, theme, total = page.rng, page.theme, Decimal(0)
    for dish in dishes:
        price, count = v.yuan(rng, *prices), rng.choice(counts)
        total += price * count
        page.text(page.px(60), y, dish, 28, theme.text)
        page.text(page.px(count_x), y, f"x{count}", 26, theme.muted)
        page.text(page.width - page.px(60), y, f"¥{money(price * count)}", 28, theme.text, align="r")
        page.expect(amount(price * count))
        page.trap("quantity", str(count))
        y += page.px(70)
    return y, total


def price_rows(page: Page, y: int, rows: Sequence[Row]) -> None:
    """The fees, cuts and 实付 under the dishes: grey label at the left, the sum right-aligned."""
    for label, shown, expected in rows:
        page.text(page.px(60), y, label, 28, page.theme.muted)
        page.text(page.width - page.px(60), y, shown, 28, page.theme.text, align="r")
        page.expect(*expected)
        y += page.px(70)


def draw_meituan_order(page: Page, reference: datetime) -> None:
    """Meituan 外卖 订单详情 (held out): 订单已送达, the shop, dishes with x quantities and prices,
    配送费, 红包 as -¥, 实付 ¥, then inline 订单信息 rows (订单号码, 下单时间, 商家电话)."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    page.text(page.px(60), page.y + page.px(10), "订单已送达", 44, theme.text, bold=True)
    page.text(page.px(60), page.y + page.px(80), "感谢您对美团外卖的信任，期待再次光临", 26, theme.muted)
    page.y += page.px(140)
    _, top = page.card(page.px(80 + 70 * 3 + 70 * 3))
    page.text(page.px(60), top + page.px(25), rng.choice(("老乡鸡（中关村店）", "肯德基宅急送", "喜茶 GO")), 30, theme.text, bold=True)
    y, total = dish_rows(page, top + page.px(90), rng.sample(("招牌鸡腿饭", "番茄牛腩", "冰美式", "薯条（大）", "米饭"), 3),
                         (3, 60), (1, 1, 2), 620)
    fee, coupon = Decimal(rng.choice((0, 2, 3))), Decimal(rng.choice((3, 5, 8)))
    paid = total + fee - coupon
    price_rows(page, y, [("配送费", f"¥{money(fee)}", [amount(fee, AmountRole.SHIPPING)]),
                         ("红包", f"-¥{money(coupon)}", [amount(-coupon, AmountRole.DISCOUNT)]),
                         ("实付", f"¥{money(paid)}", [amount(paid, AmountRole.PAID)])])
    order_no, phone = v.meituan_order_no(rng), v.landline(rng)
    shown, when, precision = v.stamp(rng, v.moment_before(rng, reference, 30))
    rows_card(page, [("订单号码", order_no, [number(FieldType.ORDER_NO, order_no)]),
                     ("下单时间", shown, [moment(when, precision)]),
                     ("商家电话", phone, []), ("支付方式", "在线支付", [])], "inline", size=26)
    page.trap("phone", phone)


def draw_meituan_refund(page: Page, reference: datetime) -> None:
    """美团外卖 退款详情: 退款成功 with "¥23.50" under it and where it went, the steps newest first
    with month-day times, then inline rows 退款原因, 申请时间 (full), 退款金额, 订单号."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "退款详情")
    refund = v.yuan(rng, 3, 300)
    _, top = page.card(page.px(220))
    page.text(page.width // 2, top + page.px(30), "退款成功", 40, theme.text, bold=True, align="m")
    page.text(page.width // 2, top + page.px(100), f"¥{money(refund)}", 52, "#FF6600", bold=True, align="m")
    page.text(page.width // 2, top + page.px(170), f"已原路退回{rng.choice(('微信支付', '美团月付', '支付宝'))}", 24,
              theme.muted, align="m")
    page.expect(amount(-refund, AmountRole.REFUND))
    applied = v.moment_before(rng, reference, 25, min_seconds=2 * 86400).replace(second=0)
    stamps = [applied]
    for _ in MEITUAN_STEPS[1:]:
        stamps.append(stamps[-1] + timedelta(minutes=rng.randint(5, 900)))
    _, top = page.card(page.px(110 * len(MEITUAN_STEPS) + 30))
    for row, (step, at) in enumerate(reversed(list(zip(MEITUAN_STEPS, stamps, strict=True)))):
        y = top + page.px(30 + 110 * row)
        page.text(page.px(70), y, step, 28, theme.text if row == 0 else theme.muted)
        page.text(page.width - page.px(60), y, f"{at:%m-%d %H:%M}", 24, theme.muted, align="r")
        page.expect(moment(at, "minutes", reference="page"))
    order_no = v.meituan_order_no(rng)
    rows_card(page, [
        ("退款原因", rng.choice(("商家已打烊", "餐品洒漏", "配送超时")), []),
        ("申请时间", f"{applied:%Y-%m-%d %H:%M}", [moment(applied, "minutes")]),
        ("退款金额", f"¥{money(refund)}", [amount(-refund, AmountRole.REFUND)]),
        ("订单号", order_no, [number(FieldType.ORDER_NO, order_no)]),
    ], "inline", size=26)


def draw_eleme_order(page: Page, reference: datetime) -> None:
    """饿了么 订单详情: 订单已送达, the shop and dishes (x quantity, line price), 打包费, 配送费,
    店铺满减 -¥, 实付 ¥ right-aligned, then 配送信息 (骑手电话) and 订单信息 split rows."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    page.text(page.px(60), page.y + page.px(10), "订单已送达", 44, theme.text, bold=True)
    page.y += page.px(90)
    dishes = rng.sample(("黄焖鸡米饭", "酸辣粉", "珍珠奶茶（大杯）", "鸡排", "卤肉饭"), 2)
    _, top = page.card(page.px(90 + 70 * (len(dishes) + 4)))
    page.text(page.px(60), top + page.px(25), rng.choice(("杨国福麻辣烫", "蜜雪冰城", "华莱士")), 30, theme.text,
              bold=True)
    y, total = dish_rows(page, top + page.px(90), dishes, (4, 40), (1, 2), 600)
    packing, delivery, cut = Decimal(rng.choice((1, 2))), Decimal(rng.choice((0, 3, 5))), Decimal(rng.choice((4, 6)))
    paid = total + packing + delivery - cut
    price_rows(page, y, [("打包费", f"¥{money(packing)}", [amount(packing)]),
                         ("配送费", f"¥{money(delivery)}", [amount(delivery, AmountRole.SHIPPING)]),
                         ("店铺满减", f"-¥{money(cut)}", [amount(-cut, AmountRole.DISCOUNT)]),
                         ("实付", f"¥{money(paid)}", [amount(paid, AmountRole.PAID)])])
    courier = v.mobile(rng)
    rows_card(page, [("配送骑手", rng.choice(v.SURNAMES) + "师傅", []), ("骑手电话", courier, [])], "split", size=26)
    page.trap("phone", courier)
    order_no = v.digits(rng, 19, "5")
    shown, when, precision = v.stamp(rng, v.moment_before(rng, reference, 30))
    rows_card(page, [("订单号", f"{order_no} 复制", [number(FieldType.ORDER_NO, order_no)]),
                     ("下单时间", shown, [moment(when, precision)]),
                     ("支付方式", "支付宝", [])], "split", size=26)

"""Travel orders (second held-out part): 铁路12306 订单详情.

12306 订单号 is a letter and nine characters (E123456789, from the app's 订单 pages); the ticket's
票价 is what was paid for one seat; 车次, 车厢 and 座位号 are no numbers of a scored type.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from bench.screens import values as v
from bench.screens.blocks import rows_card, status_bar, title_bar
from bench.screens.canvas import Page
from bench.screens.truth import amount, money, moment, number
from ocr.types import AmountRole, FieldType

STATIONS = ("北京南", "上海虹桥", "广州南", "深圳北", "杭州东", "南京南", "成都东", "武汉")


def draw_12306_order(page: Page, reference: datetime) -> None:
    """铁路12306 订单详情: 订单号 E… and 下单时间 inline, a ticket card with the date and 开 time, the
    two stations, 车次, 车厢座位 and 票价 ¥, then 铁路乘意险, 支付金额 (fare and insurance) and the status in split rows."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "订单详情")
    order_no = rng.choice("EWK") + v.digits(rng, 9, v.DIGITS)
    ordered = v.moment_before(rng, reference, 20, min_seconds=2 * 86400)
    shown, when, precision = v.stamp(rng, ordered)
    rows_card(page, [
        ("订单号", order_no, [number(FieldType.ORDER_NO, order_no)]),
        ("下单时间", shown, [moment(when, precision)]),
    ], "inline", size=26)
    departs = (ordered + timedelta(days=rng.randint(1, 15))).replace(minute=rng.choice((0, 12, 25, 38, 47)), second=0)
    train = rng.choice("GDC") + str(rng.randint(1, 9999))
    start, end = rng.sample(STATIONS, 2)
    fare = v.yuan(rng, 50, 1800)
    coach, seat = rng.randint(1, 16), f"{rng.randint(1, 20):02d}{rng.choice('ABCDF')}"
    _, top = page.card(page.px(300))
    page.text(page.px(60), top + page.px(25), f"{departs:%Y-%m-%d} {departs:%H:%M}开", 28, theme.text, bold=True)
    page.text(page.px(60), top + page.px(90), start, 40, theme.text, bold=True)
    page.text(page.width // 2, top + page.px(100), train, 28, theme.muted, align="m")
    page.text(page.width - page.px(60), top + page.px(90), end, 40, theme.text, bold=True, align="r")
    page.text(page.px(60), top + page.px(170), f"{rng.choice(v.SURNAMES)}** 成人票 二等座", 26, theme.text)
    page.text(page.px(60), top + page.px(225), f"{coach:02d}车{seat}号", 26, theme.muted)
    page.text(page.width - page.px(60), top + page.px(225), f"票价 ¥{money(fare)}", 26, theme.accent, align="r")
    page.expect(moment(departs, "minutes"), amount(fare, AmountRole.UNIT_PRICE))
    page.trap("train", train[1:])
    insurance = Decimal(rng.choice((3, 5, 10)))
    rows_card(page, [("铁路乘意险", f"¥{money(insurance)}", [amount(insurance)]),
                     ("支付金额", f"¥{money(fare + insurance)}", [amount(fare + insurance, AmountRole.PAID)]),
                     ("订单状态", rng.choice(("已支付", "已出票")), [])], "split", size=28)

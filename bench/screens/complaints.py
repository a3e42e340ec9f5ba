"""Complaint records: the 全国12315平台 (web), 黑猫投诉 (app) and a JD 投诉详情 page."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from bench.screens import values as v
from bench.screens.blocks import rows_card, status_bar, title_bar
from bench.screens.canvas import Page
from bench.screens.truth import amount, money, moment, number
from ocr.types import FieldType

RESPONDENTS = ("北京京东叁佰陆拾度电子商务有限公司", "京东金融", "北京京东世纪贸易有限公司", "网银在线（北京）科技有限公司")
STEPS = ("您的投诉已受理，我们将尽快处理", "已联系商家核实情况", "商家同意退款，请留意账户变动", "投诉已办结，感谢您的反馈")


def draw_12315(page: Page, reference: datetime) -> None:
    """全国12315平台 投诉详情 in a desktop browser: a grey label column with values at a fixed x
    (投诉编号 of 11+ digits starting with 1, 登记时间, 被投诉方, 涉及金额（元） as a bare number, 处理状态),
    then a 处理进度 table with 处理时间 / 处理部门 / 处理结果 columns."""
    rng, theme = page.rng, page.theme
    page.y = page.px(30)
    page.text(page.px(40), page.y, "全国12315平台", 36, theme.accent, bold=True)
    page.text(page.px(420), page.y + page.px(6), "我的投诉 > 投诉详情", 26, theme.muted)
    page.y += page.px(60)
    ticket = "1" + v.digits(rng, rng.choice((10, 15)), v.DIGITS)
    registered = v.moment_before(rng, reference, 40, min_seconds=5 * 86400)
    shown, when, precision = v.stamp(rng, registered)
    disputed = v.yuan(rng, 20, 9000)
    rows_card(page, [
        ("投诉编号", ticket, [number(FieldType.TICKET_NO, ticket)]),
        ("登记时间", shown, [moment(when, precision)]),
        ("被投诉方", rng.choice(RESPONDENTS), []),
        ("涉及金额（元）", f"{disputed:.2f}", [amount(disputed)]),
        ("处理状态", rng.choice(("已受理", "调解中", "已办结")), []),
    ], "column", size=26, column=330)
    for x, header in ((60, "处理时间"), (400, "处理部门"), (700, "处理结果")):
        page.text(page.px(x), page.y + page.px(30), header, 24, theme.muted)
    page.y += page.px(80)
    at = registered
    for step in STEPS[:rng.randint(1, 3)]:
        at = min(at + timedelta(hours=rng.randint(4, 60)), reference - timedelta(minutes=5)).replace(second=0)
        page.text(page.px(60), page.y, f"{at:%Y-%m-%d %H:%M}", 22, theme.text)
        page.text(page.px(400), page.y, rng.choice(("北京市大兴区市场监督管理局", "亦庄市场监管所")), 22, theme.text)
        page.text(page.px(700), page.y, step[:14], 22, theme.text)
        page.expect(moment(at, "minutes"))
        page.y += page.px(50)


def draw_heimao(page: Page, reference: datetime) -> None:
    """黑猫投诉 complaint page: title, [投诉编号] 17…, 投诉对象 / 投诉问题 / 投诉要求 / 涉诉金额 (1130元)
    inline rows, then a timeline whose first step has a full date and the later ones "02-16 10:20"
    without a year — the page's own year dates them."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "黑猫投诉")
    ticket = "17" + v.digits(rng, 9, v.DIGITS)
    disputed = v.yuan(rng, 20, 9000).quantize(Decimal(1))
    page.text(page.px(40), page.y, f"[投诉编号] {ticket}", 26, theme.muted)
    page.expect(number(FieldType.TICKET_NO, ticket))
    page.y += page.px(40)
    rows_card(page, [
        ("投诉对象", rng.choice(RESPONDENTS), []),
        ("投诉问题", rng.choice(("白条降额", "退款不到账", "虚假发货")), []),
        ("投诉要求", "退款、赔偿", []),
        ("涉诉金额", f"{disputed:.0f}元", [amount(disputed)]),
    ], "inline", size=28, colour=theme.text)
    at = v.moment_before(rng, reference, 20, min_seconds=4 * 86400).replace(second=0)
    first = True
    for step in ("发起投诉", "投诉已分配商家处理", "商家已回复", "投诉已完成"):
        shown = f"{at:%Y-%m-%d %H:%M}" if first else f"{at:%m-%d %H:%M}"
        _, top = page.card(page.px(120), gap=4)
        page.text(page.px(60), top + page.px(20), step, 28, theme.text)
        page.text(page.px(60), top + page.px(70), shown, 24, theme.muted)
        page.expect(moment(at, "minutes", reference="" if first else "page"))
        first = False
        at += timedelta(hours=rng.randint(3, 40))
        if at > reference - timedelta(hours=1):
            break


def draw_jd_complaint(page: Page, reference: datetime) -> None:
    """A JD 投诉详情: inline rows (投诉单号 TS…, 受理时间, 投诉对象, 关联订单号, 涉及金额 ¥, 客服热线 950618),
    then 处理进度 cards with full times."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "投诉详情")
    ticket, order_no, disputed = v.ticket_no(rng), v.jd_order_no(rng), v.yuan(rng)
    accepted = v.moment_before(rng, reference, 20)
    shown, when, precision = v.stamp(rng, accepted, with_seconds=rng.random() < 0.5)
    rows_card(page, [
        ("投诉单号", ticket, [number(FieldType.TICKET_NO, ticket)]),
        ("受理时间", shown, [moment(when, precision)]),
        ("投诉对象", "京东商城", []),
        ("关联订单号", order_no, [number(FieldType.ORDER_NO, order_no)]),
        ("涉及金额", f"¥{money(disputed)}", [amount(disputed)]),
        ("客服热线", "950618", []),
    ], "inline", colour=theme.text)
    page.trap("hotline", "950618")
    page.y += page.px(20)
    page.text(page.px(40), page.y, "处理进度", 30, theme.text, bold=True)
    page.y += page.px(30)
    at = when
    for step in STEPS[:rng.randint(2, 4)]:
        at = (at + timedelta(hours=rng.randint(1, 30), minutes=rng.randint(0, 59))).replace(second=0)
        if at > reference:
            break
        _, top = page.card(page.px(130), gap=4)
        page.text(page.px(60), top + page.px(25), step, 28, theme.text)
        page.text(page.px(60), top + page.px(80), f"{at:%Y-%m-%d %H:%M}", 24, theme.muted)
        page.expect(moment(at, "minutes"))


def draw_12345_receipt(page: Page, reference: datetime) -> None:
    """A 12345 政务服务便民热线 工单回执 (second held-out part) as the city's mini-program shows it: 工单编号
    of a date and a serial (20260114-000123 style, dash kept), 来电时间, 诉求类型, 被反映单位, 涉及金额 in
    元, 承办单位 and 办理时限 as column rows, then the 回访 text with the hotline 12345."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "工单详情")
    called = v.moment_before(rng, reference, 15, min_seconds=3 * 86400)
    shown, when, precision = v.stamp(rng, called)
    ticket = f"{called:%Y%m%d}" + v.digits(rng, 6, v.DIGITS)
    disputed = v.yuan(rng, 20, 9000)
    deadline = (called + timedelta(days=rng.choice((5, 7, 15)))).replace(hour=0, minute=0, second=0)
    rows_card(page, [
        ("工单编号", ticket, [number(FieldType.TICKET_NO, ticket)]),
        ("来电时间", shown, [moment(when, precision)]),
        ("诉求类型", rng.choice(("投诉", "求助", "举报")), []),
        ("被反映单位", rng.choice(RESPONDENTS), []),
        ("涉及金额", f"{money(disputed)}元", [amount(disputed)]),
        ("承办单位", rng.choice(("大兴区市场监督管理局", "朝阳区消费者协会", "亦庄经济开发区管委会")), []),
        ("办理时限", f"{deadline:%Y年%m月%d日}前", [moment(deadline, "date")]),
    ], "column", size=26, pitch=70, column=290)
    page.y += page.px(30)
    for text in ("您反映的问题已转交承办单位办理，", "办理结果将通过12345回访告知。"):
        page.text(page.px(40), page.y, text, 24, theme.muted)
        page.y += page.px(44)
    page.trap("hotline", "12345")

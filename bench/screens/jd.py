"""JD.com (京东 app and jd.com) and 京东金融 pages."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from bench.screens import values as v
from bench.screens.blocks import headline, label_row, list_row, rows_card, section, status_bar, title_bar
from bench.screens.canvas import Page
from bench.screens.truth import amount, money, moment, number
from ocr.types import AmountRole, FieldType


def _goods_card(page: Page, title: str, price: Decimal, count: int) -> None:
    """Picture, two rows of title, the unit price in red and the quantity "x2" at the right."""
    theme = page.theme
    rows = page.wrap(title, 30, page.width - page.px(330))[:2]
    _, top = page.card(page.px(110 + 45 * len(rows)))
    page.draw.rectangle((page.px(60), top + page.px(30), page.px(220), top + page.px(190)), fill=theme.page)
    for index, row in enumerate(rows):
        page.text(page.px(250), top + page.px(30 + 45 * index), row, 30, theme.text)
    page.text(page.px(250), top + page.px(40 + 45 * len(rows)), f"¥{money(price)}", 32, theme.accent)
    page.text(page.width - page.px(60), top + page.px(40 + 45 * len(rows)), f"x{count}", 28, theme.muted, align="r")
    page.expect(amount(price, AmountRole.UNIT_PRICE))
    page.trap("quantity", str(count))


def draw_order_detail(page: Page, reference: datetime) -> None:
    """JD app 订单详情: status card, consignee with a masked phone, goods cards (unit price, x
    quantity), the price block with values right-aligned in their own boxes (商品总额, 运费, 优惠 as
    -¥, 实付款 in red), then 订单信息 as inline "订单编号：…" rows with 复制 buttons."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "订单详情")
    _, top = page.card(page.px(150))
    page.text(page.px(60), top + page.px(30), rng.choice(("已完成", "等待收货", "退款/售后中", "已取消")), 40,
              theme.text, bold=True)
    page.text(page.px(60), top + page.px(95), "感谢您在京东购物，欢迎您再次光临！", 28, theme.muted)
    phone = v.masked_mobile(rng)
    _, top = page.card(page.px(170))
    page.text(page.px(60), top + page.px(30), f"{rng.choice(v.SURNAMES)}**  {phone}", 30, theme.text)
    page.text(page.px(60), top + page.px(95), f"{rng.choice(v.CITIES)}**路{rng.randint(1, 300)}号**小区", 28, theme.muted)
    page.trap("phone", phone)
    total = Decimal(0)
    for _ in range(rng.choice((1, 1, 2))):
        price, count = v.yuan(rng, 9, 6000), rng.choice((1, 1, 1, 2))
        total += price * count
        _goods_card(page, rng.choice(v.PRODUCTS), price, count)
    freight = rng.choice((Decimal(0), Decimal(6), Decimal(8)))
    discount = rng.choice((Decimal(0), Decimal(5), Decimal(20)))
    paid = total + freight - discount
    price_rows = [("商品总额", f"¥{money(total)}", [amount(total, AmountRole.ORDER_TOTAL)]),
                  ("运费", f"¥{money(freight)}", [amount(freight, AmountRole.SHIPPING)])]
    if discount:
        price_rows.append(("优惠券", f"-¥{money(discount)}", [amount(-discount, AmountRole.DISCOUNT)]))
    price_rows.append(("实付款", f"¥{money(paid)}", [amount(paid, AmountRole.PAID)]))
    rows_card(page, price_rows, "split", size=30)
    ordered = v.moment_before(rng, reference, 60)
    ordered_text, ordered_at, precision = v.stamp(rng, ordered)
    paid_text, paid_at, _ = v.stamp(rng, ordered + timedelta(seconds=rng.randint(5, 600)))
    order_no = v.jd_order_no(rng)
    info = [
        ("订单编号", f"{order_no}  复制", [number(FieldType.ORDER_NO, order_no)]),
        ("下单时间", ordered_text, [moment(ordered_at, precision)]),
        ("支付方式", rng.choice(("在线支付", "京东白条", "微信支付")), []),
        ("付款时间", paid_text, [moment(paid_at, precision)]),
        ("配送方式", "京东快递", []),
    ]
    rows_card(page, info, "inline")


def draw_order_list(page: Page, reference: datetime) -> None:
    """jd.com 我的订单 on a desktop browser: per order a grey header row "2026-02-14 22:15:35  订单号：
    312345678901  京东自营", then the goods title, "x1", the amount with 在线支付 under it and the
    status; the list's order numbers are the only long digit runs."""
    rng, theme = page.rng, page.theme
    page.y = page.px(30)
    page.text(page.px(40), page.y, "我的订单", 40, theme.text, bold=True)
    page.text(page.px(300), page.y + page.px(8), "全部订单   待付款   待收货   已完成", 28, theme.muted)
    page.y += page.px(90)
    moment_at = v.moment_before(rng, reference, 5)
    for _ in range(rng.randint(3, 5)):
        shown, at, precision = v.stamp(rng, moment_at)
        order_no, paid, count = v.jd_order_no(rng), v.yuan(rng, 9, 3000), rng.choice((1, 1, 2, 3))
        top = page.y
        page.draw.rectangle((page.px(30), top, page.width - page.px(30), top + page.px(60)), fill=theme.page)
        page.text(page.px(50), top + page.px(14), shown, 26, theme.text)
        page.text(page.px(420), top + page.px(14), f"订单号：{order_no}", 26, theme.text)
        page.text(page.px(900), top + page.px(14), "京东自营", 26, theme.muted)
        page.expect(moment(at, precision), number(FieldType.ORDER_NO, order_no))
        body = top + page.px(80)
        page.draw.rectangle((page.px(50), body, page.px(150), body + page.px(100)), fill=theme.line)
        page.text(page.px(170), body + page.px(10), page.wrap(rng.choice(v.PRODUCTS), 26, page.px(560))[0], 26, theme.text)
        page.text(page.px(760), body + page.px(10), f"x{count}", 26, theme.muted)
        page.text(page.px(880), body + page.px(10), f"¥{money(paid)}", 28, theme.text)
        page.text(page.px(880), body + page.px(55), "在线支付", 22, theme.muted)
        page.text(page.px(1040), body + page.px(10), rng.choice(("已完成", "已取消", "等待收货")), 26, theme.text)
        page.expect(amount(paid, AmountRole.PAID))
        page.trap("quantity", str(count))
        page.y = body + page.px(140)
        page.rule(page.y - page.px(10))
        moment_at = v.moment_before(rng, moment_at, 20)


def draw_baitiao_bill(page: Page, reference: datetime) -> None:
    """京东金融 白条账单: "本期应还（元）" with the number below it and the unit only in the label, the due
    date, then the bill's items as list rows (merchant, date, amount right-aligned without ¥)."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "白条账单")
    due = v.yuan(rng, 100, 8000)
    due_day = (reference + timedelta(days=rng.randint(1, 20))).replace(hour=0, minute=0, second=0)
    _, top = page.card(page.px(260))
    page.text(page.px(60), top + page.px(30), rng.choice(("本期应还（元）", "本期应还(元)")), 28, theme.muted)
    page.text(page.px(60), top + page.px(80), money(due), 60, theme.text, bold=True)
    page.text(page.px(60), top + page.px(180), f"最后还款日 {due_day:%Y-%m-%d}", 26, theme.muted)
    page.expect(amount(due, AmountRole.DUE), moment(due_day, "date"))
    section(page, "账单明细")
    at = v.moment_before(rng, reference, 25)
    for _ in range(rng.randint(2, 5)):
        spent = v.yuan(rng, 10, 2000)
        shown, day, precision = v.stamp(rng, at, with_seconds=False)
        list_row(page, rng.choice(("京东商城", "京东到家", "京东超市")), shown, money(spent), "",
                 [amount(spent, AmountRole.TRANSACTION), moment(day, precision)])
        at = v.moment_before(rng, at, 6)


def draw_baitiao_repayment(page: Page, reference: datetime) -> None:
    """京东金融 白条还款记录: 本期应还(元) headline with ¥, then one card per repayment with the kind of
    repayment and its time at the left, ¥ amount and 还款成功 at the right."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "白条还款记录")
    due = v.yuan(rng, 100, 8000)
    _, top = page.card(page.px(200))
    page.text(page.px(60), top + page.px(30), "本期应还(元)", 28, theme.muted)
    page.text(page.px(60), top + page.px(85), f"¥{money(due)}", 52, theme.text, bold=True)
    page.expect(amount(due, AmountRole.DUE))
    at = v.moment_before(rng, reference, 10)
    for _ in range(rng.randint(2, 8)):
        repaid = v.yuan(rng, 20, 3000)
        shown, when, precision = v.stamp(rng, at)
        _, top = page.card(page.px(150), gap=4)
        page.text(page.px(60), top + page.px(25), rng.choice(("白条还款", "主动还款", "自动还款")), 30, theme.text)
        page.text(page.px(60), top + page.px(85), shown, 26, theme.muted)
        page.text(page.width - page.px(60), top + page.px(25), f"¥{money(repaid)}", 32, theme.text, align="r")
        page.text(page.width - page.px(60), top + page.px(85), "还款成功", 26, theme.muted, align="r")
        page.expect(amount(repaid, AmountRole.REPAYMENT), moment(when, precision))
        at = v.moment_before(rng, at, 30)


def draw_jintiao_loan(page: Page, reference: datetime) -> None:
    """京东金融 金条借款详情: 借款金额(元) label over a big number, then two-column rows (借款期限,
    年化利率 as a percentage, 还款方式, 收款银行卡 with the last four digits, 借款时间, 借款单号)."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "借款详情")
    loan = Decimal(rng.randint(10, 300) * 100)
    _, top = page.card(page.px(220))
    page.text(page.width // 2, top + page.px(30), "借款金额(元)", 28, theme.muted, align="m")
    page.text(page.width // 2, top + page.px(80), money(loan), 64, theme.text, bold=True, align="m")
    page.expect(amount(loan, AmountRole.LOAN))
    months = rng.choice((3, 6, 12))
    rate = f"{rng.choice(('7.2', '10.8', '18.0', '23.4'))}%"
    shown, when, precision = v.stamp(rng, v.moment_before(rng, reference, 90))
    loan_no = v.digits(rng, 18, v.DIGITS)
    card = rng.choice(v.BANKS) + f"(尾号{rng.randint(1000, 9999)})"
    rows = [
        ("借款期限", f"{months}个月", []),
        ("年化利率(单利)", rate, []),
        ("还款方式", "等额本息", []),
        ("收款银行卡", card, []),
        ("借款时间", shown, [moment(when, precision)]),
        ("借款单号", loan_no, [number(FieldType.TRANSACTION_NO, loan_no)]),
    ]
    rows_card(page, rows, "split")
    page.trap("quantity", str(months))
    page.trap("percentage", rate)


def draw_refund_detail(page: Page, reference: datetime) -> None:
    """JD app 退款详情 (held out): 退款成功 with the refund amount as headline, a progress line with
    times, then 退款信息 rows with the value under each label in the newer two-line style."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "退款详情")
    refund = v.yuan(rng, 9, 5000)
    headline(page, "退款成功", f"¥{money(refund)}", [amount(-refund, AmountRole.REFUND)], size=56)
    applied = v.moment_before(rng, reference, 20)
    for step, offset in (("申请退款", 0), ("商家同意", rng.randint(600, 20000)), ("退款到账", rng.randint(30000, 90000))):
        at = applied + timedelta(seconds=offset)
        shown, when, precision = v.stamp(rng, min(at, reference - timedelta(minutes=5)), with_seconds=False)
        label_row(page, page.y, step, shown, "split", 26)
        page.expect(moment(when, precision))
        page.y += page.px(56)
    refund_no, order_no = v.digits(rng, 10), v.jd_order_no(rng)
    rows = [
        ("退款金额", f"¥{money(refund)}", [amount(-refund, AmountRole.REFUND)]),
        ("退回账户", rng.choice(("原路退回微信", "京东白条", "银行卡")), []),
        ("退款编号", refund_no, [number(FieldType.TRANSACTION_NO, refund_no)]),
        ("订单编号", order_no, [number(FieldType.ORDER_NO, order_no)]),
    ]
    rows_card(page, rows, "below", size=30)


def draw_order_detail_desktop(page: Page, reference: datetime) -> None:
    """jd.com 订单详情 on a desktop browser (held out): "订单号：… 状态：已完成" in one header line, a
    progress strip of stage names with times under them, 收货人信息 / 付款信息 columns side by side,
    and a goods table with 商品 / 京东价 / 数量 headers."""
    rng, theme = page.rng, page.theme
    order_no = v.jd_order_no(rng)
    page.y = page.px(30)
    page.text(page.px(40), page.y, f"订单号：{order_no}", 30, theme.text, bold=True)
    page.text(page.px(560), page.y, "状态：已完成", 30, theme.accent)
    page.expect(number(FieldType.ORDER_NO, order_no))
    page.y += page.px(90)
    at = v.moment_before(rng, reference, 40)
    for column, stage in enumerate(("提交订单", "付款成功", "商品出库", "完成")):
        x = page.px(80 + column * 270)
        shown, when, precision = v.stamp(rng, at)
        page.text(x, page.y, stage, 26, theme.text)
        date_text, clock_text = shown.rsplit(" ", 1)
        page.text(x, page.y + page.px(44), date_text, 22, theme.muted)
        page.text(x, page.y + page.px(76), clock_text, 22, theme.muted)
        page.expect(moment(when, precision))
        at = min(at + timedelta(seconds=rng.randint(60, 40000)), reference - timedelta(minutes=3))
    page.y += page.px(140)
    price, count = v.yuan(rng, 9, 4000), rng.choice((1, 2))
    freight = rng.choice((Decimal(0), Decimal(6)))
    paid = price * count + freight
    left, right = page.px(60), page.px(620)
    page.text(left, page.y, "收货人信息", 28, theme.text, bold=True)
    page.text(right, page.y, "付款信息", 28, theme.text, bold=True)
    phone = v.masked_mobile(rng)
    page.text(left, page.y + page.px(50), f"收 货 人：{rng.choice(v.SURNAMES)}**", 24, theme.muted)
    page.text(left, page.y + page.px(90), f"手机号码：{phone}", 24, theme.muted)
    page.text(right, page.y + page.px(50), "付款方式：在线支付", 24, theme.muted)
    page.text(right, page.y + page.px(90), f"商品总额：¥{money(price * count)}", 24, theme.muted)
    page.text(right, page.y + page.px(130), f"运　　费：¥{money(freight)}", 24, theme.muted)
    page.text(right, page.y + page.px(170), f"应付总额：¥{money(paid)}", 24, theme.accent)
    page.expect(amount(price * count, AmountRole.ORDER_TOTAL), amount(freight, AmountRole.SHIPPING),
                amount(paid, AmountRole.PAID))
    page.trap("phone", phone)
    page.y += page.px(240)
    for x, header in ((60, "商品"), (700, "京东价"), (900, "商品数量")):
        page.text(page.px(x), page.y, header, 24, theme.muted)
    page.y += page.px(50)
    page.text(page.px(60), page.y, page.wrap(rng.choice(v.PRODUCTS), 24, page.px(600))[0], 24, theme.text)
    page.text(page.px(700), page.y, f"¥{money(price)}", 24, theme.text)
    page.text(page.px(900), page.y, str(count), 24, theme.text)
    page.expect(amount(price, AmountRole.UNIT_PRICE))
    page.trap("quantity", str(count))
    page.y += page.px(60)


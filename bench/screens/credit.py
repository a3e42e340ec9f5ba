"""Consumer-credit pages (second held-out part): JD 白条 分期详情, 京东金融 还款计划, a bank 信用卡 账单.

What each amount is: the financed sum of an instalment plan or a loan is `loan`, what a period or a
statement asks for (每期应还, 本期应还金额, 最低还款额) is `due`, 信用额度 the `credit_limit`, a
statement row a `transaction`; 本金, 利息 and 手续费 name no role of their own.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from bench.screens import values as v
from bench.screens.blocks import label_row, rows_card, section, status_bar, title_bar
from bench.screens.canvas import Page
from bench.screens.truth import amount, money, moment, number
from ocr.types import AmountRole, FieldType


def _monthly(day: datetime, months: int) -> datetime:
    """The same day of the month `months` later (days 1-28 only, as repayment days are)."""
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


def draw_baitiao_installment(page: Page, reference: datetime) -> None:
    """京东白条 分期详情: 分期金额(元) over a big number, 分期期数 / 每期应还 / 手续费 split rows, the
    消费时间, then one row per period: "第1期", its 还款日 (2026-03-10), the period's ¥ amount right-aligned
    and 已还清 / 待还款 under it."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "分期详情")
    periods = rng.choice((3, 6, 12))
    each = v.yuan(rng, 30, 900)
    fee = (each * periods * Decimal(rng.choice(("0.005", "0.007", "0"))) / periods).quantize(Decimal("0.01"))
    financed = each * periods - fee * periods
    _, top = page.card(page.px(200))
    page.text(page.px(60), top + page.px(30), "分期金额(元)", 28, theme.muted)
    page.text(page.px(60), top + page.px(80), money(financed), 60, theme.text, bold=True)
    page.expect(amount(financed, AmountRole.LOAN))
    bought = v.moment_before(rng, reference, 20)
    shown, when, precision = v.stamp(rng, bought)
    rows_card(page, [
        ("分期期数", f"{periods}期", []),
        ("每期应还", f"¥{money(each)}", [amount(each, AmountRole.DUE)]),
        ("每期手续费", f"¥{money(fee)}", [amount(fee)]),
        ("消费时间", shown, [moment(when, precision)]),
    ], "split", size=28)
    page.trap("quantity", str(periods))
    section(page, "还款计划")
    first = _monthly(bought.replace(day=rng.randint(1, 28), hour=0, minute=0, second=0), 1)
    for period in range(1, periods + 1):
        due_day = _monthly(first, period - 1)
        _, top = page.card(page.px(120), gap=4)
        page.text(page.px(60), top + page.px(20), f"第{period}期", 28, theme.text)
        page.text(page.px(60), top + page.px(70), f"{due_day:%Y-%m-%d}", 24, theme.muted)
        page.text(page.width - page.px(60), top + page.px(20), f"¥{money(each)}", 30, theme.text, align="r")
        page.text(page.width - page.px(60), top + page.px(70), "已还清" if due_day < reference else "待还款", 24,
                  theme.muted, align="r")
        page.expect(moment(due_day, "date"), amount(each, AmountRole.DUE))


def draw_jdjr_repayment_plan(page: Page, reference: datetime) -> None:
    """京东金融 借款详情 with its 还款计划: 借款金额 and 借款单号 in split rows, then per period a row
    "03月15日 第2/12期" at the left (month and day only; the 借款时间 above gives the year), the period's
    amount at the right and "本金¥… 利息¥…" in grey under it."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "借款详情")
    periods = rng.choice((3, 6, 12))
    principal_each = Decimal(rng.randint(5, 300) * 10)
    loan = principal_each * periods
    borrowed = v.moment_before(rng, reference, 25)
    shown, when, precision = v.stamp(rng, borrowed)
    loan_no = v.digits(rng, 18, v.DIGITS)
    rows_card(page, [
        ("借款金额", f"¥{money(loan)}", [amount(loan, AmountRole.LOAN)]),
        ("借款时间", shown, [moment(when, precision)]),
        ("借款期数", f"{periods}期", []),
        ("借款单号", loan_no, [number(FieldType.TRANSACTION_NO, loan_no)]),
    ], "split", size=28)
    page.trap("quantity", str(periods))
    section(page, "还款计划")
    first = _monthly(borrowed.replace(hour=0, minute=0, second=0, day=min(borrowed.day, 28)), 1)
    for period in range(1, min(periods, 6) + 1):
        due_day = _monthly(first, period - 1)
        interest = (loan - principal_each * (period - 1)) * Decimal("0.0006") * 30
        interest = interest.quantize(Decimal("0.01"))
        _, top = page.card(page.px(120), gap=4)
        page.text(page.px(60), top + page.px(20), f"{due_day:%m月%d日}  第{period}/{periods}期", 28, theme.text)
        page.text(page.width - page.px(60), top + page.px(20), f"¥{money(principal_each + interest)}", 30,
                  theme.text, align="r")
        page.text(page.width - page.px(60), top + page.px(70),
                  f"本金¥{money(principal_each)} 利息¥{money(interest)}", 22, theme.muted, align="r")
        page.expect(moment(due_day, "date", reference="page"), amount(principal_each + interest, AmountRole.DUE),
                    amount(principal_each), amount(interest))


def draw_credit_card_statement(page: Page, reference: datetime) -> None:
    """A bank app's 信用卡 电子账单: card name with 尾号, 本期应还金额 headline, 最低还款额, 信用额度,
    账单日 and 到期还款日 as column rows, then a 交易明细 table whose 交易日 / 记账日 cells are "01/15"
    (month and day; the 账单日 above gives the year), the 交易摘要 and the signed 人民币金额."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "信用卡账单")
    tail = str(rng.randint(1000, 9999))
    page.text(page.px(40), page.y, f"{rng.choice(v.BANKS)}信用卡（尾号{tail}）", 28, theme.text)
    page.trap("card tail", tail)
    page.y += page.px(60)
    statement_day = (reference - timedelta(days=rng.randint(1, 20))).replace(hour=0, minute=0, second=0)
    due_day = statement_day + timedelta(days=rng.choice((18, 20, 25)))
    spent = [v.yuan(rng, 5, 2000) for _ in range(rng.randint(3, 6))]
    repaid = v.yuan(rng, 100, 3000)
    due = sum(spent, Decimal(0))
    _, top = page.card(page.px(200))
    label_row(page, top + page.px(30), "本期应还金额", "", "below", 28)
    page.text(page.px(60), top + page.px(80), f"¥{money(due)}", 56, theme.text, bold=True)
    page.expect(amount(due, AmountRole.DUE))
    limit = Decimal(rng.randint(10, 200) * 1000)
    minimum = (due / 10).quantize(Decimal("0.01"))
    rows_card(page, [
        ("最低还款额", f"¥{money(minimum)}", [amount(minimum, AmountRole.DUE)]),
        ("信用额度", f"¥{money(limit)}", [amount(limit, AmountRole.CREDIT_LIMIT)]),
        ("账单日", f"{statement_day:%Y年%m月%d日}", [moment(statement_day, "date")]),
        ("到期还款日", f"{due_day:%Y年%m月%d日}", [moment(due_day, "date")]),
    ], "column", size=26, column=300)
    section(page, "交易明细")
    for x, header in ((60, "交易日"), (200, "记账日"), (340, "交易摘要"), (1020, "人民币金额")):
        page.text(page.px(x), page.y, header, 22, theme.muted, align="r" if x > 1000 else "l")
    page.y += page.px(50)
    day = statement_day - timedelta(days=rng.randint(20, 28))
    rows = [(value, rng.choice(("京东商城", "财付通-美团", "支付宝-淘宝", "网银在线"))) for value in spent]
    rows.append((-repaid, "还款 谢谢"))
    for value, summary in rows:
        day = min(day + timedelta(days=rng.randint(0, 5)), statement_day)
        posted = min(day + timedelta(days=1), statement_day)
        page.text(page.px(60), page.y, f"{day:%m/%d}", 22, theme.text)
        page.text(page.px(200), page.y, f"{posted:%m/%d}", 22, theme.text)
        page.text(page.px(340), page.y, summary, 22, theme.text)
        page.text(page.px(1020), page.y, f"{'-' if value < 0 else ''}{money(abs(value))}", 22, theme.text, align="r")
        page.expect(moment(day, "date", reference="page"), moment(posted, "date", reference="page"),
                    amount(value, AmountRole.REPAYMENT if value < 0 else AmountRole.TRANSACTION))
        page.y += page.px(50)

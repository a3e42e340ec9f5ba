"""Money moved outside a shop (third held-out part): a bank app's 转账详情, an Alipay 花呗 bill, and a
顺丰 物流详情 page that proves delivery.

The transfer's headline "-5,000.00" is a transaction; its 交易流水号 is the bank's serial (letters
and digits) and the payee's card is shown masked. 花呗 shows what the month asks for over 本月应还(元)
with the 最后还款日, then its rows as plain positive sums dated "03-05 12:34" (the year from the
due date). The 顺丰 运单号 (SF + 13 digits) is a logistics number, never an order number; its route
stacks "03-05" over "14:22" at the left of each node.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from bench.screens import values as v
from bench.screens.blocks import headline, rows_card, section, status_bar, title_bar
from bench.screens.canvas import Page
from bench.screens.truth import amount, money, moment, number
from ocr.types import AmountRole, FieldType

SF_ROUTE = ("已签收，感谢使用顺丰，期待再次为您服务", "快件交给{name}，正在派送途中", "快件到达【{city}营业点】",
            "快件已发车", "顺丰速运 已收取快件")


def draw_bank_transfer(page: Page, reference: datetime) -> None:
    """招商银行/工商银行 app 转账详情: the payee over "-5,000.00", 交易成功, then a label column:
    收款人, 收款账号 (masked), 收款银行, 转账时间, 交易流水号, 附言."""
    rng = page.rng
    status_bar(page)
    title_bar(page, "转账详情")
    sent = v.yuan(rng, 50, 50000)
    payee = rng.choice(v.SURNAMES) + rng.choice(("伟", "芳", "娜", "强"))
    headline(page, f"转账给 {payee}", f"-{money(sent)}", [amount(-sent, AmountRole.TRANSACTION)], size=58)
    page.text(page.width // 2, page.y, "交易成功", 26, page.theme.muted, align="m")
    page.y += page.px(50)
    card = v.bank_account(rng)
    masked = f"{card[:4]} **** **** {card[-4:]}"
    shown, at, precision = v.stamp(rng, v.moment_before(rng, reference, 40))
    serial = v.bank_serial_no(rng)
    rows_card(page, [
        ("收款人", payee, []),
        ("收款账号", masked, []),
        ("收款银行", rng.choice(v.BANKS), []),
        ("转账时间", shown, [moment(at, precision)]),
        ("交易流水号", serial, [number(FieldType.TRANSACTION_NO, serial)]),
        ("附言", rng.choice(("退货款", "货款", "转账")), []),
    ], "column", size=26, column=280)
    page.trap("bank card", masked)


def draw_huabei_bill(page: Page, reference: datetime) -> None:
    """花呗 账单: 本月应还(元) over the big sum, 最后还款日 2026-04-10, then 账单明细 rows (merchant,
    "03-05 12:34" under it, the sum right-aligned)."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "花呗账单")
    due_day = reference.replace(hour=0, minute=0, second=0) + timedelta(days=rng.randint(1, 20))
    spends = sorted((v.moment_before(rng, reference, 30).replace(second=0)
                     for _ in range(rng.randint(3, 5))), reverse=True)
    sums = [v.yuan(rng, 5, 800) for _ in spends]
    due = sum(sums, start=Decimal(0))
    _, top = page.card(page.px(240))
    page.text(page.px(60), top + page.px(30), "本月应还(元)", 28, theme.muted)
    page.text(page.px(60), top + page.px(80), money(due), 64, theme.text, bold=True)
    page.text(page.px(60), top + page.px(180), f"最后还款日 {due_day:%Y-%m-%d}", 24, theme.muted)
    page.expect(amount(due, AmountRole.DUE), moment(due_day, "date"))
    section(page, "账单明细")
    for spent, value in zip(spends, sums, strict=True):
        _, top = page.card(page.px(130), gap=4)
        page.text(page.px(60), top + page.px(20), rng.choice(("淘宝", "饿了么", "滴滴出行", "天猫超市")), 28, theme.text)
        page.text(page.px(60), top + page.px(75), f"{spent:%m-%d %H:%M}", 22, theme.muted)
        page.text(page.width - page.px(60), top + page.px(20), money(value), 30, theme.text, align="r")
        page.expect(amount(value, AmountRole.TRANSACTION), moment(spent, "minutes", reference="page"))


def draw_sf_tracking(page: Page, reference: datetime) -> None:
    """顺丰速运 物流详情: 运单号 SF… 复制, the route newest first with "03-05" stacked over "14:22",
    then 寄件信息 inline rows with the full 寄件时间 and 运费."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "物流详情")
    waybill = "SF" + v.digits(rng, 13)
    _, top = page.card(page.px(100))
    page.text(page.px(60), top + page.px(30), f"运单号：{waybill}  复制", 28, theme.text)
    page.trap("logistics number", waybill)
    sent = v.moment_before(rng, reference, 20, min_seconds=3 * 86400)
    stamps = [sent.replace(second=0)]
    for _ in SF_ROUTE[1:]:
        stamps.append(stamps[-1] + timedelta(minutes=rng.randint(40, 900)))
    name, city = rng.choice(v.SURNAMES) + "师傅", rng.choice(v.CITIES)
    _, top = page.card(page.px(130 * len(SF_ROUTE) + 30))
    for row, (text, at) in enumerate(zip(SF_ROUTE, reversed(stamps), strict=True)):
        y = top + page.px(30 + 130 * row)
        page.text(page.px(50), y, f"{at:%m-%d}", 24, theme.text if row == 0 else theme.muted)
        page.text(page.px(50), y + page.px(40), f"{at:%H:%M}", 22, theme.muted)
        line = page.wrap(text.format(name=name, city=city), 26, page.width - page.px(280))[0]
        page.text(page.px(200), y, line, 26, theme.text if row == 0 else theme.muted)
        page.expect(moment(at, "minutes", reference="page"))
    fee = v.yuan(rng, 12, 40)
    shown, when, precision = v.stamp(rng, sent)
    rows_card(page, [("寄件时间", shown, [moment(when, precision)]),
                     ("运费", f"¥{money(fee)}", [amount(fee, AmountRole.SHIPPING)]),
                     ("付款方式", rng.choice(("寄付现结", "到付")), [])], "inline", size=26)

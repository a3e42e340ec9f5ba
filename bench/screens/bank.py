"""Bank pages: the SMS a card transaction triggers, a bank app's 交易明细, and 云闪付's bill detail."""
from __future__ import annotations

from datetime import datetime, timedelta

from bench.screens import values as v
from bench.screens.blocks import bubble, centred_note, headline, list_row, rows_card, section, status_bar, title_bar
from bench.screens.canvas import Page
from bench.screens.payments import MERCHANTS, relative_label
from bench.screens.truth import CAPTURE, amount, money, moment, number
from ocr.types import AmountRole, FieldType

BANK_NUMBERS = {"招商银行": "95555", "中国工商银行": "95588", "中国建设银行": "95533", "中国银行": "95566",
                "交通银行": "95559", "中国农业银行": "95599"}


def draw_bank_sms(page: Page, reference: datetime) -> None:
    """A bank's SMS thread in the phone's Messages app: the sender number as title, a grey arrival
    time (昨天 22:15, 2月14日 22:15) over each grey bubble "【招商银行】您账户1234于02月14日22:15在京东
    商城快捷支付扣款人民币1,130.00元，余额2,345.67元。" — a year-less date inside the text."""
    rng = page.rng
    bank = rng.choice(tuple(BANK_NUMBERS))
    status_bar(page)
    title_bar(page, BANK_NUMBERS[bank])
    at = v.moment_before(rng, reference, 12, min_seconds=3600)
    tail = f"{rng.randint(1000, 9999)}"
    for _ in range(rng.randint(2, 4)):
        spent, balance = v.yuan(rng, 1, 3000), v.yuan(rng, 100, 20000)
        at = at.replace(second=0)
        arrived = at + timedelta(minutes=rng.randint(0, 1))
        centred_note(page, relative_label(arrived, reference, "chinese"),
                     [moment(arrived, "minutes", reference=CAPTURE)])
        text = (f"【{bank}】您账户{tail}于{at:%m}月{at:%d}日{at:%H:%M}在{rng.choice(MERCHANTS)}快捷支付扣款人民币"
                f"{money(spent)}元，余额{money(balance)}元。")
        bubble(page, False, text, [amount(-spent, AmountRole.TRANSACTION), amount(balance),
                                   moment(at, "minutes", reference=CAPTURE)])
        at = min(at + timedelta(hours=rng.randint(2, 60)), reference - timedelta(minutes=5))
    page.trap("card_tail", tail)


def draw_bank_app_details(page: Page, reference: datetime) -> None:
    """A bank app's 交易明细: account card with the masked number, then rows of 摘要 (快捷支付-京东商城)
    with the full time under it, the signed amount right-aligned and 余额 under the amount."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "交易明细")
    account = v.bank_account(rng)
    masked = f"{account[:4]} **** **** {account[-4:]}"
    page.text(page.px(40), page.y, f"{rng.choice(v.BANKS)} 借记卡 {masked}", 28, theme.text)
    page.y += page.px(60)
    section(page, "全部收支")
    at = v.moment_before(rng, reference, 3)
    balance = v.yuan(rng, 2000, 50000)
    for _ in range(rng.randint(4, 7)):
        value = -v.yuan(rng, 1, 3000) if rng.random() < 0.8 else v.yuan(rng, 100, 9000)
        shown, when, precision = v.stamp(rng, at)
        sign = "-" if value < 0 else "+"
        title = f"快捷支付-{rng.choice(MERCHANTS)}" if value < 0 else rng.choice(("工资", "转账存入", "退款-京东商城"))
        expected = [amount(value, AmountRole.TRANSACTION), amount(balance), moment(when, precision)]
        if title.startswith("退款"):
            expected[0] = amount(-value, AmountRole.REFUND)
        list_row(page, title, shown, f"{sign}{money(abs(value))}", f"余额 {money(balance)}", expected)
        balance -= value
        at = v.moment_before(rng, at, 4)


def draw_unionpay_detail(page: Page, reference: datetime) -> None:
    """云闪付 账单详情 (held out): the merchant over "-¥88.00", then rows with each value under its
    label: 交易时间, 交易类型, 付款卡 (尾号), 交易流水号, 商户订单号."""
    rng = page.rng
    status_bar(page)
    title_bar(page, "账单详情")
    value = -v.yuan(rng, 1, 3000)
    headline(page, rng.choice(MERCHANTS), f"-¥{money(-value)}", [amount(value, AmountRole.TRANSACTION)], size=56)
    shown, when, precision = v.stamp(rng, v.moment_before(rng, reference, 40))
    serial, order_no = v.bank_serial_no(rng), v.merchant_order_no(rng)
    rows_card(page, [
        ("交易时间", shown, [moment(when, precision)]),
        ("交易类型", "消费", []),
        ("付款卡", f"{rng.choice(v.BANKS)}信用卡(尾号{rng.randint(1000, 9999)})", []),
        ("交易流水号", serial, [number(FieldType.TRANSACTION_NO, serial)]),
        ("商户订单号", order_no, [number(FieldType.ORDER_NO, order_no)]),
    ], "below", size=28)

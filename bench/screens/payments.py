"""Alipay (支付宝) and WeChat Pay (微信支付) bill pages.

Number types: Alipay's 订单号/交易号 and WeChat's 交易单号/转账单号 are the payment platform's own
trade numbers (transaction_no); 商家订单号 / 商户单号 is the merchant's number for the order (order_no).
Amounts keep the sign the page prints (-92.00 is money out, +1,832.17 money in).
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from bench.screens import values as v
from bench.screens.blocks import headline, list_row, rows_card, section, status_bar, title_bar
from bench.screens.canvas import Page
from bench.screens.truth import CAPTURE, Expected, amount, money, moment, number
from ocr.types import AmountRole, FieldType

MERCHANTS = ("美团外卖", "滴滴出行", "京东商城平台商户", "拼多多", "淘宝", "中国石化加油站", "盒马鲜生", "饿了么")


def signed(value: Decimal) -> str:
    """A bill amount as the lists print it: -194.26 for money out, +1,832.17 for money in."""
    return f"{'-' if value < 0 else '+'}{money(abs(value))}"


def flow(rng: random.Random) -> Decimal:
    """Mostly spending, sometimes income."""
    value = v.yuan(rng, 1, 3000)
    return value if rng.random() < 0.2 else -value


def relative_label(at: datetime, reference: datetime, style: str) -> str:
    """The day of a list row the way the apps say it: 今天/昨天, else month and day without a year."""
    days = (reference.date() - at.date()).days
    clock = f"{at:%H:%M}"
    if days == 0:
        return f"今天 {clock}"
    if days == 1:
        return f"昨天 {clock}"
    return f"{at:%m-%d} {clock}" if style == "dash" else f"{at.month}月{at.day}日 {clock}"


def _detail(page: Page, reference: datetime, title: str, rows_style: str, number_label: str) -> None:
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, title)
    value = -v.yuan(rng, 1, 5000)
    merchant = rng.choice(MERCHANTS)
    headline(page, merchant, money(value), [amount(value, AmountRole.TRANSACTION)])
    page.text(page.width // 2, page.y, "交易成功", 26, theme.muted, align="m")
    page.y += page.px(50)
    shown, at, precision = v.stamp(rng, v.moment_before(rng, reference, 60))
    trade_no, merchant_no = v.alipay_trade_no(rng, at), v.merchant_order_no(rng)
    card = f"{rng.choice(v.BANKS)}信用卡({rng.randint(1000, 9999)})"
    rows = [
        ("支付时间", shown, [moment(at, precision)]),
        ("付款方式", rng.choice(("花呗", "余额宝", card)), []),
        ("商品说明", rng.choice(("外卖订单", "商品购买", "快捷支付")), []),
        ("收单机构", "支付宝（中国）网络技术有限公司", []),
        (number_label, trade_no, [number(FieldType.TRANSACTION_NO, trade_no)]),
        ("商家订单号", merchant_no, [number(FieldType.ORDER_NO, merchant_no)]),
    ]
    rows_card(page, rows, rows_style, size=26, column=260)


def draw_alipay_detail(page: Page, reference: datetime) -> None:
    """Alipay 账单详情: merchant name over the signed headline amount without ¥ (-1,130.00), 交易成功,
    then a grey label column with values left-aligned at a fixed x: 支付时间, 付款方式, 商品说明,
    收单机构, 订单号 (28 digits, date first), 商家订单号."""
    _detail(page, reference, "账单详情", "column", "订单号")


def draw_alipay_detail_classic(page: Page, reference: datetime) -> None:
    """Alipay 账单详情 of the older app (held out): the same content with values right-aligned in
    their own boxes and the trade number labelled 交易号."""
    _detail(page, reference, "账单详情", "split", "交易号")


def _bill_list(page: Page, reference: datetime, date_style: str, with_icon_labels: bool) -> None:
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "账单")
    page.text(page.px(40), page.y, "全部账单 ▾", 28, theme.text)
    page.text(page.width - page.px(40), page.y, "收支分析", 28, theme.muted, align="r")
    page.y += page.px(60)
    section(page, "本月")
    at = v.moment_before(rng, reference, 0, min_seconds=600)
    for _ in range(rng.randint(4, 8)):
        value = flow(rng)
        label = relative_label(at, reference, date_style)
        precision = "minutes"
        expected: list[Expected] = [amount(value, AmountRole.TRANSACTION),
                                    moment(at.replace(second=0), precision, reference=CAPTURE)]
        title = rng.choice(MERCHANTS) if value < 0 else rng.choice(("转账收款", "余额宝-收益发放", "退款-商品"))
        if title.startswith("退款"):
            expected[0] = amount(-abs(value), AmountRole.REFUND)
        subtitle = f"{rng.choice(('餐饮美食', '交通出行', '日用百货'))} | {label}" if with_icon_labels else label
        list_row(page, title, subtitle, signed(value), "", expected)
        at = v.moment_before(rng, at, 3, min_seconds=600)


def draw_alipay_list(page: Page, reference: datetime) -> None:
    """Alipay 账单 list: 本月 section, rows of merchant, "category | 02-14 22:15" (今天/昨天 for the last
    two days), and bare signed amounts right-aligned (-194.26, +1,832.17); refunds titled 退款-…"""
    _bill_list(page, reference, "dash", with_icon_labels=True)


def draw_wechat_list(page: Page, reference: datetime) -> None:
    """WeChat Pay 账单 list: rows of merchant with "2月14日 22:15" under it (今天/昨天 recently) and the
    signed amount right-aligned without ¥."""
    _bill_list(page, reference, "chinese", with_icon_labels=False)


def draw_wechat_detail(page: Page, reference: datetime) -> None:
    """WeChat Pay 交易详情 (账单详情): merchant over "-92.00", then a grey label column with values at a
    fixed x: 当前状态, 支付时间 (2026年2月14日 22:15:35), 商品, 商户全称, 支付方式, 交易单号 (28 digits,
    4200…), 商户单号."""
    rng = page.rng
    status_bar(page)
    title_bar(page, "账单详情")
    value = -v.yuan(rng, 1, 5000)
    headline(page, rng.choice(MERCHANTS), money(value), [amount(value, AmountRole.TRANSACTION)], size=60)
    shown, at, precision = v.stamp(rng, v.moment_before(rng, reference, 60))
    transaction, merchant_no = v.wechat_transaction_no(rng), v.merchant_order_no(rng)
    rows = [
        ("当前状态", rng.choice(("支付成功", "已转入零钱")), []),
        ("支付时间", shown, [moment(at, precision)]),
        ("商品", rng.choice(("京东商城订单", "美团订单", "商品详情")), []),
        ("商户全称", rng.choice(v.SELLERS)[0], []),
        ("支付方式", f"{rng.choice(v.BANKS)}储蓄卡({rng.randint(1000, 9999)})", []),
        ("交易单号", transaction, [number(FieldType.TRANSACTION_NO, transaction)]),
        ("商户单号", merchant_no, [number(FieldType.ORDER_NO, merchant_no)]),
    ]
    rows_card(page, rows, "column", size=26, pitch=76, column=230)


def draw_wechat_transfer(page: Page, reference: datetime) -> None:
    """WeChat 转账 detail (held out): a green tick, "已收款", the amount with ¥ as headline, then
    split rows 转账时间 / 收款时间 / 转账单号."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "")
    page.draw.ellipse((page.width // 2 - page.px(50), page.y, page.width // 2 + page.px(50), page.y + page.px(100)),
                      fill="#07C160")
    page.y += page.px(110)
    value = v.yuan(rng, 1, 5000)
    headline(page, rng.choice(("已收款", "对方已收款")), f"¥{money(value)}", [amount(value, AmountRole.TRANSACTION)])
    sent = v.moment_before(rng, reference, 30)
    received = min(sent + timedelta(seconds=rng.randint(5, 7200)), reference)
    sent_text, sent_at, precision = v.stamp(rng, sent)
    received_text, received_at, _ = v.stamp(rng, received)
    transfer_no = "1000050" + v.digits(rng, 21, v.DIGITS)
    rows = [
        ("转账时间", sent_text, [moment(sent_at, precision)]),
        ("收款时间", received_text, [moment(received_at, precision)]),
        ("转账单号", transfer_no, [number(FieldType.TRANSACTION_NO, transfer_no)]),
    ]
    rows_card(page, rows, "split", size=26)
    page.text(page.width // 2, page.y + page.px(30), "如有疑问，请联系微信支付客服 95017", 22, theme.muted, align="m")
    page.y += page.px(60)

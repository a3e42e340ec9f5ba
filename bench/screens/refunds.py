"""Refund and after-sale pages (second held-out part): JD 售后进度, Alipay and WeChat Pay refund bills,
Pinduoduo 退款详情.

A refund is negative whatever the page prints (+58.00 on an Alipay refund bill, ¥58.00 in JD's
progress text), as ocr/extract/amounts.py normalizes it. 服务单号 is JD's after-sale ticket, 退款编号 /
退款单号 the platform's refund transaction, 商户单号 / 订单编号 the order.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from bench.screens import values as v
from bench.screens.blocks import headline, label_row, rows_card, status_bar, title_bar
from bench.screens.canvas import Page
from bench.screens.truth import amount, money, moment, number
from ocr.types import AmountRole, FieldType

JD_STEPS = ("您的服务单已申请成功，待售后审核中", "您的服务单审核通过，请您寄回商品", "京东已收到您寄回的商品，正在为您处理退款")


def draw_jd_aftersale_progress(page: Page, reference: datetime) -> None:
    """JD app 进度详情 of a 售后 service order: 服务单号 with 复制, the status, a timeline newest first
    whose nodes are a sentence with "01-15 13:24" (month and day only) under it, the last sentence
    naming the refunded ¥ amount, then 服务单信息 inline rows with the full 申请时间."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "进度详情")
    ticket = v.digits(rng, rng.choice((10, 11)))
    refund = v.yuan(rng, 9, 4000)
    _, top = page.card(page.px(140))
    page.text(page.px(60), top + page.px(25), f"服务单号：{ticket}  复制", 28, theme.text)
    page.text(page.px(60), top + page.px(80), rng.choice(("退款成功", "已完成")), 30, theme.accent, bold=True)
    page.expect(number(FieldType.TICKET_NO, ticket))
    applied = v.moment_before(rng, reference, 30, min_seconds=4 * 86400).replace(second=0)
    stamps = [applied]
    for _ in range(len(JD_STEPS)):
        stamps.append(stamps[-1] + timedelta(minutes=rng.randint(30, 1800)))
    texts = [*JD_STEPS, f"退款¥{money(refund)}已原路退回您的{rng.choice(('京东白条', '微信', '银行卡'))}，请注意查收"]
    _, top = page.card(page.px(130 * len(texts) + 30))
    for row, (text, at) in enumerate(reversed(list(zip(texts, stamps, strict=True)))):
        y = top + page.px(30 + 130 * row)
        page.draw.ellipse((page.px(60), y + page.px(8), page.px(80), y + page.px(28)),
                          fill=theme.accent if row == 0 else theme.line)
        page.text(page.px(110), y, page.wrap(text, 28, page.width - page.px(200))[0], 28,
                  theme.text if row == 0 else theme.muted)
        page.text(page.px(110), y + page.px(50), f"{at:%m-%d %H:%M}", 24, theme.muted)
        page.expect(moment(at, "minutes", reference="page"))
    page.expect(amount(-refund, AmountRole.REFUND))
    order_no = v.jd_order_no(rng)
    rows_card(page, [
        ("服务类型", "退货", []),
        ("申请时间", f"{applied:%Y-%m-%d %H:%M}", [moment(applied, "minutes")]),
        ("订单编号", order_no, [number(FieldType.ORDER_NO, order_no)]),
        ("退款金额", f"¥{money(refund)}", [amount(-refund, AmountRole.REFUND)]),
    ], "inline", size=26)


def draw_alipay_refund(page: Page, reference: datetime) -> None:
    """Alipay 账单详情 of a refund: the merchant over "+58.00", 退款成功, then the grey label column:
    退款时间, 退款方式, 退款说明, 原交易号 (28 digits), 商家订单号."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "账单详情")
    refund = v.yuan(rng, 1, 3000)
    headline(page, rng.choice(("淘宝", "天猫超市", "饿了么", "盒马鲜生")), f"+{money(refund)}",
             [amount(-refund, AmountRole.REFUND)])
    page.text(page.width // 2, page.y, "退款成功", 26, theme.muted, align="m")
    page.y += page.px(50)
    paid_at = v.moment_before(rng, reference, 40, min_seconds=3 * 86400)
    shown, at, precision = v.stamp(rng, paid_at + timedelta(seconds=rng.randint(3600, 2 * 86400)))
    trade_no, merchant_no = v.alipay_trade_no(rng, paid_at), v.merchant_order_no(rng)
    rows_card(page, [
        ("退款时间", shown, [moment(at, precision)]),
        ("退款方式", rng.choice(("原路退回至花呗", "退回至余额", "原路退回至银行卡")), []),
        ("退款说明", "退款-商品退货", []),
        ("原交易号", trade_no, [number(FieldType.TRANSACTION_NO, trade_no)]),
        ("商家订单号", merchant_no, [number(FieldType.ORDER_NO, merchant_no)]),
    ], "column", size=26, column=260)


def draw_wechat_refund(page: Page, reference: datetime) -> None:
    """WeChat Pay 账单详情 of a refund: the merchant over "+12.50", then the label column: 当前状态
    已全额退款, 退款时间, 退款方式, 退款单号 (50… 29 digits), 交易单号 (4200…), 商户单号, 退款金额 ¥."""
    rng = page.rng
    status_bar(page)
    title_bar(page, "账单详情")
    refund = v.yuan(rng, 1, 2000)
    headline(page, rng.choice(("美团", "滴滴出行", "京东商城平台商户")), f"+{money(refund)}",
             [amount(-refund, AmountRole.REFUND)], size=60)
    shown, at, precision = v.stamp(rng, v.moment_before(rng, reference, 50))
    refund_no = "50" + v.digits(rng, 27, v.DIGITS)
    transaction, merchant_no = v.wechat_transaction_no(rng), v.merchant_order_no(rng)
    rows_card(page, [
        ("当前状态", "已全额退款", []),
        ("退款时间", shown, [moment(at, precision)]),
        ("退款方式", "原路退回", []),
        ("退款金额", f"¥{money(refund)}", [amount(-refund, AmountRole.REFUND)]),
        ("退款单号", refund_no, [number(FieldType.TRANSACTION_NO, refund_no)]),
        ("交易单号", transaction, [number(FieldType.TRANSACTION_NO, transaction)]),
        ("商户单号", merchant_no, [number(FieldType.ORDER_NO, merchant_no)]),
    ], "column", size=26, pitch=76, column=230)


def draw_pdd_refund(page: Page, reference: datetime) -> None:
    """Pinduoduo 退款详情: a red banner "退款成功" with "¥23.80 已退回微信" under it, the three steps
    (申请退款, 商家处理, 退款到账) with their times in split rows, then 退款信息 with the value under
    each label: 退款原因, 退款金额, 申请时间, 退款编号, 订单编号 (yymmdd-15 digits)."""
    rng, theme = page.rng, page.theme
    status_bar(page)
    title_bar(page, "退款详情")
    refund = v.yuan(rng, 2, 900)
    page.draw.rectangle((0, page.y, page.width, page.y + page.px(170)), fill="#E02E24")
    page.text(page.px(60), page.y + page.px(30), "退款成功", 40, "#FFFFFF", bold=True)
    page.text(page.px(60), page.y + page.px(100), f"¥{money(refund)} 已退回{rng.choice(('微信', '支付宝', '多多钱包'))}",
              28, "#FFFFFF")
    page.expect(amount(-refund, AmountRole.REFUND))
    page.y += page.px(190)
    ordered = v.moment_before(rng, reference, 40, min_seconds=5 * 86400)
    applied = ordered + timedelta(seconds=rng.randint(3600, 3 * 86400))
    at = applied
    for step in ("申请退款", "商家处理", "退款到账"):
        shown, when, precision = v.stamp(rng, at)
        label_row(page, page.y, step, shown, "split", 26)
        page.expect(moment(when, precision))
        page.y += page.px(56)
        at += timedelta(seconds=rng.randint(600, 40000))
    applied_text, applied_at, precision = v.stamp(rng, applied)
    refund_no, order_no = v.digits(rng, 18), v.pdd_order_no(rng, ordered)
    rows_card(page, [
        ("退款原因", rng.choice(("不想要了", "商品与描述不符", "质量问题")), []),
        ("退款金额", f"¥{money(refund)}", [amount(-refund, AmountRole.REFUND)]),
        ("申请时间", applied_text, [moment(applied_at, precision)]),
        ("退款编号", refund_no, [number(FieldType.TRANSACTION_NO, refund_no)]),
        ("订单编号", order_no, [number(FieldType.ORDER_NO, order_no)]),
    ], "below", size=28)

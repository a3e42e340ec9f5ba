"""Amounts with the role their page gives them, bare amounts of bill lists, and what is never an amount."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from ocr.extract import ExtractionConfig, extract_fields, extract_text
from ocr.extract.amounts import find_amounts
from ocr.extract.config import SHANGHAI
from ocr.types import AmountRole, FieldType, OcrLine

CONFIG = ExtractionConfig(datetime(2026, 2, 18, 12, 0, tzinfo=SHANGHAI))
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "images"


def amounts(text: str) -> list[tuple[str, str]]:
    return [(f.normalized, f.role) for f in extract_text(text, CONFIG) if f.type is FieldType.AMOUNT]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("实付款 ¥1,199.00", ("1199.00", AmountRole.PAID), id="paid"),
        pytest.param("订单金额：¥1,299.00", ("1299.00", AmountRole.ORDER_TOTAL), id="order-total"),
        pytest.param("商品总额 ¥1,299.00", ("1299.00", AmountRole.ORDER_TOTAL), id="goods-total"),
        pytest.param("优惠券 -¥100.00", ("-100.00", AmountRole.DISCOUNT), id="coupon"),
        pytest.param("立减 ¥5.00", ("5.00", AmountRole.DISCOUNT), id="instant-discount"),
        pytest.param("运费 ¥6.00", ("6.00", AmountRole.SHIPPING), id="shipping"),
        pytest.param("退款金额 ¥99.00", ("-99.00", AmountRole.REFUND), id="refund-stays-negative"),
        pytest.param("本期应还(元) 1,234.56", ("1234.56", AmountRole.DUE), id="due-unit-in-caption"),
        pytest.param("本期应还（元） 1,234", ("1234.00", AmountRole.DUE), id="due-integer-with-unit"),
        pytest.param("还款金额 ¥500.00", ("500.00", AmountRole.REPAYMENT), id="repayment"),
        pytest.param("借款金额 ¥20,000.00", ("20000.00", AmountRole.LOAN), id="loan"),
        pytest.param("可用额度 ¥8,000.00", ("8000.00", AmountRole.CREDIT_LIMIT), id="credit-limit"),
        pytest.param("额度 1.2万元", ("12000.00", AmountRole.CREDIT_LIMIT), id="credit-limit-wan"),
        pytest.param("交易金额 -194.26", ("-194.26", AmountRole.TRANSACTION), id="transaction"),
        pytest.param("交易金额(元) 88.00", ("88.00", AmountRole.TRANSACTION), id="amount-unit-in-caption"),
        pytest.param("涉及金额：¥88.00", ("88.00", ""), id="generic-caption-no-role-off-payment-pages"),
        pytest.param("快捷支付扣款人民币1,517.91元", ("-1517.91", AmountRole.TRANSACTION), id="sms-debit-negative"),
        pytest.param("余额16,167,20", ("16167.20", ""), id="point-read-as-comma"),
        pytest.param("¥23.80 已退回微信", ("-23.80", AmountRole.REFUND), id="refunded-words-after-the-amount"),
        pytest.param("¥23.80 已原路退回", ("-23.80", AmountRole.REFUND), id="returned-the-way-it-came"),
        pytest.param("本期应还金额 ¥7,908.60", ("7908.60", AmountRole.DUE), id="statement-due"),
        pytest.param("最低还款额 ¥790.86", ("790.86", AmountRole.DUE), id="minimum-payment-is-due"),
        pytest.param("分期金额(元) 5,398.56", ("5398.56", AmountRole.LOAN), id="instalment-principal-is-a-loan"),
        pytest.param("每期手续费 ¥0.00", ("0.00", ""), id="fee-names-no-role"),
        pytest.param("票价 ¥560.50", ("560.50", AmountRole.UNIT_PRICE), id="fare-of-one-seat"),
        pytest.param("工资存入人民币8,000.00元", ("8000.00", AmountRole.TRANSACTION), id="sms-credit"),
        pytest.param("税额 690.15", ("690.15", AmountRole.TAX), id="tax"),
        pytest.param("价税合计(大写) ⊗陆仟元整", ("6000.00", AmountRole.TOTAL_WITH_TAX), id="total-with-tax-words"),
        pytest.param("（小写）¥5999.00", ("5999.00", AmountRole.TOTAL_WITH_TAX), id="total-with-tax-figures"),
        pytest.param("单价 ¥5,999.00", ("5999.00", AmountRole.UNIT_PRICE), id="unit-price"),
        pytest.param("-194.26", ("-194.26", AmountRole.TRANSACTION), id="bare-signed-bill-row"),
        pytest.param("+1,832.17", ("1832.17", AmountRole.TRANSACTION), id="bare-income"),
        pytest.param("1,234.56", ("1234.56", ""), id="bare-unsigned-no-role"),
        pytest.param("¥99.00", ("99.00", ""), id="no-caption-no-role"),
        pytest.param("余额3.026.56", ("3026.56", ""), id="thousands-commas-read-as-dots"),
        pytest.param("余额10.290.90", ("10290.90", ""), id="ten-thousands-commas-read-as-dots"),
        pytest.param("¥1.234.56", ("1234.56", ""), id="yen-commas-read-as-dots"),
    ],
)
def test_amount_role(text: str, expected: tuple[str, str]) -> None:
    assert expected in amounts(text)


def test_each_amount_takes_the_caption_just_before_it() -> None:
    assert amounts("商品总额 ¥99.00 运费 ¥6.00 实付款 ¥105.00") == [
        ("99.00", AmountRole.ORDER_TOTAL), ("6.00", AmountRole.SHIPPING), ("105.00", AmountRole.PAID)]


@pytest.mark.parametrize(("text", "kind", "roles"), [
    pytest.param("合计¥11058.81¥1125.89", "invoice", [AmountRole.NET, AmountRole.TAX], id="invoice-total-row"),
    pytest.param("合 计 ¥ 11058.81 ¥ 1125.89", "invoice", [AmountRole.NET, AmountRole.TAX], id="spaced"),
    pytest.param("合计¥11058.81 税率13% ¥1125.89", "invoice", [AmountRole.NET, ""], id="words-between"),
    pytest.param("合计 ¥99.00 ¥6.00", "order", [AmountRole.ORDER_TOTAL, ""], id="not-an-invoice"),
])
def test_the_amount_after_an_invoices_net_sum_is_its_tax(text: str, kind: str, roles: list[str]) -> None:
    """A text-layer 电子发票 gives its 合计 row as one line: the 金额 column's sum, then the 税额 column's."""
    assert [c.role for c in find_amounts(text, kind)] == roles


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("数量 2", id="quantity"),
        pytest.param("x2", id="count"),
        pytest.param("税率 13%", id="rate"),
        pytest.param("年化利率 7.20%", id="percentage-with-decimals"),
        pytest.param("优惠 7.20%", id="percentage-after-caption"),
        pytest.param("2024.01.15", id="dotted-date"),
        pytest.param("02-14 22:15", id="date-time"),
        pytest.param("13812345678", id="phone"),
        pytest.param("285123456789", id="order-id"),
        pytest.param("版本 12.5", id="one-decimal-is-no-bare-amount"),
        pytest.param("版本 1.234.56", id="dotted-version-after-a-word"),
    ],
)
def test_not_an_amount(text: str) -> None:
    assert amounts(text) == []


def payment_detail(caption: str, headline: str) -> list[OcrLine]:
    """WeChat Pay 交易详情: the big figure under the merchant's name (or a status) has no caption."""
    return [OcrLine(caption, (380, 260, 700, 305), 0.95), OcrLine(headline, (340, 320, 740, 430), 0.95),
            OcrLine("支付时间", (60, 560, 220, 600), 0.95), OcrLine("2024-01-15 20:31:22", (330, 563, 800, 603), 0.95),
            OcrLine("交易单号", (60, 640, 220, 680), 0.95),
            OcrLine("4200002123202401151234567890", (330, 643, 900, 683), 0.95)]


@pytest.mark.parametrize(
    ("caption", "headline", "expected"),
    [
        pytest.param("京东商城平台商户", "-1,130.00", ("-1130.00", AmountRole.TRANSACTION), id="payment"),
        pytest.param("京东商城平台商户", "+1,130.00", ("1130.00", AmountRole.TRANSACTION), id="income"),
        pytest.param("京东商城平台商户", "1,130.00", ("-1130.00", AmountRole.TRANSACTION), id="minus-lost-to-ocr"),
        pytest.param("已收款", "¥1,130.00", ("1130.00", AmountRole.TRANSACTION), id="transfer-with-yen-sign"),
        pytest.param("退款成功", "¥99.00", ("-99.00", AmountRole.REFUND), id="refund-under-its-status"),
    ],
)
def test_headline_amount_of_a_payment_page(caption: str, headline: str, expected: tuple[str, str]) -> None:
    [amount] = [(f.normalized, f.role) for f in extract_fields(payment_detail(caption, headline), CONFIG)
                if f.type is FieldType.AMOUNT]
    assert amount == expected


def test_a_headline_read_at_a_smaller_detector_size_is_still_a_headline() -> None:
    """A JD 退款详情 as OCR boxes it when the page reaches the detector 736 px wide: the big figure's box is
    only 1.4 times the median height, yet under 退款成功 it is the refund, not a second bare amount."""
    boxes = [("退款详情", (461, 94, 618, 140)), ("退款成功", (472, 193, 606, 235)), ("¥932.78", (426, 266, 652, 321)),
             ("申请退款", (56, 338, 169, 375)), ("2026/02/04 16:10", (809, 341, 1026, 375)),
             ("商家同意", (51, 392, 169, 432)), ("2026-02-04 20:04", (811, 396, 1026, 430)),
             ("退款金额", (53, 554, 172, 595)), ("¥932.78", (53, 605, 173, 641)), ("退回账户", (54, 680, 166, 717)),
             ("银行卡", (53, 725, 156, 768)), ("订单编号", (53, 927, 169, 968)), ("3389282208990", (54, 977, 280, 1012))]
    fields = extract_fields([OcrLine(text, box, 0.95) for text, box in boxes], CONFIG)
    assert {(f.normalized, f.role) for f in fields if f.type is FieldType.AMOUNT} == {("-932.78", AmountRole.REFUND)}


@pytest.mark.parametrize(
    ("title", "shown", "expected"),
    [
        pytest.param("退款-京东商城", "+1,882.21", ("-1882.21", AmountRole.REFUND), id="refund-row"),
        pytest.param("京东商城平台商户", "-194.26", ("-194.26", AmountRole.TRANSACTION), id="payment-row"),
        pytest.param("转账-张三", "+1,832.17", ("1832.17", AmountRole.TRANSACTION), id="income-row"),
    ],
)
def test_bill_list_row_takes_its_title(title: str, shown: str, expected: tuple[str, str]) -> None:
    """A bill list's row: the title at the left, the signed amount right-aligned on the same row."""
    lines = [OcrLine("账单", (490, 100, 590, 150), 0.95), OcrLine(title, (180, 400, 600, 445), 0.95),
             OcrLine(shown, (830, 400, 1020, 445), 0.95), OcrLine("01-15 20:31", (180, 455, 360, 485), 0.95)]
    assert [(f.normalized, f.role) for f in extract_fields(lines, CONFIG) if f.type is FieldType.AMOUNT] == [expected]


@pytest.mark.slow
@pytest.mark.ocr
def test_real_taobao_ad_yields_its_price_and_no_ids() -> None:
    """cnocr's Taobao product page (shared corpus): 168元 is read, 100%桑蚕丝 is no amount, nothing is an order."""
    image_path = CORPUS / "cnocr__taobao4.jpg"
    if not image_path.exists():
        pytest.skip("shared corpus not present")
    from PIL import Image

    from ocr.engines import create_engine

    lines = create_engine("rapidocr").recognize(Image.open(image_path).convert("RGB"))
    fields = extract_fields(lines, CONFIG)
    assert [f.normalized for f in fields if f.type is FieldType.AMOUNT] == ["168.00"]
    assert [f for f in fields if f.type is FieldType.ORDER_NO] == []

"""Identifier formats as people meet them (ocr/extract/formats.py lists them with their sources)."""
from __future__ import annotations

from datetime import datetime

import pytest

from ocr.extract import ExtractionConfig, extract_text
from ocr.extract.config import SHANGHAI
from ocr.extract.formats import is_valid_uscc, s10_check_digit
from ocr.types import FieldType

CONFIG = ExtractionConfig(datetime(2026, 2, 18, 12, 0, tzinfo=SHANGHAI))


def typed(text: str) -> list[tuple[FieldType, str]]:
    return [(f.type, f.normalized) for f in extract_text(text, CONFIG)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("订单号 2024011522001412345678901234",
                     (FieldType.TRANSACTION_NO, "2024011522001412345678901234"), id="alipay-order-is-its-trade-no"),
        pytest.param("支付宝交易号 2026032621007517374688294728",
                     (FieldType.TRANSACTION_NO, "2026032621007517374688294728"), id="taobao-alipay-trade-no"),
        pytest.param("借款单号 143008447063150641", (FieldType.TRANSACTION_NO, "143008447063150641"), id="loan-number"),
        pytest.param("我的订单217295893319显示已签收", (FieldType.ORDER_NO, "217295893319"), id="order-in-chat"),
        pytest.param("[投诉编号] 17946535440", (FieldType.TICKET_NO, "17946535440"), id="ticket-in-brackets"),
        pytest.param("交易号：2024011522001412345678901234",
                     (FieldType.TRANSACTION_NO, "2024011522001412345678901234"), id="alipay-trade-no"),
        pytest.param("商家订单号 T200P285123456789012", (FieldType.ORDER_NO, "T200P285123456789012"),
                     id="alipay-merchant-order-is-the-shops-order"),
        pytest.param("交易单号 4200002123202401151234567890",
                     (FieldType.TRANSACTION_NO, "4200002123202401151234567890"), id="wechat-transaction-labelled"),
        pytest.param("4300001234202401151234567890", (FieldType.TRANSACTION_NO, "4300001234202401151234567890"),
                     id="wechat-transaction-alone"),
        pytest.param("商户单号：JD_20240115_12345678901", (FieldType.ORDER_NO, "JD_20240115_12345678901"),
                     id="wechat-merchant-number"),
        pytest.param("订单编号：3712345678901234567", (FieldType.ORDER_NO, "3712345678901234567"),
                     id="taobao-19-digits"),
        pytest.param("订单编号 240115-123456789012345", (FieldType.ORDER_NO, "240115-123456789012345"),
                     id="pinduoduo-labelled-keeps-hyphen"),
        pytest.param("240115-123456789012345", (FieldType.ORDER_NO, "240115-123456789012345"), id="pinduoduo-alone"),
        pytest.param("美团订单-240115123456789012345678", (FieldType.ORDER_NO, "240115123456789012345678"),
                     id="meituan-in-alipay-description"),
        pytest.param("订单编号：2851234567", (FieldType.ORDER_NO, "2851234567"), id="jd-10-digits"),
        pytest.param("订单号：3123456789012", (FieldType.ORDER_NO, "3123456789012"), id="jd-13-digits"),
        pytest.param("退款单号 TK20240115123456789", (FieldType.TRANSACTION_NO, "TK20240115123456789"),
                     id="refund-number"),
        pytest.param("退款编号：50100206012024011512345", (FieldType.TRANSACTION_NO, "50100206012024011512345"),
                     id="refund-number-wechat"),
        pytest.param("交易参考号 123456789012", (FieldType.TRANSACTION_NO, "123456789012"), id="unionpay-reference"),
        pytest.param("流水号：202401150000123456", (FieldType.TRANSACTION_NO, "202401150000123456"),
                     id="bank-serial"),
        pytest.param("SF1234567890123", (FieldType.LOGISTICS_NO, "SF1234567890123"), id="sf-express-alone"),
        pytest.param("JDV012345678901", (FieldType.LOGISTICS_NO, "JDV012345678901"), id="jd-logistics-alone"),
        pytest.param("圆通速递 YT1234567890123", (FieldType.LOGISTICS_NO, "YT1234567890123"), id="yto-alone"),
        pytest.param("EMS EA123456785CN", (FieldType.LOGISTICS_NO, "EA123456785CN"), id="upu-s10-check-digit"),
        pytest.param("中通快递 运单号：78123456789012", (FieldType.LOGISTICS_NO, "78123456789012"),
                     id="zto-digits-need-caption"),
        pytest.param("发票代码：011001900211", (FieldType.INVOICE_CODE, "011001900211"), id="invoice-code-12"),
        pytest.param("发票代码 1100191130", (FieldType.INVOICE_CODE, "1100191130"), id="invoice-code-10-paper"),
        pytest.param("发票号码：12345678", (FieldType.INVOICE_NO, "12345678"), id="invoice-number-8"),
        pytest.param("发票号码：24112000000012345678", (FieldType.INVOICE_NO, "24112000000012345678"),
                     id="invoice-number-20-fully-digital"),
        pytest.param("校验码：12345 67890 12345 67891", (FieldType.CHECK_CODE, "12345678901234567891"),
                     id="check-code-in-groups"),
        pytest.param("校验码 12345678901234567891", (FieldType.CHECK_CODE, "12345678901234567891"),
                     id="check-code-plain"),
        pytest.param("机器编号：661912345678", (FieldType.MACHINE_NO, "661912345678"), id="machine-number"),
        pytest.param("纳税人识别号：91110302562134916R", (FieldType.TAX_ID, "91110302562134916R"), id="tax-id-18"),
        pytest.param("纳税人识别号：110108123456789", (FieldType.TAX_ID, "110108123456789"), id="tax-id-15-old"),
        pytest.param("统一社会信用代码/纳税人识别号:91440101MA5CJQ4N59", (FieldType.TAX_ID, "91440101MA5CJQ4N59"),
                     id="uscc-fully-digital-caption"),
        pytest.param("销售方 91350200776049653A", (FieldType.TAX_ID, "91350200776049653A"), id="uscc-alone-checksum"),
        pytest.param("开户行及账号:招商银行北京青年路支行 110907929010201", (FieldType.BANK_ACCOUNT, "110907929010201"),
                     id="bank-account-after-bank-name"),
        pytest.param("订单号:123456789012", (FieldType.ORDER_NO, "123456789012"), id="jd-invoice-remark"),
        pytest.param("订单编号 251 219-523686277 415113 复制", (FieldType.ORDER_NO, "251219-523686277415113"),
                     id="pinduoduo-cut-by-ocr-spaces"),
        pytest.param("交易单号 4200002123 202401151234567890",
                     (FieldType.TRANSACTION_NO, "4200002123202401151234567890"), id="wechat-cut-by-ocr-spaces"),
        pytest.param("订单号 2024011522001 412345678901234",
                     (FieldType.TRANSACTION_NO, "2024011522001412345678901234"), id="alipay-cut-by-ocr-spaces"),
        pytest.param("订单号 285123456789 2026-02-14", (FieldType.ORDER_NO, "285123456789"),
                     id="free-length-number-is-not-joined-to-the-next-group"),
    ],
)
def test_identifier_format(text: str, expected: tuple[FieldType, str]) -> None:
    assert expected in typed(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("纳税人识别号：91110302562134916R", id="taxpayer-id"),
        pytest.param("91110302562134916R", id="taxpayer-id-alone"),
        pytest.param("校验码 12345 67890 12345 67891", id="check-code"),
        pytest.param("12345678901234567891", id="check-code-alone"),
        pytest.param("机器编号 661912345678", id="machine-number"),
        pytest.param("661912345678", id="machine-number-alone"),
        pytest.param("开户行及账号：中国工商银行北京分行 0200001234567890123", id="bank-account"),
        pytest.param("0200001234567890123", id="bank-account-alone"),
        pytest.param("发票代码 011001900211", id="invoice-code"),
        pytest.param("发票号码 24112000000012345678", id="invoice-number"),
        pytest.param("13812345678", id="mobile"),
        pytest.param("联系电话 010-62288559", id="landline"),
        pytest.param("2024011522001412345678901234", id="alipay-number-without-caption"),
        pytest.param("3712345678901234567", id="long-run-without-caption"),
    ],
)
def test_not_an_order_number(text: str) -> None:
    assert FieldType.ORDER_NO not in [field_type for field_type, _ in typed(text)]


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        pytest.param("91110302562134917R", FieldType.TAX_ID, id="uscc-wrong-check-character"),
        pytest.param("EA123456784CN", FieldType.LOGISTICS_NO, id="s10-wrong-check-digit"),
        pytest.param("241315-123456789012345", FieldType.ORDER_NO, id="pinduoduo-impossible-month"),
        pytest.param("4200002123202401151234567", FieldType.TRANSACTION_NO, id="wechat-too-short"),
    ],
)
def test_shape_alone_must_check_out(text: str, not_type: FieldType) -> None:
    assert not_type not in [field_type for field_type, _ in typed(text)]


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        pytest.param("91350200776049653A", True, id="enterprise"),
        pytest.param("91440101MA5CJQ4N59", True, id="with-letters"),
        pytest.param("91350200776049653B", False, id="wrong-check"),
        pytest.param("9135020077604965IA", False, id="letter-not-in-set"),
    ],
)
def test_uscc_check_character(code: str, valid: bool) -> None:
    assert is_valid_uscc(code) is valid


@pytest.mark.parametrize(
    ("serial", "check"),
    [pytest.param("12345678", 5, id="upu-example"), pytest.param("00000000", 5, id="eleven-becomes-five")],
)
def test_s10_check_digit(serial: str, check: int) -> None:
    assert s10_check_digit(serial) == check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("订 单 号：285123456789", (FieldType.ORDER_NO, "285123456789"), id="spaced-order-caption"),
        pytest.param("服务单号　：2001572543", (FieldType.TICKET_NO, "2001572543"), id="full-width-gap"),
        pytest.param("退　款　编　号：2024012198765", (FieldType.TRANSACTION_NO, "2024012198765"), id="spaced-refund-caption"),
    ],
)
def test_letter_spaced_caption_still_types_its_value(text: str, expected: tuple[FieldType, str]) -> None:
    """Forms space short captions out to the width of the longest (订 单 号：, 运　　费：)."""
    assert expected in typed(text)

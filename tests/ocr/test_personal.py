"""What redaction masks and what it keeps: personal data goes, the evidence stays."""
from __future__ import annotations

import pytest

from ocr.extract.personal import KnownValues, find_personal, is_personal_field, known_values, mask_personal
from ocr.types import FieldType

TAOBAO_ORDER_LUHN = "3302498160283551222"  # 19 digits, Luhn-valid and starting with 3, like a card
CARD = "6222021234567890128"  # UnionPay, Luhn-valid
ID_CARD = "11010519491231002X"  # GB 11643 check character X
NAME, PHONE, ADDRESS = "张三", "+86 139-8765-4321", "北京市海淀区中关村大街1号"
COMPLAINANT = known_values((), name=NAME, phone=PHONE, address=ADDRESS)

KEEP_LIST = [
    pytest.param("订单号：312345678901", id="jd-order-12"),
    pytest.param("订单编号 3302498160283551222", id="taobao-order-19-luhn-labelled"),
    pytest.param("投诉编号：13912345678", id="complaint-number-11-digits-starting-with-1"),
    pytest.param("投诉单号 15800001111", id="complaint-number-spaced-label"),
    pytest.param("工单号：13800138000", id="ticket-mobile-shaped"),
    pytest.param("交易单号：4200001234202406181234567890", id="wechat-transaction-28"),
    pytest.param("交易号 2024061822001412345678901234", id="alipay-transaction-28"),
    pytest.param("商户单号：13800001111", id="merchant-number-mobile-shaped"),
    pytest.param("订单号：240618-123456789012345", id="pinduoduo-order"),
    pytest.param("美团订单-123456789012345678901234", id="meituan-order"),
    pytest.param("物流单号：JDV012345678901", id="jd-logistics"),
    pytest.param("运单号：SF1234567890123", id="sf-logistics"),
    pytest.param("发票号码：24112000000012345678", id="e-invoice-number-20"),
    pytest.param("发票代码：011002300111 发票号码：12345678", id="invoice-code-and-number"),
    pytest.param("校验码：12345 67890 12345 67890", id="invoice-check-code-grouped"),
    pytest.param("纳税人识别号：91110108MA01C2XK3T", id="company-taxpayer-id"),
    pytest.param("统一社会信用代码 91320102MA1XYZ1234", id="company-credit-code"),
    pytest.param("开户行及账号：中国工商银行北京分行 0200001234567890123", id="company-bank-account"),
    pytest.param("请拨打12315投诉", id="12315"),
    pytest.param("京东金融客服950618", id="950618"),
    pytest.param("京东客服95118", id="95118"),
    pytest.param("支付宝95188", id="95188"),
    pytest.param("12378 银行保险消费者投诉", id="12378"),
    pytest.param("12363 金融消费者权益保护", id="12363"),
    pytest.param("客服热线：400-606-5500", id="400-dashed"),
    pytest.param("4006065500", id="400-compact"),
    pytest.param("800-820-8820", id="800"),
    pytest.param("客服电话：010-89198888", id="company-landline"),
    pytest.param("实付款：¥13,812.00", id="amount-with-commas"),
    pytest.param("-194.26", id="bare-signed-amount"),
    pytest.param("实付款：¥15912340000.00", id="amount-mobile-shaped"),
    pytest.param("2024-06-18 13:45:12", id="timestamp"),
    pytest.param("下单时间：2024年6月18日 13:45", id="timestamp-chinese"),
    pytest.param("京东客服小美（工号53218）", id="agent-id"),
    pytest.param("138****5678", id="already-masked-mobile"),
    pytest.param("192.168.100.200", id="dotted-but-no-phone"),
    pytest.param("6222 0212 3456 7890 1282", id="twenty-digits-grouped-not-a-card"),
]
"""Evidence that looks like personal data to a pattern; also run through a real export in tests/export."""

MASK_LIST = [
    pytest.param("电话13812345678。", "电话138****5678。", id="mobile"),
    pytest.param("138 1234 5678", "138****5678", id="mobile-spaced"),
    pytest.param("Tel 138-1234-5678", "Tel 138****5678", id="mobile-dashed"),
    pytest.param("138.1234.5678", "138****5678", id="mobile-dotted"),
    pytest.param("+86 138 1234 5678", "138****5678", id="mobile-plus86-spaced"),
    pytest.param("+8613812345678", "138****5678", id="mobile-plus86"),
    pytest.param("0086-13812345678", "138****5678", id="mobile-0086"),
    pytest.param("（+86）13812345678", "（+86）138****5678", id="mobile-bracketed-country"),
    pytest.param("联系我１３８１２３４５６７８", "联系我138****5678", id="mobile-full-width"),
    pytest.param("１３８－１２３４－５６７８", "138****5678", id="mobile-full-width-dashed"),
    pytest.param("１３８．１２３４．５６７８", "138****5678", id="mobile-full-width-dotted"),
    pytest.param("联系电话：15912345678", "联系电话：159****5678", id="mobile-labelled"),
    pytest.param("身份证11010519491231002X", "身份证110***********002X", id="id-card-x"),
    pytest.param("证件 11010519491231002x", "证件 110***********002X", id="id-card-lowercase-x"),
    pytest.param("440308199001011239", "440***********1239", id="id-card-unlabelled"),
    pytest.param("110105 19491231 002X", "110***********002X", id="id-card-spaced"),
    pytest.param("ID 110105-19491231-002X", "ID 110***********002X", id="id-card-dashed-after-a-word"),
    pytest.param("身份证号：110105194912310021", "身份证号：110***********0021", id="id-card-labelled-bad-checksum"),
    pytest.param("卡号 4111 1111 1111 1111", "卡号 ************1111", id="visa-spaced"),
    pytest.param("尾号 6222021234567890128 的卡", "尾号 ***************0128 的卡", id="unionpay-unlabelled-luhn"),
    pytest.param("6217-0012-3456-7893", "************7893", id="unionpay-dashed"),
    pytest.param("银行卡号：6222021234567890", "银行卡号：************7890", id="card-labelled-luhn-fails"),
    pytest.param("投诉人张三，住北京市海淀区中关村大街1号", "投诉人张*，住北京市海淀区*******", id="complainant-name-address"),
    pytest.param("我的电话 1398 765 4321", "我的电话 139****4321", id="complainant-phone-spaced"),
    pytest.param("订单号：13987654321", "订单号：139****4321", id="complainant-phone-wins-over-a-label"),
]
"""Personal data in every form met, with its masked form; the complainant is NAME, PHONE, ADDRESS."""


@pytest.mark.parametrize("text", KEEP_LIST)
def test_evidence_is_kept(text: str) -> None:
    assert mask_personal(text, COMPLAINANT) == text


@pytest.mark.parametrize(("text", "expected"), MASK_LIST)
def test_personal_data_is_masked(text: str, expected: str) -> None:
    assert mask_personal(text, COMPLAINANT) == expected


def test_a_value_typed_as_evidence_elsewhere_is_kept() -> None:
    """The 投诉编号 label sat in its own OCR box: the stored ticket_no field keeps the bare value."""
    known = known_values([(FieldType.TICKET_NO, "15912345678"), (FieldType.ORDER_NO, TAOBAO_ORDER_LUHN)])
    for text in ("15912345678", TAOBAO_ORDER_LUHN):
        assert mask_personal(text, known) == text
        assert mask_personal(text) != text


def test_values_typed_personal_are_masked_however_spaced() -> None:
    known = known_values([(FieldType.ID_CARD, "AB1234567"), (FieldType.PHONE, "950618")])
    assert mask_personal("证件 AB 123 4567，客服 950618", known) == "证件 *****4567，客服 950618"


def test_complainant_landline_in_another_form() -> None:
    known = known_values((), phone="010-88881234")
    assert mask_personal("电话（010）8888 1234", known) == "电话（*******1234"


def test_spans_point_into_the_original_text() -> None:
    text = "客服：请联系１３８．１２３４．５６７８"
    [span] = find_personal(text, KnownValues())
    assert text[span.start:span.end] == "１３８．１２３４．５６７８"
    assert span.masked == "138****5678"


@pytest.mark.parametrize(("field_type", "value", "personal"), [
    pytest.param(FieldType.PHONE, "13812345678", True, id="mobile"),
    pytest.param(FieldType.PHONE, "+86 138 1234 5678", True, id="mobile-plus86"),
    pytest.param(FieldType.PHONE, "950618", False, id="hotline"),
    pytest.param(FieldType.PHONE, "4006065500", False, id="400"),
    pytest.param(FieldType.PHONE, "010-89198888", False, id="landline"),
    pytest.param(FieldType.ID_CARD, ID_CARD, True, id="id-card"),
    pytest.param(FieldType.BANK_CARD, CARD, True, id="bank-card"),
    pytest.param(FieldType.BANK_CARD, "6222 **** **** 0128", False, id="bank-card-already-masked"),
    pytest.param(FieldType.ORDER_NO, "13812345678", False, id="order-mobile-shaped"),
    pytest.param(FieldType.TICKET_NO, "13812345678", False, id="ticket-mobile-shaped"),
])
def test_is_personal_field(field_type: FieldType, value: str, personal: bool) -> None:
    assert is_personal_field(field_type, value) is personal

"""Identifiers, amounts, phones and agents from OCR lines: labels, shapes, false positives, boxes."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import pytest

from ocr.extract import ExtractionConfig, extract_fields, extract_text
from ocr.extract.config import SHANGHAI
from ocr.types import FieldType, OcrLine

CONFIG = ExtractionConfig(datetime(2026, 2, 18, 12, 0, tzinfo=SHANGHAI))


def found(text: str) -> list[tuple[FieldType, str, str]]:
    return [(f.type, f.raw, f.normalized) for f in extract_text(text, CONFIG)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("订单编号：285123456789", (FieldType.ORDER_NO, "285123456789", "285123456789"), id="order-label"),
        pytest.param("订单号 3123456789012", (FieldType.ORDER_NO, "3123456789012", "3123456789012"), id="order-short-label"),
        pytest.param("订单 No. 2851234567", (FieldType.ORDER_NO, "2851234567", "2851234567"), id="order-no-dot"),
        pytest.param("订单号：13812345678", (FieldType.ORDER_NO, "13812345678", "13812345678"),
                     id="label-beats-phone-shape"),
        pytest.param("运单号：JDV012345678901", (FieldType.LOGISTICS_NO, "JDV012345678901", "JDV012345678901"),
                     id="logistics-jdv"),
        pytest.param("物流单号 SF1234567890123", (FieldType.LOGISTICS_NO, "SF1234567890123", "SF1234567890123"),
                     id="logistics-sf"),
        pytest.param("京东快递 JDX000123456789", (FieldType.LOGISTICS_NO, "JDX000123456789", "JDX000123456789"),
                     id="logistics-unlabelled-prefix"),
        pytest.param("交易流水号：4200001234202602141234567890",
                     (FieldType.TRANSACTION_NO, "4200001234202602141234567890", "4200001234202602141234567890"),
                     id="transaction-serial"),
        pytest.param("商户订单号：JD20260214ABC12345678",
                     (FieldType.ORDER_NO, "JD20260214ABC12345678", "JD20260214ABC12345678"),
                     id="merchant-order-is-the-shops-order"),
        pytest.param("支付单号 202602142215001", (FieldType.TRANSACTION_NO, "202602142215001", "202602142215001"),
                     id="payment-number"),
        pytest.param("投诉单号：TS20260214001", (FieldType.TICKET_NO, "TS20260214001", "TS20260214001"), id="complaint"),
        pytest.param("服务单号 123456789", (FieldType.TICKET_NO, "123456789", "123456789"), id="service-ticket"),
        pytest.param("工单号：GD-2026-0214", (FieldType.TICKET_NO, "GD-2026-0214", "GD-2026-0214"), id="work-order"),
        pytest.param("身份证号：11010519491231002X", (FieldType.ID_CARD, "11010519491231002X", "11010519491231002X"),
                     id="id-card-labelled"),
        pytest.param("11010519491231002x", (FieldType.ID_CARD, "11010519491231002x", "11010519491231002X"),
                     id="id-card-checksum-unlabelled"),
        pytest.param("身份证 110***********002X", (FieldType.ID_CARD, "110***********002X", "110***********002X"),
                     id="id-card-masked"),
        pytest.param("银行卡 6222 **** **** 1234", (FieldType.BANK_CARD, "6222 **** **** 1234", "6222********1234"),
                     id="bank-card-masked"),
        pytest.param("卡号：6222021234567890128", (FieldType.BANK_CARD, "6222021234567890128", "6222021234567890128"),
                     id="bank-card-labelled"),
        pytest.param("4111 1111 1111 1111", (FieldType.BANK_CARD, "4111 1111 1111 1111", "4111111111111111"),
                     id="bank-card-luhn-unlabelled"),
        pytest.param("实付款 ¥1,299.00", (FieldType.AMOUNT, "¥1,299.00", "1299.00"), id="amount-yen-comma"),
        pytest.param("￥58.8", (FieldType.AMOUNT, "￥58.8", "58.80"), id="amount-full-width-yen"),
        pytest.param("-¥99.00", (FieldType.AMOUNT, "-¥99.00", "-99.00"), id="amount-negative"),
        pytest.param("¥-99.00", (FieldType.AMOUNT, "¥-99.00", "-99.00"), id="amount-sign-after-yen"),
        pytest.param("退款 ¥99", (FieldType.AMOUNT, "¥99", "-99.00"), id="amount-refund-word"),
        pytest.param("共计 1299元", (FieldType.AMOUNT, "1299元", "1299.00"), id="amount-yuan-suffix"),
        pytest.param("额度 1.2万元", (FieldType.AMOUNT, "1.2万元", "12000.00"), id="amount-wan"),
        pytest.param("订单金额：1299.00", (FieldType.AMOUNT, "1299.00", "1299.00"), id="amount-label-only"),
        pytest.param("金额（大写）：人民币壹万贰仟叁佰肆拾伍元陆角柒分",
                     (FieldType.AMOUNT, "人民币壹万贰仟叁佰肆拾伍元陆角柒分", "12345.67"), id="amount-financial-numerals"),
        pytest.param("借款本金 叁仟元整", (FieldType.AMOUNT, "叁仟元整", "3000.00"), id="amount-financial-whole"),
        pytest.param("客服承诺补偿五百元", (FieldType.AMOUNT, "五百元", "500.00"), id="amount-chat-numerals"),
        pytest.param("一万零五元", (FieldType.AMOUNT, "一万零五元", "10005.00"), id="amount-numerals-inner-zero"),
        pytest.param("说好退还两块钱", (FieldType.AMOUNT, "两块钱", "-2.00"), id="amount-kuai-refund"),
        pytest.param("实付 123元1角1分", (FieldType.AMOUNT, "123元1角1分", "123.11"), id="amount-digits-jiao-fen"),
        pytest.param("联系电话：138****5678", (FieldType.PHONE, "138****5678", "138****5678"), id="phone-masked"),
        pytest.param("13812345678", (FieldType.PHONE, "13812345678", "13812345678"), id="mobile-not-order"),
        pytest.param("+86 138-1234-5678", (FieldType.PHONE, "+86 138-1234-5678", "13812345678"), id="mobile-country"),
        pytest.param("客服热线 950618", (FieldType.PHONE, "950618", "950618"), id="hotline-950618"),
        pytest.param("请拨打12315", (FieldType.PHONE, "12315", "12315"), id="hotline-12315"),
        pytest.param("400-606-5500", (FieldType.PHONE, "400-606-5500", "4006065500"), id="phone-400"),
        pytest.param("010-62288559", (FieldType.PHONE, "010-62288559", "010-62288559"), id="landline"),
        pytest.param("(021)68804868", (FieldType.PHONE, "(021)68804868", "021-68804868"), id="landline-brackets"),
        pytest.param("工号：JD10086", (FieldType.AGENT_ID, "JD10086", "JD10086"), id="agent-id"),
        pytest.param("客服小东为您服务", (FieldType.AGENT, "客服小东", "小东"), id="agent-name"),
        pytest.param("白条 本期应还", (FieldType.PLATFORM, "白条", "白条"), id="platform-baitiao"),
        pytest.param("京东金融", (FieldType.PLATFORM, "京东金融", "京东金融"), id="platform-jd-finance"),
        pytest.param("支付宝", (FieldType.PLATFORM, "支付宝", "支付宝"), id="platform-alipay"),
    ],
)
def test_field(text: str, expected: tuple[FieldType, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        pytest.param("13812345678", FieldType.ORDER_NO, id="phone-is-not-order"),
        pytest.param("2026-02-14 22:15:35", FieldType.AMOUNT, id="date-is-not-amount"),
        pytest.param("22:15", FieldType.AMOUNT, id="time-is-not-amount"),
        pytest.param("2026年2月14日", FieldType.AMOUNT, id="year-is-not-amount"),
        pytest.param("¥12.25", FieldType.TIMESTAMP, id="price-is-not-date"),
        pytest.param("95000元", FieldType.PHONE, id="price-is-not-hotline"),
        pytest.param("订单编号 285123456789", FieldType.PHONE, id="order-is-not-phone"),
        pytest.param("4111 1111 1111 1112", FieldType.BANK_CARD, id="luhn-failure-is-not-card"),
        pytest.param("客服电话", FieldType.AGENT, id="hotline-caption-is-not-agent"),
        pytest.param("-77.034040723966", FieldType.PHONE, id="decimal-is-not-landline"),
        pytest.param("我们一块去处理", FieldType.AMOUNT, id="yikuai-together-is-not-money"),
        pytest.param("二三元素", FieldType.AMOUNT, id="digit-run-is-not-a-numeral"),
    ],
)
def test_false_positives(text: str, not_type: FieldType) -> None:
    assert not_type not in [field_type for field_type, _, _ in found(text)]


def test_unlabelled_digits_are_no_order_number_unless_the_page_is_an_order_list() -> None:
    """A bare digit run is as often a taxpayer id or check code; only an order page makes it an order."""
    assert extract_text("285123456789", CONFIG) == []
    order_list = [OcrLine("我的订单", (60, 40, 220, 80), 0.9), OcrLine("285123456789", (400, 140, 600, 170), 0.9),
                  OcrLine("京东自营", (640, 140, 760, 170), 0.9), OcrLine("实付款 ¥99.00", (60, 200, 400, 230), 0.9)]
    [order] = [f for f in extract_fields(order_list, CONFIG) if f.type is FieldType.ORDER_NO]
    assert (order.normalized, order.confidence) == ("285123456789", pytest.approx(0.45))


def test_confidence_is_line_times_pattern_and_bbox_is_narrowed() -> None:
    line = OcrLine("实付款 ¥99.00", (100, 10, 300, 30), 0.8)
    [field] = extract_fields([line], CONFIG)
    assert field.confidence == pytest.approx(0.8 * 0.95)
    # 实付款 takes three ems and the space a quarter; "¥99.00" five half-width characters and a stop.
    assert field.bbox == (100 + round(200 * 3.24 / 6.32), 10, 300, 30)


def test_vertical_line_keeps_its_whole_box() -> None:
    line = OcrLine("¥99.00", (10, 10, 30, 200), 1.0)
    assert extract_fields([line], CONFIG)[0].bbox == (10, 10, 30, 200)


def test_label_pairs_with_value_box_on_the_same_row() -> None:
    lines = [
        OcrLine("订单编号", (20, 100, 120, 130), 0.9),
        OcrLine("13812345678", (400, 102, 620, 128), 0.8),
        OcrLine("收货人 张三", (20, 200, 200, 230), 0.9),
    ]
    [field] = [f for f in extract_fields(lines, CONFIG) if f.raw == "13812345678"]
    assert (field.type, field.bbox, field.confidence) == (FieldType.ORDER_NO, (400, 102, 620, 128), pytest.approx(0.76))


def test_label_pairs_with_value_box_directly_below() -> None:
    lines = [OcrLine("交易单号：", (20, 100, 150, 130), 0.9), OcrLine("4200001234202602141234", (20, 140, 300, 170), 0.9)]
    [field] = extract_fields(lines, CONFIG)
    assert (field.type, field.bbox) == (FieldType.TRANSACTION_NO, (20, 140, 300, 170))


def test_label_ignores_boxes_far_below() -> None:
    """Not paired: the digits are only the tentative order number of an order page (0.9 × 0.5)."""
    lines = [OcrLine("订单编号", (20, 100, 120, 130), 0.9), OcrLine("285123456789", (20, 400, 200, 430), 0.9)]
    assert [f.confidence for f in extract_fields(lines, CONFIG)] == [pytest.approx(0.45)]


def test_extract_text_has_no_boxes() -> None:
    fields = extract_text("订单编号：285123456789\n实付款 ¥99.00", CONFIG)
    assert [(f.type, f.bbox) for f in fields] == [(FieldType.ORDER_NO, None), (FieldType.AMOUNT, None)]


def test_core_imports_no_qt() -> None:
    """In a fresh interpreter, because pytest-qt has already imported PySide6 into this one."""
    check = "import sys, ocr.extract; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", check], check=False).returncode == 0

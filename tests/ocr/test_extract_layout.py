"""Label-value pairing on pages laid out like the real apps (tests/ocr/pages.py), and kinds of pages."""
from __future__ import annotations

from datetime import datetime

import pytest

from ocr.extract import ExtractionConfig, classify_kind, extract_fields
from ocr.extract.config import SHANGHAI
from ocr.extract.layout import narrow_bbox
from ocr.types import AmountRole, FieldType, OcrLine
from tests.ocr import pages

CONFIG = ExtractionConfig(datetime(2026, 2, 18, 12, 0, tzinfo=SHANGHAI))
Expected = tuple[FieldType, str, str]


def fields_of(lines: list[OcrLine]) -> list[Expected]:
    return [(f.type, f.normalized, f.role) for f in extract_fields(lines, CONFIG)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(pages.ALIPAY_BILL_DETAIL, [
            (FieldType.AMOUNT, "-1130.00", AmountRole.TRANSACTION),
            (FieldType.TIMESTAMP, "2024-01-15T20:31:22+08:00", ""),
            (FieldType.TRANSACTION_NO, "2024011522001412345678901234", ""),
            (FieldType.ORDER_NO, "T200P285123456789012", ""),
        ], id="alipay-bill-detail"),
        pytest.param(pages.WECHAT_PAY_DETAIL, [
            (FieldType.AMOUNT, "-1130.00", AmountRole.TRANSACTION),
            (FieldType.TIMESTAMP, "2024-01-15T20:31:22+08:00", ""),
            (FieldType.TRANSACTION_NO, "4200002123202401151234567890", ""),
            (FieldType.ORDER_NO, "1234567890123456789012", ""),
        ], id="wechat-pay-detail"),
        pytest.param(pages.JD_ORDER_DETAIL, [
            (FieldType.AMOUNT, "1299.00", AmountRole.ORDER_TOTAL),
            (FieldType.AMOUNT, "0.00", AmountRole.SHIPPING),
            (FieldType.AMOUNT, "-100.00", AmountRole.DISCOUNT),
            (FieldType.AMOUNT, "1199.00", AmountRole.PAID),
            (FieldType.ORDER_NO, "285123456789", ""),
            (FieldType.TIMESTAMP, "2026-02-14T22:15:35+08:00", ""),
            (FieldType.LOGISTICS_NO, "JDV012345678901", ""),
        ], id="jd-order-detail"),
        pytest.param(pages.JD_BAITIAO_BILL, [
            (FieldType.AMOUNT, "1234.56", AmountRole.DUE),
            (FieldType.AMOUNT, "234.00", AmountRole.TRANSACTION),
            (FieldType.AMOUNT, "1000.00", AmountRole.REPAYMENT),
        ], id="jd-baitiao-bill-value-below-caption"),
        pytest.param(pages.ALIPAY_BILL_LIST, [
            (FieldType.AMOUNT, "-194.26", AmountRole.TRANSACTION),
            (FieldType.AMOUNT, "1.82", AmountRole.TRANSACTION),
            (FieldType.AMOUNT, "1832.17", AmountRole.TRANSACTION),
        ], id="alipay-bill-list-bare-signed"),
        pytest.param(pages.JD_ORDER_LIST_PC, [
            (FieldType.ORDER_NO, "285123456789", ""),
            (FieldType.AMOUNT, "5999.00", ""),
        ], id="jd-order-list-row-number"),
    ],
)
def test_page_fields(lines: list[OcrLine], expected: list[Expected]) -> None:
    found = fields_of(lines)
    assert [item for item in expected if item not in found] == []


@pytest.mark.parametrize(
    ("lines", "orders"),
    [
        pytest.param(pages.ALIPAY_BILL_DETAIL, ["T200P285123456789012"], id="alipay-bill-detail"),
        pytest.param(pages.WECHAT_PAY_DETAIL, ["1234567890123456789012"], id="wechat-pay-detail"),
        pytest.param(pages.JD_ORDER_DETAIL, ["285123456789"], id="jd-order-detail"),
        pytest.param(pages.JD_BAITIAO_BILL, [], id="jd-baitiao-bill"),
        pytest.param(pages.ALIPAY_BILL_LIST, [], id="alipay-bill-list"),
        pytest.param(pages.VAT_E_INVOICE, ["123456789012"], id="vat-e-invoice"),
        pytest.param(pages.FULLY_DIGITAL_INVOICE, ["285123456789"], id="fully-digital-invoice"),
    ],
)
def test_only_order_numbers_are_typed_as_orders(lines: list[OcrLine], orders: list[str]) -> None:
    assert [value for field_type, value, _ in fields_of(lines) if field_type is FieldType.ORDER_NO] == orders


@pytest.mark.parametrize(
    ("lines", "kind"),
    [
        pytest.param(pages.ALIPAY_BILL_DETAIL, "payment", id="alipay-bill-detail"),
        pytest.param(pages.WECHAT_PAY_DETAIL, "payment", id="wechat-pay-detail"),
        pytest.param(pages.JD_ORDER_DETAIL, "order", id="jd-order-detail"),
        pytest.param(pages.JD_BAITIAO_BILL, "payment", id="jd-baitiao-bill"),
        pytest.param(pages.ALIPAY_BILL_LIST, "payment", id="alipay-bill-list"),
        pytest.param(pages.JD_ORDER_LIST_PC, "order", id="jd-order-list"),
        pytest.param(pages.VAT_E_INVOICE, "invoice", id="vat-e-invoice"),
        pytest.param(pages.FULLY_DIGITAL_INVOICE, "invoice", id="fully-digital-invoice"),
        pytest.param(pages.WECHAT_TRANSFER, "payment", id="wechat-transfer"),
        pytest.param(pages.JD_ORDER_DETAIL_PC, "order", id="jd-order-detail-pc"),
    ],
)
def test_kind_of_page(lines: list[OcrLine], kind: str) -> None:
    assert classify_kind(lines) == kind


def test_field_box_is_the_value_box_not_the_caption() -> None:
    [order] = [f for f in extract_fields(pages.JD_ORDER_DETAIL, CONFIG) if f.type is FieldType.ORDER_NO]
    assert order.bbox == (300, 922, 560, 962)


def test_caption_with_a_caption_next_to_it_has_no_value() -> None:
    """An empty 纳税人识别号 of a private buyer must not take the next row's text."""
    lines = [OcrLine("纳税人识别号:", (120, 300, 320, 330), 0.9), OcrLine("开户行及账号:", (120, 340, 320, 370), 0.9),
             OcrLine("6222021234567890128", (330, 342, 600, 372), 0.9)]
    assert [(f.type, f.normalized) for f in extract_fields(lines, CONFIG)] == [
        (FieldType.BANK_ACCOUNT, "6222021234567890128")]



@pytest.mark.parametrize(
    ("boxes", "amount"),
    [
        pytest.param([("168", (560, 440, 693, 525)), ("元", (690, 460, 751, 523))], "168.00", id="yuan-box-after"),
        pytest.param([("¥", (300, 470, 330, 520)), ("59.90", (335, 440, 520, 525))], "59.90", id="yen-box-before"),
    ],
)
def test_currency_mark_in_its_own_box_joins_the_number(boxes: list[tuple[str, tuple[int, int, int, int]]],
                                                        amount: str) -> None:
    """Ad banners and price tags draw the figure large and 元 or ¥ small beside it; OCR boxes them apart."""
    lines = [OcrLine(text, box, 0.99) for text, box in boxes]
    assert [(f.type, f.normalized) for f in extract_fields(lines, CONFIG)] == [(FieldType.AMOUNT, amount)]


@pytest.mark.parametrize(
    ("marker", "box"),
    [
        pytest.param("x1", (960, 482, 1020, 518), id="quantity-on-the-row"),
        pytest.param("×2", (960, 482, 1020, 518), id="times-sign"),
        pytest.param("X", (980, 530, 1000, 550), id="digit-lost-below-the-price"),
    ],
)
def test_price_beside_a_quantity_is_the_unit_price(marker: str, box: tuple[int, int, int, int]) -> None:
    """Shops print the unit price with x1 beside or under it; OCR often keeps only the x of a small x1."""
    lines = [OcrLine("海尔（Haier）10公斤滚筒洗衣机", (120, 480, 700, 520), 0.95),
             OcrLine("¥298.79", (880, 480, 1020, 520), 0.95), OcrLine(marker, box, 0.95)]
    assert [(f.normalized, f.role) for f in extract_fields(lines, CONFIG) if f.type is FieldType.AMOUNT] == [
        ("298.79", AmountRole.UNIT_PRICE)]


@pytest.mark.parametrize(
    ("caption", "first", "second", "expected"),
    [
        pytest.param("商家订单号", "T200P2851234567890", "12345678", (FieldType.ORDER_NO, "T200P285123456789012345678"),
                     id="merchant-order-number"),
        pytest.param("订单号", "20240115220014123456", "78901234", (FieldType.TRANSACTION_NO, "2024011522001412345678901234"),
                     id="alipay-trade-number"),
    ],
)
def test_value_wrapped_in_its_column_is_joined(caption: str, first: str, second: str,
                                               expected: tuple[FieldType, str]) -> None:
    """A long value of a two-column detail page wraps at the column's edge; the next row starts with a caption."""
    lines = pages.page(("账单详情", 440, 150, 640, 200), (caption, 60, 640, 60 + 40 * len(caption), 680),
                       (first, 300, 643, 1020, 683), (second, 300, 690, 520, 730),
                       *pages.detail_rows(780, [("账单分类", "数码电器")]))
    assert [(f.type, f.normalized) for f in extract_fields(lines, CONFIG)
            if f.type in (FieldType.ORDER_NO, FieldType.TRANSACTION_NO)] == [expected]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param([OcrLine("华为 HUAWEI FreeBuds Pro 3 真无线蓝牙降噪耳机 ¥1,547.35", (148, 189, 677, 215), 0.95),
                      OcrLine("x1", (652, 224, 678, 246), 0.95)],
                     ("1547.35", AmountRole.UNIT_PRICE), id="title-and-price-over-the-quantity"),
        pytest.param([OcrLine("海尔(Haier)10公斤滚筒洗衣机全自动", (142, 369, 532, 396), 0.95),
                      OcrLine("x1", (641, 367, 678, 398), 0.95), OcrLine("¥1,026.88已完成", (747, 367, 959, 398), 0.95),
                      OcrLine("在线支付", (748, 404, 832, 433), 0.95)],
                     ("1026.88", AmountRole.PAID), id="price-and-status-over-the-payment-method"),
    ],
)
def test_price_merged_with_its_neighbour_keeps_its_role(lines: list[OcrLine], expected: tuple[str, str]) -> None:
    """OCR joins a price with the goods title before it or the order status after it into one box."""
    assert [(f.normalized, f.role) for f in extract_fields(lines, CONFIG) if f.type is FieldType.AMOUNT] == [expected]


def test_stacked_dates_and_times_of_a_progress_strip_are_one_timestamp_each() -> None:
    assert [normalized for kind, normalized, _ in fields_of(pages.JD_ORDER_DETAIL_PC) if kind is FieldType.TIMESTAMP] == [
        "2026-02-12T20:41:07+08:00", "2026-02-12T20:43:55+08:00", "2026-02-14T09:12:30+08:00"]


@pytest.mark.parametrize(
    ("boxes", "expected"),
    [
        pytest.param([("2026-02-12", 80, 178, 240, 210), ("20:41:07", 80, 212, 176, 244)],
                     "2026-02-12T20:41:07+08:00", id="time-under-the-date"),
        pytest.param([("2026年2月12日", 80, 178, 250, 210), ("20:41", 290, 180, 360, 210)],
                     "2026-02-12T20:41+08:00", id="time-beside-the-date"),
        pytest.param([("02-12", 80, 178, 160, 210), ("20:41", 80, 214, 150, 244)],
                     "2026-02-12T20:41+08:00", id="year-less-date-over-its-time"),
    ],
)
def test_date_and_clock_in_two_boxes_are_joined(boxes: list[pages.Box], expected: str) -> None:
    assert [normalized for kind, normalized, _ in fields_of(pages.page(*boxes))] == [expected]


def test_month_day_cells_under_statement_date_headers_are_dates() -> None:
    stamps = [(f.normalized, f.reference) for f in extract_fields(pages.CARD_STATEMENT, CONFIG)
              if f.type is FieldType.TIMESTAMP]
    assert stamps == [("2026-01-28", ""), ("2026-01-07", "page"), ("2026-01-08", "page"), ("2026-01-21", "page"),
                      ("2026-01-22", "page")]


def test_clock_far_from_a_date_takes_the_capture_reference() -> None:
    """20:41 away from the date is the last 20:41 before the reference (2026-02-18 12:00), not the date's."""
    lines = pages.page(("2026-02-12", 80, 178, 240, 210), ("20:41", 700, 178, 770, 210))
    assert [normalized for _, normalized, _ in fields_of(lines)] == ["2026-02-12", "2026-02-17T20:41+08:00"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(pages.JD_ORDER_DETAIL_PC, [
            ("258.00", AmountRole.ORDER_TOTAL), ("6.00", AmountRole.SHIPPING), ("264.00", AmountRole.PAID),
            ("129.00", AmountRole.UNIT_PRICE)], id="letter-spaced-caption-and-price-column"),
        pytest.param(pages.page(("冰美式", 60, 330, 144, 368), ("x2", 620, 330, 648, 365), ("¥38.00", 933, 330, 1020, 368)),
                     [("38.00", "")], id="quantity-left-of-the-price-is-a-subtotal"),
        pytest.param(pages.page(("收 货 人：张**", 65, 337, 233, 372), ("运 费：¥8.00", 65, 380, 233, 414)),
                     [("8.00", AmountRole.SHIPPING)], id="spaced-ascii"),
        pytest.param(pages.ALIPAY_REFUND_DETAIL, [("-58.00", AmountRole.REFUND)], id="plus-headline-of-a-refund-page"),
        pytest.param(pages.INSTALMENT_PLAN, [
            ("5398.56", AmountRole.LOAN), ("0.00", ""), ("449.88", AmountRole.DUE), ("449.88", AmountRole.DUE)],
            id="instalment-periods-are-due-and-a-pending-status-is-no-caption"),
        pytest.param(pages.CARD_STATEMENT, [
            ("7908.60", AmountRole.DUE), ("790.86", AmountRole.DUE), ("1531.25", AmountRole.TRANSACTION),
            ("-2711.67", AmountRole.REPAYMENT)], id="card-statement-due-and-repayment-row"),
        pytest.param(pages.page(("本期应还金额", 60, 270, 204, 303), ("", 60, 312, 60, 350), ("¥7,908.60", 60, 320, 328, 402)),
                     [("7908.60", AmountRole.DUE)], id="empty-box-between-caption-and-value"),
        pytest.param(pages.page(("03月01日  第2/12期", 60, 600, 330, 640), ("¥1,718.02", 880, 600, 1020, 642),
                                ("本金¥1,630.00 利息¥88.02", 700, 650, 1020, 680)),
                     [("1718.02", AmountRole.DUE), ("1630.00", ""), ("88.02", "")], id="repayment-plan-period-row"),
    ],
)
def test_amount_roles_from_layout_and_captions(lines: list[OcrLine], expected: list[tuple[str, str]]) -> None:
    assert [(normalized, role) for kind, normalized, role in fields_of(lines) if kind is FieldType.AMOUNT] == expected


_FONTS = [
    pytest.param("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, id="noto-sans-cjk"),
    pytest.param("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, id="wqy-microhei"),
]


@pytest.mark.parametrize(("font_path", "index"), _FONTS)
@pytest.mark.parametrize(("text", "value"), [
    pytest.param("订单编号：312345678901", "312345678901", id="order-number-after-caption"),
    pytest.param("实付款 ¥1,299.00 已支付", "¥1,299.00", id="amount-mid-line"),
    pytest.param("客服工号 53218 京东客服小美", "53218", id="agent-id"),
    pytest.param("JDV012345678901 顺丰 SF1234567890123", "SF1234567890123", id="latin-tracking-number"),
])
def test_a_value_box_sits_on_its_characters(font_path: str, index: int, text: str, value: str) -> None:
    """Measured on text drawn with the fonts screenshots use: the box starts and ends within a
    quarter of the text height of where the characters really are."""
    from pathlib import Path

    from PIL import ImageFont

    if not Path(font_path).is_file():
        pytest.skip(f"{font_path} is not installed")
    size = 40
    font = ImageFont.truetype(font_path, size, index=index)
    left = 100
    line = OcrLine(text, (left, 10, left + round(font.getlength(text)), 10 + size), 0.99)
    start = text.index(value)
    box = narrow_bbox(line, start, start + len(value))
    assert box is not None
    true_left = left + font.getlength(text[:start])
    true_right = left + font.getlength(text[: start + len(value)])
    assert abs(box[0] - true_left) <= size / 4 and abs(box[2] - true_right) <= size / 4, (box, true_left, true_right)

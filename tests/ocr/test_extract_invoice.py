"""E-invoices as evidence: the 增值税电子普通发票 JD issues and the 全电发票, read from their layout."""
from __future__ import annotations

from datetime import datetime

import pytest

from ocr.extract import ExtractionConfig, classify_kind, extract_fields
from ocr.extract.config import SHANGHAI
from ocr.types import AmountRole, FieldType, OcrLine
from tests.ocr import pages

CONFIG = ExtractionConfig(datetime(2026, 2, 18, 12, 0, tzinfo=SHANGHAI))


def fields_of(lines: list[OcrLine]) -> list[tuple[FieldType, str, str]]:
    return [(f.type, f.normalized, f.role) for f in extract_fields(lines, CONFIG)]


VAT_E_INVOICE_FIELDS = [
    (FieldType.MACHINE_NO, "661912345678", ""),
    (FieldType.INVOICE_CODE, "011001900211", ""),
    (FieldType.INVOICE_NO, "12345678", ""),
    (FieldType.TIMESTAMP, "2019-05-08", ""),
    (FieldType.CHECK_CODE, "12345678901234567891", ""),
    (FieldType.AMOUNT, "5308.85", AmountRole.UNIT_PRICE),
    (FieldType.AMOUNT, "5308.85", AmountRole.NET),
    (FieldType.AMOUNT, "690.15", AmountRole.TAX),
    (FieldType.AMOUNT, "5999.00", AmountRole.TOTAL_WITH_TAX),
    (FieldType.TAX_ID, "91110302562134916R", ""),
    (FieldType.BANK_ACCOUNT, "110907929010201", ""),
    (FieldType.ORDER_NO, "123456789012", ""),
]
FULLY_DIGITAL_FIELDS = [
    (FieldType.INVOICE_NO, "24112000000012345678", ""),
    (FieldType.TIMESTAMP, "2024-01-15", ""),
    (FieldType.TAX_ID, "91110302562134916R", ""),
    (FieldType.AMOUNT, "442.48", AmountRole.UNIT_PRICE),
    (FieldType.AMOUNT, "884.96", AmountRole.NET),
    (FieldType.AMOUNT, "115.04", AmountRole.TAX),
    (FieldType.AMOUNT, "1000.00", AmountRole.TOTAL_WITH_TAX),
    (FieldType.ORDER_NO, "285123456789", ""),
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(pages.VAT_E_INVOICE, VAT_E_INVOICE_FIELDS, id="vat-electronic-ordinary-invoice"),
        pytest.param(pages.FULLY_DIGITAL_INVOICE, FULLY_DIGITAL_FIELDS, id="fully-digital-invoice"),
    ],
)
def test_invoice_fields(lines: list[OcrLine], expected: list[tuple[FieldType, str, str]]) -> None:
    found = fields_of(lines)
    assert [item for item in expected if item not in found] == []
    assert classify_kind(lines) == "invoice"


def test_total_with_tax_in_words_and_figures_agree() -> None:
    totals = {value for field_type, value, role in fields_of(pages.VAT_E_INVOICE)
              if field_type is FieldType.AMOUNT and role == AmountRole.TOTAL_WITH_TAX}
    assert totals == {"5999.00"}


@pytest.mark.parametrize(
    ("text", "role"),
    [pytest.param("13%", None, id="rate-column"), pytest.param("1", None, id="quantity-column"),
     pytest.param("5308.85", AmountRole.UNIT_PRICE, id="unit-price-column")],
)
def test_item_row_cells_take_their_column(text: str, role: str | None) -> None:
    cells = [f.role for f in extract_fields(pages.VAT_E_INVOICE, CONFIG) if f.type is FieldType.AMOUNT and f.raw == text]
    assert (cells[0] if cells else None) == role



def as_read(lines: list[OcrLine], joined: tuple[str, str] | None = None,
            replaced: dict[str, str] | None = None) -> list[OcrLine]:
    """The page as an engine reads it: two neighbouring boxes joined into one, and texts read differently."""
    replaced = replaced or {}
    result = []
    for line in lines:
        if joined and line.text == joined[1]:
            continue
        if joined and line.text == joined[0]:
            [right] = [other for other in lines if other.text == joined[1]]
            box = (line.bbox[0], min(line.bbox[1], right.bbox[1]), right.bbox[2], max(line.bbox[3], right.bbox[3]))
            line = OcrLine(line.text + right.text, box, line.confidence)
        result.append(OcrLine(replaced.get(line.text, line.text), line.bbox, line.confidence))
    return result


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(as_read(pages.FULLY_DIGITAL_INVOICE, joined=("税率/征收率", "税额")),
                     (FieldType.AMOUNT, "115.04", AmountRole.TAX), id="rate-and-tax-headers-in-one-box"),
        pytest.param(as_read(pages.FULLY_DIGITAL_INVOICE, joined=("税率/征收率", "税额"),
                             replaced={"税率/征收率税额": "税率/征收税额"}),
                     (FieldType.AMOUNT, "115.04", AmountRole.TAX), id="merged-headers-with-a-character-lost"),
        pytest.param(as_read(pages.VAT_E_INVOICE, joined=("单价", "金额")),
                     (FieldType.AMOUNT, "5308.85", AmountRole.NET), id="price-and-net-headers-in-one-box"),
        pytest.param(as_read(pages.FULLY_DIGITAL_INVOICE, replaced={"2024年01月15日": "20240115"}),
                     (FieldType.TIMESTAMP, "2024-01-15", ""), id="issue-date-without-its-characters"),
    ],
)
def test_invoice_as_ocr_reads_it(lines: list[OcrLine], expected: tuple[FieldType, str, str]) -> None:
    assert expected in fields_of(lines)

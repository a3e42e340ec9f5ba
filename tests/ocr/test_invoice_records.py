"""E-invoice files (OFD, 数电票 XML) read as an invoice: facts as fields, lines as records; bad input."""
from __future__ import annotations

import io
import zipfile

import pytest

from bench.invoice_files import invoice_ofd, invoice_xml, sample_invoice
from bench.record_files import bill_rows, encrypted_zip, wechat_xlsx
from ocr.records import RecordProblem, UnreadableRecords, read_records
from ocr.records.invoices import issue_time, money, tax_rate
from ocr.types import AmountRole, FieldType

INVOICE = sample_invoice(seed=7, items=3)


def _replaced(ofd: bytes, part: str, text: bytes) -> bytes:
    """The OFD with one part's bytes replaced, as a broken issuer might write it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ofd)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, text if info.filename == part else source.read(info))
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "layout", "issued"),
    [
        pytest.param("发票.xml", invoice_xml(INVOICE), "einvoice_xml", INVOICE.issued.isoformat() + "+08:00",
                     id="einvoice-xml"),
        pytest.param("发票.ofd", invoice_ofd(INVOICE), "ofd_invoice", INVOICE.issued.date().isoformat(),
                     id="ofd-custom-tags"),
        pytest.param("invoice", invoice_ofd(INVOICE, tags=False, attach_xml=True), "ofd_invoice",
                     INVOICE.issued.date().isoformat(), id="ofd-attached-xml-no-suffix"),
    ],
)
def test_invoice_files_give_their_facts_as_fields_and_lines_as_records(
    name: str, data: bytes, layout: str, issued: str
) -> None:
    found = read_records(data, name)
    assert found is not None and (found.layout, found.kind, found.bad_rows) == (layout, "invoice", ())
    values = {(f.type, f.role): f.normalized for f in found.fields if f.type != FieldType.TAX_ID}
    assert values == {
        (FieldType.INVOICE_NO, ""): INVOICE.number,
        (FieldType.TIMESTAMP, ""): issued,
        (FieldType.AMOUNT, AmountRole.TOTAL_WITH_TAX): f"{INVOICE.total:.2f}",
        (FieldType.AMOUNT, AmountRole.TAX): f"{INVOICE.tax:.2f}",
        (FieldType.AMOUNT, AmountRole.NET): f"{INVOICE.net:.2f}",
    }
    assert [f.normalized for f in found.fields if f.type == FieldType.TAX_ID] == [INVOICE.seller_tax_id,
                                                                                  INVOICE.buyer_tax_id]
    assert all(f.bbox is None and f.confidence == 1.0 for f in found.fields)
    assert [r.row for r in found.records] == [1, 2, 3]
    for record, item in zip(found.records, INVOICE.items, strict=True):
        assert (record.description, record.amount, record.counterparty, record.time) == (
            item.name, f"{item.amount:.2f}", INVOICE.seller_name, issued)
        assert f"税率 {item.rate * 100:.0f}%" in record.note and f"税额 {item.tax:.2f}" in record.note


def test_an_invoice_in_a_mailed_zip_is_read_as_the_invoice() -> None:
    found = read_records(encrypted_zip("发票.ofd", invoice_ofd(INVOICE), "8888"), "发票.zip", password="8888")
    assert found is not None and (found.layout, found.inner_name) == ("ofd_invoice", "发票.ofd")
    assert INVOICE.number in {f.normalized for f in found.fields}


def test_a_zip_is_an_ofd_by_its_ofd_xml_not_by_its_name() -> None:
    assert read_records(wechat_xlsx(bill_rows(3, seed=4)), "账单.ofd").layout == "wechat_pay_xlsx"


def test_a_20_digit_invoice_without_code_has_no_invoice_code_field() -> None:
    found = read_records(invoice_xml(INVOICE), "a.xml")
    assert FieldType.INVOICE_CODE not in {f.type for f in found.fields}


_OFD = invoice_ofd(INVOICE)
_XML = invoice_xml(INVOICE)


@pytest.mark.parametrize(
    ("name", "data", "problem", "words"),
    [
        pytest.param("发票.ofd", _OFD[: len(_OFD) // 2], RecordProblem.DAMAGED_OFD, "cut short",
                     id="truncated-ofd"),
        pytest.param("download", _OFD[: len(_OFD) - 30], RecordProblem.DAMAGED_OFD, "cut short",
                     id="truncated-ofd-unnamed"),
        pytest.param("发票.ofd", _replaced(_OFD, "OFD.xml", b"<ofd:OFD><ofd:DocBody>"), RecordProblem.DAMAGED_OFD,
                     "OFD.xml", id="broken-ofd-xml"),
        pytest.param("发票.ofd", _replaced(_OFD, "Doc_0/Document.xml", b"<Other/>"), RecordProblem.NOT_AN_INVOICE,
                     "no invoice data", id="ofd-without-pages-or-tags"),
        pytest.param("文档.ofd", invoice_ofd(INVOICE, tags=False), RecordProblem.NOT_AN_INVOICE, "no invoice data",
                     id="ofd-that-is-no-invoice"),
        pytest.param("a.xml", b'<?xml version="1.0"?><note><to>Tove</to></note>', RecordProblem.NOT_AN_INVOICE,
                     "<note>", id="xml-that-is-no-invoice"),
        pytest.param("a.xml", _XML[: len(_XML) // 2], RecordProblem.DAMAGED_XML, "cut short", id="truncated-xml"),
        pytest.param("a.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><EInvoice>&a;</EInvoice>',
                     RecordProblem.DAMAGED_XML, "DTD", id="xml-with-entities"),
        pytest.param("a.xml", b'<?xml version="1.0" encoding="no-such-charset"?><EInvoice/>',
                     RecordProblem.DAMAGED_XML, "charset", id="unknown-charset"),
        pytest.param("a.xml", _XML.replace(INVOICE.number.encode(), b""), RecordProblem.NOT_AN_INVOICE,
                     "no invoice number", id="einvoice-without-number"),
        pytest.param("a.xml", _XML.replace(INVOICE.number.encode(), b"12345"), RecordProblem.NOT_AN_INVOICE,
                     "neither 8 nor 20 digits", id="einvoice-with-short-number"),
    ],
)
def test_bad_invoice_files_get_a_specific_problem(name: str, data: bytes, problem: RecordProblem, words: str) -> None:
    with pytest.raises(UnreadableRecords) as caught:
        read_records(data, name)
    assert caught.value.problem == problem and words in caught.value.detail


def test_a_gbk_declared_xml_is_read_in_its_charset() -> None:
    data = _XML.decode().replace('encoding="UTF-8"', 'encoding="GBK"').encode("gbk")
    found = read_records(data, "发票.xml")
    assert found.records[0].counterparty == INVOICE.seller_name


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param("2024年03月05日", "2024-03-05", id="chinese-date"),
        pytest.param("2024-03-05 14:03:22", "2024-03-05T14:03:22+08:00", id="date-time-china"),
        pytest.param("20240305", "2024-03-05", id="compact"),
        pytest.param("2024-02-30", "", id="no-such-day"),
        pytest.param("明天", "", id="not-a-date"),
    ],
)
def test_issue_time(text: str, iso: str) -> None:
    assert issue_time(text) == iso


@pytest.mark.parametrize(
    ("text", "value"),
    [pytest.param("¥1,234.5", "1234.50", id="sign-and-comma"), pytest.param("88元", "88.00", id="yuan"),
     pytest.param("壹佰圆", "", id="words")],
)
def test_money(text: str, value: str) -> None:
    assert money(text) == value


@pytest.mark.parametrize(
    ("text", "rate"),
    [pytest.param("0.13", "13%", id="xml-fraction"), pytest.param("13%", "13%", id="printed"),
     pytest.param("0.015", "1.5%", id="reduced"), pytest.param("免税", "免税", id="exempt")],
)
def test_tax_rate(text: str, rate: str) -> None:
    assert tax_rate(text) == rate


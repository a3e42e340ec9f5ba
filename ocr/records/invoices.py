"""What an e-invoice file (OFD or 数电票 XML) says, turned into the item's fields and its line items.

Both readers (ocr.records.ofd, ocr.records.invoice_xml) fill an `InvoiceFacts`; this module makes
one `RecordFile` of it: the facts a person searches and cites (发票号码, 发票代码, 开票日期, 价税合计,
税额, 金额, both 纳税人识别号) become fields of the item, and each line of goods or services (项目名称,
金额, 税率, 税额) becomes a record numbered by its place on the invoice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from ocr.extract.amounts import format_amount
from ocr.records.bills import CHINA_TZ
from ocr.records.types import Record, RecordFile, RecordProblem, UnreadableRecords
from ocr.types import AmountRole, ExtractedField, FieldType

_SPACES = re.compile(r"\s+")
_MONEY_MARKS = re.compile(r"[¥￥,，\s元]")
_DATE = re.compile(r"^(\d{4})\s*[年/.-]?\s*(\d{1,2})\s*[月/.-]?\s*(\d{1,2})\s*日?$")
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y%m%d%H%M%S")
_INVOICE_NO = re.compile(r"^(?:\d{8}|\d{20})$")


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """One line of goods or services, as printed: amounts before tax, the rate as on the invoice."""

    name: str
    specification: str = ""
    unit: str = ""
    quantity: str = ""
    unit_price: str = ""
    amount: str = ""
    tax_rate: str = ""
    tax_amount: str = ""


@dataclass(frozen=True, slots=True)
class InvoiceFacts:
    """An invoice's data as its file holds it; empty strings for what the file leaves out."""

    number: str
    code: str = ""
    issued: str = ""
    """开票日期 as written: a date (2024年03月05日, 2024-03-05) or a date and time."""
    seller_name: str = ""
    seller_tax_id: str = ""
    buyer_name: str = ""
    buyer_tax_id: str = ""
    net: str = ""
    tax: str = ""
    total_with_tax: str = ""
    lines: tuple[InvoiceLine, ...] = ()


def issue_time(text: str) -> str:
    """开票日期 as ISO 8601: a date alone stays a date, a time gets China's +08:00; "" if unreadable."""
    text = text.strip()
    match = _DATE.match(text)
    if match:
        try:
            return date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            return ""
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=CHINA_TZ).isoformat()
        except ValueError:
            continue
    return ""


def money(text: str) -> str:
    """An amount as two decimals ("1,234.5元" → "1234.50"); "" when it is no number."""
    try:
        return format_amount(Decimal(_MONEY_MARKS.sub("", text)))
    except InvalidOperation:
        return ""


def tax_rate(text: str) -> str:
    """The rate as printed on paper: the XML's 0.13 as 13%, 13% and 免税 as they are."""
    text = text.strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return f"{(value * 100 if value < 1 else value).normalize():f}%"


def _field(field_type: FieldType, raw: str, normalized: str, role: str = "") -> ExtractedField:
    """A value the file states in a tagged element: exact, so it needs no box and has full confidence."""
    return ExtractedField(field_type, raw, normalized, None, 1.0, role=role)


def invoice_fields(facts: InvoiceFacts) -> tuple[ExtractedField, ...]:
    """The facts of the invoice as fields of its item, each present value once."""
    found = [_field(FieldType.INVOICE_NO, facts.number, _SPACES.sub("", facts.number))]
    if facts.code.strip():
        found.append(_field(FieldType.INVOICE_CODE, facts.code, _SPACES.sub("", facts.code)))
    if issued := issue_time(facts.issued):
        found.append(_field(FieldType.TIMESTAMP, facts.issued, issued))
    for raw, role in ((facts.total_with_tax, AmountRole.TOTAL_WITH_TAX), (facts.tax, AmountRole.TAX),
                      (facts.net, AmountRole.NET)):
        if value := money(raw):
            found.append(_field(FieldType.AMOUNT, raw, value, role))
    for tax_id in dict.fromkeys(t for t in (facts.seller_tax_id, facts.buyer_tax_id) if t.strip()):
        found.append(_field(FieldType.TAX_ID, tax_id, _SPACES.sub("", tax_id).upper()))
    return tuple(found)


def _note(line: InvoiceLine) -> str:
    """规格型号, 数量, 单价, 税率 and 税额 of a line, as labelled pairs ("税率 13%，税额 1.30")."""
    pairs = (("规格型号", line.specification), ("数量", f"{line.quantity}{line.unit}" if line.quantity else ""),
             ("单价", money(line.unit_price)), ("税率", tax_rate(line.tax_rate) if line.tax_rate else ""),
             ("税额", money(line.tax_amount)))
    return "，".join(f"{label} {value}" for label, value in pairs if value)


def invoice_file(layout: str, facts: InvoiceFacts) -> RecordFile:
    """The RecordFile of an invoice: kind "invoice", its facts as fields, its lines as records.

    A line's `row` is its place among the invoice's lines (1, 2, …), its time the 开票日期 and its
    counterparty the seller, so a line found by search reads like a bill row. Raises
    UnreadableRecords when the file names no invoice number: without it, it is no invoice.
    """
    number = _SPACES.sub("", facts.number)
    if not number:
        raise UnreadableRecords(RecordProblem.NOT_AN_INVOICE, "the file names no invoice number (发票号码)")
    if not _INVOICE_NO.match(number):
        raise UnreadableRecords(
            RecordProblem.NOT_AN_INVOICE, f"发票号码 {number!r} is neither 8 nor 20 digits")
    issued = issue_time(facts.issued)
    records = tuple(
        Record(row, time=issued, counterparty=facts.seller_name.strip(), description=line.name.strip(),
               amount=money(line.amount), note=_note(line))
        for row, line in enumerate(facts.lines, start=1)
    )
    return RecordFile(layout, "invoice", records, fields=invoice_fields(facts))

"""The XML of a 全电发票 / 数电票 (fully digitalised e-invoice) as the tax bureau issues it.

Layout (element names as issued; some issuers add a namespace, so names are matched locally):

    <EInvoice>
      <Header><EIid>20-digit 发票号码</EIid><EInvoiceTag>…</EInvoiceTag><Version>…</Version>
        <InherentLabel><GeneralOrSpecialVAT><LabelCode>02</LabelCode><LabelName>普通发票</LabelName>…
      </Header>
      <EInvoiceData>
        <SellerInformation><SellerIdNum>统一社会信用代码</SellerIdNum><SellerName>…</SellerName>
          <SellerAddr/><SellerTelNum/><SellerBankName/><SellerBankAccNum/></SellerInformation>
        <BuyerInformation><BuyerIdNum/><BuyerName/>…</BuyerInformation>
        <BasicInformation><TotalAmWithoutTax>金额</TotalAmWithoutTax><TotalTaxAm>税额</TotalTaxAm>
          <TotalTax-includedAmount>价税合计</TotalTax-includedAmount>
          <TotalTax-includedAmountInChinese>（大写）</TotalTax-includedAmountInChinese>
          <Drawer>开票人</Drawer><RequestTime>YYYY-MM-DD HH:MM:SS</RequestTime></BasicInformation>
        <IssuItemInformation> (one per line) <ItemName>*类别*项目名称</ItemName><SpecMod/><MeaUnits/>
          <Quantity/><UnPrice/><Amount>金额</Amount><TaxRate>0.13</TaxRate><ComTaxAm>税额</ComTaxAm>
          <TotaltaxIncludedAmount/><TaxClassificationCode/></IssuItemInformation>
        <SpecificInformation/><AdditionalInformation><Remark/></AdditionalInformation>
      </EInvoiceData>
      <TaxSupervisionInfo><InvoiceNumber>发票号码</InvoiceNumber><IssueTime>开票日期</IssueTime>
        <TaxBureauCode/><TaxBureauName/></TaxSupervisionInfo>
    </EInvoice>

The file comes from outside, so a DTD or entity declaration is refused before parsing (the
stdlib parser would expand internal entities); nothing else in the format needs one.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import PurePosixPath

from ocr.records.invoices import InvoiceFacts, InvoiceLine, invoice_file
from ocr.records.types import RecordFile, RecordProblem, UnreadableRecords

LAYOUT = "einvoice_xml"
ROOT = "EInvoice"
_BOM = b"\xef\xbb\xbf"
_DECLARATION = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["'][^>]*\?>""")
_FORBIDDEN = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def looks_like_xml(data: bytes, name: str) -> bool:
    """An XML declaration, an <EInvoice> root, or a file named .xml that opens with a tag."""
    head = data.removeprefix(_BOM).lstrip()[:64]
    if head.startswith((b"<?xml", b"<" + ROOT.encode())):
        return True
    return PurePosixPath(name.lower()).suffix == ".xml" and head.startswith(b"<")


def _text_of(data: bytes) -> str:
    """The document as text in its declared charset (issuers on Windows declare GBK, which expat lacks)."""
    data = data.removeprefix(_BOM).lstrip()
    declared = _DECLARATION.match(data)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as e:
        raise UnreadableRecords(RecordProblem.DAMAGED_XML, f"the XML is not in its declared charset ({e})") from e
    return re.sub(r"^<\?xml[^>]*\?>", "", text, count=1)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _find(parent: ET.Element | None, name: str) -> ET.Element | None:
    """The first element below `parent` with this local name."""
    if parent is None:
        return None
    return next((e for e in parent.iter() if _local(e.tag) == name and e is not parent), None)


def _all(parent: ET.Element | None, name: str) -> Iterator[ET.Element]:
    if parent is not None:
        yield from (e for e in parent.iter() if _local(e.tag) == name)


def _value(parent: ET.Element | None, *names: str) -> str:
    """The text of the first of `names` found below `parent`, "" when none is there."""
    for name in names:
        found = _find(parent, name)
        if found is not None and (found.text or "").strip():
            return (found.text or "").strip()
    return ""


def _parse(data: bytes) -> ET.Element:
    """The root element; UnreadableRecords for a DTD, a truncated or malformed document."""
    text = _text_of(data)
    if _FORBIDDEN.search(text):
        raise UnreadableRecords(RecordProblem.DAMAGED_XML, "the XML declares a DTD or entities, which no invoice has")
    try:
        return ET.fromstring(text)
    except ET.ParseError as e:
        raise UnreadableRecords(RecordProblem.DAMAGED_XML, f"the XML is cut short or malformed ({e})") from e


def _line(item: ET.Element) -> InvoiceLine:
    return InvoiceLine(
        name=_value(item, "ItemName"), specification=_value(item, "SpecMod"), unit=_value(item, "MeaUnits"),
        quantity=_value(item, "Quantity"), unit_price=_value(item, "UnPrice"), amount=_value(item, "Amount"),
        tax_rate=_value(item, "TaxRate"), tax_amount=_value(item, "ComTaxAm"),
    )


def read_invoice_xml(data: bytes) -> RecordFile:
    """The invoice in a 数电票 XML; UnreadableRecords for a damaged XML or one that is no invoice."""
    root = _parse(data)
    if _local(root.tag) != ROOT:
        raise UnreadableRecords(
            RecordProblem.NOT_AN_INVOICE, f"the XML's root is <{_local(root.tag)}>, not a 数电票's <{ROOT}>")
    data_part = _find(root, "EInvoiceData")
    seller, buyer = _find(data_part, "SellerInformation"), _find(data_part, "BuyerInformation")
    basic = _find(data_part, "BasicInformation")
    supervision = _find(root, "TaxSupervisionInfo")
    facts = InvoiceFacts(
        number=_value(supervision, "InvoiceNumber") or _value(_find(root, "Header"), "EIid"),
        issued=_value(supervision, "IssueTime") or _value(basic, "RequestTime"),
        seller_name=_value(seller, "SellerName"), seller_tax_id=_value(seller, "SellerIdNum"),
        buyer_name=_value(buyer, "BuyerName"), buyer_tax_id=_value(buyer, "BuyerIdNum"),
        net=_value(basic, "TotalAmWithoutTax"), tax=_value(basic, "TotalTaxAm"),
        total_with_tax=_value(basic, "TotalTax-includedAmount"),
        lines=tuple(_line(item) for item in _all(data_part, "IssuItemInformation")),
    )
    return invoice_file(LAYOUT, facts)

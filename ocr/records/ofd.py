"""OFD e-invoices (GB/T 33190) read as an invoice: its facts as fields, its lines as records.

Layout of the file (a ZIP; paths are those the tax bureau's and the platforms' issuers write):

- ``OFD.xml`` at the root: ``<ofd:OFD>`` with a ``<ofd:DocBody>`` holding ``<ofd:DocInfo>`` (DocID,
  CreationDate, and on 数电票 ``<ofd:CustomDatas>`` with CustomData Name="发票号码", "开票日期",
  "价税合计" …) and ``<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>``.
- ``Doc_0/Document.xml``: ``<ofd:CommonData>`` (PageArea, PublicRes with fonts, TemplatePage),
  ``<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>``, and the e-invoice parts
  ``<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>`` and ``<ofd:Attachments>Attachs/Attachments.xml``.
- ``Doc_0/Pages/Page_0/Content.xml``: layers of ``<ofd:TextObject ID="…">`` with ``<ofd:TextCode X= Y=>``
  text; the printed page (发票号码, 开票日期, 购买方/销售方, the 项目名称 table, 价税合计).
- ``Doc_0/Tags/CustomTags.xml``: ``<ofd:CustomTag TypeID="invoice"><ofd:FileLoc>CustomTag.xml``; that file
  is the invoice schema (``<fp:eInvoice>`` with fp:InvoiceNo, fp:IssueDate, fp:Buyer/fp:BuyerName,
  fp:Seller/fp:SellerTaxID, fp:TaxInclusiveTotalAmount, fp:GoodsInfos …) whose leaves point with
  ``<ofd:ObjectRef PageRef="1">ID</ofd:ObjectRef>`` at the text objects that print each value.
- ``Doc_0/Attachs/Attachments.xml``: an optional attached original invoice XML with the values themselves.

ofdkit (Apache-2.0, pure Python, no dependencies) reads the three places an OFD invoice carries
its data (attachment, custom tags, CustomData), in that order of trust; it parses without DTDs
and caps part sizes, which untrusted files need, and reads from bytes, so nothing touches the disk.
easyofd pulls in PyMuPDF (AGPL), loguru and fontTools; ofdparser (last released 2023) is a
converter built on fontTools and reportlab's renderer; ofdreader's wheel holds no code.
"""
from __future__ import annotations

import zipfile
import zlib

import ofdkit

from ocr.records.invoices import InvoiceFacts, InvoiceLine, invoice_file
from ocr.records.types import RecordFile, RecordProblem, UnreadableRecords

OFD_ROOT = "OFD.xml"
LAYOUT = "ofd_invoice"


def is_ofd(archive: zipfile.ZipFile) -> bool:
    """An OFD package has OFD.xml at its root; a bill archive or an XLSX does not."""
    return any(name.lstrip("/").casefold() == OFD_ROOT.casefold() for name in archive.namelist())


def _facts(invoice: ofdkit.Invoice) -> InvoiceFacts:
    lines = tuple(
        InvoiceLine(item.name or "", item.specification or "", item.unit or "", item.quantity or "",
                    item.unit_price or "", item.amount or "", item.tax_rate or "", item.tax_amount or "")
        for item in invoice.items
    )
    return InvoiceFacts(
        number=invoice.invoice_number or "", code=invoice.invoice_code or "", issued=invoice.issue_date or "",
        seller_name=invoice.seller.name or "", seller_tax_id=invoice.seller.tax_id or "",
        buyer_name=invoice.buyer.name or "", buyer_tax_id=invoice.buyer.tax_id or "",
        net=invoice.amount_without_tax or "", tax=invoice.tax_amount or "", total_with_tax=invoice.total_amount or "",
        lines=lines,
    )


def read_ofd(data: bytes) -> RecordFile:
    """The invoice in an OFD file; UnreadableRecords if the file is damaged or holds no invoice."""
    try:
        invoice = ofdkit.extract_invoice(data)
    except (ofdkit.OFDError, zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, EOFError) as e:
        # ofdkit wraps most zip failures; a damaged offset or compression method still surfaces from zipfile
        raise UnreadableRecords(RecordProblem.DAMAGED_OFD, f"the OFD file cannot be read ({e})") from e
    if invoice is None:
        raise UnreadableRecords(
            RecordProblem.NOT_AN_INVOICE,
            "the OFD file holds no invoice data (no custom tags, attached invoice XML or 发票号码 entry)",
        )
    return invoice_file(LAYOUT, _facts(invoice))

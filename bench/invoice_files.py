"""Seeded e-invoices in the issuers' layouts: 数电票 XML, OFD and a PDF with a text layer.

Everything is made up here (companies, numbers, goods); the layouts follow the module docstrings
of ocr/records/invoice_xml.py and ocr/records/ofd.py, and the PDF copies the printed form of a
电子发票（普通发票）: title, 发票号码 and 开票日期 at the top right, 购买方 and 销售方 side by side,
the 项目名称 table, 合计 and 价税合计（大写）（小写）.
"""
from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from bench.screens.invoice import uppercase_yuan

_SELLERS = ("上海云帆数码科技有限公司", "杭州青禾电子商务有限公司", "北京星河家电销售有限公司", "深圳市海岸通讯设备有限公司")
_BUYERS = ("张小明", "李华", "王芳", "广州市明德贸易有限公司")
_GOODS = (("*计算机外部设备*蓝牙耳机", "TWS-3", "副", Decimal("0.13")),
          ("*通讯设备*智能手机", "X12 256G", "台", Decimal("0.13")),
          ("*日用杂品*洗衣液", "3kg", "瓶", Decimal("0.13")),
          ("*信息技术服务*会员服务费", "", "项", Decimal("0.06")),
          ("*家用电器*空气净化器", "AP-500", "台", Decimal("0.13")))
_ALNUM = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 统一社会信用代码 uses no I, O, S, V, Z
_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class InvoiceItem:
    name: str
    specification: str
    unit: str
    quantity: int
    unit_price: Decimal
    amount: Decimal
    rate: Decimal
    tax: Decimal


@dataclass(frozen=True, slots=True)
class SampleInvoice:
    number: str
    issued: datetime
    seller_name: str
    seller_tax_id: str
    buyer_name: str
    buyer_tax_id: str
    items: tuple[InvoiceItem, ...]

    @property
    def net(self) -> Decimal:
        return sum((i.amount for i in self.items), Decimal("0"))

    @property
    def tax(self) -> Decimal:
        return sum((i.tax for i in self.items), Decimal("0"))

    @property
    def total(self) -> Decimal:
        return self.net + self.tax


def _tax_id(rng: random.Random) -> str:
    return "91" + "".join(rng.choice("0123456789") for _ in range(6)) + "".join(rng.choice(_ALNUM) for _ in range(10))


def sample_invoice(seed: int = 16, items: int = 2) -> SampleInvoice:
    """A consistent invoice: each line's amount and tax, and totals that add up to the cent."""
    rng = random.Random(seed)
    lines = []
    for name, spec, unit, rate in rng.sample(_GOODS, items):
        quantity = rng.randint(1, 3)
        price = Decimal(rng.randint(1_000, 300_000)) / 100
        amount = (price * quantity).quantize(_CENT)
        lines.append(InvoiceItem(name, spec, unit, quantity, price, amount, rate,
                                 (amount * rate).quantize(_CENT, rounding=ROUND_HALF_UP)))
    return SampleInvoice(
        number=f"{rng.randint(24, 25)}{rng.randrange(10**17, 10**18)}",
        issued=datetime(2024, 3, 1, 9, 0, 0) + timedelta(minutes=rng.randrange(60 * 24 * 200)),
        seller_name=rng.choice(_SELLERS), seller_tax_id=_tax_id(rng),
        buyer_name=rng.choice(_BUYERS), buyer_tax_id=_tax_id(rng),
        items=tuple(lines),
    )


def _rate(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def invoice_xml(invoice: SampleInvoice) -> bytes:
    """The 数电票 XML the tax bureau issues, in its element layout."""
    items = "".join(
        f"<IssuItemInformation><ItemName>{escape(i.name)}</ItemName><SpecMod>{escape(i.specification)}</SpecMod>"
        f"<MeaUnits>{i.unit}</MeaUnits><Quantity>{i.quantity}</Quantity><UnPrice>{i.unit_price:.2f}</UnPrice>"
        f"<Amount>{i.amount:.2f}</Amount><TaxRate>{i.rate}</TaxRate><ComTaxAm>{i.tax:.2f}</ComTaxAm>"
        f"<TotaltaxIncludedAmount>{i.amount + i.tax:.2f}</TotaltaxIncludedAmount>"
        f"<TaxClassificationCode>1090511990000000000</TaxClassificationCode></IssuItemInformation>"
        for i in invoice.items
    )
    issued = invoice.issued.strftime("%Y-%m-%d %H:%M:%S")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<EInvoice><Header><EIid>{invoice.number}</EIid><EInvoiceTag>SWEI3100</EInvoiceTag><Version>0.1</Version>"
        "<InherentLabel><GeneralOrSpecialVAT><LabelCode>02</LabelCode><LabelName>普通发票</LabelName>"
        "</GeneralOrSpecialVAT></InherentLabel></Header><EInvoiceData>"
        f"<SellerInformation><SellerIdNum>{invoice.seller_tax_id}</SellerIdNum>"
        f"<SellerName>{escape(invoice.seller_name)}</SellerName><SellerAddr>上海市浦东新区张江路88号</SellerAddr>"
        "<SellerTelNum>021-50000000</SellerTelNum></SellerInformation>"
        f"<BuyerInformation><BuyerIdNum>{invoice.buyer_tax_id}</BuyerIdNum>"
        f"<BuyerName>{escape(invoice.buyer_name)}</BuyerName></BuyerInformation>"
        f"<BasicInformation><TotalAmWithoutTax>{invoice.net:.2f}</TotalAmWithoutTax>"
        f"<TotalTaxAm>{invoice.tax:.2f}</TotalTaxAm><TotalTax-includedAmount>{invoice.total:.2f}"
        f"</TotalTax-includedAmount><TotalTax-includedAmountInChinese>{uppercase_yuan(invoice.total)}"
        f"</TotalTax-includedAmountInChinese><Drawer>赵敏</Drawer><RequestTime>{issued}</RequestTime>"
        f"</BasicInformation>{items}<SpecificInformation/><AdditionalInformation><Remark/></AdditionalInformation>"
        f"</EInvoiceData><TaxSupervisionInfo><InvoiceNumber>{invoice.number}</InvoiceNumber>"
        f"<IssueTime>{issued}</IssueTime><TaxBureauCode>13100000000</TaxBureauCode>"
        "<TaxBureauName>国家税务总局上海市税务局</TaxBureauName></TaxSupervisionInfo></EInvoice>"
    ).encode("utf-8")


_OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
_FP_NS = 'xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019"'


def _printed_values(invoice: SampleInvoice) -> list[tuple[str, str, float, float]]:
    """(tag, text, x, y) in mm of what the page prints; the tag names the schema leaf it shows, or ""."""
    values = [
        ("", "电子发票（普通发票）", 75, 12), ("", "发票号码：", 150, 12), ("InvoiceNo", invoice.number, 168, 12),
        ("", "开票日期：", 150, 18), ("IssueDate", invoice.issued.strftime("%Y年%m月%d日"), 168, 18),
        ("", "购买方信息 名称：", 8, 30), ("BuyerName", invoice.buyer_name, 40, 30),
        ("", "统一社会信用代码/纳税人识别号：", 8, 36), ("BuyerTaxID", invoice.buyer_tax_id, 60, 36),
        ("", "销售方信息 名称：", 110, 30), ("SellerName", invoice.seller_name, 142, 30),
        ("", "统一社会信用代码/纳税人识别号：", 110, 36), ("SellerTaxID", invoice.seller_tax_id, 162, 36),
        ("", "项目名称", 10, 46), ("", "规格型号", 60, 46), ("", "单位", 85, 46), ("", "数量", 100, 46),
        ("", "单价", 115, 46), ("", "金额", 140, 46), ("", "税率/征收率", 160, 46), ("", "税额", 185, 46),
    ]
    for row, item in enumerate(invoice.items):
        y = 52 + 6 * row
        values += [("Item", item.name, 10, y), ("Specification", item.specification, 60, y),
                   ("MeasurementDimension", item.unit, 85, y), ("Quantity", str(item.quantity), 100, y),
                   ("Price", f"{item.unit_price:.2f}", 115, y), ("Amount", f"{item.amount:.2f}", 140, y),
                   ("TaxScheme", _rate(item.rate), 160, y), ("TaxAmount", f"{item.tax:.2f}", 185, y)]
    values += [("", "合计", 10, 90), ("TaxExclusiveTotalAmount", f"¥{invoice.net:.2f}", 140, 90),
               ("TaxTotalAmount", f"¥{invoice.tax:.2f}", 185, 90), ("", "价税合计（大写）", 10, 98),
               ("", uppercase_yuan(invoice.total), 45, 98), ("", "（小写）", 140, 98),
               ("TaxInclusiveTotalAmount", f"¥{invoice.total:.2f}", 155, 98), ("", "开票人：赵敏", 10, 125)]
    return [v for v in values if v[1]]


def _content_xml(printed: list[tuple[str, str, float, float]]) -> str:
    objects = "".join(
        f'<ofd:TextObject ID="{n}" Boundary="{x} {y - 3.5} 80 5" Font="2" Size="3.175">'
        f'<ofd:TextCode X="0" Y="3.5">{escape(text)}</ofd:TextCode></ofd:TextObject>'
        for n, (_, text, x, y) in enumerate(printed, start=10)
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {_OFD_NS}><ofd:Area><ofd:PhysicalBox>0 0 210 140'
            f'</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="3">{objects}</ofd:Layer></ofd:Content>'
            "</ofd:Page>")


def _custom_tag_xml(invoice: SampleInvoice, printed: list[tuple[str, str, float, float]]) -> str:
    """The e-invoice schema whose leaves point at the text objects that print their values."""
    ids: dict[str, list[int]] = {}
    for n, (tag, _, _, _) in enumerate(printed, start=10):
        if tag:
            ids.setdefault(tag, []).append(n)

    def ref(tag: str, index: int = 0) -> str:
        found = ids.get(tag, [])
        inner = f'<ofd:ObjectRef PageRef="1">{found[index]}</ofd:ObjectRef>' if index < len(found) else ""
        return f"<fp:{tag}>{inner}</fp:{tag}>"

    goods = "".join(
        "<fp:GoodsInfo>" + "".join(ref(tag, row) for tag in ("Item", "Specification", "MeasurementDimension",
                                                            "Quantity", "Price", "Amount", "TaxScheme", "TaxAmount"))
        + "</fp:GoodsInfo>"
        for row in range(len(invoice.items))
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><fp:eInvoice {_FP_NS} {_OFD_NS}>{ref("InvoiceNo")}'
            f'{ref("IssueDate")}<fp:Buyer>{ref("BuyerName")}{ref("BuyerTaxID")}</fp:Buyer>'
            f'<fp:Seller>{ref("SellerName")}{ref("SellerTaxID")}</fp:Seller>'
            f'{ref("TaxExclusiveTotalAmount")}{ref("TaxTotalAmount")}{ref("TaxInclusiveTotalAmount")}'
            f"<fp:GoodsInfos>{goods}</fp:GoodsInfos></fp:eInvoice>")


def invoice_ofd(invoice: SampleInvoice, tags: bool = True, attach_xml: bool = False) -> bytes:
    """An OFD e-invoice: the printed page, its custom tags (`tags`) and optionally the XML attached.

    Without tags and attachment the file is an OFD document that holds no invoice data.
    """
    printed = _printed_values(invoice)
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {_OFD_NS}><ofd:CommonData><ofd:MaxUnitID>200'
        "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea>"
        "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
        '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>'
        + ("<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>" if tags else "")
        + ("<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>" if attach_xml else "")
        + "</ofd:Document>"
    )
    parts = {
        "OFD.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {_OFD_NS} DocType="OFD" Version="1.1"><ofd:DocBody>'
            f"<ofd:DocInfo><ofd:DocID>{invoice.number[-12:]}</ofd:DocID><ofd:Creator>数电发票平台</ofd:Creator>"
            f"<ofd:CreationDate>{invoice.issued:%Y-%m-%d}</ofd:CreationDate></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
        "Doc_0/Document.xml": document,
        "Doc_0/PublicRes.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {_OFD_NS} BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>'),
        "Doc_0/Pages/Page_0/Content.xml": _content_xml(printed),
    }
    if tags:
        parts["Doc_0/Tags/CustomTags.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags {_OFD_NS}><ofd:CustomTag '
            'NameSpace="http://www.edrm.org.cn/schema/e-invoice/2019" TypeID="0"><ofd:FileLoc>CustomTag.xml'
            "</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>")
        parts["Doc_0/Tags/CustomTag.xml"] = _custom_tag_xml(invoice, printed)
    if attach_xml:
        parts["Doc_0/Attachs/Attachments.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Attachments {_OFD_NS}><ofd:Attachment ID="100" '
            'Name="original_invoice" Format="xml"><ofd:FileLoc>original_invoice.xml</ofd:FileLoc>'
            "</ofd:Attachment></ofd:Attachments>")
        parts["Doc_0/Attachs/original_invoice.xml"] = _attached_xml(invoice)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 3, 1, 0, 0, 0)), text.encode("utf-8"))
    return out.getvalue()


def _attached_xml(invoice: SampleInvoice) -> str:
    """The original invoice attached to an older OFD e-invoice: the schema with the values themselves."""
    goods = "".join(
        f"<fp:GoodsInfo><fp:Item>{escape(i.name)}</fp:Item><fp:Quantity>{i.quantity}</fp:Quantity>"
        f"<fp:Price>{i.unit_price:.2f}</fp:Price><fp:Amount>{i.amount:.2f}</fp:Amount>"
        f"<fp:TaxScheme>{_rate(i.rate)}</fp:TaxScheme><fp:TaxAmount>{i.tax:.2f}</fp:TaxAmount></fp:GoodsInfo>"
        for i in invoice.items
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><fp:eInvoice {_FP_NS}><fp:InvoiceNo>{invoice.number}'
            f"</fp:InvoiceNo><fp:IssueDate>{invoice.issued:%Y%m%d}</fp:IssueDate><fp:Buyer><fp:BuyerName>"
            f"{escape(invoice.buyer_name)}</fp:BuyerName><fp:BuyerTaxID>{invoice.buyer_tax_id}</fp:BuyerTaxID>"
            f"</fp:Buyer><fp:Seller><fp:SellerName>{escape(invoice.seller_name)}</fp:SellerName><fp:SellerTaxID>"
            f"{invoice.seller_tax_id}</fp:SellerTaxID></fp:Seller><fp:TaxExclusiveTotalAmount>{invoice.net:.2f}"
            f"</fp:TaxExclusiveTotalAmount><fp:TaxTotalAmount>{invoice.tax:.2f}</fp:TaxTotalAmount>"
            f"<fp:TaxInclusiveTotalAmount>{invoice.total:.2f}</fp:TaxInclusiveTotalAmount>"
            f"<fp:GoodsInfos>{goods}</fp:GoodsInfos></fp:eInvoice>")


def invoice_pdf(invoice: SampleInvoice) -> bytes:
    """The printed 电子发票（普通发票） as a PDF with a text layer, as the issuing platforms mail it."""
    from reportlab.lib.pagesizes import landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from export.fonts import draw_text, register_font

    register_font()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=landscape((140 * mm, 210 * mm)), invariant=True)
    height = 140 * mm
    for _, text, x, y in _printed_values(invoice):
        size = 14 if text.startswith("电子发票") else 9
        draw_text(canvas, x * mm, height - y * mm, text, size)
    canvas.setStrokeColorRGB(0.6, 0.4, 0.3)
    canvas.rect(6 * mm, height - 128 * mm, 198 * mm, 104 * mm)
    for y in (40, 86, 94, 102):
        canvas.line(6 * mm, height - y * mm, 204 * mm, height - y * mm)
    canvas.line(105 * mm, height - 24 * mm, 105 * mm, height - 40 * mm)
    canvas.showPage()
    canvas.save()
    return out.getvalue()

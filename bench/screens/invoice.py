"""China's VAT invoices: the 增值税电子普通发票 PDF (JD's), the 全电发票 (电子发票（普通发票）), and a
photographed paper 增值税普通发票.

Layout of the national template (国家税务总局 2015年第84号公告 for the e-invoice, 2021 全面数字化
电子发票 pilot for the full-digital one): title centred, invoice data top right (发票代码, 发票号码,
开票日期, 校验码; 机器编号 top left), 购买方 block, the goods table (名称, 规格型号, 单位, 数量, 单价,
金额, 税率, 税额) with its 合计 row, 价税合计（大写）…（小写）¥, 销售方 block with 纳税人识别号, 地址、
电话 and 开户行及账号, and 备注, where JD prints the order number (订单号:…).
"""
from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from bench.screens import values as v
from bench.screens.canvas import Page
from bench.screens.truth import amount, money, moment, number
from ocr.types import AmountRole, FieldType

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")


def uppercase_yuan(value: Decimal) -> str:
    """价税合计（大写）: 壹仟贰佰叁拾肆元伍角陆分, 整 when there are no 角分 (below one 亿)."""
    fen = int((value * 100).to_integral_value(ROUND_HALF_UP))
    yuan, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    words = ""
    for group, suffix in ((yuan // 10_000, "万"), (yuan % 10_000, "")):
        if not group:
            continue
        text, zero = "", False
        for position in range(3, -1, -1):
            digit = group // 10**position % 10
            if digit:
                text += ("零" if zero and text else "") + _DIGITS[digit] + _UNITS[position]
                zero = False
            else:
                zero = True
        if suffix == "" and words and group < 1000:
            words += "零"
        words += text + suffix
    words = (words or "零") + "圆"
    if not jiao and not cents:
        return words + "整"
    return words + (_DIGITS[jiao] + "角" if jiao else "零") + (_DIGITS[cents] + "分" if cents else "")


def _split_tax(total: Decimal, rate: int) -> tuple[Decimal, Decimal]:
    net = (total / (1 + Decimal(rate) / 100)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return net, total - net


def _party(page: Page, x: int, y: int, heading: str, name: str, tax: str | None, address: str, account: str | None) -> None:
    """A 购买方/销售方 block: the heading at the left edge, then 名称, 纳税人识别号, 地址、电话, 开户行及账号."""
    theme = page.theme
    page.text(x, y, heading, 24, theme.muted)
    rows = [("名　　称", name), ("纳税人识别号", tax or ""), ("地 址、电 话", address), ("开户行及账号", account or "")]
    for index, (label, value) in enumerate(rows):
        page.text(x + page.px(70), y + page.px(index * 40), f"{label}：", 22, theme.muted)
        if value:
            page.text(x + page.px(240), y + page.px(index * 40), value, 22, theme.text)
    if tax:
        page.trap("tax_id", tax)
    if account:
        page.trap("bank_account", account.rsplit(" ", 1)[-1])


def _invoice(page: Page, reference: datetime, full_digital: bool, paper: bool) -> None:
    rng, theme = page.rng, page.theme
    seller, seller_address = rng.choice(v.SELLERS)
    issued = v.moment_before(rng, reference, 60).replace(hour=0, minute=0, second=0)
    product = rng.choice(v.PRODUCTS)
    count, rate = rng.choice((1, 1, 2)), rng.choice((13, 13, 9, 6))
    unit_total = v.yuan(rng, 10, 8000)
    total = unit_total * count
    net, tax = _split_tax(total, rate)
    unit_net = (net / count).quantize(Decimal("0.01"), ROUND_HALF_UP)
    order_no = v.jd_order_no(rng)
    page.y = page.px(40)
    frame = (page.px(30), page.px(200), page.width - page.px(30), page.px(900))
    page.draw.rectangle(frame, outline=theme.line, width=max(1, page.px(2)))
    if full_digital:
        title = "电子发票（普通发票）"
    else:
        title = f"{rng.choice(('北京', '江苏', '上海'))}增值税{'普通发票' if paper else '电子普通发票'}"
    page.text(page.px(420), page.px(100), title, 40, theme.accent, align="m")
    right = page.px(760)
    info: list[tuple[str, str, list]] = []
    if full_digital:
        invoice_no = v.invoice_no(rng, full_digital=True)
        info.append(("发票号码", invoice_no, [number(FieldType.INVOICE_NO, invoice_no)]))
    else:
        code, invoice_no = v.invoice_code(rng, paper=paper), v.invoice_no(rng)
        info += [("发票代码", code, [number(FieldType.INVOICE_CODE, code)]),
                 ("发票号码", invoice_no, [number(FieldType.INVOICE_NO, invoice_no)])]
        if paper:
            page.text(page.px(420), page.px(150), f"№ {invoice_no}", 28, theme.accent, align="m")
    date_text = f"{issued.year}年{issued.month:02d}月{issued.day:02d}日" if rng.random() < 0.7 else f"{issued:%Y %m %d}"
    info.append(("开票日期", date_text, [moment(issued, "date")]))
    if not full_digital:
        check = v.check_code(rng)
        info.append(("校验码", " ".join(check[i:i + 5] for i in range(0, 20, 5)), []))
        page.trap("check_code", check)
        machine = v.machine_no(rng)
        page.text(page.px(60), page.px(140), f"机器编号：{machine}", 22, theme.muted)
        page.trap("machine_no", machine)
    for index, (label, value, expected) in enumerate(info):
        y = page.px(40 + 38 * index) if full_digital or not paper else page.px(20 + 38 * index)
        page.text(right, y, f"{label}：", 22, theme.muted)
        page.text(right + page.px(110), y, value, 22, theme.text)
        page.expect(*expected)
    buyer_tax = v.tax_id(rng) if rng.random() < 0.4 else None
    _party(page, page.px(50), page.px(220), "购买方", rng.choice(("个人", "张**", "北京某某科技有限公司")), buyer_tax,
           "", None)
    headers = ("货物或应税劳务、服务名称" if not full_digital else "项目名称", "规格型号", "单位", "数量", "单价", "金额",
               "税率" if not full_digital else "税率/征收率", "税额")
    columns = (50, 380, 500, 570, 650, 790, 930, 1030)
    table = page.px(400)
    for x, header in zip(columns, headers):
        page.text(page.px(x), table, header, 20, theme.muted)
    row_y = table + page.px(45)
    cells = (f"*{rng.choice(('通讯设备', '家用电器', '食品', '服装'))}*{product[:10]}", "", "台", str(count),
             f"{unit_net:.2f}", f"{net:.2f}", f"{rate}%", f"{tax:.2f}")
    for x, cell in zip(columns, cells):
        if cell:
            page.text(page.px(x), row_y, cell, 20, theme.text)
    page.expect(amount(unit_net, AmountRole.UNIT_PRICE), amount(net, AmountRole.NET), amount(tax, AmountRole.TAX))
    page.trap("quantity", str(count))
    page.trap("percentage", f"{rate}%")
    sum_y = page.px(640)
    page.text(page.px(200), sum_y, "合　　计", 22, theme.muted)
    page.text(page.px(790), sum_y, f"¥{money(net)}", 22, theme.text)
    page.text(page.px(1030), sum_y, f"¥{money(tax)}", 22, theme.text)
    total_y = page.px(690)
    page.text(page.px(50), total_y, "价税合计（大写）", 22, theme.muted)
    page.text(page.px(280), total_y, f"ⓧ{uppercase_yuan(total)}", 22, theme.text)
    page.text(page.px(820), total_y, "（小写）", 22, theme.muted)
    page.text(page.px(930), total_y, f"¥{money(total)}", 22, theme.text)
    page.expect(amount(total, AmountRole.TOTAL_WITH_TAX))
    seller_phone = v.landline(rng)
    bank = rng.choice(v.BANKS)
    _party(page, page.px(50), page.px(740), "销售方", seller, v.tax_id(rng), f"{seller_address} {seller_phone}",
           f"{bank}{rng.choice(('北京', '宿迁', '上海'))}分行 {v.bank_account(rng)}")
    page.trap("phone", seller_phone)
    page.text(page.px(700), page.px(740), "备注", 22, theme.muted)
    page.text(page.px(780), page.px(740), f"订单号:{order_no}", 22, theme.text)
    page.expect(number(FieldType.ORDER_NO, order_no))
    page.text(page.px(50), page.px(920), f"收款人：{rng.choice(v.SURNAMES)}某   复核：{rng.choice(v.SURNAMES)}某   "
              f"开票人：{rng.choice(v.SURNAMES)}某", 20, theme.muted)
    page.y = page.px(960)


def draw_vat_e_invoice(page: Page, reference: datetime) -> None:
    """增值税电子普通发票 as JD issues it: 机器编号 top left, 发票代码 (12 digits) / 发票号码 (8) / 开票日期 /
    校验码 (20 digits in groups of 5) top right, buyer, goods table, 价税合计 in words and ¥, seller with
    纳税人识别号 and 开户行及账号, the order number in 备注."""
    _invoice(page, reference, full_digital=False, paper=False)


def draw_full_digital_invoice(page: Page, reference: datetime) -> None:
    """全电发票 电子发票（普通发票）: a 20-digit 发票号码 and 开票日期 only (no 代码, 校验码, 机器编号),
    项目名称 and 税率/征收率 headers, the rest as the e-invoice."""
    _invoice(page, reference, full_digital=True, paper=False)


def draw_paper_invoice(page: Page, reference: datetime) -> None:
    """A phone photo of a paper 增值税普通发票 (held out): 10-digit 发票代码, the number also printed
    red as "№ 01234567", softened by the camera and JPEG."""
    _invoice(page, reference, full_digital=False, paper=True)

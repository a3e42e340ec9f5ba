"""Seeded generator of synthetic dispute screenshots with ground truth, for OCR benchmarks and tests.

Renders JD.com order pages, 白条/京东金融 repayment records, payment records, complaint records and
customer-service chats, in light and dark mode, phone (some tall scrolling captures) and desktop
sizes, several CJK fonts, then maybe downscales and re-encodes as JPEG the way screenshots travel.

Ground truth covers every order number, transaction number, ticket number, timestamp and amount
drawn, normalized as ocr.extract does: timestamps ISO 8601 with +08:00 to the precision shown
(relative chat times resolved against `Sample.reference_time`), amounts as plain decimals with two
places, refunds negative.

    python bench/screenshots.py --seed 1 --count 20 --out DIR   # images + truth.json
"""
from __future__ import annotations

import argparse
import functools
import io
import json
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from ocr.types import FieldType  # noqa: E402  (needs REPO_ROOT on sys.path when run as a script)

CHINA = timezone(timedelta(hours=8))
KINDS = ("order", "payment", "chat", "complaint")
SCORED_FIELDS = (FieldType.ORDER_NO, FieldType.TRANSACTION_NO, FieldType.TICKET_NO, FieldType.TIMESTAMP, FieldType.AMOUNT)
"""Field types whose every occurrence the generator records, so precision can be scored too."""

FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    (str(REPO_ROOT / "resources" / "fonts" / "DroidSansFallbackFull.ttf"), 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
)
BOLD_FONT = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2)
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
"""Droid Sans Fallback has no Latin glyphs; Android pairs it with a Latin font the same way."""
CJK_ONLY_FONTS = frozenset({"DroidSansFallbackFull.ttf"})


@dataclass(frozen=True, slots=True)
class Theme:
    page: str
    card: str
    text: str
    muted: str
    accent: str
    own_bubble: str
    other_bubble: str


LIGHT = Theme("#F2F2F2", "#FFFFFF", "#1A1A1A", "#999999", "#E2231A", "#95EC69", "#FFFFFF")
DARK = Theme("#111111", "#1E1E1E", "#E5E5E5", "#7F7F7F", "#F0443A", "#3EB575", "#2C2C2C")


@dataclass
class Sample:
    """One rendered screenshot, the encoded file and what a perfect reader would find in it."""

    name: str
    kind: str
    image: Image.Image
    data: bytes
    suffix: str
    fields: list[tuple[FieldType, str]]
    lines: list[str]
    reference_time: datetime
    dark: bool
    font: str


def available_fonts() -> list[tuple[str, int]]:
    """The candidate fonts present on this machine (missing ones are skipped, duplicates too)."""
    seen: set[str] = set()
    fonts = []
    for path, index in FONT_CANDIDATES:
        name = Path(path).name
        if name in CJK_ONLY_FONTS and not Path(LATIN_FONT).is_file():
            continue
        if Path(path).is_file() and name not in seen:
            seen.add(name)
            fonts.append((path, index))
    if not fonts:
        raise RuntimeError("No CJK font found; install fonts-noto-cjk.")
    return fonts


def money(value: Decimal) -> str:
    """Amount as displayed: thousands separators and two decimals, e.g. 3,105.00."""
    return f"{value:,.2f}"


def normalized_money(value: Decimal) -> str:
    return f"{value:.2f}"


@functools.lru_cache(maxsize=256)
def load_font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


@dataclass
class Page:
    """A canvas that grows downwards; records each text run drawn as an expected line."""

    width: int
    theme: Theme
    font: tuple[str, int]
    scale: float
    rng: random.Random
    image: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)
    y: int = 0
    lines: list[str] = field(default_factory=list)
    fields: list[tuple[FieldType, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.image = Image.new("RGB", (self.width, 12000), self.theme.page)
        self.draw = ImageDraw.Draw(self.image)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def typeface(self, size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        path, index = BOLD_FONT if bold and Path(BOLD_FONT[0]).is_file() else self.font
        return load_font(path, index, self.px(size))

    def runs(self, text: str, size: float, bold: bool = False) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        """Text split into runs per font, sending Latin to LATIN_FONT when the CJK font lacks it."""
        primary = self.typeface(size, bold)
        if bold or Path(self.font[0]).name not in CJK_ONLY_FONTS:
            return [(text, primary)]
        latin = load_font(LATIN_FONT, 0, self.px(size) * 9 // 10)
        runs: list[tuple[str, ImageFont.FreeTypeFont]] = []
        for char in text:
            font = latin if ord(char) < 0x2000 else primary
            if runs and runs[-1][1] is font:
                runs[-1] = (runs[-1][0] + char, font)
            else:
                runs.append((char, font))
        return runs

    def text(self, x: int, y: int, text: str, size: float, colour: str, bold: bool = False, align: str = "l") -> int:
        """Draw one run of text whose top sits at `y`, aligned l/m/r on `x`; returns its right edge."""
        runs = self.runs(text, size, bold)
        width = sum(font.getlength(run) for run, font in runs)
        left = x - {"l": 0.0, "m": width / 2, "r": width}[align]
        baseline = y + self.typeface(size, bold).getmetrics()[0]
        for run, font in runs:
            self.draw.text((left, baseline), run, font=font, fill=colour, anchor="ls")
            left += font.getlength(run)
        self.lines.append(text)
        return round(left)

    def width_of(self, text: str, size: float) -> float:
        return sum(font.getlength(run) for run, font in self.runs(text, size))

    def wrap(self, text: str, size: float, width: int) -> list[str]:
        """Rows no wider than `width`, never breaking a number or a Latin word."""
        rows, row = [], ""
        for token in re.findall(r"[0-9A-Za-z¥.,:/-]+|.", text):
            if row and self.width_of(row + token, size) > width:
                rows.append(row)
                row = ""
            row += token
        return rows + [row] if row else rows

    def card(self, height: int, gap: float = 20) -> tuple[int, int]:
        """Start a rounded card of `height` pixels; returns its (left, top)."""
        self.y += self.px(gap)
        left = self.px(24)
        self.draw.rounded_rectangle(
            (left, self.y, self.width - left, self.y + height), radius=self.px(20), fill=self.theme.card
        )
        top = self.y
        self.y += height
        return left, top

    def row(self, label: str, value: str, size: float, top: int, value_colour: str | None = None) -> None:
        """A label on the left and its value right-aligned, the layout of JD's price blocks."""
        inset = self.px(60)
        self.text(inset, top, label, size, self.theme.muted)
        self.text(self.width - inset, top, value, size, value_colour or self.theme.text, align="r")

    def info_card(self, info: Sequence[tuple[str, str]], colour: str) -> None:
        """A card of "label：value" rows, the layout of JD's order and complaint information."""
        _, top = self.card(self.px(40 + 62 * len(info)))
        for index, (label, value) in enumerate(info):
            self.text(self.px(60), top + self.px(30 + 62 * index), f"{label}：{value}", 28, colour)

    def record(self, kind: FieldType, value: str) -> None:
        self.fields.append((kind, value))

    def finish(self) -> Image.Image:
        return self.image.crop((0, 0, self.width, self.y + self.px(40)))


def order_number(rng: random.Random) -> str:
    return str(rng.randint(2, 3)) + "".join(rng.choice("0123456789") for _ in range(rng.choice((11, 12))))


def random_amount(rng: random.Random, low: int = 5, high: int = 9000) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def moment_before(rng: random.Random, reference: datetime, max_days: int) -> datetime:
    moment = reference - timedelta(days=rng.randint(0, max_days), seconds=rng.randint(1800, 86400))
    return moment.replace(microsecond=0)


def stamp(rng: random.Random, moment: datetime, with_seconds: bool = True) -> tuple[str, str]:
    """(display text, normalized value) in one of the formats JD, WeChat Pay and 京东金融 print."""
    if not with_seconds:
        moment = moment.replace(second=0)
    clock = moment.strftime("%H:%M:%S" if with_seconds else "%H:%M")
    style = rng.choice(("dash", "dash", "slash", "chinese"))
    if style == "dash":
        shown = f"{moment:%Y-%m-%d} {clock}"
    elif style == "slash":
        shown = f"{moment:%Y/%m/%d} {clock}"
    else:
        shown = f"{moment.year}年{moment.month}月{moment.day}日 {clock}"
    return shown, moment.isoformat(timespec="seconds" if with_seconds else "minutes")


PRODUCTS = (
    "Apple iPhone 15 (A3092) 128GB 黑色 支持移动联通电信5G 双卡双待手机",
    "小米（MI）Redmi K70 12GB+256GB 墨羽 骁龙8Gen2 5G手机",
    "美的（Midea）电饭煲家用4L智能预约多功能电饭锅 MB-FB40E511",
    "三只松鼠 每日坚果750g/30袋 混合果仁零食大礼包",
    "华为 HUAWEI FreeBuds Pro 3 真无线蓝牙降噪耳机 陶瓷白",
    "海尔（Haier）10公斤滚筒洗衣机全自动 EG100MATE28S",
    "飞利浦（PHILIPS）电动牙刷 HX6730 成人声波震动牙刷",
    "安踏男鞋跑步鞋2025冬季新款减震运动鞋 112345566-2",
)
NAMES = ("张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴")
CITIES = ("北京市朝阳区", "上海市浦东新区", "广州市天河区", "深圳市南山区", "成都市武侯区", "杭州市西湖区")


def masked_phone(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randint(0, 9)}****{rng.randint(0, 9999):04d}"


def draw_status_bar(page: Page) -> None:
    """Battery and signal only: a status-bar clock would be a time without a date."""
    page.text(page.width - page.px(40), page.px(18), f"{page.rng.randint(12, 99)}%", 26, page.theme.text, align="r")
    page.y = page.px(80)


def draw_title(page: Page, title: str) -> None:
    page.text(page.width // 2, page.y + page.px(10), title, 36, page.theme.text, bold=True, align="m")
    page.y += page.px(80)


def render_order(page: Page, reference: datetime, products: int) -> None:
    """JD order detail page: status, consignee, goods, price block, order info."""
    rng, theme = page.rng, page.theme
    draw_status_bar(page)
    draw_title(page, "订单详情")
    _, top = page.card(page.px(150))
    page.text(page.px(60), top + page.px(30), rng.choice(("已完成", "等待收货", "退款/售后中", "已取消")), 40, theme.text, bold=True)
    page.text(page.px(60), top + page.px(95), "感谢您在京东购物，欢迎您再次光临！", 28, theme.muted)

    _, top = page.card(page.px(170))
    page.text(page.px(60), top + page.px(30), f"收货人：{rng.choice(NAMES)}**  {masked_phone(rng)}", 30, theme.text)
    page.text(page.px(60), top + page.px(95), f"地址：{rng.choice(CITIES)}**路{rng.randint(1, 300)}号**小区", 28, theme.muted)

    total = Decimal(0)
    for _ in range(products):
        title = rng.choice(PRODUCTS)
        price = random_amount(rng, 9, 6000)
        count = rng.choice((1, 1, 1, 2))
        total += price * count
        rows = page.wrap(title, 30, page.width - page.px(330))[:2]
        _, top = page.card(page.px(110 + 45 * len(rows)))
        page.draw.rectangle((page.px(60), top + page.px(30), page.px(220), top + page.px(190)), fill=theme.page)
        for index, row in enumerate(rows):
            page.text(page.px(250), top + page.px(30 + 45 * index), row, 30, theme.text)
        page.text(page.px(250), top + page.px(40 + 45 * len(rows)), f"¥{money(price)}", 32, theme.accent)
        page.text(page.width - page.px(60), top + page.px(40 + 45 * len(rows)), f"x{count}", 28, theme.muted, align="r")
        page.record(FieldType.AMOUNT, normalized_money(price))

    freight = rng.choice((Decimal(0), Decimal(6), Decimal(8)))
    paid = total + freight
    _, top = page.card(page.px(260))
    for index, (label, value) in enumerate((("商品总额", total), ("运费", freight))):
        page.row(label, f"¥{money(value)}", 28, top + page.px(30 + 60 * index))
        page.record(FieldType.AMOUNT, normalized_money(value))
    page.row("实付款", f"¥{money(paid)}", 34, top + page.px(170), theme.accent)
    page.record(FieldType.AMOUNT, normalized_money(paid))

    number = order_number(rng)
    ordered = moment_before(rng, reference, 60)
    paid_at = ordered + timedelta(seconds=rng.randint(5, 600))
    ordered_text, ordered_value = stamp(rng, ordered)
    paid_text, paid_value = stamp(rng, paid_at)
    info = [
        ("订单编号", number),
        ("下单时间", ordered_text),
        ("支付方式", rng.choice(("在线支付", "京东白条", "微信支付"))),
        ("付款时间", paid_text),
        ("配送方式", "京东快递"),
    ]
    page.info_card(info, theme.muted)
    page.record(FieldType.ORDER_NO, number)
    page.record(FieldType.TIMESTAMP, ordered_value)
    page.record(FieldType.TIMESTAMP, paid_value)


def render_payment(page: Page, reference: datetime, records: int) -> None:
    """A WeChat Pay bill detail, or a 京东金融 白条 repayment list when `records` > 1."""
    rng, theme = page.rng, page.theme
    draw_status_bar(page)
    if records == 1:
        draw_title(page, "账单详情")
        amount = random_amount(rng)
        paid_at = moment_before(rng, reference, 60)
        paid_text, paid_value = stamp(rng, paid_at)
        transaction = "42000" + "".join(rng.choice("0123456789") for _ in range(23))
        _, top = page.card(page.px(640))
        page.text(page.width // 2, top + page.px(40), rng.choice(("京东商城平台商户", "京东到家", "京东商城")), 30, theme.text, align="m")
        page.text(page.width // 2, top + page.px(100), f"¥{money(amount)}", 64, theme.text, bold=True, align="m")
        info = (
            ("当前状态", rng.choice(("支付成功", "已全额退款"))),
            ("支付时间", paid_text),
            ("商品", "京东商城订单"),
            ("支付方式", f"招商银行信用卡({rng.randint(1000, 9999)})"),
            ("交易单号", transaction),
        )
        for index, (label, value) in enumerate(info):
            y = top + page.px(220 + 80 * index)
            page.text(page.px(60), y, label, 28, theme.muted)
            page.text(page.px(260), y, value, 28, theme.text)
        page.record(FieldType.AMOUNT, normalized_money(amount))
        page.record(FieldType.TIMESTAMP, paid_value)
        page.record(FieldType.TRANSACTION_NO, transaction)
        return
    draw_title(page, "白条还款记录")
    due = random_amount(rng, 100, 8000)
    _, top = page.card(page.px(200))
    page.text(page.px(60), top + page.px(30), "本期应还(元)", 28, theme.muted)
    page.text(page.px(60), top + page.px(85), f"¥{money(due)}", 52, theme.text, bold=True)
    page.record(FieldType.AMOUNT, normalized_money(due))
    moment = moment_before(rng, reference, 10)
    for _ in range(records):
        amount = random_amount(rng, 20, 3000)
        moment_text, moment_value = stamp(rng, moment)
        _, top = page.card(page.px(150), gap=4)
        page.text(page.px(60), top + page.px(25), rng.choice(("白条还款", "主动还款", "自动还款")), 30, theme.text)
        page.text(page.px(60), top + page.px(85), moment_text, 26, theme.muted)
        page.text(page.width - page.px(60), top + page.px(25), f"¥{money(amount)}", 32, theme.text, align="r")
        page.text(page.width - page.px(60), top + page.px(85), "还款成功", 26, theme.muted, align="r")
        page.record(FieldType.AMOUNT, normalized_money(amount))
        page.record(FieldType.TIMESTAMP, moment_value)
        moment = moment_before(rng, moment, 30)


def render_complaint(page: Page, reference: datetime, entries: int) -> None:
    """A complaint record: ticket number, acceptance time, the 950618 hotline, progress log."""
    rng, theme = page.rng, page.theme
    draw_status_bar(page)
    draw_title(page, "投诉详情")
    ticket = "TS" + "".join(rng.choice("0123456789") for _ in range(14))
    accepted = moment_before(rng, reference, 20)
    number = order_number(rng)
    amount = random_amount(rng)
    accepted_text, accepted_value = stamp(rng, accepted, with_seconds=rng.random() < 0.5)
    info = (
        ("投诉单号", ticket),
        ("受理时间", accepted_text),
        ("投诉对象", "京东商城"),
        ("关联订单号", number),
        ("涉及金额", f"¥{money(amount)}"),
        ("客服热线", "950618"),
    )
    page.info_card(info, theme.text)
    page.record(FieldType.TICKET_NO, ticket)
    page.record(FieldType.TIMESTAMP, accepted_value)
    page.record(FieldType.ORDER_NO, number)
    page.record(FieldType.AMOUNT, normalized_money(amount))

    page.y += page.px(20)
    page.text(page.px(40), page.y, "处理进度", 30, theme.text, bold=True)
    page.y += page.px(30)
    moment = accepted
    for step in ("您的投诉已受理，我们将尽快处理", "已联系商家核实情况", "商家同意退款，请留意账户变动", "投诉已办结，感谢您的反馈")[:entries]:
        moment = (moment + timedelta(hours=rng.randint(1, 30), minutes=rng.randint(0, 59))).replace(second=0)
        if moment > reference:
            break
        _, top = page.card(page.px(130), gap=4)
        page.text(page.px(60), top + page.px(25), step, 28, theme.text)
        page.text(page.px(60), top + page.px(80), f"{moment:%Y-%m-%d %H:%M}", 24, theme.muted)
        page.record(FieldType.TIMESTAMP, moment.isoformat(timespec="minutes"))


WEEKDAYS = "一二三四五六日"


def chat_time_label(moment: datetime, reference: datetime) -> str:
    """The centred grey time WeChat and JD chat print between messages."""
    days = (reference.date() - moment.date()).days
    clock = f"{moment:%H:%M}"
    if days == 0:
        return clock
    if days == 1:
        return f"昨天 {clock}"
    if days < 7:
        return f"星期{WEEKDAYS[moment.weekday()]} {clock}"
    if moment.year == reference.year:
        return f"{moment.month}月{moment.day}日 {clock}"
    return f"{moment.year}年{moment.month}月{moment.day}日 {clock}"


def chat_messages(rng: random.Random) -> list[tuple[bool, str, list[tuple[FieldType, str]]]]:
    """(from the consumer, text, fields in it) of one customer-service conversation."""
    number = order_number(rng)
    amount = random_amount(rng)
    agent = rng.choice(("小美", "小东", "小妹", "京京"))
    agent_id = f"{rng.randint(10000, 99999)}"
    return [
        (False, f"您好，京东客服{agent}（工号{agent_id}）很高兴为您服务，请问有什么可以帮您？", []),
        (True, f"我的订单{number}显示已签收，但我一直没有收到货", [(FieldType.ORDER_NO, number)]),
        (False, "非常抱歉给您带来不便，请稍等，这边为您核实一下物流信息", []),
        (True, f"这个订单我付了¥{money(amount)}，麻烦尽快处理", [(FieldType.AMOUNT, normalized_money(amount))]),
        (False, f"已为您提交退款申请，退款金额¥{money(amount)}，预计1到3个工作日原路退回", [(FieldType.AMOUNT, normalized_money(-amount))]),
        (True, "好的，如果到时候还没到账我会投诉到950618", []),
        (False, "理解您的心情，还有其他问题可以随时联系我们哦", []),
        (True, "行，谢谢", []),
    ]


def render_chat(page: Page, reference: datetime, rounds: int) -> None:
    """A JD customer-service chat: white bubbles left, green ones right, grey centred times."""
    rng, theme = page.rng, page.theme
    draw_status_bar(page)
    draw_title(page, "京东客服")
    messages = [message for _ in range(rounds) for message in chat_messages(rng)]
    moment = moment_before(rng, reference, rng.choice((0, 1, 5, 30, 400)))
    moment = moment.replace(second=0)
    moments = [moment]
    for _ in range(rounds * 3):
        moment = moment + timedelta(minutes=rng.randint(3, 1500))
        if moment > reference:
            break
        moments.append(moment)
    label_every = max(1, len(messages) // len(moments))
    text_size = 32
    for index, (own, text, fields) in enumerate(messages):
        if index % label_every == 0 and index // label_every < len(moments):
            shown = moments[index // label_every]
            page.y += page.px(30)
            page.text(page.width // 2, page.y, chat_time_label(shown, reference), 24, theme.muted, align="m")
            page.record(FieldType.TIMESTAMP, shown.isoformat(timespec="minutes"))
            page.y += page.px(40)
        rows = page.wrap(text, text_size, page.width - page.px(380))
        widest = max(page.width_of(row, text_size) for row in rows)
        height = page.px(44 * len(rows) + 40)
        avatar = page.px(84)
        left = page.width - page.px(150) - round(widest) - page.px(40) if own else page.px(150)
        right = left + round(widest) + page.px(40)
        page.y += page.px(24)
        avatar_x = page.width - page.px(30) - avatar if own else page.px(30)
        page.draw.rounded_rectangle((avatar_x, page.y, avatar_x + avatar, page.y + avatar), radius=page.px(10), fill="#4A90D9" if own else "#E2231A")
        page.draw.rounded_rectangle((left, page.y, right, page.y + height), radius=page.px(12), fill=theme.own_bubble if own else theme.other_bubble)
        ink = "#111111" if own else theme.text
        for row_index, row in enumerate(rows):
            page.text(left + page.px(20), page.y + page.px(18 + 44 * row_index), row, text_size, ink)
        page.fields.extend(fields)
        page.y += height


RENDERERS = {"order": render_order, "payment": render_payment, "chat": render_chat, "complaint": render_complaint}


def generate_one(seed: int, index: int) -> Sample:
    """Sample `index` of the series `seed`; the same pair always gives the same pixels."""
    rng = random.Random(f"{seed}:{index}")
    kind = KINDS[index % len(KINDS)]
    reference = datetime(2025, 12, 8, 20, 0, tzinfo=CHINA) + timedelta(days=rng.randint(0, 120), minutes=rng.randint(0, 600))
    dark = rng.random() < 0.3
    font = rng.choice(available_fonts())
    layout = rng.choices(("phone", "tall", "desktop"), weights=(6, 2, 2))[0]
    if layout == "tall" and kind == "complaint":
        layout = "phone"
    width, scale = (1080, 1.0) if layout != "desktop" else (rng.choice((1000, 1200)), rng.uniform(0.45, 0.55))
    page = Page(width, DARK if dark else LIGHT, font, scale, rng)
    size = {"order": (1, 14), "payment": (1, 22), "chat": (1, 4), "complaint": (2, 4)}[kind]
    amount = size[1] if layout == "tall" else rng.choice((size[0], min(size[1], size[0] + 1)))
    if kind == "payment" and layout != "tall":
        amount = rng.choice((1, 4))
    RENDERERS[kind](page, reference, amount)
    image = page.finish()
    if layout == "phone" and rng.random() < 0.3:
        factor = rng.choice((0.66, 0.75))
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if rng.random() < 0.4:
        image.save(buffer, format="JPEG", quality=rng.randint(60, 90))
        suffix = ".jpg"
    else:
        image.save(buffer, format="PNG", optimize=False)
        suffix = ".png"
    data = buffer.getvalue()
    decoded = Image.open(io.BytesIO(data))
    decoded.load()
    fields = list(dict.fromkeys(page.fields))
    return Sample(
        name=f"s{seed}_{index:03d}_{kind}_{layout}{'_dark' if dark else ''}",
        kind=kind,
        image=decoded,
        data=data,
        suffix=suffix,
        fields=fields,
        lines=page.lines,
        reference_time=reference,
        dark=dark,
        font=Path(font[0]).stem,
    )


def generate(seed: int, n: int) -> list[Sample]:
    """`n` samples of series `seed`, cycling through the kinds order, payment, chat, complaint."""
    return [generate_one(seed, index) for index in range(n)]


def truth_record(sample: Sample) -> dict[str, object]:
    return {
        "kind": sample.kind,
        "reference_time": sample.reference_time.isoformat(),
        "fields": [[kind.value, value] for kind, value in sample.fields],
        "lines": sample.lines,
        "dark": sample.dark,
        "font": sample.font,
        "size": list(sample.image.size),
    }


def write_samples(samples: list[Sample], out: Path) -> None:
    """Image files plus truth.json keyed by file name."""
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for sample in samples:
        filename = sample.name + sample.suffix
        (out / filename).write_bytes(sample.data)
        truth[filename] = truth_record(sample)
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write_samples(generate(args.seed, args.count), args.out)
    print(f"wrote {args.count} samples to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

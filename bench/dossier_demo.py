"""Synthetic, seeded JD-style phone screenshots and a dossier request built from them.

Used by the benchmark, the tests and the sample pages in docs/; all names and numbers are made up
(the ID card and phone numbers are well-formed so redaction has something to find).
"""
from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from PIL import Image, ImageDraw, ImageFont

from export.events import timeline_events
from export.fonts import FONT, FONT_PATH, LATIN_FONT_PATH, font_runs
from export.request import DossierRequest, Exhibit, ExhibitField, Party
from export.texts import labels_for
from ocr.types import AmountRole, FieldType, OcrLine

Store = Callable[[str, bytes], Callable[[], bytes]]
CHINA = timezone(timedelta(hours=8))
WIDTH = 1080
_FONT_SIZE = 38
_LINE_STEP = 76
_TOP = 260
DEMO_PHONE = "13812345678"
DEMO_ID_CARD = "11010519491231002X"


def keep_in_memory(name: str, data: bytes) -> Callable[[], bytes]:
    return lambda: data


class _Typesetter:
    """Pillow text in the CJK font with Latin runs in Vera, like the PDF (see export.fonts)."""

    def __init__(self) -> None:
        self.cjk = ImageFont.truetype(str(FONT_PATH), _FONT_SIZE)
        self.latin = ImageFont.truetype(str(LATIN_FONT_PATH), _FONT_SIZE)

    def length(self, text: str) -> int:
        return int(sum((self.cjk if f == FONT else self.latin).getlength(run) for f, run in font_runs(text)))

    def draw(self, draw: ImageDraw.ImageDraw, x: float, y: int, text: str, fill: object) -> tuple[int, int, int, int]:
        """Draw `text` with its top-left at (x, y); returns its pixel box."""
        left = int(x)
        for font_name, run in font_runs(text):
            font = self.cjk if font_name == FONT else self.latin
            draw.text((x, y), run, font=font, fill=fill)
            x += font.getlength(run)
        return left, y, int(x), y + _FONT_SIZE + 6


Row = tuple[str, str, str | None] | tuple[str, str, str | None, str]
"""(label, value, field type or None[, amount role])."""


def _screenshot(title: str, rows: list[Row], height: int,
                colour: tuple[int, int, int]) -> tuple[bytes, tuple[OcrLine, ...], tuple[ExhibitField, ...]]:
    """Draw a phone screen; returns PNG, OCR lines, and the fields with their exact pixel boxes."""
    type_ = _Typesetter()
    image = Image.new("RGB", (WIDTH, height), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 90), fill=(230, 230, 230))
    type_.draw(draw, 40, 25, "09:41", (30, 30, 30))
    draw.rectangle((0, 90, WIDTH, 200), fill=colour)
    type_.draw(draw, (WIDTH - type_.length(title)) / 2, 122, title, "white")
    lines, fields = [], []
    for i, (label, value, field_type, *role) in enumerate(rows):
        y = _TOP + i * _LINE_STEP
        if y + _LINE_STEP > height - 40:
            break
        if i % 6 == 0:
            draw.rectangle((20, y - 14, WIDTH - 20, y + 6 * _LINE_STEP - 30), fill="white")
        text = label + value
        box = type_.draw(draw, 48, y, text, (40, 40, 40))
        lines.append(OcrLine(text, box, 0.98))
        if field_type:
            left = 48 + type_.length(label)
            value_box = (left, box[1], left + type_.length(value), box[3])
            normalized = value.lstrip("¥") if field_type == FieldType.AMOUNT else value
            fields.append(ExhibitField(field_type, normalized, value, value_box, role[0] if role else ""))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue(), tuple(lines), tuple(fields)


def _rows(rng: random.Random, kind: str, when: datetime, count: int) -> tuple[str, list[Row]]:
    order_no = str(rng.randrange(10**11, 10**12))
    amount = f"¥{rng.randrange(100, 900000) / 100:.2f}"
    stamp = when.strftime("%Y-%m-%d %H:%M:%S")
    rows: list[Row]
    if kind == "order":
        title = "订单详情"
        rows = [("订单号：", order_no, FieldType.ORDER_NO), ("下单时间：", stamp, FieldType.TIMESTAMP),
                ("实付款：", amount, FieldType.AMOUNT, AmountRole.PAID), ("收货人：张三 ", DEMO_PHONE, FieldType.PHONE),
                ("收货地址：", "北京市大兴区亦庄经济开发区科创十一街", None)]
    elif kind == "bill":
        title = "京东白条账单"
        rows = [("账单日：", stamp, FieldType.TIMESTAMP), ("本期应还：", amount, FieldType.AMOUNT, AmountRole.DUE),
                ("交易号：", str(rng.randrange(10**19, 10**20)), FieldType.TRANSACTION_NO),
                ("身份证号：", DEMO_ID_CARD, FieldType.ID_CARD), ("分期服务费：", "¥12.34", FieldType.AMOUNT)]
    else:
        title = "京东客服"
        rows = [("客服", "小京", FieldType.AGENT), ("工号", "53218", FieldType.AGENT_ID),
                ("我：", f"订单{order_no}退款一直没到账", None),
                ("客服小京：", "已为您登记，", None), ("", "3个工作日内退款", FieldType.PROMISE),
                ("工单号：", f"GD{order_no}", FieldType.TICKET_NO)]
    filler = ["商品：京东京造 智能保温杯 ×1", "我：请尽快处理，已经等了十天", "客服：正在核实，请您稍候",
              "优惠：满减 -¥20.00", "物流：已签收，签收人：本人", "白条：分 3 期，每期 ¥66.67"]
    rows += [(rng.choice(filler), "", None) for _ in range(max(0, count - len(rows)))]
    return title, rows


def demo_request(count: int, seed: int = 7, store: Store = keep_in_memory, tall_every: int = 3,
                 lang: str = "zh") -> DossierRequest:
    """A complete request with `count` exhibits; every `tall_every`-th screenshot is a long one.

    `lang` is the language the timeline events are worded in (the dossier's language)."""
    rng = random.Random(seed)
    start = datetime(2024, 5, 1, 9, 30, tzinfo=CHINA)
    kinds = ("order", "bill", "chat")
    colours = {"order": (225, 37, 27), "bill": (200, 60, 40), "chat": (230, 80, 60)}
    exhibits = []
    for i in range(count):
        kind = kinds[i % 3]
        when = start + timedelta(hours=7 * i, minutes=rng.randrange(60))
        tall = tall_every > 0 and i % tall_every == tall_every - 1
        height = 4200 if tall else 2000
        title, rows = _rows(rng, kind, when, (height - _TOP) // _LINE_STEP)
        png, lines, fields = _screenshot(title, rows, height, colours[kind])
        name = f"Screenshot_{when:%Y%m%d_%H%M%S}_{kind}.png"
        exhibits.append(Exhibit(
            item_id=i + 1, title=f"{title}截图（{when:%m月%d日}）",
            purpose={"order": "证明订单金额及支付事实", "bill": "证明白条扣款及分期费用",
                     "chat": "证明已向客服反映且未获解决"}[kind],
            source={"order": "京东APP订单页截屏", "bill": "京东金融APP账单截屏", "chat": "京东APP客服对话截屏"}[kind],
            kind={"bill": "payment"}.get(kind, kind), original_name=name, sha256=hashlib.sha256(png).hexdigest(), media_type="image/png",
            formed_at=when.isoformat(), captured_at=(when + timedelta(minutes=5)).isoformat(),
            imported_at=(when + timedelta(days=1)).isoformat(), fields=fields,
            ocr_text="\n".join(line.text for line in lines), ocr_lines=lines, load_original=store(name, png),
        ))
    return DossierRequest(
        case_title="京东白条分期服务费争议", case_number="",
        complainant=Party("张三", DEMO_PHONE, "北京市海淀区中关村大街1号"),
        respondent=Party("京东金融（北京京东世纪贸易有限公司）", "", "北京市大兴区亦庄经济开发区科创十一街18号"),
        channel="12315 全国消费者投诉平台",
        claim="退还多收取的分期服务费 ¥123.40，并书面说明收费依据。",
        facts=("2024年5月起，被投诉人在未明确告知的情况下对我的白条账单收取分期服务费。\n"
               "我多次联系客服，均未获解决。相关订单、账单和聊天记录见证据目录。"),
        exhibits=tuple(exhibits), events=timeline_events(exhibits, labels_for(lang), with_notes=False),
        audit_head_hash=hashlib.sha256(f"audit-{seed}".encode()).hexdigest(),
        generated_at=datetime(2024, 6, 18, 20, 15, 0, tzinfo=CHINA),
    )

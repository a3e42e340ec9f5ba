"""What a clerk reads in the dossier: times, key facts, events, whole numbers, every glyph, numbering."""
from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from bench.dossier_demo import demo_request
from export import ExhibitField, ExportResult
from export.events import timeline_events
from export.facts import caption_facts, index_facts
from export.fonts import FONT_PATH, LATIN_FONT_PATH, register_font
from export.linebreak import break_lines
from export.order import ExhibitOrder, exhibit_order
from export.texts import EN, ZH, labels_for
from vault.china_time import format_time
from ocr.types import AmountRole, FieldType
from tests.export.conftest import Build, page_texts
from vault.evidence import Item

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|[+-]\d{2}:\d{2}\b")


def _plain(_type: str, value: str) -> str:
    return value


@pytest.mark.parametrize(("value", "lang", "expected"), [
    pytest.param("2026-02-17T20:53:41+08:00", "zh", "2026年2月17日\u00a020:53:41", id="china-zh"),
    pytest.param("2026-02-17T20:53:41+08:00", "en", "2026-02-17\u00a020:53:41", id="china-en"),
    pytest.param("2026-02-17T12:53:41+00:00", "zh", "2026年2月17日\u00a020:53:41", id="utc-converted"),
    pytest.param("2026-02-17T20:53:41", "en", "2026-02-17\u00a020:53:41", id="naive-is-china"),
    pytest.param("2026-02-17", "zh", "2026年2月17日", id="date-only"),
    pytest.param("上月中旬", "zh", "上月中旬", id="free-text-kept"),
    pytest.param(None, "en", "—", id="none"),
])
def test_times_are_china_time_in_words(value: str | None, lang: str, expected: str) -> None:
    assert format_time(value, lang) == expected


@pytest.mark.parametrize(("text", "width", "expected"), [
    pytest.param("订单号：3000725908983", 70, ["订单号：", "3000725908983"], id="order-number-whole"),
    pytest.param("Screenshot original from the complainant's device", 80,
                 ["Screenshot original", "from the", "complainant's", "device"], id="english-at-spaces"),
    pytest.param("2026年2月17日\u00a020:53:41", 62, ["2026年2月17日", "20:53:41"], id="date-above-time"),
    pytest.param("证明订单金额，以及支付", 30, ["证明订", "单金额，", "以及支", "付"], id="comma-hangs"),
])
def test_lines_break_outside_numbers_and_words(text: str, width: float, expected: list[str]) -> None:
    register_font()
    assert break_lines(text, width, 8) == expected


def test_index_facts_are_labelled_chosen_and_merged() -> None:
    fields = (
        ExhibitField(FieldType.AMOUNT, "2903.06"),  # no role: noise in the index
        ExhibitField(FieldType.ORDER_NO, "300072590898"),
        ExhibitField(FieldType.AMOUNT, "-50.00", role=AmountRole.REFUND),
        ExhibitField(FieldType.AMOUNT, "50.00", role=AmountRole.REFUND),
        ExhibitField(FieldType.AMOUNT, "989.98", role=AmountRole.PAID),
        ExhibitField(FieldType.AGENT, "小美"),
        ExhibitField(FieldType.AGENT_ID, "53218"),
    )
    assert index_facts(fields, ZH, _plain) == ["订单号：300072590898", "实付款：¥989.98", "退款：¥50.00",
                                              "客服：小美（53218）"]
    assert "金额：¥2903.06" in caption_facts(fields, ZH, _plain)


def test_timeline_reads_as_events() -> None:
    request = demo_request(3, tall_every=0)
    order, bill, chat = request.exhibits
    events = timeline_events(request.exhibits, ZH, with_notes=False)
    order_no = next(f.value for f in order.fields if f.type == FieldType.ORDER_NO)
    paid = next(f.value for f in order.fields if f.role == AmountRole.PAID)
    assert events[0].description == f"下单（订单号 {order_no}，实付款 ¥{paid}）"
    assert "客服小京（工号53218）承诺3个工作日内退款" in events[2].description
    noted = replace(chat, note="客服电话里也这样说")
    assert "备注" not in timeline_events((noted,), ZH, with_notes=False)[0].description
    assert "备注：客服电话里也这样说" in timeline_events((noted,), ZH, with_notes=True)[0].description


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_printed_character_has_a_glyph(lang: str, build: Build) -> None:
    """Every character of the rendered dossier and of every fixed text is in one of the embedded fonts."""
    covered: set[int] = set()
    for path in (FONT_PATH, LATIN_FONT_PATH):
        covered |= set(TTFont(path.stem, str(path)).face.charToGlyph)  # the font's cmap
    labels = labels_for(lang)
    fixed = "".join(str(v) for v in vars(labels).values() if isinstance(v, str))
    fixed += "".join(labels.manifest_how_to) + "".join(labels.field_types.values())
    fixed += "".join(labels.amount_roles.values()) + "".join(labels.events.values())
    request = demo_request(3, tall_every=0, lang=lang)
    text = subprocess.run(["pdftotext", str(build(request, lang=lang).path), "-"], check=True,
                          capture_output=True, text=True).stdout
    missing = sorted({ch for ch in fixed + text if not ch.isspace() and ord(ch) not in covered})
    assert missing == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_raw_iso_time_and_numbers_stay_whole(lang: str, build: Build) -> None:
    request = demo_request(3, tall_every=0, lang=lang)
    result: ExportResult = build(request, lang=lang)
    pages = page_texts(result.path)
    front = "\n".join(pages[:3])  # cover, index, timeline
    assert _ISO.findall(front) == []
    index = next(p for p in pages if any(line.strip() == labels_for(lang).index for line in p.splitlines()))
    numbers = [f.value for e in request.exhibits for f in e.fields
               if f.type in (FieldType.ORDER_NO, FieldType.TICKET_NO)]
    assert numbers
    for number in numbers:
        assert any(number in line for line in index.splitlines()), number  # on one line, not cut


def test_one_page_per_phone_screenshot(build: Build) -> None:
    request = demo_request(4, tall_every=0)  # 1080 × 2000 phone screens
    pages = page_texts(build(request).path)
    exhibit_pages = pages[3:next(i for i, p in enumerate(pages) if "附录一" in p)]  # after the front matter
    for number in range(1, 5):
        own = [p for p in exhibit_pages if re.search(rf"^\s*证据{number}(\s|（续）)", p, re.MULTILINE)]
        assert len(own) == 1, number


def _item(item_id: int, formed_at: str | None) -> Item:
    return Item(id=item_id, case_id=1, sha256="", original_name="", size=0, media_type="image/png", width=None,
                height=None, source_mtime=None, captured_at=None, imported_at="", kind="order", kind_origin="auto",
                note="", title="", purpose="", formed_at=formed_at, ocr_state="done", ocr_engine=None,
                ocr_error=None, ocr_text="")


@pytest.mark.parametrize(("rule", "manual", "expected"), [
    pytest.param(ExhibitOrder.TIME, (), [3, 1, 2, 4], id="time-zones-compared-undated-last"),
    pytest.param(ExhibitOrder.IMPORT, (), [1, 2, 3, 4], id="import"),
    pytest.param(ExhibitOrder.MANUAL, (4, 2), [4, 2, 3, 1], id="manual-then-time"),
])
def test_exhibit_order(rule: ExhibitOrder, manual: tuple[int, ...], expected: list[int]) -> None:
    items = [_item(1, "2026-02-17T20:00:00+08:00"), _item(2, "2026-02-17T13:00:00+00:00"),
             _item(3, "2026-02-17T08:00:00"), _item(4, None)]
    assert [i.id for i in exhibit_order(items, rule, manual)] == expected


def test_english_texts_are_english() -> None:
    assert EN.times_note.startswith("All times") and ZH.times_note == "时间均为北京时间。"

"""Redacted dossiers: personal data masked in every part, evidence kept, nothing unread slips through."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from bench.dossier_demo import demo_request
from cli.main import main
from export import DossierRequest, ExportOptions, Party
from export.errors import UnreadForRedaction
from export.fonts import FONT, FONT_PATH, LATIN_FONT, LATIN_FONT_PATH, font_runs
from export.from_vault import export_case
from export.request import ExhibitField
from ocr.engines import available_engines
from ocr.types import FieldType, OcrLine
from tests.export.conftest import Build, encode, pdf_text, with_original
from tests.ocr.test_personal import ADDRESS, KEEP_LIST, MASK_LIST, NAME, PHONE
from vault.evidence import OcrState
from vault.store import Vault

PASSPHRASE = "redaction 口令 test"
_FONT_SIZE = 38


def squashed(text: str) -> str:
    """pdftotext may put spaces between CJK and Latin runs; compare without any."""
    return re.sub(r"\s+", "", text)


def first_image(path: Path) -> Image.Image:
    with pikepdf.open(path) as pdf:
        return next(pikepdf.PdfImage(x).as_pil_image() for page in pdf.pages for x in page.get_images().values())


def is_blacked_out(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    return image.convert("L").crop(box).getextrema()[1] < 60


class Typesetter:
    """Draws text as the dossier does: CJK in the project font, Latin runs (digits too) in Vera."""

    def __init__(self) -> None:
        self.fonts = {FONT: ImageFont.truetype(str(FONT_PATH), _FONT_SIZE),
                      LATIN_FONT: ImageFont.truetype(str(LATIN_FONT_PATH), _FONT_SIZE)}

    def length(self, text: str) -> int:
        return round(sum(self.fonts[name].getlength(run) for name, run in font_runs(text)))

    def draw(self, draw: ImageDraw.ImageDraw, x: int, y: int, text: str) -> None:
        for name, run in font_runs(text):
            draw.text((x, y), run, font=self.fonts[name], fill=(30, 30, 30))
            x += round(self.fonts[name].getlength(run))


def screenshot(lines: list[tuple[int, int, str]]) -> tuple[bytes, tuple[OcrLine, ...], dict[str, tuple[int, int, int, int]]]:
    """A 1080-wide PNG with each (x, y, text) drawn; returns it, its OCR lines and each text's exact box."""
    type_ = Typesetter()
    image = Image.new("RGB", (1080, 420), "white")
    draw = ImageDraw.Draw(image)
    boxes = {}
    for x, y, text in lines:
        type_.draw(draw, x, y, text)
        boxes[text] = (x, y, x + type_.length(text), y + _FONT_SIZE + 6)
    ocr = tuple(OcrLine(text, boxes[text], 0.98) for _, _, text in lines)
    return encode(image, "PNG"), ocr, boxes


def request_with(facts: str, phone: str = PHONE) -> DossierRequest:
    request = demo_request(1, tall_every=0)
    return replace(request, complainant=Party(NAME, phone, ADDRESS), facts=facts)


def test_keep_list_survives_a_redacted_export(build: Build) -> None:
    facts = "\n".join(p.values[0] for p in KEEP_LIST)
    text = squashed(pdf_text(build(request_with(facts), redact=True).path))
    missing = [p.id for p in KEEP_LIST if squashed(p.values[0]) not in text]
    assert not missing


def test_mask_list_is_masked_in_a_redacted_export(build: Build) -> None:
    facts = "\n".join(p.values[0] for p in MASK_LIST)
    text = squashed(pdf_text(build(request_with(facts), redact=True).path))
    leaked = [p.id for p in MASK_LIST if squashed(p.values[0]) in text]
    unmasked = [p.id for p in MASK_LIST if squashed(p.values[1]) not in text]
    assert not leaked and not unmasked


def test_cover_masks_the_complainant_phone_in_plus86_form(build: Build) -> None:
    result = build(request_with("", phone="+86 138 1234 5678"), redact=True)
    cover = squashed(pdf_text(result.path).split("\f")[0])
    assert "138****5678" in cover
    assert "12345678" not in cover and "1234 5678" not in pdf_text(result.path)
    assert "张*" in cover and NAME not in cover
    assert "北京市海淀区*******" in cover and "中关村" not in cover


def test_unredacted_export_keeps_everything(build: Build) -> None:
    text = squashed(pdf_text(build(request_with("联系电话：13812345678")).path))
    assert "13812345678" in text and NAME in text and squashed(ADDRESS) in text


def test_image_masks_the_value_box_only(build: Build) -> None:
    """A ticket number whose label is its own box, a hotline and a mobile: only the mobile goes black."""
    data, lines, boxes = screenshot([(48, 40, "投诉编号"), (400, 40, "13912345678"), (48, 140, "客服电话：950618"),
                                     (48, 240, "联系电话：13812345678")])
    fields = (ExhibitField(FieldType.TICKET_NO, "13912345678", "13912345678", boxes["13912345678"]),
              ExhibitField(FieldType.PHONE, "950618", "950618", None))
    request = request_with("")
    exhibit = replace(with_original(request.exhibits[0], data, "客服记录.png"), fields=fields, ocr_lines=lines,
                      ocr_text="\n".join(line.text for line in lines))
    result = build(replace(request, exhibits=(exhibit,), events=()), redact=True)
    image = first_image(result.path)
    assert image.width == 1080  # drawn at source resolution, so the boxes apply as they are
    type_ = Typesetter()
    phone_line = boxes["联系电话：13812345678"]
    digits_left = phone_line[0] + type_.length("联系电话：")
    assert is_blacked_out(image, (digits_left, phone_line[1], phone_line[2], phone_line[3]))
    label = (phone_line[0], phone_line[1], phone_line[0] + type_.length("联系"), phone_line[3])
    assert not is_blacked_out(image, label)
    assert not is_blacked_out(image, boxes["13912345678"])
    assert not is_blacked_out(image, boxes["客服电话：950618"])
    text = squashed(pdf_text(result.path))
    assert "13912345678" in text and "950618" in text
    assert "13812345678" not in text and "138****5678" in text


@pytest.fixture
def unread_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, int]:
    """A vault whose one item shows a phone number and was imported without OCR: (path, case, item)."""
    path = tmp_path / "vault.evault"
    data, _, _ = screenshot([(48, 60, "联系电话：13812345678"), (48, 160, "订单号：312345678901")])
    with Vault.create(path, PASSPHRASE) as vault:
        case_id = vault.add_case("京东订单纠纷", complainant_name=NAME)
        item_id = vault.import_bytes(case_id, data, "未识别.png").item_id
        assert item_id is not None and vault.item(item_id).ocr_state == OcrState.PENDING
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", PASSPHRASE)
    return path, case_id, item_id


def test_redacted_export_refuses_unread_items_without_an_engine(
        unread_case: tuple[Path, int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, case_id, item_id = unread_case
    monkeypatch.setattr("vault.ingest.available_engines", lambda: [])
    out = tmp_path / "redacted.pdf"
    with Vault.open(path, PASSPHRASE) as vault:
        vault.mark_ocr(item_id, OcrState.FAILED, "tesseract", "the engine crashed")
        with pytest.raises(UnreadForRedaction) as refused:
            export_case(vault, case_id, out, ExportOptions(redact=True))
    assert list(refused.value.reasons) == [item_id]
    assert "the engine crashed" in refused.value.reasons[item_id]
    assert not out.exists()
    assert main(["--vault", str(path), "export", "-o", str(out), "--redact"]) == 2
    assert f"item {item_id}" in capsys.readouterr().err
    assert not out.exists()
    assert main(["--vault", str(path), "export", "-o", str(out)]) == 0  # unredacted needs no OCR


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.skipif(not available_engines(), reason="no OCR engine installed")
def test_redacted_export_reads_unread_items_first(unread_case: tuple[Path, int, int], tmp_path: Path) -> None:
    path, case_id, item_id = unread_case
    out = tmp_path / "redacted.pdf"
    with Vault.open(path, PASSPHRASE) as vault:
        export_case(vault, case_id, out, ExportOptions(redact=True))
        item = vault.item(item_id)
    assert item.ocr_state == OcrState.DONE
    text = squashed(pdf_text(out))
    assert "13812345678" not in text and "138****5678" in text
    assert "312345678901" in text
    phone = next(f for f in item.effective_fields() if f.type == FieldType.PHONE)
    order_line = next(line for line in item.ocr_lines if "312345678901" in line.text)
    assert phone.bbox is not None and order_line.bbox is not None
    image = first_image(out)
    assert is_blacked_out(image, phone.bbox)
    assert not is_blacked_out(image, order_line.bbox)

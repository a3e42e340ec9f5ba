"""PDF bills with a text layer are read from the layer (no OCR); scanned PDFs go through an engine."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from ocr.engines import available_engines, create_engine
from ocr.pages import PDF_RENDER_SCALE, pdf_text_lines, render_pdf_stacked
from ocr.types import OcrLine
from tests.factories import colour_pages_pdf
from vault.ocr_jobs import OcrJob, run_job

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "DroidSansFallbackFull.ttf"
LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
"""Droid Sans Fallback has CJK glyphs only; digits and Latin go in DejaVu, as Android pairs them."""
BILL_LINES = ("京东白条账单", "订单编号：312345678901", "应还金额 ¥356.20")


def runs(line: str) -> list[tuple[bool, str]]:
    """(is Latin, text) runs of a line, so each run is drawn in a font that has its glyphs."""
    result: list[tuple[bool, str]] = []
    for char in line:
        latin = char.isascii() or char == "¥"
        if result and result[-1][0] == latin:
            result[-1] = (latin, result[-1][1] + char)
        else:
            result.append((latin, char))
    return result


def text_layer_pdf(lines: tuple[str, ...] = BILL_LINES) -> bytes:
    pdfmetrics.registerFont(TTFont("DroidSansFallback", str(FONT)))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(595, 842))
    for n, line in enumerate(lines):
        x = 72.0
        for latin, text in runs(line):
            font = "Helvetica" if latin else "DroidSansFallback"
            pdf.setFont(font, 18)
            pdf.drawString(x, 760 - 40 * n, text)
            x += pdfmetrics.stringWidth(text, font, 18)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def scanned_pdf(lines: tuple[str, ...] = BILL_LINES) -> bytes:
    """The same bill as one page image with no text layer, as a phone scanner app writes it."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    fonts = {False: ImageFont.truetype(str(FONT), 44), True: ImageFont.truetype(str(LATIN_FONT), 44)}
    for n, line in enumerate(lines):
        x = 150.0
        for latin, text in runs(line):
            draw.text((x, 150 + 90 * n), text, fill="black", font=fonts[latin])
            x += draw.textlength(text, font=fonts[latin])
    out = io.BytesIO()
    page.save(out, "PDF", resolution=150)
    return out.getvalue()


class NoOcr:
    """An engine that fails the test if the text layer was not used."""

    name = "no-ocr"

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        raise AssertionError("a PDF with a text layer was sent to OCR")


def _job(data: bytes) -> OcrJob:
    return OcrJob(1, data, "application/pdf", "2026-02-14T10:00:00+08:00", "import")


def test_text_layer_lines_and_boxes() -> None:
    lines = pdf_text_lines(text_layer_pdf())
    text = "".join(line.text for line in lines).replace(" ", "")  # pdfium splits lines at font changes
    for expected in BILL_LINES:
        assert expected.replace(" ", "") in text
    first = next(line for line in lines if "京东白条账单" in line.text)
    left, top, right, bottom = first.bbox
    assert abs(left - 72 * PDF_RENDER_SCALE) < 5, "boxes are in pixels of the page rendered at 150 dpi"
    assert top < bottom < 842 * PDF_RENDER_SCALE and left < right
    assert first.confidence == 1.0


def test_scanned_pdf_has_no_text_layer() -> None:
    assert pdf_text_lines(scanned_pdf()) == []


def test_run_job_uses_the_text_layer_without_ocr() -> None:
    outcome = run_job(NoOcr(), _job(text_layer_pdf()))
    assert outcome.error is None
    assert any("312345678901" in line.text for line in outcome.lines)
    assert "312345678901" in [f.normalized for f in outcome.fields if f.type == "order_no"]


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.parametrize("engine_name", ["tesseract", "rapidocr"])
def test_scanned_pdf_is_read_by_a_real_engine(engine_name: str) -> None:
    if engine_name not in available_engines():
        pytest.skip(f"{engine_name} is not installed (make setup installs it)")
    outcome = run_job(create_engine(engine_name), _job(scanned_pdf()))
    assert outcome.error is None
    assert "312345678901" in "".join(line.text for line in outcome.lines).replace(" ", "")


def test_pages_stack_top_to_bottom_within_the_pixel_budget() -> None:
    data = colour_pages_pdf(("#ff0000", "#00ff00", "#0000ff"))
    page_w, page_h = round(300 * PDF_RENDER_SCALE), round(200 * PDF_RENDER_SCALE)
    whole = render_pdf_stacked(data, 10 * page_w * page_h)
    assert (whole.shown, whole.total) == (3, 3)
    assert whole.image.size == (page_w, 3 * page_h)
    assert [whole.image.getpixel((page_w // 2, page_h * i + page_h // 2)) for i in range(3)] == [
        (255, 0, 0), (0, 255, 0), (0, 0, 255)]
    first_two = render_pdf_stacked(data, 2 * page_w * page_h)
    assert (first_two.shown, first_two.total, first_two.image.height) == (2, 3, 2 * page_h)
    assert render_pdf_stacked(data, 1).shown == 1, "the first page is always shown"

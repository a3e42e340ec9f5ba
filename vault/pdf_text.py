"""PDF evidence (bills, statements): page rendering and the text layer, in memory (pdfium)."""
from __future__ import annotations

import pypdfium2 as pdfium
from PIL import Image

from ocr.types import OcrLine

PDF_RENDER_SCALE = 150 / 72
"""Pages are rendered at 150 dpi; OCR boxes of PDF items are in pixels of pages stacked at it
(the same convention the dossier uses for highlights and redaction)."""


def pdf_page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def render_pdf_page(data: bytes, index: int, scale: float = PDF_RENDER_SCALE) -> Image.Image:
    document = pdfium.PdfDocument(data)
    try:
        return document[index].render(scale=scale).to_pil()
    finally:
        document.close()


def pdf_text_lines(data: bytes) -> list[OcrLine]:
    """Text-layer segments with boxes in rendered-page pixels; empty for scanned PDFs."""
    document = pdfium.PdfDocument(data)
    lines: list[OcrLine] = []
    offset = 0.0
    try:
        for page in document:
            width, height = page.get_size()
            textpage = page.get_textpage()
            for index in range(textpage.count_rects()):
                left, bottom, right, top = textpage.get_rect(index)
                text = textpage.get_text_bounded(left, bottom, right, top).strip()
                if text:
                    box = (
                        round(left * PDF_RENDER_SCALE),
                        round(offset + (height - top) * PDF_RENDER_SCALE),
                        round(right * PDF_RENDER_SCALE),
                        round(offset + (height - bottom) * PDF_RENDER_SCALE),
                    )
                    lines.append(OcrLine(text, box, 1.0))
            offset += height * PDF_RENDER_SCALE
    finally:
        document.close()
    return lines

"""Pages and pixels, on the lowest floor: decoding, page counts, page and stacked renders, the PDF
text layer, and the scale every OCR box of a PDF item is measured in.

The vault (reading for OCR, the input checks), the dossier and the GUI all decode through here,
so an image or a PDF page looks the same to each of them. What may be imported (sizes, limits,
rejection reasons) is the vault's input policy (vault/media.py), not this module's. Errors are
Pillow's and pdfium's own; each caller wraps them in its package's exception.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import ExifTags, Image, ImageOps
from pillow_heif import register_heif_opener

from ocr.types import OcrLine

if TYPE_CHECKING:
    import pypdfium2 as pdfium

EXIF_TURNS = range(2, 9)
"""EXIF orientations other than 1 (as stored): mirrored, turned, or both."""

register_heif_opener()  # HEIC/HEIF photos from iPhones, for every Image.open in the program

PDF_MEDIA_TYPE = "application/pdf"
PDF_RENDER_SCALE = 150 / 72
"""Pages are rendered at 150 dpi; OCR boxes of PDF items are in pixels of pages stacked at it
(the same convention the dossier uses for highlights and redaction, and the GUI for its boxes)."""


def __getattr__(name: str) -> type[Exception]:
    """`PdfError`: what pdfium raises for a PDF it cannot open or a page it cannot render.

    pdfium loads on first use (0.03-0.05 s), so processes that never see a PDF, an OCR worker
    reading screenshots among them, start without it; an `except pages.PdfError` clause looks it
    up only when an exception reaches it."""
    if name == "PdfError":
        import pypdfium2

        return pypdfium2.PdfiumError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """A pdfium document over the bytes; the caller closes it."""
    import pypdfium2

    return pypdfium2.PdfDocument(data)


def is_pdf(media_type: str) -> bool:
    return media_type.lower() == PDF_MEDIA_TYPE


def to_rgb(image: Image.Image) -> Image.Image:
    """Any Pillow mode (CMYK, 16-bit, palette, alpha) as 8-bit RGB, transparency flattened on white."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB") if image.mode != "RGB" else image


def upright(image: Image.Image) -> Image.Image:
    """The image as it is meant to be seen: EXIF orientation applied (a phone photo taken sideways).

    An image already upright is returned itself: Pillow's exif_transpose copies it, and every
    image is made upright where it is decoded and again where it is read (a 1080x90000 capture
    held three copies of 389 MB in an OCR worker)."""
    if image.getexif().get(ExifTags.Base.Orientation, 1) not in EXIF_TURNS:
        return image
    return ImageOps.exif_transpose(image) or image


def _accept_any_size(width: int, height: int) -> None:
    """Default size check of `decode_image`: every size is read."""


def decode_image(data: bytes, check_size: Callable[[int, int], None] = _accept_any_size) -> Image.Image:
    """Decode an image fully and upright; `check_size(width, height)` runs after the header is read
    and before the pixels are, so a limit can refuse a file without decoding it."""
    image = Image.open(io.BytesIO(data))
    check_size(*image.size)
    image.load()
    return upright(image)


def pdf_page_count(data: bytes) -> int:
    document = open_pdf(data)
    try:
        return len(document)
    finally:
        document.close()


def pdf_page_sizes(data: bytes) -> list[tuple[float, float]]:
    """Width and height of every page in points, for the size limits of the vault's input policy."""
    document = open_pdf(data)
    try:
        return [document.get_page_size(index) for index in range(len(document))]
    finally:
        document.close()


def render_pdf_page(data: bytes, index: int, scale: float = PDF_RENDER_SCALE) -> Image.Image:
    document = open_pdf(data)
    try:
        return document[index].render(scale=scale).to_pil()
    finally:
        document.close()


def page_count(data: bytes, media_type: str) -> int:
    """Pages of an original: a PDF's page count, 1 for an image."""
    return pdf_page_count(data) if is_pdf(media_type) else 1


def render_page(data: bytes, media_type: str, index: int) -> Image.Image:
    """Page `index` of an original as upright RGB pixels (PDF pages at PDF_RENDER_SCALE)."""
    if is_pdf(media_type):
        return to_rgb(render_pdf_page(data, index))
    return to_rgb(decode_image(data))


@dataclass(frozen=True)
class StackedPages:
    """The first `shown` of a PDF's `total` pages, top to bottom on one image."""

    image: Image.Image
    shown: int
    total: int


def render_pdf_stacked(data: bytes, max_pixels: int, scale: float = PDF_RENDER_SCALE) -> StackedPages:
    """Pages stacked as the OCR boxes of a PDF item are laid out, as many as `max_pixels` allows.

    At least the first page is rendered; pages are added while the stack stays within the budget.
    """
    document = open_pdf(data)
    try:
        total = len(document)
        sizes = [(round(w * scale), round(h * scale))
                 for w, h in (document.get_page_size(i) for i in range(total))]
        shown, pixels = 0, 0
        for width, height in sizes:
            if shown and pixels + width * height > max_pixels:
                break
            shown, pixels = shown + 1, pixels + width * height
        stack = Image.new("RGB", (max(w for w, _ in sizes[:shown]), sum(h for _, h in sizes[:shown])), "white")
        top = 0
        for index in range(shown):
            page = to_rgb(document[index].render(scale=scale).to_pil())
            stack.paste(page, (0, top))
            top += sizes[index][1]
            page.close()
        return StackedPages(stack, shown, total)
    finally:
        document.close()


def _merge_rows(segments: list[OcrLine]) -> list[OcrLine]:
    """Join segments that share a row: pdfium splits a line wherever the font changes."""
    rows: list[list[OcrLine]] = []
    for segment in sorted(segments, key=lambda s: (s.bbox[1], s.bbox[0])):
        top, bottom = segment.bbox[1], segment.bbox[3]
        row = rows[-1] if rows else None
        if row and min(bottom, row[0].bbox[3]) - max(top, row[0].bbox[1]) > 0.5 * (bottom - top):
            row.append(segment)
        else:
            rows.append([segment])
    merged = []
    for row in rows:
        row.sort(key=lambda s: s.bbox[0])
        box = (min(s.bbox[0] for s in row), min(s.bbox[1] for s in row),
               max(s.bbox[2] for s in row), max(s.bbox[3] for s in row))
        merged.append(OcrLine("".join(s.text for s in row), box, 1.0))
    return merged


def pdf_text_lines(data: bytes) -> list[OcrLine]:
    """Text-layer lines with boxes in stacked rendered-page pixels; empty for scanned PDFs."""
    document = open_pdf(data)
    lines: list[OcrLine] = []
    offset = 0.0
    try:
        for page in document:
            height = page.get_size()[1]
            textpage = page.get_textpage()
            segments = []
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
                    segments.append(OcrLine(text, box, 1.0))
            lines.extend(_merge_rows(segments))
            offset += height * PDF_RENDER_SCALE
    finally:
        document.close()
    return lines

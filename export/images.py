"""Decoding exhibit originals into page images, burning in highlights and redactions, JPEG encoding.

Everything stays in memory: originals come from `Exhibit.load_original`, decoded pixels live only
while one exhibit page is being drawn, and nothing is written to a temporary file.
"""
from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from PIL import Image, ImageDraw, UnidentifiedImageError

from export.errors import ExhibitUnreadable
from ocr import pages  # decoding and the scale OCR boxes of PDF items use
from ocr.types import BBox

_HIGHLIGHT = (255, 214, 0, 90)
_QUIET_ROW_RANGE = 12
_PROBE_WIDTH = 64


@dataclass(frozen=True)
class ImageQuality:
    """How exhibit pixels are put into the PDF: resolution cap (relative to printed size) and JPEG quality."""

    max_dpi: int
    jpeg_quality: int


# Tried in order when the caller sets a size budget. The last step is the legibility floor: about
# 100 dpi at printed size keeps 9-pt screenshot text readable on paper and on screen.
QUALITY_STEPS = (
    ImageQuality(200, 85),
    ImageQuality(150, 75),
    ImageQuality(125, 65),
    ImageQuality(100, 55),
)


@dataclass(frozen=True)
class PageProbe:
    """Pixel size of one exhibit page and which rows are blank enough to cut a slice at."""

    width: int
    height: int
    quiet_rows: bytes


def page_count(data: bytes, media_type: str) -> int:
    try:
        return pages.page_count(data, media_type)
    except pages.PdfError as e:
        raise ExhibitUnreadable("the PDF original cannot be opened") from e


def render_page(data: bytes, media_type: str, index: int) -> Image.Image:
    """Page `index` of the original as RGB pixels (PDF pages rendered at 150 dpi)."""
    try:
        return pages.render_page(data, media_type, index)
    except pages.PdfError as e:
        raise ExhibitUnreadable(f"page {index + 1} of the PDF original cannot be rendered") from e
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as e:
        raise ExhibitUnreadable("the image original cannot be decoded") from e


def probe_page(image: Image.Image) -> PageProbe:
    """Measure a page once, so layout can plan slices without keeping pixels around."""
    gray = image.convert("L").resize((_PROBE_WIDTH, image.height), Image.Resampling.BOX)
    data = gray.tobytes()
    quiet = bytes(
        max(row) - min(row) < _QUIET_ROW_RANGE
        for row in (data[y * _PROBE_WIDTH:(y + 1) * _PROBE_WIDTH] for y in range(image.height))
    )
    return PageProbe(image.width, image.height, quiet)


def mark_up(image: Image.Image, highlights: Iterable[BBox], redactions: Iterable[BBox], top: int) -> Image.Image:
    """Burn semi-transparent highlights and opaque redaction boxes into a copy of `image`.

    `top` is where this page starts in the stacked-pages coordinates the boxes are given in.
    """
    highlights = [_shift(b, top) for b in highlights]
    redactions = [_shift(b, top) for b in redactions]
    if not highlights and not redactions:
        return image
    marked = image.convert("RGBA")
    if highlights:
        overlay = Image.new("RGBA", marked.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for box in highlights:
            draw.rectangle(_padded(box, 3), fill=_HIGHLIGHT, outline=(230, 150, 0, 200), width=2)
        marked = Image.alpha_composite(marked, overlay)
    draw = ImageDraw.Draw(marked)
    for box in redactions:
        draw.rectangle(_padded(box, 4), fill=(0, 0, 0, 255))
    return marked.convert("RGB")


def _shift(box: BBox, top: int) -> BBox:
    left, upper, right, lower = box
    return left, upper - top, right, lower - top


def _padded(box: BBox, pad: int) -> BBox:
    left, upper, right, lower = box
    return left - pad, upper - pad, right + pad, lower + pad


def encode_jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=False)
    return out.getvalue()

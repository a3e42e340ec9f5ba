"""The input policy: recognising, checking and thumbnailing files before they become evidence.

Limits are explicit so that a hostile file is refused with a reason instead of exhausting memory.
Decoding and rendering themselves live in ocr/pages.py, shared with OCR, the dossier and the GUI.
"""
from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw, UnidentifiedImageError

from ocr.pages import PDF_RENDER_SCALE, decode_image, open_pdf, to_rgb
from vault.errors import RejectedFile, Rejection

MAX_FILE_BYTES = 100 * 1024 * 1024
"""Largest file accepted (100 MiB): far above any screenshot or bill, below what hurts memory."""
MAX_PIXELS = 100_000_000
"""Largest decoded image (100 megapixels, e.g. a 1080 x 90000 scrolling screenshot)."""
MAX_ASPECT_RATIO = 100
"""Longest side over shortest side of an image or a rendered PDF page. A 1080-pixel-wide scrolling
capture stays within it up to the pixel limit (1080 x 92,592); a 65500x1 PNG, which drove an OCR
worker to 23 GB, does not (issue #11, point 9)."""
MAX_PDF_PAGES = 500
A4_POINTS = (595, 842)
MAX_PDF_PIXELS = round(MAX_PDF_PAGES * A4_POINTS[0] * A4_POINTS[1] * PDF_RENDER_SCALE**2)
"""All pages of a PDF rendered for reading, together: as many pixels as MAX_PDF_PAGES A4 pages
(about 1.09 billion at 150 dpi). The page count alone let 500 blank 4000x4000-point pages through,
34.7 billion pixels and some 25 minutes of rendering for an export (issue #11, point 10)."""
THUMBNAIL_SIZE = (320, 320)
CHINA_TZ = ZoneInfo("Asia/Shanghai")

Image.MAX_IMAGE_PIXELS = MAX_PIXELS

_SIGNATURES: list[tuple[bytes, int, str]] = [
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"BM", 0, "image/bmp"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"%PDF-", 0, "application/pdf"),
]
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"}


def sniff_media_type(data: bytes) -> str | None:
    """Media type from the file's first bytes; the name's extension is never trusted."""
    for magic, offset, media_type in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "image/avif" if data[8:12] == b"avif" else "image/heic"
    return None


@dataclass(frozen=True, slots=True)
class Inspection:
    """What the vault records about a file besides its bytes."""

    media_type: str
    width: int
    height: int
    captured_at: str | None
    thumbnail: bytes


class Inspector(Protocol):
    """Checks one media family and describes it; raises RejectedFile when it cannot be evidence."""

    def inspect(self, data: bytes, media_type: str) -> Inspection: ...


def _exif_capture_time(image: Image.Image) -> str | None:
    """EXIF DateTimeOriginal (else DateTime) as ISO 8601; phones write local time, assumed China."""
    try:
        exif = image.getexif()
    except Exception:  # noqa: BLE001 - malformed EXIF must not reject an otherwise good image
        return None
    sub = exif.get_ifd(0x8769) if exif else {}
    raw = (sub.get(36867) or exif.get(306)) if exif else None  # DateTimeOriginal, else DateTime
    if not isinstance(raw, str):
        return None
    try:
        moment = datetime.strptime(raw.strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    offset = sub.get(36881)
    if isinstance(offset, str):
        try:
            return datetime.fromisoformat(moment.isoformat() + offset.strip("\x00 ")).isoformat()
        except ValueError:
            pass
    return moment.replace(tzinfo=CHINA_TZ).isoformat()


def _thumbnail(image: Image.Image) -> bytes:
    thumb = to_rgb(image)
    # Box-reduced by a whole factor as far as it goes, then resampled: 4.7 ms for a phone
    # screenshot against 11.9 ms with Pillow's default gap of 2, and the text reads the same.
    thumb.thumbnail(THUMBNAIL_SIZE, reducing_gap=1.0)
    out = io.BytesIO()
    thumb.save(out, "JPEG", quality=82)
    return out.getvalue()


def _check_aspect_ratio(subject: str, width: float, height: float) -> None:
    """Refuse a shape no screenshot, photo or bill has; reading it would scale its short side up
    to the detector's size and the long side with it."""
    if max(width, height) > MAX_ASPECT_RATIO * max(min(width, height), 1):
        raise RejectedFile(
            Rejection.EXTREME_ASPECT_RATIO,
            f"{subject}: one side is over {MAX_ASPECT_RATIO} times the other, the limit for a scrolling screenshot",
        )


def _check_image_size(width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise RejectedFile(
            Rejection.TOO_MANY_PIXELS,
            f"image is {width}x{height} pixels, over the limit of {MAX_PIXELS:,} pixels",
        )
    _check_aspect_ratio(f"image is {width}x{height} pixels", width, height)


def open_image(data: bytes) -> Image.Image:
    """Decode an image fully, upright (EXIF orientation applied), within the pixel limit."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return decode_image(data, _check_image_size)
    except RejectedFile:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise RejectedFile(Rejection.TOO_MANY_PIXELS, f"image is over the limit of {MAX_PIXELS:,} pixels") from e
    except UnidentifiedImageError as e:
        raise RejectedFile(Rejection.UNREADABLE_IMAGE, "the image format is not recognised") from e
    except (OSError, ValueError, SyntaxError) as e:
        raise RejectedFile(Rejection.DAMAGED_IMAGE, f"the image is damaged or truncated ({e})") from e


class ImageInspector:
    def inspect(self, data: bytes, media_type: str) -> Inspection:
        image = open_image(data)
        captured_at = _exif_capture_time(image)
        return Inspection(media_type, image.width, image.height, captured_at, _thumbnail(image))


def check_pdf_pages(sizes: Sequence[tuple[float, float]]) -> None:
    """Refuse pages whose rendering for reading (OCR, export, display) would be too large, too
    elongated, or too many pixels together; a page can claim any size in a few bytes."""
    total = 0.0
    for index, (width, height) in enumerate(sizes):
        pixels = width * PDF_RENDER_SCALE * height * PDF_RENDER_SCALE
        if pixels > MAX_PIXELS:
            raise RejectedFile(
                Rejection.TOO_MANY_PIXELS,
                f"page {index + 1} is {width:.0f}x{height:.0f} points; rendered for reading it would be "
                f"{pixels:,.0f} pixels, over the limit of {MAX_PIXELS:,} pixels",
            )
        _check_aspect_ratio(f"page {index + 1} is {width:.0f}x{height:.0f} points", width, height)
        total += pixels
    if total > MAX_PDF_PIXELS:
        raise RejectedFile(
            Rejection.PDF_TOO_MANY_PIXELS,
            f"the {len(sizes)} pages rendered for reading would be {total:,.0f} pixels together, over the "
            f"limit of {MAX_PDF_PIXELS:,} pixels ({MAX_PDF_PAGES} A4 pages)",
        )


class PdfInspector:
    def inspect(self, data: bytes, media_type: str) -> Inspection:
        from ocr.pages import PdfError  # resolved here: pdfium loads with the first PDF

        try:
            document = open_pdf(data)
        except PdfError as e:
            raise RejectedFile(Rejection.DAMAGED_PDF, f"the PDF cannot be read ({e})") from e
        try:
            pages = len(document)
            if pages == 0:
                raise RejectedFile(Rejection.EMPTY_PDF, "the PDF has no pages")
            if pages > MAX_PDF_PAGES:
                raise RejectedFile(Rejection.TOO_MANY_PAGES, f"the PDF has {pages} pages, over the limit of {MAX_PDF_PAGES}")
            check_pdf_pages([document.get_page_size(index) for index in range(pages)])
            width, height = document.get_page_size(0)
            first = document[0].render(scale=min(THUMBNAIL_SIZE) / max(width, height, 1.0)).to_pil()
        except PdfError as e:  # e.g. a page tree whose /Count names pages that are not there
            raise RejectedFile(Rejection.DAMAGED_PDF, f"the PDF's pages cannot be read ({e})") from e
        finally:
            document.close()
        return Inspection(media_type, int(width), int(height), None, _thumbnail(first))


ZIP_MEDIA_TYPE = "application/zip"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OFD_MEDIA_TYPE = "application/ofd"
"""GB/T 33190's own type, as the issuing platforms serve .ofd files."""
XML_MEDIA_TYPE = "application/xml"


RECORDS_MEDIA_TYPES = frozenset({"text/csv", "text/plain", XLSX_MEDIA_TYPE, ZIP_MEDIA_TYPE, OFD_MEDIA_TYPE,
                                 XML_MEDIA_TYPE})


def holds_records(media_type: str) -> bool:
    """True for a bill or chat export: its rows are shown and printed as a table, not as a picture."""
    return media_type in RECORDS_MEDIA_TYPES


def records_media_type(data: bytes, layout: str) -> str:
    """The media type of a bill, chat export or e-invoice file (ocr.records read it), from its bytes and layout."""
    if layout == "ofd_invoice":
        return OFD_MEDIA_TYPE
    if layout == "einvoice_xml":
        return XML_MEDIA_TYPE
    if data.startswith(b"PK\x03\x04"):
        return XLSX_MEDIA_TYPE if layout.endswith("_xlsx") else ZIP_MEDIA_TYPE
    return "text/csv" if layout.endswith("_csv") else "text/plain"


def table_thumbnail() -> bytes:
    """The picture of a bill or chat export in lists: ruled lines under a header band (its rows
    are shown as a table, not as a picture of the file)."""
    width, height = THUMBNAIL_SIZE
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((16, 16, width - 16, 48), fill=(70, 110, 160))
    for top in range(64, height - 16, 24):
        draw.line((16, top, width - 16, top), fill=(190, 190, 190), width=2)
    for left in (110, 210):
        draw.line((left, 48, left, height - 24), fill=(220, 220, 220), width=1)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def _describe_unknown(data: bytes) -> RejectedFile:
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return RejectedFile(Rejection.UNSUPPORTED_TYPE, "not a supported image or PDF (PNG, JPEG, WebP, HEIC, GIF, BMP, TIFF, PDF)")
    return RejectedFile(Rejection.TEXT_FILE, "the file contains text, not an image or PDF (is the file name extension wrong?)")


def check_size(size: int) -> None:
    """Raise RejectedFile for a file over MAX_FILE_BYTES."""
    if size > MAX_FILE_BYTES:
        raise RejectedFile(
            Rejection.TOO_LARGE, f"the file is {size / 2**20:.0f} MiB, over the limit of {MAX_FILE_BYTES // 2**20} MiB"
        )


def inspect_file(data: bytes) -> Inspection:
    """Check size and type and describe the file, or raise RejectedFile with a specific reason."""
    if not data:
        raise RejectedFile(Rejection.EMPTY_FILE, "the file is empty (0 bytes)")
    check_size(len(data))
    media_type = sniff_media_type(data)
    if media_type is None:
        raise _describe_unknown(data)
    inspector: Inspector = PdfInspector() if media_type == "application/pdf" else ImageInspector()
    return inspector.inspect(data, media_type)

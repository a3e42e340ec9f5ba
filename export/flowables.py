"""Custom reportlab flowables: lazily drawn exhibit images and outline anchors."""
from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PIL import Image
from reportlab.lib import colors
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from export.errors import ExportCancelled, ExportError
from export.fonts import draw_text
from export.images import ImageQuality, PageProbe, encode_jpeg, mark_up, render_page
from export.request import Bookmark, Exhibit
from export.originals import load_verified
from export.redaction import Redactor

# Screenshots are shown no larger than 100 dpi at printed size and never wider than the frame.
_MAX_POINTS_PER_PIXEL = 72 / 100
# A whole image is shrunk to fit a page when that keeps at least this much of its full size;
# taller images are cut into full-width slices instead (a phone screenshot shrunk to one page
# would be unreadable).
_MIN_FIT_RATIO = 0.8
# The first slice is only placed under the caption when it gets at least this much of a page.
_MIN_SLICE_FRACTION = 0.25
# Cuts are moved up to a blank row within this share of the slice, so no text line is cut in half.
_CUT_SEARCH_FRACTION = 0.15
_LABEL_HEIGHT = 14


class ExhibitPainter:
    """Loads and marks up one exhibit page at a time, only when a flowable is drawn.

    Holds at most one decoded page, so memory does not grow with the number of exhibits. With
    `quality` None it is a dry run: layout passes that only need sizes draw nothing.
    """

    def __init__(
        self,
        exhibits: tuple[Exhibit, ...],
        probes: tuple[tuple[PageProbe, ...], ...],
        redactor: Redactor,
        cancelled: Callable[[], bool],
        on_exhibit_drawn: Callable[[int], None],
    ) -> None:
        self.exhibits = exhibits
        self.probes = probes
        self.redactor = redactor
        self.cancelled = cancelled
        self.on_exhibit_drawn = on_exhibit_drawn
        self.quality: ImageQuality | None = None
        self._key: tuple[int, int, int] | None = None
        self._image: Image.Image | None = None

    def page_image(self, exhibit_index: int, page_index: int, width: int) -> Image.Image:
        key = (exhibit_index, page_index, width)
        if key != self._key:
            self.release()
            exhibit = self.exhibits[exhibit_index]
            top = sum(p.height for p in self.probes[exhibit_index][:page_index])
            image = render_page(load_verified(exhibit), exhibit.media_type, page_index)
            highlights = [f.bbox for f in exhibit.fields if f.bbox]
            image = mark_up(image, highlights, self.redactor.boxes(exhibit), top)
            if image.width > width:
                height = max(1, round(image.height * width / image.width))
                image = image.resize((width, height), Image.Resampling.LANCZOS)
            self._key, self._image = key, image
        assert self._image is not None
        return self._image

    def release(self) -> None:
        self._key = self._image = None


@dataclass(frozen=True)
class FrameSize:
    width: float
    height: float


class ExhibitImage(Flowable):
    """One exhibit page, or a vertical slice of it, drawn at a legible size.

    Rows y0..y1 are in the original page's pixels. Tall images split into full-width slices at a
    blank row; later slices carry a small "证据N（续）" label so every page says what it shows.
    """

    def __init__(
        self,
        painter: ExhibitPainter,
        exhibit_index: int,
        page_index: int,
        frame: FrameSize,
        continued_label: str,
        y0: int = 0,
        y1: int | None = None,
        is_continuation: bool = False,
    ) -> None:
        super().__init__()
        self.painter = painter
        self.exhibit_index = exhibit_index
        self.page_index = page_index
        self.probe = painter.probes[exhibit_index][page_index]
        self.frame = frame
        self.continued_label = continued_label
        self.y0 = y0
        self.y1 = self.probe.height if y1 is None else y1
        self.is_continuation = is_continuation
        self.label_height = _LABEL_HEIGHT if is_continuation else 0
        self.full_scale = min(frame.width / self.probe.width, _MAX_POINTS_PER_PIXEL)
        self.scale = self.full_scale

    def _fit_scale(self, available_height: float) -> float:
        return (available_height - self.label_height) / (self.y1 - self.y0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        full_height = (self.y1 - self.y0) * self.full_scale + self.label_height
        fit = self._fit_scale(avail_height)
        self.scale = fit if full_height > avail_height and fit >= _MIN_FIT_RATIO * self.full_scale else self.full_scale
        self.width = self.probe.width * self.scale
        self.height = (self.y1 - self.y0) * self.scale + self.label_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits_fresh_page = self._fit_scale(self.frame.height) >= _MIN_FIT_RATIO * self.full_scale
        if fits_fresh_page or avail_height < _MIN_SLICE_FRACTION * self.frame.height:
            return []
        rows = int((avail_height - self.label_height) / self.full_scale)
        cut = self._blank_row_above(self.y0 + rows, rows)
        if cut <= self.y0 or cut >= self.y1:
            return []
        head = self._slice(self.y0, cut, self.is_continuation)
        tail = self._slice(cut, self.y1, True)
        return [head, tail]

    def _slice(self, y0: int, y1: int, is_continuation: bool) -> ExhibitImage:
        return ExhibitImage(self.painter, self.exhibit_index, self.page_index, self.frame,
                            self.continued_label, y0, y1, is_continuation)

    def _blank_row_above(self, cut: int, rows: int) -> int:
        quiet = self.probe.quiet_rows
        lowest = max(self.y0 + 1, cut - int(rows * _CUT_SEARCH_FRACTION))
        for row in range(min(cut, len(quiet) - 1), lowest - 1, -1):
            if quiet[row]:
                return row
        return cut

    def draw(self) -> None:
        if self.painter.cancelled():
            raise ExportCancelled("export cancelled")
        quality = self.painter.quality
        if quality is None:
            return
        if self.y0 == 0 and self.page_index == 0:
            self.painter.on_exhibit_drawn(self.exhibit_index)
        image_height = self.height - self.label_height
        canv = self.canv
        if self.is_continuation:
            canv.setFillColor(colors.HexColor("#555555"))
            draw_text(canv, 0, image_height + 4, self.continued_label, 8)
        target_width = min(self.probe.width, math.ceil(self.width / 72 * quality.max_dpi))
        page = self.painter.page_image(self.exhibit_index, self.page_index, target_width)
        ratio = page.width / self.probe.width
        crop = page.crop((0, round(self.y0 * ratio), page.width, round(self.y1 * ratio)))
        draw_jpeg(canv, encode_jpeg(crop, quality.jpeg_quality), self.width, image_height)
        canv.setStrokeColor(colors.HexColor("#999999"))
        canv.setLineWidth(0.5)
        canv.rect(0, 0, self.width, image_height)


def draw_jpeg(canv: Canvas, jpeg: bytes, width: float, height: float) -> None:
    """Place JPEG bytes as an image XObject at the origin, passed through undecoded (DCTDecode).

    canvas.drawImage(ImageReader(...)) decodes every image to RGB just to name it, and that decoded
    copy stayed alive until the document was saved: ~20 MB per screenshot. This does the same
    registration with the JPEG's own digest and keeps only the compressed bytes.
    """
    name = hashlib.sha1(jpeg).hexdigest()
    registered = canv._doc.getXObjectName(name)
    if registered not in canv._doc.idToObject:
        xobject = PDFImageXObject(name)
        if not xobject.loadImageFromJPEG(io.BytesIO(jpeg)):
            raise ExportError("reportlab could not read a JPEG it was given")
        canv._setXObjects(xobject)
        canv._doc.Reference(xobject, registered)
        canv._doc.addForm(name, xobject)
    canv.saveState()
    canv.scale(width, height)
    canv._code.append(f"/{registered} Do")
    canv.restoreState()
    canv._formsinuse.append(name)


class PageMark(Flowable):
    """Zero-size marker that records the page it lands on under `key`: where a section ends."""

    def __init__(self, key: str, pages: dict[str, Any]) -> None:
        super().__init__()
        self.key = key
        self.pages = pages
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def record(self, page: int) -> Any:
        return page

    def draw(self) -> None:
        self.pages[self.key] = self.record(self.canv.getPageNumber())


class OutlineAnchor(PageMark):
    """A page mark that is also an entry of the outline; the index's page numbers come from it too."""

    def __init__(self, key: str, title: str, level: int, bookmarks: dict[str, Bookmark]) -> None:
        super().__init__(key, bookmarks)
        self.title = title
        self.level = level

    def record(self, page: int) -> Bookmark:
        return Bookmark(self.title, self.level, page)

"""The dossier's pages: cover, evidence index, timeline, exhibits, appendices (reportlab platypus)."""
from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.doctemplate import LayoutError

from export.errors import ExportError
from export.facts import caption_facts, index_facts
from export.flowables import ExhibitImage, ExhibitPainter, FrameSize, OutlineAnchor, PageMark
from export.fonts import ACCENT, FONT, Styles, draw_text, make_styles
from export.images import PageProbe
from export.linebreak import WrappedText
from export.texts import Labels
from export.request import Bookmark, DossierRequest, Exhibit, ExportOptions
from export.redaction import Redactor
from vault.china_time import format_time, sort_key
from vault.selections import row_runs

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
FRAME = FrameSize(PAGE_WIDTH - 2 * MARGIN_X, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)
# A portrait screenshot sits beside its caption, in a column this share of the page wide at most;
# narrower than SIDE_IMAGE_MIN it would be too small to read, and is cut into full-width slices.
SIDE_IMAGE_SHARE = 0.58
SIDE_IMAGE_MIN = 0.4
_PORTRAIT = 1.2
# Index columns but the last (页码), in mm: wide enough for "Exhibit 10", "Electronic", a Chinese date.
_INDEX_WIDTHS = {"zh": (12, 22, 16, 24, 46, 24, 14), "en": (16, 22, 16, 20, 46, 22, 18)}
# Room the exhibit heading takes above a side-by-side image.
_HEADING_ROOM = 40
_MAX_LAYOUT_PASSES = 4
# Small enough that a segment's images and attachments stay a few tens of MB in memory.
EXHIBITS_PER_SEGMENT = 12
_GRID = colors.HexColor("#8899aa")


@dataclass(frozen=True)
class ExhibitScan:
    """What layout needs to know about an original without keeping its bytes."""

    probes: tuple[PageProbe, ...]
    size: int
    attachment_name: str
    attached_by: int
    """0-based index of the exhibit whose attachment is this one's original: its own index, or the
    first exhibit of the same item when several print selections of one bill or chat."""

    def attached_here(self, index: int) -> bool:
        return self.attached_by == index


@dataclass
class Dossier:
    """Inputs of one export plus what earlier layout passes learnt (page numbers)."""

    request: DossierRequest
    options: ExportOptions
    labels: Labels
    redactor: Redactor
    scans: tuple[ExhibitScan, ...]
    painter: ExhibitPainter
    styles: Styles = field(default_factory=make_styles)
    bookmarks: dict[str, Bookmark] = field(default_factory=dict)
    last_pages: dict[str, int] = field(default_factory=dict)
    total_pages: int = 0

    @property
    def attaching(self) -> bool:
        return self.options.attachments and not self.options.redact

    def exhibit_no(self, number: int) -> str:
        """证据N of the number-th exhibit of this file, counted on from the parts before it."""
        return self.labels.exhibit_no(number + self.request.first_exhibit_number - 1)

    def page_of(self, key: str) -> int | None:
        bookmark = self.bookmarks.get(key)
        return bookmark.page if bookmark else None

    def pages_of(self, key: str) -> str:
        """'6' or '6–7': where a section starts and ends, '' before the first layout pass."""
        first, last = self.page_of(key), self.last_pages.get(key)
        if not first:
            return ""
        return f"{first}–{last}" if last and last > first else str(first)

    def layout_state(self) -> tuple[dict[str, Bookmark], dict[str, int], int]:
        """What a layout pass learns; equal after two passes means the page numbers settled."""
        return dict(self.bookmarks), dict(self.last_pages), self.total_pages

    def time(self, value: str | None) -> str:
        return format_time(value, self.labels.lang, self.labels.none)


@dataclass(frozen=True)
class Segment:
    """A run of whole sections that starts on a fresh page and is rendered as a PDF of its own.

    reportlab keeps a document in memory until it is saved; cutting the dossier at page breaks into
    segments of a few exhibits each keeps that memory bounded whatever the number of exhibits.
    `exhibits` are the 0-based indexes of the exhibits whose originals travel with this segment.
    """

    story: Callable[[], Iterator[Flowable]]
    exhibits: range


def exhibit_key(number: int) -> str:
    return f"exhibit-{number}"


class DossierTemplate(BaseDocTemplate):
    """A4 pages with the case title as running header and '第 X 页 / 共 Y 页' as footer.

    Numbering starts at `first_page`, so a segment's pages carry their numbers in the whole dossier.
    """

    def __init__(self, buffer: io.BytesIO, dossier: Dossier, first_page: int) -> None:
        super().__init__(
            buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, initialFontName=FONT, initialFontSize=10,
        )
        self.dossier = dossier
        self.first_page = first_page
        self.last_page = first_page - 1
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME.width, FRAME.height, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])

    def _makeCanvas(self, filename: str | None = None, canvasmaker: type[Canvas] = Canvas) -> Canvas:
        canv = super()._makeCanvas(filename, canvasmaker)
        canv._pageNumber = self.first_page  # reportlab has no public setter for the first number
        return canv

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        dossier = self.dossier
        page = canv.getPageNumber()
        self.last_page = max(self.last_page, page)
        canv.saveState()
        canv.setFillColor(colors.HexColor("#555555"))
        if page > 1:
            header = dossier.redactor.text(dossier.request.case_title)
            if dossier.request.case_number:
                header += f"  {dossier.request.case_number}"
            top = PAGE_HEIGHT - MARGIN_TOP + 6 * mm
            draw_text(canv, MARGIN_X, top, header, 8)
            draw_text(canv, PAGE_WIDTH - MARGIN_X, top, dossier.labels.dossier, 8, "right")
            canv.setStrokeColor(_GRID)
            canv.setLineWidth(0.5)
            canv.line(MARGIN_X, top - 2 * mm, PAGE_WIDTH - MARGIN_X, top - 2 * mm)
        total = dossier.total_pages or "?"
        draw_text(canv, PAGE_WIDTH / 2, MARGIN_BOTTOM / 2,
                  dossier.labels.page_footer.format(page=page, total=total), 8, "centre")
        canv.restoreState()


def segments(dossier: Dossier) -> list[Segment]:
    """Front matter, the exhibits in groups of EXHIBITS_PER_SEGMENT, then the appendices."""
    exhibits = dossier.request.exhibits
    parts = [Segment(lambda: _front_matter(dossier), range(0))]
    for start in range(0, len(exhibits), EXHIBITS_PER_SEGMENT):
        indexes = range(start, min(start + EXHIBITS_PER_SEGMENT, len(exhibits)))
        parts.append(Segment(lambda indexes=indexes: _exhibits(dossier, indexes), indexes))
    parts.append(Segment(lambda: _appendices(dossier), range(0)))
    return parts


def render_segments(dossier: Dossier) -> Iterator[tuple[Segment, io.BytesIO]]:
    """Render the segments one after another, each into its own in-memory PDF.

    Records where sections landed in `dossier.bookmarks` and the page count in `dossier.total_pages`.
    """
    next_page = 1
    try:
        for segment in segments(dossier):
            buffer, last_page = _render_segment(dossier, segment, next_page)
            gc.collect()  # reportlab's document is a web of reference cycles holding the segment's images
            next_page = last_page + 1
            yield segment, buffer
    finally:
        dossier.painter.release()
    dossier.total_pages = next_page - 1


def _render_segment(dossier: Dossier, segment: Segment, first_page: int) -> tuple[io.BytesIO, int]:
    """The segment's PDF and its last page number; reportlab's document is freed on return."""
    buffer = io.BytesIO()
    template = DossierTemplate(buffer, dossier, first_page)
    try:
        template.build(list(segment.story()))
    except LayoutError as e:
        raise ExportError("the dossier layout failed") from e
    buffer.seek(0)
    return buffer, template.last_page


def settle_page_numbers(dossier: Dossier) -> None:
    """Lay out until the page numbers printed in the index and footers match where things landed.

    They are only known after layout, and printing them could move pages, so a layout whose numbers
    differ from the previous one is repeated (the idea of reportlab's multiBuild). These are dry runs
    (`painter.quality` None): they draw no images, and the final render lays out the same pages.
    """
    for _ in range(_MAX_LAYOUT_PASSES):
        before = dossier.layout_state()
        for _segment in render_segments(dossier):
            pass
        if dossier.layout_state() == before:
            return
    raise ExportError("page numbers did not settle after repeated layout passes")


def _front_matter(dossier: Dossier) -> Iterator[Flowable]:
    yield from _cover(dossier)
    yield PageBreak()
    yield from _index(dossier)
    yield PageBreak()
    yield from _timeline(dossier)


def _exhibits(dossier: Dossier, indexes: range) -> Iterator[Flowable]:
    for index in indexes:
        if index != indexes.start:
            yield PageBreak()
        yield from _exhibit(dossier, index + 1, dossier.request.exhibits[index])


def _appendices(dossier: Dossier) -> Iterator[Flowable]:
    yield from _ocr_appendix(dossier)
    yield PageBreak()
    yield from _manifest(dossier)


def _section(dossier: Dossier, key: str, title: str, level: int = 0) -> Iterator[Flowable]:
    yield OutlineAnchor(key, title, level, dossier.bookmarks)
    yield WrappedText(title, dossier.styles.heading)


def _table(rows: list[list[Flowable]], widths: list[float], header: bool) -> Table:
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    else:
        style += [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f7"))]
    return Table(rows, colWidths=widths, style=TableStyle(style), repeatRows=1 if header else 0,
                 splitInRow=1, hAlign="LEFT")


def _key_value_table(dossier: Dossier, pairs: list[tuple[str, str]], width: float = FRAME.width,
                     label_width: float = 44 * mm) -> Table:
    """Label/value rows of plain text."""
    cell = dossier.styles.cell
    rows: list[list[Flowable]] = [[WrappedText(k, cell), WrappedText(v or dossier.labels.none, cell)]
                                  for k, v in pairs]
    return _table(rows, [label_width, width - label_width], header=False)


def _paragraphs(text: str, style: ParagraphStyle) -> Iterator[Paragraph]:
    for line in text.splitlines():
        if line.strip():
            yield WrappedText(line, style)


def _cover(dossier: Dossier) -> Iterator[Flowable]:
    request, labels, styles, mask = dossier.request, dossier.labels, dossier.styles, dossier.redactor.text
    yield OutlineAnchor("cover", labels.cover, 0, dossier.bookmarks)
    yield Spacer(1, 20 * mm)
    yield WrappedText(labels.dossier, styles.title)
    yield WrappedText(mask(request.case_title), styles.subtitle)
    pairs = [(labels.case_title, mask(request.case_title))]
    if request.case_number:
        pairs.append((labels.case_number, request.case_number))
    for role, party in ((labels.complainant, request.complainant), (labels.respondent, request.respondent)):
        pairs += [(f"{role} · {label}", mask(value)) for label, value in
                  ((labels.name, party.name), (labels.phone, party.phone), (labels.address, party.address))
                  if value.strip()]
    if request.channel.strip():
        pairs.append((labels.channel, mask(request.channel)))
    pairs += [
        (labels.generated_at, dossier.time(request.generated_at.isoformat(timespec="seconds"))),
        (labels.exhibit_count, str(len(request.exhibits))),
        (labels.audit_head, request.audit_head_hash),
    ]
    if request.signer_fingerprint:
        pairs.append((labels.signer_fingerprint, request.signer_fingerprint))
    yield _key_value_table(dossier, pairs)
    yield Spacer(1, 2 * mm)
    yield WrappedText(labels.times_note, styles.small)
    yield WrappedText(labels.audit_head_explained, styles.small)
    if dossier.options.redact:
        yield WrappedText(labels.redacted_notice, styles.small)
    for heading, text in ((labels.claim, request.claim), (labels.facts, request.facts)):
        if text.strip():  # an empty heading reads as a missing part
            yield WrappedText(heading, styles.subheading)
            yield from _paragraphs(mask(text), styles.body)


def _index(dossier: Dossier) -> Iterator[Flowable]:
    """证据目录 as courts and regulators expect it.

    Columns follow the evidence list practice under the Civil Procedure Law (the court's receipt
    names each exhibit, its page count and whether it is an original or a copy) and the SPC Provisions
    on Evidence in Civil Procedure (2019), art. 15: a printout taken directly from electronic data
    counts as the original, hence 电子原件 for exhibits printed from the vault's originals.
    """
    request, labels, styles = dossier.request, dossier.labels, dossier.styles
    mask = dossier.redactor.text
    yield from _section(dossier, "index", labels.index)
    case = labels.pair(labels.case_title, mask(request.case_title))
    if request.case_number:
        case += "　　" + labels.pair(labels.case_number, request.case_number)
    yield WrappedText(case, styles.body)
    yield Spacer(1, 3 * mm)
    header = [labels.col_number, labels.col_name, labels.col_source, labels.col_formed, labels.col_key_info,
              labels.col_purpose, labels.col_original, labels.col_page]
    rows: list[list[Flowable]] = [[WrappedText(h, styles.cell_header) for h in header]]
    cell = styles.cell
    for number, exhibit in enumerate(request.exhibits, start=1):
        original = labels.electronic_original if exhibit.is_original else labels.printout
        facts = index_facts(exhibit.fields, labels, dossier.redactor.field_value)
        if exhibit.selection_id is not None:
            facts.insert(0, _picked_rows(labels, exhibit))
        rows.append([WrappedText(text, cell) for text in (
            dossier.exhibit_no(number), mask(exhibit.title), mask(exhibit.source),
            dossier.time(exhibit.formed_at or exhibit.captured_at), "\n".join(facts) or labels.none,
            mask(exhibit.purpose), original, dossier.pages_of(exhibit_key(number)))])
    # 关键信息 is the widest column: an order number and its label stay on one line (issue #14).
    widths = [w * mm for w in _INDEX_WIDTHS[labels.lang]]
    widths.append(FRAME.width - sum(widths))
    yield _table(rows, widths, header=True)
    yield Spacer(1, 10 * mm)
    # The evidence list is signed and dated by the submitter (提交人签名、注明提交日期).
    blank = "_" * 24
    yield KeepTogether(WrappedText(f"{labels.signature} {blank}　　{labels.signature_date} {blank}", styles.body))


def _picked_rows(labels: Labels, exhibit: Exhibit) -> str:
    """'第 18、20、25–27 行，共 5 条': a selection's rows as the index cites them."""
    rows = [r.row for r in exhibit.records or ()]
    runs = labels.row_separator.join(str(a) if a == b else f"{a}–{b}" for a, b in row_runs(rows))
    return labels.picked_rows.format(rows=runs, count=len(rows))


def _timeline(dossier: Dossier) -> Iterator[Flowable]:
    labels, styles, cell = dossier.labels, dossier.styles, dossier.styles.cell
    yield from _section(dossier, "timeline", labels.timeline)
    events = sorted((e for e in dossier.request.events if e.when.strip()),
                    key=lambda e: (sort_key(e.when), e.exhibit_index or 0))
    rows: list[list[Flowable]] = [[WrappedText(h, styles.cell_header)
                                   for h in (labels.col_when, labels.col_event, labels.col_exhibit)]]
    count = len(dossier.request.exhibits)
    for event in events:
        target = labels.none
        if event.exhibit_index is not None and 1 <= event.exhibit_index <= count:
            target = dossier.exhibit_no(event.exhibit_index)
            pages = dossier.pages_of(exhibit_key(event.exhibit_index))
            if pages:
                target += labels.in_parentheses(f"{labels.col_page}\u00a0{pages}")
        when = format_time(event.when, labels.lang, labels.none, seconds=False)
        rows.append([WrappedText(when, cell), WrappedText(dossier.redactor.text(event.description), cell),
                     WrappedText(target, cell)])
    yield _table(rows, [34 * mm, FRAME.width - 64 * mm, 30 * mm], header=True)


def _caption_pairs(dossier: Dossier, exhibit: Exhibit) -> list[tuple[str, str]]:
    labels, mask = dossier.labels, dossier.redactor.text
    facts = caption_facts(exhibit.fields, labels, dossier.redactor.field_value)
    return [
        (labels.original_name, mask(exhibit.original_name)),
        ("SHA-256", exhibit.sha256),
        (labels.col_source, mask(exhibit.source)),
        (labels.col_purpose, mask(exhibit.purpose)),
        (labels.formed_at, dossier.time(exhibit.formed_at)),
        (labels.captured_at, dossier.time(exhibit.captured_at)),
        (labels.imported_at, dossier.time(exhibit.imported_at)),
        (labels.key_fields, "\n".join(facts)),
    ]


def side_image_width(probes: tuple[PageProbe, ...]) -> float | None:
    """Width of a one-page portrait screenshot shown beside its caption, or None to stack them.

    A phone screenshot then takes one page with its caption instead of a caption page and an
    image page (issue #14); taller captures are cut into full-width slices instead.
    """
    if len(probes) != 1 or probes[0].height < _PORTRAIT * probes[0].width:
        return None
    probe = probes[0]
    width = min(SIDE_IMAGE_SHARE * FRAME.width, (FRAME.height - _HEADING_ROOM) * probe.width / probe.height)
    return width if width >= SIDE_IMAGE_MIN * FRAME.width else None


def _exhibit(dossier: Dossier, number: int, exhibit: Exhibit) -> Iterator[Flowable]:
    labels, mask = dossier.labels, dossier.redactor.text
    if number == 1:
        yield OutlineAnchor("exhibits", labels.exhibits, 0, dossier.bookmarks)
    title = f"{dossier.exhibit_no(number)}　{mask(exhibit.title)}"
    key = exhibit_key(number)
    yield from _section(dossier, key, title, level=1)
    scan = dossier.scans[number - 1]
    continued = f"{dossier.exhibit_no(number)}{labels.continued}"
    side = side_image_width(scan.probes)
    if side is not None:
        image = ExhibitImage(dossier.painter, number - 1, 0, FrameSize(side, FRAME.height - _HEADING_ROOM), continued)
        gap = 4 * mm
        caption_width = FRAME.width - side - gap
        caption = _key_value_table(dossier, _caption_pairs(dossier, exhibit), caption_width, 20 * mm)
        yield Table([[image, Spacer(gap, 0), caption]], colWidths=[side, gap, caption_width], hAlign="LEFT", style=TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 8),  # else the table sets Helvetica, which is never embedded
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *((padding, (0, 0), (-1, -1), 0) for padding in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING",
                                                              "BOTTOMPADDING")),
        ]))
    elif exhibit.selection_id is not None:
        yield from _selection(dossier, number, exhibit)
    elif exhibit.records is not None:
        yield _key_value_table(dossier, _caption_pairs(dossier, exhibit))
        yield Spacer(1, 3 * mm)
        yield WrappedText(labels.records_shown.format(total=exhibit.record_total, shown=len(exhibit.records)),
                          dossier.styles.small)
        yield Spacer(1, 2 * mm)
        yield _records_table(dossier, exhibit)
    else:
        yield _key_value_table(dossier, _caption_pairs(dossier, exhibit))
        yield Spacer(1, 3 * mm)
        for page_index in range(len(scan.probes)):
            if page_index:  # between pages only: after an image that fills the page it would open a blank one
                yield Spacer(1, 2 * mm)
            yield ExhibitImage(dossier.painter, number - 1, page_index, FRAME, continued,
                               is_continuation=page_index > 0)
    yield PageMark(key, dossier.last_pages)


_BILL_WIDTHS = (9, 20, 20, 22, 8, 16, 12)
"""mm for row, time, counterparty, description, in/out, amount, status; the numbers take the rest, one per
line, so a 28-digit transaction number stays whole."""
_CHAT_WIDTHS = (9, 22, 24)
"""mm for row, time and sender; the message takes the rest."""
_INVOICE_WIDTHS = (9, 44, 40, 20)
"""mm for line, 项目名称, 销售方 and 金额; 规格型号, 数量, 单价, 税率 and 税额 take the rest."""


_TRANSCRIPT_ROW_WIDTH = 16 * mm
_OWN_MESSAGE = colors.HexColor("#e8f1e4")


def _records_table(dossier: Dossier, exhibit: Exhibit) -> Table:
    """A bill's rows or a chat's messages, each with its line number in the source file (issue #16)."""
    labels, styles, mask = dossier.labels, dossier.styles, dossier.redactor.text
    records = exhibit.records or ()
    chat, invoice = exhibit.kind == "chat", exhibit.kind == "invoice"
    header = labels.chat_columns if chat else labels.invoice_columns if invoice else labels.bill_columns
    rows: list[list[Flowable]] = [[WrappedText(h, styles.cell_header) for h in header]]
    for record in records:
        if chat:
            cells = (str(record.row), dossier.time(record.time), record.sender, record.text or record.media)
        elif invoice:  # the lines of an e-invoice: no time, direction, status or numbers of their own
            cells = (str(record.row), record.description, record.counterparty, record.amount, record.note)
        else:
            numbers = "\n".join(n for n in (record.transaction_no, record.order_no) if n)
            cells = (str(record.row), dossier.time(record.time), record.counterparty, record.description,
                     str(record.direction), record.amount, record.status, numbers)
        rows.append([WrappedText(mask(text) or labels.none, styles.small) for text in cells])
    fixed = [w * mm for w in (_CHAT_WIDTHS if chat else _INVOICE_WIDTHS if invoice else _BILL_WIDTHS)]
    rest = FRAME.width - sum(fixed)
    return _table(rows, [*fixed, rest], header=True)


def _transcript(dossier: Dossier, exhibit: Exhibit) -> Table:
    """Picked chat messages as they read in a chat: time and sender over the text, the person's own shaded."""
    labels, styles, mask = dossier.labels, dossier.styles, dossier.redactor.text
    rows: list[list[Flowable | list[Flowable]]] = []
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, _GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for n, record in enumerate(exhibit.records or ()):
        sender = mask(record.sender) + (labels.me if record.is_me else "")
        head = "　".join(part for part in (dossier.time(record.time), sender) if part)
        rows.append([WrappedText(labels.row_no.format(row=record.row), styles.small),
                     [WrappedText(head, styles.small), WrappedText(mask(record.text or record.media) or labels.none,
                                                                   styles.body)]])
        if record.is_me:
            style.append(("BACKGROUND", (0, n), (-1, n), _OWN_MESSAGE))
    return Table(rows, colWidths=[_TRANSCRIPT_ROW_WIDTH, FRAME.width - _TRANSCRIPT_ROW_WIDTH],
                 style=TableStyle(style), splitInRow=1, hAlign="LEFT")


def original_place(dossier: Dossier, index: int) -> str:
    """Where a selection's whole original is attached: with this exhibit or the item's first one; '' unattached."""
    if not dossier.attaching:
        return ""
    scan = dossier.scans[index]
    if scan.attached_here(index):
        return dossier.labels.original_here.format(name=scan.attachment_name)
    return dossier.labels.original_elsewhere.format(exhibit=dossier.exhibit_no(scan.attached_by + 1),
                                                    name=scan.attachment_name)


def _selection(dossier: Dossier, number: int, exhibit: Exhibit) -> Iterator[Flowable]:
    """Rows the user picked (vault.selections): exactly those, cited by row, with the file they come from."""
    labels, styles, mask = dossier.labels, dossier.styles, dossier.redactor.text
    # An export file has no capture time, and its facts are the rows below: no empty lines for them.
    pairs = [(k, v) for k, v in _caption_pairs(dossier, exhibit)
             if v not in ("", labels.none) or k not in (labels.captured_at, labels.key_fields)]
    place = original_place(dossier, number - 1)
    if place:
        pairs.insert(2, (labels.original_file, place))
    yield _key_value_table(dossier, pairs)
    yield Spacer(1, 3 * mm)
    shown = len(exhibit.records or ())
    yield WrappedText(labels.records_picked.format(total=exhibit.record_total, shown=shown), styles.small)
    yield Spacer(1, 2 * mm)
    yield _transcript(dossier, exhibit) if exhibit.kind == "chat" else _records_table(dossier, exhibit)
    yield Spacer(1, 2 * mm)
    yield WrappedText(labels.picked_from.format(shown=shown, name=mask(exhibit.original_name), sha256=exhibit.sha256),
                      styles.small)


def _ocr_appendix(dossier: Dossier) -> Iterator[Flowable]:
    labels, styles = dossier.labels, dossier.styles
    yield from _section(dossier, "ocr", labels.appendix_ocr)
    for number, exhibit in enumerate(dossier.request.exhibits, start=1):
        title = f"{dossier.exhibit_no(number)}　{dossier.redactor.text(exhibit.title)}"
        yield WrappedText(title, styles.subheading)
        if exhibit.records is not None:  # a bill, chat or invoice file: its text is the rows printed above
            yield WrappedText(labels.rows_need_no_ocr, styles.small)
            continue
        text = exhibit.ocr_text or "\n".join(line.text for line in exhibit.ocr_lines)
        text = "\n".join(line for line in dossier.redactor.text(text).splitlines() if line.strip())
        yield WrappedText(text or labels.no_ocr_text, styles.small)


def _manifest(dossier: Dossier) -> Iterator[Flowable]:
    """SHA-256 of every original next to the name it is attached under, and how to check it."""
    labels, styles, cell = dossier.labels, dossier.styles, dossier.styles.cell
    yield from _section(dossier, "manifest", labels.manifest)
    header = (labels.col_exhibit, labels.col_file, "SHA-256", labels.col_size, labels.col_attached)
    rows: list[list[Flowable]] = [[WrappedText(h, styles.cell_header) for h in header]]
    for number, (exhibit, scan) in enumerate(zip(dossier.request.exhibits, dossier.scans), start=1):
        if dossier.attaching and not scan.attached_here(number - 1):
            attached = labels.attached_with.format(exhibit=dossier.exhibit_no(scan.attached_by + 1))
        elif dossier.attaching:
            attached = labels.pair(labels.attached, scan.attachment_name)
        else:
            attached = labels.not_attached_redacted if dossier.options.redact else labels.not_attached
        rows.append([WrappedText(text, cell) for text in (
            dossier.exhibit_no(number), dossier.redactor.text(exhibit.original_name), exhibit.sha256,
            f"{scan.size:,}", dossier.redactor.text(attached))])
    widths = [16 * mm, 36 * mm, 62 * mm, 20 * mm]
    widths.append(FRAME.width - sum(widths))
    yield _table(rows, widths, header=True)
    yield Spacer(1, 4 * mm)
    yield WrappedText(labels.pair(labels.audit_head, dossier.request.audit_head_hash), styles.body)
    yield WrappedText(labels.audit_head_explained, styles.small)
    if dossier.request.signer_fingerprint:
        yield WrappedText(labels.pair(labels.signer_fingerprint, dossier.request.signer_fingerprint), styles.body)
    yield Spacer(1, 3 * mm)
    # Without attachments only the hashing and comparing steps apply.
    steps = labels.manifest_how_to if dossier.attaching else (labels.manifest_without_originals,
                                                               *labels.manifest_how_to[2:])
    for step in steps:
        yield WrappedText(step, styles.body)

"""build_dossier: the one entry point of the export package."""
from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config

from export.errors import DossierTooLarge, ExportCancelled, ExportError
from export.flowables import ExhibitPainter
from export.images import QUALITY_STEPS, page_count, probe_page, render_page
from export.texts import labels_for
from export.layout import Dossier, ExhibitScan, render_segments, settle_page_numbers
from export.request import DossierRequest, Exhibit, ExportOptions, ExportResult
from export.originals import load_verified
from export.output import DocumentInfo, SegmentFiles, atomic_file, finish_pdf, remove_stale_parts, sign_dossier
from export.redaction import Redactor

# Path separators, characters Windows refuses, C0/C1 controls, and the bidi controls that make a
# name read differently than it is (U+202E, UAX #9); none of them belongs in a saved file's name.
_UNSAFE_NAME = re.compile('[\x00-\x1f\x7f-\x9f/\\\\:*?"<>|\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]')
# Well under the 255-byte file name limit of ext4, NTFS and APFS, so `pdfdetach -saveall` can
# write every attachment; the full original name stays in the integrity manifest.
MAX_ATTACHMENT_NAME_BYTES = 120
_MAX_EXTENSION_BYTES = 16


class _Progress:
    """Reports monotonic (done, total) steps: scan, layout, draw and attach each exhibit, save."""

    def __init__(self, exhibits: int, callback: Callable[[int, int], None] | None) -> None:
        self.total = 3 * exhibits + 2
        self.done = 0
        self.reported = -1
        self.callback = callback

    def step(self) -> None:
        self.done += 1
        if self.callback and self.done > self.reported:
            self.reported = self.done
            self.callback(min(self.done, self.total), self.total)

    def restart_at(self, done: int) -> None:
        """Steps of a retry are not reported again, so progress never goes backwards."""
        self.done = done


def _utf8_prefix(text: str, size: int) -> str:
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def attachment_name(number: int, exhibit: Exhibit) -> str:
    """Unique, filesystem-safe name an original is embedded under, e.g. '003_订单详情.png'.

    At most MAX_ATTACHMENT_NAME_BYTES in UTF-8; a long name is shortened before its extension.
    """
    name = f"{number:03d}_{_UNSAFE_NAME.sub('_', exhibit.original_name) or 'original'}"
    if len(name.encode("utf-8")) <= MAX_ATTACHMENT_NAME_BYTES:
        return name
    stem, dot, extension = name.rpartition(".")
    suffix = (dot + extension).encode("utf-8")
    if not dot or len(suffix) > _MAX_EXTENSION_BYTES:
        return _utf8_prefix(name, MAX_ATTACHMENT_NAME_BYTES)
    return _utf8_prefix(stem, MAX_ATTACHMENT_NAME_BYTES - len(suffix)) + dot + extension


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Turn off reportlab's ASCII85 wrapping (a global switch) while building: it adds 25 % to images."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _scan(exhibit: Exhibit, number: int, index: int) -> ExhibitScan:
    data = load_verified(exhibit)
    if exhibit.records is not None:  # a bill or chat export is printed as its rows, not drawn
        return ExhibitScan((), len(data), attachment_name(number, exhibit), index)
    probes = tuple(probe_page(render_page(data, exhibit.media_type, i))
                   for i in range(page_count(data, exhibit.media_type)))
    return ExhibitScan(probes, len(data), attachment_name(number, exhibit), index)


def _scan_all(request: DossierRequest, step: Callable[[], None]) -> list[ExhibitScan]:
    """Each exhibit's scan; a further selection of an item already scanned shares that exhibit's original."""
    scans: list[ExhibitScan] = []
    first_of_item: dict[int, int] = {}
    for index, exhibit in enumerate(request.exhibits):
        holder = first_of_item.setdefault(exhibit.item_id, index) if exhibit.selection_id is not None else index
        if holder == index:  # attachment names carry 证据N of the whole set
            scans.append(_scan(exhibit, index + request.first_exhibit_number, index))
        else:
            scans.append(replace(scans[holder], attached_by=holder))
        step()
    return scans


def build_dossier(
    request: DossierRequest,
    options: ExportOptions,
    out_path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Compile the dossier PDF at `out_path`, atomically; see ExportOptions for the choices.

    Memory does not grow with the number of exhibits: decoded pixels are held one exhibit page at a
    time, and the document is rendered in segments of a few exhibits that are parked encrypted on
    disk (see SegmentFiles) and joined by qpdf, which streams them into the final file.
    """
    is_cancelled = cancelled or (lambda: False)

    def check_cancel() -> None:
        if is_cancelled():
            raise ExportCancelled("export cancelled")

    if request.generated_at.tzinfo is None:
        raise ExportError("generated_at must carry a time zone")
    labels = labels_for(options.lang)
    tracker = _Progress(len(request.exhibits), progress)
    out_path = Path(out_path)
    remove_stale_parts(out_path)
    with atomic_file(out_path) as handle, _binary_streams():
        def scanned() -> None:
            check_cancel()
            tracker.step()

        check_cancel()
        scans = _scan_all(request, scanned)
        redactor = Redactor(options.redact, request)
        painter = ExhibitPainter(request.exhibits, tuple(s.probes for s in scans), redactor, is_cancelled,
                                 lambda _index: tracker.step())
        dossier = Dossier(request, options, labels, redactor, tuple(scans), painter)
        settle_page_numbers(dossier)  # dry runs: painter.quality is None, so no image is drawn
        tracker.step()
        _write_within_budget(dossier, handle, out_path, tracker, check_cancel)
        check_cancel()
        signature = sign_dossier(handle, options.signing, options.password) if options.signing else None
        size = handle.tell()
        handle.seek(0)
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    tracker.step()
    return ExportResult(out_path, digest, size, dossier.total_pages, signature)


SIGNATURE_RESERVE = 24_000
"""Bytes the signature adds after the size check (pyHanko's CMS placeholder and the incremental update)."""
TIMESTAMP_RESERVE = 12_000
"""And an RFC 3161 token with the TSA's certificates, when a timestamp is asked for."""


def signature_reserve(options: ExportOptions) -> int:
    """Room left under `max_size` for what signing appends once the size is met."""
    if options.signing is None:
        return 0
    return SIGNATURE_RESERVE + (TIMESTAMP_RESERVE if options.signing.tsa is not None else 0)


def _write_within_budget(dossier: Dossier, handle: BinaryIO, out_path: Path, tracker: _Progress,
                         check_cancel: Callable[[], None]) -> int:
    """Write the PDF at the best image quality step that fits `max_size`; returns its size."""
    options = dossier.options
    attached = [s for i, s in enumerate(dossier.scans) if s.attached_here(i)] if dossier.attaching else []
    attached_size = sum(s.size for s in attached)
    if options.max_size is not None and attached_size >= options.max_size:
        raise DossierTooLarge(f"the attached originals alone take {attached_size} bytes, more than the "
                              f"limit of {options.max_size}; export without attachments", attached_size,
                              attachments_alone=True)
    steps = QUALITY_STEPS if options.max_size is not None else QUALITY_STEPS[:1]
    budget = None if options.max_size is None else options.max_size - signature_reserve(options)
    after_layout = tracker.done
    for quality in steps:
        tracker.restart_at(after_layout)
        dossier.painter.quality = quality
        handle.seek(0)
        handle.truncate()
        _write_once(dossier, handle, out_path, tracker, check_cancel)
        size = handle.tell()
        if budget is None or size <= budget:
            return size
    needed = size + (options.max_size - budget)
    raise DossierTooLarge(f"the dossier needs {needed} bytes (its signature included) even at the legibility floor "
                          f"({quality.max_dpi} dpi, JPEG quality {quality.jpeg_quality}), more than the limit of "
                          f"{options.max_size}", needed)


def _write_once(dossier: Dossier, handle: BinaryIO, out_path: Path, tracker: _Progress,
                check_cancel: Callable[[], None]) -> None:
    """Render every segment with images, then join them into `handle`."""
    request, mask = dossier.request, dossier.redactor.text
    settled = dossier.layout_state()
    with SegmentFiles(out_path) as parts:
        for segment, plain_pdf in render_segments(dossier):
            check_cancel()
            attachments = [(request.exhibits[i], dossier.scans[i].attachment_name) for i in segment.exhibits
                           if dossier.scans[i].attached_here(i)] if dossier.attaching else []
            parts.add(plain_pdf, attachments, tracker.step)
        if dossier.layout_state() != settled:
            raise ExportError("page numbers moved between layout and drawing")
        check_cancel()
        info = DocumentInfo(title=mask(request.case_title), author=mask(request.author),
                            subject=dossier.labels.dossier, creator=request.author, created=request.generated_at)
        finish_pdf(parts, handle, info, dossier.bookmarks.values(), dossier.options.password,
                   request.signer_fingerprint)

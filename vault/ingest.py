"""The import workflow both front ends run: find files, store them, then read them.

`ingest` reports its stage as a `Stage` and what the person should know as `Notice` codes with
parameters, never as sentences: the CLI words them in English, the GUI in its interface language
(the style Paperless-ngx's consumer uses for its status updates). The store takes bytes; this
workflow takes paths.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from ocr.engines import DEFAULT_ENGINE, available_engines
from ocr.errors import OcrEngineUnavailable
from ocr.extract.filenames import capture_time_from_name
from ocr.pages import is_pdf
from vault.evidence import ImportOutcome, ImportStatus, Item, OcrState
from vault.media import sniff_media_type
from vault.ocr_jobs import JOBS_IN_FLIGHT_PER_WORKER, KeptPool, OcrJob, OcrOutcome, WorkerPool, run_jobs, worker_count
from vault.store import Vault

Progress = Callable[[int, int, str], None]
"""progress(done, total, current file or item name)."""


class Stage(StrEnum):
    """Where an ingest is, for the front end's progress line."""

    FINDING = "finding"
    """Walking the folders given (slow for a big folder on a slow disk)."""
    STORING = "storing"
    """Checking and storing each file in the vault; done files are committed."""
    READING = "reading"
    """OCR of the newly stored files."""


StageProgress = Callable[[Stage, int, int, str], None]
"""progress(stage, done, total, current file or item name)."""


class NoticeCode(StrEnum):
    """Something a person should know about an ingest that is neither an outcome nor a failure."""

    ENGINE_REPLACED = "engine_replaced"
    """params: requested, used — the engine asked for is not installed, another one read the files."""
    NO_ENGINE = "no_engine"
    """No OCR engine is installed: the files are stored and can be read later."""


@dataclass(frozen=True, slots=True)
class Notice:
    code: NoticeCode
    params: Mapping[str, str] = field(default_factory=dict)


def _never() -> bool:
    return False


def _quiet(done: int, total: int, name: str) -> None:
    """Default progress callback: report nothing."""


def _ignore(outcome: ImportOutcome) -> None:
    """Default callback for each stored file: nothing."""


def _files_below(folder: Path) -> Iterator[Path]:
    """Every non-hidden file below `folder`, as the file system lists them."""
    return (p for p in folder.rglob("*")
            if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files given directly, plus every non-hidden file below each folder, in name order."""
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(_files_below(path)) if path.is_dir() else [path])
    return files


def files_in(paths: Iterable[Path]) -> Iterator[Path]:
    """The files of expand_paths(paths), found one by one and unsorted: for a look that may stop at the
    first one (start_workers_for during a drag) without walking the whole of a large folder."""
    for path in map(Path, paths):
        yield from _files_below(path) if path.is_dir() else (path,)


def import_paths(
    vault: Vault,
    case_id: int,
    paths: Sequence[Path],
    kind: str | None = None,
    progress: Progress = _quiet,
    cancelled: Callable[[], bool] = _never,
    password: str | None = None,
    chat_name: str = "",
    stored: Callable[[ImportOutcome], None] = _ignore,
) -> list[ImportOutcome]:
    """Import each file in its own transaction; stops between files when cancelled.

    Bill and chat exports are stored with their rows (Vault.import_bytes); `password` opens
    their ZIP. `stored` sees each file's outcome as soon as it is committed."""
    outcomes: list[ImportOutcome] = []
    for done, path in enumerate(paths):
        if cancelled():
            break
        progress(done, len(paths), path.name)
        outcomes.append(vault.import_file(case_id, path, kind=kind, password=password, chat_name=chat_name))
        stored(outcomes[-1])
    vault.checkpoint()  # the .evault file alone now holds every import, even if the app is killed later
    progress(len(outcomes), len(paths), "")
    return outcomes


def reference_for(item: Item) -> tuple[str, str]:
    """The moment of capture that relative and year-less dates count back from, and where it came from.

    In order (issue #10): the time in the file name (a copied or downloaded file's mtime is the day
    of copying, its name is not), EXIF, the file's mtime, the import. Dates printed on the page
    itself come first, but extraction finds those. A name time after the import is impossible.
    """
    named = capture_time_from_name(item.original_name)
    if named is not None and named <= datetime.fromisoformat(item.imported_at):
        return named.isoformat(), "filename"
    if item.captured_at:
        return item.captured_at, "exif"
    if item.source_mtime:
        return item.source_mtime, "mtime"
    return item.imported_at, "import"


def choose_engine(requested: str | None = None) -> tuple[str, Notice | None]:
    """(engine name, notice): the requested or default engine, else the one installed."""
    installed = available_engines()
    wanted = requested or DEFAULT_ENGINE
    if wanted in installed:
        return wanted, None
    if not installed:
        raise OcrEngineUnavailable("no OCR engine is installed (RapidOCR or Tesseract); run 'make setup'")
    return installed[0], Notice(NoticeCode.ENGINE_REPLACED, {"requested": wanted, "used": installed[0]})


@dataclass
class OcrReport:
    engine: str
    done: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    cancelled: bool = False


def job_for(vault: Vault, item: Item) -> OcrJob:
    reference, source = reference_for(item)
    return OcrJob(item.id, vault.original(item.id), item.media_type, reference, source)


def reading_order(items: Iterable[Item]) -> list[Item]:
    """PDFs first (their first page's size says nothing of their reading time), then images by
    pixels, largest first, so the longest job starts while the others keep the other workers busy
    instead of running alone at the end. A 1080x20000 capture stored after ten screenshots was read
    last, by one of two workers while the other sat idle: that import took 23.0-24.2 s, now
    20.7-21.0 s (four alternating runs each, onnxruntime on a 2-core EPYC); 16 screenshots of
    similar sizes take as long as before."""
    return sorted(items, key=lambda item: (not is_pdf(item.media_type), -(item.width or 0) * (item.height or 0)))


def _jobs(vault: Vault, items: Sequence[Item]) -> Iterator[OcrJob]:
    """Originals loaded one at a time, as the workers ask for them."""
    for item in items:
        yield job_for(vault, item)


def run_ocr(
    vault: Vault,
    item_ids: Sequence[int],
    engine: str,
    progress: Progress = _quiet,
    cancelled: Callable[[], bool] = _never,
    workers: int | None = None,
    backend: str | None = None,
    pool: WorkerPool | None = None,
    started: Mapping[Future[OcrOutcome], OcrJob] | None = None,
) -> OcrReport:
    """OCR the items in worker processes and store lines, fields and the guessed kind.

    `backend` is RapidOCR's inference runtime (None: the one that suits this machine); `pool`, workers
    of `engine` started earlier (None: new ones); `started`, jobs of some of the items already
    submitted to `pool`."""
    items = [vault.item(i) for i in item_ids]
    names = {item.id: item.original_name for item in items}
    report = OcrReport(engine)
    if not items:
        return report
    progress(0, len(items), "")
    submitted = {job.item_id for job in (started or {}).values()}
    rest = _jobs(vault, reading_order(item for item in items if item.id not in submitted))
    for outcome in run_jobs(engine, rest, len(items), cancelled, workers, backend=backend, pool=pool, started=started):
        if outcome.error:
            vault.mark_ocr(outcome.item_id, OcrState.FAILED, engine, outcome.error)
            report.failed[outcome.item_id] = outcome.error
        else:
            vault.store_ocr_result(outcome.item_id, engine, outcome.lines, outcome.fields, outcome.kind)
            report.done.append(outcome.item_id)
        progress(len(report.done) + len(report.failed), len(items), names[outcome.item_id])
    report.cancelled = len(report.done) + len(report.failed) < len(items)
    vault.checkpoint()
    return report


def items_needing_ocr(vault: Vault, retry_failed: bool = True) -> list[int]:
    states = {OcrState.PENDING, OcrState.FAILED} if retry_failed else {OcrState.PENDING}
    return [item.id for item in vault.items() if item.ocr_state in states]


def _quiet_stage(stage: Stage, done: int, total: int, name: str) -> None:
    """Default stage progress callback: report nothing."""


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How an ingest stores and reads: the front ends fill it from their arguments or settings."""

    kind: str | None = None
    """The kind every file is stored as; None lets OCR guess it."""
    read: bool = True
    """OCR the files once stored."""
    engine: str | None = None
    """The OCR engine asked for; None: the default engine."""
    backend: str | None = None
    """RapidOCR's inference runtime; None: the one that suits this machine."""
    workers: int | None = None
    zip_password: str | None = field(default=None, repr=False)
    """Opens the ZIP a bill is mailed in; used in memory while reading, never stored or logged."""
    chat_name: str = ""
    """The person's own name in chats they paste, so their messages are marked as theirs."""


@dataclass
class IngestReport:
    """Every file's outcome, the OCR report (None when nothing was read) and the notices."""

    outcomes: list[ImportOutcome]
    ocr: OcrReport | None = None
    notices: list[Notice] = field(default_factory=list)

    def with_status(self, status: ImportStatus) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def imported_ids(self) -> list[int]:
        return [o.item_id for o in self.with_status(ImportStatus.IMPORTED) if o.item_id is not None]


def read_items(
    vault: Vault,
    item_ids: Sequence[int],
    requested_engine: str | None = None,
    progress: Progress = _quiet,
    cancelled: Callable[[], bool] = _never,
    workers: int | None = None,
    backend: str | None = None,
    pool: WorkerPool | None = None,
    started: Mapping[Future[OcrOutcome], OcrJob] | None = None,
) -> tuple[OcrReport | None, list[Notice]]:
    """OCR stored items with the requested engine or a replacement; (None, [NO_ENGINE]) without any.

    `pool` holds workers started earlier for the engine choose_engine picks, `started` the jobs of
    some of the items already submitted to it."""
    try:
        engine, notice = choose_engine(requested_engine)
    except OcrEngineUnavailable:
        return None, [Notice(NoticeCode.NO_ENGINE)]
    report = run_ocr(vault, item_ids, engine, progress, cancelled, workers, backend, pool, started)
    return report, [notice] if notice else []


def _stage(stage: Stage, progress: StageProgress) -> Progress:
    return lambda done, total, name: progress(stage, done, total, name)


def _read_stored(
    vault: Vault,
    outcomes: list[ImportOutcome],
    options: IngestOptions,
    progress: StageProgress,
    cancelled: Callable[[], bool],
    ahead: _WorkersAhead,
) -> IngestReport:
    report = IngestReport(outcomes)
    pending = set(items_needing_ocr(vault, retry_failed=False))  # a bill, chat or invoice file is never OCR'd
    to_read = [i for i in report.imported_ids if i in pending]
    if not options.read or not to_read or cancelled():
        return report
    report.ocr, report.notices = read_items(
        vault, to_read, options.engine, _stage(Stage.READING, progress), cancelled, options.workers,
        options.backend, ahead.pool, ahead.started,
    )
    return report


PEEK_BYTES = 16
"""Enough of a file's head to tell a picture or PDF (vault.media.sniff_media_type)."""


def _starts_like_a_page(path: Path) -> bool:
    """True when the file's first bytes are a picture's or a PDF's: the only files OCR reads."""
    try:
        with path.open("rb") as file:
            return sniff_media_type(file.read(PEEK_BYTES)) is not None
    except OSError:
        return False  # the import itself reports the unreadable file


def start_workers_for(files: Iterable[Path], options: IngestOptions, kept: KeptPool) -> None:
    """Start `kept`'s OCR workers now when an ingest of `files` to come may have pages to read.

    For a front end that knows files are coming: the CLI before it derives the key, the window while
    files are dragged over it. The workers' start-up (a spawned interpreter and the model loads, about
    2 s with OpenVINO) then overlaps the key derivation and the storing, or the rest of the drag
    (issue #13). Started for nothing when every page turns out to be a duplicate, they are let go
    with `kept`."""
    if not options.read or not any(map(_starts_like_a_page, files)):
        return
    try:
        engine = choose_engine(options.engine)[0]
    except OcrEngineUnavailable:
        return  # the ingest says so
    kept.get(engine, options.backend)


class _WorkersAhead:
    """OCR workers started as soon as a stored file needs reading, so their start-up and model loads
    (about 1 s with OpenVINO) overlap the storing of the files after it (issue #13), and given the
    first files to read while the rest are stored. None start for an ingest with nothing to read
    (reading off, duplicates, bill exports, no engine). With a `kept` pool, its workers are used
    (and left running) instead of new ones.

    Only the reading starts early: results are written once every file is stored, so a cancel or a
    crash while reading leaves all of them stored, as before."""

    def __init__(self, vault: Vault, options: IngestOptions, files: int, kept: KeptPool | None = None) -> None:
        self.vault, self.options, self.files, self.kept = vault, options, files, kept
        self.pool: WorkerPool | None = None
        self.started: dict[Future[OcrOutcome], OcrJob] = {}
        try:
            self.engine: str | None = choose_engine(options.engine)[0] if options.read else None
        except OcrEngineUnavailable:
            self.engine = None

    def stored(self, outcome: ImportOutcome) -> None:
        if self.engine is None or outcome.status != ImportStatus.IMPORTED or outcome.item_id is None:
            return
        if self.pool is not None and len(self.started) >= JOBS_IN_FLIGHT_PER_WORKER * self.pool.workers:
            return
        item = self.vault.item(outcome.item_id)
        if item.ocr_state != OcrState.PENDING:
            return
        if self.pool is None:
            self.pool = self._start_pool(self.engine)
        job = job_for(self.vault, item)
        self.started[self.pool.submit(job)] = job

    def _start_pool(self, engine: str) -> WorkerPool:
        backend, workers = self.options.backend, self.options.workers
        if self.kept is not None:
            return self.kept.get(engine, backend)
        return WorkerPool(engine, backend, workers or worker_count(engine, self.files, backend))

    def __enter__(self) -> _WorkersAhead:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for future in self.started:  # not read after all (cancelled, failed): what has not begun is withdrawn
            future.cancel()
        if self.pool is not None and self.kept is None:
            self.pool.shutdown()


def ingest(
    vault: Vault,
    case_id: int,
    paths: Iterable[Path],
    options: IngestOptions = IngestOptions(),
    progress: StageProgress = _quiet_stage,
    cancelled: Callable[[], bool] = _never,
    kept: KeptPool | None = None,
) -> IngestReport:
    """Files and folders into a case: expand, store each file, then OCR what is new (with the `kept`
    pool's workers when the caller keeps some between ingests)."""
    progress(Stage.FINDING, 0, 0, "")
    files = expand_paths(paths)
    with _WorkersAhead(vault, options, len(files), kept) as ahead:
        outcomes = import_paths(vault, case_id, files, options.kind, _stage(Stage.STORING, progress), cancelled,
                                options.zip_password, options.chat_name, ahead.stored)
        return _read_stored(vault, outcomes, options, progress, cancelled, ahead)


def ingest_pasted(
    vault: Vault,
    case_id: int,
    data: bytes,
    name: str,
    options: IngestOptions = IngestOptions(),
    progress: StageProgress = _quiet_stage,
    cancelled: Callable[[], bool] = _never,
    kept: KeptPool | None = None,
) -> IngestReport:
    """A pasted image or chat text (bytes with a made-up name) into a case, then OCR it as `ingest` does."""
    progress(Stage.STORING, 0, 1, name)
    with _WorkersAhead(vault, options, 1, kept) as ahead:
        outcome = vault.import_bytes(case_id, data, name, kind=options.kind, chat_name=options.chat_name)
        ahead.stored(outcome)
        vault.checkpoint()
        return _read_stored(vault, [outcome], options, progress, cancelled, ahead)

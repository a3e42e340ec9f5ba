"""The import workflow shared by the CLI and the GUI: store files first, then read them."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ocr.engines import DEFAULT_ENGINE, available_engines
from ocr.errors import OcrEngineUnavailable
from ocr.extract.filenames import capture_time_from_name
from vault.models import ImportOutcome, Item, OcrState
from vault.ocr_jobs import OcrJob, run_jobs
from vault.store import Vault

DEFAULT_CASE_TITLE = "我的投诉"
"""The case an import creates in a vault that has none, so evidence can be stored at once."""

Progress = Callable[[int, int, str], None]
"""progress(done, total, current file or item name)."""


def _never() -> bool:
    return False


def _quiet(done: int, total: int, name: str) -> None:
    """Default progress callback: report nothing."""


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files given directly, plus every non-hidden file below each folder, in name order."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(
                sorted(
                    p for p in path.rglob("*")
                    if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            files.append(path)
    return files


def import_paths(
    vault: Vault,
    case_id: int,
    paths: Sequence[Path],
    kind: str | None = None,
    progress: Progress = _quiet,
    cancelled: Callable[[], bool] = _never,
) -> list[ImportOutcome]:
    """Import each file in its own transaction; stops between files when cancelled."""
    outcomes: list[ImportOutcome] = []
    for done, path in enumerate(paths):
        if cancelled():
            break
        progress(done, len(paths), path.name)
        outcomes.append(vault.import_file(case_id, path, kind=kind))
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


def choose_engine(requested: str | None = None) -> tuple[str, str | None]:
    """(engine name, warning): the requested or default engine, else the one installed."""
    installed = available_engines()
    wanted = requested or DEFAULT_ENGINE
    if wanted in installed:
        return wanted, None
    if not installed:
        raise OcrEngineUnavailable("no OCR engine is installed (RapidOCR or Tesseract); run 'make setup'")
    return installed[0], f"OCR engine {wanted!r} is not installed; using {installed[0]!r} instead"


@dataclass
class OcrReport:
    engine: str
    done: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    cancelled: bool = False


def _jobs(vault: Vault, items: Sequence[Item]) -> Iterator[OcrJob]:
    """Originals loaded one at a time, as the workers ask for them."""
    for item in items:
        reference, source = reference_for(item)
        yield OcrJob(item.id, vault.original(item.id), item.media_type, reference, source)


def run_ocr(
    vault: Vault,
    item_ids: Sequence[int],
    engine: str,
    progress: Progress = _quiet,
    cancelled: Callable[[], bool] = _never,
    workers: int | None = None,
) -> OcrReport:
    """OCR the items in worker processes and store lines, fields and the guessed kind."""
    items = [vault.item(i) for i in item_ids]
    names = {item.id: item.original_name for item in items}
    report = OcrReport(engine)
    if not items:
        return report
    progress(0, len(items), "")
    for outcome in run_jobs(engine, _jobs(vault, items), len(items), cancelled, workers):
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

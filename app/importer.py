"""Background import then OCR, with one progress panel and one summary at the end."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from app import settings
from app.texts import notice_text, rejection_text
from app.tasks import Task
from vault.ingest import (
    IngestOptions, IngestReport, Stage, StageProgress, files_in, ingest, ingest_pasted, start_workers_for,
)
from vault.evidence import ImportOutcome, ImportStatus, Item
from vault.likeness import look_alikes_of_new
from vault.ocr_jobs import KeptPool
from vault.store import Vault

Ingest = Callable[[StageProgress, Callable[[], bool]], IngestReport]
"""One queued ingest, given the stage progress and cancel check of the task that runs it."""
LookAlikes = dict[int, list[Item]]
"""For each new picture (by item id), the case's earlier pictures it looks like."""
Queued = Callable[[StageProgress, Callable[[], bool]], tuple[IngestReport, LookAlikes]]
KEEP_WORKERS_MS = 120_000
"""OCR workers stay this long after an import, so the next drop or paste is read without their start-up."""


NOTES_SHOWN = 5
"""Look-alike hints and notices the summary box lists itself; with more, all of them are behind its
Show Details button. A box listing the 80-odd look-alikes of 100 generated screenshots took 50-60 ms
to open, the window's longest stall in bench/gui_latency.py, and was too long to read."""


class ImportPanel(QWidget):
    """Runs one import at a time (later ones wait in line); hidden when idle."""

    items_changed = Signal()
    finished = Signal()
    """Import and OCR of everything queued are over (the summary has been shown)."""
    _stage_reached = Signal(str)
    """Emitted from the pool thread; queued, so it reaches the GUI thread before the progress after it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(260)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.task: Task | None = None
        self._stage = Stage.FINDING
        self._stage_reached.connect(self._enter_stage)
        self._queue: list[Queued] = []
        self._outcomes: list[ImportOutcome] = []
        self._ocr_failures = 0
        self._notes: list[str] = []
        self.last_summary = ""
        self.workers = KeptPool()
        self._close_after = False
        self._idle = QTimer(self, singleShot=True, interval=KEEP_WORKERS_MS)
        self._idle.timeout.connect(self.close_workers)
        self.hide()

    def busy(self) -> bool:
        return self.task is not None

    def import_files(self, vault: Vault, case_id: int, paths: list[Path]) -> None:
        options = self._options()
        self._enqueue(vault, case_id, lambda progress, cancelled: ingest(vault, case_id, paths, options, progress,
                                                                         cancelled, self.workers))

    def import_bytes(self, vault: Vault, case_id: int, data: bytes, name: str) -> None:
        """A pasted picture or chat text; in a chat, the case's complainant is the person whose messages are 我."""
        options = self._options()

        def work(progress: StageProgress, cancelled: Callable[[], bool]) -> IngestReport:
            me = replace(options, chat_name=vault.case(case_id).complainant_name)
            return ingest_pasted(vault, case_id, data, name, me, progress, cancelled, self.workers)

        self._enqueue(vault, case_id, work)

    def prepare_for(self, paths: list[Path]) -> None:
        """Start the OCR workers while files are dragged over the window, so that their start-up
        (about 2 s: a spawned interpreter and the model loads) overlaps the rest of the drag; off the
        GUI thread, as folders are walked (until their first picture). Let go after KEEP_WORKERS_MS if
        nothing is dropped."""
        options = self._options()
        if not options.read or self.workers.running:
            return
        if self.task is None and not self._queue:
            self._idle.start()
        QThreadPool.globalInstance().start(lambda: start_workers_for(files_in(paths), options, self.workers))

    @staticmethod
    def _options() -> IngestOptions:
        """The settings as they are when the files arrive."""
        return IngestOptions(
            read=bool(settings.OCR_AFTER_IMPORT.get()),
            engine=settings.OCR_ENGINE.get() or None,
            backend=settings.OCR_BACKEND.get() or None,
        )

    def _enqueue(self, vault: Vault, case_id: int, ingest_work: Ingest) -> None:
        """Queue the ingest, followed in the same task by the look-alike check of what it imported."""
        self._idle.stop()

        def work(progress: StageProgress, cancelled: Callable[[], bool]) -> tuple[IngestReport, LookAlikes]:
            report = ingest_work(progress, cancelled)
            return report, look_alikes_of_new(vault, case_id, report.imported_ids)

        self._queue.append(work)
        if self.task is None:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self._finish()
            return
        work = self._queue.pop(0)
        self.show()
        self._enter_stage(Stage.FINDING)

        def run(progress: Callable[[int, int, str], None],
                cancelled: Callable[[], bool]) -> tuple[IngestReport, LookAlikes]:
            reached = Stage.FINDING

            def report(stage: Stage, done: int, total: int, name: str) -> None:
                nonlocal reached
                if stage != reached:
                    reached = stage
                    self._stage_reached.emit(stage.value)
                progress(done, total, name)

            return work(report, cancelled)

        self.task = Task(run)
        self.task.progressed.connect(self._progress)
        self.task.succeeded.connect(self._ingested)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _enter_stage(self, stage: str) -> None:
        self._stage = Stage(stage)
        if self._stage == Stage.READING:
            self.items_changed.emit()  # the stored files show while their text is read
        self.label.setText(self.tr("Reading text…") if self._stage == Stage.READING else self.tr("Importing…"))
        self.bar.setRange(0, 0)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        stage = self.tr("Reading text") if self._stage == Stage.READING else self.tr("Importing")
        self.label.setText(self.tr("%1 %2 of %3: %4").replace("%1", stage).replace("%2", str(min(done + 1, total)))
                           .replace("%3", str(total)).replace("%4", name))

    def _ingested(self, result: object) -> None:
        assert isinstance(result, tuple)
        report, alikes = result
        self._outcomes += report.outcomes
        self._notes += [self._look_alike_hint(outcome.name, alikes[outcome.item_id])
                        for outcome in report.with_status(ImportStatus.IMPORTED) if outcome.item_id in alikes]
        self._ocr_failures += len(report.ocr.failed) if report.ocr else 0
        self._notes += [notice_text(notice) for notice in report.notices]
        self._done()

    def _look_alike_hint(self, name: str, alikes: list[Item]) -> str:
        """A hint, never a refusal: the same picture saved again is often a copy, but the user decides."""
        shown = "、".join(f"“{item.title or item.original_name}”" for item in alikes[:3])
        return self.tr("%1 looks like %2 already in this case (the same picture saved again?). It was imported; "
                       "delete one if it is a copy.").replace("%1", f"“{name}”").replace("%2", shown)

    def _failed(self, error: object) -> None:
        self._notes.append(str(error))
        self._done()

    def _done(self) -> None:
        self.task = None
        self.items_changed.emit()
        self._next()

    def cancel(self) -> None:
        """Stop after the current file; what is already stored stays."""
        self._queue.clear()
        if self.task is not None:
            self.task.cancel()
            self.label.setText(self.tr("Stopping…"))

    def close_workers(self) -> None:
        """Let the kept OCR workers go (idle, or the vault locks), off the GUI thread; an import under way
        keeps them until it is over."""
        self._idle.stop()
        if self.task is None and not self._queue:
            QThreadPool.globalInstance().start(self.workers.close)
        else:
            self._close_after = True

    def _finish(self) -> None:
        self.hide()
        if self._close_after:
            self._close_after = False
            self.close_workers()
        elif self.workers.running:
            self._idle.start()
        outcomes, self._outcomes = self._outcomes, []
        failures, self._ocr_failures = self._ocr_failures, 0
        notes, self._notes = self._notes, []
        self.last_summary = self._summary(outcomes, failures, notes)
        problems = [o for o in outcomes if o.status != ImportStatus.IMPORTED]
        if problems or failures or notes:
            shown = self._summary(outcomes, failures, notes[:NOTES_SHOWN])
            if len(notes) > NOTES_SHOWN:
                shown += "\n" + self.tr("…and %n more under Show Details.", "", len(notes) - NOTES_SHOWN)
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import finished"), shown,
                              QMessageBox.StandardButton.Ok, self.window())
            if len(notes) > NOTES_SHOWN:
                box.setDetailedText("\n".join(notes))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        self.finished.emit()

    def _summary(self, outcomes: list[ImportOutcome], ocr_failures: int, notes: list[str]) -> str:
        imported = sum(o.status == ImportStatus.IMPORTED for o in outcomes)
        lines = [self.tr("%n file(s) imported.", "", imported)]
        duplicates = [o.name for o in outcomes if o.status == ImportStatus.DUPLICATE]
        if duplicates:
            lines.append(self.tr("%n already in this case, skipped:", "", len(duplicates)) + " " + "、".join(duplicates))
        for outcome in (o for o in outcomes if o.status == ImportStatus.REJECTED):
            reason = rejection_text(outcome.reason, outcome.detail)
            lines.append(self.tr("Not imported: %1 (%2)").replace("%1", outcome.name).replace("%2", reason))
        if ocr_failures:
            lines.append(self.tr("Text could not be read from %n file(s); you can type the fields in.", "", ocr_failures))
        lines += notes
        return "\n".join(lines)

"""Background import then OCR, with one progress panel and one summary at the end."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from app import settings
from app.labels import rejection_text
from app.tasks import Task
from ocr.errors import OcrError
from vault.ingest import OcrReport, choose_engine, expand_paths, import_paths, run_ocr
from vault.models import ImportOutcome, ImportStatus
from vault.store import Vault

ImportWork = Callable[[Callable[[int, int, str], None], Callable[[], bool]], list[ImportOutcome]]


class ImportPanel(QWidget):
    """Runs one import at a time (later ones wait in line); hidden when idle."""

    items_changed = Signal()
    finished = Signal()
    """Import and OCR of everything queued are over (the summary has been shown)."""

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
        self.vault: Vault | None = None
        self.task: Task | None = None
        self._queue: list[tuple[int, ImportWork]] = []
        self._outcomes: list[ImportOutcome] = []
        self._ocr_failures = 0
        self._notes: list[str] = []
        self.last_summary = ""
        self.hide()

    def busy(self) -> bool:
        return self.task is not None

    def import_files(self, vault: Vault, case_id: int, paths: list[Path]) -> None:
        self.vault = vault

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> list[ImportOutcome]:
            files = expand_paths(paths)  # walking a big folder is slow too, so it runs here
            return import_paths(vault, case_id, files, progress=progress, cancelled=cancelled)

        self._enqueue(case_id, work)

    def import_bytes(self, vault: Vault, case_id: int, data: bytes, name: str) -> None:
        self.vault = vault
        self._enqueue(case_id, lambda progress, cancelled: [vault.import_bytes(case_id, data, name)])

    def _enqueue(self, case_id: int, work: ImportWork) -> None:
        self._queue.append((case_id, work))
        if self.task is None:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self._finish()
            return
        _, work = self._queue.pop(0)
        self.show()
        self.label.setText(self.tr("Importing…"))
        self.bar.setRange(0, 0)
        self._run(Task(work), self._imported)

    def _run(self, task: Task, on_success: Callable[[object], None]) -> None:
        self.task = task
        task.progressed.connect(self._progress)
        task.succeeded.connect(on_success)
        task.failed.connect(self._failed)
        task.start()

    def _progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        stage = self.tr("Reading text") if self._ocr_running else self.tr("Importing")
        self.label.setText(self.tr("%1 %2 of %3: %4").replace("%1", stage).replace("%2", str(min(done + 1, total)))
                           .replace("%3", str(total)).replace("%4", name))

    @property
    def _ocr_running(self) -> bool:
        return bool(self.task and self.task.property("ocr"))

    def _imported(self, outcomes: object) -> None:
        assert isinstance(outcomes, list) and self.vault is not None
        self._outcomes += outcomes
        self.items_changed.emit()
        ids = [o.item_id for o in outcomes if o.status == ImportStatus.IMPORTED and o.item_id is not None]
        if not ids or self.task is None or self.task.is_cancelled() or not settings.OCR_AFTER_IMPORT.get():
            self.task = None
            self._next()
            return
        try:
            engine, warning = choose_engine(settings.OCR_ENGINE.get() or None)
        except OcrError as e:
            self._notes.append(str(e))
            self.task = None
            self._next()
            return
        if warning:
            self._notes.append(warning)
        vault = self.vault
        task = Task(lambda progress, cancelled: run_ocr(vault, ids, engine, progress, cancelled))
        task.setProperty("ocr", True)
        self.label.setText(self.tr("Reading text…"))
        self._run(task, self._read)

    def _read(self, report: object) -> None:
        assert isinstance(report, OcrReport)
        self._ocr_failures += len(report.failed)
        self.task = None
        self.items_changed.emit()
        self._next()

    def _failed(self, error: object) -> None:
        self._notes.append(str(error))
        self.task = None
        self.items_changed.emit()
        self._next()

    def cancel(self) -> None:
        """Stop after the current file; what is already stored stays."""
        self._queue.clear()
        if self.task is not None:
            self.task.cancel()
            self.label.setText(self.tr("Stopping…"))

    def _finish(self) -> None:
        self.hide()
        outcomes, self._outcomes = self._outcomes, []
        failures, self._ocr_failures = self._ocr_failures, 0
        notes, self._notes = self._notes, []
        self.last_summary = self._summary(outcomes, failures, notes)
        problems = [o for o in outcomes if o.status != ImportStatus.IMPORTED]
        if problems or failures or notes:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import finished"), self.last_summary,
                              QMessageBox.StandardButton.Ok, self.window())
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

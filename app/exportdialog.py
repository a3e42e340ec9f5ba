"""Export dialog: choose and order exhibits, name them, fill the cover, set options, build the PDF."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.dialogs import CaseDialog
from app.texts import kind_label, short_time
from app.qtmodels import Roles
from app.session import VaultSession
from app.tasks import Task
from export.errors import DossierTooLarge, ExhibitUnreadable, ExportCancelled, ExportError, IntegrityMismatch
from export.from_vault import export_case
from export.order import ExhibitOrder, exhibit_order
from export.presets import Preset, export_each, export_in_parts
from export.signing import TimestampState, TsaSettings
from export.request import ExportOptions, ExportResult
from ocr.types import FieldType
from vault.evidence import Case, Item
from vault.exhibit_order import set_manual_order
from vault.selections import Selection, case_selections
from vault.store import Vault

TITLE_ROLE = Roles.SORT_KEY
PURPOSE_ROLE = Roles.EVENT_TIME
"""The exhibit list keeps each exhibit's name and 证明目的 in its items, so reordering carries them."""


class ExportDialog(QDialog):
    """Runs export_case through the vault session; the vault records the export in its audit log.

    The case and its items come from what the window shows, so opening the dialog reads nothing.
    """

    def __init__(self, session: VaultSession, case: Case, items: list[Item], parent: QWidget | None = None,
                 manual: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export dossier"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.case_id = case.id
        self.items = {item.id: item for item in items}
        self.task: Task | None = None
        self.result: ExportResult | None = None
        self.selections: dict[int, list[Selection]] = {}
        """Rows picked of a bill or chat, by item: read after the dialog opens."""

        self.exhibits = QStandardItemModel(self)
        self._time_order = [item.id for item in exhibit_order(items, ExhibitOrder.TIME)]
        for item in exhibit_order(items, ExhibitOrder.MANUAL, manual):
            entry = QStandardItem(self._entry_text(item.title or kind_label(item.kind), item))
            entry.setData(item.id, Roles.ITEM_ID)
            entry.setData(item.title, TITLE_ROLE)
            entry.setData(item.purpose, PURPOSE_ROLE)
            entry.setCheckable(True)
            entry.setCheckState(Qt.CheckState.Checked)
            entry.setDropEnabled(False)
            entry.setEditable(False)
            self.exhibits.appendRow(entry)
        self.exhibit_view = QListView(objectName="exhibits")
        self.exhibit_view.setModel(self.exhibits)
        self.exhibit_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.exhibit_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.exhibit_view.selectionModel().currentChanged.connect(self._exhibit_selected)
        self.exhibit_title = QLineEdit(placeholderText=self.tr("Default: by kind"))
        self.exhibit_purpose = QLineEdit(placeholderText=self.tr("Default: by kind"))
        self.exhibit_title.textEdited.connect(lambda text: self._set_current(TITLE_ROLE, text))
        self.exhibit_purpose.textEdited.connect(lambda text: self._set_current(PURPOSE_ROLE, text))
        exhibit_form = QFormLayout()
        exhibit_form.addRow(self.tr("Exhibit name"), self.exhibit_title)
        exhibit_form.addRow(self.tr("Purpose (证明目的)"), self.exhibit_purpose)
        exhibits_box = QGroupBox(self.tr("Exhibits: tick to include, drag to reorder"))
        exhibits_layout = QVBoxLayout(exhibits_box)
        exhibits_layout.addWidget(self.exhibit_view)
        exhibits_layout.addLayout(exhibit_form)

        self.cover = dict(CaseDialog.values_of(case))
        cover_button = QPushButton(self.tr("Cover details…"), objectName="coverDetails")
        cover_button.clicked.connect(self._edit_cover)
        self.cover_summary = QLabel(wordWrap=True)
        self._show_cover()

        self.language = QComboBox(objectName="exportLanguage")
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.redact = QCheckBox(self.tr("Hide phone, ID and card numbers (redacted copy)"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password, placeholderText=self.tr("Optional"))
        self.attachments = QCheckBox(self.tr("Attach the original files inside the PDF"), checked=True)
        self.max_size = QSpinBox(suffix=" MB", maximum=500)
        self.max_size.setSpecialValueText(self.tr("No limit"))
        self.max_size.setToolTip(self.tr("1 MB = 1,000,000 bytes, as upload forms count"))
        self.out_path = QLineEdit(str(documents_folder() / f"{case.title}-证据材料.pdf"), objectName="outPath")
        # Trusted timestamp (issue #15): no address is built in; without one the dossier is signed only.
        self.tsa_url = QLineEdit(settings.TSA_URL.get(), objectName="tsaUrl",
                                 placeholderText=self.tr("Optional: an RFC 3161 timestamp server"))
        self.tsa_root = QLineEdit(settings.TSA_ROOT.get(), objectName="tsaRoot",
                                  placeholderText=self.tr("Optional: its CA certificate (PEM)"))
        later = QPushButton(self.tr("Add a timestamp to an earlier dossier…"), objectName="addTimestamp")
        later.clicked.connect(self._timestamp_later)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_path)
        out_row.addWidget(browse)
        options = QGroupBox(self.tr("Options"))
        options_form = QFormLayout(options)
        options_form.addRow(self.tr("Language"), self.language)
        options_form.addRow("", self.redact)
        options_form.addRow(self.tr("PDF password"), self.password)
        options_form.addRow("", self.attachments)
        options_form.addRow(self.tr("Size limit"), self.max_size)
        self.preset = QComboBox(objectName="outputPreset")
        for text, preset in ((self.tr("One file"), Preset.WHOLE),
                             (self.tr("Parts within the size limit (numbered on)"), Preset.PARTS),
                             (self.tr("One file per exhibit"), Preset.EACH)):
            self.preset.addItem(text, preset)
        self.preset.setToolTip(self.tr("Upload forms such as 12315 take single files of a few MB"))
        options_form.addRow(self.tr("Files"), self.preset)
        options_form.addRow(self.tr("Timestamp server (TSA)"), self.tsa_url)
        options_form.addRow(self.tr("TSA root certificate"), self.tsa_root)
        options_form.addRow("", later)
        options_form.addRow(self.tr("Save as"), out_row)
        cover_box = QGroupBox(self.tr("Cover"))
        cover_layout = QVBoxLayout(cover_box)
        cover_layout.addWidget(self.cover_summary)
        cover_layout.addWidget(cover_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel(wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export PDF"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(cover_box)
        right.addWidget(options)
        right.addStretch()
        columns = QHBoxLayout()
        columns.addWidget(exhibits_box, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(960, 620)
        if self.exhibits.rowCount():
            self.exhibit_view.setCurrentIndex(self.exhibits.index(0, 0))
        self.session.read(lambda vault: case_selections(vault, case.id), self._show_selections)

    def _entry_text(self, title: str, item) -> str:  # type: ignore[no-untyped-def]
        when = short_time(item.event_time())
        numbers = "、".join(item.values(FieldType.ORDER_NO)[:2])
        text = "  ·  ".join(p for p in (title, when, numbers, item.original_name) if p)
        picked = self.selections.get(item.id)
        if picked:  # the dossier prints each picked set as an exhibit of its own, in this entry's place
            names = "、".join(f"“{s.title}”" if s.title else self.tr("untitled") for s in picked)
            text += "\n    " + self.tr("%n exhibit(s), one per set of picked rows: %1", "", len(picked)).replace(
                "%1", names)
        return text

    def _show_selections(self, by_item: dict[int, list[Selection]]) -> None:
        self.selections = by_item
        for row in range(self.exhibits.rowCount()):
            entry = self.exhibits.item(row)
            item = self.items[entry.data(Roles.ITEM_ID)]
            if item.id in by_item:
                entry.setText(self._entry_text(entry.data(TITLE_ROLE) or kind_label(item.kind), item))
        self._exhibit_selected()

    def _exhibit_selected(self) -> None:
        index = self.exhibit_view.currentIndex()
        self.exhibit_title.setText(index.data(TITLE_ROLE) or "" if index.isValid() else "")
        self.exhibit_purpose.setText(index.data(PURPOSE_ROLE) or "" if index.isValid() else "")
        picked = index.isValid() and index.data(Roles.ITEM_ID) in self.selections
        self.exhibit_purpose.setEnabled(not picked)  # each picked set states its own 证明目的
        self.exhibit_title.setPlaceholderText(
            self.tr("Name of picked sets without a title of their own") if picked else self.tr("Default: by kind"))

    def _set_current(self, role: int, text: str) -> None:
        index = self.exhibit_view.currentIndex()
        if not index.isValid():
            return
        self.exhibits.setData(index, text, role)
        if role == TITLE_ROLE:
            item = self.items[index.data(Roles.ITEM_ID)]
            self.exhibits.setData(index, self._entry_text(text or kind_label(item.kind), item))

    def _show_cover(self) -> None:
        c = self.cover
        lines = [c.get("title", ""), self.tr("Complainant: %1").replace("%1", c.get("complainant_name", "") or "—"),
                 self.tr("Respondent: %1").replace("%1", c.get("respondent", "") or "—")]
        self.cover_summary.setText("\n".join(lines))

    def _edit_cover(self) -> None:
        dialog = CaseDialog(None, self)
        dialog.setWindowTitle(self.tr("Cover details (this export only)"))
        for name, widget in dialog.inputs.items():
            value = self.cover.get(name, "")
            widget.setPlainText(value) if hasattr(widget, "setPlainText") else widget.setText(value)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # open(), not exec(): a nested event loop would let the export or a lock run underneath it
        dialog.finished.connect(lambda result: self._cover_edited(dialog.values()) if result else None)
        dialog.open()

    def _cover_edited(self, values: dict[str, str]) -> None:
        self.cover = values
        self._show_cover()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save dossier"), self.out_path.text(), "PDF (*.pdf)")
        if chosen:
            self.out_path.setText(chosen)

    def chosen(self) -> list[tuple[int, str, str]]:
        """(item id, name, purpose) of the ticked exhibits in list order."""
        rows = (self.exhibits.item(row) for row in range(self.exhibits.rowCount()))
        return [
            (entry.data(Roles.ITEM_ID), entry.data(TITLE_ROLE) or "", entry.data(PURPOSE_ROLE) or "")
            for entry in rows if entry.checkState() == Qt.CheckState.Checked
        ]

    def options(self) -> ExportOptions:
        return ExportOptions(
            lang=self.language.currentData(),
            redact=self.redact.isChecked(),
            password=self.password.text() or None,
            attachments=self.attachments.isChecked(),
            max_size=self.max_size.value() * MEGABYTE or None,
        )

    def tsa(self) -> TsaSettings | None:
        url = self.tsa_url.text().strip()
        if not url:
            return None
        if not url.startswith(("http://", "https://")):
            raise ValueError(self.tr("the timestamp server must be an http:// or https:// address"))
        root = self.tsa_root.text().strip()
        tsa = TsaSettings(url, (Path(root).expanduser().read_bytes(),) if root else ())
        settings.TSA_URL.set(url)
        settings.TSA_ROOT.set(root)
        return tsa

    def _timestamp_later(self) -> None:
        from app.timestampdialog import TimestampDialog

        dialog = TimestampDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def start(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self.status.setText(self.tr("Tick at least one exhibit."))
            return
        out = Path(self.out_path.text()).expanduser()
        if out.parent == documents_folder():
            out.parent.mkdir(parents=True, exist_ok=True)  # a fresh profile may have no Documents folder yet
        case_id, options = self.case_id, self.options()
        try:
            tsa = self.tsa()
        except (OSError, ValueError) as e:
            self.status.setText(self.tr("Cannot use the timestamp settings: %1").replace("%1", str(e)))
            return
        preset = self.preset.currentData()
        if preset == Preset.PARTS and not options.max_size:
            self.status.setText(self.tr("Set a size limit for the parts."))
            return
        ids = [item_id for item_id, _, _ in chosen]
        listed = [self.exhibits.item(row).data(Roles.ITEM_ID) for row in range(self.exhibits.rowCount())]
        keep_order = listed != self._time_order  # dragged: the CLI's --order manual numbers them the same
        shared = dict(
            item_ids=ids, titles={item_id: title for item_id, title, _ in chosen if title},
            purposes={item_id: purpose for item_id, _, purpose in chosen if purpose},
            cover={k: v for k, v in self.cover.items() if k != "notes"}, tsa=tsa,
        )
        self.export_button.setEnabled(False)
        self.progress.show()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Building the PDF…"))

        def export_set(vault: Vault, progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> object:
            if keep_order:
                set_manual_order(vault, case_id, listed)
            step = {"progress": lambda done, total: progress(done, total, ""), "cancelled": cancelled}
            if preset == Preset.EACH:
                return export_each(vault, case_id, out, options, **step, **shared)
            if preset == Preset.PARTS:
                return export_in_parts(vault, case_id, out, options, options.max_size, **step, **shared)
            return export_case(vault, case_id, out, options, **step, **shared)

        self.task = self.session.run(export_set, self._done, self._failed, writes=True)
        if self.task is not None:
            self.task.progressed.connect(self._progress)

    def _progress(self, done: int, total: int, _: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, outcome: object) -> None:
        results = outcome if isinstance(outcome, list) else [outcome]
        assert results and all(isinstance(r, ExportResult) for r in results)
        self.task = None
        self.result = results[0]
        self.progress.hide()
        self.saved_box = self._tell_saved(results)
        self.accept()

    def _tell_saved(self, results: list[ExportResult]) -> QMessageBox:
        """Where the dossier was written, with buttons that open it or its folder (the window outlives this dialog)."""
        result = results[0]
        if len(results) == 1:
            text = self.tr("The dossier was saved as %1 (%2 pages). The export is recorded in the vault's log.") \
                .replace("%1", str(result.path)).replace("%2", str(result.pages))
        else:
            text = self.tr("The dossier was saved as %n files in %1: %2. Each export is recorded in the vault's log.",
                           "", len(results)).replace("%1", str(result.path.parent)).replace(
                               "%2", "、".join(r.path.name for r in results))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export dossier"),
                          text + "".join(self._timestamp_note(r) for r in results[:1]),
                          QMessageBox.StandardButton.Close, self.parentWidget())
        box.setObjectName("exportSaved")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for text, target, name in ((self.tr("Open the PDF"), result.path, "openDossier"),
                                   (self.tr("Open its folder"), result.path.parent, "openDossierFolder")):
            button = box.addButton(text, QMessageBox.ButtonRole.ActionRole)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, target=target: QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(target))))
        box.open()
        return box

    def _timestamp_note(self, result: ExportResult) -> str:
        """待加时间戳: the TSA did not answer; the dossier is signed and can be timestamped later."""
        if result.signature is None or result.signature.timestamp != TimestampState.PENDING:
            return ""
        return " " + self.tr("The timestamp server did not give a timestamp (%1): the dossier is signed, and "
                             "'evidence-vault timestamp' adds the timestamp later.").replace(
                                 "%1", result.signature.timestamp_problem)

    def _failed(self, error: object) -> None:
        self.task = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.status.setText(self.failure_text(error))

    def failure_text(self, error: object) -> str:
        """What went wrong and what the user can do, in the interface language."""
        if isinstance(error, DossierTooLarge) and error.attachments_alone:
            return self.tr("The attached originals alone take %1 MB, more than the size limit. Untick “Attach "
                           "the original files inside the PDF” or raise the limit.").replace(
                "%1", _megabytes(error.smallest_size))
        if isinstance(error, DossierTooLarge):
            return self.tr("Even at the lowest legible image quality the dossier needs %1 MB, more than the size "
                           "limit. Raise the limit or choose fewer exhibits.").replace("%1", _megabytes(error.smallest_size))
        if isinstance(error, IntegrityMismatch):
            return self.tr("An original no longer matches the SHA-256 recorded when it was imported, so it was "
                           "not exported. Run “Verify vault” to see which.")
        if isinstance(error, ExhibitUnreadable):
            return self.tr("An exhibit's original could not be read as an image or PDF.")
        if isinstance(error, ExportError) and not isinstance(error, ExportCancelled):
            return self.tr("The dossier could not be written to %1. Check that the folder exists, that you may "
                           "write to it and that the disk has free space.").replace("%1", self.out_path.text())
        return self.tr("The dossier could not be built: %1").replace("%1", str(error))

    def reject(self) -> None:
        """Cancel a running export first; the dialog closes when it has stopped."""
        if self.task is not None:
            self.task.cancel()
            self.task.done.connect(super().reject)
            self.status.setText(self.tr("Stopping…"))
            return
        super().reject()


def documents_folder() -> Path:
    """The user's documents folder (platformdirs: XDG on Linux, the known folder on Windows and macOS)."""
    return Path(platformdirs.user_documents_dir())


MEGABYTE = 10**6
"""What upload forms (12315, regulators) mean by MB, and what the CLI's --max-size counts."""


def _megabytes(size: int) -> str:
    return f"{size / MEGABYTE:.1f}"

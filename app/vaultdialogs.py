"""Dialogs for vault-wide work: a new passphrase, an encrypted backup, an item's audit history."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.history import audit_sentence, entry_time, entry_tooltip
from app.unlock import MIN_PASSPHRASE_LENGTH
from vault.audit import AuditEntry
from vault.passphrase import passphrase_problem


class _TwicePassphraseDialog(QDialog):
    """A passphrase typed twice; OK stays disabled until both match and are long enough."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit(objectName="passphrase", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="repeat", echoMode=QLineEdit.EchoMode.Password)
        self.problem = QLabel(objectName="error")
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.passphrase, self.repeat):
            field.textChanged.connect(self._check)

    def _check(self) -> None:
        text, repeat = self.passphrase.text(), self.repeat.text()
        # An explicit context: PySide looks up self.tr() under the subclass's name, which misses
        # numerus strings declared in this base class.
        # Nothing is wrong with a field nobody has typed in yet: the problem is named once there is text.
        if passphrase_problem(text) is not None:
            problem = QCoreApplication.translate(
                "PassphraseFields", "Too short: use at least %n characters.", "", MIN_PASSPHRASE_LENGTH
            ) if text else ""
        elif text != repeat:
            problem = QCoreApplication.translate("PassphraseFields", "The two passphrases differ.") if repeat else ""
        else:
            problem = ""
        self.problem.setText(problem)
        complete = passphrase_problem(text) is None and text == repeat
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._ready() and complete)

    def _ready(self) -> bool:
        return True

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._check()
        super().showEvent(event)

    def done(self, result: int) -> None:
        super().done(result)
        for field in (self.passphrase, self.repeat):
            field.clear()  # the passphrase lives only as long as the dialog is open


class ChangePassphraseDialog(_TwicePassphraseDialog):
    """The new passphrase for the open vault (which proves the old one), typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change passphrase"))
        self.new_passphrase = ""
        note = QLabel(self.tr(
            "The vault is re-encrypted under the new passphrase. There is no way to recover it: "
            "write it down and keep it safe. Backups made earlier still open with the old one."
        ), wordWrap=True)
        self.form.addRow(note)
        self.form.addRow(self.tr("New passphrase"), self.passphrase)
        self.form.addRow(self.tr("Repeat"), self.repeat)

    def accept(self) -> None:
        self.new_passphrase = self.passphrase.text()
        super().accept()


class BackupDialog(_TwicePassphraseDialog):
    """Where to write an encrypted backup and the passphrase that will open it (asked each time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Back up vault"))
        self.target: Path | None = None
        self.backup_passphrase = ""
        self.file = QLineEdit(objectName="backupFile")
        self.file.textChanged.connect(self._check)
        browse = QPushButton(self.tr("Choose…"), objectName="chooseBackupFile")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        note = QLabel(self.tr(
            "The backup is a complete encrypted copy of the vault. Type the vault's passphrase again: "
            "it opens the backup and is not stored anywhere."
        ), wordWrap=True)
        self.form.addRow(note)
        self.form.addRow(self.tr("Backup file"), row)
        self.form.addRow(self.tr("Passphrase"), self.passphrase)
        self.form.addRow(self.tr("Repeat"), self.repeat)

    def _ready(self) -> bool:
        return bool(self.file.text().strip())

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up vault"), str(Path.home() / "evidence-backup.evault"),
            self.tr("Vault backups (*.evault)"),
        )
        if name:
            self.file.setText(name)

    def accept(self) -> None:
        self.target = Path(self.file.text().strip())
        self.backup_passphrase = self.passphrase.text()
        super().accept()


class AuditDialog(QDialog):
    """The audit log entries about one item, oldest first: what was done to the evidence, and when."""

    def __init__(self, title: str, entries: list[AuditEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of %1").replace("%1", title))
        self.resize(720, 360)
        self.entries = QStandardItemModel(0, 3, self)
        self.entries.setHorizontalHeaderLabels([self.tr("No."), self.tr("Time (Beijing)"), self.tr("What was done")])
        for entry in entries:
            row = [QStandardItem(str(entry.seq)), QStandardItem(entry_time(entry.at)),
                   QStandardItem(audit_sentence(entry))]
            row[2].setToolTip(entry_tooltip(entry))
            for cell in row:
                cell.setEditable(False)
            self.entries.appendRow(row)
        view = QTableView(objectName="auditEntries")
        view.setModel(self.entries)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        view.setWordWrap(True)
        view.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Every change is chained in the audit log; “Verify vault” checks that none was altered."
        ), wordWrap=True))
        layout.addWidget(view)
        layout.addWidget(buttons)

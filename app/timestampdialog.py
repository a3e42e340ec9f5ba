"""补加时间戳…: add an RFC 3161 document timestamp to a dossier exported while the TSA was unreachable.

The same as `evidence-vault timestamp`: the signature stays intact (the timestamp is an incremental
update), and the vault's audit log records the dossier's new SHA-256 (issue #15).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.session import VaultSession
from app.tasks import Task
from export.late_timestamp import LateTimestamp, timestamp_exported
from export.signing import SigningFailed, TsaSettings


class TimestampDialog(QDialog):
    """Choose the dossier and the timestamp server; the file gains a timestamp in place."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="timestampDialog")
        self.setWindowTitle(self.tr("Add a timestamp to a dossier"))
        self.session = session
        self.task: Task | None = None
        self.dossier = QLineEdit(objectName="timestampedDossier")
        self.tsa_url = QLineEdit(settings.TSA_URL.get(), objectName="timestampTsaUrl")
        self.tsa_root = QLineEdit(settings.TSA_ROOT.get(), objectName="timestampTsaRoot",
                                  placeholderText=self.tr("Optional: its CA certificate (PEM)"))
        self.password = QLineEdit(objectName="timestampPassword", echoMode=QLineEdit.EchoMode.Password,
                                  placeholderText=self.tr("Only if the dossier has a password"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.dossier)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Dossier"), row)
        form.addRow(self.tr("Timestamp server (TSA)"), self.tsa_url)
        form.addRow(self.tr("TSA root certificate"), self.tsa_root)
        form.addRow(self.tr("PDF password"), self.password)
        self.status = QLabel(objectName="timestampStatus", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = buttons.addButton(self.tr("Add timestamp"), QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.setObjectName("addTimestampNow")
        self.add_button.clicked.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), self.dossier.text(), "PDF (*.pdf)")
        if path:
            self.dossier.setText(path)

    def start(self) -> None:
        path = Path(self.dossier.text()).expanduser()
        url = self.tsa_url.text().strip()
        if not path.is_file() or not url.startswith(("http://", "https://")):
            self.status.setText(self.tr("Choose the dossier file and an http:// or https:// timestamp server."))
            return
        try:
            root = self.tsa_root.text().strip()
            tsa = TsaSettings(url, (Path(root).expanduser().read_bytes(),) if root else ())
        except OSError as e:
            self.status.setText(self.tr("Cannot read %1.").replace("%1", str(e.filename)))
            return
        settings.TSA_URL.set(url)
        settings.TSA_ROOT.set(self.tsa_root.text().strip())
        password = self.password.text() or None

        def timestamp(vault, progress, cancelled):  # type: ignore[no-untyped-def]
            return timestamp_exported(vault, path, tsa, password)

        self.add_button.setEnabled(False)
        self.status.setText(self.tr("Asking the timestamp server…"))
        self.task = self.session.run(timestamp, self._done, self._failed, writes=True)

    def _done(self, stamped: LateTimestamp) -> None:
        self.add_button.setEnabled(True)
        self.status.setText(self.tr("Timestamp added. The dossier's SHA-256 is now %1.").replace("%1", stamped.sha256))

    def _failed(self, error: Exception) -> None:
        self.add_button.setEnabled(True)
        if not isinstance(error, (SigningFailed, OSError)):
            raise error
        self.status.setText(self.tr("No timestamp was added; the dossier is unchanged: %1").replace("%1", str(error)))

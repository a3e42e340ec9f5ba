"""核验证据材料…: open a dossier someone sent and show the same report as `evidence-vault check-dossier`.

Needs no vault: a recipient may run the app only to check what they received (issue #15).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Task
from export.check_report import input_problem_text, report_lines
from export.dossier_check import DossierCheck, InputProblem, UnusableInput, check_dossier


class CheckDossierDialog(QDialog):
    """Choose a dossier (and optionally the sender's certificate and the TSA's root); read the verdict."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="checkDossierDialog")
        self.setWindowTitle(self.tr("Check a dossier"))
        self.lang = lang
        self.task: Task | None = None
        self.dossier = QLineEdit(objectName="checkedDossier")
        self.certificate = QLineEdit(objectName="senderCertificate", placeholderText=self.tr("Optional (PEM)"))
        self.tsa_root = QLineEdit(objectName="checkTsaRoot", placeholderText=self.tr("Optional (PEM)"))
        form = QFormLayout()
        for label, field, pattern in ((self.tr("Dossier"), self.dossier, "PDF (*.pdf)"),
                                      (self.tr("Sender's certificate"), self.certificate, "PEM (*.pem *.crt *.cer)"),
                                      (self.tr("TSA root certificate"), self.tsa_root, "PEM (*.pem *.crt *.cer)")):
            form.addRow(label, self._with_browse(field, pattern))
        self.report = QPlainTextEdit(objectName="checkReport", readOnly=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = buttons.addButton(self.tr("Check"), QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button.setObjectName("runCheck")
        self.check_button.clicked.connect(lambda: self.run_check(None))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _with_browse(self, field: QLineEdit, pattern: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(field)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda: self._browse(field, pattern))
        row.addWidget(browse)
        return row

    def _browse(self, field: QLineEdit, pattern: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), field.text(), pattern)
        if path:
            field.setText(path)

    def run_check(self, password: str | None) -> None:
        """Check in a pool thread: hashing every attachment of a large dossier takes seconds."""
        try:
            path = Path(self.dossier.text()).expanduser()
            roots = (Path(self.tsa_root.text()).read_bytes(),) if self.tsa_root.text() else ()
            certificate = Path(self.certificate.text()).read_bytes() if self.certificate.text() else None
        except OSError as e:
            self.report.setPlainText(self.tr("Cannot read %1.").replace("%1", str(e.filename)))
            return
        self.check_button.setEnabled(False)
        self.report.setPlainText(self.tr("Checking…"))
        self.task = Task(lambda _progress, _cancelled: check_dossier(path, password, roots, certificate), self)
        self.task.succeeded.connect(self._show)
        self.task.failed.connect(lambda error: self._failed(error, password))
        self.task.start()

    def _show(self, check: object) -> None:
        assert isinstance(check, DossierCheck)
        self.check_button.setEnabled(True)
        self.report.setPlainText("\n".join(report_lines(check, self.lang)))

    def _failed(self, error: object, password: str | None) -> None:
        self.check_button.setEnabled(True)
        if isinstance(error, UnusableInput):
            if error.reason in (InputProblem.PASSWORD_NEEDED, InputProblem.WRONG_PASSWORD):
                typed, ok = QInputDialog.getText(self, self.windowTitle(), input_problem_text(error.reason, self.lang),
                                                 QLineEdit.EchoMode.Password)
                if ok and typed:
                    self.run_check(typed)
                    return
            self.report.setPlainText(input_problem_text(error.reason, self.lang))
        elif isinstance(error, OSError):
            self.report.setPlainText(self.tr("Cannot read %1.").replace("%1", self.dossier.text()))
        else:
            raise error  # a bug: let the application's error hook show it

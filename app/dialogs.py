"""Small dialogs: case details and settings."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app import settings
from app.i18n import LANGUAGES
from ocr.engines import BACKENDS, EngineName, available_engines, default_backend, installed_backends
from vault.evidence import CASE_DETAIL_COLUMNS, Case


class CaseDialog(QDialog):
    """Title and the parties, claim and facts printed on the dossier cover."""

    MULTILINE = ("claim", "facts", "notes")

    def __init__(self, case: Case | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case details") if case else self.tr("New case"))
        labels = {
            "title": self.tr("Case title"),
            "case_number": self.tr("Case number"),
            "respondent": self.tr("Respondent (the company)"),
            "respondent_address": self.tr("Respondent address"),
            "channel": self.tr("Where you complain (e.g. 12315, 黑猫投诉)"),
            "complainant_name": self.tr("Your name"),
            "complainant_phone": self.tr("Your phone"),
            "complainant_address": self.tr("Your address"),
            "claim": self.tr("What you ask for"),
            "facts": self.tr("What happened"),
            "notes": self.tr("Private notes"),
        }
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout(self)
        for name, label in labels.items():
            value = getattr(case, name) if case else ""
            widget: QLineEdit | QPlainTextEdit
            if name in self.MULTILINE:
                widget = QPlainTextEdit(value)
                widget.setMaximumHeight(80)
            else:
                widget = QLineEdit(value)
            widget.setObjectName(name)
            self.inputs[name] = widget
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    @staticmethod
    def values_of(case: Case) -> dict[str, str]:
        return {name: getattr(case, name) for name in CASE_DETAIL_COLUMNS}

    def values(self) -> dict[str, str]:
        return {
            name: (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()).strip()
            for name, w in self.inputs.items()
        }

    def accept(self) -> None:
        if not self.values()["title"]:
            self.inputs["title"].setFocus()
            return
        super().accept()


class SettingsDialog(QDialog):
    """OCR engine and backend, auto-lock, language and default vault location; applied on OK."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.engine = QComboBox(objectName="engine")
        installed = available_engines()
        for name in dict.fromkeys([*installed, *EngineName]):
            label = name if name in installed else self.tr("%1 (not installed)").replace("%1", name)
            self.engine.addItem(label, name)
        self.engine.setCurrentIndex(max(0, self.engine.findData(settings.OCR_ENGINE.get())))
        self.backend = QComboBox(objectName="backend")
        self.backend.addItem(self.tr("Automatic (%1)").replace("%1", default_backend()), "")
        for name in BACKENDS:
            label = name if name in installed_backends() else self.tr("%1 (not installed)").replace("%1", name)
            self.backend.addItem(label, name)
        self.backend.setCurrentIndex(max(0, self.backend.findData(settings.OCR_BACKEND.get())))
        self.auto_lock = QSpinBox(objectName="autoLock")
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setValue(settings.AUTO_LOCK_MINUTES.get())
        self.ocr_after_import = QCheckBox(self.tr("Read text right after import"), objectName="ocrAfterImport")
        self.ocr_after_import.setChecked(settings.OCR_AFTER_IMPORT.get())
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.LANGUAGE.get())))
        self.vault_path = QLineEdit(str(settings.vault_path()))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.vault_path)
        path_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("OCR engine"), self.engine)
        form.addRow(self.tr("RapidOCR backend"), self.backend)
        form.addRow("", self.ocr_after_import)
        form.addRow(self.tr("Lock after idle"), self.auto_lock)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Vault file"), path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Vault file"), self.vault_path.text(), self.tr("Evidence vault (*.evault);;All files (*)")
        )
        if chosen:
            self.vault_path.setText(chosen)

    def accept(self) -> None:
        settings.OCR_ENGINE.set(self.engine.currentData())
        settings.OCR_BACKEND.set(self.backend.currentData())
        settings.OCR_AFTER_IMPORT.set(self.ocr_after_import.isChecked())
        settings.AUTO_LOCK_MINUTES.set(self.auto_lock.value())
        settings.LANGUAGE.set(self.language.currentData())
        path = Path(self.vault_path.text()).expanduser()
        settings.VAULT_PATH.set("" if path == settings.vault_path() and not settings.VAULT_PATH.get() else str(path))
        super().accept()

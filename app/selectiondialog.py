"""The title and 证明目的 of picked rows, asked when they are added to the dossier and when they are edited."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

PURPOSE_HEIGHT = 70
"""About three lines: a 证明目的 is a sentence or two."""


class SelectionDialog(QDialog):
    """Asks for a title (may stay empty: the dossier then names the file with （节选）) and a 证明目的."""

    def __init__(self, rows: int, title: str = "", purpose: str = "", editing: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit the picked rows") if editing else self.tr("Add the picked rows to the dossier"))
        self.title = QLineEdit(title, objectName="selectionTitle")
        self.title.setPlaceholderText(self.tr("e.g. 三笔退款 (empty: the file name with （节选）)"))
        self.title.setMinimumWidth(self.title.fontMetrics().horizontalAdvance(self.title.placeholderText()) + 24)
        self.purpose = QPlainTextEdit(purpose, objectName="selectionPurpose")
        self.purpose.setPlaceholderText(self.tr("What these rows prove, as printed in the 证据目录"))
        self.purpose.setFixedHeight(PURPOSE_HEIGHT)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%n rows of the file are picked; each keeps its row number in the file.", "", rows)))
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Purpose (证明目的)"), self.purpose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        """(title, purpose) as typed, trimmed."""
        return self.title.text().strip(), self.purpose.toPlainText().strip()

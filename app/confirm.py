"""Asking before a deletion: one window-modal question whose default answer keeps what is stored."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_delete(parent: QWidget, title: str, question: str, object_name: str, confirmed: Callable[[], None]) -> None:
    """Open the question; `confirmed` runs only when the person chooses Delete (Cancel is the default)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName(object_name)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("Confirm", "Delete"))
    box.finished.connect(lambda result: confirmed() if result == QMessageBox.StandardButton.Yes else None)
    box.open()

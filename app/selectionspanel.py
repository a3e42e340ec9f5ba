"""The picked rows of the shown bill or chat: make a selection of the checked rows, open, edit or delete one.

A selection becomes an exhibit of its own in the dossier (issue #16); every change goes through the
session's writer and is one audit-log entry in the core.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.confirm import ask_to_delete
from app.qtmodels import Roles, SelectionsModel
from app.recordsview import RecordsView
from app.selectiondialog import SelectionDialog
from app.session import VaultSession
from app.texts import selection_error_text
from vault.evidence import Item
from vault.selections import Selection, create_selection, delete_selection, selections, update_selection
from vault.store import Vault

LIST_ROWS = 3
"""Selections visible without scrolling; a bill rarely needs more."""


class SelectionsPanel(QWidget):
    """The list of an item's selections with its buttons, beside the records table it picks from."""

    changed = Signal()
    """A selection was made, changed or deleted (the timeline shows picked rows)."""

    def __init__(self, session: VaultSession, records: RecordsView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.records = records
        self.item: Item | None = None
        self._generation = 0
        records.pick_requested.connect(self.create)

        self.model = SelectionsModel(self)
        self.list = QListView(objectName="selections")
        self.list.setModel(self.model)
        self.list.setFixedHeight((self.fontMetrics().lineSpacing() + 4) * LIST_ROWS + 2 * self.list.frameWidth())
        self.list.doubleClicked.connect(lambda index: self.open_selection())
        self.list.selectionModel().currentChanged.connect(lambda: self._enable())
        self.open_button = QPushButton(self.tr("Show its rows"), objectName="openSelection")
        self.open_button.clicked.connect(self.open_selection)
        self.rows_button = QPushButton(self.tr("Take the checked rows"), objectName="updateSelectionRows")
        self.rows_button.setToolTip(self.tr("The selection holds the rows checked now: rows checked since are "
                                            "added, rows unchecked are taken out"))
        self.rows_button.clicked.connect(self.update_rows)
        self.edit_button = QPushButton(self.tr("Title and purpose…"), objectName="editSelection")
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(self.tr("Delete…"), objectName="deleteSelection")
        self.delete_button.clicked.connect(self.delete)
        self.hint = QLabel(self.tr("Check rows in the table and press “Add to the dossier…”: they are printed "
                                   "as an exhibit of their own, with their row numbers in the file."))
        self.hint.setWordWrap(True)
        self.listed = QWidget()  # the list and its buttons, once there is something to list
        buttons = QHBoxLayout()
        for button in (self.open_button, self.rows_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        listed_layout = QVBoxLayout(self.listed)
        listed_layout.setContentsMargins(0, 0, 0, 0)
        listed_layout.addWidget(self.list)
        listed_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Picked rows in the dossier (each an exhibit of its own)")))
        layout.addWidget(self.hint)
        layout.addWidget(self.listed)
        records.model.picked_changed.connect(self._enable)
        self.clear()

    def clear(self) -> None:
        self.item = None
        self._generation += 1
        self.model.set_selections([], "")
        self._enable()

    def show_item(self, item: Item) -> None:
        """List the item's selections (read in the background)."""
        if self.item is None or self.item.id != item.id:
            self.clear()
        self.item = item
        self.reload()

    def reload(self, select: int | None = None) -> None:
        if self.item is None:
            return
        self._generation += 1
        generation, item, fallback = self._generation, self.item, self._fallback_title()
        current = self.current()
        keep = select if select is not None else (current.id if current else None)

        def listed(found: list[Selection]) -> None:
            if generation != self._generation:
                return
            self.model.set_selections(found, fallback)
            row = self.model.row_of(keep) if keep is not None else -1
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row))
            self._enable()

        self.session.read(lambda vault: selections(vault, item.id), listed)

    def _fallback_title(self) -> str:
        """An untitled selection's name, as the dossier prints it: the item's with （节选）."""
        assert self.item is not None
        return self.tr("%1 (excerpt)").replace("%1", self.item.title or self.item.original_name)

    def show_listed(self, selection: Selection) -> None:
        """Show one selection's rows and choose it in the list (a picked row clicked in the timeline)."""
        if self.item is None or self.item.id != selection.item_id:
            return
        self.reload(select=selection.id)
        self.records.show_selection(selection, selection.title or self._fallback_title())

    def current(self) -> Selection | None:
        index = self.list.currentIndex()
        return index.data(Roles.SELECTION) if index.isValid() else None

    def _enable(self) -> None:
        listed = self.model.rowCount() > 0
        self.listed.setVisible(listed)
        self.hint.setVisible(not listed)
        chosen = self.current() is not None
        for button in (self.open_button, self.edit_button, self.delete_button):
            button.setEnabled(chosen)
        self.rows_button.setEnabled(chosen and bool(self.records.picked()))

    # --- changes ----------------------------------------------------------------------------------

    def create(self) -> None:
        """Ask for a title and 证明目的, then store the checked rows as a new selection."""
        rows = self.records.picked()
        if self.item is None or not rows:
            return
        item_id = self.item.id
        dialog = SelectionDialog(len(rows), parent=self)
        dialog.setObjectName("newSelection")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            title, purpose = dialog.values()
            self._write(lambda vault: create_selection(vault, item_id, rows, title, purpose), self._created)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _created(self, selection: Selection) -> None:
        self.records.model.set_picked(())
        self.reload(select=selection.id)

    def open_selection(self) -> None:
        selection = self.current()
        if selection is not None:
            self.records.show_selection(selection, self.model.name(selection))

    def update_rows(self) -> None:
        selection, rows = self.current(), self.records.picked()
        if selection is not None:
            self._write(lambda vault: update_selection(vault, selection.id, rows=rows), self._updated)

    def edit(self) -> None:
        selection = self.current()
        if selection is None:
            return
        dialog = SelectionDialog(len(selection.rows), selection.title, selection.purpose, editing=True, parent=self)
        dialog.setObjectName("editSelection")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            title, purpose = dialog.values()
            self._write(lambda vault: update_selection(vault, selection.id, title=title, purpose=purpose),
                        self._updated)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _updated(self, selection: Selection) -> None:
        self.records.selection_changed(selection, self.model.name(selection))
        self.reload(select=selection.id)

    def delete(self) -> None:
        selection = self.current()
        if selection is None:
            return
        name = self.model.name(selection)
        ask_to_delete(
            self, self.tr("Delete picked rows"),
            self.tr("Delete “%1”? The rows stay in the file; they are no longer an exhibit of their own. "
                    "The audit log records the deletion.").replace("%1", name),
            "confirmDeleteSelection", lambda: self._delete_confirmed(selection.id),
        )

    def _delete_confirmed(self, selection_id: int) -> None:
        def deleted(_: None) -> None:
            self.records.selection_deleted(selection_id)
            self.reload()

        self._write(lambda vault: delete_selection(vault, selection_id), deleted)

    def _write(self, change: Callable[[Vault], Any], done: Callable[[Any], None]) -> None:
        """Store a change on the writer thread; tell the person in their language when the core refuses it."""

        def stored(result: Any) -> None:
            done(result)
            self.changed.emit()

        self.session.write(change, stored, self._refused)

    def _refused(self, error: Exception) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Picked rows"), selection_error_text(error),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("selectionRefused")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.reload()

"""A bill's rows or a chat's messages in the detail pane: filter, count, pages read in the background, check boxes.

A 10,000-row bill is never read at once: the table asks for a page when it is scrolled to the end
of what it holds (RecordsModel.fetchMore), and every read runs in the session's pool, so neither
scrolling nor typing in the filter waits on the vault (issue #16).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.qtmodels import RecordsModel
from app.session import VaultSession
from ocr.records.types import Record
from vault.evidence import Item
from vault.selections import Selection, filter_records, selected_records

PAGE_ROWS = 200
"""Rows read at a time: a few screens of the table."""

SIZED_ROWS = 30
"""Rows measured when the columns are fitted to their contents: measuring a whole page stalled the window."""

FILTER_DELAY_MS = 250
"""Typing pauses this long before the filter runs, so each key does not start a read."""


class RecordsView(QWidget):
    """The rows of one records item, narrowed by a filter or limited to one selection's rows."""

    pick_requested = Signal()
    """“Add to the dossier…” was pressed with rows checked."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item: Item | None = None
        self.selection: Selection | None = None
        self._selection_name = ""
        self._generation = 0  # bumped by every new listing: pages read for an older one are dropped
        self._query = ""
        self._all_rows = 0

        self.filter = QLineEdit(objectName="recordsFilter", clearButtonEnabled=True)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda: self._filter_timer.start())
        self.filter.returnPressed.connect(self._apply_filter)
        self.count = QLabel(objectName="recordsCount")
        self.filter_box = QWidget()  # hidden while one selection's rows are shown: the banner counts them
        filter_row = QHBoxLayout(self.filter_box)
        filter_row.setContentsMargins(0, 0, 0, 0)
        filter_row.addWidget(self.filter, 1)
        filter_row.addWidget(self.count)

        self.banner = QLabel(objectName="selectionBanner")
        self.banner.setWordWrap(True)
        self.show_all_button = QPushButton(self.tr("Show all rows"), objectName="showAllRows")
        self.show_all_button.clicked.connect(self.show_all)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.show_all_button)
        self.banner_box = QWidget()
        self.banner_box.setLayout(banner_row)
        banner_row.setContentsMargins(0, 0, 0, 0)

        self.model = RecordsModel(self)
        self.model.page_wanted.connect(self._read_page)
        self.model.picked_changed.connect(self._picked_changed)
        self.table = QTableView(objectName="records")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.picked_label = QLabel(objectName="pickedCount")
        self.check_selected = QPushButton(self.tr("Check selected rows"), objectName="checkSelected")
        self.check_selected.setToolTip(self.tr("Check the rows highlighted with the mouse or Shift/Ctrl"))
        self.check_selected.clicked.connect(self._check_selected_rows)
        self.clear_picks = QPushButton(self.tr("Uncheck all"), objectName="uncheckAll")
        self.clear_picks.clicked.connect(lambda: self.model.set_picked(()))
        self.pick_button = QPushButton(self.tr("Add to the dossier…"), objectName="pickRows")
        self.pick_button.setToolTip(self.tr("Make the checked rows an exhibit of their own, with a title and 证明目的"))
        self.pick_button.clicked.connect(self.pick_requested)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.picked_label, 1)
        for button in (self.check_selected, self.clear_picks, self.pick_button):
            pick_row.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.banner_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(pick_row)
        self.clear()

    # --- what is listed -----------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the item and its rows (another item, a lock)."""
        self.item, self.selection = None, None
        self._generation += 1
        self._all_rows = 0
        self.filter.clear()  # with its signals, so its clear button goes too
        self._filter_timer.stop()
        self._query = ""
        self.model.set_records([], kind="")
        self.model.set_picked(())
        self.count.clear()
        self.filter_box.show()
        self.banner_box.hide()

    def show_item(self, item: Item) -> None:
        """All rows of a bill or chat, first page at once, nothing checked."""
        if self.item is not None and self.item.id == item.id:
            self.item = item  # an edit of the title or note: the rows, filter, checks and open selection stay
            return
        self.clear()
        self.item = item
        self.filter.setPlaceholderText(self.tr("Filter messages: order number, words…") if item.kind == "chat"
                                       else self.tr("Filter rows: transaction number, amount, words…"))
        self._list()

    def show_selection(self, selection: Selection, name: str) -> None:
        """Only the rows of one selection, checked, so the person sees what it holds and can change it."""
        if self.item is None or selection.item_id != self.item.id:
            return
        self.selection, self._selection_name = selection, name
        self._generation += 1
        self.filter_box.hide()
        self.model.set_picked(selection.rows)
        self._update_banner()
        self.banner_box.show()
        generation, kind = self._generation, self.item.kind

        def shown(records: list[Record]) -> None:
            if generation == self._generation:
                self.model.set_records(records, kind=kind)

        self.session.read(lambda vault: selected_records(vault, selection), shown)

    def show_all(self) -> None:
        """Back from one selection to every row (the filter as it was); the checks stay."""
        self.selection = None
        self.filter_box.show()
        self.banner_box.hide()
        self._list()

    def _update_banner(self) -> None:
        if self.selection is not None:
            self.banner.setText(self.tr("Showing the %n rows of “%1”.", "", len(self.selection.rows)).replace(
                "%1", self._selection_name))

    def selection_changed(self, selection: Selection, name: str) -> None:
        """A stored change of the open selection: show its rows as they are now."""
        if self.selection is not None and self.selection.id == selection.id:
            self.show_selection(selection, name)

    def selection_deleted(self, selection_id: int) -> None:
        if self.selection is not None and self.selection.id == selection_id:
            self.show_all()

    # --- reading pages --------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        query = self.filter.text().strip()
        if self.item is not None and self.selection is None and query != self._query:
            self._query = query
            self._list()

    def _list(self) -> None:
        """The first page of the rows matching the filter, with both counts, read in the background."""
        if self.item is None:
            return
        self._generation += 1
        generation, item_id, query, kind = self._generation, self.item.id, self._query, self.item.kind
        self.count.setText(self.tr("loading…"))

        def read(vault) -> tuple[list[Record], int, int]:  # type: ignore[no-untyped-def]
            records, matches = filter_records(vault, item_id, query, 0, PAGE_ROWS)
            return records, matches, vault.record_count(item_id) if query else matches

        def shown(result: tuple[list[Record], int, int]) -> None:
            if generation != self._generation:
                return
            records, matches, self._all_rows = result
            self.model.set_records(records, kind=kind, total=matches)
            self.table.resizeColumnsToContents()
            self._show_count(matches)

        self.session.read(read, shown, lambda error: self._failed(generation, error))

    def _read_page(self, offset: int) -> None:
        if self.item is None:
            return
        generation, item_id, query = self._generation, self.item.id, self._query

        def arrived(records: list[Record]) -> None:
            if generation == self._generation:
                self.model.add_page(records)

        self.session.read(lambda vault: filter_records(vault, item_id, query, offset, PAGE_ROWS)[0], arrived,
                          lambda error: self._failed(generation, error))

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self.model.page_failed()
            self.count.setText(self.tr("The rows could not be read: %1").replace("%1", str(error)))

    def _show_count(self, matches: int) -> None:
        if self._query:
            self.count.setText(self.tr("%1 in all, %2 match").replace("%1", str(self._all_rows)).replace(
                "%2", str(matches)))
        else:
            self.count.setText(self.tr("%1 in all").replace("%1", str(self._all_rows)))

    # --- picking ----------------------------------------------------------------------------------

    def picked(self) -> tuple[int, ...]:
        return self.model.picked()

    def _check_selected_rows(self) -> None:
        rows = {self.model.record_at(index.row()).row for index in self.table.selectionModel().selectedRows()}
        self.model.set_picked(set(self.model.picked()) | rows)

    def _picked_changed(self) -> None:
        count = len(self.model.picked())
        self.picked_label.setText(self.tr("%n rows checked", "", count) if count else "")
        self.pick_button.setEnabled(count > 0)
        self.clear_picks.setEnabled(count > 0)

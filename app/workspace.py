"""The unlocked workspace: cases, search and filters, the evidence as thumbnails, table and timeline, the detail pane.

Everything it shows comes from the vault session in the background; locking empties it.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.detail import DetailPane
from app.dialogs import CaseDialog
from app.texts import kind_choices
from app.qtmodels import CaseListModel, Column, EvidenceFilter, EvidenceModel, PickedRow, Roles, TimelineModel
from app.session import VaultSession
from vault.evidence import Case, Item
from vault.selections import case_selections, selected_records
from vault.store import Vault

SEARCH_MARGINS = 40
"""The search box's frame, text margins and clear button around its text."""


def picked_rows(vault: Vault, case_id: int) -> list[PickedRow]:
    """Every row picked in the case's bills and chats, once, with the first selection that holds it."""
    seen: set[tuple[int, int]] = set()
    picked = []
    for item_selections in case_selections(vault, case_id).values():
        for selection in item_selections:
            for record in selected_records(vault, selection):
                if (selection.item_id, record.row) not in seen:
                    seen.add((selection.item_id, record.row))
                    picked.append(PickedRow(selection, record))
    return picked


class Workspace(QSplitter):
    """Cases on the left, the evidence of the chosen case in the middle, the chosen exhibit on the right."""

    refreshed = Signal()
    """The evidence model holds the vault's current items (after an asynchronous reload)."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._refresh_generation = 0
        self.cases = CaseListModel(self)
        self.evidence = EvidenceModel(self)
        self.proxy = EvidenceFilter(self)
        self.proxy.setSourceModel(self.evidence)
        self.timeline = TimelineModel(self.evidence, self)
        self.detail = DetailPane(session)
        self.detail.item_changed.connect(self._item_changed)
        self.detail.selections_changed.connect(self._reload_picked_rows)
        for widget, stretch in ((self._case_column(), 0), (self._evidence_column(), 3), (self.detail, 2)):
            self.addWidget(widget)
            self.setStretchFactor(self.count() - 1, stretch)
        self.setSizes([200, 640, 520])
        session.opened.connect(lambda: self.evidence.set_thumbnail_loader(session.vault.thumbnail))
        session.closing.connect(self.clear)

    def _case_column(self) -> QWidget:
        self.case_view = QListView(objectName="cases")
        self.case_view.setModel(self.cases)
        self.case_view.selectionModel().currentChanged.connect(self._case_selected)
        new_case = QPushButton(self.tr("New case…"), objectName="newCase")
        new_case.clicked.connect(self.new_case)
        details = QPushButton(self.tr("Details…"))
        details.clicked.connect(self.edit_case)
        case_buttons = QHBoxLayout()
        case_buttons.addWidget(new_case)
        case_buttons.addWidget(details)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Cases")))
        layout.addWidget(self.case_view)
        layout.addLayout(case_buttons)
        return column

    def _filters(self) -> QVBoxLayout:
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search order number, text or note…"))
        self.search.setMinimumWidth(max(  # an order number and the whole hint fit
            self.search.fontMetrics().horizontalAdvance(text) + SEARCH_MARGINS
            for text in ("0" * 20, self.search.placeholderText())))
        self.search.textChanged.connect(self.apply_search)
        self.kind_filter = QComboBox(objectName="kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind, label in kind_choices():
            self.kind_filter.addItem(label, kind)
        self.kind_filter.currentIndexChanged.connect(lambda: self.proxy.set_kind(self.kind_filter.currentData()))
        self.date_filter = QCheckBox(self.tr("Formed between"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-3), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(today, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_filter.toggled.connect(self._apply_dates)
        self.date_from.dateChanged.connect(self._apply_dates)
        self.date_to.dateChanged.connect(self._apply_dates)
        self.add_files = QPushButton(self.tr("Add files…"), objectName="addFiles")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.add_files)
        date_row = QHBoxLayout()  # a row of its own: in one line the column would not fit a laptop screen
        for widget in (self.kind_filter, self.date_filter, self.date_from, QLabel("–"), self.date_to):
            date_row.addWidget(widget)
        date_row.addStretch()
        filters = QVBoxLayout()
        filters.addLayout(search_row)
        filters.addLayout(date_row)
        return filters

    def _evidence_column(self) -> QWidget:
        self.grid = QListView(objectName="grid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setModel(self.proxy)
        self.grid.setModelColumn(Column.NAME)
        self.grid.setIconSize(QSize(150, 150))
        self.grid.setGridSize(QSize(180, 200))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setWordWrap(True)
        self.table = QTableView(objectName="table")
        self.table.setModel(self.proxy)
        self.table.setSelectionModel(self.grid.selectionModel())
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.FORMED_AT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setIconSize(QSize(28, 28))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in Column:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # a narrow pane scrolls sideways rather than squeezing the file name
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view = QListView(objectName="timeline")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.clicked.connect(self._timeline_clicked)
        self.views = QTabWidget()
        self.views.addTab(self.grid, self.tr("Thumbnails"))
        self.views.addTab(self.table, self.tr("Table"))
        self.views.addTab(self.timeline_view, self.tr("Timeline"))
        self.empty_hint = QLabel(self.tr(
            "Drop screenshots, PDFs or folders here, paste an image with Ctrl+V, or use “Add files…”."
        ))
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid.selectionModel().currentChanged.connect(self._evidence_selected)
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filters())
        layout.addWidget(self.views, 1)
        layout.addWidget(self.empty_hint)
        return column

    def clear(self) -> None:
        """Forget every case, item, thumbnail and image shown (the vault is closing)."""
        self._refresh_generation += 1
        self.search.clear()
        self.cases.set_cases([])
        self.evidence.clear()
        self.evidence.set_thumbnail_loader(None)
        self.timeline.set_picked_rows([])
        self.detail.clear()

    # --- cases -----------------------------------------------------------------------------

    def current_case_id(self) -> int | None:
        index = self.case_view.currentIndex()
        return index.data(Roles.CASE_ID) if index.isValid() else None

    def current_case(self) -> Case | None:
        index = self.case_view.currentIndex()
        return self.cases.case_at(index.row()) if index.isValid() else None

    def reload_cases(self, select: int | None = None) -> None:
        select = select if select is not None else self.current_case_id()
        self.session.read(lambda vault: vault.cases(), lambda cases: self._cases_loaded(cases, select))

    def _cases_loaded(self, cases: list[Case], select: int | None) -> None:
        self.cases.set_cases(cases)
        row = max(0, self.cases.row_of(select)) if select is not None else 0
        if self.cases.rowCount():
            self.case_view.setCurrentIndex(self.cases.index(row))
        else:
            self._case_selected(QModelIndex())

    def reload_after_outside_change(self) -> None:
        """Another program changed the vault: show its cases and items, keeping the chosen case and search."""
        current = self.current_case_id()
        self.session.read(lambda vault: vault.cases(), lambda cases: self._outside_cases(cases, current))

    def _outside_cases(self, cases: list[Case], current: int | None) -> None:
        if cases != [self.cases.case_at(row) for row in range(self.cases.rowCount())]:
            self._cases_loaded(cases, current)
        else:
            self.refresh()

    def with_case(self, then: Callable[[int], None]) -> None:
        """Call `then` with the chosen case, first adding “My case” when there is none (so evidence can be dropped at once)."""
        case_id = self.current_case_id()
        if case_id is not None:
            then(case_id)
            return

        def added(new_id: int) -> None:
            self.reload_cases(select=new_id)
            then(new_id)

        title = self.tr("My case")
        self.session.write(lambda vault: vault.add_case(title), added)

    def new_case(self) -> None:
        dialog = CaseDialog(None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.inputs["title"].setText(self.tr("My case"))
        dialog.accepted.connect(lambda: self._add_case(dialog.values()))
        dialog.open()

    def _add_case(self, values: dict[str, str]) -> None:
        title = values.pop("title")
        self.session.write(lambda vault: vault.add_case(title, **values), lambda case_id: self.reload_cases(case_id))

    def edit_case(self) -> None:
        case = self.current_case()
        if case is None:
            return
        dialog = CaseDialog(case, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._update_case(case, dialog.values()))
        dialog.open()

    def _update_case(self, case: Case, values: dict[str, str]) -> None:
        changes = {name: value for name, value in values.items() if getattr(case, name) != value}
        self.session.write(lambda vault: vault.update_case(case.id, **changes), lambda _: self.reload_cases(case.id))

    def _case_selected(self, index: QModelIndex) -> None:
        self.evidence.clear()
        self.timeline.set_picked_rows([])
        self.detail.clear()
        self.search.clear()
        self.refresh()

    # --- evidence --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the case's items with fields in the background; stale reloads are dropped."""
        case_id = self.current_case_id()
        self._refresh_generation += 1
        generation = self._refresh_generation
        if case_id is None or not self.session.is_open:
            self._loaded(generation, [])
            return
        self.session.read(lambda vault: vault.items_with_fields(case_id), lambda items: self._loaded(generation, items))

    def _loaded(self, generation: int, items: list[Item]) -> None:
        if generation != self._refresh_generation:
            return
        self.evidence.set_items(items)
        self._reload_picked_rows()
        self.detail.selections.reload()  # rows picked in another window leave the item as it was
        self._update_detail()
        self.apply_search(self.search.text())
        self.empty_hint.setVisible(self.evidence.rowCount() == 0)
        self.refreshed.emit()

    def _reload_picked_rows(self) -> None:
        """The timeline's picked rows, read after the items (a stale read is dropped like the items')."""
        case_id, generation = self.current_case_id(), self._refresh_generation
        if case_id is None or not self.session.is_open:
            self.timeline.set_picked_rows([])
            return
        self.session.read(lambda vault: picked_rows(vault, case_id),
                          lambda rows: self.timeline.set_picked_rows(rows)
                          if generation == self._refresh_generation else None)

    def _update_detail(self) -> None:
        """The detail pane follows the reloaded items: a changed exhibit is shown anew, a deleted one goes."""
        shown = self.detail.item
        if shown is None:
            return
        row = self.evidence.row_of(shown.id)
        if row < 0:
            self.detail.clear()
        elif self.evidence.item_at(row) != shown:
            self.detail.show_item(self.evidence.item_at(row))

    def _item_changed(self, item: Item) -> None:
        self.evidence.set_items([item if i.id == item.id else i for i in self.evidence.items()])

    def _evidence_selected(self, index: QModelIndex) -> None:
        if index.isValid():
            self.detail.show_item(self.evidence.item_at(self.evidence.row_of(index.data(Roles.ITEM_ID))))

    def _timeline_clicked(self, index: QModelIndex) -> None:
        """Open the exhibit; a picked row opens its selection's rows too."""
        self.open_item(index.data(Roles.ITEM_ID))
        selection = index.data(Roles.SELECTION)
        if selection is not None:
            self.detail.selections.show_listed(selection)

    def current_item(self) -> Item | None:
        index = self.grid.currentIndex()
        row = self.evidence.row_of(index.data(Roles.ITEM_ID)) if index.isValid() else -1
        return self.evidence.item_at(row) if row >= 0 else None

    def open_item(self, item_id: int) -> None:
        """Select the exhibit in the grid and table and show it in the detail pane."""
        row = self.evidence.row_of(item_id)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.evidence.index(row, Column.NAME))
        if proxy_index.isValid():
            self.grid.setCurrentIndex(proxy_index)
        else:
            self.detail.show_item(self.evidence.item_at(row))

    def apply_search(self, text: str) -> None:
        """Digits of an order number narrow the list with each key; words search OCR text and notes.

        A result that arrives after the text changed again is dropped.
        """
        if not text.strip() or not self.session.is_open:
            self.proxy.set_matching_ids(None)
            return
        self.session.read(lambda vault: vault.search_ids(text),
                          lambda ids: self.proxy.set_matching_ids(ids) if self.search.text() == text else None)

    def _apply_dates(self) -> None:
        if self.date_filter.isChecked():
            self.proxy.set_date_range(self.date_from.date().toString("yyyy-MM-dd"),
                                      self.date_to.date().toString("yyyy-MM-dd"))
        else:
            self.proxy.set_date_range("", "")

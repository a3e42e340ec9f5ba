"""Qt models over the vault's cases and evidence; the grid, table and timeline share them."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QImage, QPixmap

from app.texts import amount_label, field_label, kind_label, short_time
from app.tasks import Task
from ocr.records.types import Record
from ocr.types import FieldType
from vault.evidence import Case, Field, Item
from vault.selections import Selection

Index = QModelIndex | QPersistentModelIndex


class Roles(IntEnum):
    ITEM_ID = Qt.ItemDataRole.UserRole + 1
    ITEM = Qt.ItemDataRole.UserRole + 2
    SORT_KEY = Qt.ItemDataRole.UserRole + 3
    EVENT_TIME = Qt.ItemDataRole.UserRole + 4
    KIND = Qt.ItemDataRole.UserRole + 5
    CASE_ID = Qt.ItemDataRole.UserRole + 6
    RECORD = Qt.ItemDataRole.UserRole + 7
    SELECTION = Qt.ItemDataRole.UserRole + 8


class Column(IntEnum):
    KIND = 0
    FORMED_AT = 1
    ORDER_NO = 2
    AMOUNT = 3
    NAME = 4
    IMPORTED = 5


def _amount(item: Item) -> float:
    for value in item.values(FieldType.AMOUNT):
        try:
            return float(value)
        except ValueError:
            continue
    return 0.0


def _first_of(values: list[str]) -> str:
    """The first value and how many more, so a bill with twenty amounts keeps the table narrow."""
    if len(values) <= 1:
        return "".join(values)
    return f"{values[0]} (+{len(values) - 1})"


def _decode_thumbnails(load: Callable[[int], bytes], item_ids: Sequence[int]) -> dict[int, QImage]:
    """Read and decode thumbnails off the GUI thread (QImage, unlike QPixmap, may be made in any thread)."""
    images = {}
    for item_id in item_ids:
        try:
            images[item_id] = QImage.fromData(load(item_id), "JPEG")
        except Exception:  # noqa: BLE001 - a missing or unreadable thumbnail just stays blank
            images[item_id] = QImage()
    return images


_PLACEHOLDER: list[QIcon] = []


def _placeholder() -> QIcon:
    """A blank icon while the thumbnail loads: views size their items from the first icon they see,
    so a missing one would leave the grid laid out for text only."""
    if not _PLACEHOLDER:
        blank = QPixmap(256, 256)
        blank.fill(Qt.GlobalColor.transparent)
        _PLACEHOLDER.append(QIcon(blank))
    return _PLACEHOLDER[0]


class EvidenceModel(QAbstractTableModel):
    """The items of one case, with fields; thumbnails decoded on demand and kept in memory only.

    A thumbnail is fetched only when a view asks for a row's icon, and in the background: reading it
    from the vault waits for the vault's lock, which an import holds for a whole transaction, so doing
    it while painting froze the window during imports. Views show a blank icon until it arrives.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Item] = []
        self._thumbnails: dict[int, QIcon] = {}
        self._load_thumbnail: Callable[[int], bytes] | None = None
        self._wanted: set[int] = set()
        self._requested: set[int] = set()
        self._thumbnail_generation = 0
        self._fetch_timer = QTimer(self, singleShot=True, interval=0)
        self._fetch_timer.timeout.connect(self._fetch_thumbnails)

    def set_thumbnail_loader(self, loader: Callable[[int], bytes] | None) -> None:
        self._load_thumbnail = loader
        self._forget_thumbnails()

    def _forget_thumbnails(self) -> None:
        """Drop decoded icons and ignore fetches still under way (their results belong to an old vault)."""
        self._thumbnail_generation += 1
        self._thumbnails.clear()
        self._wanted.clear()
        self._requested.clear()

    def clear(self) -> None:
        """Forget every item and decoded thumbnail (on lock or case switch)."""
        self.beginResetModel()
        self._items = []
        self._forget_thumbnails()
        self.endResetModel()

    def items(self) -> list[Item]:
        return list(self._items)

    def item_at(self, row: int) -> Item:
        return self._items[row]

    def row_of(self, item_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    def set_items(self, items: Sequence[Item]) -> None:
        """Merge a fresh list: changed rows update in place, so selection and scroll survive."""
        fresh = {item.id: item for item in items}
        for row in reversed(range(len(self._items))):
            if self._items[row].id not in fresh:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._thumbnails.pop(self._items.pop(row).id, None)
                self.endRemoveRows()
        known = {item.id: row for row, item in enumerate(self._items)}
        for item_id, row in known.items():
            if fresh[item_id] != self._items[row]:
                self._items[row] = fresh[item_id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        added = [item for item in items if item.id not in known]
        if added:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._items.extend(added)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return {
            Column.KIND: self.tr("Kind"),
            Column.FORMED_AT: self.tr("Formed at"),
            Column.ORDER_NO: self.tr("Order number"),
            Column.AMOUNT: self.tr("Amount"),
            Column.NAME: self.tr("File name"),
            Column.IMPORTED: self.tr("Imported"),
        }[Column(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        item = self._items[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.original_name
        if role == Qt.ItemDataRole.DecorationRole and column == Column.NAME:
            return self._thumbnail(item.id)
        if role == Roles.SORT_KEY:
            return self._sort_key(item, column)
        if role == Roles.ITEM_ID:
            return item.id
        if role == Roles.ITEM:
            return item
        if role == Roles.EVENT_TIME:
            return item.event_time() or ""
        if role == Roles.KIND:
            return item.kind
        return None

    def _display(self, item: Item, column: Column) -> str:
        if column == Column.KIND:
            return kind_label(item.kind)
        if column == Column.FORMED_AT:
            return short_time(item.event_time())
        if column == Column.ORDER_NO:
            return _first_of(item.values(FieldType.ORDER_NO))
        if column == Column.AMOUNT:
            return _first_of(item.values(FieldType.AMOUNT))
        if column == Column.NAME:
            return item.title or item.original_name
        return short_time(item.imported_at)

    def _sort_key(self, item: Item, column: Column) -> Any:
        if column == Column.AMOUNT:
            return _amount(item)
        if column == Column.FORMED_AT:
            return item.event_time() or ""
        if column == Column.IMPORTED:
            return item.imported_at
        return self._display(item, column)

    def _thumbnail(self, item_id: int) -> QIcon | None:
        """An icon, so each view scales it to its own icon size (big in the grid, small in the table)."""
        icon = self._thumbnails.get(item_id)
        if icon is not None or self._load_thumbnail is None:
            return icon
        if item_id not in self._requested:
            self._wanted.add(item_id)
            self._fetch_timer.start()  # one fetch for all the rows painted in this pass
        return _placeholder()

    def _fetch_thumbnails(self) -> None:
        if self._load_thumbnail is None or not self._wanted:
            return
        ids, load, generation = sorted(self._wanted), self._load_thumbnail, self._thumbnail_generation
        self._requested |= self._wanted
        self._wanted.clear()
        task = Task(lambda progress, cancelled: _decode_thumbnails(load, ids))
        task.succeeded.connect(lambda images: self._thumbnails_loaded(generation, images))
        task.start()

    def _thumbnails_loaded(self, generation: int, images: dict[int, QImage]) -> None:
        if generation != self._thumbnail_generation:
            return
        rows = {item.id: row for row, item in enumerate(self._items)}
        for item_id, image in images.items():
            self._requested.discard(item_id)
            self._thumbnails[item_id] = QIcon(QPixmap.fromImage(image))
            row = rows.get(item_id)
            if row is not None:
                index = self.index(row, Column.NAME)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class EvidenceFilter(QSortFilterProxyModel):
    """Search hits, kind and date range on top of the evidence model; sorts by Roles.SORT_KEY."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: frozenset[int] | None = None
        self._kind: str | None = None
        self._date_from = ""
        self._date_to = ""
        self.setSortRole(Roles.SORT_KEY)

    def set_matching_ids(self, ids: Sequence[int] | None) -> None:
        """Only these items (a search result); None shows all."""
        self.beginFilterChange()
        self._ids = None if ids is None else frozenset(ids)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_date_range(self, date_from: str, date_to: str) -> None:
        """ISO dates (YYYY-MM-DD), inclusive; an empty bound is open. Undated items drop out of a range."""
        self.beginFilterChange()
        self._date_from, self._date_to = date_from, date_to
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._ids is not None and index.data(Roles.ITEM_ID) not in self._ids:
            return False
        if self._kind and index.data(Roles.KIND) != self._kind:
            return False
        if self._date_from or self._date_to:
            day = str(index.data(Roles.EVENT_TIME))[:10]
            if not day or (self._date_from and day < self._date_from) or (self._date_to and day > self._date_to):
                return False
        return True


class CaseListModel(QAbstractListModel):
    """The vault's cases by title, for the side list."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cases: list[Case] = []

    def set_cases(self, cases: Sequence[Case]) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self.endResetModel()

    def case_at(self, row: int) -> Case:
        return self._cases[row]

    def row_of(self, case_id: int) -> int:
        return next((row for row, case in enumerate(self._cases) if case.id == case_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cases)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        case = self._cases[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return case.title
        if role == Roles.CASE_ID:
            return case.id
        return None


@dataclass(frozen=True, slots=True)
class PickedRow:
    """A row of a bill or chat picked for the dossier, as the timeline shows it: at its own time."""

    selection: Selection
    """The first selection that holds the row."""
    record: Record


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    time: str
    item: Item
    picked: PickedRow | None = None


class TimelineModel(QAbstractListModel):
    """Dated evidence of the case, oldest first: one row per item with a 形成时间, and one per picked
    row of a bill or chat at the row's own time, under the name of its item."""

    def __init__(self, source: EvidenceModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._events: list[TimelineEvent] = []
        self._picked: list[PickedRow] = []
        for signal in (source.modelReset, source.rowsInserted, source.rowsRemoved):
            signal.connect(self._rebuild)
        source.dataChanged.connect(self._source_changed)

    def set_picked_rows(self, picked: Sequence[PickedRow]) -> None:
        self._picked = list(picked)
        self._rebuild()

    def _source_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Sequence[int] = ()) -> None:
        if list(roles) != [Qt.ItemDataRole.DecorationRole]:  # a thumbnail arriving changes no line here
            self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        items = {item.id: item for item in self._source.items()}
        events = [TimelineEvent(str(item.event_time()), item) for item in items.values() if item.event_time()]
        events += [TimelineEvent(row.record.time, items[row.selection.item_id], row) for row in self._picked
                   if row.record.time and row.selection.item_id in items]
        self._events = sorted(events, key=lambda e: (e.time[:19], e.item.id, e.picked is not None,
                                                     e.picked.record.row if e.picked else 0))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._describe_row(event.item, event.picked) if event.picked else self._describe(event.item)
        if role == Roles.ITEM_ID:
            return event.item.id
        if role == Roles.EVENT_TIME:
            return event.time
        if role == Roles.RECORD:
            return event.picked.record if event.picked else None
        if role == Roles.SELECTION:
            return event.picked.selection if event.picked else None
        return None

    @staticmethod
    def _describe(item: Item) -> str:
        parts = [short_time(item.event_time()), kind_label(item.kind), item.title or item.original_name]
        parts += item.values(FieldType.ORDER_NO)[:1] + item.values(FieldType.AMOUNT)[:1]
        if item.note:
            parts.append(item.note)
        return "  ·  ".join(p for p in parts if p)

    def _describe_row(self, item: Item, picked: PickedRow) -> str:
        record, name = picked.record, item.title or item.original_name
        where = self.tr("%1, row %2").replace("%1", name).replace("%2", str(record.row))
        said = self.tr("%1: %2").replace("%1", record.sender).replace("%2", record.text or record.media)
        parts = [short_time(record.time), where, picked.selection.title, record.counterparty, record.description,
                 record.amount, record.transaction_no or record.order_no, said if record.sender else ""]
        return "  ·  ".join(p for p in parts if p)


class FieldsModel(QAbstractTableModel):
    """An item's effective fields; editing a value asks for a correction (the OCR value is kept),
    emptying it asks for the value to be marked wrong."""

    correction_requested = Signal(object, str)  # Field, new value
    rejection_requested = Signal(object)  # Field

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields: list[Field] = []
        self._from_file = False

    def set_fields(self, fields: Sequence[Field], from_file: bool = False) -> None:
        """`from_file`: the machine read them from the file's own data (an e-invoice), not by OCR."""
        self.beginResetModel()
        self._fields, self._from_file = list(fields), from_file
        self.endResetModel()

    def field_at(self, row: int) -> Field:
        return self._fields[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._fields)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 3:
            return None
        return (self.tr("Field"), self.tr("Value"), self.tr("Source"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 1:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        field = self._fields[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return amount_label(field.role) if field.type == FieldType.AMOUNT else field_label(field.type)
            if index.column() == 1:
                shown_as_time = role == Qt.ItemDataRole.DisplayRole and field.type == FieldType.TIMESTAMP
                return short_time(field.normalized) if shown_as_time else field.normalized  # edited as ISO
            return self.tr("corrected by you") if field.corrects else (
                self.tr("added by you") if field.origin == "user" else
                self.tr("read from the file") if self._from_file else self.tr("read by OCR")
            )
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return field.raw
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 1:
            return False
        text = str(value).strip()
        field = self._fields[index.row()]
        if text == field.normalized:
            return False
        if text:
            self.correction_requested.emit(field, text)
        else:
            self.rejection_requested.emit(field)
        return True


class RecordsModel(QAbstractTableModel):
    """The rows of a bill or the messages of a chat export, in source order, a page at a time.

    The model never reads the vault itself: `fetchMore` asks for the next page with `page_wanted`, and
    whoever reads it in the background hands it back with `add_page`, so scrolling a 10,000-row bill
    never waits on the vault. Each row has a check box on its row number; the checked rows are kept by
    source row number, so they survive a new filter.
    """

    page_wanted = Signal(int)
    """The view scrolled to the end of what is loaded: the offset of the page to read next."""
    picked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[Record] = []
        self._kind = ""
        self._columns = self._column_defs()
        self._total = 0
        self._loading = False
        self._picked: set[int] = set()

    def set_records(self, records: Sequence[Record], kind: str, total: int | None = None) -> None:
        """Start over with a first page of `total` rows (all of them when total is None); the item's
        kind chooses the columns (a chat's messages, an invoice's lines, a bill's rows)."""
        self.beginResetModel()
        self._records, self._kind = list(records), kind
        self._columns = self._column_defs()
        self._total = len(self._records) if total is None else total
        self._loading = False
        self.endResetModel()

    def add_page(self, records: Sequence[Record]) -> None:
        """The page asked for by `page_wanted` arrived."""
        self._loading = False
        if records:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
            self._records.extend(records)
            self.endInsertRows()

    def page_failed(self) -> None:
        """The page could not be read: stop asking, so a broken read does not repeat on every scroll."""
        self._total = len(self._records)

    def record_at(self, row: int) -> Record:
        return self._records[row]

    def row_of(self, source_row: int) -> int:
        """The model row showing this source row, -1 when it is not loaded."""
        return next((n for n, record in enumerate(self._records) if record.row == source_row), -1)

    def picked(self) -> tuple[int, ...]:
        """The checked source row numbers, ascending."""
        return tuple(sorted(self._picked))

    def set_picked(self, rows: Sequence[int]) -> None:
        self._picked = set(rows)
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.picked_changed.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._loading and len(self._records) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._loading = True
            self.page_wanted.emit(len(self._records))

    def _column_defs(self) -> tuple[tuple[str, Callable[[Record], str]], ...]:
        """Header and value of each column, made once per listing: views ask for every cell many times."""
        if self._kind == "chat":
            return (
                (self.tr("Row"), lambda r: str(r.row)), (self.tr("Time"), lambda r: short_time(r.time)),
                (self.tr("Sender"), lambda r: r.sender), (self.tr("Message"), lambda r: r.text or r.media),
            )
        if self._kind == "invoice":
            return (
                (self.tr("Line"), lambda r: str(r.row)), (self.tr("Item"), lambda r: r.description),
                (self.tr("Seller"), lambda r: r.counterparty), (self.tr("Amount"), lambda r: r.amount),
                (self.tr("Specification, quantity, unit price, tax rate, tax"), lambda r: r.note),
            )
        return (
            (self.tr("Row"), lambda r: str(r.row)), (self.tr("Time"), lambda r: short_time(r.time)),
            (self.tr("Counterparty"), lambda r: r.counterparty), (self.tr("Description"), lambda r: r.description),
            (self.tr("In/out"), lambda r: str(r.direction)), (self.tr("Amount"), lambda r: r.amount),
            (self.tr("Status"), lambda r: r.status), (self.tr("Transaction number"), lambda r: r.transaction_no),
            (self.tr("Order number"), lambda r: r.order_no),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        columns = self._columns
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(columns):
            return None
        return columns[section][0]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](record)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if record.row in self._picked else Qt.CheckState.Unchecked
        if role == Roles.RECORD:
            return record
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        row = self._records[index.row()].row
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._picked.add(row)
        else:
            self._picked.discard(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.picked_changed.emit()
        return True


class SelectionsModel(QAbstractListModel):
    """The picked-row sets of one records item, each with its row count, as the dossier will name them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._selections: list[Selection] = []
        self._fallback = ""

    def set_selections(self, selections: Sequence[Selection], fallback_title: str) -> None:
        """`fallback_title` names an untitled selection, as the dossier does: the item's title with （节选）."""
        self.beginResetModel()
        self._selections, self._fallback = list(selections), fallback_title
        self.endResetModel()

    def selection_at(self, row: int) -> Selection:
        return self._selections[row]

    def name(self, selection: Selection) -> str:
        return selection.title or self._fallback

    def row_of(self, selection_id: int) -> int:
        return next((row for row, s in enumerate(self._selections) if s.id == selection_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._selections)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        selection = self._selections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            counted = self.tr("%n rows", "", len(selection.rows))
            return f"{self.name(selection)} · {counted}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return selection.purpose or None
        if role == Roles.SELECTION:
            return selection
        return None

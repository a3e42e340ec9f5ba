"""Rows of a bill or chat export that the user picked for the dossier ("selections", issue #16).

A selection names its rows by their source row number (Record.row), the number the dossier cites
and a reader finds in the original file, so it stays valid for as long as the item exists. Each
one becomes an exhibit of its own; every change is one audit-log entry with the row numbers.
"""
from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ocr.records import Record
from vault import audit, records
from vault.driver import Connection
from vault.errors import NotFound
from vault.store import Vault

_SHOWN_MISSING = 5
"""How many unknown row numbers an error names; a paste of thousands would drown the message."""


class SelectionProblem(StrEnum):
    """Why rows cannot be picked: stable codes each front end words in its language."""

    NOT_ROW_NUMBERS = "not_row_numbers"
    NO_ROWS = "no_rows"
    NO_RECORDS = "no_records"
    UNKNOWN_ROWS = "unknown_rows"


class SelectionRefused(ValueError):
    """Rows that cannot be picked, with its `SelectionProblem`; `rows` are the first unknown ones."""

    def __init__(self, problem: SelectionProblem, detail: str, rows: tuple[int, ...] = ()) -> None:
        super().__init__(detail)
        self.problem = problem
        self.rows = rows


@dataclass(frozen=True, slots=True)
class Selection:
    id: int
    item_id: int
    title: str
    """e.g. "三笔退款"; "" lets the dossier use the item's title with （节选）."""
    purpose: str
    """证明目的 printed in the 证据目录; may be ""."""
    rows: tuple[int, ...]
    """Source row numbers, ascending, each one a row the item has."""
    created_at: str


def _load(conn: Connection, where: str, params: tuple[int, ...]) -> list[Selection]:
    """Selections matching `where` (over selections s and items i), in id order, with their rows."""
    heads = conn.execute(
        f"SELECT s.id, s.item_id, s.title, s.purpose, s.created_at FROM selections s JOIN items i ON i.id = s.item_id"
        f" WHERE {where} ORDER BY s.id", params).fetchall()
    rows: dict[int, list[int]] = {head[0]: [] for head in heads}
    for selection_id, source_row in conn.execute(
        f"SELECT r.selection_id, r.source_row FROM selection_rows r WHERE r.selection_id IN"
        f" (SELECT s.id FROM selections s JOIN items i ON i.id = s.item_id WHERE {where})"
        " ORDER BY r.selection_id, r.source_row", params):
        rows[selection_id].append(source_row)
    return [Selection(sid, item_id, title, purpose, tuple(rows[sid]), created_at)
            for sid, item_id, title, purpose, created_at in heads]


def _check_item(conn: Connection, item_id: int) -> None:
    if conn.execute("SELECT 1 FROM items WHERE id = ?", (item_id,)).fetchone() is None:
        raise NotFound(f"no evidence item with id {item_id}")


def _one(conn: Connection, selection_id: int) -> Selection:
    found = _load(conn, "s.id = ?", (selection_id,))
    if not found:
        raise NotFound(f"no selection with id {selection_id}")
    return found[0]


def _checked_rows(conn: Connection, item_id: int, rows: Sequence[int]) -> tuple[int, ...]:
    """The rows ascending without repeats; ValueError unless each is a row the item has."""
    try:
        picked = sorted({operator.index(row) for row in rows})
    except TypeError as e:
        raise SelectionRefused(SelectionProblem.NOT_ROW_NUMBERS,
                               f"row numbers are whole numbers, not {list(rows)[:_SHOWN_MISSING]!r}") from e
    if not picked:
        raise SelectionRefused(SelectionProblem.NO_ROWS, "a selection needs at least one row")
    present = records.source_rows(conn, item_id)
    if not present:
        raise SelectionRefused(SelectionProblem.NO_RECORDS,
                               f"item {item_id} has no records: only the rows of a bill or chat export can be picked")
    missing = [row for row in picked if row not in present]
    if missing:
        shown = ", ".join(map(str, missing[:_SHOWN_MISSING])) + (", …" if len(missing) > _SHOWN_MISSING else "")
        raise SelectionRefused(SelectionProblem.UNKNOWN_ROWS,
                               f"item {item_id} has no record at row {shown}; its records are rows {min(present)}–"
                               f"{max(present)} of the file, without any left out at import",
                               tuple(missing[:_SHOWN_MISSING]))
    return tuple(picked)


def _store_rows(conn: Connection, selection_id: int, rows: Sequence[int]) -> None:
    conn.execute("DELETE FROM selection_rows WHERE selection_id = ?", (selection_id,))
    conn.executemany("INSERT INTO selection_rows(selection_id, source_row) VALUES (?, ?)",
                     [(selection_id, row) for row in rows])


def _payload(selection: Selection) -> dict[str, object]:
    return {"selection_id": selection.id, "item_id": selection.item_id, "title": selection.title,
            "purpose": selection.purpose, "rows": list(selection.rows)}


def row_runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows, to write them as 3, 7, 12–14."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def selections(vault: Vault, item_id: int) -> list[Selection]:
    """An item's selections in the order they were made."""
    with vault.db.lock:
        _check_item(vault.db.conn, item_id)
        return _load(vault.db.conn, "s.item_id = ?", (item_id,))


def case_selections(vault: Vault, case_id: int) -> dict[int, list[Selection]]:
    """The selections of a case's items, by item id (items without any are left out)."""
    vault.case(case_id)
    by_item: dict[int, list[Selection]] = {}
    with vault.db.lock:
        for selection in _load(vault.db.conn, "i.case_id = ?", (case_id,)):
            by_item.setdefault(selection.item_id, []).append(selection)
    return by_item


def all_selections(vault: Vault) -> list[Selection]:
    """Every selection in the vault, for verify."""
    with vault.db.lock:
        return _load(vault.db.conn, "1", ())


def create_selection(
    vault: Vault, item_id: int, rows: Sequence[int], title: str = "", purpose: str = ""
) -> Selection:
    """Pick rows of a records item as a new selection, logged as selection.create."""
    with vault.db.transaction() as conn:
        _check_item(conn, item_id)
        picked = _checked_rows(conn, item_id, rows)
        created_at = audit.utc_now()
        selection_id = conn.execute(
            "INSERT INTO selections(item_id, title, purpose, created_at) VALUES (?, ?, ?, ?)",
            (item_id, title.strip(), purpose.strip(), created_at),
        ).lastrowid
        _store_rows(conn, selection_id, picked)
        selection = Selection(selection_id, item_id, title.strip(), purpose.strip(), picked, created_at)
        audit.append(conn, "selection.create", _payload(selection))
    return selection


def update_selection(
    vault: Vault, selection_id: int, *, rows: Sequence[int] | None = None, title: str | None = None,
    purpose: str | None = None,
) -> Selection:
    """Change a selection's rows, title or purpose; the log entry holds all three as they now are."""
    with vault.db.transaction() as conn:
        old = _one(conn, selection_id)
        if rows is None and title is None and purpose is None:
            return old
        new = Selection(
            old.id, old.item_id, old.title if title is None else title.strip(),
            old.purpose if purpose is None else purpose.strip(),
            old.rows if rows is None else _checked_rows(conn, old.item_id, rows), old.created_at,
        )
        conn.execute("UPDATE selections SET title = ?, purpose = ? WHERE id = ?", (new.title, new.purpose, new.id))
        if new.rows != old.rows:
            _store_rows(conn, new.id, new.rows)
        audit.append(conn, "selection.update", _payload(new))
    return new


def delete_selection(vault: Vault, selection_id: int) -> None:
    """Remove a selection (its rows stay in the item); the log keeps what it was."""
    with vault.db.transaction() as conn:
        old = _one(conn, selection_id)
        conn.execute("DELETE FROM selections WHERE id = ?", (selection_id,))
        audit.append(conn, "selection.delete", _payload(old))


def selected_records(vault: Vault, selection: Selection) -> list[Record]:
    """The picked rows as records, in source order."""
    with vault.db.lock:
        return records.records_at_rows(vault.db.conn, selection.item_id, selection.rows)


def filter_records(
    vault: Vault, item_id: int, query: str, offset: int = 0, limit: int = -1
) -> tuple[list[Record], int]:
    """A page of one item's rows matching `query` as search matches them ("" for all), and the total.

    Numbers match exactly or in part, two Chinese characters as a word, longer text as a
    substring of counterparty, description or message; the page is in source order.
    """
    with vault.db.lock:
        _check_item(vault.db.conn, item_id)
        return records.filter_records(vault.db.conn, item_id, query, offset, limit)

"""Rows of bill and chat exports stored as records of their item, and their search index.

A record keeps the line number it had in the source file, so an exhibit can cite it and a person
can find the row in the original, which stays stored byte-exact beside it.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence

from ocr.records import Direction, Record
from vault import search
from vault.driver import Connection

_COLUMNS = (
    "source_row", "time", "counterparty", "description", "direction", "amount", "refunded", "status", "category",
    "method", "transaction_no", "order_no", "note", "sender", "is_me", "text", "media",
)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM records"
_LONG_NUMBER = re.compile(rf"\d{{{search.EXACT_ONLY_DIGITS},}}")


def _values(item_id: int, record: Record) -> tuple:
    return (item_id, record.row, record.time, record.counterparty, record.description, str(record.direction),
            record.amount, record.refunded, record.status, record.category, record.method, record.transaction_no,
            record.order_no, record.note, record.sender, int(record.is_me), record.text, record.media)


def _record(row: Sequence) -> Record:
    return Record(row[0], *row[1:4], Direction(row[4]), *row[5:14], bool(row[14]), row[15], row[16])


def store_records(conn: Connection, item_id: int, records: Sequence[Record]) -> None:
    """Insert an item's records and index each one for search (inside the import's transaction)."""
    marks = ", ".join("?" * (len(_COLUMNS) + 1))
    conn.executemany(f"INSERT INTO records(item_id, {', '.join(_COLUMNS)}) VALUES ({marks})",
                     [_values(item_id, r) for r in records])
    by_row = {r.row: r.search_text() for r in records}
    ids = conn.execute("SELECT id, source_row FROM records WHERE item_id = ?", (item_id,)).fetchall()
    search.index_records(conn, [(record_id, by_row[row]) for record_id, row in ids])
    conn.executemany("INSERT INTO record_numbers(record_id, number) VALUES (?, ?)", [
        (record_id, number) for record_id, row in ids for number in set(_LONG_NUMBER.findall(by_row[row]))
    ])


def item_records(conn: Connection, item_id: int, offset: int = 0, limit: int = -1) -> list[Record]:
    """An item's records in source order; `limit` -1 for all (the GUI pages through them)."""
    rows = conn.execute(f"{_SELECT} WHERE item_id = ? ORDER BY source_row LIMIT ? OFFSET ?",
                        (item_id, limit, offset)).fetchall()
    return [_record(r) for r in rows]


def count_records(conn: Connection, item_id: int) -> int:
    return conn.execute("SELECT count(*) FROM records WHERE item_id = ?", (item_id,)).fetchone()[0]


def source_rows(conn: Connection, item_id: int) -> set[int]:
    """The source row numbers an item has records for (to check a selection against)."""
    return {r[0] for r in conn.execute("SELECT source_row FROM records WHERE item_id = ?", (item_id,))}


def records_at_rows(conn: Connection, item_id: int, rows: Sequence[int]) -> list[Record]:
    """An item's records at these source rows, in source order (one JSON parameter, however many rows)."""
    found = conn.execute(
        f"{_SELECT} WHERE item_id = ? AND source_row IN (SELECT value FROM json_each(?)) ORDER BY source_row",
        (item_id, json.dumps(list(rows))),
    ).fetchall()
    return [_record(r) for r in found]


def filter_records(
    conn: Connection, item_id: int, query: str, offset: int = 0, limit: int = -1
) -> tuple[list[Record], int]:
    """A page of an item's records matching the query, in source order, and how many match in all."""
    if not search.normalize_query(query):
        return item_records(conn, item_id, offset, limit), count_records(conn, item_id)
    matched = search.search_records_of_item(conn, query, item_id)
    page = conn.execute(
        f"{_SELECT} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY source_row LIMIT ? OFFSET ?",
        (json.dumps(matched), limit, offset),
    ).fetchall()
    return [_record(r) for r in page], len(matched)


def matching_records(conn: Connection, query: str, item_ids: Sequence[int], limit: int = 200) -> dict[int, list[Record]]:
    """Records of these items that match the query, by item, in source order."""
    record_ids = search.search_record_ids(conn, query, limit=limit)
    if not record_ids or not item_ids:
        return {}
    found: dict[int, list[Record]] = {}
    marks = ", ".join("?" * len(record_ids))
    items = ", ".join("?" * len(item_ids))
    rows = conn.execute(
        f"SELECT item_id, {', '.join(_COLUMNS)} FROM records WHERE id IN ({marks}) AND item_id IN ({items})"
        " ORDER BY item_id, source_row",
        (*record_ids, *item_ids),
    ).fetchall()
    for row in rows:
        found.setdefault(row[0], []).append(_record(row[1:]))
    return found

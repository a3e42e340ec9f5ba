"""Search over OCR text, notes, field values and the records of bill and chat exports.

Items and records have their own pair of indexes (records are many: a year's bill is thousands
of rows), searched the same way; an item is found by its own text or by any of its records.

Three paths, chosen per query term by its length:
- digits (an order, logistics or ticket number): exact lookup on the fields' normalized values,
  merged with substring matches so a partial number also finds the item;
- three or more characters: FTS5 with the trigram tokenizer (substring match, Chinese included);
- two characters (白条, 客服, 退款): a second FTS5 index whose tokens are overlapping character
  pairs, because trigram cannot match fewer than three characters;
- one character: a scan of the trigram table's text with LIKE, bounded by the result limit.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from vault.driver import Connection


@dataclass(frozen=True, slots=True)
class _Index:
    trigram: str
    bigram: str


_ITEMS = _Index("search_trigram", "search_bigram")
_RECORDS = _Index("record_trigram", "record_bigram")

_WORD = re.compile(r"\S+")
_DIGITS = re.compile(r"[0-9][0-9 \-]*[0-9]")


def bigram_document(body: str) -> str:
    """Overlapping two-character tokens of every word, for the bigram index."""
    tokens: list[str] = []
    for word in _WORD.findall(body.lower()):
        tokens.extend(word[i : i + 2] for i in range(len(word) - 1))
    return " ".join(tokens)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _exact_field_matches(conn: Connection, term: str) -> list[int]:
    rows = conn.execute("SELECT DISTINCT item_id FROM fields WHERE normalized = ?", (term,)).fetchall()
    return [r[0] for r in rows]


def _exact_record_matches(conn: Connection, term: str) -> list[int]:
    rows = conn.execute("SELECT DISTINCT record_id FROM record_numbers WHERE number = ?", (term,)).fetchall()
    return [r[0] for r in rows]


@dataclass(frozen=True, slots=True)
class _Scope:
    """A range of the rowids searched, e.g. around the records of one item.

    A range, not `rowid IN (subquery)`: FTS5 walks a rowid range in its index, but looks an IN
    list up one rowid at a time (1.4 s for a common word in a 10,000-row bill, against ms).
    """

    first: int | None = None
    last: int | None = None

    def clause(self) -> str:
        return "" if self.first is None else " AND rowid BETWEEN ? AND ?"

    @property
    def params(self) -> tuple[int, ...]:
        return () if self.first is None else (self.first, self.last)


_EVERYWHERE = _Scope()


def _term_matches(conn: Connection, term: str, limit: int, index: _Index, scope: _Scope = _EVERYWHERE) -> list[int]:
    """Ids whose searchable text in `index` contains the term, newest first.

    Not ORDER BY rank: bm25 must score every match before the LIMIT applies, which cost 20 ms for a
    common term in 10,000 items (bench/search_latency.py); rowid order stops at the limit.
    """
    term = term.lower()
    where = scope.clause()
    if len(term) >= 3:
        rows = conn.execute(
            f"SELECT rowid FROM {index.trigram} WHERE {index.trigram} MATCH ?{where} ORDER BY rowid DESC LIMIT ?",
            (_phrase(term), *scope.params, limit),
        ).fetchall()
    elif len(term) == 2:
        if not term.strip("\"'*()"):
            return []
        rows = conn.execute(
            f"SELECT rowid FROM {index.bigram} WHERE {index.bigram} MATCH ?{where} ORDER BY rowid DESC LIMIT ?",
            (_phrase(term), *scope.params, limit),
        ).fetchall()
    else:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = conn.execute(
            f"SELECT rowid FROM {index.trigram} WHERE body LIKE ? ESCAPE '\\'{where} LIMIT ?",
            (f"%{escaped}%", *scope.params, limit),
        ).fetchall()
    return [r[0] for r in rows]


def normalize_query(query: str) -> list[str]:
    """Split into terms; a number typed with spaces or dashes (1234 5678) becomes one term."""
    query = _DIGITS.sub(lambda m: re.sub(r"[ \-]", "", m.group()), query.strip())
    return _WORD.findall(query)


EXACT_ONLY_DIGITS = 10
"""A number this long that equals an extracted field is an order/ticket number: its exact matches
are the answer, and the substring scan (slow, since digit trigrams occur in most items) is skipped.
A record's long numbers, in its columns or in a message's text, are all in record_numbers for this."""


ExactMatches = Callable[[Connection, str], list[int]]


def _ids_for_term(
    conn: Connection, term: str, limit: int, index: _Index, exact_matches: ExactMatches, scope: _Scope
) -> list[int]:
    exact = exact_matches(conn, term) if term.isdigit() else []
    if exact and len(term) >= EXACT_ONLY_DIGITS:
        return exact
    seen = set(exact)
    return exact + [i for i in _term_matches(conn, term, limit, index, scope) if i not in seen]


def _matching_ids(
    conn: Connection, query: str, limit: int, index: _Index, exact_matches: ExactMatches,
    scope: _Scope = _EVERYWHERE,
) -> list[int]:
    """Ids matching every term of the query; exact number matches come first."""
    terms = normalize_query(query)
    if not terms:
        return []
    fetch = limit if len(terms) == 1 else limit * 4  # intersections need room
    result: list[int] | None = None
    for term in terms:
        ids = _ids_for_term(conn, term, fetch, index, exact_matches, scope)
        if result is None:
            result = ids
        else:
            found = set(ids)
            result = [i for i in result if i in found]
    return (result or [])[:limit]


def search_record_ids(conn: Connection, query: str, limit: int = 200) -> list[int]:
    """Ids of records matching every term of the query; transaction and order numbers exactly first."""
    return _matching_ids(conn, query, limit, _RECORDS, _exact_record_matches)


def search_records_of_item(conn: Connection, query: str, item_id: int) -> list[int]:
    """Ids of one item's records matching every term, all of them: the filter of an export's rows."""
    first, last, count = conn.execute(
        "SELECT min(id), max(id), count(*) FROM records WHERE item_id = ?", (item_id,)).fetchone()
    if first is None:
        return []

    def exact_in_item(conn: Connection, term: str) -> list[int]:
        rows = conn.execute(
            "SELECT DISTINCT n.record_id FROM record_numbers n JOIN records r ON r.id = n.record_id"
            " WHERE n.number = ? AND r.item_id = ?", (term, item_id)).fetchall()
        return [r[0] for r in rows]

    # An import stores its records in one go, so their ids are one run; others' ids inside it are dropped.
    found = _matching_ids(conn, query, last - first + 1, _RECORDS, exact_in_item, _Scope(first, last))
    if count == last - first + 1:
        return found
    own = {r[0] for r in conn.execute("SELECT id FROM records WHERE item_id = ?", (item_id,))}
    return [record_id for record_id in found if record_id in own]


def search_item_ids(conn: Connection, query: str, limit: int = 200) -> list[int]:
    """Ids of items matching every term of the query, then of items with a record that does."""
    own = _matching_ids(conn, query, limit, _ITEMS, _exact_field_matches)
    record_ids = search_record_ids(conn, query, limit)
    if not record_ids:
        return own
    marks = ", ".join("?" * len(record_ids))
    holders = conn.execute(f"SELECT DISTINCT item_id FROM records WHERE id IN ({marks})", record_ids).fetchall()
    seen = set(own)
    return (own + [r[0] for r in holders if r[0] not in seen])[:limit]


def index_item(conn: Connection, item_id: int, body: str) -> None:
    """Replace an item's searchable text in both indexes."""
    unindex_item(conn, item_id)
    conn.execute("INSERT INTO search_trigram(rowid, body) VALUES (?, ?)", (item_id, body))
    conn.execute("INSERT INTO search_bigram(rowid, body) VALUES (?, ?)", (item_id, bigram_document(body)))


def unindex_item(conn: Connection, item_id: int) -> None:
    row = conn.execute("SELECT body FROM search_trigram WHERE rowid = ?", (item_id,)).fetchone()
    if row is None:
        return
    conn.execute("DELETE FROM search_trigram WHERE rowid = ?", (item_id,))
    # A contentless FTS5 table deletes by re-supplying the indexed text.
    conn.execute(
        "INSERT INTO search_bigram(search_bigram, rowid, body) VALUES ('delete', ?, ?)",
        (item_id, bigram_document(row[0])),
    )


def index_records(conn: Connection, bodies: Sequence[tuple[int, str]]) -> None:
    """Index (record id, searchable text) pairs in the records' trigram and bigram indexes."""
    conn.executemany(f"INSERT INTO {_RECORDS.trigram}(rowid, body) VALUES (?, ?)", bodies)
    conn.executemany(f"INSERT INTO {_RECORDS.bigram}(rowid, body) VALUES (?, ?)",
                     [(record_id, bigram_document(body)) for record_id, body in bodies])


def unindex_records(conn: Connection, item_id: int) -> None:
    """Drop an item's records from both indexes (before the item and its records are deleted)."""
    rows = conn.execute(
        f"SELECT rowid, body FROM {_RECORDS.trigram} WHERE rowid IN (SELECT id FROM records WHERE item_id = ?)",
        (item_id,),
    ).fetchall()
    conn.executemany(f"DELETE FROM {_RECORDS.trigram} WHERE rowid = ?", [(r[0],) for r in rows])
    conn.executemany(f"INSERT INTO {_RECORDS.bigram}({_RECORDS.bigram}, rowid, body) VALUES ('delete', ?, ?)",
                     [(r[0], bigram_document(r[1])) for r in rows])

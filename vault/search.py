"""Search over OCR text, notes and field values.

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

from vault.driver import Connection

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


def _term_matches(conn: Connection, term: str, limit: int) -> list[int]:
    """Item ids whose searchable text contains the term, newest first.

    Not ORDER BY rank: bm25 must score every match before the LIMIT applies, which cost 20 ms for a
    common term in 10,000 items (bench/search_latency.py); rowid order stops at the limit.
    """
    term = term.lower()
    if len(term) >= 3:
        rows = conn.execute(
            "SELECT rowid FROM search_trigram WHERE search_trigram MATCH ? ORDER BY rowid DESC LIMIT ?",
            (_phrase(term), limit),
        ).fetchall()
    elif len(term) == 2:
        if not term.strip("\"'*()"):
            return []
        rows = conn.execute(
            "SELECT rowid FROM search_bigram WHERE search_bigram MATCH ? ORDER BY rowid DESC LIMIT ?",
            (_phrase(term), limit),
        ).fetchall()
    else:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = conn.execute(
            "SELECT rowid FROM search_trigram WHERE body LIKE ? ESCAPE '\\' LIMIT ?", (f"%{escaped}%", limit)
        ).fetchall()
    return [r[0] for r in rows]


def normalize_query(query: str) -> list[str]:
    """Split into terms; a number typed with spaces or dashes (1234 5678) becomes one term."""
    query = _DIGITS.sub(lambda m: re.sub(r"[ \-]", "", m.group()), query.strip())
    return _WORD.findall(query)


EXACT_ONLY_DIGITS = 10
"""A number this long that equals an extracted field is an order/ticket number: its exact matches
are the answer, and the substring scan (slow, since digit trigrams occur in most items) is skipped."""


def _ids_for_term(conn: Connection, term: str, limit: int) -> list[int]:
    exact = _exact_field_matches(conn, term) if term.isdigit() else []
    if exact and len(term) >= EXACT_ONLY_DIGITS:
        return exact
    seen = set(exact)
    return exact + [i for i in _term_matches(conn, term, limit) if i not in seen]


def search_item_ids(conn: Connection, query: str, limit: int = 200) -> list[int]:
    """Ids of items matching every term of the query; exact field matches come first."""
    terms = normalize_query(query)
    if not terms:
        return []
    fetch = limit if len(terms) == 1 else limit * 4  # intersections need room
    result: list[int] | None = None
    for term in terms:
        ids = _ids_for_term(conn, term, fetch)
        if result is None:
            result = ids
        else:
            found = set(ids)
            result = [i for i in result if i in found]
    return (result or [])[:limit]


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

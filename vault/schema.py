"""Schema versions as ordered migrations; PRAGMA user_version records the applied one."""
from __future__ import annotations

from collections.abc import Callable

from vault.driver import Connection

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    respondent TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT '',
    claim TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    sha256 TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    width INTEGER,
    height INTEGER,
    source_mtime TEXT,
    captured_at TEXT,
    imported_at TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'other',
    kind_origin TEXT NOT NULL DEFAULT 'auto',
    note TEXT NOT NULL DEFAULT '',
    ocr_state TEXT NOT NULL DEFAULT 'pending',
    ocr_engine TEXT,
    ocr_error TEXT,
    ocr_text TEXT NOT NULL DEFAULT '',
    UNIQUE (case_id, sha256)
);
CREATE INDEX items_case ON items(case_id);
CREATE TABLE originals (item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE, data BLOB NOT NULL);
CREATE TABLE thumbnails (item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE, data BLOB NOT NULL);
CREATE TABLE ocr_lines (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    text TEXT NOT NULL,
    x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER,
    confidence REAL NOT NULL,
    PRIMARY KEY (item_id, line_no)
);
CREATE TABLE fields (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    raw TEXT NOT NULL,
    normalized TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('ocr', 'user')),
    x0 INTEGER, y0 INTEGER, x1 INTEGER, y1 INTEGER,
    confidence REAL NOT NULL DEFAULT 1.0,
    reference TEXT NOT NULL DEFAULT '',
    corrects INTEGER REFERENCES fields(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX fields_item ON fields(item_id);
CREATE INDEX fields_normalized ON fields(normalized);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_trigram USING fts5(body, tokenize = 'trigram');
"""

# v2: dossier details on cases and items, and a bigram index so that two-character Chinese
# queries (白条, 客服, 退款) match: FTS5's trigram tokenizer cannot match fewer than 3 characters.
_V2 = """
ALTER TABLE cases ADD COLUMN case_number TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN facts TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN complainant_name TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN complainant_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN complainant_address TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN respondent_address TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN formed_at TEXT;
CREATE VIRTUAL TABLE search_bigram USING fts5(body, tokenize = 'unicode61', content = '', columnsize = 0);
"""


def _run_script(conn: Connection, script: str) -> None:
    """Run DDL statement by statement: executescript() would commit the migration's transaction."""
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _migrate_to_v2(conn: Connection) -> None:
    _run_script(conn, _V2)
    from vault.search import bigram_document  # local: search imports nothing from schema

    for rowid, body in conn.execute("SELECT rowid, body FROM search_trigram").fetchall():
        conn.execute("INSERT INTO search_bigram(rowid, body) VALUES (?, ?)", (rowid, bigram_document(body)))


MIGRATIONS: list[Callable[[Connection], None]] = [
    lambda conn: _run_script(conn, _V1),
    _migrate_to_v2,
]
"""MIGRATIONS[n] takes a vault from version n to n + 1."""

SCHEMA_VERSION = len(MIGRATIONS)

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


# v3: identifiers are never reused (issue: the audit history of one id mixed two files after a
# delete), so cases, items and fields get AUTOINCREMENT; SQLite can only add it by rebuilding the
# table. Fields gain the role an amount plays on its page (实付款, 退款, 本期应还 …).
_REBUILT_TABLES = {
    "cases": ("case_id", "id INTEGER PRIMARY KEY AUTOINCREMENT"),
    "items": ("item_id", "id INTEGER PRIMARY KEY AUTOINCREMENT"),
    "fields": ("field_id", "id INTEGER PRIMARY KEY AUTOINCREMENT"),
}


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


def _rebuild_with_autoincrement(conn: Connection, table: str, id_column_sql: str) -> None:
    """Recreate `table` from its own CREATE statement with an AUTOINCREMENT key, rows kept."""
    (create_sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    head, sep, rest = create_sql.partition("id INTEGER PRIMARY KEY")
    if not sep:
        raise RuntimeError(f"unexpected schema of table {table}")
    indexes = [row[0] for row in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,))]
    conn.execute(head.replace(f"CREATE TABLE {table}", f"CREATE TABLE new_{table}", 1) + id_column_sql + rest)
    conn.execute(f"INSERT INTO new_{table} SELECT * FROM {table}")
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE new_{table} RENAME TO {table}")
    for index_sql in indexes:
        conn.execute(index_sql)


def _highest_id_ever(conn: Connection, table: str, payload_key: str) -> int:
    """The largest id the table or the audit log has seen: deleted rows left only their log entries."""
    in_table = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
    in_log = conn.execute(
        "SELECT coalesce(max(CAST(json_extract(payload, ?) AS INTEGER)), 0) FROM audit_log WHERE json_valid(payload)",
        (f"$.{payload_key}",),
    ).fetchone()[0]
    return max(in_table, in_log)


def _migrate_to_v3(conn: Connection) -> None:
    """Needs foreign key enforcement off (Database.migrate does that): DROP TABLE must not cascade."""
    for table, (payload_key, id_column_sql) in _REBUILT_TABLES.items():
        highest = _highest_id_ever(conn, table, payload_key)
        _rebuild_with_autoincrement(conn, table, id_column_sql)
        conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
        conn.execute("INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)", (table, highest))
    conn.execute("ALTER TABLE fields ADD COLUMN role TEXT NOT NULL DEFAULT ''")
    # A random id to recognise this vault's copies by, and the log head outside the log's pages.
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('vault_id', lower(hex(randomblob(16))))")
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) SELECT 'audit_head', seq || ':' || hash FROM audit_log"
        " ORDER BY seq DESC LIMIT 1"
    )
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"foreign keys broken by the v3 migration: {broken[:3]}")


# v4: the rows of bill and chat exports as records of their item (issue #16), with their own
# trigram and bigram indexes (a 10,000-row bill in one item's index would make every search of a
# word in it return the whole bill), and every long number of a record (its transaction and order
# numbers, one typed in a chat message) in an indexed table for the exact lookup.
_V4 = """
CREATE TABLE records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    source_row INTEGER NOT NULL,
    time TEXT NOT NULL DEFAULT '',
    counterparty TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT '' CHECK (direction IN ('', '收', '支', '不计')),
    amount TEXT NOT NULL DEFAULT '',
    refunded TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    transaction_no TEXT NOT NULL DEFAULT '',
    order_no TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    sender TEXT NOT NULL DEFAULT '',
    is_me INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    media TEXT NOT NULL DEFAULT '',
    UNIQUE (item_id, source_row)
);
CREATE TABLE record_numbers (
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    number TEXT NOT NULL
);
CREATE INDEX record_numbers_number ON record_numbers(number);
CREATE INDEX record_numbers_record ON record_numbers(record_id);
CREATE VIRTUAL TABLE record_trigram USING fts5(body, tokenize = 'trigram');
CREATE VIRTUAL TABLE record_bigram USING fts5(body, tokenize = 'unicode61', content = '', columnsize = 0);
"""

# v5: rows of a records item the user picked for the dossier (issue #16), each set an exhibit of its
# own. Rows are named by their source row number, as the dossier cites them. Ids are never reused
# (AUTOINCREMENT, as v3 made them for items), so the log history of one selection id is one
# selection's; the table is new, so unlike v3 there are no earlier ids in the log to skip.
_V5 = """
CREATE TABLE selections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX selections_item ON selections(item_id);
CREATE TABLE selection_rows (
    selection_id INTEGER NOT NULL REFERENCES selections(id) ON DELETE CASCADE,
    source_row INTEGER NOT NULL,
    PRIMARY KEY (selection_id, source_row)
) WITHOUT ROWID;
"""


MIGRATIONS: list[Callable[[Connection], None]] = [
    lambda conn: _run_script(conn, _V1),
    _migrate_to_v2,
    _migrate_to_v3,
    lambda conn: _run_script(conn, _V4),
    lambda conn: _run_script(conn, _V5),
]
"""MIGRATIONS[n] takes a vault from version n to n + 1."""

SCHEMA_VERSION = len(MIGRATIONS)

"""The Vault: cases, evidence items, fields and their audit trail in one encrypted file."""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ocr.records import Record, RecordFile, UnreadableRecords, read_records
from ocr.types import ExtractedField, OcrLine
from vault import audit, records, search
from vault.database import Database, remove_with_journals
from vault.driver import DatabaseError
from vault.errors import NotFound, RejectedFile, Rejection
from vault.filenames import display_name, undecodable_name_bytes
from vault.media import MAX_FILE_BYTES, check_size, inspect_file, records_media_type, table_thumbnail
from vault.seen_heads import remember_head
from vault.evidence import (
    CASE_DETAIL_COLUMNS,
    KINDS,
    Case,
    Field,
    ImportOutcome,
    ImportStatus,
    Item,
    OcrLineRecord,
    OcrState,
)

_ITEM_COLUMNS = (
    "id, case_id, sha256, original_name, size, media_type, width, height, source_mtime, captured_at, "
    "imported_at, kind, kind_origin, note, title, purpose, formed_at, ocr_state, ocr_engine, ocr_error, ocr_text"
)
_EDITABLE_ITEM_COLUMNS = ("note", "kind", "title", "purpose", "formed_at")
_NO_BOX = (None, None, None, None)


def _bbox(row: Sequence[Any]) -> tuple[int, int, int, int] | None:
    return None if row[0] is None else (row[0], row[1], row[2], row[3])


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


def _read_evidence_file(path: Path) -> tuple[bytes, str]:
    """A regular file's bytes and mtime, checked against the size limit before reading.

    Pipes and devices are refused unread: opening a FIFO blocks and /dev/zero never ends.
    """
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise RejectedFile(Rejection.NOT_A_FILE, "is a folder")
        if not stat.S_ISREG(status.st_mode):
            raise RejectedFile(Rejection.NOT_A_FILE, "is not a regular file (a device, pipe or socket)")
        check_size(status.st_size)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # bounded even if the file grew since stat
    except PermissionError:
        raise RejectedFile(Rejection.UNREADABLE, "permission denied") from None
    except OSError as e:
        raise RejectedFile(Rejection.UNREADABLE, e.strerror or str(e)) from e
    check_size(len(data))
    return data, datetime.fromtimestamp(status.st_mtime, UTC).isoformat()


class Vault:
    """An open vault. Every method is a complete operation in its own transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def create(cls, path: Path, passphrase: str) -> Vault:
        """A new vault; if making it fails (a full disk), nothing is left that blocks the next try."""
        path = Path(path)
        existed = os.path.lexists(path)
        db = None
        try:
            db = Database.create(path, passphrase)
            with db.transaction() as conn:
                conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (audit.utc_now(),))
                audit.append(conn, "vault.create", {})
        except BaseException:
            if db is not None:
                db.close()
            if not existed:
                remove_with_journals(path)
            raise
        return cls(db)

    @classmethod
    def open(cls, path: Path, passphrase: str, read_only: bool = False) -> Vault:
        return cls(Database.open(path, passphrase, read_only))

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def vault_id(self) -> str:
        rows = self.db.query("SELECT value FROM meta WHERE key = 'vault_id'")
        return rows[0][0] if rows else ""

    def checkpoint(self) -> None:
        """Make the vault file whole on its own (after an import, before a plain copy is taken)."""
        self.db.checkpoint()

    def close(self) -> None:
        """Close, remembering the log head outside the file so a later rollback to a copy shows."""
        if self.db.closed:
            return
        try:
            if not self.db.read_only and self.db.file_lock.still_at_path():
                remember_head(self.vault_id, self.path, *self.audit_head())
        except DatabaseError:
            pass  # a damaged vault is reported by verify; closing it must still work
        finally:
            self.db.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- cases -------------------------------------------------------------------------------

    def add_case(self, title: str, **details: str) -> int:
        if not title.strip():
            raise ValueError("a case needs a title")
        values = {"title": title.strip(), **details}
        unknown = set(values) - set(CASE_DETAIL_COLUMNS)
        if unknown:
            raise ValueError(f"unknown case details: {', '.join(sorted(unknown))}")
        columns = ", ".join([*values, "created_at"])
        marks = ", ".join("?" * (len(values) + 1))
        with self.db.transaction() as conn:
            case_id = conn.execute(
                f"INSERT INTO cases({columns}) VALUES ({marks})", (*values.values(), audit.utc_now())
            ).lastrowid
            audit.append(conn, "case.add", {"case_id": case_id, **values})
        return case_id

    def update_case(self, case_id: int, **details: str) -> None:
        unknown = set(details) - set(CASE_DETAIL_COLUMNS)
        if unknown:
            raise ValueError(f"unknown case details: {', '.join(sorted(unknown))}")
        if not details:
            return
        self.case(case_id)
        assignments = ", ".join(f"{name} = ?" for name in details)
        with self.db.transaction() as conn:
            conn.execute(f"UPDATE cases SET {assignments} WHERE id = ?", (*details.values(), case_id))
            audit.append(conn, "case.edit", {"case_id": case_id, **details})

    def cases(self) -> list[Case]:
        columns = ", ".join(["id", *CASE_DETAIL_COLUMNS, "created_at"])
        rows = self.db.query(f"SELECT {columns} FROM cases ORDER BY id")
        return [Case(**dict(zip(["id", *CASE_DETAIL_COLUMNS, "created_at"], row))) for row in rows]

    def case(self, case_id: int) -> Case:
        for case in self.cases():
            if case.id == case_id:
                return case
        raise NotFound(f"no case with id {case_id}")

    def find_case(self, ref: str) -> Case:
        """A case by id or exact title, as typed on a command line."""
        for case in self.cases():
            if str(case.id) == ref or case.title == ref:
                return case
        raise NotFound(f"no case {ref!r}; list them with 'evidence-vault case list'")

    # --- import ------------------------------------------------------------------------------

    def import_file(
        self, case_id: int, path: Path, kind: str | None = None, password: str | None = None, chat_name: str = ""
    ) -> ImportOutcome:
        """Import one file as evidence; rejected files raise nothing and change nothing.

        `password` opens a ZIP a bill was mailed in and `chat_name` is the person's own name in a
        pasted chat (see import_bytes)."""
        path = Path(path)
        name = display_name(path.name)  # a GBK name from a Windows zip is not UTF-8 (vault.filenames)
        try:
            data, mtime = _read_evidence_file(path)
        except RejectedFile as e:
            return ImportOutcome(ImportStatus.REJECTED, name, reason=e.reason, detail=e.detail)
        return self.import_bytes(
            case_id, data, name, source_mtime=mtime, kind=kind, name_bytes=undecodable_name_bytes(path.name),
            password=password, chat_name=chat_name,
        )

    def import_bytes(
        self,
        case_id: int,
        data: bytes,
        original_name: str,
        source_mtime: str | None = None,
        kind: str | None = None,
        name_bytes: bytes | None = None,
        password: str | None = None,
        chat_name: str = "",
    ) -> ImportOutcome:
        """Store the original byte-exact with its hash, thumbnail and log entry, atomically.

        `name_bytes` are the file name's own bytes when `original_name` had to be decoded from
        another charset; the log keeps them as hex. A bill or chat export (ocr.records) is
        stored with its rows as records, in the same transaction; `password` opens the ZIP it
        may come in and is used in memory only, never stored or logged.
        """
        if kind is not None:
            _check_kind(kind)
        self.case(case_id)
        sha256 = hashlib.sha256(data).hexdigest()
        existing = self.db.query("SELECT id FROM items WHERE case_id = ? AND sha256 = ?", (case_id, sha256))
        if existing:
            return ImportOutcome(ImportStatus.DUPLICATE, original_name, item_id=existing[0][0])
        try:
            found = read_records(data, original_name, password=password, me=chat_name)
        except UnreadableRecords as e:
            return ImportOutcome(ImportStatus.REJECTED, original_name, reason=Rejection(e.problem.value), detail=e.detail)
        if found is not None:
            return self._import_records(case_id, data, original_name, source_mtime, kind, name_bytes, found)
        try:
            info = inspect_file(data)
        except RejectedFile as e:
            return ImportOutcome(ImportStatus.REJECTED, original_name, reason=e.reason, detail=e.detail)
        imported_at = audit.utc_now()
        with self.db.transaction() as conn:
            item_id = conn.execute(
                "INSERT INTO items(case_id, sha256, original_name, size, media_type, width, height, source_mtime,"
                " captured_at, imported_at, kind, kind_origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case_id, sha256, original_name, len(data), info.media_type, info.width, info.height,
                    source_mtime, info.captured_at, imported_at, kind or "other", "user" if kind else "auto",
                ),
            ).lastrowid
            conn.execute("INSERT INTO originals(item_id, data) VALUES (?, ?)", (item_id, data))
            conn.execute("INSERT INTO thumbnails(item_id, data) VALUES (?, ?)", (item_id, info.thumbnail))
            self._reindex(item_id)
            audit.append(
                conn,
                "item.import",
                {"item_id": item_id, "case_id": case_id, "sha256": sha256, "name": original_name, "size": len(data),
                 **({"name_bytes": name_bytes.hex()} if name_bytes is not None else {})},
            )
        return ImportOutcome(ImportStatus.IMPORTED, original_name, item_id=item_id)

    def _import_records(
        self, case_id: int, data: bytes, original_name: str, source_mtime: str | None, kind: str | None,
        name_bytes: bytes | None, found: RecordFile,
    ) -> ImportOutcome:
        """A bill, chat export or e-invoice file: the file as an item (never OCR'd: its text is its rows),
        its rows, and the facts it states of itself (an invoice's number, date, totals) as its fields."""
        sha256 = hashlib.sha256(data).hexdigest()
        with self.db.transaction() as conn:
            item_id = conn.execute(
                "INSERT INTO items(case_id, sha256, original_name, size, media_type, source_mtime, imported_at, kind,"
                " kind_origin, ocr_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (case_id, sha256, original_name, len(data), records_media_type(data, found.layout), source_mtime,
                 audit.utc_now(), kind or found.kind, "user" if kind else "auto", OcrState.SKIPPED),
            ).lastrowid
            conn.execute("INSERT INTO originals(item_id, data) VALUES (?, ?)", (item_id, data))
            conn.execute("INSERT INTO thumbnails(item_id, data) VALUES (?, ?)", (item_id, table_thumbnail()))
            records.store_records(conn, item_id, found.records)
            self._replace_ocr_fields(conn, item_id, found.fields)  # read by machine, like OCR: corrections apply
            self._reindex(item_id)
            audit.append(conn, "item.import", {
                "item_id": item_id, "case_id": case_id, "sha256": sha256, "name": original_name, "size": len(data),
                "layout": found.layout, "records": len(found.records), "bad_rows": [b.row for b in found.bad_rows],
                **({"inner_name": found.inner_name} if found.inner_name else {}),
                **({"name_bytes": name_bytes.hex()} if name_bytes is not None else {}),
            })
        return ImportOutcome(ImportStatus.IMPORTED, original_name, item_id=item_id, records=len(found.records),
                             bad_rows=tuple((b.row, b.reason) for b in found.bad_rows))

    # --- items -------------------------------------------------------------------------------

    def items(self, case_id: int | None = None) -> list[Item]:
        """Items without their fields and lines (cheap, for lists)."""
        where, params = ("WHERE case_id = ?", (case_id,)) if case_id is not None else ("", ())
        rows = self.db.query(f"SELECT {_ITEM_COLUMNS} FROM items {where} ORDER BY id", params)
        return [Item(*row) for row in rows]

    def items_with_fields(self, case_id: int | None = None) -> list[Item]:
        return [self.item(i.id) for i in self.items(case_id)]

    def item(self, item_id: int) -> Item:
        rows = self.db.query(f"SELECT {_ITEM_COLUMNS} FROM items WHERE id = ?", (item_id,))
        if not rows:
            raise NotFound(f"no evidence item with id {item_id}")
        return Item(*rows[0], fields=tuple(self._fields(item_id)), ocr_lines=tuple(self._ocr_lines(item_id)))

    def _fields(self, item_id: int) -> list[Field]:
        rows = self.db.query(
            "SELECT id, item_id, type, raw, normalized, origin, x0, y0, x1, y1, confidence, reference, corrects, role"
            " FROM fields WHERE item_id = ? ORDER BY id",
            (item_id,),
        )
        corrected = {r[12] for r in rows if r[12] is not None}
        return [
            Field(r[0], r[1], r[2], r[3], r[4], r[5], _bbox(r[6:10]), r[10], r[11], r[12], r[0] in corrected, r[13])
            for r in rows
        ]

    def _ocr_lines(self, item_id: int) -> list[OcrLineRecord]:
        rows = self.db.query(
            "SELECT text, x0, y0, x1, y1, confidence FROM ocr_lines WHERE item_id = ? ORDER BY line_no", (item_id,)
        )
        return [OcrLineRecord(r[0], _bbox(r[1:5]), r[5]) for r in rows]

    def original(self, item_id: int) -> bytes:
        rows = self.db.query("SELECT data FROM originals WHERE item_id = ?", (item_id,))
        if not rows:
            raise NotFound(f"no evidence item with id {item_id}")
        return bytes(rows[0][0])

    def thumbnail(self, item_id: int) -> bytes:
        rows = self.db.query("SELECT data FROM thumbnails WHERE item_id = ?", (item_id,))
        if not rows:
            raise NotFound(f"no evidence item with id {item_id}")
        return bytes(rows[0][0])

    def update_item(self, item_id: int, **changes: str | None) -> None:
        """Edit note, kind, title, 证明目的 (purpose) or 形成时间 (formed_at), with a log entry."""
        unknown = set(changes) - set(_EDITABLE_ITEM_COLUMNS)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        if "kind" in changes:
            _check_kind(str(changes["kind"]))
        if not changes:
            return
        self.item(item_id)
        assignments = ", ".join(f"{name} = ?" for name in changes)
        extra = ", kind_origin = 'user'" if "kind" in changes else ""
        with self.db.transaction() as conn:
            conn.execute(f"UPDATE items SET {assignments}{extra} WHERE id = ?", (*changes.values(), item_id))
            self._reindex(item_id)
            audit.append(conn, "item.edit", {"item_id": item_id, **changes})

    def delete_item(self, item_id: int, reason: str = "") -> None:
        """Remove an item and everything derived from it; the log keeps its hash and name."""
        item = self.item(item_id)
        with self.db.transaction() as conn:
            search.unindex_item(conn, item_id)
            search.unindex_records(conn, item_id)
            # Its picked rows (vault.selections) go with it by cascade; the entry names them for verify.
            picked = [r[0] for r in conn.execute("SELECT id FROM selections WHERE item_id = ? ORDER BY id", (item_id,))]
            conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
            audit.append(
                conn,
                "item.delete",
                {"item_id": item_id, "sha256": item.sha256, "name": item.original_name, "reason": reason,
                 **({"selections": picked} if picked else {})},
            )

    # --- fields ------------------------------------------------------------------------------

    def add_user_field(
        self, item_id: int, field_type: str, value: str, corrects: int | None = None, raw: str | None = None
    ) -> int:
        """Add the user's value; with `corrects`, it supersedes that field, which is kept."""
        if not value.strip():
            raise ValueError("a field needs a value")
        self.item(item_id)
        if corrects is not None:
            rows = self.db.query("SELECT item_id FROM fields WHERE id = ?", (corrects,))
            if not rows or rows[0][0] != item_id:
                raise NotFound(f"item {item_id} has no field {corrects}")
        with self.db.transaction() as conn:
            field_id = conn.execute(
                "INSERT INTO fields(item_id, type, raw, normalized, origin, confidence, corrects, created_at)"
                " VALUES (?, ?, ?, ?, 'user', 1.0, ?, ?)",
                (item_id, field_type, raw if raw is not None else value, value.strip(), corrects, audit.utc_now()),
            ).lastrowid
            self._reindex(item_id)
            audit.append(
                conn,
                "field.add",
                {"item_id": item_id, "field_id": field_id, "type": field_type, "value": value, "corrects": corrects},
            )
        return field_id

    def reject_field(self, item_id: int, field_id: int, reason: str = "") -> int:
        """Mark an OCR value wrong without giving another: the OCR field is kept but superseded.

        The rejection is a user field with an empty value that corrects the OCR field, so the
        history stays in one shape (a correction) and a re-OCR that finds the value again keeps it
        rejected.
        """
        rows = self.db.query("SELECT item_id, type, normalized FROM fields WHERE id = ?", (field_id,))
        if not rows or rows[0][0] != item_id:
            raise NotFound(f"item {item_id} has no field {field_id}")
        _, field_type, value = rows[0]
        if self.db.query("SELECT 1 FROM fields WHERE corrects = ?", (field_id,)):
            raise ValueError(f"field {field_id} is already corrected or rejected")
        with self.db.transaction() as conn:
            rejection_id = conn.execute(
                "INSERT INTO fields(item_id, type, raw, normalized, origin, confidence, corrects, created_at)"
                " VALUES (?, ?, '', '', 'user', 1.0, ?, ?)",
                (item_id, field_type, field_id, audit.utc_now()),
            ).lastrowid
            self._reindex(item_id)
            audit.append(conn, "field.reject", {
                "item_id": item_id, "field_id": rejection_id, "rejects": field_id, "type": field_type,
                "value": value, "reason": reason,
            })
        return rejection_id

    def delete_user_field(self, field_id: int) -> None:
        rows = self.db.query("SELECT item_id, origin, type, normalized FROM fields WHERE id = ?", (field_id,))
        if not rows:
            raise NotFound(f"no field {field_id}")
        item_id, origin, field_type, value = rows[0]
        if origin != "user":
            raise ValueError("fields read by OCR are kept; add a correction instead")
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM fields WHERE id = ?", (field_id,))
            self._reindex(item_id)
            audit.append(
                conn, "field.delete", {"item_id": item_id, "field_id": field_id, "type": field_type, "value": value}
            )

    def store_ocr_result(
        self,
        item_id: int,
        engine: str,
        lines: Sequence[OcrLine],
        fields: Iterable[ExtractedField],
        kind: str | None = None,
    ) -> None:
        """Replace OCR-origin lines and fields; the user's fields and corrections stay untouched."""
        self.item(item_id)
        text = "\n".join(line.text for line in lines)
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM ocr_lines WHERE item_id = ?", (item_id,))
            conn.executemany(
                "INSERT INTO ocr_lines(item_id, line_no, text, x0, y0, x1, y1, confidence) VALUES (?,?,?,?,?,?,?,?)",
                [(item_id, n, line.text, *(line.bbox or _NO_BOX), line.confidence) for n, line in enumerate(lines)],
            )
            self._replace_ocr_fields(conn, item_id, fields)
            conn.execute(
                "UPDATE items SET ocr_state = ?, ocr_engine = ?, ocr_error = NULL, ocr_text = ? WHERE id = ?",
                (OcrState.DONE, engine, text, item_id),
            )
            if kind is not None:
                _check_kind(kind)
                conn.execute("UPDATE items SET kind = ? WHERE id = ? AND kind_origin = 'auto'", (kind, item_id))
            self._reindex(item_id)
            audit.append(
                conn,
                "item.ocr",
                {
                    "item_id": item_id,
                    "engine": engine,
                    "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    "fields": conn.execute(
                        "SELECT count(*) FROM fields WHERE item_id = ? AND origin = 'ocr'", (item_id,)
                    ).fetchone()[0],
                },
            )

    def _replace_ocr_fields(self, conn: Any, item_id: int, fields: Iterable[ExtractedField]) -> None:
        """New OCR fields; a user correction of a vanished OCR field keeps pointing at its value."""
        corrected = {
            row[0]: row[1:]
            for row in conn.execute(
                "SELECT f.id, f.type, f.normalized FROM fields f JOIN fields u ON u.corrects = f.id"
                " WHERE f.item_id = ? AND f.origin = 'ocr'",
                (item_id,),
            )
        }
        conn.execute(
            "DELETE FROM fields WHERE item_id = ? AND origin = 'ocr' AND id NOT IN"
            " (SELECT corrects FROM fields WHERE item_id = ? AND corrects IS NOT NULL)",
            (item_id, item_id),
        )
        now = audit.utc_now()
        for extracted in fields:
            key = (str(extracted.type), extracted.normalized)
            if key in corrected.values():
                continue  # still there and already corrected by the user
            conn.execute(
                "INSERT INTO fields(item_id, type, raw, normalized, origin, x0, y0, x1, y1, confidence, reference,"
                " role, created_at) VALUES (?, ?, ?, ?, 'ocr', ?, ?, ?, ?, ?, ?, ?, ?)",
                (item_id, str(extracted.type), extracted.raw, extracted.normalized, *(extracted.bbox or _NO_BOX),
                 extracted.confidence, extracted.reference, extracted.role, now),
            )

    def mark_ocr(self, item_id: int, state: OcrState, engine: str | None = None, error: str | None = None) -> None:
        """Record that OCR failed or was skipped, so it can be retried later."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE items SET ocr_state = ?, ocr_engine = ?, ocr_error = ? WHERE id = ?",
                (state, engine, error, item_id),
            )
            if state == OcrState.FAILED:
                audit.append(conn, "item.ocr_failed", {"item_id": item_id, "engine": engine, "error": error})

    def _reindex(self, item_id: int) -> None:
        conn = self.db.conn
        row = conn.execute(
            "SELECT original_name, note, title, purpose, ocr_text FROM items WHERE id = ?", (item_id,)
        ).fetchone()
        values = conn.execute("SELECT raw, normalized FROM fields WHERE item_id = ?", (item_id,)).fetchall()
        parts = [*row, *(v for pair in values for v in pair)]
        search.index_item(conn, item_id, "\n".join(p for p in parts if p))

    # --- search and audit --------------------------------------------------------------------

    def search(self, query: str, case_id: int | None = None, limit: int = 200) -> list[Item]:
        """Items matching the query (order numbers exactly or in part, Chinese substrings)."""
        with self.db.lock:
            ids = search.search_item_ids(self.db.conn, query, limit=limit * 4 if case_id else limit)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        where = f"id IN ({marks})" + (" AND case_id = ?" if case_id is not None else "")
        params = (*ids, case_id) if case_id is not None else tuple(ids)
        by_id = {row[0]: Item(*row) for row in self.db.query(f"SELECT {_ITEM_COLUMNS} FROM items WHERE {where}", params)}
        return [by_id[i] for i in ids if i in by_id][:limit]

    def records(self, item_id: int, offset: int = 0, limit: int = -1) -> list[Record]:
        """The rows of a bill or chat export in source order ([] for any other item)."""
        self.item(item_id)
        with self.db.lock:
            return records.item_records(self.db.conn, item_id, offset, limit)

    def record_count(self, item_id: int) -> int:
        with self.db.lock:
            return records.count_records(self.db.conn, item_id)

    def matching_records(self, query: str, item_ids: Sequence[int]) -> dict[int, list[Record]]:
        """The records of these items that match the query: what a search found in each export."""
        with self.db.lock:
            return records.matching_records(self.db.conn, query, item_ids)

    def search_ids(self, query: str) -> list[int]:
        """Matching item ids only: the fast path the search box uses while typing."""
        with self.db.lock:
            return search.search_item_ids(self.db.conn, query)

    def data_version(self) -> int:
        """SQLite's PRAGMA data_version: it changes when another connection (the CLI, another window) commits.

        A window polls it to notice those changes; its own writes leave the number as it is.
        """
        return self.db.query("PRAGMA data_version")[0][0]

    def audit_head(self) -> tuple[int, str]:
        with self.db.lock:
            return audit.head(self.db.conn)

    def audit_entries(self, item_id: int | None = None) -> list[audit.AuditEntry]:
        with self.db.lock:
            return audit.entries(self.db.conn, item_id)

    def record(self, action: str, payload: dict[str, Any]) -> audit.AuditEntry:
        """Append an entry for work done outside the vault (e.g. an export)."""
        with self.db.transaction() as conn:
            return audit.append(conn, action, payload)

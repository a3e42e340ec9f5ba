"""Checking a vault end to end: page integrity, every original's hash and the audit chain."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from vault import audit
from vault.driver import DatabaseError
from vault.errors import VaultInUse
from vault.lock import VaultLock
from vault.evidence import CASE_DETAIL_COLUMNS, Problem, ProblemCode, ProblemPart, ProblemPlace
from vault.seen_heads import seen_head
from vault.selections import all_selections
from vault.store import Vault


_FILE = ProblemPlace(ProblemPart.FILE)
_LOG = ProblemPlace(ProblemPart.AUDIT_LOG)


def _page_problems(vault: Vault) -> list[Problem]:
    """SQLCipher's HMAC check of every page, then SQLite's structure check; their messages are the detail."""
    problems: list[Problem] = []
    try:
        for (message,) in vault.db.query("PRAGMA cipher_integrity_check"):
            problems.append(Problem(ProblemCode.PAGE_CHECK_FAILED, _FILE, {"detail": message}))
        for (message,) in vault.db.query("PRAGMA integrity_check"):
            if message != "ok":
                problems.append(Problem(ProblemCode.STRUCTURE_DAMAGED, _FILE, {"detail": message}))
    except DatabaseError as e:
        problems.append(Problem(ProblemCode.FILE_UNREADABLE, _FILE, {"detail": str(e)}))
    return problems


def _imported_hashes(vault: Vault) -> dict[int, tuple[int, str]]:
    """item_id -> (log seq, sha256) as recorded when each item was imported."""
    rows = vault.db.query("SELECT seq, payload FROM audit_log WHERE action = 'item.import'")
    recorded: dict[int, tuple[int, str]] = {}
    for seq, payload in rows:
        try:
            data = json.loads(payload)
            recorded[int(data["item_id"])] = (seq, str(data["sha256"]))
        except (ValueError, KeyError, TypeError):
            continue  # an altered entry is reported by the chain check
    return recorded


def _item_problems(vault: Vault, progress: Callable[[int, int], None] | None) -> list[Problem]:
    problems: list[Problem] = []
    recorded = _imported_hashes(vault)
    rows = vault.db.query(
        "SELECT i.id, i.original_name, i.sha256, o.item_id IS NOT NULL, t.item_id IS NOT NULL FROM items i"
        " LEFT JOIN originals o ON o.item_id = i.id LEFT JOIN thumbnails t ON t.item_id = i.id ORDER BY i.id"
    )
    for done, (item_id, name, sha256, has_original, has_thumbnail) in enumerate(rows, 1):
        where = ProblemPlace(ProblemPart.ITEM, item_id, name)
        if not has_original:
            problems.append(Problem(ProblemCode.ORIGINAL_MISSING, where))
        else:
            actual = hashlib.sha256(vault.original(item_id)).hexdigest()
            if actual != sha256:
                problems.append(Problem(ProblemCode.ORIGINAL_CHANGED, where, {"recorded": sha256, "actual": actual}))
        if not has_thumbnail:
            problems.append(Problem(ProblemCode.THUMBNAIL_MISSING, where))
        seq, logged = recorded.get(item_id, (None, None))
        if seq is None:
            problems.append(Problem(ProblemCode.IMPORT_NOT_LOGGED, where))
        elif logged != sha256:
            problems.append(Problem(ProblemCode.HASH_DIFFERS_FROM_LOG, where, {"seq": str(seq)}))
        if progress:
            progress(done, len(rows))
    return problems


def _head_problems(vault: Vault) -> list[Problem]:
    """The log's newest entry against the copy of it in the meta table and the one this computer saw."""
    with vault.db.lock:
        seq, digest = audit.head(vault.db.conn)
        recorded = audit.recorded_head(vault.db.conn)
    problems = []
    if recorded is not None and recorded != (seq, digest):
        problems.append(Problem(ProblemCode.LOG_END_DIFFERS, _LOG, {"seq": str(seq), "recorded": str(recorded[0])}))
    seen = seen_head(vault.vault_id, vault.path)
    if seen is not None:
        seen_seq, seen_digest = seen
        if seen_seq > seq:
            problems.append(Problem(ProblemCode.OLDER_COPY, _LOG, {"seq": str(seq), "seen": str(seen_seq)}))
        elif _entry_hash(vault, seen_seq) != seen_digest:
            problems.append(Problem(ProblemCode.LOG_REWRITTEN, _LOG, {"seen": str(seen_seq)}))
    return problems


def _entry_hash(vault: Vault, seq: int) -> str | None:
    rows = vault.db.query("SELECT hash FROM audit_log WHERE seq = ?", (seq,))
    return rows[0][0] if rows else None


_LOGGED_COLUMNS = {
    "item.edit": ("items", "item_id", ("note", "kind", "title", "purpose", "formed_at")),
    "case.add": ("cases", "case_id", CASE_DETAIL_COLUMNS),
    "case.edit": ("cases", "case_id", CASE_DETAIL_COLUMNS),
}
"""Log actions whose payload holds the new values of a row's columns."""


def _row_problems(vault: Vault) -> list[Problem]:
    """Rows against their latest log entries: a page put back from an older copy reverts a row."""
    expected: dict[tuple[str, int], dict[str, object]] = {}
    alive: dict[int, bool] = {}
    for entry in vault.audit_entries():
        if entry.action in ("item.import", "item.delete") and isinstance(entry.payload.get("item_id"), int):
            alive[entry.payload["item_id"]] = entry.action == "item.import"
        spec = _LOGGED_COLUMNS.get(entry.action)
        if spec and isinstance(entry.payload.get(spec[1]), int):
            table, key, columns = spec
            row = expected.setdefault((table, entry.payload[key]), {})
            row.update({column: entry.payload[column] for column in columns if column in entry.payload})
    problems = []
    present = {row[0] for row in vault.db.query("SELECT id FROM items")}
    for item_id, should_exist in sorted(alive.items()):
        if should_exist and item_id not in present:
            problems.append(Problem(ProblemCode.ITEM_MISSING, ProblemPlace(ProblemPart.ITEM, item_id)))
        elif not should_exist and item_id in present:
            problems.append(Problem(ProblemCode.ITEM_NOT_DELETED, ProblemPlace(ProblemPart.ITEM, item_id)))
    for (table, row_id), values in sorted(expected.items()):
        columns = ", ".join(values)
        rows = vault.db.query(f"SELECT {columns} FROM {table} WHERE id = ?", (row_id,))
        if not rows:
            continue  # a deleted item is reported above; cases are never deleted
        changed = [column for column, value in zip(values, rows[0]) if value != values[column]]
        if changed:
            part = ProblemPart.ITEM if table == "items" else ProblemPart.CASE
            problems.append(
                Problem(ProblemCode.ROW_REVERTED, ProblemPlace(part, row_id), {"columns": ", ".join(changed)}))
    return problems


def _logged_selections(vault: Vault) -> dict[int, dict[str, object] | None]:
    """Selection id -> its latest logged state, None once deleted (by itself or with its item)."""
    logged: dict[int, dict[str, object] | None] = {}
    for entry in vault.audit_entries():
        selection_id = entry.payload.get("selection_id")
        if entry.action in ("selection.create", "selection.update") and isinstance(selection_id, int):
            logged[selection_id] = entry.payload
        elif entry.action == "selection.delete" and isinstance(selection_id, int):
            logged[selection_id] = None
        elif entry.action == "item.delete":
            logged.update({sid: None for sid in entry.payload.get("selections", []) if isinstance(sid, int)})
    return logged


def _selection_problems(vault: Vault) -> list[Problem]:
    """Picked rows against their log: a selection changed outside the app would print other rows as an exhibit."""
    logged = _logged_selections(vault)
    present = {s.id: s for s in all_selections(vault)}
    problems = []
    for selection_id in sorted(set(logged) | set(present)):
        state, selection = logged.get(selection_id), present.get(selection_id)
        if selection is None and state is None:
            continue
        if selection is None:
            what, item_id = f"all rows of selection {selection_id} (missing)", state.get("item_id")
        elif state is None:
            deleted = selection_id in logged
            what = f"selection {selection_id} ({'deleted in the log' if deleted else 'not in the log'})"
            item_id = selection.item_id
        else:
            actual = {"item_id": selection.item_id, "title": selection.title, "purpose": selection.purpose,
                      "rows": list(selection.rows)}
            changed = [column for column, value in actual.items() if state.get(column) != value]
            if not changed:
                continue
            what, item_id = f"{', '.join(changed)} of selection {selection_id}", selection.item_id
        place = ProblemPlace(ProblemPart.ITEM, item_id if isinstance(item_id, int) else None)
        problems.append(Problem(ProblemCode.ROW_REVERTED, place, {"columns": what}))
    return problems


def _chain_problems(vault: Vault) -> list[Problem]:
    with vault.db.lock:
        return audit.chain_problems(vault.db.conn)


def unmerged_journal_warning(path: Path) -> Problem | None:
    """A warning when committed changes sit in a -wal beside the vault instead of in the file.

    Call before opening: opening merges them. A plain copy of the .evault alone then lacks them.
    """
    wal = path.with_name(path.name + "-wal")
    if not wal.is_file() or wal.stat().st_size == 0:
        return None
    try:
        VaultLock(path, exclusive=True).release()
    except VaultInUse:
        return Problem(ProblemCode.JOURNAL_IN_USE, _FILE, {"journal": wal.name})
    return Problem(ProblemCode.JOURNAL_AFTER_CRASH, _FILE, {"journal": wal.name})


def verify(vault: Vault, progress: Callable[[int, int], None] | None = None) -> list[Problem]:
    """Every problem found; an empty list means the vault is intact.

    A damaged page can make later checks unreadable; that is reported, not raised.
    """
    problems = _page_problems(vault)
    checks = (
        (lambda: _item_problems(vault, progress), ProblemPlace(ProblemPart.ITEM)),
        (lambda: _chain_problems(vault), _LOG),
        (lambda: _head_problems(vault), _LOG),
        (lambda: _row_problems(vault), ProblemPlace(ProblemPart.ITEM)),
        (lambda: _selection_problems(vault), ProblemPlace(ProblemPart.ITEM)),
    )
    for check, where in checks:
        try:
            problems += check()
        except DatabaseError as e:
            problems.append(Problem(ProblemCode.CHECK_UNREADABLE, where, {"detail": str(e)}))
    return problems

"""Checking a vault end to end: page integrity, every original's hash and the audit chain."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from vault import audit
from vault.driver import DatabaseError
from vault.models import Problem
from vault.store import Vault


def _page_problems(vault: Vault) -> list[Problem]:
    problems: list[Problem] = []
    try:
        for (message,) in vault.db.query("PRAGMA cipher_integrity_check"):
            problems.append(Problem("file", f"encrypted page check: {message}"))
        for (message,) in vault.db.query("PRAGMA integrity_check"):
            if message != "ok":
                problems.append(Problem("file", f"database structure: {message}"))
    except DatabaseError as e:
        problems.append(Problem("file", f"the database cannot be fully read: {e}"))
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
        where = f"item {item_id} ({name})"
        if not has_original:
            problems.append(Problem(where, "the original file is missing"))
        else:
            actual = hashlib.sha256(vault.original(item_id)).hexdigest()
            if actual != sha256:
                problems.append(
                    Problem(where, f"the original does not match its SHA-256: recorded {sha256}, now {actual}")
                )
        if not has_thumbnail:
            problems.append(Problem(where, "the thumbnail is missing"))
        seq, logged = recorded.get(item_id, (None, None))
        if seq is None:
            problems.append(Problem(where, "no import entry in the audit log"))
        elif logged != sha256:
            problems.append(Problem(where, f"SHA-256 differs from the one logged at import (log entry {seq})"))
        if progress:
            progress(done, len(rows))
    return problems


def _chain_problems(vault: Vault) -> list[Problem]:
    with vault.db.lock:
        return [Problem("audit log", message) for message in audit.chain_problems(vault.db.conn)]


def verify(vault: Vault, progress: Callable[[int, int], None] | None = None) -> list[Problem]:
    """Every problem found; an empty list means the vault is intact.

    A damaged page can make later checks unreadable; that is reported, not raised.
    """
    problems = _page_problems(vault)
    for check, where in ((lambda: _item_problems(vault, progress), "items"), (lambda: _chain_problems(vault), "audit log")):
        try:
            problems += check()
        except DatabaseError as e:
            problems.append(Problem(where, f"cannot be read because the file is damaged: {e}"))
    return problems

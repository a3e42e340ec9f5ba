"""The hash-chained audit log: every change to evidence appends one entry.

Each entry's hash is SHA-256 over the previous hash and a canonical JSON of (seq, at, action,
payload), so deleting, editing or reordering any entry breaks the chain at a precise place.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from vault.driver import Connection
from vault.evidence import Problem, ProblemCode, ProblemPart, ProblemPlace

GENESIS_HASH = "0" * 64


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(prev_hash: str, seq: int, at: str, action: str, payload: str) -> str:
    body = canonical_json({"seq": seq, "at": at, "action": action, "payload": payload})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    action: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str


def head(conn: Connection) -> tuple[int, str]:
    """(seq, hash) of the newest entry, or (0, GENESIS_HASH) for an empty log."""
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS_HASH)


def append(conn: Connection, action: str, payload: dict[str, Any]) -> AuditEntry:
    """Append an entry; call inside the transaction that makes the change it records."""
    last_seq, prev_hash = head(conn)
    seq, at, text = last_seq + 1, utc_now(), canonical_json(payload)
    digest = entry_hash(prev_hash, seq, at, action, text)
    conn.execute(
        "INSERT INTO audit_log(seq, at, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
        (seq, at, action, text, prev_hash, digest),
    )
    record_head(conn, seq, digest)
    return AuditEntry(seq, at, action, payload, prev_hash, digest)


def record_head(conn: Connection, seq: int, digest: str) -> None:
    """Keep the head in the meta table too: its page differs from the log's, so a log page put back
    from an older copy of the file (or a reverted meta page) shows as a mismatch."""
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('audit_head', ?)", (f"{seq}:{digest}",))


def recorded_head(conn: Connection) -> tuple[int, str] | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if row is None:
        return None
    seq, _, digest = row[0].partition(":")
    return (int(seq), digest) if seq.isdigit() else (-1, row[0])


def entries(conn: Connection, item_id: int | None = None) -> list[AuditEntry]:
    rows = conn.execute("SELECT seq, at, action, payload, prev_hash, hash FROM audit_log ORDER BY seq").fetchall()
    result = [AuditEntry(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]
    if item_id is not None:
        result = [e for e in result if e.payload.get("item_id") == item_id]
    return result


def chain_problems(conn: Connection) -> list[Problem]:
    """Every break in the chain, at the entry it is found: altered, deleted, inserted or reordered entries."""
    problems: list[Problem] = []
    expected_prev, expected_seq = GENESIS_HASH, 1
    rows = conn.execute("SELECT seq, at, action, payload, prev_hash, hash FROM audit_log ORDER BY seq").fetchall()
    for seq, at, action, payload, prev_hash, digest in rows:
        if seq != expected_seq:
            problems.append(Problem(ProblemCode.LOG_ENTRY_MISSING, _entry(expected_seq), {"next": str(seq)}))
        if prev_hash != expected_prev:
            problems.append(Problem(ProblemCode.LOG_ENTRY_OUT_OF_ORDER, _entry(seq)))
        if entry_hash(prev_hash, seq, at, action, payload) != digest:
            problems.append(Problem(ProblemCode.LOG_ENTRY_ALTERED, _entry(seq), {"action": action}))
        expected_prev, expected_seq = digest, seq + 1
    return problems


def _entry(seq: int) -> ProblemPlace:
    return ProblemPlace(ProblemPart.AUDIT_LOG, seq)

"""A timestamp added to an exported dossier later, and logged in the vault it was exported from.

A dossier exported while the TSA was down is logged as `case.export` with its SHA-256 and a pending
timestamp. Adding the timestamp changes the file, so the log must learn the new SHA-256 too, or the
vault's own record would no longer name the file the person submits. The export entry is found by
the file's hash before the change, and a later timestamp entry by its new hash, so a dossier can be
stamped more than once.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from export.signing import TsaSettings, add_document_timestamp
from vault.store import Vault

LOGGED_ACTIONS = ("case.export", "case.timestamp")
"""Log entries that name an exported file by its `pdf_sha256`."""


@dataclass(frozen=True, slots=True)
class LateTimestamp:
    previous_sha256: str
    sha256: str
    case_id: int | None
    """The case the dossier was exported from, None when the vault's log does not name the file."""


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def exporting_case(vault: Vault, sha256: str) -> int | None:
    """The case whose export (or later timestamp) produced the file with this SHA-256, newest first."""
    for entry in reversed(vault.audit_entries()):
        if entry.action in LOGGED_ACTIONS and entry.payload.get("pdf_sha256") == sha256:
            return entry.payload.get("case_id")
    return None


def timestamp_exported(vault: Vault, path: Path, tsa: TsaSettings, password: str | None) -> LateTimestamp:
    """Add the timestamp to the file in place, then log its new SHA-256 beside the one it replaces.

    Raises export.signing.SigningFailed with the file unchanged and nothing logged.
    """
    previous = file_sha256(path)
    case_id = exporting_case(vault, previous)
    add_document_timestamp(path, tsa, password)
    digest = file_sha256(path)
    vault.record("case.timestamp", {"case_id": case_id, "file": path.name, "previous_sha256": previous,
                                    "pdf_sha256": digest, "tsa": tsa.url})
    return LateTimestamp(previous, digest, case_id)

"""The newest audit entry this computer has seen of each vault, kept outside the vault file.

A sync client's version history or a hand-made copy can put an older vault file (or some of its
pages) back in place. Such a file is consistent in itself and opens with the passphrase; only a
record kept elsewhere shows that its log once went further. The record holds no evidence: the
vault's random id, its path, and the sequence number and hash of its newest log entry.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_state_dir

from vault.paths import APP_NAME

_FILE_NAME = "audit-heads.json"


def _record_file() -> Path:
    return Path(user_state_dir(APP_NAME, appauthor=False)) / _FILE_NAME


def _key(vault_id: str, path: Path) -> str:
    return f"{vault_id} {Path(path).resolve()}"


def _load() -> dict[str, list]:
    try:
        data = json.loads(_record_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def seen_head(vault_id: str, path: Path) -> tuple[int, str] | None:
    """(seq, hash) of the newest entry seen of this vault at this path, if any."""
    value = _load().get(_key(vault_id, path))
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int) and isinstance(value[1], str):
        return value[0], value[1]
    return None


def remember_head(vault_id: str, path: Path, seq: int, digest: str, replace_newer: bool = False) -> None:
    """Record the head, unless a newer one is recorded (a restore replaces it on purpose)."""
    records = _load()
    key = _key(vault_id, path)
    known = seen_head(vault_id, path)
    if known and known[0] > seq and not replace_newer:
        return
    records[key] = [seq, digest]
    target = _record_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(records, sort_keys=True), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        pass  # a read-only home only loses this extra check, never the vault's own

"""Where the vault may write a file it is asked to (a dossier, a backup): never over evidence.

`export -o` onto the vault file itself once replaced the whole vault with the PDF. A path is
refused when it is the vault, one of the files SQLite keeps beside it, a temporary part of a
backup, passphrase change or restore being written, or an existing file whose bytes are one of
the vault's originals (the screenshot the user imported from).
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from vault.database import with_journals
from vault.errors import ProtectedPath
from vault.media import MAX_FILE_BYTES
from vault.store import Vault

_MAINTENANCE_PART = re.compile(r"^\..+\.(?:rekey|backup|restore)-tmp(?:-wal|-shm|-journal)?$")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def check_output_path(vault: Vault, out: Path) -> None:
    """Raise ProtectedPath when writing `out` could destroy stored or source evidence."""
    out = Path(out)
    for protected in with_journals(vault.path):
        if _same_file(out, protected) or out.resolve() == protected.resolve():
            journal = " journal" if protected != vault.path else ""
            raise ProtectedPath(f"{out} is the vault{journal} itself; choose another file name")
    if _MAINTENANCE_PART.match(out.name):
        raise ProtectedPath(f"{out} is a temporary part of a backup, passphrase change or restore; choose another name")
    if out.is_file() and out.stat().st_size <= MAX_FILE_BYTES:
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        rows = vault.db.query("SELECT id FROM items WHERE sha256 = ? ORDER BY id LIMIT 1", (digest,))
        if rows:
            raise ProtectedPath(
                f"{out} holds the original of evidence item {rows[0][0]}; writing there would destroy the source file"
            )

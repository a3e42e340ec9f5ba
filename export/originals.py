"""Loading an exhibit's original bytes, checked against the hash the vault recorded."""
from __future__ import annotations

import hashlib

from export.errors import ExportError, IntegrityMismatch
from export.request import Exhibit


def load_verified(exhibit: Exhibit) -> bytes:
    """The original's bytes, refusing ones that no longer match the hash recorded in the vault.

    Errors of the vault's own loader (VaultError) pass through unchanged; plain I/O errors are wrapped.
    """
    try:
        data = exhibit.load_original()
    except OSError as e:
        raise ExportError(f"cannot load the original of item {exhibit.item_id}") from e
    if hashlib.sha256(data).hexdigest() != exhibit.sha256.lower():
        raise IntegrityMismatch(f"the original of item {exhibit.item_id} does not match its recorded SHA-256")
    return data

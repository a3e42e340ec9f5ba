"""Passphrase change, encrypted backup and restore, each crash-safe by write-then-rename.

SQLCipher's sqlcipher_export() copies the whole database into a new file under a new key; the
new file replaces the target only once complete, so a crash leaves the old file or the new one,
never a mix (the vault opens with exactly one of the two passphrases).
"""
from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from vault import audit
from vault.database import Database, quote_key
from vault.driver import DatabaseError
from vault.errors import CannotWrite, VaultError, VaultExists
from vault.store import Vault
from vault.verify import verify


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temporary_beside(target: Path, purpose: str) -> Path:
    tmp = target.with_name(f".{target.name}.{purpose}-tmp")
    for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return tmp


def _export_copy(source: Database, target: Path, passphrase: str) -> None:
    """Write the whole vault, re-encrypted with `passphrase`, to `target` (must not exist)."""
    version = source.query("PRAGMA user_version")[0][0]
    with source.lock:
        conn = source.conn
        conn.execute(f"ATTACH DATABASE ? AS copy KEY {quote_key(passphrase)}", (str(target),))
        try:
            conn.execute("SELECT sqlcipher_export('copy')")
            conn.execute(f"PRAGMA copy.user_version = {int(version)}")
        finally:
            conn.execute("DETACH DATABASE copy")
    os.chmod(target, 0o600)


def _finish(tmp: Path, passphrase: str, action: str, payload: dict) -> None:
    """Log the action inside the new file and flush it, so it is complete before the rename."""
    db = Database.open(tmp, passphrase)
    try:
        with db.transaction() as conn:
            audit.append(conn, action, payload)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        db.close()
    with tmp.open("rb+") as handle:
        os.fsync(handle.fileno())


def change_passphrase(vault: Vault, new_passphrase: str) -> Vault:
    """Re-encrypt the vault under a new passphrase; returns the reopened vault."""
    path = vault.path
    tmp = _temporary_beside(path, "rekey")
    _export_copy(vault.db, tmp, new_passphrase)
    vault.close()
    _finish(tmp, new_passphrase, "vault.passwd", {})
    os.replace(tmp, path)
    _fsync_dir(path.parent)
    return Vault.open(path, new_passphrase)


def backup(vault: Vault, out: Path, passphrase: str) -> None:
    """An encrypted copy of the whole vault at `out`, openable with `passphrase`."""
    out = Path(out)
    if out.exists():
        raise VaultExists(f"{out} already exists; choose a new file name for the backup")
    tmp = _temporary_beside(out, "backup")
    try:  # a real probe, before the log records a backup that could never be written
        tmp.touch(exist_ok=False)
        tmp.unlink()
    except OSError as e:
        raise CannotWrite(f"cannot write a backup in {out.parent}: {e.strerror or e}") from e
    vault.record("vault.backup", {"file": out.name})
    try:
        _export_copy(vault.db, tmp, passphrase)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except (DatabaseError, OSError) as e:
        raise CannotWrite(f"writing the backup {out} failed: {e}") from e
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(out.parent)


def restore(backup_path: Path, vault_path: Path, passphrase: str) -> Path | None:
    """Replace the vault with a verified backup; the replaced vault is kept beside it.

    Returns the path where the previous vault was kept, if there was one.
    """
    source = Vault.open(Path(backup_path), passphrase)
    try:
        problems = verify(source)
        if problems:
            raise VaultError(f"the backup does not verify ({problems[0].where}: {problems[0].message}); not restored")
        tmp = _temporary_beside(Path(vault_path), "restore")
        _export_copy(source.db, tmp, passphrase)
    finally:
        source.close()
    _finish(tmp, passphrase, "vault.restore", {"from": Path(backup_path).name})
    kept = None
    if Path(vault_path).exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = Path(vault_path).with_name(f"{Path(vault_path).name}.before-restore-{stamp}")
        os.replace(vault_path, kept)
    os.replace(tmp, vault_path)
    _fsync_dir(Path(vault_path).parent)
    return kept

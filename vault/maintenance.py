"""Passphrase change, encrypted backup and restore, each crash-safe by write-then-rename.

SQLCipher's sqlcipher_export() copies the whole database into a new file under a new key; the
new file replaces the target only once complete, so a crash leaves the old file or the new one,
never a mix (the vault opens with exactly one of the two passphrases).
"""
from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from vault import audit
from vault.database import Database, quote_key, remove_with_journals, with_journals
from vault.driver import DatabaseError
from vault.errors import CannotWrite, ProtectedPath, VaultError, VaultExists
from vault.lock import VaultLock
from vault.outputs import check_output_path
from vault.seen_heads import remember_head
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
    remove_with_journals(tmp)
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
    """Re-encrypt the vault under a new passphrase; returns the reopened vault.

    Refused (VaultInUse, nothing changed) while another process has the vault open: its -wal,
    under the old key, would be left beside the new file.
    """
    path = vault.path
    file_lock = vault.db.file_lock
    file_lock.make_exclusive()
    tmp = _temporary_beside(path, "rekey")
    try:
        _export_copy(vault.db, tmp, new_passphrase)
    except BaseException as e:
        remove_with_journals(tmp)
        file_lock.make_shared()  # the vault stays open and usable here, so others may open it again
        if isinstance(e, (DatabaseError, OSError)):  # e.g. a full disk
            raise _rekey_failed(path, e) from e
        raise
    vault.db.close(release_lock=False)
    try:
        _finish(tmp, new_passphrase, "vault.passwd", {})
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except (DatabaseError, OSError) as e:
        remove_with_journals(tmp)
        raise _rekey_failed(path, e) from e
    finally:
        file_lock.release()
    return Vault.open(path, new_passphrase)


def _rekey_failed(path: Path, error: Exception) -> CannotWrite:
    return CannotWrite(
        f"the passphrase was not changed: writing the re-encrypted copy beside {path} failed ({error}); "
        "the vault still opens with the old passphrase"
    )


def backup(vault: Vault, out: Path, passphrase: str) -> None:
    """An encrypted copy of the whole vault at `out`, openable with `passphrase`."""
    out = Path(out)
    check_output_path(vault, out)
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
        # The entry above said a backup was made; say it failed, so the log does not claim one.
        vault.record("vault.backup_failed", {"file": out.name, "error": str(e)})
        raise CannotWrite(f"writing the backup {out} failed: {e}") from e
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(out.parent)


def restore(backup_path: Path, vault_path: Path, passphrase: str) -> Path | None:
    """Replace the vault with a verified backup; the replaced vault is kept beside it.

    Returns the path where the previous vault was kept, if there was one. Refused (VaultInUse)
    while another process has the vault open; the backup is only read, never changed.
    """
    vault_path = Path(vault_path)
    if vault_path.exists() and Path(backup_path).resolve() == vault_path.resolve():
        raise ProtectedPath("the backup to restore from is the vault itself; choose the backup file")
    target_lock = VaultLock(vault_path, exclusive=True) if vault_path.exists() else None
    try:
        return _restore_locked(Path(backup_path), vault_path, passphrase)
    finally:
        if target_lock:
            target_lock.release()


def _restore_locked(backup_path: Path, vault_path: Path, passphrase: str) -> Path | None:
    tmp = _temporary_beside(vault_path, "restore")
    try:
        _copy_vault_file(backup_path, tmp)  # the backup is read, never opened for writing
        copy = Vault.open(tmp, passphrase)
        try:
            problems = verify(copy)
        finally:
            copy.db.close()  # not copy.close(): the temporary file's head is not one to remember
        if problems:
            raise VaultError(f"the backup does not verify ({problems[0].where}: {problems[0].message}); not restored")
        _finish(tmp, passphrase, "vault.restore", {"from": backup_path.name})
    except BaseException:
        remove_with_journals(tmp)
        raise
    kept = None
    if vault_path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = vault_path.with_name(f"{vault_path.name}.before-restore-{stamp}")
        for part, kept_part in zip(with_journals(vault_path), with_journals(kept)):
            if part.exists():  # a -wal left by a crash belongs to the replaced file, not the restored one
                os.replace(part, kept_part)
    os.replace(tmp, vault_path)
    _fsync_dir(vault_path.parent)
    restored = Vault.open(vault_path, passphrase, read_only=True)
    try:  # the restored log may be shorter than the one seen before: that is the point of a restore
        remember_head(restored.vault_id, vault_path, *restored.audit_head(), replace_newer=True)
    finally:
        restored.close()
    return kept


def _copy_vault_file(source: Path, target: Path) -> None:
    """Byte copy of a vault file and its -wal (committed pages not yet checkpointed), flushed."""
    if not source.is_file():
        raise VaultError(f"no backup at {source}")
    for part, target_part in zip(with_journals(source)[:2], with_journals(target)[:2]):
        if part.exists():
            shutil.copyfile(part, target_part)
            os.chmod(target_part, 0o600)
            with target_part.open("rb+") as handle:
                os.fsync(handle.fileno())

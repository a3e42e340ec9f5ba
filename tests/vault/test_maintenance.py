from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import png_bytes
from tests.vault.conftest import PASSPHRASE
from vault import maintenance
from vault.errors import CannotWrite, VaultError, WrongPassphrase
from vault.store import Vault
from vault.verify import verify


def test_change_passphrase_round_trip(vault: Vault, case_id: int, vault_path: Path) -> None:
    data = png_bytes(seed=31)
    item_id = vault.import_bytes(case_id, data, "a.png").item_id
    reopened = maintenance.change_passphrase(vault, "新的口令 2026")
    assert reopened.original(item_id) == data
    assert reopened.audit_entries()[-1].action == "vault.passwd"
    assert verify(reopened) == []
    reopened.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    Vault.open(vault_path, "新的口令 2026").close()
    assert sorted(p.name for p in vault_path.parent.iterdir()) == [vault_path.name]


def test_backup_and_restore_round_trip(vault: Vault, case_id: int, vault_path: Path, tmp_path: Path) -> None:
    data = png_bytes(seed=32)
    item_id = vault.import_bytes(case_id, data, "a.png").item_id
    backup_path = tmp_path / "backups" / "case-backup.evault"
    backup_path.parent.mkdir()
    maintenance.backup(vault, backup_path, PASSPHRASE)
    vault.delete_item(item_id)  # a mistake the backup should undo
    vault.close()

    kept = maintenance.restore(backup_path, vault_path, PASSPHRASE)
    assert kept is not None and kept.exists()
    with Vault.open(vault_path, PASSPHRASE) as restored:
        assert restored.original(item_id) == data
        assert restored.audit_entries()[-1].action == "vault.restore"
        assert verify(restored) == []
    with Vault.open(kept, PASSPHRASE) as previous:
        assert previous.items() == []


def test_backup_refuses_to_overwrite(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "exists.evault"
    target.write_bytes(b"keep me")
    with pytest.raises(VaultError, match="already exists"):
        maintenance.backup(vault, target, PASSPHRASE)
    assert target.read_bytes() == b"keep me"


def test_restore_refuses_a_backup_that_does_not_verify(vault: Vault, case_id: int, vault_path: Path, tmp_path: Path) -> None:
    vault.import_bytes(case_id, png_bytes(seed=33), "a.png")
    backup_path = tmp_path / "bad.evault"
    maintenance.backup(vault, backup_path, PASSPHRASE)
    vault.close()
    with Vault.open(backup_path, PASSPHRASE) as bad:
        bad.db.conn.execute("UPDATE originals SET data = x'00'")
    before = vault_path.read_bytes()
    with pytest.raises(VaultError, match="does not verify"):
        maintenance.restore(backup_path, vault_path, PASSPHRASE)
    assert vault_path.read_bytes() == before


def test_backup_to_a_missing_or_read_only_folder_is_refused_before_logging(vault: Vault, tmp_path: Path) -> None:
    head = vault.audit_head()
    for target in (tmp_path / "missing" / "b.evault", Path("/proc") / "b.evault"):
        with pytest.raises(CannotWrite, match="cannot write a backup"):
            maintenance.backup(vault, target, PASSPHRASE)
    assert vault.audit_head() == head, "no backup may be logged that was never written"
    assert not (tmp_path / "missing").exists()

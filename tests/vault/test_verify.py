from __future__ import annotations

from pathlib import Path

from tests.factories import png_bytes
from tests.vault.conftest import PASSPHRASE
from vault.store import Vault
from vault.verify import verify


def _two_items(vault: Vault, case_id: int) -> tuple[int, int]:
    a = vault.import_bytes(case_id, png_bytes(seed=21), "a.png").item_id
    b = vault.import_bytes(case_id, png_bytes(seed=22), "b.png").item_id
    vault.update_item(a, note="first")
    return a, b


def test_intact_vault_has_no_problems(vault: Vault, case_id: int) -> None:
    _two_items(vault, case_id)
    assert verify(vault) == []


def test_flipped_byte_in_original_is_reported_for_that_item(vault: Vault, case_id: int) -> None:
    a, b = _two_items(vault, case_id)
    data = bytearray(vault.original(b))
    data[50] ^= 0x01
    vault.db.conn.execute("UPDATE originals SET data = ? WHERE item_id = ?", (bytes(data), b))
    problems = verify(vault)
    assert [p.where for p in problems] == [f"item {b} (b.png)"]
    assert "does not match its SHA-256" in problems[0].message


def test_swapped_blobs_are_reported_for_both_items(vault: Vault, case_id: int) -> None:
    a, b = _two_items(vault, case_id)
    blob_a, blob_b = vault.original(a), vault.original(b)
    vault.db.conn.execute("UPDATE originals SET data = ? WHERE item_id = ?", (blob_b, a))
    vault.db.conn.execute("UPDATE originals SET data = ? WHERE item_id = ?", (blob_a, b))
    assert {p.where for p in verify(vault)} == {f"item {a} (a.png)", f"item {b} (b.png)"}


def test_rewritten_hash_is_caught_by_the_import_log(vault: Vault, case_id: int) -> None:
    a, _ = _two_items(vault, case_id)
    import hashlib

    forged = b"forged"
    vault.db.conn.execute("UPDATE originals SET data = ? WHERE item_id = ?", (forged, a))
    vault.db.conn.execute("UPDATE items SET sha256 = ? WHERE id = ?", (hashlib.sha256(forged).hexdigest(), a))
    problems = verify(vault)
    assert [p.where for p in problems] == [f"item {a} (a.png)"]
    assert "logged at import (log entry 3)" in problems[0].message


def test_altered_log_entry_is_reported_by_number(vault: Vault, case_id: int) -> None:
    _two_items(vault, case_id)
    vault.db.conn.execute("UPDATE audit_log SET payload = replace(payload, 'first', 'changed') WHERE seq = 5")
    problems = verify(vault)
    assert [p.message for p in problems][0] == "audit log entry 5 (item.edit) was altered: its hash does not match its content"
    assert [p.where for p in problems[1:]] == ["item 1"], "the row no longer matches the (altered) entry either"


def test_deleted_log_entry_is_reported(vault: Vault, case_id: int) -> None:
    _two_items(vault, case_id)
    vault.db.conn.execute("DELETE FROM audit_log WHERE seq = 2")
    messages = [p.message for p in verify(vault)]
    assert messages == [
        "audit log entry 2 is missing (next present entry is 3)",
        "audit log entry 3 does not follow the entry before it (deleted or reordered)",
    ]


def test_reordered_log_entries_are_reported(vault: Vault, case_id: int) -> None:
    _two_items(vault, case_id)
    conn = vault.db.conn
    conn.execute("UPDATE audit_log SET seq = 100 WHERE seq = 3")
    conn.execute("UPDATE audit_log SET seq = 3 WHERE seq = 4")
    conn.execute("UPDATE audit_log SET seq = 4 WHERE seq = 100")
    messages = " ".join(p.message for p in verify(vault))
    assert "entry 3" in messages and "entry 4" in messages


def test_verify_survives_reopen(vault: Vault, case_id: int, vault_path: Path) -> None:
    _two_items(vault, case_id)
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert verify(reopened) == []


def test_log_entries_dropped_from_the_end_are_reported(vault: Vault, case_id: int) -> None:
    """What putting the log's page back from an older copy does: the newest entries vanish."""
    _two_items(vault, case_id)
    vault.db.conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    messages = [p.message for p in verify(vault)]
    assert any("the log ends at entry 3 but the vault recorded entry 5" in m for m in messages)


def test_reverted_note_is_reported_for_its_item(vault: Vault, case_id: int) -> None:
    a, _ = _two_items(vault, case_id)
    vault.db.conn.execute("UPDATE items SET note = 'older note' WHERE id = ?", (a,))
    problems = verify(vault)
    assert [(p.where, p.message.split(" differ")[0]) for p in problems] == [(f"item {a}", "note")]


def test_item_deleted_outside_the_app_is_reported(vault: Vault, case_id: int) -> None:
    _, b = _two_items(vault, case_id)
    vault.db.conn.execute("DELETE FROM items WHERE id = ?", (b,))
    assert (f"item {b}", "the log records its import but the item is missing") in [
        (p.where, p.message) for p in verify(vault)
    ]


def test_whole_file_put_back_from_an_older_copy_is_reported(vault: Vault, case_id: int, vault_path: Path) -> None:
    """A sync client's version history: the old file is consistent in itself, only the record outside shows it."""
    _two_items(vault, case_id)
    vault.close()
    older = vault_path.read_bytes()
    with Vault.open(vault_path, PASSPHRASE) as newer:
        newer.update_item(1, note="newer note")
        assert verify(newer) == []
    vault_path.write_bytes(older)
    with Vault.open(vault_path, PASSPHRASE) as rolled_back:
        messages = [p.message for p in verify(rolled_back)]
    assert any("this computer has seen entry 6 of this vault" in m for m in messages), messages


def test_restore_of_an_older_backup_is_not_reported_as_a_rollback(
    vault: Vault, case_id: int, vault_path: Path, tmp_path: Path
) -> None:
    from vault.maintenance import backup, restore

    _two_items(vault, case_id)
    backup(vault, tmp_path / "backup.evault", PASSPHRASE)
    vault.update_item(1, note="after the backup")
    vault.close()
    restore(tmp_path / "backup.evault", vault_path, PASSPHRASE)
    with Vault.open(vault_path, PASSPHRASE) as restored:
        assert verify(restored) == []

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
    assert [p.message for p in problems] == ["audit log entry 5 (item.edit) was altered: its hash does not match its content"]


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

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.factories import png_bytes
from tests.vault.conftest import PASSPHRASE
from vault.evidence import PROBLEM_ENGLISH, Problem, ProblemCode, ProblemPart, ProblemPlace
from vault.store import Vault
from vault.verify import verify


def _two_items(vault: Vault, case_id: int) -> tuple[int, int]:
    a = vault.import_bytes(case_id, png_bytes(seed=21), "a.png").item_id
    b = vault.import_bytes(case_id, png_bytes(seed=22), "b.png").item_id
    vault.update_item(a, note="first")
    return a, b


def _item(item_id: int, name: str) -> ProblemPlace:
    return ProblemPlace(ProblemPart.ITEM, item_id, name)


def _entry(seq: int) -> ProblemPlace:
    return ProblemPlace(ProblemPart.AUDIT_LOG, seq)


def test_intact_vault_has_no_problems(vault: Vault, case_id: int) -> None:
    _two_items(vault, case_id)
    assert verify(vault) == []


def test_flipped_byte_in_original_is_reported_for_that_item(vault: Vault, case_id: int) -> None:
    a, b = _two_items(vault, case_id)
    data = bytearray(vault.original(b))
    data[50] ^= 0x01
    vault.db.conn.execute("UPDATE originals SET data = ? WHERE item_id = ?", (bytes(data), b))
    problems = verify(vault)
    assert [(p.code, p.where) for p in problems] == [(ProblemCode.ORIGINAL_CHANGED, _item(b, "b.png"))]
    assert str(problems[0].where) == f"item {b} (b.png)" and "does not match its SHA-256" in problems[0].message


def test_swapped_blobs_are_reported_for_both_items(vault: Vault, case_id: int) -> None:
    a, b = _two_items(vault, case_id)
    blob_a, blob_b = vault.original(a), vault.original(b)
    vault.db.conn.execute("UPDATE originals SET data = ? WHERE item_id = ?", (blob_b, a))
    vault.db.conn.execute("UPDATE originals SET data = ? WHERE item_id = ?", (blob_a, b))
    assert {p.where for p in verify(vault)} == {_item(a, "a.png"), _item(b, "b.png")}


def test_rewritten_hash_is_caught_by_the_import_log(vault: Vault, case_id: int) -> None:
    a, _ = _two_items(vault, case_id)
    import hashlib

    forged = b"forged"
    vault.db.conn.execute("UPDATE originals SET data = ? WHERE item_id = ?", (forged, a))
    vault.db.conn.execute("UPDATE items SET sha256 = ? WHERE id = ?", (hashlib.sha256(forged).hexdigest(), a))
    problems = verify(vault)
    assert problems == [Problem(ProblemCode.HASH_DIFFERS_FROM_LOG, _item(a, "a.png"), {"seq": "3"})]
    assert "logged at import (log entry 3)" in problems[0].message


def test_altered_log_entry_is_reported_by_number(vault: Vault, case_id: int) -> None:
    _two_items(vault, case_id)
    vault.db.conn.execute("UPDATE audit_log SET payload = replace(payload, 'first', 'changed') WHERE seq = 5")
    problems = verify(vault)
    assert problems[0] == Problem(ProblemCode.LOG_ENTRY_ALTERED, _entry(5), {"action": "item.edit"})
    assert f"{problems[0].where}: {problems[0].message}" == (
        "audit log entry 5: (item.edit) was altered: its hash does not match its content")
    assert [p.where for p in problems[1:]] == [ProblemPlace(ProblemPart.ITEM, 1)], (
        "the row no longer matches the (altered) entry either")


def test_deleted_log_entry_is_reported(vault: Vault, case_id: int) -> None:
    _two_items(vault, case_id)
    vault.db.conn.execute("DELETE FROM audit_log WHERE seq = 2")
    assert verify(vault) == [
        Problem(ProblemCode.LOG_ENTRY_MISSING, _entry(2), {"next": "3"}),
        Problem(ProblemCode.LOG_ENTRY_OUT_OF_ORDER, _entry(3)),
    ]


def test_reordered_log_entries_are_reported(vault: Vault, case_id: int) -> None:
    _two_items(vault, case_id)
    conn = vault.db.conn
    conn.execute("UPDATE audit_log SET seq = 100 WHERE seq = 3")
    conn.execute("UPDATE audit_log SET seq = 3 WHERE seq = 4")
    conn.execute("UPDATE audit_log SET seq = 4 WHERE seq = 100")
    assert {p.where.id for p in verify(vault) if p.where.part == ProblemPart.AUDIT_LOG} >= {3, 4}


def test_verify_survives_reopen(vault: Vault, case_id: int, vault_path: Path) -> None:
    _two_items(vault, case_id)
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert verify(reopened) == []


def test_log_entries_dropped_from_the_end_are_reported(vault: Vault, case_id: int) -> None:
    """What putting the log's page back from an older copy does: the newest entries vanish."""
    _two_items(vault, case_id)
    vault.db.conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    problems = verify(vault)
    assert Problem(ProblemCode.LOG_END_DIFFERS, ProblemPlace(ProblemPart.AUDIT_LOG),
                   {"seq": "3", "recorded": "5"}) in problems
    assert any("the log ends at entry 3 but the vault recorded entry 5" in p.message for p in problems)


def test_reverted_note_is_reported_for_its_item(vault: Vault, case_id: int) -> None:
    a, _ = _two_items(vault, case_id)
    vault.db.conn.execute("UPDATE items SET note = 'older note' WHERE id = ?", (a,))
    problems = verify(vault)
    assert problems == [Problem(ProblemCode.ROW_REVERTED, ProblemPlace(ProblemPart.ITEM, a), {"columns": "note"})]


def test_item_deleted_outside_the_app_is_reported(vault: Vault, case_id: int) -> None:
    _, b = _two_items(vault, case_id)
    vault.db.conn.execute("DELETE FROM items WHERE id = ?", (b,))
    assert Problem(ProblemCode.ITEM_MISSING, ProblemPlace(ProblemPart.ITEM, b)) in verify(vault)


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
        problems = verify(rolled_back)
    assert [p.params for p in problems if p.code == ProblemCode.OLDER_COPY] == [{"seq": "5", "seen": "6"}], problems
    assert any("this computer has seen entry 6 of this vault" in p.message for p in problems)


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


@pytest.mark.parametrize("code", list(ProblemCode))
def test_every_problem_code_has_an_english_message_that_uses_every_parameter(code: ProblemCode) -> None:
    names = set(re.findall(r"{(\w+)}", PROBLEM_ENGLISH[code]))
    message = Problem(code, ProblemPlace(ProblemPart.FILE), {name: f"<{name}>" for name in names}).message
    assert message and "{" not in message and all(f"<{name}>" in message for name in names)


@pytest.mark.parametrize("place, english", [
    pytest.param(ProblemPlace(ProblemPart.ITEM, 3, "b.png"), "item 3 (b.png)", id="named-item"),
    pytest.param(ProblemPlace(ProblemPart.CASE, 2), "case 2", id="case"),
    pytest.param(ProblemPlace(ProblemPart.AUDIT_LOG, 5), "audit log entry 5", id="log-entry"),
    pytest.param(ProblemPlace(ProblemPart.AUDIT_LOG), "audit log", id="whole-log"),
    pytest.param(ProblemPlace(ProblemPart.ITEM), "items", id="all-items"),
    pytest.param(ProblemPlace(ProblemPart.FILE), "file", id="file"),
])
def test_a_place_reads_in_english_for_the_cli(place: ProblemPlace, english: str) -> None:
    assert str(place) == english

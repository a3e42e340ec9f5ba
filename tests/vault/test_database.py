from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from ocr.types import OcrLine
from tests.factories import png_bytes
from tests.vault.conftest import PASSPHRASE
from vault.database import Database
from vault.errors import DamagedVault, NotAVault, VaultExists, VaultNotFound, VaultTooNew, WrongPassphrase
from vault.schema import SCHEMA_VERSION
from vault.store import Vault

SECRET_TEXT = "独特的证据文本ZQX-7731"
SECRET_NOTE = "客服工号JD-58821承诺回电"


def _files_beside(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in path.parent.iterdir()}


def test_vault_file_holds_no_plaintext(vault: Vault, case_id: int, vault_path: Path) -> None:
    data = png_bytes(400, 300, seed=11)
    item_id = vault.import_bytes(case_id, data, "bill.png").item_id
    vault.store_ocr_result(item_id, "rapidocr", [OcrLine(SECRET_TEXT, (0, 0, 9, 9), 0.9)], [])
    vault.update_item(item_id, note=SECRET_NOTE)
    vault.close()
    for path in vault_path.parent.iterdir():  # the database and any -wal/-shm beside it
        raw = path.read_bytes()
        assert b"\x89PNG" not in raw, path.name
        assert data[200:264] not in raw, path.name
        for secret in (SECRET_TEXT, SECRET_NOTE, "京东白条降额投诉", "bill.png"):
            assert secret.encode("utf-8") not in raw, (path.name, secret)
            assert secret.encode("utf-16-le") not in raw, (path.name, secret)


def test_wrong_passphrase_raises_and_writes_nothing(vault: Vault, case_id: int, vault_path: Path) -> None:
    vault.close()
    before = _files_beside(vault_path)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "not the passphrase")
    assert _files_beside(vault_path) == before
    Vault.open(vault_path, PASSPHRASE).close()


def test_passphrase_is_not_stored(vault: Vault, vault_path: Path) -> None:
    vault.close()
    assert PASSPHRASE.encode() not in vault_path.read_bytes()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        pytest.param(b"", NotAVault, id="empty-file"),
        pytest.param(os.urandom(3000), DamagedVault, id="random-odd-size"),
        pytest.param(os.urandom(8192), WrongPassphrase, id="random-page-aligned"),
    ],
)
def test_files_that_are_not_vaults(tmp_path: Path, content: bytes, error: type[Exception]) -> None:
    path = tmp_path / "x.evault"
    path.write_bytes(content)
    with pytest.raises(error):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.evault"]


def test_plain_sqlite_file_is_not_a_vault(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAVault, match="unencrypted SQLite"):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == before


def test_truncated_vault_is_damaged(vault: Vault, case_id: int, vault_path: Path) -> None:
    vault.import_bytes(case_id, png_bytes(seed=1), "a.png")
    vault.close()
    data = vault_path.read_bytes()
    vault_path.write_bytes(data[: len(data) - 100])
    with pytest.raises(DamagedVault, match="truncated"):
        Vault.open(vault_path, PASSPHRASE)


def test_missing_and_existing_paths(tmp_path: Path, vault: Vault, vault_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "nope.evault", PASSPHRASE)
    with pytest.raises(VaultExists):
        Vault.create(vault_path, PASSPHRASE)


def test_vault_from_newer_program_is_refused(vault: Vault, vault_path: Path) -> None:
    vault.db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    vault.close()
    with pytest.raises(VaultTooNew, match="Update Evidence Vault"):
        Vault.open(vault_path, PASSPHRASE)


def test_encrypted_database_that_is_not_a_vault(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = Database.create(path, PASSPHRASE)
    db.conn.execute("DROP TABLE audit_log")
    db.close()
    with pytest.raises(NotAVault):
        Vault.open(path, PASSPHRASE)


def test_vault_file_is_private(vault_path: Path, vault: Vault) -> None:
    assert vault_path.stat().st_mode & 0o077 == 0


def test_secure_delete_and_memory_temp_store(vault: Vault) -> None:
    assert vault.db.query("PRAGMA secure_delete")[0][0] == 1
    assert vault.db.query("PRAGMA temp_store")[0][0] == 2


def test_nested_transaction_rolls_back_to_savepoint(vault: Vault) -> None:
    with vault.db.transaction() as conn:
        conn.execute("INSERT INTO meta(key, value) VALUES ('outer', '1')")
        with pytest.raises(RuntimeError):
            with vault.db.transaction() as inner:
                inner.execute("INSERT INTO meta(key, value) VALUES ('inner', '1')")
                raise RuntimeError
    keys = {row[0] for row in vault.db.query("SELECT key FROM meta")}
    assert "outer" in keys and "inner" not in keys

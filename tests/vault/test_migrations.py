from __future__ import annotations

import hashlib
from pathlib import Path

from tests.factories import png_bytes
from tests.vault.conftest import PASSPHRASE
from vault import audit
from vault.database import Database
from vault.media import inspect_file
from vault.schema import MIGRATIONS, SCHEMA_VERSION
from vault.store import Vault
from vault.verify import verify


def _make_v1_vault(path: Path) -> bytes:
    """A vault as the first release wrote it: schema 1, one case and one item with OCR text."""
    db = Database.create(path, PASSPHRASE, schema_version=1)
    data = png_bytes(seed=41)
    sha = hashlib.sha256(data).hexdigest()
    with db.transaction() as c:
        audit.append(c, "vault.create", {})
        c.execute("INSERT INTO cases(title, respondent, created_at) VALUES ('旧案件', '京东', 'x')")
        c.execute(
            "INSERT INTO items(case_id, sha256, original_name, size, media_type, imported_at, ocr_text, ocr_state)"
            " VALUES (1, ?, 'old.png', ?, 'image/png', '2025-01-01T00:00:00+00:00', '白条账单 312345678901', 'done')",
            (sha, len(data)),
        )
        c.execute("INSERT INTO originals(item_id, data) VALUES (1, ?)", (data,))
        c.execute("INSERT INTO thumbnails(item_id, data) VALUES (1, ?)", (inspect_file(data).thumbnail,))
        # The v1 writer indexed trigrams only; v2 adds the bigram index and must backfill it.
        c.execute("INSERT INTO search_trigram(rowid, body) VALUES (1, 'old.png\n白条账单 312345678901')")
        audit.append(c, "item.import", {"item_id": 1, "case_id": 1, "sha256": sha, "name": "old.png", "size": len(data)})
    db.close()
    return data


def test_v1_vault_migrates_to_current(tmp_path: Path) -> None:
    path = tmp_path / "v1.evault"
    data = _make_v1_vault(path)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.db.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION == len(MIGRATIONS)
        assert vault.original(1) == data
        assert vault.case(1).complainant_name == ""
        assert [i.id for i in vault.search("白条")] == [1], "two-character search works on migrated items"
        assert [i.id for i in vault.search("45678")] == [1]
        vault.update_item(1, purpose="证明账单金额")
        assert verify(vault) == []


def test_v2_vault_gets_ids_that_skip_deleted_ones(tmp_path: Path) -> None:
    """A v2 vault whose newest item and case were deleted must not hand out their ids again."""
    path = tmp_path / "v2.evault"
    old = Vault(Database.create(path, PASSPHRASE, schema_version=2))
    with old.db.transaction() as conn:
        audit.append(conn, "vault.create", {})
    case_id = old.add_case("旧案件")
    kept = old.import_bytes(case_id, png_bytes(seed=42), "kept.png").item_id
    deleted = old.import_bytes(case_id, png_bytes(seed=43), "deleted.png").item_id
    with old.db.transaction() as conn:  # as v2's delete_item did; today's reads the v3 role column
        conn.execute("DELETE FROM items WHERE id = ?", (deleted,))
        audit.append(conn, "item.delete", {"item_id": deleted})
    old.close()
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.db.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        assert vault.db.query("PRAGMA foreign_keys") == [(1,)]
        new = vault.import_bytes(case_id, png_bytes(seed=44), "new.png").item_id
        assert new == deleted + 1 and kept < deleted
        assert [i.original_name for i in vault.items()] == ["kept.png", "new.png"]
        assert vault.original(kept) == png_bytes(seed=42), "the rebuild kept every original"
        assert verify(vault) == []

"""The exhibit order a user set by hand for a case, kept in the vault's meta table.

A row per case (`exhibit_order:<case id>`, a JSON list of item ids) needs no schema change; the
change is logged like every other, so the numbering of a submitted dossier can be traced.
"""
from __future__ import annotations

import json
from collections.abc import Sequence

from vault import audit
from vault.store import Vault


def _key(case_id: int) -> str:
    return f"exhibit_order:{case_id}"


def manual_order(vault: Vault, case_id: int) -> list[int]:
    """The item ids in the order the user set, [] when none was set."""
    rows = vault.db.query("SELECT value FROM meta WHERE key = ?", (_key(case_id),))
    return [int(i) for i in json.loads(rows[0][0])] if rows else []


def set_manual_order(vault: Vault, case_id: int, item_ids: Sequence[int]) -> None:
    """Store `item_ids` as the case's manual order (ids of other cases are refused)."""
    vault.case(case_id)
    ids = [int(i) for i in item_ids]
    foreign = [i for i in ids if vault.item(i).case_id != case_id]
    if foreign or len(set(ids)) != len(ids):
        raise ValueError(f"an exhibit order lists each item of case {case_id} once; not {foreign or ids}")
    with vault.db.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (_key(case_id), json.dumps(ids)))
        audit.append(conn, "case.order", {"case_id": case_id, "items": ids})

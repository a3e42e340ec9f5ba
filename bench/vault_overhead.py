"""The cost of encryption: the same insert and search workload on SQLCipher and on plain sqlite3.

    .venv/bin/python bench/vault_overhead.py --size 10000
Goal: SQLCipher time <= 1.15x plain SQLite.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import PASSPHRASE, fill, latencies_ms, print_result, print_table, queries

from vault import search
from vault.database import Database
from vault.schema import MIGRATIONS


def _plain(path: Path) -> Any:
    """A stdlib sqlite3 database with the vault's schema and pragmas, but no key."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("foreign_keys = ON", "secure_delete = ON", "temp_store = MEMORY", "journal_mode = WAL",
                   "synchronous = FULL"):
        conn.execute(f"PRAGMA {pragma}")
    for migration in MIGRATIONS:
        conn.execute("BEGIN")
        migration(conn)
        conn.execute("COMMIT")
    return conn


def _encrypted(path: Path) -> Any:
    return Database.create(path, PASSPHRASE).conn


def workload(connect: Callable[[Path], Any], folder: Path, size: int, per_kind: int) -> tuple[float, float]:
    """(seconds to insert `size` items, total seconds of the search queries)."""
    conn = connect(folder / "db")
    started = time.perf_counter()
    orders = fill(conn, size)
    insert = time.perf_counter() - started
    total = 0.0
    for _, _, terms in queries(orders, random.Random(7), per_kind):
        total += sum(latencies_ms(lambda term: search.search_item_ids(conn, term), terms)) / 1000
    conn.close()
    return insert, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="items inserted")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind")
    args = parser.parse_args()
    results = {}
    for name, connect in (("sqlite3 (plain)", _plain), ("SQLCipher (vault)", _encrypted)):
        with tempfile.TemporaryDirectory() as folder:
            results[name] = workload(connect, Path(folder), args.size, args.queries)
    (plain_insert, plain_search), (vault_insert, vault_search) = results.values()
    insert_ratio, search_ratio = vault_insert / plain_insert, vault_search / plain_search
    total_ratio = (vault_insert + vault_search) / (plain_insert + plain_search)
    print(f"{args.size:,} items inserted in one transaction, then {args.queries} queries of each of 4 kinds")
    print_table(
        ("database", "insert s", "search s"),
        [(name, f"{i:.2f}", f"{s:.3f}") for name, (i, s) in results.items()]
        + [("ratio", f"{insert_ratio:.2f}x", f"{search_ratio:.2f}x")],
    )
    print(f"overall {total_ratio:.2f}x (goal <= 1.15x): {'ok' if total_ratio <= 1.15 else 'MISSED'}")
    print_result(size=args.size, insert_ratio=f"{insert_ratio:.2f}", search_ratio=f"{search_ratio:.2f}",
                 overall_ratio=f"{total_ratio:.2f}")


if __name__ == "__main__":
    main()

"""Search latency through Vault.search (what the GUI and CLI call) on a filled encrypted vault.

    .venv/bin/python bench/search_latency.py --size 10000
Goals: p95 <= 1 ms for order numbers; full text p95 <= 10 ms at 10k items, <= 20 ms at 100k.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from _common import PASSPHRASE, fill, latencies_ms, percentile, print_result, print_table, queries

from vault.store import Vault


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="items in the vault")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.evault"
        with Vault.create(path, PASSPHRASE) as vault:
            started = time.perf_counter()
            with vault.db.lock:
                orders = fill(vault.db.conn, args.size)
            fill_seconds = time.perf_counter() - started
        with Vault.open(path, PASSPHRASE) as vault:
            goal_text = 10.0 if args.size <= 10_000 else 20.0
            rows, result = [], {"size": args.size}
            for key, label, terms in queries(orders, random.Random(7), args.queries):
                hits = len(vault.search(terms[0]))
                times = latencies_ms(vault.search, terms)
                p50, p95 = percentile(times, 0.50), percentile(times, 0.95)
                goal = 1.0 if key.startswith("order") else goal_text
                rows.append((label, hits, f"{p50:.2f}", f"{p95:.2f}", f"{goal:.0f}", "ok" if p95 <= goal else "MISSED"))
                result[f"{key}_p95_ms"] = f"{p95:.2f}"
    print(f"Vault.search on {args.size:,} items (filled in {fill_seconds:.1f} s), {args.queries} queries per kind")
    print_table(("query", "hits(1st)", "p50 ms", "p95 ms", "goal ms", ""), rows)
    print_result(**result)


if __name__ == "__main__":
    main()

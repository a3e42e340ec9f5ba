"""Time to open (unlock and migrate-check) a filled vault, and the process's memory after opening.

    .venv/bin/python bench/open_time.py --size 10000
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import psutil
from _common import PASSPHRASE, fill, print_result, print_table

from vault.store import Vault


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="items in the vault")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    process = psutil.Process()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.evault"
        with Vault.create(path, PASSPHRASE) as vault, vault.db.lock:
            fill(vault.db.conn, args.size)
        size_mb = path.stat().st_size / 2**20
        opens, first_lists = [], []
        rss_before = process.memory_info().rss
        for _ in range(args.repeat):
            started = time.perf_counter()
            vault = Vault.open(path, PASSPHRASE)
            opens.append(time.perf_counter() - started)
            started = time.perf_counter()
            vault.items()  # what the GUI shows first
            first_lists.append(time.perf_counter() - started)
            rss_open = process.memory_info().rss
            vault.close()
    open_ms, list_ms = statistics.median(opens) * 1000, statistics.median(first_lists) * 1000
    rss_mb = rss_open / 2**20
    print(f"Vault of {args.size:,} items ({size_mb:.1f} MiB), median of {args.repeat} opens")
    print_table(
        ("step", "value"),
        [("open (key derivation, schema check)", f"{open_ms:.0f} ms"),
         ("list all items after opening", f"{list_ms:.0f} ms"),
         ("RSS before opening", f"{rss_before / 2**20:.0f} MiB"),
         ("RSS after opening and listing", f"{rss_mb:.0f} MiB")],
    )
    print_result(size=args.size, file_mb=f"{size_mb:.1f}", open_ms=f"{open_ms:.0f}", list_ms=f"{list_ms:.0f}",
                 rss_mb=f"{rss_mb:.0f}")


if __name__ == "__main__":
    main()

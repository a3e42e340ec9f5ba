"""Bill exports in the vault: import time of a large bill, and number search among many records.

    .venv/bin/python bench/records.py --rows 10000 --records 100000
Goals (issue #16): a 10,000-row bill imports in <= 5 s; a transaction-number search among
100,000 records answers in <= 10 ms p95 through Vault.search.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from _common import PASSPHRASE, latencies_ms, percentile, print_result

from bench.record_files import alipay_csv, bill_rows, jd_csv, wechat_csv
from vault.store import Vault

_WRITERS = (wechat_csv, alipay_csv, jd_csv)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the bill whose import is timed")
    parser.add_argument("--records", type=int, default=100_000, help="records in the vault searched")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder, Vault.create(Path(folder) / "bench.evault", PASSPHRASE) as vault:
        case_id = vault.add_case("bench")
        timed = wechat_csv(bill_rows(args.rows, seed=1))
        started = time.perf_counter()
        outcome = vault.import_bytes(case_id, timed, "微信支付账单.csv")
        import_s = time.perf_counter() - started
        numbers = [r.transaction_no for r in vault.records(outcome.item_id)]
        stored = outcome.records
        seed = 2
        while stored < args.records:  # fill the rest with bills in the three layouts
            rows = bill_rows(min(args.rows, args.records - stored), seed=seed)
            stored += vault.import_bytes(case_id, _WRITERS[seed % 3](rows), f"bill-{seed}.csv").records
            numbers.extend(r.transaction_no for r in rows)
            seed += 1
        rng = random.Random(16)
        terms = [rng.choice(numbers) for _ in range(args.queries)]
        found = [len(vault.search(term)) for term in terms[:5]]
        search_ms = latencies_ms(vault.search, terms)
    print_result(
        bill_rows=args.rows, import_s=round(import_s, 2), records=stored, found_items=found,
        transaction_no_p50_ms=round(percentile(search_ms, 0.5), 2),
        transaction_no_p95_ms=round(percentile(search_ms, 0.95), 2),
    )


if __name__ == "__main__":
    main()

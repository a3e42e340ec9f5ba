"""Seeded generator of synthetic dispute screenshots with ground truth, for OCR benchmarks and tests.

Draws the pages of real apps (bench/screens/: JD, Alipay, WeChat Pay, shops, banks, e-invoices,
complaint sites, chats) in light and dark mode, phone, browser-window and desktop sizes, several CJK
fonts, then maybe downscales and re-encodes as JPEG the way screenshots travel, under the file names
phones give them.

Ground truth covers every order, transaction, ticket and invoice number, timestamp and amount drawn,
normalized as ocr.extract does (bench/screens/truth.py), with the role of each amount, the reference
each timestamp needs, the traps (numbers that must not become one of those), and the expected kind.
Seeds 0-999 are the dev split, 1000-1999, 2000-2999 and 3000-3999 the three held-out parts, each
with layouts of its own (bench/screens/catalog.py); the newest part is the one still unseen.

    python bench/screenshots.py --seed 1 --count 20 --out DIR   # images + truth.json
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.screens.catalog import BY_NAME, split_of_seed, templates_for  # noqa: E402
from bench.screens.render import Sample, render  # noqa: E402
from ocr.types import KINDS, FieldType  # noqa: E402

__all__ = ["KINDS", "SCORED_FIELDS", "Sample", "generate", "generate_one", "generate_template", "main"]

SCORED_FIELDS = (
    FieldType.ORDER_NO, FieldType.TRANSACTION_NO, FieldType.TICKET_NO, FieldType.INVOICE_CODE,
    FieldType.INVOICE_NO, FieldType.TIMESTAMP, FieldType.AMOUNT,
)
"""Field types whose every occurrence the generator records, so precision can be scored too."""


def generate_one(seed: int, index: int) -> Sample:
    """Sample `index` of series `seed`: the templates of the seed's split in turn."""
    pool = templates_for(split_of_seed(seed))
    return render(pool[index % len(pool)], seed, index)


def generate_template(name: str, seed: int, index: int = 0) -> Sample:
    """Sample `index` of series `seed` drawn with the named template."""
    return render(BY_NAME[name], seed, index)


def generate(seed: int, n: int) -> list[Sample]:
    """`n` samples of series `seed`, cycling through the templates of its split."""
    return [generate_one(seed, index) for index in range(n)]


def truth_record(sample: Sample) -> dict[str, object]:
    return {
        "template": sample.template,
        "family": sample.family,
        "split": sample.split,
        "kind": sample.kind,
        "file_name": sample.file_name,
        "reference_time": sample.reference_time.isoformat(),
        "reference_source": sample.capture.source,
        "fields": [asdict(expected) for expected in sample.truth],
        "traps": [asdict(trap) for trap in sample.traps],
        "lines": [[line.text, list(line.bbox or ())] for line in sample.drawn],
        "dark": sample.dark,
        "font": sample.font,
        "layout": sample.layout,
        "size": list(sample.image.size),
    }


def write_samples(samples: list[Sample], out: Path) -> None:
    """Image files plus truth.json keyed by file name."""
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for sample in samples:
        filename = sample.name + sample.suffix
        (out / filename).write_bytes(sample.data)
        truth[filename] = truth_record(sample)
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write_samples(generate(args.seed, args.count), args.out)
    print(f"wrote {args.count} samples to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

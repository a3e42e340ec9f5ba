"""OCR accuracy benchmark: field recall and precision per engine on generated screenshots.

    python bench/ocr_accuracy.py --count 48 --seed 7 --engines rapidocr,tesseract

Each engine runs in its own worker process (same seeded samples), so its peak RSS is its own. A field
counts only when ocr.extract finds it with exactly the right type and normalized value.
Variants switch preprocessing steps off to measure what each is worth: `--variants tile,upscale`.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.screenshots import SCORED_FIELDS, generate_one  # noqa: E402
from ocr.engines import create_engine  # noqa: E402
from ocr.types import FieldType, OcrLine  # noqa: E402

VARIANT_OPTIONS: dict[str, dict[str, object]] = {
    "default": {},
    "no-invert": {"invert_dark": False},
    "no-tile": {"tile_height": 0},
    "no-sauvola": {"sauvola": False},
    "upscale": {"upscale_below_width": 800},
    "no-upscale": {"upscale_below_width": 0},
    "no-pad": {"pad_below": 0},
}
"""Preprocessing changes relative to an engine's defaults, by variant name."""

Found = set[tuple[FieldType, str]]


def extract(lines: Sequence[OcrLine], reference_time: datetime) -> Found:
    """Fields of the scored types that ocr.extract finds in the lines."""
    from ocr.extract import ExtractionConfig, extract_fields

    fields = extract_fields(lines, ExtractionConfig(reference_time=reference_time))
    return {(field.type, field.normalized) for field in fields if field.type in SCORED_FIELDS}


def character_accuracy(lines: Sequence[OcrLine], expected: Sequence[str]) -> float:
    """1 - edit distance / length over all text, whitespace ignored (reading order matters)."""
    got = re.sub(r"\s", "", "".join(line.text for line in lines))
    want = re.sub(r"\s", "", "".join(expected))
    return max(0.0, 1.0 - edit_distance(got, want) / max(1, len(want)))


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def run_worker(engine_name: str, variant: str, seed: int, count: int) -> dict[str, object]:
    """Recognize every sample with one engine; counts per field type, time and peak memory."""
    engine = create_engine(engine_name)
    changes = VARIANT_OPTIONS[variant]
    if changes:
        engine.preprocess = dataclasses.replace(engine.preprocess, **changes)
    tally: Counter[str] = Counter()
    seconds = 0.0
    char_accuracy = 0.0
    misses = []
    for index in range(count):
        sample = generate_one(seed, index)  # one at a time, so the samples do not inflate the peak RSS
        started = time.perf_counter()
        lines = engine.recognize(sample.image)
        seconds += time.perf_counter() - started
        truth = set(sample.fields)
        found = extract(lines, sample.reference_time)
        for kind, value in truth:
            tally[f"truth:{kind}"] += 1
            tally[f"hit:{kind}"] += (kind, value) in found
            if (kind, value) not in found:
                misses.append(f"missed {sample.name}: {kind} {value}")
        for kind, value in found:
            tally[f"found:{kind}"] += 1
            tally[f"correct:{kind}"] += (kind, value) in truth
            if (kind, value) not in truth:
                misses.append(f"wrong  {sample.name}: {kind} {value}")
        char_accuracy += character_accuracy(lines, sample.lines)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "engine": engine_name,
        "variant": variant,
        "tally": dict(tally),
        "seconds_per_image": seconds / count,
        "char_accuracy": char_accuracy / count,
        "peak_rss_mb": (own + children) / 1024,
        "child_rss_mb": children / 1024,
        "misses": misses,
    }


def ratio(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:5.1f}%" if denominator else "    -"


def report(result: dict[str, object], show_misses: int) -> str:
    """A table per field type and the machine-readable RESULT line."""
    tally: dict[str, int] = result["tally"]  # type: ignore[assignment]
    label = f"{result['engine']}" + (f" [{result['variant']}]" if result["variant"] != "default" else "")
    rows = [
        f"== {label}",
        f"{'field':<16}{'truth':>7}{'recall':>9}{'precision':>11}",
    ]
    summary = [f"engine={result['engine']}", f"variant={result['variant']}"]
    totals = Counter()
    for kind in SCORED_FIELDS:
        truth, hit = tally.get(f"truth:{kind}", 0), tally.get(f"hit:{kind}", 0)
        found, correct = tally.get(f"found:{kind}", 0), tally.get(f"correct:{kind}", 0)
        totals.update(truth=truth, hit=hit, found=found, correct=correct)
        rows.append(f"{kind.value:<16}{truth:>7}{ratio(hit, truth):>9}{ratio(correct, found):>11}")
        summary.append(f"recall_{kind.value}={hit / truth:.3f}" if truth else f"recall_{kind.value}=nan")
        summary.append(f"precision_{kind.value}={correct / found:.3f}" if found else f"precision_{kind.value}=nan")
    rows.append(
        f"{'all':<16}{totals['truth']:>7}{ratio(totals['hit'], totals['truth']):>9}"
        f"{ratio(totals['correct'], totals['found']):>11}"
    )
    rows.append(
        f"char accuracy {100 * result['char_accuracy']:.1f}%, {result['seconds_per_image']:.2f} s/image, "
        f"peak RSS {result['peak_rss_mb']:.0f} MB (largest child process {result['child_rss_mb']:.0f} MB)"
    )
    rows.extend(f"  {miss}" for miss in result["misses"][:show_misses])  # type: ignore[index]
    summary.append(f"precision_all={totals['correct'] / max(1, totals['found']):.3f}")
    summary.append(f"recall_all={totals['hit'] / max(1, totals['truth']):.3f}")
    summary += [
        f"char_accuracy={result['char_accuracy']:.3f}",
        f"seconds_per_image={result['seconds_per_image']:.2f}",
        f"peak_rss_mb={result['peak_rss_mb']:.0f}",
    ]
    rows.append("RESULT " + " ".join(summary))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--engines", default="rapidocr,tesseract")
    parser.add_argument("--variants", default="default", help=f"comma list of {', '.join(VARIANT_OPTIONS)}")
    parser.add_argument("--show-misses", type=int, default=0)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        engine_name, variant = args.worker.split(":")
        print(json.dumps(run_worker(engine_name, variant, args.seed, args.count)))
        return 0
    for engine_name in args.engines.split(","):
        for variant in args.variants.split(","):
            command = [
                sys.executable, __file__, "--worker", f"{engine_name}:{variant}",
                "--seed", str(args.seed), "--count", str(args.count),
            ]
            completed = subprocess.run(command, capture_output=True, text=True, check=False)
            if completed.returncode != 0:
                print(f"== {engine_name} [{variant}] failed:\n{completed.stderr}", file=sys.stderr)
                continue
            print(report(json.loads(completed.stdout.splitlines()[-1]), args.show_misses), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

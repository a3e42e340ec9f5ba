"""OCR and extraction accuracy on generated screenshots: per field type and per template family.

    python bench/ocr_accuracy.py --set dev --engines rapidocr          # tune on this
    python bench/ocr_accuracy.py --set heldout --engines rapidocr      # measured once, now tuned on too
    python bench/ocr_accuracy.py --set heldout2 --engines rapidocr     # measured once, now tuned on too
    python bench/ocr_accuracy.py --set heldout3 --engines rapidocr     # report this, never tune on it
    python bench/ocr_accuracy.py --set all --engines drawn             # extraction alone, no OCR

A field counts only when ocr.extract finds it with exactly the right type and normalized value.
Also reported: the role of each amount found, the `reference` of each timestamp found (the sample's
capture reference is chosen by vault.ingest.reference_for from its file name, EXIF and mtime, as an
import does), the page kind, how many values typed order_no are traps (tax ids, check codes, machine
numbers, bank accounts, phones, quantities), and extraction time against OCR time.

OCR lines are cached per (engine, backend and models, variant, template, seed, index, generator version) under
bench/.cache/ (synthetic images only), so re-scoring extraction after a change takes seconds;
`--no-cache` forces OCR. The engine `drawn` reads the generator's own text lines and boxes instead
of OCR, which separates OCR errors from extraction errors. Engines are named as in bench/engines.py:
`rapidocr@openvino`, `rapidocr@onnxruntime`, `tesseract`, `previous` (the engine before issue #13).
Each engine runs in its own worker process, so its peak RSS is its own; the RESULT line also gives
the peak RSS after the first phone screenshot alone (`phone_rss_mb`, goal <= 1000 MB). Variants switch preprocessing steps off: `--variants tile,upscale`.
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
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.screens.catalog import SPLITS, seeds_for, templates_for  # noqa: E402
from bench.screens.render import Sample, generator_version  # noqa: E402
from bench.screenshots import SCORED_FIELDS, generate_one  # noqa: E402
from bench.engines import bench_engine, cache_label  # noqa: E402
from ocr.types import ExtractedField, FieldType, OcrLine  # noqa: E402

CACHE = REPO_ROOT / "bench" / ".cache" / "ocr"
DRAWN = "drawn"
"""Pseudo-engine: the generator's own text lines with their boxes."""
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


def sample_keys(split: str, seed: int, count: int) -> list[tuple[int, int]]:
    """(series seed, index) of the set's samples; count 0 means every template of the set twice."""
    series = seeds_for(split).start + seed % len(seeds_for(split))
    return [(series, index) for index in range(count or 2 * len(templates_for(split)))]


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


class LineSource:
    """OCR lines of a sample: from the cache, the engine (created on first need), or the drawing."""

    def __init__(self, engine_name: str, variant: str, use_cache: bool) -> None:
        self.engine_name, self.variant, self.use_cache = engine_name, variant, use_cache
        self.folder = CACHE / cache_label(engine_name) / variant if engine_name != DRAWN else CACHE
        self._engine = None
        self.recognized = 0
        """Samples this process ran OCR on (not read from the cache)."""

    def engine(self):  # noqa: ANN201 - an ocr.engines.OcrEngine, imported lazily
        if self._engine is None:
            self._engine = bench_engine(self.engine_name)
            changes = VARIANT_OPTIONS[self.variant]
            if changes:
                self._engine.preprocess = dataclasses.replace(self._engine.preprocess, **changes)
        return self._engine

    def read(self, sample: Sample) -> tuple[list[OcrLine], float, float]:
        """(lines, OCR seconds, character accuracy)."""
        if self.engine_name == DRAWN:
            return sample.drawn, 0.0, 1.0
        path = self.folder / f"{sample.name}-{generator_version()}.json"
        if self.use_cache and path.is_file():
            cached = json.loads(path.read_text(encoding="utf-8"))
            lines = [OcrLine(text, tuple(bbox) if bbox else None, confidence) for text, bbox, confidence in cached["lines"]]
            return lines, cached["seconds"], cached["char_accuracy"]
        started = time.perf_counter()
        lines = self.engine().recognize(sample.image)
        self.recognized += 1
        seconds = time.perf_counter() - started
        accuracy = character_accuracy(lines, sample.lines)
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {"lines": [[line.text, line.bbox, line.confidence] for line in lines],
                  "seconds": seconds, "char_accuracy": accuracy}
        partial = path.with_suffix(".part")
        partial.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
        return lines, seconds, accuracy


def capture_reference(sample: Sample) -> tuple[str, str]:
    """What the import would resolve partial dates against: vault.ingest.reference_for on the item
    the vault would store for this file (name, EXIF read by vault.media, mtime, import time)."""
    from vault.ingest import reference_for
    from vault.media import inspect_file
    from vault.evidence import Item

    capture, info = sample.capture, inspect_file(sample.data)
    item = Item(
        id=0, case_id=0, sha256="", original_name=capture.file_name, size=len(sample.data),
        media_type=info.media_type, width=info.width, height=info.height,
        source_mtime=capture.mtime.astimezone(UTC).isoformat() if capture.mtime else None,
        captured_at=info.captured_at, imported_at=capture.imported_at.astimezone(UTC).isoformat(),
        kind="other", kind_origin="auto", note="", title="", purpose="", formed_at=None,
        ocr_state="pending", ocr_engine=None, ocr_error=None, ocr_text="",
    )
    return reference_for(item)


def compact(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value)


def score(sample: Sample, fields: Sequence[ExtractedField], kind: str, tally: Counter[str], misses: list[str]) -> None:
    """Add one sample's hits, misses, roles, references, kind and trap hits to `tally`."""
    family = sample.family
    truth = set(sample.fields)
    found = {(f.type, f.normalized) for f in fields if f.type in SCORED_FIELDS}
    for field_type, value in truth:
        hit = (field_type, value) in found
        tally.update({f"truth:{field_type}": 1, f"hit:{field_type}": hit, f"truth@{family}": 1, f"hit@{family}": hit})
        if not hit:
            misses.append(f"missed {sample.name}: {field_type} {value}")
    for field_type, value in found:
        right = (field_type, value) in truth
        tally.update({f"found:{field_type}": 1, f"correct:{field_type}": right,
                      f"found@{family}": 1, f"correct@{family}": right})
        if not right:
            misses.append(f"wrong  {sample.name}: {field_type} {value}")
    found_roles = {(f.normalized, f.role) for f in fields if f.type is FieldType.AMOUNT}
    found_references = {(f.normalized, f.reference) for f in fields if f.type is FieldType.TIMESTAMP}
    for expected in sample.truth:
        if (expected.type, expected.value) not in found:
            continue
        if expected.type is FieldType.AMOUNT:
            right = (expected.value, expected.role) in found_roles
            tally.update({"role:checked": 1, "role:right": right})
            if not right:
                misses.append(f"role   {sample.name}: {expected.value} should be {expected.role or '(none)'}")
        elif expected.type is FieldType.TIMESTAMP:
            right = (expected.value, expected.reference) in found_references
            tally.update({"reference:checked": 1, "reference:right": right})
            if not right:
                misses.append(f"ref    {sample.name}: {expected.value} should be {expected.reference or '(none)'}")
    tally.update({"kind:checked": 1, "kind:right": kind == sample.kind})
    if kind != sample.kind:
        misses.append(f"kind   {sample.name}: {kind} should be {sample.kind}")
    traps = {compact(trap.value) for trap in sample.traps}
    for field_type, value in found - truth:
        if field_type is FieldType.ORDER_NO:
            tally["order:false"] += 1
            tally["order:trap"] += compact(value) in traps


def run_worker(engine_name: str, variant: str, split: str, seed: int, count: int, use_cache: bool) -> dict[str, object]:
    """Read and extract every sample of the set with one engine; tallies, times and peak memory."""
    from ocr.extract import ExtractionConfig, classify_kind, extract_fields

    source = LineSource(engine_name, variant, use_cache)
    tally: Counter[str] = Counter()
    ocr_seconds = extract_seconds = char_accuracy = 0.0
    misses: list[str] = []
    keys = sample_keys(split, seed, count)
    phone_rss_kb = 0
    for series, index in keys:
        sample = generate_one(series, index)  # one at a time, so the samples do not inflate the peak RSS
        recognized_before = source.recognized
        lines, seconds, accuracy = source.read(sample)
        ocr_seconds += seconds
        char_accuracy += accuracy
        reference, reference_source = capture_reference(sample)
        started = time.perf_counter()
        # As vault.ocr_jobs.run_job does after OCR.
        config = ExtractionConfig(datetime.fromisoformat(reference), reference_source)
        fields = extract_fields(lines, config)
        kind = classify_kind(lines)
        extract_seconds += time.perf_counter() - started
        score(sample, fields, kind, tally, misses)
        if not phone_rss_kb and source.recognized > recognized_before and sample.image.height <= 2 * sample.image.width:
            phone_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # the first phone-sized OCR
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "engine": engine_name, "variant": variant, "set": split, "samples": len(keys),
        "families": sorted({templates_for(split)[index % len(templates_for(split))].family for _, index in keys}),
        "tally": dict(tally),
        "seconds_per_image": ocr_seconds / len(keys),
        "extract_seconds_per_image": extract_seconds / len(keys),
        "char_accuracy": char_accuracy / len(keys),
        "peak_rss_mb": (own + children) / 1024,
        "child_rss_mb": children / 1024,
        "phone_rss_mb": phone_rss_kb / 1024,
        "misses": misses,
    }


def ratio(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:5.1f}%" if denominator else "    -"


def share(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.3f}" if denominator else "nan"


def report(result: dict[str, object], show_misses: int) -> str:
    """Tables per field type and per family, then the machine-readable RESULT line."""
    tally: dict[str, int] = result["tally"]  # type: ignore[assignment]
    get = lambda key: tally.get(key, 0)  # noqa: E731
    variant = f" [{result['variant']}]" if result["variant"] != "default" else ""
    rows = [f"== {result['engine']}{variant} on {result['set']} ({result['samples']} samples)",
            f"{'field':<16}{'truth':>7}{'recall':>9}{'precision':>11}"]
    summary = [f"engine={result['engine']}", f"variant={result['variant']}", f"set={result['set']}"]
    for field_type in SCORED_FIELDS:
        truth, hit, found, correct = (get(f"{k}:{field_type}") for k in ("truth", "hit", "found", "correct"))
        rows.append(f"{field_type.value:<16}{truth:>7}{ratio(hit, truth):>9}{ratio(correct, found):>11}")
        summary += [f"recall_{field_type.value}={share(hit, truth)}", f"precision_{field_type.value}={share(correct, found)}"]
    totals = {k: sum(get(f"{k}:{t}") for t in SCORED_FIELDS) for k in ("truth", "hit", "found", "correct")}
    rows.append(f"{'all':<16}{totals['truth']:>7}{ratio(totals['hit'], totals['truth']):>9}"
                f"{ratio(totals['correct'], totals['found']):>11}")
    rows.append(f"{'family':<16}{'truth':>7}{'recall':>9}{'precision':>11}")
    for family in result["families"]:  # type: ignore[attr-defined]
        truth, hit, found, correct = (get(f"{k}@{family}") for k in ("truth", "hit", "found", "correct"))
        rows.append(f"{family:<16}{truth:>7}{ratio(hit, truth):>9}{ratio(correct, found):>11}")
    extract_time, ocr_time = result["extract_seconds_per_image"], result["seconds_per_image"]
    rows += [
        f"amount roles right {ratio(get('role:right'), get('role:checked'))} of {get('role:checked')} amounts found; "
        f"timestamp references right {ratio(get('reference:right'), get('reference:checked'))} "
        f"of {get('reference:checked')}; kind right {ratio(get('kind:right'), get('kind:checked'))}",
        f"order_no not in truth: {get('order:false')}, of them traps (tax id, check code, phone, ...): "
        f"{get('order:trap')}",
        f"char accuracy {100 * result['char_accuracy']:.1f}%, OCR {ocr_time:.2f} s/image, extraction "
        f"{extract_time:.3f} s/image ({share(round(1000 * extract_time), round(1000 * ocr_time))} of OCR), "
        f"peak RSS {result['peak_rss_mb']:.0f} MB (largest child process {result['child_rss_mb']:.0f} MB; "
        f"{result['phone_rss_mb']:.0f} MB after the first phone screenshot)",
    ]
    rows.extend(f"  {miss}" for miss in result["misses"][:show_misses])  # type: ignore[index]
    summary += [
        f"recall_all={share(totals['hit'], totals['truth'])}", f"precision_all={share(totals['correct'], totals['found'])}",
        f"role_accuracy={share(get('role:right'), get('role:checked'))}",
        f"reference_accuracy={share(get('reference:right'), get('reference:checked'))}",
        f"kind_accuracy={share(get('kind:right'), get('kind:checked'))}",
        f"false_order_no={get('order:false')}", f"order_no_from_traps={get('order:trap')}",
        f"char_accuracy={result['char_accuracy']:.3f}", f"seconds_per_image={ocr_time:.2f}",
        f"extract_seconds_per_image={extract_time:.4f}", f"peak_rss_mb={result['peak_rss_mb']:.0f}",
        f"phone_rss_mb={result['phone_rss_mb']:.0f}",
    ]
    rows.append("RESULT " + " ".join(summary))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SPLITS, "all"), default="dev")
    parser.add_argument("--count", type=int, default=0, help="samples per set; 0: every template of the set twice")
    parser.add_argument("--seed", type=int, default=7, help="series within the set's seed range")
    parser.add_argument("--engines", default="rapidocr,tesseract",
                        help=f"comma list (rapidocr@openvino, rapidocr@onnxruntime, tesseract, previous); {DRAWN!r}: no OCR")
    parser.add_argument("--variants", default="default", help=f"comma list of {', '.join(VARIANT_OPTIONS)}")
    parser.add_argument("--no-cache", action="store_true", help="run OCR even when cached lines exist")
    parser.add_argument("--show-misses", type=int, default=0, help=f"misses to list (not for {SPLITS[-1]})")
    parser.add_argument("--show-heldout-misses", action="store_true",
                        help=f"list the misses of {SPLITS[-1]} too, which makes it a tuning set")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        engine_name, variant, split = args.worker.split(":")
        print(json.dumps(run_worker(engine_name, variant, split, args.seed, args.count, not args.no_cache)))
        return 0
    for split in SPLITS if args.set == "all" else (args.set,):
        for engine_name in args.engines.split(","):
            for variant in args.variants.split(","):
                command = [sys.executable, __file__, "--worker", f"{engine_name}:{variant}:{split}",
                           "--seed", str(args.seed), "--count", str(args.count)] + (["--no-cache"] if args.no_cache else [])
                completed = subprocess.run(command, capture_output=True, text=True, check=False)
                if completed.returncode != 0:
                    print(f"== {engine_name} [{variant}] on {split} failed:\n{completed.stderr}", file=sys.stderr)
                    continue
                # The newest held-out part stays unseen: its misses print only when asked for by name.
                shown = args.show_misses if split != SPLITS[-1] or args.show_heldout_misses else 0
                print(report(json.loads(completed.stdout.splitlines()[-1]), shown), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

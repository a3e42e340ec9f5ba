"""Benchmark of build_dossier: time, peak memory and size at two exhibit counts.

Each size runs in its own subprocess so peak RSS (ru_maxrss) belongs to that build alone. The
synthetic originals are written to bench/out/ and loaded from disk, as the vault would, so the
harness itself does not hold them in memory.

    python bench/export.py --count 200            # runs 50 and 200, prints RESULT line
    python bench/export.py --sample-pages docs    # only writes docs/dossier-index.png, -exhibit.png
"""
from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from export import ExportOptions, build_dossier  # noqa: E402
from export.signing import SigningSettings  # noqa: E402
from vault.signing_key import new_identity  # noqa: E402
from bench.dossier_demo import demo_request  # noqa: E402

OUT = ROOT / "bench" / "out"


def _disk_store(folder: Path) -> Callable[[str, bytes], Callable[[], bytes]]:
    folder.mkdir(parents=True, exist_ok=True)

    def store(name: str, data: bytes) -> Callable[[], bytes]:
        path = folder / name
        path.write_bytes(data)
        return path.read_bytes

    return store


def run_worker(count: int) -> dict[str, float]:
    """Build one dossier with `count` exhibits in this process and measure it."""
    request = demo_request(count, seed=11, store=_disk_store(OUT / f"originals-{count}"))
    originals = sum(len(e.load_original()) for e in request.exhibits)
    identity = new_identity("基准测试")
    signing = SigningSettings(identity.key_pem, identity.certificate_pem)  # signed, as every vault export is
    gc.collect()
    started = time.perf_counter()
    result = build_dossier(request, ExportOptions(signing=signing), OUT / f"dossier-{count}.pdf")
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"count": count, "seconds": round(seconds, 2), "peak_rss_mb": round(peak_mb, 1),
            "pages": result.pages, "size_mb": round(result.size / 2**20, 2),
            "originals_mb": round(originals / 2**20, 2), "size_ratio": round(result.size / originals, 2)}


def write_sample_pages(folder: Path) -> None:
    """Render the evidence index and an exhibit page of a small sample dossier as PNGs for the docs."""
    import pypdfium2

    pdf_path = OUT / "sample-dossier.pdf"
    OUT.mkdir(parents=True, exist_ok=True)
    request = demo_request(4, seed=3)
    build_dossier(request, ExportOptions(), pdf_path)
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        # The third exhibit is a long screenshot: its first page shows heading, caption and first slice.
        tall_name = request.exhibits[2].original_name
        exhibit_page = next(i for i, page in enumerate(pdf) if tall_name in page.get_textpage().get_text_range())
        for index, name in ((1, "dossier-index.png"), (exhibit_page, "dossier-exhibit.png")):
            image = pdf[index].render(scale=80 / 72).to_pil().convert("RGB")
            image.save(folder / name, optimize=True)
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="exhibits in the large run")
    parser.add_argument("--small", type=int, default=50, help="exhibits in the small run")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sample-pages", type=Path, help="folder to write the two sample page images to")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_worker(args.worker)))
        return
    if args.sample_pages:
        write_sample_pages(args.sample_pages)
        return
    runs = []
    for count in (args.small, args.count):
        out = subprocess.run([sys.executable, __file__, "--worker", str(count)], check=True,
                             capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
        print(" ".join(f"{k}={v}" for k, v in runs[-1].items()))
    small, large = runs
    rss_ratio = large["peak_rss_mb"] / small["peak_rss_mb"]
    per_exhibit = (large["peak_rss_mb"] - small["peak_rss_mb"]) / (large["count"] - small["count"])
    print(f"peak RSS grows {rss_ratio:.2f}x for {large['count'] / small['count']:.0f}x exhibits "
          f"({per_exhibit * 1024:.0f} KiB per extra exhibit)")
    print(f"RESULT count={large['count']} seconds={large['seconds']} peak_rss_mb={large['peak_rss_mb']} "
          f"size_mb={large['size_mb']} originals_mb={large['originals_mb']} size_ratio={large['size_ratio']} "
          f"small_count={small['count']} small_peak_rss_mb={small['peak_rss_mb']} rss_ratio={rss_ratio:.2f}")


if __name__ == "__main__":
    main()

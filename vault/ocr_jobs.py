"""Reading stored evidence with an OCR engine in worker processes.

Originals travel to the workers through a pipe as bytes and come back as lines and fields, so
nothing readable is written to disk. One engine instance lives in each worker process.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime

import psutil

from ocr.engines import OcrEngine, create_engine, limit_threads
from ocr.errors import OcrError
from ocr.extract import ExtractionConfig, classify_kind, extract_fields
from ocr.types import ExtractedField, OcrLine
from vault.errors import RejectedFile
from vault.media import open_image, to_rgb
from vault.pdf_text import PDF_RENDER_SCALE, pdf_page_count, pdf_text_lines, render_pdf_page

ENGINE_MEMORY_BYTES = {"rapidocr": 1024**3, "tesseract": 256 * 1024**2}
"""Peak memory of one worker per engine (measured by bench/ocr_accuracy.py, rounded up)."""


@dataclass(frozen=True, slots=True)
class OcrJob:
    item_id: int
    data: bytes
    media_type: str
    reference_time: str  # ISO 8601, what partial dates in the text are resolved against
    reference_source: str


@dataclass(frozen=True, slots=True)
class OcrOutcome:
    item_id: int
    engine: str
    lines: tuple[OcrLine, ...] = ()
    fields: tuple[ExtractedField, ...] = ()
    kind: str | None = None
    error: str | None = None


def _recognize_pdf(engine: OcrEngine, data: bytes) -> list[OcrLine]:
    """The PDF's own text layer where it has one, else OCR of each rendered page."""
    lines = pdf_text_lines(data)
    if lines:
        return lines
    result: list[OcrLine] = []
    offset = 0
    for index in range(pdf_page_count(data)):
        page = render_pdf_page(data, index, PDF_RENDER_SCALE)
        for line in engine.recognize(page):
            x0, y0, x1, y1 = line.bbox
            result.append(OcrLine(line.text, (x0, y0 + offset, x1, y1 + offset), line.confidence))
        offset += page.height
    return result


def run_job(engine: OcrEngine, job: OcrJob) -> OcrOutcome:
    """OCR and extraction for one item; expected failures become an outcome with an error."""
    try:
        if job.media_type == "application/pdf":
            lines = _recognize_pdf(engine, job.data)
        else:
            lines = engine.recognize(to_rgb(open_image(job.data)))
        config = ExtractionConfig(datetime.fromisoformat(job.reference_time), job.reference_source)
        fields = extract_fields(lines, config)
        return OcrOutcome(job.item_id, engine.name, tuple(lines), tuple(fields), classify_kind(lines))
    except (OcrError, RejectedFile) as e:
        return OcrOutcome(job.item_id, engine.name, error=str(e))


_worker_engine: OcrEngine | None = None


def _init_worker(engine_name: str, threads: int) -> None:
    global _worker_engine
    limit_threads(threads)
    _worker_engine = create_engine(engine_name)


def _run_in_worker(job: OcrJob) -> OcrOutcome:
    assert _worker_engine is not None, "worker initialiser did not run"
    return run_job(_worker_engine, job)


def worker_count(engine_name: str, jobs: int) -> int:
    """As many workers as cores, bounded by free memory for memory-hungry engines."""
    per_worker = ENGINE_MEMORY_BYTES.get(engine_name, 512 * 1024**2)
    by_memory = max(1, int(psutil.virtual_memory().available // per_worker))
    return max(1, min(os.cpu_count() or 1, by_memory, jobs))


def run_jobs(
    engine_name: str,
    jobs: Iterable[OcrJob],
    total: int,
    cancelled: Callable[[], bool] = lambda: False,
    workers: int | None = None,
) -> Iterator[OcrOutcome]:
    """Yield outcomes as workers finish; stops submitting when cancelled.

    At most two jobs per worker are in flight, so memory holds a few originals, not all of them.
    """
    workers = workers or worker_count(engine_name, total)
    context = multiprocessing.get_context("spawn")  # no fork of a process holding the vault key
    threads = max(1, (os.cpu_count() or 1) // workers)  # workers x threads = cores, no oversubscription
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(engine_name, threads)
    ) as pool:
        pending: set[Future[OcrOutcome]] = set()
        queue = iter(jobs)
        exhausted = False
        while True:
            while not exhausted and not cancelled() and len(pending) < 2 * workers:
                job = next(queue, None)
                if job is None:
                    exhausted = True
                    break
                pending.add(pool.submit(_run_in_worker, job))
            if not pending:
                return
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
            if cancelled():
                for future in pending:
                    future.cancel()
                pool.shutdown(wait=True, cancel_futures=True)
                return

"""Reading stored evidence with an OCR engine in worker processes.

Originals travel to the workers through a pipe as bytes and come back as lines and fields, so
nothing readable is written to disk. One engine instance lives in each worker process; a worker
holds no secrets, may not dump core, is capped in memory, and ends when its parent does.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import datetime

import psutil

from ocr.engine_names import BackendName
from ocr.engines import EngineName, OcrEngine, create_engine, default_backend, limit_threads
from ocr.errors import OcrError
from ocr.pages import PDF_RENDER_SCALE, pdf_page_sizes, pdf_text_lines, render_pdf_page, to_rgb
from ocr.types import ExtractedField, OcrLine
from vault.errors import RejectedFile
from vault.media import check_pdf_pages, open_image
from vault.process import disable_core_dumps, drop_secret_variables, exit_with_parent, limit_address_space

ENGINE_MEMORY_BYTES = {EngineName.RAPIDOCR: 1280 * 1024**2, EngineName.TESSERACT: 256 * 1024**2}
"""Peak resident memory of one worker per engine, rounded up. RapidOCR 3.10 (PP-OCRv6 small), two
threads: 0.87 GB on a 1080x1413 phone screenshot and 1.19 GB on a 1080x20000 capture with OpenVINO,
0.52 and 1.07 GB with onnxruntime; the larger backend sets the figure. Since phone pages go to the
detector 736 px wide (issue #13) the capture peaks at 0.82 GB (OpenVINO) and 0.81 GB (onnxruntime);
the figure keeps its margin until the caps below are measured again with that setting. With
onnxruntime's memory arena on, a worker reading 64 different screenshots keeps 1.18 GB (0.84 GB
without; its peak then was 1.03 GB) and the capture peaks at 0.89 GB. Another 1080x20000 capture
(bench/screens/full_screen.py, series 3), one thread, fresh worker: 1.22 GB resident at its peak,
1.39 GB before the capture was held only once while it is read (2026-12-07)."""
OTHER_ENGINE_MEMORY_BYTES = 512 * 1024**2
WORKER_ADDRESS_SPACE_HEADROOM = 2816 * 1024**2
"""Address space a worker maps beyond its resident peak: interpreter, libraries, thread stacks,
malloc arenas and the runtimes' own pools. Measured on a 1080x20000 capture with two threads: VmPeak
2.75 GB against 1.19 GB resident with OpenVINO, 1.80 against 1.07 GB with onnxruntime, 1.3 GB for
Tesseract's worker. The largest capture the limits let in (1080x90000), read by a fresh worker with
one thread since a capture is held once while it is read (ocr/preprocess.py): OpenVINO maps 4.08 GB,
2.92 GB more than before it and just within this room of 2.95 GB (1.65 GB resident); onnxruntime
3.59 GB, 2.87 GB more (1.66 GB resident), and after 64 other screenshots only 1.2 GB more (3.92 GB).
Before, with the capture held three times, onnxruntime mapped 3.67 GB more, past this room."""
ADDRESS_SPACE_GROWTH = {EngineName.RAPIDOCR: 3072 * 1024**2}
"""What a long-lived worker may map beyond a fresh one's peak before it is replaced. OpenVINO keeps
kernels and buffers for every input shape it meets: a worker's mapped size grew from 1.1 GB to 4.3 GB
over 32 screenshots and 5.7 GB over 64 (resident 1.2 and 1.4 GB), so a 64-screenshot import failed
its last items under the 4 GiB cap. A worker is replaced once it maps more than the cap less
WORKER_ADDRESS_SPACE_HEADROOM, so the next job, a 1080x90000 capture included, still fits."""

WORKER_DIED = (
    "the OCR worker stopped while reading this item (it ran out of memory or was killed); "
    "the item is kept unread and the other items went on"
)
OUT_OF_MEMORY = "reading this item needs more memory than an OCR worker may use; the item is kept unread"

JOBS_IN_FLIGHT_PER_WORKER = 2
"""Jobs submitted ahead per worker: one running, one waiting, so a worker never idles between jobs
while memory holds only a few originals."""


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
    worker_pid: int = 0
    address_space: int = 0
    """Bytes the worker mapped after the job: what decides when it is replaced (ADDRESS_SPACE_GROWTH)."""


def _recognize_pdf(engine: OcrEngine, data: bytes) -> list[OcrLine]:
    """The PDF's own text layer where it has one, else OCR of each rendered page."""
    lines = pdf_text_lines(data)
    if lines:
        return lines
    result: list[OcrLine] = []
    sizes = pdf_page_sizes(data)
    check_pdf_pages(sizes)  # also for PDFs imported before the limits
    offset = 0
    for index in range(len(sizes)):
        page = render_pdf_page(data, index, PDF_RENDER_SCALE)
        for line in engine.recognize(page):
            x0, y0, x1, y1 = line.bbox
            result.append(OcrLine(line.text, (x0, y0 + offset, x1, y1 + offset), line.confidence))
        offset += page.height
    return result


def run_job(engine: OcrEngine, job: OcrJob) -> OcrOutcome:
    """OCR and extraction for one item; expected failures become an outcome with an error."""
    # Imported where the jobs run: the process that starts the pool does not extract.
    from ocr.extract import ExtractionConfig, classify_kind, extract_fields

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
    except MemoryError:  # the worker's address-space cap was reached; the worker itself is fine
        return OcrOutcome(job.item_id, engine.name, error=OUT_OF_MEMORY)


_worker_engine: OcrEngine | None = None


def worker_memory_limit(engine_name: str) -> int:
    """The address-space cap of one worker (RLIMIT_AS): its engine's peak plus headroom."""
    return (ENGINE_MEMORY_BYTES.get(engine_name, OTHER_ENGINE_MEMORY_BYTES) + WORKER_ADDRESS_SPACE_HEADROOM
            + ADDRESS_SPACE_GROWTH.get(engine_name, 0))


def replacement_threshold(engine_name: str) -> int | None:
    """Mapped bytes past which a worker of this engine is replaced; None for engines that do not grow."""
    if engine_name not in ADDRESS_SPACE_GROWTH:
        return None
    return worker_memory_limit(engine_name) - WORKER_ADDRESS_SPACE_HEADROOM


def _init_worker(engine_name: str, backend: str | None, threads: int, memory_limit: int, parent_pid: int) -> None:
    global _worker_engine
    # The interpreter's teardown of the engine's models took 0.4 s at the end of every import, which
    # waits for its workers to exit; results are sent by then and the worker holds nothing to flush.
    atexit.register(os._exit, 0)
    exit_with_parent(parent_pid)
    drop_secret_variables()
    disable_core_dumps()  # a worker's memory holds evidence
    limit_address_space(memory_limit)
    limit_threads(threads)
    _worker_engine = create_engine(engine_name, backend)
    try:
        _worker_engine.load()
    except (OcrError, MemoryError):
        pass  # the first job loads again and reports the failure as that item's error


def _started() -> None:
    """A job that does nothing: submitted once per worker, it makes the pool start them now."""


def read_in_worker(job: OcrJob) -> OcrOutcome:
    """What a worker does with each job, with the engine its initialiser made."""
    assert _worker_engine is not None, "worker initialiser did not run"
    return with_worker_state(run_job(_worker_engine, job))


def with_worker_state(outcome: OcrOutcome) -> OcrOutcome:
    """The outcome with the worker's pid and mapped size, for its pool to decide on replacing it."""
    return replace(outcome, worker_pid=os.getpid(), address_space=psutil.Process().memory_info().vms)


def worker_count(engine_name: str, jobs: int, backend: str | None = None) -> int:
    """As many workers as cores, bounded by free memory for memory-hungry engines.

    OpenVINO spreads one image over every core by itself, and one worker with all the threads reads
    as fast as one per core with half the memory: 16 screenshots in 11.8-13.0 s against 11.9-13.2 s
    (three alternating runs on an AVX2 EPYC). Two OpenVINO workers of one thread each are slower
    only as OpenVINO starts them, pinned to the same core (24-25 s, seen as 15.6 against 11.1 s
    before the cause was known). onnxruntime keeps a worker per core: one thread read the 16 in
    20.0-21.1 s and two threads in one process in 13.0-13.1 s, well over half of that.
    """
    if engine_name == EngineName.RAPIDOCR and (backend or default_backend()) == BackendName.OPENVINO:
        return 1
    per_worker = ENGINE_MEMORY_BYTES.get(engine_name, OTHER_ENGINE_MEMORY_BYTES)
    by_memory = max(1, int(psutil.virtual_memory().available // per_worker))
    return max(1, min(os.cpu_count() or 1, by_memory, jobs))


class WorkerPool:
    """OCR worker processes, started at once and replaced when one of them dies (a dead worker
    breaks the whole executor).

    Each worker loads its engine's models as it starts, so a pool made before the files are stored
    has them ready when the first job comes (issue #13). Close it with shutdown(), or use it as a
    context manager.
    """

    def __init__(
        self, engine_name: str, backend: str | None, workers: int, work: Callable[[OcrJob], OcrOutcome] = read_in_worker,
        replace_above: int | None = None,
    ) -> None:
        threads = max(1, (os.cpu_count() or 1) // workers)  # workers x threads = cores, no oversubscription
        self._initargs = (engine_name, backend, threads, worker_memory_limit(engine_name), os.getpid())
        self.workers = workers
        self._work = work
        self._replace_above = replace_above if replace_above is not None else replacement_threshold(engine_name)
        self._current_pids: set[int] = set()
        self._retired_pids: set[int] = set()
        self.replacements = 0
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: a fork starts with a copy of the vault key, and its /proc/PID/environ
        # shows the parent's original environment, passphrase included, whatever os.environ says.
        context = multiprocessing.get_context("spawn")
        executor = ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_init_worker, initargs=self._initargs
        )
        for _ in range(self.workers):  # a spawn-context executor starts a worker per submitted job
            executor.submit(_started)
        return executor

    def submit(self, job: OcrJob) -> Future[OcrOutcome]:
        try:
            return self._executor.submit(self._work, job)
        except BrokenProcessPool:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = self._start()
            return self._executor.submit(self._work, job)

    def note(self, outcome: OcrOutcome) -> None:
        """Replace the workers once one of them maps more than the threshold; the old ones finish the
        jobs they have (at most two each) and exit, while the new ones load their models."""
        if outcome.worker_pid in self._retired_pids:
            return
        self._current_pids.add(outcome.worker_pid)
        if self._replace_above is not None and outcome.address_space > self._replace_above:
            self._retired_pids |= self._current_pids
            self._current_pids = set()
            old, self._executor = self._executor, self._start()
            old.shutdown(wait=False)
            self.replacements += 1

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()


class KeptPool:
    """A WorkerPool kept from one ingest to the next, for a front end that imports again and again (the
    app), or started before the vault is open (the CLI's import, vault.ingest.start_workers_for).

    Each new pool costs a worker start and a first pass over new input shapes (about 2.4 s with
    OpenVINO, issue #13); a kept one pays that once. It is sized for the machine, or for at most
    `jobs` jobs when it serves one import, and started for one engine and backend: asked for another,
    it replaces its workers. The owner closes it when idle or locked, since its workers hold memory
    (about 0.6 GB each with OpenVINO).
    """

    def __init__(self, jobs: int | None = None) -> None:
        self._jobs = jobs
        self._pool: WorkerPool | None = None
        self._key: tuple[str, str | None] | None = None
        self._lock = threading.Lock()

    def get(self, engine_name: str, backend: str | None) -> WorkerPool:
        with self._lock:
            if self._pool is None or self._key != (engine_name, backend):
                if self._pool is not None:
                    self._pool.shutdown()
                workers = worker_count(engine_name, self._jobs or os.cpu_count() or 1, backend)
                self._pool, self._key = WorkerPool(engine_name, backend, workers), (engine_name, backend)
            return self._pool

    @property
    def current(self) -> WorkerPool | None:
        """The running pool, None when closed."""
        return self._pool

    @property
    def running(self) -> bool:
        return self._pool is not None

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown()
            self._pool = self._key = None


def run_jobs(
    engine_name: str,
    jobs: Iterable[OcrJob],
    total: int,
    cancelled: Callable[[], bool] = lambda: False,
    workers: int | None = None,
    work: Callable[[OcrJob], OcrOutcome] = read_in_worker,
    backend: str | None = None,
    pool: WorkerPool | None = None,
    started: Mapping[Future[OcrOutcome], OcrJob] | None = None,
) -> Iterator[OcrOutcome]:
    """Yield outcomes as workers finish; stops submitting when cancelled.

    At most JOBS_IN_FLIGHT_PER_WORKER jobs per worker are in flight, so memory holds a few originals.
    A dying worker fails every job in flight with it; those are read again one at a time in a new
    pool, so only a job that kills its worker by itself becomes a failed item (WORKER_DIED).
    `work` runs in the workers and must be importable there (a module-level function). `backend`
    is RapidOCR's inference runtime (None: the one that suits this machine). A `pool` started
    earlier is used instead of a new one (and left to its owner to shut down); `started` are jobs
    already submitted to it, whose outcomes are yielded with the others (`jobs` holds the rest).
    """
    own_pool = pool is None
    if pool is None:
        pool = WorkerPool(engine_name, backend, workers or worker_count(engine_name, total, backend), work)
    pending: dict[Future[OcrOutcome], OcrJob] = dict(started or {})
    suspects: deque[OcrJob] = deque()
    alone: Future[OcrOutcome] | None = None
    queue = iter(jobs)
    exhausted = False
    try:
        while not cancelled():
            if suspects:
                if not pending:
                    alone = pool.submit(suspects[0])
                    pending[alone] = suspects.popleft()
            else:
                while not exhausted and len(pending) < JOBS_IN_FLIGHT_PER_WORKER * pool.workers:
                    job = next(queue, None)
                    if job is None:
                        exhausted = True
                        break
                    pending[pool.submit(job)] = job
            if not pending:
                return
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                job = pending.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    if future is not alone:
                        suspects.append(job)
                        continue
                    outcome = OcrOutcome(job.item_id, engine_name, error=WORKER_DIED)
                pool.note(outcome)
                yield outcome
    finally:
        if own_pool:
            pool.shutdown()
        else:  # a kept pool goes on: what it was not yet running for this ingest is taken back
            for future in pending:
                future.cancel()

"""OCR worker processes: what they inherit, what they may use, and what happens when one dies.

The jobs here run in real spawned workers; the functions they run are module-level so a worker can
import them, and they kill or probe their own process instead of reading an image.
"""
from __future__ import annotations

import io
import json
import os
import resource
import signal
import sys
import threading
import time
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.engines import available_engines, create_engine, default_backend
from vault.media import MAX_PDF_PIXELS
from vault.ocr_jobs import (
    WORKER_DIED,
    OcrJob,
    OcrOutcome,
    WorkerPool,
    read_in_worker,
    replacement_threshold,
    run_job,
    run_jobs,
    with_worker_state,
    worker_memory_limit,
)
from vault.process import is_dumpable, withhold_secrets_from_children

ENGINE = "rapidocr"
"""The workers' initialiser builds this engine and loads its models as each worker starts."""
SECRET = "worker-must-not-see 口令 8812"
POISON = b"poison"
WAIT_PREFIX = b"wait-to-be-killed:"
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")

pytestmark = pytest.mark.skipif(ENGINE not in available_engines(), reason="rapidocr is not installed")


def _job(item_id: int, data: bytes = b"", media_type: str = "image/png") -> OcrJob:
    return OcrJob(item_id, data, media_type, "2026-02-14T10:00:00+08:00", "import")


def _read(job: OcrJob) -> OcrOutcome:
    return OcrOutcome(job.item_id, ENGINE, kind="other")


def die_on_poison(job: OcrJob) -> OcrOutcome:
    """Kill the worker, as the kernel's OOM killer would, when given the poisoned job."""
    if job.data == POISON:
        os.kill(os.getpid(), signal.SIGKILL)
    return _read(job)


def wait_to_be_killed_once(job: OcrJob) -> OcrOutcome:
    """The first attempt at a marked job writes the worker's pid and waits; later attempts succeed."""
    if job.data.startswith(WAIT_PREFIX):
        marker = Path(job.data[len(WAIT_PREFIX):].decode())
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            time.sleep(60)
    return _read(job)


def report_worker_state(job: OcrJob) -> OcrOutcome:
    """What the worker runs with, as JSON in the outcome's kind."""
    with open("/proc/self/environ", "rb") as environ:
        exec_environment = environ.read()
    state = {
        "address_space": resource.getrlimit(resource.RLIMIT_AS)[0],
        "core": resource.getrlimit(resource.RLIMIT_CORE)[1],
        "dumpable": is_dumpable(),
        "secret_in_os_environ": "EVIDENCE_VAULT_PASSPHRASE" in os.environ,
        "secret_in_proc_environ": SECRET.encode() in exec_environment,
    }
    return OcrOutcome(job.item_id, ENGINE, kind=json.dumps(state))


def test_a_worker_that_dies_fails_only_its_item_and_the_rest_are_read() -> None:
    jobs = [_job(item_id, POISON if item_id == 3 else b"") for item_id in range(1, 9)]
    outcomes = list(run_jobs(ENGINE, jobs, len(jobs), workers=2, work=die_on_poison))
    assert sorted(o.item_id for o in outcomes) == list(range(1, 9)), "every item has exactly one outcome"
    failed = {o.item_id: o.error for o in outcomes if o.error}
    assert failed == {3: WORKER_DIED}
    assert "stopped while reading this item" in WORKER_DIED


@pytest.mark.timeout(60)
def test_a_worker_killed_from_outside_has_its_job_read_again(tmp_path: Path) -> None:
    marker = tmp_path / "worker.pid"
    jobs = [_job(1), _job(2, WAIT_PREFIX + str(marker).encode()), _job(3), _job(4)]

    def kill_the_waiting_worker() -> None:
        while not marker.exists() or not marker.read_text():
            time.sleep(0.05)
        os.kill(int(marker.read_text()), signal.SIGKILL)

    killer = threading.Thread(target=kill_the_waiting_worker, daemon=True)
    killer.start()
    outcomes = list(run_jobs(ENGINE, jobs, len(jobs), workers=2, work=wait_to_be_killed_once))
    killer.join(timeout=5)
    assert sorted(o.item_id for o in outcomes) == [1, 2, 3, 4]
    assert [o.error for o in outcomes] == [None] * 4, "an item is failed only when it kills its worker itself"


def report_growth(job: OcrJob) -> OcrOutcome:
    """A job after which the worker says it maps what it maps: past any threshold the test sets."""
    time.sleep(0.05)
    return with_worker_state(_read(job))


def test_a_worker_that_maps_too_much_is_replaced_and_every_job_still_ends() -> None:
    """OpenVINO's per-shape kernels grow a worker's mapped size with every new screenshot; past the
    threshold the pool starts new workers and lets the old ones finish what they hold."""
    with WorkerPool(ENGINE, None, 1, work=report_growth, replace_above=1) as pool:
        outcomes = list(run_jobs(ENGINE, [_job(n) for n in range(1, 9)], 8, pool=pool))
        assert sorted(o.item_id for o in outcomes) == list(range(1, 9)) and all(o.error is None for o in outcomes)
        assert pool.replacements >= 2 and len({o.worker_pid for o in outcomes}) >= 3
        assert all(o.address_space > 0 for o in outcomes)


def test_only_engines_that_grow_are_replaced_and_the_next_job_still_fits() -> None:
    threshold = replacement_threshold(ENGINE)
    assert threshold is not None and worker_memory_limit(ENGINE) - threshold >= 2816 * 1024**2
    assert replacement_threshold("tesseract") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and prctl are Linux's")
def test_workers_run_capped_without_secrets_or_core_dumps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", SECRET)
    withhold_secrets_from_children()  # what harden_process() does at the start of the CLI
    assert os.environ["EVIDENCE_VAULT_PASSPHRASE"] == SECRET, "the CLI still reads its passphrase"
    [outcome] = run_jobs(ENGINE, [_job(1)], 1, workers=1, work=report_worker_state)
    assert json.loads(outcome.kind or "") == {
        "address_space": worker_memory_limit(ENGINE),
        "core": 0,
        "dumpable": False,
        "secret_in_os_environ": False,
        "secret_in_proc_environ": False,
    }


def report_models_loaded(job: OcrJob) -> OcrOutcome:
    """Which RapidOCR models the worker holds before it has read anything."""
    from ocr.engines import rapid

    return OcrOutcome(job.item_id, ENGINE, kind=",".join(sorted(rapid._models)))


@pytest.mark.ocr
@pytest.mark.timeout(120)
def test_workers_load_their_models_before_the_first_job() -> None:
    """So a pool started while files are stored has them ready (vault.ingest starts it early)."""
    with WorkerPool(ENGINE, None, 1, report_models_loaded) as pool:
        [outcome] = run_jobs(ENGINE, [_job(1)], 1, pool=pool)
    assert outcome.kind == default_backend()


def _blank_pages_pdf(pages: int, side: float) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(side, side))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_pdf_imported_before_the_pixel_limit_is_refused_before_rendering() -> None:
    started = time.monotonic()
    outcome = run_job(create_engine(ENGINE), _job(1, _blank_pages_pdf(500, 4000), "application/pdf"))
    assert outcome.error and f"{MAX_PDF_PIXELS:,}" in outcome.error
    assert time.monotonic() - started < 10, "no page was rendered"


def _line_tops(height: int) -> range:
    return range(40, height - 60, 160)


def _screenshot(width: int, height: int) -> bytes:
    font = ImageFont.truetype(str(FONT), 28, index=2) if FONT.exists() else ImageFont.load_default(28)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for top in _line_tops(height):
        draw.text((40, top), f"订单编号：31234567{top:06d}", fill="#1a1a1a", font=font)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.timeout(120)
def test_rapidocr_reads_a_tall_capture_within_the_worker_memory_cap() -> None:
    height = 3000
    [outcome] = run_jobs(ENGINE, [_job(1, _screenshot(1080, height))], 1, workers=1, work=read_in_worker)
    assert outcome.error is None
    read = {field.normalized for field in outcome.fields if field.type == "order_no"}
    drawn = {f"31234567{top:06d}" for top in _line_tops(height)}
    assert len(read & drawn) >= 0.9 * len(drawn), sorted(drawn - read)


def test_openvino_reads_in_one_worker_with_every_core() -> None:
    """It spreads an image over the cores itself; a second worker only competes for them."""
    import os

    from ocr.engine_names import BackendName, EngineName
    from vault.ocr_jobs import worker_count

    assert worker_count(EngineName.RAPIDOCR, 20, BackendName.OPENVINO) == 1
    assert 1 <= worker_count(EngineName.RAPIDOCR, 20, BackendName.ONNXRUNTIME) <= (os.cpu_count() or 1)
    assert worker_count(EngineName.TESSERACT, 1) == 1, "never more workers than files"


@pytest.mark.timeout(60)
def test_a_kept_pool_made_for_one_import_has_no_more_workers_than_its_files() -> None:
    from ocr.engine_names import EngineName
    from vault.ocr_jobs import KeptPool

    kept = KeptPool(jobs=1)
    try:
        assert kept.get(EngineName.TESSERACT, None).workers == 1
    finally:
        kept.close()
    assert not kept.running

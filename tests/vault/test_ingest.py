from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.engines import available_engines
from tests.factories import colour_pages_pdf, png_bytes
from vault.ingest import (
    IngestOptions, Notice, NoticeCode, OcrReport, Progress, Stage, choose_engine, expand_paths, files_in, import_paths,
    ingest, ingest_pasted, items_needing_ocr, reference_for, run_ocr, start_workers_for,
)
from vault.evidence import ImportStatus, OcrState
from vault.ocr_jobs import OcrJob, OcrOutcome
from vault.store import Vault

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # Debian fonts-noto-cjk, via make setup


def order_screenshot(path: Path, order_no: str) -> Path:
    image = Image.new("RGB", (900, 260), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 36)
    draw.text((30, 30), f"订单编号：{order_no}", fill="black", font=font)
    draw.text((30, 110), "下单时间：2026-02-14 22:15:35", fill="black", font=font)
    draw.text((30, 190), "实付款：¥1,299.00", fill="black", font=font)
    image.save(path)
    return path


def test_expand_paths_walks_folders_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "2.png").write_bytes(b"x")
    (tmp_path / "a" / "1.png").write_bytes(b"x")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.png").write_bytes(b"x")
    single = tmp_path / "single.jpg"
    single.write_bytes(b"x")
    assert expand_paths([tmp_path / "a", single]) == [tmp_path / "a" / "1.png", tmp_path / "a" / "2.png", single]


def test_files_in_finds_the_same_files_one_at_a_time(tmp_path: Path) -> None:
    for name in ("b/2.png", "b/1.png", "b/.hidden/3.png", "c.jpg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    given = [tmp_path, tmp_path / "c.jpg"]

    found = files_in(given)
    first = next(found)  # an iterator: a caller may stop at the first file it needs
    rest = list(found)

    assert sorted([first, *rest]) == sorted(expand_paths(given))
    assert tmp_path / "b" / ".hidden" / "3.png" not in rest


def test_import_paths_reports_progress_and_stops_when_cancelled(vault: Vault, case_id: int, tmp_path: Path) -> None:
    files = [order_screenshot(tmp_path / f"{n}.png", f"3123456789{n:02d}") for n in range(3)]
    seen: list[tuple[int, int, str]] = []
    outcomes = import_paths(vault, case_id, files, progress=lambda *a: seen.append(a))
    assert [o.status for o in outcomes] == [ImportStatus.IMPORTED] * 3
    assert seen[0] == (0, 3, "0.png") and seen[-1] == (3, 3, "")
    assert import_paths(vault, case_id, files, cancelled=lambda: True) == []


def screenshot_bytes(exif_time: str | None) -> bytes:
    """A small JPEG, with an EXIF DateTime when given (phones write it as local time)."""
    exif = Image.Exif()
    if exif_time:
        exif[306] = exif_time  # DateTime
    out = io.BytesIO()
    Image.new("RGB", (64, 64), "white").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


MTIME = "2026-03-01T09:00:00+08:00"
"""The day the file was copied off the phone."""


@pytest.mark.parametrize(
    ("name", "exif_time", "mtime", "source", "expected"),
    [
        pytest.param("Screenshot_20260214-221535.jpg", "2025:01:02 10:00:00", MTIME, "filename",
                     "2026-02-14T22:15:35+08:00", id="file-name-beats-exif-and-mtime"),
        pytest.param("mmexport1708000000000.jpg", None, MTIME, "filename", "2024-02-15T20:26:40+08:00",
                     id="wechat-epoch-ms"),
        pytest.param("IMG_1234.jpg", "2025:01:02 10:00:00", MTIME, "exif", "2025-01-02T10:00:00+08:00",
                     id="no-time-in-name-uses-exif"),
        pytest.param("Screenshot_20261345-221535.jpg", None, MTIME, "mtime", MTIME, id="impossible-name-date-ignored"),
        pytest.param("Screenshot_20990214-221535.jpg", None, MTIME, "mtime", MTIME,
                     id="name-after-import-ignored"),
        pytest.param("IMG_1234.jpg", None, None, "import", None, id="nothing-else-uses-import"),
    ],
)
def test_reference_order(vault: Vault, case_id: int, name: str, exif_time: str | None, mtime: str | None,
                         source: str, expected: str | None) -> None:
    item = vault.item(vault.import_bytes(case_id, screenshot_bytes(exif_time), name, source_mtime=mtime).item_id)
    assert reference_for(item) == (expected or item.imported_at, source)


def test_items_needing_ocr_and_failure_is_recorded_for_retry(vault: Vault, case_id: int, tmp_path: Path) -> None:
    item_id = vault.import_file(case_id, order_screenshot(tmp_path / "x.png", "312345678901")).item_id
    assert items_needing_ocr(vault) == [item_id]
    vault.mark_ocr(item_id, OcrState.FAILED, "tesseract", "engine crashed")
    assert items_needing_ocr(vault, retry_failed=False) == []
    assert items_needing_ocr(vault) == [item_id]
    assert vault.item(item_id).ocr_error == "engine crashed"
    assert vault.audit_entries(item_id)[-1].action == "item.ocr_failed"


def test_ocr_reads_pdfs_then_the_largest_images_first(vault: Vault, case_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import vault.ingest as workflow

    def stored(data: bytes, name: str) -> int:
        item_id = vault.import_bytes(case_id, data, name).item_id
        assert item_id is not None
        return item_id

    small = stored(png_bytes(120, 80, seed=1), "small.png")
    pdf = stored(colour_pages_pdf(("#ff0000", "#00ff00")), "bill.pdf")
    tall = stored(png_bytes(200, 3000, seed=2), "capture.png")
    medium = stored(png_bytes(300, 500, seed=3), "medium.png")
    read: list[int] = []

    def record_order(engine: str, jobs: Iterable[OcrJob], *args: object, **kwargs: object) -> Iterator[OcrOutcome]:
        for job in jobs:
            read.append(job.item_id)
            yield OcrOutcome(job.item_id, engine, error="not read in this test")

    monkeypatch.setattr(workflow, "run_jobs", record_order)

    run_ocr(vault, [small, pdf, tall, medium], "tesseract")

    assert read == [pdf, tall, medium, small]


def test_choose_engine_falls_back_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    import vault.ingest as workflow

    monkeypatch.setattr(workflow, "available_engines", lambda: ["tesseract"])
    assert choose_engine("rapidocr") == (
        "tesseract", Notice(NoticeCode.ENGINE_REPLACED, {"requested": "rapidocr", "used": "tesseract"})
    )
    monkeypatch.setattr(workflow, "available_engines", lambda: [])
    with pytest.raises(Exception, match="no OCR engine is installed"):
        choose_engine(None)


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch, vault: Vault) -> list[list[int]]:
    """Replace the OCR run (worker processes, a real engine) by one that records the items it was given."""
    import vault.ingest as workflow

    calls: list[list[int]] = []

    def run(vault: Vault, item_ids: list[int], engine: str, progress: Progress, *args: object) -> OcrReport:
        calls.append(list(item_ids))
        _FakePool.handed_over = dict(args[-1]) if args and isinstance(args[-1], dict) else {}
        progress(len(item_ids), len(item_ids), "done.png")
        return OcrReport(engine, done=list(item_ids))

    monkeypatch.setattr(workflow, "available_engines", lambda: ["tesseract"])
    monkeypatch.setattr(workflow, "run_ocr", run)
    monkeypatch.setattr(workflow, "WorkerPool", _FakePool)
    monkeypatch.setattr(_FakePool, "starts", [])
    monkeypatch.setattr(_FakePool, "submitted", [])
    monkeypatch.setattr(_FakePool, "futures", [])
    monkeypatch.setattr(_FakePool, "handed_over", {})
    monkeypatch.setattr(_FakePool, "vault", vault)
    return calls


class _FakePool:
    """Stands in for the OCR worker processes: records how many files were stored when it started
    and when each job was submitted; its jobs never run."""

    starts: list[int] = []
    submitted: list[tuple[int, int]] = []
    """(item id, files stored by then) of each job submitted."""
    futures: list[Future[OcrOutcome]] = []
    handed_over: dict[Future[OcrOutcome], OcrJob] = {}
    """The submitted jobs the OCR run was given."""
    vault: Vault | None = None

    def __init__(self, engine: str, backend: str | None, workers: int) -> None:
        assert _FakePool.vault is not None
        _FakePool.starts.append(len(_FakePool.vault.items()))
        self.workers = workers
        self.shut = False

    def submit(self, job: OcrJob) -> Future[OcrOutcome]:
        assert _FakePool.vault is not None
        _FakePool.submitted.append((job.item_id, len(_FakePool.vault.items())))
        _FakePool.futures.append(Future())
        return _FakePool.futures[-1]

    def shutdown(self) -> None:
        self.shut = True


def folder_of_screenshots(tmp_path: Path, count: int, first_seed: int) -> Path:
    """tmp_path/shots with `count` different PNGs named 0.png, 1.png, …"""
    folder = tmp_path / "shots"
    folder.mkdir()
    for index in range(count):
        (folder / f"{index}.png").write_bytes(png_bytes(seed=first_seed + index))
    return folder


def test_ocr_workers_start_once_the_first_new_file_is_stored_and_never_for_duplicates(
    vault: Vault, case_id: int, tmp_path: Path, fake_ocr: list[list[int]]
) -> None:
    folder = folder_of_screenshots(tmp_path, 3, first_seed=10)
    ingest(vault, case_id, [folder], IngestOptions(engine="tesseract"))
    assert _FakePool.starts == [1], "started after the first file, while the other two were still to store"
    ingest(vault, case_id, [folder], IngestOptions(engine="tesseract"))
    ingest(vault, case_id, [folder / "0.png"], IngestOptions(read=False))
    assert _FakePool.starts == [1], "nothing new to read: no workers"
    assert len(fake_ocr) == 1


def test_the_first_files_are_given_to_the_workers_while_the_rest_are_stored(
    vault: Vault, case_id: int, tmp_path: Path, fake_ocr: list[list[int]]
) -> None:
    folder = folder_of_screenshots(tmp_path, 5, first_seed=20)

    report = ingest(vault, case_id, [folder], IngestOptions(engine="tesseract", workers=1))

    first, second = report.imported_ids[:2]
    assert _FakePool.submitted == [(first, 1), (second, 2)], "one job running and one waiting per worker"
    assert sorted(job.item_id for job in _FakePool.handed_over.values()) == [first, second]
    assert fake_ocr == [report.imported_ids], "every file is read, those begun early among them"
    assert all(vault.item(i).ocr_state == OcrState.PENDING for i in report.imported_ids), "no result before all are stored"


def test_jobs_begun_early_are_withdrawn_when_the_ingest_is_cancelled(
    vault: Vault, case_id: int, tmp_path: Path, fake_ocr: list[list[int]]
) -> None:
    (tmp_path / "a.png").write_bytes(png_bytes(seed=30))
    stored = False

    def cancelled() -> bool:
        return stored

    def note(stage: Stage, done: int, total: int, name: str) -> None:
        nonlocal stored
        stored = stored or (stage == Stage.STORING and done == 1)

    ingest(vault, case_id, [tmp_path / "a.png"], IngestOptions(engine="tesseract", workers=1), note, cancelled)

    assert len(_FakePool.submitted) == 1 and fake_ocr == []
    assert [future.cancelled() for future in _FakePool.futures] == [True]


def test_ingest_stores_then_reads_only_new_files_and_reports_each_stage(
    vault: Vault, case_id: int, tmp_path: Path, fake_ocr: list[list[int]]
) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    (folder / "a.png").write_bytes(png_bytes(seed=1))
    (folder / "b.png").write_bytes(png_bytes(seed=1))
    (folder / "notes.txt").write_text("not evidence")
    stages: list[Stage] = []
    report = ingest(vault, case_id, [folder], IngestOptions(engine="tesseract"),
                    progress=lambda stage, done, total, name: stages.append(stage))
    assert [len(report.with_status(s)) for s in ImportStatus] == [1, 1, 1]
    assert fake_ocr == [report.imported_ids] and report.ocr is not None and report.notices == []
    assert stages[0] == Stage.FINDING and stages[-1] == Stage.READING
    assert stages.index(Stage.READING) > max(i for i, s in enumerate(stages) if s == Stage.STORING)


@pytest.mark.parametrize(
    ("options", "cancelled"),
    [
        pytest.param(IngestOptions(read=False), False, id="read-switched-off"),
        pytest.param(IngestOptions(), True, id="cancelled-after-storing"),
    ],
)
def test_ingest_stores_without_reading(
    vault: Vault, case_id: int, tmp_path: Path, fake_ocr: list[list[int]], options: IngestOptions, cancelled: bool
) -> None:
    (tmp_path / "a.png").write_bytes(png_bytes(seed=2))
    stored: list[bool] = []

    def stop_after_storing() -> bool:
        stored.append(True)
        return cancelled and len(stored) > 1

    report = ingest(vault, case_id, [tmp_path / "a.png"], options, cancelled=stop_after_storing)
    assert len(report.imported_ids) == 1 and report.ocr is None and fake_ocr == []


def test_ingest_without_an_engine_stores_and_says_so(
    vault: Vault, case_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vault.ingest as workflow

    monkeypatch.setattr(workflow, "available_engines", lambda: [])
    report = ingest_pasted(vault, case_id, png_bytes(seed=3), "clipboard-1.png")
    assert report.ocr is None and report.notices == [Notice(NoticeCode.NO_ENGINE)]
    assert vault.item(report.imported_ids[0]).ocr_state == OcrState.PENDING


class _AskedPool:
    """Stands in for a KeptPool: records the workers it was asked to start."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str | None]] = []

    def get(self, engine: str, backend: str | None) -> None:
        self.asked.append((engine, backend))


@pytest.mark.parametrize(
    ("files", "options", "started"),
    [
        pytest.param({"a.csv": b"a,b\n1,2\n", "shot.dat": png_bytes(seed=5)}, IngestOptions(), True,
                     id="a-png-under-any-name"),
        pytest.param({"bill.pdf": b"%PDF-1.7\n"}, IngestOptions(backend="onnxruntime"), True, id="a-pdf"),
        pytest.param({"bill.csv": b"a,b\n1,2\n", "chat.txt": "2024-03-05 10:00:00 客服\n你好".encode()},
                     IngestOptions(), False, id="only-bills-and-chats"),
        pytest.param({"shot.png": png_bytes(seed=5)}, IngestOptions(read=False), False, id="reading-off"),
    ],
)
def test_workers_start_before_the_vault_opens_only_when_a_file_starts_like_a_picture_or_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, bytes], options: IngestOptions, started: bool
) -> None:
    import vault.ingest as workflow

    monkeypatch.setattr(workflow, "available_engines", lambda: ["tesseract"])
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    pool = _AskedPool()

    start_workers_for([tmp_path / name for name in files] + [tmp_path / "gone.png"], options, pool)  # type: ignore[arg-type]

    assert pool.asked == ([("tesseract", options.backend)] if started else [])


def test_no_workers_start_early_without_an_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vault.ingest as workflow

    monkeypatch.setattr(workflow, "available_engines", lambda: [])
    (tmp_path / "shot.png").write_bytes(png_bytes(seed=6))
    pool = _AskedPool()
    start_workers_for([tmp_path / "shot.png"], IngestOptions(), pool)  # type: ignore[arg-type]
    assert pool.asked == []


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.parametrize("engine", ["rapidocr", "tesseract"])
def test_ocr_fills_fields_that_search_finds(vault: Vault, case_id: int, tmp_path: Path, engine: str) -> None:
    if engine not in available_engines():
        pytest.skip(f"{engine} is not installed")
    ids = [
        vault.import_file(case_id, order_screenshot(tmp_path / f"{n}.png", order)).item_id
        for n, order in enumerate(["312345678901", "287766554433"])
    ]
    report = run_ocr(vault, ids, engine, workers=2)
    assert set(report.done) == set(ids) and not report.failed
    item = vault.item(ids[0])
    assert item.ocr_state == OcrState.DONE and item.ocr_engine == engine
    assert "312345678901" in item.values("order_no")
    assert "1299.00" in item.values("amount")
    assert item.kind == "order"
    assert [i.id for i in vault.search("45678")] == [ids[0]]
    assert [i.id for i in vault.search("287766554433")] == [ids[1]]


@pytest.mark.slow
@pytest.mark.ocr
def test_a_kept_pool_reads_one_ingest_after_another_and_stays_until_closed(
    vault: Vault, case_id: int, tmp_path: Path
) -> None:
    from vault.ocr_jobs import KeptPool

    kept = KeptPool()
    firsts = []
    try:
        for seed in (31, 32):
            shot = tmp_path / f"{seed}.png"
            shot.write_bytes(png_bytes(seed=seed))
            report = ingest(vault, case_id, [shot], IngestOptions(engine="tesseract"), kept=kept)
            assert report.ocr is not None and report.ocr.done == report.imported_ids
            firsts.append(kept.current)
        assert firsts[0] is not None and firsts[0] is firsts[1], "the second ingest used the first one's workers"
        pasted = ingest_pasted(vault, case_id, png_bytes(seed=33), "clipboard.png", IngestOptions(engine="tesseract"),
                               kept=kept)
        assert pasted.ocr is not None and pasted.ocr.done == pasted.imported_ids and kept.current is firsts[0]
    finally:
        kept.close()
    assert not kept.running
    assert all(item.ocr_state == OcrState.DONE for item in vault.items(case_id))


def modules_loaded_by(imports: str) -> list[str]:
    """The modules a fresh interpreter has loaded after `imports` (comma-separated module names)."""
    child = f"import json, sys, {imports}; print(json.dumps(sorted(sys.modules)))"
    root = Path(__file__).resolve().parents[2]
    completed = subprocess.run([sys.executable, "-c", child], env={**os.environ, "PYTHONPATH": str(root)},
                               capture_output=True, text=True, timeout=60, check=True)
    return json.loads(completed.stdout.splitlines()[-1])


def test_the_importing_side_does_not_load_the_extractors() -> None:
    """Their patterns take 0.09 s to compile, before the CLI can start its OCR workers; the workers extract."""
    loaded = modules_loaded_by("vault.ingest, vault.ocr_jobs")

    assert [m for m in loaded if m.startswith("ocr.extract.")] == ["ocr.extract.config", "ocr.extract.filenames"]


def test_the_importing_side_does_not_load_numpy_or_opencv() -> None:
    """0.09 s to load, before the CLI can start its OCR workers; only the workers handle pixels."""
    assert {"numpy", "cv2"}.isdisjoint(modules_loaded_by("vault.ingest, vault.ocr_jobs"))


def test_pdfium_loads_only_for_a_pdf() -> None:
    """0.03-0.05 s to load, paid by every CLI command and every OCR worker that reads screenshots."""
    assert "pypdfium2" not in modules_loaded_by("cli.main, vault.ingest, vault.ocr_jobs")

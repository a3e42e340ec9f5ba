"""The recogniser reading a page's lines in runs grouped by width (ocr/engines/line_batches.py)."""
from __future__ import annotations

import numpy as np
import pytest

from bench.screenshots import generate_template
from ocr.engines import backends, rapid
from ocr.engines.line_batches import BATCH_SIZES, CALL_COST, line_runs


def columns_read(widths: list[int], runs: list[range]) -> int:
    return sum(len(run) * widths[run[-1]] for run in runs)


def test_lines_of_one_width_are_read_six_at_a_time() -> None:
    runs = line_runs([128] * 12)

    assert [len(run) for run in runs] == [6, 6]


def test_a_wide_line_is_not_read_with_five_narrow_ones() -> None:
    widths = [128, 128, 128, 128, 128, 1024]

    runs = line_runs(widths)

    assert runs[-1] == range(5, 6)
    assert columns_read(widths, runs) < 6 * 1024


def test_the_runs_cover_every_line_once_in_order() -> None:
    widths = sorted(np.random.default_rng(3).integers(128, 1200, 37).tolist())

    runs = line_runs(widths)

    assert [index for run in runs for index in run] == list(range(37))
    assert all(len(run) in BATCH_SIZES for run in runs)


def test_the_runs_read_no_more_than_fixed_batches_of_six() -> None:
    widths = sorted(np.random.default_rng(5).integers(128, 1200, 36).tolist())
    fixed = [range(start, start + 6) for start in range(0, 36, 6)]

    runs = line_runs(widths)

    cost = columns_read(widths, runs) + CALL_COST * len(runs)
    assert cost < columns_read(widths, fixed) + CALL_COST * len(fixed)


def test_no_lines_make_no_runs() -> None:
    assert line_runs([]) == []


def test_sizes_without_one_are_refused() -> None:
    with pytest.raises(ValueError):
        line_runs([128, 256], sizes=(6, 2))


def line_crops(count: int) -> tuple[list[np.ndarray], list[str]]:
    """The first `count` drawn lines of a JD order page, cut out as RapidOCR cuts them (BGR)."""
    sample = generate_template("jd_order_detail", seed=1, index=0)
    page = np.asarray(sample.image.convert("RGB"))[:, :, ::-1]
    lines = [line for line in sample.drawn if line.text.strip()][:count]
    crops = [np.ascontiguousarray(page[top:bottom, left:right]) for left, top, right, bottom in (line.bbox for line in lines)]
    return crops, [line.text for line in lines]


@pytest.mark.ocr
@pytest.mark.parametrize("backend", backends.installed_backends())
def test_each_line_gets_its_own_reading_back(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from rapidocr.ch_ppocr_rec.typings import TextRecInput

    recognizer = rapid.shared_model(backend)._load_rec_model()
    batches: list[tuple[int, int]] = []
    session = recognizer.session

    def recording(batch: np.ndarray) -> np.ndarray:
        batches.append((batch.shape[0], batch.shape[-1]))
        return session(batch)

    monkeypatch.setattr(recognizer, "session", recording)
    crops, texts = line_crops(9)
    shuffled = [8, 2, 5, 0, 7, 1, 4, 6, 3]

    read = recognizer(TextRecInput([crops[index] for index in shuffled]))

    assert len(read.txts) == len(read.scores) == 9
    assert sum(size for size, _ in batches) == 9
    assert all(size in BATCH_SIZES for size, _ in batches)
    matching = sum(got.replace(" ", "") == texts[index].replace(" ", "") for got, index in zip(read.txts, shuffled))
    assert matching >= 8, list(zip(read.txts, (texts[index] for index in shuffled)))

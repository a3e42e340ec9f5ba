"""OpenVINO's recogniser reading in full batches only (ocr/engines/full_batches.py)."""
from __future__ import annotations

import numpy as np
import pytest

from bench.screenshots import generate_template
from ocr.engines import backends, rapid

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(backends.OPENVINO not in backends.installed_backends(), reason="OpenVINO is not installed"),
]


def line_crops(count: int) -> tuple[list[np.ndarray], list[str]]:
    """The first `count` drawn lines of a JD order page, cut out as RapidOCR cuts them (BGR)."""
    sample = generate_template("jd_order_detail", seed=1, index=0)
    page = np.asarray(sample.image.convert("RGB"))[:, :, ::-1]
    lines = [line for line in sample.drawn if line.text.strip()][:count]
    crops = [np.ascontiguousarray(page[top:bottom, left:right]) for left, top, right, bottom in (line.bbox for line in lines)]
    return crops, [line.text for line in lines]


def test_seven_lines_are_read_in_two_full_batches_and_seven_readings_come_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from rapidocr.ch_ppocr_rec.typings import TextRecInput

    recognizer = rapid.shared_model(backends.OPENVINO)._load_rec_model()
    batches: list[int] = []
    session = recognizer.session

    def recording(batch: np.ndarray) -> np.ndarray:
        batches.append(batch.shape[0])
        return session(batch)

    monkeypatch.setattr(recognizer, "session", recording)
    crops, texts = line_crops(7)

    read = recognizer(TextRecInput(crops))

    assert batches == [recognizer.rec_batch_num] * 2
    assert len(read.txts) == len(read.scores) == 7
    matching = sum(got.replace(" ", "") == want.replace(" ", "") for got, want in zip(read.txts, texts))
    assert matching >= 6, list(zip(read.txts, texts))


def test_a_full_batch_is_read_as_it_is() -> None:
    from rapidocr.ch_ppocr_rec.typings import TextRecInput

    recognizer = rapid.shared_model(backends.OPENVINO)._load_rec_model()
    crops, _ = line_crops(recognizer.rec_batch_num)

    assert len(recognizer(TextRecInput(crops)).txts) == recognizer.rec_batch_num

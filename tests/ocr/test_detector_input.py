"""Which pages the text detector sees scaled down (ocr/engines/detector_input.py)."""
from __future__ import annotations

import numpy as np
import pytest

from ocr.engines.detector_input import detector_size


@pytest.mark.parametrize(
    ("width", "height", "size"),
    [
        pytest.param(1080, 1413, (736, 960), id="phone-screenshot"),
        pytest.param(1080, 2000, (736, 1376), id="tile-of-a-tall-capture"),
        pytest.param(1274, 1106, None, id="desktop-capture-keeps-its-size"),
        pytest.param(713, 1200, None, id="narrow-phone-page-is-not-scaled-up-here"),
        pytest.param(736, 1000, None, id="already-detector-wide"),
    ],
)
def test_only_portrait_pages_wider_than_the_detector_are_scaled_down(
    width: int, height: int, size: tuple[int, int] | None
) -> None:
    assert detector_size(width, height, 736) == size


def test_a_landscape_page_is_prepared_exactly_as_rapidocr_prepares_it() -> None:
    """Same size and the same numbers, only computed in float32."""
    from rapidocr.ch_ppocr_det.utils import DetPreProcess

    from ocr.engines.detector_input import DetectorInput

    page = np.random.default_rng(3).integers(0, 256, (700, 1200, 3), dtype=np.uint8)
    ours, theirs = DetectorInput(736, "min"), DetPreProcess(736, "min")

    assert np.array_equal(ours(page), theirs(page))


def test_for_a_detector_that_normalises_itself_the_page_stays_uint8_pixels() -> None:
    from ocr.engines.detector_input import DetectorInput

    page = np.random.default_rng(4).integers(0, 256, (1413, 1080, 3), dtype=np.uint8)

    prepared = DetectorInput(736, "min", pixels=True)(page)

    assert prepared is not None and prepared.dtype == np.uint8 and prepared.shape == (1, 960, 736, 3)

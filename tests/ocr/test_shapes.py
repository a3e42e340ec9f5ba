"""Batches and pages padded to few shapes for OpenVINO (ocr/engines/shapes.py)."""
from __future__ import annotations

import numpy as np
import pytest

from ocr.engines.shapes import PAGE_STEP, WIDTH_STEP, PaddedWidths, padded_page, padded_width


@pytest.mark.parametrize(
    ("width", "padded"),
    [
        pytest.param(320, 320, id="already-a-multiple"),
        pytest.param(321, 384, id="one-column-over"),
        pytest.param(1, WIDTH_STEP, id="narrow"),
    ],
)
def test_widths_round_up_to_the_step(width: int, padded: int) -> None:
    assert padded_width(width) == padded


def test_a_batch_is_padded_on_the_right_with_zeros_and_its_lines_kept() -> None:
    seen: list[np.ndarray] = []

    def session(batch: np.ndarray) -> np.ndarray:
        seen.append(batch)
        return batch.sum(axis=(1, 2, 3))

    batch = np.random.default_rng(1).uniform(-1, 1, (3, 3, 48, 333)).astype(np.float32)
    sums = PaddedWidths(session)(batch)

    [fed] = seen
    assert fed.shape == (3, 3, 48, 384) and fed.dtype == np.float32
    assert np.array_equal(fed[..., :333], batch) and not fed[..., 333:].any()
    assert np.allclose(sums, batch.sum(axis=(1, 2, 3)))


def test_a_page_is_padded_down_and_right_with_the_fill_colour() -> None:
    pixels = np.random.default_rng(2).integers(0, 256, (1, 300, 736, 3), dtype=np.uint8)

    padded = padded_page(pixels, fill=(124, 116, 104))

    assert padded.shape == (1, 384, 768, 3) and padded.dtype == np.uint8
    assert np.array_equal(padded[:, :300, :736], pixels)
    assert (padded[:, 300:] == (124, 116, 104)).all() and (padded[:, :, 736:] == (124, 116, 104)).all()


def test_a_page_of_a_padded_size_is_left_as_it_is() -> None:
    pixels = np.zeros((1, 2 * PAGE_STEP, 3 * PAGE_STEP, 3), dtype=np.uint8)

    assert padded_page(pixels, fill=(0, 0, 0)) is pixels

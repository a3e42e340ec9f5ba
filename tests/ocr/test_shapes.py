"""The recogniser's batches padded to few widths for OpenVINO (ocr/engines/shapes.py)."""
from __future__ import annotations

import numpy as np
import pytest

from ocr.engines.shapes import WIDTH_STEP, PaddedWidths, padded_width


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

"""Few distinct input shapes for OpenVINO's recogniser, so its CPU plugin can reuse what it prepared.

OpenVINO prepares its kernels for every input shape it has not seen yet: about 55 ms for a new
(6, 3, 48, W) recogniser batch against 25 ms for a repeated one (two threads, issue #13). RapidOCR
makes each batch as wide as its widest line, so nearly every batch had a new width and the first
pass over 16 screenshots took 9.4 s against 5.8 s for a second pass. Rounding the width up to a
multiple of WIDTH_STEP columns keeps the shapes few; the extra columns are the zeros RapidOCR itself
pads narrower lines of a batch with, and read as blanks.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

WIDTH_STEP = 64
"""Columns the recogniser's batch width is rounded up to (its input height is 48)."""

Session = Callable[[np.ndarray], np.ndarray]


def padded_width(width: int, step: int = WIDTH_STEP) -> int:
    """`width` rounded up to a multiple of `step`."""
    return -(-width // step) * step


class PaddedWidths:
    """A recogniser session fed batches padded on the right to a multiple of `step` columns."""

    def __init__(self, session: Session, step: int = WIDTH_STEP) -> None:
        self.session = session
        self.step = step

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        extra = padded_width(batch.shape[-1], self.step) - batch.shape[-1]
        if extra:
            batch = np.pad(batch, [(0, 0)] * (batch.ndim - 1) + [(0, extra)])
        return self.session(batch)

"""Few distinct input shapes for OpenVINO's models, so its CPU plugin can reuse what it prepared.

OpenVINO prepares its kernels for every input shape it has not seen yet: about 55 ms for a new
(6, 3, 48, W) recogniser batch against 25 ms for a repeated one (two threads, issue #13). RapidOCR
makes each batch as wide as its widest line, so nearly every batch had a new width and the first
pass over 16 screenshots took 9.4 s against 5.8 s for a second pass. Rounding the width up to a
multiple of WIDTH_STEP columns keeps the shapes few; the extra columns are the zeros RapidOCR itself
pads narrower lines of a batch with, and read as blanks.

The detector meets the same cost, 40-100 ms for each new page size (ocr/engines/pixel_detector.py):
its pages are padded to multiples of PAGE_STEP rows and columns.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

WIDTH_STEP = 64
"""Columns the recogniser's batch width is rounded up to (its input height is 48)."""

PAGE_STEP = 128
"""Rows and columns the detector's pages are padded to a multiple of."""

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


def padded_page(pixels: np.ndarray, fill: Sequence[int], step: int = PAGE_STEP) -> np.ndarray:
    """NHWC `pixels` grown down and right to multiples of `step`, the new pixels set to `fill` (one
    value per channel); the same array when it already is such a size."""
    height, width = pixels.shape[1:3]
    size = (padded_width(height, step), padded_width(width, step))
    if size == (height, width):
        return pixels
    padded = np.empty((pixels.shape[0], *size, pixels.shape[3]), pixels.dtype)
    padded[:, :height, :width] = pixels
    padded[:, :height, width:] = padded[:, height:] = np.asarray(fill, pixels.dtype)
    return padded

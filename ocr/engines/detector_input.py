"""The text detector's input: a portrait page (a phone screenshot) scaled down to the detector's size.

RapidOCR scales a page up until its short side reaches Det.limit_side_len (736) but never down, so a
1080-wide phone screenshot went to the detector whole: 1088x1408 pixels for a 1080x1413 page, about
40 % of the OCR time. Phone text is large (a line is 40-60 px high at 1080 wide), and 736 px keep it
well above the size the detector finds; the recogniser still reads each line from the full-size page.
Landscape pages (desktop and browser captures, whose text is a third of that size) keep RapidOCR's
rule: at 736 px the dates of a desktop e-invoice already came apart (issue #13). The page is also
normalised in float32 (RapidOCR's float64 arithmetic took 5 % of the OCR time), or not at all for
OpenVINO, whose detector normalises inside the model (ocr/engines/pixel_detector.py).
Imported only when a model is built: it loads rapidocr.
"""
from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from rapidocr.ch_ppocr_det.utils import DetPreProcess


def detector_size(width: int, height: int, short_side: int) -> tuple[int, int] | None:
    """(width, height) a portrait page wider than `short_side` goes to the detector at, both
    multiples of 32 as the network needs; None leaves the page to RapidOCR's own rule."""
    if height <= width or width <= short_side:
        return None
    return round(short_side / 32) * 32, max(32, round(height * short_side / width / 32) * 32)


class DetectorInput(DetPreProcess):
    """RapidOCR's detector preprocessing, with portrait pages scaled down to limit_side_len wide and
    the same normalisation in float32; with `pixels`, the resized page's uint8 pixels as they are
    (1, H, W, 3), for a detector that normalises them itself."""

    def __init__(self, limit_side_len: int, limit_type: str, mean: Any = None, std: Any = None, pixels: bool = False) -> None:
        super().__init__(limit_side_len, limit_type, mean, std)
        self.pixels = pixels

    def __call__(self, img: np.ndarray) -> np.ndarray | None:
        if not self.pixels:
            return super().__call__(img)
        resized = self.resize(img)
        return None if resized is None else resized[np.newaxis]

    def resize(self, img: np.ndarray) -> np.ndarray | None:
        size = detector_size(img.shape[1], img.shape[0], self.limit_side_len)
        return super().resize(img) if size is None else cv2.resize(img, size)

    def normalize(self, img: np.ndarray) -> np.ndarray:
        mean, std = self.mean.astype(np.float32), self.std.astype(np.float32)
        return (img.astype(np.float32) * np.float32(self.scale) - mean) / std


def scale_portrait_pages(detector: Any, pixels: bool = False) -> None:
    """Make a RapidOCR TextDetector prepare every page with DetectorInput (`pixels`: for a session
    that takes uint8 pixels)."""
    detector.get_preprocess = lambda: DetectorInput(
        detector.limit_side_len, detector.limit_type, detector.mean, detector.std, pixels
    )

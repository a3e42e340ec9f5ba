"""The text detector on OpenVINO, given the page's pixels as they are and padded to few sizes.

RapidOCR normalises every page in numpy (a float32 copy, the mean and deviation, a transpose to
channels first: 12 ms of the detector's 50 ms on a phone page) and hands OpenVINO a tensor four
times the size of the pixels. Here OpenVINO's PrePostProcessor puts the same arithmetic inside the
compiled model, which takes uint8 pixels channels last: 49-52 against 64-65 ms for a 1024x736 page,
same output (issue #13). The page is padded to multiples of PAGE_STEP (ocr/engines/shapes.py) so the
CPU plugin prepares its kernels for few sizes: a first pass over 16 screenshots of 14 different sizes
took 0.3-0.5 s less. The padding holds the mean colour, which normalises to 0: the value the
network's own convolutions pad every border with. The map of text is cut back to the page before
RapidOCR turns it into boxes.
Imported only when a model is built: it loads OpenVINO and rapidocr.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from openvino import Layout, Model, Type
from openvino.preprocess import PrePostProcessor

from .openvino_models import ModelOutput, compile_model
from .shapes import padded_page

PIXEL_RANGE = 255.0
"""RapidOCR's mean and deviation are fractions of the pixel range; the model's input is in pixels."""


def pixel_input(model: Model, mean: list[float], deviation: list[float]) -> Model:
    """The detector `model` taking (1, H, W, 3) uint8 pixels, less `mean` and over `deviation`."""
    steps = PrePostProcessor(model)
    steps.input().tensor().set_element_type(Type.u8).set_layout(Layout("NHWC"))
    steps.input().model().set_layout(Layout("NCHW"))
    steps.input().preprocess().convert_element_type(Type.f32).mean(mean).scale(deviation)
    return steps.build()


class PixelDetectorSession:
    """A RapidOCR detector session (the callable TextDetector keeps as `session`) that takes a
    (1, H, W, 3) uint8 page and returns the (1, 1, H, W) map of text."""

    def __init__(self, cfg: Mapping[str, Any]) -> None:
        mean = [PIXEL_RANGE * m for m in cfg["mean"]]
        deviation = [PIXEL_RANGE * s for s in cfg["std"]]
        self.fill = [round(m) for m in mean]
        _, compiled = compile_model(cfg, lambda model: pixel_input(model, mean, deviation))
        self._text_map = ModelOutput(compiled)

    def __call__(self, pixels: np.ndarray) -> np.ndarray:
        height, width = pixels.shape[1:3]
        return self._text_map(padded_page(pixels, self.fill))[..., :height, :width]

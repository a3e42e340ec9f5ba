"""Engines as the benchmarks name them: `rapidocr@openvino`, `rapidocr@onnxruntime`, `tesseract`,
and `previous`, the engine before issue #13 (rapidocr-onnxruntime 1.4.4, PP-OCRv4), kept only for
comparison: install it beside the project with `pip install rapidocr-onnxruntime==1.4.4`.

A plain `rapidocr` means the backend this machine would choose. Each spec also names the folder of
the OCR cache, so lines read by one backend or model set are never scored as another's.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from ocr.engines import EngineName, OcrEngine, create_engine, default_backend
from ocr.engines.rapid import DEFAULT_PREPROCESS, MAX_SIDE, MODELS
from ocr.preprocess import PreprocessOptions, recognize_prepared
from ocr.types import OcrLine

PREVIOUS = "previous"
READING_REVISION = 3
"""Raised whenever the shipped engine reads differently with the same models, so cached lines of an
older reading are never scored as today's (2: no angle classifier, batch widths padded on OpenVINO;
3: portrait pages go to the detector 736 px wide)."""


def previous_installed() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@dataclass
class PreviousRapidOcrEngine:
    """rapidocr-onnxruntime 1.4.4 with the preprocessing it had in the app (tiles and padding)."""

    preprocess: PreprocessOptions = DEFAULT_PREPROCESS
    name: str = field(default=PREVIOUS, init=False)

    def __post_init__(self) -> None:
        from rapidocr_onnxruntime import RapidOCR

        self._model = RapidOCR(max_side_len=MAX_SIDE)

    def load(self) -> None:
        """Nothing left to load: rapidocr-onnxruntime 1.4.4 loads its models when it is built."""

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        return recognize_prepared(image, self.preprocess, self._recognize_page)

    def _recognize_page(self, image: Image.Image) -> list[OcrLine]:
        result, _ = self._model(np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1]))
        lines = []
        for points, text, score in result or []:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            lines.append(OcrLine(text, (round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys))), float(score)))
        return lines


def resolve(spec: str) -> tuple[str, str | None]:
    """(engine name, backend) of a spec; a bare `rapidocr` gets this machine's backend."""
    name, _, backend = spec.partition("@")
    if name == EngineName.RAPIDOCR:
        return name, backend or default_backend()
    return name, None


def cache_label(spec: str) -> str:
    """The OCR cache folder of a spec: engine, backend and model set."""
    name, backend = resolve(spec)
    if name == EngineName.RAPIDOCR:
        return f"rapidocr-{backend}-{MODELS}-r{READING_REVISION}"
    return "previous-rapidocr-onnxruntime-1.4.4-PP-OCRv4" if name == PREVIOUS else name


def bench_engine(spec: str) -> OcrEngine:
    """The engine a spec names, ready to recognize."""
    name, backend = resolve(spec)
    if name == PREVIOUS:
        return PreviousRapidOcrEngine()
    return create_engine(name, backend)

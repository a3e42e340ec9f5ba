"""Engines as the benchmarks name them: `rapidocr@openvino`, `rapidocr@onnxruntime`, `tesseract`,
and `previous`, the engine before issue #13 (rapidocr-onnxruntime 1.4.4, PP-OCRv4), kept only for
comparison: install it beside the project with `pip install --no-deps rapidocr-onnxruntime==1.4.4`
(its own dependencies would add opencv-python beside the headless build). `ppocrv4@openvino` and
`ppocrv4@onnxruntime` read with today's engine and settings but that wheel's PP-OCRv4 models, the
other model set issue #13 asks to compare (bench/ocr_accuracy.py only: the app cannot load them).

A plain `rapidocr` means the backend this machine would choose. Each spec also names the folder of
the OCR cache, so lines read by one backend or model set are never scored as another's.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from ocr.engines import EngineName, OcrEngine, create_engine, default_backend
from ocr.engines.rapid import DEFAULT_PREPROCESS, MAX_SIDE, MODELS, build_model, read_page
from ocr.preprocess import PreprocessOptions, recognize_prepared
from ocr.types import OcrLine

PREVIOUS = "previous"
PP_OCRV4 = "ppocrv4"
PP_OCRV4_FILES = {"Det": "ch_PP-OCRv4_det_infer.onnx", "Rec": "ch_PP-OCRv4_rec_infer.onnx"}
"""PP-OCRv4's detector and recogniser in the rapidocr-onnxruntime 1.4.4 wheel (its models folder)."""
READING_REVISION = 5
"""Raised whenever the shipped engine reads differently with the same models, so cached lines of an
older reading are never scored as today's (2: no angle classifier, batch widths padded on OpenVINO;
3: portrait pages go to the detector 736 px wide; 4: recogniser batches at least 128, not 320, wide;
5: lines much wider than their neighbours read alone, ocr/engines/line_batches.py)."""


def previous_installed() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@dataclass
class PreviousRapidOcrEngine:
    """rapidocr-onnxruntime 1.4.4 with today's preprocessing (tiles and padding), so that only the engines differ."""

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


@dataclass
class PpOcrV4Engine:
    """Today's RapidOCR engine and settings on the PP-OCRv4 models of rapidocr-onnxruntime 1.4.4."""

    backend: str
    preprocess: PreprocessOptions = DEFAULT_PREPROCESS
    name: str = field(default=PP_OCRV4, init=False)

    def load(self) -> None:
        if not hasattr(self, "_model"):
            spec = importlib.util.find_spec("rapidocr_onnxruntime")
            assert spec is not None and spec.origin is not None, "pip install --no-deps rapidocr-onnxruntime==1.4.4"
            folder = Path(spec.origin).parent / "models"
            self._model = build_model(self.backend, {task: folder / name for task, name in PP_OCRV4_FILES.items()})

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        self.load()
        return recognize_prepared(image, self.preprocess, lambda page: read_page(self._model, page))


def resolve(spec: str) -> tuple[str, str | None]:
    """(engine name, backend) of a spec; a bare `rapidocr` gets this machine's backend."""
    name, _, backend = spec.partition("@")
    if name in (EngineName.RAPIDOCR, PP_OCRV4):
        return name, backend or default_backend()
    return name, None


def cache_label(spec: str) -> str:
    """The OCR cache folder of a spec: engine, backend and model set."""
    name, backend = resolve(spec)
    if name == EngineName.RAPIDOCR:
        return f"rapidocr-{backend}-{MODELS}-r{READING_REVISION}"
    if name == PP_OCRV4:
        return f"{PP_OCRV4}-{backend}-r{READING_REVISION}"
    return "previous-rapidocr-onnxruntime-1.4.4-PP-OCRv4" if name == PREVIOUS else name


def bench_engine(spec: str) -> OcrEngine:
    """The engine a spec names, ready to recognize."""
    name, backend = resolve(spec)
    if name == PREVIOUS:
        return PreviousRapidOcrEngine()
    if name == PP_OCRV4:
        return PpOcrV4Engine(backend or default_backend())
    return create_engine(name, backend)

"""RapidOCR (PP-OCRv4 on onnxruntime), fed numpy arrays so it never reads or writes files."""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from ocr.errors import OcrEngineFailed, OcrEngineUnavailable
from ocr.preprocess import PreprocessOptions, recognize_prepared
from ocr.types import OcrLine

if TYPE_CHECKING:
    from rapidocr_onnxruntime import RapidOCR

MAX_SIDE = 2000
"""RapidOCR shrinks any image whose longer side exceeds this (its Global.max_side_len)."""

DET_SHORT_SIDE = 736
"""RapidOCR's detector scales the short side of every image up to this (Det.limit_side_len)."""

DEFAULT_PREPROCESS = PreprocessOptions(tile_height=MAX_SIDE, pad_below=DET_SHORT_SIDE // 4)
"""Tiling keeps tall screenshots' text at full size; padding tiny crops keeps their words whole
(corpus character accuracy 0.878 -> 0.952)."""

_model: RapidOCR | None = None
_model_lock = threading.Lock()
_threads: int | None = None

# onnxruntime >= 1.32 otherwise writes a device id and a queue of telemetry events under ~/.cache
# and a session file in TMPDIR (found by tests/test_leak_audit.py); an offline vault sends nothing.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"


def limit_threads(threads: int) -> None:
    """Threads per model; several OCR worker processes on few cores must not oversubscribe them."""
    global _threads
    _threads = threads


def shared_model() -> RapidOCR:
    """The process-wide RapidOCR instance; it peaks near 900 MB, so it is built once and lazily."""
    global _model
    with _model_lock:
        if _model is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as e:
                raise OcrEngineUnavailable(
                    "RapidOCR is not installed: pip install rapidocr-onnxruntime."
                ) from e
            options = {"intra_op_num_threads": _threads} if _threads else {}
            _model = RapidOCR(max_side_len=MAX_SIDE, **options)
        return _model


def rapidocr_installed() -> bool:
    """True when the rapidocr_onnxruntime package can be imported."""
    import importlib.util

    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@dataclass
class RapidOcrEngine:
    """OCR with RapidOCR; the model is shared by all instances of the process."""

    preprocess: PreprocessOptions = DEFAULT_PREPROCESS
    name: str = field(default="rapidocr", init=False)

    def __post_init__(self) -> None:
        if not rapidocr_installed():
            raise OcrEngineUnavailable("RapidOCR is not installed: pip install rapidocr-onnxruntime.")

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        """Lines in reading order with boxes in the upright image's pixels."""
        return recognize_prepared(image, self.preprocess, self._recognize_page)

    @staticmethod
    def _recognize_page(image: Image.Image) -> list[OcrLine]:
        bgr = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])
        model = shared_model()
        try:
            result, _ = model(bgr)
        except Exception as e:  # onnxruntime and cv2 raise their own, unrelated types
            raise OcrEngineFailed(f"RapidOCR failed: {e}") from e
        lines = []
        for points, text, score in result or []:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            bbox = (round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys)))
            lines.append(OcrLine(text, bbox, float(score)))
        return lines

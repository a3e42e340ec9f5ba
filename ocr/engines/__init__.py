"""OCR engines behind one small protocol; callers pick one by name.

    engine = create_engine(DEFAULT_ENGINE)
    lines = engine.recognize(image)
"""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import Protocol

from PIL import Image

from ocr.errors import OcrEngineUnavailable
from ocr.types import OcrLine

from .rapid import RapidOcrEngine, rapidocr_installed
from .rapid import limit_threads as _limit_rapidocr_threads
from .tesseract import TesseractEngine, missing_languages, tesseract_binary


class OcrEngine(Protocol):
    """Reads text lines from an image."""

    name: str

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        """Lines in reading order, boxes in the upright image's pixels, confidence 0..1."""
        ...


DEFAULT_ENGINE = "rapidocr"
"""RapidOCR had the best field recall on bench/ocr_accuracy.py (see README)."""


def _tesseract_installed() -> bool:
    binary = tesseract_binary()
    return binary is not None and not missing_languages(binary)


_ENGINES: dict[str, tuple[Callable[[], OcrEngine], Callable[[], bool]]] = {
    "rapidocr": (RapidOcrEngine, rapidocr_installed),
    "tesseract": (TesseractEngine, _tesseract_installed),
}


def available_engines() -> list[str]:
    """Names of the engines installed on this machine, best first."""
    return [name for name, (_, installed) in _ENGINES.items() if installed()]


def limit_threads(threads: int) -> None:
    """Cap every engine's threads in this process (call before the first recognition)."""
    os.environ["OMP_THREAD_LIMIT"] = str(threads)  # Tesseract
    _limit_rapidocr_threads(threads)


def create_engine(name: str) -> OcrEngine:
    """A ready engine with its measured default preprocessing; raises OcrEngineUnavailable."""
    if name not in _ENGINES:
        raise OcrEngineUnavailable(f"Unknown OCR engine {name!r}; known engines: {', '.join(_ENGINES)}.")
    factory, _ = _ENGINES[name]
    return factory()


__all__ = [
    "DEFAULT_ENGINE",
    "OcrEngine",
    "RapidOcrEngine",
    "TesseractEngine",
    "available_engines",
    "create_engine",
    "limit_threads",
]

"""The names of the OCR engines and of RapidOCR's runtimes, without loading any of them.

Front ends parse arguments and show settings before anything is read; importing ocr.engines loads
numpy and the engines' packages (0.2 s), so the names live here and ocr.engines derives from them.
"""
from __future__ import annotations

from enum import StrEnum


class EngineName(StrEnum):
    """Every OCR engine the project can drive, best first (bench/ocr_accuracy.py, see README)."""

    RAPIDOCR = "rapidocr"
    TESSERACT = "tesseract"


DEFAULT_ENGINE = EngineName.RAPIDOCR
"""RapidOCR had the best field recall on bench/ocr_accuracy.py (see README)."""


class BackendName(StrEnum):
    """RapidOCR's inference runtimes, best first (ocr/engines/backends.py says when each suits)."""

    OPENVINO = "openvino"
    ONNXRUNTIME = "onnxruntime"

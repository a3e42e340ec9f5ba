"""OCR engines behind one small protocol; callers pick one by name (and RapidOCR's backend).

    engine = create_engine(DEFAULT_ENGINE)            # the backend that suits this machine
    engine = create_engine(EngineName.RAPIDOCR, BackendName.ONNXRUNTIME)
    lines = engine.recognize(image)
"""
from __future__ import annotations

import os
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import Protocol

from PIL import Image

from ocr.engine_names import DEFAULT_ENGINE, BackendName, EngineName
from ocr.errors import OcrEngineUnavailable
from ocr.types import OcrLine

from .backends import BACKENDS, default_backend, installed_backends, openvino_precision
from .rapid import MODELS, RapidOcrEngine, rapidocr_installed
from .rapid import limit_threads as _limit_rapidocr_threads
from .tesseract import TesseractEngine, missing_languages, tesseract_binary


class OcrEngine(Protocol):
    """Reads text lines from an image."""

    name: str

    def load(self) -> None:
        """Load models now instead of at the first image (a worker does it while files are stored)."""
        ...

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        """Lines in reading order, boxes in the upright image's pixels, confidence 0..1."""
        ...


def _tesseract_installed() -> bool:
    binary = tesseract_binary()
    return binary is not None and not missing_languages(binary)


_ENGINES: dict[EngineName, tuple[Callable[[], OcrEngine], Callable[[], bool]]] = {
    EngineName.RAPIDOCR: (RapidOcrEngine, rapidocr_installed),
    EngineName.TESSERACT: (TesseractEngine, _tesseract_installed),
}


def available_engines() -> list[EngineName]:
    """Names of the engines installed on this machine, best first."""
    return [name for name, (_, installed) in _ENGINES.items() if installed()]


def limit_threads(threads: int) -> None:
    """Cap every engine's threads in this process (call before the first recognition)."""
    os.environ["OMP_THREAD_LIMIT"] = str(threads)  # Tesseract
    _limit_rapidocr_threads(threads)


def create_engine(name: str, backend: str | None = None) -> OcrEngine:
    """A ready engine with its measured default preprocessing; raises OcrEngineUnavailable.

    `backend` picks RapidOCR's inference runtime (None: the one that suits this machine); the
    other engines have one runtime and ignore it.
    """
    if name not in _ENGINES:
        raise OcrEngineUnavailable(f"Unknown OCR engine {name!r}; known engines: {', '.join(_ENGINES)}.")
    if name == EngineName.RAPIDOCR:
        return RapidOcrEngine(backend or default_backend())
    factory, _ = _ENGINES[name]
    return factory()


def _package_version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def describe_engines(backend: str | None = None) -> str:
    """One line for `--version`: the engines installed and the backend RapidOCR would use."""
    chosen = backend or default_backend()
    installed = installed_backends()
    passed_over = {BackendName.OPENVINO: ", chosen where the CPU has AVX-512"} if backend is None else {}
    others = ", ".join(f"{b} {_package_version(b)}{passed_over.get(b, '')}" for b in installed if b != chosen)
    precision = openvino_precision() if chosen == BackendName.OPENVINO else None
    rapid = (
        f"rapidocr {_package_version('rapidocr')} ({MODELS} on {chosen} {_package_version(chosen)}"
        + (f" in {precision}" if precision else "")
        + (f"; also installed: {others}" if others else "")
        + ")"
        if rapidocr_installed()
        else "rapidocr not installed"
    )
    tesseract = "tesseract installed" if _tesseract_installed() else "tesseract not installed"
    return f"OCR: {rapid}; {tesseract}"


__all__ = [
    "BACKENDS",
    "DEFAULT_ENGINE",
    "BackendName",
    "EngineName",
    "OcrEngine",
    "RapidOcrEngine",
    "TesseractEngine",
    "available_engines",
    "create_engine",
    "default_backend",
    "describe_engines",
    "installed_backends",
    "limit_threads",
]

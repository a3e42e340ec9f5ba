"""Engine-independent extraction: pure functions from OCR lines to the fields a complaint needs.

Results depend only on the lines and the frozen `ExtractionConfig` (never on "now"), so the same
screenshot always yields the same evidence.

The names below load their modules on first use: compiling the extractors' patterns takes 0.09 s,
which a process that only needs a submodule (the importing side of an ingest needs
ocr.extract.filenames; the OCR workers extract) should not pay before it starts its work (issue #13).
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ocr.extract.chat import ChatMessage, parse_chat, parse_transcript
    from ocr.extract.classify import classify_kind
    from ocr.extract.config import ExtractionConfig
    from ocr.extract.pipeline import extract_fields, extract_text

_MODULE_OF = {
    "ChatMessage": "ocr.extract.chat", "parse_chat": "ocr.extract.chat", "parse_transcript": "ocr.extract.chat",
    "classify_kind": "ocr.extract.classify", "ExtractionConfig": "ocr.extract.config",
    "extract_fields": "ocr.extract.pipeline", "extract_text": "ocr.extract.pipeline",
}

__all__ = ["ChatMessage", "ExtractionConfig", "classify_kind", "extract_fields", "extract_text", "parse_chat",
           "parse_transcript"]


def __getattr__(name: str) -> object:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_MODULE_OF[name]), name)
    globals()[name] = value
    return value

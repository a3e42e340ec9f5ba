"""Engine-independent extraction: pure functions from OCR lines to the fields a complaint needs.

Results depend only on the lines and the frozen `ExtractionConfig` (never on "now"), so the same
screenshot always yields the same evidence.
"""
from __future__ import annotations

from ocr.extract.chat import ChatMessage, parse_chat, parse_transcript
from ocr.extract.classify import classify_kind
from ocr.extract.config import ExtractionConfig
from ocr.extract.pipeline import extract_fields, extract_text

__all__ = ["ChatMessage", "ExtractionConfig", "classify_kind", "extract_fields", "extract_text", "parse_chat",
           "parse_transcript"]

"""Exceptions of the ocr package, so callers can tell a known failure from a bug."""
from __future__ import annotations


class OcrError(Exception):
    """Base of every error the ocr package raises on purpose."""


class OcrEngineUnavailable(OcrError):
    """The requested OCR engine is unknown or not installed on this machine."""


class OcrEngineFailed(OcrError):
    """An installed engine could not read an image (crash, bad output, unreadable input)."""

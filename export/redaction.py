"""Masking of personal data (ID card, bank card, mobile numbers) in text and images.

Detection is deliberately eager: a checksum-valid ID card number (GB 11643), a Luhn-valid 16–19 digit
card number or a mainland mobile number is masked wherever it appears, and so is any value the
extractor typed as id_card, bank_card or phone. Images get opaque boxes over every OCR line that
holds such a value; boxes are burnt into the pixels, never drawn as a PDF overlay that could be
removed to reveal what is underneath.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from export.model import Exhibit
from ocr.types import BBox, FieldType

SENSITIVE_FIELD_TYPES = frozenset({FieldType.ID_CARD, FieldType.BANK_CARD, FieldType.PHONE})

_ID_CARD = re.compile(r"(?<![0-9A-Za-z])(\d{17}[0-9Xx])(?![0-9A-Za-z])")
_BANK_CARD = re.compile(r"(?<!\d)(\d(?:[ -]?\d){15,18})(?!\d)")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _valid_id_card(number: str) -> bool:
    """GB 11643-1999 check digit, so 18-digit order or transaction numbers are left alone."""
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return "10X98765432"[total % 11] == number[17].upper()


def _valid_luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _mask_id_card(match: re.Match[str]) -> str:
    number = match.group(1)
    return number if not _valid_id_card(number) else number[:3] + "*" * 11 + number[-4:]


def _mask_bank_card(match: re.Match[str]) -> str:
    digits = re.sub(r"[ -]", "", match.group(1))
    return match.group(1) if not _valid_luhn(digits) else "*" * (len(digits) - 4) + digits[-4:]


def mask_value(value: str) -> str:
    """Mask a value known to be sensitive, keeping only its last four characters."""
    kept = 4 if len(value) > 6 else 0
    return "*" * (len(value) - kept) + value[len(value) - kept:]


def mask_text(text: str, literals: Iterable[str] = ()) -> str:
    """`text` with every detected personal number masked, e.g. 13812345678 → 138****5678."""
    text = _ID_CARD.sub(_mask_id_card, text)
    text = _BANK_CARD.sub(_mask_bank_card, text)
    text = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    for literal in sorted({s for s in literals if len(s) >= 4}, key=len, reverse=True):
        text = text.replace(literal, mask_value(literal))
    return text


def contains_personal_data(text: str, literals: Iterable[str] = ()) -> bool:
    return mask_text(text, literals) != text


class Redactor:
    """Applies (or, when disabled, skips) masking for one dossier."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def text(self, text: str, exhibit: Exhibit | None = None) -> str:
        if not self.enabled:
            return text
        return mask_text(text, self.sensitive_literals(exhibit) if exhibit else ())

    def field_value(self, field_type: str, value: str) -> str:
        if not self.enabled:
            return value
        masked = mask_text(value)
        return mask_value(value) if masked == value and field_type in SENSITIVE_FIELD_TYPES else masked

    @staticmethod
    def sensitive_literals(exhibit: Exhibit) -> set[str]:
        """Values the extractor typed as personal, even when no pattern recognises them."""
        return {s for f in exhibit.fields if f.type in SENSITIVE_FIELD_TYPES for s in (f.value, f.raw) if s}

    def boxes(self, exhibit: Exhibit) -> list[BBox]:
        """Image areas to black out: sensitive fields and OCR lines holding personal data."""
        if not self.enabled:
            return []
        literals = self.sensitive_literals(exhibit)
        boxes = [f.bbox for f in exhibit.fields if f.type in SENSITIVE_FIELD_TYPES and f.bbox]
        boxes += [line.bbox for line in exhibit.ocr_lines if contains_personal_data(line.text, literals)]
        return boxes

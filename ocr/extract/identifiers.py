"""Order, logistics, transaction, ticket, ID-card and bank-card numbers.

A label decides the type. Unlabelled digit runs are typed by shape, with low confidence: an
11-digit 1[3-9]… is a phone (left to phones.py), a checksummed 18-digit number is an ID card,
a Luhn-valid 16–19 digit run is a bank card, and any other 10–20 digits may be a JD order number.
"""
from __future__ import annotations

import re
from datetime import date

from ocr.extract.candidates import Candidate
from ocr.extract.labels import LABEL_GAP, LABELS, alternation
from ocr.types import FieldType

_ID_TYPES = (FieldType.ORDER_NO, FieldType.LOGISTICS_NO, FieldType.TRANSACTION_NO, FieldType.TICKET_NO,
             FieldType.ID_CARD, FieldType.BANK_CARD)
_LABEL_TO_TYPE = {label.lower(): field for field in _ID_TYPES for label in LABELS[field]}
_LABELLED = re.compile(rf"(?P<label>{alternation(_LABEL_TO_TYPE)}){LABEL_GAP}", re.IGNORECASE)
_BANK_CARD_SHAPE = r"[\d*]{4}(?:[ -]?[\d*]{4}){2,3}(?:[ -]?[\d*]{1,3})?"
_VALUES: dict[FieldType, re.Pattern[str]] = {
    FieldType.ORDER_NO: re.compile(r"\d{10,20}(?![\dA-Za-z])"),
    FieldType.LOGISTICS_NO: re.compile(r"[A-Za-z]{0,4}\d{8,20}(?![\dA-Za-z])"),
    FieldType.TRANSACTION_NO: re.compile(r"(?=[A-Za-z0-9]*\d{8})[A-Za-z0-9]{10,40}(?![A-Za-z0-9])"),
    FieldType.TICKET_NO: re.compile(r"(?=[A-Za-z0-9-]*\d{4})[A-Za-z0-9][A-Za-z0-9-]{4,29}(?![A-Za-z0-9])"),
    FieldType.ID_CARD: re.compile(r"(?:\d{17}[\dXx]|\d{1,6}\*{4,14}[\dXx*]{1,4})(?![\dA-Za-z*])"),
    FieldType.BANK_CARD: re.compile(rf"{_BANK_CARD_SHAPE}(?![\d*])"),
}
_UNLABELLED_LOGISTICS = re.compile(r"(?<![A-Za-z0-9])(?:JDV|JDX|JDK|JDAZ|JD|SF)\d{10,15}(?![\dA-Za-z])")
_DIGIT_RUN = re.compile(
    r"(?<![\dA-Za-z*.])(?:\d{17}[Xx]|\d{10,20})(?![\dA-Za-z*])|(?<![\d*])" + _BANK_CARD_SHAPE + r"(?![\d*])"
)
_MOBILE = re.compile(r"1[3-9]\d{9}")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def find_identifiers(text: str) -> list[Candidate]:
    """Labelled identifiers first (confident), then typed-by-shape digit runs (tentative)."""
    found = [c for c in (_labelled(m, text) for m in _LABELLED.finditer(text)) if c is not None]
    found += [_typed(m.group(), m.start()) for m in _UNLABELLED_LOGISTICS.finditer(text)]
    for match in _DIGIT_RUN.finditer(text):
        candidate = _by_shape(match.group(), match.start())
        if candidate is not None:
            found.append(candidate)
    return found


def is_valid_id_card(number: str) -> bool:
    """GB 11643-1999: a real birth date and the ISO 7064 MOD 11-2 check character."""
    if not re.fullmatch(r"\d{17}[\dX]", number.upper()):
        return False
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def passes_luhn(number: str) -> bool:
    """ISO/IEC 7812 check digit, which every UnionPay, Visa and Mastercard number carries."""
    digits = [int(d) for d in reversed(number)]
    total = sum(digits[0::2]) + sum(sum(divmod(2 * d, 10)) for d in digits[1::2])
    return total % 10 == 0


def _labelled(match: re.Match[str], text: str) -> Candidate | None:
    field = _LABEL_TO_TYPE[match.group("label").lower()]
    value = _VALUES[field].match(text, match.end())
    if value is None:
        return None
    normalized = re.sub(r"[ -]", "", value.group()).upper()
    if field is FieldType.TICKET_NO:
        normalized = value.group().upper()
    confidence = 0.95
    if field is FieldType.BANK_CARD:
        confidence = _bank_card_confidence(normalized)
        if confidence == 0.0:
            return None
    elif field is FieldType.ID_CARD and "*" not in normalized and not is_valid_id_card(normalized):
        confidence = 0.7
    return Candidate(field, value.start(), value.end(), normalized, confidence)


def _bank_card_confidence(number: str) -> float:
    """Masked numbers keep their mask; an unmasked one that fails Luhn is probably misread."""
    digits = number.replace("*", "")
    if len(digits) < 4 or not 16 <= len(number) <= 19:
        return 0.0
    if "*" in number:
        return 0.9
    return 0.95 if passes_luhn(number) else 0.7


def _typed(value: str, start: int) -> Candidate:
    return Candidate(FieldType.LOGISTICS_NO, start, start + len(value), value.upper(), 0.8)


def _by_shape(value: str, start: int) -> Candidate | None:
    """Type an unlabelled run by its shape; None for phones and anything too short."""
    end = start + len(value)
    compact = value.replace(" ", "").replace("-", "")
    if "*" in compact:
        confidence = _bank_card_confidence(compact)
        return Candidate(FieldType.BANK_CARD, start, end, compact, 0.6) if confidence else None
    if is_valid_id_card(compact):
        return Candidate(FieldType.ID_CARD, start, end, compact.upper(), 0.85)
    if not compact.isdigit() or _MOBILE.fullmatch(compact):
        return None
    if 16 <= len(compact) <= 19 and compact[0] in "3456" and passes_luhn(compact):
        return Candidate(FieldType.BANK_CARD, start, end, compact, 0.5)
    if compact == value and 10 <= len(compact) <= 20:
        return Candidate(FieldType.ORDER_NO, start, end, compact, 0.4)
    return None

"""Phone numbers: mobiles (masked 138****5678 keeps its mask), 95xxx and 123xx hotlines,
400/800 numbers and landlines with an area code. Normalized without spaces or country code."""
from __future__ import annotations

import re

from ocr.extract.candidates import Candidate
from ocr.extract.labels import LABEL_GAP, LABELS, alternation
from ocr.types import FieldType

_COUNTRY = r"(?:(?:(?:\+|00)\s?86|86(?=[-\s]))[-\s]?)?"
_PHONE = re.compile(
    rf"""
      (?<![\d*A-Za-z+])(?P<mobile>{_COUNTRY}1[3-9]\d[-\s]?(?:\d{{4}}|\*{{4}})[-\s]?\d{{4}})(?![\d*])
    | (?<![\d+])(?P<service>[48]00[-\s]?\d{{3}}[-\s]?\d{{4}})(?!\d)
    | (?<![\d+.])(?P<landline>{_COUNTRY}\(?(?P<area>010|02\d|0[3-9]\d\d)\)?(?P<sep>[-\s]?)(?P<local>[2-9]\d{{2,3}}-?\d{{4}}))(?!\d)
    | (?<![\d.,¥￥-])(?P<hotline>95\d{{3,4}}|1231[05]|12345|12321|12363|12378|1008[06]|10010|10000)(?![\d.,]|元|万)
    """,
    re.VERBOSE,
)
_PHONE_LABEL_BEFORE = re.compile(rf"(?:{alternation(LABELS[FieldType.PHONE])}){LABEL_GAP}$")
_BASE_CONFIDENCE = {"mobile": 0.9, "service": 0.85, "landline": 0.8, "hotline": 0.7}


def find_phones(text: str) -> list[Candidate]:
    """Every phone number in `text`; a caption such as 联系电话 right before raises confidence."""
    found: list[Candidate] = []
    for match in _PHONE.finditer(text):
        kind = match.lastgroup if match.lastgroup in _BASE_CONFIDENCE else "landline"
        confidence = _BASE_CONFIDENCE[kind]
        if kind == "landline":
            normalized = f"{match.group('area')}-{match.group('local').replace('-', '')}"
            if not match.group("sep") and ")" not in match.group():
                confidence = 0.5
        else:
            normalized = re.sub(r"[-\s]", "", match.group())
            normalized = re.sub(r"^(?:\+|00)?86(?=1)", "", normalized)
        if _PHONE_LABEL_BEFORE.search(text, 0, match.start()):
            confidence = 0.95
        found.append(Candidate(FieldType.PHONE, match.start(), match.end(), normalized, confidence))
    return found

"""Money amounts in yuan: ¥/￥ prefixes, 元/万元/亿元 suffixes, thousands commas and refunds.

Normalized as a plain decimal string with two places ("-1299.00"). A refund is negative whether
the screenshot prints a minus sign (-¥99.00) or says so in words (退款 ¥99), so sums over a
dossier come out right.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ocr.extract.candidates import Candidate
from ocr.extract.labels import LABEL_GAP, LABELS, alternation
from ocr.types import FieldType

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"""
      (?P<presign>-\s*)?(?:[¥￥]|RMB|CNY|人民币)\s*(?P<innersign>-\s*)?(?P<prefixed>{_NUMBER})(?:\s*元)?
    | (?<![\d.,])(?P<suffixsign>-\s*)?(?P<suffixed>{_NUMBER})\s*(?P<scale>万|亿)?\s*(?:元|圆)
    | (?P<label>{alternation(LABELS[FieldType.AMOUNT])}){LABEL_GAP}(?P<labelsign>-)?(?P<labelled>\d[\d,]*\.\d{{2}})(?![\d.])
    """,
    re.VERBOSE,
)
_SCALES = {"万": 10_000, "亿": 100_000_000}
_REFUND = re.compile("退款|已退|退回|退还|退费")
_AMOUNT_LABEL_BEFORE = re.compile(rf"(?:{alternation(LABELS[FieldType.AMOUNT])}){LABEL_GAP}$")


def find_amounts(text: str) -> list[Candidate]:
    """Every amount in `text`; a 退款 before an amount (and after the previous one) makes it negative."""
    found: list[Candidate] = []
    previous_end = 0
    for match in _AMOUNT.finditer(text):
        number = match.group("prefixed") or match.group("suffixed") or match.group("labelled")
        value = Decimal(number.replace(",", ""))
        value *= _SCALES.get(match.group("scale"), 1)
        signed = any(match.group(g) for g in ("presign", "innersign", "suffixsign", "labelsign"))
        if signed or _REFUND.search(text, previous_end, match.start()):
            value = -value
        start = match.start("labelled") if match.group("labelled") else match.start()
        found.append(Candidate(FieldType.AMOUNT, start, match.end(), format_amount(value),
                               _confidence(match, text)))
        previous_end = match.end()
    return found


def format_amount(value: Decimal) -> str:
    """Two decimal places, rounded half up as receipts do, and never "-0.00"."""
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded + 0:.2f}" if rounded else "0.00"


def _confidence(match: re.Match[str], text: str) -> float:
    if match.group("labelled"):
        return 0.8
    base = 0.9 if match.group("prefixed") else 0.85
    return round(base + 0.05, 2) if _AMOUNT_LABEL_BEFORE.search(text, 0, match.start()) else base

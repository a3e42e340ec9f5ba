"""A value found inside one text, before it is tied to a box; shared by every finder."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ocr.types import FieldType

_WIDTH_FOLD = str.maketrans(
    "０１２３４５６７８９：，．－／（）＊＋　−—",
    "0123456789:,.-/()*+ --",
)

NAME_TYPES = frozenset({FieldType.AGENT, FieldType.PLATFORM})
"""Names may sit inside other names ("京东" in "京东客服"); they never compete with numbers."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A match at [start, end) of a text; `confidence` is the pattern's own certainty (0..1).

    `role` is what an amount is on its page (an AmountRole value) or "".
    """

    type: FieldType
    start: int
    end: int
    normalized: str
    confidence: float
    reference: str = ""
    role: str = ""


def fold_width(text: str) -> str:
    """Map full-width digits and punctuation to ASCII one character for one, keeping offsets."""
    return text.translate(_WIDTH_FOLD)


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the most certain (then longest) of overlapping candidates, in text order.

    One substring is one value: a labelled order number must not also come out as a phone.
    Names and numbers are resolved separately because a platform name may sit inside an agent name.
    """
    kept: list[Candidate] = []
    ranked = sorted(candidates, key=lambda c: (-c.confidence, -(c.end - c.start), c.start))
    for candidate in ranked:
        is_name = candidate.type in NAME_TYPES
        if not any(
            (other.type in NAME_TYPES) == is_name and other.start < candidate.end and candidate.start < other.end
            for other in kept
        ):
            kept.append(candidate)
    return sorted(kept, key=lambda c: (c.start, c.end))

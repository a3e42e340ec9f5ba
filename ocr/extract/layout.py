"""Where text sits: label boxes paired with their value boxes, and boxes for sub-strings.

App screenshots put "订单编号" on the left and the digits on the right as separate OCR boxes on
the same row, or the value directly below the caption; pairing them lets the label decide the type.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ocr.extract.labels import LABEL_ONLY
from ocr.types import BBox, OcrLine

_JOINER = " "


@dataclass(frozen=True, slots=True)
class TextUnit:
    """Text made of one OCR line, or a label line and its value line joined by a space."""

    text: str
    pieces: tuple[tuple[int, OcrLine], ...]

    def locate(self, start: int, end: int) -> tuple[BBox | None, float]:
        """The box of [start, end) narrowed by character offset, and the confidence of its line."""
        offset, line = next((o, piece) for o, piece in reversed(self.pieces) if o <= start)
        return narrow_bbox(line, start - offset, end - offset), line.confidence


def narrow_bbox(line: OcrLine, start: int, end: int) -> BBox | None:
    """Cut a horizontal line's box to the characters [start, end), assuming even character widths."""
    if line.bbox is None:
        return None
    left, top, right, bottom = line.bbox
    length = len(line.text)
    if length == 0 or right - left < bottom - top:
        return line.bbox
    width = right - left
    end = min(end, length)
    return (left + round(width * start / length), top, left + round(width * end / length), bottom)


def build_units(lines: Sequence[OcrLine]) -> list[TextUnit]:
    """One unit per line, except that a caption-only line absorbs its value line."""
    partner_of: dict[int, int] = {}
    taken: set[int] = set()
    for index, line in enumerate(lines):
        if line.bbox is not None and LABEL_ONLY.match(line.text):
            partner = _value_box(index, lines, taken)
            if partner is not None:
                partner_of[index] = partner
                taken.add(partner)
    units = []
    for index, line in enumerate(lines):
        if index in taken and index not in partner_of:
            continue
        pieces: tuple[tuple[int, OcrLine], ...] = ((0, line),)
        text = line.text
        if index in partner_of:
            value = lines[partner_of[index]]
            pieces += ((len(text) + len(_JOINER), value),)
            text = text + _JOINER + value.text
        units.append(TextUnit(text, pieces))
    return units


def _value_box(index: int, lines: Sequence[OcrLine], taken: set[int]) -> int | None:
    """The nearest box right of the label on its row, else the nearest box just below it."""
    label = lines[index].bbox
    height = label[3] - label[1]
    same_row, below = [], []
    for other_index, other in enumerate(lines):
        if other_index == index or other_index in taken or other.bbox is None or LABEL_ONLY.match(other.text):
            continue
        box = other.bbox
        overlap = min(label[3], box[3]) - max(label[1], box[1])
        if overlap > 0.5 * min(height, box[3] - box[1]) and box[0] >= label[2] - 0.2 * height:
            same_row.append((box[0] - label[2], other_index))
        elif 0 <= box[1] - label[3] <= 1.5 * height and min(label[2], box[2]) > max(label[0], box[0]):
            below.append((box[1] - label[3], other_index))
    for candidates in (same_row, below):
        if candidates:
            return min(candidates)[1]
    return None

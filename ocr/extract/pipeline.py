"""Run every finder over OCR lines and turn candidates into fields tied to boxes."""
from __future__ import annotations

from collections.abc import Sequence

from ocr.extract.agents import find_agents
from ocr.extract.amounts import find_amounts, is_amount_alone
from ocr.extract.candidates import Candidate, fold_width, resolve_overlaps
from ocr.extract.chat import find_promises
from ocr.extract.classify import classify_kind
from ocr.extract.config import ExtractionConfig
from ocr.extract.identifiers import find_identifiers, order_number_alone
from ocr.extract.layout import TextUnit, build_units
from ocr.extract.phones import find_phones
from ocr.extract.timestamps import find_timestamps, with_page_dates
from ocr.types import AmountRole, ExtractedField, OcrLine


def find_candidates(text: str, config: ExtractionConfig, kind: str = "", hint: str = "",
                    implied_sign: str = "") -> list[Candidate]:
    """All non-overlapping values in one text, in reading order.

    `kind` is what the page shows (classify.py), `hint` the role the layout gives an amount here and
    `implied_sign` the sign it gives one printed without. A box that is nothing but a JD-shaped
    number is an order number only on an order page.
    """
    folded = fold_width(text)
    found = find_timestamps(folded, config) + find_identifiers(folded) + find_amounts(folded, kind, hint, implied_sign)
    found += find_phones(folded) + find_agents(folded)
    if kind == "order":
        alone = order_number_alone(folded)
        found += [alone] if alone is not None else []
    return resolve_overlaps(found)


def extract_fields(lines: Sequence[OcrLine], config: ExtractionConfig) -> list[ExtractedField]:
    """Fields found in OCR lines; confidence is the line's confidence times the pattern's."""
    config = with_page_dates(lines, config)
    kind = classify_kind(lines)
    units = build_units(lines, kind)
    # Pasted text names its speakers ("客服小美：…"), so it needs no chat layout to show who promised.
    pasted = not any(line.bbox for line in lines)
    promises = find_promises(lines, config) if kind == "chat" or pasted else []
    return [field for unit in units for field in _unit_fields(unit, config, kind)] + promises


def _unit_fields(unit: TextUnit, config: ExtractionConfig, kind: str) -> list[ExtractedField]:
    hint = unit.hint
    if not hint and kind == "payment" and is_amount_alone(fold_width(unit.text)):
        hint = AmountRole.TRANSACTION.value  # a row of a bill list: 京东商城 … 1,706.40
    fields = []
    for candidate in find_candidates(unit.text, config, kind, hint, unit.implied_sign):
        bbox, line_confidence = unit.locate(candidate.start, candidate.end)
        fields.append(ExtractedField(
            type=candidate.type,
            raw=unit.text[candidate.start:candidate.end],
            normalized=candidate.normalized,
            bbox=bbox,
            confidence=round(line_confidence * candidate.confidence, 4),
            reference=candidate.reference,
            role=candidate.role,
        ))
    return fields


def extract_text(text: str, config: ExtractionConfig) -> list[ExtractedField]:
    """Fields in plain text, one OCR line per input line with full confidence and no box."""
    return extract_fields([OcrLine(line, None, 1.0) for line in text.splitlines()], config)

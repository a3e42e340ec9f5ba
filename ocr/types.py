"""Plain data passed between OCR engines, extraction and the vault."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

BBox = tuple[int, int, int, int]
"""Axis-aligned box in image pixels: (left, top, right, bottom)."""


class FieldType(StrEnum):
    ORDER_NO = "order_no"
    LOGISTICS_NO = "logistics_no"
    TRANSACTION_NO = "transaction_no"
    TICKET_NO = "ticket_no"
    TIMESTAMP = "timestamp"
    AMOUNT = "amount"
    PHONE = "phone"
    AGENT = "agent"
    AGENT_ID = "agent_id"
    PLATFORM = "platform"
    ID_CARD = "id_card"
    BANK_CARD = "bank_card"


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line of recognised text with where it sits and how sure the engine is (0..1).

    `bbox` is None for text that has no position (typed in, or from `evidence-vault extract`).
    """

    text: str
    bbox: BBox | None
    confidence: float


@dataclass(frozen=True, slots=True)
class ExtractedField:
    """A value found in the text; `raw` is as read, `normalized` is the canonical form.

    For timestamps `normalized` is ISO 8601 with +08:00 and `reference` names what a partial
    date was resolved against ("exif", "mtime", "import", "explicit" or "" when not needed).
    """

    type: FieldType
    raw: str
    normalized: str
    bbox: BBox | None
    confidence: float
    reference: str = ""

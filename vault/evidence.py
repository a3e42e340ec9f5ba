"""Plain records the vault hands out; no database handles inside."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ocr.types import KINDS

BBox = tuple[int, int, int, int]

DEFAULT_CASE_TITLE = "我的投诉"
"""The case created when evidence arrives in a vault that has none, so it can be stored at once
(renamed later in the case details); one name for both front ends."""


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class OcrState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Case:
    id: int
    title: str
    respondent: str = ""
    respondent_address: str = ""
    channel: str = ""
    claim: str = ""
    facts: str = ""
    notes: str = ""
    case_number: str = ""
    complainant_name: str = ""
    complainant_phone: str = ""
    complainant_address: str = ""
    created_at: str = ""


CASE_DETAIL_COLUMNS = (
    "title", "respondent", "respondent_address", "channel", "claim", "facts", "notes",
    "case_number", "complainant_name", "complainant_phone", "complainant_address",
)


@dataclass(frozen=True, slots=True)
class Field:
    id: int
    item_id: int
    type: str
    raw: str
    normalized: str
    origin: str
    bbox: BBox | None
    confidence: float
    reference: str = ""
    corrects: int | None = None
    superseded: bool = False
    role: str = ""


@dataclass(frozen=True, slots=True)
class OcrLineRecord:
    text: str
    bbox: BBox | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Item:
    id: int
    case_id: int
    sha256: str
    original_name: str
    size: int
    media_type: str
    width: int | None
    height: int | None
    source_mtime: str | None
    captured_at: str | None
    imported_at: str
    kind: str
    kind_origin: str
    note: str
    title: str
    purpose: str
    formed_at: str | None
    ocr_state: str
    ocr_engine: str | None
    ocr_error: str | None
    ocr_text: str
    fields: tuple[Field, ...] = field(default=())
    ocr_lines: tuple[OcrLineRecord, ...] = field(default=())

    def effective_fields(self) -> list[Field]:
        """Fields after corrections: a user's value replaces the OCR value it corrects, and a
        rejection (a correction with an empty value) leaves nothing in its place."""
        return [f for f in self.fields if not f.superseded and f.normalized]

    def values(self, field_type: str) -> list[str]:
        return [f.normalized for f in self.effective_fields() if f.type == field_type]

    def event_time(self) -> str | None:
        """形成时间: the user's date, else the first full timestamp read from it, else the EXIF time."""
        if self.formed_at:
            return self.formed_at
        dated = [v for v in self.values("timestamp") if len(v) >= 10]
        return dated[0] if dated else self.captured_at


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    status: ImportStatus
    name: str
    item_id: int | None = None
    reason: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of verify; `where` names the item or log entry precisely."""

    where: str
    message: str

"""Plain records the vault hands out; no database handles inside."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from ocr.types import KINDS, FieldType

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
        dated = [v for v in self.values(FieldType.TIMESTAMP) if len(v) >= 10]
        return dated[0] if dated else self.captured_at


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    status: ImportStatus
    name: str
    item_id: int | None = None
    reason: str = ""
    detail: str = ""
    records: int = 0
    """Rows stored from a bill or chat export."""
    bad_rows: tuple[tuple[int, str], ...] = ()
    """(source row, why) of the export's rows that did not parse and were left out."""


class ProblemPart(StrEnum):
    """What part of the vault a verify finding is about."""

    FILE = "file"
    ITEM = "item"
    CASE = "case"
    AUDIT_LOG = "audit_log"


@dataclass(frozen=True, slots=True)
class ProblemPlace:
    """Where a finding is: a part, and the item's or case's id or the log entry's seq when it is one of them."""

    part: ProblemPart
    id: int | None = None
    name: str = ""
    """The item's original file name, when the finding is about one item."""

    def __str__(self) -> str:
        """English, for the CLI: 'item 3 (b.png)', 'audit log entry 5', 'items', 'file'."""
        if self.id is None:
            return _WHOLE_PART[self.part]
        text = f"{_ONE_OF_PART[self.part]} {self.id}"
        return f"{text} ({self.name})" if self.name else text


_WHOLE_PART = {ProblemPart.FILE: "file", ProblemPart.ITEM: "items", ProblemPart.CASE: "cases",
               ProblemPart.AUDIT_LOG: "audit log"}
_ONE_OF_PART = {ProblemPart.FILE: "page", ProblemPart.ITEM: "item", ProblemPart.CASE: "case",
                ProblemPart.AUDIT_LOG: "audit log entry"}


class ProblemCode(StrEnum):
    """What verify (or the journal check before opening) found; front ends word each in their language.

    The params each code carries are named in its English text below, in braces.
    """

    PAGE_CHECK_FAILED = "page_check_failed"
    STRUCTURE_DAMAGED = "structure_damaged"
    FILE_UNREADABLE = "file_unreadable"
    CHECK_UNREADABLE = "check_unreadable"
    ORIGINAL_MISSING = "original_missing"
    ORIGINAL_CHANGED = "original_changed"
    THUMBNAIL_MISSING = "thumbnail_missing"
    IMPORT_NOT_LOGGED = "import_not_logged"
    HASH_DIFFERS_FROM_LOG = "hash_differs_from_log"
    LOG_ENTRY_MISSING = "log_entry_missing"
    LOG_ENTRY_OUT_OF_ORDER = "log_entry_out_of_order"
    LOG_ENTRY_ALTERED = "log_entry_altered"
    LOG_END_DIFFERS = "log_end_differs"
    OLDER_COPY = "older_copy"
    LOG_REWRITTEN = "log_rewritten"
    ITEM_MISSING = "item_missing"
    ITEM_NOT_DELETED = "item_not_deleted"
    ROW_REVERTED = "row_reverted"
    JOURNAL_IN_USE = "journal_in_use"
    JOURNAL_AFTER_CRASH = "journal_after_crash"


PROBLEM_ENGLISH = {
    ProblemCode.PAGE_CHECK_FAILED: "encrypted page check: {detail}",
    ProblemCode.STRUCTURE_DAMAGED: "database structure: {detail}",
    ProblemCode.FILE_UNREADABLE: "the database cannot be fully read: {detail}",
    ProblemCode.CHECK_UNREADABLE: "cannot be read because the file is damaged: {detail}",
    ProblemCode.ORIGINAL_MISSING: "the original file is missing",
    ProblemCode.ORIGINAL_CHANGED: "the original does not match its SHA-256: recorded {recorded}, now {actual}",
    ProblemCode.THUMBNAIL_MISSING: "the thumbnail is missing",
    ProblemCode.IMPORT_NOT_LOGGED: "no import entry in the audit log",
    ProblemCode.HASH_DIFFERS_FROM_LOG: "SHA-256 differs from the one logged at import (log entry {seq})",
    ProblemCode.LOG_ENTRY_MISSING: "is missing (next present entry is {next})",
    ProblemCode.LOG_ENTRY_OUT_OF_ORDER: "does not follow the entry before it (deleted or reordered)",
    ProblemCode.LOG_ENTRY_ALTERED: "({action}) was altered: its hash does not match its content",
    ProblemCode.LOG_END_DIFFERS: (
        "the log ends at entry {seq} but the vault recorded entry {recorded} as its newest: entries were "
        "removed, or part of the file was put back from an older copy"),
    ProblemCode.OLDER_COPY: (
        "the log ends at entry {seq}, but this computer has seen entry {seen} of this vault: "
        "the file is an older copy (a sync or backup tool may have put it back)"),
    ProblemCode.LOG_REWRITTEN: "entry {seen} differs from the one this computer saw: the log was rewritten",
    ProblemCode.ITEM_MISSING: "the log records its import but the item is missing",
    ProblemCode.ITEM_NOT_DELETED: "the log records its deletion but the item is still there",
    ProblemCode.ROW_REVERTED: (
        "{columns} differ from the latest change in the audit log: "
        "the row was changed outside the app or put back from an older copy"),
    ProblemCode.JOURNAL_IN_USE: (
        "{journal} beside the vault holds changes not yet merged into it: the vault is open in another "
        "window or command. A copy of the .evault file alone would miss them; use 'evidence-vault backup'."),
    ProblemCode.JOURNAL_AFTER_CRASH: (
        "{journal} beside the vault holds changes not yet merged into it: the app did not close cleanly. "
        "They are safe there, but a copy of the .evault file alone misses them; only 'evidence-vault backup' "
        "makes a safe copy after a crash."),
}
"""The CLI's words for each code; the GUI has its own in app/texts.py."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of verify: a code and its parameters, so each front end words it in its language."""

    code: ProblemCode
    where: ProblemPlace
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The finding in English, for the CLI and for errors raised by the core."""
        return PROBLEM_ENGLISH[self.code].format_map(self.params)

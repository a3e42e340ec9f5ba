"""Input and output types of the dossier builder; the vault adapter fills them in."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ocr.records.types import Record
from ocr.types import OcrLine

if TYPE_CHECKING:  # export.signing loads pyHanko: only when a dossier is actually signed
    from export.signing import SignatureOutcome, SigningSettings


@dataclass(frozen=True)
class Party:
    name: str
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class ExhibitField:
    """An extracted key value; `type` is an `ocr.types.FieldType` value, `bbox` in image pixels.

    For PDF originals the bbox is in the coordinates of all pages rendered at 150 dpi and stacked
    top to bottom, the same convention as `Exhibit.ocr_lines`.
    """

    type: str
    value: str
    raw: str = ""
    bbox: tuple[int, int, int, int] | None = None
    role: str = ""
    """An `ocr.types.AmountRole` value for amounts (实付款, 退款, 本期应还, …), else ""."""


@dataclass(frozen=True)
class Exhibit:
    """One piece of evidence; `load_original` is called only while the exhibit is being drawn."""

    item_id: int
    title: str
    purpose: str
    source: str
    kind: str
    original_name: str
    sha256: str
    media_type: str
    formed_at: str | None
    captured_at: str | None
    imported_at: str
    fields: tuple[ExhibitField, ...]
    ocr_text: str
    ocr_lines: tuple[OcrLine, ...]
    load_original: Callable[[], bytes]
    is_original: bool = True
    note: str = ""
    """The user's 备注; printed in the timeline only when ExportOptions.timeline_notes asks for it."""
    records: tuple[Record, ...] | None = None
    """For a bill or chat export: the rows printed as a table instead of a picture of the file."""
    record_total: int = 0
    selection_id: int | None = None
    """Set when `records` are rows the user picked (vault.selections): the exhibit prints only them,
    and the item's other selections are exhibits of their own that share its one attached original."""


@dataclass(frozen=True)
class TimelineEvent:
    when: str
    description: str
    exhibit_index: int | None
    """1-based number of the exhibit in `DossierRequest.exhibits` (证据N), or None."""


@dataclass(frozen=True)
class DossierRequest:
    """Everything printed in the dossier; exhibits appear in tuple order and are numbered from 1."""

    case_title: str
    case_number: str
    complainant: Party
    respondent: Party
    channel: str
    claim: str
    facts: str
    exhibits: tuple[Exhibit, ...]
    events: tuple[TimelineEvent, ...]
    audit_head_hash: str
    generated_at: datetime
    author: str = "Evidence Vault 证据保险箱"
    signer_fingerprint: str = ""
    """SHA-256 of the certificate the dossier is signed with (issue #15), printed so a recipient can compare."""
    first_exhibit_number: int = 1
    """证据N of the first exhibit: a dossier split into parts numbers on where the part before stopped."""


@dataclass(frozen=True)
class ExportOptions:
    """How to build the dossier.

    `max_size` is a byte budget for the whole file. Images are re-encoded in smaller steps down to a
    legibility floor; when even that does not fit, `DossierTooLarge` is raised. Attachments are never
    dropped silently: the caller decides whether to retry with `attachments=False`.
    """

    lang: str = "zh"
    redact: bool = False
    password: str | None = None
    attachments: bool = True
    max_size: int | None = None
    signing: SigningSettings | None = None
    """Key, certificate and optional TSA; every export from a vault is signed (issue #15)."""
    timeline_notes: bool = False
    """Put the user's notes (备注) into the timeline; they are private unless the user says otherwise."""


@dataclass(frozen=True)
class Bookmark:
    """One entry of the PDF outline: `page` is 1-based, `level` 0 for sections, 1 for exhibits."""

    title: str
    level: int
    page: int


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    size: int
    pages: int
    signature: SignatureOutcome | None = None

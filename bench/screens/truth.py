"""What a perfect reader finds on a generated page, in the form ocr.extract gives it.

Timestamps are ISO 8601 with +08:00 to the precision shown; amounts are plain decimals with two
places, refunds negative (ocr/extract/amounts.py). `reference` names what a timestamp had to be
resolved against (ocr/extract/config.py REFERENCE_SOURCES), "" for a full date. `CAPTURE` stands
for the capture reference of the file (its name, EXIF, mtime or the import), decided only once the
file name is drawn.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ocr.types import AmountRole, FieldType

CAPTURE = "capture"
"""Placeholder reference of relative and year-less times until the sample's file name is known."""


@dataclass(frozen=True, slots=True)
class Expected:
    """One value of a scored type drawn on the page."""

    type: FieldType
    value: str
    role: str = ""
    reference: str = ""


@dataclass(frozen=True, slots=True)
class Trap:
    """A number on the page of a type that is not scored (tax id, check code, phone, quantity…)."""

    what: str
    value: str


def money(value: Decimal) -> str:
    """Amount as displayed: thousands separators and two decimals, e.g. 3,105.00."""
    return f"{value:,.2f}"


def amount(value: Decimal, role: AmountRole | str = "") -> Expected:
    return Expected(FieldType.AMOUNT, f"{value:.2f}", str(role))


def moment(value: datetime, precision: str = "seconds", reference: str = "") -> Expected:
    """A timestamp to the precision shown: "seconds", "minutes", or "date" for a day without a time."""
    shown = value.date().isoformat() if precision == "date" else value.isoformat(timespec=precision)
    return Expected(FieldType.TIMESTAMP, shown, reference=reference)


def number(kind: FieldType, value: str) -> Expected:
    return Expected(kind, value)

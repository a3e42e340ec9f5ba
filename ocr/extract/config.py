"""The frozen configuration every extraction call receives, so results never depend on "now"."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
"""Screenshots from JD and Chinese banks show wall-clock time in China Standard Time."""

REFERENCE_SOURCES = ("page", "filename", "exif", "mtime", "import", "explicit")
"""Most trusted first: a full date on the same page, the screenshot's file name, EXIF, mtime, import."""


@dataclass(frozen=True)
class ExtractionConfig:
    """What partial dates resolve against, and where that reference came from.

    `reference_source` is copied into `ExtractedField.reference` for every timestamp that needed
    the reference (no year, relative day, weekday, bare time), so a dossier can say how sure it is.
    """

    reference_time: datetime
    reference_source: str = "import"

    def __post_init__(self) -> None:
        if self.reference_time.tzinfo is None:
            raise ValueError("reference_time must be timezone-aware")
        if self.reference_source not in REFERENCE_SOURCES:
            raise ValueError(f"unknown reference_source {self.reference_source!r}")

    @property
    def local_reference(self) -> datetime:
        """The reference as a Shanghai wall-clock time, to the second."""
        return self.reference_time.astimezone(SHANGHAI).replace(microsecond=0)

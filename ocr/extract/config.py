"""The frozen configuration every extraction call receives, so results never depend on "now"."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
"""Screenshots from JD and Chinese banks show wall-clock time in China Standard Time."""

REFERENCE_SOURCES = ("page", "filename", "exif", "mtime", "import", "explicit")
"""Most trusted first: a full date on the same page, the screenshot's file name, EXIF, mtime, import."""

CAPTURE_SOURCES = REFERENCE_SOURCES[1:]
"""Where the moment of capture can come from; "page" is a date the image shows, not when it was taken."""


@dataclass(frozen=True)
class ExtractionConfig:
    """What partial dates resolve against, and where that reference came from.

    `reference_time` is the moment of capture (from `reference_source`): relative dates (昨天, 星期二,
    a bare 19:43) count back from it. `page_dates` are the full dates printed on the page itself; a
    date without a year takes its year from them (issue #10: "7月15日" next to "2021-07-10" is 2021).
    `reference` on a timestamp names what it was resolved against, so a dossier can say how sure it is.
    """

    reference_time: datetime
    reference_source: str = "import"
    page_dates: tuple[date, ...] = ()

    def __post_init__(self) -> None:
        if self.reference_time.tzinfo is None:
            raise ValueError("reference_time must be timezone-aware")
        if self.reference_source not in CAPTURE_SOURCES:
            raise ValueError(f"unknown reference_source {self.reference_source!r}")

    @property
    def local_reference(self) -> datetime:
        """The reference as a Shanghai wall-clock time, to the second."""
        return self.reference_time.astimezone(SHANGHAI).replace(microsecond=0)

"""Every time the dossier and the app show, in China time (Asia/Shanghai), worded as people read it.

Screens, bills and the vault's own clock can carry different zones (the import time is UTC on a
server); a clerk compares times across exhibits, so all of them are converted to one zone that the
cover names once. China has kept UTC+8 without daylight saving since 1991, so a fixed offset is
exact for any time a dossier shows and needs no time-zone database on Windows.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")
NO_BREAK_SPACE = "\u00a0"
"""Between date and time, so a line never separates them (see export.linebreak)."""


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 text as an aware time in China time; a time without zone is taken as China time."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=CHINA)
    return parsed.astimezone(CHINA)


def _has_time(value: str) -> bool:
    return "T" in value or " " in value.strip()


def format_time(value: str | datetime | None, lang: str, none: str = "—", seconds: bool = True) -> str:
    """'2026年2月17日 20:53:41' (zh) or '2026-02-17 20:53:41' (en); a date alone stays a date.

    Text that is no ISO time is returned as it is, so a user's free-form 形成时间 still shows.
    """
    if value is None or value == "":
        return none
    moment = value.astimezone(CHINA) if isinstance(value, datetime) else parse_time(value)
    if moment is None:
        return str(value)
    with_time = isinstance(value, datetime) or _has_time(value)
    clock = moment.strftime("%H:%M:%S" if seconds else "%H:%M")
    if lang == "zh":
        day = f"{moment.year}年{moment.month}月{moment.day}日"
    else:
        day = moment.strftime("%Y-%m-%d")
    return f"{day}{NO_BREAK_SPACE}{clock}" if with_time else day


def sort_key(value: str | None) -> tuple[int, datetime]:
    """Undated last; otherwise by the moment, whatever zone the text was written in."""
    moment = parse_time(value)
    return (1, datetime.max.replace(tzinfo=CHINA)) if moment is None else (0, moment)

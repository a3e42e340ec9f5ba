"""Times a person types (形成时间, a corrected timestamp field), checked before they reach the dossier."""
from __future__ import annotations

from datetime import date, datetime

ACCEPTED_FORMS = "2026-02-14, 2026-02-14 22:15, 2026-02-14T22:15:35 or 2026-02-14T22:15:35+08:00"


def normalize_user_time(text: str) -> str:
    """ISO 8601 text for a typed date or date-time: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS[±HH:MM]'.

    Raises ValueError naming the accepted forms; free text such as "yesterday" would otherwise be
    printed in the dossier's 形成时间 column as if it were a date.
    """
    value = text.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).isoformat(timespec="seconds")
    except ValueError:
        raise ValueError(f"{text!r} is not a date or time; write it as {ACCEPTED_FORMS}") from None

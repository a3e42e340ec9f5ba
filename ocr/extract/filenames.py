"""When a screenshot was taken, read from the name the phone or computer gave the file.

A copied or downloaded file's mtime is the day of copying, but its name usually still says when the
screen was captured (issue #10). Names are local China time, except Unix epochs in milliseconds.
Forms, as the systems write them:

- Android (AOSP, OnePlus, Samsung): ``Screenshot_20260214-221535.png``, ``Screenshot_20260214-221535_JD.jpg``
- Huawei/Honor EMUI, vivo: ``Screenshot_20260214_221535_com.jingdong.app.mall.jpg``
- Xiaomi MIUI/HyperOS, OPPO ColorOS: ``Screenshot_2026-02-14-22-15-35-123_com.jingdong.app.mall.jpg``
  (milliseconds, then the app), older ``Screenshot_2026-02-14-22-15-35.png``
- Android cameras: ``IMG_20260214_221535.jpg``, ``VID_20260214_221535.mp4``; Samsung ``20260214_221535.jpg``
- WeChat for Windows/macOS: ``微信图片_20260214221535.jpg`` (``_1`` for a second copy);
  QQ: ``QQ图片20260214221535.jpg``
- WeChat on phones: ``mmexport1708000000000.jpg``, ``wx_camera_1708000000000.jpg``,
  ``microMsg.1708000000000.jpg`` (Unix time in milliseconds)
- macOS: ``Screenshot 2026-02-14 at 22.15.35.png``, before 10.14 ``Screen Shot 2019-02-14 at 10.15.35 PM.png``;
  in Chinese ``截屏2026-02-14 22.15.35.png``, before 10.14 ``屏幕快照 2019-02-14 下午10.15.35.png``
- Windows 11 Snipping Tool: ``屏幕截图 2026-02-14 221535.png``, ``Screenshot 2026-02-14 221535.png``
- Telegram Desktop: ``photo_2026-02-14_22-15-35.jpg``

Names without a time of day carry no capture moment: iOS ``IMG_1234.PNG``, Windows 10
``屏幕截图(1).png``, WhatsApp ``IMG-20260214-WA0001.jpg``. Pixel's ``PXL_20260214_141535123`` is not
read (its clock is not local time).
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from ocr.extract.config import SHANGHAI

_EPOCH_MS = re.compile(r"(?:mmexport|wx_camera_|microMsg\.)(?P<ms>1\d{12})(?!\d)", re.IGNORECASE)
_LOCAL = re.compile(
    r"""
    (?<!\d)(?P<year>20\d{2})(?P<date_sep>[-_.]?)(?P<month>\d{2})(?P=date_sep)(?P<day>\d{2})
    (?:\x20at\x20|_at_|[\x20_T-])?
    (?P<period>上午|下午)?
    (?P<hour>\d{1,2})(?P<time_sep>[-_.:]?)(?P<minute>\d{2})(?P=time_sep)(?P<second>\d{2})
    (?:\x20?(?P<ampm>AM|PM))?
    (?!\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)


def capture_time_from_name(name: str) -> datetime | None:
    """The capture moment a file name gives, timezone-aware; None for names without one or impossible ones."""
    epoch = _EPOCH_MS.search(name)
    if epoch:
        return datetime.fromtimestamp(int(epoch.group("ms")) / 1000, timezone.utc).astimezone(SHANGHAI)
    for match in _LOCAL.finditer(name):
        moment = _local_time(match)
        if moment is not None:
            return moment
    return None


def _local_time(match: re.Match[str]) -> datetime | None:
    """The wall-clock time of one match; a one-digit hour only counts with AM/PM (macOS 12-hour names)."""
    hour = int(match.group("hour"))
    twelve_hour = match.group("ampm") or match.group("period")
    if twelve_hour:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if twelve_hour.upper() in ("PM", "下午") else 0)
    elif len(match.group("hour")) == 1:
        return None
    try:
        return datetime(int(match.group("year")), int(match.group("month")), int(match.group("day")), hour,
                        int(match.group("minute")), int(match.group("second")), tzinfo=SHANGHAI)
    except ValueError:
        return None

"""Chat logs as records: exports of WeChat export tools (TXT and CSV) and text pasted from a chat window.

Layouts:

- TXT of WeChat export tools: each message is a line ``YYYY-MM-DD HH:MM:SS 名字``, its content
  lines, then a blank line; the exporting person is ``我``.
- Text copied from a chat window (WeChat for Windows, 京东/淘宝 customer-service windows): the
  same blocks with the name first, ``名字 YYYY/M/D HH:MM:SS`` or ``名字 YYYY-MM-DD HH:MM``.
- CSV of the database export tools:
  ``localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime``; CreateTime in
  Unix seconds, IsSender 1 for the exporting person, Type 1 text, 3 image, 34 voice, 43 video,
  47 sticker, 49 file or link, 10000 a system notice.

Pictures, voice and files are named in the text as ``[图片]``, ``[语音]`` …; they stay a media
placeholder because the export does not carry them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from ocr.records.bills import CHINA_TZ
from ocr.records.tables import Row, clean_cell, find_header
from ocr.records.types import BadRow, Record, RecordFile

ME = "我"
MIN_MESSAGES = 2
"""A text needs this many message heads to be a chat log rather than a note that has a date."""

_TIME = r"(?P<time>\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)"
_TIME_FIRST = re.compile(rf"^{_TIME}\s+(?P<name>\S.{{0,40}}?)\s*$")
_NAME_FIRST = re.compile(rf"^(?P<name>\S.{{0,40}}?)\s+{_TIME}\s*$")
_MEDIA = re.compile(r"^\[(图片|语音|视频|文件|表情|动画表情|位置|链接|名片|小程序|视频号)\]")
_CSV_COLUMNS = ("localId", "TalkerId", "Type", "IsSender", "CreateTime", "StrContent")
_CSV_MEDIA = {"3": "[图片]", "34": "[语音]", "43": "[视频]", "47": "[表情]", "49": "[文件]"}


def _iso(text: str) -> str:
    date, _, clock = text.replace("/", "-").partition(" ")
    year, month, day = date.split("-")
    parts = clock.strip().split(":")
    moment = datetime(int(year), int(month), int(day), int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 0)
    return moment.replace(tzinfo=CHINA_TZ).isoformat()


def _head(line: str) -> tuple[str, str, str] | None:
    """(layout, name, time) of a message's first line, else None."""
    for layout, pattern in (("wechat_chat_txt", _TIME_FIRST), ("pasted_chat", _NAME_FIRST)):
        match = pattern.match(line.strip())
        if match is not None:
            return layout, match["name"], match["time"]
    return None


def _message(row: int, name: str, time: str, lines: list[str], me: str) -> Record:
    text = "\n".join(lines).strip()
    media = _MEDIA.match(text)
    return Record(row, time=_iso(time), sender=name, is_me=name in {ME, me}, text=text,
                  media=media.group() if media else "")


def read_chat_text(text: str, me: str = "") -> RecordFile | None:
    """Messages of an exported or pasted chat; None when the text is not one.

    `me` is the person's own display name, for pasted text that does not say 我.
    """
    lines = text.splitlines()
    heads = [(n, h) for n, line in enumerate(lines) if (h := _head(line)) is not None]
    if len(heads) < MIN_MESSAGES:
        return None
    layout = max({h[0] for _, h in heads}, key=lambda name: sum(h[0] == name for _, h in heads))
    starts = [(n, h) for n, h in heads if h[0] == layout]
    records: list[Record] = []
    bad: list[BadRow] = []
    for index, (n, (_, name, time)) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        try:
            records.append(_message(n + 1, name, time, lines[n + 1:end], me))
        except ValueError as e:
            bad.append(BadRow(n + 1, f"time {time!r} is not a date ({e})"))
    return RecordFile(layout, "chat", tuple(records), tuple(bad))


def read_chat_csv(rows: Sequence[Row]) -> RecordFile | None:
    """Messages of a database export tool's CSV; None when the header is not that one."""
    index = find_header(rows, _CSV_COLUMNS)
    if index is None:
        return None
    header = [clean_cell(c) for c in rows[index][1]]
    column = {name: header.index(name) for name in _CSV_COLUMNS}
    records: list[Record] = []
    bad: list[BadRow] = []
    for line, cells in rows[index + 1:]:
        if len(cells) < len(header):
            bad.append(BadRow(line, f"has {len(cells)} cells, the header has {len(header)}"))
            continue
        try:
            moment = datetime.fromtimestamp(int(cells[column["CreateTime"]]), CHINA_TZ)
        except (ValueError, OverflowError, OSError):
            bad.append(BadRow(line, f"CreateTime {cells[column['CreateTime']]!r} is not a Unix time"))
            continue
        is_me = cells[column["IsSender"]].strip() == "1"
        kind = cells[column["Type"]].strip()
        records.append(Record(
            line, time=moment.isoformat(), sender=ME if is_me else cells[column["TalkerId"]].strip(), is_me=is_me,
            text=cells[column["StrContent"]], media=_CSV_MEDIA.get(kind, ""),
        ))
    return RecordFile("wechat_chat_csv", "chat", tuple(records), tuple(bad))

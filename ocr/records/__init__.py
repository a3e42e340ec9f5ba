"""Bill exports, chat logs and their archives read as rows (records), without any vault.

`read_records` tells a records file by its content: a ZIP (an XLSX is one too), a CSV whose
header row is a known bill or chat layout, or a text whose lines are chat message heads. A file
that is none of these is not a records file (None) and goes through the image and PDF policy.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from ocr.records.archive import archive_members
from ocr.records.bills import read_bill
from ocr.records.chats import read_chat_csv, read_chat_text
from ocr.records.spreadsheet import is_spreadsheet, xlsx_rows
from ocr.records.tables import csv_rows, decode_text
from ocr.records.types import BadRow, Direction, Record, RecordFile, RecordProblem, UnreadableRecords

__all__ = [
    "BadRow", "Direction", "Record", "RecordFile", "RecordProblem", "UnreadableRecords", "looks_like_records",
    "read_records",
]

ZIP_MAGIC = b"PK\x03\x04"
TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx"}
"""A file named like a table that matches no layout is reported as an unknown table, not a text file."""
_BINARY_PROBE = 4096


def looks_like_records(data: bytes, name: str) -> bool:
    """Cheap test of whether a file should be read as records rather than as an image or PDF."""
    if data.startswith(ZIP_MAGIC):
        return True
    return b"\x00" not in data[:_BINARY_PROBE] and not data.startswith((b"%PDF-", b"\x89PNG", b"\xff\xd8\xff"))


def _read_table_text(text: str, name: str, me: str) -> RecordFile | None:
    rows = csv_rows(text)
    found = read_bill(rows, "csv") or read_chat_csv(rows) or read_chat_text(text, me)
    if found is None and PurePosixPath(name.lower()).suffix in TABLE_SUFFIXES:
        raise UnreadableRecords(
            RecordProblem.UNKNOWN_TABLE,
            "no header row of a known bill or chat export (微信支付, 支付宝, 京东, WeChat chat export) was found",
        )
    return found


def _read_archive(data: bytes, password: str | None, me: str) -> RecordFile:
    for member, content in archive_members(data, password):
        try:
            found = _read_one(content, member, None, me)
        except UnreadableRecords as e:
            raise UnreadableRecords(e.problem, f"{member}: {e.detail}") from e
        if found is not None:
            return RecordFile(found.layout, found.kind, found.records, found.bad_rows, inner_name=member)
    raise UnreadableRecords(RecordProblem.UNKNOWN_TABLE, "the archive holds no bill or chat export")


def _read_one(data: bytes, name: str, password: str | None, me: str) -> RecordFile | None:
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                spreadsheet = is_spreadsheet(archive)
        except zipfile.BadZipFile as e:
            raise UnreadableRecords(RecordProblem.DAMAGED_ARCHIVE, f"the ZIP archive cannot be read ({e})") from e
        if spreadsheet:
            found = read_bill(xlsx_rows(data), "xlsx")
            if found is None:
                raise UnreadableRecords(RecordProblem.UNKNOWN_TABLE, "the spreadsheet has no header row of a known bill")
            return found
        return _read_archive(data, password, me)
    if not looks_like_records(data, name):
        return None
    return _read_table_text(decode_text(data), name, me)


def read_records(data: bytes, name: str, password: str | None = None, me: str = "") -> RecordFile | None:
    """The rows of a bill, chat or archive of one; None when the file is no records file.

    Raises UnreadableRecords when it is one but cannot be read (unknown layout, wrong password,
    damaged archive, no row that parses). `me` is the person's chat name for pasted chats.
    """
    found = _read_one(data, name, password, me)
    if found is not None and not found.records and found.bad_rows:
        first = "; ".join(f"row {b.row}: {b.reason}" for b in found.bad_rows[:3])
        raise UnreadableRecords(RecordProblem.NO_ROWS, f"no row could be read ({first})")
    return found

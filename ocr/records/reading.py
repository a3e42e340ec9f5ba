"""The records readers behind `ocr.records.read_records`: which reader a file goes to, by content."""
from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import PurePosixPath

from ocr.records import ZIP_MAGIC, looks_like_records
from ocr.records.archive import archive_members
from ocr.records.bills import read_bill
from ocr.records.chats import read_chat_csv, read_chat_text
from ocr.records.invoice_xml import looks_like_xml, read_invoice_xml
from ocr.records.ofd import OFD_ROOT, is_ofd, read_ofd
from ocr.records.spreadsheet import is_spreadsheet, xlsx_rows
from ocr.records.tables import csv_rows, decode_text
from ocr.records.types import RecordFile, RecordProblem, UnreadableRecords

TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx"}
"""A file named like a table that matches no layout is reported as an unknown table, not a text file."""


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
            return dataclasses.replace(found, inner_name=member)
    raise UnreadableRecords(RecordProblem.UNKNOWN_TABLE, "the archive holds no bill or chat export")


def _names_ofd(data: bytes, name: str) -> bool:
    """A ZIP is taken for an OFD when named so or when its first part is OFD.xml, even if too damaged to list."""
    first_name = data[30:30 + int.from_bytes(data[26:28], "little")]
    return PurePosixPath(name.lower()).suffix == ".ofd" or first_name == OFD_ROOT.encode()


def _read_zip(data: bytes, name: str, password: str | None, me: str) -> RecordFile:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            spreadsheet, ofd = is_spreadsheet(archive), is_ofd(archive)
    except (zipfile.BadZipFile, NotImplementedError, ValueError) as e:
        if _names_ofd(data, name):
            raise UnreadableRecords(RecordProblem.DAMAGED_OFD, f"the OFD file is cut short or damaged ({e})") from e
        raise UnreadableRecords(RecordProblem.DAMAGED_ARCHIVE, f"the ZIP archive cannot be read ({e})") from e
    if spreadsheet:
        found = read_bill(xlsx_rows(data), "xlsx")
        if found is None:
            raise UnreadableRecords(RecordProblem.UNKNOWN_TABLE, "the spreadsheet has no header row of a known bill")
        return found
    if ofd or _names_ofd(data, name):
        return read_ofd(data)
    return _read_archive(data, password, me)


def _read_one(data: bytes, name: str, password: str | None, me: str) -> RecordFile | None:
    if data.startswith(ZIP_MAGIC):
        return _read_zip(data, name, password, me)
    if not looks_like_records(data, name):
        return None
    if looks_like_xml(data, name):
        return read_invoice_xml(data)
    return _read_table_text(decode_text(data), name, me)


def read_records_file(data: bytes, name: str, password: str | None = None, me: str = "") -> RecordFile | None:
    """`ocr.records.read_records` of a file that looks like records (which see)."""
    found = _read_one(data, name, password, me)
    if found is not None and not found.records and found.bad_rows:
        first = "; ".join(f"row {b.row}: {b.reason}" for b in found.bad_rows[:3])
        raise UnreadableRecords(RecordProblem.NO_ROWS, f"no row could be read ({first})")
    return found

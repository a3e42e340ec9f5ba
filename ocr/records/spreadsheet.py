"""Rows of the first sheet of an XLSX bill (微信支付账单 also comes as XLSX, header in row 18)."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime

from ocr.records.tables import Row
from ocr.records.types import RecordProblem, UnreadableRecords

MAX_SHEET_ROWS = 1_000_000
"""Excel's own row limit; a sheet claiming more is not a bill."""


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_spreadsheet(archive: zipfile.ZipFile) -> bool:
    return "xl/workbook.xml" in archive.namelist()


def xlsx_rows(data: bytes) -> list[Row]:
    """(row number, cell texts) of the first sheet, blank rows skipped."""
    from openpyxl import load_workbook  # imported here: only XLSX bills need it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises KeyError, ValueError, zipfile and XML errors alike
        raise UnreadableRecords(RecordProblem.DAMAGED_SPREADSHEET, f"the spreadsheet cannot be read ({e})") from e
    try:
        sheet = book.worksheets[0]
        rows: list[Row] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_SHEET_ROWS:
                raise UnreadableRecords(RecordProblem.DAMAGED_SPREADSHEET, f"the sheet has over {MAX_SHEET_ROWS:,} rows")
            cells = [_cell_text(v) for v in values]
            if any(c.strip() for c in cells):
                rows.append((number, cells))
        return rows
    finally:
        book.close()

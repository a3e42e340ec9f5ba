"""Text and tables from export files: charset detection, CSV rows, cell clean-up, the header row.

The exports pad cells with spaces and end every long number with a TAB, so a spreadsheet keeps it
as text instead of 4.2e27; `/` stands for an empty cell in WeChat Pay's bill. Rows keep their line
number in the file, so a problem can name it.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from charset_normalizer import from_bytes

from ocr.records.types import RecordProblem, UnreadableRecords

Row = tuple[int, list[str]]
"""(line number in the source, cells)."""

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))
_EMPTY_MARKS = {"/", "--", "-"}
HEADER_SEARCH_ROWS = 80
"""How far down the preamble the header row is looked for (the exports have 16 to 25 lines)."""


def decode_text(data: bytes) -> str:
    """The file's text in the charset it was written in: a BOM, else UTF-8, else what
    charset-normalizer finds most likely (支付宝's CSV is GBK)."""
    for encoding, bom in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise UnreadableRecords(RecordProblem.UNDECODABLE_TEXT, "the text is in no character set that can be recognised")
    return str(best)


def clean_cell(cell: str) -> str:
    """A cell without its padding, its trailing TAB, or WeChat Pay's "/" for nothing."""
    value = cell.strip().strip("\t").strip()
    return "" if value in _EMPTY_MARKS else value


def csv_rows(text: str) -> list[Row]:
    """Rows of a CSV text with the line each starts on; blank lines are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))  # csv's own line splitting: a lone CR is no error
    rows: list[Row] = []
    line = 1
    for cells in reader:
        if any(c.strip() for c in cells):
            rows.append((line, cells))
        line = reader.line_num + 1
    return rows


def find_header(rows: Sequence[Row], required: Iterable[str]) -> int | None:
    """Index of the first row (within the preamble) whose cells include every required column name."""
    wanted = set(required)
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if wanted <= {clean_cell(c) for c in cells}:
            return index
    return None

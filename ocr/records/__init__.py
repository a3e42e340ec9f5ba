"""Bill exports, chat logs and their archives read as rows (records), without any vault.

`read_records` tells a records file by its content: a ZIP (an XLSX and an OFD e-invoice are ZIPs
too, told apart by their parts), a 数电票 XML, a CSV whose header row is a known bill or chat
layout, or a text whose lines are chat message heads. A file that is none of these is not a
records file (None) and goes through the image and PDF policy (a PDF invoice is OCR'd as a page).

The readers (ocr/records/reading.py) load pyzipper, ofdkit, charset-normalizer and the field
extractors, 0.2 s that every `evidence-vault` command paid at start through vault.store: they are
imported when the first file that may be records is read, never for pictures and PDFs.
"""
from __future__ import annotations

from ocr.records.types import BadRow, Direction, Record, RecordFile, RecordProblem, UnreadableRecords

__all__ = [
    "BadRow", "Direction", "Record", "RecordFile", "RecordProblem", "UnreadableRecords", "looks_like_records",
    "read_records",
]

ZIP_MAGIC = b"PK\x03\x04"
_BINARY_PROBE = 4096


def looks_like_records(data: bytes, name: str) -> bool:
    """Cheap test of whether a file should be read as records rather than as an image or PDF."""
    if data.startswith(ZIP_MAGIC):
        return True
    return b"\x00" not in data[:_BINARY_PROBE] and not data.startswith((b"%PDF-", b"\x89PNG", b"\xff\xd8\xff"))


def read_records(data: bytes, name: str, password: str | None = None, me: str = "") -> RecordFile | None:
    """The rows of a bill, chat, e-invoice or archive of one; None when the file is no records file.

    Raises UnreadableRecords when it is one but cannot be read (unknown layout, wrong password,
    damaged archive or OFD, an XML that is no invoice, no row that parses). `me` is the person's
    chat name for pasted chats.
    """
    if not looks_like_records(data, name):
        return None
    from ocr.records.reading import read_records_file

    return read_records_file(data, name, password, me)

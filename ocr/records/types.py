"""Rows read from bill and chat exports: plain data, before the vault stores them as records."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ocr.errors import OcrError
from ocr.types import ExtractedField


class Direction(StrEnum):
    """收/支 of a bill row; 不计 is the exports' 中性交易 / 不计收支 (transfers, repayments)."""

    IN = "收"
    OUT = "支"
    NEUTRAL = "不计"
    NONE = ""


@dataclass(frozen=True, slots=True)
class Record:
    """One row of a bill or one message of a chat; `row` is its line number in the source file.

    `time` is ISO 8601 with its offset (the exports print China time, +08:00). A bill row's
    `amount` is signed by its direction ("-199.00" paid, "50.00" received). A chat message fills
    `sender`, `is_me`, `text` and `media` ("[图片]" for a picture it only names).
    """

    row: int
    time: str = ""
    counterparty: str = ""
    description: str = ""
    direction: Direction = Direction.NONE
    amount: str = ""
    refunded: str = ""
    status: str = ""
    category: str = ""
    method: str = ""
    transaction_no: str = ""
    order_no: str = ""
    note: str = ""
    sender: str = ""
    is_me: bool = False
    text: str = ""
    media: str = ""

    def search_text(self) -> str:
        """Every value a person might type to find this row, one per line."""
        values = (self.time, self.counterparty, self.description, self.amount, self.status, self.category,
                  self.method, self.transaction_no, self.order_no, self.note, self.sender, self.text, self.media)
        return "\n".join(v for v in values if v)


@dataclass(frozen=True, slots=True)
class BadRow:
    """A source row that did not parse: kept out of the records and listed for the person."""

    row: int
    reason: str


@dataclass(frozen=True, slots=True)
class RecordFile:
    """What a bill, chat or invoice file holds: its layout, the evidence kind and the rows."""

    layout: str
    """e.g. "wechat_pay_csv", "alipay_csv", "jd_csv", "wechat_chat_txt", "ofd_invoice", "einvoice_xml"."""
    kind: str
    """An ocr.types.KINDS value: bill, chat or invoice."""
    records: tuple[Record, ...]
    bad_rows: tuple[BadRow, ...] = field(default=())
    inner_name: str = ""
    """The name of the file read inside an archive, "" when the file itself was read."""
    fields: tuple[ExtractedField, ...] = field(default=())
    """Facts the file states of itself (an invoice's number, date, totals), stored as the item's fields."""


class RecordProblem(StrEnum):
    """Why a file that looks like a bill, chat, e-invoice or archive cannot be read: stable codes."""

    UNKNOWN_TABLE = "unknown_table"
    UNDECODABLE_TEXT = "undecodable_text"
    NO_ROWS = "no_rows"
    PASSWORD_NEEDED = "password_needed"
    WRONG_PASSWORD = "wrong_password"
    DAMAGED_ARCHIVE = "damaged_archive"
    DAMAGED_SPREADSHEET = "damaged_spreadsheet"
    DAMAGED_OFD = "damaged_ofd"
    DAMAGED_XML = "damaged_xml"
    NOT_AN_INVOICE = "not_an_invoice"


class UnreadableRecords(OcrError):
    """A records file that cannot be read at all, with its `RecordProblem` and an English detail."""

    def __init__(self, problem: RecordProblem, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem
        self.detail = detail

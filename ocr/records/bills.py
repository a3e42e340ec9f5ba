"""Bill exports of WeChat Pay, Alipay and JD as records, recognised by their header row.

Layouts (as the apps export them; the preamble above the header varies in length, so the header
is searched for, never counted to):

- 微信支付账单明细 (CSV, UTF-8; XLSX with the header in row 18): about 16 preamble lines (微信昵称,
  起始时间/终止时间, 共N笔记录, 收入/支出/中性交易 totals, 注), a line
  ``----------------------微信支付账单明细列表--------------------``, then
  ``交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注``.
  Amounts are ``¥28.16``; 收/支 is 收入, 支出 or ``/`` (中性交易); numbers end with a TAB.
- 支付宝交易明细 (CSV, GBK): about 24 preamble lines (姓名, 支付宝账户, 起始时间, 共N笔记录, 特别提示),
  then ``交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,``
  with a trailing comma and cells padded with spaces; 收/支 is 收入, 支出 or 不计收支. The older
  export has the same columns in another order (``收/支,交易对方,对方账号,商品说明,收/付款方式,金额,
  交易状态,交易分类,交易订单号,商家订单号,交易时间,``): columns are found by name.
- 京东账单 (CSV, UTF-8 with BOM): about 21 preamble lines (京东账号名, 日期区间, 导出时间), then
  ``交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易分类,交易订单号,商家订单号,备注``;
  a refunded amount reads ``131.77(已退款89.84)`` or ``131.77(已全额退款)``.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from ocr.records.tables import Row, clean_cell, find_header
from ocr.records.types import BadRow, Direction, Record, RecordFile

CHINA_TZ = ZoneInfo("Asia/Shanghai")
"""The exports print Beijing time without saying so."""

_COMMON_COLUMNS = {"收/支": "direction", "备注": "note"}


@dataclass(frozen=True, slots=True)
class BillLayout:
    name: str
    signature: tuple[str, ...]
    """Column names that together tell this export from the others."""
    columns: Mapping[str, str]
    """Column name → Record attribute."""


BILL_LAYOUTS = (
    BillLayout(
        "wechat_pay",
        ("交易时间", "交易类型", "交易对方", "当前状态", "交易单号", "商户单号"),
        {"交易时间": "time", "交易类型": "category", "交易对方": "counterparty", "商品": "description",
         "金额(元)": "amount", "金额（元）": "amount", "支付方式": "method", "当前状态": "status",
         "交易单号": "transaction_no", "商户单号": "order_no", **_COMMON_COLUMNS},
    ),
    BillLayout(
        "alipay",
        ("交易时间", "交易对方", "对方账号", "商品说明", "交易订单号", "商家订单号"),
        {"交易时间": "time", "交易分类": "category", "交易对方": "counterparty", "商品说明": "description",
         "金额": "amount", "收/付款方式": "method", "交易状态": "status", "交易订单号": "transaction_no",
         "商家订单号": "order_no", **_COMMON_COLUMNS},
    ),
    BillLayout(
        "jd",
        ("交易时间", "商户名称", "交易说明", "交易订单号", "商家订单号"),
        {"交易时间": "time", "商户名称": "counterparty", "交易说明": "description", "金额": "amount",
         "收/付款方式": "method", "交易状态": "status", "交易分类": "category", "交易订单号": "transaction_no",
         "商家订单号": "order_no", **_COMMON_COLUMNS},
    ),
)

_DIRECTIONS = {"收入": Direction.IN, "收": Direction.IN, "支出": Direction.OUT, "支": Direction.OUT,
               "不计收支": Direction.NEUTRAL, "中性交易": Direction.NEUTRAL, "": Direction.NEUTRAL}
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")
_AMOUNT = re.compile(r"^[¥￥]?\s*(?P<value>-?[\d,]+(?:\.\d{1,2})?)\s*(?:[(（](?P<refund>[^)）]*)[)）])?$")
_REFUND = re.compile(r"已退款\s*[¥￥]?(?P<value>[\d,]+(?:\.\d{1,2})?)")


class RowError(ValueError):
    """A cell of one row that does not parse; the message names the column."""


def china_time(text: str) -> str:
    """An export's local time as ISO 8601 with +08:00."""
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=CHINA_TZ).isoformat()
        except ValueError:
            continue
    raise RowError(f"交易时间 {text!r} is not a date and time")


def _amount(text: str, direction: Direction) -> tuple[str, str]:
    """(signed amount, refunded amount) of a cell like ¥28.16 or 131.77(已退款89.84)."""
    match = _AMOUNT.match(text.replace(" ", ""))
    if match is None:
        raise RowError(f"金额 {text!r} is not an amount")
    try:
        value = Decimal(match["value"].replace(",", ""))
    except InvalidOperation as e:
        raise RowError(f"金额 {text!r} is not an amount") from e
    refunded = ""
    if match["refund"]:
        if "全额退款" in match["refund"]:
            refunded = f"{value:.2f}"
        elif (partial := _REFUND.search(match["refund"])) is not None:
            refunded = f"{Decimal(partial['value'].replace(',', '')):.2f}"
    signed = -value if direction == Direction.OUT else value
    return f"{signed:.2f}", refunded


def _record(line: int, values: Mapping[str, str]) -> Record:
    if not values.get("time"):
        raise RowError("交易时间 is empty")
    direction_text = values.get("direction", "")
    if direction_text not in _DIRECTIONS:
        raise RowError(f"收/支 {direction_text!r} is neither 收入, 支出 nor 不计收支")
    direction = _DIRECTIONS[direction_text]
    amount, refunded = _amount(values.get("amount", ""), direction)
    fields = {k: v for k, v in values.items() if k not in {"time", "direction", "amount"}}
    return Record(line, time=china_time(values["time"]), direction=direction, amount=amount, refunded=refunded,
                  **fields)


def _layout_of(rows: Sequence[Row]) -> tuple[BillLayout, int] | None:
    for layout in BILL_LAYOUTS:
        index = find_header(rows, layout.signature)
        if index is not None:
            return layout, index
    return None


def read_bill(rows: Sequence[Row], container: str) -> RecordFile | None:
    """The bill in these rows, or None when no known header row is there.

    `container` is "csv" or "xlsx", for the layout name. A row that is short (a truncated file),
    long, or has a cell that does not parse becomes a BadRow; the summary lines some exports
    print below the rows are not rows.
    """
    found = _layout_of(rows)
    if found is None:
        return None
    layout, header_index = found
    header = [clean_cell(c) for c in rows[header_index][1]]
    while header and not header[-1]:
        header.pop()  # 支付宝's trailing comma
    positions = {i: layout.columns[name] for i, name in enumerate(header) if name in layout.columns}
    records: list[Record] = []
    bad: list[BadRow] = []
    for line, cells in rows[header_index + 1:]:
        cleaned = [clean_cell(c) for c in cells]
        while len(cleaned) > len(header) and not cleaned[-1]:
            cleaned.pop()
        if len(cleaned) == 1 or cleaned[0].startswith("-"):
            continue  # a closing line such as ------ or 共N笔记录 below the table
        if len(cleaned) != len(header):
            bad.append(BadRow(line, f"has {len(cleaned)} cells, the header has {len(header)}"))
            continue
        try:
            records.append(_record(line, {attr: cleaned[i] for i, attr in positions.items()}))
        except RowError as e:
            bad.append(BadRow(line, str(e)))
    return RecordFile(f"{layout.name}_{container}", "bill", tuple(records), tuple(bad))

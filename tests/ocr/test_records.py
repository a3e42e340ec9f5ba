"""Bill, chat and archive files read as records, one table per format and per bad input."""
from __future__ import annotations

import pytest

from bench.record_files import (
    WECHAT_HEADER, alipay_csv, bill_rows, chat_csv, chat_txt, encrypted_zip, jd_csv, wechat_csv, wechat_xlsx,
)
from ocr.records import Direction, RecordProblem, UnreadableRecords, read_records

ROWS = bill_rows(6, seed=3)


@pytest.mark.parametrize(
    ("name", "data", "layout", "first_row"),
    [
        pytest.param("微信支付账单.csv", wechat_csv(ROWS), "wechat_pay_csv", 18, id="wechat-csv"),
        pytest.param("微信支付账单.xlsx", wechat_xlsx(ROWS), "wechat_pay_xlsx", 18, id="wechat-xlsx-row-18"),
        pytest.param("alipay_record.csv", alipay_csv(ROWS), "alipay_csv", 18, id="alipay-gbk"),
        pytest.param("alipay_old.csv", alipay_csv(ROWS, old_order=True), "alipay_csv", 18, id="alipay-old-order"),
        pytest.param("京东交易流水.csv", jd_csv(ROWS), "jd_csv", 22, id="jd-bom"),
        pytest.param("bill.zip", encrypted_zip("微信支付账单.csv", wechat_csv(ROWS), "654321"), "wechat_pay_csv", 18,
                     id="wechat-aes-zip"),
    ],
)
def test_bill_layouts_give_every_row_with_its_numbers(name: str, data: bytes, layout: str, first_row: int) -> None:
    found = read_records(data, name, password="654321")
    assert found is not None and (found.layout, found.kind) == (layout, "bill")
    assert [r.transaction_no for r in found.records] == [r.transaction_no for r in ROWS]
    assert [r.order_no for r in found.records] == [r.order_no for r in ROWS]
    assert found.records[0].row == first_row and found.bad_rows == ()
    first = found.records[0]
    assert first.time == ROWS[0].time.isoformat() + "+08:00"
    assert first.amount == ("-" if ROWS[0].out else "") + ROWS[0].amount


@pytest.mark.parametrize(
    ("cell", "direction", "amount", "refunded"),
    [
        pytest.param("131.77(已退款89.84)", "支出", "-131.77", "89.84", id="partly-refunded"),
        pytest.param("131.77(已全额退款)", "支出", "-131.77", "131.77", id="fully-refunded"),
        pytest.param("¥28.16", "收入", "28.16", "", id="yuan-sign-income"),
        pytest.param('"1,024.00"', "不计收支", "1024.00", "", id="thousands-neutral"),
    ],
)
def test_amount_cells(cell: str, direction: str, amount: str, refunded: str) -> None:
    line = ["2024-03-01 10:00:00", "京东", "耳机", cell, "零钱", "交易成功", direction, "数码", "111\t", "222\t", ""]
    data = ("\ufeff" + ",".join(["交易时间", "商户名称", "交易说明", "金额", "收/付款方式", "交易状态", "收/支",
                                  "交易分类", "交易订单号", "商家订单号", "备注"]) + "\n" + ",".join(line) + "\n").encode()
    (record,) = read_records(data, "jd.csv").records
    assert (record.amount, record.refunded) == (amount, refunded)
    assert record.direction == {"支出": Direction.OUT, "收入": Direction.IN, "不计收支": Direction.NEUTRAL}[direction]


def test_bad_rows_are_listed_by_row_and_good_rows_kept() -> None:
    lines = wechat_csv(ROWS).decode().splitlines()
    lines[18] = lines[18].replace("2024-", "20x4-", 1)  # row 19: the second data row
    lines[20] = lines[20].replace("¥", "约", 1)
    truncated = "\r\n".join(lines)[:-40]  # the last row cut short, as by an interrupted download
    found = read_records(truncated.encode(), "微信支付账单.csv")
    assert [b.row for b in found.bad_rows] == [19, 21, 23]
    assert "交易时间" in found.bad_rows[0].reason and "金额" in found.bad_rows[1].reason
    assert "cells" in found.bad_rows[2].reason
    assert len(found.records) == len(ROWS) - 3


@pytest.mark.parametrize(
    ("name", "data", "password", "problem"),
    [
        pytest.param("bill.csv", "名称,数量\n苹果,3\n".encode(), None, RecordProblem.UNKNOWN_TABLE, id="unknown-csv"),
        pytest.param("bill.zip", encrypted_zip("a.csv", wechat_csv(ROWS), "654321"), "000000",
                     RecordProblem.WRONG_PASSWORD, id="wrong-password"),
        pytest.param("bill.zip", encrypted_zip("a.csv", wechat_csv(ROWS), "654321"), None,
                     RecordProblem.PASSWORD_NEEDED, id="no-password"),
        pytest.param("bill.zip", encrypted_zip("a.csv", wechat_csv(ROWS), "654321")[:200], "654321",
                     RecordProblem.DAMAGED_ARCHIVE, id="truncated-zip"),
        pytest.param("bill.csv", wechat_csv(ROWS).decode().encode("utf-8").decode("latin-1").encode("utf-8"), None,
                     RecordProblem.UNKNOWN_TABLE, id="mis-encoded-twice"),
        pytest.param("x.csv", (",".join(WECHAT_HEADER) + "\n昨天,商户消费,京东,耳机,支出,¥1.00,零钱,支付成功,1,2,/\n").encode(),
                     None, RecordProblem.NO_ROWS, id="no-row-parses"),
    ],
)
def test_unreadable_files_say_why(name: str, data: bytes, password: str | None, problem: RecordProblem) -> None:
    with pytest.raises(UnreadableRecords) as caught:
        read_records(data, name, password=password)
    assert caught.value.problem == problem


@pytest.mark.parametrize(
    ("data", "layout", "senders", "media"),
    [
        pytest.param(chat_txt("250123456789"), "wechat_chat_txt", ["京东客服-小美", "我", "我", "京东客服-小美"],
                     ["", "", "[图片]", ""], id="export-tool-txt"),
        pytest.param(chat_csv("250123456789"), "wechat_chat_csv", ["jdkefu01", "我", "我"], ["", "", "[图片]"],
                     id="export-tool-csv"),
        pytest.param("京东客服 2024/3/5 10:00:00\n您好\n小明 2024/3/5 10:01:00\n订单250123456789怎么还没到\n".encode(),
                     "pasted_chat", ["京东客服", "小明"], ["", ""], id="pasted-name-first"),
    ],
)
def test_chat_layouts(data: bytes, layout: str, senders: list[str], media: list[str]) -> None:
    found = read_records(data, "chat.txt", me="小明")
    assert (found.layout, found.kind) == (layout, "chat")
    assert [r.sender for r in found.records] == senders
    assert [r.media for r in found.records] == media
    assert [r.is_me for r in found.records] == [s in {"我", "小明"} for s in senders]
    assert any("250123456789" in r.text for r in found.records)
    assert found.records[0].time == "2024-03-05T10:00:00+08:00"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("note.txt", "买了一个耳机，2024-03-05 10:00 付的款".encode(), id="note-with-one-date"),
        pytest.param("shot.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, id="image"),
    ],
)
def test_other_files_are_no_records(name: str, data: bytes) -> None:
    assert read_records(data, name) is None

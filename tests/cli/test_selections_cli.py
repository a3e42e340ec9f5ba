"""`pick` makes, lists, changes and deletes picks of rows; `records --filter` lists an item's rows."""
from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

import pytest

from bench.record_files import bill_rows, wechat_csv
from cli.selections import parse_rows, row_ranges

ROWS = bill_rows(30, seed=12)
FIRST_ROW = 18


@pytest.fixture
def bill(cli, tmp_path: Path) -> str:
    path = tmp_path / "微信支付账单.csv"
    path.write_bytes(wechat_csv(ROWS))
    assert cli("init")[0] == 0 and cli("case", "add", "退款纠纷")[0] == 0
    code, _, err = cli("import", "--no-ocr", str(path))
    assert code == 0, err
    return str(json.loads(cli("list", "--json")[1])[0]["id"])


def test_pick_list_update_delete(cli, bill: str) -> None:
    code, out, err = cli("pick", bill, "--rows", "20,18,25-27", "--title", "四笔退款", "--purpose", "证明已退款")
    assert code == 0, err
    assert "Selection 1 of item" in out and "5 rows (18,20,25-27) — 四笔退款" in out
    picks = json.loads(cli("pick", "--list", bill, "--json")[1])
    assert [(p["id"], p["rows"], p["title"], p["purpose"]) for p in picks] == [
        (1, [18, 20, 25, 26, 27], "四笔退款", "证明已退款")]
    assert [r["transaction_no"] for r in picks[0]["records"]] == [
        ROWS[n - FIRST_ROW].transaction_no for n in (18, 20, 25, 26, 27)]
    assert cli("pick", "--update", "1", "--rows", "19")[0] == 0
    assert cli("pick", "--list", bill)[1] == "1\t1\t19\t四笔退款\t证明已退款\n"
    shown = json.loads(cli("show", bill, "--json")[1])
    assert [(p["id"], p["rows"], p["title"]) for p in shown["selections"]] == [(1, [19], "四笔退款")]
    assert cli("pick", "--delete", "1")[0] == 0
    assert cli("pick", "--list", bill)[1] == ""
    actions = [e["action"] for e in json.loads(cli("log", "--item", bill, "--json")[1])]
    assert actions[-3:] == ["selection.create", "selection.update", "selection.delete"]
    assert cli("verify")[0] == 0


def test_two_picks_export_as_two_exhibits_that_a_recipient_finds_intact(cli, bill: str, tmp_path: Path) -> None:
    assert cli("pick", bill, "--rows", "18-19", "--title", "两笔")[0] == 0
    assert cli("pick", bill, "--rows", "30")[0] == 0
    dossier = tmp_path / "dossier.pdf"
    code, _, err = cli("export", "-o", str(dossier))
    assert code == 0, err
    code, out, err = cli("check-dossier", str(dossier), "--json")
    report = json.loads(out)
    assert code == 0 and report["intact"] and len(report["attachments"]) == 1, out + err
    text = subprocess.run(["pdftotext", str(dossier), "-"], capture_output=True, text=True, check=True).stdout
    assert all(ROWS[n - FIRST_ROW].transaction_no in text for n in (18, 19, 30))
    assert ROWS[20 - FIRST_ROW].transaction_no not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--rows", "17"], "no record at row 17", id="header-row"),
        pytest.param(["--rows", "5-3"], "not a range of rows from low to high", id="backwards-range"),
        pytest.param(["--rows", "3,x"], "'x' is not a row number", id="not-a-number"),
        pytest.param([], "say which rows of which item", id="no-rows"),
        pytest.param(["--rows", "18", "--list", "1"], "does not go with --list", id="rows-with-list"),
    ],
)
def test_bad_picks_exit_2_with_the_reason(cli, bill: str, args: list[str], message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code, out, err = cli("pick", *([bill] if "--list" not in args else []), *args)
    except SystemExit as e:  # argparse refuses a malformed --rows before the command runs
        code, err = e.code, capsys.readouterr().err
    assert code == 2 and message in err
    assert cli("pick", "--list", bill)[1] == ""


def test_unknown_pick_and_nothing_to_change(cli, bill: str) -> None:
    code, _, err = cli("pick", "--delete", "7")
    assert code == 2 and "no selection with id 7" in err
    code, _, err = cli("pick", "--update", "7")
    assert code == 2 and "nothing to change" in err


def test_records_filter_pages_and_counts(cli, bill: str) -> None:
    wanted = ROWS[9]
    listed = json.loads(cli("records", bill, "--filter", wanted.transaction_no, "--json")[1])
    assert (listed["total"], listed["matched"]) == (len(ROWS), 1)
    assert [(r["row"], r["transaction_no"]) for r in listed["records"]] == [(FIRST_ROW + 9, wanted.transaction_no)]
    page = json.loads(cli("records", bill, "--offset", "10", "--limit", "5", "--json")[1])
    assert [r["row"] for r in page["records"]] == list(range(FIRST_ROW + 10, FIRST_ROW + 15))
    code, out, _ = cli("records", bill, "--filter", wanted.transaction_no)
    assert code == 0 and f"row {FIRST_ROW + 9}" in out and "1 of 30 rows match" in out


@pytest.mark.parametrize(
    ("spec", "rows"),
    [
        pytest.param("3,7,12-14", [3, 7, 12, 13, 14], id="list-and-range"),
        pytest.param(" 3 ，4", [3, 4], id="spaces-and-chinese-comma"),
        pytest.param("9-9", [9], id="one-row-range"),
    ],
)
def test_row_specs(spec: str, rows: list[int]) -> None:
    assert parse_rows(spec) == rows
    assert parse_rows(row_ranges(rows)) == rows


def test_a_huge_range_is_refused_before_it_is_built() -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_rows("1-9999999999")

"""`import --zip-password-file`, `search --json` with matching records, `show --json` with all."""
from __future__ import annotations

import json
from pathlib import Path

from bench.record_files import bill_rows, chat_txt, encrypted_zip, wechat_csv

ROWS = bill_rows(12, seed=4)


def test_zip_bill_and_chat_found_by_one_order_number(cli, tmp_path: Path) -> None:
    (tmp_path / "pw.txt").write_text("246810\n", encoding="utf-8")
    (tmp_path / "bill.zip").write_bytes(encrypted_zip("微信支付账单.csv", wechat_csv(ROWS), "246810"))
    (tmp_path / "chat.txt").write_bytes(chat_txt(ROWS[2].order_no))
    assert cli("init")[0] == 0
    code, out, err = cli("import", "--no-ocr", "--zip-password-file", str(tmp_path / "pw.txt"),
                         str(tmp_path / "bill.zip"), str(tmp_path / "chat.txt"))
    assert code == 0, err
    assert "Imported 2" in out and "12 records stored" in err + out
    code, out, _ = cli("search", "--json", ROWS[2].order_no)
    hits = json.loads(out)
    assert [len(h["records"]) for h in hits] == [1, 1]
    bill_row = next(h["records"][0] for h in hits if h["kind"] == "bill")
    assert (bill_row["row"], bill_row["order_no"], bill_row["amount"]) == (
        20, ROWS[2].order_no, ("-" if ROWS[2].out else "") + ROWS[2].amount)
    shown = json.loads(cli("show", "--json", str(next(h["id"] for h in hits if h["kind"] == "bill")))[1])
    assert len(shown["records"]) == len(ROWS)


def test_wrong_zip_password_names_the_file(cli, tmp_path: Path) -> None:
    (tmp_path / "pw.txt").write_text("000000", encoding="utf-8")
    (tmp_path / "bill.zip").write_bytes(encrypted_zip("a.csv", wechat_csv(ROWS), "246810"))
    assert cli("init")[0] == 0
    code, out, err = cli("import", "--no-ocr", "--zip-password-file", str(tmp_path / "pw.txt"), str(tmp_path / "bill.zip"))
    assert code == 2 and "bill.zip" in err + out and "password does not open a.csv" in err + out

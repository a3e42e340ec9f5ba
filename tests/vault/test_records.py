"""Bill and chat exports in the vault: one item byte-exact, its rows as searchable records."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bench.record_files import bill_rows, chat_txt, encrypted_zip, jd_csv, wechat_csv
from tests.factories import png_bytes
from vault.errors import Rejection
from vault.evidence import ImportStatus
from vault.ingest import IngestOptions, ingest
from vault.store import Vault
from vault.verify import verify

ROWS = bill_rows(40, seed=9)


def test_bill_is_one_item_with_its_rows_and_a_log_entry(vault: Vault, case_id: int) -> None:
    data = jd_csv(ROWS)
    outcome = vault.import_bytes(case_id, data, "京东交易流水.csv")
    assert (outcome.status, outcome.records, outcome.bad_rows) == (ImportStatus.IMPORTED, len(ROWS), ())
    item = vault.item(outcome.item_id)
    assert (item.kind, item.media_type, item.ocr_state) == ("bill", "text/csv", "skipped")
    assert vault.original(item.id) == data and item.sha256 == hashlib.sha256(data).hexdigest()
    stored = vault.records(item.id)
    assert [r.order_no for r in stored] == [r.order_no for r in ROWS]
    assert stored[0].row == 22 and vault.record_count(item.id) == len(ROWS)
    entry = vault.audit_entries(item.id)[-1]
    assert (entry.action, entry.payload["records"], entry.payload["layout"]) == ("item.import", len(ROWS), "jd_csv")
    assert verify(vault) == []


def test_one_order_number_finds_the_screenshot_the_bill_row_and_the_chat(vault: Vault, case_id: int) -> None:
    order_no = ROWS[7].order_no
    shot = vault.import_bytes(case_id, png_bytes(seed=5), "shot.png").item_id
    vault.add_user_field(shot, "order_no", order_no)
    bill = vault.import_bytes(case_id, wechat_csv(ROWS), "bill.csv").item_id
    chat = vault.import_bytes(case_id, chat_txt(order_no), "chat.txt").item_id
    assert set(i.id for i in vault.search(order_no)) == {shot, bill, chat}
    matched = vault.matching_records(order_no, [shot, bill, chat])
    assert [r.row for r in matched[bill]] == [18 + 7]
    assert [r.sender for r in matched[chat]] == ["我"]
    assert [i.id for i in vault.search(ROWS[3].transaction_no)] == [bill]
    assert chat in {i.id for i in vault.search("回电")}, "two-character Chinese words find messages"


def test_deleting_the_item_drops_its_records_from_search(vault: Vault, case_id: int) -> None:
    bill = vault.import_bytes(case_id, wechat_csv(ROWS), "bill.csv").item_id
    vault.delete_item(bill)
    assert vault.search(ROWS[0].transaction_no) == [] and vault.search("外卖") == []
    assert vault.db.query("SELECT count(*) FROM records")[0][0] == 0


def test_bad_rows_are_reported_and_good_ones_kept(vault: Vault, case_id: int) -> None:
    lines = wechat_csv(ROWS).decode().splitlines()
    lines[20] = lines[20].replace("¥", "约", 1)
    outcome = vault.import_bytes(case_id, "\r\n".join(lines).encode(), "bill.csv")
    assert outcome.records == len(ROWS) - 1 and [r for r, _ in outcome.bad_rows] == [21]
    assert vault.audit_entries(outcome.item_id)[-1].payload["bad_rows"] == [21]


@pytest.mark.parametrize(
    ("name", "data", "password", "reason"),
    [
        pytest.param("x.csv", "名称,数量\n苹果,3\n".encode(), None, Rejection.UNKNOWN_TABLE, id="unknown-csv"),
        pytest.param("bill.zip", encrypted_zip("b.csv", wechat_csv(ROWS), "112233"), "999999", Rejection.WRONG_PASSWORD,
                     id="wrong-zip-password"),
        pytest.param("bill.zip", encrypted_zip("b.csv", wechat_csv(ROWS), "112233"), None, Rejection.PASSWORD_NEEDED,
                     id="zip-without-password"),
    ],
)
def test_unreadable_exports_change_nothing(
    vault: Vault, case_id: int, name: str, data: bytes, password: str | None, reason: Rejection
) -> None:
    before = vault.audit_head()
    outcome = vault.import_bytes(case_id, data, name, password=password)
    assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, reason)
    assert vault.items() == [] and vault.audit_head() == before


def test_ingest_opens_a_zip_with_the_password_and_never_keeps_it(vault: Vault, case_id: int, tmp_path: Path) -> None:
    archive = tmp_path / "微信支付账单(20240301-20241231).zip"
    archive.write_bytes(encrypted_zip("微信支付账单.csv", wechat_csv(ROWS), "583920"))
    report = ingest(vault, case_id, [archive], IngestOptions(read=False, zip_password="583920"))
    (item_id,) = report.imported_ids
    assert vault.item(item_id).media_type == "application/zip" and vault.record_count(item_id) == len(ROWS)
    assert vault.original(item_id) == archive.read_bytes()
    assert "583920" not in repr(IngestOptions(zip_password="583920"))
    log = [str(e.payload) for e in vault.audit_entries()]
    assert not any("583920" in entry for entry in log)
    assert vault.audit_entries(item_id)[-1].payload["inner_name"] == "微信支付账单.csv"


def test_every_records_problem_is_a_rejection_reason() -> None:
    """The store turns a reader's RecordProblem into a Rejection by value; a new problem needs its reason."""
    from ocr.records import RecordProblem
    from vault.errors import Rejection

    assert {problem.value for problem in RecordProblem} <= {reason.value for reason in Rejection}

"""Picked rows of a bill or chat export: stored by source row, logged, checked, removed with the item."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.record_files import bill_rows, chat_txt, wechat_csv
from tests.factories import png_bytes
from tests.vault.conftest import PASSPHRASE
from vault import audit
from vault.database import Database
from vault.errors import NotFound
from vault.evidence import Problem, ProblemCode, ProblemPart, ProblemPlace
from vault.schema import SCHEMA_VERSION
from vault.selections import (
    SelectionProblem,
    SelectionRefused,
    case_selections,
    create_selection,
    delete_selection,
    filter_records,
    selected_records,
    selections,
    update_selection,
)
from vault.store import Vault
from vault.verify import verify

ROWS = bill_rows(40, seed=21)
FIRST_ROW = 18
"""The generated WeChat Pay bill has its header on line 17, so its first record is row 18."""


@pytest.fixture
def bill(vault: Vault, case_id: int) -> int:
    return vault.import_bytes(case_id, wechat_csv(ROWS), "微信支付账单.csv").item_id


def test_create_stores_rows_ascending_once_with_a_log_entry(vault: Vault, bill: int) -> None:
    made = create_selection(vault, bill, [25, 19, 25, 22], title=" 三笔退款 ", purpose="证明已退款")
    assert (made.item_id, made.title, made.purpose, made.rows) == (bill, "三笔退款", "证明已退款", (19, 22, 25))
    assert selections(vault, bill) == [made]
    assert [r.row for r in selected_records(vault, made)] == [19, 22, 25]
    assert [r.transaction_no for r in selected_records(vault, made)] == [ROWS[n - FIRST_ROW].transaction_no
                                                                         for n in (19, 22, 25)]
    entry = vault.audit_entries(bill)[-1]
    assert (entry.action, entry.payload) == ("selection.create", {
        "selection_id": made.id, "item_id": bill, "title": "三笔退款", "purpose": "证明已退款", "rows": [19, 22, 25]})
    assert verify(vault) == []


def test_update_changes_what_is_given_and_logs_the_whole_new_state(vault: Vault, bill: int) -> None:
    made = create_selection(vault, bill, [20, 21], title="两笔", purpose="原目的")
    changed = update_selection(vault, made.id, rows=[30, 20, 31])
    assert (changed.title, changed.purpose, changed.rows, changed.created_at) == ("两笔", "原目的", (20, 30, 31),
                                                                              made.created_at)
    renamed = update_selection(vault, made.id, title="三笔", purpose="")
    assert (renamed.title, renamed.purpose, renamed.rows) == ("三笔", "", (20, 30, 31))
    assert selections(vault, bill) == [renamed]
    entry = vault.audit_entries()[-1]
    assert (entry.action, entry.payload["rows"], entry.payload["title"]) == ("selection.update", [20, 30, 31], "三笔")
    head = vault.audit_head()
    assert update_selection(vault, made.id) == renamed and vault.audit_head() == head, "nothing to change, no entry"
    assert verify(vault) == []


def test_delete_is_logged_and_ids_are_never_reused(vault: Vault, bill: int) -> None:
    first = create_selection(vault, bill, [18])
    second = create_selection(vault, bill, [19])
    delete_selection(vault, second.id)
    assert selections(vault, bill) == [first]
    entry = vault.audit_entries()[-1]
    assert (entry.action, entry.payload["selection_id"], entry.payload["rows"]) == ("selection.delete", second.id, [19])
    assert create_selection(vault, bill, [20]).id == second.id + 1
    assert verify(vault) == []


@pytest.mark.parametrize(
    ("rows", "message", "problem", "named"),
    [
        pytest.param([], "at least one row", SelectionProblem.NO_ROWS, (), id="no-rows"),
        pytest.param([FIRST_ROW - 1], "no record at row 17", SelectionProblem.UNKNOWN_ROWS, (17,), id="header-row"),
        pytest.param([20, 99, 100], "no record at row 99, 100", SelectionProblem.UNKNOWN_ROWS, (99, 100),
                     id="past-the-end"),
        pytest.param(["20"], "whole numbers", SelectionProblem.NOT_ROW_NUMBERS, (), id="not-a-number"),
    ],
)
def test_bad_rows_are_refused_with_a_reason_and_change_nothing(
    vault: Vault, bill: int, rows: list, message: str, problem: SelectionProblem, named: tuple[int, ...]
) -> None:
    head = vault.audit_head()
    with pytest.raises(SelectionRefused, match=message) as refused:
        create_selection(vault, bill, rows)
    assert (refused.value.problem, refused.value.rows) == (problem, named)
    made = create_selection(vault, bill, [20])
    with pytest.raises(ValueError, match=message):
        update_selection(vault, made.id, rows=rows)
    assert selections(vault, bill) == [made] and vault.audit_head()[0] == head[0] + 1


def test_an_item_without_records_and_unknown_ids(vault: Vault, case_id: int) -> None:
    shot = vault.import_bytes(case_id, png_bytes(seed=3), "shot.png").item_id
    with pytest.raises(SelectionRefused, match="has no records") as refused:
        create_selection(vault, shot, [1])
    assert refused.value.problem == SelectionProblem.NO_RECORDS
    for call in (lambda: create_selection(vault, 999, [1]), lambda: selections(vault, 999),
                 lambda: update_selection(vault, 999, title="x"), lambda: delete_selection(vault, 999),
                 lambda: filter_records(vault, 999, ""), lambda: case_selections(vault, 999)):
        with pytest.raises(NotFound):
            call()


def test_case_selections_group_by_item(vault: Vault, case_id: int, bill: int) -> None:
    chat = vault.import_bytes(case_id, chat_txt(ROWS[0].order_no), "chat.txt").item_id
    other_case = vault.add_case("另一件")
    elsewhere = vault.import_bytes(other_case, wechat_csv(ROWS[:5]), "b.csv").item_id
    a = create_selection(vault, bill, [18])
    b = create_selection(vault, chat, [4])
    c = create_selection(vault, bill, [19, 20])
    create_selection(vault, elsewhere, [18])
    assert case_selections(vault, case_id) == {bill: [a, c], chat: [b]}
    assert [r.text for r in selected_records(vault, b)] == [f"我的订单{ROWS[0].order_no}一直没发货"]


def test_deleting_the_item_deletes_its_selections_in_its_log_entry(vault: Vault, bill: int) -> None:
    kept = create_selection(vault, bill, [18])
    vault.delete_item(bill)
    assert vault.db.query("SELECT count(*) FROM selections")[0][0] == 0
    assert vault.db.query("SELECT count(*) FROM selection_rows")[0][0] == 0
    entry = vault.audit_entries()[-1]
    assert (entry.action, entry.payload["selections"]) == ("item.delete", [kept.id])
    assert verify(vault) == []


def test_filter_pages_matches_in_source_order_with_the_total(vault: Vault, bill: int) -> None:
    page, total = filter_records(vault, bill, "", offset=5, limit=10)
    assert total == len(ROWS) and [r.row for r in page] == list(range(FIRST_ROW + 5, FIRST_ROW + 15))
    wanted = ROWS[12]
    assert [r.row for r in filter_records(vault, bill, wanted.transaction_no)[0]] == [FIRST_ROW + 12]
    assert filter_records(vault, bill, wanted.transaction_no[4:14])[1] == 1, "part of a number"
    merchant = [n for n, row in enumerate(ROWS) if row.counterparty == "美团"]
    found, count = filter_records(vault, bill, "美团")
    assert count == len(merchant) and [r.row for r in found] == [FIRST_ROW + n for n in merchant]
    second_page, count = filter_records(vault, bill, "美团", offset=2, limit=2)
    assert count == len(merchant) and second_page == found[2:4]
    assert filter_records(vault, bill, "不存在的词") == ([], 0)


def test_filter_stays_inside_its_item(vault: Vault, case_id: int, bill: int) -> None:
    """Another export with the same rows must not count: the filter is of one item's rows."""
    twin = vault.import_bytes(case_id, wechat_csv(ROWS) + b"\r\n", "copy.csv").item_id
    assert filter_records(vault, bill, ROWS[3].transaction_no)[1] == 1
    assert filter_records(vault, twin, "外卖")[1] == filter_records(vault, bill, "外卖")[1] > 0


def test_filter_of_an_item_whose_ids_are_not_one_run(vault: Vault, case_id: int, bill: int) -> None:
    """Records of one import are one run of ids; should an item ever have two, the other's rows in between stay out."""
    twin = vault.import_bytes(case_id, wechat_csv(ROWS) + b"\r\n", "copy.csv").item_id
    with vault.db.transaction() as conn:
        conn.execute("INSERT INTO records(item_id, source_row, counterparty) VALUES (?, 999, '美团')", (bill,))
    takeaway = [FIRST_ROW + n for n, row in enumerate(ROWS) if row.goods == "晚餐外卖"]
    assert [r.row for r in filter_records(vault, bill, "外卖")[0]] == takeaway
    assert [r.row for r in filter_records(vault, twin, "外卖")[0]] == takeaway
    assert filter_records(vault, bill, ROWS[3].transaction_no[2:12])[1] == 1


def test_selection_changed_outside_the_app_is_reported(vault: Vault, bill: int) -> None:
    made = create_selection(vault, bill, [18, 19], title="两笔")
    gone = create_selection(vault, bill, [20])
    with vault.db.transaction() as conn:
        conn.execute("INSERT INTO selection_rows(selection_id, source_row) VALUES (?, 30)", (made.id,))
        conn.execute("DELETE FROM selections WHERE id = ?", (gone.id,))
    assert verify(vault) == [
        Problem(ProblemCode.ROW_REVERTED, ProblemPlace(ProblemPart.ITEM, bill),
                {"columns": f"rows of selection {made.id}"}),
        Problem(ProblemCode.ROW_REVERTED, ProblemPlace(ProblemPart.ITEM, bill),
                {"columns": f"all rows of selection {gone.id} (missing)"}),
    ]


def test_v4_vault_migrates_with_its_records_and_takes_selections(tmp_path: Path) -> None:
    path = tmp_path / "v4.evault"
    old = Vault(Database.create(path, PASSPHRASE, schema_version=4))
    with old.db.transaction() as conn:
        audit.append(conn, "vault.create", {})
    case_id = old.add_case("旧案件")
    bill = old.import_bytes(case_id, wechat_csv(ROWS), "bill.csv").item_id
    old.close()
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.db.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION == 5
        assert vault.record_count(bill) == len(ROWS)
        made = create_selection(vault, bill, [18, 57])
        assert [r.row for r in selected_records(vault, made)] == [18, 57]
        assert verify(vault) == []

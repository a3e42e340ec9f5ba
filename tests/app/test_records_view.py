"""A bill's rows in the detail pane: filtered by a number, counted, read a page at a time."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.mainwindow import MainWindow
from app.recordsview import PAGE_ROWS, RecordsView
from bench.record_files import BillRow, bill_rows, wechat_csv
from tests.app.conftest import PASSPHRASE
from vault.store import Vault

pytestmark = pytest.mark.gui

BILL_ROWS = 450
"""More than two pages, so scrolling has to read on."""


def import_bill(vault_path: Path, rows: list[BillRow]) -> int:
    """A generated WeChat Pay bill stored through the core, as an import stores it."""
    with Vault.open(vault_path, PASSPHRASE) as vault:
        case_id = vault.cases()[0].id
        return vault.import_bytes(case_id, wechat_csv(rows), "微信支付账单.csv").item_id


@pytest.fixture
def bill() -> list[BillRow]:
    return bill_rows(BILL_ROWS, seed=7)


@pytest.fixture
def bill_item(vault_path: Path, bill: list[BillRow]) -> int:
    return import_bill(vault_path, bill)


def open_bill(qtbot, window: MainWindow, item_id: int) -> RecordsView:  # type: ignore[no-untyped-def]
    window.workspace.open_item(item_id)
    view = window.workspace.detail.records_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    return view


def test_the_first_page_shows_with_the_count(qtbot, qtmodeltester, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_bill(qtbot, window, bill_item)
    assert window.workspace.detail.original_view.currentWidget() is view
    assert view.model.rowCount() == PAGE_ROWS, "one page, not the whole bill"
    assert view.count.text() == f"共 {BILL_ROWS} 条"
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert headers[0] == "行号" and "交易单号" in headers
    assert view.model.index(0, 0).data() == str(window.vault.records(bill_item)[0].row)
    qtmodeltester.check(view.model)


def test_scrolling_to_the_end_reads_the_next_pages(qtbot, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_bill(qtbot, window, bill_item)
    for loaded in (2 * PAGE_ROWS, BILL_ROWS):
        view.table.scrollToBottom()
        qtbot.waitUntil(lambda: view.model.rowCount() == loaded, timeout=10_000)
    assert not view.model.canFetchMore()
    assert [view.model.record_at(r).row for r in range(BILL_ROWS)] == [r.row for r in window.vault.records(bill_item)]


def test_a_transaction_number_filters_to_its_row(qtbot, bill: list[BillRow], bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_bill(qtbot, window, bill_item)
    wanted = bill[321]
    qtbot.keyClicks(view.filter, wanted.transaction_no)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    shown = view.model.record_at(0)
    assert shown.transaction_no == wanted.transaction_no
    assert view.count.text() == f"共 {BILL_ROWS} 条，筛选出 1 条"
    view.filter.clear()
    qtbot.waitUntil(lambda: view.count.text() == f"共 {BILL_ROWS} 条", timeout=10_000)
    assert view.model.rowCount() == PAGE_ROWS


def test_a_word_filters_to_the_rows_that_hold_it(qtbot, bill: list[BillRow], bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_bill(qtbot, window, bill_item)
    with_word = [row for row in bill if "滴滴出行" in row.counterparty]
    view.filter.setText("滴滴出行")
    qtbot.waitUntil(lambda: view.count.text().endswith("条") and "筛选出" in view.count.text(), timeout=10_000)
    assert view.count.text() == f"共 {BILL_ROWS} 条，筛选出 {len(with_word)} 条"
    assert all("滴滴出行" in view.model.record_at(r).counterparty for r in range(view.model.rowCount()))


def test_a_filter_that_matches_nothing_says_so(qtbot, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_bill(qtbot, window, bill_item)
    qtbot.keyClicks(view.filter, "99999999999999999999")
    qtbot.waitUntil(lambda: view.count.text() == f"共 {BILL_ROWS} 条，筛选出 0 条", timeout=10_000)
    assert view.model.rowCount() == 0


def test_checked_rows_survive_a_new_filter(qtbot, bill: list[BillRow], bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_bill(qtbot, window, bill_item)
    first = view.model.index(3, 0)
    assert view.model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    row = view.model.record_at(3).row
    assert view.picked_label.text() == "已勾选 1 行" and view.pick_button.isEnabled()
    view.filter.setText(bill[300].transaction_no)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert view.picked() == (row,)


@pytest.fixture
def chat_item(vault_path: Path, bill: list[BillRow]) -> int:
    """A chat export that names the bill's first order number."""
    from bench.record_files import chat_txt

    with Vault.open(vault_path, PASSPHRASE) as vault:
        return vault.import_bytes(vault.cases()[0].id, chat_txt(bill[0].order_no), "客服聊天.txt").item_id


def test_another_export_starts_unfiltered_and_a_chat_lists_messages(qtbot, bill: list[BillRow], bill_item: int,
                                                                    chat_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_bill(qtbot, window, bill_item)
    view.filter.setText(bill[3].transaction_no)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    window.workspace.open_item(chat_item)
    qtbot.waitUntil(lambda: view.item is not None and view.item.id == chat_item and view.model.rowCount() > 1,
                    timeout=10_000)
    assert view.filter.text() == "" and view.filter.placeholderText() == "筛选消息：订单号、文字…"
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert headers == ["行号", "时间", "发送者", "内容"]
    view.filter.setText(bill[0].order_no)
    qtbot.waitUntil(lambda: "筛选出 1 条" in view.count.text(), timeout=10_000)
    assert bill[0].order_no in view.model.record_at(0).text


def test_an_e_invoice_shows_its_lines_under_invoice_headings_and_its_facts_as_fields(qtbot, vault_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bench.invoice_files import invoice_ofd, sample_invoice
    from tests.app.conftest import unlock

    invoice = sample_invoice(seed=5, items=3)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        item_id = vault.import_bytes(vault.cases()[0].id, invoice_ofd(invoice), "电子发票.ofd").item_id
    window = MainWindow(vault_path)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    view = open_bill(qtbot, window, item_id)
    detail = window.workspace.detail
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert headers[:4] == ["行号", "项目名称", "销售方", "金额"]
    assert [view.model.index(r, 1).data() for r in range(view.model.rowCount())] == [i.name for i in invoice.items]
    assert detail.fields_box.isVisibleTo(detail) and detail.selections.isVisibleTo(detail)
    shown = {detail.fields.field_at(r).type: detail.fields.field_at(r).normalized for r in range(detail.fields.rowCount())}
    assert shown["invoice_no"] == invoice.number
    labels = {detail.fields.index(r, 0).data(): detail.fields.index(r, 2).data() for r in range(detail.fields.rowCount())}
    assert {"价税合计", "税额", "金额（不含税）", "发票号码"} <= set(labels), "amounts say what they are"
    assert set(labels.values()) == {"从文件读取"}, "read from the invoice's own data, not by OCR"
    assert not any(button.isVisibleTo(detail) for button in detail.zoom_buttons)
    window.lock()

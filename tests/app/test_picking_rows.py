"""Picking rows of a bill through the window: check them, name them, open, change and delete the selection."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle, QStyleOptionViewItem

from app.mainwindow import MainWindow
from app.qtmodels import Roles
from app.recordsview import RecordsView
from app.selectiondialog import SelectionDialog
from app.selectionspanel import SelectionsPanel
from bench.record_files import BillRow, bill_rows
from tests.app.conftest import open_export_dialog
from tests.app.test_records_view import import_bill, open_bill
from vault.selections import Selection, create_selection, delete_selection, selections

pytestmark = pytest.mark.gui


@pytest.fixture
def bill() -> list[BillRow]:
    return bill_rows(40, seed=11)


@pytest.fixture
def bill_item(vault_path: Path, bill: list[BillRow]) -> int:
    return import_bill(vault_path, bill)


def click_check_box(qtbot, view: RecordsView, row: int) -> None:  # type: ignore[no-untyped-def]
    """Click the check box of a table row where the style draws it, as a person would."""
    index = view.model.index(row, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view.table)
    option.rect = view.table.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view.table)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def highlight_rows(view: RecordsView, rows: list[int]) -> None:
    """Ctrl+click rows: the table's selection, not yet checked."""
    selection = view.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(view.model.index(row, 0), flags)


def open_dialog(qtbot, panel: SelectionsPanel, name: str) -> SelectionDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in panel.findChildren(SelectionDialog, name)), timeout=5_000)
    return next(d for d in panel.findChildren(SelectionDialog, name) if d.isVisible())


def first_selection_chosen(qtbot, window: MainWindow, item_id: int) -> SelectionsPanel:  # type: ignore[no-untyped-def]
    """The bill shown with its one selection listed and chosen in the list."""
    open_bill(qtbot, window, item_id)
    panel = window.workspace.detail.selections
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    panel.list.setCurrentIndex(panel.model.index(0))
    return panel


def stored(window: MainWindow, item_id: int) -> list[Selection]:
    return selections(window.vault, item_id)


PICKED = (5, 9, 20)
"""The bill rows pick_three checks, by their place in the generated bill."""


def pick_three(qtbot, window: MainWindow, bill: list[BillRow], item_id: int) -> tuple[RecordsView, list[int]]:  # type: ignore[no-untyped-def]
    """Rows 5 and 9 highlighted and checked with the button, row 20 found by its number and its box clicked."""
    view = open_bill(qtbot, window, item_id)
    highlight_rows(view, list(PICKED[:2]))
    qtbot.mouseClick(view.check_selected, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.filter, bill[PICKED[2]].transaction_no)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    click_check_box(qtbot, view, 0)
    records = window.vault.records(item_id)
    picked = [records[n].row for n in PICKED]
    assert view.picked() == tuple(picked)
    assert view.picked_label.text() == "已勾选 3 行"
    return view, picked


def test_three_picked_rows_become_a_named_selection(qtbot, qtmodeltester, bill: list[BillRow], bill_item: int,
                                                     window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view, picked = pick_three(qtbot, window, bill, bill_item)
    panel = window.workspace.detail.selections
    assert panel.isVisible() and not window.workspace.detail.fields_box.isVisible()
    assert view.pick_button.text() == "选入证据材料…"
    qtbot.mouseClick(view.pick_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, panel, "newSelection")
    assert "3 行" in dialog.findChildren(type(view.count))[0].text()
    dialog.title.setText("三笔退款")
    dialog.purpose.setPlainText("证明平台三次退款均未到账")
    dialog.accept()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    (selection,) = stored(window, bill_item)
    assert (selection.title, selection.purpose, selection.rows) == ("三笔退款", "证明平台三次退款均未到账", tuple(picked))
    assert panel.model.index(0).data() == "三笔退款 · 3 行"
    assert view.picked() == (), "the checks are cleared once they are stored"
    assert window.vault.audit_entries()[-1].action == "selection.create"
    qtmodeltester.check(panel.model)


def dossier_text(path: Path) -> str:
    """The dossier's text without white space: pdftotext breaks long numbers in table cells."""
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(text.split())


def test_rows_picked_in_the_window_are_the_rows_the_dossier_prints(qtbot, tmp_path: Path, bill: list[BillRow],
                                                                  bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view, picked = pick_three(qtbot, window, bill, bill_item)
    panel = window.workspace.detail.selections
    view.pick_button.click()
    dialog = open_dialog(qtbot, panel, "newSelection")
    dialog.title.setText("三笔退款")
    dialog.purpose.setPlainText("证明平台三次退款均未到账")
    dialog.accept()
    qtbot.waitUntil(lambda: len(stored(window, bill_item)) == 1, timeout=10_000)
    assert stored(window, bill_item)[0].rows == tuple(picked)

    export = open_export_dialog(qtbot, window)
    entry = next(export.exhibits.item(r) for r in range(export.exhibits.rowCount())
                 if export.exhibits.item(r).data(Roles.ITEM_ID) == bill_item)
    qtbot.waitUntil(lambda: "1 份证据，每组选取的行一份：“三笔退款”" in entry.text(), timeout=10_000)
    export.exhibit_view.setCurrentIndex(entry.index())
    assert not export.exhibit_purpose.isEnabled(), "the picked set states its own 证明目的"
    out = tmp_path / "dossier.pdf"
    export.out_path.setText(str(out))
    with qtbot.waitSignal(export.finished, timeout=120_000):
        export.export_button.click()
    export.saved_box.close()
    text = dossier_text(out)
    picked_numbers = [r.transaction_no for r in window.vault.records(bill_item) if r.row in picked]
    assert picked_numbers == [bill[n].transaction_no for n in PICKED]
    assert all(number in text for number in picked_numbers)
    assert "三笔退款" in text and "证明平台三次退款均未到账" in text
    unpicked = [row.transaction_no for n, row in enumerate(bill) if n not in PICKED]
    assert [number for number in unpicked if number in text] == [], "only the picked rows are printed"


def test_an_untitled_selection_is_named_as_the_dossier_names_it(qtbot, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_bill(qtbot, window, bill_item)
    click_check_box(qtbot, view, 2)
    view.pick_button.click()
    panel = window.workspace.detail.selections
    open_dialog(qtbot, panel, "newSelection").accept()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert panel.model.index(0).data() == "微信支付账单.csv（节选） · 1 行"


def test_open_shows_and_checks_only_its_rows_then_all_rows_again(qtbot, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    records = window.vault.records(bill_item)
    create_selection(window.vault, bill_item, [records[3].row, records[30].row], "两笔")
    panel = first_selection_chosen(qtbot, window, bill_item)
    view = window.workspace.detail.records_view
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    assert [view.model.record_at(r).row for r in range(2)] == [records[3].row, records[30].row]
    assert all(view.model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked for r in range(2))
    assert view.banner.text() == "正在显示“两笔”的 2 行。" and view.filter_box.isHidden()
    qtbot.mouseClick(view.show_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == len(records), timeout=10_000)
    assert view.picked() == (records[3].row, records[30].row), "its rows stay checked to add to or take from"


def test_rows_are_added_and_taken_out_of_a_selection(qtbot, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    records = window.vault.records(bill_item)
    create_selection(window.vault, bill_item, [records[3].row, records[4].row], "两笔")
    panel = first_selection_chosen(qtbot, window, bill_item)
    view = window.workspace.detail.records_view
    panel.open_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10_000)
    view.show_all_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == len(records), timeout=10_000)
    click_check_box(qtbot, view, 4)  # out
    click_check_box(qtbot, view, 7)  # in
    assert panel.rows_button.isEnabled()
    qtbot.mouseClick(panel.rows_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(window, bill_item)[0].rows == (records[3].row, records[7].row), timeout=10_000)
    qtbot.waitUntil(lambda: panel.model.index(0).data() == "两笔 · 2 行", timeout=10_000)
    assert window.vault.audit_entries()[-1].action == "selection.update"


def test_title_and_purpose_are_edited_in_the_dialog(qtbot, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    records = window.vault.records(bill_item)
    create_selection(window.vault, bill_item, [records[1].row], "一笔", "旧的目的")
    panel = first_selection_chosen(qtbot, window, bill_item)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, panel, "editSelection")
    assert (dialog.title.text(), dialog.purpose.toPlainText()) == ("一笔", "旧的目的")
    assert dialog.windowTitle() == "修改所选行"
    dialog.title.setText("客服承诺退款的那一笔")
    dialog.accept()
    qtbot.waitUntil(lambda: panel.model.index(0).data() == "客服承诺退款的那一笔 · 1 行", timeout=10_000)
    assert stored(window, bill_item)[0].purpose == "旧的目的"


def test_rows_picked_in_another_window_are_listed_on_the_next_reload(qtbot, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_bill(qtbot, window, bill_item)
    panel = window.workspace.detail.selections
    qtbot.waitUntil(lambda: panel.hint.isVisibleTo(panel), timeout=10_000)
    create_selection(window.vault, bill_item, [window.vault.records(bill_item)[0].row], "另一个窗口选的")
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        window.workspace.reload_after_outside_change()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert panel.listed.isVisibleTo(panel) and not panel.hint.isVisibleTo(panel)


def confirm_box(qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(w.isVisible() for w in QApplication.topLevelWidgets()
                                if w.objectName() == "confirmDeleteSelection"), timeout=5_000)
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "confirmDeleteSelection" and w.isVisible())


def test_delete_asks_first(qtbot, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    records = window.vault.records(bill_item)
    create_selection(window.vault, bill_item, [records[1].row], "一笔")
    panel = first_selection_chosen(qtbot, window, bill_item)
    panel.delete_button.click()
    box = confirm_box(qtbot)
    assert "删除“一笔”吗？" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(stored(window, bill_item)) == 1
    panel.delete_button.click()
    confirm_box(qtbot).button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=10_000)
    assert stored(window, bill_item) == []
    assert window.vault.audit_entries()[-1].action == "selection.delete"


def test_a_refusal_of_the_core_is_said_in_chinese(qtbot, bill_item: int, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    records = window.vault.records(bill_item)
    doomed = create_selection(window.vault, bill_item, [records[1].row], "一笔")
    panel = first_selection_chosen(qtbot, window, bill_item)
    delete_selection(window.vault, doomed.id)  # as another window would
    panel.edit_button.click()
    open_dialog(qtbot, panel, "editSelection").accept()
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "selectionRefused") is not None, timeout=10_000)
    refused = panel.findChild(QMessageBox, "selectionRefused")
    assert refused.text() == "这些所选行或其所属证据已不存在（可能已在其他窗口中删除）。"
    refused.close()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=10_000)


def test_picked_rows_are_events_of_the_timeline_at_their_own_time(qtbot, qtmodeltester, bill_item: int,
                                                                  window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.texts import short_time

    records = window.vault.records(bill_item)
    picked = [records[2], records[17]]
    create_selection(window.vault, bill_item, [r.row for r in picked], "两笔退款")
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        window.workspace.refresh()
    timeline = window.workspace.timeline
    qtbot.waitUntil(lambda: timeline.rowCount() >= 2, timeout=10_000)
    events = [i for i in (timeline.index(r) for r in range(timeline.rowCount())) if i.data(Roles.RECORD) is not None]
    assert [i.data(Roles.RECORD).row for i in events] == [r.row for r in picked]
    first = events[0].data()
    assert first.startswith(short_time(picked[0].time)) and f"微信支付账单.csv 第 {picked[0].row} 行" in first
    assert "两笔退款" in first and picked[0].transaction_no in first
    assert all(i.data(Roles.ITEM_ID) == bill_item for i in events)
    assert events[0].data(Roles.EVENT_TIME) == picked[0].time
    qtmodeltester.check(timeline)
    window.workspace.views.setCurrentWidget(window.workspace.timeline_view)
    view = window.workspace.timeline_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(events[1]).center())
    records = window.workspace.detail.records_view
    qtbot.waitUntil(lambda: records.model.rowCount() == 2 and records.selection is not None, timeout=10_000)
    assert window.workspace.detail.item.id == bill_item
    assert records.banner.text() == "正在显示“两笔退款”的 2 行。"
    panel = window.workspace.detail.selections
    qtbot.waitUntil(lambda: panel.current() is not None, timeout=10_000)
    assert panel.current().title == "两笔退款"


@pytest.mark.parametrize("rows, screenshot, said", [
    pytest.param([], False, "请至少勾选一行。", id="no-row"),
    pytest.param([99_999, 100_000], False, "文件中没有第 99999、100000 行。", id="rows-the-file-lacks"),
    pytest.param([1], True, "这份证据没有可选的行：只有账单或聊天记录导出文件才有。", id="a-screenshot"),
])
def test_each_refusal_of_the_core_has_its_chinese_words(vault_path: Path, bill_item: int, rows: list[int],
                                                        screenshot: bool, said: str) -> None:
    from app.texts import selection_error_text
    from tests.app.conftest import PASSPHRASE
    from tests.factories import png_bytes
    from vault.store import Vault

    with Vault.open(vault_path, PASSPHRASE) as vault:
        item_id = vault.import_bytes(vault.cases()[0].id, png_bytes(), "shot.png").item_id if screenshot else bill_item
        with pytest.raises(ValueError) as refused:
            create_selection(vault, item_id, rows)
    assert selection_error_text(refused.value) == said

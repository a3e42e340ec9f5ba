"""Models, search, paste, editing fields, the timeline and the export through the GUI."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.mainwindow import MainWindow
from app.qtmodels import Column, Roles
from tests.app.conftest import ORDER_NUMBERS, open_export_dialog
from tests.factories import png_bytes

pytestmark = pytest.mark.gui


def visible_ids(window: MainWindow) -> list[int]:
    return [window.workspace.proxy.index(row, 0).data(Roles.ITEM_ID) for row in range(window.workspace.proxy.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace.evidence.rowCount() == 3
    qtmodeltester.check(window.workspace.evidence)
    qtmodeltester.check(window.workspace.proxy)
    qtmodeltester.check(window.workspace.cases)
    qtmodeltester.check(window.workspace.timeline)
    window.workspace.grid.setCurrentIndex(window.workspace.proxy.index(0, Column.NAME))
    qtmodeltester.check(window.workspace.detail.fields)


def test_table_sorts_by_formed_at_and_amount(vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.workspace.table.sortByColumn(Column.FORMED_AT, Qt.SortOrder.AscendingOrder)
    column = [window.workspace.proxy.index(r, Column.FORMED_AT).data() for r in range(3)]
    assert column == ["2024年2月10日\u00a020:15", "2024年3月5日\u00a014:03", "2024年4月1日\u00a009:30"], \
        "sorted by time, shown in China time in Chinese"
    window.workspace.table.sortByColumn(Column.AMOUNT, Qt.SortOrder.DescendingOrder)
    assert window.workspace.proxy.index(0, Column.AMOUNT).data() == "102.00"


def test_typing_digits_narrows_the_list(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.workspace.search, ORDER_NUMBERS[1][:6])
    qtbot.waitUntil(lambda: visible_ids(window) == [vault_with_items[1]])  # the search runs in the background
    window.workspace.search.clear()
    assert len(visible_ids(window)) == 3
    window.workspace.search.insert("退款")  # as an input method commits it; QTest cannot type CJK
    qtbot.waitUntil(lambda: visible_ids(window) == [vault_with_items[1]])
    window.workspace.search.clear()
    window.workspace.date_from.setDate(window.workspace.date_from.date().fromString("2024-03-01", "yyyy-MM-dd"))
    window.workspace.date_to.setDate(window.workspace.date_to.date().fromString("2024-12-31", "yyyy-MM-dd"))
    window.workspace.date_filter.setChecked(True)
    assert sorted(visible_ids(window)) == vault_with_items[:2]


def test_timeline_lists_events_in_order_and_opens_them(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    times = [window.workspace.timeline.index(r).data(Roles.EVENT_TIME) for r in range(window.workspace.timeline.rowCount())]
    assert times == sorted(times) and len(times) == 3
    window.workspace.views.setCurrentWidget(window.workspace.timeline_view)
    rect = window.workspace.timeline_view.visualRect(window.workspace.timeline.index(0))
    qtbot.mouseClick(window.workspace.timeline_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.detail.item is not None and window.workspace.detail.item.id == vault_with_items[2]


def test_correcting_a_field_goes_to_the_audit_log(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.workspace.open_item(vault_with_items[0])
    fields = window.workspace.detail.fields
    row = next(r for r in range(fields.rowCount()) if fields.field_at(r).type == "order_no")
    original = fields.field_at(row)
    with qtbot.waitSignal(window.workspace.detail.item_changed):  # stored on the writer thread
        assert fields.setData(fields.index(row, 1), "312345678999")
    item = window.vault.item(vault_with_items[0])
    assert item.values("order_no") == ["312345678999"]
    entry = window.vault.audit_entries(vault_with_items[0])[-1]
    assert entry.action == "field.add" and entry.payload["corrects"] == original.id
    assert window.workspace.proxy.index(window.workspace.proxy.mapFromSource(
        window.workspace.evidence.index(window.workspace.evidence.row_of(item.id), Column.ORDER_NO)).row(), Column.ORDER_NO
    ).data() == "312345678999"

    window.workspace.detail.formed_at.setText("2024-01-02 03:04")
    window.workspace.detail.purpose.setText("证明白条额度被单方面降低")
    with qtbot.waitSignal(window.workspace.detail.item_changed):
        qtbot.mouseClick(window.workspace.detail.save_button, Qt.MouseButton.LeftButton)
    item = window.vault.item(vault_with_items[0])
    assert item.formed_at == "2024-01-02T03:04:00" and item.purpose == "证明白条额度被单方面降低"
    assert window.vault.audit_entries(item.id)[-1].action == "item.edit"


def test_paste_image_from_clipboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setImage(QImage.fromData(png_bytes(200, 120, seed=7)))
    with qtbot.waitSignal(window.import_panel.finished, timeout=10_000):
        window.paste_action.trigger()
    qtbot.waitUntil(lambda: window.workspace.evidence.rowCount() == 1)
    assert window.workspace.evidence.item_at(0).original_name.startswith("clipboard-")
    assert "1" in window.import_panel.last_summary


def test_duplicates_and_rejects_in_one_summary(qtbot, tmp_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.png").write_bytes(png_bytes(seed=1))
    (tmp_path / "b.png").write_bytes(png_bytes(seed=1))
    (tmp_path / "notes.txt").write_text("not evidence")
    (tmp_path / "cut.png").write_bytes(png_bytes(400, 300, seed=2)[:300])
    with qtbot.waitSignal(window.import_panel.finished, timeout=10_000):
        window.import_paths([tmp_path / n for n in ("a.png", "b.png", "notes.txt", "cut.png")])
    boxes = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "导入完成"]
    assert len(boxes) == 1
    summary = window.import_panel.last_summary
    assert "b.png" in summary and "notes.txt" in summary
    assert "未导入：notes.txt（这是文本文件" in summary, summary
    assert "未导入：cut.png（图片已损坏或不完整）" in summary, summary
    boxes[0].close()


def file_urls(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_over(window: MainWindow, mime: QMimeData) -> None:
    """Files dragged over the window, not (yet) dropped."""
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    """Drag enter then drop, as the window system delivers them (Qt ignores a drop nobody entered)."""
    mime = file_urls(paths)
    drag_over(window, mime)
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(window, drop)


@pytest.mark.ocr
def test_ocr_workers_start_while_screenshots_are_dragged_over_the_window(
        qtbot, tmp_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app import settings

    settings.OCR_AFTER_IMPORT.set(True)
    folder = tmp_path / "shots"
    folder.mkdir()
    (folder / "a.png").write_bytes(png_bytes(seed=3))
    panel = window.import_panel
    try:
        drag_over(window, file_urls([folder]))
        qtbot.waitUntil(lambda: panel.workers.running, timeout=10_000)
        assert panel._idle.isActive()  # let go again if nothing is dropped
    finally:
        panel.workers.close()


def test_dragging_starts_no_ocr_workers_when_ocr_is_off_or_nothing_is_a_page(
        qtbot, tmp_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app import settings

    (tmp_path / "a.png").write_bytes(png_bytes(seed=3))
    (tmp_path / "bill.csv").write_text("交易时间,金额\n")
    drag_over(window, file_urls([tmp_path / "a.png"]))  # OCR after import is off in these tests
    settings.OCR_AFTER_IMPORT.set(True)
    drag_over(window, file_urls([tmp_path / "bill.csv"]))
    QThreadPool.globalInstance().waitForDone(10_000)

    assert not window.import_panel.workers.running


def text_png(path: Path, lines: list[str]) -> Path:
    """Big clear text; the bundled CJK font has no Latin glyphs, so digits use Pillow's own font."""
    from PIL import Image, ImageDraw, ImageFont

    from app.i18n import FALLBACK_FONT

    cjk, latin = ImageFont.truetype(str(FALLBACK_FONT), 40), ImageFont.load_default(40)
    image = Image.new("RGB", (900, 120 + 70 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        x = 40
        for char in line:
            font = latin if char.isascii() else cjk
            draw.text((x, 50 + 70 * n), char, fill="black", font=font)
            x += draw.textlength(char, font=font)
    image.save(path)
    return path


@pytest.mark.slow
@pytest.mark.ocr
def test_dropped_files_are_read_by_ocr(qtbot, tmp_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app import settings

    settings.OCR_AFTER_IMPORT.set(True)
    files = [
        text_png(tmp_path / "order.png", ["订单编号：312345678901", "下单时间：2024-03-05 14:03:00"]),
        text_png(tmp_path / "bill.png", ["订单编号：298765432109", "实付款：¥128.00"]),
    ]
    with qtbot.waitSignal(window.import_panel.finished, timeout=120_000):
        drop_files(window, files)
    qtbot.waitUntil(lambda: window.workspace.evidence.rowCount() == 2 and all(
        i.values("order_no") for i in window.workspace.evidence.items()), timeout=10_000)
    numbers = sorted(n for i in window.workspace.evidence.items() for n in i.values("order_no"))
    assert numbers == ["298765432109", "312345678901"]
    qtbot.keyClicks(window.workspace.search, "3123456")
    qtbot.waitUntil(lambda: window.workspace.proxy.rowCount() == 1)  # the search runs in the background
    assert window.workspace.proxy.index(0, Column.NAME).data(Qt.ItemDataRole.ToolTipRole) == "order.png"


def test_export_writes_a_pdf(qtbot, monkeypatch, tmp_path: Path, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.exportdialog import ExportDialog

    opened: list[QUrl] = []
    monkeypatch.setattr("app.exportdialog.QDesktopServices.openUrl", opened.append)
    dialog = open_export_dialog(qtbot, window)
    assert dialog is not None and dialog.exhibits.rowCount() == 3
    dialog.exhibits.item(1).setCheckState(Qt.CheckState.Unchecked)
    out = tmp_path / "out" / "dossier.pdf"
    out.parent.mkdir()
    dialog.out_path.setText(str(out))
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        dialog.export_button.click()
    assert out.read_bytes().startswith(b"%PDF")
    saved = dialog.saved_box
    assert str(out) in saved.text() and not opened
    qtbot.mouseClick(saved.findChild(QPushButton, "openDossierFolder"), Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(out.parent)]
    entry = window.vault.audit_entries()[-1]
    assert entry.action == "case.export" and len(entry.payload["items"]) == 2


def test_the_first_export_on_a_fresh_profile_makes_the_documents_folder(
        qtbot, monkeypatch, private_home: Path, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.exportdialog import ExportDialog

    opened: list[QUrl] = []
    monkeypatch.setattr("app.exportdialog.QDesktopServices.openUrl", opened.append)
    assert not (private_home / "Documents").exists()
    dialog = open_export_dialog(qtbot, window)
    out = Path(dialog.out_path.text())
    assert out.parent == private_home / "Documents"
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        dialog.export_button.click()
    assert out.read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(dialog.saved_box.findChild(QPushButton, "openDossier"), Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(out)]


def test_a_pdf_shows_its_pages_stacked_with_their_count(qtbot, vault_path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import colour_pages_pdf

    case_id = window.vault.cases()[0].id
    item_id = window.vault.import_bytes(case_id, colour_pages_pdf(("#ff0000", "#00ff00", "#0000ff")), "账单.pdf").item_id
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        window.workspace.refresh()
    window.workspace.open_item(item_id)
    assert window.workspace.detail.item is not None and window.workspace.detail.item.id == item_id
    qtbot.waitUntil(lambda: bool(window.workspace.detail.image.scene().items()), timeout=10_000)
    scene = window.workspace.detail.image.scene().sceneRect()
    assert scene.height() == pytest.approx(3 * scene.width() * 200 / 300, abs=3)
    assert "共 3 页" in window.workspace.detail.caption.text()


def test_export_failures_are_explained_in_chinese(qtbot, tmp_path: Path, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.exportdialog import ExportDialog
    from export.errors import DossierTooLarge, IntegrityMismatch

    dialog = open_export_dialog(qtbot, window)
    missing = tmp_path / "no-such-folder" / "dossier.pdf"
    dialog.out_path.setText(str(missing))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=60_000)
    assert dialog.status.text().startswith("无法将证据材料写入") and str(missing) in dialog.status.text()
    assert not missing.parent.exists()
    too_big = dialog.failure_text(DossierTooLarge("", 3_000_000, attachments_alone=True))
    assert "3.0 MB" in too_big and "在 PDF 中附带原始文件" in too_big
    assert "减少证据" in dialog.failure_text(DossierTooLarge("", 12_000_000))
    assert "校验保险箱" in dialog.failure_text(IntegrityMismatch("item 3"))
    dialog.reject()


def _open_order_number(window: MainWindow, item_id: int):  # type: ignore[no-untyped-def]
    """Open the item in the detail pane; its fields model and the row of its OCR order number."""
    window.workspace.open_item(item_id)
    fields = window.workspace.detail.fields
    return fields, next(r for r in range(fields.rowCount()) if fields.field_at(r).type == "order_no")


def test_marking_an_ocr_field_wrong_keeps_it_in_the_history(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    item_id = vault_with_items[0]
    fields, row = _open_order_number(window, item_id)
    wrong = fields.field_at(row)
    window.workspace.detail.fields_view.selectRow(row)
    with qtbot.waitSignal(window.workspace.detail.item_changed):
        qtbot.mouseClick(window.workspace.detail.reject_field, Qt.MouseButton.LeftButton)
    item = window.vault.item(item_id)
    assert wrong.normalized not in item.values("order_no")
    assert any(f.id == wrong.id and f.superseded for f in item.fields), "the OCR value is kept, superseded"
    assert window.vault.audit_entries(item_id)[-1].action == "field.reject"
    assert all(fields.field_at(r).id != wrong.id for r in range(fields.rowCount()))


def test_emptying_a_value_marks_it_wrong(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    item_id = vault_with_items[0]
    fields, row = _open_order_number(window, item_id)
    wrong = fields.field_at(row)
    with qtbot.waitSignal(window.workspace.detail.item_changed):
        assert fields.setData(fields.index(row, 1), "")
    entry = window.vault.audit_entries(item_id)[-1]
    assert (entry.action, entry.payload["rejects"]) == ("field.reject", wrong.id)


def test_a_pasted_copy_of_an_exhibit_gets_a_hint_and_is_imported(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from tests.vault.test_likeness import encoded, screenshot

    case_id = window.workspace.current_case_id()
    window.vault.import_bytes(case_id, encoded(screenshot(3), "PNG"), "订单截图.png")
    QGuiApplication.clipboard().setImage(QImage.fromData(encoded(screenshot(3), "JPEG", quality=60)))
    with qtbot.waitSignal(window.import_panel.finished, timeout=10_000):
        window.paste_action.trigger()
    assert "看起来与本案件中已有的“订单截图.png”相同" in window.import_panel.last_summary
    qtbot.waitUntil(lambda: window.workspace.evidence.rowCount() == 2)
    hint = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "导入完成")
    hint.close()


def test_a_dropped_copy_of_an_exhibit_gets_a_hint_and_is_imported(qtbot, tmp_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from tests.vault.test_likeness import encoded, screenshot

    case_id = window.workspace.current_case_id()
    window.vault.import_bytes(case_id, encoded(screenshot(3), "PNG"), "订单截图.png")
    copy, other = tmp_path / "IMG_2041.jpg", tmp_path / "IMG_2042.png"
    copy.write_bytes(encoded(screenshot(3).resize((720, 1560)), "JPEG", quality=50))
    other.write_bytes(encoded(screenshot(8), "PNG"))
    with qtbot.waitSignal(window.import_panel.finished, timeout=20_000):
        drop_files(window, [copy, other])
    summary = window.import_panel.last_summary
    assert "“IMG_2041.jpg”看起来与本案件中已有的“订单截图.png”相同" in summary
    assert "IMG_2042.png" not in summary
    qtbot.waitUntil(lambda: window.workspace.evidence.rowCount() == 3)
    hint = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "导入完成")
    hint.close()


def test_pasted_chat_text_becomes_a_chat_log_with_the_complainants_messages_marked(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    case_id = window.workspace.current_case_id()
    window.vault.update_case(case_id, complainant_name="李四")
    QGuiApplication.clipboard().setText(
        "李四 2024-03-05 14:03:10\n我的白条额度为什么被降了？\n\n"
        "京东客服小美 2024-03-05 14:05:02\n已为您登记，3个工作日内回电（工单号 GD20240305001）\n")
    with qtbot.waitSignal(window.import_panel.finished, timeout=10_000):
        window.paste_action.trigger()
    item = window.vault.items(case_id)[-1]
    assert item.kind == "chat" and item.original_name.startswith("clipboard-chat-")
    messages = window.vault.records(item.id)
    assert [(m.sender, m.is_me) for m in messages] == [("李四", True), ("京东客服小美", False)]
    assert window.vault.search("GD20240305001")[0].id == item.id


def test_pasting_text_that_is_no_chat_says_what_it_takes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText("订单号 312345678901")
    window.paste_action.trigger()
    assert "剪贴板里没有图片" in window.statusBar().currentMessage()
    assert window.vault.items(window.workspace.current_case_id()) == []


def test_a_bill_export_shows_its_rows_as_a_table(qtbot, tmp_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from bench.record_files import bill_rows, wechat_csv
    from vault.ingest import IngestOptions, ingest

    bill = tmp_path / "微信支付账单.csv"
    rows = bill_rows(12, seed=3)
    bill.write_bytes(wechat_csv(rows))
    case_id = window.vault.cases()[0].id
    ingest(window.vault, case_id, [bill], IngestOptions(read=False))
    item_id = window.vault.items(case_id)[-1].id
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        window.workspace.refresh()
    window.workspace.open_item(item_id)
    detail = window.workspace.detail
    qtbot.waitUntil(lambda: detail.records.rowCount() == 12, timeout=10_000)
    assert detail.original_view.currentWidget() is detail.records_view
    assert detail.records_view.count.text() == "共 12 条"
    headers = [detail.records.headerData(c, Qt.Orientation.Horizontal) for c in range(detail.records.columnCount())]
    assert len(headers) == 9
    assert detail.records.index(0, 0).data() == str(window.vault.records(item_id)[0].row)


def test_a_dragged_order_numbers_the_exhibits_as_the_cli_does(qtbot, tmp_path: Path, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from export.from_vault import case_exhibits

    case_id = window.vault.cases()[0].id
    dialog = open_export_dialog(qtbot, window)
    listed = [dialog.exhibits.item(r).data(Roles.ITEM_ID) for r in range(dialog.exhibits.rowCount())]
    assert listed == [i.id for i in case_exhibits(window.vault, case_id, "time")], "the GUI lists the core's order"
    dialog.exhibits.insertRow(0, dialog.exhibits.takeRow(2))  # what a drag to the top does to the model
    dragged = [dialog.exhibits.item(r).data(Roles.ITEM_ID) for r in range(dialog.exhibits.rowCount())]
    dialog.out_path.setText(str(tmp_path / "dossier.pdf"))
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        dialog.export_button.click()
    assert [i.id for i in case_exhibits(window.vault, case_id, "manual")] == dragged
    assert window.vault.audit_entries()[-1].payload["items"] == dragged

    reopened = open_export_dialog(qtbot, window)
    assert [reopened.exhibits.item(r).data(Roles.ITEM_ID) for r in range(reopened.exhibits.rowCount())] == dragged
    reopened.reject()


def test_export_one_file_per_exhibit_for_an_upload_form(qtbot, tmp_path: Path, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from export.presets import Preset

    dialog = open_export_dialog(qtbot, window)
    dialog.preset.setCurrentIndex(dialog.preset.findData(Preset.EACH))
    dialog.out_path.setText(str(tmp_path / "dossier.pdf"))
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        dialog.export_button.click()
    written = sorted(p.name for p in tmp_path.glob("dossier-*.pdf"))
    assert written == ["dossier-证据01.pdf", "dossier-证据02.pdf", "dossier-证据03.pdf"]
    assert "3" in dialog.saved_box.text() and "dossier-证据02.pdf" in dialog.saved_box.text()
    dialog.saved_box.close()


def test_parts_need_a_size_limit(qtbot, tmp_path: Path, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from export.presets import Preset

    dialog = open_export_dialog(qtbot, window)
    dialog.preset.setCurrentIndex(dialog.preset.findData(Preset.PARTS))
    out = tmp_path / "parts" / "dossier.pdf"
    out.parent.mkdir()
    dialog.out_path.setText(str(out))
    dialog.export_button.click()
    assert dialog.status.text() == "请为分册设置大小上限。"
    assert dialog.export_button.isEnabled() and not list(out.parent.iterdir())
    dialog.reject()


def test_times_show_in_china_time_and_edit_as_iso(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.texts import short_time

    _, row = _open_order_number(window, vault_with_items[0])
    fields = window.workspace.detail.fields
    row = next(r for r in range(fields.rowCount()) if fields.field_at(r).type == "timestamp")
    assert fields.index(row, 1).data() == "2024年3月5日\u00a014:03"
    assert fields.index(row, 1).data(Qt.ItemDataRole.EditRole) == "2024-03-05T14:03:00+08:00"
    assert short_time("2026-02-17T12:53:41+00:00") == "2026年2月17日\u00a020:53", "UTC import times in China time"


@pytest.mark.slow
@pytest.mark.ocr
def test_ocr_workers_are_kept_between_imports_and_let_go_when_idle_or_locked(qtbot, tmp_path: Path,
                                                                             window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app import settings

    settings.OCR_AFTER_IMPORT.set(True)
    panel = window.import_panel
    first = text_png(tmp_path / "order.png", ["订单编号：312345678901"])
    with qtbot.waitSignal(panel.finished, timeout=120_000):
        drop_files(window, [first])
    kept = panel.workers.current  # the pool the first import started
    assert panel.workers.running and panel._idle.isActive()
    second = text_png(tmp_path / "bill.png", ["订单编号：298765432109"])
    with qtbot.waitSignal(panel.finished, timeout=60_000):
        drop_files(window, [second])
    assert panel.workers.current is kept, "the second import is read by the same workers"
    qtbot.waitUntil(lambda: sorted(n for i in window.vault.items_with_fields() for n in i.values("order_no")) == [
        "298765432109", "312345678901"], timeout=10_000)

    panel._idle.setInterval(50)
    panel._idle.start()
    qtbot.waitUntil(lambda: not panel.workers.running, timeout=10_000)

    third = text_png(tmp_path / "third.png", ["订单编号：305550001234"])
    with qtbot.waitSignal(panel.finished, timeout=120_000):
        drop_files(window, [third])
    assert panel.workers.running
    window.lock()
    qtbot.waitUntil(lambda: not panel.workers.running, timeout=10_000)


def test_a_long_list_of_look_alikes_is_behind_show_details(qtbot, tmp_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.importer import NOTES_SHOWN

    original = Image.open(io.BytesIO(png_bytes(seed=3))).convert("RGB")
    original.save(tmp_path / "original.png")
    with qtbot.waitSignal(window.import_panel.finished, timeout=10_000):
        window.import_paths([tmp_path / "original.png"])
    copies = []
    for index in range(NOTES_SHOWN + 2):  # the same picture saved again, one pixel apart
        copy = original.copy()
        copy.putpixel((index, 0), (index * 30 % 256, 0, 0))
        copies.append(tmp_path / f"copy {index}.png")
        copy.save(copies[-1])
    with qtbot.waitSignal(window.import_panel.finished, timeout=20_000):
        window.import_paths(copies)

    [box] = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "导入完成"]
    assert isinstance(box, QMessageBox)
    assert box.text().count("看起来") == NOTES_SHOWN and "另有 2 条" in box.text(), box.text()
    assert box.detailedText().count("看起来") == NOTES_SHOWN + 2
    assert window.import_panel.last_summary.count("看起来") == NOTES_SHOWN + 2
    box.close()

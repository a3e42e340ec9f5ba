"""Deleting an exhibit, an encrypted backup and an item's history, through the toolbar and dialogs."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolBar, QToolButton

from app.mainwindow import MainWindow
from app.tasks import wait_for_all
from app.vaultdialogs import AuditDialog, BackupDialog
from tests.app.conftest import PASSPHRASE, open_export_dialog
from vault.store import Vault

pytestmark = pytest.mark.gui


def click_toolbar(qtbot, window: MainWindow, name: str) -> None:  # type: ignore[no-untyped-def]
    toolbar = window.findChild(QToolBar, "mainToolbar")
    button = toolbar.widgetForAction(window.findChild(type(window.lock_action), name))
    assert isinstance(button, QToolButton) and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_dialog(qtbot, kind: type) -> QDialog:  # type: ignore[no-untyped-def]
    found: list[QDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5_000)
    return found[0]


def select(window: MainWindow, item_id: int) -> None:
    window.workspace.open_item(item_id)
    assert window.workspace.current_item().id == item_id


def test_delete_asks_then_removes_and_logs(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.workspace.evidence.rowCount() == 3)
    doomed = vault_with_items[1]
    select(window, doomed)

    click_toolbar(qtbot, window, "actionDeleteItem")
    box = open_dialog(qtbot, QMessageBox)
    assert box.objectName() == "confirmDelete" and "审计日志" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert window.workspace.evidence.rowCount() == 3

    click_toolbar(qtbot, window, "actionDeleteItem")
    box = open_dialog(qtbot, QMessageBox)
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert window.workspace.evidence.row_of(doomed) == -1 and window.workspace.evidence.rowCount() == 2
    assert window.vault.audit_entries(doomed)[-1].action == "item.delete"

    select(window, vault_with_items[0])
    click_toolbar(qtbot, window, "actionShowHistory")
    history = open_dialog(qtbot, AuditDialog)
    assert history.entries.rowCount() >= 1 and history.entries.index(0, 2).data().startswith("导入了“shot-0.png”")
    history.close()


def test_backup_writes_an_encrypted_copy(qtbot, tmp_path: Path, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "backup.evault"
    click_toolbar(qtbot, window, "actionBackup")
    dialog = open_dialog(qtbot, BackupDialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.keyClicks(dialog.file, str(target))
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    assert not ok.isEnabled()  # not repeated yet
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    with qtbot.waitSignal(window.backed_up, timeout=30_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    done = open_dialog(qtbot, QMessageBox)
    assert str(target) in done.text()
    done.close()
    with Vault.open(target, PASSPHRASE) as copy:
        assert len(copy.items_with_fields()) == 3


def test_backup_to_a_missing_folder_says_why_in_chinese(qtbot, tmp_path: Path, vault_with_items,
                                                        window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "no-such-folder" / "backup.evault"
    head = window.vault.audit_head()
    click_toolbar(qtbot, window, "actionBackup")
    dialog = open_dialog(qtbot, BackupDialog)
    qtbot.keyClicks(dialog.file, str(target))
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    warning = open_dialog(qtbot, QMessageBox)
    assert warning.text() == "无法在该位置写入文件（文件夹不存在或只读，或磁盘已满）"
    warning.close()
    assert not target.parent.exists() and window.vault.audit_head() == head


def test_cover_details_open_without_blocking(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from app.dialogs import CaseDialog
    from app.exportdialog import ExportDialog

    export = open_export_dialog(qtbot, window)
    qtbot.mouseClick(export.findChild(QPushButton, "coverDetails"), Qt.MouseButton.LeftButton)
    cover = open_dialog(qtbot, CaseDialog)  # reached only because the click returned: no nested exec()
    cover.inputs["title"].setText("白条额度投诉")
    ok = cover.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "白条额度投诉" in export.cover_summary.text())
    export.reject()


def test_change_passphrase_reopens_the_vault(qtbot, vault_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.vaultdialogs import ChangePassphraseDialog
    from tests.app.conftest import unlock

    new = "new-horse-battery-77"
    click_toolbar(qtbot, window, "actionChangePassphrase")
    dialog = open_dialog(qtbot, ChangePassphraseDialog)
    qtbot.keyClicks(dialog.passphrase, new)
    qtbot.keyClicks(dialog.repeat, new)
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.vault is not None and window.workspace.cases.rowCount() == 1
    window.lock()
    unlock(qtbot, window, new)
    assert window.vault is not None


def test_language_change_rebuilds_the_window_and_keeps_the_vault_open(
        qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.dialogs import SettingsDialog

    assert window.lock_action.text() == "立即锁定"
    vault = window.vault
    wait_for_all(10_000)  # thumbnails of the unlock
    click_toolbar(qtbot, window, "actionOpenSettings")
    dialog = open_dialog(qtbot, SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(window.replaced, timeout=10_000) as replaced:
        dialog.accept()
    successor: MainWindow = replaced.args[0]
    qtbot.addWidget(successor)
    try:
        assert successor.lock_action.text() == "Lock now"
        assert successor.vault is vault and window.vault is None and not window.isVisible()
        qtbot.waitUntil(lambda: successor.workspace.evidence.rowCount() == len(vault_with_items), timeout=10_000)
        assert successor.pages.currentIndex() == 2, "the vault stays unlocked"
    finally:
        successor.lock()


def test_the_backup_dialog_names_no_problem_before_anything_is_typed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    click_toolbar(qtbot, window, "actionBackup")
    dialog = open_dialog(qtbot, BackupDialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.problem.text() == "" and not ok.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "short")
    assert "至少" in dialog.problem.text()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    assert dialog.problem.text() == "" and not ok.isEnabled()  # the repeat is still empty
    qtbot.keyClicks(dialog.repeat, "x")
    assert dialog.problem.text() != ""
    dialog.reject()


@pytest.fixture
def vault_missing_a_thumbnail(vault_with_items: list[int], vault_path: Path) -> int:
    """The first exhibit's thumbnail removed behind the app's back: a finding verify reports for that exhibit."""
    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.db.conn.execute("DELETE FROM thumbnails WHERE item_id = ?", (vault_with_items[0],))
    return vault_with_items[0]


def test_verify_words_each_problem_in_chinese(qtbot, vault_missing_a_thumbnail: int,
                                              window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    click_toolbar(qtbot, window, "actionVerify")
    report = open_dialog(qtbot, QMessageBox)
    assert report.icon() == QMessageBox.Icon.Warning
    assert f"• 证据 {vault_missing_a_thumbnail}（shot-0.png）：缩略图缺失" in report.text().splitlines()
    report.close()

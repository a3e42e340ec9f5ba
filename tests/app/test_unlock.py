"""Creating, unlocking, locking (by hand and when idle) and the Chinese translation."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.mainwindow import MainWindow
from app.tasks import wait_for_all
from tests.app.conftest import PASSPHRASE, unlock
from vault.store import Vault

pytestmark = pytest.mark.gui


def test_first_start_creates_a_vault(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "new" / "vault.evault"
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.show()
    page = window.create_page
    assert window.pages.currentWidget() is page
    qtbot.keyClicks(page.passphrase, "short")
    qtbot.keyClicks(page.repeat, "short")
    page.create_button.click()
    assert page.error.text() and not path.exists()  # refused before any work starts
    page.passphrase.clear()
    page.repeat.clear()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        page.create_button.click()
    assert window.vault is not None and window.workspace.cases.rowCount() == 1
    window.lock()
    Vault.open(path, PASSPHRASE).close()


def test_wrong_passphrase_says_so_and_allows_retry(qtbot, vault_path: Path) -> None:
    window = MainWindow(vault_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_page.passphrase, "not the passphrase")
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert not window.unlock_page.isEnabled(), "the key derivation runs in the background"
    qtbot.waitUntil(lambda: "密码" in window.unlock_page.error.text(), timeout=10_000)
    assert window.vault is None and window.unlock_page.passphrase.hasFocus()
    window.unlock_page.passphrase.clear()
    unlock(qtbot, window)
    assert window.vault is not None
    assert window.workspace.cases.index(0).data() == "京东白条额度"
    window.lock()


def test_a_file_that_is_not_a_vault_is_named_so(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    path = tmp_path / "other.evault"
    with sqlite3.connect(path) as plain:
        plain.execute("create table t (x)")
    plain.close()
    before = path.read_bytes()
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.unlock_page.isEnabled(), timeout=10_000)
    assert window.unlock_page.error.text() == "无法打开保险箱：这个文件不是证据保险箱（可能是其他数据库或文档）"
    assert window.vault is None and path.read_bytes() == before


def test_chinese_translation_is_loaded(window: MainWindow) -> None:
    assert window.findChild(type(window.workspace.search), "search").placeholderText().startswith("搜索")
    assert window.lock_action.text() == "立即锁定"


def test_lock_now_hides_evidence(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace.evidence.rowCount() > 0
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.vault is None
    assert window.workspace.evidence.rowCount() == 0 and window.workspace.detail.item is None
    assert window.pages.currentWidget() is window.unlock_page
    assert not window.workspace.evidence._thumbnails and not window.workspace.detail._images


def test_auto_lock_after_idle(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.workspace.grid.setCurrentIndex(window.workspace.proxy.index(0, 0))
    assert window.workspace.detail.item is not None
    window.session.idle.set_timeout_ms(50)
    qtbot.waitUntil(lambda: window.vault is None, timeout=5_000)
    assert window.workspace.evidence.rowCount() == 0 and window.workspace.detail.item is None
    assert window.workspace.detail.image.scene().items() == []


def test_an_image_decoded_after_lock_is_dropped(qtbot, vault_with_items, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The detail image decodes in the background; locking before it arrives must not bring it back."""
    window.workspace.open_item(vault_with_items[0])
    window.lock()
    assert wait_for_all(10_000)
    qtbot.wait(50)  # let queued results reach the GUI thread
    assert not window.workspace.detail._images and window.workspace.detail.image.scene().items() == []
    unlock(qtbot, window)
    window.workspace.open_item(vault_with_items[0])
    qtbot.waitUntil(lambda: bool(window.workspace.detail.image.scene().items()), timeout=10_000)
    assert "shot-0.png" in window.workspace.detail.caption.text()


def test_qt_dialogs_speak_chinese_too(window: MainWindow) -> None:
    """Qt's own file dialog and standard buttons come from qtbase_zh_CN, shipped with PySide6."""
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_window_title_names_the_program_once(window: MainWindow) -> None:
    """Qt appends the display name to a title that differs from it: the two are one name."""
    from PySide6.QtGui import QGuiApplication

    assert window.windowTitle() == QGuiApplication.applicationDisplayName() == "证据保险箱"


def test_unlocking_returns_to_the_case_chosen_before(qtbot, vault_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    second = window.vault.add_case("退货退款纠纷")
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        window.workspace.reload_cases(select=second)
    assert window.workspace.current_case_id() == second
    window.lock()
    unlock(qtbot, window)
    assert window.workspace.current_case_id() == second

"""Changes another program makes to the open vault show without clicking anything."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from app.mainwindow import MainWindow
from tests.app.conftest import PASSPHRASE
from tests.factories import png_bytes
from vault.store import Vault

pytestmark = pytest.mark.gui


def change_from_outside(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    """A second connection to the file, as the CLI opens one while the window keeps its own."""
    with Vault.open(path, PASSPHRASE) as other:
        edit(other)


def test_the_data_version_moves_only_with_another_connection(vault_path: Path, window: MainWindow) -> None:
    before = window.vault.data_version()
    window.vault.add_case("自己的改动")
    assert window.vault.data_version() == before
    change_from_outside(vault_path, lambda v: v.add_case("别处的改动"))
    assert window.vault.data_version() != before


def test_an_import_from_outside_shows_when_the_window_is_activated(qtbot, vault_path: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.watcher.timer.stop()  # only the activation should find it
    case_id = window.workspace.current_case_id()
    change_from_outside(vault_path, lambda v: v.import_bytes(case_id, png_bytes(seed=5), "from-cli.png"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert [item.original_name for item in window.workspace.evidence.items()] == ["from-cli.png"]


def test_a_poll_finds_an_edit_and_updates_the_shown_exhibit(qtbot, vault_with_items, vault_path: Path,
                                                           window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.watcher.timer.setInterval(100)
    window.workspace.open_item(vault_with_items[0])
    change_from_outside(vault_path, lambda v: v.update_item(vault_with_items[0], title="CLI 改的名称"))
    qtbot.waitUntil(lambda: window.workspace.detail.title.text() == "CLI 改的名称", timeout=10_000)

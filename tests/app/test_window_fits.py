"""The window on a laptop screen: it fits, Save and the status bar stay reachable, no text is cut to “…”."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabBar,
    QToolBar,
    QWidget,
)

from app.i18n import install_language
from app.mainwindow import MainWindow
from tests.app.conftest import unlock

pytestmark = pytest.mark.gui

LINE_EDIT_MARGINS = 12
"""A line edit's frame and text margins around its text (Fusion and the other styles)."""


def clipped_texts(root: QWidget) -> list[str]:
    """The texts of visible widgets under `root` that are cut short (Qt elides them to “…”)."""
    clipped = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        fm = widget.fontMetrics()
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and widget.pixmap().isNull():
            if widget.width() < widget.minimumSizeHint().width():
                clipped.append(widget.text())
        elif isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            if widget.height() < widget.heightForWidth(widget.width()):
                clipped.append(widget.text())
        elif isinstance(widget, (QPushButton, QCheckBox, QComboBox)) or (
                isinstance(widget, QAbstractButton) and widget.text()):
            if widget.width() < widget.sizeHint().width():
                clipped.append(widget.text() if isinstance(widget, QAbstractButton) else widget.currentText())
        elif isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
            if widget.width() < fm.horizontalAdvance(widget.placeholderText()) + LINE_EDIT_MARGINS:
                clipped.append(widget.placeholderText())
        elif isinstance(widget, QTabBar):
            clipped += [widget.tabText(i) for i in range(widget.count())
                        if widget.tabRect(i).width() < widget.tabSizeHint(i).width()]
        elif isinstance(widget, QGroupBox) and widget.title():
            if widget.width() < fm.horizontalAdvance(widget.title()) + LINE_EDIT_MARGINS:
                clipped.append(widget.title())
    return clipped


def toolbar_overflow(window: MainWindow) -> list[str]:
    """Actions pushed into the toolbar's » menu because the window is too narrow for them."""
    toolbar = window.findChild(QToolBar, "mainToolbar")
    return [action.text() for action in toolbar.actions() if not toolbar.widgetForAction(action).isVisible()]


def screen_named(size: str):  # type: ignore[no-untyped-def]
    return next(s for s in QGuiApplication.screens() if s.name().endswith(size))


def open_on(qtbot, vault_path: Path, screen_size: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(vault_path)
    qtbot.addWidget(window)
    window.setScreen(screen_named(screen_size))
    window.fit_to_screen()
    window.show()
    unlock(qtbot, window)
    window.workspace.open_item(window.workspace.evidence.item_at(0).id)
    qtbot.waitUntil(lambda: window.workspace.detail.isEnabled())
    return window


def within(window: MainWindow, widget: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("language", [pytest.param("zh_CN", id="chinese"), pytest.param("en", id="english")])
@pytest.mark.parametrize("screen_size", [pytest.param("1366x768", id="1366x768"), pytest.param("1280x720", id="1280x720")])
def test_the_window_fits_the_screen_with_save_and_status_bar_in_reach(
        qtbot, vault_with_items, vault_path: Path, language: str, screen_size: str) -> None:  # type: ignore[no-untyped-def]
    install_language(language)
    try:
        window = open_on(qtbot, vault_path, screen_size)
        available = window.screen().availableGeometry()
        assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)
        assert within(window, window.statusBar())
        save = window.workspace.detail.save_button
        window.workspace.detail.findChild(QScrollArea, "detailForm").ensureWidgetVisible(save)
        assert within(window, save) and not save.visibleRegion().isEmpty()
        window.lock()
    finally:
        install_language("zh_CN")


@pytest.mark.parametrize("language", [pytest.param("zh_CN", id="chinese"), pytest.param("en", id="english")])
def test_no_text_is_cut_short_at_1366x768(qtbot, vault_with_items, vault_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    install_language(language)
    try:
        window = open_on(qtbot, vault_path, "1366x768")
        assert clipped_texts(window) == []
        assert toolbar_overflow(window) == []
        window.lock()
    finally:
        install_language("zh_CN")


@pytest.mark.parametrize("language", [pytest.param("zh_CN", id="chinese"), pytest.param("en", id="english")])
@pytest.mark.parametrize("screen_size", [pytest.param("1366x768", id="1366x768"), pytest.param("1280x720", id="1280x720")])
def test_a_bill_with_its_filter_picks_and_selections_fits(
        qtbot, vault_path: Path, language: str, screen_size: str) -> None:  # type: ignore[no-untyped-def]
    from bench.record_files import bill_rows
    from tests.app.test_records_view import import_bill
    from vault.selections import create_selection

    item_id = import_bill(vault_path, bill_rows(30, seed=5))
    install_language(language)
    try:
        window = open_on(qtbot, vault_path, screen_size)
        detail = window.workspace.detail
        view = detail.records_view
        qtbot.waitUntil(lambda: view.model.rowCount() == 30, timeout=10_000)
        create_selection(window.vault, item_id, [view.model.record_at(0).row], "一笔")
        detail.selections.reload()
        qtbot.waitUntil(lambda: detail.selections.model.rowCount() == 1, timeout=10_000)
        view.model.set_picked([view.model.record_at(1).row])
        for widget in (view.pick_button, view.count, detail.selections.delete_button):
            assert within(window, widget), widget.objectName()
        detail.findChild(QScrollArea, "detailForm").ensureWidgetVisible(detail.save_button)
        assert within(window, detail.save_button) and not detail.save_button.visibleRegion().isEmpty()
        if screen_size == "1366x768":
            assert clipped_texts(window) == []
        window.lock()
    finally:
        install_language("zh_CN")

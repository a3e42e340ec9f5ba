"""GUI fixtures: private settings, a temporary vault, an unlocked main window; no dialog may stay open."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app import settings
from app.i18n import install_language, register_fallback_font
from app.mainwindow import MainWindow
from app.tasks import wait_for_all
from vault.store import Vault

SCREENS = Path(__file__).with_name("screens.json")
"""Two offscreen screens, 1366×768 (the primary, a common laptop) and 1280×720, as Qt's offscreen
platform reads them from a config file; the plain offscreen screen is 800×600."""
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"

PASSPHRASE = "correct-horse-battery-42"  # ASCII: QTest.keyClicks cannot type CJK


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """QSettings in a temp folder, Chinese UI as the app starts by default, OCR off unless asked."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    register_fallback_font()
    install_language("zh_CN")
    settings.OCR_AFTER_IMPORT.set(False)
    yield
    wait_for_all(60_000)


@pytest.fixture(autouse=True)
def no_dialog_left_open(qapp: QApplication) -> Iterator[None]:
    yield
    left = [w for w in qapp.topLevelWidgets() if isinstance(w, (QDialog, QMessageBox)) and w.isVisible()]
    for widget in left:
        widget.close()
    assert not left, f"dialogs left open: {[w.windowTitle() for w in left]}"


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    path = tmp_path / "test.evault"
    with Vault.create(path, PASSPHRASE) as vault:
        vault.add_case("京东白条额度", respondent="京东")
    return path


def unlock(qtbot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:  # type: ignore[no-untyped-def]
    """Type the passphrase and press Unlock, as a person would; wait for the evidence to load."""
    page = window.unlock_page
    page.passphrase.setFocus()
    qtbot.keyClicks(page.passphrase, passphrase)
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        page.unlock_button.click()


@pytest.fixture
def window(qtbot, vault_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(vault_path)
    qtbot.addWidget(main)
    main.show()
    unlock(qtbot, main)
    yield main
    main.lock()


ORDER_NUMBERS = ("312345678901", "298765432109", "305550001234")


@pytest.fixture
def vault_with_items(vault_path: Path) -> list[int]:
    """Three exhibits with OCR lines and fields, stored through the core as the OCR would store them."""
    from ocr.types import ExtractedField, FieldType, OcrLine
    from tests.factories import png_bytes

    ids = []
    with Vault.open(vault_path, PASSPHRASE) as vault:
        case_id = vault.cases()[0].id
        for n, (order_no, when, text) in enumerate(zip(
            ORDER_NUMBERS,
            ("2024-03-05T14:03:00+08:00", "2024-04-01T09:30:00+08:00", "2024-02-10T20:15:00+08:00"),
            ("白条额度被降低", "客服承诺退款", "订单已完成"),
        )):
            outcome = vault.import_bytes(case_id, png_bytes(400, 300, seed=n), f"shot-{n}.png")
            lines = [OcrLine(f"订单编号：{order_no}", (10, 10, 300, 40), 0.98), OcrLine(text, (10, 50, 200, 80), 0.95)]
            fields = [
                ExtractedField(FieldType.ORDER_NO, order_no, order_no, (100, 10, 300, 40), 0.98),
                ExtractedField(FieldType.TIMESTAMP, when[:16], when, None, 0.9),
                ExtractedField(FieldType.AMOUNT, f"¥{100 + n}.00", f"{100 + n}.00", None, 0.9),
            ]
            vault.store_ocr_result(outcome.item_id, "rapidocr", lines, fields, "order")
            ids.append(outcome.item_id)
    return ids


def open_export_dialog(qtbot, window):  # type: ignore[no-untyped-def]
    """Open the export dialog as the toolbar does; it opens once the stored exhibit order is read."""
    from app.exportdialog import ExportDialog

    earlier = set(window.findChildren(ExportDialog))  # closed ones linger until Qt deletes them
    window.operations.export()
    qtbot.waitUntil(lambda: bool(set(window.findChildren(ExportDialog)) - earlier), timeout=10_000)
    (dialog,) = set(window.findChildren(ExportDialog)) - earlier
    return dialog

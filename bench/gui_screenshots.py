"""Screenshots of the main window, the detail pane and the export dialog from a demo vault.

    .venv/bin/python bench/gui_screenshots.py [--out docs] [--count 8] [--lang zh_CN|en]
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python bench/gui_screenshots.py

Offscreen, the screen is a 1366×768 laptop's (the tests' screen file), so the window is sized as it is there.

The demo vault lives in a temporary folder and is deleted afterwards; the evidence is synthetic
(bench/screenshots.py) and read with the real OCR engine, so the pictures show real OCR boxes.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
LAPTOP_SCREEN = REPO_ROOT / "tests" / "app" / "screens.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from bench.screenshots import generate, write_samples  # noqa: E402

PASSPHRASE = "demo-passphrase-2024"


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal, timeout_ms: int = 600_000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def demo_vault(folder: Path, count: int) -> tuple[Path, int]:
    """A vault with one filled-in case, `count` synthetic screenshots (OCR done) and a WeChat Pay bill
    with three rows picked; the path and the bill's item id."""
    from bench.record_files import bill_rows, wechat_csv
    from vault.ingest import choose_engine, import_paths, run_ocr
    from vault.selections import create_selection
    from vault.store import Vault

    samples_dir = folder / "samples"
    write_samples(generate(7, count), samples_dir)
    path = folder / "demo.evault"
    with Vault.create(path, PASSPHRASE) as vault:
        case_id = vault.add_case(
            "京东白条额度被降低", respondent="北京京东世纪贸易有限公司", channel="12315",
            complainant_name="张三", complainant_phone="13800138000",
            claim="恢复白条额度并退还多收的分期手续费", facts="2024年3月白条额度在未通知的情况下被降低。",
        )
        vault.add_case("退货退款纠纷")
        files = sorted(p for p in samples_dir.iterdir() if p.suffix != ".json")
        outcomes = import_paths(vault, case_id, files)
        engine, _ = choose_engine(None)
        run_ocr(vault, [o.item_id for o in outcomes if o.item_id], engine)
        bill = vault.import_bytes(case_id, wechat_csv(bill_rows(60, seed=7)), "微信支付账单(20240301-20240331).csv")
        paid = [r.row for r in vault.records(bill.item_id) if r.direction == "支"][:3]
        create_selection(vault, bill.item_id, paid, title="三笔白条相关扣款", purpose="证明平台在额度降低后仍然扣款")
    return path, bill.item_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs")
    parser.add_argument("--count", type=int, default=8)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
        from app.main import setup_application
        from app.mainwindow import MainWindow
        from app.qtmodels import Column
        from app.exportdialog import ExportDialog
        from app.vaultdialogs import AuditDialog

        app = setup_application(sys.argv[:1], args.lang)
        path, bill_id = demo_vault(folder, args.count)
        window = MainWindow(path)
        window.show()
        save(window, args.out / "screenshot-locked.png")
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock()
        wait_for(window.refreshed)
        window.workspace.views.setCurrentWidget(window.workspace.table)
        window.workspace.grid.setCurrentIndex(window.workspace.proxy.index(0, Column.NAME))
        settle()
        save(window, args.out / "screenshot-main.png")
        window.workspace.views.setCurrentWidget(window.workspace.grid)
        window.workspace.grid.setCurrentIndex(window.workspace.proxy.index(2, Column.NAME))
        settle()
        save(window.workspace.detail, args.out / "screenshot-detail.png")
        window.workspace.open_item(bill_id)
        settle(1500)
        save(window.workspace.detail, args.out / "screenshot-records.png")
        window.workspace.views.setCurrentWidget(window.workspace.timeline_view)
        settle()
        save(window, args.out / "screenshot-timeline.png")
        window.operations.show_history()
        settle(800)
        history = next(w for w in app.topLevelWidgets() if isinstance(w, AuditDialog) and w.isVisible())
        save(history, args.out / "screenshot-history.png")
        history.close()
        window.operations.export()
        settle()
        dialog = window.findChild(ExportDialog)
        save(dialog, args.out / "screenshot-export.png")
        dialog.reject()
        window.lock()
        window.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())

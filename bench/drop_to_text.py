"""Seconds from dropping one screenshot on a freshly unlocked window to its text being stored.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/drop_to_text.py [--hover 1.0] [--rounds 3]

Each round runs in a new process (new OCR workers, as after unlocking): the file is dragged over the
window, held there `--hover` seconds (0: dropped at once), then dropped. The window starts its OCR
workers when files are dragged over it, so a hover hides part of their start-up (issue #13).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import print_result, unlocked_window  # noqa: E402

PASSPHRASE = "drop-bench-2024"


def one_round(hover_s: float) -> float:
    """Seconds from the drop to the end of the import with OCR, in this process."""
    from PySide6.QtCore import QEventLoop, QMimeData, QPoint, QPointF, QSettings, Qt, QTimer, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from bench.screenshots import generate_one
    from vault.store import Vault

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
        from app import settings
        from app.main import setup_application

        app = setup_application(sys.argv[:1], "zh_CN")
        settings.OCR_AFTER_IMPORT.set(True)
        sample = generate_one(21, 0)
        shot = folder / f"{sample.name}{sample.suffix}"
        shot.write_bytes(sample.data)
        path = folder / "bench.evault"
        with Vault.create(path, PASSPHRASE) as vault:
            vault.add_case("drop")
        window = unlocked_window(path, PASSPHRASE)
        loop = QEventLoop()

        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(shot))])
        buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QApplication.sendEvent(window, QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers))
        if hover_s:
            QTimer.singleShot(round(hover_s * 1000), loop.quit)
            loop.exec()
        done = QEventLoop()
        window.import_panel.finished.connect(done.quit)
        started = time.perf_counter()
        QApplication.sendEvent(window, QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers))
        done.exec()
        seconds = time.perf_counter() - started
        assert window.vault.items()[0].ocr_text, "the screenshot's text was not stored"
        window.lock()
        window.close()
        app.processEvents()
        return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hover", type=float, default=1.0, help="seconds the file is held over the window")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--round", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.round is not None:
        print(f"{one_round(args.round):.3f}")
        return 0
    figures: dict[float, list[float]] = {0.0: [], args.hover: []}
    for _ in range(args.rounds):
        for hover in figures:  # alternating, so both see the same moments of a shared machine
            completed = subprocess.run([sys.executable, __file__, "--round", str(hover)],
                                       capture_output=True, text=True, check=True)
            figures[hover].append(float(completed.stdout.strip().splitlines()[-1]))
    for hover, seconds in figures.items():
        print(f"hover {hover:.1f} s: drop to text {', '.join(f'{s:.2f}' for s in seconds)} s")
    print_result(hover_s=args.hover, dropped_at_once_s=f"{min(figures[0.0]):.2f}",
                 after_hover_s=f"{min(figures[args.hover]):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How long the GUI's event loop stalls while 100 screenshots are imported through the GUI.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_latency.py [--count 100] [--ocr]

A 5 ms QTimer records the gaps between its ticks while the main window imports the files through
its background path (ImportPanel: import, optional OCR, model refreshes, thumbnails in the grid);
a gap well above 5 ms is time the window could not repaint or react to input.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402

from bench.screenshots import generate, write_samples  # noqa: E402

TICK_MS = 5
PASSPHRASE = "latency-bench-2024"


class StallMeter:
    """Gaps between 5 ms timer ticks, in milliseconds, beyond the tick itself."""

    def __init__(self) -> None:
        self.stalls: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--ocr", action="store_true", help="also read the text (takes minutes)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
        from app import settings
        from app.main import setup_application
        from app.mainwindow import MainWindow
        from vault.store import Vault

        app = setup_application(sys.argv[:1], "zh_CN")
        settings.OCR_AFTER_IMPORT.set(args.ocr)
        samples = folder / "samples"
        write_samples(generate(11, args.count), samples)
        files = sorted(p for p in samples.iterdir() if p.suffix != ".json")
        path = folder / "bench.evault"
        with Vault.create(path, PASSPHRASE) as vault:
            vault.add_case("latency")
        window = MainWindow(path)
        window.show()
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock()
        loop = QEventLoop()
        window.refreshed.connect(loop.quit)
        loop.exec()

        meter = StallMeter()
        done = QEventLoop()
        window.import_panel.finished.connect(done.quit)
        started = time.perf_counter()
        meter.start()
        window.import_paths([samples])  # the folder, as a person would drop it
        done.exec()
        settled = QEventLoop()  # the last refresh and the thumbnails it paints
        window.refreshed.connect(settled.quit)
        QTimer.singleShot(5_000, settled.quit)
        settled.exec()
        meter.timer.stop()
        elapsed = time.perf_counter() - started
        rows = window.evidence.rowCount()
        window.lock()
        window.close()
        app.processEvents()

    stalls = sorted(meter.stalls)
    p99 = stalls[int(0.99 * (len(stalls) - 1))] if stalls else 0.0
    print(f"imported {rows} of {len(files)} files in {elapsed:.1f} s (ocr={'on' if args.ocr else 'off'})")
    print(f"ticks {len(stalls)}, median stall {statistics.median(stalls) if stalls else 0:.1f} ms, "
          f"max {stalls[-1] if stalls else 0:.1f} ms, p99 {p99:.1f} ms")
    print(f"RESULT max_stall_ms={stalls[-1] if stalls else 0:.1f} p99_stall_ms={p99:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

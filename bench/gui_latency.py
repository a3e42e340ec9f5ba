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
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402

from _common import unlocked_window  # noqa: E402
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


class StallTracer:
    """Samples the GUI thread's Python stack whenever the meter has not ticked for `threshold_ms`.

    Runs in its own thread, so it sees what the event loop is stuck in (sys._current_frames), and
    counts each distinct stack once per millisecond sampled: the top stacks are where stalls come from.
    """

    def __init__(self, meter: StallMeter, threshold_ms: float = 30.0) -> None:
        self.meter = meter
        self.threshold = threshold_ms / 1000
        self.samples: Counter[str] = Counter()
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(0.001):
            if time.perf_counter() - self.meter._last < self.threshold:
                continue
            frame = sys._current_frames().get(self._main)
            if frame is not None:
                stack = traceback.format_stack(frame)[-8:]
                self.samples["".join(stack)] += 1

    def report(self, top: int = 5) -> None:
        for stack, count in self.samples.most_common(top):
            print(f"--- {count} ms sampled in stalls > {self.threshold * 1000:.0f} ms:\n{stack}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--ocr", action="store_true", help="also read the text (takes minutes)")
    parser.add_argument("--existing", type=int, default=0,
                        help="screenshots already in the case, so thumbnails are painted during the import")
    parser.add_argument("--trace", action="store_true", help="print the GUI thread's stacks during stalls")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
        from app import settings
        from app.main import setup_application
        from vault.ingest import import_paths
        from vault.store import Vault

        app = setup_application(sys.argv[:1], "zh_CN")
        settings.OCR_AFTER_IMPORT.set(args.ocr)
        samples = folder / "samples"
        write_samples(generate(11, args.count), samples)
        files = sorted(p for p in samples.iterdir() if p.suffix != ".json")
        path = folder / "bench.evault"
        with Vault.create(path, PASSPHRASE) as vault:
            case_id = vault.add_case("latency")
            if args.existing:
                earlier = folder / "earlier"
                write_samples(generate(12, args.existing), earlier)
                import_paths(vault, case_id, sorted(p for p in earlier.iterdir() if p.suffix != ".json"))
        window = unlocked_window(path, PASSPHRASE)
        loop = QEventLoop()
        QTimer.singleShot(500, loop.quit)  # thumbnails of --existing items arrive after the refresh
        loop.exec()

        meter = StallMeter()
        done = QEventLoop()
        window.import_panel.finished.connect(done.quit)
        started = time.perf_counter()
        meter.start()
        tracer = StallTracer(meter)
        if args.trace:
            tracer.start()
        window.import_paths([samples])  # the folder, as a person would drop it
        done.exec()
        settled = QEventLoop()  # the last refresh and the thumbnails it paints
        window.refreshed.connect(settled.quit)
        QTimer.singleShot(5_000, settled.quit)
        settled.exec()
        meter.timer.stop()
        if args.trace:
            tracer.stop()
        elapsed = time.perf_counter() - started
        rows = window.workspace.evidence.rowCount()
        window.lock()
        window.close()
        app.processEvents()

    if args.trace:
        tracer.report()
    if args.trace:
        print("stalls > 30 ms at tick:", [(i, round(s)) for i, s in enumerate(meter.stalls) if s > 30], "of", len(meter.stalls))
    stalls = sorted(meter.stalls)
    p99 = stalls[int(0.99 * (len(stalls) - 1))] if stalls else 0.0
    print(f"imported {rows} of {len(files)} files in {elapsed:.1f} s (ocr={'on' if args.ocr else 'off'})")
    print(f"ticks {len(stalls)}, median stall {statistics.median(stalls) if stalls else 0:.1f} ms, "
          f"max {stalls[-1] if stalls else 0:.1f} ms, p99 {p99:.1f} ms")
    print(f"RESULT max_stall_ms={stalls[-1] if stalls else 0:.1f} p99_stall_ms={p99:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The one way the GUI runs long work: a callable in QThreadPool, results back by signal.

    task = Task(lambda progress, cancelled: import_paths(..., progress=progress, cancelled=cancelled))
    task.progressed.connect(bar.update)
    task.succeeded.connect(show_summary)
    task.start()

The callable runs in a pool thread and must not touch widgets; it receives a progress function
`progress(done, total, name)` and a `cancelled()` check. Signals are delivered queued, so slots run
in the GUI thread.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

WORKER_NICENESS = 10
"""Pool threads yield the CPU to the GUI thread: on a busy two-core laptop an import otherwise takes
the core the event loop needs, and the window stops repainting (bench/gui_latency.py)."""

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]

_running: set[Task] = set()
"""Tasks in flight keep themselves alive until their result signal has been emitted."""


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        _lower_thread_priority()
        task = self.task
        try:
            result = task.work(task.report_progress, task.is_cancelled)
        except Exception as e:  # noqa: BLE001 - delivered to the GUI, which decides how to show it
            log.debug("background task failed", exc_info=True)
            task.failed.emit(e)
        else:
            task.succeeded.emit(result)
        finally:
            task.done.emit()


def _lower_thread_priority() -> None:
    """Raise this pool thread's niceness (Linux schedules threads separately; elsewhere a no-op)."""
    if not hasattr(os, "setpriority") or not sys.platform.startswith("linux"):
        return
    tid = threading.get_native_id()
    try:
        if os.getpriority(os.PRIO_PROCESS, tid) < WORKER_NICENESS:
            os.setpriority(os.PRIO_PROCESS, tid, WORKER_NICENESS)
    except OSError:
        log.debug("could not lower the priority of a pool thread", exc_info=True)


class Task(QObject):
    """One piece of background work with progress, cancel and success/failure signals."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self._cancel = threading.Event()
        self.done.connect(lambda: _running.discard(self))

    def start(self, pool: QThreadPool | None = None) -> Task:
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report_progress(self, done: int, total: int, name: str) -> None:
        self.progressed.emit(done, total, name)


def wait_for_all(timeout_ms: int = -1) -> bool:
    """Block until background work has finished (used before closing the vault)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

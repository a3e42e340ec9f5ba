"""The one way the GUI runs long work: a callable in QThreadPool, results back by signal.

    task = Task(lambda progress, cancelled: import_paths(..., progress=progress, cancelled=cancelled))
    task.progressed.connect(bar.update)
    task.succeeded.connect(show_summary)
    task.start()

The callable runs in a pool thread and must not touch widgets; it receives a progress function
`progress(done, total, name)` and a `cancelled()` check. The pool thread sends one result across
threads; the task, which lives in the GUI thread, then emits `succeeded` or `failed` and after it
`done`, in that order and in the GUI thread (two cross-thread signals could arrive the other way
round, issue #12).
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

WORKER_NICENESS = 10
"""Pool threads yield the CPU to the GUI thread: on a busy two-core laptop an import otherwise takes
the core the event loop needs, and the window stops repainting (bench/gui_latency.py)."""

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]

_running: set[Task] = set()
"""Tasks in flight keep themselves alive until their result signal has been emitted."""


@dataclass(frozen=True)
class _Outcome:
    """What the work returned (`ok`) or raised; one object, as a bool argument in a queued PySide
    signal can be released twice at exit."""

    ok: bool
    value: Any


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
            task.finished_in_pool.emit(_Outcome(False, e))
        else:
            task.finished_in_pool.emit(_Outcome(True, result))


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
    finished_in_pool = Signal(object)
    """The one cross-thread signal, carrying an `_Outcome`, queued to `_deliver`."""

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self._cancel = threading.Event()
        self.finished_in_pool.connect(self._deliver)

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        """In the GUI thread: the result or the error, then `done` (a slot that raises does not stop it)."""
        (self.succeeded if outcome.ok else self.failed).emit(outcome.value)
        self.done.emit()
        _running.discard(self)

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

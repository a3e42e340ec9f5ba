"""The task helper: one delivery per task, the result or the error before `done`, in the GUI thread."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from app.tasks import Task, wait_for_all

pytestmark = pytest.mark.gui


def _record(task: Task, events: list[tuple[str, bool]]) -> None:
    """Each signal notes its name and whether its slot ran in the GUI thread."""
    gui = QApplication.instance().thread()
    task.succeeded.connect(lambda _: events.append(("succeeded", QThread.currentThread() is gui)))
    task.failed.connect(lambda _: events.append(("failed", QThread.currentThread() is gui)))
    task.done.connect(lambda: events.append(("done", QThread.currentThread() is gui)))


def _fail(progress, cancelled) -> None:  # type: ignore[no-untyped-def]
    raise ValueError("unreadable")


@pytest.mark.parametrize("work, outcome", [
    pytest.param(lambda progress, cancelled: threading.get_native_id(), "succeeded", id="success"),
    pytest.param(_fail, "failed", id="failure"),
])
def test_outcome_then_done_in_the_gui_thread(qtbot, work, outcome: str) -> None:  # type: ignore[no-untyped-def]
    runs: list[list[tuple[str, bool]]] = [[] for _ in range(8)]  # several at once, finishing interleaved
    tasks = [Task(work) for _ in runs]
    for task, events in zip(tasks, runs):
        _record(task, events)
    for task in tasks:
        task.start()
    assert wait_for_all(10_000)
    qtbot.waitUntil(lambda: all(len(events) >= 2 for events in runs), timeout=5_000)
    qtbot.wait(20)  # nothing more may arrive
    assert all(events == [(outcome, True), ("done", True)] for events in runs), runs


def test_progress_arrives_before_the_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(progress, cancelled) -> str:  # type: ignore[no-untyped-def]
        for n in range(20):
            progress(n, 100, f"file-{n}")
        return "all"

    seen: list[str] = []
    task = Task(work)
    task.progressed.connect(lambda done, total, name: seen.append(name))
    task.succeeded.connect(seen.append)
    with qtbot.waitSignal(task.done, timeout=5_000):
        task.start()
    assert seen == [f"file-{n}" for n in range(20)] + ["all"]

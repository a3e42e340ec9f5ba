"""The vault session: writes in order on one thread, failures announced, results from before a lock dropped."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.session import VaultSession
from tests.app.conftest import PASSPHRASE
from vault.store import Vault

pytestmark = pytest.mark.gui


@pytest.fixture
def session(qapp, vault_path: Path) -> Iterator[VaultSession]:  # type: ignore[no-untyped-def]
    opened = VaultSession()
    opened.open(Vault.open(vault_path, PASSPHRASE))
    yield opened
    opened.lock()


def test_writes_run_in_order_on_one_thread_that_is_not_the_gui(qtbot, session: VaultSession) -> None:  # type: ignore[no-untyped-def]
    ran: list[tuple[int, int]] = []

    def add(n: int):  # type: ignore[no-untyped-def]
        def work(vault: Vault) -> int:
            time.sleep(0.01 * (5 - n))  # the first is the slowest: a second thread would overtake it
            ran.append((n, threading.get_ident()))
            return vault.add_case(f"case {n}")
        return work

    delivered: list[int] = []
    for n in range(5):
        session.write(add(n), delivered.append)
    qtbot.waitUntil(lambda: len(delivered) == 5, timeout=5_000)
    assert [n for n, _ in ran] == list(range(5))
    assert len({thread for _, thread in ran}) == 1 and ran[0][1] != threading.get_ident()
    assert delivered == sorted(delivered)


def test_a_failure_without_a_handler_is_announced(qtbot, session: VaultSession) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(session.failed, timeout=5_000) as failure:
        session.read(lambda vault: vault.item(999_999))
    assert "999999" in failure.args[0]


def test_a_result_from_before_a_lock_is_dropped(qtbot, session: VaultSession) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    delivered: list[object] = []

    def slow_read(vault: Vault) -> list:
        started.set()
        time.sleep(0.1)
        return vault.cases()

    task = session.read(slow_read, delivered.append, delivered.append)
    assert task is not None and started.wait(5)
    with qtbot.waitSignal(task.done, timeout=5_000):
        session.lock()
    assert delivered == [] and not session.is_open
    assert session.read(lambda vault: vault.cases()) is None, "nothing runs on a locked session"

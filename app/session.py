"""The open vault of one window: open, lock, idle lock, and every vault operation as a background task.

    session.read(lambda vault: vault.cases(), show_cases)
    session.write(lambda vault: vault.add_case(title), select_case, failure=explain)

Reads run in the shared pool; writes queue on one writer thread, so the GUI thread never waits on
the vault's lock and two writes never race (issue #12). Each lock bumps `generation`: a result of
work started before it is dropped, so nothing decrypted comes back onto a locked window. A failure
without a handler of its own is announced by `failed` in the interface language, never dropped.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.texts import vault_error_text
from app.tasks import Task, wait_for_all
from vault.store import Vault

log = logging.getLogger(__name__)

LOCK_WAIT_MS = 30_000
"""How long locking waits for background work to stop before closing the vault anyway."""

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
VaultWork = Callable[[Vault, Progress, Cancelled], Any]


class IdleWatcher(QObject):
    """Fires `idle` after the given time without keyboard or mouse input anywhere in the app."""

    idle = Signal()
    INPUT_EVENTS = {
        QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.idle)
        QApplication.instance().installEventFilter(self)

    def set_timeout_ms(self, ms: int) -> None:
        """0 disables auto-lock."""
        self.timer.setInterval(ms)
        self.timer.stop() if ms <= 0 else self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT_EVENTS and self.timer.interval() > 0:
            self.timer.start()
        return False


class VaultSession(QObject):
    """Owns the open vault; views ask it for data and never hold the vault themselves."""

    opened = Signal()
    """A vault is open (unlocked, created, or re-encrypted under a new passphrase)."""
    closing = Signal()
    """The vault is about to close: forget everything shown from it and close what shows evidence."""
    locked = Signal()
    """The vault is closed."""
    failed = Signal(str)
    """A vault operation failed and its caller gave no handler: the reason, in the interface language."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.generation = 0
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)

    @property
    def is_open(self) -> bool:
        return self.vault is not None

    def open(self, vault: Vault) -> None:
        self.vault = vault
        self.generation += 1
        self.opened.emit()

    def release(self) -> Vault | None:
        """Stop work on the vault and forget it without closing it; the caller owns the vault."""
        vault = self.vault
        if vault is None:
            return None
        self.closing.emit()
        self.generation += 1
        self.wait_for_work()
        self.vault = None
        return vault

    def lock(self) -> None:
        """Close the vault; everything decrypted from it is dropped by the `closing` handlers."""
        vault = self.release()
        if vault is not None:
            vault.close()
            self.locked.emit()

    def wait_for_work(self) -> None:
        """Let running reads and queued writes finish (before the vault closes or changes its key)."""
        self.writer.waitForDone(LOCK_WAIT_MS)
        wait_for_all(LOCK_WAIT_MS)

    def read(self, work: Callable[[Vault], Any], success: Callable[[Any], None] | None = None,
             failure: Callable[[Exception], None] | None = None) -> Task | None:
        """Run a query in the shared pool."""
        return self.run(lambda vault, progress, cancelled: work(vault), success, failure)

    def write(self, work: Callable[[Vault], Any], success: Callable[[Any], None] | None = None,
              failure: Callable[[Exception], None] | None = None) -> Task | None:
        """Run a change on the writer thread, after the changes asked for before it."""
        return self.run(lambda vault, progress, cancelled: work(vault), success, failure, writes=True)

    def run(self, work: VaultWork, success: Callable[[Any], None] | None = None,
            failure: Callable[[Exception], None] | None = None, writes: bool = False) -> Task | None:
        """Run `work(vault, progress, cancelled)`; None when no vault is open. Results after a lock are dropped."""
        vault, generation = self.vault, self.generation
        if vault is None:
            return None
        task = Task(lambda progress, cancelled: work(vault, progress, cancelled))
        task.succeeded.connect(lambda result: self._deliver(generation, success, result))
        task.failed.connect(lambda error: self._deliver(generation, failure or self._announce, error))
        return task.start(self.writer if writes else None)

    def replace(self, work: Callable[[Vault], Vault], success: Callable[[], None],
                failure: Callable[[Exception], None]) -> None:
        """Run work that closes the vault and returns its successor (a new passphrase) on the writer thread.

        Work in flight finishes first and its results are dropped; a failure locks the session, as
        the old vault may already be closed.
        """
        vault = self.vault
        if vault is None:
            return
        self.generation += 1
        self.wait_for_work()
        generation = self.generation

        def replaced(successor: Vault) -> None:
            self.open(successor)
            success()

        def failed(error: Exception) -> None:
            self.lock()
            failure(error)

        task = Task(lambda progress, cancelled: work(vault))
        task.succeeded.connect(lambda successor: self._deliver(generation, replaced, successor))
        task.failed.connect(lambda error: self._deliver(generation, failed, error))
        task.start(self.writer)

    def _deliver(self, generation: int, handler: Callable[[Any], None] | None, outcome: Any) -> None:
        if generation != self.generation:
            log.debug("dropped the result of vault work started before a lock")
            return
        if handler is not None:
            handler(outcome)

    def _announce(self, error: Exception) -> None:
        self.failed.emit(vault_error_text(error))

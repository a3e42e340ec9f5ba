"""Notices changes another program made to the open vault (the CLI, a second window).

SQLite's data version changes with every commit from another connection; it is read on the session's
read pool every few seconds and when the window comes back to the front, never on the GUI thread.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.session import VaultSession

POLL_INTERVAL_MS = 3000
"""Often enough that a change from the CLI shows while one looks at the window; one tiny query each time."""


class ChangeWatcher(QObject):
    changed = Signal()
    """Another connection committed to the vault since the last check."""

    def __init__(self, session: VaultSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._seen: int | None = None
        self.timer = QTimer(self, interval=POLL_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        session.opened.connect(self._start)
        session.closing.connect(self._stop)

    def _start(self) -> None:
        self._seen = None
        self.check()
        self.timer.start()

    def _stop(self) -> None:
        self.timer.stop()
        self._seen = None

    def check(self) -> None:
        # A failed poll (the CLI holds the write lock) says nothing; the next one, seconds later, asks again.
        self.session.read(lambda vault: vault.data_version(), self._compare, lambda _error: None)

    def _compare(self, version: int) -> None:
        before, self._seen = self._seen, version
        if before is not None and version != before:
            self.changed.emit()

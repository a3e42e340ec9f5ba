"""Advisory locks that tell one process holding a vault open from another.

Every open vault holds a shared lock on its file; a passphrase change or a restore needs the
exclusive lock, so it is refused while a GUI window or an import elsewhere has the vault open.
Without this, the other process's -wal (pages under the old key) is left beside the new file and
neither passphrase opens the vault again. flock(2) locks are independent of SQLite's own POSIX
byte-range locks on Linux, and are released by the kernel when a process dies.
"""
from __future__ import annotations

import os
from pathlib import Path

from vault.errors import VaultInUse

try:
    import fcntl
except ImportError:  # not POSIX: there the file system's own sharing rules are all we have
    fcntl = None  # type: ignore[assignment]

IN_USE_MESSAGE = (
    "the vault is open in another window or command (the app, an import, a backup); "
    "close it there and try again"
)


class VaultLock:
    """A shared (or exclusive) flock on one vault file, held for as long as the vault is open."""

    def __init__(self, path: Path, exclusive: bool = False) -> None:
        self.path = path
        self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            self._flock(exclusive)
        except BaseException:
            os.close(self._fd)
            raise
        status = os.fstat(self._fd)
        self.identity = (status.st_dev, status.st_ino)

    def _flock(self, exclusive: bool) -> None:
        if fcntl is None:
            return
        try:
            fcntl.flock(self._fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            raise VaultInUse(IN_USE_MESSAGE) from None

    def make_exclusive(self) -> None:
        """Upgrade to the exclusive lock; VaultInUse while any other process holds the vault open."""
        self._flock(exclusive=True)

    def make_shared(self) -> None:
        """Back to the shared lock after an exclusive operation that left the vault open."""
        if fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_SH)

    def still_at_path(self) -> bool:
        """False once the file at `path` is another file than the one locked (swapped or deleted)."""
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            return False
        return (status.st_dev, status.st_ino) == self.identity

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

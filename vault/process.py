"""What the processes holding the vault key or evidence do about dumps, inherited secrets and orphans.

A core dump of the CLI or the app holds the passphrase and the key; a child started with the
parent's environment holds EVIDENCE_VAULT_PASSPHRASE; an OCR worker whose parent was killed goes on
holding evidence bytes (issue #11, points 7 and 8). The Linux calls go through prctl(2); elsewhere
they are skipped and only the portable parts apply.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

import psutil

if sys.platform != "win32":
    import resource

PR_SET_PDEATHSIG = 1
PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4
"""Option numbers from <linux/prctl.h>."""

PARENT_WATCH_INTERVAL_S = 0.5
"""How often a worker checks that its parent is alive where the kernel cannot tell it (not Linux)."""

SECRET_PREFIX = "EVIDENCE_VAULT_"
SECRET_SUFFIXES = ("PASSPHRASE", "PASSWORD")
"""Environment variables the front ends read secrets from: EVIDENCE_VAULT_PASSPHRASE,
EVIDENCE_VAULT_NEW_PASSPHRASE, and any later EVIDENCE_VAULT_…_PASSWORD."""


def _prctl(option: int, value: int = 0) -> int | None:
    """prctl(2) on Linux: its result (-1 on error); None on other systems."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    return int(libc.prctl(ctypes.c_int(option), ctypes.c_ulong(value), ctypes.c_ulong(0), ctypes.c_ulong(0),
                          ctypes.c_ulong(0)))


def is_secret_variable(name: str) -> bool:
    return name.startswith(SECRET_PREFIX) and name.endswith(SECRET_SUFFIXES)


def disable_core_dumps() -> None:
    """No core file, and no ptrace or /proc/PID/environ|mem access by other processes of the user.

    RLIMIT_CORE 0 with the hard limit too, so nothing in the process can raise it again; the
    non-dumpable flag also covers a core_pattern that pipes dumps to a collector (systemd-coredump,
    apport), which ignores RLIMIT_CORE (core(5)).
    """
    if sys.platform != "win32":
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _prctl(PR_SET_DUMPABLE, 0)


def is_dumpable() -> bool | None:
    """The kernel's dumpable flag of this process (PR_GET_DUMPABLE); None where there is none."""
    result = _prctl(PR_GET_DUMPABLE)
    return None if result is None else result != 0


def withhold_secrets_from_children() -> None:
    """Remove the secret variables from the environment every child is started with.

    Only the process environment (what execve passes on: multiprocessing's spawn, subprocess) is
    changed; os.environ, Python's copy made at start-up, keeps them so the CLI can still read its
    passphrase. Nothing in this process may pass os.environ on to a child (env=os.environ).
    """
    for name in [name for name in os.environ if is_secret_variable(name)]:
        os.unsetenv(name)


def harden_process() -> None:
    """Start-up of both front ends: no core dumps, no secrets inherited by child processes."""
    disable_core_dumps()
    withhold_secrets_from_children()


def drop_secret_variables() -> None:
    """Forget the secret variables entirely, for a process that never reads them (an OCR worker)."""
    for name in [name for name in os.environ if is_secret_variable(name)]:
        del os.environ[name]


def limit_address_space(limit_bytes: int) -> None:
    """Cap this process's address space so a runaway allocation fails (MemoryError) instead of
    drawing the kernel's OOM killer onto whatever process it picks. Linux only: macOS does not
    enforce RLIMIT_AS and Windows has no rlimits."""
    if sys.platform.startswith("linux"):
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))


def _parent_alive(parent: psutil.Process) -> bool:
    try:
        return parent.is_running() and parent.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _exit_when_parent_dies(parent: psutil.Process) -> None:
    while _parent_alive(parent):
        time.sleep(PARENT_WATCH_INTERVAL_S)
    os._exit(1)


def exit_with_parent(parent_pid: int) -> None:
    """End this process as soon as the process `parent_pid` (the one that started it) dies.

    On Linux the kernel sends SIGKILL (PR_SET_PDEATHSIG), even while the process is deep in native
    code; the signal follows the thread that started the child, so that thread must outlive it.
    A watching thread is the fallback everywhere, also for a parent that died before this call.
    """
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.name == "posix" and os.getppid() != parent_pid:  # already reparented: the parent is gone
        os._exit(1)
    try:
        parent = psutil.Process(parent_pid)
    except psutil.NoSuchProcess:
        os._exit(1)
    threading.Thread(target=_exit_when_parent_dies, args=(parent,), name="parent-watch", daemon=True).start()

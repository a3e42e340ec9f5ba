"""The installed Qt binding itself: PySide6 6.12.0 lowered True's reference count on every signal
emit, so a long session (progress signals) aborted with "bool_dealloc"; pyproject excludes it."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.gui


class _Emitter(QObject):
    fired = Signal()


def test_signal_emits_keep_reference_counts(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit()
    assert sys.getrefcount(True) >= before - 5

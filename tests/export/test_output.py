"""Temporary files of an export: names, and the clean-up of those a killed export left behind."""
from __future__ import annotations

import os
import time
from pathlib import Path

from export.output import STALE_PART_SECONDS, remove_stale_parts, temporary_name


def _aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"encrypted part")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_parts_left_by_a_killed_export_are_removed_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "证据材料.pdf"
    old = STALE_PART_SECONDS + 60
    stale = [_aged(temporary_name(target, role), old) for role in ("part", "merged", "segment0", "segment12")]
    fresh = _aged(temporary_name(target, "segment1"), 60)  # an export running right now
    other_target = _aged(temporary_name(tmp_path / "other.pdf", "part"), old)
    lookalike = _aged(tmp_path / f".{target.name}.notours.part", old)
    user_file = _aged(tmp_path / "notes.txt", old)

    removed = remove_stale_parts(target)

    assert sorted(removed) == sorted(stale)
    assert all(p.exists() for p in (fresh, other_target, lookalike, user_file))
    assert not any(p.exists() for p in stale)


def test_a_missing_folder_is_not_an_error(tmp_path: Path) -> None:
    assert remove_stale_parts(tmp_path / "missing" / "d.pdf") == []

"""The installed commands' entry points, as pip's console scripts run them."""
from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
ENTRY_POINTS = {**PROJECT["scripts"], **PROJECT["gui-scripts"]}

WORKER_PROBE = """\
import json, multiprocessing, sys
from concurrent.futures import ProcessPoolExecutor
from {module} import {function}


def loaded():
    return sorted(sys.modules)


if __name__ == "__main__":
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        print(json.dumps(pool.submit(loaded).result()))
"""
"""A script that starts with the import a console script starts with, then spawns a worker as the
OCR pool does: the worker runs this script's top again (as `__mp_main__`) before its first job."""


def modules_in_a_worker_of(entry_point: str, tmp_path: Path) -> list[str]:
    module, function = entry_point.split(":")
    script = tmp_path / "command.py"
    script.write_text(WORKER_PROBE.format(module=module, function=function), encoding="utf-8")
    completed = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env={"PYTHONPATH": str(ROOT)},
                               capture_output=True, text=True, timeout=120, check=True)
    return json.loads(completed.stdout)


@pytest.mark.parametrize("command", sorted(ENTRY_POINTS))
def test_an_ocr_worker_of_a_command_loads_none_of_its_front_end(command: str, tmp_path: Path) -> None:
    """A GUI worker that loaded the window took 0.35 s longer to start and held 58 MB more."""
    loaded = modules_in_a_worker_of(ENTRY_POINTS[command], tmp_path)

    front_end = [m for m in loaded if m.startswith(("PySide6", "app.", "cli.")) and m not in ("app.launcher", "cli.launcher")]
    assert front_end == []


def test_the_command_line_entry_point_runs_the_program() -> None:
    code = "import sys; sys.argv = ['evidence-vault', '--help']; from cli.launcher import main; main()"
    completed = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)

    assert completed.returncode == 0
    assert "evidence-vault" in completed.stdout and "import" in completed.stdout


def test_the_gui_entry_point_runs_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.main
    from app.launcher import main

    monkeypatch.setattr(app.main, "main", lambda: 7)

    assert main() == 7

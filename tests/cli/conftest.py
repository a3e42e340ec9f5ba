"""Fixtures of the command-line tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main

PASS = "口令 for tests"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process against a vault in tmp_path; returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", PASS)
    vault = tmp_path / "v.evault"

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--vault", str(vault), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run

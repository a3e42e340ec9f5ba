"""The CLI offers the engines and runtimes ocr.engine_names names, and parses them without loading one."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import build_parser
from ocr.engine_names import BackendName, EngineName

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("command", ["import", "ocr"])
def test_every_engine_and_backend_is_a_choice(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    for engine in EngineName:
        for backend in BackendName:
            paths = ["x"] if command == "import" else []
            args = parser.parse_args([command, "--ocr-engine", engine, "--ocr-backend", backend, *paths])
            assert (args.ocr_engine, args.ocr_backend) == (engine, backend)
    with pytest.raises(SystemExit):
        parser.parse_args([command, "--ocr-engine", "paddle"])
    assert "choose from 'rapidocr', 'tesseract'" in capsys.readouterr().err


def test_parsing_engine_options_loads_no_engine() -> None:
    probe = (
        "import sys; from cli.main import build_parser; "
        "build_parser().parse_args(['import', '--ocr-engine', 'tesseract', '--ocr-backend', 'onnxruntime', 'x']); "
        "print(sorted(m for m in sys.modules if m.startswith(('ocr.engines', 'numpy', 'rapidocr'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

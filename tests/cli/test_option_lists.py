"""The CLI derives its option lists from the shared names: engines, runtimes, case details, field types."""
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


def test_case_add_has_an_option_for_every_case_detail() -> None:
    from vault.evidence import CASE_DETAIL_COLUMNS

    details = [column for column in CASE_DETAIL_COLUMNS if column != "title"]
    options = [part for column in details for part in (f"--{column.replace('_', '-')}", f"<{column}>")]
    args = build_parser().parse_args(["case", "add", "<title>", *options])
    assert {column: getattr(args, column) for column in CASE_DETAIL_COLUMNS} == {
        column: f"<{column}>" for column in CASE_DETAIL_COLUMNS}


def test_field_add_offers_every_field_type_and_refuses_others(capsys: pytest.CaptureFixture[str]) -> None:
    from ocr.types import FieldType

    parser = build_parser()
    assert [parser.parse_args(["field", "add", "1", field_type, "v"]).type for field_type in FieldType] == list(FieldType)
    with pytest.raises(SystemExit):
        parser.parse_args(["field", "add", "1", "order_number", "v"])
    assert "invalid choice: 'order_number'" in capsys.readouterr().err

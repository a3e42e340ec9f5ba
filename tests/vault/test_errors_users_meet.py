"""Mistakes and mishaps people meet on the command line: each ends with exit 2 and one specific line
on stderr, no traceback, and nothing already stored changes."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ocr.types import ExtractedField, FieldType, OcrLine
from tests.factories import png_bytes
from vault.cli import main
from vault.store import Vault

PASS = "口令 for tests"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def vault_file(tmp_path: Path) -> Path:
    return tmp_path / "v.evault"


@pytest.fixture
def cli(vault_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the CLI in-process; returns (exit code, stdout, stderr), also when argparse exits."""
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", PASS)

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--vault", str(vault_file), *args])
        except SystemExit as e:
            code = int(e.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def state(vault_file: Path) -> Callable[[], tuple[object, ...]]:
    """What a refused command must leave as it was: the audit head and every item's 形成时间."""

    def read() -> tuple[object, ...]:
        with Vault.open(vault_file, PASS) as vault:
            return vault.audit_head(), [(i.id, i.formed_at) for i in vault.items()]

    return read


def refused(result: tuple[int, str, str], message: str) -> None:
    code, _, err = result
    assert code == 2, err
    assert "Traceback" not in err
    assert message in err, err
    assert len([line for line in err.splitlines() if line.startswith("evidence-vault")]) == 1, err


@pytest.fixture
def one_item(cli: Run, tmp_path: Path, vault_file: Path) -> int:
    """A vault with one imported screenshot that OCR read an order number and a time from."""
    assert cli("init")[0] == 0
    shot = tmp_path / "shot.png"
    shot.write_bytes(png_bytes(seed=1))
    assert cli("import", str(shot), "--no-ocr")[0] == 0
    with Vault.open(vault_file, PASS) as vault:
        vault.store_ocr_result(
            1, "tesseract", [OcrLine("订单编号：312345678901", (0, 0, 10, 10), 0.9)],
            [ExtractedField(FieldType.ORDER_NO, "订单编号：312345678901", "312345678901", (0, 0, 10, 10), 0.9)],
        )
        return vault.item(1).fields[0].id


# --- field reject (issue #10 point 7) --------------------------------------------------------


def test_field_reject_marks_the_ocr_field_and_show_says_so(cli: Run, one_item: int) -> None:
    code, out, _ = cli("field", "reject", "1", str(one_item), "--reason", "投诉编号，不是订单号")
    assert code == 0 and f"Field {one_item} of item 1 is marked wrong" in out
    shown = cli("show", "1")[1]
    assert f"#{one_item:<5} order_no        312345678901  [ocr] (rejected)" in shown
    assert "[user]" not in shown  # the empty rejection itself is not a value to show
    assert cli("list")[1].split("\t")[3] == "-"  # no order number left for the 证据目录
    log = json.loads(cli("log", "--item", "1", "--json")[1])
    assert log[-1]["action"] == "field.reject" and log[-1]["payload"]["reason"] == "投诉编号，不是订单号"


def test_field_reject_refuses_a_wrong_id_or_a_second_rejection(
    cli: Run, one_item: int, state: Callable[[], tuple[object, ...]]
) -> None:
    before = state()
    refused(cli("field", "reject", "1", "999"), "item 1 has no field 999")
    assert state() == before
    cli("field", "reject", "1", str(one_item))
    before = state()
    refused(cli("field", "reject", "1", str(one_item)), f"field {one_item} is already corrected or rejected")
    assert state() == before


def test_correcting_to_an_empty_value_points_to_field_reject(
    cli: Run, one_item: int, state: Callable[[], tuple[object, ...]]
) -> None:
    before = state()
    refused(cli("field", "add", "1", "order_no", "  ", "--corrects", str(one_item)),
            f"use 'evidence-vault field reject 1 {one_item}'")
    assert state() == before


# --- 16: times are validated ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("edit", "1", "--formed-at", "yesterday"), id="formed-at-yesterday"),
        pytest.param(("edit", "1", "--formed-at", "2026-02-30"), id="formed-at-no-such-day"),
        pytest.param(("field", "add", "1", "timestamp", "not a time"), id="timestamp-field-text"),
    ],
)
def test_times_that_are_not_times_are_refused(
    cli: Run, one_item: int, state: Callable[[], tuple[object, ...]], args: tuple[str, ...]
) -> None:
    before = state()
    refused(cli(*args), "write it as 2026-02-14, 2026-02-14 22:15")
    assert state() == before


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        pytest.param("2026-02-14", "2026-02-14", id="date"),
        pytest.param("2026-02-14 22:15", "2026-02-14T22:15:00", id="space-and-minutes"),
        pytest.param("2026-02-14T22:15:35+08:00", "2026-02-14T22:15:35+08:00", id="iso-with-zone"),
    ],
)
def test_times_are_stored_in_iso_form(cli: Run, one_item: int, vault_file: Path, typed: str, stored: str) -> None:
    assert cli("edit", "1", "--formed-at", typed)[0] == 0
    assert cli("field", "add", "1", "timestamp", typed)[0] == 0
    with Vault.open(vault_file, PASS) as vault:
        item = vault.item(1)
    assert item.formed_at == stored
    assert [(f.raw, f.normalized) for f in item.fields if f.type == "timestamp"] == [(typed, stored)]


# --- 12: arguments SQLite cannot take -----------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(("show", str(2**63)), f"ids are 1 to {2**63 - 1}", id="id-beyond-int64"),
        pytest.param(("show", "99999999999999999999"), "ids are 1 to", id="id-far-beyond"),
        pytest.param(("delete", "0"), "ids are 1 to", id="id-zero"),
        pytest.param(("export", "-o", "x.pdf", "--items", "1", "-5"), "ids are 1 to", id="negative-exhibit"),
        pytest.param(("search", "312\x00345"), "contains a NUL character", id="nul-in-search"),
        pytest.param(("search", b"\xb6\xa9".decode("utf-8", "surrogateescape")), "is not valid UTF-8",
                     id="invalid-utf8-in-search"),
        pytest.param(("edit", "1", "--note", "a\x00b"), "contains a NUL character", id="nul-in-note"),
    ],
)
def test_arguments_sqlite_cannot_take_are_refused(
    cli: Run, one_item: int, state: Callable[[], tuple[object, ...]], args: tuple[str, ...], message: str
) -> None:
    before = state()
    code, _, err = cli(*args)
    assert code == 2 and message in err and "Traceback" not in err
    assert state() == before


# --- 14: names cannot drive the terminal ----------------------------------------------------------

HOSTILE_NAME = "evil\x1b[2J\r\u202egnp.exe\nforged\trow.png"


def test_control_and_bidi_characters_in_names_are_escaped(cli: Run, tmp_path: Path) -> None:
    cli("init")
    (tmp_path / HOSTILE_NAME).write_bytes(png_bytes(seed=3))
    code, out, _ = cli("import", str(tmp_path / HOSTILE_NAME), "--no-ocr")
    assert code == 0
    for output in (cli("list")[1], cli("show", "1")[1], cli("log")[1]):
        assert not set(output) & {"\x1b", "\r", "\u202e"}
    for output in (cli("list")[1], cli("show", "1")[1]):
        assert "\\x1b[2J\\x0d\\u202egnp.exe\\x0aforged\\x09row.png" in output
    rows = cli("list")[1].splitlines()
    assert len(rows) == 1 and rows[0].count("\t") == 4
    listed = cli("list", "--json")[1]
    assert "\u202e" not in listed and "\x1b" not in listed
    assert json.loads(listed)[0]["original_name"] == HOSTILE_NAME

"""Mistakes and mishaps people meet on the command line: each ends with exit 2 and one specific line
on stderr, no traceback, and nothing already stored changes."""
from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from cli.main import main
from ocr.types import ExtractedField, FieldType, OcrLine
from tests.factories import png_bytes
from vault import database
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


# --- 11: names that are not UTF-8 -----------------------------------------------------------------


def test_gbk_named_files_are_imported_with_a_readable_name_and_their_bytes_logged(
    cli: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "from a windows zip"
    folder.mkdir()
    gbk_name = "订单截图.png".encode("gbk")
    with open(os.fsencode(folder) + b"/" + gbk_name, "wb") as handle:  # a name that is not UTF-8
        handle.write(png_bytes(seed=4))
    (folder / "z-after.png").write_bytes(png_bytes(seed=5))
    cli("init")
    code, out, err = cli("import", str(folder), "--no-ocr")
    assert code == 0 and "Imported 2, duplicates 0, rejected 0" in out, err
    assert sorted(i["original_name"] for i in json.loads(cli("list", "--json")[1])) == ["z-after.png", "订单截图.png"]
    imports = {e["payload"]["name"]: e["payload"] for e in json.loads(cli("log", "--json")[1])
               if e["action"] == "item.import"}
    assert imports["订单截图.png"]["name_bytes"] == gbk_name.hex()
    assert "name_bytes" not in imports["z-after.png"]


# --- 12: storage, busy, damaged files, missing folders ---------------------------------------------


def _pdf_with_wrong_page_count() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for number in range(3):
        pdf.drawString(72, 720, f"page {number + 1}")
        pdf.showPage()
    pdf.save()
    data = out.getvalue()
    assert b"/Count 3" in data
    return data.replace(b"/Count 3", b"/Count 9")


def test_a_pdf_with_a_wrong_page_count_is_rejected_and_the_folder_goes_on(cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "bills"
    folder.mkdir()
    (folder / "a-bill.pdf").write_bytes(_pdf_with_wrong_page_count())
    (folder / "b-shot.png").write_bytes(png_bytes(seed=6))
    cli("init")
    code, out, err = cli("import", str(folder), "--no-ocr")
    assert code == 2 and "Traceback" not in err
    assert "Imported 1, duplicates 0, rejected 1" in out
    assert "rejected: a-bill.pdf: the PDF's pages cannot be read" in out


def test_a_vault_kept_busy_by_another_program_gives_vault_busy(
    cli: Run, one_item: int, vault_file: Path, monkeypatch: pytest.MonkeyPatch, state: Callable[[], tuple[object, ...]]
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.2)
    before = state()
    other = Vault.open(vault_file, PASS)
    try:
        other.db.conn.execute("BEGIN IMMEDIATE")  # another writer mid-transaction
        refused(cli("edit", "1", "--note", "客服承诺回电"), "is busy: another program")
        other.db.conn.execute("ROLLBACK")
    finally:
        other.close()
    assert state() == before


def test_restore_into_a_missing_folder_is_refused(cli: Run, one_item: int, tmp_path: Path) -> None:
    backup = tmp_path / "b.evault"
    assert cli("backup", str(backup))[0] == 0
    code, _, err = cli("--vault", str(tmp_path / "no such folder" / "v.evault"), "restore", str(backup))
    assert code == 2 and "the folder" in err and "does not exist" in err and "Traceback" not in err


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """A tmpfs of a given size (root only): mount(8) is the real full-disk case, no mock."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mounted: list[Path] = []

    def mount(kib: int) -> Path:
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(point)]).returncode:
            pytest.skip("this system does not allow mounting a tmpfs")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", "--lazy", str(point)], check=True)


def _fill(folder: Path) -> None:
    """Leave no free block on the file system holding `folder`."""
    with open(folder / "filler", "wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 4096)


def test_init_on_a_full_disk_leaves_nothing_behind(
    cli: Run, vault_file: Path, small_disk: Callable[[int], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = small_disk(512)
    _fill(disk)
    target = disk / "v.evault"
    refused(cli("--vault", str(target), "init"), "is full")
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]
    (disk / "filler").unlink()
    code, _, err = cli("--vault", str(target), "init")
    assert code == 0, err  # nothing blocks the next try


def test_import_passwd_and_backup_on_a_full_disk(cli: Run, tmp_path: Path, small_disk: Callable[[int], Path]) -> None:
    disk = small_disk(700)
    target = str(disk / "v.evault")
    assert cli("--vault", target, "init")[0] == 0
    folder = tmp_path / "shots"
    folder.mkdir()
    for seed in range(12):
        (folder / f"shot {seed:02d}.png").write_bytes(png_bytes(seed=seed) + os.urandom(90_000))
    refused(cli("--vault", target, "import", str(folder), "--no-ocr"), "is full")
    items = json.loads(cli("--vault", target, "list", "--json")[1])
    assert 0 < len(items) < 12
    assert cli("--vault", target, "verify")[0] == 0  # what was stored is whole

    (tmp_path / "new.txt").write_text("a new passphrase\n", encoding="utf-8")
    refused(cli("--vault", target, "passwd", "--new-passphrase-file", str(tmp_path / "new.txt")),
            "the passphrase was not changed")
    assert not [p for p in disk.iterdir() if "rekey" in p.name]
    assert cli("--vault", target, "list")[0] == 0  # still the old passphrase

    # A backup from a vault whose disk cannot take the log entry: with no WAL left whose blocks the
    # entry could reuse (the import's WAL above may have room for it) and no free block.
    target = str(small_disk(700) / "v.evault")
    assert cli("--vault", target, "init")[0] == 0
    assert cli("--vault", target, "import", str(folder / "shot 00.png"), "--no-ocr")[0] == 0
    with Vault.open(Path(target), PASS) as vault:
        vault.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = json.loads(cli("--vault", target, "log", "--json")[1])
    _fill(Path(target).parent)
    refused(cli("--vault", target, "backup", str(tmp_path / "elsewhere.evault")), "is full")
    (Path(target).parent / "filler").unlink()  # reading needs room for SQLite's shared-memory file
    assert json.loads(cli("--vault", target, "log", "--json")[1]) == before, "nothing logged, nothing written"
    assert not (tmp_path / "elsewhere.evault").exists()

    # A backup onto a full stick, from a vault with room to log it (on a full vault disk the log entry
    # itself cannot be written, and the backup is refused before it starts with the disk-full message).
    roomy = str(tmp_path / "roomy.evault")
    assert cli("--vault", roomy, "init")[0] == 0
    assert cli("--vault", roomy, "import", str(folder), "--no-ocr")[0] == 0
    usb = small_disk(16)
    code, _, err = cli("--vault", roomy, "backup", str(usb / "b.evault"))
    assert code == 2 and "Traceback" not in err, err
    actions = [e["action"] for e in json.loads(cli("--vault", roomy, "log", "--json")[1])]
    assert actions[-2:] == ["vault.backup", "vault.backup_failed"]  # no claim of a backup never written
    assert not (usb / "b.evault").exists()

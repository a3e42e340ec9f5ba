from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.dossier import parse_size
from tests.cli.conftest import PASS
from tests.factories import png_bytes


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = tmp_path / "截图 folder"
    folder.mkdir()
    for seed in range(3):
        (folder / f"shot {seed} 😀.png").write_bytes(png_bytes(seed=seed))
    (folder / ".hidden.png").write_bytes(png_bytes(seed=9))
    return folder


def test_init_import_list_show_verify(cli, shots: Path) -> None:
    assert cli("init")[0] == 0
    assert cli("case", "add", "京东白条降额", "--respondent", "京东金融")[1].strip() == "1"
    code, out, _ = cli("import", str(shots), "--no-ocr")
    assert code == 0 and "Imported 3, duplicates 0, rejected 0" in out
    code, out, _ = cli("import", str(shots / "shot 0 😀.png"), "--no-ocr")
    assert code == 0 and "duplicates 1" in out and "already stored as item 1" in out

    items = json.loads(cli("list", "--json")[1])
    assert [i["original_name"] for i in items] == ["shot 0 😀.png", "shot 1 😀.png", "shot 2 😀.png"]
    first = items[0]
    assert set(first) >= {"id", "case", "kind", "sha256", "original_name", "imported_at", "captured_at", "ocr_text", "fields"}
    assert first["case"] == {"id": 1, "title": "京东白条降额"}

    shown = json.loads(cli("show", "1", "--json")[1])
    assert shown["sha256"] == first["sha256"]
    code, out, _ = cli("verify")
    assert code == 0 and out.startswith("OK: 3 items")


def test_fields_edit_search_and_log(cli, shots: Path) -> None:
    cli("init")
    cli("import", str(shots), "--no-ocr")
    assert cli("field", "add", "2", "order_no", "312345678901")[0] == 0
    assert cli("edit", "2", "--note", "客服承诺回电", "--kind", "order")[0] == 0
    hits = json.loads(cli("search", "45678", "--json")[1])
    assert [h["id"] for h in hits] == [2]
    assert hits[0]["fields"][0] | {"id": 0} == {
        "id": 0, "type": "order_no", "value": "312345678901", "normalized": "312345678901", "origin": "user",
        "bbox": None, "confidence": 1.0, "reference": None, "role": None, "corrects": None, "superseded": False,
        "rejects": None,
    }
    assert [h["id"] for h in json.loads(cli("search", "回电", "--json")[1])] == [2]
    log = json.loads(cli("log", "--item", "2", "--json")[1])
    assert [e["action"] for e in log] == ["item.import", "field.add", "item.edit"]
    assert cli("delete", "2", "--reason", "duplicate screenshot")[0] == 0
    assert json.loads(cli("search", "回电", "--json")[1]) == []


def test_verify_exits_1_on_problems(cli, shots: Path, tmp_path: Path) -> None:
    from vault.store import Vault

    cli("init")
    cli("import", str(shots), "--no-ocr")
    with Vault.open(tmp_path / "v.evault", PASS) as vault:
        vault.db.conn.execute("UPDATE originals SET data = x'00' WHERE item_id = 2")
    code, out, _ = cli("verify")
    assert code == 1 and "item 2 (shot 1 😀.png): the original does not match its SHA-256" in out


def test_usage_errors_exit_2_with_a_message(cli, shots: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli("list")
    assert code == 2 and "create one with" in err
    cli("init")
    code, _, err = cli("import", "/no/such/file.png")
    assert code == 2 and "no such file" in err
    code, out, _ = cli("import", str(shots), "--no-ocr")
    bad = shots / "bad.png"
    bad.write_text("not an image")
    code, out, _ = cli("import", str(bad), "--no-ocr")
    assert code == 2 and "rejected: bad.png: the file contains text" in out
    cli("case", "add", "第二个案件")
    code, _, err = cli("import", str(shots), "--no-ocr")
    assert code == 2 and "--case" in err
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", "wrong")
    code, _, err = cli("list")
    assert code == 2 and "passphrase does not open" in err


def test_passwd_backup_restore(cli, shots: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("init")
    cli("import", str(shots), "--no-ocr")
    new = tmp_path / "new-pass.txt"
    new.write_text("新口令 second one\n", encoding="utf-8")
    assert cli("passwd", "--new-passphrase-file", str(new))[0] == 0
    assert cli("list")[0] == 2
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", "新口令 second one")
    backup = tmp_path / "b.evault"
    assert cli("backup", str(backup))[0] == 0
    cli("delete", "1")
    code, out, _ = cli("restore", str(backup))
    assert code == 0 and "previous vault was kept" in out
    assert len(json.loads(cli("list", "--json")[1])) == 3


def test_extract_command(cli) -> None:
    code, out, _ = cli("extract", "--reference", "2026-02-20T12:00:00+08:00", "--json", "订单编号：312345678901")
    assert code == 0
    assert {"type": "order_no", "normalized": "312345678901"}.items() <= json.loads(out)[0].items()
    assert cli("extract", "--reference", "yesterday", "x")[0] == 2


@pytest.mark.parametrize(
    ("text", "size"),
    [("10MB", 10_000_000), ("500KB", 500_000), ("2.5M", 2_500_000), ("1234", 1234), ("1 gb", 10**9)],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_rejected_field_shows_in_json(cli, shots: Path, tmp_path: Path) -> None:
    from ocr.types import ExtractedField, FieldType, OcrLine
    from vault.store import Vault

    cli("init")
    cli("import", str(shots), "--no-ocr")
    with Vault.open(tmp_path / "v.evault", PASS) as vault:
        wrong = ExtractedField(FieldType.AMOUNT, "¥19.90", "19.90", None, 0.9, role="unit_price")
        vault.store_ocr_result(1, "rapidocr", [OcrLine("单价 ¥19.90", None, 0.9)], [wrong])
        field_id = vault.item(1).fields[0].id
    assert cli("field", "reject", "1", str(field_id), "--reason", "OCR misread")[0] == 0
    fields = json.loads(cli("show", "1", "--json")[1])["fields"]
    assert [(f["role"], f["superseded"], f["rejects"]) for f in fields] == [("unit_price", True, None),
                                                                          (None, False, field_id)]


def test_export_order_choices_are_the_core_rules() -> None:
    from cli.main import build_parser
    from export.order import ExhibitOrder

    export = next(a for a in build_parser()._subparsers._group_actions[0].choices["export"]._actions  # noqa: SLF001
                  if a.dest == "order")
    assert set(export.choices) == set(ExhibitOrder) and export.default == ExhibitOrder.MANUAL


def test_export_each_and_split(cli, shots: Path, tmp_path: Path) -> None:
    cli("init")
    cli("import", str(shots), "--no-ocr")
    code, out, err = cli("export", "-o", str(tmp_path / "d.pdf"), "--each")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.glob("d-*.pdf")) == ["d-证据01.pdf", "d-证据02.pdf", "d-证据03.pdf"]
    assert out.count("Wrote ") == 3
    code, out, err = cli("export", "-o", str(tmp_path / "s.pdf"), "--split-mb", "50")
    assert code == 0 and (tmp_path / "s-第1部分.pdf").is_file(), err
    code, _, err = cli("export", "-o", str(tmp_path / "x.pdf"), "--split-mb", "0")
    assert code == 2 and "above 0" in err


def test_import_says_which_picture_looks_like_one_already_in_the_case(cli, tmp_path: Path) -> None:
    from tests.vault.test_likeness import encoded, screenshot

    assert cli("init")[0] == 0
    (tmp_path / "订单截图.png").write_bytes(encoded(screenshot(3), "PNG"))
    assert cli("import", str(tmp_path / "订单截图.png"), "--no-ocr")[0] == 0
    (tmp_path / "IMG_2041.jpg").write_bytes(encoded(screenshot(3), "JPEG", quality=60))
    (tmp_path / "IMG_2042.png").write_bytes(encoded(screenshot(8), "PNG"))
    code, out, err = cli("import", str(tmp_path / "IMG_2041.jpg"), str(tmp_path / "IMG_2042.png"), "--no-ocr")
    assert code == 0, err
    assert "IMG_2041.jpg looks like item 1 (订单截图.png)" in out + err and "IMG_2042.png looks" not in out + err
    assert "Imported 2" in out


@pytest.mark.ocr
def test_import_is_nicer_once_its_ocr_workers_start(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.screenshots import generate_template
    from cli import importing

    niceness: list[int] = []
    monkeypatch.setattr(importing.os, "nice", niceness.append)  # this test process keeps its own
    sample = generate_template("jd_order_detail", seed=2, index=0)
    (tmp_path / "order.png").write_bytes(sample.data)
    assert cli("init")[0] == 0

    assert cli("import", str(shots_of(tmp_path)), "--no-ocr")[0] == 0
    assert niceness == []
    code, out, _ = cli("import", str(tmp_path / "order.png"))

    assert code == 0 and "1 read" in out
    assert niceness == [importing.STORING_NICENESS]


def shots_of(folder: Path) -> Path:
    """A folder of one plain picture, which reading is off for."""
    shots = folder / "plain"
    shots.mkdir()
    (shots / "plain.png").write_bytes(png_bytes(seed=4))
    return shots

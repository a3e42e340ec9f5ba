"""The recipient's commands: `check-dossier`, `timestamp`, `key show`, and a signed `export --tsa-url`."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.export.tsa import make_pki, running_tsa
from tests.factories import png_bytes


@pytest.fixture(scope="module")
def pki():
    return make_pki()


@pytest.fixture
def tsa(pki):
    with running_tsa(pki) as server:
        yield server


@pytest.fixture
def vault_with_case(cli, tmp_path: Path) -> Path:
    cli("init")
    cli("case", "add", "京东白条降额", "--complainant-name", "李四")
    shot = tmp_path / "订单.png"
    shot.write_bytes(png_bytes(seed=4))
    assert cli("import", str(shot), "--no-ocr")[0] == 0
    return tmp_path


def test_export_with_timestamp_then_recipient_checks(cli, vault_with_case: Path, pki, tsa) -> None:
    root = vault_with_case / "tsa-root.pem"
    root.write_bytes(pki.root_pem)
    dossier = vault_with_case / "dossier.pdf"
    code, out, _ = cli("export", "-o", str(dossier), "--tsa-url", tsa.url, "--tsa-root", str(root))
    assert code == 0 and "Signed, with an RFC 3161 timestamp (PAdES B-T)" in out

    cert = vault_with_case / "signer.pem"
    code, out, _ = cli("key", "show", "--export-cert", str(cert))
    assert code == 0 and "Holder: 李四" in out
    fingerprint = out.split("SHA-256 fingerprint: ")[1].split()[0]

    code, out, _ = cli("check-dossier", str(dossier), "--tsa-root", str(root), "--cert", str(cert))
    assert code == 0
    assert "结论：核验通过，文件自签名以来未被改动。" in out and f"签名证书指纹（SHA-256）：{fingerprint}" in out
    assert "签名时间戳" in out and "✓ 时间戳完好，时间戳机构可信" in out and "001_订单.png" in out

    code, out, _ = cli("check-dossier", str(dossier), "--json", "--lang", "en")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["signer_fingerprint"] == fingerprint and report["pages"] > 1
    assert [t["trusted"] for t in report["timestamps"]] == [None]

    wrong_root = vault_with_case / "other-root.pem"
    wrong_root.write_bytes(make_pki("Other Root").root_pem)
    code, out, _ = cli("check-dossier", str(dossier), "--tsa-root", str(wrong_root), "--lang", "en")
    assert code == 1 and "✗ its TSA is not trusted by the root you gave" in out


def test_tsa_down_marks_pending_in_summary_and_log_then_timestamp_later(cli, vault_with_case: Path, tsa) -> None:
    dossier = vault_with_case / "dossier.pdf"
    tsa.shutdown()
    tsa.server_close()
    code, out, _ = cli("export", "-o", str(dossier), "--tsa-url", tsa.url)
    assert code == 0 and "timestamp pending (待加时间戳)" in out and "evidence-vault timestamp" in out
    entry = json.loads(cli("log", "--json")[1])[-1]
    assert entry["action"] == "case.export" and entry["payload"]["timestamp"] == "pending"
    assert "could not be reached" in entry["payload"]["timestamp_problem"]
    code, out, _ = cli("check-dossier", str(dossier))
    assert code == 0 and "无可信时间戳（待加时间戳）" in out

    with running_tsa(tsa.pki) as again:
        code, out, _ = cli("timestamp", str(dossier), "--tsa-url", again.url)
    assert code == 0 and "Added an RFC 3161 document timestamp" in out and "matching the export of case" in out
    code, out, _ = cli("check-dossier", str(dossier))
    assert code == 0 and "文档时间戳" in out
    stamped = json.loads(cli("log", "--json")[1])[-1]
    assert stamped["action"] == "case.timestamp"
    assert stamped["payload"]["previous_sha256"] == entry["payload"]["pdf_sha256"]
    assert stamped["payload"]["pdf_sha256"] == hashlib.sha256(dossier.read_bytes()).hexdigest()
    assert stamped["payload"]["case_id"] == entry["payload"]["case_id"]


def test_a_second_timestamp_follows_the_first_and_no_log_leaves_the_vault_alone(cli, vault_with_case: Path,
                                                                                  pki) -> None:
    dossier = vault_with_case / "dossier.pdf"
    assert cli("export", "-o", str(dossier))[0] == 0
    case_id = json.loads(cli("log", "--json")[1])[-1]["payload"]["case_id"]
    with running_tsa(pki) as tsa:
        assert cli("timestamp", str(dossier), "--tsa-url", tsa.url)[0] == 0
        assert cli("timestamp", str(dossier), "--tsa-url", tsa.url)[0] == 0
        log = json.loads(cli("log", "--json")[1])
        first, second = log[-2:]
        assert second["payload"]["previous_sha256"] == first["payload"]["pdf_sha256"]
        assert second["payload"]["case_id"] == case_id, "found through the first timestamp's entry"

        code, out, _ = cli("timestamp", str(dossier), "--tsa-url", tsa.url, "--no-log")
    assert code == 0 and "The vault's log was not changed." in out
    assert json.loads(cli("log", "--json")[1]) == log


def test_changed_byte_random_file_and_unsigned_pdf(cli, vault_with_case: Path, tmp_path: Path) -> None:
    dossier = vault_with_case / "dossier.pdf"
    assert cli("export", "-o", str(dossier))[0] == 0
    data = bytearray(dossier.read_bytes())
    data[len(data) // 2] ^= 0x01
    dossier.write_bytes(bytes(data))
    code, out, _ = cli("check-dossier", str(dossier))
    assert code == 1 and "结论：核验未通过" in out

    noise = tmp_path / "noise.bin"
    noise.write_bytes(bytes(range(256)))
    code, _, err = cli("check-dossier", str(noise))
    assert code == 2 and "无法核验：这不是 PDF 文件。" in err

    import pikepdf

    unsigned = tmp_path / "unsigned.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(unsigned)
    code, out, _ = cli("check-dossier", str(unsigned), "--lang", "en")
    assert code == 1 and "✗ The file carries no Evidence Vault signature" in out


def test_key_show_before_any_export(cli) -> None:
    cli("init")
    code, _, err = cli("key", "show")
    assert code == 2 and "--holder" in err
    code, out, _ = cli("key", "show", "--holder", "王五")
    assert code == 0 and "Holder: 王五" in out

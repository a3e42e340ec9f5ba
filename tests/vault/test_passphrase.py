"""The shared passphrase rule: NFC keys, passphrase files, the strength floor and a quiet SQLCipher."""
from __future__ import annotations

import codecs
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from cli.main import main
from vault import database
from vault.errors import UnreadablePassphraseFile, WeakPassphrase, WrongPassphrase
from vault.passphrase import (
    PassphraseProblem,
    key_candidates,
    passphrase_problem,
    read_passphrase_file,
    require_usable_passphrase,
)
from vault.store import Vault

ACCENTED = "Café 证据 passphrase"
NFC, NFD = unicodedata.normalize("NFC", ACCENTED), unicodedata.normalize("NFD", ACCENTED)


def test_nfd_and_nfc_forms_open_the_same_vault(tmp_path: Path) -> None:
    assert NFC != NFD
    Vault.create(tmp_path / "v.evault", NFD).close()
    Vault.open(tmp_path / "v.evault", NFC).close()
    Vault.open(tmp_path / "v.evault", NFD).close()


@pytest.mark.parametrize(
    ("created_with", "typed"),
    [pytest.param(NFD, NFD, id="typed-as-created"), pytest.param(NFD, NFC, id="typed-on-another-system")],
)
def test_a_vault_keyed_before_normalisation_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, created_with: str, typed: str
) -> None:
    with monkeypatch.context() as old_code:
        old_code.setattr(database, "normalize_passphrase", lambda text: text)
        Vault.create(tmp_path / "old.evault", created_with).close()
    with Vault.open(tmp_path / "old.evault", typed) as vault:
        assert vault.audit_entries()[0].action == "vault.create"


def test_key_candidates_try_nfc_first_and_each_form_once() -> None:
    assert key_candidates("plain ascii words") == ("plain ascii words",)
    assert key_candidates(NFD) == (NFC, NFD)
    assert key_candidates(NFC) == (NFC, NFD)


@pytest.mark.parametrize(
    ("passphrase", "problem"),
    [
        pytest.param("", PassphraseProblem.EMPTY, id="empty"),
        pytest.param(" ", PassphraseProblem.BLANK, id="one-space"),
        pytest.param(" \t\u3000        ", PassphraseProblem.BLANK, id="whitespace-incl-ideographic-space"),
        pytest.param("short7!", PassphraseProblem.TOO_SHORT, id="seven-characters"),
        pytest.param("新口令", PassphraseProblem.TOO_SHORT, id="three-chinese-characters"),
        pytest.param("eight ch", None, id="eight-characters"),
        pytest.param(NFD, None, id="nfd-counted-after-nfc"),
    ],
)
def test_passphrase_rule(passphrase: str, problem: PassphraseProblem | None) -> None:
    assert passphrase_problem(passphrase) == problem


def test_the_rule_counts_characters_after_nfc() -> None:
    seven_accented = unicodedata.normalize("NFD", "ééééééé")  # 14 code points, 7 characters
    assert passphrase_problem(seven_accented) == PassphraseProblem.TOO_SHORT
    with pytest.raises(WeakPassphrase, match="at least 8 characters"):
        require_usable_passphrase(seven_accented)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param("口令 in a file\n".encode(), "口令 in a file", id="newline"),
        pytest.param("口令 in a file\r\n".encode(), "口令 in a file", id="crlf"),
        pytest.param(codecs.BOM_UTF8 + "口令 in a file\r\n".encode(), "口令 in a file", id="notepad-bom"),
        pytest.param("first line\nsecond line\n".encode(), "first line", id="only-the-first-line"),
        pytest.param(" spaces kept \n".encode(), " spaces kept ", id="spaces-are-part-of-it"),
        pytest.param(b"no newline", "no newline", id="no-newline"),
    ],
)
def test_read_passphrase_file(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "pass.txt").write_bytes(content)
    assert read_passphrase_file(tmp_path / "pass.txt") == expected


def test_a_gbk_passphrase_file_says_it_must_be_utf8(tmp_path: Path) -> None:
    (tmp_path / "pass.txt").write_bytes("证据口令很长很长".encode("gbk"))
    with pytest.raises(UnreadablePassphraseFile, match="not UTF-8 text.*save it as UTF-8"):
        read_passphrase_file(tmp_path / "pass.txt")


def test_cli_refuses_weak_passphrases_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = tmp_path / "v.evault"
    for passphrase, message in ((" \n", "only spaces"), ("abc\n", "too short")):
        (tmp_path / "pass.txt").write_text(passphrase, encoding="utf-8")
        assert main(["--vault", str(vault), "--passphrase-file", str(tmp_path / "pass.txt"), "init"]) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
        assert not vault.exists()


def test_cli_opens_with_a_notepad_file_of_the_env_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = tmp_path / "v.evault"
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", NFD)
    assert main(["--vault", str(vault), "init"]) == 0
    monkeypatch.delenv("EVIDENCE_VAULT_PASSPHRASE")
    (tmp_path / "pass.txt").write_bytes(codecs.BOM_UTF8 + NFC.encode() + b"\r\n")
    assert main(["--vault", str(vault), "--passphrase-file", str(tmp_path / "pass.txt"), "list"]) == 0
    (tmp_path / "pass.txt").write_bytes(NFC.encode("utf-16"))
    assert main(["--vault", str(vault), "--passphrase-file", str(tmp_path / "pass.txt"), "list"]) == 2
    err = capsys.readouterr().err
    assert "is not UTF-8 text" in err and "Traceback" not in err


def test_wrong_passphrase_prints_one_line_and_no_sqlcipher_log(tmp_path: Path) -> None:
    Vault.create(tmp_path / "v.evault", "the right passphrase").close()
    run = subprocess.run(
        [sys.executable, "-m", "cli", "--vault", str(tmp_path / "v.evault"), "list"],
        env={"EVIDENCE_VAULT_PASSPHRASE": "a wrong passphrase", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2], timeout=60,
    )
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        "evidence-vault: the passphrase does not open this vault (or the file is not an Evidence Vault)"
    ]


def test_wrong_passphrase_still_raises_after_every_form_is_tried(tmp_path: Path) -> None:
    Vault.create(tmp_path / "v.evault", NFC).close()
    with pytest.raises(WrongPassphrase):
        Vault.open(tmp_path / "v.evault", unicodedata.normalize("NFD", "Cafe\u0301 other words"))

"""The paths that once lost a user's vault: rekey/restore under another process, exports onto the
vault, plain copies after a crash (issue: never lose, never leak)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main
from tests.factories import png_bytes
from vault.errors import VaultReplaced
from vault.store import Vault
from vault.evidence import ProblemCode
from vault.verify import unmerged_journal_warning, verify

REPO = Path(__file__).resolve().parents[2]
PASS = "口令 for data-loss tests"
NEW_PASS = "新口令 after the change"

_HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from vault.store import Vault
    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    print("open", flush=True)
    sys.stdin.readline()
    if len(sys.argv) > 3:
        vault.update_item(1, note=sys.argv[3])
    vault.close()
""")
"""Another process with the vault open, as the GUI or a running import has it; edits on request."""


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    path = tmp_path / "case.evault"
    with Vault.create(path, PASS) as vault:
        case_id = vault.add_case("京东订单纠纷")
        vault.import_bytes(case_id, png_bytes(seed=61), "order.png")
        vault.import_bytes(case_id, png_bytes(seed=62), "chat.png")
    return path


@pytest.fixture
def holder(vault_path: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(vault_path), PASS], cwd=REPO, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "open"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait()


def _cli(vault_path: Path, *args: str, monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", PASS)
    code = main(["--vault", str(vault_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_passwd_is_refused_while_another_process_has_the_vault_open(
    vault_path: Path, holder: subprocess.Popen[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    new_file = tmp_path / "new-pass.txt"
    new_file.write_text(NEW_PASS, encoding="utf-8")
    before = vault_path.read_bytes()
    code, _, err = _cli(vault_path, "passwd", "--new-passphrase-file", str(new_file),
                        monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "open in another window or command" in err and "Traceback" not in err
    assert vault_path.read_bytes() == before
    assert not list(tmp_path.glob(".case.evault.rekey-tmp*"))

    holder.communicate("\n", timeout=30)  # the other window closes
    code, _, err = _cli(vault_path, "passwd", "--new-passphrase-file", str(new_file),
                        monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    with Vault.open(vault_path, NEW_PASS) as vault:
        assert len(vault.items()) == 2 and verify(vault) == []


def test_restore_is_refused_while_another_process_has_the_vault_open(
    vault_path: Path, holder: subprocess.Popen[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    backup = tmp_path / "backup.evault"
    with Vault.open(vault_path, PASS) as vault:
        from vault.maintenance import backup as write_backup

        write_backup(vault, backup, PASS)
    backup_bytes = backup.read_bytes()
    code, _, err = _cli(vault_path, "restore", str(backup), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "open in another window or command" in err
    assert backup.read_bytes() == backup_bytes, "a backup is only read"

    holder.communicate("\n", timeout=30)
    code, _, err = _cli(vault_path, "restore", str(backup), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    assert backup.read_bytes() == backup_bytes, "restoring does not change the backup either"
    with Vault.open(vault_path, PASS) as vault:
        assert verify(vault) == []


def test_a_writer_notices_that_its_file_was_replaced(vault_path: Path, tmp_path: Path) -> None:
    """A file moved into place by another tool (a sync client, mv) must not receive a stale WAL."""
    vault = Vault.open(vault_path, PASS)
    other = tmp_path / "other.evault"
    with Vault.create(other, PASS) as replacement:
        replacement.add_case("另一个保险箱")
    os.replace(other, vault_path)
    with pytest.raises(VaultReplaced, match="was replaced"):
        vault.update_item(1, note="written into the wrong file")
    vault.close()
    with Vault.open(vault_path, PASS) as reopened:
        assert [c.title for c in reopened.cases()] == ["另一个保险箱"]
        assert verify(reopened) == []


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"], ids=["vault", "wal", "shm"])
def test_export_onto_the_vault_or_its_journal_is_refused(
    vault_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    target = vault_path.with_name(vault_path.name + suffix)
    code, _, err = _cli(vault_path, "export", "--case", "1", "-o", str(target), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "is the vault" in err
    with Vault.open(vault_path, PASS) as vault:
        assert len(vault.items()) == 2 and verify(vault) == []


def test_export_over_an_originals_source_file_is_refused(
    vault_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "order.png"
    source.write_bytes(png_bytes(seed=61))
    code, _, err = _cli(vault_path, "export", "--case", "1", "-o", str(source), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "original of evidence item 1" in err
    assert source.read_bytes() == png_bytes(seed=61)


def test_backup_onto_the_vault_or_its_journal_is_refused(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    for suffix in ("", "-wal"):
        target = vault_path.with_name(vault_path.name + suffix)
        code, _, err = _cli(vault_path, "backup", str(target), monkeypatch=monkeypatch, capsys=capsys)
        assert code == 2 and "is the vault" in err
    assert not vault_path.with_name(vault_path.name + "-wal").exists()


def test_a_closed_vault_file_is_whole_without_its_journal(vault_path: Path, tmp_path: Path) -> None:
    """README: a copy taken while the app is closed is a valid backup."""
    for suffix in ("-wal", "-shm"):
        assert not vault_path.with_name(vault_path.name + suffix).exists() or suffix == "-shm"
    copy = tmp_path / "copy.evault"
    copy.write_bytes(vault_path.read_bytes())
    with Vault.open(copy, PASS) as vault:
        assert [i.original_name for i in vault.items()] == ["order.png", "chat.png"]


def test_verify_warns_about_a_journal_left_by_a_crash(vault_path: Path, tmp_path: Path) -> None:
    crash = textwrap.dedent("""
        import os, sys
        from pathlib import Path
        from vault.store import Vault
        vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
        vault.update_item(1, note="committed, only in the -wal")
        os.kill(os.getpid(), 9)
    """)
    result = subprocess.run([sys.executable, "-c", crash, str(vault_path), PASS], cwd=REPO)
    assert result.returncode == -signal.SIGKILL
    warning = unmerged_journal_warning(vault_path)
    assert warning is not None and warning.code == ProblemCode.JOURNAL_AFTER_CRASH
    assert "did not close cleanly" in warning.message and "backup" in warning.message
    copy = tmp_path / "copy-after-crash.evault"
    copy.write_bytes(vault_path.read_bytes())
    with Vault.open(copy, PASS) as plain_copy:
        assert plain_copy.item(1).note == "", "the plain copy lacks the committed note: not a backup"
    with Vault.open(vault_path, PASS) as vault:
        assert vault.item(1).note == "committed, only in the -wal"
        assert verify(vault) == []
    assert unmerged_journal_warning(vault_path) is None, "a clean close merges the journal"


def test_an_import_is_in_the_vault_file_itself_while_the_vault_stays_open(vault_path: Path, tmp_path: Path) -> None:
    """Killed after an import, the app leaves a file that a plain copy fully captures."""
    from vault.ingest import import_paths

    shot = tmp_path / "refund.png"
    shot.write_bytes(png_bytes(seed=63))
    vault = Vault.open(vault_path, PASS)
    try:
        import_paths(vault, 1, [shot])
        copy = tmp_path / "copy-while-open.evault"
        copy.write_bytes(vault_path.read_bytes())
    finally:
        vault.close()
    with Vault.open(copy, PASS) as plain_copy:
        assert [i.original_name for i in plain_copy.items()][-1] == "refund.png"
        assert verify(plain_copy) == []


def test_a_failed_passphrase_change_leaves_the_vault_open_and_shareable(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vault import maintenance
    from vault.errors import CannotWrite, VaultInUse
    from vault.lock import VaultLock

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(maintenance, "_export_copy", full_disk)
    vault = Vault.open(vault_path, PASS)
    with pytest.raises(CannotWrite, match="was not changed"):
        maintenance.change_passphrase(vault, NEW_PASS)
    vault.update_item(1, note="still usable")
    VaultLock(vault_path).release()  # another window may open it again
    with pytest.raises(VaultInUse):
        VaultLock(vault_path, exclusive=True)  # and this one still counts as having it open
    vault.close()
    with Vault.open(vault_path, PASS) as reopened:
        assert reopened.item(1).note == "still usable" and verify(reopened) == []

"""Vaults and backups on read-only media can be listed, verified and restored from, and commands
that only read never change a byte of the file they read."""
from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main
from tests.factories import png_bytes
from vault.maintenance import backup
from vault.store import Vault

PASS = "只读介质 口令"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def folder_with_backup(tmp_path: Path) -> Path:
    """A folder holding a vault (closed) and a backup of it, as a USB stick would."""
    folder = tmp_path / "stick"
    folder.mkdir()
    with Vault.create(tmp_path / "main.evault", PASS) as vault:
        case_id = vault.add_case("白条降额")
        vault.import_bytes(case_id, png_bytes(seed=71), "bill.png")
        vault.update_item(1, note="备注")
        backup(vault, folder / "backup.evault", PASS)
    os.replace(tmp_path / "main.evault", folder / "vault.evault")
    return folder


@pytest.fixture
def read_only_folder(folder_with_backup: Path, tmp_path: Path) -> Iterator[Path]:
    """The folder behind a read-only bind mount (root), else with write permission removed."""
    mount_point = tmp_path / "mounted"
    mount_point.mkdir()
    if os.geteuid() == 0:
        bind = subprocess.run(["mount", "--bind", str(folder_with_backup), str(mount_point)], capture_output=True)
        if bind.returncode != 0:
            pytest.skip(f"cannot bind-mount here: {bind.stderr.decode(errors='replace').strip()}")
        remount = subprocess.run(["mount", "-o", "remount,ro,bind", str(mount_point)], capture_output=True)
        try:
            if remount.returncode != 0:
                pytest.skip("cannot remount read-only here")
            yield mount_point
        finally:
            subprocess.run(["umount", str(mount_point)], check=True)
        return
    for child in folder_with_backup.iterdir():
        child.chmod(0o400)
    folder_with_backup.chmod(0o500)
    try:
        yield folder_with_backup
    finally:
        folder_with_backup.chmod(0o700)


def _cli(*args: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", PASS)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["vault.evault", "backup.evault"])
def test_list_show_search_and_verify_on_read_only_media(
    read_only_folder: Path, name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    path = read_only_folder / name
    before = _digest(path)
    for args in (["list"], ["show", "1"], ["search", "bill"], ["log"], ["verify"], ["case", "list"]):
        code, out, err = _cli("--vault", str(path), *args, monkeypatch=monkeypatch, capsys=capsys)
        assert code == 0, (args, err)
        assert "readonly" not in err
    assert _digest(path) == before
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["backup.evault", "vault.evault"]


def test_restore_from_a_read_only_backup(
    read_only_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    source = read_only_folder / "backup.evault"
    before = _digest(source)
    target = tmp_path / "restored" / "vault.evault"
    target.parent.mkdir()
    code, _, err = _cli("--vault", str(target), "restore", str(source), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    assert _digest(source) == before
    with Vault.open(target, PASS) as restored:
        assert restored.item(1).note == "备注"


def test_reading_commands_leave_a_writable_backup_byte_identical(
    folder_with_backup: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    path = folder_with_backup / "backup.evault"
    before = _digest(path)
    for args in (["verify"], ["list"], ["show", "1", "--json"]):
        assert _cli("--vault", str(path), *args, monkeypatch=monkeypatch, capsys=capsys)[0] == 0
    assert _digest(path) == before
    assert not path.with_name("backup.evault-wal").exists()

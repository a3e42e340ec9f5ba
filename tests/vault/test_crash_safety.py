"""Crash safety and on-disk damage.

A harness SIGKILLs `evidence-vault import`, `passwd`, `restore` and `export` at seeded random moments (passwd
and restore also with another reader opening the vault meanwhile); after
each kill the vault opens, verifies, and every item is complete (original, thumbnail, log entry) or
absent. Bytes flipped in the raw vault file are reported precisely, never as a crash.
"""
from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from PIL import Image

from tests.factories import png_bytes
from tests.vault.conftest import PASSPHRASE
from vault.errors import VaultError, VaultInUse, WrongPassphrase
from vault.store import Vault
from vault.verify import verify

REPO = Path(__file__).resolve().parents[2]
SEED = 20260214
IMPORT_FILES = 60
KILLS = 30
NEW_PASSPHRASE = "新口令 after the crash"
T = TypeVar("T")


def noise_png(seed: int, size_bytes: int) -> bytes:
    """An incompressible PNG of about `size_bytes`, so import does real I/O."""
    side = int((size_bytes / 3) ** 0.5)
    image = Image.frombytes("RGB", (side, side), random.Random(seed).randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


def cli_command(vault_path: Path, passphrase_file: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "cli", "--vault", str(vault_path), "--passphrase-file", str(passphrase_file),
            *args]


def _wal(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + "-wal")


def run_and_kill(
    command: Sequence[str], vault_path: Path, delay: float, started: Path | None = None
) -> tuple[int | None, float]:
    """Run `command`; SIGKILL it `delay` seconds after it opened the vault (its -wal file appeared,
    or the file `started` names, for commands that begin elsewhere).

    Counting from the open, not from the start, keeps the moments inside the work however slow
    the interpreter's start-up is on a loaded machine. Returns (exit code or None if killed,
    seconds from the open to the exit or kill).
    """
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    marker = started or _wal(vault_path)
    while not marker.exists() and process.poll() is None:
        time.sleep(0.002)
    opened = time.monotonic()
    try:
        code = process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        code = None
    return code, time.monotonic() - opened


def kill_trials(
    template: Path,
    folder: Path,
    command: Callable[[Path], list[str]],
    delays: Sequence[float],
    check: Callable[[Path, int | None, float], T],
    started: Callable[[Path], Path] | None = None,
    reader_passphrases: Sequence[str] = (),
) -> list[T]:
    """One trial per delay on its own copy of the template: run, kill, then check the copy.

    Two trials at a time (CI has two cores); a check runs while the other trial's process works.
    With `reader_passphrases`, another reader keeps opening the copy while the command runs.
    """

    def trial(numbered: tuple[int, float]) -> T:
        vault_path = _copy(template, folder / f"trial-{numbered[0]}")
        marker = started(vault_path) if started else None
        if not reader_passphrases:
            code, seconds = run_and_kill(command(vault_path), vault_path, numbered[1], marker)
            return check(vault_path, code, seconds)
        with ConcurrentReader(vault_path, reader_passphrases) as reader:
            code, seconds = run_and_kill(command(vault_path), vault_path, numbered[1], marker)
        assert reader.unexpected == [], f"a reader met a damaged vault: {reader.unexpected[:3]}"
        return check(vault_path, code, seconds)

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(trial, enumerate(delays)))


class ConcurrentReader:
    """A thread that keeps opening the vault read-only and listing it, as a second window would.

    Being refused (in use, or the passphrase changed under it) is expected; anything else means a
    reader saw a half-made file.
    """

    def __init__(self, vault_path: Path, passphrases: Sequence[str]) -> None:
        self.vault_path = vault_path
        self.passphrases = passphrases
        self.unexpected: list[str] = []
        self.reads = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for passphrase in self.passphrases:
                try:
                    with Vault.open(self.vault_path, passphrase, read_only=True) as vault:
                        vault.items()
                        self.reads += 1
                    break
                except (VaultInUse, WrongPassphrase):
                    continue
                except VaultError as e:
                    self.unexpected.append(f"{type(e).__name__}: {e}")
            time.sleep(0.15)  # a window refreshing now and then; a constant reader would refuse every run

    def __enter__(self) -> ConcurrentReader:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


def calibrate(
    template: Path, folder: Path, command: Callable[[Path], list[str]], started: Callable[[Path], Path] | None = None
) -> tuple[Path, float]:
    """Run the command to completion twice side by side, as the trials will; (one result, work seconds)."""
    runs = kill_trials(template, folder / "calibration", command, [600.0, 600.0], lambda *run: run, started)
    assert [code for _, code, _ in runs] == [0, 0]
    return runs[0][0], max(seconds for _, _, seconds in runs)


def kill_delays(work: float, count: int, salt: int) -> list[float]:
    """Seeded moments spread over the work, a few of them after it has ended."""
    rng = random.Random(SEED + salt)
    return [rng.uniform(0, work * 1.15) for _ in range(count)]


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def _template(tmp_path: Path, files: Sequence[Path] = ()) -> Path:
    path = tmp_path / "template.evault"
    with Vault.create(path, PASSPHRASE) as vault:
        case_id = vault.add_case("京东白条降额投诉")
        for file in files:
            vault.import_file(case_id, file)
    return path


def _copy(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    return Path(shutil.copy2(template, folder / "vault.evault"))


def _check_import_state(vault_path: Path, expected: dict[str, str], order: list[str]) -> int:
    """Verify, and check items are exactly the first files in import order, each complete."""
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert verify(vault) == [], vault_path
        items = vault.items()
        assert [i.original_name for i in items] == order[: len(items)]
        for item in items:
            assert item.sha256 == expected[item.original_name]
            assert hashlib.sha256(vault.original(item.id)).hexdigest() == item.sha256
            assert vault.thumbnail(item.id)
        logged = [e.payload["item_id"] for e in vault.audit_entries() if e.action == "item.import"]
        assert logged == [i.id for i in items]
    return len(items)


@pytest.mark.slow
def test_import_killed_at_random_moments(tmp_path: Path, passphrase_file: Path) -> None:
    sources = tmp_path / "截图"
    sources.mkdir()
    rng = random.Random(SEED)
    for n in range(IMPORT_FILES):
        (sources / f"截图 {n:02d}.png").write_bytes(noise_png(n, rng.randrange(50_000, 200_000)))
    expected = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sources.iterdir()}
    order = sorted(expected)
    template = _template(tmp_path)

    def import_all(vault_path: Path) -> list[str]:
        return cli_command(vault_path, passphrase_file, "import", str(sources), "--no-ocr")

    def check(vault_path: Path, code: int | None, _: float) -> tuple[Path, int]:
        count = _check_import_state(vault_path, expected, order)
        assert code is None or count == IMPORT_FILES, f"exit {code} with {count} items"
        return vault_path, count

    calibration, work = calibrate(template, tmp_path, import_all)
    assert _check_import_state(calibration, expected, order) == IMPORT_FILES
    trials = kill_trials(template, tmp_path, import_all, kill_delays(work, KILLS, salt=1), check)
    counts = [count for _, count in trials]
    assert sum(0 < c < IMPORT_FILES for c in counts) >= KILLS // 4, f"too few kills landed mid-import: {counts}"

    resumed = trials[counts.index(min(c for c in counts if c > 0))][0]
    subprocess.run(import_all(resumed), cwd=REPO, check=True, capture_output=True)
    assert _check_import_state(resumed, expected, order) == IMPORT_FILES


def _opening_passphrases(vault_path: Path) -> list[str]:
    opened = []
    for passphrase in (PASSPHRASE, NEW_PASSPHRASE):
        try:
            Vault.open(vault_path, passphrase).close()
        except WrongPassphrase:
            continue
        opened.append(passphrase)
    return opened


@pytest.mark.slow
def test_passphrase_change_killed_at_random_moments(tmp_path: Path, passphrase_file: Path) -> None:
    files = []
    for n in range(12):
        files.append(tmp_path / f"bill-{n}.png")
        files[-1].write_bytes(noise_png(1000 + n, 150_000))
    template = _template(tmp_path, files)
    new_file = tmp_path / "new-passphrase.txt"
    new_file.write_text(NEW_PASSPHRASE, encoding="utf-8")

    def passwd(vault_path: Path) -> list[str]:
        return cli_command(vault_path, passphrase_file, "passwd", "--new-passphrase-file", str(new_file))

    def check(vault_path: Path, code: int | None, _: float) -> tuple[Path, str]:
        opened = _opening_passphrases(vault_path)
        assert len(opened) == 1, f"{vault_path} opens with {len(opened)} of the two passphrases"
        with Vault.open(vault_path, opened[0]) as vault:
            assert verify(vault) == []
            assert len(vault.items()) == len(files)
        return vault_path, opened[0]

    calibration, work = calibrate(template, tmp_path, passwd)
    assert _opening_passphrases(calibration) == [NEW_PASSPHRASE]
    trials = kill_trials(template, tmp_path, passwd, kill_delays(work, KILLS, salt=2), check)
    outcomes = [passphrase for _, passphrase in trials]
    assert PASSPHRASE in outcomes and NEW_PASSPHRASE in outcomes, "kills should land on both sides of the swap"

    interrupted = trials[outcomes.index(PASSPHRASE)][0]
    subprocess.run(passwd(interrupted), cwd=REPO, check=True, capture_output=True)
    assert _opening_passphrases(interrupted) == [NEW_PASSPHRASE]
    assert sorted(p.name for p in interrupted.parent.iterdir()) == ["vault.evault"], "leftovers are cleaned up"


@pytest.mark.slow
def test_passphrase_change_and_a_concurrent_reader_never_lock_the_user_out(
    tmp_path: Path, passphrase_file: Path
) -> None:
    """With another reader opening the vault, passwd either refuses or completes; kills land anywhere."""
    files = [tmp_path / f"bill-{n}.png" for n in range(8)]
    for n, file in enumerate(files):
        file.write_bytes(noise_png(3000 + n, 150_000))
    template = _template(tmp_path, files)
    new_file = tmp_path / "new-passphrase.txt"
    new_file.write_text(NEW_PASSPHRASE, encoding="utf-8")

    def passwd(vault_path: Path) -> list[str]:
        return cli_command(vault_path, passphrase_file, "passwd", "--new-passphrase-file", str(new_file))

    def check(vault_path: Path, code: int | None, _: float) -> tuple[int | None, str]:
        opened = _opening_passphrases(vault_path)
        assert len(opened) == 1, f"{vault_path} opens with {len(opened)} of the two passphrases"
        with Vault.open(vault_path, opened[0]) as vault:
            assert verify(vault) == [] and len(vault.items()) == len(files)
        assert code in (None, 0, 2), f"passwd exited {code}"
        return code, opened[0]

    _, work = calibrate(template, tmp_path, passwd)
    trials = kill_trials(template, tmp_path, passwd, kill_delays(work, 12, salt=4), check,
                         reader_passphrases=(PASSPHRASE, NEW_PASSPHRASE))
    assert {passphrase for _, passphrase in trials} <= {PASSPHRASE, NEW_PASSPHRASE}


@pytest.mark.slow
def test_restore_killed_at_random_moments_under_a_concurrent_reader(tmp_path: Path, passphrase_file: Path) -> None:
    files = [tmp_path / f"shot-{n}.png" for n in range(8)]
    for n, file in enumerate(files):
        file.write_bytes(noise_png(4000 + n, 150_000))
    template = _template(tmp_path, files)
    older = tmp_path / "older"
    older.mkdir()
    backup_file = tmp_path / "backup.evault"
    with Vault.create(older / "older.evault", PASSPHRASE) as source:
        case_id = source.add_case("旧的案件")
        for file in files[:3]:
            source.import_file(case_id, file)
        from vault.maintenance import backup

        backup(source, backup_file, PASSPHRASE)
    backup_digest = hashlib.sha256(backup_file.read_bytes()).hexdigest()

    def restore(vault_path: Path) -> list[str]:
        return cli_command(vault_path, passphrase_file, "restore", str(backup_file))

    def check(vault_path: Path, code: int | None, _: float) -> int:
        with Vault.open(vault_path, PASSPHRASE) as vault:
            assert verify(vault) == [], vault_path
            count = len(vault.items())
        assert count in (len(files), 3), f"{count} items: neither the old vault nor the backup"
        assert code in (None, 0, 2), f"restore exited {code}"
        assert hashlib.sha256(backup_file.read_bytes()).hexdigest() == backup_digest, "the backup was changed"
        return count, code

    def started(vault_path: Path) -> Path:
        return vault_path.with_name(f".{vault_path.name}.restore-tmp")

    _, work = calibrate(template, tmp_path, restore, started)
    alone = kill_trials(template, tmp_path / "alone", restore, kill_delays(work, 10, salt=5), check, started=started)
    assert any(code is None for _, code in alone), "every restore ended before its kill; nothing was tested"
    assert all(count == 3 for count, code in alone if code == 0)
    kill_trials(template, tmp_path / "read", restore, kill_delays(work, 10, salt=6), check, started=started,
                reader_passphrases=(PASSPHRASE,))


def _qpdf_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed (make setup installs it)")
def test_export_killed_at_random_moments_leaves_no_partial_pdf(tmp_path: Path, passphrase_file: Path) -> None:
    files = []
    for n in range(8):
        files.append(tmp_path / f"shot-{n}.png")
        files[-1].write_bytes(png_bytes(900, 1600, seed=2000 + n))
    template = _template(tmp_path, files)

    def export(vault_path: Path) -> list[str]:
        out = vault_path.parent / "dossier.pdf"
        return cli_command(vault_path, passphrase_file, "export", "--case", "京东白条降额投诉", "-o", str(out))

    def check(vault_path: Path, code: int | None, _: float) -> bool:
        pdf = vault_path.parent / "dossier.pdf"
        if pdf.exists():
            qpdf = _qpdf_check(pdf)
            assert qpdf.returncode == 0, f"partial dossier under the final name: {qpdf.stdout}{qpdf.stderr}"
        else:
            assert code is None
        with Vault.open(vault_path, PASSPHRASE) as vault:
            assert verify(vault) == []
        return pdf.exists()

    calibration, work = calibrate(template, tmp_path, export)
    assert _qpdf_check(calibration.parent / "dossier.pdf").returncode == 0
    written = kill_trials(template, tmp_path, export, kill_delays(work, 10, salt=3), check)
    assert not all(written), "every export finished before its kill; the harness tested nothing"


# --- damage to the raw file --------------------------------------------------------------------


@pytest.fixture
def damaged_copy(vault: Vault, case_id: int, vault_path: Path) -> tuple[bytes, int]:
    """The closed vault's bytes (30 items) and its page count."""
    for seed in range(30):
        vault.import_bytes(case_id, png_bytes(300, 200, seed=seed), f"{seed}.png")
    vault.close()
    data = vault_path.read_bytes()
    return data, len(data) // 4096


def _flip(path: Path, data: bytes, offset: int) -> None:
    damaged = bytearray(data)
    damaged[offset] ^= 0x40
    path.write_bytes(bytes(damaged))


@pytest.mark.parametrize("offset", [0, 16, 100, 4095], ids=["salt", "after-salt", "page-1-body", "page-1-end"])
def test_flipped_byte_in_first_page_refuses_to_open(
    vault_path: Path, damaged_copy: tuple[bytes, int], offset: int
) -> None:
    data, _ = damaged_copy
    _flip(vault_path, data, offset)
    with pytest.raises(WrongPassphrase, match="or the file is not an Evidence Vault"):
        Vault.open(vault_path, PASSPHRASE)


@pytest.mark.parametrize("page", ["second", "middle", "last"])
def test_flipped_byte_in_later_page_is_reported_by_page_number(
    vault_path: Path, damaged_copy: tuple[bytes, int], page: str
) -> None:
    data, pages = damaged_copy
    number = {"second": 2, "middle": pages // 2, "last": pages}[page]
    _flip(vault_path, data, (number - 1) * 4096 + 1000)
    try:
        vault = Vault.open(vault_path, PASSPHRASE)
    except VaultError as e:
        assert "damaged" in str(e)
        return
    with vault:
        messages = [p.message for p in verify(vault)]
    assert f"HMAC verification failed for page {number}" in " ".join(messages)


def test_appended_garbage_page_is_reported(vault_path: Path, damaged_copy: tuple[bytes, int]) -> None:
    data, pages = damaged_copy
    vault_path.write_bytes(data + os.urandom(4096))
    with Vault.open(vault_path, PASSPHRASE) as vault:
        messages = " ".join(p.message for p in verify(vault))
    assert f"page {pages + 1}" in messages

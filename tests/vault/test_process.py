"""Process hardening (issue #11, points 7 and 8), checked on real processes.

No core file and a non-dumpable process after harden_process(); children, OCR workers included,
start without the passphrase in their environment; OCR workers end when the CLI is killed.
"""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest
from PIL import Image, ImageDraw

from ocr.engines import available_engines
from tests.vault.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
NEW_PASSPHRASE = "the next passphrase 新口令 5521"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl and /proc are Linux's")


def _python(code: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=60, check=False)


def _core_files(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.name.startswith("core")]


def test_harden_process_sets_no_core_and_not_dumpable(tmp_path: Path) -> None:
    completed = _python(
        """
        import resource
        from vault.process import harden_process, is_dumpable
        print(is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE))
        harden_process()
        print(is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE))
        try:
            resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        except ValueError:
            print("cannot raise it again")
        """,
        REPO,
    )
    assert completed.returncode == 0, completed.stderr
    before, after, raised = completed.stdout.splitlines()
    assert before.startswith("True")
    assert after == "False (0, 0)"
    assert raised == "cannot raise it again"


def _abort_holding_the_passphrase(folder: Path, harden: bool) -> subprocess.CompletedProcess[str]:
    return _python(
        f"""
        import os, resource
        from vault.process import harden_process
        secret = {PASSPHRASE!r} * 1000
        try:
            resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        except ValueError:
            pass
        if {harden}:
            harden_process()
        os.abort()
        """,
        folder,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.mark.skipif(Path("/proc/sys/kernel/core_pattern").read_text().startswith("|"),
                    reason="core dumps are piped to a collector, not written beside the process")
def test_a_crash_after_harden_process_leaves_no_core_file(tmp_path: Path) -> None:
    plain, hardened = tmp_path / "plain", tmp_path / "hardened"
    plain.mkdir()
    hardened.mkdir()
    if _abort_holding_the_passphrase(plain, harden=False).returncode != -signal.SIGABRT or not _core_files(plain):
        pytest.skip("this system writes no core file even for an unhardened process")
    assert any(PASSPHRASE.encode() in path.read_bytes() for path in _core_files(plain)), "what a dump would leak"
    assert _abort_holding_the_passphrase(hardened, harden=True).returncode == -signal.SIGABRT
    assert _core_files(hardened) == []


def test_children_start_without_the_secret_variables(tmp_path: Path) -> None:
    env = {**os.environ, "EVIDENCE_VAULT_PASSPHRASE": PASSPHRASE, "EVIDENCE_VAULT_NEW_PASSPHRASE": NEW_PASSPHRASE}
    completed = _python(
        """
        import os, subprocess, time
        from vault.process import harden_process
        harden_process()
        assert os.environ["EVIDENCE_VAULT_PASSPHRASE"], "this process can still read it"
        child = subprocess.Popen(["sleep", "30"])
        try:
            environment = b""
            while not environment:  # empty until the kernel has finished the child's execve
                time.sleep(0.05)
                with open(f"/proc/{child.pid}/environ", "rb") as environ:
                    environment = environ.read()
            print(environment.decode())
        finally:
            child.kill()
        """,
        REPO,
        env=env,
    )
    assert completed.returncode == 0, completed.stderr
    child_environment = completed.stdout
    assert "PATH=" in child_environment
    assert PASSPHRASE not in child_environment and NEW_PASSPHRASE not in child_environment
    assert "EVIDENCE_VAULT_" not in child_environment


# --- a real import, killed ------------------------------------------------------------------------


def _tall_capture(seed: int) -> bytes:
    """A 1080x12000 capture of text lines: RapidOCR needs well over ten seconds for it."""
    image = Image.new("RGB", (1080, 12000), "white")
    draw = ImageDraw.Draw(image)
    for top in range(30, 11900, 60):
        draw.text((30, top), f"订单编号 {seed}{top:08d} 实付款 ¥{top % 997}.00", fill="black")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _is_ocr_worker(process: psutil.Process) -> bool:
    try:
        return "multiprocessing.spawn" in " ".join(process.cmdline())
    except psutil.NoSuchProcess:
        return False


def _start_import_and_wait_for_busy_workers(tmp_path: Path) -> tuple[subprocess.Popen[bytes], list[psutil.Process]]:
    """`evidence-vault import` of two tall captures, once its workers are reading them."""
    if "rapidocr" not in available_engines():
        pytest.skip("rapidocr is not installed")
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in (1, 2):
        (folder / f"长截图{seed}.png").write_bytes(_tall_capture(seed))
    env = {**os.environ, "EVIDENCE_VAULT_PASSPHRASE": PASSPHRASE, "HOME": str(tmp_path)}
    base = [sys.executable, "-m", "cli", "--vault", str(tmp_path / "v.evault")]
    subprocess.run([*base, "init"], cwd=REPO, env=env, check=True, capture_output=True, timeout=60)
    cli = subprocess.Popen([*base, "import", str(folder), "--ocr-engine", "rapidocr"], cwd=REPO, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(cli.pid)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and cli.poll() is None:
        workers = [p for p in parent.children(recursive=True) if _is_ocr_worker(p)]
        if workers and all(w.cpu_times().user > 1.0 for w in workers):
            return cli, workers
        time.sleep(0.1)
    cli.kill()
    pytest.fail("the import did not start busy OCR workers within a minute")


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.timeout(120)
def test_ocr_workers_of_the_cli_have_no_passphrase_in_their_environment(tmp_path: Path) -> None:
    cli, workers = _start_import_and_wait_for_busy_workers(tmp_path)
    try:
        children = psutil.Process(cli.pid).children(recursive=True)
        assert workers and set(workers) <= set(children)
        for child in children:  # the workers and multiprocessing's resource tracker
            with open(f"/proc/{child.pid}/environ", "rb") as environ:
                environment = environ.read()
            assert b"PATH=" in environment and PASSPHRASE.encode() not in environment, child.cmdline()
            assert PASSPHRASE not in " ".join(child.cmdline())
    finally:
        cli.kill()
        cli.wait()


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.timeout(120)
def test_ocr_workers_end_within_seconds_of_a_killed_cli(tmp_path: Path) -> None:
    cli, workers = _start_import_and_wait_for_busy_workers(tmp_path)
    children = psutil.Process(cli.pid).children(recursive=True)
    cli.send_signal(signal.SIGKILL)
    cli.wait()
    killed_at = time.monotonic()
    gone, alive = psutil.wait_procs(children, timeout=5)
    assert alive == [], f"still running 5 s after the kill: {[p.cmdline() for p in alive]}"
    assert {p.pid for p in workers} <= {p.pid for p in gone}
    assert time.monotonic() - killed_at < 5

"""Leak audit: a whole CLI workflow must leave no readable evidence outside the vault, backup and PDFs.

Every command runs in its own process with HOME, TMPDIR and the XDG folders pointed at fresh
folders, then every file under them and the vault's folder is searched for the evidence: strings
drawn into the screenshots, the OCR text (as `show --json` printed it), the note, the case title,
the passphrase, and the originals' signatures and bytes. Only the exported PDFs may hold them.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.engines import available_engines

pytestmark = [pytest.mark.slow, pytest.mark.ocr]

REPO_ROOT = Path(__file__).resolve().parents[1]
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_INDEX = 2  # Noto Sans CJK SC in the collection
PASSPHRASE = "泄漏审计口令 Leak-Audit 4417"
MARKER = "泄漏检测ZQX7731"
ORDER_NO = "998877665544332"
NOTE = "独特备注TT5521"
CASE_TITLE = "泄漏案件KJ4410"
NAME_MARKER = "截图VB6620"
CHUNK_BYTES = 64
CHUNK_STEP = 256
MIN_NEEDLE_BYTES = 8
"""Shorter OCR lines ('¥', '12:30') would match by chance in binary files; 8 bytes is 3 CJK characters."""
IMAGE_SIGNATURES = {
    "PNG signature": b"\x89PNG\r\n\x1a\n",
    "JPEG/JFIF signature": b"\xff\xd8\xff\xe0",
    "JPEG/Exif signature": b"\xff\xd8\xff\xe1",
    "JPEG/raw signature": b"\xff\xd8\xff\xdb",
}
"""Four bytes or more, so 2^-32 per position keeps random hits out of the encrypted files."""

SCREENSHOTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (f"订单{NAME_MARKER}.png", "PNG", ("订单详情", f"订单编号：{ORDER_NO}", MARKER, "实付款：¥268.00",
                                      "下单时间：2025-12-08 20:15:32")),
    (f"聊天{NAME_MARKER}.jpg", "JPEG", ("客服小明：您好，请问有什么可以帮您", f"关于订单{ORDER_NO}的退款",
                                       f"{MARKER} 将在三个工作日内到账", "12月09日 10:21")),
)


def draw_screenshot(lines: Iterable[str], image_format: str) -> bytes:
    """A small light-mode screenshot with one text line per row, encoded as PNG or JPEG."""
    rows = list(lines)
    font = ImageFont.truetype(str(FONT), 30, index=FONT_INDEX)
    image = Image.new("RGB", (720, 60 + 56 * len(rows)), "#FFFFFF")
    draw = ImageDraw.Draw(image)
    for row, text in enumerate(rows):
        draw.text((32, 30 + 56 * row), text, fill="#1A1A1A", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **({"quality": 90} if image_format == "JPEG" else {}))
    return buffer.getvalue()


@dataclass
class Workspace:
    """Private HOME, TMPDIR and vault folder, and a CLI runner confined to them."""

    home: Path
    tmp: Path
    vault_dir: Path
    inputs: Path

    @property
    def vault(self) -> Path:
        return self.vault_dir / "vault.evault"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "EVIDENCE_VAULT_"))}
        runtime = self.home / ".run"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env.update(
            HOME=str(self.home), TMPDIR=str(self.tmp), TEMP=str(self.tmp), TMP=str(self.tmp),
            XDG_DATA_HOME=str(self.home / ".local" / "share"), XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"), XDG_STATE_HOME=str(self.home / ".local" / "state"),
            XDG_RUNTIME_DIR=str(runtime), EVIDENCE_VAULT_PASSPHRASE=PASSPHRASE,
            PYTHONPATH=str(REPO_ROOT), PYTHONDONTWRITEBYTECODE="1",
        )
        return env

    def cli(self, *args: str) -> str:
        """Run `evidence-vault --vault V ARGS` in a subprocess from HOME; returns stdout."""
        completed = subprocess.run(
            [sys.executable, "-m", "cli", "--vault", str(self.vault), *args],
            cwd=self.home, env=self.env(), capture_output=True, text=True, timeout=180, check=False,
        )
        assert completed.returncode == 0, f"{args} exited {completed.returncode}: {completed.stdout}{completed.stderr}"
        return completed.stdout


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    folders = [tmp_path / name for name in ("home", "tmp", "vault", "inputs")]
    for folder in folders:
        folder.mkdir()
    return Workspace(*folders)


def text_needles(texts: Iterable[str]) -> dict[bytes, str]:
    """Each text in UTF-8 and UTF-16-LE, labelled, skipping ones too short to be told from noise."""
    needles: dict[bytes, str] = {}
    for text in texts:
        for encoding in ("utf-8", "utf-16-le"):
            data = text.encode(encoding)
            if len(data) >= MIN_NEEDLE_BYTES:
                needles.setdefault(data, f"{text!r} ({encoding})")
    return needles


def original_needles(originals: dict[str, bytes]) -> dict[bytes, str]:
    """Image signatures plus 64-byte chunks taken every CHUNK_STEP bytes of each original."""
    needles = {signature: label for label, signature in IMAGE_SIGNATURES.items()}
    for name, data in originals.items():
        for offset in range(0, len(data) - CHUNK_BYTES + 1, CHUNK_STEP):
            needles.setdefault(data[offset:offset + CHUNK_BYTES], f"bytes {offset}..{offset + CHUNK_BYTES} of {name}")
    return needles


def scan(roots: Iterable[Path], needles: dict[bytes, str], allowed: set[Path]) -> list[tuple[Path, str]]:
    """(file, needle label) for every needle found in a file under the roots, except allowed files."""
    hits: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder, name).resolve()
                if path in seen or path in allowed or not path.is_file():
                    continue
                seen.add(path)
                data = path.read_bytes()
                hits.extend((path, label) for needle, label in needles.items() if needle in data)
    return hits


def search_ids(ws: Workspace, query: str) -> list[str]:
    """Item ids the `search` command lists (first column of each line)."""
    return [line.split("\t")[0] for line in ws.cli("search", query).splitlines()]


def leftover_files(root: Path) -> list[Path]:
    """Every file (not folder) under root, sorted."""
    return sorted(p for p in root.rglob("*") if not p.is_dir())


@pytest.mark.timeout(240)
def test_workflow_leaves_no_plaintext_evidence(workspace: Workspace) -> None:
    engines = available_engines()
    if not engines:
        pytest.skip("no OCR engine installed")
    if not FONT.is_file():
        pytest.skip(f"{FONT} is missing; run make setup")
    originals = {}
    for name, image_format, lines in SCREENSHOTS:
        originals[name] = draw_screenshot(lines, image_format)
        (workspace.inputs / name).write_bytes(originals[name])

    ws = workspace
    ws.cli("init")
    assert ws.cli("case", "add", CASE_TITLE, "--respondent", "某电商平台").strip() == "1"
    out = ws.cli("import", str(ws.inputs), "--ocr-engine", engines[0])
    assert f"Imported {len(SCREENSHOTS)}, duplicates 0, rejected 0" in out
    assert f"OCR ({engines[0]}): {len(SCREENSHOTS)} read, 0 failed" in out
    item_ids = [str(item["id"]) for item in json.loads(ws.cli("list", "--json"))]

    ocr_lines: set[str] = set()

    def collect_ocr_text() -> None:
        for item_id in item_ids:
            shown = json.loads(ws.cli("show", item_id, "--json"))
            ocr_lines.update(line.strip() for line in (shown["ocr_text"] or "").splitlines() if line.strip())

    collect_ocr_text()
    for engine in engines[1:]:
        item_args = [arg for item_id in item_ids for arg in ("--item", item_id)]
        out = ws.cli("ocr", *item_args, "--ocr-engine", engine)
        assert f"OCR ({engine}): {len(item_ids)} read, 0 failed" in out
        collect_ocr_text()
    assert any(ORDER_NO in line for line in ocr_lines), f"OCR missed the order number: {sorted(ocr_lines)}"

    ws.cli("edit", item_ids[0], "--note", NOTE)
    assert item_ids[0] in search_ids(ws, ORDER_NO)
    assert search_ids(ws, NOTE) == [item_ids[0]]
    exports = ws.home / "Documents"
    dossier, redacted = exports / "dossier.pdf", exports / "dossier-redacted.pdf"
    exports.mkdir()
    ws.cli("export", "-o", str(dossier))
    ws.cli("export", "-o", str(redacted), "--redact")
    backup = ws.vault_dir / "backup.evault"
    ws.cli("backup", str(backup))
    ws.cli("verify")

    assert dossier.stat().st_size > 0 and redacted.stat().st_size > 0
    texts = [MARKER, ORDER_NO, NOTE, CASE_TITLE, NAME_MARKER, PASSPHRASE, *ocr_lines]
    needles = text_needles(texts) | original_needles(originals)
    assert scan([ws.inputs], needles, set()), "the scanner finds nothing even in the originals"

    hits = scan([ws.home, ws.tmp, ws.vault_dir], needles, {dossier.resolve(), redacted.resolve()})
    report = "\n".join(f"  {path}: {label}" for path, label in hits)
    assert not hits, f"plaintext evidence outside the exported PDFs:\n{report}"
    assert {p.name for p in ws.vault_dir.iterdir()} >= {ws.vault.name, backup.name}
    # Not evidence, but an offline app must not leave identifiers or queued telemetry behind either
    # (onnxruntime >= 1.32 writes a device id under ~/.cache and a session file to TMPDIR).
    # The one record kept outside the vault on purpose: per vault id and path, the newest log entry's number and
    # hash, so verify can tell a file put back from an older copy (no evidence in it: the scan above covers it).
    heads = [p for p in leftover_files(ws.home) if p.name == "audit-heads.json"]
    assert len(heads) == 1 and all(len(v) == 2 for v in json.loads(heads[0].read_text(encoding="utf-8")).values())
    assert leftover_files(ws.home) == sorted([dossier, redacted, *heads]), "stray files in HOME"
    assert leftover_files(ws.tmp) == [], "files left in TMPDIR"

"""Hostile and odd inputs: each is imported or rejected with a specific reason, never a crash or hang.

On rejection the vault is unchanged: same audit head, same item count, and verify still passes.
"""
from __future__ import annotations

import io
import os
import shutil
import struct
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageFile
from reportlab.pdfgen import canvas

from cli.main import main
from tests.factories import jpeg_bytes, png_bytes
from tests.vault.conftest import PASSPHRASE
from vault.media import (
    A4_POINTS,
    MAX_ASPECT_RATIO,
    MAX_FILE_BYTES,
    MAX_PDF_PAGES,
    MAX_PDF_PIXELS,
    MAX_PIXELS,
)
from vault.evidence import ImportStatus
from vault.store import Vault
from vault.verify import verify

FileMaker = Callable[[Path], Path]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def raw_png(width: int, height: int, bit_depth: int, color_type: int, row: bytes) -> bytes:
    """A PNG written chunk by chunk, streaming the same row `height` times through zlib.

    Lets a test declare any size (a decompression bomb stays a few KB) and any bit depth.
    """
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(b"\x00" + row) for _ in range(height)]
    idat = b"".join(parts) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


def _pil_bytes(image: Image.Image, fmt: str, **save: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def _pdf_bytes(pages: int = 1, text: str = "Bill 2026-02") -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for number in range(pages):
        pdf.drawString(72, 720, f"{text} page {number + 1}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _pikepdf_bytes(pages: int, size: float = 612, height: float | None = None) -> bytes:
    """Blank pages of `size` points square, or `size` x `height`."""
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page()
        pdf.pages[-1].MediaBox = pikepdf.Array([0, 0, size, size if height is None else height])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _upright_marker_photo() -> bytes:
    """A 200x100 JPEG stored sideways (EXIF orientation 6) with a red block at its stored top-left."""
    image = Image.new("RGB", (200, 100), "white")
    image.paste((255, 0, 0), (0, 0, 40, 40))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif.get_ifd(0x8769)[36867] = "2026:02:14 21:30:05"  # DateTimeOriginal, local time
    return _pil_bytes(image, "JPEG", exif=exif, quality=95)


def _write(name: str, data: bytes) -> FileMaker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _sparse(name: str, size: int) -> FileMaker:
    def make(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as handle:
            handle.truncate(size)
        return path

    return make


@pytest.fixture
def snapshot(vault: Vault, case_id: int) -> Iterator[Callable[[], None]]:
    """Call it to assert that the vault is exactly as it was before the test's import."""
    head, count = vault.audit_head(), len(vault.items())

    def unchanged() -> None:
        assert vault.audit_head() == head
        assert len(vault.items()) == count
        assert verify(vault) == []

    yield unchanged


_REJECTED = [
    pytest.param(_write("empty.png", b""), "empty_file", id="zero-bytes"),
    pytest.param(_write("cut.png", png_bytes(400, 300, seed=1)[:600]), "damaged_image", id="truncated-png"),
    pytest.param(_write("cut.jpg", jpeg_bytes(400, 300, seed=2)[:700]), "damaged_image", id="truncated-jpeg"),
    pytest.param(_write("sig.png", b"\x89PNG\r\n\x1a\n"), "unreadable_image", id="png-signature-only"),
    pytest.param(_write("notes.png", "订单号 312345678901\n".encode() * 20), "text_file", id="text-named-png"),
    pytest.param(_write("blob.jpg", os.urandom(4096)), "unsupported_type", id="random-bytes"),
    pytest.param(_write("soi.jpg", b"\xff\xd8\xff" + bytes(range(256)) * 8), "unreadable_image", id="jpeg-garbage"),
    pytest.param(_write("empty.pdf", _pikepdf_bytes(0)), "damaged_pdf", id="pdf-no-pages"),
    pytest.param(_write("junk.pdf", b"%PDF-1.7\n" + os.urandom(2048)), "damaged_pdf", id="pdf-garbage-after-header"),
    pytest.param(_write("long.pdf", _pikepdf_bytes(MAX_PDF_PAGES + 1)), "too_many_pages", id="pdf-over-page-limit"),
    pytest.param(_write("huge-page.pdf", _pikepdf_bytes(1, 200_000)), "too_many_pixels", id="pdf-page-of-70-metres"),
    pytest.param(_sparse("big.png", MAX_FILE_BYTES + 1), "too_large", id="one-byte-over-size-limit"),
    pytest.param(_write("line.png", raw_png(65500, 1, 8, 0, bytes(65500))), "extreme_aspect_ratio",
                 id="png-65500x1"),
    pytest.param(_write("thread.png", raw_png(1, 65500, 8, 0, bytes(1))), "extreme_aspect_ratio", id="png-1x65500"),
    pytest.param(_write("ribbon.pdf", _pikepdf_bytes(1, 14_400, 100)), "extreme_aspect_ratio",
                 id="pdf-page-200-inches-by-1.4"),
    pytest.param(_write("blank.pdf", _pikepdf_bytes(MAX_PDF_PAGES, 4000)), "pdf_too_many_pixels",
                 id="pdf-500-blank-pages-of-4000-points"),
]


@pytest.mark.parametrize(("make", "reason"), _REJECTED)
def test_rejected_with_reason_and_vault_unchanged(
    vault: Vault, case_id: int, tmp_path: Path, snapshot: Callable[[], None], make: FileMaker, reason: str
) -> None:
    outcome = vault.import_file(case_id, make(tmp_path))
    assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, reason), outcome.detail
    assert outcome.detail
    snapshot()


def test_decompression_bomb_is_refused_without_decoding(
    vault: Vault, case_id: int, tmp_path: Path, snapshot: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    side = 30_000
    assert side * side > MAX_PIXELS
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(raw_png(side, side, 1, 0, bytes(side // 8)))
    assert bomb.stat().st_size < 200_000

    def no_decoding(self: ImageFile.ImageFile) -> None:
        raise AssertionError("the bomb's pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    started = time.monotonic()
    outcome = vault.import_file(case_id, bomb)
    assert time.monotonic() - started < 2
    assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, "too_many_pixels")
    assert f"{MAX_PIXELS:,}" in outcome.detail
    snapshot()


def test_image_just_over_pixel_limit_is_refused(
    vault: Vault, case_id: int, tmp_path: Path, snapshot: Callable[[], None]
) -> None:
    width = 10_000
    height = MAX_PIXELS // width + 1
    path = _write("tall.png", raw_png(width, height, 1, 0, bytes(width // 8)))(tmp_path)
    outcome = vault.import_file(case_id, path)
    assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, "too_many_pixels")
    assert f"{MAX_PIXELS:,}" in outcome.detail
    snapshot()


@pytest.mark.parametrize(
    ("width", "height"),
    [
        pytest.param(1080, 20_000, id="scrolling-capture-1080x20000"),
        pytest.param(200, 200 * MAX_ASPECT_RATIO, id="narrow-at-the-ratio-limit"),
        pytest.param(200 * MAX_ASPECT_RATIO, 200, id="wide-at-the-ratio-limit"),
    ],
)
def test_long_captures_within_the_aspect_ratio_are_accepted(
    vault: Vault, case_id: int, tmp_path: Path, width: int, height: int
) -> None:
    path = _write("长截图.png", raw_png(width, height, 1, 0, b"\xaa" * (width // 8)))(tmp_path)
    outcome = vault.import_file(case_id, path)
    assert outcome.status == ImportStatus.IMPORTED, outcome.detail
    assert (vault.item(outcome.item_id).width, vault.item(outcome.item_id).height) == (width, height)


def test_pixel_heavy_pdf_is_refused_quickly_with_the_limit_named(
    vault: Vault, case_id: int, tmp_path: Path, snapshot: Callable[[], None]
) -> None:
    path = _write("blank.pdf", _pikepdf_bytes(MAX_PDF_PAGES, 4000))(tmp_path)
    assert path.stat().st_size < 200_000
    started = time.monotonic()
    outcome = vault.import_file(case_id, path)
    assert time.monotonic() - started < 5
    assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, "pdf_too_many_pixels")
    assert f"{MAX_PDF_PIXELS:,}" in outcome.detail and f"{MAX_PDF_PAGES} A4 pages" in outcome.detail
    snapshot()


def test_pdf_of_as_many_a4_pages_as_allowed_is_accepted(vault: Vault, case_id: int, tmp_path: Path) -> None:
    path = _write("statement.pdf", _pikepdf_bytes(MAX_PDF_PAGES, *A4_POINTS))(tmp_path)
    outcome = vault.import_file(case_id, path)
    assert outcome.status == ImportStatus.IMPORTED, outcome.detail
    item = vault.item(outcome.item_id)
    assert (item.media_type, item.width, item.height) == ("application/pdf", *A4_POINTS)


def test_oversized_file_is_refused_before_reading(
    vault: Vault, case_id: int, tmp_path: Path, snapshot: Callable[[], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _sparse("video.png", 200 * 2**20)(tmp_path)
    assert path.stat().st_size > MAX_FILE_BYTES

    def no_reading(self: Path, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"{self} was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    outcome = vault.import_file(case_id, path)
    monkeypatch.undo()
    assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, "too_large")
    assert f"{MAX_FILE_BYTES // 2**20} MiB" in outcome.detail
    snapshot()


@pytest.mark.timeout(20)
def test_named_pipe_is_refused_without_blocking(
    vault: Vault, case_id: int, tmp_path: Path, snapshot: Callable[[], None]
) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    outcome = vault.import_file(case_id, fifo)
    assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, "not_a_file")
    snapshot()


@pytest.mark.timeout(20)
def test_endless_device_is_refused(vault: Vault, case_id: int, snapshot: Callable[[], None]) -> None:
    outcome = vault.import_file(case_id, Path("/dev/zero"))
    assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, "not_a_file")
    snapshot()


def test_missing_file_and_broken_link(vault: Vault, case_id: int, tmp_path: Path, snapshot: Callable[[], None]) -> None:
    link = tmp_path / "link.png"
    link.symlink_to(tmp_path / "gone.png")
    for path in (tmp_path / "never.png", link):
        outcome = vault.import_file(case_id, path)
        assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, "unreadable")
    snapshot()


def _rgb_thumbnail(vault: Vault, item_id: int) -> Image.Image:
    thumb = Image.open(io.BytesIO(vault.thumbnail(item_id)))
    assert thumb.format == "JPEG" and thumb.mode == "RGB"
    return thumb


def _frames() -> list[Image.Image]:
    return [Image.new("P", (48, 32), colour) for colour in (10, 80, 160, 240)]


_ACCEPTED = [
    pytest.param(
        "anim.gif",
        _pil_bytes(_frames()[0], "GIF", save_all=True, append_images=_frames()[1:], duration=80, loop=0),
        "image/gif", (48, 32), id="animated-gif",
    ),
    pytest.param("cmyk.jpg", _pil_bytes(Image.new("CMYK", (64, 40), (0, 200, 200, 0)), "JPEG"), "image/jpeg", (64, 40),
                 id="cmyk-jpeg"),
    pytest.param("grey16.png", _pil_bytes(Image.new("I;16", (50, 30), 40_000), "PNG"), "image/png", (50, 30),
                 id="16-bit-grey-png"),
    pytest.param("rgb16.png", raw_png(40, 20, 16, 2, b"\xff\x00\x80\x00\x00\x00" * 40), "image/png", (40, 20),
                 id="16-bit-rgb-png"),
    pytest.param("alpha.png", _pil_bytes(Image.new("RGBA", (60, 60), (255, 0, 0, 0)), "PNG"), "image/png", (60, 60),
                 id="png-with-alpha"),
    pytest.param("palette.png", png_bytes(seed=3, mode="L"), "image/png", (120, 80), id="greyscale-png"),
    pytest.param("shot.webp", _pil_bytes(Image.new("RGB", (90, 70), "navy"), "WEBP"), "image/webp", (90, 70),
                 id="webp"),
    pytest.param("photo.heic", _pil_bytes(Image.new("RGB", (96, 64), "teal"), "HEIF"), "image/heic", (96, 64),
                 id="heic"),
    pytest.param("scan.bmp", _pil_bytes(Image.new("RGB", (30, 20), "olive"), "BMP"), "image/bmp", (30, 20), id="bmp"),
    pytest.param("scan.tif", _pil_bytes(Image.new("RGB", (30, 20), "olive"), "TIFF"), "image/tiff", (30, 20),
                 id="tiff"),
    pytest.param("bill.pdf", _pdf_bytes(pages=3), "application/pdf", (595, 841), id="pdf-three-pages"),
]


@pytest.mark.parametrize(("name", "data", "media_type", "size"), _ACCEPTED)
def test_accepted_byte_exact_with_thumbnail(
    vault: Vault, case_id: int, tmp_path: Path, name: str, data: bytes, media_type: str, size: tuple[int, int]
) -> None:
    path = _write(name, data)(tmp_path)
    outcome = vault.import_file(case_id, path)
    assert outcome.status == ImportStatus.IMPORTED, outcome.detail
    item = vault.item(outcome.item_id)
    assert (item.media_type, (item.width, item.height)) == (media_type, size)
    assert vault.original(item.id) == data
    thumb = _rgb_thumbnail(vault, item.id)
    assert max(thumb.size) <= 320
    assert [e.action for e in vault.audit_entries(item.id)] == ["item.import"]
    assert len(vault.items()) == 1 and verify(vault) == []


def test_transparent_png_thumbnail_is_white(vault: Vault, case_id: int) -> None:
    data = _pil_bytes(Image.new("RGBA", (60, 60), (255, 0, 0, 0)), "PNG")
    item_id = vault.import_bytes(case_id, data, "alpha.png").item_id
    assert all(channel > 240 for channel in _rgb_thumbnail(vault, item_id).getpixel((30, 30)))


def test_exif_rotated_photo_is_recorded_upright_with_capture_time(vault: Vault, case_id: int, tmp_path: Path) -> None:
    data = _upright_marker_photo()
    outcome = vault.import_file(case_id, _write("IMG_0001.jpg", data)(tmp_path))
    item = vault.item(outcome.item_id)
    assert vault.original(item.id) == data, "the original keeps its EXIF orientation untouched"
    assert (item.width, item.height) == (100, 200)
    assert item.captured_at == "2026-02-14T21:30:05+08:00"
    thumb = _rgb_thumbnail(vault, item.id)
    assert thumb.height > thumb.width
    red, green, _ = thumb.getpixel((thumb.width - 5, 5))
    assert red > 200 and green < 80, "the stored top-left corner shows at the top-right once upright"


NOBODY = 65534


def _import_as_nobody(vault_path: Path, case_id: int, path: Path) -> tuple[str, str | None]:
    """Import `path` in a forked child that has dropped root, so permission bits apply to it.

    The child only uses modules this process has already imported (it may not be able to read the
    interpreter's own files as `nobody`) and reports through a pipe.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_end)
        report = "error"
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            with Vault.open(vault_path, PASSPHRASE) as vault:
                outcome = vault.import_file(case_id, path)
            report = f"{outcome.status}|{outcome.reason}"
        except BaseException as e:  # noqa: BLE001 - reported to the parent
            report = f"error|{type(e).__name__}: {e}"
        finally:
            os.write(write_end, report.encode())
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        report = pipe.read().decode()
    os.waitpid(pid, 0)
    status, _, reason = report.partition("|")
    return status, reason or None


@pytest.mark.timeout(60)
def test_unreadable_permissions(vault: Vault, case_id: int, tmp_path: Path, snapshot: Callable[[], None]) -> None:
    path = _write("locked.png", png_bytes(seed=9))(tmp_path)
    path.chmod(0)
    try:
        if os.geteuid() != 0:
            outcome = vault.import_file(case_id, path)
            assert (outcome.status, outcome.reason) == (ImportStatus.REJECTED, "unreadable")
            snapshot()
            return
        # Root reads any file, so the import runs as `nobody` on a copy of the vault it may write.
        shared = Path(tempfile.mkdtemp(prefix="ev-perm-"))
        try:
            shared.chmod(0o755)
            os.chown(shared, NOBODY, NOBODY)  # the vault writes its -wal and -shm beside itself
            vault.close()
            copy = shared / "vault.evault"
            shutil.copy2(vault.path, copy)
            os.chown(copy, NOBODY, NOBODY)
            locked = shared / "locked.png"
            shutil.copy2(path, locked)
            locked.chmod(0)
            assert _import_as_nobody(copy, case_id, locked) == (str(ImportStatus.REJECTED), "unreadable")
            with Vault.open(copy, PASSPHRASE) as reopened:
                assert reopened.items(case_id) == [] and verify(reopened) == []
        finally:
            shutil.rmtree(shared)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("京东 订单 截图.png", id="chinese-and-spaces"),
        pytest.param("客服聊天 😀🧾.png", id="emoji"),
        pytest.param(" leading and trailing .png ", id="outer-spaces"),
        pytest.param("no-extension", id="no-extension"),
        pytest.param("新建文件夹 (2)/微信图片_20260214.jpg", id="chinese-folder"),
    ],
)
def test_unusual_names_are_kept_exactly(vault: Vault, case_id: int, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(png_bytes(seed=len(name)))
    outcome = vault.import_file(case_id, path)
    assert outcome.status == ImportStatus.IMPORTED
    assert vault.item(outcome.item_id).original_name == path.name
    assert outcome.item_id in [i.id for i in vault.search(path.name.split()[0])]


# --- through the command line -----------------------------------------------------------------


@pytest.fixture
def cli(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., int]:
    """Run `evidence-vault --vault VAULT ARGS` in-process with the passphrase in the environment."""
    monkeypatch.setenv("EVIDENCE_VAULT_PASSPHRASE", PASSPHRASE)

    def run(*args: str) -> int:
        return main(["--vault", str(vault_path), *args])

    return run


def _state(vault_path: Path) -> tuple[tuple[int, str], int]:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert verify(vault) == []
        return vault.audit_head(), len(vault.items())


def test_cli_reports_each_rejection_and_imports_the_rest(
    cli: Callable[..., int], vault_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("init") == 0
    folder = tmp_path / "in"
    folder.mkdir()
    for make, _ in (p.values for p in _REJECTED[:6]):
        make(folder)
    _write("好的 截图 😀.png", png_bytes(seed=50))(folder)
    os.mkfifo(folder / "pipe")
    capsys.readouterr()
    assert cli("import", str(folder), "--no-ocr") == 2
    out = capsys.readouterr().out
    assert "Imported 1, duplicates 0, rejected 7" in out
    assert "rejected: empty.png: the file is empty (0 bytes)" in out
    assert "rejected: notes.png: the file contains text" in out
    assert "rejected: pipe: is not a regular file" in out
    _, count = _state(vault_path)
    assert count == 1


def test_cli_rejection_leaves_vault_unchanged(
    cli: Callable[..., int], vault_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("init") == 0
    assert cli("import", str(_write("a.png", png_bytes(seed=51))(tmp_path)), "--no-ocr") == 0
    before = _state(vault_path)
    bomb = _write("bomb.png", raw_png(30_000, 30_000, 1, 0, bytes(3750)))(tmp_path)
    assert cli("import", str(bomb), "--no-ocr") == 2
    assert "over the limit of 100,000,000 pixels" in capsys.readouterr().out
    assert _state(vault_path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"", "empty (0 bytes): not a vault", id="empty"),
        pytest.param(b"SQLite format 3\x00" + bytes(4080), "unencrypted SQLite", id="plain-sqlite"),
        pytest.param(os.urandom(5000), "not a whole number of 4096-byte pages", id="odd-size"),
        pytest.param(os.urandom(8192), "passphrase does not open this vault", id="random-pages"),
    ],
)
def test_cli_on_files_that_are_not_vaults(
    cli: Callable[..., int], vault_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    vault_path.write_bytes(content)
    assert cli("verify") == 2
    assert message in capsys.readouterr().err
    assert vault_path.read_bytes() == content


def test_cli_import_of_missing_path_is_a_usage_error(
    cli: Callable[..., int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("init") == 0
    assert cli("import", str(tmp_path / "nope.png"), "--no-ocr") == 2
    assert "no such file or folder" in capsys.readouterr().err


@pytest.mark.slow
def test_cli_imports_a_folder_of_a_thousand_files(
    cli: Callable[..., int], vault_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "导出 的 截图"
    folder.mkdir()
    for seed in range(1000):
        (folder / f"截图 {seed:04d}.png").write_bytes(png_bytes(40, 30, seed=seed * 7919))
    assert cli("init") == 0
    started = time.monotonic()
    assert cli("import", str(folder), "--no-ocr") == 0
    elapsed = time.monotonic() - started
    assert "Imported 1000, duplicates 0, rejected 0" in capsys.readouterr().out
    assert elapsed < 60, f"1000 small files took {elapsed:.1f} s"
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert len(vault.items()) == 1000
        assert verify(vault) == []

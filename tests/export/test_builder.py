"""End-to-end checks of build_dossier on the produced PDF, read back with poppler, qpdf and pikepdf."""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from export import (DossierRequest, DossierTooLarge, ExhibitUnreadable, ExportCancelled, ExportError,
                    ExportOptions, ExportResult, IntegrityMismatch, build_dossier)
from export.builder import attachment_name
from export.layout import EXHIBITS_PER_SEGMENT
from bench.dossier_demo import DEMO_ID_CARD, DEMO_PHONE, demo_request
from tests.export.conftest import Build, encode, flat_text, page_texts, pdf_text, tiny_request, with_original


def test_core_imports_no_qt() -> None:
    """In a fresh interpreter, since pytest-qt has already imported Qt into this one."""
    code = "import sys, export, export.builder; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_text_holds_cover_index_and_captions(built: ExportResult, small_request: DossierRequest) -> None:
    text = pdf_text(built.path)
    for expected in ("证据材料", "京东白条分期服务费争议", "张三", DEMO_PHONE, "京东金融", "12315", "诉求",
                     "证据目录", "证明目的", "电子原件", "提交人签名", "事件时间线",
                     "附录一", "附录二：完整性清单", "sha256sum", "certutil", small_request.audit_head_hash[:32]):
        assert expected in text, expected
    flat = flat_text(built.path)
    for exhibit in small_request.exhibits:
        assert exhibit.original_name in flat  # a long name may wrap after an underscore
        assert exhibit.sha256 in flat
    assert f"第 1 页 / 共 {built.pages} 页" in text


def test_index_page_numbers_point_at_exhibit_sections(built: ExportResult, small_request: DossierRequest) -> None:
    pages = page_texts(built.path)
    index = next(p for p in pages if any(line.strip() == "证据目录" for line in p.splitlines()))
    for number, exhibit in enumerate(small_request.exhibits, start=1):
        start = next(i for i, p in enumerate(pages, start=1)
                     if re.search(rf"^\s*证据{number}\s", p, re.MULTILINE) and p is not index)  # the heading
        row = next(line for line in index.splitlines() if line.strip().startswith(f"证据{number}"))
        assert re.search(rf"\s{start}(–\d+)?$", row.rstrip()), row


def test_every_font_is_embedded(built: ExportResult) -> None:
    out = subprocess.run(["pdffonts", str(built.path)], check=True, capture_output=True, text=True).stdout
    header, _, *rows = out.splitlines()
    emb = header.index("emb")
    assert rows
    for row in rows:
        assert row[emb:emb + 3].strip() == "yes", row


def test_qpdf_check_passes(built: ExportResult) -> None:
    subprocess.run(["qpdf", "--check", str(built.path)], check=True, capture_output=True)


def test_outline_has_one_entry_per_exhibit(built: ExportResult, small_request: DossierRequest) -> None:
    with pikepdf.open(built.path) as pdf, pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        exhibits = next(item for item in outline.root if item.title == "证据")
        assert [c.title.split("　")[0] for c in exhibits.children] == [
            f"证据{n}" for n in range(1, len(small_request.exhibits) + 1)]
    assert titles == ["封面", "证据目录", "事件时间线", "证据", "附录一：文字识别（OCR）结果", "附录二：完整性清单"]


def test_attachments_match_manifest(built: ExportResult, small_request: DossierRequest) -> None:
    text = pdf_text(built.path)
    with pikepdf.open(built.path) as pdf:
        attached = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
    assert len(attached) == len(small_request.exhibits)
    for exhibit in small_request.exhibits:
        data = next(d for name, d in attached.items() if name.endswith(exhibit.original_name))
        assert data == exhibit.load_original()
        assert hashlib.sha256(data).hexdigest() == exhibit.sha256
        assert exhibit.sha256[:32] in text


def test_metadata_and_result(built: ExportResult) -> None:
    with pikepdf.open(built.path) as pdf:
        assert str(pdf.docinfo["/Title"]) == "京东白条分期服务费争议"
        assert "Evidence Vault" in str(pdf.docinfo["/Author"])
        assert str(pdf.docinfo["/Subject"]) == "证据材料"
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20240618201500+08'00")
        assert len(pdf.pages) == built.pages
    data = built.path.read_bytes()
    assert built.size == len(data)
    assert built.sha256 == hashlib.sha256(data).hexdigest()


def test_redacted_export_masks_numbers_and_attaches_nothing(build: Build, small_request: DossierRequest) -> None:
    result = build(small_request, redact=True)
    text = pdf_text(result.path)
    assert DEMO_PHONE not in text and DEMO_ID_CARD not in text
    assert "138****5678" in text
    with pikepdf.open(result.path) as pdf:
        assert len(pdf.attachments) == 0
        assert DEMO_PHONE.encode() not in pdf.open_metadata().__str__().encode()
    assert "未附（脱敏版）" in text
    assert "本版本未附原始文件" in text and "pdfdetach" not in text


def test_password_protects_with_aes256(build: Build, small_request: DossierRequest) -> None:
    result = build(small_request, password="s3cret-口令")
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(result.path)
    with pikepdf.open(result.path, password="s3cret-口令") as pdf:
        assert pdf.encryption.R == 6
        assert pdf.encryption.stream_method.name == "aesv3"
        assert len(pdf.attachments) == len(small_request.exhibits)
    assert "证据目录" in pdf_text(result.path, password="s3cret-口令")
    subprocess.run(["qpdf", "--check", "--password=s3cret-口令", str(result.path)], check=True, capture_output=True)
    assert b"DroidSans" not in result.path.read_bytes()  # font streams are encrypted too


def test_english_labels(build: Build, small_request: DossierRequest) -> None:
    text = pdf_text(build(small_request, lang="en").path)
    for expected in ("Evidence Index", "Exhibit 1", "Purpose of proof", "Timeline", "Integrity manifest",
                     "Page 1 of"):
        assert expected in text
    for fixed_chinese in ("提交人签名", "证明目的", "第 1 页"):
        assert fixed_chinese not in text


def test_tall_screenshot_is_sliced_over_pages(build: Build) -> None:
    request = demo_request(1, tall_every=0)
    tall = Image.new("RGB", (1080, 9000), "white")
    for y in range(0, 9000, 300):
        tall.paste((200, 0, 0), (40, y + 100, 1040, y + 140))
    exhibit = with_original(request.exhibits[0], encode(tall, "PNG"), "tall.png")
    result = build(replace(request, exhibits=(exhibit,)))
    pages = page_texts(result.path)
    continued = [p for p in pages if "证据1（续）" in p]
    assert len(continued) >= 2
    listing = subprocess.run(["pdfimages", "-list", str(result.path)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
    assert len(listing) >= 3
    assert all(int(row.split()[3]) == 1080 for row in listing)  # slices keep the full width


def test_pdf_original_is_rendered_page_by_page(build: Build) -> None:
    request = demo_request(1, tall_every=0)
    pages = [Image.new("RGB", (1240, 1754), colour) for colour in ("white", "lightblue")]
    data = encode(pages[0], "PDF", save_all=True, append_images=pages[1:], resolution=150)
    exhibit = with_original(request.exhibits[0], data, "statement.pdf", "application/pdf")
    result = build(replace(request, exhibits=(exhibit,)))
    listing = subprocess.run(["pdfimages", "-list", str(result.path)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
    assert len(listing) == 2


def test_size_limit_is_honoured(build: Build, built: ExportResult, small_request: DossierRequest) -> None:
    limit = int(built.size * 0.85)
    limited = build(small_request, max_size=limit)
    assert limited.size <= limit
    assert limited.pages == built.pages
    with pikepdf.open(limited.path) as pdf:
        assert len(pdf.attachments) == len(small_request.exhibits)  # never dropped silently


def test_impossible_size_limit_raises_and_leaves_nothing(build: Build, tmp_path: Path) -> None:
    with pytest.raises(DossierTooLarge) as caught:
        build(tiny_request(1), max_size=20_000, attachments=False)
    assert caught.value.smallest_size > 20_000
    assert list(tmp_path.iterdir()) == []


def test_attachments_larger_than_the_limit_fail_fast(build: Build, small_request: DossierRequest) -> None:
    with pytest.raises(DossierTooLarge, match="without attachments"):
        build(small_request, max_size=100_000)


def test_cancel_leaves_no_file(small_request: DossierRequest, tmp_path: Path) -> None:
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 6

    with pytest.raises(ExportCancelled):
        build_dossier(small_request, ExportOptions(), tmp_path / "dossier.pdf", cancelled=cancel)
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_previous_file_and_leaves_no_temp(small_request: DossierRequest, tmp_path: Path) -> None:
    target = tmp_path / "dossier.pdf"
    target.write_bytes(b"previous")
    broken = replace(small_request.exhibits[1], sha256="0" * 64)
    with pytest.raises(IntegrityMismatch):
        build_dossier(replace(small_request, exhibits=(small_request.exhibits[0], broken)), ExportOptions(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.pdf"]
    assert target.read_bytes() == b"previous"


def test_success_leaves_only_the_pdf(built: ExportResult) -> None:
    assert [p.name for p in built.path.parent.iterdir()] == [built.path.name]


def test_progress_reaches_total(small_request: DossierRequest, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    build_dossier(small_request, ExportOptions(), tmp_path / "d.pdf", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_redaction_blacks_out_the_phone_in_the_image(build: Build, small_request: DossierRequest) -> None:
    result = build(small_request, redact=True)
    order = small_request.exhibits[0]
    phone_box = next(f.bbox for f in order.fields if f.value == DEMO_PHONE)
    with pikepdf.open(result.path) as pdf:
        image = next(pikepdf.PdfImage(x).as_pil_image() for page in pdf.pages
                     for x in page.get_images().values())
    scale = image.width / 1080  # the side-by-side image is drawn at 200 dpi of its printed size
    box = tuple(round(v * scale) for v in phone_box)
    assert image.convert("L").crop(box).getextrema()[1] < 60


def test_index_table_repeats_its_header_across_pages(build: Build) -> None:
    pages = page_texts(build(tiny_request(30)).path)
    index_pages = [p for p in pages if "证据名称" in p]
    assert len(index_pages) >= 2
    assert all("证明目的" in p and "页码" in p for p in index_pages)


def test_segments_join_into_one_numbered_document(build: Build) -> None:
    """Exhibits are rendered in segments; the joined file must read as one document."""
    count = 2 * EXHIBITS_PER_SEGMENT + 3
    request = tiny_request(count)
    result = build(request)
    pages = page_texts(result.path)[:result.pages]
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页 / 共 {result.pages} 页" in text
    with pikepdf.open(result.path) as pdf:
        assert len(pdf.pages) == result.pages
        with pdf.open_outline() as outline:
            exhibits = next(item for item in outline.root if item.title == "证据")
            targets = [pdf.pages.index(pikepdf.Page(item.destination[0])) for item in exhibits.children]
        attached = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
        fonts = [str(o.BaseFont) for o in pdf.objects
                 if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == pikepdf.Name.Font]
    assert len(fonts) > 3 and len(set(fonts)) == len(fonts), f"subset tags repeat: {fonts}"
    assert len(targets) == count
    for number, target in enumerate(targets, start=1):
        heading = re.search(rf"^\s*证据{number}\s", pages[target], re.MULTILINE)
        assert heading, f"the outline sends 证据{number} to page {target + 1}"
    assert sorted(attached) == sorted(attachment_name(n, e) for n, e in enumerate(request.exhibits, start=1))
    assert all(attached[attachment_name(n, e)] == e.load_original()
               for n, e in enumerate(request.exhibits, start=1))


def test_no_page_is_left_blank(build: Build) -> None:
    """Screenshots that fill a page exactly must not push a stray spacer onto a page of its own."""
    result = build(demo_request(8, seed=11))
    texts = page_texts(result.path)
    with pikepdf.open(result.path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            body = [line for line in texts[number - 1].splitlines() if line.strip()][1:-1]  # header, footer
            images = page.Resources.get("/XObject", {})
            assert len(images) or body, f"page {number} is blank"


def test_long_texts_wrap_instead_of_failing(build: Build) -> None:
    request = tiny_request(1)
    long_purpose = "证明被投诉人未尽告知义务" * 400
    exhibit = replace(request.exhibits[0], purpose=long_purpose, title="超长标题" * 50)
    result = build(replace(request, exhibits=(exhibit,), facts="事实" * 3000))
    assert result.pages > 5


def test_unreadable_original_raises_and_leaves_nothing(small_request: DossierRequest, tmp_path: Path) -> None:
    broken = with_original(small_request.exhibits[0], b"not an image at all", "broken.png")
    with pytest.raises(ExhibitUnreadable):
        build_dossier(replace(small_request, exhibits=(broken,)), ExportOptions(), tmp_path / "d.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("options", "request_change"), [
    pytest.param(ExportOptions(lang="fr"), {}, id="unknown-language"),
    pytest.param(ExportOptions(), {"generated_at": datetime(2024, 6, 18, 20, 15)}, id="naive-timestamp"),
])
def test_invalid_input_is_an_export_error(small_request: DossierRequest, tmp_path: Path,
                                          options: ExportOptions, request_change: dict[str, object]) -> None:
    with pytest.raises(ExportError):
        build_dossier(replace(small_request, **request_change), options, tmp_path / "d.pdf")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_an_export_error(small_request: DossierRequest, tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        build_dossier(small_request, ExportOptions(), tmp_path / "missing" / "d.pdf")


@pytest.mark.parametrize("password", [None, "pw"])
def test_nothing_readable_reaches_disk_before_the_final_file(small_request: DossierRequest, tmp_path: Path,
                                                             password: str | None) -> None:
    """Segments parked during the export are encrypted under a one-time key, whatever the options."""
    seen: dict[str, str] = {}

    def progress(done: int, total: int) -> None:
        if done == total:
            return
        for path in tmp_path.iterdir():
            if path.stat().st_size == 0:
                seen.setdefault(path.name, "empty")
                continue
            try:
                pikepdf.open(path).close()
            except pikepdf.PasswordError:
                seen[path.name] = "encrypted"
            else:
                seen[path.name] = "READABLE"

    build_dossier(small_request, ExportOptions(password=password), tmp_path / "d.pdf", progress=progress)
    assert "encrypted" in seen.values() and "READABLE" not in seen.values(), seen
    assert [p.name for p in tmp_path.iterdir()] == ["d.pdf"]


def test_empty_dossier_still_builds(build: Build, small_request: DossierRequest) -> None:
    result = build(replace(small_request, exhibits=(), events=()))
    assert "证据目录" in pdf_text(result.path)


def test_timeline_lists_events_in_time_order_with_their_exhibit(built: ExportResult,
                                                               small_request: DossierRequest) -> None:
    timeline = next(p for p in page_texts(built.path) if "事件时间线" in p)
    rows = [line for line in timeline.splitlines() if line.strip()[:4] == "2024"]
    assert len(rows) == len(small_request.events)
    assert rows == sorted(rows)
    assert all("证据" in row for row in rows)


@pytest.mark.parametrize(("name", "expected"), [
    pytest.param("订单详情.png", "007_订单详情.png", id="chinese-kept"),
    pytest.param("../../etc/passwd", "007_.._.._etc_passwd", id="path-separators"),
    pytest.param('a:b*c?"<>|.jpg', "007_a_b_c_____.jpg", id="windows-reserved"),
])
def test_attachment_names_are_safe(small_request: DossierRequest, name: str, expected: str) -> None:
    assert attachment_name(7, replace(small_request.exhibits[0], original_name=name)) == expected

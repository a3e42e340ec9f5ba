"""Attachment names a recipient's tools can save: no controls or bidi overrides, bounded length."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from export import DossierRequest
from export.builder import MAX_ATTACHMENT_NAME_BYTES, attachment_name
from tests.export.conftest import Build, encode, with_original

LONGEST_LEGAL_NAME = "证" * 83 + ".png"  # 83 × 3 bytes + 4 = 253 bytes: a legal ext4 name


@pytest.mark.parametrize(("name", "expected"), [
    pytest.param("evil\u202egnp.exe", "007_evil_gnp.exe", id="right-to-left-override"),
    pytest.param("a\x1b[2Jb\r\nc.png", "007_a_[2Jb__c.png", id="escape-cr-newline"),
    pytest.param("x\u2066y\u2069\u200f.png", "007_x_y__.png", id="isolates-and-marks"),
    pytest.param("bell\x07del\x7fcsi\x9b.png", "007_bell_del_csi_.png", id="c0-del-c1"),
])
def test_controls_and_bidi_characters_become_underscores(
    small_request: DossierRequest, name: str, expected: str
) -> None:
    assert attachment_name(7, replace(small_request.exhibits[0], original_name=name)) == expected


@pytest.mark.parametrize(("name", "kept_end"), [
    pytest.param(LONGEST_LEGAL_NAME, "证.png", id="chinese-253-bytes-keeps-extension"),
    pytest.param("a" * 255, "a", id="no-extension"),
    pytest.param("b" * 200 + ".averyveryverylongextension", "b", id="long-extension-cut-as-text"),
])
def test_long_names_are_bounded_in_utf8_bytes(small_request: DossierRequest, name: str, kept_end: str) -> None:
    shortened = attachment_name(12, replace(small_request.exhibits[0], original_name=name))
    assert len(shortened.encode("utf-8")) <= MAX_ATTACHMENT_NAME_BYTES
    assert shortened.startswith("012_") and shortened.endswith(kept_end)
    assert shortened.encode("utf-8").decode("utf-8") == shortened  # no character cut in half


@pytest.mark.skipif(shutil.which("pdfdetach") is None, reason="pdfdetach (poppler-utils) is not installed")
def test_pdfdetach_saves_every_attachment_of_hostile_names(
    small_request: DossierRequest, build: Build, tmp_path: Path
) -> None:
    from PIL import Image

    names = (LONGEST_LEGAL_NAME, "evil\u202egnp.png")
    exhibits = tuple(
        with_original(small_request.exhibits[0], encode(Image.new("RGB", (40, 30), color), "PNG"), name)
        for name, color in zip(names, ("red", "blue"))
    )
    result = build(replace(small_request, exhibits=exhibits))
    out = tmp_path / "saved"
    out.mkdir()
    run = subprocess.run(["pdfdetach", "-saveall", "-o", str(out), str(result.path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    saved = sorted(p.name for p in out.iterdir())
    assert len(saved) == 2 and all(len(n.encode()) <= MAX_ATTACHMENT_NAME_BYTES for n in saved)
    assert not any("\u202e" in n for n in saved)

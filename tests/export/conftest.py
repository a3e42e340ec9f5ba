"""Shared helpers for the export tests: demo requests, building, reading the PDF back."""
from __future__ import annotations

import hashlib
import io
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from export import DossierRequest, Exhibit, ExportOptions, ExportResult, build_dossier
from bench.dossier_demo import demo_request, keep_in_memory


def pdf_text(path: Path, password: str | None = None) -> str:
    args = ["pdftotext", "-layout"] + (["-upw", password] if password else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def flat_text(path: Path) -> str:
    """The text in reading order with line ends removed, so a value wrapped in its cell reads whole."""
    raw = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return raw.replace("\n", "")


def page_texts(path: Path) -> list[str]:
    return pdf_text(path).split("\f")


def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def with_original(exhibit: Exhibit, data: bytes, name: str, media_type: str = "image/png") -> Exhibit:
    """`exhibit` carrying other original bytes (and no OCR boxes, which belonged to the old image)."""
    return replace(exhibit, original_name=name, media_type=media_type, sha256=hashlib.sha256(data).hexdigest(),
                   fields=(), ocr_lines=(), load_original=keep_in_memory(name, data))


def tiny_request(count: int) -> DossierRequest:
    """Many exhibits with small images, for layout tests that need not decode large screenshots."""
    request = demo_request(1, tall_every=0)
    small = encode(Image.new("RGB", (300, 200), "lightyellow"), "PNG")
    exhibits = tuple(replace(with_original(request.exhibits[0], small, f"small-{i}.png"), item_id=i)
                     for i in range(1, count + 1))
    return replace(request, exhibits=exhibits)


Build = Callable[..., ExportResult]


@pytest.fixture
def build(tmp_path: Path) -> Build:
    """Build a dossier into tmp_path; keyword arguments become ExportOptions."""

    def run(request: DossierRequest, name: str = "dossier.pdf", **options: object) -> ExportResult:
        return build_dossier(request, ExportOptions(**options), tmp_path / name)

    return run


@pytest.fixture(scope="module")
def small_request() -> DossierRequest:
    return demo_request(3)


@pytest.fixture(scope="module")
def built(small_request: DossierRequest, tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    """One plain dossier shared by the read-only checks, to keep the suite fast."""
    return build_dossier(small_request, ExportOptions(), tmp_path_factory.mktemp("built") / "dossier.pdf")

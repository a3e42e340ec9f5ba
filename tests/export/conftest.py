"""Shared helpers for the export tests: demo requests, building, reading the PDF back."""
from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from export import DossierRequest, ExportOptions, ExportResult, build_dossier
from export.demo import demo_request


def pdf_text(path: Path, password: str | None = None) -> str:
    args = ["pdftotext", "-layout"] + (["-upw", password] if password else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def page_texts(path: Path) -> list[str]:
    return pdf_text(path).split("\f")


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

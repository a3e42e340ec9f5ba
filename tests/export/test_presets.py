"""Dossiers cut for upload forms: parts of at most N MB numbered on, or one file per exhibit."""
from __future__ import annotations

import io
import random
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from export.errors import DossierTooLarge
from export.from_vault import export_case
from export.presets import MEGABYTE, export_each, export_in_parts
from export.request import ExportOptions
from tests.export.conftest import flat_text
from vault.store import Vault


def _photo(seed: int, side: int = 420) -> bytes:
    """An incompressible picture, so the dossier's size follows its exhibits."""
    image = Image.frombytes("RGB", (side, side), random.Random(seed).randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def vault_with_photos(tmp_path: Path) -> tuple[Vault, int]:
    vault = Vault.create(tmp_path / "v.evault", "presets passphrase")
    case_id = vault.add_case("分册测试")
    for n in range(4):
        vault.import_bytes(case_id, _photo(n), f"截图{n + 1}.png")
        vault.update_item(vault.items(case_id)[-1].id, formed_at=f"2026-01-0{n + 1}T10:00:00")
    yield vault, case_id
    vault.close()


def _attachment_names(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        return sorted(pdf.attachments)


def test_parts_stay_under_the_limit_and_number_on(vault_with_photos: tuple[Vault, int], tmp_path: Path) -> None:
    vault, case_id = vault_with_photos
    whole = export_case(vault, case_id, tmp_path / "whole.pdf", ExportOptions())
    limit = int(whole.size * 0.6)
    parts = export_in_parts(vault, case_id, tmp_path / "证据材料.pdf", ExportOptions(), limit)
    assert len(parts) >= 2 and all(part.size <= limit for part in parts)
    assert [p.path.name for p in parts][:2] == ["证据材料-第1部分.pdf", "证据材料-第2部分.pdf"]
    names = [_attachment_names(part.path) for part in parts]
    assert [n for part in names for n in part] == sorted(n for part in names for n in part), "one numbering"
    assert sum(len(part) for part in names) == 4
    first_of_second = len(names[0]) + 1
    assert names[1][0].startswith(f"{first_of_second:03d}_")
    assert f"证据{first_of_second}" in flat_text(parts[1].path)
    assert vault.audit_entries()[-1].action == "case.export"


def test_each_exhibit_in_its_own_file(vault_with_photos: tuple[Vault, int], tmp_path: Path) -> None:
    vault, case_id = vault_with_photos
    files = export_each(vault, case_id, tmp_path / "dossier.pdf", ExportOptions(lang="en"))
    assert [f.path.name for f in files] == [f"dossier-exhibit0{n}.pdf" for n in range(1, 5)]
    assert [_attachment_names(f.path) for f in files] == [[f"00{n}_截图{n}.png"] for n in range(1, 5)]
    assert "Exhibit 3" in flat_text(files[2].path)


def test_an_exhibit_larger_than_a_part_is_refused(vault_with_photos: tuple[Vault, int], tmp_path: Path) -> None:
    vault, case_id = vault_with_photos
    with pytest.raises(DossierTooLarge):
        export_in_parts(vault, case_id, tmp_path / "d.pdf", ExportOptions(), MEGABYTE // 10)

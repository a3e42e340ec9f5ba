"""The same picture saved again is found by its look; other pictures are not."""
from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from vault.likeness import look_alikes
from vault.store import Vault


def screenshot(seed: int, size: tuple[int, int] = (540, 1170)) -> Image.Image:
    """Blocks of colour on white, like a phone screenshot's cards and buttons."""
    rnd = random.Random(seed)
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rnd.randrange(size[0]), rnd.randrange(size[1])
        draw.rectangle((x, y, x + rnd.randrange(50, 400), y + rnd.randrange(20, 150)),
                       fill=tuple(rnd.randrange(256) for _ in range(3)))
    return image


def encoded(image: Image.Image, fmt: str, **options: int) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


@pytest.fixture
def vault_with_screenshots(tmp_path: Path) -> tuple[Vault, int]:
    vault = Vault.create(tmp_path / "v.evault", "likeness-passphrase-1")
    case_id = vault.add_case("相似图片")
    for seed in range(6):
        vault.import_bytes(case_id, encoded(screenshot(seed), "PNG"), f"shot-{seed}.png")
    yield vault, case_id
    vault.close()


@pytest.mark.parametrize("copy", [
    pytest.param(lambda image: encoded(image, "JPEG", quality=60), id="jpeg-re-encoded"),
    pytest.param(lambda image: encoded(image.resize((400, 867)), "PNG"), id="resized"),
    pytest.param(lambda image: encoded(image.resize((720, 1560)), "JPEG", quality=30), id="enlarged-low-quality"),
])
def test_a_re_encoded_copy_is_found(vault_with_screenshots, copy) -> None:  # type: ignore[no-untyped-def]
    vault, case_id = vault_with_screenshots
    found = look_alikes(vault, case_id, copy(screenshot(3)))
    assert [item.original_name for item in found] == ["shot-3.png"]


def test_another_picture_is_not_a_look_alike(vault_with_screenshots) -> None:  # type: ignore[no-untyped-def]
    vault, case_id = vault_with_screenshots
    assert look_alikes(vault, case_id, encoded(screenshot(99), "PNG")) == []

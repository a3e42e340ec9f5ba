"""The same picture saved again is found by its look; other pictures are not."""
from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from ocr.types import OcrLine
from vault.likeness import look_alikes_of_new
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


def _import(vault: Vault, case_id: int, data: bytes, name: str) -> int:
    outcome = vault.import_bytes(case_id, data, name)
    assert outcome.item_id is not None
    return outcome.item_id


@pytest.mark.parametrize("copy", [
    pytest.param(lambda image: encoded(image, "JPEG", quality=60), id="jpeg-re-encoded"),
    pytest.param(lambda image: encoded(image.resize((400, 867)), "PNG"), id="resized"),
    pytest.param(lambda image: encoded(image.resize((720, 1560)), "JPEG", quality=30), id="enlarged-low-quality"),
])
def test_a_re_encoded_copy_is_found(vault_with_screenshots, copy) -> None:  # type: ignore[no-untyped-def]
    vault, case_id = vault_with_screenshots
    new_id = _import(vault, case_id, copy(screenshot(3)), "copy.jpg")
    found = look_alikes_of_new(vault, case_id, [new_id])
    assert [item.original_name for item in found[new_id]] == ["shot-3.png"]


def test_another_picture_is_not_a_look_alike(vault_with_screenshots) -> None:  # type: ignore[no-untyped-def]
    vault, case_id = vault_with_screenshots
    new_id = _import(vault, case_id, encoded(screenshot(99), "PNG"), "other.png")
    assert look_alikes_of_new(vault, case_id, [new_id]) == {}


def test_copies_within_one_import_are_found_and_only_earlier_pictures_are_named(vault_with_screenshots) -> None:  # type: ignore[no-untyped-def]
    vault, case_id = vault_with_screenshots
    first = _import(vault, case_id, encoded(screenshot(50), "PNG"), "new.png")
    second = _import(vault, case_id, encoded(screenshot(50), "JPEG", quality=70), "new.jpg")
    found = look_alikes_of_new(vault, case_id, [first, second])
    assert list(found) == [second], "the first of the two has nothing earlier that looks like it"
    assert [item.id for item in found[second]] == [first]


def test_exports_and_pdfs_are_never_look_alikes(vault_with_screenshots) -> None:  # type: ignore[no-untyped-def]
    from bench.record_files import bill_rows, wechat_csv
    from tests.factories import colour_pages_pdf

    vault, case_id = vault_with_screenshots
    bills = [_import(vault, case_id, wechat_csv(bill_rows(5, seed=seed)), f"bill-{seed}.csv") for seed in (1, 2)]
    pdfs = [_import(vault, case_id, colour_pages_pdf(("#2060a0",), (300, height)), f"{height}.pdf")
            for height in (200, 201)]
    assert look_alikes_of_new(vault, case_id, bills + pdfs) == {}, "a table icon or a page is no copy of another"


def _read_as(vault: Vault, item_id: int, *texts: str) -> None:
    lines = [OcrLine(text, (10, 40 * row, 500, 40 * row + 30), 0.99) for row, text in enumerate(texts)]
    vault.store_ocr_result(item_id, "rapidocr", lines, [])


def test_a_page_of_the_same_layout_with_other_text_is_no_copy(vault_with_screenshots) -> None:  # type: ignore[no-untyped-def]
    vault, case_id = vault_with_screenshots
    earlier = vault.items(case_id)[3]
    _read_as(vault, earlier.id, "账单详情", "商品说明 京东商城平台商户", "交易单号 4200001234202601215566778899", "-¥1,299.00")
    other_bill = _import(vault, case_id, encoded(screenshot(3), "JPEG", quality=90), "second-bill.jpg")
    _read_as(vault, other_bill, "账单详情", "商品说明 拼多多平台商户", "交易单号 4200009876202602031122334455", "-¥86.50")
    same_bill = _import(vault, case_id, encoded(screenshot(3), "JPEG", quality=30), "saved-again.jpg")
    _read_as(vault, same_bill, "账单详情", "商品说明 京东商城平台商户", "交易单号 4200001234202601215566778899", "-¥1,299.00")

    found = look_alikes_of_new(vault, case_id, [other_bill, same_bill])

    assert list(found) == [same_bill], "the picture looks the same, but another bill's text is no copy"
    assert [item.id for item in found[same_bill]] == [earlier.id]

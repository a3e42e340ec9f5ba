"""Decoding of the image formats phones and browsers produce."""
from __future__ import annotations

import pytest
from PIL import Image

from export.errors import ExhibitUnreadable
from export.images import mark_up, page_count, render_page
from tests.export.conftest import encode


def _sample() -> Image.Image:
    image = Image.new("RGB", (120, 80), "white")
    image.paste((255, 0, 0), (0, 0, 60, 80))
    return image


@pytest.mark.parametrize(("fmt", "media_type", "params"), [
    pytest.param("PNG", "image/png", {}, id="png"),
    pytest.param("JPEG", "image/jpeg", {"quality": 95}, id="jpeg"),
    pytest.param("WEBP", "image/webp", {"lossless": True}, id="webp"),
    pytest.param("GIF", "image/gif", {}, id="gif-palette"),
])
def test_formats_decode_to_rgb(fmt: str, media_type: str, params: dict[str, object]) -> None:
    data = encode(_sample(), fmt, **params)
    image = render_page(data, media_type, 0)
    assert image.mode == "RGB" and image.size == (120, 80)
    assert image.getpixel((10, 40))[0] > 200 and image.getpixel((100, 40))[1] > 200


def test_transparent_png_gets_a_white_background() -> None:
    data = encode(Image.new("RGBA", (10, 10), (0, 0, 0, 0)), "PNG")
    assert render_page(data, "image/png", 0).getpixel((5, 5)) == (255, 255, 255)


def test_exif_rotation_is_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when shown
    data = encode(_sample(), "JPEG", exif=exif)
    assert render_page(data, "image/jpeg", 0).size == (80, 120)


def test_heic_decodes_when_an_encoder_is_available() -> None:
    pytest.importorskip("pillow_heif")
    try:
        data = encode(_sample(), "HEIF")
    except (KeyError, OSError, ValueError):
        pytest.skip("libheif has no HEIC encoder here")
    assert render_page(data, "image/heic", 0).size == (120, 80)


def test_pdf_pages_render_at_150_dpi() -> None:
    data = encode(Image.new("RGB", (300, 150), "white"), "PDF", resolution=72)
    assert page_count(data, "application/pdf") == 1
    width, height = render_page(data, "application/pdf", 0).size
    assert width == 625 and abs(height - 312.5) <= 1


def test_garbage_is_unreadable() -> None:
    with pytest.raises(ExhibitUnreadable):
        render_page(b"\x00garbage", "image/png", 0)
    with pytest.raises(ExhibitUnreadable):
        page_count(b"%PDF-garbage", "application/pdf")


def test_redaction_is_opaque_and_highlight_is_not() -> None:
    image = Image.new("RGB", (100, 100), "white")
    marked = mark_up(image, highlights=[(10, 10, 40, 40)], redactions=[(60, 60, 90, 90)], top=0)
    assert marked.getpixel((75, 75)) == (0, 0, 0)
    assert marked.getpixel((25, 25)) not in ((255, 255, 255), (0, 0, 0))

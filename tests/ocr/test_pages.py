"""Decoding and flattening: one rule for OCR, the vault's checks, the dossier and the GUI."""
from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from PIL import Image

from ocr.pages import PDF_RENDER_SCALE, decode_image, page_count, render_page, to_rgb, upright


def _encoded(image: Image.Image, fmt: str = "PNG", **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def _transparent_palette() -> Image.Image:
    image = Image.new("P", (8, 8), 0)
    image.putpalette([0, 0, 0] * 256)
    image.info["transparency"] = 0
    return image


@pytest.mark.parametrize(("image", "expected"), [
    pytest.param(Image.new("RGBA", (8, 8), (0, 0, 0, 0)), (255, 255, 255), id="transparent-rgba-on-white"),
    pytest.param(Image.new("LA", (8, 8), (0, 0)), (255, 255, 255), id="transparent-grey-on-white"),
    pytest.param(_transparent_palette(), (255, 255, 255), id="palette-transparency-on-white"),
    pytest.param(Image.new("I;16", (8, 8), 65535), (255, 255, 255), id="16-bit-grey-scaled-to-8"),
    pytest.param(Image.new("CMYK", (8, 8), (0, 255, 255, 0)), (255, 0, 0), id="cmyk"),
    pytest.param(Image.new("L", (8, 8), 0), (0, 0, 0), id="grey"),
])
def test_every_mode_flattens_to_rgb(image: Image.Image, expected: tuple[int, int, int]) -> None:
    flat = to_rgb(image)
    assert flat.mode == "RGB" and flat.getpixel((4, 4)) == expected


def test_exif_orientation_is_applied_once_decoded() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # EXIF Orientation: rotate 90° clockwise to display
    data = _encoded(Image.new("RGB", (40, 20), "white"), "PNG", exif=exif)
    assert decode_image(data).size == (20, 40)
    assert upright(decode_image(data)).size == (20, 40), "applying it again changes nothing"


@pytest.mark.parametrize("orientation", [None, 1])
def test_an_upright_image_is_not_copied(orientation: int | None) -> None:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    image = decode_image(_encoded(Image.new("RGB", (40, 20), "white"), "PNG", exif=exif))

    assert upright(image) is image


def test_size_check_runs_before_the_pixels_are_decoded() -> None:
    seen: list[tuple[int, int]] = []

    def refuse(width: int, height: int) -> None:
        seen.append((width, height))
        raise ValueError("too big")

    with pytest.raises(ValueError, match="too big"):
        decode_image(_encoded(Image.new("RGB", (30, 10))), refuse)
    assert seen == [(30, 10)]


def _pdf(*sizes: tuple[float, float]) -> bytes:
    document = pdfium.PdfDocument.new()
    for width, height in sizes:
        document.new_page(width, height)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def test_pages_of_images_and_pdfs() -> None:
    pdf = _pdf((300, 200), (100, 100))
    assert page_count(pdf, "application/pdf") == 2
    assert page_count(_encoded(Image.new("RGB", (5, 5))), "image/png") == 1
    page = render_page(pdf, "application/pdf", 0)
    assert page.mode == "RGB" and page.size == (round(300 * PDF_RENDER_SCALE), round(200 * PDF_RENDER_SCALE))

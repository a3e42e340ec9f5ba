"""Small evidence files made on the fly for tests."""
from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw


def png_bytes(width: int = 120, height: int = 80, seed: int = 0, mode: str = "RGB") -> bytes:
    """A distinct PNG per seed (random pixels, so hashes differ)."""
    rng = random.Random(seed)
    image = Image.new(mode, (width, height), "white")
    draw = ImageDraw.Draw(image)
    for _ in range(20):
        x, y = rng.randrange(width), rng.randrange(height)
        draw.rectangle((x, y, x + 5, y + 5), fill=rng.randrange(1 << 24) if mode == "RGB" else rng.randrange(256))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(width: int = 120, height: int = 80, seed: int = 0, **save: object) -> bytes:
    image = Image.open(io.BytesIO(png_bytes(width, height, seed))).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", **save)
    return out.getvalue()


def colour_pages_pdf(colours: tuple[str, ...], size: tuple[float, float] = (300, 200)) -> bytes:
    """A PDF whose pages are filled with `colours` in order, so a rendering shows which page is where."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=size)
    for colour in colours:
        pdf.setFillColor(HexColor(colour))
        pdf.rect(0, 0, *size, stroke=0, fill=1)
        pdf.showPage()
    pdf.save()
    return out.getvalue()

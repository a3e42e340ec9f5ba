"""A template and a seed in, a `Sample` out: pixels, the encoded file, and what a perfect reader finds."""
from __future__ import annotations

import functools
import hashlib
import io
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageFilter

from bench.screens.canvas import DARK, LIGHT, PAPER, SERIF_FONT, Page, available_fonts
from bench.screens.capture import Capture, choose_capture
from bench.screens.catalog import Template, split_of
from bench.screens.truth import CAPTURE, Expected, Trap
from ocr.types import FieldType, OcrLine

CHINA = timezone(timedelta(hours=8))
PHONE_WIDTH, DESKTOP_WIDTH = 1080, 1200
"""Design widths: templates place text in these units, scaled to the drawn size."""


@dataclass
class Sample:
    """One rendered screenshot, the encoded file and what a perfect reader would find in it."""

    name: str
    template: str
    family: str
    split: str
    kind: str
    image: Image.Image
    data: bytes
    suffix: str
    truth: list[Expected]
    traps: list[Trap]
    drawn: list[OcrLine]
    reference_time: datetime
    capture: Capture
    dark: bool
    font: str
    layout: str

    @property
    def fields(self) -> list[tuple[FieldType, str]]:
        """(type, normalized value) of every scored value drawn, without duplicates."""
        return list(dict.fromkeys((expected.type, expected.value) for expected in self.truth))

    @property
    def lines(self) -> list[str]:
        return [line.text for line in self.drawn]

    @property
    def file_name(self) -> str:
        return self.capture.file_name


@functools.cache
def generator_version() -> str:
    """A digest of the generator's code and the fonts it found: cached OCR results older than it are stale."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(repr(available_fonts()).encode())
    return digest.hexdigest()[:12]


def _layout(rng: random.Random, template: Template) -> tuple[str, int, float]:
    """(layout name, drawn width, scale of the design units)."""
    if template.device == "desktop":
        scale = rng.uniform(0.8, 1.1)
        return "desktop", round(DESKTOP_WIDTH * scale), scale
    if template.photo:
        return "photo", PHONE_WIDTH, 1.0
    if rng.random() < 0.2:
        return "window", rng.choice((1000, 1200)), rng.uniform(0.45, 0.55)
    return "phone", PHONE_WIDTH, 1.0


def _scaled(line: OcrLine, factor: float) -> OcrLine:
    assert line.bbox is not None
    return replace(line, bbox=tuple(round(c * factor) for c in line.bbox))  # type: ignore[arg-type]


def _encode(rng: random.Random, image: Image.Image, jpeg: bool, photo: bool, capture: Capture) -> bytes:
    """The file as it travels: JPEG (with EXIF when a camera took it) or PNG."""
    buffer = io.BytesIO()
    if jpeg:
        exif = Image.Exif()
        if capture.exif is not None:
            exif[306] = f"{capture.exif:%Y:%m:%d %H:%M:%S}"  # EXIF DateTime, read by vault.media
        image.save(buffer, format="JPEG", quality=rng.randint(55 if photo else 60, 90), exif=exif)
    else:
        image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def render(template: Template, seed: int, index: int) -> Sample:
    """Sample `index` of series `seed` drawn with `template`; the same triple gives the same pixels."""
    rng = random.Random(f"{template.name}:{seed}:{index}")
    reference = datetime(2025, 12, 8, 20, 0, tzinfo=CHINA) + timedelta(days=rng.randint(0, 120),
                                                                        minutes=rng.randint(0, 600))
    reference = reference.replace(second=rng.randint(0, 59))
    invoice = template.kind == "invoice"
    dark = not invoice and rng.random() < 0.3
    fonts = available_fonts()
    font = SERIF_FONT if invoice and Path(SERIF_FONT[0]).is_file() else rng.choice(fonts)
    layout, width, scale = _layout(rng, template)
    page = Page(width, PAPER if invoice else DARK if dark else LIGHT, font, scale, rng)
    template.draw(page, reference)
    image = page.finish()
    drawn = page.drawn
    if layout == "phone" and rng.random() < 0.3:
        factor = rng.choice((0.66, 0.75))
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS)
        drawn = [_scaled(line, factor) for line in drawn]
    if template.photo:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))
    jpeg = template.photo or rng.random() < 0.4
    suffix = ".jpg" if jpeg else ".png"
    capture = choose_capture(rng, reference, template.family, suffix, template.photo)
    data = _encode(rng, image, jpeg, template.photo, capture)
    decoded = Image.open(io.BytesIO(data))
    decoded.load()
    truth = [replace(e, reference=capture.source) if e.reference == CAPTURE else e for e in page.truth]
    return Sample(
        name=f"{template.name}-s{seed}-{index:03d}",
        template=template.name,
        family=template.family,
        split=split_of(template, seed),
        kind=template.kind,
        image=decoded,
        data=data,
        suffix=suffix,
        truth=list(dict.fromkeys(truth)),
        traps=list(dict.fromkeys(page.traps)),
        drawn=drawn,
        reference_time=reference,
        capture=capture,
        dark=dark,
        font=Path(font[0]).stem,
        layout=layout,
    )

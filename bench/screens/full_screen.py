"""Full-screen phone screenshots: generated phone pages stacked until they fill a phone's screen.

The generator crops every page to its content (1080 x 830-1650 for phone pages), but a phone saves
the whole screen, 1080 x 2340-2400 on most Android phones and 1170 x 2532 or 1290 x 2796 on
iPhones, with more of the list or page below. Those are taller than the engines' 2000-row tiles, so
they show what tiling costs, which the cropped pages never reach.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from PIL import Image

from bench.screens.render import Sample
from bench.screens.truth import Expected

PHONE_WIDTH = 1080


@dataclass(frozen=True)
class Screen:
    """One full-screen screenshot and the fields of the pages wholly on it."""

    name: str
    data: bytes
    suffix: str
    reference_time: datetime
    truth: list[Expected]
    """Only the values that need no reference time: each stacked page had its own."""


def full_screen(pages: list[Sample], height: int, name: str) -> Screen:
    """`pages` (light, PHONE_WIDTH wide) drawn one below the other on a screen `height` rows tall."""
    background = pages[0].image.convert("RGB").getpixel((2, 2))
    screen = Image.new("RGB", (PHONE_WIDTH, height), background)
    truth: list[Expected] = []
    top = 0
    for page in pages:
        screen.paste(page.image.convert("RGB"), (0, top))
        if top + page.image.height <= height:
            truth.extend(e for e in page.truth if not e.reference)
        top += page.image.height
    buffer = io.BytesIO()
    screen.save(buffer, format="PNG")
    return Screen(name, buffer.getvalue(), ".png", pages[0].reference_time, list(dict.fromkeys(truth)))


def screens(samples: list[Sample], count: int, height: int) -> list[Screen]:
    """`count` screens `height` rows tall from the light phone pages of `samples`, in turn."""
    pages = [s for s in samples if s.layout == "phone" and not s.dark and s.image.width == PHONE_WIDTH]
    result: list[Screen] = []
    start = 0
    while len(result) < count and pages:
        stacked: list[Sample] = []
        while sum(page.image.height for page in stacked) < height:
            stacked.append(pages[start % len(pages)])
            start += 1
        result.append(full_screen(stacked, height, f"Screenshot_{len(result):03d}_{stacked[0].name}"))
    return result

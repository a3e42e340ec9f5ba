"""The drawing toolkit every template uses: fonts, themes, and a page that records what it draws.

Each text run drawn becomes an `OcrLine` with its exact box, so extraction can be scored on the
generator's own lines (no OCR) and OCR errors can be told apart from extraction errors. Values of
the scored types are recorded as `Expected` next to the text that shows them.
"""
from __future__ import annotations

import functools
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bench.screens.truth import Expected, Trap
from ocr.types import OcrLine

REPO_ROOT = Path(__file__).resolve().parents[2]
FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    (str(REPO_ROOT / "resources" / "fonts" / "DroidSansFallbackFull.ttf"), 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
)
SERIF_FONT = ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2)
"""Invoices are printed in a Song typeface (宋体); Noto Serif CJK SC is the closest free one."""
BOLD_FONT = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2)
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
"""Droid Sans Fallback has no Latin glyphs; Android pairs it with a Latin font the same way."""
CJK_ONLY_FONTS = frozenset({"DroidSansFallbackFull.ttf"})


@dataclass(frozen=True, slots=True)
class Theme:
    page: str
    card: str
    text: str
    muted: str
    accent: str
    own_bubble: str
    other_bubble: str
    line: str


LIGHT = Theme("#F2F2F2", "#FFFFFF", "#1A1A1A", "#999999", "#E2231A", "#95EC69", "#FFFFFF", "#E5E5E5")
DARK = Theme("#111111", "#1E1E1E", "#E5E5E5", "#7F7F7F", "#F0443A", "#3EB575", "#2C2C2C", "#333333")
PAPER = Theme("#FFFFFF", "#FFFFFF", "#1A1A1A", "#8B4513", "#8B1A1A", "#FFFFFF", "#FFFFFF", "#B5651D")
"""An invoice: black print on white with the brown-red frame and labels of the national template."""


def available_fonts() -> list[tuple[str, int]]:
    """The candidate fonts present on this machine (missing ones are skipped, duplicates too)."""
    seen: set[str] = set()
    fonts = []
    for path, index in FONT_CANDIDATES:
        name = Path(path).name
        if name in CJK_ONLY_FONTS and not Path(LATIN_FONT).is_file():
            continue
        if Path(path).is_file() and name not in seen:
            seen.add(name)
            fonts.append((path, index))
    if not fonts:
        raise RuntimeError("No CJK font found; install fonts-noto-cjk.")
    return fonts


@functools.lru_cache(maxsize=256)
def load_font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


@dataclass
class Page:
    """A canvas that grows downwards; records each text run drawn and the values it shows."""

    width: int
    theme: Theme
    font: tuple[str, int]
    scale: float
    rng: random.Random
    image: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)
    y: int = 0
    drawn: list[OcrLine] = field(default_factory=list)
    truth: list[Expected] = field(default_factory=list)
    traps: list[Trap] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.image = Image.new("RGB", (self.width, 12000), self.theme.page)
        self.draw = ImageDraw.Draw(self.image)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def typeface(self, size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
        path, index = BOLD_FONT if bold and Path(BOLD_FONT[0]).is_file() else self.font
        return load_font(path, index, self.px(size))

    def runs(self, text: str, size: float, bold: bool = False) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        """Text split into runs per font, sending Latin to LATIN_FONT when the CJK font lacks it."""
        primary = self.typeface(size, bold)
        if bold or Path(self.font[0]).name not in CJK_ONLY_FONTS:
            return [(text, primary)]
        latin = load_font(LATIN_FONT, 0, self.px(size) * 9 // 10)
        runs: list[tuple[str, ImageFont.FreeTypeFont]] = []
        for char in text:
            font = latin if ord(char) < 0x2000 else primary
            if runs and runs[-1][1] is font:
                runs[-1] = (runs[-1][0] + char, font)
            else:
                runs.append((char, font))
        return runs

    def text(self, x: int, y: int, text: str, size: float, colour: str, bold: bool = False, align: str = "l") -> int:
        """Draw one run of text whose top sits at `y`, aligned l/m/r on `x`; returns its right edge."""
        runs = self.runs(text, size, bold)
        width = sum(font.getlength(run) for run, font in runs)
        left = x - {"l": 0.0, "m": width / 2, "r": width}[align]
        ascent, descent = self.typeface(size, bold).getmetrics()
        start = left
        for run, font in runs:
            self.draw.text((left, y + ascent), run, font=font, fill=colour, anchor="ls")
            left += font.getlength(run)
        self.drawn.append(OcrLine(text, (round(start), y, round(left), y + ascent + descent), 1.0))
        return round(left)

    def width_of(self, text: str, size: float) -> float:
        return sum(font.getlength(run) for run, font in self.runs(text, size))

    def wrap(self, text: str, size: float, width: int) -> list[str]:
        """Rows no wider than `width`, never breaking a number or a Latin word."""
        rows, row = [], ""
        for token in re.findall(r"[0-9A-Za-z¥.,:/-]+|.", text):
            if row and self.width_of(row + token, size) > width:
                rows.append(row)
                row = ""
            row += token
        return rows + [row] if row else rows

    def card(self, height: int, gap: float = 20, inset: float = 24) -> tuple[int, int]:
        """Start a rounded card of `height` pixels; returns its (left, top)."""
        self.y += self.px(gap)
        left = self.px(inset)
        self.draw.rounded_rectangle(
            (left, self.y, self.width - left, self.y + height), radius=self.px(20), fill=self.theme.card
        )
        top = self.y
        self.y += height
        return left, top

    def rule(self, y: int, left: int | None = None, right: int | None = None) -> None:
        """A thin divider, as between list rows."""
        left = self.px(40) if left is None else left
        right = self.width - self.px(40) if right is None else right
        self.draw.line((left, y, right, y), fill=self.theme.line, width=max(1, self.px(2)))

    def expect(self, *expected: Expected) -> None:
        self.truth.extend(expected)

    def trap(self, what: str, value: str) -> None:
        """A value on the page that looks like a number of a scored type and must not become one."""
        self.traps.append(Trap(what, value))

    def finish(self) -> Image.Image:
        return self.image.crop((0, 0, self.width, self.y + self.px(40)))


Row = tuple[str, str, Sequence[Expected]]
"""(label, value as shown, what a perfect reader finds in the value)."""

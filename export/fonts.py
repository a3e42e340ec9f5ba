"""The embedded fonts and the paragraph styles built on them.

Every text in the dossier uses embedded TrueType fonts: reportlab embeds TrueType as a subset,
whereas its standard 14 fonts (Helvetica, …) are never embedded and may render differently or not at
all on the recipient's machine. The bundled DroidSansFallbackFull has CJK but no Latin letters or
digits (it was meant to back Droid Sans), so runs of characters it lacks are set in Bitstream Vera,
which ships inside reportlab itself.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from export.errors import ExportError

FONT = "EvidenceVaultSans"
FONT_PATH = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "DroidSansFallbackFull.ttf"
LATIN_FONT = "EvidenceVaultLatin"
LATIN_FONT_PATH = Path(reportlab.__file__).resolve().parent / "fonts" / "Vera.ttf"
ACCENT = colors.HexColor("#1f3b66")


def register_font() -> str:
    """Register both fonts once per process (reportlab keeps a global registry); returns the main one."""
    for name, path in ((FONT, FONT_PATH), (LATIN_FONT, LATIN_FONT_PATH)):
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as e:
                raise ExportError(f"cannot load the dossier font {path}") from e
            # <b>/<i> must not fall back to Helvetica-Bold; emphasis uses size and colour instead.
            pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return FONT


@cache
def _cjk_coverage() -> frozenset[int]:
    register_font()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def font_runs(text: str) -> Iterator[tuple[str, str]]:
    """Split `text` into (font name, run) pairs; spaces stay in the run they are in."""
    coverage = _cjk_coverage()
    current, run = FONT, ""
    for ch in text:
        font = current if ch == " " else (FONT if ord(ch) in coverage else LATIN_FONT)
        if font != current and run:
            yield current, run
            run = ""
        current, run = font, run + ch
    if run:
        yield current, run


def markup(text: str) -> str:
    """Paragraph markup for plain `text`: escaped, newlines kept, Latin runs in the Latin font."""
    parts = []
    for font, run in font_runs(text):
        run = escape(run).replace("\n", "<br/>")
        parts.append(run if font == FONT else f'<font face="{LATIN_FONT}">{run}</font>')
    return "".join(parts)


def draw_text(canv: Canvas, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """Canvas text in the right font per run; `align` is left, right or centre about x."""
    runs = list(font_runs(text))
    width = sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs)
    x -= {"left": 0, "right": width, "centre": width / 2}[align]
    for font, run in runs:
        canv.setFont(font, size)
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle
    small: ParagraphStyle


def make_styles() -> Styles:
    """Paragraph styles; wordWrap='CJK' lets Chinese and long hashes break anywhere."""
    font = register_font()
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=11)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontSize=24, leading=32, alignment=TA_CENTER,
                             textColor=ACCENT, spaceAfter=10),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=15, leading=21, alignment=TA_CENTER,
                                spaceAfter=18),
        heading=ParagraphStyle("heading", parent=body, fontSize=15, leading=21, textColor=ACCENT,
                               spaceBefore=4, spaceAfter=8),
        subheading=ParagraphStyle("subheading", parent=body, fontSize=11, leading=16, textColor=ACCENT,
                                  spaceBefore=8, spaceAfter=3),
        body=body,
        cell=cell,
        cell_header=ParagraphStyle("cell_header", parent=cell, textColor=colors.white, alignment=TA_CENTER),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=11, textColor=colors.HexColor("#444444")),
    )

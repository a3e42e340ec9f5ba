"""Line breaking that keeps identifiers, amounts and times whole.

reportlab's CJK wrapping may break between any two characters, and looks back for a better place
only half a line, so a 13-digit order number in a narrow column was cut ("300072590898" / "3") and
English words were split ("complainan/t's"). Here a line may break between Chinese characters
(except before closing and after opening punctuation, the basic rules of GB/T 15834 and JIS X 4051)
and at spaces, never inside a run of Latin letters, digits and their punctuation, nor inside a
printed time. Only a run wider than a whole line (a SHA-256 hash in a narrow column) is cut.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from export.fonts import font_runs, markup

_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_TOKEN = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日(?:\u00a0\d{1,2}:\d{2}(?::\d{2})?)?"  # a Chinese date, with its time
    rf"|[^ \t\u3000\n{_CJK}]+?_(?=[^ \t\u3000\n{_CJK}])"  # a file name may break after an underscore
    rf"|[^ \t\u3000\n{_CJK}]+"  # a Latin run: ids, amounts, words, ISO times joined by a no-break space
    r"|[ \t\u3000]+"
    r"|.",
    re.DOTALL,
)
_NO_BREAK_BEFORE = set("，。、；：？！）》」』】〕％・…—,.;:!?)]}%")
_NO_BREAK_AFTER = set("（《「『【〔([{¥￥")
_FUZZ = 0.5


def text_width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in font_runs(text))


def _tokens(line: str) -> Iterator[str]:
    for match in _TOKEN.finditer(line):
        yield match.group()


def _may_break(before: str, after: str) -> bool:
    return not (after[0] in _NO_BREAK_BEFORE or before[-1] in _NO_BREAK_AFTER)


def _cut(token: str, width: float, size: float) -> list[str]:
    """A run wider than a line, in pieces that each fit: at its no-break spaces (a date above its
    time) first, inside a piece only where that piece alone is wider than the line (the last resort)."""
    pieces = []
    parts = token.split("\u00a0")
    for part in [p + "\u00a0" for p in parts[:-1]] + parts[-1:]:
        piece = ""
        for ch in part:
            if piece and text_width(piece + ch, size) > width:
                pieces.append(piece)
                piece = ""
            piece += ch
        pieces.append(piece)
    return [piece for piece in pieces if piece]


def break_lines(text: str, width: float, size: float) -> list[str]:
    """`text` as lines that each fit `width` points at `size`; newlines in `text` are kept."""
    width -= _FUZZ
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0.0
        for token in _tokens(paragraph):
            if token.isspace() and token != "\u00a0":
                if line:  # a space is set in the font of the run it follows (export.fonts.font_runs)
                    line_width += text_width(line[-1] + token, size) - text_width(line[-1], size)
                    line += token
                continue
            token_width = text_width(token, size)
            if line_width + token_width <= width:
                line, line_width = line + token, line_width + token_width
                continue
            stripped = line.rstrip()
            if stripped and (line != stripped or _may_break(stripped, token)):
                lines.append(stripped)
                line, line_width = "", 0.0
            elif stripped and line_width + token_width <= width + text_width(token[0], size):
                line, line_width = line + token, line_width + token_width  # hangs: no break allowed here
                continue
            for piece in _cut(token, width, size) if token_width > width else [token]:
                if line and line_width + text_width(piece, size) > width:
                    lines.append(line.rstrip())
                    line, line_width = "", 0.0
                if not line:
                    piece = piece.lstrip("\u00a0")
                line, line_width = line + piece, line_width + text_width(piece, size)
        lines.append(line.rstrip())
    return lines


class WrappedText(Paragraph):
    """A paragraph of plain text whose lines break_lines chooses for the width it is given."""

    def __init__(self, text: str | None, style: ParagraphStyle, bulletText: str | None = None,
                 frags: list[object] | None = None, **kwargs: object) -> None:
        # reportlab's split() builds the parts as `self.__class__(None, style, frags=…)`: already broken.
        self.plain = text or ""
        self.broken_for: float | None = None
        self.is_part = frags is not None
        super().__init__(markup(self.plain) if text is not None else None, style, bulletText, frags, **kwargs)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if not self.is_part and avail_width != self.broken_for:
            usable = avail_width - self.style.leftIndent - self.style.rightIndent
            lines = break_lines(self.plain, usable, self.style.fontSize)
            Paragraph.__init__(self, markup("\n".join(lines)), self.style)
            self.broken_for = avail_width
        return super().wrap(avail_width, avail_height)

"""Where text sits: caption boxes paired with their value boxes, table columns, and boxes for sub-strings.

Real pages put a caption and its value in separate OCR boxes: 订单号 on the left and the digits on
the right of the same row (Alipay 账单详情, WeChat Pay 交易详情: a grey caption column and a value
column whose rows differ in height), the value directly below its caption (本期应还（元） over the
amount), or a column header over the cells of a table (发票's 金额 and 税额 columns, bill tables).
Pairing them lets the caption decide the type. A caption-and-value pair becomes one text unit
"caption value", so the text finders read it exactly like a same-line "caption：value".

OCR boxes are not the page's cells: an engine merges neighbouring header cells (税率/征收率税额) and
a goods title with its price, and a long value wraps onto a second box in its column. Each is
undone here from the geometry, so the caption still reaches its value. A date and its time of day
in two boxes (jd.com's progress strip stacks "2026-01-22" over "19:57:59"; OCR splits a wide gap)
are joined, so the time keeps its date instead of taking the capture day.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from ocr.extract.amounts import ends_before_amount, is_amount_alone, mentions_refund, mentions_repayment
from ocr.extract.candidates import fold_width
from ocr.extract.labels import (
    CAPTION_WORD, COLUMN_ONLY, DATE_CAPTIONS, LABEL_FIRST, LABEL_LAST, LABEL_ONLY, LABEL_TYPES, STATUS,
)
from ocr.extract.timestamps import is_clock_alone, is_date_alone
from ocr.types import AmountRole, BBox, OcrLine

_JOINER = " "
_HEADLINE_HEIGHT = 1.35
"""A bare amount at least this many times the page's median box height is the headline of a payment page.
With phone pages sent to the detector 736 px wide, the boxes of big figures come out relatively lower
(a JD 退款详情 headline: 1.41 times the median, where 1.6 was set on full-size detection)."""
_CURRENCY_MARKS = ("元", "¥", "￥")
_NUMBER_ONLY = re.compile(r"\s*[+-]?\d[\d,]*(?:\.\d+)?\s*")
_QUANTITY = re.compile(r"\s*[xX×]\s*\d{0,4}\s*")
"""x2 beside a price; OCR often drops the small digit and leaves the x alone."""
_EDGE_PRICE = re.compile(r"^\s*[¥￥]\s*\d[\d,]*\.\d{2}|[¥￥]\s*\d[\d,]*\.\d{2}\s*$")
_PERIOD_MARK = re.compile(r"第\s*\d{1,2}\s*(?:/\s*\d{1,2}\s*)?期")
"""第2期, 第2/12期: the row of one period of an instalment or repayment plan."""
_PAYMENT_METHOD = re.compile(r"\s*(?:在线支付|货到付款|微信支付|支付宝支付|白条支付|京东白条)\s*")
_TABLE_GAP = 4.0
"""A table ends where no cell follows for this many median box heights."""


@dataclass(frozen=True, slots=True)
class TextUnit:
    """Text made of one OCR line, or a caption line and its value line joined by a space (with the
    lines a long value wrapped onto, joined without one).

    `hint` is the role the layout gives an amount in it (the headline of a payment page), or "";
    `implied_sign` the sign the layout gives an amount printed without one, or "".
    """

    text: str
    pieces: tuple[tuple[int, OcrLine], ...]
    hint: str = ""
    implied_sign: str = ""

    def locate(self, start: int, end: int) -> tuple[BBox | None, float]:
        """The box of [start, end) narrowed by character offset, and the confidence of its line."""
        offset, line = next((o, piece) for o, piece in reversed(self.pieces) if o <= start)
        return narrow_bbox(line, start - offset, end - offset), line.confidence


def character_advance(char: str) -> float:
    """A character's width in ems as CJK fonts draw it: Chinese and full-width forms take a whole em,
    digits and Latin letters about half (Noto Sans CJK: 0.555, WenQuanYi: 0.55), spaces and stops less."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    return _NARROW_ADVANCES.get(char, 0.56)


_NARROW_ADVANCES = {" ": 0.24, ".": 0.28, ",": 0.28, ":": 0.28, ";": 0.28, "'": 0.24, "|": 0.26, "-": 0.35,
                    "(": 0.33, ")": 0.33, "/": 0.38, "1": 0.555, "i": 0.24, "l": 0.24, "I": 0.28, "j": 0.24}


def narrow_bbox(line: OcrLine, start: int, end: int) -> BBox | None:
    """Cut a horizontal line's box to the characters [start, end), by their widths in a CJK font.

    Spreading the width evenly put highlights 1–2 characters off wherever digits (half an em) follow
    Chinese (a whole em), as in 订单编号：312345678901 (issue #14).
    """
    if line.bbox is None:
        return None
    left, top, right, bottom = line.bbox
    length = len(line.text)
    if length == 0 or right - left < bottom - top:
        return line.bbox
    end = min(end, length)
    advances = [character_advance(char) for char in line.text]
    total = sum(advances)
    scale = (right - left) / total
    before, inside = sum(advances[:start]), sum(advances[start:end])
    return (left + round(scale * before), top, left + round(scale * (before + inside)), bottom)


def build_units(lines: Sequence[OcrLine], kind: str = "") -> list[TextUnit]:
    """One unit per line, except that a caption line absorbs its value line (column, row or below).

    `kind` is what the page shows (classify.py); it decides what an uncaptioned amount box is.
    """
    lines = join_split_stamps(split_merged_headers(lines))
    page = _Page(lines)
    mark_of = page.currency_marks()
    caption_of = page.column_cells()
    wrapped: dict[int, list[int]] = {}
    for index in page.captions:
        if index not in page.header_cells:
            value = page.value_right(index)
            if value is not None:
                wrapped[value] = page.wrapped_lines(value)
            else:
                value = page.value_below(index)
            if value is not None:
                caption_of[value] = index
    for index in page.boxes:
        text = page.folded[index]
        if index not in page.caption_set and index not in page.taken and (
                LABEL_LAST.search(text) or ends_before_amount(text)):
            value = page.continuation(index)
            if value is not None:
                caption_of[value] = index
    captions_used = set(caption_of.values()) | page.header_cells | set(mark_of.values())
    captions_used.update(tail for tails in wrapped.values() for tail in tails)
    units = []
    for index, line in enumerate(lines):
        if index in mark_of:
            first, second = sorted((index, mark_of[index]), key=lambda i: page.boxes[i][0])
            units.append(_joined([lines[first], lines[second]], [_JOINER]))
        elif index in caption_of:
            # A wrapped value goes on without a space: an id cut at the column's edge, or Chinese text.
            tails = [lines[tail] for tail in wrapped.get(index, [])]
            units.append(_joined([lines[caption_of[index]], line, *tails], [_JOINER] + [""] * len(tails),
                                 page.row_hint(index)))
        elif index not in captions_used:
            units.append(TextUnit(line.text, ((0, line),), *page.amount_hint(index, kind)))
    return units


def join_split_stamps(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """A box holding only a date joined with the box holding only a clock that completes it.

    The clock sits right of the date on its row (nearest, within two box heights) or just below it,
    starting at the same left edge; the joined line spans both boxes.
    """
    folded = [fold_width(line.text) for line in lines]
    clocks = {i for i, text in enumerate(folded) if lines[i].bbox is not None and is_clock_alone(text)}
    joined: dict[int, int] = {}
    for index, line in enumerate(lines):
        if line.bbox is None or not is_date_alone(folded[index]):
            continue
        box, height = line.bbox, _height(line.bbox)
        beside = [(other[0] - box[2], i) for i in clocks - set(joined.values())
                  if _same_row(box, other := lines[i].bbox) and 0 <= other[0] - box[2] <= 2 * height]
        below = [(other[1] - box[3], i) for i in clocks - set(joined.values())
                 if -0.3 * height <= (other := lines[i].bbox)[1] - box[3] <= 0.6 * height
                 and abs(other[0] - box[0]) <= height]
        if beside or below:
            joined[index] = min(beside or below)[1]
    result: list[OcrLine] = []
    for index, line in enumerate(lines):
        if index in joined:
            clock = lines[joined[index]]
            assert line.bbox is not None and clock.bbox is not None
            bbox = (min(line.bbox[0], clock.bbox[0]), min(line.bbox[1], clock.bbox[1]),
                    max(line.bbox[2], clock.bbox[2]), max(line.bbox[3], clock.bbox[3]))
            result.append(OcrLine(f"{line.text} {clock.text}", bbox, min(line.confidence, clock.confidence)))
        elif index not in joined.values():
            result.append(line)
    return result


def split_merged_headers(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """Header cells OCR merged into one box (税率/征收率税额) split back into one box per caption.

    Engines join neighbouring cells of a table header when the gap between them is small, and the
    column under the second caption then has no header. Only a box in a header row (two more
    captions beside it) that is nothing but captions is split, so 退款订单号 beside its value stays whole.
    """
    folded = [fold_width(line.text) for line in lines]
    captions = [line.bbox for line, text in zip(lines, folded) if line.bbox is not None and LABEL_ONLY.match(text)]
    result: list[OcrLine] = []
    for line, text in zip(lines, folded):
        words = _caption_words(text)
        if line.bbox is None or len(words) < 2 or text.strip() in _SINGLE_CAPTIONS or \
                sum(_same_row(line.bbox, box) for box in captions if box != line.bbox) < 2:
            result.append(line)
            continue
        result.extend(OcrLine(line.text[start:end], narrow_bbox(line, start, end), line.confidence)
                      for start, end in words)
    return result


_SINGLE_CAPTIONS = frozenset(LABEL_TYPES) | frozenset(COLUMN_ONLY) | frozenset(DATE_CAPTIONS)


def _caption_words(text: str) -> list[tuple[int, int]]:
    """The spans of the captions `text` is made of: it starts with one and ends with one, else [].

    What lies between two captions stays with the first, since OCR misreads merged headers too
    (税率/征收税额 has lost the 率 of 税率/征收率, yet its end is still the 税额 column).
    """
    matches = list(CAPTION_WORD.finditer(text))
    if not matches or text[:matches[0].start()].strip() or text[matches[-1].end():].strip():
        return []
    starts = [match.start() for match in matches]
    return list(zip(starts, [*starts[1:], matches[-1].end()]))


def _joined(lines: Sequence[OcrLine], joiners: Sequence[str], hint: str = "") -> TextUnit:
    """One unit of `lines`, each joined to the one before by its joiner."""
    text, pieces = lines[0].text, [(0, lines[0])]
    for line, joiner in zip(lines[1:], joiners):
        text += joiner
        pieces.append((len(text), line))
        text += line.text
    return TextUnit(text, tuple(pieces), hint)


class _Page:
    """The boxes of one page with the geometry questions pairing asks of them."""

    def __init__(self, lines: Sequence[OcrLine]) -> None:
        self.lines = lines
        self.folded = [fold_width(line.text) for line in lines]
        # A box without text is no value (a renderer's empty cell), so it cannot stand between a caption and its value.
        self.boxes = {i: line.bbox for i, line in enumerate(lines) if line.bbox is not None and line.text.strip()}
        self.captions = [i for i in self.boxes if LABEL_ONLY.match(self.folded[i]) and not (
            STATUS.fullmatch(self.folded[i]) and self.folded[i].strip() not in LABEL_TYPES)]
        self.caption_set = set(self.captions)
        heights = [box[3] - box[1] for box in self.boxes.values()]
        self.line_height = median(heights) if heights else 0
        self.taken: set[int] = set()
        self.header_cells: set[int] = set()

    def currency_marks(self) -> dict[int, int]:
        """Number boxes with a ¥ box just left of them or a 元 box just right (ad banners draw 168 and 元 apart)."""
        marks: dict[int, int] = {}
        for index, box in self.boxes.items():
            mark = self.folded[index].strip()
            if mark not in _CURRENCY_MARKS:
                continue
            before = mark in "¥￥"
            neighbours = [(abs(other[0] - box[2]) if before else abs(box[0] - other[2]), i)
                          for i, other in self.boxes.items()
                          if i != index and i not in marks and _same_row(box, other)
                          and _NUMBER_ONLY.fullmatch(self.folded[i])]
            if neighbours and min(neighbours)[0] <= _height(box):
                marks[min(neighbours)[1]] = index
        self.taken.update(marks)
        self.taken.update(marks.values())
        return marks

    def is_value(self, index: int) -> bool:
        """A box that can be a caption's value: not a caption, not carrying its own caption, not taken."""
        return index not in self.caption_set and index not in self.taken and not LABEL_FIRST.match(self.folded[index])

    def value_right(self, caption: int) -> int | None:
        """The nearest value box right of the caption on its visual row."""
        label = self.boxes[caption]
        row = [(box[0] - label[2], i) for i, box in self.boxes.items()
               if i != caption and _same_row(label, box) and box[0] >= label[2] - 0.2 * _height(label)]
        return self._take(row)

    def value_below(self, caption: int) -> int | None:
        """The nearest value box just below the caption that overlaps it horizontally."""
        label = self.boxes[caption]
        below = [(box[1] - label[3], i) for i, box in self.boxes.items()
                 if i != caption and 0 <= box[1] - label[3] <= 1.5 * _height(label) and _overlap_x(label, box) > 0]
        return self._take(below)

    def continuation(self, index: int) -> int | None:
        """The next line of a wrapped text (a chat bubble, an SMS): just below, starting at the same left edge."""
        box = self.boxes[index]
        below = [(other[1] - box[3], i) for i, other in self.boxes.items()
                 if i != index and -0.3 * _height(box) <= other[1] - box[3] <= 0.6 * _height(box)
                 and abs(other[0] - box[0]) <= _height(box)]
        return self._take(below)

    def wrapped_lines(self, value: int) -> list[int]:
        """The lines a value right of its caption wrapped onto in its column (a long 商家订单号 or address).

        Such a line starts at the value's left edge just below it, in the same type size, with nothing
        left of it on its row; the next row of a detail page starts with its own caption instead.
        """
        tails: list[int] = []
        box = self.boxes[value]
        while True:
            height = _height(box)
            below = [(other[1] - box[3], i) for i, other in self.boxes.items()
                     if i != value and i not in tails and -0.3 * height <= other[1] - box[3] <= 0.6 * height
                     and abs(other[0] - box[0]) <= height and abs(_height(other) - height) <= 0.25 * height]
            if not below:
                return tails
            index = min(below)[1]
            line = self.boxes[index]
            if not self.is_value(index) or any(
                    _same_row(line, other) and other[0] < line[0] for i, other in self.boxes.items() if i != index):
                return tails
            self.taken.add(index)
            tails.append(index)
            box = line

    def amount_hint(self, index: int, kind: str) -> tuple[str, str]:
        """The role, and the sign if none is printed, that an uncaptioned amount box has from what surrounds it.

        The headline of a payment page is the transaction; a price with a payment method under it
        (在线支付) is what was paid, and a price beside a quantity (x2) is the unit price. A signed
        row amount beside a title that speaks of a refund (退款-京东商城 +1,882.21), or a headline
        under one (退款成功), is a refund. OCR merges a price with the goods title before it
        (…降噪耳机 ¥1,547.35) or the status after it (¥1,026.88已完成); the price's own part of the box
        still has the quantity or payment method next to it. A headline with a plus on a page that
        speaks of a refund (退款成功, 已全额退款) is the money coming back.
        """
        box = self.boxes.get(index)
        text = self.folded[index]
        if box is None:
            return "", ""
        if not is_amount_alone(text):
            price = _EDGE_PRICE.search(text)
            box = narrow_bbox(self.lines[index], price.start(), price.end()) if price else None
            return (self._price_hint(index, box) if box else ""), ""
        row = [self.folded[i] for i, other in self.boxes.items() if i != index and _same_row(box, other)]
        signed = text.strip()[:1] in "+-"
        if _height(box) >= _HEADLINE_HEIGHT * self.line_height:
            above = [self.folded[i] for i, other in self.boxes.items()
                     if i != index and 0 <= box[1] - other[3] <= _height(box) and _overlap_x(box, other) > 0]
            if any(mentions_refund(caption) for caption in above + row) or (
                    text.strip().startswith("+") and any(mentions_refund(line) for line in self.folded)):
                return AmountRole.REFUND.value, ""
            # Alipay and WeChat Pay print a sign on every headline (-92.00, +92.00); a bare figure has lost
            # its thin minus to OCR (a plus is larger and survives).
            lost_minus = kind == "payment" and not signed and _NUMBER_ONLY.fullmatch(text) is not None
            return AmountRole.TRANSACTION.value, "-" if lost_minus else ""
        return self.row_hint(index) or self._price_hint(index, box), ""

    def row_hint(self, index: int) -> str:
        """What the words on an amount's row make it: a signed amount beside 退款… is a refund, beside 还款…
        (还款 谢谢 in a statement table) a repayment; an amount on a period's row (第2/12期) is what it asks for."""
        box = self.boxes.get(index)
        if box is None:
            return ""
        row = [self.folded[i] for i, other in self.boxes.items() if i != index and _same_row(box, other)]
        signed = self.folded[index].strip()[:1] in "+-"
        if signed and any(mentions_refund(title) for title in row):
            return AmountRole.REFUND.value
        if signed and any(mentions_repayment(title) for title in row):
            return AmountRole.REPAYMENT.value
        if any(_PERIOD_MARK.search(title) for title in row):
            return AmountRole.DUE.value
        return ""

    def _price_hint(self, index: int, box: BBox) -> str:
        """paid for a price over a payment method, unit_price for one with a quantity right of or under it, else "".

        A quantity left of the price on its row (冰美式 x2 ¥25.00, a cart or take-away row) makes the price
        that row's subtotal, which names no role.
        """
        near = [(i, other) for i, other in self.boxes.items() if i != index and (
            _same_row(box, other) or (0 <= other[1] - box[3] <= _height(box) and _overlap_x(box, other) > 0))]
        if any(_PAYMENT_METHOD.fullmatch(self.folded[i]) for i, _ in near):
            return AmountRole.PAID.value
        quantities = [other for i, other in near if _QUANTITY.fullmatch(self.folded[i])]
        if quantities and all(other[0] >= box[0] for other in quantities):
            return AmountRole.UNIT_PRICE.value
        return ""

    def _take(self, ranked: list[tuple[float, int]]) -> int | None:
        """The nearest of `ranked` if it is a value; anything else in between means the caption has none."""
        if not ranked:
            return None
        index = min(ranked)[1]
        if not self.is_value(index):
            return None
        self.taken.add(index)
        return index

    def column_cells(self) -> dict[int, int]:
        """Cells under a header row of three or more captions, each mapped to its column's caption."""
        caption_of: dict[int, int] = {}
        for header in self._header_rows():
            self.header_cells.update(header)
            bottom = max(self.boxes[i][3] for i in header)
            last = bottom
            for index in sorted(self.boxes, key=lambda i: self.boxes[i][1]):
                box = self.boxes[index]
                if box[1] < bottom or index in header:
                    continue
                if box[1] - last > _TABLE_GAP * self.line_height:
                    break
                column = self._column(header, box)
                if column is not None and self.is_value(index) and not self._captioned_on_row(index):
                    caption_of[index] = column
                    last = box[3]
        self.taken.update(caption_of)
        return caption_of

    def _header_rows(self) -> list[list[int]]:
        rows: list[list[int]] = []
        for index in self.captions:
            if any(index in row for row in rows):
                continue
            row = [i for i in self.captions if _same_row(self.boxes[index], self.boxes[i])]
            others = [i for i in self.boxes if _same_row(self.boxes[index], self.boxes[i])]
            if len(row) >= 3 and 2 * len(row) >= len(others):
                rows.append(sorted(row, key=lambda i: self.boxes[i][0]))
        return rows

    def _column(self, header: list[int], box: BBox) -> int | None:
        """The header caption whose span overlaps the cell most."""
        overlaps = [(_overlap_x(self.boxes[i], box), i) for i in header]
        best = max(overlaps)
        return best[1] if best[0] > 0 else None

    def _captioned_on_row(self, index: int) -> bool:
        """Whether the cell's left neighbour on its row is a caption (合计 ¥…), which pairs by row instead."""
        box = self.boxes[index]
        left = [(box[0] - other[2], i) for i, other in self.boxes.items()
                if i != index and _same_row(box, other) and other[2] <= box[0] + 0.2 * _height(box)]
        return bool(left) and min(left)[1] in self.caption_set


def _height(box: BBox) -> int:
    return box[3] - box[1]


def _same_row(a: BBox, b: BBox) -> bool:
    """Vertically overlapping by more than half the smaller box, so rows of different heights still pair."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(_height(a), _height(b))


def _overlap_x(a: BBox, b: BBox) -> int:
    return min(a[2], b[2]) - max(a[0], b[0])

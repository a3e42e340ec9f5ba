"""Page parts the apps share: status and title bars, label/value rows in their several layouts,
headline amounts, list rows and chat bubbles.

Row layouts, as the apps draw them:
- "inline": one run "标签：值" (JD 订单信息, complaint records);
- "split": grey label at the left, value right-aligned in its own box (JD price block, Alipay 账单详情);
- "column": grey label column, values left-aligned at a fixed x (WeChat Pay 交易详情, bank apps);
- "below": a small grey label with its value on the next line (金条 借款金额, 白条 本期应还).
"""
from __future__ import annotations

from collections.abc import Sequence

from bench.screens.canvas import Page, Row
from bench.screens.truth import Expected


def status_bar(page: Page) -> None:
    """Battery and signal only: a status-bar clock would be a time without a date."""
    page.text(page.width - page.px(40), page.px(18), f"{page.rng.randint(12, 99)}%", 26, page.theme.text, align="r")
    page.y = page.px(80)


def title_bar(page: Page, title: str, size: float = 36) -> None:
    page.text(page.px(40), page.y + page.px(10), "<", size, page.theme.text)
    page.text(page.width // 2, page.y + page.px(10), title, size, page.theme.text, bold=True, align="m")
    page.y += page.px(80)


def rows_card(page: Page, rows: Sequence[Row], style: str, size: float = 28, pitch: float = 62,
              column: float = 250, colour: str | None = None) -> None:
    """A card of label/value rows in one of the module's layouts."""
    step = pitch * (2 if style == "below" else 1)
    _, top = page.card(page.px(40 + step * len(rows)))
    for index, (label, value, expected) in enumerate(rows):
        y = top + page.px(30 + step * index)
        label_row(page, y, label, value, style, size, column, colour)
        page.expect(*expected)


def label_row(page: Page, y: int, label: str, value: str, style: str, size: float = 28, column: float = 250,
              colour: str | None = None) -> None:
    """One label and its value at height `y` in the given layout."""
    theme, inset = page.theme, page.px(60)
    ink = colour or theme.text
    if style == "inline":
        page.text(inset, y, f"{label}：{value}", size, colour or theme.muted)
    elif style == "split":
        page.text(inset, y, label, size, theme.muted)
        page.text(page.width - inset, y, value, size, ink, align="r")
    elif style == "column":
        page.text(inset, y, label, size, theme.muted)
        page.text(page.px(column), y, value, size, ink)
    elif style == "below":
        page.text(inset, y, label, size * 0.85, theme.muted)
        page.text(inset, y + page.px(size * 1.5), value, size, ink)
    else:
        raise ValueError(f"unknown row style {style!r}")


def headline(page: Page, caption: str, shown: str, expected: Sequence[Expected], size: float = 64) -> None:
    """The merchant or product name with the big amount under it, centred (payment detail pages)."""
    page.text(page.width // 2, page.y + page.px(30), caption, 30, page.theme.text, align="m")
    page.text(page.width // 2, page.y + page.px(90), shown, size, page.theme.text, bold=True, align="m")
    page.expect(*expected)
    page.y += page.px(120 + size)


def list_row(page: Page, title: str, subtitle: str, right: str, right_sub: str,
             expected: Sequence[Expected], height: float = 140, bold_right: bool = False) -> None:
    """A bill or record list row: title and time at the left, the amount right-aligned, a divider."""
    theme, top = page.theme, page.y
    page.draw.rectangle((0, top, page.width, top + page.px(height)), fill=theme.card)
    page.text(page.px(130), top + page.px(24), title, 30, theme.text)
    if subtitle:
        page.text(page.px(130), top + page.px(80), subtitle, 24, theme.muted)
    page.text(page.width - page.px(40), top + page.px(24), right, 32, theme.text, bold=bold_right, align="r")
    if right_sub:
        page.text(page.width - page.px(40), top + page.px(80), right_sub, 24, theme.muted, align="r")
    page.draw.ellipse((page.px(30), top + page.px(30), page.px(100), top + page.px(100)), fill=theme.line)
    page.rule(top + page.px(height) - 1, left=page.px(130))
    page.expect(*expected)
    page.y += page.px(height)


def section(page: Page, text: str, size: float = 26) -> None:
    """A grey group header such as a month in a bill list."""
    page.text(page.px(40), page.y + page.px(20), text, size, page.theme.muted)
    page.y += page.px(70)


def bubble(page: Page, own: bool, text: str, expected: Sequence[Expected], own_ink: str = "#111111",
           name: str = "") -> None:
    """A chat message: the other side's bubble at the left (with a name above in group chats), ours right."""
    theme, size = page.theme, 32
    rows = page.wrap(text, size, page.width - page.px(380))
    widest = max(page.width_of(row, size) for row in rows)
    height = page.px(44 * len(rows) + 40)
    avatar = page.px(84)
    page.y += page.px(24)
    avatar_x = page.width - page.px(30) - avatar if own else page.px(30)
    page.draw.rounded_rectangle((avatar_x, page.y, avatar_x + avatar, page.y + avatar), radius=page.px(10),
                                fill="#4A90D9" if own else "#E2231A")
    if name and not own:
        page.text(page.px(150), page.y, name, 22, theme.muted)
        page.y += page.px(34)
    left = page.width - page.px(150) - round(widest) - page.px(40) if own else page.px(150)
    right = left + round(widest) + page.px(40)
    page.draw.rounded_rectangle((left, page.y, right, page.y + height), radius=page.px(12),
                                fill=theme.own_bubble if own else theme.other_bubble)
    for index, row in enumerate(rows):
        page.text(left + page.px(20), page.y + page.px(18 + 44 * index), row, size, own_ink if own else theme.text)
    page.expect(*expected)
    page.y += height


def centred_note(page: Page, text: str, expected: Sequence[Expected] = (), size: float = 24) -> None:
    """Grey centred text: a chat time label, a system notice."""
    page.y += page.px(30)
    page.text(page.width // 2, page.y, text, size, page.theme.muted, align="m")
    page.expect(*expected)
    page.y += page.px(40)

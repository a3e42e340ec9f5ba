"""Small Chinese numerals as chat and app screenshots write them (三点十五, 二月十号, 二零一五年)."""
from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

CHINESE_NUMBER = "[零〇一二两三四五六七八九十]{1,3}"
"""A regex fragment for numbers up to 99 written in Chinese."""


def parse_small_number(text: str) -> int | None:
    """Read "15", "十五", "二十", "零五" or digit-by-digit "二零一五"; None when it is not a number."""
    if text.isdigit():
        return int(text)
    if not text or any(char not in _DIGITS and char != "十" for char in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    return int("".join(str(_DIGITS[char]) for char in text))

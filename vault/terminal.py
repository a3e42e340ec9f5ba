"""Text made safe to print on a terminal: names and OCR text cannot move the cursor or reorder a row.

A file name may hold ESC sequences (which recolour or clear the screen), CR or a newline (which
forge another row of `list` output) and bidirectional controls such as U+202E RIGHT-TO-LEFT
OVERRIDE, which make "evil‮gnp.exe" look like "evilexe.png" (CVE-2021-42574, "Trojan Source").
They are shown as visible escapes instead; everything else, Chinese included, prints as it is.
"""
from __future__ import annotations

import json
import re
from typing import Any

# C0 and C1 controls, DEL, the bidi embeddings, overrides and isolates (Unicode UAX #9), the
# implicit direction marks, the line and paragraph separators, and lone surrogates (bytes of a
# file name that were not UTF-8, kept by Python's surrogateescape).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# The same set minus what JSON already escapes (U+0000–U+001F, RFC 8259 section 7).
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: object) -> str:
    """`text` with control, bidi and unencodable characters written as \\xNN or \\uNNNN."""
    return _UNSAFE.sub(_escape, str(text))


def terminal_json(value: Any) -> str:
    """JSON whose values are exact, with characters a terminal would obey written as \\uNNNN escapes.

    Outside strings JSON holds only ASCII, so the substitution only ever lands inside a string.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

"""Readable names for files whose names are not UTF-8 (a zip made on Chinese Windows: GBK bytes).

On Linux a file name is bytes; Python hands the bytes that are not UTF-8 over as lone surrogates
(PEP 383 surrogateescape), which SQLite cannot store and a terminal cannot print. The vault keeps
a decoded name for people to read and the exact bytes (as hex) in the import's audit entry, so
the evidence stays traceable to the file it came from.
"""
from __future__ import annotations

import os

# GB18030 is the superset of GBK and GB2312 that Chinese Windows writes into zip archives
# (the zip format stores names in the "OEM" code page unless bit 11 of the flags is set).
_LIKELY_CODECS = ("gb18030",)


def undecodable_name_bytes(name: str) -> bytes | None:
    """The raw bytes of a name Python could not decode as UTF-8, or None for an ordinary name."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name)
    return None


def display_name(name: str) -> str:
    """The name as people should read it: UTF-8 as is, else GB18030, else the detected charset."""
    raw = undecodable_name_bytes(name)
    if raw is None:
        return name
    for codec in _LIKELY_CODECS:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes  # only for the rare name that is not GB18030 either

    # A POSIX name holds no NUL byte, so it is never UTF-16 or UTF-32; UTF-7 is never a file name.
    best = from_bytes(raw, cp_exclusion=["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le",
                                         "utf_7"]).best()
    if best is not None:
        return str(best)
    return raw.decode("utf-8", "backslashreplace")

"""Pictures that look the same although their bytes differ (a screenshot saved again, re-encoded, resized).

A difference hash (dHash): the picture shrunk to 9×8 grey pixels, one bit per pair of neighbours
(is the left one brighter?). Re-encoding and resizing keep nearly every bit; another picture
differs in about half of them. Computed from the stored thumbnails when asked, so nothing new
is stored: 300 phone-sized exhibits take 0.3 s, in the import's own background task.

Two pages of one app with other content, two bill details or two order lists, look the same at
9×8 pixels: of 20 layouts drawn twice with other orders, amounts and times, 7 pairs were within
MAX_DIFFERENT_BITS (an Alipay bill detail within one bit), and the hint told the person to delete
one of two pieces of evidence. Where both pictures have been read, their text decides: a copy
reads as the same text.
"""
from __future__ import annotations

import difflib
import io
from collections.abc import Sequence

from PIL import Image

from vault.evidence import Item
from vault.store import Vault

HASH_WIDTH = 8
"""Bits per row; the hash has HASH_WIDTH² = 64 bits."""

MAX_DIFFERENT_BITS = 6
"""Saves of one picture differ in at most this many of the 64 bits (JPEG at quality 30, resized: none of
the measured ones); unrelated screenshots in 16 or more."""

COPY_TEXT_SIMILARITY = 0.9
"""Least similarity of two pictures' OCR text (difflib's ratio, whitespace left out) for a copy. Of 15
layouts: a JPEG at quality 30 resized to two thirds read 0.97-1.00 like its original; the same
layout with other content 0.19-0.79."""
COMPARED_CHARACTERS = 1000
"""Text compared per picture, from its start (a page's order number, time and amount come early):
difflib takes milliseconds for 1,000 characters but a third of a second for two 7,000-character
captures that share their characters in another order."""


def difference_hash(image: Image.Image) -> int:
    grey = image.convert("L").resize((HASH_WIDTH + 1, HASH_WIDTH), Image.Resampling.BOX)
    pixels = grey.tobytes()
    bits = 0
    for row in range(HASH_WIDTH):
        for col in range(HASH_WIDTH):
            left = pixels[row * (HASH_WIDTH + 1) + col]
            bits = bits << 1 | (left > pixels[row * (HASH_WIDTH + 1) + col + 1])
    return bits


def different_bits(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def look_alikes_of_new(vault: Vault, case_id: int, new_ids: Sequence[int]) -> dict[int, list[Item]]:
    """For each newly imported picture, the case's earlier pictures (lower ids) that look the same.

    Earlier ones include pictures of the same import, so a folder with one screenshot saved twice
    gets its hint as well; pictures without a look-alike are left out of the answer. Two pictures
    that were both read must also read alike (texts_differ). PDFs and exports are never compared:
    their thumbnails are a first page or a table icon, which another invoice or bill shares without
    being a copy.
    """
    pictures = [item for item in vault.items(case_id) if item.media_type.startswith("image/")]
    wanted = set(new_ids) & {item.id for item in pictures}
    if not wanted:  # a bill, chat or PDF import reads no thumbnails
        return {}
    seen = [(item, _thumbnail_hash(vault, item), compared_text(item.ocr_text)) for item in pictures]
    found: dict[int, list[Item]] = {}
    for item, digest, text in seen:
        if item.id not in wanted:
            continue
        alikes = [other for other, other_digest, other_text in seen
                  if other.id < item.id and different_bits(digest, other_digest) <= MAX_DIFFERENT_BITS
                  and not texts_differ(text, other_text)]
        if alikes:
            found[item.id] = alikes
    return found


def compared_text(ocr_text: str) -> str:
    """What of a picture's OCR text is compared: its first COMPARED_CHARACTERS, whitespace left out."""
    return "".join(ocr_text.split())[:COMPARED_CHARACTERS]


def texts_differ(a: str, b: str) -> bool:
    """True when both pictures were read (compared_text of each) and their texts are not a copy's
    (COPY_TEXT_SIMILARITY); an unread picture is judged by its look alone."""
    if not a or not b:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # each bounds the next from above, at a fraction of its cost
    return (matcher.real_quick_ratio() < COPY_TEXT_SIMILARITY or matcher.quick_ratio() < COPY_TEXT_SIMILARITY
            or matcher.ratio() < COPY_TEXT_SIMILARITY)


def _thumbnail_hash(vault: Vault, item: Item) -> int:
    with Image.open(io.BytesIO(vault.thumbnail(item.id))) as thumbnail:
        return difference_hash(thumbnail)

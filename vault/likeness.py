"""Pictures that look the same although their bytes differ (a screenshot saved again, re-encoded, resized).

A difference hash (dHash): the picture shrunk to 9×8 grey pixels, one bit per pair of neighbours
(is the left one brighter?). Re-encoding and resizing keep nearly every bit; another picture
differs in about half of them. Computed from the stored thumbnails when asked, so nothing new
is stored: 300 phone-sized exhibits take 0.3 s, in the import's own background task.
"""
from __future__ import annotations

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
    gets its hint as well; pictures without a look-alike are left out of the answer. PDFs and exports
    are never compared: their thumbnails are a first page or a table icon, which another invoice or
    bill shares without being a copy.
    """
    pictures = [item for item in vault.items(case_id) if item.media_type.startswith("image/")]
    wanted = set(new_ids) & {item.id for item in pictures}
    if not wanted:  # a bill, chat or PDF import reads no thumbnails
        return {}
    hashed = [(item, _thumbnail_hash(vault, item)) for item in pictures]
    found: dict[int, list[Item]] = {}
    for item, digest in hashed:
        if item.id not in wanted:
            continue
        alikes = [other for other, other_digest in hashed
                  if other.id < item.id and different_bits(digest, other_digest) <= MAX_DIFFERENT_BITS]
        if alikes:
            found[item.id] = alikes
    return found


def _thumbnail_hash(vault: Vault, item: Item) -> int:
    with Image.open(io.BytesIO(vault.thumbnail(item.id))) as thumbnail:
        return difference_hash(thumbnail)

"""Pictures that look the same although their bytes differ (a screenshot saved again, re-encoded, resized).

A difference hash (dHash): the picture shrunk to 9×8 grey pixels, one bit per pair of neighbours
(is the left one brighter?). Re-encoding and resizing keep nearly every bit; another picture
differs in about half of them. Computed from the stored thumbnails when asked, so nothing new
is stored: 300 phone-sized exhibits take 0.3 s, on the session's pool when an image is pasted.
"""
from __future__ import annotations

import io

from PIL import Image

from vault.evidence import Item
from vault.media import open_image
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


def look_alikes(vault: Vault, case_id: int, data: bytes) -> list[Item]:
    """The case's exhibits that show the same picture as `data` (an image file), by their thumbnails."""
    wanted = difference_hash(open_image(data))
    return [item for item in vault.items(case_id)
            if different_bits(wanted, _thumbnail_hash(vault, item)) <= MAX_DIFFERENT_BITS]


def _thumbnail_hash(vault: Vault, item: Item) -> int:
    with Image.open(io.BytesIO(vault.thumbnail(item.id))) as thumbnail:
        return difference_hash(thumbnail)

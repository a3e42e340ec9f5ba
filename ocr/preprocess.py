"""Image preparation shared by the OCR engines, and mapping of their boxes back to the image.

numpy and OpenCV (0.09 s to load) are imported by the functions that handle pixels: every front end
imports the engines to name and choose them (the CLI before it starts its OCR workers), and only
the workers read.

Every step here was kept only because it raised field recall on the screenshot benchmark
(bench/ocr_accuracy.py); the figures are in the docstrings of the engines' default options.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image, ImageOps

from ocr.pages import to_rgb, upright
from ocr.types import OcrLine

DARK_BORDER_LUMINANCE = 100
"""Median border luminance below which a screenshot counts as dark mode (0..255)."""


@dataclass(frozen=True, slots=True)
class PreprocessOptions:
    """Which preparation steps an engine wants; 0 disables a size-based step."""

    invert_dark: bool = True
    upscale_below_width: int = 0
    upscale_factor: int = 2
    tile_height: int = 0
    tile_overlap: int = 240
    sauvola: bool = False
    pad_below: int = 0


@dataclass(frozen=True, slots=True)
class Tile:
    """A horizontal strip of the prepared image: where its top sits and how many rows it holds."""

    top: int
    height: int

    def cut(self, image: Image.Image) -> Image.Image:
        """The strip's pixels; the image itself when the strip is all of it."""
        if self.top == 0 and self.height == image.height:
            return image
        return image.crop((0, self.top, image.width, self.top + self.height))


def _frame_strips(image: Image.Image) -> list[Image.Image]:
    """The four edges of a thin frame around the image (a fiftieth of its short side wide), cut out
    so that only they are converted: a 1080x90000 capture is 292 MB as an array."""
    width, height = image.size
    band = max(1, min(height, width) // 50)
    return [
        image.crop((0, 0, width, band)),
        image.crop((0, height - band, width, height)),
        image.crop((0, 0, band, height)),
        image.crop((width - band, 0, width, height)),
    ]


def _median_colour(strips: Sequence[Image.Image]) -> tuple[int, ...]:
    import numpy as np

    channels = len(strips[0].getbands())
    frame = np.concatenate([np.asarray(strip).reshape(-1, channels) for strip in strips])
    return tuple(int(value) for value in np.median(frame, axis=0))


def border_colour(image: Image.Image) -> tuple[int, ...]:
    """Median colour of a thin frame around the image, i.e. the usual background colour."""
    return _median_colour(_frame_strips(image))


def border_luminance(image: Image.Image) -> float:
    """Luminance (0..255) of the background colour."""
    return float(_median_colour([strip.convert("L") for strip in _frame_strips(image)])[0])


def is_dark_mode(image: Image.Image) -> bool:
    """True when light text sits on a dark background (phone dark mode)."""
    return border_luminance(image) < DARK_BORDER_LUMINANCE


def sauvola_binarize(image: Image.Image, window: int = 31, k: float = 0.2) -> Image.Image:
    """Local (Sauvola) threshold; keeps light-grey text that a global threshold wipes out."""
    import cv2
    import numpy as np

    gray = np.asarray(image.convert("L"), dtype=np.float32)
    mean = cv2.boxFilter(gray, -1, (window, window), borderType=cv2.BORDER_REPLICATE)
    mean_sq = cv2.boxFilter(gray * gray, -1, (window, window), borderType=cv2.BORDER_REPLICATE)
    std = np.sqrt(np.maximum(mean_sq - mean * mean, 0.0))
    threshold = mean * (1.0 + k * (std / 128.0 - 1.0))
    return Image.fromarray(np.where(gray > threshold, 255, 0).astype(np.uint8), mode="L")


def split_tiles(height: int, tile_height: int, overlap: int) -> list[Tile]:
    """The fewest strips of at most `tile_height` rows that cover an image `height` rows tall, all
    of one height and overlapping by `overlap`; one tile when it is short enough.

    Strips of the full tile height, the last one moved up to end at the bottom, overlapped as much
    as the image was short of a whole number of strips: a 1080x2400 phone screenshot was read as
    two strips of 2000 rows sharing 1600, two thirds of the page read twice (issue #13). Only the
    rows are laid out here; each strip is cut when it is read, so a tall capture is never held
    twice."""
    if tile_height <= 0 or height <= tile_height:
        return [Tile(0, height)]
    count = -(-(height - overlap) // (tile_height - overlap))
    strip = -(-(height + (count - 1) * overlap) // count)
    return [Tile(round(index * (height - strip) / (count - 1)), strip) for index in range(count)]


def merge_tiles(tiles: Sequence[Tile], lines_per_tile: Sequence[Sequence[OcrLine]]) -> list[OcrLine]:
    """Lines of all tiles in page coordinates, each overlap cut in the middle.

    A line belongs to the tile above the cut when its centre lies above it; with an overlap
    taller than any text line every line is seen whole by the tile that keeps it.
    """
    merged: list[OcrLine] = []
    for index, (tile, lines) in enumerate(zip(tiles, lines_per_tile)):
        upper_cut = _cut_between(tiles[index - 1], tile) if index > 0 else -1
        lower_cut = _cut_between(tile, tiles[index + 1]) if index + 1 < len(tiles) else float("inf")
        for line in lines:
            left, top, right, bottom = line.bbox
            centre = tile.top + (top + bottom) / 2
            if upper_cut <= centre < lower_cut:
                merged.append(OcrLine(line.text, (left, top + tile.top, right, bottom + tile.top), line.confidence))
    return merged


def _cut_between(upper: Tile, lower: Tile) -> float:
    return (lower.top + upper.top + upper.height) / 2


def to_original(lines: Sequence[OcrLine], margin: int, factor: float, size: tuple[int, int]) -> list[OcrLine]:
    """Boxes moved back by `margin`, divided by `factor` and clipped to an image of `size`."""
    width, height = size

    def clip(value: float, limit: int) -> int:
        return min(max(round((value - margin) / factor), 0), limit)

    return [
        OcrLine(line.text, (clip(l, width), clip(t, height), clip(r, width), clip(b, height)), line.confidence)
        for line in lines
        for l, t, r, b in [line.bbox]
    ]


def recognize_prepared(
    image: Image.Image,
    options: PreprocessOptions,
    recognize_tile: Callable[[Image.Image], list[OcrLine]],
) -> list[OcrLine]:
    """Run `recognize_tile` over the prepared image and return lines in `image`'s upright pixels."""
    page = to_rgb(upright(image))
    original_size = page.size
    if options.invert_dark and is_dark_mode(page):
        page = ImageOps.invert(page)
    factor = 1
    if options.upscale_below_width and page.width < options.upscale_below_width:
        factor = options.upscale_factor
        page = page.resize((page.width * factor, page.height * factor), Image.Resampling.LANCZOS)
    if options.sauvola:
        page = sauvola_binarize(page)
    # A detector that scales the short side up to a fixed size blows a one-line crop up until its
    # characters fall apart into separate boxes; a margin of background keeps the scale sane.
    margin = min(page.size) if min(page.size) < options.pad_below else 0
    if margin:
        page = ImageOps.expand(page, border=margin, fill=border_colour(page))
    # The tile height is a limit of the engine (in prepared pixels); the overlap must hold the
    # tallest text line, which grows with the upscaling.
    overlap = min(options.tile_overlap * factor, options.tile_height // 3)
    tiles = split_tiles(page.height, options.tile_height, overlap)
    lines = merge_tiles(tiles, [recognize_tile(tile.cut(page)) for tile in tiles])
    return to_original(lines, margin, factor, original_size)

"""Preprocessing and box mapping, checked with a fake engine that finds dark bands."""
from __future__ import annotations

import weakref

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr.preprocess import (
    PreprocessOptions,
    Tile,
    is_dark_mode,
    merge_tiles,
    recognize_prepared,
    sauvola_binarize,
    split_tiles,
)
from ocr.types import OcrLine


def dark_bands(image: Image.Image) -> list[OcrLine]:
    """Every horizontal band of dark pixels as one 'line'; a stand-in for a real engine."""
    gray = np.asarray(image.convert("L"))
    rows = (gray < 128).any(axis=1)
    lines, start = [], None
    for y, inked in enumerate([*rows, False]):
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            columns = np.nonzero((gray[start:y] < 128).any(axis=0))[0]
            # a band cut by the tile edge is reported like a real engine would: partially
            lines.append(OcrLine(f"band{len(lines)}", (int(columns[0]), start, int(columns[-1]) + 1, y), 1.0))
            start = None
    return lines


def striped_page(height: int, stripes: list[tuple[int, int]], dark: bool = False) -> Image.Image:
    background, ink = ("#101010", "#F0F0F0") if dark else ("#FFFFFF", "#000000")
    image = Image.new("RGB", (300, height), background)
    draw = ImageDraw.Draw(image)
    for top, bottom in stripes:
        draw.rectangle((20, top, 249, bottom - 1), fill=ink)
    return image


def test_tall_image_tiles_map_boxes_back_without_duplicates() -> None:
    stripes = [(y, y + 30) for y in range(40, 4900, 170)]
    options = PreprocessOptions(invert_dark=False, tile_height=1000, tile_overlap=200)

    lines = recognize_prepared(striped_page(5000, stripes), options, dark_bands)

    assert [line.bbox for line in lines] == [(20, top, 250, bottom) for top, bottom in stripes]


def test_a_page_that_needs_no_preparation_is_read_as_it_is() -> None:
    page = striped_page(400, [(100, 130)])
    seen: list[Image.Image] = []

    recognize_prepared(page, PreprocessOptions(tile_height=1000), lambda image: seen.append(image) or [])

    assert seen == [page] and seen[0] is page


def test_each_tile_is_cut_when_it_is_read_and_let_go_after() -> None:
    page = striped_page(5000, [(y, y + 30) for y in range(40, 4900, 170)])
    earlier: list[weakref.ref[Image.Image]] = []

    def engine(image: Image.Image) -> list[OcrLine]:
        assert all(tile() is None for tile in earlier), "an earlier tile is still held"
        earlier.append(weakref.ref(image))
        return dark_bands(image)

    recognize_prepared(page, PreprocessOptions(invert_dark=False, tile_height=1000, tile_overlap=200), engine)

    assert len(earlier) == len(split_tiles(5000, 1000, 200))


def test_split_tiles_cover_the_image_with_overlap() -> None:
    tiles = split_tiles(2500, tile_height=1000, overlap=200)

    assert [tile.top for tile in tiles] == [0, 766, 1533]
    assert all(tile.height == 967 for tile in tiles)


def test_a_phone_screenshot_a_little_taller_than_a_tile_is_read_in_two_halves() -> None:
    tiles = split_tiles(2400, tile_height=2000, overlap=240)

    assert [(tile.top, tile.height) for tile in tiles] == [(0, 1320), (1080, 1320)]


@pytest.mark.parametrize("height", [1001, 1199, 1200, 1201, 1999, 2400, 7777, 20000, 90000])
def test_tiles_are_as_few_as_the_tile_height_allows_and_overlap_by_at_least_the_overlap(height: int) -> None:
    tile_height, overlap = 1000, 200
    tiles = split_tiles(height, tile_height, overlap)

    assert len(tiles) == -(-(height - overlap) // (tile_height - overlap))
    assert tiles[0].top == 0 and tiles[-1].top + tiles[-1].height == height
    assert all(tile.height <= tile_height for tile in tiles)
    assert all(upper.top + upper.height - lower.top >= overlap for upper, lower in zip(tiles, tiles[1:]))


def test_short_image_is_one_tile() -> None:
    assert split_tiles(900, 1000, 200) == [Tile(0, 900)]


def test_merge_keeps_overlap_line_once() -> None:
    tiles = [Tile(0, 100), Tile(60, 100)]
    upper = [OcrLine("a", (0, 70, 5, 80), 1.0)]
    lower = [OcrLine("a", (0, 10, 5, 20), 1.0)]

    assert merge_tiles(tiles, [upper, lower]) == [OcrLine("a", (0, 70, 5, 80), 1.0)]


def test_dark_mode_is_inverted_before_recognition() -> None:
    page = striped_page(400, [(100, 130)], dark=True)
    seen: list[Image.Image] = []

    def engine(image: Image.Image) -> list[OcrLine]:
        seen.append(image)
        return dark_bands(image)

    lines = recognize_prepared(page, PreprocessOptions(), engine)

    assert is_dark_mode(page)
    assert not is_dark_mode(seen[0])
    assert [line.bbox for line in lines] == [(20, 100, 250, 130)]


def test_light_page_is_not_dark() -> None:
    assert not is_dark_mode(striped_page(400, [(100, 130)]))


@pytest.mark.parametrize("width, factor", [pytest.param(300, 2, id="narrow-upscaled"), pytest.param(900, 1, id="wide-kept")])
def test_upscaling_maps_boxes_back(width: int, factor: int) -> None:
    page = Image.new("RGB", (width, 200), "white")
    ImageDraw.Draw(page).rectangle((10, 50, 100, 69), fill="black")
    sizes: list[tuple[int, int]] = []

    def engine(image: Image.Image) -> list[OcrLine]:
        sizes.append(image.size)
        return dark_bands(image)

    lines = recognize_prepared(page, PreprocessOptions(upscale_below_width=800), engine)

    assert sizes == [(width * factor, 200 * factor)]
    assert [line.bbox for line in lines] == [(10, 50, 101, 70)]


def test_small_crop_is_padded_with_background_and_boxes_map_back() -> None:
    crop = striped_page(40, [(10, 30)])
    sizes: list[tuple[int, int]] = []

    def engine(image: Image.Image) -> list[OcrLine]:
        sizes.append(image.size)
        return dark_bands(image)

    lines = recognize_prepared(crop, PreprocessOptions(pad_below=100), engine)

    assert sizes == [(380, 120)]
    assert [line.bbox for line in lines] == [(20, 10, 250, 30)]


def test_sauvola_keeps_light_grey_text() -> None:
    page = Image.new("RGB", (200, 60), "white")
    ImageDraw.Draw(page).rectangle((20, 24, 180, 26), fill="#A0A0A0")  # thin strokes, like text

    binary = np.asarray(sauvola_binarize(page))

    assert binary[25, 100] == 0
    assert binary[5, 100] == 255

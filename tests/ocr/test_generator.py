"""The seeded screenshot generator: deterministic, truthful, split cleanly, usable from the command line."""
from __future__ import annotations

import io
import json
import random
import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from bench.screens.capture import DATED_STYLES, dated_name
from bench.screens.catalog import (
    DEV_SEEDS, DEV_TEMPLATES, HELDOUT2_SEEDS, HELDOUT2_TEMPLATES, HELDOUT3_SEEDS, HELDOUT3_TEMPLATES, HELDOUT_SEEDS,
    HELDOUT_TEMPLATES, SPLITS, TEMPLATES, templates_for,
)
from bench.screens.full_screen import PHONE_WIDTH, screens
from bench.screens.render import render
from bench.screenshots import SCORED_FIELDS, generate, generate_one, main
from ocr.extract.config import REFERENCE_SOURCES
from ocr.types import KINDS, AmountRole, FieldType

CHINA = timezone(timedelta(hours=8))


def compact(text: str) -> str:
    return re.sub(r"[\s,，]", "", text)


def test_same_seed_same_pixels_and_truth() -> None:
    first, second = generate(3, 4), generate(3, 4)

    assert [s.data for s in first] == [s.data for s in second]
    assert [s.truth for s in first] == [s.truth for s in second]
    assert [s.file_name for s in first] == [s.file_name for s in second]
    assert [s.template for s in first] == [t.name for t in DEV_TEMPLATES[:4]]


def test_different_seeds_differ() -> None:
    assert generate_one(3, 0).data != generate_one(4, 0).data


def test_dev_and_heldout_are_disjoint() -> None:
    assert not set(DEV_SEEDS) & set(HELDOUT_SEEDS)
    assert HELDOUT_TEMPLATES and not set(DEV_TEMPLATES) & set(HELDOUT_TEMPLATES)
    assert set(templates_for("heldout")) == set(DEV_TEMPLATES) | set(HELDOUT_TEMPLATES)
    dev = [generate_one(DEV_SEEDS.start + 5, index) for index in range(len(DEV_TEMPLATES))]
    assert all(s.split == "dev" and s.template not in {t.name for t in HELDOUT_TEMPLATES} for s in dev)
    assert {generate_one(HELDOUT_SEEDS.start + 5, index).split for index in range(3)} == {"heldout"}


def test_second_heldout_part_is_new_layouts_and_seeds() -> None:
    assert len(HELDOUT2_TEMPLATES) >= 6
    assert not set(HELDOUT2_SEEDS) & (set(DEV_SEEDS) | set(HELDOUT_SEEDS))
    older = set(DEV_TEMPLATES) | set(HELDOUT_TEMPLATES)
    assert not set(HELDOUT2_TEMPLATES) & older
    assert set(templates_for("heldout2")) == older | set(HELDOUT2_TEMPLATES)
    assert templates_for("heldout2")[:len(HELDOUT2_TEMPLATES)] == HELDOUT2_TEMPLATES
    assert not set(templates_for("heldout")) & set(HELDOUT2_TEMPLATES)
    new_layouts = {generate_one(HELDOUT2_SEEDS.start + 5, index).split for index in range(len(HELDOUT2_TEMPLATES))}
    assert new_layouts == {"heldout2"}
    assert {render(t, DEV_SEEDS.start + 5, 0).split for t in HELDOUT2_TEMPLATES} == {"heldout2"}


def test_third_heldout_part_is_the_newest_with_new_layouts_and_seeds() -> None:
    assert SPLITS[-1] == "heldout3" and len(HELDOUT3_TEMPLATES) >= 6
    older_seeds = set(DEV_SEEDS) | set(HELDOUT_SEEDS) | set(HELDOUT2_SEEDS)
    assert not set(HELDOUT3_SEEDS) & older_seeds
    older = set(DEV_TEMPLATES) | set(HELDOUT_TEMPLATES) | set(HELDOUT2_TEMPLATES)
    assert not set(HELDOUT3_TEMPLATES) & older
    assert set(templates_for("heldout3")) == set(TEMPLATES)
    assert templates_for("heldout3")[:len(HELDOUT3_TEMPLATES)] == HELDOUT3_TEMPLATES
    assert not set(templates_for("heldout2")) & set(HELDOUT3_TEMPLATES)
    new_layouts = {generate_one(HELDOUT3_SEEDS.start + 5, index).split for index in range(len(HELDOUT3_TEMPLATES))}
    assert new_layouts == {"heldout3"}
    assert {render(t, HELDOUT2_SEEDS.start + 5, 0).split for t in HELDOUT3_TEMPLATES} == {"heldout3"}


def test_at_least_25_layouts_over_the_families() -> None:
    assert len({t.name for t in TEMPLATES}) == len(TEMPLATES) >= 25
    assert {t.kind for t in TEMPLATES} == set(KINDS) - {"other", "bill"}  # bill: exported files only
    assert {t.family for t in HELDOUT_TEMPLATES} < {t.family for t in TEMPLATES}


@pytest.mark.parametrize("template", [pytest.param(t, id=t.name) for t in TEMPLATES])
def test_every_template_renders_truth_consistent_with_its_text(template) -> None:  # noqa: ANN001
    sample = render(template, seed=11, index=2)

    width, height = sample.image.size
    assert sample.kind == template.kind and sample.truth
    assert all(0 <= l <= r <= width and 0 <= t <= b <= height for l, t, r, b in (line.bbox for line in sample.drawn))
    drawn = [compact(text) for text in sample.lines]
    for expected in sample.truth:
        assert expected.type in SCORED_FIELDS
        if expected.type is FieldType.TIMESTAMP:
            moment = datetime.fromisoformat(expected.value)
            shown = f"{moment:%H:%M}" if "T" in expected.value else str(moment.day)
            assert any(shown in line for line in drawn), (sample.name, expected)
            assert expected.reference in ("", *REFERENCE_SOURCES)
        elif expected.type is FieldType.AMOUNT:
            assert re.fullmatch(r"-?\d+\.\d{2}", expected.value)
            assert expected.role in ("", *AmountRole)
            shown_numbers = {Decimal(n) for line in drawn for n in re.findall(r"\d+(?:\.\d+)?", line)}
            assert abs(Decimal(expected.value)) in shown_numbers, (sample.name, expected)
        else:
            assert any(compact(expected.value) in line for line in drawn), (sample.name, expected)
    for trap in sample.traps:
        assert any(compact(trap.value) in line for line in drawn), (sample.name, trap)


def test_relative_times_name_the_capture_reference_and_full_dates_none() -> None:
    samples = [render(t, seed, 0) for t in TEMPLATES for seed in (1, 2)]
    references = {e.reference for s in samples for e in s.truth if e.type is FieldType.TIMESTAMP}
    captures = {s.capture.source for s in samples}

    assert references <= {"", "page", *captures}
    assert {"filename", "mtime"} <= captures


MOMENT = datetime(2026, 2, 14, 22, 15, 35, tzinfo=CHINA)


@pytest.mark.parametrize(
    ("style", "pattern"),
    [
        pytest.param("android", r"Screenshot_20260214-221535\.png", id="android"),
        pytest.param("miui", r"Screenshot_2026-02-14-22-15-35-\d{3}_com\.jingdong\.app\.mall\.png", id="miui"),
        pytest.param("wechat", r"微信图片_20260214221535\.png", id="wechat-saved"),
        pytest.param("camera", r"IMG_20260214_221535\.png", id="camera"),
        pytest.param("mmexport", r"mmexport1771078535\d{3}\.png", id="mmexport-ms"),
    ],
)
def test_dated_file_names_carry_the_capture_moment(style: str, pattern: str) -> None:
    assert style in DATED_STYLES
    assert re.fullmatch(pattern, dated_name(style, random.Random(1), MOMENT, "jd", ".png"))


def test_capture_reference_matches_what_the_import_chooses() -> None:
    pytest.importorskip("ocr.extract.filenames", reason="the import does not read file names yet")
    from bench.ocr_accuracy import capture_reference

    for index in range(12):
        sample = generate_one(21, index)
        reference, source = capture_reference(sample)
        assert source == sample.capture.source, sample.file_name
        assert abs(datetime.fromisoformat(reference) - sample.reference_time) < timedelta(seconds=1)


def test_cli_writes_images_and_truth(tmp_path: Path) -> None:
    assert main(["--seed", "2", "--count", "3", "--out", str(tmp_path)]) == 0

    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert len(truth) == 3
    assert all((tmp_path / name).is_file() for name in truth)
    assert all(record["fields"] and record["lines"] and record["file_name"] for record in truth.values())


def test_full_screen_shots_fill_a_phone_screen_with_the_truth_of_the_pages_wholly_on_it() -> None:
    pages = generate(1, 48)
    shots = screens(pages, 3, 2400)

    assert len(shots) == 3
    for shot in shots:
        assert Image.open(io.BytesIO(shot.data)).size == (PHONE_WIDTH, 2400)
        assert shot.truth and all(not expected.reference for expected in shot.truth)
    first_page = next(p for p in pages if p.layout == "phone" and not p.dark and p.image.width == PHONE_WIDTH)
    assert set(e for e in first_page.truth if not e.reference) <= set(shots[0].truth)

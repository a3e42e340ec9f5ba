"""The seeded screenshot generator: deterministic, truthful, and usable from the command line."""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from bench.screenshots import KINDS, generate, main
from ocr.types import FieldType


def test_same_seed_same_pixels_and_truth() -> None:
    first, second = generate(3, 4), generate(3, 4)

    assert [s.data for s in first] == [s.data for s in second]
    assert [s.fields for s in first] == [s.fields for s in second]
    assert [s.kind for s in first] == list(KINDS)


def test_every_number_and_amount_in_truth_is_drawn() -> None:
    for sample in generate(5, 8):
        text = re.sub(r"[\s,]", "", "".join(sample.lines))
        for kind, value in sample.fields:
            if kind is FieldType.TIMESTAMP:
                moment = datetime.fromisoformat(value)
                assert moment.utcoffset().total_seconds() == 8 * 3600
                assert moment <= sample.reference_time
                assert f"{moment:%H:%M}" in text
            else:
                assert value.removeprefix("-") in text, (sample.name, kind, value)


def test_cli_writes_images_and_truth(tmp_path: Path) -> None:
    assert main(["--seed", "2", "--count", "3", "--out", str(tmp_path)]) == 0

    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert len(truth) == 3
    assert all((tmp_path / name).is_file() for name in truth)
    assert all(record["fields"] and record["lines"] for record in truth.values())

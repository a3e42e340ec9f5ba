"""Dossiers cut to what an upload form takes: one file, parts of at most N MB, or one file per exhibit.

12315 and the financial regulators' complaint forms accept single files of a few MB (issue #14). A
split keeps the numbering of the whole set: part 2 starts at the 证据N where part 1 stopped, and every
file is a complete, signed dossier of its own exhibits with their originals attached.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import StrEnum
from itertools import accumulate
from pathlib import Path
from typing import Any

from export.errors import DossierTooLarge
from export.from_vault import case_exhibits, export_case
from export.order import ExhibitOrder
from export.request import ExportOptions, ExportResult
from vault.selections import selections
from vault.store import Vault

MEGABYTE = 10**6
"""What upload forms mean by MB, and what --max-size and --split-mb count."""

_PART_OVERHEAD = 200_000
"""Bytes of a dossier beside its exhibits (cover, index, timeline, manifest, fonts, signature): a first guess only."""
_ATTACHED_GROWTH = 1.75
"""A dossier with attachments is about 1.74 times its originals (bench/export.py)."""


class Preset(StrEnum):
    WHOLE = "whole"
    PARTS = "parts"
    EACH = "each"


def part_path(out_path: Path, lang: str, part: int) -> Path:
    label = f"第{part}部分" if lang == "zh" else f"part{part}"
    return out_path.with_name(f"{out_path.stem}-{label}{out_path.suffix}")


def exhibit_path(out_path: Path, lang: str, number: int) -> Path:
    label = f"证据{number:02d}" if lang == "zh" else f"exhibit{number:02d}"
    return out_path.with_name(f"{out_path.stem}-{label}{out_path.suffix}")


def _ordered_ids(vault: Vault, case_id: int, item_ids: Sequence[int] | None, order: ExhibitOrder | str) -> list[int]:
    return list(item_ids) if item_ids is not None else [item.id for item in case_exhibits(vault, case_id, order)]


def _first_guess(sizes: Sequence[int], budget: int, attachments: bool) -> int:
    """How many of the next exhibits probably fit in `budget` (at least one)."""
    growth = _ATTACHED_GROWTH if attachments else 1.0
    total, count = _PART_OVERHEAD, 0
    for size in sizes:
        total += size * growth
        if count and total > budget:
            break
        count += 1
    return max(1, count)


def export_in_parts(
    vault: Vault,
    case_id: int,
    out_path: Path,
    options: ExportOptions,
    part_bytes: int,
    item_ids: Sequence[int] | None = None,
    order: ExhibitOrder | str = ExhibitOrder.MANUAL,
    **export_args: Any,
) -> list[ExportResult]:
    """Consecutive exhibits in parts of at most `part_bytes` each, numbered on from part to part.

    A part that turns out too large gives back its last exhibit to the next part; an exhibit that
    alone exceeds the limit raises DossierTooLarge, naming the limit.
    """
    ids = _ordered_ids(vault, case_id, item_ids, order)
    sizes = {item_id: vault.item(item_id).size for item_id in ids}
    # An item with picked rows prints one exhibit per selection, kept in one part with one original.
    numbers = list(accumulate((max(1, len(selections(vault, i))) for i in ids), initial=1))
    options = replace(options, max_size=part_bytes)
    results: list[ExportResult] = []
    start = 0
    while start < len(ids):
        count = _first_guess([sizes[i] for i in ids[start:]], part_bytes, options.attachments and not options.redact)
        while True:
            chunk = ids[start:start + count]
            try:
                results.append(export_case(vault, case_id, part_path(Path(out_path), options.lang, len(results) + 1),
                                           options, item_ids=chunk, first_exhibit_number=numbers[start],
                                           **export_args))
                break
            except DossierTooLarge:
                if count == 1:
                    raise
                count -= 1
        start += count
    return results


def export_each(
    vault: Vault,
    case_id: int,
    out_path: Path,
    options: ExportOptions,
    item_ids: Sequence[int] | None = None,
    order: ExhibitOrder | str = ExhibitOrder.MANUAL,
    progress: Callable[[int, int], None] | None = None,
    **export_args: Any,
) -> list[ExportResult]:
    """One dossier file per exhibit, its 证据N of the whole set in the file name and on its pages.

    Each selection of an item's rows is an exhibit, so it gets a file of its own, with the original.
    """
    ids = _ordered_ids(vault, case_id, item_ids, order)
    units = [(item_id, {s.id} if s else None) for item_id in ids for s in selections(vault, item_id) or [None]]
    results = []
    for number, (item_id, picked) in enumerate(units, start=1):
        results.append(export_case(vault, case_id, exhibit_path(Path(out_path), options.lang, number), options,
                                   item_ids=[item_id], first_exhibit_number=number, selection_ids=picked,
                                   **export_args))
        if progress:
            progress(number, len(units))
    return results

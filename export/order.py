"""The one rule that numbers exhibits (证据1, 证据2, …), shared by the command line and the GUI.

Numbering by import id in one front end and by time in the other made 证据1 a different file in
each (issue #14). Both call exhibit_order.
"""
from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from vault.china_time import sort_key
from vault.evidence import Item


class ExhibitOrder(StrEnum):
    TIME = "time"  # by 形成时间, the user's date first; undated items last
    IMPORT = "import"  # as imported
    MANUAL = "manual"  # as the user arranged them; items not placed yet follow by time


def exhibit_order(items: Sequence[Item], rule: ExhibitOrder | str, manual: Sequence[int] = ()) -> list[Item]:
    """`items` in the order of `rule`; `manual` is the stored order for ExhibitOrder.MANUAL."""
    rule = ExhibitOrder(rule)
    by_time = sorted(items, key=lambda item: (sort_key(item.event_time()), item.id))
    if rule == ExhibitOrder.IMPORT:
        return sorted(items, key=lambda item: item.id)
    if rule == ExhibitOrder.TIME:
        return by_time
    position = {item_id: index for index, item_id in enumerate(manual)}
    placed = sorted((item for item in items if item.id in position), key=lambda item: position[item.id])
    return placed + [item for item in by_time if item.id not in position]

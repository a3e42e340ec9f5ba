"""`pick` and `records`: choosing the rows of a bill or chat export that the dossier prints.

Rows are named by their number in the original file, as `show` and `records` print them, so a
person can copy them from there (or from a spreadsheet showing the file) into `--rows 3,7,12-14`.
"""
from __future__ import annotations

import argparse
from collections.abc import Iterable

from cli.common import EXIT_OK, Subparsers, UsageError, item_id, open_vault, print_json, row, say, text
from cli.items import print_records
from vault.selections import (
    Selection,
    create_selection,
    delete_selection,
    filter_records,
    row_runs,
    selected_records,
    selections,
    update_selection,
)
from vault.serialize import record_json, selection_json

MAX_RANGE = 1_000_000
"""Rows one range may name: beyond any export's length, and it keeps a typo (1-9999999999) cheap."""


def parse_rows(spec: str) -> list[int]:
    """'3,7,12-14' as [3, 7, 12, 13, 14]; the vault checks that the item has them."""
    picked: list[int] = []
    for part in spec.replace("，", ",").split(","):
        first, dash, last = part.strip().partition("-")
        try:
            start, end = int(first), int(last if dash else first)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{part.strip()!r} is not a row number or range; write rows as 3,7,12-14") from None
        if not 1 <= start <= end or end - start >= MAX_RANGE:
            raise argparse.ArgumentTypeError(f"{part.strip()!r} is not a range of rows from low to high")
        picked.extend(range(start, end + 1))
    return picked


def row_ranges(rows: Iterable[int]) -> str:
    """Ascending rows written back the way --rows takes them: 3,7,12-14."""
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in row_runs(rows))


def _report(selection: Selection, verb: str) -> None:
    say(f"Selection {selection.id} of item {selection.item_id} {verb}: {len(selection.rows)} rows "
        f"({row_ranges(selection.rows)}){' — ' + selection.title if selection.title else ''}")


def _check_combination(args: argparse.Namespace) -> None:
    changes = [name for name in ("rows", "title", "purpose") if getattr(args, name) is not None]
    if (args.list is not None or args.delete is not None) and changes:
        raise UsageError(f"--{changes[0]} makes or changes a pick; it does not go with --list or --delete")
    if args.item is not None and (args.list, args.update, args.delete) != (None, None, None):
        raise UsageError("give the item either first (to make a pick) or after --list, not both; "
                         "--update and --delete take the pick's number")
    if args.json and args.list is None:
        raise UsageError("--json goes with --list")


def cmd_pick(args: argparse.Namespace) -> int:
    _check_combination(args)
    if args.list is not None:
        return _list(args)
    if args.delete is not None:
        with open_vault(args) as vault:
            delete_selection(vault, args.delete)
        say(f"Selection {args.delete} is deleted (the rows stay in the item; recorded in the audit log).")
        return EXIT_OK
    if args.update is not None:
        if args.rows is None and args.title is None and args.purpose is None:
            raise UsageError("nothing to change: give --rows, --title or --purpose")
        with open_vault(args) as vault:
            _report(update_selection(vault, args.update, rows=args.rows, title=args.title, purpose=args.purpose),
                    "changed")
        return EXIT_OK
    if args.item is None or args.rows is None:
        raise UsageError("say which rows of which item: 'evidence-vault pick ITEM --rows 3,7,12-14' "
                         "(row numbers as 'evidence-vault records ITEM' prints them)")
    with open_vault(args) as vault:
        _report(create_selection(vault, args.item, args.rows, args.title or "", args.purpose or ""), "made")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with open_vault(args, read_only=True) as vault:
        found = selections(vault, args.list)
        if args.json:
            print_json([selection_json(s, selected_records(vault, s)) for s in found])
            return EXIT_OK
    for selection in found:
        row(selection.id, len(selection.rows), row_ranges(selection.rows), selection.title or "-",
            selection.purpose or "-")
    return EXIT_OK


def cmd_records(args: argparse.Namespace) -> int:
    with open_vault(args, read_only=True) as vault:
        vault.item(args.id)
        page, matched = filter_records(vault, args.id, args.filter or "", args.offset, args.limit)
        total = vault.record_count(args.id)
    if args.json:
        print_json({"item_id": args.id, "total": total, "matched": matched, "offset": args.offset,
                    "records": [record_json(r) for r in page]})
        return EXIT_OK
    print_records(page)
    say(f"  {matched} of {total} rows match" + (f"; {len(page)} shown from {args.offset + 1}" if page else ""))
    return EXIT_OK


def _row_count(value: str) -> int:
    """A number of rows for --offset and --limit: a whole number, 0 or more."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of rows") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is not a number of rows: 0 or more")
    return number


def register(sub: Subparsers) -> None:
    pick = sub.add_parser(
        "pick", help="pick rows of a bill or chat export as an exhibit of their own (list, change, delete picks)",
        description="Pick rows by their number in the original file; each pick is printed as its own exhibit.")
    pick.add_argument("item", type=item_id, nargs="?", help="the bill or chat item to pick rows of")
    pick.add_argument("--rows", type=parse_rows, help="row numbers and ranges, e.g. 3,7,12-14")
    pick.add_argument("--title", type=text, help="the exhibit's title, e.g. 三笔退款 (default: item title（节选）)")
    pick.add_argument("--purpose", type=text, help="证明目的 printed in the 证据目录")
    action = pick.add_mutually_exclusive_group()
    action.add_argument("--list", type=item_id, metavar="ITEM", help="list the item's picks")
    action.add_argument("--update", type=item_id, metavar="SEL", help="change pick SEL's --rows, --title or --purpose")
    action.add_argument("--delete", type=item_id, metavar="SEL", help="delete pick SEL")
    pick.add_argument("--json", action="store_true", help="with --list: the picks and their rows as JSON")
    pick.set_defaults(func=cmd_pick)

    records = sub.add_parser("records", help="list the rows of a bill or chat export, filtered")
    records.add_argument("id", type=item_id, help="item id")
    records.add_argument("--filter", type=text, metavar="QUERY",
                         help="rows matching a number (whole or part) or text, as search matches them")
    records.add_argument("--offset", type=_row_count, default=0, help="skip this many matching rows")
    records.add_argument("--limit", type=_row_count, default=-1, help="show at most this many rows (default: all)")
    records.add_argument("--json", action="store_true")
    records.set_defaults(func=cmd_records)

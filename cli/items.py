"""`list`, `show`, `search`, `edit`, `delete` and `log`: reading and changing stored evidence."""
from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any

from cli.common import EXIT_OK, Subparsers, UsageError, item_id, open_vault, print_json, row, say, text
from ocr.types import FieldType
from ocr.records import Record
from vault.evidence import KINDS
from vault.selections import selections
from vault.serialize import item_json
from vault.store import Vault
from vault.user_time import normalize_user_time


def _print_summary_row(item: Any) -> None:
    orders = ",".join(item.values(FieldType.ORDER_NO))
    row(item.id, item.kind, item.event_time() or "-", orders or "-", item.original_name)


def _emit_items(vault: Vault, items: Sequence[Any], as_json: bool, query: str | None = None) -> None:
    """Items as rows or JSON; with a search `query`, each carries the records that matched it."""
    full = [vault.item(i.id) for i in items]
    if as_json:
        cases = {c.id: c for c in vault.cases()}
        matched = vault.matching_records(query, [i.id for i in full]) if query else {}
        print_json([item_json(i, cases.get(i.case_id), matched.get(i.id, []) if query else None) for i in full])
    else:
        for item in full:
            _print_summary_row(item)


def cmd_list(args: argparse.Namespace) -> int:
    with open_vault(args, read_only=True) as vault:
        case_id = vault.find_case(args.case).id if args.case else None
        _emit_items(vault, vault.items(case_id), args.json)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with open_vault(args, read_only=True) as vault:
        item = vault.item(args.id)
        if args.json:
            print_json(item_json(item, vault.case(item.case_id), vault.records(item.id), selections(vault, item.id)))
            return EXIT_OK
        say(f"Item {item.id}: {item.original_name} ({item.media_type}, {item.size} bytes)")
        say(f"  case {item.case_id}, kind {item.kind}, SHA-256 {item.sha256}")
        say(f"  imported {item.imported_at}, captured {item.captured_at or '-'}, OCR {item.ocr_state}")
        _print_fields(item)
        print_records(vault.records(item.id))
        if item.note:
            say(f"  note: {item.note}")
        if item.ocr_text:
            print("  --- OCR text ---")
            for line in item.ocr_text.splitlines():
                say("  " + line)
    return EXIT_OK


def _print_fields(item: Any) -> None:
    """One line per field with its id (for 'field add --corrects' and 'field reject').

    A rejection is stored as an empty user value correcting the OCR field (Vault.reject_field):
    the OCR field is shown as rejected, and the empty value itself is not shown.
    """
    rejected = {f.corrects for f in item.fields if f.origin == "user" and f.corrects is not None and not f.normalized}
    for f in item.fields:
        if f.origin == "user" and f.corrects in rejected and not f.normalized:
            continue
        mark = " (rejected)" if f.id in rejected else " (corrected)" if f.superseded else ""
        say(f"  #{f.id:<5} {f.type:<15} {f.normalized}  [{f.origin}]{mark}")


def print_records(records: Sequence[Record]) -> None:
    """One line per bill row or chat message, with its line number in the original file."""
    if records:
        say(f"  --- {len(records)} records ---")
    for r in records:
        if r.sender:
            say(f"  row {r.row:<6} {r.time}  {r.sender}: {r.media or r.text}")
        else:
            say(f"  row {r.row:<6} {r.time}  {r.amount:>10}  {r.counterparty}  {r.transaction_no or '-'}  {r.order_no or '-'}")


def cmd_search(args: argparse.Namespace) -> int:
    with open_vault(args, read_only=True) as vault:
        case_id = vault.find_case(args.case).id if args.case else None
        hits = vault.search(args.query, case_id=case_id)
        _emit_items(vault, hits, args.json, args.query)
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    changes = {
        k: v for k, v in {
            "note": args.note, "kind": args.kind, "title": args.title,
            "purpose": args.purpose, "formed_at": args.formed_at,
        }.items() if v is not None
    }
    if not changes:
        raise UsageError("nothing to change: give --note, --kind, --title, --purpose or --formed-at")
    if "formed_at" in changes:
        try:
            changes["formed_at"] = normalize_user_time(changes["formed_at"])
        except ValueError as e:
            raise UsageError(f"--formed-at: {e}") from e
    with open_vault(args) as vault:
        vault.update_item(args.id, **changes)
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.delete_item(args.id, reason=args.reason or "")
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    with open_vault(args, read_only=True) as vault:
        entries = vault.audit_entries(args.item)
    if args.json:
        print_json([{"seq": e.seq, "at": e.at, "action": e.action, "payload": e.payload,
                     "prev_hash": e.prev_hash, "hash": e.hash} for e in entries])
    else:
        for e in entries:
            row(e.seq, e.at, e.action, json.dumps(e.payload, ensure_ascii=False), e.hash[:16])
    return EXIT_OK


def register(sub: Subparsers) -> None:
    listing = sub.add_parser("list", help="list evidence items")
    listing.add_argument("--case")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list)

    show = sub.add_parser("show", help="show one item with its fields and OCR text")
    show.add_argument("id", type=item_id)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_show)

    search = sub.add_parser("search", help="search by order number or text (Chinese substrings)")
    search.add_argument("query", type=text)
    search.add_argument("--case")
    search.add_argument("--json", action="store_true")
    search.set_defaults(func=cmd_search)

    edit = sub.add_parser("edit", help="edit an item's note, kind, title, 证明目的 or 形成时间")
    edit.add_argument("id", type=item_id)
    edit.add_argument("--note", type=text)
    edit.add_argument("--kind", choices=KINDS)
    edit.add_argument("--title", type=text)
    edit.add_argument("--purpose", type=text)
    edit.add_argument("--formed-at", help="ISO 8601 date or time, e.g. 2026-02-14 or 2026-02-14 22:15")
    edit.set_defaults(func=cmd_edit)

    delete = sub.add_parser("delete", help="delete an item (recorded in the audit log)")
    delete.add_argument("id", type=item_id)
    delete.add_argument("--reason", type=text)
    delete.set_defaults(func=cmd_delete)

    log = sub.add_parser("log", help="show the audit log")
    log.add_argument("--item", type=item_id)
    log.add_argument("--json", action="store_true")
    log.set_defaults(func=cmd_log)

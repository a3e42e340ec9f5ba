"""`field add|reject`: a person's own value for a field, or marking an OCR value wrong."""
from __future__ import annotations

import argparse

from cli.common import EXIT_OK, Subparsers, UsageError, item_id, open_vault, text
from ocr.types import FieldType
from vault.user_time import normalize_user_time


def cmd_field_add(args: argparse.Namespace) -> int:
    value = args.value.strip()
    if not value and args.corrects is not None:
        raise UsageError(
            f"an empty value does not correct field {args.corrects}; to mark it wrong without another value, "
            f"use 'evidence-vault field reject {args.id} {args.corrects}'"
        )
    if not value:
        raise UsageError("the value is empty; give the text the field should hold")
    if args.type == FieldType.TIMESTAMP:
        try:
            value = normalize_user_time(value)
        except ValueError as e:
            raise UsageError(f"timestamp: {e}") from e
    with open_vault(args) as vault:
        print(vault.add_user_field(args.id, args.type, value, corrects=args.corrects, raw=args.value))
    return EXIT_OK


def cmd_field_reject(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.reject_field(args.id, args.field_id, reason=args.reason or "")
    print(f"Field {args.field_id} of item {args.id} is marked wrong (kept, and recorded in the audit log).")
    return EXIT_OK


def register(sub: Subparsers) -> None:
    field = sub.add_parser("field", help="add, correct or reject a field").add_subparsers(
        dest="field_command", required=True
    )
    add = field.add_parser("add", help="add a field; with --corrects, replace an OCR value (both are kept)")
    add.add_argument("id", type=item_id, help="item id")
    add.add_argument("type", choices=tuple(map(str, FieldType)), metavar="TYPE",
                     help=f"one of {', '.join(FieldType)}")
    add.add_argument("value", type=text, help="the value; a timestamp as 2026-02-14 22:15 (ISO 8601)")
    add.add_argument("--corrects", type=item_id, metavar="FIELD_ID")
    add.set_defaults(func=cmd_field_add)
    reject = field.add_parser("reject", help="mark a field read by OCR as wrong (it is kept, superseded)")
    reject.add_argument("id", type=item_id, help="item id")
    reject.add_argument("field_id", type=item_id, metavar="FIELD_ID", help="the field's #id in 'show'")
    reject.add_argument("--reason", type=text)
    reject.set_defaults(func=cmd_field_reject)

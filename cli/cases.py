"""`init` and `case add|list`: a new vault and the disputes in it."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import EXIT_OK, Subparsers, new_passphrase, open_vault, print_json, row, text
from vault.evidence import CASE_DETAIL_COLUMNS
from vault.store import Vault

_CASE_OPTIONS = tuple(column for column in CASE_DETAIL_COLUMNS if column != "title")
"""Every case detail but the title, which `case add` takes as its argument; spelled --case-number etc."""


def cmd_init(args: argparse.Namespace) -> int:
    path = Path(args.vault)
    passphrase = new_passphrase(args.passphrase_file, "EVIDENCE_VAULT_PASSPHRASE", "Vault passphrase: ")
    Vault.create(path, passphrase).close()
    print(f"Created vault {path}. Keep the passphrase safe: it cannot be recovered.")
    return EXIT_OK


def cmd_case_add(args: argparse.Namespace) -> int:
    details = {column: getattr(args, column) for column in _CASE_OPTIONS}
    with open_vault(args) as vault:
        case_id = vault.add_case(args.title, **{k: v for k, v in details.items() if v})
    print(case_id)
    return EXIT_OK


def cmd_case_list(args: argparse.Namespace) -> int:
    with open_vault(args, read_only=True) as vault:
        cases = vault.cases()
        counts = {c.id: len(vault.items(c.id)) for c in cases}
    if args.json:
        print_json([{"id": c.id, "title": c.title, "respondent": c.respondent, "channel": c.channel,
                     "claim": c.claim, "items": counts[c.id]} for c in cases])
    else:
        for c in cases:
            row(c.id, c.title, c.respondent, f"{counts[c.id]} items")
    return EXIT_OK


def register(sub: Subparsers) -> None:
    sub.add_parser("init", help="create a new vault").set_defaults(func=cmd_init)
    case = sub.add_parser("case", help="add or list cases").add_subparsers(dest="case_command", required=True)
    add = case.add_parser("add", help="add a case (a dispute)")
    add.add_argument("title", type=text)
    for column in _CASE_OPTIONS:
        add.add_argument(f"--{column.replace('_', '-')}", type=text)
    add.set_defaults(func=cmd_case_add)
    listing = case.add_parser("list", help="list cases")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_case_list)

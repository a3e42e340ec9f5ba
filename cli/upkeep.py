"""`verify`, `passwd`, `backup` and `restore`: keeping a vault sound, secret and copied."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import EXIT_OK, EXIT_PROBLEMS, Subparsers, UsageError, new_passphrase, open_vault, passphrase, say
from vault import maintenance
from vault.terminal import terminal_safe
from vault.verify import unmerged_journal_warning, verify


def cmd_verify(args: argparse.Namespace) -> int:
    warning = unmerged_journal_warning(Path(args.vault))
    if warning:
        print(f"warning: {terminal_safe(warning.message)}", file=sys.stderr)
    with open_vault(args, read_only=True) as vault:
        problems = verify(vault)
        count = len(vault.items())
        _, head = vault.audit_head()
    if not problems:
        print(f"OK: {count} items, every original matches its SHA-256, audit log intact (head {head}).")
        return EXIT_OK
    print(f"{len(problems)} problem(s) found:")
    for problem in problems:
        say(f"  {problem.where}: {problem.message}")
    return EXIT_PROBLEMS


def cmd_passwd(args: argparse.Namespace) -> int:
    vault = open_vault(args)
    try:
        new = new_passphrase(args.new_passphrase_file, "EVIDENCE_VAULT_NEW_PASSPHRASE", "New passphrase: ")
        reopened = maintenance.change_passphrase(vault, new)
    except BaseException:
        vault.close()  # a failed change leaves the vault as it was: release it
        raise
    reopened.close()
    print("Passphrase changed.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        maintenance.backup(vault, Path(args.out), passphrase(args))
    print(f"Encrypted backup written to {args.out} (same passphrase).")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    folder = Path(args.vault).parent
    if not folder.is_dir():
        raise UsageError(f"the folder {folder} does not exist; create it first or give another --vault")
    kept = maintenance.restore(Path(args.source), Path(args.vault), passphrase(args))
    print(f"Restored {args.vault} from {args.source}.")
    if kept:
        print(f"The previous vault was kept as {kept}.")
    return EXIT_OK


def register(sub: Subparsers) -> None:
    sub.add_parser("verify", help="check every original's SHA-256 and the audit chain").set_defaults(func=cmd_verify)

    passwd = sub.add_parser("passwd", help="change the passphrase")
    passwd.add_argument("--new-passphrase-file")
    passwd.set_defaults(func=cmd_passwd)

    backup = sub.add_parser("backup", help="write an encrypted backup")
    backup.add_argument("out")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="replace the vault with a verified backup (the old one is kept)")
    restore.add_argument("source", metavar="IN")
    restore.set_defaults(func=cmd_restore)

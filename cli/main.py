"""The `evidence-vault` parser: global options, each command module's arguments, and error exits."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cli import (
    cases, check_dossier, dossier, extraction, fields, importing, items, key, selections, timestamp, upkeep,
)
from cli.common import EXIT_USAGE, UsageError
from cli.version import VersionAction
from ocr.errors import OcrError
from vault.database import storage_error
from vault.driver import OperationalError
from vault.errors import VaultError
from vault.paths import default_vault_path
from vault.process import harden_process
from vault.terminal import terminal_safe

COMMAND_MODULES = (
    cases, importing, items, selections, fields, upkeep, extraction, dossier, timestamp, key, check_dossier,
)
"""In the order `--help` lists their commands."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="evidence-vault", description="Encrypted evidence vault (证据保险箱).")
    parser.add_argument("--vault", default=str(default_vault_path()), help="vault file (default: %(default)s)")
    parser.add_argument(
        "--passphrase-file", help="read the passphrase from this file's first line (UTF-8; a BOM is ignored)"
    )
    parser.add_argument("--version", action=VersionAction, help="show the version and the OCR engine and backend in use")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (UsageError, VaultError, OcrError, ValueError) as e:
        print(f"evidence-vault: {terminal_safe(e)}", file=sys.stderr)
        return EXIT_USAGE
    except OperationalError as e:  # busy or disk full outside a transaction, e.g. at a checkpoint
        translated = storage_error(e, Path(args.vault))
        if translated is None:
            raise
        print(f"evidence-vault: {terminal_safe(translated)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("evidence-vault: interrupted; every file imported so far is complete", file=sys.stderr)
        return 130

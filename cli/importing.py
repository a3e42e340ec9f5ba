"""`import` and `ocr`: files become evidence, then their text is read."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import (
    EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Subparsers, UsageError, end_progress, item_id, open_vault,
    print_progress, say,
)
from vault.ingest import DEFAULT_CASE_TITLE
from vault.models import KINDS, ImportStatus
from vault.store import Vault


def _case_for_import(vault: Vault, ref: str | None) -> int:
    """The named case; without a name the only case, created on the first import."""
    if ref:
        return vault.find_case(ref).id
    cases = vault.cases()
    if not cases:
        return vault.add_case(DEFAULT_CASE_TITLE)
    if len(cases) == 1:
        return cases[0].id
    raise UsageError("the vault has several cases; say which with --case (see 'evidence-vault case list')")


def _ocr_and_report(vault: Vault, item_ids: list[int], engine_request: str | None) -> int:
    from vault.ingest import choose_engine, run_ocr  # loads numpy and the engines: only when reading

    engine, warning = choose_engine(engine_request)
    if warning:
        print(warning, file=sys.stderr)
    report = run_ocr(vault, item_ids, engine, progress=print_progress("OCR"))
    end_progress()
    print(f"OCR ({engine}): {len(report.done)} read, {len(report.failed)} failed")
    for failed_id, error in report.failed.items():
        say(f"  item {failed_id}: {error} — retry with 'evidence-vault ocr --retry'")
    return EXIT_PROBLEMS if report.failed else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from vault.ingest import expand_paths, import_paths

    files = expand_paths(Path(p) for p in args.paths)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    with open_vault(args) as vault:
        case_id = _case_for_import(vault, args.case)
        outcomes = import_paths(vault, case_id, files, kind=args.kind, progress=print_progress("Import"))
        end_progress()
        imported = [o for o in outcomes if o.status == ImportStatus.IMPORTED]
        duplicates = [o for o in outcomes if o.status == ImportStatus.DUPLICATE]
        rejected = [o for o in outcomes if o.status == ImportStatus.REJECTED]
        print(f"Imported {len(imported)}, duplicates {len(duplicates)}, rejected {len(rejected)}")
        for o in duplicates:
            say(f"  duplicate: {o.name} (already stored as item {o.item_id})")
        for o in rejected:
            say(f"  rejected: {o.name}: {o.detail}")
        status = EXIT_USAGE if rejected else EXIT_OK
        if imported and not args.no_ocr:
            status = max(status, _ocr_and_report(vault, [o.item_id for o in imported if o.item_id], args.ocr_engine))
    return status


def cmd_ocr(args: argparse.Namespace) -> int:
    from vault.ingest import items_needing_ocr

    with open_vault(args) as vault:
        item_ids = args.items or items_needing_ocr(vault, retry_failed=args.retry)
        if not item_ids:
            print("Nothing to read: every item has OCR text.")
            return EXIT_OK
        return _ocr_and_report(vault, item_ids, args.ocr_engine)


def register(sub: Subparsers) -> None:
    imp = sub.add_parser("import", help="import files or folders as evidence, then OCR them")
    imp.add_argument("paths", nargs="+", metavar="FILE|DIR")
    imp.add_argument("--case", help="case id or title (default: the only case)")
    imp.add_argument("--kind", choices=KINDS)
    imp.add_argument("--no-ocr", action="store_true", help="store only; read later with 'ocr'")
    imp.add_argument("--ocr-engine", choices=("rapidocr", "tesseract"))
    imp.set_defaults(func=cmd_import)

    ocr = sub.add_parser("ocr", help="read items that have no OCR text yet")
    ocr.add_argument("--retry", action="store_true", help="also retry items whose OCR failed")
    ocr.add_argument("--ocr-engine", choices=("rapidocr", "tesseract"))
    ocr.add_argument("--item", dest="items", type=item_id, action="append", help="re-read this item (repeatable)")
    ocr.set_defaults(func=cmd_ocr)

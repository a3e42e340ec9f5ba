"""`export`: the case's dossier PDF."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from cli.common import EXIT_OK, Subparsers, UsageError, item_id, open_vault, read_secret, resolve_case
from cli.timestamp import add_tsa_arguments, tsa_settings


def parse_size(text: str) -> int:
    """'10MB', '500 KB', '2.5M' or plain bytes, as a byte count (1 MB = 1,000,000 bytes, as upload forms mean)."""
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgG]?)[bB]?\s*", text)
    if not match:
        raise UsageError(f"cannot read size {text!r}; write e.g. 10MB or 500KB")
    number, unit = float(match.group(1)), match.group(2).lower()
    return int(number * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[unit])


def cmd_export(args: argparse.Namespace) -> int:
    from export.errors import ExportError  # loads reportlab and pikepdf: only when exporting
    from export.request import ExportOptions

    password = read_secret(args.password_file, "", "", False) if args.password_file else None
    options = ExportOptions(
        lang=args.lang,
        redact=args.redact,
        password=password,
        attachments=not args.no_attachments,
        max_size=parse_size(args.max_size) if args.max_size else None,
        timeline_notes=args.timeline_notes,
    )
    tsa = tsa_settings(args)
    if args.split_mb is not None and args.split_mb <= 0:
        raise UsageError("--split-mb needs a size above 0, e.g. --split-mb 5")
    with open_vault(args) as vault:
        case_id = resolve_case(vault, args.case)
        try:
            results = _export(vault, case_id, Path(args.output), options, args, tsa)
        except ExportError as e:
            raise UsageError(str(e)) from e
    for result in results:
        print(f"Wrote {result.path} ({result.pages} pages, {result.size:,} bytes), SHA-256 {result.sha256}")
        _print_signature(result.signature, str(result.path))
    return EXIT_OK


def _export(vault, case_id: int, out: Path, options, args: argparse.Namespace, tsa) -> list:  # type: ignore[no-untyped-def]
    """One dossier, parts of at most --split-mb, or one file per exhibit (--each)."""
    from export.from_vault import export_case
    from export.presets import MEGABYTE, export_each, export_in_parts

    if args.each:
        return export_each(vault, case_id, out, options, item_ids=args.items, order=args.order, tsa=tsa)
    if args.split_mb is not None:
        return export_in_parts(vault, case_id, out, options, int(args.split_mb * MEGABYTE), item_ids=args.items,
                               order=args.order, tsa=tsa)
    return [export_case(vault, case_id, out, options, item_ids=args.items, tsa=tsa, order=args.order)]


def _print_signature(signature, output: str) -> None:  # export.signing.SignatureOutcome, imported lazily
    from export.signing import TimestampState

    if signature.timestamp == TimestampState.ADDED:
        print("Signed, with an RFC 3161 timestamp (PAdES B-T)")
    elif signature.timestamp == TimestampState.PENDING:
        print(f"Signed; timestamp pending (待加时间戳): {signature.timestamp_problem}. Add it later with "
              f"'evidence-vault timestamp {output} --tsa-url URL'")
    else:
        print("Signed (PAdES B-B); add --tsa-url URL for a trusted timestamp")


def register(sub: Subparsers) -> None:
    export = sub.add_parser("export", help="write the case's dossier PDF")
    export.add_argument("--case", help="case id or title (default: the only case)")
    export.add_argument("-o", "--output", required=True, metavar="PDF")
    export.add_argument("--items", type=item_id, nargs="+", metavar="ID", help="exhibits in this order (default: all)")
    export.add_argument("--lang", choices=("zh", "en"), default="zh")
    export.add_argument("--redact", action="store_true", help="black out ID/bank card and phone numbers")
    export.add_argument("--password-file", help="protect the PDF with the password in this file (AES-256)")
    export.add_argument("--no-attachments", action="store_true", help="do not embed the original files")
    export.add_argument("--max-size", help="keep the PDF under this size, e.g. 10MB (1 MB = 1,000,000 bytes)")
    # The names of export.order.ExhibitOrder, spelled out: importing export loads reportlab and pikepdf.
    export.add_argument("--order", choices=("manual", "time", "import"), default="manual",
                        help="number the exhibits in the order set in the app's export list, the rest by 形成时间 "
                             "(manual, the default and the app's own numbering), only by 形成时间 (time), or by "
                             "import")
    export.add_argument("--timeline-notes", action="store_true", help="put the items' notes into the timeline")
    split = export.add_mutually_exclusive_group()
    split.add_argument("--split-mb", type=float, metavar="N",
                       help="cut the dossier into parts of at most N MB (1 MB = 1,000,000 bytes), numbered on: "
                            "NAME-第1部分.pdf, …, each signed, with its exhibits' originals")
    split.add_argument("--each", action="store_true",
                       help="one dossier file per exhibit, its number in the name: NAME-证据01.pdf, …")
    add_tsa_arguments(export)
    export.set_defaults(func=cmd_export)

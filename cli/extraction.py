"""`extract`: the field extractors on text, without a vault."""
from __future__ import annotations

import argparse
import sys
from datetime import datetime

from cli.common import EXIT_OK, Subparsers, UsageError, print_json, row


def cmd_extract(args: argparse.Namespace) -> int:
    from ocr.extract import ExtractionConfig, extract_text

    text = sys.stdin.read() if args.text == "-" else args.text
    if args.reference:
        try:
            reference = datetime.fromisoformat(args.reference)
        except ValueError as e:
            raise UsageError(f"--reference must be an ISO 8601 time, e.g. 2026-02-14T22:15:00+08:00 ({e})") from e
        if reference.tzinfo is None:
            raise UsageError("--reference needs a time zone, e.g. +08:00")
        config = ExtractionConfig(reference, "explicit")
    else:
        config = ExtractionConfig(datetime.now().astimezone(), "import")
    fields = extract_text(text, config)
    if args.json:
        print_json([
            {"type": str(f.type), "value": f.raw, "normalized": f.normalized,
             "confidence": round(f.confidence, 3), "reference": f.reference or None}
            for f in fields
        ])
    else:
        for f in fields:
            row(f.type, f.normalized, f.raw)
    return EXIT_OK


def register(sub: Subparsers) -> None:
    extract = sub.add_parser("extract", help="run the field extractors on text (one OCR line per line)")
    extract.add_argument("text", metavar="TEXT|-")
    extract.add_argument("--reference", help="ISO 8601 time that partial dates resolve against")
    extract.add_argument("--json", action="store_true")
    extract.set_defaults(func=cmd_extract)

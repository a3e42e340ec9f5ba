"""`check-dossier`: what a recipient runs on a dossier they received; needs no vault and no passphrase."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Subparsers, print_json, say
from cli.timestamp import pdf_password, read_file


def cmd_check_dossier(args: argparse.Namespace) -> int:
    from export.check_report import input_problem_text, report_data, report_lines
    from export.dossier_check import InputProblem, UnusableInput, check_dossier

    path = Path(args.dossier)
    roots = (read_file(args.tsa_root, "--tsa-root"),) if args.tsa_root else ()
    certificate = read_file(args.cert, "--cert") if args.cert else None
    password = pdf_password(args)
    try:
        try:
            check = check_dossier(path, password, roots, certificate)
        except UnusableInput as e:
            if e.reason != InputProblem.PASSWORD_NEEDED or not sys.stdin.isatty():
                raise
            check = check_dossier(path, getpass.getpass("PDF password: "), roots, certificate)
    except UnusableInput as e:
        print(f"evidence-vault: {input_problem_text(e.reason, args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as e:
        print(f"evidence-vault: cannot read {path}: {e.strerror}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print_json(report_data(check))
    else:
        for line in report_lines(check, args.lang):
            say(line)
    return EXIT_OK if check.ok else EXIT_PROBLEMS


def register(sub: Subparsers) -> None:
    check = sub.add_parser("check-dossier", help="check a received dossier's signature, timestamps and attachments")
    check.add_argument("dossier", metavar="DOSSIER.pdf")
    check.add_argument("--tsa-root", metavar="CA.pem", help="the CA its time stamping authority must chain to")
    check.add_argument("--cert", metavar="CERT.pem", help="the signing certificate the sender gave you")
    check.add_argument("--password-file", help="the PDF password, when it has one (else asked for)")
    check.add_argument("--json", action="store_true")
    check.add_argument("--lang", choices=("zh", "en"), default="zh")
    check.set_defaults(func=cmd_check_dossier)

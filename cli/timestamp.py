"""`timestamp`: add an RFC 3161 document timestamp to a signed dossier later; the TSA options export shares."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import EXIT_OK, Subparsers, UsageError, open_vault, read_secret


def add_tsa_arguments(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """--tsa-url and its companions; no address is built in (issue #15): the user names a TSA."""
    parser.add_argument("--tsa-url", required=required, metavar="URL",
                        help="RFC 3161 time stamping authority to timestamp the signature with")
    parser.add_argument("--tsa-root", metavar="CA.pem", help="accept only a TSA certificate that chains to this CA")
    parser.add_argument("--tsa-user", metavar="U", help="user name, when the TSA asks for HTTP basic authentication")
    parser.add_argument("--tsa-password-file", metavar="F", help="the TSA password in this file's first line")


def tsa_settings(args: argparse.Namespace):  # -> export.signing.TsaSettings | None (pyHanko loads lazily)
    """The TSA named on the command line, or None."""
    if not args.tsa_url:
        if args.tsa_root or args.tsa_user:
            raise UsageError("--tsa-root and --tsa-user need --tsa-url")
        return None
    from export.signing import TsaSettings

    if not args.tsa_url.startswith(("http://", "https://")):
        raise UsageError(f"--tsa-url must be an http:// or https:// address, not {args.tsa_url!r}")
    roots = (read_file(args.tsa_root, "--tsa-root"),) if args.tsa_root else ()
    password = read_secret(args.tsa_password_file, "", "", False) if args.tsa_password_file else ""
    return TsaSettings(args.tsa_url, roots, args.tsa_user or "", password)


def read_file(path: str, option: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise UsageError(f"cannot read {option} {path}: {e.strerror}") from e


def pdf_password(args: argparse.Namespace) -> str | None:
    return read_secret(args.password_file, "", "", False) if args.password_file else None


def _stamp_and_log(args: argparse.Namespace, path: Path) -> str:
    """Add the timestamp; when the vault exists, log the new SHA-256 there and say what was logged."""
    from export.late_timestamp import timestamp_exported
    from export.signing import add_document_timestamp

    if args.no_log or not Path(args.vault).exists():
        add_document_timestamp(path, tsa_settings(args), pdf_password(args))
        return "The vault's log was not changed."
    with open_vault(args) as vault:
        stamped = timestamp_exported(vault, path, tsa_settings(args), pdf_password(args))
    where = (f"the export of case {stamped.case_id}" if stamped.case_id is not None
             else "no export in the vault's log (the file was not exported from this vault)")
    return f"Logged in the vault: SHA-256 {stamped.previous_sha256} → {stamped.sha256}, matching {where}."


def cmd_timestamp(args: argparse.Namespace) -> int:
    from export.signing import SigningFailed

    path = Path(args.dossier)
    if not path.is_file():
        raise UsageError(f"no file at {path}")
    try:
        logged = _stamp_and_log(args, path)
    except SigningFailed as e:
        raise UsageError(f"no timestamp was added, the file is unchanged: {e}") from e
    print(f"Added an RFC 3161 document timestamp from {args.tsa_url} to {path}")
    print(logged)
    return EXIT_OK


def register(sub: Subparsers) -> None:
    stamp = sub.add_parser("timestamp", help="add a trusted timestamp to a signed dossier later (待加时间戳)")
    stamp.add_argument("dossier", metavar="DOSSIER.pdf")
    add_tsa_arguments(stamp, required=True)
    stamp.add_argument("--password-file", help="the dossier's PDF password, when it has one")
    stamp.add_argument("--no-log", action="store_true",
                       help="do not open the vault to log the dossier's new SHA-256 (logged by default when it exists)")
    stamp.set_defaults(func=cmd_timestamp)

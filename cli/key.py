"""`key show`: the vault's signing certificate, its fingerprint, and the PEM a recipient can trust."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import EXIT_OK, Subparsers, UsageError, open_vault, say


def cmd_key_show(args: argparse.Namespace) -> int:
    from vault.signing_key import signing_identity, stored_identity  # cryptography's x509: 0.03 s at every start

    with open_vault(args, read_only=not args.holder) as vault:
        identity = stored_identity(vault)
        if identity is None:
            if not args.holder:
                raise UsageError("the vault has no signing key yet; the first export makes one, or give "
                                 "--holder NAME to make it now")
            identity = signing_identity(vault, args.holder)
    say(f"Holder: {identity.holder}")
    say(f"SHA-256 fingerprint: {identity.fingerprint}")
    if args.export_cert:
        try:
            Path(args.export_cert).write_bytes(identity.certificate_pem)
        except OSError as e:
            raise UsageError(f"cannot write {args.export_cert}: {e.strerror}") from e
        say(f"Certificate written to {args.export_cert} (public; give it to whoever checks your dossiers)")
    return EXIT_OK


def register(sub: Subparsers) -> None:
    key = sub.add_parser("key", help="the vault's signing key")
    actions = key.add_subparsers(dest="key_command", required=True, metavar="ACTION")
    show = actions.add_parser("show", help="print the signing certificate's fingerprint; export it as PEM")
    show.add_argument("--export-cert", metavar="CERT.pem", help="write the certificate (PEM) to this file")
    show.add_argument("--holder", help="make the key now, for this name, when the vault has none yet")
    show.set_defaults(func=cmd_key_show)

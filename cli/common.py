"""What every command shares: exit codes, argument types, passphrases, opening the vault, printing."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vault.errors import VaultNotFound
from vault.passphrase import read_passphrase_file, require_usable_passphrase
from vault.store import Vault
from vault.terminal import terminal_json, terminal_safe

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
SQLITE_MAX_ID = 2**63 - 1  # SQLite INTEGER is a signed 64-bit number

Subparsers = Any
"""The object `ArgumentParser.add_subparsers` returns; each command module adds its parsers to it."""


class UsageError(Exception):
    """A mistake in how the command was called; exits with code 2."""


def read_secret(path: str | None, env_name: str, prompt: str, confirm: bool) -> str:
    """The secret from a file's first line, else the environment, else a prompt (twice with `confirm`)."""
    if path:
        secret = read_passphrase_file(Path(path))
    elif env_name and os.environ.get(env_name):
        secret = os.environ[env_name]
    elif sys.stdin.isatty():
        secret = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat: ") != secret:
            raise UsageError("the two passphrases differ; nothing was changed")
    else:
        raise UsageError(f"no passphrase: use --passphrase-file F or set {env_name}")
    if not secret:
        raise UsageError("the passphrase is empty")
    return secret


def passphrase(args: argparse.Namespace, confirm: bool = False) -> str:
    return read_secret(args.passphrase_file, "EVIDENCE_VAULT_PASSPHRASE", "Vault passphrase: ", confirm)


def new_passphrase(path: str | None, env_name: str, prompt: str) -> str:
    """A passphrase for a new vault or a passphrase change, held to the rule the app uses too."""
    secret = read_secret(path, env_name, prompt, confirm=True)
    require_usable_passphrase(secret)
    return secret


def item_id(text: str) -> int:
    """An id argument: a positive whole number SQLite can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{terminal_safe(text)!r} is not an id (a whole number such as 3)") from None
    if not 1 <= value <= SQLITE_MAX_ID:
        raise argparse.ArgumentTypeError(f"{terminal_safe(text)} is not an id: ids are 1 to {SQLITE_MAX_ID}")
    return value


def text(value: str) -> str:
    """A text argument; refuses NUL and bytes that are not UTF-8, which SQLite cannot store or match."""
    if "\x00" in value:
        raise argparse.ArgumentTypeError("the text contains a NUL character (\\x00); remove it")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            f"{terminal_safe(value)!r} is not valid UTF-8 text; check the terminal's encoding (it should be UTF-8)"
        ) from None
    return value


def open_vault(args: argparse.Namespace, read_only: bool = False) -> Vault:
    """The vault named on the command line; `read_only` for commands that only read, so that a
    backup or a vault on read-only media is never changed by listing or verifying it."""
    path = Path(args.vault)
    if not path.exists():
        raise VaultNotFound(f"no vault at {path}; create one with 'evidence-vault --vault {path} init'")
    return Vault.open(path, passphrase(args), read_only=read_only)


def resolve_case(vault: Vault, ref: str | None) -> int:
    """The named case; without a name, the only case."""
    if ref:
        return vault.find_case(ref).id
    cases = vault.cases()
    if len(cases) == 1:
        return cases[0].id
    if not cases:
        raise UsageError("the vault has no case yet; add one with 'evidence-vault case add TITLE'")
    raise UsageError("the vault has several cases; say which with --case (see 'evidence-vault case list')")


def print_json(value: Any) -> None:
    print(terminal_json(value))


def say(line: str) -> None:
    """Print a line that may hold names or OCR text, with control and bidi characters escaped."""
    print(terminal_safe(line))


def row(*cells: object) -> None:
    """Print a tab-separated row; a cell cannot add a tab or a line of its own."""
    print("\t".join(terminal_safe(cell) for cell in cells))


def print_progress(label: str) -> Callable[[int, int, str], None]:
    """A progress callback that redraws one line on a terminal's stderr, and stays quiet elsewhere."""
    def report(done: int, total: int, name: str) -> None:
        if name and sys.stderr.isatty():
            shown = terminal_safe(name)[:40]
            print(f"\r{label} {done}/{total} {shown:<40}", end="", file=sys.stderr, flush=True)

    return report


def end_progress() -> None:
    """Finish the progress line so the next output starts on a line of its own."""
    if sys.stderr.isatty():
        print(file=sys.stderr)

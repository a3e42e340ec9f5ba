"""The one passphrase rule both front ends share: how a passphrase is normalised, read and judged.

Unicode lets the same visible text arrive in different code point sequences: macOS input methods
and some clipboards give NFD (e + combining accent), Windows and Linux usually NFC. Keying
SQLCipher with the bytes as typed would make them different passphrases, so the key is always
derived from the NFC form (Unicode Standard Annex #15). Vaults created before this rule with a
non-NFC passphrase still open: `key_candidates` offers the other forms after NFC.
"""
from __future__ import annotations

import codecs
import unicodedata
from enum import StrEnum
from pathlib import Path

from vault.errors import UnreadablePassphraseFile, WeakPassphrase

MIN_PASSPHRASE_LENGTH = 8


class PassphraseProblem(StrEnum):
    """Why a new passphrase is refused; front ends word each one in their own language."""

    EMPTY = "empty"
    BLANK = "blank"
    TOO_SHORT = "too_short"


def normalize_passphrase(passphrase: str) -> str:
    """The form the key is derived from: Unicode NFC."""
    return unicodedata.normalize("NFC", passphrase)


def key_candidates(passphrase: str) -> tuple[str, ...]:
    """Forms to try when opening, each once: NFC, then for older vaults the text as typed and NFD.

    NFD covers a vault made before this rule on a Mac (whose input gives NFD) and opened elsewhere.
    """
    forms = (normalize_passphrase(passphrase), passphrase, unicodedata.normalize("NFD", passphrase))
    return tuple(dict.fromkeys(forms))


def passphrase_problem(passphrase: str) -> PassphraseProblem | None:
    """What is wrong with a passphrase chosen for a new vault or a passphrase change, if anything."""
    normalized = normalize_passphrase(passphrase)
    if not normalized:
        return PassphraseProblem.EMPTY
    if not normalized.strip():
        return PassphraseProblem.BLANK
    if len(normalized) < MIN_PASSPHRASE_LENGTH:
        return PassphraseProblem.TOO_SHORT
    return None


_PROBLEM_TEXT = {
    PassphraseProblem.EMPTY: "the passphrase is empty",
    PassphraseProblem.BLANK: "the passphrase is only spaces or other blank characters",
    PassphraseProblem.TOO_SHORT: f"the passphrase is too short: use at least {MIN_PASSPHRASE_LENGTH} characters",
}


def require_usable_passphrase(passphrase: str) -> None:
    """Raise WeakPassphrase when `passphrase_problem` finds something; nothing is created then."""
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise WeakPassphrase(problem, _PROBLEM_TEXT[problem])


def read_passphrase_file(path: Path) -> str:
    """The first line of a UTF-8 text file, without its line ending or a leading byte order mark.

    Notepad saves UTF-8 with a BOM (EF BB BF); a second line (a note to oneself) is not part of it.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise UnreadablePassphraseFile(f"cannot read passphrase file {path}: {e.strerror or e}") from e
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UnreadablePassphraseFile(
            f"the passphrase file {path} is not UTF-8 text (byte {e.start + 1} cannot be read); "
            "save it as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)"
        ) from e
    return text.split("\n", 1)[0].removesuffix("\r")

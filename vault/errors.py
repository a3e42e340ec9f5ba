"""Errors the vault raises; each says what is wrong in terms a caller can act on."""
from __future__ import annotations

from enum import StrEnum


class VaultError(Exception):
    """Base class for every expected vault failure."""


class WrongPassphrase(VaultError):
    """The passphrase does not open this vault (or the file is not a vault at all)."""


class NotAVault(VaultError):
    """The file is not an Evidence Vault (e.g. plain SQLite, empty, or another format)."""


class DamagedVault(VaultError):
    """The file is a vault but damaged (truncated or corrupted pages)."""


class VaultTooNew(VaultError):
    """The vault was written by a newer version of the program."""


class VaultExists(VaultError):
    """Refusing to overwrite an existing file when creating a vault."""


class CannotWrite(VaultError):
    """A file the vault was asked to write (a backup) cannot be created there."""


class VaultNotFound(VaultError):
    """No vault file at the given path."""


class Rejection(StrEnum):
    """Why an input file cannot become evidence: stable codes stored in outcomes and keyed by the
    front ends' own texts (app/texts.py); the detail beside it is English for the CLI and logs."""

    EMPTY_FILE = "empty_file"
    TOO_LARGE = "too_large"
    TOO_MANY_PIXELS = "too_many_pixels"
    UNREADABLE_IMAGE = "unreadable_image"
    DAMAGED_IMAGE = "damaged_image"
    DAMAGED_PDF = "damaged_pdf"
    EMPTY_PDF = "empty_pdf"
    TOO_MANY_PAGES = "too_many_pages"
    PDF_TOO_MANY_PIXELS = "pdf_too_many_pixels"
    EXTREME_ASPECT_RATIO = "extreme_aspect_ratio"
    UNSUPPORTED_TYPE = "unsupported_type"
    TEXT_FILE = "text_file"
    NOT_A_FILE = "not_a_file"
    UNREADABLE = "unreadable"
    # A bill, chat, e-invoice or archive of one that cannot be read (ocr.records.RecordProblem, same values).
    UNKNOWN_TABLE = "unknown_table"
    UNDECODABLE_TEXT = "undecodable_text"
    NO_ROWS = "no_rows"
    PASSWORD_NEEDED = "password_needed"
    WRONG_PASSWORD = "wrong_password"
    DAMAGED_ARCHIVE = "damaged_archive"
    DAMAGED_SPREADSHEET = "damaged_spreadsheet"
    DAMAGED_OFD = "damaged_ofd"
    DAMAGED_XML = "damaged_xml"
    NOT_AN_INVOICE = "not_an_invoice"


class RejectedFile(VaultError):
    """An input file that cannot become evidence, with its `Rejection` reason."""

    def __init__(self, reason: Rejection, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class NotFound(VaultError):
    """A case, item or field id that does not exist."""


class VaultInUse(VaultError):
    """The vault is open in another window or command, so it cannot be re-keyed or replaced now."""


class VaultReplaced(VaultError):
    """The vault file was replaced (passphrase change or restore elsewhere) while this one had it open."""


class ProtectedPath(VaultError):
    """An output path that would overwrite the vault, its journal, or an original's source file."""


class WeakPassphrase(VaultError):
    """A new passphrase the shared rule refuses; `reason` is a vault.passphrase.PassphraseProblem."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class UnreadablePassphraseFile(VaultError):
    """A passphrase file that is missing, unreadable or not UTF-8 text."""


class VaultBusy(VaultError):
    """Another program kept the vault locked for longer than the busy timeout."""


class DiskFull(VaultError):
    """The disk holding the vault (or a file being written) has no space left."""

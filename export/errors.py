"""Exceptions of the export package, so callers can tell a known failure from a bug."""
from __future__ import annotations


class ExportError(Exception):
    """Base of every error the export package raises on purpose."""


class ExportCancelled(ExportError):
    """The caller's cancel check returned True; no output file was left behind."""


class ExhibitUnreadable(ExportError):
    """An exhibit's original could not be loaded or decoded as an image or PDF."""


class IntegrityMismatch(ExportError):
    """An original's bytes no longer match the SHA-256 recorded in the vault."""


class DossierTooLarge(ExportError):
    """The dossier cannot fit `max_size` without dropping below the legibility floor.

    `smallest_size` is the least it would take; `attachments_alone` says the attached originals
    already exceed the limit, so only exporting without them can help.
    """

    def __init__(self, message: str, smallest_size: int, attachments_alone: bool = False) -> None:
        super().__init__(message)
        self.smallest_size = smallest_size
        self.attachments_alone = attachments_alone


class UnreadForRedaction(ExportError):
    """A redacted export would hold items OCR has not read, whose personal data nothing could mask.

    `reasons` maps each such item id to why it is unread (not read yet, OCR failed, no engine).
    """

    def __init__(self, message: str, reasons: dict[int, str]) -> None:
        super().__init__(message)
        self.reasons = reasons

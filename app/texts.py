"""Translated names for the core's machine values (kinds, field types, rejections, notices, verify findings,
vault errors)."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from ocr.types import AmountRole, FieldType
from vault.china_time import format_time
from vault.errors import (
    CannotWrite, DamagedVault, NotAVault, NotFound, Rejection, VaultExists, VaultNotFound, VaultTooNew,
)
from vault.selections import SelectionProblem, SelectionRefused
from vault.media import MAX_ASPECT_RATIO, MAX_FILE_BYTES, MAX_PDF_PAGES, MAX_PIXELS
from vault.ingest import Notice, NoticeCode
from vault.evidence import KINDS, Problem, ProblemCode, ProblemPart, ProblemPlace


def kind_label(kind: str) -> str:
    labels = {
        "order": QCoreApplication.translate("Labels", "Order"),
        "payment": QCoreApplication.translate("Labels", "Payment / bill"),
        "bill": QCoreApplication.translate("Labels", "Bill export (rows)"),
        "invoice": QCoreApplication.translate("Labels", "Invoice"),
        "chat": QCoreApplication.translate("Labels", "Customer-service chat"),
        "complaint": QCoreApplication.translate("Labels", "Complaint"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }
    return labels.get(kind, kind)


def kind_choices() -> list[tuple[str, str]]:
    """(kind, label) in the core's order, for combo boxes."""
    return [(kind, kind_label(kind)) for kind in KINDS]


def field_label(field_type: str) -> str:
    labels = {
        FieldType.ORDER_NO: QCoreApplication.translate("Labels", "Order number"),
        FieldType.LOGISTICS_NO: QCoreApplication.translate("Labels", "Tracking number"),
        FieldType.TRANSACTION_NO: QCoreApplication.translate("Labels", "Transaction number"),
        FieldType.TICKET_NO: QCoreApplication.translate("Labels", "Ticket number"),
        FieldType.TIMESTAMP: QCoreApplication.translate("Labels", "Time"),
        FieldType.AMOUNT: QCoreApplication.translate("Labels", "Amount"),
        FieldType.PHONE: QCoreApplication.translate("Labels", "Phone"),
        FieldType.AGENT: QCoreApplication.translate("Labels", "Agent"),
        FieldType.AGENT_ID: QCoreApplication.translate("Labels", "Agent ID"),
        FieldType.PLATFORM: QCoreApplication.translate("Labels", "Platform"),
        FieldType.ID_CARD: QCoreApplication.translate("Labels", "ID card number"),
        FieldType.BANK_CARD: QCoreApplication.translate("Labels", "Bank card number"),
        FieldType.INVOICE_CODE: QCoreApplication.translate("Labels", "Invoice code"),
        FieldType.INVOICE_NO: QCoreApplication.translate("Labels", "Invoice number"),
        FieldType.CHECK_CODE: QCoreApplication.translate("Labels", "Invoice check code"),
        FieldType.MACHINE_NO: QCoreApplication.translate("Labels", "Machine number"),
        FieldType.TAX_ID: QCoreApplication.translate("Labels", "Taxpayer ID"),
        FieldType.BANK_ACCOUNT: QCoreApplication.translate("Labels", "Bank account"),
        FieldType.PROMISE: QCoreApplication.translate("Labels", "Agent's promise"),
    }
    return labels.get(field_type, field_type)


def amount_label(role: str) -> str:
    """An amount's label with what it is on its page (实付款, 价税合计), the plain label without a role."""
    roles = {
        AmountRole.PAID: QCoreApplication.translate("Labels", "Paid"),
        AmountRole.ORDER_TOTAL: QCoreApplication.translate("Labels", "Order total"),
        AmountRole.DISCOUNT: QCoreApplication.translate("Labels", "Discount"),
        AmountRole.SHIPPING: QCoreApplication.translate("Labels", "Shipping"),
        AmountRole.REFUND: QCoreApplication.translate("Labels", "Refund"),
        AmountRole.DUE: QCoreApplication.translate("Labels", "Due this period"),
        AmountRole.REPAYMENT: QCoreApplication.translate("Labels", "Repayment"),
        AmountRole.LOAN: QCoreApplication.translate("Labels", "Loan"),
        AmountRole.CREDIT_LIMIT: QCoreApplication.translate("Labels", "Credit limit"),
        AmountRole.TRANSACTION: QCoreApplication.translate("Labels", "Transaction amount"),
        AmountRole.TAX: QCoreApplication.translate("Labels", "Tax"),
        AmountRole.TOTAL_WITH_TAX: QCoreApplication.translate("Labels", "Total with tax"),
        AmountRole.NET: QCoreApplication.translate("Labels", "Amount before tax"),
        AmountRole.UNIT_PRICE: QCoreApplication.translate("Labels", "Unit price"),
    }
    return roles.get(role) or field_label(FieldType.AMOUNT)


FIELD_TYPES = tuple(str(t) for t in FieldType)
"""Field types offered when the user adds a field."""


def short_time(iso: str | None) -> str:
    """China time to the minute in the interface's language: '2024年3月5日 14:03' or '2024-03-05 14:03'.

    The import time is stored in UTC and screen times in +08:00; the app shows both as the dossier
    does (issue #14). A date alone stays a date; text that is no ISO time is shown as it is.
    """
    if not iso:
        return ""
    lang = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
    return format_time(iso, lang, none="", seconds=False)


def rejection_text(reason: str, detail: str) -> str:
    """Why a file was not imported, from the core's reason code; the core's own words if the code is new."""
    texts = {
        Rejection.EMPTY_FILE: QCoreApplication.translate("Labels", "the file is empty (0 bytes)"),
        Rejection.TOO_LARGE: QCoreApplication.translate("Labels", "larger than the limit of %1 MiB").replace(
            "%1", str(MAX_FILE_BYTES // 2**20)),
        Rejection.TOO_MANY_PIXELS: QCoreApplication.translate(
            "Labels", "the image is larger than the limit of %1 megapixels").replace("%1", str(MAX_PIXELS // 10**6)),
        Rejection.UNREADABLE_IMAGE: QCoreApplication.translate("Labels", "the image format is not recognised"),
        Rejection.DAMAGED_IMAGE: QCoreApplication.translate("Labels", "the image is damaged or cut short"),
        Rejection.DAMAGED_PDF: QCoreApplication.translate("Labels", "the PDF is damaged and cannot be read"),
        Rejection.EMPTY_PDF: QCoreApplication.translate("Labels", "the PDF has no pages"),
        Rejection.TOO_MANY_PAGES: QCoreApplication.translate("Labels", "the PDF has more than %1 pages").replace(
            "%1", str(MAX_PDF_PAGES)),
        Rejection.PDF_TOO_MANY_PIXELS: QCoreApplication.translate(
            "Labels", "the PDF's pages together are larger than %1 A4 pages").replace("%1", str(MAX_PDF_PAGES)),
        Rejection.EXTREME_ASPECT_RATIO: QCoreApplication.translate(
            "Labels", "too long and narrow: one side is more than %1 times the other").replace(
            "%1", str(MAX_ASPECT_RATIO)),
        Rejection.UNSUPPORTED_TYPE: QCoreApplication.translate(
            "Labels", "not a supported format (PNG, JPEG, WebP, HEIC, GIF, BMP, TIFF, PDF)"),
        Rejection.TEXT_FILE: QCoreApplication.translate(
            "Labels", "a text file, not an image or PDF (is the file name extension wrong?)"),
        Rejection.NOT_A_FILE: QCoreApplication.translate("Labels", "not a regular file (a folder, device or pipe)"),
        Rejection.UNREADABLE: QCoreApplication.translate("Labels", "cannot be read (no permission, or the file is gone)"),
        Rejection.UNKNOWN_TABLE: QCoreApplication.translate(
            "Labels", "a table, but not a WeChat Pay, Alipay or JD bill or a chat export"),
        Rejection.UNDECODABLE_TEXT: QCoreApplication.translate("Labels", "the text's character set cannot be recognised"),
        Rejection.NO_ROWS: QCoreApplication.translate("Labels", "a bill or chat export in which no row can be read"),
        Rejection.PASSWORD_NEEDED: QCoreApplication.translate("Labels", "the ZIP file needs its password"),
        Rejection.WRONG_PASSWORD: QCoreApplication.translate("Labels", "the password does not open the ZIP file"),
        Rejection.DAMAGED_ARCHIVE: QCoreApplication.translate("Labels", "the ZIP file is damaged or cut short"),
        Rejection.DAMAGED_SPREADSHEET: QCoreApplication.translate("Labels", "the spreadsheet is damaged or cut short"),
        Rejection.DAMAGED_OFD: QCoreApplication.translate("Labels", "the OFD file is damaged or cut short"),
        Rejection.DAMAGED_XML: QCoreApplication.translate("Labels", "the XML file is damaged or cut short"),
        Rejection.NOT_AN_INVOICE: QCoreApplication.translate(
            "Labels", "an OFD or XML file, but not an e-invoice (no invoice number in it)"),
    }
    return texts.get(reason, detail)


def _filled(text: str, values: list[str]) -> str:
    """Qt's numbered placeholders %1, %2 … filled in one pass, so a value that holds '%2' stays as it is."""
    return re.sub(r"%(\d+)", lambda match: values[int(match[1]) - 1], text)


def notice_text(notice: Notice) -> str:
    """What the import workflow wants the person to know, from its notice code and parameters."""
    texts = {
        NoticeCode.ENGINE_REPLACED: QCoreApplication.translate(
            "Labels", "The OCR engine %1 is not installed; %2 read the text instead."),
        NoticeCode.NO_ENGINE: QCoreApplication.translate(
            "Labels", "No OCR engine is installed, so no text was read; the files are stored and can be read later."),
    }
    return _filled(texts[notice.code], [notice.params.get(key, "") for key in ("requested", "used")])


def vault_error_text(error: Exception) -> str:
    """What went wrong with a vault file, in the interface language; other errors keep their own words."""
    texts: dict[type[Exception], str] = {
        VaultNotFound: QCoreApplication.translate("Labels", "there is no vault file at this location"),
        NotAVault: QCoreApplication.translate(
            "Labels", "this file is not an Evidence Vault (perhaps another database or document)"),
        DamagedVault: QCoreApplication.translate(
            "Labels", "the vault file is damaged (cut short or overwritten); restore it from a backup"),
        VaultExists: QCoreApplication.translate("Labels", "a file with that name already exists; choose another name"),
        CannotWrite: QCoreApplication.translate(
            "Labels", "the file cannot be written there (the folder is missing or read-only, or the disk is full)"),
        VaultTooNew: QCoreApplication.translate(
            "Labels", "the vault was written by a newer version of Evidence Vault; update the program"),
    }
    return next((text for kind, text in texts.items() if isinstance(error, kind)), str(error))


def selection_error_text(error: Exception) -> str:
    """Why picked rows could not be stored, in the interface language, by the core's SelectionProblem."""
    if isinstance(error, NotFound):
        return QCoreApplication.translate(
            "Labels", "These picked rows or their exhibit no longer exist (deleted in another window?).")
    problem = error.problem if isinstance(error, SelectionRefused) else None
    if problem in (SelectionProblem.NO_ROWS, SelectionProblem.NOT_ROW_NUMBERS):
        return QCoreApplication.translate("Labels", "Check at least one row.")
    if problem == SelectionProblem.NO_RECORDS:
        return QCoreApplication.translate(
            "Labels", "This exhibit has no rows to pick: only a bill or chat export has them.")
    if problem == SelectionProblem.UNKNOWN_ROWS:
        rows = QCoreApplication.translate("Labels", ", ").join(str(row) for row in error.rows)
        return QCoreApplication.translate("Labels", "The file has no row %1.").replace("%1", rows)
    return QCoreApplication.translate("Labels", "The picked rows could not be stored: %1").replace("%1", str(error))


def problem_place_text(place: ProblemPlace) -> str:
    """Where a verify finding is, e.g. 'exhibit 3 (b.png)' or 'audit log entry 5'."""
    if place.id is None:
        return {
            ProblemPart.FILE: QCoreApplication.translate("Labels", "Vault file"),
            ProblemPart.ITEM: QCoreApplication.translate("Labels", "Exhibits"),
            ProblemPart.CASE: QCoreApplication.translate("Labels", "Cases"),
            ProblemPart.AUDIT_LOG: QCoreApplication.translate("Labels", "Audit log"),
        }[place.part]
    one = {
        ProblemPart.FILE: QCoreApplication.translate("Labels", "page %1 of the vault file"),
        ProblemPart.ITEM: QCoreApplication.translate("Labels", "exhibit %1"),
        ProblemPart.CASE: QCoreApplication.translate("Labels", "case %1"),
        ProblemPart.AUDIT_LOG: QCoreApplication.translate("Labels", "audit log entry %1"),
    }[place.part]
    text = _filled(one, [str(place.id)])
    return _filled(QCoreApplication.translate("Labels", "%1 (%2)"), [text, place.name]) if place.name else text


def problem_text(problem: Problem) -> str:
    """One verify finding, from its code and parameters; SQLCipher's own detail stays as it wrote it."""
    texts = {
        ProblemCode.PAGE_CHECK_FAILED: (QCoreApplication.translate("Labels", "encrypted page check: %1"), ["detail"]),
        ProblemCode.STRUCTURE_DAMAGED: (QCoreApplication.translate("Labels", "database structure: %1"), ["detail"]),
        ProblemCode.FILE_UNREADABLE: (
            QCoreApplication.translate("Labels", "the database cannot be fully read: %1"), ["detail"]),
        ProblemCode.CHECK_UNREADABLE: (
            QCoreApplication.translate("Labels", "cannot be read because the file is damaged: %1"), ["detail"]),
        ProblemCode.ORIGINAL_MISSING: (QCoreApplication.translate("Labels", "the original file is missing"), []),
        ProblemCode.ORIGINAL_CHANGED: (QCoreApplication.translate(
            "Labels", "the original does not match its SHA-256 fingerprint: recorded %1, now %2"),
            ["recorded", "actual"]),
        ProblemCode.THUMBNAIL_MISSING: (QCoreApplication.translate("Labels", "the thumbnail is missing"), []),
        ProblemCode.IMPORT_NOT_LOGGED: (QCoreApplication.translate("Labels", "no import entry in the audit log"), []),
        ProblemCode.HASH_DIFFERS_FROM_LOG: (QCoreApplication.translate(
            "Labels", "the SHA-256 fingerprint differs from the one logged at import (log entry %1)"), ["seq"]),
        ProblemCode.LOG_ENTRY_MISSING: (
            QCoreApplication.translate("Labels", "is missing (the next entry present is %1)"), ["next"]),
        ProblemCode.LOG_ENTRY_OUT_OF_ORDER: (QCoreApplication.translate(
            "Labels", "does not follow the entry before it (deleted or reordered)"), []),
        ProblemCode.LOG_ENTRY_ALTERED: (QCoreApplication.translate(
            "Labels", "(%1) was altered: its hash does not match its content"), ["action"]),
        ProblemCode.LOG_END_DIFFERS: (QCoreApplication.translate(
            "Labels", "the log ends at entry %1 but the vault recorded entry %2 as its newest: entries were "
                      "removed, or part of the file was put back from an older copy"), ["seq", "recorded"]),
        ProblemCode.OLDER_COPY: (QCoreApplication.translate(
            "Labels", "the log ends at entry %1, but this computer has seen entry %2 of this vault: the file is an "
                      "older copy (a sync or backup tool may have put it back)"), ["seq", "seen"]),
        ProblemCode.LOG_REWRITTEN: (QCoreApplication.translate(
            "Labels", "entry %1 differs from the one this computer saw: the log was rewritten"), ["seen"]),
        ProblemCode.ITEM_MISSING: (QCoreApplication.translate(
            "Labels", "the log records its import but the exhibit is missing"), []),
        ProblemCode.ITEM_NOT_DELETED: (QCoreApplication.translate(
            "Labels", "the log records its deletion but the exhibit is still there"), []),
        ProblemCode.ROW_REVERTED: (QCoreApplication.translate(
            "Labels", "%1 differ from the latest change in the audit log: changed outside the app or put back "
                      "from an older copy"), ["columns"]),
        ProblemCode.JOURNAL_IN_USE: (QCoreApplication.translate(
            "Labels", "%1 beside the vault holds changes not yet merged into it: the vault is open in another "
                      "window or command. A copy of the .evault file alone would miss them; make a backup."),
            ["journal"]),
        ProblemCode.JOURNAL_AFTER_CRASH: (QCoreApplication.translate(
            "Labels", "%1 beside the vault holds changes not yet merged into it: the app did not close cleanly. "
                      "They are safe there, but only a backup, not a copy of the .evault file, holds them."),
            ["journal"]),
    }
    text, keys = texts[problem.code]
    return _filled(QCoreApplication.translate("Labels", "%1: %2"), [
        problem_place_text(problem.where), _filled(text, [problem.params.get(key, "") for key in keys])])

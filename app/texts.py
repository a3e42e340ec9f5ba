"""Translated names for the core's machine values (kinds, field types, rejections, vault errors)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ocr.types import FieldType
from vault.errors import CannotWrite, DamagedVault, NotAVault, Rejection, VaultExists, VaultNotFound, VaultTooNew
from vault.media import MAX_ASPECT_RATIO, MAX_FILE_BYTES, MAX_PDF_PAGES, MAX_PIXELS
from vault.ingest import Notice, NoticeCode
from vault.evidence import KINDS


def kind_label(kind: str) -> str:
    labels = {
        "order": QCoreApplication.translate("Labels", "Order"),
        "payment": QCoreApplication.translate("Labels", "Payment / bill"),
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
        "order_no": QCoreApplication.translate("Labels", "Order number"),
        "logistics_no": QCoreApplication.translate("Labels", "Tracking number"),
        "transaction_no": QCoreApplication.translate("Labels", "Transaction number"),
        "ticket_no": QCoreApplication.translate("Labels", "Ticket number"),
        "timestamp": QCoreApplication.translate("Labels", "Time"),
        "amount": QCoreApplication.translate("Labels", "Amount"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "agent": QCoreApplication.translate("Labels", "Agent"),
        "agent_id": QCoreApplication.translate("Labels", "Agent ID"),
        "platform": QCoreApplication.translate("Labels", "Platform"),
        "id_card": QCoreApplication.translate("Labels", "ID card number"),
        "bank_card": QCoreApplication.translate("Labels", "Bank card number"),
        "invoice_code": QCoreApplication.translate("Labels", "Invoice code"),
        "invoice_no": QCoreApplication.translate("Labels", "Invoice number"),
        "check_code": QCoreApplication.translate("Labels", "Invoice check code"),
        "machine_no": QCoreApplication.translate("Labels", "Machine number"),
        "tax_id": QCoreApplication.translate("Labels", "Taxpayer ID"),
        "bank_account": QCoreApplication.translate("Labels", "Bank account"),
        "promise": QCoreApplication.translate("Labels", "Agent's promise"),
    }
    return labels.get(field_type, field_type)


FIELD_TYPES = tuple(str(t) for t in FieldType)
"""Field types offered when the user adds a field."""


def short_time(iso: str | None) -> str:
    """'2024-03-05T14:03:00+08:00' -> '2024-03-05 14:03' for tables; dates stay as they are."""
    if not iso:
        return ""
    return iso[:16].replace("T", " ")


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
    }
    return texts.get(reason, detail)


def notice_text(notice: Notice) -> str:
    """What the import workflow wants the person to know, from its notice code and parameters."""
    texts = {
        NoticeCode.ENGINE_REPLACED: QCoreApplication.translate(
            "Labels", "The OCR engine %1 is not installed; %2 read the text instead."),
        NoticeCode.NO_ENGINE: QCoreApplication.translate(
            "Labels", "No OCR engine is installed, so no text was read; the files are stored and can be read later."),
    }
    text = texts[notice.code]
    for number, key in enumerate(("requested", "used"), start=1):
        text = text.replace(f"%{number}", notice.params.get(key, ""))
    return text


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

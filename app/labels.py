"""Translated names for the core's machine values (kinds, field types, OCR states)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ocr.types import FieldType
from vault.models import KINDS


def kind_label(kind: str) -> str:
    labels = {
        "order": QCoreApplication.translate("Labels", "Order"),
        "payment": QCoreApplication.translate("Labels", "Payment / bill"),
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
    }
    return labels.get(field_type, field_type)


FIELD_TYPES = tuple(str(t) for t in FieldType)
"""Field types offered when the user adds a field."""


def short_time(iso: str | None) -> str:
    """'2024-03-05T14:03:00+08:00' -> '2024-03-05 14:03' for tables; dates stay as they are."""
    if not iso:
        return ""
    return iso[:16].replace("T", " ")

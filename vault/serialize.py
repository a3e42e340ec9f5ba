"""The documented JSON shape of items, shared by `--json` output and scripts."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ocr.records import Record
from vault.evidence import Case, Item
from vault.selections import Selection


def field_json(item: Item) -> list[dict[str, Any]]:
    return [
        {
            "id": f.id,
            "type": f.type,
            "value": f.raw,
            "normalized": f.normalized,
            "origin": f.origin,
            "bbox": list(f.bbox) if f.bbox else None,
            "confidence": round(f.confidence, 3),
            "reference": f.reference or None,
            "role": f.role or None,
            "corrects": f.corrects,
            "superseded": f.superseded,
            "rejects": f.corrects if f.origin == "user" and not f.normalized else None,
        }
        for f in item.fields
    ]


def record_json(record: Record) -> dict[str, Any]:
    """A bill row or chat message: `row` is its line in the original file, `time` ISO 8601 with offset."""
    return {
        "row": record.row, "time": record.time or None, "amount": record.amount or None,
        "direction": str(record.direction) or None, "refunded": record.refunded or None,
        "counterparty": record.counterparty or None, "description": record.description or None,
        "status": record.status or None, "category": record.category or None, "method": record.method or None,
        "order_no": record.order_no or None, "transaction_no": record.transaction_no or None,
        "note": record.note or None, "sender": record.sender or None, "is_me": record.is_me,
        "text": record.text or None, "media": record.media or None,
    }


def selection_json(selection: Selection, records: Sequence[Record] | None = None) -> dict[str, Any]:
    """Rows picked for the dossier; `records` are those rows when the caller read them."""
    return {"id": selection.id, "item_id": selection.item_id, "title": selection.title, "purpose": selection.purpose,
            "rows": list(selection.rows), "created_at": selection.created_at,
            **({"records": [record_json(r) for r in records]} if records is not None else {})}


def item_json(item: Item, case: Case | None = None, records: Sequence[Record] | None = None,
              selections: Sequence[Selection] | None = None) -> dict[str, Any]:
    """An item; `records` are the rows to carry (all for `show`, the matching ones for `search`), and
    `selections` the rows picked of them (for `show`)."""
    return {
        "id": item.id,
        "case": {"id": item.case_id, "title": case.title if case else None},
        "kind": item.kind,
        "sha256": item.sha256,
        "original_name": item.original_name,
        "media_type": item.media_type,
        "size": item.size,
        "imported_at": item.imported_at,
        "captured_at": item.captured_at,
        "source_mtime": item.source_mtime,
        "formed_at": item.event_time(),
        "title": item.title,
        "purpose": item.purpose,
        "note": item.note,
        "ocr_state": item.ocr_state,
        "ocr_engine": item.ocr_engine,
        "ocr_error": item.ocr_error,
        "ocr_text": item.ocr_text,
        "fields": field_json(item),
        **({"records": [record_json(r) for r in records]} if records is not None else {}),
        **({"selections": [selection_json(s) for s in selections]} if selections is not None else {}),
    }

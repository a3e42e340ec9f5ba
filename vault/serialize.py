"""The documented JSON shape of items, shared by `--json` output and scripts."""
from __future__ import annotations

from typing import Any

from vault.evidence import Case, Item


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


def item_json(item: Item, case: Case | None = None) -> dict[str, Any]:
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
    }

"""Every machine value the core hands the GUI has a text of the GUI's own."""
from __future__ import annotations

import pytest

from app.texts import field_label, kind_label, notice_text, rejection_text
from ocr.types import KINDS, FieldType
from vault.errors import Rejection
from vault.ingest import Notice, NoticeCode


@pytest.mark.parametrize("reason", list(Rejection))
def test_every_rejection_reason_has_a_text(reason: Rejection) -> None:
    assert rejection_text(reason, "core detail") != "core detail"


def test_a_notice_is_worded_with_its_parameters() -> None:
    text = notice_text(Notice(NoticeCode.ENGINE_REPLACED, {"requested": "rapidocr", "used": "tesseract"}))
    assert "rapidocr" in text and "tesseract" in text and "%" not in text
    assert notice_text(Notice(NoticeCode.NO_ENGINE))


@pytest.mark.parametrize("field_type", list(FieldType))
def test_every_field_type_has_a_text(field_type: FieldType) -> None:
    assert field_label(field_type) != str(field_type)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_text(kind: str) -> None:
    assert kind_label(kind) != kind

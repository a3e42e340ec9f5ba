"""Every machine value the core hands the GUI has a text of the GUI's own."""
from __future__ import annotations

import pytest

from app.labels import notice_text, rejection_text
from vault.errors import Rejection
from vault.ingest import Notice, NoticeCode


@pytest.mark.parametrize("reason", list(Rejection))
def test_every_rejection_reason_has_a_text(reason: Rejection) -> None:
    assert rejection_text(reason, "core detail") != "core detail"


def test_a_notice_is_worded_with_its_parameters() -> None:
    text = notice_text(Notice(NoticeCode.ENGINE_REPLACED, {"requested": "rapidocr", "used": "tesseract"}))
    assert "rapidocr" in text and "tesseract" in text and "%" not in text
    assert notice_text(Notice(NoticeCode.NO_ENGINE))

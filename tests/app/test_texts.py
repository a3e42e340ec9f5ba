"""Every machine value the core hands the GUI has a text of the GUI's own."""
from __future__ import annotations

import re

import pytest

from app.texts import field_label, kind_label, notice_text, problem_place_text, problem_text, rejection_text
from ocr.types import KINDS, FieldType
from vault.errors import Rejection
from vault.evidence import PROBLEM_ENGLISH, Problem, ProblemCode, ProblemPart, ProblemPlace
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


@pytest.mark.parametrize("code", list(ProblemCode))
def test_every_verify_problem_has_a_text_with_its_parameters(code: ProblemCode) -> None:
    params = {name: f"<{name}>" for name in re.findall(r"{(\w+)}", PROBLEM_ENGLISH[code])}
    problem = Problem(code, ProblemPlace(ProblemPart.AUDIT_LOG, 7), params)
    text = problem_text(problem)
    assert text.startswith("审计日志第 7 条：") and problem.message not in text, "worded in Chinese, not English"
    assert "%" not in text and all(value in text for value in params.values())


@pytest.mark.parametrize("place, text", [
    pytest.param(ProblemPlace(ProblemPart.ITEM, 3, "b.png"), "证据 3（b.png）", id="named-exhibit"),
    pytest.param(ProblemPlace(ProblemPart.CASE, 2), "案件 2", id="case"),
    pytest.param(ProblemPlace(ProblemPart.FILE), "保险箱文件", id="file"),
    pytest.param(ProblemPlace(ProblemPart.ITEM), "证据", id="all-exhibits"),
])
def test_a_problem_place_is_worded_in_chinese(place: ProblemPlace, text: str) -> None:
    assert problem_place_text(place) == text


def test_the_case_form_asks_for_every_case_detail(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.dialogs import CaseDialog
    from vault.evidence import CASE_DETAIL_COLUMNS

    form = CaseDialog(None)
    qtbot.addWidget(form)
    assert sorted(form.inputs) == sorted(CASE_DETAIL_COLUMNS)

from __future__ import annotations

import pytest

from ocr.types import ExtractedField, FieldType, OcrLine
from tests.factories import png_bytes
from vault.search import bigram_document, normalize_query
from vault.store import Vault

TEXTS = {
    "order": ("订单编号：312345678901 实付款 ¥1,299.00 京东自营", "312345678901"),
    "bill": ("京东白条 本期账单 应还金额 ¥356.20 还款日 2026-03-05", None),
    "chat": ("客服小东：您好，退款将在三个工作日内到账", None),
}


@pytest.fixture
def filled(vault: Vault, case_id: int) -> dict[str, int]:
    ids = {}
    for seed, (name, (text, order_no)) in enumerate(TEXTS.items()):
        item_id = vault.import_bytes(case_id, png_bytes(seed=seed), f"{name}.png").item_id
        fields = [ExtractedField(FieldType.ORDER_NO, order_no, order_no, None, 0.9)] if order_no else []
        vault.store_ocr_result(item_id, "rapidocr", [OcrLine(text, (0, 0, 10, 10), 0.9)], fields)
        ids[name] = item_id
    return ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("312345678901", ["order"], id="exact-order-number"),
        pytest.param("45678", ["order"], id="partial-order-number"),
        pytest.param("3123 4567 8901", ["order"], id="order-number-typed-with-spaces"),
        pytest.param("本期账单", ["bill"], id="chinese-4-chars"),
        pytest.param("白条", ["bill"], id="chinese-2-chars"),
        pytest.param("客服", ["chat"], id="chinese-2-chars-chat"),
        pytest.param("退款", ["chat"], id="chinese-2-chars-refund"),
        pytest.param("京", ["order", "bill"], id="one-char-scan"),
        pytest.param("京东 账单", ["bill"], id="two-terms-and"),
        pytest.param("1,299", ["order"], id="amount-with-comma"),
        pytest.param("不存在的内容", [], id="no-match"),
        pytest.param('"\'()*', [], id="fts-syntax-is-literal"),
    ],
)
def test_search(vault: Vault, filled: dict[str, int], query: str, expected: list[str]) -> None:
    found = {item.id for item in vault.search(query)}
    assert found == {filled[name] for name in expected}


def test_search_sees_notes_and_user_fields(vault: Vault, filled: dict[str, int]) -> None:
    vault.update_item(filled["chat"], note="承诺回电未兑现")
    vault.add_user_field(filled["bill"], "ticket_no", "TS20260214001")
    assert [i.id for i in vault.search("回电")] == [filled["chat"]]
    assert [i.id for i in vault.search("TS20260214001")] == [filled["bill"]]


def test_search_forgets_deleted_items(vault: Vault, filled: dict[str, int]) -> None:
    vault.delete_item(filled["bill"])
    assert vault.search("白条") == [] and vault.search("本期账单") == []


def test_search_filters_by_case(vault: Vault, filled: dict[str, int]) -> None:
    other = vault.add_case("另一个案件")
    assert vault.search("白条", case_id=other) == []


def test_bigram_document_and_query_normalisation() -> None:
    assert bigram_document("京东白条 ab") == "京东 东白 白条 ab"
    assert normalize_query(" 3123-4567 8901  客服 ") == ["312345678901", "客服"]

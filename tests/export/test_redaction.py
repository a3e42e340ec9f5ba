"""Masking of personal numbers in text."""
from __future__ import annotations

import pytest

from export.redaction import mask_text


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("电话13812345678。", "电话138****5678。", id="mobile"),
    pytest.param("Tel 138-1234-5678", "Tel 138****5678", id="mobile-dashed"),
    pytest.param("身份证11010519491231002X", "身份证110***********002X", id="id-card-valid"),
    pytest.param("交易号110105194912310021", "交易号110105194912310021", id="id-card-bad-checksum-kept"),
    pytest.param("卡号 4111 1111 1111 1111", "卡号 ************1111", id="bank-card-luhn"),
    pytest.param("订单号 267279807972", "订单号 267279807972", id="order-number-kept"),
    pytest.param("流水 12345678901234567890123", "流水 12345678901234567890123", id="long-number-kept"),
])
def test_mask_text(text: str, expected: str) -> None:
    assert mask_text(text) == expected


def test_literal_values_are_masked_even_without_a_pattern() -> None:
    assert mask_text("证件 AB1234567", {"AB1234567"}) == "证件 *****4567"

"""Agent names, 工号 and platforms (ocr/extract/agents.py), and the status words that are no names."""
from __future__ import annotations

from datetime import datetime

import pytest

from ocr.extract import ExtractionConfig, extract_text
from ocr.extract.config import SHANGHAI
from ocr.types import FieldType

CONFIG = ExtractionConfig(datetime(2026, 2, 18, 12, 0, tzinfo=SHANGHAI))
WHO = (FieldType.AGENT, FieldType.AGENT_ID, FieldType.PLATFORM)


def who(text: str) -> list[tuple[str, str, str]]:
    return [(f.type.value, f.raw, f.normalized) for f in extract_text(text, CONFIG) if f.type in WHO]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("京东客服小美（工号53218）", [("platform", "京东", "京东"), ("agent", "客服小美", "小美"),
                                             ("agent_id", "53218", "53218")], id="brand-name-and-bracketed-agent-id"),
        pytest.param("客服小美(工号:JD2233)", [("agent", "客服小美", "小美"), ("agent_id", "JD2233", "JD2233")],
                     id="ascii-brackets-with-colon"),
        pytest.param("客服小美【53218】", [("agent", "客服小美", "小美"), ("agent_id", "53218", "53218")],
                     id="bracketed-number-without-label"),
        pytest.param("客服小东 工号：10086", [("agent", "客服小东", "小东"), ("agent_id", "10086", "10086")],
                     id="agent-id-without-brackets"),
        pytest.param("我是京东客服京小智，很高兴为您服务", [("platform", "京东", "京东"), ("agent", "客服京小智", "京小智")],
                     id="self-introduction"),
        pytest.param("售后专员小王为您处理", [("agent", "售后专员小王", "小王")], id="after-sales-specialist"),
        pytest.param("客服经理王芳", [("agent", "客服经理王芳", "王芳")], id="manager-title"),
        pytest.param("客服Amy", [("agent", "客服Amy", "Amy")], id="latin-nickname"),
    ],
)
def test_agents(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert who(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("退款/售后中", id="after-sales-in-progress"),
        pytest.param("客服处理中", id="being-handled"),
        pytest.param("客服审核中", id="under-review"),
        pytest.param("售后已完成", id="completed"),
        pytest.param("售后服务", id="after-sales-service"),
        pytest.param("售后申请 售后进度 售后详情", id="after-sales-pages"),
        pytest.param("客服电话", id="hotline-caption"),
        pytest.param("客服态度很差", id="consumer-sentence"),
        pytest.param("客服一直不回复", id="consumer-complaint"),
        pytest.param("联系客服莫名其妙挂断电话", id="long-run-is-a-sentence"),
    ],
)
def test_no_agent_from_status_words(text: str) -> None:
    assert [entry for entry in who(text) if entry[0] == "agent"] == []

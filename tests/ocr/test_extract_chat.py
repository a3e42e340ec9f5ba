"""classify_kind, parse_chat and agents' promises on realistic line sets from JD screenshots (image width 1080)."""
from __future__ import annotations

from datetime import datetime

import pytest

from ocr.extract import (ChatMessage, ExtractionConfig, classify_kind, extract_fields, extract_text, parse_chat,
                         parse_transcript)
from ocr.extract.config import SHANGHAI
from ocr.types import BBox, FieldType, OcrLine

CONFIG = ExtractionConfig(datetime(2026, 2, 18, 12, 0, tzinfo=SHANGHAI), "exif")
WIDTH = 1080


def rows(*texts_and_boxes: tuple[str, int, int]) -> list[OcrLine]:
    """Lines from (text, left, right), each 40 px high with 40 px between them (separate bubbles)."""
    return [OcrLine(text, (left, 100 + 80 * i, right, 140 + 80 * i), 0.95)
            for i, (text, left, right) in enumerate(texts_and_boxes)]


ORDER_PAGE = rows(("订单详情", 440, 640), ("已完成", 40, 160), ("收货人：张三 138****5678", 40, 600),
                  ("商品总额", 40, 200), ("¥1,299.00", 800, 1040), ("实付款", 40, 160), ("¥1,299.00", 800, 1040),
                  ("订单编号", 40, 200), ("285123456789", 700, 1040), ("下单时间", 40, 200),
                  ("2026-02-14 22:15:35", 640, 1040))
PAYMENT_PAGE = rows(("交易详情", 440, 640), ("-1299.00", 400, 680), ("支付成功", 460, 620),
                    ("付款方式", 40, 200), ("京东白条", 840, 1040), ("交易单号", 40, 200),
                    ("4200001234202602141234567890", 500, 1040), ("交易时间", 40, 200), ("2026-02-14 22:16:02", 640, 1040))
CHAT_PAGE = rows(("昨天 21:03", 440, 640), ("京东客服", 140, 300), ("您好，很高兴为您服务", 140, 560),
                 ("我的订单一直没有发货", 560, 940), ("亲，请提供一下订单号哦", 140, 580),
                 ("285123456789", 680, 940))
COMPLAINT_PAGE = rows(("投诉详情", 440, 640), ("投诉单号：TS20260214001", 40, 700), ("状态：已受理", 40, 400),
                      ("诉求：退款 ¥1,299.00", 40, 600), ("12315 平台转办", 40, 500))


@pytest.mark.parametrize(
    ("lines", "kind"),
    [
        pytest.param(ORDER_PAGE, "order", id="order-detail"),
        pytest.param(PAYMENT_PAGE, "payment", id="payment-detail"),
        pytest.param(rows(("白条账单", 400, 680), ("本期应还 ¥356.20", 40, 600), ("还款日 2月20日", 40, 500)), "payment",
                     id="baitiao-bill"),
        pytest.param(CHAT_PAGE, "chat", id="customer-service-chat"),
        pytest.param(COMPLAINT_PAGE, "complaint", id="complaint-ticket"),
        pytest.param(rows(("天气晴", 40, 300), ("风力 3 级", 40, 300)), "other", id="unrelated"),
        pytest.param([], "other", id="empty"),
    ],
)
def test_classify_kind(lines: list[OcrLine], kind: str) -> None:
    assert classify_kind(lines) == kind


def test_chat_sides_speaker_and_system_time() -> None:
    messages = parse_chat(CHAT_PAGE, WIDTH, CONFIG)
    time = "2026-02-17T21:03+08:00"
    assert [(m.side, m.speaker, m.text, m.time) for m in messages] == [
        ("system", "", "昨天 21:03", time),
        ("agent", "京东客服", "您好，很高兴为您服务", time),
        ("me", "", "我的订单一直没有发货", time),
        ("agent", "京东客服", "亲，请提供一下订单号哦", time),
        ("me", "", "285123456789", time),
    ]


def test_chat_header_with_name_agent_id_and_time() -> None:
    lines = [
        OcrLine("客服小东 工号：10086 22:15", (140, 100, 620, 140), 0.9),
        OcrLine("您好，您的退款已经提交，", (140, 150, 700, 190), 0.9),
        OcrLine("预计3个工作日到账", (140, 195, 520, 235), 0.9),
        OcrLine("星期一 10:20", (440, 300, 640, 340), 0.9),
        OcrLine("还没有到账", (700, 360, 940, 400), 0.9),
    ]
    assert parse_chat(lines, WIDTH, CONFIG) == [
        ChatMessage("agent", "客服小东", "您好，您的退款已经提交，预计3个工作日到账", "2026-02-17T22:15+08:00",
                    (140, 150, 700, 235), "10086"),
        ChatMessage("system", "", "星期一 10:20", "2026-02-16T10:20+08:00", (440, 300, 640, 340)),
        ChatMessage("me", "", "还没有到账", "2026-02-16T10:20+08:00", (700, 360, 940, 400)),
    ]


def test_agent_introducing_itself_names_later_messages() -> None:
    lines = rows(("我是客服小美，工号 JD2233", 140, 700), ("请稍等", 140, 300))
    messages = parse_chat(lines, WIDTH, CONFIG)
    assert [(m.speaker, m.agent_id) for m in messages] == [("客服小美", "JD2233"), ("客服小美", "JD2233")]


def test_chat_without_times_has_none() -> None:
    messages = parse_chat(rows(("在吗", 700, 940)), WIDTH, CONFIG)
    assert [(m.side, m.time) for m in messages] == [("me", None)]


def chat(*bubbles: tuple[str, str]) -> list[OcrLine]:
    """A chat page: a title, an agent's header, the ("agent" | "me", text) bubbles, and the consumer's reply."""
    sides = {"agent": (140, 700), "me": (380, 940)}
    return rows(("在线客服", 440, 640), ("京东客服小美（工号53218） 22:15", 140, 700),
                *((text, *sides[side]) for side, text in bubbles), ("好的", 800, 940))


def promises(lines: list[OcrLine]) -> list[tuple[str, BBox | None]]:
    return [(f.normalized, f.bbox) for f in extract_fields(lines, CONFIG) if f.type is FieldType.PROMISE]


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        pytest.param("您好，3个工作日内退款", "3个工作日内退款", id="refund-within-working-days"),
        pytest.param("预计三个工作日内退款到账哦", "三个工作日内退款到账", id="chinese-numeral-and-chained-acts"),
        pytest.param("24小时内给您回电", "24小时内给您回电", id="call-back"),
        pytest.param("48小时内会有专人联系您", "48小时内会有专人联系您", id="someone-will-contact"),
        pytest.param("好的亲，会为您申请补偿的哦", "会为您申请补偿", id="apply-for-compensation"),
        pytest.param("这边马上为您加急处理", "马上为您加急处理", id="expedite"),
        pytest.param("好的，今天之内给您回电", "今天之内给您回电", id="call-back-today"),
        pytest.param("明天给您发货", "明天给您发货", id="ship-tomorrow"),
    ],
)
def test_agent_promises_become_fields(text: str, promise: str) -> None:
    found = promises(chat(("agent", text)))
    assert [normalized for normalized, _ in found] == [promise]


@pytest.mark.parametrize(
    ("side", "text"),
    [
        pytest.param("me", "你们说3个工作日内退款", id="consumer-quoting-a-promise"),
        pytest.param("me", "请24小时内给我回电", id="consumer-asking"),
        pytest.param("agent", "退款一般需要1-7个工作日", id="agent-explaining-a-rule"),
        pytest.param("agent", "已为您查询到订单", id="agent-reporting-not-promising"),
    ],
)
def test_not_promises(side: str, text: str) -> None:
    assert promises(chat((side, text))) == []


def test_promise_box_covers_its_words_across_wrapped_lines() -> None:
    lines = [
        OcrLine("京东客服小美 22:15", (140, 100, 620, 140), 0.9),
        OcrLine("您好，已提交，预计3个工", (140, 150, 700, 190), 0.9),
        OcrLine("作日内退款", (140, 195, 400, 235), 0.9),
        OcrLine("好的", (800, 300, 940, 340), 0.9),
    ]
    [(normalized, bbox)] = promises(lines)
    assert normalized == "3个工作日内退款"
    assert bbox == (140, 150, 700, 235)


def test_promises_only_on_chat_pages() -> None:
    assert promises(rows(("订单详情", 440, 640), ("订单编号", 40, 200), ("285123456789", 700, 1040),
                         ("预计3个工作日内发货", 40, 600))) == []


def test_bracketed_agent_id_in_a_header_names_the_speaker() -> None:
    messages = parse_chat(chat(("agent", "3个工作日内退款")), WIDTH, CONFIG)
    agent_messages = [(m.speaker, m.agent_id, m.text) for m in messages if m.side == "agent"]
    assert agent_messages == [("客服小美", "53218", "3个工作日内退款")]


TRANSCRIPT = """京东客服小美（工号53218） 2026-02-14 22:15
您好，已为您提交退款
我 2026-02-14 22:16
你们说3个工作日内退款
订单号：285123456789
客服小东 工号：10086 22:19
24小时内给您回电
张三 22:20
好的"""


def test_pasted_transcript_speakers_from_header_lines() -> None:
    messages = parse_transcript([OcrLine(line, None, 1.0) for line in TRANSCRIPT.splitlines()], CONFIG)
    assert [(m.side, m.speaker, m.agent_id, m.text, m.time) for m in messages] == [
        ("agent", "客服小美", "53218", "您好，已为您提交退款", "2026-02-14T22:15+08:00"),
        ("me", "", "", "你们说3个工作日内退款", "2026-02-14T22:16+08:00"),
        ("me", "", "", "订单号：285123456789", "2026-02-14T22:16+08:00"),
        ("agent", "客服小东", "10086", "24小时内给您回电", "2026-02-17T22:19+08:00"),
        ("", "", "", "好的", "2026-02-17T22:20+08:00"),
    ]


@pytest.mark.parametrize(
    ("text", "promises_found"),
    [
        pytest.param("客服小美：好的亲，会为您申请补偿的哦", ["会为您申请补偿"], id="agent-name-prefix"),
        pytest.param("京东客服小美（工号53218）：3个工作日内退款", ["3个工作日内退款"], id="agent-with-id-prefix"),
        pytest.param("商家: 明天给您发货", ["明天给您发货"], id="shop-prefix"),
        pytest.param("我：请24小时内给我回电", [], id="consumer-prefix"),
        pytest.param("张三：48小时内会有专人联系您", [], id="unknown-speaker"),
        pytest.param("48小时内会有专人联系您", [], id="no-speaker-at-all"),
        pytest.param(TRANSCRIPT, ["24小时内给您回电"], id="header-lines"),
        pytest.param("客服小美：稍等\n3个工作日内退款", ["3个工作日内退款"], id="speaker-carries-to-next-line"),
        pytest.param("客服小美：稍等\n订单号：285123456789\n3个工作日内退款", ["3个工作日内退款"],
                     id="a-caption-is-no-speaker"),
    ],
)
def test_promises_in_pasted_chat_text(text: str, promises_found: list[str]) -> None:
    """The CLI's extract reads lines without boxes: the speaker a line names decides whose words they are."""
    found = [f.normalized for f in extract_text(text, CONFIG) if f.type is FieldType.PROMISE]
    assert found == promises_found

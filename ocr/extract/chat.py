"""Customer-service chats read as messages: who said what, and when.

Agents' bubbles hug the left edge, the consumer's the right; short centred lines with a time are
the app's timestamps and date every message that follows until the next one. What an agent
promised ("3个工作日内退款", "24小时内回电", "会为您申请补偿") becomes a `promise` field, so a dossier
can show who promised what and when; the consumer's own words are never promises.

Chat text pasted without boxes (the CLI's `extract`, a copied transcript) has no sides; there the
speaker is what the line names before a colon ("客服小美：…", "我：…"), or a header line of a name and
a time (JD 咚咚 and WeChat exports: "京东客服小美 2026-02-14 22:15" above the message). Lines whose
speaker is not known to be an agent yield no promise.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ocr.extract.agents import find_agents
from ocr.extract.candidates import Candidate, fold_width
from ocr.extract.config import ExtractionConfig
from ocr.extract.labels import CAPTION_WORD
from ocr.extract.layout import narrow_bbox
from ocr.extract.numerals import CHINESE_NUMBER
from ocr.extract.timestamps import find_timestamps
from ocr.types import BBox, ExtractedField, FieldType, OcrLine

_CENTRE_TOLERANCE = 0.1
_SYSTEM_MAX_WIDTH = 0.6
_SAME_BUBBLE_GAP = 0.6
_HEADER_LEFTOVER = re.compile(r"[\s:,()（）【】\[\]|·-]*")

_DEADLINE = (rf"(?:\d{{1,3}}(?:\s*[-~至到]\s*\d{{1,3}})?|{CHINESE_NUMBER}|半)\s*个?\s*(?:工作日|自然日|小时|天|日|分钟|周)"
             rf"\s*(?:之内|以内|内)?|(?:今天|今日|当天|明天|明日|后天)\s*(?:之内|以内|之前|内)?")
_SERVICE_ACT = ("原路退回", "退回", "退还", "退款", "到账", "回电", "致电", "回复", "答复", "联系您", "处理完毕", "处理",
                "审核", "发货", "补发", "寄出", "上门", "取件", "解决", "反馈", "核实", "赔付", "补偿", "恢复")
_PROMISE = re.compile(
    rf"""
      (?P<deadline>{_DEADLINE})\s*(?:会有专人|专人|会|将|就|可以|为您|给您|帮您|与您|完成|左右)*\s*
      (?:{"|".join(_SERVICE_ACT)})+
    | (?:会|将|保证|承诺|马上|立即|尽快)\s*(?:为您|给您|帮您|替您)
      (?:申请|办理|处理|安排|补发|退款|核实|反馈|升级|跟进|加急|催促|登记|补偿|赔付|联系)[^\s,.;!?，。；！？~]{{0,8}}
    """,
    re.VERBOSE,
)
"""A deadline with a service act (3个工作日内退款, 24小时内给您回电, 今天之内给您回电), or a commitment made for the consumer
(会为您申请补偿); an agent merely explaining a rule without an act ("退款需要1-7个工作日") is left out."""
_TRAILING_PARTICLES = "的哦呢呀啊亲吧哈噢喔"
_PROMISE_CONFIDENCE = 0.8


@dataclass(frozen=True)
class ChatMessage:
    """One bubble or system line; `side` is "me", "agent" or "system", `time` is ISO 8601 or None.

    `bbox` is None for a line of pasted text.

    `agent_id` is the 工号 the agent gave, in a header line or in a message, "" when unknown.
    `pieces` are the OCR lines the text was joined from, each with its offset in `text`.
    """

    side: str
    speaker: str
    text: str
    time: str | None
    bbox: BBox | None
    agent_id: str = ""
    pieces: tuple[tuple[int, OcrLine], ...] = field(default=(), compare=False, repr=False)


def parse_chat(lines: Sequence[OcrLine], image_width: int, config: ExtractionConfig) -> list[ChatMessage]:
    """Messages in reading order, with the speaker and the latest system time carried forward."""
    messages: list[ChatMessage] = []
    speaker, agent_id, current_time = "", "", None
    previous_line: OcrLine | None = None
    for line in sorted((line for line in lines if line.bbox is not None), key=lambda l: (l.bbox[1], l.bbox[0])):
        folded = fold_width(line.text)
        times = find_timestamps(folded, config)
        side = _side(line.bbox, image_width)
        if side == "system" and len(line.text) <= 30:
            current_time = times[0].normalized if times else current_time
            messages.append(ChatMessage("system", "", line.text, times[0].normalized if times else None, line.bbox))
            previous_line = None
            continue
        found = find_agents(folded)
        names = [c for c in found if c.type is FieldType.AGENT]
        ids = [c.normalized for c in found if c.type is FieldType.AGENT_ID]
        if side == "agent":
            agent_id = ids[0] if ids else agent_id
            if names and _is_header(folded, found + times):
                speaker = line.text[names[0].start:names[0].end]
                current_time = times[0].normalized if times else current_time
                previous_line = None
                continue
            speaker = speaker or (line.text[names[0].start:names[0].end] if names else "")
        message = ChatMessage(side, speaker if side == "agent" else "", line.text, current_time, line.bbox,
                              agent_id if side == "agent" else "", ((0, line),))
        if previous_line is not None and messages and messages[-1].side == side and _same_bubble(previous_line, line):
            messages[-1] = _merge(messages[-1], message)
        else:
            messages.append(message)
        previous_line = line
    return messages


_SPEAKER_PREFIX = re.compile(r"^\s*(?P<speaker>[^:：\n]{1,24}?)\s*(?:(?<!\d)[:：]|[:：](?!\d))")
"""客服小美：…, 我: …, 京东客服小美（工号53218）：… — a colon between digits is a time, not a speaker's."""
_AGENT_WORDS = ("客服", "商家", "卖家", "店家", "店长", "掌柜", "售后", "专员", "官方")
_CONSUMER_WORDS = ("我", "本人", "用户", "买家", "顾客", "消费者")
_MAX_SPEAKER = 8
_SENTENCE_MARK = re.compile(r"[,.;!?，。；！？、]")


def parse_transcript(lines: Sequence[OcrLine], config: ExtractionConfig) -> list[ChatMessage]:
    """Messages of chat text without boxes, each line one message, the speaker from a prefix or a header line."""
    messages: list[ChatMessage] = []
    side, speaker, agent_id, current_time = "", "", "", None
    for line in lines:
        folded = fold_width(line.text)
        if not folded.strip():
            continue
        times = find_timestamps(folded, config)
        found = find_agents(folded)
        header = _header_speaker(folded, found, times)
        if header is not None:
            if header:
                side, speaker = _speaker_side(header, find_agents(header))
                agent_id = next((c.normalized for c in found if c.type is FieldType.AGENT_ID), "")
            current_time = times[0].normalized if times else current_time
            continue
        prefix = _SPEAKER_PREFIX.match(folded)
        named = find_agents(prefix.group("speaker")) if prefix else []
        # 订单号：… is a caption, not a speaker; 客服小美（工号53218）：… is one.
        if prefix is not None and (any(c.type is FieldType.AGENT for c in named)
                                   or not CAPTION_WORD.search(prefix.group("speaker"))):
            side, speaker = _speaker_side(prefix.group("speaker"), named)
            agent_id = next((c.normalized for c in found if c.type is FieldType.AGENT_ID and c.end <= prefix.end()), "")
        messages.append(ChatMessage(side, speaker if side == "agent" else "", line.text, current_time, None,
                                    agent_id if side == "agent" else "", ((0, line),)))
    return messages


def _header_speaker(text: str, found: list[Candidate], times: list[Candidate]) -> str | None:
    """The speaker a header line names ("" for a bare time, which keeps the speaker), or None for a message.

    A header is a short name followed by a time that ends the line ("我 22:16", "张三 2026-02-14 22:16"),
    or an agent's name with its 工号 and a time or nothing else.
    """
    names = [c for c in found if c.type is FieldType.AGENT]
    if not names and not (times and times[-1].end == len(text.rstrip())):
        return None
    name = text[names[0].start:names[0].end] if names else ""
    # A platform before the name (京东客服小美) is part of the header; one inside it (京东客服) is the name.
    leftover = _leftover(text, [c for c in found + times if c.type is not FieldType.AGENT
                                and not (names and c.end > names[0].start >= c.start)])
    if names:
        return leftover if leftover == name else None
    return None if len(leftover) > _MAX_SPEAKER or _SENTENCE_MARK.search(leftover) else leftover


def _speaker_side(text: str, found: list[Candidate]) -> tuple[str, str]:
    """("agent", name) for a named agent or a shop's role word, ("me", "") for the consumer, else ("", "")."""
    names = [c for c in found if c.type is FieldType.AGENT]
    if names:
        return "agent", text[names[0].start:names[0].end]
    words = text.strip()
    if any(word in words for word in _AGENT_WORDS):
        return "agent", words
    if words in _CONSUMER_WORDS:
        return "me", ""
    return "", ""


def _side(bbox: BBox, image_width: int) -> str:
    left_gap, right_gap = bbox[0], image_width - bbox[2]
    centred = abs(left_gap - right_gap) < _CENTRE_TOLERANCE * image_width
    if centred and bbox[2] - bbox[0] < _SYSTEM_MAX_WIDTH * image_width:
        return "system"
    return "agent" if left_gap < right_gap else "me"


def _is_header(text: str, found: list[Candidate]) -> bool:
    """A line that holds nothing but a name, a 工号 and a time is a speaker header, not a message."""
    return _leftover(text, found) == ""


def _leftover(text: str, found: list[Candidate]) -> str:
    """What remains of `text` without the found values, the word 工号 and the punctuation around them."""
    remaining = list(text)
    for candidate in found:
        remaining[candidate.start:candidate.end] = [" "] * (candidate.end - candidate.start)
    return _HEADER_LEFTOVER.sub("", "".join(remaining).replace("工号", ""))


def _same_bubble(previous: OcrLine, line: OcrLine) -> bool:
    height = previous.bbox[3] - previous.bbox[1]
    return line.bbox[1] - previous.bbox[3] < _SAME_BUBBLE_GAP * height


def _merge(first: ChatMessage, second: ChatMessage) -> ChatMessage:
    """Wrapped lines of one bubble: Chinese joins without a space, Latin words with one."""
    joiner = " " if first.text[-1:].isascii() and second.text[:1].isascii() else ""
    box = (min(first.bbox[0], second.bbox[0]), first.bbox[1], max(first.bbox[2], second.bbox[2]), second.bbox[3])
    pieces = first.pieces + tuple((offset + len(first.text) + len(joiner), line) for offset, line in second.pieces)
    return replace(first, text=first.text + joiner + second.text, bbox=box, pieces=pieces)


def find_promises(lines: Sequence[OcrLine], config: ExtractionConfig) -> list[ExtractedField]:
    """What agents promised on a chat page (the caller classified it), each tied to the box of its words."""
    boxes = [line.bbox for line in lines if line.bbox is not None]
    if boxes:
        # Bubbles keep the same margin on both sides (avatars), so the page is as wide as both edges together.
        messages = parse_chat(lines, min(box[0] for box in boxes) + max(box[2] for box in boxes), config)
    else:
        messages = parse_transcript(lines, config)
    found = []
    for message in messages:
        if message.side != "agent":
            continue
        for match in _PROMISE.finditer(fold_width(message.text)):
            text = message.text[match.start():match.end()].rstrip(_TRAILING_PARTICLES)
            end = match.start() + len(text)
            bbox, confidence = _locate(message, match.start(), end)
            found.append(ExtractedField(FieldType.PROMISE, text, re.sub(r"\s+", "", text), bbox,
                                        round(confidence * _PROMISE_CONFIDENCE, 4)))
    return found


def _locate(message: ChatMessage, start: int, end: int) -> tuple[BBox | None, float]:
    """The union of the boxes of [start, end) over the lines a bubble was joined from, and their lowest confidence."""
    parts = [(narrow_bbox(line, max(start - offset, 0), min(end - offset, len(line.text))), line.confidence)
             for offset, line in message.pieces if offset < end and start < offset + len(line.text)]
    boxes = [box for box, _ in parts if box is not None]
    if not boxes:
        return None, min((confidence for _, confidence in parts), default=1.0)
    union = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return union, min(confidence for _, confidence in parts)

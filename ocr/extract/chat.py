"""Customer-service chats read as messages: who said what, and when.

Agents' bubbles hug the left edge, the consumer's the right; short centred lines with a time are
the app's timestamps and date every message that follows until the next one. What an agent
promised ("3个工作日内退款", "24小时内回电", "会为您申请补偿") becomes a `promise` field, so a dossier
can show who promised what and when; the consumer's own words are never promises.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ocr.extract.agents import find_agents
from ocr.extract.candidates import Candidate, fold_width
from ocr.extract.config import ExtractionConfig
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

    `agent_id` is the 工号 the agent gave, in a header line or in a message, "" when unknown.
    `pieces` are the OCR lines the text was joined from, each with its offset in `text`.
    """

    side: str
    speaker: str
    text: str
    time: str | None
    bbox: BBox
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


def _side(bbox: BBox, image_width: int) -> str:
    left_gap, right_gap = bbox[0], image_width - bbox[2]
    centred = abs(left_gap - right_gap) < _CENTRE_TOLERANCE * image_width
    if centred and bbox[2] - bbox[0] < _SYSTEM_MAX_WIDTH * image_width:
        return "system"
    return "agent" if left_gap < right_gap else "me"


def _is_header(text: str, found: list[Candidate]) -> bool:
    """A line that holds nothing but a name, a 工号 and a time is a speaker header, not a message."""
    remaining = list(text)
    for candidate in found:
        remaining[candidate.start:candidate.end] = [" "] * (candidate.end - candidate.start)
    leftover = "".join(remaining).replace("工号", "")
    return _HEADER_LEFTOVER.fullmatch(leftover) is not None


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
    if not boxes:
        return []
    # Bubbles keep the same margin on both sides (avatars), so the page is as wide as both edges together.
    page_width = min(box[0] for box in boxes) + max(box[2] for box in boxes)
    found = []
    for message in parse_chat(lines, page_width, config):
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

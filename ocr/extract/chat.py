"""Customer-service chats read as messages: who said what, and when.

Agents' bubbles hug the left edge, the consumer's the right; short centred lines with a time are
the app's timestamps and date every message that follows until the next one.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ocr.extract.agents import find_agents
from ocr.extract.candidates import Candidate, fold_width
from ocr.extract.config import ExtractionConfig
from ocr.extract.timestamps import find_timestamps
from ocr.types import BBox, FieldType, OcrLine

_CENTRE_TOLERANCE = 0.1
_SYSTEM_MAX_WIDTH = 0.6
_SAME_BUBBLE_GAP = 0.6
_HEADER_LEFTOVER = re.compile(r"[\s:,()（）【】\[\]|·-]*")


@dataclass(frozen=True)
class ChatMessage:
    """One bubble or system line; `side` is "me", "agent" or "system", `time` is ISO 8601 or None.

    `agent_id` is the 工号 the agent gave, in a header line or in a message, "" when unknown.
    """

    side: str
    speaker: str
    text: str
    time: str | None
    bbox: BBox
    agent_id: str = ""


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
                              agent_id if side == "agent" else "")
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
    return replace(first, text=first.text + joiner + second.text, bbox=box)

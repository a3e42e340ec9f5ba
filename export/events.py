"""The timeline: one event per exhibit, worded from its facts rather than copied from OCR lines.

"2026-01-03 08:47 下单（订单号 …，实付款 ¥989.98）" reads as what happened; the raw OCR line it was
read from ("下单时间2026-01-0308:47") does not. The time is the exhibit's 形成时间, so a date the user
set wins, and the facts are its fields after the user's corrections.
"""
from __future__ import annotations

from collections.abc import Sequence

from export.facts import amount_text
from export.request import Exhibit, ExhibitField, TimelineEvent
from export.texts import Labels
from ocr.records.types import Direction, Record
from ocr.types import AmountRole, FieldType

# What each kind of exhibit states in its event, in this order.
_EVENT_FACTS: dict[str, tuple[tuple[str, str], ...]] = {
    "order": ((FieldType.ORDER_NO, ""), (FieldType.AMOUNT, AmountRole.PAID), (FieldType.AMOUNT, AmountRole.REFUND)),
    "payment": ((FieldType.ORDER_NO, ""), (FieldType.AMOUNT, AmountRole.PAID), (FieldType.AMOUNT, AmountRole.DUE),
                (FieldType.AMOUNT, AmountRole.REFUND), (FieldType.AMOUNT, AmountRole.REPAYMENT),
                (FieldType.AMOUNT, AmountRole.LOAN)),
    "bill": ((FieldType.ORDER_NO, ""), (FieldType.AMOUNT, AmountRole.TRANSACTION)),
    "invoice": ((FieldType.INVOICE_NO, ""), (FieldType.AMOUNT, AmountRole.TOTAL_WITH_TAX)),
    "chat": ((FieldType.ORDER_NO, ""), (FieldType.TICKET_NO, "")),
    "complaint": ((FieldType.TICKET_NO, ""), (FieldType.ORDER_NO, "")),
    "other": ((FieldType.ORDER_NO, ""), (FieldType.TICKET_NO, "")),
}


def _first(fields: Sequence[ExhibitField], field_type: str, role: str = "") -> ExhibitField | None:
    return next((f for f in fields if f.type == field_type and (not role or f.role == role)), None)


def _facts(exhibit: Exhibit, labels: Labels) -> list[str]:
    facts = []
    for field_type, role in _EVENT_FACTS.get(exhibit.kind, _EVENT_FACTS["other"]):
        field = _first(exhibit.fields, field_type, role)
        if field is None:
            continue
        if field_type == FieldType.AMOUNT:
            facts.append(f"{labels.amount_role(role)} {amount_text(field.value, role)}")
        else:
            facts.append(f"{labels.field_type(field_type)} {field.value}")
    return facts


def _promise(exhibit: Exhibit, labels: Labels) -> str:
    """'客服小美（工号53218）承诺 3 个工作日内退款', or '' when no promise was read."""
    promise = _first(exhibit.fields, FieldType.PROMISE)
    if promise is None:
        return ""
    name, number = _first(exhibit.fields, FieldType.AGENT), _first(exhibit.fields, FieldType.AGENT_ID)
    agent = labels.event_agent.format(agent=name.value if name else "").strip()
    if number:
        agent += labels.in_parentheses(labels.event_agent_id.format(id=number.value))
    return labels.event_promise.format(agent=agent, promise=promise.value)


def describe(exhibit: Exhibit, labels: Labels, with_note: bool) -> str:
    """What the exhibit shows happened, in the dossier's language."""
    what = labels.events.get(exhibit.kind) or exhibit.title
    if exhibit.kind == "complaint":
        platform = _first(exhibit.fields, FieldType.PLATFORM)
        what = f"{platform.value} {what}" if platform else what
    text = what + labels.in_parentheses(labels.list_separator.join(_facts(exhibit, labels)))
    promise = _promise(exhibit, labels)
    if promise:
        text += labels.list_separator + promise
    if with_note and exhibit.note.strip():
        text += labels.list_separator + labels.event_note.format(note=exhibit.note.strip())
    return text


MESSAGE_CHARS = 60
"""A chat message longer than this is cut in the timeline; the exhibit prints it whole."""
_DESCRIPTION_CHARS = 20


def _shortened(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def describe_record(record: Record, labels: Labels) -> str:
    """A picked row as what happened: '支付 ¥199.00 给 京东（…，交易单号 …）' or '客服小美：我们会…'."""
    if record.sender or record.text or record.media:
        return labels.record_message.format(sender=record.sender, text=_shortened(record.text or record.media,
                                                                                  MESSAGE_CHARS))
    amount = amount_text(record.amount, AmountRole.REFUND)  # the wording says the direction, not the sign
    if record.direction == Direction.OUT:
        template = labels.record_paid
    elif record.direction == Direction.IN:
        refund = any("退款" in part for part in (record.category, record.description))
        template = labels.record_refund if refund else labels.record_received
    else:  # 不计收支 (said below), or no 收/支 at all, as on an invoice's line
        template = labels.record_other
    what = template.format(amount=amount, counterparty=record.counterparty or labels.none)
    details = [labels.record_neutral] if record.direction == Direction.NEUTRAL else []
    if record.description:
        details.append(_shortened(record.description, _DESCRIPTION_CHARS))
    if record.refunded and record.direction == Direction.OUT:
        details.append(labels.record_refunded.format(amount=amount_text(record.refunded)))
    if record.transaction_no:
        details.append(labels.record_transaction_no.format(number=record.transaction_no))
    elif record.order_no:
        details.append(labels.record_order_no.format(number=record.order_no))
    return what + labels.in_parentheses(labels.list_separator.join(details))


def _exhibit_events(exhibit: Exhibit, number: int, labels: Labels, with_notes: bool) -> list[TimelineEvent]:
    if exhibit.selection_id is not None:  # picked rows are events at their own times; the rest stay out
        timed = [TimelineEvent(r.time, describe_record(r, labels), number) for r in exhibit.records or () if r.time]
        if timed:
            return timed  # else (an invoice's lines have no time) the exhibit is one event, as it would be unpicked
    if not exhibit.formed_at:
        return []
    return [TimelineEvent(exhibit.formed_at, describe(exhibit, labels, with_notes), number)]


def timeline_events(exhibits: Sequence[Exhibit], labels: Labels, with_notes: bool) -> tuple[TimelineEvent, ...]:
    """One event per dated exhibit, or per picked row of a selection, numbered as the exhibits are
    (证据N is exhibits[N-1])."""
    return tuple(event for number, exhibit in enumerate(exhibits, start=1)
                 for event in _exhibit_events(exhibit, number, labels, with_notes))

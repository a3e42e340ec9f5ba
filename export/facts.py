"""The facts of an exhibit a reader looks for, each with its label, duplicates merged.

The index shows a few lines per exhibit: what identifies the dispute (订单号, 工单号), the amounts
whose role the page states (实付款, 退款, 本期应还, …; an amount without a role is noise there) and
what an agent promised. The exhibit caption shows every extracted value, labelled the same way.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal, InvalidOperation

from export.request import ExhibitField
from export.texts import Labels
from vault.china_time import format_time
from ocr.types import AmountRole, FieldType

INDEX_LINES = 5
# Most telling first; amounts are listed by role in _INDEX_ROLES order.
_INDEX_TYPES = (FieldType.ORDER_NO, FieldType.AMOUNT, FieldType.TICKET_NO, FieldType.INVOICE_NO, FieldType.AGENT,
                FieldType.AGENT_ID, FieldType.PROMISE, FieldType.TRANSACTION_NO, FieldType.LOGISTICS_NO)
_INDEX_ROLES = (AmountRole.PAID, AmountRole.REFUND, AmountRole.DUE, AmountRole.TOTAL_WITH_TAX,
                AmountRole.REPAYMENT, AmountRole.LOAN, AmountRole.CREDIT_LIMIT, AmountRole.ORDER_TOTAL)
# Roles whose sign only says which way the money went (a refund printed as -50.00 and as 50.00).
_UNSIGNED_ROLES = frozenset({AmountRole.REFUND, AmountRole.REPAYMENT, AmountRole.DISCOUNT})

Mask = Callable[[str, str], str]


def amount_text(value: str, role: str = "") -> str:
    """'989.98' as '¥989.98'; a refund without its sign."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    if role in _UNSIGNED_ROLES:
        number = abs(number)
    sign = "-" if number < 0 else ""
    return f"{sign}¥{abs(number):.2f}"


def _rank(field: ExhibitField) -> tuple[int, int]:
    type_rank = _INDEX_TYPES.index(field.type) if field.type in _INDEX_TYPES else len(_INDEX_TYPES)
    role_rank = _INDEX_ROLES.index(field.role) if field.role in _INDEX_ROLES else len(_INDEX_ROLES)
    return type_rank, role_rank


def _agent(fields: Iterable[ExhibitField], labels: Labels) -> str:
    """'小美（工号53218）' from an agent's name and id, whichever were read."""
    names = [f.value for f in fields if f.type == FieldType.AGENT]
    ids = [f.value for f in fields if f.type == FieldType.AGENT_ID]
    name = names[0] if names else ""
    if ids:
        number = labels.pair(labels.field_type(FieldType.AGENT_ID), ids[0]) if not name else ids[0]
        return f"{name}{labels.in_parentheses(number)}" if name else number
    return name


def _labelled(fields: Iterable[ExhibitField], labels: Labels, mask: Mask) -> Iterator[tuple[str, str]]:
    """(label, value) per distinct fact; an agent's name and id make one fact."""
    fields = list(fields)
    seen: set[tuple[str, str]] = set()
    for field in fields:
        if field.type in (FieldType.AGENT, FieldType.AGENT_ID):
            label, value = labels.field_type(FieldType.AGENT), _agent(fields, labels)
        elif field.type == FieldType.TIMESTAMP:
            label, value = labels.field_type(field.type), format_time(field.value, labels.lang)
        elif field.type == FieldType.AMOUNT:
            label, value = labels.amount_role(field.role), amount_text(field.value, field.role)
        else:
            label, value = labels.field_type(field.type), mask(field.type, field.value)
        if value and (label, value) not in seen:
            seen.add((label, value))
            yield label, value


def index_facts(fields: Iterable[ExhibitField], labels: Labels, mask: Mask) -> list[str]:
    """At most INDEX_LINES labelled lines for the evidence index."""
    chosen = sorted((f for f in fields if f.type in _INDEX_TYPES
                     and (f.type != FieldType.AMOUNT or f.role in _INDEX_ROLES)), key=_rank)
    return [labels.pair(label, value) for label, value in _labelled(chosen, labels, mask)][:INDEX_LINES]


def caption_facts(fields: Iterable[ExhibitField], labels: Labels, mask: Mask) -> list[str]:
    """Every extracted value, labelled, most telling first."""
    return [labels.pair(label, value) for label, value in _labelled(sorted(fields, key=_rank), labels, mask)]

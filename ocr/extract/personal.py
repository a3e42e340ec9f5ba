"""What counts as personal data in evidence, so a redacted dossier hides it and keeps the evidence.

Masked: people's mobile numbers (13812345678, 138 1234 5678, 138-1234-5678, 138.1234.5678, +86 and
0086 forms, full-width digits), ID card numbers that pass GB 11643-1999, bank card numbers (ISO/IEC
7812: a major industry identifier 3–6 and a Luhn check digit; the last four stay), whatever the
page labels 身份证 or 银行卡, and the complainant's own name, address and phone in any spacing.

Kept, because they are the evidence (issue #10): values the page labels as order, transaction,
ticket, logistics or invoice numbers, tax ids and company accounts. Extraction decides that, and a
labelled candidate wins over a look-alike, so an 11-digit 投诉编号 starting with 1 is no phone and a
19-digit 订单号 no card. Public service numbers (12315, 950618, 400/800 numbers, landlines) are phones
of another kind in phones.py, and only mobiles belong to a person. Amounts and times are kept too.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ocr.extract.candidates import Candidate, fold_width
from ocr.extract.config import SHANGHAI, ExtractionConfig
from ocr.extract.identifiers import is_valid_id_card, passes_luhn
from ocr.extract.phones import find_phones
from ocr.extract.pipeline import find_candidates
from ocr.types import FieldType

NEVER_MASKED = frozenset({
    FieldType.ORDER_NO, FieldType.LOGISTICS_NO, FieldType.TRANSACTION_NO, FieldType.TICKET_NO,
    FieldType.INVOICE_CODE, FieldType.INVOICE_NO, FieldType.CHECK_CODE, FieldType.MACHINE_NO, FieldType.TAX_ID,
    FieldType.BANK_ACCOUNT, FieldType.AGENT_ID, FieldType.AMOUNT, FieldType.TIMESTAMP,
})
"""Field types that are evidence: a value of one of these types is never masked."""

_CARD_TYPES = (FieldType.ID_CARD, FieldType.BANK_CARD)
_MEANING_ONLY = frozenset({FieldType.AMOUNT, FieldType.TIMESTAMP})
# Identifier finders give a labelled value 0.95 and a value typed by its shape alone at most 0.85: only
# a label may keep a look-alike of personal data, never a guess from the digits.
_LABELLED_CONFIDENCE = 0.9
# Where a timestamp sits does not depend on what it resolves against; any fixed reference will do.
_ANY_REFERENCE = ExtractionConfig(datetime(2000, 1, 1, tzinfo=SHANGHAI), "explicit")
# 138.1234.5678: a dot between digit groups is a separator like a dash; 1.50 and 2024.06.18 are not.
_DOTTED_GROUP = re.compile(r"(?<=\d)[.·•](?=\d{3,4}(?!\d))")
_SEPARATORS = re.compile(r"[\s.·•()\-]")
_COUNTRY_PREFIX = re.compile(r"^(?:\+|00)?86(?=1[3-9]\d{9}$)")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_PHONE_NUMBERS = re.compile(r"\+?\d[\d\s.\-()]*\d")
# 16–19 digits with single spaces or dashes between them, not part of a longer number (a word may touch it).
_LONG_RUN = re.compile(r"(?<![0-9A-Za-z*])(?<![0-9*][ -])\d(?:[ -]?\d){14,17}[\dXx](?![0-9A-Za-z*])(?![ -][0-9*])")
# The administrative area (省/市/区/县) is the longest such prefix; 小区, 园区 and the like are the address itself.
_ADDRESS_AREA = re.compile(r"^.{0,12}(?:省|自治区|市|(?<![小社园校街景厂])区|县|旗)")
_MIN_NUMBER = 5
_MIN_WORD = 2


@dataclass(frozen=True, slots=True)
class PersonalSpan:
    """[start, end) of a text is personal data and is shown as `masked`."""

    start: int
    end: int
    masked: str


@dataclass(frozen=True)
class KnownValues:
    """What the vault already knows about a dossier's values, beyond what the text itself shows.

    `kept` are compact values typed as evidence (an order number whose label sat in another box);
    `numbers` are compact personal numbers masked however they are spaced (the complainant's phone,
    values typed id_card or bank_card); `words` pairs the complainant's name and address with their
    masked forms.
    """

    kept: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    words: tuple[tuple[str, str], ...] = ()


def compact(value: str) -> str:
    """`value` without width, separators or a +86/0086 before a mobile: 'ＴＥＬ +86 138-1234' → 'TEL+861381234'."""
    folded = _SEPARATORS.sub("", fold_width(value)).upper()
    return _COUNTRY_PREFIX.sub("", folded)


def is_personal_field(field_type: str, value: str) -> bool:
    """Whether a field holds personal data: an ID or bank card, or a phone that is a mobile."""
    number = compact(value)
    if "*" in number or not number:
        return False
    if field_type in _CARD_TYPES:
        return True
    return field_type == FieldType.PHONE and _MOBILE.fullmatch(number) is not None


def known_values(fields: Iterable[tuple[str, str]], name: str = "", phone: str = "", address: str = "") -> KnownValues:
    """KnownValues from (type, value) pairs of extracted or user fields and the complainant's details."""
    kept, numbers = set(), set()
    for field_type, value in fields:
        if field_type in NEVER_MASKED and field_type not in _MEANING_ONLY:
            kept.add(compact(value))
        elif is_personal_field(field_type, value):
            numbers.add(compact(value))
    # A phone box may hold several numbers or a note ("138 1234 5678（手机）"): each number counts.
    numbers.update(n for n in map(compact, _PHONE_NUMBERS.findall(fold_width(phone))) if len(n) >= _MIN_NUMBER)
    words = [(word, masker(word)) for word, masker in ((name.strip(), mask_name), (address.strip(), mask_address))
             if len(word) >= _MIN_WORD]
    return KnownValues(frozenset(kept - numbers), frozenset(numbers), tuple(words))


def mask_number(value: str) -> str:
    """A personal number masked by what it looks like: 138****5678, 110***********002X, ************1234."""
    number = compact(value)
    if _MOBILE.fullmatch(number):
        return f"{number[:3]}****{number[-4:]}"
    if is_valid_id_card(number):
        return mask_id_card(number)
    return mask_card(number)


def mask_id_card(number: str) -> str:
    """Region and sequence stay, the birth date goes: 110***********002X."""
    number = compact(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_card(number: str) -> str:
    """Only the last four digits stay, as banks print a card; short values are masked whole."""
    number = compact(number)
    kept = 4 if len(number) > 6 else 0
    return "*" * (len(number) - kept) + number[len(number) - kept:]


def mask_name(name: str) -> str:
    """Surname only, as Chinese notices print names: 张三 → 张*."""
    return name[0] + "*" * (len(name) - 1)


def mask_address(address: str) -> str:
    """The area up to the district stays, the street and number go: 北京市海淀区中关村大街1号 → 北京市海淀区*******."""
    area = _ADDRESS_AREA.match(address)
    keep = area.end() if area and area.end() < len(address) else 0
    return address[:keep] + "*" * (len(address) - keep)


def find_personal(text: str, known: KnownValues = KnownValues()) -> list[PersonalSpan]:
    """The personal data in `text`, in order and without overlaps; offsets index `text` itself."""
    view = _DOTTED_GROUP.sub("-", fold_width(text))  # both keep every offset
    candidates = find_candidates(view, _ANY_REFERENCE)
    protected = [c for c in candidates if _protects(c)]
    found = [span for span in _detected(view, candidates)
             if compact(view[span.start:span.end]) not in known.kept
             and not any(c.start <= span.start and span.end <= c.end for c in protected)]
    found += _known_numbers(view, known.numbers) + _known_words(view, known.words)
    return _merged(found)


def mask_personal(text: str, known: KnownValues = KnownValues()) -> str:
    """`text` with its personal data masked, e.g. 电话13812345678 → 电话138****5678."""
    for span in reversed(find_personal(text, known)):
        text = text[:span.start] + span.masked + text[span.end:]
    return text


def _protects(candidate: Candidate) -> bool:
    if candidate.type not in NEVER_MASKED:
        return False
    return candidate.type in _MEANING_ONLY or candidate.confidence >= _LABELLED_CONFIDENCE


def _detected(view: str, candidates: list[Candidate]) -> list[PersonalSpan]:
    """Mobiles, checksummed ID and card numbers, and whatever extraction typed as ID or bank card."""
    spans = [PersonalSpan(p.start, p.end, mask_number(p.normalized)) for p in find_phones(view)
             if _MOBILE.fullmatch(p.normalized)]
    for match in _LONG_RUN.finditer(view):
        number = compact(match.group())
        is_card = number.isdigit() and 16 <= len(number) <= 19 and number[0] in "3456" and passes_luhn(number)
        if is_card or is_valid_id_card(number):
            spans.append(PersonalSpan(match.start(), match.end(), mask_number(number)))
    spans += [PersonalSpan(c.start, c.end, (mask_id_card if c.type == FieldType.ID_CARD else mask_card)(c.normalized))
              for c in candidates if c.type in _CARD_TYPES and "*" not in c.normalized]
    return spans


def _known_numbers(view: str, numbers: Iterable[str]) -> list[PersonalSpan]:
    """Each known number however it is written: separators between any digits, +86/0086 before it."""
    spans = []
    for number in numbers:
        digits = r"[\s.·•()\-]?".join(re.escape(ch) for ch in number)
        pattern = rf"(?<![0-9A-Za-z])(?:(?:\+|00)?\s?86[\s-]?)?{digits}(?![0-9A-Za-z])"
        spans += [PersonalSpan(m.start(), m.end(), mask_number(number))
                  for m in re.finditer(pattern, view, re.IGNORECASE)]
    return spans


def _known_words(view: str, words: Iterable[tuple[str, str]]) -> list[PersonalSpan]:
    spans = []
    for word, masked in words:
        folded = fold_width(word)
        start = view.find(folded)
        while start >= 0:
            spans.append(PersonalSpan(start, start + len(folded), masked))
            start = view.find(folded, start + len(folded))
    return spans


def _merged(spans: list[PersonalSpan]) -> list[PersonalSpan]:
    """Overlapping finds become one span; where they disagree it is masked whole, so nothing shows."""
    merged: list[PersonalSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = PersonalSpan(last.start, span.end, "*" * (span.end - last.start))
            continue
        merged.append(span)
    return merged

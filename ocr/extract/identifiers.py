"""Captioned identifiers (orders, logistics, transactions, tickets, invoice numbers, taxpayer ids, bank
accounts, ID and bank cards), and the few unlabelled shapes that are safe to type.

A caption decides the type and the value's shape only confirms it (formats.py lists the shapes and
their sources). Unlabelled digit runs are typed only when the shape is unambiguous: a checksummed
18-digit number is an ID card, a Luhn-valid 16–19 digit run starting 3–6 a bank card, and the formats
of `find_known_formats`. An unlabelled long digit run is never an order number here: on real pages
it is as often a taxpayer id, an invoice check code, a machine number or a bank account.
"""
from __future__ import annotations

import re
from datetime import date

from ocr.extract.candidates import Candidate
from ocr.extract.formats import find_known_formats
from ocr.extract.labels import LABEL_GAP, LABELS, alternation, unspaced
from ocr.types import FieldType

_ID_TYPES = (FieldType.ORDER_NO, FieldType.LOGISTICS_NO, FieldType.TRANSACTION_NO, FieldType.TICKET_NO,
             FieldType.INVOICE_CODE, FieldType.INVOICE_NO, FieldType.CHECK_CODE, FieldType.MACHINE_NO,
             FieldType.TAX_ID, FieldType.BANK_ACCOUNT, FieldType.ID_CARD, FieldType.BANK_CARD)
_LABEL_TO_TYPE = {label.lower(): field for field in _ID_TYPES for label in LABELS[field]}
_LABELLED = re.compile(rf"(?P<label>{alternation(_LABEL_TO_TYPE)}){LABEL_GAP}", re.IGNORECASE)
_BANK_CARD_SHAPE = r"[\d*]{4}(?:[ -]?[\d*]{4}){2,3}(?:[ -]?[\d*]{1,3})?"
_VALUES: dict[FieldType, re.Pattern[str]] = {
    FieldType.ORDER_NO: re.compile(r"\d{6}-\d{15}(?![\d-])|(?=[A-Za-z0-9_]*\d{6})[A-Za-z0-9_]{8,40}(?![A-Za-z0-9])"),
    FieldType.LOGISTICS_NO: re.compile(r"[A-Za-z]{0,4}\d{8,20}(?![\dA-Za-z])"),
    FieldType.TRANSACTION_NO: re.compile(r"(?=[A-Za-z0-9_]*\d{8})[A-Za-z0-9_]{10,64}(?![A-Za-z0-9])"),
    FieldType.TICKET_NO: re.compile(r"(?=[A-Za-z0-9-]*\d{4})[A-Za-z0-9][A-Za-z0-9-]{4,29}(?![A-Za-z0-9])"),
    FieldType.INVOICE_CODE: re.compile(r"(?:\d{12}|\d{10})(?![\dA-Za-z])"),
    FieldType.INVOICE_NO: re.compile(r"(?:\d{20}|\d{8})(?![\dA-Za-z])"),
    FieldType.CHECK_CODE: re.compile(r"\d{5}(?: ?\d{5}){3}(?!\d)"),
    FieldType.MACHINE_NO: re.compile(r"(?=[A-Za-z0-9]*\d{6})[A-Za-z0-9]{9,20}(?![A-Za-z0-9])"),
    FieldType.TAX_ID: re.compile(r"(?=[A-Za-z0-9]*\d{6})[0-9A-Za-z]{15,20}(?![A-Za-z0-9])"),
    # 开户行及账号: the bank's name, then the account (a company's, printed in groups or not).
    FieldType.BANK_ACCOUNT: re.compile(r"[^\d\n]{0,40}?(?P<v>\d[\d -]{6,32}\d)(?![\d*])"),
    FieldType.ID_CARD: re.compile(r"(?:\d{17}[\dXx]|\d{1,6}\*{4,14}[\dXx*]{1,4})(?![\dA-Za-z*])"),
    FieldType.BANK_CARD: re.compile(rf"{_BANK_CARD_SHAPE}(?![\d*])"),
}
_KEEPS_HYPHENS = frozenset({FieldType.TICKET_NO})
_ALIPAY_TRADE = re.compile(r"20\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])\d{20}")
_PINDUODUO = re.compile(r"\d{6}-\d{15}")
_DIGIT_RUN = re.compile(
    r"(?<![\dA-Za-z*.])(?:\d{17}[Xx]|\d{10,20})(?![\dA-Za-z*])|(?<![\d*])" + _BANK_CARD_SHAPE + r"(?![\d*])"
)
_SPACED_GROUPS = re.compile(r"[\d-]+(?: [\d-]+){1,4}")
_FIXED_LENGTH = (_PINDUODUO, _ALIPAY_TRADE, re.compile(r"4[23]00\d{24}"))
_SPACED_FIELDS = frozenset({FieldType.ORDER_NO, FieldType.TRANSACTION_NO})
_JD_ORDER_ALONE = re.compile(r"\s*(?P<v>[2-9]\d{9,12})\s*")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def find_identifiers(text: str) -> list[Candidate]:
    """Labelled identifiers first (confident), then known formats and checksummed cards (tentative)."""
    found = [c for c in (_labelled(m, text) for m in _LABELLED.finditer(text)) if c is not None]
    found += find_known_formats(text)
    for match in _DIGIT_RUN.finditer(text):
        candidate = _by_shape(match.group(), match.start())
        if candidate is not None:
            found.append(candidate)
    return found


def order_number_alone(text: str) -> Candidate | None:
    """A JD-shaped order number (10–13 digits) that is a box's whole text, for rows of an order list.

    Only the page's kind can make such a run an order number, so the caller decides (pipeline).
    """
    match = _JD_ORDER_ALONE.fullmatch(text)
    if match is None or _MOBILE.fullmatch(match.group("v")):
        return None
    return Candidate(FieldType.ORDER_NO, match.start("v"), match.end("v"), match.group("v"), 0.5)


def is_valid_id_card(number: str) -> bool:
    """GB 11643-1999: a real birth date and the ISO 7064 MOD 11-2 check character."""
    if not re.fullmatch(r"\d{17}[\dX]", number.upper()):
        return False
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def passes_luhn(number: str) -> bool:
    """ISO/IEC 7812 check digit, which every UnionPay, Visa and Mastercard number carries."""
    digits = [int(d) for d in reversed(number)]
    total = sum(digits[0::2]) + sum(sum(divmod(2 * d, 10)) for d in digits[1::2])
    return total % 10 == 0


def _labelled(match: re.Match[str], text: str) -> Candidate | None:
    field = _LABEL_TO_TYPE[unspaced(match.group("label")).lower()]
    spaced = _spaced_fixed_format(text, match.end()) if field in _SPACED_FIELDS else None
    found = None if spaced else _VALUES[field].match(text, match.end())
    if spaced:
        start, end, normalized = spaced
    elif found is None:
        return None
    else:
        group = "v" if "v" in found.re.groupindex else 0
        start, end, raw = found.start(group), found.end(group), found.group(group)
        normalized = raw.upper() if field in _KEEPS_HYPHENS or _PINDUODUO.fullmatch(raw) else \
            re.sub(r"[ -]", "", raw).upper()
    if field is FieldType.ORDER_NO and _ALIPAY_TRADE.fullmatch(normalized):
        field = FieldType.TRANSACTION_NO  # Alipay's 订单号 is its own trade number, not the shop's order
    confidence = 0.95
    if field is FieldType.BANK_CARD:
        confidence = _bank_card_confidence(normalized)
        if confidence == 0.0:
            return None
    elif field is FieldType.ID_CARD and "*" not in normalized and not is_valid_id_card(normalized):
        confidence = 0.7
    return Candidate(field, start, end, normalized, confidence)


def _spaced_fixed_format(text: str, start: int) -> tuple[int, int, str] | None:
    """A number OCR cut with spaces (251 219-523686277 415113), when its groups together make a format
    of fixed length (Pinduoduo, Alipay trade, WeChat Pay transaction); (start, end, value) or None.

    Only such formats are joined: with a free length, the next group could as well be another value.
    """
    run = _SPACED_GROUPS.match(text, start)
    if run is None:
        return None
    groups = run.group().split(" ")
    for count in range(len(groups), 1, -1):
        joined = "".join(groups[:count])
        if any(shape.fullmatch(joined) for shape in _FIXED_LENGTH):
            return start, start + len(" ".join(groups[:count])), joined
    return None


def _bank_card_confidence(number: str) -> float:
    """Masked numbers keep their mask; an unmasked one that fails Luhn is probably misread."""
    digits = number.replace("*", "")
    if len(digits) < 4 or not 16 <= len(number) <= 19:
        return 0.0
    if "*" in number:
        return 0.9
    return 0.95 if passes_luhn(number) else 0.7


def _by_shape(value: str, start: int) -> Candidate | None:
    """Type an unlabelled run as an ID or bank card when its checksum says so; None otherwise."""
    end = start + len(value)
    compact = value.replace(" ", "").replace("-", "")
    if "*" in compact:
        confidence = _bank_card_confidence(compact)
        return Candidate(FieldType.BANK_CARD, start, end, compact, 0.6) if confidence else None
    if is_valid_id_card(compact):
        return Candidate(FieldType.ID_CARD, start, end, compact.upper(), 0.85)
    if not compact.isdigit() or _MOBILE.fullmatch(compact):
        return None
    if 16 <= len(compact) <= 19 and compact[0] in "3456" and passes_luhn(compact):
        return Candidate(FieldType.BANK_CARD, start, end, compact, 0.5)
    return None

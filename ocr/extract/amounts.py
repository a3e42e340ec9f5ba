"""Money amounts in yuan: ¥/￥ prefixes, 元/万元/亿元 suffixes, thousands commas, amounts in
Chinese numerals (壹万贰仟元整 on contracts and receipts, 五百元 and 十块三毛 in chats), bare signed
amounts of bill lists (-194.26, +1,832.17), and refunds.

Normalized as a plain decimal string with two places ("-1299.00"). A refund is negative whether
the screenshot prints a minus sign (-¥99.00) or says so in words (退款 ¥99), so sums over a
dossier come out right. Each amount carries the role its caption gives it (实付款 → paid, 税额 →
tax); a bare signed amount, or the headline of a payment page, is a transaction. Quantities,
percentages, dates and ids are never amounts: a bare number counts only when it is the whole box
and has two decimals (or thousands commas), or when its caption carries the unit (本期应还（元）).
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ocr.extract.candidates import Candidate
from ocr.extract.labels import AMOUNT_ROLES, LABEL_GAP, alternation, names_role, page_role
from ocr.types import AmountRole, FieldType

_DOTTED = r"\d{1,3}(?:\.\d{3})+\.\d{2}(?![\d.])"
"""Thousands commas OCR read as dots (余额3.026.56): only the last dot, before two decimals, is the point."""
_COMMA_POINT = r"\d{1,3}(?:,\d{3})+,\d{2}(?![\d,])"
"""The point OCR read as a comma after thousands groups (余额16,167,20): a last group of two digits is the cents."""
_NUMBER = rf"{_DOTTED}|{_COMMA_POINT}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CAPTION = alternation(AMOUNT_ROLES)
_AMOUNT = re.compile(
    rf"""
      (?P<presign>-\s*)?(?:[¥￥]|RMB|CNY|人民币)\s*(?P<innersign>-\s*)?(?P<prefixed>{_NUMBER})(?:\s*元)?
    | (?<![\d.,])(?P<suffixsign>-\s*)?(?P<suffixed>{_NUMBER})\s*(?P<scale>万|亿)?\s*(?:元|圆)
    | (?:{_CAPTION})(?P<unit>\s*\(元\))?{LABEL_GAP}(?P<labelsign>[+-])?
      (?P<labelled>{_DOTTED}|{_COMMA_POINT}|\d[\d,]*\.\d{{2}}(?![\d.])|(?(unit)\d{{1,3}}(?:,\d{{3}})*(?![\d.,])|(?!)))(?!\s*%)
    | ^\s*(?P<baresign>[+-])?\s*(?P<bare>{_DOTTED}|{_COMMA_POINT}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d{{2}})?|\d+\.\d{{2}})\s*$
    """,
    re.VERBOSE,
)
_ROLE_CAPTION = re.compile(_CAPTION)
_SCALES = {"万": 10_000, "亿": 100_000_000}
_AMOUNT_ALONE = re.compile(
    rf"\s*[+-]?\s*(?:[¥￥]\s*[+-]?\s*(?:{_NUMBER})|{_DOTTED}|\d{{1,3}}(?:,\d{{3}})*\.\d{{2}}|\d+\.\d{{2}})\s*元?\s*")
_CN_DIGITS = {"零": 0, "〇": 0, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
              "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_SMALL_UNITS = {"拾": 10, "佰": 100, "仟": 1000, "十": 10, "百": 100, "千": 1000}
_CN_UNITS = frozenset(_SMALL_UNITS) | frozenset("万萬亿億")
_TRADITIONAL = str.maketrans("萬億貳陸", "万亿贰陆")
_CN_NUMERAL = "".join(_CN_DIGITS) + "".join(_CN_UNITS) + "貳"
_CHINESE_AMOUNT = re.compile(
    rf"""
    (?:(?P<prefix>人民币|大写[:：]?|[(（]大写[)）])\s*)?
    (?P<integer>[{_CN_NUMERAL}]+|(?<![\d.,])\d+)\s*(?P<currency>元|圆|圓|块)
    (?:\s*(?P<jiao>[{"".join(_CN_DIGITS)}]|\d)\s*(?:角|毛))?
    (?:\s*零?\s*(?P<fen>[{"".join(_CN_DIGITS)}]|\d)\s*分)?
    (?P<whole>整|正|钱)?
    """,
    re.VERBOSE,
)
_REFUND = re.compile("退款|已退|退回|退还|退费")
_REFUNDED_AFTER = re.compile(r"\s*(?:已原路|已|原路)(?:退回|退还|退款)")
"""Words right after an amount that say it went back (Pinduoduo's "¥23.80 已退回微信", Meituan's "已原路退回")."""
_REPAYMENT = re.compile("还款|已还")
_MONEY_FLOW = re.compile(r"(?:(?P<debit>扣款|支出|转出|消费|扣费)|收入|存入|转入|入账)\s*(?:人民币|RMB|CNY)?\s*$")
"""A bank SMS's 扣款人民币1,664.77元 is money leaving the account: negative, a transaction."""
_AMOUNT_LABEL_BEFORE = re.compile(rf"(?:{_CAPTION})(?:\s*\(元\))?{LABEL_GAP}$")


def find_amounts(text: str, kind: str = "", hint: str = "", implied_sign: str = "") -> list[Candidate]:
    """Every amount in `text` with its role on a page of `kind`.

    A 退款 before an amount (and after the previous one), or 已退回 right after it, makes it negative.
    The role comes from the last caption between the previous amount and this one when that caption
    names one (实付款), else from `hint` (what the layout says, e.g. the headline of a payment page,
    a refund row of a bill list, which is negative too, or the 还款 row of a statement table), else
    from a caption whose meaning depends on the page (金额), else a bare signed amount is a transaction. `implied_sign` is the sign the layout says an amount has
    when none is printed (a headline whose minus OCR lost).
    """
    found: list[Candidate] = []
    for start, end, value, sign, confidence in sorted(_digit_amounts(text) + _chinese_amounts(text)):
        sign = sign or implied_sign
        # Readings of one amount overlap (123元 and 123元1角1分): look back to the last amount before it.
        previous_end = max((c.end for c in found if c.end <= start), default=0)
        flow = _MONEY_FLOW.search(text, previous_end, start)
        captions = [m.group() for m in _ROLE_CAPTION.finditer(text, previous_end, start)]
        refunded_after = _REFUNDED_AFTER.match(text, end) is not None
        refund = _REFUND.search(text, previous_end, start) or refunded_after or (
            not captions and hint == AmountRole.REFUND.value)
        if sign == "-" or refund or (flow and flow.group("debit")):
            value = -value
        caption_role = page_role(captions[-1], kind) if captions else ""
        named = caption_role if captions and names_role(captions[-1]) else ""
        after = AmountRole.REFUND.value if refunded_after and not captions else ""
        role = named or after or hint or caption_role or (AmountRole.TRANSACTION.value if sign or flow else "")
        if not role and kind == "invoice" and _follows_net_sum(found, text, previous_end, start):
            role = AmountRole.TAX.value
        found.append(Candidate(FieldType.AMOUNT, start, end, format_amount(value), confidence, role=role))
    return found


def _follows_net_sum(found: list[Candidate], text: str, previous_end: int, start: int) -> bool:
    """Whether the amount comes right after an invoice's net sum: the 合计 row of the form prints the
    金额 column's sum and then the 税额 column's, with nothing but a currency sign between them."""
    return bool(found) and found[-1].role == AmountRole.NET.value and not text[previous_end:start].strip(" ¥￥")


def ends_before_amount(text: str) -> bool:
    """Whether a (width-folded) line stops right before an amount, as a wrapped SMS does (…扣款人民币)."""
    return _MONEY_FLOW.search(text) is not None or text.rstrip().endswith(("人民币", "¥", "￥"))


def mentions_refund(text: str) -> bool:
    """Whether a (width-folded) text speaks of a refund (退款-京东商城, 退款成功), which makes its amount negative."""
    return _REFUND.search(text) is not None


def mentions_repayment(text: str) -> bool:
    """Whether a (width-folded) text speaks of paying a debt back (还款 谢谢 on a card statement)."""
    return _REPAYMENT.search(text) is not None


def is_amount_alone(text: str) -> bool:
    """Whether a (width-folded) box holds nothing but one amount, as a payment page's headline does."""
    return _AMOUNT_ALONE.fullmatch(text) is not None


_Found = tuple[int, int, Decimal, str, float]
"""start, end, value, the sign printed ("-", "+" or ""), confidence."""
_SIGNS = ("presign", "innersign", "suffixsign", "labelsign", "baresign")
_VALUES = ("prefixed", "suffixed", "labelled", "bare")


def _digit_amounts(text: str) -> list[_Found]:
    found = []
    for match in _AMOUNT.finditer(text):
        group = next(g for g in _VALUES if match.group(g))
        value = _decimal(match.group(group)) * _SCALES.get(match.group("scale"), 1)
        sign = next((match.group(g).strip() for g in _SIGNS if match.group(g)), "")
        if group in ("prefixed", "suffixed"):
            start, end = match.span()
        else:
            start, end = match.start("baresign" if match.group("baresign") else group), match.end(group)
        found.append((start, end, value, sign, _confidence(match, text)))
    return found


def _decimal(number: str) -> Decimal:
    """The value of 1,234.56, of 1.234.56 whose commas OCR read as dots, and of 16,167,20 whose point it read as one."""
    if re.fullmatch(_COMMA_POINT, number):
        number = number[:-3] + "." + number[-2:]
    whole, point, cents = number.replace(",", "").rpartition(".")
    return Decimal(whole.replace(".", "") + point + cents if point else cents)


def _chinese_amounts(text: str) -> list[_Found]:
    """Amounts whose yuan are in Chinese numerals, and any amount with 角/分 (123元1角1分)."""
    found = []
    for match in _CHINESE_AMOUNT.finditer(text):
        integer, jiao, fen = match.group("integer", "jiao", "fen")
        has_cents = bool(jiao or fen)
        if integer.isdigit():
            if not has_cents:
                continue  # plain "123元" is the digit pattern's
            yuan: int | None = int(integer)
        else:
            financial = any(char in _FINANCIAL for char in integer)
            has_unit = any(char in _CN_UNITS for char in integer)
            marked = bool(match.group("prefix") or match.group("whole"))
            if match.group("currency") == "块" and not (has_unit or has_cents or match.group("whole") == "钱"):
                continue  # 一块 is also "together"; 十块, 三块五毛, 两块钱 are money
            if not (financial or has_unit or marked or has_cents or len(integer) > 1):
                continue
            yuan = parse_chinese_integer(integer)
        if yuan is None:
            continue
        value = Decimal(yuan) + Decimal(_digit(jiao)) / 10 + Decimal(_digit(fen)) / 100
        confidence = 0.9 if match.group("prefix") or match.group("whole") in ("整", "正") else 0.85
        if _AMOUNT_LABEL_BEFORE.search(text, 0, match.start()):
            confidence += 0.05
        found.append((match.start(), match.end(), value, "", confidence))
    return found


def _digit(text: str | None) -> int:
    return 0 if not text else int(text) if text.isdigit() else _CN_DIGITS[text]


def parse_chinese_integer(text: str) -> int | None:
    """Read 六十四万零一百四十三, 壹万贰仟叁佰, 肆佰叁拾萬 or 两千; None when it is not one number."""
    text = text.translate(_TRADITIONAL)
    for big, scale in (("亿", 10**8), ("万", 10**4)):
        if big in text:
            high, _, low = text.partition(big)
            high_value, low_value = parse_chinese_integer(high), parse_chinese_integer(low) if low else 0
            if not high or high_value is None or low_value is None or low_value >= scale:
                return None
            return high_value * scale + low_value
    total, digit, previous_was_digit = 0, 0, False
    for char in text:
        if char in _CN_DIGITS:
            if previous_was_digit and digit:
                return None  # 二三 is not a number
            digit, previous_was_digit = _CN_DIGITS[char], True
        elif char in _SMALL_UNITS:
            total += (digit if previous_was_digit else 1) * _SMALL_UNITS[char]
            digit, previous_was_digit = 0, False
        else:
            return None
    return total + digit


def format_amount(value: Decimal) -> str:
    """Two decimal places, rounded half up as receipts do, and never "-0.00"."""
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded + 0:.2f}" if rounded else "0.00"


def _confidence(match: re.Match[str], text: str) -> float:
    if match.group("labelled"):
        return 0.8
    if match.group("bare"):
        return 0.75 if match.group("baresign") else 0.6
    base = 0.9 if match.group("prefixed") else 0.85
    return round(base + 0.05, 2) if _AMOUNT_LABEL_BEFORE.search(text, 0, match.start()) else base

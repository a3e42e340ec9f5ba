"""Identifier formats people meet on Chinese receipts, bills and invoices, and which of them a value alone reveals.

A caption decides the type (identifiers.py); the shapes below only confirm it. A handful of shapes are
distinctive enough to be typed without a caption (`find_known_formats`); every other long digit run
stays untyped, because on a real page it is as likely a taxpayer id, an invoice check code or a bank
account as an order number.

Formats, and where they are described:
- Alipay 订单号 / 交易号 (`trade_no`): 28 digits beginning with the date, e.g. 2024011522001412345678901234
  (Alipay open platform, alipay.trade.query: trade_no). The same shape is captioned 订单号 on one page
  and 交易号 on another, so it is typed by its caption only. 商家订单号 (`out_trade_no`): up to 64
  letters, digits and underscores (32 in practice) — caption only.
- WeChat Pay 交易单号 (`transaction_id`, WeChat Pay API v3): 28 digits starting 4200 (ordinary
  payments) or 4300; typed alone as transaction_no. 商户单号 (`out_trade_no`): 6–32 characters of
  [0-9A-Za-z_-|*] — caption only.
- Taobao / Tmall 订单号: 19 digits; JD 订单编号: 10–13 digits — caption only (a JD order list row is
  the exception, decided by the page: see `pipeline`).
- Pinduoduo 订单编号: yymmdd-15 digits (240115-123456789012345); typed alone as order_no, hyphen kept.
- Meituan and other platforms in an Alipay 商品说明: "美团订单-" + digits; "…订单-<digits>" is an order_no.
- Bank and UnionPay 流水号 / 参考号, 退款单号 / 退款编号: caption only → transaction_no.
- Logistics: 顺丰 SF + 12–13 digits, 京东物流 JDV/JDX/JDK/JDAZ (or JD) + 12–13 digits, 圆通 YT + 13
  digits, and the UPU S10 item identifier (EA123456789CN: 2 letters, 8 digits, a mod-11 check digit,
  the country) of EMS / China Post; 中通, 韵达 and 申通 numbers are digits only and need a caption.
- Invoices (State Taxation Administration layouts): 发票代码 10 digits (paper) or 12 (electronic
  普通发票); 发票号码 8 digits, or 20 on a 全电发票 (数电票); 校验码 20 digits printed in four groups of 5;
  机器编号 12 digits; 纳税人识别号 15, 18 or 20 characters — caption only, except an 18-character
  统一社会信用代码 whose check character is right (GB 32100-2015) → tax_id.
"""
from __future__ import annotations

import re

from ocr.extract.candidates import Candidate
from ocr.types import FieldType

_WECHAT_TRANSACTION = re.compile(r"(?<![\dA-Za-z])4[23]00\d{24}(?![\dA-Za-z])")
_PINDUODUO_ORDER = re.compile(r"(?<![\d-])\d{2}(?P<month>\d{2})(?P<day>\d{2})-\d{15}(?![\d-])")
_PLATFORM_ORDER = re.compile(r"(?<=订单)-(?P<v>\d{10,32})(?!\d)")
_LOGISTICS = re.compile(r"(?<![A-Za-z0-9])(?:SF\d{12,13}|(?:JDV|JDX|JDK|JDAZ|JD)\d{10,15}|YT\d{13})(?![\dA-Za-z])")
_S10 = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}(?P<serial>\d{8})(?P<check>\d)[A-Z]{2}(?![A-Za-z0-9])")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_USCC = re.compile(r"(?<![0-9A-Za-z])[159Y][0-9A-HJ-NPQRTUWXY]\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])")
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015 leaves out I, O, S, V, Z


def find_known_formats(text: str) -> list[Candidate]:
    """Values whose shape alone says what they are, each with the certainty of that shape."""
    found = [Candidate(FieldType.TRANSACTION_NO, m.start(), m.end(), m.group(), 0.75)
             for m in _WECHAT_TRANSACTION.finditer(text)]
    found += [Candidate(FieldType.ORDER_NO, m.start(), m.end(), m.group(), 0.8)
              for m in _PINDUODUO_ORDER.finditer(text) if _is_month_day(m.group("month"), m.group("day"))]
    found += [Candidate(FieldType.ORDER_NO, m.start("v"), m.end("v"), m.group("v"), 0.85)
              for m in _PLATFORM_ORDER.finditer(text)]
    found += [Candidate(FieldType.LOGISTICS_NO, m.start(), m.end(), m.group().upper(), 0.8)
              for m in _LOGISTICS.finditer(text)]
    found += [Candidate(FieldType.LOGISTICS_NO, m.start(), m.end(), m.group(), 0.8)
              for m in _S10.finditer(text) if s10_check_digit(m.group("serial")) == int(m.group("check"))]
    found += [Candidate(FieldType.TAX_ID, m.start(), m.end(), m.group(), 0.75)
              for m in _USCC.finditer(text) if is_valid_uscc(m.group())]
    return found


def is_valid_uscc(code: str) -> bool:
    """GB 32100-2015: the 18th character of a 统一社会信用代码 is a mod-31 check over the first 17."""
    if len(code) != 18 or any(char not in _USCC_CHARS for char in code):
        return False
    total = sum(_USCC_CHARS.index(char) * pow(3, i, 31) for i, char in enumerate(code[:17]))
    return _USCC_CHARS[(31 - total % 31) % 31] == code[17]


def s10_check_digit(serial: str) -> int:
    """UPU S10: weights 8 6 4 2 3 5 9 7, 11 minus the sum mod 11, where 10 becomes 0 and 11 becomes 5."""
    check = 11 - sum(int(digit) * weight for digit, weight in zip(serial, _S10_WEIGHTS)) % 11
    return {10: 0, 11: 5}.get(check, check)


def _is_month_day(month: str, day: str) -> bool:
    return 1 <= int(month) <= 12 and 1 <= int(day) <= 31

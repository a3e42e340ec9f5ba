"""The captions apps and invoices print before a value (订单编号：…); they decide the type where digits alone cannot.

Amount captions also say what the amount is (`AMOUNT_ROLES`): 实付款 is what was paid, 税额 the tax of an
invoice. Column-only captions (数量, 税率, 规格型号 …) head table columns whose cells are not amounts.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ocr.types import AmountRole, FieldType

AMOUNT_ROLES: dict[str, AmountRole | None] = {
    # 应付总额 (jd.com) is the sum due after 运费 and 优惠: on a paid order, what was paid.
    **dict.fromkeys(("实付款", "实付金额", "实付", "支付金额", "付款金额", "实收金额", "需付款", "实际支付", "已付款",
                     "应付金额", "应付总额"), AmountRole.PAID),
    **dict.fromkeys(("订单金额", "订单总额", "商品总额", "商品金额", "商品总价", "总价"), AmountRole.ORDER_TOTAL),
    **dict.fromkeys(("优惠金额", "优惠券", "店铺优惠", "平台优惠", "优惠", "立减", "满减", "红包", "折扣", "券"),
                    AmountRole.DISCOUNT),
    **dict.fromkeys(("运费", "配送费", "快递费"), AmountRole.SHIPPING),
    **dict.fromkeys(("退款金额", "退款总额", "退回金额", "已退款", "退款"), AmountRole.REFUND),
    # A card statement asks for 本期应还金额 and at least 最低还款额.
    **dict.fromkeys(("本期应还金额", "本期应还", "本月应还", "应还金额", "剩余应还", "待还金额", "应还总额", "应还",
                     "最低还款额", "最低应还"), AmountRole.DUE),
    **dict.fromkeys(("还款金额", "本次还款", "已还金额", "已还款", "已还", "还款"), AmountRole.REPAYMENT),
    **dict.fromkeys(("借款金额", "借款本金", "借款", "分期金额", "分期本金"), AmountRole.LOAN),
    **dict.fromkeys(("可用额度", "总额度", "授信额度", "原额度", "当前额度", "调整后额度", "额度"), AmountRole.CREDIT_LIMIT),
    **dict.fromkeys(("交易金额", "消费金额", "转账金额", "收款金额", "付款额"), AmountRole.TRANSACTION),
    "税额": AmountRole.TAX,
    **dict.fromkeys(("价税合计", "(小写)"), AmountRole.TOTAL_WITH_TAX),  # matched on width-folded text
    # 票价 (12306) is the fare of one seat.
    **dict.fromkeys(("单价", "含税单价", "商品单价", "京东价", "售价", "票价"), AmountRole.UNIT_PRICE),
    # Generic captions whose meaning depends on the page (see `page_role`).
    **dict.fromkeys(("合计", "总计", "共计", "金额", "余额", "本金", "利息", "手续费"), None),
}
"""Amount caption → what the amount is; None for captions that name no role by themselves."""

_PAGE_ROLES: dict[str, dict[str, AmountRole]] = {
    "invoice": {"金额": AmountRole.NET, "合计": AmountRole.NET},
    "payment": {"金额": AmountRole.TRANSACTION},
    "order": {"合计": AmountRole.ORDER_TOTAL, "总计": AmountRole.ORDER_TOTAL, "共计": AmountRole.ORDER_TOTAL},
}
"""What a generic caption means on each kind of page; on a complaint, 涉及金额 names no role."""

LABELS: dict[FieldType, tuple[str, ...]] = {
    # 商家订单号 / 商户单号 on a payment page is the shop's order number, the one people search by.
    FieldType.ORDER_NO: ("订单编号", "订单号码", "订单号", "订单 No.", "订单No.", "订单No", "子订单号", "父订单号",
                         "关联订单号", "原订单号", "订单ID", "订单", "商户订单号", "商家订单号", "商户单号"),
    FieldType.LOGISTICS_NO: ("物流单号", "快递单号", "运单号码", "运单编号", "运单号", "物流编号", "包裹单号"),
    FieldType.TRANSACTION_NO: ("交易流水号", "支付流水号", "银行流水号", "流水号", "交易单号", "交易号", "交易订单号",
                               "支付单号", "退款单号", "退款编号", "转账单号", "交易参考号", "参考号", "凭证号",
                               "借款单号", "借据号", "借据编号"),
    FieldType.TICKET_NO: ("投诉单号", "投诉编号", "工单号", "工单编号", "服务单号", "服务单编号", "受理编号", "受理单号",
                          "售后单号", "售后服务单号"),
    FieldType.INVOICE_CODE: ("发票代码",),
    FieldType.INVOICE_NO: ("发票号码", "发票号"),
    FieldType.CHECK_CODE: ("校验码",),
    FieldType.MACHINE_NO: ("机器编号", "机器码"),
    FieldType.TAX_ID: ("纳税人识别号", "统一社会信用代码/纳税人识别号", "统一社会信用代码", "纳税人识别码", "税号"),
    FieldType.BANK_ACCOUNT: ("开户行及账号", "开户银行及账号", "开户行及帐号", "银行账号", "对公账号"),
    FieldType.ID_CARD: ("身份证号码", "身份证号", "身份证"),
    FieldType.BANK_CARD: ("银行卡号", "银行卡", "储蓄卡", "信用卡", "卡号"),
    FieldType.PHONE: ("联系电话", "手机号码", "手机号", "电话号码", "客服电话", "客服热线", "服务热线", "热线", "电话",
                      "手机", "致电", "拨打"),
    FieldType.AMOUNT: tuple(AMOUNT_ROLES),
    FieldType.AGENT_ID: ("客服工号", "工号"),
}

COLUMN_ONLY = ("数量", "税率", "税率/征收率", "征收率", "单位", "规格型号", "项目名称", "货物或应税劳务、服务名称",
               "货物或应税劳务名称", "商品名称", "交易日期", "交易时间", "记账日期", "摘要", "对方户名", "账户余额",
               "交易类型", "交易日", "记账日")
"""Table headers whose cells are no amount (13%, 1, 台) or no id, listed so a header row is recognised as one
(a card statement heads its date columns 交易日 and 记账日)."""

DATE_CAPTIONS = ("开票日期", "日期", "时间")
"""Captions of a date (下单时间, 开票日期: a few words may qualify them), so a date in the next box is read after its
caption; timestamps are typed by their shape, but a date whose 年月日 OCR dropped (20260109) needs the caption."""

LABEL_TYPES: dict[str, FieldType] = {label: field for field, labels in LABELS.items() for label in labels}

LABEL_GAP = r"[\s:#\]】]*"
"""What may stand between a label and its value once the text is width-folded (：→:), also [投诉编号] 123."""

UNIT_SUFFIX = r"(?:\s*\((?:元|大写|小写)\))?"
"""A caption may say how its value is written: 本期应还（元）, 金额(元), 价税合计（大写） (width-folded)."""


_LETTER_SPACING = r"\s{0,4}"
"""Forms space a short caption out to the width of the longest (收 货 人：, 运　　费：, 开 票 人)."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first, so 商户订单号 wins over 订单号; a caption's Chinese
    characters may stand apart (_LETTER_SPACING)."""
    return "|".join(_spaced(word) for word in sorted(words, key=len, reverse=True))


def unspaced(caption: str) -> str:
    """A caption as matched, without the letter spacing between its Chinese characters (运　　费 → 运费)."""
    return _SPACING_BETWEEN_HAN.sub("", caption)


_SPACING_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _spaced(word: str) -> str:
    pattern = re.escape(word[:1])
    for before, char in zip(word, word[1:]):
        spaced = "\u4e00" <= before <= "\u9fff" and "\u4e00" <= char <= "\u9fff"
        pattern += (_LETTER_SPACING if spaced else "") + re.escape(char)
    return pattern


def names_role(label: str) -> bool:
    """Whether an amount caption names a role by itself (实付款), rather than by the page it is on (金额)."""
    return AMOUNT_ROLES.get(unspaced(label)) is not None


def page_role(label: str, kind: str) -> str:
    """The role an amount caption gives on a page of `kind`: 金额 is the net column of an invoice."""
    label = unspaced(label)
    role = AMOUNT_ROLES.get(label)
    if role is None:
        role = _PAGE_ROLES.get(kind, {}).get(label)
    return role or ""


_CAPTION_WORDS = alternation([*LABEL_TYPES, *COLUMN_ONLY, *DATE_CAPTIONS])
CAPTION_WORD = re.compile(_CAPTION_WORDS, re.IGNORECASE)
"""One caption word anywhere, longest first (税率/征收率 before 税率)."""
LABEL_ONLY = re.compile(rf"^\s*[\u4e00-\u9fff]{{0,4}}?(?:{_CAPTION_WORDS}){UNIT_SUFFIX}\s*[:：]?\s*$", re.IGNORECASE)
"""A box that holds just a caption (支付宝交易号, 主动还款: a few words may qualify it); its value is the next box
on the row, the box below or its column."""

STATUS = re.compile(r"\s*待[\u4e00-\u9fff]{1,3}\s*")
"""A status that reads like a caption (待还款, 待付款, 待退款 under a plan's or an order's amount): what is still
to happen, never the caption of the box below it."""

_NUMBER_CAPTIONS = alternation(label for field in (FieldType.ORDER_NO, FieldType.TRANSACTION_NO, FieldType.TICKET_NO,
                                                   FieldType.LOGISTICS_NO) for label in LABELS[field])
LABEL_LAST = re.compile(rf"(?:{_NUMBER_CAPTIONS})\s*[:：]?\s*$", re.IGNORECASE)
"""A line of running text that ends in a caption (…订单号) continues with its value on the next line."""

LABEL_FIRST = re.compile(rf"^\s*(?:{_CAPTION_WORDS})", re.IGNORECASE)
"""A box that begins with a caption carries its own value and is never another caption's value."""

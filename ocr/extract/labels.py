"""The captions apps print before a value (订单编号：…); they decide the type where digits alone cannot."""
from __future__ import annotations

import re
from collections.abc import Iterable

from ocr.types import FieldType

LABELS: dict[FieldType, tuple[str, ...]] = {
    FieldType.ORDER_NO: ("订单编号", "订单号码", "订单号", "订单 No.", "订单No.", "订单No", "子订单号", "父订单号"),
    FieldType.LOGISTICS_NO: ("物流单号", "快递单号", "运单号码", "运单编号", "运单号", "物流编号"),
    FieldType.TRANSACTION_NO: ("交易流水号", "支付流水号", "流水号", "交易单号", "交易号", "商户订单号", "商户单号",
                               "支付单号"),
    FieldType.TICKET_NO: ("投诉单号", "投诉编号", "工单号", "工单编号", "服务单号", "服务单编号", "受理编号", "受理单号"),
    FieldType.ID_CARD: ("身份证号码", "身份证号", "身份证"),
    FieldType.BANK_CARD: ("银行卡号", "银行卡", "储蓄卡", "信用卡", "卡号"),
    FieldType.PHONE: ("联系电话", "手机号码", "手机号", "电话号码", "客服电话", "客服热线", "服务热线", "热线", "电话",
                      "手机", "致电", "拨打"),
    FieldType.AMOUNT: ("实付款", "实付金额", "订单金额", "商品金额", "商品总额", "支付金额", "付款金额", "交易金额",
                       "退款金额", "还款金额", "本期应还", "应还金额", "应付金额", "合计", "总计", "金额", "实付"),
    FieldType.AGENT_ID: ("客服工号", "工号"),
}

LABEL_TYPES: dict[str, FieldType] = {label: field for field, labels in LABELS.items() for label in labels}

LABEL_GAP = r"[\s:#]*"
"""What may stand between a label and its value once the text is width-folded (：→:)."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first, so 商户订单号 wins over 订单号."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


LABEL_ONLY = re.compile(rf"^\s*(?:{alternation(LABEL_TYPES)})\s*[:：]?\s*$", re.IGNORECASE)
"""A box that holds just a caption; its value is the next box on the row or the box below."""

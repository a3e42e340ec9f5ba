"""Guess what a screenshot shows from its words, its fields and, for chats, its layout."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ocr.extract.candidates import fold_width
from ocr.extract.identifiers import find_identifiers
from ocr.types import KINDS, FieldType, OcrLine

_KEYWORDS: dict[str, dict[str, int]] = {
    "order": {"订单详情": 3, "我的订单": 3, "京东自营": 1, "实付款": 2, "收货人": 2, "收货地址": 2, "订单编号": 2, "下单时间": 2, "商品总额": 2,
              "商品": 1, "运费": 1, "配送": 1, "订单号": 1, "已完成": 1, "待收货": 1},
    "payment": {"账单": 2, "还款": 2, "白条": 2, "金条": 2, "交易流水": 3, "支付成功": 3, "付款方式": 2, "支付方式": 2,
                "交易详情": 2, "京东金融": 2, "应还": 2, "分期": 1, "交易单号": 2, "商户单号": 2, "交易时间": 1,
                "账单详情": 3, "交易成功": 2, "收单机构": 2, "商户全称": 2, "商家订单号": 2, "交易明细": 3,
                "借款详情": 3, "借款金额": 2, "您账户": 2, "扣款": 2, "快捷支付": 2, "余额": 1,
                "转账时间": 2, "转账单号": 2, "已收款": 2, "收款时间": 2},
    "invoice": {"发票代码": 3, "发票号码": 3, "价税合计": 3, "电子发票": 2, "普通发票": 3, "专用发票": 3, "开票日期": 2,
                "纳税人识别号": 2, "校验码": 1, "机器编号": 2, "购买方": 2, "销售方": 2, "开票人": 2, "税额": 1},
    "chat": {"客服": 2, "对话": 2, "为您服务": 2, "您好": 1, "亲，": 1, "亲,": 1, "请问": 1, "咨询": 1, "发送": 1,
             "已读": 1, "转人工": 2,
             "很高兴为您服务": 2, "有什么可以帮您": 2},
    "complaint": {"投诉单号": 3, "12315": 3, "投诉": 2, "工单": 2, "受理": 2, "诉求": 2, "投诉人": 2, "被投诉": 2,
                  "处理结果": 1, "黑猫": 2},
}
_FIELD_HINTS = {FieldType.ORDER_NO: "order", FieldType.TRANSACTION_NO: "payment", FieldType.TICKET_NO: "complaint"}
_MIN_SCORE = 2
_WORDS = re.compile(r"[\u4e00-\u9fff]")


def classify_kind(lines: Sequence[OcrLine]) -> str:
    """One of KINDS, by keyword and field scores; ties go to the kind listed first in KINDS."""
    text = fold_width("\n".join(line.text for line in lines))
    scores = {kind: sum(weight for word, weight in words.items() if word in text) for kind, words in _KEYWORDS.items()}
    for candidate in find_identifiers(text):
        if candidate.confidence >= 0.9 and candidate.type in _FIELD_HINTS:
            scores[_FIELD_HINTS[candidate.type]] += 2
    if _looks_like_chat(lines):
        scores["chat"] += 3
    best = max((kind for kind in KINDS if kind in scores), key=lambda kind: scores[kind])  # bill: exports only
    return best if scores[best] >= _MIN_SCORE else "other"


def _looks_like_chat(lines: Sequence[OcrLine]) -> bool:
    """Bubbles hug both edges: some lines start near the left, others end near the right.

    Only boxes with words count: the right-aligned amounts and statuses of a bill or order list are no bubbles.
    """
    boxes = [line.bbox for line in lines if line.bbox is not None and len(_WORDS.findall(line.text)) >= 4]
    if len(boxes) < 3:
        return False
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    width = right - left
    if width <= 0:
        return False
    lefts = [b for b in boxes if b[0] - left < 0.3 * width and b[2] - left < 0.7 * width]
    rights = [b for b in boxes if right - b[2] < 0.1 * width and b[0] - left > 0.3 * width]
    # A bubble has its row to itself; a caption and its value side by side are a detail page.
    alone = [b for b in rights if not any(min(b[3], a[3]) > max(b[1], a[1]) for a in lefts)]
    return bool(lefts) and bool(alone)

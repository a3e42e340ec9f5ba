"""Plain data passed between OCR engines, extraction and the vault."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

BBox = tuple[int, int, int, int]
"""Axis-aligned box in image pixels: (left, top, right, bottom)."""


class FieldType(StrEnum):
    ORDER_NO = "order_no"
    LOGISTICS_NO = "logistics_no"
    TRANSACTION_NO = "transaction_no"
    TICKET_NO = "ticket_no"
    TIMESTAMP = "timestamp"
    AMOUNT = "amount"
    PHONE = "phone"
    AGENT = "agent"
    AGENT_ID = "agent_id"
    PLATFORM = "platform"
    ID_CARD = "id_card"
    BANK_CARD = "bank_card"
    INVOICE_CODE = "invoice_code"  # 发票代码: 10 or 12 digits
    INVOICE_NO = "invoice_no"  # 发票号码: 8 digits, or 20 on a 全电发票
    CHECK_CODE = "check_code"  # 校验码: 20 digits, often in groups of 5
    MACHINE_NO = "machine_no"  # 机器编号 of the tax-control device
    TAX_ID = "tax_id"  # 纳税人识别号 / 统一社会信用代码: 15-20 characters
    BANK_ACCOUNT = "bank_account"  # 开户行及账号 on an invoice: a company's account, not a person's card
    PROMISE = "promise"  # what a customer-service agent promised ("3个工作日内退款")


class AmountRole(StrEnum):
    """What an amount is on its page, when the page says so; "" (no role) when it does not."""

    PAID = "paid"  # 实付款, 实付金额, 支付金额
    ORDER_TOTAL = "order_total"  # 订单金额, 商品总额, 应付金额
    DISCOUNT = "discount"  # 优惠, 立减, 红包, 券
    SHIPPING = "shipping"  # 运费
    REFUND = "refund"  # 退款金额, 已退款
    DUE = "due"  # 本期应还, 应还金额
    REPAYMENT = "repayment"  # 还款金额, 已还
    LOAN = "loan"  # 借款金额 (金条)
    CREDIT_LIMIT = "credit_limit"  # 额度, 可用额度
    TRANSACTION = "transaction"  # 交易金额, a bill row, the headline of a payment detail page
    TAX = "tax"  # 税额
    TOTAL_WITH_TAX = "total_with_tax"  # 价税合计
    NET = "net"  # 金额 column of an invoice (before tax)
    UNIT_PRICE = "unit_price"  # 单价


KINDS = ("order", "payment", "bill", "invoice", "chat", "complaint", "other")
"""What an evidence item shows; the last one is the fallback."""


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line of recognised text with where it sits and how sure the engine is (0..1).

    `bbox` is None for text that has no position (typed in, or from `evidence-vault extract`).
    """

    text: str
    bbox: BBox | None
    confidence: float


@dataclass(frozen=True, slots=True)
class ExtractedField:
    """A value found in the text; `raw` is as read, `normalized` is the canonical form.

    For timestamps `normalized` is ISO 8601 with +08:00 and `reference` names what a partial
    date was resolved against (one of `REFERENCE_SOURCES` in ocr.extract.config, or "" when not
    needed). `role` says what an amount is on its page (an `AmountRole` value) or "".
    """

    type: FieldType
    raw: str
    normalized: str
    bbox: BBox | None
    confidence: float
    reference: str = ""
    role: str = ""

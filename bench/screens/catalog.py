"""Every template, its family and expected kind, and which templates and seeds are held out.

Tuning extraction happens on `dev` only: dev templates drawn with DEV_SEEDS. The `heldout` set
draws every template (the held-out layouts and the dev ones) with HELDOUT_SEEDS, so its figures
say how extraction does on layouts and values nobody tuned against. Never look at heldout
failures while tuning; run it for the figures you report.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bench.screens import bank, chats, complaints, invoice, jd, payments, shops
from bench.screens.canvas import Page

Draw = Callable[[Page, datetime], None]

DEV_SEEDS = range(0, 1000)
HELDOUT_SEEDS = range(1000, 2000)
SPLITS = ("dev", "heldout")


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    family: str
    kind: str  # ocr/types.py KINDS
    draw: Draw
    device: str = "phone"  # "phone" or "desktop"
    heldout: bool = False
    photo: bool = False  # a camera photo of paper rather than a screenshot


TEMPLATES: tuple[Template, ...] = (
    Template("jd_order_detail", "jd", "order", jd.draw_order_detail),
    Template("jd_order_list", "jd", "order", jd.draw_order_list, device="desktop"),
    Template("jd_baitiao_bill", "jd", "payment", jd.draw_baitiao_bill),
    Template("jd_baitiao_repayment", "jd", "payment", jd.draw_baitiao_repayment),
    Template("jd_jintiao_loan", "jd", "payment", jd.draw_jintiao_loan),
    Template("alipay_bill_detail", "alipay", "payment", payments.draw_alipay_detail),
    Template("alipay_bill_list", "alipay", "payment", payments.draw_alipay_list),
    Template("wechat_pay_detail", "wechat", "payment", payments.draw_wechat_detail),
    Template("wechat_bill_list", "wechat", "payment", payments.draw_wechat_list),
    Template("taobao_order_detail", "taobao", "order", shops.draw_taobao_detail),
    Template("pdd_order_detail", "pinduoduo", "order", shops.draw_pdd_detail),
    Template("bank_sms", "bank", "payment", bank.draw_bank_sms),
    Template("bank_app_details", "bank", "payment", bank.draw_bank_app_details),
    Template("vat_e_invoice", "invoice", "invoice", invoice.draw_vat_e_invoice, device="desktop"),
    Template("full_digital_invoice", "invoice", "invoice", invoice.draw_full_digital_invoice, device="desktop"),
    Template("complaint_12315", "complaint", "complaint", complaints.draw_12315, device="desktop"),
    Template("heimao_complaint", "complaint", "complaint", complaints.draw_heimao),
    Template("jd_complaint", "jd", "complaint", complaints.draw_jd_complaint),
    Template("jd_service_chat", "jd", "chat", chats.draw_jd_service_chat),
    Template("wechat_chat", "wechat", "chat", chats.draw_wechat_chat),
    Template("jd_refund_detail", "jd", "order", jd.draw_refund_detail, heldout=True),
    Template("jd_order_detail_desktop", "jd", "order", jd.draw_order_detail_desktop, device="desktop", heldout=True),
    Template("alipay_bill_detail_classic", "alipay", "payment", payments.draw_alipay_detail_classic, heldout=True),
    Template("wechat_transfer_detail", "wechat", "payment", payments.draw_wechat_transfer, heldout=True),
    Template("meituan_order", "meituan", "order", shops.draw_meituan_order, heldout=True),
    Template("unionpay_bill_detail", "bank", "payment", bank.draw_unionpay_detail, heldout=True),
    Template("paper_invoice_photo", "invoice", "invoice", invoice.draw_paper_invoice, device="desktop", heldout=True,
             photo=True),
)
BY_NAME = {template.name: template for template in TEMPLATES}
DEV_TEMPLATES = tuple(t for t in TEMPLATES if not t.heldout)
HELDOUT_TEMPLATES = tuple(t for t in TEMPLATES if t.heldout)


def split_of_seed(seed: int) -> str:
    if seed in DEV_SEEDS:
        return "dev"
    if seed in HELDOUT_SEEDS:
        return "heldout"
    raise ValueError(f"seed {seed} is in neither split ({DEV_SEEDS}, {HELDOUT_SEEDS})")


def templates_for(split: str) -> tuple[Template, ...]:
    """dev: the dev templates; heldout: all of them (held-out layouts first)."""
    return DEV_TEMPLATES if split == "dev" else HELDOUT_TEMPLATES + DEV_TEMPLATES


def seeds_for(split: str) -> range:
    return DEV_SEEDS if split == "dev" else HELDOUT_SEEDS

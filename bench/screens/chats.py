"""Chats: JD customer service (京东客服) and a WeChat conversation with a shop.

Both print a grey centred time between messages as the apps do: "19:43" today, "昨天 19:43",
"星期二 19:43" within the week, "2月14日 19:43" this year, else with the year.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from bench.screens import values as v
from bench.screens.blocks import bubble, centred_note, status_bar, title_bar
from bench.screens.canvas import Page
from bench.screens.truth import CAPTURE, Expected, amount, money, moment, number
from ocr.types import AmountRole, FieldType

WEEKDAYS = "一二三四五六日"

Message = tuple[bool, str, list[Expected]]
"""(from the consumer, text, what a perfect reader finds in it)."""


def chat_time_label(at: datetime, reference: datetime) -> tuple[str, str]:
    """(the label, the reference it needs: CAPTURE unless it carries a year)."""
    days = (reference.date() - at.date()).days
    clock = f"{at:%H:%M}"
    if days == 0:
        return clock, CAPTURE
    if days == 1:
        return f"昨天 {clock}", CAPTURE
    if days < 7:
        return f"星期{WEEKDAYS[at.weekday()]} {clock}", CAPTURE
    if at.year == reference.year:
        return f"{at.month}月{at.day}日 {clock}", CAPTURE
    return f"{at.year}年{at.month}月{at.day}日 {clock}", ""


def _conversation(page: Page, reference: datetime, messages: list[Message], own_ink: str, names: bool) -> None:
    rng = page.rng
    at = v.moment_before(rng, reference, rng.choice((0, 1, 4, 30, 400))).replace(second=0)
    for index, (own, text, expected) in enumerate(messages):
        if index % 3 == 0 and at <= reference:
            label, needs = chat_time_label(at, reference)
            centred_note(page, label, [moment(at, "minutes", reference=needs)])
            at += timedelta(minutes=rng.randint(3, 1500))
        bubble(page, own, text, expected, own_ink=own_ink, name="" if own or not names else "客服")


def jd_messages(page: Page) -> list[Message]:
    """A JD customer-service exchange: the agent with 工号 in brackets, an order, a refund promise."""
    rng = page.rng
    order_no, paid = v.jd_order_no(rng), v.yuan(rng)
    agent, agent_id = rng.choice(("小美", "小东", "京京", "小妹")), str(rng.randint(10000, 99999))
    days = rng.choice(("1-3", "3", "7"))
    page.trap("agent_id", agent_id)
    return [
        (False, f"您好，京东客服{agent}（工号{agent_id}）很高兴为您服务，请问有什么可以帮您？", []),
        (True, f"我的订单{order_no}显示已签收，但我一直没有收到货", [number(FieldType.ORDER_NO, order_no)]),
        (False, "非常抱歉给您带来不便，请稍等，这边为您核实一下物流信息", []),
        (True, f"这个订单我付了¥{money(paid)}，麻烦尽快处理", [amount(paid)]),
        (False, f"已为您提交退款申请，退款金额¥{money(paid)}，{days}个工作日内原路退回", [amount(-paid, AmountRole.REFUND)]),
        (True, "好的，如果到时候还没到账我会投诉到950618", []),
        (False, "理解您的心情，还有其他问题可以随时联系我们哦", []),
        (True, "行，谢谢", []),
    ]


def draw_jd_service_chat(page: Page, reference: datetime) -> None:
    """京东客服 chat: agent bubbles white at the left under a red avatar, ours at the right."""
    status_bar(page)
    title_bar(page, "京东客服")
    _conversation(page, reference, jd_messages(page), "#111111", names=False)


def draw_wechat_chat(page: Page, reference: datetime) -> None:
    """A WeChat chat with a shop: the shop's name as title, green bubbles for ours, the other side's
    name above its bubbles, the consumer's phone number in a message (not an order number)."""
    rng = page.rng
    status_bar(page)
    title_bar(page, rng.choice(("小米之家售后", "华为授权服务中心", "鲜果坊店长")))
    order_no, paid, phone = v.taobao_order_no(rng), v.yuan(rng, 20, 3000), v.mobile(rng)
    page.trap("phone", phone)
    messages: list[Message] = [
        (True, f"你好，我在你们店买的东西坏了，订单号{order_no}", [number(FieldType.ORDER_NO, order_no)]),
        (False, "您好亲，麻烦拍一下照片发过来", []),
        (True, f"已经发了，一共花了{money(paid)}元", [amount(paid)]),
        (False, "收到，我们这边核实后给您退款，请留一个联系电话", []),
        (True, f"{phone}，尽快处理", []),
        (False, "好的，今天之内给您回电", []),
    ]
    _conversation(page, reference, messages, "#111111", names=True)

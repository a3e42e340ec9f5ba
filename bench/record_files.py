"""Seeded bill, chat and archive files in the exports' layouts, for tests and bench/records.py.

Everything is made up here (names, numbers, amounts); the layouts follow the module docstrings of
ocr/records/bills.py and ocr/records/chats.py.
"""
from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pyzipper

START = datetime(2024, 3, 1, 8, 0, 0)
_MERCHANTS = ("京东商城平台商户", "拼多多平台商户", "美团", "滴滴出行", "中国移动", "盒马鲜生")
_GOODS = ("小米手环8 NFC版", "蓝牙耳机", "话费充值", "晚餐外卖", "快车订单", "洗衣液 3kg")
_METHODS = ("零钱", "招商银行信用卡(1234)", "建设银行储蓄卡(5678)", "花呗", "余额宝")


@dataclass(frozen=True, slots=True)
class BillRow:
    time: datetime
    counterparty: str
    goods: str
    out: bool
    amount: str
    refunded: str
    method: str
    transaction_no: str
    order_no: str


def bill_rows(count: int, seed: int = 16) -> list[BillRow]:
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        refunded = rng.choice(["", "", "", "part", "all"])
        amount = rng.randint(100, 99_999)
        rows.append(BillRow(
            time=START + timedelta(minutes=37 * n),
            counterparty=rng.choice(_MERCHANTS),
            goods=rng.choice(_GOODS),
            out=rng.random() < 0.85,
            amount=f"{amount / 100:.2f}",
            refunded={"": "", "part": f"{rng.randint(1, amount) / 100:.2f}", "all": "all"}[refunded],
            method=rng.choice(_METHODS),
            transaction_no=f"4200{rng.randrange(10**23, 10**24)}",
            order_no=f"{rng.randrange(10**17, 10**18)}",
        ))
    return rows


def _csv(lines: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    return out.getvalue()


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


WECHAT_HEADER = ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"]


def wechat_lines(rows: list[BillRow]) -> list[list[str]]:
    preamble = [
        ["微信支付账单明细"], ["微信昵称：[小明]"], ["起始时间：[2024-03-01 00:00:00] 终止时间：[2024-12-31 23:59:59]"],
        ["导出类型：[全部]"], ["导出时间：[2025-01-02 10:11:12]"], [""], [f"共{len(rows)}笔记录"],
        ["收入：1笔 1.00元"], ["支出：1笔 1.00元"], ["中性交易：0笔 0.00元"], ["注："],
        ["1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易"], ["2. 本明细仅展示当前账单中的交易"],
        ["3. 本明细仅供个人对账使用"], [""], ["----------------------微信支付账单明细列表--------------------"],
        WECHAT_HEADER,
    ]
    body = [
        [_stamp(r.time), "商户消费" if r.out else "退款", r.counterparty, r.goods, "支出" if r.out else "收入",
         f"¥{r.amount}", r.method, "支付成功" if r.out else "已全额退款", r.transaction_no + "\t", r.order_no + "\t", "/"]
        for r in rows
    ]
    return preamble + body


def wechat_csv(rows: list[BillRow]) -> bytes:
    return _csv(wechat_lines(rows)).encode("utf-8")


def wechat_xlsx(rows: list[BillRow]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in wechat_lines(rows):
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ALIPAY_HEADER = ["交易时间", "交易分类", "交易对方", "对方账号", "商品说明", "收/支", "金额", "收/付款方式", "交易状态",
                 "交易订单号", "商家订单号", "备注", ""]
ALIPAY_OLD_HEADER = ["收/支", "交易对方", "对方账号", "商品说明", "收/付款方式", "金额", "交易状态", "交易分类",
                     "交易订单号", "商家订单号", "交易时间", ""]


def alipay_csv(rows: list[BillRow], old_order: bool = False) -> bytes:
    preamble = [["------------------------------------------------------------------------------------"],
                ["导出信息："], ["姓名：小明"], ["支付宝账户：138****0000"],
                ["起始时间：[2024-03-01 00:00:00]    终止时间：[2024-12-31 23:59:59]"], ["导出交易类型：[全部]"],
                ["导出时间：[2025-01-02 10:11:12]"], [f"共{len(rows)}笔记录"], ["收入：0笔 0.00元"],
                ["支出：0笔 0.00元"], ["不计收支：0笔 0.00元"], [""], ["特别提示："],
                ["1.本回单内容可表明支付宝受理了相应支付交易申请"], ["2.支付宝快捷支付等非余额支付方式可能既产生支付宝交易也同步产生银行交易"],
                ["----------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------"]]
    header = ALIPAY_OLD_HEADER if old_order else ALIPAY_HEADER
    body = []
    for r in rows:
        values = {"交易时间": _stamp(r.time), "交易分类": "日用百货", "交易对方": r.counterparty, "对方账号": "/",
                  "商品说明": r.goods, "收/支": "支出" if r.out else "不计收支", "金额": r.amount, "收/付款方式": r.method,
                  "交易状态": "交易成功", "交易订单号": r.transaction_no + "\t", "商家订单号": r.order_no + "\t",
                  "备注": "", "": ""}
        body.append([f"{values[h]:<8}" if h else "" for h in header])
    return _csv(preamble + [header] + body).encode("gbk")


JD_HEADER = ["交易时间", "商户名称", "交易说明", "金额", "收/付款方式", "交易状态", "收/支", "交易分类", "交易订单号", "商家订单号", "备注"]


def jd_amount(row: BillRow) -> str:
    if row.refunded == "all":
        return f"{row.amount}(已全额退款)"
    return f"{row.amount}(已退款{row.refunded})" if row.refunded else row.amount


def jd_csv(rows: list[BillRow]) -> bytes:
    preamble = [["导出信息："], ["京东账号名：jd_xiaoming"], ["日期区间：2024-03-01 至 2024-12-31"],
                ["导出时间：2025-01-02 10:11:12"], [""], ["共计：" + str(len(rows)) + "笔交易"], [""],
                ["特别提示："], *([f"{n}. 本明细仅供个人对账使用"] for n in range(1, 12)), [""]]
    body = [[_stamp(r.time), r.counterparty, r.goods, jd_amount(r), r.method, "交易成功", "支出" if r.out else "不计收支",
             "数码电器", r.transaction_no + "\t", r.order_no + "\t", ""] for r in rows]
    return _csv(preamble + [JD_HEADER] + body).encode("utf-8-sig")


def encrypted_zip(name: str, data: bytes, password: str) -> bytes:
    """An AES-encrypted ZIP as WeChat Pay mails a bill in."""
    out = io.BytesIO()
    with pyzipper.AESZipFile(out, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(password.encode())
        archive.writestr(name, data)
    return out.getvalue()


def chat_txt(order_no: str) -> bytes:
    """A WeChat export tool's TXT with a picture placeholder and the order number in a message."""
    return (
        "2024-03-05 10:00:00 京东客服-小美\n您好，请问有什么可以帮您？\n\n"
        f"2024-03-05 10:01:12 我\n我的订单{order_no}一直没发货\n\n"
        "2024-03-05 10:01:40 我\n[图片]\n\n"
        "2024-03-05 10:03:05 京东客服-小美\n已为您登记，3个工作日内回电\n\n"
    ).encode("utf-8")


def chat_csv(order_no: str) -> bytes:
    header = ["localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status", "StrContent", "StrTime"]
    start = int(datetime(2024, 3, 5, 10, 0, 0, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp())
    lines = [header,
             ["1", "jdkefu01", "1", "0", "0", str(start), "2", "您好", "2024-03-05 10:00:00"],
             ["2", "jdkefu01", "1", "0", "1", str(start + 60), "2", f"订单{order_no}退款呢", "2024-03-05 10:01:00"],
             ["3", "jdkefu01", "3", "0", "1", str(start + 90), "2", "", "2024-03-05 10:01:30"]]
    return _csv(lines).encode("utf-8")

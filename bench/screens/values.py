"""Random values in the shapes real pages print them, drawn from one seeded generator.

Shapes (issue #10 lists them; checked against the platforms' published formats where they exist):
Alipay 交易号/订单号 28 digits starting with the date (open.alipay.com `trade_no`, example
2013112011001004330000121536); WeChat Pay 交易单号 28 digits starting 4200 (pay.weixin.qq.com
`transaction_id`); Taobao/Tmall 19 digits; Pinduoduo `yymmdd-` + 15 digits; JD 12 digits today
(10-13 over the years); 发票代码 12 digits (10 on paper 专用/普通发票), 发票号码 8 digits or 20 on a
全电发票, 校验码 20 digits printed in groups of 5, 机器编号 12 digits, 统一社会信用代码 18
characters (GB 32100-2015: register office, type, area code, organisation code, check character).
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

DIGITS = "0123456789"
UPPER = "ABCDEFGHJKLMNPQRTUWXY"
"""GB 32100-2015 check and organisation characters: digits and capitals without I, O, S, V, Z."""


def digits(rng: random.Random, count: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice(DIGITS) for _ in range(count - 1))


def jd_order_no(rng: random.Random) -> str:
    return rng.choice("23") + digits(rng, rng.choice((11, 12)), DIGITS)


def alipay_trade_no(rng: random.Random, day: datetime) -> str:
    return f"{day:%Y%m%d}" + rng.choice(("2200", "2100")) + digits(rng, 16, DIGITS)


def wechat_transaction_no(rng: random.Random) -> str:
    return rng.choice(("4200", "4300")) + digits(rng, 24, DIGITS)


def merchant_order_no(rng: random.Random) -> str:
    """商家订单号 / 商户单号: letters and digits chosen by the merchant, up to 32."""
    prefix = rng.choice(("T200P", "JD", "M", "WX", ""))
    return prefix + digits(rng, rng.choice((16, 18, 20)), DIGITS)


def taobao_order_no(rng: random.Random) -> str:
    return digits(rng, 19)


def pdd_order_no(rng: random.Random, day: datetime) -> str:
    return f"{day:%y%m%d}-" + digits(rng, 15, DIGITS)


def meituan_order_no(rng: random.Random) -> str:
    return digits(rng, 24)


def bank_serial_no(rng: random.Random) -> str:
    return rng.choice(("FT", "HB", "")) + digits(rng, rng.choice((16, 20)), DIGITS)


def ticket_no(rng: random.Random, prefix: str = "TS") -> str:
    return prefix + digits(rng, 14, DIGITS)


def invoice_code(rng: random.Random, paper: bool = False) -> str:
    return digits(rng, 10) if paper else "0" + digits(rng, 11)


def invoice_no(rng: random.Random, full_digital: bool = False) -> str:
    return digits(rng, 20, "2") if full_digital else digits(rng, 8, DIGITS)


def check_code(rng: random.Random) -> str:
    return digits(rng, 20, DIGITS)


def machine_no(rng: random.Random) -> str:
    return rng.choice(("4990", "6616", "5399")) + digits(rng, 8, DIGITS)


def tax_id(rng: random.Random) -> str:
    area = rng.choice(("110105", "310115", "440300", "110302", "320594"))
    body = "".join(rng.choice(DIGITS + UPPER) for _ in range(8))
    return "91" + area + body + rng.choice(DIGITS + UPPER)


def bank_account(rng: random.Random) -> str:
    return digits(rng, rng.choice((12, 16, 19)))


def mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + digits(rng, 9, DIGITS)


def masked_mobile(rng: random.Random) -> str:
    number = mobile(rng)
    return number[:3] + "****" + number[-4:]


def landline(rng: random.Random) -> str:
    return rng.choice(("010", "021", "020", "0755")) + "-" + digits(rng, 8)


def yuan(rng: random.Random, low: int = 5, high: int = 9000) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def moment_before(rng: random.Random, reference: datetime, max_days: int, min_seconds: int = 1800) -> datetime:
    moment = reference - timedelta(days=rng.randint(0, max_days), seconds=rng.randint(min_seconds, min_seconds + 86400))
    return moment.replace(microsecond=0)


def stamp(rng: random.Random, moment: datetime, with_seconds: bool = True) -> tuple[str, datetime, str]:
    """(display text, the moment shown, its precision) in a format the apps print."""
    if not with_seconds:
        moment = moment.replace(second=0)
    clock = moment.strftime("%H:%M:%S" if with_seconds else "%H:%M")
    style = rng.choice(("dash", "dash", "slash", "chinese"))
    if style == "dash":
        shown = f"{moment:%Y-%m-%d} {clock}"
    elif style == "slash":
        shown = f"{moment:%Y/%m/%d} {clock}"
    else:
        shown = f"{moment.year}年{moment.month}月{moment.day}日 {clock}"
    return shown, moment, "seconds" if with_seconds else "minutes"


PRODUCTS = (
    "Apple iPhone 15 (A3092) 128GB 黑色 支持移动联通电信5G 双卡双待手机",
    "小米（MI）Redmi K70 12GB+256GB 墨羽 骁龙8Gen2 5G手机",
    "美的（Midea）电饭煲家用4L智能预约多功能电饭锅 MB-FB40E511",
    "三只松鼠 每日坚果750g/30袋 混合果仁零食大礼包",
    "华为 HUAWEI FreeBuds Pro 3 真无线蓝牙降噪耳机 陶瓷白",
    "海尔（Haier）10公斤滚筒洗衣机全自动 EG100MATE28S",
    "飞利浦（PHILIPS）电动牙刷 HX6730 成人声波震动牙刷",
    "安踏男鞋跑步鞋2025冬季新款减震运动鞋 112345566-2",
)
SURNAMES = ("张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴")
CITIES = ("北京市朝阳区", "上海市浦东新区", "广州市天河区", "深圳市南山区", "成都市武侯区", "杭州市西湖区")
SELLERS = (
    ("北京京东世纪信息技术有限公司", "北京市北京经济技术开发区科创十一街18号"),
    ("江苏京东信息技术有限公司", "宿迁市宿豫区洪泽湖东路19号"),
    ("上海圆迈贸易有限公司", "上海市嘉定区叶城路1118号"),
    ("深圳市小米通讯技术有限公司", "深圳市南山区粤海街道科技园"),
)
BANKS = ("招商银行", "中国工商银行", "中国建设银行", "中国银行", "交通银行", "中国农业银行")

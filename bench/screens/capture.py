"""How a screenshot reaches the vault: its file name, EXIF, mtime, and which of them dates it.

File names as phones and apps write them (local China time unless an epoch):
Android `Screenshot_20260214-221535.png`; MIUI/ColorOS `Screenshot_2026-02-14-22-15-35-123_<package>.jpg`;
WeChat's 保存图片 `微信图片_20260214221535.jpg` and `mmexport<Unix ms>.jpg`; camera `IMG_20260214_221535.jpg`;
iOS `IMG_1234.PNG` (no date); names people give (`订单截图.png`, `下载.jpg`).
When the name carries the date, the file was copied later (mtime days after the capture), so only the
name dates it. Otherwise a camera photo carries EXIF, a file saved on the spot keeps a true mtime, and
a file pasted from the clipboard has no mtime at all, leaving the import time.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

PACKAGES = {
    "jd": "com.jingdong.app.mall", "alipay": "com.eg.android.AlipayGphone", "wechat": "com.tencent.mm",
    "taobao": "com.taobao.taobao", "pinduoduo": "com.xunmeng.pinduoduo", "meituan": "com.sankuai.meituan",
    "bank": "cmb.pb", "complaint": "com.android.browser", "invoice": "com.android.browser",
    "travel": "com.MobileTicket", "eleme": "me.ele", "douyin": "com.ss.android.ugc.aweme",
    "vip": "com.achievo.vipshop", "logistics": "com.sf.activity",
}
UNDATED_STEMS = ("IMG_{n}", "订单截图{n}", "下载 ({n})", "image{n}")


@dataclass(frozen=True, slots=True)
class Capture:
    """Where the sample's capture reference comes from, as `vault.ingest.reference_for` sees it."""

    file_name: str
    source: str  # "filename", "exif", "mtime" or "import"
    mtime: datetime | None
    exif: datetime | None
    imported_at: datetime


DATED_STYLES = ("android", "miui", "wechat", "camera", "mmexport")


def dated_name(style: str, rng: random.Random, moment: datetime, family: str, suffix: str) -> str:
    """A file name that carries `moment` the way the namer `style` (one of DATED_STYLES) writes it."""
    if style == "android":
        return f"Screenshot_{moment:%Y%m%d-%H%M%S}{suffix}"
    if style == "miui":
        package = PACKAGES.get(family, "com.android.systemui")
        return f"Screenshot_{moment:%Y-%m-%d-%H-%M-%S}-{rng.randint(0, 999):03d}_{package}{suffix}"
    if style == "wechat":
        return f"微信图片_{moment:%Y%m%d%H%M%S}{suffix}"
    if style == "camera":
        return f"IMG_{moment:%Y%m%d_%H%M%S}{suffix}"
    if style == "mmexport":
        return f"mmexport{round(moment.timestamp() * 1000) + rng.randint(0, 999)}{suffix}"
    raise ValueError(f"unknown file-name style {style!r}")


def choose_capture(rng: random.Random, moment: datetime, family: str, suffix: str, photo: bool) -> Capture:
    """The file name and metadata of a capture taken at `moment` (a photo of paper may carry EXIF)."""
    later = moment + timedelta(days=rng.randint(1, 40), seconds=rng.randint(0, 86400))
    stem = rng.choice(UNDATED_STEMS)
    undated = stem.format(n=rng.randint(1000, 9999)) + (suffix.upper() if stem.startswith("IMG") else suffix)
    if photo and rng.random() < 0.6:
        return Capture(undated, "exif", later, moment, later)
    draw = rng.random()
    if draw < 0.6:
        return Capture(dated_name(rng.choice(DATED_STYLES), rng, moment, family, suffix), "filename", later, None, later)
    if draw < 0.9:
        return Capture(undated, "mtime", moment, None, later)
    return Capture(undated, "import", None, None, moment)

"""Capture times in the names phones, chat apps and desktops give screenshots (ocr/extract/filenames.py)."""
from __future__ import annotations

from datetime import datetime

import pytest

from ocr.extract.config import SHANGHAI
from ocr.extract.filenames import capture_time_from_name

CAPTURED = datetime(2026, 2, 14, 22, 15, 35, tzinfo=SHANGHAI)
WECHAT_MS = datetime(2024, 2, 15, 20, 26, 40, tzinfo=SHANGHAI)
"""1708000000000 ms after the Unix epoch, in China time."""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("Screenshot_20260214-221535.png", CAPTURED, id="android"),
        pytest.param("Screenshot_20260214-221535_JD.jpg", CAPTURED, id="samsung-with-app"),
        pytest.param("Screenshot_20260214_221535_com.jingdong.app.mall.jpg", CAPTURED, id="huawei-vivo"),
        pytest.param("Screenshot_2026-02-14-22-15-35-123_com.jingdong.app.mall.jpg", CAPTURED, id="miui-ms-and-app"),
        pytest.param("Screenshot_2026-02-14-22-15-35.png", CAPTURED, id="miui"),
        pytest.param("IMG_20260214_221535.jpg", CAPTURED, id="android-camera"),
        pytest.param("20260214_221535.jpg", CAPTURED, id="samsung-camera"),
        pytest.param("微信图片_20260214221535.jpg", CAPTURED, id="wechat-desktop"),
        pytest.param("微信图片_20260214221535_1.jpg", CAPTURED, id="wechat-desktop-second-copy"),
        pytest.param("QQ图片20260214221535.jpg", CAPTURED, id="qq"),
        pytest.param("mmexport1708000000000.jpg", WECHAT_MS, id="wechat-export-unix-ms"),
        pytest.param("wx_camera_1708000000000.jpg", WECHAT_MS, id="wechat-camera-unix-ms"),
        pytest.param("microMsg.1708000000000.jpg", WECHAT_MS, id="wechat-old-unix-ms"),
        pytest.param("Screenshot 2026-02-14 at 22.15.35.png", CAPTURED, id="macos"),
        pytest.param("Screen Shot 2019-02-14 at 10.15.35 PM.png", datetime(2019, 2, 14, 22, 15, 35, tzinfo=SHANGHAI),
                     id="macos-old-12-hour"),
        pytest.param("Screen Shot 2019-02-14 at 12.05.00 AM.png", datetime(2019, 2, 14, 0, 5, tzinfo=SHANGHAI),
                     id="macos-old-midnight"),
        pytest.param("截屏2026-02-14 22.15.35.png", CAPTURED, id="macos-chinese"),
        pytest.param("屏幕快照 2019-02-14 下午10.15.35.png", datetime(2019, 2, 14, 22, 15, 35, tzinfo=SHANGHAI),
                     id="macos-old-chinese"),
        pytest.param("屏幕截图 2026-02-14 221535.png", CAPTURED, id="windows-chinese"),
        pytest.param("Screenshot 2026-02-14 221535.png", CAPTURED, id="windows-english"),
        pytest.param("photo_2026-02-14_22-15-35.jpg", CAPTURED, id="telegram-desktop"),
    ],
)
def test_capture_time_from_name(name: str, expected: datetime) -> None:
    assert capture_time_from_name(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("IMG_1234.PNG", id="ios-counter"),
        pytest.param("屏幕截图(1).png", id="windows-10-counter"),
        pytest.param("IMG-20260214-WA0001.jpg", id="whatsapp-date-only"),
        pytest.param("Screenshot_20261345-221535.png", id="impossible-month"),
        pytest.param("Screenshot_20260230-221535.png", id="impossible-day"),
        pytest.param("Screenshot_20260214-251535.png", id="impossible-hour"),
        pytest.param("Screenshot_20260214-226035.png", id="impossible-minute"),
        pytest.param("Screen Shot 2019-02-14 at 13.15.35 PM.png", id="impossible-12-hour"),
        pytest.param("订单312345678901.png", id="order-number"),
        pytest.param("2026021422001234567890123456.png", id="alipay-trade-number-begins-with-a-date"),
        pytest.param("PXL_20260214_141535123.jpg", id="pixel-not-local-time"),
        pytest.param("", id="empty"),
    ],
)
def test_names_without_a_capture_time(name: str) -> None:
    assert capture_time_from_name(name) is None

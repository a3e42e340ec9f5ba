"""Timestamps as screenshots show them, resolved against a fixed reference (Wednesday 2026-02-18 12:00)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ocr.extract import ExtractionConfig, extract_text
from ocr.extract.config import SHANGHAI
from ocr.types import FieldType

CONFIG = ExtractionConfig(datetime(2026, 2, 18, 12, 0, tzinfo=SHANGHAI), "exif")


def timestamps(text: str, config: ExtractionConfig = CONFIG) -> list[tuple[str, str, str]]:
    return [(f.raw, f.normalized, f.reference) for f in extract_text(text, config) if f.type is FieldType.TIMESTAMP]


@pytest.mark.parametrize(
    ("text", "raw", "normalized"),
    [
        pytest.param("2026-02-14 22:15:35", "2026-02-14 22:15:35", "2026-02-14T22:15:35+08:00", id="iso-seconds"),
        pytest.param("2026/2/14 22:15", "2026/2/14 22:15", "2026-02-14T22:15+08:00", id="slashes-minutes"),
        pytest.param("2026.02.14", "2026.02.14", "2026-02-14", id="dots-date-only"),
        pytest.param("下单时间：2026年2月14日 22:16", "2026年2月14日 22:16", "2026-02-14T22:16+08:00", id="cjk-date-time"),
        pytest.param("2026-02-1422:15:35", "2026-02-1422:15:35", "2026-02-14T22:15:35+08:00", id="glued-date-time"),
        pytest.param("2025-12-0700:36", "2025-12-0700:36", "2025-12-07T00:36+08:00", id="glued-date-time-minutes"),
        pytest.param("2025/12/31 06:44: 21", "2025/12/31 06:44: 21", "2025-12-31T06:44:21+08:00",
                     id="space-after-the-seconds-colon"),
        pytest.param("2016年6月2911:30", "2016年6月2911:30", "2016-06-29T11:30+08:00", id="glued-cjk-date-time"),
        pytest.param("２０２６－０２－１４　２２：１５", "２０２６－０２－１４　２２：１５", "2026-02-14T22:15+08:00",
                     id="full-width"),
        pytest.param("2026年2月14日下午3:05", "2026年2月14日下午3:05", "2026-02-14T15:05+08:00", id="date-afternoon"),
        pytest.param("2016年3月20日(日) 21時40分", "2016年3月20日(日) 21時40分", "2016-03-20T21:40+08:00",
                     id="weekday-in-brackets"),
        pytest.param("2026年2月", "2026年2月", "2026-02", id="year-month"),
        pytest.param("2024–10–14", "2024–10–14", "2024-10-14", id="en-dash-ios"),
        pytest.param("2024—10—14", "2024—10—14", "2024-10-14", id="em-dash"),
        pytest.param("2024‐10‐14 09:30", "2024‐10‐14 09:30", "2024-10-14T09:30+08:00", id="unicode-hyphen-date-time"),
        pytest.param("开票日期 2019 05 08", "2019 05 08", "2019-05-08", id="spaced-invoice-date"),
        pytest.param("开票日期：2019年05月08日", "2019年05月08日", "2019-05-08", id="invoice-cjk-padded"),
        pytest.param("开票日期：20260109", "20260109", "2026-01-09", id="invoice-date-lost-its-characters"),
        pytest.param("交易时间 20260109 10:32", "20260109 10:32", "2026-01-09T10:32+08:00",
                     id="compact-date-after-time-caption"),
        pytest.param("2019 年 05 月 08 日", "2019 年 05 月 08 日", "2019-05-08", id="cjk-date-with-spaces"),
        pytest.param("2026年 2月 14日 22:15", "2026年 2月 14日 22:15", "2026-02-14T22:15+08:00",
                     id="cjk-date-time-with-spaces"),
    ],
)
def test_absolute_timestamps_need_no_reference(text: str, raw: str, normalized: str) -> None:
    assert timestamps(text) == [(raw, normalized, "")]


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        pytest.param("2月14日", "2026-02-14", id="month-day"),
        pytest.param("12月24日", "2025-12-24", id="month-day-after-reference-is-last-year"),
        pytest.param("02-14 22:15", "2026-02-14T22:15+08:00", id="wechat-month-day-time"),
        pytest.param("01-0417:37", "2026-01-04T17:37+08:00", id="glued-month-day-time"),
        pytest.param("12-3004:27", "2025-12-30T04:27+08:00", id="glued-month-day-time-last-year"),
        pytest.param("02-1417:37:05", "2026-02-14T17:37:05+08:00", id="glued-month-day-time-seconds"),
        pytest.param("二月十号", "2026-02-10", id="chinese-numerals"),
        pytest.param("22:15", "2026-02-17T22:15+08:00", id="bare-time-later-than-reference-is-yesterday"),
        pytest.param("09:30", "2026-02-18T09:30+08:00", id="bare-time-earlier-today"),
        pytest.param("上午9:05", "2026-02-18T09:05+08:00", id="morning"),
        pytest.param("下午3:05", "2026-02-17T15:05+08:00", id="afternoon"),
        pytest.param("晚上9:05", "2026-02-17T21:05+08:00", id="evening"),
        pytest.param("凌晨1:05", "2026-02-18T01:05+08:00", id="small-hours"),
        pytest.param("中午12:30", "2026-02-17T12:30+08:00", id="noon"),
        pytest.param("中午1点", "2026-02-17T13:00+08:00", id="noon-one-oclock"),
        pytest.param("9点05分", "2026-02-18T09:05+08:00", id="dian-fen"),
        pytest.param("下午3点", "2026-02-17T15:00+08:00", id="afternoon-dian"),
        pytest.param("下午三点半", "2026-02-17T15:30+08:00", id="chinese-half-past"),
        pytest.param("昨天 21:03", "2026-02-17T21:03+08:00", id="yesterday"),
        pytest.param("前天 08:00", "2026-02-16T08:00+08:00", id="day-before-yesterday"),
        pytest.param("今天 11:59", "2026-02-18T11:59+08:00", id="today"),
        pytest.param("昨晚8点", "2026-02-17T20:00+08:00", id="last-night"),
        pytest.param("星期一 10:20", "2026-02-16T10:20+08:00", id="weekday-time"),
        pytest.param("星期— 10:20", "2026-02-16T10:20+08:00", id="weekday-one-read-as-dash"),
        pytest.param("星期—03:57", "2026-02-16T03:57+08:00", id="weekday-one-read-as-dash-glued-time"),
        pytest.param("周一", "2026-02-16", id="short-weekday"),
        pytest.param("周三 09:00", "2026-02-11T09:00+08:00", id="same-weekday-is-last-week"),
        pytest.param("上周五", "2026-02-13", id="last-week"),
        pytest.param("9号 14:00", "2026-02-09T14:00+08:00", id="day-of-month-time"),
        pytest.param("3:15pm", "2026-02-17T15:15+08:00", id="pm-suffix"),
        pytest.param("15年3月2日", "2015-03-02", id="two-digit-year"),
    ],
)
def test_partial_timestamps_resolve_into_the_past(text: str, normalized: str) -> None:
    assert timestamps(text) == [(text, normalized, "exif")]


@pytest.mark.parametrize(
    ("text", "raw", "normalized"),
    [
        pytest.param("交易日 01/15", "01/15", "2026-01-15", id="statement-date-cell-after-its-header"),
        pytest.param("还款日 03-10", "03-10", "2025-03-10", id="month-day-after-a-day-caption"),
        pytest.param("交易日期：1/5", "1/5", "2026-01-05", id="month-day-after-a-date-caption"),
    ],
)
def test_month_and_day_alone_are_a_date_after_a_day_caption(text: str, raw: str, normalized: str) -> None:
    assert timestamps(text) == [(raw, normalized, "exif")]


def test_reference_is_read_in_shanghai_time() -> None:
    """03:30 UTC on the 18th is 11:30 in Shanghai, so 11:00 is today, not yesterday."""
    config = ExtractionConfig(datetime(2026, 2, 18, 3, 30, tzinfo=timezone.utc), "mtime")
    assert timestamps("11:00", config) == [("11:00", "2026-02-18T11:00+08:00", "mtime")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("实付款 ¥12.25", id="price-with-dot"),
        pytest.param("共1299.00元", id="plain-price"),
        pytest.param("有一点问题", id="yidian-means-a-little"),
        pytest.param("2019年2月29日", id="impossible-date"),
        pytest.param("25:61", id="impossible-time"),
        pytest.param("订单编号 285123456789", id="order-number"),
        pytest.param("比例 1/2", id="fraction"),
        pytest.param("比分 3/10", id="month-day-shape-without-a-day-caption"),
        pytest.param("6月账单", id="month-without-day"),
        pytest.param("校验码 12345 67890 12345 67890", id="check-code-groups"),
        pytest.param("卡号 6222 0212 3456 7890", id="card-number-groups"),
        pytest.param("2019 13 08", id="spaced-impossible-month"),
        pytest.param("发票号码：20260109", id="eight-digits-without-date-caption"),
        pytest.param("开票日期：20261309", id="compact-impossible-month"),
        pytest.param("12-3117:60", id="glued-impossible-minute"),
        pytest.param("1-49:30", id="glued-one-digit-day-is-ambiguous"),
        pytest.param("电话 0755-41631539", id="landline-is-no-glued-date"),
        pytest.param("客服热线 400-606-5500", id="hotline-is-no-glued-date"),
        pytest.param("13812345678", id="mobile"),
        pytest.param("交易单号 4200002123202401151234567890", id="transaction-number-is-no-compact-date"),
        pytest.param("好的，今天之内给您回电", id="deadline-of-a-promise"),
        pytest.param("明天之前发货", id="deadline-before-tomorrow"),
    ],
)
def test_not_timestamps(text: str) -> None:
    assert timestamps(text) == []


def test_two_timestamps_on_one_line() -> None:
    found = timestamps("下单时间 2026-02-14 22:15:35 付款时间 2026-02-14 22:16:02")
    assert [normalized for _, normalized, _ in found] == ["2026-02-14T22:15:35+08:00", "2026-02-14T22:16:02+08:00"]


def test_naive_reference_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ExtractionConfig(datetime(2026, 2, 18, 12, 0))


PAGE = ExtractionConfig(datetime(2026, 2, 14, 22, 15, 35, tzinfo=SHANGHAI), "filename")
"""A screenshot named Screenshot_20260214-221535.png showing older dates."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("下单时间 2021-07-10\n预计7月15日送达", [("2021-07-10", ""), ("2021-07-15", "page")],
                     id="page-year-beats-filename"),
        pytest.param("2021-12-28 账单日\n1月3日 10:00 还款", [("2021-12-28", ""), ("2022-01-03T10:00+08:00", "page")],
                     id="page-year-next-year-is-nearer"),
        pytest.param("2026年2月\n12-07 00:36", [("2026-02", ""), ("2025-12-07T00:36+08:00", "page")],
                     id="month-header-of-a-bill-list"),
        pytest.param("账单日 2026-02-10\n还款日 3月1日", [("2026-02-10", ""), ("2026-03-01", "page")],
                     id="page-allows-a-due-date-after-capture"),
        pytest.param("2021-07-10\n昨天 19:43", [("2021-07-10", ""), ("2026-02-13T19:43+08:00", "filename")],
                     id="relative-day-uses-capture-not-page"),
        pytest.param("2021-07-10\n19:43", [("2021-07-10", ""), ("2026-02-14T19:43+08:00", "filename")],
                     id="bare-time-uses-capture-not-page"),
        pytest.param("2021-07-10\n星期二", [("2021-07-10", ""), ("2026-02-10", "filename")],
                     id="weekday-uses-capture-not-page"),
        pytest.param("7月15日", [("2025-07-15", "filename")], id="no-page-date-uses-capture"),
        pytest.param("2月29日\n2024-03-01", [("2024-02-29", "page"), ("2024-03-01", "")],
                     id="leap-day-from-page-year"),
    ],
)
def test_year_less_dates_take_the_page_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(normalized, reference) for _, normalized, reference in timestamps(text, PAGE)] == expected


def test_page_is_not_a_capture_source() -> None:
    """"page" is chosen per date by extraction; the capture reference must come from the file."""
    with pytest.raises(ValueError, match="unknown reference_source"):
        ExtractionConfig(datetime(2026, 2, 18, 12, 0, tzinfo=SHANGHAI), "page")

"""Dates and times in every form JD, bank and chat screenshots show, resolved to ISO 8601 (+08:00).

Relative dates (昨天, 星期二, a bare 19:43) count back from the moment of capture and always into the
past: a screenshot records something that already happened ("bare weekday or time means the most
recent past"). A date without a year takes the year of the full dates printed on the same page when
there are any (issue #10: "7月15日" next to "2021-07-10" is 2021), else the latest past one.

OCR of real pages loses what separates the parts, and the rules follow it: a time glued to a
two-digit day (`01-0417:37` is 01-04 17:37, `2026-02-1422:15:35`), a space after the seconds'
colon (`06:44: 21`), and a date whose 年月日 were dropped (`开票日期：20260109`), read as a date
only right after a 日期/时间 caption because a bare run of eight digits is as often an invoice number.
A month and day alone (`01/15`) is a date only after a caption that ends in 日 (交易日 01/15 in a card
statement's table, 还款日 03-10): bare, it is as often a fraction, a score or a count.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from ocr.extract.candidates import Candidate, fold_width
from ocr.extract.config import SHANGHAI, ExtractionConfig
from ocr.extract.numerals import CHINESE_NUMBER, parse_small_number
from ocr.types import FieldType, OcrLine

_CN_DAY = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_WEEKDAY_WORD = "(?:星期|周|週|礼拜|禮拜)"

_RELATIVE_DAYS: dict[str, tuple[int, str | None]] = {
    "大前天": (-3, None), "前天": (-2, None), "昨天": (-1, None), "昨日": (-1, None),
    "昨晚": (-1, "晚上"), "昨夜": (-1, "晚上"), "今天": (0, None), "今日": (0, None), "当天": (0, None),
    "今晚": (0, "晚上"), "今夜": (0, "晚上"), "当晚": (0, "晚上"), "今早": (0, "早上"), "今晨": (0, "早上"),
    "明天": (1, None), "明日": (1, None), "明晚": (1, "晚上"), "明早": (1, "早上"), "后天": (2, None),
    "大后天": (3, None),
}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "7": 6,
             # OCR reads the single stroke of 一 as a dash (folded to "-"): 星期— is 星期一.
             "-": 0, "ー": 0}
_MONTH_SHIFT = {"上个月": -1, "上個月": -1, "上月": -1, "本月": 0, "这个月": 0, "同月": 0, "当月": 0, "下个月": 1,
                "下個月": 1, "下月": 1}
_RELATIVE_YEARS = {"今年": 0, "去年": -1, "前年": -2}
_AGO_UNITS = {"秒": "seconds", "秒钟": "seconds", "分钟": "minutes", "小时": "hours", "天": "days"}
_WEEK_SHIFT = {"上上": -2, "上": -1, "上个": -1, "上個": -1, "这": 0, "这个": 0, "這": 0, "這個": 0,
               "本": 0, "今": 0, "今個": 0, "下": 1, "下个": 1, "下個": 1, "下下": 2}
_AFTERNOON = frozenset({"下午", "午后", "傍晚", "晚上", "晚", "夜里", "夜间", "半夜", "午夜"})
_MIDNIGHT_TWELVE = frozenset({"晚上", "晚", "夜里", "夜间", "半夜", "午夜"})

_WITHIN = "(?:之内|以内|之前|内)"
"""After a relative day (今天之内回电, 明天之前发货) it makes a deadline of a promise, not the time of an event."""

_SEPARATOR = "[-/.\u2010\u2011\u2013\u2212]"
"""Hyphen, slash, dot, and the dashes iOS and PDFs print (‐ ‑ – −; — is already folded to -)."""

_DATE = re.compile(
    rf"""
    (?<![\d.])(?P<ny>(?:19|20)\d{{2}})\s*{_SEPARATOR}\s*(?P<nm>\d{{1,2}})\s*{_SEPARATOR}\s*(?P<nd>\d{{1,2}})
  | (?<![\d.])(?P<sy>(?:19|20)\d{{2}})\x20(?P<sm>0[1-9]|1[0-2])\x20(?P<sd>0[1-9]|[12]\d|3[01])(?![\d.])
  | (?:日期|时间)[\s:]*(?P<ky>(?:19|20)\d{{2}})(?P<km>0[1-9]|1[0-2])(?P<kd>0[1-9]|[12]\d|3[01])(?![\d.])
  | (?:(?P<ry>今年|去年|前年)|(?P<cy>\d{{4}}|\d{{2}}|[零〇一二三四五六七八九]{{2,4}})\s*年\s*)?
    (?P<cm>\d{{1,2}}|{_CN_MONTH})\s*月\s*(?:(?P<cd>\d{{1,2}}|{_CN_DAY})\s*(?P<cds>[日号號])?)?
  | (?:(?<=[\u4e00-\u9fff])日|日期)[\s:]*(?P<qm>0?[1-9]|1[0-2])[-/](?P<qd>0?[1-9]|[12]\d|3[01])(?![\d/])
  | (?<![\d.:/-])(?P<mm>\d{{1,2}})[-/](?P<md>\d{{1,2}})(?P<mds>号)?(?:(?![\d/])|(?<=[-/]\d\d)(?=\d{{1,2}}:\d\d))
  | (?P<rel>{"|".join(sorted(_RELATIVE_DAYS, key=len, reverse=True))})(?!\s*{_WITHIN})
  | (?:(?P<wp>{"|".join(sorted(_WEEK_SHIFT, key=len, reverse=True))})周?)?{_WEEKDAY_WORD}(?P<wd>[一二三四五六日天1-7ー]|-(?!\d)|-(?=\d{{1,2}}:\d\d))
  | (?P<ago>\d{{1,2}}|{CHINESE_NUMBER}|半)\s*个?\s*(?P<unit>秒钟?|分钟|小时|天)前
  | (?:(?P<mp>{"|".join(sorted(_MONTH_SHIFT, key=len, reverse=True))})|(?<![\d月]))(?P<dd>\d{{1,2}}|{_CN_DAY})[日号號]
    """,
    re.VERBOSE,
)

_PERIOD = "凌晨|清晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间|半夜|午夜|早|晚"
_TIME = re.compile(
    rf"""
    (?P<period>{_PERIOD})?\s*
    (?:
      (?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::\x20?(?P<s>\d{{2}}))?(?![\d:])
      (?:\s*(?P<ampm>[AaPp])\.?(?:[Mm]\.?)?(?![A-Za-z]))?
    | (?P<hc>\d{{1,2}}|{CHINESE_NUMBER})[点點时時]
      (?:(?P<half>半)|(?P<quarter>[一1三3])刻|(?P<mic>\d{{1,2}}|{CHINESE_NUMBER})分?)?
      (?:(?P<sc>\d{{1,2}}|{CHINESE_NUMBER})秒)?(?P<oclock>钟|鐘|整)?
    )
    """,
    re.VERBOSE,
)
_DATE_TIME_GAP = re.compile(
    rf"[\s,，T-]*(?:[(（]{_WEEKDAY_WORD}?[一二三四五六日天][)）]|{_WEEKDAY_WORD}[一二三四五六日天])?[\s,，]*"
)


@dataclass(frozen=True, slots=True)
class _Clock:
    """A time of day as read; `seconds` is None when the screenshot did not show them."""

    hour: int
    minute: int
    seconds: int | None
    day_shift: int


def find_timestamps(text: str, config: ExtractionConfig) -> list[Candidate]:
    """Every date, time or date-time in `text`, normalized to ISO 8601 in Asia/Shanghai."""
    found: list[Candidate] = []
    taken_until = 0
    for date_match in _DATE.finditer(text):
        if date_match.start() < taken_until:
            continue
        gap = _DATE_TIME_GAP.match(text, date_match.end())
        time_match = _TIME.match(text, gap.end()) if gap else None
        if time_match and not _is_time(time_match, dated=True):
            time_match = None
        candidate = _resolve(date_match, time_match, config)
        if candidate is None:
            continue
        found.append(candidate)
        taken_until = candidate.end
    for time_match in _TIME.finditer(text):
        if any(c.start < time_match.end() and time_match.start() < c.end for c in found):
            continue
        hour_start = time_match.start("h") if time_match.group("h") else time_match.start("hc")
        if hour_start and text[hour_start - 1] in "0123456789:.":
            continue
        if _is_time(time_match, dated=False):
            candidate = _resolve(None, time_match, config)
            if candidate is not None:
                found.append(candidate)
    return sorted(found, key=lambda c: c.start)


def is_date_alone(text: str) -> bool:
    """Whether a (width-folded) box holds a calendar date and nothing else (2026-01-22, 2026年1月22日, 01-22)."""
    match = _DATE.fullmatch(text.strip())
    return match is not None and any(match.group(g) for g in ("nd", "sd", "kd", "cd", "md"))


def is_clock_alone(text: str) -> bool:
    """Whether a (width-folded) box holds a time of day in digits and nothing else (19:57:59, 22:15)."""
    match = _TIME.fullmatch(text.strip())
    return match is not None and match.group("h") is not None and int(match.group("h")) < 24 \
        and int(match.group("mi")) < 60


def with_page_dates(lines: Sequence[OcrLine], config: ExtractionConfig) -> ExtractionConfig:
    """`config` with the full dates (and year-months) the page itself prints, to give year-less dates a year."""
    page_dates = []
    for line in lines:
        for candidate in find_timestamps(fold_width(line.text), config):
            if not candidate.reference:
                page_dates.append(date.fromisoformat(candidate.normalized[:10] if len(candidate.normalized) > 7
                                                     else candidate.normalized + "-01"))
    return replace(config, page_dates=tuple(sorted(set(page_dates))))


def _is_time(match: re.Match[str], *, dated: bool) -> bool:
    """Reject "一点" (a little) and other clock-shaped words unless something says it is a time."""
    if match.group("h") is not None or match.group("hc").isdigit():
        return True
    return dated or bool(match.group("period") or match.group("mic") or match.group("half")
                         or match.group("quarter") or match.group("oclock"))


def _resolve(date_match: re.Match[str] | None, time_match: re.Match[str] | None,
             config: ExtractionConfig) -> Candidate | None:
    """Turn the matched pieces into one candidate, or None when they name no real date or time."""
    reference = config.local_reference
    if date_match is not None and date_match.group("ago") and date_match.group("unit") != "天":
        return _elapsed(date_match, config)
    clock = _read_clock(time_match, _implied_period(date_match)) if time_match else None
    if time_match and clock is None:
        return None
    if date_match:
        day, source, confidence = _read_day(date_match, clock, config)
    else:
        day, source, confidence = None, config.reference_source, 0.0
    if date_match and day is None:
        return None
    captioned = next((g for g in ("ky", "qm") if date_match and date_match.group(g)), None)
    start = (date_match.start(captioned) if captioned else date_match.start()) if date_match \
        else time_match.start()
    end = time_match.end() if time_match else date_match.end()
    if isinstance(day, str):
        return Candidate(FieldType.TIMESTAMP, start, end, day, confidence, source)
    if clock is None:
        return Candidate(FieldType.TIMESTAMP, start, end, day.isoformat(), confidence, source)
    if day is None:
        day = reference.date()
        confidence = 0.75 if time_match.group("h") else 0.6
        if _at(day, clock) > reference:
            day -= timedelta(days=1)
    else:
        confidence = min(confidence + 0.05, 0.95)
    moment = _at(day, clock)
    spec = "seconds" if clock.seconds is not None else "minutes"
    return Candidate(FieldType.TIMESTAMP, start, end, moment.isoformat(timespec=spec), confidence, source)


def _elapsed(match: re.Match[str], config: ExtractionConfig) -> Candidate | None:
    """Elapsed time such as 2小时前 or 半小时前: apps show recent events relative to the screenshot."""
    amount = 0.5 if match.group("ago") == "半" else parse_small_number(match.group("ago"))
    if amount is None:
        return None
    unit = _AGO_UNITS[match.group("unit")]
    moment = config.local_reference - timedelta(**{unit: amount})
    spec = "seconds" if unit == "seconds" else "minutes"
    return Candidate(FieldType.TIMESTAMP, match.start(), match.end(), moment.isoformat(timespec=spec), 0.7,
                     config.reference_source)


def _at(day: date, clock: _Clock) -> datetime:
    moment = datetime.combine(day, time(clock.hour, clock.minute, clock.seconds or 0), SHANGHAI)
    return moment + timedelta(days=clock.day_shift)


def _implied_period(date_match: re.Match[str] | None) -> str | None:
    """今晚/昨晚 carry a part of day that applies to a following "8点"."""
    if date_match is None or date_match.group("rel") is None:
        return None
    return _RELATIVE_DAYS[date_match.group("rel")][1]


def _read_clock(match: re.Match[str], implied_period: str | None) -> _Clock | None:
    period = match.group("period") or implied_period
    if match.group("h") is not None:
        hour, minute = int(match.group("h")), int(match.group("mi"))
        seconds = int(match.group("s")) if match.group("s") else None
    else:
        hour = parse_small_number(match.group("hc"))
        minute = 30 if match.group("half") else 0
        if match.group("quarter"):
            minute = 15 if match.group("quarter") in "一1" else 45
        elif match.group("mic"):
            minute = parse_small_number(match.group("mic"))
        seconds = parse_small_number(match.group("sc")) if match.group("sc") else None
    if hour is None or minute is None or hour > 24 or minute > 59 or (seconds is not None and seconds > 59):
        return None
    ampm = (match.group("ampm") or "").lower()
    day_shift = 0
    if period in _MIDNIGHT_TWELVE and hour == 12 or hour == 24:
        hour, day_shift = 0, 1
    elif (period in _AFTERNOON or ampm == "p") and hour < 12:
        hour += 12
    elif period == "中午" and hour < 6:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    return _Clock(hour, minute, seconds, day_shift)


def _read_day(match: re.Match[str], clock: _Clock | None,
              config: ExtractionConfig) -> tuple[date | str | None, str, float]:
    """The calendar day (or "YYYY-MM" for a month), the reference it needed ("" for none), and confidence."""
    groups = match.groupdict()
    reference, source = config.local_reference, config.reference_source
    if groups["ny"]:
        return _make_date(int(groups["ny"]), int(groups["nm"]), int(groups["nd"])), "", 0.9
    if groups["sy"]:
        # Only invoices space a date out (开票日期 2019 05 08); a digit run of that shape is less certain.
        return _make_date(int(groups["sy"]), int(groups["sm"]), int(groups["sd"])), "", 0.8
    if groups["ky"]:
        return _make_date(int(groups["ky"]), int(groups["km"]), int(groups["kd"])), "", 0.8
    if groups["cm"]:
        return _read_chinese_date(groups, clock, config)
    if groups["qm"]:
        return (*_year_less(int(groups["qm"]), int(groups["qd"]), clock, config), 0.85)
    if groups["mm"]:
        if clock is None and not groups["mds"]:
            return None, source, 0.0
        return (*_year_less(int(groups["mm"]), int(groups["md"]), clock, config), 0.85)
    if groups["rel"]:
        return reference.date() + timedelta(days=_RELATIVE_DAYS[groups["rel"]][0]), source, 0.6
    if groups["wd"]:
        return _weekday(groups["wp"], _WEEKDAYS[groups["wd"]], reference), source, 0.7
    if groups["ago"]:
        days = parse_small_number(groups["ago"])
        return (reference.date() - timedelta(days=days) if days is not None else None), source, 0.7
    day = parse_small_number(groups["dd"])
    if groups["mp"]:
        month_index = reference.year * 12 + reference.month - 1 + _MONTH_SHIFT[groups["mp"]]
        return _make_date(month_index // 12, month_index % 12 + 1, day), source, 0.8
    if clock is None:
        return None, source, 0.0
    found = _make_date(reference.year, reference.month, day)
    if found is not None and _at(found, clock) > reference:
        previous_month = reference.replace(day=1) - timedelta(days=1)
        found = _make_date(previous_month.year, previous_month.month, day)
    return found, source, 0.7


def _read_chinese_date(groups: dict[str, str | None], clock: _Clock | None,
                       config: ExtractionConfig) -> tuple[date | str | None, str, float]:
    """2026年2月14日, 2月14号, 二月十号, 去年9月2号, 2016年6月29 (OCR drops the 日) and 2026年2月."""
    reference = config.local_reference
    month, day_text = parse_small_number(groups["cm"]), groups["cd"]
    day = parse_small_number(day_text) if day_text else None
    if not (groups["ry"] or groups["cy"]):
        if day_text is None or (not groups["cds"] and clock is None):
            return None, config.reference_source, 0.0
        return (*_year_less(month, day, clock, config), 0.85)
    if groups["ry"]:
        year, needs_reference = reference.year + _RELATIVE_YEARS[groups["ry"]], True
    else:
        year, needs_reference = _read_year(groups["cy"], reference)
    source = config.reference_source if needs_reference else ""
    if year is None or month is None or not 1 <= month <= 12:
        return None, source, 0.0
    if day_text is None:
        return (None if clock else f"{year:04d}-{month:02d}"), source, 0.8
    return _make_date(year, month, day), source, 0.9


def _read_year(text: str, reference: datetime) -> tuple[int | None, bool]:
    """A four-digit year as is; a two-digit one ("15年", "九零年") in the century nearest the reference."""
    year = parse_small_number(text)
    if year is None or len(text) == 4:
        return year, False
    century = reference.year // 100 * 100
    return min((century - 100 + year, century + year, century + 100 + year),
               key=lambda y: abs(y - reference.year)), True


def _make_date(year: int, month: int | None, day: int | None) -> date | None:
    if month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_less(month: int | None, day: int | None, clock: _Clock | None,
               config: ExtractionConfig) -> tuple[date | None, str]:
    """A month-day without a year, and what gave it its year: the page's own dates, else the capture."""
    on_page = _nearest_to_page(month, day, config.page_dates)
    if on_page is not None:
        return on_page, "page"
    return _latest_past_year(month, day, clock, config.local_reference), config.reference_source


def _nearest_to_page(month: int | None, day: int | None, page_dates: Sequence[date]) -> date | None:
    """The month-day in the year around a page date that lies nearest to one of them.

    Years next to each page date are tried too, so "1月3日" under "2021-12-28" is 2022-01-03. A
    later date is allowed: bills print due dates (还款日) after the day they were issued.
    """
    options = {_make_date(page_date.year + shift, month, day) for page_date in page_dates for shift in (-1, 0, 1)}
    options.discard(None)
    return min(options, key=lambda option: (min(abs((option - page_date).days) for page_date in page_dates), option),
               default=None)


def _latest_past_year(month: int | None, day: int | None, clock: _Clock | None,
                      reference: datetime) -> date | None:
    """A month-day without a year takes the reference year unless that lies after the reference."""
    found = _make_date(reference.year, month, day)
    if found is None or (_at(found, clock) if clock else found) > (reference if clock else reference.date()):
        found = _make_date(reference.year - 1, month, day)
    return found


def _weekday(prefix: str | None, weekday: int, reference: datetime) -> date:
    """上周二/本周二/下周二 count in Monday-based weeks; a bare 周二 is the last one before today.

    Chat lists (WeChat, JD 咚咚) show today's messages with a time only, so a weekday label
    always names an earlier day.
    """
    today = reference.date()
    if prefix is None:
        back = (today.weekday() - weekday) % 7 or 7
        return today - timedelta(days=back)
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=_WEEK_SHIFT[prefix], days=weekday)

"""Dates in Chinese sentences, resolved to ISO, and the clause each one dates.

Written dates (2023年5月29日, 2023年5月, 2023年) stand on their own; a month or
day without a year (5月29日, 8月底) and the relative ones (今年, 去年, 上半年,
一季度, 今年以来) take their year from the page's stamp, and are left out when
the page has none. A span of months (1-8月, 前三季度) resolves to its year, and
a baseline (去年同期, 比上年) is no date.
"""

from __future__ import annotations

import re

import regex
from datetime import date

from ...contract.records import DateMention, Event
from .text import han_count, vocabulary

_YEAR = r"(?P<year>(?:19|20)\d{2})年"
_MONTH = r"(?P<month>1[0-2]|0?[1-9])月"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])[日号]"
_RELATIVE = r"(?P<relative>今年|去年|明年|上年|当年)"
_PERIOD = (r"(?P<period>(?:第|前|上|下)?[一二三四1-4](?:个)?季度|[上下]半年|(?:前)?\d{1,2}[-—~至]\d{1,2}月(?:份)?"
           r"|前(?:\d{1,2}|[一二三四五六七八九十]{1,2})个月|全年)")
_EDGE = r"(?P<edge>底|末|初|份|上旬|中旬|下旬|以来)?"
_DATE = regex.compile(  # regex, not re: one group name in several alternatives
    rf"(?<![\d.\-—~])(?<!\d至)(?:"
    rf"{_YEAR}{_MONTH}{_DAY}"
    rf"|(?:{_YEAR}|{_RELATIVE})?(?:{_PERIOD}|{_MONTH}(?:{_DAY})?)"
    rf"|{_YEAR}(?!代|[-—~至]\d)"
    rf"|(?P<rel_alone>今年|去年|明年)"
    rf"){_EDGE}"
)
# A baseline compares with a date; it does not date anything.
_BASELINE = re.compile(r"(?:同期|同比|相比|水平)")
_OFFSETS = {"今年": 0, "当年": 0, "去年": -1, "上年": -1, "明年": 1}
_QUALIFIERS = {"以来": "since", "底": "end", "末": "end", "初": "beginning", "上旬": "early", "中旬": "mid",
               "下旬": "late"}
_TARGET = re.compile(r"(?:到|(?<!截)至|力争|计划|预计|将|争取)$")
# "比去年", "较上年": a date compared with is a baseline.
_COMPARED = re.compile(r"[比较]$")
_CLAUSE = re.compile(r"[,，;；。！？!?]")
_MIN_EVENT_HAN = 4
_MAX_EVENT_CHARS = 60
_FRAMES = vocabulary()["report_frames"]
# "上证报中国证券网讯(记者韩远飞)": a dateline and byline opening the clause say who reports, not what
# happened
_DATELINE = re.compile(rf"^[^，,。；;]{{0,24}}?(?:{'|'.join(_FRAMES['dateline_ends'])})(?=[\s(（\d]|$)\s*"
                       r"(?:[(（][^)）]*[)）])?")
_BYLINE = re.compile(r"[(（]\s*记者[^)）]*[)）]")
# "记者从组委会获悉": the reporter's source; the event is in the clause after it
_REPORTED = re.compile(rf"(?:{'|'.join(_FRAMES['reporting_verbs'])})$")


def _year_of(found: regex.Match, stamp: date | None) -> int | None:
    if found["year"]:
        return int(found["year"])
    relative = found["relative"] or found["rel_alone"]
    if stamp is None:
        return None
    return stamp.year + _OFFSETS.get(relative or "今年", 0)


def _resolve(found: regex.Match, stamp: date | None) -> tuple[str, str] | None:
    """The ISO date and precision of a match, or None where it needs a stamp the page lacks."""
    year = _year_of(found, stamp)
    if year is None:
        return None
    if found["period"] or not found["month"]:
        return str(year), "year"
    month = int(found["month"])
    if found["day"]:
        try:
            return date(year, month, int(found["day"])).isoformat(), "day"
        except ValueError:
            return None
    return f"{year}-{month:02d}", "month"


def find_chinese_dates(sentence: str, stamp: str | None) -> list[DateMention]:
    """Return the dates of a (simplified) Chinese sentence; ``stamp`` is the page's ISO publication date."""
    day = date.fromisoformat(stamp[:10]) if stamp and len(stamp) >= len("2000-01-01") else None
    found = []
    for match in _DATE.finditer(sentence):
        before = sentence[max(0, match.start() - 1):match.start()]
        if not match.group(0) or _BASELINE.match(sentence, match.end()) or before == "第" or _COMPARED.search(before):
            continue
        resolved = _resolve(match, day)
        if resolved:
            found.append(DateMention(text=match.group(0), date=resolved[0], precision=resolved[1],
                                     qualifier=_QUALIFIERS.get(match["edge"] or ""),
                                     start=match.start(), end=match.end()))
    return found


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause holding a date, without the date; with the next clause where that leaves a few characters."""
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(sentence)] + [len(sentence)]
    first = max(b for b in bounds if b <= start)
    last = min((b for b in bounds if b >= end and b > first), default=len(sentence))
    event = _unframed(sentence[first:start] + sentence[end:last])
    while (han_count(event) < _MIN_EVENT_HAN or _REPORTED.search(event)) and last < len(sentence):
        following = min((b for b in bounds if b > last), default=len(sentence))
        event = _unframed(("" if _REPORTED.search(event) else event) + sentence[last:following])
        last = following
    event = re.sub(r"^(?:截至|截止|于|在|从|自|到|至)", "", event)
    event = re.sub(r"[(（][^)）]*$", "", event)  # a bracket the clause break left open
    return event[:_MAX_EVENT_CHARS] + ("…" if len(event) > _MAX_EVENT_CHARS else "")


def _unframed(clause: str) -> str:
    """A clause without the dateline and byline that open it."""
    return _BYLINE.sub("", _DATELINE.sub("", clause.strip("，,；;。 "))).strip("，,；;。 ")


def extract_chinese_events(sentences: list[str], simplified: list[str], stamp: str | None,
                           article_id: str) -> list[Event]:
    """Return the dated events of a Chinese article: each date with the clause it dates, as written."""
    events, seen = [], set()
    for sentence, simple in zip(sentences, simplified):
        dateline = _DATELINE.match(simple)
        for mention in find_chinese_dates(simple, stamp):
            if dateline and mention.end <= dateline.end():
                continue  # "新华社银川6月3日电": the day of the report, not of an event
            event = _clause_around(sentence, mention.start, mention.end)
            key = (mention.date, event)
            if event and key not in seen:
                seen.add(key)
                target = bool(_TARGET.search(simple[:mention.start])) or mention.date[:4] > (stamp or "9999")[:4]
                events.append(Event(date=mention.date, precision=mention.precision, event=event, article=article_id,
                                    sentence=sentence, qualifier=mention.qualifier,
                                    text=sentence[mention.start:mention.end], target=target))
    return events

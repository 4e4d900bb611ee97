"""Turning a scraped news page into an Article: furniture out, metadata and sentences in.

Two page shapes are handled: text with one paragraph per line, and whole web
pages flattened onto one line, where the body is found between the repeated
title (or the byline stamp) and the first comment or "Most Read" block. Every phrase and pattern
lives in data/furniture.json.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from ..contract.datafiles import read_json
from ..contract.records import Article
from .sentences import CUT, elide_long_words, split_sentences

# Stamps always state their year; the base only keeps dateparser from filling
# a missing part from today's date.
RELATIVE_BASE = datetime(2000, 1, 1)
_MIN_TITLE_WORDS = 3
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_MIN_PARAGRAPH_WORDS = 8
_LONG_LINE_WORDS = 40
# A line this long before its footer is a whole page saved as one line (a caption, however long, is shorter).
_FLAT_PAGE_WORDS = 150
# How far into a flat page's body, after its title, a wire dateline still opens the story.
_DATELINE_REACH = 600
# "... Southeast Asia By Zhang Yukun /" before a stamp: the author, no part of the title
_BY_AUTHOR = re.compile(r"\s+By\s+[A-Z][\w.'’-]*(?:(?:\s+|\s*,\s*|\s+and\s+|\s+in\s+)[A-Z][\w.'’-]*){0,5}[\s/|]*$")
_CLOCK_AFTER = re.compile(r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?")
_SENTENCE_END = re.compile(r"[a-z][.!?][\"'”’)]*\s+[A-Z]")
# A sentence ended in the story's own words, after a word or a number ("... in 2023. The ...").
_ENDED = re.compile(r"[a-z\d][.!?][\"'”’)]*\s+[A-Z]")
_BREADCRUMB_MAX_WORDS = 12
_SITE_NAME_MAX_WORDS = 5
_ISO_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}
# The longest real articles have about 25 sentences; far more is a dump, and each costs time.
MAX_SENTENCES = 300
MAX_TITLE_CHARS = 200  # headlines run to about 130; a longer "title" is a page without line breaks
# Pages state their date and source near the top or below a few kB of text: a
# search through megabytes would cost seconds per pattern and find nothing more.
_STAMP_SEARCH_CHARS = 100_000


@dataclass
class Page:
    """What a page says about its article, before sentence splitting."""

    title: str = ""
    date: str | None = None
    source: str | None = None
    author: str | None = None
    dateline: str | None = None  # the city of a "CITY, Month Day (Agency) --" dateline
    paragraphs: list[str] = field(default_factory=list)
    truncated: bool = False  # only the start of an overlong page was read
    language: str = "en"  # "zh" for a Chinese page; "ja" or "ko" for a page that is neither


@cache
def _furniture() -> dict:
    return read_json("furniture.json")


@cache
def _compiled(key: str) -> tuple[re.Pattern, ...]:
    entry = _furniture()[key]
    patterns = entry["patterns"] if isinstance(entry, dict) else entry
    return tuple(re.compile(p) for p in patterns)


@cache
def _byline() -> re.Pattern:
    return re.compile(_furniture()["byline"])


@cache
def _dateline() -> re.Pattern:
    """A wire dateline ("WUHAN, May 3 (Xinhua) --"), to match where a story starts or to search for in a flat page."""
    return re.compile(_furniture()["dateline"].removeprefix("^"))


@cache
def _agencies() -> frozenset[str]:
    return frozenset(name.casefold() for name in _furniture()["agencies"]["names"])


@cache
def _date_parser():
    # Imported here: a build with nothing to extract reads no page, and skips dateparser's import.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": RELATIVE_BASE, "DATE_ORDER": "MDY"})


def normalise_date(stamp: str) -> str | None:
    """Return an ISO date ("YYYY[-MM[-DD]]") for a date string found by a regex, or None."""
    # Two-digit years ("August 05,20") are this century in online news.
    stamp = re.sub(r",\s*(\d{2})$", r", 20\1", stamp.strip())
    parsed = _date_parser().get_date_data(stamp)
    if parsed.date_obj is None:
        return None
    return parsed.date_obj.strftime(_ISO_FORMATS.get(parsed.period, "%Y-%m-%d"))


def find_stamp_near(text: str, at: int) -> str | None:
    """Return the ISO date of the publication stamp nearest to offset ``at`` of a page's text (its headline's), above
    or below it, below on a tie; None if it has none."""
    found = []
    for pattern in _compiled("date_stamps"):
        for match in pattern.finditer(text):
            distance = match.start() - at if match.start() >= at else at - match.end() + 1
            if (date := normalise_date(match.group("date"))) is not None:
                found.append((distance, date))
    return min(found)[1] if found else None


def find_stamp(text: str) -> str | None:
    """Return the ISO date of the first publication stamp ("Updated: 2024-03-12 10:15") in the top of a page's text,
    or None."""
    text = text[:_STAMP_SEARCH_CHARS]
    for pattern in _compiled("date_stamps"):
        found = pattern.search(text)
        if found and (date := normalise_date(found.group("date"))):
            return date
    return None


def _find_byline(text: str) -> tuple[str | None, str | None]:
    """Return the publisher and the author a page names near its top, each None when it names none."""
    found: dict[str, str] = {}
    for pattern in _compiled("sources"):
        match = pattern.search(text)
        for group, value in (match.groupdict() if match else {}).items():
            if value and group not in found:
                found[group] = " ".join(value.split())
    return found.get("source"), found.get("author")


def _drop_spans(text: str) -> str:
    for pattern in _compiled("drop_spans"):
        text = pattern.sub(" ", text)
    return text


@cache
def _body_end() -> re.Pattern:
    # Sites vary the case of "Related news"; a lower-case first letter would be prose ("the most popular goods").
    phrases = (re.escape(p[0]) + f"(?i:{re.escape(p[1:])})" for p in _furniture()["body_ends"])
    return re.compile("|".join(phrases))


def _cut_at_body_end(text: str) -> str:
    # A menu at the top may name the section that ends the story lower down ("... | Photo | Most popular"):
    # only a mark after a paragraph of the story ends it.
    story, offset = None, 0  # where the story's first whole paragraph ends
    for line in text.splitlines(keepends=True):
        if _is_paragraph(" ".join(line.split())):
            story = offset + len(line)
            break
        offset += len(line)
    for end in _body_end().finditer(text):
        line = text[text.rfind("\n", 0, end.start()) + 1:end.start()]  # a paragraph may end at the mark itself
        if story is not None and end.start() >= story or _is_paragraph(" ".join(line.split())):
            return text[:end.start()]
    return text


def _comparable(line: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", line.casefold().replace("’", "'")).strip()


def _is_menu(line: str) -> bool:
    words = line.split()
    menu = set(_furniture()["menu_words"])
    return all(word in menu for word in words)


def _without_furniture(line: str) -> str:
    """A line with its page furniture taken out: all of it, or on a page saved as one long line, from where a
    footer starts ("... the old city. Copyright © 2000-2025 XINHUANET.com")."""
    found = next(filter(None, (pattern.search(line) for pattern in _compiled("drop_lines"))), None)
    if found is not None:
        kept = line[:found.start()].rstrip()
        return kept if len(kept.split()) >= _FLAT_PAGE_WORDS else ""
    if _is_menu(line):
        return ""
    # Breadcrumbs: a short line of section names joined by ">" (not the ">" closing a tag in a headline).
    return "" if ">" in _TAG.sub("", line) and len(line.split()) < _BREADCRUMB_MAX_WORDS else line


def _is_paragraph(line: str) -> bool:
    words = len(line.split())
    ends_sentence = re.search(r"[.!?。！？][\"'”’)]*$", line) is not None
    return words >= _LONG_LINE_WORDS or (ends_sentence and words >= _MIN_PARAGRAPH_WORDS)


def tidy_title(title: str) -> str:
    """Return a title on one line, without a closing quote that lost its opening one, cut if overlong."""
    title = elide_long_words(title)
    if len(title) > MAX_TITLE_CHARS:
        title = title[: title.rfind(" ", 0, MAX_TITLE_CHARS)] + f" {CUT}"
    # Scraped titles keep a closing quote whose opening one was lost.
    if title.endswith("”") and title.count("“") < title.count("”"):
        title = title[:-1]
    elif title.endswith('"') and title.count('"') % 2:
        title = title[:-1]
    return title.rstrip()


def drop_site_name(title: str) -> str:
    """Return a page's title without the site name a separator adds ("Headline - People's Daily Online")."""
    for separator in _furniture()["page_title_separators"]:
        head, found, site = title.rpartition(separator)
        if found and len(site.split()) <= _SITE_NAME_MAX_WORDS and len(head.split()) >= _MIN_TITLE_WORDS:
            return head
    return title


def _is_agency(line: str) -> bool:
    """Whether a head line only names a news outlet ("CGTN" under the headline)."""
    return line.casefold() in _agencies()


def _without_outlet(title: str) -> str:
    """A headline without the news outlet's name a separator adds ("... - Global Times"); any other tail is the
    headline's own ("Ten years on - Xiong'an takes shape")."""
    for separator in _furniture()["page_title_separators"]:
        head, found, outlet = title.rpartition(separator)
        if found and head and _is_agency(outlet.strip()):
            return head
    return title


def _is_banner(line: str) -> bool:
    """Whether a head line opens with a news outlet's name before a separator: the site's banner."""
    return any(_is_agency(line.split(separator, 1)[0].strip())
               for separator in _furniture()["page_title_separators"] if separator in line)


def _drop_repeats(head: list[str]) -> list[str]:
    """Drop head lines that only repeat another one behind a breadcrumb ("BusinessMacro<title>")."""
    keys = [_comparable(line) for line in head]
    known = set(filter(None, keys))
    # Each line's proper endings looked up in a set: comparing every pair of lines took 15 s on a navigation page
    # of 12,000 link lines, all of them before its first paragraph.
    return [line for line, key in zip(head, keys) if not any(key[i:] in known for i in range(1, len(key)))]


def _split_lines(text: str, page: Page) -> None:
    # A caption is known by its credit, so lines are judged before and after spans such as credits are dropped.
    lines = [_without_furniture(" ".join(line.split())) for line in _cut_at_body_end(text).splitlines()]
    lines = list(filter(None, (_without_furniture(" ".join(_drop_spans(line).split())) for line in lines if line)))
    start = next((i for i, line in enumerate(lines) if _is_paragraph(line)), len(lines))
    head = _drop_repeats(lines[:start])
    for line in head:
        if _is_agency(line):
            page.source = page.source or line
        elif re.fullmatch(r"[A-Z][A-Z .'’-]+", line) and re.search("[AEIOU]", line):
            # Every pinyin place name has a vowel; "CGTN" is no dateline.
            page.dateline = line.title()
    titles = [line for line in head if len(line.split()) >= _MIN_TITLE_WORDS and not line.isupper()]
    # A line in parts ("Shanghai stocks rise | Beijing unveils ...", "2024-02-19 | Source: ... | Editor: ...") is
    # links or a stamp, not the headline, while the page has one; a headline may end in its site's name.
    titles = [line for line in titles if " | " not in drop_site_name(line)] or titles
    # "China.org.cn - China news, weather, business, travel & language courses" is the site's banner
    titles = [line for line in titles if not _is_banner(line)] or titles
    if titles:
        page.title = tidy_title(_without_outlet(max(titles, key=lambda line: len(drop_site_name(line).split()))))
    page.paragraphs = lines[start:]


def _split_flat_page(text: str, page: Page) -> bool:
    """Find the body of a whole web page on one line; False if it is not one."""
    # "Headline-Xinhua": an agency's name may be glued to the headline by a bare hyphen
    glued = [f"-{name}" for name in _furniture()["agencies"]["names"]]
    for separator in [*_furniture()["page_title_separators"], *glued]:
        title = text.split(separator, 1)[0].strip()
        repeat = text.find(title, len(title) + len(separator))
        if len(title.split()) >= _MIN_TITLE_WORDS and repeat > 0:
            body = text[repeat + len(title):]
            byline = _byline().match(body)
            body = body[byline.end():] if byline else _from_dateline(body)
            page.title = tidy_title(title)
            body = " ".join(_drop_spans(_cut_at_body_end(body)).split())
            page.paragraphs = [body] if body else []
            return True
    return False


def _from_dateline(body: str) -> str:
    """A flat page's body from its wire dateline, when one opens the story soon after the title: the stamp, photo
    caption and widgets in between ("Time: 10 Feb 2025 Text size: A+ A- Tourists ... [Photo/HIMC] SANYA, Feb 10
    (HIMC) --") are page, not story."""
    found = _dateline().search(body, 0, _DATELINE_REACH)
    # a story's lead of two sentences or more before it is the story's
    told = found is not None and len(_SENTENCE_END.findall(body, 0, found.start())) >= 2
    return body[found.start():] if found and not told else body


def _split_at_byline(text: str, page: Page) -> bool:
    """Split a one-line page at its byline, or else at a publication stamp near its top: menu and title before,
    body after; False if it has neither."""
    byline = _byline().search(text) or _first_stamp(text[:_DATELINE_REACH])
    if not byline:
        return False
    clock = _CLOCK_AFTER.match(text, byline.end())  # "Published: 2025/08/05 21:33": the time is the stamp's
    # "... Video Home » Business » Economy Wuxi pitches IoT ...": the title follows the last breadcrumb
    head = re.split(r"\s[»>]\s", _BY_AUTHOR.sub("", text[: byline.start()]))[-1].split()
    menu = set(_furniture()["menu_words"]) | {"|"}
    while head and head[0] in menu:
        head.pop(0)
    page.title = tidy_title(" ".join(head))
    body = _from_dateline(text[clock.end():])
    body = " ".join(_drop_spans(_cut_at_body_end(body)).split())
    page.paragraphs = [body] if body else []
    return True


def _first_stamp(text: str) -> re.Match | None:
    """The publication stamp written first in ``text``, of any shape, but a wire dateline, which opens the
    story ("BEIJING, Nov. 20, 2025 (Xinhua) --")."""
    found = [m for pattern in _compiled("date_stamps") if (m := pattern.search(text))
             and not _dateline().match(text, m.start() + len(m[0]) - len(m[0].lstrip()))]
    return min(found, key=lambda m: m.start(), default=None)


def _strip_dateline(page: Page) -> None:
    if not page.paragraphs:
        return
    found = _dateline().match(page.paragraphs[0])
    if found:
        page.dateline = found.group("city").title()
        page.source = page.source or (found.group("agency") or "").strip() or None
        page.paragraphs[0] = page.paragraphs[0][found.end():]
        return
    # A flat page's stamp and byline run into the story up to its agency tag: "... Editor : Zhang Dongfang ECNS App
    # Download (ECNS) -- Quanzhou, a coastal city ..."; a sentence ended before the tag makes it the story's own.
    tag = _agency_tag().search(page.paragraphs[0])
    if tag and not _ENDED.search(page.paragraphs[0], 0, tag.start()):
        page.source = page.source or tag.group("agency")
        page.paragraphs[0] = page.paragraphs[0][tag.end():]


@cache
def _agency_tag() -> re.Pattern:
    names = "|".join(map(re.escape, _furniture()["agencies"]["names"]))
    return re.compile(rf"\((?P<agency>{names})\)\s*(?:-{{1,2}}|\u2013|\u2014)\s*", re.IGNORECASE)


def clean_page(text: str) -> Page:
    """Return the title, date, source, dateline and body paragraphs of a scraped page."""
    text = html.unescape(text).replace("\r\n", "\n")
    head = text[:_STAMP_SEARCH_CHARS]
    source, author = _find_byline(head)
    page = Page(date=find_stamp(head), source=source, author=author)
    lines = [line for line in text.splitlines() if line.strip()]
    if not (len(lines) == 1 and (_split_flat_page(lines[0], page) or _split_at_byline(lines[0], page))):
        _split_lines(text, page)
    _strip_dateline(page)
    return page


def parse_article(article_id: str, text: str) -> Article:
    """Return the cleaned Article of a scraped page's decoded text."""
    return article_from_page(article_id, clean_page(text))


def article_from_page(article_id: str, page: Page) -> Article:
    """Return the Article of a cleaned page: its paragraphs split into (at most MAX_SENTENCES) sentences."""
    sentences = split_sentences("\n".join(page.paragraphs), MAX_SENTENCES + 1)  # one more tells there were more
    return Article(
        id=article_id, title=page.title or _title_from(sentences), date=page.date, source=page.source or None,
        author=page.author or None,
        sentences=sentences[:MAX_SENTENCES], words=sum(len(s.split()) for s in sentences[:MAX_SENTENCES]),
        dateline=page.dateline, truncated=page.truncated or len(sentences) > MAX_SENTENCES,
    )


def _title_from(sentences: list[str], words: int = 12) -> str:
    """A stand-in title for a page without one: the opening words of its first sentence."""
    if not sentences:
        return ""
    opening = sentences[0].split()
    return " ".join(opening[:words]) + ("…" if len(opening) > words else "")

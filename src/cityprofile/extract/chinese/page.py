"""A Chinese news page as an article: its title, stamp, source and body sentences, without the page around it.

Chinese sites put the headline first, then a line of stamp, source and counters
("来源:西宁晚报    日期:2017-06-16    浏览量:"), then the body; menus are runs of
short words, and the body ends where "责任编辑" or "相关新闻" begins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from itertools import chain, islice

from ...contract.records import Article
from ..clean import MAX_SENTENCES, Page
from ..sentences import split_overlong
from .text import HAN, drop_readings, han_count, segmenter, simplify, vocabulary

_STAMPS = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)"),  # 23.09.2014
)
_URL = re.compile(r"(?:https?://|www\.)[\w./?=&%#:~+-]*")
_CLOCK = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?")
# A sentence ends at a Chinese full stop, question or exclamation mark, with any closing quote after it.
_SENTENCE_END = re.compile(r"(?<=[。！？!?])[”’」』]?")
_PUNCTUATED = re.compile("[。，,！？；;：:]")
_SUBHEADING = re.compile(r"[（(]?(?:[一二三四五六七八九十]+|\d{1,2})[)）、.．]|第[一二三四五六七八九十]+[部章节]")
_HEAD_LINES = 12
_MIN_TITLE_HAN = 4
_MIN_BODY_HAN = 8
# A body of this many paragraphs is an article; an unpunctuated line after it starts another one.
_BODY_BEFORE_NEXT = 2
# A menu is a line of several short items: "首页 要闻 人事 廉政 政务".
_MENU_ITEMS, _MENU_ITEM_CHARS = 4, 5


def _find_stamp(text: str) -> tuple[str, re.Match] | None:
    """The first valid date stamp in ``text`` (simplified), as ISO, with its match."""
    for pattern in _STAMPS:
        for found in pattern.finditer(text):
            day, month, year = found.groups() if pattern is _STAMPS[1] else found.groups()[::-1]
            try:
                return date(int(year), int(month), int(day)).isoformat(), found
            except ValueError:
                continue
    return None


@cache
def _source_pattern() -> re.Pattern:
    words = "|".join(map(re.escape, vocabulary()["page"]["source"]))
    # A publisher's name ends in one of these when the page glues the body right after it.
    return re.compile(rf"(?:{words})\s*[:：]\s*([^\s|:：]{{1,16}}?(?:网站|新闻网|网|日报|晚报|早报|报|通讯社|社|电视台|台)"
                      rf"(?=\s|$|[^\s])|[^\s|:：]{{2,16}}(?=\s|$))")


def _starts_with(line: str, key: str) -> bool:
    return any(line.startswith(word) for word in vocabulary()["page"][key])


def _is_menu(line: str) -> bool:
    items = line.split()
    return not _PUNCTUATED.search(line) and len(items) >= _MENU_ITEMS and sum(len(i) <= _MENU_ITEM_CHARS for i in items) >= len(items) - 1


def _strip_head(line: str) -> str:
    """A line without its URLs, stamp, clock and "来源:..." publisher, which a flat page glues to the body.

    Only a stamp opening the line or followed by a clock is the page's; "将于2018年4月1日开工" is the news.
    """
    line = _URL.sub(" ", line)
    stamp = _find_stamp(simplify(line))
    if stamp and (not line[:stamp[1].start()].strip() or _CLOCK.match(line, stamp[1].end())):
        line = line[:stamp[1].start()] + " " + _CLOCK.sub("", line[stamp[1].end():], count=1)
    found = _source_pattern().search(simplify(line))
    if found and not _PUNCTUATED.search(line, 0, found.start()):
        line = line[:found.start()] + " " + line[found.end():]
    return line.strip()


def _is_next_headline(line: str, page: Page) -> bool:
    """Whether a line after the body is the headline of the next article: a page listing several runs them on.

    A numbered subheading ("一、工业生产稳步回升", "（二）投资") belongs to the article it divides.
    """
    return (len(page.paragraphs) >= _BODY_BEFORE_NEXT and han_count(line) >= _MIN_BODY_HAN
            and not _PUNCTUATED.search(line) and not _SUBHEADING.match(line) and not _starts_with(line, "furniture"))


def _is_body(line: str) -> bool:
    return (han_count(line) >= _MIN_BODY_HAN and not _is_menu(line) and not _starts_with(line, "furniture"))


def clean_chinese_page(text: str) -> Page:
    """Return the title, stamp, source and body paragraphs of a Chinese page's text."""
    text = drop_readings(text).replace("\r\n", "\n")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head = simplify("\n".join(lines[:_HEAD_LINES]))
    stamp = _find_stamp(head)
    source = _source_pattern().search(head)
    page = Page(date=stamp[0] if stamp else None, source=source.group(1) if source else None, language="zh")
    for index, line in enumerate(lines):
        if index < _HEAD_LINES and not page.title:
            title = _strip_head(line)
            if han_count(title) >= _MIN_TITLE_HAN and not _is_menu(title) and not _starts_with(title, "furniture"):
                page.title = re.split(r"\s{2,}", title)[0]
                # A flat page runs on from its headline line into the body.
                if re.search("[。，,]", title) and len(title) > len(page.title) + _MIN_BODY_HAN:
                    page.paragraphs.append(title[len(page.title):].strip())
                continue
        if page.paragraphs and (_starts_with(line, "ends") or _is_next_headline(line, page)):
            break
        body = _strip_head(line)
        if _is_body(body) and body != page.title:
            page.paragraphs.append(body)
    if not page.paragraphs and _PUNCTUATED.search(page.title):
        page.paragraphs.append(page.title)  # a one-line scrape: its one line is the article
    return page


def _sentences(paragraphs: list[str]) -> Iterator[str]:
    for paragraph in paragraphs:
        start = 0
        for end in chain(_SENTENCE_END.finditer(paragraph), [None]):
            stop = end.end() if end else len(paragraph)
            sentence = paragraph[start:stop].strip()
            start = stop
            if han_count(sentence) >= 2:
                yield from split_overlong(sentence, "，,；; ")


def split_chinese_sentences(paragraphs: list[str], limit: int | None = None) -> list[str]:
    """Return the sentences of Chinese paragraphs, each ending at its 。！？ (and closing quote), long ones cut.

    With a ``limit``, only the first sentences are split off, and the rest of a huge page is not read.
    """
    return list(islice(_sentences(paragraphs), limit))


def article_from_chinese_page(article_id: str, page: Page) -> Article:
    """Return the Article of a cleaned Chinese page: at most MAX_SENTENCES sentences, words counted by jieba."""
    sentences = split_chinese_sentences(page.paragraphs, MAX_SENTENCES + 1)  # one more tells there were more
    kept = sentences[:MAX_SENTENCES]
    words = sum(1 for s in kept for w in segmenter().cut(s) if re.match(rf"[{HAN}\w]", w))
    return Article(id=article_id, title=page.title or (kept[0][:24] if kept else ""), date=page.date,
                   source=page.source, author=page.author, sentences=kept, words=words,
                   truncated=page.truncated or len(sentences) > MAX_SENTENCES, language="zh")

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
# A line this long holding a stamp with its clock and a full stop after it is a whole page run onto one line.
_FLAT_PAGE_HAN = 60
_CLAUSE_MARK = re.compile("[。，,]")
# "【香港文匯報訊】（記者 李薇）東莞市統計局…": a dateline in brackets opens the body, unlike a "【…】" heading
_BRACKETED_DATELINE = re.compile("^【([^】]{2,20}[讯訊电電])】")
# A page's stamp has its clock after it: "2023年12月08日09:12".
_STAMP_CLOCK = re.compile(r"日?\s*\d{1,2}:\d{2}")
# "——全市经济运行稳中向好": a subtitle under the headline
_SUBTITLE = ("—", "-", "－")
# What labels the stamp on a page run onto one line: "日照港开通至汉堡新航线 发布时间：2023-12-08 09:12"
_STAMP_LABEL = re.compile(r"\s*(?:发布时间|发布日期|时间|日期)\s*[:：]\s*$|\s+(?:发布时间|发布日期|时间|日期)\s*$")
# A paragraph of a body, longer than a site's welcome line
_MIN_PARAGRAPH_HAN = 20
# A headline follows the breadcrumb menu before it: "人民网 >> 山东频道 >> 市县 >> 临沂 临沂：...".
_BREADCRUMB = re.compile(r"\s*(?:>>|»|>|＞)\s*")
_MIN_TITLE_HAN = 4
_MIN_BODY_HAN = 8
# A body of this many paragraphs is an article; an unpunctuated line after it starts another one.
_BODY_BEFORE_NEXT = 2
# Unless it is as short as a section's subheading ("项目建设持续发力", "文旅消费人气旺"), where a headline names who did
# what ("省财政下达专项资金支持教育强国推进工程") or opens with the place it is about ("宜昌一季度经济稳中向好").
_MAX_SUBHEADING_CHARS = 12
_PLACE_CHARS = 8  # as long as a place name with its suffix can be ("克孜勒苏柯尔克孜自治州" aside)
# A WeChat or Weibo copy's topic tags end its body: "#纺博会 #柯桥", "#柯桥发布#" ("5#高炉" is no tag, nor a paragraph
# opening with "#1馆").
_TOPIC_TAGS = re.compile(r"^(?:#[^\s#，,。；;]{1,12}#?\s*)+$")
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

    A subheading, numbered ("一、工业生产稳步回升", "（二）投资") or short ("项目建设持续发力"), belongs to the article
    it divides.
    """
    return (len(page.paragraphs) >= _BODY_BEFORE_NEXT and han_count(line) >= _MIN_BODY_HAN
            and (len("".join(line.split())) > _MAX_SUBHEADING_CHARS or _opens_with_place(line, page.title))
            and not _PUNCTUATED.search(line) and not _SUBHEADING.match(line) and not _starts_with(line, "furniture"))


def _opens_with_place(line: str, title: str) -> bool:
    """Whether a line opens with the name of a city or province of the gazetteer that the headline does not name
    ("宜昌一季度经济稳中向好" after a Xiangyang story; "襄阳消费市场持续回暖" is a Xiangyang story's own subheading)."""
    from ..gazetteer import load_gazetteer  # only a short unpunctuated line after a body needs it

    opening, headline = simplify(line)[:_PLACE_CHARS], simplify(title)
    return any(opening.startswith(name) and name not in headline
               for name in load_gazetteer().chinese_names() if len(name) >= 2)


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
    first = _headline_at(lines)
    for index, line in enumerate(lines[first:], first):
        flat = _split_flat(line) if index < _HEAD_LINES and not page.title else None
        if flat:
            page.title, body = flat
            page.paragraphs.append(body)
            continue
        if index < _HEAD_LINES and not page.title:
            title = _strip_head(line)
            headline = re.split(r"\s{2,}", title)[0]
            # A line that opens with a sentence is body: a saved page's text may start at its body, its headline
            # taken from the markup.
            if _is_title(title) and "。" not in headline:
                page.title = headline
                # A flat page runs on from its headline line into the body.
                if _CLAUSE_MARK.search(title) and len(title) > len(page.title) + _MIN_BODY_HAN:
                    page.paragraphs.append(title[len(page.title):].strip())
                continue
        if page.paragraphs and (_starts_with(line, "ends") or _TOPIC_TAGS.match(line) or _is_next_headline(line, page)):
            break
        body = _BRACKETED_DATELINE.sub(r"\1", _strip_head(line))
        if _is_body(body) and body != page.title:
            page.paragraphs.append(body)
    if not page.paragraphs and _PUNCTUATED.search(page.title):
        page.paragraphs.append(page.title)  # a one-line scrape: its one line is the article
    return page


def _is_title(line: str) -> bool:
    return han_count(line) >= _MIN_TITLE_HAN and not _is_menu(line) and not _starts_with(line, "furniture")


def _headline_at(lines: list[str]) -> int:
    """The index of the headline: the last title-like line before the stamp's own line, a long one before a short
    one ("香港文匯網 WENWEIPO.COM", the site's name above the menus, and "绍兴发布", the account under the headline,
    are none), or 0 when the stamp shares its line or there is none."""
    stamped = next((i for i, line in enumerate(lines[:_HEAD_LINES]) if _find_stamp(simplify(line))), None)
    if stamped is None or any("。" in line and han_count(line) >= _MIN_PARAGRAPH_HAN for line in lines[:stamped]):
        return 0  # a notice dated at its foot, under its body ("欢迎访问…网站。" above a headline is no body)
    # a subtitle ("——…") or a sentence ("欢迎访问…网站。") is no headline
    heads = {i: _strip_head(lines[i]) for i in range(stamped)
             if not lines[i].startswith(_SUBTITLE) and not lines[i].rstrip().endswith("。")}
    before = [i for i, head in heads.items() if _is_title(head)]
    long = [i for i in before if han_count(heads[i]) >= _MIN_BODY_HAN]
    return (long or before or [0])[-1]


def _split_flat(line: str) -> tuple[str, str] | None:
    """A whole page run onto one line, as a scraper may flatten it: its headline (after the menus) before its stamp,
    its body after the stamp and source, up to where the page's furniture starts again; None for any other line."""
    stamp = _find_stamp(simplify(line)) if han_count(line) >= _FLAT_PAGE_HAN else None
    # the page's stamp has its clock after it; "将于2018年4月1日开工" is the news
    if stamp is None or not _STAMP_CLOCK.match(line, stamp[1].end()) or "。" not in line[stamp[1].end():]:
        return None
    title = _STAMP_LABEL.sub("", _BREADCRUMB.split(line[:stamp[1].start()])[-1]).split()
    while len(title) > 1 and len(title[0]) <= _MENU_ITEM_CHARS:
        title.pop(0)  # the breadcrumb's last item, "临沂 临沂：..."
    title = " ".join(title)
    items = _strip_head(line[stamp[1].start():]).split()
    # what is left of the stamp ("日"), the source ("－山东频道") and "分享到：" before the body's first clause
    while items and not _CLAUSE_MARK.search(items[0]) and (len(items[0]) <= _MENU_ITEM_CHARS + 3
                                                          or _starts_with(items[0], "furniture")):
        items.pop(0)
    body = " ".join(items)
    first = body.find("。")
    ends = [body.find(word, first) for word in vocabulary()["page"]["ends"] + vocabulary()["page"]["flat_ends"]]
    body = body[:min((e for e in ends if e > 0), default=len(body))].strip()
    return (title, body) if han_count(title) >= _MIN_TITLE_HAN and han_count(body) >= _MIN_BODY_HAN else None


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

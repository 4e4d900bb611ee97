"""Industries and initiatives named in Chinese sentences.

Industries are the Chinese phrases of data/taxonomy.csv (column ``chinese``),
found as written inside longer words (高端装备制造业 holds 高端装备制造), longest
first. An initiative is a name that ends with a word of its kind (论坛, 博览会,
签约仪式, 产业园, 开发区, 电站, 中欧班列): the words before that word back to the
verb or particle that opens the name, kept only where they say which one it is
(太平湾合作创新区, not 重点项目).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...contract.datafiles import read_table
from ...contract.records import IndustryMention, Initiative
from ...contract.units import alternation
from ..industries import find_industry, split_phrases
from .text import HAN, segmenter, vocabulary

_BREAK = re.compile(r"[,，;；:：。！？!?、()（）“”\"「」《》 ]")
_MAX_NAME_WORDS = 6
_MAX_BRACKET = 8
_BRACKETED = re.compile(r"[（(][^（）()]{1,6}[）)]")
_MIN_NAME_HAN = 2
_KIND_CONTEXT = 4  # the characters before a modifier the segmenter needs to see where its word starts
_MAX_ITEM_CHARS = 8
_NOT_A_NAME = re.compile(r"[的为以]|推动|培育|发展|提升|改造|壮大|加快|做强|打造")
# A list of industries: items joined by 、 before "(等)(三大)(重点)产业" and the like.
_LISTED_INDUSTRIES = re.compile(r"((?:[^、，,。；;：:（）()]{2,12}、)+[^、，,。；;：:（）()]{2,12}?)等?(?:[一二三四五六七八九十两\d]+大)?"
                                r"(?:重点|主导|支柱|特色|优势|新兴|战略性新兴|传统)?(?:产业链|产业集群|产业|行业|领域)")


@dataclass(frozen=True)
class _IndustryWords:
    phrases: re.Pattern  # every Chinese phrase of the taxonomy, longest first
    industry_of: dict[str, IndustryMention]  # phrase -> its industry and sector
    tail: re.Pattern  # the heads an industry phrase runs on in: "…业", "…养殖", "…基地"
    head: re.Pattern  # the modifiers before it that say which kind: "绿色…", "高端…", at most two


@cache
def _industry_words() -> _IndustryWords:
    industry_of = {}
    for row in read_table("taxonomy.csv"):
        industry = find_industry(row["industry"]) if row["industry"] else None
        for phrase in split_phrases(row["chinese"]):
            if industry:
                industry_of.setdefault(phrase, industry)
    phrases = sorted(industry_of, key=len, reverse=True)
    return _IndustryWords(re.compile("|".join(map(re.escape, phrases))), industry_of,
                          re.compile(f"(?:{alternation(vocabulary()['industry_heads']['words'])})*"),
                          re.compile(f"(?:{alternation(vocabulary()['industry_modifiers']['words'])}){{1,2}}$"))


def find_chinese_industries(sentence: str, simple: str) -> list[IndustryMention]:
    """Return one mention per industry phrase in a Chinese sentence, as written, longest phrase first (one where a
    term holds two names of one industry)."""
    words = _industry_words()
    spans = []  # [start of the term, end of the term, start of the phrase itself, phrase]
    for match in words.phrases.finditer(simple):
        # The mention keeps the heads the phrase runs on in and the words before it that say which kind, as the
        # article writes them.
        spans.append([_kind_before(simple, spans[-1][1] if spans else 0, match.start(), words),
                      words.tail.match(simple, match.end()).end(), match.start(), match.group(0)])
    _take_listed_items(simple, spans)
    # "商贸物流", "光伏储能", "石化能源新材料": phrases run together (a word of kind between them too) name one trade,
    # each industry in it by its words; two joined by 和
    # are two ("新能源汽车和生物医药产业"), and a name that joins two ("住宿和餐饮业") is the taxonomy's
    for before, after in zip(spans, spans[1:]):
        if before[1] == after[0]:
            before[1], after[0] = after[1], before[0]
    found, seen = [], set()
    for start, end, _, phrase in spans:
        industry = words.industry_of[phrase]
        if (industry.name, start, end) in seen:
            continue  # "锂电正极材料" holds two names of one industry: one mention of it there
        seen.add((industry.name, start, end))
        found.append(IndustryMention(name=industry.name, sector=industry.sector, term=sentence[start:end],
                                     sentence=sentence))
    return found


def _take_listed_items(simple: str, spans: list[list]) -> None:
    """Widen each phrase inside an item of a list of industries to the whole item, as the list names it: in
    "输变电装备、有色金属精深加工、新能源电池材料三大产业", 有色金属 is 有色金属精深加工 and 电池 新能源电池材料
    (the first item from its phrase on: the words before it may be the clause's verb)."""
    for listed in _LISTED_INDUSTRIES.finditer(simple):
        at = listed.start(1)
        for number, item in enumerate(re.split("[、和及与]", listed[1])):
            # a phrase that crosses the item's end is one the taxonomy joins ("住宿和餐饮业"): left as it is; an item
            # that says more than a name ("推动化工转型", "装备制造为主的") is no item of the list
            named = len(item) <= _MAX_ITEM_CHARS and not _NOT_A_NAME.search(item)
            for span in (s for s in spans if named and at <= s[2] and s[2] + len(s[3]) <= at + len(item)):
                span[0] = min(span[0], at) if number else span[0]
                span[1] = max(span[1], at + len(item))
            at += len(item) + 1


def _kind_before(simple: str, earliest: int, start: int, words: _IndustryWords) -> int:
    """Where the words before an industry phrase that say which kind of it begin ("绿色化工", "精品钢材"), or
    ``start``: whole words only ("创新型化工企业" is no 新型化工), after ``earliest``."""
    kind = words.head.search(simple, earliest, start)
    if kind is None:
        return start
    before = segmenter().lcut(simple[max(earliest, kind.start() - _KIND_CONTEXT):start], HMM=False)
    joined = ""
    for word in reversed(before):
        joined = word + joined
        if len(joined) >= start - kind.start():
            return kind.start() if len(joined) == start - kind.start() else start
    return start


@dataclass(frozen=True)
class _InitiativeWords:
    pattern: re.Pattern  # every word that ends an initiative's name, longest first
    kind_of: dict[str, str]
    generic: tuple[str, ...]  # longest first, as they are taken out of a name
    stops: frozenset[str]
    units: frozenset[str]  # units and measure words: "240万千瓦" is no part of a name
    standalone: frozenset[str]


@cache
def _initiative_words() -> _InitiativeWords:
    data = vocabulary()
    kind_of = {word: kind for kind, words in data["initiatives"].items() if not kind.startswith("_") for word in words}
    return _InitiativeWords(
        pattern=re.compile("|".join(map(re.escape, sorted(kind_of, key=len, reverse=True)))),
        kind_of=kind_of,
        generic=tuple(sorted(data["initiative_generic"]["words"], key=len, reverse=True)),
        stops=frozenset(data["initiative_verbs"]["words"]) | frozenset(data["label_stops"]["words"]),
        units=frozenset(data["units"]) | frozenset(data["measure_words"]["words"]),
        standalone=frozenset(data["initiative_standalone"]["words"]),
    )


def _name_before(simple: str, start: int, words: _InitiativeWords) -> int:
    """Where the name ending at ``start`` begins: after the verb, particle or break before it."""
    clause_start = max((m.end() for m in _BREAK.finditer(simple, 0, start)), default=0)
    kept = 0
    for word in reversed(segmenter().lcut(simple[clause_start:start], HMM=False)[-_MAX_NAME_WORDS:]):
        if word in words.stops or re.search(r"\d", word) or word in words.units or word.startswith("第"):
            break
        kept += len(word)
    begin = start - kept
    # A place in brackets inside a name: 中国（青海）藏毯国际展览会.
    bracket = _BRACKETED.search(simple, max(0, begin - _MAX_BRACKET), begin)
    if kept and bracket and bracket.end() == begin:
        before = _name_before(simple, bracket.start(), words)
        return before if before < bracket.start() else begin
    return begin


def extract_chinese_initiatives(sentence: str, simple: str) -> list[Initiative]:
    """Return the initiatives a Chinese sentence names, each with its kind, as written."""
    words = _initiative_words()
    found, taken = [], 0
    for match in words.pattern.finditer(simple):
        begin = max(_name_before(simple, match.start(), words), taken)
        specific = simple[begin:match.start()]
        for word in words.generic:
            specific = specific.replace(word, "")
        if len(re.findall(f"[{HAN}A-Za-z]", specific)) < _MIN_NAME_HAN and match.group(0) not in words.standalone:
            continue
        taken = match.end()
        found.append(Initiative(name=sentence[begin:match.end()], kind=words.kind_of[match.group(0)]))
    return found

"""Industries and initiatives named in Chinese sentences.

Industries are the Chinese phrases of data/taxonomy.csv (column ``chinese``),
found as written inside longer words (高端装备制造业 holds 高端装备制造), longest
first. An initiative is a name that ends with a word of its kind (论坛, 博览会,
签约仪式, 产业园, 开发区, 项目, 中欧班列): the words before that word back to the
verb or particle that opens the name, kept only where they say which one it is
(太平湾合作创新区, not 重点项目).
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib.resources import files

from ...contract.records import IndustryMention, Initiative
from ...contract.units import alternation
from ..industries import find_industry
from .text import HAN, segmenter, vocabulary

_BREAK = re.compile(r"[,，;；:：。！？!?、()（）“”\"「」《》 ]")
_MAX_NAME_WORDS = 6
_MAX_BRACKET = 8
_BRACKETED = re.compile(r"[（(][^（）()]{1,6}[）)]")
_MIN_NAME_HAN = 2


@cache
def _industry_pattern() -> tuple[re.Pattern, dict[str, str]]:
    lines = (files("cityprofile") / "data" / "taxonomy.csv").read_text(encoding="utf-8").splitlines()
    industry_of = {}
    for row in csv.DictReader(line for line in lines if not line.startswith("#")):
        for phrase in (p.strip() for p in row["chinese"].split(";")):
            if phrase and row["industry"]:
                industry_of.setdefault(phrase, row["industry"])
    phrases = sorted(industry_of, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, phrases))), industry_of


def find_chinese_industries(sentence: str, simple: str) -> list[IndustryMention]:
    """Return one mention per industry phrase in a Chinese sentence, as written, longest phrase first."""
    pattern, industry_of = _industry_pattern()
    # An industry phrase runs on in "…业", "…养殖", "…基地"; the mention keeps it, as the article writes it.
    tail = re.compile(f"(?:{alternation(vocabulary()['industry_heads']['words'])})*")
    found = []
    for match in pattern.finditer(simple):
        end = tail.match(simple, match.end()).end()
        industry = find_industry(industry_of[match.group(0)])
        if industry:
            found.append(IndustryMention(name=industry.name, sector=industry.sector,
                                         term=sentence[match.start():end], sentence=sentence))
    return found


@cache
def _initiative_words() -> tuple[re.Pattern, dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    data = vocabulary()
    kind_of = {word: kind for kind, words in data["initiatives"].items() if not kind.startswith("_") for word in words}
    pattern = re.compile("|".join(map(re.escape, sorted(kind_of, key=len, reverse=True))))
    generic = frozenset(data["initiative_generic"]["words"])
    stops = frozenset(data["initiative_verbs"]["words"]) | frozenset(data["label_stops"]["words"])
    return pattern, kind_of, generic, stops, frozenset(data["initiative_standalone"]["words"])


def _name_before(simple: str, start: int, stops: frozenset[str]) -> int:
    """Where the name ending at ``start`` begins: after the verb, particle or break before it."""
    units = frozenset(vocabulary()["units"]) | frozenset(vocabulary()["measure_words"]["words"])
    clause_start = max((m.end() for m in _BREAK.finditer(simple, 0, start)), default=0)
    words = segmenter().lcut(simple[clause_start:start], HMM=False)
    kept = 0
    for word in reversed(words[-_MAX_NAME_WORDS:]):
        if word in stops or re.search(r"\d", word) or word in units or word.startswith("第"):
            break
        kept += len(word)
    begin = start - kept
    # A place in brackets inside a name: 中国（青海）藏毯国际展览会.
    bracket = _BRACKETED.search(simple, max(0, begin - _MAX_BRACKET), begin)
    if kept and bracket and bracket.end() == begin:
        before = _name_before(simple, bracket.start(), stops)
        return before if before < bracket.start() else begin
    return begin


def extract_chinese_initiatives(sentence: str, simple: str) -> list[Initiative]:
    """Return the initiatives a Chinese sentence names, each with its kind, as written."""
    pattern, kind_of, generic, stops, standalone = _initiative_words()
    found, taken = [], 0
    for match in pattern.finditer(simple):
        begin = max(_name_before(simple, match.start(), stops), taken)
        modifier = simple[begin:match.start()]
        specific = modifier
        for word in sorted(generic, key=len, reverse=True):
            specific = specific.replace(word, "")
        if len(re.findall(f"[{HAN}A-Za-z]", specific)) < _MIN_NAME_HAN and match.group(0) not in standalone:
            continue
        taken = match.end()
        found.append(Initiative(name=sentence[begin:match.end()], kind=kind_of[match.group(0)]))
    return found

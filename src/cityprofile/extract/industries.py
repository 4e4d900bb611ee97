"""Find the industries a sentence names, with the phrases of data/taxonomy.csv.

Each taxonomy row is a canonical industry with its sector (China's Strategic
Emerging Industries 2018 classification, or a GB/T 4754-2017 section for
traditional industries) and the English phrases that name it. A sentence is
cut into words, and every run of words is looked up by its key: the words
lower-cased, singular and run together, so that "industries", "e-commerce" and
"ecommerce", "R&D" and "r and d" find their phrase with one rule instead of a
row per spelling. The longest phrase wins, so "photovoltaic solar thermal" is
one mention. A mention then takes in the head words after it ("dairy industry",
"grape planting") and a modifier before it ("international freight"), from
data/industry_words.csv, so the phrase reads as the article wrote it.

Not industries: rows without an industry ("retail sales") swallow their words;
the capitalised name of a body, company, park or event ("Ministry of Culture and
Tourism", "Qinghai Digital Economy Development Group Co", "World Manufacturing
Convention") and a government body in lower case ("the municipal commercial
bureau") are skipped, and so is an industry the sentence sets the city apart
from ("rather than low-cost manufacturing"); a product ("timber",
"auto parts") in a sentence about goods carried or imported is cargo; and a
one-word product written with a capital inside a sentence ("Apple") is a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..contract.datafiles import read_table
from ..contract.records import IndustryMention
from ..contract.units import unit_words
from .nlp import parse

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads: a build with nothing to extract never pays for it
    from spacy.tokens import Token

_WORD = re.compile(r"[^\W_]+|&")
# What may stand between two words of one phrase: spaces, hyphens, an apostrophe ("Pu'er"); not a comma or bracket.
_JOIN = re.compile(r"[\s\-‐–'’]*")
# Words before a noun that belong to the phrase of an industry it heads: "ecological tea", "display glass",
# "silicon-based new materials"; not a determiner, owner, number, name or a word that ranks ("largest").
_PHRASE_MODIFIERS = {"compound", "amod", "nmod", "hyph", "npadvmod"}
_NOT_PHRASE_TAGS = {"JJS", "JJR", "RBS", "CD", "PRP$", "DT", "VBG", "VBN", "NNP", "NNPS"}
_MAX_WIDENED = 4
# Words ending in "s" that are not plurals, so that "logistics" and "news" keep their "s".
_NOT_PLURAL = ("ss", "us", "is", "ics", "news")


@dataclass(frozen=True)
class _Term:
    industry: str  # empty for a phrase that is not an industry
    sector: str
    product: bool  # a good that names its industry, unless it is carried as cargo
    capitals: tuple[str, ...]  # acronyms in the phrase, matched as written


@dataclass(frozen=True)
class _Words:
    heads: frozenset[str]
    modifiers: frozenset[str]
    cargo: frozenset[str]
    names: re.Pattern  # names of bodies and companies, whose words are not industries
    contrast: re.Pattern  # "rather than" up to three words before a phrase: not the city's industry
    places: frozenset[str]  # "city", "capital": an industry phrase before them ends there ("the coal city")
    ranks: frozenset[str]  # "top", "key": before an industry phrase, they rank it and are no part of it


@dataclass(frozen=True)
class _Mention:
    start: int  # first word
    end: int  # one past the last word
    term: _Term


def _normalise(word: str) -> str:
    """Return the key form of one word: lower case, singular, "&" read as "and"."""
    word = word.lower()
    if word == "&":
        return "and"
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith(_NOT_PLURAL):
        return word[:-1]
    return word


def _key(phrase: str) -> str:
    return "".join(_normalise(w) for w in _WORD.findall(phrase))


def split_phrases(cell: str) -> list[str]:
    """Return the phrases of a taxonomy cell, separated by ";"."""
    return [t.strip() for t in cell.split(";") if t.strip()]


@cache
def _load_terms() -> tuple[dict[str, _Term], int]:
    """Return the taxonomy's terms by key, and the most words a key may span."""
    terms: dict[str, _Term] = {}
    longest = 1
    for row in read_table("taxonomy.csv"):
        for column in ("phrases", "products"):
            for phrase in split_phrases(row[column]):
                capitals = tuple(w for w in _WORD.findall(phrase) if w.isupper())
                terms[_key(phrase)] = _Term(row["industry"], row["sector"], column == "products", capitals)
                # A word written as one in the phrase ("ecommerce") may be two in the text ("e-commerce").
                longest = max(longest, len(_WORD.findall(phrase)) + 2)
    return terms, longest


def _name_pattern(ends: list[str], bodies: list[str], owners: list[str]) -> re.Pattern:
    """Match names of organisations, whose words are not industries, from the words that end or head them."""
    word = r"(?:[A-Z][\w'’.&-]*|\([A-Z][\w'’ .-]*\))"
    run = rf"{word}(?:(?:\s+(?:and|&|of|for|the)\s+|\s+){word})*"
    end, body, owner = ("|".join(re.escape(w) for w in words) for words in (ends, bodies, owners))
    return re.compile(
        # Qinghai Digital Economy Development Group Co.; Ministry of Culture and Tourism; Bank of China
        rf"(?:(?:{run}\s+)?\b(?:{end})\b\.?(?:\s+(?:of|for)\s+(?:the\s+)?{run})?"
        rf"|\b(?:{owner})\s+(?:[a-z&-]+\s+){{0,5}}?(?:{body})\b)"  # the municipal commercial bureau
    )


@cache
def _load_words() -> _Words:
    by_role: dict[str, list[str]] = {}
    for row in read_table("industry_words.csv"):
        by_role.setdefault(row["role"], []).append(row["word"])
    return _Words(
        heads=frozenset(_key(w) for w in by_role["head"]),
        modifiers=frozenset(_key(w) for w in by_role["modifier"]),
        cargo=frozenset(_key(w) for w in by_role["cargo"]),
        names=_name_pattern(by_role["name"], by_role["body"], by_role["body_owner"]),
        # "shifted from coal mining to wind power": what comes after "to" is where the city went
        contrast=re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in by_role['contrast'])})\s+"
                            rf"(?:(?!to\b)[\w-]+\s+){{0,3}}$", re.IGNORECASE),
        places=frozenset(by_role["place"]),
        ranks=frozenset(by_role["rank"]),
    )


@dataclass
class _Sentence:
    """A sentence cut into words, with what the matching needs to know about each word."""

    text: str
    spans: list[tuple[int, int]]
    keys: list[str]
    named: list[bool]  # inside the name of a body or company
    joined: list[bool]  # only a space, hyphen or apostrophe since the word before

    def holds_phrase(self, i: int, j: int) -> bool:
        """Whether words i..j-1 can form one phrase: joined, and outside names."""
        return not any(self.named[i:j]) and all(self.joined[i + 1:j])


def _read_sentence(text: str, names: re.Pattern) -> _Sentence:
    spans = [m.span() for m in _WORD.finditer(text)]
    named_spans = [m.span() for m in names.finditer(text)]
    return _Sentence(
        text=text,
        spans=spans,
        keys=[_normalise(text[s:e]) for s, e in spans],
        named=[any(a <= s < b for a, b in named_spans) for s, _ in spans],
        joined=[i > 0 and bool(_JOIN.fullmatch(text[spans[i - 1][1]:s])) for i, (s, _) in enumerate(spans)],
    )


def _written(sentence: _Sentence, i: int, j: int, capitals: tuple[str, ...]) -> bool:
    """Whether the acronyms of a phrase are written in capitals in words i..j-1 (a plural "s" aside)."""
    written = {sentence.text[s:e].rstrip("s") for s, e in sentence.spans[i:j]}
    return all(c in written for c in capitals)


def _match_terms(sentence: _Sentence, modifiers: frozenset[str]) -> list[_Mention]:
    """Every phrase of the taxonomy in the sentence, longest first, none overlapping.

    Of two phrases as long, one that is a modifier and a phrase of the same industry gives way, since the modifier
    joins the other anyway: "international freight trains" is freight trains, not international freight and "trains".
    """
    terms, longest = _load_terms()
    keys = sentence.keys
    found = []
    for i in range(len(keys)):
        key = ""
        for j in range(i, min(i + longest, len(keys))):
            if sentence.named[j] or j > i and not sentence.joined[j]:
                break
            key += keys[j]
            term = terms.get(key)
            if term and (not term.capitals or _written(sentence, i, j + 1, term.capitals)):
                found.append(_Mention(i, j + 1, term))

    def redundant(m: _Mention) -> bool:
        return any("".join(keys[m.start:m.start + n]) in modifiers
                   and getattr(terms.get("".join(keys[m.start + n:m.end])), "industry", None) == m.term.industry
                   for n in (1, 2))

    found.sort(key=lambda m: (m.start - m.end, redundant(m), m.start))
    taken: list[_Mention] = []
    for mention in found:
        if all(mention.end <= t.start or mention.start >= t.end for t in taken):
            taken.append(mention)
    return sorted(taken, key=lambda m: m.start)


def _extend(index: int, mentions: list[_Mention], sentence: _Sentence, owner: list[int],
            words: _Words) -> tuple[int, int]:
    """Widen a mention over the head words after it and one modifier before it.

    A head may be a phrase of its own ("industrial park"), but must not cut another phrase in two.
    """
    mention = mentions[index]
    keys = sentence.keys

    def whole(i: int, j: int) -> bool:
        return all(owner[k] < 0 or i <= mentions[owner[k]].start and mentions[owner[k]].end <= j for k in range(i, j))

    end = mention.end
    for _ in range(2):  # at most two heads: "dairy industry supply chain"
        ends = [j for j in range(end + 1, min(end + 3, len(keys)) + 1)
                if "".join(keys[end:j]) in words.heads and sentence.holds_phrase(end - 1, j) and whole(end, j)]
        if not ends:
            break
        end = max(ends)
    start = mention.start
    for i in (start - 2, start - 1):  # "cross-border" is two words
        if i >= 0 and "".join(keys[i:start]) in words.modifiers and sentence.holds_phrase(i, start + 1) \
                and all(o < 0 for o in owner[i:start]):
            start = i
            break
    return start, end


def find_industries(sentence: str) -> list[IndustryMention]:
    """Return one mention per industry phrase in ``sentence``, in order, longest phrase first on overlaps."""
    words = _load_words()
    read = _read_sentence(sentence, words.names)
    mentions = _match_terms(read, words.modifiers)
    cargo = any(k in words.cargo for k in read.keys)
    owner = [-1] * len(read.keys)
    for index, mention in enumerate(mentions):
        owner[mention.start:mention.end] = [index] * (mention.end - mention.start)
    found: list[IndustryMention] = []
    claimed = 0  # heads and modifiers belong to the phrase next to them, even where they are phrases themselves
    for index, mention in enumerate(mentions):
        if mention.start < claimed:
            continue
        start, end = _extend(index, mentions, read, owner, words)
        start, claimed = max(start, claimed), end
        term = mention.term
        if not term.industry or words.contrast.search(sentence, 0, read.spans[start][0]):
            continue
        if term.product and end == mention.end:
            if cargo:
                continue
            # "Apple" inside a sentence is a company, not the fruit; "LED" is an acronym.
            first = read.spans[mention.start][0]
            if mention.end - mention.start == 1 and mention.start > 0 and sentence[first].isupper() \
                    and not term.capitals:
                continue
        first, last = _noun_phrase(sentence, read.spans[start][0], read.spans[end - 1][1], words)
        found.append(IndustryMention(name=term.industry, sector=term.sector, term=sentence[first:last],
                                     sentence=sentence))
    return found


def _noun_phrase(sentence: str, start: int, end: int, words: _Words) -> tuple[int, int]:
    """The span of the noun phrase the words at ``sentence[start:end]`` stand in, as the sentence writes it: the
    noun they describe and the words before it that say which kind ("LNG" in "LNG carriers", "tea" in "ecological
    tea"), never narrower than the words themselves."""
    doc = parse(sentence)
    inside = [t for t in doc if start <= t.idx < end]
    if not inside:
        return start, end
    head = inside[-1]
    # one noun further at most, and not a sentence's root a tagger took for a noun ("port handles")
    if head.dep_ in ("compound", "amod", "nmod") and head.head.i == head.i + 1 and head.head.tag_ in ("NN", "NNS") \
            and head.head.lower_ not in words.places and head.head.dep_ != "ROOT":
        head = head.head
    kept = _kind_words(head, words.ranks)
    first = min(kept[0].idx, start) if kept and head.i - kept[0].i <= len(inside) + _MAX_WIDENED else start
    last = head.idx + len(head)
    # "tea e-commerce": a hyphenated word is one word, whatever a tokenizer cuts it into
    while head.i + 2 < len(doc) and doc[head.i + 1].text == "-" and not head.whitespace_ \
            and not doc[head.i + 1].whitespace_:
        head = doc[head.i + 2]
        last = head.idx + len(head)
    return first, max(end, last)


def _kind_words(noun: Token, ranks: frozenset[str]) -> list[Token]:
    """The words before ``noun`` in its phrase that say which kind it is, contiguous up to it: not a word that
    ranks it, nor a name or nationality ("American homestay")."""
    kept = [noun]
    for child in reversed(list(noun.lefts)):
        amount = child.like_num or any(c.isdigit() for c in child.text) or child.lower_ in unit_words()
        named = child.text[:1].isupper() and child.i > 0 or child.lower_ in ranks
        # "silicon-based", "peony-themed": a word hyphenated to the one before is one word with it
        hyphen = child.text == "-" and not child.whitespace_ and child.i > 0 and not child.nbor(-1).whitespace_
        hyphenated = child.i > 0 and child.nbor(-1).text == "-" and not child.nbor(-1).whitespace_
        if child.i != kept[0].i - 1 or child.dep_ not in _PHRASE_MODIFIERS and not hyphen or amount or named \
                or child.tag_ in _NOT_PHRASE_TAGS and child.dep_ != "hyph" and not (hyphen or hyphenated):
            break
        kept.insert(0, child)
        inner = _kind_words(child, ranks)[:-1]
        if inner and inner[-1].i == child.i - 1:
            kept[:0] = inner
    return kept


def find_industry(name: str) -> IndustryMention | None:
    """Return the taxonomy's industry called ``name`` (any case) with its sector, or None."""
    wanted = name.strip().casefold()
    for term in _load_terms()[0].values():
        if term.industry and term.industry.casefold() == wanted:
            return IndustryMention(name=term.industry, sector=term.sector, term="")
    return None


def group_industries(mentions: list[IndustryMention]) -> list[dict]:
    """Return one entry per industry named, most mentions first, with each mention's article and sentence."""
    grouped: dict[str, dict] = {}
    for mention in mentions:
        entry = grouped.setdefault(
            mention.name,
            {"name": mention.name, "sector": mention.sector, "terms": [], "mentions": 0, "articles": [],
             "mentioned_in": [], "corrected": False},
        )
        entry["mentions"] += 1
        entry["corrected"] = entry["corrected"] or mention.corrected
        entry["mentioned_in"].append({"article": mention.article, "sentence": mention.sentence, "term": mention.term})
        if mention.term not in entry["terms"]:
            entry["terms"].append(mention.term)
        if mention.article not in entry["articles"]:
            entry["articles"].append(mention.article)
    return sorted(grouped.values(), key=lambda e: (-e["mentions"], e["name"]))

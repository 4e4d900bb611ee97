"""Find the industries a sentence names, with the phrases of data/taxonomy.csv.

Each taxonomy row maps an English phrase to a canonical industry and its
sector (China's Strategic Emerging Industries 2018 classification, or a
GB/T 4754-2017 section for traditional industries). Matching is on whole
words, ignores case unless a row says ``exact``, accepts plurals, hyphens
for spaces and "&" for "and", and the longest phrase wins, so "photovoltaic
solar thermal" is one mention. Rows without an industry name phrases that
are not industries ("Bureau of Economy and Information Technology") and
swallow their span; rows marked ``organisation`` ("Ministry of") swallow the
capitalised name of a government body, so "Ministry of Culture and Tourism"
is not the tourism industry.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..contract.records import IndustryMention

# Small words that keep their form inside a phrase ("import and export").
_FIXED_WORDS = {"and", "of", "for", "the", "&"}


@dataclass(frozen=True)
class _Term:
    pattern: re.Pattern
    industry: str  # empty for a phrase that is not an industry
    sector: str
    needle: str  # lower-case text every match contains, to skip the pattern cheaply


def _needle(term: str) -> str:
    """The start of a phrase's first word, which every spelling of the phrase contains."""
    first = term.split()[0].split("-")[0].lower()
    if first in ("and", "&"):
        return ""
    # "y" becomes "ies" in a plural.
    return first[:-1] if first.endswith("y") else first


def _build_word_pattern(word: str) -> str:
    if word in ("and", "&"):
        return "(?:and|&)"
    core = r"[\s-]?".join(re.escape(part) for part in word.split("-"))
    if word in _FIXED_WORDS or word.isupper() or word[-1].isdigit():
        return core
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return core[:-1] + "(?:y|ies)"
    if word.endswith(("s", "x", "ch", "sh")):
        return core + "(?:es)?"
    return core + "s?"


# A capitalised word, or a joining word between two ("Culture and Tourism").
_NAME_RUN = r"(?:\s+(?:(?:and|&|the|for)\s+)*[A-Z][\w'-]*)+"


def _compile_term(term: str, case: str) -> re.Pattern:
    body = r"[\s-]+".join(_build_word_pattern(word) for word in term.split())
    if case == "organisation":
        # The head is capitalised as in a proper name; the body's name runs over the capitalised words after it.
        body = r"\s+".join(re.escape(word) for word in term.split()) + _NAME_RUN
        return re.compile(rf"(?<!\w){body}(?!\w)")
    return re.compile(rf"(?<!\w){body}(?!\w)", 0 if case == "exact" else re.IGNORECASE)


@cache
def _load_terms() -> tuple[_Term, ...]:
    lines = (files("cityprofile") / "data" / "taxonomy.csv").read_text(encoding="utf-8").splitlines()
    # The first line is a comment giving the sources.
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    return tuple(
        _Term(_compile_term(row["term"], row["case"]), row["industry"], row["sector"], _needle(row["term"]))
        for row in rows
    )


def find_industries(sentence: str) -> list[IndustryMention]:
    """Return one mention per industry phrase in ``sentence``, in order, longest phrase first on overlaps."""
    lowered = sentence.lower()
    found = [(m.start(), m.end(), term) for term in _load_terms() if term.needle in lowered
             for m in term.pattern.finditer(sentence)]
    found.sort(key=lambda hit: (hit[0] - hit[1], hit[0]))
    taken: list[tuple[int, int, _Term]] = []
    for start, end, term in found:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, term))
    return [
        IndustryMention(name=term.industry, sector=term.sector, term=sentence[start:end], sentence=sentence)
        for start, end, term in sorted(taken, key=lambda hit: hit[0])
        if term.industry
    ]


def find_industry(name: str) -> IndustryMention | None:
    """Return the taxonomy's industry called ``name`` (any case) with its sector, or None."""
    wanted = name.strip().casefold()
    for term in _load_terms():
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

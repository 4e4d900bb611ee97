"""Figures in a sentence: numbers with their unit, qualifier and what they count or measure.

quantulum3 finds the numbers; the vocabulary of data/units.json names their units and drops the
numbers that are dates, ranks or names; labels.py says what the rest measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from quantulum3 import parser
from quantulum3.classes import Quantity

from ..contract.records import Figure
from ..contract.units import alternation as _alternation
from ..contract.units import entries as _entries
from ..contract.units import month_names, vocabulary
from .gazetteer import load_gazetteer
from .labels import Placed, as_target, find_label, names_nothing
from .measures import opens_range
from .nlp import parse
from .numbers import BETWEEN, NUMBER, Rewrite, changes_then_levels, find_number, parse_number, rewrite_amounts

_LAST_WORD = re.compile(r"([^\W\d_]+\.?)\W*$")
_POSSESSIVE = re.compile(r"[^\W\d_](?:['’]s|s['’])\s*$")
_FIRST_WORD = re.compile(r"\W*([^\W\d_]+)")
_DAY_AFTER = re.compile(r"([^\W\d_]+)\.?\s+$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CLOCK = re.compile(r"\d:\s*$|^\s*(?::\d|[ap]\.?m\b)", re.I)
_GLUED_BEFORE = re.compile(r"[^\W\d_]-?$")
_CODE = re.compile(r"\d{7,}")
_MINUS = re.compile(r"(?:^|(?<=[\s(]))[-−]$")


@dataclass(frozen=True)
class _Lexicon:
    suffixes: re.Pattern
    prefixes: re.Pattern
    units_by_spelling: dict[str, str]
    units_by_quantulum: dict[str, str]
    kinds: dict[str, str]
    qualifiers: re.Pattern
    qualifier_of: dict[str, str]
    months: set[str]
    identifiers: set[str]
    period_openers: set[str]
    period_units: set[str]
    period_joined: re.Pattern  # "-hour", "-day": a number joined to a period is a duration ("a two-hour drive")
    determiners: set[str]
    comparison_sets: re.Pattern
    target_cues: re.Pattern
    aim_cues: re.Pattern
    range_openers: re.Pattern
    range_joiners: re.Pattern


@cache
def _lexicon() -> _Lexicon:
    words = vocabulary()
    units = _entries(words["units"])
    spelling = {s.lower(): name for name, unit in units.items() for s in unit["suffixes"] + unit["prefixes"]}
    prefixes = [p for unit in units.values() for p in unit["prefixes"]]
    qualifier_of = {p: q for q, phrases in _entries(words["qualifiers"]).items() for p in phrases}
    return _Lexicon(
        suffixes=re.compile(rf"\s*({_alternation(s for u in units.values() for s in u['suffixes'])})(?!\w)", re.I),
        prefixes=re.compile(rf"({_alternation(prefixes)})\s*$"),
        units_by_spelling=spelling,
        units_by_quantulum={q: name for name, unit in units.items() for q in unit["quantulum"]},
        kinds={name: unit["kind"] for name, unit in units.items()},
        qualifiers=re.compile(rf"\b({_alternation(qualifier_of)})(?:\s*,|\s+and)?\s*$", re.I),
        qualifier_of=qualifier_of,
        months=set(month_names()),
        identifiers=set(words["identifier_words"]["words"]),
        period_openers=set(words["periods"]["openers"]),
        period_units=set(words["periods"]["units"]),
        period_joined=re.compile(rf"-(?:{_alternation(words['periods']['units'])})s?\b", re.I),
        determiners=set(words["definite_determiners"]["words"]),
        comparison_sets=re.compile(rf"\b(?:{_alternation(words['comparison_sets']['phrases'])})\s*$", re.I),
        target_cues=re.compile(rf"\b(?:{_alternation(words['target_cues']['words'])})\b", re.I),
        aim_cues=re.compile(rf"\b(?:{_alternation(words['target_cues']['aims'])})\b", re.I),
        range_openers=re.compile(rf"\b({_alternation(words['ranges']['openers'])})\s*$", re.I),
        # nothing between the two: "2-3 billion yuan", whose first end was given the second's unit (numbers.py)
        range_joiners=re.compile(rf"^\s*(?:({_alternation(words['ranges']['joiners'])})\s*)?$", re.I),
    )


def extract_figures(sentence: str, before: list[Figure] | None = None) -> list[Figure]:
    """Return the figures stated in one sentence, in reading order; ``before``, the figures of the sentence before
    it, say what "raise it to N" raises."""
    rewrite = rewrite_amounts(sentence)
    figures: list[Figure] = []
    placed: list[Placed] = []
    said = [Placed(f.label, -1, -1, -1, f.kind) for f in before or [] if not names_nothing(f.label)]
    # Every figure holds a number; quantulum3 is slow to say a sentence has none.
    if not NUMBER.search(rewrite.text):
        return figures
    for quantity in parser.parse(rewrite.text):
        for number in _numbers_of(rewrite.text, quantity):
            found = _read_figure(rewrite, sentence, number, quantity, placed, said)
            if found:
                figures.append(found[0])
                placed.append(found[1])
    return _join_ranges(sentence, _name_targets(sentence, figures, placed), placed)


def _name_targets(sentence: str, figures: list[Figure], placed: list[Placed]) -> list[Figure]:
    """A planned level is headed as a target, as analysts head it: one its own clause states as an aim ("aims
    to lift software revenue to 1.5 trillion yuan by 2027"), and a planned figure of a measure the sentence
    also states ("GDP reached N, and the city will raise it to M"). Named last: an amount read after a target
    takes the measure's own label. A forecast with a deadline is one too ("is projected to reach N by 2025"). An
    amount written as an adjective describes the thing planned ("plans to build a 1,200-mu park"), and is no aim."""
    stated = {f.label for f in figures if not f.target}
    return [replace(f, label=as_target(f.label))
            if f.target and not _is_adjective(sentence[p.start:p.end])
            and (_states_an_aim(sentence[:p.first]) or f.label in stated
                 or _DEADLINE.match(sentence, p.end) and not _COMPARED.search(sentence, 0, p.first)) else f
            for f, p in zip(figures, placed)]


# A level compared with: "up from 40 million by 2023" is no deadline's.
_COMPARED = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|against|than)\s*$", re.IGNORECASE)
# A year the clause sets as a deadline after its amount: "is projected to reach 350 billion yuan by 2025".
_DEADLINE = re.compile(r"[^,;:.]*?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.IGNORECASE)


def _join_ranges(sentence: str, figures: list[Figure], placed: list[Placed]) -> list[Figure]:
    """Each range of two amounts of one unit as one figure: "from $3 billion to $5 billion" is 3 to 5 billion
    dollars, its label the first end's that names one; a level before and after a change stays two figures."""
    joined, i = [], 0
    while i < len(figures):
        if i + 1 < len(figures) and _is_range(sentence, figures[i], figures[i + 1], placed[i], placed[i + 1]):
            low, high = figures[i], figures[i + 1]
            label = high.label if names_nothing(low.label) else low.label
            joined.append(replace(low, high=high.value, text=sentence[placed[i].first:placed[i + 1].end].strip(),
                                  label=label, target=low.target or high.target))
            i += 2
            continue
        joined.append(figures[i])
        i += 1
    return joined


def _is_range(sentence: str, low: Figure, high: Figure, at: Placed, then: Placed) -> bool:
    lexicon = _lexicon()
    joiner = lexicon.range_joiners.match(sentence[at.end:then.first])
    if not joiner or low.unit != high.unit or low.kind != high.kind or high.qualifier or high.value <= low.value:
        return False
    clause = re.split(r"[,;:]", sentence[:at.first])[-1]
    opener = lexicon.range_openers.search(clause)
    word = (joiner[1] or "-").lower()
    if word == "to" and changes_then_levels(sentence, at.end):
        return False  # "rose by 105,000 to 6.4 million": a change and the level it reached
    if opener and opener[1].lower() == "between":
        return word in ("and", "-")
    if _borrows(sentence, at, then) and word in ("to", "-", "–", "~"):
        return True
    # "rose from 3 billion yuan to 4 billion yuan", "soared from N to M": a level before and after; "rose 5-6%" a
    # range of the rise
    return word in "-–~" or word == "to" and opens_range(sentence, at.start, at.end)


# An amount that ends in its digits, written without a unit or scale of its own.
_BARE_END = re.compile(r"\d\s*$")


def _borrows(sentence: str, at: Placed, then: Placed) -> bool:
    """Whether the first amount takes the scale or unit written with the second: "HK$3 to HK$5 billion"."""
    return bool(_BARE_END.search(sentence, at.first, at.end)) and not _BARE_END.search(sentence, then.first, then.end)


def _numbers_of(text: str, quantity: Quantity) -> list[re.Match]:
    """The numbers of a quantity: its one number, or the ends of a range each written with its own unit.

    quantulum3 makes "between 5 percent and 6 percent" one range around a guessed midpoint, which is no figure;
    its two ends are. An end without its own unit ("2-3 billi", garbled) is not read, unless the range counts
    after "between" ("between 400,000 and 500,000 visitors").
    """
    if quantity.uncertainty is None:
        number = find_number(text, *quantity.span)
        return [number] if number else []
    lexicon = _lexicon()
    ends = (find_number(text, *n.span()) for n in NUMBER.finditer(text, *quantity.span))
    # "from 20 to 35" may be two levels, "by 15 to 35" a change and a level, "3 to 5 million" takes its scale from
    # its end: only "between" makes a range of counts sure
    opening = max(0, quantity.span[0])  # quantulum3 may start a span at -1 at the start of a sentence
    counts = quantity.unit.name == "dimensionless" and (BETWEEN.search(text, 0, opening) is not None
                                                        or text[opening:opening + 8].lower() == "between ")
    return [n for n in ends
            if n and (counts or lexicon.suffixes.match(text, n.end()) or lexicon.prefixes.search(text, 0, n.start()))]


def _read_figure(rewrite: Rewrite, sentence: str, number: re.Match, quantity: Quantity,
                 placed: list[Placed], said: list[Placed]) -> tuple[Figure, Placed] | None:
    text, (start, end) = rewrite.text, number.span()
    value = parse_number(number[0])
    found = _find_unit(text, start, end, quantity)
    if value is None or found is None:
        return None
    unit, span_start, span_end = found
    if _MINUS.search(text, 0, span_start):
        # "-0.8%": a sign written before an amount, not a hyphen inside a word or range.
        value, span_start = -value, span_start - 1
    if _names_no_amount(text, start, end, number[0], value, unit):
        return None
    if _GLUED_BEFORE.search(text[:span_start]) or _is_period(text[:span_start], unit):
        return None
    kind = "count" if unit == "count" else _lexicon().kinds.get(unit, "other")
    if kind == "count" and (not _is_count(number[0], value) or _is_reference(text[:span_start], number[0])
                            or _lexicon().comparison_sets.search(text, 0, span_start)):
        return None
    amount_start, last = rewrite.original_span(span_start, span_end)
    if kind == "count" and _ends_a_name(sentence, amount_start):
        return None
    adjective = unit != "count" and (_is_adjective(sentence[amount_start:last])
                                     or kind != "share" and _ARTICLE_BEFORE.search(sentence, 0, amount_start) is not None
                                     and _NOUN_AFTER.match(sentence, last) is not None)
    # "around 12 days", "the 14th Five-Year Plan": a span of time is when, not a figure an analyst quotes.
    if _is_duration(unit, quantity) or _lexicon().period_joined.match(text, end):
        return None
    qualifier, before = _split_qualifier(text[:span_start])
    first = rewrite.original_span(len(before), span_end)[0] if qualifier else amount_start
    label = find_label(sentence, first, amount_start, last, kind, adjective, placed, said)
    if not label:
        return None
    figure = Figure(value=value, unit=unit, text=sentence[first:last].strip(), qualifier=qualifier,
                    label=label, kind=kind, target=_is_target(sentence[:first]))
    return figure, Placed(label, first, amount_start, last, kind)


def _is_target(before: str) -> bool:
    """Whether the clause leading to a figure states an aim, plan or forecast."""
    clause = re.split(r"[;:]|, (?:and|but|while) ", _SHARED_AIM.sub(" ", before))[-1]
    return bool(_lexicon().target_cues.search(clause))


def _states_an_aim(before: str) -> bool:
    """Whether the words leading to a figure, since the last comma or subordinate clause, state an aim or plan
    ("aims to lift revenue to N"); not a forecast ("exports are projected to rise"), nor an aim of another
    clause ("which aims to double exports by 2030, reported GDP of N", "plans parks after arrivals rose N")."""
    return bool(_lexicon().aim_cues.search(_AIM_CLAUSE.split(_SHARED_AIM.sub(" ", before))[-1]))


# Where the words an aim governs end: a comma, or a clause of its own ("after arrivals rose 20 percent").
# "aims to build 10 parks by 2027, and to raise trips to 600": an infinitive after "and to" shares the aim before it
_SHARED_AIM = re.compile(r",\s+(?=and\s+to\s)", re.I)
_AIM_CLAUSE = re.compile(r"[,;:]|\s(?:after|before|as|since|because|while|when|which|who)\s", re.I)


def _find_unit(text: str, start: int, end: int, quantity: Quantity) -> tuple[str, int, int] | None:
    """The unit of the number at ``text[start:end]`` and the span it widens to; None for "5G"."""
    lexicon = _lexicon()
    suffix = lexicon.suffixes.match(text, end)
    if suffix:
        return lexicon.units_by_spelling[suffix[1].lower()], start, suffix.end()
    prefix = lexicon.prefixes.search(text, 0, start)
    if prefix:
        return lexicon.units_by_spelling[prefix[1].lower()], prefix.start(), end
    name = quantity.unit.name
    if name in lexicon.units_by_quantulum:
        return lexicon.units_by_quantulum[name], start, quantity.span[1]
    after = text[end:quantity.span[1]].lstrip().lower()
    # quantulum3 reads stray letters as units ("60 key" in exayears); trust only a unit it spells out.
    if name != "dimensionless" and any(after.startswith(s) for s in quantity.unit.surfaces):
        return name, start, quantity.span[1]
    if end < len(text) and text[end].isalpha():
        return None
    return "count", start, end


def _names_no_amount(text: str, start: int, end: int, number: str, value: float, unit: str) -> bool:
    """True for years, dates, clock times, ranks, codes and ordinal or fraction words."""
    lexicon = _lexicon()
    before, after = text[:start], text[end:]
    word_before, word_after = _LAST_WORD.search(before), _FIRST_WORD.match(after)
    day_before = _DAY_AFTER.search(before)
    return bool(
        (unit == "count" and _YEAR.fullmatch(number))
        # "October 12" is a day; "By the end of October, 32,000 racks" counts racks
        or (day_before and day_before[1] in lexicon.months)
        or (word_after and word_after[1] in lexicon.months)
        or _CLOCK.search(before) or _CLOCK.search(after)
        # "Line 3", "top 10"; "saw revenue top 760 billion yuan" measures something
        or (unit == "count" and word_before and word_before[1].lower() in lexicon.identifiers)
        or _CODE.search(number)
        or (not any(c.isdigit() for c in number) and not value.is_integer())
    )


def _is_period(before: str, unit: str) -> bool:
    word = _LAST_WORD.search(before)
    return unit in _lexicon().period_units and bool(word) and word[1].lower() in _lexicon().period_openers


def _is_count(number: str, value: float) -> bool:
    # "one" written out is an article in disguise: "one of the cities", "one city that ...".
    return value > 0 and value.is_integer() and (value != 1 or any(c.isdigit() for c in number))


def _ends_a_name(sentence: str, start: int) -> bool:
    """Whether the number at ``sentence[start]`` closes a proper name: "Fortune Global 500 companies", "Group 20",
    "Route 66". A numeral right after a proper noun is part of its name, not a count of anything."""
    doc = parse(sentence)
    number = next((t for t in doc if t.idx == start), None)
    if number is None or number.i == 0:
        return False
    before = doc[number.i - 1]
    return before.tag_ in ("NNP", "NNPS") and before.text[:1].isupper() and not before.is_sent_start \
        and before.whitespace_ == " " and before.text not in _lexicon().months \
        and not load_gazetteer().lookup(before.text)  # "Xining 2" is no name


def _is_reference(before: str, number: str) -> bool:
    # "between the two ports" points back to things already named, "China's three major rivers" to a set its owner
    # is known by; "launched two freight trains" counts them.
    word = _LAST_WORD.search(before)
    return not any(c.isdigit() for c in number) and bool(word) \
        and (word[1].lower() in _lexicon().determiners or bool(_POSSESSIVE.search(before)))


# "a 4.2 billion yuan battery plant", written without hyphens, describes its noun as "a 4.2-billion-yuan plant" does
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|in|to|for|from|and|or|a|an|the|per|each|worth|on|at|by|last|this|next|with|was|is|"
                         r"will|has|had|were|are|be|been)\b)[a-z]")


def _is_adjective(written: str) -> bool:
    """True for an amount hyphenated to its unit, as written before a noun: "1,200-mu", "4.5-billion-yuan"."""
    return "-" in written and not any(c.isspace() for c in written)


# quantulum3 reads "90 minutes" as arcminutes; news measures time with them, never angles.
_ARC_AS_TIME = {"minute of arc", "second of arc"}


def _is_duration(unit: str, quantity: Quantity) -> bool:
    # "the 14th Five-Year Plan", "a three-year action plan", "the five-day holiday" name a span, not a figure.
    # quantulum3 reads "50 key projects" as 50 exayears: a time unit counts only where a unit was read.
    return unit in _lexicon().period_units or (unit != "count" and (quantity.unit.entity.name == "time"
                                                                    or quantity.unit.name in _ARC_AS_TIME))


def _split_qualifier(before: str) -> tuple[str | None, str]:
    """The qualifier right before a number, and the text before it."""
    match = _lexicon().qualifiers.search(before)
    if not match:
        return None, before
    return _lexicon().qualifier_of[match[1].lower()], before[:match.start()]

"""Glue between news copy and quantulum3: amounts rewritten the way it reads them, offsets kept.

quantulum3 misreads a few forms common in Chinese news copy ("2.5 bln", "2-trillion-yuan",
"12 billion 345 million yuan", "billion-yuan-level clusters", "1,200-mu park", "230-plus
wineries"). They are rewritten before
parsing; every character of the rewrite remembers where it came from, so a figure can quote
the sentence as written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from typing import Callable

from quantulum3 import load as quantulum_load
from quantulum3 import parser
from quantulum3 import regex as quantulum_regex

from ..contract.units import alternation, entries, vocabulary

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE = "|".join(_SCALES)
# Articles and conjunctions are in quantulum3's number words, but alone they are no number.
_NOT_NUMBERS = {"", "&", "a", "an", "and", "minus", "negative"}
_WORDS = sorted(set(quantulum_regex.numberwords()) - _NOT_NUMBERS, key=len, reverse=True)
_IN_DIGITS = r"(?:\d[\d,]*(?:\.\d+)?|(?<![\w.])\.\d+)"
_TOKEN = rf"(?:{_IN_DIGITS}|\b(?:{'|'.join(_WORDS)})\b)"
# Digits go on only with a scale word: "190,400 twenty-foot equivalent units" is 190,400, not 190,420.
NUMBER = re.compile(rf"{_IN_DIGITS}(?:[\s-]+\b(?:{_SCALE}|hundred)\b)*|{_TOKEN}(?:[\s-]+{_TOKEN})*", re.IGNORECASE)
_COMPOUND = re.compile(rf"\b(\d+) ({_SCALE}) (\d{{1,3}}(?:\.\d+)?) ({_SCALE})\b", re.I)


def _unit_suffixes() -> list[str]:
    units = vocabulary()["units"]
    spellings = {s for name, unit in units.items() if not name.startswith("_") for s in unit["suffixes"]}
    return sorted(spellings, key=len, reverse=True)


@cache
def _hyphen_units() -> frozenset[str]:
    """Unit spellings, lower case, that may follow a number and a hyphen: "1,200-mu", "1.2-gigawatt"."""
    words = vocabulary()
    entities = set(words["hyphen_unit_entities"]["entities"])
    # Dimensionless "units" such as "point" or "set" would turn "a 5-point plan" into a measure.
    known = {surface for surface, units in quantulum_load.units("en_US").surfaces_lower.items()
             if any(unit.entity.name in entities for unit in units)}
    return frozenset(known | {s.lower() for s in _unit_suffixes()})


def _unhyphenate_unit(match: re.Match) -> str:
    """Return a number's hyphenated unit spelled apart: "-square-meter" as " square meter"."""
    words = match[1].split("-")
    for size in range(len(words), 0, -1):
        if " ".join(words[:size]).lower() in _hyphen_units():
            return " " + " ".join(words[:size]) + "".join("-" + w for w in words[size:])
    return match[0]


@dataclass(frozen=True)
class Rewrite:
    """A rewritten sentence; ``starts[i]``/``ends[i]`` bound the original text of character ``i``."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the original sentence that ``text[start:end]`` came from."""
        return self.starts[start], self.ends[end - 1]


def _substitute(rewrite: Rewrite, pattern: re.Pattern, replace: Callable[[re.Match], str]) -> Rewrite:
    text, starts, ends, done = [], [], [], 0
    for match in pattern.finditer(rewrite.text):
        text.append(rewrite.text[done:match.start()])
        starts += rewrite.starts[done:match.start()]
        ends += rewrite.ends[done:match.start()]
        new = replace(match)
        text.append(new)
        # Characters kept at either end still bound their own original text ("21.3 and" written "21.3 percent
        # and" leaves "and" where it was); those written in between bound what they replace, or where they went.
        a, b = match.span()
        old = match[0]
        # whole words only: "2 to 3 trillion" written "2 trillion ... to 3 trillion" keeps "2 ", not "2 t"
        head = len(os.path.commonprefix([new, old]))
        while head and not new[head - 1].isspace():
            head -= 1
        tail = len(os.path.commonprefix([new[head:][::-1], old[head:][::-1]]))
        while tail and not (tail < len(new) - head and new[-tail - 1].isspace() and old[-tail - 1].isspace()):
            tail -= 1
        middle = len(new) - head - tail
        starts += rewrite.starts[a:a + head]
        ends += rewrite.ends[a:a + head]
        if b - tail > a + head:
            starts += [rewrite.starts[a + head]] * middle
            ends += [rewrite.ends[b - tail - 1]] * middle
        else:
            starts += [rewrite.starts[a + head] if a + head < len(rewrite.starts) else rewrite.ends[-1]] * middle
            ends += [rewrite.ends[a + head - 1] if head else rewrite.starts[a]] * middle
        starts += rewrite.starts[b - tail:b]
        ends += rewrite.ends[b - tail:b]
        done = match.end()
    text.append(rewrite.text[done:])
    starts += rewrite.starts[done:]
    ends += rewrite.ends[done:]
    return Rewrite("".join(text), tuple(starts), tuple(ends))


# "between" right before an amount: the first end of a range, whose "and" joins its second.
BETWEEN = re.compile(r"\bbetween\s+$", re.I)
# A number written in digits: "1,500", "3.2".
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _spell_money_range(match: re.Match) -> str:
    """Return a range of money as two whole amounts joined by "to"; leave two amounts that are no range as they are:
    "$2 billion and $3 billion" without "between" is a list, and "from $4 million to $5 billion" is read later."""
    sign, number, scale, joiner, _, second_scale = match.groups()
    joiner = joiner.strip().lower()
    if joiner == "and" and not BETWEEN.search(match.string, 0, match.start()) or joiner == "to" and scale:
        return match[0]
    # "from $200 to $4 million", "$370,000 to $5.5 million": a first end larger as written has its own scale
    if not scale and float(number.replace(",", "")) > float(DIGITS.match(match.string, match.end())[0]):
        return match[0]
    return f"{sign}{number}{scale or ' ' + second_scale} to {sign}"


def _join_compound(match: re.Match) -> str:
    big, small = _SCALES[match[2].lower()], _SCALES[match[4].lower()]
    if small >= big:
        return match[0]
    total = float(match[1]) * big + float(match[3]) * small
    return f"{total / big:.12g} {match[2]}"


@cache
def _rewrites() -> list[tuple[re.Pattern, Callable[[re.Match], str]]]:
    words = vocabulary()
    units = "|".join(re.escape(s) for s in _unit_suffixes())
    levels = "|".join(words["level_suffixes"])
    abbreviations = words["scale_abbreviations"]
    short = "|".join(k for k in abbreviations if not k.startswith("_"))
    letters = entries(words["currency_scale_letters"])
    indian = {k: float(v) for k, v in entries(words["indian_scales"]).items()}
    codes = {p for unit in entries(words["units"]).values() if unit["kind"] == "money" for p in unit["prefixes"]
             if p[-1].isalpha()}
    signs = _currency_signs()
    folded = entries(words["folded_signs"])
    return [
        # "PS2.7m", "Y=28,030": signs folded to ASCII are the signs ("PS5" is a console)
        (re.compile(rf"(?<![\w=])({alternation(folded)})(?=\d[\d,.]*\d|\d\s*(?:[mbk]|bn|{_SCALE})\b|\d[.,]\d)", re.I),
         lambda m: folded.get(m[1]) or folded[m[1].upper()]),
        # "RMB5 billion", "USD10m": a currency code glued to its amount is spelled apart, as "RMB 5 billion".
        (re.compile(rf"(?<!\w)({alternation(codes)})(?=\d)"), lambda m: m[1] + " "),
        # "$27.5M", "£4.1m", "$85k": a scale letter is glued to an amount of money, never to metres or counts.
        (re.compile(rf"(?<=\d)({alternation(letters)})\b"),
         lambda m: " " + letters[m[1]] if _after_currency(m) else m[0]),
        (re.compile(rf"(\d[\d,]*(?:\.\d+)?)\s*({alternation(indian)})\b", re.I),
         lambda m: _spell_scaled(float(m[1].replace(",", "")) * indian[m[2].lower()])),
        # "$89 to $93 billion", "US$3-5 million", "between $2 billion and $3 billion": a range of money, each end
        # with its scale and the first end's sign ("US$89 to $93 billion" is in US dollars), joined by "to", after
        # which quantulum3 reads the second end ("and $3 billion" it loses). Written out before "from ... to" is
        # read as two amounts.
        (re.compile(rf"(?<![\w.,])((?:{signs})\s?)(\d[\d,]*(?:\.\d+)?)(\s+(?:{_SCALE}))?"
                    rf"(\s*[-–~]\s*|\s+(?:to|and)\s+)((?:{signs})\s?)?(?=\d[\d,]*(?:\.\d+)?\s+({_SCALE})\b)", re.I),
         _spell_money_range),
        # "$2.1 billion and $3.4 billion respectively": two amounts, of which quantulum3 loses the second after "and".
        (re.compile(rf"(?:(?<=\d)|{'|'.join(f'(?<={word})' for word in _SCALES)})\s+and\s+(?=(?:{signs})\s?\d)",
                    re.I), lambda m: " & "),
        # "a five-year $700,000 award", "the 10-day US$3 million fair": quantulum3 reads the sign after a unit
        # word as part of that unit, and loses the amount; a comma keeps them apart.
        (re.compile(rf"(\w-[^\W\d_]+)\s+(?=(?:{signs})\s?\d)"), lambda m: m[1] + ", "),
        # "from $41,200 to $39,850" states two amounts, and "grew 6 percent in 2023 to 890 billion yuan" a year
        # and an amount; quantulum3 would read a range and its midpoint.
        (re.compile(r"\s+to\s+(?=\S{0,4}\d)(?!(?:19|20)\d\d\b)"),
         lambda m: " ; to " if _ends_an_amount_or_year(m.string, m.start()) else m[0]),
        # "billion-yuan-level clusters" describes the clusters; the number before it counts them.
        (re.compile(rf"\b(?:\d[\d,.]*-)?(?:{_SCALE})-(?:{units})-(?:{levels})\b", re.I), lambda m: " " * len(m[0])),
        (re.compile(rf"(?<=\d)\s*({short})\b", re.I), lambda m: " " + abbreviations[m[1].lower()]),
        # "2-trillion-yuan" is one amount, not the range 2 to a trillion.
        (re.compile(rf"(\d)-(?=(?:{_SCALE})\b)|\b({_SCALE})-(?=(?:{units})\b)", re.I),
         lambda m: (m[1] or m[2]) + " "),
        # "2-3 billion yuan", "between 3 and 5 percent": a range's first end shares the second's scale and unit,
        # written out so that each end is an amount (quantulum3 reads a midpoint, or "2-3 billi").
        (re.compile(rf"(?<![\w.,$¥€£])(?!(?:19|20)\d\d\b)(\d[\d,]*(?:\.\d+)?)(\s*[-–~]\s*|\s+(?:to|and)\s+)"
                    rf"(?=\d[\d,]*(?:\.\d+)?((?:\s+(?:{_SCALE}))?\s*(?:{units}))(?!\w))", re.I),
         lambda m: f"{m[1]}{m[3]} to " if m[2].strip() in "-–~" else f"{m[1]}{m[3]}{m[2]}"),
        (_COMPOUND, _join_compound),
        (re.compile(r"(?<=\d)-([^\W\d_]+(?:-[^\W\d_]+)*)"), _unhyphenate_unit),
        # "230-plus wineries" is "over 230 wineries"; the qualifier is written where quantulum3 ignores it.
        (re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)-plus\b", re.I), lambda m: "over " + m[1]),
    ]


# "from $41,200", "from 41,200 yuan": an amount with its own unit; "from 10 to 20 percent" is one range.
_FROM_AMOUNT = re.compile(r"\bfrom\s+(?:(?:[^\w\s]{1,3}|[A-Z]{2,3}\$?\s?)\d[\d,.]*(?:\s+[^\W\d_]+){0,2}"
                          r"|\d[\d,.]*(?:\s+[^\W\d_]+){1,2})$", re.I)


# "in 2023", "for 2024": a year after a preposition, which begins no range.
_YEAR_BEFORE = re.compile(r"\b(?:in|for|of|by|since|during|over)\s+(?:19|20)\d\d$", re.I)
# A number written in full, with its thousands ("105,000", "5100"): it takes no scale word from another.
_IN_FULL = r"(?:\d{1,3}(?:,\d{3})+|\d{4,})(?:\.\d+)?"
# "rose by 105,000 to 6.4 million": a change written in full, which shares no scale with the level after it.
_CHANGE_IN_FULL = re.compile(rf"\bby\s+{_IN_FULL}$", re.I)
_CHANGE_BY = re.compile(rf"\bby\s+{DIGITS.pattern}$", re.I)


def _ends_an_amount_or_year(text: str, at: int) -> bool:
    """Whether ``text`` before ``at`` ends in an amount with its own unit after "from", in a year after a
    preposition, or in a change by a number written in full: a "to" there starts a second amount, not the end
    of a range."""
    return bool(_FROM_AMOUNT.search(text, 0, at) or _YEAR_BEFORE.search(text, 0, at)) or changes_then_levels(text, at)


def changes_then_levels(text: str, at: int) -> bool:
    """Whether ``text`` before ``at`` ends in "by" and a number, with "to" and a level after it: "rose by 105,000
    to 6.4 million", "grew by 640 to 5,100" state a change and the level reached; "by 5 to 6 million", whose
    first end shares the second's scale, is a range."""
    return bool(_CHANGE_IN_FULL.search(text, 0, at)
                or _CHANGE_BY.search(text, 0, at) and _level_in_full().match(text, at))


@cache
def _level_in_full() -> re.Pattern:
    """ "to 5,100" written in full, with no scale or unit after it: a count of its own, whose scale and unit the
    number before it cannot be sharing ("by 5 to 6 percent", "by 1 to 2 points" are ranges)."""
    units = "|".join(re.escape(s) for s in _unit_suffixes())
    return re.compile(rf"\s*to\s+{_IN_FULL}(?![\d,.]\d|\s*(?:{_SCALE}|{units})(?!\w))", re.I)


def _after_currency(match: re.Match) -> bool:
    """True when the number before ``match`` follows a currency sign or code: "$27.5M", "US$4.1m"."""
    return bool(_currency_before().search(match.string, 0, match.start()))


@cache
def _currency_before() -> re.Pattern:
    return re.compile(rf"(?:{_currency_signs()})\s*[\d,]*\.?\d+$")


@cache
def _currency_signs() -> str:
    """Return an alternation of every sign and code written before an amount of money: "$", "US$", "RMB"."""
    return alternation({p for unit in entries(vocabulary()["units"]).values() if unit["kind"] == "money"
                        for p in unit["prefixes"]})


def _spell_scaled(value: float) -> str:
    """Return an amount in the scale words quantulum3 reads: 3e7 as "30 million"."""
    for word, scale in reversed(_SCALES.items()):
        if value >= scale:
            return f"{value / scale:.12g} {word}"
    return f"{value:.12g}"


def rewrite_amounts(sentence: str) -> Rewrite:
    """Return ``sentence`` with amounts spelled the way quantulum3 reads them."""
    rewrite = Rewrite(sentence, tuple(range(len(sentence))), tuple(range(1, len(sentence) + 1)))
    for pattern, replace in _rewrites():
        rewrite = _substitute(rewrite, pattern, replace)
    return rewrite


_DIGITS_ON = re.compile(r"[,.]?\d")
_SCALES_AFTER = re.compile(rf"(?:[\s-]+(?:{_SCALE}))+", re.I)


def find_number(text: str, start: int, end: int) -> re.Match | None:
    """Return the number in ``text[start:end]``, widened over scale words that run past ``end``.

    quantulum3 sometimes cuts a quantity inside its scale word: in "a $5 million
    agreement" it reads "a $5 milli", and the number would be 5.
    """
    found = NUMBER.search(text, start, end)
    if found is None:
        return None
    if found.end() == end and _DIGITS_ON.match(text, end):
        # quantulum3 may also cut inside the digits: in "a $2500 a month mortgage" it reads "a $25".
        found = NUMBER.match(text, found.start())
    scales = _SCALES_AFTER.match(text, found.end())
    return NUMBER.match(text, found.start(), scales.end()) if scales else found


def parse_number(text: str) -> float | None:
    """Return the value of a bare number such as ``12.345 billion`` or ``twenty-five``."""
    found = parser.parse(text)
    if len(found) != 1 or found[0].unit.name != "dimensionless" or found[0].uncertainty:
        return None
    # Written numbers have few digits; 12 significant ones drop binary noise
    # such as 8.2 billion coming out as 8199999999.999999.
    return float(f"{found[0].value:.12g}")

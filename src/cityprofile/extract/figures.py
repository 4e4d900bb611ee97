"""Figures in a sentence: numbers with their unit, qualifier and what they count or measure.

quantulum3 finds the numbers; the vocabulary of data/units.json names their units, drops the
numbers that are dates, ranks or names, and labels the rest from the words around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from quantulum3 import parser
from quantulum3.classes import Quantity

from ..contract.records import Figure
from ..contract.units import vocabulary
from .numbers import NUMBER, Rewrite, find_number, parse_number, rewrite_amounts

_TOKEN = re.compile(r"[^\W_][\w'’&-]*|[^\w\s]")
_LAST_WORD = re.compile(r"([^\W\d_]+\.?)\W*$")
_FIRST_WORD = re.compile(r"\W*([^\W\d_]+)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CLOCK = re.compile(r"\d:\s*$|^\s*(?::\d|[ap]\.?m\b)", re.I)
_GLUED_BEFORE = re.compile(r"[^\W\d_]-?$")
_CODE = re.compile(r"\d{7,}")
# "- GDP: 332.9 billion yuan": a list line whose heading names the figure.
_HEADING = re.compile(r"^[\W\d_]*([^\W\d_][^:;,.()]*?)\s*:\s*$")
_BE = {"were", "was", "are", "is", "be", "been", "being"}
_AUXILIARIES = _BE | {"have", "has", "had", "will", "would"}
_MAX_LABEL_WORDS = 5


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
    count_phrases: re.Pattern
    linking: re.Pattern
    change_percent: re.Pattern
    change_amount: re.Pattern
    change_noun: dict[str, str]
    stops: set[str]
    partitives: set[str]
    modifiers: set[str]
    default_labels: dict[str, str]
    anaphors: set[str]
    determiners: set[str]
    measure_adverbs: set[str]
    target_cues: re.Pattern


def _alternation(phrases) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def _entries(table: dict) -> dict:
    return {k: v for k, v in table.items() if not k.startswith("_")}


@cache
def _lexicon() -> _Lexicon:
    words = vocabulary()
    units = _entries(words["units"])
    spelling = {s.lower(): name for name, unit in units.items() for s in unit["suffixes"] + unit["prefixes"]}
    prefixes = [p for unit in units.values() for p in unit["prefixes"]]
    qualifier_of = {p: q for q, phrases in _entries(words["qualifiers"]).items() for p in phrases}
    change_noun = {v: noun for noun, verbs in _entries(words["change_verbs"]).items() for v in verbs}
    verbs = _alternation(change_noun)
    return _Lexicon(
        suffixes=re.compile(rf"\s*({_alternation(s for u in units.values() for s in u['suffixes'])})(?!\w)", re.I),
        prefixes=re.compile(rf"({_alternation(prefixes)})\s*$"),
        units_by_spelling=spelling,
        units_by_quantulum={q: name for name, unit in units.items() for q in unit["quantulum"]},
        kinds={name: unit["kind"] for name, unit in units.items()},
        qualifiers=re.compile(rf"\b({_alternation(qualifier_of)})(?:\s*,|\s+and)?\s*$", re.I),
        qualifier_of=qualifier_of,
        months=set(words["months"]),
        identifiers=set(words["identifier_words"]["words"]),
        period_openers=set(words["periods"]["openers"]),
        period_units=set(words["periods"]["units"]),
        count_phrases=re.compile(rf"\b(?:{_alternation(words['count_phrases']['phrases'])})\s+", re.I),
        linking=re.compile(rf"\b(?:{_alternation(words['linking_words']['words'])})\s*$", re.I),
        change_percent=re.compile(rf"\b({verbs})(?:\s+by)?\s*$", re.I),
        change_amount=re.compile(rf"\b({verbs})\b[^,;()]*\sto\s*$", re.I),
        change_noun=change_noun,
        stops=set(words["noun_phrase_stops"]["words"]),
        partitives=set(words["partitive_nouns"]["words"]),
        modifiers=set(words["leading_modifiers"]["words"]),
        default_labels=_entries(words["default_labels"]),
        anaphors=set(words["anaphoric_nouns"]["words"]),
        determiners=set(words["definite_determiners"]["words"]),
        measure_adverbs=set(words["measure_adverbs"]["words"]),
        target_cues=re.compile(rf"\b(?:{_alternation(words['target_cues']['words'])})\b", re.I),
    )


def extract_figures(sentence: str) -> list[Figure]:
    """Return the figures stated in one sentence, in reading order."""
    rewrite = rewrite_amounts(sentence)
    figures: list[Figure] = []
    # Every figure holds a number; quantulum3 is slow to say a sentence has none.
    if not NUMBER.search(rewrite.text):
        return figures
    for quantity in parser.parse(rewrite.text):
        number = find_number(rewrite.text, *quantity.span)
        # quantulum3's ranges ("2-3 billi") come back garbled; a guessed midpoint is no figure.
        if number and quantity.uncertainty is None:
            figure = _read_figure(rewrite, sentence, number, quantity, figures[-1] if figures else None)
            if figure:
                figures.append(figure)
    return figures


def _read_figure(rewrite: Rewrite, sentence: str, number: re.Match, quantity: Quantity,
                 previous: Figure | None) -> Figure | None:
    text, (start, end) = rewrite.text, number.span()
    value = parse_number(number[0])
    found = _find_unit(text, start, end, quantity)
    if value is None or found is None:
        return None
    unit, span_start, span_end = found
    if _names_no_amount(text, start, end, number[0], value, unit):
        return None
    if _GLUED_BEFORE.search(text[:span_start]) or _is_period(text[:span_start], unit):
        return None
    kind = "count" if unit == "count" else _lexicon().kinds.get(unit, "other")
    if kind == "count" and (not _is_count(number[0], value) or _is_reference(text[:span_start], number[0])):
        return None
    adjective = unit != "count" and _is_adjective(sentence[slice(*rewrite.original_span(span_start, span_end))])
    if adjective and _is_duration(unit, quantity):
        return None
    qualifier, before = _split_qualifier(text[:span_start])
    label = _label(before, text[:span_start], text[span_end:], kind, previous, adjective)
    if not label:
        return None
    first, last = rewrite.original_span(len(before) if qualifier else span_start, span_end)
    return Figure(value=value, unit=unit, text=sentence[first:last].strip(), qualifier=qualifier,
                  label=label, kind=kind, target=_is_target(sentence[:first]))


def _is_target(before: str) -> bool:
    """Whether the clause leading to a figure states an aim, plan or forecast."""
    clause = re.split(r"[;:]|, (?:and|but|while) ", before)[-1]
    return bool(_lexicon().target_cues.search(clause))


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
    return bool(
        (unit == "count" and _YEAR.fullmatch(number))
        or (word_before and word_before[1].rstrip(".") in lexicon.months)
        or (word_after and word_after[1] in lexicon.months)
        or _CLOCK.search(before) or _CLOCK.search(after)
        or (word_before and word_before[1].lower() in lexicon.identifiers)
        or _CODE.search(number)
        or (not any(c.isdigit() for c in number) and not value.is_integer())
    )


def _is_period(before: str, unit: str) -> bool:
    word = _LAST_WORD.search(before)
    return unit in _lexicon().period_units and bool(word) and word[1].lower() in _lexicon().period_openers


def _is_count(number: str, value: float) -> bool:
    # "one" written out is an article in disguise: "one of the cities", "one city that ...".
    return value > 0 and value.is_integer() and (value != 1 or any(c.isdigit() for c in number))


def _is_reference(before: str, number: str) -> bool:
    # "between the two ports" points back to things already named; "launched two freight trains" counts them.
    word = _LAST_WORD.search(before)
    return not any(c.isdigit() for c in number) and bool(word) and word[1].lower() in _lexicon().determiners


def _is_adjective(written: str) -> bool:
    """True for an amount hyphenated to its unit, as written before a noun: "1,200-mu", "4.5-billion-yuan"."""
    return "-" in written and not any(c.isspace() for c in written)


def _is_duration(unit: str, quantity: Quantity) -> bool:
    # "the 14th Five-Year Plan", "a three-year action plan", "the five-day holiday" name a span, not a figure.
    return unit in _lexicon().period_units or quantity.unit.entity.name == "time"


def _split_qualifier(before: str) -> tuple[str | None, str]:
    """The qualifier right before a number, and the text before it."""
    match = _lexicon().qualifiers.search(before)
    if not match:
        return None, before
    return _lexicon().qualifier_of[match[1].lower()], before[:match.start()]


def _label(before: str, full: str, after: str, kind: str, previous: Figure | None, adjective: bool) -> str:
    """What a figure counts or measures, from the words around it; empty for a bare count."""
    heading = _heading(before)
    if kind == "count":
        return (_phrase(_TOKEN.findall(after)) or heading or _counted_thing(before)
                or _changed_thing(before, kind, previous) or _linked_noun(before, previous)
                or _linked_noun(full, previous))
    # "a 1,200-mu wine industrial park": the amount describes the noun it is hyphenated to.
    described = _phrase(_TOKEN.findall(after), attributive=True) if adjective else ""
    return (described or heading or _converted_label(before, previous) or _changed_thing(before, kind, previous)
            or _linked_noun(before, previous) or _linked_noun(full, previous) or _measured_thing(after)
            or _counted_thing(before) or _lexicon().default_labels[kind])


def _heading(before: str) -> str:
    """The heading of a list line, "Tourists received: 32.6 million"."""
    match = _HEADING.match(before)
    return match[1] if match and len(match[1].split()) <= _MAX_LABEL_WORDS else ""


def _measured_thing(after: str) -> str:
    """The noun after an amount, "10 billion yuan of loans"; none after "38 kilometers north"."""
    tokens = _tokens_after_of(after)
    return "" if tokens[:1] and tokens[0].lower() in _lexicon().measure_adverbs else _phrase(tokens)


def _tokens_after_of(text: str) -> list[str]:
    tokens = _TOKEN.findall(text)
    return tokens[1:] if tokens[:1] == ["of"] else tokens


def _converted_label(before: str, previous: Figure | None) -> str:
    """A bracketed conversion, "3 billion yuan (about 420 million U.S. dollars)", shares its label."""
    return previous.label if previous and previous.kind == "money" and before.rstrip().endswith("(") else ""


def _counted_thing(before: str) -> str:
    """The thing in the last "number of <thing>" before a bare number."""
    found = list(_lexicon().count_phrases.finditer(before))
    return _phrase(_TOKEN.findall(before[found[-1].end():])) if found else ""


def _changed_thing(before: str, kind: str, previous: Figure | None) -> str:
    """The subject of a change: "exports increase by <7 percent>", "... rose to <2,400>"."""
    lexicon = _lexicon()
    by = lexicon.change_percent.search(before) if kind == "share" else None
    match = by or lexicon.change_amount.search(before)
    if not match:
        return ""
    subject = before[:match.start()]
    # "totaled 80 billion yuan, down 3 percent": the change is of the amount just given.
    thing = (_counted_thing(subject) or _phrase(_TOKEN.findall(subject), backward=True) or _heading(subject)
             or (previous.label if previous else ""))
    return f"{thing} {lexicon.change_noun[match[1].lower()]}".strip() if by else thing


def _linked_noun(before: str, previous: Figure | None) -> str:
    """The noun phrase before a linking word: "contract capital being", "GDP reached", "goods worth"."""
    match = _lexicon().linking.search(before)
    noun = _phrase(_TOKEN.findall(before[:match.start()]), backward=True) if match else ""
    # "..., and the number is expected to exceed 1,500" is the number of what the figure before counted.
    if noun.lower() in _lexicon().anaphors:
        return previous.label if previous else ""
    return noun


def _is_word(token: str) -> bool:
    # "5G base stations": a word may hold digits, but not only digits.
    return any(c.isalpha() for c in token) and token.lower() not in _lexicon().stops


def _is_participle(token: str, following: str, attributive: bool) -> bool:
    # A lower-case "-ed"/"-ing" word after the noun is a verb: "trains passed", "trucks carrying"; but after an
    # amount used as an adjective an "-ing" word before a noun is part of the name: "intelligent computing center".
    if attributive and token.endswith("ing") and _is_word(following):
        return False
    return token.islower() and "-" not in token and (
        (token.endswith("ed") and len(token) > 4) or (token.endswith("ing") and len(token) > 5))


def _joins_like(word: str, following: str) -> bool:
    # "ports and Beijing": a name after a common noun starts a new phrase.
    return bool(following) and _is_word(following) and not (word.islower() and following[0].isupper())


def _phrase(tokens: list[str], backward: bool = False, attributive: bool = False) -> str:
    """The noun phrase at the start of ``tokens`` (at their end if ``backward``); ``attributive`` after an adjective."""
    lexicon = _lexicon()
    ordered = tokens[::-1] if backward else tokens
    words: list[str] = []
    stop = len(ordered)
    for i, token in enumerate(ordered):
        following = ordered[i + 1] if i + 1 < len(ordered) else ""
        low = token.lower()
        if not words and low in lexicon.modifiers:
            continue
        # Before an amount any "of" joins ("retail sales of consumer goods"); after a count only a partitive's.
        joins = low == "and" or (low == "of" and (backward or (words and words[-1].lower() in lexicon.partitives)))
        if joins and words and _joins_like(words[-1], following) and len(words) < _MAX_LABEL_WORDS - 1:
            words.append(token)
            continue
        possessive = token.endswith(("'s", "’s", "'", "’"))
        if (not _is_word(token) or possessive or (words and _is_participle(token, following, attributive))
                or len(words) == _MAX_LABEL_WORDS):
            stop = i
            break
        words.append(token)
    if backward:
        return " ".join(words[::-1])
    # "a 100-megawatt solar farm was connected": the passive tells what happened to the farm, not what it is.
    passive = [] if attributive else _passive_participle(ordered[stop:])
    return " ".join(words + passive) if words else ""


def _passive_participle(tokens: list[str]) -> list[str]:
    """The participle of a passive after a noun phrase: "40 projects were signed" adds "signed"."""
    verb = 0
    while verb < len(tokens) and tokens[verb].lower() in _AUXILIARIES:
        verb += 1
    # "have transported" is active; only a form of "be" makes the participle passive.
    passive = verb and tokens[verb - 1].lower() in _BE
    if passive and verb < len(tokens) and tokens[verb].islower() and tokens[verb].endswith("ed"):
        return [tokens[verb]]
    return []

"""Find date expressions in a sentence and resolve them to ISO 8601.

Our own patterns find the spans; dateparser only normalises what they found,
against the publication date (its search_dates would take "we", "may" or
"5th" for dates). Vocabulary lives in data/dates.json.

Conventions:
- A date is cut to what the text states: "2020", "2020-07" or "2020-07-23".
- A partial date takes its year from the nearest year in the same sentence,
  else the article's own stamp (publication date), else the year of the
  headline or first sentence; "last December" is the December before the stamp.
- Relative dates ("last year", "on Tuesday", "so far this year") resolve
  against the publication date, and are dropped when there is none.
- Qualifiers keep every keyword in order: "since the beginning of 2010" is
  "since beginning", "late 2022" is "late", "the first three quarters of this
  year" is the publication year with "first three quarters". A range
  "between Jan. 1 and Nov. 17" gives "from" and "until".
- Not dates: comparison baselines ("year on year", "the same period last
  year"), the publication stamp and wire dateline, clock times, and a year
  directly before a capitalised word, which names something ("2022 Winter
  Olympic Games"), unless it opens the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from dateparser.date import DateDataParser

from ..contract.datafiles import read_json
from ..contract.records import DateMention
from .nlp import parse

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads: a build with nothing to extract never pays for it
    from spacy.tokens import Token


@cache
def load_vocabulary() -> dict:
    """The date and timeline vocabulary of data/dates.json."""
    return read_json("dates.json")


_VOCAB = load_vocabulary()


def build_alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of words, longest first so phrases win over their parts."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Words that make a clause a plan, aim or forecast: the timeline marks its event a target, and a month it plans
# is the next such month.
PLAN = re.compile(rf"\b(?:{build_alternation(_VOCAB['plan_cues'])})\b", re.IGNORECASE)


_MONTH_FULL = build_alternation(_VOCAB["months"])
_MONTH_ABBR = build_alternation(_VOCAB["month_abbreviations"])
# An abbreviation needs its dot when nothing after it shows it is a month.
_MONTH = rf"(?:{_MONTH_FULL}|(?:{_MONTH_ABBR})\b\.?)"
_MONTH_ALONE = rf"(?:{_MONTH_FULL}|(?:{_MONTH_ABBR})\.)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# "from August 16 to 20": the range is dated by its first day.
_DAY_RANGE_END = r"\s*(?:-|\u2013|to)\s*(?:[12]\d|3[01]|0?[1-9])\b"
# A year may follow "mid-" but not another number's hyphen ("2016-2020").
_NOT_NUMBER_BEFORE = r"(?<![\w$.,/])(?<!\d-)"
_NOT_NUMBER_AFTER = r"(?![\w%/-]|[.,]\d|\s*(?:%|percent|per\s+cent)\b)"
_BARE_YEAR = re.compile(rf"{_NOT_NUMBER_BEFORE}{_YEAR}{_NOT_NUMBER_AFTER}")

_PERIOD_COUNTS = build_alternation(_VOCAB["period_counts"])
_STANDALONE_PERIOD = (
    rf"\b(?:the\s+)?(?:{build_alternation(_VOCAB['standalone_period_ordinals'])})\s+"
    rf"(?:half|quarter|(?:{_PERIOD_COUNTS}|1[01]|[2-9])\s+(?:quarters|months))\b(?!\s+of\b)"
)
_PERIOD_ABBREVIATION = rf"\b(?:{build_alternation(_VOCAB['period_abbreviations'])})\b"
_PERIOD_YEAR = rf"\b(?:{build_alternation(_VOCAB['period_abbreviations'])})\s*,?\s*{_YEAR}(?!\d)"
_RELATIVE_MONTH = rf"\b(?i:last|this|next)\s+(?:{_MONTH_FULL})\b(?!\s+\d)"
_MONTH_SPAN = rf"\b(?:the\s+)?(?:{_MONTH_FULL})\s*[-\u2013]\s*(?:{_MONTH_FULL})\s+period\b"
_AGO = rf"\b(?:{build_alternation(_VOCAB['ago_counts'])}|\d{{1,2}})\s+(?:years?|months?)\s+ago\b"

# Kinds, tried in order; a later kind never overlaps an earlier find.
_PATTERNS = [
    ("iso", re.compile(rf"(?<![\d-]){_YEAR}([-/])(?:0?[1-9]|1[0-2])\1(?:[0-2]?\d|3[01])(?![\d-])")),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*[-\u2013]\s*\d{{1,2}})?,?\s+{_YEAR}(?!\d)")),
    ("day", re.compile(rf"{_NOT_NUMBER_BEFORE}{_DAY}\s+{_MONTH},?\s+{_YEAR}(?!\d)")),
    ("month", re.compile(rf"\b{_MONTH},?\s+{_YEAR}(?!\d)")),
    ("period_year", re.compile(_PERIOD_YEAR)),
    ("relative_month", re.compile(_RELATIVE_MONTH)),
    # "September last year", "in May next year": the month of the year the phrase says, one date
    ("month_of_year", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?:last|next|this)\s+year\b")),
    ("partial_period", re.compile(rf"{_MONTH_SPAN}|{_PERIOD_ABBREVIATION}|(?i:{_STANDALONE_PERIOD})")),
    ("partial_day", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:{_DAY_RANGE_END})?{_NOT_NUMBER_AFTER}")),
    ("partial_day", re.compile(rf"{_NOT_NUMBER_BEFORE}{_DAY}\s+(?:{_MONTH_FULL})\b(?!\s*\d)")),
    ("partial_month", re.compile(rf"\b{_MONTH_ALONE}(?!\w)")),
    ("relative", re.compile(rf"\b(?:{build_alternation(_VOCAB['relative'])})\b", re.IGNORECASE)),
    ("ago", re.compile(_AGO, re.IGNORECASE)),
    # "last Thursday" is a week back when written on a Thursday
    ("weekday", re.compile(rf"\b(?:(?:[Ll]ast|[Nn]ext)\s+(?=\w+\b(?!\s+of\b)))?"
                           rf"(?:{build_alternation(_VOCAB['weekdays'])})\b")),
    ("year", _BARE_YEAR),
]
# Resolved against the publication date only, never guessed without one.
_NEEDS_STAMP = ("relative", "relative_month", "month_of_year", "ago", "weekday")
_YEAR_OFFSET = {"last": -1, "this": 0, "next": 1}
_BASELINE = re.compile(rf"\b(?:{build_alternation(_VOCAB['baselines'])})\b", re.IGNORECASE)
_BASELINE_LEAD = re.compile(
    rf"(?<![A-Za-z])(?:{build_alternation(_VOCAB['baseline_leads'])})\s+(?:the\s+)?$", re.IGNORECASE
)

_STAMP_DATE = rf"(?:{_YEAR}[-/]\d{{1,2}}[-/]\d{{1,2}}|{_MONTH}\s+\d{{1,2}},?\s*(?:{_YEAR}|\d{{2}})(?!\d))"
_CLOCK = r"\d{1,2}:\d{2}(?:\s*[AP]M)?"
_STAMPS = re.compile(
    "|".join(
        [
            # "date 2021-01-18", "Updated :August 05,20 2:54 PM"
            rf"\b(?i:{build_alternation(_VOCAB['stamp_words'])})\s*[:\uff1a]?\s*{_STAMP_DATE}(?:\s+{_CLOCK})?",
            # "13:00, November 13, 2020" under a headline
            rf"\b{_CLOCK},\s+{_STAMP_DATE}",
            # wire dateline: "WUHAN, May 3 (Xinhua) --"
            rf"\b[A-Z][A-Z.'\- ]+,\s+{_MONTH}\s+\d{{1,2}}(?:,\s*{_YEAR})?\s*"
            rf"(?:\([^()]{{1,40}}\)\s*)?(?:-{{1,2}}|\u2013|\u2014)",
        ]
    )
)

_QUALIFIERS: dict[str, str | None] = _VOCAB["qualifiers"]
_FILLERS = _VOCAB["qualifier_fillers"]
_NOUNS = set(_VOCAB["qualifier_nouns"])
_CHAIN = re.compile(rf"(?:\b(?:{build_alternation([*_QUALIFIERS, *_FILLERS])})\b[\s-]*)+$", re.IGNORECASE)
# Multi-word qualifiers first, so "as early as" is not read as "early".
_QUALIFIER_WORDS = sorted((q.split() for q in _QUALIFIERS), key=len, reverse=True)
_PERIOD = re.compile(
    rf"\b(?:the\s+)?(?P<period>(?:{build_alternation(_VOCAB['period_ordinals'])})\s+"
    rf"(?:(?:{build_alternation(_VOCAB['period_counts'])}|\d{{1,2}})\s+)?"
    rf"(?:{build_alternation(_VOCAB['period_units'])}))\s+of\s+$",
    re.IGNORECASE,
)
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
_RANGE_STARTS = set(_VOCAB["range_starts"])
# "from mid-March through the end of April": the article belongs to the second date's phrase
_RANGE_JOINER = re.compile(rf"^\s*(?:{build_alternation(_VOCAB['range_joiners'])})\s*(?:the\s+)?$", re.IGNORECASE)
_NEXT_WORD_CAPITALISED = re.compile(r"^\s+[A-Z]")
_DASHES = ("-", "\u2013")
# "in January-August": a month dated by its preposition, a dash ("held May-June" and "the January-March quarter"
# are no dates)
_AFTER_MONTH_DASH = re.compile(rf"\b(?i:{build_alternation(_VOCAB['month_prepositions'])})\s+{_MONTH}\s*[-\u2013]\s*$")
# At most four words, with a comma only right before the year: "and April 5, 2023", " year of ".
_SAME_PHRASE = re.compile(r"(?:\s*[\w.-]+){0,4}\s*,?\s*")


def find_context_year(title: str, sentences: list[str], pub_date: str | None) -> int | None:
    """Return the year of the headline, else of the first sentence, else of the publication.

    Undated days and months take it only when the article has no stamp of its own.
    """
    for text in (title, strip_stamps(sentences[0]) if sentences else ""):
        found = _BARE_YEAR.search(text or "")
        if found:
            return int(found.group())
    return int(pub_date[:4]) if pub_date else None


def strip_stamps(text: str) -> str:
    """Blank out publication stamps and wire datelines, keeping every offset."""
    return _STAMPS.sub(lambda m: " " * len(m.group()), text)


def _qualify(sentence: str, start: int) -> tuple[int, list[str], bool]:
    """Extend a date span leftwards over its qualifiers.

    Returns the new start, the canonical qualifier keywords in reading order,
    and whether any qualifying phrase (even one that adds no keyword) was found.
    """
    keywords: list[str] = []
    period = _PERIOD.search(sentence[:start])
    if period:
        keywords.append(" ".join(period.group("period").lower().split()))
        start = period.start()
    chain = _CHAIN.search(sentence[:start])
    if not chain:
        return start, keywords, bool(keywords)
    words = re.split(r"[\s-]+", chain.group().lower().strip())
    found, first, i = [], None, 0
    while i < len(words):
        phrase = next((q for q in _QUALIFIER_WORDS if words[i : i + len(q)] == q), None)
        if phrase is None:
            i += 1
            continue
        if " ".join(phrase) in _NOUNS and words[i + len(phrase):i + len(phrase) + 1] != ["of"]:
            found, first, i = [], None, i + len(phrase)  # "will start in December": a verb, not the date's
            continue
        first = i if first is None else first
        found.append(_QUALIFIERS[" ".join(phrase)])
        i += len(phrase)
    if first is None:
        return start, keywords, bool(keywords)
    # The span starts at the first qualifier, not at the fillers before it ("in", "at the").
    fillers = re.match(rf"(?:\S+\s+){{{first}}}", chain.group())
    return chain.start() + fillers.end(), [q for q in found if q] + keywords, True


def _previous_word(sentence: str, start: int) -> str:
    found = _PREVIOUS_WORD.search(sentence[:start])
    return found.group(1).lower() if found else ""


def _opens_sentence(sentence: str, start: int) -> bool:
    """True when at most one word (a preposition) comes before the span."""
    return re.fullmatch(r"\s*(?:\w+\s+)?", sentence[:start]) is not None


def _relative_key(text: str) -> str:
    return " ".join(text.lower().split())


def _is_date(kind: str, sentence: str, start: int, end: int, qualified: bool) -> bool:
    """Whether a bare month or year found by shape, or a bound relative phrase, is used as a date here."""
    if kind == "relative":
        after = _VOCAB["relative"][_relative_key(sentence[start:end])].get("after")
        return not after or qualified or _previous_word(sentence, start) in after
    if kind == "partial_month":
        # "in January-August": the second month of a span joined by a dash is a date as the first is
        return qualified or _previous_word(sentence, start) in _VOCAB["month_prepositions"] \
            or _AFTER_MONTH_DASH.search(sentence, 0, start) is not None
    if kind == "year":
        introduced = qualified or _previous_word(sentence, start) in _VOCAB["year_prepositions"]
        names_something = _NEXT_WORD_CAPITALISED.match(sentence[end:]) and not _opens_sentence(sentence, start)
        return introduced and not names_something
    return True


def _sentence_year(sentence: str, start: int, end: int, own_clause: bool = False) -> int | None:
    """The stated year nearest before a date span, else one just after it in the same phrase.

    "in March and April 2023" gives March its year; "started in March and is
    expected to be completed by 2026" does not. With ``own_clause``, a year before
    counts only in the span's own clause: "the plant, which opened in 2010, added
    workers in January" does not give January 2010.
    """
    years = [(m.start(), int(m.group())) for m in _BARE_YEAR.finditer(sentence)]
    before = [year for at, year in years if at < start and (not own_clause or _in_one_clause(sentence, at, start))]
    after = [year for at, year in years if at >= end and _SAME_PHRASE.fullmatch(sentence[end:at])]
    return before[-1] if before else (after[0] if after else None)


@cache
def _parser(base: datetime | None, ahead: bool = False) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "future" if ahead else "current_period", "RETURN_TIME_AS_PERIOD": False}
    if base:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _normalise(text: str, base: datetime | None, ahead: bool = False) -> tuple[str, str] | None:
    """Resolve a date string with dateparser: (ISO date cut to precision, precision); ``ahead`` for a day still
    to come ("will open on Friday")."""
    data = _parser(base, ahead).get_date_data(text)
    if data.date_obj is None:
        return None
    found = data.date_obj
    if ahead and base is not None and (found.date() - base.date()).days == 7 and not text.lower().startswith("next"):
        found = base  # "will run through Wednesday", written on a Wednesday, is that day
    precision = data.period if data.period in ("year", "month") else "day"
    cut = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}[precision]
    return found.strftime(cut), precision


def _clause_verb(sentence: str, at: int) -> Token | None:
    """The verb of the clause the word at character ``at`` belongs to, from the English parse."""
    return _verb_over(next((t for t in parse(sentence) if t.idx <= at < t.idx + len(t)), None))


def _verb_over(token: Token | None) -> Token | None:
    """The nearest verb ``token`` hangs from, itself included; a verb used as a preposition ("including 1 million
    in November") belongs to the clause it hangs from. The root when there is none ("Sales in November")."""
    while token is not None and (token.pos_ not in ("VERB", "AUX") or token.dep_ == "prep") \
            and token.head.i != token.i:
        token = token.head
    return token


def _in_one_clause(sentence: str, year_at: int, month_at: int) -> bool:
    """Whether a year is stated in a month's own clause, or in the phrase its participle describes ("the Expo
    2023 held in May"); not in another clause ("the plant, which opened in 2010, added workers in January")."""
    verb = _clause_verb(sentence, month_at)
    verbs = {verb, _verb_over(verb.head)} if verb is not None and verb.dep_ == "acl" else {verb}
    return _clause_verb(sentence, year_at) in verbs


def _year_by_tense(sentence: str, start: int, span: str, base: datetime) -> int:
    """The year of a month written without one, by its clause's tense: the publication's, or the year
    before for a month still to come that the clause says has passed ("went into operation in November",
    written in March), or the year after for a month gone by that it plans ("will return in February")."""
    month = next((i for i, name in enumerate(_VOCAB["months"], 1)
                  if re.search(rf"\b{name[:3]}", span, re.IGNORECASE)), base.month)  # "Oct 28" is October
    verb = _clause_verb(sentence, start)
    if verb is None:
        return base.year
    if _planned(verb):
        return base.year + (month < base.month)
    # A tagger may read a root past tense ("The plant opened in November") as a participle: both are past.
    return base.year - (verb.tag_ in ("VBD", "VBN") and month > base.month)


def _planned(verb: Token | None) -> bool:
    """Whether the clause whose verb is ``verb`` plans its date ("will open in May", "is scheduled for May")."""
    if verb is None:
        return False
    # The verb with its auxiliaries, and the verb it completes ("is expected to open"), as written and as lemmas
    # ("'ll open" is "will open").
    governing = verb.head if verb.dep_ == "xcomp" else verb
    first = min([governing.i] + [c.i for c in governing.children if c.dep_ in ("aux", "auxpass")])
    # with the preposition right after the verb: "scheduled for October" ("beat forecasts in April" is past)
    after = verb.i + 2 if verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].pos_ == "ADP" else verb.i + 1
    words = verb.doc[first:after]
    return bool(PLAN.search(words.text) or PLAN.search(" ".join(t.lemma_ for t in words)))


def _scheduled(verb: Token | None) -> bool:
    """Whether a weekday in the clause of ``verb`` is still to come: a plan ("will open on Friday"), or a schedule
    in the present tense ("runs through Saturday", "the fair is on Friday"); "opened on Wednesday", "the
    ceremony was on Tuesday" and a caption's "Visitors try out robots at the expo on Wednesday" are past."""
    return verb is not None and (_planned(verb) or verb.tag_ in ("VBZ", "VBP")
                                 and verb.lemma_.lower() in _VOCAB["schedule_verbs"])


def _parse_pub_date(pub_date: str | None) -> datetime | None:
    """The publication date as a datetime; a month or year alone counts from its start."""
    if not pub_date:
        return None
    parts = (pub_date.split("-") + ["01", "01"])[:3]
    try:
        return datetime(*(int(p) for p in parts))
    except ValueError:
        return None


def _period_name(text: str) -> str:
    """The qualifier of a part of a year named alone: "H1" is "first half", "the first quarter" "first quarter"."""
    text = re.sub(r"^the\s+|\s+period$", "", " ".join(text.split()), flags=re.IGNORECASE)
    return _VOCAB["period_abbreviations"].get(text) or (text if "-" in text else text.lower())


def _month_near(text: str, base: datetime) -> str:
    """ "last December" is the December before the stamp, "next March" the one after, "this May" the stamp's."""
    which, month = text.split(None, 1)
    number = _VOCAB["months"].index(month) + 1
    shift = {"last": -1 if number >= base.month else 0, "next": 1 if number <= base.month else 0}
    return f"{month} {base.year + shift.get(which.lower(), 0)}"


def _date_string(kind: str, text: str, year: int | None, base: datetime | None) -> str | None:
    """What dateparser is given for a span, or None when it cannot be resolved."""
    if kind == "relative":
        return _VOCAB["relative"][_relative_key(text)]["parse"]
    if kind == "relative_month":
        return _month_near(" ".join(text.split()), base)
    if kind == "period_year":
        return _BARE_YEAR.search(text).group()
    if kind == "month_of_year":
        month, which = re.fullmatch(r"(.+?)\s+(?:of\s+)?(\w+)\s+year", text).groups()
        return f"{month} {base.year + _YEAR_OFFSET[which]}"
    if kind == "partial_period":
        return str(year) if year else None
    if kind.startswith("partial"):
        return f"{re.sub(_DAY_RANGE_END + '$', '', text)} {year}" if year else None
    # "May 5-9, 2023" is dated by its first day.
    return re.sub(rf"(?<=\d){_DAY_RANGE_END}(?=,?\s+{_YEAR})", "", text) if kind == "day" else text


def _claim(sentence: str) -> list[tuple[str, int, int]]:
    """Every date-shaped span, longest kinds first, none overlapping."""
    taken = [m.span() for m in _BASELINE.finditer(sentence)]
    found = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            taken.append(match.span())
            found.append((kind, match.start(), match.end()))
    return sorted(found, key=lambda f: f[1])


def _mark_ranges(mentions: list[DateMention], sentence: str) -> None:
    """Qualify "between X and Y" / "from X to Y" / "X-Y" as from X until Y."""
    for first, second in zip(mentions, mentions[1:]):
        between = sentence[first.end : second.start]
        joined = _RANGE_JOINER.match(between)
        if joined and (_previous_word(sentence, first.start) in _RANGE_STARTS or between.strip() in _DASHES):
            first.qualifier = " ".join(filter(None, ["from", first.qualifier]))
            second.qualifier = " ".join(filter(None, ["until", second.qualifier]))


def find_dates(sentence: str, pub_date: str | None = None, context_year: int | None = None) -> list[DateMention]:
    """Find and resolve the date expressions of one sentence.

    Args:
        sentence: the sentence text.
        pub_date: the article's publication date (ISO), the base for relative dates.
        context_year: the year partial dates default to before the publication year.
    """
    base = _parse_pub_date(pub_date)
    text = strip_stamps(sentence)
    mentions = []
    for kind, start, end in _claim(text):
        core = text[start:end]
        if kind in _NEEDS_STAMP and base is None:
            continue
        span_start, qualifiers, qualified = _qualify(text, start)
        baseline = _BASELINE_LEAD.search(text[:span_start])
        # "up 5 percent on 2023" compares with a period; "rose 3 percent on Monday" says when it rose
        if baseline and not (kind == "weekday" and baseline[0].split()[-1].lower() == "on") \
                or not _is_date(kind, text, start, end, qualified):
            continue
        dated = kind in ("partial_day", "partial_month")  # a month written without its year
        # A stamp of a year alone says nothing of which months are still to come.
        by_tense = dated and base is not None and len(pub_date or "") >= len("2024-03")
        year = _sentence_year(text, start, end, own_clause=dated) \
            or (_year_by_tense(text, start, core, base) if by_tense else None) \
            or (base.year if base else context_year)
        resolved = _date_string(kind, core, year, base)
        ahead = kind == "weekday" and _scheduled(_clause_verb(text, start))
        normalised = resolved and _normalise(resolved, base, ahead)
        if not normalised:
            continue
        if kind == "relative":
            qualifiers.append(_VOCAB["relative"][_relative_key(core)]["qualifier"])
        if kind in ("partial_period", "period_year"):
            qualifiers.append(_period_name(_BARE_YEAR.sub("", core).strip(" ,")))
        qualifier = " ".join(filter(None, qualifiers)) or None
        mentions.append(DateMention(sentence[span_start:end], *normalised, qualifier, span_start, end))
    _mark_ranges(mentions, sentence)
    return mentions

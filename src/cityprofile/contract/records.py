"""The records extraction produces, and their one serialisation to JSON.

Every record keeps the id of the article and the sentence it came from, so a
report can quote its source.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# The longest real articles have about 20 figures; far more is a dump, and would run a report to hundreds of pages.
MAX_ITEMS = 100  # figures, initiatives and dated events, each, per article


@dataclass
class Article:
    """One cleaned article: metadata plus body split into sentences."""

    id: str
    title: str
    date: str | None  # publication date, ISO 8601 cut to its precision
    source: str | None
    sentences: list[str]
    path: str = ""
    words: int = 0
    dateline: str | None = None  # city of a "CITY, Nov. 18 (Xinhua) --" dateline: where, not what
    truncated: bool = False  # only the start of an overlong page was read
    author: str | None = None  # who wrote it ("By Wang Lei"): never listed as a source
    language: str = "en"  # "en" or "zh"


@dataclass
class Figure:
    """A number stated in an article, normalised to base units."""

    value: float
    unit: str  # ISO currency code, "percent", "count", "m2", "hectare", ...
    text: str  # the span as written
    qualifier: str | None  # one of units.figure_qualifiers(), or None for an exact number
    label: str  # what is counted or measured, in English where known
    kind: str  # money | count | area | share | length | mass | ...
    article: str = ""
    sentence: str = ""
    date: str | None = None
    target: bool = False  # an aim, plan or forecast ("aiming to join the 1-trillion-yuan club"), not a fact
    corrected: bool = False  # changed by a row of the corrections file
    term: str | None = None  # in a Chinese article, the measure as written (固定资产投资)
    high: float | None = None  # a range's upper end ("between 5 and 6 percent"); value is its lower end


@dataclass
class DateMention:
    """A date expression found in a sentence and resolved to ISO 8601."""

    text: str  # the span as written, e.g. "late 2022"
    date: str  # "2022", "2022-05" or "2022-05-23"
    precision: str  # year | month | day
    qualifier: str | None = None  # early | mid | late | since | end | beginning | ...
    start: int = 0  # character offsets of the span in the sentence
    end: int = 0


# What a planned event's words open with, by kind: an amount set as a goal, one foreseen, any other plan.
PLAN_MARKS = ("Target: ", "Forecast: ", "Planned: ")


@dataclass
class Event:
    """A dated timeline entry."""

    date: str
    precision: str
    event: str  # what happened, shortened from its clause
    article: str = ""
    sentence: str = ""
    qualifier: str | None = None
    text: str = ""  # the date as written
    target: bool = False  # a plan, aim or forecast ("is scheduled to open next year"), not something that happened
    corrected: bool = False


@dataclass
class Initiative:
    """A named event or programme: forum, expo, agreement, park, route, ..."""

    name: str
    kind: str
    partners: list[str] = field(default_factory=list)
    article: str = ""
    sentence: str = ""
    date: str | None = None
    corrected: bool = False


@dataclass
class IndustryMention:
    """One phrase in one sentence that names an industry."""

    name: str  # canonical industry
    sector: str
    term: str  # the phrase as matched
    article: str = ""
    sentence: str = ""
    corrected: bool = False


@dataclass
class Correction:
    """One row of the corrections file as applied to a profile."""

    action: str  # drop | relabel | qualifier | date | move
    article: str
    text: str  # the item as written; empty for a move
    value: str  # the new label, qualifier, date or city; empty for a drop
    note: str = ""  # the analyst's reason
    items: list[str] = field(default_factory=list)  # kinds it changed: figure, event, initiative, industry, article
    moved_from: str | None = None  # for a move: the city the article was attributed to


def to_dict(record) -> dict:
    """Serialise any record above to a JSON-ready dict."""
    return asdict(record)

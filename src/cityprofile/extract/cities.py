"""Deciding which city an article is mainly about.

Every gazetteer name in the title and body is a vote for its city. Votes weigh
more in the title, where the story introduces the city ("Anqing, a city of 4.1
million in Anhui Province") and as a sentence's subject, less inside a compound
("Guangzhou-Foshan") or a longer name, or in a dateline, and not at all inside
an organisation's name ("Harbin Electric Corporation", "Bank of Dalian").
Places in a municipality count for the municipality. A district, county or new
area counts for its city: once an article says "Jinfeng District of Yinchuan"
(or "Yinchuan's Jinfeng District"), every "Jinfeng" in it is Yinchuan's, and
a name the article only ever calls a district is never a city of its own.
The province is the chosen city's own, and of two cities with one name, the
one in the province the article names wins.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..contract.records import Article
from .gazetteer import Gazetteer, Mention, Place, load_prefecture_cities

TITLE_WEIGHT = 3.0
SUBJECT_WEIGHT = 2.0
MENTION_WEIGHT = 1.0
WEAK_WEIGHT = 0.3  # compounds, organisation names and aliases
DATELINE_WEIGHT = 0.5
# A city the story introduces, as it does the city it is about ("Anqing, a city of 4.1 million in southwest Anhui
# Province, ..."), more than once named in passing.
INTRODUCED_WEIGHT = 3.0
_INTRODUCED = re.compile(r",\s+(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,6}?(?:city|capital|hub|port|town)\b"
                         r"|(?:the\s+)?capital\s+of\b)")
# A sentence's subject is named within its first few characters ("In 2019, the city's GDP").
_SUBJECT_REACH = 12


@dataclass
class CityChoice:
    """The city an article is attributed to, and why."""

    city: str
    province: str
    slug: str
    score: float
    runner_up: str | None
    runner_up_score: float
    reason: str


def _data_words(name: str) -> str:
    """A regex alternation of the words in a data file, one a line, longest first."""
    lines = (files("cityprofile") / "data" / name).read_text(encoding="utf-8").splitlines()
    words = sorted((w.strip() for w in lines if w.strip() and not w.startswith("#")), key=len, reverse=True)
    return "|".join(map(re.escape, words))


@cache
def _subdivision() -> re.Pattern:
    """A subdivision word right after a place name: "Jinfeng District", "Xixia district"."""
    return re.compile(rf"\s+(?:{_data_words('subdivisions.txt')})\b", re.IGNORECASE)


@cache
def _part_of() -> re.Pattern:
    """What joins a place to the city it is part of: " District of ", " in ", " County, "."""
    words = _data_words("subdivisions.txt")
    return re.compile(rf"(?:\s+(?:{words}))?\s+(?:of|in)\s+(?:the\s+)?|\s+(?:{words})\s*,\s*", re.IGNORECASE)


@cache
def _organisation() -> tuple[re.Pattern, re.Pattern]:
    """A name's next capitalised words ending in an organisation word, and "Bank of" before a name."""
    words = _data_words("organisations.txt")
    after = re.compile(rf"(?:\s+[A-Z][\w&'\u2019-]*){{0,3}}?\s+(?:{words})\b\.?")
    before = re.compile(rf"\b(?:{words})\s+of\s+(?:the\s+)?$")
    return after, before


def _is_organisation(text: str, mention: Mention) -> bool:
    """Whether a city name is part of an organisation's name: not evidence for the city."""
    after, before = _organisation()
    return bool(after.match(text, mention.end) or before.search(text[: mention.start]))


def _districts(texts: list[str], gazetteer: Gazetteer) -> tuple[dict[str, Place], set[str]]:
    """The parent city of each place an article calls part of one, and the names it calls districts.

    "Jinfeng District of Yinchuan", "Yinchuan's Jinfeng District" and, once
    Jinfeng is known to be a district, "Jinfeng of Yinchuan" give Jinfeng to Yinchuan.
    """
    # "Lanzhou New Area" is the city's own new area, not a district named like a city.
    cities = set(load_prefecture_cities())
    named = {m.text for text in texts for m in gazetteer.find(text)
             if _subdivision().match(text, m.end) and m.place.name not in cities}
    parents: dict[str, Place] = {}
    for text in texts:
        mentions = gazetteer.find(text)
        for mention, following in zip(mentions, mentions[1:]):
            joined = text[mention.end : following.start]
            if mention.place.name != following.place.name and re.fullmatch(_part_of(), joined) and (
                mention.text in named or _subdivision().match(joined)
            ):
                parents.setdefault(mention.text, following.place)
            owner = re.fullmatch(r"['\u2019]s\s+", joined)
            if owner and _subdivision().match(text, following.end):
                parents.setdefault(following.text, mention.place)
    return parents, named - set(parents)


def _city_of(place: Place, gazetteer: Gazetteer) -> Place:
    """The city a place counts for: a municipality's districts count for the municipality."""
    capital = gazetteer.capitals.get(place.province)
    if capital == place.province and place.name != capital:
        return gazetteer.lookup(capital) or place
    return place


def _is_weak(text: str, mention: Mention) -> bool:
    """Whether a mention is part of a compound or sits inside a longer capitalised name."""
    before, after = text[: mention.start], text[mention.end:]
    if before.endswith(("-", "–")) or after.startswith(("-", "–")):
        return True
    # Inside a name: capitalised words on both sides, the one before not opening the sentence.
    previous = re.search(r"(?:^|\s)([A-Z][\w&.]*)\s$", before)
    return bool(previous and previous.start(1) > 0 and re.match(r"\s[A-Z]", after))


_APOSTROPHES = re.compile("['\u2019]")


def _weight(text: str, mention: Mention, in_title: bool, districts: set[str]) -> float:
    # GeoNames aliases are mostly old or foreign spellings that modern copy uses
    # for other things ("Yili Group", "Helan Mountain"): a vote, but a weak one.
    if _is_organisation(text, mention):
        return 0.0
    # the name written without its apostrophe ("Maanshan", "Huaian") is the name, not an old alias
    if _is_weak(text, mention) or _spelled(mention.text) != _spelled(mention.place.name) or mention.text in districts:
        return WEAK_WEIGHT
    if in_title:
        return TITLE_WEIGHT
    if _INTRODUCED.match(text, mention.end):
        return INTRODUCED_WEIGHT
    return SUBJECT_WEIGHT if mention.start <= _SUBJECT_REACH else MENTION_WEIGHT


def _spelled(name: str) -> str:
    return _APOSTROPHES.sub("", name).casefold()


def score_cities(article: Article, gazetteer: Gazetteer) -> dict[str, float]:
    """Return each city's score for an article, keyed by city name."""
    scores: dict[str, float] = defaultdict(float)
    texts = [article.title, *article.sentences]
    parents, districts = _districts(texts, gazetteer)
    for index, text in enumerate(texts):
        for mention in gazetteer.find(text):
            if mention.text in parents:
                continue  # the city it is part of is named beside it, and gets the vote
            weight = _weight(text, mention, index == 0, districts)
            if weight:
                scores[_city_of(mention.place, gazetteer).name] += weight
    place = gazetteer.lookup(article.dateline.title()) if article.dateline else None
    if place:
        scores[_city_of(place, gazetteer).name] += DATELINE_WEIGHT
    return dict(scores)


def _place_in_named_province(name: str, article: Article, gazetteer: Gazetteer) -> Place:
    """The city called ``name`` in the province the article calls its city by ("the Anhui city"), else the one
    written beside its name ("Suzhou, Anhui province"), else the one the article names, and names other cities
    and counties of, most ("Nanchang" says which Fuzhou; two at least where it names neither province); else the
    most populous one."""
    namesakes = gazetteer.namesakes(name)
    if len(namesakes) == 1:
        return namesakes[0]
    named: dict[str, int] = defaultdict(int)
    beside: dict[str, set[str]] = defaultdict(set)
    placed: dict[str, int] = defaultdict(int)
    called: dict[str, int] = defaultdict(int)
    for text in [article.title, *article.sentences]:
        for province in gazetteer.find_provinces(text):
            named[province] += 1
        for province in _provinces_beside(name, text, gazetteer):
            placed[province] += 1
        for found in _PROVINCE_CITY.finditer(text):  # "the Anhui city signed 31 projects": the article's city
            if found[2] in (None, name):  # "the Anhui city of Hefei" names another city, "... of Suzhou" this one
                for province in gazetteer.find_provinces(found[1])[:1]:
                    called[province] += 1
        for mention in gazetteer.find(text):
            if mention.place.name != name:
                beside[mention.place.province].add(mention.place.name)
    # Where the article names neither province, one place met in passing, however often ("a deal with Hefei"),
    # is no evidence against the more populous namesake; where it names both, one tells them apart.
    least = 1 if any(named[place.province] for place in namesakes) else 2
    places = {province: len(others) if len(others) >= least else 0 for province, others in beside.items()}
    # the provinces it names and their other places weigh alike: "Suzhou signed deals with Jiangsu firms ... will
    # link to Huaibei and Bengbu" is Anhui's
    return max(namesakes, key=lambda place: (called[place.province], placed[place.province],
                                             named[place.province] + places.get(place.province, 0), place.population))


def _provinces_beside(name: str, text: str, gazetteer: Gazetteer) -> list[str]:
    """The provinces written right after or before a city's name, which say which namesake it is: "Suzhou, Anhui
    province", "Suzhou in east China's Anhui", "Anhui's Suzhou"."""
    found = []
    for match in re.finditer(rf"\b{re.escape(name)}\b", text):
        # "Suzhou in east China's Anhui Province", "Fuzhou, capital of southeast China's Fujian Province"
        after = _BESIDE_AFTER.match(text, match.end())
        before = _BESIDE_BEFORE.search(text, 0, match.start())
        # up to the next comma or full stop; ", which borders Jiangsu" says nothing of which Suzhou
        window = re.split(r"[,.;]", text[after.end():after.end() + _BESIDE_REACH])[0] if after else ""
        near = [window] if window and not _RELATIVE_WORD.match(window) else []
        for words in near + ([before[0]] if before else []):
            found += gazetteer.find_provinces(words)[:1]
    return found


# A province set off right after a city's name, or owning it right before.
_BESIDE_AFTER = re.compile(r"(?:,|\s+in|\s+of)\s")
_BESIDE_REACH = 50
_RELATIVE_WORD = re.compile(r"(?:which|that|who|where|whose|and|but|as|while|so|with)\b", re.IGNORECASE)
_BESIDE_BEFORE = re.compile(r"[A-Z][a-z]+(?:\s+[Pp]rovince)?['’]s\s+$")
# "the Anhui city" or "the Anhui city of Suzhou": a city of that province ("... of Hefei" names another).
_PROVINCE_CITY = re.compile(r"\bthe\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:city|prefecture)\b"
                            r"(?:\s+of\s+([A-Z][a-z]+))?")


def _named_province_first(ranked: list[str], scores: dict[str, float], article: Article,
                          gazetteer: Gazetteer) -> list[str]:
    """An article that names one province only is about a city of that province, when it names one with at least
    half the top score: "Hefei, capital of Anhui province, ... a delegation from Shanghai" is Hefei's, even where
    Shanghai is named more. A city of another province leads only where the text gives no province of its own."""
    # A municipality's name is its city's too ("Shanghai investors"): only a province proper says where.
    provinces = {p for text in [article.title, *article.sentences] for p in gazetteer.find_provinces(text)
                 if gazetteer.capitals.get(p) != p}
    if len(provinces) != 1:
        return ranked
    [province] = provinces
    top = scores[ranked[0]]
    inside = [name for name in ranked if any(p.province == province for p in gazetteer.namesakes(name))
              and scores[name] * 2 >= top]
    return inside[:1] + [name for name in ranked if name not in inside[:1]] if inside else ranked


def _first_seen(article: Article, gazetteer: Gazetteer) -> dict[str, int]:
    order: dict[str, int] = {}
    for text in [article.title, *article.sentences]:
        for mention in gazetteer.find(text):
            order.setdefault(_city_of(mention.place, gazetteer).name, len(order))
    return order


def attribute_city(article: Article, gazetteer: Gazetteer) -> CityChoice | None:
    """Return the city an article is mainly about, or None when it names no known city.

    A dateline city (``article.dateline``) is weak evidence: it says where the news was filed.
    Ties go to the city named first.
    """
    scores = score_cities(article, gazetteer)
    if not scores:
        return None
    first = _first_seen(article, gazetteer)
    ranked = sorted(scores, key=lambda name: (-scores[name], first.get(name, len(first)), name))
    ranked = _named_province_first(ranked, scores, article, gazetteer)
    best = _place_in_named_province(ranked[0], article, gazetteer)
    runner_up = ranked[1] if len(ranked) > 1 else None
    runner_up_score = scores[runner_up] if runner_up else 0.0
    if runner_up and runner_up_score == scores[best.name]:
        reason = f"tie between {best.name} and {runner_up} at {scores[best.name]:g}; chose {best.name}, named first"
    elif runner_up:
        reason = f"{best.name} scores {scores[best.name]:g}, ahead of {runner_up} ({runner_up_score:g})"
    else:
        reason = f"only city named: {best.name} ({scores[best.name]:g})"
    return CityChoice(best.name, best.province, gazetteer.slug(best), scores[best.name],
                      runner_up, runner_up_score, reason)

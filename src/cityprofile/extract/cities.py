"""Deciding which city an article is mainly about.

Every gazetteer name in the title and body is a vote for its city. Votes weigh
more in the title and as a sentence's subject, less inside a compound
("Guangzhou-Foshan"), inside an organisation's name ("China Railway Jinan
Group") or in a dateline. Places in a municipality count for the municipality,
and "X district of Y" counts for Y.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..contract.records import Article
from .gazetteer import Gazetteer, Mention, Place, slugify

TITLE_WEIGHT = 3.0
SUBJECT_WEIGHT = 2.0
MENTION_WEIGHT = 1.0
WEAK_WEIGHT = 0.3  # compounds, organisation names and aliases
DATELINE_WEIGHT = 0.5
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


@cache
def _part_of() -> re.Pattern:
    lines = (files("cityprofile") / "data" / "subdivisions.txt").read_text(encoding="utf-8").splitlines()
    words = sorted((w.strip() for w in lines if w.strip() and not w.startswith("#")), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, words)) + r")\s+of\s+", re.IGNORECASE)


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


def _weight(text: str, mention: Mention, in_title: bool) -> float:
    # GeoNames aliases are mostly old or foreign spellings that modern copy uses
    # for other things ("Yili Group", "Helan Mountain"): a vote, but a weak one.
    if _is_weak(text, mention) or mention.text != mention.place.name:
        return WEAK_WEIGHT
    if in_title:
        return TITLE_WEIGHT
    return SUBJECT_WEIGHT if mention.start <= _SUBJECT_REACH else MENTION_WEIGHT


def score_cities(article: Article, gazetteer: Gazetteer) -> dict[str, float]:
    """Return each city's score for an article, keyed by city name."""
    scores: dict[str, float] = defaultdict(float)
    for index, text in enumerate([article.title, *article.sentences]):
        for mention in gazetteer.find(text):
            if _part_of().match(text, mention.end):
                continue  # the city named after "district of" gets the vote
            city = _city_of(mention.place, gazetteer)
            scores[city.name] += _weight(text, mention, in_title=index == 0)
    place = gazetteer.lookup(article.dateline.title()) if article.dateline else None
    if place:
        scores[_city_of(place, gazetteer).name] += DATELINE_WEIGHT
    return dict(scores)


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
    best = gazetteer.lookup(ranked[0])
    runner_up = ranked[1] if len(ranked) > 1 else None
    runner_up_score = scores[runner_up] if runner_up else 0.0
    if runner_up and runner_up_score == scores[best.name]:
        reason = f"tie between {best.name} and {runner_up} at {scores[best.name]:g}; chose {best.name}, named first"
    elif runner_up:
        reason = f"{best.name} scores {scores[best.name]:g}, ahead of {runner_up} ({runner_up_score:g})"
    else:
        reason = f"only city named: {best.name} ({scores[best.name]:g})"
    return CityChoice(best.name, best.province, slugify(best.name), scores[best.name],
                      runner_up, runner_up_score, reason)

"""Which city a Chinese article is mainly about.

Every Chinese name of a gazetteer city in the title and body is a vote for it:
three in the title, two as a sentence's subject (in its first characters), one
elsewhere, and half in a dateline ("本报海东讯"), which says where the news was
filed. A district or new area that carries its city's name counts for the city
(兰州新区 for Lanzhou); a county-level city is a city of its own (格尔木). Of
cities with equal votes, one in a province the article names wins, then the one
named first.
"""

from __future__ import annotations

from collections import defaultdict

from ..cities import DATELINE_WEIGHT, MENTION_WEIGHT, SUBJECT_WEIGHT, TITLE_WEIGHT, CityChoice
from ..gazetteer import Gazetteer, Place

_SUBJECT_REACH = 8  # characters: "西宁市今年…", "据悉,格尔木市…"


def _weight(text: str, start: int, end: int, in_title: bool) -> float:
    if in_title:
        return TITLE_WEIGHT
    if "讯" in text[end:end + 2]:  # "本报海东讯", "海东市讯"
        return DATELINE_WEIGHT
    return SUBJECT_WEIGHT if start < _SUBJECT_REACH else MENTION_WEIGHT


def attribute_chinese_city(title: str, sentences: list[str], gazetteer: Gazetteer) -> CityChoice | None:
    """Return the city a Chinese article (title and sentences in Simplified form) is about, or None."""
    scores: dict[Place, float] = defaultdict(float)
    first: dict[Place, int] = {}
    provinces: set[str] = set()
    for index, text in enumerate([title, *sentences]):
        cities, named = gazetteer.find_chinese(text)
        provinces.update(named)
        for mention in cities:
            scores[mention.place] += _weight(text, mention.start, mention.end, index == 0)
            first.setdefault(mention.place, len(first))
    if not scores:
        return None
    ranked = sorted(scores, key=lambda p: (-scores[p], p.province not in provinces, first[p]))
    best = ranked[0]
    runner_up = ranked[1] if len(ranked) > 1 else None
    if runner_up is None:
        reason = f"only city named: {best.name} ({scores[best]:g})"
    elif scores[runner_up] == scores[best]:
        reason = (f"tie between {best.name} and {runner_up.name} at {scores[best]:g}; chose {best.name}, "
                  "named first")
    else:
        reason = f"{best.name} scores {scores[best]:g}, ahead of {runner_up.name} ({scores[runner_up]:g})"
    return CityChoice(best.name, best.province, gazetteer.slug(best), scores[best],
                      runner_up.name if runner_up else None, scores[runner_up] if runner_up else 0.0, reason)

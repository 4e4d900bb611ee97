"""The vocabulary of data/units.json, and one unit per measure, so that figures
stated in hectares, mu and km² can be ranked together.

Each unit's base unit and factor are in the data file; money has none, since
converting currencies would need a rate and a date. Kept apart from numbers.py,
which imports quantulum3: the report kernels need this, not that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .datafiles import read_json


@cache
def vocabulary() -> dict:
    """Return the unit and qualifier vocabulary of data/units.json, and the words that make a number no figure."""
    return read_json("units.json")


def entries(table: dict) -> dict:
    """Return a table of units.json without its "_comment"-style keys."""
    return {k: v for k, v in table.items() if not k.startswith("_")}


def alternation(phrases: Iterable[str]) -> str:
    """Return a regex alternation of ``phrases``, longest first so that "more than" wins over "more"."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@cache
def figure_qualifiers() -> tuple[str, ...]:
    """Return the qualifiers a figure may have ("over", "nearly", "about", "under"), as units.json groups its
    phrases: the one list the extraction, the corrections, the reports and the schema keep to."""
    return tuple(entries(vocabulary()["qualifiers"]))


@cache
def month_names() -> tuple[str, ...]:
    """Return the English month names, January first, from data/dates.json (the date vocabulary owns them)."""
    dates = read_json("dates.json")
    return tuple(dates["months"])


@cache
def currency_regions() -> frozenset[str]:
    """Return the letters written before a currency sign to say whose currency it is: "US" of "US$", "HK" of "HK$"."""
    return frozenset(p[:-1].replace(".", "") for unit in entries(vocabulary()["units"]).values()
                     for p in unit["prefixes"] if len(p) > 1 and not p[-1].isalnum())


@cache
def unit_words() -> frozenset[str]:
    """Return the last words of every unit's spellings, lower case: "percent", "yuan", "tonnes", "mu"."""
    return frozenset(s.split()[-1].lower() for unit in entries(vocabulary()["units"]).values() for s in unit["suffixes"])


@cache
def _bases() -> dict[str, tuple[str, float]]:
    return {name: (unit["base"][0], float(unit["base"][1]))
            for name, unit in entries(vocabulary()["units"]).items() if "base" in unit}


def to_base_unit(value: float, unit: str) -> tuple[float, str]:
    """Return a value in its measure's base unit (200 hectare -> 2,000,000 m2); other units as they are."""
    base, factor = _bases().get(unit, (unit, 1.0))
    return float(f"{value * factor:.12g}"), base

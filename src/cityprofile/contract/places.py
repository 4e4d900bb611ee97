"""Where a city is: its coordinates from the gazetteer, for the maps of both stages' outputs.

Read from data/gazetteer.csv (GeoNames). Kept apart from extract/gazetteer.py,
which finds names in text: the report kernels need a city's place, not that.
"""

from __future__ import annotations

from functools import cache

from .datafiles import read_table


@cache
def _coordinates() -> dict[tuple[str, str], tuple[float, float]]:
    found: dict[tuple[str, str], tuple[float, float]] = {}
    # Rows are most populous first: of two namesakes in one province, the larger city is meant.
    for row in read_table("gazetteer.csv"):
        if row["latitude"] and row["longitude"]:
            found.setdefault((row["name"], row["province"]), (float(row["latitude"]), float(row["longitude"])))
    return found


def locate(city: str, province: str | None) -> tuple[float, float] | None:
    """Return a city's latitude and longitude, or None when the gazetteer has no such city in that province."""
    return _coordinates().get((city, province or ""))

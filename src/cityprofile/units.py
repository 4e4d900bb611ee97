"""One unit per measure, so that figures stated in hectares, mu and km² can be ranked together.

The base unit and factor of each unit are in data/units.json; money has none,
since converting currencies would need a rate and a date.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files


@cache
def _bases() -> dict[str, tuple[str, float]]:
    units = json.loads((files("cityprofile") / "data" / "units.json").read_text(encoding="utf-8"))["units"]
    return {name: (unit["base"][0], float(unit["base"][1]))
            for name, unit in units.items() if not name.startswith("_") and "base" in unit}


def to_base_unit(value: float, unit: str) -> tuple[float, str]:
    """Return a value in its measure's base unit (200 hectare -> 2,000,000 m2); other units as they are."""
    base, factor = _bases().get(unit, (unit, 1.0))
    return float(f"{value * factor:.12g}"), base

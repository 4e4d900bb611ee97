"""The package's data tables (src/cityprofile/data/*.csv), read one way.

Each table opens with comment lines (``#``) giving its sources, then a header
row and the rows.
"""

from __future__ import annotations

import csv
from importlib.resources import files


def read_table(name: str) -> list[dict]:
    """Return the rows of a data table, as dicts by its header, its comment lines left out."""
    lines = (files("cityprofile") / "data" / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))

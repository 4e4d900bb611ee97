"""The package's data files (src/cityprofile/data/), read one way each.

A table (``*.csv``) opens with comment lines (``#``) giving its sources, then a
header row and the rows; a vocabulary (``*.json``) is one object whose keys
starting with "_" are comments.
"""

from __future__ import annotations

import csv
import json
from importlib.resources import files


def read_table(name: str) -> list[dict]:
    """Return the rows of a data table, as dicts by its header, its comment lines left out."""
    lines = (files("cityprofile") / "data" / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def read_json(name: str) -> dict:
    """Return a data file's JSON object."""
    return json.loads((files("cityprofile") / "data" / name).read_text(encoding="utf-8"))

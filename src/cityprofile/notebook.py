"""What the report notebooks call first: their profiles, extracted on a fresh clone.

A notebook opened in JupyterLab before any build finds no ``profiles/``; with
the default folder, the project's seeds are extracted first so that the
notebook runs with its default parameters. The build always extracts before it
runs a notebook, so there this is only a read.
"""

from __future__ import annotations

from pathlib import Path

from .contract import profiles
from .contract.paths import PROFILES, SEEDS


def _extract_if_missing(profiles_dir: str | Path) -> None:
    if not str(profiles_dir) and not (PROFILES / profiles.INDEX_NAME).is_file():
        # Imported only here: the extraction stack (spaCy and its model's code) takes most of a second to import,
        # which every report notebook of a build would pay for nothing.
        from .pipeline.build import extract_stage

        extract_stage(SEEDS, PROFILES)


def load_profile(city: str = "", profiles_dir: str | Path = "") -> dict:
    """Return one city's profile, as :func:`cityprofile.contract.profiles.load_profile` does."""
    _extract_if_missing(profiles_dir)
    return profiles.load_profile(city, profiles_dir)


def load_profiles(cities: list[str] | None = None, profiles_dir: str | Path = "") -> list[dict]:
    """Return the profiles to compare, as :func:`cityprofile.contract.profiles.load_profiles` does."""
    _extract_if_missing(profiles_dir)
    return profiles.load_profiles(cities, profiles_dir)

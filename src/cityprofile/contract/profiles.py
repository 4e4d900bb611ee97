"""Reading profile.json files and the profiles index back for the reports."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ProfileNotFound
from .files import write_if_changed
from .outputs import INDEX_NAME, city_folder, is_slug
from .paths import PROFILES



def resolve_dir(profiles_dir: str | Path = "") -> Path:
    """Return ``profiles_dir``, or the project's ``profiles/`` when empty."""
    return Path(profiles_dir) if str(profiles_dir) else PROFILES


def read_index(profiles_dir: str | Path = "") -> list[dict]:
    """Return the cities of a profiles folder in index order (most articles first)."""
    path = resolve_dir(profiles_dir) / INDEX_NAME
    if not path.is_file():
        raise ProfileNotFound(f"{path}: no profiles index; run `make reports` or `cityprofile extract` first")
    # An entry whose slug is not plain (a hand edit, a damaged file) names no folder: it is left out.
    return [entry for entry in json.loads(path.read_text(encoding="utf-8"))["cities"] if is_slug(entry.get("slug"))]


def find_slug(city: str, index: list[dict], where: Path) -> str:
    """Return the slug of ``city``, given as its slug or its name in any case.

    Empty means the first city of ``index`` (read from ``where``), the one with most articles.
    """
    if not index:
        raise ProfileNotFound(f"{where}: lists no cities")
    wanted = city.strip().casefold()
    if not wanted:
        return index[0]["slug"]
    for entry in index:
        if wanted in (entry["slug"].casefold(), entry["city"].casefold()):
            return entry["slug"]
    known = ", ".join(entry["city"] for entry in index)
    raise ProfileNotFound(f"{where}: no city {city!r}; known cities: {known}")


def load_profile(city: str = "", profiles_dir: str | Path = "") -> dict:
    """Return one city's profile, with source notes numbered for footnotes.

    Args:
        city: the city's slug or name, in any case; empty means the first city of the index.
        profiles_dir: folder holding ``<slug>/profile.json``; empty means the project's.
    """
    index = read_index(profiles_dir)
    slug = find_slug(city, index, resolve_dir(profiles_dir) / INDEX_NAME)
    path = resolve_dir(profiles_dir) / slug / "profile.json"
    if not path.is_file():
        raise ProfileNotFound(f"{path}: no profile for city {slug!r}; run `make reports` or `cityprofile extract`")
    profile = json.loads(path.read_text(encoding="utf-8"))
    profile["all_slugs"] = [entry["slug"] for entry in index]
    profile["notes"] = number_notes(profile)
    return profile


def load_profiles(cities: list[str] | None = None, profiles_dir: str | Path = "") -> list[dict]:
    """Return the profiles of ``cities`` (slugs or names), or of every indexed city when empty."""
    names = cities or [entry["slug"] for entry in read_index(profiles_dir)]
    return [load_profile(name, profiles_dir) for name in names]


def write_profiles(profiles: dict[str, dict], out: Path) -> list[Path]:
    """Write ``<slug>/profile.json`` per city and the index of them all; return the profile paths."""
    paths = [write_profile(profile, out) for profile in profiles.values()]
    write_index([index_entry(profile) for profile in profiles.values()], out)
    return paths


def write_profile(profile: dict, out: Path) -> Path:
    """Write ``<slug>/profile.json`` under ``out`` and return its path.

    A profile whose JSON is unchanged is left alone, so its file keeps its time.
    """
    path = city_folder(out, profile["slug"]) / "profile.json"
    write_if_changed(path, json.dumps(profile, ensure_ascii=False, indent=1))
    return path


def index_entry(profile: dict) -> dict:
    """Return a city's line in the index: slug, city, province and article count."""
    return {"slug": profile["slug"], "city": profile["city"], "province": profile["province"],
            "articles": len(profile["articles"])}


def write_index(entries: list[dict], out: Path) -> None:
    """Write the index of ``out``: every city, most articles first (unless it says that already)."""
    ordered = sorted(entries, key=lambda entry: (-entry["articles"], entry["city"]))
    write_if_changed(out / INDEX_NAME, json.dumps({"cities": ordered}, ensure_ascii=False, indent=1))


def number_notes(profile: dict) -> dict[tuple[str, str], int]:
    """Number each quoted (article, sentence) once, in article order.

    Footnotes in every section of a report share these numbers, and the
    Sources section lists them under their article.
    """
    order = {article["id"]: i for i, article in enumerate(profile["articles"])}
    quoted = []
    for key in ("figures", "initiatives", "timeline"):
        for item in profile.get(key, []):
            pair = (item["article"], item["sentence"])
            if pair not in quoted:
                quoted.append(pair)
    quoted.sort(key=lambda pair: order.get(pair[0], len(order)))
    return {pair: number for number, pair in enumerate(quoted, start=1)}

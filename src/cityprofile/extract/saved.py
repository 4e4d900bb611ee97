"""The extraction as saved in an output folder: each city's profile before corrections, and what it is made of.

The extract stage owns it: it extracts what changed since the saved extraction
(whose fingerprints say what each city's profile was assembled from) and saves
the cities it assembled again. The correct stage reads it back.
"""

from __future__ import annotations

import json
from concurrent.futures import Executor
from pathlib import Path

from ..contract.errors import NothingToBuild
from ..contract.outputs import CONTENTS, EXTRACTED, is_slug
from ..contract.state import read_state, write_state
from .assemble import Extraction, extract_corpus
from .cache import ArticleCache
from .inventory import Inventory


def extract_and_save(seeds: Path, out: Path, cache: ArticleCache, inventory: Inventory, warn, executor: Executor | None,
                     workers: int, shared: bool) -> tuple[Extraction, list[str]]:
    """Extract the articles the cache under ``out`` lacks, warn about each problem, and save the cities whose
    articles changed; return the extraction and the slugs saved.

    Raises NothingToBuild, saving nothing, when no article is about a city.
    """
    extraction = extract_corpus(seeds, cache, executor, workers, read_fingerprints(out), inventory, shared)
    for problem in extraction.problems:
        warn(str(problem))
    if not extraction.index:
        raise NothingToBuild(f"{seeds}: no article could be attributed to a city; nothing to build")
    # Cities are assembled as they are saved, so an entry lost from the cache is read again here.
    return extraction, save_extraction(extraction, out)


def save_extraction(extraction: Extraction, out: Path) -> list[str]:
    """Keep the profiles as extracted, before any correction, for the correct stage to start from; return their slugs.

    Only the cities just assembled are written; those no longer in the corpus are deleted.
    The contents, written last, say what every city's file was made of.
    """
    folder = out / EXTRACTED
    saved = []
    for slug, profile in extraction.profiles.items():  # each assembled here, one at a time
        write_state(folder / f"{slug}.json", profile)
        saved.append(slug)
    for path in folder.glob("*.json"):
        if path.stem not in extraction.fingerprints and path.name != CONTENTS:
            path.unlink()
    contents = {"cities": extraction.index, "articles": extraction.cities, "fingerprints": extraction.fingerprints}
    write_state(folder / CONTENTS, contents)
    return saved


def read_fingerprints(out: Path) -> dict[str, str]:
    """Return the fingerprint of every city's saved extraction, by slug; empty when there is none."""
    return read_contents(out).get("fingerprints", {})


def read_contents(out: Path) -> dict:
    """The saved extraction's fingerprints and cities; empty when damaged, and every city is then assembled again."""
    return read_state(out / EXTRACTED / CONTENTS, lambda saved: (
        all(is_slug(slug) and isinstance(value, str) for slug, value in saved["fingerprints"].items())
        and all(is_slug(entry["slug"]) for entry in saved["cities"])))


def load_extracted(out: Path, slug: str) -> dict:
    """Return a city's profile as extracted, before corrections."""
    return json.loads((out / EXTRACTED / f"{slug}.json").read_text(encoding="utf-8"))

"""Each article's extraction, stored under the output folder and keyed by its content and the extraction code.

A build extracts only the articles whose entry is missing: new or changed
ones, or all of them after the extraction code or its data changed.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from ..contract.outputs import ARTICLES, MANIFEST, RECORDS, is_slug
from ..contract.records import MAX_ITEMS
from ..contract.state import code_hash, read_state, write_state

CACHE_DIR = ARTICLES


def _is_summary(entry: dict) -> bool:
    """An extraction's city (None, or a plain slug with its names) and problems, as the manifest keeps them."""
    city = entry["city"]
    return isinstance(entry["problems"], list) and (city is None or (
        is_slug(city["slug"]) and isinstance(city["city"], str) and isinstance(city["province"], str)))


def _is_extraction(entry: dict) -> bool:
    """An article's extraction as stage.extract_source returns it, within the item caps."""
    if not _is_summary(entry):
        return False
    if entry["city"] is None:
        return True
    return isinstance(entry["article"], dict) and all(
        isinstance(entry[kind], list) and len(entry[kind]) <= MAX_ITEMS and all(isinstance(i, dict) for i in entry[kind])
        for kind in ("figures", "initiatives", "timeline")) and isinstance(entry["mentions"], list)


class ArticleCache:
    """One JSON file per article under ``<out>/.articles``, named by its key."""

    def __init__(self, out: Path, code: str | None = None):
        # Absolute: a Dask worker that stores entries here has its own working directory.
        self.folder = out.resolve() / CACHE_DIR
        self.code = code or code_hash("extract")

    def key(self, content: str) -> str:
        """Return the key of an article whose :func:`inventory.hash_fields` is ``content``."""
        return hashlib.sha256(f"{self.code}\0{content}".encode()).hexdigest()

    def load(self, key: str) -> dict | None:
        """Return the stored extraction for ``key``, or None when there is none (or it is unreadable or damaged)."""
        return read_state(self.folder / f"{key}.json", _is_extraction) or None

    def save(self, key: str, entry: dict) -> None:
        """Store one article's extraction."""
        write_state(self.folder / f"{key}.json", entry)

    def read_manifest(self) -> dict[str, dict]:
        """Return the city and problems of every entry by key, as the last build left them; empty when damaged,
        and every article is then extracted again."""
        return read_state(self.folder / MANIFEST, lambda saved: all(map(_is_summary, saved.values())))

    def write_manifest(self, summaries: dict[str, dict]) -> None:
        """Store the city and problems of every current entry."""
        write_state(self.folder / MANIFEST, summaries)

    def clear(self) -> None:
        """Forget every entry: the next extraction reads every article again."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def keep_only(self, keys: set[str]) -> None:
        """Delete the entries of articles no longer in the corpus, or extracted by older code."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in keys and path.name not in (MANIFEST, RECORDS):
                path.unlink(missing_ok=True)

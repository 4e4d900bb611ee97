"""Each article's extraction, stored under the output folder and keyed by its content and the extraction code.

A build extracts only the articles whose entry is missing: new or changed
ones, or all of them after the extraction code or its data changed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from ..contract.files import write_atomic
from ..contract.paths import PACKAGE
from .inventory import RECORDS

CACHE_DIR = ".articles"
# Each entry's city and problems, so that a build reads only the entries of cities whose articles changed.
MANIFEST = "manifest.json"
# What extraction reads: its own code, the records it fills, and the data files.
_EXTRACTION_CODE = ("extract", "contract", "data")


def hash_extraction_code() -> str:
    """Return a hash of the code and data that extraction depends on (not the reports')."""
    digest = hashlib.sha256()
    for folder in _EXTRACTION_CODE:
        for path in sorted((PACKAGE / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class ArticleCache:
    """One JSON file per article under ``<out>/.articles``, named by its key."""

    def __init__(self, out: Path, code: str | None = None):
        # Absolute: a Dask worker that stores entries here has its own working directory.
        self.folder = out.resolve() / CACHE_DIR
        self.code = code or hash_extraction_code()

    def key(self, content: str) -> str:
        """Return the key of an article whose :func:`inventory.hash_fields` is ``content``."""
        return hashlib.sha256(f"{self.code}\0{content}".encode()).hexdigest()

    def load(self, key: str) -> dict | None:
        """Return the stored extraction for ``key``, or None when there is none (or it is unreadable)."""
        try:
            return json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def save(self, key: str, entry: dict) -> None:
        """Store one article's extraction."""
        write_atomic(self.folder / f"{key}.json", json.dumps(entry, ensure_ascii=False))

    def read_manifest(self) -> dict[str, dict]:
        """Return the city and problems of every entry by key, as the last build left them."""
        try:
            return json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # every article is extracted again

    def write_manifest(self, summaries: dict[str, dict]) -> None:
        """Store the city and problems of every current entry."""
        write_atomic(self.folder / MANIFEST, json.dumps(summaries, ensure_ascii=False))

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

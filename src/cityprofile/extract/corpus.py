"""Finding and decoding article files, with a warning for each one skipped."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

SUFFIXES = {".txt", ".md", ".text"}
MAX_BYTES = 5_000_000  # a news article is a few kB; larger files are page dumps or data
_CONFIDENT = 0.2  # charset-normalizer "chaos" above this means the guess is unreliable
# Scraped English and Chinese news pages that are not UTF-8 are almost always in
# one of these; letting charset-normalizer pick among all code pages mistakes
# short Latin-1 text for Baltic or Cyrillic ones. The order breaks ties, which
# are common when an English page holds a few Chinese characters: pages about
# mainland cities are far more often GB18030 than Big5.
ENCODINGS = ["gb18030", "big5", "cp1252", "latin_1", "shift_jis", "euc_kr"]


class SeedsError(Exception):
    """The seeds folder itself is unusable: missing, not a folder, or empty."""


@dataclass
class Problem:
    """A file that was skipped (a warning) or repaired (a note), and why."""

    path: Path
    message: str
    severity: str = "warning"  # "note" when the file was still used

    def __str__(self) -> str:
        return f"{self.severity}: {self.path}: {self.message}"


@dataclass
class Source:
    """A decoded article file."""

    id: str
    path: Path
    text: str


def find_files(seeds: Path) -> list[Path]:
    """Return the article files of a seeds folder, sorted by name."""
    if not seeds.exists():
        raise SeedsError(f"{seeds}: seeds folder does not exist")
    if not seeds.is_dir():
        raise SeedsError(f"{seeds}: not a folder")
    files = sorted(p for p in seeds.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise SeedsError(f"{seeds}: no article files ({', '.join(sorted(SUFFIXES))}) in the seeds folder")
    return files


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Return ``(text, note)``: text is None when the bytes are not text.

    The note says when a BOM or a non-UTF-8 encoding had to be recognised.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 with BOM; decoded"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "UTF-16 with BOM; decoded"
    if b"\x00" in data:
        return None, "binary data (NUL bytes), not text; skipped"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    matches = [m for m in from_bytes(data, cp_isolation=ENCODINGS) if m.chaos <= _CONFIDENT]
    if not matches:
        return None, "not UTF-8 and no other encoding fits with confidence; skipped"
    least = min(m.chaos for m in matches)
    match = min((m for m in matches if m.chaos == least), key=lambda m: ENCODINGS.index(m.encoding))
    return str(match), f"not UTF-8; decoded as {match.encoding}"


def read_sources(seeds: Path) -> tuple[list[Source], list[Problem]]:
    """Decode every article file once; skip bad and duplicate files with a problem each."""
    sources: list[Source] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in find_files(seeds):
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.append(Problem(path, f"{size:,} bytes, larger than {MAX_BYTES:,}: not an article; skipped"))
            continue
        text, note = decode(path.read_bytes())
        if note:
            problems.append(Problem(path, note, "warning" if text is None else "note"))
        if text is None:
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            problems.append(Problem(path, "empty or only whitespace; skipped"))
            continue
        # str.split, not re.sub(r"\s+"): the same spaces, five times faster, and every build reads every file.
        digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
        if digest in seen:
            problems.append(Problem(path, f"same text as {seen[digest].name}; counted once"))
            continue
        seen[digest] = path
        sources.append(Source(id=path.stem, path=path, text=text))
    return sources, problems

"""What in an output folder the build made, so that it overwrites and deletes nothing else.

The build marks each folder it makes (the output folder itself, and each city's
and the comparison's) with an empty file, ``.cityprofile``. It writes into an
output folder only if the folder is new, empty, marked, or left by a build of an
older version (its ``index.json`` is there); it writes a city's reports only into a
folder it made; and when a city leaves the corpus it deletes that folder's
outputs, and the folder only if nothing else is left in it. Slugs read back
from any state file are checked to be plain slugs, so no path leads outside.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .errors import NotOurs
from .paths import ROOT, SEEDS

# Every name the build writes at the top of an output folder, named once here, where the cleaner reads them too.
MARKER = ".cityprofile"  # in each folder the build made
INDEX_NAME = "index.json"  # the cities, most articles first
WORKBOOK = "cityprofile.xlsx"  # every city's tables in one workbook
TABLES = "tables"  # every city's tables as CSV
COMPARISON = "comparison"  # the comparison report's folder
LOCK = ".build.lock"  # the pid of the build writing into the folder
EXTRACT_STAMP = ".extract.json"  # the key and problems of the last extraction
ARTICLES = ".articles"  # each article's extraction, by key
EXTRACTED = ".extracted"  # each city's profile as extracted, before corrections
CORRECTIONS_STAMP = ".corrections.json"  # what the last correct stage did
EXPORTS_STAMP = ".exports.key"  # the key of the last corpus tables
EXPORT_ROWS = ".exports"  # each city's rows of the tables, kept
# Inside those folders.
RECORDS = "files.json"  # in ARTICLES: what each article file held when last read (its stat, content hash)
MANIFEST = "manifest.json"  # in ARTICLES: each extraction's city and problems, so only changed cities are read
CONTENTS = "_index.json"  # in EXTRACTED: the cities, each article's city, and what each city's file was made of
ROWS_KEY = "key.json"  # in EXPORT_ROWS/<slug>: what that city's rows were made from
# Slugs are lowercase letters, digits and hyphens, so no city's file can take the names above.


def report_stamp(folder: Path) -> Path:
    """Return the file in a report's folder that keeps what its outputs were made from."""
    return folder / f".{folder.name}.key"


def report_leftovers(folder: Path) -> list[Path]:
    """Return the notebooks a failed or interrupted run leaves in a report's folder: the one being run, and the
    failed one kept for the reader."""
    return [folder / f".{folder.name}.running.ipynb", folder / f"{folder.name}.failed.ipynb"]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# What a folder may hold and still be taken for an empty one: the README the project keeps in profiles/.
_HARMLESS = {"README.md"}
# What an older version left in an output folder it made, before it marked its folders.
_LEGACY = (INDEX_NAME, EXTRACT_STAMP)
# The top-level outputs and hidden state of an output folder, besides the city folders.
_OUTPUTS = (INDEX_NAME, WORKBOOK, TABLES, COMPARISON, LOCK, EXTRACT_STAMP, ARTICLES, EXTRACTED, CORRECTIONS_STAMP,
            EXPORTS_STAMP, EXPORT_ROWS, MARKER)


def is_slug(text: object) -> bool:
    """Whether ``text`` is a plain slug ("xining", "bayan-nur"): a folder name inside the output folder, never a path."""
    return isinstance(text, str) and _SLUG.fullmatch(text) is not None


def claim_output(out: Path, force: bool = False) -> None:
    """Take ``out`` as the build's output folder, marking it; refuse one that holds other things unless ``force``."""
    if (out / MARKER).is_file():
        return
    if out.exists() and not force and not any((out / name).exists() for name in _LEGACY):
        # Hidden files aside (".DS_Store", an editor's): what a user keeps is in plain sight.
        others = sorted(p.name for p in out.iterdir() if p.name not in _HARMLESS and not p.name.startswith("."))
        if others:
            shown = ", ".join(others[:4]) + (", ..." if len(others) > 4 else "")
            raise NotOurs(out, f"holds files cityprofile did not make ({shown}); build into a new or empty folder, "
                               "or pass --force-out to write beside them")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).touch()


def made_here(folder: Path) -> frozenset[str]:
    """Return the names at the top of ``folder`` that a build wrote there; none unless it is an output folder.

    A build told to write into its own seeds folder must not then read its reports as articles.
    """
    if not (folder / MARKER).is_file():
        return frozenset()
    return frozenset(name for name in os.listdir(folder)
                     if name in _OUTPUTS or (is_slug(name) and (folder / name / MARKER).is_file()))


def city_folder(out: Path, slug: str) -> Path:
    """Return the folder of a city's (or the comparison's) outputs, made and marked if new.

    Raises ValueError for a slug that is not plain, and NotOurs for a folder the build did not make.
    """
    if not is_slug(slug):
        raise ValueError(f"{slug!r} is not a city's slug")
    folder = out / slug
    if not (folder / MARKER).is_file():
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())) and not _made_before(folder, slug):
            raise NotOurs(folder, "exists and was not made by cityprofile; move it away or build into another "
                                  "folder")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MARKER).touch()
    return folder


def _made_before(folder: Path, slug: str) -> bool:
    """Whether an unmarked folder is one an older version made: it holds that city's profile or reports."""
    return folder.is_dir() and any((folder / name).is_file()
                                   for name in ("profile.json", f"{slug}.ipynb", f"{slug}.pdf", f"{slug}.html"))


def remove_city(out: Path, slug: str) -> list[str]:
    """Delete a city's outputs, and its folder when nothing else is left; return the names of what was kept."""
    folder = out / slug
    if not is_slug(slug) or not folder.is_dir() or not ((folder / MARKER).is_file() or _made_before(folder, slug)):
        return []
    for path in folder.iterdir():
        if _is_output(path.name, slug):
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    kept = sorted(p.name for p in folder.iterdir())
    if not kept:
        folder.rmdir()
    return kept


def _is_output(name: str, slug: str) -> bool:
    """Whether a file in a city's folder is one the build writes there."""
    return (name in (MARKER, "profile.json") or name.startswith((f"{slug}.", f".{slug}."))
            or name.endswith(".tmp") and name.startswith("."))


def clean(out: Path) -> list[str]:
    """Delete what the build made in ``out``, nothing else; return what was kept. Refuse folders that are not outputs.

    Refused: the filesystem root, the home folder, the project, the seeds, and any folder the build did not mark.
    """
    target = out.resolve()
    home = Path(os.path.expanduser("~")).resolve()
    if target in (Path(target.anchor), home, ROOT.resolve(), SEEDS.resolve()) or target in ROOT.resolve().parents \
            or target in home.parents:
        raise NotOurs(out, "is not an output folder; clean deletes only what a build wrote into its output folder")
    if not out.is_dir():
        return []
    if not (out / MARKER).is_file() and not any((out / name).exists() for name in _LEGACY):
        raise NotOurs(out, "was not made by cityprofile; nothing deleted")
    for path in out.iterdir():
        if path.is_dir() and not path.is_symlink() and is_slug(path.name) and path.name not in _OUTPUTS:
            remove_city(out, path.name)
    for name in _OUTPUTS:
        path = out / name
        if name == COMPARISON:
            remove_city(out, name)
        elif path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
    return sorted(p.name for p in out.iterdir())

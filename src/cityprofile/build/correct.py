"""The correct stage: the saved extraction, with the analyst's corrections applied, written as profile.json.

Extraction saves what it found once (``.extracted.json``); this stage reads it
and the corrections file and writes each city's profile.json and the index.
It is keyed on the extraction and the file's bytes, so editing the file
redoes only this step, never the extraction, and a profile it leaves the same
is not rewritten: only the reports of the cities a correction touches are
rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from ..contract.files import write_atomic
from ..contract.profiles import INDEX_NAME, read_index, write_profiles
from ..extract.corrections import apply_corrections, read_corrections
from ..report.formatting import plural
from .jobs import COMPARISON

EXTRACTED = ".extracted.json"
_STAMP = ".corrections.json"


def save_extraction(profiles: dict[str, dict], out: Path) -> None:
    """Keep the profiles as extracted, before any correction, for this stage to start from."""
    write_atomic(out / EXTRACTED, json.dumps(profiles, ensure_ascii=False))


def _key(extract_key: str, corrections: Path) -> str:
    written = corrections.read_bytes() if corrections.is_file() else b""
    return hashlib.sha256(f"{extract_key}\0{corrections}\0".encode() + written).hexdigest()


def correct_stage(out: Path, extract_key: str, corrections: Path, report=print, warn=print,
                  force: bool = False) -> list[str]:
    """Write every city's profile.json from the saved extraction with ``corrections`` applied.

    Returns a warning per row that could not be applied (also passed to ``warn``), cached or not.
    """
    key = _key(extract_key, corrections)
    stamp = out / _STAMP
    saved = json.loads(stamp.read_text(encoding="utf-8")) if stamp.is_file() else {}
    if force or saved.get("key") != key or not (out / INDEX_NAME).is_file():
        rows, unreadable = read_corrections(corrections)
        profiles, unapplied = apply_corrections(json.loads((out / EXTRACTED).read_text(encoding="utf-8")), rows)
        warnings = unreadable + unapplied
        _remove_stale(out, set(profiles))
        write_profiles(profiles, out)
        summary = (f"corrections: {len(rows) - len(unapplied)} of {plural(len(rows), 'row')} applied from {corrections}"
                   if rows or unreadable else "")
        saved = {"key": key, "summary": summary, "warnings": warnings}
        write_atomic(stamp, json.dumps(saved))
    if saved["summary"]:
        report(saved["summary"])
    for warning in saved["warnings"]:
        warn(warning)
    return saved["warnings"]


def _remove_stale(out: Path, slugs: set[str]) -> None:
    """Delete the generated folders of cities no longer in the profiles."""
    if not (out / INDEX_NAME).is_file():
        return
    for entry in read_index(out):
        folder = out / entry["slug"]
        if entry["slug"] not in slugs and entry["slug"] != COMPARISON and (folder / "profile.json").is_file():
            shutil.rmtree(folder)

"""The correct stage: the saved extraction, with the analyst's corrections applied, written as profile.json.

Extraction saves each city's profile as found (``.extracted/<slug>.json``)
with a fingerprint of the articles it is made of. This stage redoes only the
cities whose fingerprint changed since it last ran, and the cities the
corrections file touches when that file or one of those cities changed. A
profile it leaves the same is not rewritten, so only the reports of the
cities that changed are rebuilt, and adding one article to thousands costs
one city's work here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..contract.outputs import CORRECTIONS_STAMP, is_slug, remove_city
from ..contract.state import read_state, write_state
from ..contract.profiles import INDEX_NAME, index_entry, read_index, write_index, write_profile
from ..extract.corrections import apply_corrections, read_corrections, resolve_articles, touched_cities
from ..extract.saved import load_extracted, read_contents
from ..report.formatting import plural

_STAMP = CORRECTIONS_STAMP


def summarise(profile: dict) -> str:
    """Return a one-line summary of what a city's profile holds, corrections applied."""
    sectors = {i["sector"] for i in profile["industries"]}
    return (
        f"{profile['city']} ({profile['province']}): {plural(len(profile['articles']), 'article')}, "
        f"{plural(len(profile['industries']), 'industry', 'industries')} in {plural(len(sectors), 'sector')}, "
        f"{plural(len(profile['initiatives']), 'initiative')}, {plural(len(profile['figures']), 'figure')}, "
        f"{plural(len(profile['timeline']), 'dated event')}"
    )


def _hash_file(corrections: Path) -> str:
    written = corrections.read_bytes() if corrections.is_file() else b""
    return hashlib.sha256(f"{corrections}\0".encode() + written).hexdigest()


def correct_stage(out: Path, code: str, corrections: Path, report=print, warn=print, force: bool = False) -> list[str]:
    """Write the profile.json of every city that changed, with ``corrections`` applied, and the index.

    ``code`` is a hash of the package: new code corrects every city again.
    Returns a warning per row that could not be applied (also passed to ``warn``), cached or not.
    """
    contents = read_contents(out)
    fingerprints = contents["fingerprints"]
    heads = {entry["slug"]: {key: entry[key] for key in ("city", "slug", "province")} for entry in contents["cities"]}
    stamp = out / _STAMP
    saved = _read_stamp(stamp)
    if force or saved.get("code") != code:
        saved = {"code": code}
    done = saved.get("fingerprints", {})
    changed = {slug for slug in fingerprints.keys() | done.keys() if done.get(slug) != fingerprints.get(slug)}
    redo = {slug for slug in fingerprints if slug in changed or not (out / slug / "profile.json").is_file()}
    rows, unreadable = read_corrections(corrections)
    resolve_articles(rows, contents["articles"])
    touched = touched_cities(rows, contents["articles"], heads)
    # Rows can move articles between these cities, so they are corrected together.
    group = touched | set(saved.get("touched", []))
    file_key = _hash_file(corrections)
    written = dict(saved.get("cities", {}))
    if saved.get("file") != file_key or (changed | redo) & group or not (out / INDEX_NAME).is_file():
        members = {slug: load_extracted(out, slug) for slug in sorted(group & fingerprints.keys())}
        profiles, unapplied = apply_corrections(members, rows)
        for slug in group:
            written.pop(slug, None)
        written.update(_write(profiles, out))
        saved.update(file=file_key, touched=sorted(touched), warnings=unreadable + unapplied,
                     summary=(f"corrections: {len(rows) - len(unapplied)} of {plural(len(rows), 'row')} applied "
                              f"from {corrections}" if rows or unreadable else ""))
        redo -= group
    for slug in sorted(redo):
        written.update(_write(apply_corrections({slug: load_extracted(out, slug)}, [])[0], out))
    # A city is gone when no article is about it any more, unless a row moved one to it.
    written = {slug: entry for slug, entry in written.items() if slug in fingerprints or slug in group}
    _remove_stale(out, set(written), warn)
    write_index(list(written.values()), out)
    saved.update(fingerprints=fingerprints, cities=written)
    write_state(stamp, saved, keep_time=True)
    if saved["summary"]:
        report(saved["summary"])
    for warning in saved["warnings"]:
        warn(warning)
    return saved["warnings"]


def _read_stamp(stamp: Path) -> dict:
    """What the last correct stage did; empty when damaged, and every city is then corrected again."""
    return read_state(stamp, lambda saved: (
        all(is_slug(slug) and is_slug(entry["slug"]) for slug, entry in saved.get("cities", {}).items())
        and all(isinstance(w, str) for w in saved.get("warnings", []))
        and isinstance(saved.get("fingerprints", {}), dict)))


def _write(profiles: dict[str, dict], out: Path) -> dict[str, dict]:
    """Write each profile and return its index entry, by slug."""
    for profile in profiles.values():
        write_profile(profile, out)
    return {slug: index_entry(profile) for slug, profile in profiles.items()}


def _remove_stale(out: Path, slugs: set[str], warn) -> None:
    """Delete the outputs of the cities in the last index that are not among ``slugs``; keep what the build did
    not make."""
    if not (out / INDEX_NAME).is_file():
        return
    for entry in read_index(out):
        if entry["slug"] not in slugs and (kept := remove_city(out, entry["slug"])):
            warn(f"warning: {out / entry['slug']}: {entry['city']} has no article left; its reports were deleted, "
                 f"the files the build did not make kept ({', '.join(kept)})")

"""A corpus's profiles, assembled from each article's extraction.

Only articles without a cached extraction are extracted, in batches over an
executor when one is given; everything else is read back from the cache.
This module stays light to import: the extraction stack (quantulum3,
dateparser) loads only where an article is extracted.
"""

from __future__ import annotations

import math
from collections import defaultdict
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from ..contract.records import IndustryMention
from .cache import ArticleCache
from .corpus import Problem, Source, read_sources
from .industries import group_industries

# Batches per worker: enough to even out long and short articles, few enough
# that sending each batch costs little next to extracting it.
BATCHES_PER_WORKER = 8
# Fewer articles than this are extracted here: a worker would first import the
# extraction stack (seconds), while it is still starting its kernel for the reports.
PARALLEL_FROM = 100


@dataclass
class Extraction:
    """What the extract stage found: the profiles it assembled, every city's index entry, and problems met."""

    # By slug: every city's without a cache; with one, only the cities whose articles changed.
    profiles: dict[str, dict] = field(default_factory=dict)
    index: list[dict] = field(default_factory=list)  # every city: slug, city, province, articles; most first
    problems: list[Problem] = field(default_factory=list)
    extracted: int = 0  # articles extracted by this run rather than read from the cache
    cached: int = 0  # articles read back from the cache


def extract_batch(batch: list[tuple]) -> list[dict]:
    """Return the extraction of each article, given as its :func:`_fields`; run in a worker or here."""
    from .stage import extract_source  # the extraction stack, imported once per process

    return [extract_source(*fields) for fields in batch]


def _fields(source: Source) -> tuple:
    """What extraction reads of a decoded file (not its path, which differs between machines)."""
    return source.id, source.text, source.kind, source.title, source.truncated


def _extract_missing(sources: list[Source], executor: Executor | None, workers: int) -> list[dict]:
    batch = [_fields(source) for source in sources]
    if executor is None or len(sources) < PARALLEL_FROM:
        return extract_batch(batch)
    size = max(1, math.ceil(len(batch) / (workers * BATCHES_PER_WORKER)))
    batches = [batch[i:i + size] for i in range(0, len(batch), size)]
    return [entry for done in executor.map(extract_batch, batches) for entry in done]


def _slug(summary: dict) -> str | None:
    return summary["city"]["slug"] if summary["city"] else None


def extract_corpus(seeds: Path, cache: ArticleCache | None = None, executor: Executor | None = None,
                   workers: int = 1, assembled: set[str] = frozenset()) -> Extraction:
    """Read every article, extract those the cache does not hold, and group what they say by city.

    With a cache, only the profiles of cities that gained, lost or changed an
    article, or are not among those ``assembled`` before, are assembled again
    (:func:`complete_profiles` adds the others).
    """
    sources, problems = read_sources(seeds)
    # Without a cache nothing is known, and each article is its own key.
    keys = [cache.key(*_fields(source)) for source in sources] if cache else [str(i) for i in range(len(sources))]
    known = cache.read_manifest() if cache else {}
    missing = [i for i, key in enumerate(keys) if key not in known]
    fresh = dict(zip((keys[i] for i in missing), _extract_missing([sources[i] for i in missing], executor, workers)))
    summaries = {key: known.get(key) or {"city": fresh[key]["city"], "problems": fresh[key]["problems"]}
                 for key in keys}
    result = Extraction(extracted=len(missing), cached=len(keys) - len(missing), index=_index(summaries.values()), problems=problems)
    for source, key in zip(sources, keys):
        result.problems += [Problem(source.path, message, severity)
                            for severity, message in summaries[key]["problems"]]
    changed = {_slug(fresh[key]) for key in fresh} | {_slug(known[key]) for key in known.keys() - summaries.keys()}
    changed |= {entry["slug"] for entry in result.index if entry["slug"] not in assembled}
    if cache:
        for key, entry in fresh.items():
            cache.save(key, entry)
        cache.write_manifest(summaries)
        cache.keep_only(set(keys))
    pieces = []
    for source, key in zip(sources, keys):
        if _slug(summaries[key]) in changed:
            pieces.append(fresh.get(key) or _reload(cache, key, source))
    result.profiles = assemble_profiles(pieces)
    return result


def _reload(cache: ArticleCache, key: str, source: Source) -> dict:
    """Return an article's cached extraction, extracting it again if its entry was lost."""
    entry = cache.load(key)
    if entry is None:
        entry = extract_batch([_fields(source)])[0]
        cache.save(key, entry)
    return entry


def _index(summaries) -> list[dict]:
    """Return every city with its article count, most articles first."""
    cities: dict[str, dict] = {}
    for summary in summaries:
        if summary["city"]:
            head = summary["city"]
            cities.setdefault(head["slug"], {"slug": head["slug"], "city": head["city"], "province": head["province"],
                                             "articles": 0})["articles"] += 1
    return sorted(cities.values(), key=lambda entry: (-entry["articles"], entry["city"]))


def assemble_profiles(entries: list[dict]) -> dict[str, dict]:
    """Return the profiles, by slug, of the cities these article extractions (in corpus order) are about."""
    heads: dict[str, dict] = {}
    collected: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        if entry["city"] is None:
            continue
        slug = entry["city"]["slug"]
        heads.setdefault(slug, entry["city"])
        collected[slug]["articles"].append(entry["article"])
        for key in ("figures", "initiatives", "timeline", "mentions"):
            collected[slug][key].extend(entry[key])
    profiles = {}
    for slug, head in heads.items():
        items = collected[slug]
        profiles[slug] = {
            **head,
            "articles": items["articles"],
            "industries": group_industries([IndustryMention(**m) for m in items["mentions"]]),
            "initiatives": items["initiatives"],
            "figures": items["figures"],
            "timeline": sorted(items["timeline"], key=lambda e: e["date"]),
        }
    return profiles


def complete_profiles(extraction: Extraction, previous: dict[str, dict]) -> dict[str, dict]:
    """Return every city's profile in index order: as just assembled, else as in ``previous`` (unchanged)."""
    return {entry["slug"]: extraction.profiles.get(entry["slug"]) or previous[entry["slug"]]
            for entry in extraction.index}

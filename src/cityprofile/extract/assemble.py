"""A corpus's profiles, assembled from each article's extraction.

Only articles without a cached extraction are extracted, in batches over an
executor when one is given; everything else is read back from the cache.
This module stays light to import: the extraction stack (quantulum3,
dateparser) loads only where an article is extracted.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..contract.records import IndustryMention
from .cache import ArticleCache
from .corpus import Problem, Source, read_sources
from .duplicates import find_copies
from .inventory import ArticleFile, Inventory, hash_fields, take_inventory
from .industries import group_industries

# Batches per worker: enough that the last batch, during which the other
# workers may wait, is short (at 8, up to a tenth of a 10,000-article run);
# few enough that sending each batch costs little next to extracting it.
BATCHES_PER_WORKER = 32
# And at most this many articles a batch (a second or two of work): batches
# cut only by count grow with the corpus, and the last one leaves the other
# workers idle for half a batch on average.
BATCH_ARTICLES = 16
# Fewer articles than this are extracted here: a worker would first import the
# extraction stack (seconds), while it is still starting its kernel for the reports.
PARALLEL_FROM = 100


@dataclass
class Extraction:
    """What the extract stage found: the profiles it assembled, every city's index entry, and problems met."""

    # By slug: every city's without a cache; with one, only the cities whose articles changed.
    # Each is assembled as it is read (see Assembly), so read each once.
    profiles: Mapping[str, dict] = field(default_factory=dict)
    index: list[dict] = field(default_factory=list)  # every city: slug, city, province, articles; most first
    problems: list[Problem] = field(default_factory=list)
    extracted: int = 0  # articles extracted by this run rather than read from the cache
    cached: int = 0  # articles read back from the cache
    cities: dict[str, str] = field(default_factory=dict)  # the city (slug) of every article attributed to one
    # By slug, a hash of the extractions a city's profile is made of: equal means the same profile.
    fingerprints: dict[str, str] = field(default_factory=dict)


def extract_batch(batch: list[tuple[str, tuple]], cache: ArticleCache | None = None) -> list[dict]:
    """Return the extraction of each article, given as its key and :func:`_fields`; run in a worker or here.

    With a ``cache``, each extraction is stored there and only its summary (city and
    problems) is returned: the articles' items then never pass through the process
    that sent the batch, which would otherwise take back and hold every one of them.
    """
    from .article import extract_source  # the extraction stack, imported once per process

    done = []
    for key, fields in batch:
        entry = extract_source(*fields)
        if cache is not None:
            cache.save(key, entry)
            entry = _summarise(entry)
        done.append(entry)
    return done


def _summarise(entry: dict) -> dict:
    """Return what the manifest keeps of an extraction (or a summary again): its city and problems, and what finds
    its copies."""
    summary = {"city": entry["city"], "problems": entry["problems"]}
    if entry["city"]:
        words = entry["words"] if "words" in entry else entry["article"]["words"]
        summary.update(signature=entry["signature"], words=words)
    return summary


def _fields(source: Source) -> tuple:
    """What extraction reads of a decoded file (not its path, which differs between machines)."""
    return source.id, source.text, source.kind, source.title, source.truncated


def _extract_missing(batch: list[tuple[str, tuple]], executor: Executor | None, workers: int,
                     cache: ArticleCache | None) -> list[dict]:
    if not batch:  # nothing new: not even the extraction stack's imports (a second) are needed
        return []
    extract = partial(extract_batch, cache=cache)
    if executor is None or len(batch) < PARALLEL_FROM:
        return extract(batch)
    size = max(1, min(BATCH_ARTICLES, math.ceil(len(batch) / (workers * BATCHES_PER_WORKER))))
    batches = [batch[i:i + size] for i in range(0, len(batch), size)]
    return [entry for done in executor.map(extract, batches) for entry in done]


def _slug(summary: dict) -> str | None:
    return summary["city"]["slug"] if summary["city"] else None


class Assembly(Mapping):
    """Profiles by slug, each assembled from its articles' extractions when it is read.

    Only one city's extractions are in memory at a time: at 10,000 articles,
    all of them at once took most of a gigabyte.
    """

    def __init__(self, parts: dict[str, list[Callable[[], dict]]]):
        self._parts = parts  # by slug, a loader of each of its articles' extractions, in corpus order

    def __getitem__(self, slug: str) -> dict:
        return assemble_profiles([load() for load in self._parts[slug]])[slug]

    def __contains__(self, slug: object) -> bool:
        return slug in self._parts  # without assembling the city, as Mapping's would

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)


def extracts_in_parallel(inventory: Inventory, cache: ArticleCache, workers: int) -> bool:
    """Whether extracting the articles the cache does not hold would use ``workers`` processes, not this one."""
    return workers > 1 and len(_missing(inventory, cache)[2]) >= PARALLEL_FROM


def _missing(inventory: Inventory, cache: ArticleCache | None) -> tuple[list[str], dict[str, dict], list[int]]:
    """Each article's key, what the cache holds by key, and the positions of the articles it does not hold."""
    # Without a cache nothing is known, and an article's content is its key.
    keys = [cache.key(article.content) if cache else article.content for article in inventory.articles]
    known = cache.read_manifest() if cache else {}
    return keys, known, [i for i, key in enumerate(keys) if key not in known]


def extract_corpus(seeds: Path, cache: ArticleCache | None = None, executor: Executor | None = None,
                   workers: int = 1, assembled: dict[str, str] | None = None,
                   inventory: Inventory | None = None, shared: bool = True) -> Extraction:
    """Read the articles, extract those the cache does not hold, and group what they say by city.

    With a cache, only the files changed since the last run are read (``inventory``
    when the caller took it already). Only the profiles of cities whose articles'
    extractions differ from those they were ``assembled`` from (their fingerprints
    by slug, as :attr:`Extraction.fingerprints` gave them) are assembled again.
    ``shared`` says whether the ``executor``'s workers see the cache's folder: if
    so, each stores what it extracts there; if not (a Dask cluster on other
    machines), it sends it back to be stored here.
    """
    if cache is None:
        inventory = _read_all(seeds)
    elif inventory is None:
        inventory = take_inventory(seeds, cache.folder)
    articles = inventory.articles
    keys, known, missing = _missing(inventory, cache)
    batch = [(keys[i], _fields(inventory.source(articles[i]))) for i in missing]
    stored = cache is not None and (shared or executor is None)
    fresh = dict(zip((keys[i] for i in missing), _extract_missing(batch, executor, workers, cache if stored else None)))
    kept = {key: known.get(key) or _summarise(fresh[key]) for key in keys}
    # Copies of another article are counted once; the manifest keeps them as extracted, should the other go.
    summaries = _count_once(articles, keys, kept)
    result = Extraction(extracted=len(missing), cached=len(keys) - len(missing), index=_index(summaries.values()),
                        problems=list(inventory.problems))
    for article, key in zip(articles, keys):
        result.problems += [Problem(article.path, message, severity)
                            for severity, message in summaries[key]["problems"]]
        if _slug(summaries[key]):
            result.cities[article.id] = _slug(summaries[key])
    result.fingerprints = _fingerprint(keys, summaries)
    changed = {slug for slug, fingerprint in result.fingerprints.items() if (assembled or {}).get(slug) != fingerprint}
    entries = {} if stored else fresh  # what no worker stored
    if cache:
        for key, entry in entries.items():
            cache.save(key, entry)
        cache.write_manifest(kept)
        cache.keep_only(set(keys))
    parts = defaultdict(list)
    for article, key in zip(articles, keys):
        if _slug(summaries[key]) in changed:
            parts[_slug(summaries[key])].append(partial(_load, cache, key, entries, inventory, article))
    result.profiles = Assembly(dict(parts))
    return result


def _count_once(articles: list[ArticleFile], keys: list[str], summaries: dict[str, dict]) -> dict[str, dict]:
    """Return the summaries with each copy of another article left out of every city, with a warning naming both."""
    signed = [(key, summaries[key]["signature"], summaries[key]["words"]) for key in keys
              if summaries[key]["city"] and "signature" in summaries[key]]
    if len(signed) < 2:
        return summaries
    copies = find_copies(signed)
    names = {key: article.path.name for article, key in zip(articles, keys)}
    counted = dict(summaries)
    for key, copy in copies.items():
        warning = (f"the same article as {names[copy.kept]} ({copy.alike:.0%} of their wording alike): counted "
                   f"once, as {names[copy.kept]}; left out")
        counted[key] = {**summaries[key], "city": None, "problems": [*summaries[key]["problems"], ["warning", warning]]}
    return counted


def _fingerprint(keys: list[str], summaries: dict[str, dict]) -> dict[str, str]:
    """Return, by slug, a hash of the keys of each city's articles in corpus order."""
    digests = defaultdict(hashlib.sha256)
    for key in keys:
        slug = _slug(summaries[key])
        if slug:
            digests[slug].update(key.encode())
    return {slug: digest.hexdigest() for slug, digest in digests.items()}


def _read_all(seeds: Path) -> Inventory:
    """Return an inventory of every article of ``seeds``, read now, for an extraction without a cache."""
    sources, problems = read_sources(seeds)
    return Inventory([ArticleFile(source.path, source.id, hash_fields(source), source) for source in sources], problems)


def _load(cache: ArticleCache | None, key: str, entries: dict[str, dict], inventory: Inventory,
          article: ArticleFile) -> dict:
    """Return an article's extraction: just made, or cached, or extracted again if its entry was lost."""
    entry = entries.get(key) or cache.load(key)  # without a cache, every extraction is in entries
    if entry is None:
        [entry] = extract_batch([(key, _fields(inventory.source(article)))])
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

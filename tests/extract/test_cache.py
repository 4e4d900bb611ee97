"""Per-article extraction cached by content: only new or changed articles are extracted."""

import json
import shutil
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import SEEDS

import cityprofile.extract.assemble as assemble
import cityprofile.extract.article as article
from cityprofile.extract.assemble import extract_corpus
from cityprofile.extract.cache import CACHE_DIR, MANIFEST, ArticleCache
from cityprofile.extract.corpus import read_file
from cityprofile.extract.inventory import RECORDS, hash_fields


@pytest.fixture
def counted(monkeypatch):
    """Count the articles actually extracted, by id."""
    calls = []
    real = article.extract_source

    def extract_source(article_id, *fields):
        calls.append(article_id)
        return real(article_id, *fields)

    monkeypatch.setattr(article, "extract_source", extract_source)
    return calls


@pytest.fixture
def corpus(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds, tmp_path / "out"


def _extract(seeds, out):
    """Extract with the cache under ``out``, keeping the profiles not assembled again from the last run, as the build does."""
    saved = out / "saved.json"
    previous = json.loads(saved.read_text()) if saved.is_file() else {"profiles": {}, "fingerprints": {}}
    extraction = extract_corpus(seeds, ArticleCache(out), assembled=previous["fingerprints"])
    profiles = {entry["slug"]: extraction.profiles.get(entry["slug"]) or previous["profiles"][entry["slug"]]
                for entry in extraction.index}
    saved.write_text(json.dumps({"profiles": profiles, "fingerprints": extraction.fingerprints}))
    return extraction, json.loads(saved.read_text())["profiles"]


def _items_of(profiles, article_id):
    return [item for profile in profiles.values() for key in ("figures", "initiatives", "timeline")
            for item in profile[key] if item["article"] == article_id]


def test_a_changed_article_is_extracted_again_and_no_other(corpus, counted):
    seeds, out = corpus
    _extract(seeds, out)
    assert sorted(counted) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    counted.clear()
    unchanged, _ = _extract(seeds, out)
    assert counted == [] and unchanged.profiles == {}  # nothing to assemble again
    changed = sorted(seeds.glob("*.txt"))[0]
    lines = changed.read_text(encoding="utf-8").splitlines()
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += " Officials said 12 new companies joined the scheme."
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    extraction, profiles = _extract(seeds, out)
    assert counted == [changed.stem]
    assert (extraction.extracted, extraction.cached) == (1, len(list(SEEDS.glob("*.txt"))) - 1)
    assert any("12 new companies" in item["sentence"] for item in _items_of(profiles, changed.stem))
    # Only the changed article's city is assembled again.
    assert [slug for slug, p in profiles.items() if any(a["id"] == changed.stem for a in p["articles"])] \
        == list(extraction.profiles)


def test_cached_and_fresh_extractions_give_the_same_profiles(corpus):
    seeds, out = corpus
    fresh = extract_corpus(seeds)
    _extract(seeds, out)
    (seeds / "zz_new.txt").write_text(sorted(seeds.glob("*.txt"))[0].read_text() + "\nA line added.\n")
    fresh = extract_corpus(seeds)
    _, cached = _extract(seeds, out)
    assert cached == fresh.profiles


def test_a_removed_article_takes_its_items_and_cache_entry_with_it(corpus, monkeypatch):
    seeds, out = corpus
    _, before = _extract(seeds, out)
    removed = sorted(seeds.glob("*.txt"))[0]
    assert _items_of(before, removed.stem)
    removed.unlink()
    # Nothing is left to extract, so the extraction stack is not even loaded.
    monkeypatch.setattr(assemble, "extract_batch", pytest.fail)
    _, after = _extract(seeds, out)
    assert _items_of(after, removed.stem) == []
    assert all(a["id"] != removed.stem for p in after.values() for a in p["articles"])
    entries = [p for p in (out / CACHE_DIR).glob("*.json") if p.name not in (MANIFEST, RECORDS)]
    assert len(entries) == len(list(seeds.glob("*.txt")))
    assert sum(len(p["articles"]) for p in after.values()) == sum(len(p["articles"]) for p in before.values()) - 1


def test_a_duplicate_is_still_counted_once_when_its_original_is_cached(corpus):
    seeds, out = corpus
    _extract(seeds, out)
    original = sorted(seeds.glob("*.txt"))[1]
    shutil.copy(original, seeds / "zz_copy.txt")
    extraction, profiles = _extract(seeds, out)
    messages = {p.path.name: p.message for p in extraction.problems}
    assert messages["zz_copy.txt"] == f"same text as {original.name}; counted once"
    assert all(a["id"] != "zz_copy" for p in profiles.values() for a in p["articles"])


def test_new_extraction_code_means_a_new_key(corpus):
    seeds, out = corpus
    path = next(seeds.glob("*.txt"))
    source, _ = read_file(path, path.stem)
    renamed = read_file(path.rename(path.with_name("renamed.txt")), "renamed")[0]
    assert ArticleCache(out, code="a").key(hash_fields(source)) != ArticleCache(out, code="b").key(hash_fields(source))
    assert ArticleCache(out, code="a").key(hash_fields(source)) != ArticleCache(out, code="a").key(hash_fields(renamed))


def test_an_unreadable_cache_entry_is_extracted_again_when_its_city_is_assembled(corpus, counted):
    seeds, out = corpus
    _, before = _extract(seeds, out)
    entry = next(p for p in sorted((out / CACHE_DIR).glob("*.json")) if p.name not in (MANIFEST, RECORDS))
    entry.write_text("{truncated", encoding="utf-8")
    (out / "saved.json").unlink()  # so that every city is assembled again
    counted.clear()
    _, after = _extract(seeds, out)
    assert len(counted) == 1 and after == before
    json.loads(entry.read_text(encoding="utf-8"))


def test_a_lost_manifest_means_extracting_everything_again(corpus, counted):
    seeds, out = corpus
    _, before = _extract(seeds, out)
    (out / CACHE_DIR / MANIFEST).write_text("{", encoding="utf-8")
    counted.clear()
    _, after = _extract(seeds, out)
    assert len(counted) == len(list(seeds.glob("*.txt"))) and after == before


class _Recording(ThreadPoolExecutor):
    """An executor that keeps what each task sent back, as a process pool would pickle it to the build."""

    def __init__(self):
        super().__init__(2)
        self.returned = []
        self.sent = []  # the number of articles in each batch

    def map(self, fn, *iterables, **kwargs):
        self.sent = [len(batch) for batch in iterables[0]]
        for result in super().map(fn, *iterables, **kwargs):
            self.returned += result
            yield result


@pytest.mark.parametrize("shared", [True, False])
def test_workers_that_share_the_cache_store_their_extractions_and_send_back_only_summaries(corpus, monkeypatch,
                                                                                          shared):
    seeds, out = corpus
    monkeypatch.setattr(assemble, "PARALLEL_FROM", 2)
    with _Recording() as executor:
        extraction = extract_corpus(seeds, ArticleCache(out), executor, workers=2, shared=shared)
    sent = executor.returned
    assert len(sent) == len(list(SEEDS.glob("*.txt")))
    # A Dask worker on another machine cannot write the cache: it sends the whole extraction back. The summary
    # keeps what finds an article's copies: its signature and length.
    summary = {"city", "problems", "signature", "words"}
    assert all(set(entry) == (summary if entry["city"] else {"city", "problems"}) for entry in sent) if shared \
        else all("figures" in e for e in sent)
    entries = [p for p in (out / CACHE_DIR).glob("*.json") if p.name not in (MANIFEST, RECORDS)]
    assert len(entries) == len(sent)
    assert dict(extraction.profiles) == dict(extract_corpus(seeds).profiles)


def test_no_batch_holds_more_than_a_few_seconds_of_work_however_few_the_workers(corpus, monkeypatch):
    seeds, out = corpus
    # One batch a worker would put every article in one batch: the cap splits them.
    monkeypatch.setattr(assemble, "PARALLEL_FROM", 2)
    monkeypatch.setattr(assemble, "BATCHES_PER_WORKER", 1)
    monkeypatch.setattr(assemble, "BATCH_ARTICLES", 2)
    with _Recording() as executor:
        extraction = extract_corpus(seeds, ArticleCache(out), executor, workers=1)
    assert executor.sent == [2, 2, 1]
    assert dict(extraction.profiles) == dict(extract_corpus(seeds).profiles)


def test_the_cache_folder_is_absolute_so_that_workers_with_another_working_directory_store_entries_in_it(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert ArticleCache(Path("profiles"), code="a").folder == tmp_path.resolve() / "profiles" / CACHE_DIR

"""The inventory: a file whose size, times and inode are unchanged is not read again."""

import os
import shutil

import pytest
from conftest import SEEDS

import cityprofile.extract.inventory as inventory_module
from cityprofile.contract.errors import FileChangedError
from cityprofile.extract.inventory import RECORDS, take_inventory


@pytest.fixture
def reads(monkeypatch):
    """Count the files read, by name."""
    names = []
    real = inventory_module.read_file

    def read_file(path, article_id):
        names.append(path.name)
        return real(path, article_id)

    monkeypatch.setattr(inventory_module, "read_file", read_file)
    return names


@pytest.fixture
def seeds(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "seeds"


@pytest.fixture
def settled(monkeypatch):
    """Files as if written long ago: the records of files just copied are otherwise not trusted."""
    monkeypatch.setattr(inventory_module, "_RACY_NS", 0)


def test_a_file_known_by_its_stat_is_not_read_again(seeds, tmp_path, reads, settled):
    first = take_inventory(seeds, tmp_path / "cache")
    assert sorted(reads) == sorted(p.name for p in seeds.iterdir()) and first.read == len(reads)
    reads.clear()
    second = take_inventory(seeds, tmp_path / "cache")
    assert reads == [] and second.read == 0
    assert second.key == first.key
    assert [a.content for a in second.articles] == [a.content for a in first.articles]


def test_a_changed_file_is_read_again_and_changes_the_key(seeds, tmp_path, reads, settled):
    first = take_inventory(seeds, tmp_path / "cache")
    changed = sorted(seeds.iterdir())[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOfficials said 12 new companies joined.\n",
                       encoding="utf-8")
    reads.clear()
    second = take_inventory(seeds, tmp_path / "cache")
    assert reads == [changed.name]
    assert second.key != first.key
    assert "12 new companies" in second.source(second.articles[2]).text


def test_a_namesake_s_arrival_reads_the_file_again_under_its_whole_name(seeds, tmp_path, reads, settled):
    first = take_inventory(seeds, tmp_path / "cache")
    known = sorted(seeds.iterdir())[1]
    namesake = known.with_suffix(".html")
    namesake.write_text("<html><body><p>Officials in Lanzhou said 40 firms joined the logistics park.</p></body></html>",
                        encoding="utf-8")
    reads.clear()
    second = take_inventory(seeds, tmp_path / "cache")
    assert sorted(reads) == sorted([known.name, namesake.name])
    ids = {a.path.name: a.id for a in second.articles}
    assert ids[known.name] == known.name and ids[namesake.name] == namesake.name
    assert {a.id for a in first.articles} - {known.stem} <= set(ids.values())
    assert second.source(next(a for a in second.articles if a.path == known)).id == known.name


def test_a_file_touched_but_not_changed_is_read_again_and_keeps_its_content_hash(seeds, tmp_path, reads, settled):
    first = take_inventory(seeds, tmp_path / "cache")
    touched = sorted(seeds.iterdir())[0]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    reads.clear()
    second = take_inventory(seeds, tmp_path / "cache")
    assert reads == [touched.name] and second.key == first.key


def test_a_file_changed_just_now_is_read_again_next_time(seeds, tmp_path, reads):
    take_inventory(seeds, tmp_path / "cache")
    reads.clear()
    take_inventory(seeds, tmp_path / "cache")
    # Same size, same second: a file system with coarse times would show no change, so these are not trusted yet.
    assert sorted(reads) == sorted(p.name for p in seeds.iterdir())


def test_unreadable_records_mean_reading_every_file(seeds, tmp_path, reads, settled):
    take_inventory(seeds, tmp_path / "cache")
    (tmp_path / "cache" / RECORDS).write_text("{not json", encoding="utf-8")
    reads.clear()
    again = take_inventory(seeds, tmp_path / "cache")
    assert len(reads) == len(list(seeds.iterdir())) and len(again.articles) == len(reads)


def test_a_skipped_file_and_a_duplicate_are_reported_again_without_reading_them(seeds, tmp_path, reads, settled):
    (seeds / "blob.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    original = sorted(seeds.glob("0*.txt"))[1]
    shutil.copy(original, seeds / "zz_copy.txt")
    first = take_inventory(seeds, tmp_path / "cache")
    reads.clear()
    second = take_inventory(seeds, tmp_path / "cache")
    assert reads == []
    messages = {p.path.name: p.message for p in second.problems}
    assert messages["blob.txt"] == "binary data (NUL bytes), not text; skipped"
    assert messages["zz_copy.txt"] == f"same text as {original.name}; counted once"
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]
    assert "zz_copy" not in [a.id for a in second.articles]


def test_a_file_changed_between_the_inventory_and_its_reading_stops_with_its_name(seeds, tmp_path, settled):
    take_inventory(seeds, tmp_path / "cache")
    known = take_inventory(seeds, tmp_path / "cache")
    article = known.articles[0]
    article.path.write_text("Xining said something else entirely.\n", encoding="utf-8")
    with pytest.raises(FileChangedError, match=article.path.name):
        known.source(article)

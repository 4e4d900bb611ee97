"""The correct stage redoes only the cities that changed, and the cities a corrections file touches."""

import json
import shutil

import pytest
from conftest import SEEDS

from cityprofile.pipeline.build import Options, extract_stage
from cityprofile.contract.profiles import read_index

XINING_CITY = "000_e1dfb7cc4618d2e4"
XINING_FRIENDS = "003_76c3e2df3c0b276a"
DALIAN = "004_17d9ca044011c955"
HEADER = "article,text,action,value,note"


@pytest.fixture
def corpus(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds, tmp_path / "out", tmp_path / "corrections.csv"


def _extract(seeds, out, corrections, *rows):
    corrections.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    warnings = []
    extract_stage(seeds, out, Options(report=lambda _: None, warn=warnings.append, corrections=corrections))
    return warnings


def _times(out):
    return {path.parent.name: path.stat().st_mtime_ns for path in out.glob("*/profile.json")}


def _article_ids(out, slug):
    return [a["id"] for a in json.loads((out / slug / "profile.json").read_text(encoding="utf-8"))["articles"]]


def test_adding_an_article_rewrites_only_its_city_profile(corpus):
    seeds, out, corrections = corpus
    drop = f"{XINING_CITY},three billion-yuan-level industrial clusters,drop,,"
    _extract(seeds, out, corrections, drop)
    before = _times(out)
    # Another story about Dalian (a near copy of its article would be counted once, as the same article).
    (seeds / "zz_dalian.txt").write_text(
        "Dalian port opens cruise terminal\n\nDalian opened a cruise terminal on Monday, and officials said "
        "12 new companies joined the port's free trade zone this year.\n", encoding="utf-8")
    _extract(seeds, out, corrections, drop)
    after = _times(out)
    assert after["xining"] == before["xining"] and after["dalian"] != before["dalian"]
    assert _article_ids(out, "dalian") == [DALIAN, "zz_dalian"]
    assert {e["slug"]: e["articles"] for e in read_index(out)} == {"xining": 4, "dalian": 2}
    xining = json.loads((out / "xining" / "profile.json").read_text(encoding="utf-8"))
    assert [c["action"] for c in xining["corrections"]] == ["drop"]  # the correction is kept, not lost


def test_a_moved_article_leaves_the_city_it_was_moved_to_when_its_file_is_deleted(corpus):
    seeds, out, corrections = corpus
    # Dalian's only article: deleting it leaves Xining's own articles, and its fingerprint, as they were.
    move = f"{DALIAN},,move,Xining,"
    _extract(seeds, out, corrections, move)
    assert DALIAN in _article_ids(out, "xining") and not (out / "dalian").exists()
    (seeds / f"{DALIAN}.txt").unlink()
    warnings = _extract(seeds, out, corrections, move)
    assert DALIAN not in _article_ids(out, "xining")
    assert [e["slug"] for e in read_index(out)] == ["xining"]
    assert any(f"no article '{DALIAN}'" in warning for warning in warnings)


def test_a_city_that_only_a_correction_made_goes_with_the_row(corpus):
    seeds, out, corrections = corpus
    _extract(seeds, out, corrections, f"{XINING_FRIENDS},,move,Lanzhou,")
    assert _article_ids(out, "lanzhou") == [XINING_FRIENDS]
    assert "lanzhou" in [e["slug"] for e in read_index(out)]
    _extract(seeds, out, corrections)
    assert not (out / "lanzhou").exists()
    assert "lanzhou" not in [e["slug"] for e in read_index(out)]
    assert XINING_FRIENDS in _article_ids(out, "xining")


def test_a_city_whose_articles_are_all_deleted_is_removed(corpus):
    seeds, out, corrections = corpus
    _extract(seeds, out, corrections)
    (seeds / f"{DALIAN}.txt").unlink()
    _extract(seeds, out, corrections)
    assert not (out / "dalian").exists() and [e["slug"] for e in read_index(out)] == ["xining"]


def test_a_lost_stamp_corrects_every_city_again_with_the_same_result(corpus):
    seeds, out, corrections = corpus
    move = f"{XINING_FRIENDS},,move,Dalian,"
    _extract(seeds, out, corrections, move)
    profiles = {slug: (out / slug / "profile.json").read_text(encoding="utf-8") for slug in ("xining", "dalian")}
    (out / ".corrections.json").write_text("{", encoding="utf-8")
    (seeds / "zz_note.txt").write_text("A note that names no city at all.\n", encoding="utf-8")  # so extraction runs
    _extract(seeds, out, corrections, move)
    assert {slug: (out / slug / "profile.json").read_text(encoding="utf-8") for slug in profiles} == profiles

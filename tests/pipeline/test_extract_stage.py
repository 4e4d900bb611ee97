"""What the extract stage tells the user about the articles it read again."""

import re
import shutil

import pytest
from conftest import SEEDS

import cityprofile.extract.inventory as inventory
from cityprofile.contract.outputs import EXTRACTED
from cityprofile.pipeline.build import Options, extract_stage
from cityprofile.extract.cache import CACHE_DIR, MANIFEST
from cityprofile.contract.errors import FileChangedError
from cityprofile.extract.inventory import RECORDS


def test_the_extract_stage_says_how_many_articles_it_read_again(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    shutil.copytree(SEEDS, seeds)
    first, second = [], []
    extract_stage(seeds, out, Options(report=first.append, warn=first.append))
    changed = sorted(seeds.glob("*.txt"))[-1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOfficials said 12 new companies joined.\n",
                       encoding="utf-8")
    extract_stage(seeds, out, Options(report=second.append, warn=second.append))
    assert re.search(r"\(5 articles extracted\)$", first[0])
    assert re.search(r"\(1 article extracted, 4 unchanged from the last build\)$", second[0])


def test_an_article_changed_while_its_lost_entry_is_read_again_stops_the_stage_with_its_name(tmp_path, monkeypatch):
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    shutil.copytree(SEEDS, seeds)
    monkeypatch.setattr(inventory, "_RACY_NS", 0)  # the files count as written long ago: known by their stat
    extract_stage(seeds, out, Options(report=lambda _: None, warn=lambda _: None))
    lost = next(p for p in sorted((out / CACHE_DIR).glob("*.json")) if p.name not in (MANIFEST, RECORDS))
    lost.unlink()
    shutil.rmtree(out / EXTRACTED)  # so that every city is assembled again, reading the lost entry's article
    real = inventory.read_file

    def read_edited(path, article_id):  # the file is edited between the inventory's stat and this read
        source, problems = real(path, article_id)
        source.text += "\nAn edit made mid-build.\n"
        return source, problems

    monkeypatch.setattr(inventory, "read_file", read_edited)
    with pytest.raises(FileChangedError, match=r": changed while it was being read; run the build again$"):
        extract_stage(seeds, out, Options(report=lambda _: None, warn=lambda _: None))


def test_a_build_called_from_python_raises_a_documented_error_not_system_exit(tmp_path):
    from cityprofile.contract.errors import CityprofileError, NothingToBuild
    from cityprofile.pipeline.build import build

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "minutes.txt").write_text("Minutes of the residents' committee meeting, read and approved.\n")
    with pytest.raises(NothingToBuild, match="no article could be attributed to a city") as raised:
        build(seeds, tmp_path / "out", Options(workers=1, report=lambda _: None, warn=lambda _: None))
    assert isinstance(raised.value, CityprofileError) and raised.value.exit_status == 1

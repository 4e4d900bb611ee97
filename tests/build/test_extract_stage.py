"""What the extract stage tells the user about the articles it read again."""

import re
import shutil

from conftest import SEEDS

from cityprofile.build.pipeline import extract_stage


def test_the_extract_stage_says_how_many_articles_it_read_again(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    shutil.copytree(SEEDS, seeds)
    first, second = [], []
    extract_stage(seeds, out, report=first.append, warn=first.append)
    changed = sorted(seeds.glob("*.txt"))[-1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOfficials said 12 new companies joined.\n",
                       encoding="utf-8")
    extract_stage(seeds, out, report=second.append, warn=second.append)
    assert re.search(r"\(5 articles extracted\)$", first[0])
    assert re.search(r"\(1 article extracted, 4 unchanged from the last build\)$", second[0])

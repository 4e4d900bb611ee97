"""The benchmark's helpers: its synthetic corpora and its reading of build output."""

import json
import subprocess
import sys

import pytest

from cityprofile.bench import stage_seconds, synthetic_corpus

from conftest import SEEDS


def test_stage_seconds_sums_each_stage_over_reports():
    output = (
        "extract: 2 cities in 0.8s\n"
        "  dalian: built (first build; execute 2.5s, html 0.3s, pdf 1.2s) -> x.pdf\n"
        "  xining: built (first build; execute 2.7s, html 0.4s, pdf 2.4s) -> y.pdf\n"
    )
    assert stage_seconds(output) == pytest.approx({"extract": 0.8, "execute": 5.2, "html": 0.7, "pdf": 3.6})


def test_synthetic_corpus_gives_each_copy_its_own_real_city(tmp_path):
    synthetic_corpus(SEEDS, tmp_path / "seeds", 2)
    assert len(list((tmp_path / "seeds").iterdir())) == 2 * len(list(SEEDS.glob("*.txt")))
    subprocess.run([sys.executable, "-m", "cityprofile", "extract", "--seeds", str(tmp_path / "seeds"),
                    "--out", str(tmp_path / "out")], check=True, capture_output=True)
    cities = json.loads((tmp_path / "out" / "index.json").read_text())["cities"]
    assert len(cities) == 2
    assert {"Xining", "Dalian"}.isdisjoint(c["city"] for c in cities)

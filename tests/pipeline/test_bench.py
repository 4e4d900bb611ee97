"""The benchmark's helpers: its synthetic corpora and its reading of build output."""

import json
import os
import random
import subprocess
import sys

import pytest
from conftest import SEEDS

from cityprofile.pipeline.bench import (
    ONE_LINE_BYTES,
    measure_children_cpu,
    measure_tree_memory,
    mix_sentences,
    split_paragraphs,
    pick_stand_in_cities,
    stage_seconds,
    synthetic_corpus,
    write_one_line_article,
)
from cityprofile.extract.corpus import MAX_BYTES
from cityprofile.extract.gazetteer import load_gazetteer, load_prefecture_cities


def test_stage_seconds_sums_each_stage_over_reports():
    output = (
        "extract: 2 cities in 0.8s\n"
        "exports: 2 cities' tables rewritten, tables/*.csv and cityprofile.xlsx in 0.3s\n"
        "  dalian: built (first build; execute 2.5s, html 0.3s, pdf 1.2s) -> x.pdf\n"
        "  xining: built (first build; execute 2.7s, html 0.4s, pdf 2.4s) -> y.pdf\n"
    )
    assert stage_seconds(output) == pytest.approx({"extract": 0.8, "exports": 0.3, "execute": 5.2, "html": 0.7, "pdf": 3.6})


def test_synthetic_corpus_gives_each_copy_its_own_real_city_and_no_copy_is_found_to_be_another(tmp_path):
    # Copies that differed only in their city's name were found to be one story and left out:
    # a "50 cities" corpus built 14.
    synthetic_corpus(SEEDS, tmp_path / "seeds", 4)
    assert len(list((tmp_path / "seeds").iterdir())) == 4 * len(list(SEEDS.glob("*.txt")))
    result = subprocess.run([sys.executable, "-m", "cityprofile", "extract", "--seeds", str(tmp_path / "seeds"),
                             "--out", str(tmp_path / "out")], check=True, capture_output=True, text=True)
    assert "the same article as" not in result.stderr
    cities = json.loads((tmp_path / "out" / "index.json").read_text())["cities"]
    assert len(cities) == 4
    assert {"Xining", "Dalian"}.isdisjoint(c["city"] for c in cities)


def test_a_mixed_copy_keeps_its_lines_and_draws_its_paragraphs_sentences_from_the_pool():
    text = ("Menu Home News\n"
            "Ganzhou added 120 new enterprises in the first quarter, officials said on Monday. "
            "Its rare earth output rose 8 percent, to the highest level in a decade for the city.\n"
            "Share this:")
    pool = [f"Pool sentence {n}." for n in range(10)]
    lines = mix_sentences(text, pool, random.Random(1)).splitlines()
    assert lines[0] == "Menu Home News" and lines[2] == "Share this:"
    drawn = lines[1].split(". ")
    assert len(drawn) == 2 and all(sentence.rstrip(".") + "." in pool for sentence in drawn)
    assert mix_sentences(text, pool, random.Random(2)) != mix_sentences(text, pool, random.Random(1))


def test_stand_in_cities_are_fifty_distinct_prefecture_level_cities_most_populous_first():
    # Districts such as Pudong would be counted for their city, and 50 copies would build fewer cities.
    names = pick_stand_in_cities(50, exclude=["Xining", "Dalian"])
    gazetteer = load_gazetteer()
    places = [gazetteer.lookup(name) for name in names]
    prefecture_level = {gazetteer.lookup(name).name for name in load_prefecture_cities()}
    assert len(set(names)) == 50 and {"Xining", "Dalian"}.isdisjoint(names)
    assert all(place.name == name for place, name in zip(places, names))  # each name means that city
    assert set(names) <= prefecture_level
    assert not set(names) & set(gazetteer.provinces)
    assert [p.population for p in places] == sorted((p.population for p in places), reverse=True)


def test_tree_memory_counts_pages_a_forked_child_shares_once():
    script = (
        "import os, time\n"
        "block = bytearray(os.urandom(200 * 2**20))\n"
        "child = os.fork()\n"
        "if child == 0:\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(child, flush=True)\n"
        "time.sleep(60)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child = None
    try:
        child = int(process.stdout.readline())
        total = measure_tree_memory(process.pid)
    finally:
        if child:
            os.kill(child, 9)
        process.kill()
        process.wait()
    # Parent and child each map the 200 MiB; their resident sizes would sum to over 400 MiB.
    assert 200 * 2**20 < total < 300 * 2**20


def test_the_one_line_article_is_one_line_just_under_the_size_cap(tmp_path):
    path = tmp_path / "one-line" / "one-line.txt"
    write_one_line_article(SEEDS, path)
    data = path.read_bytes()
    assert ONE_LINE_BYTES * 0.99 < len(data) <= ONE_LINE_BYTES < MAX_BYTES
    assert data.count(b"\n") == 0


def test_children_cpu_counts_the_workers_a_child_waited_for():
    # As the extract command's pool workers: the busy process is the child's child.
    script = (
        "import os, time\n"
        "worker = os.fork()\n"
        "if worker == 0:\n"
        "    while time.process_time() < 0.6: pass\n"
        "    os._exit(0)\n"
        "os.waitpid(worker, 0)\n"
    )
    before = measure_children_cpu()
    subprocess.run([sys.executable, "-c", script], check=True)
    assert measure_children_cpu() - before >= 0.6


def test_the_peer_chain_is_a_makefile_of_papermill_nbconvert_and_weasyprint_per_report(tmp_path):
    import shutil

    from conftest import FIXTURES

    from cityprofile.pipeline.bench import write_peer_makefile
    from cityprofile.pipeline.jobs import plan_jobs

    out = tmp_path / "profiles"
    shutil.copytree(FIXTURES / "profiles", out)
    makefile = write_peer_makefile(out, tmp_path / "peer.mk")
    planned = subprocess.run(["make", "-n", "-f", str(makefile), "all"], capture_output=True, text=True, check=True)
    commands = planned.stdout.splitlines()
    names = [job.name for job in plan_jobs(out)]
    for tool in ("papermill", "nbconvert", "weasyprint"):
        ran = [line for line in commands if f"/{tool} " in line or f" {tool} " in line]
        assert len(ran) == len(names), (tool, commands)
    # Each report's chain runs in order: its notebook, then its HTML, then its PDF.
    for name in names:
        steps = [i for i, line in enumerate(commands) if f"{name}.ipynb" in line or f"{name}.html" in line]
        assert steps == sorted(steps) and any(f"{name}.pdf" in line for line in commands)


def test_the_bench_reads_seeds_in_any_encoding_the_build_reads(tmp_path):
    from cityprofile.pipeline.bench import add_article, edit_article

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = ("Lanzhou New Area signed 26 projects worth 31.2 billion yuan with investors from the Yangtze River "
            "Delta on Tuesday, officials of the Gansu provincial commerce department said at the fair.\n")
    (seeds / "gbk.txt").write_bytes(("兰州新区 " + text).encode("gb18030"))
    write_one_line_article(seeds, tmp_path / "one" / "line.txt")
    assert "26 projects" in (tmp_path / "one" / "line.txt").read_text(encoding="utf-8")
    added = add_article(seeds, "extra")
    assert "兰州新区" in added.read_text(encoding="utf-8")
    edit_article(seeds / "gbk.txt")
    assert "12 new companies" in (seeds / "gbk.txt").read_text(encoding="utf-8")


def test_a_chinese_paragraph_is_cut_into_its_sentences_and_a_small_pool_is_drawn_again():
    text = "新闻\n西宁市今年一季度外贸进出口总额达到十亿元，同比增长百分之十二。全市新增外贸企业三十家，其中民营企业二十家。\n分享"
    assert [len(shape) for shape in split_paragraphs(text)] == [0, 2, 0]
    lines = mix_sentences(text, ["甲句。"], random.Random(1)).splitlines()
    assert lines == ["新闻", "甲句。 甲句。", "分享"]

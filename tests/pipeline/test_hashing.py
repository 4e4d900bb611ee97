"""Hashing inputs for the cache: in blocks, large skipped files by size and time only, and what was left unread."""

import os
import shutil
import tracemalloc

from conftest import SEEDS

from cityprofile.contract.state import hash_files
from cityprofile.pipeline.build import Options, extract_stage
from cityprofile.extract.corpus import MAX_BYTES


def _sparse(path, size):
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def _peak_while(function, *arguments):
    tracemalloc.start()
    try:
        function(*arguments)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_file_under_the_cap_is_hashed_without_reading_it_whole(tmp_path):
    article = _sparse(tmp_path / "long.txt", MAX_BYTES - 1)
    assert _peak_while(hash_files, [article], MAX_BYTES) < MAX_BYTES / 4


def test_a_file_over_the_cap_is_hashed_by_size_and_time_not_read(tmp_path, monkeypatch):
    dump = _sparse(tmp_path / "dump.txt", 50 * MAX_BYTES)
    before = hash_files([dump], MAX_BYTES)
    monkeypatch.setattr(type(dump), "open", lambda *_, **__: (_ for _ in ()).throw(AssertionError("read")))
    assert hash_files([dump], MAX_BYTES) == before
    os.utime(dump, ns=(0, 10**18))
    assert hash_files([dump], MAX_BYTES) != before


def test_a_change_in_bytes_changes_the_hash(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Xining opened the fair on Monday.")
    before = hash_files([article])
    article.write_text("Xining opened the fair on Tuesday.")
    assert hash_files([article]) != before


def test_a_file_name_that_is_not_utf8_is_hashed(tmp_path):
    article = tmp_path / os.fsdecode(b"caf\xe9.txt")
    article.write_text("Xining opened the fair on Monday.")
    assert len(hash_files([article])) == 64


def test_a_file_added_to_seeds_and_left_unread_is_warned_about_on_a_cached_run(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "004_17d9ca044011c955.txt", seeds)
    out = tmp_path / "out"
    extract_stage(seeds, out, Options(report=lambda _: None, warn=lambda _: None, corrections=tmp_path / "none.csv"))
    (seeds / "photo.png").write_bytes(b"\x89PNG")
    warnings = []
    extract_stage(seeds, out, Options(report=lambda _: None, warn=warnings.append, corrections=tmp_path / "none.csv"))
    assert [w for w in warnings if "photo.png" in w] == [
        f"warning: {seeds / 'photo.png'}: not an article file (those end in .txt, .md, .text, .html, .htm, .pdf); "
        "skipped"]


def test_a_notebook_run_and_saved_in_lab_keeps_its_key_and_an_edit_changes_it(tmp_path):
    import json

    from cityprofile.pipeline.jobs import hash_notebook
    from cityprofile.contract.paths import CITY_NOTEBOOK

    copy = tmp_path / "city_profile.ipynb"
    notebook = json.loads(CITY_NOTEBOOK.read_text(encoding="utf-8"))
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    before = hash_notebook(copy)
    for number, cell in enumerate(c for c in notebook["cells"] if c["cell_type"] == "code"):
        cell["execution_count"] = number + 1
        cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["a section\n"]}]
    copy.write_text(json.dumps(notebook, indent=2), encoding="utf-8")
    assert hash_notebook(copy) == before
    notebook["cells"][-1]["source"] = ["city_report.show_sources(profile)  # an edit\n"]
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    assert hash_notebook(copy) != before


def test_each_stage_is_keyed_on_its_own_code_only(tmp_path, monkeypatch):
    import cityprofile.contract.state as state

    for name in ("extract/figures.py", "data/units.json", "report/city_report.py", "report/tables.py",
                 "pipeline/exports.py", "pipeline/jobs.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"# {name}\n")
    monkeypatch.setattr(state, "PACKAGE", tmp_path)
    before = {scope: state.code_hash(scope) for scope in state.CODE_SCOPES}

    def changed_by(name):
        (tmp_path / name).write_text((tmp_path / name).read_text() + "# edited\n")
        now = {scope: state.code_hash(scope) for scope in state.CODE_SCOPES}
        differ = {scope for scope in now if now[scope] != before[scope]}
        before.update(now)
        return differ

    assert changed_by("report/city_report.py") == {"package"}  # a report's code extracts nothing again
    assert changed_by("report/tables.py") == {"exports", "package"}
    assert changed_by("data/units.json") == {"extract", "package"}
    assert changed_by("pipeline/jobs.py") == {"package"}

"""``cityprofile watch``: a build now, then one per change to the articles or corrections, from one warm process."""

import json
import shutil
import signal
import subprocess
import sys

from conftest import SEEDS

from cityprofile.contract.errors import NothingToBuild
from cityprofile.pipeline.bench import read_until_waiting
from cityprofile.pipeline.watch import watch


def _script(*steps):
    """A stand-in for time.sleep that makes one change to the folder per call, then stops the watch as Ctrl-C does."""
    steps = iter(steps)

    def sleep(seconds):
        step = next(steps, None)
        if step is None:
            raise KeyboardInterrupt
        step()

    return sleep


def _watch(seeds, corrections, run, sleep):
    lines, warnings = [], []
    status = watch(seeds, corrections, run, 1.0, report=lines.append, warn=warnings.append, sleep=sleep)
    return status, lines, warnings


def test_a_change_is_built_once_it_has_held_still(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("one")
    builds = []
    sleep = _script(
        lambda: None,
        lambda: (seeds / "b.txt").write_text("two"),  # an article arrives...
        lambda: (seeds / "b.txt").write_text("two, and more of it"),  # ...and is still being copied
        lambda: None,  # it has held still: one build, with the whole file
        lambda: None,
    )
    status, lines, warnings = _watch(seeds, tmp_path / "corrections.csv",
                                     lambda: builds.append(sorted(p.name for p in seeds.iterdir())) or 0, sleep)
    assert status == 0 and warnings == []
    assert builds == [["a.txt"], ["a.txt", "b.txt"]]
    assert lines == [f"watch: waiting for changes to {seeds} (Ctrl-C to stop)"] * 2 + ["watch: stopped"]


def test_a_failed_build_is_reported_and_an_edit_to_the_corrections_builds_again(tmp_path):
    seeds, corrections = tmp_path / "seeds", tmp_path / "corrections.csv"
    seeds.mkdir()
    outcomes = iter([NothingToBuild(f"{seeds}: no article could be attributed to a city"), 0])

    def run():
        outcome = next(outcomes)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    sleep = _script(lambda: corrections.write_text("article,field,value\n"), lambda: None)
    status, _, warnings = _watch(seeds, corrections, run, sleep)
    assert status == 0
    assert warnings == [f"error: {seeds}: no article could be attributed to a city",
                        "watch: that build failed (exit status 1); the next change builds again"]
    assert next(outcomes, "both ran") == "both ran"


def test_a_bug_in_one_build_is_reported_with_its_traceback_and_the_watch_goes_on(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    outcomes = iter([KeyError("slug"), 0])

    def run():
        outcome = next(outcomes)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    sleep = _script(lambda: (seeds / "a.txt").write_text("one"), lambda: None)
    status, lines, warnings = _watch(seeds, tmp_path / "corrections.csv", run, sleep)
    assert status == 0 and len(lines) == 3
    assert warnings[0].startswith("Traceback") and warnings[0].endswith("KeyError: 'slug'")
    assert warnings[1:] == ["watch: that build failed (exit status 1); the next change builds again"]


def test_what_the_build_does_not_read_does_not_start_one(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "profiles").mkdir(parents=True)
    builds = []
    sleep = _script(
        lambda: (seeds / ".a.txt.swp").write_text("an editor's swap file"),
        lambda: None,
        lambda: (seeds / "profiles" / "index.json").write_text("{}"),  # output kept inside the seeds folder
        lambda: None,
    )
    _watch(seeds, tmp_path / "corrections.csv", lambda: builds.append("built") or 0, sleep)
    assert builds == ["built"]


def test_the_command_builds_an_added_article_and_stops_on_ctrl_c(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "profiles"
    seeds.mkdir()
    first, second = sorted(SEEDS.glob("*.txt"))[:2]
    shutil.copy(first, seeds)
    command = [sys.executable, "-m", "cityprofile", "watch", "--seeds", str(seeds), "--out", str(out),
               "--interval", "0.2", "--jobs", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert "1 article extracted" in read_until_waiting(process)
        shutil.copy(second, seeds)
        rebuilt = read_until_waiting(process)
        assert "(1 article extracted, 1 unchanged from the last build)" in rebuilt
        index = json.loads((out / "index.json").read_text(encoding="utf-8"))
        assert sum(entry["articles"] for entry in index["cities"]) == 2
        process.send_signal(signal.SIGINT)
        assert process.stdout.read() == "watch: stopped\n"
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        process.wait()

"""What the command line says about odd files in SEEDS: one escaped line each, and the rest is extracted."""

import ast
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import SEEDS


def test_odd_names_and_entries_are_warned_about_escaped_and_the_articles_are_extracted(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    stem = "004_17d9ca044011c955"
    odd = os.fsencode(seeds) + b"/" + b"\xe9t\xe9 \x1b[2K" + stem.encode() + b".txt"  # Latin-1 bytes, erase-line
    shutil.copy(SEEDS / f"{stem}.txt", odd)
    (seeds / "notes.txt").mkdir()
    (seeds / "gone.txt").symlink_to("nowhere.txt")
    os.mkfifo(seeds / "pipe.md")
    result = subprocess.run([sys.executable, "-m", "cityprofile", "extract", "--seeds", str(seeds),
                             "--out", str(tmp_path / "out")], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.decode("utf-8").splitlines()
    assert len(lines) == 3 and all(line.startswith("warning: ") for line in lines)
    assert "\x1b" not in result.stdout.decode() + result.stderr.decode()
    profile = json.loads((tmp_path / "out" / "dalian" / "profile.json").read_text(encoding="utf-8"))
    assert profile["articles"][0]["id"] == f"\\xe9t\\xe9 \\x1b[2K{stem}"


def test_strict_extract_fails_on_a_file_it_could_not_read(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "004_17d9ca044011c955.txt", seeds)
    (seeds / "loop.txt").symlink_to("loop.txt")
    result = subprocess.run([sys.executable, "-m", "cityprofile", "extract", "--strict", "--seeds", str(seeds),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"warning: {seeds / 'loop.txt'}: a link that loops; skipped"]


def test_a_seeds_folder_that_is_its_own_output_folder_reads_its_articles_not_its_outputs(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "004_17d9ca044011c955.txt", seeds)
    command = [sys.executable, "-m", "cityprofile", "extract", "--strict", "--seeds", str(seeds), "--out", str(seeds)]
    refused = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "holds files cityprofile did not make" in refused.stderr
    first = subprocess.run([*command, "--force-out"], capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    (seeds / "my-notes").mkdir()  # a folder of the user's own is still named
    again = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert again.returncode == 1
    assert again.stderr.splitlines() == [f"warning: {seeds / 'my-notes'}: a folder (folders inside the seeds folder "
                                         "are not read); skipped"]
    (seeds / "my-notes").rmdir()
    assert subprocess.run(command, capture_output=True, text=True, timeout=120).returncode == 0


def test_help_is_plain_text_and_version_is_given(capsys):
    from cityprofile import __version__
    from cityprofile.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"cityprofile {__version__}\n"
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "``" not in text and "clean" in text


def test_the_corrections_beside_a_seeds_folder_are_its_own(tmp_path):
    corpus = tmp_path / "desk"
    shutil.copytree(SEEDS, corpus / "seeds")
    dalian = "004_17d9ca044011c955"
    (corpus / "corrections.csv").write_text(f"article,text,action,value,note\n{dalian},over 200,drop,,\n")
    env = {k: v for k, v in os.environ.items() if k != "CITYPROFILE_CORRECTIONS"}
    out = tmp_path / "profiles"
    result = subprocess.run([sys.executable, "-m", "cityprofile", "extract", "--seeds", str(corpus / "seeds"),
                             "--out", str(out), "--jobs", "1", "--strict"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert f"corrections: 1 of 1 row applied from {corpus / 'corrections.csv'}" in result.stdout
    profile = json.loads((out / "dalian" / "profile.json").read_text(encoding="utf-8"))
    assert [c["action"] for c in profile["corrections"]] == ["drop"]
    # Another folder has no corrections beside it: it inherits none.
    other = tmp_path / "other"
    shutil.copytree(SEEDS, other / "seeds")
    result = subprocess.run([sys.executable, "-m", "cityprofile", "extract", "--seeds", str(other / "seeds"),
                             "--out", str(tmp_path / "other-profiles"), "--jobs", "1", "--strict"],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0 and "corrections:" not in result.stdout, result.stderr


@pytest.mark.parametrize("files, status, message", [
    # No article names a city: a build's input problem, exit status 1.
    ({"note.txt": "Minutes of the residents' committee meeting, read and approved.\n"}, 1,
     "no article could be attributed to a city; nothing to build"),
    # No article file at all: the seeds folder is unusable, exit status 2.
    ({}, 2, "no article files"),
])
def test_an_input_problem_is_one_error_line_with_its_exit_status(tmp_path, files, status, message):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in files.items():
        (seeds / name).write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "cityprofile", "extract", "--seeds", str(seeds),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert result.returncode == status
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and message in errors[0] and "Traceback" not in result.stderr


def test_only_the_command_line_ends_the_process():
    """Library code raises cityprofile's own errors, which a notebook cell or `watch` can catch: no SystemExit or
    sys.exit outside cli.py, read from each module's syntax tree."""
    from conftest import ROOT

    package = ROOT / "src" / "cityprofile"
    ending = []
    for path in package.rglob("*.py"):
        if path.name == "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.func if isinstance(node, ast.Call) else node.exc if isinstance(node, ast.Raise) else None
            if isinstance(name, ast.Call):
                name = name.func
            spelled = ast.unparse(name) if name is not None else ""
            if spelled in ("SystemExit", "sys.exit", "exit"):
                ending.append(f"{path.relative_to(package)}:{node.lineno}: {spelled}")
    assert ending == []


@pytest.mark.parametrize("command", ["execute", "render"])
def test_force_is_offered_only_where_a_cache_can_be_skipped(command, capsys):
    """execute and render always run every report: a --force they would ignore is refused, not taken silently."""
    from cityprofile.cli import main

    with pytest.raises(SystemExit) as done:
        main([command, "--force"])
    assert done.value.code == 2 and "unrecognized arguments: --force" in capsys.readouterr().err

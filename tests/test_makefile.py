"""The Makefile hands SEEDS, PROFILES and JOBS to the build as they are, and to the shell never."""

import json
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

RECORD = "import json, sys\njson.dump(sys.argv[1:], open('argv.json', 'w'))\n"


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_paths_with_spaces_quotes_and_shell_syntax_reach_the_build_as_written(tmp_path):
    # PY stands in for the venv's python: it writes down the arguments it was given.
    (tmp_path / "record.py").write_text(RECORD)
    seeds, profiles = "my articles/it's here", "o; touch x"
    command = ["make", "-f", str(ROOT / "Makefile"), "reports", f"PY={sys.executable} record.py",
               f"SEEDS={seeds}", f"PROFILES={profiles}", "JOBS=2",
               # as if set up already: this test is about the command line only
               "-o", ".venv/.installed", "-o", ".venv/.system-deps"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "argv.json").read_text()) == [
        "-m", "cityprofile", "build", "--seeds", seeds, "--out", profiles, "--jobs", "2"]
    assert not (tmp_path / "x").exists()


def test_a_folder_given_as_tilde_is_the_home_folder(tmp_path, monkeypatch):
    from cityprofile.cli import _parser

    monkeypatch.setenv("HOME", str(tmp_path))
    args = _parser().parse_args(["build", "--seeds", "~/my articles", "--out", "~/out"])
    assert (args.seeds, args.out) == (tmp_path / "my articles", tmp_path / "out")


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("profiles", [".", "$(HOME)", str(ROOT)])
def test_make_clean_refuses_a_folder_no_build_made(tmp_path, monkeypatch, profiles):
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.txt").write_text("years of work")
    (tmp_path / "notes.txt").write_text("mine")
    monkeypatch.setenv("HOME", str(home))
    command = ["make", "-f", str(ROOT / "Makefile"), "clean", f"PY={sys.executable}", f"PROFILES={profiles}",
               f"VENV={tmp_path / 'venv'}"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0
    assert "nothing deleted" in result.stderr or "is not an output folder" in result.stderr
    assert (home / "thesis.txt").exists() and (tmp_path / "notes.txt").exists() and (ROOT / "README.md").exists()

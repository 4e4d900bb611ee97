"""The Makefile hands SEEDS, PROFILES and JOBS to the build as they are, and to the shell never."""

import json
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, make_variable

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


@pytest.mark.skipif(shutil.which("make") is None or shutil.which("git") is None, reason="needs make and git")
def test_report_notebooks_run_and_saved_as_jupyterlab_does_leave_git_status_clean(tmp_path):
    import nbformat
    from jupyter_server.services.contents.filemanager import FileContentsManager

    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    for name in (".gitattributes", ".gitignore"):
        shutil.copy(ROOT / name, tmp_path)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    scratch = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    (tmp_path / "notebooks" / "scratch.ipynb").write_text(nbformat.writes(scratch))
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "as committed"], cwd=tmp_path, check=True)
    (tmp_path / ".venv").mkdir()
    made = subprocess.run(["make", "-f", str(ROOT / "Makefile"), ".venv/.nbstripout", f"PY={sys.executable}",
                           "-o", ".venv/.installed"], cwd=tmp_path, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    hook = make_variable("LAB_HOOK").removeprefix("--ContentsManager.pre_save_hook=")
    lab = FileContentsManager(root_dir=str(tmp_path / "notebooks"), pre_save_hook=hook)
    for name in ("city_profile.ipynb", "comparison.ipynb", "scratch.ipynb"):  # Run All, then save
        notebook = lab.get(name)["content"]
        if name == "comparison.ipynb":  # an edit of its code
            notebook.cells.append(nbformat.v4.new_code_cell("cities"))
        for number, cell in enumerate(c for c in notebook.cells if c.cell_type == "code"):
            cell.execution_count = number + 1
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="Xining (Qinghai): 4 articles\n")]
            cell.metadata["execution"] = {"iopub.status.idle": "2026-12-07T08:00:00.000Z"}
        notebook.metadata["language_info"] = {"name": "python", "version": "3.11.7", "mimetype": "text/x-python",
                                              "file_extension": ".py", "pygments_lexer": "ipython3"}
        lab.save({"type": "notebook", "format": "json", "content": notebook}, name)
    status = subprocess.run(["git", "status", "--porcelain", "notebooks"], cwd=tmp_path, capture_output=True,
                            text=True, check=True)
    # A report notebook shows its code edits only; a scratch notebook beside them is saved with its outputs.
    assert sorted(status.stdout.splitlines()) == [" M notebooks/comparison.ipynb", " M notebooks/scratch.ipynb"]
    diff = subprocess.run(["git", "diff", "--numstat", "notebooks/comparison.ipynb"], cwd=tmp_path,
                          capture_output=True, text=True, check=True)
    assert diff.stdout.split()[:2] == ["10", "0"]  # the cell, and nothing of its output
    assert "Xining (Qinghai)" in (tmp_path / "notebooks" / "scratch.ipynb").read_text()


"""The nbconvert exporters warn about a notebook that would make an empty or wrong report."""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

from cityprofile.pipeline.renderers import drop_repeated_styles, find_report_problems

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_a_committed_notebook_is_unexecuted_and_its_contents_match_its_sections(path):
    problems = find_report_problems(nbformat.read(path, as_version=4))
    assert len(problems) == 1 and "has not been executed" in problems[0]


def test_a_contents_cell_missing_a_section_is_reported():
    nb = nbformat.read(ROOT / "notebooks" / "city_profile.ipynb", as_version=4)
    contents = next(cell for cell in nb.cells if "toc" in cell.metadata.get("tags", []))
    contents.source = "\n".join(line for line in contents.source.splitlines() if "(#Timeline)" not in line)
    problems = find_report_problems(nb)
    assert any("Contents cell does not link the sections" in p and "Timeline" in p for p in problems), problems


def test_rendering_an_unexecuted_notebook_warns_and_writes_beside_it_under_its_own_name(tmp_path):
    notebook = tmp_path / "city_profile.ipynb"
    notebook.write_bytes((ROOT / "notebooks" / "city_profile.ipynb").read_bytes())
    result = subprocess.run([str(Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "cityprofile_html",
                             str(notebook)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "city_profile: no code cell has any output: the notebook has not been executed" in result.stderr
    assert (tmp_path / "city_profile.nbconvert.html").is_file()
    assert not (tmp_path / "city_profile.html").exists()


def test_a_stylesheet_repeated_by_every_output_is_kept_once_where_it_first_appears():
    markup = "<style>a{}</style><p>1</p><style>b{}</style><style>a{}</style><p>2</p><style>a{}</style>"
    assert drop_repeated_styles(markup) == "<style>a{}</style><p>1</p><style>b{}</style><p>2</p>"

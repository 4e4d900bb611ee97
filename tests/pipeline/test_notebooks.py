"""The notebooks run top to bottom with their default parameters, as when opened in JupyterLab."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, SEEDS


@pytest.mark.parametrize("name, heading", [("city_profile", "Xining"), ("comparison", "City comparison: Xining and Dalian")])
def test_a_notebook_runs_with_its_defaults_on_a_fresh_clone(tmp_path, name, heading):
    # A fresh clone: articles in seeds/, no profiles/ yet.
    root = tmp_path / "clone"
    shutil.copytree(SEEDS, root / "seeds")
    (root / "profiles").mkdir()
    executed = tmp_path / f"{name}.ipynb"
    jupyter = Path(sys.executable).parent / "jupyter"
    result = subprocess.run(
        [str(jupyter), "nbconvert", "--to", "notebook", "--execute", str(ROOT / "notebooks" / f"{name}.ipynb"),
         "--output", str(executed)],
        capture_output=True, text=True, env={**os.environ, "CITYPROFILE_ROOT": str(root)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outputs = [o for cell in nbformat.read(executed, as_version=4).cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any(f"<h1>{heading}</h1>" in o.get("data", {}).get("text/html", "") for o in outputs)
    assert (root / "profiles" / "index.json").is_file()

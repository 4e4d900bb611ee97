"""Output folders whose names papermill would read as format strings."""

from pathlib import Path

import pytest
from papermill.parameterize import parameterize_path

from cityprofile.pipeline.reports import _as_written


@pytest.mark.parametrize("folder", ["/tmp/out {2024}", "/tmp/{HOME}/profiles", "/tmp/a}b{c", "/tmp/plain"])
def test_a_folder_name_with_braces_reaches_papermill_as_written(folder):
    path = Path(folder) / "xining" / ".xining.running.ipynb"
    assert parameterize_path(_as_written(path), {"city": "xining", "profiles_dir": folder}) == str(path)

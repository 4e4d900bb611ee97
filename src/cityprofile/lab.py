"""What JupyterLab saves of the report notebooks: their code and narrative, as committed.

``make lab`` starts JupyterLab with :func:`strip_before_save` as its contents
manager's pre-save hook. A session's outputs, execution counts and kernel
metadata then stay in the browser and never reach the file, so ``git status``
stays clean after Run All and save. git's own filter (nbstripout, set up by
``make lab``) strips the same on the way into a commit, but ``git status``
lists a file whose size changed without running the filter.
"""

from __future__ import annotations

from pathlib import Path

from .contract.paths import CITY_NOTEBOOK, COMPARISON_NOTEBOOK

# nbstripout's command line strips these besides outputs and counts; the Makefile's filter adds language_info.
RUN_METADATA = ["metadata.signature", "metadata.widgets", "metadata.language_info", "cell.metadata.collapsed",
                "cell.metadata.ExecuteTime", "cell.metadata.execution", "cell.metadata.heading_collapsed",
                "cell.metadata.hidden", "cell.metadata.scrolled"]
_REPORT_NOTEBOOKS = {CITY_NOTEBOOK.name, COMPARISON_NOTEBOOK.name}


def strip_before_save(model: dict, path: str, **_) -> None:
    """Strip a report notebook's outputs, execution counts and run metadata as Jupyter saves it.

    The signature is Jupyter's pre-save hook's. Other notebooks (a scratch notebook beside
    them) are saved whole.
    """
    if model.get("type") != "notebook" or Path(path).name not in _REPORT_NOTEBOOKS:
        return
    import nbformat
    from nbstripout import strip_output

    notebook = nbformat.from_dict(model["content"])
    model["content"] = strip_output(notebook, keep_output=False, keep_count=False, keep_id=True,
                                    extra_keys=RUN_METADATA)

"""Where things live: every default path, anchored at the project root.

The root is the folder holding ``pyproject.toml`` above this package (an
editable install), or ``CITYPROFILE_ROOT`` when set, so no code depends on the
directory a process happens to run in.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
DATA = PACKAGE / "data"
TEMPLATES = PACKAGE / "templates"
# The look of the report sections, which every section's output carries with it.
SECTION_STYLES = PACKAGE / "report" / "sections.css"


def _find_root() -> Path:
    if os.environ.get("CITYPROFILE_ROOT"):
        return Path(os.environ["CITYPROFILE_ROOT"]).resolve()
    for parent in PACKAGE.parents:
        if (parent / "pyproject.toml").is_file():
            return parent
    return Path.cwd()


ROOT = _find_root()
SEEDS = ROOT / "seeds"


def corrections_for(seeds: Path) -> Path:
    """Return the corrections file of a seeds folder: ``corrections.csv`` beside it (the project's own for its
    ``seeds/``), so that another corpus does not inherit them; ``CITYPROFILE_CORRECTIONS`` when set."""
    override = os.environ.get("CITYPROFILE_CORRECTIONS")
    return Path(override) if override else seeds.resolve().parent / "corrections.csv"


# An analyst's fixes to the extraction of the project's seeds, kept across rebuilds.
CORRECTIONS = corrections_for(SEEDS)
PROFILES = ROOT / "profiles"
NOTEBOOKS = ROOT / "notebooks"
CITY_NOTEBOOK = NOTEBOOKS / "city_profile.ipynb"
COMPARISON_NOTEBOOK = NOTEBOOKS / "comparison.ipynb"

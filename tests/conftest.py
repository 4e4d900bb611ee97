"""Shared paths for the tests."""

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
FIXTURES = TESTS / "fixtures"


@pytest.fixture
def seed_text():
    """Return the text of a seed article by file stem."""
    return lambda stem: (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")

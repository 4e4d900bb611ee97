"""Shared paths and article loading for the tests."""

import os
from functools import cache
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
FIXTURES = TESTS / "fixtures"
# Set before cityprofile is imported, and passed to every build the tests start: the tests
# must not read the corrections an analyst keeps in the project's corrections.csv.
os.environ["CITYPROFILE_CORRECTIONS"] = str(FIXTURES / "no_corrections.csv")

from cityprofile.contract.records import Article  # noqa: E402
from cityprofile.extract.clean import parse_article  # noqa: E402


@cache
def load_article(stem: str) -> Article:
    """Return a seed or fixture article, cleaned and split by the real pipeline.

    Gold tests measure extraction on these sentences, so they score what a
    user gets, page furniture removal and sentence splitting included.
    """
    path = SEEDS / f"{stem}.txt" if (SEEDS / f"{stem}.txt").exists() else FIXTURES / f"{stem}.txt"
    return parse_article(stem, path.read_text(encoding="utf-8"))


def body_sentences(stem: str) -> list[str]:
    """Return the body sentences of a seed or fixture article."""
    return load_article(stem).sentences


def title_and_body(stem: str) -> list[str]:
    """Return an article's title followed by its body sentences."""
    article = load_article(stem)
    return [article.title, *article.sentences]

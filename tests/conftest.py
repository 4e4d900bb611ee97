"""Shared paths and article loading for the tests."""

import os
import subprocess
from functools import cache
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
FIXTURES = TESTS / "fixtures"
# Set before cityprofile is imported, and passed to every build the tests start: the tests
# must not read the corrections an analyst keeps in the project's corrections.csv.
os.environ["CITYPROFILE_CORRECTIONS"] = str(FIXTURES / "no_corrections.csv")

from pdfminer.pdfdocument import PDFDocument  # noqa: E402
from pdfminer.pdfpage import PDFPage  # noqa: E402
from pdfminer.pdfparser import PDFParser  # noqa: E402
from pdfminer.pdftypes import resolve1  # noqa: E402

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


def read_pdf_links(pdf: Path) -> tuple[list[str], list[str], set[str]]:
    """Return a PDF's link annotations: the URIs they open and the named destinations they go to,
    and which of those destinations the PDF holds."""
    uris, destinations, held = [], [], set()
    with pdf.open("rb") as file:
        document = PDFDocument(PDFParser(file))
        for page in PDFPage.create_pages(document):
            for annotation in map(resolve1, resolve1(page.annots) or []):
                action = resolve1(annotation.get("A")) or {}
                if action.get("URI"):
                    uris.append(resolve1(action["URI"]).decode())
                if annotation.get("Dest"):
                    destinations.append(resolve1(annotation["Dest"]).decode())
        for name in set(destinations):
            try:
                document.get_dest(name.encode())
            except KeyError:
                continue  # a link to a destination the PDF lacks
            held.add(name)
    return uris, destinations, held


def make_variable(name: str) -> str:
    """Return a variable of the project's Makefile as make expands it."""
    printed = subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), "-f", "-", "print"],
                             input=f"print:\n\t@echo '$({name})'\n", capture_output=True, text=True, check=True)
    return printed.stdout.strip()

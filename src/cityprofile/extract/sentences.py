"""Splitting article text into sentences, and long ";" chains into clauses."""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib.resources import files

_DATA = files("cityprofile") / "data"
# A full stop, ! or ? (with any closing quotes or brackets) and a space, or a
# Chinese full stop, which needs no space; then what can open a sentence: a
# capital, a digit, a Chinese character or an opening quote, or a markup tag
# that a scrape left in the text.
_BOUNDARY = re.compile(r"(?:[.!?][\"'”’)\]]*\s+|[。！？][\"'”’)\]]*\s*)(?=[\"“‘(]?[A-Z0-9\u4e00-\u9fff]|</?[A-Za-z])")
_LAST_TOKEN = re.compile(r"[\"“‘(]?(\S+)$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_CLAUSE = re.compile(r";\s+")


@cache
def _abbreviations() -> dict[str, str]:
    lines = (_DATA / "abbreviations.csv").read_text(encoding="utf-8").splitlines()
    return {row["abbreviation"]: row["kind"] for row in csv.DictReader(l for l in lines if not l.startswith("#"))}


@cache
def _openers() -> frozenset[str]:
    lines = (_DATA / "sentence_openers.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _ends_sentence(before: str, after: str) -> bool:
    """Whether the full stop closing ``before`` ends a sentence, given the text ``after`` it."""
    token = _LAST_TOKEN.search(before)
    word = token.group(1) if token else ""
    kind = _abbreviations().get(word)
    if kind == "inner" or _INITIAL.match(word):
        return False
    if kind == "final":
        next_word = re.match(r"[\"“‘(]?([A-Za-z]+)", after)
        return bool(next_word) and next_word.group(1) in _openers()
    return True


def _split_line(line: str) -> list[str]:
    sentences, start = [], 0
    for boundary in _BOUNDARY.finditer(line):
        head = line[start:boundary.end()].rstrip()
        if _ends_sentence(head.rstrip("\"'”’)]"), line[boundary.end():]):
            sentences.append(head)
            start = boundary.end()
    sentences.append(line[start:].strip())
    return sentences


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text``, clauses of ";" chains apart, whitespace normalised.

    A line break always ends a sentence: cleaned articles keep one paragraph per line.
    """
    found = []
    for line in text.splitlines():
        line = " ".join(line.split())
        for sentence in _split_line(line) if line else []:
            found.extend(clause.strip() for clause in _CLAUSE.split(sentence) if clause.strip())
    return found

"""Splitting article text into sentences, and long ";" chains into clauses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from itertools import islice

from ..contract.datafiles import read_table

_DATA = files("cityprofile") / "data"
# A full stop, ! or ? (with any closing quotes or brackets) and a space, or a
# Chinese full stop, which needs no space; then what can open a sentence: a
# capital, a digit, a Chinese character or an opening quote, or a markup tag
# that a scrape left in the text.
_BOUNDARY = re.compile(r"(?:[.!?][\"'”’)\]]*\s+|[。！？][\"'”’)\]]*\s*)(?=[\"“‘(]?[A-Z0-9\u4e00-\u9fff]|</?[A-Za-z])")
_LAST_TOKEN = re.compile(r"[\"“‘(]?(\S+)$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_CLAUSE = re.compile(r";\s+")
# Length caps keep time and memory bounded whatever a file holds; the longest
# real sentences run to about 1,100 characters and words to about 25.
MAX_SENTENCE_CHARS = 2_000
MAX_WORD_CHARS = 60  # a word longer than a report line would push tables off the page
CUT = "[…]"  # marks where text was cut, as editors mark an elision
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
_LOOKAHEAD = 100  # characters after a full stop that can tell whether it ends a sentence


@cache
def _abbreviations() -> dict[str, str]:
    return {row["abbreviation"]: row["kind"] for row in read_table("abbreviations.csv")}


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


def _split_line(line: str) -> Iterator[str]:
    start = 0
    for boundary in _BOUNDARY.finditer(line):
        head = line[start:boundary.end()].rstrip()
        # Only the next word matters: slicing the rest of the line would copy a one-line page once per sentence.
        if _ends_sentence(head.rstrip("\"'”’)]"), line[boundary.end():boundary.end() + _LOOKAHEAD]):
            yield head
            start = boundary.end()
    yield line[start:].strip()


def elide_long_words(text: str) -> str:
    """Return text with whitespace normalised and each word longer than a line cut, marked with ``[…]``."""
    return _LONG_WORD.sub(lambda word: word.group()[:MAX_WORD_CHARS] + CUT, " ".join(text.split()))


def split_overlong(sentence: str, separators: str = " ") -> list[str]:
    """Return a sentence as pieces of at most MAX_SENTENCE_CHARS, each cut marked ``[…]``.

    A piece ends after the last of ``separators`` that fits: a space between English words, a
    comma between Chinese clauses.
    """
    pieces = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        fits = MAX_SENTENCE_CHARS - len(CUT) - 1
        cut = max(sentence.rfind(separator, 0, fits) for separator in separators) + 1
        cut = cut if cut > 1 else fits
        pieces.append(f"{sentence[:cut].rstrip()} {CUT}")
        sentence = sentence[cut:].lstrip()
    return pieces + [sentence]


def _sentences(text: str) -> Iterator[str]:
    for line in text.splitlines():
        line = elide_long_words(line)
        for sentence in _split_line(line) if line else ():
            for clause in _CLAUSE.split(sentence):
                yield from split_overlong(clause.strip()) if clause.strip() else ()


def split_sentences(text: str, limit: int | None = None) -> list[str]:
    """Return the sentences of ``text``, clauses of ";" chains apart, whitespace normalised, long ones cut.

    A line break always ends a sentence: cleaned articles keep one paragraph per line.
    With a ``limit``, only the first sentences are split off, and the rest of a huge page is not read.
    """
    return list(islice(_sentences(text), limit))

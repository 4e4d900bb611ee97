"""Words of a sentence with their part of speech and offsets, as the word-order label rules read them.

The tags are spaCy's (nlp.py), through clauses.py, which tags sentences for events too. labels.py reads a few
constructions from the order of these words, where it is surer than a parse of a long list ("afforestation of
13,333 hectares and water environment restoration of 8,000 hectares"); measures.py reads the parse itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clauses import tag_words as clause_words


@dataclass(frozen=True)
class Word:
    """A word of a sentence, where it is, and its Penn Treebank tag."""

    text: str
    start: int
    end: int
    tag: str

    @property
    def low(self) -> str:
        """The word in lower case."""
        return self.text.lower()

    def is_noun(self) -> bool:
        """True for a common or proper noun, "R&D" and "5G" included."""
        return self.tag.startswith("NN") and any(c.isalpha() for c in self.text)

    def is_modifier(self) -> bool:
        """True for a word that may stand before a noun inside its phrase: "industrial", "added", "operating"."""
        return self.is_noun() or self.tag.startswith(("JJ", "VBG", "VBN", "VBD")) and self.text[0].isalpha()

    def is_participle(self) -> bool:
        """True for a past tense or participle: "signed", "added"."""
        return self.tag in ("VBD", "VBN")

    def is_number(self) -> bool:
        """True for a number or a year: "2022", "8.1", "five"."""
        return self.tag == "CD"


def tag_words(sentence: str) -> tuple[Word, ...]:
    """Return the words of ``sentence`` with their offsets and part-of-speech tags (clauses.py tags them).

    spaCy splits hyphenated words; a word whose parts are joined by hyphens is one word again, tagged as its
    last part ("newly-signed" VBN, "billion-yuan-level" NN), unless it starts with a number ("1,200-mu");
    so is a name of digits and capitals ("5G").
    """
    words: list[Word] = []
    for token in clause_words(sentence):
        glued = bool(words) and words[-1].end == token.start
        if glued and words[-1].text.isdigit() and token.word[:1].isupper():
            # "5G", "3D": a name, not a number
            words.append(Word(sentence[words[-1].start:token.end], words.pop().start, token.end, "NN"))
            continue
        if glued and words[-1].text[:1].isalpha() and (
                token.word == "-" or words[-1].text.endswith("-") and token.word[:1].isalpha()):
            joined = words.pop()
            tag = joined.tag if token.word == "-" else token.tag
            words.append(Word(sentence[joined.start:token.end], joined.start, token.end, tag))
            continue
        words.append(Word(token.word, token.start, token.end, token.tag))
    return tuple(words)


def word_at(words: tuple[Word, ...], offset: int) -> int:
    """Return the index of the first word that ends after ``offset`` (``len(words)`` if none)."""
    return next((i for i, w in enumerate(words) if w.end > offset), len(words))

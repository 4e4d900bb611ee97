"""Words of a sentence with their part of speech and offsets, as figure labels read them.

The tags are TextBlob's (the bundled Brill-style tagger of pattern.en, MIT licence, no corpus download), through
clauses.py, which tags sentences for events too. Chosen after measuring on the 78 sentences of the dev articles
that hold a figure: it tags a sentence in about 0.5 ms (plus 0.6 s once to load its lexicon and 1.2 s to import
nltk with textblob), while Debian's Link Grammar took 135 ms a sentence and found a complete linkage for only
36 of the 78 (page noise, lists and Chinese-English phrasing defeat a full parser). A tagger plus the few
noun-phrase patterns of labels.py labels 0.96 of the dev gold figures.
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

    TextBlob's tokenizer splits at apostrophes; they are joined back: "Xi'an" is one name, "'s" one word.
    """
    tokens = clause_words(sentence)
    words: list[Word] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        glued = (token.word in ("'", "’") and words and following is not None
                 and words[-1].end == token.start == following.start - 1)
        if glued and following.word.lower() == "s":
            words.append(Word(sentence[token.start:following.end], token.start, following.end, "POS"))
            k += 2
            continue
        if glued:
            name = words.pop()
            words.append(Word(sentence[name.start:following.end], name.start, following.end, name.tag))
            k += 2
            continue
        words.append(Word(token.word, token.start, token.end, token.tag))
        k += 1
    return tuple(words)


def word_at(words: tuple[Word, ...], offset: int) -> int:
    """Return the index of the first word that ends after ``offset`` (``len(words)`` if none)."""
    return next((i for i, w in enumerate(words) if w.end > offset), len(words))

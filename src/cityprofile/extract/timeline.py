"""Turn an article's dated statements into timeline events.

Each event is the clause holding a date, shortened to what happened: the date
and the words leading into it are cut out, then appositives, subordinate
clauses and attributions ("Xie said", "according to ...") are dropped, and
what is left is cut at a word boundary. A clause gets one event (clauses joined
by "and" that each hold a date are two); when it holds a range ("between
Jan. 1 and Nov. 17") the event is dated by its end.
Vocabulary lives in data/dates.json.
"""

from __future__ import annotations

import re

from ..contract.records import DateMention, Event
from .dates import build_alternation, find_context_year, find_dates, load_vocabulary, strip_stamps

_VOCAB = load_vocabulary()
# Each date found becomes one private-use character, so clause splitting can
# neither break a date ("July 23, 2020") nor lose track of where it was.
_MARK = 0xE000
_MARKS = re.compile("[\ue000-\ue0ff]")


def _words(key: str) -> str:
    return build_alternation(_VOCAB[key])


# Not the comma of a number ("3,073").
_CLAUSE_BREAK = re.compile(r",(?!\d{3}\b)|;|:\s|\s[-\u2013\u2014]{1,2}\s|\(|\)")
_LEAD_IN = re.compile(rf"(?:\b(?:{_words('lead_words')})\s+)+$", re.IGNORECASE)
# "the" goes only before a name or number: "the 5th Forum", not "the number of".
_PREPOSITIONS = build_alternation(w for w in _VOCAB["lead_words"] if w != "the")
_LEADING = re.compile(rf"^(?i:(?:{_PREPOSITIONS})\s+)*(?:[Tt]he\s+(?=[A-Z\d]))?")
# A participle opens an aside ("marking ..."); a name ending in -ing ("Nanjing") does not.
_SUBORDINATE = re.compile(rf"^(?:(?i:{_words('event_subordinate_leads')})|[a-z]+ing)\b")
# ", a record high" is an aside, but not the main clause after an opening date ("In March, a park opened").
_TRAILING_APPOSITIVE = re.compile(rf"^(?:{_words('trailing_appositive_leads')})\b")
# An undated parenthesis ("5.2 billion yuan ($713 million)") stays inside its clause: its
# brackets are swapped for stand-ins the clause split ignores, and swapped back in the event.
_UNDATED_PARENTHESIS = re.compile(r"\(([^()\ue000-\ue0ff]*)\)")
_BRACKETS = str.maketrans("\ue100\ue101", "()")
_AND = re.compile(r"\s+and\s+")
_MIN_COORDINATED_WORDS = 3
_APPOSITIVE = re.compile(rf"^(?:(?:{_words('appositive_leads')})\b|[A-Z][\w-]*['\u2019]s\b)")
_RELATIVE = re.compile(rf"^(?:{_words('relative_pronouns')})\s+", re.IGNORECASE)
_ENDS_IN_NAME = re.compile(r"\b[A-Z][\w'\u2019-]*$")
_VERBS = _words("attribution_verbs")
_ATTRIBUTION = re.compile(rf"^(?:(?:{_VERBS})\b|(?:\S+\s+){{0,4}}(?:{_VERBS})\W*$)", re.IGNORECASE)
_SAID_THAT = re.compile(rf"^(?:\S+\s+){{0,5}}?(?:{_VERBS})\s+(?:that\s+)?(?=(?:\S+\s+){{2}})", re.IGNORECASE)
_GENERIC_SUBJECT = re.compile(rf"^(?:{_words('generic_subjects')})\s+(?!of\b|['\u2019]s\b)", re.IGNORECASE)
_PARTICIPLE = rf"(?:\w+ed|{_words('irregular_participles')})\b"
_PASSIVE = re.compile(rf"\b(?:{_words('passive_auxiliaries')})\s+(?={_PARTICIPLE})")
_TRAILING = re.compile(rf"(?:\s+(?:{_words('event_trailing_words')}))+$", re.IGNORECASE)


def _mark(text: str, mentions: list[DateMention]) -> str:
    """Replace each date, with the words leading into it, by its marker."""
    for index in reversed(range(len(mentions))):
        mention = mentions[index]
        lead = _LEAD_IN.search(text[: mention.start])
        start = lead.start() if lead else mention.start
        text = text[:start] + chr(_MARK + index) + text[mention.end :]
    return text


def _marks(piece: str) -> list[int]:
    return [ord(c) - _MARK for c in _MARKS.findall(piece)]


def _is_attribution(piece: str) -> bool:
    return bool(_ATTRIBUTION.match(_MARKS.sub("", piece).strip()))


def _is_aside(piece: str, opens: bool = False) -> bool:
    """Subordinate clauses and attributions do not state the event; `opens` marks a sentence's main clause."""
    text = _MARKS.sub("", piece).strip()
    trailing = not opens and _TRAILING_APPOSITIVE.match(text)
    return bool(_SUBORDINATE.match(text) or trailing) or _is_attribution(piece)


def _split_coordinated(piece: str) -> list[str]:
    """Split clauses joined by "and" that each hold their own date ("... in October 2022 and ... by 2025")."""
    marks = [m.start() for m in _MARKS.finditer(piece)]
    joins = [list(_AND.finditer(piece, a, b)) for a, b in zip(marks, marks[1:])]
    cuts = [found[-1] for found in joins if found]
    starts, ends = [0, *(c.end() for c in cuts)], [*(c.start() for c in cuts), len(piece)]
    chunks = [piece[s:e] for s, e in zip(starts, ends)]
    # "sales in 2021 and profits in 2022 rose" shares one verb: keep it whole.
    if any(len(_MARKS.sub("", c).split()) < _MIN_COORDINATED_WORDS for c in chunks):
        return [piece]
    return chunks


def _drop_appositives(pieces: list[str]) -> list[str]:
    """Join "Lhasa, the largest city on the plateau, has ..." around its appositive."""
    pieces = list(pieces)
    i = 1
    while i < len(pieces) - 1:
        piece, before, after = pieces[i], pieces[i - 1], pieces[i + 1]
        if (
            _APPOSITIVE.match(piece)
            and not _marks(piece)
            and len(piece.split()) <= 16
            and _ENDS_IN_NAME.search(before)
            and not _SUBORDINATE.match(after)
            and not _is_attribution(after)
        ):
            pieces[i - 1 : i + 2] = [f"{before} {after}"]
        else:
            i += 1
    return pieces


def _shorten(text: str) -> str:
    """Cut a clause to the event it states."""
    text = " ".join(_MARKS.sub(" ", text).split())
    text = _SAID_THAT.sub("", text)
    text = _LEADING.sub("", text + " ").strip()
    text = _GENERIC_SUBJECT.sub("", text)
    text = _PASSIVE.sub("", text, count=1)
    limit = _VOCAB["event_max_chars"]
    if len(text) > limit:
        text = text[: text.rfind(" ", 0, limit + 1)]
    return _TRAILING.sub("", text.rstrip(" .,;:!?\"'\u201d")).rstrip(" .,;:").translate(_BRACKETS)


def _statement(pieces: list[str], at: int) -> tuple[str, int]:
    """The event text for the date in piece `at`, and the piece it came from.

    A piece that is only its date ("On July 23, 2020,") leads into the next
    main clause; a relative clause joins the noun it is about.
    """
    piece = _MARKS.sub("", pieces[at]).strip()
    if _RELATIVE.match(piece) and at > 0:
        piece = f"{pieces[at - 1]} {_RELATIVE.sub('', piece)}"
    own = "" if _is_attribution(piece) else _shorten(piece)
    if len(own.split()) >= 2:
        return own, at
    for j in [*range(at + 1, len(pieces)), *range(at - 1, -1, -1)]:
        opens = all(len(_shorten(p).split()) < 2 for p in pieces[:j])
        if not _is_aside(pieces[j], opens) and len(_shorten(pieces[j]).split()) >= 2:
            return _shorten(pieces[j]), j
    return "", at


def _dated_by(mentions: list[DateMention]) -> DateMention:
    """The date a clause is put at: the end of a range, else its first date."""
    ends = [m for m in mentions if m.qualifier and m.qualifier.startswith("until")]
    return ends[-1] if ends else mentions[0]


def _sentence_events(sentence: str, pub_date: str | None, year: int | None) -> list[Event]:
    mentions = find_dates(sentence, pub_date, year)
    if not mentions:
        return []
    marked = _UNDATED_PARENTHESIS.sub("\ue100\\1\ue101", _mark(strip_stamps(sentence), mentions))
    clauses = _CLAUSE_BREAK.split(marked)
    pieces = _drop_appositives([c.strip() for clause in clauses for c in _split_coordinated(clause)])
    dated = [i for i, p in enumerate(pieces) if _marks(p) and not _is_attribution(p)]
    # A date only in an attribution ("officials said Wednesday") dates the whole statement.
    dated = dated or [i for i, p in enumerate(pieces) if _marks(p)][:1]
    events, used = [], set()
    for at in dated:
        text, source = _statement(pieces, at)
        if not text or source in used:
            continue
        used.add(source)
        own = [mentions[i] for i in _marks(pieces[at])]
        date = _dated_by(own)
        written = sentence[own[0].start : own[-1].end]
        events.append(Event(date.date, date.precision, text, sentence=sentence, qualifier=date.qualifier, text=written))
    return events


def extract_events(sentences: list[str], pub_date: str | None, article_id: str, title: str = "") -> list[Event]:
    """Return one event per dated statement of an article, in reading order.

    Args:
        sentences: the article body, one sentence each.
        pub_date: the publication date (ISO), against which relative dates resolve.
        article_id: stored on every event.
        title: the headline; a year in it dates the article's undated months.
    """
    year = find_context_year(title, sentences, pub_date)
    events, seen = [], set()
    for sentence in sentences:
        for event in _sentence_events(sentence, pub_date, year):
            key = (event.date, event.event.lower())
            if key not in seen:
                seen.add(key)
                event.article = article_id
                events.append(event)
    return events

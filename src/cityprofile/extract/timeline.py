"""Turn an article's dated statements into timeline events.

Each event is the clause holding a date, shortened to what happened: the date
and the words leading into it are cut out, then appositives, subordinate
clauses, attributions ("Xie said", "according to ...") and wire tags
("(Xinhua)") are dropped. An event must be a clause, with a verb (found by
spaCy's tags, see clauses.py): a date-only or verbless piece ("In 2019,",
"Jinfeng District of Yinchuan") leads into the main clause, a subject split
from its verb by an aside is joined to it ("some 46 projects ... were signed"),
and a long clause is cut where a clause or phrase ends, never inside a name.
A clause gets one event (clauses joined by "and" that each hold a date are
two); when it holds a range ("between Jan. 1 and Nov. 17") the event is dated
by its end. An event stated as a plan or forecast ("will", "is scheduled to",
or dated after its article) is a target. A date of an attribution is the
report's own event, named by who reported ("The bureau said: Output rose 9.6
percent" on the day the bureau said it).
Vocabulary lives in data/events.json.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from ..contract.datafiles import read_json
from ..contract.records import PLAN_MARKS, DateMention, Event
from ..contract.units import unit_words
from .clauses import (cut_at_boundary, has_infinitive, has_verb, is_noun_phrase, last_noun_phrase, opens_with_name,
                      opens_with_verb, reports_clause, reports_only, root_word, starts_with, verb_at, verb_phrase_start)
from .dates import PLAN, build_alternation, find_context_year, find_dates, strip_stamps
from .grammar import tag_words
from .labels import write_short

_VOCAB = read_json("events.json")
# Each date found becomes one private-use character, so clause splitting can
# neither break a date ("July 23, 2020") nor lose track of where it was.
_MARK = 0xE000
_MARKS = re.compile("[\ue000-\ue0ff]")
# A date, or two joined by a dash ("January-August"), taken out of an event's words whole.
_MARKED_SPAN = re.compile("[\ue000-\ue0ff](?:\\s*[-\u2013]\\s*[\ue000-\ue0ff])*")


def _words(key: str) -> str:
    return build_alternation(_VOCAB[key])


# Not the comma of a number ("3,073").
# A comma before a digit is inside a number ("1,500", "its 1,000th train"), not between clauses.
_CLAUSE_BREAK = re.compile(r",(?!\d)|;|:\s|\s[-\u2013\u2014]{1,2}\s|\(|\)")
_LEAD_IN = re.compile(rf"(?:\b(?:{_words('lead_words')})\s+)+$", re.IGNORECASE)
# "the" goes only before a name or number: "the 5th Forum", not "the number of".
_PREPOSITIONS = build_alternation(w for w in _VOCAB["lead_words"] if w != "the")
_LEADING = re.compile(rf"^(?i:(?:{_PREPOSITIONS})\s+)*(?:[Tt]he\s+(?=[A-Z\d]))?")
# A participle opens an aside ("marking ..."); a name ending in -ing ("Nanjing") does not.
_SUBORDINATE = re.compile(rf"^(?:(?i:{_words('event_subordinate_leads')})|[a-z]+ing)\b")
_SUBORDINATE_WORDS = frozenset(w.lower() for w in _VOCAB["event_subordinate_leads"])
# ", a record high" is an aside, but not the main clause after an opening date ("In March, a park opened").
_TRAILING_APPOSITIVE = re.compile(rf"^(?:{_words('trailing_appositive_leads')})\b")
# An undated parenthesis ("5.2 billion yuan ($713 million)") stays inside its clause: its
# brackets are swapped for stand-ins the clause split ignores, and swapped back in the event.
_UNDATED_PARENTHESIS = re.compile(r"\(([^()\ue000-\ue0ff]*)\)")
_BRACKETS = str.maketrans("\ue100\ue101", "()")
_COORDINATOR = re.compile(rf"\s+(?:{_words('clause_joiners')})\s+")
_OWN_CLAUSE = re.compile(rf"^(?:\S+\s+(?:{_words('interval_nouns')})\s+)?(?:{_words('own_clause_leads')})\s+",
                         re.IGNORECASE)
_ELABORATING = re.compile(rf"^(?:{_words('elaborating_leads')})\s+", re.IGNORECASE)
# A state, not an event: "when trade with Africa was booming", "when the pandemic had not yet hit".
_BACKGROUND = re.compile(r"\b(?:not|never|n't)\b|\b(?:was|were|is|are)\s+\w+ing\b", re.IGNORECASE)
# A clause left opening with one of these had a date for its subject: "Late October also saw the fair".
_DATE_SUBJECT = re.compile(rf"^(?:also\s+)?(?:{_words('date_subject_verbs')})\s+(?:the\s+)?", re.IGNORECASE)
_GERUND_CLAUSE = re.compile(r"(?:after|before)\s+(?=[a-z]+ing\b)", re.IGNORECASE)
_JOINED = re.compile(r"^(?:and|but)\s+", re.IGNORECASE)
# ", up 27 percent from a year earlier": a change set off after an amount, no subject
_CHANGE_ASIDE = re.compile(r"^(?:up|down)\b", re.IGNORECASE)
_MIN_COORDINATED_WORDS = 3
_OWNED_EVENT = re.compile(rf"^(?:{_words('owned_event_leads')})\s+(?:its|their)\s+({_words('owned_event_nouns')})$",
                          re.IGNORECASE)
# A list item after a comma, then the next item: "volleyball and rock climbing", "household appliances, ..."
_LIST_ITEM = re.compile(r"^((?:[\w'\u2019-]+ ){0,2}[\w'\u2019-]+)(?:, | and | or )")
_ORPHAN_POSSESSIVE = re.compile(r"(?:^|(?<=\s))['\u2019]s\b\s*")
_APPOSITIVE = re.compile(rf"^(?:(?:{_words('appositive_leads')})\b|[A-Z][\w-]*['\u2019]s\b)")
_RELATIVE = re.compile(rf"^(?:{_words('relative_pronouns')})\s+", re.IGNORECASE)
_ENDS_IN_NAME = re.compile(r"\b[A-Z][\w'\u2019-]*$")
_VERBS = _words("attribution_verbs")
_REPORTING = frozenset(w for w in _VOCAB["attribution_verbs"] if " " not in w)
_AUDIENCE = frozenset(_VOCAB["audience_verbs"])
_SPEECH = frozenset(_VOCAB["speech_verbs"])
# A piece opening with "according to", or a short one ending with a reporting verb ("Xie said."); one opening with
# a reporting verb ("said on Monday", "added 20,000 workers") is read from its parse (clauses.reports_only).
_PHRASAL = [rf"{build_alternation([w])}\b" for w in _VOCAB["attribution_verbs"] if " " in w]
_ATTRIBUTION = re.compile("^(?:" + "".join(f"{p}|" for p in _PHRASAL) + rf"(?:\S+\s+){{0,4}}(?:{_VERBS})\W*$)",
                          re.IGNORECASE)
# "X said on Friday that ...", "officials told reporters on Monday that ...": the report's own date, marked, goes
# with it, as does who heard it.
_SAID_THAT = re.compile(rf"^(?:\S+\s+){{0,5}}?(?:(?:{_words('audience_verbs')})\s+(?:\S+\s+){{1,4}}?"
                        rf"(?=[\ue000-\ue0ff]|that\b)|(?:{_VERBS})\s+)(?:[\ue000-\ue0ff]\s*)?(?:that\s+)?"
                        rf"(?=(?:\S+\s+){{2}})", re.IGNORECASE)
_GATHERING = re.compile(rf"\b(?:{_words('gathering_nouns')})s?\b", re.IGNORECASE)
_AT_GATHERING = re.compile(r"^(?:at|during)\s", re.IGNORECASE)
# "were signed during the conference", "at the fair, organizers said": a gathering the article dated before (not "at the
# expo center", "at the summit's sidelines")
_DURING_GATHERING = re.compile(rf"\b(?:at|during)\s+the\s+(?:[\w-]+\s+){{0,3}}?({_words('gathering_nouns')})s?\b"
                               rf"(?!['\u2019]s\b|\s+(?:{_words('gathering_places')})\b)", re.IGNORECASE)
_POSSESSIVE_OPENING = re.compile(r"^\S+['\u2019]s\b")  # "China's highest": no speaker's name
_ACCORDING = re.compile(r"^according\s+to\s+", re.IGNORECASE)
_THAT = re.compile(r"\s+that$")
_QUOTE_MARKS = " \"'\u201c\u201d\u2018\u2019"
_THAT_CLAUSE = re.compile(r"\bthat\s+\S+\s+\S")
# "Data released on Friday showed": the data released
_SHOWED = re.compile(r"\s+show(?:s|ed)?$", re.IGNORECASE)
_CAPTION = re.compile(rf"^(?:\S+\s+)?(?:{_words('caption_words')})\s+taken\b.*?\bshows?\s+", re.IGNORECASE)
_GENERIC_SUBJECT = re.compile(rf"^(?:{_words('generic_subjects')})\s+(?!of\b|['\u2019]s\b)", re.IGNORECASE)
_PARTICIPLE = rf"(?:\w+ed|{_words('irregular_participles')})\b"
_PASSIVE = re.compile(rf"\b(?:{_words('passive_auxiliaries')})\s+(?={_PARTICIPLE})")
_TRAILING = re.compile(rf"(?:\s+(?:{_words('event_trailing_words')}))+$", re.IGNORECASE)
# A bracketed abbreviation is a tag only before a dash: "(DALIANNEWS)-", not "the fair (CIFIT) concluded".
_WIRE_TAG = re.compile(
    rf"\(\s*(?:[A-Z]{{3,}}\s*\)\s*(?:-{{1,2}}|\u2013|\u2014)"
    rf"|(?:{_words('wire_agencies')})\s*\)\s*(?:-{{1,2}}|\u2013|\u2014)?)\s*"
    rf"|^\s*(?:{_words('wire_agencies')})\s*(?:-{{1,2}}|\u2013|\u2014)\s*"
)
# A piece opening with these is no subject: "each with an investment ... were signed".
_NOT_SUBJECT_TAGS = {"IN", "TO", "VBG", "RB"}
_NOT_SUBJECT_WORDS = {"each", "both", "all", "including"}
# A word with one of these after a piece's first word makes that word a subject: "Picking is expected to start".
_FINITE_TAGS = {"VBZ", "VBP", "VBD", "MD"}
_AUXILIARY_GERUNDS = {"having", "being"}
# A piece opening with these is an aside, not the verb of a clause whose subject came before: "based in Ningde".
_ASIDE_TAGS = _NOT_SUBJECT_TAGS | {"VBN"}


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
    """"Xie said", "according to ...", "the municipal bureau of statistics said on Monday": who reported, not what
    happened."""
    text = _MARKS.sub("", piece).strip()
    if _ACCORDING.match(text):
        # "according to data that the bureau released", not "According to the plan Jinhua will ensure that ..."
        return root_word(text) == "according"
    if _THAT_CLAUSE.search(text):
        return False  # "Li told reporters that the industrial park": what follows says something
    return bool(_ATTRIBUTION.match(text)) or reports_only(text, _REPORTING, _AUDIENCE)


def _is_aside(piece: str, opens: bool = False) -> bool:
    """Subordinate clauses and attributions do not state the event; `opens` marks a sentence's main clause."""
    text = _MARKS.sub("", piece).strip()
    trailing = not opens and _TRAILING_APPOSITIVE.match(text)
    return bool(_subordinate(text) or trailing) or _is_attribution(piece)


def _subordinate(text: str) -> bool:
    """Whether ``text`` opens a subordinate clause or a participle's aside ("marking ..."); "outstanding loans" is
    an adjective, and a name ending in -ing ("Nanjing") none."""
    found = _SUBORDINATE.match(text)
    return bool(found) and (not found[0].endswith("ing") or found[0].lower() in _SUBORDINATE_WORDS
                            or starts_with(text, {"VBG"}))


def _split_coordinated(piece: str) -> list[str]:
    """Split clauses joined by "and", "but", "after" and the like that each hold their own date ("... in October 2022
    and ... by 2025", "slipped in January before recovering in February")."""
    marks = [m.start() for m in _MARKS.finditer(piece)]
    joins = [list(_COORDINATOR.finditer(piece, a, b)) for a, b in zip(marks, marks[1:])]
    cuts = [found[-1] for found in joins if found]
    gerund = [bool(_GERUND_CLAUSE.match(piece, c.start() + 1)) for c in cuts]
    # "before recovering in February" keeps its "before": the clause is a participle's, its subject the sentence's
    starts = [0, *(c.start() + 1 if ing else c.end() for c, ing in zip(cuts, gerund))]
    ends = [*(c.start() for c in cuts), len(piece)]
    chunks = [piece[s:e] for s, e in zip(starts, ends)]
    # "sales in 2021 and profits in 2022 rose" shares one verb: keep it whole; "but rebounded in January" has its
    # own. A marker is one character, so a space in its place keeps every offset for the parse; a date counts as
    # a word ("Exports slipped in January").
    plain = _MARKS.sub(" ", piece)
    short = [len(_MARKS.sub(" @ ", c).split()) < _MIN_COORDINATED_WORDS for c in chunks]
    if short[0] or any(cut and not (ing or verb_at(plain, start))
                       for cut, start, ing in zip(short[1:], starts[1:], gerund)):
        return [piece]
    return chunks


def _join_lists(pieces: list[str]) -> list[str]:
    """Join the items of a list the clause split cut at its commas: "co-hosting basketball", "volleyball and rock
    climbing events from Sept 23 to Oct 8" are one piece, "co-hosting basketball, volleyball and rock climbing
    events ..."; an item is a noun of up to three words, the list closing with "and" or "or"."""
    pieces = list(pieces)
    for i in range(len(pieces) - 2, -1, -1):
        item = _LIST_ITEM.match(pieces[i + 1])
        if not item or _MARKS.match(pieces[i].rstrip()[-1:]):
            continue  # a date closes the clause before it
        before, after = tag_words(_MARKS.sub("", pieces[i])), tag_words(_MARKS.sub("", pieces[i + 1]))
        # a list whose last item a present participle follows is an aside of its own ("600,000 tonnes of cargo in
        # 2023, mobile phones and fresh produce making up half"); "dragon boat races held from ..." is the list's
        verb = next((w for w in after if w.tag.startswith(("VB", "MD"))), None)
        if before and before[-1].tag.startswith("NN") and not _marks(item[0]) and not (verb and verb.tag == "VBG") \
                and all(w.tag.startswith(("NN", "JJ")) for w in tag_words(item[1])):
            pieces[i:i + 2] = [f"{pieces[i]}, {pieces[i + 1]}"]
    return pieces


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
            and not _subordinate(after)
            and not _is_attribution(after)
        ):
            pieces[i - 1 : i + 2] = [f"{before} {after}"]
        else:
            i += 1
    return pieces


def _tidy(text: str, generic: bool = True) -> str:
    """Cut what leads into an event: markers, "X said that", prepositions, a generic subject (unless not
    ``generic``), a passive auxiliary."""
    text = " ".join(_MARKED_SPAN.sub(" ", text).split()).lstrip("\"'\u201c\u2018 ")
    text = _ORPHAN_POSSESSIVE.sub("", text)  # "will hold this year's event": its date marked out, "'s" is left
    caption = _CAPTION.match(text)
    if caption:  # "Photo taken on May 5, 2023 shows the port": the photo is the event
        return f"Photo: {text[caption.end():]}"
    said = _report_lead(text)
    if said:
        text = text[said:]  # "Xie said the port will ...": what was said; "X announced a plan" stays
    text = _LEADING.sub("", text + " ").strip()
    text = _DATE_SUBJECT.sub("", _GENERIC_SUBJECT.sub("", text) if generic else text)
    passive = _PASSIVE.search(text)
    # "... were held" becomes a headline; "... and is scheduled to open" keeps its verb.
    if passive and verb_phrase_start(text) == passive.start():
        text = text[: passive.start()] + text[passive.end():]
    return text


def _report_lead(text: str) -> int:
    """Where what was said starts in a piece opening "X said (on Friday) that ...", or 0: "Xie said the port will
    open" is a report, "the city announced a plan" and "the city added 20,000 jobs" are not."""
    said = _SAID_THAT.match(text + " ")  # "that exports rose" leaves two words, the last with no space after it
    if said and (said[0].rstrip().endswith("that") or reports_clause(_MARKS.sub(" ", text), said.end())):
        return said.end()
    return 0


def _shorten(text: str) -> str:
    """Cut a clause to the event it states, at a clause or phrase boundary."""
    text = _tidy(text).rstrip(" .,;:!?\"'\u201d")
    text = cut_at_boundary(text, _VOCAB["event_max_chars"])
    # "a 5.8 percent rise in its GDP": a timeline names a measure as the figures' table does
    return write_short(_TRAILING.sub("", text.rstrip(" .,;:!?\"'\u201d")).rstrip(" .,;:").translate(_BRACKETS),
                       names=False)


def _is_clause(text: str) -> bool:
    """Two words or more with a verb, not opening as an aside ("Among the 81 projects signed ...")."""
    return len(text.split()) >= 2 and has_verb(text) and not _opens_aside(text)


def _opens_aside(text: str) -> bool:
    """Whether a piece opens with a preposition, adverb or "each": no subject ("about 20 projects" has one)."""
    words = text.split(None, 2)
    if not words or (len(words) > 1 and starts_with(words[1], {"CD"})) or opens_with_name(text):
        return False
    opens = starts_with(text, _NOT_SUBJECT_TAGS) or words[0].lower() in _NOT_SUBJECT_WORDS
    return opens and not _gerund_subject(text)


def _gerund_subject(text: str) -> bool:
    """Whether a piece opens with a gerund that is its subject: "Picking is expected to start", or with its "is"
    dropped for a headline, "Picking expected to start" ("Having grown 5 percent" is an aside)."""
    tagged = tag_words(text)
    return len(tagged) > 1 and tagged[0].tag == "VBG" and tagged[0].low not in _AUXILIARY_GERUNDS \
        and tagged[1].tag in _FINITE_TAGS | {"VBN"}


def _is_phrase(text: str) -> bool:
    """A noun phrase that may be a subject: no verb, not opening with a preposition."""
    return bool(text) and not has_verb(text) and not has_infinitive(text) and not _opens_aside(text)


def _predicate(pieces: list[str], at: int) -> str | None:
    """What follows a subject in piece `at` that an aside split from its verb phrase: " were signed" in "some 46
    projects, each with an investment over 10 million yuan ... were signed", or the rest of a list the subject
    opens: ", robotics and the low-altitude economy were signed" in "26 projects covering new energy vehicles,
    robotics and the low-altitude economy were signed"."""
    items = []
    for piece in pieces[at + 1:]:
        text = _tidy(piece)
        start = verb_phrase_start(text) if not _is_attribution(piece) else None
        if start is None:
            items.append(text)
            continue
        # "to expand opening up, carry out ..." has no finite verb to give the subject.
        finite = not starts_with(text[start:], {"VB"})
        if finite and (start == 0 or _opens_aside(text)):
            return f" {text[start:]}"
        listed = finite and _COORDINATOR.search(text[:start]) and all(_is_phrase(item) for item in items)
        return "".join(f", {item}" for item in [*items, text]) if listed and not _marks(piece) else None
    return None


def _subject(pieces: list[str], at: int) -> str | None:
    """The sentence's subject for a clause that opens with its verb.

    The first noun-phrase piece before it ("Jinfeng District of Yinchuan, ...,
    has strengthened"), else the subject of the clause it is coordinated with
    ("Construction of the line started in March and is expected to ..."), which
    after a verb of speech is what was said of ("Officials said the railway, ...,
    made 5,000 trips").
    """
    for piece in pieces[:at]:
        text = _JOINED.sub("", _tidy(piece))  # "..., and the railway, which is under construction, is expected"
        if text and not _is_attribution(piece) and not _marks(piece) and not _CHANGE_ASIDE.match(text) \
                and _is_phrase(text):
            return text
    for piece in reversed(pieces[:at]):
        text = _tidy(piece)
        start = verb_phrase_start(text)
        if start and _is_clause(text) and not _is_attribution(piece):
            verb, _, said = text[start:].partition(" ")
            # "Officials said the railway, opened in 2011, made 5,000 trips": the railway made them ("announced 30
            # projects ... and signed 12 more" is the city's signing)
            return said.strip() if verb.lower() in _SPEECH and _is_phrase(said) else text[:start].strip()
    return None


def _clause_at(pieces: list[str], at: int) -> str | None:
    """Piece `at` as a clause, its subject joined to a verb phrase an aside split off; None if it is none."""
    text = _shorten(pieces[at])
    # "and we want it to account for 45 percent": a clause whose generic subject the event leaves out
    if _is_clause(text) or _GENERIC_SUBJECT.match(with_subject := _tidy(pieces[at], generic=False)) \
            and _is_clause(with_subject):
        return _whole(pieces, at)
    # "At a signing ceremony in late October, 26 projects ... were signed": a preposition's object is no subject
    predicate = _predicate(pieces, at) if _is_phrase(text) and not _opens_aside(_MARKS.sub("", pieces[at])) else None
    if predicate and (len(text.split()) >= 2 or predicate.startswith(",")):
        return _shorten(f"{_tidy(pieces[at])}{predicate}")
    return None


def _main_clause(pieces: list[str], at: int) -> tuple[str, int] | None:
    """The nearest main clause to piece `at`: after it first (a leading date), then before it.

    A leading date leads into the first statement after it, even one without a
    finite verb ("the city of Xining to expand opening up"), not a clause further on.
    """
    after, before = range(at + 1, len(pieces)), range(at - 1, -1, -1)
    # "... its first train, the Chang'an, in November 2013, and the service has since grown": a date between a
    # clause and "and" closes the clause before it
    closes = 0 < at < len(pieces) - 1 and _JOINED.match(_MARKS.sub("", pieces[at + 1]).strip())
    for j in [*before, *after] if closes else [*after, *before]:
        opens = all(len(_shorten(p).split()) < 2 for p in pieces[:j])
        # "..., small firms that specialize in niche markets, by the end of next year": an apposition is no clause
        if _is_aside(pieces[j], opens) or _is_attribution(pieces[j]) or j < at and is_noun_phrase(_tidy(pieces[j])):
            continue
        clause = _clause_at(pieces, j)
        if clause:
            return clause, j
        if j > at and not _shorten(pieces[at]) and len(_shorten(pieces[j]).split()) >= 2 and not _marks(pieces[j]):
            return _shorten(pieces[j]), j
    return None


def _whole(pieces: list[str], at: int) -> str:
    """Piece `at` as a clause: given back its subject when it opens with its verb."""
    text = _tidy(pieces[at])
    if verb_phrase_start(text) == 0 and not _GENERIC_SUBJECT.match(_MARKS.sub("", pieces[at]).strip()):
        subject = _subject(pieces, at)
        if subject:
            return _shorten(f"{subject} {text}")
    return _shorten(pieces[at])


def _statement(pieces: list[str], at: int) -> tuple[str, int]:
    """The event text for the date in piece `at`, and the piece it came from.

    A piece that is only its date ("On July 23, 2020,"), or a phrase with no
    verb, leads into the nearest main clause; a subject cut off from its verb
    by an aside is joined to it; a relative clause joins the noun it is about;
    an aside ("with a rate of over 70 percent in the first quarter") follows
    the main clause before it.
    """
    piece = _MARKS.sub("", pieces[at]).strip()
    relative = bool(_RELATIVE.match(piece)) and at > 0
    if relative:
        # "will host the Asian Winter Games, which are scheduled for February": the Games are scheduled
        about = last_noun_phrase(_MARKS.sub("", pieces[at - 1]).strip())
        piece = f"{about} {_RELATIVE.sub('', piece)}"
    own = "" if _is_attribution(piece) else _shorten(piece)
    # "Under a plan released in March, Weifang aims to ... by 2027": the plan released, in March, where the main
    # clause has a date of its own ("During the forum held in May, 20 projects were signed" is the signing)
    dated_after = any(_marks(p) for p in pieces[at + 1:])
    made = _participle_event(piece) if dated_after and starts_with(piece, {"IN"}) else None
    if made:
        return _shorten(made), at
    gerund = _GERUND_CLAUSE.match(piece)
    subject = _subject(pieces, at) if gerund and at > 0 else None
    if subject:  # "... in January before recovering in February": the subject recovered then
        return _shorten(f"{subject} {_tidy(piece[gerund.end():])}"), at
    lead = _OWN_CLAUSE.match(piece)
    # ", while Line 4 began service in December 2023"; ", after which its output rose": after that, its output rose
    rest = _RELATIVE.sub("", piece[lead.end():], count=1) if lead else ""
    if lead and not opens_with_verb(rest) and _is_clause(_shorten(rest)):
        return _shorten(rest), at
    if lead and not has_verb(rest) and _shorten(rest):
        return _shorten(rest), at  # "..., after a slump in 2022": the slump, not what the sentence says before
    owned = _OWNED_EVENT.match(piece) if not relative else None
    main = _main_clause(pieces, at) if owned else None
    start = verb_phrase_start(main[0]) if main else None
    if start:  # "Since its launch in March 2021, the service has made 1,500 trips": the service's launch then
        return _shorten(f"{main[0][:start].strip()} {owned[1]}"), at
    if own and not relative and at > 0 and _is_aside(pieces[at]):
        before = _main_clause(pieces[:at], at)
        if before:
            return _shorten(f"{_tidy(pieces[before[1]])}, {_tidy(pieces[at])}"), before[1]
    # A relative clause opens with the noun it was given, whatever a tagger makes of that noun out of its sentence.
    clause = (own if has_verb(own) and len(own.split()) >= 2 else None) if relative else own and _clause_at(pieces, at)
    if clause:
        return clause, at
    subject = _subject(pieces, at) if own and not relative and opens_with_verb(own) else None
    if subject and at > 0 and _opens_participle_aside(pieces, at):
        # "Yu said the expo, first held in 2019, had helped ...": a participle set off by commas is of the noun
        # just before it
        subject = last_noun_phrase(_tidy(pieces[at - 1])) or subject
    if subject:  # "The service, launched in 2016, has made ...": the service launched
        return _shorten(f"{subject} {_tidy(pieces[at])}"), at
    main = _main_clause(pieces, at)
    if main and own and _AT_GATHERING.match(piece) and _GATHERING.search(own):
        # "At the Luosifen Industry Development Forum on April 18, the city said it will ...": the event reads
        # "Luosifen Industry Development Forum: will ..."; "Among the exhibitors at the fair" is no gathering's
        return f"{own[0].upper()}{own[1:]}: {main[0]}", main[1]
    return main or ((own, at) if len(own.split()) >= 2 else ("", at))


def _opens_participle_aside(pieces: list[str], at: int) -> bool:
    """Whether piece `at` (not the first) opens with a participle set off after a noun: "first held in 2019" of
    "the expo, first held in 2019, had". A tagger may read the participle as a past tense ("the expo, launched in
    2004, has signed"), where a main clause follows and the piece before ends in a noun that is no amount or date;
    "but rebounded in January" ends its sentence, "dropped 8 percent in January, recovered in ..." is a series."""
    opening = {"VBN", "RB"}
    if at + 1 < len(pieces) and not _MARKS.search(pieces[at - 1].rstrip()[-1:]):
        before = tag_words(_MARKS.sub("", pieces[at - 1]).strip())
        if before and before[-1].tag.startswith("NN") and before[-1].low not in unit_words():
            opening.add("VBD")
    return starts_with(_MARKS.sub("", pieces[at]).strip(), opening)


def _participle_event(piece: str) -> str | None:
    """The noun and its participle in a phrase opening with a preposition: "plan released" of "Under a plan released
    in March", "forum held" of "During the forum held in May"; None if it has none."""
    words = tag_words(piece)
    for j in range(2, len(words)):
        if words[j].tag == "VBN" and words[j - 1].is_noun():
            k = j - 1
            while k > 1 and words[k - 1].is_modifier() and not words[k - 1].is_number():
                k -= 1
            return " ".join(w.text for w in words[k:j + 1])
    return None


def _statement_marks(piece: str) -> list[int]:
    """The dates of what a piece states, less those of a report leading into it ("Data released on Monday showed
    that"), which are the report's (see _report_events)."""
    return _marks(piece[_report_lead(piece):])


def _dated_by(mentions: list[DateMention]) -> DateMention:
    """The date a clause is put at: the end of a range, else its first date, or a later one within it ("this
    year's fair from Sept 20" is put at September 20)."""
    ends = [m for m in mentions if m.qualifier and m.qualifier.startswith("until")]
    first = mentions[0]
    finer = [m for m in ends or mentions[1:] if m.date != first.date and m.date.startswith(first.date)]
    return finer[-1] if finer else ends[-1] if ends else first


def _sentence_events(sentence: str, pub_date: str | None, mentions: list[DateMention]) -> list[Event]:
    if not mentions:
        return []
    unstamped = _WIRE_TAG.sub(lambda m: " " * len(m.group()), strip_stamps(sentence))
    marked = _UNDATED_PARENTHESIS.sub("\ue100\\1\ue101", _mark(unstamped, mentions))
    clauses = _CLAUSE_BREAK.split(marked)
    pieces = _drop_appositives(_join_lists([c.strip() for clause in clauses for c in _split_coordinated(clause)]))
    attributions = [_is_attribution(p) for p in pieces]
    dated = [i for i, p in enumerate(pieces) if _marks(p) and not attributions[i]]
    events, used, sources = _report_events(sentence, pieces, mentions, attributions, bool(dated)), set(), set()
    for at in dated:
        text, source = _statement(pieces, at)
        own = [mentions[i] for i in _statement_marks(pieces[at])]
        if not own:
            continue
        date = _dated_by(own)
        # A clause is dated once; an aside planning something at a date of its own joins it again at that date
        # ("..., with the first companies expected to settle in by the end of June"). Another aside's date is
        # a comparison's ("up 18 percent from the same holiday last year").
        again = source != at and PLAN.search(_MARKS.sub("", pieces[at])) is not None
        if not text or (source, date.date) in used or source in sources and not again:
            continue
        used.add((source, date.date))
        sources.add(source)
        written = sentence[own[0].start : own[-1].end]
        target = bool(PLAN.search(_MARKS.sub("", pieces[source]))) or PLAN.search(text) is not None
        for said in filter(None, (text, _elaborated(pieces, at))):
            events.append(Event(date.date, date.precision, said, sentence=sentence, qualifier=date.qualifier,
                                text=written, target=target or _is_after(date.date, pub_date)))
    return events


def _report_events(sentence: str, pieces: list[str], mentions: list[DateMention], attributions: list[bool],
                   stated_dated: bool) -> list[Event]:
    """The reports an attribution dates: "..., the municipal bureau of statistics said on Wednesday" is the
    bureau saying it then, not output rising then ("The municipal bureau of statistics said: Industrial output
    rose 9.6 percent"); "according to an action plan released in March" is the plan's release. ``attributions``
    says which pieces are attributions; ``stated_dated`` whether a piece that is none holds a date."""
    events = []
    for at, (piece, attribution) in enumerate(zip(pieces, attributions)):
        lead = 0 if attribution else _report_lead(piece)
        own = [mentions[i] for i in _marks(piece if attribution else piece[:lead])]
        if not own:
            continue
        said = _statement(pieces, at)[0] if attribution else _shorten(piece)
        reporter = " ".join(_MARKED_SPAN.sub(" ", piece if attribution else piece[:lead]).split())
        reporter = _SHOWED.sub("", _THAT.sub("", _ACCORDING.sub("", reporter.lstrip(_QUOTE_MARKS))).rstrip(" .,;:"))
        verb, _, named = reporter.partition(" ")
        if verb.lower() in _REPORTING - _AUDIENCE and named and starts_with(reporter, {"VBD", "VBZ", "VBP"}) \
                and not starts_with(named, {"IN"}):
            reporter = f"{named} {verb}"  # "..., said Zhou Min on Monday"; not "said at a press conference"
        elif starts_with(reporter, {"VBD", "VBZ", "VBP"}):  # '"...," Zhou Min, deputy director, said on Thursday'
            speaker = _speaker(pieces, at)
            reporter = f"{speaker} {reporter}" if speaker else ""
        date = _dated_by(own)
        # no one named: the report's date dates what it reports only when that has no date of its own
        if said and (reporter or not stated_dated):
            events.append(Event(date.date, date.precision,
                                f"{reporter[0].upper()}{reporter[1:]}: {said}" if reporter else said,
                                sentence=sentence, qualifier=date.qualifier,
                                text=sentence[own[0].start : own[-1].end]))
    return events


def _speaker(pieces: list[str], at: int) -> str | None:
    """Who said what piece `at` reports when it is only the verb: of the verbless pieces before it, the first that
    is a name ("Zhou Min" of "..., the highest in the province, Zhou Min, deputy director of the bureau, said"),
    else the nearest ("a spokesperson for the bureau"); None if there are none."""
    run = []
    for piece in reversed(pieces[:at]):
        text = _MARKS.sub("", piece).strip(_QUOTE_MARKS)
        if not text or _marks(piece) or has_verb(text):
            break
        run.append(text)
    names = [text for text in run if starts_with(text, {"NNP", "NNPS"}) and not _POSSESSIVE_OPENING.match(text)]
    return names[-1] if names else run[0] if run else None


_GOAL = re.compile(rf"\b(?:{_words('goal_cues')})\b", re.IGNORECASE)
_FORECAST = re.compile(rf"\b(?:{_words('forecast_cues')})\b", re.IGNORECASE)


def name_plan(event: Event, amounts: list[str]) -> Event:
    """Return ``event`` with its words headed by what kind of plan it is, if it is one: an amount set as a goal is
    a target ("Target: Ganzhou aims to lift output to 30 billion yuan"), one foreseen a forecast ("Forecast: GDP
    expected to grow 5.5 percent"), any other plan planned ("Planned: the second phase scheduled to open").

    ``amounts`` are the figures of the event's sentence as written: a number that is none ("Line 3", "5G", "the
    2026 expo") sets nothing to reach. The goal or forecast is said in the event's own words, not in another
    clause of its sentence.
    """
    if not event.target or event.event.startswith(PLAN_MARKS):
        return event
    target, forecast, planned = PLAN_MARKS
    mark = planned
    if any(amount in event.event for amount in amounts):
        mark = target if _GOAL.search(event.event) else forecast if _FORECAST.search(event.event) else planned
    return replace(event, event=mark + event.event)


def _elaborated(pieces: list[str], at: int) -> str | None:
    """What an undated clause set off after a dated one says happened at its date (", when CATL, based in Ningde,
    broke ground on its base"); asides between its subject and its verb are skipped."""
    opening = pieces[at + 1] if at + 1 < len(pieces) else ""
    if not _ELABORATING.match(opening) or _marks(opening):
        return None
    text = _ELABORATING.sub("", opening)
    if not has_verb(text):
        verb = next((p for p in pieces[at + 2:] if has_verb(p) and not starts_with(p, _ASIDE_TAGS)), None)
        if verb is None or _marks(verb):
            return None
        text = f"{text} {verb}"
    return _shorten(text) if _is_clause(text) and not _BACKGROUND.search(text) else None


def _clause_spans(sentence: str, mentions: list[DateMention]) -> list[tuple[int, int]]:
    """The character spans of a sentence's clauses; a comma inside a date ("July 23, 2020") splits nothing."""
    cuts = [c for c in _CLAUSE_BREAK.finditer(sentence) if not any(m.start <= c.start() < m.end for m in mentions)]
    return list(zip([0, *(c.end() for c in cuts)], [*(c.start() for c in cuts), len(sentence)]))


def _undated(piece: str, start: int, mentions: list[DateMention]) -> tuple[str, bool]:
    """A clause's text with its dates and the words leading into them cut out, and whether it opens with a
    preposition of its own ("During the forum held in May"), not one of its date ("In 2019")."""
    local = [replace(m, start=m.start - start, end=m.end - start) for m in mentions]
    marked = _mark(piece, local).strip()
    text = _tidy(marked)
    return text, not _MARKS.match(marked) and _opens_aside(_MARKS.sub("", marked).strip())


def find_clause_date(sentence: str, position: int, mentions: list[DateMention]) -> DateMention | None:
    """The date of the clause holding ``position``, for a figure or name found there.

    Its own clause's date first; else an opening date phrase ("In 2019, ...") or
    the main clause before it (", an increase of 8.1 percent" is dated by the
    clause it follows); else a date-only phrase after it. A date inside a
    phrase opening with a preposition ("During the forum held in May, ...")
    or inside an aside or attribution belongs to that phrase alone.
    """
    spans = _clause_spans(sentence, mentions)
    own = next((i for i, (a, b) in enumerate(spans) if a <= position < b), len(spans) - 1)
    dated = [[m for m in mentions if a <= m.start < b] for a, b in spans]
    texts, opens_aside = zip(*(_undated(sentence[a:b], a, dated[i]) for i, (a, b) in enumerate(spans)))

    def is_main(i: int) -> bool:
        piece = sentence[slice(*spans[i])]
        return not (_is_aside(piece, i == 0) or _is_attribution(piece) or opens_aside[i])

    first, last = _list_around(own, texts, is_main)
    clause = [m for i in range(first, last + 1) for m in dated[i]]
    if clause:
        return clause[0]
    found = [i for i in range(first - 1, -1, -1) if dated[i] and (len(texts[i].split()) < 2 or is_main(i))]
    found = found or [i for i in range(last + 1, len(spans)) if dated[i] and len(texts[i].split()) < 2]
    return dated[found[0]][0] if found else None


def _list_around(own: int, texts: list[str], is_main) -> tuple[int, int]:
    """The first and last clause piece of the list or clause that piece `own` belongs to.

    Verbless pieces are items of a list ("Dalian has realized 255 ..., 215 ...,
    and 48 ... last year") or a clause's trailing asides: they join the clause
    before them and the verbless pieces after them.
    """
    first, last = own, own
    while first > 0 and not has_verb(texts[first]) and is_main(first - 1):
        first -= 1
    while last + 1 < len(texts) and texts[last + 1] and not has_verb(texts[last + 1]) and is_main(last + 1):
        last += 1
    return first, last


def _is_after(date: str, pub_date: str | None) -> bool:
    """Whether a date lies wholly after the publication date: a forecast, not news."""
    return bool(pub_date) and date > pub_date[: len(date)]


def extract_events(sentences: list[str], pub_date: str | None, article_id: str, title: str = "",
                   dates: Callable[[str], list[DateMention]] | None = None) -> list[Event]:
    """Return one event per dated statement of an article, in reading order.

    Args:
        sentences: the article body, one sentence each.
        pub_date: the publication date (ISO), against which relative dates resolve.
        article_id: stored on every event.
        title: the headline; a year in it dates the article's undated months.
        dates: the dates of a sentence, when the caller has found them already for its figures.
    """
    if dates is None:
        year = find_context_year(title, sentences, pub_date)
        dates = partial(find_dates, pub_date=pub_date, context_year=year)
    events, seen = [], set()
    held: dict[str, DateMention] = {}  # each gathering the article has dated to a month or day, by its noun
    for sentence in sentences:
        for event in _sentence_events(sentence, pub_date, dates(sentence) or _held_at(sentence, held)):
            key = (event.date, event.event.lower())
            if key not in seen:
                seen.add(key)
                event.article = article_id
                events.append(event)
            for gathering in _GATHERING.finditer(event.event if event.precision != "year" else ""):
                held[_singular_gathering(gathering[0])] = DateMention(gathering[0], event.date, event.precision)
    return events


def _singular_gathering(word: str) -> str:
    """"Forums" and "forum" are one gathering; "games" and "congress" are as they are."""
    word = word.lower()
    return word[:-1] if _GATHERING.fullmatch(word[:-1]) and word.endswith("s") else word


def _held_at(sentence: str, held: dict[str, DateMention]) -> list[DateMention]:
    """The date of a gathering dated before, for an undated sentence that says what happened at it: "A total of 42
    projects were signed during the conference" is put at the conference's date."""
    found = _DURING_GATHERING.search(sentence)
    date = held.get(_singular_gathering(found[1])) if found else None
    return [replace(date, text=found[0], start=found.start(), end=found.end())] if date else []

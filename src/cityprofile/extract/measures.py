"""What a figure measures, read from its sentence's dependency tree (spaCy, see nlp.py).

The amount's head word (its unit, or its number) hangs from the rest of the sentence; the label is found by
where it hangs:

- from a noun it describes or counts: "a 1,200-mu park", "35 projects", "a 9 percent increase in exports";
- through "of": "an investment of 12 billion yuan", "a total of N" (read where "total" hangs), "an increase of
  8 percent" (the change of the amount before), "N percent of X" (a share of X);
- from a verb of change, directly or through "by": its subject's growth or decline ("port throughput rose
  12 percent"); through "to", "at" or "from": its subject ("... to 80.3 million tonnes");
- from a linking verb ("reached", "stood at", "covers"): its subject; from "account for", "make up": the
  subject's share; from a verb of money ("invest", "spend"): the verb's noun, after a subject that names
  who ("visitor spending");
- from "up" or "down" appended to an amount (", up 9 percent"): that amount's measure and its growth.

A verb's subject is looked for up through conjoined verbs, participles ("having increased"), infinitives
("is expected to rise") and relative clauses ("bank stocks, which were up 2.8%"). A label is the subject's
noun with its compounds and adjectives ("online retail sales"), at most four words, never a pronoun, a place,
a date or a number. Word classes are data (data/measures.json).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..contract.datafiles import read_json
from ..contract.units import currency_regions, month_names, unit_words
from .gazetteer import load_gazetteer
from .nlp import parse
from .numbers import DIGITS

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads: a build with nothing to extract never pays for it
    from spacy.tokens import Doc, Token

_MODIFIERS = {"compound", "amod", "nmod", "npadvmod", "hyph"}
# What stands between two amounts of one list: "4.2 percent, 6.8 percent and 5.5 percent".
_LIST_GAP = re.compile(r"[\s,]*(?:(?:and|or)\s+)?")
# The amounts of a list written after a word, up to a comma that another amount does not follow.
_LISTED_AMOUNTS = re.compile(r"(?:[^,;.\d]|[,.](?=\s*(?:and\s+)?[-+$]?\d)|\d)*")
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# An amount glued to a sign folded to letters ("PS8.1bn"); "5.5G" and "1.5T" name things.
_SIGNED_AMOUNT = re.compile(r"^[^\W\d_]+=?\d[\d,]*\.?\d*")
# Relations a verb's subject is shared through: "rose 5% and reached ...", "having increased", "expected to rise".
_SHARED_SUBJECT = {"conj", "xcomp", "advcl", "pcomp"}
_NOT_NOUNS = {"PRP", "PRP$", "WDT", "WP", "EX", "DT", "CD"}
# What a verb takes besides its subject, when it is not intransitive.
_COMPLEMENTS = {"dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative", "npadvmod"}


@dataclass(frozen=True)
class _Words:
    change: dict[str, str]
    causative: dict[str, str]
    change_nouns: dict[str, str]
    level: frozenset[str]
    share: frozenset[str]
    level_prepositions: frozenset[str]
    qualifying_prepositions: frozenset[str]
    price: frozenset[str]
    area: frozenset[str]
    heads_with_in: frozenset[str]
    heads_with_from: frozenset[str]
    heads_with_with: frozenset[str]
    priced: frozenset[str]
    ranging: frozenset[str]
    trips: frozenset[str]
    unit_things: dict[str, str]
    pace_nouns: frozenset[str]
    comparing: frozenset[str]
    comparing_prepositions: frozenset[str]
    cost: frozenset[str]
    place_nouns: frozenset[str]
    amount_nouns: frozenset[str]
    count_heads: frozenset[str]
    owned: frozenset[str]
    national: frozenset[str]
    having: frozenset[str]
    yielding: frozenset[str]
    object_actions: dict[str, str]
    area_actions: dict[str, str]  # a verb of what was done on land -> the area it heads ("plant": planted area)
    capacity_modals: frozenset[str]  # "can produce": what a plant can make is its capacity
    capacity_heads: frozenset[str]  # "designed to produce", "able to turn out" likewise
    capacity_actions: frozenset[str]  # the actions ("output") that become capacity so
    drawing: frozenset[str]  # verbs that bring money in, whose "of" names what it is ("attract N of investment")
    earlier_times: frozenset[str]  # words of a time before, after "than": a change, not a gap ("than before")
    plain: frozenset[str]
    dimensions: dict[str, str]
    equating: frozenset[str]
    comparatives: dict[str, str]
    shared_heads: frozenset[str]
    unit_nouns: frozenset[str]
    share_nouns: frozenset[str]
    time_nouns: frozenset[str]
    months: frozenset[str]
    bound_pairs: frozenset[str]
    plural_only: frozenset[str]
    person_nouns: frozenset[str]
    employers: frozenset[str]  # subjects whose people employed are their employees, not their employment
    employees: str
    residents: frozenset[str]
    part_prepositions: frozenset[str]
    part_pronouns: frozenset[str]
    part_closing: frozenset[str]
    living: frozenset[str]
    population: str
    valuing: frozenset[str]
    pronoun_subjects: frozenset[str]
    valued_amounts: frozenset[str]
    attributive_money: dict[str, str]  # what money said of a noun is of it, by the noun
    holding: frozenset[str]
    max_words: int


@cache
def _words() -> _Words:
    data = read_json("measures.json")
    shared = read_json("labels.json")

    def table(key: str) -> dict[str, str]:
        return {w: noun for noun, ws in data[key].items() if not noun.startswith("_") for w in ws}

    change = table("change_lemmas")
    level, having, share, area = (frozenset(data[key]["words"])
                                  for key in ("level_lemmas", "having_lemmas", "share_lemmas", "area_lemmas"))
    return _Words(
        change=change,
        causative=table("causative_lemmas"),
        change_nouns=table("change_nouns"),
        level=level,
        share=share,
        level_prepositions=frozenset(data["level_prepositions"]["words"]),
        qualifying_prepositions=frozenset(data["qualifying_prepositions"]["words"]),
        price=frozenset(data["price_lemmas"]["words"]),
        area=area,
        heads_with_in=frozenset(data["phrase_heads_with_in"]["words"]),
        heads_with_from=frozenset(data["phrase_heads_with_from"]["words"]),
        heads_with_with=frozenset(data["phrase_heads_with_with"]["words"]),
        priced=frozenset(data["priced_nouns"]["words"]),
        ranging=frozenset(data["range_lemmas"]["words"]),
        trips=frozenset(data["trip_nouns"]["words"]),
        unit_things={k: v for k, v in data["unit_things"].items() if not k.startswith("_")},
        pace_nouns=frozenset(data["pace_nouns"]["words"]),
        comparing=frozenset(data["comparison_words"]["verbs"]),
        comparing_prepositions=frozenset(data["comparison_words"]["prepositions"]),
        cost=frozenset(data["cost_lemmas"]["words"]),
        place_nouns=frozenset(data["place_nouns"]["words"]),
        pronoun_subjects=frozenset(data["pronoun_subjects"]["words"]),
        valued_amounts=frozenset(data["valuing_lemmas"]["amounts"]),
        attributive_money={n: noun for noun, ns in shared["attributive_money"].items() if not noun.startswith("_")
                           for n in ns},
        amount_nouns=frozenset(data["amount_nouns"]["words"]),
        count_heads=frozenset(data["count_heads"]["words"]),
        owned=frozenset(data["owned_measures"]["words"]),
        national=frozenset(data["national_owners"]["words"]),
        having=having,
        yielding=frozenset(data["yielding_lemmas"]["words"]),
        object_actions=table("object_actions"),
        area_actions=table("area_actions"),
        capacity_modals=frozenset(data["capacity_cues"]["modals"]),
        capacity_heads=frozenset(data["capacity_cues"]["heads"]),
        capacity_actions=frozenset(data["capacity_cues"]["actions"]),
        drawing=frozenset(data["drawing_lemmas"]["words"]),
        earlier_times=frozenset(data["earlier_times"]["words"]),
        plain=frozenset(data["plain_lemmas"]["words"]) | level | having | share | area | change.keys(),
        dimensions=table("dimensions"),
        equating=frozenset(data["equating_words"]["words"]),
        comparatives=table("comparatives"),
        shared_heads=frozenset(data["shared_heads"]["words"]),
        # Shared with the word-order rules of labels.py, so defined once, in labels.json.
        unit_nouns=frozenset(shared["unit_nouns"]["words"]),
        share_nouns=frozenset(shared["share_nouns"]["words"]),
        time_nouns=frozenset(shared["time_nouns"]["words"]),
        months=frozenset(month_names()),
        bound_pairs=frozenset(data["bound_pairs"]["words"]),
        plural_only=frozenset(data["plural_only"]["words"]),
        person_nouns=frozenset(data["person_nouns"]["words"]),
        employers=frozenset(data["person_nouns"]["employers"]),
        employees=data["person_nouns"]["employees"],
        residents=frozenset(data["resident_nouns"]["words"]),
        part_prepositions=frozenset(data["part_words"]["prepositions"]),
        part_pronouns=frozenset(data["part_words"]["pronouns"]),
        part_closing=frozenset(data["part_words"]["closing"]),
        living=frozenset(data["resident_nouns"]["living"]),
        population=data["resident_nouns"]["label"],
        valuing=frozenset(data["valuing_lemmas"]["words"]),
        holding=frozenset(data["holding_lemmas"]["words"]),
        max_words=data["max_words"],
    )


@dataclass(frozen=True)
class Placed:
    """A figure's label and where it sits in its sentence: from its qualifier (or amount) to its unit's end."""

    label: str
    first: int
    start: int
    end: int
    kind: str


def owned_measures() -> frozenset[str]:
    """Return the nouns that name a measure of something else ("area", "capacity")."""
    return _words().owned


def population_of(noun: str) -> str | None:
    """Return the label of a count of people living in a place named by ``noun`` ("city"), or None."""
    return _words().population if noun.lower() in _words().place_nouns else None


def amount_nouns() -> frozenset[str]:
    """Return the nouns an amount stands in ("a total of N", "an average of N")."""
    return _words().amount_nouns


def pace_nouns() -> frozenset[str]:
    """Return the nouns an amount of change is given as ("rate", "pace")."""
    return _words().pace_nouns


def attributive_money() -> dict[str, str]:
    """Return what money said of a noun is of it, by the noun: "plant" investment, "fund" size, "deal" value."""
    return _words().attributive_money


def read_measure(sentence: str, start: int, end: int, kind: str, earlier: list[Placed],
                 action_nouns: dict[str, str], said: list[Placed] | None = None) -> str:
    """Return what the amount at ``sentence[start:end]`` measures, from the tree; "" where the tree says nothing.

    ``earlier`` holds the amounts read before it in the sentence, ``said`` those of the sentence before;
    ``action_nouns`` maps a verb of money ("invest") to the noun it is headed with ("investment").
    """
    doc = parse(sentence)
    anchor = _anchor(doc, start, end)
    if anchor is None:
        return ""
    reader = _Reader(doc, kind, earlier, action_nouns, said or [], anchor.i)
    named = reader.money_in(anchor, end) if kind == "money" else None
    return named or reader.read(anchor, start) or ""


def _anchor(doc: Doc, start: int, end: int) -> Token | None:
    """The word of the amount the rest of the sentence hangs it from."""
    inside = [t for t in doc if t.idx < end and t.idx + len(t) > start and not t.is_space]
    outside = [t for t in inside if not (start <= t.head.idx < end) or t.head == t]
    return outside[-1] if outside else None


class _Reader:
    def __init__(self, doc: Doc, kind: str, earlier: list[Placed], action_nouns: dict[str, str],
                 before: list[Placed], at: int):
        self.doc, self.kind, self.earlier, self.action_nouns, self.before = doc, kind, earlier, action_nouns, before
        self.at = at  # the amount's word
        # "A and B reached N and M, respectively": the amount's place in its list picks its part of the subject.
        self.respectively = any(t.lower_ == "respectively" for t in doc)
        self.position = 0

    def read(self, token: Token, start: int) -> str | None:
        """What the amount whose head word is ``token`` (its text starting at ``start``) measures."""
        words = _words()
        listed = self._place_in_list(start) if self.respectively else 0
        opening = self._said()[-listed] if listed else None
        first = _anchor(self.doc, opening.start, opening.end) if opening else None
        if first is not None and first != token:
            # "grew by 3.9 percent, 7.1 percent and 6.2 percent, respectively", "rose ... to 53,214 yuan and 25,587
            # yuan, respectively": read where the list's first amount hangs, at this one's place in the list,
            # however the parser hung the others (from the verb, or as appositions of the subject)
            self.position = listed
            return self.read(first, opening.start)
        # "4.1 percent, 6.2 percent and 5.8 percent, respectively": a parser may hang a list's amounts as appositions
        while (token.dep_ == "conj" or token.dep_ == "appos" and self.respectively) \
                and (token.head.like_num or token.head.tag_ == "CD" or self._label_at(token.head) is not None):
            token = token.head  # "N and M": the second amount hangs where the first does
            self.position += 1
            start = token.left_edge.idx  # "to 1 million units by 2025 and 2 million units": read after "to"
        dep, head = token.dep_, token.head
        worth = next((c for c in (*token.rights, head) if c.lower_ == "worth" and _of_object(c) is not None), None)
        if worth is not None:
            # "120 million yuan worth of consumption vouchers"; "exported $5 billion worth of appliances" is
            # appliance exports, after a verb of trade or making
            return _acted_on(_of_object(worth), head if dep == "dobj" else None)
        if head.lemma_.lower() in words.time_nouns and head != token:
            return self.read(head, start)  # "5.1 percent year on year": the period is no measure
        # "by an average of 37 percent": the amount noun's "of" is the amount itself, no whole it is a share of
        if self.kind == "share" and token.lemma_.lower() not in words.amount_nouns \
                and (whole := _of_object(token)) is not None:
            return self._share(token, whole)
        of = _of_object(token)
        if self.kind == "area" and (of is None or of.lemma_.lower() == "land") and (worked := _area_action(token)):
            return worked  # "wheat planted on 30 million mu", "afforested 1.1 million mu of land"
        if self.kind in ("area", "length") and token.lower_ in unit_words() and (land := of) is not None:
            # "1.8 million mu of navel orange orchards" is orchard area, "200 km of roads" road length; "sold 1.92
            # million square meters of new homes" is the homes' sales area
            acted = _acted_on(land, head if dep == "dobj" and head.pos_ == "VERB" else None)
            return _suffixed(_singular(acted, land), self.kind)
        # "to attract between 80 and 100 billion yuan of industrial investment": after a verb that brings money in,
        # the money is what its "of" names (after "lost", "spent" or "exported", what the verb did says more)
        if self.kind == "money" and dep == "dobj" and head.lemma_.lower() in words.drawing and of is not None \
                and (named := _phrase(of)):
            return named
        if dep == "pobj":
            return self._through(head, token, start)
        if dep == "quantmod" and head.like_num and head.i > token.i:
            return self.read(head, start)  # "from $370,000 to $5.5 million": a range's ends hang together
        while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i:
            head = head.head  # "a 30 billion yuan vehicle plant": the plant, of which "vehicle" is a part
        if dep in ("nummod", "compound", "amod", "nmod", "quantmod") and head.pos_ in ("NOUN", "PROPN") \
                and (head.pos_ == "NOUN" or self.kind != "count"):
            if head.lemma_.lower() in words.change_nouns:
                return self._change_noun(head)
            if head.lemma_.lower() in words.amount_nouns or head.lower_ in words.unit_nouns:
                return self.read(head, start)  # "a total of N", "1 million units": read where they hang
            # "$31.20 US": a word that names no measure is read where it hangs
            return _phrase(head) or self.read(head, start)
        if head.lower_ in ("up", "down") or head.pos_ in ("ADV", "ADJ") and _change_of(head):
            return _gapped(head, self._appended(head))
        if head.pos_ in ("ADV", "ADJ") and head.lower_ in words.comparatives and self.earlier:
            # "spent 4,200 yuan, 9 percent more than a year earlier": the change of the amount before
            return _gapped(head, _suffixed(self.earlier[-1].label, words.comparatives[head.lower_]))
        if head.lower_ in words.dimensions and head.head.pos_ in ("VERB", "AUX"):
            # "the bridge will be 22.8 km long": the bridge's length
            return _suffixed(self._subject_phrase(head.head), words.dimensions[head.lower_])
        if head.lower_ == "worth" and (worthy := _worthy(head)) is not None:
            return _value_of(worthy)
        if dep == "appos" and head.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "worth" for c in token.lefts):
            return _value_of(head)  # "three projects, each worth 800 million yuan", "worth" read on the amount
        if dep in _SUBJECTS and head.dep_ == "relcl" and (_part_of(head) or _part_of(token)):
            # "12 billion yuan, of which 4 billion yuan has been completed"; "sold 1.23 million vehicles, of which
            # 453,000 were sold overseas", where the clause describes the vehicles counted
            # (a parser may hang the clause from a date in between: then the amount of its kind said last)
            said = self._said()
            return self._label_at(head.head) or self._count_at(head.head) or (said[-1].label if said else None)
        if head.pos_ == "VERB" and dep == "dobj" and token.lower_ in unit_words() and _of_object(token) is None \
                and (action := _object_action(head)):
            # "Xiamen Port handled 12.5 million TEUs": containers, which the unit says
            thing = words.unit_things.get(token.text)
            measure = f"{thing} {action}" if thing else action
            owner = self._subject_phrase(head)
            # "the capacity to handle N" names its capacity already
            return measure if owner and action == "capacity" and owner.split()[-1] == "capacity" \
                else _suffixed(owner, measure)
        if head.pos_ in ("VERB", "AUX") and dep in ("dobj", "attr", "npadvmod", "advmod", "oprd", "acomp"):
            return self._verb(head, level=self._after_level_word(token, start))
        if dep == "nsubjpass" and self.kind == "money" and (action := self._action_noun(head)):
            return action  # "Some 4.6 billion yuan has been invested since last year in cutting energy use"
        return None

    def money_in(self, anchor: Token, end: int) -> str | None:
        """"$1 billion in gains", "3.2 billion yuan in signed contracts": money its "in" phrase names; after a verb
        of money, where it went ("invested 5 billion yuan in chip plants" is investment in chip plants)."""
        words = _words()
        after = next((t for t in self.doc if t.idx >= end and not t.is_space), None)
        if after is None or after.lower_ != "in":
            return None
        thing = next((c for c in after.children if c.dep_ == "pobj"), None)
        # The "in" of what money is takes a bare noun; "in the first half", "in its first round" say when or where.
        if thing is None or _names_when(thing) or thing.lower_ in words.place_nouns | words.amount_nouns \
                or any(c.dep_ in ("det", "poss") for c in thing.children):
            return None
        if thing.lower_ in words.owned and not list(thing.children) \
                and after.head.lemma_.lower() in words.level | words.yielding:
            # "the digital economy reached 650 billion yuan in scale", "the marine economy generated N in output":
            # the subject's scale and output ("investors poured N in investment" says what the money is)
            return _suffixed(self._subject_phrase(after.head), thing.lower_)
        named = _phrase(thing)
        if thing.lemma_.lower() in words.owned and _left_modifiers(thing):
            return named  # "earned 8.4 billion yuan in tourism revenue" names the measure itself
        action = self._action_noun(after.head if after.head.pos_ == "VERB" else anchor.head)
        return f"{action} in {named}" if named and action and " " not in action else named

    def _share(self, token: Token, whole: Token) -> str | None:
        """"N percent of X" is X's share; "X accounted for N percent of Y" is X's share of Y; "of the total" or
        "of the province's total" is the share of the measure the amount hangs from."""
        head = token.head
        if head.dep_ == "prep" and head.head.lemma_.lower() in _words().share:
            head = head.head
        while whole.lemma_.lower() in _words().share_nouns and _of_object(whole) is not None:
            whole = _of_object(whole)  # "46.2% of the proportion of GDP"
        of_whole = whole.lemma_.lower() not in _words().share_nouns and _phrase(whole)
        if head.lower_ == "to" and head.head.lemma_.lower() in _words().equating and self.earlier and of_whole:
            # "R&D spending totaled 63.4 billion yuan, equivalent to 2.6 percent of its GDP": that spending's share
            return f"{_suffixed(self.earlier[-1].label, 'share')} of {of_whole}"
        if of_whole and head.pos_ == "VERB" and head.lemma_.lower() in _words().level \
                and (subject := self._subject_phrase(head)):
            return f"{_suffixed(subject, 'share')} of {of_whole}"  # "R&D spending reached 3.7 percent of GDP"
        if whole.tag_ in ("WDT", "WP") and token.dep_ == "nsubj":
            # "1.42 million entities, 94 percent of which are private businesses": the businesses' share
            named = next((_phrase(c) for c in token.head.children if c.dep_ == "attr"), None)
            return _suffixed(named, "share")
        if of_whole and head.lemma_.lower() not in _words().share:
            return _suffixed(of_whole, "share")
        measure = self._label_at(head)
        if measure is None and (total := _named_total(whole)) is not None:
            if head.pos_ == "VERB" and _after_comma(token.left_edge) and self.earlier:
                # "produced 860 million tonnes of coal, about 18 percent of China's total": the coal's share
                return _suffixed(self.earlier[-1].label, "share")
            return f"share of {total}"  # "accounting for 25 percent of the national total"
        if measure is None and head.pos_ in ("VERB", "AUX"):
            measure = self._subject_phrase(head)
        if measure and of_whole:
            return f"{_suffixed(measure, 'share')} of {of_whole}"
        if measure is None and (named := _phrase(whole)) and named != whole.text:
            return f"share of {named}"  # ", or about 6 percent of the national total"
        return _suffixed(measure, "share")

    def _through(self, preposition: Token, token: Token, start: int) -> str | None:
        """An amount after a preposition: "of", "by", "to", "for" and the rest."""
        words, word, governor = _words(), preposition.lower_, preposition.head
        compared = word in ("with", "to") and governor.lemma_.lower() in words.comparing
        if (compared or word in words.comparing_prepositions) and self.earlier:
            return self.earlier[-1].label  # "1.2 billion yuan, compared with 900 million yuan a year earlier"
        if word == "of" and governor.pos_ in ("NOUN", "PROPN"):
            lemma = governor.lemma_.lower()
            if lemma in words.amount_nouns:
                return self.read(governor, start)
            if lemma in words.change_nouns:
                return self._change_noun(governor)
            verb = governor.head
            if lemma in words.pace_nouns and verb.lower_ == "at" and _change_of(verb.head):
                return self._verb(verb.head, level=False)  # "grew at an annual rate of 15 percent"
            # "generated added value of N", "total output value": modifiers that name no other thing
            if governor.lower_ in words.owned and governor.dep_ in ("dobj", "attr") \
                    and all(m.lower_ in words.owned or m.pos_ in ("ADJ", "VERB") for m in _left_modifiers(governor)) \
                    and verb.lemma_.lower() in words.level | words.area | words.having | words.yielding:
                # "the park covers an area of N": the park's area; "the marine economy generated output of N";
                # "the liquor industry generated output value of N"
                measure = _text(_left_modifiers(governor) + [governor])
                subject = self._subject(verb)
                if subject is not None and subject.conjuncts and any(t.lower_ == "each" for t in verb.children):
                    return measure  # "Midea and Gree each reported annual revenue of N": each one's
                owner = self._subject_phrase(verb)
                if owner:
                    return _suffixed(owner, measure)
            return _phrase(governor)
        if word in words.level_prepositions and governor.pos_ == "NOUN" and governor.lemma_.lower() in words.change_nouns:
            thing = _object_of(governor, "in") or _object_of(governor, "of")
            if thing is not None and (measure := _phrase(thing)):
                return measure  # "an improvement in the urbanization rate to 64 percent": the rate's level
        if word == "worth":
            # "goods worth 2.67 billion yuan", "the laptop is worth $2,000": the value of the thing
            return _value_of(governor) if governor.pos_ in ("NOUN", "PROPN") else \
                _suffixed(self._subject_phrase(governor), "value")
        if word in words.qualifying_prepositions and governor.pos_ == "NOUN" and governor.lower_ in words.owned \
                and (measure := _phrase(governor)):
            # "projects with investment above 500 million yuan": the investment per project, as "each with an
            # investment over N" is (a parser hangs "with" from anywhere: the noun before it owns the measure)
            before = governor.doc[governor.head.i - 1] if governor.head.lower_ == "with" else None
            owned = before is not None and before.pos_ == "NOUN" and before.lemma_ != before.lower_
            return f"{measure} per {before.lemma_.lower()}" if owned else measure
        if word == "for" and self.kind == "money" and governor.lemma_.lower() in words.price:
            objects = [c for c in governor.children if c.dep_ == "dobj"]
            thing = _phrase(objects[0]) if objects else self._subject_phrase(governor)
            return _suffixed(thing, "price")
        if self._label_at(governor) is not None and governor.head.lower_ in ("up", "down"):
            governor = governor.head  # "BYD up 2 percent to HK$250", "to" hung from the change's amount
        # "from 2 million yuan to 10 million yuan": the end of a range is what its start is
        opening = governor if governor.lower_ == "from" else governor.head if self._label_at(governor) else None
        started = next((c for c in opening.children if c.dep_ == "pobj"), None) \
            if word == "to" and opening is not None and opening.lower_ == "from" else None
        if started is not None and self._label_at(started):
            return self._label_at(started)
        if governor.pos_ in ("VERB", "AUX", "ADV", "ADJ"):
            if governor.lower_ in ("up", "down") or governor.pos_ in ("ADV", "ADJ") and _change_of(governor):
                if word not in words.level_prepositions:
                    return self._appended(governor)
                if word == "from" and self.earlier:
                    return self.earlier[-1].label  # "to 84 billion yuan, down from 93 billion yuan": its last level
                # "Ningbo Port up 3.1 percent to 5.20 yuan": the level of what went up
                moved = governor.head
                if (name := _moved_name(governor)) is not None:
                    return name
                return _phrase(moved) if moved.pos_ in ("NOUN", "PROPN") else self._subject_phrase(moved)
            if word == "for" and governor.lemma_.lower() in words.share:
                if self.kind == "count" and (whole := _of_object(token)) is not None and (counted := _phrase(whole)):
                    # "investors from Shanghai accounted for 23 of the projects": projects; "foreign-funded projects
                    # accounted for 12 of the 48 projects": the foreign-funded ones
                    part = self._subject(governor)
                    same = part is not None and part.lemma_.lower() == whole.lemma_.lower()
                    return (self._subject_phrase(governor) or counted) if same else counted
                # "iron ore accounted for 182 million tonnes": a part's own amount, not a share
                subject = self._subject_phrase(governor)
                return _suffixed(subject, "share") if self.kind == "share" else subject
            if word in ("by", "between") or word in words.level_prepositions:  # "grew between 5 and 6 percent"
                # "grew at 6.5 percent" is the pace of the growth, not a level reached
                pace = word == "at" and self.kind == "share" and _change_of(governor) is not None
                # "rose by 105,000 to 6.4 million", parsed as one amount from "by": the "to" written before it counts
                reached = word in words.level_prepositions or self._after_level_word(token, start)
                return self._verb(governor, level=reached and not pace)
            if word in words.qualifying_prepositions:
                # "rose under 4 percent": the qualifier hangs where the amount would
                return self._verb(governor, level=self._after_level_word(preposition, preposition.idx))
        return None

    def _verb(self, verb: Token, level: bool) -> str | None:
        words, lemma = _words(), verb.lemma_.lower()
        if level:  # "recorded an increase in its urbanization rate to 62 percent": the rate's level
            for change in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in words.change_nouns):
                thing = _object_of(change, "in") or _object_of(change, "of")
                if thing is not None and (measure := _phrase(thing)):
                    return measure
        # "raised HK$3 to HK$5 billion": an object holding digits is the amount itself, not the thing it raised
        changed = [c for c in verb.children if c.dep_ == "dobj" and not c.like_num and self._label_at(c) is None
                   and not any(ch.isdigit() for ch in c.text)
                   and not any(n.dep_ in ("nummod", "quantmod") for n in c.children)]
        # "raise it to 1 trillion yuan", "lift that figure to N": the amount said before, of the same kind, in this
        # sentence or the one before
        said = self._said() or [p for p in self.before if p.kind == self.kind]
        if lemma in words.causative and changed and _refers_back(changed[0]):
            if not said:
                return None  # what "it" is was said further back: not "funds raised"
            return said[-1].label if level else _suffixed(said[-1].label, words.causative[lemma])
        if lemma in words.causative and changed:
            # "raise A to N and B to M": the object written last before the amount
            joined = [t for t in verb.subtree if t.dep_ == "conj" and t.pos_ == "NOUN" and t.i < self.at
                      and (t.head == verb or t.head in changed or t.head.lower_ in unit_words())
                      and t.lower_ not in unit_words()]
            changed = [o for o in (*changed, *joined) if o.i < self.at][-1:] or changed
        if lemma in words.holding and changed and level:
            return _phrase(changed[0])  # "keeping annual coal output stable at 850 million tonnes"
        if lemma in words.causative and changed and (thing := _phrase(changed[0])):
            if changed[0].lemma_.lower() in words.amount_nouns and self.earlier:
                thing = f"{thing} {self.earlier[-1].label}"  # "bringing the total to 18,500": of what came before
            # "raise software revenue to 1 trillion yuan": the object is what is measured
            return thing if level else _suffixed(thing, words.causative[lemma])
        if lemma in words.share and self.kind == "share":
            return _suffixed(self._subject_phrase(verb), "share")  # "making up 41 percent": "up" is no change
        # "is trending down 0.6%", "shot up 12 percent": the particle says which way
        # "closed up 1.2 percent": the particle may be read as an adverb, which ", up 9 percent" set off is not
        change = _change_of(verb) or next((_change_of(c) for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod"
                                           and c.lower_ in ("up", "down") and "," not in verb.doc[verb.i:c.i].text),
                                          None)
        if change:
            subject = self._subject_phrase(verb)
            return subject if level else _suffixed(subject, change)
        # "occupies 30 percent of the market" is a share; "will occupy 1,200 mu", the subject's area (below)
        if lemma in words.share and not (lemma in words.area and self.kind in ("area", "length")):
            return _suffixed(self._subject_phrase(verb), "share") if self.kind == "share" else None
        if lemma in words.cost:
            return _suffixed(self._subject_phrase(verb), "cost")  # "the expressway cost 9.8 billion yuan"
        if lemma in words.area and self.kind in ("area", "length"):
            # "the project covers 500 mu", "the line stretches 18 km": the project's area, the line's length;
            # "greenhouses cover N" greenhouse area
            subject = self._subject(verb)
            named = self._subject_phrase(verb)
            return _suffixed(_singular(named, subject) if subject is not None else named, self.kind)
        # "the deal was valued at N", and "the contract, valued at N,": what the verb acts on is before it
        passive = any(c.dep_ == "nsubjpass" for c in verb.children) or verb.dep_ == "acl" and verb.tag_ == "VBN"
        if lemma in words.level and not (passive and lemma in words.valuing):
            return self._subject_phrase(verb)
        if self.kind == "money" and lemma in words.price:
            bought = _object_of(verb, "for")
            if bought is not None and (thing := _phrase(bought)):
                return _suffixed(thing, "price")  # "buyers paid 860,000 yuan for the flats"
            if verb.tag_ == "VBN":
                return _suffixed(self._subject_phrase(verb), "price")  # "the flats are priced at 9,000 yuan"
        if level and passive and (named := self._subject_phrase(verb)):
            # "the minimum wage was raised to 2,100 yuan": what was set; "the collection was appraised at N": its value
            valued = lemma in words.valuing and named.split()[-1].lower() not in words.valued_amounts
            return _suffixed(named, "value") if valued else named
        action = self._action_noun(verb) if self.kind == "money" else None
        if action:
            # "signed an agreement to invest N": the agreement does not invest
            purpose = verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            subject = None if purpose else self._subject(verb)
            # "visitor spending", "duty-free shop sales" (a longer name of who acted is cut to its noun);
            # "funds raised" takes no one before it
            who = subject is not None and subject.pos_ == "NOUN" and " " not in action and _phrase(subject)
            if who and len(who.split()) > 2:
                who = subject.text
            return _with_action(who, subject, action) if who else action
        return None

    def _appended(self, adverb: Token) -> str | None:
        """", up 9 percent": the change of the amount it follows, or of its verb's subject ("was up 19 cents")."""
        noun = _change_of(adverb)
        governor = adverb.head
        while _names_when(governor) and governor.head != governor:
            governor = governor.head  # "ended the day up 2 percent": the day is when, the verb says what moved
        if self.respectively and _after_comma(adverb) and (paired := self._paired_before(adverb)):
            return _suffixed(paired, noun)
        # "shipments to Africa and Latin America up 21 and 26 percent, respectively"
        listed = self._part_listed(governor) if self.respectively and governor.pos_ == "NOUN" else None
        measure = listed or _moved_name(adverb) or self._label_at(governor) or self._count_at(governor)
        if measure is None and governor.pos_ in ("NOUN", "PROPN"):
            measure = _phrase(governor)  # "Ningbo Port up 3.1 percent", as market reports list prices
        moved = [c for c in governor.children if c.dep_ == "dobj" and not c.like_num and self._label_at(c) is None
                 and self._count_at(c) is None]
        if measure is None and governor.pos_ == "VERB" and moved:
            measure = _phrase(moved[0])  # "demand pulled the property index 2.4 percent lower": the index fell
        if measure is None and governor.pos_ in ("VERB", "AUX"):
            lemma = governor.lemma_.lower()
            set_off = _after_comma(adverb)
            if lemma != "be" and lemma not in _words().change and set_off and self.earlier and not self.respectively:
                # "visitors spent 2.4 billion yuan, up 9 percent": the spending grew, not the visitors
                measure = self.earlier[-1].label
            else:
                measure = self._subject_phrase(governor)
        return _suffixed(measure, noun) if measure else None

    def _paired_before(self, adverb: Token) -> str | None:
        """"received 98.6 million tourists, generating revenue of 76 billion yuan, up 18 percent and 21 percent,
        respectively": the amount said before the list at this amount's place in it."""
        listed = _LISTED_AMOUNTS.match(self.doc.text, adverb.idx + len(adverb))
        count = len(DIGITS.findall(listed[0]))
        before = [p.label for p in self.earlier if p.end <= adverb.idx]
        return before[len(before) - count + self.position] if 2 <= count <= len(before) else None

    def _part_listed(self, noun: Token) -> str | None:
        """"exports to Vietnam, Thailand and Malaysia grew 31%, 12% and 9%, respectively": the measure of the
        part listed at the amount's place ("exports to Thailand")."""
        for preposition in (c for c in noun.children if c.dep_ == "prep"):
            listed = next((c for c in preposition.children if c.dep_ == "pobj" and c.conjuncts), None)
            if listed is None:
                continue
            parts = [listed, *listed.conjuncts]
            if self.position >= len(parts):
                return None
            part = parts[self.position]
            whole = _text(_left_modifiers(noun) + [noun])
            return f"{whole} {preposition.lower_} {_text(_left_modifiers(part) + [part])}"
        return None

    def _change_noun(self, noun: Token) -> str | None:
        """"a 9 percent increase in exports", "an increase of 9 percent" after an amount, "growth of 5%"."""
        change = _words().change_nouns[noun.lemma_.lower()]
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of"):
                objects = [c for c in child.children if c.dep_ == "pobj" and not c.like_num]
                if objects and (thing := _phrase(objects[0])):
                    return _suffixed(thing, change)
        measure = self._label_at(noun.head)
        set_off = noun.dep_ == "appos" or _after_comma(noun.left_edge) or _after_dash(noun)
        if set_off and self.respectively and (paired := self._paired_before(noun)):
            # "23.8 million visits, generating revenue of 21.4 billion yuan - increases of 71.5 percent and 88.2
            # percent, respectively": each the change of the amount at its place
            return _suffixed(paired, change)
        if measure is None and set_off and self.earlier and not self.respectively:
            # ", a year-on-year increase of 11.2 percent" after an amount, which the parser may not hang it from
            measure = self.earlier[-1].label
        if measure:
            return _suffixed(measure, change)
        # "a year-on-year increase" says when it was measured, not what
        compounds = [c for c in noun.lefts
                     if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" and not _names_when(c)]
        if compounds:
            return _phrase(noun)
        if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            return _suffixed(self._subject_phrase(noun.head), change)
        return None

    def _action_noun(self, verb: Token) -> str | None:
        """The noun a verb of money is headed with ("invest" gives "investment"), as written or by its lemma."""
        return self.action_nouns.get(verb.lower_) or self.action_nouns.get(verb.lemma_.lower())

    def _place_in_list(self, start: int) -> int:
        """How many amounts of this kind stand right before the one at ``start``, joined to it by commas and "and"
        alone: its place in a list read "respectively", wherever the parser hung the list's amounts."""
        place, at = 0, start
        for amount in reversed(self._said()):
            if not _LIST_GAP.fullmatch(self.doc.text, amount.end, at):
                break
            place, at = place + 1, amount.first
        return place

    def _said(self) -> list[Placed]:
        """The amounts read before this one in the sentence that are of its kind."""
        return [amount for amount in self.earlier if amount.kind == self.kind]

    def _count_at(self, noun: Token) -> str | None:
        """The label of an earlier count of ``noun`` ("937,000 vehicles", whose amount is only the number)."""
        return next((label for c in noun.children if c.dep_ == "nummod" and (label := self._label_at(c))), None)

    def _label_at(self, token: Token) -> str | None:
        """The label of an earlier amount ``token`` belongs to."""
        for amount in self.earlier:
            if amount.start <= token.idx < amount.end:
                return amount.label
        return None

    @staticmethod
    def _after_level_word(token: Token, start: int) -> bool:
        """Whether "to", "at" or "from" stands right before the amount ("increased by N to M")."""
        before = [t for t in token.doc if t.idx + len(t) <= start and not t.is_space]
        return bool(before) and before[-1].lower_ in _words().level_prepositions

    def _subject(self, verb: Token) -> Token | None:
        """The subject of ``verb``, or its part at the amount's place in a list read "respectively"."""
        subject = self._subject_of(verb)
        if subject is None or not self.respectively:
            return subject
        parts = [subject, *subject.conjuncts]
        return parts[self.position] if self.position < len(parts) else None

    def _subject_phrase(self, verb: Token) -> str | None:
        """The label of ``verb``'s subject; in a list read "respectively", of its part at the amount's place,
        which may be one of its joined modifiers ("the primary, secondary and tertiary industries grew")."""
        whole = self._subject_of(verb) if self.respectively else None
        if whole is not None and whole.conjuncts:
            parts = [whole, *whole.conjuncts]
            part, last = self._subject(verb), parts[-1]
            if part is not None and part is not last and not any(c.dep_ in _MODIFIERS for c in part.lefts) \
                    and last.lemma_.lower() in _words().shared_heads:
                return f"{part.text} {last.text}"  # "the fishing, tourism and marine biomedicine industries"
            return _phrase(part)
        if whole is None:
            subject = self._subject(verb)
            if subject is not None and subject.lower_ in _words().pronoun_subjects:
                # "GDP reached 573 billion yuan last year, and it aims to exceed 700 billion": the same measure
                # (a percentage of whatever came last: "exports reached N, and they rose 8 percent")
                return next((p.label for p in reversed([*self.before, *self.earlier])
                             if p.kind == self.kind or self.kind == "share"), None)
            return self._that_of(subject) or _priced(subject) or _phrase(subject)
        if (part := self._part_listed(whole)) is not None:
            return part
        # The list may be the subject's modifiers, those of its "of" phrase ("the added value of the primary,
        # secondary and tertiary industries") or of its owner ("urban and rural residents' income").
        owners = [whole, _of_object(whole), *(c for c in whole.children if c.dep_ == "poss")]
        for owner in filter(None, owners):
            modifiers = _joined_modifiers(owner)
            if len(modifiers) < 2:
                continue
            if self.position >= len(modifiers):
                return None
            modifier = modifiers[self.position]
            part = f"{_text(_left_modifiers(modifier) + [modifier])} {owner.text}"
            if owner is whole:
                return part
            measure = _text(_left_modifiers(whole) + [whole])
            return f"{measure} of {part}" if owner.dep_ == "pobj" else f"{part}' {measure}"
        return _phrase(self._subject(verb))

    def _that_of(self, subject: Token | None) -> str | None:
        """"income of urban residents reached N, while that of rural residents rose": the measure said first, of
        the new owner."""
        owner = _of_object(subject) if subject is not None and subject.lower_ in ("that", "those") else None
        named = _phrase(owner)
        if not named or not self.earlier:
            return None
        return f"{self.earlier[0].label.split(' of ')[0]} of {named}"

    def _subject_of(self, verb: Token) -> Token | None:
        seen: set[int] = set()
        while verb.i not in seen:
            seen.add(verb.i)
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
            if subjects:
                subject = _compound_head(subjects[0])
                if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                    return verb.head  # "bank stocks, which were up": the noun the clause describes
                named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
                if subject.pos_ == "ADJ" and named is not None:
                    return named  # "The largest, a battery cell plant, will occupy 1,200 mu": the plant
                return subject
            if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
                described = verb.head
                if verb.dep_ == "acl" and verb.tag_ == "VBG":
                    # "with the added value of industrial enterprises above designated size rising 6.8 percent": a
                    # participle closing a "with" phrase says what its noun did, wherever the parser hung it
                    described = next((a for a in described.ancestors if a.dep_ == "pobj" and a.head.lower_ == "with"),
                                     described)
                return _described(described)
            before = verb.doc[verb.i - 1] if verb.i > 0 else None
            if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and before is not None \
                    and before.pos_ in ("NOUN", "PROPN") and before.dep_ == "conj":
                return before  # "exports climbed 9% and imports slipped 2%", parsed as "9% and imports"
            # "up 57% after plummeting 65%": a participle after a preposition shares the clause's subject
            opens_clause = verb.dep_ == "prep" and verb.pos_ == "ADP"
            if verb.dep_ not in _SHARED_SUBJECT and verb.dep_ != "advmod" and not opens_clause or verb.head == verb:
                return None
            verb = verb.head
        return None


def _joined_modifiers(noun: Token) -> list[Token]:
    """"primary, secondary and tertiary industries", "wine, dairy and new materials industries": the adjectives or
    nouns before ``noun`` joined in a list, in order (the last may hang from ``noun`` apart from the others)."""
    modifiers = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")]
    joined = {c.i: c for m in modifiers for c in m.conjuncts if c.i < noun.i}
    parts = {m.i: m for m in modifiers} | joined
    return [parts[i] for i in sorted(parts)] if joined else []


def _gapped(comparative: Token, label: str | None) -> str | None:
    """A change said against another place or thing is a gap ("electricity prices are 10 percent lower than in
    Shanghai" is the electricity price gap); against a time ("than a year earlier"), or with no "than", a change."""
    than = next((c for c in comparative.children if c.lower_ == "than"), None)
    if not label or than is None or any(_names_when(t) or t.lower_ in _words().earlier_times for t in than.subtree):
        return label
    changes = _words().comparatives.values()
    measure, _, change = label.rpartition(" ")
    if any(c.lower_ in ("point", "points") for c in comparative.subtree):
        # "GDP grew 5.8 percent, 0.6 percentage points higher than the national average": the gap of the growth
        # (its own "lower" read as a decline of that growth is no part of it)
        return f"{measure if change in changes and measure.rsplit(' ', 1)[-1] in changes else label} gap"
    if not measure or change not in changes:
        return label
    subject = next((c for c in comparative.head.children if c.dep_ in _SUBJECTS), None)
    return f"{_singular(measure, subject) if subject is not None else measure} gap"


def _moved_name(adverb: Token) -> str | None:
    """What went "up" or "down" in a market report's list: the name right before the adverb ("with Geely up 4
    percent", "such as Blackmores up 9.4 per cent"), which a parser hangs anywhere and may tag as an adverb."""
    name = adverb.doc[adverb.i - 1] if adverb.i > 0 else None
    if name is None or not name.text[:1].isupper() or name.pos_ in ("VERB", "AUX", "PRON", "DET") \
            or _names_when(name):
        return None
    kept = [t for t in _left_modifiers(name) if t.i < name.i] + [name]
    return None if _is_place(kept, _text(kept)) else _text(kept)


def _after_comma(token: Token) -> bool:
    """Whether a comma stands right before ``token``: what it opens is set off (", up 9 percent")."""
    return token.i > 0 and token.doc[token.i - 1].text == ","


def _after_dash(token: Token) -> bool:
    """Whether a dash stands right before ``token``: what it opens is set off (" - an increase of 9 percent")."""
    return token.i > 0 and token.doc[token.i - 1].text in ("-", "–", "—", "--")


def _part_of(word: Token) -> bool:
    """Whether "of which" or "among which" hangs from ``word`` (a relative clause's verb, or its subject, where a
    parser may put it): the clause says what part of the noun before it is about."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "among") and any(o.tag_ in ("WDT", "WP") for o in c.children)
               for c in word.children)


def _compound_head(noun: Token) -> Token:
    """"urban residents per capita disposable income": a parser may make the first noun of a long compound the
    subject and the rest its apposition; the head is the last noun, with no comma between."""
    for child in noun.rights:
        between = noun.doc[noun.i + 1:child.i]
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not any(t.is_punct for t in between):
            return child
    return noun


def _described(noun: Token) -> Token:
    """The noun a participle describes: "output value in the wine industry exceeding N" is the value's, since a
    parser hangs the participle from the nearest noun, which is often inside a phrase of place or domain."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in ("in", "of"):
        return noun
    if preposition.head.pos_ in ("NOUN", "PROPN"):
        return preposition.head
    objects = [c for c in preposition.head.children if c.dep_ == "dobj" and c.i < preposition.i]
    return objects[0] if objects else noun  # "achieve an output value in the industry exceeding N"


def _change_of(word: Token) -> str | None:
    """"growth" or "decline" for a word of change, by its lemma or as written ("higher")."""
    change = _words().change
    return change.get(word.lemma_.lower()) or change.get(word.lower_)


def opens_range(sentence: str, start: int, end: int) -> bool:
    """Whether the amount at ``sentence[start:end]`` is the first end of a range with the amount after it: "prices
    from $3 to $5", "a fine of $3 billion to $5 billion", "prices range from N to M"; not after a verb that moves
    ("revenue soared from N to M", "raised the target from N to M" state a level before and after)."""
    anchor = _anchor(parse(sentence), start, end)
    if anchor is None:
        return True
    preposition = anchor.head if anchor.dep_ == "pobj" else None
    verb = preposition.head if preposition is not None else anchor.head  # "increased by $43.6 billion to ..."
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _words().ranging:
        return True
    # "N to M" without "from" after a verb: a range unless the verb moves ("rose 5 percent to 6 percent")
    moves = _change_of(verb) or verb.lemma_.lower() in _words().causative
    return not (moves or preposition is not None and preposition.lower_ == "from")


def read_action(sentence: str, start: int, end: int, measure: str) -> str:
    """Return ``measure``, what the amount at ``sentence[start:end]`` counts or weighs, with what its verb did to
    it: "produced 680,000 lithium batteries" is lithium battery output, "12 new routes were added" new routes
    added, "will create 2,000 jobs" jobs created, as an analyst heads the column. A verb that only has, reaches
    or sees its object adds nothing, nor does one that has none and is not in the past ("800 residents live")."""
    anchor = _anchor(parse(sentence), start, end) if measure else None
    if anchor is None:
        return measure
    # The word the verb governs: the noun counted ("680,000 batteries"), or the unit weighed ("340,000 tonnes").
    governed = anchor.head if anchor.dep_ in ("nummod", "quantmod") and anchor.head.pos_ == "NOUN" else anchor
    thing = _of_object(governed) if governed.lower_ in unit_words() else governed
    while governed.dep_ == "conj" and governed.head.pos_ == "NOUN":
        governed = governed.head  # "handled 1.38 billion tonnes of cargo and 39.3 million TEUs of containers"
    words, verb = _words(), governed.head
    measure = _before_joined_verb(measure, anchor.doc)
    if thing is not None and measure.lower() == thing.lower_ and _lives_in(governed):
        return words.population
    # "23 companies settled in the zone": a verb without an object says what its subject did
    intransitive = governed.dep_ == "nsubj" and not any(c.dep_ in _COMPLEMENTS for c in verb.children)
    maker = _subject_of_clause(verb) if measure.lower() in words.trips and governed.dep_ == "dobj" else None
    if maker is not None and (vehicle := _phrase(maker)):
        # "freight trains made 3,120 trips": the trains' trips
        return f"{vehicle.rsplit(' ', 1)[0] + ' ' if ' ' in vehicle else ''}{maker.lemma_} {measure}"
    if thing is None or governed.dep_ not in ("dobj", "nsubjpass") and not intransitive or verb.pos_ != "VERB" \
            or verb.lemma_.lower() in words.plain or len(measure.split()) >= words.max_words:
        return measure
    action = _object_action(verb)
    if action and measure.lower() == thing.lower_ in words.person_nouns:
        return _people(verb, action)
    if action:
        # "140 million bottles of wine were produced": the participle the words gave is the action's
        return _with_action(measure.removesuffix(f" {verb.lower_}"), thing, action)
    # "23 companies settled in the zone" did so; "800 residents live in the village" only are there
    participle = _participle(verb) if not intransitive or verb.tag_ in ("VBD", "VBN") else None
    return _suffixed(measure, participle) if participle else measure


def _area_action(unit: Token) -> str | None:
    """The area that what was done on the land makes of an amount of land: its verb governs it ("afforested N"),
    takes it after "on" ("planted on N") or follows it ("N planted to soybeans")."""
    verbs = [unit.head if unit.dep_ == "dobj" else unit.head.head if unit.dep_ == "pobj" else None,
             *(c for c in unit.children if c.dep_ == "acl")]
    verb = next((v for v in verbs if v is not None and v.pos_ == "VERB"
                 and v.lemma_.lower() in _words().area_actions), None)
    if verb is None:
        return None
    # "Iron-stick yam is planted on 120,000 mu", "sowed soybeans on 2.6 million mu": the crop's area
    crop = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj") and c.pos_ in ("NOUN", "PROPN")
                 and c != unit), None)
    if crop is not None:
        return _suffixed(_singular(_phrase(crop), crop), "area")
    # "the park has grown to 3,000 mu": growing land is no planting
    return None if verb.lemma_.lower() in ("grow", "cultivate") else _words().area_actions[verb.lemma_.lower()]


def _before_joined_verb(measure: str, doc: Doc) -> str:
    """``measure`` up to a verb joined to the clause by "and", which read on from the noun ("employs 260 people and
    booked sales of N", "turned out 680,000 kiloliters of the spirit and generated output value")."""
    for joint in (t for t in doc[:-1] if t.lower_ == "and" and t.dep_ == "cc" and t.head.pos_ == "VERB"):
        verb = doc[joint.i + 1]
        cut = measure.find(f" and {verb.text}")
        if verb.pos_ == "VERB" and verb.dep_ == "conj" and cut > 0:
            return measure[:cut]
    return measure


def _object_action(verb: Token) -> str | None:
    """The noun of what ``verb`` does to the thing it counts or weighs ("produced": output), capacity where it says
    what can be made, not what was ("the plant can produce", "is designed to produce", "will be able to turn out")."""
    words = _words()
    action = words.object_actions.get(_verb_key(verb))
    if action not in words.capacity_actions:
        return action
    can = any(c.dep_ == "aux" and c.lower_ in words.capacity_modals for c in verb.children) \
        or verb.dep_ in ("xcomp", "acl", "advcl") and verb.head.lemma_.lower() in words.capacity_heads
    return "capacity" if can else action


def _people(verb: Token, action: str) -> str:
    """"The plant employs 1,850 people", "CATL employs 20,000 people": the employer's employees; "the ceramics industry
    employs 60,000 people", "tourism employs 300,000 people": its employment. Another verb's action as it is."""
    words = _words()
    if verb.lemma_.lower() != "employ":
        return action
    subject = _subject_of_clause(verb)
    named = _phrase(subject)
    if subject is None or not named:
        return words.employees
    employer = subject.lemma_.lower() in words.employers or subject.lower_ in words.employers
    if not (employer or subject.pos_ == "PROPN" or subject.text.isupper()):
        return _suffixed(named, action)
    # "the Foxconn plant" and "CATL" name whose employees they are; a bare "the company" says nothing more
    return words.employees if employer and " " not in named else _suffixed(named, words.employees)


def read_part(sentence: str, start: int, end: int, counts: list[str]) -> str | None:
    """What a bare number at ``sentence[start:end]`` counts when it is part of a set said before it: "of which
    120 are industrial projects" counts industrial projects, "Forty-five of them will each involve ..." what was
    counted before, "The projects, including 21 in new energy, 17 in ..." projects in new energy. ``counts`` are
    the labels of the counts said before it, the nearest last. None for a number that is no part of a set ("the
    number is expected to reach 50,000")."""
    words, anchor = _words(), _anchor(parse(sentence), start, end)
    if anchor is None or not anchor.like_num:  # a tagger may read "Eleven" opening a sentence as a noun
        return None
    first = anchor
    while first.dep_ == "conj" and first.head.pos_ == "NUM":
        first = first.head  # "21 in new energy, 17 in electronic information and nine in food processing"
    verb = first.head
    including = first.dep_ == "pobj" and verb.lower_ in words.part_prepositions
    if first.dep_ not in _SUBJECTS and not including:
        return None
    named = _phrase(_complement(verb)) if first is anchor and verb.lemma_ == "be" else None
    if named:
        return named  # "of which 132 are listed companies"
    whole = _whole_of(first, verb, including, counts)
    where = _object_of(anchor, "in") or (_object_of(verb, "in") if first is anchor and verb.lemma_ == "be" else None)
    inner = _phrase(where) if whole and where is not None else None
    return f"{whole} in {inner}" if inner else whole


def _worthy(worth: Token) -> Token | None:
    """What "worth" says the amount after it is the worth of, however the parser hung it: the noun it follows ("the
    fund, worth 10 billion yuan,"), its subject as a clause ("attract 217 projects worth a combined 146 billion
    yuan"), or the object of the verb it hangs from ("signed 58 projects worth a combined N"); None if none."""
    if worth.head.pos_ in ("NOUN", "PROPN"):
        return worth.head
    subject = next((c for c in worth.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if subject is not None or worth.head.pos_ != "VERB":
        return subject
    return next((c for c in worth.head.children if c.dep_ == "dobj" and c.i < worth.i), None)


def _complement(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "attr"), None)


def _whole_of(first: Token, verb: Token, including: bool, counts: list[str]) -> str | None:
    """The set a bare number is part of: the noun "including" hangs from, or what its "of" phrase names ("of the
    projects signed"), a pronoun ("of them", "of which") standing for the count said last."""
    words = _words()
    if including:
        return _phrase(verb.head) if verb.head.tag_ == "NNS" else _set_counted(counts)
    clause = verb
    while clause.dep_ == "conj" and _object_of(clause, "of") is None:
        clause = clause.head  # "Of the projects signed, 19 are in chips, and 11 involve platforms"
    of = _object_of(first, "of") or _object_of(clause, "of")
    if of is None:
        return None
    return _set_counted(counts) if of.lower_ in words.part_pronouns else _phrase(of)


def _set_counted(counts: list[str]) -> str | None:
    """The thing the last count said counts: "projects" of "projects signed", "major projects" of "major projects
    started target"."""
    kept = counts[-1].split() if counts else []
    while kept and (kept[-1] in _words().part_closing or kept[-1].endswith("ed")):
        kept.pop()
    return " ".join(kept) or None


def _lives_in(counted: Token) -> bool:
    """Whether people counted are those living in a place: "a city of 4.7 million people", "home to 3.3 million
    people", "the county has 800,000 residents"; not "the fair drew 2 million people" or "employs 300 people"."""
    words, head = _words(), counted.head
    if counted.lower_ not in words.residents:
        return False
    if counted.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in words.place_nouns
    if counted.dep_ == "pobj" and head.lower_ == "to":
        return head.head.lower_ == "home"
    return counted.dep_ == "dobj" and counted.lower_ in words.living and head.lemma_.lower() in words.having


def _participle(verb: Token) -> str | None:
    """The past participle of a verb as written or inflected from its lemma: "carrying" gives "carried", "flew"
    "flown"; None for a lemma lemminflect does not know."""
    if verb.tag_ == "VBN":
        return verb.lower_
    from lemminflect import getInflection  # its tables load on the first call, a tenth of a second

    forms = getInflection(verb.lemma_.lower(), tag="VBN")
    return forms[0] if forms else None


def is_common_word(word: str) -> bool:
    """Whether ``word`` (a part of it, when hyphenated) is an English noun, verb or adjective lemminflect knows:
    "Exports", "Fixed-asset", "High-tech"; not "Dalian", "Chinese", "Sinopec", names however a tagger reads them."""
    from lemminflect import getAllLemmas

    return any(getAllLemmas(part) for part in word.lower().split("-"))


def _named_total(whole: Token) -> str | None:
    """"the national total", "China's total": a total that says whose, which "the total" alone does not."""
    if whole.lemma_.lower() not in _words().amount_nouns:
        return None
    owner = next((c for c in whole.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    modifiers = [c for c in whole.lefts if c.dep_ == "amod"]
    if owner is not None and owner.lower_ in _words().national:
        return f"national {whole.text}"  # "the country's total"
    if owner is not None:
        return f"{_text(_left_modifiers(owner) + [owner])}'s {whole.text}"
    return _text(modifiers + [whole]) if modifiers else None


def _refers_back(noun: Token) -> bool:
    """"it", "that", "the figure", "that number": an object that stands for an amount said before."""
    pointing = ("the", "that", "this")
    return noun.tag_ == "PRP" or noun.lower_ in pointing[1:] and noun.dep_ == "dobj" \
        or noun.lemma_.lower() in _words().count_heads | {"figure"} \
        and any(c.dep_ == "det" and c.lower_ in pointing for c in noun.children) and _of_object(noun) is None


def _subject_of_clause(verb: Token) -> Token | None:
    """A verb's own noun subject, if it has one; of a relative clause, the noun it describes ("routes, which ran
    306 trips")."""
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children):
        described = verb.head
        while described.dep_ == "conj":
            described = described.head
        if described.pos_ == "PROPN" and described.dep_ == "pobj":
            # "routes to Central Asia and Europe, which ran 306 trips": the routes, however "to" was hung
            owner = described.head.head
            objects = [c for c in owner.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
            described = owner if owner.pos_ == "NOUN" else objects[0] if objects else described
        if described.pos_ == "NOUN":
            return _compound_head(described)
    return next((_compound_head(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.pos_ in ("NOUN", "PROPN")), None)


def _priced(subject: Token | None) -> str | None:
    """"Shares of the carmaker rose", "BYD shares closed at N": what moved is the share price (of a name)."""
    if subject is None or subject.lower_ not in _words().priced \
            or any(t.dep_ in _MODIFIERS and t.pos_ == "NOUN" for t in subject.lefts):
        return None  # "property stocks" are a kind of stock, read as written
    names = [t for t in subject.lefts if t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod")]
    if names and names[-1].i == subject.i - 1:
        return f"{_text(names)} share price"
    issuer = _phrase(_of_object(subject))  # "Shares of the Harbin brewer": the brewer's share price
    return f"{issuer} share price" if issuer and len(issuer.split()) < _words().max_words else "share price"


def _verb_key(verb: Token) -> str:
    """A verb's lemma, with its particle when it has one ("turn out", "roll out")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _value_of(noun: Token) -> str | None:
    """"goods worth N" is goods value; "exported shoes worth N" shoe exports, after a verb of trade, as are "goods
    worth N were exported"."""
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "toys and stationery worth N": the whole list
    action = _words().object_actions.get(_verb_key(noun.head)) if noun.dep_ in ("dobj", "nsubjpass") else None
    measure = _phrase(noun)
    if measure and action:
        return _with_action(measure, noun, action)
    # "two battery projects, each worth N": what a thing built is worth is the investment in it, what a cluster is
    # worth its output
    built = attributive_money().get(noun.lower_)
    worth = built if built in ("investment", "output") else "value"
    measure = _singular(measure, noun)
    if measure and worth in measure.split()[:-1]:
        measure = " ".join(w for w in measure.split() if w != worth)  # "investment projects worth N": project
    return _suffixed(measure, worth)


def _acted_on(thing: Token, verb: Token | None) -> str | None:
    """The phrase of ``thing``, with the noun of what ``verb`` did to it when that is a verb of trade or making
    ("exported ... home appliances" is home appliance exports)."""
    measure = _phrase(thing)
    action = _words().object_actions.get(_verb_key(verb)) if verb is not None else None
    return _with_action(measure, thing, action) if measure and action else measure


def _with_action(measure: str, thing: Token, action: str) -> str:
    """"lithium battery output": the measure with the noun of what was done to it, its head word singular, once
    ("produced N of output" is output)."""
    measure = _singular(measure, thing)
    return measure if measure and action in measure.split() else _suffixed(measure, action) or action


def _singular(measure: str | None, thing: Token) -> str | None:
    """The measure with its head word, written as ``thing``, in the singular, as a noun before another is:
    "orchard area", "road length"; unless it has no singular ("goods throughput") or is a name in capitals
    ("IKEA investment")."""
    head = measure.rsplit(" ", 1)[-1] if measure else ""
    if head != thing.text or head.isupper() or thing.lower_ in _words().plural_only:
        return measure
    return f"{measure[:len(measure) - len(head)]}{thing.lemma_}"


def _suffixed(measure: str | None, noun: str) -> str | None:
    """"exports growth", "park area": the measure with what the amount is of it, once."""
    if not measure:
        return None
    return measure if measure.split()[-1].lower() == noun else f"{measure} {noun}"


def _phrase(noun: Token | None) -> str | None:
    """The noun with its compounds and adjectives (and "of X" after nouns that need it), as written."""
    words = _words()
    if noun is not None and noun.tag_ == "CD" and noun.dep_ in _SUBJECTS:
        # "the S&P 500 is poised to drop", "the CSI 300 fell": an index named with a number
        named = [t for t in noun.lefts if t.dep_ in ("compound", "nmod") and any(c.isalpha() for c in t.text)]
        return _text([*named, noun]) if named and named[-1].i == noun.i - 1 else None
    if noun is None or noun.tag_ in _NOT_NOUNS or noun.pos_ not in ("NOUN", "PROPN", "ADJ", "X"):
        return None
    if not any(c.isalpha() for c in noun.text) or noun.lower_ in unit_words():
        return None  # "%", "percent", "yuan": an amount's unit, not what one measures
    if noun.lower_ in words.count_heads or noun.lower_ in words.amount_nouns and _of_object(noun) is not None:
        return _phrase(_of_object(noun))  # "the number of trains", "a total of 3,073 trains": the trains
    owner = next((c for c in noun.lefts if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    if noun.lemma_.lower() in words.share_nouns and owner is not None and owner.lower_ not in words.place_nouns \
            and not _is_place([owner], owner.text):
        # "private enterprises' share of the total": whose share it is ("the city's share" says where), of what
        whose = _text([t for t in noun.doc[owner.left_edge.i:noun.i + 1] if t.tag_ != "DT"])
        whole = _phrase(_of_object(noun))
        return f"{whose} of {whole}" if whole else whose
    kept = _without_place(_bracketed_name(_left_modifiers(noun) + [noun]))
    text = _text(kept)
    if all(_names_when(t) for t in kept) or _is_place(kept, text):
        return None
    text = _joined(noun, _capped(text, words.max_words))
    for preposition, heads in (("of", None), ("in", words.heads_with_in), ("from", words.heads_with_from),
                               ("with", words.heads_with_with)):
        thing = _object_of(noun, preposition)
        if thing is None or heads is not None and noun.lower_ not in heads or thing.lower_ in words.place_nouns:
            continue
        inner = _phrase(thing)
        # "actual use of foreign capital", "investment in manufacturing", "revenue from cultural tourism": what the
        # measure is of, five words at most
        short = bool(inner) and _length(text) + _length(inner) <= words.max_words + 1
        if short and not {"of", "in"} & set(inner.split()):
            return f"{text} {preposition} {inner}"
    return text


def _joined(noun: Token, text: str) -> str:
    """"imports and exports", "wind and solar power generation": a bare noun joined to the measure by "and" is
    part of it, as is a bare noun before "and" and the modifiers of the noun it shares; unless the sentence pairs
    its parts with amounts "respectively"."""
    conjoined = [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    if not conjoined or any(t.lower_ == "respectively" for t in noun.doc):
        return text
    other = conjoined[0]
    # Bare: nothing hangs from it but an adjective after it ("toys and stationery worth N").
    if all(child.dep_ == "amod" and child.i > other.i for child in other.children) \
            and [t.lower_ for t in noun.doc[noun.i + 1:other.i]] == ["and"]:
        return f"{text} and {other.text}"
    # "wind and solar power generation", parsed as "wind" joined to "generation": the head is shared
    modifiers = _left_modifiers(other)
    shared = text == noun.text and modifiers and not any(c.dep_ == "prep" for c in noun.children)
    if shared and [t.lower_ for t in noun.doc[noun.i + 1:modifiers[0].i]] == ["and"]:
        return f"{text} and {_capped(_text([*modifiers, other]), _words().max_words)}"
    return text


def _object_of(noun: Token, preposition: str) -> Token | None:
    """The object of ``noun``'s ``preposition``: "rate of kindergartens" gives "kindergartens" for "of"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _of_object(noun: Token) -> Token | None:
    """The object of ``noun``'s "of"."""
    return _object_of(noun, "of")


def _names_when(token: Token) -> bool:
    """A number, a month or a noun of time: when, not what."""
    return token.like_num or token.text in _words().months or token.lemma_.lower() in _words().time_nouns


def _is_place(tokens: list[Token], text: str) -> bool:
    """A city or province of the gazetteer, or the letters of a currency's country ("US" of "$31.20 US"): where,
    not what."""
    gazetteer = load_gazetteer()
    if len(tokens) == 1 and tokens[0].text in currency_regions():
        return True
    return all(t.pos_ == "PROPN" for t in tokens) and bool(gazetteer.lookup(text) or gazetteer.province(text))


def _without_place(kept: list[Token]) -> list[Token]:
    """"Xining city industrial added value" is industrial added value: a place before the measure says where,
    unless it begins a name."""
    gazetteer = load_gazetteer()
    place = 0
    while place < len(kept) - 1 and kept[place].pos_ == "PROPN" and gazetteer.lookup(kept[place].text):
        place += 1
    if place and kept[place].lower_ in ("city", "province", "county", "district") and place < len(kept) - 1:
        place += 1
    elif place and kept[place].tag_ == "HYPH" and place < len(kept) - 2:
        return kept[place + 2:]  # "Chengdu-based liquor maker": where it is based says where, too
    if all(t.pos_ == "PROPN" for t in kept[place:]) or place and kept[place].pos_ == "PROPN":
        return kept  # "Ningbo Port", "Shanghai Composite", "Hang Seng index": the place begins a name
    return kept[place:]


def _bracketed_name(kept: list[Token]) -> list[Token]:
    """"(R&D) investment intensity": a one-word name in brackets right before the phrase belongs to it."""
    doc, first = kept[0].doc, kept[0].i
    bracketed = first >= 3 and doc[first - 1].text == ")" and doc[first - 3].text == "("
    if bracketed and doc[first - 2].pos_ in ("NOUN", "PROPN"):
        return [doc[first - 2], *kept]
    return kept


def _left_modifiers(noun: Token) -> list[Token]:
    """The compounds, adjectives and hyphens before ``noun`` that belong to it, contiguous up to it."""
    kept: list[Token] = []
    for child in reversed(list(noun.lefts)):
        if child.lower_ in unit_words() or child.i > 0 and child.doc[child.i - 1].tag_ == "$" \
                or _SIGNED_AMOUNT.match(child.text):
            break  # "the 40 billion yuan project", "a £8.1bn takeover": the amount, not the thing's name ("5G" is)
        hyphen = child.tag_ == "HYPH" and not child.whitespace_  # "Fixed-asset", not a list's "- " bullet
        amount = child.like_num and bool(child.whitespace_)  # "5G" is a name; "35" in "35 new projects" an amount
        glued = child.like_num and not child.whitespace_
        if not (hyphen or glued) and (child.dep_ not in _MODIFIERS or child.tag_ in _NOT_NOUNS or amount):
            break
        kept = _left_modifiers(child) + [child] + kept
    return kept


def _text(tokens: list[Token]) -> str:
    """The words as written, brackets aside: "(R&D) investment intensity" is "R&D investment intensity"."""
    doc = tokens[0].doc
    span = doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]
    return "".join(t.whitespace_ if t.text in ("(", ")") else t.text_with_ws for t in span).strip()


def cut_badly(before: str, first: str) -> bool:
    """Whether a label shortened to start at the word ``first`` loses the word ``before`` it needs: "and ...", or
    the second word of a bound pair ("per capita", "new energy")."""
    return first.lower() in ("and", "or") or f"{before} {first}".lower() in _words().bound_pairs


def _length(text: str) -> int:
    """How many words a label has, a bound pair ("per capita") counted as one."""
    parts = text.lower().split()
    return len(parts) - sum(f"{a} {b}" in _words().bound_pairs for a, b in zip(parts, parts[1:]))


def _capped(text: str, limit: int) -> str:
    parts = text.split()
    start = max(0, len(parts) - limit)
    while start > 0 and _length(" ".join(parts[start - 1:])) <= limit:
        start -= 1
    while start > 0 and cut_badly(parts[start - 1], parts[start]):
        start -= 1
    return " ".join(parts[start:])

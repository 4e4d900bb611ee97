"""What a figure measures, read from the structure of its sentence.

The words of the sentence are tagged (grammar.py); a label is a noun phrase found by the figure's place in
the sentence, tried in this order:

- a list line's heading ("- GDP: 332.9 billion yuan"), or the amount a bracketed conversion converts;
- the noun an amount describes ("a 1,200-mu wine industrial park") or a count counts ("35 projects were signed");
- a change: "X rose 8.5 percent" and "X increase by 8.5 percent" give "X growth"; "an increase of 8.1 percent"
  and ", up 8.1 percent" after an amount give that amount's label with "growth";
- "X of N" gives X ("a project operating rate of over 70 percent");
- "X reached / was / totaled / stood at N", "X worth N" (then "X value"), "X accounted for N%" (then "X share"),
  "X grew from N to M": the noun phrase before the verb, followed back through its "of", "from" and "in" phrases
  to their head ("the GDP of the area");
- "N percent of X" gives "X share";
- "will invest N": the noun of a few verbs of money ("investment");
- "N yuan of X", "a $5 million agreement": the noun phrase after the amount.

Lists read "respectively" pair their parts: "A and B reached N and M, respectively" gives N to A and M to B.
A label is at most three words of a noun phrase (four with "and"), never a place name, a pronoun or a period
of time, and never ends in a function word. When nothing names the measure, the label says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..contract.datafiles import read_json
from ..contract.units import alternation, currency_regions, entries, unit_words
from .grammar import Word, tag_words, word_at
from .measures import (Placed, amount_nouns, attributive_money, cut_badly, is_common_word, owned_measures, pace_nouns,
                       population_of, read_action, read_measure, read_part)
from .numbers import BETWEEN, NUMBER

# "- GDP: 332.9 billion yuan": a list line whose heading names the figure.
_HEADING = re.compile(r"^[\W\d_]*([^\W\d_][^:;,.()]*?)\s*:\s*$")
_SIZE_CLASS = re.compile(r"(?:[\d,.]+-)?(?:hundred|thousand|million|billion|trillion)-", re.I)
# "worth a total of N", "hit a record N", "reached a record high of N": the measure is before these words.
_A_TOTAL_OF = re.compile(r"\ban?\s+(?:total|record(?:\s+high)?|all-time\s+high|new\s+high)(?:\s+of)?\s*$", re.I)
_LIST_JOINT = re.compile(r"^(?:\s*,)?\s*(?:and|or)?\s*$")
# "Dow +0.2% S&P 500 +0.3%", "Shanghai Composite -1.2%": a market report's name and its signed move, no verb
# between; the name follows a stop, a colon or the amount before it.
_SIGNED_MOVE = re.compile(r"(?:^|[^\w\s&.'’-])\s*([A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|\d+))*)\s*[+\-−]\s*$")
# "a net worth of 1.356 billion ($1.762 billion)": the amount a bracketed conversion converts, which may be no
# figure of its own (its currency unknown or garbled); the conversion is read where that amount stands.
_CONVERTED = re.compile(rf"({NUMBER.pattern})((?:[\s-]+[^\W\d_]+){{0,3}})\s*\(\s*(?-i:[A-Z]{{1,3}}\s*)?$", re.I)
# How far before a bracket its amount may start: the search stays short on a long line of numbers.
_CONVERSION_REACH = 80
_AUXILIARIES = {"were", "was", "are", "is", "be", "been", "being", "have", "has", "had"}
_MAX_WORDS = 3
_QUOTES = {'"', "\u201c", "\u201d", "``", "''"}
# Tags of a sentence's first word that make it a common word, written in lower case inside a label.
_COMMON_TAGS = {"NN", "NNS", "JJ", "JJR", "JJS", "VBN", "VBG", "IN", "DT"}
_FUNCTION_TAGS = {"IN", "DT"}
# "buy electricity at N per kWh": bought or sold at a rate ("exports stood at N per month" is no price)
_TRADED_AT = re.compile(r"\b(?:buy|buys|bought|sell|sells|sold|purchased?|traded?|priced)\s+(?:\S+\s+){0,3}at\s+$",
                        re.IGNORECASE)
# "each with an investment of more than N": an amount each of the things before has
_EACH_WITH = re.compile(r"\beach\s+(?:with\s+(?:an?\s+)?(?:[\w-]+\s+){1,3}(?:of\s+)?(?:[a-z]+\s+){0,2}|worth\s+(?:[a-z]+\s+){0,2})$",
                        re.IGNORECASE)
_LAST_WORD = re.compile(r"([A-Za-z-]+)[\s,]*$")
_EACH_AFTER = re.compile(r"\s*(?:each|apiece)\b(\s+\w+)?", re.IGNORECASE)
_PER = re.compile(r"\s+per\s+([a-z][\w-]*)", re.IGNORECASE)
_FLOATING = {"each", "both", "all"}
_SIGNED_AMOUNT = re.compile(r"[$¥€£₩₹]\s?\d")
_DETERMINERS = ("DT", "PRP$", "WP$", "PDT")


@dataclass(frozen=True)
class _Words:
    linking: re.Pattern
    change_noun: dict[str, str]
    anaphors: set[str]
    pro_forms: frozenset[str]
    partitives: set[str]
    modifiers: set[str]
    share_nouns: set[str]
    time_nouns: set[str]
    rate_words: dict[str, str]
    when_words: frozenset[str]
    untargeted: frozenset[str]
    measure_adverbs: set[str]
    count_phrases: re.Pattern
    unstated: dict[str, str]
    unit_nouns: set[str]
    action_noun: dict[str, str]
    area_nouns: set[str]
    attributive: dict[str, list[str]]
    whole_labels: dict[str, str]
    unit_prices: frozenset[str]
    land_rates: frozenset[str]
    short_forms: re.Pattern
    short_form: dict[str, str]


@cache
def _words() -> _Words:
    words = read_json("labels.json")
    change_noun = {v: noun for noun, verbs in entries(words["change_verbs"]).items() for v in verbs}
    return _Words(
        linking=re.compile(rf"\b(?:{alternation(words['linking_words']['words'])})\s*$", re.I),
        change_noun=change_noun,
        anaphors=set(words["anaphoric_nouns"]["words"]),
        pro_forms=frozenset(words["pro_forms"]["words"]),
        partitives=set(words["partitive_nouns"]["words"]),
        modifiers=set(words["leading_modifiers"]["words"]),
        share_nouns=set(words["share_nouns"]["words"]),
        time_nouns=set(words["time_nouns"]["words"]),
        rate_words=entries(words["rate_words"]),
        when_words=frozenset(words["when_words"]["words"]),
        untargeted=frozenset(words["target_heads"]["aims"] + words["target_heads"]["estimated"]),
        measure_adverbs=set(words["measure_adverbs"]["words"]),
        count_phrases=re.compile(rf"\b(?:{alternation(words['count_phrases']['phrases'])})\s+", re.I),
        unstated=entries(words["default_labels"]),
        unit_nouns=set(words["unit_nouns"]["words"]),
        action_noun={v: noun for noun, verbs in entries(words["action_nouns"]).items() for v in verbs},
        area_nouns=set(words["area_nouns"]["words"]),
        attributive=entries(words["attributive_measures"]),
        whole_labels=entries(words["whole_labels"]),
        unit_prices=frozenset(w.lower() for w in words["unit_prices"]["words"]),
        land_rates=frozenset(words["unit_prices"]["land_rates"]),
        short_forms=re.compile(rf"\b(?:{alternation(entries(words['short_forms']))})\b", re.I),
        short_form={k.lower(): v for k, v in entries(words["short_forms"]).items()},
    )


@dataclass(frozen=True)
class _Site:
    words: tuple[Word, ...]
    sentence: str
    first: int  # index of the first word of the qualifier or amount
    after: int  # index of the first word after the amount and its unit
    kind: str
    qualified: bool = False


def find_label(sentence: str, first: int, start: int, end: int, kind: str, adjective: bool,
               earlier: list[Placed], said: list[Placed] | None = None) -> str:
    """Return what the figure at ``sentence[start:end]`` measures (its qualifier starts at ``first``).

    ``earlier`` holds the figures found before it in the sentence, ``said`` those of the sentence before, which
    an amount may point back to ("raise it to N"); ``adjective`` is true for an amount
    hyphenated to its unit before a noun ("a 1,200-mu park"). An amount of land is the area of what it
    measures ("an industrial park of 2,800 mu" is industrial park area), a power or length before its noun that
    noun's capacity or length ("a 660-megawatt unit", "a 26-km bridge"), money the investment in it, the size
    of a fund or the value of a deal ("a 6.5-billion-yuan plant"); a standard measure is written short ("GDP").
    """
    lexicon = _words()
    words = tag_words(sentence)
    label = write_short(_uncapitalised(_read_label(words, sentence, first, start, end, kind, adjective, earlier,
                                                   said or []), words))
    # "46 projects, each with an investment over 10 million yuan", "Twelve of the projects carry investment of N
    # each", "Eight of them are each worth N": the investment per project
    each_with = _EACH_WITH.search(sentence, 0, first)
    after = _EACH_AFTER.match(sentence, end)
    # "more than 10 percent each year" is a rate, not an amount per thing
    each = each_with or (after if after and not _words().time_nouns & set((after[1] or "").lower().split()) else None)
    owners = _each_owner(sentence, each_with, earlier, said or []) if each else None
    if owners and kind == "money" and names_nothing(label):
        label = attributive_money().get(owners[1], "value")  # what each thing built is worth is its investment
    if not label or names_nothing(label):
        return label
    label = lexicon.whole_labels.get(label.lower(), label)
    if owners or each_with:
        owner = owners[0] if owners else None
        # "two battery projects, each worth N": the measure once, not "battery project investment per project"
        if owner and owner in label.lower().split():
            label = label.split()[-1]
        label = f"{label} per {owner}" if owner else f"{label} each"
    last = label.split()[-1].lower()
    per = _PER.match(sentence, end) if kind == "money" else None
    # "buy electricity at 0.28 yuan per kilowatt-hour", "offer green power at 0.26 yuan per kWh", "silver went from
    # 7,400 yuan per kilogram": money per a unit of what is traded is its price (not "per capita", "per month")
    unit = per[1].lower() if per else ""
    traded = per is not None and (_TRADED_AT.search(sentence, 0, first) or unit in unit_words()
                                  and unit not in lexicon.time_nouns and unit not in lexicon.land_rates)
    if traded and last not in lexicon.unit_prices and "price" not in label.split():
        return f"{label} price"
    if kind == "area" and last not in lexicon.area_nouns:
        return f"{label} area"
    if kind == "power" and last not in lexicon.attributive["power"]:
        # "an offshore wind project of 1,000 megawatts", "2 gigawatts of solar"; "wind power added" is the capacity
        # added
        head, _, done = label.rpartition(" ")
        return f"{head} capacity {done}" if head and done.endswith("ed") else f"{label} capacity"
    measures = lexicon.attributive.get(kind) if adjective else None
    if measures and last not in measures:
        # money: the investment in a thing built, a fund's size, a deal's value; a weight: a thing built's capacity
        # ("a 15-million-tonne refinery", not "a 2,000-tonne bridge girder")
        built = attributive_money().get(last) == "investment"
        measure = attributive_money().get(last) if kind == "money" else \
            measures[0] if kind != "mass" or built else None
        return f"{label} {measure}" if measure else label
    return label


def _each_owner(sentence: str, each_with: re.Match | None, earlier: list[Placed],
                said: list[Placed]) -> tuple[str, str] | None:
    """What an amount "each" is per, singular and as written: the noun before "each with" ("projects, each with"),
    else the noun of the count said last ("Twelve of the projects carry N each", "Eight of them are each worth N")."""
    before = _LAST_WORD.search(sentence, 0, each_with.start()) if each_with else None
    if (owner := _singular_noun(before)) is not None:
        return owner, before[1].lower()
    counts = [p.label for p in earlier if p.kind == "count"] or [p.label for p in said if p.kind == "count"][-1:]
    nouns = [w.text for w in tag_words(counts[-1]) if w.tag == "NNS"] if counts else []
    owner = _singular_noun(re.match(r"(\S+)", nouns[-1])) if nouns else None
    return (owner, nouns[-1].lower()) if owner else None


def write_short(text: str, names: bool = True) -> str:
    """``text`` with each measure written by its standard short form ("gross domestic product" is "GDP"); without
    ``names``, only where it is written in lower case, as a measure is and a name ("the Research and Development
    Institute") is not."""
    lexicon = _words()
    return lexicon.short_forms.sub(lambda m: lexicon.short_form[m[0].lower()] if names or m[0].islower() else m[0],
                                   text)


def _singular_noun(word: re.Match | None) -> str | None:
    """A plural noun's singular ("projects" gives "project"); None for any other word ("them")."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word[1].lower()).get("NOUN") if word else None
    return lemmas[0] if lemmas and word[1].lower() != lemmas[0] else None


def _uncapitalised(label: str, words: tuple[Word, ...]) -> str:
    """A label taken from a sentence's first word (of its ``words``) in lower case unless that word is a name
    ("Exports growth" is "exports growth"; "Hefei GDP", "BYD sales" stay): a column of labels reads alike whatever
    sentence they came from."""
    opening = words[0] if words else None
    # A tagger may read a name it does not know as an adverb ("Geely shares rose") or a noun ("Dalian exports"):
    # only a word it reads as a common noun, adjective, participle or preposition, and that English has, is taken
    # for one.
    if opening is None or not label.startswith(opening.text) or opening.text.isupper() \
            or opening.tag not in _COMMON_TAGS or not opening.text[:1].isupper() \
            or opening.tag not in _FUNCTION_TAGS and not is_common_word(opening.text):
        return label
    return opening.text[0].lower() + label[1:]


def _read_label(words: tuple[Word, ...], sentence: str, first: int, start: int, end: int, kind: str,
                adjective: bool, earlier: list[Placed], said: list[Placed]) -> str:
    # "growth of between 4 and 5 percent": a range is read where its "between" stands
    between = BETWEEN.search(sentence, 0, first)
    site = _Site(words, sentence, word_at(words, between.start() if between else first), word_at(words, end), kind,
                 first < start)
    heading = _HEADING.match(sentence[:first])
    if heading and len(heading[1].split()) <= _MAX_WORDS + 2:
        return heading[1]
    converted = _CONVERTED.search(sentence, max(0, first - _CONVERSION_REACH), first)
    placed = next((p for p in earlier if converted and p.start <= converted.start(1) < p.end), None)
    if converted and placed is not None and placed.kind == kind:
        return placed.label
    # A count (or an odd unit) before a conversion of money is money in a currency not known ("7.5 million Danish
    # crowns", "4.2 trillion kip"); another amount before a bracket is no conversion ("... (12 percent of the total)")
    if converted and (placed is None or placed.kind in ("count", "other") and kind == "money"):
        # its words up to the bracket are its unit ("4.2 trillion kip"), since the bracket converts them
        return find_label(sentence, converted.start(1), converted.start(1), converted.end(2), kind, False,
                          [p for p in earlier if p is not placed])
    # the sign may be the figure's own first character ("-1.2%") or stand before it ("+0.5%")
    signed_end = first + 1 if sentence[first] in "+-−" else first
    move = _SIGNED_MOVE.search(sentence, 0, signed_end) if kind == "share" else None
    if move:
        return f"{move[1]} change"
    if adjective:
        after = site.after
        if after < len(words) and words[after].text == "(":
            # "a 2.2-billion-yuan (about $311 million) chassis plant": the conversion stands between amount and noun
            after = next((k + 1 for k in range(after, len(words)) if words[k].text == ")"), after)
        return _show(_phrase_after(words, after, attributive=True, limit=_MAX_WORDS + 1)) or _unstated(kind)
    position, chain = _list_position(sentence, first, kind, earlier)
    if position:
        # "15841.6 yuan and 6634 yuan": the second amount is read where the first one stands.
        site = _Site(words, sentence, word_at(words, chain[0].first), site.after, kind, chain[0].first < chain[0].start)
    respectively = "respectively" in sentence.lower()
    # A bare number that counts nothing named ("Most Read 1 ...") is no figure: its label stays empty.
    counted = _count_measure(site) or _counted(site)
    if counted and not _thing_counted(site):
        # "the number of high-tech firms grew by 1,250": what counts them is said before; the tree says what
        # the count is of them (their growth, by 1,250), where it reads the same things
        measure = read_measure(sentence, start, end, kind, earlier, _words().action_noun, said)
        counted = measure if counted.lower() in measure.lower() else counted
    sets = [p for p in earlier if p.kind == "count"]
    if counted and counted.split()[-1].lower() in _words().pro_forms and sets:
        # "more than 130 companies, including 11 listed ones": listed companies, the noun the count before counted
        # ("exported 300,000 vehicles, including 120,000 electric ones": electric vehicles, not "electric exports")
        things = [_thing_counted(_Site(words, sentence, word_at(words, p.first), word_at(words, p.end), "count"))
                  for p in reversed(sets)]
        # "300 companies, including 45 foreign-funded ones and 12 listed ones": companies, past the other "ones"
        thing = next((t for t in things if t and t[-1].low not in _words().pro_forms), None)
        counted = " ".join([*counted.split()[:-1], thing[-1].text if thing else sets[-1].label])
    if counted:
        return read_action(sentence, start, end, counted)
    # "of them" in the sentence after stands for what it counted first, its main clause's ("signed 86 projects that
    # will create 12,000 jobs. Eleven of them ..."); in its own sentence, for the count just before
    counts = [p.label for p in sets] or [p.label for p in said or [] if p.kind == "count"][:1]
    part = read_part(sentence, start, end, counts) if kind == "count" else None
    if part:
        return part
    of_amount = _of_amount(site)
    if of_amount.lower() in amount_nouns():
        # "lifted labor productivity by an average of 37 percent": what the average is of, if the tree says
        of_amount = read_measure(sentence, start, end, kind, earlier, _words().action_noun, said) or of_amount
    return (_of_average(of_amount, kind, earlier) or of_amount
            or read_measure(sentence, start, end, kind, earlier, _words().action_noun, said)
            or _changed(site, position, earlier, respectively)
            or _linked(site, position if respectively else None, earlier) or _share_of(site)
            or read_action(sentence, start, end, _measured(site)) or _acted_on(site)
            or (_show(_thing_counted(site)) if kind == "count" else _unstated(kind)))


def _of_average(label: str, kind: str, earlier: list[Placed]) -> str:
    """"slower than the national average of 5 percent" after GDP growth: the national average of that growth."""
    said = [p.label for p in earlier if p.kind == kind]
    if not label or label.split()[-1].lower() != "average" or not said:
        return ""
    return f"{label} {said[-1]}"


def names_nothing(label: str) -> bool:
    """Whether ``label`` is one that says the sentence names no measure ("amount (measure not stated)")."""
    return label in _words().unstated.values()


def as_target(label: str) -> str:
    """Return the label of a planned figure: "software revenue target"; a label that names no measure, says it is
    an aim already, or names what a plan estimates (a cost, a length) stays as it is."""
    if names_nothing(label) or label.rsplit(" ", 1)[-1].lower() in _words().untargeted:
        return label
    return f"{label} target"


def _unstated(kind: str) -> str:
    return _words().unstated.get(kind, _words().unstated["other"])


def _list_position(sentence: str, first: int, kind: str, earlier: list[Placed]) -> tuple[int, list[Placed]]:
    """How many amounts of the same kind stand before this one in an "N, M and P" list, and those amounts."""
    chain: list[Placed] = []
    cursor = first
    for figure in reversed(earlier):
        if figure.kind != kind or not _LIST_JOINT.match(sentence[figure.end:cursor]):
            break
        chain.insert(0, figure)
        cursor = figure.first
    return len(chain), chain


def _show(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _acceptable(phrase: list[Word]) -> bool:
    """False for a place name, a number, a period of time or a unit: none says what is measured."""
    if not phrase or any(w.is_number() or _SIGNED_AMOUNT.search(w.text) for w in phrase):
        return False  # "HK$5", however it is tagged, is an amount
    if all(w.tag.startswith("NNP") and not w.text.isupper() for w in phrase):
        return False
    if len(phrase) == 1 and phrase[0].text in currency_regions():
        return False  # "$31.20 US", "US $1.1 million": whose dollar, not what is measured
    return phrase[-1].low not in _words().time_nouns and phrase[-1].tag not in ("PRP", "$")


def _capped(phrase: list[Word], limit: int = _MAX_WORDS) -> list[Word]:
    """The last ``limit`` words of a phrase (its head is last): more to keep "X and Y", "per capita", "new energy"."""
    if len(phrase) > limit and any(w.low == "and" for w in phrase[-limit - 1:-1]):
        limit += 1
    while len(phrase) > limit and cut_badly(phrase[-limit - 1].low, phrase[-limit].low):
        limit += 1
    phrase = phrase[-limit:]
    while phrase and not phrase[0].is_modifier() and phrase[0].low != "per":
        phrase = phrase[1:]
    return phrase


def _verb_inside_phrase(words: tuple[Word, ...], k: int) -> bool:
    # "a project operating rate", "industrial added value", "the signed investment": a participle inside a noun
    # phrase follows a determiner, an adjective or a determined noun; "the city attracted investment" does not.
    # "The province signed investment" is a subject and its verb: a past participle never follows a noun.
    if k == 0:
        return True
    before = words[k - 1]
    # "Fotile and Bull Group each reported annual revenue": "each" there stands for its subjects
    return (before.tag in _DETERMINERS and before.low not in _FLOATING or before.tag.startswith("JJ")
            or before.tag == "POS"
            or (not words[k].is_participle() and before.is_noun() and k >= 2 and words[k - 2].tag in _DETERMINERS))


def _phrase_before(words: tuple[Word, ...], j: int) -> tuple[int, list[Word]] | None:
    """The noun phrase ending right before ``words[j]`` (its head last, a year or number allowed as head)."""
    k, phrase = j - 1, []
    while k >= 0:
        w = words[k]
        if phrase and w.text == ")" and k >= 2 and words[k - 2].text == "(" and words[k - 1].is_noun():
            phrase.insert(0, words[k - 1])  # "(R&D) investment intensity": the bracketed name is part of it
            k -= 3
            continue
        if not phrase:
            if not (w.is_noun() or w.is_number()):
                break
        elif w.low == "per" and phrase[0].low == "capita" or w.low == "capita" and k > 0 and words[k - 1].low == "per":
            pass  # "per capita GDP", however "capita" is tagged
        elif w.low == "and" and len(phrase) >= 2 and phrase[0].is_noun() and k > 0 and words[k - 1].is_noun() \
                and words[k - 1].text.islower() == phrase[0].text.islower():
            pass  # "import and export value": two nouns before one head share it
        elif not w.is_modifier() or (w.tag.startswith("VB") and not _verb_inside_phrase(words, k)):
            break
        phrase.insert(0, w)
        k -= 1
    return (k + 1, phrase) if phrase else None


def _phrase_after(words: tuple[Word, ...], k: int, attributive: bool = False, limit: int = _MAX_WORDS) -> list[Word]:
    """The noun phrase starting at ``words[k]``: "projects", "sales centers and warehouses", "types of vehicles".

    ``attributive`` after an amount used as an adjective, whose noun (at most ``limit`` words) names a thing.
    """
    lexicon = _words()
    # "more containers", "the park", "billion-yuan-level clusters": the size class is not the thing counted.
    while k < len(words) and (words[k].low in lexicon.modifiers or words[k].tag in _DETERMINERS
                              or _SIZE_CLASS.match(words[k].text)):
        k += 1
    phrase: list[Word] = []
    while k < len(words):
        w, following = words[k], words[k + 1] if k + 1 < len(words) else None
        if w.tag == "POS" and phrase:
            phrase, k = [], k + 1  # "the city's GDP": the possessor is not the thing
            continue
        if w.text in _QUOTES and _quotes_a_modifier(words, k):
            k += 1  # 'national-level "little giant" firms': a term in quotes is inside the phrase
            continue
        nominal = following is not None and following.is_modifier()
        if w.low == "and" and phrase and nominal and not (phrase[-1].text.islower() and following.text[0].isupper()):
            pass
        elif w.low == "of" and phrase and phrase[-1].low in lexicon.partitives and nominal:
            pass
        elif w.tag.startswith("VB") and w.text[0].isalpha():
            # "intelligent computing center", "newly-signed projects"; but "trucks carrying goods" and "trains passed".
            # "50 million kilowatts of new energy installed capacity": after an amount, a participle between nouns
            # is inside the phrase it names
            inside = following is not None and following.is_noun() and (not phrase or not phrase[-1].is_noun()
                                                                         or attributive and w.tag == "VBN")
            # "charging stations" after "vehicle": a gerund naming a kind of the noun after it; not after a plural,
            # where it is a participle ("trucks carrying goods")
            gerund = w.tag == "VBG" and phrase and phrase[-1].tag in ("NN", "NNP")
            # "a 26-km bridge linking Ningbo and Zhoushan", "a project covering 1,200 mu": a name or an amount after
            # it is the participle's object
            named = following is not None and (following.tag.startswith("NNP") or following.is_number()) and phrase
            if named or not (inside or gerund or "-" in w.text or attributive and w.tag == "VBG" and nominal):
                break
        elif not w.is_modifier() or w.low in lexicon.measure_adverbs and not w.tag.startswith("NNP"):
            break  # "rose sharply"; but "West" opens a name
        elif phrase and phrase[-1].tag == "NNS" and w.low.endswith("ing") and following and following.is_noun():
            break  # "trains loading goods", "trucks carrying cargo": a participle, though tagged as a noun
        phrase.append(w)
        k += 1
    phrase = _trimmed(phrase, words[k] if k < len(words) else None)
    if attributive and len(phrase) >= 2 and all(w.tag.startswith("NNP") or w.tag == "CC" for w in phrase):
        phrase = _kind_named(phrase)  # "the 1,300-hectare West Taihu Lake ... Industrial Park": an industrial park
    if not _acceptable(phrase):
        return []
    participle = [] if attributive else _passive_participle(words, k)
    rate = None if participle else _rate_after(words, k)
    if rate is not None:  # "100 containers per day", "2.3 million passengers daily": daily containers, daily passengers
        return [rate] + _capped(phrase, limit - 1)
    return _capped(phrase, limit - len(participle)) + participle


def _quotes_a_modifier(words: tuple[Word, ...], k: int) -> bool:
    """Whether the quote mark at ``words[k]`` opens (or closes) a term of at most three words that a noun follows:
    'national-level "little giant" firms', not 'held three sessions" xiadou Forum'."""
    opening = next((j for j in range(k + 2, min(k + 5, len(words))) if words[j].text in _QUOTES), None)
    closing = next((j for j in range(k - 2, max(k - 5, -1), -1) if words[j].text in _QUOTES), None)
    end = opening if opening is not None else k if closing is not None else None
    return end is not None and end + 1 < len(words) and words[end + 1].is_noun()


def _kind_named(name: list[Word]) -> list[Word]:
    """The kind of thing a proper name ends in, in lower case: "Industrial Park" of "West Taihu Lake Science and
    Technology Industrial Park", "Expressway" of "Hangzhou-Ningbo Expressway" (a name of two words is one word and
    its kind); nothing if it ends in no such word."""
    kind = []
    for word in reversed(name[-2:] if len(name) > 2 else name[-1:]):
        if not word.text.isalpha() or not word.tag.startswith("NNP"):
            break
        kind.insert(0, Word(word.low, word.start, word.end, "NN"))
    return kind


def _rate_after(words: tuple[Word, ...], k: int) -> Word | None:
    """The adjective of a rate written at ``words[k]``: "a day", "per year" or "annually"; None if there is none."""
    rates = _words().rate_words
    # "a year ago", "a day earlier" say when, not how often
    when = k + 2 < len(words) and words[k + 2].low in _words().when_words
    if k + 1 < len(words) and words[k].low in ("per", "a", "an", "each") and words[k + 1].low in rates and not when:
        return Word(rates[words[k + 1].low], words[k].start, words[k + 1].end, "JJ")
    if k < len(words) and words[k].tag.startswith(("RB", "JJ")) and words[k].low in rates:
        return Word(rates[words[k].low], words[k].start, words[k].end, "JJ")
    return None


def _trimmed(phrase: list[Word], following: Word | None) -> list[Word]:
    """A phrase read forward, cut to a noun phrase: no trailing "last year", "and" or adjective."""
    time_nouns, trimmed = _words().time_nouns, len(phrase)
    while phrase and phrase[-1].low in time_nouns:
        phrase.pop()
        while phrase and not phrase[-1].is_noun():
            phrase.pop()
    while phrase and not (phrase[-1].is_noun() or phrase[-1].tag == "VBG" and len(phrase) > 1):
        phrase.pop()
    lows = [w.low for w in phrase]
    if len(phrase) > _MAX_WORDS + 1 and "and" in lows:
        head = phrase[:lows.index("and")]
        if len(head) >= _MAX_WORDS and head[-1].tag == "NNS":
            return head  # "countries embassy officials and foreign local government officials": two phrases
    if len(phrase) > 2 and phrase[-2].low == "and" and len(phrase) == trimmed and following and following.tag == "TO":
        phrase = phrase[:[w.low for w in phrase].index("and")]  # "grape planting and attempt to": a verb after "and"
    return phrase


def _passive_participle(words: tuple[Word, ...], k: int) -> list[Word]:
    """The participle of a passive after a noun phrase: "40 projects were signed" adds "signed"."""
    verb = k
    while verb < len(words) and words[verb].low in _AUXILIARIES | {"will", "would", "to"}:
        verb += 1
    passive = verb > k and words[verb - 1].low in _AUXILIARIES - {"have", "has", "had"}
    if passive and verb < len(words) and words[verb].tag in ("VBN", "VBD") and words[verb].text.islower():
        return [words[verb]]
    return []


def _head(words: tuple[Word, ...], j: int, position: int | None) -> list[Word]:
    """The noun phrase the words before ``words[j]`` name: through "of", "from", "in" phrases to their head.

    "Direct investment from provinces and cities from Heilongjiang" is direct investment. With ``position``
    (a list read "respectively") the part of an "A and B" subject at that position.
    """
    found = _phrase_before(words, j)
    parts: list[list[Word]] = []
    while found:
        k, phrase = found
        if k > 0 and words[k - 1].is_number() and phrase[-1].low in unit_words():
            break  # "12 percent exceeding ...": the unit of an amount before, not what is measured
        parts.insert(0, phrase)
        while k > 0 and words[k - 1].tag in _DETERMINERS:
            k -= 1
        joint = words[k - 1] if k > 0 else None
        if joint is None or joint.tag == "POS" or joint.low in ("than", "as"):
            break
        if joint.low in ("and", "or"):
            found = _phrase_before(words, k - 1)
        elif joint.tag == "IN":
            found = _phrase_before(words, k - 1)
            if found:
                parts = []
        else:
            break
    if not parts:
        return []
    head = parts[position] if position is not None and position < len(parts) else parts[-1]
    return _capped(head) if _acceptable(head) else []


def _clause_start(words: tuple[Word, ...], j: int) -> int:
    """Skip back over auxiliaries, modals, adverbs and "to" before ``words[j]``: "will reach", "has also grown"."""
    while j > 0 and (words[j - 1].tag in ("MD", "TO", "RB") or words[j - 1].low in _AUXILIARIES):
        j -= 1
    return j


def _counted(site: _Site) -> str:
    """What a count counts: the noun after it, or "the number of X" before it."""
    if site.kind != "count":
        return ""
    thing = _thing_counted(site)
    counted = _show(thing)
    if counted.lower() in _words().unit_nouns:
        # "3.9 million head of beef cattle" counts the cattle; "reached 1 million units": what the units are is said
        # elsewhere (see find_label)
        after = site.words.index(thing[-1]) + 1
        of = after < len(site.words) and site.words[after].low == "of"
        return _show(_phrase_after(site.words, after + 1)) if of else ""
    return counted or _number_of(site)


def _count_measure(site: _Site) -> str:
    """"With an annual capacity of 500,000 vehicles": a count after the "of" of a measure is that measure, not the
    things it counts."""
    words, i = site.words, site.first
    if site.kind != "count" or i < 2 or words[i - 1].low != "of":
        return ""
    found = _phrase_before(words, i - 1)
    if not found or found[1][-1].low not in owned_measures():
        return ""
    # "an annual capacity of 500,000 vehicles" is annual vehicle capacity
    thing = _thing_counted(site)
    kind = _singular_noun(re.match(r"(\S+)", thing[-1].text)) if thing else None
    measure = [w.text for w in _capped(found[1])]
    if kind:
        measure.insert(len(measure) - 1, kind)
    return " ".join(measure)


def _thing_counted(site: _Site) -> list[Word]:
    """The noun phrase after a count; none where it is a name ("… 2 The US is …": page furniture)."""
    phrase = _phrase_after(site.words, site.after)
    return [] if phrase and all(w.tag.startswith("NNP") for w in phrase) else phrase


def _number_of(site: _Site) -> str:
    """The thing in the last "number of <thing>" before the figure, in its clause."""
    clause = re.split(r"[;:]", site.sentence[:site.words[site.first].start])[-1] if site.first < len(site.words) \
        else ""
    found = list(_words().count_phrases.finditer(clause))
    if not found:
        return ""
    offset = site.words[site.first].start - len(clause) + found[-1].end()
    return _show(_phrase_after(site.words, word_at(site.words, offset)))


def _changed(site: _Site, position: int, earlier: list[Placed], respectively: bool) -> str:
    """A change: "X grew 8 percent" is X growth; "X, up 8 percent" and "an increase of 8 percent" follow X."""
    words, i, lexicon = site.words, site.first, _words()
    before = words[i - 1] if i > 0 else None
    if before is None:
        return ""
    if before.low == "by" and i > 1 and words[i - 2].low in lexicon.change_noun:
        verb, noun, referent = i - 2, lexicon.change_noun[words[i - 2].low], False
    elif before.low in lexicon.change_noun and (i < 2 or words[i - 2].tag not in _DETERMINERS):
        verb, noun = i - 1, lexicon.change_noun[before.low]
        referent = i > 1 and words[i - 2].text == ","
    elif before.low == "of" and (found := _phrase_before(words, i - 1)) and found[1][-1].low in lexicon.change_noun:
        if any(w.is_noun() for w in found[1][:-1]):
            return _show(_capped(found[1]))  # "the target of investment growth of 10 percent" names it
        verb, noun, referent = found[0], lexicon.change_noun[found[1][-1].low], True
    else:
        return _changed_amount(site)
    if site.kind != "share":
        return ""
    thing = _referent(site.sentence, earlier, position) if referent else ""
    if not thing:
        start = _clause_start(words, verb)
        thing = _number_of(_Site(words, site.sentence, start, start, "count")) \
            or _show(_head(words, start, position if respectively else None))
    if not thing:
        # "- Fixed-asset investment: up 20.1%": a list line's heading is what changed.
        heading = _HEADING.match(site.sentence[:words[verb].start])
        thing = heading[1] if heading else earlier[-1].label if earlier and not referent else ""
    return f"{thing} {noun}" if thing and thing not in lexicon.unstated.values() else noun


def _referent(sentence: str, earlier: list[Placed], position: int) -> str:
    """The label of the amount a change refers back to: the one at the same place in the list before."""
    own = len(earlier) - position
    if own <= 0:
        return ""
    last = earlier[own - 1]
    _, chain = _list_position(sentence, last.first, last.kind, earlier[:own - 1])
    chain.append(last)
    return chain[position].label if position < len(chain) else last.label


def _changed_amount(site: _Site) -> str:
    """The subject of a change to an amount: "The GDP of the area has grown from N to M"."""
    words, lexicon = site.words, _words()
    for k in range(site.first - 1, -1, -1):
        if words[k].text in ",;()":
            return ""
        if words[k].low in lexicon.change_noun and words[k].low not in ("up", "down") \
                and any(w.low in ("to", "from") for w in words[k + 1:site.first]):
            start = _clause_start(words, k)
            return _number_of(_Site(words, site.sentence, start, start, "count")) or _show(_head(words, start, None))
    return ""


def _share_of(site: _Site) -> str:
    """"46.2% of the proportion of GDP" is GDP share; "40 percent of them" says nothing."""
    words, k = site.words, site.after
    if site.kind != "share":
        return ""
    while k < len(words) and words[k].low == "of":
        phrase = _phrase_after(words, k + 1, attributive=True)
        if not phrase:
            return ""
        if phrase[-1].low not in _words().share_nouns:
            return f"{_show(_capped(phrase, _MAX_WORDS - 1))} share"
        k = next(i for i, w in enumerate(words) if w is phrase[-1]) + 1
    return ""


def _of_amount(site: _Site) -> str:
    """"X of N": the noun phrase right before "of" ("afforestation of 13,333 hectares"), read from the words,
    which a parser joins wrongly in long lists; "a total of N" and "the number of" say nothing."""
    words, sentence, i = site.words, site.sentence, site.first
    if i == 0 or i >= len(words) or words[i - 1].low != "of" or _A_TOTAL_OF.search(sentence[:words[i].start]):
        return ""
    found = _phrase_before(words, i - 1)
    if found and [w.low for w in found[1]] == ["place"] and found[0] >= 1 and words[found[0] - 1].low == "in":
        found = _phrase_before(words, found[0] - 1)  # "actual investment in place of N": the investment arrived
    if not found or found[1][-1].low in _words().anaphors or found[1][-1].low in _words().change_noun:
        return ""
    k = found[0]
    if len(found[1]) == 1 and k >= 2 and words[k - 1].low == "and" and words[k - 2].is_noun() \
            and (k < 3 or not (words[k - 3].is_noun() or words[k - 3].tag.startswith("JJ"))):
        found = (k - 2, [words[k - 2], words[k - 1], *found[1]])  # "imports and exports of N": one measure
    if all(w.low in owned_measures() for w in found[1]):
        return ""  # "covers an area of N", "generated output value of N": whose the parse says (measures.py)
    if site.kind == "count" and len(found[1]) == 1 and (population := population_of(found[1][0].low)):
        return population  # "Anqing, a city of 4.1 million"
    before = found[0] - 1
    while before > 0 and words[before].tag in _DETERMINERS:
        before -= 1
    if found[1][-1].low in pace_nouns() and before >= 0 and words[before].low == "at":
        return ""  # "grew at an annual rate of N": what grew the parse says
    return _show(_capped(found[1])) if _acceptable(found[1]) else ""


def _linked(site: _Site, position: int | None, earlier: list[Placed]) -> str:
    """What is linked to the amount: "X reached N", "X worth N", "an investment over N"."""
    words, sentence, i = site.words, site.sentence, site.first
    if i == 0 or i >= len(words):
        return ""
    text = sentence[:words[i].start]
    total = _A_TOTAL_OF.search(text)
    if total:
        text = text[:total.start()]
    elif words[i - 1].low == "of":
        return ""  # _of_amount's
    link = _words().linking.search(text)
    if link:
        j = _clause_start(words, word_at(words, link.start()))
        head = _show(_head(words, j, position)) or _number_of(_Site(words, sentence, j, j, "count"))
        if head and head.split()[-1].lower() in _words().anaphors:
            return earlier[-1].label if earlier else ""
        if head and link[0].lower().startswith("worth"):
            return f"{head} value"
        # "High-tech industries accounted for 35.2 percent": their share.
        return f"{head} share" if head and site.kind == "share" and link[0].lower().startswith(("acc", "mak", "made")) \
            else head
    # "each with an investment over 10 million yuan": a noun phrase right before a qualified amount.
    if site.qualified:
        return _show(_head(words, i, position))
    return ""


def _acted_on(site: _Site) -> str:
    """The amount a verb acts on: "will invest 10 billion yuan" is investment, "exported $5 million" exports."""
    before = site.words[site.first - 1] if 0 < site.first <= len(site.words) else None
    return _words().action_noun.get(before.low, "") if before and before.tag.startswith("VB") else ""


def _measured(site: _Site) -> str:
    """The noun after an amount: "10 billion yuan of loans", "5,000 mu (about 333 hectares) of grape planting"."""
    words, k = site.words, site.after
    if site.kind in ("share", "count"):
        return ""
    if k < len(words) and words[k].text == "(":
        k = next((i + 1 for i in range(k, len(words)) if words[i].text == ")"), len(words))
    if k < len(words) and words[k].low == "of":
        return _show(_phrase_after(words, k + 1, attributive=True))
    if k + 1 < len(words) and words[k].low in ("a", "per") and words[k + 1].low in _words().time_nouns:
        k += 2  # "a $2500 a month mortgage"
    return _show(_phrase_after(words, k, attributive=True)) if words[k - 1].text != ")" else ""

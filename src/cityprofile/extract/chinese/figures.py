"""Figures in Chinese sentences, and what each one measures.

An amount is a number (778.18, 一万, 两) with an optional scale (万, 亿), a unit
or measure word (元, 亩, 个, 人次, %) and the qualifiers around it (超过, 约, 近,
以上, 多, 左右). A measure word makes a count; a year, date, edition, duration
or rank (2023年, 第21届, 五个月, 居全国前两位) is no figure.

What a figure measures is the noun phrase that leads to it within its clause,
after the time, place and linking verb (今年1-8月 | 西宁市 | 完成 | 全社会固定资产投资
| 778.18亿元), or, for a count, the noun after its measure word (122个 | 项目). A
change word before a percentage (增长27.33%) makes it the growth of the measure
before it, and a share word (占全省的39.8%) a share. The label is English where
the measure ends with a term of the bilingual glossary, else the Chinese phrase
as written; the Chinese phrase is kept as the figure's ``term`` either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from ...contract.datafiles import read_table
from ...contract.records import Figure
from ...contract.units import alternation, entries
from ...contract.units import vocabulary as unit_vocabulary
from ..gazetteer import load_gazetteer
from ..labels import as_target
from .text import HAN, segmenter, vocabulary, words_of

_CLAUSE_BREAK = re.compile(r"[,，;；:：。！？!?、()（）“”\"「」《》]")
# The noun after money over which things are counted: "10亿元以上产业项目15个", "5亿元以上的重大项目"
_THRESHOLD_THING = re.compile(rf"的?([{HAN}]{{0,4}}?(?:项目|企业))")
# A change word, then "to" (增加到, 提高至, 增至): the amount is the level reached.
_LEVEL = re.compile(r"(?:增加|提高|提升|上升|增长|下降|减少|降低|扩大)(?:到|至)$|增至$|降至$")
_CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
_NUMBER = rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CHINESE_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?)"
# Most words a measure keeps, counted back from the amount: a head noun and its modifiers.
_MAX_MEASURE_WORDS = 6
_MAX_MEASURE_CHARS = 16
_CONJUNCTIONS = frozenset({"和", "及", "与", "以及"})
_NUMERAL = re.compile(f"[{_CHINESE_DIGITS}万亿]+")
# Two digits side by side say "five or six" (五六种), not 56.
_APPROXIMATE_PAIR = re.compile("[一二三四五六七八九]{2}")


@dataclass
class _Vocabulary:
    amount: re.Pattern
    scales: dict[str, float]
    units: dict[str, str]
    measure_words: frozenset[str]
    qualifiers: dict[str, str]  # word -> over | about | nearly | under
    change: re.Pattern  # a change word ending the words before an amount
    growth: frozenset[str]
    shares: dict[str, str]
    linking: frozenset[str]
    stops: frozenset[str]
    not_after: re.Pattern
    not_before: frozenset[str]
    rank_words: re.Pattern
    money_cues: re.Pattern
    targets: re.Pattern
    aims: re.Pattern  # the target words that set a figure as an aim ("力争")
    glossary: dict[str, str]
    generic: frozenset[str]
    kinds: dict[str, str]
    rates: re.Pattern  # a verb of a rate of making right before an amount ("年产")
    thresholds: dict[str, str]  # the noun after money over which things are counted -> what it is per thing


def _glossary() -> dict[str, str]:
    return {row["chinese"]: row["english"] for row in read_table("glossary_zh.csv")}


@cache
def _vocabulary() -> _Vocabulary:
    data = vocabulary()
    qualifiers = {word: kind for place in ("before", "after") for kind, words in data["qualifiers"][place].items()
                  for word in words}
    measure_words = data["measure_words"]["words"]
    units = {w: data["units"][w] for w in words_of(data["units"])}
    before = alternation(word for words in data["qualifiers"]["before"].values() for word in words)
    after = alternation(word for words in data["qualifiers"]["after"].values() for word in words)
    amount = re.compile(rf"(?P<before>{before})?{_NUMBER}(?P<scale>{alternation(words_of(data['scales']))})?"
                        rf"(?P<more>多|余)?(?P<unit>{alternation([*units, *measure_words])})?(?P<after>{after})?")
    change = data["change_words"]
    return _Vocabulary(
        amount=amount, scales={w: float(data["scales"][w]) for w in words_of(data["scales"])}, units=units,
        measure_words=frozenset(measure_words), qualifiers=qualifiers,
        change=re.compile(rf"(?:{alternation([*change['growth'], *change['decline']])})了?$"),
        growth=frozenset(change["growth"]),
        shares={w: data["share_words"][w] for w in words_of(data["share_words"])},
        linking=frozenset(data["linking_words"]["words"]), stops=frozenset(data["label_stops"]["words"]),
        not_after=re.compile(rf"(?:{alternation(data['not_figures']['after'])})"),
        not_before=frozenset(data["not_figures"]["before"]),
        rank_words=re.compile(alternation(data["not_figures"]["rank_words"])),
        money_cues=re.compile(alternation(data["money_cues"])),
        targets=re.compile(alternation(data["targets"])),
        aims=re.compile(alternation(data["aims"])),
        glossary=_glossary(), generic=frozenset(data["generic_modifiers"]["words"]),
        kinds={name: unit["kind"] for name, unit in entries(unit_vocabulary()["units"]).items()},
        # "年产值", "年产量", "年产能" are nouns of their own (the glossary's), not the verb "年产"
        rates=re.compile(rf"(?P<rate>{alternation(data['rate_verbs']['words'])})(?![值量能])(?P<run>[^\d，,。；;、]{{0,10}}?)"
                         rf"(?:{before})?$"),
        thresholds={w: data["thresholds"][w] for w in words_of(data["thresholds"])},
    )


def _value(number: str) -> float | None:
    if number[0].isdigit():
        return float(number.replace(",", ""))
    import cn2an  # only Chinese numerals need it

    try:
        return float(cn2an.cn2an(number, "smart"))
    except (ValueError, KeyError):
        return None


@dataclass
class _Amount:
    start: int
    end: int
    value: float
    unit: str
    qualifier: str | None


def _read_amount(found: re.Match, simple: str, vocab: _Vocabulary) -> _Amount | None:
    """The amount a match of the amount pattern states, or None where it is no figure."""
    number, scale, unit_word = found["num"], found["scale"], found["unit"]
    start = found.start("num")
    before, after = simple[max(0, start - 2):start], simple[found.end():]
    if (re.search(r"[A-Za-z\d.]$", simple[:start]) or re.match(r"[A-Za-z]", after)
            or any(before.endswith(w) for w in vocab.not_before)):
        return None
    # "2023年", "五个月", "第21届", "2万吨级": what follows the number and its unit makes it a date, span or class.
    if vocab.not_after.match(simple, found.end() if unit_word else found.end("scale") if scale else found.end("num")):
        return None
    if unit_word is None:
        # "总投资310亿": a scale with no unit is yuan where the clause speaks of money.
        if not scale or not vocab.money_cues.search(simple[_clause_start(simple, start):start]):
            return None
        unit = "CNY"
    else:
        unit = "count" if unit_word in vocab.measure_words else vocab.units[unit_word]
    value = _value(number)
    if value is None or _APPROXIMATE_PAIR.fullmatch(number):
        return None
    chinese = not number[0].isdigit()
    if unit == "count" and ((chinese and value < 2 and not scale)
                            or _in_slogan(simple, found.start(), found.end())
                            or vocab.rank_words.search(simple, _clause_start(simple, start), start)):
        return None
    value *= vocab.scales.get(scale or "", 1.0)
    word = found["before"] or found["after"] or found["more"]
    return _Amount(found.start(), found.end(), float(f"{value:.12g}"), unit, vocab.qualifiers.get(word or ""))


def _in_slogan(simple: str, start: int, end: int) -> bool:
    """A count inside quotes that make a slogan: “三个不减”."""
    return start > 0 and simple[start - 1] in "“\"" and re.match(r"[^”\"]{0,6}[”\"]", simple[end:]) is not None


def _clause_start(simple: str, position: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(simple, 0, position)]
    return breaks[-1] if breaks else 0


@cache
def _place_names() -> frozenset[str]:
    return load_gazetteer().chinese_names()


def _segment(text: str) -> list[str]:
    return [w for w in segmenter().lcut(text, HMM=False) if w.strip()]


def _is_boundary(word: str, vocab: _Vocabulary) -> bool:
    """Whether a word ends the run of words before a measure: a linking verb, a time, place or discourse word."""
    return (word in vocab.linking or word in vocab.stops or word in _place_names()
            or vocab.change.fullmatch(word) is not None or _NUMERAL.fullmatch(word) is not None
            or re.search(r"\d", word) is not None or not re.search(f"[{HAN}A-Za-z]", word))


def _measure_before(text: str, vocab: _Vocabulary) -> str:
    """The measure a run of words ends with: the words after its linking verb, time or place."""
    words = _segment(text)
    # Linking verbs, qualifiers and baselines (比上年同期) stand between a measure and its amount.
    while words and (_is_boundary(words[-1], vocab) or words[-1] in vocab.qualifiers):
        words.pop()
    kept: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        # "物流及房地产项目", "国内游客和市民": two nouns joined are one measure.
        joins = word in _CONJUNCTIONS and kept and index > 0 and not _is_boundary(words[index - 1], vocab)
        if (_is_boundary(word, vocab) and not joins) or len(kept) == _MAX_MEASURE_WORDS:
            break
        kept.insert(0, word)
    measure = "".join(kept)[-_MAX_MEASURE_CHARS:]
    run = "".join(words)
    # A glossary term is one measure however the segmenter splits it: 规模以上 | 工业增加值.
    terms = [term for term in vocab.glossary if run.endswith(term) and len(term) > len(measure)]
    return max(terms, key=len) if terms else measure


def _noun_after(simple: str, end: int, limit: int, vocab: _Vocabulary) -> str:
    """The noun an amount qualifies: 122个 | 项目 (集中签约), 240万千瓦 | 抽水蓄能电站; "" where a clause goes on.

    It stops where the measure of the next amount begins (12个 | 项目 | 总投资34.8亿元).
    """
    clause = _CLAUSE_BREAK.split(simple[end:limit], maxsplit=1)[0]
    if limit < len(simple) and len(clause) == limit - end:
        heads = [term for term in vocab.glossary if clause.endswith(term) and len(term) < len(clause)]
        clause = clause[:-len(max(heads, key=len))] if heads else clause
    words = _segment(clause.removeprefix("的"))
    while words and words[0] in vocab.linking:
        words.pop(0)
    return _leading_phrase(words, vocab)


def _leading_phrase(words: list[str], vocab: _Vocabulary) -> str:
    """The words a run starts with, up to the first boundary: a noun phrase read forwards."""
    kept = []
    for word in words:
        if _is_boundary(word, vocab) or len(kept) == _MAX_MEASURE_WORDS:
            break
        kept.append(word)
    return "".join(kept)


def _threshold(after: str, vocab: _Vocabulary) -> str | None:
    """What money is per thing when the noun right ``after`` it names what is counted over it: "investment per
    project" before 项目, 产业项目 or 重大项目 (a measure written before the money says what it is instead)."""
    found = _THRESHOLD_THING.match(after)
    return next((per for thing, per in vocab.thresholds.items() if found and found[1].endswith(thing)), None)


def _english(measure: str, vocab: _Vocabulary) -> str | None:
    """The glossary's English for a measure that is one of its terms, with at most a modifier that changes nothing.

    "全社会固定资产投资" is fixed asset investment; "高新技术产业项目" is not just
    "projects", so it stays in Chinese rather than lose what it says.
    """
    ends = [term for term in vocab.glossary if measure.endswith(term)]
    if not ends:
        return None
    term = max(ends, key=len)
    rest = measure[:-len(term)]
    return vocab.glossary[term] if not rest or rest in vocab.generic else None


@dataclass
class _Measured:
    term: str | None  # the measure as written, simplified
    label: str
    change: str | None = None  # growth | decline


def _changed(subject: str | None, change: str, vocab: _Vocabulary) -> _Measured:
    """The growth or decline of a measure: "fixed asset investment growth", or "旅游收入 growth" without English for
    the measure: a reader of English tables knows what the figure is, if not of what."""
    if not subject:
        return _Measured(None, change, change)
    return _Measured(subject, f"{_english(subject, vocab) or subject} {change}", change)


def _share(text: str, vocab: _Vocabulary) -> _Measured | None:
    """A share: "占全省的" (of the province's total), "占地区生产总值的比重" (of GDP), "占总项目数" (in Chinese).

    The first share word opens it; the whole is what follows, without the linking verb before the amount.
    """
    found = [(text.find(word), -len(word), word) for word in vocab.shares if word in text]
    if not found:
        return None
    at, _, word = min(found)
    written = text[at:]
    while written and any(written.endswith(w) for w in vocab.linking):
        written = written[:-len(max((w for w in vocab.linking if written.endswith(w)), key=len))]
    written = written.rstrip("的")
    whole = re.sub(r"的?比重$", "", written[len(word):])
    if whole and _english(whole, vocab):
        return _Measured(written, f"share of {_english(whole, vocab)}")
    return _Measured(written, vocab.shares[word] if not whole else written)


def _series(amounts: list[_Amount], index: int, simple: str) -> tuple[int, int]:
    """Where an amount stands in a "分别" series (9.65%和7.2%), and how many amounts the series has."""
    first = index
    while first > 0 and not simple[amounts[first - 1].end:amounts[first].start].strip("和及与、 "):
        first -= 1
    last = index
    while last + 1 < len(amounts) and not simple[amounts[last].end:amounts[last + 1].start].strip("和及与、 "):
        last += 1
    return index - first, last - first + 1


def _measure(simple: str, amounts: list[_Amount], index: int, start: int, previous: list[_Measured],
             vocab: _Vocabulary) -> _Measured:
    """What the amount at ``index`` measures: a level reached, a change, a share, or the noun phrase that leads
    to it (for a count, the noun its measure word counts)."""
    amount = amounts[index]
    position, size = _series(amounts, index, simple)
    text = simple[start:amounts[index - position].start]
    found = vocab.change.search(text)
    level = _LEVEL.search(text)
    if level:  # "由29200吨增加到58500吨": the level reached, not the change
        measure = _measure_before(text[:level.start()], vocab)
        named = [p.term for p in previous if p.change is None and p.term]
        subject = measure or _subject(simple, start, amount.start, vocab) or (named[-1] if named else None)
        return _Measured(subject, _label(subject, vocab) if subject else "")
    if found:
        change = "growth" if found.group(0).rstrip("了") in vocab.growth else "decline"
        measure = _measure_before(text[:found.start()], vocab)
        named = [p.term for p in previous if p.change is None and p.term]
        if "分别" in text and len(named) >= size:
            measure = named[len(named) - size + position]  # "同比分别增长9.65%和7.2%"
        subject = measure or _subject(simple, _clause_start(simple, amount.start), amount.start, vocab)
        return _changed(subject or (named[-1] if named else None), change, vocab)
    limit = amounts[index + 1].start if index + 1 < len(amounts) else len(simple)
    own = simple[amounts[index - 1].end if index else start:amount.start].strip("，,、和及与 ")
    # a measure of the glossary written before the money says what it is (利润总额50亿元以上企业), a verb does not
    # (新开工10亿元以上项目28个)
    if amount.qualifier == "over" and vocab.kinds.get(amount.unit) == "money" \
            and not _english(_measure_before(own, vocab), vocab) and (per := _threshold(simple[amount.end:limit], vocab)):
        return _Measured(None, per)  # "其中10亿元以上项目18个": the investment per project the 18 are over
    if position and previous:
        return previous[-1]  # "新建27项、续建68项" names each; "12个和8个" repeats the first
    share = _share(text, vocab)
    if share:
        return share
    measure = _measure_before(text, vocab)
    if amount.unit == "count":
        counted = _noun_after(simple, amount.end, limit, vocab)
        measure = counted if counted and (not measure or len(counted) > 1) else measure
    elif not _english(measure, vocab) and re.match(f"的?[{HAN}]", simple[amount.end:amount.end + 2]):
        # "240万千瓦抽水蓄能电站", "1.5万平方米的无尘室": an amount before a noun is its size.
        measure = _noun_after(simple, amount.end, limit, vocab) or measure
    rate = vocab.rates.search(text)
    if rate:
        # "年产2万吨豆浆" is the annual output of soy milk, "日处理鲜奶5300吨" the milk processed a day; "年产约30万吨"
        # with nothing named after it, the annual output
        thing = rate["run"] or ("" if measure.endswith(rate["rate"]) else measure)
        return _Measured(None, rate["rate"] + thing)
    return _Measured(measure or None, _label(measure, vocab) if measure else "")


def _as_written(measured: _Measured, sentence: str, at: int) -> str:
    """A Chinese label in the article's own characters (Traditional stays Traditional); an English one as it is."""
    if at < 0 or not measured.term or not measured.label.startswith(measured.term):
        return measured.label
    return sentence[at:at + len(measured.term)] + measured.label[len(measured.term):]


def _label(measure: str, vocab: _Vocabulary) -> str:
    return _english(measure, vocab) or measure


def _subject(simple: str, start: int, end: int, vocab: _Vocabulary) -> str:
    """The topic a clause opens with (复种面积 in 复种面积在原来…的基础上增加了…): what its change is of."""
    words = _segment(_CLAUSE_BREAK.split(simple[start:end], maxsplit=1)[0])
    while words and _is_boundary(words[0], vocab):
        words.pop(0)
    return _leading_phrase(words, vocab)


def extract_chinese_figures(sentence: str, simple: str) -> list[Figure]:
    """Return the figures of a Chinese sentence; ``simple`` is its :func:`text.simplify` copy, of the same length."""
    vocab = _vocabulary()
    amounts = [a for a in (_read_amount(found, simple, vocab) for found in vocab.amount.finditer(simple)) if a]
    figures, previous = [], []
    for index, amount in enumerate(amounts):
        first = index - _series(amounts, index, simple)[0]
        start = max(_clause_start(simple, amounts[first].start), amounts[first - 1].end if first else 0)
        measured = _measure(simple, amounts, index, start, previous, vocab)
        previous.append(measured)
        if not measured.label:
            continue
        at = simple.rfind(measured.term, 0, amount.start) if measured.term else -1
        at = simple.find(measured.term, amount.end) if measured.term and at < 0 else at
        clause = _clause_start(simple, amount.start)
        label = _as_written(measured, sentence, at)
        figures.append(Figure(
            value=amount.value, unit=amount.unit, text=sentence[amount.start:amount.end], qualifier=amount.qualifier,
            # "力争…突破6000亿元" is the GDP target, as in English
            label=as_target(label) if vocab.aims.search(simple, clause, amount.start) else label,
            kind="count" if amount.unit == "count" else vocab.kinds.get(amount.unit, "other"),
            target=bool(vocab.targets.search(simple, clause, amount.start)),
            term=sentence[at:at + len(measured.term)] if at >= 0 else measured.term))
    return figures

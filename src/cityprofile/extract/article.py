"""Extracting one article: the city it is about, and its figures, initiatives, events and industries."""

from __future__ import annotations

from functools import cache, partial

from ..contract.records import MAX_ITEMS, Article, DateMention, Figure, to_dict
from .chinese.article import extract_chinese_article
from .chinese.places import attribute_chinese_city
from .chinese.text import simplify
from .cities import attribute_city
from .clean import tidy_title
from .dates import find_context_year, find_dates
from .duplicates import sign
from .figures import extract_figures
from .gazetteer import load_gazetteer
from .industries import find_industries
from .initiatives import extract_initiatives, merge_initiatives
from .language import LANGUAGES, article_from_any_page, clean_any_page
from .nlp import parse_ahead
from .numbers import NUMBER
from .pages import clean_html
from .timeline import extract_events, find_clause_date, name_plan

_SPAN_QUALIFIERS = ("since", "by", "until", "from", "before", "after", "so far")
# What warm_up extracts: a dated page with a figure, an initiative and a date in another clause, naming no place;
# and its Chinese twin, which loads the segmenter's dictionary, OpenCC and cn2an.
_WARM_UP = ("Published: 2022-05-05\n\nOn May 5, 2022, the industrial park signed 12 agreements worth 3.5 billion yuan, "
            "up 20 percent from a year earlier, after the new logistics centre opened in late April.\n")
_WARM_UP_CHINESE = "2022-05-05\n\n5月5日，产业园区签约两个项目，总投资3.5亿元，同比增长20%。\n"


def _located(records: list, sentence: str, article: Article, dates: list[DateMention]) -> list[dict]:
    """Return records as dicts that carry their article, sentence and the point date of their clause.

    A span ("since the beginning of 2010", "by 2025") says when a total began or is due,
    not when the figure or initiative is dated, so it dates nothing, but a range's end dates what was counted
    over it ("in January-August" is August); a target ("to raise
    revenue to 1 trillion yuan by 2025") is dated by when it is due. A date in another
    clause dates a record only when it governs the sentence (timeline.find_clause_date).
    """
    # A range's end dates what was counted over it ("rose 21.4 percent in January-August" is August's total)
    closing = [b for a, b in zip(dates, dates[1:]) if (a.qualifier or "").startswith("from")
               and (b.qualifier or "").startswith("until")]
    points = [d for d in dates if not (d.qualifier or "").startswith(_SPAN_QUALIFIERS) or d in closing]
    due = [d for d in dates if d in points or (d.qualifier or "").startswith("by")]
    for record in records:
        record.article, record.sentence = article.id, sentence
        written = getattr(record, "text", None) or getattr(record, "name", "")
        position = max(sentence.find(written), 0)
        found = due if getattr(record, "target", False) else points
        date = find_clause_date(sentence, position, found) if found else None
        record.date = date.date if date else None
    return [to_dict(record) for record in records]


def extract_article(article: Article) -> dict:
    """Return the figures, initiatives, events and industry mentions of one article."""
    context_year = find_context_year(article.title, article.sentences, article.date)
    # Each sentence's dates found once, for its figures, initiatives and events.
    dates = cache(partial(find_dates, pub_date=article.date, context_year=context_year))

    # A headline often names the event ("... Fair of <city> Held in <city>") that the body only calls "the Fair".
    initiatives = _located(extract_initiatives(article.title), article.title, article, dates(article.title))
    figures, mentions = [], []
    # Sentences with a number hold the figures and most dates, whose labels and events are read from the parse.
    parse_ahead(s for s in article.sentences if NUMBER.search(s))
    stated: list[Figure] = []  # the last figures said, which "raise it to N" may point back to
    amounts: dict[str, list[str]] = {}  # each sentence's figures as written, which a plan may set as its goal
    for sentence in article.sentences:
        if len(figures) <= MAX_ITEMS:  # past that, a dump: reading more figures would only cost time
            found = extract_figures(sentence, stated)
            amounts[sentence] = [figure.text for figure in found]
            figures += _located(found, sentence, article, dates(sentence))
            stated = found or stated
        initiatives += _located(extract_initiatives(sentence), sentence, article, dates(sentence))
        for mention in find_industries(sentence):
            mention.article = article.id
            mentions.append(mention)
    events = [to_dict(name_plan(e, amounts.get(e.sentence, [])))
              for e in extract_events(article.sentences, article.date, article.id, dates=dates)]
    return {"figures": figures, "initiatives": merge_initiatives(initiatives), "timeline": events,
            "mentions": mentions}


def _read_article(article_id: str, text: str, kind: str, title: str, truncated: bool) -> tuple[Article, str]:
    """Clean a decoded file as the page it is, a web page or a text scrape; return it and its page's language."""
    page = clean_html(text, clean_any_page) if kind == "html" else clean_any_page(text)
    page.title = tidy_title(title) if title else page.title
    page.truncated = page.truncated or truncated
    return article_from_any_page(article_id, page), page.language


def _cap(found: dict, problems: list[list[str]]) -> dict:
    """Keep the first MAX_ITEMS figures, initiatives and events of an article, with a warning for each kind cut."""
    for kind in ("figures", "initiatives", "timeline"):
        if len(found[kind]) > MAX_ITEMS:
            what = "dated events" if kind == "timeline" else kind
            problems.append(["warning", f"more than {MAX_ITEMS} {what}; only the first {MAX_ITEMS} are kept"])
            found[kind] = found[kind][:MAX_ITEMS]
    return found


def extract_source(article_id: str, text: str, kind: str = "text", title: str = "", truncated: bool = False) -> dict:
    """Return everything one decoded article contributes: its city, its record, its items, its problems.

    The arguments are a :class:`corpus.Source`'s fields. The result is plain
    JSON, so it can be cached and sent between processes; problems are
    ``[severity, message]`` pairs, without the file's path.
    """
    article, language = _read_article(article_id, text, kind, title, truncated)
    if not article.sentences:
        reason = (f"written in {LANGUAGES[language]}; cityprofile reads English and Chinese articles"
                  if language in LANGUAGES else "no article text left after removing page furniture")
        return {"city": None, "problems": [["warning", f"{reason}; skipped"]]}
    problems = []
    if article.truncated:
        problems.append(["warning", f"longer than an article can be; only its first {len(article.sentences)} "
                                    "sentences are read"])
    # A Chinese article is matched through the Simplified copy of each sentence, made once for both steps.
    simplified = [simplify(s) for s in article.sentences] if article.language == "zh" else None
    choice = (attribute_chinese_city(simplify(article.title), simplified, load_gazetteer())
              if simplified is not None else attribute_city(article, load_gazetteer()))
    if choice is None:
        return {"city": None, "problems": [*problems, ["warning", "names no known city; left out"]]}
    if choice.runner_up and choice.runner_up_score >= choice.score:
        problems.append(["note", f"{choice.reason}; assigned to {choice.city}"])
    found = _cap(extract_chinese_article(article, simplified) if simplified is not None else extract_article(article),
                 problems)
    return {
        "city": {"city": choice.city, "slug": choice.slug, "province": choice.province},
        "problems": problems,
        "signature": sign(article.sentences, article.language),
        "article": {"id": article.id, "title": article.title, "date": article.date, "source": article.source,
                    "author": article.author, "language": article.language,
                    "words": article.words, "attribution": choice.reason},
        "figures": found["figures"], "initiatives": found["initiatives"], "timeline": found["timeline"],
        "mentions": [to_dict(mention) for mention in found["mentions"]],
    }


def warm_up() -> None:
    """Load what extraction loads on its first article: quantulum3's unit patterns, the parser, date data, the gazetteer,
    and the Chinese segmenter.

    A long-lived process (``cityprofile watch``) calls this once, so that an
    article added later costs only its own extraction.
    """
    load_gazetteer()
    extract_article(_read_article("warm-up", _WARM_UP, "text", "", False)[0])
    chinese = _read_article("warm-up", _WARM_UP_CHINESE, "text", "", False)[0]
    extract_chinese_article(chinese, [simplify(s) for s in chinese.sentences])

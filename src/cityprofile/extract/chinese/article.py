"""Extracting one Chinese article: its figures, initiatives, dated events and industries.

Everything is matched in each sentence's Simplified, half-width copy and quoted
from the sentence as written, so a Traditional page is quoted in Traditional.
"""

from __future__ import annotations

from ...contract.records import MAX_ITEMS, Article, to_dict
from ..initiatives import merge_initiatives
from .dates import extract_chinese_events, find_chinese_dates
from .figures import extract_chinese_figures
from .text import simplify
from .topics import extract_chinese_initiatives, find_chinese_industries


def _date_of(simple: str, position: int, stamp: str | None) -> str | None:
    """The date of the clause of a sentence holding ``position``: its nearest point date before, else after it."""
    dates = [d for d in find_chinese_dates(simple, stamp) if d.qualifier != "since"]
    before = [d for d in dates if d.start <= position]
    chosen = before[-1] if before else (dates[0] if dates else None)
    return chosen.date if chosen else None


def _located(records: list, sentence: str, simple: str, article: Article) -> list[dict]:
    for record in records:
        record.article, record.sentence = article.id, sentence
        written = getattr(record, "text", None) or getattr(record, "name", "")
        record.date = _date_of(simple, max(sentence.find(written), 0), article.date)
    return [to_dict(record) for record in records]


def extract_chinese_article(article: Article) -> dict:
    """Return the figures, initiatives, events and industry mentions of a Chinese article."""
    simplified = [simplify(s) for s in article.sentences]
    figures, initiatives, mentions = [], [], []
    for sentence, simple in zip(article.sentences, simplified):
        if len(figures) <= MAX_ITEMS:  # past that, a dump: reading more figures would only cost time
            figures += _located(extract_chinese_figures(sentence, simple), sentence, simple, article)
        initiatives += _located(extract_chinese_initiatives(sentence, simple), sentence, simple, article)
        for mention in find_chinese_industries(sentence, simple):
            mention.article = article.id
            mentions.append(mention)
    events = extract_chinese_events(article.sentences, simplified, article.date, article.id)
    return {"figures": figures, "initiatives": merge_initiatives(initiatives),
            "timeline": [to_dict(e) for e in events], "mentions": mentions}

"""Extracting one Chinese article: its figures, initiatives, dated events and industries.

Everything is matched in each sentence's Simplified, half-width copy and quoted
from the sentence as written, so a Traditional page is quoted in Traditional.
"""

from __future__ import annotations

from ...contract.records import MAX_ITEMS, Article, DateMention, to_dict
from ..initiatives import merge_initiatives
from .dates import extract_chinese_events, find_chinese_dates
from .figures import extract_chinese_figures
from .topics import extract_chinese_initiatives, find_chinese_industries


def _date_of(points: list[DateMention], position: int) -> str | None:
    """The date of the clause of a sentence holding ``position``: its nearest point date before, else after it."""
    before = [d for d in points if d.start <= position]
    chosen = before[-1] if before else (points[0] if points else None)
    return chosen.date if chosen else None


def _located(records: list, sentence: str, points: list[DateMention], article: Article) -> list[dict]:
    """Return records as dicts that carry their article, sentence and the point date of their clause."""
    for record in records:
        record.article, record.sentence = article.id, sentence
        written = getattr(record, "text", None) or getattr(record, "name", "")
        record.date = _date_of(points, max(sentence.find(written), 0))
    return [to_dict(record) for record in records]


def extract_chinese_article(article: Article, simplified: list[str]) -> dict:
    """Return the figures, initiatives, events and industry mentions of a Chinese article.

    ``simplified`` holds each sentence's :func:`text.simplify` copy.
    """
    figures, initiatives, mentions = [], [], []
    for sentence, simple in zip(article.sentences, simplified):
        # A span ("今年以来") says when a total began; it dates no record.
        points = [d for d in find_chinese_dates(simple, article.date) if d.qualifier != "since"]
        if len(figures) <= MAX_ITEMS:  # past that, a dump: reading more figures would only cost time
            figures += _located(extract_chinese_figures(sentence, simple), sentence, points, article)
        initiatives += _located(extract_chinese_initiatives(sentence, simple), sentence, points, article)
        for mention in find_chinese_industries(sentence, simple):
            mention.article = article.id
            mentions.append(mention)
    events = extract_chinese_events(article.sentences, simplified, article.date, article.id)
    return {"figures": figures, "initiatives": merge_initiatives(initiatives),
            "timeline": [to_dict(e) for e in events], "mentions": mentions}

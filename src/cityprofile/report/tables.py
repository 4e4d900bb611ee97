"""The profiles as flat tables for spreadsheets: one row per item, every row with its city, article and sentence.

Values stay in the base units of profile.json (a sum in yuan, an area in m²),
so that a spreadsheet can add and compare them; the reports format them.
"""

from __future__ import annotations

import re

import pandas as pd

# Per table: the fields of each item after city and article; the sentence comes last, as the longest.
_FIELDS = {
    "figures": ("value", "high", "unit", "kind", "qualifier", "label", "term", "text", "date", "target", "corrected"),
    "timeline": ("date", "precision", "qualifier", "event", "text", "corrected"),
    "initiatives": ("name", "kind", "partners", "date", "corrected"),
}


# What a spreadsheet reads as a formula at the start of a cell (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Controls an .xlsx cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE) and a CSV reader may act on.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _safe(value):
    """Text as a spreadsheet shows it, never runs it: controls removed, a leading formula character quoted.

    Numbers stay numbers; text such as "=HYPERLINK(...)" or "-2+3" from an article or a correction gets a
    leading apostrophe, as OWASP advises, so Excel and LibreOffice show it as text.
    """
    if not isinstance(value, str):
        return value
    value = _CONTROLS.sub("", value)
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def _item_rows(profile: dict, key: str) -> list[dict]:
    return [
        {"city": profile["city"], "article": item["article"],
         **{name: _cell(item.get(name)) for name in _FIELDS[key]}, "sentence": item["sentence"]}
        for item in profile[key]
    ]


def _cell(value):
    """A list (an initiative's partners) as one cell; a whole number without a decimal point."""
    if isinstance(value, list):
        return "; ".join(value)
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _industry_rows(profile: dict) -> list[dict]:
    return [
        {"city": profile["city"], "article": mention["article"], "industry": entry["name"], "sector": entry["sector"],
         "term": mention["term"], "corrected": entry.get("corrected", False), "sentence": mention["sentence"]}
        for entry in profile["industries"] for mention in entry.get("mentioned_in", [])
    ]


def _article_rows(profile: dict) -> list[dict]:
    return [
        {"city": profile["city"], "article": article["id"],
         **{name: article.get(name)
            for name in ("title", "date", "source", "author", "language", "words", "attribution")}}
        for article in profile["articles"]
    ]


def make_tables(profiles: list[dict]) -> dict[str, pd.DataFrame]:
    """Return one table per kind of item (figures, timeline, initiatives, industries) and one of the articles."""
    columns = {
        **{key: ["city", "article", *fields, "sentence"] for key, fields in _FIELDS.items()},
        "industries": ["city", "article", "industry", "sector", "term", "corrected", "sentence"],
        "articles": ["city", "article", "title", "date", "source", "author", "language", "words", "attribution"],
    }
    rows = {key: [row for profile in profiles for row in _item_rows(profile, key)] for key in _FIELDS}
    rows["industries"] = [row for profile in profiles for row in _industry_rows(profile)]
    rows["articles"] = [row for profile in profiles for row in _article_rows(profile)]
    # Object columns keep each value as it is: a cell's CSV text then depends on its value alone, not on the
    # other rows (an inferred float column would write every whole number of every city as "31600000000.0"),
    # so one city's rows written alone are the same text as in the table of all cities.
    return {key: pd.DataFrame([{name: _safe(value) for name, value in row.items()} for row in rows[key]],
                              columns=columns[key], dtype=object) for key in columns}

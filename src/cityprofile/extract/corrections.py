"""An analyst's corrections to the extraction, read from a CSV file and applied to the profiles.

Each row finds items by article id and their text as written (a figure's or
date's span, an initiative's name, an industry phrase; case and spacing
ignored) and drops them, relabels them, sets their qualifier or date, or
moves a whole article to another city. A row that cannot be applied is a
warning naming the file and line, and changes nothing.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath

from ..contract.records import Correction, IndustryMention, to_dict
from ..contract.units import figure_qualifiers
from .gazetteer import load_gazetteer
from .industries import find_industry, group_industries

COLUMNS = ("article", "text", "action", "value", "note")
ACTIONS = ("drop", "relabel", "qualifier", "date", "move")
_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_PRECISIONS = {1: "year", 2: "month", 3: "day"}
# Per list of a profile: what one item is called, and the field holding it as written. An initiative's
# name is kept as written apart, so a later row still finds an initiative an earlier one renamed.
_WRITTEN = "_written"
_KINDS = {"figures": ("figure", "text"), "initiatives": ("initiative", _WRITTEN), "timeline": ("event", "text"),
          "industries": ("industry", "term")}
_NAMED_AS = {"figures": "a figure", "initiatives": "an initiative", "timeline": "an event",
             "industries": "an industry phrase"}
# The field a relabel sets, per list; industries take a name and sector from the taxonomy instead.
_LABELS = {"figures": "label", "initiatives": "name", "timeline": "event"}
_APPLIES_TO = {"qualifier": ("figures", "timeline"), "date": ("figures", "initiatives", "timeline")}


@dataclass
class Row:
    """One correction as written, with where it was written."""

    where: str  # "file:line", for warnings
    article: str
    text: str
    action: str
    value: str
    note: str
    problem: str | None = None  # what is wrong with the row on its own; it is then not applied


def read_corrections(path: Path) -> tuple[list[Row], list[str]]:
    """Return the rows of a corrections file, and a warning if its header makes it unreadable.

    A missing or empty file is no corrections. Blank lines and lines starting with ``#`` are skipped.
    A row that is wrong on its own carries its ``problem``.
    """
    try:
        text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    except UnicodeDecodeError as error:
        return [], [f"warning: {path}: not UTF-8 text ({error.reason} at byte {error.start}); "
                    f"save it as UTF-8 CSV; no correction applied"]
    reader = csv.reader(text.replace("\0", "").splitlines())  # the csv module stops at a NUL byte, which holds no text
    header = [name.strip().lower() for name in next(reader, [])]
    if not header:
        return [], []
    missing = [name for name in COLUMNS[:4] if name not in header]
    if missing:
        return [], [f"warning: {path}:1: the header lacks {', '.join(missing)} (columns: {', '.join(COLUMNS)}); "
                    f"no correction applied"]
    try:
        rows = [row for cells in reader if (row := _read_row(cells, header, f"{path}:{reader.line_num}"))]
    except csv.Error as error:  # a cell past the csv module's field limit, say
        return [], [f"warning: {path}:{reader.line_num}: {error}; no correction applied"]
    return rows, []


def _read_row(cells: list[str], header: list[str], where: str) -> Row | None:
    """Return one line's correction; None for a blank line or a comment."""
    if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
        return None
    values = dict(zip(header, (cell.strip() for cell in cells)))
    extra = cells[len(header):]
    if extra and header[-1] == "note":  # a note written by hand may hold commas, unquoted
        values["note"] = ",".join(cells[len(header) - 1:]).strip()
    row = Row(where, values.get("article", ""), values.get("text", ""),
              values.get("action", "").lower(), values.get("value", ""), values.get("note", ""))
    row.problem = _check(row)
    if extra and header[-1] != "note":
        row.problem = f"{len(cells)} cells for {len(header)} columns; quote a text that holds a comma"
    return row


def resolve_articles(rows: list[Row], ids: Iterable[str]) -> None:
    """Point each row at the article it names by id, or by its whole file name where the id is shorter.

    A name without its extension that two articles share (``x`` for ``x.html`` and ``x.txt``) is a problem
    of the row: which one is meant cannot be told.
    """
    ids = set(ids)
    shortened = defaultdict(list)
    for article_id in sorted(ids):
        shortened[PurePath(article_id).stem].append(article_id)
    for row in rows:
        if row.problem or row.article in ids:
            continue
        if PurePath(row.article).stem in ids:
            row.article = PurePath(row.article).stem
        elif len(shortened.get(row.article, [])) > 1:
            row.problem = f"{row.article!r} may be {' or '.join(shortened[row.article])}; write the whole file name"


def _is_date(value: str) -> bool:
    """Whether ``value`` is a real date at the precision written: "2022-02-31" and "0000" are not."""
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return False
    return True


def _check(row: Row) -> str | None:
    """Return what is wrong with a row on its own, or None."""
    if row.action not in ACTIONS:
        return f"action {row.action!r} is not one of {', '.join(ACTIONS)}"
    if not row.article:
        return "no article id"
    if row.action != "move" and not row.text:
        return f"{row.action} needs the item's text as written"
    if row.action in ("relabel", "move") and not row.value:
        return f"{row.action} needs a value ({'the new label' if row.action == 'relabel' else 'the city'})"
    if row.action == "date" and row.value and not _is_date(row.value):
        return f"date {row.value!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
    return None


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _within(span: str, wanted: str, sentence: str) -> bool:
    """Whether ``wanted`` is a stretch of the sentence that holds the span as a whole number or words.

    "three major rivers" picks the figure "three" of that sentence, not another "three" of the article;
    "16.7 billion yuan" does not hold the figure "16".
    """
    whole = re.search(rf"(?<![\w.,]){re.escape(span)}(?!\w|[.,]\d)", wanted)
    return bool(span) and whole is not None and wanted in sentence


class _Corpus:
    """Every city's items in flat lists, so that a move is a change of one article's city."""

    def __init__(self, profiles: dict[str, dict]):
        self.heads = {slug: {key: p[key] for key in ("city", "slug", "province")} for slug, p in profiles.items()}
        self.city_of = {a["id"]: slug for slug, p in profiles.items() for a in p["articles"]}
        self.articles = {a["id"]: a for p in profiles.values() for a in p["articles"]}
        self.items = {key: [dict(item) for p in profiles.values() for item in p[key]] for key in _LABELS}
        for initiative in self.items["initiatives"]:
            initiative[_WRITTEN] = initiative["name"]
        self.items["industries"] = [
            {"name": entry["name"], "sector": entry["sector"], **mention}
            for p in profiles.values() for entry in p["industries"] for mention in entry["mentioned_in"]
        ]
        self.corrections: list[Correction] = []

    def find(self, row: Row) -> list[tuple[str, dict]]:
        """Return (list name, item) for every item of the row's article written as the row's text.

        Failing that, the items whose span the text holds, with the words around it in their sentence.
        """
        wanted = _normalise(row.text)
        mine = [(key, item, _normalise(item[field])) for key, (_, field) in _KINDS.items()
                for item in self.items[key] if item["article"] == row.article]
        exact = [(key, item) for key, item, span in mine if span == wanted]
        return exact or [(key, item) for key, item, span in mine
                         if _within(span, wanted, _normalise(item["sentence"]))]

    def city_slug(self, name: str) -> str | None:
        """Return the slug of a city named or slugged ``name``, adding it from the gazetteer if new."""
        head = find_city(name, self.heads)
        if head is None:
            return None
        self.heads.setdefault(head["slug"], head)
        return head["slug"]


def find_city(name: str, heads: dict[str, dict]) -> dict | None:
    """Return the city, slug and province of the city named or slugged ``name``.

    One of ``heads`` (by slug) if it is there, else the gazetteer's; None if neither knows it.
    """
    for slug, head in heads.items():
        if name.casefold() in (slug, head["city"].casefold()):
            return head
    gazetteer = load_gazetteer()
    place = gazetteer.lookup(name.strip()) or gazetteer.lookup(name.strip().title())
    if place is None:
        return None
    return {"city": place.name, "slug": gazetteer.slug(place), "province": place.province}


def touched_cities(rows: list[Row], cities_of: dict[str, str], heads: dict[str, dict]) -> set[str]:
    """Return the slugs of the cities whose profiles ``rows`` may change.

    ``cities_of`` gives each article's city, and ``heads`` each city by slug. A row
    touches its article's city, and a move the city it moves the article to.
    """
    touched = set()
    for row in rows:
        if row.problem or row.article not in cities_of:
            continue
        touched.add(cities_of[row.article])
        target = find_city(row.value, heads) if row.action == "move" else None
        if target:
            touched.add(target["slug"])
    return touched


def apply_corrections(profiles: dict[str, dict], rows: list[Row]) -> tuple[dict[str, dict], list[str]]:
    """Return the profiles with the rows applied in order, and a warning per row that changed nothing.

    Every profile gets ``corrected`` on its items and the list of ``corrections`` that touched it.
    """
    corpus = _Corpus(profiles)
    warnings = []
    for row in rows:
        problem = row.problem or _apply(corpus, row)
        if problem:
            warnings.append(f"warning: {row.where}: {problem}; the row changes nothing")
    return _regroup(corpus), warnings


def _apply(corpus: _Corpus, row: Row) -> str | None:
    """Apply one row; return why it could not be applied, or None."""
    if row.article not in corpus.articles:
        return f"no article {row.article!r} (an article id is its file name without the extension, as under Sources)"
    if row.action == "move":
        return _move(corpus, row)
    found = corpus.find(row)
    if not found:
        return f"article {row.article} has no figure, initiative, date or industry phrase written {row.text!r}"
    applicable = [(key, item) for key, item in found if key in _APPLIES_TO.get(row.action, _KINDS)]
    if not applicable:
        kinds = " and ".join(sorted({_NAMED_AS[key] for key, _ in found}))
        allowed = " and ".join(f"{_KINDS[k][0]}s" for k in _APPLIES_TO[row.action])
        return f"{row.text!r} in {row.article} is only {kinds}; {row.action} applies to {allowed}"
    refusals = [_refusal(row, key) for key, _ in applicable]
    if any(refusals):
        return next(r for r in refusals if r)
    for key, item in applicable:
        _change(corpus, row, key, item)
    corpus.corrections.append(Correction(row.action, row.article, row.text, row.value, row.note,
                                         [_KINDS[key][0] for key, _ in applicable]))
    return None


def _refusal(row: Row, key: str) -> str | None:
    """Return why the row's value does not fit an item of this list, or None."""
    if row.action == "relabel" and key == "industries" and find_industry(row.value) is None:
        return f"{row.value!r} is not an industry of data/taxonomy.csv"
    if row.action == "qualifier" and key == "figures" and row.value not in (*figure_qualifiers(), ""):
        return f"a figure's qualifier is one of {', '.join(figure_qualifiers())}, or empty for an exact number"
    if row.action == "date" and key == "timeline" and not row.value:
        return "a dated event needs a date; drop it instead"
    return None


def _change(corpus: _Corpus, row: Row, key: str, item: dict) -> None:
    """Change one item as the row says."""
    if row.action == "drop":
        corpus.items[key].remove(item)
        return
    if row.action == "relabel" and key == "industries":
        industry = find_industry(row.value)
        item.update(name=industry.name, sector=industry.sector)
    elif row.action == "relabel":
        item[_LABELS[key]] = row.value
    elif row.action == "qualifier":
        item["qualifier"] = row.value or None
    elif key == "timeline":
        item.update(date=row.value, precision=_PRECISIONS[len(row.value.split("-"))])
    else:
        item["date"] = row.value or None
    item["corrected"] = True


def _move(corpus: _Corpus, row: Row) -> str | None:
    origin = corpus.city_of[row.article]
    slug = corpus.city_slug(row.value)
    if slug is None:
        return f"{row.value!r} is not a Chinese city of the gazetteer"
    if slug == origin:
        return f"article {row.article} is already about {corpus.heads[slug]['city']}"
    corpus.city_of[row.article] = slug
    corpus.articles[row.article] = {**corpus.articles[row.article],
                                    "attribution": f"moved from {corpus.heads[origin]['city']} by a correction"}
    corpus.corrections.append(Correction("move", row.article, "", corpus.heads[slug]["city"], row.note, ["article"],
                                         moved_from=corpus.heads[origin]["city"]))
    return None


def _regroup(corpus: _Corpus) -> dict[str, dict]:
    """Return the profiles again, city by city, with industries counted anew."""
    order = {article: i for i, article in enumerate(sorted(corpus.articles))}
    profiles = {}
    for slug, head in corpus.heads.items():
        ids = sorted((a for a, city in corpus.city_of.items() if city == slug), key=order.get)
        if not ids:
            continue  # every article moved away

        def mine(key: str, ids=frozenset(ids)) -> list[dict]:
            items = ({k: v for k, v in item.items() if k != _WRITTEN} for item in corpus.items[key]
                     if item["article"] in ids)
            return sorted(items, key=lambda item: order[item["article"]])

        mentions = [IndustryMention(**mention) for mention in mine("industries")]
        profiles[slug] = {
            **head,
            "articles": [corpus.articles[a] for a in ids],
            "industries": group_industries(mentions),
            "initiatives": mine("initiatives"),
            "figures": mine("figures"),
            "timeline": sorted(mine("timeline"), key=lambda e: e["date"]),
            "corrections": [to_dict(c) for c in corpus.corrections
                            if c.article in ids or c.moved_from == head["city"]],
        }
    return profiles

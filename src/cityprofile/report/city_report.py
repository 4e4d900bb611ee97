"""The sections of a city profile, each one call from the notebook.

Every function takes the profile from :func:`cityprofile.notebook.load_profile`
and returns HTML for the cell's output. Every figure, initiative and event
carries a footnote that resolves to its quoted sentence under Sources.
"""

from __future__ import annotations

import pandas as pd

from ..contract.records import PLAN_MARKS
from . import charts, maps
from .formatting import format_date, format_figure, format_money, format_span, noun_for, plural
from .markup import Markup, display_html, escape, render_table, section, tag

TIMELINE_ROWS = 28
KIND_TITLES = {
    "money": "Money",
    "count": "Counts",
    "area": "Areas",
    "share": "Shares and growth rates",
}
OPEN_QUALIFIERS = ("since", "from")  # a date so qualified starts a period that has not ended


def article_number(profile: dict, article_id: str) -> str:
    """Return an article's reference, ``A1`` for the first source."""
    ids = [article["id"] for article in profile["articles"]]
    return f"A{ids.index(article_id) + 1}"


def footnote(profile: dict, item: dict, prefix: str = "") -> Markup:
    """Return a footnote link for an item; hovering shows the quoted sentence.

    ``prefix`` keeps note ids apart when several cities share one page.
    """
    number = profile["notes"][(item["article"], item["sentence"])]
    link = tag("a", f"[{number}]", href=f"#{prefix}note-{number}", title=item["sentence"])
    return Markup(f'<sup class="fn">{link}</sup>')


def mark_corrected(item: dict, text) -> Markup:
    """Return ``text`` followed by a "corrected" mark when a row of the corrections file changed the item."""
    if not item.get("corrected"):
        return escape(text)
    return Markup(f'{escape(text)} <span class="corrected">corrected</span>')


def _empty(profile: dict, what: str) -> Markup:
    count = len(profile["articles"])
    article_text = "the 1 article" if count == 1 else f"the {count} articles"
    return tag("p", f"No {what} were found in {article_text} about {profile['city']}.", class_="empty")


@section
def show_header(profile: dict):
    """Title block: city, province, article count, date span and sources, beside a map of where the city is."""
    articles = profile["articles"]
    sources = sorted({a["source"] for a in articles if a.get("source")})
    dated = [a["date"] for a in articles if a.get("date")]
    published = f"published {format_span(dated)}" if dated else "no publication dates stated"
    if dated and len(dated) < len(articles):
        published += f" ({len(dated)} of {len(articles)} dated)"
    facts = [f"{profile.get('province') or 'Province unknown'} province, China", plural(len(articles), "article"), published]
    parts = [
        tag("h1", profile["city"]),
        tag("p", " · ".join(facts), class_="subtitle"),
        tag("p", "Sources: " + ("; ".join(sources) if sources else "none stated"), class_="meta"),
    ]
    if len(articles) < 3:
        parts.append(tag("p", f"Built from only {plural(len(articles), 'article')}: read it as a sample of "
                              f"the coverage, not a full picture of {profile['city']}.", class_="caution"))
    # Side by side, not floated: a float would reach into the contents below the header.
    return display_html(tag("div", tag("div", *parts), maps.locator_map(profile), class_="masthead"))


def article_refs(profile: dict, ids: list[str]) -> Markup:
    """Return footnote links to whole articles: ``[A1, A3]``."""
    refs = sorted({article_number(profile, i) for i in ids}, key=lambda ref: int(ref[1:]))
    links = ", ".join(str(tag("a", ref, href=f"#source-{ref}")) for ref in refs)
    return Markup(f'<sup class="fn">[{links}]</sup>')


def _cards(profile: dict) -> list[tuple[str, str, Markup]]:
    figures = [f for f in profile["figures"] if not f.get("target")]  # headline facts, not aims
    money = [f for f in figures if f.get("kind") == "money"]
    counts = [f for f in figures if f.get("kind") == "count"]
    shares = [f for f in figures if f.get("kind") == "share"]
    cards = []
    if money:
        top = max(money, key=lambda f: f["value"])
        cards.append((format_figure(top), mark_corrected(top, f"largest sum: {top['label']}"), footnote(profile, top)))
    if counts:
        top = max(counts, key=lambda f: f["value"])
        cards.append((format_figure(top, with_label=False), mark_corrected(top, top["label"]), footnote(profile, top)))
    if shares:
        top = max(shares, key=lambda f: abs(f["value"]))
        cards.append((format_figure(top), mark_corrected(top, top["label"]), footnote(profile, top)))
    areas = [f for f in figures if f.get("kind") == "area"]
    if areas and len(cards) < 3:  # an area is a headline only where little else is stated
        top = areas[0]
        cards.append((format_figure(top), mark_corrected(top, top["label"]), footnote(profile, top)))
    industries = profile["industries"]
    if industries:
        sectors = {i["sector"] for i in industries}
        across = plural(len(industries), "industry", "industries")
        cards.append((str(len(sectors)), f"{noun_for(len(sectors), 'sector')} named, across {across}",
                      article_refs(profile, [a for i in industries for a in i["articles"]])))
    if profile["initiatives"]:
        cards.append((str(len(profile["initiatives"])), f"{noun_for(len(profile['initiatives']), 'initiative')} named",
                      article_refs(profile, [i["article"] for i in profile["initiatives"]])))
    happened = [e for e in profile["timeline"] if not e.get("target")]  # a plan is not the latest news
    if happened:
        latest = max(happened, key=lambda e: e["date"])
        cards.append((format_date(latest["date"], latest.get("qualifier")),
                      mark_corrected(latest, f"latest event: {latest['event']}"), footnote(profile, latest)))
    return cards[:6]


@section
def show_glance(profile: dict):
    """Four to six key-figure cards, each with a footnote to its source."""
    cards = _cards(profile)
    if not cards:
        return display_html(_empty(profile, "figures, industries or dated events"))
    colour = charts.city_colour(profile["slug"], profile["all_slugs"])
    body = [
        f'<div class="card" style="--accent: {colour}"><div class="value">{escape(value)}</div>'
        f'<div class="label">{escape(label)}{note}</div></div>'
        for value, label, note in cards
    ]
    return display_html(Markup(f'<div class="cards">{"".join(body)}</div>'))


@section
def show_industries(profile: dict):
    """Sectors by mentions as a chart, then every industry with its phrases and articles."""
    industries = profile["industries"]
    if not industries:
        return display_html(_empty(profile, "industries"))
    frame = pd.DataFrame(industries)
    sectors = frame.groupby("sector")["mentions"].sum().sort_values(ascending=False)
    table = pd.DataFrame(
        {
            "Industry": [mark_corrected(entry, entry["name"]) for entry in industries],
            "Sector": frame["sector"],
            "Phrases found": frame["terms"].map("; ".join),
            "Mentions": frame["mentions"],
            "Articles": frame["articles"].map(lambda ids: ", ".join(article_number(profile, i) for i in ids)),
        }
    ).sort_values(["Sector", "Mentions"], ascending=[True, False])
    if len(sectors) == 1:  # one bar says nothing a sentence cannot
        summary = tag("p", f"Every industry found is in one sector, {sectors.index[0]} "
                           f"({plural(int(sectors.iloc[0]), 'mention')}).")
        return display_html(summary, render_table(table, numeric=("Mentions",)))
    colour = charts.city_colour(profile["slug"], profile["all_slugs"])
    title = f"{sectors.index[0]} leads with {plural(int(sectors.iloc[0]), 'mention')} of {int(sectors.sum())}"
    fig = charts.bar_chart(list(sectors.index), list(sectors.values), colour, title, "Mentions in the articles",
                           value_text=[str(v) for v in sectors.values])
    return display_html(charts.to_figure(fig), render_table(table, numeric=("Mentions",)))


@section
def show_initiatives(profile: dict):
    """Initiatives grouped by kind, with date, partners and source."""
    initiatives = profile["initiatives"]
    if not initiatives:
        return display_html(_empty(profile, "initiatives"))
    parts = []
    for kind, group in pd.DataFrame(initiatives).groupby("kind", sort=True):
        records = group.to_dict("records")
        rows = pd.DataFrame(
            {
                "Initiative": [mark_corrected(i, i["name"]) for i in records],
                "Date": [format_date(i.get("date"), missing="not stated") for i in records],
                "Partners": ["; ".join(i.get("partners") or []) or "none named" for i in records],
                "Source": [footnote(profile, i) for i in records],
            }
        )
        parts += [tag("h3", f"{kind.capitalize()} ({len(group)})"), render_table(rows)]
    return display_html(*parts)


def _figure_rows(profile: dict, group: pd.DataFrame) -> pd.DataFrame:
    records = group.to_dict("records")
    rows = pd.DataFrame(
        {
            "Figure": [format_figure(f, with_label=False) for f in records],
            "What": [mark_corrected(f, f["label"]) for f in records],
            "Date": [format_date(f.get("date"), missing="") for f in records],
            "As written": [f["text"] for f in records],
            "Source": [footnote(profile, f) for f in records],
        }
    )
    return rows if any(rows["Date"]) else rows.drop(columns="Date")


@section
def show_figures(profile: dict):
    """Figures grouped by kind, qualifiers shown, then a chart of the money figures."""
    figures = profile["figures"]
    if not figures:
        return display_html(_empty(profile, "figures"))
    frame = pd.DataFrame(figures)
    parts = []
    order = list(KIND_TITLES) + sorted(set(frame["kind"]) - set(KIND_TITLES))
    for kind in order:
        group = frame[frame["kind"] == kind]
        if len(group):
            group = group.sort_values("value", ascending=False)
            parts += [tag("h3", KIND_TITLES.get(kind, kind.capitalize())),
                      render_table(_figure_rows(profile, group), numeric=("Figure",))]
    money = frame[frame["kind"] == "money"].sort_values("value", ascending=False)
    if len(money) > 1:
        colour = charts.city_colour(profile["slug"], profile["all_slugs"])
        labels = [f"{row.label} [{profile['notes'][(row.article, row.sentence)]}]" for row in money.itertuples()]
        currencies = ", ".join(sorted(set(money["unit"])))
        top = money.iloc[0]
        fig = charts.bar_chart(labels, list(money["value"]), colour,
                               f"Largest sum: {format_figure(top.to_dict())} ({top['label']})",
                               f"Amount ({currencies})",
                               value_text=[format_figure(f) for f in money.to_dict("records")],
                               tick_format=lambda value: format_money(value, "").strip())
        parts.insert(0, charts.to_figure(fig, "Money figures as stated, each in its own currency; "
                                              "numbers in brackets are footnotes."))
    return display_html(*parts)


def event_text(event: dict) -> str:
    """What an event says, a plan or forecast marked as one: "Planned: ...", unless its words say what kind of plan
    it is already ("Target: ...", as extraction writes them)."""
    text, planned = event["event"], PLAN_MARKS[-1]
    return f"{planned}{text}" if event.get("target") and not text.startswith(PLAN_MARKS) else text


def is_open(event: dict) -> bool:
    """Whether an event is a period with a start and no end ("since the beginning of 2010", "from 2019")."""
    return (event.get("qualifier") or "").startswith(OPEN_QUALIFIERS)


@section
def show_timeline(profile: dict):
    """A timeline chart drawn at each date's precision, then the dated list; plans are marked "Planned"."""
    events = sorted(profile["timeline"], key=lambda e: e["date"])
    if not events:
        return display_html(_empty(profile, "dated events"))
    colour = charts.city_colour(profile["slug"], profile["all_slugs"])
    drawn = events[-TIMELINE_ROWS:]  # one row per event: more would not fit a page
    rows = [{"date": e["date"], "lane": profile["city"], "label": event_text(e), "open": is_open(e)} for e in drawn]
    first, last = format_date(events[0]["date"]), format_date(events[-1]["date"])
    title = f"{plural(len(events), 'dated event')}, {first} to {last}" if len(events) > 1 else f"One dated event, {first}"
    caption = (f"The {len(drawn)} latest of {len(events)} events are drawn; all are listed below."
               if len(drawn) < len(events) else None)
    fig = charts.timeline_chart(rows, {profile["city"]: colour}, title)
    table = pd.DataFrame(
        {
            "When": [format_date(e["date"], e.get("qualifier")) for e in events],
            "What happened": [mark_corrected(e, event_text(e)) for e in events],
            "Source": [footnote(profile, e) for e in events],
        }
    )
    return display_html(charts.to_figure(fig, caption), render_table(table))


def sources_list(profile: dict, prefix: str = "", cited: set | None = None, quote_chars: int | None = None) -> Markup:
    """Return every article, numbered, with the sentences quoted from it as numbered notes.

    ``cited`` limits the notes to those (article, sentence) pairs a report cites, and the articles to those
    quoted (the city's own profile lists them all); ``quote_chars`` cuts longer quotes, marked "…".
    """
    by_article: dict[str, list[tuple[int, str]]] = {}
    for (article_id, sentence), number in profile["notes"].items():
        if cited is None or (article_id, sentence) in cited:
            by_article.setdefault(article_id, []).append((number, sentence))
    items = []
    for article in profile["articles"]:
        ref = article_number(profile, article["id"])
        facts = " · ".join(
            [format_date(article.get("date"), missing="date not stated"),
             article.get("source") or "source not stated",
             *([f"by {article['author']}"] if article.get("author") else []),
             f"{article['words']:,} words", f"file {article['id']}"]
        )
        notes = "".join(
            f'<li id="{prefix}note-{number}"><span class="fn-number">[{number}]</span> '
            f'“{escape(_cut(sentence, quote_chars))}”</li>'
            for number, sentence in sorted(by_article.get(article["id"], []))
        )
        if cited is not None and not notes:
            continue
        quoted = f'<ul class="notes">{notes}</ul>' if notes else ""
        items.append(f'<li id="{prefix}source-{escape(ref)}"><strong>{escape(ref)}. {escape(article["title"])}</strong>'
                     f'<br><span class="meta">{escape(facts)}</span>{quoted}</li>')
    return Markup(f'<ul class="sources">{"".join(items)}</ul>')


def _cut(sentence: str, chars: int | None) -> str:
    """A quote cut to ``chars`` at a word's end (anywhere in Chinese), marked "…"; whole without a limit."""
    if chars is None or len(sentence) <= chars:
        return sentence
    cut = sentence[:chars]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


@section
def show_sources(profile: dict):
    """Every article, numbered, with the sentences the report quotes from it."""
    return display_html(sources_list(profile))


def _describe_correction(correction: dict, city: str) -> str:
    """Say what a correction did, as a reader of this city's report needs it."""
    value = correction["value"]
    if correction["action"] == "move":
        moved_here = correction["value"] == city
        return f"article moved here from {correction['moved_from']}" if moved_here else f"article moved to {value}"
    if correction["action"] == "drop":
        return "dropped"
    if correction["action"] == "relabel":
        return f"relabelled “{value}”"
    shown = format_date(value) if correction["action"] == "date" else value
    return f"{correction['action']} set to {shown}" if value else f"{correction['action']} removed"


@section
def show_corrections(profile: dict):
    """The rows of the corrections file that changed this profile: the item, what was done, and why."""
    corrections = profile.get("corrections", [])
    if not corrections:
        return display_html(tag("p", "None: every item is as extracted from the articles.", class_="empty"))
    ids = [article["id"] for article in profile["articles"]]
    table = pd.DataFrame(
        {
            "Article": [article_number(profile, c["article"]) if c["article"] in ids else c["article"]
                        for c in corrections],
            "Item as written": [c["text"] or "the whole article" for c in corrections],
            "Found as": [", ".join(plural(c["items"].count(kind), kind) for kind in sorted(set(c["items"])))
                         for c in corrections],
            "Correction": [_describe_correction(c, profile["city"]) for c in corrections],
            "Note": [c["note"] for c in corrections],
        }
    )
    renumbered = "" if not any(c["action"] in ("drop", "move") for c in corrections) else (
        " Footnote numbers are given after the corrections: a sentence whose items were all dropped or moved away "
        "is no longer quoted, and the notes after it are numbered one lower than before the correction.")
    return display_html(render_table(table), tag("p", "Each row is one line of the corrections file, applied to the "
                                                      "extraction before this report was made." + renumbered,
                                                 class_="note"))

"""The sections of the comparison report, each one call from the notebook.

Each function takes the list from :func:`cityprofile.notebook.load_profiles`.
Claims in "Key differences" are computed from the same tables shown above.
"""

from __future__ import annotations

import pandas as pd

from ..contract.units import to_base_unit
from . import charts, maps
from .city_report import event_text, footnote, is_open, mark_corrected, sources_list
from .formatting import (
    format_amount,
    format_comparison_title,
    format_date,
    format_figure,
    format_money,
    format_number,
    format_span,
    join_names,
    plural,
)
from .markup import Markup, display_html, escape, render_table, section, tag

UNEVEN = 2  # one city with this many times the articles of another gets a caution
# Up to this many cities a table has a column per city; beyond, it would run
# off the page, and a row says which cities share each sector or kind.
MATRIX_CITIES = 6
SHARED_COLOUR = "#4d4d4d"  # bars counting cities belong to no one city
# Rows per city and kind in the side-by-side tables: enough to compare, and
# fewer as cities are added, so fifty cities still make a readable report.
# Each city's own profile lists everything.
PER_CITY = 6
TABLE_ROWS = 60  # about two A4 pages of a side-by-side table
# Past this many cities, one league table (a row per city) leads, and the
# side-by-side sections cover DETAIL_CITIES: those with most evidence, or those named.
LEAGUE_CITIES = 12
# As many as keep a column per city; with the league, 1,500 cities fit in 40 pages.
DETAIL_CITIES = MATRIX_CITIES
EVENT_CHARACTERS = 40  # a league row stays one line: its latest event is cut to this
QUOTE_CHARS = 300  # a source quote in the comparison; a wordy 900-character sentence would take a third of a page


def count_rows_per_city(cities: int) -> int:
    """Return how many rows of each kind the side-by-side tables show per city."""
    return max(1, min(PER_CITY, TABLE_ROWS // max(cities, 1)))


def _colours(profiles: list[dict]) -> dict[str, str]:
    return {p["city"]: charts.city_colour(p["slug"], p["all_slugs"]) for p in profiles}


def _ref(profile: dict, item: dict) -> Markup:
    """Return "City [n]", linking to the quoted sentence under Sources."""
    note = footnote(profile, item, prefix=f"{profile['slug']}-")
    return Markup(f'<span class="ref">{escape(profile["city"])} {note}</span>')


def rank_by_evidence(profiles: list[dict]) -> list[dict]:
    """Return the profiles with most evidence first: articles, then items found, then name."""
    def evidence(profile: dict) -> tuple:
        items = sum(len(profile[key]) for key in ("figures", "initiatives", "timeline"))
        return -len(profile["articles"]), -items, profile["city"]
    return sorted(profiles, key=evidence)


def choose_detailed(profiles: list[dict]) -> list[dict]:
    """Return the profiles the side-by-side sections cover when no city is named.

    Every city up to LEAGUE_CITIES; past that, the DETAIL_CITIES with most evidence.
    """
    return profiles if len(profiles) <= LEAGUE_CITIES else rank_by_evidence(profiles)[:DETAIL_CITIES]


@section
def show_header(profiles: list[dict], detailed: list[dict] | None = None):
    """Title block; says plainly when there is only one city, and which cities are compared in detail."""
    if not profiles:
        return display_html(tag("h1", "City comparison"), tag("p", "No city profiles were found.", class_="empty"))
    detailed = profiles if detailed is None else detailed
    articles = sum(len(p["articles"]) for p in profiles)
    parts = [
        tag("h1", format_comparison_title([p["city"] for p in profiles])),
        tag("p", f"{plural(len(profiles), 'city', 'cities')} · {plural(articles, 'article')} · "
                 + format_span([a.get("date") for p in profiles for a in p["articles"]]), class_="subtitle"),
    ]
    if len(detailed) < len(profiles):
        parts.append(tag("p", f"Every city has a row in the league table; the sections after it compare "
                              f"{plural(len(detailed), 'city', 'cities')} side by side: "
                              f"{_name_cities([p['city'] for p in detailed])}.", class_="note"))
    if len(profiles) == 1:
        parts.append(tag("p", f"Only one city, {profiles[0]['city']}, was found in the articles, so there is "
                              "nothing to compare it with. Its findings are listed below.", class_="caution"))
    return display_html(*parts)


def _profile_link(profile: dict) -> Markup:
    """Return the city's name, linking to its own profile beside the comparison's folder."""
    return tag("a", profile["city"], href=f"../{profile['slug']}/{profile['slug']}.html")


def _latest_event(profile: dict) -> str:
    happened = [e for e in profile["timeline"] if not e.get("target")]  # a plan is not the latest news
    if not happened:
        return ""
    event = max(happened, key=lambda e: e["date"])
    text = event["event"] if len(event["event"]) <= EVENT_CHARACTERS else event["event"][:EVENT_CHARACTERS - 1] + "…"
    return f"{format_date(event['date'], event.get('qualifier'))}: {text}"


def _span_years(dates: list[str | None]) -> str:
    """Return the years a list of ISO dates spans, "2020–2023", short enough for a league row."""
    years = sorted(date[:4] for date in dates if date)
    if not years:
        return "not stated"
    return years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def league_table(profiles: list[dict]) -> pd.DataFrame:
    """Return one row per city, most evidence first: what stands behind it and its headline findings."""
    ranked = rank_by_evidence(profiles)
    return pd.DataFrame({
        "#": range(1, len(ranked) + 1),
        "City": [_profile_link(p) for p in ranked],
        "Articles": [len(p["articles"]) for p in ranked],
        "Published": [_span_years([a.get("date") for a in p["articles"]]) for p in ranked],
        "Largest stated sum": ["; ".join(format_amount(f) for f in find_largest_sums(p).values()) for p in ranked],
        "Sectors": [len({i["sector"] for i in p["industries"]}) for p in ranked],
        "Initiatives": [len(p["initiatives"]) for p in ranked],
        "Latest event": [_latest_event(p) for p in ranked],
    })


@section
def show_league(profiles: list[dict]):
    """A row per city in tables of at most TABLE_ROWS rows, each linking its profile; up to LEAGUE_CITIES
    cities, every one is also compared side by side below."""
    if not profiles:
        return display_html(tag("p", "No city profiles were found.", class_="empty"))
    table = league_table(profiles)
    below = (f"With {plural(len(profiles), 'city', 'cities')}, every city is also compared side by side below. "
             if len(profiles) <= LEAGUE_CITIES else "")
    parts = [tag("p", below + "Cities with most evidence first: articles, then items found. Published gives the years "
                      "of the articles' dates; the largest sum is the largest stated as a fact (not an aim), per "
                      "currency. Each city's name leads to its own profile, which lists everything.", class_="note")]
    for start in range(0, len(table), TABLE_ROWS):
        chunk = table.iloc[start:start + TABLE_ROWS]
        parts.append(render_table(chunk, numeric=("#", "Articles", "Sectors", "Initiatives"), class_="league",
                                  caption=f"Cities {start + 1}–{start + len(chunk)} of {len(table)}"))
    return display_html(*parts)


@section
def show_map(profiles: list[dict]):
    """Every compared city on one map, a dot sized by its articles; the cities with most evidence named."""
    if not profiles:
        return display_html(tag("p", "No city profiles were found.", class_="empty"))
    return display_html(maps.comparison_map(profiles))


def coverage_table(profiles: list[dict]) -> pd.DataFrame:
    """Return articles, words and date span per city."""
    return pd.DataFrame(
        {
            "City": [p["city"] for p in profiles],
            "Province": [p["province"] for p in profiles],
            "Articles": [len(p["articles"]) for p in profiles],
            "Words": [format_number(sum(a["words"] for a in p["articles"])) for p in profiles],
            "Published": [format_span([a.get("date") for a in p["articles"]]) for p in profiles],
        }
    )


@section
def show_coverage(profiles: list[dict]):
    """Articles per city and date spans, with a caution when the evidence is uneven."""
    table = coverage_table(profiles)
    parts = [render_table(table, numeric=("Articles", "Words"))]
    counts = table.set_index("City")["Articles"]
    thin = counts[counts * UNEVEN <= counts.max()]
    if len(thin):
        most = counts.idxmax()
        others = join_names([f"{city} ({count})" for city, count in thin.items()])
        parts.append(tag("p", f"Uneven evidence: {most} has {plural(int(counts[most]), 'article')}, at least "
                              f"{UNEVEN} times as many as {others}. A difference in counts below is a difference "
                              "in coverage, not between the cities.", class_="caution"))
    return display_html(*parts)


def sector_matrix(profiles: list[dict]) -> pd.DataFrame:
    """Return mentions per sector (rows) and city (columns), zeros where absent."""
    rows = [{"Sector": i["sector"], "City": p["city"], "Mentions": i["mentions"]}
            for p in profiles for i in p["industries"]]
    if not rows:
        return pd.DataFrame()
    matrix = pd.DataFrame(rows).pivot_table(index="Sector", columns="City", values="Mentions",
                                            aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(columns=[p["city"] for p in profiles], fill_value=0)
    return matrix.loc[matrix.sum(axis=1).sort_values(ascending=False).index]


def describe_presence(present: pd.Series) -> str:
    """Say which cities a row of a city matrix is found in, naming the shorter side."""
    cities, missing = list(present.index[present]), list(present.index[~present])
    if not missing:
        return "every city"
    if len(missing) < len(cities):
        return "every city except " + ", ".join(missing)
    return ", ".join(cities) + " only"


def tabulate_presence(matrix: pd.DataFrame, total: str) -> pd.DataFrame:
    """Return one row per row of a city matrix: how many cities have it, its total, and which cities."""
    present = matrix > 0
    return pd.DataFrame({
        matrix.index.name: matrix.index,
        "Cities": present.sum(axis=1).values,
        total: matrix.sum(axis=1).values,
        "Found in": [describe_presence(row) for _, row in present.iterrows()],
    })


@section
def show_industries(profiles: list[dict]):
    """Shared sectors and sectors found in one city only: a chart and a table."""
    matrix = sector_matrix(profiles)
    if matrix.empty:
        return display_html(tag("p", "No industries were found in any city's articles.", class_="empty"))
    present = matrix > 0
    shared = list(matrix.index[present.all(axis=1)])
    if len(profiles) > MATRIX_CITIES:
        title = f"{len(shared)} of {plural(len(matrix), 'sector')} named in all {len(profiles)} cities"
        fig = charts.bar_chart(list(matrix.index), list(present.sum(axis=1)), SHARED_COLOUR, title,
                               "Cities whose articles name the sector")
        return display_html(charts.to_figure(fig), render_table(tabulate_presence(matrix, "Mentions"),
                                                                numeric=("Cities", "Mentions")))
    title = (f"{plural(len(shared), 'sector')} named in every city" if len(profiles) > 1
             else f"{plural(len(matrix), 'sector')} named")
    if len(profiles) <= 2:
        fig = charts.grouped_bar_chart(list(matrix.index), {c: list(matrix[c]) for c in matrix.columns},
                                       _colours(profiles), title, "Mentions in the articles")
    else:  # grouped bars grow with every city; a grid does not
        fig = charts.heatmap(list(matrix.index), list(matrix.columns), matrix.values.tolist(), _colours(profiles),
                             title, "Mentions of each sector in each city's articles")
    table = matrix.reset_index()
    table["Found in"] = [describe_presence(row) for _, row in present.iterrows()]
    return display_html(charts.to_figure(fig), render_table(table, numeric=tuple(matrix.columns)))


def _unit_name(unit: str) -> str:
    return "" if unit == "count" else unit


def _say_how_many(limit: int, one: str, many: str) -> str:
    """Return ``one`` with "is" for a single row, else ``many`` filled with the count, with "are"."""
    return f"{one} is" if limit == 1 else f"{many.format(limit)} are"


def shown_figures(profile: dict, limit: int) -> list[dict]:
    """Return the figures the comparison shows for a city: its ``limit`` largest of each kind."""
    shown = []
    for kind in sorted({f["kind"] for f in profile["figures"]}):
        shown += sorted((f for f in profile["figures"] if f["kind"] == kind),
                        key=lambda f: -to_base_unit(f["value"], f["unit"])[0])[:limit]
    return shown


def count_events_per_city(cities: int) -> int:
    """Return how many latest events the timeline shows per city: twice the rows of other kinds, within TABLE_ROWS."""
    return max(1, min(2 * PER_CITY, TABLE_ROWS // max(cities, 1)))


def shown_events(profile: dict, limit: int) -> list[dict]:
    """Return the events the comparison shows for a city: its latest ``limit``."""
    return sorted(profile["timeline"], key=lambda e: e["date"])[-limit:]


def shown_initiatives(profile: dict, limit: int) -> list[dict]:
    """Return the initiatives the comparison lists for a city: its first ``limit``."""
    return profile["initiatives"][:limit]


@section
def show_figures(profiles: list[dict]):
    """The largest figures of every city, one table per kind, with qualifiers and sources."""
    rows = []
    limit = count_rows_per_city(len(profiles))
    left_out = sum(len(p["figures"]) - len(shown_figures(p, limit)) for p in profiles)
    for profile in profiles:
        for figure in shown_figures(profile, limit):
            value, unit = to_base_unit(figure["value"], figure["unit"])
            rows.append({"Kind": figure["kind"], "City": profile["city"],
                         "Figure": format_figure(figure, with_label=False),
                         "What": mark_corrected(figure, figure["label"]),
                         "Value": f"{format_number(value)} {_unit_name(unit)}".strip(),
                         "Source": _ref(profile, figure), "_unit": unit, "_target": bool(figure.get("target")),
                         "_sort": value})
    if not rows:
        return display_html(tag("p", "No figures were found in any city's articles.", class_="empty"))
    # Stated facts first: an aim ("to join the 1-trillion-yuan club") is no measure of what a city has.
    frame = pd.DataFrame(rows).sort_values(["Kind", "_unit", "_target", "_sort"], ascending=[True, True, True, False])
    parts = []
    for kind, group in frame.groupby("Kind", sort=True):
        parts += [tag("h3", kind.capitalize()),
                  render_table(group.drop(columns=["Kind", "_unit", "_target", "_sort"]), numeric=("Figure", "Value"))]
    note = ("Values are in base units (yuan, not billions), areas in m², lengths in m, masses in kg and power "
            "in kW, so that rows of one unit compare directly; money stays in the currency stated. "
            "Each source number leads to its sentence under Sources.")
    if left_out:
        shown = _say_how_many(limit, "the largest figure of each kind", "the {} largest figures of each kind")
        note += (f" For each city {shown} shown; {plural(left_out, 'smaller figure')}"
                 " are listed in the cities' own profiles.")
    return display_html(tag("p", note, class_="note"), *parts)


@section
def show_timeline(profiles: list[dict]):
    """One timeline with a lane per city, then the merged dated list."""
    limit = count_events_per_city(len(profiles))
    events = sorted(((e, p) for p in profiles for e in shown_events(p, limit)), key=lambda pair: pair[0]["date"])
    if not events:
        return display_html(tag("p", "No dated events were found in any city's articles.", class_="empty"))
    lanes = [p["city"] for p in profiles]
    rows = [{"date": e["date"], "lane": p["city"], "label": event_text(e), "open": is_open(e), "number": number}
            for number, (e, p) in enumerate(events, start=1)]
    title = f"{plural(len(events), 'dated event')} from {format_date(events[0][0]['date'])} to {format_date(events[-1][0]['date'])}"
    fig = charts.timeline_chart(rows, _colours(profiles), title, lanes=lanes)
    table = pd.DataFrame(
        {
            "#": range(1, len(events) + 1),  # the number beside each item of the chart
            "When": [format_date(e["date"], e.get("qualifier")) for e, _ in events],
            "City": [p["city"] for _, p in events],
            "What happened": [mark_corrected(e, event_text(e)) for e, _ in events],
            "Source": [_ref(p, e) for e, p in events],
        }
    )
    parts = [charts.to_figure(fig)]
    left_out = sum(len(p["timeline"]) for p in profiles) - len(events)
    if left_out:
        shown = _say_how_many(limit, "The latest dated event of each city", "The latest {} dated events of each city")
        parts.append(tag("p", f"{shown} shown; "
                              f"{plural(left_out, 'earlier one')} are in the cities' own profiles.", class_="note"))
    return display_html(*parts, render_table(table, numeric=("#",)))


def initiative_matrix(profiles: list[dict]) -> pd.DataFrame:
    """Return initiatives per kind (rows) and city (columns)."""
    rows = [{"Kind": i["kind"], "City": p["city"]} for p in profiles for i in p["initiatives"]]
    if not rows:
        return pd.DataFrame()
    matrix = pd.crosstab(pd.DataFrame(rows)["Kind"], pd.DataFrame(rows)["City"])
    return matrix.reindex(columns=[p["city"] for p in profiles], fill_value=0)


@section
def show_initiatives(profiles: list[dict]):
    """Initiatives counted by kind per city, then listed."""
    matrix = initiative_matrix(profiles)
    if matrix.empty:
        return display_html(tag("p", "No initiatives were found in any city's articles.", class_="empty"))
    limit = count_rows_per_city(len(profiles))
    listing = pd.DataFrame(
        [{"City": p["city"], "Kind": i["kind"], "Initiative": mark_corrected(i, i["name"]),
          "Date": format_date(i.get("date"), missing="not stated"), "Source": _ref(p, i)}
         for p in profiles for i in shown_initiatives(p, limit)]
    )
    if len(profiles) > MATRIX_CITIES:
        parts = [render_table(tabulate_presence(matrix, "Initiatives"), numeric=("Cities", "Initiatives"))]
    else:
        parts = [render_table(matrix.reset_index(), numeric=tuple(matrix.columns))]
    left_out = sum(max(0, len(p["initiatives"]) - limit) for p in profiles)
    if left_out:
        listed = _say_how_many(limit, "The first initiative of each city", "The first {} initiatives of each city")
        parts.append(tag("p", f"{listed} listed; "
                              f"{plural(left_out, 'other')} are in the cities' own profiles.", class_="note"))
    return display_html(*parts, render_table(listing))


def _name_cities(cities: list[str]) -> str:
    """Name up to three cities, then count the rest: "A, B, C and 4 others"."""
    return join_names(cities[:3] + ([plural(len(cities) - 3, "other")] if len(cities) > 3 else []))


def _spread(values: pd.Series, cities: int, show=str) -> str:
    """Say how a value ranges over the cities that state it, out of ``cities``.

    "from 2 (A) to 6 (B and C)", "2 in every city", "31.6 bn CNY in A and B".
    """
    low, high = values.min(), values.max()
    if low == high:
        return f"{show(low)} in {'every city' if len(values) == cities else _name_cities(list(values.index))}"
    spread = (f"from {show(low)} ({_name_cities(list(values.index[values == low]))}) "
              f"to {show(high)} ({_name_cities(list(values.index[values == high]))})")
    if len(values) < cities:
        spread += f"; {plural(cities - len(values), 'city', 'cities')} state none"
    return spread


def find_largest_sums(profile: dict) -> dict[str, dict]:
    """Return a city's largest sum in each currency, stated as a fact rather than an aim."""
    largest: dict[str, dict] = {}
    for figure in profile["figures"]:
        unit = figure["unit"]
        stated = figure["kind"] == "money" and not figure.get("target")
        if stated and figure["value"] > largest.get(unit, {}).get("value", -1):
            largest[unit] = figure
    return largest


def differences(profiles: list[dict]) -> list[str]:
    """Return plain sentences on where the cities differ, each backed by a table above.

    Beyond a handful of cities, a sentence per city would be no summary: the
    sentences then give each measure's range across the cities. Sums in
    different currencies are never compared.
    """
    if len(profiles) < 2:
        return []
    many = len(profiles) > MATRIX_CITIES
    claims = []
    coverage = coverage_table(profiles).set_index("City")["Articles"]
    if many:
        claims.append(f"Articles per city: {_spread(coverage, len(profiles))} (see Coverage).")
    else:
        claims.append("Coverage: " + "; ".join(f"{city} {plural(int(n), 'article')}" for city, n in coverage.items())
                      + " (see Coverage).")
    matrix = sector_matrix(profiles)
    if not matrix.empty:
        present = matrix > 0
        shared = list(matrix.index[present.all(axis=1)])
        if shared:
            claims.append(f"Sectors named for every city: {', '.join(shared)} (see Industries side by side).")
        unique = {sector: row.index[row][0] for sector, row in present.iterrows() if row.sum() == 1}
        if many and unique:
            claims.append("Sectors named for one city only: "
                          + "; ".join(f"{sector} ({city})" for sector, city in unique.items())
                          + " (see Industries side by side).")
        elif unique:
            for city in matrix.columns:
                only = [sector for sector, owner in unique.items() if owner == city]
                if only:
                    claims.append(f"Only {city}'s articles name {', '.join(only)} (see Industries side by side).")
    sums = {p["city"]: find_largest_sums(p) for p in profiles}
    if many:
        for unit in sorted({unit for by_unit in sums.values() for unit in by_unit}):
            values = pd.Series({city: by_unit[unit]["value"] for city, by_unit in sums.items() if unit in by_unit})
            spread = _spread(values, len(profiles), lambda value, unit=unit: format_money(value, unit))
            claims.append(f"Largest sum in {unit} per city: {spread} (see Figures side by side).")
    else:
        for city, by_unit in sums.items():
            if by_unit:
                stated = " and ".join(f"{format_figure(top)} ({top['label']})" for top in by_unit.values())
                claims.append(f"{city}'s largest {'sum is' if len(by_unit) == 1 else 'sums are'} {stated} "
                              "(see Figures side by side).")
    initiatives = initiative_matrix(profiles)
    if not initiatives.empty:
        totals = initiatives.sum()
        if many:
            claims.append(f"Initiatives named per city: {_spread(totals, len(profiles))} (see Initiatives by kind).")
        else:
            claims.append("Initiatives named: " + "; ".join(f"{c} {int(n)}" for c, n in totals.items())
                          + " (see Initiatives by kind).")
    return claims


@section
def show_differences(profiles: list[dict]):
    """A few generated sentences on the key differences."""
    claims = differences(profiles)
    if not claims:
        return display_html(tag("p", "With one city there are no differences to state.", class_="empty"))
    return display_html(Markup("<ul>" + "".join(str(tag("li", c)) for c in claims) + "</ul>"))


@section
def show_sources(profiles: list[dict]):
    """The articles of every city that the sections above quote, with the sentences cited as numbered notes."""
    parts = [tag("p", f"Quotes longer than {QUOTE_CHARS} characters are cut (…); each city's own profile gives "
                      "them whole.", class_="note")]
    limit = count_rows_per_city(len(profiles))
    for profile in profiles:
        cited = {(item["article"], item["sentence"]) for item in shown_figures(profile, limit)
                 + shown_events(profile, count_events_per_city(len(profiles))) + shown_initiatives(profile, limit)}
        quoted = len({article for article, _ in cited})
        parts += [tag("h3", profile["city"], id=f"source-{profile['slug']}"),
                  sources_list(profile, prefix=f"{profile['slug']}-", cited=cited, quote_chars=QUOTE_CHARS)]
        if len(profile["articles"]) > quoted:
            others = len(profile["articles"]) - quoted
            parts.append(tag("p", f"{plural(others, 'other article')} about {profile['city']}, quoted nowhere above, "
                                  "are listed in its own profile.", class_="note"))
    return display_html(*parts)

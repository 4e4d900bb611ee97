"""Charts read right: no invented days, no cut labels, no silent empty lanes."""

import re

import matplotlib.pyplot as plt
import pytest

from cityprofile.report import charts

COLOURS = {"Xining": "#0072B2", "Dalian": "#D55E00"}


def _ticks(fig):
    fig.canvas.draw()
    return [label.get_text() for label in fig.axes[0].get_xticklabels()]


def test_a_timeline_within_a_year_is_ticked_by_month_never_by_day():
    rows = [{"date": "2023-05", "lane": "Xining", "label": "Exposition on China Brand 2023 held in Shanghai"}]
    fig = charts.timeline_chart(rows, COLOURS, "One event", lanes=["Xining", "Dalian"])
    ticks = [tick for tick in _ticks(fig) if tick]
    plt.close(fig)
    assert ticks and all(tick.isalpha() for tick in ticks), ticks


def test_a_lane_without_events_says_so():
    rows = [{"date": "2020-07-23", "lane": "Xining", "label": "5th Green Development Forum"}]
    fig = charts.timeline_chart(rows, COLOURS, "One event", lanes=["Xining", "Dalian"])
    texts = [text.get_text() for text in fig.axes[0].texts]
    plt.close(fig)
    assert texts == ["no dated events"]


def test_long_sector_names_wrap_instead_of_being_cut():
    fig = charts.bar_chart(["Agriculture, forestry, animal husbandry and fishery", "New energy"], [2, 6],
                           "#0072B2", "Sectors", "Mentions")
    labels = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    plt.close(fig)
    assert labels[0] == "Agriculture, forestry, animal\nhusbandry and fishery"


# The worst texts an article gives a chart: dollar pairs (read as math by
# matplotlib), math that fails to parse, backslashes and braces, a word longer
# than any line, and a right-to-left override.
HOSTILE = [
    "In May 2022, Kunming received $5 million (up 50%) and $3 million in grants.",
    r"a $5 million agreement and a $3 \undefinedcommand{ grant",
    r"$\frac{1}{2}$ of C:\new\table and {braces} ^ _ % #",
    "x" * 10_000,
    "the \u202eevil\u202c twin",
]


def _draw_every_chart(texts: list[str]) -> list[str]:
    """Draw each kind of chart with ``texts`` as its labels, and the first text as its title."""
    colours = {text: charts.PALETTE[i] for i, text in enumerate(texts)}
    values = [float(i + 1) for i in range(len(texts))]
    rows = [{"date": f"202{i}-05", "lane": text, "label": text} for i, text in enumerate(texts)]
    title = texts[0]
    figures = [
        charts.bar_chart(texts, values, "#0072B2", title, texts[-1], value_text=texts),
        charts.grouped_bar_chart(texts, {text: values for text in texts}, colours, title, texts[-1]),
        charts.heatmap(texts, texts, [values] * len(texts), colours, title, texts[-1]),
        charts.timeline_chart(rows, colours, title),
        charts.timeline_chart(rows, colours, title, lanes=texts),
    ]
    return [charts.to_figure(fig) for fig in figures]


def test_every_chart_draws_the_worst_article_text_as_written():
    svgs = _draw_every_chart(HOSTILE)
    assert all("Kunming received $5 million (up 50%) and $3 million in grants." in svg for svg in svgs)
    assert all(r"$\frac{1}{2}$ of C:\new\table" in svg and "{braces}" in svg for svg in svgs)
    assert all("the evil twin" in svg and "\u202e" not in svg for svg in svgs)


def test_a_word_longer_than_a_line_never_widens_a_chart():
    for svg in _draw_every_chart([*HOSTILE[::-1], "y" * 10_000]):
        width = float(re.search(r'<svg[^>]*\bwidth="([\d.]+)pt"', svg).group(1))
        assert width < 72 * charts.WIDTH_IN * 1.5


def test_a_chart_of_counts_is_ticked_in_whole_numbers():
    fig = charts.bar_chart(["Logistics", "Tourism"], [1, 2], "#1f77b4", "Sectors", "Mentions in the articles")
    fig.canvas.draw()
    ticks = [tick for tick in fig.axes[0].get_xticks() if 0 <= tick <= 2]
    plt.close(fig)
    assert ticks and all(float(tick).is_integer() for tick in ticks)


def test_a_period_with_no_end_is_drawn_to_the_chart_s_end_with_an_arrow():
    from cityprofile.report import charts

    rows = [{"date": "2010", "lane": "Xining", "label": "opening up", "open": True},
            {"date": "2020", "lane": "Xining", "label": "freight trains"},
            {"date": "2023-05-05", "lane": "Xining", "label": "expo"}]
    fig = charts.timeline_chart(rows, {"Xining": "#0072B2"}, "3 dated events")
    ax = fig.axes[0]
    bars = sorted(ax.patches, key=lambda bar: bar.get_x())
    opened = bars[0]
    assert opened.get_linestyle() == "--"
    end = opened.get_x() + opened.get_width()
    assert end == pytest.approx(charts.mdates.date2num(charts.Date(2023, 5, 5)))
    assert [line.get_marker() for line in ax.lines] == [">", "o"]


def test_a_merged_timeline_sets_overlapping_items_on_tracks_of_their_own_each_numbered():
    rows = [{"date": date, "lane": lane, "label": f"event {n}", "number": n}
            for n, (date, lane) in enumerate([("2020", "Xining"), ("2020", "Xining"), ("2020-07-23", "Xining"),
                                              ("2021", "Xining"), ("2021", "Dalian")], start=1)]
    fig = charts.timeline_chart(rows, COLOURS, "5 dated events", lanes=["Xining", "Dalian"])
    ax = fig.axes[0]
    boxes = [(bar.get_x(), bar.get_y(), bar.get_x() + bar.get_width(), bar.get_y() + bar.get_height())
             for bar in ax.patches]
    assert len(boxes) == 4
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    assert sorted(text.get_text() for text in ax.texts) == ["1", "2", "3", "4", "5"]

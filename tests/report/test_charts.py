"""Charts read right: no invented days, no cut labels, no silent empty lanes."""

import matplotlib.pyplot as plt

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

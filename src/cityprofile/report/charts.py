"""Matplotlib charts for the reports, returned as inline SVG figures.

Charts are drawn for A4 (at most 17 cm wide) and each city keeps one colour
in every chart of every report: the colour follows the city's place in the
profiles index, which every report reads.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
import textwrap
import unicodedata
from datetime import date as Date
from datetime import timedelta
from typing import Callable

import matplotlib

matplotlib.use("svg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from .markup import Markup, escape  # noqa: E402

# Okabe-Ito: distinguishable by colour-blind readers and in greyscale print.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999", "#F0E442")
WIDTH_IN = 6.7  # 17 cm, the A4 text width
MAX_HEIGHT_IN = 9.0  # leaves room on an A4 page for the heading above
SHORT_SPAN_DAYS = 400  # a timeline shorter than this is ticked by month
TEXT_CHARS = 80  # a title's line: a longer text would widen the figure and shrink it on the page
LABEL_CHARS = 32  # a label beside a bar or lane
_NUMBER_ROOM = 0.035  # of a timeline's span: the room a row's number takes after its item
_LANE_UNITS, _LANE_GAP, _UNIT_IN = 2, 0.8, 0.2  # a merged timeline's lane: tracks at least, space between; inches
_WANTED_FONTS = ("DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Micro Hei")


def _setup() -> None:
    installed = {font.name for font in font_manager.fontManager.ttflist}
    matplotlib.rcParams.update(
        {
            "font.family": [name for name in _WANTED_FONTS if name in installed] or ["sans-serif"],
            "font.size": 8.5,
            "axes.titlesize": 10,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "cityprofile",
            "svg.fonttype": "none",  # text stays text: searchable, and far quicker for WeasyPrint to draw
        }
    )


_setup()


def city_colour(slug: str, slugs: list[str]) -> str:
    """Return the colour of ``slug`` given every city's slug in index order."""
    position = slugs.index(slug) if slug in slugs else len(slugs)
    return PALETTE[position % len(PALETTE)]


def to_figure(fig, caption: str | None = None, alt: str | None = None, class_: str | None = None) -> Markup:
    """Return a matplotlib figure as an inline ``<figure>`` and close it.

    The SVG carries a text alternative for screen readers, as its ``<title>`` and ``aria-label``: ``alt``,
    or else the chart's title and caption.
    """
    alt = alt or " ".join(part for part in [*(ax.get_title("left") or ax.get_title() for ax in fig.axes), caption]
                          if part) or "Chart"
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buffer.getvalue()
    svg = _scope_ids(svg[svg.index("<svg") :])
    opening = svg.index(">") + 1
    svg = (svg[:4] + f' role="img" aria-label="{escape(alt)}"' + svg[4:opening]
           + f"<title>{escape(alt)}</title>" + svg[opening:])
    cap = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    attrs = f' class="{escape(class_)}"' if class_ else ""
    return Markup(f"<figure{attrs}>{svg}{cap}</figure>")


def bar_chart(labels: list[str], values: list[float], colour: str, title: str, xlabel: str,
              value_text: list[str] | None = None, tick_format: Callable[[float], str] | None = None):
    """Return a horizontal bar chart, largest bar on top.

    Values spanning more than a hundredfold are drawn on a log scale, so
    the small bars stay visible.
    """
    fig, ax = plt.subplots(figsize=(WIDTH_IN, min(MAX_HEIGHT_IN, 0.9 + 0.28 * len(labels))))
    positions = range(len(labels))[::-1]
    ax.barh(list(positions), values, color=colour, height=0.65)
    ax.set_yticks(list(positions), [_wrap(label) for label in labels])
    if min(values) > 0 and max(values) / min(values) > 100:
        ax.set_xscale("log")
    elif all(float(value).is_integer() for value in values):
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))  # counts: 0, 1, 2, never 0.5
    if tick_format:
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda value, _: tick_format(value)))
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_xlabel(plain_text(xlabel))
    ax.set_title(plain_text(title))
    for pos, value, text in zip(positions, values, value_text or [None] * len(values)):
        if text:
            ax.annotate(plain_text(text, LABEL_CHARS), (value, pos), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=7.5)
    ax.margins(x=0.18)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return fig


def grouped_bar_chart(categories: list[str], series: dict[str, list[float]], colours: dict[str, str],
                      title: str, xlabel: str):
    """Return horizontal bars of several series side by side per category."""
    fig, ax = plt.subplots(figsize=(WIDTH_IN, min(MAX_HEIGHT_IN, 1.0 + 0.22 * len(categories) * max(1, len(series)))))
    height = 0.8 / max(1, len(series))
    for offset, (name, values) in enumerate(series.items()):
        positions = [len(categories) - 1 - i + (len(series) / 2 - offset - 0.5) * height for i in range(len(categories))]
        ax.barh(positions, values, height=height, color=colours[name], label=plain_text(name, LABEL_CHARS))
    ax.set_yticks(range(len(categories))[::-1], [_wrap(c) for c in categories])
    ax.set_xlabel(plain_text(xlabel))
    ax.set_title(plain_text(title))
    ax.legend(frameon=False, loc="lower right")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    return fig


def heatmap(rows: list[str], columns: list[str], values: list[list[float]], colours: dict[str, str],
            title: str, caption: str):
    """Return a rows × columns grid of counts: readable for any number of cities."""
    height = min(MAX_HEIGHT_IN, 1.2 + 0.26 * len(rows))
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height))
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    peak = max((v for row in values for v in row), default=0) or 1
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=7,
                        color="white" if value > peak / 2 else "#1d1d1d")
    ax.set_yticks(range(len(rows)), [_wrap(r) for r in rows])
    ax.set_xticks(range(len(columns)), [plain_text(c, LABEL_CHARS) for c in columns],
                  rotation=45 if len(columns) > 4 else 0, ha="right" if len(columns) > 4 else "center")
    for label, column in zip(ax.get_xticklabels(), columns):
        label.set_color(colours[column])
        label.set_fontweight("bold")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(plain_text(title))
    ax.set_xlabel(plain_text(caption))
    return fig


def date_span(date: str) -> tuple[Date, Date]:
    """Return the first and last day an ISO date of any precision covers."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return Date(parts[0], 1, 1), Date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return Date(parts[0], parts[1], 1), Date(parts[0], parts[1], last)
    day = Date(*parts)
    return day, day


def _tracks(rows: list[dict], last: Date, gap_days: float) -> list[int]:
    """Each row's track within its lane: the first whose last item ends, with room for a number, before it starts."""
    ends: dict[str, list[Date]] = {}
    tracks = [0] * len(rows)
    for index in sorted(range(len(rows)), key=lambda i: date_span(rows[i]["date"])[0]):
        start, end = date_span(rows[index]["date"])
        end = max(end, last) if rows[index].get("open") else end
        lane = ends.setdefault(rows[index]["lane"], [])
        track = next((t for t, busy in enumerate(lane) if (start - busy).days > gap_days), len(lane))
        if track == len(lane):
            lane.append(end)
        lane[track] = end + timedelta(days=gap_days)
        tracks[index] = track
    return tracks


def _lane_positions(rows: list[dict], lanes: list[str], tracks: list[int]) -> tuple[list[float], list[float], float]:
    """Each row's height on a merged timeline, each lane's centre, and the top of the highest lane.

    A lane is as tall as its tracks need (at least _LANE_UNITS), the first lane on top.
    """
    depth = {lane: 1 + max((t for t, row in zip(tracks, rows) if row["lane"] == lane), default=0) for lane in lanes}
    tops, top = {}, 0.0
    for lane in reversed(lanes):  # from the bottom up
        top += max(_LANE_UNITS, depth[lane])
        tops[lane] = top
        top += _LANE_GAP
    centres = [tops[lane] - max(_LANE_UNITS, depth[lane]) / 2 for lane in lanes]
    # A lane with fewer tracks than its height centres them.
    ys = [tops[row["lane"]] - (max(_LANE_UNITS, depth[row["lane"]]) - depth[row["lane"]]) / 2 - track - 0.5
          for row, track in zip(rows, tracks)]
    return ys, centres, top - _LANE_GAP


def timeline_chart(rows: list[dict], colours: dict[str, str], title: str, lanes: list[str] | None = None):
    """Return a timeline: a day is a dot, a month or year a bar over its span.

    Args:
        rows: dicts with ``date`` (ISO, any precision), ``lane`` and ``label``; ``open`` true for a
            period with no end ("since 2010"), drawn from its start to the chart's end, with an arrow;
            ``number``, drawn beside the item, for a merged timeline whose table numbers its rows.
        colours: lane -> colour.
        lanes: one row per lane (a merged timeline), items that would overlap set on tracks of their
            own within it; else one row per event.
    """
    first = min(date_span(row["date"])[0] for row in rows)
    last = max(date_span(row["date"])[1] for row in rows)
    if lanes is None:
        ys = [len(rows) - 1.0 - i for i in range(len(rows))]
        ticks, labels, top = ys, [plain_text(row["label"], 48) for row in rows], len(rows) - 0.3
        bar, unit_in = 0.45, 0.3
    else:
        tracks = _tracks(rows, last, max((last - first).days, 1) * _NUMBER_ROOM)
        ys, ticks, top = _lane_positions(rows, lanes, tracks)
        labels, bar, unit_in = [_wrap(lane) for lane in lanes], 0.7, _UNIT_IN
    fig, ax = plt.subplots(figsize=(WIDTH_IN, min(MAX_HEIGHT_IN, 0.9 + unit_in * (top + 0.7))))
    for row, y in zip(rows, ys):
        start, end = date_span(row["date"])
        colour = colours[row["lane"]]
        if row.get("open"):
            end = max(end, last)
            ax.barh([y], [(end - start).days], left=start, height=bar, color=colour, alpha=0.3, edgecolor=colour,
                    linestyle="--")
            ax.plot([end], [y], ">", color=colour, markersize=5, zorder=3)  # no end stated: it goes on
        elif start == end:
            ax.plot([start], [y], "o", color=colour, markersize=5, markeredgecolor="white", zorder=3)  # above any bar
        else:
            ax.barh([y], [(end - start + timedelta(days=1)).days], left=start, height=bar,
                    color=colour, alpha=0.55, edgecolor=colour)
        if "number" in row:
            ax.annotate(str(row["number"]), (end, y), xytext=(3, 0), textcoords="offset points", va="center",
                        fontsize=6.5, color="#333333")
    ax.set_yticks(ticks, labels)
    if (last - first).days < SHORT_SPAN_DAYS:
        # Left to itself, matplotlib would tick days, which read as dates no article states.
        ax.set_xlim(first - timedelta(days=15), last + timedelta(days=15))
        ax.xaxis.set_major_locator(mdates.MonthLocator())
    else:
        ax.margins(x=0.04)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_ylim(-0.7, top)
    for lane in set(lanes or []) - {row["lane"] for row in rows}:
        ax.text(0.01, ticks[lanes.index(lane)], "no dated events", transform=ax.get_yaxis_transform(),
                va="center", color="#767676", fontsize=7.5)
    running = "; dashed to an arrow: a period with no end stated" if any(row.get("open") for row in rows) else ""
    ax.set_xlabel(f"Date (dots: a stated day; bars: the month or year stated{running})")
    ax.set_title(plain_text(title))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig


def _scope_ids(svg: str) -> str:
    """Prefix every id in an SVG so that several charts on one page never share one.

    matplotlib names glyphs after the font ("DejaVuSans-14") in every chart it draws.
    """
    prefix = "c" + hashlib.sha1(svg.encode()).hexdigest()[:8] + "-"
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}\1"', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}\1"', svg)
    return re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}\1)", svg)


def plain_text(text, limit: int = TEXT_CHARS) -> str:
    """Return ``text`` as matplotlib must be given it to draw it as written, cut to ``limit`` characters.

    matplotlib reads what lies between two ``$`` as mathtext: "a $5 million agreement and a $3" would be
    drawn in italics without its spaces, and some pairs raise ValueError. Articles are full of dollar
    amounts, so every ``$`` is escaped. Invisible format characters are dropped: the SVG keeps its text
    as text, and a browser would obey a right-to-left override in it.
    """
    kept = "".join(char for char in str(text) if unicodedata.category(char) != "Cf")
    return _shorten(kept, limit).replace("$", r"\$")


def _wrap(text: str, width: int = LABEL_CHARS) -> str:
    """Break a category label over two lines rather than cut it ("Agriculture, forestry, animal\nhusbandry...")."""
    lines = textwrap.wrap(text, width)
    wrapped = "\n".join(lines) if len(lines) <= 2 else lines[0] + "\n" + _shorten(" ".join(lines[1:]), width)
    return plain_text(wrapped, limit=len(wrapped))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"

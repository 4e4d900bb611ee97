"""Maps: a locator map on each profile, every compared city on one map, and text alternatives for all charts."""

import csv
import xml.etree.ElementTree as ET
from importlib.resources import files

import pytest

from cityprofile.report import charts, maps

SVG = "{http://www.w3.org/2000/svg}"


def _profile(city: str, province: str, articles: int = 1) -> dict:
    slug = city.lower().replace(" ", "-").replace("'", "")
    return {"city": city, "province": province, "slug": slug, "all_slugs": [slug], "articles": [{}] * articles}


def _svg(markup) -> ET.Element:
    text = str(markup)
    return ET.fromstring(text[text.index("<svg"):text.index("</svg>") + len("</svg>")])


def _gazetteer_cities(count: int) -> list[dict]:
    lines = (files("cityprofile") / "data" / "gazetteer.csv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    seen, cities = set(), []
    for row in rows:
        if (row["name"], row["province"]) not in seen and row["province"]:
            seen.add((row["name"], row["province"]))
            cities.append(_profile(row["name"], row["province"], articles=1 + (len(rows) - len(cities)) % 37))
    return cities[:count]


def test_a_locator_map_shades_the_province_and_names_the_city():
    svg = _svg(maps.locator_map(_profile("Golmud", "Qinghai")))
    assert svg.find(f"{SVG}title").text == "Map of China: Golmud, in Qinghai (shaded)."
    assert svg.get("aria-label").startswith("Map of China: Golmud")
    assert "Golmud" in [t.text for t in svg.iter(f"{SVG}text")]
    styles = " ".join(p.get("style", "") for p in svg.iter(f"{SVG}path"))
    assert styles.count(maps._SHADE) == 1  # one province of 33 shaded


def test_a_city_without_coordinates_gets_a_note_not_a_failure():
    markup = str(maps.locator_map(_profile("Atlantis", "Qinghai")))
    assert "<svg" not in markup and "no coordinates for Atlantis" in markup
    markup = str(maps.comparison_map([_profile("Xining", "Qinghai", 3), _profile("Atlantis", "Qinghai")]))
    assert "<svg" in markup and "Not on the map, for want of coordinates: Atlantis." in markup


def _markers(svg: ET.Element) -> int:
    groups = [g for g in svg.iter(f"{SVG}g") if "-cities-" in (g.get("id") or "")]
    return sum(1 for g in groups for _ in g.iter(f"{SVG}use"))


def _name_boxes(svg: ET.Element, names: set[str]) -> list[tuple[float, float, float, float]]:
    """Each city name's box on the page, from its anchor point and alignment (as maps.py measures names)."""
    boxes = []
    for text in svg.iter(f"{SVG}text"):
        if text.text in names:
            x, y = float(text.get("x")), float(text.get("y"))
            width = maps._CHAR_WIDTH * maps._NAME_PT * len(text.text)
            anchor = text.get("style", "")
            left = x - width if "text-anchor: end" in anchor else x - width / 2 if "middle" in anchor else x
            boxes.append((left, y - maps._NAME_PT, left + width, y))
    return boxes


def test_two_hundred_cities_are_one_marker_each_and_their_names_never_overlap():
    cities = _gazetteer_cities(200)
    svg = _svg(maps.comparison_map(cities))
    assert _markers(svg) == 200
    names = {c["city"] for c in cities}
    drawn = [t.text for t in svg.iter(f"{SVG}text") if t.text in names]
    most = max(cities, key=lambda c: len(c["articles"]))
    assert most["city"] in drawn and 20 <= len(drawn) <= maps.MOST_NAMES
    boxes = _name_boxes(svg, names)
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5]
    assert overlapping == []
    assert svg.get("aria-label").startswith("Map of the 200 compared cities")


def test_up_to_a_dozen_cities_every_one_is_named_even_neighbours():
    cities = [_profile("Xining", "Qinghai", 7), _profile("Haidong", "Qinghai"), _profile("Lanzhou", "Gansu"),
              _profile("Dalian", "Liaoning", 4), _profile("Yingkou", "Liaoning")]
    svg = _svg(maps.comparison_map(cities))
    drawn = {t.text for t in svg.iter(f"{SVG}text")}
    assert {c["city"] for c in cities} <= drawn
    assert svg.get("aria-label") == ("Map of the 5 compared cities, each a dot sized by its articles: "
                                     "Xining, Dalian, Haidong, Lanzhou, Yingkou.")


@pytest.mark.parametrize("title", ["Culture leads with 16 mentions", None])
def test_every_chart_carries_a_text_alternative(title):
    fig = charts.bar_chart(["Tourism", "Dairy"], [16, 3], "#0072B2", title or "", "Mentions")
    svg = _svg(charts.to_figure(fig, "Mentions in the articles"))
    expected = f"{title} Mentions in the articles" if title else "Mentions in the articles"
    assert svg.find(f"{SVG}title").text == expected and svg.get("aria-label") == expected

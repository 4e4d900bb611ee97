"""The city profile's sections, from the hand-made fixture profiles."""

import html as html_lib
import re

from conftest import FIXTURES

from cityprofile.contract.profiles import load_profile
from cityprofile.report import city_report as report
from cityprofile.report.formatting import noun_for


def _text(html):
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_glance_cards_agree_in_number_with_their_counts():
    dalian = _text(report.show_glance(load_profile("dalian", FIXTURES / "profiles")).data)
    assert "1 sector named, across" in dalian
    xining = _text(report.show_glance(load_profile("xining", FIXTURES / "profiles")).data)
    assert "2 sectors named, across" in xining and "2 initiatives named" in xining


def test_noun_for_follows_the_count():
    assert [noun_for(n, "initiative") for n in (0, 1, 2)] == ["initiatives", "initiative", "initiatives"]
    assert noun_for(3, "industry", "industries") == "industries"


def test_planned_events_are_marked_and_are_not_the_latest_news():
    xining = load_profile("xining", FIXTURES / "profiles")
    events = sorted(xining["timeline"], key=lambda e: e["date"])
    assert len(events) >= 2
    events[-1]["target"] = True
    timeline = _text(report.show_timeline(xining).data)
    assert f"Planned: {events[-1]['event']}" in timeline
    assert f"Planned: {events[0]['event']}" not in timeline
    glance = _text(report.show_glance(xining).data)
    assert f"latest event: {events[-1]['event']}" not in glance
    assert "latest event: " in glance

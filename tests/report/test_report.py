"""The city profile's sections, from the hand-made fixture profiles."""

import html as html_lib
import re

from conftest import FIXTURES

from cityprofile.contract.profiles import load_profile
from cityprofile.report import city_report as report
from cityprofile.report.formatting import noun_for
from cityprofile.report.markup import FAILED_SECTION


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


def test_a_section_that_cannot_be_drawn_shows_a_notice_and_the_rest_still_shows():
    profile = load_profile("xining", FIXTURES / "profiles")
    profile["timeline"][0]["date"] = "2021-13"  # a hand-edited profile.json: a month that does not exist
    timeline = report.show_timeline(profile)
    data, metadata = timeline._repr_html_()
    assert "This section could not be drawn (IllegalMonthError)" in data
    assert metadata[FAILED_SECTION] == {"section": "timeline", "error": "IllegalMonthError: bad month number 13; "
                                                                        "must be 1-12"}
    assert "5th Green Development Forum" in report.show_initiatives(profile).data
    healthy = report.show_timeline(load_profile("xining", FIXTURES / "profiles"))
    assert not healthy.metadata and "could not be drawn" not in healthy.data


def test_a_range_reads_as_one_in_the_figures_and_an_amount_beside_it_as_one_amount():
    profile = load_profile("xining", FIXTURES / "profiles")
    money = [f for f in profile["figures"] if f["kind"] == "money"]
    assert len(money) >= 2
    money[0].update(value=2e9, high=3e9)
    figures = _text(report.show_figures(profile).data)
    assert "2–3 bn CNY" in figures
    assert not re.search(r"\b(?:nan|NaN)\b", figures)  # the other figures have no upper end


def test_a_plan_is_marked_once_whether_or_not_its_words_say_what_kind_it_is():
    # Extraction names a plan's kind in its words; an analyst's correction of the words may not.
    assert report.event_text({"event": "Target: Zunyi aims to lift output to 800,000 kl", "target": True}) == \
        "Target: Zunyi aims to lift output to 800,000 kl"
    assert report.event_text({"event": "the fair to open in May", "target": True}) == "Planned: the fair to open in May"
    assert report.event_text({"event": "the fair opened", "target": False}) == "the fair opened"

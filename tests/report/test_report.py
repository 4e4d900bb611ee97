"""The city profile's sections, from the hand-made fixture profiles."""

import re

from conftest import FIXTURES

from cityprofile.contract.profiles import load_profile
from cityprofile.report import city_report as report
from cityprofile.report.formatting import noun_for


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_glance_cards_agree_in_number_with_their_counts():
    dalian = _text(report.show_glance(load_profile("dalian", FIXTURES / "profiles")).data)
    assert "1 sector named, across" in dalian
    xining = _text(report.show_glance(load_profile("xining", FIXTURES / "profiles")).data)
    assert "2 sectors named, across" in xining and "2 initiatives named" in xining


def test_noun_for_follows_the_count():
    assert [noun_for(n, "initiative") for n in (0, 1, 2)] == ["initiatives", "initiative", "initiatives"]
    assert noun_for(3, "industry", "industries") == "industries"

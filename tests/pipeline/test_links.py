"""A league city's name leads to its own profile in the reader's format, by a link that survives moving the folder."""

import json
import re

import pytest
from conftest import FIXTURES, read_pdf_links

from cityprofile.pipeline.renderers import link_pdf_reports
from cityprofile.pipeline.jobs import plan_jobs
from cityprofile.pipeline.workers import run_jobs
from cityprofile.report.comparison_report import LEAGUE_CITIES

CITIES = LEAGUE_CITIES + 1


@pytest.fixture(scope="module")
def league(tmp_path_factory):
    """A built comparison of more cities than need a league table, each a renamed copy of the fixture Xining."""
    out = tmp_path_factory.mktemp("profiles")
    profile = json.loads((FIXTURES / "profiles" / "xining" / "profile.json").read_text())
    index = []
    for number in range(CITIES):
        slug = f"city-{number}"
        (out / slug).mkdir()
        (out / slug / "profile.json").write_text(json.dumps({**profile, "city": f"City {number}", "slug": slug}))
        index.append({"slug": slug, "city": f"City {number}", "province": "Qinghai", "articles": 2})
    (out / "index.json").write_text(json.dumps({"cities": index}))
    lines = []
    jobs = [job for job in plan_jobs(out) if job.name == "comparison"]
    assert [o.status for o in run_jobs(jobs, workers=1, report=lines.append)] == ["built"], lines
    return out / "comparison"


def test_every_league_city_links_to_its_own_pdf_relatively_in_the_pdf(league):
    uris, _, _ = read_pdf_links(league / "comparison.pdf")
    linked = [m.group(1) for uri in uris if (m := re.fullmatch(r"\.\./(city-\d+)/\1\.pdf", uri))]
    assert sorted(linked) == sorted(f"city-{number}" for number in range(CITIES)), uris
    assert len(linked) == len(uris), "the league's are the comparison's only links out of the PDF"


def test_every_league_city_links_to_its_own_html_in_the_html(league):
    html = (league / "comparison.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a [^>]*href="([^"#][^"]*)"', html)
    assert sorted(hrefs) == sorted(f"../city-{number}/city-{number}.html" for number in range(CITIES))


def test_the_league_s_contents_entry_is_a_link_within_the_pdf(league):
    _, destinations, held = read_pdf_links(league / "comparison.pdf")
    assert "League-table" in destinations and "League-table" in held


@pytest.mark.parametrize("markup, expected", [
    ('<a href="../xining/xining.html">Xining</a>', '<a href="../xining/xining.pdf">Xining</a>'),
    ('<a class="c" href="../xining/xining.html#Timeline">', '<a class="c" href="../xining/xining.pdf#Timeline">'),
    ('<a href="https://www.chinadaily.com.cn/a/202307/24/WS64bdd.html">', None),
    ('<a href="/srv/profiles/xining/xining.html">', None),
    ('<a href="#Key-differences">', None),
    ('<a href="../xining/profile.json">', None),
    ('<p>the report is xining.html, see "../xining/xining.html"</p>', None),
])
def test_only_relative_links_to_html_pages_are_led_to_their_pdf(markup, expected):
    assert link_pdf_reports(markup) == (expected or markup)

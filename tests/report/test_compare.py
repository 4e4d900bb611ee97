"""The comparison's side-by-side tables stay readable as cities are added."""

import json
import re

import pytest
from conftest import FIXTURES

from cityprofile.contract.profiles import load_profiles, number_notes
from cityprofile.report import comparison_report as compare


def _copies(tmp_path, count):
    """A profiles folder of ``count`` cities, each a renamed copy of the fixture Xining profile."""
    profile = json.loads((FIXTURES / "profiles" / "xining" / "profile.json").read_text())
    index = []
    for number in range(count):
        slug = f"city-{number}"
        (tmp_path / slug).mkdir(parents=True)
        (tmp_path / slug / "profile.json").write_text(json.dumps({**profile, "city": f"City {number}", "slug": slug}))
        index.append({"slug": slug, "city": f"City {number}", "province": "Qinghai", "articles": 2})
    (tmp_path / "index.json").write_text(json.dumps({"cities": index}))
    return load_profiles([], tmp_path)


def _table_rows(html):
    """Body rows of each table in ``html``."""
    return [table.count("<tr") - 1 for table in html.split("</table>")[:-1]]


def _rows(html, table_after):
    """Body rows of the first table after the heading ``table_after``."""
    table = html.split(f">{table_after}</h3>", 1)[1].split("</table>", 1)[0]
    return table.count("<tr") - 1


@pytest.mark.parametrize("cities, rows", [(1, 6), (2, 6), (10, 6), (20, 3), (50, 1), (200, 1)])
def test_rows_per_city_shrink_as_cities_are_added(cities, rows):
    assert compare.count_rows_per_city(cities) == rows


def test_two_cities_show_every_figure_without_a_note_on_what_is_left_out(tmp_path):
    html = compare.show_figures(_copies(tmp_path, 2)).data
    assert _rows(html, "Money") == 2 * 2 and _rows(html, "Count") == 2 * 2
    assert "smaller figure" not in html


def test_fifty_cities_show_each_citys_largest_figure_of_each_kind_and_say_so(tmp_path):
    profiles = _copies(tmp_path, 50)
    html = compare.show_figures(profiles).data
    assert _rows(html, "Money") == 50 and _rows(html, "Count") == 50
    assert "31,600,000,000" in html and "16,700,000,000" not in html
    assert "For each city the largest figure of each kind is shown; 100 smaller figures are listed" in html
    timeline = compare.show_timeline(profiles).data
    # One event a city, so the table stays within 60 rows.
    assert "The latest dated event of each city is shown; 100 earlier ones are in the cities" in timeline
    assert _table_rows(timeline) == [50]
    initiatives = compare.show_initiatives(profiles).data
    assert "The first initiative of each city is listed; 50 others are in the cities" in initiatives
    # Only what is shown is quoted under Sources: a figure of each of two kinds, one event and one initiative,
    # where two cities quote all seven of their notes.
    quoted = len(re.findall(r'id="city-1-note-\d+"', compare.show_sources(profiles).data))
    assert 1 <= quoted <= 4
    assert len(re.findall(r'id="city-1-note-\d+"', compare.show_sources(profiles[:2]).data)) == 7


def _header(html):
    return re.findall(r"<th\b[^>]*>(.*?)</th>", html.split("<thead>", 1)[1].split("</thead>", 1)[0])


def test_up_to_six_cities_get_a_column_each_and_more_get_one_row_per_sector(tmp_path):
    few = compare.show_industries(_copies(tmp_path / "few", 6)).data
    assert _header(few) == ["Sector", *[f"City {n}" for n in range(6)], "Found in"]
    profiles = _copies(tmp_path / "many", 12)
    profiles[3]["industries"] = [i for i in profiles[3]["industries"] if i["sector"] != "New energy"]
    many = compare.show_industries(profiles).data
    assert _header(many) == ["Sector", "Cities", "Mentions", "Found in"]
    assert "every city except City 3" in many
    kinds = compare.show_initiatives(profiles).data
    assert _header(kinds) == ["Kind", "Cities", "Initiatives", "Found in"]


def test_key_differences_of_many_cities_give_ranges_not_a_sentence_per_city(tmp_path):
    profiles = _copies(tmp_path, 8)
    profiles[3]["articles"] = profiles[3]["articles"][:1]
    for profile in profiles[:5]:  # five cities state no sum at all
        profile["figures"] = [f for f in profile["figures"] if f["kind"] != "money"]
    profiles[5]["figures"] = [{**f, "unit": "USD", "value": 50e9} if f["kind"] == "money" else f
                              for f in profiles[5]["figures"]]
    profiles[6]["industries"].append({**profiles[6]["industries"][0], "sector": "Real estate", "name": "Real estate"})
    profiles[7]["industries"].append({**profiles[7]["industries"][0], "sector": "Biotechnology", "name": "Biomedicine"})
    claims = compare.differences(profiles)
    assert claims == [
        "Articles per city: from 1 (City 3) to 2 (City 0, City 1, City 2 and 4 others) (see Coverage).",
        "Sectors named for every city: New energy, New-generation information technology "
        "(see Industries side by side).",
        "Sectors named for one city only: Biotechnology (City 7); Real estate (City 6) (see Industries side by side).",
        "Largest sum in CNY per city: 31.6 bn CNY in City 6 and City 7 (see Figures side by side).",
        "Largest sum in USD per city: 50 bn USD in City 5 (see Figures side by side).",
        "Initiatives named per city: 2 in every city (see Initiatives by kind).",
    ]


def test_key_differences_of_two_cities_name_each_citys_largest_sum_in_each_currency(tmp_path):
    profiles = _copies(tmp_path, 2)
    dollars = {**profiles[1]["figures"][0], "unit": "USD", "value": 2e9, "label": "loan"}
    profiles[1]["figures"].append(dollars)
    claims = compare.differences(profiles)
    assert "City 0's largest sum is 31.6 bn CNY (contract capital) (see Figures side by side)." in claims
    assert ("City 1's largest sums are 31.6 bn CNY (contract capital) and 2 bn USD (loan) "
            "(see Figures side by side).") in claims


def test_areas_in_different_units_are_converted_and_ranked_together(tmp_path):
    profiles = _copies(tmp_path, 2)
    sentence = profiles[0]["figures"][0]["sentence"]
    article = profiles[0]["figures"][0]["article"]
    profiles[0]["figures"] = [
        {"value": value, "unit": unit, "text": text, "qualifier": None, "label": "park", "kind": "area",
         "date": None, "article": article, "sentence": sentence}
        for value, unit, text in [(200, "hectare", "200 hectares"), (120, "km2", "120 square kilometers"),
                                  (40_000, "m2", "40,000 square meters"), (1_200, "mu", "1,200 mu")]
    ]
    html = compare.show_figures(profiles).data
    area = html.split(">Area</h3>", 1)[1].split("</table>", 1)[0]
    values = re.findall(r"([\d,]+) m2<", area)
    assert values == ["120,000,000", "2,000,000", "800,000", "40,000"]


def test_aims_are_listed_after_the_sums_a_city_states(tmp_path):
    profiles = _copies(tmp_path, 2)
    aim = {**profiles[1]["figures"][0], "value": 1e12, "label": "GDP club", "target": True}
    profiles[1]["figures"].append(aim)
    money = compare.show_figures(profiles).data.split(">Money</h3>", 1)[1].split("</table>", 1)[0]
    values = re.findall(r"([\d,]+) CNY<", money)
    assert values[-1] == "1,000,000,000,000" and values[0] == "31,600,000,000"


def test_the_uneven_evidence_caution_names_every_thinly_covered_city(tmp_path):
    profiles = _copies(tmp_path, 4)
    article = profiles[0]["articles"][0]
    for profile, count in zip(profiles, [8, 4, 3, 5]):
        profile["articles"] = [{**article, "id": f"{profile['slug']}-{n}"} for n in range(count)]
    caution = re.search(r'<p class="caution">(.*?)</p>', compare.show_coverage(profiles).data).group(1)
    assert caution.startswith("Uneven evidence: City 0 has 8 articles, at least 2 times as many as")
    assert "City 1 (4) and City 2 (3)." in caution and "City 3" not in caution


def test_even_evidence_gets_no_caution(tmp_path):
    assert 'class="caution"' not in compare.show_coverage(_copies(tmp_path, 3)).data


def _uneven(tmp_path, count):
    """``count`` cities where city n has its articles cut to (n mod 3) + 1: evidence differs between them."""
    profiles = _copies(tmp_path, count)
    for number, profile in enumerate(profiles):
        profile["articles"] = (profile["articles"] * 3)[:number % 3 + 1]
    return profiles


def test_past_a_dozen_cities_a_league_table_gives_every_city_a_linked_row_in_tables_of_at_most_sixty(tmp_path):
    profiles = _uneven(tmp_path, 150)
    html = compare.show_league(profiles).data
    assert _table_rows(html) == [60, 60, 30]
    links = re.findall(r'<a href="\.\./(city-\d+)/(city-\d+)\.html">City \d+</a>', html)
    assert sorted(a for a, b in links if a == b) == sorted(p["slug"] for p in profiles)
    assert "Cities 61–120 of 150" in html


def test_the_league_puts_most_evidence_first(tmp_path):
    table = compare.league_table(_uneven(tmp_path, 13))
    assert list(table["Articles"]) == sorted(table["Articles"], reverse=True)
    assert table["Articles"].iloc[0] == 3 and table["Articles"].iloc[-1] == 1
    assert list(table["#"]) == list(range(1, 14))
    assert table["Largest stated sum"].iloc[0] == "31.6 bn CNY"
    assert re.fullmatch(r"\d{4}(–\d{4})?", table["Published"].iloc[0])


@pytest.mark.parametrize("cities", [2, 12])
def test_a_few_cities_still_get_their_league_table_so_its_section_is_never_empty(tmp_path, cities):
    html = compare.show_league(_copies(tmp_path, cities)).data
    assert _table_rows(html) == [cities] and "every city is also compared side by side below" in html


def test_the_detailed_sections_cover_the_cities_with_most_evidence(tmp_path):
    profiles = _uneven(tmp_path, 30)
    detailed = compare.choose_detailed(profiles)
    assert len(detailed) == compare.DETAIL_CITIES == 6
    # Every third city has three articles: ten of them.
    assert [len(p["articles"]) for p in detailed] == [3] * 6
    assert compare.choose_detailed(profiles[:5]) == profiles[:5]
    header = compare.show_header(profiles, detailed).data
    assert "compare 6 cities side by side" in header


def test_no_side_by_side_table_passes_sixty_rows_for_a_dozen_cities(tmp_path):
    detailed = compare.choose_detailed(_uneven(tmp_path, 12))
    for section in (compare.show_coverage, compare.show_industries, compare.show_figures, compare.show_timeline,
                    compare.show_initiatives):
        assert max(_table_rows(section(detailed).data)) <= compare.TABLE_ROWS, section.__name__


def test_a_plan_is_shown_as_planned_and_never_as_a_city_s_latest_event(tmp_path):
    profiles = _copies(tmp_path, 13)
    plan = {"date": "2025", "precision": "year", "event": "will open a second freight terminal", "target": True,
            "article": "002_a", "sentence": "The city will open a second freight terminal in 2025."}
    for profile in profiles:
        profile["timeline"].append(plan)
        profile["notes"] = number_notes(profile)
    timeline = compare.show_timeline(profiles[:2]).data
    assert "Planned: will open a second freight terminal" in timeline
    assert ">will open a second freight terminal" not in timeline
    latest = compare.league_table(profiles)["Latest event"]
    assert {text[:40] for text in latest} == {"late 2022: made it into the list of Chin"}


def test_sources_list_only_the_articles_the_comparison_quotes_and_count_the_others(tmp_path):
    profiles = _copies(tmp_path, 50)
    # An article the comparison quotes nothing from: it still counts for the city, as in its own profile.
    profiles[1]["articles"].append({"id": "zz_unquoted", "title": "Xining opens a library", "date": None,
                                    "source": None, "words": 120})
    articles = len(profiles[1]["articles"])
    html = compare.show_sources(profiles).data
    listed = len(re.findall(r'id="city-1-source-', html))
    assert 1 <= listed < articles
    assert f"{articles - listed} other article" in html and "are listed in its own profile" in html
    assert "Xining opens a library" not in html
    # Two cities quote from every article of the fixture's: none is left to mention.
    assert "other article" not in compare.show_sources(profiles[2:4]).data


def test_a_long_quote_is_cut_in_the_comparison_and_whole_in_the_city_s_profile(tmp_path):
    from cityprofile.report import city_report

    profiles = _copies(tmp_path, 2)
    figure = profiles[0]["figures"][0]
    long = figure["sentence"] + " " + "The park also plans a logistics centre for regional trade. " * 12
    for item in profiles[0]["figures"]:
        if item["sentence"] == figure["sentence"]:
            item["sentence"] = long
    profiles[0]["notes"] = number_notes(profiles[0])
    html = compare.show_sources(profiles).data
    assert f"Quotes longer than {compare.QUOTE_CHARS} characters are cut" in html
    quoted = re.search(r"“([^”]*regional trade[^”]*)”", html).group(1)
    assert quoted.endswith("…") and len(quoted) <= compare.QUOTE_CHARS + 1
    assert long in city_report.show_sources(profiles[0]).data.replace("&#x27;", "'")

"""How figures and dates read in a report."""

import pytest

from cityprofile.report.formatting import (format_amount, format_comparison_title, format_date, format_figure,
                                          format_money, format_span, plural)


@pytest.mark.parametrize(
    "value, expected",
    [(31_600_000_000, "31.6 bn CNY"), (1e12, "1 tn CNY"), (719_420_000, "719.42 m CNY"), (5_000, "5,000 CNY")],
)
def test_money_reads_in_readable_units(value, expected):
    assert format_money(value, "CNY") == expected


def test_qualifiers_are_shown_as_signs():
    participants = {"value": 270, "unit": "count", "qualifier": "over", "label": "participants", "kind": "count"}
    countries = {"value": 20, "unit": "count", "qualifier": "nearly", "label": "countries", "kind": "count"}
    share = {"value": 30.3, "unit": "percent", "qualifier": None, "label": "yearly increase", "kind": "share"}
    assert format_figure(participants) == "> 270 participants"
    assert format_figure(countries) == "≈ 20 countries"
    assert format_figure(share) == "30.3%"


@pytest.mark.parametrize(
    "date, qualifier, expected",
    [
        ("2023-05", None, "May 2023"),
        ("2022", "late", "late 2022"),
        ("2020-07-23", None, "23 July 2020"),
        (None, None, "undated"),
        ("2010", "since beginning", "since the beginning of 2010"),
        ("2012", "end", "the end of 2012"),
        ("2021", "by mid", "by mid-2021"),
        ("2020", "first three quarters", "the first three quarters of 2020"),
    ],
)
def test_dates_are_written_at_their_precision(date, qualifier, expected):
    assert format_date(date, qualifier) == expected


def test_span_of_dates_ignores_missing_ones():
    assert format_span(["2021-01-18", None, "2020-08-05"]) == "5 August 2020 – 18 January 2021"
    assert format_span([None]) == "no publication dates stated"


def test_a_target_says_so():
    club = {"value": 1e12, "unit": "CNY", "qualifier": None, "label": "GDP club", "kind": "money", "target": True}
    assert format_figure(club) == "1 tn CNY (target)"


def test_comparison_title_names_a_few_cities_and_counts_many():
    assert format_comparison_title([]) == "City comparison"
    assert format_comparison_title(["Xining"]) == "City comparison: Xining"
    assert format_comparison_title(["Xining", "Dalian"]) == "City comparison: Xining and Dalian"
    many = [f"City {n}" for n in range(48)]
    assert format_comparison_title(many) == "City comparison of 48 cities"


def test_a_count_in_the_thousands_is_grouped_like_the_figures():
    assert plural(10_001, "article") == "10,001 articles"
    assert plural(1, "city", "cities") == "1 city"
    assert plural(250, "city", "cities") == "250 cities"


@pytest.mark.parametrize("figure, expected", [
    ({"value": 3e9, "high": 5e9, "unit": "CNY", "kind": "money"}, "3–5 bn CNY"),
    ({"value": 370_000, "high": 5.5e6, "unit": "USD", "kind": "money"}, "370,000 USD – 5.5 m USD"),
    ({"value": 5, "high": 6, "unit": "percent", "kind": "share"}, "5–6%"),
    ({"value": 12, "high": 20, "unit": "count", "kind": "count", "label": "projects"}, "12–20 projects"),
    ({"value": 2e9, "high": 3e9, "unit": "CNY", "kind": "money", "qualifier": "about"}, "≈ 2–3 bn CNY"),
])
def test_a_range_reads_from_its_lower_to_its_upper_end(figure, expected):
    assert format_figure(figure) == expected


def test_an_amount_alone_has_no_sign_label_or_target_and_reads_a_range():
    top = {"value": 2e9, "high": 3e9, "unit": "CNY", "kind": "money", "qualifier": "over", "target": True}
    assert format_amount(top) == "2–3 bn CNY"
    assert format_amount({"value": 12.5e9, "unit": "CNY", "kind": "money"}) == "12.5 bn CNY"


def test_a_row_of_a_table_without_an_upper_end_is_one_amount():
    assert format_figure({"value": 16.7e9, "high": float("nan"), "unit": "CNY", "kind": "money"}) == "16.7 bn CNY"

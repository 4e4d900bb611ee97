"""A notebook's city parameter names a city as a reader would: by name or slug, in any case."""

import pytest
from conftest import FIXTURES

from cityprofile.contract.errors import ProfileNotFound
from cityprofile.contract.profiles import load_profile, load_profiles

PROFILES = FIXTURES / "profiles"


@pytest.mark.parametrize("city", ["dalian", "Dalian", "DALIAN", " dalian "])
def test_a_city_is_found_by_slug_or_name_in_any_case(city):
    profile = load_profile(city, PROFILES)
    assert profile["slug"] == "dalian" and profile["city"] == "Dalian"


def test_no_city_means_the_one_with_most_articles():
    assert load_profile("", PROFILES)["slug"] == "xining"


def test_an_unknown_city_lists_the_known_cities_by_name():
    with pytest.raises(ProfileNotFound) as error:
        load_profile("Atlantis", PROFILES)
    message = str(error.value)
    assert "'Atlantis'" in message and "known cities: Xining, Dalian" in message
    assert "index.json" in message


def test_the_comparison_takes_names_too():
    assert [p["slug"] for p in load_profiles(["Dalian", "xining"], PROFILES)] == ["dalian", "xining"]

"""Finding industries with the taxonomy, one rule per test, on sentences from the corpus.

The gold tests at the end compare the sectors and industries found in each
article body with tests/fixtures/gold/industries.json.
"""

import json

import pytest

from cityprofile.industries import find_industries
from conftest import FIXTURES, title_and_body

_GOLD = json.loads((FIXTURES / "gold" / "industries.json").read_text(encoding="utf-8"))


def _names(sentence):
    return [m.name for m in find_industries(sentence)]


# Phrases map to canonical industries and sectors


def test_listed_clusters_map_to_their_industries():
    sentence = (
        "Xining is accelerating the cultivation of three billion-yuan-level industrial clusters of photovoltaic "
        "manufacturing, lithium energy storage, special chemical and alloy new materials."
    )
    assert _names(sentence) == ["Photovoltaics", "Energy storage", "Specialty chemicals", "Non-ferrous alloy materials"]


def test_industry_carries_its_classification_sector():
    sentence = "Chongqing launched the cross-border highway freight service in 2016."
    [mention] = find_industries(sentence)
    assert (mention.name, mention.sector) == ("Logistics and freight", "Transport, storage and postal services")


def test_mention_keeps_the_phrase_as_written_and_its_sentence():
    sentence = (
        "It is also home to many smaller firms that specialize in everything from cloud computing to big data analysis."
    )
    mentions = find_industries(sentence)
    assert [m.term for m in mentions] == ["cloud computing", "big data"]
    assert all(m.sentence == sentence for m in mentions)


# Matching: longest phrase, plurals, case, "&", hyphens


def test_longest_phrase_wins_over_its_parts():
    sentence = (
        "sought new outbreaks through five industrial clusters, including lithium battery, photovoltaic solar thermal, "
        "non-ferrous alloy high-tech materials, specialty chemicals, biomedicine and deep processing of plateau fauna "
        "and flora, as well as the new fields of artificial intelligence, digital economy, business circulation and "
        "real estate development."
    )
    mentions = find_industries(sentence)
    assert [m.term for m in mentions] == [
        "lithium battery", "photovoltaic solar thermal", "non-ferrous alloy high-tech materials",
        "specialty chemicals", "biomedicine", "plateau fauna and flora", "artificial intelligence",
        "digital economy", "business circulation", "real estate development",
    ]


def test_longer_phrase_with_a_preposition_is_one_mention():
    sentence = (
        "A total of 19 projects in lithium copper foil for power batteries, Northwest Water Conservancy Ecological "
        "Big Data Industrial Park, polysilicon production"
    )
    assert _names(sentence) == ["Power-battery copper foil", "Big data", "Photovoltaics"]


def test_plural_matches_the_singular_phrase():
    sentence = (
        "and the planting and processing base of Chinese herbal medicines were contracted with a contract value of "
        "16.7 billion yuan."
    )
    assert _names(sentence) == ["Chinese herbal medicine"]


def test_ampersand_stands_for_and():
    sentence = (
        "A total of 16 projects in Phase I project of Tangdao Times, Wanke Park, Lanyue·Shangpin, Phase I project "
        "of Duoba Cultural & Tourism Town, Moonstar World Plaze"
    )
    assert _names(sentence) == ["Cultural tourism"]


def test_matching_ignores_case():
    sentence = (
        "Strategic cooperation framework agreements with HKUST Xunfei Co., Ltd. and Qinghai Digital Economy "
        "Development Group Co., Ltd., were signed, laying a foundation for our city to realize digital and "
        "intelligent management services in multiple fields and promote the modernization of urban governance "
        "systems and governance capabilities."
    )
    assert [m.term for m in find_industries(sentence)] == ["Digital Economy"]


def test_hyphenated_phrase_matches():
    sentence = (
        "China-Europe freight trains have been less affected by the COVID-19 pandemic, making it a preferred choice "
        "for traders to transport large quantities of goods and cross-border e-commerce parcels."
    )
    assert _names(sentence) == ["Logistics and freight", "E-commerce"]


def test_each_occurrence_is_one_mention():
    sentence = (
        "With respect to promoting digital economy, we paid more attention to promoting the in-depth application of "
        "digital technology in economic development, government governance, and social and people’s livelihoods, "
        "and firmly grasped the opportunities and engines of the digital economy to nurture new opportunities in "
        "crises and open new games in changes."
    )
    assert _names(sentence) == ["Digital economy"] * 3


def test_digital_industrial_park_is_the_digital_economy():
    sentence = (
        "As CGTN’s Yu Li reports, the city’s digital industrial park is a prime example of how high-quality "
        "development can lead to economic success."
    )
    assert _names(sentence) == ["Digital economy"]


# Not industries


def test_ecological_and_high_quality_development_are_not_industries():
    sentence = (
        "The city prioritizes ecological protection and gives full play to its comparative advantages to promote the "
        "high-quality development of economy and society and gather momentum for long-term development."
    )
    assert find_industries(sentence) == []


def test_business_environment_is_not_an_industry():
    sentence = (
        "The unique cultural environment, beautiful living environment and good business environment make Xining "
        "a happy city."
    )
    assert find_industries(sentence) == []


def test_economic_growth_is_not_an_industry():
    sentence = (
        "All these companies are working towards the common goal of creating innovative solutions that can help drive "
        "economic growth and promote high-quality development in the region."
    )
    assert find_industries(sentence) == []


def test_government_department_name_is_not_an_industry():
    sentence = "said Xu Yong, deputy director of the Suining municipal bureau of economy and information technology."
    assert find_industries(sentence) == []


def test_part_of_a_word_is_not_a_phrase():
    sentence = "Two trucks carrying pipeline materials departed from Chongqing Municipality for Kazakhstan on Tuesday"
    assert find_industries(sentence) == []


# Gold: every article body


@pytest.mark.parametrize("stem", [key for key in _GOLD if not key.startswith("_")])
def test_gold_sectors_are_found_exactly(stem):
    found = {m.sector for s in title_and_body(stem) for m in find_industries(s)}
    assert found == set(_GOLD[stem]["sectors"])


@pytest.mark.parametrize("stem", [key for key in _GOLD if not key.startswith("_")])
def test_gold_industries_are_found_exactly(stem):
    found = {m.name for s in title_and_body(stem) for m in find_industries(s)}
    assert found == set(_GOLD[stem]["industries"])


def test_body_sentences_drop_page_furniture():
    sentences = title_and_body("009_chongqing")
    assert sentences[0].startswith("New highway freight service links China, Kazakhstan")
    assert not any("Most Read" in s or "We Recommend" in s for s in sentences)

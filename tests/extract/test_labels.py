"""What a figure measures, read from its sentence's structure; sentences from the dev articles and seeds."""

import pytest

from cityprofile.extract.figures import extract_figures
from cityprofile.extract.grammar import tag_words


def _labels(sentence):
    return [(f.text, f.label) for f in extract_figures(sentence)]


def test_words_keep_their_offsets_and_get_tags():
    sentence = "In 2019, Suining's GDP reached 134.57 billion yuan."
    words = tag_words(sentence)
    assert all(sentence[w.start:w.end] == w.text for w in words)
    assert [(w.text, w.tag) for w in words][3:6] == [("Suining", "NNP"), ("'s", "POS"), ("GDP", "NN")]


def test_hyphenated_words_and_names_of_digits_are_one_word():
    words = tag_words("The newly-signed billion-yuan-level projects need 5G base stations and a 1,200-mu park.")
    texts = [w.text for w in words]
    assert {"newly-signed", "billion-yuan-level", "5G"} <= set(texts)
    assert "1,200" in texts and "mu" in texts


def test_an_apostrophe_inside_a_name_keeps_it_whole():
    assert "Xi'an" in [w.text for w in tag_words("The new energy vehicle output of Xi'an reached 1 million units.")]


def test_no_words_in_an_empty_sentence():
    assert tag_words("") == ()


@pytest.mark.parametrize("sentence, text, label", [
    # "X of N": the noun phrase before "of", a participle inside it included.
    ("Solid progress will be made in project construction, with a project operating rate of over 70 percent in the "
     "first quarter and a total investment of more than 13.6 billion yuan completed throughout the year.",
     "over 70 percent", "project operating rate"),
    ("Last year, Xining city industrial added value of 35 billion 628 million yuan, an increase of 22.3%, accounting "
     "for 46.2% of the proportion of GDP in Xining city", "35 billion 628 million yuan", "industrial added value"),
    # "X reached N": the subject, followed back through its "from" and "of" phrases, never the place in them.
    ("Direct investment from provinces and cities from Heilongjiang reached 2.37 billion yuan, completing 8.1 percent "
     "of the annual target.", "2.37 billion yuan", "direct investment"),
    ("In particular, the industrial investment growth rate of Harbin in 2022 reached 19.3 percent.",
     "19.3 percent", "industrial investment growth rate"),
    ("In terms of education, the district will expand five schools in Yinchuan, adding 6,000 admission quotas, and "
     "the coverage rate of inclusive kindergartens will reach 90.5 percent.", "90.5 percent",
     "coverage rate of inclusive kindergartens"),
    ("The research and development (R&D) investment intensity will reach 5.89 percent, and more than 500 industrial "
     "engineers and highly-skilled talents will be cultivated.", "5.89 percent", "R&D investment intensity"),
    ("Among the 81 projects signed on the investment promotion activities in Pearl River Delta area and Yangtze River "
     "Delta area in the first half year of 2016, the enrollment rate reached 46.9 percent, the operating rate "
     "achieved 24.7 percent, and the production rate hit 13.6 percent.", "24.7 percent", "operating rate"),
    # A qualifying verb links like "reached": "X ... exceeding N".
    ("The district will attempt to achieve a comprehensive output value in the grape and wine industry exceeding "
     "3.5 billion yuan.", "exceeding 3.5 billion yuan", "comprehensive output value"),
    ("In the first three months of 2020, some 46 projects, each with an investment over 10 million yuan from cities "
     "outside Heilongjiang province were signed, involving 137.60 billion yuan.", "over 10 million yuan",
     "investment per project"),
    # "X worth N" is the value of X.
    ("At the event, Shenyang released 513 application scenarios around \"one highland, one hub, four centers\", with "
     "investment and cooperation opportunities worth a total of 928.3 billion yuan.", "928.3 billion yuan",
     "investment and cooperation opportunity value"),
    # "X grew from N to M": both amounts are X.
    ("The GDP of the area has grown from less than 500 million yuan at the beginning of its establishment to "
     "30 billion yuan in 2021.", "30 billion yuan", "GDP"),
    ("Chongqing saw its foreign trade increase by 11.4 percent year on year to nearly 461.4 billion yuan in the first "
     "three quarters of this year, customs data showed.", "nearly 461.4 billion yuan", "foreign trade"),
    # "N percent of X" is a share of X.
    ("Last year, Xining city industrial added value of 35 billion 628 million yuan, an increase of 22.3%, accounting "
     "for 46.2% of the proportion of GDP in Xining city", "46.2%", "industrial added value share of GDP"),
    # "N yuan of X", with a bracketed conversion between them.
    ("The district will add 5,000 mu (about 333.33 hectares) of grape planting and attempt to achieve more.",
     "5,000 mu", "grape planting area"),
    # A bracketed conversion measures what its amount does.
    ("The district will add 5,000 mu (about 333.33 hectares) of grape planting and attempt to achieve more.",
     "about 333.33 hectares", "grape planting area"),
])
def test_label_is_found_from_the_sentence_structure(sentence, text, label):
    assert (text, label) in _labels(sentence)


@pytest.mark.parametrize("sentence, text, label", [
    ("In 2019, Suining's GDP reached 134.57 billion yuan, an increase of 8.1 percent over the same period last year, "
     "ranking second in the province.", "8.1 percent", "GDP growth"),
    ("Last year, Xining city industrial added value of 35 billion 628 million yuan, an increase of 22.3%, accounting "
     "for 46.2% of the proportion of GDP in Xining city", "22.3%", "industrial added value growth"),
    # The phrasing of wire copy.
    ("Imports reached 2.3 billion yuan, up 11.2 percent.", "11.2 percent", "imports growth"),
    ("Exports rose 8.5 percent in the first half.", "8.5 percent", "exports growth"),
    # A noun phrase that names the change is the label itself.
    ("From 2021 to 2022, Harbin promoted 515 industrial projects and 200 digital economy projects, exceeding the "
     "planned target of investment growth of more than 10 percent each year.", "more than 10 percent",
     "investment growth target"),
])
def test_a_change_is_labelled_with_what_changed(sentence, text, label):
    assert (text, label) in _labels(sentence)


def test_respectively_pairs_the_parts_of_a_list():
    sentence = ("urban residents per capita disposable income and rural per capita net income reached 15841.6 yuan "
                "and 6634 yuan, respectively, up 12.5% and 21.4%, to further improve the people’s happiness index.")
    # "per capita" counts as one word of a label's four: whose income it is stays ("rural")
    assert _labels(sentence) == [("15841.6 yuan", "per capita disposable income"),
                                 ("6634 yuan", "rural per capita net income"),
                                 ("12.5%", "per capita disposable income growth"),
                                 ("21.4%", "rural per capita net income growth")]


def test_without_respectively_a_list_shares_its_label():
    # The seeds' phrasing, with "respectively" left out: both amounts are the contract value.
    sentence = "The deals had a contract value of 16.7 billion yuan and 14.9 billion yuan."
    assert [label for _, label in _labels(sentence)] == ["contract value", "contract value"]


@pytest.mark.parametrize("sentence", [
    "Direct investment from provinces and cities from Heilongjiang reached 2.37 billion yuan.",
    "Harbin, the capital city of China's northernmost Heilongjiang province, will implement 350 key industrial "
    "projects in the current year to boost the construction of a modern industrial system.",
])
def test_a_place_is_never_a_label(sentence):
    assert all(label not in ("Heilongjiang", "Harbin") for _, label in _labels(sentence))


@pytest.mark.parametrize("sentence", [
    "The city of Dalian has accomplished 214 projects and tracked 141 projects in 2016.",
    "The district will add 5,000 mu (about 333.33 hectares) of grape planting and attempt to achieve more.",
    "invited to nearly 20 countries embassy officials and foreign representatives.",
])
def test_no_label_ends_in_a_function_word(sentence):
    for _, label in _labels(sentence):
        assert label.split()[-1].lower() not in {"and", "or", "of", "the", "a", "to", "in", "attempt"}


def test_a_period_after_an_amount_is_no_label():
    sentence = "Dalian has realized 95 newly-commenced projects and 48 newly-produced projects last year."
    assert _labels(sentence) == [("95", "newly-commenced projects"), ("48", "newly-produced projects")]


def test_the_unit_of_an_earlier_amount_is_no_label():
    sentence = ("In addition, turnover of technology contracts is to grow by more than 12 percent exceeding "
                "500 million yuan.")
    assert ("exceeding 500 million yuan", "percent") not in _labels(sentence)


def test_when_nothing_names_the_measure_the_label_says_so():
    sentence = ("In the first three months of 2020, some 46 projects were signed, involving 137.60 billion yuan.")
    assert ("137.60 billion yuan", "amount (measure not stated)") in _labels(sentence)


@pytest.mark.parametrize("sentence, label", [
    # The usual phrasing of Xinhua economic reports; the dev articles have none of these.
    ("The company plans to invest 10 billion yuan to build a battery plant.", "company investment target"),
    ("Chongqing exported 300 billion yuan of goods last year.", "exports"),
    ("High-tech industries accounted for 35.2 percent.", "high-tech industries share"),
    ("The service sector accounted for 52 percent of GDP.", "service sector share of GDP"),
    ("Foreign trade volume hit a record 500 billion yuan last year.", "foreign trade volume"),
    ("The new energy vehicle output of Xi'an reached 1 million units in 2023.", "new energy vehicle output"),
])
def test_verbs_of_money_and_shares_name_the_measure(sentence, label):
    assert [f.label for f in extract_figures(sentence)] == [label]


def test_a_verb_that_is_no_verb_of_money_names_nothing():
    assert [f.label for f in extract_figures("Tourism revenue generated 5 billion yuan.")] == [
        "amount (measure not stated)"]


def test_a_subject_and_its_verb_are_no_label():
    # "signed" is the verb here, not part of the noun phrase: compare "the signed investment of ...".
    assert [f.label for f in extract_figures("The province signed investment of 137.60 billion yuan.")] == [
        "investment"]


def test_two_nouns_before_one_head_share_it():
    assert _labels("Jinhua recorded import and export value of 210 billion yuan in the first half.") == [
        ("210 billion yuan", "import and export value")]


@pytest.mark.parametrize("sentence, label", [
    # People a place is of, is home to, or has living there are its population.
    ("Officials say tourism alone cannot sustain a city of 4.7 million people built on ceramics.", "population"),
    ("Jining, a city of 8.3 million in southwest Shandong, grew 6 percent.", "population"),
    ("Bengbu, home to 3.3 million people on the Huaihe River, has built a silicon chain.", "population"),
    ("The county has 800,000 residents and 40 industrial firms.", "population"),
    # People a fair drew or a plant employs, or a city's factories, are not.
    ("The Zibo barbecue festival drew 2 million people.", "people drawn"),
    ("The new plant in Bengbu employs 300 people.", "new plant employees"),
    ("Yiwu is a city of 2,000 factories.", "factories"),
])
def test_people_living_in_a_place_are_its_population(sentence, label):
    assert _labels(sentence)[0][1] == label


@pytest.mark.parametrize("sentence, expected", [
    # A bare number that is part of a set counts what its predicate names, or the set with its "in" phrase.
    ("Bengbu will start 300 major projects this year, of which 120 are industrial projects.",
     [("300", "major projects started"), ("120", "industrial projects")]),
    ("Of the projects signed in Huzhou, 19 are in integrated circuits.", [("19", "projects in integrated circuits")]),
    ("The projects, including 21 in new energy and nine in food processing, came from the Bay Area.",
     [("21", "projects in new energy"), ("nine", "projects in food processing")]),
    ("Wuxi has attracted 1,300 digital enterprises, including 46 with annual revenue above 1 billion yuan.",
     [("1,300", "digital enterprises attracted"), ("46", "digital enterprises")]),
    # A number that is no part of a set counts nothing named, and is no figure.
    ("The number is expected to reach 50,000 by the end of the year.", []),
])
def test_a_bare_number_counts_the_part_of_a_set_it_is(sentence, expected):
    assert [(text, label) for text, label in _labels(sentence) if "yuan" not in text] == expected


def test_them_stands_for_what_the_sentence_before_counted_first():
    before = extract_figures("Huai'an signed 86 projects that will create 12,000 jobs.")
    figures = extract_figures("Eleven of them each involve an investment exceeding 2 billion yuan.", before)
    assert [(f.text, f.label) for f in figures][0] == ("Eleven", "projects")


def test_a_quoted_term_right_after_the_count_is_what_it_counts():
    assert _labels('Ningbo now has 283 "little giant" enterprises.') == [("283", "little giant enterprises")]


@pytest.mark.parametrize("sentence, expected", [
    # "worth" a parser hangs from the verb is still its object's worth; what a thing built is worth is investment.
    ("Huzhou signed 58 investment projects worth a combined 61.3 billion yuan on Wednesday.",
     [("58", "investment projects signed"), ("61.3 billion yuan", "project investment")]),
    # Money that was invested, allocated or spent, as the subject of the passive, is what the verb makes it.
    ("Some 4.6 billion yuan has been invested since last year in cutting energy use in Huaiyin district.",
     [("Some 4.6 billion yuan", "investment")]),
    # A bracketed conversion between an amount and its noun neither hides the noun nor loses the label.
    ("A 2.2-billion-yuan (about $311 million) chassis plant broke ground in Liuzhou.",
     [("2.2-billion-yuan", "chassis plant investment"), ("about $311 million", "chassis plant investment")]),
    # A term in quotes inside the noun phrase counted is part of it.
    ('Zibo has 12 national-level "little giant" firms.', [("12", "little giant firms")]),
])
def test_worth_passive_money_conversions_and_quoted_terms(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "an average of N" is the amount, not a share of anything, nor the measure.
    ("Dongguan lifted labor productivity by an average of 37 percent at participating firms.",
     [("37 percent", "labor productivity growth")]),
    # An infinitive after ", and to" shares the aim before it.
    ("Linyi aims to build 10 logistics parks by 2027, and to raise freight train trips to 600 next year.",
     [("10", "logistics parks built target"), ("600", "freight train trips target")]),
])
def test_averages_and_shared_aims(sentence, expected):
    assert _labels(sentence) == expected

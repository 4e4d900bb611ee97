"""Cleaning scraped pages: metadata against the hand-made gold, furniture gone, body kept."""

import json

import pytest
from conftest import FIXTURES, SEEDS

from cityprofile.extract.clean import MAX_TITLE_CHARS, clean_page, normalise_date, parse_article

GOLD = json.loads((FIXTURES / "gold" / "articles.json").read_text(encoding="utf-8"))["articles"]
PATHS = {p.stem: p for p in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")]}
FURNITURE = ["Most Read", "Skip to content", "-0.1 C", "Leave your comment", "Add your comment", "Web editor",
             "Please enable JavaScript", "We Recommend", "Hot News", "Related reading", "Links:", "DD_belatedPNG",
             "Enditem", "Photo/", "Source:", "Currentpostion", "&gt;", "For the latest China news", "©",
             "Check out", "BusinessMacro", "Updated", "(author:", "(Xinhua) --"]


def _article(stem):
    return parse_article(stem, PATHS[stem].read_text(encoding="utf-8"))


def test_gold_covers_every_corpus_article():
    assert set(GOLD) == set(PATHS)


@pytest.mark.parametrize("stem", sorted(GOLD))
@pytest.mark.parametrize("field", ["title", "date", "source", "author"])
def test_metadata_matches_gold(stem, field):
    page = clean_page(PATHS[stem].read_text(encoding="utf-8"))
    assert getattr(page, field) == GOLD[stem].get(field)


def test_page_without_a_title_is_titled_by_its_opening_words():
    article = _article("002_76f97ed88d926eeb")
    assert article.title == "Xining, the largest city on the Qinghai-Tibet Plateau, has made international freight…"


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_no_furniture_left_in_sentences(stem):
    article = _article(stem)
    leftovers = [(phrase, s) for s in article.sentences for phrase in FURNITURE if phrase in s]
    assert article.sentences and not leftovers


@pytest.mark.parametrize("stem, first, last", [
    ("000_e1dfb7cc4618d2e4", "During the Exposition on China Brand 2023 held in Shanghai in May",
     "injecting strong momentum into Qinghai's high-quality development."),
    ("002_76f97ed88d926eeb", "Xining, the largest city on the Qinghai-Tibet Plateau",
     "promoting high-quality opening up and development, Xie remarked."),
    ("003_76c3e2df3c0b276a", "Xining city conscientiously implement",
     "Xining city’s international image has been further improved."),
    ("004_17d9ca044011c955", "The Chinese government has emphasized",
     "become leaders in innovation and economic growth."),
    ("008_suining", "Following the proposal and development of the plan",
     "and moving towards the international stage."),
    ("009_chongqing", "Two trucks carrying pipeline materials departed from Chongqing Municipality",
     "in the first three quarters of this year, customs data showed."),
    ("010_manzhouli", "The number of China-Europe freight trains inbound and outbound via Manzhouli",
     "13 European countries including the Netherlands, Germany and Poland."),
])
def test_body_starts_and_ends_with_the_article(stem, first, last):
    sentences = _article(stem).sentences
    assert sentences[0].startswith(first)
    assert sentences[-1].endswith(last)


def test_word_count_is_of_the_clean_body():
    article = _article("009_chongqing")
    assert article.words == sum(len(s.split()) for s in article.sentences)
    assert 150 < article.words < 200


def test_photo_caption_and_section_name_are_not_body():
    sentences = _article("000_e1dfb7cc4618d2e4").sentences
    assert not any(s.startswith(("A bird's eye view", "Tourism & Leisure", "SHANGHAI")) for s in sentences)


def test_dateline_is_stripped_and_noted():
    page = clean_page("HOHHOT, Nov. 18 (Xinhua) -- The number of China-Europe freight trains inbound and "
                      "outbound via Manzhouli has surpassed 3,000 so far this year, railway authorities said.")
    assert page.dateline == "Hohhot"
    assert page.paragraphs[0].startswith("The number of China-Europe freight trains")
    assert page.source == "Xinhua"


def test_dateline_line_above_the_body_is_noted():
    page = clean_page(PATHS["000_e1dfb7cc4618d2e4"].read_text(encoding="utf-8"))
    assert page.dateline == "Shanghai"


def test_a_byline_running_into_an_agency_tag_is_cut_with_it():
    page = clean_page("2024-01-19 10:15 ecns.cn Editor : Li Wei ECNS App Download (ECNS) -- Jinjiang, a coastal city in "
                      "Fujian Province, saw its GDP rise 5.1 percent in 2023. Private firms led the way.")
    assert page.paragraphs[0].startswith("Jinjiang, a coastal city") and page.source == "ECNS"
    # A tag after a sentence is the story's own words.
    page = clean_page("Exports rose in 2023. The figures came from ECNS (ECNS) -- a wire service.")
    assert page.paragraphs[0].startswith("Exports rose in 2023.")


def test_a_related_articles_list_in_capitals_ends_the_story():
    page = clean_page("Ordos bets on hydrogen\n\nOrdos has launched 21 green hydrogen projects since 2021.\n\n"
                      "The city also processes a third of the world's cashmere.\n\nRELATED ARTICLES\n"
                      "China's coal output rises 4.4% in first seven months\nBaotou rare earth exports up 15% in H1\n")
    assert page.paragraphs[-1] == "The city also processes a third of the world's cashmere."


def test_text_without_dateline_keeps_its_first_words():
    page = clean_page("Chongqing launched the cross-border highway freight service in 2016, the city said today.")
    assert page.dateline is None
    assert page.paragraphs[0].startswith("Chongqing launched")


@pytest.mark.parametrize("stamp, iso", [
    ("2021-01-18", "2021-01-18"),
    ("August 05,20", "2020-08-05"),
    ("December 2, 2023", "2023-12-02"),
    ("November 18, 2020", "2020-11-18"),
    ("2023-03-27", "2023-03-27"),
])
def test_normalise_date(stamp, iso):
    assert normalise_date(stamp) == iso


@pytest.mark.parametrize("head, iso", [
    ("Updated : 2023-03-27\n", "2023-03-27"),
    ("【Updated :August 05,20 2:54 PM】\n", "2020-08-05"),
    ("Saturday, December 2, 2023\n", "2023-12-02"),
    (" date 2021-01-18 ", "2021-01-18"),
    ("( Xinhua ) 14:55, November 18, 2020 ", "2020-11-18"),
])
def test_date_stamps(head, iso):
    body = "Xining, the largest city on the Qinghai-Tibet Plateau, has made international freight services regular."
    assert clean_page(head + body).date == iso


def test_date_in_body_text_is_not_a_publication_date():
    page = clean_page("During the Exposition on China Brand 2023 held in Shanghai in May, Xining gained much "
                      "spotlight. On July 23, 2020, the 5th Green Development Forum was held in Xining.")
    assert page.date is None


def test_byline_beats_the_page_date_widget():
    text = ("Title of a test page here - People's Daily Online Friday, Nov 13, 2020 Home English &gt;&gt; Title of a "
            "test page here ( Xinhua ) 13:00, November 12, 2020 Suining has sped up its transformation as a hub. "
            "Add your comment Most Read 1 Something")
    page = clean_page(text)
    assert page.date == "2020-11-12"
    assert page.title == "Title of a test page here"
    assert page.paragraphs == ["Suining has sped up its transformation as a hub."]


@pytest.mark.parametrize("text, source, author", [
    ("Body text of the article goes on here for a while.\n\nSource: Xining Municipal Development & Reform "
     "Commission\n", "Xining Municipal Development & Reform Commission", None),
    # An author is who wrote it, never the source.
    ("In Xining, the city's international image has been further improved. (author: Han Yihua)\n", None,
     "Han Yihua"),
    ("(Photo/Dong Jie)\n\nXining, also capital of northwest China's Qinghai province, sees the most "
     "intensive human activities on a plateau.", None, None),
])
def test_sources(text, source, author):
    page = clean_page(text)
    assert (page.source, page.author) == (source, author)


# Page formats from the evaluation articles (realistic pages written for evaluation, not corpus seeds).


def test_xinhua_source_line_gives_date_and_bare_source():
    # Header lines from an evaluation article.
    page = clean_page("Dalian emerges as northeast China's gateway for NEV exports\n"
                      "Source: Xinhua | 2023-09-05 16:20:31 | Editor: huaxia\n")
    assert (page.date, page.source) == ("2023-09-05", "Xinhua")


def test_bare_iso_stamp_line_is_the_date_and_not_body():
    # Header lines from an evaluation article.
    text = ("Guiyang big data expo opens, showcasing computing power\nSource: Xinhua\nEditor: huaxia\n"
            "2023-05-26 19:45:12\n\nGUIYANG, May 26 (Xinhua) -- The 2023 China International Big Data Industry Expo "
            "opened Friday in Guiyang, capital of southwest China's Guizhou Province.\n")
    page = clean_page(text)
    assert page.date == "2023-05-26"
    assert not any("19:45" in p for p in page.paragraphs)


def test_capitalised_date_label_is_the_date():
    # Header line from an evaluation article.
    page = clean_page("Hohhot aims to build world-class dairy cluster\nDate: 2023-04-18  Source: hhht.gov.cn  Font size: A A A\n")
    assert (page.date, page.source) == ("2023-04-18", "hhht.gov.cn")


def test_cgtn_stamp_is_the_date_and_outlet_line_is_no_dateline():
    # Header lines from an evaluation article.
    page = clean_page("Kunming rides China-Laos Railway to become gateway to Southeast Asia\nCGTN\n"
                      "Updated 16:31, 12-Oct-2023\n\nKunming, capital of southwest China's Yunnan Province, is using "
                      "the China-Laos Railway to become a trade hub for South and Southeast Asia.\n")
    assert (page.date, page.source, page.dateline) == ("2023-10-12", "CGTN", None)


def test_body_end_phrase_matches_in_any_case_after_its_first_letter():
    # Lines from an evaluation article.
    text = ("Biomedicine output rose 15 percent in the first quarter of this year, the city government said.\n"
            "Related news\n· Hohhot hosts 2023 China Dairy Industry Conference 2023-03-30\n")
    assert clean_page(text).paragraphs == [text.splitlines()[0]]


def test_a_menu_naming_the_section_that_ends_the_story_does_not_end_it_before_it_starts():
    text = ("Home | Business | Travel | Photo | Most popular\n"
            "Zunyi's liquor makers ship more abroad\n"
            "Liquor exports from Zunyi rose 21 percent in the first half to 1.3 billion yuan, the city's commerce "
            "bureau said on Monday.\n"
            "Most popular\nGuizhou opens new expressway (2024-07-02)\n")
    assert clean_page(text).paragraphs == [text.splitlines()[2]]


def test_bulleted_headline_with_date_is_not_body():
    # A related-news line from an evaluation article.
    page = clean_page("Flowers are among the most popular goods in the city and sell well online.\n"
                      "· Hohhot hosts 2023 China Dairy Industry Conference 2023-03-30\n")
    assert page.paragraphs == ["Flowers are among the most popular goods in the city and sell well online."]


def test_one_line_page_is_split_at_its_byline_and_loses_its_dateline():
    # The opening of an evaluation article, a whole page on one line.
    text = ("Home | News | China | World | Business | Culture | Travel | Photos | Video | Opinion Search Yinchuan bets "
            "on wine and cultural tourism (People's Daily Online) 10:38, June 21, 2023 YINCHUAN, June 20 -- Yinchuan, "
            "capital of northwest China's Ningxia Hui Autonomous Region, is turning its wine industry into a calling card.")
    page = clean_page(text)
    assert (page.title, page.date, page.dateline) == ("Yinchuan bets on wine and cultural tourism", "2023-06-21", "Yinchuan")
    assert page.paragraphs[0].startswith("Yinchuan, capital of northwest China's")


@pytest.mark.parametrize("footer", [
    "Enditem Related: Ningxia's wine exports hit record | Yinchuan hosts wine expo Copyright © 2000-2025 XINHUANET.com",
    "Editor: Ma Li Copyright © 2000-2025 XINHUANET.com All rights reserved.",
])
def test_a_one_line_page_keeps_its_body_before_its_footer(footer):
    # A page saved with its line breaks collapsed: the footer's copyright line is the whole page (a caption, which
    # is shorter, goes whole).
    body = ("YINCHUAN, Aug. 12 (Xinhua) -- Wine made in the Helan Mountains' eastern foothills reached 140 million "
            "bottles last year, and the region's vineyards now cover 600,000 mu. The industry employs about 130,000 "
            "people, most of them farmers from nearby villages, and its comprehensive output value exceeded 40 "
            "billion yuan. More than 260 wineries operate in the region, and about 60 of them export to over 40 "
            "countries and regions, including France, Germany and Singapore. Local officials said wine tourism "
            "drew 1.5 million visits in the first half of this year, up 20 percent year on year, as vineyards "
            "opened tasting rooms, guesthouses and cycling trails to visitors from Beijing, Shanghai and Xi'an. "
            "The region plans to expand its vineyards to 1 million mu by 2027 and to lift the industry's output "
            "value to 100 billion yuan, while building a national wine testing center and a trading platform for "
            "wine made in the foothills. Growers have also adopted drip irrigation on more than 300,000 mu, saving "
            "water in one of China's driest wine regions, and researchers at Ningxia University are breeding "
            "grape varieties that survive the harsh winters without being buried, according to the regional "
            "bureau of wine.")
    page = clean_page(f"Ningxia wine grows - Xinhua {body} {footer}")
    text = " ".join(page.paragraphs)
    assert "140 million bottles" in text and "according to the regional bureau of wine." in text
    assert "Copyright" not in text and "Related" not in text


def test_a_headline_holding_markup_is_the_title_not_a_breadcrumb():
    page = parse_article("x", "Wuhan <script>alert(1)</script> opens auto plant\n\n"
                              "Wuhan signed a $5 million agreement with a US parts maker in April 2022. "
                              "The plant will employ 3,000 workers.\n")
    assert page.title == "Wuhan <script>alert(1)</script> opens auto plant"
    breadcrumb = parse_article("y", "HOME > The headlines\n\nXining opened the fair on Monday. It lasted four days "
                                    "and drew 270 companies from 20 countries and regions.\n")
    assert "HOME" not in breadcrumb.title


def test_a_body_line_ending_in_a_chinese_full_stop_is_article_text():
    text = ("Shenzhen news. 深圳市是中国的科技中心。In 2022 Shenzhen signed 12 agreements worth 3.5 billion yuan "
            "with partners at the Shenzhen Tech Expo. Shenzhen is home to over 300 electronics firms. 深圳的电子信息产业很发达。")
    page = parse_article("x", text)
    assert "Shenzhen is home to over 300 electronics firms." in page.sentences


def test_a_title_line_of_a_page_without_line_breaks_is_cut_with_a_marker():
    title = "Dalian emerges as northeast China's gateway for NEV exports " * 20  # a run-on headline, 1,200 characters
    page = parse_article("x", f"{title} - People's Daily Online Home Business {title} The park is home to over "
                              "200 technology-based enterprises, officials said.")
    assert len(page.title) <= MAX_TITLE_CHARS + 4 and page.title.endswith(" […]")
    assert page.title.startswith("Dalian emerges as northeast China's gateway")


def test_a_head_line_that_repeats_another_behind_a_breadcrumb_is_dropped_and_others_kept():
    from cityprofile.extract.clean import _drop_repeats

    head = ["BusinessMacroDalian port opens a cruise terminal", "Dalian port opens a cruise terminal",
            "Dalian Daily", "By Wang Lei"]
    assert _drop_repeats(head) == head[1:]


def test_lines_in_parts_and_lists_of_links_are_not_the_headline():
    page = clean_page("Shaanxi Online | English\n"
                      "Home | Xi'an | Business | Culture | Travel | Photos | Video | Contact\n"
                      "Xi'an weather: 3°C, clear | Xi'an AQI: 88 Moderate\n"
                      "Trending: Shanghai stocks rise as tech shares rally | Beijing unveils new consumption vouchers\n"
                      "Yan'an apple growers ship record harvest to Southeast Asia\n"
                      "2024-11-02 10:15 | Source: Shaanxi Online | Editor: Zhao Min\n"
                      "Apple growers in Yan'an shipped 1.2 million tonnes of fruit this season, the city's agriculture "
                      "bureau said, as new cold chain routes opened to Vietnam and Thailand.\n")
    assert page.title == "Yan'an apple growers ship record harvest to Southeast Asia"


def test_a_headline_ending_in_its_site_s_name_is_still_the_headline():
    page = clean_page("Anhui News Network English Edition\n"
                      "Hefei unveils new EV subsidies for families | Anhui News\n"
                      "2024-11-02\n"
                      "Families in Hefei buying their first new energy vehicle will receive subsidies of up to 8,000 "
                      "yuan from next month, the city government said on Saturday.\n")
    assert page.title.startswith("Hefei unveils new EV subsidies for families")


@pytest.mark.parametrize("head, iso", [
    ("Source: Ningxia Daily | Time: 14 Mar 2025 Text size: A+ A-", "2025-03-14"),
    ("March 3, 2025 | Source: China.org.cn | Author: Li Wen", "2025-03-03"),
    ("Ningxia wine grows abroad Xinhua | 2025-03-14 A tasting hall in Yinchuan", "2025-03-14"),
    ("By Global Times\nPublished: 2025/03/14 21:33", "2025-03-14"),
    ("Li Wen 14:32 UTC+8, 2025-03-14", "2025-03-14"),
    ("By Wang Fei / Mar 14, 2025 05:16 PM / Economy", "2025-03-14"),
])
def test_more_publication_stamps(head, iso):
    body = "Yinchuan's wine exports rose 12 percent last year, the regional bureau said."
    assert clean_page(f"{head}\n\n{body}").date == iso


def test_photo_captions_are_neither_title_nor_body():
    page = clean_page(
        "Guiyang bets on big data as servers hum\n"
        "Engineers inspect servers at a data center in Gui'an New Area, Guizhou province. Photo: VCG\n"
        "Updated: 2025-06-02\n"
        "Guiyang now hosts 14 large data centers, and the city's digital economy grew 9 percent last year.\n"
        "A worker checks cables at a data center in Guiyang. [Photo/IC]\n"
        "More than 40 companies have set up computing facilities in the new area, officials said.\n")
    assert page.title == "Guiyang bets on big data as servers hum"
    assert not any("checks cables" in p or "Engineers inspect" in p for p in page.paragraphs)
    assert len(page.paragraphs) == 2


def test_a_site_banner_is_no_title():
    page = clean_page("China.org.cn - China news, weather, business, travel & language courses\n"
                      "Home | News | Business\n"
                      "Weifang kites fly to 50 countries\n"
                      "May 2, 2025 | Source: China.org.cn\n\n"
                      "Weifang exported kites worth 380 million yuan last year, the city's commerce bureau said.\n")
    assert page.title == "Weifang kites fly to 50 countries"


def test_a_flat_page_body_starts_at_its_dateline_and_its_title_loses_a_glued_agency():
    text = ("Weifang kites fly to 50 countries-Xinhua Home | China | World | Business Weifang kites fly to 50 "
            "countries Xinhua | 2025-05-02 Workers make kites in a workshop in Weifang. (Xinhua/Wang Kai) "
            "WEIFANG, May 2 (Xinhua) -- Weifang exported kites worth 380 million yuan last year, the city's "
            "commerce bureau said. The city has about 600 kite makers, most of them family workshops.")
    page = clean_page(text)
    assert page.title == "Weifang kites fly to 50 countries"
    assert (page.date, page.dateline) == ("2025-05-02", "Weifang")
    assert page.paragraphs[0].startswith("Weifang exported kites worth 380 million yuan")


def test_reviewed_page_cleaning():
    # A headline's own tail after a dash stays; a related link's date does not beat the wire dateline; a long
    # caption with a credit is no body.
    page = clean_page("Ten years on - Xiong'an takes shape\n"
                      "XIONG'AN, June 5, 2025 (Xinhua) -- Xiong'an has drawn 1,200 firms from Beijing since 2017, "
                      "officials said on Thursday at a forum in the new area.\n"
                      "Related: Hebei exports hit record high | Xinhua | 2024-12-01\n")
    assert (page.title, page.date) == ("Ten years on - Xiong'an takes shape", "2025-06-05")
    caption = ("Workers assemble electric buses on a production line at a plant of a bus maker in the Ningbo "
               "Hangzhou Bay New Area, east China's Zhejiang Province, on June 3, 2025. The plant, which began "
               "production last year, now turns out about 20 buses a day for customers at home and abroad. "
               "(Xinhua/Huang Zongzhi)")
    page = clean_page(f"Ningbo buses roll out\n{caption}\nNINGBO, June 4 (Xinhua) -- Bus exports from Ningbo rose "
                      "30 percent in the first five months, customs data showed.\n")
    assert page.dateline == "Ningbo" and page.paragraphs[0].startswith("Bus exports from Ningbo")


def test_a_flat_page_without_a_repeated_title_is_split_at_its_stamp():
    text = ("SHINE Metro Business Nation World Home » Business » Economy Nantong shipyards book record orders "
            "Li Wen 14:32 UTC+8, 2025-09-18 Ti Gong A ship under construction in Nantong. Nantong's shipyards booked "
            "orders for 86 vessels in the first eight months, more than in all of last year, the city said on "
            "Wednesday.")
    page = clean_page(text)
    # (the author's name, written without "By", stays at the title's end)
    assert page.title.startswith("Nantong shipyards book record orders") and page.date == "2025-09-18"
    assert page.paragraphs[0].startswith("Ti Gong A ship") and "Metro" not in page.paragraphs[0]


def test_one_line_stamps_leave_their_clock_a_title_its_by_and_a_dateline_its_story():
    page = clean_page("Steel city Baotou reinvents itself Published: 2025/08/05 21:33 Baotou has grown into a wind "
                      "turbine base, officials said. Output rose 31 percent in the first half of the year.")
    assert page.paragraphs[0].startswith("Baotou has grown")
    page = clean_page("Shenzhen's EV Exports Up By 12 Percent 14:32 UTC+8, 2025-09-18 Shenzhen's EV exports rose 12 "
                      "percent in August, customs data showed. Officials said demand from Europe was strong.")
    assert page.title == "Shenzhen's EV Exports Up By 12 Percent"
    page = clean_page("BEIJING, Nov. 20, 2025 (Xinhua) -- Hefei's GDP reached 1.35 trillion yuan in 2024, up 5.8 "
                      "percent. The city's exports grew 10 percent, officials said on Thursday at a briefing.")
    assert page.dateline == "Beijing" and page.paragraphs[0].startswith("Hefei's GDP")


def test_a_byline_with_its_place_leaves_a_flat_title():
    page = clean_page("Hefei metro line opens By Zhang Yukun in Hefei / 2025-11-20 12:30 Hefei's sixth metro line "
                      "opened on Thursday, the operator said. It links the airport with the high-speed rail station.")
    assert page.title == "Hefei metro line opens"

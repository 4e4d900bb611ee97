"""Chinese articles: figures with 万 and 亿, Chinese numerals, measure words and qualifiers; labels; dates; places.

The sentences are written here in the genre (statistics bureau and city-daily
copy), one construction each, not taken from the dev set.
"""

import pytest

from cityprofile.extract.chinese.dates import extract_chinese_events, find_chinese_dates
from cityprofile.extract.chinese.figures import extract_chinese_figures
from cityprofile.extract.chinese.page import article_from_chinese_page, clean_chinese_page
from cityprofile.extract.chinese.places import attribute_chinese_city
from cityprofile.extract.chinese.text import drop_readings, identify_script, simplify
from cityprofile.extract.chinese.topics import extract_chinese_initiatives, find_chinese_industries
from cityprofile.extract.gazetteer import load_gazetteer


def _figures(sentence: str) -> list[tuple]:
    return [(f.text, f.value, f.unit, f.qualifier) for f in extract_chinese_figures(sentence, simplify(sentence))]


def _labels(sentence: str) -> dict[str, str]:
    return {f.text: f.label for f in extract_chinese_figures(sentence, simplify(sentence))}


@pytest.mark.parametrize("sentence, expected", [
    ("前三季度，银川市实现地区生产总值1856.3亿元。", ("1856.3亿元", 185630000000, "CNY", None)),
    ("项目引进外资6550万美元。", ("6550万美元", 65500000, "USD", None)),
    ("新建光伏电站装机容量达到240万千瓦。", ("240万千瓦", 2400000, "kilowatt", None)),
    ("园区标准化厂房面积16.3万平方米。", ("16.3万平方米", 163000, "m2", None)),
    ("全县新增高标准农田一万多亩。", ("一万多亩", 10000, "mu", "over")),
    ("今年共有两个项目落地。", ("两个", 2, "count", None)),
    ("全市规模以上工业企业达到312家。", ("312家", 312, "count", None)),
    ("景区全年接待游客125.6万人次。", ("125.6万人次", 1256000, "count", None)),
    ("全年港口货物吞吐量4.2亿吨。", ("4.2亿吨", 420000000, "tonne", None)),
])
def test_amounts_with_scales_units_and_measure_words(sentence, expected):
    assert _figures(sentence) == [expected]


@pytest.mark.parametrize("sentence, qualifier", [
    ("签约金额超过80亿元。", "over"),
    ("累计投资逾20亿元。", "over"),
    ("外贸进出口总额突破100亿元。", "over"),
    ("带动就业3000人以上。", "over"),
    ("新增绿地500余亩。", "over"),
    ("总投资约12亿元。", "about"),
    ("日处理能力5000吨左右。", "about"),
    ("游客总数近900万人次。", "nearly"),
    ("单个项目投资不足1亿元。", "under"),
    ("亏损企业少于10家。", "under"),
])
def test_qualifiers_before_and_after_an_amount(sentence, qualifier):
    assert [q for *_, q in _figures(sentence)] == [qualifier]


def test_full_width_digits_are_read_and_quoted_as_written():
    assert _figures("全年完成固定资产投资１２３亿元，增长８％。") == [
        ("１２３亿元", 12300000000, "CNY", None), ("８％", 8, "percent", None)]


def test_percentage_points_are_a_change_not_a_share():
    [figure] = extract_chinese_figures("城镇化率比上年提高1.2个百分点。", simplify("城镇化率比上年提高1.2个百分点。"))
    assert (figure.value, figure.unit, figure.label) == (1.2, "percentage point", "城镇化率 growth")


@pytest.mark.parametrize("sentence", [
    "2023年，全市经济运行稳中有进。",  # a year
    "该项目建设期为3年。",  # a duration
    "连续五个月保持增长。",  # a duration counted with 个
    "增幅居全国27个省会城市第2位。",  # a rank among a comparison set
    "第21届中国兰州投资贸易洽谈会开幕。",  # an edition
    "坚持“三个不变”，推动高质量发展。",  # a slogan
    "采用28纳米制程工艺。",  # a product specification
    "全市农业呈现四大特点。",  # a category count, not a measure word
    "新一轮5G基站建设启动。",  # a name, not an amount
])
def test_years_durations_ranks_editions_slogans_and_specs_are_not_figures(sentence):
    assert _figures(sentence) == []


def test_a_standard_statistic_is_labelled_in_english_and_keeps_its_chinese_term():
    sentence = "今年1-6月，西宁市完成全社会固定资产投资356.2亿元，增长9.1%，占全省的41.2%。"
    figures = extract_chinese_figures(sentence, simplify(sentence))
    assert [(f.label, f.term) for f in figures] == [
        ("fixed asset investment", "全社会固定资产投资"),
        ("fixed asset investment growth", "全社会固定资产投资"),
        ("share of province total", "占全省"),
    ]


def test_a_measure_without_an_english_term_is_shown_in_chinese_as_written():
    assert _labels("全市冷链仓储能力达到45万吨。") == {"45万吨": "冷链仓储能力"}


def test_a_traditional_page_is_labelled_from_its_simplified_form_and_quoted_in_traditional():
    sentence = "當天全市還有257個項目集中開工，項目總投資910.1億元。"
    figures = extract_chinese_figures(sentence, simplify(sentence))
    assert [(f.text, f.label, f.term) for f in figures] == [
        ("257個", "projects", "項目"), ("910.1億元", "total investment", "項目總投資")]


def test_respectively_pairs_each_change_with_its_measure():
    labels = _labels("全年完成货物吞吐量3.1亿吨、集装箱吞吐量560万标准箱，同比分别增长4.5%和6.2%。")
    assert labels["4.5%"] == "cargo throughput growth"
    assert labels["6.2%"] == "container throughput growth"


def test_a_count_names_the_noun_its_measure_word_counts():
    assert _labels("本次集中签约的36个项目总投资218亿元。") == {"36个": "projects", "218亿元": "total investment"}


def test_an_amount_before_a_noun_is_that_noun_s_size():
    assert _labels("新建1.5万平方米的无尘室。") == {"1.5万平方米": "无尘室"}


@pytest.mark.parametrize("sentence, expected", [
    # A verb of a rate of making before an amount stays with what is made: the annual output of it.
    ("建设年产5万吨碳酸锂生产线。", {"5万吨": "年产碳酸锂生产线"}),
    ("格尔木工厂日处理盐湖卤水3000立方米。", {"3000立方米": "日处理盐湖卤水"}),
    ("项目建成后年产约30万吨。", {"约30万吨": "年产"}),
    # "年产值" is a noun of its own (annual output value), not the verb "年产".
    ("项目达产后年产值可达80亿元。", {"80亿元": "项目达产后年产值"}),
])
def test_a_rate_of_making_keeps_its_verb_with_what_is_made(sentence, expected):
    assert _labels(sentence) == expected


@pytest.mark.parametrize("sentence, stamp, expected", [
    ("2023年5月，兰州新区签约项目12个。", None, [("2023年5月", "2023-05")]),
    ("5月29日，项目集中开工。", "2024-06-02", [("5月29日", "2024-05-29")]),
    ("5月29日，项目集中开工。", None, []),
    ("一季度，全市经济开局良好。", "2024-04-20", [("一季度", "2024")]),
    ("今年上半年，旅游收入增长12%。", "2024-07-30", [("今年上半年", "2024")]),
    ("前三季度，外贸进出口增长。", "2023-10-25", [("前三季度", "2023")]),
    ("去年，全市新增市场主体3万户。", "2024-01-10", [("去年", "2023")]),
    ("比去年同期增长8%。", "2024-01-10", []),
    ("截至6月底，累计完成投资80亿元。", "2024-07-05", [("6月底", "2024-06")]),
])
def test_dates_written_and_relative_to_the_page_stamp(sentence, stamp, expected):
    assert [(d.text, d.date) for d in find_chinese_dates(simplify(sentence), stamp)] == expected


def test_since_the_start_of_the_year_is_a_span():
    [mention] = find_chinese_dates("今年以来，全市新签约项目58个。", "2024-05-01")
    assert (mention.date, mention.qualifier) == ("2024", "since")


def test_an_event_is_the_clause_that_holds_its_date():
    sentence = "9月12日，第八届丝绸之路国际博览会在西安开幕，签约项目总额超过1500亿元。"
    [event] = extract_chinese_events([sentence], [simplify(sentence)], "2024-09-13", "a")
    assert (event.date, event.event) == ("2024-09-12", "第八届丝绸之路国际博览会在西安开幕")


PAGE = """首页 > 新闻中心 > 本地要闻 > 正文
大連金普新區：三季度重大項目集中開工建設(shè)
來源:大連日報    2024-09-28 10:15    瀏覽量:
  9月27日,金普新區三季度重大項目集中開工,共41個項目,總投資268億元。
  大連市發改委負責人介紹,新開工項目涵蓋高端裝備製造、新能源等領域。
責任編輯:王明
相关新闻
"""


def test_a_page_s_title_stamp_source_and_body_without_its_furniture():
    page = clean_chinese_page(PAGE)
    article = article_from_chinese_page("a", page)
    assert (article.title, article.date, article.source) == ("大連金普新區：三季度重大項目集中開工建設", "2024-09-28",
                                                             "大连日报")
    assert article.sentences[0] == "9月27日,金普新區三季度重大項目集中開工,共41個項目,總投資268億元。"
    assert len(article.sentences) == 2 and article.language == "zh"


def test_a_district_and_a_traditional_name_count_for_their_city():
    article = article_from_chinese_page("a", clean_chinese_page(PAGE))
    choice = attribute_chinese_city(simplify(article.title), [simplify(s) for s in article.sentences],
                                    load_gazetteer())
    assert (choice.city, choice.province) == ("Dalian", "Liaoning")


@pytest.mark.parametrize("text, city", [
    ("兰州新区2024年招商引资项目集中签约。", "Lanzhou"),
    ("格尔木市盐湖化工项目开工，总投资65亿元。", "Golmud"),
    ("义乌小商品出口持续增长。", "Yiwu"),
])
def test_new_areas_count_for_their_city_and_county_level_cities_are_their_own(text, city):
    assert attribute_chinese_city(text, [text], load_gazetteer()).city == city


def test_a_town_whose_name_is_a_common_word_is_not_a_place():
    text = "西宁旅游市场迎来游客小高峰，温泉和太平湾景区人气旺。"
    choice = attribute_chinese_city(text, [text], load_gazetteer())
    assert (choice.city, choice.runner_up) == ("Xining", None)


@pytest.mark.parametrize("text, script", [
    ("西宁市今年1-8月完成投资778亿元。", "zh"),
    ("遼寧大連：257個項目集中開工。", "zh"),
    ("大連市は港湾都市として知られています。", "ja"),
    ("다롄시는 항구 도시입니다.", "ko"),
    ("Xining (西宁) reported growth of 8 percent in its tourism revenue this year.", None),
])
def test_chinese_is_told_from_japanese_korean_and_english(text, script):
    assert identify_script(text) == script


def test_inserted_readings_are_removed():
    assert drop_readings("總投資910.1億,建設(shè)") == "總投資910.1億,建設"


def test_industries_are_matched_inside_longer_words_and_quoted_as_written():
    sentence = "重點發展高端裝備製造業、新能源和生猪养殖。"
    found = [(m.name, m.term) for m in find_chinese_industries(sentence, simplify(sentence))]
    assert found == [("High-end equipment manufacturing", "高端裝備製造業"), ("New energy", "新能源"),
                     ("Animal husbandry", "生猪养殖")]


@pytest.mark.parametrize("sentence, expected", [
    # Phrases run together are one trade; two joined by 和 are two, unless the name of one industry joins them.
    ("商贸物流已成为泉州的支柱产业。", [("Commerce and distribution", "商贸物流"), ("Logistics and freight", "商贸物流")]),
    ("全市住宿和餐饮业增加值增长6.5%。", [("Accommodation and catering", "住宿和餐饮业")]),
    ("合肥大力发展新能源汽车和生物医药产业。", [("New energy vehicles", "新能源汽车"), ("Biomedicine", "生物医药产业")]),
    ("培育电子信息、新能源和生物医药三大产业。",
     [("Electronic information", "电子信息"), ("New energy", "新能源"), ("Biomedicine", "生物医药")]),
    # A head after a phrase is taken in, and a longer phrase of another industry wins.
    ("深圳医疗设备出口增长12%。", [("Medical devices", "医疗设备")]),
    # A head after a phrase belongs to it: equipment, parts, generation.
    ("湘潭风电装备出口增长，新能源汽车零部件和光伏发电项目落地。",
     [("Wind power", "风电装备"), ("New energy vehicles", "新能源汽车零部件"), ("Photovoltaics", "光伏发电")]),
    # The words before a phrase that say which kind of it the city has are kept; a verb before it is not.
    ("岳阳将做强绿色化工、精品钢材和品牌家居产业。",
     [("Chemicals", "绿色化工"), ("Iron and steel", "精品钢材"), ("Wood and furniture", "品牌家居产业")]),
    ("鞍山传统钢铁产业加快转型。", [("Iron and steel", "传统钢铁产业")]),
    # A word of kind is a whole word before the phrase, and names no kind through another phrase or of a project.
    ("石化能源新材料是此次开工项目的主力军。", [("Petroleum refining and coal processing", "石化能源新材料"),
                                    ("New materials", "石化能源新材料")]),
    ("创新型化工企业达到30家，重大化工项目开工。", [("Chemicals", "化工"), ("Chemicals", "化工")]),
    ("全市风光电装机容量突破500万千瓦，内燃机产业集群加快发展。", []),
    # An item of a list of industries is named whole; the first from its phrase on.
    ("衡阳将聚焦输变电装备、有色金属精深加工、锂电正极材料等重点产业链。",
     [("Electrical machinery and equipment", "输变电装备"), ("Non-ferrous metals", "有色金属精深加工"),
      ("Lithium batteries", "锂电正极材料")]),
])
def test_industries_joined_in_one_phrase_keep_it_whole(sentence, expected):
    assert [(m.name, m.term) for m in find_chinese_industries(sentence, simplify(sentence))] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("第五届中国（青海）藏毯国际展览会在西宁开幕。", ("中国（青海）藏毯国际展览会", "expo")),
    ("会上举行了文旅项目签约仪式。", ("文旅项目签约仪式", "agreement")),
    ("西宁经济技术开发区新入驻企业23家。", ("西宁经济技术开发区", "park")),
    ("中欧班列（西宁—莫斯科）今年开行32列。", ("中欧班列", "route")),
    ("2024丝绸之路经济带城市合作发展论坛在兰州举办。", ("丝绸之路经济带城市合作发展论坛", "forum")),
])
def test_initiatives_are_named_up_to_the_word_of_their_kind(sentence, expected):
    found = [(i.name, i.kind) for i in extract_chinese_initiatives(sentence, simplify(sentence))]
    assert expected in found


def test_a_generic_project_is_no_initiative():
    assert extract_chinese_initiatives("重点项目建设加快推进。", "重点项目建设加快推进。") == []


def test_an_amount_opening_a_sentence_is_read():
    assert _figures("1856.3亿元的地区生产总值，比上年增长5%。")[0] == ("1856.3亿元", 185630000000, "CNY", None)


def test_a_year_compared_with_is_no_date_and_as_of_is_no_plan():
    assert find_chinese_dates("大路菜比去年增加了两万多亩。", "2011-09-22") == []
    sentence = "截至8月底，全市重点建设项目95项（续建68项，新建27项）。"
    [event] = extract_chinese_events([sentence], [sentence], "2014-09-23", "a")
    assert (event.date, event.event, event.target) == ("2014-08", "全市重点建设项目95项", False)


@pytest.mark.parametrize("text, city", [
    ("金普新区三季度新开工项目71个。", "Dalian"),
    ("湟中县乡村旅游接待游客增长。", "Xining"),
    ("和林格尔县乳业产业园项目开工。", "Hohhot"),
])
def test_a_district_county_or_new_area_alone_counts_for_its_city(text, city):
    assert attribute_chinese_city(text, [text], load_gazetteer()).city == city


def test_a_chinese_sentence_without_an_end_is_cut_between_clauses():
    from cityprofile.extract.chinese.page import split_chinese_sentences
    from cityprofile.extract.sentences import CUT, MAX_SENTENCE_CHARS

    pieces = split_chinese_sentences(["西宁市完成投资778亿元，" * 1000], limit=3)
    assert len(pieces) == 3 and all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert pieces[0].endswith(f"亿元， {CUT}")


@pytest.mark.parametrize("sentence, labels", [
    # The value added of industry above designated size is "industrial output", as English news writes it; 规上 is
    # short for 规模以上.
    ("规模以上工业增加值同比增长8.1%。", {"8.1%": "industrial output growth"}),
    ("规上工业增加值增长6.4%，规上工业企业达到1420家。",
     {"6.4%": "industrial output growth", "1420家": "industrial enterprises above designated size"}),
    ("第三产业增加值占地区生产总值的比重达到55.6%。", {"55.6%": "share of GDP"}),
    ("城镇登记失业率控制在3.5%以内。", {"3.5%以内": "城镇登记失业率"}),
    ("存款余额1234亿元，比年初增加56亿元。", {"1234亿元": "存款余额", "56亿元": "存款余额 growth"}),
    ("实现地区生产总值1234.5亿元，按不变价格计算，比上年增长5.2%。", {"1234.5亿元": "GDP", "5.2%": "GDP growth"}),
    # Money over which the things after it are counted is a threshold per thing.
    ("共签约项目31个，其中20亿元以上项目6个。", {"31个": "signed projects", "20亿元以上": "investment per project", "6个": "projects"}),
    # A figure a plan aims at is its measure's target, as in English.
    ("力争到2027年全市地区生产总值突破5000亿元。", {"突破5000亿元": "GDP target"}),
    # A measure written before the money says what it is, a verb does not; a threshold reads so in a series too.
    ("全市新开工10亿元以上项目28个。", {"10亿元以上": "investment per project", "28个": "projects"}),
    ("利润总额50亿元以上企业20家。", {"50亿元以上": "total profit", "20家": "enterprises"}),
    ("其中50亿元以上项目3个、10亿元以上项目12个。",
     {"50亿元以上": "investment per project", "3个": "projects", "10亿元以上": "investment per project", "12个": "projects"}),
])
def test_statistical_communique_constructions(sentence, labels):
    assert _labels(sentence) == labels


@pytest.mark.parametrize("sentence, expected", [
    ("第一季度，全市实现地区生产总值512亿元。", [("第一季度", "2024")]),
    ("今年前5个月，外贸进出口总额增长12%。", [("今年前5个月", "2024")]),
    ("2024年1—6月，全市新签约项目58个。", [("2024年1—6月", "2024")]),
])
def test_periods_of_the_year_resolve_to_their_year(sentence, expected):
    assert [(d.text, d.date) for d in find_chinese_dates(simplify(sentence), "2024-07-20")] == expected


@pytest.mark.parametrize("sentence, labels", [
    ("建成后预计年产值可达80亿元，带动就业2000余人。", {"80亿元": "annual output value", "2000余人": "jobs"}),
    ("全市新登记市场主体1.2万户，同比增长15%。", {"1.2万户": "新登记市场主体", "15%": "新登记市场主体 growth"}),
    ("力争数字经济核心产业增加值占GDP比重达到10%。", {"10%": "share of GDP target"}),
])
def test_city_daily_constructions(sentence, labels):
    assert _labels(sentence) == labels


def test_two_nouns_joined_by_a_conjunction_are_one_measure():
    assert _labels("其中物流及房地产项目12个。") == {"12个": "物流及房地产项目"}
    assert _labels("共接待海外游客2.45万人次、国内游客和市民185万人次。")["185万人次"] == "国内游客和市民"


def test_a_date_inside_a_body_line_is_the_news_not_the_page_s_stamp():
    page = clean_chinese_page("兰州新区两个项目开工\n2017-11-01 来源：兰州日报\n"
                              "此外，生猪养殖场等两个项目将于2018年4月1日开工，总投资3亿元。\n")
    assert page.date == "2017-11-01" and "将于2018年4月1日开工" in page.paragraphs[0]


def test_a_page_run_onto_one_line_keeps_its_headline_and_body():
    page = clean_chinese_page(
        "人民网 >> 山东频道 >> 市县 >> 日照 日照港开通至汉堡新航线 今年集装箱吞吐量突破600万标箱 2023年12月08日09:12 | "
        "来源：人民网－山东频道 分享到： 人民网日照12月8日电（记者 张明）12月7日，日照港开通至汉堡的集装箱新航线。"
        "今年以来，日照港累计完成集装箱吞吐量612万标箱，同比增长9.4%。 （责编：王洁） 分享让更多人看到 推荐阅读 "
        "日照5个项目入选省级物流枢纽 2023年11月02日 人民网版权所有")
    assert (page.title, page.date) == ("日照港开通至汉堡新航线 今年集装箱吞吐量突破600万标箱", "2023-12-08")
    [body] = page.paragraphs
    assert body.startswith("人民网日照12月8日电") and body.endswith("同比增长9.4%。")


def test_the_headline_is_the_line_above_the_stamp_not_the_site_name_or_account():
    page = clean_chinese_page(
        "香港文匯網 WENWEIPO.COM\n首頁 | 要聞 | 香港 | 內地 | 大灣區 | 財經\n大灣區 > 廣東\n"
        "佛山上半年GDP增長4.9% 外貿進出口逾3000億元\n佛山發布\n2024-07-29 22:16  文匯報  記者 李薇\n"
        "分享到： Facebook  WhatsApp\n"
        "佛山市統計局7月26日發佈數據，今年上半年，佛山實現地區生產總值6417.2億元，同比增長4.9%。\n")
    assert page.title == "佛山上半年GDP增長4.9% 外貿進出口逾3000億元"
    assert page.paragraphs == ["佛山市統計局7月26日發佈數據，今年上半年，佛山實現地區生產總值6417.2億元，同比增長4.9%。"]


def test_a_bracketed_dateline_opens_the_body_and_a_bracketed_heading_does_not():
    page = clean_chinese_page("佛山上半年GDP增長4.9%\n2024-07-29 22:16 文匯報\n"
                              "【香港文匯報訊】（記者 李薇）佛山市統計局7月26日發佈數據，佛山實現地區生產總值6417.2億元。\n"
                              "【延伸閱讀】佛山製造業發展\n")
    assert page.paragraphs == ["香港文匯報訊（記者 李薇）佛山市統計局7月26日發佈數據，佛山實現地區生產總值6417.2億元。"]


def test_a_notice_dated_at_its_foot_keeps_its_title_and_a_subtitle_is_no_headline():
    page = clean_chinese_page("关于印发绍兴市数字经济发展规划的通知\n各区、县（市）人民政府：\n"
                              "现将规划印发给你们。到2025年，全市数字经济核心产业增加值达到1000亿元。\n"
                              "绍兴市人民政府办公室\n2024年7月25日\n")
    assert page.title == "关于印发绍兴市数字经济发展规划的通知" and page.date == "2024-07-25"
    assert any("1000亿元" in paragraph for paragraph in page.paragraphs)
    page = clean_chinese_page("绍兴上半年GDP增长6.1%\n——全市经济运行稳中向好\n2024-07-25 10:00 来源：绍兴日报\n"
                              "上半年，绍兴实现地区生产总值3700亿元，同比增长6.1%。\n")
    assert page.title == "绍兴上半年GDP增长6.1%"


def test_a_numbered_subheading_divides_the_article_and_another_headline_ends_it():
    page = clean_chinese_page(
        "2023年海东市国民经济和社会发展统计公报\n2024-03-20 来源：海东市统计局\n"
        "全年全市实现地区生产总值612.5亿元，比上年增长5.1%。\n"
        "第一产业增加值98.2亿元，增长4.9%。\n"
        "一、工业生产稳步回升\n"
        "全年规模以上工业增加值增长8.3%。\n"
        "省财政下达专项资金支持教育强国推进工程\n"
        "今年以来，省财政累计下达资金10.49亿元。\n")
    assert page.paragraphs[-1] == "全年规模以上工业增加值增长8.3%。"
    assert "一、工业生产稳步回升" in page.paragraphs


def test_a_short_subheading_divides_the_article_and_topic_tags_end_it():
    # A WeChat copy heads its sections with short unpunctuated lines and ends with its topic tags and older posts.
    page = clean_chinese_page(
        "一季度襄州GDP增长6.2%\n原创 襄州发布 2024-04-20 18:30 湖北\n"
        "4月19日，区统计局发布一季度经济运行数据。\n"
        "一季度，全区实现地区生产总值312.4亿元，同比增长6.2%。\n"
        "项目建设持续发力\n"
        "一季度，全区新开工亿元以上项目28个，总投资186.5亿元。\n"
        "#襄州经济 #项目建设\n"
        "往期推荐\n"
        "▶ 3月份全区CPI同比上涨0.3%\n")
    assert page.paragraphs[0] == "4月19日，区统计局发布一季度经济运行数据。"
    assert "项目建设持续发力" in page.paragraphs
    assert page.paragraphs[-1] == "一季度，全区新开工亿元以上项目28个，总投资186.5亿元。"


def test_a_short_headline_naming_a_place_ends_the_body_and_a_numbered_furnace_does_not():
    page = clean_chinese_page(
        "襄阳一季度GDP增长6.2%\n2024-04-20 来源：襄阳日报\n4月19日，市统计局发布数据。\n"
        "一季度，全市地区生产总值1312亿元，同比增长6.2%。\n该公司5#高炉昨日正式复产投用。\n"
        "宜昌一季度经济稳中向好\n4月20日，宜昌市地区生产总值1200亿元。\n")
    assert page.paragraphs[-1] == "该公司5#高炉昨日正式复产投用。"
    # the story's own city opening a subheading is no other story; a single topic tag ends the body
    page = clean_chinese_page(
        "襄阳一季度GDP增长6.2%\n2024-04-20 来源：襄阳日报\n4月19日，市统计局发布数据显示经济回升。\n"
        "一季度，全市地区生产总值1312亿元，同比增长6.2%。\n襄阳消费市场持续回暖\n一季度社会消费品零售总额增长8%。\n"
        "#襄阳发布#\n扫码关注我们，了解更多襄阳资讯和活动信息。\n")
    assert page.paragraphs[-1] == "一季度社会消费品零售总额增长8%。"


def test_a_text_that_opens_with_its_body_keeps_its_first_paragraph():
    # A saved page's markup gives the headline apart; its text starts at the first paragraph.
    page = clean_chinese_page(
        "　　5月8日，襄阳市2024年第二批重大项目集中签约仪式举行。此次共签约项目38个，总投资426.5亿元。\n"
        "　　从签约项目看，先进制造业项目占比达到68.2%。\n")
    assert page.paragraphs[0].startswith("5月8日，襄阳市2024年第二批重大项目集中签约仪式举行。")
    assert not page.title


def test_a_count_opening_a_quoted_sentence_is_no_slogan():
    # The quote closes a speech ("…12个项目全部落地”); only a count inside a pair of quotes is a slogan.
    assert _figures("12个项目”顺利签约。") == [("12个", 12, "count", None)]


@pytest.mark.parametrize("sentence, event", [
    # A dateline and byline open the clause: the event is what the clause says after them.
    ("新华社银川6月3日电(记者张明)6月2日,宁夏枸杞产业博览会在银川开幕。", "宁夏枸杞产业博览会在银川开幕"),
    # "记者从…获悉" names the reporter's source: the event is in the clause after it.
    ("5月28日,记者从柳州市工信局获悉,柳州新能源汽车产业园一期项目正式投产。", "柳州新能源汽车产业园一期项目正式投产"),
])
def test_a_report_s_dateline_and_source_are_not_the_event(sentence, event):
    events = extract_chinese_events([sentence], [sentence], "2024-06-03", "a")
    assert [e.event for e in events][:1] == [event]


def test_a_word_with_a_dateline_s_last_character_is_no_dateline():
    # "国家电网" opens with 电 but is a company, not "...电" of a dateline: the clause keeps it.
    sentence = "国家电网青海公司6月2日在西宁启动新能源并网工程。"
    [event] = extract_chinese_events([sentence], [sentence], "2024-06-03", "a")
    assert event.event.startswith("国家电网青海公司")


def test_a_change_of_a_measure_without_english_is_headed_in_english_in_the_script_it_is_written_in():
    sentence = "上半年，東莞電子信息製造業增加值增長12.1%。"
    [figure] = extract_chinese_figures(sentence, simplify(sentence))
    assert figure.label == "電子信息製造業增加值 growth"


def test_a_net_increase_since_a_date_is_the_growth_of_the_measure_before():
    sentence = "目前，全市规上工业企业3126家，较去年底净增218家。"
    figures = extract_chinese_figures(sentence, simplify(sentence))
    assert [(f.text, f.label) for f in figures] == [("3126家", "industrial enterprises above designated size"),
                                                    ("218家", "industrial enterprises above designated size growth")]


def test_a_welcome_line_above_the_headline_is_neither_headline_nor_body():
    page = clean_chinese_page("欢迎访问绍兴市人民政府门户网站。\n绍兴上半年GDP增长6.1%\n2024-07-25 10:00 来源：绍兴日报\n"
                              "上半年，绍兴实现地区生产总值3700亿元，同比增长6.1%。\n")
    assert page.title == "绍兴上半年GDP增长6.1%"

"""The extract stage over a folder: attribution, provenance, and articles left out."""

import shutil

from conftest import SEEDS

from cityprofile.extract.assemble import extract_corpus
from cityprofile.extract.clean import MAX_SENTENCES
from cityprofile.contract.records import Article
from cityprofile.extract.article import MAX_ITEMS, extract_article


def _seeds(tmp_path, *stems):
    for stem in stems:
        shutil.copy(SEEDS / f"{stem}.txt", tmp_path / f"{stem}.txt")
    return tmp_path


def _messages(extraction):
    return {p.path.name: (p.severity, p.message) for p in extraction.problems}


def test_article_in_chinese_joins_its_city_s_profile_beside_the_english_ones(tmp_path):
    seeds = _seeds(tmp_path, "004_17d9ca044011c955")
    (seeds / "chinese.txt").write_text("大连市2023年5月签约项目35个，总投资316亿元。", encoding="utf-8")
    extraction = extract_corpus(seeds)
    assert list(extraction.profiles) == ["dalian"]
    profile = extraction.profiles["dalian"]
    assert {a["id"]: a["language"] for a in profile["articles"]} == {"004_17d9ca044011c955": "en", "chinese": "zh"}
    chinese = [(f["text"], f["value"], f["label"]) for f in profile["figures"] if f["article"] == "chinese"]
    assert chinese == [("35个", 35, "signed projects"), ("316亿元", 31600000000, "total investment")]


def test_article_in_japanese_or_korean_is_left_out_with_its_reason(tmp_path):
    seeds = _seeds(tmp_path, "004_17d9ca044011c955")
    (seeds / "japanese.txt").write_text("大連市は中国東北部の港湾都市で、2023年に35件の事業を契約しました。", encoding="utf-8")
    (seeds / "korean.txt").write_text("다롄시는 2023년에 35개의 프로젝트를 계약했습니다.", encoding="utf-8")
    messages = _messages(extract_corpus(seeds))
    assert messages["japanese.txt"] == ("warning", "written in Japanese; cityprofile reads English and Chinese articles; "
                                                   "skipped")
    assert messages["korean.txt"][1].startswith("written in Korean;")


def test_article_naming_no_city_is_left_out(tmp_path):
    seeds = _seeds(tmp_path, "004_17d9ca044011c955")
    (seeds / "nowhere.txt").write_text("Officials said the new policy would help small firms grow next year.\n")
    assert _messages(extract_corpus(seeds))["nowhere.txt"] == ("warning", "names no known city; left out")


def test_article_split_evenly_between_two_cities_is_assigned_with_a_note(tmp_path):
    (tmp_path / "split.txt").write_text(
        "Northeast cities sign a new trade agreement\n\nOfficials from Harbin signed a trade deal on Monday. "
        "Officials from Shenyang will share a logistics hub.\n")
    severity, message = _messages(extract_corpus(tmp_path))["split.txt"]
    assert severity == "note" and "tie between" in message and "assigned to" in message


def test_every_item_keeps_its_article_and_sentence(tmp_path):
    extraction = extract_corpus(_seeds(tmp_path, "001_b5846f08470cffb5"))
    profile = extraction.profiles["xining"]
    for key in ("figures", "initiatives", "timeline"):
        assert profile[key]
        for item in profile[key]:
            assert item["article"] == "001_b5846f08470cffb5" and item["sentence"]
    contract = next(f for f in profile["figures"] if f["value"] == 31_600_000_000)
    assert contract["unit"] == "CNY" and "31.6 billion yuan" in contract["sentence"]


def test_a_one_line_dump_is_read_up_to_the_caps_with_a_warning_for_each(tmp_path):
    sentence = ("The digital industrial park, which covers an area of 40,000 square meters, is at the heart of "
                "Dalian’s economic progress. The park is home to over 200 technology-based enterprises. ")
    (tmp_path / "dump.txt").write_text("Dalian digital park grows " + sentence * 1000)  # one line, 2,000 sentences
    extraction = extract_corpus(tmp_path)
    profile = extraction.profiles["dalian"]
    assert len(profile["figures"]) == MAX_ITEMS
    assert sum(a["words"] for a in profile["articles"]) < 300 * 30  # only the sentences read are counted
    messages = [p.message for p in extraction.problems if p.severity == "warning"]
    assert messages[0] == f"longer than an article can be; only its first {MAX_SENTENCES} sentences are read"
    assert messages[1] == f"more than {MAX_ITEMS} figures; only the first {MAX_ITEMS} are kept" and len(messages) == 2


def test_a_city_s_profile_merges_its_english_and_chinese_articles(tmp_path):
    from conftest import FIXTURES

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for article in (FIXTURES / "dev-zh" / "articles").glob("*.txt"):
        shutil.copy(article, seeds / article.name)
    profiles = extract_corpus(seeds).profiles
    for slug in ("xining", "dalian"):
        languages = {a["language"] for a in profiles[slug]["articles"]}
        assert languages == {"en", "zh"}, slug
    golmud = profiles["golmud"]
    assert golmud["province"] == "Qinghai" and golmud["figures"]


def test_chinese_pages_in_gbk_full_width_or_mojibake_are_read(tmp_path):
    (tmp_path / "gbk.txt").write_bytes("西宁市今年一季度完成固定资产投资１２３亿元，同比增长８％。".encode("gbk"))
    garbled = "西宁市今年一季度完成固定资产投资123亿元。".encode("utf-8").decode("latin-1")
    (tmp_path / "mojibake.txt").write_text(garbled, encoding="utf-8")
    (tmp_path / "mixed.txt").write_text(
        "Xining (西宁) sets up a data centre\n\nXining, capital of Qinghai (青海), opened a data centre worth "
        "1.2 billion yuan on Monday, officials said.\n", encoding="utf-8")
    extraction = extract_corpus(tmp_path)
    figures = [(f["text"], f["value"], f["article"]) for f in extraction.profiles["xining"]["figures"]]
    assert ("１２３亿元", 12300000000, "gbk") in figures
    assert ("1.2 billion yuan", 1200000000, "mixed") in figures
    assert ("123亿元", 12300000000, "mojibake") in figures
    messages = _messages(extraction)
    assert messages["gbk.txt"] == ("note", "not UTF-8; decoded as gb18030")
    assert messages["mojibake.txt"] == ("note", "mojibake (UTF-8 once read in another encoding); repaired")


def test_a_chinese_web_page_is_read_as_a_chinese_article(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>海东市上半年签约项目58个</title></head><body><nav>首页 要闻 政务 民生</nav><article>"
        "<h1>海东市上半年签约项目58个</h1><p>2024-07-18 来源：海东日报</p>"
        "<p>今年上半年，海东市新签约招商引资项目58个，总投资312亿元，同比增长15.2%。</p>"
        "<p>其中，新能源项目12个，装备制造项目9个，文化旅游项目6个。</p></article></body></html>",
        encoding="utf-8")
    profile = extract_corpus(tmp_path).profiles["haidong"]
    assert profile["articles"][0]["language"] == "zh"
    labels = {f["text"]: f["label"] for f in profile["figures"]}
    assert labels["312亿元"] == "total investment" and labels["15.2%"] == "total investment growth"


def test_a_figure_counted_over_a_range_of_months_is_dated_at_its_end():
    article = Article(id="a", title="", date="2024-09-18", source=None, sentences=[
        "Foreign trade in Xiamen rose 21.4 percent year on year in January-August.",
        "The park has attracted 120 firms since 2019."])
    figures = extract_article(article)["figures"]
    assert [(f["text"], f["date"]) for f in figures] == [("21.4 percent", "2024-08"), ("120", None)]

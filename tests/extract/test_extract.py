"""The extract stage over a folder: attribution, provenance, and articles left out."""

import re
import shutil

from conftest import SEEDS

from cityprofile.extract.assemble import extract_corpus
from cityprofile.extract.clean import MAX_SENTENCES
from cityprofile.extract.stage import MAX_ITEMS


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
    assert re.fullmatch(rf"[\d,]+ figures; only the first {MAX_ITEMS} are kept", messages[1]) and len(messages) == 2

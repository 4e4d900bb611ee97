"""One article counted once: a page and its text scrape, a re-post with other page furniture."""

import shutil

import pytest
from conftest import FIXTURES

from cityprofile.extract.assemble import extract_corpus
from cityprofile.extract.duplicates import find_copies, sign

STORY = [
    "Dalian port handled 4.5 million containers in 2023, the port authority said on Monday.",
    "The port opened a cruise terminal in May and plans 20 new routes to Japan and South Korea next year.",
    "Container traffic with Russia rose 18 percent as new rail links opened through Manzhouli.",
]


def test_a_re_post_with_other_furniture_is_a_copy_of_the_longer_one():
    repost = ["Home | News | Business", *STORY, "Share this article"]
    copies = find_copies([("original", sign(STORY), 60), ("repost", sign(repost), 66)])
    assert list(copies) == ["original"] and copies["original"].kept == "repost"
    assert copies["original"].alike >= 0.7


def test_a_follow_up_quoting_one_sentence_is_its_own_story():
    follow_up = [STORY[0], "Shipping lines said freight rates to Europe fell by a third in the first quarter.",
                 "The port will add two berths for liquefied natural gas carriers by 2026, officials said.",
                 "Grain shipments from Heilongjiang through Dalian reached 12 million tonnes last year."]
    assert find_copies([("story", sign(STORY), 60), ("follow", sign(follow_up), 62)]) == {}


@pytest.mark.parametrize("text_name", ["chongqing_copy.txt", "009_chongqing.txt"])
def test_a_page_and_its_text_count_as_one_article_with_one_warning(tmp_path, text_name):
    shutil.copy(FIXTURES / "pages" / "009_chongqing.html", tmp_path)
    shutil.copy(FIXTURES / "009_chongqing.txt", tmp_path / text_name)
    alone = extract_corpus(_only(tmp_path / "alone", FIXTURES / "pages" / "009_chongqing.html"))
    both = extract_corpus(tmp_path)
    [entry] = both.index
    assert entry["articles"] == 1
    [warning] = [p for p in both.problems if "the same article as" in p.message]
    assert warning.severity == "warning"
    names = {warning.path.name, warning.message.split("the same article as ")[1].split(" ")[0]}
    assert names == {"009_chongqing.html", text_name}
    assert len(both.profiles["chongqing"]["figures"]) == len(alone.profiles["chongqing"]["figures"])
    assert {f["article"] for f in both.profiles["chongqing"]["figures"]} == {both.profiles["chongqing"]["articles"][0]["id"]}


def _only(folder, path):
    folder.mkdir()
    shutil.copy(path, folder)
    return folder

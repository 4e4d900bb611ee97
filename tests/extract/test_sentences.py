"""Sentence splitting on real sentences from the corpus."""

from cityprofile.extract.sentences import CUT, MAX_SENTENCE_CHARS, MAX_WORD_CHARS, split_sentences


def test_company_suffixes_do_not_end_a_sentence():
    text = ("Strategic cooperation framework agreements with HKUST Xunfei Co., Ltd. and Qinghai Digital Economy "
            "Development Group Co., Ltd., were signed, laying a foundation for our city.")
    assert split_sentences(text) == [text]


def test_etc_inside_a_sentence_does_not_end_it():
    text = "A total of 16 projects in Caojiazai Block, etc. were signed with a contract value of 14.9 billion yuan."
    assert split_sentences(text) == [text]


def test_month_abbreviations_and_decimals_do_not_end_a_sentence():
    text = ("A total of 3,073 trains passed through Manzhouli between Jan. 1 and Nov. 17, marking a yearly "
            "increase of 30.3 percent. In breakdown, the port handled 1,493 inbound trains.")
    assert split_sentences(text) == [
        "A total of 3,073 trains passed through Manzhouli between Jan. 1 and Nov. 17, marking a yearly "
        "increase of 30.3 percent.",
        "In breakdown, the port handled 1,493 inbound trains.",
    ]


def test_us_before_a_noun_does_not_end_a_sentence():
    text = ("So far, more than 4,500 trucks have transported goods worth around 2.67 billion yuan "
            "(about 407 million U.S. dollars) to countries including Cambodia. Chongqing launched the service in 2016.")
    assert len(split_sentences(text)) == 2


def test_final_abbreviation_before_a_sentence_opener_ends_it():
    text = "China's has consistent policy stance on developing China-U.S. relations with the U.S. The talks went on."
    assert split_sentences(text)[-1] == "The talks went on."


def test_number_abbreviation_does_not_end_a_sentence():
    text = "The trains leave from No. 5 platform of Manzhouli Station. Officials said so."
    assert split_sentences(text)[0] == "The trains leave from No. 5 platform of Manzhouli Station."


def test_semicolon_chain_splits_into_clauses():
    text = ("to carry out international youth exchange, a total of 200 students participated; has a 12 international "
            "friendly city, organized the economic and cultural exchange; has invited 13 foreign experts to Xining.")
    assert split_sentences(text) == [
        "to carry out international youth exchange, a total of 200 students participated",
        "has a 12 international friendly city, organized the economic and cultural exchange",
        "has invited 13 foreign experts to Xining.",
    ]


def test_quoted_sentence_starts_a_new_sentence():
    text = 'Xu added that Suining has actively cultivated the industry. "The development is in line," said Xu Yong.'
    assert split_sentences(text)[1].startswith('"The development')


def test_line_breaks_end_sentences_and_whitespace_is_normalised():
    text = "Xining is livable  and suitable for businesses\n\nsince the beginning of 2010, the city expanded."
    assert split_sentences(text) == [
        "Xining is livable and suitable for businesses",
        "since the beginning of 2010, the city expanded.",
    ]


def test_markup_left_after_a_full_stop_starts_a_new_sentence():
    # Markup that a scrape leaves in the text must not glue two sentences, so a figure keeps its own sentence's date.
    text = ("Wuhan signed a $5 million agreement with a US parts maker in April 2022. <script>alert(1)</script> "
            "Wuhan's new energy vehicle industry employs over 50,000 workers.")
    assert split_sentences(text) == [
        "Wuhan signed a $5 million agreement with a US parts maker in April 2022.",
        "<script>alert(1)</script> Wuhan's new energy vehicle industry employs over 50,000 workers.",
    ]


def test_chinese_full_stops_end_sentences_without_a_space():
    text = "深圳市是中国的科技中心。In 2022 Shenzhen signed 12 agreements worth 3.5 billion yuan. 深圳的电子信息产业很发达。"
    assert split_sentences(text) == [
        "深圳市是中国的科技中心。",
        "In 2022 Shenzhen signed 12 agreements worth 3.5 billion yuan.",
        "深圳的电子信息产业很发达。",
    ]


def test_a_word_longer_than_a_line_is_cut_with_a_marker():
    text = "Xining signed 12 deals, see " + "x" * 10_000 + " for details."
    [sentence] = split_sentences(text)
    assert sentence == "Xining signed 12 deals, see " + "x" * MAX_WORD_CHARS + CUT + " for details."


def test_words_of_real_length_are_kept_whole():
    text = "The Lanzhou-Yinchuan-Xining urban agglomeration, an internationally-recognised cluster, grew."
    assert split_sentences(text) == [text]


def test_an_overlong_sentence_is_split_between_words_and_each_cut_marked():
    text = "Xining signed deals with " + ", ".join(f"company number {n}" for n in range(400)) + "."
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(p.endswith(" " + CUT) for p in pieces[:-1]) and pieces[-1].endswith("company number 399.")
    assert " ".join(p.removesuffix(" " + CUT) for p in pieces) == text


def test_a_limit_stops_splitting_early():
    text = "Dalian port shipped 5,000 cars in May. " * 1000
    assert split_sentences(text, 3) == ["Dalian port shipped 5,000 cars in May."] * 3

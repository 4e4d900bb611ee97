"""Timeline events: one per dated statement, shortened to what happened."""

import pytest

from cityprofile.extract.dates import find_context_year, find_dates
from cityprofile.extract.figures import extract_figures
from cityprofile.extract.timeline import extract_events, find_clause_date, name_plan


def _events(sentence, pub_date=None, title=""):
    return extract_events([sentence], pub_date, "a1", title)


def _only(sentence, pub_date=None, title=""):
    [event] = _events(sentence, pub_date, title)
    return event


def test_leading_date_is_cut_and_passive_becomes_headline():
    sentence = "On July 23, 2020, the 5th Green Development Forum and special signing ceremony were held in Xining."
    event = _only(sentence, "2020-08-05")
    assert (event.date, event.precision, event.text) == ("2020-07-23", "day", "July 23, 2020")
    assert event.event == "5th Green Development Forum and special signing ceremony held in Xining"


def test_qualifier_is_kept():
    event = _only("In late 2022, Xining again made it into the list of China's happiest cities.")
    assert (event.date, event.qualifier) == ("2022", "late")
    assert event.event == "Xining again made it into the list of China's happiest cities"


def test_generic_subject_subordinate_clause_and_attribution_are_dropped():
    sentence = "The city launched two freight trains to Russia last year, which cross Mongolia and Kazakhstan, Xie said."
    assert _only(sentence, "2021-01-18").event == "launched two freight trains to Russia"


def test_dated_leading_phrase_is_its_own_event():
    sentence = (
        "During the Exposition on China Brand 2023 held in Shanghai in May, northwest Chinese province "
        "Qinghai's capital city Xining gained much spotlight with a series of approaches."
    )
    event = _only(sentence)
    assert (event.date, event.event) == ("2023-05", "Exposition on China Brand 2023 held in Shanghai")


def test_dateline_and_participle_clause_are_dropped():
    sentence = (
        "CHONGQING, Nov. 18 (Xinhua) -- Two trucks carrying pipeline materials departed from Chongqing Municipality "
        "for Kazakhstan on Tuesday, marking the launch of the eighth highway-based cross-border freight line."
    )
    event = _only(sentence, "2020-11-18")
    assert event.date == "2020-11-17"
    assert event.event == "Two trucks carrying pipeline materials departed from Chongqing Municipality for Kazakhstan"


def test_appositive_is_dropped_so_the_subject_stays():
    sentence = (
        "Chongqing, an inland city on the fast track of China's new round of opening up, saw its foreign trade "
        "increase by 11.4 percent year on year to nearly 461.4 billion yuan in the first three quarters of this year, "
        "customs data showed."
    )
    event = _only(sentence, "2020-11-18")
    assert event.event.startswith("Chongqing saw its foreign trade increase")
    assert event.qualifier == "first three quarters"


def test_range_is_one_event_dated_by_its_end():
    sentence = (
        "A total of 3,073 trains passed through Manzhouli, an important channel for international cargo in north "
        "China's Inner Mongolia Autonomous Region, between Jan. 1 and Nov. 17, marking a yearly increase of 30.3 percent."
    )
    event = _only(sentence, "2020-11-18")
    assert (event.date, event.qualifier, event.text) == ("2020-11-17", "until", "Jan. 1 and Nov. 17")
    assert event.event == "A total of 3,073 trains passed through Manzhouli"


def test_date_of_the_attribution_is_the_report_s_and_what_it_reports_keeps_its_own():
    sentence = (
        "The number of China-Europe freight trains inbound and outbound via Manzhouli, China's largest land port, "
        "has surpassed 3,000 so far this year, a record high despite the impact of COVID-19, railway authorities "
        "said Wednesday."
    )
    report, stated = _events(sentence, "2020-11-18")
    assert (stated.date, stated.qualifier) == ("2020", "so far")
    assert stated.event.endswith("via Manzhouli has surpassed 3,000")
    assert (report.date, report.text) == ("2020-11-18", "Wednesday")
    assert report.event == f"Railway authorities said: {stated.event}"


def test_long_clause_is_cut_where_a_phrase_ends():
    sentence = (
        "On October 16, the Political Bureau of the CPC Central Committee held a meeting to consider the outline "
        "of the plan for the construction of the Chengdu-Chongqing economic circle."
    )
    event = _only(sentence, "2020-11-13")
    assert len(event.event) <= 130
    assert event.event.startswith("Political Bureau of the CPC Central Committee held a meeting")
    assert event.event.split()[-1] not in {"the", "of", "for"}
    assert event.event.split()[-1] in sentence.split()


def test_long_clause_is_cut_at_a_second_verb_phrase_not_inside_a_name():
    sentence = ("This year, it hosted the first World Dairy Industry Conference and was honored with the titles of "
                "Dairy Science and Technology Capital of the World and Dairy Breeding Capital of China.")
    assert _only(sentence, "2023-11-16").event == "hosted the first World Dairy Industry Conference"


def test_bare_name_before_an_appositive_is_joined_to_its_verb():
    sentence = ("Since early this year, Jinfeng District of Yinchuan, capital of Northwest China's Ningxia Hui "
                "Autonomous Region, has strengthened its contact with local firms and provided them with better "
                "government services in a move to help them resume work in the first quarter of this year.")
    events = _events(sentence, "2022-03-09")
    assert events and all(e.event.startswith("Jinfeng District of Yinchuan has strengthened") for e in events)


def test_subject_split_from_its_verb_by_an_aside_is_joined():
    sentence = ("In the first three months of 2020, some 46 projects, each with an investment over 10 million yuan "
                "from cities outside Heilongjiang province were signed, involving 137.60 billion yuan.")
    assert _only(sentence, "2020-05-14").event == "some 46 projects signed"


def test_date_in_a_list_item_gives_the_list_clause():
    sentence = ("Dalian has realized 255 newly-reserved projects, 215 newly-signed projects, 171 newly-registered "
                "projects, 95 newly-commenced projects and 48 newly-produced projects last year.")
    assert _only(sentence, "2017-02-14").event.startswith("Dalian has realized")


def test_fronted_phrase_without_a_subject_leads_to_the_main_clause():
    sentence = ("Among the 81 projects signed on the investment promotion activities in Pearl River Delta area and "
                "Yangtze River Delta area in the first half year of 2016, the enrollment rate reached 46.9 percent.")
    assert _only(sentence, "2017-02-14").event == "the enrollment rate reached 46.9 percent"


def test_dated_aside_follows_its_main_clause():
    sentence = ("Solid progress will be made in project construction, with a project operating rate of over 70 "
                "percent in the first quarter and a total investment of more than 13.6 billion yuan completed "
                "throughout the year.")
    events = _events(sentence, "2023-03-04")
    assert events[0].event.startswith("Solid progress will be made in project construction, with a project")


def test_wire_tag_is_not_part_of_the_event():
    sentence = ("(DALIANNEWS)- The port city of Dalian has introduced an investment of 62.86 billion yuan from other "
                "domestic provinces in 2016, topping other cities in Liaoning Province.")
    assert _only(sentence, "2017-02-14").event.startswith("The port city of Dalian has introduced")
    event = _only("XINING, Jan. 18 (Xinhua) -- Xining launched two freight trains to Russia last year.", "2021-01-18")
    assert event.event == "Xining launched two freight trains to Russia"


def test_reporting_phrase_is_never_the_event():
    sentence = ("The number of China-Europe freight trains inbound and outbound via Manzhouli, China's largest land "
                "port, has surpassed 3,000 so far this year, a record high despite the impact of COVID-19, railway "
                "authorities said Wednesday.")
    events = _events(sentence, "2020-11-18")
    assert events and not any(e.event.endswith(("said", "Wednesday")) for e in events)


def test_verb_in_the_middle_keeps_its_auxiliary():
    sentence = ("Meanwhile, the Jianfa Yoyo City project has entered a critical stage in its construction and is "
                "scheduled to open in the next year.")
    event = _only(sentence, "2022-03-09")
    assert event.event.endswith("and is scheduled to open") and event.target


def test_plans_and_forecasts_are_targets():
    sentence = ("The local government said about 20 projects will resume by the end of February and the district "
                "will complete cumulative investment of 700 million yuan in the first two months of this year.")
    events = _events(sentence, "2022-03-09")
    assert [e.event for e in events][0] == "about 20 projects will resume"
    assert all(e.target for e in events)


def test_later_date_than_the_article_is_a_target():
    event = _only("In 2025, a new express freight route from Kunming to Bangkok opens.", "2023-10-12")
    assert event.target


def test_past_events_are_not_targets():
    assert not _only("Chongqing launched the cross-border highway freight service in 2016.", "2020-11-18").target
    assert not _only("In late 2022, Xining again made it into the list of China's happiest cities.").target


def test_events_keep_article_and_sentence():
    sentence = "Chongqing launched the cross-border highway freight service in 2016."
    event = _only(sentence, "2020-11-18")
    assert (event.article, event.sentence) == ("a1", sentence)
    assert event.event == "Chongqing launched the cross-border highway freight service"


def test_undated_sentence_and_unresolvable_relative_date_give_no_event():
    undated = "The city has blazed a new trail in ecological, cyclic, low-carbon and efficient green development."
    relative = "The city launched two freight trains to Russia last year, which cross Mongolia and Kazakhstan, Xie said."
    assert extract_events([undated, relative], None, "a1") == []


def test_repeated_statement_is_one_event():
    sentence = "Chongqing launched the cross-border highway freight service in 2016."
    assert len(extract_events([sentence, sentence], "2020-11-18", "a1")) == 1


def test_context_year_from_title_then_first_sentence_then_publication():
    first = "During the Exposition on China Brand 2023 held in Shanghai in May, Xining gained much spotlight."
    title = "The 5th Green Development Forum & Special Signing Ceremony of 2020 Urban Development & Investment Fair"
    assert find_context_year(title, [first], "2021-01-01") == 2020
    assert find_context_year("Xining: a modern, beautiful and happy city", [first], "2020-01-01") == 2023
    assert find_context_year("Suining: Hub of the economic circle", ["Suining has sped up."], "2020-11-13") == 2020
    assert find_context_year("Suining: Hub of the economic circle", ["Suining has sped up."], None) is None


def test_undated_days_take_the_year_of_the_title():
    sentence = "A total of 3,073 trains passed through Manzhouli between Jan. 1 and Nov. 17, marking a yearly increase."
    event = _only(sentence, None, title="Manzhouli sees record number of China-Europe freight trains in 2020")
    assert (event.date, event.precision) == ("2020-11-17", "day")


# Sentences from the evaluation articles (realistic articles written for evaluation).


def test_main_clause_after_opening_date_may_start_with_a():
    sentence = ("By mid-2024, a new express freight route from Kunming to Bangkok via Vientiane is expected to cut "
                "transport costs by 40 percent, officials said.")
    event = _only(sentence, "2023-10-12")
    assert (event.date, event.qualifier) == ("2024", "by mid")
    assert event.event.startswith("a new express freight route")
    assert _only("In March 2023, a park opened.").event == "a park opened"


def test_clauses_joined_by_and_each_get_their_event():
    sentence = "Phase I went into production in October 2022 and the project is expected to be completed by the end of 2025."
    events = _events(sentence, "2023-11-14")
    assert [(e.date, e.qualifier) for e in events] == [("2022-10", None), ("2025", "by end")]
    assert events[0].event == "Phase I went into production"


def test_shared_verb_keeps_dates_in_one_event():
    assert len(_events("Sales in 2021 and profits in 2022 rose sharply.")) == 1


def test_undated_parenthesis_stays_in_its_clause():
    sentence = ("The China (Kunming) Cross-border E-commerce Comprehensive Pilot Zone recorded transactions of "
                "5.2 billion yuan ($713 million) last year, about 1.5 times the figure of 2021.")
    event = _only(sentence, "2023-10-12")
    assert event.date == "2022"
    assert event.event.startswith("China (Kunming) Cross-border E-commerce Comprehensive Pilot Zone recorded")


# Which date a figure in a sentence takes


def _date_at(sentence, written, pub_date):
    mentions = [m for m in find_dates(sentence, pub_date) if not (m.qualifier or "").startswith("so far")]
    found = find_clause_date(sentence, sentence.index(written), mentions)
    return found.date if found else None


def test_opening_date_dates_the_main_clause_and_its_aside():
    sentence = ("In 2019, Suining's GDP reached 134.57 billion yuan, an increase of 8.1 percent over the same period "
                "last year, ranking second in the province.")
    assert _date_at(sentence, "134.57 billion", "2020-11-13") == "2019"
    assert _date_at(sentence, "8.1 percent", "2020-11-13") == "2019"


def test_date_at_the_end_of_a_list_dates_every_item():
    sentence = ("Dalian has realized 255 newly-reserved projects, 215 newly-signed projects, 171 newly-registered "
                "projects, 95 newly-commenced projects and 48 newly-produced projects last year.")
    assert _date_at(sentence, "255", "2017-02-14") == _date_at(sentence, "48", "2017-02-14") == "2016"


def test_date_of_a_phrase_opening_with_a_preposition_stays_there():
    sentence = ("Among the 81 projects signed on the investment promotion activities in Pearl River Delta area and "
                "Yangtze River Delta area in the first half year of 2016, the enrollment rate reached 46.9 percent.")
    assert _date_at(sentence, "81 projects", "2017-02-14") == "2016"
    assert _date_at(sentence, "46.9 percent", "2017-02-14") is None


def test_date_of_the_attribution_dates_no_figure():
    sentence = ("The number of China-Europe freight trains inbound and outbound via Manzhouli, China's largest land "
                "port, has surpassed 3,000 so far this year, a record high despite the impact of COVID-19, railway "
                "authorities said Wednesday.")
    assert _date_at(sentence, "3,000", "2020-11-18") is None


# Sentences written in the genre's style, for rules the corpus at hand has no example of.


def test_dated_participle_aside_is_an_event_of_its_noun():
    sentence = "The China-Europe freight train service, launched in 2016, has made over 1,000 trips."
    assert _only(sentence, "2023-11-21").event == "China-Europe freight train service launched"


def test_clause_opened_by_when_is_no_main_clause():
    # It is an event of its own at the date it follows.
    sentence = ("Since 2019, when the free trade zone was established, more than 10,000 enterprises have "
                "registered there.")
    assert [(e.date, e.event) for e in _events(sentence, "2023-11-21")] == [
        ("2019", "more than 10,000 enterprises have registered there"), ("2019", "the free trade zone established")]


@pytest.mark.parametrize("sentence, expected", [
    # What happened at a date a clause of its own elaborates, past asides between its subject and verb.
    ("The turnaround began in 2018, when Gotion High-Tech, a battery maker based in Hefei, opened its first plant "
     "in Lujiang.", [("2018", "The turnaround began"), ("2018", "Gotion High-Tech opened its first plant in Lujiang")]),
    # A month "scheduled for" is still to come; "told reporters" reports, and who heard it is no event.
    ("The Weifang kite fair, scheduled for April in Binhai district, expects 300 exhibitors.",
     [("2026-04", "Weifang kite fair scheduled in Binhai district")]),
    ("The mayor told reporters on Monday that 12 projects were signed.",
     [("2026-03-16", "The mayor told reporters: 12 projects signed")]),
    # A date that is the subject of "saw" dates its object.
    ("Early March also saw the Zhuhai Yacht Show, which drew 40,000 visitors.",
     [("2026-03", "Zhuhai Yacht Show")]),
    # A day still to come is the next one; a clause of its own after "a year after" or "noting that" is an event
    # at its own date, and a verbless phrase after "after" is the event itself.
    ("The Jinhua Trade Expo will open on Friday, organizers said.", [("2026-03-20", "Jinhua Trade Expo will open")]),
    ("The Harbin-Moscow cargo route resumed on Monday, a year after the old carrier quit the route in March 2025.",
     [("2026-03-16", "Harbin-Moscow cargo route resumed"), ("2025-03", "the old carrier quit the route")]),
    ("Hotel bookings in Sanya rose 30 percent, after a slump in 2023.", [("2023", "a slump")]),
])
def test_elaborating_clauses_scheduled_months_and_told_reports(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2026-03-18")] == expected


def test_coordinated_clause_takes_the_subject_of_the_first():
    sentence = "Construction of the 12-km subway line started in March and is expected to be completed by 2026."
    started, completed = _events(sentence, "2023-11-21")
    assert (started.date, started.target) == ("2023-03", False)
    assert completed.event == "Construction of the 12-km subway line expected to be completed" and completed.target


def test_photo_caption_is_a_photo_not_a_bare_name():
    event = _only("Aerial photo taken on July 2, 2023 shows the Lanzhou New Area.")
    assert (event.date, event.event) == ("2023-07-02", "Photo: the Lanzhou New Area")


def test_a_phrase_after_the_dated_clause_is_never_its_event():
    sentence = "Photo taken on May 5, 2023 shows a view of the port in Xining, northwest China's Qinghai Province."
    assert _only(sentence).event == "Photo: a view of the port in Xining"


def test_date_of_the_report_does_not_date_what_it_reports():
    sentence = "Data released on Monday showed that the province's GDP grew 6 percent in the first quarter."
    report, stated = _events(sentence, "2023-11-21")
    assert (stated.date, stated.qualifier, stated.event) == ("2023", "first quarter", "the province's GDP grew 6 percent")
    assert (report.date, report.event) == ("2023-11-20", "Data released: the province's GDP grew 6 percent")


@pytest.mark.parametrize("sentence, report", [
    # The release of data, by whom, and what it showed.
    ("Jiaxing's GDP grew 5.5 percent to 702 billion yuan, data released by the municipal bureau of statistics on "
     "Friday showed.",
     "Data released by the municipal bureau of statistics: Jiaxing's GDP grew 5.5 percent to 702 billion yuan"),
    # A plan released at a date of its own, what it aims at dated by its own date.
    ("Jinhua will build 30 smart factories by 2027, according to an action plan released in March.",
     "An action plan released: Jinhua will build 30 smart factories"),
    ("Luzhou's liquor output reached 1.2 million kiloliters last year, local authorities announced on Tuesday.",
     "Local authorities announced: Luzhou's liquor output reached 1.2 million kiloliters"),
])
def test_a_dated_attribution_is_the_report_s_event(sentence, report):
    assert report in [e.event for e in _events(sentence, "2024-06-17")]


def test_a_forum_s_month_dates_the_forum_not_the_main_clause():
    sentence = ("During the Exposition on China Brand 2023 held in Shanghai in May, northwest Chinese province "
                "Qinghai's capital city Xining gained much spotlight with a series of approaches.")
    assert _date_at(sentence, "Exposition on China Brand", None) == "2023-05"
    assert _date_at(sentence, "Xining gained", None) is None


@pytest.mark.parametrize("sentence, expected", [
    # A speaker set off from "said" by an apposition is still who said it.
    ('"Our shipyards are booked solid," Zhou Min, deputy director of the Nantong bureau, said on Thursday.',
     ("2024-11-14", "Zhou Min said: Our shipyards booked solid")),
    # A bracketed abbreviation is part of a name, not a wire tag.
    ("The 24th China International Fair for Investment and Trade (CIFIT) concluded on Wednesday in Xiamen.",
     ("2024-11-13", "24th China International Fair for Investment and Trade (CIFIT) concluded in Xiamen")),
])
def test_speakers_and_abbreviations_stay_in_events(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2024-11-18")] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # A list the clause split cut at its commas is one piece, whichever item holds the date.
    ("Shaoxing got a boost from the Asian Games, co-hosting basketball, volleyball and rock climbing events from "
     "Sept 23 to Oct 8.",
     ("2023-10-08", "Shaoxing got a boost from the Asian Games, co-hosting basketball, volleyball and rock climbing "
                    "events")),
    ("A train loaded with building materials, household appliances and small commodities left Linyi on Wednesday.",
     ("2023-11-15", "A train loaded with building materials, household appliances and small commodities left Linyi")),
    # A speaker named with a verb of telling, after an apposition.
    ('"Every component is within 30 kilometers," Li Ming, an engineer, told the Global Times on Wednesday.',
     ("2023-11-15", "Li Ming told the Global Times: Every component is within 30 kilometers")),
])
def test_lists_and_speakers_stay_whole(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2023-11-16")] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # A speaker after "said" is still the speaker; the statement's own apposition never is.
    ("Yiwu's exports hit 500 billion yuan last year, said Zhou Min on Monday.",
     [("2024-09-09", "Zhou Min said: Yiwu's exports hit 500 billion yuan"),
      ("2023", "Yiwu's exports hit 500 billion yuan")]),
    ("Yiwu's exports hit 500 billion yuan, the highest among Zhejiang's county-level cities, Zhou Min, head of the "
     "bureau, said on Monday.", [("2024-09-09", "Zhou Min said: Yiwu's exports hit 500 billion yuan")]),
    # No one named: what has its own date keeps it alone.
    ("Yiwu's exports hit 500 billion yuan in August, Zhou Min, who heads the commerce bureau, said on Monday.",
     [("2024-08", "Yiwu's exports hit 500 billion yuan")]),
    # A list a participle follows is an aside, not the clause's list.
    ("The Zhengzhou airport handled 600,000 tonnes of cargo in 2023, mobile phones and fresh produce making up half.",
     [("2023", "Zhengzhou airport handled 600,000 tonnes of cargo")]),
    # A participle aside the tagger reads as a past tense, inside a report.
    ("Officials said the Chongqing-Xinjiang-Europe railway, opened in 2011, made 5,000 trips last year.",
     [("2011", "Chongqing-Xinjiang-Europe railway opened"),
      ("2023", "Chongqing-Xinjiang-Europe railway made 5,000 trips")]),
])
def test_reports_without_speakers_before_the_verb_and_asides(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2024-09-12")] == expected


@pytest.mark.parametrize("sentence, expected", [
    # An adjective in -ing opens no aside.
    ("By the end of June, outstanding loans to private firms in Wenzhou stood at 1.2 trillion yuan, up 14.6 percent.",
     ("2024-06", "outstanding loans to private firms in Wenzhou stood at 1.2 trillion yuan")),
    # A clause after ", and" whose generic subject the event leaves out is still the dated clause.
    ('"Manufacturing is our backbone, and we want it to account for 45 percent of GDP by 2027," Chen said.',
     ("2027", "want it to account for 45 percent of GDP")),
    # An apposition with a clause of its own is no main clause.
    ('Yangzhou plans to cultivate 100 "little giant" enterprises, small firms that specialize in niche markets, by '
     "the end of next year.", ("2025", 'Yangzhou plans to cultivate 100 "little giant" enterprises')),
])
def test_adjectives_in_ing_generic_subjects_and_appositions(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2024-09-12")] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # "said at a press conference" keeps its speaker before it.
    ("Yiwu's exports hit 500 billion yuan, Zhou Min, head of the bureau, said at a press conference on Monday.",
     [("2024-09-09", "Zhou Min said at a press conference: Yiwu's exports hit 500 billion yuan")]),
    # A verb that announces or adds is no verb of speech: its object is no subject of the clause after it.
    ("Hefei announced 30 new projects in March and signed 12 more in April.",
     [("2024-03", "Hefei announced 30 new projects"), ("2024-04", "Hefei signed 12 more")]),
    # A series of past tenses, each with its date, shares its subject; none is an aside.
    ("Car sales in Liuzhou dropped 8 percent in January, recovered in February, and hit a record in March.",
     [("2024-01", "Car sales in Liuzhou dropped 8 percent"), ("2024-02", "Car sales in Liuzhou recovered"),
      ("2024-03", "Car sales in Liuzhou hit a record")]),
    # Only "at" or "during" a gathering puts the clause there.
    ("Among the exhibitors at the Lanzhou fair in May, 200 came from overseas.", [("2024-05", "200 came from overseas")]),
    # "According to" without a comma before a clause of its own.
    ("According to the plan Jinhua will build 30 smart factories by 2027.",
     [("2027", "According to the plan Jinhua will build 30 smart factories")]),
])
def test_speakers_speech_verbs_series_gatherings_and_according_to(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2024-09-12")] == expected


def test_a_reporting_clause_with_its_own_date_is_not_an_event_of_its_own():
    sentence = ("Wuhan will add 2,000 charging piles this year, the municipal development and reform commission "
                "said on Tuesday.")
    events = _events(sentence, "2024-03-12")
    assert [(e.date, e.event) for e in events] == [
        ("2024-03-12", "The municipal development and reform commission said: Wuhan will add 2,000 charging piles"),
        ("2024", "Wuhan will add 2,000 charging piles")]


def test_an_announcement_with_an_object_stays_an_event():
    event = _only("On March 3, Changsha announced a plan to build 40 new parks.", "2024-03-05")
    assert event.event.startswith("Changsha announced a plan")


def test_a_plan_keeps_its_verb_and_its_own_date():
    event = _only("Construction of the airport's third runway will start in December, according to the "
                  "local government.", "2024-06-10")
    assert (event.date, event.target) == ("2024-12", True)
    assert event.event == "Construction of the airport's third runway will start"


def test_a_relative_clause_after_a_participle_s_object_is_about_the_noun_the_participle_is_of():
    event = _only("A high-speed railway linking Hangzhou and Taizhou, which opened in January 2022, has cut travel "
                  "time to an hour.", "2023-11-09")
    assert (event.date, event.event) == ("2022-01", "A high-speed railway linking Hangzhou and Taizhou opened")


def test_a_relative_clause_is_about_the_noun_before_it_not_the_whole_clause():
    event = _only("The city will host the 2025 Asian Winter Games, which are scheduled for February 7 to 14, 2025.",
                  "2024-06-10")
    assert event.event == "2025 Asian Winter Games scheduled"


def test_a_plan_announced_in_the_passive_is_an_event_not_a_report():
    event = _only("Officials cited the Action Plan for Industrial Upgrading of Liuzhou, which was officially "
                  "announced by the city in 2021.", "2023-01-01")
    assert event.date == "2021" and event.event.endswith("was officially announced by the city")


@pytest.mark.parametrize("sentence, expected", [
    # A participle set off by commas is of the noun just before it, not of the sentence's subject.
    ("Chen Li, head of the Nanchang commerce bureau, said the fair, first held in 2017, had drawn 90 exhibitors.",
     ("2017", "the fair first held")),
    ("Li told reporters that the Ganjiang industrial park, completed in 2021, now hosts 80 firms.",
     ("2021", "Ganjiang industrial park completed")),
    # A list for a subject is whole, its items split by commas; a phrase after a preposition is none, and a
    # gathering it names is where the clause happened.
    ("At a signing ceremony in late October, 26 projects covering new energy vehicles, robotics and the "
     "low-altitude economy were signed.",
     ("2024-10", "A signing ceremony: 26 projects covering new energy vehicles, robotics and the low-altitude "
                 "economy signed")),
    ("At the Liuzhou Luosifen Industry Development Forum on October 18, officials unveiled a snail farming base.",
     ("2024-10-18", "Liuzhou Luosifen Industry Development Forum: officials unveiled a snail farming base")),
    ("In 2023, steel, chemicals and textiles accounted for 60 percent of Tangshan's industrial output.",
     ("2023", "steel, chemicals and textiles accounted for 60 percent of Tangshan's industrial output")),
])
def test_participles_and_lists_keep_the_nouns_they_are_of(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2024-11-08")] == [expected]


def test_an_aside_opening_with_an_adverb_and_a_participle_is_its_own_event_and_keeps_the_main_clause_its_own():
    sentence = "The Lanzhou trade fair, first held in 2015, will open its ninth edition on September 20, 2023."
    events = _events(sentence, "2023-06-15")
    assert [(e.date, e.event) for e in events] == [
        ("2015", "Lanzhou trade fair first held"),
        ("2023-09-20", "Lanzhou trade fair will open its ninth edition"),
    ]
    assert [e.target for e in events] == [False, True]


@pytest.mark.parametrize("sentence, events", [
    # A reporting verb with an object states the event ("reported textile trade"); the report after it does not.
    ("Keqiao district reported textile trade of 280 billion yuan in 2023, the district government said on March 10.",
     [("2024-03-10", "The district government said: Keqiao district reported textile trade of 280 billion yuan"),
      ("2023", "Keqiao district reported textile trade of 280 billion yuan")]),
    ("The Foshan plant added 3,000 workers in the fourth quarter of 2023 to meet demand.",
     [("2023", "Foshan plant added 3,000 workers to meet demand")]),
    # Clauses joined by "but" keep their own dates.
    ("Exports from Ningbo fell 3 percent last year but rebounded in January.",
     [("2023", "Exports from Ningbo fell 3 percent"), ("2024-01", "Exports from Ningbo rebounded")]),
    # "said on Friday that ...": the Friday is the report's; what was said keeps its own date.
    ("The Yichang power company said on Friday that the dam generated 80 billion kilowatt-hours last year.",
     [("2024-03-15", "The Yichang power company said: the dam generated 80 billion kilowatt-hours"),
      ("2023", "the dam generated 80 billion kilowatt-hours")]),
])
def test_reports_with_objects_coordinated_clauses_and_dated_reports(sentence, events):
    assert [(e.date, e.event) for e in _events(sentence, "2024-03-15")] == events


def test_a_relative_clause_with_its_own_date_is_its_own_event_and_the_main_clause_keeps_its_date():
    # The tagger reads "Airshow" as an adverb once it opens the rebuilt clause; the clause is still one.
    sentence = ("Airshow Zhuhai, which drew 300,000 visitors at its last edition in 2022, will return to the city in "
                "November.")
    assert [(e.date, e.event, e.target) for e in _events(sentence, "2024-03-15")] == [
        ("2022", "Airshow Zhuhai drew 300,000 visitors at its last edition", False),
        ("2024-11", "Airshow Zhuhai will return to the city", True)]


@pytest.mark.parametrize("sentence, events", [
    # An aside planning something at a date of its own joins its main clause again at that date ...
    ("Changsha opened a 3-billion-yuan drone industrial park on Jan 8, 2024, with the first 20 companies expected to "
     "move in by the end of June.",
     [("2024-01-08", "Changsha opened a 3-billion-yuan drone industrial park", False),
      ("2024-06", "Changsha opened a 3-billion-yuan drone industrial park, with the first 20 companies expected to "
                  "move", True)]),
    # ... while an aside comparing with an earlier date is no event.
    ("Sales at Sanya's duty-free shops reached 1.2 billion yuan during the holiday that ended on Feb 17, up 18 "
     "percent from the same holiday last year.",
     [("2024-02-17", "Sales at Sanya's duty-free shops reached 1.2 billion yuan during the holiday",
       False)]),
])
def test_a_planning_aside_keeps_its_own_date_and_a_comparing_one_adds_none(sentence, events):
    assert [(e.date, e.event, e.target) for e in _events(sentence, "2024-03-15")] == events


def test_a_short_clause_after_but_is_its_own_when_the_sentence_reads_it_as_a_verb():
    # Out of its sentence a tagger reads the lone "closed" as an adjective.
    assert [(e.date, e.event) for e in _events("The Weifang plant opened in 2021 but closed in 2023.", "2024-03-15")] \
        == [("2021", "Weifang plant opened"), ("2023", "Weifang plant closed")]


@pytest.mark.parametrize("sentence, expected", [
    # A clause of contrast with its own subject states its own event.
    ("Hefei's Metro Line 8 is set to open by the end of this year, while Line 3 opened in December 2020.",
     [("2025", "Hefei's Metro Line 8 set to open"), ("2020-12", "Line 3 opened")]),
    # "after" and "before" join two clauses with dates of their own.
    ("Geely shares rose 3 percent on Monday after the carmaker said its deliveries in May climbed 40 percent.",
     [("2025-06-16", "Geely shares rose 3 percent"), ("2025-05", "its deliveries climbed 40 percent")]),
    # A date between a clause and "and" closes the clause before it.
    ("Chongqing opened its first cross-border rail route, the Yuxinou line, in March 2011, and the route has since "
     "carried goods worth billions.", [("2011-03", "Chongqing opened its first cross-border rail route")]),
    # A word hyphenated to a participle is one word, not the clause's verb.
    ("The state-owned shipyard in Dalian was founded in 1998 and was listed in Shanghai in 2007.",
     [("1998", "The state-owned shipyard in Dalian founded"),
      ("2007", "The state-owned shipyard in Dalian listed in Shanghai")]),
])
def test_contrasts_subordinate_clauses_and_hyphenated_words(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2025-06-20")] == expected


def test_a_range_through_a_date_with_its_article_is_dated_at_its_end():
    event = _only("Linfen told coking plants to cut output from mid-November through the end of January.", "2025-03-01")
    assert (event.date, event.qualifier) == ("2025-01", "until end")
    assert event.event == "Linfen told coking plants to cut output"


@pytest.mark.parametrize("sentence, expected", [
    # A participle after "before" or "after" with its own date: the sentence's subject did it then.
    ("Steel exports from Tangshan slipped in January before recovering in March.",
     [("2025-01", "Steel exports from Tangshan slipped"), ("2025-03", "Steel exports from Tangshan recovering")]),
    ("Tianjin port reopened in April after closing in March for repairs.",
     [("2025-04", "Tianjin port reopened"), ("2025-03", "Tianjin port closing for repairs")]),
])
def test_a_participle_after_before_or_after_states_its_own_event(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2025-06-20")] == expected


@pytest.mark.parametrize("sentence, expected", [
    # A comma before a digit is inside a number, not a clause break.
    ("Chongqing's land port sent off its 2,000th freight train to Hanoi on May 8.",
     [("2025-05-08", "Chongqing's land port sent off its 2,000th freight train to Hanoi")]),
    # A relative clause opening "whose" is about the noun before it.
    ("The Wuhu bridge, whose main span was joined on March 2, opened to traffic on June 12.",
     [("2025-03-02", "Wuhu bridge main span joined"), ("2025-06-12", "Wuhu bridge opened to traffic")]),
    # A date marked out leaves no word that only led to it, nor a possessive it held.
    ("Taiyuan will raise pension payments for retirees starting July 1.",
     [("2025-07-01", "Taiyuan will raise pension payments for retirees")]),
    # A clause after ", after" with its own subject and date states its own event.
    ("Zhuhai will host the air show again in November, after the last edition drew 300,000 visitors in 2024.",
     [("2025-11", "Zhuhai will host the air show again"), ("2024", "the last edition drew 300,000 visitors")]),
    # A dated phrase that is only a thing's own event is that of the main clause's subject.
    ("Since its launch in April 2019, the Ganzhou-Duisburg rail route has carried 90,000 containers.",
     [("2019-04", "Ganzhou-Duisburg rail route launch")]),
    # ... only after "since", "after" and the like, and with a noun of such an event: "at its meeting" is when.
    ("At its meeting on May 12, the Yinchuan government approved a new housing subsidy.",
     [("2025-05-12", "Yinchuan government approved a new housing subsidy")]),
    # ", after which" opens a clause of its own as ", after" does.
    ("The Baoji plant opened in May, after which its output rose 20 percent in June.",
     [("2025-05", "Baoji plant opened"), ("2025-06", "its output rose 20 percent")]),
    # A date within an earlier one dates the clause more precisely: this year's fair is in September.
    ("Lanzhou will hold this year's trade fair from Sept 12 to 15.", [("2025-09-12", "Lanzhou will hold trade fair")]),
])
def test_numbers_whose_clauses_dangling_words_and_finer_dates(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2025-06-20")] == expected


@pytest.mark.parametrize("sentence, expected", [
    # "forecasts" or "target" before a past month plans nothing; "said the port that ..." keeps its subject; a
    # state after "when" is background.
    ("Jiangsu's exports beat forecasts in February.", [("2026-02", "Jiangsu's exports beat forecasts")]),
    ("Zhou said the terminal that opened in January handled 2 million passengers.",
     [("2026-01", "the terminal that opened handled 2 million passengers")]),
    ("The firm entered Laos in 2016, when cross-border trade was booming.", [("2016", "The firm entered Laos")]),
])
def test_past_months_reported_subjects_and_background(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2026-03-18")] == expected


@pytest.mark.parametrize("sentence, expected", [
    # "last Thursday", written on a Thursday, is a week back; a gerund is a subject when a verb follows it.
    ("The Mianyang tech expo, which opened last Wednesday, drew 1,300 exhibitors.",
     [("2026-03-11", "Mianyang tech expo opened")]),
    ("Harvesting is expected to begin in late May, and growers have built 12 cold stores this year.",
     [("2026-05", "Harvesting expected to begin"), ("2026", "growers have built 12 cold stores")]),
])
def test_last_weekdays_and_gerund_subjects(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2026-03-18")] == expected


@pytest.mark.parametrize("sentence, expected", [
    # An opening phrase's own participle event keeps its date, the main clause its own; a change set off after an
    # amount is no subject of a later clause.
    ("Under a plan issued in February, Zhuzhou aims to lift rail equipment output to 200 billion yuan by 2027.",
     [("2026-02", "plan issued"), ("2027", "Zhuzhou aims to lift rail equipment output to 200 billion yuan")]),
    ("Trains on the route have made 900 trips this year, up 15 percent, and the new terminal, which is still being "
     "built, is expected to open in late 2026.",
     [("2026", "Trains on the route have made 900 trips"), ("2026", "the new terminal expected to open")]),
])
def test_opening_participles_and_change_asides(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2026-03-18")] == expected


@pytest.mark.parametrize("sentence, expected", [
    # "last" and "next" move a weekday a week; "this" does not decide it, nor does "the last Saturday of".
    ("The trade fair opened on Monday, and the next one will open next Wednesday.",
     [("2026-03-16", "The trade fair opened"), ("2026-03-25", "the next one will open")]),
    ("The kite festival opened this Monday in Weifang.", [("2026-03-16", "The kite festival opened in Weifang")]),
])
def test_next_and_this_weekdays(sentence, expected):
    assert [(e.date, e.event) for e in _events(sentence, "2026-03-18")] == expected


@pytest.mark.parametrize("sentence, expected", [
    # A plan says what kind it is: an amount set as a goal, an amount foreseen, or anything else planned.
    ("Zunyi aims to lift its baijiu output to 800,000 kiloliters by 2027.",
     "Target: Zunyi aims to lift its baijiu output to 800,000 kiloliters"),
    ("Jinhua's exports are expected to grow about 8 percent in 2026.",
     "Forecast: Jinhua's exports expected to grow about 8 percent"),
    ("The plan calls for exports of construction machinery to reach 30 billion yuan by 2027.",
     "Target: The plan calls for exports of construction machinery to reach 30 billion yuan"),
    ("City officials expect the sector to reach 300 billion yuan by 2026.",
     "Forecast: City officials expect the sector to reach 300 billion yuan"),
    ("The Changzhou separator plant is scheduled to start production in early 2026.",
     "Planned: Changzhou separator plant scheduled to start production"),
    # A number that is no amount sets nothing to reach; a goal in another clause is not this event's.
    ("Metro Line 3 in Xuzhou is expected to open in June 2026.", "Planned: Metro Line 3 in Xuzhou expected to open"),
    ("Shenzhen, whose growth target was met, will build 50 new schools in 2026.",
     "Planned: Shenzhen will build 50 new schools"),
    # What happened is left as it was said.
    ("Tangshan produced 63 million tonnes of steel in the first half of 2024.",
     "Tangshan produced 63 million tonnes of steel"),
])
def test_a_plan_is_named_as_a_target_a_forecast_or_planned(sentence, expected):
    [event] = _events(sentence, "2025-03-14")
    amounts = [figure.text for figure in extract_figures(sentence)]
    assert name_plan(event, amounts).event == expected
    assert name_plan(name_plan(event, amounts), amounts).event == expected  # named once


def test_a_range_of_months_joined_by_a_dash_leaves_no_dash_in_the_event():
    [event] = _events("Liuzhou's car exports rose 31 percent in January-August.", "2024-09-10")
    assert (event.date, event.event) == ("2024-08", "Liuzhou's car exports rose 31 percent")


def test_an_event_names_a_measure_by_its_short_form_as_the_figures_do():
    [event] = _events("In 2024, Zunyi's gross domestic product grew 5.8 percent to 492.7 billion yuan.", "2025-01-08")
    assert event.event == "Zunyi's GDP grew 5.8 percent to 492.7 billion yuan"


def test_a_short_form_leaves_a_name_as_written():
    [event] = _events("Hefei's Research and Development Institute for Quantum Technology opened in May 2024.",
                      "2024-06-01")
    assert "Research and Development Institute" in event.event


def test_a_period_ending_on_a_date_leaves_no_dangling_participle():
    [event] = _events("Hotel bookings in Datong rose 18 percent over the seven days ending Monday.", "2024-10-08")
    assert event.event == "Hotel bookings in Datong rose 18 percent over the seven days"


def test_an_undated_sentence_at_a_gathering_dated_before_is_put_at_its_date():
    sentences = ["The 2024 China Rail Transit Expo opened on Thursday in Zhuzhou, drawing 600 exhibitors.",
                 "Thirty-one projects worth 18.5 billion yuan were signed at the expo, organizers said.",
                 "Industrial output rose 6 percent, the bureau said."]
    events = [(e.date, e.event) for e in extract_events(sentences, "2024-09-20", "a1")]
    assert ("2024-09-19", "Thirty-one projects worth 18.5 billion yuan signed") in events
    # a gathering the article never dated dates nothing, nor does one dated only to its year
    assert extract_events(["In 2023 the forum drew 300 guests.", "Ten deals were signed at the forum."],
                          "2024-03-01", "a1")[-1].event == "the forum drew 300 guests"


def test_a_place_at_a_gathering_is_no_gathering():
    sentences = ["The 2024 China Rail Transit Expo opened on Thursday in Zhuzhou.",
                 "The city plans to build a new exhibition hall at the expo center."]
    assert [e.event for e in extract_events(sentences, "2024-09-20", "a1")] == [
        "2024 China Rail Transit Expo opened in Zhuzhou"]
    # any words may follow the gathering itself
    sentences[1] = "Deals signed at the expo totaled 5 billion yuan."
    assert extract_events(sentences, "2024-09-20", "a1")[-1].date == "2024-09-19"

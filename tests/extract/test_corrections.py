"""Corrections from a CSV file, applied to the profiles the seeds give: each action, and rows that cannot apply."""

import copy

import pytest
from conftest import SEEDS

from cityprofile.contract.schema import find_schema_errors
from cityprofile.extract.assemble import extract_corpus
from cityprofile.extract.corrections import apply_corrections, read_corrections, resolve_articles

HEADER = "article,text,action,value,note\n"
XINING_FAIR = "001_b5846f08470cffb5"  # the Green Development Forum and signing ceremony, Xining
XINING_CITY = "000_e1dfb7cc4618d2e4"  # "a modern, beautiful and happy city"
XINING_FREIGHT = "002_76f97ed88d926eeb"
XINING_FRIENDS = "003_76c3e2df3c0b276a"


@pytest.fixture(scope="module")
def extracted() -> dict:
    return extract_corpus(SEEDS).profiles


def correct(extracted, tmp_path, *lines: str):
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    rows, unreadable = read_corrections(path)
    profiles, unapplied = apply_corrections(copy.deepcopy(extracted), rows)
    return profiles, unreadable + unapplied


def _figures(profile, article, text):
    return [f for f in profile["figures"] if f["article"] == article and f["text"] == text]


def test_no_rows_leave_every_item_as_extracted(extracted, tmp_path):
    profiles, warnings = correct(extracted, tmp_path)
    assert warnings == []
    for slug, profile in profiles.items():
        assert profile["corrections"] == []
        for key in ("figures", "initiatives", "timeline", "industries", "articles"):
            assert profile[key] == extracted[slug][key], key


def test_drop_with_the_words_around_a_number_takes_only_that_figure(extracted, tmp_path):
    # Two figures of one article written "three": the words after it in the row pick one.
    two = {slug: copy.deepcopy(extracted[slug]) for slug in extracted}  # a profile is assembled at each reading
    clusters = _figures(two["xining"], XINING_CITY, "three")
    assert [f["label"] for f in clusters] == ["industrial clusters"]
    two["xining"]["figures"].append({**clusters[0], "label": "trade fairs",
                                     "sentence": "Xining hosts three major trade fairs every summer."})
    profiles, warnings = correct(two, tmp_path, f"{XINING_CITY},three major trade fairs,drop,,not a measure")
    assert warnings == []
    assert [f["label"] for f in _figures(profiles["xining"], XINING_CITY, "three")] == ["industrial clusters"]
    assert profiles["xining"]["corrections"] == [
        {"action": "drop", "article": XINING_CITY, "text": "three major trade fairs", "value": "",
         "note": "not a measure", "items": ["figure"], "moved_from": None}
    ]


def test_a_number_inside_a_larger_one_is_not_matched(extracted, tmp_path):
    # "16.7 billion yuan" holds "16", which is also a figure of the same sentence ("16 projects").
    profiles, _ = correct(extracted, tmp_path, f"{XINING_FAIR},16.7 billion yuan,drop,,")
    assert _figures(profiles["xining"], XINING_FAIR, "16")
    assert not _figures(profiles["xining"], XINING_FAIR, "16.7 billion yuan")


def test_relabel_qualifier_and_date_change_the_item_and_mark_it(extracted, tmp_path):
    profiles, warnings = correct(
        extracted, tmp_path,
        f"{XINING_FAIR},31.6 BILLION  yuan,relabel,total contract value,",
        f"{XINING_FAIR},35,qualifier,over,",
        f"{XINING_FAIR},5th Green Development Forum,date,2020-07,",
        f"{XINING_FREIGHT},2020,date,2020-03-01,",
    )
    assert warnings == []
    xining = profiles["xining"]
    sum_, signed = _figures(xining, XINING_FAIR, "31.6 billion yuan")[0], _figures(xining, XINING_FAIR, "35")[0]
    assert (sum_["label"], sum_["corrected"]) == ("total contract value", True)
    assert (signed["qualifier"], signed["corrected"]) == ("over", True)
    forum = next(i for i in xining["initiatives"] if i["name"] == "5th Green Development Forum")
    assert (forum["date"], forum["corrected"]) == ("2020-07", True)
    event = next(e for e in xining["timeline"] if e["article"] == XINING_FREIGHT and e["text"] == "2020")
    assert (event["date"], event["precision"], event["corrected"]) == ("2020-03-01", "day", True)
    assert [e["date"] for e in xining["timeline"]] == sorted(e["date"] for e in xining["timeline"])
    untouched = _figures(xining, XINING_FAIR, "19")[0]
    assert untouched["corrected"] is False
    assert [c["action"] for c in xining["corrections"]] == ["relabel", "qualifier", "date", "date"]


def test_a_renamed_initiative_is_still_found_by_its_name_as_written(extracted, tmp_path):
    profiles, warnings = correct(
        extracted, tmp_path,
        f"{XINING_FAIR},5th Green Development Forum,relabel,Fifth Green Development Forum,",
        f"{XINING_FAIR},5th Green Development Forum,date,2020-07,",
    )
    assert warnings == []
    forum = next(i for i in profiles["xining"]["initiatives"] if i["name"] == "Fifth Green Development Forum")
    assert forum["date"] == "2020-07" and "_written" not in forum


def test_industry_phrases_are_dropped_and_relabelled_and_counted_again(extracted, tmp_path):
    before = {i["name"]: i for i in extracted["xining"]["industries"]}
    profiles, warnings = correct(
        extracted, tmp_path,
        f"{XINING_FREIGHT},warehouses,drop,,",
        f"{XINING_FREIGHT},freight trains,relabel,rail transit equipment,",
    )
    assert warnings == []
    after = {i["name"]: i for i in profiles["xining"]["industries"]}
    logistics = after["Logistics and freight"]
    # One warehouse and one "freight trains" (the other is "international freight trains").
    assert logistics["mentions"] == before["Logistics and freight"]["mentions"] - 2
    assert "warehouses" not in logistics["terms"] and "freight trains" not in logistics["terms"]
    rail = after["Rail transit equipment"]
    assert rail["mentions"] == 1 and rail["corrected"] and rail["sector"] == "High-end equipment manufacturing"
    assert rail["mentioned_in"][0]["article"] == XINING_FREIGHT


def test_move_gives_an_article_and_all_its_items_to_another_city(extracted, tmp_path):
    profiles, warnings = correct(extracted, tmp_path, f"{XINING_FRIENDS},,move,dalian,about the partner city")
    assert warnings == []
    xining, dalian = profiles["xining"], profiles["dalian"]
    assert XINING_FRIENDS not in [a["id"] for a in xining["articles"]]
    before = [a["id"] for a in extracted["dalian"]["articles"]]
    assert [a["id"] for a in dalian["articles"]] == sorted([XINING_FRIENDS, *before])
    moved = [f for f in extracted["xining"]["figures"] if f["article"] == XINING_FRIENDS]
    assert moved and all(f in dalian["figures"] for f in moved)
    assert not [f for f in xining["figures"] if f["article"] == XINING_FRIENDS]
    assert "Foreign trade" in {i["name"] for i in dalian["industries"]}  # "export-oriented economy", from 003
    # Both cities list the move, so each report says where the article went.
    assert xining["corrections"][0]["moved_from"] == dalian["corrections"][0]["moved_from"] == "Xining"
    assert dalian["corrections"][0]["value"] == "Dalian"


def test_move_to_a_city_with_no_articles_yet_takes_it_from_the_gazetteer(extracted, tmp_path):
    dalian_article = extracted["dalian"]["articles"][0]["id"]
    profiles, warnings = correct(extracted, tmp_path, f"{dalian_article},,move,Lanzhou,")
    assert warnings == []
    assert "dalian" not in profiles  # its only article moved away
    assert (profiles["lanzhou"]["city"], profiles["lanzhou"]["province"]) == ("Lanzhou", "Gansu")
    assert profiles["lanzhou"]["articles"][0]["attribution"] == "moved from Dalian by a correction"


def test_corrected_profiles_keep_to_the_schema(extracted, tmp_path):
    profiles, _ = correct(
        extracted, tmp_path,
        f"{XINING_FAIR},35,qualifier,,", f"{XINING_FAIR},31.6 billion yuan,date,,", f"{XINING_FRIENDS},,move,Dalian,",
        f"{XINING_FREIGHT},freight trains,relabel,Rail transit equipment,",
    )
    for profile in profiles.values():
        assert find_schema_errors(profile) == [], profile["slug"]


@pytest.mark.parametrize("line, problem", [
    ("999_nope,three,drop,,", "no article '999_nope'"),
    (f"{XINING_CITY},four major rivers,drop,,", "has no figure, initiative, date or industry phrase written 'four"),
    (f"{XINING_CITY},three,explode,,", "action 'explode' is not one of drop, relabel, qualifier, date, move"),
    (f"{XINING_CITY},three,relabel,,", "relabel needs a value"),
    (f"{XINING_FAIR},35,qualifier,more than,", "a figure's qualifier is one of over, nearly, about, under"),
    (f"{XINING_FAIR},35,date,23 July 2020,", "date '23 July 2020' is not a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    (f"{XINING_FAIR},35,date,2022-02-31,", "date '2022-02-31' is not a date"),
    (f"{XINING_FAIR},35,date,0000,", "date '0000' is not a date"),
    (f"{XINING_FAIR},5th Green Development Forum,qualifier,about,",
     "is only an initiative; qualifier applies to figures and events"),
    (f"{XINING_FREIGHT},warehouses,relabel,Storage,", "'Storage' is not an industry of data/taxonomy.csv"),
    (f"{XINING_FREIGHT},2020,date,,", "a dated event needs a date; drop it instead"),
    (f"{XINING_FRIENDS},,move,Atlantis,", "'Atlantis' is not a Chinese city of the gazetteer"),
    (f"{XINING_FRIENDS},,move,Xining,", "is already about Xining"),
])
def test_a_row_that_cannot_apply_warns_with_its_file_and_line_and_changes_nothing(extracted, tmp_path, line, problem):
    profiles, warnings = correct(extracted, tmp_path, "# a comment the analyst left", "", line)
    assert len(warnings) == 1 and problem in warnings[0], warnings
    assert warnings[0].startswith(f"warning: {tmp_path / 'corrections.csv'}:4: ")  # header, comment, blank, row
    for slug, profile in profiles.items():
        assert profile["corrections"] == []
        assert profile["figures"] == extracted[slug]["figures"]


def test_a_note_may_hold_commas_unquoted_but_other_columns_may_not(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text(f"{HEADER}{XINING_CITY},three major rivers,drop,,geography, not a measure\n", encoding="utf-8")
    assert read_corrections(path)[0][0].note == "geography, not a measure"
    path.write_text(f"article,text,action,value\n{XINING_FAIR},31,6 billion yuan,drop,\n", encoding="utf-8")
    assert read_corrections(path)[0][0].problem == "5 cells for 4 columns; quote a text that holds a comma"


def test_an_article_is_found_by_its_whole_file_name_and_a_shared_stem_is_a_problem(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text(f"{HEADER}{XINING_CITY}.txt,three major rivers,drop,,\nreport,40 firms,drop,,\n"
                    f"report.txt,40 firms,drop,,\n", encoding="utf-8")
    rows, _ = read_corrections(path)
    resolve_articles(rows, [XINING_CITY, "report.html", "report.txt"])
    assert [row.article for row in rows] == [XINING_CITY, "report", "report.txt"]
    assert [row.problem for row in rows] == [
        None, "'report' may be report.html or report.txt; write the whole file name", None]


def test_a_file_without_the_columns_warns_and_applies_nothing(tmp_path):
    path = tmp_path / "fixes.csv"
    path.write_text("id,what,do\n000_x,three,drop\n", encoding="utf-8")
    rows, warnings = read_corrections(path)
    assert rows == []
    assert warnings == [f"warning: {path}:1: the header lacks article, text, action, value "
                        f"(columns: article, text, action, value, note); no correction applied"]


def test_a_file_that_is_not_utf8_warns_and_applies_nothing(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_bytes(HEADER.encode() + "000_x,3 亿元,drop,,\n".encode("gb18030"))
    rows, warnings = read_corrections(path)
    assert rows == [] and len(warnings) == 1
    assert warnings[0].startswith(f"warning: {path}: not UTF-8 text") and "save it as UTF-8 CSV" in warnings[0]


def test_a_cell_past_the_csv_limit_warns_with_its_line_and_applies_nothing(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text(f'{HEADER}{XINING_CITY},three,relabel,"{"x" * 200_000}",\n', encoding="utf-8")
    rows, warnings = read_corrections(path)
    assert rows == [] and len(warnings) == 1
    assert warnings[0].startswith(f"warning: {path}:") and "no correction applied" in warnings[0]


def test_a_missing_or_empty_file_is_no_corrections(tmp_path):
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    assert read_corrections(tmp_path / "empty.csv") == ([], [])
    assert read_corrections(tmp_path / "absent.csv") == ([], [])

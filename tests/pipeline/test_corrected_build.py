"""A build of the seeds with a corrections file: what the reports and the exports show, and what a rebuild redoes."""

import json
import re
import subprocess
import sys
from html import unescape

import openpyxl
import pandas as pd
import pytest
from conftest import SEEDS

from cityprofile.pipeline.exports import TABLES, WORKBOOK
from cityprofile.pipeline.build import Options, build
from cityprofile.contract.profiles import load_profiles

XINING_CITY = "000_e1dfb7cc4618d2e4"
XINING_FAIR = "001_b5846f08470cffb5"
XINING_FREIGHT = "002_76f97ed88d926eeb"
XINING_FRIENDS = "003_76c3e2df3c0b276a"
ROWS = [
    "article,text,action,value,note",
    f"{XINING_FAIR},31.6 billion yuan,relabel,total contract value,the label was vague",
    f"{XINING_FREIGHT},over 1 million,drop,,context, not a measure",
    f"{XINING_FAIR},35,qualifier,about,",
    f"{XINING_CITY},Exposition on China Brand 2023,date,2023-05-10,",
    f'{XINING_FRIENDS},,move,Dalian,"about Dalian\'s partner city"',
    f"{XINING_FREIGHT},no such words,drop,,",  # line 7
]
SHEETS = ["figures", "timeline", "initiatives", "industries", "articles"]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Build once with the corrections; return the folder, the file and what the build printed."""
    out = tmp_path_factory.mktemp("profiles")
    corrections = tmp_path_factory.mktemp("analyst") / "corrections.csv"
    corrections.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    lines, warnings = [], []
    assert build(SEEDS, out, Options(workers=2, report=lines.append, warn=warnings.append,
                                     corrections=corrections)) == 0
    return out, corrections, lines, warnings


def _text(path, start: str, end: str | None = None) -> str:
    """The words of an HTML report from the section with id ``start`` to the one with id ``end``."""
    html = path.read_text(encoding="utf-8")
    part = html[html.index(f'id="{start}"'):html.index(f'id="{end}"') if end else None]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", part)).split())


def test_a_row_that_matches_nothing_warns_with_its_line(run):
    out, corrections, lines, warnings = run
    assert f"corrections: 5 of 6 rows applied from {corrections}" in lines
    assert warnings == [f"warning: {corrections}:7: article {XINING_FREIGHT} has no figure, initiative, date or "
                        f"industry phrase written 'no such words'; the row changes nothing"]


def test_the_report_marks_each_corrected_item_and_lists_the_corrections(run):
    out = run[0]
    figures = _text(out / "xining" / "xining.html", "Figures", "Timeline")
    assert "total contract value corrected" in figures
    assert "≈ 35 projects signed corrected" in figures
    assert "population" not in figures
    assert "freight trains launched" in figures  # the other figures of that article stay
    initiatives = _text(out / "xining" / "xining.html", "Initiatives", "Figures")
    assert "Exposition on China Brand 2023 corrected 10 May 2023" in initiatives
    listed = _text(out / "xining" / "xining.html", "Corrections")
    for said in ("A2 31.6 billion yuan 1 figure relabelled “total contract value” the label was vague",
                 "A3 over 1 million 1 figure dropped context, not a measure",
                 "qualifier set to about", "date set to 10 May 2023",
                 f"{XINING_FRIENDS} the whole article 1 article article moved to Dalian"):
        assert said in listed, said
    assert "Footnote numbers are given after the corrections" in listed  # a drop renumbers the notes after it
    dalian = _text(out / "dalian" / "dalian.html", "Corrections")
    assert "article moved here from Xining about Dalian's partner city" in dalian


def test_the_workbook_has_a_sheet_per_table_with_every_item(run):
    out = run[0]
    profiles = load_profiles(profiles_dir=out)
    sheets = pd.read_excel(out / WORKBOOK, sheet_name=None)
    assert list(sheets) == SHEETS
    expected = {key: sum(len(p[key]) for p in profiles) for key in ("figures", "timeline", "initiatives", "articles")}
    expected["industries"] = sum(i["mentions"] for p in profiles for i in p["industries"])
    assert {name: len(frame) for name, frame in sheets.items()} == expected
    for name, frame in sheets.items():
        assert list(frame.columns[:2]) == ["city", "article"] and frame["article"].notna().all(), name
        assert name == "articles" or list(frame.columns[-1:]) == ["sentence"]
        csv = pd.read_csv(out / TABLES / f"{name}.csv")
        assert csv.shape == frame.shape and list(csv.columns) == list(frame.columns)
    figures = sheets["figures"]
    relabelled = figures[figures["label"] == "total contract value"].iloc[0]
    assert (relabelled["value"], relabelled["unit"], bool(relabelled["corrected"])) == (31_600_000_000, "CNY", True)
    assert not (figures["label"] == "population").any()
    assert set(figures[figures["article"] == XINING_FRIENDS]["city"]) == {"Dalian"}


def test_the_workbook_header_is_frozen_and_columns_sized(run):
    book = openpyxl.load_workbook(run[0] / WORKBOOK)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
        assert widths["city"] < widths["article"], sheet.title
    header = {cell.value: cell for cell in book["figures"][1]}
    sentence = header["sentence"].column_letter
    assert book["figures"].column_dimensions[sentence].width == 62  # capped, and the text wraps
    assert book["figures"][f"{sentence}2"].alignment.wrap_text


def test_a_build_with_nothing_changed_rewrites_nothing(run):
    out, corrections, _, warnings = run
    written = {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}
    lines, again = [], []
    assert build(SEEDS, out, Options(workers=2, report=lines.append, warn=again.append, corrections=corrections)) == 0
    assert "exports: up to date" in lines and "build: 0 built, 3 up to date, 0 failed" in lines[-1]
    assert again == warnings  # the warning is repeated, not lost with the cache
    assert {path: path.stat().st_mtime_ns for path in written} == written


def test_editing_the_file_rebuilds_only_the_cities_it_touches(run):
    out, corrections, _, _ = run
    edited = corrections.read_text(encoding="utf-8").replace(",35,qualifier,about,", ",35,qualifier,over,")
    corrections.write_text(edited, encoding="utf-8")
    lines = []
    assert build(SEEDS, out, Options(workers=2, report=lines.append, warn=lambda _: None, corrections=corrections)) == 0
    assert "extract: articles and code unchanged; profiles up to date" in lines
    assert "  dalian: up to date" in lines
    assert {line.split(":")[0].strip() for line in lines if ": built (profile data changed" in line} == {
        "xining", "comparison"}
    assert any(line.startswith("exports: 1 city's tables rewritten, tables/*.csv and cityprofile.xlsx")
               for line in lines)
    assert "qualifier set to over" in _text(out / "xining" / "xining.html", "Corrections")


def test_a_corrections_file_named_but_missing_is_an_error(tmp_path):
    command = [sys.executable, "-m", "cityprofile", "extract", "--seeds", str(SEEDS), "--out", str(tmp_path),
               "--corrections", str(tmp_path / "typo.csv")]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == f"error: {tmp_path / 'typo.csv'}: no such corrections file\n"


def test_the_console_counts_each_city_as_corrected(run):
    out, _, lines, _ = run
    for slug in ("xining", "dalian"):
        profile = json.loads((out / slug / "profile.json").read_text(encoding="utf-8"))
        [line] = [line for line in lines if line.startswith(f"  {profile['city']} (")]
        assert f"{len(profile['figures'])} figure" in line, line

"""The export stage remakes the rows and workbook of the cities whose profile changed, and joins every city's rows."""

import json
import re
import shutil

import openpyxl
import pandas as pd
import pytest
from conftest import SEEDS

from cityprofile.pipeline import exports
from cityprofile.pipeline.exports import FRAGMENTS, TABLES, WORKBOOK, export_stage
from cityprofile.pipeline.build import Options, extract_stage
from cityprofile.contract.files import write_atomic
from cityprofile.contract.profiles import INDEX_NAME, load_profiles
from cityprofile.report.tables import make_tables

SHEETS = ["figures", "timeline", "initiatives", "industries", "articles"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The profiles the build extracts from the seeds."""
    folder = tmp_path_factory.mktemp("extracted")
    extract_stage(SEEDS, folder, Options(report=lambda _: None, warn=lambda _: None))
    return folder


@pytest.fixture
def out(extracted, tmp_path):
    """A copy of the seeds' profiles, exported once."""
    folder = tmp_path / "profiles"
    shutil.copytree(extracted, folder)
    lines = []
    export_stage(folder, report=lines.append)
    assert len(lines) == 1 and re.fullmatch(
        r"exports: 2 cities' tables rewritten, tables/\*\.csv and cityprofile\.xlsx in [\d.]+s", lines[0])
    return folder


def _export(out, force=False) -> list[str]:
    lines = []
    export_stage(out, force, report=lines.append)
    return lines


def _times(out, slug: str) -> dict:
    """The modification times of a city's kept rows and workbook."""
    paths = [*(out / FRAGMENTS / slug).iterdir(), out / slug / f"{slug}.xlsx"]
    return {path.name: path.stat().st_mtime_ns for path in paths}


def _assert_tables_are_all_profiles_at_once(out):
    """Each tables/*.csv is the table made from every indexed profile in one go, in index order."""
    for name, frame in make_tables(load_profiles(profiles_dir=out)).items():
        written = (out / TABLES / f"{name}.csv").read_text(encoding="utf-8")
        assert written == "\ufeff" + frame.to_csv(index=False), name  # the BOM Excel reads UTF-8 by


def _edit_profile(out, slug: str, edit) -> None:
    """Change a profile as the build does: the whole file written anew and renamed into place."""
    path = out / slug / "profile.json"
    profile = json.loads(path.read_text(encoding="utf-8"))
    edit(profile)
    write_atomic(path, json.dumps(profile, ensure_ascii=False, indent=1))


def test_the_corpus_tables_are_every_city_s_rows_in_index_order(out):
    _assert_tables_are_all_profiles_at_once(out)
    figures = pd.read_csv(out / TABLES / "figures.csv")
    order = [entry["city"] for entry in json.loads((out / INDEX_NAME).read_text())["cities"]]
    assert list(dict.fromkeys(figures["city"])) == order
    values = pd.read_csv(out / TABLES / "figures.csv", dtype=str)["value"]
    assert values.str.fullmatch(r"\d+").any() and not values.str.endswith(".0").any()  # whole numbers stay whole


@pytest.mark.parametrize("slug", ["xining", "dalian"])
def test_each_city_s_workbook_has_the_five_sheets_with_its_own_rows(out, slug):
    profile = load_profiles([slug], out)[0]
    sheets = pd.read_excel(out / slug / f"{slug}.xlsx", sheet_name=None)
    assert list(sheets) == SHEETS
    expected = {key: len(profile[key]) for key in ("figures", "timeline", "initiatives", "articles")}
    expected["industries"] = sum(industry["mentions"] for industry in profile["industries"])
    assert {name: len(frame) for name, frame in sheets.items()} == expected
    assert all(set(frame["city"]) == {profile["city"]} for frame in sheets.values() if len(frame))
    book = openpyxl.load_workbook(out / slug / f"{slug}.xlsx")
    assert [sheet.freeze_panes for sheet in book.worksheets] == ["A2"] * len(SHEETS)


def test_a_second_export_with_nothing_changed_writes_nothing(out):
    written = {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}
    assert _export(out) == ["exports: up to date"]
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()} == written


def test_changing_one_city_s_profile_remakes_only_that_city(out):
    xining, dalian = _times(out, "xining"), _times(out, "dalian")
    corpus = (out / WORKBOOK).stat().st_mtime_ns
    _edit_profile(out, "dalian", lambda profile: profile["figures"].pop())
    lines = _export(out)
    assert len(lines) == 1 and re.fullmatch(
        r"exports: 1 city's tables rewritten, tables/\*\.csv and cityprofile\.xlsx in [\d.]+s", lines[0])
    assert _times(out, "xining") == xining
    changed = _times(out, "dalian")
    assert {name for name in dalian if changed[name] != dalian[name]} == {
        *(f"{name}.csv" for name in SHEETS), "key.json", "dalian.xlsx"}
    assert (out / WORKBOOK).stat().st_mtime_ns != corpus
    _assert_tables_are_all_profiles_at_once(out)
    dalian_figures = pd.read_excel(out / "dalian" / "dalian.xlsx", sheet_name="figures")
    assert len(dalian_figures) == len(load_profiles(["dalian"], out)[0]["figures"])


def test_a_new_index_order_rewrites_the_corpus_tables_from_the_kept_rows(out, monkeypatch):
    index = json.loads((out / INDEX_NAME).read_text())
    index["cities"].reverse()
    write_atomic(out / INDEX_NAME, json.dumps(index))
    monkeypatch.setattr(exports, "_export_city", None)  # no city may be remade: calling it would fail
    lines = _export(out)
    assert re.fullmatch(r"exports: 0 cities' tables rewritten, tables/\*\.csv and cityprofile\.xlsx in [\d.]+s",
                        lines[0])
    _assert_tables_are_all_profiles_at_once(out)


def test_a_removed_city_leaves_the_tables_and_its_kept_rows_go(out):
    index = json.loads((out / INDEX_NAME).read_text())
    index["cities"] = [entry for entry in index["cities"] if entry["slug"] != "dalian"]
    write_atomic(out / INDEX_NAME, json.dumps(index))
    shutil.rmtree(out / "dalian")  # as the build removes a city's folder
    _export(out)
    assert not (out / FRAGMENTS / "dalian").exists()
    for name in SHEETS:
        assert set(pd.read_csv(out / TABLES / f"{name}.csv")["city"]) <= {"Xining"}, name
    assert set(pd.read_excel(out / WORKBOOK, sheet_name="articles")["city"]) == {"Xining"}
    _assert_tables_are_all_profiles_at_once(out)


def _truncate(out):
    (out / FRAGMENTS / "xining" / "figures.csv").write_text("Xining,000_e1dfb7cc4618d2e4,3\n", encoding="utf-8")


def _delete(out):
    (out / FRAGMENTS / "xining" / "timeline.csv").unlink()


def _garble_key(out):
    (out / FRAGMENTS / "xining" / "key.json").write_text('{"profile": [1, ', encoding="utf-8")


def _delete_workbook(out):
    (out / "xining" / "xining.xlsx").unlink()


@pytest.mark.parametrize("damage", [_truncate, _delete, _garble_key, _delete_workbook], ids=lambda f: f.__name__)
def test_a_city_whose_kept_rows_are_damaged_or_missing_is_remade(out, damage):
    dalian = _times(out, "dalian")
    damage(out)
    lines = _export(out)
    assert lines[0].startswith("exports: 1 city's tables rewritten")
    assert _times(out, "dalian") == dalian
    _assert_tables_are_all_profiles_at_once(out)
    assert len(pd.read_excel(out / "xining" / "xining.xlsx", sheet_name=None)) == len(SHEETS)


def test_force_remakes_every_city(out):
    assert _export(out, force=True)[0].startswith("exports: 2 cities' tables rewritten")


def test_past_the_row_limit_the_corpus_workbook_is_deleted_and_the_build_says_why(out, monkeypatch):
    rows = sum(len(frame) for frame in make_tables(load_profiles(profiles_dir=out)).values())
    monkeypatch.setattr(exports, "WORKBOOK_ROWS", rows - 1)
    lines = _export(out)
    assert lines[0] == (f"exports: {rows:,} rows is past the workbook's limit of {rows - 1:,}; each city's workbook "
                        "is in its folder, and tables/*.csv hold every row")
    assert re.fullmatch(r"exports: 0 cities' tables rewritten, tables/\*\.csv in [\d.]+s", lines[1])
    assert not (out / WORKBOOK).exists()
    assert (out / "xining" / "xining.xlsx").is_file()
    _assert_tables_are_all_profiles_at_once(out)
    assert _export(out) == ["exports: up to date", lines[0]]
    monkeypatch.setattr(exports, "WORKBOOK_ROWS", rows)
    assert re.fullmatch(r"exports: 0 cities' tables rewritten, tables/\*\.csv and cityprofile\.xlsx in [\d.]+s",
                        _export(out)[0])
    assert len(pd.read_excel(out / WORKBOOK, sheet_name="figures")) == len(pd.read_csv(out / TABLES / "figures.csv"))


@pytest.mark.parametrize("hostile", ['=HYPERLINK("http://x.example","click")', "+cmd|' /C calc'!A0", "-2+3",
                                     "@SUM(A1:A9)", "\tTAB", "bell\x07 and\x01 null\x00"])
def test_text_from_an_article_is_shown_in_a_spreadsheet_never_run(out, hostile):
    def plant(profile):
        profile["figures"][0]["sentence"] = hostile
        profile["figures"][0]["label"] = hostile
    _edit_profile(out, "dalian", plant)
    _export(out)
    book = openpyxl.load_workbook(out / "dalian" / "dalian.xlsx")
    header = [cell.value for cell in book["figures"][1]]
    row = {name: cell for name, cell in zip(header, book["figures"][2])}
    for name in ("sentence", "label"):
        cell = row[name]
        assert cell.data_type == "s" and not str(cell.value).startswith(("=", "+", "-", "@", "\t")), cell.value
        assert not any(ord(c) < 32 and c != "\t" for c in str(cell.value))
    table = pd.read_csv(out / TABLES / "figures.csv", dtype=str, keep_default_na=False)
    for value in table[table["city"] == "Dalian"].iloc[0][["sentence", "label"]]:
        assert not value.startswith(("=", "+", "-", "@", "\t")) and not any(ord(c) < 32 and c != "\t" for c in value), value


def test_numbers_stay_numbers_in_the_workbook(out):
    book = openpyxl.load_workbook(out / "dalian" / "dalian.xlsx")
    header = [cell.value for cell in book["figures"][1]]
    value = book["figures"][2][header.index("value")]
    assert value.data_type == "n" and value.value > 0


def test_the_tables_open_in_excel_as_utf8_with_a_byte_order_mark(out):
    for name in SHEETS:
        data = (out / TABLES / f"{name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbfcity,"), name
        assert data.count(b"\xef\xbb\xbf") == 1, name  # once, not once per city's rows


def test_workbook_sheets_have_filters_and_numbers_formatted(out):
    for path in (out / WORKBOOK, out / "xining" / "xining.xlsx"):
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            assert sheet.auto_filter.ref == sheet.dimensions, (path.name, sheet.title)
        figures = book["figures"]
        header = [cell.value for cell in figures[1]]
        formats = {}
        for row in figures.iter_rows(min_row=2):
            value, unit = row[header.index("value")], row[header.index("unit")].value
            formats.setdefault(unit if unit == "percent" else "CNY" if unit == "CNY" else "other", set()).add(
                value.number_format)
        assert formats["CNY"] <= {"#,##0", "#,##0.0###"}  # 31600000000 shows as 31,600,000,000
        assert all(f.endswith('"%"') for f in formats.get("percent", set()))


def test_a_range_s_upper_end_is_a_number_beside_its_lower_end(out):
    def make_range(profile):
        profile["figures"][0]["high"] = profile["figures"][0]["value"] * 2

    _edit_profile(out, "dalian", make_range)
    _export(out)
    table = pd.read_csv(out / TABLES / "figures.csv")
    assert list(table.columns[2:5]) == ["value", "high", "unit"]
    dalian = table[table["city"] == "Dalian"]
    assert dalian.iloc[0]["high"] == 2 * dalian.iloc[0]["value"] and dalian.iloc[1:]["high"].isna().all()
    book = openpyxl.load_workbook(out / "dalian" / "dalian.xlsx")
    header = [cell.value for cell in book["figures"][1]]
    assert book["figures"][2][header.index("high")].data_type == "n"

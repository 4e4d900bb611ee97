"""profile.json keeps to its published schema: what the build writes, and what it must refuse."""

import copy
import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS
from jsonschema import Draft202012Validator

from cityprofile.contract.profiles import write_profiles
from cityprofile.contract.schema import find_schema_errors, load_schema
from cityprofile.extract.assemble import extract_corpus

DEV_ARTICLES = [FIXTURES / f"{stem}.txt" for stem in ("008_suining", "009_chongqing", "010_manzhouli")]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> list[Path]:
    """profile.json as the extract stage writes it, from the seeds and the fixture articles."""
    seeds = tmp_path_factory.mktemp("seeds")
    for path in [*SEEDS.glob("*.txt"), *DEV_ARTICLES]:
        shutil.copy(path, seeds / path.name)
    return write_profiles(extract_corpus(seeds).profiles, tmp_path_factory.mktemp("profiles"))


def test_schema_is_valid_json_schema_2020_12():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_field_is_documented():
    undocumented = []

    def walk(node, where):
        for name, sub in node.get("properties", {}).items():
            if "description" not in sub and "$ref" not in sub:
                undocumented.append(f"{where}/{name}")
            walk(sub.get("items", sub), f"{where}/{name}")

    schema = load_schema()
    walk(schema, "")
    undocumented += [f"$defs/{name}" for name, sub in schema["$defs"].items() if "description" not in sub]
    assert undocumented == []


def test_every_profile_the_extract_stage_writes_is_valid(written):
    assert len(written) >= 4  # Xining, Dalian, Suining, Chongqing, Manzhouli
    for path in written:
        assert find_schema_errors(json.loads(path.read_text(encoding="utf-8"))) == [], path


@pytest.mark.parametrize("stem", ["xining", "dalian"])
def test_report_fixtures_follow_the_contract(stem):
    profile = json.loads((FIXTURES / "profiles" / stem / "profile.json").read_text(encoding="utf-8"))
    assert find_schema_errors(profile) == []


@pytest.mark.parametrize(
    ("where", "change", "expected"),
    [
        (("figures", 0), lambda f: f.pop("label"), "figures/0: 'label' is a required property"),
        (("figures", 0), lambda f: f.update(qualifier="roughly"), "figures/0/qualifier: 'roughly' is not one of"),
        (("timeline", 0), lambda e: e.update(date="2022-13"), "timeline/0/date: '2022-13' does not match"),
        (("timeline", 0), lambda e: e.update(precision="week"), "timeline/0/precision: 'week' is not one of"),
        (("articles", 0), lambda a: a.update(words=-1), "articles/0/words: -1 is less than the minimum"),
        (("figures", 0), lambda f: f.update(colour="red"), "figures/0: Additional properties are not allowed"),
    ],
)
def test_a_profile_that_breaks_the_contract_is_named_where(where, change, expected):
    profile = copy.deepcopy(json.loads((FIXTURES / "profiles" / "xining" / "profile.json").read_text(encoding="utf-8")))
    key, index = where
    change(profile[key][index])
    errors = find_schema_errors(profile)
    assert len(errors) == 1 and errors[0].startswith(expected), errors


def test_the_schema_and_the_code_name_the_same_qualifiers():
    """One list of figure qualifiers (units.json): the schema, the reports' signs and Chinese readings keep to it."""
    import json as json_module
    from importlib.resources import files

    from cityprofile.contract.units import figure_qualifiers
    from cityprofile.report.formatting import QUALIFIER_SIGNS

    figure = load_schema()["properties"]["figures"]["items"]["properties"]["qualifier"]
    assert set(figure["enum"]) - {None} == set(figure_qualifiers()) == set(QUALIFIER_SIGNS)
    chinese = json_module.loads((files("cityprofile") / "data" / "chinese.json").read_text(encoding="utf-8"))
    assert {q for where in ("before", "after") for q in chinese["qualifiers"][where]} <= set(figure_qualifiers())

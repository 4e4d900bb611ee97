"""The build writes and deletes only what it made in an output folder."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

from cityprofile.pipeline.correct import correct_stage
from cityprofile.pipeline.build import Options, extract_stage
from cityprofile.contract.errors import NotOurs
from cityprofile.contract.outputs import MARKER, city_folder, claim_output, clean, is_slug, remove_city
from cityprofile.contract.profiles import read_index


def _quiet(_):
    pass


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("profiles")
    extract_stage(SEEDS, folder, Options(report=_quiet, warn=_quiet))
    return folder


@pytest.mark.parametrize("slug, plain", [("xining", True), ("bayan-nur", True), ("../x", False), ("/etc", False),
                                         ("", False), ("Dalian", False), (None, False), ("a/b", False)])
def test_only_a_plain_slug_names_a_folder(slug, plain):
    assert is_slug(slug) is plain


def test_a_folder_holding_other_files_is_refused_unless_forced(tmp_path):
    (tmp_path / "thesis.docx").write_text("mine")
    with pytest.raises(NotOurs) as refused:
        claim_output(tmp_path)
    assert "thesis.docx" in refused.value.strerror and "--force-out" in refused.value.strerror
    assert not (tmp_path / MARKER).exists()
    claim_output(tmp_path, force=True)
    assert (tmp_path / MARKER).is_file() and (tmp_path / "thesis.docx").read_text() == "mine"


def test_an_empty_folder_or_the_projects_profiles_readme_is_taken(tmp_path):
    (tmp_path / "README.md").write_text("generated reports land here")
    claim_output(tmp_path)
    assert (tmp_path / MARKER).is_file()


def test_a_users_own_city_folder_is_never_written_into(tmp_path):
    claim_output(tmp_path)
    (tmp_path / "dalian").mkdir()
    (tmp_path / "dalian" / "notes.txt").write_text("call the port authority")
    with pytest.raises(NotOurs):
        city_folder(tmp_path, "dalian")
    with pytest.raises(ValueError):
        city_folder(tmp_path, "../outside")


def test_a_city_that_leaves_keeps_the_files_the_build_did_not_make(extracted, tmp_path):
    out = tmp_path / "profiles"
    shutil.copytree(extracted, out)
    (out / "dalian" / "notes.txt").write_text("call the port authority")
    (out / "dalian" / "dalian.pdf").write_bytes(b"%PDF report")
    assert remove_city(out, "dalian") == ["notes.txt"]
    assert sorted(p.name for p in (out / "dalian").iterdir()) == ["notes.txt"]


def test_a_slug_read_back_from_a_damaged_index_deletes_nothing_outside(extracted, tmp_path):
    out, victim = tmp_path / "profiles", tmp_path / "victim"
    shutil.copytree(extracted, out)
    victim.mkdir()
    (victim / "profile.json").write_text("{}")
    index = json.loads((out / "index.json").read_text())
    index["cities"] += [{"slug": "../victim", "city": "V", "province": "P", "articles": 1},
                        {"slug": str(victim), "city": "W", "province": "P", "articles": 1}]
    (out / "index.json").write_text(json.dumps(index))
    assert [entry["slug"] for entry in read_index(out)] == ["xining", "dalian"]
    correct_stage(out, "another code", ROOT / "no-such-corrections.csv", _quiet, _quiet)
    assert (victim / "profile.json").is_file()


@pytest.mark.parametrize("folder", [".", "/", "~", "seeds"])
def test_clean_refuses_what_is_not_an_output_folder(folder):
    path = {"~": os.path.expanduser("~"), ".": str(ROOT), "seeds": str(SEEDS)}.get(folder, folder)
    before = sorted(os.listdir(path))
    result = subprocess.run([sys.executable, "-m", "cityprofile", "clean", "--out", path],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "not an output folder" in result.stderr
    assert sorted(os.listdir(path)) == before


def test_clean_deletes_the_builds_outputs_and_keeps_the_rest(extracted, tmp_path):
    out = tmp_path / "profiles"
    shutil.copytree(extracted, out)
    (out / "README.md").write_text("kept")
    (out / "xining" / "my-notes.md").write_text("kept too")
    (out / "tables").mkdir(exist_ok=True)
    kept = clean(out)
    assert kept == ["README.md", "xining"]
    assert sorted(p.name for p in (out / "xining").iterdir()) == ["my-notes.md"]


def test_clean_refuses_a_folder_the_build_never_marked(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(NotOurs):
        clean(tmp_path)
    assert (tmp_path / "photo.jpg").exists()


def _state_files(out):
    """Every JSON state file a build keeps in ``out``, relative to it."""
    return sorted(str(p.relative_to(out)) for p in out.rglob("*.json")
                  if p.name not in ("profile.json", "index.json") and ".exports" not in p.parts)


@pytest.mark.parametrize("content", ["{}", "[1]", "not json at all", '{"fingerprints": [1], "cities": {"x": 1}}',
                                     '{"city": {"slug": "../../escape", "city": "X", "province": "Y"}, '
                                     '"problems": [], "article": {}, "figures": [], "initiatives": [], '
                                     '"timeline": [], "mentions": []}'])
def test_damaged_state_files_are_remade_not_a_traceback(extracted, tmp_path, content):
    out = tmp_path / "profiles"
    shutil.copytree(extracted, out)
    files = _state_files(out)
    assert files  # the caches, the manifest, the records, the stamps
    for name in files:
        (out / name).write_text(content)
    problems = extract_stage(SEEDS, out, Options(report=_quiet, warn=_quiet))
    assert isinstance(problems, list)
    assert [entry["slug"] for entry in read_index(out)] == ["xining", "dalian"]
    assert not (tmp_path / "escape").exists() and not (out.parent.parent / "escape").exists()


def test_a_cached_entry_past_the_item_caps_is_extracted_again(extracted, tmp_path):
    out = tmp_path / "profiles"
    shutil.copytree(extracted, out)
    entries = {p: json.loads(p.read_text()) for p in (out / ".articles").glob("*.json")}
    path, entry = next((p, e) for p, e in entries.items() if isinstance(e.get("figures"), list) and e["city"])
    entry["figures"] = [{"value": 1}] * 20_000
    path.write_text(json.dumps(entry))
    # Every city is assembled and corrected again from the cached entries, as after an upgrade.
    shutil.rmtree(out / ".extracted")
    (out / ".corrections.json").unlink()
    extract_stage(SEEDS, out, Options(report=_quiet, warn=_quiet))
    profiles = [json.loads(p.read_text()) for p in out.glob("*/profile.json")]
    assert all(len(p["figures"]) < 200 for p in profiles)


def test_only_outputs_names_the_hidden_files():
    """Every hidden file of an output folder is named in contract/outputs.py; another module spelling one out would
    be a second owner of the folder's state."""
    import ast

    import cityprofile.contract.outputs as outputs
    from conftest import ROOT

    names = {outputs.MARKER, outputs.LOCK, outputs.EXTRACT_STAMP, outputs.ARTICLES, outputs.EXTRACTED,
             outputs.CORRECTIONS_STAMP, outputs.EXPORTS_STAMP, outputs.EXPORT_ROWS, outputs.RECORDS, outputs.MANIFEST,
             outputs.CONTENTS, outputs.ROWS_KEY}
    endings = (".key", ".running.ipynb", ".failed.ipynb")  # of the names made per report folder
    package = ROOT / "src" / "cityprofile"
    spelled = []
    for path in package.rglob("*.py"):
        if path == package / "contract" / "outputs.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                    node.value in names or node.value.endswith(endings)):
                spelled.append(f"{path.relative_to(package)}:{node.lineno}: {node.value!r}")
    assert spelled == []

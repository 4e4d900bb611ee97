"""Build every report from seeds/ into a temporary folder and read it as a reader would."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html import unescape

import pytest
from conftest import SEEDS
from pypdf import PdfReader

from cityprofile.pipeline.build import Options, build
from cityprofile.contract.schema import find_schema_errors
from cityprofile.report.formatting import format_figure

SECTIONS = ("Industries", "Initiatives", "Figures", "Timeline", "Sources")


@pytest.fixture(scope="module")
def build_run(tmp_path_factory):
    """The build as a user runs it, with its output."""
    out = tmp_path_factory.mktemp("profiles")
    command = [sys.executable, "-m", "cityprofile", "build", "--seeds", str(SEEDS), "--out", str(out), "--jobs", "2"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result


@pytest.fixture(scope="module")
def reports(build_run):
    return build_run[0]


def test_build_prints_one_line_per_stage_and_report_and_nothing_else(build_run):
    out, result = build_run
    cities = _cities(out)
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"extract: 2 cities in [\d.]+s \(5 articles extracted\)", lines[0])
    assert len(lines) == 1 + len(cities) + 1 + len(cities) + 1 + 1
    assert re.fullmatch(r"exports: 2 cities' tables rewritten, tables/\*\.csv and cityprofile\.xlsx in [\d.]+s",
                        lines[1 + len(cities)])
    built = sorted(re.findall(r"^  (\S+): built \(first build; execute [\d.]+s, html [\d.]+s, pdf [\d.]+s\) -> ",
                              result.stdout, re.M))
    assert built == sorted([c["slug"] for c in cities] + ["comparison"])
    assert re.fullmatch(r"build: 3 built, 0 up to date, 0 failed in [\d.]+s; reports in .+", lines[-1])
    # Only the corpus's own notes reach stderr: no log records from kernels, zmq or WeasyPrint.
    assert all(line.startswith(("warning:", "note:")) for line in result.stderr.splitlines()), result.stderr


def _cities(out):
    return json.loads((out / "index.json").read_text())["cities"]


def _pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _html_text(path):
    return unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_one_profile_per_city_in_the_seeds(reports):
    assert {c["city"] for c in _cities(reports)} == {"Xining", "Dalian"}
    assert {c["city"]: c["articles"] for c in _cities(reports)} == {"Xining": 4, "Dalian": 1}


def test_every_profile_the_build_writes_keeps_to_the_schema(reports):
    profiles = sorted(reports.glob("*/profile.json"))
    assert [p.parent.name for p in profiles] == sorted(c["slug"] for c in _cities(reports))
    for path in profiles:
        assert find_schema_errors(json.loads(path.read_text(encoding="utf-8"))) == [], path


@pytest.mark.parametrize("name", ["xining", "dalian", "comparison"])
def test_pdf_reads_as_a_report(reports, name):
    pdf = reports / name / f"{name}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = _pdf_text(pdf)
    cities = [c["city"] for c in _cities(reports)] if name == "comparison" else [name.capitalize()]
    for city in cities:
        assert city in text
    for section in SECTIONS:
        assert section in text
    for code in ("import ", "In [", "Traceback", "load_profile", "Error"):
        assert code not in text
    assert not re.search(r"\b(?:nan|NaN)\b", text)  # a missing value shown as pandas writes it


@pytest.mark.parametrize("name", ["xining", "dalian", "comparison"])
def test_html_loads_nothing_from_outside(reports, name):
    html = (reports / name / f"{name}.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"<link[^>]+stylesheet", html)
    assert not re.search(r'(src|href)="(https?:)?//', html)


@pytest.mark.parametrize("slug", ["xining", "dalian"])
def test_every_figure_appears_in_its_report(reports, slug):
    profile = json.loads((reports / slug / "profile.json").read_text())
    text = _html_text(reports / slug / f"{slug}.html")
    assert profile["figures"], "the seeds state figures for every city"
    for figure in profile["figures"]:
        assert format_figure(figure, with_label=False) in text
        assert figure["text"] in text


@pytest.mark.parametrize("slug", ["xining", "dalian"])
def test_every_footnote_resolves_to_a_listed_source(reports, slug):
    html = (reports / slug / f"{slug}.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="#((?:note|source)-[\w-]+)"', html))
    assert links
    for anchor in links:
        assert f'id="{anchor}"' in html
    profile = json.loads((reports / slug / "profile.json").read_text())
    pdf_text = _pdf_text(reports / slug / f"{slug}.pdf")
    for article in profile["articles"]:
        assert article["id"] in pdf_text


def test_missing_seeds_folder_exits_non_zero_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "cityprofile", "build", "--seeds", str(tmp_path / "none"),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode != 0
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_hostile_article_text_shows_literally(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_e1dfb7cc4618d2e4.txt").write_bytes((SEEDS / "000_e1dfb7cc4618d2e4.txt").read_bytes())
    hostile = (SEEDS / "002_76f97ed88d926eeb.txt").read_text(encoding="utf-8") + (
        "\n\nXining signed a <script>alert(1)</script> deal worth $5 million with *partners* "
        "[x](y) at 50% & _ # { } \\ rates.\n"
    )
    (seeds / "hostile article.txt").write_text(hostile, encoding="utf-8")
    (seeds / "empty.txt").write_text("")
    out = tmp_path / "out"
    lines = []
    warnings = []
    assert build(seeds, out, Options(workers=2, strict=True, report=lines.append, warn=warnings.append)) == 1
    assert any(line.startswith("warning:") and "empty.txt" in line and "empty" in line for line in warnings)
    assert warnings[-1] == "strict: 1 warning above; exit status 1"
    slug = _cities(out)[0]["slug"]
    html = (out / slug / f"{slug}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "$5 million" in html
    assert "*partners* [x](y)" in html
    pdf_text = _pdf_text(out / slug / f"{slug}.pdf")
    assert "<script>alert(1)</script>" in pdf_text and "$5 million" in pdf_text


def test_interrupted_build_leaves_no_corrupt_output(reports):
    command = [sys.executable, "-m", "cityprofile", "build", "--seeds", str(SEEDS), "--out", str(reports), "--force"]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in process.stdout:  # interrupt once the notebooks are running, as Ctrl-C would
        if line.startswith("  Dalian"):
            time.sleep(2)
            os.killpg(process.pid, signal.SIGINT)
            break
    output = process.communicate(timeout=120)[0]
    assert process.returncode in (0, 130), output
    assert not list(reports.rglob("*.tmp"))
    for pdf in reports.rglob("*.pdf"):
        assert len(PdfReader(pdf).pages) > 0
    for notebook in reports.glob("*/*.ipynb"):
        if not notebook.name.endswith(".failed.ipynb"):  # papermill's own run log, partial by nature
            json.loads(notebook.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["xining", "dalian", "comparison"])
def test_every_link_in_a_report_resolves(reports, name):
    html = (reports / name / f"{name}.html").read_text(encoding="utf-8")
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert any("note-" in t for t in targets)
    assert [t for t in targets if f'id="{t}"' not in html] == []


def test_workers_start_before_extraction_and_not_at_all_when_nothing_changed(reports, tmp_path, monkeypatch):
    from contextlib import contextmanager

    import cityprofile.pipeline.build as pipeline

    events = []

    @contextmanager
    def fake_pool(workers):
        events.append("workers")
        yield None

    monkeypatch.setattr(pipeline, "worker_pool", fake_pool)
    assert build(SEEDS, reports, Options(workers=2, report=events.append, warn=events.append)) == 0
    assert "workers" not in events and events[0].startswith("extract: articles and code unchanged")

    def extract_stage(*args, **kwargs):
        events.append("extract")
        raise SystemExit("stop here")

    monkeypatch.setattr(pipeline, "extract_stage", extract_stage)
    events.clear()
    with pytest.raises(SystemExit):
        build(SEEDS, tmp_path, Options(workers=2, report=events.append))
    assert events == ["workers", "extract"]


def test_output_cut_short_by_a_closed_pipe_ends_without_a_traceback(tmp_path):
    # As `cityprofile extract ... | head -1` does once head has its line.
    command = [sys.executable, "-m", "cityprofile", "extract", "--seeds", str(SEEDS), "--out", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdout.close()
    _, errors = process.communicate(timeout=120)
    assert "Traceback" not in errors and process.returncode == 1, errors


def test_a_section_that_cannot_be_drawn_leaves_the_rest_of_the_report_and_the_build_names_it(reports, tmp_path):
    out = tmp_path / "profiles"
    shutil.copytree(reports, out)
    slug = _cities(out)[0]["slug"]
    path = out / slug / "profile.json"
    profile = json.loads(path.read_text(encoding="utf-8"))
    profile["timeline"][0]["date"] = "2021-13"  # hand-edited: a month that does not exist
    path.write_text(json.dumps(profile), encoding="utf-8")
    command = [sys.executable, "-m", "cityprofile", "build", "--seeds", str(SEEDS), "--out", str(out), "--strict"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    for name in (slug, "comparison"):
        assert (f"warning: {name}: the timeline section could not be drawn (IllegalMonthError: bad month number 13; "
                "must be 1-12); the report shows a notice in its place") in result.stderr.splitlines()
        text = _html_text(out / name / f"{name}.html")
        assert "This section could not be drawn (IllegalMonthError)" in text
        assert profile["articles"][0]["title"] in text  # Sources, after the timeline, is there
    assert "Traceback" not in result.stderr and "Traceback" not in _pdf_text(out / slug / f"{slug}.pdf")
    assert re.search(r"^build: 3 built, 0 up to date, 0 failed", result.stdout, re.M)
    # Built with a notice, the report is up to date; a rebuild says so again, and passes without --strict.
    again = subprocess.run(command[:-1], capture_output=True, text=True)
    assert again.returncode == 0 and "build: 0 built, 3 up to date, 0 failed" in again.stdout
    assert again.stderr.count("section could not be drawn") == 2, again.stderr


@pytest.fixture
def small_disk(tmp_path):
    """A 32 MiB tmpfs, so that a test can fill it or make it read-only; skipped where mounting is not allowed."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield disk
    subprocess.run(["umount", "--lazy", str(disk)], check=True)


def _fill(disk):
    with open(disk / "filler", "wb", buffering=0) as filler:  # unbuffered: closing it has nothing left to write
        try:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        except OSError:
            pass


def test_a_full_disk_or_a_read_only_folder_stops_cleanly_and_keeps_the_reports(reports, small_disk):
    out = small_disk / "profiles"
    shutil.copytree(reports, out)  # moved, so every report is rebuilt: its profiles folder is a parameter
    before = {path: path.read_bytes() for path in out.glob("*/*") if path.suffix in (".html", ".pdf")}
    command = [sys.executable, "-m", "cityprofile", "build", "--seeds", str(SEEDS), "--out", str(out)]
    for fault, message in ((_fill, "No space left on device"), (_remount_read_only, "Read-only file system")):
        fault(small_disk)
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 1 and message in result.stdout + result.stderr, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        assert {path: path.read_bytes() for path in before} == before
        assert not list(out.rglob("*.tmp")) and not list(out.rglob(".*.running.ipynb"))


def _remount_read_only(disk):
    (disk / "filler").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


@pytest.mark.parametrize("name, alt", [("xining", "Map of China: Xining, in Qinghai"),
                                       ("dalian", "Map of China: Dalian, in Liaoning"),
                                       ("comparison", "Map of the 2 compared cities")])
def test_each_report_opens_with_a_map_a_screen_reader_can_name(reports, name, alt):
    html = (reports / name / f"{name}.html").read_text(encoding="utf-8")
    assert f'aria-label="{alt}' in html
    svgs = re.findall(r"<svg\b[^>]*>", html)
    assert svgs and all('role="img"' in svg and ' aria-label="' in svg for svg in svgs)

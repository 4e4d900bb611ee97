"""Execute and render from hand-made profiles: cache, failures, and what a reader sees.

The profiles in fixtures/profiles are small, hand-written inputs for the report
layer (not extraction results), with hostile article text in them.
"""

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from conftest import FIXTURES, read_pdf_links
from pypdf import PdfReader

from cityprofile.contract.state import code_hash
from cityprofile.pipeline.jobs import order_by_input_size, plan_jobs
from cityprofile.pipeline.workers import run_jobs
from cityprofile.contract.paths import CITY_NOTEBOOK


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("profiles")
    shutil.copytree(FIXTURES / "profiles", out, dirs_exist_ok=True)
    lines = []
    outcomes = run_jobs(plan_jobs(out), workers=2, report=lines.append)
    assert [o.status for o in outcomes] == ["built"] * 3, lines
    return out


def test_every_report_is_written(built):
    for name in ("xining", "dalian", "comparison"):
        for suffix in (".ipynb", ".html", ".pdf"):
            assert (built / name / f"{name}{suffix}").is_file()


def test_html_is_offline_script_free_and_hides_code(built):
    html = (built / "xining" / "xining.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "script-src 'none'" in html
    assert "<script" not in html.lower() and "mathjax" not in html.lower()
    assert not re.search(r'<link[^>]+href="https?:', html)
    assert "In&nbsp;[" not in html and "load_profile" not in html and "profiles_dir" not in html
    assert "<title>Xining: city profile</title>" in html
    # the page's own styles, and the sections' once, though every section's output carries them
    assert html.count("<style>") == 2 and html.count('<div class="cityprofile">') > 5
    # hostile text from the articles shows literally
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Special&lt;/b&gt; $5 million" in html and "$5 $6" in html


def test_table_of_contents_links_resolve(built):
    html = (built / "xining" / "xining.html").read_text(encoding="utf-8")
    targets = re.findall(r'<nav[^>]*class="toc".*?</nav>', html, re.S)[0]
    for anchor in re.findall(r'href="#([^"]+)"', targets):
        assert f'id="{anchor}"' in html


@pytest.mark.parametrize("name", ["xining", "comparison"])
def test_contents_and_footnotes_are_links_within_the_pdf_to_destinations_it_holds(built, name):
    html = (built / name / f"{name}.html").read_text(encoding="utf-8")
    sections = re.findall(r'href="#([^"]+)"', re.findall(r'<nav[^>]*class="toc".*?</nav>', html, re.S)[0])
    _, destinations, held = read_pdf_links(built / name / f"{name}.pdf")
    assert sections and set(sections) <= set(destinations)
    assert any("note-" in destination for destination in destinations), "footnote calls link to their notes"
    assert set(destinations) == held


def test_pdf_has_title_metadata_and_no_code(built):
    reader = PdfReader(built / "xining" / "xining.pdf")
    assert reader.metadata.title == "Xining: city profile"
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "import " not in text and "In [" not in text and "Traceback" not in text
    assert "<script>alert(1)</script>" in text and "$5 $6" in text
    assert "Page 1 of" in text
    bookmarks = _titles(reader.outline)
    assert bookmarks[0] == "Xining" and {"Industries", "Figures", "Sources"} <= set(bookmarks)


def _titles(outline) -> list[str]:
    return [t for item in outline for t in (_titles(item) if isinstance(item, list) else [item.title])]


def test_empty_section_says_so(built):
    html = (built / "dalian" / "dalian.html").read_text(encoding="utf-8")
    assert "No initiatives were found in the 1 article about Dalian." in html


def test_unchanged_rebuild_does_nothing_and_a_change_rebuilds_only_what_depends_on_it(built):
    assert [o.status for o in run_jobs(plan_jobs(built), workers=2, report=lambda _: None)] == ["cached"] * 3
    profile = built / "dalian" / "profile.json"
    data = json.loads(profile.read_text())
    data["articles"][0]["words"] += 1
    profile.write_text(json.dumps(data))
    lines = []
    outcomes = {o.job.name: o.status for o in run_jobs(plan_jobs(built), workers=2, report=lines.append)}
    assert outcomes == {"xining": "cached", "dalian": "built", "comparison": "built"}
    assert any(line.startswith("  dalian: built (profile data changed;") for line in lines), lines


def test_work_run_beside_the_reports_runs_once_and_its_error_stops_them_keeping_whole_reports(built, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    calls = []
    run_jobs(plan_jobs(out), workers=2, report=lambda _: None, meanwhile=lambda: calls.append("nothing stale"))
    run_jobs(plan_jobs(out), workers=2, force=True, report=lambda _: None, meanwhile=lambda: calls.append("stale"))
    assert calls == ["nothing stale", "stale"]

    def fill_the_disk():
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        run_jobs(plan_jobs(out), workers=2, force=True, report=lambda _: None, meanwhile=fill_the_disk)
    for name in ("xining", "dalian", "comparison"):
        pdf = (out / name / f"{name}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")


def test_the_comparison_starts_first_and_bigger_cities_before_smaller(built):
    # plan_jobs lists the comparison last; the fixture's Xining profile is bigger than Dalian's.
    jobs = plan_jobs(built)
    assert jobs[-1].name == "comparison"
    assert [j.name for j in order_by_input_size(jobs)] == ["comparison", "xining", "dalian"]


def test_failing_notebook_keeps_the_last_good_report_and_other_cities_build(built, tmp_path):
    broken = tmp_path / "city_profile.ipynb"
    nb = nbformat.read(CITY_NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("if city == 'xining':\n    raise RuntimeError('boom')"))
    nbformat.write(nb, broken)
    jobs = [j for j in plan_jobs(built, city_notebook=broken) if j.name != "comparison"]
    before = (built / "xining" / "xining.pdf").read_bytes()
    outcomes = {o.job.name: o for o in run_jobs(jobs, workers=2, report=lambda _: None)}
    assert outcomes["dalian"].status == "built"
    failure = outcomes["xining"]
    assert failure.status == "failed"
    assert "xining" in failure.reason and "city_profile.ipynb" in failure.reason
    assert "`if city == 'xining':`" in failure.reason and "RuntimeError: boom" in failure.reason
    assert (built / "xining" / "xining.failed.ipynb").is_file()
    assert (built / "xining" / "xining.pdf").read_bytes() == before
    assert not list((built / "xining").glob(".*.tmp"))


def test_exporter_is_registered_with_nbconvert_and_keeps_the_build_report(built, tmp_path):
    shutil.copytree(built / "dalian", tmp_path / "dalian")
    before = (tmp_path / "dalian" / "dalian.pdf").read_bytes()
    jupyter = Path(sys.executable).parent / "jupyter"
    result = subprocess.run([str(jupyter), "nbconvert", "--to", "cityprofile_pdf", str(tmp_path / "dalian" / "dalian.ipynb")],
                            check=True, capture_output=True, text=True)
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "dalian" / "dalian.pdf").read_bytes() == before
    pdf = tmp_path / "dalian" / "dalian.nbconvert.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "import " not in "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_editing_a_notebook_rebuilds_the_reports_that_use_it(built, tmp_path):
    edited = tmp_path / "city_profile.ipynb"
    nb = nbformat.read(CITY_NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("A closing remark."))
    nbformat.write(nb, edited)
    lines = []
    outcomes = {o.job.name: o.status for o in run_jobs(plan_jobs(built, city_notebook=edited), 2, report=lines.append)}
    assert outcomes == {"xining": "built", "dalian": "built", "comparison": "cached"}
    assert all("notebook changed" in line for line in lines if ": built" in line)


def test_jobs_pass_notebooks_an_absolute_profiles_folder(built, monkeypatch):
    monkeypatch.chdir(built.parent)
    jobs = plan_jobs(Path(built.name))
    assert all(job.parameters["profiles_dir"] == str(built) for job in jobs)


def test_a_reused_kernel_starts_each_notebook_with_a_clean_namespace(tmp_path):
    from cityprofile.pipeline.jobs import Job
    from cityprofile.pipeline.reports import execute_job

    first, second = tmp_path / "first.ipynb", tmp_path / "second.ipynb"
    # A report's last cell returns its HTML, which IPython keeps in Out and "_": the next report must not.
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("left_over = 1\n'x' * 1000")]), first)
    probe = "print('left_over' in dir(), len(Out), repr(_), sorted(n for n in dir() if not n.startswith('__')))"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(probe)]), second)
    execute_job(Job("first", "First", first, {}, tmp_path / "out"))
    nb = execute_job(Job("second", "Second", second, {}, tmp_path / "out"))
    left, outputs, last, names = nb.cells[-1].outputs[0]["text"].strip().split(" ", 3)
    assert (left, outputs, last) == ("False", "0", "''")
    assert "_name" not in names and "_empty" not in names and "_shell" not in names


def test_notebooks_share_the_kernel_and_one_client_until_a_notebook_kills_it(tmp_path):
    from cityprofile.contract.errors import ReportFailed
    from cityprofile.pipeline import kernels
    from cityprofile.pipeline.jobs import Job
    from cityprofile.pipeline.reports import execute_job

    def run(name, code):
        path = tmp_path / f"{name}.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)]), path)
        return execute_job(Job(name, name, path, {}, tmp_path / "out"))

    pid = "import os\nprint(os.getpid())"
    first = run("first", pid).cells[-1].outputs[0]["text"]
    client = kernels._warm.client()
    assert run("second", pid).cells[-1].outputs[0]["text"] == first and kernels._warm.client() is client
    assert client.channels_running
    with pytest.raises(ReportFailed, match="could not run"):
        run("dies", "import os\nos._exit(1)")
    # The next notebook gets a new kernel, reached by a new client; the old one's channels are closed.
    assert run("after", pid).cells[-1].outputs[0]["text"] != first and kernels._warm.client() is not client
    assert not client.channels_running


def test_a_new_kernel_has_the_report_modules_loaded_and_nothing_in_its_namespace(tmp_path, monkeypatch):
    from cityprofile.pipeline import kernels
    from cityprofile.pipeline.jobs import Job
    from cityprofile.pipeline.reports import execute_job

    # No kernel yet: the notebook runs in one just started, which is not reset first.
    monkeypatch.setattr(kernels, "_warm", None)
    probe = tmp_path / "probe.ipynb"
    code = "import sys\nprint('cityprofile.report.city_report' in sys.modules, [n for n in dir() if not n.startswith('_')])"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)]), probe)
    nb = execute_job(Job("probe", "Probe", probe, {}, tmp_path / "out"))
    loaded, names = nb.cells[-1].outputs[0]["text"].strip().split(" ", 1)
    assert loaded == "True"
    assert "cityprofile" not in names


def test_a_kernel_that_answered_once_is_asked_again_without_waiting_for_quiet(tmp_path, monkeypatch):
    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.utils import run_sync

    from cityprofile.pipeline import kernels
    from cityprofile.pipeline.jobs import Job
    from cityprofile.pipeline.reports import execute_job

    probe = tmp_path / "probe.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), probe)
    execute_job(Job("probe", "Probe", probe, {}, tmp_path / "out"))

    def full_wait(*_, **__):
        raise AssertionError("jupyter_client's wait, with its 0.2 s of listening for quiet, ran again")

    for name in ("wait_for_ready", "_async_wait_for_ready"):  # the first is the second, bound as the class is made
        monkeypatch.setattr(AsyncKernelClient, name, full_wait)
    client = kernels._warm.client()
    run_sync(client.wait_for_ready)(timeout=60)
    # And the kernel still runs notebooks.
    again = execute_job(Job("probe", "Probe", probe, {}, tmp_path / "out"))
    assert again.cells[0].outputs[0]["data"]["text/plain"] == "1"


def _readiness():
    from cityprofile.pipeline import kernels, reports

    answered = kernels._warm is not None and kernels._warm.client()._answered
    return answered, kernels._warm._resetter is not None, reports.load_html_exporter.cache_info().currsize


def test_a_build_process_has_its_kernel_answering_and_its_exporter_compiled_before_its_first_report():
    # All happen while the build extracts; in the first report they cost half a second.
    from cityprofile.pipeline.workers import worker_pool

    with worker_pool(1) as pool:
        assert pool.submit(_readiness).result(timeout=120) == (True, True, 1)


def _kernel_origin():
    from cityprofile.pipeline import kernels

    process = kernels._warm.provisioner.process
    with open(f"/proc/{process.pid}/stat", encoding="ascii") as stat:
        parent = int(stat.read().rsplit(")", 1)[1].split()[1])
    # A build process never imports the report modules itself: it has them from the server it was forked from.
    loaded = all(name in sys.modules for name in ("matplotlib", "pandas", "cityprofile.report.city_report"))
    return type(process).__name__, parent == os.getpid(), loaded


def test_a_build_process_is_forked_with_the_report_stack_loaded_and_forks_its_kernel_from_itself():
    from cityprofile.pipeline.workers import worker_pool

    with worker_pool(1) as pool:
        assert pool.submit(_kernel_origin).result(timeout=120) == ("ForkedProcess", True, True)


def test_a_process_with_threads_starts_its_kernel_as_a_new_python(tmp_path):
    # A forked kernel would get copies of the locks the other threads hold, and not the threads that release them.
    script = (
        "import os, threading\n"
        "from cityprofile.pipeline import kernels\n"
        "stop = threading.Event()\n"
        "threading.Thread(target=stop.wait).start()\n"
        "try:\n"
        "    kernels.start_kernel(os.getcwd(), fork=True)\n"
        "    kernels.await_kernel()\n"
        "    print(type(kernels._warm.provisioner.process).__name__)\n"
        "finally:\n"
        "    kernels.kill_kernel()\n"
        "    stop.set()\n"
    )
    result = _run_script(script, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Popen"


@pytest.mark.parametrize("modules", [
    # A build's kernels only read profiles; spaCy would cost each most of a second and a hundred megabytes.
    "cityprofile.notebook, cityprofile.report.city_report, cityprofile.report.comparison_report",
    # The command line: a build with nothing to do must not spend most of a second importing what it will not use.
    "cityprofile.cli",
])
def test_the_extraction_stack_is_loaded_only_when_something_is_extracted(modules):
    code = (f"import sys\nimport {modules}\n"
            "print(sorted(n for n in ('spacy', 'quantulum3', 'dateparser', 'jieba') if n in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _run_script(script, tmp_path, timeout=120, path=None):
    """Run Python code in a fresh process with its own temporary folder, and ``path`` first on every process's
    module path; return the result."""
    env = {**os.environ, "TMPDIR": str(tmp_path), **({"PYTHONPATH": str(path)} if path else {})}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout, env=env)


def test_a_worker_that_cannot_load_the_pdf_library_fails_its_jobs_instead_of_restarting_forever(built, tmp_path):
    # A WeasyPrint that fails to import, as it does where pango is missing, first on the path of every process:
    # the build processes are forked from a server that starts as a new Python.
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "weasyprint.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    script = (
        "from pathlib import Path\n"
        "from cityprofile.pipeline.jobs import plan_jobs\n"
        "from cityprofile.pipeline.workers import run_jobs\n"
        f"outcomes = run_jobs(plan_jobs(Path({str(built)!r})), 2, force=True, report=lambda _: None)\n"
        "print('\\n'.join(f'{o.status} {o.reason}' for o in outcomes))\n"
    )
    result = _run_script(script, tmp_path, path=shim)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all(line.startswith("failed ") for line in lines)
    assert all("could not be loaded" in line and "libpango" in line for line in lines)


def test_stopping_the_workers_early_shuts_their_kernels_down(tmp_path):
    script = (
        "import tempfile, time\n"
        "from pathlib import Path\n"
        "from cityprofile.pipeline.workers import worker_pool\n"
        "try:\n"
        "    with worker_pool(2):\n"
        "        deadline = time.monotonic() + 120  # a loaded machine takes far longer than 4 s to start a kernel\n"
        "        sockets = lambda: list(Path(tempfile.gettempdir()).glob('cityprofile-*'))\n"
        "        while len(sockets()) < 10 and time.monotonic() < deadline:\n"
        "            time.sleep(0.2)\n"
        "        print(len(sockets()), flush=True)\n"
        "        raise RuntimeError('extraction found nothing')\n"
        "except RuntimeError:\n"
        "    pass\n"
    )
    result = _run_script(script, tmp_path)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == 2 * 5, "each kernel listens on five sockets while it runs"
    time.sleep(1)
    assert not list(tmp_path.glob("cityprofile-*")), "a kernel outlived its build"
    assert "Parent appears to have exited" not in result.stderr


def test_a_rebuild_says_forced_and_a_first_build_says_only_that(tmp_path):
    from cityprofile.pipeline.jobs import job_key, stale_reason

    shutil.copytree(FIXTURES / "profiles", tmp_path, dirs_exist_ok=True)
    job, code = plan_jobs(tmp_path)[0], code_hash()
    assert stale_reason(job, code, force=True) == "first build"
    # As a finished build leaves it: its outputs, and the stamp of what they were built from.
    for path in (job.executed, job.output(".html"), job.output(".pdf")):
        path.write_text("built")
    (job.out_dir / f".{job.name}.key").write_text(json.dumps(job_key(job, code)))
    assert stale_reason(job, code) is None
    assert stale_reason(job, code, force=True) == "forced"


def _job(out, name, **notebooks):
    return next(job for job in plan_jobs(out, **notebooks) if job.name == name)


def test_a_notebook_edited_while_its_report_builds_makes_the_next_build_rebuild_it(built, tmp_path, monkeypatch):
    from cityprofile.pipeline import jobs, reports

    notebook = tmp_path / CITY_NOTEBOOK.name
    shutil.copy(CITY_NOTEBOOK, notebook)
    job, code = _job(built, "dalian", city_notebook=notebook), code_hash()
    execute = reports.execute_job

    def execute_then_edit(job):
        executed = execute(job)  # the build has read the notebook; now the user saves an edit
        edited = nbformat.read(notebook, as_version=4)
        edited.cells.append(nbformat.v4.new_markdown_cell("A remark saved while the report was being built."))
        nbformat.write(edited, notebook)
        return executed

    monkeypatch.setattr(reports, "execute_job", execute_then_edit)
    assert reports.run_job(job, code).status == "built"
    assert jobs.stale_reason(job, code) == "notebook changed"


def test_a_report_up_to_date_again_clears_the_failed_and_running_notebooks_beside_it(built, tmp_path):
    broken = tmp_path / CITY_NOTEBOOK.name
    nb = nbformat.read(CITY_NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('boom')"))
    nbformat.write(nb, broken)
    run_jobs([_job(built, "xining")], 1, report=print)  # a good report, whatever other tests left
    assert [o.status for o in run_jobs([_job(built, "xining", city_notebook=broken)], 1, report=print)] == ["failed"]
    failed, running = built / "xining" / "xining.failed.ipynb", built / "xining" / ".xining.running.ipynb"
    running.write_text('{"cells": [')  # as a build killed mid-save leaves it
    assert failed.is_file()
    # The notebook is fixed (here: back as it was), so the last good report is current again.
    assert [o.status for o in run_jobs([_job(built, "xining")], 1, report=print)] == ["cached"]
    assert not failed.exists() and not running.exists()


def test_a_full_disk_fails_that_report_keeps_the_last_good_one_and_leaves_no_partial_file(built, monkeypatch):
    import errno

    from cityprofile.pipeline import reports

    job, code = _job(built, "dalian"), code_hash()
    before = {suffix: job.output(suffix).read_bytes() for suffix in (".html", ".pdf")}
    write_text = Path.write_text

    def write_until_full(path, data, *args, **kwargs):
        if ".html." not in path.name:
            return write_text(path, data, *args, **kwargs)
        write_text(path, data[: len(data) // 2], *args, **kwargs)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(Path, "write_text", write_until_full)
    outcome = reports.run_job(job, code, "forced")
    assert outcome.status == "failed"
    assert outcome.reason == (f"dalian: could not write {job.output('.html')} (No space left on device); "
                              "its last good report is kept")
    assert {suffix: job.output(suffix).read_bytes() for suffix in (".html", ".pdf")} == before
    assert not list(job.out_dir.glob(".*.tmp")) and not list(job.out_dir.glob(".*.running.ipynb"))


def test_a_10000_character_word_wraps_inside_its_column_of_the_pdf():
    import pandas as pd

    from cityprofile.pipeline.renderers import ReportHTMLExporter, html_to_pdf
    from cityprofile.report.markup import render_table

    word = "Kunming" * 1428 + "Xian"
    table = render_table(pd.DataFrame({"Initiative": ["Strategic cooperation framework agreements"],
                                       "Date": ["not stated"], "Partners": [word], "Source": ["[4]"]}))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": str(table), "text/plain": ""})])])
    markup, _ = ReportHTMLExporter().from_notebook_node(nb)
    drawn = []  # (text, x) of every text drawn

    for page in PdfReader(io.BytesIO(html_to_pdf(markup))).pages:
        width = float(page.mediabox.width)
        page.extract_text(visitor_text=lambda text, matrix, text_matrix, *_: drawn.append(
            (text.strip(), matrix[0] * text_matrix[4] + matrix[4])))
    source = [x for text, x in drawn if text == "[4]"]
    assert source and source[0] < width, "the Source column is on the page"
    # Page footers and the table's repeated head come between the pages of the word.
    cells = re.sub(r"\s", "", "".join(text for text, _ in drawn))
    cells = re.sub(r"\[4\]|Page\d+of\d+|InitiativeDatePartnersSource", "", cells)
    assert word in cells, "every character of the word is on the page"


def test_ctrl_c_while_the_fork_server_loads_prints_one_line(tmp_path):
    # Ctrl-C reaches the whole process group, the fork server importing the report stacks among it.
    command = [sys.executable, "-m", "cityprofile", "build", "--seeds", str(FIXTURES.parent.parent / "seeds"),
               "--out", str(tmp_path / "out"), "--jobs", "2"]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    time.sleep(1.0)
    os.killpg(process.pid, signal.SIGINT)
    _, errors = process.communicate(timeout=120)
    assert process.returncode in (0, 130), errors
    assert "Traceback" not in errors and "Exception in thread" not in errors, errors


def _server_pid():
    import multiprocessing.forkserver

    return multiprocessing.forkserver._forkserver._forkserver_pid


def test_the_fork_server_is_started_again_when_the_package_code_changes(monkeypatch):
    # A rebuild in `cityprofile watch` after an edit must not make reports with the modules loaded before it.
    from cityprofile.pipeline import workers

    monkeypatch.setattr(workers, "code_hash", lambda: "before")
    workers._fork_server()
    first = _server_pid()
    workers._fork_server()
    assert _server_pid() == first
    monkeypatch.setattr(workers, "code_hash", lambda: "after")
    workers._fork_server()
    assert _server_pid() not in (None, first)

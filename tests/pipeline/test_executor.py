"""The executor: parallel extraction as serial, a worker killed by a signal, and a Dask cluster."""

import shutil
import subprocess
import sys
import types
from contextlib import contextmanager

import nbformat
import pytest
from conftest import FIXTURES, SEEDS

import cityprofile.pipeline.build as pipeline
import cityprofile.extract.assemble as assemble
from cityprofile.pipeline.jobs import plan_jobs
from cityprofile.pipeline.workers import run_jobs
from cityprofile.pipeline.build import Options, build, extract_alone
from cityprofile.pipeline.executor import stop_workers
from cityprofile.contract.errors import ClusterError
from cityprofile.contract.paths import CITY_NOTEBOOK


def _outputs(out):
    """The profiles and index: every JSON file outside the build's hidden caches and stamps."""
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.json"))
            if not any(part.startswith(".") for part in p.relative_to(out).parts)}


@pytest.fixture
def always_parallel(monkeypatch):
    """Send even the seeds' few articles to the workers, as a large corpus's would be."""
    monkeypatch.setattr(assemble, "PARALLEL_FROM", 2)


def test_parallel_extraction_writes_the_same_bytes_as_serial(tmp_path, always_parallel):
    extract_alone(SEEDS, tmp_path / "serial", Options(workers=1))
    extract_alone(SEEDS, tmp_path / "parallel", Options(workers=2))
    serial, parallel = _outputs(tmp_path / "serial"), _outputs(tmp_path / "parallel")
    assert len(serial) > 2  # the index and a profile per city
    assert parallel == serial


def test_many_articles_are_extracted_by_processes_that_end_before_the_reports_start(tmp_path, always_parallel,
                                                                                   monkeypatch):
    # A report worker that had extracted would hold the extraction stack through every report: at 50 cities
    # the build's peak went over a gigabyte.
    events, real_pool, real_run = [], pipeline.process_pool, pipeline.run_jobs

    @contextmanager
    def extractors(workers, **kwargs):
        events.append("extractors start")
        with real_pool(workers, **kwargs) as pool:
            yield pool
        events.append("extractors end")

    monkeypatch.setattr(pipeline, "process_pool", extractors)
    monkeypatch.setattr(pipeline, "run_jobs", lambda *args, **kwargs: events.append("reports") or real_run(*args,
                                                                                                        **kwargs))
    assert build(SEEDS, tmp_path / "out", Options(workers=2, report=lambda _: None)) == 0
    assert events == ["extractors start", "extractors end", "reports"]
    assert (tmp_path / "out" / "xining" / "xining.pdf").is_file()


def _killing_notebook(tmp_path, victim):
    """The city notebook, with a first cell that kills the build process running it for one city."""
    nb = nbformat.read(CITY_NOTEBOOK, as_version=4)
    parameters = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    kill = (f"import os, signal\nif city == {victim!r}:\n"
            "    os.kill(os.getppid(), signal.SIGKILL)  # the build process, as the out-of-memory killer would\n"
            "    os._exit(1)")
    nb.cells.insert(parameters + 1, nbformat.v4.new_code_cell(kill))
    path = tmp_path / "notebooks" / CITY_NOTEBOOK.name
    path.parent.mkdir()
    nbformat.write(nb, path)
    return path


def test_a_killed_worker_fails_its_city_and_the_other_reports_are_built(tmp_path):
    out = tmp_path / "profiles"
    shutil.copytree(FIXTURES / "profiles", out)
    jobs = plan_jobs(out, city_notebook=_killing_notebook(tmp_path, "dalian"))
    lines = []
    outcomes = {o.job.name: o for o in run_jobs(jobs, workers=2, report=lines.append)}
    assert outcomes["dalian"].status == "failed", lines
    assert "dalian" in outcomes["dalian"].reason and "killed" in outcomes["dalian"].reason
    assert outcomes["xining"].status == "built" and outcomes["comparison"].status == "built", lines
    assert any(line.startswith("  dalian: FAILED") for line in lines)


def test_a_build_with_a_killed_worker_finishes_with_a_non_zero_status(tmp_path, monkeypatch):
    notebook = _killing_notebook(tmp_path, "xining")
    monkeypatch.setattr(pipeline, "plan_jobs", lambda out: plan_jobs(out, city_notebook=notebook))
    lines = []
    status = build(SEEDS, tmp_path / "profiles", Options(workers=2, report=lines.append, warn=lines.append))
    assert status == 1
    assert any(line.startswith("  xining: FAILED") and "killed" in line for line in lines), lines
    assert (tmp_path / "profiles" / "dalian" / "dalian.pdf").is_file()
    assert lines[-1].startswith("build:") and "1 failed" in lines[-1]


def test_the_seeds_build_on_a_dask_cluster(tmp_path, always_parallel):
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "profiles"
    # One thread per worker: a worker has one kernel, so it builds one report at a time anyway.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        lines = []
        status = build(SEEDS, out, Options(workers=2, report=lines.append, warn=lines.append,
                                           scheduler=cluster.scheduler_address))
    assert status == 0, lines
    assert any(line.startswith("dask:") and "reports built there" in line for line in lines)
    for name in ["comparison", *(e.name for e in out.iterdir() if (e / "profile.json").is_file())]:
        assert (out / name / f"{name}.pdf").is_file(), lines
    serial = tmp_path / "serial"
    extract_alone(SEEDS, serial, Options(workers=1))
    assert _outputs(out) == _outputs(serial)  # extracted on the cluster, as here


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("distributed")
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build(SEEDS, tmp_path / "profiles", Options(workers=1, report=lambda _: None, scheduler="tcp://127.0.0.1:9"))


def test_stopping_a_worker_that_has_just_ended_is_no_error():
    # A worker may end between the pool's "is it alive?" and the signal: the build then failed with
    # "No such process" instead of naming its real problem (an empty seeds folder, seen in a test run).
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()

    class JustEnded:
        pid = ended.pid

        def is_alive(self):
            return True

    pool = types.SimpleNamespace(_processes={ended.pid: JustEnded()})
    stop_workers(pool)

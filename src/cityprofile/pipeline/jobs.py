"""The execute and render stages, and the whole build with its cache.

Each output is keyed on a hash of everything it depends on (inputs, notebook,
package code and data, parameters); an output whose key has not changed is
not rebuilt. Files are written under a temporary name and renamed, so a
failed or interrupted build never leaves a half-written report, and a
city's last good report stays in place when its notebook fails.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from ..contract.errors import ReportFailed
from ..contract.files import write_atomic
from ..contract.state import code_hash, hash_files, read_state, write_state
from ..contract.outputs import COMPARISON, city_folder, report_stamp
from ..contract.paths import CITY_NOTEBOOK, COMPARISON_NOTEBOOK, NOTEBOOKS
from ..contract.profiles import INDEX_NAME, read_index
from ..report.formatting import format_comparison_title
from .executor import process_pool, stop_workers


@dataclass
class Job:
    """One report: a notebook run with parameters into a folder."""

    name: str  # city slug, or "comparison"
    title: str
    notebook: Path
    parameters: dict
    out_dir: Path
    inputs: list[Path] = field(default_factory=list)

    @property
    def executed(self) -> Path:
        """The executed notebook."""
        return self.out_dir / f"{self.name}.ipynb"

    def output(self, suffix: str) -> Path:
        """The rendered report with this suffix (``.html`` or ``.pdf``)."""
        return self.out_dir / f"{self.name}{suffix}"


@dataclass
class Outcome:
    """What happened to one job."""

    job: Job
    status: str  # built | cached | failed
    seconds: dict[str, float] = field(default_factory=dict)
    reason: str = ""
    problems: list[str] = field(default_factory=list)  # warnings: sections that show a notice instead


def hash_notebook(path: Path) -> str:
    """Return a hash of what a notebook runs and says: its cells' kinds, sources and tags, not their outputs.

    A session in JupyterLab that only ran the cells and saved changes no report.
    """
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        content = [[c["cell_type"], "".join(c["source"]), c.get("metadata", {}).get("tags", [])] for c in cells]
    except (OSError, ValueError, KeyError, TypeError):
        return hash_files([path])  # not a notebook as expected: its bytes, and papermill will say what is wrong
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def plan_jobs(out: Path, city_notebook: Path = CITY_NOTEBOOK, comparison_notebook: Path = COMPARISON_NOTEBOOK) -> list[Job]:
    """Return one job per city in the index of ``out``, plus the comparison."""
    out = out.resolve()  # notebooks run in their own folder, so a relative path would miss
    index = read_index(out)
    jobs = [
        Job(entry["slug"], f"{entry['city']}: city profile", city_notebook,
            {"city": entry["slug"], "profiles_dir": str(out)}, out / entry["slug"],
            [out / entry["slug"] / "profile.json"])
        for entry in index
    ]
    slugs = [entry["slug"] for entry in index]
    jobs.append(Job(COMPARISON, format_comparison_title([e["city"] for e in index]), comparison_notebook,
                    # No cities named: every city, or past a dozen a league table and the dozen with most evidence.
                    {"cities": [], "profiles_dir": str(out)}, out / COMPARISON,
                    [out / INDEX_NAME] + [out / s / "profile.json" for s in slugs]))
    return jobs


def job_key(job: Job, code: str) -> dict[str, str]:
    """Return a hash per thing a job's outputs depend on, so a rebuild can say why."""
    return {
        "profile data": hash_files(job.inputs),
        "notebook": hash_notebook(job.notebook),
        "package code or data": code,
        "parameters": hashlib.sha256(json.dumps([job.parameters, job.title], sort_keys=True).encode()).hexdigest(),
    }


def _changes(stamp: Path, key: dict[str, str]) -> list[str]:
    """Return what changed since the stamp was written; ``["first build"]`` without one."""
    saved = read_state(stamp)
    if not saved:
        return ["first build"]
    return [f"{name} changed" for name, value in key.items() if saved.get(name) != value]


def _stamp(job: Job) -> Path:
    return report_stamp(job.out_dir)


def _saved_problems(job: Job) -> list[str]:
    """Return the warnings of the build that made a job's current outputs, so a cached build repeats them."""
    return read_state(_stamp(job), lambda saved: all(isinstance(p, str) for p in saved["problems"])).get("problems", [])


def _leftovers(job: Job) -> list[Path]:
    """Return the notebooks a failed or interrupted run leaves beside a report."""
    return [job.out_dir / f".{job.name}.running.ipynb", job.out_dir / f"{job.name}.failed.ipynb"]


def clear_leftovers(job: Job) -> None:
    """Delete a failed or half-written notebook once the report beside it is current: it is about an older run."""
    for path in _leftovers(job):
        path.unlink(missing_ok=True)


def execute_job(job: Job):
    """Run the job's notebook with papermill; raise ReportFailed naming the cell that failed."""
    # Imported here, as in render_job: they take a second to import, and a
    # build where nothing changed must not pay for them.
    import papermill

    from .kernels import warm_kernel

    city_folder(job.out_dir.parent, job.out_dir.name)  # made and marked, or refused when the build did not make it
    # papermill writes the notebook here, with its error, when a cell fails; it then becomes ".failed".
    running, failed = _leftovers(job)
    failed.unlink(missing_ok=True)
    try:
        nb = papermill.execute_notebook(
            _as_written(job.notebook), _as_written(running), parameters=job.parameters, kernel_name="python3",
            progress_bar=False, km=warm_kernel(str(job.notebook.parent)),
            # Saving after every cell cost a tenth of a report's run time.
            request_save_on_cell_execute=False,
        )
    except papermill.PapermillExecutionError as error:
        running.replace(failed)
        raise ReportFailed(
            f"{job.name}: {job.notebook.name} failed in cell {error.cell_index} of the executed notebook, "
            f"`{error.source.strip().splitlines()[0]}` ({error.ename}: {error.evalue}); "
            f"the failed notebook is kept at {failed}"
        ) from error
    except Exception as error:  # kernel death, bad notebook JSON, a full disk...: still one city's failure
        running.unlink(missing_ok=True)  # cut short, it would only mislead
        raise ReportFailed(f"{job.name}: {job.notebook} could not run ({type(error).__name__}: {error})") from error
    running.unlink(missing_ok=True)
    nb.metadata["title"] = job.title
    return nb


def _as_written(path: Path) -> str:
    """A path for papermill, which formats paths with the parameters: "{2024}" in a folder's name stays as it is."""
    return str(path).replace("{", "{{").replace("}", "}}")


def render_job(job: Job, nb=None) -> dict[str, float]:
    """Render the job's executed notebook to HTML, and that HTML to PDF; return seconds per format."""
    import nbformat

    from .exporter import ReportHTMLExporter, html_to_pdf

    if nb is None:
        nb = nbformat.read(job.executed, as_version=4)
    seconds = {}
    started = time.perf_counter()
    try:
        markup, _ = ReportHTMLExporter().from_notebook_node(nb)
        seconds["html"] = time.perf_counter() - started
        started = time.perf_counter()
        pdf = html_to_pdf(markup)
        seconds["pdf"] = time.perf_counter() - started
    except Exception as error:  # any exporter error: keep the last good report
        raise ReportFailed(f"{job.name}: rendering {job.executed} failed ({type(error).__name__}: {error})") from error
    write_atomic(job.output(".html"), markup)
    write_atomic(job.output(".pdf"), pdf)
    return seconds


def stale_reason(job: Job, code: str, force: bool = False) -> str | None:
    """Return why a job must be (re)built, or None when its outputs are up to date."""
    changes = _changes(_stamp(job), job_key(job, code))
    missing = [p.name for p in (job.executed, job.output(".html"), job.output(".pdf")) if not p.is_file()]
    if not (force or changes or missing):
        return None
    if changes == ["first build"]:
        return changes[0]  # nothing to force, and nothing else to say
    changes += [f"{name} missing" for name in missing]
    return ", ".join(["forced"] * force + changes)


def run_job(job: Job, code: str, reason: str = "") -> Outcome:
    """Execute and render one report, then stamp it with the key its inputs had when it started.

    An input changed while the report is built then makes the next build rebuild it. A section
    that showed a notice instead of its content is a warning naming the city and section.
    """
    import nbformat

    from ..report.markup import find_failed_sections

    key = job_key(job, code)
    started = time.perf_counter()
    try:
        nb = execute_job(job)
        seconds = {"execute": time.perf_counter() - started}
        problems = [f"warning: {job.name}: the {failure['section']} section could not be drawn ({failure['error']}); "
                    f"the report shows a notice in its place" for failure in find_failed_sections(nb)]
        write_atomic(job.executed, nbformat.writes(nb))
        seconds.update(render_job(job, nb))
        write_state(_stamp(job), {**key, "problems": problems})
    except ReportFailed as error:
        return Outcome(job, "failed", reason=str(error))
    except OSError as error:  # a full disk or a read-only folder: this output fails, the build goes on
        return Outcome(job, "failed", reason=f"{job.name}: could not write {error.filename} ({error.strerror}); "
                                             "its last good report is kept")
    clear_leftovers(job)
    return Outcome(job, "built", seconds, reason, problems)


def order_by_input_size(jobs: list[Job]) -> list[Job]:
    """Return the jobs by the size of their inputs, largest first.

    The comparison reads every profile and takes longest; started first, it
    runs alongside the cities instead of alone at the end.
    """
    return sorted(jobs, key=lambda job: -sum(path.stat().st_size for path in job.inputs if path.is_file()))


def run_jobs(jobs: list[Job], workers: int, force: bool = False, report=print,
             pool: Executor | None = None) -> list[Outcome]:
    """Build the stale jobs in parallel processes; report one line per finished job.

    ``pool`` is an executor started ahead of time (a :func:`worker_pool`, or
    a Dask cluster's); without one, a pool is started here if any job is
    stale. A pool that turns out not to be needed is stopped at once rather
    than waited for.
    """
    code = code_hash()
    outcomes, stale = [], []
    for job in order_by_input_size(jobs):
        reason = stale_reason(job, code, force)
        if reason is None:
            clear_leftovers(job)
            outcomes.append(Outcome(job, "cached", problems=_saved_problems(job)))
            report(describe(outcomes[-1]))
        else:
            stale.append((job, code, reason))
    if not stale:
        if isinstance(pool, ProcessPoolExecutor):
            stop_workers(pool)
        return outcomes
    with ExitStack() as stack:
        if pool is None:
            pool = stack.enter_context(worker_pool(min(workers, len(stale))))
        broken = _run_on(pool, stale, outcomes, report)
    while broken:
        # A build process died (a signal, the out-of-memory killer), and the pool with it; which of its jobs
        # it was running cannot be told apart. One worker runs them again in order: the first to break it is that job.
        with worker_pool(1) as single:
            broken = _run_on(single, broken, outcomes, report)
        if broken:
            job = broken.pop(0)[0]
            outcomes.append(Outcome(job, "failed", reason=(
                f"{job.name}: the process building this report was killed (by a signal, such as the "
                "out-of-memory killer's); its last good report is kept")))
            report(describe(outcomes[-1]))
    return outcomes


def _run_on(pool: Executor, work: list[tuple], outcomes: list[Outcome], report) -> list[tuple]:
    """Run jobs on ``pool``, adding an outcome per job; return those a dead worker took down, in order."""
    futures = {pool.submit(_run_job, arguments): arguments for arguments in work}
    broken = set()
    for future in as_completed(futures):
        job = futures[future][0]
        try:
            outcome = future.result()
        except BrokenProcessPool:
            broken.add(future)
            continue
        except Exception as error:  # noqa: BLE001 -- a cluster's worker lost, or the result not sent back
            outcome = Outcome(job, "failed", reason=f"{job.name}: its build process failed "
                                                    f"({type(error).__name__}: {error})")
        outcomes.append(outcome)
        report(describe(outcome))
    return [arguments for future, arguments in futures.items() if future in broken]


def worker_pool(workers: int):
    """Start build processes, each with its kernel started and the report stack imported.

    Started before extraction, they get ready while it runs. On Ctrl-C or
    an error they are stopped at once: outputs are renamed into place whole,
    so killing a worker mid-job leaves the last good report, never half of one.
    """
    return process_pool(workers, initializer=_prepare_worker)


# Why this build process could not load the render stack, if it could not.
_unready: str | None = None


def _prepare_worker() -> None:
    # Nothing here may raise: it would break the pool, and every job with it.
    # What fails is kept, and fails each job this worker is given instead.
    global _unready
    # Ctrl-C is left to the parent, which stops the workers without a traceback from each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # stop_workers sends SIGTERM, which would leave the kernel running.
    signal.signal(signal.SIGTERM, _stop)
    from .kernels import start_kernel

    try:
        # First, so the kernel boots while this process imports the render stack.
        start_kernel(str(NOTEBOOKS))
    except Exception:  # noqa: BLE001
        pass  # the first job starts a kernel again, and reports why it cannot
    # nbformat imports jsonschema, which imports rfc3987_syntax if it can, and that
    # builds some 35 parsers as it loads: 0.85 s per process (python-jsonschema/
    # jsonschema#1428) for the "iri" formats, which no notebook schema uses.
    sys.modules.setdefault("rfc3987_syntax", None)
    try:
        import papermill  # noqa: F401
        import weasyprint  # noqa: F401

        from . import exporter  # noqa: F401
    except Exception as error:  # noqa: BLE001
        _unready = f"{type(error).__name__}: {error}"


def _stop(*_) -> None:
    # Not imported here: SIGTERM can come while the initializer is still importing .kernels, and importing it
    # again from the handler failed ("cannot import name 'kill_kernel'"). Until it is loaded, no kernel runs.
    kill_kernel = getattr(sys.modules.get(f"{__package__}.kernels"), "kill_kernel", None)
    if kill_kernel is not None:
        kill_kernel()
    # At once, as SIGTERM's default would: raising SystemExit instead could land
    # inside the event loop of a running notebook and hang the worker there.
    os._exit(1)


# A Dask worker runs tasks in threads, and a process has one kernel: its reports take turns.
_one_report_at_a_time = threading.Lock()


def _run_job(arguments: tuple) -> Outcome:
    job = arguments[0]
    if _unready:
        reason = f"{job.name}: the notebook and PDF libraries could not be loaded ({_unready})"
        return Outcome(job, "failed", reason=reason)
    with _one_report_at_a_time:
        return run_job(*arguments)


def describe(outcome: Outcome) -> str:
    """Return the progress line for one finished job."""
    name = outcome.job.name
    if outcome.status == "cached":
        return f"  {name}: up to date"
    if outcome.status == "failed":
        return f"  {name}: FAILED: {outcome.reason}"
    times = ", ".join(f"{stage} {secs:.1f}s" for stage, secs in outcome.seconds.items())
    return f"  {name}: built ({outcome.reason}; {times}) -> {outcome.job.output('.pdf')}"

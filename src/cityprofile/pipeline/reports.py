"""Running one report: its notebook executed with papermill in a warm kernel, then rendered to HTML and PDF.

Files are written under a temporary name and renamed, so a failed or
interrupted run never leaves a half-written report, and a city's last good
report stays in place when its notebook fails.
"""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

from ..contract.errors import ReportFailed
from ..contract.files import write_atomic
from ..contract.outputs import city_folder
from ..contract.state import write_state
from .jobs import Job, Outcome, clear_leftovers, job_key, leftovers, stamp_of


def execute_job(job: Job):
    """Run the job's notebook with papermill; raise ReportFailed naming the cell that failed."""
    # Imported here, as in render_job: they take a second to import, and a
    # build where nothing changed must not pay for them.
    import papermill

    from .kernels import warm_kernel

    city_folder(job.out_dir.parent, job.out_dir.name)  # made and marked, or refused when the build did not make it
    # papermill writes the notebook here, with its error, when a cell fails; it then becomes ".failed".
    running, failed = leftovers(job)
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


@cache
def load_html_exporter():
    """Return this process's HTML exporter, its templates compiled: each new one compiles them again."""
    import nbformat

    from .renderers import ReportHTMLExporter

    exporter = ReportHTMLExporter()
    # Templates compile at the first render: done here, on one heading, a build process does it before its first
    # report (0.18 s), while the build extracts.
    exporter.from_notebook_node(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## Contents")]))
    return exporter


def render_job(job: Job, nb=None) -> dict[str, float]:
    """Render the job's executed notebook to HTML, and that HTML to PDF; return seconds per format."""
    import nbformat

    from .renderers import html_to_pdf

    if nb is None:
        nb = nbformat.read(job.executed, as_version=4)
    seconds = {}
    started = time.perf_counter()
    try:
        markup, _ = load_html_exporter().from_notebook_node(nb)
        seconds["html"] = time.perf_counter() - started
        started = time.perf_counter()
        pdf = html_to_pdf(markup)
        seconds["pdf"] = time.perf_counter() - started
    except Exception as error:  # any exporter error: keep the last good report
        raise ReportFailed(f"{job.name}: rendering {job.executed} failed ({type(error).__name__}: {error})") from error
    write_atomic(job.output(".html"), markup)
    write_atomic(job.output(".pdf"), pdf)
    return seconds


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
        write_state(stamp_of(job), {**key, "problems": problems})
    except ReportFailed as error:
        return Outcome(job, "failed", reason=str(error))
    except OSError as error:  # a full disk or a read-only folder: this output fails, the build goes on
        return Outcome(job, "failed", reason=f"{job.name}: could not write {error.filename} ({error.strerror}); "
                                             "its last good report is kept")
    clear_leftovers(job)
    return Outcome(job, "built", seconds, reason, problems)

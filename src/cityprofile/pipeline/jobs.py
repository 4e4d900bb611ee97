"""The reports a build makes, and which of them are stale.

A report is a job: a notebook run with parameters into a folder. Each job's
outputs are keyed on a hash of everything they depend on (inputs, notebook,
package code and data, parameters), kept in a stamp beside them; a job whose
key has not changed is not run again, and a rebuild says what changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..contract.outputs import COMPARISON, report_leftovers, report_stamp
from ..contract.paths import CITY_NOTEBOOK, COMPARISON_NOTEBOOK
from ..contract.profiles import INDEX_NAME, read_index
from ..contract.state import hash_files, read_state
from ..report.formatting import format_comparison_title

Status = Literal["built", "cached", "failed"]


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
    status: Status
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


def stamp_of(job: Job) -> Path:
    """Return the file that keeps the key a job's outputs were made with, and their warnings."""
    return report_stamp(job.out_dir)


def saved_problems(job: Job) -> list[str]:
    """Return the warnings of the build that made a job's current outputs, so a cached build repeats them."""
    return read_state(stamp_of(job), lambda saved: all(isinstance(p, str) for p in saved["problems"])).get("problems", [])


def leftovers(job: Job) -> list[Path]:
    """Return the notebooks a failed or interrupted run leaves beside a report."""
    return report_leftovers(job.out_dir)


def clear_leftovers(job: Job) -> None:
    """Delete a failed or half-written notebook once the report beside it is current: it is about an older run."""
    for path in leftovers(job):
        path.unlink(missing_ok=True)


def stale_reason(job: Job, code: str, force: bool = False) -> str | None:
    """Return why a job must be (re)built, or None when its outputs are up to date."""
    changes = _changes(stamp_of(job), job_key(job, code))
    missing = [p.name for p in (job.executed, job.output(".html"), job.output(".pdf")) if not p.is_file()]
    if not (force or changes or missing):
        return None
    if changes == ["first build"]:
        return changes[0]  # nothing to force, and nothing else to say
    changes += [f"{name} missing" for name in missing]
    return ", ".join(["forced"] * force + changes)


def order_by_input_size(jobs: list[Job]) -> list[Job]:
    """Return the jobs by the size of their inputs, largest first.

    The comparison reads every profile and takes longest; started first, it
    runs alongside the cities instead of alone at the end.
    """
    return sorted(jobs, key=lambda job: -sum(path.stat().st_size for path in job.inputs if path.is_file()))


def describe(outcome: Outcome) -> str:
    """Return the progress line for one finished job."""
    name = outcome.job.name
    if outcome.status == "cached":
        return f"  {name}: up to date"
    if outcome.status == "failed":
        return f"  {name}: FAILED: {outcome.reason}"
    times = ", ".join(f"{stage} {secs:.1f}s" for stage, secs in outcome.seconds.items())
    return f"  {name}: built ({outcome.reason}; {times}) -> {outcome.job.output('.pdf')}"

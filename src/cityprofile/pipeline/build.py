"""The stages joined up: extract (cached), then a report per city and the comparison."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import sys
import time
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..contract.errors import ExtractionFailed
from ..contract.outputs import EXTRACT_STAMP, LOCK, claim_output
from ..contract.paths import CORRECTIONS
from ..contract.state import code_hash, read_state, write_state
from ..extract.assemble import extracts_in_parallel
from ..extract.cache import ArticleCache
from ..extract.inventory import Inventory, take_inventory
from ..extract.saved import extract_and_save, read_fingerprints
from ..report.formatting import plural
from .correct import correct_stage, summarise
from .executor import cluster_executor, process_pool, shares_folder
from .exports import export_stage
from .jobs import Outcome, plan_jobs
from .workers import run_jobs, worker_pool



def to_stderr(message: str) -> None:
    """Print a warning or error line on stderr at once."""
    print(message, file=sys.stderr, flush=True)


@contextmanager
def hold_profiles(out: Path, warn=to_stderr, force_out: bool = False):
    """Hold ``out`` for this process alone: a second build into it waits here until the first ends.

    ``out`` must be a folder the build may write into (:func:`outputs.claim_output`; ``force_out`` takes one that
    holds other files too).

    The lock file says the pid of the last build to hold it. The lock itself is the kernel's (flock):
    it ends with the process that held it, so a lock left by a killed build is simply taken over.
    """
    claim_output(out, force_out)
    path = out / LOCK
    try:
        # Never through a link: the pid would be written over whatever file it points to.
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OSError(error.errno, "is a symbolic link; the build keeps its lock only in a file of its own; "
                          "remove the link", str(path)) from None
        raise
    with open(descriptor, "r+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            warn(f"waiting: another build (pid {lock.read().strip() or 'unknown'}) is writing into {out}; "
                 "this one starts when it ends")
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            # Written over the last holder's pid, never emptied: on a full disk the build still gets
            # as far as each report, and says which one it could not write.
            lock.seek(0)
            lock.write(f"{os.getpid()}\n")
            lock.truncate()
            lock.flush()
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(path)) from error
        yield


@dataclass(frozen=True)
class Options:
    """How a build, or its extract stage alone, runs: besides the seeds it reads and the folder it writes."""

    corrections: Path = CORRECTIONS  # the analyst's corrections to apply
    workers: int = 1  # processes extracting articles and building reports
    force: bool = False  # redo every stage, cached or not
    strict: bool = False  # a warning makes the build fail
    scheduler: str | None = None  # a Dask scheduler's address, to run there instead of in local processes
    report: Callable[[str], None] = print  # progress lines
    warn: Callable[[str], None] = to_stderr  # warnings and errors


@dataclass(frozen=True)
class ExtractPlan:
    """What the extract stage has to do, decided once: the articles as they are now, and the last extraction's
    stamp when it still holds (nothing to extract again)."""

    inventory: Inventory
    code: str  # the package's code hash, which every stamp of this build is keyed on
    key: str  # of the articles and the code together
    saved: dict | None


def plan_extraction(seeds: Path, out: Path, force: bool = False) -> ExtractPlan:
    """Take stock of the articles (reading only the files changed since the last build, or every file and
    forgetting every extraction with ``force``) and say whether the last extraction still holds."""
    cache = ArticleCache(out)
    if force:
        cache.clear()
    inventory = take_inventory(seeds, cache.folder)
    code = code_hash()
    key = _extract_key(inventory, code)
    return ExtractPlan(inventory, code, key, None if force else _saved_extraction(out, key))


def extract_stage(seeds: Path, out: Path, options: Options = Options(), *, executor: Executor | None = None,
                  plan: ExtractPlan | None = None, started: float | None = None, shared: bool = True) -> list[str]:
    """Write every city's profile.json, corrected, unless seeds, code and corrections are unchanged.

    Only new or changed articles are read and extracted (on ``executor`` when
    given, split for ``options.workers``, whose processes store what they extract under
    ``out`` unless they do not share it); the others come from the cache under ``out``.
    ``plan`` is :func:`plan_extraction`'s when the caller has made it already, from ``started``
    (:func:`time.perf_counter`), which the stage's time then counts from.
    Returns the problems met (also printed), so a cached run warns as a fresh one did.
    """
    report, warn, force, corrections = options.report, options.warn, options.force, options.corrections
    started = time.perf_counter() if started is None else started
    plan = plan or plan_extraction(seeds, out, force)
    cache, inventory, code, key, saved = ArticleCache(out), plan.inventory, plan.code, plan.key, plan.saved
    if saved is not None:
        report("extract: articles and code unchanged; profiles up to date")
        for problem in saved["problems"]:
            warn(problem)
        return saved["problems"] + correct_stage(out, code, corrections, report, warn)
    try:
        extraction, assembled = extract_and_save(seeds, out, cache, inventory, warn, executor, options.workers, shared)
        problems = [str(p) for p in extraction.problems]
    except BrokenProcessPool:
        raise ExtractionFailed("a process extracting articles was killed (by a signal, such as the out-of-memory "
                               "killer's); no profile was written: run the build again") from None
    write_state(out / EXTRACT_STAMP, {"key": key, "problems": problems})
    warnings = correct_stage(out, code, corrections, report, warn, force)
    # Reported last, so that its time counts reading the files and correcting the profiles too.
    report(f"extract: {plural(len(extraction.index), 'city', 'cities')} in {time.perf_counter() - started:.1f}s "
           f"({plural(extraction.extracted, 'article')} extracted"
           + (f", {extraction.cached:,} unchanged from the last build)" if extraction.cached else ")"))
    # Counted in the profiles as corrected, the numbers a reader finds in them and in the reports.
    for slug in assembled:
        corrected = read_state(out / slug / "profile.json")
        if corrected:
            report(f"  {summarise(corrected)}")
    return problems + warnings


def extract_alone(seeds: Path, out: Path, options: Options = Options()) -> list[str]:
    """Run the extract stage alone, in this process, over ``options.workers`` local processes or on a Dask
    cluster; return its problems."""
    with ExitStack() as stack:
        executor, shared = None, True
        if options.scheduler:
            executor = stack.enter_context(cluster_executor(options.scheduler))
            shared = shares_folder(executor, out)
        elif options.workers > 1:
            executor = stack.enter_context(process_pool(options.workers))
        return extract_stage(seeds, out, options, executor=executor, shared=shared)


def _extract_key(inventory: Inventory, code: str) -> str:
    # The entries left unread count too: a cached run must warn about a file added since.
    return hashlib.sha256(f"{inventory.key}\0{code}".encode()).hexdigest()


def _saved_extraction(out: Path, key: str) -> dict | None:
    """Return the stamp of the last extraction if it had this key, else None."""
    if not read_fingerprints(out):
        return None
    saved = read_state(out / EXTRACT_STAMP, lambda saved: all(isinstance(p, str) for p in saved["problems"]))
    return saved if saved.get("key") == key else None


def count_warnings(problems: list[str]) -> int:
    """Return how many problems are warnings (a file left out), not notes."""
    return sum(problem.startswith("warning:") for problem in problems)


def build(seeds: Path, out: Path, options: Options = Options()) -> int:
    """Run every stage; return the exit status (non-zero on failure, or on warnings with ``options.strict``).

    With a Dask ``options.scheduler`` address, articles are extracted on its cluster,
    and reports built there too when its workers share ``out``.
    """
    report, warn, force, workers, scheduler = (options.report, options.warn, options.force, options.workers,
                                               options.scheduler)
    started = time.perf_counter()
    with ExitStack() as stack:
        cluster = stack.enter_context(cluster_executor(scheduler)) if scheduler else None
        reports_on_cluster = cluster is not None and shares_folder(cluster, out)
        if cluster is not None:
            report(f"dask: {scheduler}; reports built " + ("there" if reports_on_cluster else
                                                            "here: its workers do not share " + str(out)))
        pool = cluster if reports_on_cluster else None
        # Decided once, here and for the extract stage: reading the articles twice doubled a no-op's cost.
        extract_started = time.perf_counter()
        plan = plan_extraction(seeds, out, force)
        with ExitStack() as extracting:
            extractors = cluster
            if pool is None and plan.saved is None:
                if cluster is None and extracts_in_parallel(plan.inventory, ArticleCache(out), workers):
                    # Processes of their own, which end with the stage: a report worker that had extracted
                    # would keep the extraction stack, a quarter of a gigabyte, through every report.
                    extractors = extracting.enter_context(process_pool(workers))
                else:
                    # Extracted here or on a cluster: the report workers and their kernels get ready meanwhile.
                    # There are at most as many cities as articles, plus the comparison.
                    pool = stack.enter_context(worker_pool(min(workers, len(plan.inventory.articles) + 1)))
            problems = extract_stage(seeds, out, options, executor=extractors, plan=plan,
                                     started=extract_started, shared=cluster is None or reports_on_cluster)
        outcomes: list[Outcome] = run_jobs(plan_jobs(out), workers, force, report, pool,
                                           meanwhile=lambda: export_stage(out, force, report))
    notices = [problem for outcome in outcomes for problem in outcome.problems]  # sections that could not be drawn
    for notice in notices:
        warn(notice)
    failed = [o for o in outcomes if o.status == "failed"]
    built = sum(o.status == "built" for o in outcomes)
    report(f"build: {built} built, {len(outcomes) - built - len(failed)} up to date, {len(failed)} failed "
           f"in {time.perf_counter() - started:.1f}s; reports in {out}")
    if failed:
        return 1
    warnings = count_warnings(problems + notices)
    if options.strict and warnings:
        warn(f"strict: {plural(warnings, 'warning')} above; exit status 1")
        return 1
    return 0

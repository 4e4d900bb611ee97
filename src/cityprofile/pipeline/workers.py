"""The build processes that run reports, each with its own warm kernel, and what happens when one dies."""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack

from ..contract.paths import NOTEBOOKS
from ..contract.state import code_hash
from .executor import process_pool, stop_workers
from .jobs import Job, Outcome, clear_leftovers, describe, order_by_input_size, saved_problems, stale_reason
from .reports import run_job


def run_jobs(jobs: list[Job], workers: int, force: bool = False, report=print,
             pool: Executor | None = None, meanwhile: Callable[[], None] = lambda: None) -> list[Outcome]:
    """Build the stale jobs in parallel processes; report one line per finished job.

    ``pool`` is an executor started ahead of time (a :func:`worker_pool`, or
    a Dask cluster's); without one, a pool is started here if any job is
    stale. A pool that turns out not to be needed is stopped at once rather
    than waited for. ``meanwhile`` runs here while the workers build (the
    exports, which no report reads); an error it raises stops them.
    """
    code = code_hash()
    outcomes, stale = [], []
    for job in order_by_input_size(jobs):
        reason = stale_reason(job, code, force)
        if reason is None:
            clear_leftovers(job)
            outcomes.append(Outcome(job, "cached", problems=saved_problems(job)))
            report(describe(outcomes[-1]))
        else:
            stale.append((job, code, reason))
    if not stale:
        if isinstance(pool, ProcessPoolExecutor):
            stop_workers(pool)
        meanwhile()
        return outcomes
    with ExitStack() as stack:
        if pool is None:
            pool = stack.enter_context(worker_pool(min(workers, len(stale))))
        broken = _run_on(pool, stale, outcomes, report, meanwhile)
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


def _run_on(pool: Executor, work: list[tuple], outcomes: list[Outcome], report,
            meanwhile: Callable[[], None] = lambda: None) -> list[tuple]:
    """Run jobs on ``pool``, and ``meanwhile`` here, adding an outcome per job; return those a dead worker took
    down, in order."""
    futures = {pool.submit(_run_job, arguments): arguments for arguments in work}
    try:
        meanwhile()
    except BaseException:
        for future in futures:
            future.cancel()
        raise
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
    return process_pool(workers, initializer=_prepare_worker, context=_fork_server())


def _fork_server():
    """multiprocessing's fork server, which loads the render and kernel stacks once (:mod:`.fork_server`), started
    again when the package's code has changed since it loaded them (a rebuild in ``cityprofile watch``)."""
    global _served
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([f"{__package__}.fork_server"])
    code = code_hash()
    if _served not in (None, code):
        # multiprocessing has no public way to stop its server; without one, reports would be made by old code.
        getattr(multiprocessing.forkserver._forkserver, "_stop", lambda: None)()
    _served = code
    # Started from this thread, which the server ends with (a parent's death signal follows the thread that started
    # a process), not from the one that then asks it for the build processes.
    multiprocessing.forkserver.ensure_running()
    return context


# The code hash of the package the fork server loaded, once started.
_served: str | None = None


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
        # First, while this process has one thread and nothing open: the kernel is forked from it.
        start_kernel(str(NOTEBOOKS), fork=True)
    except Exception:  # noqa: BLE001
        pass  # the first job starts a kernel again, and reports why it cannot
    # Loaded by the fork server already, unless they failed to load there: then they fail here, and say why.
    try:
        import papermill  # noqa: F401
        import weasyprint  # noqa: F401

        from .reports import load_html_exporter

        load_html_exporter()  # its templates compiled now, not in the first report
    except Exception as error:  # noqa: BLE001
        _unready = f"{type(error).__name__}: {error}"
        return
    from .kernels import await_kernel

    try:
        # While the build extracts: the first report then finds its kernel answering, without 0.2 s of
        # jupyter_client's listening for quiet after the first answer.
        await_kernel()
    except Exception:  # noqa: BLE001
        pass  # the first job starts a kernel again, and reports why it cannot


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

"""The executor behind the map over articles and the report jobs: local processes, or a Dask cluster.

Both are ``concurrent.futures.Executor``s. The local one is a
``ProcessPoolExecutor``, which notices a worker killed by a signal (its
futures raise ``BrokenProcessPool``) where ``multiprocessing.Pool`` waits
forever. The Dask one is ``distributed.Client(address).get_executor()``,
from the optional extra ``cityprofile[dask]``.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import secrets
import signal
import sys
import threading
from concurrent.futures import Executor, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from pathlib import Path

from ..contract.errors import ClusterError

SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"


def find_scheduler(address: str | None = None) -> str | None:
    """Return the Dask scheduler to use: ``address``, else ``$DASK_SCHEDULER_ADDRESS``, else None (local)."""
    return address or os.environ.get(SCHEDULER_VARIABLE) or None


# prctl(2): the signal the kernel sends a process when the one that started it dies.
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> bool:
    """Have Linux send this process SIGTERM when the process that started it dies, even by SIGKILL; return whether
    that process (``parent``, when it was known before this one started; else the one now) is still its parent.

    Otherwise a killed build leaves its workers (and their kernels) running, holding the output folder's lock.
    A parent that died before the request was made sends nothing: the caller ends itself when this is False.
    """
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    return os.getppid() == parent


def _die_with_build(build: int, initializer) -> None:
    """Die with the build that started this worker, directly or through the fork server; then run ``initializer``."""
    # The fork server outlives no build: it ends when the build's end of a pipe closes. Either died first.
    if not die_with_parent() or not _alive(build):
        os._exit(1)
    if initializer is not None:
        initializer()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:  # gone, or another user's process that took its pid
        return False
    return True


def _started() -> None:
    """Nothing: submitted once per worker so the workers start, and get ready, now."""


def _start_workers(pool: ProcessPoolExecutor, workers: int) -> None:
    # A fork-based pool starts every worker at its first task; any other, one worker per task submitted
    # while none is idle: one each, submitted at once, starts them all.
    try:
        for _ in range(max(1, workers)):
            pool.submit(_started)
    except (RuntimeError, OSError, EOFError, BrokenProcessPool):
        pass  # the pool was stopped meanwhile (Ctrl-C, an error): the build says why, not this thread


@contextmanager
def process_pool(workers: int, initializer=None, context: BaseContext | None = None):
    """Yield a local process pool whose workers are started (and their ``initializer`` run) at once.

    ``context`` is multiprocessing's way of starting them (forked from this process by default).
    On Ctrl-C or an error its workers are stopped at once rather than waited for.
    """
    pool = ProcessPoolExecutor(max(1, workers), mp_context=context, initializer=_die_with_build,
                               initargs=(os.getpid(), initializer))
    try:
        if context is None or context.get_start_method() == "fork":
            _start_workers(pool, workers)
        else:
            # The fork server says each new worker's pid only once it has loaded what it preloads, seconds
            # later: asked from a thread, this one meanwhile goes on (and extracts).
            threading.Thread(target=_start_workers, args=(pool, workers), daemon=True).start()
        yield pool
    except BaseException:
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Send SIGTERM to every worker of a pool, without waiting for the jobs they run."""
    # ProcessPoolExecutor has no public way to do this before Python 3.14 (terminate_workers).
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        # a worker may end between the question and the signal: then there is nothing to stop
        with contextlib.suppress(ProcessLookupError):
            if process.is_alive():
                os.kill(process.pid, signal.SIGTERM)


@contextmanager
def cluster_executor(address: str):
    """Yield an executor that runs tasks on the Dask cluster at ``address``."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(f"a Dask scheduler ({address}) was given, but Dask is not installed: "
                           "pip install 'cityprofile[dask]'") from None
    try:
        client = Client(address, timeout="30s")
    except OSError as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({error})") from None
    try:
        yield client.get_executor()
    finally:
        client.close()


def _read_token(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return None


def shares_folder(executor: Executor, folder: Path) -> bool:
    """Whether the workers behind ``executor`` see ``folder`` as this process does: a file written here is read there.

    Reports are written by the worker that builds them, so they go to a
    cluster only when it shares the output folder.
    """
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(16)
    probe = folder.resolve() / f".probe-{token}"
    probe.write_text(token, encoding="utf-8")
    try:
        future = executor.submit(_read_token, str(probe))
        wait([future], timeout=60)
        return future.done() and future.exception() is None and future.result() == token
    finally:
        probe.unlink(missing_ok=True)

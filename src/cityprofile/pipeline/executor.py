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
from concurrent.futures import Executor, ProcessPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path

from ..contract.errors import ClusterError

SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"


def find_scheduler(address: str | None = None) -> str | None:
    """Return the Dask scheduler to use: ``address``, else ``$DASK_SCHEDULER_ADDRESS``, else None (local)."""
    return address or os.environ.get(SCHEDULER_VARIABLE) or None


# prctl(2): the signal the kernel sends a process when the one that started it dies.
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int, initializer) -> None:
    """Have this worker sent SIGTERM when the build that started it dies, even by SIGKILL; then run ``initializer``.

    Otherwise a killed build leaves its workers (and their kernels) running, holding the output folder's lock.
    """
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the build died before the request was made
        os._exit(1)
    if initializer is not None:
        initializer()


def _started() -> None:
    """Nothing: submitted once per worker so the workers start, and get ready, now."""


@contextmanager
def process_pool(workers: int, initializer=None):
    """Yield a local process pool whose workers are started (and their ``initializer`` run) at once.

    On Ctrl-C or an error its workers are stopped at once rather than waited for.
    """
    pool = ProcessPoolExecutor(max(1, workers), initializer=_die_with_parent, initargs=(os.getpid(), initializer))
    try:
        # A fork-based pool starts every worker at its first task.
        pool.submit(_started)
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

"""Kernels for parallel notebook runs."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import uuid
from multiprocessing.util import Finalize

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.utils import run_sync
from traitlets import default


class IPCKernelManager(AsyncKernelManager):
    """A kernel reached over private IPC sockets instead of TCP ports.

    Parallel builds start many kernels at once; TCP port picking races
    between processes, unique socket paths cannot.
    """

    @default("transport")
    def _transport_default(self):
        return "ipc"

    @default("ip")
    def _ip_default(self):
        # jupyter_client makes "<ip>-<port>" socket files and removes them at shutdown.
        # A socket path holds at most 107 bytes, so the name is short enough to
        # leave room for a long TMPDIR; 48 random bits cannot collide on one machine.
        return os.path.join(tempfile.gettempdir(), f"cityprofile-{uuid.uuid4().hex[:12]}")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._clients = []

    def client(self, **kwargs):
        """Return a new client, kept so ``release_clients`` can close it."""
        client = super().client(**kwargs)
        self._clients.append(client)
        return client

    def release_clients(self) -> None:
        """Close the channels of every client handed out.

        nbclient leaves its client's channels open when it does not own the
        kernel, and jupyter_client then warns "Could not destroy zmq
        context" as the client is garbage-collected.
        """
        for client in self._clients:
            client.stop_channels()
        self._clients = []

    async def _async_interrupt_kernel(self) -> None:
        # jupyter_client interrupts every kernel it shuts down; ours is idle by
        # then, and ipykernel logs that interrupt as an error in the build output.
        if self.shutting_down:
            return
        await super()._async_interrupt_kernel()


_warm: IPCKernelManager | None = None
# Run as the kernel starts, so the modules every report notebook imports are
# loaded before its first notebook; the name is deleted again so that
# notebook starts from an empty namespace.
_WARM_UP = ("import cityprofile.report.city_report, cityprofile.report.comparison_report", "del cityprofile")


def start_kernel(cwd: str) -> IPCKernelManager:
    """Start this process's kernel and return without waiting for it to be ready."""
    global _warm
    _warm = IPCKernelManager(kernel_name="python3")
    run_sync(_warm.start_kernel)(cwd=cwd, extra_arguments=[f"--IPKernelApp.exec_lines={line}" for line in _WARM_UP])
    # multiprocessing runs finalizers as a worker exits, so no kernel outlives its build.
    Finalize(_warm, _retire, args=(_warm,), exitpriority=10)
    return _warm


def warm_kernel(cwd: str) -> IPCKernelManager:
    """Return this process's kernel, started once and wiped clean for each notebook.

    Starting a kernel and importing pandas and matplotlib in it take most of a
    report's run time; a build process reuses one kernel for all its reports.
    """
    if _warm is not None:
        _warm.release_clients()
        if run_sync(_warm.is_alive)():
            _reset(_warm)
            return _warm
    return start_kernel(cwd)


def _reset(kernel: IPCKernelManager) -> None:
    client = kernel.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        client.execute_interactive("get_ipython().run_line_magic('reset', '-f')", silent=True, timeout=60)
    finally:
        client.stop_channels()


def kill_kernel() -> None:
    """Kill this process's kernel at once and remove its socket and connection files.

    For a build being stopped: it works from a signal handler, where the
    asynchronous shutdown cannot run.
    """
    if _warm is None:
        return
    process = getattr(_warm.provisioner, "process", None)
    # A bare kill, without Popen.poll or wait: the code this signal interrupted
    # may be inside them, holding the lock they take, and they would wait forever.
    if process is not None and process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
    _warm.cleanup_connection_file()
    _warm.cleanup_ipc_files()


def _retire(kernel: IPCKernelManager) -> None:
    kernel.release_clients()
    run_sync(kernel.shutdown_kernel)(now=True)

"""Kernels for parallel notebook runs."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import threading
import traceback
import uuid
from pathlib import Path
from multiprocessing.util import Finalize

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from jupyter_client.utils import run_sync
from traitlets import Bool, default

from .executor import die_with_parent


class KeptClient(AsyncKernelClient):
    """A client that stays connected from one notebook to the next: nbclient starts its channels for each."""

    def start_channels(self, *args, **kwargs) -> None:
        """Start the channels, unless they run already (a thread, the heartbeat's, can be started only once)."""
        if not self.channels_running:
            super().start_channels(*args, **kwargs)

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """Wait until the kernel answers; once it has, a kernel_info round trip is enough.

        jupyter_client then empties IOPub by waiting until nothing comes for 0.2 s, a fifth of a second per
        report; nbclient ignores the earlier notebooks' messages still queued there, as they answer other requests.
        """
        if not self._answered:
            await super()._async_wait_for_ready(timeout)
            self._answered = True
            return
        await self._async_recv_reply(self.kernel_info(), timeout=timeout)

    _answered = False


# What "%reset -f" empties, the user's names and the output cache (Out, _, __, ___, which hold every report's
# HTML), but without the full garbage collection it runs too: a tenth of a second in a kernel holding pandas and
# matplotlib, before every report, where Python collects as it goes anyway.
_EMPTY_NAMESPACE = ("def _empty(shell):\n"
                    "    shell.user_ns['_oh'].clear()\n"
                    "    shell.displayhook._ = shell.displayhook.__ = shell.displayhook.___ = ''\n"
                    "    shell.user_ns.update({'_': '', '__': '', '___': ''})\n"
                    "    for name in [n for n in shell.user_ns if n not in shell.user_ns_hidden]:\n"
                    "        del shell.user_ns[name]\n"
                    "_empty(get_ipython())")


class ForkedProcess:
    """A kernel forked from this process, with the methods of ``subprocess.Popen`` that jupyter_client calls."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """Return the exit code if the kernel has ended, else None."""
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the kernel to end; return its exit code."""
        if self.returncode is None:
            self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.returncode

    def send_signal(self, signum: int) -> None:
        """Send the kernel a signal, unless it has ended (its pid may be another process's by then)."""
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        """Ask the kernel to end (SIGTERM)."""
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """End the kernel (SIGKILL)."""
        self.send_signal(signal.SIGKILL)


# The command of the kernel this process can become: its own Python running ipykernel.
_IPYKERNEL = [sys.executable, "-m", "ipykernel_launcher"]


class ForkingProvisioner(LocalProvisioner):
    """Starts an IPython kernel by forking this process, when it is a build process that has IPython, pandas,
    matplotlib and the report modules loaded (:mod:`.fork_server`): the kernel then starts with them, where a new
    Python would spend most of a second of CPU importing them again. Any other kernel is started as usual."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        """Fork the kernel, if it runs ipykernel and this process has a single thread; else start it as usual."""
        # Forking a process with threads would leave the kernel a copy of the locks they hold, and not the threads.
        if cmd[:3] != _IPYKERNEL or threading.active_count() > 1:
            return await super().launch_kernel(cmd, **kwargs)
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            _serve_kernel(cmd[3:], kwargs.get("cwd"), kwargs.get("env"), parent)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid  # the kernel leads a process group of its own, as jupyter_client's do
        self.cwd = kwargs.get("cwd") or str(Path.cwd())
        return self.connection_info


def _serve_kernel(argv: list[str], cwd: str | None, env: dict | None, parent: int) -> None:
    """Run ipykernel with ``argv`` in this forked process, then end it without running the parent's exit handlers."""
    status = 1
    try:
        os.setsid()
        # The build process may have been stopped before the request was made, and before it knew this pid.
        if not die_with_parent(parent):
            return
        # The build process's own handlers: a kernel is interrupted with SIGINT, and ends at SIGTERM.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if cwd:
            os.chdir(cwd)
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        # As jupyter_client starts a kernel: it watches its parent, and reads nothing from stdin. (The kernel
        # read $JPY_PARENT_PID as it was imported, before the build process started.)
        argv = [*argv, f"--IPKernelApp.parent_handle={parent}"]
        nothing = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nothing, 0)
        os.close(nothing)
        # The loop that was forking this kernel is marked running; the kernel's is its own. The old one is left
        # as it is: closing it would take its sockets out of an epoll set the build process still uses.
        asyncio.set_event_loop(asyncio.new_event_loop())
        from ipykernel.kernelapp import IPKernelApp

        IPKernelApp.launch_instance(argv)
        status = 0
    except SystemExit as exit:
        status = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    except BaseException:  # noqa: BLE001 -- said on stderr, as a kernel that fails to start says it
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(status)


class IPCKernelManager(AsyncKernelManager):
    """A kernel reached over private IPC sockets instead of TCP ports.

    Parallel builds start many kernels at once; TCP port picking races
    between processes, unique socket paths cannot.
    """

    @default("transport")
    def _transport_default(self):
        return "ipc"

    @default("client_factory")
    def _client_factory_default(self):
        return KeptClient

    @default("ip")
    def _ip_default(self):
        # jupyter_client makes "<ip>-<port>" socket files and removes them at shutdown.
        # A socket path holds at most 107 bytes, so the name is short enough to
        # leave room for a long TMPDIR; 48 random bits cannot collide on one machine.
        return os.path.join(tempfile.gettempdir(), f"cityprofile-{uuid.uuid4().hex[:12]}")

    fork = Bool(False, help="start the kernel by forking this process (ForkingProvisioner)")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._client: KeptClient | None = None
        self._resetter: BlockingKernelClient | None = None

    async def _async_pre_start_kernel(self, **kwargs):
        if self.fork and self.provisioner is None:
            self.kernel_id = self.kernel_id or str(uuid.uuid4())
            self.provisioner = ForkingProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
        return await super()._async_pre_start_kernel(**kwargs)

    def client(self, **kwargs) -> KeptClient:
        """Return this kernel's one asynchronous client, connected on first use.

        nbclient asks for a client for every notebook and waits until it is
        ready (jupyter_client's wait_for_ready). A new client's IOPub channel
        misses the kernel's first reply and waits 0.2 s before asking again;
        one connected already hears the reply at once.
        """
        if self._client is None:
            self._client = super().client(**kwargs)
        return self._client

    def reset_namespace(self) -> None:
        """Empty the kernel's namespace, through a blocking client of its own, kept for the next notebook.

        Not nbclient's asynchronous client: used outside nbclient between two notebooks, it lost replies.
        """
        if self._resetter is None:
            self._resetter = self.blocking_client()
            self._resetter.start_channels()
            self._resetter.wait_for_ready(timeout=60)
        self._resetter.execute_interactive(_EMPTY_NAMESPACE, silent=True, timeout=60)

    def close_clients(self) -> None:
        """Close the channels of the clients handed out.

        nbclient leaves its client's channels open when it does not own the
        kernel, and jupyter_client then warns "Could not destroy zmq
        context" as the client is garbage-collected.
        """
        for client in (self._client, self._resetter):
            if client is not None:
                client.stop_channels()
        self._client = self._resetter = None

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


def start_kernel(cwd: str, fork: bool = False) -> IPCKernelManager:
    """Start this process's kernel and return without waiting for it to be ready.

    With ``fork``, the kernel is forked from this process if it can be (:class:`ForkingProvisioner`).
    """
    global _warm
    _warm = IPCKernelManager(kernel_name="python3", fork=fork)
    run_sync(_warm.start_kernel)(cwd=cwd, extra_arguments=[f"--IPKernelApp.exec_lines={line}" for line in _WARM_UP])
    # multiprocessing runs finalizers as a worker exits, so no kernel outlives its build.
    Finalize(_warm, _retire, args=(_warm,), exitpriority=10)
    return _warm


def await_kernel(timeout: float = 60) -> None:
    """Wait until this process's kernel answers: once it has, each notebook's own wait is a single round trip.

    The client that empties its namespace before each notebook is connected now too: its own wait for the
    kernel listens for 0.2 s of quiet, which the first report would otherwise spend.
    """
    if _warm is not None:
        client = _warm.client()
        client.start_channels()
        run_sync(client.wait_for_ready)(timeout=timeout)
        _warm.reset_namespace()


def warm_kernel(cwd: str) -> IPCKernelManager:
    """Return this process's kernel, started once and wiped clean for each notebook.

    Starting a kernel and importing pandas and matplotlib in it take most of a
    report's run time; a build process reuses one kernel for all its reports.
    """
    if _warm is not None:
        if run_sync(_warm.is_alive)():
            _warm.reset_namespace()
            return _warm
        _warm.close_clients()
    return start_kernel(cwd)


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
    kernel.close_clients()
    run_sync(kernel.shutdown_kernel)(now=True)

"""Kernels for parallel notebook runs."""

from __future__ import annotations

import os
import tempfile
import uuid

from jupyter_client.manager import AsyncKernelManager
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
        return os.path.join(tempfile.gettempdir(), f"cityprofile-kernel-{uuid.uuid4().hex}")

    async def _async_interrupt_kernel(self) -> None:
        # jupyter_client interrupts every kernel it shuts down; ours is idle by
        # then, and ipykernel logs that interrupt as an error in the build output.
        if self.shutting_down:
            return
        await super()._async_interrupt_kernel()

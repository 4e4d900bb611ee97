"""The process every build process is forked from: multiprocessing's fork server, which imports this module
as it starts (:func:`.workers.worker_pool` names it).

It loads, while the build extracts, the render stack (papermill, nbconvert's
compiled templates, WeasyPrint) and the kernel's (IPython, pandas, matplotlib,
the report modules). Each build process is forked from it with them in memory,
and forks its kernel in turn (:class:`.kernels.ForkingProvisioner`). Loaded
once instead of in every build process and every kernel, they cost a second
of CPU less per build process.

Nothing here may raise: the fork server would die, and the pool with it. What
fails to load here fails again, and is reported, in the build process.
"""

from __future__ import annotations

import gc
import os
import signal
import sys

from .executor import die_with_parent

# Ctrl-C reaches every process of the terminal's group: the build stops its processes itself, and this one would
# only print where its imports were interrupted.
signal.signal(signal.SIGINT, signal.SIG_IGN)
# The build processes are this server's children, and each holds it open: it must end with the build itself.
if not die_with_parent():
    os._exit(1)


def load_stacks() -> None:
    """Import the render and kernel stacks, and compile what each report would compile first."""
    # nbformat imports jsonschema, which imports rfc3987_syntax if it can, and that
    # builds some 35 parsers as it loads: 0.85 s per process (python-jsonschema/
    # jsonschema#1428) for the "iri" formats, which no notebook schema uses.
    sys.modules.setdefault("rfc3987_syntax", None)
    try:
        import ipykernel.kernelapp  # noqa: F401
        import papermill  # noqa: F401
        import weasyprint  # noqa: F401

        import cityprofile.report.city_report  # noqa: F401
        import cityprofile.report.comparison_report  # noqa: F401

        from .reports import load_html_exporter

        load_html_exporter()
    except Exception:  # noqa: BLE001
        pass


load_stacks()
# Left out of garbage collection from now on: collecting them again in every forked process would copy the pages
# they are on, and in the server as it ends, would keep the build's caller waiting a fifth of a second longer
# for the end of the output the server shares.
gc.freeze()

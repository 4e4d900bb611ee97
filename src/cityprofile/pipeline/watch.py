"""``cityprofile watch``: build, then build again each time the articles or the corrections change.

A desk that adds articles through the day keeps one process running. It
loads the extraction stack (quantulum3's unit patterns, spaCy's English pipeline,
dateparser's data) once, so an article added costs its own extraction, not
the two seconds or so a fresh process spends loading that stack first.
Changes are found by polling the seeds folder's entries (name, size, times):
that works on every filesystem, network mounts included, without a new dependency.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from ..contract.files import stat_signature
from ..contract.errors import CityprofileError
from .build import to_stderr


def read_state(seeds: Path, corrections: Path) -> dict:
    """Return what a change to the articles or the corrections file changes: each file's size and times, by name.

    Names starting with "." are left out, as the build leaves them (editors'
    swap files, rsync's temporaries), and so are the times of sub-folders, which
    the build does not read either: an output folder inside the seeds folder
    would otherwise change with every build and start the next.
    """
    state = {}
    try:
        with os.scandir(seeds) as entries:
            for entry in entries:
                if not entry.name.startswith("."):
                    state[entry.name] = _signature(entry)
    except OSError as error:
        state[None] = error.errno  # the build says what is wrong with the folder
    try:
        state[corrections] = stat_signature(corrections.stat())
    except OSError as error:
        state[corrections] = error.errno  # missing: the build applies no corrections
    return state


def _signature(entry: os.DirEntry) -> list[int] | None:
    try:
        return None if entry.is_dir() else stat_signature(entry.stat())
    except OSError:
        return None  # a broken link: the build warns about it


def watch(seeds: Path, corrections: Path, run: Callable[[], int], interval: float = 2.0, report=print,
          warn=to_stderr, sleep=time.sleep) -> int:
    """Run ``run`` (a build) now, then again after each change to ``seeds`` or ``corrections``; return 0 on Ctrl-C.

    A change is built once the folder has stayed the same for ``interval``
    seconds, so that articles still being copied in are built together. A
    build that fails is reported and the watch goes on: the next change may mend it.
    Ctrl-C during a build stops it as it stops ``cityprofile build``: the last good outputs are kept.
    """
    from ..extract.article import warm_up  # the extraction stack, loaded once for every build to come

    try:
        warm_up()
        current = read_state(seeds, corrections)
        while True:
            _build_once(run, warn)
            report(f"watch: waiting for changes to {seeds} (Ctrl-C to stop)")
            sys.stdout.flush()  # whoever reads this through a pipe is waiting for that line
            current = _wait_for_change(seeds, corrections, current, interval, sleep)
    except KeyboardInterrupt:
        report("watch: stopped")
        return 0


def _wait_for_change(seeds: Path, corrections: Path, built: dict, interval: float, sleep) -> dict:
    """Return the state of the watched files once it differs from ``built`` and has held still for ``interval``."""
    previous = built
    while True:
        sleep(interval)
        current = read_state(seeds, corrections)
        if current != built and current == previous:
            return current
        previous = current


def _build_once(run: Callable[[], int], warn) -> None:
    """Run one build, saying why it failed rather than ending the watch."""
    try:
        status = run()
    except CityprofileError as error:  # what the user can mend: said as the one-shot build says it
        warn(f"error: {error}")
        status = error.exit_status
    except OSError as error:  # a full disk: said as the one-shot build says it
        warn(f"error: {error.filename}: {error.strerror}; the last good outputs are kept" if error.filename
             else f"error: {error}")
        status = 1
    except Exception:  # noqa: BLE001 - a bug met by one build must not end the watch; its traceback is the report
        warn(traceback.format_exc().rstrip())
        status = 1
    if status:
        warn(f"watch: that build failed (exit status {status}); the next change builds again")

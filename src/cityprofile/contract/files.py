"""Writing outputs so that a reader never sees a half-written file."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to a temporary name beside ``path``, then rename it into place.

    On a full disk or a read-only folder, ``path`` is left as it was and the OSError names ``path``,
    not the temporary file the user never sees.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            temporary.write_text(data, encoding="utf-8")
        else:
            temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from error
    finally:
        temporary.unlink(missing_ok=True)


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically unless the file holds it already, so that the file keeps its time."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, ValueError):
        pass  # missing or unreadable: written anew
    write_atomic(path, text)


def stat_signature(status: os.stat_result) -> list[int]:
    """Return what changes whenever a file is written or replaced: its size, modification and change times, inode.

    The change time too: copying with the times kept (``cp -p``, ``rsync -t``) changes it, where mtime and size may not.
    """
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]


def read_state(path: Path, valid: Callable[[dict], bool] = lambda _: True) -> dict:
    """Return the JSON object a build kept in ``path``; ``{}`` when it is missing, unreadable, not an object,
    or fails ``valid``: the build then remakes what it stood for, as after a first build.

    State files can be cut short by a crash or edited by hand; none may stop a build with a traceback.
    """
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    try:
        return saved if isinstance(saved, dict) and valid(saved) else {}
    except (AttributeError, KeyError, TypeError):  # a shape the check did not expect
        return {}

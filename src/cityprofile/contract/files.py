"""Writing outputs so that a reader never sees a half-written file."""

from __future__ import annotations

import os
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

"""The build's state in an output folder: stamps and keys read and written whole, and the code they were made by.

Every hidden file the build keeps is named in :mod:`outputs`; each is a JSON
object written atomically by :func:`write_state` and read back by
:func:`read_state`, which takes a missing, damaged or hand-edited file for no
state at all, so the build remakes what it stood for. What a stage's outputs
depend on in the package's own code is hashed here, per scope, so that a
change to the reports' code does not extract every article again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from .files import write_atomic, write_if_changed
from .paths import PACKAGE

# The package's folders and files each stage's outputs are made by; "package" is all of it.
CODE_SCOPES = {
    "extract": ("extract", "contract", "data"),
    "exports": ("pipeline/exports.py", "report/tables.py"),
    "package": ("",),
}
_BLOCK = 1 << 16  # bytes hashed at a time


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


def write_state(path: Path, state: dict, keep_time: bool = False) -> None:
    """Keep ``state`` in ``path`` as JSON, whole or not at all; with ``keep_time``, a file that holds it already is
    left untouched, so that its modification time says when the state last changed."""
    text = json.dumps(state, ensure_ascii=False)
    if keep_time:
        write_if_changed(path, text)
    else:
        write_atomic(path, text)


def hash_files(paths: list[Path], size_cap: int | None = None) -> str:
    """Return one hash over the names and bytes of ``paths``, read a block at a time.

    A file larger than ``size_cap`` counts by its size and modification time:
    the extract stage skips such a file unread, and reading it here would cost
    a no-op build seconds per gigabyte.
    """
    digest = hashlib.sha256()
    for path in paths:
        digest.update(os.fsencode(path.name) + b"\0")  # undecodable names are kept as their bytes
        status = path.stat()
        if size_cap is not None and status.st_size > size_cap:
            digest.update(f"{status.st_size} bytes, modified {status.st_mtime_ns}".encode())
        else:
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(_BLOCK), b""):
                    digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def code_hash(scope: str = "package") -> str:
    """Return a hash of the package's code, data and templates within ``scope`` (a key of CODE_SCOPES)."""
    digest = hashlib.sha256()
    for part in CODE_SCOPES[scope]:
        top = PACKAGE / part
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()

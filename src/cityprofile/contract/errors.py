"""What stops a cityprofile command: one base class and a few named kinds.

Library code raises these, never ``SystemExit``: a notebook cell that calls the
package gets an exception it can read, the command line turns each into one
line on stderr and an exit status (``exit_status``), and ``cityprofile watch``
catches the base class, says why a build failed and waits for the next change.
Each message names the file or folder and the problem, without "error:", which
the command line adds.
"""

from __future__ import annotations

import errno
from pathlib import Path


class CityprofileError(Exception):
    """A problem with the input or the set-up that the user can mend; the message says what and where."""

    exit_status = 1


class SeedsError(CityprofileError):
    """The seeds folder itself is unusable: missing, not a folder, or empty."""

    exit_status = 2


class NothingToBuild(CityprofileError):
    """No article of the seeds could be attributed to a city."""


class ExtractionFailed(CityprofileError):
    """Extraction stopped part-way (a worker killed, a file changed while read); no profile was written."""


class FileChangedError(ExtractionFailed):
    """An article file changed between two reads of one build."""


class ClusterError(CityprofileError):
    """A Dask scheduler was given but cannot be used."""

    exit_status = 2


class ReportFailed(CityprofileError):
    """A notebook failed to execute or render; the message says where."""


class ProfileNotFound(CityprofileError, FileNotFoundError):
    """A requested city has no profile.json: extraction has not run for it."""

    exit_status = 2


class ModelMissingError(CityprofileError, ImportError):
    """No English spaCy pipeline is installed."""


class NotOurs(CityprofileError, OSError):
    """A folder holds files the build did not make: it is neither written into nor deleted."""

    exit_status = 2

    def __init__(self, path: Path, why: str):
        super().__init__(errno.EEXIST, why, str(path))

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"

"""What each article file held when it was last read, so that a build reads only the files that changed.

Like git's index, a file whose size, times and inode are those recorded is
taken to hold what it held then, and is not read again. Adding one article
to ten thousand then costs a ``stat`` of each file, not a read and a hash.
A file changed within a clock tick of being read could change again
unseen, so a record that young is not trusted: the file is read again.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..contract.errors import FileChangedError
from ..contract.files import stat_signature
from ..contract.outputs import RECORDS
from ..contract.state import read_state, write_state
from .corpus import Problem, Source, digest_text, duplicate, name_articles, read_file, stat_seeds

# Coarser than any file system's timestamps that cityprofile may meet (FAT's are two seconds).
_RACY_NS = 3_000_000_000


def hash_fields(source: Source) -> str:
    """Return a hash of what extraction reads of a file: its id is in every item, so a renamed file is new."""
    fields = "\0".join(map(str, (source.id, source.text, source.kind, source.title, source.truncated)))
    return hashlib.sha256(fields.encode()).hexdigest()


@dataclass
class ArticleFile:
    """A usable article file: its path, and what it held when read."""

    path: Path
    id: str
    content: str  # :func:`hash_fields` of its source
    source: Source | None = None  # decoded, when this run read the file


@dataclass
class Inventory:
    """The article files of a seeds folder, the problems met reading them, and a key over all of it."""

    articles: list[ArticleFile] = field(default_factory=list)  # sorted by name, duplicates left out
    problems: list[Problem] = field(default_factory=list)
    read: int = 0  # files read by this run; the others were known by their stat

    @property
    def key(self) -> str:
        """A hash of every file's content and every problem: equal keys mean nothing to extract again."""
        digest = hashlib.sha256()
        for article in self.articles:
            digest.update(f"{article.path.name}\0{article.content}\0".encode(errors="surrogateescape"))
        for problem in self.problems:
            digest.update(f"{problem}\0".encode(errors="surrogateescape"))
        return digest.hexdigest()

    def source(self, article: ArticleFile) -> Source:
        """Return an article's decoded source, reading the file again if this run knew it by its stat."""
        if article.source is None:
            source, _ = read_file(article.path, article.id)
            if source is None or hash_fields(source) != article.content:
                raise FileChangedError(f"{article.path}: changed while it was being read; run the build again")
            article.source = source
        return article.source


def take_inventory(seeds: Path, folder: Path) -> Inventory:
    """Return the article files of ``seeds``, reading only those changed since the records in ``folder``.

    The records are updated in ``folder``; a missing or unreadable one means every file is read.
    """
    records_path = folder / RECORDS
    known = read_state(records_path, lambda saved: all(map(_is_record, saved.values())))
    files, problems = stat_seeds(seeds)
    inventory = Inventory(problems=problems)
    records, seen = {}, {}
    now = time.time_ns()
    ids = name_articles([path for path, _ in files])
    for path, status in files:
        name = path.name
        record, source = _recall(status, known.get(name), ids[path]), None
        if record is None:
            record, source = _read(path, ids[path], now)
            inventory.read += 1
        if record.get("trusted"):
            records[name] = record
        inventory.problems += [Problem(path, message, severity) for severity, message in record["problems"]]
        if record["content"] is None:
            continue
        if record["digest"] in seen:
            inventory.problems.append(duplicate(path, seen[record["digest"]]))
            continue
        seen[record["digest"]] = path
        inventory.articles.append(ArticleFile(path, record["id"], record["content"], source))
    if records != known:
        # ASCII: a file name that is not UTF-8 holds lone surrogates, which only an escape can store.
        write_state(records_path, records)
    return inventory


def _is_record(record: dict) -> bool:
    """A file's record as _read makes it: a hand-edited or damaged one makes every file be read again."""
    problems_ok = all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
                      for p in record["problems"])
    content_ok = record["content"] is None or all(isinstance(record[k], str) for k in ("id", "content", "digest"))
    return isinstance(record["signature"], list) and problems_ok and content_ok


def _recall(status: os.stat_result, record: dict | None, article_id: str) -> dict | None:
    """Return the record of a file if it still describes the file (as ``status`` finds it) under the id it
    has now (a namesake's arrival lengthens it), else None."""
    if record is None or record["content"] is not None and record["id"] != article_id:
        return None
    return record if stat_signature(status) == record["signature"] else None


def _read(path: Path, article_id: str, now: int) -> tuple[dict, Source | None]:
    """Read a file as ``article_id``; return its record and its source (None when it cannot be used)."""
    try:
        status = path.stat()
    except OSError:
        status = None
    source, problems = read_file(path, article_id)
    record = {
        "signature": stat_signature(status) if status else None,
        # A file that could not be read may be readable next time, and one changed just now may change again.
        "trusted": status is not None and now - max(status.st_mtime_ns, status.st_ctime_ns) > _RACY_NS
                   and not any(p.message.startswith("cannot be read") for p in problems),
        "problems": [[p.severity, p.message] for p in problems],
        "content": None,
    }
    if source is not None:
        record.update(id=source.id, content=hash_fields(source), digest=digest_text(source.text))
    return record, source

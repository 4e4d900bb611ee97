"""Finding and decoding article files, with a warning for each one skipped."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import regex
from charset_normalizer import from_bytes

from ..contract.errors import SeedsError
from ..contract.outputs import made_here
from .pages import UnreadablePDF, looks_like_html, read_pdf

# What each accepted suffix holds; everything else in SEEDS is named in a warning.
MAX_BYTES = 5_000_000  # a news article is a few kB; larger files are page dumps or data
_CONFIDENT = 0.2  # charset-normalizer "chaos" above this means the guess is unreliable
# Scraped English and Chinese news pages that are not UTF-8 are almost always in
# one of these; letting charset-normalizer pick among all code pages mistakes
# short Latin-1 text for Baltic or Cyrillic ones. The order breaks ties, which
# are common when an English page holds a few Chinese characters: pages about
# mainland cities are far more often GB18030 than Big5.
ENCODINGS = ["gb18030", "big5", "cp1252", "latin_1", "shift_jis", "euc_kr"]
_UTF16_ZEROS = 0.3  # English in UTF-16 has a zero in most high bytes; other binary data rarely this many on one side
# Invisible format characters (Unicode category Cf) change what a reader sees
# without being seen: U+202E shows "evil" as "live". The zero-width joiner and
# non-joiner stay: they shape Persian, Indic scripts and emoji.
# Format characters (but the joiners some scripts need) and control characters (but tab and line ends).
_INVISIBLE = regex.compile(r"[[\p{Cf}\p{Cc}]--[\u200c\u200d\t\n\r\f]]", regex.V1)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters a terminal acts on or hides: controls, format characters, lone surrogates
# (the undecodable bytes of a file name), line and paragraph separators.
_UNPRINTABLE = regex.compile(r"[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]")


def escape_for_terminal(text: str) -> str:
    """Return text with every control, invisible or undecodable character written as an escape."""
    def escape(found: regex.Match) -> str:
        code = ord(found.group())
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, text)


@dataclass
class Problem:
    """A file that was skipped (a warning) or repaired (a note), and why."""

    path: Path
    message: str
    severity: str = "warning"  # "note" when the file was still used

    def __str__(self) -> str:
        return f"{self.severity}: {escape_for_terminal(str(self.path))}: {escape_for_terminal(self.message)}"


@dataclass
class Source:
    """A decoded article file."""

    id: str
    path: Path
    text: str
    kind: str = "text"  # "html" for a web page, to be cleaned as one
    title: str = ""  # the title a PDF states in its metadata
    truncated: bool = False  # only the first pages of a long PDF were read


@dataclass
class Reading:
    """What the reader of a file's format found in its bytes, and notes on how it read them."""

    text: str
    kind: str  # as Source.kind
    notes: list[str] = field(default_factory=list)
    title: str = ""
    truncated: bool = False


def scan_seeds(seeds: Path) -> tuple[list[Path], list[Problem]]:
    """Return the article files of a seeds folder, sorted by name, and a warning for every other entry.

    Names starting with "." (editor and system files) are passed over in silence.
    """
    found, problems = stat_seeds(seeds)
    return [path for path, _ in found], problems


def stat_seeds(seeds: Path) -> tuple[list[tuple[Path, os.stat_result]], list[Problem]]:
    """Return :func:`scan_seeds`'s files, each with its stat, and its warnings.

    The folder is read once and each file stat-ed once: at 10,000 articles,
    a no-op build is mostly this.
    """
    shown = escape_for_terminal(str(seeds))
    try:
        with os.scandir(seeds) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except FileNotFoundError as error:
        raise SeedsError(f"{shown}: seeds folder does not exist") from error
    except NotADirectoryError as error:
        raise SeedsError(f"{shown}: not a folder") from error
    except OSError as error:
        raise SeedsError(f"{shown}: cannot be read ({error.strerror})") from error
    root = seeds.resolve()
    files, problems = [], []
    made = made_here(seeds)  # the build's own outputs, where the seeds folder is also the output folder
    for entry in entries:
        if entry.name.startswith(".") or entry.name in made:
            continue
        path = seeds / entry.name
        reason = _why_unusable(entry, path, root)
        if reason:
            problems.append(Problem(path, f"{reason}; skipped"))
        else:
            files.append((path, entry.stat()))  # kept by the entry since _why_unusable asked
    if not files:
        raise SeedsError(f"{shown}: no article files ({', '.join(READERS)}) in the seeds folder")
    return files, problems


def find_files(seeds: Path) -> list[Path]:
    """Return the article files of a seeds folder, sorted by name."""
    return scan_seeds(seeds)[0]


def _why_unusable(entry: os.DirEntry, path: Path, root: Path) -> str | None:
    """Return why an entry of the seeds folder cannot be an article, or None if it can."""
    try:
        status = entry.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a link that loops"
        if entry.is_symlink() and error.errno == errno.ENOENT:
            return f"a link to {os.readlink(path)}, which does not exist"
        return f"cannot be read ({error.strerror})"
    if entry.is_symlink() and not path.resolve().is_relative_to(root):
        return f"a link to {path.resolve()}, outside the seeds folder"
    if stat.S_ISDIR(status.st_mode):
        return "a folder (folders inside the seeds folder are not read)"
    if not stat.S_ISREG(status.st_mode):
        return f"not a regular file but a {_file_type(status.st_mode)}"
    if path.suffix.lower() not in READERS:
        return f"not an article file (those end in {', '.join(READERS)})"
    return None


def _file_type(mode: int) -> str:
    kinds = {stat.S_ISFIFO: "named pipe (FIFO)", stat.S_ISCHR: "character device", stat.S_ISBLK: "block device",
             stat.S_ISSOCK: "socket"}
    return next((kind for test, kind in kinds.items() if test(mode)), "special file")


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Return ``(text, note)``: text is None when the bytes are not text.

    The note says when a BOM or a non-UTF-8 encoding had to be recognised.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 with BOM; decoded"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "UTF-16 with BOM; decoded"
    if b"\x00" in data:
        return _decode_utf16_without_bom(data) or (None, "binary data (NUL bytes), not text; skipped")
    try:
        return _repair_mojibake(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    matches = [m for m in from_bytes(data, cp_isolation=ENCODINGS) if m.chaos <= _CONFIDENT]
    if not matches:
        return None, "not UTF-8 and no other encoding fits with confidence; skipped"
    least = min(m.chaos for m in matches)
    match = min((m for m in matches if m.chaos == least), key=lambda m: ENCODINGS.index(m.encoding))
    return str(match), f"not UTF-8; decoded as {match.encoding}"


def _repair_mojibake(text: str) -> tuple[str, str | None]:
    """Return UTF-8 text that was once read as Latin-1 or cp1252 and saved again ("è¥¿å®" for 西宁) restored (ftfy)."""
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    if not is_bad(text):
        return text, None
    fixed = fix_encoding(text)
    return (fixed, "mojibake (UTF-8 once read in another encoding); repaired") if fixed != text else (text, None)


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Return the text and a note if the bytes are UTF-16 text without a BOM, else None."""
    if len(data) % 2:
        return None
    for encoding, high_bytes, order in (("utf-16-le", data[1::2], "little"), ("utf-16-be", data[0::2], "big")):
        if high_bytes.count(0) < _UTF16_ZEROS * len(high_bytes):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if all(c.isprintable() or c.isspace() for c in text):
            return text, f"UTF-16 ({order}-endian) without a BOM; decoded"
    return None


def _kind(character: str) -> str:
    return "CONTROL CHARACTER" if unicodedata.category(character) == "Cc" else "FORMAT CHARACTER"


def remove_invisible(text: str) -> tuple[str, Counter]:
    """Return text without invisible format and control characters, and how many of each were removed."""
    found = Counter(_INVISIBLE.findall(text))
    return (_INVISIBLE.sub("", text) if found else text), found


def _describe_removed(found: Counter) -> str:
    names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, _kind(c))} x{n}" for c, n in sorted(found.items()))
    return f"removed invisible characters, which can hide or reorder what a reader sees: {names}"


class Unreadable(Exception):
    """A file of an article format that holds no text to read; the message says why, as a warning does."""


def _decoded(data: bytes, kind: str) -> Reading:
    text, note = decode(data)
    if text is None:
        raise Unreadable(note)
    return Reading(text, kind, [note] if note else [])


def read_text(data: bytes) -> Reading:
    """Read a plain-text article; a web page saved under a text name is read as the page it is."""
    reading = _decoded(data, "text")
    if looks_like_html(reading.text):
        reading.kind = "html"
        reading.notes.append("a web page saved as text; read as a web page")
    return reading


def read_html(data: bytes) -> Reading:
    """Read a saved web page, to be cleaned of its menus and side panels."""
    return _decoded(data, "html")


def read_pdf_file(data: bytes) -> Reading:
    """Read a PDF's text layer and the title its metadata states."""
    try:
        text, title, truncated = read_pdf(data)
    except UnreadablePDF as error:
        raise Unreadable(f"a PDF whose text cannot be read: {error}; skipped") from error
    return Reading(text, "pdf", title=title, truncated=truncated)


# The reader of each article format, by file suffix: a new format is a reader and one line here.
READERS: dict[str, Callable[[bytes], Reading]] = {
    ".txt": read_text, ".md": read_text, ".text": read_text,
    ".html": read_html, ".htm": read_html,
    ".pdf": read_pdf_file,
}


def _read_source(path: Path, article_id: str) -> tuple[Source | None, list[str]]:
    """Return an article file read by the reader of its format (None if it holds no text), and notes on how it
    was read, or why it could not be."""
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    try:
        reading = READERS[path.suffix.lower()](data)
    except Unreadable as error:
        return None, [str(error)]
    return Source(article_id, path, reading.text, reading.kind, reading.title, reading.truncated), reading.notes


def read_sources(seeds: Path) -> tuple[list[Source], list[Problem]]:
    """Decode every article file once; skip bad and duplicate files with a problem each."""
    sources: list[Source] = []
    paths, problems = scan_seeds(seeds)
    ids = name_articles(paths)
    seen: dict[str, Path] = {}
    for path in paths:
        source, found = read_file(path, ids[path])
        problems += found
        if source is None:
            continue
        digest = digest_text(source.text)
        if digest in seen:
            problems.append(duplicate(path, seen[digest]))
            continue
        seen[digest] = path
        sources.append(source)
    return sources, problems


def read_file(path: Path, article_id: str) -> tuple[Source | None, list[Problem]]:
    """Return one article file, as ``article_id``, decoded and cleaned of invisible characters (None if it
    cannot be used), and why."""
    problems = []
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(path, f"{size:,} bytes, larger than {MAX_BYTES:,}: not an article; skipped")]
        source, notes = _read_source(path, article_id)
    except OSError as error:
        return None, [Problem(path, f"cannot be read ({error.strerror or error}); skipped")]
    except Exception as error:  # noqa: BLE001 - whatever a reader trips on in one file is that file's problem
        return None, [Problem(path, f"cannot be read ({type(error).__name__}: {error}); skipped")]
    if source is None:
        return None, [Problem(path, notes[0])]
    source.text, removed = remove_invisible(source.text.replace("\r\n", "\n").replace("\r", "\n"))
    source.title, removed_from_title = remove_invisible(source.title)
    removed += removed_from_title
    problems += [Problem(path, note, "note") for note in notes]
    if removed:
        # Text shown in another order than it is stored, or controls a terminal or spreadsheet acts on, are worth a
        # warning; a stray soft hyphen is not.
        alarming = _BIDI & set(removed) or any(_kind(c) == "CONTROL CHARACTER" for c in removed)
        problems.append(Problem(path, _describe_removed(removed), "warning" if alarming else "note"))
    if not source.text.strip():
        problems.append(Problem(path, "empty or only whitespace; skipped"))
        return None, problems
    return source, problems


def digest_text(text: str) -> str:
    """Return a hash of an article's words, the same for two copies that differ only in spacing."""
    # str.split, not re.sub(r"\s+"): the same spaces, five times faster, and every build reads every file.
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def duplicate(path: Path, original: Path) -> Problem:
    """Return the note that ``path`` holds the same text as ``original``, an earlier file, and is not counted."""
    return Problem(path, f"same text as {original.name}; counted once")


def name_articles(paths: list[Path]) -> dict[Path, str]:
    """Return each article file's id: its name without the extension, or its whole name when another file
    shares that (a page and its text saved side by side as ``x.html`` and ``x.txt``).

    Bytes that are not UTF-8 and control characters are escaped: reports show the id, and profile.json
    must be valid UTF-8.
    """
    stems = Counter(path.stem for path in paths)
    return {path: escape_for_terminal(path.stem if stems[path.stem] == 1 else path.name) for path in paths}

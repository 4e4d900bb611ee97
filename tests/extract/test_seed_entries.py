"""Every entry of a seeds folder that is not read gets one warning naming it and why; odd names never crash."""

import errno
import os
import socket
import stat
from pathlib import Path

import pytest

from cityprofile.contract.errors import SeedsError
from cityprofile.extract.corpus import Problem, read_sources, scan_seeds

SENTENCE = "Xining launched two freight trains to Russia last year, officials said.\n"


def _warnings(problems):
    return {p.path.name: p.message for p in problems if p.severity == "warning"}


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "good.txt").write_text(SENTENCE)
    return folder


def test_a_fifo_a_folder_named_like_a_file_and_a_socket_are_named_and_skipped(seeds):
    os.mkfifo(seeds / "pipe.txt")  # opening it would block the build forever
    (seeds / "folder.txt").mkdir()
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(seeds / "socket.txt"))
        sources, problems = read_sources(seeds)
    assert [s.id for s in sources] == ["good"]
    warnings = _warnings(problems)
    assert "named pipe (FIFO)" in warnings["pipe.txt"]
    assert "a folder" in warnings["folder.txt"]
    assert "socket" in warnings["socket.txt"]


def test_a_link_to_a_device_is_not_read(seeds):
    (seeds / "zero.txt").symlink_to("/dev/zero")  # endless bytes: reading it would never finish
    _, problems = read_sources(seeds)
    assert "outside the seeds folder" in _warnings(problems)["zero.txt"]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a device node")
def test_a_device_inside_seeds_is_not_read(seeds):
    os.mknod(seeds / "zero.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero's numbers
    _, problems = read_sources(seeds)
    assert "character device" in _warnings(problems)["zero.txt"]


def test_dangling_looping_and_escaping_links_are_named_and_skipped(seeds, tmp_path):
    (seeds / "dangling.txt").symlink_to("gone.txt")
    (seeds / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "elsewhere.txt").write_text(SENTENCE.replace("two", "three"))
    (seeds / "escape.txt").symlink_to(tmp_path / "elsewhere.txt")
    (seeds / "sub").mkdir()
    (seeds / "sub" / "kept.txt").write_text(SENTENCE.replace("two", "four"))
    (seeds / "inner.txt").symlink_to(seeds / "sub" / "kept.txt")
    sources, problems = read_sources(seeds)
    assert [s.id for s in sources] == ["good", "inner"]  # a link that stays inside SEEDS is followed
    warnings = _warnings(problems)
    assert "gone.txt, which does not exist" in warnings["dangling.txt"]
    assert "loops" in warnings["loop.txt"]
    assert "outside the seeds folder" in warnings["escape.txt"]
    assert "a folder" in warnings["sub"]
    assert len(problems) == 4  # one line per entry, none for the good files


def test_other_kinds_of_file_are_named_and_hidden_files_are_passed_over(seeds):
    (seeds / "photo.png").write_bytes(b"\x89PNG")
    (seeds / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    _, problems = read_sources(seeds)
    assert list(_warnings(problems)) == ["photo.png"]
    assert ".txt, .md" in _warnings(problems)["photo.png"]


def test_an_unreadable_file_is_named_and_the_rest_is_read(seeds, monkeypatch):
    (seeds / "locked.txt").write_text(SENTENCE.replace("two", "five"))
    opened = Path.open

    def refuse(path, *args, **kwargs):
        if path.name == "locked.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)  # root, which runs CI, reads any file whatever its mode
    sources, problems = read_sources(seeds)
    assert [s.id for s in sources] == ["good"]
    assert _warnings(problems)["locked.txt"] == "cannot be read (Permission denied); skipped"


def test_an_unreadable_seeds_folder_is_a_clear_error(seeds, monkeypatch):
    def refuse(path):
        raise PermissionError(errno.EACCES, "Permission denied", path)

    monkeypatch.setattr(os, "scandir", refuse)  # root reads a chmod 000 folder anyway
    with pytest.raises(SeedsError, match="cannot be read"):
        scan_seeds(seeds)


def test_a_name_that_is_not_utf8_is_read_and_shown_escaped(seeds):
    name = os.fsdecode(b"caf\xe9 \xb1\xb1\xbe\xa9.txt")  # Latin-1 and GBK bytes from an old archive
    (seeds / name).write_text(SENTENCE.replace("two", "six"))
    sources, problems = read_sources(seeds)
    assert sorted(s.id for s in sources) == ["caf\\xe9 \\xb1\\xb1\\xbe\\xa9", "good"]
    (seeds / name).write_text(SENTENCE)  # now a duplicate: its warning names it
    _, problems = read_sources(seeds)
    line = str(problems[0])
    assert "caf\\xe9 \\xb1\\xb1\\xbe\\xa9.txt" in line
    line.encode("utf-8")  # printable to any terminal: no lone surrogates left


def test_terminal_escapes_in_a_file_name_are_shown_not_run(seeds):
    name = "\x1b[2K\x1b[1Agood news\u202e.txt"  # erase the line, move up; reverse what follows
    (seeds / name).write_text(SENTENCE)
    _, problems = read_sources(seeds)
    line = str(problems[0])
    assert "\x1b" not in line and "\u202e" not in line
    assert "\\x1b[2K\\x1b[1Agood news\\u202e.txt" in line


def test_problem_messages_are_escaped_too(tmp_path):
    line = str(Problem(tmp_path / "a.txt", "same text as \x1b]0;owned\x07b.txt; counted once"))
    assert line.endswith("same text as \\x1b]0;owned\\x07b.txt; counted once")

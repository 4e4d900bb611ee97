"""Reading article files: encodings, bad files and duplicates, one fixture each."""

import pytest
from conftest import SEEDS

from cityprofile.contract.errors import SeedsError
from cityprofile.extract.corpus import MAX_BYTES, decode, find_files, read_sources

SENTENCE = "Xining launched two freight trains to Russia last year, officials said.\n"


def _messages(problems):
    return {p.path.name: p.message for p in problems}


def test_seed_folder_reads_every_article_once():
    sources, problems = read_sources(SEEDS)
    assert [s.id for s in sources] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert problems == []


def test_empty_and_whitespace_files_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n")
    (tmp_path / "good.txt").write_text(SENTENCE)
    sources, problems = read_sources(tmp_path)
    assert [s.id for s in sources] == ["good"]
    messages = _messages(problems)
    assert "empty" in messages["empty.txt"] and "empty" in messages["blank.txt"]


def test_binary_file_is_skipped(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "good.txt").write_text(SENTENCE)
    sources, problems = read_sources(tmp_path)
    assert [s.id for s in sources] == ["good"]
    assert "not text" in _messages(problems)["image.txt"]


def test_undecodable_bytes_are_skipped():
    text, note = decode(bytes(range(128, 256)) * 20)
    assert text is None and "no other encoding fits" in note


@pytest.mark.parametrize(
    "encoding, prefix, expected_note",
    [
        ("gb18030", b"", "decoded as"),
        ("utf-16", b"", "UTF-16 with BOM"),
        ("utf-8", b"\xef\xbb\xbf", "UTF-8 with BOM"),
        ("latin-1", b"", "decoded as"),
    ],
)
def test_other_encodings_are_decoded_and_reported(tmp_path, encoding, prefix, expected_note):
    text = "Xining: café owners and 西宁 traders report 5 billion yuan of sales. " * 5
    if encoding == "latin-1":
        text = "Xining: café owners report the façade of the exposition was déjà vu. " * 5
    path = tmp_path / "article.txt"
    path.write_bytes(prefix + text.encode(encoding))
    sources, problems = read_sources(tmp_path)
    assert sources[0].text.strip() == text.strip()
    assert expected_note in _messages(problems)["article.txt"]


def test_crlf_line_endings_become_newlines(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(b"Title\r\n\r\nBody sentence one.\r\n")
    sources, _ = read_sources(tmp_path)
    assert "\r" not in sources[0].text and sources[0].text.startswith("Title\n\nBody")


def test_very_large_file_is_skipped_without_reading_it(tmp_path):
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:
        handle.seek(MAX_BYTES * 4)
        handle.write(b"x")
    (tmp_path / "good.txt").write_text(SENTENCE)
    sources, problems = read_sources(tmp_path)
    assert [s.id for s in sources] == ["good"]
    assert "larger than" in _messages(problems)["dump.txt"]


def test_same_article_under_two_names_is_counted_once(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "b copy.txt").write_text(SENTENCE.replace(" ", "  "))
    sources, problems = read_sources(tmp_path)
    assert [s.id for s in sources] == ["a"]
    assert "same text as a.txt" in _messages(problems)["b copy.txt"]


def test_an_article_is_named_by_its_stem_unless_another_file_shares_it(tmp_path):
    (tmp_path / "report.txt").write_text(SENTENCE)
    (tmp_path / "report.html").write_text("<p>Harbin opened 3 ice-and-snow theme parks in December.</p>")
    (tmp_path / "other.txt").write_text("Dalian port handled 1.2 million containers in the first quarter.")
    sources, problems = read_sources(tmp_path)
    assert sorted(s.id for s in sources) == ["other", "report.html", "report.txt"]
    assert problems == []


def test_names_with_spaces_non_ascii_and_other_extensions_are_found(tmp_path):
    for name in ("with space.txt", "西宁 news.txt", "UPPER.TXT", "notes.md"):
        (tmp_path / name).write_text(f"{name}: {SENTENCE}")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    names = [p.name for p in find_files(tmp_path)]
    assert sorted(names) == sorted(["with space.txt", "西宁 news.txt", "UPPER.TXT", "notes.md"])


def test_missing_or_empty_seeds_folder_is_a_clear_error(tmp_path):
    with pytest.raises(SeedsError, match="does not exist"):
        find_files(tmp_path / "nowhere")
    with pytest.raises(SeedsError, match="no article files"):
        find_files(tmp_path)


def test_a_few_gbk_characters_in_english_text_decode_as_gb18030_not_big5():
    # Big5, EUC-KR and Shift JIS read these bytes without error too, as other characters.
    text = "Hangzhou (杭州) hosts e-commerce summit\n\nIn May 2023, Hangzhou held the Global Digital Trade Expo.\n"
    decoded, note = decode(text.encode("gbk"))
    assert decoded == text and note == "not UTF-8; decoded as gb18030"


@pytest.mark.parametrize("encoding, order", [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_utf16_without_a_bom_is_decoded(tmp_path, encoding, order):
    text = "Dalian emerges as northeast China's gateway for NEV exports\n\nDalian port shipped 5,000 cars in May.\n"
    (tmp_path / "article.txt").write_bytes(text.encode(encoding))
    sources, problems = read_sources(tmp_path)
    assert sources[0].text == text
    assert _messages(problems)["article.txt"] == f"UTF-16 ({order}-endian) without a BOM; decoded"


def test_utf32_and_binary_with_zeros_are_not_taken_for_utf16():
    assert decode("Dalian port shipped 5,000 cars.".encode("utf-32-le"))[0] is None
    assert decode(b"\x00\x01\x02\x03" * 64)[0] is None


def test_a_right_to_left_override_is_removed_with_a_warning(tmp_path):
    # U+202E makes the PDF show "live" where the file says "evil".
    (tmp_path / "article.txt").write_text("Xining fights \u202eevil\u202c smog with 300 new buses.\n")
    sources, problems = read_sources(tmp_path)
    assert sources[0].text == "Xining fights evil smog with 300 new buses.\n"
    [problem] = problems
    assert problem.severity == "warning"
    assert "U+202E RIGHT-TO-LEFT OVERRIDE x1" in problem.message and "U+202C" in problem.message


def test_control_characters_are_removed_with_one_warning_and_the_corpus_still_read(tmp_path):
    (tmp_path / "article.txt").write_text("Dalian\x01 port handled\x1b[2J 4.5 million\x07 TEUs.\n\tIt grew.\n")
    (tmp_path / "other.txt").write_text("Xining opened 3 parks.\n")
    sources, problems = read_sources(tmp_path)
    assert {s.id: s.text for s in sources}["article"] == "Dalian port handled[2J 4.5 million TEUs.\n\tIt grew.\n"
    [problem] = problems
    assert problem.severity == "warning" and problem.path.name == "article.txt"
    assert "U+0001 CONTROL CHARACTER x1" in problem.message and "U+001B CONTROL CHARACTER x1" in problem.message


def test_zero_width_spaces_are_removed_with_a_note_and_joiners_kept(tmp_path):
    text = "Xining\u200b opened the expo with 12\u00ad000 visitors; the logo read \u0646\u0645\u200c\u0627.\n"
    (tmp_path / "article.txt").write_text(text)
    sources, problems = read_sources(tmp_path)
    assert sources[0].text == text.replace("\u200b", "").replace("\u00ad", "")
    assert [p.severity for p in problems] == ["note"]
    assert "U+00AD SOFT HYPHEN x1, U+200B ZERO WIDTH SPACE x1" in problems[0].message


def test_a_reader_that_fails_on_one_file_fails_that_file_alone(tmp_path, monkeypatch):
    from cityprofile.extract import corpus

    def explode(data):
        raise MemoryError("pretend the page exhausted memory")

    monkeypatch.setattr(corpus, "decode", explode)
    (tmp_path / "article.txt").write_text("Dalian opened a port.\n")
    sources, problems = read_sources(tmp_path)
    assert sources == [] and "MemoryError: pretend the page exhausted memory" in problems[0].message


def test_a_new_format_is_a_reader_and_one_line(tmp_path, monkeypatch):
    import cityprofile.extract.corpus as corpus

    (tmp_path / "briefing.rtf").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Dalian port handled 4.5 million containers last year.\n", encoding="utf-8")
    _, problems = read_sources(tmp_path)
    assert "not an article file" in _messages(problems)["briefing.rtf"]
    monkeypatch.setitem(corpus.READERS, ".rtf", corpus.read_text)
    sources, problems = read_sources(tmp_path)
    assert sorted(s.id for s in sources) == ["a", "briefing"] and problems == []


def test_a_pdf_without_text_is_one_warning_naming_why(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    sources, problems = read_sources(tmp_path)
    assert [s.id for s in sources] == ["a"]
    assert _messages(problems)["scan.pdf"].startswith("a PDF whose text cannot be read")

"""Saved web pages and PDFs as articles: the same article text and metadata as the page's own scrape."""

import shutil
import time
import zlib

import pytest
from conftest import FIXTURES, load_article

from cityprofile.extract import pages
from cityprofile.extract.assemble import extract_corpus
from cityprofile.extract.corpus import read_sources
from cityprofile.extract.pages import join_wrapped_lines, looks_like_html

PAGES = FIXTURES / "pages"


def _folder(tmp_path, *names):
    tmp_path.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(PAGES / name, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="module")
def printed_pdf(tmp_path_factory):
    """The Chongqing page as a browser prints it to PDF, menus, sidebar and footer included."""
    import weasyprint

    folder = tmp_path_factory.mktemp("pdf")
    weasyprint.HTML(filename=str(PAGES / "009_chongqing.html")).write_pdf(folder / "009_chongqing.pdf")
    return folder


def test_a_saved_web_page_gives_the_article_text_and_its_metadata(tmp_path):
    extraction = extract_corpus(_folder(tmp_path, "009_chongqing.html"))
    [article] = extraction.profiles["chongqing"]["articles"]
    assert article["title"] == "New highway freight service links China, Kazakhstan"
    assert article["date"] == "2020-11-18"
    assert (article["source"], article["author"]) == ("People's Daily Online", "Wen Ying")
    assert article["words"] == load_article("009_chongqing").words  # the body only: no menu, script or footer


def test_a_page_s_own_stamp_dates_it_not_its_related_links():
    markup = (
        "<!DOCTYPE html><html><head><title>Hefei output doubles</title></head><body>"
        "<article><h1>Hefei output doubles</h1><div class=\"meta\"><span>Lu Yiwen</span> "
        "<span class=\"time\">18:06 UTC+8, 2025-01-22</span></div>"
        + "<p>Hefei produced 1.37 million new energy vehicles in 2024, up 85 percent year on year.</p>" * 3
        + "</article><aside><h3>Related</h3><ul>"
        "<li><a href=\"/a\">NIO delivers 221,970 vehicles</a> <time>2025-01-12</time></li>"
        "<li><a href=\"/b\">Shanghai output tops 1.28 million</a> <time>2025-01-20</time></li>"
        "</ul></aside></body></html>"
    )
    assert pages.clean_html(markup).date == "2025-01-22"


def test_a_ticker_above_the_headline_does_not_date_the_page():
    markup = (
        "<!DOCTYPE html><html><head><title>Hefei output doubles</title></head><body>"
        "<div class=\"ticker\">Latest: <a href=\"/x\">Shanghai port record</a> <span>2025-01-20 09:12</span></div>"
        "<article><h1>Hefei output doubles</h1><div class=\"meta\"><span>2025-01-22 18:06</span></div>"
        + "<p>Hefei produced 1.37 million new energy vehicles in 2024, up 85 percent year on year.</p>" * 3
        + "</article></body></html>"
    )
    assert pages.clean_html(markup).date == "2025-01-22"


def test_a_stamp_just_above_the_headline_beats_a_related_link_below_the_story():
    markup = (
        "<html><head><title>Hefei output doubles</title></head><body>"
        "<div>Business | 2025-01-22 18:06</div><h1>Hefei <em>output</em> doubles</h1>"
        + "<p>Hefei produced 1.37 million new energy vehicles in 2024, up 85 percent year on year.</p>" * 3
        + "<ul><li>NIO deliveries rise <span>2025-01-20 09:12</span></li></ul></body></html>"
    )
    assert pages.clean_html(markup).date == "2025-01-22"


def test_a_web_page_has_the_same_sentences_and_figures_as_its_text_scrape(tmp_path):
    page = extract_corpus(_folder(tmp_path / "page", "009_chongqing.html")).profiles["chongqing"]
    (tmp_path / "text").mkdir()
    shutil.copy(FIXTURES / "009_chongqing.txt", tmp_path / "text")
    scrape = extract_corpus(tmp_path / "text").profiles["chongqing"]
    assert [f["sentence"] for f in page["figures"]] == [f["sentence"] for f in scrape["figures"]]
    assert [f["value"] for f in page["figures"]] == [f["value"] for f in scrape["figures"]]
    assert not any("<" in f["sentence"] or "disqus" in f["sentence"].lower() for f in page["figures"])


def test_a_web_page_saved_as_txt_is_read_as_a_web_page(tmp_path):
    sources, problems = read_sources(_folder(tmp_path, "010_manzhouli.txt"))
    assert sources[0].kind == "html"
    assert [(p.severity, p.message) for p in problems] == [("note", "a web page saved as text; read as a web page")]
    profile = extract_corpus(tmp_path).profiles["manzhouli"]
    assert profile["articles"][0]["title"] == ("China's largest land port sees record number of "
                                               "China-Europe freight trains")
    texts = [f["text"] for f in profile["figures"]]
    assert len(texts) == len(set(texts)) and "3,073" in " ".join(texts)  # each figure once, none from markup


def test_htm_is_a_web_page_too(tmp_path):
    shutil.copy(PAGES / "009_chongqing.html", tmp_path / "009_chongqing.htm")
    sources, _ = read_sources(tmp_path)
    assert sources[0].kind == "html"


@pytest.mark.parametrize("text", [
    "Wuhan <script>alert(1)</script> opens auto plant\n\nThe plant will make 300,000 cars a year.",
    "<b>Xining</b> hosts the 2023 Green Development Expo, drawing 500 firms.",
])
def test_text_with_a_stray_tag_is_not_taken_for_a_web_page(text):
    assert not looks_like_html(text)


@pytest.mark.parametrize("start", ["<!DOCTYPE html>\n<html>", "<?xml version='1.0'?>\n<html xmlns='x'>",
                                   "\n  <!-- saved from url=(0042)http://example.com -->\n<html>", "<HTML><HEAD>"])
def test_a_whole_page_is_taken_for_one(start):
    assert looks_like_html(start + "<title>Xining</title></head><body><p>Xining grew.</p></body></html>")


def test_a_pdf_gives_the_same_sentences_as_the_text_scrape(printed_pdf, tmp_path):
    sources, problems = read_sources(printed_pdf)
    assert problems == []
    extraction = extract_corpus(printed_pdf)
    [article] = extraction.profiles["chongqing"]["articles"]
    assert article["title"] == "New highway freight service links China, Kazakhstan"  # from the PDF's metadata
    assert article["words"] == load_article("009_chongqing").words
    shutil.copy(FIXTURES / "009_chongqing.txt", tmp_path)
    scrape = extract_corpus(tmp_path).profiles["chongqing"]
    figures = extraction.profiles["chongqing"]["figures"]
    assert figures and [(f["value"], f["sentence"]) for f in figures] == [
        (f["value"], f["sentence"]) for f in scrape["figures"]]


def test_a_damaged_pdf_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF")
    (tmp_path / "fake.pdf").write_text("Xining opened the fair on Monday.")
    _, problems = read_sources(_folder(tmp_path, "009_chongqing.html"))
    messages = {p.path.name: p.message for p in problems}
    assert messages["broken.pdf"].startswith("a PDF whose text cannot be read")
    assert messages["fake.pdf"].startswith("a PDF whose text cannot be read")


def test_wrapped_pdf_lines_join_into_paragraphs_across_a_page_break():
    text = ("New highway freight service links\nChina, Kazakhstan\n\nChongqing launched the cross-\nborder "
            "highway freight service in 2016. So\nfar, more than 4,500 trucks\n\n\f461.4 billion yuan in the "
            "first three quarters, customs data\nshowed.\n\n\f")
    assert join_wrapped_lines(text).splitlines() == [
        "New highway freight service links China, Kazakhstan",
        "Chongqing launched the cross-border highway freight service in 2016. So far, more than 4,500 trucks "
        "461.4 billion yuan in the first three quarters, customs data showed.",
    ]


def test_images_embedded_in_a_page_saved_as_one_file_do_not_count_against_its_size(tmp_path):
    page = (PAGES / "009_chongqing.html").read_text(encoding="utf-8")
    image = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 100_000  # 2.4 MB before the article
    (tmp_path / "single-file.html").write_text(page.replace('src="/img/logo.png"', f'src="{image}"'))
    extraction = extract_corpus(tmp_path)
    assert extraction.problems == []
    assert extraction.profiles["chongqing"]["articles"][0]["words"] == load_article("009_chongqing").words


def test_a_page_past_the_markup_cap_is_read_up_to_it_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "MAX_MARKUP_CHARS", 3_600)  # the real cap, 1 MB, takes trafilatura seconds to fill
    shutil.copy(PAGES / "009_chongqing.html", tmp_path)
    extraction = extract_corpus(tmp_path)
    [problem] = extraction.problems
    assert problem.severity == "warning" and problem.message.startswith("longer than an article can be")
    assert 0 < extraction.profiles["chongqing"]["articles"][0]["words"] < load_article("009_chongqing").words


def test_a_pdf_past_the_page_cap_is_read_up_to_it_with_a_warning(printed_pdf, monkeypatch):
    monkeypatch.setattr(pages, "MAX_PDF_PAGES", 1)  # the printed page runs onto a second
    extraction = extract_corpus(printed_pdf)
    [problem] = extraction.problems
    assert problem.severity == "warning" and problem.message.startswith("longer than an article can be")
    assert 0 < extraction.profiles["chongqing"]["articles"][0]["words"] < load_article("009_chongqing").words


def _pdf(*objects: bytes) -> bytes:
    """A PDF with these numbered objects, an xref table and a trailer whose root is object 1."""
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


_PAGE = (b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R >>")


@pytest.mark.parametrize("name, stream, reason", [
    # A stream whose /Length is the stream object itself: pdfminer recursed until Python stopped it.
    ("self_length.pdf", [b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream"], "refers to itself"),
    # A /Length that is a reference to itself: pdfminer resolved it for ever.
    ("loop_length.pdf", [b"<< /Length 5 0 R >>\nstream\nBT ET\nendstream", b"5 0 R"], "never end"),
])
def test_a_pdf_made_to_loop_is_one_warning_and_the_rest_is_read(tmp_path, monkeypatch, name, stream, reason):
    monkeypatch.setattr(pages, "MAX_PDF_SECONDS", 1)
    (tmp_path / name).write_bytes(_pdf(*_PAGE, *stream))
    (tmp_path / "xining.txt").write_text("Xining opened 3 parks in May.\n")
    sources, problems = read_sources(tmp_path)
    assert [s.id for s in sources] == ["xining"]
    [problem] = problems
    assert problem.path.name == name and reason in problem.message


def test_a_pdf_bomb_is_refused_before_it_is_inflated(tmp_path):
    compressor = zlib.compressobj(9)
    zeros = b"".join(compressor.compress(b"\0" * 2**24) for _ in range(8)) + compressor.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(zeros), zeros)
    (tmp_path / "bomb.pdf").write_bytes(_pdf(*_PAGE, body))
    started = time.perf_counter()
    _, problems = read_sources(tmp_path)
    assert time.perf_counter() - started < 10
    [problem] = problems
    assert problem.path.name == "bomb.pdf" and "expand past 64 MB" in problem.message


@pytest.mark.parametrize("depth", [300, 2000])
def test_a_page_nested_past_the_parsers_default_depth_keeps_its_text(depth):
    paragraph = "<p>Dalian port handled 4.5 million containers in 2023, officials said on Monday in a statement.</p>"
    markup = ("<html><head><title>Dalian port</title></head><body>" + "<div>" * depth + paragraph * 5
              + "</div>" * depth + "</body></html>")
    page = pages.clean_html(markup)
    assert page.title == "Dalian port" and page.paragraphs and "4.5 million containers" in page.paragraphs[0]


@pytest.mark.parametrize("byline, source, author", [
    ("Xinhua; Updated March", "Xinhua", None),
    ("Wang Lei; Xinhua", "Xinhua", "Wang Lei"),
    ("Li Na | 2024-03-05 10:12", "China Daily", "Li Na"),
])
def test_a_byline_is_split_into_author_and_source_and_junk_is_dropped(byline, source, author):
    assert pages._author(byline, source) == author

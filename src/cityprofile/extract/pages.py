"""Saved web pages and PDFs: their article text and metadata, ready for the text cleaner.

A web page goes through trafilatura, which keeps the article and drops the
header, menus, scripts, comments and footer around it, and reads the title,
date, site name and author from the page's metadata. A PDF's text layer is
read with pdfminer.six, whose layout analysis finds the paragraphs, and their
wrapped lines are joined again.
"""

from __future__ import annotations

import io
import re
import signal
import threading
import zlib
from collections.abc import Callable
from contextlib import contextmanager
from html import unescape
from itertools import islice
from typing import NamedTuple

from .clean import Page, clean_page, drop_site_name, find_stamp, find_stamp_near, tidy_title

# A page saved from a browser opens with one of these, after an XML declaration or comments.
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.IGNORECASE | re.DOTALL)
_PARAGRAPH_END = re.compile(r"[.!?:;。！？][\"'”’)\]]*$")
# A publication time in a page's metadata: Open Graph's, schema.org's, or a "pubdate" meta tag.
_META_DATE = re.compile(r"<meta\b[^>]*(?:published_time|datePublished|pubdate|publishdate|publish-date)", re.IGNORECASE)
# Markup, and what a reader never sees: the page's head, scripts and styles.
_TAG = re.compile(r"<(head|script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
# Images embedded in a page saved as one file: megabytes of base64 and no text.
_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+")
# A news page's markup is 50 to 500 kB without its images; trafilatura's time
# grows with it (about 5 s a MB), so a larger page is read up to here.
MAX_MARKUP_CHARS = 1_000_000
# What trafilatura reads as an author from a page's byline that names no one.
_NOT_A_NAME = re.compile(r"(?i)(?:updated|published|posted|source|editor|web editor|staff|reporter)\b")
# An article printed to PDF runs to a few pages; pdfminer lays out about ten a second.
MAX_PDF_PAGES = 50
# What a PDF's compressed streams may inflate to in all: an article of 50 pages with its fonts and images is
# a few MB; a "zip bomb" of zeros inflates a thousandfold, and pdfminer would hold all of it in memory.
MAX_PDF_INFLATED = 64 * 2**20
# A damaged or hostile PDF can send pdfminer round a loop of references for ever; a real article takes seconds.
MAX_PDF_SECONDS = 30
_STREAM = re.compile(rb"stream\r?\n")
_BLOCK = 64 * 2**10


class UnreadablePDF(Exception):
    """A file named .pdf whose text cannot be read: damaged, encrypted, or not a PDF."""


class _TooSlow(Exception):
    """Reading a PDF took past MAX_PDF_SECONDS."""


@contextmanager
def _time_limit(seconds: float):
    """Raise _TooSlow in the block after ``seconds`` of wall time: in the main thread, where a signal can."""
    if threading.current_thread() is not threading.main_thread():
        yield  # a thread of a Dask worker: no alarm to set, the cluster's own limits apply
        return

    def expire(signum, frame):
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def looks_like_html(text: str) -> bool:
    """Whether decoded text is a whole web page (a page saved as .txt), not text with a stray tag in it."""
    return _HTML_START.match(text[:4096]) is not None


def clean_html(markup: str, clean_text: Callable[[str], Page] = clean_page) -> Page:
    """Return the title, date, source, dateline and body paragraphs of a saved web page.

    ``clean_text`` cleans the article text found in the markup: the English cleaner, or one that tells languages apart.
    """
    # Imported here: a second to import, and most corpora have no web pages.
    from trafilatura import bare_extraction

    markup = _DATA_URI.sub("data:,", markup)
    read = markup[:MAX_MARKUP_CHARS]
    document = bare_extraction(read, with_metadata=True, include_comments=False)
    if document is None or not document.text:
        # libxml2 stops at 256 nested elements unless told otherwise: a page nested deeper loses its body.
        document = bare_extraction(_deep_tree(read), with_metadata=True, include_comments=False)
    if document is None or not document.text:
        return Page()
    page = clean_text(document.text)
    page.truncated = len(markup) > MAX_MARKUP_CHARS
    page.title = tidy_title(document.title) if document.title else page.title
    # The stamp a reader sees by the byline, under the headline, before the date trafilatura guesses: without a date
    # in its metadata, a page's first dated link (a related story) may be taken for its own date.
    if _META_DATE.search(read):
        page.date = document.date or page.date  # a publication time in the page's metadata is its own
    else:
        visible = " ".join(unescape(_TAG.sub(" ", read)).split())
        title = " ".join(document.title.split()) if document.title else ""
        headline = visible.find(title) if title else -1
        stamp = find_stamp_near(visible, headline + len(title)) if headline >= 0 else find_stamp(visible)
        page.date = stamp or document.date or page.date
    page.source = document.sitename or page.source
    page.author = _author(document.author, page.source) or page.author
    return page


def _author(byline: str | None, source: str | None) -> str | None:
    """The names in a page's byline metadata: "Xinhua; Updated March" by Xinhua is no author, nor is a date."""
    names = [part.strip() for part in re.split(r"[;|]", byline or "")]
    names = [name for name in names if name and not any(c.isdigit() for c in name)
             and name.casefold() != (source or "").casefold() and not _NOT_A_NAME.match(name)]
    return ", ".join(names) or None


def _deep_tree(markup: str):
    """The page parsed however deep its elements nest (lxml's huge_tree), or None if it cannot be parsed."""
    from lxml import etree, html

    try:
        return html.fromstring(markup.encode("utf-8"), parser=html.HTMLParser(huge_tree=True, encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None


class PdfText(NamedTuple):
    """What a PDF gives: its text with one paragraph per line, the title it states, and whether it was cut."""

    text: str
    title: str  # "" if it states none
    truncated: bool  # only the first MAX_PDF_PAGES pages were read


def read_pdf(data: bytes) -> PdfText:
    """Return the text and title of a PDF, up to MAX_PDF_PAGES pages; raise UnreadablePDF if it has no text to give."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser, PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfminer.utils import decode_text

    _check_inflated(data)
    try:
        with _time_limit(MAX_PDF_SECONDS):
            document = PDFDocument(PDFParser(io.BytesIO(data)))
            title = document.info[0].get("Title") if document.info else None
            pages = sum(1 for _ in islice(PDFPage.create_pages(document), MAX_PDF_PAGES + 1))
            text = extract_text(io.BytesIO(data), maxpages=MAX_PDF_PAGES)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise UnreadablePDF("encrypted with a password") from error
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:  # what damaged files raise
        raise UnreadablePDF(f"damaged or not a PDF ({type(error).__name__}: {error})") from error
    except RecursionError as error:  # an object that refers to itself ("/Length 5 0 R" in object 5)
        raise UnreadablePDF("damaged: an object refers to itself without end") from error
    except _TooSlow:
        raise UnreadablePDF(f"still not read after {MAX_PDF_SECONDS} s: damaged, or made to never end") from None
    # A browser that saves a page as PDF keeps the page's <title>, site name and all.
    title = drop_site_name(decode_text(title)).strip() if isinstance(title, bytes) else ""
    return PdfText(join_wrapped_lines(text), title, pages > MAX_PDF_PAGES)


def _check_inflated(data: bytes) -> None:
    """Raise UnreadablePDF when the PDF's deflated streams inflate past MAX_PDF_INFLATED in all.

    Each stream is inflated a block at a time and counted, never kept: a bomb is refused after
    MAX_PDF_INFLATED bytes of it, in well under a second, before pdfminer would inflate it whole.
    """
    view, inflated = memoryview(data), 0
    for start in _STREAM.finditer(data):
        decoder, offset = zlib.decompressobj(), start.end()
        while offset < len(data) and not decoder.eof:
            block = view[offset:offset + _BLOCK]
            offset += len(block)
            try:
                inflated += len(decoder.decompress(block, MAX_PDF_INFLATED + 1 - inflated))
                while decoder.unconsumed_tail and inflated <= MAX_PDF_INFLATED:
                    inflated += len(decoder.decompress(decoder.unconsumed_tail, MAX_PDF_INFLATED + 1 - inflated))
            except zlib.error:
                break  # not deflated: pdfminer reads it as it is
            if inflated > MAX_PDF_INFLATED:
                raise UnreadablePDF(f"its compressed streams expand past {MAX_PDF_INFLATED // 2**20} MB: "
                                    "not an article (a decompression bomb?)")


def join_wrapped_lines(text: str) -> str:
    """Return PDF text with one line per paragraph.

    pdfminer puts a blank line between text boxes (a heading, a paragraph,
    a caption) and a form feed between pages; within a box, lines are
    wrapped at the column width. A line broken after a hyphen joins without
    a space ("highway-" + "based"); a paragraph that a page break cut
    before its sentence ended goes on in the first box of the next page.
    """
    paragraphs: list[str] = []
    for page in text.split("\f"):
        boxes = [box for box in map(_join_lines, re.split(r"\n\s*\n", page)) if box]
        if boxes and paragraphs and not _PARAGRAPH_END.search(paragraphs[-1]):
            paragraphs[-1] += " " + boxes.pop(0)
        paragraphs += boxes
    return "\n".join(paragraphs)


def _join_lines(box: str) -> str:
    """Join a text box's wrapped lines: with a space, or with none after a hyphen."""
    joined = ""
    for line in filter(None, (" ".join(line.split()) for line in box.splitlines())):
        joined += line if not joined or joined.endswith("-") else f" {line}"
    return joined

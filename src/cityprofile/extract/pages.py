"""Saved web pages and PDFs: their article text and metadata, ready for the text cleaner.

A web page goes through trafilatura, which keeps the article and drops the
header, menus, scripts, comments and footer around it, and reads the title,
date, site name and author from the page's metadata. A PDF's text layer is
read with pypdf and its hard-wrapped lines are joined back into paragraphs.
"""

from __future__ import annotations

import io
import re
import statistics

from .clean import Page, clean_page, tidy_title

# A page saved from a browser opens with one of these, after an XML declaration or comments.
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                         re.IGNORECASE | re.DOTALL)
_PARAGRAPH_END = re.compile(r"[.!?:;。！？][\"'”’)\]]*$")
_SHORT_LINE = 0.7  # a line shorter than this share of a full line ends its paragraph (a heading, a last line)


class UnreadablePDF(Exception):
    """A file named .pdf whose text cannot be read: damaged, encrypted, or not a PDF."""


def looks_like_html(text: str) -> bool:
    """Whether decoded text is a whole web page (a page saved as .txt), not text with a stray tag in it."""
    return _HTML_START.match(text[:4096]) is not None


def clean_html(markup: str) -> Page:
    """Return the title, date, source, dateline and body paragraphs of a saved web page."""
    # Imported here: a second to import, and most corpora have no web pages.
    from trafilatura import bare_extraction

    document = bare_extraction(markup, with_metadata=True, include_comments=False)
    if document is None or not document.text:
        return Page()
    page = clean_page(document.text)
    page.title = tidy_title(document.title) if document.title else page.title
    page.date = document.date or page.date
    site = document.sitename or page.source
    page.source = f"{site} (by {document.author})" if site and document.author else site or page.source
    return page


def read_pdf(data: bytes) -> str:
    """Return the text of a PDF, one paragraph per line; raise UnreadablePDF if it has none to give."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadablePDF("encrypted with a password")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as error:  # pypdf raises these on damaged files
        raise UnreadablePDF(f"damaged or not a PDF ({type(error).__name__}: {error})") from error
    return join_wrapped_lines(text)


def join_wrapped_lines(text: str) -> str:
    """Join the lines a PDF wrapped at the page width back into one line per paragraph.

    A line ends its paragraph when it ends a sentence or falls well short of a
    full line (a heading, a byline, a paragraph's last line); a line broken
    after a hyphen joins without a space ("highway-" + "based").
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return ""
    full = statistics.quantiles(lengths, n=10)[-1] if len(lengths) > 1 else lengths[0]
    paragraphs, current = [], ""
    for line in lines:
        if not line:
            paragraphs.append(current)
            current = ""
            continue
        current += line if not current or current.endswith("-") else " " + line
        if _PARAGRAPH_END.search(line) or len(line) < _SHORT_LINE * full:
            paragraphs.append(current)
            current = ""
    paragraphs.append(current)
    return "\n".join(p for p in paragraphs if p)

"""Small HTML builders for report output.

Article text is untrusted: everything that came from an article passes
through :func:`escape` here, so it reaches the page literally, never as
Markdown, HTML or math.
"""

from __future__ import annotations

import html
import re
from functools import cache, wraps

import pandas as pd
from IPython.display import HTML

from ..contract.paths import SECTION_STYLES

# Where a section that could not be drawn says so in its output's metadata,
# which the build reads from the executed notebook: the reader sees a notice,
# the build names the city and section.
FAILED_SECTION = "cityprofile_failed_section"
# A run of 40 characters or more without a space gets a break opportunity
# every WORD_PIECE characters. CSS cannot do this in WeasyPrint: with
# overflow-wrap: anywhere or word-break: break-all, laying out one
# 1,000-character word takes 20 s, and the time grows with its square.
LONG_WORD = re.compile(r"\S{40,}")
WORD_PIECE = 20


class Markup(str):
    """A string that is already safe HTML and must not be escaped again."""


def _escape_plain(value) -> Markup:
    text = html.escape("" if value is None else str(value))
    return Markup(text.replace("$", "&#36;").replace("\\", "&#92;"))


def _pieces(word: str) -> str:
    return "<wbr>".join(_escape_plain(word[i : i + WORD_PIECE]) for i in range(0, len(word), WORD_PIECE))


def escape(value) -> Markup:
    """Return ``value`` as HTML text; ``$`` and ``\\`` are encoded so no math renderer sees them.

    A word longer than a table column can be (a URL, a run of characters without a space) may break
    every few characters (``<wbr>``), so it wraps instead of pushing the other columns off the page.
    """
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    parts, end = [], 0
    for word in LONG_WORD.finditer(text):
        parts += [_escape_plain(text[end : word.start()]), _pieces(word.group())]
        end = word.end()
    return Markup("".join(parts) + _escape_plain(text[end:]))


def tag(name: str, *children, **attrs) -> Markup:
    """Return ``<name attrs>children</name>`` with text children escaped."""
    attr_text = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{_escape_plain(val)}"'
        for key, val in attrs.items()
        if val is not None
    )
    inner = "".join(escape(child) for child in children)
    return Markup(f"<{name}{attr_text}>{inner}</{name}>")


def render_table(frame: pd.DataFrame, numeric: tuple[str, ...] = (), caption: str | None = None,
                 class_: str | None = None) -> Markup:
    """Return a table of ``frame``; ``numeric`` columns are right-aligned; ``class_`` styles the table."""
    head = "".join(
        str(tag("th", col, class_="num" if col in numeric else None)) for col in frame.columns
    )
    rows = []
    for record in frame.itertuples(index=False):
        cells = "".join(
            str(tag("td", val, class_="num" if col in numeric else None))
            for col, val in zip(frame.columns, record)
        )
        rows.append(f"<tr>{cells}</tr>")
    cap = str(tag("caption", caption)) if caption else ""
    styled = f' class="{escape(class_)}"' if class_ else ""
    return Markup(f"<table{styled}>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


@cache
def _section_styles() -> str:
    return SECTION_STYLES.read_text(encoding="utf-8")


def display_html(*parts) -> HTML:
    """Return an IPython HTML object that a notebook cell shows as its output.

    The output carries the sections' stylesheet, scoped to its own wrapper, so
    it looks the same in JupyterLab as in the HTML and PDF reports.
    """
    body = "".join(escape(part) for part in parts)
    return HTML(f'<div class="cityprofile"><style>{_section_styles()}</style>{body}</div>')


def section(show):
    """Make ``show_<section>`` return a short notice instead of raising, so one section's failure spares the rest.

    The notice's output carries the section and the error under :data:`FAILED_SECTION` in its metadata,
    where :func:`find_failed_sections` finds it in the executed notebook.
    """
    name = show.__name__.removeprefix("show_")

    @wraps(show)
    def show_or_notice(*args, **kwargs):
        try:
            return show(*args, **kwargs)
        except Exception as error:  # any bug or bad value in one section: the others still show
            first_line = (str(error).strip().splitlines() or [""])[0][:200]
            notice = tag("p", f"This section could not be drawn ({type(error).__name__}); "
                              "the rest of the report is complete.", class_="caution")
            shown = display_html(notice)  # styled as every section is
            shown.metadata = {FAILED_SECTION: {"section": name,
                                               "error": f"{type(error).__name__}: {first_line}".rstrip(": ")}}
            return shown

    return show_or_notice


def find_failed_sections(nb) -> list[dict]:
    """Return ``{"section", "error"}`` for every section of an executed notebook that showed a notice."""
    return [
        output["metadata"]["text/html"][FAILED_SECTION]
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if FAILED_SECTION in output.get("metadata", {}).get("text/html", {})
    ]

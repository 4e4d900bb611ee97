"""Small HTML builders for report output.

Article text is untrusted: everything that came from an article passes
through :func:`escape` here, so it reaches the page literally, never as
Markdown, HTML or math.
"""

from __future__ import annotations

import html
from functools import cache

import pandas as pd
from IPython.display import HTML

from ..contract.paths import SECTION_STYLES


class Markup(str):
    """A string that is already safe HTML and must not be escaped again."""


def escape(value) -> Markup:
    """Return ``value`` as HTML text; ``$`` and ``\\`` are encoded so no math renderer sees them."""
    if isinstance(value, Markup):
        return value
    text = html.escape("" if value is None else str(value))
    return Markup(text.replace("$", "&#36;").replace("\\", "&#92;"))


def tag(name: str, *children, **attrs) -> Markup:
    """Return ``<name attrs>children</name>`` with text children escaped."""
    attr_text = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{escape(val)}"'
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

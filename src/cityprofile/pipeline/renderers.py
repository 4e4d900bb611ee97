"""nbconvert exporters for reports: offline HTML, and PDF through WeasyPrint.

Both use the package's ``cityprofile`` template and hide code, prompts and the
papermill parameter cells. They are registered under the ``nbconvert.exporters``
entry point, so ``jupyter nbconvert --to cityprofile_pdf executed.ipynb`` works
too; like nbconvert's own ``--to notebook``, that writes ``executed.nbconvert.pdf``,
never over the build's ``executed.pdf`` beside it.
"""

from __future__ import annotations

import html
import logging
import re

from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor
from traitlets import default

from ..contract.paths import TEMPLATES

HIDDEN_TAGS = ("parameters", "injected-parameters")
CONTENTS_TAG = "toc"
# What nbconvert's own "--to notebook" puts between a notebook's name and its extension.
OUTPUT_SUFFIX = ".nbconvert"
_HEADING = re.compile(r"^#{2}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_LOCAL_LINK = re.compile(r"\]\(#([^)\s]+)\)")
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_STYLE_BLOCK = re.compile(r"<style>.*?</style>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# A relative href (no scheme, not from the root, not only a fragment) to an HTML page, with any #fragment after it.
_RELATIVE_HTML_HREF = re.compile(r'(\shref=")(?![\w+.-]+:|/|#)([^"#?]+)\.html(?=["#])')


def anchor_for(heading: str) -> str:
    """Return the id nbconvert's markdown renderer gives a heading."""
    return html.escape(heading).replace(" ", "-")


class OutlinePreprocessor(Preprocessor):
    """Name the report, and warn about what would make a wrong or empty one.

    The title is the notebook's ``title`` metadata, else the first ``<h1>``
    a cell printed, so a PDF's metadata names the report, not the file. A
    notebook whose code cells have no outputs has not been executed, and a
    Contents cell whose links are not the notebook's sections is out of date.
    """

    def preprocess(self, nb, resources):
        """Set ``nb.metadata['title']``; log a warning for each problem found."""
        name = resources.get("metadata", {}).get("name", "the notebook")
        for problem in find_report_problems(nb):
            self.log.warning("%s: %s", name, problem)
        if "title" not in nb.metadata:
            title = _first_output_heading(nb)
            if title:
                nb.metadata["title"] = title
        return nb, resources


def find_report_problems(nb) -> list[str]:
    """Return what is wrong with a notebook as a report: unexecuted, or a stale Contents cell."""
    problems = []
    code = [cell for cell in nb.cells if cell.cell_type == "code" and cell.source.strip()]
    if code and not any(cell.get("outputs") for cell in code):
        problems.append("no code cell has any output: the notebook has not been executed, so the report will "
                        "be empty; run it first (JupyterLab's Run All, or `make reports`)")
    sections = [anchor_for(text) for cell in nb.cells if cell.cell_type == "markdown"
                for text in _HEADING.findall(cell.source)]
    for cell in nb.cells:
        if CONTENTS_TAG in cell.metadata.get("tags", []) and _LOCAL_LINK.findall(cell.source) != sections:
            problems.append(f"the Contents cell does not link the sections in order ({', '.join(sections)})")
    return problems


def _first_output_heading(nb) -> str | None:
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            found = _H1.search(output.get("data", {}).get("text/html", ""))
            if found:
                return html.unescape(_TAG.sub("", found.group(1))).strip()
    return None


class ReportHTMLExporter(HTMLExporter):
    """Self-contained report HTML: no code, prompts, scripts or CDN."""

    export_from_notebook = "cityprofile report (HTML)"

    @default("template_name")
    def _template_name_default(self):
        return "cityprofile"

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self):
        return [str(TEMPLATES)]

    @default("exclude_input")
    def _exclude_input_default(self):
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self):
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self):
        return True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.register_preprocessor(
            TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_TAGS)), enabled=True
        )
        self.register_preprocessor(OutlinePreprocessor(parent=self), enabled=True)

    def from_notebook_node(self, nb, resources=None, **kw):
        """Render the report; name the output so it never replaces the build's report beside it."""
        output, resources = super().from_notebook_node(nb, resources, **kw)
        resources["output_suffix"] = OUTPUT_SUFFIX
        return drop_repeated_styles(output), resources


def drop_repeated_styles(markup: str) -> str:
    """Return ``markup`` with each distinct ``<style>`` block kept only where it first appears.

    Every section's output carries the same stylesheet, so that it is styled on
    its own in JupyterLab; on one page the first copy styles them all, and
    WeasyPrint lays the page out faster without the copies.
    """
    seen = set()

    def keep_first(match: re.Match) -> str:
        if match.group(0) in seen:
            return ""
        seen.add(match.group(0))
        return match.group(0)

    return _STYLE_BLOCK.sub(keep_first, markup)


class WeasyPDFExporter(ReportHTMLExporter):
    """The report HTML, laid out as an A4 PDF by WeasyPrint."""

    export_from_notebook = "cityprofile report (PDF)"

    @default("file_extension")
    def _file_extension_default(self):
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self):
        return ".html.j2"

    def from_notebook_node(self, nb, resources=None, **kw):
        """Render the notebook to HTML, then to PDF bytes."""
        markup, resources = super().from_notebook_node(nb, resources, **kw)
        resources["output_extension"] = ".pdf"
        return html_to_pdf(markup), resources


def html_to_pdf(markup: str) -> bytes:
    """Lay out report HTML as PDF; the build calls this on HTML it already has."""
    # Imported here: WeasyPrint needs pango, which plain HTML export does not.
    import weasyprint

    # WeasyPrint's CSS parser warns about SVG presentation properties in
    # matplotlib's inline charts, which its SVG renderer then draws correctly.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    # No base_url: WeasyPrint then writes a relative href into the PDF as it stands, so the links
    # still work when the profiles folder is moved or zipped; a base would make them absolute.
    # An href that is only a fragment becomes a link inside the PDF either way.
    return weasyprint.HTML(string=link_pdf_reports(markup), base_url=None).write_pdf()


def link_pdf_reports(markup: str) -> str:
    """Return report markup whose relative links to ``.html`` pages lead to the ``.pdf`` beside each instead.

    A report links only to other reports, and each is written as HTML and PDF
    side by side, so a reader of a PDF lands on a PDF. Absolute URLs (an
    article's web page) and links within the page are left as they are.
    """
    return _RELATIVE_HTML_HREF.sub(r"\1\2.pdf", markup)

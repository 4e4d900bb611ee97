"""Article text reaches the page literally."""

import pandas as pd

from cityprofile.report.markup import escape, render_table, tag


def test_escape_neutralises_html_markdown_and_math():
    text = "<script>alert(1)</script> # **x** [x](y) $5 million \\ % & _ { }"
    escaped = escape(text)
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert "$" not in escaped and "&#36;5 million" in escaped
    assert "\\" not in escaped


def test_tag_escapes_children_and_attributes():
    html = tag("a", "<b>", href='#x" onclick="y', title="$1")
    assert html == '<a href="#x&quot; onclick=&quot;y" title="&#36;1">&lt;b&gt;</a>'


def test_table_right_aligns_numeric_columns():
    html = render_table(pd.DataFrame({"Name": ["<i>"], "Count": ["1,000"]}), numeric=("Count",))
    assert '<th class="num">Count</th>' in html and '<td class="num">1,000</td>' in html
    assert "<td>&lt;i&gt;</td>" in html


def test_a_word_longer_than_a_column_gets_break_opportunities_and_keeps_every_character():
    word = "https://www.xinhuanet.com/english/2021-01/18/c_139677012.htm" * 3
    html = tag("td", f"Source: {word}, retrieved")
    assert html.startswith("<td>Source: ") and html.endswith(", retrieved</td>")
    pieces = html.removeprefix("<td>Source: ").removesuffix(", retrieved</td>").split("<wbr>")
    assert "".join(pieces) == word and max(map(len, pieces)) == 20
    assert "<wbr>" not in tag("td", "Strategic cooperation framework agreements were signed")
    assert "<wbr>" not in tag("a", "[1]", title=word), "an attribute is text, not markup"

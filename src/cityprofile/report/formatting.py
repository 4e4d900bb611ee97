"""Plain-text formatting of figures and dates for readers."""

from __future__ import annotations

import calendar
import math

QUALIFIER_SIGNS = {"over": ">", "nearly": "≈", "about": "≈", "under": "<"}
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
# A title naming more cities than this would fill the running head of every page.
TITLE_CITIES = 4
_UNIT_NAMES = {
    "percent": "%",
    "m2": "m²",
    "km2": "km²",
    "count": "",
}


def format_number(value: float) -> str:
    """Return ``value`` with thousands separators and no needless decimals."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_money(value: float, currency: str) -> str:
    """Return a sum in readable units: ``12.5 bn CNY``."""
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{format_number(round(value / scale, 2))} {suffix} {currency}"
    return f"{format_number(value)} {currency}"


def format_figure(figure: dict, with_label: bool = True) -> str:
    """Return a figure as a reader sees it, qualifier first: ``> 270 participants``; a range ``3–5 bn CNY``."""
    sign = QUALIFIER_SIGNS.get(figure.get("qualifier") or "", "")
    text = f"{sign} {format_amount(figure)}".strip()
    label = figure.get("label") or ""
    text = f"{text} {label}".strip() if with_label and figure["unit"] == "count" else text
    return f"{text} (target)" if figure.get("target") else text


def format_amount(figure: dict) -> str:
    """Return a figure's amount alone, in readable units: ``12.5 bn CNY``, or a range ``3–5 bn CNY``."""
    amount = _format_amount(figure["value"], figure["unit"], figure.get("kind"))
    upper = figure.get("high")
    if upper is None or math.isnan(upper):  # a table's row gives NaN where a figure has no upper end
        return amount
    high = _format_amount(upper, figure["unit"], figure.get("kind"))
    (low, _, low_unit), (top, _, top_unit) = amount.partition(" "), high.partition(" ")
    # "3–5 bn CNY" and "5–6%" where both ends share their scale and unit, else "370,000 USD – 5.5 m USD"
    if amount.endswith("%"):
        return f"{amount[:-1]}–{high}"
    return f"{low}–{top} {low_unit}".strip() if low_unit == top_unit else f"{amount} – {high}"


def _format_amount(value: float, unit: str, kind: str | None) -> str:
    if kind == "money":
        return format_money(value, unit)
    if unit == "percent":
        return f"{format_number(value)}%"
    return f"{format_number(value)} {_UNIT_NAMES.get(unit, unit)}".strip()


def format_date(date: str | None, qualifier: str | None = None, missing: str = "undated") -> str:
    """Return an ISO date at its own precision: ``May 2023``, ``late 2022``; ``missing`` if none."""
    if not isinstance(date, str) or not date:
        return missing
    parts = date.split("-")
    if len(parts) == 1:
        text = parts[0]
    elif len(parts) == 2:
        text = f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    else:
        text = f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    return _qualify(qualifier, text) if isinstance(qualifier, str) and qualifier else text


# Qualifiers are stored as bare keywords ("since beginning", "by mid"); these
# lead the date as they are, the rest name a part of it ("the end of 2012").
_LEADING = ("since", "by", "until", "from", "before", "after", "so far", "early", "late")


def _qualify(qualifier: str, text: str) -> str:
    """Return ``since the beginning of 2010`` for qualifier ``since beginning`` and text ``2010``."""
    lead = []
    rest = qualifier
    while rest:
        word = next((w for w in _LEADING if rest == w or rest.startswith(w + " ")), None)
        if word is None:
            break
        lead.append(word)
        rest = rest[len(word):].strip()
    if rest == "mid":
        body = f"mid-{text}"
    elif rest:
        body = f"the {rest} of {text}"
    else:
        body = text
    return " ".join(lead + [body])


def format_span(dates: list[str]) -> str:
    """Return the span of a list of ISO dates, or a note that none are known."""
    known = sorted(d for d in dates if d)
    if not known:
        return "no publication dates stated"
    first, last = format_date(known[0]), format_date(known[-1])
    return first if first == last else f"{first} – {last}"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """Return ``1 article`` or ``4 articles``."""
    return f"{count:,} {noun_for(count, noun, nouns)}"


def noun_for(count: int, noun: str, nouns: str | None = None) -> str:
    """Return the noun in the number ``count`` asks for: ``sector`` or ``sectors``."""
    return noun if count == 1 else (nouns or noun + "s")


def format_comparison_title(cities: list[str]) -> str:
    """Return the comparison's title, naming its cities, or counting them when there are many."""
    if not cities:
        return "City comparison"
    if len(cities) > TITLE_CITIES:
        return f"City comparison of {len(cities)} cities"
    return f"City comparison: {join_names(cities)}"


def join_names(names: list[str]) -> str:
    """Return ``A``, ``A and B`` or ``A, B and C``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

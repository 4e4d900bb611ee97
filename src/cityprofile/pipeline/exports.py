"""The export stage: each city's items as a workbook in its folder, every city's as CSV under ``tables/``,
and, while the corpus is small enough to open in a spreadsheet, as one workbook, ``cityprofile.xlsx``.

A city's rows are made from its own profile.json only and kept as CSV text
under ``.exports/<slug>/``, so that a build remakes the rows and the workbook
of the cities whose profile changed and joins the kept text of the others:
the stage costs the size of the change plus one concatenation, not the
corpus. Every file is written whole under a temporary name and renamed.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import time
from pathlib import Path

from ..contract.files import stat_signature, write_atomic
from ..contract.state import code_hash, read_state, write_state
from ..contract.outputs import EXPORT_ROWS, EXPORTS_STAMP, ROWS_KEY, TABLES, WORKBOOK

from ..contract.profiles import read_index
from ..report.formatting import plural

FRAGMENTS = EXPORT_ROWS  # <slug>/<table>.csv: a city's rows without the header, and key.json: what they came from
# Rows in all sheets past which no corpus workbook is written, for writing it would outgrow a few seconds at each
# build that changes any city: openpyxl writes these tables at about half a millisecond a row, and a 10,000-article
# corpus has some 270,000 rows.
WORKBOOK_ROWS = 10_000
_STAMP = EXPORTS_STAMP
# Widest a spreadsheet column is made, in characters: a sentence wraps in the cell beyond it.
_WIDEST = 60
_BOM = "\ufeff".encode()
# How a figure's value shows: thousands grouped, a percentage with its sign; the cell keeps the number itself.
_WHOLE, _DECIMAL, _PERCENT = "#,##0", "#,##0.0###", '0.0##"%"'


def export_stage(out: Path, force: bool = False, report=print) -> None:
    """Write each city's workbook and the corpus's CSV tables and workbook in ``out``, unless nothing they show changed.

    Only the cities whose profile.json changed since the last build are read; ``force`` remakes every city.
    """
    started = time.perf_counter()
    slugs = [entry["slug"] for entry in read_index(out)]
    code = code_hash("exports")
    _remove_fragments(out, set(slugs))
    saved = {slug: None if force else _saved_city(out, slug, code) for slug in slugs}
    remade = [slug for slug in slugs if saved[slug] is None]
    for slug in remade:
        saved[slug] = _export_city(out, slug, code)
    rows = sum(sum(saved[slug]["rows"].values()) for slug in slugs)
    key = _corpus_key(code, [(slug, saved[slug]["fragments"]) for slug in slugs])
    stamp = out / _STAMP
    last = read_state(stamp)
    if not force and last.get("key") == key and all((out / name).is_file() for name in last.get("files", [None])):
        report("exports: up to date")
        _report_limit(rows, report)
        return
    files = _write_corpus(out, slugs, rows)
    write_state(stamp, {"key": key, "files": files})
    _report_limit(rows, report)
    cities = plural(len(remade), "city's", "cities'")
    written = f"{TABLES}/*.csv" + (f" and {WORKBOOK}" if WORKBOOK in files else "")
    report(f"exports: {cities} tables rewritten, {written} in {time.perf_counter() - started:.1f}s")


def _saved_city(out: Path, slug: str, code: str) -> dict | None:
    """Return what the last build kept of a city's rows, or None when its profile, the code or a kept file changed.

    A profile counts as unchanged while its size, modification time and inode are: the build writes a
    profile.json only when its JSON changed, and then under a new name renamed into place, so any new
    content comes with a new inode and time. Hashing the content instead would read every profile at each
    build (118 MB of JSON at 10,000 articles) to find the one that changed.
    """
    folder = out / FRAGMENTS / slug
    saved = read_state(folder / ROWS_KEY)
    fragments = saved.get("fragments")
    current = ("rows" in saved and saved.get("code") == code
               and saved.get("profile") == _signature(out / slug / "profile.json")
               and (out / slug / f"{slug}.xlsx").is_file() and isinstance(fragments, dict) and fragments
               and all(_signature(folder / f"{name}.csv", missing_ok=True) == signature
                       for name, signature in fragments.items()))
    return saved if current else None


def _export_city(out: Path, slug: str, code: str) -> dict:
    """Write a city's rows of each table under ``.exports/<slug>/`` and its workbook; return what key.json keeps."""
    from ..report.tables import make_tables  # pandas: imported only when there is something to write

    path = out / slug / "profile.json"
    profile_signature = _signature(path)  # before reading: a profile written meanwhile is read again next build
    tables = make_tables([json.loads(path.read_text(encoding="utf-8"))])
    folder = out / FRAGMENTS / slug
    for name, frame in tables.items():
        write_atomic(folder / f"{name}.csv", frame.to_csv(index=False, header=False))
    write_atomic(out / slug / f"{slug}.xlsx", _workbook(tables))
    saved = {"profile": profile_signature, "code": code, "rows": {name: len(frame) for name, frame in tables.items()},
             "fragments": {name: _signature(folder / f"{name}.csv") for name in tables}}
    write_state(folder / ROWS_KEY, saved)  # last: a build cut short leaves a key that no longer fits
    return saved


def _write_corpus(out: Path, slugs: list[str], rows: int) -> list[str]:
    """Write every city's rows, in index order, as ``tables/*.csv``, and the corpus workbook while it is small.

    A workbook past the limit is deleted rather than left showing rows of an older build. Return the files written.
    """
    from ..report.tables import make_tables

    files = []
    for name, frame in make_tables([]).items():
        # Joined as bytes: decoding and encoding again the 100 MB of a 10,000-article corpus took a second.
        # With a byte-order mark: Excel reads a CSV as UTF-8 only when it starts with one.
        data = _BOM + frame.to_csv(index=False).encode() + b"".join(
            (out / FRAGMENTS / slug / f"{name}.csv").read_bytes() for slug in slugs)
        write_atomic(out / TABLES / f"{name}.csv", data)
        files.append(f"{TABLES}/{name}.csv")
    if rows > WORKBOOK_ROWS:
        (out / WORKBOOK).unlink(missing_ok=True)
        return files
    profiles = [json.loads((out / slug / "profile.json").read_text(encoding="utf-8")) for slug in slugs]
    write_atomic(out / WORKBOOK, _workbook(make_tables(profiles)))
    return files + [WORKBOOK]


def _report_limit(rows: int, report) -> None:
    if rows > WORKBOOK_ROWS:
        report(f"exports: {rows:,} rows is past the workbook's limit of {WORKBOOK_ROWS:,}; each city's workbook "
               f"is in its folder, and {TABLES}/*.csv hold every row")


def _corpus_key(code: str, fragments: list) -> str:
    """Return a key over the code, the row limit, the cities in order and their kept rows' signatures."""
    return hashlib.sha256(json.dumps([code, WORKBOOK_ROWS, fragments]).encode()).hexdigest()


def _remove_fragments(out: Path, slugs: set[str]) -> None:
    """Delete the kept rows of cities no longer in the index."""
    folder = out / FRAGMENTS
    for city in folder.iterdir() if folder.is_dir() else []:
        if city.name not in slugs:
            shutil.rmtree(city) if city.is_dir() else city.unlink()


def _signature(path: Path, missing_ok: bool = False) -> list[int] | None:
    """Return a file's :func:`stat_signature`; None for a missing file, with ``missing_ok``."""
    try:
        return stat_signature(path.stat())
    except FileNotFoundError:
        if missing_ok:
            return None
        raise


def _format_numbers(sheet, columns: list[str]) -> None:
    """Give every number a format: 31,600,000,000 not 3.16E+10; a percentage with "%" when its row's unit says so."""
    unit = columns.index("unit") if "unit" in columns else None
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, bool) or not isinstance(cell.value, (int, float)):
                continue
            if unit is not None and row[unit].value == "percent" and columns[cell.column - 1] == "value":
                cell.number_format = _PERCENT
            else:
                cell.number_format = _WHOLE if float(cell.value).is_integer() else _DECIMAL


def _workbook(tables: dict) -> bytes:
    """Return an .xlsx with a sheet per table, its header row frozen and its columns sized to their text.

    pandas writes the header row in bold.
    """
    import pandas as pd
    from openpyxl.styles import Alignment

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in tables.items():
            frame.to_excel(writer, sheet_name=name, index=False, freeze_panes=(1, 0))
            sheet = writer.sheets[name]
            sheet.auto_filter.ref = sheet.dimensions  # a filter on every column of the header row
            _format_numbers(sheet, list(frame.columns))
            for column, cells in zip(frame.columns, sheet.iter_cols()):
                longest = max([len(str(column))] + [len(str(value)) for value in frame[column] if value is not None])
                sheet.column_dimensions[cells[0].column_letter].width = min(longest, _WIDEST) + 2
                if longest > _WIDEST:
                    for cell in cells[1:]:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return buffer.getvalue()

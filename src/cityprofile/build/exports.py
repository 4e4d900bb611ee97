"""The export stage: every city's items as one workbook, ``cityprofile.xlsx``, and as CSV under ``tables/``.

Keyed like the reports on what they are made from (the index, every
profile.json and the code that writes them) and skipped when that is
unchanged; each file is written whole under a temporary name and renamed.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

from ..contract.files import write_atomic
from ..contract.paths import PACKAGE
from ..contract.profiles import INDEX_NAME, load_profiles, read_index
from .jobs import hash_files

WORKBOOK = "cityprofile.xlsx"
TABLES = "tables"
_STAMP = ".exports.key"
# The exports depend on this code only; hashing the whole package here would slow a no-op build.
_CODE = (Path(__file__), PACKAGE / "report" / "tables.py")
# Widest a spreadsheet column is made, in characters: a sentence wraps in the cell beyond it.
_WIDEST = 60


def export_stage(out: Path, force: bool = False, report=print) -> None:
    """Write the workbook and the CSV tables of the profiles in ``out``, unless nothing they show changed."""
    inputs = [out / INDEX_NAME] + [out / entry["slug"] / "profile.json" for entry in read_index(out)]
    key = hash_files(inputs + list(_CODE))
    stamp = out / _STAMP
    saved = json.loads(stamp.read_text(encoding="utf-8")) if stamp.is_file() else {}
    if not force and saved.get("key") == key and all((out / name).is_file() for name in saved["files"]):
        report("exports: up to date")
        return
    started = time.perf_counter()
    from ..report.tables import make_tables  # pandas: imported only when there is something to write

    tables = make_tables(load_profiles(profiles_dir=out))
    write_atomic(out / WORKBOOK, _workbook(tables))
    files = [WORKBOOK]
    for name, frame in tables.items():
        files.append(f"{TABLES}/{name}.csv")
        write_atomic(out / files[-1], frame.to_csv(index=False))
    write_atomic(stamp, json.dumps({"key": key, "files": files}))
    report(f"exports: {WORKBOOK} and {len(tables)} CSV tables in {time.perf_counter() - started:.1f}s")


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
            for column, cells in zip(frame.columns, sheet.iter_cols()):
                longest = max([len(str(column))] + [len(str(value)) for value in frame[column] if value is not None])
                sheet.column_dimensions[cells[0].column_letter].width = min(longest, _WIDEST) + 2
                if longest > _WIDEST:
                    for cell in cells[1:]:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return buffer.getvalue()

"""The dataset as one Excel workbook: a sheet per table, the header row frozen and filtered, columns
as wide as their content, every cell in its column's type (numbers as numbers, years as integers,
flags as booleans, an empty cell for a missing value) and no document text run as a formula.

Written with openpyxl's write-only mode (rows streamed, memory bounded by one row); text goes through
the same guard as CSV (control characters escaped, a leading = + - @ given an apostrophe).
"""
from __future__ import annotations

import io
import math
import unicodedata
from pathlib import Path

from .export import OutputError
from .lazy_pandas import pd

MAX_ROWS = 1_048_575  # a sheet's rows less its header
MIN_WIDTH, MAX_WIDTH = 8, 60  # in characters: narrow columns stay clickable, long texts wrap off-screen
WIDTH_SAMPLE = 2000  # rows looked at to size a column


class WorkbookError(OutputError):
    """A table that a sheet cannot hold (exit 4, as any output that cannot be written)."""


def write_workbook(tables: dict[str, pd.DataFrame], path: Path, guard) -> None:
    """`tables` (name → typed DataFrame) as sheets of one .xlsx at `path`; `guard` makes a text cell safe."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    for name, df in tables.items():
        if len(df) > MAX_ROWS:
            raise WorkbookError(f"{name}: {len(df)} rows, more than a sheet holds ({MAX_ROWS}); export parquet or csv")
    book = Workbook(write_only=True)
    for name, df in tables.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.freeze_panes = "A2"
        for k, col in enumerate(df.columns, start=1):
            sheet.column_dimensions[get_column_letter(k)].width = _width(col, df[col])
        if len(df.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
        sheet.append([str(c) for c in df.columns])
        for row in df.itertuples(index=False, name=None):
            sheet.append([_cell(v, guard) for v in row])
    # built in memory, then written in one call: a disk that fills up mid-save is one OSError, not a zip
    # writer and a dozen sheet generators left half-closed to print their tracebacks when collected
    buf = io.BytesIO()
    book.save(buf)
    Path(path).write_bytes(buf.getvalue())


def _cell(v, guard):
    """A value as openpyxl writes it typed: None (an empty cell), bool, int, float or guarded text."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, bool):
        return v
    if hasattr(v, "item") and not isinstance(v, str):  # numpy scalars
        v = v.item()
    if isinstance(v, float):
        return None if not math.isfinite(v) else v
    if isinstance(v, (int, bool)):
        return v
    return guard(str(v))


def _shown_width(text: str) -> int:
    """Characters on screen: a CJK character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _width(name, column: pd.Series) -> float:
    sample = column.head(WIDTH_SAMPLE).dropna().astype(str)
    widest = max([_shown_width(str(name))] + [_shown_width(t) for t in sample])
    return float(min(max(widest + 2, MIN_WIDTH), MAX_WIDTH))

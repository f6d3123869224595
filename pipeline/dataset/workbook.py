"""The dataset as one Excel workbook for auditors: a sheet per table, two header rows (the Chinese label over
the export's key) frozen and filtered, every report named by its title and file on every sheet, columns as
wide as their content, every cell in its column's type (numbers as numbers with their format: amounts with
thousands separators, rates as percents; years as integers, flags as booleans, an empty cell for a missing
value; a check's stated and computed figures as numbers) and no document text run as a formula.

Written with openpyxl's write-only mode (rows streamed, memory bounded by one row); text goes through
the same guard as CSV (control characters escaped, a leading = + - @ given an apostrophe).
"""
from __future__ import annotations

import io
import math
import unicodedata
from datetime import datetime
from pathlib import Path

import regex

from .export import OutputError
from .labels import label, number_format
from .lazy_pandas import pd

MAX_ROWS = 1_048_575  # a sheet's rows less its header
MIN_WIDTH, MAX_WIDTH = 8, 60  # in characters: narrow columns stay clickable, long texts wrap off-screen
WIDTH_SAMPLE = 2000  # rows looked at to size a column


class WorkbookError(OutputError):
    """A table that a sheet cannot hold (exit 4, as any output that cannot be written)."""


def write_workbook(tables: dict[str, pd.DataFrame], path: Path, guard) -> list[str]:
    """`tables` (name → typed DataFrame) as sheets of one .xlsx at `path`; `guard` makes a text cell safe.
    Each sheet opens with two header rows, the Chinese label (labels.py) over the export's key, and every
    sheet whose rows belong to a report names it by its title and file beside its id. An empty table gets no
    sheet; the names of the sheets written are returned."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    tables = named(tables)
    for name, df in tables.items():
        if len(df) > MAX_ROWS:
            raise WorkbookError(f"{name}: {len(df)} rows, more than a sheet holds ({MAX_ROWS}); export parquet or csv")
    book = Workbook(write_only=True)
    # an empty table is no sheet (the parquet and CSV exports keep it, with its columns); one sheet at least
    shown = {n: df for n, df in tables.items() if len(df)} or dict(list(tables.items())[:1])
    for name, df in shown.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.freeze_panes = f"A{HEADER_ROWS + 1}"
        labels = [label(name, str(c)) for c in df.columns]
        for k, col in enumerate(df.columns, start=1):
            sheet.column_dimensions[get_column_letter(k)].width = _width(max((labels[k - 1], str(col)), key=_shown_width), df[col])
        if len(df.columns):
            sheet.auto_filter.ref = f"A{HEADER_ROWS}:{get_column_letter(len(df.columns))}{len(df) + HEADER_ROWS}"
        sheet.append([_styled(sheet, WriteOnlyCell, text, Font(bold=True)) for text in labels])
        sheet.append([_styled(sheet, WriteOnlyCell, str(c), Font(color="808080", size=9)) for c in df.columns])
        formats = [number_format(str(c)) for c in df.columns]
        numeric_text = [str(c) in NUMERIC_TEXT for c in df.columns]
        for row in df.itertuples(index=False, name=None):
            cells = []
            for v, fmt, as_number in zip(row, formats, numeric_text):
                value = _cell(v, guard)
                if as_number and isinstance(value, str):
                    value = _number_or_text(value)
                if fmt is not None and isinstance(value, (int, float, datetime)) and not isinstance(value, bool):
                    cell = WriteOnlyCell(sheet, value)
                    cell.number_format = fmt
                    value = cell
                cells.append(value)
            sheet.append(cells)
    # built in memory, then written in one call: a disk that fills up mid-save is one OSError, not a zip
    # writer and a dozen sheet generators left half-closed to print their tracebacks when collected
    buf = io.BytesIO()
    book.save(buf)
    Path(path).write_bytes(buf.getvalue())
    return list(shown)


HEADER_ROWS = 2  # the Chinese labels, then the export's keys
# Columns that hold a figure as text in the export (a check's stated and computed values may be a list or a
# word too): a cell that is one plain number is written as a number.
NUMERIC_TEXT = {"stated", "computed", "expected", "actual", "rule", "old_value", "new_value"}
_PLAIN_NUMBER = regex.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?")


def named(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Each sheet of a report's rows (by report_id) with the report's title and first file beside its id, and
    the files sheet with the titles of the reports each file holds."""
    reports, files = tables.get("reports"), tables.get("files")
    if reports is None or files is None:
        return tables
    first_file = files.groupby("sha256")["path"].min() if len(files) else pd.Series(dtype=object)
    title = dict(zip(reports["report_id"], reports["title"])) if len(reports) else {}
    file = dict(zip(reports["report_id"], reports["sha256"].map(first_file))) if len(reports) else {}
    out = {}
    for name, df in tables.items():
        df = df.copy()
        if "report_id" in df.columns and name not in ("reports_wide",):
            at = list(df.columns).index("report_id") + 1
            if "title" not in df.columns:
                df.insert(at, "title", df["report_id"].map(title) if len(df) else [])
                at += 1
            if "path" not in df.columns and "paths" not in df.columns:
                df.insert(at, "file", df["report_id"].map(file) if len(df) else [])
        elif name == "files" and "sha256" in df.columns and len(reports):
            titles = reports.groupby("sha256")["title"].apply(lambda t: " ; ".join(sorted({x for x in t if x})))
            df.insert(list(df.columns).index("sha256") + 1, "title", df["sha256"].map(titles) if len(df) else [])
        elif "sha256" in df.columns and "path" not in df.columns:  # a finance document: its file
            df.insert(list(df.columns).index("sha256") + 1, "file", df["sha256"].map(first_file) if len(df) else [])
        elif "report_ids" in df.columns:  # a finding across reports: their titles
            df.insert(list(df.columns).index("report_ids") + 1, "titles", df["report_ids"].map(
                lambda ids: " ; ".join(str(title.get(i.strip(), i)) for i in str(ids).split(";"))) if len(df) else [])
        out[name] = df
    return out


def _styled(sheet, cell_type, text: str, font):
    cell = cell_type(sheet, text)
    cell.font = font
    return cell


def _number_or_text(text: str):
    if _PLAIN_NUMBER.fullmatch(text.strip()):
        value = float(text)
        return int(value) if value.is_integer() and "." not in text else value
    return text


def _cell(v, guard):
    """A value as openpyxl writes it typed: None (an empty cell), bool, int, float or guarded text."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):  # Excel keeps no time zone: the local time, as the auditor reads a clock
        return v.to_pydatetime().astimezone().replace(tzinfo=None)
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

"""CSV backend: a table exported as comma- or tab-separated rows (a finance system's export, a workbook saved as
CSV), whether its name says .csv or the text inside a .txt is shaped so. Each row is a row of one grid, as a
workbook's sheet is read (office.workbook_document), so that a form's key and value stand in cells of their own.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import regex

from ..document import Document
from ..errors import LoadError
from .office import cell_text, workbook_document

# what only a CSV writer leaves on a line: a quoted cell beside a separator, an empty cell, a row's trailing
# empty cells (prose has its commas between words)
_CSV_MARK = regex.compile(r'(?:,"|",|,,|,[ \t]*$)')
MIN_ROWS = 3
SHARE_OF_ROWS = 0.6  # rows of two cells or more
SHARE_MARKED = 0.5  # lines with a mark only a CSV writer leaves


def csv_shaped(text: str) -> bool:
    """Whether a text is CSV rows: most of its lines parse into two cells or more, and half of them carry a
    mark no prose carries. (A report's prose, however many commas it holds, carries none.)"""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_ROWS:
        return False
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    several = sum(1 for row in rows if len(row) >= 2)
    marked = sum(1 for line in lines if _CSV_MARK.search(line))
    return several >= SHARE_OF_ROWS * len(rows) and marked >= SHARE_MARKED * len(lines)


def csv_document(path: Path, text: str, encoding: str | None = None) -> Document:
    """The rows as one sheet's grid, each cell on one line (office.cell_text)."""
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" or text.count("\t") > text.count(",") else "excel"
    grid = [[cell_text(c) for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    if not any(any(row) for row in grid):
        raise LoadError(path, "a CSV file with no text in any cell")
    doc = workbook_document(path, "text", [(f"csv:{path.stem}", grid, {})])  # SPEC: a CSV is a text file
    doc.encoding = encoding
    if text.count('"') % 2:  # a writer doubles the quotes inside a cell: an odd count is a file cut inside one
        doc.meta["cut_inside_a_cell"] = True
    return doc


def load_csv(path: Path, data: bytes) -> Document:
    from .text import _decode_text
    text, encoding = _decode_text(path, data)
    return csv_document(path, text, encoding)

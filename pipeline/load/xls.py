"""Legacy XLS backend (xlrd, BIFF8): like xlsx.py. Merged ranges are only listed by xlrd when the
workbook is opened with formatting_info, so it is."""
from __future__ import annotations

import io
from pathlib import Path

from ..document import Document, Page
from ..errors import LoadError
from .office import cell_text, grid_text, number_text, short_reason


def load_xls(path: Path, data: bytes) -> Document:
    import xlrd
    # xlrd writes its diagnostics (WARNING *** OLE2 inconsistency, …) to stdout by default: kept here
    # instead, so that `jixiao extract`'s JSON on stdout stays valid
    chatter = io.StringIO()
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=chatter, verbosity=0)
    except Exception as exc:  # noqa: BLE001
        raise LoadError(path, f"not a readable XLS ({short_reason(exc)})") from None
    pages = []
    for sheet in book.sheets():
        grid = [[_xls_value(sheet.cell(r, c)) for c in range(sheet.ncols)] for r in range(sheet.nrows)]
        for r0, r1, c0, c1 in sheet.merged_cells:
            for r in range(r0, r1):
                for c in range(c0, c1):
                    grid[r][c] = grid[r0][c0]
        text = grid_text(grid)
        if text.strip():
            pages.append(Page(len(pages) + 1, text, reader=f"xlrd:{sheet.name}"))
    if not pages:
        raise LoadError(path, "the workbook's sheets are empty")
    return Document(str(path), "", "xls", pages, paged=False, meta={"sheets": [p.reader.split(":", 1)[1] for p in pages]})


def _xls_value(cell) -> str:
    import xlrd
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return number_text(cell.value)
    return cell_text(str(cell.value))

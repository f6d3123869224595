"""Legacy XLS backend (xlrd, BIFF8): like xlsx.py. Merged ranges are only listed by xlrd when the
workbook is opened with formatting_info, so it is."""
from __future__ import annotations

import io
from pathlib import Path

from ..document import Document
from ..errors import LoadError
from .office import cell_text, fill_merged, number_text, short_reason, workbook_document


def load_xls(path: Path, data: bytes) -> Document:
    import xlrd
    # xlrd writes its diagnostics (WARNING *** OLE2 inconsistency, …) to stdout by default: kept here
    # instead, so that `jixiao extract`'s JSON on stdout stays valid
    chatter = io.StringIO()
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=chatter, verbosity=0)
    except Exception as exc:  # noqa: BLE001
        raise LoadError(path, f"not a readable XLS ({short_reason(exc)})") from None
    def sheets():
        for sheet in book.sheets():
            grid = [[_xls_value(sheet.cell(r, c)) for c in range(sheet.ncols)] for r in range(sheet.nrows)]
            yield f"xlrd:{sheet.name}", grid, fill_merged(grid, sheet.merged_cells)
    return workbook_document(path, "xls", sheets())


def _xls_value(cell) -> str:
    import xlrd
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return number_text(cell.value)
    return cell_text(str(cell.value))

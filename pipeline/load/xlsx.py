"""XLSX backend (openpyxl): each sheet a page, cells as typed (percent formats, dates), merged ranges filled."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from ..document import Document
from ..errors import LoadError
from . import limits
from .office import MAX_CELLS, cell_text, check_zip, fill_merged, number_text, short_reason, workbook_document


def load_xlsx(path: Path, data: bytes) -> Document:
    limits.check_workbook(path, check_zip(path, data))  # shared strings and cells counted before loading
    import openpyxl  # parses through defusedxml when it is installed (openpyxl.xml.DEFUSEDXML)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # noqa: BLE001
        raise LoadError(path, f"not a readable XLSX ({short_reason(exc)})") from None
    def sheets():
        for ws in wb.worksheets:
            if ws.max_row * ws.max_column > MAX_CELLS:
                raise LoadError(path, f"sheet '{ws.title}' has {ws.max_row}×{ws.max_column} cells: not a report")
            grid = [[_xlsx_value(c) for c in row] for row in ws.iter_rows()]
            fill_merged(grid, [(m.min_row - 1, m.max_row, m.min_col - 1, m.max_col) for m in ws.merged_cells.ranges])
            yield f"openpyxl:{ws.title}", grid
    return workbook_document(path, "xlsx", sheets())


def _xlsx_value(cell) -> str:
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        fmt = cell.number_format or ""
        if "%" in fmt:
            decimals = len(fmt.split(".")[1].rstrip("%")) if "." in fmt else 0
            return f"{v * 100:.{decimals}f}%"
        return number_text(v)
    if isinstance(v, (dt.datetime, dt.date)):
        return v.strftime("%Y年%m月%d日")
    return cell_text(str(v))

"""XLSX backend (openpyxl): each sheet a page, cells as typed (percent formats, dates), merged ranges filled.

A cell that holds a formula gives its cached result (what Excel last computed, perhaps from another
workbook that is not there): such cells are listed in `meta["formula_cells"]`, and the values read from
them are marked in provenance (office.mark_formula_values)."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import regex

from ..document import Document
from ..errors import LoadError
from . import limits
from .office import MAX_CELLS, cell_text, check_zip, fill_merged, number_text, short_reason, workbook_document


def load_xlsx(path: Path, data: bytes) -> Document:
    zf = check_zip(path, data)
    limits.check_workbook(path, zf)  # shared strings and cells counted before loading
    import openpyxl  # parses through defusedxml when it is installed (openpyxl.xml.DEFUSEDXML)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # noqa: BLE001
        raise LoadError(path, f"not a readable XLSX ({short_reason(exc)})") from None
    formulas = formula_cells(zf)
    def sheets():
        for ws in wb.worksheets:
            if ws.max_row * ws.max_column > MAX_CELLS:
                raise LoadError(path, f"sheet '{ws.title}' has {ws.max_row}×{ws.max_column} cells: not a report")
            grid = [[_xlsx_value(c) for c in row] for row in ws.iter_rows()]
            copies = fill_merged(grid, [(m.min_row - 1, m.max_row, m.min_col - 1, m.max_col) for m in ws.merged_cells.ranges])
            yield f"openpyxl:{ws.title}", grid, copies
    doc = workbook_document(path, "xlsx", sheets())
    doc.meta["formula_cells"] = {ws.title: [FormulaCell(ref, _xlsx_value(ws[ref]), external) for ref, external
                                            in formulas.get(ws.title, {}).items()] for ws in wb.worksheets
                                 if formulas.get(ws.title)}
    return doc


@dataclass(frozen=True)
class FormulaCell:
    """A cell whose value is a formula's cached result (data_only: what Excel last computed), not a figure
    typed by the author; `external_link`: the formula reads another workbook ([1]Sheet!A1)."""
    cell: str
    text: str
    external_link: bool


_EXTERNAL = regex.compile(r"\[\d+\]")  # a formula's reference to an external workbook: [1]预算!C6


def formula_cells(zf: zipfile.ZipFile) -> dict[str, dict[str, bool]]:
    """{sheet title: {cell reference: whether its formula reads another workbook}} for every cell that
    holds a formula, read from the sheet XML (openpyxl with data_only keeps only the cached values)."""
    from lxml import etree
    names = set(zf.namelist())
    try:
        book = etree.fromstring(zf.read("xl/workbook.xml"), etree.XMLParser(resolve_entities=False, no_network=True))
        rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"),
                                etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter("{*}Relationship")}
    found: dict[str, dict[str, bool]] = {}
    for sheet in book.iter("{*}sheet"):
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rid, "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if part not in names:
            continue
        cells: dict[str, bool] = {}
        with zf.open(part) as fh:
            for _, c in etree.iterparse(fh, events=("end",), tag="{*}c", resolve_entities=False, no_network=True,
                                        huge_tree=True):
                f = c.find("{*}f")
                if f is not None and c.get("r"):
                    cells[c.get("r")] = bool(_EXTERNAL.search(f.text or ""))
                c.clear(keep_tail=False)
        if cells:
            found[sheet.get("name")] = cells
    return found


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

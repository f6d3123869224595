"""Office backends: DOCX (python-docx), XLSX (openpyxl), legacy XLS (xlrd), legacy DOC (LibreOffice).

Both write what the text and HTML backends write: prose as lines, tables one row per line with
' | ' between cells and a merged cell's text repeated into every cell it spans, so that one
score-table parser serves every format. A DOCX or XLSX is a zip of XML: its members are checked
for a zip bomb before anything is parsed, and XML is parsed with entity expansion off
(defusedxml guards openpyxl; python-docx's lxml parser does not resolve entities).
"""
from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import regex

from ..document import Document, Page
from ..errors import LoadError

MAX_UNZIPPED = 200 * 1024 * 1024  # a report's XML is a few MB; more is a zip bomb
MAX_RATIO = 200  # compression ratio beyond which a member is a bomb, not a document
MAX_CELLS = 2_000_000


def check_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise LoadError(path, "not a readable Office file: damaged or truncated zip") from None
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10 * 1024 * 1024:
            raise LoadError(path, f"refused: '{info.filename}' expands {info.file_size // info.compress_size}× (a zip bomb)")
    if total > MAX_UNZIPPED:
        raise LoadError(path, f"refused: {total // 2**20} MiB once unzipped (a zip bomb or not a report)")
    for info in zf.infolist():
        if info.filename.endswith((".xml", ".rels")):
            with zf.open(info) as fh:
                head = fh.read(4096)  # a DOCTYPE comes before the root element, in the first bytes
            if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
                raise LoadError(path, f"refused: '{info.filename}' declares XML entities (XXE)")
    return zf


def office_kind(path: Path, data: bytes) -> str | None:
    """docx, xlsx or None for another zip, from the member names alone (the backend checks the rest)."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        raise LoadError(path, "not a readable Office file: damaged or truncated zip") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


# --- DOCX ----------------------------------------------------------------------------------------------

def load_docx(path: Path, data: bytes) -> Document:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_zip(path, data)
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several types for a damaged file
        raise LoadError(path, f"not a readable DOCX ({type(exc).__name__}: {str(exc)[:100]})") from None
    lines: list[str] = []
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, d).text.strip()
            if text:
                lines.append(text)
        elif tag == "tbl":
            lines.extend(_docx_table(Table(child, d)))
    return Document(str(path), "", "docx", [Page(1, "\n".join(lines), reader="python-docx")], paged=False)


def _docx_table(table) -> list[str]:
    out = []
    for row in table.rows:
        # python-docx repeats a merged cell's object in every grid cell it covers: its text with it
        cells = [_cell_text(c.text) for c in row.cells]
        if any(cells):
            out.append(" | ".join(cells))
    return out


def _cell_text(text: str) -> str:
    return regex.sub(r"\s*\n\s*", "", text).replace("|", "/").strip()


# --- XLSX / XLS ---------------------------------------------------------------------------------------

def load_xlsx(path: Path, data: bytes) -> Document:
    check_zip(path, data)
    import openpyxl  # parses through defusedxml when it is installed (openpyxl.xml.DEFUSEDXML)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # noqa: BLE001
        raise LoadError(path, f"not a readable XLSX ({type(exc).__name__}: {str(exc)[:100]})") from None
    pages = []
    for ws in wb.worksheets:
        if ws.max_row * ws.max_column > MAX_CELLS:
            raise LoadError(path, f"sheet '{ws.title}' has {ws.max_row}×{ws.max_column} cells: not a report")
        grid = [[_xlsx_value(c) for c in row] for row in ws.iter_rows()]
        for rng in ws.merged_cells.ranges:
            top = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row - 1 < len(grid) else ""
            for r in range(rng.min_row - 1, min(rng.max_row, len(grid))):
                for c in range(rng.min_col - 1, min(rng.max_col, len(grid[r]))):
                    grid[r][c] = top
        text = _grid_text(grid)
        if text.strip():
            pages.append(Page(len(pages) + 1, text, reader=f"openpyxl:{ws.title}"))
    if not pages:
        raise LoadError(path, "the workbook's sheets are empty")
    return Document(str(path), "", "xlsx", pages, paged=False, meta={"sheets": [p.reader.split(":", 1)[1] for p in pages]})


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
        return _number_text(v)
    if isinstance(v, (dt.datetime, dt.date)):
        return v.strftime("%Y年%m月%d日")
    return _cell_text(str(v))


def _number_text(v: float) -> str:
    """A number as a person typed it: 251.89 not 251.89000000000001, 10 not 10.0."""
    if isinstance(v, float):
        text = f"{v:.6f}".rstrip("0").rstrip(".")
        return text if text not in ("-0", "") else "0"
    return str(v)


def _grid_text(grid: list[list[str]]) -> str:
    lines = []
    for row in grid:
        while row and not row[-1]:
            row = row[:-1]
        if any(row):
            lines.append(" | ".join(row))
    return "\n".join(lines)


def load_xls(path: Path, data: bytes) -> Document:
    import xlrd
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=False)
    except Exception as exc:  # noqa: BLE001
        raise LoadError(path, f"not a readable XLS ({type(exc).__name__}: {str(exc)[:100]})") from None
    pages = []
    for sheet in book.sheets():
        grid = [[_xls_value(sheet.cell(r, c)) for c in range(sheet.ncols)] for r in range(sheet.nrows)]
        for r0, r1, c0, c1 in sheet.merged_cells:
            for r in range(r0, r1):
                for c in range(c0, c1):
                    grid[r][c] = grid[r0][c0]
        text = _grid_text(grid)
        if text.strip():
            pages.append(Page(len(pages) + 1, text, reader=f"xlrd:{sheet.name}"))
    if not pages:
        raise LoadError(path, "the workbook's sheets are empty")
    return Document(str(path), "", "xlsx", pages, paged=False)


def _xls_value(cell) -> str:
    import xlrd
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return _number_text(cell.value)
    return _cell_text(str(cell.value))


# --- legacy DOC through LibreOffice -------------------------------------------------------------------

def load_doc(path: Path, data: bytes) -> Document:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise LoadError(path, "a legacy .doc needs LibreOffice to be read: apt-get install libreoffice-writer "
                              "(or save it as .docx)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        try:
            subprocess.run([office, "--headless", "--convert-to", "docx", "--outdir", tmp, str(src)],
                           capture_output=True, timeout=120, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            raise LoadError(path, f"LibreOffice could not convert the .doc ({type(exc).__name__})") from None
        out = Path(tmp) / "in.docx"
        if not out.exists():
            raise LoadError(path, "LibreOffice could not convert the .doc")
        doc = load_docx(path, out.read_bytes())
    doc.pages[0].reader = "libreoffice+python-docx"
    doc.format = "docx"
    return doc

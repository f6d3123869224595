"""What the Office backends share (docx.py, xlsx.py, xls.py, doc.py): the zip checks and the row format.

Every Office backend writes what the text and HTML backends write: prose as lines, tables one row per
line with ' | ' between cells and a merged cell's text repeated into every cell it spans, so that one
table interpreter serves every format. A DOCX or XLSX is a zip of XML: its members are checked for a
zip bomb before anything is parsed, and every XML part is parsed whole first with defusedxml's rules
(a DTD or an entity declaration anywhere in it is refused: `refuse_entities`); openpyxl then parses
through defusedxml as well, and python-docx's lxml parser does not resolve entities.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import regex

from ..document import Cell, Document, Grid, GridCell, Page, positions_written, with_spans
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
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            try:
                fh = zf.open(info)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
                raise LoadError(path, f"not a readable Office file: '{info.filename}' is damaged "
                                      f"({short_reason(exc)})") from None
            with fh:
                refuse_entities(path, info.filename, fh)
    return zf


def refuse_entities(path: Path, part: str, fh) -> None:
    """Parse one XML part whole (expat, no tree built) with defusedxml's rules: a DTD, an entity
    declaration or an external reference anywhere in it is refused (Office XML has none), wherever
    it stands, however much padding comes before it; a part that is not well-formed XML is damaged."""
    from xml.parsers import expat

    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    parser = expat.ParserCreate()

    def dtd(name, *_):
        raise DTDForbidden(name, None, None)

    def entity(name, *_):
        raise EntitiesForbidden(name, None, None, None, None, None)

    def external(context, base, sysid, pubid):
        raise ExternalReferenceForbidden(context, base, sysid, pubid)

    parser.StartDoctypeDeclHandler = dtd
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external
    try:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise LoadError(path, f"refused: '{part}' declares XML entities or a DTD (XXE)") from None
    except expat.ExpatError as exc:
        raise LoadError(path, f"not a readable Office file: '{part}' is damaged XML "
                              f"({expat.ErrorString(exc.code)}, line {exc.lineno})") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:  # no inflate
        raise LoadError(path, f"not a readable Office file: '{part}' is damaged ({short_reason(exc)})") from None


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


def short_reason(exc: BaseException, limit: int = 100) -> str:
    """`Type: message` of a library's exception for a one-line reason: line breaks and tracebacks
    collapsed, the in-memory stream a library names in place of the file (`<_io.BytesIO object at
    0x…>`) left out (the LoadError names the file), at most `limit` characters of message."""
    text = str(exc)
    if "Traceback (most recent call last)" in text:
        text = next((x for x in reversed(text.splitlines()) if x.strip()), "")
    text = regex.sub(r"\s*<_io\.\w+ object at 0x[0-9a-fA-F]+>", "", text)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def cell_text(text: str) -> str:
    """A cell's text on one line, its pipes escaped: the row format joins cells with ' | '."""
    return regex.sub(r"\s*\n\s*", "", text).replace("|", "/").strip()


def number_text(v: float) -> str:
    """A number as a person typed it: 251.89 not 251.89000000000001, 10 not 10.0."""
    if isinstance(v, float):
        text = f"{v:.6f}".rstrip("0").rstrip(".")
        return text if text not in ("-0", "") else "0"
    return str(v)


def row_line(texts: list[str], ref, row: int = 0, copies: dict | None = None) -> tuple[str, list[Cell], list[GridCell]]:
    """A row of cells in the row format (' | ' between cells), where each filled cell's text stands in
    the line (`ref(k)` names the k-th cell, 0-based), and every cell written, empty ones too, as a cell
    of the table's grid at `row`; `copies` maps a position a merged cell covers to the merged cell's. A row that
    is one merged cell is written once (document.positions_written); the positions it covers after its first stay
    in the grid, empty, at the line's end, so that its span is still counted."""
    copies = copies or {}
    n = positions_written([copies.get((row, k), (row, k)) for k in range(len(texts))])
    cells, grid, pos = [], [], 0
    for k, text in enumerate(texts[:n]):
        if k:
            pos += 3  # ' | '
        if text:
            cells.append(Cell(pos, pos + len(text), ref(k)))
        grid.append(GridCell(row, k, pos, pos + len(text), copy_of=copies.get((row, k))))
        pos += len(text)
    grid += [GridCell(row, k, pos, pos, copy_of=copies.get((row, k))) for k in range(n, len(texts))]
    return " | ".join(texts[:n]), cells, grid


def grid_text(grid: list[list[str]], sheet: str, copies: dict | None = None) -> tuple[str, list[Cell], list[GridCell]]:
    """The grid as pipe rows, where each filled cell's text stands in it ('Sheet!C7'), and the cells
    written as a grid (rows and columns as in the sheet, 0-based)."""
    lines, cells, grid_cells, offset = [], [], [], 0
    for r, row in enumerate(grid, start=1):
        while row and not row[-1]:
            row = row[:-1]
        if not any(row):
            continue
        line, line_cells, line_grid = row_line(row, lambda k, r=r: f"{sheet}!{column_letter(k)}{r}", r - 1, copies)
        cells.extend(Cell(offset + c.start, offset + c.end, c.ref) for c in line_cells)
        grid_cells.extend(c.shifted(offset) for c in line_grid)
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), cells, with_spans(grid_cells)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA. (openpyxl's get_column_letter costs a .xls file, read by xlrd, 0.26 s of
    openpyxl imports.)"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def fill_merged(grid: list[list[str]], ranges) -> dict[tuple[int, int], tuple[int, int]]:
    """Repeat a merged range's text into every cell it spans; ranges are (row0, row1, col0, col1),
    0-based and half-open, as xlrd gives them. Returns the positions filled, each with its range's
    top-left cell."""
    copies = {}
    for r0, r1, c0, c1 in ranges:
        top = grid[r0][c0] if r0 < len(grid) and c0 < len(grid[r0]) else ""
        for r in range(r0, min(r1, len(grid))):
            for c in range(c0, min(c1, len(grid[r]))):
                grid[r][c] = top
                if (r, c) != (r0, c0):
                    copies[(r, c)] = (r0, c0)
    return copies


def workbook_document(path, fmt: str, sheets) -> Document:
    """A workbook as a Document: one page per sheet that holds text; `sheets` yields (reader, grid, the
    positions its merged ranges fill)."""
    pages = []
    for reader, grid, copies in sheets:
        text, cells, grid_cells = grid_text(grid, reader.split(":", 1)[-1], copies)
        if text.strip():
            pages.append(Page(len(pages) + 1, text, reader=reader, cells=cells, grids=[Grid(1, grid_cells)]))
    if not pages:
        raise LoadError(path, "the workbook's sheets are empty")
    return Document(str(path), "", fmt, pages, paged=False, meta={"sheets": [p.reader.split(":", 1)[1] for p in pages]})


def mark_formula_values(document: Document, record) -> None:
    """Mark in `record.provenance` each value read from a workbook cell that holds a formula (`formula:
    true`, the cell, and `external_link: true` where the formula reads another workbook): the registered
    check `formula_values` (verify/sources.py) warns of them, and a failure resting on one needs a look.
    A value is matched to a formula cell on its page by the cell's text (its raw text is the cell's, a
    percent sign aside)."""
    cells = document.meta.get("formula_cells")
    if not cells:
        return
    by_page = {p.number: cells.get(p.reader.split(":", 1)[-1], []) for p in document.pages}
    for entry in record.provenance.values():
        text = (entry.get("text") or "").strip()
        for c in by_page.get(entry.get("page"), []):
            if c.text and text in (c.text, c.text.rstrip("%")):
                entry["formula"] = True
                entry["cell"] = c.cell
                if c.external_link:
                    entry["external_link"] = True
                break

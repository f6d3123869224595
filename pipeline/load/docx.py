"""DOCX backend (python-docx): paragraphs as lines, tables in the row format of office.py."""
from __future__ import annotations

import io
from pathlib import Path

from ..document import Cell, Document, Grid, GridCell, Page, with_spans
from ..errors import LoadError
from .office import cell_text, check_zip, row_line, short_reason


def load_docx(path: Path, data: bytes) -> Document:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_zip(path, data)
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several types for a damaged file
        raise LoadError(path, f"not a readable DOCX ({short_reason(exc)})") from None
    lines: list[str] = []
    cells: list[Cell] = []
    grids: list[Grid] = []
    offset, n_tables = 0, 0
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, d).text.strip()
            if text:
                lines.append(text)
                offset += len(text) + 1
        elif tag == "tbl":
            n_tables += 1
            grid_cells: list[GridCell] = []
            for line, line_cells, line_grid in _docx_table(Table(child, d), n_tables):
                cells.extend(Cell(offset + c.start, offset + c.end, c.ref) for c in line_cells)
                grid_cells.extend(c.shifted(offset) for c in line_grid)
                lines.append(line)
                offset += len(line) + 1
            if grid_cells:
                grids.append(Grid(n_tables, with_spans(grid_cells)))
    page = Page(1, "\n".join(lines), reader="python-docx", cells=cells, grids=grids)
    return Document(str(path), "", "docx", [page], paged=False)


def _docx_table(table, number: int):
    """Each row with text as a line of the row format, with where each cell's text stands in it: table
    `number`, row and column ('表2!R3C4', 1-based, as a person counts them in Word), and its cells as a
    row of the table's grid."""
    # a cell's XML element → the position it was first seen at; the element itself is the key (held, lxml
    # hands back the same proxy for its node; an id() of a proxy let go could be another cell's)
    first_at: dict[object, tuple[int, int]] = {}
    for r, row in enumerate(table.rows, start=1):
        # python-docx repeats a merged cell's object in every grid cell it covers: its text with it
        row_cells = list(row.cells)
        copies = {}
        for k, c in enumerate(row_cells):
            origin = first_at.setdefault(c._tc, (r - 1, k))
            if origin != (r - 1, k):
                copies[(r - 1, k)] = origin
        texts = [cell_text(c.text) for c in row_cells]
        if any(texts):
            yield row_line(texts, lambda k, r=r: f"表{number}!R{r}C{k + 1}", r - 1, copies)

"""Ruled tables of a PDF page: cells from the page's ruling lines, the text of each cell from its
characters. The grid is pdfplumber's (its table functions: edges -> intersections -> cells ->
tables, with its default settings), fed with the edges whichever reader drew from the page.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import regex
from pdfplumber import table as plumber_table
from pdfplumber.table import Table
from pdfplumber.utils import geometry

from ..document import positions_written

# pdfplumber's TableSettings defaults (snap, join and intersection tolerances, edge lengths), in points
SNAP = 3
JOIN = 3
INTERSECTION = 3
EDGE_MIN_LENGTH = 3
EDGE_MIN_LENGTH_PREFILTER = 1


@dataclass(frozen=True)
class RuledTable:
    """A ruled table: its box and its rows, each (top, pieces of text with the box of their cell)."""

    bbox: tuple[float, float, float, float]
    rows: list[tuple[float, list[tuple[str, tuple | None]]]]
    columns: tuple[float, ...]  # the x of each vertical rule of its grid, left to right


def ruled_tables(edges: list[dict], chars: list[dict], continued: tuple[float, ...] | None = None,
                 text_top: float | None = None) -> list[RuledTable]:
    """The page's ruled tables from its edges (pdfplumber edge dicts) and characters. A page frame or
    a rule under a heading is not a table: a table has two rows and two columns at least — but a
    single row above the page's text (`text_top`) on the columns of the ruled table the page before
    ended with (`continued`) is that table's last row, carried over: it is read on those columns, a
    cell merged over several of them repeated into each, as the table reads it."""
    edges = geometry.filter_edges(edges, min_length=EDGE_MIN_LENGTH_PREFILTER)
    if len(edges) < 4:
        return []
    edges = plumber_table.merge_edges(edges, SNAP, SNAP, JOIN, JOIN)
    edges = geometry.filter_edges(edges, min_length=EDGE_MIN_LENGTH)
    intersections = plumber_table.edges_to_intersections(edges, INTERSECTION, INTERSECTION)
    cells = plumber_table.intersections_to_cells(intersections)
    out = []
    for group in plumber_table.cells_to_tables(cells):
        x0, top, x1, bottom = (min(c[0] for c in group), min(c[1] for c in group),
                               max(c[2] for c in group), max(c[3] for c in group))
        # Table.extract reads only its page's characters: those within the table, from whichever reader
        inside = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
        table = Table(SimpleNamespace(chars=inside), group)
        if len(table.rows) >= 2 and len(table.columns) >= 2:
            out.append(RuledTable(table.bbox, _table_rows(table), _rules(group)))
        elif (len(table.rows) == 1 and len(group) >= 2 and continued and _on_columns(group, continued)
              and (text_top is None or top <= text_top + SNAP)):
            out.append(RuledTable(table.bbox, [_row_on_columns(table, continued)], continued))
    return out


def _rules(cells: list[tuple]) -> tuple[float, ...]:
    return tuple(sorted({c[0] for c in cells} | {c[2] for c in cells}))


def _on_columns(cells: list[tuple], columns: tuple[float, ...]) -> bool:
    """Every rule of the row stands on one of the columns' rules, and it spans them all."""
    xs = _rules(cells)
    near = all(any(abs(x - c) <= SNAP for c in columns) for x in xs)
    return near and abs(xs[0] - columns[0]) <= SNAP and abs(xs[-1] - columns[-1]) <= SNAP


def _row_on_columns(table: Table, columns: tuple[float, ...]) -> tuple[float, list[tuple[str, tuple | None]]]:
    row = table.rows[0]
    texts = table.extract(x_tolerance=1.5, y_tolerance=2)[0]
    cells = [(regex.sub(r"\s*\n\s*", "", text or "").replace("|", "/"), cell)
             for text, cell in zip(texts, row.cells) if cell is not None]
    pieces: list[tuple[str, tuple | None]] = []
    for k, (a, b) in enumerate(zip(columns, columns[1:])):
        middle = (a + b) / 2
        if k:
            pieces.append((" | ", None))
        pieces.append(next(((text, cell) for text, cell in cells if cell[0] <= middle <= cell[2]), ("", None)))
    return row.bbox[1], pieces


def _table_rows(table: Table) -> list[tuple[float, list[tuple[str, tuple | None]]]]:
    """Rows of a ruled table; a merged cell (None in pdfplumber's grid) takes the text of the cell that
    spans it — the one above for a row span, the one to the left for a column span."""
    texts = table.extract(x_tolerance=1.5, y_tolerance=2)
    rows = table.rows
    grid: list[list[tuple[str, tuple | None]]] = []
    for r, row in enumerate(rows):
        out: list[tuple[str, tuple | None]] = []
        for c, cell in enumerate(row.cells):
            if cell is not None:
                text = regex.sub(r"\s*\n\s*", "", texts[r][c] or "")  # a cell's wrapped lines are one text
                out.append((text.replace("|", "/"), cell))
                continue
            out.append(_spanning(grid, out, rows, r, c))
        grid.append(out)
    result = []
    for row, cells in zip(rows, grid):
        pieces: list[tuple[str, tuple | None]] = []
        # a row that is one merged cell is written once (its positions share its box; an empty one is its own)
        n = positions_written([bbox if bbox is not None else k for k, (_, bbox) in enumerate(cells)])
        for k, (text, bbox) in enumerate(cells[:n]):
            if k:
                pieces.append((" | ", None))
            pieces.append((text, bbox))
        result.append((row.bbox[1], pieces))
    return result


def _spanning(grid, current, rows, r, c) -> tuple[str, tuple | None]:
    row_top = rows[r].bbox[1]
    for above in reversed(grid):
        if c < len(above) and above[c][1] is not None and above[c][1][3] > row_top + 1:
            return above[c][0], above[c][1]
        if c < len(above) and above[c][1] is not None:
            break
    if current:
        return current[-1][0], current[-1][1]
    return "", None

"""One PDF page in reading order: ruled tables, borderless tables and prose lines from its text
layer, top to bottom (a two-column page column by column), tables one row per line with ' | '
between cells, wrapped lines of a paragraph run on, page numbers dropped; each piece keeps its box.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..document import Box, Grid, GridCell, with_spans
from . import layout
from .layout import MARGINS
from .pdf_borderless import Continued, borderless_tables
from .pdf_layer import TextLayer
from .pdf_ruled import ruled_tables
from .pdf_words import text_lines, word_pieces, words_of


def read_page(layer: TextLayer, continued: Continued | None = None) -> tuple[str, list[Box], list[Grid]]:
    """The page's text in reading order (top to bottom; tables as pipe rows), the box of each piece and
    the page's tables as grids;
    `continued` carries a table that runs on from the page before to this one, and from this one to the next
    (a page read on its own continues nothing)."""
    body_chars = [c for c in layer.chars if c["text"].strip() and MARGINS.in_body(c["top"], layer.height)]
    text_top = min((c["top"] for c in body_chars), default=None)
    tables = ruled_tables(layer.edges, layer.chars, continued.ruled if continued is not None else None, text_top)
    if continued is not None:  # a ruled table with no text under it runs on to the next page
        last = max(tables, key=lambda t: t.bbox[3], default=None)
        runs_on = last is not None and not any(c["top"] > last.bbox[3] for c in body_chars)
        continued.ruled = last.columns if runs_on else None
    items: list[_Item] = []
    for number, t in enumerate(tables, start=1):
        for r, (row_top, cells) in enumerate(t.rows):
            items.append(_Item(row_top, t.bbox[0], cells, None, ("ruled", number, r)))
    table_boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in table_boxes)

    words = words_of([c for c in layer.chars if outside(c)] if table_boxes else layer.chars)
    sizes = [w["bottom"] - w["top"] for w in words] or [10.0]
    size = statistics.median(sizes)
    carried = continued.grid if continued is not None else None
    rows, words, at_foot = borderless_tables(words, layer.height, carried)
    # a table's row is no prose line to run on, but its right edge counts towards the text's right edge
    edges = [(top, x0, right) for top, x0, _, right, _ in rows]
    rows = [_Item(top, x0, pieces, None, ("borderless", number, r)) for top, x0, pieces, _, (number, r) in rows]
    if continued is not None:
        continued.grid = at_foot
    items.extend(rows)
    gutter = _column_gutter(words, layer.width)
    if gutter is None:
        columns = [words]
    else:  # two columns: the left one is read to its end before the right one
        columns = [[w for w in words if w["x1"] <= gutter], [w for w in words if w["x1"] > gutter]]
    for k, column in enumerate(columns):
        for line in text_lines(column):
            items.append(_Item(line[0]["top"] + k * layer.height, line[0]["x0"], _line_pieces(line), line[-1]["x1"]))
    items.sort(key=lambda it: (round(it[0], 0), it[1]))
    height = layer.height
    body = [(it[0], it[1], it[3]) for it in items if it[3] is not None] + edges
    body = [it for it in body if MARGINS.in_body(it[0] % height, height)]
    rights = {k: max((it[2] for it in body if (gutter is None or (it[1] > gutter) == bool(k))), default=None)
              for k in (0, 1)}
    # a page of short lines (a closing page, a signature) has no full-width line to wrap
    min_right = layout.MIN_TEXT_RIGHT * layer.width if gutter is None else 0.3 * layer.width
    rights = {k: (v if v is not None and v >= min_right else None) for k, v in rights.items()}
    lefts = {k: _indented_left([it for it in body if it[2] is not None and (gutter is None or (it[1] > gutter) == bool(k))],
                               size) for k in (0, 1)}
    edges_left = {k: min((it[1] for it in body if it[2] is not None and (gutter is None or (it[1] > gutter) == bool(k))),
                         default=None) for k in (0, 1)}
    text_parts: list[str] = []
    boxes: list[Box] = []
    written: list[tuple[int, _Item]] = []  # where each table row's pieces start in the text
    pos = 0
    prev = None
    edge = _PageEdge.of(items, height, size)
    for item in items:
        top, pieces = item.top, item.pieces
        line_text = "".join(p for p, _ in pieces)
        if edge.holds(top % height) and layout.is_page_number(line_text, top % height, top % height, height):
            continue
        if text_parts:
            k = 1 if gutter is not None and prev[1] > gutter else 0
            wraps = (_wraps_into(prev, item, rights[k], edges_left[k], size)
                     or _runs_on_unindented(prev, item, rights[k], lefts[k], size))
            sep = _wrap_separator(prev, item) if wraps else "\n"
            text_parts.append(sep)
            pos += len(sep)
        prev = item
        if item.table_row is not None:
            written.append((pos, item))
        for piece, bbox in pieces:
            if bbox is not None and piece.strip():
                boxes.append(Box(pos, pos + len(piece), tuple(round(v, 2) for v in bbox)))
            text_parts.append(piece)
            pos += len(piece)
    return "".join(text_parts), boxes, _grids(written)


class _Item(NamedTuple):
    """A line of the page as read_page lays it out: a prose line, or a table's row with its table
    (which reader found it, its number among them) and its row's number."""

    top: float
    x0: float
    pieces: list[tuple[str, tuple | None]]
    right: float | None
    table_row: tuple[str, int, int] | None = None


# What the page's table readers put between two cells of a row (pdf_ruled, pdf_borderless).
CELL_BREAK = (" | ", None)


def _grids(written: list[tuple[int, _Item]]) -> list[Grid]:
    """The page's tables as grids from the rows written: a cell between two cell breaks; in a ruled
    table, a position whose cell box is an earlier position's (a cell merged over both) its copy."""
    tables: dict[tuple[str, int], list[GridCell]] = {}
    first_at: dict[tuple[str, int], dict[tuple, tuple[int, int]]] = {}
    for start, item in written:
        reader, number, row = item.table_row
        cells, seen = tables.setdefault((reader, number), []), first_at.setdefault((reader, number), {})
        col, pos, cell_start, bbox = 0, start, start, None
        for piece, piece_box in [*item.pieces, CELL_BREAK]:
            if (piece, piece_box) == CELL_BREAK:
                origin = seen.setdefault(bbox, (row, col)) if reader == "ruled" and bbox is not None else None
                cells.append(GridCell(row, col, cell_start, pos, copy_of=origin if origin != (row, col) else None))
                col, cell_start, bbox = col + 1, pos + len(piece), None
            elif bbox is None:
                bbox = piece_box
            pos += len(piece)
    return [Grid(k, with_spans(cells)) for k, cells in enumerate(tables.values(), start=1)]


@dataclass(frozen=True)
class _PageEdge:
    """Where a page number may stand: beyond everything else on its page and set apart from it by more than a
    line's pitch. A bare figure with text under it near the foot, or one line above the next at the head, is a
    table's cell ('3' under '决策依据'), not the page's number."""

    tops: tuple[float, ...]
    gap: float

    @classmethod
    def of(cls, items: list, height: float, size: float) -> _PageEdge:
        lines: list[float] = []
        for top in sorted(it[0] % height for it in items):
            if not lines or top - lines[-1] > 0.5 * size:  # pieces of one line (a footer's number and date) are one
                lines.append(top)
        return cls(tuple(lines), 2 * size)

    def holds(self, top: float) -> bool:
        tops = self.tops
        if len(tops) < 2:
            return True
        first = top <= tops[0] + 0.5 * self.gap and tops[1] - tops[0] >= self.gap
        last = top >= tops[-1] - 0.5 * self.gap and tops[-1] - tops[-2] >= self.gap
        return first or last


def _wraps_into(prev, item, right, left, size) -> bool:
    """The line `prev` wraps into `item` (layout.continues) where it is a paragraph's line: it opens at the text's
    left edge (a paragraph's first line two characters in). A line that reaches the right edge from far in is set
    right (a name over a seal, a date), no wrapped line."""
    if prev is None or prev[3] is None or item[3] is None or right is None or left is None:
        return False
    if prev[1] - left > 3 * size:
        return False
    reach = prev[3] + _carried_word_width(item)
    return layout.continues("".join(p for p, _ in prev[2]), "".join(p for p, _ in item[2]), reach, right, size)


def _carried_word_width(item) -> float:
    """The width of the word the line opens with that was carried whole from the line above (layout.carried_word),
    from its characters' boxes; 0 where it opens with none."""
    if not layout.carried_word("".join(p for p, _ in item[2])):
        return 0.0
    boxes = []
    for piece, box in item[2]:
        if box is None or not _UNBROKEN_CHAR.fullmatch(piece):
            break
        boxes.append(box)
    return boxes[-1][2] - boxes[0][0] if len(boxes) >= 2 else 0.0


# one character of a figure or a Latin word (a PDF's text comes as one piece, with its box, per character)
_UNBROKEN_CHAR = regex.compile(layout.UNBROKEN)


def _indented_left(lines: list[tuple], size: float) -> float | None:
    """The left edge of the text where its paragraphs open indented (two lines at least start one
    and a half to three text heights right of the edge), else None."""
    if not lines:
        return None
    left = min(x0 for _, x0, _ in lines)
    indented = sum(1 for _, x0, _ in lines if 1.5 * size <= x0 - left <= 3 * size)
    return left if indented >= 2 else None


def _runs_on_unindented(prev, item, right, left, size) -> bool:
    """Where paragraphs open indented, a line at the text's left edge under a full line continues its
    paragraph though the line above ends a sentence: the sentence ended at the edge by chance."""
    if left is None or right is None or prev[3] is None or item[3] is None or abs(item[1] - left) > 0.5 * size:
        return False
    line, next_line = "".join(p for p, _ in prev[2]).rstrip(), "".join(p for p, _ in item[2]).lstrip()
    if not line or not next_line or layout.HEADING_START.match(next_line):
        return False
    body_line = prev[1] - left < 0.5 * size or 1.5 * size <= prev[1] - left <= 3 * size
    return body_line and prev[3] >= right - 1.5 * size


def _column_gutter(words: list[dict], width: float) -> float | None:
    """The x of a gutter between two text columns: a band near the middle that no word crosses while
    most lines have words on both sides of it. None for a one-column page."""
    if len(words) < 20:
        return None
    for gutter in (width / 2 + d for d in (0, -15, 15, -30, 30)):
        crossing = sum(1 for w in words if w["x0"] < gutter - 2 and w["x1"] > gutter + 2)
        if crossing > 0.02 * len(words):
            continue
        rows: dict[int, set] = {}
        for w in words:
            rows.setdefault(round(w["top"] / 4), set()).add(w["x1"] <= gutter)
        both = sum(1 for sides in rows.values() if len(sides) == 2)
        left = [w for w in words if w["x1"] <= gutter]
        if both >= 0.5 * len(rows) and left and max(w["x1"] for w in left) < gutter - 5:
            return gutter
    return None


def _wrap_separator(prev, item) -> str:
    """Chinese runs on without a space; words of Latin script keep one."""
    a = "".join(p for p, _ in prev[2]).rstrip()[-1:]
    b = "".join(p for p, _ in item[2]).lstrip()[:1]
    return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""


def _line_pieces(line: list[dict]) -> list[tuple[str, tuple]]:
    pieces: list[tuple[str, tuple]] = []
    prev = None
    for w in line:
        if prev is not None:
            gap = w["x0"] - prev["x1"]
            size = max(1.0, prev["bottom"] - prev["top"])
            # a wide gap separates columns of a borderless table; a narrow one is a space
            pieces.append((" | " if gap > 2.5 * size else " " if gap > 0.25 * size else "", None))
        pieces.extend(word_pieces(w))
        prev = w
    return pieces

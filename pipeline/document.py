"""The output of the load stage: a file as pages of text, before any normalising."""
from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Box:
    """Where text[start:end] of a page lies on it: [x0, top, x1, bottom] in PDF points (pixels for images)."""

    start: int
    end: int
    bbox: tuple[float, float, float, float]
    confidence: float | None = None  # OCR'd text only


@dataclass
class Cell:
    """Where text[start:end] of a page stands in a workbook: its sheet and cell ('预算表!C7')."""

    start: int
    end: int
    ref: str


@dataclass(frozen=True)
class GridCell:
    """One cell of a table as its backend read it: text[start:end] of its page (or of the text it is
    carried in), at `row` and `col` (0-based) of its table. A merged cell stands at its top-left
    position with its spans; each position it covers names the merged cell in `copy_of` and repeats its text,
    as a form is read (a category on each of its rows), except where the merged cell is the whole row, written once
    (positions_written): a workbook's, Word's or HTML's grid keeps its other positions empty at the line's end; a PDF's
    ruled grid, cut from the line, is the one cell."""

    row: int
    col: int
    start: int
    end: int
    rowspan: int = 1
    colspan: int = 1
    copy_of: tuple[int, int] | None = None

    def shifted(self, by: int) -> GridCell:
        return replace(self, start=self.start + by, end=self.end + by)


@dataclass
class Grid:
    """A table handed over as cells: the `table`-th of its page or file (1-based), on `page`."""

    table: int
    cells: list[GridCell]
    page: int = 1

    def rows(self) -> list[list[GridCell]]:
        """The cells row by row, top to bottom, each row left to right."""
        by_row: dict[int, list[GridCell]] = {}
        for c in self.cells:
            by_row.setdefault(c.row, []).append(c)
        return [sorted(by_row[r], key=lambda c: c.col) for r in sorted(by_row)]

    def shifted(self, by: int, page: int | None = None) -> Grid:
        return Grid(self.table, [c.shifted(by) for c in self.cells], self.page if page is None else page)


def positions_written(origins: list) -> int:
    """How many of a table row's positions its line writes, given each position's merged cell (its top-left
    position, or the position itself for a cell not merged): a row that is one merged cell (a title, a paragraph, a
    section's or a category's heading across the form, a figure on a line of its own) is written once. Written into
    every position it covers, it read as that many cells of a form ('总额 | 总额 | 总额 | 总额': a funds row of four
    equal amounts, a false alarm). A row of several cells keeps each merged cell's copies, so that every cell stays
    under its header ('偏差原因分析及改进措施' over two columns, a full score '30' merged over 分值 and 得分)."""
    return 1 if len(origins) >= 2 and all(o == origins[0] for o in origins) else len(origins)


def with_spans(cells: list[GridCell]) -> list[GridCell]:
    """The cells with each merged cell's rowspan and colspan counted from the positions that copy it."""
    reach: dict[tuple[int, int], tuple[int, int]] = {}
    for c in cells:
        if c.copy_of is not None:
            r, k = reach.get(c.copy_of, (c.copy_of[0], c.copy_of[1]))
            reach[c.copy_of] = (max(r, c.row), max(k, c.col))
    return [replace(c, rowspan=reach[(c.row, c.col)][0] - c.row + 1, colspan=reach[(c.row, c.col)][1] - c.col + 1)
            if (c.row, c.col) in reach else c for c in cells]


@dataclass
class Page:
    """One page as read from the file. `number` is 1-based; `text` is exactly what the reader gave."""

    number: int
    text: str
    reader: str = "text"  # which reader produced the page (text, html, pdfplumber, pypdfium2, ocr, none)
    boxes: list[Box] = field(default_factory=list)
    size: tuple[float, float] | None = None  # width, height in the units of the boxes
    cells: list[Cell] = field(default_factory=list)  # workbooks: where each cell's text stands
    grids: list[Grid] = field(default_factory=list)  # the page's tables as cells, offsets in `text`


@dataclass
class Document:
    """A loaded file: its pages plus what the backend knows about it."""

    path: str
    sha256: str
    format: str  # SPEC source.format: pdf | scan | image | docx | xlsx | text | html
    pages: list[Page]
    paged: bool = False  # whether the format has real pages (SPEC: source.pages null otherwise)
    encoding: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\f".join(p.text for p in self.pages)

    def boxes(self) -> list[tuple[int, int, int, Box]]:
        """Every box with its offsets in `text` (the pages joined by form feeds): (start, end, page, box)."""
        out, offset = [], 0
        for p in self.pages:
            out.extend((offset + b.start, offset + b.end, p.number, b) for b in p.boxes)
            offset += len(p.text) + 1
        return out

    def cells(self) -> list[tuple[int, int, str]]:
        """Every workbook cell with its offsets in `text`: (start, end, 'Sheet!C7')."""
        out, offset = [], 0
        for p in self.pages:
            out.extend((offset + c.start, offset + c.end, c.ref) for c in p.cells)
            offset += len(p.text) + 1
        return out

    def grids(self) -> list[Grid]:
        """Every table handed over as cells, with offsets in `text` (the pages joined by form feeds)."""
        out, offset = [], 0
        for p in self.pages:
            out.extend(g.shifted(offset, p.number) for g in p.grids)
            offset += len(p.text) + 1
        return out

    def __str__(self) -> str:
        chars = sum(len(p.text) for p in self.pages)
        return f"Document({self.path!r}, {self.format}, {len(self.pages)} page(s), {chars} chars, {self.encoding})"

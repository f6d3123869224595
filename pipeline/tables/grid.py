"""The cells of a table's rows, as the interpreter reads them.

A backend that knows its tables' cells (DOCX, XLSX and XLS, HTML, a PDF's ruled and borderless
tables) hands them over as grids (`document.Grid`), carried through normalising with offsets in the
normalised text: a row of the table is then read from those cells, whatever its text says. Text that
came without cells (a scraped page, a text export, an OCR'd page) goes through the one reconstructor
here, `text_cells`, which cuts a line at its separators (pipes, tabs, runs of spaces) into cells of
the same kind. Either way the interpreter sees `GridCell`s: row, column, and where the text stands.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from ..document import Grid, GridCell

# Between two cells of one line: what a separated layout's separator may have about it.
_BETWEEN_CELLS = regex.compile(r"[\s|]*")


@dataclass
class Cells:
    """Where the backend's grids put cells in a text: each grid row by the offset its first cell starts at."""

    rows: list[list[GridCell]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    # where normalising removed the raw text's spaces between two words, inside [a, b) (NormalisedText.spaces_removed)
    spaces_removed: Callable[[int, int], list[int]] | None = None

    @classmethod
    def of(cls, grids: list[Grid] | tuple = (), spaces_removed: Callable[[int, int], list[int]] | None = None) -> Cells:
        rows = sorted((r for g in grids for r in g.rows() if r), key=lambda r: r[0].start)
        return cls(rows, [r[0].start for r in rows], spaces_removed)

    def gaps_within(self, start: int, end: int) -> list[int]:
        """Where the raw text had a space inside [start, end) that normalising removed; none where unknown."""
        return self.spaces_removed(start, end) if self.spaces_removed else []

    def space_between(self, end: int, start: int) -> bool:
        """Whether the raw text had space between a piece ending at `end` and the next starting at `start`:
        characters between them (a token stream skips only spaces), or a space normalising removed there."""
        return start > end or bool(self.gaps_within(end - 1, start + 1))

    def row_on(self, text: str, start: int, end: int) -> list[GridCell] | None:
        """The grid row that is the line text[start:end] exactly: its cells lie in the line in order and
        nothing but separators stands outside them. None where no grid row is the line (text without
        cells, or a line normalising joined from two rows)."""
        i = bisect.bisect_left(self._starts, start)
        while i < len(self.rows) and self._starts[i] <= end:
            row = self.rows[i]
            if _is_line(text, row, start, end):
                return row
            i += 1
        return None


def _is_line(text: str, row: list[GridCell], start: int, end: int) -> bool:
    pos = start
    for cell in row:
        if cell.start < pos or cell.end > end or not _BETWEEN_CELLS.fullmatch(text, pos, cell.start):
            return False
        pos = cell.end
    return bool(_BETWEEN_CELLS.fullmatch(text, pos, end))


def text_cells(text: str, start: int, end: int, sep: regex.Pattern, row: int = 0) -> list[GridCell]:
    """The reconstructor for text: the line text[start:end] cut at its separators, one cell between two
    (its spaces about it included; an empty cell where two separators meet)."""
    cells, a = [], start
    for cut in [*sep.finditer(text, start, end), None]:
        b = cut.start() if cut else end
        cells.append(GridCell(row, len(cells), a, b))
        a = cut.end() if cut else b
    return cells

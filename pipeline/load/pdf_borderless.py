"""Borderless tables in a PDF page, rebuilt from the words' positions (no rules to find cells by).

Columns come from the whole block of rows, rows from the lines that hold the figures; the wrapped
text of the other columns joins the row it stands beside, a category centred over several rows is
given to each, and a table that runs to the foot of a page is continued at the top of the next
page with the columns it had (see `borderless_tables`).
"""
from __future__ import annotations

import bisect
import statistics
from collections import Counter
from dataclasses import dataclass

import regex

from .layout import MARGINS
from .pdf_words import cell_pieces, text_lines

CELL_GAP = 1.2  # a gap of this many text heights or more may part two cells of a borderless row
COLUMN_GAP = 0.8  # an x-range this wide (in text heights) that no line of a block covers parts two columns
CUT_SEARCHES = 8  # searches for the cut between two tables in one stack of lines, at most (bounded time)
_FIGURE = regex.compile(r"[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\s*[%％分]?|[-—–－/]{1,2}")
_VALUE = regex.compile(r"[≥≤<>=＞＜≧≦+\-]?\s*\d")  # a target or a measure ('≥12处', '3.3万人'), not a label


@dataclass(frozen=True)
class Grid:
    """The columns of a borderless table: the x-range that the text of each column covers in (nearly)
    every line, left to right; the table's left and right edges; the columns of figures."""

    spans: tuple[tuple[float, float], ...]
    left: float
    right: float
    numeric: frozenset[int] = frozenset()

    def column(self, w: dict) -> int:
        """A word's column: the one it overlaps most, else (in a gap) by its centre against the
        gap's middle."""
        x0, x1 = w["x0"], w["x1"]
        best, most = None, 0.0
        k = bisect.bisect_left(self.spans, (x1,)) - 1  # the last column that begins before the word ends
        while k >= 0 and self.spans[k][1] > x0:
            overlap = min(x1, self.spans[k][1]) - max(x0, self.spans[k][0])
            if overlap > most:
                best, most = k, overlap
            k -= 1
        if best is not None:
            return best
        centre = (x0 + x1) / 2
        return sum(1 for (_, b), (a, _) in zip(self.spans, self.spans[1:]) if centre > (a + b) / 2)

    def fits(self, w: dict, size: float) -> bool:
        """The word keeps to its column: it reaches into neither neighbour's text, nor far past the
        table's sides."""
        k = self.column(w)
        left = self.spans[k - 1][1] - 0.3 * size if k else self.left - 2 * size
        right = self.spans[k + 1][0] + 0.3 * size if k + 1 < len(self.spans) else self.right + 2 * size
        return w["x0"] >= left and w["x1"] <= right

    def widened(self, words: list[dict]) -> Grid:
        """The grid with its edges moved out to the words given."""
        return Grid(self.spans, min([self.left] + [w["x0"] for w in words]),
                     max([self.right] + [w["x1"] for w in words]), self.numeric)


class Continued:
    """What runs on from the page just read: the grid of the borderless table that runs to its foot,
    the columns (x of the vertical rules) of the ruled table that does, if one does."""

    grid: Grid | None = None
    ruled: tuple[float, ...] | None = None


def borderless_tables(words: list[dict], height: float, carried: Grid | None):
    """Borderless tables among a page's words: (their rows as items for read_page, each with its table's
    number and its row's, the words left to be read as lines, the grid of a table that runs to the foot
    of the page or None).

    A table is a stack of lines (no wider vertical gap between two than twice the text height) of
    which three at least hold several cells (runs of words parted by CELL_GAP text heights). Its
    columns are the x-ranges that the words of those lines cover, parted by gaps that (nearly) no
    line crosses; every line of the block keeps to the columns, and a line that does not — prose, a
    title across the table — ends it. It has a column of figures. At the top of a page, lines that
    keep to the columns of the table that ended the previous page continue that table with its
    columns (a column that none of its rows here fills keeps its place).
    """
    lines = text_lines(words)
    if not lines:
        return [], words, None
    size = statistics.median(w["bottom"] - w["top"] for w in words)
    blocks: list[tuple[list[list[dict]], Grid]] = []
    start = 0
    if carried is not None:
        # the first line below the top margin, and those after it that keep to the carried columns
        first = next((i for i, line in enumerate(lines) if _top(line) >= MARGINS.body_top(height)), len(lines))
        k, bottom = first, None
        while k < len(lines) and all(carried.fits(w, size) for w in lines[k]) and (
                bottom is None or _top(lines[k]) - bottom <= 2 * size):
            bottom = max(bottom or 0.0, _bottom(lines[k]))
            k += 1
        block = lines[first:k]
        while block and _cell_count(block[-1]) < 2 and not _wrapped(block[-1], block[:-1], carried, size):
            block.pop()  # a line under the table's last row keeps to its columns, but is not its text
        if any(carried.column(w) in carried.numeric and _FIGURE.fullmatch(w["text"])
               for line in block for w in line):
            blocks.append((block, carried.widened([w for line in block for w in line])))
            start = first + len(block)
    for stack in _stacks(lines[start:], size):
        blocks.extend(_table_blocks(stack, [CUT_SEARCHES]))
    if not blocks:
        return [], words, None
    items = []
    used = set()
    for number, (block, grid) in enumerate(blocks, start=1):
        items.extend((*row, (number, r)) for r, row in enumerate(_grid_rows(block, grid)))
        used.update(id(w) for line in block for w in line)
    # the words were copied into lines: keep the page's own dicts for those that are left
    left = [w for line in lines for w in line if id(w) not in used]
    last_block, last_grid = max(blocks, key=lambda b: max(w["bottom"] for w in b[0][-1]))
    foot = max(w["bottom"] for line in last_block for w in line)
    below = [w for w in left if w["top"] > foot - 0.5 * size and w["bottom"] < MARGINS.body_bottom(height)]
    return items, [_plain(w) for w in left], (None if below else last_grid)


def _plain(w: dict) -> dict:
    return {k: v for k, v in w.items() if k != "_mid"}


def _stacks(lines: list[list[dict]], size: float) -> list[list[list[dict]]]:
    """Lines in runs with no vertical gap wider than twice the text height between them."""
    stacks: list[list[list[dict]]] = []
    bottom = None
    for line in lines:
        top = min(w["top"] for w in line)
        if bottom is None or top - bottom > 2 * size:
            stacks.append([])
            bottom = None
        stacks[-1].append(line)
        bottom = max(bottom or top, max(w["bottom"] for w in line))
    return stacks


def _cells(line: list[dict]) -> list[tuple[float, float]]:
    """The x-ranges of the runs of words in a line parted by gaps of CELL_GAP text heights or more."""
    cells = [[line[0]["x0"], line[0]["x1"]]]
    for a, b in zip(line, line[1:]):
        if b["x0"] - a["x1"] >= CELL_GAP * max(1.0, a["bottom"] - a["top"]):
            cells.append([b["x0"], b["x1"]])
        else:
            cells[-1][1] = b["x1"]
    return [(a, b) for a, b in cells]


def _cell_count(line: list[dict]) -> int:
    return len(_cells(line))


def _collisions(lines: list[list[dict]], grid: Grid) -> int:
    """Lines with two cells in one column of the grid: the grid is not theirs (two tables, one under
    the other, give a grid of neither)."""
    count = 0
    for line in lines:
        columns = [grid.column({"x0": a, "x1": b}) for a, b in _cells(line)]
        count += len(set(columns)) < len(columns)
    return count


def _cost(lines: list[list[dict]]) -> int:
    """How badly lines read as one table: its lines with colliding cells, or, where they are no table
    (too few, no columns, no column of figures), every line of cells among them."""
    multi = [line for line in lines if _cell_count(line) >= 2]
    grid = _grid_of(multi) if len(multi) >= 3 else None
    if grid is None or not _numeric_columns(lines, grid):
        return len(multi)
    return _collisions(multi, grid)


def _numeric_columns(lines: list[list[dict]], grid: Grid) -> frozenset[int]:
    """The columns at least half of whose lines are figures, two at least."""
    words = [w for line in lines for w in line]
    size = statistics.median(w["bottom"] - w["top"] for w in words)
    by_column = _by_column(words, grid)
    numeric = set()
    for c in range(len(grid.spans)):
        texts = [_text(part) for part in _column_lines(by_column.get(c, []), size)]
        figures = sum(1 for t in texts if _FIGURE.fullmatch(t))
        if figures >= 2 and figures >= 0.5 * len(texts):
            numeric.add(c)
    return frozenset(numeric)


def _grid_of(lines: list[list[dict]]) -> Grid | None:
    """Columns from the x-ranges the lines' words cover: a gap of COLUMN_GAP text heights that at most
    one line in eight crosses parts two columns. None where there are fewer than two."""
    words = [w for line in lines for w in line]
    size = statistics.median(w["bottom"] - w["top"] for w in words)
    allowed = len(lines) // 8
    xs = sorted({w["x0"] for w in words} | {w["x1"] for w in words})
    starts, ends = sorted(w["x0"] for w in words), sorted(w["x1"] for w in words)
    spans: list[list[float]] = []
    i = j = 0
    for a, b in zip(xs, xs[1:]):
        while i < len(starts) and starts[i] <= a:
            i += 1
        while j < len(ends) and ends[j] <= a:
            j += 1
        if i - j <= allowed:  # the words begun and not ended by a cover the range a..b
            continue
        if spans and a - spans[-1][1] < COLUMN_GAP * size:
            spans[-1][1] = b
        else:
            spans.append([a, b])
    if len(spans) < 2:
        return None
    return Grid(tuple((a, b) for a, b in spans), min(xs), max(xs))


def _by_column(words: list[dict], grid: Grid) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for w in words:
        out.setdefault(grid.column(w), []).append(w)
    return out


def _table_blocks(lines: list[list[dict]], budget: list[int]) -> list[tuple[list[list[dict]], Grid]]:
    """The borderless tables in a stack of lines (see _borderless_tables), each with its grid.
    `budget` bounds the searches for a cut between two tables: a stack that needs more is read as
    lines."""
    multi = [i for i, line in enumerate(lines) if _cell_count(line) >= 2]
    if len(multi) < 3:
        return []
    grid = _grid_of([lines[i] for i in multi])
    if grid is None:
        return []
    cost = _collisions([lines[i] for i in multi], grid)
    if cost:  # two tables, one under the other: cut where both read best, and at the widest gap of those
        budget[0] -= 1
        if budget[0] < 0:
            return []
        best = min((_cost(lines[:cut]) + _cost(lines[cut:]), -_gap_above(lines, cut), cut)
                   for cut in multi[1:])
        if best[0] < cost:
            return _table_blocks(lines[:best[2]], budget) + _table_blocks(lines[best[2]:], budget)
    size = statistics.median(w["bottom"] - w["top"] for i in multi for w in lines[i])
    lo, hi = multi[0], multi[-1] + 1
    for k in range(lo, hi):
        if not all(grid.fits(w, size) for w in lines[k]):
            # not a row of this table: the lines above are read apart, and a table may begin with it
            # (the header of the next one); one that fits not even its own grid is left as it is
            return _table_blocks(lines[:k], budget) + _table_blocks(lines[k + (k == lo):], budget)
    # a cell's wrapped line just above the first row or below the last one
    while lo > 0 and _wrapped(lines[lo - 1], lines[lo:hi], grid, size):
        lo -= 1
    while hi < len(lines) and _wrapped(lines[hi], lines[lo:hi], grid, size):
        hi += 1
    block = lines[lo:hi]
    grid = grid.widened([w for line in block for w in line])
    numeric = _numeric_columns(block, grid)
    if not numeric:
        return []
    return [(block, Grid(grid.spans, grid.left, grid.right, numeric))]


def _gap_above(lines: list[list[dict]], k: int) -> float:
    return min(w["top"] for w in lines[k]) - max(w["bottom"] for line in lines[:k] for w in line)


def _wrapped(line: list[dict], block: list[list[dict]], grid: Grid, size: float) -> bool:
    """A line of words keeping to the table's columns, none of them a column of figures, each as close
    to a line of its column in the block as the lines of one wrapped cell are."""
    if not all(grid.fits(w, size) for w in line):
        return False
    for w in line:
        c = grid.column(w)
        near = [v for row in block for v in row if grid.column(v) == c]
        if not near or _FIGURE.fullmatch(w["text"]):
            return False
        if min(max(v["top"] - w["bottom"], w["top"] - v["bottom"]) for v in near) > 0.5 * size:
            return False
    return True


def _column_lines(words: list[dict], size: float) -> list[list[dict]]:
    """A column's words in lines, top to bottom, each left to right."""
    out: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"] + w["bottom"]) / 2):
        if out and abs((w["top"] + w["bottom"]) / 2 - _mid(out[-1][0])) <= 0.5 * size:
            out[-1].append(w)
        else:
            out.append([w])
    return [sorted(part, key=lambda w: w["x0"]) for part in out]


def _mid(w: dict) -> float:
    return (w["top"] + w["bottom"]) / 2


def _text(part: list[dict]) -> str:
    return "".join(w["text"] for w in part)


def _top(part: list[dict]) -> float:
    return min(w["top"] for w in part)


def _bottom(part: list[dict]) -> float:
    return max(w["bottom"] for w in part)


class _Row:
    """A row of a borderless table: its vertical extent and, per column, the lines of text in it."""

    def __init__(self, top: float, bottom: float, figures: bool):
        self.top, self.bottom, self.figures = top, bottom, figures
        self.cells: dict[int, list[list[list[dict]]]] = {}  # column -> its paragraphs, each a list of lines

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


def _grid_rows(block: list[list[dict]], grid: Grid) -> list[tuple[float, float, list, float]]:
    """The rows of a borderless table as (top, left, pieces, right): a line per row, ' | ' between cells.

    Rows are anchored by the lines of the figure columns: the header, then one row per line of
    figures. The lines of the other columns are joined into paragraphs where they are as close as
    the lines of one wrapped cell (the tightest spacing in those columns, if it is tighter than the
    spacing of the rows of figures), and a paragraph belongs to the rows whose middles it spans —
    a category cell centred over several rows is repeated into each — or else to the row it overlaps
    most; text beside no row's figures is a row of its own. A category left empty in a row that has
    text to its right was a merged cell: it takes the category above or below it (see _fill_merged).
    """
    words = [w for line in block for w in line]
    size = statistics.median(w["bottom"] - w["top"] for w in words)
    n = len(grid.spans)
    by_column = _by_column(words, grid)
    parts = {c: _column_lines(by_column.get(c, []), size) for c in range(n)}
    text_columns = [c for c in range(n) if c not in grid.numeric]
    rows = _figure_rows(grid, parts, size)
    row_gap = min(_gaps([(r.top, r.bottom) for r in rows if r.figures]), default=float("inf"))
    join = _join_distance(parts, text_columns, row_gap, size)
    rows = _merge_wrapped_headings(rows, join)
    loose = _place_paragraphs(rows, parts, text_columns, join, row_gap, size)
    rows = sorted(rows + _loose_rows(loose), key=lambda r: r.top)
    first_figures = min(grid.numeric)
    labels = [c for c in text_columns if c < first_figures and sum(
        1 for part in parts[c] if _VALUE.match(_text(part))) <= 0.5 * len(parts[c])]
    _fill_merged(rows, labels, _alignment(rows, text_columns, size))
    items = []
    for row in rows:
        pieces: list[tuple[str, tuple | None]] = []
        for c in range(n):
            if c:
                pieces.append((" | ", None))
            lines = sorted((p for para in row.cells.get(c, []) for p in para), key=_top)
            pieces.extend(cell_pieces(lines))
        items.append((row.top, grid.left, pieces, grid.right))
    return items


def _gaps(spans: list[tuple[float, float]]) -> list[float]:
    return [b[0] - a[1] for a, b in zip(spans, spans[1:])]


def _figure_rows(grid: Grid, parts: dict[int, list], size: float) -> list[_Row]:
    """One row per line of the figure columns (lines level with each other are one row), top to bottom."""
    rows: list[_Row] = []
    for c, part in sorted(((k, p) for k in grid.numeric for p in parts[k]), key=lambda kp: _mid(kp[1][0])):
        figure = bool(_FIGURE.fullmatch(_text(part)))
        if rows and abs(_mid(part[0]) - rows[-1].mid) <= 0.5 * size:
            row = rows[-1]
            row.figures = row.figures or figure
        else:
            row = _Row(_top(part), _bottom(part), figure)
            rows.append(row)
        row.top, row.bottom = min(row.top, _top(part)), max(row.bottom, _bottom(part))
        row.cells.setdefault(c, []).append([part])
    return rows


def _join_distance(parts: dict[int, list], text_columns: list[int], row_gap: float, size: float) -> float:
    """How close two lines of a text column stand when they are one wrapped cell: the tightest spacing in
    those columns, where it is tighter than the rows of figures; else -1 (each line read on its own)."""
    tightest = min((g for c in text_columns for g in _gaps([(_top(p), _bottom(p)) for p in parts[c]])),
                   default=float("inf"))
    join = max(0.0, tightest) + 0.2 * size
    return -1.0 if join >= row_gap - 0.2 * size else join


def _merge_wrapped_headings(rows: list[_Row], join: float) -> list[_Row]:
    """A heading of the figure columns wrapped onto two lines is one row."""
    merged: list[_Row] = []
    for row in rows:
        if merged and not row.figures and not merged[-1].figures and row.top - merged[-1].bottom <= join:
            prev = merged[-1]
            for c, paras in row.cells.items():
                prev.cells.setdefault(c, [[]])[-1].extend(line for para in paras for line in para)
            prev.bottom = row.bottom
        else:
            merged.append(row)
    return merged


def _place_paragraphs(rows: list[_Row], parts: dict[int, list], text_columns: list[int], join: float,
                      row_gap: float, size: float) -> list[tuple[int, list]]:
    """The text columns' lines joined into paragraphs, each put in the rows whose middles it spans (else
    the row it overlaps most, else the two rows of figures it stands between); the (column, paragraph)
    beside no row are returned."""
    loose: list[tuple[int, list]] = []
    for c in text_columns:
        paragraphs: list[list[list[dict]]] = []
        for part in parts[c]:
            if paragraphs and _top(part) - _bottom(paragraphs[-1][-1]) <= join:
                paragraphs[-1].append(part)
            else:
                paragraphs.append([part])
        for para in paragraphs:
            spanned = _rows_spanned(rows, para, row_gap, size)
            for r in spanned:
                r.cells.setdefault(c, []).append(para)
            if not spanned:
                loose.append((c, para))
    return loose


def _rows_spanned(rows: list[_Row], para: list, row_gap: float, size: float) -> list[_Row]:
    top, bottom = _top(para[0]), max(_bottom(p) for p in para)
    spanned = [r for r in rows if top <= r.mid <= bottom]
    if not spanned:
        overlap, best = max(((min(bottom, r.bottom) - max(top, r.top), r) for r in rows),
                            key=lambda x: x[0], default=(0.0, None))
        spanned = [best] if best is not None and overlap > 0 else []
    if not spanned and row_gap < float("inf"):
        # between two rows of figures with no room for a row of its own: centred over both
        mid = (top + bottom) / 2
        above = max((r for r in rows if r.figures and r.mid < mid), key=lambda r: r.mid, default=None)
        below = min((r for r in rows if r.figures and r.mid > mid), key=lambda r: r.mid, default=None)
        if above and below and below.top - above.bottom < row_gap + size:
            spanned = [above, below]
    return spanned


def _loose_rows(loose: list[tuple[int, list]]) -> list[_Row]:
    """Text beside no row's figures: rows of their own, paragraphs that overlap one another in one row."""
    extra: list[_Row] = []
    for c, para in sorted(loose, key=lambda cp: _top(cp[1][0])):
        top, bottom = _top(para[0]), max(_bottom(p) for p in para)
        if not extra or top >= extra[-1].bottom:
            extra.append(_Row(top, bottom, False))
        extra[-1].bottom = max(extra[-1].bottom, bottom)
        extra[-1].cells.setdefault(c, []).append(para)
    return extra


def _alignment(rows: list[_Row], text_columns: list[int], size: float) -> str:
    """How the table sets text in its cells, from the cells of one row whose text wraps onto several
    lines beside a line of figures: "top" where the figures stand level with the first line,
    "bottom" with the last, else "middle"."""
    owners = Counter(id(para) for r in rows for c in text_columns for para in r.cells.get(c, []))
    votes: Counter = Counter()
    for r in rows:
        for c in text_columns:
            for para in r.cells.get(c, []) if r.figures else []:
                if len(para) < 2 or owners[id(para)] > 1:
                    continue
                first, last = _mid(para[0][0]), _mid(para[-1][0])
                votes["top" if abs(first - r.mid) <= 0.25 * size else
                      "bottom" if abs(last - r.mid) <= 0.25 * size else "middle"] += 1
    return votes.most_common(1)[0][0] if votes else "middle"


def _fill_merged(rows: list[_Row], labels: list[int], alignment: str) -> None:
    """A row of figures whose label cell is empty while a label to its right is not (labels: the
    text columns before the figures, not of values) lay under a merged cell of that column: it takes
    the text of the nearest row above or below that has one — from above in a table that sets text
    at the top of its cells, from below in one that sets it at the bottom. Where text is centred, a
    merged cell reaches as far on one side of its text as on the other: of the texts above and below,
    the one that can reach the row that way (the rows as far beyond it are empty too), the nearer of
    such, above on a tie."""
    for c in labels:
        due = [r for r in rows if r.figures and any(r.cells.get(d) for d in labels if d > c)]
        if len(due) < 2:
            continue
        has = [bool(r.cells.get(c)) for r in due]
        if not any(has) or all(has):
            continue
        # the runs of rows that share one text (a text between two rows is both of theirs)
        owner = [id(r.cells[c][0]) if has[k] else None for k, r in enumerate(due)]
        runs: list[tuple[int, int]] = []
        for k in range(len(due)):
            if has[k]:
                if runs and runs[-1][1] == k - 1 and owner[runs[-1][0]] == owner[k]:
                    runs[-1] = (runs[-1][0], k)
                else:
                    runs.append((k, k))
        filled = []
        for k in range(len(due)):
            if has[k]:
                filled.append(None)
                continue
            above = max((run for run in runs if run[1] < k), default=None)
            below = min((run for run in runs if run[0] > k), default=None)
            if alignment == "top" or below is None:
                source = above
            elif alignment == "bottom" or above is None:
                source = below
            else:
                da, db = k - above[1], below[0] - k
                reach_a = 0 <= above[0] - da and not any(has[above[0] - da:above[0]])
                reach_b = below[1] + 1 + db <= len(due) and not any(has[below[1] + 1:below[1] + 1 + db])
                if reach_a != reach_b:
                    source = above if reach_a else below
                else:
                    source = above if da <= db else below
            filled.append(source[0] if source else None)
        for k, source in enumerate(filled):
            if source is not None:
                due[k].cells[c] = list(due[source].cells[c])

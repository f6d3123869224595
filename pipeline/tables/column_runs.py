"""A score table a converter wrote column by column.

Some PDF and workbook converters write a table's columns one after another instead of its rows: the
names of the rows in one run, then the weight column's word and its figures, then the score column's
word and its figures ('目标内容 决策依据 … 管理制度 分值 4 3 5 … 9 得分 4 3 5 … 8'). Read across, the
k-th name, the k-th weight and the k-th score are one row. The reading is taken only where the runs
prove it: as many weights as scores (MIN_ROWS at least), no score over its weight, and a run of names
that the text's own spaces cut into at least as many cells, the last of which are the rows' names.
"""
from __future__ import annotations

import regex

from ..record import Indicator
from .grid import Cells
from .model import ScoreTable, TableReport

MIN_ROWS = 3
_FIGURE = regex.compile(r"\d{1,3}(?:\.\d{1,2})?")
_FIGURE_RUN = rf"(?:{_FIGURE.pattern}[ \t]+){{{MIN_ROWS - 1},}}{_FIGURE.pattern}"
# the weight column's word and its figures, then the score column's and its; the names stand before them, back
# to the last figure or line break (searched from the words, not tried at every character: that is the hot path)
_COLUMN_RUNS = regex.compile(rf"(?:分值|权重|标准分值?)[ \t]*(?P<weights>{_FIGURE_RUN})"
                             rf"[ \t]*(?:自评得分|评价得分|得分)[ \t]*(?P<scores>{_FIGURE_RUN})")
_NAMES_BEFORE = regex.compile(r"[^\d\n]{6,400}$")
NAMES_REACH = 400
# a name cell: a few words, no clause
_NAME_CELL = regex.compile(r"[\p{Han}()()、“”A-Za-z]{2,20}")


def read_column_runs(text: str, cells: Cells) -> tuple[ScoreTable, TableReport] | None:
    """The first table written column by column in `text`, or None."""
    for m in _COLUMN_RUNS.finditer(text):
        weights = _figures(m, "weights")
        scores = _figures(m, "scores")
        if len(weights) != len(scores) or any(float(s[0]) > float(w[0]) for w, s in zip(weights, scores)):
            continue
        before = _NAMES_BEFORE.search(text, max(0, m.start() - NAMES_REACH), m.start())
        if before is None:
            continue
        names = _name_cells(text, before.start(), before.end(), cells)
        if len(names) < len(weights):
            continue
        return _table(names[len(names) - len(weights):], weights, scores)
    return None


def _figures(m: regex.Match, group: str) -> list[tuple[str, int, int]]:
    at = m.start(group)
    return [(f[0], at + f.start(), at + f.end()) for f in _FIGURE.finditer(m[group])]


def _name_cells(text: str, start: int, end: int, cells: Cells) -> list[tuple[str, int, int]]:
    """The run cut at its spaces, those still in the text and those normalising removed; the cells from the
    end back to the first that is no name."""
    cuts = sorted({start, end} | set(cells.gaps_within(start, end))
                  | {x for s in regex.finditer(r"\s+", text[start:end]) for x in (start + s.start(), start + s.end())})
    pieces = [(text[a:b].strip(), a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
    out: list[tuple[str, int, int]] = []
    for piece in reversed(pieces):
        if not _NAME_CELL.fullmatch(piece[0]):
            break
        out.append(piece)
    return out[::-1]


def _table(names, weights, scores) -> tuple[ScoreTable, TableReport]:
    table = ScoreTable(indicators=[])
    for (name, a, b), (w, wa, wb), (s, sa, sb) in zip(names, weights, scores):
        table.indicators.append(Indicator(level=1, name=name, weight=float(w), score=float(s)))
        table.spans.append({"name": (a, b), "weight": (wa, wb), "score": (sa, sb)})
    report = TableReport("interpreter", "column_runs", "scores", ["name", "weight", "score"], rows_read=len(names))
    return table, report

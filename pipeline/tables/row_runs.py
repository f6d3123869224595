"""A score table whose figures a PDF text layer wrote before its names.

A form's figures sit on one line per row, while its names wrap over two lines in taller cells. Some text
layers then give the figures of every row first, row after row under the header's value columns, and the
names after them, among the category cells and the pieces of names a wrap cut off ('… 分值 得分 =100% 100% 10 10
=100% 100% 20 20 及时 及时 20 20 100 98.62 率 产出指标 质量指标 合同结算条款完成率 费用结算及时性 …'). Read across,
the k-th name and the k-th group of figures are one row. The reading is taken only where the text proves it:
every group fills all the header's value columns and scores within its weight (MIN_ROWS at least), the names
left after the categories are exactly as many as the groups, and none of them is a sentence.
"""
from __future__ import annotations

import regex

from ..record import Indicator
from .grid import Cells
from .model import Found, ScoreTable, TableReport

MIN_ROWS = 3
GROUP = 4  # the value columns under the header: target, actual, weight, score
# the header's value columns as the form prints them, ending in the weight and the score
_VALUE_HEADER = regex.compile(r"(?:年度\s*)?指标值\s*(?:实际\s*完成值|全年实际值|实际值)\s*(?:分值|权重)\s*(?:自评)?得分")
_FIGURE = regex.compile(r"\d{1,3}(?:\.\d{1,2})?")
# a target or actual cell: a figure with its sign or unit, or a word or two ('及时', '>=90%')
_CELL = regex.compile(r"\S{1,12}")
# a category cell of the 自评表 ('产出指标', '社会效益指标'; '绩 效 指 标' spaced one character per line)
_CATEGORY = regex.compile(r"\p{Han}{0,8}指标")
# the words a wrap cuts off a name's end ('…结算完成' | '率')
_NAME_TAIL = regex.compile(r"[率性度数量值]")
_NAME = regex.compile(r"[\p{Han}()()“”、A-Za-z0-9]{2,30}")
# how far before the header the first name's opening may stand, and after the figures the names reach
REACH_BEFORE = 80
REACH_AFTER = 400
ROWS_REACH = 600
_END = regex.compile(r"总分|合计|偏差原因")


def read_row_runs(text: str, cells: Cells) -> tuple[ScoreTable, TableReport] | None:
    """The first table in `text` whose rows' figures come before their names, or None."""
    for header in _VALUE_HEADER.finditer(text):
        pieces = _pieces(text, header.end(), min(len(text), header.end() + ROWS_REACH), cells)
        groups = _groups(pieces)
        if len(groups) < MIN_ROWS:
            continue
        rest = pieces[GROUP * len(groups):]
        total = rest[:2] if len(rest) >= 2 and all(_FIGURE.fullmatch(f.value) for f in rest[:2]) else None
        names_start = (total or groups[-1])[-1].end
        end = _END.search(text, names_start, names_start + REACH_AFTER)
        before = _pieces(text, max(0, header.start() - REACH_BEFORE), header.start(), cells)
        names = _names(before[-1:], _pieces(text, names_start, end.start() if end else names_start + REACH_AFTER, cells))
        if len(names) != len(groups):
            continue
        return _table(names, groups, total)
    return None


def _pieces(text: str, start: int, end: int, cells: Cells) -> list[Found]:
    """text[start:end] cut at its spaces, those normalising removed included; a word spaced one character a
    line ('绩 效 指 标') joined back."""
    cuts = sorted({start, end} | set(cells.gaps_within(start, end))
                  | {x for m in regex.finditer(r"\s+", text[start:end]) for x in (start + m.start(), start + m.end())})
    out: list[Found] = []
    spelled = False  # the last piece is characters spaced one by one, joined so far
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b].strip()
        if not piece:
            continue
        single = len(piece) == 1 and bool(regex.match(r"\p{Han}", piece))
        if single and out and (spelled or len(out[-1].value) == 1) and regex.match(r"\p{Han}", out[-1].value):
            out[-1] = Found(out[-1].value + piece, out[-1].start, b)
            spelled = True
            continue
        out.append(Found(piece, a, b))
        spelled = False
    return out


def _groups(pieces: list[Found]) -> list[list[Found]]:
    """The rows' figures from the first piece on, GROUP at a time, while each reads as a row."""
    groups = [pieces[k:k + GROUP] for k in range(0, len(pieces) - GROUP + 1, GROUP)]
    n = next((k for k, g in enumerate(groups) if not _is_row(g)), len(groups))
    return groups[:n]


def _is_row(group: list[Found]) -> bool:
    target, actual, weight, score = (f.value for f in group)
    return (bool(_FIGURE.fullmatch(weight)) and bool(_FIGURE.fullmatch(score)) and float(score) <= float(weight)
            and all(_CELL.fullmatch(c) and not _CATEGORY.fullmatch(c) for c in (target, actual)))


def _names(before: list[Found], after: list[Found]) -> list[Found]:
    """The names among the cell just before the value header's words (the label header's last cell may hold
    the first name's opening) and the cells after the figures: the pieces that are no category, a wrap's
    cut-off tail joined back to the name it ends."""
    out = [f for f in before if not f.value.endswith("指标") and _NAME.fullmatch(f.value)]
    for f in after:
        if _CATEGORY.fullmatch(f.value):
            continue
        if _NAME_TAIL.fullmatch(f.value) and out:
            out[-1] = Found(out[-1].value + f.value, out[-1].start, f.end)
            continue
        if not _NAME.fullmatch(f.value):
            return []  # a sentence or a figure among the names: not this layout
        out.append(f)
    return out


def _table(names: list[Found], groups: list[list[Found]], total: list[Found] | None) -> tuple[ScoreTable, TableReport]:
    table = ScoreTable(indicators=[])
    for name, (_, _, weight, score) in zip(names, groups):
        table.indicators.append(Indicator(level=1, name=name.value, weight=float(weight.value), score=float(score.value)))
        table.spans.append({"name": (name.start, name.end), "weight": (weight.start, weight.end),
                            "score": (score.start, score.end)})
    if total is not None:
        table.total_weight = Found(float(total[0].value), total[0].start, total[0].end)
        table.total_score = Found(float(total[1].value), total[1].start, total[1].end)
    report = TableReport("interpreter", "row_runs", "scores", ["target", "actual", "weight", "score"],
                         rows_read=len(names), total_row=total is not None)
    return table, report

"""The funds lines of the older project self-assessment form (项目支出绩效自评表 / 评价基础信息表, used by several provinces
from about 2013): each column's total as 'key(万元) figure' — 计划安排资金 or 计划投资额, 实际到位资金, 实际使用情况 or 实际支出 —
and 结余 — then, once per column, '其中: 中央财政 a, 省财政 b, 市县财政 c, 其它 d' (the local level named as the form's
county or district names it: 县市区财政, 区财政, 市财政 …). A scrape prints every source label as often as there are
columns, each with its figure beside it (or on the next line, one cell per line), or none where the cell is blank:

    计划安排资金(万元)285.58实际到位资金(万元)285.58其中:中央财政0其中:中央财政0省财政154.58省财政154.58
    市县财政130市县财政130其它1其它1实际支出(万元)285.58

The k-th copy of a label is the k-th column's. A block whose labels do not come as often as its columns have totals
is not read: which figure belongs to which column would be a guess.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..numbers import parse_arabic
from ..record import FundingSource

# A column's total: its key, the unit, the figure (blank where the form left it empty). The form's fourth column,
# 结余 (what is left), is a column of the block too: its source cells are counted, not stored.
_COLUMN_KEY = regex.compile(r"(?P<key>计划安排资金|计划投资额?|实际到位资金|实际使用情况|实际支出|结余)\s*[((]\s*万元\s*[))][\s|::]*"
                            r"(?P<figure>\d[\d,]*(?:\.\d+)?)?")
_ROLE = {"计划安排资金": "budget", "计划投资额": "budget", "计划投资": "budget", "实际到位资金": "received",
         "实际使用情况": "executed", "实际支出": "executed", "结余": "balance"}
_STORED_ROLES = ("budget", "received", "executed")
# The block opens on '其中: 中央财政'; each cell is a source's label and its figure, if any. The local level is named
# as the county, district or city that printed the form ('市县财政', '县市区财政', '区财政', and 市财政 beside it).
# (a converter writes one cell per line: the figure may stand on the line after its label)
_BLOCK_START = regex.compile(r"其中\s*[::;;]?\s*中央财政")
_SOURCE_CELL = regex.compile(r"[\s|]*(?:其中\s*[::;;]?\s*)?"
                             r"(?P<label>中央财政|省财政|(?:县市区|市县区|市县|县区|市区|县\(市(?:、区)?\)|[市州县区])财政|其它|其他)\s*"
                             r"(?P<figure>\d[\d,]*(?:\.\d+)?)?")
# a cell after the block that still names a level's treasury: a row the block's reading does not know
_UNKNOWN_LABEL = regex.compile(r"[\s|]*[\p{Han}()]{1,8}财政")
# how far before the block its columns' totals stand
_KEYS_REACH = 400
_WAN = 10_000


@dataclass
class FormSources:
    rows: list[FundingSource]
    spans: list[tuple[int, int]]  # where each row was read, in step with `rows` for provenance


def read_form_sources(text: str) -> FormSources | None:
    start = _BLOCK_START.search(text)
    if start is None:
        return None
    keys = list(_COLUMN_KEY.finditer(text, max(0, start.start() - _KEYS_REACH), start.start()))
    cells: dict[str, list[regex.Match]] = {}  # each label's cells, the labels in the form's order
    pos = start.start()
    while (cell := _SOURCE_CELL.match(text, pos)) is not None and cell.end() > pos:
        cells.setdefault("其它" if cell["label"] == "其他" else cell["label"], []).append(cell)
        pos = cell.end()
    if _UNKNOWN_LABEL.match(text, pos):
        return None  # a source row of a kind the form does not print: where its figures belong would be a guess
    columns = len(cells["中央财政"])
    roles = [_ROLE[k["key"]] for k in keys]
    if not 1 <= columns <= 4 or any(len(found) != columns for found in cells.values()) or len(keys) != columns \
            or len(set(roles)) != columns:
        return None
    total = FundingSource(name="资金总额", is_total=True)
    rows, spans = [total], [(keys[0].start(), keys[-1].end())]
    for key, role in zip(keys, roles):
        _set(total, role, key["figure"])
    for label in cells:
        row = FundingSource(name=label)
        for cell, role in zip(cells[label], roles):
            _set(row, role, cell["figure"])
        rows.append(row)
        spans.append((cells[label][0].start("label"), cells[label][-1].end()))
    return FormSources(rows, spans)


def _set(row: FundingSource, role: str, figure: str | None) -> None:
    number = parse_arabic(figure) if figure and role in _STORED_ROLES else None
    if number is not None:
        setattr(row, f"{role}_yuan", round(number.value * _WAN, 4))

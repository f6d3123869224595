"""The funds lines of the older project self-assessment form (项目支出绩效自评表 / 评价基础信息表, used by several provinces
from about 2013): each column's total as 'key(万元) figure' — 计划安排资金 or 计划投资额, 实际到位资金, 实际使用情况 or 实际支出 —
then, once per column, '其中: 中央财政 a, 省财政 b, 市县财政 c, 其它 d'. A scrape prints every source label as often as
there are columns, each with its figure beside it, or none where the cell is blank:

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

# A column's total: its key, the unit, the figure (blank where the form left it empty).
_COLUMN_KEY = regex.compile(r"(?P<key>计划安排资金|计划投资额?|实际到位资金|实际使用情况|实际支出)\s*[((]\s*万元\s*[))][\s|::]*"
                            r"(?P<figure>\d[\d,]*(?:\.\d+)?)?")
_ROLE = {"计划安排资金": "budget", "计划投资额": "budget", "计划投资": "budget", "实际到位资金": "received",
         "实际使用情况": "executed", "实际支出": "executed"}
# The block opens on '其中: 中央财政'; each cell is a source's label and its figure, if any.
_BLOCK_START = regex.compile(r"其中\s*[::;;]?\s*中央财政")
_SOURCE_CELL = regex.compile(r"[\s|]*(?:其中\s*[::;;]?\s*)?(?P<label>中央财政|省财政|市县财政|其它|其他)[ \t]*"
                             r"(?P<figure>\d[\d,]*(?:\.\d+)?)?")
_LABELS = ("中央财政", "省财政", "市县财政", "其它")
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
    cells: dict[str, list[regex.Match]] = {label: [] for label in _LABELS}
    pos = start.start()
    while (cell := _SOURCE_CELL.match(text, pos)) is not None and cell.end() > pos:
        cells["其它" if cell["label"] == "其他" else cell["label"]].append(cell)
        pos = cell.end()
    columns = len(cells["中央财政"])
    roles = [_ROLE[k["key"]] for k in keys]
    if not 1 <= columns <= 3 or any(len(found) != columns for found in cells.values()) or len(keys) != columns \
            or len(set(roles)) != columns:
        return None
    total = FundingSource(name="资金总额", is_total=True)
    rows, spans = [total], [(keys[0].start(), keys[-1].end())]
    for key, role in zip(keys, roles):
        _set(total, role, key["figure"])
    for label in _LABELS:
        row = FundingSource(name=label)
        for cell, role in zip(cells[label], roles):
            _set(row, role, cell["figure"])
        rows.append(row)
        spans.append((cells[label][0].start("label"), cells[label][-1].end()))
    return FormSources(rows, spans)


def _set(row: FundingSource, role: str, figure: str | None) -> None:
    number = parse_arabic(figure) if figure else None
    if number is not None:
        setattr(row, f"{role}_yuan", round(number.value * _WAN, 4))

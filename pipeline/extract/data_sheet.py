"""The 部门整体支出绩效评价基础数据表 (the basic data sheet of a department-wide evaluation, published with the
Ministry of Finance's common indicator framework, 财预〔2013〕53号): its 经费控制情况 block gives the unit's whole
spending (支出总额) as last year's final accounts, this year's budget and this year's final accounts."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..numbers import parse_amount

_CELL_GAP = r"[\s|]*"
_COLUMN = r"(?P<y{k}>(?:19|20)\d{{2}})\s*年\s*(?P<r{k}>预算数|决算数)"
_FIGURE = r"(?P<f{k}>\d[\d,]*(?:\.\d+)?)"
# the block's label with its unit, its three column heads, then the 支出总额 row's three figures (cell by cell)
_SPENDING_BLOCK = regex.compile(
    r"经费控制情况" + _CELL_GAP + r"[((]\s*(?P<unit>万元|元)\s*[))]" + _CELL_GAP
    + _CELL_GAP.join(_COLUMN.format(k=k) for k in range(3)) + _CELL_GAP + r"支出总额" + _CELL_GAP
    + r"[\s|]+".join(_FIGURE.format(k=k) for k in range(3)) + r"(?![\d.])")


@dataclass
class SheetFigure:
    role: str  # budget | executed
    year: int
    value: float
    half_unit: float
    start: int
    end: int
    label: str


def whole_spending(text: str) -> list[SheetFigure]:
    """The year's budget and final accounts of the unit's whole spending: the columns of the sheet's latest year
    (the year evaluated; the earlier column is the year before, for comparison)."""
    m = _SPENDING_BLOCK.search(text)
    if m is None:
        return []
    latest = max(int(m[f"y{k}"]) for k in range(3))
    out = []
    for k in range(3):
        if int(m[f"y{k}"]) != latest:
            continue
        num = parse_amount(m[f"f{k}"] + m["unit"])
        if num is None:
            continue
        role = "budget" if m[f"r{k}"] == "预算数" else "executed"
        out.append(SheetFigure(role, latest, num.value, num.half_unit, m.start(f"f{k}"), m.end(f"f{k}"),
                               f"支出总额 {latest}年{m[f'r{k}']}"))
    return out

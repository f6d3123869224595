"""What flow text glues onto an indicator's name: the text cells of the columns beside it.

A scrape that drops cell borders runs the name into the text columns the header puts after it
(计量单位 '%', 指标性质 '定量指标': '财政供养人员控制率%定量指标'), and the last text column of one row into the
next row's name (是否核心指标 '否': '否预算完成率'). The header says which columns these are, so the cells
are cut off by what those columns hold; a name is never cut where its header has no such column.
"""
from __future__ import annotations

import regex

from .cells import MEASURE_UNITS
from .model import Column
from .roles import LABEL_ROLES

_NATURE = regex.compile(r"(?:定量|定性)(?:指标)?$")  # 指标性质's cells
_UNIT = regex.compile(rf"(?:%|{MEASURE_UNITS})$")  # 计量单位's cells
_YES_NO = regex.compile(r"^[是否](?=[\p{Han}“‘\"])")  # a 是否… column's cells


def strip_neighbours(name: str, columns: list[Column], first_row: bool) -> str:
    """`name` without the cells of the text columns that follow the label columns (in their order) and,
    after the first row, without the last column's 是/否 that the row above ran into it."""
    roles = [c.role for c in columns]
    last_label = max((k for k, r in enumerate(roles) if r in LABEL_ROLES), default=-1)
    after = []
    for c in columns[last_label + 1:]:
        if c.role in ("unit", "nature"):
            after.append(c)
        else:
            break
    for c in reversed(after):  # the cells stand in the columns' order: the last one ends the label
        pattern = _UNIT if c.role == "unit" else _NATURE
        cut = pattern.sub("", name)
        if len(cut) >= 2:
            name = cut
    if not first_row and columns and columns[-1].word.startswith("是否"):
        name = _YES_NO.sub("", name)
    return name

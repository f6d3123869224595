"""Splits printed as a table of named amounts ('| 序号 | 项目名称 | 金额(万元) |' … '| 合计 | | 400 |').

A column naming each row's work, use or place, and an amount column whose header names the unit; the
row labelled 合计 / 总计 is the total. Such a table's amounts carry `sentence = -1`: they belong to no
sentence of the prose.
"""
from __future__ import annotations

import regex

from ..numbers import UNITS, parse_arabic
from .amounts import Amount

# A header cell that names the rows' works, uses or places.
_NAME_HEAD = regex.compile(r"(?:子?项目|工程|建设内容|资金用途|用途|名称|内容|地区|县(?:\(市、?区\))?|县区|乡镇|单位)(?:名称)?")
# A header cell that is a row number or a measured quantity ('受助人数(人)'), never the name column.
_NOT_NAME_HEAD = regex.compile(r"序号|编号|^No\.?$|\(|预算|执行|金额|资金|分值|得分|权重|指标")
# The amount column: money words and the unit in brackets ('资助金额(万元)').
_AMOUNT_HEAD = regex.compile(r"(?:金额|资金|预算|投资|补助|安排|分配|下达)[^|()]{0,8}\((?P<unit>亿元|万元|千元|元)\)")
_TABLE_TOTAL = regex.compile(r"^(?:合计|总计|共计)$")
_PIPE_ROW = regex.compile(r"(?m)^[ \t]*\|.*\|[ \t]*$")


def table_splits(text: str, make_split) -> list:
    """Every table of named amounts in `text`, each as `make_split(total, parts)`."""
    out = []
    rows = list(_PIPE_ROW.finditer(text))
    for k, head in enumerate(rows):
        cells = [c.strip() for c in head[0].strip().strip("|").split("|")]
        amount_col = next((i for i, c in enumerate(cells) if _AMOUNT_HEAD.search(c) and "率" not in c), None)
        # the name column: one that names works or places by its header, else the first column that is
        # neither a row number nor a measured quantity
        name_col = next((i for i, c in enumerate(cells) if _NAME_HEAD.fullmatch(c)), None)
        if name_col is None:
            name_col = next((i for i, c in enumerate(cells) if i != amount_col and c and not _NOT_NAME_HEAD.search(c)), None)
        if name_col is None or amount_col is None:
            continue
        factor = UNITS[_AMOUNT_HEAD.search(cells[amount_col])["unit"]]
        parts, total, line_end = [], None, head.end()
        for row in rows[k + 1:]:
            if text[line_end:row.start()].strip():
                break  # the table ended
            line_end = row.end()
            amount = _table_amount(row, name_col, amount_col, factor)
            if amount is None:
                continue
            if _TABLE_TOTAL.match(amount.label.replace(" ", "")):
                total = amount
                break
            parts.append(amount)
        if len(parts) >= 2:
            out.append(make_split(total, parts))
    return out


def _table_amount(row, name_col: int, amount_col: int, factor: float) -> Amount | None:
    line = row[0]
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    cells = [(bars[i] + 1, bars[i + 1]) for i in range(len(bars) - 1)]
    if max(name_col, amount_col) >= len(cells):
        return None
    a, b = cells[amount_col]
    raw = line[a:b].strip()
    num = parse_arabic(raw)
    if num is None:
        return None
    na, nb = cells[name_col]
    label = line[na:nb].strip()
    if not label:  # the total row often leaves the name cell empty and writes 合计 in the first cell
        label = next((line[x:y].strip() for x, y in cells if _TABLE_TOTAL.match(line[x:y].strip())), "")
    start = row.start() + a + line[a:b].index(raw)
    return Amount(round(num.value * factor, 6), num.half_unit * factor, start, start + len(raw), label,
                  row.start() + na, None, -1, row.start(), None, bool(_TABLE_TOTAL.match(label)))

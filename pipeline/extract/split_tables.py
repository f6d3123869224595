"""Splits printed as a table of named amounts ('| 序号 | 项目名称 | 金额(万元) |' … '| 合计 | | 400 |').

A column naming each row's work, use or place, and an amount column whose header names the unit; the
row labelled 合计 / 总计 is the total. A table of planned and actual spending (the older 自评报告 form's
项目支出明细: 支出内容 | 计划支出数 | 实际支出数) gives one split per column. The same table written one cell per
line, as converters give it, is read where its 合计 line confirms the rows and the text states that total
with its unit (line_table_splits). Such a table's amounts carry `sentence = -1`: they belong to no sentence
of the prose.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import regex

from ..numbers import UNITS, Number, parse_arabic, sums_exactly
from ..tables.glued import cuts
from .amounts import Amount

# A header cell that names the rows' works, uses or places.
# ('支出内容(经济科目)': the older 自评报告 form's 项目支出明细 table names each row's use, its bracket a note)
_NAME_HEAD = regex.compile(r"(?:(?:子?项目|工程|建设内容|资金用途|用途|名称|内容|地区|县(?:\(市、?区\))?|县区|乡镇|单位)(?:名称)?"
                           r"|支出内容(?:\([^()|]{1,8}\))?)")
# A header cell that is a row number or a measured quantity ('受助人数(人)'), never the name column.
_NOT_NAME_HEAD = regex.compile(r"序号|编号|^No\.?$|\(|预算|执行|金额|资金|分值|得分|权重|指标")
# The amount column: money words and the unit in brackets ('资助金额(万元)').
_AMOUNT_HEAD = regex.compile(r"(?:金额|资金|预算|投资|补助|安排|分配|下达)[^|()]{0,8}\((?P<unit>亿元|万元|千元|元)\)")
_TABLE_TOTAL = regex.compile(r"^(?:支出|资金)?(?:合计|总计|共计)$")
# (a scrape may write no bar before the row's first cell: '文化活动经费 | 166.16 | 129.05 | ||||')
_PIPE_ROW = regex.compile(r"(?m)^[ \t]*(?:\|.*\||[^|\n]+\|[^\n]*\|[^\n]*\|)[ \t]*$")


@dataclass(frozen=True)
class _TableLine:
    """One line of a table: its text, where it stands in the document, and its cells as (start, end) in the
    line, empty ones too where the line's bars show them."""

    line: str
    start: int
    end: int
    spans: tuple[tuple[int, int], ...]


def table_splits(text: str, make_split) -> list:
    """Every table of named amounts in `text` written with bars between its cells, each as
    `make_split(total, parts)`; and the same tables glued by a scrape."""
    out = glued_spending_splits(text, make_split) + glued_amount_splits(text, make_split)
    rows = [_TableLine(m[0], m.start(), m.end(), tuple(_cell_spans(m[0]))) for m in _PIPE_ROW.finditer(text)]
    return out + _separated_table_splits(text, rows, make_split)


def spaced_table_splits(text: str, make_split, gaps: Callable[[int, int], list[int]]) -> list:
    """The same tables where a scrape wrote one space between cells and no bars ('送书下乡经费 87.40 87.40'). Normalising
    takes out a space beside a Chinese character (a wrap's), so a cell boundary there shows only in `gaps`: where, in
    text[a:b], the raw text had a space."""
    rows = []
    for m in _SPACED_LINE.finditer(text):
        if not (_SPACED_HEAD_WORD.search(m[0]) or _ENDS_IN_FIGURES.search(m[0])):
            continue  # neither a header nor a row of figures: no gaps to look up
        cuts = sorted({x - m.start() for x in gaps(m.start(), m.end())}
                      | {x for space in _SPACES.finditer(m[0]) for x in space.span()})
        bounds = [0] + cuts + [len(m[0])]
        cells = [(a, b) for a, b in zip(bounds, bounds[1:]) if m[0][a:b].strip()]
        if len(cells) < 2:
            continue
        figures = len(cells)
        while figures > 0 and _CELL_FIGURE.fullmatch(m[0][slice(*cells[figures - 1])].strip()):
            figures -= 1
        if 0 < figures < len(cells):  # a row: its name (spaces and all), then each figure it ends in
            cells = [(cells[0][0], cells[figures - 1][1])] + cells[figures:]
        rows.append(_TableLine(m[0], m.start(), m.end(), tuple(cells)))
    return _separated_table_splits(text, rows, make_split, complete_rows=True)


# a line with no bars; a table's header (a word of an amount column), or a row that ends in a figure
_SPACED_LINE = regex.compile(r"(?m)^[^|\n]+$")
_SPACED_HEAD_WORD = regex.compile(r"支出数|金额|额度|预算数|资金\(|投资\(")
_ENDS_IN_FIGURES = regex.compile(r"\d[\d,]*(?:\.\d+)?[ \t\u3000]*$")
_SPACES = regex.compile(r"[ \t\u3000]+")


def _separated_table_splits(text: str, rows: list[_TableLine], make_split, complete_rows: bool = False) -> list:
    """The splits of each table among `rows`, each row in turn tried as a header. `complete_rows`: spaces are the
    separators, so a cell left empty leaves no trace and the cells after it move left: a table is read only where
    every row under its header has the header's number of cells (a row '村民培训 1500' under '项目 人数 金额' would put
    1500 people in the amount column)."""
    out = []
    for k, head in enumerate(rows):
        if complete_rows and any(len(cells) != len(head.spans) for cells in _rows_under(text, rows, k)):
            continue
        cells = [head.line[a:b].strip() for a, b in head.spans]
        if any(_SPENDING_HEAD.fullmatch(c) for c in cells):
            out.extend(_spending_table(text, rows, k, cells, make_split))
            continue
        amount_col = next((i for i, c in enumerate(cells) if _AMOUNT_HEAD.search(c) and "率" not in c), None)
        if amount_col is not None and (split := _table_split(text, rows, k, cells, amount_col, make_split)) is not None:
            out.append(split)
        elif amount_col is None:
            out.extend(_row_end_splits(text, rows, k, cells, make_split))
    return out


# A header of two amount columns or more with no unit of their own ('预算额度 | 调整额度 | 实际安排额度'), the unit stated
# once above the table ('单位:万元').
_AMOUNT_WORD_HEAD = regex.compile(r"\p{Han}{0,6}(?:额度|金额|资金|预算数?|投资|支出数?|安排数?|执行数)")
UNIT_NOTE = regex.compile(r"单位\s*[::]\s*(?P<unit>亿元|万元|千元|元)")
_UNIT_NOTE_REACH = 120
_ORDINAL = regex.compile(r"\d{1,2}")
_TASK_HEAD = regex.compile(r"(?:政策|绩效|工作)?任务(?:名称)?")
_NOT_THE_FUNDS_HEAD = regex.compile(r"结转|结余|来源|中央|省级|市级|县级|自筹|上年")


def _row_end_splits(text: str, rows, k: int, cells: list[str], make_split) -> list:
    """A table whose rows print a name, then their figures under two amount columns or more, with a 合计 row: a scrape
    drops the empty cells, so which column a row's middle figure is in is unsaid, but its first figure is the first
    column's and its last the last's wherever the row has both. Each of those two columns whose rows add up to the 合计
    row's own first or last figure exactly is a split ('M102.战略性产业集群产业链支撑 | 70.00 | 70.00' … '合计 | 12,267.66 |
    91.01 | 12,358.67'); the unit is the note above the table."""
    heads = [i for i, c in enumerate(cells) if _AMOUNT_WORD_HEAD.fullmatch(c) and "率" not in c]
    # the amount columns side by side, right after the column naming the rows' works or tasks, and the table's other
    # columns holding no figures (a length in 公里, a count of households would be read as money)
    if len(heads) < 2 or heads != list(range(heads[0], heads[-1] + 1)) or heads[0] == 0 \
            or not (_NAME_HEAD.fullmatch(cells[heads[0] - 1]) or _TASK_HEAD.fullmatch(cells[heads[0] - 1])):
        return []
    note = UNIT_NOTE.search(text, max(0, rows[k].start - _UNIT_NOTE_REACH), rows[k].start)
    if note is None:
        return []
    factor = UNITS[note["unit"]]
    body, total_row = [], None
    for row_cells in _rows_under(text, rows, k):
        if row_cells and _ORDINAL.fullmatch(row_cells[0][2]):
            row_cells = row_cells[1:]  # the row's number
        first = next((i for i, c in enumerate(row_cells) if _CELL_FIGURE.fullmatch(c[2])), None)
        if not first:
            continue
        name, figures = row_cells[first - 1], [c for c in row_cells[first:] if _CELL_FIGURE.fullmatch(c[2])]
        if _TABLE_TOTAL.match(row_cells[0][2].replace(" ", "")):
            total_row = (row_cells[0], figures)
            break
        body.append((name, figures))
    if total_row is None or len(body) < 2 or len(total_row[1]) != len(heads) \
            or any(len(figures) > len(heads) for _, figures in body):
        return []
    out = []
    for end in (0, -1):
        if _NOT_THE_FUNDS_HEAD.search(cells[heads[end]]):
            continue  # (a carry-over or a balance, a source's share: no column of what the rows are given or spend)
        picked = [(name, figures[end]) for name, figures in body]
        values = [parse_arabic(f[2]) for _, f in picked]
        total = parse_arabic(total_row[1][end][2])
        if total is None or any(v is None for v in values) or not sums_exactly(values, total):
            continue  # (exactly: a sum that needs every cell's rounding says nothing of which column each figure is in)
        out.append(make_split(_cell_part(total_row[0], total_row[1][end], total, factor, True),
                              [_cell_part(n, f, v, factor, False) for (n, f), v in zip(picked, values)]))
    return out


# The older 自评报告 form's 项目支出明细 ('支出内容(经济科目) | 计划支出数(万元) | 实际支出数(万元)', the unit sometimes
# left to the form's funds cells above): planned and actual spending, each its own reading of the rows.
_SPENDING_HEAD = regex.compile(r"(?:计划|实际)支出数(?:\((?P<unit>亿元|万元|千元|元)\))?")
_CELL_FIGURE = regex.compile(r"\d[\d,]*(?:\.\d+)?")


def _rows_under(text: str, rows, k: int):
    """The non-empty cells of each pipe row under header row k, down to the first line that is no row of the table."""
    line_end = rows[k].end
    for row in rows[k + 1:]:
        if text[line_end:row.start].strip():
            return
        line_end = row.end
        yield _cells_of(row)


def _spending_table(text: str, rows, k: int, cells: list[str], make_split) -> list:
    """The splits of a planned / actual spending table, one per column its 支出合计 row confirms.

    A scrape drops empty cells, so a row with one figure under two columns does not say which it is in: the
    total row does. A column's split is taken where every row gives it a figure (by position where a row has
    one per column, else the row's only figure) and they add up to that column's total; its unit is the
    header's, else the one the text states for that total elsewhere ('实际支出(万元) | 588.23')."""
    columns = [m["unit"] for c in cells if (m := _SPENDING_HEAD.fullmatch(c))]
    body, total_row = [], None
    for row_cells in _rows_under(text, rows, k):
        if not row_cells or not row_cells[0][2]:
            continue
        figures = [(a, b, c) for a, b, c in row_cells[1:] if _CELL_FIGURE.fullmatch(c)]
        if _TABLE_TOTAL.match(row_cells[0][2].replace(" ", "")):
            total_row = (row_cells[0], figures)
            break
        if figures:
            body.append((row_cells[0], figures))
    if total_row is None or len(body) < 2 or len(total_row[1]) != len(columns):
        return []
    out = []
    for col, unit in enumerate(columns):
        picked = []
        for name, figures in body:
            if len(figures) == len(columns):
                picked.append((name, figures[col]))
            elif len(figures) == 1:
                picked.append((name, figures[0]))
            else:
                break
        else:
            total_cell = total_row[1][col]
            values = [parse_arabic(f[2]) for _, f in picked]
            total = parse_arabic(total_cell[2])
            if total is None or any(v is None for v in values) or not _sums_to(values, total):
                continue
            unit = unit or _unit_stated_for(text, total_cell[2], total_cell[0])
            if unit is None:
                continue
            factor = UNITS[unit]
            out.append(make_split(_cell_part(total_row[0], total_cell, total, factor, True),
                                  [_cell_part(n, f, v, factor, False) for (n, f), v in zip(picked, values)]))
    return out


# The same table glued by a scrape, its cells run together ('支出内容(经济科目)计划支出数(万元)实际支出数(万元)石桥头镇
# 敬老院6060石塘镇敬老院131.58131.58…支出合计285.58285.58'): each row a name, then its planned and actual figures in one run.
_GLUED_SPENDING_HEAD = regex.compile(r"支出内容(?:\([^()]{1,8}\))?\s*计划支出数(?:\((?P<u1>亿元|万元|千元|元)\))?\s*"
                                     r"实际支出数(?:\((?P<u2>亿元|万元|千元|元)\))?")
_GLUED_ROW = regex.compile(r"\s*(?P<name>[^\d\s|。;;,,:]{2,40}?)\s*(?P<run>\d[\d.]*\d|\d)")
_GLUED_ROWS_MAX = 20
# how far actual spending may run past its plan in a reading of a glued total (DOMAIN.md §3: E > B is possible, rare)
_MOST_OVER_PLAN = 1.5


def glued_spending_splits(text: str, make_split) -> list:
    """The planned and actual splits of a glued spending table: every row's run cut in two, the cuts chosen so that
    each column adds up to the 支出合计 row's cut of the same column. Taken only where exactly one choice of cuts
    does; two readings that both add up, or none, give nothing."""
    out = []
    for head in _GLUED_SPENDING_HEAD.finditer(text):
        unit = head["u2"] or head["u1"]
        rows, total = _glued_rows(text, head.end(), _GLUED_ROW)
        if unit is None or total is None or len(rows) < 2:
            continue
        reading = _solve_glued(rows, total)
        if reading is None:
            continue
        factor = UNITS[unit]
        row_cuts, total_cut = reading
        for col in (0, 1):
            parts = [_glued_part(m, cut, col, factor, False) for m, cut in zip(rows, row_cuts)]
            out.append(make_split(_glued_part(total, total_cut, col, factor, True), parts))
    return out


# A one-column amount table glued by a scrape or converter: a header that ends in its amount column with the unit
# ('支付项目款项用途金额(元)'), then each row's name (and any text cells) run into its figure, a 合计 row last:
# '南运河项目一区监理费、检测费140,978.92南运河项目二区…148,050.78…合计5,165,776.20'. A row's figure is bounded only
# where it is printed in a form no name can end in or run on into: thousands grouped, or with its cents.
_GLUED_AMOUNT_HEAD = regex.compile(r"(?:金额|资金|支出|投资|补助)(?:数|额)?\((?P<unit>亿元|万元|千元|元)\)")
_GROUPED_FIGURE = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,9}\.\d{2}"
_GLUED_AMOUNT_ROW = regex.compile(rf"\s*(?P<name>[^\d\s|。;;:]{{2,60}}?)\s*(?P<figure>{_GROUPED_FIGURE})(?![\d.,%])")
# a header run is short, and names the rows (项目, 内容, 用途, 名称 …) before its amount column
# (never who was paid: '收款单位用途金额(元)某建设工程有限公司工程款…' lists contractors, no works)
_GLUED_HEAD_NAMES = regex.compile(r"项目|内容|用途|名称|地区|明细")
_GLUED_PAYEE_HEAD = regex.compile(r"收款|供应商|支付对象|单位名称")
# a head that says its rows are payments or uses: its total is money spent ('支付项目款项用途金额(元)')
_GLUED_SPENT_HEAD = regex.compile(r"支付|支出|使用|用途")
_GLUED_HEAD_REACH = 16


def glued_amount_splits(text: str, make_split) -> list:
    """The split of each glued one-column amount table: its rows taken only where they add up to its 合计 row
    exactly (a row the pattern cut wrongly, or a dated row, breaks the sum and gives nothing)."""
    out = []
    for head in _GLUED_AMOUNT_HEAD.finditer(text):
        names = text[max(0, head.start() - _GLUED_HEAD_REACH):head.start()]
        if not _GLUED_HEAD_NAMES.search(names) or _GLUED_PAYEE_HEAD.search(names):
            continue
        rows, total = _glued_rows(text, head.end(), _GLUED_AMOUNT_ROW)
        if total is None or len(rows) < 2:
            continue
        values = [parse_arabic(m["figure"].replace(",", "")) for m in rows]
        total_value = parse_arabic(total["figure"].replace(",", ""))
        if total_value is None or None in values or not _sums_to(values, total_value):
            continue
        factor = UNITS[head["unit"]]
        total_part = _glued_row_part(total, total_value, factor, True)
        if _GLUED_SPENT_HEAD.search(names):
            total_part = replace(total_part, label="支出" + total_part.label)  # (what was spent: no budget, read_budget)
        out.append(make_split(total_part,
                              [_glued_row_part(m, v, factor, False) for m, v in zip(rows, values)]))
    return out


def _glued_row_part(m, value: Number, factor: float, is_total: bool) -> Amount:
    name = m["name"].strip()
    return _table_part(value, factor, m.start("figure"), m.end("figure"), name, m.start("name") + m["name"].index(name),
                       is_total)


def _glued_rows(text: str, pos: int, row: regex.Pattern) -> tuple[list, regex.Match | None]:
    """A glued table's rows from `pos`, each a match of `row`, down to its 合计 / 总计 row (None where none comes)."""
    rows = []
    while len(rows) <= _GLUED_ROWS_MAX and (m := row.match(text, pos)) is not None:
        pos = m.end()
        if _TABLE_TOTAL.match(m["name"]):
            return rows, m
        rows.append(m)
    return rows, None


def _solve_glued(rows, total) -> tuple[list[tuple[str, str]], tuple[str, str]] | None:
    options = [cuts(m["run"], 2) for m in rows]
    found = []
    for t in cuts(total["run"], 2):
        t_num = [parse_arabic(x) for x in t]
        if None in t_num or t_num[1].value > _MOST_OVER_PLAN * t_num[0].value:
            continue  # ('285.5 | 8285.58': actual spending many times the plan is a cut in the wrong place)
        limits = [n.value + n.half_unit * (len(rows) + 1) for n in t_num]
        for combo in _combos(options, limits):
            nums = [[parse_arabic(x) for x in cut] for cut in combo]
            if all(_sums_to([n[c] for n in nums], t_num[c]) for c in (0, 1)):
                found.append((list(combo), t))
                if len(found) > 1:
                    return None
    return found[0] if found else None


def _combos(options, limits, chosen=None, sums=(0.0, 0.0)):
    """Each row's cut, depth first, no column running past its total."""
    chosen = chosen or []
    if len(chosen) == len(options):
        yield tuple(chosen)
        return
    for a, b in options[len(chosen)]:
        s = (sums[0] + float(a), sums[1] + float(b))
        if s[0] <= limits[0] and s[1] <= limits[1]:
            yield from _combos(options, limits, chosen + [(a, b)], s)


def _glued_part(m, cut: tuple[str, str], col: int, factor: float, is_total: bool) -> Amount:
    start = m.start("run") + (len(cut[0]) if col else 0)
    value = parse_arabic(cut[col])
    name = m["name"].strip()
    return _table_part(value, factor, start, start + len(cut[col]), name, m.start("name") + m["name"].index(name), is_total)


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """A pipe row's cells as (start, end) in the line, empty ones too; a row the scrape wrote with no bar before
    its first cell opens that cell at the line's first character."""
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    if not line.lstrip().startswith("|"):
        bars.insert(0, len(line) - len(line.lstrip()) - 1)
    return [(a + 1, b) for a, b in zip(bars, bars[1:])]


def _cells_of(row: _TableLine) -> list[tuple[int, int, str]]:
    """A row's non-empty cells as (start, end, text) in the text."""
    line, out = row.line, []
    for a, b in row.spans:
        stripped = line[a:b].strip()
        if stripped:
            start = row.start + a + line[a:b].index(stripped)
            out.append((start, start + len(stripped), stripped))
    return out


def _table_part(value: Number, factor: float, start: int, end: int, label: str, label_start: int,
                is_total: bool) -> Amount:
    """A table cell's figure as an amount of the prose's kind, in 元; it belongs to no sentence (-1)."""
    return Amount(round(value.value * factor, 6), value.half_unit * factor, start, end, label, label_start, None, -1,
                  label_start, None, is_total)


def _cell_part(name_cell, figure_cell, value: Number, factor: float, is_total: bool) -> Amount:
    return _table_part(value, factor, figure_cell[0], figure_cell[1], name_cell[2], name_cell[0], is_total)


def _sums_to(parts: list[Number], total: Number) -> bool:
    """The parts add up to the total within the sum of their printed roundings."""
    slack = sum(p.half_unit for p in parts) + total.half_unit
    return abs(sum(p.value for p in parts) - total.value) <= slack + 1e-9


def _table_split(text: str, rows, k: int, cells: list[str], amount_col: int, make_split):
    """The split one amount column of a table gives: its rows' names and amounts, its 合计 row the total."""
    # the name column: one that names works or places by its header, else the first column that is
    # neither a row number nor a measured quantity
    name_col = next((i for i, c in enumerate(cells) if _NAME_HEAD.fullmatch(c)), None)
    if name_col is None:
        name_col = next((i for i, c in enumerate(cells) if i != amount_col and c and not _NOT_NAME_HEAD.search(c)), None)
    if name_col is None:
        return None
    factor = UNITS[_AMOUNT_HEAD.search(cells[amount_col])["unit"]]
    parts, total, line_end = [], None, rows[k].end
    for row in rows[k + 1:]:
        if text[line_end:row.start].strip():
            break  # the table ended
        line_end = row.end
        amount = _table_amount(row, name_col, amount_col, factor)
        if amount is None:
            continue
        if _TABLE_TOTAL.match(amount.label.replace(" ", "")):
            total = amount
            break
        parts.append(amount)
    return make_split(total, parts) if len(parts) >= 2 else None


# The same table as a docx or scrape often gives it, one cell per line: a header line naming the rows' uses
# ('支出内容') then, within a cell or two, one naming their amounts ('实际支出数'); each row a name line with its
# amount on the next line, cells such as a voucher number between rows; a 合计 line ends it.
_LINE_NAME_HEAD = regex.compile(r"(?:支出|建设|资金)?(?:内容|用途|项目名称|子项目|明细)(?:名称)?(?:\([^()]{1,8}\))?")
# (a bare 数 or 额 — '实际数', '计划数' — names a count as often: with a money word before it or a unit after it only)
_LINE_AMOUNT_HEAD = regex.compile(r"(?:实际|计划)?(?:(?:支出|使用|执行|安排|预算|投资)(?:数|金额|资金|额)|金额|资金)"
                                  r"(?:\((?P<unit>亿元|万元|千元|元)\))?|(?:实际|计划)?(?:数|额)\((?P<unit>亿元|万元|千元|元)\)")
_LINE_TOTAL = regex.compile(r"(?:支出|资金)?(?:合计|总计|共计)")
_LINE_FIGURE = regex.compile(r"\d{1,12}(?:\.\d{1,6})?")
_LINE_NAME = regex.compile(r"(?=.*\p{Han})[^|:;。,]{2,30}")
_HEAD_REACH = 3  # the amount head within this many cell lines of the name head
_ROW_GAP = 6  # cell lines between two rows (a voucher's number, a note) before the table is taken as ended


def line_table_splits(text: str, make_split) -> list:
    """Every table of named amounts written one cell per line, its parts confirmed by its 合计 line.

    Such a table says nothing of its unit where the form states it once above, so the total must be a
    figure the text also states with its unit ('实际支出 (万元) 179.6'); without that, and without the
    parts adding up to the total, it gives nothing."""
    lines = [(m.start(), m.end(), m[0].strip()) for m in regex.finditer(r"(?m)^[ \t]*(\S[^\n]*?)[ \t]*$", text)]
    out = []
    for k, (_, _, cell) in enumerate(lines):
        if not _LINE_NAME_HEAD.fullmatch(cell):
            continue
        head = next((j for j in range(k + 1, min(k + 1 + _HEAD_REACH, len(lines)))
                     if _LINE_AMOUNT_HEAD.fullmatch(lines[j][2])), None)
        if head is None:
            continue
        units = [_LINE_AMOUNT_HEAD.fullmatch(lines[head][2])["unit"]]
        while head + len(units) < len(lines) and (more := _LINE_AMOUNT_HEAD.fullmatch(lines[head + len(units)][2])):
            units.append(more["unit"])
        if len(units) > 1:
            out.extend(make_split(*split) for split in _line_table_columns(text, lines, head + len(units), units))
        elif (split := _line_table(text, lines, head + 1, units[0])) is not None:
            out.append(make_split(*split))
    return out


def _line_table_columns(text: str, lines, first: int, units: list[str | None]) -> list:
    """A table of several amount columns written one cell per line ('支出内容 / 计划支出数(万元) / 实际支出数(万元)', then
    each row's name and its figures, a line each): every row a name and one figure per column, down to the 合计 row;
    a column is a split where its rows add up to the 合计 row's figure. Any other line (a cell left empty) ends it
    with nothing: which column a figure stands in would be a guess."""
    n, rows, j = len(units), [], first
    while j + n < len(lines):
        name, figures = lines[j][2], [lines[j + 1 + c][2] for c in range(n)]
        if not all(_LINE_FIGURE.fullmatch(f) for f in figures) or _LINE_FIGURE.fullmatch(name):
            return []
        if _LINE_TOTAL.fullmatch(name):
            return [split for c in range(n) if (split := _confirmed(text, lines, [(r, r + 1 + c) for r in rows], j,
                                                                    units[c], j + 1 + c)) is not None]
        if not _LINE_NAME.fullmatch(name):
            return []
        rows.append(j)
        j += n + 1
    return []


def _line_table(text: str, lines, first: int, unit: str | None):
    parts: list[tuple[int, int]] = []  # (name line, figure line)
    j, gap = first, 0
    while j + 1 < len(lines) and gap <= _ROW_GAP:
        name, figure = lines[j][2], lines[j + 1][2]
        if _LINE_FIGURE.fullmatch(figure) and _LINE_TOTAL.fullmatch(name):
            return _confirmed(text, lines, parts, j, unit)
        if _LINE_FIGURE.fullmatch(figure) and _LINE_NAME.fullmatch(name) and not _LINE_FIGURE.fullmatch(name):
            if j + 2 < len(lines) and _LINE_FIGURE.fullmatch(lines[j + 2][2]):
                return None  # a row of two figures (a quantity, then its amount): which is the money is not said
            parts.append((j, j + 1))
            j, gap = j + 2, 0
            continue
        j, gap = j + 1, gap + 1
    return None


def _confirmed(text: str, lines, parts, total_line: int, unit: str | None, total_figure: int | None = None):
    """The split a table's rows give where they add up to the figure of its 合计 line (`total_figure`, the line after
    the 合计 line unless said)."""
    if len(parts) < 2:
        return None
    total_figure = total_line + 1 if total_figure is None else total_figure
    digits = lines[total_figure][2]
    total = parse_arabic(digits)
    values = [parse_arabic(lines[f][2]) for _, f in parts]
    if total is None or any(v is None for v in values) or not _sums_to(values, total):
        return None
    unit = unit or _unit_stated_for(text, digits, lines[total_line][0])
    if unit is None:
        return None
    factor = UNITS[unit]

    def amount(name_line: int, figure_line: int, value: Number, is_total: bool) -> Amount:
        start, _, figure = lines[figure_line]
        start = text.index(figure, start)
        return _table_part(value, factor, start, start + len(figure), lines[name_line][2], lines[name_line][0], is_total)

    return (amount(total_line, total_figure, total, True),
            [amount(n, f, v, False) for (n, f), v in zip(parts, values)])


def _unit_stated_for(text: str, digits: str, before: int) -> str | None:
    """The unit of a figure the text states elsewhere with its unit: after a label's '(万元)' (in the cell beside
    it, too: '实际支出(万元) | 588.23'), or before '万元'."""
    figure = regex.escape(digits)
    stated = regex.compile(rf"\((?P<unit>亿元|万元|元)\)[\s|]*{figure}(?![\d.])|(?<![\d.]){figure}\s*(?P<unit>亿元|万元|元)")
    for m in stated.finditer(text, 0, before):
        if not _PER_UNIT.search(text, max(0, m.start() - 8), m.start()):
            return m["unit"]  # (a standard per person, '每人每次300元', is no copy of a sum)
    return _unit_of_the_same_sum(text, digits, before)


# (a form's cell, its unit in its key: '实际支出 (万元) 55'; a sum in the prose, '奖励资金3万元', may equal the table's
# total in the other unit by chance)
_STATED_SUM = regex.compile(r"\((?P<unit>亿元|万元|元)\)[\s|]*(?P<figure>\d[\d,]*(?:\.\d+)?)(?![\d.])")


def _unit_of_the_same_sum(text: str, digits: str, before: int) -> str | None:
    """The unit in which the table's total is a sum a form cell of the text states in another ('支出合计 550000' under
    '实际支出 (万元) 55': the table is in 元); None where no statement, or more than one unit, makes it so."""
    total = parse_arabic(digits)
    if total is None or not total.value:
        return None
    units = set()
    for m in _STATED_SUM.finditer(text, 0, before):
        stated = parse_arabic(m["figure"])
        if stated is None or _PER_UNIT.search(text, max(0, m.start() - 8), m.start()):
            continue
        units |= {u for u in ("元", "万元") if u != m["unit"]
                  and abs(total.value * UNITS[u] - stated.value * UNITS[m["unit"]]) < 1e-6}
    return units.pop() if len(units) == 1 else None


_PER_UNIT = regex.compile(r"每|标准|人均|户均")


def _table_amount(row: _TableLine, name_col: int, amount_col: int, factor: float) -> Amount | None:
    line = row.line
    cells = row.spans
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
    start = row.start + a + line[a:b].index(raw)
    return Amount(round(num.value * factor, 6), num.half_unit * factor, start, start + len(raw), label,
                  row.start + na, None, -1, row.start, None, bool(_TABLE_TOTAL.match(label)))

"""The funds block of a form (资金情况 / 项目资金 / 资金投入情况): budget, executed, rate, and their sources.

Columns are read by role (roles.py), lettered or not ('全年预算数(A) … 执行率(B/A)'); the rate's own
formula, when the header prints one, says which column is the budget it divides by. Rows are the
total (年度资金总额), its parts (其中: 财政拨款, 上年结转, 其他资金…), and on 部门整体 forms two splits of
the same total printed side by side, by source (按收入性质分) and by use (按支出性质分), kept apart.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field, replace

import regex

from .align import align, near_readings
from .cells import decimals_of, half_unit
from .glued import cuts, rate_matches
from .grid import Cells
from .layout import FORM_UNIT, body_rows, tables_of
from .model import Column, Header, Row, TableReport, Value, figure
from .roles import FUNDS_KEYS, ROLE_DEFS

# A row that opens the form's next block: the funds table has ended.
_NEXT_BLOCK = regex.compile(r"^(?:年度总体目标|年度绩效目标|总体目标|年度目标|绩效指标|一级指标|资金管理情况|绩效目标|"
                            r"项目绩效目标|当年绩效目标|实施情况|指标)")
# Blocks that follow the funds block on every form: seen anywhere in a glued label, the table has ended.
_NEXT_BLOCK_GLUED = regex.compile(r"年度总体目标|年度绩效目标|绩效指标|资金管理情况|一级指标")
# the indicator block's categories opening a cell, where its heading is lost (a page dropped between the blocks, or
# a page run into one line): no funds row is named so ('满意度指标调查经费' is)
_NEXT_BLOCK_CELL = regex.compile(r"(?:产出|效益|满意度)指标(?!\p{Han}{0,8}(?:经费|资金|费用))")
# What a row under the funds block's total is named by: a source, a kind of spending or money ('当年财政拨款',
# '上年结转', '其他资金', '基本支出', '一般公共预算', '政府性基金拨款').
_FUNDS_WORD = regex.compile(r"资金|拨款|结转|结余|其他|财政|中央|省|市|县|区|自筹|收入|支出|补助|基金|债|配套|经费|本级|上级|"
                            r"社会|预算|款|费|合计|小计|总额|其中")
_NOTE = regex.compile(r"[,;。=]")  # a sentence under the table ('1.预算执行率=预算执行数/调整后预算数,…')
_TOTAL = regex.compile(r"^(?:年度)?(?:财政)?资金总额|^(?:总额|合计|总计)")
_SPLIT_HEAD = {"source": regex.compile(r"按收入性质分|按资金来源分|按来源分"),
               "use": regex.compile(r"按支出性质分|按支出用途分|按用途分")}
# Parts that say what the money is spent on, not where it comes from (部门整体: 基本支出 / 项目支出).
_USE_PART = regex.compile(r"基本支出|项目支出|人员经费|公用经费|工资福利|商品和服务|对个人和家庭|资本性支出")
_LABEL_NOISE = regex.compile(r"^(?:其中\s*[::]?\s*)|[((](?:万元|元)[^()()]{0,40}[))]|[::\s]+$")
_AMOUNT_ROLES = ("initial", "budget", "pooled", "budget_net", "received", "executed")


@dataclass
class FundsRow:
    label: str
    kind: str  # total | part | split_total
    group: str | None  # source | use | None
    values: dict[str, Value]
    start: int
    end: int
    row: Row | None = field(default=None, repr=False, compare=False)  # as the layout gave it: its other readings


@dataclass
class FundsTable:
    header: Header
    rows: list[FundsRow] = field(default_factory=list)
    report: TableReport | None = None
    # the block names its two splits (按收入性质分 / 按支出性质分) somewhere among its labels, even where a
    # flattened two-column form glued both heads onto a part's row: its parts then fall into the two splits
    split: bool = False

    @property
    def total(self) -> FundsRow | None:
        return next((r for r in self.rows if r.kind == "total"), None)

    def figures_row(self) -> FundsRow | None:
        """The row whose figures are the block's: the total row, unless it prints only zeros while one
        part alone is filled (DOMAIN.md §3, the S3 form: '0 0 0 10 0 0' over 90 | 89.974 | 89.974);
        then that part's, and the broken total still fails funding_sources_sum."""
        total = self.total
        if total is None:
            return None
        amounts = [v.value for k, v in total.values.items() if k in _AMOUNT_ROLES and v.value is not None]
        if amounts and not any(amounts):
            filled = [r for r in self.rows if r.kind == "part" and
                      any(v.value for k, v in r.values.items() if k in _AMOUNT_ROLES and v.value is not None)]
            if len(filled) == 1:
                return filled[0]
        return total

    def budget_role(self) -> str | None:
        """The column the execution rate divides by: the rate's formula, else the evaluated budget."""
        rate = self.header.column("rate")
        if rate and rate.formula:
            below = next((c.role for c in self.header.columns if c.letter == rate.formula[1]), None)
            if below:
                return below
        roles = self.header.roles
        return next((r for r in ("budget_net", "budget", "initial") if r in roles), None)


def read_funds(text: str, cells: Cells | None = None) -> FundsTable | None:
    """The first funds block of the text that yields a total row with figures; else a block written as
    label-figure pairs on one line. `cells`: what the load stage knew of the text's table cells (grid.py)."""
    for header, end in tables_of(text, "funds", 3000):
        table = _read(text, header, end, cells)
        if table is not None and table.total is not None and table.total.values:
            return table
    return read_inline_funds(text) or read_funds_by_rate(text)


_FUNDS_ROLES = [r for r in ROLE_DEFS if r.table == "funds" and r.accepts in ("amount", "rate")]
# '全年预算数 2,400,000  全年执行数 2,285,520  执行率 95.23%': each header word followed by its figure.
_INLINE_PAIR = regex.compile(
    "(?:" + "|".join(f"(?P<{r.name}>{r.pattern})" for r in _FUNDS_ROLES) + r")"
    r"(?:[((][^()()]{0,8}[))])?\s*[::]?\s*(?P<figure>\d[\d,]*(?:\.\d+)?\s*%?)")
# A role word right after another ('计划支出数 实际支出数 30399'), with no pair after it on its line: the two are a
# header row, and the figure after them is the first cell of the row under it (here an economic class's code), not
# the second word's value.
_AFTER_ROLE_WORD = regex.compile(
    "(?:" + "|".join(f"(?:{r.pattern})" for r in _FUNDS_ROLES) + r")(?:[((][^()()]{0,8}[))])?\s*$")
_LINE_UNIT = regex.compile(rf"[((]\s*(万元|元|亿元)\s*[))]|{FORM_UNIT.pattern}")
_UNIT_FACTOR = {"元": 1.0, "万元": 10_000.0, "亿元": 100_000_000.0}


# how many lines under its declaration a form's unit still holds for a line of pairs (the form's next section
# heading and its column heads stand between them: '二、预算执行情况' over '预算数 6.84 到位数 6.84 执行数 6.84'). Shorter
# than a table's reach (layout.FORM_UNIT_REACH): a line of pairs has no header of its own that marks it as the form's.
_PAIRS_UNIT_REACH_LINES = 3


def read_inline_funds(text: str) -> FundsTable | None:
    """A funds block written as pairs on one line, under a stated unit ('项目资金(元):全年预算数 2,400,000
    全年执行数 2,285,520 执行率 95.23%'), or under the unit the form declares a line or two above it
    ('金额单位: 万元'): one total row. Without a stated unit the figures are not taken: their scale would be a
    guess."""
    for unit, line_start, line_end in _lines_under_a_unit(text):
        run = _heads_then_figures(text, line_start, line_end, unit)
        if run is not None:
            return run
        pairs: dict[str, regex.Match] = {}
        for m in _INLINE_PAIR.finditer(text, line_start, line_end):
            role = next(r.name for r in _FUNDS_ROLES if m[r.name] is not None)
            if _AFTER_ROLE_WORD.search(text, max(line_start, m.start() - 24), m.start()) \
                    and _INLINE_PAIR.search(text, m.end(), line_end) is None:
                continue  # (a pair after it: the scrape dropped an empty cell between two pairs, '年初预算数 全年预算数 120 …')
            if role in pairs:
                break  # the block repeated into the next merged cell
            pairs[role] = m
        if len(pairs) < 2 or not FUNDS_KEYS & set(pairs):
            continue
        columns = [Column(role, m.start(role), m.end(role), m[role]) for role, m in pairs.items()]
        header = Header(columns, columns[0].start, columns[-1].end, "funds", unit_factor=_UNIT_FACTOR[unit])
        values = {}
        for role, m in pairs.items():
            digits = m["figure"].rstrip("% ").replace(",", "")
            values[role] = Value(float(digits), m.start("figure"), m.start("figure") + len(m["figure"].rstrip("% ")),
                                 half_unit(digits), m["figure"])
        last = max(m.end() for m in pairs.values())
        rate = _unnamed_rate(text, last, line_end, values)
        if rate is None and (glued := _glued_rate(text, pairs, line_end, values)) is not None:
            values["executed"], rate = glued
        if rate is not None:
            values["rate"] = rate
            header.columns.append(Column("rate", rate.start, rate.end, ""))
        report = TableReport("interpreter", "inline", "funds", header.roles, rows_read=1, total_row=True, confidence=0.6)
        first, last = min(m.start() for m in pairs.values()), max([last] + [v.end for v in values.values()])
        return FundsTable(header, [FundsRow("年度资金总额", "total", None, values, first, last)], report)
    return None


# A funds role word with the letter a form gives its column ('全年预算数(A)'), and a figure after a run of them.
_ROLE_WORD = regex.compile("(?:" + "|".join(f"(?P<{r.name}>{r.pattern})" for r in _FUNDS_ROLES) + r")"
                           r"(?:\s*[((][A-Za-z/×*]{1,5}[))])?")
_RUN_FIGURE = regex.compile(r"\s*(\d[\d,]*(?:\.\d+)?)(?![\d.,])")


def _heads_then_figures(text: str, line_start: int, line_end: int, unit: str) -> FundsTable | None:
    """A workbook flattened column heads first, figures after ('全年预算数(A) 全年执行数(B) 7165.32 6992.95 其中:…'):
    a run of two to four role words, then exactly as many figures before the next word, one per head in order.
    A run of figures of another length (a code after two heads, '计划支出数 实际支出数 30399') is no such row."""
    heads: list[tuple[str, regex.Match]] = []
    at = line_start
    for m in _ROLE_WORD.finditer(text, line_start, line_end):
        if heads and text[at:m.start()].strip():
            heads = []  # words between: a new run begins
        heads.append((next(r.name for r in _FUNDS_ROLES if m[r.name] is not None), m))
        at = m.end()
        figures = []
        pos = m.end()
        while (f := _RUN_FIGURE.match(text, pos, line_end)) is not None:
            figures.append(f)
            pos = f.end()
        if not figures:
            continue
        roles = [r for r, _ in heads]
        after = text[pos:pos + 1]
        if not 2 <= len(heads) <= 4 or len(figures) != len(heads) or len(set(roles)) != len(roles) \
                or not FUNDS_KEYS & set(roles) or (after and (after.isdigit() or after in ".%")):
            heads = []
            continue
        columns = [Column(role, h.start(), h.end(), h[0]) for role, h in heads]
        header = Header(columns, columns[0].start, columns[-1].end, "funds", unit_factor=_UNIT_FACTOR[unit])
        values = {role: Value(float(f[1].replace(",", "")), f.start(1), f.end(1), half_unit(f[1].replace(",", "")), f[1])
                  for (role, _), f in zip(heads, figures)}
        report = TableReport("interpreter", "inline", "funds", header.roles, rows_read=1, total_row=True, confidence=0.6)
        return FundsTable(header, [FundsRow("年度资金总额", "total", None, values, columns[0].start, figures[-1].end())], report)
    return None


# The figure that ends a line of pairs with no word of its own ('执行数 6.84 100.00' under a header whose last
# column is 预算执行进度(%)).
_LONE_FIGURE = regex.compile(r"[\s|]*(\d{1,3}(?:\.\d{1,4})?)\s*%?[\s|]*$")


def _unnamed_rate(text: str, start: int, end: int, values: dict[str, Value]) -> Value | None:
    """The line's last figure as the execution rate, where the line names none and the figure is what the
    line's own executed and budget amounts give, in its rounding: nothing else on a funds line is that
    number."""
    m = _LONE_FIGURE.fullmatch(text, start, end)
    if m is None or "rate" in values or "budget" not in values or "executed" not in values or not values["budget"].value:
        return None
    exact = values["executed"].value / values["budget"].value * 100
    digits = m[1]
    if not rate_matches(exact, float(digits), decimals_of(digits)):
        return None
    return Value(float(digits), m.start(1), m.end(1), half_unit(digits), digits)


# The rest of a line of pairs glued onto its last figure ('执行数62.73100.00': the executed amount and the rate
# of the header's last column, printed with no gap between them).
_GLUED_TAIL = regex.compile(r"[\d.]+\s*%?[\s|]*$")


def _glued_rate(text: str, pairs: dict[str, regex.Match], end: int,
                values: dict[str, Value]) -> tuple[Value, Value] | None:
    """The executed amount and the execution rate glued onto it at the end of a line of pairs: the run is cut
    in every way into an amount and a rate of plausible form (glued.cuts, DOMAIN.md §4.2), and the cut is
    taken only when exactly one of them makes executed / budget equal the rate in its rounding; two cuts that
    both add up, or none, leave the figure as read."""
    last_role, last = max(pairs.items(), key=lambda kv: kv[1].end())
    if last_role != "executed" or "rate" in values or not figure(values, "budget"):
        return None
    tail = _GLUED_TAIL.match(text, last.end(), end)
    if tail is None or not tail[0][:1].isdigit() and tail[0][:1] != ".":
        return None
    run = (last["figure"] + tail[0]).rstrip("%| \t")
    if "," in run or not run.replace(".", "").isdigit():
        return None
    fits = [(a, r) for a, r in cuts(run, 2, 4)
            if rate_matches(float(a) / values["budget"].value * 100, float(r), decimals_of(r))]
    if len(fits) != 1:
        return None
    amount, rate = fits[0]
    start = last.start("figure")
    return (Value(float(amount), start, start + len(amount), half_unit(amount), amount, cut=True),
            Value(float(rate), start + len(amount), start + len(run), half_unit(rate), rate, cut=True))


def _lines_under_a_unit(text: str):
    """(unit, line start, line end) for each line that states a unit, then each of the few lines under a
    form's unit declaration, in the text's order."""
    seen = set()
    for unit in _LINE_UNIT.finditer(text):
        line_start = text.rfind("\n", 0, unit.start()) + 1
        line_end = text.find("\n", unit.end())
        line_end = len(text) if line_end < 0 else line_end
        seen.add(line_start)
        yield unit[1] or unit[2], line_start, line_end
    for unit in FORM_UNIT.finditer(text):
        at = text.find("\n", unit.end())
        for _ in range(_PAIRS_UNIT_REACH_LINES):
            if at < 0:
                break
            line_start, at = at + 1, text.find("\n", at + 1)
            line_end = len(text) if at < 0 else at
            if FORM_UNIT.search(text, line_start, line_end):
                break  # a unit of its own
            if line_start not in seen:
                yield unit[1], line_start, line_end


# a label that heads what the money is used for ('预算资金主要用途:'), with its colon: the list under it is of uses,
# never the block's sources (a split heading such as '按收入性质分:' goes on with the block)
_SECTION_LABEL = regex.compile(r"\p{Han}{0,12}(?:用途|使用方向|支出内容)[::]")


def _ends_block(labels: list, label_text: str) -> bool:
    """The next block's heading, or a heading of the prose under the table ('预算资金主要用途:' over
    '1)租车费:…7.00万元'): the table ends there."""
    return any(_NEXT_BLOCK.match(t.text.strip()) or _NEXT_BLOCK_GLUED.search(t.text)
               or _NEXT_BLOCK_CELL.match(t.text.strip()) for t in labels) \
        or bool(_SECTION_LABEL.fullmatch(label_text.strip()))


def _read(text: str, header: Header, end: int, cells: Cells | None = None) -> FundsTable | None:
    layout, rows = body_rows(text, header, end, cells)
    rows = _row_numbers_dropped(rows, header)
    table = FundsTable(header, report=TableReport("interpreter", layout, "funds", header.roles))
    columns = header.columns
    empty_run = 0
    for row in rows:
        labels = row.labels
        label_text = labels[-1].text if labels else ""
        if table.rows and _ends_block(labels, label_text):
            break
        if _NOTE.search(label_text):
            table.report.skip(row, "a note, not a row")
            continue
        if len(label_text) > 40:
            table.report.skip(row, "prose")
            break
        if _numbering_row(row):
            table.report.skip(row, "column numbers")
            continue
        reading = align(row, columns, score=lambda r: _identities(table, r))
        values = {k: v for k, v in (reading.values.items() if reading else ()) if k in _AMOUNT_ROLES + ("rate", "weight", "score", "received_rate")}
        values = _rates_as_percents(table, values)
        lost = _digits_lost(text, row)
        if lost:
            # its amounts lost their leading digits: only the figures the row's own arithmetic proves are read
            values = _proven_tail(header, row) or {}
            table.report.skip(row, "amounts with their leading digits lost" +
                              ("; rate, weight and score read by score = weight × rate" if values else ""))
        single = _single_amount(row) if "row_no" not in header.roles and table.rows else None
        if single is not None:
            values = {"budget": single}  # a label with one figure: a two-column list (label | amount)
        elif reading and reading.ambiguous:
            table.report.ambiguous.append({"row": label_text[:30], "columns": dict(reading.ambiguous)})
        if not values and not any(t.kind == "dash" for t in row.values):
            empty_run += 1
            if row.values and not lost:
                table.report.skip(row, "no figure fits the header")
            if empty_run >= 4 and table.rows:
                break
            continue
        empty_run = 0
        if table.rows and labels and not _FUNDS_WORD.search(label_text):
            # '度效标 | 80' (the next block's heading, read down its column by an OCR) is no part of the funds
            table.report.skip(row, "no funds word in its label")
            continue
        if any(p.search(t.text) for t in labels for p in _SPLIT_HEAD.values()):
            table.split = True
        table.rows.append(_classify(table, _clean_label(label_text), values, row))
        table.report.rows_read += 1
    if not table.rows:
        return None
    _total_below(table)
    table.report.rows_chosen_by_totals = _by_sums(table, columns)
    report = table.report
    report.total_row = table.total is not None
    tail = text[max(r.end for r in table.rows):]
    report.reaches_end = _nothing_after(tail)
    report.ends_the_text = not regex.search(r"[^\s|]", tail)
    report.confidence = _confidence(table)
    return table


# The last three columns of a form's funds row, in whichever order: the execution rate, its points and the points it earned.
_RATE_POINTS = ("rate", "weight", "score")
_MAX_ROW_POINTS = 20  # the execution row is worth 10 points on the published forms, 20 at most


def _digits_lost(text: str, row: Row) -> bool:
    """The row's figures open with a bare decimal point ('年度总金额.32.06.5'): a scrape lost the digits before
    it, so no amount of the run can be read (32 | 6.5 would be a guess)."""
    first = next((t for t in row.values if t.kind == "number"), None)
    return first is not None and first.start >= 2 and text[first.start - 1] == "." and not text[first.start - 2].isdigit()


def _proven_tail(header: Header, row: Row) -> dict[str, Value] | None:
    """A row whose figures a scrape glued after losing the amounts' leading digits ('其中财政拨款.32.06.5' +
    '79.27107.93' under … | 执行率 | 执行率权重 | 执行率得分): the amounts cannot be read, but the run's tail
    cut along the header's last three columns (rate, weight and score, in its order) is proven where score = weight × rate in the score's own rounding (10 ×
    79.27 % = 7.927 → 7.93) and no other cut of any tail is: that reading, or None."""
    order = [c.role for c in header.columns][-3:]  # in the header's order: '执行率 | 权重 | 得分' or '分值 | 执行率 | 得分'
    if set(order) != set(_RATE_POINTS) or not row.values or row.values[-1].kind != "number":
        return None
    tok = row.values[-1]
    digits = tok.text
    if digits.count(".") < 2:
        return None
    found = set()
    for start in range(len(digits) - 3):
        for cut in cuts(digits[start:], 3):
            rate, weight, score = (cut[order.index(role)] for role in _RATE_POINTS)
            r, w, sc = float(rate), float(weight), float(score)
            if not (0 < r <= 100 and w == int(w) and 0 < w <= _MAX_ROW_POINTS and sc <= w and "." in score):
                continue
            if rate_matches(w * r / 100, sc, decimals_of(score)):
                found.add((start, rate, weight, score))
    if len({(r, w, sc) for _, r, w, sc in found}) != 1:
        return None
    start, rate, weight, score = min(found)
    pieces = dict(zip(_RATE_POINTS, (rate, weight, score)))
    pos = tok.start + start
    out = {}
    for role in order:
        piece = pieces[role]
        out[role] = Value(float(piece), pos, pos + len(piece), half_unit(piece), piece, cut=True)
        pos += len(piece)
    return out


def _numbering_row(row: Row) -> bool:
    """'列次 0 1 2 3 4 5 6 7': a row numbering the columns."""
    nums = [t.text for t in row.values if t.kind == "number"]
    if len(nums) >= 3 and all(n.isdigit() for n in nums):
        ints = [int(n) for n in nums]
        return ints == list(range(ints[0], ints[0] + len(ints)))
    return len(nums) == 1 and regex.fullmatch(r"\d( \d)+", row.tokens[-1].text or "") is not None


_FIGURE_ROLES = {r.name for r in ROLE_DEFS if r.accepts in ("amount", "rate", "weight", "score")}


def _row_numbers_dropped(rows: list[Row], header: Header) -> list[Row]:
    """The block's first row holds one figure more than the header has columns of figures, and its first figure and
    those of the rows after it count 1, 2, 3 … (three rows at least): the header lost its 行次 column (a page or a
    line holding it dropped), and those figures are the rows' numbers, not their amounts."""
    if "row_no" in header.roles:
        return rows
    figure_columns = [c for c in header.columns if c.role in _FIGURE_ROLES]
    firsts = [next((t for t in row.tokens if t.is_value), None) for row in rows]
    opening = next((k for k, row in enumerate(rows) if firsts[k] is not None and not _numbering_row(row)), None)
    if opening is None or sum(1 for t in rows[opening].tokens if t.is_value) != len(figure_columns) + 1:
        return rows
    run: list[int] = []
    for k in range(opening, len(rows)):
        if firsts[k] is None:
            continue
        if firsts[k].row_number != len(run) + 1:
            break
        run.append(k)
    if len(run) < 3:
        return rows
    out = list(rows)
    for k in run:
        row, number = rows[k], firsts[k]
        at = row.tokens.index(number)
        label_end = row.label_end - 1 if row.label_end is not None and at < row.label_end else row.label_end
        out[k] = Row([t for t in row.tokens if t is not number], label_end=label_end, leaf_cell=row.leaf_cell, cut=row.cut)
    return out


def _single_amount(row: Row) -> Value | None:
    """'一般公共预算:2456.18': a label with one figure is a two-column list (label | amount)."""
    figures = [t for t in row.values if t.kind == "number"]
    if len(row.values) == 1 and len(figures) == 1 and regex.fullmatch(r"\d+(?:\.\d+)?", figures[0].text):
        t = figures[0]
        return Value(float(t.text), t.start, t.end, half_unit(t.text), t.text)
    return None


def _clean_label(label: str) -> str:
    """'政府性基金拨款:项目支出:' → '项目支出': a label ends at the colon before its figures; what precedes
    it is an earlier row that had none."""
    pieces = [p for p in regex.split(r"[::]", label) if p.strip()]
    # '其中:基本支出' keeps its 其中 (noise, stripped below), unless headings stand before it: '按收入性质分:按支出
    # 性质分:其中:一般公共预算' is a block whose lines a copy ran together, its headings with no figure of their own
    if len(pieces) > 2 or (len(pieces) == 2 and not regex.fullmatch(r"\s*其中\s*", pieces[0])):
        label = pieces[-1]
    return _LABEL_NOISE.sub("", _LABEL_NOISE.sub("", label.strip())).strip() or label.strip()


def _nothing_after(tail: str) -> bool:
    """No figure and no line of prose (the 40 characters past which a label is prose, as `_read` has it)."""
    return not regex.search(r"\d", tail) and all(len(line.strip()) <= 40 for line in tail.splitlines())


def _classify(table: FundsTable, label: str, values: dict[str, Value], row: Row) -> FundsRow:
    group = None
    for name, pattern in _SPLIT_HEAD.items():
        if pattern.search(label):
            return FundsRow(label, "split_total", name, values, row.start, row.end, row)
    if table.total is None and (_TOTAL.search(label) or not table.rows) and not label.startswith("其中"):
        return FundsRow(label or "年度资金总额", "total", None, values, row.start, row.end, row)
    if table.split or any(r.kind == "split_total" for r in table.rows):
        group = "use" if _USE_PART.search(label) else "source"
    return FundsRow(label, "part", group, values, row.start, row.end, row)


def _total_below(table: FundsTable) -> None:
    """Sources listed first and their 合计 last ('中央补助 | 800 …' then '合计 | 1500 …'): the first row was
    taken as the total for want of a label; the row the table labels its total is the total, the rows
    above it its parts."""
    first = table.total
    if first is None or _TOTAL.search(first.label):
        return
    below = next((r for r in table.rows if r is not first and r.kind == "part" and _TOTAL.search(r.label)), None)
    if below is None:
        return
    first.kind, below.kind = "part", "total"
    table.rows.remove(below)
    table.rows.insert(0, below)


# How much dearer than a row's cheapest reading another may be and still be a choice the sums decide
# (as tables/totals.SLACK for score tables), and how many combinations are tried at most.
_SUM_SLACK = 0.35
_MAX_COMBINATIONS = 5000
_SUMMED = ("initial", "budget", "executed")


def _by_sums(table: FundsTable, columns: list[Column]) -> int:
    """The total row and its parts read again together where their cheapest readings do not add up: the
    one combination of near readings (a glued run cut otherwise: '1484631.00%' = 148 | 46 | 31.00%) whose
    parts sum to the total in every amount column is kept, where exactly one does; the rows changed."""
    total = table.total
    parts = [r for r in table.rows if r.kind == "part" and r.group in (None, "source")]
    rows = [total, *parts] if total is not None else []
    if len(parts) < 2 or any(r.row is None or not r.row.values for r in rows) or _sums_hold(total, parts):
        return 0
    options = []
    for r in rows:
        seen, mine = set(), []
        for _, reading in near_readings(r.row, columns, _SUM_SLACK):
            key = tuple(figure(reading, c) for c in _SUMMED)
            if key not in seen and any(k is not None for k in key):
                seen.add(key)
                mine.append({k: v for k, v in reading.items() if k in _AMOUNT_ROLES + ("rate", "weight", "score", "received_rate")})
        options.append(mine or [r.values])
    count = 1
    for o in options:
        count *= len(o)
    if count > _MAX_COMBINATIONS:
        return 0
    fits = [combo for combo in itertools.product(*options)
            if _sums_hold(_as_row(total, combo[0]), [_as_row(p, v) for p, v in zip(parts, combo[1:])])]
    if len(fits) != 1:
        return 0
    changed = 0
    for r, values in zip(rows, fits[0]):
        if values != r.values:
            r.values, changed = values, changed + 1
    return changed


def _as_row(row: FundsRow, values: dict[str, Value]) -> FundsRow:
    return FundsRow(row.label, row.kind, row.group, values, row.start, row.end)


def _sums_hold(total: FundsRow, parts: list[FundsRow]) -> bool:
    """Every amount column the total fills is the sum of its parts (within the half-units printed), and at
    least one such column is compared."""
    compared = 0
    for column in _SUMMED:
        t = figure(total.values, column)
        got = [figure(p.values, column) for p in parts]
        if t is None or any(g is None for g in got):
            continue
        tolerance = sum(v.half_unit or 0.0 for v in (total.values[column], *(p.values[column] for p in parts)))
        if abs(sum(got) - t) > tolerance + 1e-9:
            return False
        compared += 1
    return compared > 0


def _score_of_rate(score: float, exact: float) -> bool:
    """The execution row's score is weight × rate, to two decimals or to the whole point, rounded or cut
    ('9 | 95.8% | 8': 8.62 scored as 8)."""
    return abs(score - exact) <= 0.05 + 1e-9 or score in (math.floor(exact + 1e-9), math.floor(exact + 0.5 + 1e-9))


def _identities(table: FundsTable, reading: dict[str, Value]) -> tuple[int, int]:
    """(satisfied, violated): rate = its formula's quotient; received rate likewise; score = weight × rate."""
    ok = bad = 0
    header = table.header
    by_letter = {c.letter: c.role for c in header.columns if c.letter}
    for rate_role, default_top in (("rate", "executed"), ("received_rate", "received")):
        col = header.column(rate_role)
        rate = figure(reading, rate_role)
        if col is None or rate is None:
            continue
        top_role, below_role = default_top, table.budget_role()
        if col.formula:
            top_role = by_letter.get(col.formula[0], top_role)
            below_role = by_letter.get(col.formula[1], below_role)
        top, below = figure(reading, top_role), figure(reading, below_role or "")
        if top is None or not below:
            continue
        decimals = len(reading[rate_role].text.rstrip("%").split(".")[1]) if "." in reading[rate_role].text else 0
        if rate_matches(top / below * 100, rate, decimals) or _as_fraction(reading[rate_role], top / below):
            ok += 1
        else:
            bad += 1
    weight = figure(reading, "weight") or header.points or _score_points(header)
    score, rate = figure(reading, "score"), figure(reading, "rate")
    if rate is not None and "rate" in reading and _is_fraction_text(reading["rate"]) and _fraction_confirmed(table, reading):
        rate *= 100
    if weight is not None and score is not None:
        if score > weight + 1e-9:
            bad += 1
        elif rate is not None and _score_of_rate(score, weight * min(rate, 100) / 100):
            ok += 1
    return ok, bad


# An export that lost its percent format prints a rate as a fraction: '1' for 100 %, '0.9852' for 98.52 %.
_FRACTION_MAX = 1.5


def _is_fraction_text(rate: Value) -> bool:
    return "%" not in rate.text and rate.value is not None and 0 < rate.value <= _FRACTION_MAX


def _as_fraction(rate: Value, quotient: float) -> bool:
    """The stated rate is the quotient itself, as a fraction, to its printed decimals."""
    if not _is_fraction_text(rate):
        return False
    decimals = len(rate.text.split(".")[1]) if "." in rate.text else 0
    # as a percent it prints two decimals fewer ('0.9852' = 98.52 %; '0.1' = 10 % to the tens, 94 of 650; but
    # '1' = 100 %, not anything from 50 to 149)
    return rate_matches(quotient * 100, round(rate.value * 100, 10), decimals - 2 if decimals else 0)


def _fraction_confirmed(table: FundsTable, reading: dict[str, Value]) -> bool:
    top, below = figure(reading, "executed"), figure(reading, table.budget_role() or "")
    return bool(top is not None and below and _as_fraction(reading["rate"], top / below))


def _rates_as_percents(table: FundsTable, values: dict[str, Value]) -> dict[str, Value]:
    """A rate the row's amounts prove a fraction ('1' where executed = budget) as the percent it means."""
    rate = values.get("rate")
    if rate is None or not _is_fraction_text(rate):
        return values
    if not _fraction_confirmed(table, values):
        # '0.958' is no rate in percent: unproven, it stays unread
        return values if decimals_of(rate.text) <= 2 else {k: v for k, v in values.items() if k != "rate"}
    # the percent keeps the fraction's precision: '0.1' is 10 % ± 5, '0.958' 95.8 % ± 0.05
    half = rate.half_unit * 100 if rate.half_unit is not None else None
    return {**values, "rate": replace(rate, value=round(rate.value * 100, 10), half_unit=half)}


def _score_points(header: Header) -> float | None:
    col = header.column("score")
    return col.points if col else None


def _confidence(table: FundsTable) -> float:
    total = table.total
    if total is None:
        return 0.2
    got = sum(1 for k in ("budget", "executed", "rate") if k in total.values)
    return round(0.4 + 0.2 * got, 2)


def execution_weight(table: FundsTable) -> float | None:
    """What the execution row is worth: its 分值 cell, else the block's or score column's '(N分)'."""
    total = table.total
    if total and "weight" in total.values:
        return total.values["weight"].value
    return table.header.points or _score_points(table.header)


# A form's funds block scrambled past reading by position: its column heads, the cells of other fields and its
# figures in no order ('中央 省、地 本级 其他 合计 执行数 (万元)… 5.5 5.5 来源 项目年度目标 … 5.5 执行率 100%',
# '全年预算数(A)300全年执行数(B)执行率(B/A)其中中央补助…300万元 259.45万元 86.5%').
# The block's heads: a word for its whole money and, after it, the executed amount's.
_WHOLE_MONEY = regex.compile("|".join(r.pattern for r in _FUNDS_ROLES if r.name in ("budget", "initial"))
                             + r"|合计|资金总额|总额")
_EXECUTED_HEAD = regex.compile(next(r.pattern for r in _FUNDS_ROLES if r.name == "executed"))
_HEADS_REACH = 160  # from the whole money's head to the executed amount's
_FIGURES_REACH = 260  # from the executed amount's head to the rate
# a source's label before a figure ('省级配套50万元'): that source's money
_SOURCE_BEFORE = regex.compile(r"中央|省级?|市级?|县级?|区级?|自治区|配套|补助|自筹|拨款")
# a percent of another measure than spending: funds received, a share, a weight, an indicator's pass or completion rate
_OTHER_RATE = regex.compile(r"到位|占比|占|比例|比重|合格|完成|达标|满意|权重|分值|得分|增长|下降")
_RATE_FIGURE = regex.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,4})?)\s*%")
# a bare figure of the block: not a list's number ('3、一次性'), a letter's note or a year, nor a count or a measure
_BLOCK_FIGURE = regex.compile(r"(?<![\d.,A-Za-z(（])(\d[\d,]*(?:\.\d+)?)(?![\d.,]|\s*(?:[、.．%)）]|"
                              r"年|月|日|分|个|人|户|次|项|家|所|座|条|处|公里|千米|米|亩|平方|吨|辆|台|套|册|批|万(?!元)|亿(?!元)))")


def read_funds_by_rate(text: str) -> FundsTable | None:
    """The budget and executed amount of a scrambled funds block, found by the block's own arithmetic: among the
    figures between its heads and its rate, the one pair (budget ≥ executed) whose quotient is the stated rate in
    its printed rounding. Two pairs that both fit, a block with no unit, or no rate: nothing is read (the
    figures' places are lost, and only the arithmetic may name them)."""
    for whole in _WHOLE_MONEY.finditer(text):
        executed = _EXECUTED_HEAD.search(text, whole.end(), whole.end() + _HEADS_REACH)
        if executed is None:
            continue
        rate = _RATE_FIGURE.search(text, executed.end(), executed.end() + _FIGURES_REACH)
        unit = _LINE_UNIT.search(text, max(0, whole.start() - _HEADS_REACH), rate.start() if rate else executed.end())
        if rate is None or unit is None or _OTHER_RATE.search(text, max(executed.end(), rate.start() - 8), rate.start()) \
                or _NEXT_BLOCK_GLUED.search(text, executed.end(), rate.start()):
            continue  # (a percent of another measure, or one past the block's end, is no execution rate)
        figures = [f for f in _BLOCK_FIGURE.finditer(text, whole.start(), rate.start()) if float(f[1].replace(",", ""))]
        table = _solved_by_rate(figures, rate, unit[1] or unit[2], whole)
        if table is not None:
            return table
    return None


def _figure_value(m: regex.Match) -> Value:
    digits = m[1].replace(",", "")
    return Value(float(digits), m.start(1), m.end(1), half_unit(digits), m[1])


def _solved_by_rate(figures: list[regex.Match], rate: regex.Match, unit: str, whole: regex.Match) -> FundsTable | None:
    """The one (budget, executed) pair of the block's figures that its rate confirms, each from its own printing, the
    executed amount after the budget and named by no source's label; else None."""
    if len(figures) < 2:
        return None
    rate_value = _figure_value(rate)
    values = [_figure_value(f) for f in figures]
    amounts = {v.value for v in values}
    fits = {(b, e) for b in amounts for e in amounts
            if 0 < e <= b and rate_matches(e / b * 100, rate_value.value, decimals_of(rate[1]))}
    if len(fits) != 1:
        return None
    (b, e), = fits
    budget = next(v for v in values if v.value == b)
    executed = next((v for v in values if v.start > budget.start and v.value == e), None)
    if executed is None:
        return None  # one printing of a figure is never both the budget and the executed amount
    if _SOURCE_BEFORE.search(rate.string, max(0, executed.start - 6), executed.start):
        return None  # a figure a source's label names ('省级配套50万元') is that source's money, not what was spent
    columns = [Column("budget", whole.start(), whole.end(), whole[0]), Column("rate", rate.start(1), rate.end(1), "")]
    header = Header(columns, whole.start(), rate.end(), "funds", unit_factor=_UNIT_FACTOR[unit])
    row = FundsRow("年度资金总额", "total", None, {"budget": budget, "executed": executed, "rate": rate_value},
                   whole.start(), rate.end())
    report = TableReport("interpreter", "by_rate", "funds", ["budget", "executed", "rate"], rows_read=1, total_row=True,
                         confidence=0.4)
    return FundsTable(header, [row], report)

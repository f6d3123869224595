"""The score table (评分表 / 绩效指标表) read by header roles, in any layout.

Rows are laid on the header's value columns (weight, target, actual, score, weighted score…) by
align.py. Label cells give the indicator's name and its categories: a row holding only a label is a
category cell merged down over the rows below it ('产出指标(50分)', '质量指标'), and its '(N分)' is its
subtotal. The total row is the row labelled 合计/总分…, or the last row whose weight is the sum of the
rows above it (100): '项目绩效 100% / 82.68'.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from ..record import Indicator
from .align import align, near_readings
from .cells import Token, half_unit, plain_value
from .column_runs import read_column_runs
from .explanation import EXPLAINED_LABEL_LIMIT, explains, join_continued, part_names, split_name
from .flow import has_inner_text_columns, join_text_cells
from .glued import cuts, is_weight
from .glued_labels import strip_neighbours
from .grid import Cells
from .layout import body_rows, find_headers, tables_of
from .model import Column, Found, Header, Row, ScoreTable, TableReport, Value, figure
from .roles import LABEL_ROLES, NOTE_UNDER_TABLE, POINTS, ROLE_RE, ROLES, TOTAL_CELL, TOTAL_LABEL
from .row_runs import read_row_runs
from .sentence_rows import read_sentence_rows
from .totals import SLACK, RowOptions, choose

_HEADER_WORDS = regex.compile(rf"(?:(?:{ROLE_RE.pattern})[|::]*)+")
_FIGURES = ("weight", "score", "raw_score")
_TOTAL_COLUMNS = ("weight", "score", "raw_score", "deduction")
# '其中桃树种植面积': a row detailing the indicator above it (its figures are targets, not points).
_BREAKDOWN_ROW = regex.compile(r"^其中\s*[::]?\s*\p{Han}")
_NOTE_LABEL = regex.compile(r"^(?:其中|注[::]|说明|备注|……|\.{3,})")
# Criteria of the published frameworks (财预〔2020〕10号 决策/过程/产出/效益; the foreign-loan rules'
# 相关性/效率/效果/可持续性): in flow text a trailing note column runs into the next row's name.
_KNOWN_CRITERIA = regex.compile(r"(?:项目)?(?:相关性|效率|效果|可持续性|决策|过程|产出|效益|满意度|投入|管理|绩效)$")
# after the template's '指标1', never a figure's unit or a date's part ('特性指标70分', '指标12月底前完成')
_NOT_A_MEASURE = r"(?!\d)(?![分月日号年%])"
# the 自评表 template's row number: '指标1:' before anything, '指标1' before a name's first word
_TEMPLATE_NO = rf"指标(?:\d{{1,2}}\s*[::](?=\S)|\d{{1,2}}{_NOT_A_MEASURE}(?=\p{{Han}}))"
# a row's own numbering before its name: '一、', '(1)', '1.', a code 'A11' (never a word's first letter: 'WIFI'),
# and the template's number
_NUMBERING = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|[((][一二三四五六七八九十\d]{1,3}[))]|\d{1,2}(?:、|\.(?!\d))|[A-Z](?:\d+|(?![A-Za-z]))|"
                           rf"{_TEMPLATE_NO})\s*")
# the template's numbering inside a label, after the categories a flow glued before it
_TEMPLATE_NUMBER = regex.compile(rf"(?<=\S)\s*指标\d{{1,2}}\s*[::]?{_NOT_A_MEASURE}(?=\p{{Han}})")
# What a 自评表 template prints in a row left blank ('指标2:', '……'): in a flow it runs into the next row's
# labels, where it is nobody's category; such pieces are dropped before a row is read.
_ELLIPSIS = r"[…\.。·]{2,}"
# ('指标1:/ / /': a row the unit marked not applicable, its cells slashes, is as blank)
_PLACEHOLDER = regex.compile(rf"指标\s*(?:\d{{1,2}}\s*[::]?|[::])\s*[//]*|{_ELLIPSIS}")
# Category names of the published frameworks (DOMAIN.md §1.1: 财预〔2020〕10号 附件2 决策/过程/产出/效益,
# the 2013 投入/过程/产出/效果, the 自评表's 产出指标/效益指标/满意度指标, Hunan's 共性/特性, 部门整体), longest
# first. In flow text a row's label cells are glued ('决策项目立项立项依据充分性'): they are peeled off by name.
_LEVEL1_NAMES = ("项目决策|项目管理|项目产出|项目效益|部门决策|部门管理|部门绩效|综合管理|共性指标|特性指标|产出指标|效益指标|"
                 "满意度指标|成本指标|决策|过程|产出|效益|投入|效果")
_LEVEL2_NAMES = ("服务对象满意度指标|可持续影响指标|社会效益指标|经济效益指标|生态效益指标|服务对象满意度|可持续影响|"
                 "项目立项|绩效目标|资金投入|资金管理|资金落实|组织实施|业务管理|财务管理|项目执行|目标任务|预算编制|"
                 "产出数量|产出质量|产出时效|产出成本|数量指标|质量指标|时效指标|成本指标|项目绩效|项目效益|"
                 "经济效益|社会效益|生态效益|满意度指标|满意度")  # the 自评表 repeats 满意度指标 at level 2
_GLUED_CATEGORIES = regex.compile(rf"^(?P<l1>{_LEVEL1_NAMES})(?P<l2>{_LEVEL2_NAMES})?(?P<leaf>\p{{Han}}.{{1,}})$")
# A category's subtotal row: '小计', '分项合计', '一级指标小计'.
_SUBTOTAL_ROW = regex.compile(r"^(?:[\p{Han}]{0,6}小\s*计|分项合计)$")
_SUBTOTAL = regex.compile(r"(?:[((]\s*\d+(?:\.\d+)?\s*分?|(?<=\p{Han})\s*\d+(?:\.\d+)?\s*分)\s*[))]")  # '(30分)', and '30分)' whose '(' an OCR lost


def read_score_table(text: str, outside: tuple[float, float] = (0.0, 0.0), stated_total: float | None = None,
                     cells: Cells | None = None) -> tuple[ScoreTable, TableReport] | None:
    """The first score table with at least two scored rows (or rows whose points stay unread), read by the
    table interpreter; `outside`: points its total row counts from outside the table (a 自评表's execution
    row, in the funds block); `stated_total`: the total score the report states elsewhere (自评总分), for
    rows no reading settles; `cells`: what the load stage knew of the text's table cells (grid.py)."""
    cells = cells if cells is not None else Cells()
    # a converter that wrote the columns one after another, or every row's figures before the names
    # (or every indicator stated as a sentence with the form's keys: '…,目标值2,完成值2,分值6,得分6。')
    by_columns = read_column_runs(text, cells) or read_row_runs(text, cells) or read_sentence_rows(text)
    if by_columns is not None:
        by_columns[1].totals_confirmed = adds_up(by_columns[0])
        by_columns[1].confidence = _confidence(*by_columns)
    for header, end in _with_headerless_start(text, tables_of(text, "scores", 12000)):
        got = _read(text, header, end, outside, stated_total, cells)
        if got is not None and header.headerless:
            if not _reads_as_table(got[0]):
                continue
            got[1].headerless = True
        # (one scored row is a table where a header opens it and the form's funds block scored its execution row
        # beside it: a 自评表 cut after its first indicator)
        least = 1 if not header.headerless and any(outside) else 2
        if got is not None:
            _drop_unnamed_blank_rows(got[0])
        if got is not None and len(leaves(got[0])) + len(_unread(got[0])) >= least:
            # a table written column by column reads its rows across; a header over it reads none of them
            return by_columns if by_columns is not None and len(leaves(by_columns[0])) > len(leaves(got[0])) else got
    return by_columns


# the weak word of a totals row (tables/roles.TOTAL_LABEL): a criteria table's result row, or an indicator's name
_RESULT_ROW = regex.compile(r"^[…\.。·\s]*评价结果$")
_FULL_MARKS = 100


_CATEGORY_ONLY = regex.compile(rf"(?:{_LEVEL1_NAMES}|{_LEVEL2_NAMES})")


def _drop_unnamed_blank_rows(table: ScoreTable) -> None:
    """A row left with no name, no figures and no rows under it (a template row marked not applicable once its
    category and number are peeled off) is no indicator; the parents of the rows after it are renumbered."""
    rows = table.indicators
    has_children = {r.parent for r in rows if r.parent is not None}
    drop = {k for k, r in enumerate(rows) if not (r.name or "").strip(" //") and r.weight is None and r.score is None
            and k not in has_children}
    # … and a category of the form with no rows under it and no points of its own ('生态效益指标 | | 0': the template's
    # heading the unit left empty)
    drop |= {k for k, r in enumerate(rows) if _CATEGORY_ONLY.fullmatch((r.name or "").strip()) and r.weight is None
             and not r.score and k not in has_children}
    if not drop:
        return
    kept = [k for k in range(len(rows)) if k not in drop]
    new_index = {k: i for i, k in enumerate(kept)}
    table.indicators = [rows[k] for k in kept]
    for r in table.indicators:
        r.parent = new_index.get(r.parent) if r.parent is not None else None
    if len(table.spans) == len(rows):
        table.spans = [table.spans[k] for k in kept]


# A document that opens inside its score table (a fragment, a page cut out of a report, a scrape that
# lost the head) has rows but no header: they are read on the columns every published form has, the
# label cells, 分值 and 得分 (a target or a subtotal among them is left off: which text column a form has
# no row can say), and kept only where they read as a score table.
HEADERLESS_ROLES = ("level1", "level2", "level3", "weight", "score")
HEADERLESS_REACH = 4000
# where a document that opens inside its table shows it: a category or a row's points in its first lines
HEADERLESS_OPENING = 400
# a headerless reading is a table where this many rows carry points, under the framework's categories
HEADERLESS_LEAST_ROWS = 3


def _with_headerless_start(text: str, tables):
    """The tables under headers, after the one a headerless start may hold (before the first header, where
    the document's opening lines name a category or a row's points)."""
    tables = list(tables)
    first = min([h.start for h in find_headers(text)] + [len(text)])  # a funds block's header too
    opening_shows_table = (_CATEGORY_NAME.search(text, 0, HEADERLESS_OPENING)
                           or _POINTS_MARK.search(text, 0, HEADERLESS_OPENING))
    if first > 0 and opening_shows_table:
        header = Header(columns=[Column(r, 0, 0, "") for r in HEADERLESS_ROLES], start=0, end=0, kind="scores",
                        headerless=True)
        yield header, min(first, HEADERLESS_REACH)
    yield from tables
    numbers = list(_ROW_TEMPLATE_NUMBER.finditer(text))
    if len(numbers) >= TEMPLATE_ROWS:
        # rows the template numbers, where no header opens them (a workbook flattened with its cells out of
        # order): read from the first number on the columns every form has
        at = numbers[0].start()
        header = Header(columns=[Column(r, 0, 0, "") for r in HEADERLESS_ROLES], start=at, end=at, kind="scores",
                        headerless=True)
        yield header, min(len(text), at + HEADERLESS_REACH)


def _reads_as_table(table: ScoreTable) -> bool:
    """A headerless reading is a table only where its rows look like one: enough rows with points, none
    scoring over its weight, names rather than sentences (three in four at least), and categories the
    framework names ('产出指标', '(10分)')."""
    rows = leaves(table)
    if len(rows) < HEADERLESS_LEAST_ROWS:
        return False
    if any(i.weight is not None and i.score is not None and i.score > i.weight for i in rows):
        return False
    if sum(len(i.name or "") > 30 for i in rows) * 4 > len(rows):  # sentences, not names: prose
        return False
    if sum(i.weight or 0 for i in rows) > FORM_TOTAL:
        return False
    if sum(1 for i in rows if _ROW_TEMPLATE_NUMBER.match(i.name or "")) >= TEMPLATE_ROWS:
        return True  # the template's numbers say these are its rows
    return any(_CATEGORY_NAME.fullmatch(_POINTS_MARK.sub("", i.name or "").strip(")) ")) for i in table.indicators
               if i not in rows)


_CATEGORY_NAME = regex.compile(rf"{_LEVEL2_NAMES}|{_LEVEL1_NAMES}|\p{{Han}}{{2,8}}指标")


def _value_columns(header: Header):
    return [c for c in header.columns if c.role not in LABEL_ROLES]


@dataclass
class _Reading:
    """What reading a score table carries from one row to the next."""

    text: str
    header: Header
    layout: str
    columns: list[Column]
    table: ScoreTable
    report: TableReport
    depth_of_leaf: int  # the leaf's depth below the header's category columns
    explained: bool  # name and explanation glued in each row's label (explanation.py)
    trailing_text: bool  # the last column holds text that a flow runs into the next row's name
    categories: dict[int, tuple[int, str]] = field(default_factory=dict)  # depth → (index, name) of open categories
    leaves: list[int] = field(default_factory=list)
    leaf_rows: dict[int, Row] = field(default_factory=dict)  # indicator index → its row, for the totals
    parts: dict[int, list[int]] = field(default_factory=dict)  # a merged name cell's row → its parts' rows
    numbered: set[int] = field(default_factory=set)  # rows whose label opens with its number ('三、')
    unscored: set[int] = field(default_factory=set)  # indicators whose row prints no points (_indicator_without_points)
    note_run: int = 0  # rows read as the note cell above, run on below its row (_in_note_cell)
    glued_total: list[tuple[dict[str, Value], Value, Value]] = field(default_factory=list)  # last row + total, glued
    empty_run: int = 0  # rows in a row with no figures
    at_document_end: bool = False  # the row read now is the last, and the document ends inside it
    names_whole: bool = False  # each label cell read apart (a 分值 per level): none holds a category to peel off
    total_open: bool = False  # a totals row printed its label alone: its figures may stand on the line below
    total_figures: list[Token] = field(default_factory=list)  # ... and these are they, placed by the sums (_settle)
    total_guessed: bool = False  # a totals row of one figure in a flow, placed by its reading: the sums may move it
    # the totals row's figures that may each be its score (its reading did not say which): the rows' sums decide
    total_scores: list[Token] = field(default_factory=list)
    cells: Cells = field(default_factory=Cells)  # what the load stage knew of the text's cells (grid.py)


def _read(text: str, header: Header, end: int, outside: tuple[float, float] = (0.0, 0.0),
          stated_total: float | None = None, cells: Cells | None = None) -> tuple[ScoreTable, TableReport] | None:
    """The table under `header`: its rows read one by one (_read_row), then its figures settled by its own
    totals (_settle)."""
    layout, rows = body_rows(text, header, end, cells)
    columns = _value_columns(header)
    state = _Reading(text, header, layout, columns,
                     ScoreTable(indicators=[], weight_column=any(c.role == "weight" for c in columns)),
                     TableReport("interpreter", layout, "scores", header.roles),
                     depth_of_leaf=max(1, sum(1 for c in header.columns if c.role in LABEL_ROLES)) - 1,
                     explained=layout == "flow" and explains(header),
                     trailing_text=bool(columns) and columns[-1].role in ("note", "actual", "target") and layout == "flow",
                     cells=cells if cells is not None else Cells())
    rows = _form_rows(state, rows)
    numbered = _template_numbered(rows, state.cells) if layout == "flow" else None
    if numbered is not None:
        rows = numbered
    elif state.explained:
        rows = join_continued(rows)
    elif layout == "flow" and has_inner_text_columns(state.columns):
        rows = join_text_cells(rows, state.columns)
    for row in rows:
        state.at_document_end = row is rows[-1] and not text[row.end:].strip(" \t\n|")  # a pipe row ends in "|"
        row.cut = state.at_document_end and bool(row.values)
        if state.total_open:
            _figures_below_the_total(state, row)
            break
        if _read_row(state, row):
            break
    return _settle(state, outside, stated_total)


def _form_rows(s: _Reading, rows: list[Row]) -> list[Row]:
    """The rows as the form's own cells say they go, before any joining: a 序号 cell dropped, a worded target
    and actual taken for cells, categories with their points in cells of their own folded into labels, and a
    table whose names print their points opened at each such name (the columns adjusted to match)."""
    if s.columns and s.columns[0].role == "row_no":
        # the 序号 cell stands before the labels: it numbers the row, it is none of its figures
        s.columns = [c for c in s.columns if c.role != "row_no"]
        rows = [_without_row_number(r) for r in rows]
    if {"target", "actual"} <= {c.role for c in s.columns}:
        if s.layout == "pipe":
            rows = _cells_broken_over_lines(rows)
        rows = [_worded_cells_as_values(_repeated_words_as_cells(r)) for r in rows]
        rows = [_worded_result_past_labels(s, r) for r in rows]
        if s.layout == "flow":
            cut = [_worded_cells_by_gaps(s, r) for r in rows]
            # once the table's own rows show that its spaces part name, target and result, a row whose
            # result is worded otherwise ('实时更新', '已公开') is cut the same way
            seen = any(c is not r for c, r in zip(cut, rows))
            rows = [_worded_cells_by_gaps(s, r, any_result=True) if seen and c is r else c for c, r in zip(cut, rows)]
    if s.layout == "flow" and len(s.columns) >= 2 and s.columns[0].role == "target":
        rows = [_target_cell_by_gap(s, r) for r in rows]
    filled = sum(c.role in ("target", "actual", "weight", "score") for c in s.columns)
    if filled >= 3:
        rows = [_measures_inside_name(r, filled) for r in rows]
    if _level_weights(s.header):
        rows = _fold_level_weights(rows)
        # only the leaf's points are a row's weight; the leaf's name stands in a cell of its own
        s.columns = [c for k, c in enumerate(s.columns)
                     if c.role != "weight" or all(x.role != "weight" for x in s.columns[k + 1:])]
        s.names_whole = True
    if s.explained and not s.table.weight_column:
        rows = _rows_at_named_points(rows)
    return rows


# The 自评表 template numbers every indicator row ('指标1:', and '指标1' glued to a date: '指标12021年11月…').
# A number before a category's name ('…指标') is a blank row's placeholder ('指标2:质量指标(5分)', '指标1:指标2:').
_ROW_TEMPLATE_NUMBER = regex.compile(rf"(?:{_TEMPLATE_NO}|指标\d(?=(?:19|20)\d\d年))(?!\p{{Han}}{{0,8}}指标)")
# a piece that opens a row of its own whatever its number: a category, its points, the totals, a note
_OPENS_ROW = regex.compile(rf"^(?:{_LEVEL1_NAMES}|{_LEVEL2_NAMES})|^\s*[((]?\d+(?:\.\d+)?分")
# rows the template numbers in a flow before its numbering is taken to say where rows begin
TEMPLATE_ROWS = 3


def _template_numbered(rows: list[Row], cells: Cells) -> list[Row] | None:
    """A flow whose rows the template numbers ('指标1…', at least TEMPLATE_ROWS of them): a row begins at each
    number, a category or the totals, and nowhere else. A flow cuts a row wherever a label follows a figure;
    on these forms that cuts a measure from its unit ('8200万粒' → 8200万 | 粒) and a worded target from its
    row, which then read as rows of their own. The numbers say where rows are. None where there are none."""
    if sum(1 for r in rows if r.labels and _ROW_TEMPLATE_NUMBER.search(r.labels[0].text)) < TEMPLATE_ROWS:
        return None
    pieces: list[list[Token]] = []
    for tok in _names_with_figures([t for r in rows for t in r.tokens], cells):
        for part in _cut_before_row(tok):
            if not pieces or (part.kind == "text" and _opens_row(part.text)):
                pieces.append([part])
            else:
                pieces[-1].append(part)
    # a worded cell its row read as a value (a target, a date) stays one, not a label of the piece
    worded = {(t.start, t.end) for r in rows if r.label_end is not None for t in r.values if not t.is_value}

    def label_end(piece: list[Token]) -> int | None:
        if not any((t.start, t.end) in worded for t in piece):
            return None
        return next((k for k, t in enumerate(piece) if t.is_value or (t.start, t.end) in worded), len(piece))

    return [Row(p, label_end=label_end(p), cut=rows[-1].cut and k == len(pieces) - 1) for k, p in enumerate(pieces)]


def _names_with_figures(tokens: list[Token], cells: Cells) -> list[Token]:
    """Where the text puts space between its cells, words and a figure with no space between them are one
    cell ('孕产妇7天访视数 214人 203人 2 1.8': the name holds its '7天'). In text glued throughout, nothing
    tells, and the tokens stay as they are. (A space normalising removed between two words counts.)"""
    spaced = [cells.space_between(a.end, b.start) for a, b in zip(tokens, tokens[1:])]
    if not spaced or sum(spaced) * 2 < len(spaced):
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        run = k
        while run < len(spaced) and not spaced[run]:
            run += 1
        last = next((j for j in range(run, k, -1) if tokens[j].kind == "text"), k)  # a cell of words ends in words
        if tokens[k].kind == "text" and last > k:
            out.append(replace(tokens[k], text="".join(t.text for t in tokens[k:last + 1]), end=tokens[last].end))
            k = last + 1
        else:
            out.append(tokens[k])
            k += 1
    return out


# a blank row's ellipsis run into the next row's label ('……质量指标指标1工程完工率'): no part of what opens the row
_LEADING_ELLIPSIS = regex.compile(rf"^\s*(?:{_ELLIPSIS}\s*)+")


def _opens_row(label: str) -> bool:
    """(a blank row's placeholder alone in its piece, '…10 10 0 指标2 ……', is a row of its own, not the note of the
    row before it)"""
    label = _LEADING_ELLIPSIS.sub("", label)
    return bool(_PLACEHOLDER.fullmatch(label.strip()) or _ROW_TEMPLATE_NUMBER.match(label) or _OPENS_ROW.match(label)
                or TOTAL_LABEL.match(label) or NOTE_UNDER_TABLE.match(label.strip())
                or (_ROW_TEMPLATE_NUMBER.search(label) and _GLUED_CATEGORIES.match(label)))


# A category with its points inside a cell's words: the row above's last cell ran into it ('…加大项目支持力度
# 满意度指标(20分)服务对象满意度…').
_CATEGORY_WITH_POINTS = regex.compile(rf"(?:{_LEVEL1_NAMES})\s*[((]\s*\d+(?:\.\d+)?\s*分")
# what a flow glued before the next row's label is a unit of the figure before it ('8535.5亩质量指标指标1…')
UNIT_BEFORE_ROW = 2


def _cut_before_row(tok: Token) -> list[Token]:
    """`tok` cut where the next row opens inside it: after a unit glued before a row's label, or before a
    category with its points that the words of the row above ran into."""
    if tok.kind != "text":
        return [tok]
    m = _CATEGORY_WITH_POINTS.search(tok.text, 1)
    at = m.start() if m else None
    for k in range(1, UNIT_BEFORE_ROW + 1):
        if at is None and _opens_row(tok.text[k:]) and not _opens_row(tok.text):
            at = k
    if at is None:
        return [tok]
    return [replace(tok, text=tok.text[:at], end=tok.start + at), replace(tok, text=tok.text[at:], start=tok.start + at)]


def _without_row_number(row: Row) -> Row:
    toks = row.tokens
    if len(toks) >= 2 and toks[0].row_number is not None and toks[1].kind == "text":
        return replace(row, tokens=toks[1:], label_end=None if row.label_end is None else row.label_end - 1)
    return row


def _rows_at_named_points(rows: list[Row]) -> list[Row]:
    """A table that prints each name with its points and no 分值 column ('绩效目标合理性(2分) | 指标解释 | 指标说明 |
    自评分'): a row opens only where a label carries its points. A flow cuts its explanation at every figure
    the scoring rule quotes ('…=(在职人员数/编制数)100%小于或等于1计5分'); those pieces go on with the row."""
    def opens(row: Row) -> bool:
        return bool(row.labels) and bool(_POINTS_MARK.search(row.labels[0].text))

    labelled = [r for r in rows if r.labels]
    if not labelled or not opens(labelled[0]) or sum(map(opens, labelled)) < 2:
        return rows  # names without their points: rows open where the flow opens them
    out: list[Row] = []
    for row in rows:
        if out and not opens(row):
            out[-1] = Row(out[-1].tokens + row.tokens, cut=row.cut)
        else:
            out.append(row)
    return out


def _level_weights(header: Header) -> bool:
    """A header with a 分值 after each level's cell ('一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评价标准 |
    自评得分'): every category prints its points in a cell of its own."""
    roles = header.roles
    return sum(1 for r, after in zip(roles, roles[1:]) if r in LABEL_ROLES and after == "weight") >= 2


# a name, not an explanation: short, no clause in it
_NAME_LIKE = regex.compile(r"[^;;,,。::]{1,20}")


def _is_pair(row: Row) -> bool:
    """A name and its points, alone on a row (a name that prints points in it is a scoring rule's words: the
    table's names have their points in a cell of their own)."""
    return (len(row.tokens) == 2 and row.tokens[0].kind == "text" and row.tokens[1].kind == "number"
            and bool(_NAME_LIKE.fullmatch(row.tokens[0].text.strip())) and not _POINTS_MARK.search(row.tokens[0].text))


def _fold_level_weights(rows: list[Row]) -> list[Row]:
    """Rows of a table with a 分值 per level, as a flow cuts them: each name with its points is a row of its
    own. A name and points followed by another, or by a whole leaf within its points, is a category, its points
    kept as its label's ('项目决策 20' → '项目决策(20分)'); followed by words and a figure, it is the leaf, and
    those are its explanation and score."""
    rows = [_fold_pairs_in_row(r) for r in rows]
    out: list[Row] = []
    categories: list[Token] = []  # the categories opened since the last leaf, each at the level below the one before
    k = 0
    while k < len(rows):
        row = rows[k]
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if categories and _whole_leaf(row):
            # the categories' cells stand before their first leaf's, on its row of the form
            out.append(Row(categories + row.tokens, cut=row.cut))
            categories, k = [], k + 1
        elif not _is_pair(row) or (nxt is not None and not _is_pair(nxt) and not nxt.labels):
            out.extend([Row(categories)] if categories else [])
            out.append(row)
            categories, k = [], k + 1
        elif nxt is None or (_is_pair(nxt) and not _restates(row, nxt)) or _leaf_within(row, nxt):
            categories.append(_with_points(*row.tokens))
            k += 1
        else:
            # the leaf: its explanation runs on, a piece at each figure it quotes, up to the next name with its
            # points; the last figure before that is the row's score
            end = k + 2
            while end < len(rows) and not _is_pair(rows[end]) and rows[end].labels and \
                    _NAME_LIKE.fullmatch(rows[end].labels[0].text.strip()) is None:
                end += 1
            out.append(Row(categories + [t for r in rows[k:end] for t in r.tokens], cut=rows[end - 1].cut))
            categories, k = [], end
    return out + ([Row(categories)] if categories else [])


def _bare_points(tok: Token) -> float | None:
    """A bare figure's points ('4', '2.5'); None for anything else ('1,000', a glued run '2456.182456.18')."""
    return float(tok.text) if tok.kind == "number" and _PLAIN_POINTS.fullmatch(tok.text) else None


_PLAIN_POINTS = regex.compile(r"\d{1,3}(?:\.\d{1,2})?")


def _whole_leaf(row: Row) -> bool:
    """A leaf's row with its cells apart: a name, then its points and its score within them ('目标内容 4 4')."""
    labels, values = row.labels, row.values
    if len(labels) != 1 or not _NAME_LIKE.fullmatch(labels[0].text.strip()) or _POINTS_MARK.search(labels[0].text):
        return False
    weight, score = (_bare_points(v) for v in values[:2]) if len(values) >= 2 else (None, None)
    return weight is not None and score is not None and score <= weight


def _leaf_within(pair: Row, nxt: Row) -> bool:
    """The row after a name with its points is a whole leaf within the pair's points ('项目目标 4' then
    '目标内容 4 4'; '决策过程 8' then '决策依据 3 3'): the pair is the leaf's category, not a leaf whose
    explanation follows."""
    points = _bare_points(pair.tokens[1])
    return _whole_leaf(nxt) and points is not None and _bare_points(nxt.values[0]) <= points


def _restates(leaf: Row, nxt: Row) -> bool:
    """The row after a leaf opens by naming the leaf again ('“三公经费”变动率 8' then '“三公经费”变动率至0,计8分'):
    its explanation quoting a figure, not a name with its points."""
    name = leaf.tokens[0].text.strip()
    return len(name) >= 2 and nxt.tokens[0].text.strip().startswith(name)


_LEADING_ELLIPSIS = regex.compile(rf"^\s*{_ELLIPSIS}\s*")
# blank rows' numbers glued among the categories ('指标2:时效指标指标1:指标2:成本指标演出设备成本'): nobody's name
_BLANK_ROWS = regex.compile(r"(?:指标\d{0,2}\s*[::]\s*)+(?=\p{Han}{0,8}指标|$)")


# What a 指标性质 / 指标方向 cell holds: a sense or a comparison, never a row's name ('正向 | 大于等于 | 1 | 1 | 次').
_NATURE_CELL = regex.compile(r"正向|反向|定性|定量|(?:大于|小于|高于|低于|不低于|不高于|不少于|不多于|不超过)?等于|大于|小于|高于|低于|"
                             r"不低于|不高于|不少于|不多于|不超过|≥|≤|=|>|<")


_SPACED_NATURE_CELLS = regex.compile(rf"(?:\s+(?:{_NATURE_CELL.pattern}))+\s*$")


def _without_nature_cells(labels: list[Token]) -> list[Token]:
    """The row's label cells without the 指标性质 cells a flow left among them (after the name)."""
    k = len(labels)
    while k > 1 and _NATURE_CELL.fullmatch(labels[k - 1].text.strip()):
        k -= 1
    labels = labels[:k]
    spaced = _SPACED_NATURE_CELLS.search(labels[-1].text) if labels else None
    if spaced and spaced.start() > 0:  # the cells still in the name's token, their spaces kept
        labels[-1] = replace(labels[-1], text=labels[-1].text[:spaced.start()], end=labels[-1].start + spaced.start())
    return labels


def _without_ellipsis(label: Token) -> Token:
    """A blank row's '……' glued before the next row's label ('……总分'): the label is what follows it; and the
    numbers of blank rows glued among its categories are dropped ('指标2:时效指标指标1:指标2:成本指标…')."""
    m = _LEADING_ELLIPSIS.match(label.text)
    if m and m.end() < len(label.text):
        label = replace(label, text=label.text[m.end():], start=label.start + m.end())
    m = _BLANK_ROWS.match(label.text)
    if m and m.end() < len(label.text):
        label = replace(label, text=label.text[m.end():], start=label.start + m.end())
    bare = _BLANK_ROWS.sub("", label.text)
    return replace(label, text=bare) if bare else label


# the longest worded cell a glued label may end in twice (a works target written out: '完成A、B日常维护,C测绘…')
_REPEATED_CELL = regex.compile(r"(?P<w>[^\d\s]{2,80})(?P=w)$")


def _label_cut(row: Row, last: Token, cuts: list[int]) -> Row:
    """The row with its last label cut at the text offsets `cuts` into cells: the first piece stays its name,
    the others are cells of the row's values (a worded target, an actual)."""
    bounds = [last.start, *cuts, last.end]
    pieces = [replace(last, text=last.text[a - last.start:b - last.start], start=a, end=b) for a, b in zip(bounds, bounds[1:])]
    k = row.tokens.index(last)
    return replace(row, tokens=row.tokens[:k] + pieces + row.tokens[k + 1:], label_end=len(row.labels))


def _repeated_words_as_cells(row: Row) -> Row:
    """A label that ends in the same words twice ('保证财政建设补助专款专用专款专用专款专用', '成本控制不超过预算不超过预算'):
    an OCR or a scrape glued the worded target and actual onto the name; the last two copies are those cells."""
    labels = row.labels
    if row.label_end is not None or not labels or not row.values:
        return row
    last = labels[-1]
    m = _REPEATED_CELL.search(last.text)
    if not m or m.start() < 2:
        return row
    at = last.start + m.start()
    return _label_cut(row, last, [at, at + len(m["w"])])


def _cells_broken_over_lines(rows: list[Row]) -> list[Row]:
    """One row whose cells a scrape broke over three lines, the name (after its categories) and its worded
    target each ending a line ('| 经济效益指标 | 减轻贫困学生家庭经济负担 |', '| 有效 |', '| 有效 | 10 | 10 |'): the three
    lines are one row. The worded target and actual tell it from two categories over a row named '有效'."""
    out: list[Row] = []
    k = 0
    while k < len(rows):
        if k + 2 < len(rows) and _broken_row(*rows[k:k + 3]):
            out.append(Row(rows[k].tokens + rows[k + 1].tokens + rows[k + 2].tokens, cut=rows[k + 2].cut))
            k += 3
        else:
            out.append(rows[k])
            k += 1
    return out


def _broken_row(name: Row, target: Row, rest: Row) -> bool:
    if not name.tokens or name.values or len(target.tokens) != 1 or target.values:
        return False
    if len(rest.labels) != 1 or not rest.values or _POINTS_MARK.search(name.tokens[-1].text):
        return False
    a, b = target.tokens[0].text.strip(), rest.labels[0].text.strip()
    return 0 < len(a) <= _WORDED_CELL and 0 < len(b) <= _WORDED_CELL and \
        (a == b or bool(_WORDED_VALUE.search(a) and _WORDED_VALUE.search(b)))


def _measures_inside_name(row: Row, filled: int) -> Row:
    """Counts glued inside a name with no space ('培智教学软件2套', '台式电脑4台、笔记本电脑4台、班班通设备2套'): where the
    figures after the name's cell fill every figure column on their own, those counts are words of the name."""
    labels = row.labels
    if row.label_end is not None or not labels or not row.values:
        return row
    tokens, k = row.tokens, len(labels)
    if tokens[k].kind != "measure" or tokens[k].start != tokens[k - 1].end:
        return row
    end = k + 1  # the glued run: counts and words with no space between them
    while end < len(tokens) and tokens[end].start == tokens[end - 1].end and tokens[end].kind in ("measure", "text"):
        end += 1
    if sum(t.is_value for t in tokens[end:]) < filled:
        return row
    first = labels[-1]
    name = Token("text", "".join(t.text for t in tokens[k - 1:end]), first.start, tokens[end - 1].end, first.cell)
    return replace(row, tokens=tokens[:k - 1] + [name] + tokens[end:])


def _worded_cells_as_values(row: Row) -> Row:
    """A row whose target and actual cells are the same words ('提高就业率 | 显著 | 显著 | 6 | 6'): in a flow they
    stand among the labels, and the name would be '显著'; they are the row's first two values."""
    labels = row.labels
    if row.label_end is not None or len(labels) < 3:
        return row
    a, b = labels[-2].text.strip(), labels[-1].text.strip()
    if a == b and 0 < len(a) <= 12 and not _POINTS_MARK.search(a):
        return replace(row, label_end=len(labels) - 2)
    return row


def _figures_after_actual(columns: list[Column]) -> int:
    """The figure columns a row fills after its actual (weight and score, or the score alone; a 扣分 or note column after
    the score is often left blank); 2 under a header with no actual column."""
    roles = [c.role for c in columns]
    return sum(1 for r in roles[roles.index("actual") + 1:] if r in ("weight", "score")) if "actual" in roles else 2


def _worded_result_past_labels(s: _Reading, row: Row) -> Row:
    """A row with more cells of words than the header has label columns, the last a short worded result ('产 |
    数量指标 | 指标1:… | (empty target) | 达成预期指标 | 15 | 15'): that cell is the row's actual, its first value."""
    labels, values = row.labels, row.values
    figures_after = _figures_after_actual(s.columns)
    if row.label_end is not None or len(labels) <= s.depth_of_leaf + 1 or not values or \
            len(values) > figures_after or not all(v.kind == "number" for v in values):
        return row  # (a row whose figures fill its target or actual cells holds no worded result)
    last = labels[-1].text.strip()
    if 0 < len(last) <= _WORDED_CELL and _WORDED_VALUE.search(last) and not _POINTS_MARK.search(last) \
            and not regex.search(r"\d", last):
        return replace(row, label_end=len(labels) - 1)
    return row


# The words a form writes for a qualitative target or result (DOMAIN.md §2: '效果明显', '达成预期指标').
_WORDED_VALUE = regex.compile(r"达成|达到|完成|实现|明显|显著|提升|提高|有效|良好|较好|较高|较大|较强|符合|合格|满意|按时|及时|到位|预期")
# how long a worded target or result cell is at most
_WORDED_CELL = 16
# a deadline and the date it was met, as a time indicator's target and actual ('11月底前 | 10月', '2021年12月完成')
_DATE_CELL = regex.compile(r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日)?|年)(?:底|末|份|中旬|上旬|下旬)?(?:前|以前|之前|完成)?")


def _worded_cells_by_gaps(s: _Reading, row: Row, any_result: bool = False) -> Row:
    """A flow row whose worded target and result a scrape ran into its name, with only the raw text's spaces
    between them ('经费支出合规性 严格执行相关制度规定 达成预期指标 8 8', the spaces normalised away): under a header with
    target and actual columns, in a row whose only figures are the ones the header puts after its actual (weight
    and score, or the score alone: '科普知识网络竞赛 提高普及率 稳步提升 6'), the last label's last two spaced pieces
    are those cells where the last reads as a result (`any_result`: where other rows of the table were cut so,
    whatever its words). A name with a wrap in it keeps it."""
    labels, values = row.labels, row.values
    figures_after = _figures_after_actual(s.columns)
    if row.label_end is not None or not labels or len(values) != max(figures_after, 1) or \
            not all(v.kind == "number" for v in values):
        return row
    last = labels[-1]
    gaps = s.cells.gaps_within(last.start, last.end)
    if len(gaps) < 2:
        return row
    a, b = gaps[-2], gaps[-1]
    name, target, actual = s.text[last.start:a], s.text[a:b], s.text[b:last.end]
    dated = bool(_DATE_CELL.fullmatch(target) and _DATE_CELL.fullmatch(actual))
    if not (0 < len(target) <= _WORDED_CELL and 0 < len(actual) <= _WORDED_CELL and len(name) >= 2) or \
            (regex.search(r"\d", target + actual) or not (any_result or _WORDED_VALUE.search(actual))) and not dated:
        return row
    return _label_cut(row, last, [a, b])


def _target_cell_by_gap(s: _Reading, row: Row) -> Row:
    """Under a header whose target column comes before the figures (指标名称 | 目标值 | 权重 | 实际完成值 | 自评分),
    a worded target the scrape ran into the name with only the raw text's space between them ('资金使用合规性
    合规 2.8 好 2.8', the space normalised away): the last spaced piece of the label, where it is a short
    cell of words, is the target's cell. So too under 目标值 | 实际值 | 分值 | 得分 where the row has a figure for
    every column but the first ('项目成本控制在预算内 本着节约的原则,控制在预算中。 100% 5 5')."""
    labels, values = row.labels, row.values
    if row.label_end is not None or not labels or not values or not values[0].is_value:
        return row
    figures_next = ROLES[s.columns[1].role].accepts in _FIGURES and values[0].kind == "number"
    if not figures_next and len(values) != sum(1 for c in s.columns if c.role != "note") - 1:
        return row
    last = labels[-1]
    gaps = s.cells.gaps_within(last.start, last.end)
    if not gaps:
        return row
    cut = gaps[-1]
    name, target = s.text[last.start:cut], s.text[cut:last.end]
    if not (0 < len(target) <= _WORDED_CELL and len(name) >= 2) or regex.search(r"\d", target):
        return row
    return _label_cut(row, last, [cut])


def _with_points(name: Token, points: Token) -> Token:
    """A category's name and the points in the cell after it, as one label ('项目决策 20' → '项目决策(20分)')."""
    return Token("text", f"{name.text}({points.text}分)", name.start, points.end, name.cell)


def _fold_pairs_in_row(row: Row) -> Row:
    """A row holding its categories' cells with their points ('预算绩效 | 50 | 预算管理 | 75 | 预算执行进度 | % | …'):
    each name followed by a figure and another name is a category, its points kept as its label's."""
    toks, out, k = row.tokens, [], 0
    while (k + 2 < len(toks) and toks[k].kind == "text" and toks[k + 1].kind == "number"
           and toks[k + 2].kind == "text" and _NAME_LIKE.fullmatch(toks[k].text.strip())):
        out.append(_with_points(toks[k], toks[k + 1]))
        k += 2
    return replace(row, tokens=out + toks[k:], label_end=None) if out and row.label_end is None else row


def _read_row(s: _Reading, row: Row) -> bool:
    """One row into the table: furniture skipped, the total row kept, a category opened, or an indicator
    added; True where the table ends at this row."""
    labels = [_without_ellipsis(t) for t in row.labels if not _PLACEHOLDER.fullmatch(t.text.strip())]
    labels = _without_nature_cells(labels)
    labels = _drop_previous_note(labels) if s.trailing_text and labels else labels
    label = _clean("".join(t.text for t in labels))
    cut_named = _cut_inside_named_row(s, row, "".join(t.text for t in labels))
    furniture = None if cut_named else _furniture(s, row, labels, label)
    if (note := _in_note_cell(s, row, label, furniture)) is not None:
        return note
    if furniture:
        # prose ends a table; a headerless one (the document opens inside it) is over at its first prose
        return furniture == "prose" and (bool(s.table.indicators) or s.header.headerless)
    total_cell = _total_cell(row)
    is_total = bool(TOTAL_LABEL.match(label)) or total_cell is not None
    # A total row fills the weight and score columns only; its target and actual cells are empty. Its figures
    # are those after its label cell (the field before that cell is the form's, '其他需要说明事项 | 无').
    tokens = [t for t in row.values if total_cell is None or t.start > total_cell.start]
    reading = _total_reading(row, s.columns, tokens) if is_total else align(row, s.columns, tokens=tokens, score=_identities)
    values = reading.values if reading else {}
    ambiguous = {k: v for k, v in (reading.ambiguous.items() if reading else ()) if k.split("#")[0] in _FIGURES}
    if ambiguous:
        s.report.ambiguous.append({"row": label[:30], "columns": ambiguous})
    if is_total and _RESULT_ROW.match(label) and total_cell is None and figure(values, "weight") != _FULL_MARKS:
        # '评价结果' closes a criteria table only with the table's full points; elsewhere it names an indicator
        is_total = False
        reading = align(row, s.columns, tokens=tokens, score=_identities)
        values = reading.values if reading else {}
    if is_total:
        return _read_total(s, row, tokens, values, ambiguous.get("score", ()))
    unread: dict[str, list] = {}
    unscored = False
    if figure(values, "weight") is None and figure(values, "score") is None:
        if labels and not s.glued_total and s.leaves and not has_inner_text_columns(s.columns):
            # the last row's figures and the total row's, glued: a table has rows above its last, and its
            # weight and score cells stand side by side (else the run's cut is not weight | score | totals)
            s.glued_total = _glued_with_total(row, s.columns)
        unread = _unread_points(row, s.columns) if labels and not s.glued_total else {}
        if unread:
            # figures whose reading cannot say which is the score: a row, its points unread with their
            # candidates, never a category that swallows its figures
            ambiguous = unread
            s.report.ambiguous.append({"row": label[:30], "columns": unread})
        elif _indicator_without_points(s, labels, label) or _leaf_under_merged_points(row, labels, values):
            unscored = True
        elif not s.glued_total and not cut_named:  # else its figures are chosen with the table's (_by_glued_total)
            return _row_without_points(s, row, labels, label, values)
    s.empty_run = 0
    named = _named_cells(s, labels, values)
    if named and _SUBTOTAL_ROW.match(_clean(named[-1].text)):
        return _read_subtotal(s, row, named, tokens, values)
    # Category cells on the row itself, deepest last: they sit at the levels just above the leaf.
    for k, tok in enumerate(named[:-1]):
        depth = max(0, s.depth_of_leaf - (len(named) - 1) + k)
        name = _clean(tok.text)
        if s.categories.get(depth, (None, None))[1] != name:
            _open_category(s.table, s.categories, depth, name, _points([tok]), [tok])
    _add_indicator(s, row, labels, named, values, ambiguous, unread)
    if unscored:
        s.unscored.add(len(s.table.indicators) - 1)
    return bool(s.glued_total)  # a total glued to this row ends the table


# a total or a row of bonus points below a 小计 ('| 加减分项 | | -2 |', '| 合计 | 100 | 90 |'): the 小计 is not the total
_TOTAL_ROW_AFTER = regex.compile(r"合\s*计|总\s*计|总\s*分|加\s*分|减\s*分|扣\s*分|加减分")


_PLAIN_FIGURE = regex.compile(r"\d+(?:\.\d+)?")


def _total_reading(row: Row, columns: list[Column], tokens: list[Token]):
    """A totals row on the table's point columns; where no reading lays its figures there, on its weight and score
    alone: a totals row leaves its 得分率 and 扣分 cells empty, and a scrape glues its weight and score into one run
    ('总计10091.80' under 权重 | 得分率 | 得分: 100 | 91.80)."""
    # (one figure of 100 points or less is one cell, never cut in two, '合计91.8' no 9 | 1.8: it stands under the
    # weight, and the rows' sums move it to the score where theirs names it, _total_moved_by_its_sums)
    weight = [c for c in columns if c.role == "weight"]
    lone = plain_value(tokens[0].digits) if len(tokens) == 1 and tokens[0].kind == "number" else None
    if weight and lone is not None and lone <= _FULL_MARKS:
        return align(row, weight, tokens=tokens, score=_identities)
    reading = align(row, [c for c in columns if c.role in _TOTAL_COLUMNS], tokens=tokens, score=_identities)
    if reading is not None and reading.values or not tokens:
        return reading
    points = [c for c in columns if c.role in ("weight", "score")]
    if len(points) == 2 and len(points) < sum(1 for c in columns if c.role in _TOTAL_COLUMNS):
        return align(row, points, tokens=tokens, score=_identities) or reading
    return reading


def _read_subtotal(s: _Reading, row: Row, named: list[Token], tokens: list[Token], values: dict[str, Value]) -> bool:
    """A 小计 row: its category's subtotal; under rows of one level, no category open, where it holds the form's full
    points, the total of them all ('小计 100 90.5'), which ends the table."""
    kept = _subtotal(s.table, s.categories, named, values)
    # (only the form's full points: '小计 90 85' then '预算执行率 10 9', '合计 100 94' is a part's)
    if not kept and not s.categories and s.leaves and s.table.total_weight is None and s.table.total_score is None \
            and figure(values, "weight") == _FULL_MARKS and not _TOTAL_ROW_AFTER.search(s.text, row.end, row.end + 80):
        return _read_total(s, row, tokens, values)
    s.report.skip(row, "a subtotal, kept on its category" if kept else "a subtotal with no category open")
    return False


def _read_total(s: _Reading, row: Row, tokens: list[Token], values: dict[str, Value], scores=()) -> bool:
    """The totals row's figures on the table; True where the table ends here (not where the row printed its label
    alone and its figures may stand on the line below: '合计 |' then '| 94 |', a scrape writing empty cells as line
    breaks). `scores`: the figures its reading left open as its score, for the rows' sums to choose (_settle)."""
    if all(_PLAIN_FIGURE.fullmatch(t.text) for t in tokens if t.kind == "number"):
        s.total_scores = [t for t in tokens if t.kind == "number" and float(t.text) in scores]
    figures = [t for t in tokens if t.kind == "number" or t.kind == "measure" and t.text.endswith("分")]
    s.table.total_seen = s.table.total_seen or bool(figures)
    if len(figures) == 1 and {"weight", "score"} <= {c.role for c in s.columns}:
        # one figure, no cell to say whose (a flow), or a row that dropped its empty cells ('合计 | 89' under 权重 |
        # 得分率 | 得分): the sums may move it (_settle), where only the other column's sum names it
        s.total_guessed = True
    _total(s.table, values)
    s.total_open = not values and s.layout != "flow" and s.table.total_weight is None and s.table.total_score is None
    return not s.total_open


def _figures_below_the_total(s: _Reading, row: Row) -> None:
    """The row after a totals label alone: its figures, where it is nothing but figures (the table ends there)."""
    if row.tokens and not row.labels and all(t.kind == "number" for t in row.values):
        s.total_figures = list(row.values)


# How many rows the words of a note column may run over below the row they belong to ('定量指标计算:…' over the
# lines under a 得分计算方法 cell) before the table is taken to have ended there.
NOTE_RUN = 10


def _in_note_cell(s: _Reading, row: Row, label: str, furniture: str | None) -> bool | None:
    """Prose under a row of a flow table whose last column is a note: that row's note cell, its lines run on
    below it, not the end of the table, until a row opens again (a category or the template's number before
    a weight and a score). True where the table ends here after all, False where the row was such a line,
    None for any other row."""
    if s.note_run:
        figures = [t for t in row.values if t.is_value]
        if len(figures) >= 2 and (_CATEGORY_NAME.match(label) or _ROW_TEMPLATE_NUMBER.match(label)):
            s.note_run = 0
            return None
        if s.note_run >= NOTE_RUN:
            return True
    elif not (furniture == "prose" and s.layout == "flow" and s.columns and s.columns[-1].role == "note" and s.leaves):
        return None
    s.note_run += 1
    s.report.skip(row, "the note cell above, continued")
    return False


def _named_cells(s: _Reading, labels: list[Token], values: dict[str, Value]) -> list[Token]:
    """The row's label cells, its categories' first and its name last: one glued label cut into them."""
    named = [t for t in labels if _clean(t.text)]
    if len(named) == 1 and s.depth_of_leaf >= 1 and not s.names_whole:
        named = _split_label(named[0], s.depth_of_leaf)
        if s.explained and not s.table.weight_column and len(named) > 1 and \
                _points_mark(named[-2]) is not None and _points_mark(named[-1]) is None:
            named = named[:-1]  # the name closes with its points; the words after are its explanation
    elif named:
        if s.explained and len(named) >= 2 and _NAME_LIKE.fullmatch(named[-2].text.strip()) and \
                not _NAME_LIKE.fullmatch(named[-1].text.strip()) and \
                (figure(values, "weight") is not None or figure(values, "score") is not None):
            named = named[:-1]  # the explanation's cell after the name's, in a row with its figures: a clause, not a name
        named[-1:] = _at_template_number(named[-1])
    return named


# How far into a row's words its name, with its points, may end: a name, not a sentence's stray '(5分)'.
_NAME_WITH_POINTS_WITHIN = 30


def _cut_inside_named_row(s: _Reading, row: Row, label: str) -> bool:
    """The document ends inside the table's last row, after its name and points ('“三公经费”变动率(5分)部门
    本年度…' and nothing after): the row stands, its score lost with the rest of the page. Only in a table
    whose names print their points and run into their explanation (no 分值 column)."""
    if not (s.explained and s.at_document_end and not row.values and not s.table.weight_column and s.leaves):
        return False
    mark = _POINTS_MARK.search(label)
    return mark is not None and mark.end() <= _NAME_WITH_POINTS_WITHIN


def _total_cell(row: Row) -> Token | None:
    """The totals' label standing as a cell of its own after the row's first (laid-out rows only: in flow
    text '合计' may end any name)."""
    return next((t for t in row.tokens[1:] if t.cell >= 0 and t.kind == "text" and TOTAL_CELL.fullmatch(t.text.strip())), None)


def _furniture(s: _Reading, row: Row, labels: list[Token], label: str) -> str | None:
    """What a row holding no indicator is, skipped with its reason: prose, the header again, or the name
    above wrapped onto another line of its cell; None for any other row."""
    limit = EXPLAINED_LABEL_LIMIT if s.explained and row.values else 60
    if len(label) > limit or (not row.values and len(label) > 30):
        s.report.skip(row, "prose")
        return "prose"
    if labels and not row.values and _HEADER_WORDS.fullmatch(regex.sub(r"\s", "", label)):
        s.report.skip(row, "the header again, over a page break")
        return "header"
    if labels and not row.values and row.leaf_cell is not None and s.leaves and not TOTAL_LABEL.match(label) and \
            all(t.cell == row.leaf_cell for t in labels) and s.leaves[-1] == len(s.table.indicators) - 1:
        _continue_name(s.table, s.leaves[-1], labels)  # a name wrapped onto the next line of its cell
        s.report.skip(row, "the name above, wrapped")
        return "wrapped"
    return None


def _indicator_without_points(s: _Reading, labels: list[Token], label: str) -> bool:
    """A row that is an indicator though no points stand in it: the template numbers it ('指标3…', points not
    printed), or the document ends inside it after its categories' cells and its name ('满意度指标(20分)服务对象
    满意度种薯繁育企业、种植农户调'). A category is never numbered so, nor followed by a name on its own line."""
    if not labels or s.names_whole:
        return False
    if _ROW_TEMPLATE_NUMBER.search(labels[-1].text):
        return True
    if not s.at_document_end or s.depth_of_leaf < 1:
        return False
    if len(labels) == s.depth_of_leaf + 1 and s.leaves:
        # a cell under every label column ('满意度指标 | 服务对象满意度指标 | 受益农户满意度', the text ending there):
        # the last holds the indicator's name, its figures cut off
        return not _points_mark(labels[-1])
    if len(labels) != 1:
        return False
    named = _split_label(labels[0], s.depth_of_leaf)
    return len(named) > 1 and _points_mark(named[0]) is not None and _points_mark(named[-1]) is None


def _leaf_under_merged_points(row: Row, labels: list[Token], values: dict[str, Value]) -> bool:
    """A row laid on the header's cells whose leaf cell holds its name and whose target or actual cells hold its
    values, with no points: an indicator whose score cell is merged down from the row above ('WIFI布点全覆盖 |
    100%覆盖 | 100%覆盖' under '一个存储备份器 | 25TB | 25TB | 10'), not a category."""
    return (row.leaf_cell is not None and bool(labels) and labels[-1].cell == row.leaf_cell
            and any(k in values for k in ("target", "actual")))


def _row_without_points(s: _Reading, row: Row, labels: list[Token], label: str, values: dict[str, Value]) -> bool:
    """A row with no weight or score: figures without a label, a '其中' row detailing the indicator above,
    a note, or a category cell ('产出指标(50分)'); True where a long run of such rows ends the table."""
    if row.values and not labels:
        s.report.skip(row, "no weight or score")
        return False
    if _BREAKDOWN_ROW.match(label) and values and s.table.indicators:
        _breakdown_row(s.table, s.categories, label, labels, values)
        s.report.rows_read += 1
        return False
    if _NOTE_LABEL.match(label) or not label:
        s.report.skip(row, "a sub-row without weight or score")
        return False
    s.empty_run += 1
    if s.empty_run > 6 and s.table.indicators:
        return True
    points = _points(labels)
    depth = 0 if points is not None or not s.categories else 1
    _open_category(s.table, s.categories, depth, label, points, labels)
    return False


def _add_indicator(s: _Reading, row: Row, labels: list[Token], named: list[Token], values: dict[str, Value],
                   ambiguous: dict[str, list], unread: dict[str, list]) -> None:
    """The row as an indicator under the open categories (or as a further part of the merged name cell
    above it), with where each of its values stands."""
    table = s.table
    weight, score = figure(values, "weight"), figure(values, "score")
    leaf_name = _clean(named[-1].text) if named else None
    is_numbered = bool(named and _NUMBERING.match(named[-1].text.strip()))
    if leaf_name and s.layout == "flow":
        leaf_name = strip_neighbours(leaf_name, s.header.columns, not table.indicators) or leaf_name
    part_of = None
    if s.explained and leaf_name:
        leaf_name, _ = split_name(leaf_name, is_numbered)
        if not leaf_name and s.leaves and s.leaves[-1] == len(table.indicators) - 1:
            part_of = _open_parts(table, s.parts, s.leaves, s.leaf_rows, s.numbered)
        leaf_name = leaf_name or None
    own_points = _points_mark(named[-1]) if named and weight is None and not table.weight_column else None
    if own_points is not None:  # no 分值 column: a row's weight is the '(5分)' printed with its name
        weight = own_points.value
    parent = s.categories[max(s.categories)][0] if s.categories else None
    ind = Indicator(level=(max(s.categories) + 2) if s.categories else 1, name=leaf_name, parent=parent,
                    weight=weight, score=score)
    for role in ("target", "actual"):
        v = values.get(role)
        if v is not None and v.value is not None:
            setattr(ind, role, str(v.value))
    if part_of is not None:
        ind.level, ind.parent = table.indicators[part_of].level + 1, part_of
        s.parts[part_of].append(len(table.indicators))
    if ambiguous:
        ind.note = "ambiguous: " + "; ".join(f"{k} {' or '.join(str(x) for x in v)}" for k, v in ambiguous.items())
    table.indicators.append(ind)
    index = len(table.indicators) - 1
    s.leaves.append(index)
    s.leaf_rows[index] = row
    if is_numbered:
        s.numbered.add(index)
    spans = {"name": (labels[-1].start, labels[-1].end) if labels else (row.start, row.start)}
    for role in ("weight", "score"):
        if role in values:
            spans[role] = (values[role].start, values[role].end)
    if own_points is not None:
        spans["weight"] = (own_points.start, own_points.end)
    if unread:  # where the unread points stand: the row's figures
        spans["score"] = (row.values[0].start, row.values[-1].end)
    table.spans.append(spans)
    s.report.rows_read += 1


def _settle(s: _Reading, outside: tuple[float, float], stated_total: float | None = None) -> tuple[ScoreTable, TableReport] | None:
    """The rows read, settled: parts named, figures chosen by the table's own totals (or, where they do not
    decide, as the rows around them are read), categories left empty dropped, the report completed."""
    table, report, columns = s.table, s.report, s.columns
    for head, rows_of in s.parts.items():
        for k, name in zip(rows_of, part_names(table.indicators[head].name or "", len(rows_of))):
            table.indicators[k].name = name
    _cut_after_a_summing_total(s)
    rows_of = {i: r for i, r in s.leaf_rows.items() if i < len(table.indicators)}
    if s.glued_total and s.leaves and table.total_weight is None and table.total_score is None:
        report.rows_chosen_by_totals = _by_glued_total(table, rows_of, columns, s.leaves[-1], s.glued_total)
    if _total_by_sum(table, s.leaves):
        # the last leaf was the total row: the rows after it renumbered, and with them what the reading holds
        total_row = s.leaves.pop()
        _keep_rows(table, [k for k in range(len(table.indicators)) if k != total_row])
        shift = {k: k - (k > total_row) for k in range(len(table.indicators) + 1) if k != total_row}
        s.leaves = [shift[k] for k in s.leaves]
        rows_of = {shift[i]: r for i, r in rows_of.items() if i != total_row}
    if not table.indicators:
        return None
    _outline_categories(table, rows_of)
    if s.total_figures:
        _total_by_its_sums(table, s.total_figures, columns, report)
    elif s.total_guessed:
        _total_moved_by_its_sums(table)
    if adds_up(table) is False:
        report.rows_chosen_by_totals = _by_totals(table, rows_of, columns, outside)
    if adds_up(table) is False:
        _drop_a_row_the_totals_reject(table, report)
    if table.total_score is None and s.total_scores:
        report.rows_chosen_by_totals += _by_the_total_that_adds_up(table, rows_of, columns, s.total_scores)
    if s.layout == "flow" and adds_up(table) is not True:
        # the totals did not decide (none, or the report's own figures do not add up): a total glued to the
        # last row stands where only one cut of it can, and each run is read as the rows around it are
        if s.glued_total and table.total_weight is None and table.total_score is None and len(s.glued_total) == 1:
            reading, tw, ts = s.glued_total[0]
            table.total_weight, table.total_score = Found(tw.value, tw.start, tw.end), Found(ts.value, ts.start, ts.end)
            _apply(table, [s.leaves[-1]], [reading])
        report.rows_chosen_by_totals += _by_category_points(table, rows_of, columns)
        _pair_runs(table, rows_of, columns)
    if stated_total is not None and table.total_score is None:
        report.rows_chosen_by_totals += _by_full_marks(table, rows_of, columns, stated_total, outside)
    _drop_empty_categories(table, s.unscored)
    _drop_echo_categories(table)
    report.total_row = bool(table.total_weight or table.total_score)
    report.totals_confirmed = adds_up(table)
    report.confidence = _confidence(table, report)
    return table, report


def _open_parts(table: ScoreTable, parts: dict[int, list[int]], leaves: list[int], leaf_rows: dict,
                numbered: set[int]) -> int | None:
    """The merged name cell the row being read is a further part of (explanation.py), or None where the
    row above is not a numbered row nor already such a cell's part. A numbered row met its first further
    part: it becomes the cell (a category in its place, the same name) and its figures its first part."""
    last = leaves[-1]
    head = table.indicators[last].parent
    if head in parts:
        return head
    if last not in numbered:
        return None
    first = table.indicators[last]
    table.indicators[last] = Indicator(level=first.level, name=first.name, parent=first.parent)
    first.level, first.parent = first.level + 1, last
    table.indicators.append(first)
    table.spans.append(dict(table.spans[last]))
    table.spans[last] = {"name": table.spans[last]["name"]}
    leaves[-1] = len(table.indicators) - 1
    leaf_rows[leaves[-1]] = leaf_rows.pop(last)
    parts[last] = [leaves[-1]]
    return last


def _glued_with_total(row, columns) -> list[tuple[dict[str, Value], Value, Value]]:
    """'…满意度信息。302710089.7': the last row's weight and score glued to the total row's, cut four ways
    (30 | 27 | 100 | 89.7): each cut as (the row's reading, total weight, total score). A cut needs a
    plausible weight, scores within their weights, and a total weight of at most 200."""
    if len(row.values) != 1 or row.values[0].kind != "number" or "weight" not in {c.role for c in columns}:
        return []
    tok = row.values[0]
    out = []
    for pieces in cuts(tok.digits, 4):
        w, s, tw, ts = (float(x) for x in pieces)
        if not (is_weight(w) and s <= w and 0 < tw <= 200 and ts <= tw):
            continue
        pos, values = tok.start + tok.text.find(tok.digits), []
        for piece in pieces:
            values.append(Value(float(piece), pos, pos + len(piece), None, piece, cut=True))
            pos += len(piece)
        out.append(({"weight": values[0], "score": values[1]}, values[2], values[3]))
    return out


def _by_glued_total(table: ScoreTable, leaf_rows: dict, columns, glued_row: int,
                    glued: list[tuple[dict[str, Value], Value, Value]]) -> int:
    """The cut of the last row's run whose totals the rows (read with their near readings) add up to, where
    exactly one does: its figures are the row's, its totals the table's; the rows whose reading changed."""
    order = sorted(leaf_rows)
    found = []
    for reading, tw, ts in glued:
        options = [[(0.0, reading)] if i == glued_row else near_readings(leaf_rows[i], columns, SLACK) for i in order]
        chosen = choose([RowOptions(i, o) for i, o in zip(order, options)], tw.value, ts.value)
        if chosen is not None:
            found.append((chosen, tw, ts))
    if len(found) != 1:
        return 0
    chosen, tw, ts = found[0]
    table.total_weight, table.total_score = Found(tw.value, tw.start, tw.end), Found(ts.value, ts.start, ts.end)
    return _apply(table, order, chosen)


def _pair_runs(table: ScoreTable, leaf_rows: dict, columns) -> int:
    """Flow rows whose one glued run was read as a weight alone, its score cell empty ('55'), where most of
    the table's rows hold both: the run is cut into weight | score as theirs are, where one cut does
    (score within weight; else the one cut over it, for score_within_weight to report). Rows changed."""
    rows = [i for i in leaf_rows if table.indicators[i].weight is not None]
    paired = [i for i in rows if table.indicators[i].score is not None]
    if 2 * len(paired) < len(rows):
        return 0
    changed = 0
    for i in rows:
        row = leaf_rows[i]
        if i in paired or len(row.values) != 1 or row.values[0].kind != "number":
            continue
        cut = {}
        for _, reading in near_readings(row, columns, 1.0):
            w, s = figure(reading, "weight"), figure(reading, "score")
            if w is not None and s is not None:
                cut.setdefault((w, s), reading)
        within = [r for (w, s), r in cut.items() if s <= w + 1e-9]
        choice = within if within else list(cut.values())
        if len(choice) == 1:
            changed += _apply(table, [i], choice)
    return changed


def _breakdown_row(table: ScoreTable, categories: dict, label: str, labels, values: dict[str, Value]) -> None:
    """'其中桃树种植面积 | 1.5亩 | 1.5亩': a row of the table that breaks the indicator above it down, with
    targets and no points of its own. It is a row (SPEC: one per row of the table), beside the indicator
    it details, so that no sum counts it."""
    parent = categories[max(categories)][0] if categories else None
    ind = Indicator(level=(max(categories) + 2) if categories else 1, name=label, parent=parent, kind="breakdown")
    for role in ("target", "actual"):
        v = values.get(role)
        if v is not None and v.value is not None:
            setattr(ind, role, str(v.value))
    table.indicators.append(ind)
    table.spans.append({"name": (labels[0].start, labels[-1].end)})


def _unread_points(row, columns) -> dict[str, list]:
    """For a row whose cheapest reading puts its figures on no weight or score column: the candidates its
    near readings give those columns (empty where none does, or where the row has no figures). A run
    glued over the text columns too ('901010010' under 指标值 | 权重 | 完成值 | 得分) costs a cut per
    column: its cuts are looked for further out (UNREAD_SLACK)."""
    if not any(t.kind in ("number", "percent", "measure") for t in row.values):
        return {}
    found: dict[str, set] = {}
    for _, reading in near_readings(row, columns, UNREAD_SLACK):
        for role in ("weight", "score"):
            v = figure(reading, role)
            if v is not None:
                found.setdefault(role, set()).add(v)
    return {role: sorted(v) + [None] for role, v in found.items()}


# How much dearer than the cheapest a reading of a row with no points read may be and still give its
# candidates: a run cut over four columns costs three cuts where the cheapest reading left two empty.
UNREAD_SLACK = 1.5
FORM_TOTAL = 100.0


def _continue_name(table: ScoreTable, index: int, labels) -> None:
    ind = table.indicators[index]
    ind.name = (ind.name or "") + _clean("".join(t.text for t in labels))
    a, _ = table.spans[index].get("name", (labels[0].start, labels[0].start))
    table.spans[index]["name"] = (a, labels[-1].end)


# A label cell that ends in its points: '部门决策(25分)'. Glued label cells are cut after each.
_POINTS_MARK = regex.compile(r"(?:[((]|(?<=\p{Han})\s*)(?P<n>\d+(?:\.\d+)?)\s*分\s*[))]")  # an OCR may lose the '('


def _at_template_number(label: Token) -> list[Token]:
    """The template's '指标1:' opens the name's cell: what a flow glued before it is the categories'
    ('质量指标指标1:工程质量合格' → 质量指标 | 指标1:工程质量合格)."""
    numbered = _TEMPLATE_NUMBER.search(label.text)
    if not numbered or numbered.start() == 0:
        return [label]
    head = replace(label, text=label.text[:numbered.start()].rstrip(), end=label.start + numbered.start())
    return [head, replace(label, text=label.text[numbered.start():], start=label.start + numbered.start())]


def _split_label(label: Token, depth_of_leaf: int) -> list[Token]:
    """A flow's label holding its category cells and its name, cut into them: after each category's points
    ('项目决策(8分)项目立项完整性' → 项目决策(8分) | 项目立项完整性), then the levels still missing peeled by the
    framework's category names (→ 项目立项 | 完整性)."""
    cut = _at_template_number(label)
    if len(cut) > 1:
        head, leaf = cut
        return (_split_label(head, depth_of_leaf - 1) if depth_of_leaf > 1 else [head]) + [leaf]
    pieces = _bare_marks_on(_split_at_points(label))
    if len(pieces) == 1:
        pieces = _peel_known_categories(pieces[0], depth_of_leaf)
    if not pieces:
        return _peel_categories(label, depth_of_leaf)
    missing = depth_of_leaf + 1 - len(pieces)
    if missing > 0:
        pieces[-1:] = _peel_known_categories(pieces[-1], missing)
    return pieces


# a category name with a name after it: never the front of a longer category ('效益' of '效益指标', '满意度' of
# '满意度指标群众满意度'), nor of a name two characters longer ('决策依据', '决策程序', '产出数量': the framework's
# names of the levels below are longer, '立项依据充分性', '明确性')
_LEVEL1_AT_START = regex.compile(rf"^(?:{_LEVEL1_NAMES})(?!指标)(?=\p{{Han}}{{3}})")
_LEVEL2_AT_START = regex.compile(rf"^(?:{_LEVEL2_NAMES})(?!指标)(?=\p{{Han}}{{3}})")


def _bare_marks_on(pieces: list[Token]) -> list[Token]:
    """A piece that is only a category's points mark ('(10分)', _SUBTOTAL) is no cell of its own: the layout set the
    points on the line over the category's name ('(10分)项目管理(7分)资金管理…'), so it opens the piece after it."""
    out: list[Token] = []
    for piece in pieces:
        if out and _SUBTOTAL.fullmatch(out[-1].text.strip()):
            out[-1] = replace(out[-1], text=out[-1].text + piece.text, end=piece.end)
        else:
            out.append(piece)
    return out


def _peel_known_categories(label: Token, most: int) -> list[Token]:
    """The categories the framework names that open the label, one per level from the top of the `most`
    levels above the leaf ('绩效目标明确性' under 二级 | 三级 → 绩效目标 | 明确性); a level whose names do not open
    it is passed, and a level's name is peeled once ('财务管理财务管理制度有效性' → 财务管理 | 财务管理制度有效性)."""
    out = []
    for level in (_LEVEL1_AT_START, _LEVEL2_AT_START)[-most:] if most <= 2 else (_LEVEL1_AT_START, _LEVEL2_AT_START):
        # points printed before the category's name open the label ('(10)绩效目标明确性'): they are the category's
        points = _SUBTOTAL.match(label.text)
        at = len(label.text) - len(label.text[points.end():].lstrip()) if points else 0
        m = level.match(label.text[at:])
        if m:
            end = at + m.end()
            out.append(replace(label, text=label.text[:end], end=label.start + end))
            label = replace(label, text=label.text[end:], start=label.start + end)
    return out + [label]


def _split_at_points(label: Token) -> list[Token]:
    """'部门决策(25分)目标任务(15分)相关性(5分)': label cells glued in a flow, each closed by its points,
    cut after each mark (empty where no mark stands before the label's end)."""
    marks = [m for m in _POINTS_MARK.finditer(label.text) if label.text[m.end():].strip()]
    if not marks:
        return []
    cuts = [0] + [m.end() for m in marks if m.end() < len(label.text)] + [len(label.text)]
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:]) if label.text[a:b].strip()]
    return [replace(label, text=label.text[a:b], start=label.start + a, end=label.start + b) for a, b in pieces]


def _points_mark(label: Token) -> Found | None:
    """The points a label cell ends with ('相关性(5分)' → 5), where they stand in the text."""
    marks = list(_POINTS_MARK.finditer(label.text))
    m = marks[-1] if marks else None
    if m is None or label.text[m.end():].strip():
        return None
    return Found(float(m["n"]), label.start + m.start("n"), label.start + m.end("n"))


# The end of a category cell the framework does not list: the 自评表's categories are all '…指标'
# ('产出数量指标', '制度指标', '项目年度绩效目标(定量指标)'), and a name follows them in the same label.
_CATEGORY_END = regex.compile(r"(?<=\p{Han}{2})指标\)?(?=\p{Han})")


def _peel_at_category_words(label: Token, depth_of_leaf: int) -> list[Token]:
    """'产出数量指标享受资助人数': the category cells a flow glued before the name, cut after each '…指标'
    (as many as the header has levels above the leaf); the label stays whole where none ends so."""
    ends = [m.end() for m in _CATEGORY_END.finditer(label.text)][:depth_of_leaf]
    if not ends:
        return [label]
    cuts = [0] + ends + [len(label.text)]
    return [Token("text", label.text[a:b], label.start + a, label.start + b, label.cell) for a, b in zip(cuts, cuts[1:])]


def _peel_categories(label: Token, depth_of_leaf: int) -> list[Token]:
    """'决策项目立项立项依据充分性' under 一级 | 二级 | 三级 headers: 决策 | 项目立项 | 立项依据充分性, where the
    framework names a category for every level the header has above the leaf; else the label stays whole."""
    m = _GLUED_CATEGORIES.match(label.text)
    if not m or (m["l2"] is not None) != (depth_of_leaf >= 2):
        peeled = _peel_at_category_words(label, depth_of_leaf)
        return peeled if len(peeled) > 1 else _peel_known_categories(label, depth_of_leaf)
    groups = ("l1", "l2", "leaf") if depth_of_leaf >= 2 else ("l1", "leaf")
    return [Token("text", m[g], label.start + m.start(g), label.start + m.end(g), label.cell) for g in groups]


def _by_totals(table: ScoreTable, leaf_rows: dict, columns, outside: tuple[float, float] = (0.0, 0.0)) -> int:
    """The rows read again with their near readings, kept where exactly one combination adds up to the
    table's total row (totals.py) — less the points it counts from outside the table, where the table
    alone does not; the number of rows whose reading changed."""
    tw = table.total_weight.value if table.total_weight else None
    ts = table.total_score.value if table.total_score else None
    order = sorted(leaf_rows)
    options = [near_readings(leaf_rows[i], columns, SLACK) for i in order]
    chosen = choose([RowOptions(i, o) for i, o in zip(order, options)], tw, ts)
    if chosen is None and any(outside):
        chosen = choose([RowOptions(i, o) for i, o in zip(order, options)],
                        None if tw is None else tw - outside[0], None if ts is None else ts - outside[1])
    if chosen is None:
        return 0
    return _apply(table, order, chosen)


def _by_the_total_that_adds_up(table: ScoreTable, leaf_rows: dict, columns, candidates: list[Token]) -> int:
    """A totals row whose reading left open which figure is its score ('总分 | 100 | 78'), over rows whose scores no
    reading settled ('管理制度 3 | 0 or 3'): the one candidate that exactly one combination of the rows' near readings
    adds up to (totals.choose) is the total score, and those readings the rows'; nothing where none or several do."""
    tw = table.total_weight.value if table.total_weight else None
    order = sorted(leaf_rows)
    readings = [near_readings(leaf_rows[i], columns, SLACK) for i in order]
    fits = []
    for token in candidates:
        chosen = choose([RowOptions(i, list(r)) for i, r in zip(order, readings)], tw, float(token.text))
        if chosen is not None:
            fits.append((token, chosen))
    if len(fits) != 1:
        return 0
    token, chosen = fits[0]
    table.total_score = Found(float(token.text), token.start, token.end, half_unit(token.text))
    return _apply(table, order, chosen)


def _by_category_points(table: ScoreTable, leaf_rows: dict, columns) -> int:
    """Each category that prints its points ('绩效目标(6分)') is a subtotal of the rows right under it (DOMAIN.md
    §4): where their readings do not add up to it, their near readings are tried together ('22' is a weight of 22,
    or 2 | 2), and the one combination whose weights make the category's points is kept (totals.choose); the
    number of rows whose reading changed."""
    under: dict[int, list[int]] = {}
    for k, ind in enumerate(table.indicators):
        if ind.parent is not None:
            under.setdefault(ind.parent, []).append(k)
    changed = 0
    for parent, rows in under.items():
        points = table.indicators[parent].weight
        if points is None or not all(k in leaf_rows for k in rows):
            continue  # a category over categories is summed at their level
        if abs(sum(table.indicators[k].weight or 0 for k in rows) - points) < 1e-6:
            continue
        chosen = choose([RowOptions(k, near_readings(leaf_rows[k], columns, SLACK)) for k in rows], points, None)
        if chosen is not None:
            changed += _apply(table, rows, chosen)
    return changed


def _by_full_marks(table: ScoreTable, leaf_rows: dict, columns, stated_total: float,
                   outside: tuple[float, float]) -> int:
    """Rows whose points no reading settled, where the report's total is the form's whole: a 100-point
    form (DOMAIN.md §4: Σ weights = 100) whose stated total is 100 less only the points lost outside the
    table gave every row of the table its full weight (Σ s ≤ Σ w, each s ≤ w: equality holds row by row).
    A row is read so only where exactly one of its readings (UNREAD_SLACK) has its score equal its weight;
    the number of rows read."""
    if abs((FORM_TOTAL - outside[0]) - (stated_total - outside[1])) > 0.005:
        return 0
    changed = 0
    for i in sorted(leaf_rows):
        ind = table.indicators[i]
        if ind.weight is not None and ind.score is not None:
            continue
        full = {}
        for cost, reading in near_readings(leaf_rows[i], columns, UNREAD_SLACK):
            w, s = figure(reading, "weight"), figure(reading, "score")
            if w is not None and s is not None and abs(w - s) < 1e-9 and is_weight(w, FORM_TOTAL):
                full.setdefault(w, (cost, reading))
        if len(full) == 1:
            changed += _apply(table, [i], [next(iter(full.values()))[1]])
            if (ind.note or "").startswith("ambiguous"):
                ind.note = "full marks: the stated total is the form's whole"
    return changed


def _apply(table: ScoreTable, order: list[int], chosen: list[dict[str, Value]]) -> int:
    """Each row's chosen reading on its indicator; the number of rows whose figures changed."""
    changed = 0
    for i, reading in zip(order, chosen):
        ind, spans = table.indicators[i], table.spans[i]
        new = (figure(reading, "weight"), figure(reading, "score"))
        if new != (ind.weight, ind.score):
            changed += 1
        ind.weight, ind.score = new
        for role in ("weight", "score"):
            spans.pop(role, None)
            if role in reading and reading[role].value is not None:
                spans[role] = (reading[role].start, reading[role].end)
    return changed


def _subtotal(table: ScoreTable, categories: dict, named, values: dict[str, Value]) -> bool:
    """A 小计 row is its category's subtotal, not an indicator: the category is the one its row names
    ('决策 | 小计 | 小计 | 20'), else the deepest one open. Its weight and score go on that category
    (where the category's own '(N分)' did not already give one), so subtotals_match can compare them."""
    owner_name = next((_clean(t.text) for t in reversed(named) if not _SUBTOTAL_ROW.match(_clean(t.text))), None)
    open_ = sorted(categories.items())
    owner = next((idx for _, (idx, name) in reversed(open_) if name == owner_name), None) if owner_name else None
    if owner is None and open_ and len(named) > 1:
        # '小计 | 小计 | 小计' across every label cell closes the top category; '产出 | 数量指标 | 小计' its second
        first = next(k for k, t in enumerate(named) if _SUBTOTAL_ROW.match(_clean(t.text)))
        owner = categories.get(max(0, first - 1), (None,))[0]
    if owner is None and open_:
        owner = open_[-1][1][0]
    if owner is None:
        return False
    category = table.indicators[owner]
    for role in ("weight", "score"):
        v = values.get(role)
        if v is not None and isinstance(v.value, float) and getattr(category, role) is None:
            setattr(category, role, v.value)
            table.spans[owner][role] = (v.start, v.end)
    return True


_NOTE_BEFORE_NAME = 6


def _drop_previous_note(labels):
    """'高度相关效率': the previous row's note cell glued to this row's name; keep the name."""
    last = labels[-1]
    m = _KNOWN_CRITERIA.search(last.text)
    # a note is a word or two ('高度相关'); '指标1学生满意度' is a numbered name, not a note before '满意度'
    if m and 0 < m.start() <= _NOTE_BEFORE_NAME and "指标" not in last.text[:m.start()]:
        return labels[:-1] + [Token("text", m[0], last.start + m.start(), last.end, last.cell)]
    return labels


# a template row the unit marked not applicable, glued after its category ('生态效益指标指标1:/'): no name of its own
_NOT_APPLICABLE_ROW = regex.compile(r"指标\s*\d{1,2}\s*[::]?\s*[//]+\s*$")


def _clean(name: str) -> str:
    name = _NOT_APPLICABLE_ROW.sub("", name)
    name = _SUBTOTAL.sub("", name).strip(" :：|")
    return _NUMBERING.sub("", name).strip()


def _points(labels) -> float | None:
    text = "".join(t.text for t in labels)
    m = _SUBTOTAL.search(text)
    return float(POINTS.search(m[0])[1]) if m and POINTS.search(m[0]) else None


def _open_category(table: ScoreTable, categories: dict, depth: int, name: str, points: float | None, labels) -> None:
    """A category cell at `depth`: it closes the categories at its depth and below."""
    for d in [d for d in categories if d >= depth]:
        del categories[d]
    parent = categories[max(categories)][0] if categories else None
    table.indicators.append(Indicator(level=depth + 1, name=name, parent=parent, weight=points))
    table.spans.append({"name": _name_span(name, labels)})
    categories[depth] = (len(table.indicators) - 1, name)


def _name_span(name: str, labels) -> tuple[int, int]:
    """Where a category's name stands: inside its label, after the numbering its name was cleaned of
    ('三、预算执行率…'), else the whole label."""
    if not labels:
        return 0, 0
    at = labels[0].text.find(name)
    if at >= 0:
        return labels[0].start + at, labels[0].start + at + len(name)
    return labels[0].start, labels[-1].end


def _identities(reading: dict[str, Value]) -> tuple[int, int]:
    ok = bad = 0
    w, s, raw = figure(reading, "weight"), figure(reading, "score"), figure(reading, "raw_score")
    d = figure(reading, "deduction")
    if w is not None and d is not None:
        ok, bad = (ok + 1, bad) if d <= w + 1e-9 else (ok, bad + 1)
    if w is not None and s is not None:
        if s > w + 1e-9:
            bad += 1
        else:
            ok += 1
        if raw is not None:
            if abs(w * raw / 100 - s) <= 0.005 + 1e-9 or abs(w * raw / 100 - s) <= 0.05 and raw > 1:
                ok += 1
            elif abs(w * raw - s) <= 0.05:  # 得分系数 printed as a fraction
                ok += 1
            else:
                bad += 1
    return ok, bad


def _total(table: ScoreTable, values: dict[str, Value]) -> None:
    for role, attr in (("weight", "total_weight"), ("score", "total_score")):
        v = values.get(role)
        if v is not None and isinstance(v.value, float):
            setattr(table, attr, Found(v.value, v.start, v.end, v.half_unit))


def _cut_after_a_summing_total(s: _Reading) -> None:
    """A row weighing the full 100 that the leaves above it add up to (their weights, and their scores to its score
    where it prints one) is the table's total row though no total word names it ('综合绩效 100分 83分'): the rows
    read after it are the page's next lines, not the table's. They are dropped, and _total_by_sum takes the row."""
    table = s.table
    if table.total_weight or table.total_score:
        return
    for p in range(2, len(s.leaves) - 1):
        row = table.indicators[s.leaves[p]]
        above = [table.indicators[i] for i in s.leaves[:p]]
        if row.weight != _FULL_MARKS or any(i.weight is None for i in above) \
                or abs(sum(i.weight for i in above) - _FULL_MARKS) > 1e-9:
            continue
        if row.score is not None and (any(i.score is None for i in above)
                                      or not _scores_meet([i.score for i in above], row.score)):
            continue
        cut = s.leaves[p]
        for ind in table.indicators[cut + 1:]:
            s.report.skip(ind.name or "", "after the row the rows above add up to: the table's total")
        _keep_rows(table, list(range(cut + 1)))
        s.leaves = s.leaves[:p + 1]
        return


def _total_by_sum(table: ScoreTable, leaves: list[int]) -> bool:
    """No total label: the last row is the total when its weight is 100 and the rows above add up to it. Its
    figures become the table's totals; whether it is (the caller removes the row)."""
    if table.total_weight or table.total_score or len(leaves) < 3:
        return False
    last = table.indicators[leaves[-1]]
    others = [table.indicators[i] for i in leaves[:-1]]
    if last.weight != 100 or any(i.weight is None for i in others) or abs(sum(i.weight for i in others) - 100) > 1e-9:
        return False
    spans = table.spans[leaves[-1]]
    if "weight" in spans:
        table.total_weight = Found(last.weight, *spans["weight"])
    if last.score is not None and "score" in spans:
        table.total_score = Found(last.score, *spans["score"])
    return True


# An outline numbering the rows of one name column: '一、' heads a part, '1、' / '(1)' the rows under it.
_PART_NUMBER = regex.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.]|[((][一二三四五六七八九十]{1,3}[))])")
_ROW_NUMBER = regex.compile(r"\s*(?:\d{1,2}(?:、|\.(?!\d))|[((]\d{1,2}[))])")


def _outline_categories(table: ScoreTable, rows_of: dict[int, Row]) -> bool:
    """A table read flat, whose one name column an outline numbers ('一、评价前期工作组情况 | 30 | 29' over
    '1、… | 15 | 14' and '2、… | 15 | 15'): each '一、' row is the category of the numbered rows under it. Only
    where every such row's points are its rows' summed (its weight, and its score where all print one): the
    numbering alone could be a list of indicators."""
    inds = table.indicators
    if len(inds) < 3 or any(i.parent is not None or i.level != 1 or i.weight is None for i in inds):
        return False
    groups: list[tuple[int, list[int]]] = []
    for k in range(len(inds)):
        row = rows_of.get(k)
        name = row.labels[-1].text if row is not None and row.labels else ""
        if _PART_NUMBER.match(name):
            groups.append((k, []))
        elif _ROW_NUMBER.match(name) and groups:
            groups[-1][1].append(k)
        else:
            return False
    # (a part with no rows under it, '三、满意度 | 10 | 9', is a leaf of its own)
    if len(groups) < 2 or sum(1 for _, rows in groups if rows) < 2:
        return False
    for head, rows in groups:
        if not rows:
            continue
        if abs(sum(inds[k].weight for k in rows) - inds[head].weight) > 1e-6:
            return False
        scores = [inds[k].score for k in rows]
        if inds[head].score is not None and None not in scores and abs(sum(scores) - inds[head].score) > 0.005:
            return False
    for head, rows in groups:
        for k in rows:
            inds[k].parent, inds[k].level = head, 2
    return True


def _total_by_its_sums(table: ScoreTable, figures: list[Token], columns: list[Column], report: TableReport) -> None:
    """The figures a totals row printed on the line below its label: weight and score in the header's order
    where both stand there; one alone is the total its leaves' sum names (weights or scores), and unplaced
    where both or neither do."""
    rows = leaves(table)
    values = [float(t.text) for t in figures]
    roles = [c.role for c in columns if c.role in ("weight", "score")]
    if len(values) == 2 and roles == ["weight", "score"]:
        (tw, ts), (a, b) = values, figures
        table.total_weight, table.total_score = Found(tw, a.start, a.end), Found(ts, b.start, b.end)
        return
    if len(values) != 1:
        return
    v, tok = values[0], figures[0]
    if (named := _sum_named(rows, v)) is not None:
        setattr(table, f"total_{named}", Found(v, tok.start, tok.end))
    else:
        report.skip(tok.text, "a total below its label that neither sum names, or both")


def _sums_equal_to(rows: list[Indicator], value: float) -> set[str]:
    """Which of the leaves' two sums `value` is: {'weight'}, {'score'}, both or none (the weights exactly, the scores
    within the half-unit of a printed 2-decimal score)."""
    scores = [i.score for i in rows]
    named = {"weight"} if abs(sum(i.weight for i in rows if i.weight is not None) - value) <= 1e-6 else set()
    return named | ({"score"} if rows and None not in scores and abs(sum(scores) - value) <= 0.005 else set())


def _sum_named(rows: list[Indicator], value: float) -> str | None:
    """'weight' or 'score': the one of the leaves' two sums that `value` is; None where both or neither are."""
    named = _sums_equal_to(rows, value)
    return next(iter(named)) if len(named) == 1 else None


def _scores_meet(scores: list[float], total: float) -> bool:
    """Scores summed meet a printed total within its rounding: 0.05, and half a hundredth per score."""
    return abs(sum(scores) - total) <= 0.05 + 0.005 * len(scores)


# the share of the leaves that must print a score before a scoreless one is taken for words read as a row
_SCORED_SHARE = 0.8
# a note's words where a row's name should stand: a clause mark opening it, a target's or a result's value word
_NOTE_WORDS = regex.compile(r"^[,,;;、]|目标值|完成值|实际值|计划值")


def _drop_a_row_the_totals_reject(table: ScoreTable, report: TableReport) -> None:
    """A row with a weight and no score, in a table whose other leaves print both, whose weight alone keeps the
    leaves from their printed totals ('目标值2座, 完成值9座' in a 备注 cell read as a row weighing 9, over leaves that
    sum to the 合计 exactly without it): the note's figures, not a row. Only one such row, and only where both
    totals are printed and met without it."""
    if table.total_weight is None or table.total_score is None:
        return
    rows = leaves(table)
    scoreless = [i for i in rows if i.weight is not None and i.score is None]
    if len(scoreless) != 1 or len(rows) - 1 < _SCORED_SHARE * len(rows):
        return
    odd = scoreless[0]
    if not _NOTE_WORDS.search(odd.name or ""):
        return  # a named indicator left unscored ('群众满意度 | 10 | — | 未开展调查') is a row of the table
    others = [i for i in rows if i is not odd]
    if abs(sum(i.weight or 0 for i in others) - table.total_weight.value) > 1e-6:
        return
    if not _scores_meet([i.score for i in others if i.score is not None], table.total_score.value):
        return
    k = table.indicators.index(odd)
    report.skip(odd.name or "", "figures the totals leave out: words of the row above, not a row")
    _keep_rows(table, [j for j in range(len(table.indicators)) if j != k])


def _total_moved_by_its_sums(table: ScoreTable) -> None:
    """A totals row's one figure, read under one of the weight and score columns with no cell to say which, is
    the other's where only the other's sum names it ('合计 94' under leaves weighing 100 and scoring 94)."""
    found = table.total_weight or table.total_score
    if found is None or (table.total_weight and table.total_score):
        return
    named = _sums_equal_to(leaves(table), found.value)
    if len(named) == 1:
        table.total_weight, table.total_score = (found, None) if "weight" in named else (None, found)
    elif not named and found.value != _FULL_MARKS:
        # neither sum names it ('合计 | 92' over weights of 100 and scores of 91.8; where both do, or it is the full
        # 100 marks a form's total weight is, it stays where it was read): whose it is stays unread
        table.total_weight = table.total_score = None


def _drop_empty_categories(table: ScoreTable, unscored: set[int]) -> None:
    """A category cell with no row under it (the table ended) is no indicator; an indicator whose row prints
    no points is kept."""
    used = {i.parent for i in table.indicators if i.parent is not None}
    keep = [k for k, i in enumerate(table.indicators) if i.weight is not None or i.score is not None or k in used
            or k in unscored
            or i.kind == "breakdown"
            or {"weight", "score"} & set(table.spans[k])]  # a row whose points stand there unread
    if len(keep) < len(table.indicators):
        _keep_rows(table, keep)


def _keep_rows(table: ScoreTable, keep: list[int]) -> None:
    """The table with only the rows `keep` lists, their parents renumbered."""
    remap = {old: new for new, old in enumerate(keep)}
    table.indicators = [table.indicators[k] for k in keep]
    table.spans = [table.spans[k] for k in keep]
    for ind in table.indicators:
        if ind.parent is not None:
            ind.parent = remap.get(ind.parent)


def _drop_echo_categories(table: ScoreTable) -> None:
    """A category cell over a single row that only repeats that row's name ('一、项目设立的规范性' over
    '项目设立的规范性': a 评价指标 column whose cells are merged only where a category has several rows) is
    the row's own label, not a level above it: the row takes the category's place."""
    children: dict[int, list[int]] = {}
    for k, ind in enumerate(table.indicators):
        if ind.parent is not None:
            children.setdefault(ind.parent, []).append(k)
    echoes = {p: kids[0] for p, kids in children.items()
              if len(kids) == 1 and table.indicators[p].weight is None and table.indicators[p].score is None
              and _clean(table.indicators[p].name or "") == _clean(table.indicators[kids[0]].name or "")}
    if not echoes:
        return
    for p, child in echoes.items():
        table.indicators[child].parent = table.indicators[p].parent
        table.indicators[child].level = table.indicators[p].level
    _keep_rows(table, [k for k in range(len(table.indicators)) if k not in echoes])


def leaves(table: ScoreTable) -> list[Indicator]:
    """The rows that carry points: no category above others, a weight read (or, where the form has no
    weight column, only in its category headings '产出指标(40分)', a score)."""
    parents = {i.parent for i in table.indicators if i.parent is not None}
    return [i for k, i in enumerate(table.indicators) if k not in parents and
            (i.weight is not None or (i.score is not None and not table.weight_column))]


def _unread(table: ScoreTable) -> list[Indicator]:
    """Rows with figures no reading could place, kept with their candidates: rows of the table still."""
    return [i for i in table.indicators if i.weight is None and (i.note or "").startswith("ambiguous")]


def adds_up(table: ScoreTable, stated_total: float | None = None) -> bool | None:
    """The leaves' weights sum to the total weight and their scores to the total score (the table's,
    else one stated in prose); None when there is no total to compare with."""
    rows = leaves(table)
    total_w = table.total_weight.value if table.total_weight else None
    total_s = table.total_score.value if table.total_score else stated_total
    if not rows or (total_w is None and total_s is None):
        return None
    ok = total_w is None or abs(sum(i.weight or 0 for i in rows) - total_w) < 1e-6
    return ok and (total_s is None or _scores_meet([i.score for i in rows if i.score is not None], total_s))


def _confidence(table: ScoreTable, report: TableReport) -> float:
    if not leaves(table):
        return 0.0
    c = 0.5 + 0.3 * (report.totals_confirmed is True) - 0.1 * min(3, len(report.ambiguous))
    return round(max(0.1, min(1.0, c)), 2)

"""From text to a header and rows, whatever the layout the text came in.

Every backend writes its tables as text rows (pipes between cells; a scrape may have dropped the
pipes, the empty cells or every separator). This module finds a table by its header — a run of
header words with nothing but spaces, pipes and parenthesised notes between them — and cuts the text
after it into rows:

* `pipe` / `tab` / `spaced`: one line per row, cells between separators (runs of spaces for `spaced`);
* `flow`: no reliable separators (cells glued, spaced, or one per paragraph): a row begins where a
  label follows a value, which is how every form reads, label first then its figures.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..document import GridCell
from ..normalise import HAN
from .cells import POINTS_UNIT, WORDED_COMPARISON, Token, tokenize
from .grid import Cells, text_cells
from .model import Column, Header, Row
from .roles import FORMULA, FUNDS_KEYS, HEADER_GAP, LABEL_ROLES, LETTER, POINTS, ROLE_RE, ROLES

# a formula note whose closing bracket an OCR read as a 1 ('执行率(B/A1得分…', DOMAIN.md §5) ends there all the same
_PAREN_AFTER = regex.compile(r"\s*[((][^()()\n]{0,20}[))]|\s*[((]\s*[A-Z]\s*/\s*[A-Z]\s*[1lI](?=\p{Han})")
# A value column's word the vocabulary does not know, or a scrape garbled ('年成值全完值' for 全年完成值),
# between two known words: the header goes on past it (its cells stay unread, as a free column's do).
_UNKNOWN_VALUE_COLUMN = regex.compile(r"[\s|]*\p{Han}{1,5}值[\s|]*")
# A column's letter note an OCR garbled ('调整预算将,A、' for 调整预算数(A)): its letter with a stray mark or two
# about it, no figure; the header goes on past it.
_GARBLED_LETTER_NOTE = regex.compile(r"[\s|]*[^\d\s|]{0,2}[A-Z][^\d\s|]{0,2}[\s|]*")
# Words a header cell opens with before its known word ('指标评价内容', '参考分值'), or a cell an OCR read
# across its two lines ('考值参分' for 参考/分值), or the upper halves of cells a header printed over two rows
# ('指标 | 县级 | 市级' over '分值 | 评分 | 评分', one cell per line): the header goes on past them.
_UNKNOWN_CELL = regex.compile(r"[\s|]*(?:\p{Han}{1,6}[\s|]+){0,2}\p{Han}{1,6}[\s|]*")
# The label cell over a funds block ('项目资金(万元)', '预算执行情况(万元)(20分)'), for its unit and points.
_FUNDS_BLOCK = regex.compile(r"(?:项目资金|资金情况|资金投入情况|预算执行情况|年度预算申请|部门预算执行情况|资金来源|资金|经费)"
                             r"[\s|]*(?:[((][^()()]{0,12}[))][\s|]*){0,3}$")
# 元 as an OCR reads it in a unit note ('(万兀)', DOMAIN.md §5: 元/无/兀)
_TEN_THOUSAND = regex.compile(r"万元|[((]万[兀无][))]")
# a scrape may lose the note's closing bracket at its line's end ('年度预算申请\n(万元\n年初预算数'): the header
# follows it at once
_TEN_THOUSAND_NOTE = regex.compile(r"[((]万[元兀无](?:[))]|$)")
_UNIT_NOTE = regex.compile(r"[((](?:万[元兀无]|元|亿元)[))]")
_POINTS_NOTE = regex.compile(r"[((]\s*分\s*[))]")


# the funds block's label cell with its unit ('项目资金(元)', '预算执行 情况(万元)' broken by its cell's width), and how
# far from the header a scrambled layer may put it: under it, or above it with the form's other cells between
_BLOCK_LABEL_UNIT = regex.compile(r"(?:项目资金|预算执行\s*情况|资金情况)\s*[((]\s*(万元|元)\s*[))]")
BLOCK_LABEL_REACH = 200


# A form's declaration of its amounts' unit ('金额单位: 万元', '单位:万元' at the right of the form's first line),
# which holds for the tables of the form under it.
FORM_UNIT = regex.compile(r"(?:金额)?单位\s*[::]\s*(万元|元|亿元)")
# how far above a table a form's unit declaration still holds for it (the form's heading lines and its first
# cells: project, units, goals)
FORM_UNIT_REACH = 1200


def _last(matches):
    found = list(matches)
    return found[-1] if found else None


def form_unit_above(text: str, at: int) -> str | None:
    """The unit the form declares above a table that states none in its header, the nearest declaration."""
    found = list(FORM_UNIT.finditer(text, max(0, at - FORM_UNIT_REACH), at))
    return found[-1][1] if found else None


@dataclass
class _Squeezed:
    """The text without whitespace, for header words a layout broke over lines ('年初\n\n预算数'),
    with the offset of every character in the original."""

    text: str
    origin: list[int]

    @classmethod
    def of(cls, text: str) -> _Squeezed:
        keep = [i for i, ch in enumerate(text) if not ch.isspace()]
        return cls("".join(text[i] for i in keep), keep + [len(text)])

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.origin[a], self.origin[b - 1] + 1 if b > a else self.origin[a]


@lru_cache(maxsize=4)
def find_headers(text: str) -> list[Header]:
    """Every table header in the text, in order (kept for the next reader of the same text: the funds
    and the score reader both ask)."""
    squeezed = _Squeezed.of(text)
    headers = []
    for cluster in _clusters(squeezed):
        header = _header(squeezed, _cells_second_lines(text, squeezed, _last_line_of_two(text, squeezed, cluster)))
        if header is not None:
            headers.append(header)
    return headers


def _clusters(squeezed: _Squeezed) -> list[list[regex.Match]]:
    text = squeezed.text
    clusters: list[list[regex.Match]] = []
    last_end = None
    for m in ROLE_RE.finditer(text):
        if last_end is not None and m.start() < last_end:
            continue  # a word inside the previous column's note ('得分(20分*执行率)')
        whole = _word_to_its_line_end(squeezed, clusters[-1][-1], m) if last_end is not None else None
        if whole is not None:
            clusters[-1][-1] = whole
            clusters[-1].append(m)
        elif last_end is not None and (HEADER_GAP.fullmatch(text, last_end, m.start()) or
                                     _UNKNOWN_VALUE_COLUMN.fullmatch(text, last_end, m.start()) or
                                     _GARBLED_LETTER_NOTE.fullmatch(text, last_end, m.start())):
            clusters[-1].append(m)
        elif last_end is not None and _UNKNOWN_CELL.fullmatch(text, last_end, m.start()) and \
                _open_header(clusters[-1]):
            scrambled = _scrambled(text[last_end:m.start()], last_end)
            clusters[-1].extend([scrambled, m] if scrambled else [m])
        else:
            clusters.append([m])
        paren = _PAREN_AFTER.match(text, m.end())
        last_end = m.end()
        while paren:  # notes after the word belong to it
            last_end = paren.end()
            paren = _PAREN_AFTER.match(text, last_end)
    return clusters


def _word_to_its_line_end(squeezed: _Squeezed, prev: regex.Match, m: regex.Match) -> regex.Match | None:
    """The previous header word read whole to the line break after it, where the squeezed text ran it into the next
    cell's word and so cut it short: '预算执行率' over '权重', one cell a line, squeeze to '预算执行率权重', where
    '执行率权重' names a column of its own and the rate is read '预算执行' with '率' left between the two."""
    if m.start() <= prev.end() or squeezed.origin[m.start()] == squeezed.origin[m.start() - 1] + 1:
        return None  # no gap, or no space or line break before the next word: one cell's words
    whole = ROLE_RE.fullmatch(squeezed.text, prev.start(), m.start())
    return whole if whole is not None and whole.lastgroup == prev.lastgroup else None


def _open_header(cluster: list) -> bool:
    """A cluster that has its label columns (two at least: one label word is as likely a heading's,
    '绩效评价指标体系及评分') and no score column yet: a header that goes on."""
    roles = [m.lastgroup for m in cluster]
    return sum(r in LABEL_ROLES for r in roles) >= 2 and "score" not in roles


@dataclass
class _Word:
    """A header cell found by its characters rather than by ROLE_RE (reads as a match does)."""

    lastgroup: str
    a: int
    b: int
    text: str

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def __getitem__(self, k: int) -> str:
        return self.text


# A two-character header word an OCR read down its two lines holds both characters apart ('考值参分':
# 参考 over 分值): the cell is that word's column.
_SCRAMBLED_WORDS = (("weight", "分值"), ("score", "得分"))


def _scrambled(gap: str, at: int) -> _Word | None:
    cell = gap.strip(" \t\n|")
    if len(cell) > 4:
        return None
    for role, word in _SCRAMBLED_WORDS:
        if all(ch in cell for ch in word):
            a = at + gap.index(cell)
            return _Word(role, a, a + len(cell), cell)
    return None


def _last_line_of_two(text: str, squeezed: _Squeezed, matches: list[regex.Match]) -> list[regex.Match]:
    """A header printed on two rows, the upper one's merged cells repeated ('评价指标|评价指标|评价指标|分值|
    得分' over '一级指标|二级指标|三级指标|分值|得分'): the lower row, whose cells stand over the columns, is the
    header; the upper one only repeats its figure columns. Kept whole where no figure column repeats."""
    lines: dict[int, list[regex.Match]] = {}
    first = squeezed.origin[matches[0].start()]
    for m in matches:  # lines counted from the cluster's first word: a header spans a few lines at most
        lines.setdefault(text.count("\n", first, squeezed.origin[m.start()]), []).append(m)
    if len(lines) < 2:
        lines = _rows_run_together(matches)
    if len(lines) < 2:
        return matches
    last = lines[max(lines)]
    roles = {m.lastgroup for m in last if m.lastgroup not in LABEL_ROLES}
    above = [m for k, ms in lines.items() if k != max(lines) for m in ms]
    repeated = roles & {m.lastgroup for m in above if m.lastgroup not in LABEL_ROLES}
    if len(last) >= 3 and repeated and any(m.lastgroup in LABEL_ROLES for m in last):
        figures = {"weight", "score"}
        if not figures & {m.lastgroup for m in last} and figures & {m.lastgroup for m in above}:
            return _merged_rows(matches, last)
        return last
    return matches


def _cells_second_lines(text: str, squeezed: _Squeezed, matches: list) -> list:
    """A header whose cells broke over two lines where the line's other cells did not: '三级指标 绩效 实际 评分标准
    指标分值 自评得分' over '目标值 完成值'. The words on the lower line are the second halves of the unknown cells
    above, in their order: their columns stand there, not after the last."""
    if len(matches) < 4:
        return matches
    first = squeezed.origin[matches[0].start()]
    line = [text.count("\n", first, squeezed.origin[m.start()]) for m in matches]
    lower = [k for k, n in enumerate(line) if n == line[-1]]
    if line[-1] == 0 or lower[0] == 0 or any(matches[k].lastgroup not in ("target", "actual") for k in lower):
        return matches
    above = matches[:lower[0]]
    for k in range(len(above) - 1):
        a, b = above[k], above[k + 1]
        # (normalising removed the spaces between the cells' first halves: '绩效实际')
        gap = "".join(text[squeezed.origin[a.end() - 1] + 1:squeezed.origin[b.start()]].split())
        if a.lastgroup in LABEL_ROLES and b.lastgroup not in LABEL_ROLES and \
                regex.fullmatch(rf"\p{{Han}}{{{len(lower)},{4 * len(lower)}}}", gap):
            return above[:k + 1] + [matches[j] for j in lower] + above[k + 1:]
    return matches


def _rows_run_together(matches: list[regex.Match]) -> dict[int, list[regex.Match]]:
    """The two rows of a header that a scrape ran into one line ('年度指标值 | 实际完成值 | 分值 | 得分 | 一级指标 |
    二级指标 | …'): a form's label columns come before its figures, so label words after a weight or score
    word open the header's lower row — one that holds no figure column of its own (a header with points
    per level, '一级指标 分值 二级指标 分值 …', is one row)."""
    figures = ("weight", "score")
    for k, m in enumerate(matches):
        if m.lastgroup in LABEL_ROLES and any(x.lastgroup in figures for x in matches[:k]):
            if any(x.lastgroup in figures for x in matches[k:]):
                break
            return {0: matches[:k], 1: matches[k:]}
    return {0: matches}


# The lower row's cells a merged upper cell stands over: '年度指标值' over 指标性质 | 指标值 | 度量单位.
_REFINES = {"target": {"nature", "target", "unit"}, "actual": {"actual", "unit"}}


def _merged_rows(matches: list, lower: list) -> list:
    """A header on two rows whose upper row's cells are merged over the lower's ('绩效指标 | 年度指标值 | 实际
    完成值 | 分值 | 得分' over '一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位', as the 云南 form
    prints it): the columns are the label cells (the lower row's, wrapped over lines as they may be), then the
    upper row's cells, each merged one replaced by the lower cells under it."""
    under = [m for m in lower if m.lastgroup not in LABEL_ROLES]
    out = [m for m in matches if m.lastgroup in LABEL_ROLES]
    for m in matches:
        if m.lastgroup in LABEL_ROLES or m in lower:
            continue
        parts = [u for u in under if u.lastgroup in _REFINES.get(m.lastgroup, ())]
        if parts and len(parts) == len(under):
            out.extend(parts)
            under = []
        else:
            out.append(m)
    return out


def _header(squeezed: _Squeezed, matches: list[regex.Match]) -> Header | None:
    text = squeezed.text
    columns = []
    for m in matches:
        col = Column(role=m.lastgroup, start=m.start(), end=m.end(), word=m[0])
        pos = m.end()
        while (paren := _PAREN_AFTER.match(text, pos)):
            note = paren[0].strip()
            if (f := FORMULA.match(note)):
                col.formula = (f[1], f[2])
            elif (letter := LETTER.match(note)):
                col.letter = letter[1]
            if "%" in note and col.formula is None:
                col.percent = True
            if (p := POINTS.search(note)):
                col.points = float(p[1])
            pos = col.end = paren.end()
            col.unit = col.unit or bool(_UNIT_NOTE.fullmatch(note))
            col.in_points = col.in_points or bool(_POINTS_NOTE.fullmatch(note))
        columns.append(col)
    columns = _split_composites(columns)
    # '指标权重' after the header's label columns is one word, the weight's: its 指标 is no second name column
    columns = [c for k, c in enumerate(columns)
               if not (c.role == "name" and k + 1 < len(columns) and columns[k + 1].role == "weight"
                       and columns[k + 1].start == c.end and any(x.role in LABEL_ROLES for x in columns[:k]))]
    _explanations_after_figures(columns)
    # a header cell merged over two columns is repeated into both ('全年预算数(A) | 全年预算数(A)'): one column,
    # the header ending after the copy all the same
    words_end = max((c.end for c in columns), default=0)
    columns = [c for k, c in enumerate(columns) if not (k and c.role == columns[k - 1].role and
                                                       text[c.start:c.end] == text[columns[k - 1].start:columns[k - 1].end])]
    block_unit = ""
    first_start = min((c.start for c in columns), default=0)
    if columns and columns[0].unit and columns[0].role in ("budget", "initial") and \
            any(c.role == columns[0].role for c in columns[1:]):
        block_unit = text[columns[0].start:columns[0].end]  # '年度预算数(万元)' heads the label column
        columns = columns[1:]
    roles = [c.role for c in columns]
    if len(columns) < 3:
        return None
    if FUNDS_KEYS & set(roles) and ("executed" in roles or "rate" in roles):
        kind = "funds"
        columns = [c for c in columns if ROLES[c.role].table in ("funds", "both")]
    elif any(r in LABEL_ROLES for r in roles) and ("weight" in roles or "score" in roles):
        kind = "scores"
        columns = [c for c in columns if ROLES[c.role].table in ("scores", "both")]
    else:
        return None
    before = text[max(0, first_start - 40):first_start]
    block = _FUNDS_BLOCK.search(before)
    zone = (block[0] if block else "") + block_unit + text[first_start:max(c.end for c in columns)]
    for col in columns:
        col.start, col.end = squeezed.span(col.start, col.end)
    last = max([c.end for c in columns] + ([squeezed.span(words_end - 1, words_end)[1]] if words_end else []))
    header = Header(columns=columns, start=min(c.start for c in columns), end=last, kind=kind)
    if kind == "funds":
        # the block's unit note, where an OCR put the total row's label between it and the header
        # ('资金(万兀)年度资金总额年初预算数…'), stands just before it all the same
        noted = _UNIT_NOTE.search(zone)
        unit = _TEN_THOUSAND.search(zone) or (not noted and _TEN_THOUSAND_NOTE.search(before))
        # a header that states no unit takes the one its form declares above it ('单位:万元' on the form's first line)
        declared = None if unit or noted else form_unit_above(text, first_start)
        # a text layer that gave the rows' figures before the block's label cell ('… 其他资金 0 0 — 年度资金总额
        # 项目资金(元)'): the label's unit, close under the header, is the block's
        label_after = None if unit or noted or declared else _BLOCK_LABEL_UNIT.search(text, last, last + BLOCK_LABEL_REACH)
        label_before = None if unit or noted or declared or label_after else \
            _last(_BLOCK_LABEL_UNIT.finditer(text, max(0, first_start - BLOCK_LABEL_REACH), first_start))
        declared = declared or next((m[1] for m in (label_after, label_before) if m), None)
        header.unit_factor = 10_000.0 if unit or declared == "万元" else 1.0
        header.unit_stated = bool(unit or noted or declared or _UNIT_NOTE.search(before))
        if block and (p := POINTS.search(block[0])):
            header.points = float(p[1])
    return header


def _explanations_after_figures(columns: list[Column]) -> None:
    """A name word after the first figure column, with label columns before it, heads the row's
    explanation ('三级指标 | 分值 | 评价内容 | 得分'): a text column, not a second name."""
    first_figure = next((k for k, c in enumerate(columns) if ROLES[c.role].accepts in ("weight", "score")), None)
    if first_figure is not None and any(c.role in LABEL_ROLES for c in columns[:first_figure]):
        for c in columns[first_figure + 1:]:
            if c.role == "name":
                c.role = "note"


# (the rate under any of its names, DOMAIN.md §4.1: '支出率得分')
_COMPOSITE = regex.compile(r"^((?:预算|资金)?(?:执行|支出|使用)率)(权重|得分)$")


def _split_composites(columns: list[Column]) -> list[Column]:
    """'执行率得分' is the score of the rate column where the header has one ('执行率(%) | 执行率权重 |
    执行率得分'); in a glued header without one ('分值执行率得分') it is two cells, 执行率 | 得分."""
    if any(c.role == "rate" for c in columns):
        return columns
    out = []
    for col in columns:
        m = _COMPOSITE.match(col.word)
        if m:
            cut = col.start + len(m[1])
            out.append(Column("rate", col.start, cut, m[1]))
            col = Column(col.role, cut, col.end, m[2], col.letter, col.formula, col.points, col.percent, col.unit)
        out.append(col)
    return out


def body_rows(text: str, header: Header, end: int, grid: Cells | None = None) -> tuple[str, list[Row]]:
    """The rows after `header` up to `end`, and the layout they were read in; `grid`: the cells the
    backend handed its tables over in, read in place of the text's separators where a line is a row of them."""
    grid = grid if grid is not None else Cells()
    body_start = header.end
    broken = _rows_broken_per_cell(text, body_start, end)
    if broken:
        pipe = _SEPARATED[0][1]
        return "pipe", _separated_rows(text, body_start, end, pipe, None, grid, broken)
    first_lines = text[body_start:end].lstrip("\n|: ").split("\n", 6)[:6]
    for layout, sep, least in _SEPARATED:
        # (a line's indentation separates no cells: '    年度资金总额 115.00 32.00 …' is one run of words and figures)
        if sum(1 for line in first_lines if len(sep.findall(line.strip(" \u3000"))) >= least) >= 2:
            cells = _header_cells(text, header, sep, grid)
            rows = _separated_rows(text, body_start, end, sep, cells, grid)
            figures = sum(1 for c in header.columns if c.role not in LABEL_ROLES and c.role != "row_no")
            return layout, _join_wrapped_figures(rows, figures, cells)
    return "flow", _flow_rows(text, body_start, end, numbered="row_no" in header.roles, grid=grid)


def _join_wrapped_figures(rows: list[Row], columns: int, cells: _HeaderCells | None = None) -> list[Row]:
    """A line of figures only, under a row whose cells stop short of the header's: the rest of that row,
    which the scrape broke onto a line of its own ('…|基础信息完整性| 3 |解释|标准|' then '3 |'). Under a row
    laid on the header's cells, the figures fill its weight and score cells after its last (a scrape that
    writes an empty cell as a line break: '一、评价前期工作组情况 | 30 |' then '| 29 |', the 分数 past an empty
    计分标准)."""
    out: list[Row] = []
    for row in rows:
        above = out[-1] if out else None
        if (above is not None and row.tokens and all(t.is_value for t in row.tokens) and above.labels
                and len(above.values) + len(row.values) <= columns):
            if above.label_end is None:
                out[-1] = Row(above.tokens + row.tokens, leaf_cell=above.leaf_cell, cut=row.cut)
                continue
            placed = _in_figure_cells_after(above, row.tokens, cells)
            if placed is not None:
                out[-1] = Row(above.tokens + placed, label_end=above.label_end, leaf_cell=above.leaf_cell, cut=row.cut)
                continue
        out.append(row)
    return out


def _in_figure_cells_after(above: Row, tokens: list[Token], cells: _HeaderCells | None) -> list[Token] | None:
    """`tokens` laid, one a cell, in the cells after the last cell `above` fills, where they fill those
    exactly; else, figures only, in its weight and score cells after it, where they fill those exactly (one
    figure under a weight and a score cell could be either); None where neither fits."""
    if cells is None or not above.tokens:
        return None
    last = max(t.cell for t in above.tokens)
    rest = list(range(last + 1, cells.filled))
    if len(tokens) != len(rest):
        rest = sorted(k for k in cells.figure_cells if k > last)
        if len(tokens) != len(rest) or any(t.kind != "number" for t in tokens):
            return None
    return [replace(t, cell=k) for t, k in zip(tokens, rest)]


# Layouts with a cell separator, tried in order, with how many separators mark a row of cells: pipes,
# tabs, and the runs of spaces a PDF text layer or a plain-text export puts between columns.
_SEPARATED = (("pipe", regex.compile(r"\|"), 2), ("tab", regex.compile(r"\t"), 1),
              ("spaced", regex.compile(r"[ \u3000]{2,}"), 2))


@dataclass
class _HeaderCells:
    """Where a header printed on one separated line puts its label cells: a row with as many cells
    as the header has its labels in those cells, whatever their text says."""

    count: int  # cells in the header's line
    first_label: int
    last_label: int
    free: frozenset[int]  # cells under a note, target or actual column: text there may follow a figure
    repeats: frozenset[int] = frozenset()  # cells under a header cell merged from the one before: copies
    filled: int = 0  # cells up to the header line's last one that holds words (an export pads lines with empties)
    figure_cells: frozenset[int] = frozenset()  # cells under a weight or score column: figures only


def _line_cells(text: str, start: int, end: int, sep: regex.Pattern, grid: Cells) -> tuple[list[GridCell], bool]:
    """The cells of the line text[start:end]: the backend's grid row that is the line, else the line cut at
    its separators; and whether they are the backend's."""
    row = grid.row_on(text, start, end)
    return (row, True) if row is not None else (text_cells(text, start, end, sep), False)


def _header_cells(text: str, header: Header, sep: regex.Pattern, grid: Cells) -> _HeaderCells | None:
    line_start = text.rfind("\n", 0, header.start) + 1
    line_end = text.find("\n", header.start)
    line_end = len(text) if line_end < 0 else line_end
    if header.end > line_end:
        return None  # a header over two lines: its cells do not say which column is which
    line, _ = _line_cells(text, line_start, line_end, sep, grid)
    cell_of = [next((k for k, cell in enumerate(line) if c.start < cell.end), len(line) - 1) for c in header.columns]
    for column, k in zip(header.columns, cell_of):
        column.cell = k  # a row laid on these cells puts each figure under its column (align.OFF_CELL)
    labels = [k for k, c in zip(cell_of, header.columns) if c.role in LABEL_ROLES]
    if header.kind == "scores":
        # a 序号 cell before the labels numbers the row: it is dropped with the cells before them (_by_cells)
        figures = [k for k, c in zip(cell_of, header.columns) if c.role not in LABEL_ROLES and c.role != "row_no"]
        if not labels or not figures or max(labels) >= min(figures):
            return None
        first, last = min(labels), max(labels)
    else:  # a funds block's labels stand before its first figure column, under no header word
        first, last = 0, cell_of[0] - 1
        if last < 0:
            return None
    free = frozenset(k for k, c in zip(cell_of, header.columns) if ROLES[c.role].accepts in ("any", "note", "mark"))
    pieces = [text[cell.start:cell.end].strip() for cell in line]
    repeats = frozenset(k for k in range(1, len(pieces)) if k > last and pieces[k] and pieces[k] == pieces[k - 1])
    filled = max((k + 1 for k, piece in enumerate(pieces) if piece), default=0)
    figure_cells = frozenset(k for k, c in zip(cell_of, header.columns) if c.role in ("weight", "score", "raw_score"))
    return _HeaderCells(len(pieces), first, last, free, repeats, filled, figure_cells)


# A line of a separated table with no separator that is longer than this (spaces aside) is prose: the
# paragraph after the table ('(三)评价结论:本项目综合评分90.7分,…'), not a row or a wrapped cell.
PROSE_LINE = 40
# ... and so is a line with no separator that opens the report's next section ('三、评价结论'): an outline
# number and words with no points after them (a category row prints its points: '三、项目产出(40分)').
_SECTION_HEADING = regex.compile(r"\s*(?:[一二三四五六七八九十]{1,2}、|[((][一二三四五六七八九十]{1,2}[))])\p{Han}{2,12}\s*$")


def _lines(text: str, start: int, end: int, blank: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each line of text[start:end] (a page break ends one too); lines of spaces only where `blank`."""
    return [(start + m.start(), start + m.end()) for m in regex.finditer(r"[^\n\f]+", text[start:end])
            if blank or m[0].strip()]


def _separated_rows(text: str, start: int, end: int, sep: regex.Pattern, cells: _HeaderCells | None = None,
                    grid: Cells | None = None, lines: list[tuple[int, int]] | None = None) -> list[Row]:
    rows = []
    grid = grid if grid is not None else Cells()
    if lines is None:
        lines = _lines(text, start, end, blank=True)
    for line_start, line_end in lines:
        line = text[line_start:line_end]
        line_cells, from_backend = _line_cells(text, line_start, line_end, sep, grid)
        if rows and not from_backend and not sep.search(line) and (
                len("".join(line.split())) > PROSE_LINE or _SECTION_HEADING.match(line)):
            break
        tokens = [t for k, cell in enumerate(line_cells) for t in tokenize(text, cell.start, cell.end, k)]
        if not tokens:
            continue  # a line of empty cells ('|||||||||' under a table) is no row
        pieces = [text[cell.start:cell.end] for cell in line_cells]
        glued = _split_glued_rows(tokens)
        # (a row the backend merged into one cell across the form, a category's heading, had no cells dropped)
        merged_across = from_backend and len(line_cells) > 1 and all(c.copy_of is not None for c in line_cells[1:])
        shifted = _merged_cells_dropped(pieces, tokens, cells) if cells is not None and not merged_across else None
        if shifted is not None:
            rows.append(_by_cells(text, shifted, cells))
        elif cells is not None and (len(pieces) > 1 or from_backend) and _under_header(pieces, tokens, glued, cells):
            # (a line without a bar among the table's rows is no row of cells: its figures glued to its words,
            # '总计10091.80', are read as a flow's)
            rows.append(_by_cells(text, tokens, cells))
        else:
            rows.extend(glued)
    return rows


# A pipe table whose rows a scrape broke one cell per line (an HTML table pretty-printed, its cells holding
# paragraphs): a line of pipes alone opens a row, and each cell stands indented on a line of its own, ending
# in its pipe. (A table written one cell per line at the margin, its empty cells as bare pipes, is no such
# layout: its bare pipes are cells, not row openers.)
_ROW_OPENER = regex.compile(r"[ \t]*\|[ \t|]*")
_CELL_LINE = regex.compile(r"[ \t]{2,}[^|\s][^|\n]*\|[ \t|]*")
# how many of the body's first lines show the layout, and how many of them must be openers and cell lines
_BROKEN_SAMPLE = 30
_BROKEN_OPENERS = 2
_BROKEN_SHARE = 0.5


def _rows_broken_per_cell(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The rows of a pipe table broken one cell per line, each from its opening line to the line before the
    next opener, as one line of cells; the lines after the last row (prose: a line that is neither a cell nor an
    opener) as they are. None where the body is not laid out so."""
    lines = _lines(text, start, end)
    sample = lines[:_BROKEN_SAMPLE]
    openers = [k for k, (a, b) in enumerate(sample) if _ROW_OPENER.fullmatch(text, a, b)]
    cell_lines = sum(1 for a, b in sample if _CELL_LINE.fullmatch(text, a, b))
    if len(openers) < _BROKEN_OPENERS or cell_lines < _BROKEN_SHARE * len(sample):
        return None
    out: list[tuple[int, int]] = []
    row: list[int] | None = None
    for k, (a, b) in enumerate(lines):
        if _ROW_OPENER.fullmatch(text, a, b):
            if row:
                out.append((row[0], row[1]))
            row = [a, b]
        elif row is not None and _CELL_LINE.fullmatch(text, a, b):
            row[1] = b
        else:  # the table is over: this line and the rest as they are
            if row:
                out.append((row[0], row[1]))
            return out + lines[k:]
    if row:
        out.append((row[0], row[1]))
    return out


def _under_header(pieces: list[str], tokens: list[Token], glued: list[Row], cells: _HeaderCells) -> bool:
    """The row's cells stand under the header's: as many cells, or fewer where the export trimmed
    trailing empty ones (the row then ends in a filled cell; a short row ending in an empty cell lost
    a cell elsewhere), its labels in the label cells, and no figure-then-words split outside the free
    cells (in a note, '到位率100%得满分' is the note's text, not two glued rows)."""
    n = len(pieces)
    trimmed = n == cells.count or (cells.last_label < n < cells.count and pieces[-1].strip() != "") \
        or _short_of_its_notes(pieces, tokens, cells)
    return trimmed and _labels_in_place(tokens, cells) and all(r.tokens[0].cell in cells.free for r in glued[1:])


_HAN = regex.compile(HAN)


def _short_of_its_notes(pieces: list[str], tokens: list[Token], cells: _HeaderCells) -> bool:
    """A header that ends in its separator ('… | 分数 | 备注 |') ends each row in one too: that last piece is no
    cell, and the row's own last cell ends it. It may have lost a cell anywhere, so it stands under the header only
    where each label cell holds words, its weight and score cells bare figures, a cell after its labels something,
    and the cells it lacks at its end are notes (a row of labels alone keeps its figures' line, below it; one short
    of its score lost a cell before it)."""
    n = len(pieces)
    if not (cells.filled < cells.count and cells.last_label + 1 < n < cells.count and pieces[-2].strip()):
        return False
    return (all(_HAN.search(pieces[k]) for k in range(cells.first_label, cells.last_label + 1))
            and any(t.cell > cells.last_label for t in tokens)
            and all(k in cells.free and k not in cells.figure_cells for k in range(n - 1, cells.filled))
            and all(len(own) == 1 and own[0].kind == "number"
                    for k in cells.figure_cells if (own := [t for t in tokens if t.cell == k])))


def _merged_cells_dropped(pieces: list[str], tokens: list[Token], cells: _HeaderCells) -> list[Token] | None:
    """A row as wide as the header whose merged cells an export left out and padded at its end instead ('质量指标 |
    以最新资源面市 | 目标 | 实际 | 10 | | | |' under '一级指标 | 二级指标 | 三级指标 | 目标值 | 实际值 | 得分 | | |'): its
    cells laid from the right, ending under the score where the row ends in a figure, else under the column
    before the figures (the score merged down from the row above too). None where the row does not read so:
    a figure under the weight or score column as it stands, a leaf cell without words, a first cell no label."""
    n = max((k + 1 for k, piece in enumerate(pieces) if piece.strip()), default=0)
    if len(pieces) != cells.count or not n or n >= cells.filled or any(not p.strip() for p in pieces[:n]):
        return None
    if any(t.cell in cells.figure_cells for t in tokens):
        return None  # its weight or score stands under its column as it is: the empty cells at its end are its own
    last = [t for t in tokens if t.cell == n - 1]
    ends_in_figure = bool(last) and all(t.kind in ("number", "dash") for t in last)  # a score: no unit, no sign
    end = cells.filled - 1
    if not ends_in_figure:
        while end in cells.figure_cells:
            end -= 1
    elif end not in cells.figure_cells:
        return None
    offset = end - (n - 1)
    if offset <= 0 or not cells.first_label <= offset <= cells.last_label:
        return None
    leaf = [t for t in tokens if t.cell + offset == cells.last_label]
    if not leaf or all(t.is_value for t in leaf):
        return None
    return [replace(t, cell=t.cell + offset) for t in tokens]


def _labels_in_place(tokens: list[Token], cells: _HeaderCells) -> bool:
    """No label cell holds figures only: where one does, a category written once (a merged cell not
    repeated) has shifted the row's cells left, and the cells no longer stand under their header."""
    for k in range(cells.first_label, cells.last_label + 1):
        own = [t for t in tokens if t.cell == k]
        if own and all(t.is_value for t in own):
            return False
    return True


def _by_cells(text: str, tokens: list[Token], cells: _HeaderCells) -> Row:
    """A row laid on the header's cells: each label cell one label (a name holding a figure, '3000亩
    示范基地', stays whole), cells before the labels (an outer merged column: '绩效指标') dropped, and a
    label repeated into the value cells (a merged total '合计 | 合计 | … | 100') not taken as a value."""
    labels: list[Token] = []
    for k in range(cells.first_label, cells.last_label + 1):
        own = [t for t in tokens if t.cell == k]
        if own:
            labels.append(Token("text", text[own[0].start:own[-1].end], own[0].start, own[-1].end, k))
    names = {t.text for t in labels}
    values: list[Token] = []
    for t in tokens:
        if t.cell <= cells.last_label or (t.kind == "text" and t.text in names) or t.cell in cells.repeats:
            continue
        if t.cell in cells.free and values and values[-1].cell == t.cell:
            # a note or target cell is one value however many figures its words hold
            prev = values.pop()
            t = Token("text", text[prev.start:t.end], prev.start, t.end, t.cell)
        values.append(t)
    return Row(labels + values, label_end=len(labels), leaf_cell=cells.last_label)


# a list inside one cell goes on after a count ('台式电脑4台、笔记本电脑4台'): no name opens with it
_LIST_MARK = "、"


def _split_glued_rows(tokens: list) -> list[Row]:
    """Rows begin where a label follows a figure of the same cell: in flow text (no cells) that is
    every label after a figure; in a separated line, a cell holding several rows a scrape glued."""
    rows, current = [], []
    for tok in tokens:
        if tok.kind == "text" and current and current[-1].is_value and current[-1].cell == tok.cell \
                and not (tok.text.startswith(_LIST_MARK) and tok.start == current[-1].end):
            rows.append(Row(current))
            current = []
        current.append(tok)
    if current:
        rows.append(Row(current))
    return rows


def _flow_rows(text: str, start: int, end: int, numbered: bool = False, grid: Cells | None = None) -> list[Row]:
    tokens = _worded_comparisons(text, tokenize(text, start, end), grid or Cells())
    lines = _cell_per_line(text, start, end)
    if lines:
        tokens = _word_cells_whole(text, tokens, lines)
    rows = _split_glued_rows(_points_units_kept(text, tokens))
    return _ordinals_open_rows(rows) if numbered else rows


# names that open on 分 ('分类处置率', '分配合理性'): there the 分 is the name's, the figure before it bare
_NAME_OPENING_ON_FEN = regex.compile(r"分(?:类|配|级|期|解|批|区|布|担|析|流|拣|户|包|段|摊)")


def _points_units_kept(text: str, tokens: list[Token]) -> list[Token]:
    """A figure printed with 分 right after a figure printed so ('80分 67分组织管理水平' with the spaces squeezed): its 分
    is its unit, as its neighbour's is, not the first character of the next row's name."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        before = out[-2] if len(out) > 1 else None
        if (tok.kind == "text" and tok.text.startswith("分") and len(tok.text) > 1 and prev is not None
                and not _NAME_OPENING_ON_FEN.match(tok.text)
                and prev.kind == "number" and prev.end == tok.start and before is not None
                and before.kind == "measure" and POINTS_UNIT.search(before.text)):
            out[-1] = Token("measure", text[prev.start:tok.start + 1], prev.start, tok.start + 1, prev.cell)
            tok = Token("text", tok.text[1:], tok.start + 1, tok.end, tok.cell)
        out.append(tok)
    return out


# A table a scrape wrote one cell per line at the margin, each line ending in its pipe ('指标1:…不超过20% |'),
# an empty cell as a bare pipe and a row's padding as a run of pipes: every line is one cell. Most of the body's
# first lines read so.
_MARGIN_CELL_LINE = regex.compile(r"[^|\s][^|\n]*\|[ \t\u3000]*")
_PIPES_LINE = regex.compile(r"[ \t]*\|[ \t|]*")
_CELL_PER_LINE_SHARE = 0.8
_CELL_PER_LINE_LEAST = 6


def _cell_per_line(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The cell lines (start, end) of a body written one cell per line; None where it is not."""
    lines = _lines(text, start, end)
    sample = lines[:_BROKEN_SAMPLE]
    cells = [(a, b) for a, b in lines if _MARGIN_CELL_LINE.fullmatch(text, a, b)]
    in_sample = sum(1 for a, b in sample if _MARGIN_CELL_LINE.fullmatch(text, a, b) or _PIPES_LINE.fullmatch(text, a, b))
    if len(cells) < _CELL_PER_LINE_LEAST or in_sample < _CELL_PER_LINE_SHARE * len(sample):
        return None
    return cells


def _word_cells_whole(text: str, tokens: list[Token], lines: list[tuple[int, int]]) -> list[Token]:
    """In a body one cell per line, a line that opens with words is one cell of words, whatever figure ends it (a
    name '…优秀比例不超过20%', a result '完成87人次'): the row's weight and score stand in cells of their own, so
    such a figure is no value, and the words after it open no row."""
    out: list[Token] = []
    k = 0
    ends = {a: b for a, b in lines}
    while k < len(tokens):
        tok = tokens[k]
        line_start = text.rfind("\n", 0, tok.start) + 1
        end = ends.get(line_start)
        if tok.kind != "text" or end is None or text[line_start:tok.start].strip():
            out.append(tok)
            k += 1
            continue
        j = k
        while j + 1 < len(tokens) and tokens[j + 1].end <= end:
            j += 1
        if any(t.is_value for t in tokens[k:j + 1]):
            last = tokens[j]
            out.append(Token("text", text[tok.start:last.end], tok.start, last.end, tok.cell))
        else:
            out.extend(tokens[k:j + 1])
        k = j + 1
    return out


def _worded_comparisons(text: str, tokens: list[Token], grid: Cells) -> list[Token]:
    """A worded target or result glued to its figure ('公民科学文化素质 提升10% 提升10% 6', the spaces normalised
    away): the comparison word and the figure are one cell, not a label after a figure that opens a row. It is
    one where the word stands alone after a figure, or where the raw text had a space just before it."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok, at = tokens[k], _comparison_cell_at(tokens, k, out[-1] if out else None, grid)
        if at is None:
            out.append(tok)
            k += 1
            continue
        if at > tok.start:
            out.append(replace(tok, text=text[tok.start:at], end=at))
        out.append(Token("target", text[at:tokens[k + 1].end], at, tokens[k + 1].end, tok.cell))
        k += 2
    return out


def _comparison_cell_at(tokens: list[Token], k: int, before: Token | None, grid: Cells) -> int | None:
    """Where the comparison word that ends text token k begins its cell with the figure glued after it; None
    where it does not."""
    tok = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    m = WORDED_COMPARISON.search(tok.text) if tok.kind == "text" else None
    if m is None or nxt is None or nxt.kind not in ("number", "percent", "measure") or nxt.start != tok.end:
        return None
    at = tok.start + m.start()
    alone = at == tok.start and before is not None and before.is_value
    spaced = at > tok.start and at in grid.gaps_within(tok.start, tok.end)
    return at if alone or spaced else None


def _ordinals_open_rows(rows: list[Row]) -> list[Row]:
    """In flow text under a 序号 column each row opens with its number, before its label; cut where a label
    follows a figure, that number ends the row above as one more figure. Where the figures that end rows
    count on one by one (1, 2, 3 …, three at least: the row numbers, not a row's weight and score), each
    goes back to the row it numbers; rows between (a figure an explanation quotes, a cell's second line)
    keep theirs."""
    if len(rows) >= 2 and len(rows[0].tokens) == 1 and rows[0].tokens[0].row_number == 1 and rows[1].labels:
        rows = [Row(rows[0].tokens + rows[1].tokens, leaf_cell=rows[1].leaf_cell, cut=rows[1].cut)] + rows[2:]
    expected = 2 if rows and rows[0].tokens and rows[0].tokens[0].row_number == 1 else 1
    moves = []
    for k in range(len(rows) - 1):
        toks, nxt = rows[k].tokens, rows[k + 1].tokens
        values = [t for t in toks if t.is_value]
        if len(values) >= 2 and toks[-1].row_number == expected and nxt and nxt[0].kind == "text":
            moves.append(k)
            expected += 1
    if len(moves) < 3:
        return rows
    out = list(rows)
    for k in moves:
        number = out[k].tokens[-1]
        out[k] = Row(out[k].tokens[:-1], leaf_cell=out[k].leaf_cell)
        out[k + 1] = Row([number] + out[k + 1].tokens, leaf_cell=out[k + 1].leaf_cell, cut=out[k + 1].cut)
    return out



def tables_of(text: str, kind: str, reach: int):
    """(header, end) for each table of `kind`: its body runs to the next header, or `reach` characters."""
    headers = find_headers(text)
    k = 0
    while k < len(headers):
        header, nxt = headers[k], k + 1
        # the same header printed again after a page break continues the table
        while nxt < len(headers) and headers[nxt].roles == header.roles and headers[nxt].start - header.end < 2 * reach:
            nxt += 1
        if header.kind == kind:
            last = headers[nxt - 1]
            yield header, headers[nxt].start if nxt < len(headers) else min(len(text), last.end + reach)
        k = nxt

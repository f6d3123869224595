"""A results notice's table: one row per evaluated project (序号 | 项目单位 | 项目名称 | 发行金额 | 评价结果 |
备注), as units publish their bond projects' and key projects' evaluations. Where the table holds exactly one
project, its row names the report's project, the unit, the score and the grade; a table of several projects
names none of them (the report covers many).

The row's cells are placed by their type, not their position: scrapes drop the empty cells (a blank 序号 or
备注) and write the table one cell per line, so positions shift while a grade word, a unit's name and a figure
stay what they are.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..numbers import UNITS, parse_arabic
from ..tables.grid import text_cells
from .context import Found
from .grades import GRADE_WORDS, short_grade
from .metadata import ORG_SUFFIX
from .split_tables import UNIT_NOTE

# The heads such a table's columns carry, by what the column holds.
_HEADS = {
    "project": r"项目名称",
    "unit": r"项目单位|实施单位|主管部门(?:\(单位\))?|项目主管部门|单位名称|预算单位|责任单位",
    "score": r"自评分数|自评得分|评价得分|评价分数|综合得分|得分|分数",
    "grade": r"评价结果|自评等级|评价等级|评价等次|自评结果|绩效等级|等级|等次",
    "amount": r"[^|\n]{0,16}(?:规模|金额|资金量|预算数?|投资)(?:\((?:亿元|万元|元)\))?",
    "other": r"序号|债券性质|债券类型|资金性质|项目类型|类别|备注|所属领域|领域",
}
_HEAD = {role: regex.compile(rf"(?:{p})") for role, p in _HEADS.items()}
# A cell that ends the table's body: its total row (prose under it is a cell too long for the table: _MAX_CELL_LEN;
# a note cell may end on a full stop, '已完成整改。', with rows after it)
_BODY_END = regex.compile(r"^(?:合计|总计|小计)$")
_GRADE_CELL = regex.compile(rf"(?:{GRADE_WORDS}|[A-D])")
_FIGURE_CELL = regex.compile(r"\d+(?:\.\d+)?")
_UNIT_CELL = regex.compile(rf"\p{{Han}}{{2,30}}?{ORG_SUFFIX}")
# a row's ordinal and a kind of money (债券性质 '棚改专项债券'): cells of the row that name nothing of the report
_ORDINAL = regex.compile(r"\d{1,3}")
_KIND_CELL = regex.compile(r"\p{Han}{0,12}(?:债券|资金)")
_MAX_HEAD_LEN = 24
_MAX_CELL_LEN = 60


@dataclass
class ResultRow:
    project: Found | None = None
    unit: Found | None = None
    score: Found | None = None
    grade: Found | None = None
    amount: Found | None = None  # in 元, where the table states its amounts' unit
    # the unit came from a 主管部门 column (the unit over the project), not one that carries it out
    unit_is_superior: bool = False


# a results table's cells end at a bar, a tab or a line's end: a scrape writes it with pipes or one cell per line
_CELL_SEP = regex.compile(r"[|\n\t]")


def _cells(text: str) -> list[Found]:
    """The text's non-empty cells, as the one reconstructor for text cuts them (tables/grid.text_cells), each
    its stripped words with where they stand."""
    out = []
    for cell in text_cells(text, 0, len(text), _CELL_SEP):
        words = text[cell.start:cell.end]
        if words.strip():
            at = cell.start + words.index(words.strip())
            out.append(Found(words.strip(), at, at + len(words.strip())))
    return out


def _role_of_head(cell: str) -> str | None:
    if len(cell) > _MAX_HEAD_LEN:
        return None
    return next((role for role, pat in _HEAD.items() if pat.fullmatch(cell)), None)


def _header(cells: list[Found], at: int) -> list[str] | None:
    """The roles of the header that runs from cells[at] ('项目名称' among them, and a score or grade), or None."""
    roles = []
    for cell in cells[at:at + 10]:
        role = _role_of_head(cell.value)
        if role is None:
            break
        roles.append(role)
    if "project" in roles and ("score" in roles or "grade" in roles):
        return roles
    return None


# A title of a notice that publishes evaluation results ('…项目资金绩效评价情况表', '…绩效评价情况', '…评价结果公示'),
# or none: a report's own title (a department's whole spending with its key project's row) is not one.
_NOTICE_TITLE = regex.compile(r"情况表?$|(?:评价|一览|得分|汇总)表$|结果|公示|公开")
_REPORT_OF_ITS_OWN = regex.compile(r"部门整体|整体支出|单位整体")


def is_results_notice(title: str | None) -> bool:
    return title is None or (bool(_NOTICE_TITLE.search(title)) and not _REPORT_OF_ITS_OWN.search(title))


def read_result_row(text: str) -> ResultRow | None:
    """The one project of a results table, or None where the text holds no such table or one of several rows.
    A table with its amounts' unit is cut into rows by type first (it tells the 主管部门 and 项目单位 columns apart);
    one without is read as a single row."""
    rows = read_result_rows(text)
    if rows:
        return rows[0] if len(rows) == 1 else None
    table = _table(text)
    return _one_row([c.role for c in table.columns], table.body) if table else None


@dataclass(frozen=True)
class _Column:
    head: Found  # the header's cell
    role: str


@dataclass(frozen=True)
class _Table:
    columns: tuple[_Column, ...]
    body: tuple[Found, ...]  # the body's cells, up to its total row


@lru_cache(maxsize=4)
def _table(text: str) -> _Table | None:
    """The first results table (read once per text: the one-row and the many-row readers both ask)."""
    cells = _cells(text)
    for i, cell in enumerate(cells):
        if "项目名称" not in cell.value:
            continue
        start = i
        while start > 0 and _role_of_head(cells[start - 1].value) and i - start < 9:
            start -= 1
        roles = _header(cells, start)
        if roles is None:
            continue
        body = []
        for c in cells[start + len(roles):]:
            if _BODY_END.search(regex.sub(r"[\s::]", "", c.value)) or len(c.value) > _MAX_CELL_LEN:
                break  # ('总  计', '合计:': the total row however spaced)
            body.append(c)
        return _Table(tuple(_Column(h, r) for h, r in zip(cells[start:start + len(roles)], roles)), tuple(body))
    return None


# The unit of the table's amounts: in the amount column's head ('发行金额(亿元)'), or noted above the table ('单位:亿元').
_HEAD_UNIT = regex.compile(r"\((?P<unit>亿元|万元|千元|元)\)")
_UNIT_NOTE_REACH = 200
# what a cell under an 'other' head may hold: 序号 its ordinal; a kind of money its kind; 备注 any words
_ORDINAL_HEAD = regex.compile(r"序号")
_COMPANY_CELL = regex.compile(r"\p{Han}{2,30}?(?:有限责任公司|有限公司|集团|公司)")
_KIND_HEAD = regex.compile(r"债券性质|债券类型|资金性质|项目类型|类别|所属领域|领域")


def read_result_rows(text: str) -> list[ResultRow]:
    """Every project row of a results table that states its amounts' unit ('发行金额(亿元)'), each with its name,
    amount (元) and score; [] where the text holds no such table, or a row's cells do not lie under the header in
    order (a dropped cell leaves the types of the rest in the header's order, so a row's cells are placed by type)."""
    table = _table(text)
    roles = [c.role for c in table.columns] if table else []
    if roles.count("amount") != 1:
        return []  # (no table, or two amount columns, 总投资 and 发行金额: which is the funds' is not said)
    first = table.columns[0].head.start
    m = _HEAD_UNIT.search(table.columns[roles.index("amount")].head.value) \
        or UNIT_NOTE.search(text, max(0, first - _UNIT_NOTE_REACH), first)
    if m is None:
        return []
    rows = [_row_of(placed, UNITS[m["unit"]], roles, table.columns) for placed in _rows_by_type(table)]
    while rows and rows[-1] is None:
        rows.pop()  # the page's lines after the table ('【打印此页】'), read as a row with no amount
    # a row the header does not explain, among the table's: the table is not read
    return [r for r in rows if r is not None] if None not in rows else []


def unit_of_every_row(text: str) -> ResultRow | None:
    """The row of a results table of several whose unit every row names (项目单位 before 主管部门): the report's
    department, as one project's row names its own; None where the rows name different units or none."""
    rows = read_result_rows(text)
    units = {r.unit.value for r in rows if r.unit is not None}
    if len(rows) < 2 or len(units) != 1 or any(r.unit is None for r in rows):
        return None
    # (a row whose 项目单位 cell is empty names the unit from its 主管部门 cell: the unit is then the one over them)
    superior = next((r for r in rows if r.unit_is_superior), None)
    return superior or rows[0]


def _accepts(head: str, role: str, value: str) -> bool:
    figure = bool(_FIGURE_CELL.fullmatch(value))
    if role in ("amount", "score"):
        return figure
    if role == "grade":
        return bool(_GRADE_CELL.fullmatch(value))
    if role == "unit":  # (a bond project's unit is often a state company: '天台易城环境工程有限公司')
        return bool(_UNIT_CELL.fullmatch(value) or _COMPANY_CELL.fullmatch(value))
    if role == "project":
        return not figure and not _GRADE_CELL.fullmatch(value)
    if _ORDINAL_HEAD.search(head):
        return bool(_ORDINAL.fullmatch(value))
    if _KIND_HEAD.search(head):
        return bool(_KIND_CELL.fullmatch(value))
    return not figure  # a note


def _rows_by_type(table: _Table) -> list[dict[str, Found]]:
    """The body cut into rows: each cell on the first column at or after the last one's that takes its type; a cell
    no later column takes opens the next row."""
    columns = table.columns

    def column_from(at: int, value: str) -> int | None:
        return next((j for j in range(at, len(columns)) if _accepts(columns[j].head.value, columns[j].role, value)), None)

    rows: list[dict[str, Found]] = []
    row: dict[str, Found] = {}
    at = 0
    for c in table.body:
        j = column_from(at, c.value)
        if j is None and row:
            rows.append(row)
            row = {}
            j = column_from(0, c.value)
        if j is None:
            return []
        row.setdefault(columns[j].role if columns[j].role != "unit" else f"unit{j}", c)
        at = j + 1
    if row:
        rows.append(row)
    return rows


# the unit a row names as carrying the project out comes before the one over it (DOMAIN.md: 实施单位 / 项目单位 /
# 主管部门, in that order)
_UNIT_HEAD_ORDER = (regex.compile(r"实施单位"), regex.compile(r"项目单位|责任单位|单位名称|预算单位"), regex.compile(r""))
_SUPERIOR_HEAD = regex.compile(r"主管")


def _unit_of(placed: dict[str, Found], columns: tuple[_Column, ...]) -> tuple[Found | None, bool]:
    """The row's unit by its column's preference, and whether that column is the 主管部门's."""
    units = [(columns[int(key[4:])].head.value, c) for key, c in placed.items() if key.startswith("unit")]
    head, unit = next(((h, c) for pattern in _UNIT_HEAD_ORDER for h, c in units if pattern.search(h)), (None, None))
    return unit, bool(head and _SUPERIOR_HEAD.search(head))


def _row_of(placed: dict[str, Found], factor: float, roles: list[str], columns: tuple[_Column, ...]) -> ResultRow | None:
    """The row read, or None where it lacks its project or amount, or a figure its header asks for: one figure under
    an amount and a score column ('某医院扩建工程 | 88 | 良', the amount's cell dropped) could be either."""
    project, amount = placed.get("project"), placed.get("amount")
    if project is None or amount is None or ("score" in roles and "score" not in placed):
        return None
    unit, superior = _unit_of(placed, columns)
    row = ResultRow(project=project, unit=unit, unit_is_superior=superior)
    printed = parse_arabic(amount.value)
    row.amount = Found(round(printed.value * factor, 4), amount.start, amount.end, printed.half_unit * factor)
    if (score := placed.get("score")) is not None and 0 <= float(score.value) <= 100:
        row.score = Found(float(score.value), score.start, score.end)
    if (grade := placed.get("grade")) is not None:
        row.grade = Found(short_grade(grade.value), grade.start, grade.end)
    return row


def _one_row(roles: list[str], body: list[Found]) -> ResultRow | None:
    """The body's cells placed by type; None where they hold more than one row or a cell no column takes."""
    if not body or len(body) > len(roles):
        return None  # a second row, or cells of another table
    row = ResultRow()
    figures = []
    names = []
    for k, c in enumerate(body):
        if k == 0 and "other" in roles and _ORDINAL.fullmatch(c.value):
            continue
        if "grade" in roles and row.grade is None and _GRADE_CELL.fullmatch(c.value):
            row.grade = Found(short_grade(c.value), c.start, c.end)
        elif _FIGURE_CELL.fullmatch(c.value):
            figures.append(c)
        elif "unit" in roles and row.unit is None and _UNIT_CELL.fullmatch(c.value):
            row.unit = c
            row.unit_is_superior = True  # (placed by type alone: which unit column it is in is not known)
        elif "other" in roles and _KIND_CELL.fullmatch(c.value):
            continue
        else:
            names.append(c)
    if len(names) != 1:
        return None  # no project named, or words no column explains
    row.project = names[0]
    numeric = [r for r in roles if r in ("amount", "score")]
    if "score" in numeric and len(figures) == len(numeric):
        c = figures[numeric.index("score")]
        value = float(c.value)
        if 0 <= value <= 100:
            row.score = Found(value, c.start, c.end)
    return row

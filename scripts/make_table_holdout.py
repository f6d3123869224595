"""A held-out set of score-table layouts, written from the domain notes and the published forms
without sight of the extractor, to measure how it reads score tables and budget blocks it was not
written for.

    python scripts/make_table_holdout.py

writes samples/table_holdout/NAME.{html,docx,xlsx,txt} and samples/table_holdout/expected/NAME.json.

Sixteen invented but realistic reports, four per format (HTML with rowspan/colspan, DOCX with merged
cells, XLSX with merged ranges, plain text as a PDF text layer gives it), each with a score table and
most with a budget block:
- templates: the central 2020 项目支出绩效自评表 (budget block + 年度总体目标 + 一级/二级/三级 rows + 总分),
  a Gansu variant with 得分 before 分值, the Sichuan 2023 form (调整后预算数, 权重, 财政专户 rows), a Hunan
  共性/特性 自评表, third-party 评价指标体系评分表 with 权重 and 评分标准 columns and 小计 rows, a 部门整体支出
  评分表 with 权重(%), a four-column flat table (指标 | 分值 | 得分 | 扣分原因), two-line headers, 一级指标
  merged down or repeated on every row, a 合计/总分 row or none, scores with one or two decimals;
- damage: a row wrapped over two lines (js_shuyang), blank cells (gs_qinzhou, nmg_songshan), full-width
  digits (gx_lingui), budgets in 元 instead of 万元 (hb_qingyuan, sc_shunqing), cells glued together
  (jx_ruijin, gx_lingui), and a stated 总分 that the rows do not add up to (gs_qinzhou, yn_luliang: the
  expected record holds the stated figures and lists indicator_scores_sum under checks_must_fail).

Every figure in a document and in its expected record comes from the same numbers below; asserts keep
the arithmetic exact (weights add up to 100 and to each 一级 subtotal, rows add up to the stated total
except where the damage says otherwise, rates are E/B rounded half-up). Expected records hold only what
the document clearly states. In a 自评表 the budget-execution row (年度资金总额 / 预算执行率, 10 points)
is the first indicator, named 预算执行率, as SPEC.md's convention says.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import docx
import openpyxl
from openpyxl.styles import Alignment

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "table_holdout"
FIXED_TIME = datetime(2026, 1, 1)  # so that rerunning the script gives the same document metadata

D = Decimal

# 2020 national bands (财预〔2020〕10号), as a report's own text states them
BANDS_2020 = [("优", 90, None), ("良", 80, 90), ("中", 60, 80), ("差", None, 60)]
BANDS_2020_TEXT = "综合得分90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。"


# --------------------------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------------------------
def num(x):
    d = D(str(x))
    return int(d) if d == d.to_integral_value() else float(d)


def wan(yuan, places=None) -> str:
    """元 → 万元 as a table writes it: fixed places ("331.20") or no trailing zeros ("331.2")."""
    d = D(yuan) / 10000
    if places is not None:
        return f"{d.quantize(D(1).scaleb(-places)):f}"
    return format(d.normalize(), "f")


def wan_c(yuan, places=2) -> str:
    return f"{(D(yuan) / 10000).quantize(D(1).scaleb(-places)):,f}"


def yuan_c(yuan) -> str:
    return f"{D(yuan):,.2f}"


def rate(executed, budget, places=2) -> D:
    return (D(executed) * 100 / D(budget)).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)


def execution_score(executed, budget, weight=10, places=2) -> D:
    ratio = min(D(executed) / D(budget), D(1))
    return (ratio * weight).quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)


def pct(d: D) -> str:
    return f"{d}%"


def fullwidth(text: str) -> str:
    """ASCII digits, point and percent as a full-width text layer carries them."""
    return text.translate({c: c + 0xFEE0 for c in map(ord, "0123456789.%")})


# --------------------------------------------------------------------------------------------
# what a document states
# --------------------------------------------------------------------------------------------
@dataclass
class Indicator:
    """One leaf row of a score table."""
    level1: str
    level2: str
    name: str
    weight: D
    score: D
    target: str = ""
    actual: str = ""
    note: str = ""


def ind(level1, level2, name, weight, score, target="", actual="", note="") -> Indicator:
    return Indicator(level1, level2, name, D(str(weight)), D(str(score)), target, actual, note)


@dataclass
class FundRow:
    """One row of a budget block, amounts in 元 (None = blank cell)."""
    label: str
    initial: int | None
    full: int | None
    executed: int | None


@dataclass
class Budget:
    budget_yuan: int
    executed_yuan: int
    rate: D
    funding_source: str | None = None


@dataclass
class Grade:
    stated: str | None
    bands: list | None = None  # [(grade, min, max)] only where the text states them


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


def C(text, rowspan=1, colspan=1) -> Cell:
    return Cell(str(text), rowspan, colspan)


@dataclass
class Table:
    rows: list  # list[list[Cell]], cells covered by a span are left out (as in HTML)
    text_style: str = "spaced"  # spaced | spaced-repeat | glued | stream (only for .txt)


@dataclass
class Report:
    name: str
    fmt: str  # html | docx | xlsx | txt
    about: str
    title: str
    project_name: str | None
    department: str
    region: str
    year: int
    blocks: list  # str paragraphs and Tables, in reading order
    budget: Budget | None
    indicators: list
    total_score: D
    grade: Grade
    total_weight: int = 100
    total_weight_stated: bool = True  # False where no 合计/总分 row states it
    sums_hold: bool = True
    full_width: bool = False
    xlsx_percent_as_number: bool = False
    extra_checks: list = field(default_factory=list)


def group_weights(indicators, key):
    out: dict[str, D] = {}
    for i in indicators:
        out[getattr(i, key)] = out.get(getattr(i, key), D(0)) + i.weight
    return out


def group_scores(indicators, key):
    out: dict[str, D] = {}
    for i in indicators:
        out[getattr(i, key)] = out.get(getattr(i, key), D(0)) + i.score
    return out


# --------------------------------------------------------------------------------------------
# table builders
# --------------------------------------------------------------------------------------------
def runs(items, key):
    """Consecutive items sharing key(item), as (value, count) — the spans of a merged column."""
    out = []
    for it in items:
        k = key(it)
        if out and out[-1][0] == k:
            out[-1][1] += 1
        else:
            out.append([k, 1])
    return out


def central_form(project, supervisor, implementer, unit_label, funds, fmt_amount, exec_weight,
                 exec_rate_text, exec_score, goal_plan, goal_done, indicators, total_score,
                 l1_label=lambda name, w: name, score_first=False, total_label="总分",
                 year_row=None):
    """The 2020 central 项目支出绩效自评表: 9 columns."""
    rows = []
    if year_row:
        rows.append([C(year_row, colspan=9)])
    rows.append([C("项目名称"), C(project, colspan=8)])
    rows.append([C("主管部门"), C(supervisor, colspan=3), C("实施单位", colspan=2), C(implementer, colspan=3)])
    rows.append([C(unit_label, rowspan=1 + len(funds)), C("", colspan=2), C("年初预算数"), C("全年预算数"),
                 C("全年执行数"), C("分值"), C("执行率"), C("得分")])
    for i, f in enumerate(funds):
        first = i == 0
        r = [C(f.label, colspan=2)] + [C(fmt_amount(v) if v is not None else "") for v in (f.initial, f.full, f.executed)]
        if first:
            r += [C(exec_weight), C(exec_rate_text), C(exec_score)]
        else:
            show = f.full not in (None, 0) and f.executed is not None
            r += [C("—"), C(pct(rate(f.executed, f.full)) if show else ""), C("—")]
        rows.append(r)
    rows.append([C("年度总体目标", rowspan=2), C("预期目标", colspan=4), C("实际完成情况", colspan=4)])
    rows.append([C(goal_plan, colspan=4), C(goal_done, colspan=4)])
    ws, ss = ("得分", "分值") if score_first else ("分值", "得分")
    rows.append([C("绩效指标", rowspan=1 + len(indicators)), C("一级指标"), C("二级指标"), C("三级指标"),
                 C("年度指标值"), C("实际完成值"), C(ws), C(ss), C("偏差原因分析及改进措施")])
    l1w = group_weights(indicators, "level1")
    pos = 0
    for l1, n1 in runs(indicators, lambda x: x.level1):
        group = indicators[pos:pos + n1]
        pos += n1
        p = 0
        for l2, n2 in runs(group, lambda x: x.level2):
            for k, it in enumerate(group[p:p + n2]):
                r = []
                if p == 0 and k == 0:
                    r.append(C(l1_label(l1, l1w[l1]), rowspan=n1))
                if k == 0:
                    r.append(C(l2, rowspan=n2))
                pair = [C(it.score), C(it.weight)] if score_first else [C(it.weight), C(it.score)]
                r += [C(it.name), C(it.target), C(it.actual)] + pair + [C(it.note)]
                rows.append(r)
            p += n2
    total_weight = exec_weight + sum(i.weight for i in indicators)
    pair = [C(total_score), C(total_weight)] if score_first else [C(total_weight), C(total_score)]
    rows.append([C(total_label, colspan=6)] + pair + [C("")])
    return rows


COLUMN_HEADS = {"l1": "一级指标", "l2": "二级指标", "l3": "三级指标", "weight": "分值", "score": "得分",
                "standard": "评分标准", "note": "扣分原因", "target": "年度指标值", "actual": "实际完成值",
                "score_rate": "得分率"}


def score_table(indicators, columns, heads=None, merge=True, l1_label=lambda name, w: name,
                subtotals=False, total_label="合计", two_line_header=False, standards=None):
    """A 评分表: columns in any order; the name columns (l1, l2, l3) lead and are adjacent."""
    heads = {**COLUMN_HEADS, **(heads or {})}
    names = [c for c in columns if c in ("l1", "l2", "l3")]
    assert columns[:len(names)] == names
    rest = columns[len(names):]
    rows = []
    if two_line_header:
        rows.append([C("评价指标", colspan=len(names))] + [C(heads[c], rowspan=2) for c in rest])
        rows.append([C(heads[c]) for c in names])
    else:
        rows.append([C(heads[c]) for c in columns])
    l1w, l1s = group_weights(indicators, "level1"), group_scores(indicators, "level1")
    pos = 0
    for l1, n1 in runs(indicators, lambda x: x.level1):
        group = indicators[pos:pos + n1]
        pos += n1
        l2_spans = {}
        p = 0
        for _l2, n2 in runs(group, lambda x: x.level2):
            l2_spans[p] = n2
            p += n2
        for k, it in enumerate(group):
            r = []
            for c in columns:
                if c == "l1":
                    if merge and k == 0:
                        r.append(C(l1_label(l1, l1w[l1]), rowspan=n1 + (1 if subtotals else 0)))
                    elif not merge:
                        r.append(C(l1_label(l1, l1w[l1])))
                elif c == "l2":
                    if merge and k in l2_spans:
                        r.append(C(it.level2, rowspan=l2_spans[k]))
                    elif not merge:
                        r.append(C(it.level2))
                elif c == "l3":
                    r.append(C(it.name))
                elif c == "weight":
                    r.append(C(it.weight))
                elif c == "score":
                    r.append(C(it.score))
                elif c == "standard":
                    r.append(C((standards or {}).get(it.name, "")))
                elif c == "note":
                    r.append(C(it.note))
                elif c == "target":
                    r.append(C(it.target))
                elif c == "actual":
                    r.append(C(it.actual))
                elif c == "score_rate":
                    r.append(C(pct((it.score * 100 / it.weight).quantize(D("0.1"), rounding=ROUND_HALF_UP))))
            rows.append(r)
        if subtotals:
            r = [] if merge or "l1" not in names else [C(l1_label(l1, l1w[l1]))]
            span = len(names) - (1 if "l1" in names else 0)
            r.append(C("小计", colspan=span))
            r += [C(l1w[l1]) if c == "weight" else C(l1s[l1]) if c == "score" else C("") for c in rest]
            rows.append(r)
    if total_label:
        tw, ts = sum(i.weight for i in indicators), sum(i.score for i in indicators)
        rows.append([C(total_label, colspan=len(names))]
                    + [C(tw) if c == "weight" else C(ts) if c == "score" else C("") for c in rest])
    return rows


def set_total(rows, label, column_of_score, stated):
    """Overwrite the stated total in the total row (a total that does not add up)."""
    row = next(r for r in rows if r and r[0].text == label)
    row[column_of_score].text = str(stated)


# --------------------------------------------------------------------------------------------
# renderers
# --------------------------------------------------------------------------------------------
def place(rows):
    """Anchor (row, col, cell) of each cell, filling slots as HTML does; returns them and the width."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    width = max(c for _, c in taken) + 1
    return out, width


def render_html(rep: Report) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{html.escape(rep.title)}</title></head><body>",
             f"<h1>{html.escape(rep.title)}</h1>"]
    for b in rep.blocks:
        if isinstance(b, str):
            parts.append(f"<p>{html.escape(b)}</p>")
            continue
        parts.append('<table border="1" cellspacing="0">')
        for row in b.rows:
            cells = []
            for cell in row:
                attrs = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + \
                        (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
                cells.append(f"<td{attrs}>{html.escape(cell.text).replace(chr(10), '<br>')}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_docx(rep: Report, path: Path):
    d = docx.Document()
    d.core_properties.created = d.core_properties.modified = FIXED_TIME
    d.add_heading(rep.title, level=1)
    for b in rep.blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
            continue
        anchors, width = place(b.rows)
        t = d.add_table(rows=len(b.rows), cols=width)
        t.style = "Table Grid"
        for r, c, cell in anchors:
            target = t.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(t.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = cell.text
    d.save(path)
    restamp(path)


CORE_TIME = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def restamp(path: Path):
    """Fixed zip entry times and core-property dates, so that a rerun writes the same bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = CORE_TIME.sub(rb"\g<1>2026-01-01T00:00:00Z\g<2>", data)
            z.writestr(zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6]), data,
                       compress_type=zipfile.ZIP_DEFLATED)


NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
PERCENT = re.compile(r"^(\d+(\.\d+)?)%$")


def write_xlsx(rep: Report, path: Path):
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = "自评表" if "自评" in rep.title else "评分表"
    widths = [place(b.rows)[1] for b in rep.blocks if isinstance(b, Table)]
    width = max(widths)
    r0 = 1
    ws.cell(r0, 1, rep.title)
    ws.merge_cells(start_row=r0, start_column=1, end_row=r0, end_column=width)
    r0 += 1
    for b in rep.blocks:
        if isinstance(b, str):
            ws.cell(r0, 1, b)
            ws.merge_cells(start_row=r0, start_column=1, end_row=r0, end_column=width)
            r0 += 1
            continue
        anchors, _ = place(b.rows)
        for r, c, cell in anchors:
            x = ws.cell(r0 + r, c + 1)
            text = cell.text.replace("\n", "")
            m = PERCENT.match(text)
            if NUMBER.match(text):
                x.value = num(text)
            elif m and rep.xlsx_percent_as_number:
                x.value = float(D(m.group(1)) / 100)
                x.number_format = "0.00%"
            else:
                x.value = text
            x.alignment = Alignment(wrap_text=True, vertical="center")
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=r0 + r, start_column=c + 1,
                               end_row=r0 + r + cell.rowspan - 1, end_column=c + cell.colspan)
        r0 += len(b.rows) + 1
    wb.save(path)
    restamp(path)


def text_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def render_table_text(t: Table) -> str:
    anchors, width = place(t.rows)
    n = len(t.rows)
    grid = [[""] * width for _ in range(n)]
    for r, c, cell in anchors:
        grid[r][c] = cell.text
        if t.text_style == "spaced-repeat":
            for dr in range(1, cell.rowspan):
                grid[r + dr][c] = cell.text
    if t.text_style == "glued":  # a text layer that joins the cells of a row
        return "\n".join("".join(x.replace("\n", "") for x in row) for row in grid)
    if t.text_style == "stream":  # a converter that flattens the table into one run of words
        return " ".join(x.replace("\n", "") for row in grid for x in row if x)
    # spaced: columns separated by runs of spaces; a cell holding "\n" wraps onto a second line;
    # a cell spanning columns runs across them, as a layout-preserving text layer places it
    spans = {(r, c): cell.colspan for r, c, cell in anchors}
    colw = [0] * width
    for _r, c, cell in anchors:
        if cell.colspan == 1:
            colw[c] = max([colw[c]] + [text_width(x) for x in cell.text.split("\n")])
    lines = []
    for r in range(n):
        split = [x.split("\n") for x in grid[r]]
        for k in range(max(len(x) for x in split)):
            out, c = "", 0
            while c < width:
                cs = spans.get((r, c), 1)
                s = split[c][k] if k < len(split[c]) else ""
                room = sum(colw[c:c + cs]) + 3 * (cs - 1)
                out += s + " " * max(room - text_width(s) + 3, 2)
                c += cs
            lines.append(out.rstrip())
    return "\n".join(lines)


def render_text(rep: Report) -> str:
    out = [rep.title, ""]
    for b in rep.blocks:
        out.append(b if isinstance(b, str) else render_table_text(b))
        out.append("")
    text = "\n".join(out)
    return fullwidth(text) if rep.full_width else text


# --------------------------------------------------------------------------------------------
# expected record
# --------------------------------------------------------------------------------------------
def expected(rep: Report) -> dict:
    report = {"title": rep.title}
    if rep.project_name:
        report["project_name"] = rep.project_name
    report.update({"department": rep.department, "region": rep.region, "year": rep.year})
    out = {"_about": rep.about, "source": {"script": "simplified", "truncated": False}, "report": report}
    if rep.budget:
        b = {"budget_yuan": rep.budget.budget_yuan, "executed_yuan": rep.budget.executed_yuan,
             "execution_rate": float(rep.budget.rate)}
        if rep.budget.funding_source:
            b["funding_source"] = rep.budget.funding_source
        out["budget"] = b
    out["scores"] = {
        "indicators": [{"name": i.name, "weight": num(i.weight), "score": num(i.score),
                        **({"level1": i.level1} if i.level1 else {}),
                        **({"level2": i.level2} if i.level2 else {})} for i in rep.indicators],
        "total_score": num(rep.total_score),
    }
    if rep.total_weight_stated:
        out["scores"]["total_weight"] = rep.total_weight
    grade = {"stated": rep.grade.stated}
    if rep.grade.bands:
        grade["derived"] = band_of(rep.total_score, rep.grade.bands)
        grade["bands"] = [{"grade": g, "min": lo, "max": hi} for g, lo, hi in rep.grade.bands]
    out["grade"] = grade
    must_pass = ["indicator_weights_sum", "score_within_weight"]
    if rep.sums_hold:
        must_pass.insert(0, "indicator_scores_sum")
    if rep.budget:
        must_pass.append("execution_rate")
    out["checks_must_pass"] = must_pass + rep.extra_checks
    if not rep.sums_hold:
        out["checks_must_fail"] = ["indicator_scores_sum"]
    return out


def band_of(score, bands):
    for g, lo, hi in bands:
        if (lo is None or score >= lo) and (hi is None or score < hi):
            return g
    raise ValueError(score)


def document_words(rep: Report) -> str:
    """Everything the document says, cell by cell, for asserting that a value is written in it."""
    out = [rep.title]
    for b in rep.blocks:
        out += [b] if isinstance(b, str) else [cell.text.replace("\n", "") for row in b.rows for cell in row]
    return "\n".join(out)


def check(rep: Report):
    """The arithmetic every document must keep (or break exactly where its damage says so), and
    the names the expected record holds are written in the document as they stand there."""
    words = document_words(rep)
    for value in (rep.project_name, rep.department, rep.region, str(rep.year), str(rep.total_score)):
        assert value is None or value in words, (rep.name, value)
    if rep.budget and rep.budget.funding_source:
        assert rep.budget.funding_source in words, (rep.name, rep.budget.funding_source)
    weights = sum(i.weight for i in rep.indicators)
    assert weights == rep.total_weight == 100, (rep.name, weights)
    for i in rep.indicators:
        assert D(0) <= i.score <= i.weight, (rep.name, i.name)
    scores = sum(i.score for i in rep.indicators)
    assert (scores == rep.total_score) == rep.sums_hold, (rep.name, scores, rep.total_score)
    if rep.budget:
        b = rep.budget
        assert rate(b.executed_yuan, b.budget_yuan, -b.rate.as_tuple().exponent) == b.rate, rep.name
        assert b.executed_yuan <= b.budget_yuan
    if rep.grade.stated and rep.grade.bands:
        assert band_of(rep.total_score, rep.grade.bands) == rep.grade.stated, rep.name


def check_funds(name, funds):
    """年度资金总额 = the sum of its 其中 rows, column by column."""
    total, parts = funds[0], funds[1:]
    for col in ("initial", "full", "executed"):
        assert getattr(total, col) == sum(getattr(p, col) or 0 for p in parts), (name, col)


def self_assessment_rows(exec_weight, exec_score, indicators):
    return [ind("", "", "预算执行率", exec_weight, exec_score)] + indicators


# --------------------------------------------------------------------------------------------
# the documents
# --------------------------------------------------------------------------------------------
def doc_gd_wujiang():
    name = "gd_shaoguan_wujiang_nongcungongshui_zipingbiao_2021"
    funds = [FundRow("年度资金总额", 3200000, 3456000, 3312000),
             FundRow("其中：当年财政拨款", 2600000, 2856000, 2712000),
             FundRow("上年结转资金", 600000, 600000, 600000),
             FundRow("其他资金", 0, 0, 0)]
    check_funds(name, funds)
    B, E = 3456000, 3312000
    r = rate(E, B)
    es = execution_score(E, B)
    inds = [
        ind("产出指标", "数量指标", "新建改造供水管网长度", 12, 12, "≥42公里", "43.5公里"),
        ind("产出指标", "数量指标", "改造集中供水工程数量", 10, 10, "≥9处", "9处"),
        ind("产出指标", "质量指标", "出厂水水质达标率", 10, 10, "≥95%", "97.3%"),
        ind("产出指标", "时效指标", "工程按期完工率", 8, 7.9, "≥90%", "88.9%", "1处工程因征地协调推迟完工，已督促加快进度"),
        ind("产出指标", "成本指标", "工程造价控制情况", 10, 10, "≤345.6万元", "331.2万元"),
        ind("效益指标", "社会效益指标", "受益农村人口", 10, 10, "≥3.2万人", "3.35万人"),
        ind("效益指标", "社会效益指标", "农村自来水普及率", 10, 10, "≥96%", "96.5%"),
        ind("效益指标", "可持续影响指标", "工程运行管护机制", 10, 8.5, "健全", "基本健全", "部分村级管护员未落实，下一步完善管护考核"),
        ind("满意度指标", "服务对象满意度指标", "受益群众满意度", 10, 10, "≥90%", "93%"),
    ]
    rows_ = self_assessment_rows(10, es, inds)
    total = sum(i.score for i in rows_)
    table = central_form("农村供水保障工程项目", "韶关市武江区水务局", "韶关市武江区农村供水管理所", "项目资金（万元）",
                         funds, lambda v: wan(v, 2), 10, pct(r), es,
                         "新建改造农村供水管网42公里以上，改造集中供水工程9处，提升农村供水保障水平。",
                         "完成管网43.5公里，改造集中供水工程9处，受益人口3.35万人。", inds, total,
                         year_row="（2021年度）")
    blocks = ["广东省韶关市武江区2021年度项目支出绩效自评表",
              "根据《广东省财政厅关于开展2021年度省级财政资金绩效自评工作的通知》要求，韶关市武江区农村供水管理所"
              "对农村供水保障工程项目开展了绩效自评，自评情况如下：",
              Table(table),
              f"自评结论：本项目自评得分{total}分。" + BANDS_2020_TEXT + "本项目自评等级为“优”。"]
    return Report(name, "html", "central 2020 自评表 in one HTML table (rowspan/colspan); 全年预算数 differs from 年初; "
                  "其中 rows 财政拨款 + 上年结转 + 其他 add up to 年度资金总额 in every column; scores two decimals; "
                  "bands and grade stated below the table.",
                  "广东省韶关市武江区2021年度农村供水保障工程项目支出绩效自评表", "农村供水保障工程项目",
                  "韶关市武江区农村供水管理所", "广东省韶关市武江区", 2021, blocks,
                  Budget(B, E, r), rows_, total, Grade("优", BANDS_2020), extra_checks=["funding_sources_sum"])


def doc_zj_jinyun():
    name = "zj_lishui_jinyun_lvyougonglu_pingjia_2022"
    sources = [("中央车购税补助资金", 8000000, 8000000), ("省级交通专项资金", 4500000, 4500000),
               ("县级配套资金", 2500000, 1364200)]
    B = sum(s[1] for s in sources)
    E = sum(s[2] for s in sources)
    r = rate(E, B)
    inds = [
        ind("决策", "项目立项", "立项依据充分性", 3, 3), ind("决策", "项目立项", "立项程序规范性", 2, 2),
        ind("决策", "绩效目标", "绩效目标合理性", 3, 2.5), ind("决策", "绩效目标", "绩效指标明确性", 3, 2),
        ind("决策", "资金投入", "预算编制科学性", 2, 1.5), ind("决策", "资金投入", "资金分配合理性", 2, 2),
        ind("过程", "资金管理", "资金到位率", 4, 4), ind("过程", "资金管理", "预算执行率", 4, 3.5),
        ind("过程", "资金管理", "资金使用合规性", 4, 4), ind("过程", "组织实施", "管理制度健全性", 4, 3),
        ind("过程", "组织实施", "制度执行有效性", 4, 3),
        ind("产出", "产出数量", "公路改造完成率", 10, 10), ind("产出", "产出质量", "工程验收合格率", 10, 10),
        ind("产出", "产出时效", "完成及时性", 8, 6), ind("产出", "产出成本", "成本节约率", 7, 6),
        ind("效益", "项目效益", "社会效益", 10, 9), ind("效益", "项目效益", "经济效益", 6, 5),
        ind("效益", "项目效益", "可持续影响", 6, 5), ind("效益", "满意度", "沿线群众满意度", 8, 7),
    ]
    standards = {"立项依据充分性": "符合国家和省市相关政策得满分，否则酌情扣分",
                 "预算执行率": "执行率×分值，执行率≥95%得满分",
                 "完成及时性": "按期完成得满分，每延期1个月扣1分",
                 "沿线群众满意度": "满意度≥90%得满分，每低1个百分点扣0.5分"}
    total = sum(i.score for i in inds)
    budget_table = [[C("资金来源"), C("预算数（万元）"), C("实际支出（万元）"), C("执行率")]]
    for label, b, e in sources:
        budget_table.append([C(label), C(wan(b, 2)), C(wan(e, 2)), C(pct(rate(e, b)))])
    budget_table.append([C("合计"), C(wan(B, 2)), C(wan(E, 2)), C(pct(r))])
    score = score_table(inds, ["l1", "l2", "l3", "weight", "standard", "score"], heads={"weight": "权重"},
                        l1_label=lambda n, w: f"{n}（{w}）", subtotals=True, standards=standards)
    blocks = ["浙江华信工程咨询有限公司受丽水市缙云县财政局委托，对缙云县交通运输局实施的2022年度旅游公路提升改造工程项目"
              "开展重点绩效评价。评价依据《项目支出绩效评价管理办法》（财预〔2020〕10号）和浙财监督〔2020〕11号。",
              "一、项目资金情况",
              Table(budget_table),
              "二、评价指标体系评分表",
              Table(score),
              f"三、评价结论：经综合评价，本项目得分{total}分，评价等级为“良”。" + BANDS_2020_TEXT]
    return Report(name, "html", "third-party 评价指标体系评分表 (权重 | 评分标准 | 得分), 一级 names carry the weight "
                  "'决策（15）' and are merged down over their rows and a 小计 row each; 合计 row; separate budget table by "
                  "funding source with a 合计 row (three sources, so no single funding_source).",
                  "缙云县2022年度旅游公路提升改造工程项目绩效评价报告", "旅游公路提升改造工程项目",
                  "缙云县交通运输局", "丽水市缙云县", 2022, blocks, Budget(B, E, r), inds, total,
                  Grade("良", BANDS_2020), extra_checks=["subtotals_match"])


def doc_sx_yanhu():
    name = "sx_yuncheng_yanhu_laonianshitang_pingjia_2023"
    B0, B, E = 2600000, 2865000, 2635800
    r = rate(E, B)
    inds = [
        ind("决策", "项目立项", "立项依据充分性", 4, 4), ind("决策", "项目立项", "立项程序规范性", 3, 3),
        ind("决策", "绩效目标", "绩效目标合理性", 4, 3.5, note="个别指标未量化"),
        ind("决策", "资金投入", "预算编制科学性", 4, 3.0, note="预算调整幅度较大"),
        ind("过程", "资金管理", "资金到位率", 5, 5), ind("过程", "资金管理", "预算执行率", 5, 4.6, note="执行率92%"),
        ind("过程", "资金管理", "资金使用合规性", 5, 4.0, note="2笔支出凭证附件不全"),
        ind("过程", "组织实施", "管理制度健全性", 5, 5),
        ind("过程", "组织实施", "制度执行有效性", 5, 4.2, note="台账登记不及时"),
        ind("产出", "产出数量", "老年食堂建成数量", 10, 10),
        ind("产出", "产出数量", "助餐服务人次完成率", 5, 4.4, note="完成计划的88%"),
        ind("产出", "产出质量", "食品安全检查合格率", 8, 8),
        ind("产出", "产出时效", "建设完成及时性", 7, 6.0, note="3个食堂延期投用"),
        ind("效益", "社会效益", "老年人就餐便利程度", 10, 9.0),
        ind("效益", "可持续影响", "长效运营机制建立情况", 10, 7.5, note="运营补贴机制尚未出台"),
        ind("效益", "满意度", "就餐老人满意度", 10, 9.5),
    ]
    total = sum(i.score for i in inds)
    budget_table = [[C("项目资金（万元）"), C("年初预算数"), C("调整后预算数"), C("实际支出数"), C("预算执行率")],
                    [C("财政资金"), C(wan(B0, 2)), C(wan(B, 2)), C(wan(E, 2)), C(pct(r))]]
    score = score_table(inds, ["l1", "l2", "l3", "weight", "score", "score_rate", "note"],
                        l1_label=lambda n, w: f"{n}({w})", two_line_header=True, total_label=None)
    blocks = ["运城市盐湖区民政局：",
              "受你局委托，山西正泰会计师事务所有限公司对盐湖区2023年度社区老年食堂建设项目进行了绩效评价。项目由运城市盐湖区民政局组织实施，"
              "资金来源为区级财政资金。",
              "（一）项目资金情况", Table(budget_table),
              "（二）评分情况", Table(score),
              f"（三）评价结论：本项目综合评分{total}分，评价等级为“优”。评价等级按" + BANDS_2020_TEXT.replace("综合得分", "")]
    return Report(name, "html", "评分表 with a two-line header (评价指标 over 一级/二级/三级; 分值, 得分, 得分率, 扣分原因 "
                  "spanning both lines), 一级 names with weights '决策(15)' merged down, scores one decimal, NO 合计 row: "
                  "the total is stated only in the conclusion. Budget table with 年初预算数 / 调整后预算数 / 实际支出数 (the "
                  "rate divides by 调整后预算数: 263.58/286.5 = 92.00%).",
                  "盐湖区2023年度社区老年食堂建设项目绩效评价报告", "社区老年食堂建设项目", "运城市盐湖区民政局",
                  "运城市盐湖区", 2023, blocks, Budget(B, E, r, "区级财政资金"), inds, total, Grade("优", BANDS_2020),
                  total_weight_stated=False)


def doc_gs_qinzhou():
    name = "gs_tianshui_qinzhou_gaobiaozhunnongtian_zipingbiao_2020"
    funds = [FundRow("年度资金总额", 12000000, 12000000, 11460000),
             FundRow("其中：当年财政拨款", 12000000, 12000000, 11460000),
             FundRow("上年结转资金", None, None, None),
             FundRow("其他资金", None, None, None)]
    check_funds(name, funds)
    B, E = 12000000, 11460000
    r = rate(E, B)
    es = execution_score(E, B)
    inds = [
        ind("产出指标", "数量指标", "新建高标准农田面积", 15, 15, "≥2万亩", "2.05万亩"),
        ind("产出指标", "数量指标", "配套灌溉渠道长度", 10, 10, "≥18公里", "18.6公里"),
        ind("产出指标", "质量指标", "工程验收合格率", 10, 10, "=100%", "100%"),
        ind("产出指标", "时效指标", "项目完工及时率", 8, 7, "≥95%", "90%", "汛期降雨影响施工进度"),
        ind("产出指标", "成本指标", "亩均投资", 7, 7, "≤1500元", "1480元"),
        ind("效益指标", "经济效益指标", "亩均粮食增产", 10, 9.2, "≥50公斤", "46公斤", "新建农田当年未完全达产"),
        ind("效益指标", "社会效益指标", "受益农户数", 10, 10, "≥3000户", "3120户"),
        ind("效益指标", "可持续影响指标", "工程管护制度落实率", 10, 9, "≥90%", "85%", "管护责任尚未全部落实到村"),
        ind("满意度指标", "服务对象满意度指标", "受益农户满意度", 10, 10, "≥90%", "93%"),
    ]
    rows_ = self_assessment_rows(10, es, inds)
    summed = sum(i.score for i in rows_)
    stated = summed + 1  # the form's 总分 is one point above its rows
    table = central_form("高标准农田建设项目", "天水市秦州区农业农村局", "天水市秦州区农田建设服务中心",
                         "项目资金（万元）", funds, lambda v: wan(v), 10, pct(r), es,
                         "新建高标准农田2万亩，配套灌溉渠道18公里，提高粮食综合生产能力。",
                         "建成高标准农田2.05万亩，配套渠道18.6公里。", inds, stated,
                         l1_label=lambda n, w: f"{n}（{w}分）", score_first=True, total_label="合计")
    blocks = ["甘肃省天水市秦州区2020年度项目支出绩效自评表",
              Table(table),
              f"自评得分{stated}分，自评等级：优。"]
    return Report(name, "html", "Gansu variant of the 2020 自评表 with 得分 BEFORE 分值 in the indicator rows and the 合计 row; "
                  "一级 names with weight '产出指标（50分）'; blank cells in the 上年结转/其他资金 rows. DAMAGE: the 合计 "
                  f"states {stated} while the rows (预算执行率 {es} + indicators) add up to {summed}: the expected record "
                  "holds the stated figure and indicator_scores_sum must fail.",
                  "天水市秦州区2020年度高标准农田建设项目支出绩效自评表", "高标准农田建设项目",
                  "天水市秦州区农田建设服务中心", "甘肃省天水市秦州区", 2020, blocks, Budget(B, E, r), rows_, stated,
                  Grade("优"), sums_hold=False)


def doc_ah_yingzhou():
    name = "ah_fuyang_yingzhou_yiwujiaoyu_zipingbiao_2022"
    funds = [FundRow("年度资金总额", 24500000, 26128000, 25082900),
             FundRow("其中：当年财政拨款", 22000000, 23628000, 22582900),
             FundRow("上年结转资金", 2500000, 2500000, 2500000),
             FundRow("其他资金", 0, 0, 0)]
    check_funds(name, funds)
    B, E = 26128000, 25082900
    r = rate(E, B)
    es = execution_score(E, B, places=1)
    inds = [
        ind("产出指标", "数量指标", "改造校舍面积", 12, 12, "≥1.2万平方米", "1.26万平方米"),
        ind("产出指标", "数量指标", "购置教学设备套数", 10, 10, "≥85套", "85套"),
        ind("产出指标", "质量指标", "工程竣工验收合格率", 10, 10, "=100%", "100%"),
        ind("产出指标", "时效指标", "秋季开学前完工率", 10, 8.5, "≥95%", "88%", "2所学校工程因设计变更延期"),
        ind("产出指标", "成本指标", "单位面积改造成本", 8, 8, "≤1600元/平方米", "1580元/平方米"),
        ind("效益指标", "社会效益指标", "受益学生人数", 15, 15, "≥6500人", "6820人"),
        ind("效益指标", "可持续影响指标", "校舍安全达标率", 15, 14.3, "≥98%", "97%", "1栋校舍加固未完成"),
        ind("满意度指标", "服务对象满意度指标", "学生家长满意度", 10, 10, "≥90%", "91.5%"),
    ]
    rows_ = self_assessment_rows(10, es, inds)
    total = sum(i.score for i in rows_)
    table = central_form("义务教育薄弱环节改善与能力提升项目", "阜阳市颍州区教育局", "阜阳市颍州区教育局",
                         "项目资金（万元）", funds, lambda v: wan(v, 2), 10, pct(r), es,
                         "改造校舍1.2万平方米，购置教学设备85套，改善办学条件。",
                         "改造校舍1.26万平方米，购置设备85套，受益学生6820人。", inds, total,
                         l1_label=lambda n, w: f"{n}（{w}分）")
    blocks = ["项目支出绩效自评表", "（2022年度）", Table(table),
              f"自评得分{total}分，自评等级为优（90分及以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差）。"]
    return Report(name, "docx", "central 2020 自评表 as a DOCX table with merged cells (python-docx merge); scores one decimal; "
                  "全年预算数 2612.8万 ≠ 年初 2450万; 其中 rows add up column by column.",
                  "阜阳市颍州区2022年度义务教育薄弱环节改善与能力提升项目支出绩效自评报告", "义务教育薄弱环节改善与能力提升项目",
                  "阜阳市颍州区教育局", "阜阳市颍州区", 2022, blocks, Budget(B, E, r), rows_, total,
                  Grade("优", BANDS_2020), extra_checks=["funding_sources_sum"])


def doc_hn_wuling():
    B0, B, E = 12856000, 14321800, 13982700
    r = rate(E, B)
    bands = [("优", 90, None), ("良", 75, 90), ("合格", 60, 75), ("不合格", None, 60)]
    inds = [
        ind("部门决策", "目标任务", "目标制定", 8, 7, note="部分目标未量化"), ind("部门决策", "目标任务", "目标完成", 7, 7),
        ind("部门决策", "预算编制", "预算编制完整性", 5, 5), ind("部门决策", "预算编制", "专项资金细化率", 5, 4, note="细化率80%"),
        ind("部门管理", "资金管理", "预算执行率", 6, 5.5, note="执行率97.63%"),
        ind("部门管理", "资金管理", "公用经费控制率", 4, 4), ind("部门管理", "资金管理", "“三公经费”变动率", 4, 4),
        ind("部门管理", "资金管理", "政府采购执行率", 4, 3, note="1项采购未按计划执行"),
        ind("部门管理", "资产管理", "资产管理规范性", 6, 5, note="资产卡片登记不全"),
        ind("部门管理", "信息公开", "预决算信息公开性", 6, 6),
        ind("部门绩效", "履职效果", "重点工作完成率", 15, 14), ind("部门绩效", "履职效果", "社区服务覆盖率", 10, 9),
        ind("部门绩效", "社会效应", "居民满意度", 10, 9.5), ind("部门绩效", "可持续影响", "长效管理机制", 10, 8),
    ]
    total = sum(i.score for i in inds)
    budget_table = [[C("资金（万元）"), C("年初预算数"), C("全年预算数"), C("全年支出数"), C("执行率")],
                    [C("部门整体支出"), C(wan(B0, 2)), C(wan(B, 2)), C(wan(E, 2)), C(pct(r))]]
    score = score_table(inds, ["l1", "l2", "l3", "weight", "score", "note"],
                        heads={"weight": "权重(%)", "score": "自评得分"}, merge=False)
    blocks = ["一、部门基本情况",
              "常德市武陵区芙蓉街道办事处为武陵区人民政府派出机构，内设党政综合办公室等8个办室，2021年末实有人数76人。",
              "二、部门整体支出情况", Table(budget_table),
              "三、部门整体支出绩效自评评分表", Table(score),
              f"四、自评结论：2021年度部门整体支出绩效自评得分{total}分，等级为“优秀”。评分结果90分（含）以上为优秀，"
              "75分（含）至90分为良好，60分（含）至75分为合格，60分以下为不合格。"]
    return Report("hn_changde_wuling_furongjiedao_bumenzhengti_2021", "docx",
                  "部门整体支出 自评 (Hunan), no project name; score table with 权重(%) instead of 分值 and 自评得分, "
                  "一级/二级 names REPEATED on every row (no merged cells); 合计 row; bands 90/75/60 with 优秀/良好/合格/不合格 "
                  "(stated 优秀 → 优). Budget table 年初 / 全年预算数 / 全年支出数 / 执行率.",
                  "常德市武陵区芙蓉街道办事处2021年度部门整体支出绩效自评报告", None,
                  "常德市武陵区芙蓉街道办事处", "常德市武陵区", 2021, blocks, Budget(B, E, r), inds, total,
                  Grade("优", bands))


def doc_sc_shunqing():
    B, E = 3860000, 3512600
    r = rate(E, B)
    inds = [
        ind("决策", "项目立项", "立项依据充分性", 4, 4, note="依据充分"), ind("决策", "项目立项", "立项程序规范性", 3, 3),
        ind("决策", "绩效目标", "绩效目标合理性", 4, 3, note="目标与资金量匹配不足"),
        ind("决策", "绩效目标", "绩效指标明确性", 4, 3, note="质量指标未细化"),
        ind("过程", "资金管理", "资金到位率", 5, 5), ind("过程", "资金管理", "预算执行率", 5, 4, note="执行率91%"),
        ind("过程", "资金管理", "资金使用合规性", 5, 5), ind("过程", "组织实施", "管理制度健全性", 5, 4),
        ind("过程", "组织实施", "制度执行有效性", 5, 4),
        ind("产出", "产出数量", "土壤改良面积完成率", 10, 10), ind("产出", "产出数量", "测土配方施肥覆盖率", 8, 7),
        ind("产出", "产出质量", "耕地质量等级提升", 7, 5, note="提升0.3等，目标0.5等"),
        ind("产出", "产出时效", "任务完成及时性", 5, 5),
        ind("效益", "经济效益", "亩均节本增效", 8, 7), ind("效益", "生态效益", "化肥使用量减少", 8, 6),
        ind("效益", "满意度", "种植户满意度", 14, 13),
    ]
    total = sum(i.score for i in inds)
    budget_table = [[C("项目资金（元）"), C("预算数"), C("到位数"), C("实际支出数"), C("执行率")],
                    [C("省级财政资金"), C(yuan_c(B)), C(yuan_c(B)), C(yuan_c(E)), C(pct(r))]]
    score = score_table(inds, ["l1", "l2", "l3", "score", "weight", "note"], heads={"note": "评分依据"},
                        l1_label=lambda n, w: f"{n}（{w}分）")
    blocks = ["四川明信会计师事务所受南充市顺庆区财政局委托，对南充市顺庆区农业农村局2023年度耕地质量保护与提升项目开展绩效评价。",
              "一、项目资金投入和使用情况", Table(budget_table),
              "二、绩效评价指标体系及评分", Table(score),
              f"三、评价结论：该项目绩效评价综合得分{total}分，评价等级为“良”。" + BANDS_2020_TEXT]
    return Report("sc_nanchong_shunqing_gengdizhiliang_pingjia_2023", "docx", "third-party 评分表 with 得分 BEFORE 分值 and a 评分依据 column, "
                  "一级 '决策（15分）' and 二级 merged (DOCX merges); 合计 row; budget table in 元 with 千分位 "
                  "(3,860,000.00 / 3,512,600.00 → 91.00%).",
                  "顺庆区2023年度耕地质量保护与提升项目绩效评价报告", "耕地质量保护与提升项目",
                  "南充市顺庆区农业农村局", "南充市顺庆区", 2023, blocks, Budget(B, E, r, "省级财政资金"), inds, total,
                  Grade("良", BANDS_2020))


def doc_hun_qiyang():
    B, E = 15600000, 14986000
    r = rate(E, B)
    inds = [
        ind("共性指标", "项目决策", "决策依据", 3, 3), ind("共性指标", "项目决策", "决策程序", 3, 3),
        ind("共性指标", "项目决策", "资金分配", 4, 3.5),
        ind("共性指标", "绩效目标", "目标内容", 5, 4.5), ind("共性指标", "绩效目标", "目标细化", 5, 4),
        ind("共性指标", "项目管理", "资金到位", 2, 2), ind("共性指标", "项目管理", "资金使用", 3, 3),
        ind("共性指标", "项目管理", "财务管理", 2, 1.5), ind("共性指标", "项目管理", "项目执行", 3, 2.5),
        ind("特性指标", "项目绩效", "产出数量", 5, 5), ind("特性指标", "项目绩效", "产出质量", 5, 5),
        ind("特性指标", "项目绩效", "产出时效", 5, 4), ind("特性指标", "项目绩效", "产出成本", 5, 4.5),
        ind("特性指标", "项目效益", "经济效益", 15, 14), ind("特性指标", "项目效益", "社会效益", 15, 14.5),
        ind("特性指标", "项目效益", "可持续影响", 10, 9), ind("特性指标", "项目效益", "服务对象满意度", 10, 9.2),
    ]
    total = sum(i.score for i in inds)
    bands = [("优", 90, None), ("良", 75, 90), ("合格", 60, 75), ("不合格", None, 60)]
    budget_table = [[C("资金来源"), C("下达数（万元）"), C("执行数（万元）"), C("执行率")],
                    [C("中央财政补贴资金"), C(wan(B)), C(wan(E)), C(pct(r))]]
    score = score_table(inds, ["l1", "l2", "l3", "weight", "score", "note"],
                        heads={"weight": "分值", "score": "自评得分", "note": "评分说明"},
                        l1_label=lambda n, w: f"{n}（{w}分）")
    blocks = ["祁阳县农业农村局2019年度农机购置补贴项目绩效自评报告",
              "按照《湖南省财政厅关于开展2019年度省级财政专项资金绩效自评工作的通知》要求，祁阳县农业农村局对2019年度农机购置"
              "补贴项目开展了绩效自评。",
              "一、项目资金情况", Table(budget_table),
              "二、绩效自评评分表", Table(score),
              f"三、自评结论：本项目自评得分{total}分，自评等级为“优”。90分以上（含90分）为优，75分（含）至90分为良，"
              "60分（含）至75分为合格，60分以下为不合格。"]
    return Report("hun_yongzhou_qiyang_nongjibutie_zipingbiao_2019", "docx",
                  "Hunan 共性指标 30 / 特性指标 70 self-assessment (项目决策 10, 绩效目标 10, 项目管理 10; 项目绩效 20, 项目效益 50), "
                  "一级 and 二级 merged in the DOCX, 评分说明 column left blank; 合计 row; budget table by source with one source.",
                  "祁阳县农业农村局2019年度农机购置补贴项目绩效自评报告", "农机购置补贴项目", "祁阳县农业农村局",
                  "祁阳县", 2019, blocks, Budget(B, E, r, "中央财政补贴资金"), inds, total, Grade("优", bands))


def doc_sc_yuechi():
    B0, B, E = 18500000, 20364000, 19895600
    r = rate(E, B)
    es = execution_score(E, B)
    inds = [
        ind("产出指标", "数量指标", "医疗救助人次", 15, 15, "≥2.6万人次", "2.71万人次"),
        ind("产出指标", "数量指标", "资助参保人数", 10, 9.95, "≥4.2万人", "4.18万人", "部分对象已在外地参保"),
        ind("产出指标", "质量指标", "救助对象认定准确率", 10, 10, "≥98%", "99.2%"),
        ind("产出指标", "时效指标", "救助资金按时拨付率", 8, 8, "≥95%", "96%"),
        ind("产出指标", "成本指标", "救助标准执行符合率", 7, 7, "=100%", "100%"),
        ind("效益指标", "社会效益指标", "因病致贫返贫发生率", 15, 15, "≤1%", "0.6%"),
        ind("效益指标", "可持续影响指标", "救助政策持续实施年限", 15, 15, "≥3年", "3年"),
        ind("满意度指标", "服务对象满意度指标", "救助对象满意度", 10, 9.78, "≥90%", "88%", "经办窗口等候时间较长"),
    ]
    rows_ = self_assessment_rows(10, es, inds)
    total = sum(i.score for i in rows_)
    rows = [[C("部门预算项目支出绩效自评表", colspan=8)], [C("（2023年度）", colspan=8)],
            [C("项目名称"), C("城乡医疗救助项目", colspan=7)],
            [C("主管部门"), C("岳池县医疗保障局", colspan=3), C("实施单位", colspan=2), C("岳池县医疗保障事务中心", colspan=2)],
            [C("项目资金（万元）"), C("年初预算数"), C("调整后预算数"), C("预算执行数"), C("预算执行率"), C("权重"), C("得分"),
             C("执行率未达到90%的需说明原因")],
            [C("总额"), C(wan(B0, 2)), C(wan(B, 2)), C(wan(E, 2)), C(pct(r)), C(10), C(es), C("")],
            [C("其中：财政资金"), C(wan(B0, 2)), C(wan(B, 2)), C(wan(E, 2)), C(pct(r)), C("—"), C("—"), C("")],
            [C("财政专户管理资金"), C("0.00"), C("0.00"), C("0.00"), C(""), C("—"), C("—"), C("")],
            [C("单位资金"), C("0.00"), C("0.00"), C("0.00"), C(""), C("—"), C("—"), C("")],
            [C("其他资金"), C(""), C(""), C(""), C(""), C("—"), C("—"), C("")],
            [C("绩效指标（90分）", rowspan=1 + len(inds)), C("一级指标"), C("二级指标"), C("三级指标"), C("指标值"),
             C("实际完成值"), C("权重"), C("得分")]]
    pos = 0
    for l1, n1 in runs(inds, lambda x: x.level1):
        group = inds[pos:pos + n1]
        pos += n1
        p = 0
        for l2, n2 in runs(group, lambda x: x.level2):
            for k, it in enumerate(group[p:p + n2]):
                r_ = []
                if p == 0 and k == 0:
                    r_.append(C(l1, rowspan=n1))
                if k == 0:
                    r_.append(C(l2, rowspan=n2))
                r_ += [C(it.name), C(it.target), C(it.actual), C(it.weight), C(it.score)]
                rows.append(r_)
            p += n2
    rows.append([C("合计", colspan=6), C(10 + sum(i.weight for i in inds)), C(total)])
    blocks = ["四川省广安市岳池县医疗保障事务中心", Table(rows), f"评价结论：岳池县医疗保障事务中心2023年度城乡医疗救助项目自评得分{total}分，自评等级为“优”。"]
    rep = Report("sc_guangan_yuechi_yiliaojiuzhu_zipingbiao_2023", "xlsx",
                 "Sichuan 2023 部门预算项目支出绩效自评表 as XLSX with merged ranges: 年初预算数 / 调整后预算数 / 预算执行数 / "
                 "预算执行率 / 权重 / 得分; rows 总额, 财政资金, 财政专户管理资金, 单位资金, 其他资金 (blank); figures typed as "
                 "numbers, the rate as a number formatted 0.00%; 绩效指标（90分） block with 权重; 合计 row. No bands in the text.",
                 "岳池县医疗保障事务中心2023年度城乡医疗救助项目支出绩效自评表", "城乡医疗救助项目",
                 "岳池县医疗保障事务中心", "四川省广安市岳池县", 2023, blocks, Budget(B, E, r, "财政资金"), rows_, total,
                 Grade("优"), xlsx_percent_as_number=True, extra_checks=["funding_sources_sum"])
    return rep


def doc_hb_qingyuan():
    name = "hb_baoding_qingyuan_nongcunlaji_zipingbiao_2021"
    funds = [FundRow("年度资金总额", 4800000, 5260000, 4997000),
             FundRow("其中：当年财政拨款", 4800000, 5260000, 4997000),
             FundRow("上年结转资金", 0, 0, 0),
             FundRow("其他资金", 0, 0, 0)]
    check_funds(name, funds)
    B, E = 5260000, 4997000
    r = rate(E, B)
    es = execution_score(E, B, places=1)
    inds = [
        ind("产出指标", "数量指标", "垃圾收运覆盖行政村数", 15, 15, "≥185个", "185个"),
        ind("产出指标", "数量指标", "配置垃圾收集箱数量", 10, 9.5, "≥3700个", "3520个", "部分收集箱到货延迟"),
        ind("产出指标", "质量指标", "垃圾无害化处理率", 10, 10, "≥95%", "96.8%"),
        ind("产出指标", "时效指标", "日产日清及时率", 8, 7.7, "≥95%", "92%", "冬季部分路段清运延迟"),
        ind("产出指标", "成本指标", "吨垃圾收运成本", 7, 7, "≤180元", "176元"),
        ind("效益指标", "生态效益指标", "村庄环境卫生达标率", 15, 15, "≥90%", "91%"),
        ind("效益指标", "社会效益指标", "群众环境卫生意识", 10, 8, "明显提升", "有所提升", "宣传覆盖面不足"),
        ind("效益指标", "可持续影响指标", "长效保洁机制运行", 5, 5, "长期", "长期"),
        ind("满意度指标", "服务对象满意度指标", "村民满意度", 10, 10, "≥90%", "92%"),
    ]
    rows_ = self_assessment_rows(10, es, inds)
    total = sum(i.score for i in rows_)
    table = central_form("农村生活垃圾治理项目", "保定市清苑区城市管理综合行政执法局", "保定市清苑区环境卫生服务中心",
                         "项目资金（元）", funds, lambda v: str(v), 10, pct(r), es,
                         "实现185个行政村生活垃圾收运全覆盖，配置收集箱3700个。",
                         "185个行政村全覆盖，配置收集箱3520个，无害化处理率96.8%。", inds, total, year_row="（2021年度）")
    blocks = ["项目支出绩效自评表", Table(table),
              f"自评结论：本项目2021年度自评得分{total}分。" + BANDS_2020_TEXT + "自评等级为“优”。"]
    return Report(name, "xlsx", "central 2020 自评表 as XLSX with merged ranges; the budget block in 元 (header "
                  "'项目资金（元）', 5260000 / 4997000 → 95.00%), not 万元; scores one decimal.",
                  "保定市清苑区2021年度农村生活垃圾治理项目支出绩效自评表", "农村生活垃圾治理项目",
                  "保定市清苑区环境卫生服务中心", "保定市清苑区", 2021, blocks, Budget(B, E, r), rows_, total,
                  Grade("优", BANDS_2020), extra_checks=["funding_sources_sum"])


def doc_hlj_nianzishan():
    B, E = 6425000, 5486600
    r = rate(E, B)
    inds = [
        ind("决策", "项目立项", "立项依据充分性", 4, 4), ind("决策", "项目立项", "立项程序规范性", 4, 4),
        ind("决策", "绩效目标", "绩效目标合理性", 4, 3.2), ind("决策", "绩效目标", "绩效指标明确性", 4, 3.0),
        ind("决策", "资金投入", "预算编制科学性", 4, 3.5),
        ind("过程", "资金管理", "资金到位率", 4, 4), ind("过程", "资金管理", "预算执行率", 4, 3.4),
        ind("过程", "资金管理", "资金使用合规性", 4, 4), ind("过程", "组织实施", "管理制度健全性", 4, 3.5),
        ind("过程", "组织实施", "制度执行有效性", 4, 3.0),
        ind("产出", "产出数量", "防火隔离带建设完成率", 10, 10), ind("产出", "产出数量", "扑火物资储备完成率", 5, 4.5),
        ind("产出", "产出质量", "瞭望塔监测设备完好率", 8, 7.2), ind("产出", "产出时效", "防火期前完成率", 7, 7),
        ind("效益", "社会效益", "森林火灾受害率控制", 10, 10), ind("效益", "生态效益", "森林覆盖率保持", 10, 9.0),
        ind("效益", "满意度", "林区群众满意度", 10, 8.6),
    ]
    standards = {"预算执行率": "得分=执行率×分值", "资金到位率": "到位率100%得满分",
                 "林区群众满意度": "满意度≥95%得满分，每降低1%扣0.2分", "防火隔离带建设完成率": "完成率×分值"}
    total = sum(i.score for i in inds)
    budget_rows = [[C("项目资金（万元）"), C("预算数"), C("执行数"), C("执行率")],
                   [C("市级财政资金"), C(wan(B, 2)), C(wan(E, 2)), C(pct(r))]]
    score = score_table(inds, ["l1", "l2", "l3", "weight", "standard", "score"], heads={"weight": "权重"},
                        subtotals=True, total_label="合计", standards=standards)
    blocks = ["黑龙江省齐齐哈尔市碾子山区森林防火项目绩效评价（委托第三方）",
              "评价单位：黑龙江龙信项目管理咨询有限公司；项目单位：齐齐哈尔市碾子山区林业和草原局。",
              Table(budget_rows), Table(score),
              f"评价结论：综合得分{total}分，等级“优”。" + BANDS_2020_TEXT]
    return Report("hlj_qiqihar_nianzishan_senlinfanghuo_pingjia_2021", "xlsx",
                  "third-party 评价指标体系评分表 in XLSX (权重 | 评分标准 | 得分), 一级 merged ranges over their rows and a 小计 "
                  "row each, 合计 row, scores one decimal; budget block above on the same sheet.",
                  "碾子山区2021年度森林防火项目绩效评价报告", "森林防火项目", "齐齐哈尔市碾子山区林业和草原局",
                  "黑龙江省齐齐哈尔市碾子山区", 2021, blocks, Budget(B, E, r, "市级财政资金"), inds, total,
                  Grade("优", BANDS_2020), extra_checks=["subtotals_match"])


def doc_nmg_songshan():
    B, E = 26800000, 21836600
    r = rate(E, B)
    inds = [
        ind("决策", "项目立项", "立项依据充分性", 5, 5), ind("决策", "项目立项", "立项程序规范性", 5, 5),
        ind("决策", "绩效目标", "绩效目标合理性", 5, 4, note="目标值偏保守"),
        ind("过程", "资金管理", "资金到位率", 5, 5), ind("过程", "资金管理", "预算执行率", 5, 3, note="执行率81.48%"),
        ind("过程", "资金管理", "资金使用合规性", 5, 5), ind("过程", "组织实施", "管理制度健全性", 5, 5),
        ind("过程", "组织实施", "制度执行有效性", 5, 4, note="监理日志不完整"),
        ind("产出", "产出数量", "管网铺设长度完成率", 10, 10), ind("产出", "产出质量", "管网闭水试验合格率", 10, 10),
        ind("产出", "产出时效", "工程完工及时性", 10, 7, note="延期2个月完工"),
        ind("效益", "生态效益", "污水收集率提升", 15, 13, note="部分小区未接入"),
        ind("效益", "社会效益", "沿线居民出行影响", 5, 5),
        ind("效益", "", "周边居民满意度", 10, 8, note="满意度86%"),
    ]
    total = sum(i.score for i in inds)
    budget_rows = [[C("资金情况（万元）"), C("预算数"), C("实际支出"), C("执行率")],
                   [C("地方政府专项债券资金"), C(wan(B, 2)), C(wan(E, 2)), C(pct(r))]]
    score = score_table(inds, ["l1", "l2", "l3", "weight", "score", "note"],
                        heads={"weight": "权重(%)", "note": "扣分说明"}, two_line_header=True, total_label="总分")
    blocks = ["赤峰市松山区住房和城乡建设局：", "根据《内蒙古自治区本级项目支出绩效评价管理办法》，我公司对赤峰市松山区住房和城乡建设局"
              "2020年度城区排污管网改造工程项目进行了绩效评价，现将评价结果报告如下。",
              Table(budget_rows), Table(score),
              f"本项目绩效评价得分{total}分，绩效评价等级为“良”。" + BANDS_2020_TEXT]
    return Report("nmg_chifeng_songshan_paiwuguanwang_pingjia_2020", "xlsx",
                  "评分表 in XLSX with a two-line merged header (评价指标 over 一级/二级/三级; 权重(%), 得分, 扣分说明 spanning "
                  "both lines), 一级 and 二级 merged; a BLANK 二级 cell on the 满意度 row; 扣分说明 blank on full-score rows; "
                  "总分 row. Budget: 专项债券 2680万, spent 2183.66万 → 81.48%.",
                  "松山区2020年度城区排污管网改造工程项目绩效评价报告", "城区排污管网改造工程项目",
                  "赤峰市松山区住房和城乡建设局", "赤峰市松山区", 2020, blocks,
                  Budget(B, E, r, "地方政府专项债券资金"), inds, total, Grade("良", BANDS_2020))


def doc_js_shuyang():
    name = "js_suqian_shuyang_nongcunbaojie_zipingbiao_2022"
    funds = [FundRow("年度资金总额", 5360000, 5360000, 5214000),
             FundRow("其中：当年财政拨款", 5360000, 5360000, 5214000),
             FundRow("上年结转资金", 0, 0, 0),
             FundRow("其他资金", 0, 0, 0)]
    check_funds(name, funds)
    B, E = 5360000, 5214000
    r = rate(E, B)
    es = execution_score(E, B)
    inds = [
        ind("产出指标", "数量指标", "保洁覆盖行政村数量", 10, 10, "≥40个", "40个"),
        ind("产出指标", "数量指标", "配备保洁员人数", 10, 9.85, "≥520人", "512人", "8人离岗待补"),
        ind("产出指标", "质量指标", "农村主次干道及河塘沟渠\n保洁达标率", 10, 10, "≥90%", "92%"),
        ind("产出指标", "时效指标", "保洁经费按季拨付及时率", 10, 10, "=100%", "100%"),
        ind("产出指标", "成本指标", "人均保洁经费", 10, 10, "≤8000元/年", "7950元/年"),
        ind("效益指标", "社会效益指标", "村庄环境长效管理水平", 15, 15, "有效提升", "有效提升"),
        ind("效益指标", "生态效益指标", "农村生活垃圾集中收运率", 15, 14.84, "≥95%", "94%", "偏远自然村收运频次不足"),
        ind("满意度指标", "服务对象满意度指标", "村民满意度", 10, 10, "≥90%", "95%"),
    ]
    rows_ = self_assessment_rows(10, es, inds)
    total = sum(i.score for i in rows_)
    table = central_form("农村人居环境长效管护项目", "沭阳县农业农村局", "沭阳县农村人居环境管护中心", "项目资金（万元）",
                         funds, lambda v: wan(v, 2), 10, pct(r), es,
                         "40个行政村保洁全覆盖，配备保洁员520人。", "40个行政村全覆盖，保洁员512人。", inds, total)
    blocks = ["江苏省宿迁市沭阳县", Table(table),
              f"自评得分{total}分，自评结论为“优”。"]
    rep = Report(name, "txt", "central 2020 自评表 as a PDF text layer gives it (pdftotext -layout): columns separated by "
                 "runs of spaces, merged cells written once on their first row; the 质量指标 row's 三级 name WRAPS onto a "
                 "second line ('农村主次干道及河塘沟渠' / '保洁达标率'); no bands in the text.",
                 "沭阳县2022年度农村人居环境长效管护项目支出绩效自评表", "农村人居环境长效管护项目",
                 "沭阳县农村人居环境管护中心", "江苏省宿迁市沭阳县", 2022, blocks, Budget(B, E, r), rows_, total,
                 Grade("优"), extra_checks=["funding_sources_sum"])
    return rep


def doc_yn_luliang():
    B, E = 23186000, 22153200
    r = rate(E, B)
    flat = [("项目立项规范性", 8, 8, ""), ("绩效目标合理性", 7, 6, "部分指标未量化"), ("资金到位率", 6, 6, ""),
            ("预算执行率", 8, 7, "执行率95.55%"), ("资金使用合规性", 6, 6, ""), ("管理制度健全性", 5, 4, "考核办法未及时修订"),
            ("居民健康档案建档率", 10, 10, ""), ("老年人健康管理率", 10, 9, "管理率68%，低于目标70%"),
            ("慢性病规范管理率", 10, 8, "高血压规范管理率偏低"), ("服务完成及时性", 8, 8, ""),
            ("群众健康素养提升", 12, 10, "健康教育覆盖不足"), ("服务对象满意度", 10, 9, "满意度91%")]
    inds = [ind("", "", n, w, s, note=note) for n, w, s, note in flat]
    summed = sum(i.score for i in inds)
    stated = summed + 2  # the 总分 row is two points above its rows
    rows = [[C("指标"), C("分值"), C("得分"), C("扣分原因")]]
    rows += [[C(i.name), C(i.weight), C(i.score), C(i.note)] for i in inds]
    rows.append([C("总分"), C(100), C(stated), C("")])
    blocks = ["陆良县卫生健康局：",
              "受陆良县财政局委托，云南滇信会计师事务所对陆良县卫生健康局2021年度基本公共卫生服务项目进行了绩效评价。",
              f"项目预算资金{wan_c(B)}万元，实际支出{wan_c(E)}万元，预算执行率{r}%。",
              "绩效评价评分表", Table(rows),
              f"评价结论：综合得分{stated}分，评价等级为“优”。" + BANDS_2020_TEXT]
    return Report("yn_qujing_luliang_jibengonggongweisheng_pingjia_2021", "txt",
                  "four-column flat table (指标 | 分值 | 得分 | 扣分原因), no level-1/2 names, as a PDF text layer with columns "
                  "separated by spaces; budget in prose (千分位 万元). DAMAGE: the 总分 row states "
                  f"{stated} while the rows add up to {summed}: the expected record holds the stated figure and "
                  "indicator_scores_sum must fail (both figures fall in 优).",
                  "陆良县2021年度基本公共卫生服务项目绩效评价报告", "基本公共卫生服务项目", "陆良县卫生健康局",
                  "陆良县", 2021, blocks, Budget(B, E, r), inds, stated, Grade("优", BANDS_2020),
                  sums_hold=False)


def doc_jx_ruijin():
    B, E = 12800000, 11520000
    r = rate(E, B)
    inds = [
        ind("决策", "项目立项", "立项依据充分性", 3, 3), ind("决策", "项目立项", "立项程序规范性", 3, 3),
        ind("决策", "绩效目标", "绩效目标合理性", 3, 2), ind("决策", "绩效目标", "绩效指标明确性", 3, 2.5),
        ind("决策", "资金投入", "预算编制科学性", 3, 3),
        ind("过程", "资金管理", "资金到位率", 3, 3), ind("过程", "资金管理", "预算执行率", 5, 4),
        ind("过程", "资金管理", "资金使用合规性", 4, 4), ind("过程", "组织实施", "管理制度健全性", 4, 3),
        ind("过程", "组织实施", "制度执行有效性", 4, 3.5),
        ind("产出", "产出数量", "培训班次完成率", 10, 10), ind("产出", "产出数量", "培训人次完成率", 8, 8),
        ind("产出", "产出质量", "学员考核合格率", 9, 8), ind("产出", "产出时效", "培训计划按期完成率", 8, 7),
        ind("效益", "社会效益", "培训成果转化应用", 12, 10), ind("效益", "可持续影响", "培训基地长效运营", 8, 6.5),
        ind("效益", "满意度", "参训学员满意度", 10, 9),
    ]
    total = sum(i.score for i in inds)
    score = score_table(inds, ["l1", "l2", "l3", "weight", "score"], merge=False, total_label="合计")
    blocks = ["赣州市瑞金市干部教育培训中心2023年度红色教育培训项目绩效评价报告",
              "（一）项目概况", f"项目预算{wan(B)}万元，实际支出{wan(E)}万元，预算执行率{r}%。项目由瑞金市干部教育培训中心实施。",
              "（二）评价指标体系及评分",
              Table(score, text_style="glued"),
              f"（三）评价结论：综合得分{total}分，评价等级为“良”。" + BANDS_2020_TEXT]
    return Report("jx_ganzhou_ruijin_hongsejiaoyupeixun_pingjia_2023", "txt",
                  "评分表 as a text layer that GLUES the cells of each row ('决策项目立项立项依据充分性33', total '合计10089.5'), "
                  "一级/二级 repeated on every row; weights and scores must be split by the sums (Σw = 100, Σs = 89.5). "
                  "Budget in prose.",
                  "瑞金市2023年度红色教育培训项目绩效评价报告", "红色教育培训项目", "瑞金市干部教育培训中心",
                  "赣州市瑞金市", 2023, blocks, Budget(B, E, r), inds, total, Grade("良", BANDS_2020))


def doc_gx_lingui():
    name = "gx_guilin_lingui_shuiguochanye_zipingbiao_2020"
    funds = [FundRow("年度资金总额", 3000000, 3000000, 2887500),
             FundRow("其中：当年财政拨款", 3000000, 3000000, 2887500),
             FundRow("上年结转资金", 0, 0, 0),
             FundRow("其他资金", 0, 0, 0)]
    check_funds(name, funds)
    B, E = 3000000, 2887500
    r = rate(E, B)
    es = execution_score(E, B)
    inds = [
        ind("产出指标", "数量指标", "建设标准化果园面积", 15, 15, "≥5000亩", "5200亩"),
        ind("产出指标", "数量指标", "推广水肥一体化设施", 10, 9, "≥60套", "54套", "部分农户自筹资金未到位"),
        ind("产出指标", "质量指标", "种苗成活率", 10, 10, "≥95%", "96%"),
        ind("产出指标", "时效指标", "项目建设完成时限", 8, 8, "2020年12月前", "2020年12月"),
        ind("产出指标", "成本指标", "亩均补助标准", 7, 7, "≤500元", "500元"),
        ind("效益指标", "经济效益指标", "带动果农户均增收", 10, 10, "≥1500元", "1620元"),
        ind("效益指标", "社会效益指标", "带动脱贫户数量", 10, 9.5, "≥300户", "286户", "部分脱贫户转产"),
        ind("效益指标", "生态效益指标", "化肥减量使用率", 10, 9, "≥10%", "9%", "推广培训覆盖不足"),
        ind("满意度指标", "服务对象满意度指标", "果农满意度", 10, 10, "≥90%", "94%"),
    ]
    rows_ = self_assessment_rows(10, es, inds)
    total = sum(i.score for i in rows_)
    table = central_form("水果产业提质增效项目", "桂林市临桂区农业农村局", "桂林市临桂区水果生产技术指导站",
                         "项目资金（万元）", funds, lambda v: wan(v, 2), 10, pct(r), es,
                         "建设标准化果园5000亩，推广水肥一体化设施60套。", "建成标准化果园5200亩，推广设施54套。",
                         inds, total, l1_label=lambda n, w: f"{n}（{w}分）", year_row="（2020年度）")
    blocks = [Table(table, text_style="stream")]
    return Report(name, "txt", "central 2020 自评表 flattened into ONE run of words (a DOCX/HTML converter's text: cells "
                  "separated by single spaces, rows not separated), ALL digits, points and percent signs FULL-WIDTH "
                  "(３００．００, ９６．２５％); no grade stated.",
                  "广西壮族自治区桂林市临桂区项目支出绩效自评表", "水果产业提质增效项目",
                  "桂林市临桂区水果生产技术指导站", "广西壮族自治区桂林市临桂区", 2020, blocks, Budget(B, E, r), rows_,
                  total, Grade(None), full_width=True, extra_checks=["funding_sources_sum"])


DOCS = [doc_gd_wujiang, doc_zj_jinyun, doc_sx_yanhu, doc_gs_qinzhou,
        doc_ah_yingzhou, doc_hn_wuling, doc_sc_shunqing, doc_hun_qiyang,
        doc_sc_yuechi, doc_hb_qingyuan, doc_hlj_nianzishan, doc_nmg_songshan,
        doc_js_shuyang, doc_yn_luliang, doc_jx_ruijin, doc_gx_lingui]


def main():
    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    names = set()
    per_format: dict[str, int] = {}
    for make in DOCS:
        rep = make()
        for i in rep.indicators:
            i.name = i.name.replace("\n", "")
        check(rep)
        assert rep.name not in names
        names.add(rep.name)
        per_format[rep.fmt] = per_format.get(rep.fmt, 0) + 1
        path = OUT / f"{rep.name}.{rep.fmt}"
        if rep.fmt == "html":
            path.write_text(render_html(rep), encoding="utf-8")
        elif rep.fmt == "docx":
            write_docx(rep, path)
        elif rep.fmt == "xlsx":
            write_xlsx(rep, path)
        else:
            path.write_text(render_text(rep), encoding="utf-8")
        (OUT / "expected" / f"{rep.name}.json").write_text(
            json.dumps(expected(rep), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(rep.indicators)} rows, total {rep.total_score}"
              + (f", budget {rep.budget.budget_yuan} rate {rep.budget.rate}" if rep.budget else ""))
    assert len(names) == 16 and all(n >= 4 for n in per_format.values()), per_format


if __name__ == "__main__":
    main()

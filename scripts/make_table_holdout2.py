"""A second held-out set of score-table layouts, written from the domain notes and the published forms
without sight of the extractor (and of the first table set), to measure how it reads score tables and
budget blocks it was not tuned on.

    python scripts/make_table_holdout2.py

writes samples/table_holdout2/NAME.EXT and samples/table_holdout2/expected/NAME.json.

Fourteen invented but realistic reports from provinces the other sets seldom use (山东 河南 新疆 湖北 贵州
陕西 天津 重庆 吉林 辽宁 福建 海南 青海 西藏), in five formats: HTML (rowspan/colspan), DOCX (merged
cells), XLSX (merged ranges), plain text as a PDF text layer gives it (space-separated columns with the
table split over two pages and its header repeated; cells glued together with full-width digits), and
PDF made with reportlab (two ruled, one unruled and spread over two pages with the header repeated).
Layouts: the central 2020 项目支出绩效自评表, a 湖北-style variant with a 序号 column and '10分'/'9.5分'
cells, a 中央对地方转移支付区域绩效自评表 (年度金额 / 中央补助 / 地方资金), a third-party 评价指标体系评分表
with codes A11, 权重 and 评分标准 columns, two-line header and 小计 rows, a 部门整体支出 form with
基本支出/项目支出 rows and 一级指标 repeated on each row, a four-column flat table, 得分 before 分值,
权重(%) with a long 指标解释 column and no total row, a 扣分 column instead of 得分, 元 and 万元 budgets.
Damage: a row wrapped over two lines, blank cells, full-width digits, glued cells, and a 合计 row that
does not add up in sx_hanzhong and qh_hualong (their records hold the stated totals and expect
indicator_scores_sum to fail).

Every figure in a document and in its expected record comes from the same numbers below; asserts keep
the arithmetic exact. Expected records hold only what the document clearly states: indicator rows are
the table's leaf rows in order (name, level-1/level-2 names, code where printed, weight, score); on
self-assessment forms the budget-execution row is the first indicator (SPEC.md); where the table prints
only a 扣分 column, the rows' scores are null (the document does not print them).

First run of the extractor on this set (commit 772e274's tree, other helpers' uncommitted changes present),
scored with shared/tools/score_record.py: 464/539 fields; 10 of 14 score tables read exactly; indicator
weight+score pairs 152/178, names 150/178, row counts 11/14; budget and executed 11/14 each, rates 14/14;
total_score 13/14; both must-fail checks fail as they should. Misses: jl_yanji (扣分 table, 7/32),
qh_hualong (小计 rows taken as indicators, 23/45), ln_dandong (table lost after the page break, 30/48),
fj_ningde (glued full-width cells, 27/32), xj_changji (转移支付 资金情况 block: no budget).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from unicodedata import east_asian_width

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "table_holdout2"
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")

D = Decimal


# --------------------------------------------------------------------------------------------- numbers
def num(x):
    d = D(str(x))
    return int(d) if d == d.to_integral_value() else float(d)


def fmt(x) -> str:
    """A score or weight as a table prints it: '10', '9.5'."""
    return format(D(str(x)).normalize(), "f")


def rate(executed, budget, places=2) -> str:
    q = D(1).scaleb(-places)
    e, b = (D(str(x).replace(",", "")) for x in (executed, budget))
    return str((e * 100 / b).quantize(q, rounding=ROUND_HALF_UP))


def wan_yuan(wan) -> int | float:
    return num(D(str(wan)) * 10000)


FULL = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def full_width(text: str) -> str:
    return text.translate(FULL)


# --------------------------------------------------------------------------------------------- rows
@dataclass
class Ind:
    """One leaf row of a score table."""
    l1: str
    l2: str
    l3: str
    weight: object
    score: object
    target: str = ""
    actual: str = ""
    note: str = ""
    code: str = ""

    @property
    def name(self) -> str:
        return self.l3 or self.l2 or self.l1


def leaves_sum(rows, attr):
    return sum(D(str(getattr(r, attr))) for r in rows)


def groups(rows, key):
    out: dict[str, list[Ind]] = {}
    for r in rows:
        out.setdefault(key(r), []).append(r)
    return out


@dataclass
class Cell:
    text: str
    rs: int = 1
    cs: int = 1


@dataclass
class Grid:
    """A table as HTML writes it: rows of cells, merged cells spanning rows/columns."""
    rows: list
    header_rows: int = 1
    ruled: bool = True


@dataclass
class Doc:
    name: str
    blocks: list = field(default_factory=list)  # str paragraphs and Grid tables


def place(grid: Grid):
    """Cell positions (row, col, rowspan, colspan, text), skipping slots covered by a span above."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            cell = cell if isinstance(cell, Cell) else Cell(str(cell))
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell.rs, cell.cs, cell.text))
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    taken.add((r + dr, c + dc))
            c += cell.cs
    ncols = max(c + cs for _, c, _, cs, _ in out)
    nrows = max(r + rs for r, _, rs, _, _ in out)
    return nrows, ncols, out


# --------------------------------------------------------------------------------------------- writers
def write_html(doc: Doc, path: Path, title: str):
    parts = [f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>"]
    for b in doc.blocks:
        if isinstance(b, str):
            parts.append(f"<p>{b}</p>")
            continue
        parts.append('<table border="1" cellspacing="0">')
        for r, row in enumerate(b.rows):
            tag = "th" if r < b.header_rows else "td"
            cells = []
            for cell in row:
                cell = cell if isinstance(cell, Cell) else Cell(str(cell))
                attrs = (f' rowspan="{cell.rs}"' if cell.rs > 1 else "") + (f' colspan="{cell.cs}"' if cell.cs > 1 else "")
                cells.append(f"<{tag}{attrs}>{cell.text}</{tag}>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    path.write_text("\n".join(parts), encoding="utf-8")


def write_docx(doc: Doc, path: Path):
    import docx

    d = docx.Document()
    for b in doc.blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
            continue
        nrows, ncols, cells = place(b)
        t = d.add_table(rows=nrows, cols=ncols)
        t.style = "Table Grid"
        for r, c, rs, cs, text in cells:
            cell = t.cell(r, c)
            if rs > 1 or cs > 1:
                cell = cell.merge(t.cell(r + rs - 1, c + cs - 1))
            cell.text = text
    d.core_properties.author = "jixiao table_holdout2"
    d.save(path)


NUMERIC = re.compile(r"^\d+(\.\d+)?$")


def write_xlsx(doc: Doc, path: Path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    row0 = 1
    width = max((place(b)[1] for b in doc.blocks if isinstance(b, Grid)), default=1)
    for b in doc.blocks:
        if isinstance(b, str):
            ws.cell(row0, 1, b)
            ws.merge_cells(start_row=row0, start_column=1, end_row=row0, end_column=width)
            row0 += 1
            continue
        nrows, _, cells = place(b)
        for r, c, rs, cs, text in cells:
            value = (float(text) if "." in text else int(text)) if NUMERIC.match(text) else (text or None)
            ws.cell(row0 + r, c + 1, value)
            if rs > 1 or cs > 1:
                ws.merge_cells(start_row=row0 + r, start_column=c + 1,
                               end_row=row0 + r + rs - 1, end_column=c + cs)
        row0 += nrows + 1
    wb.save(path)


def write_pdf(doc: Doc, path: Path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(CJK_FONT), subfontIndex=0))
    body = ParagraphStyle("body", fontName="WQY", fontSize=10.5, leading=16, wordWrap="CJK")
    small = ParagraphStyle("small", fontName="WQY", fontSize=8.5, leading=11, wordWrap="CJK")
    story = []
    for b in doc.blocks:
        if isinstance(b, str):
            story.append(Paragraph(b, body))
            continue
        nrows, ncols, cells = place(b)
        data = [["" for _ in range(ncols)] for _ in range(nrows)]
        style = [("FONTNAME", (0, 0), (-1, -1), "WQY"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for r, c, rs, cs, text in cells:
            data[r][c] = Paragraph(text, small)
            if rs > 1 or cs > 1:
                style.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
        if b.ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        col_w = (A4[0] - 72) / ncols
        story += [Table(data, colWidths=[col_w] * ncols, style=TableStyle(style), repeatRows=b.header_rows),
                  Spacer(1, 8)]
    pdf = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=36, rightMargin=36, topMargin=40, bottomMargin=40,
                            title=doc.name, author="jixiao table_holdout2", invariant=1)
    pdf.build(story)


def disp_width(text: str) -> int:
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def spaced(cells, widths) -> str:
    """A text-layer line: cells padded to column positions with runs of spaces."""
    out = ""
    for text, w in zip(cells, widths):
        out += text + " " * max(2, w - disp_width(text))
    return out.rstrip()


# --------------------------------------------------------------------------------------------- records
def expected(about, report, budget, rows, total_score, grade=None, must_fail=(), total_weight=100,
             with_scores=True):
    ind = []
    for r in rows:
        entry = {"name": r.name, "level1": r.l1, "level2": r.l2 or None, "weight": num(r.weight),
                 "score": num(r.score) if with_scores else None}
        if r.code:
            entry["code"] = r.code
        ind.append(entry)
    out = {"_about": about, "report": report}
    if budget:
        out["budget"] = budget
    out["scores"] = {"indicators": ind, "total_weight": total_weight, "total_score": num(total_score)}
    if total_weight is None:  # no total row: the weights add to 100 but the document does not state it
        del out["scores"]["total_weight"]
    if grade:
        out["grade"] = grade
    if must_fail:
        out["checks_must_fail"] = list(must_fail)
    return out


BANDS_NATIONAL = [{"grade": "优", "min": 90, "max": None}, {"grade": "良", "min": 80, "max": 90},
                  {"grade": "中", "min": 60, "max": 80}, {"grade": "差", "min": None, "max": 60}]


def band_of(score, bands):
    s = D(str(score))
    for b in bands:
        if (b["min"] is None or s >= b["min"]) and (b["max"] is None or s < b["max"]):
            return b["grade"]
    raise AssertionError(score)


def budget_rec(budget_yuan, executed_yuan, rate_text):
    return {"budget_yuan": num(budget_yuan), "executed_yuan": num(executed_yuan), "execution_rate": float(rate_text)}


def check_sums(rows, total, adds_up=True):
    assert leaves_sum(rows, "weight") == 100, leaves_sum(rows, "weight")
    for r in rows:
        assert 0 <= D(str(r.score)) <= D(str(r.weight)), r
    if adds_up:
        assert leaves_sum(rows, "score") == D(str(total)), (leaves_sum(rows, "score"), total)
    else:
        assert leaves_sum(rows, "score") != D(str(total))


# --------------------------------------------------------------------------------------------- table parts
def indicator_body(rows, tail, merge_l1=True, merge_l2=True, l1_text=lambda g, rs: g, lead=lambda i, r: []):
    """Rows of a 一级/二级/三级 table: level-1 (and level-2) cells merged down their group, or repeated."""
    out = []
    l1_groups = groups(rows, lambda r: r.l1)
    seen_l1, seen_l2 = set(), set()
    for i, r in enumerate(rows):
        cells = list(lead(i, r))
        if not merge_l1:
            cells.append(l1_text(r.l1, l1_groups[r.l1]))
        elif r.l1 not in seen_l1:
            seen_l1.add(r.l1)
            cells.append(Cell(l1_text(r.l1, l1_groups[r.l1]), rs=len(l1_groups[r.l1])))
        if r.l2 is not None:
            key = (r.l1, r.l2)
            n2 = sum(1 for x in rows if (x.l1, x.l2) == key)
            if not merge_l2:
                cells.append(r.l2)
            elif key not in seen_l2:
                seen_l2.add(key)
                cells.append(Cell(r.l2, rs=n2))
        cells += tail(r)
        out.append(cells)
    return out


def exec_row(score):
    return Ind("预算执行率", "", "预算执行率", 10, score)


def selfeval_grid(year, project, main_dept, unit, money_unit, money, goal, done, rows, total, note_col=True):
    """The central 2020 项目支出绩效自评表 (财预〔2020〕10号 附件), nine columns."""
    (a0, b0, c0, s0), parts = money
    r0 = rate(c0, b0)
    g = [[Cell("项目支出绩效自评表", cs=9)], [Cell(f"（{year}年度）", cs=9)],
         ["项目名称", Cell(project, cs=8)],
         ["主管部门", Cell(main_dept, cs=3), "实施单位", Cell(unit, cs=4)],
         [Cell(f"项目资金（{money_unit}）", rs=2 + len(parts)), Cell("", cs=2), "年初预算数", "全年预算数",
          "全年执行数", "分值", "执行率", "得分"],
         [Cell("年度资金总额", cs=2), a0, b0, c0, "10", r0 + "%", fmt(s0)]]
    for i, (label, a, b, c) in enumerate(parts):
        g.append([Cell(("其中：" if i == 0 else "") + label, cs=2), a, b, c, "—",
                  (rate(c, b) + "%") if i == 0 else "—", "—"])
    g += [[Cell("年度总体目标", rs=2), Cell("预期目标", cs=4), Cell("实际完成情况", cs=4)],
          [Cell(goal, cs=4), Cell(done, cs=4)]]
    head = [Cell("绩效指标", rs=1 + len(rows)), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
            "分值", "得分", "偏差原因分析及改进措施"]
    body = indicator_body(rows, lambda r: [r.l3, r.target, r.actual, fmt(r.weight), fmt(r.score), r.note])
    g += [head] + body + [[Cell("总分", cs=6), "100", fmt(total), ""]]
    return Grid(g, header_rows=0)


# --------------------------------------------------------------------------------------------- documents
def doc_sd_shouguang():
    year, project = 2022, "蔬菜质量安全追溯体系建设项目"
    unit, main_dept = "寿光市蔬菜产业发展中心", "寿光市农业农村局"
    a0, b0, c0 = "320.00", "350.00", "336.70"
    r0 = rate(c0, b0)
    s0 = D(r0) / 10
    assert r0 == "96.20" and s0 == D("9.62")
    rows = [
        Ind("产出指标", "数量指标", "追溯终端配置数量", 10, 10, "≥120台", "126台"),
        Ind("产出指标", "数量指标", "农残检测样品批次", 10, 10, "≥6000批次", "6230批次"),
        Ind("产出指标", "质量指标", "蔬菜抽检合格率", 10, 10, "≥98%", "98.6%"),
        Ind("产出指标", "时效指标", "追溯平台建成时间", 10, 9, "2022年10月底前", "2022年11月15日", "设备到货延迟，已督促供应商"),
        Ind("产出指标", "成本指标", "单台终端采购成本", 10, 10, "≤1.2万元", "1.15万元"),
        Ind("效益指标", "社会效益指标", "农产品质量安全事件发生数", 15, 15, "=0起", "0起"),
        Ind("效益指标", "可持续影响指标", "追溯平台持续运行年限", 15, 13, "≥5年", "平台运维合同签订3年", "运维经费未落实长期来源"),
        Ind("满意度指标", "服务对象满意度指标", "种植户满意度", 5, 5, "≥90%", "92.5%"),
        Ind("满意度指标", "服务对象满意度指标", "消费者满意度", 5, 4.5, "≥90%", "88%", "宣传覆盖不足"),
    ]
    all_rows = [exec_row(s0)] + rows
    total = D("96.12")
    check_sums(all_rows, total)
    grid = selfeval_grid(year, project, main_dept, unit, "万元",
                         ((a0, b0, c0, s0), [("当年财政拨款", a0, b0, c0), ("上年结转资金", "0", "0", "0"),
                                             ("其他资金", "0", "0", "0")]),
                         "建成覆盖全市主要蔬菜园区的质量安全追溯平台，配置追溯终端不少于120台，全年完成农残检测6000批次以上。",
                         "平台于11月中旬建成运行，配置终端126台，完成检测6230批次，抽检合格率98.6%。", rows, total)
    doc = Doc("sd_shouguang_shucaizhuisu_ziping_2022", [
        "山东省寿光市农业农村局",
        f"{unit}{year}年度项目支出绩效自评结果公开",
        "按照寿光市财政局关于开展2022年度项目支出绩效自评工作的通知要求，我中心对蔬菜质量安全追溯体系建设项目开展了绩效自评，自评表如下。",
        grid,
        f"自评结论：项目自评得分{fmt(total)}分，自评等级为“优”。",
        "填报人：王晓梅　联系电话：0536-5213467　填报日期：2023年3月8日"])
    exp = expected("Central 2020 自评表 in HTML (rowspan/colspan): 一级指标 merged down its rows, 二级 merged where two rows share it. "
                   f"Budget: 全年预算数 {b0}万 is the rate's base: {c0}/{b0} = {r0}% ✓, score 10 × {r0}% = {s0}. "
                   f"Rows: 预算执行率 10 first (SPEC), then 9 indicators; weights 10+50+30+10 = 100, scores {s0}+49+28+9.5 = {total} = 总分 ✓. "
                   "Grade stated 优 in the sentence below the form; no bands given.",
                   {"title": f"{unit}{year}年度项目支出绩效自评结果公开", "project_name": project, "department": unit,
                    "region": "山东省寿光市", "year": year, "kind": "self_assessment"},
                   budget_rec(wan_yuan(b0), wan_yuan(c0), r0), all_rows, total, {"stated": "优"})
    return doc, "html", exp


def doc_hn_xinyang():
    year, project, dept = 2021, "高标准生态茶园建设项目", "信阳市浉河区农业农村局"
    budget, executed = "1860", "1742.35"
    r = rate(executed, budget)
    assert r == "93.67"
    rows = [
        Ind("决策", "项目立项", "立项依据充分性", 3, 3, code="A11"),
        Ind("决策", "项目立项", "立项程序规范性", 3, 3, code="A12"),
        Ind("决策", "绩效目标", "绩效目标合理性", 3, 2, code="A21"),
        Ind("决策", "绩效目标", "绩效指标明确性", 3, 2.5, code="A22"),
        Ind("决策", "资金投入", "预算编制科学性", 3, 2.5, code="A31"),
        Ind("过程", "资金管理", "资金到位率", 4, 4, code="B11"),
        Ind("过程", "资金管理", "预算执行率", 4, 3.7, code="B12"),
        Ind("过程", "资金管理", "资金使用合规性", 4, 3.5, code="B13"),
        Ind("过程", "组织实施", "管理制度健全性", 4, 4, code="B21"),
        Ind("过程", "组织实施", "制度执行有效性", 4, 3, code="B22"),
        Ind("产出", "产出数量", "茶园改造面积完成率", 10, 10, code="C11"),
        Ind("产出", "产出质量", "茶苗栽植成活率", 10, 8.4, code="C21"),
        Ind("产出", "产出时效", "完成及时性", 8, 6, code="C31"),
        Ind("产出", "产出成本", "成本节约率", 7, 7, code="C41"),
        Ind("效益", "项目效益", "经济效益（亩均增收）", 10, 8, code="D11"),
        Ind("效益", "项目效益", "社会效益（带动就业）", 8, 7, code="D12"),
        Ind("效益", "项目效益", "生态效益", 6, 5, code="D13"),
        Ind("效益", "满意度", "受益茶农满意度", 6, 5, code="D21"),
    ]
    total = D("87.6")
    check_sums(rows, total)
    crit = {"A11": "符合国家及省茶产业发展规划得3分，依据不充分酌情扣分", "B12": "预算执行率×4分",
            "C21": "成活率≥95%得满分，每低1个百分点扣0.5分", "D21": "满意度×6分"}
    letters = {"决策": "A", "过程": "B", "产出": "C", "效益": "D"}
    # two-line header: 序号/权重/评分标准/得分 span both header lines
    g = [[Cell("序号", rs=2), Cell("评价指标", cs=3), Cell("权重", rs=2), Cell("评分标准", rs=2), Cell("得分", rs=2)],
         ["一级指标", "二级指标", "三级指标"]]
    for l1, grp in groups(rows, lambda x: x.l1).items():
        body = indicator_body(grp, lambda x: [x.code + " " + x.l3, fmt(x.weight), crit.get(x.code, "按评分细则评分"), fmt(x.score)],
                              l1_text=lambda name, gr: f"{letters[name]} {name}（{fmt(leaves_sum(gr, 'weight'))}分）",
                              lead=lambda i, x: [str(rows.index(x) + 1)])
        g += body
        g.append(["", Cell(f"{l1}小计", cs=3), fmt(leaves_sum(grp, "weight")), "", fmt(leaves_sum(grp, "score"))])
    g.append(["", Cell("合计", cs=3), "100", "", fmt(total)])
    title = f"信阳市浉河区{year}年度{project}绩效评价报告"
    doc = Doc("hn_xinyang_shengtaichayuan_pingjia_2021", [
        title, "河南豫信会计师事务所有限公司　豫信绩评〔2022〕第008号",
        f"受信阳市浉河区财政局委托，我所对{dept}实施的{year}年度{project}开展了重点绩效评价。",
        f"一、项目基本情况。项目预算资金{budget}万元，截至{year}年12月31日实际支出{executed}万元，预算执行率{r}%。项目改造提升低产茶园1.2万亩。",
        "二、评价结论。评价等级标准为：90分(含)以上为优，80分(含)-90分为良，60分(含)-80分为中，60分以下为差。"
        f"经评价，项目综合得分{fmt(total)}分，绩效评价等级为“良”。",
        "附件：评价指标体系评分表", Grid(g, header_rows=2),
        "三、存在的问题。部分茶苗栽植后遭遇持续干旱，补植不及时。"])
    exp = expected("Third-party 评价指标体系评分表 in HTML: two-line header (评价指标 over 一级/二级/三级), 序号 first, codes A11…D21 "
                   "in the 三级 cell, level-1 cell carries its subtotal '决策（15分）', a 小计 row after each level-1 group, 合计 row. "
                   f"Weights 15+20+35+30 = 100; scores 13+18.2+31.4+25 = {total} ✓. Budget {executed}/{budget} = {r}% ✓. Bands stated.",
                   {"title": title, "project_name": project, "department": dept, "region": "信阳市浉河区", "year": year,
                    "kind": "project"},
                   budget_rec(wan_yuan(budget), wan_yuan(executed), r), rows, total,
                   {"stated": "良", "derived": band_of(total, BANDS_NATIONAL), "bands": BANDS_NATIONAL})
    return doc, "html", exp


def doc_xj_changji():
    year, project = 2023, "农业产业发展资金"
    dept = "昌吉回族自治州农业农村局"
    total_b, total_e = "5280.00", "5016.00"
    cen_b, cen_e, loc_b, loc_e = "4200.00", "3990.00", "1080.00", "1026.00"
    assert D(cen_b) + D(loc_b) == D(total_b) and D(cen_e) + D(loc_e) == D(total_e)
    r = rate(total_e, total_b)
    assert r == "95.00" == rate(cen_e, cen_b) == rate(loc_e, loc_b)
    rows = [
        Ind("产出指标", "数量指标", "新建设施农业大棚", 12, 12, "≥400座", "412座"),
        Ind("产出指标", "数量指标", "新增高效节水灌溉面积", 12, 12, "≥3万亩", "3.1万亩"),
        Ind("产出指标", "质量指标", "项目验收合格率", 12, 12, "≥95%", "96.5%"),
        Ind("产出指标", "时效指标", "资金下达及时率", 12, 12, "=100%", "100%"),
        Ind("产出指标", "成本指标", "大棚亩均建设成本", 12, 10.5, "≤3.5万元", "3.6万元", "钢材价格上涨"),
        Ind("效益指标", "经济效益指标", "带动农民人均增收", 10, 8, "≥2000元", "1850元", "部分大棚当年投产晚"),
        Ind("效益指标", "社会效益指标", "带动就业人数", 10, 10, "≥1500人", "1620人"),
        Ind("效益指标", "可持续影响指标", "设施设计使用年限", 10, 9, "≥10年", "达到设计标准"),
        Ind("满意度指标", "服务对象满意度指标", "受益农户满意度", 10, 10, "≥90%", "93%"),
    ]
    total = D("95.5")
    check_sums(rows, total)
    g = [[Cell(f"中央对地方转移支付区域绩效自评表（{year}年度）", cs=8)],
         ["转移支付名称", Cell(project, cs=7)],
         ["中央主管部门", Cell("农业农村部", cs=3), "地方主管部门", Cell(dept, cs=3)],
         [Cell("资金情况（万元）", rs=4), Cell("", cs=2), Cell("全年预算数（A）", cs=2), Cell("全年执行数（B）", cs=2), "执行率（B/A）"],
         [Cell("年度资金总额", cs=2), Cell(total_b, cs=2), Cell(total_e, cs=2), r + "%"],
         [Cell("其中：中央补助", cs=2), Cell(cen_b, cs=2), Cell(cen_e, cs=2), rate(cen_e, cen_b) + "%"],
         [Cell("地方资金", cs=2), Cell(loc_b, cs=2), Cell(loc_e, cs=2), rate(loc_e, loc_b) + "%"],
         [Cell("年度总体目标", rs=2), Cell("预期目标", cs=3), Cell("实际完成情况", cs=4)],
         [Cell("新建设施农业大棚400座以上，新增高效节水灌溉面积3万亩，带动农民增收。", cs=3),
          Cell("建成大棚412座，新增高效节水灌溉3.1万亩，带动就业1620人。", cs=4)],
         ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "未完成原因分析"]]
    g += indicator_body(rows, lambda x: [x.l3, x.target, x.actual, fmt(x.weight), fmt(x.score), x.note])
    g.append([Cell("合计", cs=5), "100", fmt(total), ""])
    title = f"新疆维吾尔自治区昌吉回族自治州{year}年度{project}区域绩效自评表"
    doc = Doc("xj_changji_nongyechanye_quyuziping_2023", [title, Grid(g, header_rows=0),
                                                         "填报单位（盖章）：昌吉回族自治州农业农村局　　填报日期：2024年2月26日"])
    exp = expected("中央对地方转移支付区域绩效自评表 in HTML: 资金情况 block 年度资金总额 / 其中:中央补助 / 地方资金 (全年预算数, 全年执行数, "
                   f"执行率 only; {cen_b}+{loc_b} = {total_b}, {cen_e}+{loc_e} = {total_e}, every rate {r}%), no budget-execution score "
                   f"row: the 分值 column holds the 100 points (60+30+10), scores 58.5+27+10 = {total} = 合计 ✓. Department = 地方主管部门. "
                   "No grade stated.",
                   {"title": title, "project_name": project, "department": dept,
                    "region": "新疆维吾尔自治区昌吉回族自治州", "year": year},
                   budget_rec(wan_yuan(total_b), wan_yuan(total_e), r), rows, total)
    return doc, "html", exp


def doc_hb_xiaogan():
    year, project, dept = 2021, "农村饮水安全巩固提升工程", "孝感市孝南区水利和湖泊局"
    a0, b0, c0 = "680.00", "680.00", "652.80"
    r0 = rate(c0, b0)
    s0 = D("9.6")
    assert r0 == "96.00" and D(r0) / 10 == s0
    rows = [exec_row(s0),
            Ind("产出指标", "数量指标", "新建供水管网长度", 15, 15, "≥42公里", "43.5公里"),
            Ind("产出指标", "数量指标", "改造提升水厂数量", 10, 10, "=3座", "3座"),
            Ind("产出指标", "质量指标", "出厂水水质检测合格率", 10, 9.5, "≥95%", "94%", "1座水厂浊度超标1次，已整改"),
            Ind("产出指标", "时效指标", "工程完工及时率", 15, 13.5, "100%", "90%", "征地协调影响工期"),
            Ind("效益指标", "社会效益指标", "受益人口", 15, 15, "≥2.6万人", "2.65万人"),
            Ind("效益指标", "可持续影响指标", "农村集中供水保证率", 15, 15, "≥95%", "97%"),
            Ind("满意度指标", "服务对象满意度指标", "受益群众满意度", 10, 10, "≥90%", "91%")]
    total = D("97.6")
    check_sums(rows, total)
    money = [[Cell("项目资金情况（万元）", cs=2), "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分", "偏差原因"],
             [Cell("年度资金总额", cs=2), a0, b0, c0, r0 + "%", "10分", fmt(s0) + "分", ""],
             [Cell("其中：财政拨款", cs=2), a0, b0, c0, r0 + "%", "—", "—", ""],
             [Cell("其他资金", cs=2), "0", "0", "0", "—", "—", "—", ""]]
    g = [[Cell(f"湖北省{year}年度项目支出绩效自评表", cs=9)],
         ["项目名称", Cell(project, cs=4), "实施单位", Cell(dept, cs=3)]]
    g += money
    g.append(["序号", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分", "偏差原因分析"])
    body_rows = rows[1:]
    g.append(["1", "预算执行", "预算执行率", "预算执行率", "≥90%", r0 + "%", "10分", fmt(s0) + "分", ""])
    g += indicator_body(body_rows, lambda x: [x.l3, x.target, x.actual, fmt(x.weight) + "分", fmt(x.score) + "分", x.note],
                        merge_l2=False, lead=lambda i, x: [str(i + 2)])
    g.append(["", Cell("总分", cs=5), "100分", fmt(total) + "分", ""])
    title = f"{dept}{year}年度{project}绩效自评报告"
    doc = Doc("hb_xiaogan_nongcunyinshui_ziping_2021", [
        title,
        f"根据《湖北省财政厅关于开展{year}年度省级预算绩效自评工作的通知》要求，我局对湖北省孝感市孝南区{project}开展了绩效自评。",
        f"一、项目概况。项目全年预算{b0}万元，全部为财政拨款，全年执行{c0}万元，执行率{r0}%。",
        "二、自评表", Grid(g, header_rows=0),
        f"三、自评结论。本项目自评总分{fmt(total)}分，自评结论为“优”。"])
    exp = expected("湖北-style 自评表 in DOCX (python-docx merged cells): 序号 column first, weights and scores written '15分' / '9.5分', "
                   "budget columns in the order 执行率 before 分值, 一级指标 merged down, 二级 repeated on each row; the execution row "
                   f"is both the budget line and indicator 1. {c0}/{b0} = {r0}% ✓; weights 10+50+30+10 = 100, scores "
                   f"9.6+48+30+10 = {total} ✓. Grade stated 优.",
                   {"title": title, "project_name": project, "department": dept, "region": "湖北省孝感市孝南区",
                    "year": year, "kind": "self_assessment"},
                   budget_rec(wan_yuan(b0), wan_yuan(c0), r0), rows, total, {"stated": "优"})
    return doc, "docx", exp


def yuan_c(x) -> str:
    return f"{D(x):,.2f}"


def doc_gz_zunyi():
    year, dept = 2022, "遵义市汇川区教育局"
    basic_b, basic_e = D("62310000.00"), D("62105436.12")
    proj_b, proj_e = D("24142300.00"), D("22012651.78")
    tot_b, tot_e = basic_b + proj_b, basic_e + proj_e
    assert tot_b == D("86452300.00") and tot_e == D("84118087.90")
    r = rate(tot_e, tot_b)
    rows = [
        Ind("部门决策", "目标制定", "绩效目标合理性", 5, 5), Ind("部门决策", "目标制定", "绩效指标明确性", 5, 4),
        Ind("部门决策", "预算编制", "预算编制合理性", 5, 5), Ind("部门决策", "预算编制", "专项资金细化率", 5, 4.5),
        Ind("部门管理", "资金投入", "基本支出预算执行率", 6, 6), Ind("部门管理", "资金投入", "项目支出预算执行率", 6, 5.5),
        Ind("部门管理", "资金投入", "“三公经费”控制率", 4, 4), Ind("部门管理", "财务管理", "财务管理制度健全性", 6, 6),
        Ind("部门管理", "财务管理", "资金使用合规性", 6, 5), Ind("部门管理", "采购管理", "政府采购执行率", 4, 3.5),
        Ind("部门管理", "资产管理", "资产管理规范性", 4, 4), Ind("部门管理", "人员管理", "在职人员控制率", 4, 4),
        Ind("部门绩效", "职责履行", "重点工作完成率", 10, 9), Ind("部门绩效", "职责履行", "义务教育巩固率", 10, 10),
        Ind("部门绩效", "履职效益", "社会效益", 10, 8.5), Ind("部门绩效", "履职效益", "服务对象满意度", 10, 9),
    ]
    total = D("93")
    check_sums(rows, total)
    money = [["支出类别", "年初预算数", "全年预算数", "全年执行数", "执行率"],
             ["支出总额", yuan_c(D("85120000.00")), yuan_c(tot_b), yuan_c(tot_e), r + "%"],
             ["其中：基本支出", yuan_c(D("61200000.00")), yuan_c(basic_b), yuan_c(basic_e), rate(basic_e, basic_b) + "%"],
             ["项目支出", yuan_c(D("23920000.00")), yuan_c(proj_b), yuan_c(proj_e), rate(proj_e, proj_b) + "%"]]
    assert D("61200000.00") + D("23920000.00") == D("85120000.00")
    basis = {"专项资金细化率": "2个专项年初未细化到具体项目，扣0.5分", "项目支出预算执行率": "执行率91.18%，扣0.5分",
             "资金使用合规性": "1笔培训费报销附件不全，扣1分", "政府采购执行率": "采购计划执行率87%，扣0.5分"}
    g = [["一级指标", "二级指标", "三级指标", "分值", "得分", "评分依据"]]
    g += indicator_body(rows, lambda x: [x.l3, fmt(x.weight), fmt(x.score), basis.get(x.l3, "")], merge_l1=False, merge_l2=False)
    g.append(["总分", "", "", "100", fmt(total), ""])
    assert rate(proj_e, proj_b) == "91.18"
    title = f"{dept}{year}年度部门整体支出绩效自评报告"
    doc = Doc("gz_zunyi_huichuan_jiaoyuju_bumenzhengti_2022", [
        title,
        "一、部门基本情况。我局是区政府工作部门，内设股室8个，下属中小学及幼儿园47所，编制内在职人员2316人。",
        f"二、部门整体支出情况（单位：元）。{year}年全年预算数{yuan_c(tot_b)}元，全年执行数{yuan_c(tot_e)}元，执行率{r}%。",
        Grid(money),
        "三、部门整体支出绩效自评评分表", Grid(g),
        "四、自评结论。评分等级标准：90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。"
        f"经自评，我局{year}年度部门整体支出绩效自评得分{fmt(total)}分，等级为“优”。"])
    exp = expected("部门整体支出 form in DOCX: budget block in 元 with 千分位 (支出总额 / 其中:基本支出 / 项目支出 × 年初预算数 / 全年预算数 / "
                   f"全年执行数 / 执行率); 全年预算 {tot_b} = {basic_b} + {proj_b}, 执行 {tot_e} = {basic_e} + {proj_e}, rate {r}% ✓. "
                   "Score table with 一级 and 二级 written on every row (no merges), 评分依据 column; weights 20+40+40 = 100, scores "
                   f"18.5+38+36.5 = {total} = 总分 ✓. Department-wide: no project name.",
                   {"title": title, "department": dept, "region": "遵义市汇川区", "year": year, "kind": "department"},
                   budget_rec(num(tot_b), num(tot_e), r), rows, total,
                   {"stated": "优", "derived": band_of(total, BANDS_NATIONAL), "bands": BANDS_NATIONAL})
    return doc, "docx", exp


def doc_sx_hanzhong():
    year, project, dept = 2020, "旅游公路连接线建设项目", "汉中市交通运输局"
    budget, executed = 4350000, 4176000
    r = rate(executed, budget)
    assert r == "96.00"
    flat = [("立项依据充分性", 4, 4, ""), ("绩效目标明确性", 4, 3, "部分指标未量化"), ("资金到位率", 5, 5, ""),
            ("预算执行率", 8, 7.5, "执行率96%"), ("资金使用合规性", 7, 6, "工程款支付审批手续不全"),
            ("组织实施规范性", 7, 6, "监理日志记录不完整"), ("路面铺设里程完成率", 15, 15, ""),
            ("工程验收合格率", 10, 8, "2处路段返工"), ("完工及时性", 10, 7, "延期45天完工"), ("单位造价控制", 5, 5, ""),
            ("游客通行时间缩短", 10, 6, "缺少通行时间监测数据"), ("沿线群众满意度", 15, 11, "满意度73.5%")]
    rows = [Ind("", "", n, w, s, note=why) for n, w, s, why in flat]
    stated = D("84.5")
    check_sums(rows, stated, adds_up=False)
    assert leaves_sum(rows, "score") == D("83.5")
    bands = [{"grade": "优", "min": 85, "max": None}, {"grade": "良", "min": 70, "max": 85},
             {"grade": "合格", "min": 60, "max": 70}, {"grade": "不合格", "min": None, "max": 60}]
    g = [["指标", "分值", "得分", "扣分原因"]] + [[x.l3, fmt(x.weight), fmt(x.score), x.note] for x in rows]
    g.append(["合计", "100", fmt(stated), ""])
    title = f"汉中市{year}年度{project}支出绩效评价报告"
    doc = Doc("sx_hanzhong_lvyougonglu_pingjia_2020", [
        title, "陕西省汉中市财政局　二〇二一年六月",
        f"一、项目概况。{project}由{dept}组织实施，全长18.6公里。项目总投资{budget:,}元，"
        f"截至{year}年底实际支出{executed:,}元，预算执行率{r}%。",
        Grid([["项目资金（万元）", "预算数", "实际支出", "执行率"],
              ["财政资金", f"{D(budget) / 10000:.2f}", f"{D(executed) / 10000:.2f}", r + "%"]]),
        "二、评价结论。评价结果分为四个等级：85分以上为优秀，70分（含）至85分为良好，60分（含）至70分为合格，60分以下为不合格。"
        f"项目综合得分{fmt(stated)}分，评价等级为“良好”。",
        "三、评分表", Grid(g),
        "四、存在的问题和建议。工程验收中发现2处路段基层压实度不足，建议加强施工过程监理。"])
    exp = expected("Four-column flat table in DOCX (指标 | 分值 | 得分 | 扣分原因, no levels); budget in 元 in the text "
                   f"({budget:,}元) and in 万元 in a small table ({D(budget) / 10000:.2f}); {executed}/{budget} = {r}% ✓. "
                   f"The 合计 row states {stated} but the rows add to 83.5: the record holds the stated total and "
                   "indicator_scores_sum must fail. Weights add to 100. Bands: '85分以上' includes 85 (DOMAIN 1.2); 良好 → 良.",
                   {"title": title, "project_name": project, "department": dept, "region": "陕西省汉中市", "year": year,
                    "kind": "project"},
                   budget_rec(budget, executed, r), rows, stated,
                   {"stated": "良", "derived": band_of(stated, bands), "bands": bands},
                   must_fail=["indicator_scores_sum"])
    for e in exp["scores"]["indicators"]:
        e["level1"] = None
    return doc, "docx", exp


def doc_tj_jinghai():
    year, project, dept = 2023, "社区老年助餐服务补贴项目", "天津市静海区民政局"
    b0, c0 = "186.00", "179.28"
    r0 = rate(c0, b0)
    s0 = D("9.64")
    assert r0 == "96.39" and (D(r0) / 10).quantize(D("0.01")) == s0
    rows = [exec_row(s0),
            Ind("产出指标", "数量指标", "社区老年食堂运营数量", 15, 15, "≥24个", "24个"),
            Ind("产出指标", "数量指标", "日均就餐人次", 10, 9.2, "≥1800人次", "1650人次", "冬季就餐人数下降"),
            Ind("产出指标", "质量指标", "食品安全抽检合格率", 10, 10, "=100%", "100%"),
            Ind("产出指标", "时效指标", "补贴资金发放及时率", 5, 5, full_width("≥95%"), "100%"),
            Ind("产出指标", "成本指标", "每餐补贴标准", 10, 10, "≤5元", "5元"),
            Ind("效益指标", "社会效益指标", "高龄老人助餐服务覆盖率", 15, 13, "≥60%", full_width("56%"), "部分村居未设助餐点"),
            Ind("效益指标", "可持续影响指标", "助餐点持续运营情况", 15, 15, "长期", "持续运营"),
            Ind("满意度指标", "服务对象满意度指标", "就餐老人满意度", 10, 10, "≥90%", "95%")]
    total = D("96.84")
    check_sums(rows, total)
    g = [[Cell(f"{year}年度项目支出绩效自评表", cs=9)],
         ["项目名称", Cell(project, cs=4), "主管部门", Cell(dept, cs=3)],
         ["实施单位", Cell(dept, cs=8)],
         [Cell("项目资金（万元）", rs=3), Cell("", cs=2), "年初预算数", "全年预算数", "全年执行数", "执行率", "得分", "分值"],
         [Cell("年度资金总额", cs=2), "", b0, c0, r0 + "%", fmt(s0), "10"],
         [Cell("其中：财政拨款", cs=2), "", b0, c0, r0 + "%", "—", "—"],
         ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "得分", "分值", Cell("偏差原因分析及改进措施", cs=2)]]
    g += indicator_body(rows[1:], lambda x: [x.l3, x.target, x.actual, fmt(x.score), fmt(x.weight), Cell(x.note, cs=2)])
    g.append([Cell("总分", cs=5), fmt(total), "100", Cell("", cs=2)])
    title = f"{dept}{year}年度{project}绩效自评表"
    doc = Doc("tj_jinghai_laonianzhucan_ziping_2023", [title, Grid(g, header_rows=0),
                                                      f"自评结论：项目绩效自评得分{fmt(total)}分，自评等级：优。"])
    exp = expected("Tianjin 自评表 in XLSX with merged ranges: 得分 BEFORE 分值 in both the budget block and the indicator rows; "
                   "年初预算数 cells blank; full-width digits in two cells ('≥９５％', '５６％'). "
                   f"{c0}/{b0} = {r0}% ✓, execution score {s0}; weights 10+50+30+10 = 100, scores {s0}+49.2+28+10 = {total} ✓.",
                   {"title": title, "project_name": project, "department": dept, "region": "天津市静海区", "year": year,
                    "kind": "self_assessment"},
                   budget_rec(wan_yuan(b0), wan_yuan(c0), r0), rows, total, {"stated": "优"})
    return doc, "xlsx", exp


def doc_cq_wanzhou():
    year, project, dept = 2022, "耕地地力保护补贴项目", "重庆市万州区农业农村委员会"
    budget = executed = "12486.5"
    r = rate(executed, budget)
    assert r == "100.00"
    explain = {
        "补贴政策依据充分性": "考察项目是否符合《财政部 农业农村部关于实施农业支持保护补贴政策调整工作的通知》等政策要求，"
                             "是否与区级农业农村发展规划相衔接，是否属于公共财政支持范围。",
        "补贴对象确定规范性": "考察补贴对象和面积是否经村组公示、乡镇审核、区级复核，公示期是否不少于7天，是否存在冒领、重复申报。",
        "补贴面积核实率": "实际核实面积与申报面积的比率，用以反映补贴面积核实工作的完成程度，核实率=核实面积/申报面积×100%。",
        "耕地地力保护成效": "考察补贴发放后耕地撂荒、非农化问题是否得到遏制，耕地质量等级是否保持稳定或有所提升，需结合抽样调查情况评价。",
    }
    rows = [
        Ind("决策", "项目立项", "补贴政策依据充分性", 5, 5), Ind("决策", "项目立项", "补贴对象确定规范性", 5, 4.5),
        Ind("决策", "绩效目标", "绩效目标合理性", 5, 4), Ind("决策", "资金投入", "资金分配合理性", 5, 4.5),
        Ind("过程", "资金管理", "资金到位及时性", 5, 5), Ind("过程", "资金管理", "补贴发放准确率", 5, 4.6),
        Ind("过程", "组织实施", "资金监管有效性", 5, 4), Ind("过程", "组织实施", "档案管理规范性", 5, 4),
        Ind("产出", "产出数量", "补贴面积核实率", 10, 9.5), Ind("产出", "产出数量", "补贴资金兑付率", 10, 10),
        Ind("产出", "产出时效", "补贴兑付及时性", 10, 8.5),
        Ind("效益", "社会效益", "耕地地力保护成效", 10, 7.5), Ind("效益", "社会效益", "农民种粮积极性", 10, 8.5),
        Ind("效益", "满意度", "补贴对象满意度", 10, 9),
    ]
    total = D("88.6")
    check_sums(rows, total)
    g = [["一级指标", "二级指标", "三级指标", "权重(%)", "指标解释", "评分标准", "得分"]]
    g += indicator_body(rows, lambda x: [x.l3, fmt(x.weight), explain.get(x.l3, "—"),
                                         "完全符合得满分，每发现一处问题扣0.5分", f"{D(str(x.score)):.1f}"])
    title = f"万州区{year}年度{project}绩效评价评分表"
    doc = Doc("cq_wanzhou_gengdibaohu_pingjia_2022", [
        title, f"评价对象：{dept}　　项目资金：预算数{budget}万元，实际支出{executed}万元，执行率{r}%",
        f"综合评分：{fmt(total)}分　　评价等级：良",
        "评价等级标准：综合评分90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。",
        Grid(g), "评价机构：重庆渝咨绩效评价事务所有限公司　2023年5月"])
    exp = expected("Chongqing 评分表 in XLSX: 权重(%) instead of 分值, a long 指标解释 prose column between weight and 评分标准, "
                   "scores printed with one decimal ('5.0'), 一级/二级 merged down, NO total row: the total is the line "
                   f"'综合评分：{fmt(total)}分' above the table, and no stated total weight (so none expected). Weights 20+20+30+30 = 100, scores 18+17.6+28+25 = {total} ✓. "
                   f"Budget = executed = {budget}万, {r}%.",
                   {"title": title, "project_name": project, "department": dept, "region": "重庆市万州区", "year": year,
                    "kind": "project"},
                   budget_rec(wan_yuan(budget), wan_yuan(executed), r), rows, total,
                   {"stated": "良", "derived": band_of(total, BANDS_NATIONAL), "bands": BANDS_NATIONAL},
                   total_weight=None)
    return doc, "xlsx", exp


def doc_jl_yanji():
    year, project, dept = 2021, "公共租赁住房维修改造项目", "延吉市住房和城乡建设局"
    budget, executed = 2400000, 2285520
    r = rate(executed, budget)
    assert r == "95.23"
    ded = [("A1", "决策", "项目立项", 10, 0, ""), ("A2", "决策", "绩效目标", 10, 2, "绩效目标未细化量化"),
           ("B1", "过程", "资金管理", 15, 1.5, "预算执行率95.23%"), ("B2", "过程", "组织实施", 15, 1, "验收资料归档不及时"),
           ("C1", "产出", "产出数量", 15, 0, ""), ("C2", "产出", "产出质量", 10, 1.5, "3户屋面返修"),
           ("C3", "产出", "产出时效", 5, 1, "延期20天"), ("D1", "效益", "社会效益", 10, 1, "维修后空置率仍达6%"),
           ("D2", "效益", "满意度", 10, 1, "租户满意度90.2%")]
    rows = [Ind(l1, l2, "", w, D(str(w)) - D(str(d)), note=why, code=c) for c, l1, l2, w, d, why in ded]
    total = D("91")
    check_sums(rows, total)
    assert 100 - sum(D(str(d)) for *_, d, _ in ded) == total
    g = [["指标编码", "一级指标", "二级指标", "分值", "扣分", "扣分说明"]]
    for c, l1, l2, w, d, why in ded:
        g.append([c, l1, l2, str(w), fmt(d) if d else "0", why])
    g.append(["", "合计", "", "100", fmt(sum(D(str(d)) for *_, d, _ in ded)), ""])
    title = f"延吉市{year}年度{project}绩效评价考核表"
    doc = Doc("jl_yanji_gongzufang_weixiu_pingjia_2021", [
        "吉林省延吉市财政局", title,
        f"被评价单位：{dept}",
        f"项目资金（元）：全年预算数 {budget:,}　全年执行数 {executed:,}　执行率 {r}%",
        Grid(g),
        f"考核得分：{fmt(total)}分（100分减扣分合计）　考核等级：优（90分及以上为优，80-89分为良，60-79分为中，60分以下为差）"])
    bands = BANDS_NATIONAL
    exp = expected("Jilin 考核表 in XLSX with a 扣分 column and NO 得分 column: rows carry 指标编码 A1…D2 (level-2 codes), weights, "
                   "deductions and reasons. The rows' scores are not printed, so each indicator's score is null here (weight − "
                   f"deduction would be derived, not read); the total {fmt(total)} is printed ('考核得分'), = 100 − 9 deducted ✓. "
                   f"Budget in 元 with 千分位: {executed}/{budget} = {r}% ✓. Bands written as '80-89分' = [80,90).",
                   {"title": title, "project_name": project, "department": dept, "region": "吉林省延吉市", "year": year},
                   budget_rec(budget, executed, r), rows, total,
                   {"stated": "优", "derived": band_of(total, bands), "bands": bands}, with_scores=False)
    return doc, "xlsx", exp


def doc_ln_dandong():
    year, project, dept = 2022, "海岸带生态保护修复项目", "丹东市自然资源局"
    budget, executed = "3600", "3418.56"
    r = rate(executed, budget)
    assert r == "94.96"
    rows = [
        Ind("决策", "", "立项依据充分性", 4, 4), Ind("决策", "", "立项程序规范性", 4, 4),
        Ind("决策", "", "绩效目标合理性", 4, 3), Ind("决策", "", "绩效指标明确性", 4, 3),
        Ind("决策", "", "预算编制科学性", 4, 3.5),
        Ind("过程", "", "资金到位率", 5, 5), Ind("过程", "", "预算执行率", 5, 4.7),
        Ind("过程", "", "资金使用合规性", 5, 4), Ind("过程", "", "管理制度健全性与执行有效性", 5, 4),
        Ind("产出", "", "岸线整治长度完成率", 10, 10), Ind("产出", "", "修复工程质量达标率", 10, 8),
        Ind("产出", "", "工程完成及时性", 5, 3), Ind("产出", "", "单位岸线修复成本控制", 5, 5),
        Ind("效益", "", "滨海湿地植被覆盖度提升", 8, 6), Ind("效益", "", "近岸海域水质优良比例", 8, 6.5),
        Ind("效益", "", "修复成果长效管护机制建立情况", 7, 4.6), Ind("效益", "", "周边群众满意度", 7, 6),
    ]
    total = D("84.3")
    check_sums(rows, total)
    widths = [12, 30, 8, 8]
    header = spaced(["一级指标", "三级指标", "分值", "得分"], widths)
    lines = []
    seen = set()
    for x in rows:
        l1 = "" if x.l1 in seen else x.l1
        seen.add(x.l1)
        if x.l3 == "修复成果长效管护机制建立情况":  # the cell wraps: its second half on the next line, alone
            lines.append(spaced([l1, "修复成果长效管护机制", fmt(x.weight), fmt(x.score)], widths))
            lines.append(spaced(["", "建立情况"], widths))
        else:
            lines.append(spaced([l1, x.l3, fmt(x.weight), fmt(x.score)], widths))
    split = 10
    text = f"""丹东市{year}年度{project}
绩效评价报告
辽宁天衡资产评估事务所有限公司
二〇二三年四月

一、项目基本情况
{project}由{dept}组织实施，整治修复岸线12.4公里，修复滨海湿地860公顷。项目预算资金{budget}万元，
截至{year}年12月31日实际支出{executed}万元，预算执行率{r}%。资金全部来源于中央财政海洋生态保护修复资金。

二、评价结论
评价等级划分为：90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。
经综合评价，项目得分{fmt(total)}分，评价等级为“良”。

附表：辽宁省丹东市{year}年度{project}绩效评价评分表
{header}
""" + "\n".join(lines[:split]) + """

                                     — 6 —

""" + header + "\n" + "\n".join(lines[split:]) + "\n" + spaced(["合计", "", "100", fmt(total)], widths) + """

三、存在的问题
（一）部分修复区域补植不及时，植被覆盖度提升未达预期。
（二）长效管护经费尚未纳入年度预算。

                                     — 7 —
"""
    title = f"丹东市{year}年度{project}绩效评价报告"
    exp = expected("Text as a PDF text layer gives it: columns separated by runs of spaces, 一级指标 written once per group, "
                   "the table split over two pages (page number '— 6 —' in between) with its header repeated, and the row "
                   "'修复成果长效管护机制建立情况' wrapped: its tail '建立情况' alone on the next line. "
                   f"Weights 20+20+30+30 = 100, scores 17.5+17.7+26+23.1 = {total} = 合计 ✓; {executed}/{budget} = {r}% ✓.",
                   {"title": title, "project_name": project, "department": dept, "region": "辽宁省丹东市", "year": year,
                    "kind": "project"},
                   budget_rec(wan_yuan(budget), wan_yuan(executed), r), rows, total,
                   {"stated": "良", "derived": band_of(total, BANDS_NATIONAL), "bands": BANDS_NATIONAL})
    return Doc("ln_dandong_haianxiufu_pingjia_2022", [text]), "txt", exp


def doc_fj_ningde():
    year, project, dept = 2020, "水生生物增殖放流项目", "宁德市水产技术推广站"
    b0, c0 = "120", "118.6"
    r0 = rate(c0, b0)
    s0 = D("9.88")
    assert r0 == "98.83" and (D(r0) / 10).quantize(D("0.01"), rounding=ROUND_HALF_UP) == s0
    rows = [exec_row(s0),
            Ind("产出指标", "数量指标", "鱼苗放流数量", 15, 15, "≥500万尾", "512万尾"),
            Ind("产出指标", "数量指标", "放流品种数", 10, 10, "≥4种", "4种"),
            Ind("产出指标", "质量指标", "苗种检验检疫合格率", 10, 10, "100%", "100%"),
            Ind("产出指标", "时效指标", "放流完成时间", 10, 10, "6月底前", "6月20日"),
            Ind("产出指标", "成本指标", "单位苗种采购成本", 5, 5, "≤0.12元/尾", "0.118元/尾"),
            Ind("效益指标", "经济效益指标", "渔民捕捞增收", 10, 8, "明显", "较明显"),
            Ind("效益指标", "生态效益指标", "放流水域生物多样性", 10, 10, "有所提升", "有所提升"),
            Ind("效益指标", "可持续影响指标", "增殖放流长效机制", 10, 8, "建立", "基本建立"),
            Ind("满意度指标", "服务对象满意度指标", "渔民满意度", 10, 10, "≥85%", "88%")]
    total = D("95.88")
    check_sums(rows, total)
    fw = full_width
    lines = []
    seen1, seen2 = set(), set()
    for x in rows[1:]:
        l1 = "" if x.l1 in seen1 else x.l1
        l2 = "" if (x.l1, x.l2) in seen2 else x.l2
        seen1.add(x.l1)
        seen2.add((x.l1, x.l2))
        lines.append(f"{l1}{l2}{x.l3}{fw(x.target)}{fw(x.actual)}{fw(fmt(x.weight))}{fw(fmt(x.score))}")
    text = f"""首页 > 文档分类 > 行业资料
{dept}{year}年度项目支出绩效自评表
上传者：hy***2021  下载积分：5  页数：2
项目支出绩效自评表
（{year}年度）
项目名称{project}
主管部门宁德市海洋与渔业局实施单位{dept}
项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分
年度资金总额{fw(b0)}{fw(b0)}{fw(c0)}{fw('10')}{fw(r0 + '%')}{fw(fmt(s0))}
其中：当年财政拨款{fw(b0)}{fw(b0)}{fw(c0)}—{fw(r0 + '%')}—
上年结转资金０００—— —
其他资金０００—— —
年度总体目标预期目标实际完成情况
在宁德市三都澳、福宁湾海域放流大黄鱼、黑鲷、真鲷、日本对虾等苗种500万尾以上。完成放流大黄鱼等4个品种苗种512万尾。
绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施
""" + "\n".join(lines) + f"""
总分{fw('100')}{fw(fmt(total))}
免费预览已结束，剩余1页可下载查看
"""
    title = f"{dept}{year}年度项目支出绩效自评表"
    exp = expected("Central 自评表 scraped from a document site: cells glued with no separator ('鱼苗放流数量≥５００万尾５１２万尾１５１５'), "
                   "all figures in full-width digits, 一级/二级 written once per group; the preview ends "
                   "('剩余1页可下载查看') after the 总分 row. "
                   f"{c0}/{b0} = {r0}% ✓, execution score {s0}; weights 10+50+30+10 = 100, scores {s0}+50+26+10 = {total} = 总分 ✓. "
                   "No grade stated.",
                   {"title": title, "project_name": project, "department": dept, "region": "宁德市", "year": year,
                    "kind": "self_assessment"},
                   budget_rec(wan_yuan(b0), wan_yuan(c0), r0), rows, total)
    exp["source"] = {"truncated": True}
    return Doc("fj_ningde_zengzhifangliu_ziping_2020", [text]), "txt", exp


def doc_hi_qionghai():
    year, project = 2023, "乡村旅游示范点建设项目"
    unit, main_dept = "琼海市旅游和文化广电体育局", "琼海市人民政府"
    a0, b0, c0 = "1,500,000.00", "1,650,000.00", "1,584,000.00"
    bv, cv = D(b0.replace(",", "")), D(c0.replace(",", ""))
    r0 = rate(cv, bv)
    s0 = D("9.6")
    assert r0 == "96.00" and D(r0) / 10 == s0
    rows = [
        Ind("产出指标", "数量指标", "乡村旅游示范点建设数量", 20, 20, "≥5个", "5个"),
        Ind("产出指标", "质量指标", "示范点验收合格率", 10, 10, "=100%", "100%"),
        Ind("产出指标", "时效指标", "项目完成时限", 10, 8, "2023年11月底前", "2023年12月20日", "雨季影响施工"),
        Ind("产出指标", "成本指标", "单个示范点补助标准", 10, 10, "≤33万元", "31.68万元"),
        Ind("效益指标", "经济效益指标", "示范点年接待游客人次", 10, 9, "≥8万人次", "7.2万人次", "示范点12月才全部开放"),
        Ind("效益指标", "社会效益指标", "带动村民就业人数", 10, 10, "≥120人", "136人"),
        Ind("效益指标", "可持续影响指标", "示范点持续运营年限", 10, 10, "≥3年", "已签订5年运营协议"),
        Ind("满意度指标", "服务对象满意度指标", "游客满意度", 5, 5, "≥90%", "93%"),
        Ind("满意度指标", "服务对象满意度指标", "村民满意度", 5, 4.9, "≥90%", "89%"),
    ]
    all_rows = [exec_row(s0)] + rows
    total = D("96.5")
    check_sums(all_rows, total)
    grid = selfeval_grid(year, project, main_dept, unit, "元",
                         ((a0, b0, c0, s0), [("财政拨款", a0, b0, c0), ("其他资金", "0.00", "0.00", "0.00")]),
                         "在博鳌镇、潭门镇等建成乡村旅游示范点5个，完善游客服务中心、停车场及旅游厕所等配套设施。",
                         "5个示范点全部建成并通过验收，年内接待游客7.2万人次，带动村民就业136人。", rows, total)
    title = f"海南省琼海市{year}年度{project}绩效自评表"
    doc = Doc("hi_qionghai_xiangcunlvyou_ziping_2023", [title, grid, "自评等级：优"])
    exp = expected("Central 自评表 as a ruled PDF (reportlab, WenQuanYi Zen Hei), amounts in 元 with 千分位 and two decimals "
                   f"(项目资金（元）); 全年预算数 {b0} vs 年初 {a0}: {c0}/{b0} = {r0}% ✓, score {s0}. Weights 10+50+30+10 = 100, "
                   f"scores {s0}+48+29+9.9 = {total} = 总分 ✓. Department = 实施单位.",
                   {"title": title, "project_name": project, "department": unit, "region": "海南省琼海市", "year": year,
                    "kind": "self_assessment"},
                   budget_rec(num(bv), num(cv), r0), all_rows, total, {"stated": "优"})
    return doc, "pdf", exp


def doc_qh_hualong():
    year, project = 2019, "牛羊标准化养殖场建设项目"
    dept = "化隆回族自治县农牧和科技局"
    budget, executed = "800", "712.8"
    r = rate(executed, budget)
    assert r == "89.10"
    rows = [
        Ind("投入", "项目立项", "立项规范性", 5, 5), Ind("投入", "项目立项", "绩效目标合理性", 5, 4),
        Ind("投入", "资金落实", "资金到位率", 5, 5), Ind("投入", "资金落实", "到位及时率", 5, 3),
        Ind("过程", "业务管理", "管理制度健全性", 5, 4), Ind("过程", "业务管理", "制度执行有效性", 5, 3.5),
        Ind("过程", "财务管理", "资金使用合规性", 5, 4), Ind("过程", "财务管理", "财务监控有效性", 5, 4),
        Ind("产出", "产出数量", "标准化养殖场建成数量", 10, 10), Ind("产出", "产出质量", "工程验收合格率", 10, 9),
        Ind("产出", "产出时效", "建设完成及时性", 10, 6),
        Ind("效果", "经济效益", "养殖户户均增收", 10, 7), Ind("效果", "社会效益", "带动养殖户数", 10, 8),
        Ind("效果", "可持续影响", "养殖场持续运营", 5, 3.4), Ind("效果", "满意度", "养殖户满意度", 5, 3.5),
    ]
    stated = D("78.4")
    check_sums(rows, stated, adds_up=False)
    assert leaves_sum(rows, "score") == D("79.4")
    g = [["一级指标", "二级指标", "三级指标", "分值", "得分"]]
    for grp in groups(rows, lambda x: x.l1).values():
        g += indicator_body(grp, lambda x: [x.l3, fmt(x.weight), fmt(x.score)])
        g.append([Cell("小计", cs=3), fmt(leaves_sum(grp, "weight")), fmt(leaves_sum(grp, "score"))])
    g.append([Cell("合计", cs=3), "100", fmt(stated)])
    title = f"化隆县{year}年{project}绩效评价报告"
    doc = Doc("qh_hualong_niuyangyangzhi_pingjia_2019", [
        title, "青海省海东市化隆回族自治县财政局委托　青海正信工程咨询有限公司",
        f"一、项目概况。{project}由{dept}实施，新建标准化养殖场6座。项目预算{budget}万元，实际支出{executed}万元，"
        f"预算执行率{r}%，剩余资金为未到期的工程质保金。",
        "二、评价结论。根据评价结果，90分以上为优，80-90分为良，60-80分为中，60分以下为差。"
        f"项目最终得分{fmt(stated)}分，评价等级为“中”。",
        "三、评分表", Grid(g),
        "四、存在的问题。配套资金到位滞后，建设进度较计划延后三个月。"])
    exp = expected("Third-party 评分表 with the pre-2020 level-1 names 投入/过程/产出/效果, as a ruled PDF: 一级/二级 merged, a 小计 row "
                   "after each level-1 group (小计s agree with their rows: 17, 15.5, 25, 21.9), and a 合计 row that states "
                   f"{stated} while the rows add to 79.4: the record holds the stated total and indicator_scores_sum must fail. "
                   f"Weights 20+20+30+30 = 100. {executed}/{budget} = {r}% ✓. Bands '80-90分为良' read as [80,90).",
                   {"title": title, "project_name": project, "department": dept,
                    "region": "青海省海东市化隆回族自治县", "year": year, "kind": "project"},
                   budget_rec(wan_yuan(budget), wan_yuan(executed), r), rows, stated,
                   {"stated": "中", "derived": band_of(stated, BANDS_NATIONAL), "bands": BANDS_NATIONAL},
                   must_fail=["indicator_scores_sum"])
    return doc, "pdf", exp


def doc_xz_linzhi():
    year, project, dept = 2021, "农牧民职业技能培训项目", "林芝市巴宜区人力资源和社会保障局"
    budget, executed = "265", "258.5"
    r = rate(executed, budget)
    assert r == "97.55"
    spec = [("决策", "项目立项", "立项依据充分性", 3, 3), ("决策", "项目立项", "立项程序规范性", 3, 3),
            ("决策", "绩效目标", "绩效目标合理性", 3, 2.5), ("决策", "绩效目标", "绩效指标明确性", 3, 2),
            ("决策", "资金投入", "预算编制科学性", 4, 3.5), ("决策", "资金投入", "资金分配合理性", 4, 4),
            ("过程", "资金管理", "资金到位率", 4, 4), ("过程", "资金管理", "预算执行率", 4, 3.9),
            ("过程", "资金管理", "资金使用合规性", 4, 3), ("过程", "组织实施", "管理制度健全性", 4, 4),
            ("过程", "组织实施", "培训台账完整性", 4, 3),
            ("产出", "产出数量", "培训人数完成率", 6, 6), ("产出", "产出数量", "培训工种数量", 4, 4),
            ("产出", "产出质量", "培训合格率", 6, 5.4), ("产出", "产出质量", "取得职业技能等级证书比例", 5, 3.8),
            ("产出", "产出时效", "培训完成及时性", 5, 5), ("产出", "产出成本", "人均培训成本", 4, 4),
            ("效益", "社会效益", "培训后转移就业率", 10, 8), ("效益", "社会效益", "参训人员人均增收", 6, 4.5),
            ("效益", "可持续影响", "培训基地持续运行", 4, 3), ("效益", "满意度", "参训农牧民满意度", 10, 9)]
    rows = [Ind(a, b, c, w, s) for a, b, c, w, s in spec]
    total = sum(D(str(s)) for *_, s in spec)
    assert total == D("88.6")
    check_sums(rows, total)
    why = {"绩效指标明确性": "部分指标无目标值", "资金使用合规性": "培训补贴发放签收表缺失2份",
           "培训台账完整性": "2期培训缺照片和签到资料", "取得职业技能等级证书比例": "取证率62%，低于目标75%",
           "培训后转移就业率": "转移就业率68%", "参训人员人均增收": "缺少增收跟踪数据"}
    g = [["序号", "一级指标", "二级指标", "三级指标", "分值", "得分", "评分说明"]]
    g += indicator_body(rows, lambda x: [x.l3, fmt(x.weight), fmt(x.score), why.get(x.l3, "")],
                        merge_l1=False, merge_l2=False, lead=lambda i, x: [str(i + 1)])
    g.append(["", "合计", "", "", "100", fmt(total), ""])
    intro = ("一、项目基本情况。巴宜区农牧民职业技能培训项目由林芝市巴宜区人力资源和社会保障局组织实施，全年开展藏式家具制作、"
             "民族手工艺、乡村旅游服务、挖掘机驾驶、电工等培训班24期，计划培训农牧民1200人。")
    title = f"西藏自治区林芝市巴宜区{year}年度{project}绩效评价报告"
    filler = ["（一）项目背景。为落实就业优先政策，促进农牧民转移就业和增收，巴宜区将职业技能培训列为年度民生实事。"
              "培训采取“订单式、定向式”方式，由区人社局统筹，各乡镇负责组织报名，培训机构通过政府采购确定。",
              "（二）评价方法。评价组采用资料核查、实地查看、电话回访相结合的方式，抽查培训班8期、回访参训人员160人。",
              "（三）项目实施情况。全年实际开班24期，培训农牧民1236人，其中女性学员514人、脱贫家庭学员402人；"
              "培训结束后组织职业技能等级认定，取得证书766人。",
              "（四）资金使用情况。培训补贴按每人每天120元标准拨付培训机构，学员交通及误工补贴按每人每天50元发放，"
              "资金支付均经乡镇签收、区人社局审核、区财政局国库集中支付。",
              "（五）评价工作过程。评价组于2022年3月成立，制定评价方案并征求区财政局意见，4月完成现场核查，5月形成报告。"]
    doc = Doc("xz_linzhi_bayi_jinengpeixun_pingjia_2021", [
        title, "林芝市巴宜区财政局　二〇二二年五月", intro,
        f"项目预算{budget}万元，实际支出{executed}万元，预算执行率{r}%。", *filler,
        "二、评价结论。评价结果分优（90分及以上）、良（80-89分）、中（60-79分）、差（60分以下）四个等级。"
        f"项目综合得分{fmt(total)}分，评价等级为“良”。",
        "三、绩效评价指标评分表", Grid(g, ruled=False),
        "四、存在的问题。取证率偏低，培训后就业跟踪服务不足。"])
    exp = expected("Third-party 评分表 as an UNRULED PDF (no grid lines): 序号 first, 一级/二级 repeated on each row, a 评分说明 "
                   "column; long enough that the table runs onto page 2 with its header row repeated (reportlab repeatRows). "
                   f"Weights 20+20+30+30 = 100, scores 18+17.9+28.2+24.5 sum to {fmt(total)} = 合计 ✓; {executed}/{budget} = {r}% ✓.",
                   {"title": title, "project_name": project, "department": dept, "region": "西藏自治区林芝市巴宜区",
                    "year": year, "kind": "project"},
                   budget_rec(wan_yuan(budget), wan_yuan(executed), r), rows, total,
                   {"stated": "良", "derived": band_of(total, BANDS_NATIONAL), "bands": BANDS_NATIONAL})
    return doc, "pdf", exp


DOCS = [doc_sd_shouguang, doc_hn_xinyang, doc_xj_changji, doc_hb_xiaogan, doc_gz_zunyi, doc_sx_hanzhong,
        doc_tj_jinghai, doc_cq_wanzhou, doc_jl_yanji, doc_ln_dandong, doc_fj_ningde, doc_hi_qionghai,
        doc_qh_hualong, doc_xz_linzhi]


def main():
    (OUT / "expected").mkdir(parents=True, exist_ok=True)
    names, formats = set(), {}
    for make in DOCS:
        doc, ext, exp = make()
        assert doc.name not in names
        names.add(doc.name)
        path = OUT / f"{doc.name}.{ext}"
        if ext == "html":
            write_html(doc, path, exp["report"]["title"])
        elif ext == "docx":
            write_docx(doc, path)
        elif ext == "xlsx":
            write_xlsx(doc, path)
        elif ext == "pdf":
            write_pdf(doc, path)
        else:
            path.write_text(doc.blocks[0], encoding="utf-8")
        (OUT / "expected" / f"{doc.name}.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        formats[ext] = formats.get(ext, 0) + 1
        print(f"{path.name}: {len(exp['scores']['indicators'])} rows, total {exp['scores']['total_score']}, "
              f"budget {exp.get('budget', {}).get('budget_yuan')}")
    assert len(names) == 14
    print(formats)


if __name__ == "__main__":
    main()

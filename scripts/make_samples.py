"""Render the synthetic reports of scripts/reports.py into test documents under samples/, each with
its expected record under samples/expected/ (the shape shared/tools/score_record.py scores).

    python scripts/make_samples.py            # text, HTML and PDF (PDF needs reportlab + fonts-wqy-zenhei)

`make samples` installs what the renderers need and runs this.

Run it again after changing a report's facts; the outputs are small and committed.
"""
from __future__ import annotations

import html
import json
import sys
from dataclasses import replace
from pathlib import Path

import opencc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reports import (  # noqa: E402
    DEPARTMENT,
    HUNAN,
    PROJECT,
    SELF_ASSESSMENT,
    SICHUAN,
    SICHUAN_VALUES,
    THIRD_PARTY,
    THREE_LEVEL,
    ReportFacts,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "samples"
EXPECTED = OUT / "expected"
NUMERALS = "一二三四五六七八九十"


def fmt(v: float) -> str:
    return f"{v:g}"


def band_sentence(r: ReportFacts) -> str:
    parts = []
    for g, lo, hi in r.bands:
        if lo is not None and hi is None:
            parts.append(f"评价得分在{fmt(lo)}分及以上的,绩效评级为{g}")
        elif lo is not None:
            parts.append(f"得分在{fmt(lo)}(含{fmt(lo)}分)一{fmt(hi)}分的,绩效评级为{g}")
        else:
            parts.append(f"得分在{fmt(hi)}分以下的,绩效评级为{g}")
    return ";".join(parts) + "。"


def project_prose(r: ReportFacts) -> list[str]:
    """The report's paragraphs up to the score table (simplified script)."""
    subs = r.subs
    paras = [
        r.title,
        "一、基本情况",
        "(一)项目基本背景及绩效目标",
        f"为提升{r.region}基层医疗服务水平,{r.department}每年安排专项资金,用于{r.project}。本项目为经常性项目。",
        "(二)预算资金规模、来源及使用情况",
        f"项目预算合计{fmt(r.budget_wan)}万元,来源为{r.funding}。最终预算执行数为{fmt(r.executed_wan)}万元,"
        f"预算执行率为{r.rate_text}%。",
        "(三)项目组织实施管理情况",
        f"{r.year}年度项目包括{len(subs)}个子项目:" + "、".join(s.name for s in subs) + ",均通过政府采购方式实施。",
    ]
    for k, s in enumerate(subs, start=1):
        bits = []
        for it in s.items:
            bits.append(f"{it.description},合同金额{fmt(it.wan)}万元" if it.contract else f"{it.description}{fmt(it.wan)}万元")
        paras.append(f"{k}.{s.name}" + ";".join(bits) + "。")
    paras += [
        "(四)评价依据及数据采集情况",
        f"项目绩效评价采用综合评分定级的方法,共设有{len(r.rows)}个指标,总分值为100分。" + band_sentence(r),
        "二、评价结论和绩效分析",
        "(一)评价结果",
        f"项目自评分为{fmt(r.total_score)}分,绩效评级为{r.stated_grade},具体如下表:",
    ]
    return paras


def project_tail(r: ReportFacts) -> list[str]:
    summary = f"项目预算合计{fmt(r.budget_wan)}万元,其中" + ",".join(f"{s.name}{fmt(s.wan)}万元" for s in r.subs) + "。"
    return ["(二)主要绩效及分析", summary, "三、存在问题", "部分子项目进度偏慢。", "四、建议", "加强预算执行进度管理。",
            f"{r.department}", f"{r.year + 1}年3月15日"]


def glued_table(r: ReportFacts) -> str:
    """The score table as a document-site scrape prints it: cells glued, weight and score run together."""
    out = "指标名称指标解释权重自评分"
    for k, row in enumerate(r.rows):
        out += f"{NUMERALS[k] if k < 10 else k + 1}、{row.name}反映{row.name}的情况。{fmt(row.weight)}{fmt(row.score)}"
    return out + f"100{fmt(r.total_score)}"


def render_project_text(r: ReportFacts, traditional: bool) -> str:
    text = "\n".join(project_prose(r) + [glued_table(r)] + project_tail(r)) + "\n"
    return opencc.OpenCC("s2t").convert(text) if traditional else text


def render_project_html(r: ReportFacts) -> str:
    e = html.escape
    rows = []
    groups: dict[str, int] = {}
    for row in r.rows:
        groups[row.level1] = groups.get(row.level1, 0) + 1
    seen = set()
    for row in r.rows:
        first = ""
        if row.level1 not in seen:
            seen.add(row.level1)
            sub = sum(x.weight for x in r.rows if x.level1 == row.level1)
            first = f'<td rowspan="{groups[row.level1]}">{e(row.level1)}({fmt(sub)}分)</td>'
        rows.append(f"<tr>{first}<td>{e(row.name)}</td><td>{fmt(row.weight)}</td><td>{fmt(row.score)}</td></tr>")
    table = ("<table border=1><tr><th>一级指标</th><th>二级指标</th><th>分值</th><th>得分</th></tr>" + "".join(rows)
             + f'<tr><td colspan="2">合计</td><td>100</td><td>{fmt(r.total_score)}</td></tr></table>')
    body = "".join(f"<p>{e(p)}</p>" for p in project_prose(r)) + table + "".join(f"<p>{e(p)}</p>" for p in project_tail(r))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{e(r.title)} - 文档分享网</title></head>
<body>
<nav class="top-nav"><a href="/">首页</a> | <a href="/docs">文档分类</a> | <a href="/login">登录</a></nav>
<div class="breadcrumb">首页 &gt; 行业资料 &gt; 政府绩效</div>
<div class="download-box">立即下载 | 本文档共5页,下载需要2积分</div>
<div class="article">{body}</div>
<div class="comment-list"><p>网友评论:很有参考价值,谢谢分享!</p><form><textarea></textarea><button>发表</button></form></div>
<script>var tracker = "预算合计999万元";</script>
<div class="copyright">Copyright © 2024 文档分享网 版权所有 京ICP备00000000号</div>
</body></html>
"""


def render_selfeval_text(r: ReportFacts) -> str:
    """The 2020 central 项目支出绩效自评表 as a pipe-table text export."""
    exec_row = r.rows[0]
    lines = [
        "项目支出绩效自评表",
        f"({r.year}年度)",
        f"项目名称 | {r.project}",
        f"主管部门 | {r.department} | 实施单位 | {r.department}",
        "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
        f"年度资金总额 | {fmt(r.initial_wan)} | {fmt(r.budget_wan)} | {fmt(r.executed_wan)} | {fmt(exec_row.weight)} | {r.rate_text}% | {fmt(exec_row.score)}",
        f"其中:当年财政拨款 | {fmt(r.initial_wan)} | {fmt(r.budget_wan)} | {fmt(r.executed_wan)} | — | {r.rate_text}% | —",
        "上年结转资金 | 0 | 0 | 0 | — | — | —",
        "其他资金 | 0 | 0 | 0 | — | — | —",
        "年度总体目标 | 预期目标 | 实际完成情况",
        "  | 巩固提升农村饮水安全保障水平 | 已按计划完成",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施",
    ]
    for row in r.rows[1:]:
        lines.append(f"{row.level1} | {row.level2} | {row.name} | {row.target} | {row.actual} | {fmt(row.weight)} | {fmt(row.score)} | ")
    lines.append(f"总分 | 总分 | 总分 | | | 100 | {fmt(r.total_score)} | 自评等级:{r.stated_grade}")
    return "\n".join(lines) + "\n"


def write(name: str, data: bytes | str, gold: dict, encoding: str = "utf-8") -> None:
    OUT.mkdir(exist_ok=True)
    EXPECTED.mkdir(exist_ok=True)
    payload = data.encode(encoding) if isinstance(data, str) else data
    (OUT / name).write_bytes(payload)
    (EXPECTED / (Path(name).stem + ".json")).write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote samples/{name} ({len(payload)} bytes)")



# --- PDF -----------------------------------------------------------------------------------------

# The published score table of the shared sample, as its categories group the gold rows (三、 holds two).
SAMPLE_CATEGORIES = ["一、项目设立的规范性", "二、绩效目标合理性", "三、预算执行率和资金使用的合规性",
                     "三、预算执行率和资金使用的合规性", "四、财务(资产)管理制度的健全性和执行的有效性",
                     "五、项目管理制度的健全性和执行的有效性", "六、实际完成率(产出数量)", "七、完成及时率(产出时效)",
                     "八、质量达标率(产出质量)", "九、效果达标率"]


def sample_paragraphs() -> tuple[list[str], list[str], str]:
    """The shared sample's prose (normalised to simplified script) split at its headings, before and
    after the score table, and the preview marker it ends with."""
    sys.path.insert(0, str(ROOT))
    import regex

    from pipeline.load import load
    from pipeline.normalise import normalise
    norm = normalise(load(SHARED / "samples" / "000_87644358686e5e0a.txt"))
    text = norm.text.strip()
    start, end = text.index("指标名称指标解释权重自评分"), text.index("10089.7") + len("10089.7")
    split = regex.compile(r"(?=(?<![\d(])[一二三四五六七八九十]、|\([一二三四五六七八九十]\)|(?<![\d.])\d \.)")
    before = [p.strip() for p in split.split(text[:start]) if p.strip()]
    after = [p.strip() for p in split.split(text[end:]) if p.strip()]
    title = "信息化应用与推广项目支出绩效评价报告"
    if before[0].startswith(title):
        before[0] = before[0][len(title):]
        before.insert(0, title)
    return before, after, norm.truncated_marker or "免费预览已结束,剩余2页可下载查看"


def render_sample_pdf(path: Path, traditional: bool) -> None:
    from render_pdf import Builder
    conv = opencc.OpenCC("s2t").convert if traditional else (lambda x: x)
    gold = json.loads((SHARED / "gold" / "000_87644358686e5e0a.json").read_text(encoding="utf-8"))
    before, after, marker = sample_paragraphs()
    b = Builder()
    b.title(conv(before[0]))
    for p in before[1:]:
        (b.heading if len(p) < 40 else b.para)(conv(p))
    rows = [[conv(x) for x in ("评价指标", "指标名称", "权重", "自评分")]]
    spans = []
    for cat, ind in zip(SAMPLE_CATEGORIES, gold["scores"]["indicators"]):
        rows.append([conv(cat), conv(ind["name"]), fmt(ind["weight"]), fmt(ind["score"])])
    # merged category cells: a category over its rows, or over the name column where it has one row
    k = 1
    while k < len(rows):
        n = 1
        while k + n < len(rows) and SAMPLE_CATEGORIES[k + n - 1] == SAMPLE_CATEGORIES[k - 1]:
            n += 1
        if n > 1:
            spans.append(((0, k), (0, k + n - 1)))
        k += n
    rows.append([conv("合计"), "", "100", "89.7"])
    spans.append(((0, len(rows) - 1), (1, len(rows) - 1)))
    b.table(rows, [52, 62, 20, 20], spans)
    for p in after:
        (b.heading if len(p) < 40 else b.para)(conv(p))
    b.para(conv(marker))
    b.save(path)


def render_selfeval_pdf(r: ReportFacts, path: Path) -> None:
    from render_pdf import Builder
    b = Builder()
    b.title("项目支出绩效自评表")
    b.heading(f"({r.year}年度)")
    ex = r.rows[0]
    funds = [
        ["项目名称", r.project, "", "", "", "", ""],
        ["主管部门", r.department, "", "", "实施单位", r.department, ""],
        ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", fmt(r.initial_wan), fmt(r.budget_wan), fmt(r.executed_wan), fmt(ex.weight), f"{r.rate_text}%", fmt(ex.score)],
        ["其中:当年财政拨款", fmt(r.initial_wan), fmt(r.budget_wan), fmt(r.executed_wan), "—", f"{r.rate_text}%", "—"],
        ["上年结转资金", "0", "0", "0", "—", "—", "—"],
        ["其他资金", "0", "0", "0", "—", "—", "—"],
    ]
    b.table(funds, [34, 20, 20, 20, 16, 18, 16], [((1, 0), (6, 0)), ((1, 1), (3, 1)), ((5, 1), (6, 1))])
    b.space(8)
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    spans = []
    for row in r.rows[1:]:
        rows.append([row.level1, row.level2, row.name, row.target, row.actual, fmt(row.weight), fmt(row.score), ""])
    _merge_runs(rows, 0, spans)
    rows.append(["总分", "", "", "", "", "100", fmt(r.total_score), f"自评等级:{r.stated_grade}"])
    spans.append(((0, len(rows) - 1), (4, len(rows) - 1)))
    b.table(rows, [18, 24, 28, 18, 18, 12, 12, 30], spans)
    b.save(path)


def _merge_runs(rows: list[list[str]], col: int, spans: list) -> None:
    """Merge equal neighbouring cells of a column (after the header) into one spanning cell."""
    k = 1
    while k < len(rows):
        n = 1
        while k + n < len(rows) and rows[k + n][col] == rows[k][col]:
            n += 1
        if n > 1:
            spans.append(((col, k), (col, k + n - 1)))
            for j in range(k + 1, k + n):
                rows[j][col] = ""
        k += n


def evaluation_prose(r: ReportFacts) -> list[tuple[str, str]]:
    filler = ("评价组按照相关规定,通过查阅资料、现场核查、问卷调查和座谈访谈等方式,对项目的决策、过程、产出和效益"
              "进行了全面评价,核实了项目资金的使用和管理情况,形成了评价结论。")
    return [
        ("title", r.title),
        ("heading", "一、基本情况"),
        ("heading", "(一)项目概况"),
        ("para", f"{r.project}由{r.department}组织实施,主要用于改善城乡人居环境,完善基础设施。"),
        ("heading", "(二)项目资金投入和使用情况"),
        ("para", f"项目预算{fmt(r.budget_wan)}万元,资金来源为{r.funding}。截至年底实际支出{fmt(r.executed_wan)}万元,"
                 f"预算执行率为{r.rate_text}%。"),
        ("heading", "二、绩效评价工作开展情况"),
        *[("para", filler) for _ in range(9)],
        ("heading", "三、综合评价情况及评价结论"),
        ("para", f"经综合评价,项目综合评价得分为{fmt(r.total_score)}分,评价等级为{r.stated_grade}。评分情况见下表。"),
    ]


def render_three_level_pdf(r: ReportFacts, path: Path) -> None:
    from render_pdf import Builder
    b = Builder()
    for kind, text in evaluation_prose(r):
        getattr(b, kind)(text)
    rows = [["一级指标", "二级指标", "三级指标", "分值", "得分"]]
    for row in r.rows:
        w1 = sum(x.weight for x in r.rows if x.level1 == row.level1)
        w2 = sum(x.weight for x in r.rows if x.level1 == row.level1 and x.level2 == row.level2)
        rows.append([f"{row.level1}({fmt(w1)}分)", f"{row.level2}({fmt(w2)}分)", row.name, fmt(row.weight), fmt(row.score)])
    spans: list = []
    _merge_runs(rows, 1, spans)
    _merge_runs(rows, 0, spans)
    rows.append(["合计", "", "", "100", fmt(r.total_score)])
    spans.append(((0, len(rows) - 1), (2, len(rows) - 1)))
    b.table(rows, [30, 34, 50, 18, 18], spans, repeat_header=0)
    b.heading("四、存在的问题")
    b.para("部分项目进度滞后,资金支付不及时。")
    b.heading("五、有关建议")
    b.para("加快项目实施进度,提高资金使用效益。")
    b.save(path)


def render_borderless_pdf(r: ReportFacts, path: Path) -> None:
    from render_pdf import Builder
    b = Builder()
    paras = project_prose(r)
    b.title(paras[0])
    for p in paras[1:]:
        (b.heading if len(p) < 20 else b.para)(p)
    rows = [["一级指标", "二级指标", "分值", "得分"]]
    for row in r.rows:
        rows.append([row.level1, row.name, fmt(row.weight), fmt(row.score)])
    rows.append(["合计", "", "100", fmt(r.total_score)])
    b.table(rows, [30, 60, 20, 20], ruled=False)
    for p in project_tail(r):
        (b.heading if len(p) < 20 else b.para)(p)
    b.save(path)


def write_pdf(name: str, render, gold: dict) -> None:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    render(path)
    (EXPECTED / (Path(name).stem + ".json")).write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote samples/{name} ({path.stat().st_size} bytes)")


def sample_gold(script: str) -> dict:
    gold = json.loads((SHARED / "gold" / "000_87644358686e5e0a.json").read_text(encoding="utf-8"))
    gold["_about"] = f"The shared sample's gold, for its PDF rendering in {script} script (scripts/make_samples.py)."
    gold["source"]["script"] = script
    return gold



# --- DOCX and XLSX ---------------------------------------------------------------------------------

def render_project_docx(r: ReportFacts, path: Path) -> None:
    from render_office import Docx
    d = Docx()
    paras = project_prose(r)
    d.title(paras[0])
    for p in paras[1:]:
        d.para(p)
    rows = [["一级指标", "二级指标", "分值", "得分"]]
    for row in r.rows:
        sub = sum(x.weight for x in r.rows if x.level1 == row.level1)
        rows.append([f"{row.level1}({fmt(sub)}分)", row.name, fmt(row.weight), fmt(row.score)])
    rows.append(["合计", "", "100", fmt(r.total_score)])
    d.table(rows, merge_down=(0,))
    for p in project_tail(r):
        d.para(p)
    d.save(path)


def selfeval_rows(r: ReportFacts) -> tuple[list[list], list[str], list[str]]:
    """The central 自评表 as worksheet rows (numbers as numbers, the rate as a percent-formatted number)."""
    ex = r.rows[0]
    rows = [
        ["项目支出绩效自评表"], [f"({r.year}年度)"],
        ["项目名称", r.project], ["主管部门", r.department, "", "实施单位", r.department],
        ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", r.initial_wan, r.budget_wan, r.executed_wan, ex.weight, r.executed_wan / r.budget_wan, ex.score],
        ["其中:当年财政拨款", r.initial_wan, r.budget_wan, r.executed_wan, "—", r.executed_wan / r.budget_wan, "—"],
        ["上年结转资金", 0, 0, 0, "—", "—", "—"], ["其他资金", 0, 0, 0, "—", "—", "—"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ]
    first = len(rows) + 1
    for row in r.rows[1:]:
        rows.append([row.level1, row.level2, row.name, row.target, row.actual, row.weight, row.score, ""])
    rows.append(["总分", "", "", "", "", 100, r.total_score, f"自评等级:{r.stated_grade}"])
    merges = ["A1:H1", "A2:H2", "B3:H3", "B4:C4", "E4:H4", f"A{len(rows)}:E{len(rows)}"]
    k = first
    level1 = [row.level1 for row in r.rows[1:]]
    j = 0
    while j < len(level1):
        n = 1
        while j + n < len(level1) and level1[j + n] == level1[j]:
            n += 1
        if n > 1:
            merges.append(f"A{k + j}:A{k + j + n - 1}")
        j += n
    return rows, merges, ["F6", "F7"]


def render_selfeval_xlsx(r: ReportFacts, path: Path) -> None:
    from render_office import xlsx
    rows, merges, pct = selfeval_rows(r)
    xlsx(path, {"自评表": rows, "说明": []}, {"自评表": merges}, {"自评表": pct})


def render_sichuan_xlsx(r: ReportFacts, path: Path) -> None:
    """Sichuan's form; its figures typed as text, the way many county offices fill it."""
    from render_office import xlsx
    rows = sichuan_rows(r)
    xlsx(path, {"Sheet1": rows}, {"Sheet1": ["A1:J1", "A2:J2", "B3:J3", "B4:J4", "B5:J5"]}, {})


def render_sichuan_xls(r: ReportFacts, path: Path) -> None:
    """The same form saved as a legacy .xls, figures as numbers this time."""
    from render_office import xls
    rows = [[_as_number(v) for v in row] for row in sichuan_rows(r)]
    xls(path, rows)


def _as_number(v):
    try:
        return float(v) if isinstance(v, str) and v.replace(".", "", 1).isdigit() else v
    except ValueError:
        return v


def sichuan_rows(r: ReportFacts) -> list[list]:
    ex = r.rows[0]
    rows = [
        ["报表编号:510000_0023zp"], [r.title],
        ["项目名称", f"51000023R000000012345-{r.project}"], ["主管部门", r.department], ["实施单位(盖章)", r.department],
        ["预算执行情况(10分)", "年度预算数(万元)"],
        ["", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
        ["总额", fmt(r.initial_wan), fmt(r.budget_wan), fmt(r.executed_wan), f"{r.rate_text}%", "10", fmt(ex.score), ""],
        ["其中:财政资金", fmt(r.initial_wan), fmt(r.budget_wan), fmt(r.executed_wan), f"{r.rate_text}%", "/", "/", ""],
        ["财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/", ""],
        ["单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/", ""],
        ["其他资金", "", "", "", "", "/", "/", ""],
        ["绩效指标(90分)"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    ]
    for row in r.rows[1:]:
        target, actual = SICHUAN_VALUES[row.name]
        rows.append([row.level1, row.level2, row.name, row.target, target, row.actual, actual, fmt(row.weight), fmt(row.score), ""])
    rows.append(["总分", "", "", "", "", "", "", "100", fmt(r.total_score), ""])
    return rows


def render_department_docx(r: ReportFacts, path: Path) -> None:
    from render_office import Docx
    d = Docx()
    d.title(r.title)
    d.para(f"单位名称:{r.department}")
    d.para("一、部门基本情况")
    d.para("(一)部门职能。负责全区科技创新政策的拟订与实施。")
    d.para("(二)收支情况。2021年部门收入合计1250.6万元,其中:财政拨款收入1180.6万元,其他收入70万元。"
           "支出合计1210.3万元,其中:基本支出860.3万元,项目支出350万元。")
    d.para("二、绩效自评情况")
    rows = [["一级指标", "二级指标", "三级指标", "指标权重", "得分系数", "指标得分", "说明"]]
    for row in r.rows:
        rows.append([row.level1, row.level2, row.name, fmt(row.weight), row.target, fmt(row.score), ""])
    rows.append(["合计", "", "", "100", "", fmt(r.total_score), ""])
    d.table(rows, merge_down=(0,))
    d.para(f"三、自评结论:综合得分{fmt(r.total_score)}分,评价等级为{r.stated_grade}。")
    d.para("四、存在的问题:部分项目支出进度偏慢。")
    d.para("五、改进建议:加强预算执行监控。")
    d.save(path)


def render_hunan_docx(r: ReportFacts, path: Path) -> None:
    from render_office import Docx
    d = Docx()
    d.title(r.title)
    d.para("一、项目基本情况")
    d.para(f"{r.project}由{r.department}负责实施。项目预算{fmt(r.budget_wan)}万元,资金来源为{r.funding},"
           f"全年实际支出{fmt(r.executed_wan)}万元,预算执行率{r.rate_text}%。")
    d.para("二、自评得分情况")
    d.para("根据省财政厅绩效自评办法,自评结果分为四个等级:总分90分(含)以上为优,80分(含)-90分为良,"
           "60分(含)-80分为合格,60分以下为不合格。")
    rows = [["一级指标", "二级指标", "三级指标", "分值", "得分"]]
    for row in r.rows:
        sub = sum(x.weight for x in r.rows if x.level1 == row.level1)
        rows.append([f"{row.level1}({fmt(sub)}分)", row.level2, row.name, fmt(row.weight), fmt(row.score)])
    rows.append(["合计", "", "", "100", fmt(r.total_score)])
    d.table(rows, merge_down=(0, 1))
    d.para(f"经自评,该项目自评得分{fmt(r.total_score)}分,自评等级为{r.stated_grade}。")
    d.para("三、存在的问题")
    d.para("养护资金到位时间偏晚。")
    d.para("四、改进措施和建议")
    d.para("提前下达养护计划。")
    d.save(path)


def render_third_party_docx(r: ReportFacts, path: Path) -> None:
    from render_office import Docx
    d = Docx()
    d.title(r.title)
    d.para("湘诚会计师事务所有限责任公司 湘诚绩评字(2023)第0012号")
    d.para(f"受岳阳市财政局委托,我所对{r.department}实施的{r.project}开展了重点绩效评价。")
    d.para("一、项目基本情况")
    d.para(f"项目年度预算{fmt(r.budget_wan)}万元,资金来源为{r.funding};全年实际支出{fmt(r.executed_wan)}万元,"
           f"预算执行率为{r.rate_text}%。")
    d.para("二、综合评价情况及评价结论")
    d.para(f"经评价,该项目综合评价得分为{fmt(r.total_score)}分,评价等级为{r.stated_grade}。")
    d.para("三、存在的问题")
    d.para("分类收集设施覆盖不足。")
    d.para("四、有关建议")
    d.para("加大分类设施投入。")
    d.save(path)


def render_multi_report_text(a: ReportFacts, b: ReportFacts) -> str:
    return render_selfeval_text(a) + "\n" + render_selfeval_text(b)


PROJECT_CHECKS = ("indicator_scores_sum", "indicator_weights_sum", "score_within_weight", "execution_rate",
                  "execution_score", "subprojects_sum", "subproject_items_sum", "grade_matches_score", "grade_bands_valid")
SELF_CHECKS = ("indicator_scores_sum", "indicator_weights_sum", "score_within_weight", "execution_rate",
               "execution_score", "selfeval_execution_score", "selfeval_total", "funding_sources_sum",
               "grade_matches_score", "level1_weight_profile", "rate_indicators")


def _second_selfeval() -> ReportFacts:
    """A second form for the multi-report file: same layout, another project and other figures."""
    from dataclasses import replace

    from reports import Row
    rows = [Row("预算执行率", 10, 10), Row("培训人次", 25, 25, "产出指标", "数量指标", "≥500人次", "560人次"),
            Row("培训合格率", 15, 15, "产出指标", "质量指标", "≥90%", "96%"),
            Row("按期完成率", 10, 10, "产出指标", "时效指标", "=100%", "100%"),
            Row("就业率提升", 30, 27, "效益指标", "社会效益指标", "≥5%", "4.5%"),
            Row("学员满意度", 10, 10, "满意度指标", "服务对象满意度指标", "≥90%", "97%")]
    return replace(SELF_ASSESSMENT, key="selfeval_second", project="农民工职业技能培训", department="宁远县人力资源和社会保障局",
                   budget_wan=85, executed_wan=85, rate_text="100", initial_wan=85, rows=rows, total_score=97)


def main() -> None:
    p = PROJECT
    write("project_shanghai_trad.txt", render_project_text(p, traditional=True), p.gold("traditional", must_pass=PROJECT_CHECKS))
    write("project_shanghai_gb18030.txt", render_project_text(p, traditional=False), p.gold("simplified", must_pass=PROJECT_CHECKS),
          encoding="gb18030")
    write("project_shanghai.html", render_project_html(p), p.gold("simplified", must_pass=PROJECT_CHECKS + ("subtotals_match",)))
    s = SELF_ASSESSMENT
    write("selfeval_2021.txt", render_selfeval_text(s), s.gold("simplified", must_pass=SELF_CHECKS))
    if "--no-pdf" in sys.argv:
        return
    write_pdf("sample_report_simplified.pdf", lambda p: render_sample_pdf(p, False), sample_gold("simplified"))
    write_pdf("sample_report_traditional.pdf", lambda p: render_sample_pdf(p, True), sample_gold("traditional"))
    write_pdf("selfeval_2021.pdf", lambda p: render_selfeval_pdf(s, p), s.gold("simplified", must_pass=SELF_CHECKS))
    t = THREE_LEVEL
    write_pdf("evaluation_three_level.pdf", lambda p: render_three_level_pdf(t, p),
              t.gold("simplified", must_pass=("indicator_scores_sum", "indicator_weights_sum", "score_within_weight",
                                              "subtotals_match", "execution_rate", "grade_matches_score")))
    write_pdf("project_shanghai.docx", lambda p: render_project_docx(PROJECT, p),
              PROJECT.gold("simplified", must_pass=PROJECT_CHECKS + ("subtotals_match",)))
    write_pdf("selfeval_2021.xlsx", lambda p: render_selfeval_xlsx(s, p), s.gold("simplified", must_pass=SELF_CHECKS))
    write_pdf("sichuan_selfeval_2023.xlsx", lambda p: render_sichuan_xlsx(SICHUAN, p),
              SICHUAN.gold("simplified", must_pass=("execution_rate", "selfeval_execution_score", "selfeval_total",
                                                   "funding_sources_sum", "indicator_weights_sum", "execution_score")))
    write_pdf("sichuan_selfeval_2023.xls", lambda p: render_sichuan_xls(SICHUAN, p),
              SICHUAN.gold("simplified", must_pass=("execution_rate", "selfeval_execution_score", "selfeval_total",
                                                   "funding_sources_sum", "indicator_weights_sum", "execution_score")))
    write_pdf("chongqing_department_2021.docx", lambda p: render_department_docx(DEPARTMENT, p),
              DEPARTMENT.gold("simplified", must_pass=("indicator_scores_sum", "indicator_weights_sum", "part_sums_text",
                                                      "grade_matches_score")))
    write_pdf("hunan_selfeval_2019.docx", lambda p: render_hunan_docx(HUNAN, p),
              HUNAN.gold("simplified", must_pass=("indicator_scores_sum", "indicator_weights_sum", "execution_rate",
                                                 "grade_matches_score", "grade_bands_valid", "subtotals_match")))
    write_pdf("third_party_2022.docx", lambda p: render_third_party_docx(THIRD_PARTY, p),
              THIRD_PARTY.gold("simplified", must_pass=("execution_rate", "grade_matches_score")))
    write("multi_report.txt", render_multi_report_text(s, s2 := _second_selfeval()),
          [s.gold("simplified", must_pass=SELF_CHECKS), s2.gold("simplified", must_pass=SELF_CHECKS)])
    # A form whose own arithmetic does not hold: the rate does not match its amounts, the total not its rows.
    flawed = replace(s, key="selfeval_flawed", rate_text="96.25", total_score=96.5)
    flawed_checks = dict(must_pass=("indicator_weights_sum", "score_within_weight", "funding_sources_sum"),
                         must_fail=("execution_rate", "indicator_scores_sum", "selfeval_total"))
    write("selfeval_flawed.txt", render_selfeval_text(flawed), flawed.gold("simplified", **flawed_checks))
    write_pdf("selfeval_flawed.pdf", lambda p: render_selfeval_pdf(flawed, p), flawed.gold("simplified", **flawed_checks))
    write_pdf("project_borderless.pdf", lambda p: render_borderless_pdf(PROJECT, p),
              PROJECT.gold("simplified", must_pass=PROJECT_CHECKS))
    from make_scans import main as make_scans
    make_scans()


if __name__ == "__main__":
    main()

"""Is it a report? Files that are not evaluations are classed, kept out of the report tables and listed
with their reason."""
import shutil
import sqlite3

from conftest import ROOT, SAMPLES

import pipeline
from pipeline.classify import FINANCE, NOT_REPORT, REPORT, classify
from pipeline.cli import main
from pipeline.dataset import ingest

FINAL_ACCOUNTS = """临澧县教育局2022年度部门决算公开说明
一、部门基本情况
临澧县教育局是县政府工作部门,内设机构8个,下属单位32个。
二、收入支出决算总体情况说明
2022年度收入总计12,345.67万元,支出总计12,100.00万元。与上年相比,收入增加560.2万元,增长4.8%。
三、一般公共预算财政拨款支出决算情况说明
一般公共预算财政拨款支出11,800.00万元,占本年支出合计的97.52%。
四、其他重要事项的情况说明
2022年我局对重点项目开展了绩效自评,项目预算执行率均在90%以上。
"""

TARGET_TABLE = """2023年度项目支出绩效目标表
| 项目名称 | 乡村道路硬化 |
| 主管部门 | 临澧县交通运输局 | 实施单位 | 临澧县农村公路管理所 |
| 项目资金(万元) | 年度资金总额 | 300 |
| 年度目标 | 完成12公里道路硬化 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 硬化道路长度 | ≥12公里 |
| 产出指标 | 质量指标 | 验收合格率 | 100% |
| 效益指标 | 社会效益 | 群众出行条件改善 | 明显改善 |
| 满意度指标 | 服务对象满意度 | 群众满意度 | ≥90% |
"""

NOTES = "# Notes\n\nThese are the sources of the archive: see SOURCES.md. 绩效评价报告 from the county site.\n" * 5
CODE = "def budget(x):\n    return x * 10000  # 预算 万元\n\nclass Report:\n    pass\n" * 10
TEMPLATE = ("<%@ page contentType=\"text/html\" %>\n<form>项目支出绩效自评表 填报说明:请各单位如实填写。\n"
            "项目名称:____ 主管部门:____ 实施单位:____ 年度预算数:____ 全年执行数:____ 执行率:____\n"
            "一级指标:____ 二级指标:____ 三级指标:____ 分值:____ 得分:____ 偏差原因分析及改进措施:____</form>\n")


def _pdf(path, text):
    """A text PDF of `text`, one line per line (reportlab, the WenQuanYi font the samples use)."""
    import pytest
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    font = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
    try:
        pdfmetrics.registerFont(TTFont("WQYZenHei", font, subfontIndex=0))
    except Exception:  # noqa: BLE001
        pytest.skip("the WenQuanYi font is not installed")
    c = canvas.Canvas(str(path))
    for k, line in enumerate(text.splitlines()):
        c.setFont("WQYZenHei", 10)
        c.drawString(50, 800 - 16 * k, line)
    c.save()


def test_an_evaluation_is_a_report():
    [record] = pipeline.extract(SAMPLES / "selfeval_2021.txt")
    assert record.source.document_class == REPORT


def test_final_accounts_and_a_target_table_are_finance_documents_not_evaluations():
    c = classify(FINAL_ACCOUNTS)
    assert (c.name, c.kind) == (FINANCE, "final_accounts")
    c = classify(TARGET_TABLE)
    assert (c.name, c.kind) == (FINANCE, "target_table")


def test_notes_code_and_a_form_template_are_not_reports_and_say_why():
    assert classify(NOTES).name == NOT_REPORT and "Latin" in classify(NOTES).reason
    assert classify(CODE).name == NOT_REPORT
    c = classify(TEMPLATE.replace("项目支出绩效自评表", "项目表"))
    assert c.name == NOT_REPORT and "figures" in c.reason
    assert "too little" in classify("你好").reason


def test_extract_says_not_a_report_on_stderr_and_exits_1(tmp_path, capsys):
    junk = tmp_path / "junk.bin"
    junk.write_text("hello", encoding="utf-8")
    assert main(["extract", str(junk)]) == 1
    err = capsys.readouterr().err
    assert "junk.bin: not a report: too little Chinese text" in err


def test_ingest_counts_only_reports_and_stores_every_other_file_with_its_class(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(SAMPLES / "selfeval_2021.txt", folder / "report.txt")
    shutil.copy(ROOT / "README.md", folder / "README.md")
    (folder / "SOURCES.md").write_text(NOTES, encoding="utf-8")
    (folder / "form.jsp").write_text(TEMPLATE.replace("项目支出绩效自评表", "项目表"), encoding="utf-8")
    shutil.copy(SAMPLES / "screenshots" / "audit.png", folder / "screenshot.png")
    _pdf(folder / "决算.pdf", FINAL_ACCOUNTS)
    (folder / "app.js").write_text(CODE.replace("def ", "function ").replace("#", "//"), encoding="utf-8")
    (folder / "目标表.txt").write_text(TARGET_TABLE, encoding="utf-8")
    db = tmp_path / "j.sqlite"
    summary = ingest([folder], db, workers=0, progress=False)
    assert summary.reports == 1 and summary.not_reports == 7 and summary.failed == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 1
    classes = dict(con.execute("SELECT p.path, f.document_class FROM files f JOIN paths p USING (sha256)").fetchall())
    by_name = {k.rsplit("/", 1)[-1]: v for k, v in classes.items()}
    assert by_name == {"report.txt": None, "README.md": NOT_REPORT, "SOURCES.md": NOT_REPORT, "form.jsp": NOT_REPORT,
                       "screenshot.png": NOT_REPORT, "决算.pdf": FINANCE, "目标表.txt": FINANCE, "app.js": NOT_REPORT}
    html = tmp_path / "a.html"
    assert main(["audit", "--db", str(db), "--html", str(html), "--no-images"]) == 0
    page = html.read_text(encoding="utf-8")
    assert "不是报告的文件 / files that are not reports" in page and "final accounts" in page


PERFORMANCE_SECTION = ("（三）预算绩效管理情况\n根据预算绩效管理要求，本部门组织对12个项目开展了绩效自评，涉及资金3,456.78万元。"
                       "从评价情况来看，平均得分92.5分，其中10个项目评为优，2个项目评为良。\n")


def test_a_finance_document_is_extracted_with_its_performance_summary_and_exits_0(tmp_path, capsys):
    path = tmp_path / "juesuan.txt"
    path.write_text(FINAL_ACCOUNTS + PERFORMANCE_SECTION, encoding="utf-8")
    out = tmp_path / "juesuan.json"
    assert main(["extract", str(path), "-o", str(out)]) == 0
    assert "finance document, final accounts (部门决算), 临澧县教育局, 2022: 12 projects" in capsys.readouterr().err
    [record] = pipeline.extract(path)
    assert (record.report.title, record.report.department, record.report.year) == (
        "临澧县教育局2022年度部门决算公开说明", "临澧县教育局", 2022)
    s = record.performance_summary
    assert (s.projects, s.amount_yuan, s.average_score, s.grades) == (12, 34_567_800, 92.5, {"优": 10, "良": 2})
    assert record.provenance["/performance_summary/amount_yuan"]["text"] == "3,456.78万元"
    assert record.provenance["/performance_summary/grades/优"]["text"] == "10"


def test_other_before_a_count_is_no_grade():
    from pipeline.extract.performance_summary import read_summary
    facts = read_summary("预算绩效管理情况\n对5个项目开展绩效自评,其中3个项目评为优。\n")
    assert {g: f.value for g, f in facts.grades.items()} == {"优": 3}


def test_finance_documents_are_stored_and_exported_in_a_table_of_their_own(tmp_path):
    import pandas as pd

    from pipeline.dataset import Store, export
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(SAMPLES / "selfeval_2021.txt", folder / "report.txt")
    (folder / "juesuan.txt").write_text(FINAL_ACCOUNTS + PERFORMANCE_SECTION, encoding="utf-8")
    db = tmp_path / "j.sqlite"
    ingest([str(folder)], str(db), workers=0, progress=False)
    store = Store.open(str(db), create=False)
    try:
        assert store.query("SELECT COUNT(*) FROM reports")[0][0] == 1  # the evaluation only
        export(store, tmp_path / "out", fmt="csv")
    finally:
        store.close()
    finance = pd.read_csv(tmp_path / "out" / "finance_documents.csv")
    row = finance.iloc[0]
    assert (row["kind"], row["department"], row["year"], row["projects"], row["average_score"]) == (
        "final_accounts", "临澧县教育局", 2022, 12, 92.5)
    assert '"优": 10' in row["grades"]
    assert len(pd.read_csv(tmp_path / "out" / "reports.csv")) == 1


STATISTICS_BULLETIN = """南县2019年国民经济和社会发展统计公报
南县统计局
一、综合
初步核算,全年全县地区生产总值168.52亿元,比上年增长7.8%。其中,第一产业增加值40.21亿元,增长3.2%。
全年一般公共预算收入8.65亿元,增长5.1%。一般公共预算支出42.18亿元,增长11.3%,其中民生支出33.7亿元。
二、农业
全年粮食播种面积98.6万亩。专项资金投入农田水利建设2.3亿元。教育经费支出9.8亿元。
"""

WORK_PLAN = """关于印发南县2021年重点民生实事工作方案的通知
各乡镇人民政府,县直各单位:
一、主要任务
(一)新建农村公路50公里,安排资金3000万元;(二)改造农村危房200户,每户补助资金2万元,共计400万元;
(三)新建幼儿园3所,预算投资1500万元。
二、资金保障
县财政局负责统筹专项资金,确保资金及时足额到位,各部门按预算管理有关规定使用资金。
南县人民政府办公室 2021年2月3日
"""

FRAGMENT_WITH_VERDICT = """产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5
效益指标经济效益指标结余率≤5% 22.5 合计100 评价结论及时、足额缴纳。存在问题暂无改进措施暂无"""


def test_chinese_text_with_budget_words_and_figures_but_no_evaluation_is_not_a_report(tmp_path):
    # a statistics bulletin and a work plan: years, places, 预算 and 资金 and amounts, but no score table,
    # no budget execution and no verdict (they were stored as reports before)
    for name, text in (("bulletin", STATISTICS_BULLETIN), ("plan", WORK_PLAN)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        [record] = pipeline.extract(path) or [None]
        got = classify(text, record)
        assert got.name == NOT_REPORT and "no evaluation structure" in got.reason, name


def test_a_fragment_of_a_score_table_with_its_verdict_is_still_a_report():
    assert classify(FRAGMENT_WITH_VERDICT).name == REPORT

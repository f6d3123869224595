"""A check fails only where the report contradicts itself: failures resting on an unsure reading are
"needs a look" (status warn, finding fail, certainty unsure, with their doubts), each doubt made to
appear once here, and a plain report error stays a failure."""
import shutil
import sys

import pytest
from conftest import ROOT, SAMPLES
from helpers import altered, check_of, extract_text

import pipeline
from pipeline.verify import needs_look
from pipeline.verify.certainty import DOUBTS

sys.path.insert(0, str(ROOT / "scripts"))

FORM = (SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8")
SCORE_ROW = "产出指标 | 质量指标 | 水质达标率 | ≥95% | 94% | 15 | 14 | \n"


def _doubts(check) -> list[str]:
    return [d["code"] for d in check.doubts]


@pytest.mark.parametrize("old, new, check_id", [
    ("| 15 | 14 |", "| 15 | 13 |", "indicator_scores_sum"),  # one score off by one
    ("| 15 | 14 |", "| 15 | 13.5 |", "indicator_scores_sum"),  # by a half
    ("| 100 | 95.5 |", "| 100 | 96.5 |", "indicator_scores_sum"),  # the stated total off by one
    ("| 30 | 28 |", "| 31 | 28 |", "indicator_weights_sum"),  # one weight off by one
    ("| 320 | 304.8 |", "| 320 | 314.8 |", "execution_rate"),  # one digit of an amount
])
def test_a_plausible_error_in_a_table_read_surely_fails_certainly(tmp_path, old, new, check_id):
    c = check_of(extract_text(tmp_path, altered(FORM, old, new)), check_id)
    assert (c.status, c.finding, c.certainty, c.doubts) == ("fail", "fail", "certain", [])


def test_a_report_that_adds_up_passes_certainly(tmp_path):
    record = extract_text(tmp_path, FORM)
    assert not [c.id for c in record.checks if c.status == "fail" or needs_look(c)]
    assert {c.certainty for c in record.checks if c.status == "pass"} == {"certain"}


def test_a_score_row_lost_in_reading_needs_a_look_instead_of_failing(tmp_path):
    record = extract_text(tmp_path, altered(FORM, SCORE_ROW, ""))
    for check_id in ("indicator_scores_sum", "indicator_weights_sum"):
        c = check_of(record, check_id)
        assert c.status == "warn" and c.finding == "fail" and c.certainty == "unsure" and needs_look(c)
        assert "row_lost" in _doubts(c) and "needs a look" in c.message
    assert not [c.id for c in record.checks if c.status == "fail"]


def test_a_column_read_twice_needs_a_look(tmp_path):
    # every weight doubled, the funds block's execution row too: the weights sum to twice the form's 100
    text = altered(FORM, "| 304.8 | 10 |", "| 304.8 | 20 |")
    for w in ("| 20 | 20 |", "| 15 | 14 |", "| 15 | 15 |", "| 30 | 28 |", "| 10 | 9 |"):
        weight, score = w.strip("| ").split(" | ")
        text = altered(text, w, f"| {int(weight) * 2} | {score} |")
    c = check_of(extract_text(tmp_path, text), "indicator_weights_sum")
    assert needs_look(c) and "multiple_of_total" in _doubts(c)


def test_a_sum_off_by_a_power_of_ten_needs_a_look(tmp_path):
    text = "某项目支出绩效评价报告\n项目预算合计113万元,预算执行数为109.86元,预算执行率为97.22%。\n"
    c = check_of(extract_text(tmp_path, text), "execution_rate")
    assert needs_look(c) and _doubts(c) == ["unit_factor"]


def _record_with_failing_total(total=96.5, **provenance_extra):
    """The form's record (scores summing to 95.5) with another stated total, its provenance given extra keys."""
    record = pipeline.extract(SAMPLES / "selfeval_2021.txt")[0].to_dict()
    record["scores"]["total_score"] = total
    record["provenance"]["/scores/total_score"].update(provenance_extra)
    return pipeline.Record.from_dict(record)


def test_a_figure_read_by_ocr_under_its_confidence_bar_needs_a_look():
    record = _record_with_failing_total(confidence=0.62, text="96.5")
    pipeline.verify(record)
    c = check_of(record, "indicator_scores_sum")
    assert needs_look(c) and "ocr_low_confidence" in _doubts(c)
    sure = _record_with_failing_total(97.5, confidence=0.99, text="97.5")  # no OCR confusion gives 95.5
    pipeline.verify(sure)
    assert check_of(sure, "indicator_scores_sum").status == "fail"


def test_a_figure_cut_from_a_glued_run_needs_a_look():
    record = _record_with_failing_total(text="总分10096.5100%")
    pipeline.verify(record)
    c = check_of(record, "indicator_scores_sum")
    assert needs_look(c) and "glued_run" in _doubts(c)


PROSE_TOTAL = "\n经自评,本项目总得分95.5分,评价等级为优。\n"


def test_two_copies_of_a_figure_that_disagree_flag_once_and_leave_the_sum_to_a_person(tmp_path):
    # the table's total says 96.5, the prose 95.5; the rows add up to 95.5
    record = extract_text(tmp_path, altered(FORM, "| 100 | 95.5 |", "| 100 | 96.5 |") + PROSE_TOTAL)
    assert check_of(record, "repeated_figures_agree").status == "fail"  # the report's own contradiction
    c = check_of(record, "indicator_scores_sum")
    assert needs_look(c) and _doubts(c) == ["copies_disagree"]
    assert "also stated as '95.5', with which the check holds; it used 96.5" in c.doubts[0]["en"]


def test_a_figure_whose_copies_agree_is_corroborated(tmp_path):
    c = check_of(extract_text(tmp_path, FORM + PROSE_TOTAL), "indicator_scores_sum")
    assert c.status == "pass" and c.corroborated == [{"pointer": "/scores/total_score", "copies": ["/mentions/1"]}]


def test_a_figure_from_a_formula_reading_another_workbook_needs_a_look():
    record = _record_with_failing_total(97.5, text="97.5", formula=True, cell="G12", external_link=True)
    pipeline.verify(record)
    c = check_of(record, "indicator_scores_sum")
    assert needs_look(c) and "formula_value" in _doubts(c)
    assert check_of(record, "formula_values").status == "warn"
    # a formula within the workbook is what the author's sheet says: a wrong SUM is the report's own error
    own = _record_with_failing_total(97.5, text="97.5", formula=True, cell="G12")
    pipeline.verify(own)
    assert check_of(own, "indicator_scores_sum").status == "fail"


def test_a_value_an_auditor_corrected_fails_certainly():
    record = _record_with_failing_total(97.5, text="97.5", confidence=0.62, corrected=True)
    pipeline.verify(record)
    assert check_of(record, "indicator_scores_sum").status == "fail"


def test_a_table_report_with_odd_values_leaves_the_verdict_standing_and_unsure():
    data = pipeline.extract(SAMPLES / "selfeval_2021.txt")[0].to_dict()
    data["scores"]["total_score"] = 97.5
    data["scores"]["table_report"]["readings"] = [{"reader": "interpreter", "rows": None, "weights": None},
                                                 {"reader": "another", "rows": "x"}]
    record = pipeline.Record.from_dict(data)
    pipeline.verify(record)
    c = check_of(record, "indicator_scores_sum")
    assert c.finding == "fail" and c.status in ("fail", "warn")


def test_a_leaf_weight_no_leaf_carries_leaves_the_sums_to_a_person():
    data = pipeline.extract(SAMPLES / "selfeval_2021.txt")[0].to_dict()
    # a single indicator's own 100-point score read into the weight column ('完成 | 100 | 10 | 10')
    leaf = next(i for i in data["scores"]["indicators"] if i["weight"] == 15)
    leaf["weight"] = 100
    record = pipeline.Record.from_dict(data)
    pipeline.verify(record)
    c = check_of(record, "indicator_weights_sum")
    assert c.finding == "fail" and needs_look(c) and "leaf_weight_implausible" in _doubts(c)
    # a weight a leaf may carry leaves a plain error failing certainly (test_a_plausible_error_… above)


def test_a_row_of_figures_the_reading_skipped_leaves_the_sums_to_a_person():
    data = pipeline.extract(SAMPLES / "selfeval_2021.txt")[0].to_dict()
    data["scores"]["total_score"] = 97.5
    data["scores"]["table_report"]["rows_skipped"] = [{"text": "11过程组织实施培训台账完整性432", "reason": "no weight or score"}]
    record = pipeline.Record.from_dict(data)
    pipeline.verify(record)
    c = check_of(record, "indicator_scores_sum")
    assert needs_look(c) and "row_unread" in _doubts(c) and "培训台账完整性" in c.message
    # a row holding only its number (行次) on an empty row is not a row lost
    data["scores"]["table_report"]["rows_skipped"] = [{"text": "地方财政资金(万元)3", "reason": "no weight or score"}]
    record = pipeline.Record.from_dict(data)
    pipeline.verify(record)
    assert check_of(record, "indicator_scores_sum").status == "fail"


def test_a_misread_that_one_confusion_repairs_is_unsure_with_the_repair_named():
    record = _record_with_failing_total(confidence=0.99, text="96.5")  # OCR reads 6 for 5: 95.5 repairs it
    pipeline.verify(record)
    c = check_of(record, "indicator_scores_sum")
    assert needs_look(c) and "possible_misread" in _doubts(c)


def test_every_doubt_is_documented():
    for code, finder in DOUBTS.items():
        assert len((finder.__doc__ or "").strip()) > 20, code


@pytest.fixture(scope="module")
def two_reports_db(tmp_path_factory):
    """A database of two forms: one whose total is off by one (a flag), one with a score row lost in
    reading (needs a look), as scripts/screenshot.py photographs them."""
    from screenshot import write_flag_and_look

    from pipeline.dataset import ingest

    base = tmp_path_factory.mktemp("certainty")
    src = base / "in"
    src.mkdir()
    write_flag_and_look(src)
    db = base / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    return db


def test_the_export_counts_certain_failures_and_needs_a_look_apart(two_reports_db, tmp_path):
    import pandas as pd

    from pipeline.dataset import Store
    from pipeline.dataset.export import export

    store = Store.open(two_reports_db)
    try:
        written = export(store, tmp_path / "out", "csv")
    finally:
        store.close()
    wide = pd.read_csv(written["reports_wide"]).set_index("title")
    by_file = {p.rsplit("/", 1)[-1]: row for p, row in zip(wide["paths"], wide.to_dict("records"))}
    # the wrong total fails indicator_scores_sum and selfeval_total; the lost row leaves those and the weights unsure
    assert (by_file["wrong_total.txt"]["n_failed_checks"], by_file["wrong_total.txt"]["n_needs_look_checks"]) == (2, 0)
    assert (by_file["row_lost.txt"]["n_failed_checks"], by_file["row_lost.txt"]["n_needs_look_checks"]) == (0, 3)


def test_the_audit_lists_certain_failures_as_flagged_and_the_rest_apart(two_reports_db, tmp_path):
    from bs4 import BeautifulSoup

    from pipeline.audit import build_audit
    from pipeline.dataset import Store

    store = Store.open(two_reports_db)
    try:
        result = build_audit(store, tmp_path / "a.html", images=False)
    finally:
        store.close()
    assert (result["flagged"], result["needs_look"]) == (1, 1)
    soup = BeautifulSoup((tmp_path / "a.html").read_text(encoding="utf-8"), "html.parser")
    [flagged] = soup.select(".flagged")
    [look] = soup.select(".needs-look")
    assert "wrong_total.txt" in flagged.get_text() and "row_lost.txt" in look.get_text()
    assert {c["data-check"] for c in look.select(".check")} == {"indicator_scores_sum", "indicator_weights_sum",
                                                                 "selfeval_total"}
    assert "as a row lost in reading would leave them" in look.get_text()


def test_the_review_list_filters_flagged_and_needs_a_look_apart(two_reports_db):
    from pipeline.dataset import Store
    from pipeline.review import listing

    store = Store.open(two_reports_db)
    try:
        flagged = listing.reports(store, listing.Filters(flagged=True))
        look = listing.reports(store, listing.Filters(needs_look=True))
    finally:
        store.close()
    assert [r.path.rsplit("/", 1)[-1] for r in flagged] == ["wrong_total.txt"]
    assert [r.path.rsplit("/", 1)[-1] for r in look] == ["row_lost.txt"] and look[0].n_failed == 0


def test_the_review_page_shows_a_failure_resting_on_an_unsure_reading_as_needing_a_look(two_reports_db):
    from pipeline.dataset import Store
    from pipeline.review import listing
    from pipeline.review.app import create_app

    store = Store.open(two_reports_db)
    try:
        [row] = listing.reports(store, listing.Filters(needs_look=True))
    finally:
        store.close()
    page = create_app(str(two_reports_db)).test_client().get(f"/report/{row.report_id}").get_data(as_text=True)
    assert page.count("需复核 / needs a look") >= 3 and "未通过 / fail</td>" not in page


def test_the_cli_summary_names_failures_and_needs_a_look_apart(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "row_lost.txt"
    path.write_text(altered(FORM, SCORE_ROW, ""), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(path), "-o", str(tmp_path / "r.json")],
                         capture_output=True, text=True)
    assert "failed: none, needs a look: indicator_scores_sum, indicator_weights_sum" in run.stderr


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium (make system-deps installs Debian's chromium)")
def test_a_browser_shows_certain_failures_first_and_needs_a_look_apart(two_reports_db, tmp_path):
    import threading

    from screenshot import CHROMIUM_ARGS, chromium_path

    from pipeline.audit import build_audit
    from pipeline.dataset import Store
    from pipeline.review.app import server

    sync_api = pytest.importorskip("playwright.sync_api")
    store = Store.open(two_reports_db)
    try:
        build_audit(store, tmp_path / "a.html", images=False)
    finally:
        store.close()
    srv = server(str(two_reports_db), "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1300, "height": 1200})
            page.goto((tmp_path / "a.html").as_uri())
            flagged, look = page.locator("#flagged"), page.locator("#needs-look")
            assert flagged.bounding_box()["y"] < look.bounding_box()["y"]  # certain failures first
            assert page.locator(".flagged").count() == 1 and page.locator(".needs-look").count() == 1
            assert "row_lost.txt" in page.locator(".needs-look").inner_text()
            assert page.locator("#n-flagged").inner_text() == "1" and page.locator("#n-look").inner_text() == "1"
            page.screenshot(path=str(tmp_path / "audit.png"), full_page=True)
            page.goto(f"http://127.0.0.1:{srv.server_port}/")
            rows = page.locator("#reports tr[data-report]")
            assert "wrong_total" in rows.nth(0).inner_text() or "96.5" in rows.nth(0).inner_text()
            page.goto(f"http://127.0.0.1:{srv.server_port}/?needs_look=1")
            assert page.locator("#reports tr[data-report]").count() == 1
            page.screenshot(path=str(tmp_path / "list.png"))
            browser.close()
    finally:
        srv.shutdown()
        srv.server_close()
    assert (tmp_path / "audit.png").stat().st_size > 10_000 and (tmp_path / "list.png").stat().st_size > 5_000


def test_the_statement_a_value_was_read_from_is_not_counted_as_its_second_copy(tmp_path):
    # the table's total is both the record's value and a mention: one statement, nothing corroborates it
    c = check_of(extract_text(tmp_path, FORM), "indicator_scores_sum")
    assert c.status == "pass" and c.corroborated == []


def test_a_score_cell_left_unread_makes_the_sum_need_a_look(tmp_path):
    # '6620' under 目标值 | 实际值 | 得分 is 6|6|20 or 66|2|0: the row's score is unread and no sum holds it
    text = ("某项目绩效自评表\n二级指标|三级指标|年初目标值(A)|实际完成值(B)|得分\n"
            "数量指标补贴渔船数6620\n"
            "质量指标|渔船补贴发放率|100%|100%|10\n"
            "时效指标|按时完成率|100%|100%|10\n"
            "总分|45\n")
    c = check_of(extract_text(tmp_path, text), "indicator_scores_sum")
    assert needs_look(c) and _doubts(c) == ["table_not_closed"] and "unread" in c.doubts[0]["en"]


def test_a_table_read_without_its_header_needs_a_look_instead_of_failing(tmp_path):
    # a page cut out of a report: it opens inside the score table, its 合计 counting rows above the cut
    record = extract_text(tmp_path, "产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% "
                                    "22.5 效益指标经济效益指标结余率≤5% 22.5 合计100 评价结论及时、足额缴纳。")
    assert record.scores.table_report["headerless"]
    check = check_of(record, "indicator_weights_sum")
    assert needs_look(check) and "table_head_missing" in _doubts(check)


def test_a_part_with_figures_but_no_name_leaves_the_sum_to_a_person(tmp_path):
    # a funds row's weight and score broken onto a line of their own once read as a source with no name
    data = extract_text(tmp_path, FORM).to_dict()
    sources = data["budget"]["funding_sources"]
    extra = {**sources[-1], "name": "", "initial_yuan": 100000.0, "budget_yuan": 100000.0, "executed_yuan": 100000.0,
             "is_total": False}
    data["budget"]["funding_sources"] = sources + [extra]
    record = pipeline.Record.from_dict(data)
    pipeline.verify(record)
    c = check_of(record, "funding_sources_sum")
    assert needs_look(c) and "row_unnamed" in _doubts(c)
    data["budget"]["funding_sources"][-1]["name"] = "其他资金"  # named, the part is the report's own: a flag
    record = pipeline.Record.from_dict(data)
    pipeline.verify(record)
    assert check_of(record, "funding_sources_sum").status == "fail"


def test_a_funds_rows_figures_broken_onto_a_line_of_their_own_finish_that_row_and_the_sources_add_up(tmp_path):
    # a page scrape broke the 基本支出 row after its amounts: its 10 | 10 are its weight and score, no source
    text = ("部门整体支出绩效自评表\n部门(单位)名称 | 某镇人民政府 |\n"
            "资金(万元) | 资金来源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 |\n"
            "年度资金总额: | 1172.55 | 1268.72 | 10 | 10 | 执行率*该指标分值 |\n"
            "基本支出 | 985.19 | 914.97 |\n10 | 10 | |\n项目支出 | 187.36 | 353.75 | 10 | 10 |\n其他 | | |\n")
    record = extract_text(tmp_path, text)
    assert [s.name for s in record.budget.funding_sources] == ["年度资金总额", "基本支出", "项目支出"]
    assert check_of(record, "funding_sources_sum").status == "pass"


def _unsure_for_the_cut(check) -> None:
    """The figures failed, and the check needs a look for the one reason that the document ends inside them."""
    assert (check.status, check.finding, check.certainty) == ("warn", "fail", "unsure")
    assert _doubts(check) == ["document_cut"]


def test_a_total_whose_list_of_parts_the_document_ends_inside_needs_a_look(tmp_path):
    listed = ("某局2021年度项目资金绩效自评报告\n一、基本情况\n我局2021年年初预算项目经费500万元,具体包括:道路保洁120万元、"
              "路灯维护80万元、绿化管护60万元、市政消防栓建设工程2.")
    _unsure_for_the_cut(check_of(extract_text(tmp_path, listed), "part_sums_text"))
    ended = listed[:listed.index("、市政")] + "。\n二、绩效情况\n项目按期完成。\n"
    check = check_of(extract_text(tmp_path, ended, "b.txt"), "part_sums_text")
    assert (check.status, check.certainty) == ("fail", "certain")  # the list ended: its parts are all there


def test_what_was_paid_out_of_a_total_is_not_one_of_its_parts(tmp_path):
    text = ("某乡2021年度项目支出绩效自评报告\n一、项目情况\n建设养殖基地一处。统筹整合使用财政涉农资金303万元,其中项目管理费3万元,"
            "目前项目资金已拨付270万元。\n")
    record = extract_text(tmp_path, text)
    assert not [t for t in record.text_sums if t.kind == "parts"]
    assert check_of(record, "part_sums_text").status == "skip"


def test_a_score_table_without_a_totals_row_whose_rows_come_short_needs_a_look(tmp_path):
    table = "项目支出绩效评价评分表\n三级指标 | 分值 | 得分\n目标内容 | 20 | 18\n决策依据 | 30 | 28\n"
    text = table + "三、评价结论\n项目总体完成较好,各项指标均按计划推进。\n"
    record = extract_text(tmp_path, text)
    assert not record.source.truncated
    check = check_of(record, "indicator_weights_sum")
    assert (check.status, check.finding) == ("warn", "fail")
    assert "table_open_end" in [d["code"] for d in check.doubts]
    closed = table + "合计 | 50 | 46\n三、评价结论\n项目总体完成较好,各项指标均按计划推进。\n"
    check = check_of(extract_text(tmp_path, closed, "b.txt"), "indicator_weights_sum")
    assert (check.status, check.certainty) == ("fail", "certain")  # its totals row says the table ends there


def test_a_funds_block_whose_source_rows_all_read_zero_under_a_filled_total_needs_a_look():
    from pipeline.record import Budget, FundingSource, Record
    from pipeline.verify.budget import funding_sources_sum
    from pipeline.verify.certainty import weigh
    record = Record()
    record.budget = Budget(funding_sources=[FundingSource(name="年度资金总额", budget_yuan=250000, is_total=True),
                                            FundingSource(name="上年结转资金", budget_yuan=0),
                                            FundingSource(name="其他资金", budget_yuan=0)])
    check = weigh(record, funding_sources_sum(record))
    assert (check.status, check.finding) == ("warn", "fail")
    assert [d["code"] for d in check.doubts] == ["funds_parts_empty"]


def test_a_rate_of_one_part_against_the_whole_amounts_needs_a_look(tmp_path):
    text = ("某市2021年国家非物质文化遗产保护资金绩效自评报告\n一、基本情况\n2021年我市国家非物质文化遗产保护资金下达42万元,"
            "竹编传承人补助已及时划拨,资金使用率100%;薅草锣鼓项目资金使用334896元,资金使用率83.72%。\n")
    check = check_of(extract_text(tmp_path, text), "execution_rate")
    assert needs_look(check) and "other_rates" in _doubts(check)


def test_a_single_stated_rate_the_amounts_contradict_still_fails_certainly(tmp_path):
    text = "某县2021年项目支出绩效自评报告\n全年预算数100万元,全年执行数80万元,预算执行率100%。\n"
    check = check_of(extract_text(tmp_path, text), "execution_rate")
    assert check.status == "fail" and check.certainty == "certain"


def test_a_rate_named_otherwise_than_execution_that_the_amounts_contradict_needs_a_look(tmp_path):
    # '经费发放率' is a quality indicator's value here, not the execution rate
    text = ("某区优抚对象生活补助经费转移支付2023年度绩效自评报告\n2023年收到财政资金共2330.9万元,2023年支出2310.4万元。\n"
            "2.质量指标。经费发放率为98%,覆盖率为100%。\n")
    check = check_of(extract_text(tmp_path, text), "execution_rate")
    assert needs_look(check) and "rate_by_other_name" in _doubts(check)


def test_a_rate_of_the_funds_that_arrived_is_held_against_them_not_the_budget(tmp_path):
    text = ("2022年度某省安全生产专项资金绩效自评报告\n2022年度安排专项资金23,834万元。本次现场评价项目215个。截至2022年12月31日,"
            "专项资金到位8,084.06万元;截至2023年4月10日,专项资金到位8,525.06万元。截至2023年4月10日,项目资金共支出5,995.28万元,"
            "资金执行率为70.33%。\n")
    record = extract_text(tmp_path, text)
    assert record.budget.received_yuan == 85_250_600
    assert check_of(record, "execution_rate").status == "pass"


def test_a_grade_against_bands_the_report_does_not_state_needs_a_look(tmp_path):
    text = "某县消防救援大队2024年度部门预算执行情况绩效自评报告\n自评结果显示,部门绩效自评工作总体得分为84.47分,评级为“优”。\n"
    check = check_of(extract_text(tmp_path, text), "grade_matches_score")
    assert needs_look(check) and "bands_not_stated" in _doubts(check)
    # the bands the report states itself make the same grade a contradiction
    stated = text + "评分90分以上为优,80分(含)至90分为良,60分(含)至80分为中,60分以下为差。\n"
    check = check_of(extract_text(tmp_path, stated), "grade_matches_score")
    assert check.status == "fail" and check.certainty == "certain"


def test_sources_listed_in_a_sentence_the_document_ends_inside_need_a_look(tmp_path):
    listed = ("某村2025年农村综合改革项目绩效自评报告\n项目结算审核造价为819931.72元,项目累计支付资金合计795333.77元,其中2025年"
              "中央财政资金630000元、村集体资金135333.77元、扣除群众")
    _unsure_for_the_cut(check_of(extract_text(tmp_path, listed), "funding_sources_sum"))


def test_a_score_table_check_none_of_whose_figures_is_cited_needs_a_look():
    # the form's record with every score-table figure's citation gone (a glued run the reading placed)
    data = pipeline.extract(SAMPLES / "selfeval_2021.txt")[0].to_dict()
    data["scores"]["total_score"] = 96.5
    data["provenance"] = {k: v for k, v in data["provenance"].items()
                          if not k.startswith("/scores/indicators/") and k != "/scores/total_score"}
    record = pipeline.Record.from_dict(data)
    pipeline.verify(record)
    c = check_of(record, "indicator_scores_sum")
    assert needs_look(c) and _doubts(c) == ["inputs_uncited"]
    # with its figures cited, the same failure stands
    cited = _record_with_failing_total()
    pipeline.verify(cited)
    assert check_of(cited, "indicator_scores_sum").status == "fail"


@pytest.mark.parametrize("body, doubt, plain", [
    # the figure over the total (a misprinted 19.94万) ends the reading; the parts after it are unread
    ("年末结余228.07万元,为项目支出结转,包括:甲经费76.02万元;乙经费11.28万元;丙经费1994万元;丁经费20万元;戊经费100.83万元。",
     "list_stopped", ("丙经费1994万元;", "")),
    # the shares printed with the parts are of the original value, not of the net value compared
    ("固定资产原值482.46万元,累计折旧162.14万元,净值320.32万元。其中:房屋134.67万元,占固定资产的27.91%;通用设备195.56万元,"
     "占固定资产的40.53%。", "shares_elsewhere", (",占固定资产的27.91%", "")),
    # what the whole mainly includes need not be all of it
    ("项目资金500万元,主要包括:道路保洁120万元、路灯维护80万元、绿化管护60万元。", "list_hedged", ("主要包括", "包括")),
])
def test_a_prose_list_short_of_its_total_needs_a_look_where_its_reading_is_unsure(tmp_path, body, doubt, plain):
    text = f"某单位2021年度项目支出绩效自评报告\n一、基本情况\n{body}\n二、绩效情况\n项目按期完成。\n"
    c = check_of(extract_text(tmp_path, text), "part_sums_text")
    assert needs_look(c) and doubt in _doubts(c)
    # without what makes it unsure, the same shortfall is the report's own contradiction
    old, new = plain
    text = text.replace(old, new).replace(",占固定资产的40.53%", "")
    c = check_of(extract_text(tmp_path, text, "b.txt"), "part_sums_text")
    assert (c.status, c.certainty) == ("fail", "certain")


@pytest.mark.parametrize("tail", ["全年实际支出95万元,执行率95%。", "比上年增加20万元。", "带动社会投资300万元。"])
def test_a_list_that_ends_on_a_figure_no_part_follows_stays_a_certain_failure(tmp_path, tail):
    text = f"某县2021年度项目支出绩效自评报告\n一、基本情况\n项目资金100万元,其中:道路硬化50万元,路灯安装40万元,{tail}\n二、绩效情况\n项目按期完成。\n"
    c = check_of(extract_text(tmp_path, text), "part_sums_text")
    assert (c.status, c.certainty) == ("fail", "certain")


def test_shares_of_something_other_than_money_leave_a_failure_certain(tmp_path):
    text = ("某县2021年度项目支出绩效自评报告\n一、基本情况\n补助资金100万元,其中:甲镇50万元,占受益人口的45%;乙镇40万元,"
            "占受益人口的36%。\n二、绩效情况\n项目按期完成。\n")
    c = check_of(extract_text(tmp_path, text), "part_sums_text")
    assert (c.status, c.certainty) == ("fail", "certain")


def test_a_row_named_by_the_rest_of_a_note_leaves_the_weights_to_a_person():
    from pipeline.record import Indicator, Record
    record = Record()
    # '大修环卫工人休息点 7.00 0.00 目标值2座,完成值9座': the note's figure read as a row of its own
    record.scores.indicators = [Indicator(name="预算执行率", weight=50, score=45), Indicator(name=",完成值", weight=9),
                                Indicator(name="满意度", weight=50, score=40)]
    record.scores.total_score = 85
    pipeline.verify(record)
    c = check_of(record, "indicator_weights_sum")
    assert needs_look(c) and "row_unnamed" in _doubts(c)
    record.scores.indicators[1].name = "完成值"
    pipeline.verify(record)
    assert "row_unnamed" not in _doubts(check_of(record, "indicator_weights_sum"))
    # a row with its score whose numbering the reading mangled ('(1)、新建道路长度') is a real row
    record.scores.indicators[1].name, record.scores.indicators[1].score = "、新建道路长度", 9
    pipeline.verify(record)
    assert "row_unnamed" not in _doubts(check_of(record, "indicator_weights_sum"))


def test_a_glued_run_whose_figures_an_ocr_wrote_with_letters_is_doubted_as_any_glued_run(tmp_path):
    """The evidence keeps the raw text ('2O20lO100.0O%'); the doubts read it as the readers did, normalised, so the
    run is seen as glued and the funds sum it gave needs a look rather than failing."""
    text = ("项目支出绩效自评表(2022年度)项目名称某县小型水库水标尺制作安装项目主管部门某县水利局实施单位某县水利局"
            "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:2O20lO100.0O%10"
            "其中:本年财政拨款2020其他资金年度总体目标对农村地区供水计量设施设备进行改进。")
    check = check_of(extract_text(tmp_path, text), "funding_sources_sum")
    assert check.status != "fail"
    assert "glued_run" in [d["code"] if isinstance(d, dict) else d.code for d in check.doubts]


def test_a_full_stop_left_between_two_figures_makes_the_checks_on_the_figures_need_a_look(tmp_path):
    """'27285。3万元支持…' may be a sentence's end or a decimal point an OCR misread: the parts read from such a text
    are not sure, so their sum's failure is not certain."""
    text = ("某省保障性安居工程专项资金绩效自评报告\n一、资金情况\n2024年共安排资金3.30亿元支持住房保障,其中:安排5440万元"
            "支持配售型保障性住房项目;安排252万元支持新筹集公租房;安排27285。3万元支持筹集保障性租赁住房。\n")
    record = extract_text(tmp_path, text)
    assert [stop["text"] for stop in record.source.full_stops_between_figures] == ["27285。3万元支"]
    check = check_of(record, "part_sums_text")
    assert check.status != "fail"


def test_a_score_row_read_with_only_one_of_its_figures_makes_the_sums_need_a_look(tmp_path):
    """'农产品运输成本降低 降低 降低 10 9' (a worded target and result) read as weight 9 and no score, in a table whose other
    rows all have both: the report adds up (weights 100, scores 98.6), the reading does not, so no certain failure."""
    rows = [("农村公路养护里程", "≥120公里 120公里", 20, 20), ("危桥改造数量", "≥2座 2座", 10, 10),
            ("养护工程验收合格率", "≥95% 98%", 10, 10), ("养护项目完成及时率", "100% 100%", 10, 10),
            ("养护项目成本控制率", "≤100% 96%", 10, 10), ("群众出行条件改善", "明显改善 明显改善", 10, 10),
            ("农产品运输成本降低", "降低 降低", 10, 9), ("沿线群众满意度", "≥90% 96%", 10, 10)]
    text = ("XX县2023年度农村公路养护专项资金项目支出绩效自评表\n项目名称 农村公路养护专项资金\n主管部门 XX县交通运输局\n"
            "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 500 500 480 10 96% 9.6\n"
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
            + "\n".join(f"产出指标 数量指标 {name} {values} {w} {s}" for name, values, w, s in rows) + "\n总分 100 98.6\n")
    record = extract_text(tmp_path, text)
    for check_id in ("indicator_scores_sum", "indicator_weights_sum"):
        assert check_of(record, check_id).status != "fail"


def test_a_figure_the_document_is_cut_at_may_have_lost_digits_and_needs_a_look(tmp_path):
    # a preview cut inside the table's total ('82.68' shown as '82.6'): the rows add up to the total as printed
    table = ("某贷款项目绩效评价报告\n经评价,项目绩效得分如下。\n| 一级指标 | 分值 | 得分 |\n"
             "| 相关性 | 20 | 20.00 |\n| 效率 | 50 | 38.70 |\n| 效果 | 20 | 14.78 |\n"
             "| 可持续性 | 10 | 9.20 |\n| 合计 | 100 | 82.6")
    record = extract_text(tmp_path, table)
    assert record.source.truncated and record.source.cut_at == len(table)
    check = check_of(record, "indicator_scores_sum")
    assert (check.status, check.finding) == ("warn", "fail")
    assert "figure_at_the_cut" in [d["code"] for d in check.doubts]
    # the same total followed by a sentence: nothing was cut from it, and the contradiction is the report's
    check = check_of(extract_text(tmp_path, table + "\n经评价,该项目绩效等级为良。\n", "b.txt"), "indicator_scores_sum")
    assert (check.status, check.certainty) == ("fail", "certain")


_SELF_ASSESSMENT_ROWS = ("项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n"
                         "| 产出指标 | 数量指标 | 发放人数 | 30 | 30 |\n| 产出指标 | 质量指标 | 发放准确率 | 20 | 20 |\n")
_SELF_ASSESSMENT_REST = ("| 效益指标 | 社会效益指标 | 保障水平 | 30 | 30 |\n"
                         "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | 10 | 10 |\n")


@pytest.mark.parametrize("rows", [
    _SELF_ASSESSMENT_ROWS,  # a page with 效益指标 and 满意度指标 lost: 50 of 100
    _SELF_ASSESSMENT_ROWS + _SELF_ASSESSMENT_REST,  # the funds block and its 预算执行率 row (10 points) unread: 90
], ids=["categories lost", "execution row lost"])
def test_a_self_assessment_table_short_of_one_of_the_form_s_categories_needs_a_look(tmp_path, rows):
    record = extract_text(tmp_path, rows + "| 总分 | | | 100 | 100 |\n某县民政局\n2023年3月1日\n")
    check = check_of(record, "indicator_weights_sum")
    assert (check.status, check.finding) == ("warn", "fail")
    assert "category_unread" in [d["code"] for d in check.doubts]


def test_a_self_assessment_table_with_every_category_that_does_not_add_up_fails(tmp_path):
    funds = ("项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
             "年度资金总额 | 50 | 50 | 50 | 10 | 100% | 10 |\n")
    text = (_SELF_ASSESSMENT_ROWS.replace("| 发放人数 | 30 | 30 |", "| 发放人数 | 25 | 25 |") + _SELF_ASSESSMENT_REST)
    record = extract_text(tmp_path, funds + text + "| 总分 | | | 100 | 95 |\n某县民政局\n2023年3月1日\n")
    check = check_of(record, "indicator_weights_sum")
    assert (check.status, check.certainty) == ("fail", "certain")  # 95 of 100, every category and the execution row read


def test_a_flat_list_of_leaves_names_no_category_and_its_contradiction_stays_certain(tmp_path):
    # '绩效目标合理性' is a leaf, not the evaluation form's 决策 category: nothing says a category went unread
    rows = "".join(f"| {name} | {w} | {s} |\n" for name, w, s in [
        ("项目立项规范性", 20, 20), ("绩效目标合理性", 20, 18), ("资金使用合规性", 20, 19), ("建档率", 20, 18),
        ("服务对象满意度", 20, 16)])
    text = "项目绩效评价评分表\n| 指标 | 分值 | 得分 |\n" + rows + "| 合计 | 100 | 93 |\n某县卫生健康局\n2023年3月1日\n"
    check = check_of(extract_text(tmp_path, text), "indicator_scores_sum")
    assert (check.status, check.certainty) == ("fail", "certain")  # 91 against the printed 93


def test_a_weight_off_by_a_point_or_two_in_a_form_without_one_of_the_categories_stays_certain(tmp_path):
    # a local form scored on 产出 and 效益 only: weights 98 of 100 are a typo in a row, no category lost (review case)
    funds = ("项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
             "年度资金总额 | 80 | 80 | 76 | 10 | 95% | 9.5 |\n")
    rows = "".join(f"| {a} | {b} | {c} | {w} | {s} |\n" for a, b, c, w, s in [
        ("产出指标", "数量指标", "养护里程", 18, 18), ("产出指标", "质量指标", "路面完好率", 15, 15),
        ("产出指标", "时效指标", "养护完成及时率", 10, 10), ("产出指标", "成本指标", "每公里养护成本", 5, 5),
        ("效益指标", "社会效益指标", "群众出行便利度", 20, 19), ("效益指标", "可持续影响指标", "道路使用年限", 20, 20)])
    text = (funds + "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n" + rows + "| 总分 | | | 100 | 96.5 |\n"
            "某县交通运输局\n2024年3月15日\n")
    check = check_of(extract_text(tmp_path, text), "indicator_weights_sum")
    assert (check.status, check.certainty) == ("fail", "certain")

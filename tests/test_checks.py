"""Each check made to fail by altering a report's text, with its message and figures asserted.

Checks whose inputs the shared sample has are broken in the sample's own text; the others in the
synthetic documents of samples/ (a self-assessment form, an HTML report with subtotals).
"""
import pytest
from conftest import SAMPLES
from helpers import altered, check_of, extract_text

import pipeline
from pipeline.record import Band, Indicator, Record
from pipeline.verify import CHECK_IDS, REGISTRY


def run(tmp_path, text, name="report.txt"):
    return extract_text(tmp_path, text, name)


def test_every_check_has_a_docstring_rule_and_runs_once_per_record(sample_text, tmp_path):
    record = run(tmp_path, sample_text)
    assert sorted(c.id for c in record.checks) == sorted(CHECK_IDS)
    for spec in REGISTRY.values():
        assert len(spec.rule) > 20, spec.id


def test_sample_passes_its_must_pass_checks(sample_text, tmp_path):
    record = run(tmp_path, sample_text)
    for cid in ("indicator_scores_sum", "indicator_weights_sum", "score_within_weight", "execution_rate",
                "subprojects_sum", "subproject_items_sum", "execution_score", "repeated_figures_agree"):
        assert check_of(record, cid).status == "pass", cid


def test_indicator_scores_sum_fails_when_a_score_changes(sample_text, tmp_path):
    c = check_of(run(tmp_path, altered(sample_text, "108八、", "107八、")), "indicator_scores_sum")
    assert c.status == "fail" and c.severity == "error"
    assert c.expected == 89.7 and c.actual == 88.7
    assert "88.7" in c.message and "89.7" in c.message and " / " in c.message
    assert any(e["pointer"] == "/scores/total_score" for e in c.evidence)


def test_indicator_weights_sum_fails_when_a_weight_changes(sample_text, tmp_path):
    c = check_of(run(tmp_path, altered(sample_text, "。55二、", "。65二、")), "indicator_weights_sum")
    assert c.status == "fail" and c.expected == 100 and c.actual == 101
    assert "101" in c.message


def test_score_within_weight_fails_when_a_score_exceeds_its_weight(sample_text, tmp_path):
    c = check_of(run(tmp_path, altered(sample_text, "44六、", "45六、")), "score_within_weight")
    assert c.status == "fail" and c.actual == [5]
    assert "项目管理制度" in c.message


def test_execution_rate_fails_when_the_rate_changes(sample_text, tmp_path):
    c = check_of(run(tmp_path, altered(sample_text, "97.22%", "96.22%")), "execution_rate")
    assert c.status == "fail" and c.expected == 96.22 and abs(c.actual - 97.2219) < 1e-3
    assert "96.22" in c.message
    assert {e["pointer"] for e in c.evidence} >= {"/budget/budget_yuan", "/budget/executed_yuan", "/budget/execution_rate"}


def test_execution_rate_reports_a_wan_yuan_mix_up_as_needing_a_look(tmp_path):
    # off by exactly 10⁴: a unit written or read wrong explains it better than a report error
    text = "某项目支出绩效评价报告\n项目预算合计113万元,预算执行数为109.86元,预算执行率为97.22%。\n"
    c = check_of(run(tmp_path, text), "execution_rate")
    assert c.finding == "fail" and c.status == "warn" and c.certainty == "unsure"
    assert "万元" in c.message and "10⁴" in c.message and [d["code"] for d in c.doubts] == ["unit_factor"]


def test_execution_score_warns_when_the_score_does_not_fit_the_rate(sample_text, tmp_path):
    c = check_of(run(tmp_path, altered(sample_text, "87.7", "86.7")), "execution_score")
    assert c.status == "warn" and c.severity == "warning" and c.actual == 6.7
    assert abs(c.expected - 7.7776) < 1e-3


def test_grade_matches_score_fails_on_a_grade_outside_its_band(sample_text, tmp_path):
    text = altered(sample_text, "項目自評分為89.7分", "項目自評分為89.7分,評價等級為優")
    record = run(tmp_path, text)
    c = check_of(record, "grade_matches_score")
    assert record.grade.stated == "优"
    assert c.status == "fail" and c.expected == "良" and c.actual == "优"


def test_grade_bands_valid_warns_on_a_gap_between_bands(sample_text, tmp_path):
    text = altered(sample_text, "75 (含75分)一 90分", "78 (含78分)一 90分")
    c = check_of(run(tmp_path, text), "grade_bands_valid")
    assert c.status == "warn" and "78" in c.message


def test_subprojects_sum_fails_when_a_subproject_amount_changes(sample_text, tmp_path):
    record = run(tmp_path, altered(sample_text, "區兩化融合項目 25萬元", "區兩化融合項目 35萬元"))
    c = check_of(record, "subprojects_sum")
    assert c.status == "fail" and c.severity == "error"
    assert c.expected == 1130000 and c.actual == 1230000


def test_subproject_items_sum_fails_when_an_item_changes(sample_text, tmp_path):
    record = run(tmp_path, altered(sample_text, "工作推進會7 萬", "工作推進會9 萬"))
    c = check_of(record, "subproject_items_sum")
    assert c.status == "fail" and c.expected == 250000 and c.actual == 270000
    assert "两化融合" in c.message


def test_repeated_figures_agree_fails_when_a_restated_figure_differs(sample_text, tmp_path):
    record = run(tmp_path, altered(sample_text, "項目預算合計113萬元", "項目預算合計114萬元"))
    c = check_of(record, "repeated_figures_agree")
    assert c.status == "fail" and {c.expected, c.actual} == {1130000, 1140000}


def test_indicator_count_stated_warns_on_a_wrong_count(sample_text, tmp_path):
    c = check_of(run(tmp_path, altered(sample_text, "共設有9類指標", "共設有12類指標")), "indicator_count_stated")
    assert c.status == "warn" and c.expected == 12


def test_year_consistency_warns_on_a_rule_issued_after_the_report(sample_text, tmp_path):
    text = altered(sample_text, "項目績效評價采用", "根據財預〔2020〕10號,項目績效評價采用")
    c = check_of(run(tmp_path, text), "year_consistency")
    assert c.status == "warn" and "财预〔2020〕10号" in c.message


def test_document_complete_warns_on_the_truncated_sample(sample_text, tmp_path):
    record = run(tmp_path, sample_text)
    assert record.source.truncated is True
    assert check_of(record, "document_complete").status == "warn"


def test_document_complete_passes_a_whole_report():
    record = pipeline.extract(SAMPLES / "project_shanghai_gb18030.txt")[0]
    assert check_of(record, "document_complete").status == "pass"


def test_part_sums_text_fails_when_parts_do_not_add_up(sample_text, tmp_path):
    text = sample_text + "\n支出合计100万元,其中人员经费60万元、公用经费30万元。\n"
    c = check_of(run(tmp_path, text), "part_sums_text")
    assert c.status == "fail" and c.expected == 1_000_000 and c.actual == 900_000


def test_yoy_change_warns_when_the_percent_does_not_fit(tmp_path):
    text = "部门整体支出绩效评价报告\n收入:792.22万元。同比上年度增加189.25万元,增加35.39%。\n"
    c = check_of(run(tmp_path, text), "yoy_change")
    assert c.status == "warn" and c.actual == 35.39 and abs(c.expected - 31.386) < 1e-2
    good = check_of(run(tmp_path, text.replace("35.39%", "31.39%")), "yoy_change")
    assert good.status == "pass"


# --- checks that need a form or a table with subtotals: the synthetic documents -------------------

@pytest.fixture()
def selfeval_text():
    return (SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8")


def test_selfeval_form_passes_its_checks(selfeval_text, tmp_path):
    record = run(tmp_path, selfeval_text)
    for cid in ("funding_sources_sum", "selfeval_execution_score", "selfeval_total", "level1_weight_profile",
                "rate_indicators", "budget_columns_order", "execution_rate"):
        assert check_of(record, cid).status == "pass", cid


def test_funding_sources_sum_fails_when_a_source_row_changes(selfeval_text, tmp_path):
    text = altered(selfeval_text, "其中:当年财政拨款 | 300 | 320 |", "其中:当年财政拨款 | 300 | 330 |")
    c = check_of(run(tmp_path, text), "funding_sources_sum")
    assert c.status == "fail" and c.expected == 3_200_000 and c.actual == 3_300_000


def test_selfeval_execution_score_warns_when_the_score_does_not_fit(selfeval_text, tmp_path):
    text = altered(selfeval_text, "| 10 | 95.25% | 9.5", "| 10 | 95.25% | 8.5").replace("| 100 | 95.5 |", "| 100 | 94.5 |")
    c = check_of(run(tmp_path, text), "selfeval_execution_score")
    assert c.status == "warn" and c.actual == 8.5


def test_selfeval_total_fails_when_the_total_is_not_the_sum(selfeval_text, tmp_path):
    c = check_of(run(tmp_path, altered(selfeval_text, "| 100 | 95.5 |", "| 100 | 96.5 |")), "selfeval_total")
    assert c.status == "fail" and c.expected == 96.5 and c.actual == 95.5


def test_level1_weight_profile_warns_on_another_profile(selfeval_text, tmp_path):
    text = altered(selfeval_text, "| 受益人口 | ≥3.5万人 | 3.3万人 | 30 | 28 |", "| 受益人口 | ≥3.5万人 | 3.3万人 | 25 | 23 |")
    text = altered(text, "| 群众满意度 | ≥90% | 93% | 10 | 9 |", "| 群众满意度 | ≥90% | 93% | 15 | 14 |")
    c = check_of(run(tmp_path, text), "level1_weight_profile")
    assert c.status == "warn" and c.actual["效益"] == 25


def test_rate_indicators_warns_on_a_rate_above_100(selfeval_text, tmp_path):
    c = check_of(run(tmp_path, altered(selfeval_text, "| ≥95% | 94% |", "| ≥95% | 194% |")), "rate_indicators")
    assert c.status == "warn" and c.actual == 194


def test_budget_columns_order_warns_when_spending_exceeds_budget(tmp_path):
    text = "某项目支出绩效评价报告\n项目预算合计100万元,预算执行数为120万元,预算执行率为120%。\n"
    c = check_of(run(tmp_path, text), "budget_columns_order")
    assert c.status == "warn" and c.actual == 1_200_000


def test_subtotals_match_fails_when_a_category_subtotal_is_wrong(tmp_path):
    html = (SAMPLES / "project_shanghai.html").read_text(encoding="utf-8")
    record = run(tmp_path, html, "page.html")
    assert check_of(record, "subtotals_match").status == "pass"
    c = check_of(run(tmp_path, html.replace("项目决策(13分)", "项目决策(15分)"), "page.html"), "subtotals_match")
    assert c.status == "fail" and c.expected == 15 and c.actual == 13


# --- the checks on records edited by hand (jixiao check) ---------------------------------------------

def test_checks_skip_when_inputs_are_missing():
    record = Record()
    pipeline.verify(record)
    assert all(c.status == "skip" for c in record.checks if c.id != "document_complete")
    assert check_of(record, "document_complete").status == "warn"  # nothing of a report is there


def test_a_corrected_value_changes_the_verdict():
    record = pipeline.extract(SAMPLES / "project_shanghai_gb18030.txt")[0]
    record.scores.indicators[0].score = 9  # an auditor types a wrong value
    pipeline.verify(record)
    assert check_of(record, "score_within_weight").status == "fail"
    assert check_of(record, "indicator_scores_sum").status == "fail"


def test_grade_check_uses_half_open_bands():
    record = Record()
    record.scores.total_score = 90.0
    record.scores.indicators = [Indicator(name="x", weight=100, score=90)]
    record.grade.bands = [Band("优", 90, None), Band("良", 80, 90)]
    record.grade.bands_source = "report"  # bands the report states: a grade outside them is its own contradiction
    record.grade.stated = "良"
    pipeline.verify(record)
    assert check_of(record, "grade_matches_score").status == "fail"


@pytest.mark.parametrize("total, stated, status", [
    (93.22, "优", "pass"),  # 优 under 90 / 80 / 60, 90 / 75 / 60 and 85 / 70 / 60 alike
    (84, "良", "pass"),
    (86.88, "良", "skip"),  # 优 under 85 / 70 / 60: which rule the report followed decides, and it states none
    (93, "良", "skip"),  # no regime gives it, but the report's own rule is unknown: never a failure
])
def test_a_grade_without_bands_is_held_against_every_local_regime(total, stated, status):
    record = Record()
    record.scores.total_score = total
    record.grade.stated = stated
    pipeline.verify(record)
    assert check_of(record, "grade_matches_score").status == status


@pytest.mark.parametrize("sentence", [
    "评价结果分为优秀、良好、合格、不合格四个等级,分别对应95分以上、80-95分、60-80分、60分以下。本项目自评得分91分,评价等级为优秀。",
    "本项目满分120分,自评得分95分,评价等级为优秀。",
])
def test_no_local_regime_stands_in_for_bands_or_a_whole_the_report_words(tmp_path, sentence):
    record = extract_text(tmp_path, f"某县2018年度项目支出绩效自评报告\n一、基本情况\n{sentence}\n")
    assert check_of(record, "grade_matches_score").status != "pass"


def test_a_sub_items_budget_close_to_the_total_is_not_a_restatement(tmp_path):
    text = "某项目支出绩效评价报告\n项目预算100万元,其中设备购置预算99万元。预算执行数为95万元,预算执行率为95%。"
    record = run(tmp_path, text)
    assert record.budget.budget_yuan == 1_000_000
    assert check_of(record, "repeated_figures_agree").status == "skip"


def test_part_sums_text_passes_two_splits_printed_side_by_side(tmp_path):
    """A department form's income (by source) and spending (by class) in one list: each split is summed
    against its own total, not the first total against the other split's parts."""
    text = ("部门整体支出绩效评价报告\n收入合计1000万元,支出合计1000万元,其中:财政拨款收入900万元,基本支出600万元,"
            "其他收入100万元,项目支出400万元。\n")
    c = check_of(run(tmp_path, text), "part_sums_text")
    assert c.status == "pass"
    c = check_of(run(tmp_path, text.replace("项目支出400万元", "项目支出300万元")), "part_sums_text")
    assert c.status == "fail" and c.expected == 10_000_000 and c.actual == 9_000_000


def test_the_whole_spending_s_rate_and_the_project_spending_s_rate_are_two_figures_not_one_stated_twice(tmp_path):
    text = ("某省残疾人联合会2023年度部门整体支出绩效自评报告\n全年预算数63500万元,本年支出合计61658.08万元,预算执行率为97.10%。\n"
            "2023年度项目支出全年预算数49724.97万元,决算数47881.27万元,项目预算执行率96.29%。\n")
    assert check_of(run(tmp_path, text), "repeated_figures_agree").status != "fail"
    # the same rate misprinted in the same words is still one figure stated twice
    same = text.replace("项目预算执行率96.29%", "预算执行率为96.29%")
    assert check_of(run(tmp_path, same), "repeated_figures_agree").status == "fail"


def test_a_rate_printed_as_a_fraction_to_one_decimal_is_checked_to_its_printed_precision(tmp_path):
    text = ("某县项目支出绩效自评表\n预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |\n"
            "年度财政资金总额 | 650 | 94 | 0.1 | 2.9 | ||\n")
    record = run(tmp_path, text)
    assert check_of(record, "execution_rate").status == "pass"  # 14.46 % is '0.1' as printed, not 0.1 %
    assert check_of(record, "execution_score").status == "pass"  # 2.9 = 20 × 14.46 %
    # the same fraction against amounts it does not round to still fails
    assert check_of(run(tmp_path, text.replace("| 94 |", "| 394 |")), "execution_rate").status != "pass"


def test_an_item_of_a_list_that_states_its_amount_twice_is_one_part(tmp_path):
    text = ("某区老旧小区改造项目绩效自评报告\n200万元专项资金,具体用于支付:1大石围小区工程尾款43.96万元,已全部支付到位;"
            "2第二批次项目缺口资金105.04万元,已使用上级资金支付进度款,105.04万元将于竣工验收后支付;3配套基础设施项目前期费用"
            "45万元;4梅苑路小区改造项目缺口资金6万元。\n")
    assert check_of(run(tmp_path, text), "part_sums_text").status == "pass"
    # a part that only looks like a restatement, in an item of its own, still counts
    broken = text.replace("105.04万元将于竣工验收后支付;3配套", "105.04万元将于竣工验收后支付;3配套105.04万元,")
    assert check_of(run(tmp_path, broken), "part_sums_text").status != "pass"


def test_every_verdict_names_the_stated_and_the_computed_figure_the_same_way(tmp_path):
    text = ("项目支出绩效评价报告\n项目预算合计100万元,实际支出90万元,预算执行率91%。\n"
            "项目综合得分85分,等级为优。评价得分在90分及以上的为优,80分以上的为良。\n")
    record = run(tmp_path, text)
    rate = check_of(record, "execution_rate")
    assert rate.status == "fail" and rate.stated == 91 and rate.computed == 90
    grade = check_of(record, "grade_matches_score")
    assert grade.status == "fail" and grade.stated == "优" and grade.computed == "良"


ALLOCATION = ("财政局呼财农指【2023】41号文件《关于下达2023年自治区水利发展资金预算的通知》,下达本县2023年资金{a}万元。\n"
              "另据呼财农指【2023】41号文件,下达本县山洪灾害防治设施维养{b}万元。\n")


def test_an_allocation_stated_twice_by_its_document_number_must_agree(tmp_path):
    text = "某县2023年水利发展资金绩效自评报告\n" + ALLOCATION.format(a=5, b=6)
    c = check_of(run(tmp_path, text), "repeated_figures_agree")
    assert c.status == "fail" and "allocation 农指〔2023〕41号" in c.message
    c = check_of(run(tmp_path, "某县2023年水利发展资金绩效自评报告\n" + ALLOCATION.format(a="6.0", b=6)), "repeated_figures_agree")
    assert c.status == "pass"


def test_one_document_allotting_to_several_named_works_states_one_amount_each_not_one_figure_twice(tmp_path):
    text = ("某小学2021年项目资金绩效自评报告\n渝财教[2020]209号-从教委调剂至某小学--厕所改造工程-关于提前下达2021年校舍维修资金的通知-中央3.07万元;\n"
            "渝财教[2020]209号-从教委调剂至某小学--功能室改造工程-关于提前下达2021年校舍维修资金的通知-中央10万元;\n")
    assert check_of(run(tmp_path, text), "repeated_figures_agree").status != "fail"


def test_a_total_split_by_the_levels_paying_it_that_does_not_add_up_is_one_flag_under_funding_sources_sum(tmp_path):
    text = ("残疾人事业发展补助资金绩效自评报告\n项目共投入资金1987.08万元。其中中央资金投入776.84万元,省级资金投入290.36万元,"
            "地方资金投入992.88万元。全年执行资金1847.85万元,其中人员经费847.85万元,公用经费1000万元。\n")
    record = run(tmp_path, text)
    sources = check_of(record, "funding_sources_sum")
    assert sources.status == "fail" and sources.expected == 19_870_800 and sources.actual == 20_600_800
    # the spending's split by class adds up: part_sums_text passes on it, and does not flag the sources again
    assert check_of(record, "part_sums_text").status == "pass"


def test_a_rate_stated_after_one_sources_spending_is_that_sources_not_a_second_statement_of_the_whole(tmp_path):
    text = ("补助资金绩效自评报告\n年初下达中央资金776.84万元;地方投入补助资金877.99万元。\n"
            "实际完成情况为:中央资金完成636.75万元,预算执行率81.97%;地方资金完成877.99万元,预算执行率100%。\n"
            "项目共投入资金1987.08万元。全年执行资金1847.85万元,执行率92.9%。\n")
    record = run(tmp_path, text)
    # the whole's pair (1847.85 / 1987.08, truncated) before the one source's own (877.99 / 877.99)
    assert (record.budget.budget_yuan, record.budget.executed_yuan, record.budget.execution_rate) == (19_870_800, 18_478_500, 92.9)
    assert check_of(record, "repeated_figures_agree").status != "fail"


def test_the_amount_by_which_spending_passed_the_budget_is_no_budget(tmp_path):
    text = ("城乡居保市级补贴绩效评价报告\n各县区申请市级补贴共计1904万元,其中缴费补贴155.46万元,基础养老金1748.54万元。\n"
            "贵池区申请基础养老金补贴945.72万元,发放市级承担基础养老金1045.28万元,超出预算金额99.56万元。\n")
    record = run(tmp_path, text)
    assert record.budget.budget_yuan == 19_040_000


@pytest.mark.parametrize("text, triple", [
    # the whole's sentence names the funds' level: its rate is still the whole's, tried before a part's
    ("本项目为中央财政专项资金项目,年初预算100万元,实际支出95万元,预算执行率95%。其中设备购置预算40万元,支出32万元,执行率80%。",
     (1_000_000, 950_000, 95)),
    # the budget spending fell short of, stated after 低于, is the budget
    ("2023年实际支出480万元,低于预算数500万元,预算执行率96%。", (5_000_000, 4_800_000, 96)),
])
def test_the_wholes_figures_stand_where_a_source_or_a_comparison_is_named_with_them(tmp_path, text, triple):
    record = run(tmp_path, "项目绩效自评报告\n" + text + "\n")
    assert (record.budget.budget_yuan, record.budget.executed_yuan, record.budget.execution_rate) == triple


def test_a_count_before_the_parts_cue_leaves_the_split_to_the_amount_before_it(tmp_path):
    record = run(tmp_path, "项目绩效自评报告\n项目下达资金500万元,覆盖乡镇12(其中中央资金300万元,省级资金200万元)。\n")
    assert check_of(record, "funding_sources_sum").status == "pass"


def test_a_row_under_a_bonus_category_sits_outside_the_100_points(tmp_path):
    text = ("某县2022年度农村饮水安全项目绩效评价报告\n附表:绩效评价评分表\n一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 评分依据\n"
            "决策 | 项目立项 | 立项依据充分性 | 50 | 48 | 符合要求\n产出 | 产出数量 | 完成工程数量 | 50 | 45 | 符合要求\n"
            "加分项 | 创新性 | 创新做法 | 5 | | 无创新做法,不加分\n合计 | | | 100 | 93 |\n")
    record = run(tmp_path, text)
    assert check_of(record, "indicator_weights_sum").status == "pass"
    # the same row under an ordinary category is one of the 100 points, and the weights contradict the total
    broken = run(tmp_path, text.replace("加分项 | 创新性", "效益 | 创新性"))
    assert check_of(broken, "indicator_weights_sum").status != "pass"

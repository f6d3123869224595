"""The table interpreter (pipeline/tables): headers by role, rows in any layout, cells by kind.

Figures and names are invented; the layouts are those of real scrapes (DOMAIN.md §2.3, §4.2).
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.record import FundingSource, Record
from pipeline.tables.cells import tokenize
from pipeline.tables.column_runs import read_column_runs
from pipeline.tables.funds import read_funds
from pipeline.tables.grid import Cells
from pipeline.tables.layout import find_headers
from pipeline.tables.scores import leaves, read_score_table
from pipeline.verify.budget import funding_sources_sum

FUNDS_HEADER = "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"


def _total(text):
    table = read_funds(text)
    assert table is not None
    return {k: v.value for k, v in table.figures_row().values.items()}, table


def test_tokens_keep_a_label_whole_and_a_target_with_its_operator():
    text = "其中:中央财政资金(万元) 52.80 ≥90% 29.5亩 /"
    kinds = [(t.kind, t.text) for t in tokenize(text, 0, len(text))]
    assert kinds == [("text", "其中:中央财政资金(万元)"), ("number", "52.80"), ("target", "≥90%"),
                     ("measure", "29.5亩"), ("dash", "/")]


def test_header_words_broken_over_lines_are_one_header():
    text = "项目资金\n(万元)\n年初\n预算数\n全年\n预算数\n全年\n执行数\n分值\n执行率\n得分\n年度资金总额\n43.2\n"
    (header,) = find_headers(text)
    assert header.roles == ["initial", "budget", "executed", "weight", "rate", "score"]
    assert header.unit_factor == 10_000


def test_a_glued_funds_row_is_cut_along_the_header_columns():
    values, _ = _total(FUNDS_HEADER.replace(" ", "") + "年度资金总额120.5120.5100.41083.32%8.33")
    assert values == {"initial": 120.5, "budget": 120.5, "executed": 100.4, "weight": 10.0, "rate": 83.32, "score": 8.33}


def test_a_funds_row_whose_amounts_lost_their_leading_digits_reads_only_what_its_arithmetic_proves():
    header = "年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分"
    table = read_funds(header + "年度总金额.32.06.5其中财政拨款.32.06.579.27107.93年初绩效目标")
    rows = {r.label: {k: v.value for k, v in r.values.items()} for r in table.rows}
    # the total row's '.32.06.5' is no 32 | 6.5: nothing of it is read; the other row's tail is proven by
    # 10 × 79.27 % = 7.927 -> 7.93, its amounts left unread
    assert list(rows.values()) == [{"rate": 79.27, "weight": 10, "score": 7.93}]
    assert [s["reason"] for s in table.report.to_dict()["rows_skipped"]][:2] == [
        "amounts with their leading digits lost",
        "amounts with their leading digits lost; rate, weight and score read by score = weight × rate"]
    # the national form's order, 分值 | 执行率 | 得分: the same proof, cut in that order
    national = read_funds("年初预算数全年预算数全年执行数分值执行率得分其中财政拨款.32.06.51079.277.93年度总体目标")
    assert [{k: v.value for k, v in r.values.items()} for r in national.rows] == [{"weight": 10, "rate": 79.27, "score": 7.93}]


def test_glued_integer_amounts_before_their_rate_are_cut():
    values, _ = _total("全年预算数(A)全年执行数(B)预算执行率(B/A×100%)年度资金总额:390390100%其中:中央财政资金390390100%")
    assert values == {"budget": 390.0, "executed": 390.0, "rate": 100.0}


def test_lettered_columns_the_rate_formula_names_the_budget_and_a_dropped_cell_is_placed():
    text = ("全年预算数(A) 统筹整合资金数(B) 扣除统筹整合资金后预算金额(C) 全年执行资金(D) 预算执行(D/C×100%)\n"
            "年度资金总额: 80.00 80.00 60.00 75.00%\n")
    values, table = _total(text)
    assert table.budget_role() == "budget_net"
    assert values["budget_net"] == 80.0 and values["executed"] == 60.0 and values["rate"] == 75.0
    # A or B lost its cell: both readings fit the rate, so neither column is read.
    assert "budget" not in values and "pooled" not in values
    assert table.report.ambiguous


def test_a_rate_printed_without_percent_and_the_block_points_of_a_20_point_row():
    text = ("预算执行情况(万元)\n(20分)\n预算数(A)\n执行数(B)\n执行率(B/A)\n得分\n(20分*执行率)\n"
            "年度财政资金总额\n50\n10\n20\n4\n年度绩效目标\n")
    values, table = _total(text)
    assert values == {"budget": 50.0, "executed": 10.0, "rate": 20.0, "score": 4.0}
    assert table.header.points == 20.0


def test_a_total_row_of_zeros_gives_way_to_its_only_filled_part():
    values, table = _total(FUNDS_HEADER + "年度资金总额: 0 0 0 10 0 0\n其中:本年财政拨款 90 89.974 89.974\n上年结转资金\n")
    assert values == {"initial": 90.0, "budget": 89.974, "executed": 89.974}
    assert table.total.values["budget"].value == 0


def test_two_splits_of_one_total_are_kept_apart():
    text = (FUNDS_HEADER.replace(" ", "") + "年度资金总额300.5300.5300.510100%10按收入性质分:300.5按支出性质分:300.5"
            "其中:一般公共预算:300.5其中:基本支出:200.25政府性基金拨款:项目支出:100.25其他资金:年度总体目标")
    _, table = _total(text)
    groups = {(r.label, r.kind, r.group): r.values["budget"].value for r in table.rows if "budget" in r.values}
    assert groups[("一般公共预算", "part", "source")] == 300.5
    assert groups[("基本支出", "part", "use")] == 200.25
    assert groups[("项目支出", "part", "use")] == 100.25


def test_a_funds_header_one_cell_a_line_keeps_its_rate_whole_before_a_weight_column():
    # '预算执行率' over '权重' squeezes to '预算执行率权重', and '执行率权重' names a column of its own; the line break
    # after 率 says the rate's word ends there
    text = ("预算执行情况(10分)\n年度预算数(万元)\n年初预算\n调整后预算数\n预算执行数\n预算执行率\n权重\n得分\n原因\n"
            "总额\n238.93\n251.89\n251.89\n100.00%\n10\n其中:财政资金\n238.93\n251.89\n251.89\n100.00%\n")
    values, table = _total(text)
    assert table.header.roles[-2:] == ["weight", "score"]
    assert values["weight"] == 10 and values["rate"] == 100
    # glued in one cell, '执行率权重' is still the weight column's name
    glued = "年初预算数\n全年预算数\n全年执行数\n执行率\n执行率权重\n执行率得分\n年度资金总额\n10\n10\n10\n100%\n10\n10\n"
    assert [h.roles for h in find_headers(glued)] == [["initial", "budget", "executed", "rate", "weight", "score"]]


def test_split_headings_run_together_with_their_first_source_are_no_total_of_their_own():
    # lines run together: the headings 按收入性质分 and 按支出性质分 had no figure, so the first figure is the
    # source 一般公共预算's, and the two sources add up to the block's total
    text = (FUNDS_HEADER.replace(" ", "") + "年度资金总额4753.664753.663824.2610100%10按收入性质分:按支出性质分:"
            "其中:一般公共预算:1873.66万元其中:基本支出:1768.16万元政府性基金拨款:项目支出:2985.5万元"
            "纳入专户管理的非税收入拨款:其他资金:2880万元年度总体目标")
    _, table = _total(text)
    rows = {(r.label, r.kind, r.group): r.values["budget"].value for r in table.rows if "budget" in r.values}
    assert rows[("一般公共预算", "part", "source")] == 1873.66
    assert rows[("其他资金", "part", "source")] == 2880.0
    assert not any(r.kind == "split_total" for r in table.rows)


def _leaf_rows(text):
    """The score table's rows as (name, weight, score)."""
    table, _ = read_score_table(text)
    return [(i.name, i.weight, i.score) for i in leaves(table)]


def _record_with(rows):
    r = Record()
    r.budget.funding_sources = rows
    return r


def test_funding_sources_sum_checks_each_split_against_its_own_total():
    rows = [FundingSource("年度资金总额", budget_yuan=3_005_000, is_total=True),
            FundingSource("按收入性质分", budget_yuan=3_005_000, is_total=True, group="source"),
            FundingSource("按支出性质分", budget_yuan=3_005_000, is_total=True, group="use"),
            FundingSource("一般公共预算", budget_yuan=3_005_000, group="source"),
            FundingSource("基本支出", budget_yuan=2_002_500, group="use"),
            FundingSource("项目支出", budget_yuan=1_002_500, group="use")]
    assert funding_sources_sum(_record_with(rows)).status == "pass"
    rows[-1].budget_yuan = 900_000  # the use split no longer adds up; the source split still does
    check = funding_sources_sum(_record_with(rows))
    assert check.status == "fail" and "use" in check.message


def test_pipe_rows_with_a_merged_category_on_its_first_row_only():
    text = ("一级指标|二级指标|三级指标|分值|年度指标值|实际完成值|得分|偏差原因\n"
            "产出指标(30分)|\n"
            "数量指标|新建灌溉渠道|10|≥1200米|1250米|10|\n"
            "设备验收合格率|10|≥95%|98%|9.5|\n"
            "质量指标|\n"
            "工程验收合格率|10|100%|100%|10|\n"
            "合计|30|29.5|\n")
    table, report = read_score_table(text)
    leaves = [(i.name, i.weight, i.score) for i in table.indicators if i.weight is not None and i.level == 3]
    assert leaves == [("新建灌溉渠道", 10, 10), ("设备验收合格率", 10, 9.5), ("工程验收合格率", 10, 10)]
    top = table.indicators[0]
    assert (top.name, top.weight, top.parent) == ("产出指标", 30, None)
    assert table.total_weight.value == 30 and table.total_score.value == 29.5
    assert report.layout == "pipe" and report.totals_confirmed


def test_a_weighted_table_glued_into_one_line_takes_the_weighted_score():
    text = ("评价准则权重(%)评价分值(百分制)加权平均得分绩效等级决策15%80.0012.00较好过程25%90.0022.50好"
            "产出40%85.0034.00好效益20%70.0014.00一般项目绩效100%/82.50良。")
    table, report = read_score_table(text)
    rows = [(i.name, i.weight, i.score) for i in table.indicators]
    assert rows == [("决策", 15, 12.0), ("过程", 25, 22.5), ("产出", 40, 34.0), ("效益", 20, 14.0)]
    assert (table.total_weight.value, table.total_score.value) == (100, 82.5)
    assert report.totals_confirmed


def test_a_clean_row_that_breaks_the_arithmetic_is_kept_as_written():
    text = ("一级指标|三级指标|分值|得分\n"
            "产出|完成率|10|12|\n"
            "效益|满意度|10|8|\n")
    table, _ = read_score_table(text)
    assert [(i.weight, i.score) for i in table.indicators if i.weight] == [(10, 12), (10, 8)]


# --- property: damage a known table, get the same rows back or an explicit ambiguity ----------------

ROW = st.tuples(st.sampled_from(["完成率", "合格率", "及时性", "满意度", "覆盖率", "达标率"]),
                st.integers(1, 20), st.integers(0, 20), st.sampled_from([0, 5]))


def _render(rows, layout):
    lines = []
    for k, (name, w, s, half) in enumerate(rows):
        score = f"{min(s, w - 1) if half else min(s, w)}{'.5' if half else ''}"
        if layout == "pipe":
            lines.append(f"指标{k}{name}|{w}|≥90%|{score}|")
        elif layout == "spaced":
            lines.append(f"指标{k}{name} {w} ≥90% {score}")
        elif layout == "lines":
            lines.append(f"指标{k}{name}\n{w}\n≥90%\n{score}")
        else:  # glued: the target's unit ends it, weight and score stay apart only through it
            lines.append(f"指标{k}{name}{w}≥90%{score}")
    sep = "|" if layout == "pipe" else " "
    return sep.join(["三级指标", "分值", "年度指标值", "得分"]) + "\n" + "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(st.lists(ROW, min_size=2, max_size=7), st.sampled_from(["pipe", "spaced", "lines", "glued"]))
def test_any_layout_of_a_score_table_reads_back_its_rows(rows, layout):
    got = read_score_table(_render(rows, layout))
    assert got is not None
    table, _ = got
    read = [(i.weight, i.score) for i in table.indicators if i.weight is not None]
    want = [(float(w), float(min(s, w - 1) + 0.5 if h else min(s, w))) for _, w, s, h in rows]
    assert read == want


GLUED_ROW = ROW.filter(lambda r: float(f"{r[1]}{min(r[2], r[1] - 1) + 0.5 if r[3] else min(r[2], r[1])}") > 100)


@settings(max_examples=60, deadline=None)
@given(st.lists(GLUED_ROW, min_size=2, max_size=6))
def test_a_weight_glued_to_its_score_is_cut_or_left_ambiguous(rows):
    """'108.5' (10 | 8.5) with no cell between: the cut that keeps score ≤ weight, or no figure at all.
    (A run that can be one figure, '100' or '10', is read as one: its neighbour's cell may be empty.)"""
    text = "三级指标|分值|得分\n" + "\n".join(
        f"指标{k}{name}|{w}{min(s, w - 1) + 0.5 if h else min(s, w)}|" for k, (name, w, s, h) in enumerate(rows)) + "\n"
    got = read_score_table(text)
    want = [(float(w), float(min(s, w - 1) + 0.5 if h else min(s, w))) for _, w, s, h in rows]
    read = [(i.weight, i.score) for i in got[0].indicators] if got else []
    for k, pair in enumerate(read):
        if pair[0] is not None:  # a row read is read right; an unread row says why
            assert pair == want[k], (text, read)
        else:
            assert got[0].indicators[k].note


def test_a_unit_per_unit_and_a_short_unit_ending_its_cell_are_one_measure():
    for cell in ("1600元/平方米", "35元/人·月", "46公斤", "12艘"):
        text = f"a|{cell}|b"
        [tok] = tokenize(text, 2, 2 + len(cell), 1)
        assert (tok.kind, tok.text) == ("measure", cell)


_WORDED = ("一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|偏差原因分析及改进措施\n"
           "效益指标|社会效益指标|群众环境卫生意识|明显提升|有所提升|10|8|宣传覆盖面不足\n"
           "效益指标|可持续影响指标|长效保洁机制运行|长期|长期|5|5\n"
           "满意度指标|服务对象满意度指标|村民满意度|≥90%|92%|10|9.5|满意度≥95%得满分,每降低1%扣0.5分\n"
           "总分|总分|总分|总分|总分|25|22.5\n")


def test_cells_under_the_header_give_names_even_when_targets_are_words():
    table, report = read_score_table(_WORDED)
    rows = [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators if i.level == 3]
    assert rows == [("群众环境卫生意识", "明显提升", "有所提升", 10, 8), ("长效保洁机制运行", "长期", "长期", 5, 5),
                    ("村民满意度", "≥90%", "92%", 10, 9.5)]
    assert table.total_score.value == 22.5 and report.totals_confirmed


def test_a_subtotal_row_is_its_category_s_figures_not_an_indicator():
    text = ("一级指标|二级指标|三级指标|权重|评分标准|得分\n"
            "决策|项目立项|立项依据充分性|4||4\n"
            "决策|绩效目标|绩效目标合理性|6|到位率100%得满分|5\n"
            "决策|小计|小计|10||9\n"
            "过程|资金管理|预算执行率|10|得分=执行率×分值|9.5\n"
            "过程|小计|小计|10||9.5\n"
            "合计|合计|合计|20||18.5\n")
    table, report = read_score_table(text)
    names = [i.name for i in table.indicators]
    assert "小计" not in names
    top = {i.name: (i.weight, i.score) for i in table.indicators if i.level == 1}
    assert top == {"决策": (10, 9), "过程": (10, 9.5)}
    assert report.totals_confirmed and len(report.rows_skipped) == 2


def test_the_tables_totals_decide_how_glued_weight_and_score_runs_are_cut():
    text = ("一级指标二级指标三级指标分值得分\n"
            "决策项目立项立项依据充分性33\n"
            "决策绩效目标绩效目标合理性32\n"
            "过程资金管理预算执行率54\n"
            "产出产出数量培训班次完成率1010\n"
            "效益满意度参训学员满意度109\n"
            "合计3128\n")
    table, report = read_score_table(text)
    leaves = [(i.name, i.weight, i.score) for i in table.indicators if i.level == 3]
    assert leaves == [("立项依据充分性", 3, 3), ("绩效目标合理性", 3, 2), ("预算执行率", 5, 4),
                      ("培训班次完成率", 10, 10), ("参训学员满意度", 10, 9)]
    tops = [i.name for i in table.indicators if i.level == 1]
    assert tops == ["决策", "过程", "产出", "效益"]
    assert report.totals_confirmed and report.rows_chosen_by_totals >= 3


def test_totals_choose_nothing_when_two_combinations_add_up():
    from pipeline.tables.model import Value
    from pipeline.tables.totals import RowOptions, choose

    def reading(w, s):
        return {"weight": Value(float(w), 0, 1), "score": Value(float(s), 1, 2)}
    rows = [RowOptions(0, [(0.0, reading(5, 4)), (0.0, reading(5, 5))]),
            RowOptions(1, [(0.0, reading(5, 5)), (0.0, reading(5, 4))])]
    assert choose(rows, 10, 9) is None  # 4 + 5 or 5 + 4: the totals cannot say
    rows = [RowOptions(0, [(0.0, reading(5, 4))]), RowOptions(1, [(0.0, reading(5, 6)), (0.1, reading(5, 5))])]
    chosen = choose(rows, 10, 9)
    assert [c["score"].value for c in chosen] == [4, 5]


def test_columns_spaced_out_by_runs_of_spaces_are_cells():
    text = ("绩效评价评分表\n\n指标                 分值   得分   扣分原因\n"
            "项目立项规范性       8      8\n"
            "绩效目标合理性       7      6      部分指标未量化\n"
            "资金到位率           6      6\n"
            "总分                 21     20\n")
    table, report = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in table.indicators] == \
        [("项目立项规范性", 8, 8), ("绩效目标合理性", 7, 6), ("资金到位率", 6, 6)]
    assert report.layout == "spaced" and report.totals_confirmed


def test_a_deduction_column_is_not_the_score_and_a_repeated_header_continues_the_table():
    text = ("指标编码 | 一级指标 | 二级指标 | 分值 | 扣分 | 扣分说明\n"
            "A1 | 决策 | 项目立项 | 10 | 0\n"
            "A2 | 决策 | 绩效目标 | 10 | 2 | 绩效目标未细化量化\n"
            "— 6 —\n"
            "指标编码 | 一级指标 | 二级指标 | 分值 | 扣分 | 扣分说明\n"
            "B1 | 过程 | 资金管理 | 15 | 1.5 | 预算执行率95.23%\n"
            " | 合计 |  | 35 | 3.5\n")
    table, report = read_score_table(text)
    rows = [(i.name, i.weight, i.score) for i in table.indicators if i.level == 2]
    assert rows == [("项目立项", 10, None), ("绩效目标", 10, None), ("资金管理", 15, None)]
    assert table.total_weight.value == 35 and report.totals_confirmed


def test_a_name_wrapped_onto_the_next_line_of_its_cell_joins_it():
    text = ("一级指标    三级指标                      分值    得分\n"
            "效益        修复成果长效管护机制          7       4.6\n"
            "            建立情况\n"
            "            周边群众满意度                7       6\n"
            "合计                                      14      10.6\n")
    table, _ = read_score_table(text)
    assert [i.name for i in table.indicators if i.level == 2] == ["修复成果长效管护机制建立情况", "周边群众满意度"]


def test_a_header_cell_merged_over_two_columns_is_one_column():
    text = ("资金情况(万元) |  |  | 全年预算数(A) | 全年预算数(A) | 全年执行数(B) | 全年执行数(B) | 执行率(B/A)\n"
            "资金情况(万元) | 年度资金总额 | 年度资金总额 | 5280.00 | 5280.00 | 5016.00 | 5016.00 | 95.00%\n")
    funds = read_funds(text)
    assert {k: v.value for k, v in funds.total.values.items()} == {"budget": 5280.0, "executed": 5016.0, "rate": 95.0}


def test_a_subtotal_across_every_label_cell_closes_the_top_category():
    text = ("一级指标 | 二级指标 | 三级指标 | 分值 | 得分\n"
            "投入 | 项目立项 | 立项规范性 | 5 | 5\n"
            "投入 | 资金落实 | 资金到位率 | 5 | 4\n"
            "小计 | 小计 | 小计 | 10 | 9\n"
            "合计 | 合计 | 合计 | 10 | 9\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in table.indicators if i.level == 1] == [("投入", 10, 9)]


@pytest.mark.parametrize("text, roles", [
    ("评价指标|指标名称|权重|自评分\n一、项目设立的规范性|项目设立的规范性| 5 | 5\n", ["name", "name", "weight", "score"]),
    ("指标名称指标解释权重自评分一、项目设立的规范性", ["name", "note", "weight", "score"]),  # glued by a scrape
    ("二、绩效评价指标体系及评分\n一级指标|二级指标|三级指标|得分|分值|评分依据\n决策|项目立项|立项依据| 4 | 4 |充分",
     ["level1", "level2", "level3", "score", "weight", "note"]),  # a heading's 评分 heads no column
])
def test_the_score_column_is_named_by_the_forms_own_word(text, roles):
    (header,) = find_headers(text)
    assert [c.role for c in header.columns] == roles


def test_a_header_on_two_rows_is_its_lower_row():
    text = ("评价指标|评价指标|评价指标|分值|得分|扣分原因\n一级指标|二级指标|三级指标|分值|得分|扣分原因\n"
            "决策|项目立项|立项依据充分性| 4 | 4 |\n决策|项目立项|立项程序规范性| 3 | 2 |程序不全\n"
            "过程|资金管理|资金到位率| 5 | 5 |\n")
    table, report = read_score_table(text)
    assert report.roles == ["level1", "level2", "level3", "weight", "score", "note"]
    assert [(i.name, i.weight, i.score) for i in table.indicators if i.weight is not None] == [
        ("立项依据充分性", 4, 4), ("立项程序规范性", 3, 2), ("资金到位率", 5, 5)]


def test_the_paragraph_after_a_separated_table_ends_it():
    text = ("一级指标|二级指标|三级指标|分值|得分\n决策|项目立项|立项依据充分性| 4 | 4\n过程|资金管理|资金到位率| 5 | 5\n"
            "(三)评价结论:本项目综合评分90.7分,评价等级为“优”。评价等级按90分(含)以上为“优”,80分(含)至90分为“良”。\n")
    table, _ = read_score_table(text)
    assert [i.name for i in table.indicators if i.weight is not None or i.score is not None] == ["立项依据充分性", "资金到位率"]


def test_a_figure_laid_on_the_headers_cells_stays_under_its_own_column():
    text = ("一级指标|二级指标|三级指标|指标性质|指标值|度量单位|完成值|权重|得分|未完成原因分析\n"
            "产出指标|质量指标|项目验收合格率| = | 100 | % | 100 | 15 | 15\n"
            "产出指标|时效指标|资金拨付及时率| ≥ | 100 | % | 86 | 15 | 13\n")
    table, report = read_score_table(text)
    assert [(i.weight, i.score, i.actual) for i in table.indicators if i.weight is not None] == [(15, 15, "100"), (15, 13, "86")]
    assert report.ambiguous == []


def test_a_figure_after_a_sentence_or_before_the_next_rows_numbering_is_not_part_of_a_label():
    text = "用以反映和考核项目立项的规范情况。55二、绩效目标合理性"
    assert [(t.kind, t.text) for t in tokenize(text, 0, len(text))] == [
        ("text", "用以反映和考核项目立项的规范情况。"), ("number", "55"), ("text", "二、绩效目标合理性")]
    inner = "指标1工程完工率"
    assert [t.kind for t in tokenize(inner, 0, len(inner))] == ["text"]


# A 自评表 without a 分值 column: its weights stand only in the category headings, its rows carry scores.
_SCORES_ONLY = ("一级指标|二级指标|三级指标|年初目标值(A)|实际完成值(B)|得分\n"
                "产出指标(40分)|数量指标|公猪舍面积|22.8|22.8|1\n"
                "母猪舍面积|180|180|3\n"
                "质量指标|验收合格率|100%|100%|{last}\n")


def test_a_table_without_a_weight_column_is_read_by_its_scores():
    table, report = read_score_table(_SCORES_ONLY.format(last="10") + "总分|100\n")
    rows = [(i.name, i.weight, i.score) for i in table.indicators if i.level == 3]
    assert rows == [("公猪舍面积", None, 1), ("母猪舍面积", None, 3), ("验收合格率", None, 10)]
    assert not table.weight_column and report.rows_read == 3


def test_the_last_row_cut_by_the_document_s_end_fills_its_cells_from_the_left():
    table, _ = read_score_table(_SCORES_ONLY.replace("|{last}", "") + "种母猪|20|20")
    last = table.indicators[-1]
    assert (last.name, last.target, last.actual, last.score) == ("种母猪", "20", "20", None)


def test_a_run_glued_under_target_actual_and_score_is_left_unread_with_its_candidates():
    text = ("二级指标|三级指标|年初目标值(A)|实际完成值(B)|得分\n"
            "数量指标补贴渔船数6620\n"
            "质量指标|渔船补贴发放率|100%|100%|10\n"
            "时效指标|按时完成率|100%|100%|10\n")
    table, report = read_score_table(text)
    first = next(i for i in table.indicators if i.name == "补贴渔船数")  # under its category 数量指标
    assert first.score is None  # 6|6|20, 66|2|0 …: nothing says which
    assert any(a["row"].endswith("补贴渔船数") and 20 in a["columns"]["score"] for a in report.ambiguous)
    # with a total row the table's own arithmetic decides
    table, report = read_score_table(text + "总分|40\n")
    assert next(i for i in table.indicators if i.name == "补贴渔船数").score == 20 and report.totals_confirmed


def test_rows_that_break_an_indicator_down_are_rows_without_points():
    text = ("一级指标|二级指标|三级指标|分值|年度指标值|全年实际值|得分\n"
            "产出指标(30分)|数量指标|补助种植面积|20|29.5亩|29.5亩|20\n"
            "其中桃树种植面积|1.5亩|1.5亩\n"
            "其中露天蔬菜|20亩|20亩\n"
            "补助鱼塘面积|10|3亩|3亩|10\n"
            "合计|30|30\n")
    table, report = read_score_table(text)
    rows = [(i.name, i.weight, i.score, i.actual, i.kind) for i in table.indicators if i.level == 3]
    assert rows == [("补助种植面积", 20, 20, "29.5亩", None), ("其中桃树种植面积", None, None, "1.5亩", "breakdown"),
                    ("其中露天蔬菜", None, None, "20亩", "breakdown"), ("补助鱼塘面积", 10, 10, "3亩", None)]
    assert report.totals_confirmed


def test_label_cells_glued_in_a_flow_are_cut_after_their_points():
    text = ("2017年部门整体支出绩效评价得分表 一级指标 二级指标 三级指标 得分 部门决策(25分) 目标任务(15分) 相关性(5分)\n"
            "5 明确性(5分)\n4 预算编制(10分) 测算依据(5分)\n2 \n")
    table, _ = read_score_table(text)
    rows = [(i.level, i.name, i.weight, i.score) for i in table.indicators]
    assert rows == [(1, "部门决策", 25, None), (2, "目标任务", 15, None), (3, "相关性", 5, 5), (3, "明确性", 5, 4),
                    (2, "预算编制", 10, None), (3, "测算依据", 5, 2)]


# Tables the older layout-specific readers read before the interpreter did (issue 24): each one a test of it.
@pytest.mark.parametrize("path, total_score", [
    ("shared/samples/000_87644358686e5e0a.txt", 89.7),  # name + explanation glued, weight|score runs, total glued
    ("samples/project_shanghai_gb18030.txt", 92.2),
    ("samples/project_shanghai_trad.txt", 92.2),
])
def test_a_glued_flow_with_explanations_is_solved_by_its_own_totals(path, total_score):
    from conftest import ROOT, SHARED

    from pipeline.load import load
    from pipeline.normalise import normalise
    from pipeline.tables.scores import leaves
    file = SHARED.parent / path if path.startswith("shared/") else ROOT / path
    if not file.exists():
        pytest.skip(f"no {file}")
    table, report = read_score_table(normalise(load(file)).text)
    rows = leaves(table)
    assert len(rows) == 10 and sum(i.weight for i in rows) == 100
    assert (table.total_weight.value, table.total_score.value) == (100, total_score)
    assert report.totals_confirmed and not report.ambiguous


def test_a_name_and_its_explanation_glued_are_told_apart():
    from pipeline.tables.explanation import part_names, split_name
    assert split_name("实际完成率(产出数量)项目实施的实际产出数量与计划产出数量的比率") == (
        "实际完成率(产出数量)", "项目实施的实际产出数量与计划产出数量的比率")
    assert split_name("项目设立的规范性项目的申请、设立过程是否符合相关要求", numbered=True)[0] == "项目设立的规范性"
    assert split_name("反映项目资金使用是否符合相关法律法规") == ("", "反映项目资金使用是否符合相关法律法规")
    assert part_names("预算执行率和资金使用的合规性", 2) == ["预算执行率", "资金使用的合规性"]
    assert part_names("预算执行率", 2) == ["预算执行率(1)", "预算执行率(2)"]


def test_a_weight_only_table_reads_its_weights_past_targets_glued_to_them():
    text = ("评价指标评价内容指标名称指标说明目标值分值备注\n"
            "项目年度绩效目标(定量指标)制度指标规章制度建立与否20\n"
            "产出数量指标享受资助人数达到预计值210010\n"
            "资助对象满意度达到目标值95%以上10\n"
            "时效指标及时发放率达到目标值100%60\n"
            "总分100\n")
    table, report = read_score_table(text)
    from pipeline.tables.scores import leaves
    assert [(i.name, i.weight) for i in leaves(table)] == [
        ("规章制度建立与否", 20), ("享受资助人数", 10), ("资助对象满意度", 10), ("及时发放率", 60)]
    assert table.total_weight.value == 100 and report.totals_confirmed


def test_a_coefficient_column_proves_how_a_weight_and_score_run_is_cut():
    # 得分系数 100%: score = weight, so '22' is 2 | 2, not a weight of 22 with its score cell empty; the
    # unit and 指标性质 cells glued after the name, and the 是否核心指标 cell glued before the next, are cut off
    text = ("指标名称计量单位指标性质年初指标值调整指标值年成值全完值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
            "财政供养人员控制率%定量指标100%92%100%22否预算完成率%70%76%100%1010是管理制度健全性高高100%33否公共服务")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in table.indicators] == [
        ("财政供养人员控制率", 2, 2), ("预算完成率", 10, 10), ("管理制度健全性高高", 3, 3)]


def test_a_funds_block_s_glued_rows_are_cut_so_that_its_parts_sum_to_its_total():
    # '1484631.00%' alone reads several ways; 102 + 46 = 148 and 0 + 46 = 46 say it is 148 | 46 | 31.00%
    text = ("项目资金(万元) | 预算数 | 执行数 | 执行率\n年度资金总额: | 1484631.00%\n"
            "其中:中央财政资金 | 10200%\n地方资金 | 4646100%\n")
    table = read_funds(text)
    total = table.total
    assert (total.values["budget"].value, total.values["executed"].value, total.values["rate"].value) == (148, 46, 31)
    assert table.report.rows_chosen_by_totals == 1


def test_a_zero_rate_fits_only_a_zero_amount():
    from pipeline.tables.align import _rate_consistent
    from pipeline.tables.model import Column, Value
    columns = [Column("budget", 0, 1, "预算数"), Column("executed", 0, 1, "执行数"), Column("rate", 0, 1, "执行率")]
    options = [(2.0, [Value(14846.0, 0, 1, None, "14846"), Value(31.0, 0, 1, None, "31.0"), Value(0.0, 0, 1, None, "0")]),
               (2.0, [Value(148.0, 0, 1, None, "148"), Value(46.0, 0, 1, None, "46"), Value(31.0, 0, 1, None, "31.00")])]
    assert _rate_consistent(columns, options) == options  # neither fits: both stay for the table to choose


def test_a_value_column_word_with_its_year_qualifier_stays_in_the_header():
    # '全年完成值' is the 完成值 column of the year: the header goes on to 指标得分 after it
    [header] = find_headers("指标名称|计量单位|指标性质|指标值|指标权重(分)|全年完成值|指标得分(分)\n")
    assert header.roles == ["name", "unit", "nature", "target", "weight", "actual", "score"]


def test_a_figure_never_lands_in_the_unit_or_sign_column():
    text = ("指标名称|计量单位|指标性质|指标值|指标权重|全年完成值|指标得分\n"
            "培训人次|人次|≥|200|30|210|30\n"
            "满意度|%|≥|90|20|95|20\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in table.indicators] == [("培训人次", 30, 30), ("满意度", 20, 20)]


# A 自评表 scraped from a document site: every cell glued, the header's 参考/分值 cell read down its two lines
# by an OCR ('考值参分'), words in the target and actual columns between each row's weight and score.
_GLUED_WORDS = ("一级指标二级指标三级指标考值参分指标值(A)全年实际值(B)得分未完成原因分析及改进措施"
                "项目决策(8分)项目立项完整性4一目标明确、内容细化4相关性2一按照标准管理2可行性2实际工作需求2"
                "项目产出(10分)数量指标保障人数102370人2370人10")


def test_a_header_cell_an_ocr_read_down_its_two_lines_is_still_its_column():
    (header,) = [h for h in find_headers(_GLUED_WORDS) if h.kind == "scores"]
    assert [c.role for c in header.columns] == ["level1", "level2", "level3", "weight", "target", "actual", "score", "note"]


def test_a_header_word_after_a_cells_own_opening_words_keeps_the_header_going():
    text = "一级指标二级指标三级指标分值指标评价内容(公式计算结果=x)得分(20分)项目决策必要性5项目符合规划5"
    (header,) = find_headers(text)
    # 评价内容 after the weight is the row's explanation, not a second name
    assert [c.role for c in header.columns] == ["level1", "level2", "level3", "weight", "note", "score"]


def test_words_in_the_target_and_actual_cells_of_a_glued_flow_stay_in_their_row():
    table, report = read_score_table(_GLUED_WORDS)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("完整性", 4, 4), ("相关性", 2, 2), ("可行性", 2, 2), ("保障人数", 10, 10)]
    # the categories glued before the first name, cut at their points and by the framework's names
    assert [(i.name, i.level) for i in table.indicators][:2] == [("项目决策", 1), ("项目立项", 2)]
    last = leaves(table)[-1]
    assert (last.target, last.actual) == ("2370人", "2370人")  # '102370人': the weight 10 glued to its target


def test_an_explanation_between_weight_and_score_is_the_rows_text_not_the_next_row():
    text = ("一级指标二级指标三级指标分值指标评价内容(公式计算结果=x)得分(20分)"
            "项目决策(10分)科学决策必要性(政策依据)5项目符合决策部署;符合发展需要,吻合程度分析5"
            "可行性(政策完善)5可行性论证充分,制度健全完善5")
    table, _ = read_score_table(text)
    rows = [(i.name, i.weight, i.score) for i in leaves(table)]
    # (科学决策, a category the framework's names do not list, stays with the first name)
    assert [r[1:] for r in rows] == [(5, 5), (5, 5)] and rows[0][0].endswith("必要性(政策依据)")
    assert rows[1][0] == "可行性(政策完善)"


@pytest.mark.parametrize("text, kinds", [
    ("完整性4一目标明确", ["text", "number", "text"]),  # a name's figure glued to the target's words
    ("目标量化4项目立项", ["text", "number", "text"]),  # a score glued to the next row's name
    ("指标1工程完工率", ["text"]), ("A11立项依据充分性", ["text"]),  # numbering and codes are the label's
    ("完成时限2020年12月前完成", ["text"]),  # a date's month
])
def test_a_number_glued_between_words_is_a_figure_unless_the_words_number_or_date_it(text, kinds):
    assert [t.kind for t in tokenize(text, 0, len(text))] == kinds


# Every cell of a row glued into one run over 指标值 | 权重 | 完成值 | 得分 ('901010010' = 90 | 10 | 100 | 10):
# each run cuts several ways, and nothing in the row says which.
_RUNS_OVER_TEXT_COLUMNS = ("指标名称计量单位指标性质指标值权重(分)全年完成值指标得分(分)"
                           "任务完成率%901010010管护面积万亩2810810抚育面积万亩2110110")


def test_a_run_glued_over_text_columns_stays_unread_with_its_candidates():
    table, report = read_score_table(_RUNS_OVER_TEXT_COLUMNS + "公益林提供")
    rows = [i for i in table.indicators if i.name]
    assert len(rows) == 3 and all(i.weight is None and i.score is None for i in rows)
    assert all(10.0 in a["columns"]["weight"] and 10.0 in a["columns"]["score"] for a in report.ambiguous)


def test_a_stated_total_that_is_the_forms_whole_gives_every_row_its_full_weight():
    # 自评总分 97.93 with the execution row 7.93 of 10 outside the table: the table's rows lost no point
    table, report = read_score_table(_RUNS_OVER_TEXT_COLUMNS + "公益林提供", outside=(10, 7.93), stated_total=97.93)
    assert [(i.weight, i.score) for i in table.indicators if i.name] == [(10, 10)] * 3
    assert report.rows_chosen_by_totals == 3
    # a total short of the whole says nothing of which row lost its points
    table, _ = read_score_table(_RUNS_OVER_TEXT_COLUMNS + "公益林提供", outside=(10, 7.93), stated_total=95.0)
    assert all(i.score is None for i in table.indicators if i.name)


# A page cut out of a report (Sichuan 自评表): it opens inside the score table, with no header over its rows.
_FRAGMENT = ("产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 "
             "效益指标经济效益指标结余率(计算方法为:结余数/预算数)≤5% 22.5 合计100 评价结论及时、足额缴纳。")


def test_a_document_that_opens_inside_its_score_table_is_read_on_the_forms_columns():
    table, report = read_score_table(_FRAGMENT)
    assert [(i.name, i.weight) for i in leaves(table)] == [
        ("足额保障率", 22.5), ("科目调整次数", 22.5), ("按时发放率", 22.5), ("结余率(计算方法为:结余数/预算数)", 22.5)]
    assert report.headerless and table.total_weight.value == 100


@pytest.mark.parametrize("text", [
    # prose with figures: no categories, sentences for names
    "本项目年度预算资金120万元,实际支出118万元,执行率98%。共完成道路维修12公里,惠及群众3000人,满意度95%。",
    # a funds block before the score table's header: its rows are the funds', not a headerless score table
    "项目名称|道路维修\n全年预算数(A)|全年执行数(B)|分值|执行率(B/A)|得分\n年度资金总额|9.48|9.48|10|100%|10\n"
    "其中:本年财政拨款|9.48|9.48|10|100%|10\n一级指标|二级指标|三级指标|分值|得分\n产出指标|数量指标|维修里程|20|20\n"
    "产出指标|质量指标|验收合格率|20|18\n",
])
def test_rows_before_any_header_are_no_table_unless_they_read_as_one(text):
    got = read_score_table(text)
    assert got is None or not got[1].headerless


def test_a_parenthesis_broken_over_two_lines_stays_one_label_piece():
    text = "5 5 (\n10 分)项目管理"
    assert [(t.kind, t.text) for t in tokenize(text, 0, len(text))] == [
        ("number", "5"), ("number", "5"), ("text", "(\n10 分)项目管理")]


def test_an_ocrd_funds_header_with_a_garbled_letter_note_and_unit_is_still_read():
    # 调整预算数(A) read '调整预算将,A、', 万元 read '万兀', the total row's label printed before the header
    text = "项目资金(万兀)年度资金总额年初预算数调整预算将,A、全年执行数(B)执行率(B/A)64.864.864.8100%年度总体目标"
    funds = read_funds(text)
    assert [c.role for c in funds.header.columns] == ["initial", "budget", "executed", "rate"]
    assert funds.header.unit_factor == 10_000
    assert {k: v.value for k, v in funds.figures_row().values.items()} == {
        "initial": 64.8, "budget": 64.8, "executed": 64.8, "rate": 100.0}


def test_a_rows_figures_fill_its_actual_cell_before_its_note():
    # one cell per line: 100 | 100 | 10 | 10 under 指标值 | 完成值 | 分值 | 得分 | 偏差原因, never 100 | _ | 100 | 10 | 10
    text = ("一级指标\n二级指标\n三级指标\n年度\n指标值\n实际\n完成值\n分值\n得分\n偏差原因分析及改进措施\n"
            "产出指标\n质量指标\n指标1工程完工率\n100\n100\n10\n10\n \n指标2工程验收合格率\n100\n100\n10\n10\n0\n")
    table, report = read_score_table(text)
    assert [(i.name, i.weight, i.score, i.actual) for i in leaves(table)] == [
        ("工程完工率", 10, 10, "100"), ("工程验收合格率", 10, 10, "100")]
    assert report.ambiguous == []


def test_an_empty_numbered_placeholder_row_is_no_row_and_the_templates_numbering_leaves_the_name():
    # a 自评表 prints '指标2' rows with empty cells under each category; the 2 is the label's, not a weight
    text = ("一级指标\n二级指标\n三级指标\n年度\n指标值\n实际\n完成值\n分值\n得分\n偏差原因分析及改进措施\n"
            "满意度\n指标\n服务对象满意度指标\n指标1学生满意度\n100\n100\n10\n10\n0\n指标2\n \n \n \n \n"
            "指标3家长满意度\n100\n95\n10\n9\n \n")
    assert _leaf_rows(text) == [("学生满意度", 10, 10), ("家长满意度", 10, 9)]


def test_a_self_assessment_form_run_into_one_line_keeps_its_blank_rows_out_of_the_rows_around_them():
    # the page as one line, a space between cells: a blank row's '指标2' after a note's full stop is its label, not
    # the row's weight, nor the note of the row before it, and the '……' glued before a category opens no row
    text = ("一级指标 二级指标 三级指标 年度 指标值 实际 完成值 分值 得分 偏差原因分析及改进措施 产出指标 数量指标 "
            "指标1工程资金金额 43.2 37.24 10 9 已完工,剩余3%尾款未付。 指标2 …… 质量指标 指标1工程完工率 100 100 10 10 "
            "指标2 …… 效益指标 社会效益 指标 指标1安全率 100 100 10 10 0 指标2 …… 满意度 指标 服务对象满意度指标 "
            "指标1学生满意度 100 100 10 10 0 指标2 ……\n")
    assert _leaf_rows(text) == [("工程资金金额", 10, 9), ("工程完工率", 10, 10), ("安全率", 10, 10), ("学生满意度", 10, 10)]


def test_blank_template_rows_run_into_the_next_row_are_nobodys_category_and_the_total_row_ends_the_table():
    # a 自评表 with its blank '指标2:' and '……' rows kept, one row per line: in a flow those pieces open the next
    # row; the 总分 row behind them is the total, and the form's note after it holds no rows
    text = ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
            "产出指标 (50分)\n数量指标 指标1:完成改造项目数量 1 1 25 25\n指标2:\n……\n"
            "质量指标 指标1:工程质量合格 25 24\n指标2:\n……\n"
            "满意度指标 指标1:服务对象满意度 90% 100% 50 50\n指标2:\n……\n总分 100 99\n"
            "注:1.一级指标分值统一设置为:产出指标50分、效益指标30分。")
    table, report = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("完成改造项目数量", 25, 25), ("工程质量合格", 25, 24), ("服务对象满意度", 50, 50)]
    assert (table.total_weight.value, table.total_score.value) == (100, 99) and report.total_row


def test_a_header_on_two_rows_takes_the_lower_rows_cells_under_the_upper_rows_merged_ones():
    # the 云南 form: 绩效指标 merged over the three levels, 年度指标值 over 指标性质 | 指标值 | 度量单位
    text = ("|绩效指标|年度指标值|实际完成值|分值|得分|偏差原因分析及改进措施|\n"
            "|一级指标|二级指标|三级指标|指标性质|指标值|度量单位|\n"
            "|产出指标|数量指标|补助经费| = | 72890 |元| 72890 | 10.00 | 9.00 | |\n"
            "|质量指标|验收合格率| = | 100 | % | 100 | 20 | 19 | |\n")
    table, report = read_score_table(text)
    assert report.roles == ["level1", "level2", "level3", "nature", "target", "unit", "actual", "weight", "score", "note"]
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [("补助经费", 10, 9), ("验收合格率", 20, 19)]


def test_the_two_header_rows_a_scrape_ran_into_one_line_are_read_as_the_two_rows():
    # the same 云南 form with its header rows on one line: label words after 分值 | 得分 open the lower row;
    # '═' is how the site's export prints the 指标性质 '=' cell
    text = ("| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | "
            "指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |\n"
            "| 质量指标 | 覆盖率 | ═ | 100 | % | 98% | 10 | 9 |\n")
    table, report = read_score_table(text)
    assert report.roles == ["level1", "level2", "level3", "nature", "target", "unit", "actual", "weight", "score", "note"]
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [("受资助人数", 10, 10), ("覆盖率", 10, 9)]


def test_the_totals_after_another_field_of_the_forms_last_row_are_the_tables_totals():
    text = ("|一级指标|二级指标|三级指标|指标值|实际完成值|分值|得分|偏差原因|\n"
            "|产出指标|数量指标|受资助人数| 735 | 735 | 50 | 50 | |\n"
            "|效益指标|社会效益指标|政策知晓率| 100% | 98% | 50 | 46 | |\n"
            "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |\n")
    table, report = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [("受资助人数", 50, 50), ("政策知晓率", 50, 46)]
    assert (table.total_weight.value, table.total_score.value) == (100, 96) and report.total_row


def test_a_pipe_row_cut_by_the_documents_end_is_filled_from_the_left_though_its_last_pipe_stands():
    text = ("|一级指标|二级指标|三级指标|指标性质|指标值|度量单位|实际完成值|分值|得分|偏差原因|\n"
            "|效益指标|社会效益指标|违法行为责停率| ≥ | 95 | % | 95 | 30.00 | 27.00 | |\n"
            "|满意度指标|服务对象满意度指标|满意度| ≥ | 95 | % | 95 | 10.00 |\n")
    assert _leaf_rows(text) == [("违法行为责停率", 30, 27), ("满意度", 10, None)]


def test_a_header_with_points_after_each_level_reads_categories_by_their_points_and_leaves_by_their_score():
    # '一级指标 分值 二级指标 分值 三级指标 分值 评价标准 自评得分', glued by a scrape: a name with its points followed
    # by another is a category; followed by the scoring rule and a figure, it is the leaf and its score
    text = ("项目支出绩效评价评分表一级指标分值二级指标分值三级指标分值具体指标评价标准自评得分"
            "项目决策20项目目标4目标内容4设立了项目绩效目标;目标明确设有目标(1分)目标明确(1分)3"
            "决策过程8决策依据4符合法律法规(1分)符合发展规划(1分)4决策程序4符合申报条件(2分)4")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("目标内容", 4, 3), ("决策依据", 4, 4), ("决策程序", 4, 4)]
    assert [(i.name, i.weight) for i in table.indicators if i not in leaves(table)] == [
        ("项目决策", 20), ("项目目标", 4), ("决策过程", 8)]


def test_figures_that_are_no_points_under_a_points_per_level_header_are_read_without_error():
    # a thousands separator or a glued run where a leaf's points would stand: no whole leaf, and no crash
    cells = ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分", "项目决策", "20", "项目目标", "4",
             "目标内容", "1,000", "4", "决策过程", "8", "决策依据", "2456.182456.18", "3"]
    got = read_score_table("\n\n".join(cells) + "\n")
    assert got is None or all(i.weight != 1000 for i in got[0].indicators)


def test_a_name_with_its_points_over_a_whole_leaf_within_them_is_the_leafs_category():
    # one cell per line (a DOCX flattened): under '分值' per level, '项目目标 4' is followed by the leaf's own cells
    # '目标内容 4 4' (points and score within the 4), so it is a category, not a leaf whose explanation follows
    cells = ["二、绩效评价指标评分", "一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分",
             "项目决策", "20", "项目目标", "4", "目标内容", "4", "4", "决策过程", "8", "决策依据", "3", "3",
             "决策程序", "5", "4", "项目管理", "25", "资金到位", "5", "到位率", "3", "3", "到位时效", "2", "2"]
    table, _ = read_score_table("\n\n".join(cells) + "\n")
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("目标内容", 4, 4), ("决策依据", 3, 3), ("决策程序", 5, 4), ("到位率", 3, 3), ("到位时效", 2, 2)]
    assert [(i.name, i.weight) for i in table.indicators if i not in leaves(table)] == [
        ("项目决策", 20), ("项目目标", 4), ("决策过程", 8), ("项目管理", 25), ("资金到位", 5)]
    parent = {i.name: table.indicators[i.parent].name for i in table.indicators if i.parent is not None}
    assert parent["目标内容"] == "项目目标" and parent["项目目标"] == "项目决策" and parent["决策过程"] == "项目决策"


@pytest.mark.parametrize("text, kinds", [
    ("符合总体规划计1分;符合职责计0.5分。2", ["text", "number"]),  # the rule's points are its words
    ("未按时完成扣0.5分 8", ["text", "number"]),
    ("项目数量 5分 5", ["text", "measure", "number"]),  # points standing apart are a figure
])
def test_points_a_scoring_rule_awards_are_words_of_the_rule(text, kinds):
    from pipeline.tables.cells import tokenize
    assert [t.kind for t in tokenize(text, 0, len(text))] == kinds


@pytest.mark.parametrize("label, names", [
    ("绩效目标明确性", ["绩效目标", "明确性"]),  # a level-2 category of the framework opens the name
    ("财务管理财务管理制度有效性", ["财务管理", "财务管理制度有效性"]),  # peeled once: the name holds it too
    ("效益指标", ["效益指标"]),  # a category's own name is not cut into 效益 | 指标
    ("项目决策(8分)项目立项完整性", ["项目决策(8分)", "项目立项", "完整性"]),  # cut at its points, then by name
    # points the layout printed over a category's name open the label: they are the category's, not a cell
    ("(10)绩效目标明确性", ["(10)绩效目标", "明确性"]),
    ("(10分)项目管理(7分)资金管理资金分配", ["(10分)项目管理(7分)", "资金管理", "资金分配"]),
])
def test_categories_glued_before_a_name_are_peeled_one_per_level(label, names):
    from pipeline.tables.cells import Token
    from pipeline.tables.scores import _split_label
    assert [t.text for t in _split_label(Token("text", label, 0, len(label)), 2)] == names


@pytest.mark.parametrize("text, kinds", [
    ("造林补助\n每亩300\n每亩300元\n6\n6", ["text", "target", "target", "number", "number"]),  # a per-unit target
    ("委托业务报告合格率 ≥100百分比 100 8 8", ["text", "target", "number", "number", "number"]),  # 百分比 a unit
])
def test_target_cells_in_the_forms_wordings_are_one_value_each(text, kinds):
    assert [t.kind for t in tokenize(text, 0, len(text))] == kinds


def test_a_rate_printed_as_a_fraction_is_read_as_the_percent_it_means_where_the_amounts_prove_it():
    # an export that lost its percent format: '1' for 100 %, glued with the amounts and the score
    text = "预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额1.561.56120\n绩效指标"
    row = read_funds(text).rows[0]
    assert {k: v.value for k, v in row.values.items()} == {"budget": 1.56, "executed": 1.56, "rate": 100.0, "score": 20.0}
    # a fraction the amounts do not prove stays as printed
    other = read_funds("预算数(A) | 执行数(B) | 执行率(B/A)\n年度资金总额 | 100 | 90 | 1\n").rows[0]
    assert other.values["rate"].value == 1
    # a fraction printed to one decimal means a percent to the tens: '0.1' for 94 of 650 (14.46 %), ± 5
    coarse = read_funds("预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率)\n年度财政资金总额 | 650 | 94 | 0.1 | 2.9 |\n")
    rate = coarse.rows[0].values["rate"]
    assert (rate.value, rate.half_unit) == (10.0, 5.0)


def test_a_row_number_column_numbers_rows_and_figures_a_scrape_broke_onto_their_own_line_finish_the_row():
    # '序号 | 一级指标 | … | 指标分值 | 指标解释 | 评分标准 | 自评得分', a page scrape that breaks a row's last cell onto
    # a line of its own: the 1 is the row's number (no weight), the lone 3 is the row's score
    text = ("序号|一级指标|二级指标|三级指标|指标分值|指标解释|指标说明及评分标准|自评得分|\n"
            "1 |规划(15分) |\n基础信息(3分) |基础信息完整性| 3 |信息资料是否真实、完整。| 基础数据是否真实(1分)|\n3 |\n"
            "2 |工作计划(6分) |年度工作计划完整性| 3 |工作计划是否完整可行。|是否完整可行(3分) | 2 | |\n")
    assert _leaf_rows(text) == [("基础信息完整性", 3, 3), ("年度工作计划完整性", 3, 2)]


def test_names_that_print_their_points_open_rows_and_the_figures_their_scoring_rules_quote_do_not():
    # a 部门整体 评分表 with no 分值 column, glued: the row opens at '名称(N分)'; '100%' and '1' inside the rule are
    # its words, the figure before the next name is the score
    text = ("一级指标二级指标三级指标指标解释指标说明自评分投入(20分)目标设定(5分)绩效目标合理性(2分)目标依据是否充分。"
            "符合总体规划计1分;符合职责计0.5分。2预算配置(15分)在职人员控制率(5分)在职人员数与编制数的比率。"
            "在职人员控制率=(在职人员数/编制数)100%小于或等于1计5分,否则按比例计分。4")
    assert _leaf_rows(text) == [("绩效目标合理性", 2, 2), ("在职人员控制率", 5, 4)]


def test_a_row_the_documents_end_cuts_after_its_name_and_points_stands_with_its_score_lost():
    text = ("一级指标二级指标三级指标指标解释指标说明自评分投入(20分)目标设定(5分)绩效目标合理性(2分)目标依据是否充分。"
            "符合总体规划计1分;符合职责计0.5分。2预算配置(15分)在职人员控制率(5分)在职人员数与编制数的比率。"
            "小于或等于1计5分,否则按比例计分。4“三公经费”变动率(5分)部门本年度“三公经费”预算数与上年度预算数的变动比率,"
            "用以反映部门对控制重点行政成本的努力程度。“三公\n")
    assert _leaf_rows(text) == [("绩效目标合理性", 2, 2), ("在职人员控制率", 5, 4), ("“三公经费”变动率", 5, None)]
    # not where the document goes on: words after a table are prose, no row
    assert _leaf_rows(text + "二、其他情况说明\n本单位按要求开展自评。\n") == [("绩效目标合理性", 2, 2), ("在职人员控制率", 5, 4)]


def test_names_without_their_points_in_a_table_with_no_weight_column_open_rows_as_the_flow_does():
    text = ("一级指标 二级指标 三级指标 指标解释 得分\n过程 资金管理 预算执行率 反映预算执行情况 9\n"
            "过程 资金管理 资金使用合规性 考核资金使用是否合规 8\n产出 产出数量 完成率 反映完成情况 10\n")
    table, _ = read_score_table(text)
    # (the names keep their categories and explanations here: the point is that no row swallows the next)
    assert [i.score for i in leaves(table)] == [9, 8, 10]
    assert [n for n in ("预算执行率", "资金使用合规性", "完成率") if any(n in i.name for i in leaves(table))] == [
        "预算执行率", "资金使用合规性", "完成率"]


def test_a_row_printing_each_categorys_points_in_a_cell_of_its_own_reads_them_as_the_categories_points():
    # a third-party 评分表 as a scrape keeps it: every row repeats its merged category cells and their points
    text = ("一级指标|权重|二级指标|分值|三级指标|计量单位|目标值|分值|得分\n"
            "预算绩效|50|预算管理|30|预算执行率|%|90%|15|14\n"
            "预算绩效|50|预算管理|30|资金使用合规性|/|合规|15|15\n"
            "预算绩效|50|产出|20|完成率|%|100%|20|18\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("预算执行率", 15, 14), ("资金使用合规性", 15, 15), ("完成率", 20, 18)]
    assert [(i.name, i.weight) for i in table.indicators if i not in leaves(table)] == [
        ("预算绩效", 50), ("预算管理", 30), ("产出", 20)]


def test_a_total_row_behind_a_blank_rows_ellipsis_is_the_total_and_the_forms_note_after_it_is_no_cell_of_it():
    # glued flow: '……总分100100注:1.一级指标分值统一设置为:产出指标50分' — the note's 50分 is no total weight
    text = ("一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因\n产出指标(60分)数量指标安装水标尺30≥266米≥266米30"
            "质量指标验收合格率30100%100%30满意度指标(40分)满意度指标群众满意度40≥95%≥95%40……总分100100"
            "注:1.一级指标分值统一设置为:产出指标50分、效益指标30分")
    table, report = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("安装水标尺", 30, 30), ("验收合格率", 30, 30), ("群众满意度", 40, 40)]
    assert (table.total_weight.value, table.total_score.value) == (100, 100)


@pytest.mark.parametrize("text, kinds", [
    ("水标尺宽度 ≥50厘米 ≥50厘米", ["text", "target", "target"]),  # 厘米 a unit, not the next row's name
])
def test_units_of_length_end_their_target(text, kinds):
    from pipeline.tables.cells import tokenize
    assert [t.kind for t in tokenize(text, 0, len(text))] == kinds


def test_a_categorys_points_whose_opening_bracket_an_ocr_lost_are_still_its_points():
    # '效益指标\n30分)': one cell per line, the '(' of '(30分)' lost; the category is no row of 30 points
    text = ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n"
            "产出指标\n(70分)\n数量指标\n造林面积\n1000亩\n1000亩\n70\n70\n"
            "效益指标\n30分)\n经济效益指标\n木材销售收入\n1100万元\n1093万元\n30\n25\n")
    assert _leaf_rows(text) == [("造林面积", 70, 70), ("木材销售收入", 30, 25)]


def test_a_target_and_actual_in_the_same_words_are_the_rows_cells_not_its_name():
    text = ("一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n"
            "效益指标\n社会效益指标\n提高就业率\n 显著\n 显著\n6\n6\n可持续影响指标\n设施使用年限\n≥10年\n≥10年\n4\n4\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.target, i.weight, i.score) for i in leaves(table)] == [
        ("提高就业率", "显著", 6, 6), ("设施使用年限", "≥10年", 4, 4)]


def test_a_weight_glued_to_a_date_target_and_to_a_measured_one_is_cut_where_target_and_actual_print_alike():
    # glued flow under 分值 | 年度指标值 | 全年实际值 | 得分: '52021年12月完成' is 5 | 2021年12月完成, and '415万元15万元'
    # is 4 | 15万元 | 15万元 (a target met exactly prints twice alike), not 41 | 5万元 | 15万元
    text = ("一级指标二级指标三级指标分值年度指标值全年实际值得分\n产出指标时效指标公用经费完成时间52021年12月完成"
            "2021年12月完成4成本指标办公所需成本415万元15万元4维修所需成本335万元35万元3")
    assert _leaf_rows(text) == [
        ("公用经费完成时间", 5, 4), ("办公所需成本", 4, 4), ("维修所需成本", 3, 3)]


def _cell_per_line(cells: list[str]) -> str:
    """A table scraped one cell per line, a lone '|' line after each cell (an empty cell: '|' twice)."""
    return "".join(f"{c}\n|\n" if c else "|\n" for c in cells)


def test_a_header_over_two_rows_one_cell_per_line_with_numbered_rows_and_explanations_is_read():
    header = ["序号", "一级指标", "二级指标", "三级指标", "指标说明", "指标", "县级", "市级", "", "分值", "评分", "评分", ""]
    rows = [["1", "决策(10)", "项目立项", "民主议事", "议事记录完整,得4分;不完整的每项扣1分", "4", "4", "", ""],
            ["2", "申报审批", "审批文件齐全,得6分;缺一项扣2分", "6", "4", "", ""],
            ["3", "过程(20)", "资金管理", "管理制度", "制度健全规范,得10分", "10", "10", "", ""],
            ["4", "资金拨付", "实行国库集中支付的,得10分", "10", "9", "", ""]]
    text = "项目绩效评价自评表\n|\n" + _cell_per_line(header) + "".join(_cell_per_line(r) for r in rows)
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("民主议事", 4, 4), ("申报审批", 6, 4), ("管理制度", 10, 10), ("资金拨付", 10, 9)]


def test_row_numbers_that_do_not_count_on_stay_where_they_are():
    """Only figures that number the rows one by one go back to the rows they open: a row's own score that
    happens to end it (here 3, 2, 7) is no row number."""
    text = ("序号 三级指标 分值 得分\n甲指标 3 3\n乙指标 2 2\n丙指标 7 7\n合计 12 12\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [("甲指标", 3, 3), ("乙指标", 2, 2), ("丙指标", 7, 7)]


def test_a_weight_column_named_as_a_share_takes_its_figures_printed_as_percents():
    text = ("一级指标二级指标三级指标指标值完成值权重得分产出指标数量指标发放额增长率≥10%115.25%40%40"
            "质量指标贷款回收率≥90%98.70%40%38满意度指标服务对象满意度≥80%100%20%20得分合计98。")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("发放额增长率", 40, 40), ("贷款回收率", 40, 38), ("服务对象满意度", 20, 20)]


def test_a_weight_column_that_says_its_figures_are_points_takes_no_percent():
    """'指标权重(分)': a percent beside it is the score coefficient's, and the glued run after it the weight and score."""
    text = ("指标名称 得分系数(%) 指标权重(分) 指标得分(分)\n人员控制率 100% 22\n预算完成率 100% 33\n合计 5 5\n")
    table, _ = read_score_table(text)
    assert [(i.weight, i.score) for i in leaves(table)] == [(2, 2), (3, 3)]


def test_a_pipe_table_pretty_printed_one_indented_cell_per_line_is_read_row_by_row():
    def row(*cells: str) -> str:
        return "| \n" + "".join(f"       {c}  | \n      \n" for c in cells)
    text = ("项目支出绩效自评指标计分表\n" + row("一级指标", "二级指标", "三级指标", "自评分", "评价标准")
            + row("项目决策(20分)", "项目目标(8分)", "目标内容(8分)", "7", "设有目标(4分)目标明确(4分)")
            + row("决策过程(12分)", "决策依据(12分)", "12", "符合法律法规(6分)符合规划(6分)")
            + "三、评价结论\n本项目自评总分19分,等级为优。\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [("目标内容", 8, 7), ("决策依据", 12, 12)]


def _read_with_raw_spaces(tmp_path, text: str):
    """The score table of `text` read as a loaded text file, with the spaces its normalising removed known."""
    from pipeline.load import load
    from pipeline.normalise import normalise
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    norm = normalise(load(path))
    table, _ = read_score_table(norm.text, cells=Cells.of(spaces_removed=norm.spaces_removed))
    return table, norm


def test_worded_targets_a_scrape_ran_into_the_name_are_cut_at_the_raw_text_s_spaces(tmp_path):
    text = ("项目支出绩效自评表\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标(50分) 数量指标 培训人次 ≥50人次 60 20 20 质量指标 经费支出合规性 严格执行相关制度规定 达成预期指标 30 30 "
            "效益指标(50分) 社会效益指标 群众出行条件改善 效果明显 达成预期指标 50 48 总分 100 98\n")
    table, norm = _read_with_raw_spaces(tmp_path, text)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in leaves(table)] == [
        ("培训人次", "≥50人次", "60", 20, 20), ("经费支出合规性", "严格执行相关制度规定", "达成预期指标", 30, 30),
        ("群众出行条件改善", "效果明显", "达成预期指标", 50, 48)]
    # without the raw text's spaces the name keeps the words: nothing says where its cells were
    table, _ = read_score_table(norm.text)
    assert leaves(table)[1].name == "经费支出合规性严格执行相关制度规定达成预期指标"


# the Hubei 项目自评表's header: no points column, the score the only figure after the target and result
_HUBEI_HEADER = "年度绩效目标1(80分) 一级指标 二级指标 三级指标 年初目标值(A) 实际完成值(B) 得分\n"


@pytest.mark.parametrize("rows, read", [
    # the Hubei 项目自评表 scores its indicators with no points column (年初目标值 | 实际完成值 | 得分): the row's one figure
    # is its score, and the two spaced pieces before it are its target and result
    ("产出指标 数量指标 开展专题科普活动 10场 9场 7\n质量指标 科普知识网络竞赛 提高普及率 稳步提升 6\n",
     [("开展专题科普活动", "10场", "9场", 7), ("科普知识网络竞赛", "提高普及率", "稳步提升", 6)]),
    # '实时更新' is no word the reader knows for a result, but the table's own rows already showed that its spaces part
    # name, target and result
    ("质量指标 科普知识网络竞赛 提高普及率 稳步提升 6\n科普宣传栏内容更新 知识更新率 实时更新 6\n",
     [("科普知识网络竞赛", "提高普及率", "稳步提升", 6), ("科普宣传栏内容更新", "知识更新率", "实时更新", 6)]),
], ids=["the score the only figure column", "a result in other words cut like the rows before it"])
def test_worded_target_and_result_are_cut_at_the_raw_text_s_spaces(tmp_path, rows, read):
    table, _ = _read_with_raw_spaces(tmp_path, _HUBEI_HEADER + rows)
    assert [(i.name, i.target, i.actual, i.score) for i in leaves(table)] == read


def test_a_lone_row_whose_result_is_in_other_words_keeps_its_name_whole(tmp_path):
    text = (_HUBEI_HEADER +
            "产出指标 数量指标 开展专题科普活动 10场 9场 7\n"
            "科普宣传栏内容更新 知识更新率 实时更新 6\n")
    table, _ = _read_with_raw_spaces(tmp_path, text)
    assert table.indicators[-1].name == "科普宣传栏内容更新知识更新率实时更新"


def test_a_comparison_word_glued_to_its_figure_is_one_target_cell_and_opens_no_row(tmp_path):
    """'提升10% 提升10% 6': target, result and score of one row; cut where a label follows a figure, each
    '提升' opened a row of its own named '提升'."""
    text = (_HUBEI_HEADER +
            "产出指标 数量指标 开展专题科普活动 10场 9场 7\n"
            "效益指标 社会效益指标 公民科学文化素质 提升10% 提升10% 6\n"
            "经济效益指标 公民支持科技经济融合发展 提升10% 提升10% 6\n")
    table, _ = _read_with_raw_spaces(tmp_path, text)
    assert [(i.name, i.target, i.actual, i.score) for i in leaves(table)] == [
        ("开展专题科普活动", "10场", "9场", 7), ("公民科学文化素质", "提升10%", "提升10%", 6),
        ("公民支持科技经济融合发展", "提升10%", "提升10%", 6)]


def test_a_name_that_ends_in_a_comparison_word_with_no_space_before_it_keeps_it(tmp_path):
    text = ("一级指标 二级指标 三级指标 分值 得分\n"
            "效益指标 社会效益指标 群众满意度提升 10 9\n"
            "可持续影响指标 长效机制 10 10\n")
    table, _ = _read_with_raw_spaces(tmp_path, text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [("群众满意度提升", 10, 9), ("长效机制", 10, 10)]


def test_a_name_with_a_wrap_space_and_no_worded_result_keeps_its_words(tmp_path):
    text = ("项目支出绩效自评表\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
            "产出指标 数量指标 农村公路 建设 里程数 60 60 效益指标 社会效益指标 群众满意度 ≥90% 95% 40 40 总分 100 100\n")
    table, _ = _read_with_raw_spaces(tmp_path, text)
    assert leaves(table)[0].name == "农村公路建设里程数"


def test_a_name_two_characters_past_a_category_word_is_not_cut_after_it():
    """'决策依据' under 决策 is the indicator's own name (the framework's names below a category run longer:
    '立项依据充分性')."""
    text = ("一级指标 | 二级指标 | 三级指标 | 自评分\n项目决策(20分) | 决策过程(8分) | 决策依据(4分) | 4\n"
            "决策程序(4分) | 3\n合计 | | | 7\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [("决策依据", 4, 4), ("决策程序", 4, 3)]


def test_a_figure_an_explanation_quotes_goes_on_with_it_and_the_name_keeps_its_own_cell():
    header = ["序号", "一级指标", "二级指标", "三级指标", "指标说明", "分值", "得分"]
    rows = [["1", "资金投入(10)", "资金到位", "预算安排", "按人均不低于5元标准安排资金,得4分;达到20元,加2分;市财政安排补助资金,加1分", "4", "4"],
            ["2", "资金整合", "整合其他涉农资金的,得6分", "6", "5"],
            ["3", "过程(20)", "资金管理", "管理制度", "资金管理制度健全规范,得10分", "10", "10"],
            ["4", "资金拨付", "实行国库集中支付的,得10分", "10", "9"]]
    text = "项目绩效评价自评表\n|\n" + _cell_per_line(header) + "".join(_cell_per_line(r) for r in rows)
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("预算安排", 4, 4), ("资金整合", 6, 5), ("管理制度", 10, 10), ("资金拨付", 10, 9)]


# --- the 自评表 template's row numbers ('指标1…') say where rows begin ----------------------------------

def test_template_numbers_keep_a_measure_with_its_unit_in_one_glued_row():
    # an OCR'd form glued throughout, 分值 before the targets: '8200万粒' is 8 | 200万粒, its '粒' no row
    text = ("三级指标分值年度指标值全年实际值得分\n"
            "产出指标(24分)数量指标指标1免费发放原原种8550万粒550万粒8指标2企业自行采购8200万粒200万粒8"
            "指标3种薯采购价格不高于市场价8是是8\n注:得分最高不能超过该指标分值上限。")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("免费发放原原种", 8, 8), ("企业自行采购", 8, 8), ("种薯采购价格不高于市场价", 8, 8)]


def test_a_numbered_row_without_points_stays_a_row_not_a_category():
    text = ("三级指标分值年度指标值全年实际值得分\n"
            "数量指标指标1免费发放原原种8550万粒550万粒8指标2一级种薯繁育基地8000亩8535.5亩"
            "质量指标指标1采购的原原种合格率8100%100%8指标2种薯采购价格不高于市场价8是是8\n注:得分最高不能超过该指标分值上限。")
    table, _ = read_score_table(text)
    parents = {i.parent for i in table.indicators}
    rows = [(i.name, i.weight, i.score) for k, i in enumerate(table.indicators) if k not in parents]
    assert ("一级种薯繁育基地", None, None) in rows and len(rows) == 4 and len(leaves(table)) == 3
    assert "质量指标" in [i.name for i in table.indicators if i not in leaves(table)]


def test_numbered_rows_of_a_workbook_flattened_out_of_order_are_read_without_a_header():
    # the header's words are scattered among the cells; the template's numbers still open each row
    text = ("年度 实际 指标值 完成值 二级指标 三级指标 分值 得分 其他说明\n"
            "指标6:举办健康教育宣传咨询活动 12次 96次 1 1 指标7:建立预防接种证 221人 221人 2 2 "
            "指标8:适龄儿童疫苗接种率 100.00% 97.30% 2 1.9 指标9:0-6岁儿童健康管理数 2089人 2089人 2 2 "
            "指标12:孕产妇7天访视数 214人 203人 2 1.8")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("举办健康教育宣传咨询活动", 1, 1), ("建立预防接种证", 2, 2), ("适龄儿童疫苗接种率", 2, 1.9),
        ("0-6岁儿童健康管理数", 2, 2), ("孕产妇7天访视数", 2, 1.8)]


def test_a_placeholder_number_before_a_category_numbers_no_row():
    # '指标2:质量指标(5分)' is a blank row's number glued before the next category: no template numbering
    text = ("三级指标分值年度指标值全年实际值得分\n"
            "数量指标(10分)保障人数102370人2370人10指标2:质量指标(5分)公用经费标准5符合相关文件要求符合相关文件要求5"
            "指标2:时效指标(5分)公用经费完成时间52021年12月完成2021年12月完成4\n注:得分最高不能超过该指标分值上限。")
    table, _ = read_score_table(text)
    assert [(i.weight, i.score) for i in leaves(table)] == [(10, 10), (5, 5), (5, 4)]


def test_amounts_whose_cells_repeat_the_header_s_unit_shortened_are_read():
    # '(万元)' in the header, '3359.62万' in the cells: the same unit, not a measure of something else
    text = ("资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) |\n"
            "年度资金总额: | 3359.62万 | 3359.62万 | 100% |\n"
            "其中:中央财政资金 | 829.3万 | 829.3万 | 100% |\n"
            "地方资金 | 2530.32万 | 2530.32万 | 100% |\n")
    table = read_funds(text)
    assert table.header.unit_factor == 10000
    assert [(r.label, r.values["budget"].value, r.values["executed"].value) for r in table.rows] == [
        ("年度资金总额", 3359.62, 3359.62), ("中央财政资金", 829.3, 829.3), ("地方资金", 2530.32, 2530.32)]


def test_a_weight_in_a_cell_of_its_own_may_be_neither_whole_nor_half():
    # 28 points over ten rows: '2.8' is the row's weight, its worded target and result stand around it
    text = ("指标名称 目标值 权重 实际完成值 自评分\n"
            "资金使用合规性 合规 2.8 好 2.8\n财务制度健全性 健全 2.8 好 2.8\n资产产权明确性 资产明确 2.8 好 2.8\n"
            "合计 8.4 8.4\n")
    table, _ = read_score_table(text)
    assert [(i.weight, i.score) for i in leaves(table)] == [(2.8, 2.8)] * 3


def test_header_cells_broken_over_two_lines_keep_their_columns_in_place():
    # '绩效 / 目标值' and '实际 / 完成值' each one cell over two lines: target and actual come before the 评分标准
    text = ("一级指标 二级指标 三级指标 绩效 实际 评分标准 指标分值 自评得分 未完成原因\n目标值 完成值\n"
            "产出目标 数量目标 监测台站运维抽查个数 9个 9个 按完成比例得分 6 6 已完成\n")
    header = next(h for h in find_headers(text) if h.kind == "scores")
    assert header.roles == ["level1", "level2", "level3", "target", "actual", "note", "weight", "score", "note"]


def test_the_same_words_twice_at_a_glued_label_s_end_are_its_target_and_actual():
    text = ("二级指标 三级指标 年初目标值 实际完成值 得分\n"
            "数量指标成本控制不超过预算不超过预算10质量指标保证财政建设补助专款专用专款专用专款专用10\n合计20\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.target, i.actual, i.score) for i in leaves(table)] == [
        ("成本控制", "不超过预算", "不超过预算", 10), ("保证财政建设补助专款专用", "专款专用", "专款专用", 10)]


def test_a_table_written_column_by_column_is_read_across():
    # names in one run, then 分值 and its figures, then 得分 and its figures: the k-th of each is one row
    text = ("二、绩效评价指标评分 一级指标 分值 二级指标 三级指标 目标内容 决策依据 决策程序 分配办法 "
            "分值 4 3 5 2 得分 4 3 5 1 项目决策 20 资金分配 8\n")
    table, report = read_score_table(text)
    assert report.layout == "column_runs"
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("目标内容", 4, 4), ("决策依据", 3, 3), ("决策程序", 5, 5), ("分配办法", 2, 1)]


def test_runs_of_unequal_length_or_a_score_over_its_weight_are_not_a_column_table():
    assert read_column_runs("目标内容 决策依据 决策程序 分值 4 3 5 得分 4 3\n", Cells()) is None
    assert read_column_runs("目标内容 决策依据 决策程序 分值 4 3 5 得分 4 6 5\n", Cells()) is None


def test_a_note_cell_run_over_lines_under_its_row_does_not_end_the_table():
    text = ("一级指标 二级指标 三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分 未完成原因 得分计算方法\n"
            "数量指标 全年免费开放 100% 100% 12.5 12.5\n"
            "定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。\n"
            "定性指标计算:根据“三档”原则分别按照指标分值的100-80%(含80%)、80-50%(含50%)、50-0%来记分。\n-\n"
            "质量指标 免费开放管理制度健全、执行有效性 100% 100% 12.5 12.5\n"
            "时效指标 免费开放率 100% 100% 12.5 12.5\n合计 37.5 37.5\n")
    header = next(h for h in find_headers(text) if h.kind == "scores")
    assert header.roles[-6:] == ["target", "actual", "weight", "score", "note", "note"]
    table, report = read_score_table(text)
    assert [(i.weight, i.score) for i in leaves(table)] == [(12.5, 12.5)] * 3
    assert any(s["reason"] == "the note cell above, continued" for s in report.rows_skipped)


def test_blank_rows_numbers_glued_among_categories_are_nobody_s_name():
    text = ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
            "产出指标数量指标更新音响设备50件50件2020质量指标设备质量合格合格2020指标2:时效指标指标1:指标2:"
            "成本指标演出设备成本2万元2万元2018\n合计6058\n")
    table, _ = read_score_table(text)
    assert [i.name for i in leaves(table)][-1] == "演出设备成本"


def test_a_cell_that_is_a_date_is_the_row_s_target_or_actual_not_its_name():
    text = ("一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
            "产出指标 | 时效指标 | 项目完工时限 | 2023年12月 | 2023年10月 | 15 | 15 | 无 |\n"
            "产出指标 | 质量指标 | 项目竣工验收率 | 100% | 100% | 15 | 15 | 无 |\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.target, i.actual, i.weight) for i in leaves(table)][0] == ("项目完工时限", "2023年12月", "2023年10月", 15)


def test_the_sense_and_comparison_cells_of_a_row_are_not_its_name():
    text = ("一级指标 二级指标 三级指标 指标性质 指标值 实际完成值 度量单位 分值 得分 未完成原因\n"
            "产出指标 数量指标 指标1:租车次数(次) 正向 大于等于 1 1 次 8 8\n指标2:宣传美工制作个数(个) 正向 小于等于 1 1 个 7 7\n"
            "合计 15 15\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("租车次数(次)", 8, 8), ("宣传美工制作个数(个)", 7, 7)]


def test_a_leaf_s_explanation_quoting_figures_runs_on_to_its_score_under_a_header_with_points_per_level():
    # 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 评价标准 | 得分, glued: the explanation restates the name and quotes figures
    text = ("一级指标分值二级指标分值三级指标分值评价标准得分\n"
            "投入13预算配置13在职人员控制率5以100%为标准。在职人员控制率W100%,计5分;每超过一个百分点扣0.5分。5"
            "“三公经费”变动率8“三公经费”变动率至0,计8分;每超过一个百分点扣0.8分。8\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight) for i in leaves(table)] == [("在职人员控制率", 5), ("“三公经费”变动率", 8)]
    assert leaves(table)[0].score == 5


def test_a_unit_note_that_lost_its_closing_bracket_before_the_header_still_sets_the_unit():
    text = "年度预算申请\n\n(万元\n\n\n年初预算数\n\n全年预算数\n\n全年执行数\n\n分值\n\n执行率\n\n自评得分\n\n年度资金总额\n\n" \
           "861.10\n\n2030.12\n\n2030.12\n\n10\n\n100%\n\n10\n\n"
    assert read_funds(text).header.unit_factor == 10000


def test_a_row_whose_name_and_worded_target_a_scrape_broke_onto_lines_of_their_own_is_one_row():
    text = ("一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |\n"
            "产出指标 | 数量指标 | 学生受资助人数 | 735人次 | 735人次 | 10 | 10 |\n"
            "效益指标 | 经济效益指标 | 减轻贫困学生家庭经济负担 |\n| 有效 |\n| 有效 | 10 | 10 |\n"
            "社会效益指标 | 政策知晓率 | 100% | 98% | 10 | 9 |\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in leaves(table)][1:] == [
        ("减轻贫困学生家庭经济负担", "有效", "有效", 10, 10), ("政策知晓率", "100%", "98%", 10, 9)]


def test_a_last_row_cut_before_its_figures_with_a_cell_under_every_label_column_is_a_row():
    text = ("一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |\n"
            "产出指标 | 数量指标 | 钢结构圈养围栏 | ≥120米 | 121.5米 | 10 | 10 | 无 |\n"
            "时效指标 | 项目竣工验收率 | 100% | 100% | 15 | 15 | 无 |\n"
            "满意度指标 | 服务对象满意度指标 | 受益农户满意度 ")
    table, _ = read_score_table(text)
    parents = {i.parent for i in table.indicators}
    assert [(i.name, i.weight, i.score) for k, i in enumerate(table.indicators) if k not in parents] == [
        ("钢结构圈养围栏", 10, 10), ("项目竣工验收率", 15, 15), ("受益农户满意度", None, None)]


def test_a_rate_printed_as_a_fraction_with_its_score_cut_to_the_whole_point_is_read():
    text = ("项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n(万元) 年度资金总额 29 29 27.8 9 0.958 8\n"
            "其中:当年财政拨款 29 29 27.8 9 0.958 8\n")
    total = read_funds(text).rows[0].values
    assert (total["budget"].value, total["executed"].value, total["rate"].value, total["score"].value) == (29, 27.8, 95.8, 8)


def test_an_unproven_rate_with_three_decimals_stays_unread():
    text = "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n(万元) 年度资金总额 29 29 20 9 0.958 8\n"
    assert "rate" not in read_funds(text).rows[0].values


def test_a_formula_note_whose_bracket_an_ocr_read_as_a_one_keeps_the_score_column_and_headings_below_are_no_sources():
    text = ("预算执行情况(万元) (20分)预算数(A)执行数(B)执行率(B/A1得分(20分*执行率)年度财政资金总额10001000100%20"
            "度效标80>年绩目1分级标一指二级指标三级指标年初目标值(A)实际完成值(B)得分")
    table = read_funds(text)
    assert [c.role for c in table.header.columns] == ["budget", "executed", "rate", "score"]
    assert [(r.label, r.values["budget"].value, r.values["score"].value) for r in table.rows] == [("年度财政资金总额", 1000, 20)]


# A result table printed without its names (a scrape kept only the figures), its last row the total (100 | 94.04),
# with the grade notes and the next heading under it: the total row, taken out, must not leave the reading
# pointing past the table's end.
RESULT_TABLE_WITHOUT_NAMES = """某县人民法院
2018年度部门整体支出绩效评价报告
评价单位:某县人民法院
报告时间: 2019年7月17日
绩效评价结果
绩效等级 | |||
15.00 | 优 | ||
55.00 | 49.04 | 优 | |
产出 | 20.00 | 20.00 | 优 |
10.00 | 10.00 | 优 | |
100.00 | 94.04 | 优 |
注:优(≥90)
良(≥80,<90)
中(≥60,<80)
差(<60)
评价小组
"""


def test_a_last_row_taken_as_the_total_leaves_the_rows_above_readable():
    got = read_score_table(RESULT_TABLE_WITHOUT_NAMES)
    if got is not None:
        table, _ = got
        assert all(i.parent is None or i.parent < len(table.indicators) for i in table.indicators)
        assert len(table.spans) == len(table.indicators)


def test_a_funds_block_takes_the_unit_its_form_declares_above_it():
    text = ("区级部门预算项目支出绩效自评表\n( 2019 年度)\n主管部门(盖章):                单位:万元\n项目名称 免费开放\n"
            "项目预算\n执行情况\n(10分)\n  年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分\n年度资金总额 45 45 10 100% 10\n")
    table = read_funds(text)
    assert table.header.unit_factor == 10_000 and table.header.unit_stated


@pytest.mark.parametrize("unit, amounts", [("", (None, None)), ("(万元)", (6_696_500, 4_840_200))])
def test_a_funds_block_that_states_no_unit_gives_no_amounts(tmp_path, unit, amounts):
    from helpers import extract_text
    text = (f"某单位整体支出绩效自评表\n项目资金{unit} 年初预算数 全年预算数 全年执行数 执行率\n"
            "年度资金总额 669.65 669.65 484.02 72.28%\n其中:财政拨款 669.65 669.65 484.02 72.28%\n")
    budget = extract_text(tmp_path, text).budget
    # 669.65 元 or 万元: the block does not say; its rate is read all the same
    assert (budget.budget_yuan, budget.executed_yuan) == amounts and budget.execution_rate == 72.28


def test_a_form_whose_text_layer_gives_every_rows_figures_before_the_names_is_read_across():
    # a PDF text layer: the figures of each row, one line per row, then the names wrapped in taller cells among the
    # category cells ('绩 效 指 标' spaced a character a line), a wrap's cut-off '率' after the first name's opening
    text = ("一级指标 二级指标 数量指标 三级指标 与委托运营方结算完成 年度 指标值 实际 完成值 分值 得分 "
            "=100% 100% 10 10 =100% 100% 20 20 及时 及时 20 20 >=90% 100% 30 27 100 87 率 产出指标 质量指标 "
            "绩 效 指 标 时效指标 效益指标 合同结算条款完成率 费用结算及时性 满意度指标 场馆开放满意度 总分 -1-")
    table, report = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("与委托运营方结算完成率", 10, 10), ("合同结算条款完成率", 20, 20), ("费用结算及时性", 20, 20),
        ("场馆开放满意度", 30, 27)]
    assert (table.total_weight.value, table.total_score.value, report.layout) == (100, 87, "row_runs")


def test_figures_before_names_are_not_read_across_when_the_names_do_not_match_them_one_for_one():
    text = ("三级指标 年度 指标值 实际 完成值 分值 得分 =100% 100% 10 10 =100% 100% 20 20 及时 及时 20 20 "
            "100 50 产出指标 合同结算条款完成率 费用结算及时性 总分")
    got = read_score_table(text)
    assert got is None or got[1].layout != "row_runs"


@pytest.mark.parametrize("cell, kinds", [
    ("25TB", ["measure"]),  # a Latin unit ending the cell
    ("100%覆盖", ["measure"]),  # a word after a percent, ending the cell: one target value
    ("——一户年最高", ["text"]),  # a double dash inside a name's words is no dash cell
    ("——", ["dash"]),
    ("-", ["dash"]),
])
def test_a_cell_s_value_or_words_are_one_token_however_its_unit_or_dashes_are_printed(cell, kinds):
    assert [t.kind for t in tokenize(cell, 0, len(cell), 0)] == kinds


def test_pipe_rows_whose_merged_cells_an_export_dropped_and_padded_at_the_end_are_laid_from_the_right():
    # every line as wide as the header; a category written once leaves the rows under it one cell short on the left,
    # the export padding them with empty cells at the end; a row ending in words has its score merged from above
    text = ("年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | | |\n"
            "产出指标(40分) | 数量指标 | 一个存储备份器 | 25TB | 25TB | 10 | | | |\n"
            "WIFI布点全覆盖 | 100%覆盖 | 100%覆盖 | | | | | | |\n"
            "质量指标 | 以最新资源面市 | 资源采购期以当年为主 | 资源采购期以当年为主 | 10 | | | | |\n"
            "时效指标 | 可保证读者使用时长 | 全天候可用 | 全天候 | 10 | | | | |\n"
            "成本指标 | 以低价位高质量为采购原则 | 5万 | 5万 | 8 | | | | |\n")
    table, _ = read_score_table(text)
    parents = {i.parent for i in table.indicators}
    assert [(i.name, i.score) for k, i in enumerate(table.indicators) if k not in parents] == [
        ("一个存储备份器", 10), ("WIFI布点全覆盖", None), ("以最新资源面市", 10), ("可保证读者使用时长", 10),
        ("以低价位高质量为采购原则", 8)]
    parent = {i.name: table.indicators[i.parent].name for i in table.indicators if i.parent is not None}
    assert parent["以最新资源面市"] == "质量指标" and parent["质量指标"] == "产出指标"


_SENTENCE_NAMES = st.text(alphabet="标准项目数量宣传解读奖励修订意识强化质量合格率服务满意度", min_size=3, max_size=12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_SENTENCE_NAMES, st.integers(1, 30), st.integers(0, 30)), min_size=2, max_size=8))
def test_indicators_stated_one_per_sentence_read_back_in_order(rows):
    lines = [f"{k + 1}){name}(项),目标值{w + 1},完成值{s + 2},分值{w},得分{min(s, w)}。" for k, (name, w, s) in enumerate(rows)]
    table, report = read_score_table("二、绩效分析\n" + "\n\n".join(lines) + "\n")
    assert report.layout == "sentences"
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == \
        [(f"{name}(项)", float(w), float(min(s, w))) for name, w, s in rows]


def test_a_line_that_lacks_a_key_is_no_sentence_row():
    text = ("1)标准文本宣传和解读(份),目标值300,完成值350,分值10,得分10。\n"
            "2)奖励制修订标准项目(项),目标值4,完成值24,得分10。\n")  # the second lacks its 分值
    got = read_score_table(text)
    assert got is None or got[1].layout != "sentences"


# A 自评表 a scrape wrote one cell per line at the margin, each line ending in its pipe, an empty cell as a bare
# pipe and each row padded with a run of pipes; cut after its first indicator (the figures are invented).
_CELL_PER_LINE_FORM = (
    "项目资金 |\n|\n年初预算数 |\n全年预算数(A) |\n全年执行数(B) |\n分值 |\n执行率(B/A) |\n得分 |\n||||\n"
    "年度资金总额: |\n80 |\n80 |\n76 |\n10 |\n95% |\n9.5 |\n|||||\n"
    "年度绩效指标完成情况 |\n一级 |\n二级指标 |\n三级指标 |\n年度指标值 |\n实际完成值 |\n分值 |\n得分 |\n偏差原因分析及改进措施 |\n|||\n"
    "产 |\n数量指标 |\n指标1:窗口人员考核全覆盖,优秀比例不超过20% |\n|\n达成预期指标 |\n15 |\n14 |\n|\n||||\n"
    "质量指标 |\n指标1:发挥考核奖励的激励作用,进一步")


def test_a_figure_ending_a_name_written_one_cell_per_line_stays_in_the_name():
    table, _ = read_score_table(_CELL_PER_LINE_FORM, outside=(10.0, 9.5))
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("窗口人员考核全覆盖,优秀比例不超过20%", 15, 14)]


def test_a_worded_result_after_an_empty_target_cell_is_no_part_of_the_rows_name():
    table, _ = read_score_table(_CELL_PER_LINE_FORM, outside=(10.0, 9.5))
    assert [i.name for i in table.indicators][:3] == ["产", "数量指标", "窗口人员考核全覆盖,优秀比例不超过20%"]
    assert all("达成" not in i.name for i in table.indicators)


def test_one_scored_row_under_a_header_is_a_table_only_beside_a_scored_funds_block():
    assert read_score_table(_CELL_PER_LINE_FORM) is None  # one row alone may be any two figures after words
    assert read_score_table(_CELL_PER_LINE_FORM, outside=(10.0, 9.5)) is not None


def test_a_cell_that_says_only_self_assessed_after_the_notes_is_the_score_column():
    text = ("序号 |\n一级指标 |\n二级指标 |\n三级指标 |\n指标分值 |\n指标解释说明 |\n评分标准 |\n备注 |\n自评 |\n"
            "1 |\n投入 |\n项目立项(10分) |\n项目立项依据 |\n2 |\n考核立项是否符合政策。 |\n符合得2分。 |\n|\n2 |\n"
            "2 |\n绩效目标编制 |\n4 |\n考核是否制定年度绩效目标。 |\n制定得4分。 |\n|\n3 |\n")
    (header,) = [h for h in find_headers(text) if h.kind == "scores"]
    assert header.roles[-1] == "score"


def test_glued_weight_and_score_runs_are_cut_where_the_categories_printed_points_say_so():
    # no total row (the page is cut), every row's 分值 and 得分 glued into one run ('22' = 2 | 2, '108' = 10 | 8):
    # the points each category prints are the sum of the weights of the rows under it
    text = ("一级指标二级指标三级指标分值得分项目决策(25分)绩效目标(6分)目标内容22进度计划22目标匹配22"
            "决策依据(10分)政策依据22实施规划44管理制度44项目效益(20分)经济效益108社会效益107")
    table, report = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("目标内容", 2, 2), ("进度计划", 2, 2), ("目标匹配", 2, 2), ("政策依据", 2, 2), ("实施规划", 4, 4),
        ("管理制度", 4, 4), ("经济效益", 10, 8), ("社会效益", 10, 7)]
    assert report.rows_chosen_by_totals >= 6


def test_a_line_of_empty_cells_under_a_header_is_no_row():
    # a pipe table's padding line ('|||||||||') with nothing in it, right under its header
    text = "二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||\n|||||||||"
    assert read_score_table(text) is None


# A third-party 考核评分表 scraped with each empty cell written as a line break: the header and every row end in
# their separator, the 备注 cell is dropped from each row, a part's score stands on the line below its weight
# (past its empty 计分标准 cell), and the 合计 row prints its figure a line below its label.
_OUTLINE_FORM = (
    "考核内容 | 分值 | 计分标准 | 分数 | 备注 |\n"
    "一、前期工作情况 | 30 |\n| 29 |\n|\n"
    "1、人员专业能力 | 15 | 专业能力较强,得10-15分;一般,得5-10分。 | 14 |\n"
    "2、人员稳定 | 15 | 保持稳定,得15分;随意更换,不得分。 | 15 |\n"
    "二、后期工作情况 | 70 |\n| 65 |\n|\n"
    "1、报告数据详实 | 40 | 详实得30-40分;有待完善,得10-29分。 | 37 |\n"
    "2、结论清晰 | 30 | 清晰得20-30分;较为清晰,得10-19分。 | 28 |\n"
    "合计 |\n|\n| 94 |\n")


def test_a_note_cell_with_figures_in_its_words_is_one_note_when_rows_end_in_their_separator():
    table, _ = read_score_table(_OUTLINE_FORM)
    rows = [(i.name, i.weight, i.score) for i in leaves(table)]
    assert rows == [("人员专业能力", 15, 14), ("人员稳定", 15, 15), ("报告数据详实", 40, 37), ("结论清晰", 30, 28)]


def test_an_outline_numbered_part_whose_points_are_its_rows_summed_is_their_category():
    table, report = read_score_table(_OUTLINE_FORM)
    heads = [(i.name, i.weight, i.score, i.parent) for i in table.indicators if i.level == 1]
    assert heads == [("前期工作情况", 30, 29, None), ("后期工作情况", 70, 65, None)]
    assert all(table.indicators[i.parent].level == 1 for i in leaves(table))
    assert report.totals_confirmed


def test_an_outline_whose_part_points_are_not_its_rows_summed_stays_flat():
    text = _OUTLINE_FORM.replace("一、前期工作情况 | 30 |", "一、前期工作情况 | 20 |").replace("合计 |\n|\n| 94 |\n", "")
    table, _ = read_score_table(text)
    assert all(i.parent is None for i in table.indicators)


_SUMS_29 = ("考核内容 | 分值 | 计分标准 | 得分 |\n人员专业能力 | 15 | 得0-15分 | 14 |\n人员稳定 | 15 | 得0-15分 | 15 |\n"
            "合计 |\n| 29 |\n")
# every row a full score: 100 is the weights' sum and the scores' sum alike
_FULL_MARKS = ("考核内容 | 分值 | 计分标准 | 分数 | 备注 |\n1、人员专业能力 | 50 | 得0-50分 | 50 |\n"
               "2、人员稳定 | 50 | 得0-50分 | 50 |\n合计 | | | | |\n| 100 |\n")


@pytest.mark.parametrize("text, weight, score", [
    (_OUTLINE_FORM, None, 94),  # the 合计 label alone, its figure two lines below
    (_OUTLINE_FORM.replace("合计 |\n|\n| 94 |\n", "合计 | | | | |\n| 94 |\n"), None, 94),  # the row as wide as the header
    (_SUMS_29, None, 29),  # the leaves' scores sum to it
    (_SUMS_29.replace("| 29 |", "| 30 |"), 30, None),  # their weights do
    (_FULL_MARKS, None, None),  # both sums name it: left unplaced, and said so
])
def test_a_totals_rows_one_figure_is_the_weight_or_the_score_its_leaves_sum_to(text, weight, score):
    table, report = read_score_table(text)
    got = (table.total_weight.value if table.total_weight else None, table.total_score.value if table.total_score else None)
    assert got == (weight, score)
    if weight is None and score is None:
        assert any("neither sum" in r["reason"] for r in report.rows_skipped)


def test_a_row_that_lost_a_middle_cell_does_not_stand_under_a_header_ending_in_its_separator():
    # the 全年执行数 cell is missing: laid on the header, the 分值 cell would hold the rate
    text = ("| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n"
            "| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政拨款 |\n")
    from pipeline.tables.layout import _HeaderCells, _under_header
    cells = _HeaderCells(9, 0, 0, frozenset(), filled=8, figure_cells=frozenset({4, 6}))
    line = text.splitlines()[1]
    pieces = line.split("|")
    tokens = [t for k, piece in enumerate(pieces) for t in tokenize(piece, 0, len(piece), k)]
    assert not _under_header(pieces, tokens, [], cells)


def test_the_figures_of_a_row_wrapped_onto_the_next_line_fill_its_value_cells():
    text = ("一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |\n"
            "产出指标 | 数量指标 | 扶持新型经营主体 (个) |\n"
            "15 | 6 | 8.0 | |\n"
            "数量指标 | 带动贫困户(人) | 11442 | 4164 | 7.3 | |\n")
    table, _ = read_score_table(text)
    first = next(i for i in table.indicators if i.name and i.name.startswith("扶持"))
    assert (first.target, first.actual, first.score) == ("15", "6", 8.0)


def test_a_row_the_rows_above_add_up_to_is_the_total_and_ends_the_table_though_no_total_word_names_it():
    # a cover's summary table run on into the page's next lines, its points printed with 分 and the spaces squeezed
    text = ("评价准则 分值 实际得分 目标完成程度(80%) 80分 67分组织管理水平(20%) 20分 16分综合绩效 100分 83分"
            "评价小组组长:成员:2项目关键信息表1-1项目名称 6229.432万元")
    table, report = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in table.indicators] == [
        ("目标完成程度(80%)", 80, 67), ("组织管理水平(20%)", 20, 16)]
    assert (table.total_weight.value, table.total_score.value) == (100, 83)
    assert any("total" in r["reason"] for r in report.rows_skipped)


def test_a_row_short_of_its_score_cell_is_not_laid_on_a_header_that_ends_in_its_separator():
    # the row lost a cell before its figures: laid on the header, its score would be its weight
    text = ("一级指标 | 二级指标 | 指标解释 | 分值 | 得分 | 备注 |\n"
            "决策 | 绩效目标 | 20 | 18 |\n"
            "过程 | 资金管理 | 按规定使用 | 80 | 75 |\n")
    table, _ = read_score_table(text)
    assert [(i.weight, i.score) for i in leaves(table)] == [(20, 18), (80, 75)]


@pytest.mark.parametrize("total, weight, score", [("合计 100分 93分", 100, 93), ("合计 93分", None, 93)])
def test_a_flow_totals_row_with_its_points_in_fen_is_read_by_the_sums(total, weight, score):
    # spaces squeezed out between words: '18分合计100分93分'; 合计 is no verb of a scoring rule ('计1分')
    from pipeline.normalise import normalise_string
    text = normalise_string("评价准则 分值 实际得分 项目决策 20分 18分项目管理 30分 28分项目产出 30分 29分项目效益 20分 18分" + total)
    table, _ = read_score_table(text)
    assert [i.name for i in table.indicators] == ["项目决策", "项目管理", "项目产出", "项目效益"]
    assert (table.total_weight.value if table.total_weight else None, table.total_score.value) == (weight, score)


def test_a_name_that_opens_on_fen_keeps_it():
    from pipeline.normalise import normalise_string
    table, _ = read_score_table(normalise_string("评价准则 分值 实际得分 项目决策 20分 18分类处置率 30分 28分"))
    assert [i.name for i in table.indicators] == ["项目决策", "分类处置率"]


def test_an_outline_part_with_no_rows_is_a_leaf_and_bracketed_numerals_number_parts():
    text = ("考核内容 | 分值 | 计分标准 | 分数 | 备注 |\n"
            "(一)前期 | 30 | | 29 |\n1.人员 | 15 | 得0-15分 | 14 |\n2.稳定 | 15 | 得0-15分 | 15 |\n"
            "(二)后期 | 60 | | 55 |\n1、2023年报告 | 30 | 得分 | 28 |\n2、结论 | 30 | 得分 | 27 |\n"
            "(三)满意度 | 10 | 满意 | 9 |\n")
    table, _ = read_score_table(text)
    assert [(i.name, i.weight, i.score) for i in leaves(table)] == [
        ("人员", 15, 14), ("稳定", 15, 15), ("2023年报告", 30, 28), ("结论", 30, 27), ("满意度", 10, 9)]


def test_fenshu_heads_the_score_column_in_a_tab_separated_header():
    text = "考核内容\t分值\t计分标准\t分数\t备注\n人员专业能力\t15\t得0-15分\t14\t\n人员稳定\t15\t得0-15分\t15\t\n"
    table, _ = read_score_table(text)
    assert [(i.weight, i.score) for i in leaves(table)] == [(15, 14), (15, 15)]


def test_a_notes_figures_read_as_a_row_are_dropped_where_the_printed_totals_are_met_without_them():
    from pipeline.normalise import (
        normalise_string,  # (as the pipeline reads it: spaces between words squeezed out)
    )
    text = normalise_string("项目名称 某经费 单位 某局 内容 指标 权重 评分结果 备注 投入 预算执行率 20.00 18.00 专款专用率 20.00 "
                            "20.00 产出 大修环卫工人休息点 30.00 10.00 目标值 2 座,完成值 9 座 公共卫生间改造 30.00 30.00 合计 100.00 78.00")
    table, report = read_score_table(text)
    assert [(i.weight, i.score) for i in leaves(table)] == [(20, 18), (20, 20), (30, 10), (30, 30)]
    assert report.totals_confirmed
    # where the totals are not met without it, the row stays, and the table does not confirm
    table, report = read_score_table(text.replace("合计100.00 78.00", "合计100.00 79.00"))
    assert (9, None) in [(i.weight, i.score) for i in leaves(table)] and not report.totals_confirmed


def test_a_named_indicator_left_unscored_is_kept_though_the_totals_are_met_without_it():
    text = ("一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 评分依据\n决策 | 立项 | 立项依据充分性 | 50 | 48 | 符合\n"
            "产出 | 数量 | 完成工程数量 | 50 | 45 | 符合\n效益 | 满意度 | 群众满意度 | 10 | — | 未开展满意度调查\n合计 | | | 100 | 93 |\n")
    table, _ = read_score_table(text)
    assert [i.name for i in leaves(table)] == ["立项依据充分性", "完成工程数量", "群众满意度"]


_SCRAMBLED_SOURCES_FORM = ("项目名称 办公局域网维护费 项目属性 项目资金 1、常年性 √ 2、延续性□ 4、新增性□ 中央 省、地 本级 其他 合计 执行数 "
                           "(万元) (万元) (万元) (万元) (万元) (万元) {a} {b} 来源 项目年度目标 3、一次性□ {c} 执行率 {rate} "
                           "1. 对机关局域网络改造升级。\n")


@pytest.mark.parametrize("text, budget, executed, rate", [
    # the sources' heads, the form's other cells and the figures in no order: the one pair the rate makes
    (_SCRAMBLED_SOURCES_FORM.format(a="5.5", b="5.5", c="5.5", rate="100%"), 5.5, 5.5, 100),
    # lettered heads with the figures strewn after them
    ("资金情况(万元)年度资金总额全年预算数(A)300全年执行数(B)执行率(B/A)其中中央补助自治区补助300万元\n259.45万元\n86.5%市县资金\n",
     300, 259.45, 86.5),
])
def test_a_scrambled_funds_block_is_solved_by_its_own_rate(text, budget, executed, rate):
    table = read_funds(text)
    assert table is not None and table.report.layout == "by_rate" and table.report.confidence < 0.5
    values = table.total.values
    assert (values["budget"].value, values["executed"].value, values["rate"].value) == (budget, executed, rate)


@pytest.mark.parametrize("text", [
    # two pairs fit 100 %: which figure is the budget is not said
    _SCRAMBLED_SOURCES_FORM.format(a="5.5", b="5.5", c="8", rate="100%").replace("来源", "8 来源"),
    # one printing of a figure is never both amounts
    _SCRAMBLED_SOURCES_FORM.format(a="5.5", b="", c="", rate="100%"),
    # no unit: the scale would be a guess
    _SCRAMBLED_SOURCES_FORM.format(a="5.5", b="5.5", c="5.5", rate="100%").replace("(万元) ", ""),
    # a count and a list's number are no amounts ('300 公里', '3、')
    "合计 执行数 (万元) 400 完成道路养护 300 公里 3、执行率 75%\n",
])
def test_a_scrambled_funds_block_whose_arithmetic_names_no_one_pair_is_not_read(text):
    assert read_funds(text) is None


@pytest.mark.parametrize("text", [
    # the percent is the funds received, the execution rate printed without its sign
    _SCRAMBLED_SOURCES_FORM.format(a="100", b="100", c="80", rate="72").replace("3、一次性□ 80 执行率 72",
                                                                                  "3、一次性□ 72 到位率 80% 执行率 72"),
    # a share, where the execution cells are blank
    _SCRAMBLED_SOURCES_FORM.format(a="60", b="40", c="100", rate="").replace("1. 对机关", "1. 中央资金占比60%。对机关"),
    # a weight
    "资金情况(万元)年度资金总额全年预算数(A)500全年执行数(B)执行率(B/A)其中中央补助500万元 省级配套50万元\n450万元\n权重10%市县资金\n",
    # an indicator's rate, past the block's end
    "资金情况(万元)年度资金总额全年预算数(A)300全年执行数(B)执行率(B/A)其中中央补助自治区补助300万元\n"
    "年度总体目标 完成道路硬化5公里 产出指标 质量指标 验收合格率 100%\n",
    # the one pair that fits takes a source's labelled figure as what was spent
    "资金情况(万元)年度资金总额全年预算数(A)500全年执行数(B)执行率(B/A)其中中央补助500万元 省级配套50万元\n450万元\n10%市县资金\n",
])
def test_a_scrambled_funds_block_whose_percent_is_another_measure_is_not_solved(text):
    table = read_funds(text)
    assert table is None or table.report.layout != "by_rate"


def test_a_category_the_unit_left_empty_is_no_indicator():
    from pipeline.normalise import normalise_string
    text = normalise_string(
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
        "产出指标(50分) 数量指标 开展结对交流活动 ≥3次 3 30 30  \n质量指标 创业能力提升 提升 达成预期指标 20 20  \n"
        "效益指标(40分) 经济效益指标 带动农民增收 增收 达成预期指标 20 20  \n社会效益指标 巩固脱贫成果 巩固 达成预期指标 20 20  \n"
        "生态效益指标         0  \n满意度指标(10分) 满意度指标 群众满意 满意 达成预期指标 10 10  \n总分   100 100.00  \n")
    table, report = read_score_table(text)
    assert "生态效益指标" not in [i.name for i in table.indicators]
    assert [i.weight for i in leaves(table)] == [30, 20, 20, 20, 10] and report.totals_confirmed


_AMBIGUOUS_TOTAL = ("一级指标 分值 二级指标 分值 三级指标 分值 得分 项目决策 20 项目立项 20 立项依据 10 10 目标明确 10 10 项目管理 30 "
                    "组织实施 30 组织机构 3 0 3 管理制度 3 0 3 合同评价 3 3 2 资金使用 21 21 项目绩效 50 项目产出 50 产出数量 25 20 "
                    "产出质量 25 25 总分 100 100 100 {total} 评价等次 良")


def test_a_totals_row_whose_score_is_unsure_is_the_one_candidate_the_unsure_rows_add_up_to():
    from pipeline.normalise import normalise_string
    table, report = read_score_table(normalise_string(_AMBIGUOUS_TOTAL.format(total=89)))
    assert table.total_score.value == 89 and report.totals_confirmed
    assert [(i.name, i.score) for i in leaves(table)][2:5] == [("组织机构", 0), ("管理制度", 0), ("合同评价", 3)]


def test_a_totals_row_whose_candidates_the_rows_cannot_make_leaves_the_rows_unread():
    from pipeline.normalise import normalise_string
    # 86 + 0..3 + 0..3 + 2..3 never makes 97 nor 100: the scores stay unread with their candidates
    table, _ = read_score_table(normalise_string(_AMBIGUOUS_TOTAL.format(total=97)))
    assert table.total_score is None
    assert [i.score for i in leaves(table)][2:5] == [None, None, None]


def test_a_subtotal_under_rows_of_one_level_is_the_tables_total_and_ends_it():
    text = ("得分情况表\n一级指标 分值 得分 得分率\nA立项必要性 20 20 100%\nB投入经济性 20 20 100%\nC绩效目标合理性 20 11.5 57.5%\n"
            "D实施方案有效性 20 19 95%\nE筹资合规性 20 20 100%\n小计 100 90.5 90.5%\n"
            "综合评定,某县污水处理特许经营项目总得分为90.5分,评估等级为“建议予以支持”。\n")
    table, report = read_score_table(text)
    assert len(leaves(table)) == 5 and (table.total_weight.value, table.total_score.value) == (100, 90.5)
    assert report.totals_confirmed


def test_a_scoring_rules_bands_in_a_table_whose_cells_a_scrape_spaced_are_words_of_their_cell(tmp_path):
    """'得10-15分' in a 计分标准 cell is the rule's band, not a row's weight and score: read as figures, each band
    opened a row named '-' and the table's sums no longer closed."""
    from helpers import extract_text

    text = ("某区2023年度项目绩效评价工作考核评分表\n考核内容 分值 计分标准 得分 备注\n一、评价前期工作情况 30 29\n"
            "1、工作组人员专业能力 15 专业能力较强,得10-15分;专业能力一般,得5-10分;专业能力较差,得0-5分。 14\n"
            "2、工作组人员稳定 15 保持成员稳定,得15分;随意更换组员,不得分。 15\n二、评价过程工作情况 70 66\n"
            "1、沟通情况 70 态度认真,得50-70分;态度一般,得20-49分;态度恶劣,得0-19分。 66\n合计 100 95\n")
    record = extract_text(tmp_path, text)
    leaves = [(i.name, i.weight, i.score) for i in record.scores.indicators if i.level == 2]
    assert leaves == [("工作组人员专业能力", 15, 14), ("工作组人员稳定", 15, 15), ("沟通情况", 70, 66)]
    assert {c.id: c.status for c in record.checks}["indicator_weights_sum"] == "pass"


def test_a_funds_block_ends_at_the_indicator_block_s_categories_where_its_heading_is_lost():
    # a page dropped between the blocks: the indicator table's 合计 is no source of the funds
    text = ("项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |\n年度资金总额 | 50 | 50 | 50 | 100% |\n"
            "其中:财政资金 | 50 | 50 | 50 | 100% |\n得分 | 未完成原因分析 | 产出指标 | 数量指标 | 覆盖率 | 100% | 60 |\n"
            "效益指标 | 社会效益指标 | 保障率 | 100% | 30 |\n合计 | 100 |\n")
    table = read_funds(text)
    assert [r.label for r in table.rows] == ["年度资金总额", "财政资金"]


def test_funds_rows_counted_1_2_3_under_a_header_without_its_row_column_are_numbers_not_amounts():
    # the header line holding 行次 lost: each row's first figure is its number
    text = ("资金投入情况(万元) 全年预算数(A) 全年到位资金(D) 全年执行资金(E) 执行率\n"
            "年度资金总额(万元): 1 52.8 52.8 30.8 58.33%\n其中:中央财政资金(万元) 2 52.8 52.8 30.8 58.33%\n"
            "地方财政资金(万元) 3\n其他资金(万元) 4\n")
    table = read_funds(text)
    budgets = {r.label: r.values["budget"].value for r in table.rows if "budget" in r.values}
    assert budgets == {"年度资金总额": 52.8, "中央财政资金": 52.8}


def test_small_whole_amounts_counting_1_2_3_are_amounts_where_the_row_has_no_figure_over_the_header():
    # (a helper's review: a row number is only read so where the first row holds one figure more than the header's)
    text = ("项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "年度资金总额 | 6 | 6 | 6 | 10 | 100% | 10 |\n其中:中央财政资金 | 1 | 1 | 1 | — | — | — |\n"
            "省级财政资金 | 2 | 2 | 2 | — | — | — |\n县级财政资金 | 3 | 3 | 3 | — | — | — |\n年度总体目标 | 完成项目建设 |\n")
    table = read_funds(text)
    assert [r.values["initial"].value for r in table.rows] == [6, 1, 2, 3]


def test_a_funds_row_named_after_an_indicator_category_is_still_a_funds_row():
    text = ("项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 |\n年度资金总额 | 80 | 80 | 76 |\n"
            "其中:当年财政拨款 | 60 | 60 | 58 |\n满意度指标调查经费 | 5 | 5 | 5 |\n其他资金 | 15 | 15 | 13 |\n")
    assert [r.label for r in read_funds(text).rows][-1] == "其他资金"


# DOMAIN.md §4.1: each office's word for the form's funds columns, with the endings forms print ('金额', '数')
@pytest.mark.parametrize("header, roles", [
    ("年初预算金额 全年预算金额 全年实际支出数 分值 支出率 得分", ["initial", "budget", "executed", "weight", "rate", "score"]),
    ("年初预算 调整后预算金额 实际支出金额 分值 预算执行度 得分", ["initial", "budget", "executed", "weight", "rate", "score"]),
    ("批复预算数 累计支出 资金使用率", ["budget", "executed", "rate"]),
    ("全年(调整)预算金额 全年支出金额 分值 执行率 得分", ["budget", "executed", "weight", "rate", "score"]),
    # the rate's own weight and score columns under the rate's other names
    ("年初预算数 全年预算数 全年支出数 支出率 支出率权重 支出率得分", ["initial", "budget", "executed", "rate", "weight", "score"]),
])
def test_a_funds_header_in_another_office_s_words_gets_the_same_roles(header, roles):
    (found,) = find_headers(f"项目资金(万元) {header}\n年度资金总额 10 10 9 10 90% 9\n")
    assert found.roles == roles


def test_a_rate_s_score_glued_after_the_weight_is_two_columns_under_any_of_the_rate_s_names():
    # one cell a line: '分值 | 支出率 | 得分' squeezes to '分值支出率得分', where 支出率得分 would name one column
    text = "项目资金\n(万元)\n年初\n预算数\n全年\n预算金额\n全年\n支出数\n分值\n支出率\n得分\n年度资金总额\n43.2\n43.2\n37.24\n10\n86%\n9\n"
    values, table = _total(text)
    assert table.header.roles == ["initial", "budget", "executed", "weight", "rate", "score"]
    assert (values["budget"], values["executed"], values["rate"], values["score"]) == (43.2, 37.24, 86, 9)


def test_a_funds_cell_that_prints_its_own_unit_is_read_in_it_not_in_the_header_s(tmp_path):
    from helpers import extract_text
    text = ("某单位整体支出绩效自评表\n项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 执行率\n"
            "年度资金总额 | 47536600元 | 47536600元 | 38242600元 | 80.45%\n")
    budget = extract_text(tmp_path, text).budget
    assert (budget.budget_yuan, budget.executed_yuan) == (47_536_600, 38_242_600)
    # a cell without a unit of its own takes the header's
    plain = extract_text(tmp_path, text.replace("47536600元", "4753.66").replace("38242600元", "3824.26")).budget
    assert (plain.budget_yuan, plain.executed_yuan) == (47_536_600, 38_242_600)

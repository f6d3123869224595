"""A value whose reading is not sure stays null, and the record says what was found for it and why it was not taken
(Record.unread, coverage's "unread"): an auditor sees the candidates instead of a guess."""
from helpers import extract_text

from pipeline import pointers

# a year's budget, and an earlier, larger financing of the whole works worded as a payment: no rate ties the two
_WHOLE_WORKS_PAYMENT = (
    "某站房扩建项目绩效自评报告\n一、项目基本情况\n站房规模扩大,已申请专项债券资金支付9600万元,市级预算安排260万元。\n"
    "二、项目绩效实现情况\n1.项目资金到位情况\n市财政下达建设经费260万元。\n"
)


def test_a_spending_far_over_the_budget_in_a_report_stating_no_rate_is_left_unread_with_its_candidate(tmp_path):
    record = extract_text(tmp_path, _WHOLE_WORKS_PAYMENT)
    assert record.budget.budget_yuan == 2_600_000
    assert record.budget.executed_yuan is None
    unread = record.unread[pointers.EXECUTED_YUAN]
    assert [c["value"] for c in unread["candidates"]] == [96_000_000]
    assert "9600万元" in unread["candidates"][0]["text"]
    assert "budget" in unread["reason"]
    assert pointers.EXECUTED_YUAN in record.coverage["unread"]


def test_a_spending_a_little_over_the_budget_is_still_the_executed_amount(tmp_path):
    # overspending by a fifth happens (the hand-checked reports go to 122 %): it is the year's figure
    text = _WHOLE_WORKS_PAYMENT.replace("已申请专项债券资金支付9600万元", "实际支出300万元")
    record = extract_text(tmp_path, text)
    assert record.budget.executed_yuan == 3_000_000
    assert record.unread == {}


def test_a_spending_far_over_the_budget_is_taken_when_the_stated_rate_ties_them(tmp_path):
    text = _WHOLE_WORKS_PAYMENT.replace("市级预算安排260万元。", "市级预算安排260万元,预算执行率3692.31%。")
    record = extract_text(tmp_path, text)
    assert record.budget.executed_yuan == 96_000_000
    assert record.unread == {}


def test_a_spending_far_over_the_budget_against_a_stated_rate_is_kept_for_the_check_to_judge(tmp_path):
    # the rate gives the arithmetic to test the pair by: a figure that contradicts it is what execution_rate shows
    text = _WHOLE_WORKS_PAYMENT.replace("市级预算安排260万元。", "市级预算安排260万元,预算执行率100%。")
    record = extract_text(tmp_path, text)
    assert record.budget.executed_yuan == 96_000_000
    assert record.unread == {}

"""Is it a report? Each document is classed before its fields are trusted.

* `report` — a performance evaluation or self-assessment (the SPEC kinds);
* `finance_document` — a related finance document that is not an evaluation: final accounts (部门决算),
  a budget (部门预算, 预算公开), a target table (绩效目标表 / 目标申报表: targets, no scores);
* `not_report` — with the reason: too little Chinese text, mostly Latin-script text (notes, code, a
  page in another language), no report vocabulary, no figures, no key field read, or no evaluation
  structure (a statistics bulletin or a work plan has report words and figures, but no score table, no
  budget execution and no verdict).

The signals are cheap and structural (the title and first lines, the density of report terms, the
share of scripts, the figures), so that a README, a form template or a screenshot is never counted as
a report. Thresholds were set from shared/dev (the shortest real excerpt, a 22nd-page fragment, has
87 Han characters and 7 report terms; this README has 21,350 Latin letters to 645 Han).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .record import Record

REPORT = "report"
FINANCE = "finance_document"
NOT_REPORT = "not_report"

_MIN_HAN = 40
_MIN_TERMS = 4
_MIN_FIGURES = 3
# Words of performance evaluation (DOMAIN.md §2): a report uses several of them many times.
_REPORT_TERMS = regex.compile(r"绩效|评价|自评|考评|指标|得分|分值|权重|执行率|预算|资金|专项|部门整体")
# A figure: an amount, a percent or a score, not a year or a document number.
_FIGURE = regex.compile(r"(?<![\d〔\[])\d+(?:\.\d+)?\s*(?:%|万元|元|分|亿元)|(?<![\d〔\[(])\d+\.\d+")
# What an evaluation calls itself in its title or first lines.
_EVALUATION = regex.compile(r"(?:绩效|支出)[\p{Han}]{0,6}?(?:评价|自评|考评|评估)|自评(?:报告|表)|评价报告|评分表|得分表")
# Related finance documents, by their title words.
_FINAL_ACCOUNTS = regex.compile(r"决算(?:报告|公开|说明|情况)?")
_BUDGET = regex.compile(r"(?:部门|单位)预算(?:公开|说明|报告)?|预算公开|预算报告|预算说明")
_TARGET_TABLE = regex.compile(r"绩效目标(?:申报)?表|目标申报表|绩效目标表")
# A target table has targets; an evaluation of it has scores.
_SCORED = regex.compile(r"得分|自评分|评分|分值")
# What only an evaluation holds (DOMAIN.md §2): the budget's execution measured, or a verdict on the work.
# Chinese text with report words and figures (a statistics bulletin, a work plan, a notice, a library's
# test file) holds neither.
_EXECUTION_TERMS = regex.compile(r"执行率|预算执行|执行数|执行情况|支出进度|资金使用率|支出率|实际支出|已支出|到位率|完成率")
_CONCLUSION_TERMS = regex.compile(r"评价结论|自评结论|总体评价|综合评价|评价等级|自评等级|绩效等级|评价结果|自评结果|"
                                  r"自评得分|评价得分|综合得分|总得分|自评分|绩效指标|绩效目标")


@dataclass
class DocumentClass:
    name: str  # report | finance_document | not_report
    reason: str  # why, in words a person reads
    kind: str | None = None  # finance_document: final_accounts | budget | target_table


def classify(text: str, record: Record | None = None) -> DocumentClass:
    """The class of a document from its normalised text (and its record, where extracted)."""
    han = len(regex.findall(r"\p{Han}", text))
    latin = len(regex.findall(r"[A-Za-z]", text))
    if latin > max(han, 100):
        return DocumentClass(NOT_REPORT, f"mostly Latin-script text ({latin} letters to {han} Chinese characters): "
                                         "notes, code or a page in another language")
    if han < _MIN_HAN:
        return DocumentClass(NOT_REPORT, f"too little Chinese text ({han} characters)")
    terms = len(_REPORT_TERMS.findall(text))
    if terms < _MIN_TERMS:
        return DocumentClass(NOT_REPORT, f"no report vocabulary ({terms} evaluation terms)")
    figures = len(_FIGURE.findall(text))
    head = _head(text, record)
    scored = _has_scores(text, record)
    finance = _finance(head, scored)
    if finance is not None:
        return finance
    if figures < _MIN_FIGURES and not _EVALUATION.search(head):
        # (an evaluation that names itself may be an excerpt of its prose, without a figure yet)
        return DocumentClass(NOT_REPORT, f"no figures ({figures} amounts, rates or scores): a template or a notice")
    if record is not None and not _key_fields_read(record):
        return DocumentClass(NOT_REPORT, "no key field read (no title, project, department, region, year, "
                                         "budget, executed amount, rate, score, grade or indicator)")
    if not _EVALUATION.search(head) and not _evaluation_structure(text, record):
        return DocumentClass(NOT_REPORT, "no evaluation structure (no score table, no budget execution, no "
                                         "evaluation verdict): Chinese text with figures, not an evaluation")
    return DocumentClass(REPORT, f"an evaluation: {terms} evaluation terms, {figures} figures")


def _evaluation_structure(text: str, record: Record | None) -> bool:
    """Whether the text holds what an evaluation holds: a score table read, the budget's execution, or a
    verdict (its conclusion, its grade, its performance targets and indicators)."""
    if record is not None and (any(i.weight is not None or i.score is not None for i in record.scores.indicators)
                               or record.budget.execution_rate is not None or record.grade.stated is not None):
        return True
    return bool(_EXECUTION_TERMS.search(text) or _CONCLUSION_TERMS.search(text))


def _key_fields_read(record: Record) -> bool:
    """Whether extraction read any field a report is looked up or counted by: a text with report words
    and a few figures but none of them (a glossary, a notice, another project's test file) is no report."""
    r, b, s = record.report, record.budget, record.scores
    return any(v is not None for v in (r.title, r.project_name, r.department, r.region, r.year, b.budget_yuan,
                                       b.executed_yuan, b.execution_rate, s.total_score, record.grade.stated)) \
        or bool(s.indicators)


def _finance(head: str, scored: bool) -> DocumentClass | None:
    """A related finance document, by what its title calls it (an evaluation of one names itself so)."""
    if not _EVALUATION.search(head):
        if _TARGET_TABLE.search(head) and not scored:
            return DocumentClass(FINANCE, "a performance target table: targets without scores", "target_table")
        if _FINAL_ACCOUNTS.search(head):
            return DocumentClass(FINANCE, "final accounts (决算), not an evaluation", "final_accounts")
        if _BUDGET.search(head):
            return DocumentClass(FINANCE, "a budget (预算), not an evaluation", "budget")
    elif _TARGET_TABLE.search(head) and not _EVALUATION.search(head.replace("绩效目标", "")) and not scored:
        return DocumentClass(FINANCE, "a performance target table: targets without scores", "target_table")
    return None


_HEAD_CHARS = 120  # the title and the first lines: where a document says what it is


def _head(text: str, record: Record | None) -> str:
    title = record.report.title if record is not None and record.report.title else ""
    return title + "\n" + text[:_HEAD_CHARS]


def _has_scores(text: str, record: Record | None) -> bool:
    if record is not None and (record.scores.total_score is not None
                               or any(i.score is not None for i in record.scores.indicators)):
        return True
    return bool(_SCORED.search(text))

"""What the workbook's columns are called and how their numbers are shown, for an auditor reading it in Excel.

The export's column keys (snake_case, the same in Parquet, CSV and the workbook) stay what tools read; the
workbook puts a Chinese label over each. Amounts are in yuan with thousands separators, rates are percents
(the export stores 97.22 for 97.22 %), scores and weights with up to two decimals, years and counts as
whole numbers.
"""
from __future__ import annotations

# A column's label where it means one thing in every table.
LABELS = {
    "report_id": "报告编号", "sha256": "文件指纹", "report_index": "文件内序号", "title": "报告标题", "file": "文件",
    "project_name": "项目名称", "department": "部门", "region": "地区", "year": "年度", "years": "涉及年度",
    "year_first": "起始年度", "year_last": "结束年度", "kind": "类型", "budget_yuan": "预算数(元)",
    "executed_yuan": "执行数(元)", "execution_rate": "执行率", "total_weight": "总分值", "total_score": "总分",
    "grade_stated": "所述等级", "grade_derived": "按分数的等级", "grade": "等级", "n_failed": "未通过核对数",
    "n_warned": "警告数", "n_needs_look": "需复核数", "n_failed_checks": "未通过核对数",
    "n_warned_checks": "警告数", "n_needs_look_checks": "需复核数", "n_failed_reviewed": "复核后未通过数",
    "n_failed_corrected": "更正后未通过数", "truncated": "文档不完整", "format": "格式", "key_missing": "未读出的关键项",
    "fields_missing": "未读出的字段", "n_skipped": "跳过的核对数", "paths": "文件路径", "path": "文件路径",
    "row": "行", "level": "级次", "code": "编号", "name": "名称", "parent": "上级行", "weight": "分值",
    "score": "得分", "target": "指标值", "weight_corrected": "分值(更正)", "score_corrected": "得分(更正)",
    "check_id": "核对", "status": "结果", "severity": "严重程度", "message": "说明", "expected": "应为",
    "finding": "按读出数字的结果", "certainty": "确定性", "doubts": "不确定的原因", "stated": "所述",
    "computed": "计算", "rule": "规则", "status_corrected": "更正后结果", "verdict": "审核结论",
    "verdict_note": "审核说明", "verdict_at": "审核时间", "subproject_idx": "子项目", "description": "内容",
    "amount_yuan": "金额(元)", "is_contract": "合同金额", "size": "字节数", "error": "错误", "n_reports": "报告数",
    "seconds": "用时(秒)", "extracted_at": "读取时间", "document_class": "文件类别", "class_reason": "类别依据",
    "failure": "失败类型", "limit_value": "限额", "document_id": "文件编号", "projects": "自评项目数",
    "average_score": "平均得分", "grades": "各等级数", "pointer": "位置", "page": "页", "text": "原文",
    "x0": "左", "top": "上", "x1": "右", "bottom": "下", "cell": "单元格", "char_start": "起始字符",
    "char_end": "结束字符", "field": "字段", "old_value": "原值", "new_value": "新值", "note": "说明",
    "corrected_at": "更正时间", "decided_at": "审核时间", "report_ids": "报告编号", "titles": "报告标题",
}
# Where a key means something else in one table.
TABLE_LABELS = {("indicators", "actual"): "实际完成值", ("checks", "actual"): "实际", ("indicators", "kind"): "指标类型",
                ("files", "format"): "格式", ("finance_documents", "kind"): "文件类型"}

AMOUNT_FORMAT = "#,##0.00"
PERCENT_FORMAT = '0.00"%"'  # the value is already in percent: 97.22 shows as 97.22%
POINTS_FORMAT = "0.0#"
WHOLE_FORMAT = "0"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"


def label(table: str, column: str) -> str:
    """The Chinese label of `column` in `table`; a corrected column's label is its column's, marked."""
    if (table, column) in TABLE_LABELS:
        return TABLE_LABELS[(table, column)]
    if column in LABELS:
        return LABELS[column]
    if column.endswith("_corrected") and column.removesuffix("_corrected") in LABELS:
        return LABELS[column.removesuffix("_corrected")] + "(更正)"
    return column


def number_format(column: str) -> str | None:
    """How a column's numbers are shown; None where Excel's General suits them."""
    base = column.removesuffix("_corrected")
    if base.endswith("_yuan"):
        return AMOUNT_FORMAT
    if base.endswith("_rate"):
        return PERCENT_FORMAT
    if base in ("weight", "score", "total_weight", "total_score", "average_score"):
        return POINTS_FORMAT
    if base in ("year", "year_first", "year_last", "row", "level", "page", "report_index") or base.startswith("n_"):
        return WHOLE_FORMAT
    if base.endswith("_at"):
        return TIME_FORMAT
    return None

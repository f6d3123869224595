"""A record's value named as a person names it: "预算执行率 / 得分" for `/scores/indicators/0/score`,
"全年预算数" for `/budget/budget_yuan`. The audit page and the review server show these names
instead of JSON pointers; the pointer stays available beside them for whoever wants the record.

`value_name(record, pointer)` takes the record as a dict (the JSON the store keeps) and never fails:
a pointer it does not know is named by its last part, so that a new field shows something readable.
"""
from __future__ import annotations

from .. import pointers

# The words a Chinese report form prints over these fields (SPEC: budget_yuan is the full-year or
# adjusted budget the rate divides by, not the 年初 figure).
FIELD_NAMES = {
    pointers.TITLE: "报告标题",
    pointers.PROJECT_NAME: "项目名称",
    pointers.DEPARTMENT: "项目主管部门 / 实施单位",
    pointers.REGION: "地区",
    pointers.YEAR: "评价年度",
    pointers.KIND: "报告类型",
    "/report/years": "评价年度范围",
    pointers.REPORT_DATE: "报告日期",
    pointers.BUDGET_YUAN: "全年预算数",
    pointers.EXECUTED_YUAN: "全年执行数",
    pointers.EXECUTION_RATE: "预算执行率",
    pointers.INITIAL_BUDGET_YUAN: "年初预算数",
    pointers.RECEIVED_YUAN: "到位资金",
    pointers.FUNDING_SOURCE: "资金来源",
    pointers.TOTAL_SCORE: "总分",
    pointers.TOTAL_WEIGHT: "总分值",
    pointers.INDICATOR_COUNT_STATED: "文中所述指标个数",
    pointers.GRADE_STATED: "评价等级",
    "/grade/derived": "按总分应得等级",
    pointers.GRADE_BANDS: "等级划分标准",
    pointers.SUBPROJECTS_STATED_COUNT: "文中所述子项目个数",
    pointers.SUBPROJECTS_FROM: "子项目出处",
}

# A score-table row's columns, as the table heads them.
INDICATOR_COLUMNS = {"score": "得分", "weight": "分值", "name": "指标名称", "target": "年度指标值",
                     "actual": "实际完成值", "note": "备注 / 扣分原因", "code": "编号", "level": "层级"}
FUNDING_COLUMNS = {"budget_yuan": "全年预算数", "executed_yuan": "全年执行数", "initial_yuan": "年初预算数",
                   "received_yuan": "实际到位资金",
                   "rate": "执行率", "name": "资金来源"}
SUBPROJECT_COLUMNS = {"amount_yuan": "金额", "name": "名称"}


def value_name(record: dict, pointer: str) -> str:
    """The name of the value at `pointer` in `record`, e.g. "预算执行率 / 得分", "全年预算数"."""
    if not pointer:
        return "—"
    if pointer in FIELD_NAMES:
        return FIELD_NAMES[pointer]
    parts = pointer.strip("/").split("/")
    head = parts[0]
    if head == "scores" and len(parts) >= 3 and parts[1] == "indicators":
        return _indicator_name(record, _index(parts[2]), parts[3] if len(parts) > 3 else None)
    if head == "budget" and len(parts) >= 3 and parts[1] == "funding_sources":
        return _funding_name(record, _index(parts[2]), parts[3] if len(parts) > 3 else None)
    if head == "subprojects" and len(parts) >= 2:
        return _subproject_name(record, parts[1:])
    if head == "mentions" and len(parts) == 2:
        return _mention_name(record, _index(parts[1]))
    if head == "text_sums" and len(parts) == 2:
        return _text_sum_name(record, _index(parts[1]))
    return parts[-1]


def _index(part: str) -> int | None:
    return int(part) if part.isdigit() else None


def _item(items, i: int | None) -> dict:
    if i is None or not isinstance(items, list) or not 0 <= i < len(items) or not isinstance(items[i], dict):
        return {}
    return items[i]


def _indicator_name(record: dict, i: int | None, column: str | None) -> str:
    indicators = (record.get("scores") or {}).get("indicators") or []
    row = _item(indicators, i)
    label = row.get("name") or (f"第{i + 1}行指标" if i is not None else "指标")
    # a name the table repeats (数量指标 under 产出 and under 效益) is told apart by the row it belongs to
    if row.get("name") and sum(1 for r in indicators if isinstance(r, dict) and r.get("name") == row["name"]) > 1:
        parent = _item(indicators, row.get("parent"))
        if parent.get("name"):
            label = f"{parent['name']} › {label}"
    if column is None:
        return label
    return f"{label} / {INDICATOR_COLUMNS.get(column, column)}"


def _funding_name(record: dict, i: int | None, column: str | None) -> str:
    row = _item((record.get("budget") or {}).get("funding_sources"), i)
    label = row.get("name") or (f"资金来源第{i + 1}行" if i is not None else "资金来源")
    if column is None:
        return f"{label}（资金行）"
    return f"{label} / {FUNDING_COLUMNS.get(column, column)}"


def _subproject_name(record: dict, parts: list[str]) -> str:
    i = _index(parts[0])
    sub = _item(record.get("subprojects"), i)
    label = sub.get("name") or (f"第{i + 1}个子项目" if i is not None else "子项目")
    rest = parts[1:]
    if len(rest) >= 2 and rest[0] == "items":
        j = _index(rest[1])
        item = _item(sub.get("items"), j)
        label = f"{label} › {item.get('description') or (f'第{j + 1}项明细' if j is not None else '明细')}"
        rest = rest[2:]
    if not rest:
        return label
    return f"{label} / {SUBPROJECT_COLUMNS.get(rest[0], rest[0])}"


def _mention_name(record: dict, i: int | None) -> str:
    mention = _item(record.get("mentions"), i)
    field = mention.get("field")
    named = next((v for k, v in FIELD_NAMES.items() if field and k.rsplit("/", 1)[-1] == field), field or "数字")
    return f"{named}（再次陈述）"


def _text_sum_name(record: dict, i: int | None) -> str:
    labels = [x for x in (_item(record.get("text_sums"), i).get("labels") or []) if x]
    return "文中合计及其分项" + (f"（{'、'.join(labels)}）" if labels else "")

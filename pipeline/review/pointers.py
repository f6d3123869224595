"""The record's values by JSON pointer (RFC 6901, as the record's provenance keys them): read one, set one in
a copy, and name it as a person names it ("新建集中供水工程 / 得分" rather than /scores/indicators/3/score)."""
from __future__ import annotations

import copy

from ..errors import JixiaoError


class PointerError(JixiaoError):
    """A pointer that names no value of the record."""


# The record's own fields, as the forms print them (the review's value table lists these first).
FIELD_NAMES = {
    "/report/title": "标题 / title",
    "/report/project_name": "项目名称 / project",
    "/report/department": "部门 / department",
    "/report/region": "地区 / region",
    "/report/year": "年度 / year",
    "/report/kind": "报告类型 / kind",
    "/budget/initial_budget_yuan": "年初预算数 / initial budget",
    "/budget/budget_yuan": "全年预算数 / budget",
    "/budget/executed_yuan": "全年执行数 / executed",
    "/budget/execution_rate": "预算执行率 / execution rate",
    "/budget/received_yuan": "到位资金 / received",
    "/scores/total_weight": "总分值 / total weight",
    "/scores/total_score": "总分 / total score",
    "/grade/stated": "评价等级 / grade",
}
_INDICATOR_COLUMNS = {"score": "得分 / score", "weight": "分值 / weight", "name": "指标名称 / name",
                      "target": "年度指标值 / target", "actual": "实际完成值 / actual"}
# Fields whose corrected value is a number even where the extracted one is unknown (null).
_NUMBER_ENDINGS = ("_yuan", "_rate", "rate", "score", "weight", "year", "amount")


def parts(pointer: str) -> list[str]:
    if not pointer.startswith("/"):
        raise PointerError(f"{pointer!r}: a pointer starts with /")
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]


def get(record: dict, pointer: str):
    node = record
    for key in parts(pointer):
        node = _child(node, key, pointer)
    return node


def with_value(record: dict, pointer: str, value) -> dict:
    """A copy of `record` with the value at `pointer` replaced (the record itself is left as it was)."""
    out = copy.deepcopy(record)
    keys = parts(pointer)
    node = out
    for key in keys[:-1]:
        node = _child(node, key, pointer)
    last = keys[-1]
    if isinstance(node, list):
        node[_index(node, last, pointer)] = value
    elif isinstance(node, dict) and last in node:
        node[last] = value
    else:
        raise PointerError(f"{pointer}: no such value in the record")
    return out


def _child(node, key: str, pointer: str):
    if isinstance(node, list):
        return node[_index(node, key, pointer)]
    if isinstance(node, dict) and key in node:
        return node[key]
    raise PointerError(f"{pointer}: no such value in the record")


def _index(node: list, key: str, pointer: str) -> int:
    if not key.isdigit() or int(key) >= len(node):
        raise PointerError(f"{pointer}: no such value in the record")
    return int(key)


def is_number_field(pointer: str, value) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or (value is None and pointer.endswith(_NUMBER_ENDINGS))


def label(record: dict, pointer: str) -> str:
    """The value's name as the report prints it: the field's name, or an indicator's or a row's name and
    the column; the pointer itself where nothing better is known."""
    if pointer in FIELD_NAMES:
        return FIELD_NAMES[pointer]
    keys = parts(pointer)
    try:
        if keys[:2] == ["scores", "indicators"] and len(keys) >= 3:
            name = get(record, f"/scores/indicators/{keys[2]}/name") or f"第{int(keys[2]) + 1}行"
            return f"{name} / {_INDICATOR_COLUMNS.get(keys[3], keys[3])}" if len(keys) > 3 else f"{name} / 行 row"
        if keys[:2] == ["budget", "funding_sources"] and len(keys) >= 3:
            return f"{get(record, f'/budget/funding_sources/{keys[2]}/name') or '资金'} / 行 row"
        if keys[0] == "subprojects" and len(keys) >= 2:
            name = get(record, f"/subprojects/{keys[1]}/name") or f"子项目{int(keys[1]) + 1}"
            return f"{name} / {'金额 / amount' if keys[-1] == 'amount_yuan' else keys[-1]}"
    except (PointerError, ValueError, TypeError):
        pass
    return pointer

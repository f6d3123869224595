"""The record's values by JSON pointer (RFC 6901, as the record's provenance keys them): one place that
spells every pointer, and reads or sets the value one names. Extract cites values under these pointers,
verify's checks cite them as evidence, certainty re-reads them, the audit and the review name and correct
them; a pointer written by hand in one of them and differently in another would silently cite nothing.
"""
from __future__ import annotations

import copy

from .errors import JixiaoError

TITLE, PROJECT_NAME, DEPARTMENT, REGION, YEAR, KIND = (
    "/report/title", "/report/project_name", "/report/department", "/report/region", "/report/year", "/report/kind")
BUDGET_YUAN, EXECUTED_YUAN, EXECUTION_RATE = "/budget/budget_yuan", "/budget/executed_yuan", "/budget/execution_rate"
INITIAL_BUDGET_YUAN, RECEIVED_YUAN = "/budget/initial_budget_yuan", "/budget/received_yuan"
TOTAL_WEIGHT, TOTAL_SCORE = "/scores/total_weight", "/scores/total_score"
GRADE_STATED, GRADE_BANDS = "/grade/stated", "/grade/bands"
INDICATOR_COUNT_STATED, REPORT_DATE = "/scores/indicator_count_stated", "/report_date"
FUNDING_SOURCE = "/budget/funding_source"  # the one-line source ('财政资金'); its rows are funding_source(k)
SUBPROJECTS_FROM, SUBPROJECTS_STATED_COUNT = "/subprojects_from", "/subprojects_stated_count"
PERFORMANCE_SUMMARY = "/performance_summary"  # a finance document's; its figures are summary(key)


def summary(key: str, grade: str | None = None) -> str:
    """/performance_summary/key[/grade]: projects, amount_yuan, average_score, or grades/优."""
    return f"{PERFORMANCE_SUMMARY}/{key}" + (f"/{grade}" if grade else "")


def indicator(i: int, key: str | None = None) -> str:
    """/scores/indicators/i[/key]: a score-table row, or its name, weight or score."""
    return f"/scores/indicators/{i}" + (f"/{key}" if key else "")


def funding_source(k: int) -> str:
    return f"/budget/funding_sources/{k}"


def subproject(i: int, key: str | None = None) -> str:
    return f"/subprojects/{i}" + (f"/{key}" if key else "")


def item(i: int, j: int, key: str | None = None) -> str:
    return f"/subprojects/{i}/items/{j}" + (f"/{key}" if key else "")


def mention(k: int) -> str:
    return f"/mentions/{k}"


def text_sum(k: int) -> str:
    return f"/text_sums/{k}"


class PointerError(JixiaoError):
    """A pointer that names no value of the record."""


def parts(pointer: str) -> list[str]:
    if not pointer.startswith("/"):
        raise PointerError(f"{pointer!r}: a pointer starts with /")
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]


def get(record: dict, pointer: str):
    """The value `pointer` names in the record's dict (PointerError where it names none)."""
    node = record
    for key in parts(pointer):
        node = _child(node, key, pointer)
    return node


def set_in(record: dict, pointer: str, value) -> None:
    """Set the value `pointer` names, in place (PointerError where it names none)."""
    keys = parts(pointer)
    node = record
    for key in keys[:-1]:
        node = _child(node, key, pointer)
    last = keys[-1]
    if isinstance(node, list):
        node[_index(node, last, pointer)] = value
    elif isinstance(node, dict) and last in node:
        node[last] = value
    else:
        raise PointerError(f"{pointer}: no such value in the record")


def with_value(record: dict, pointer: str, value) -> dict:
    """A copy of `record` with the value at `pointer` replaced (the record itself is left as it was)."""
    out = copy.deepcopy(record)
    set_in(out, pointer, value)
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

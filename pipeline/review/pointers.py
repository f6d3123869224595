"""The record's values by JSON pointer (RFC 6901, as the record's provenance keys them): read one, set one in
a copy, and name it as a person names it ("新建集中供水工程 / 得分" rather than /scores/indicators/3/score)."""
from __future__ import annotations

import copy

from ..audit.names import value_name
from ..errors import JixiaoError


class PointerError(JixiaoError):
    """A pointer that names no value of the record."""


# The record's own fields an auditor may correct, in the order the review's value table lists them.
EDITABLE_FIELDS = ("/report/title", "/report/project_name", "/report/department", "/report/region", "/report/year",
                   "/report/kind", "/budget/initial_budget_yuan", "/budget/budget_yuan", "/budget/executed_yuan",
                   "/budget/execution_rate", "/budget/received_yuan", "/scores/total_weight", "/scores/total_score",
                   "/grade/stated")
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
    """The value's name as the report prints it (one naming for the audit page and the review:
    audit.names.value_name)."""
    return value_name(record, pointer)

"""The values an auditor may correct, and their names as a person says them ("新建集中供水工程 / 得分" rather
than /scores/indicators/3/score); reading and setting a value by its pointer is pipeline/pointers.py's."""
from __future__ import annotations

from ..audit.names import value_name
from ..pointers import (  # noqa: F401  (the review's pointers are the record's: pipeline/pointers.py)
    BUDGET_YUAN,
    DEPARTMENT,
    EXECUTED_YUAN,
    EXECUTION_RATE,
    GRADE_STATED,
    INITIAL_BUDGET_YUAN,
    KIND,
    PROJECT_NAME,
    RECEIVED_YUAN,
    REGION,
    TITLE,
    TOTAL_SCORE,
    TOTAL_WEIGHT,
    YEAR,
    PointerError,
    get,
    parts,
    with_value,
)

# The record's own fields an auditor may correct, in the order the review's value table lists them.
EDITABLE_FIELDS = (TITLE, PROJECT_NAME, DEPARTMENT, REGION, YEAR, KIND, INITIAL_BUDGET_YUAN, BUDGET_YUAN,
                   EXECUTED_YUAN, EXECUTION_RATE, RECEIVED_YUAN, TOTAL_WEIGHT, TOTAL_SCORE, GRADE_STATED)
# Fields whose corrected value is a number even where the extracted one is unknown (null).
_NUMBER_ENDINGS = ("_yuan", "_rate", "rate", "score", "weight", "year", "amount")


def is_number_field(pointer: str, value) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or (value is None and pointer.endswith(_NUMBER_ENDINGS))


def label(record: dict, pointer: str) -> str:
    """The value's name as the report prints it (one naming for the audit page and the review:
    audit.names.value_name)."""
    return value_name(record, pointer)

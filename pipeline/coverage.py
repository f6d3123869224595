"""What a record read and what it could not: the SPEC fields found and missing, the checks skipped for want
of their inputs, and the table reading, so that a scan whose score table was not read shows at a glance."""
from __future__ import annotations

from .record import Record

# The SPEC fields a reader of the dataset relies on, by their dotted path.
FIELDS = ("report.title", "report.project_name", "report.department", "report.region", "report.year", "report.kind",
          "budget.budget_yuan", "budget.executed_yuan", "budget.execution_rate", "budget.funding_source",
          "scores.indicators", "scores.total_weight", "scores.total_score", "grade.stated")
# The parts of a report without which its checks say little: named as a person names them.
KEY_PARTS = {"score_table": "scores.indicators", "total_score": "scores.total_score", "budget": "budget.budget_yuan"}


def _value(record: Record, path: str):
    obj = record
    for part in path.split("."):
        obj = getattr(obj, part, None)
    return obj


def coverage_of(record: Record) -> dict:
    """{read, missing, key_missing, unread, checks_skipped, table} for `record` (after its checks have run)."""
    present = {f: _value(record, f) not in (None, "", []) for f in FIELDS}
    table = record.scores.table_report or None
    return {
        "read": [f for f in FIELDS if present[f]],
        "missing": [f for f in FIELDS if not present[f]],
        "key_missing": [name for name, f in KEY_PARTS.items() if not present[f]],
        # missing values for which figures were found but none taken (Record.unread): a person can settle them
        "unread": {pointer: entry["reason"] for pointer, entry in record.unread.items()},
        "checks_skipped": {c.id: c.message for c in record.checks if c.status == "skip"},
        "table": {k: table.get(k) for k in ("reader", "layout", "rows_read", "confidence", "totals_confirmed")
                  if k in table} if table else None,
    }

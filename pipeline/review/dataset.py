"""What the export carries of the review: the corrections and the verdicts as tables of their own, and beside
each extracted column of reports, indicators and checks the value in force after the corrections (null where
the auditor corrected nothing)."""
from __future__ import annotations

import pandas as pd

from . import ledger

# reports-table column → the record value it holds
REPORT_POINTERS = {
    "title": "/report/title", "project_name": "/report/project_name", "department": "/report/department",
    "region": "/report/region", "year": "/report/year", "kind": "/report/kind", "budget_yuan": "/budget/budget_yuan",
    "executed_yuan": "/budget/executed_yuan", "execution_rate": "/budget/execution_rate",
    "total_weight": "/scores/total_weight", "total_score": "/scores/total_score", "grade_stated": "/grade/stated",
}
INDICATOR_COLUMNS = ("weight", "score")
CORRECTION_COLUMNS = ["report_id", "pointer", "field", "old_value", "new_value", "note", "corrected_at"]
VERDICT_COLUMNS = ["report_id", "check_id", "verdict", "note", "decided_at"]


def add_review(store, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """`tables` (export.read_tables) with the review added: tables `corrections` and `review_verdicts` (every
    entry, oldest first), reports' `<column>_corrected`, `n_failed_corrected` (failed on the corrected record)
    and `n_failed_reviewed` (what stands after corrections and dismissals), indicators' `weight_corrected`
    and `score_corrected`, checks' `status_corrected` (re-run on the corrected record) and the latest `verdict`,
    `verdict_note`, `verdict_at`."""
    out = dict(tables)
    live = set(tables["reports"]["report_id"]) if len(tables["reports"]) else set()
    corrected_ids = sorted({r[0] for r in store.query("SELECT DISTINCT report_id FROM corrections")} & live)
    reviews = {rid: ledger.reviewed(store, rid) for rid in corrected_ids}
    out["corrections"] = pd.DataFrame(
        [{"report_id": c.report_id, "pointer": c.pointer, "field": c.field, "old_value": _text(c.old_value),
          "new_value": _text(c.new_value), "note": c.note, "corrected_at": c.corrected_at}
         for rid in corrected_ids for c in reviews[rid].corrections], columns=CORRECTION_COLUMNS)
    verdict_rows = [r for r in store.query("SELECT report_id, check_id, verdict, note, decided_at FROM review_verdicts "
                                           "ORDER BY report_id, decided_at") if r[0] in live]
    out["review_verdicts"] = pd.DataFrame([dict(zip(VERDICT_COLUMNS, r)) for r in verdict_rows], columns=VERDICT_COLUMNS)
    out["indicators"] = _indicators(tables["indicators"], reviews)
    out["checks"] = _checks(tables["checks"], reviews, verdict_rows)
    out["reports"] = _reports(tables["reports"], reviews, out["checks"])
    return out


def status_in_force(checks: pd.DataFrame) -> pd.Series:
    """Each check's status on the record in force: re-run on the corrected record where the auditor corrected a
    value, as extracted elsewhere (`checks` as add_review gives them)."""
    if not len(checks):
        return pd.Series(dtype=object)
    return checks["status_corrected"].astype(object).where(checks["status_corrected"].notna(), checks["status"])


def open_flags(checks: pd.DataFrame) -> pd.Series:
    """Per report id, the failed checks still standing after the review (ledger.stands): failed on the record in
    force and not dismissed by the auditor as a false alarm."""
    if not len(checks):
        return pd.Series(dtype="Int64")
    standing = (status_in_force(checks) == "fail") & (checks["verdict"].astype(object) != "false_alarm")
    return standing.groupby(checks["report_id"]).sum()


def _reports(reports: pd.DataFrame, reviews: dict[str, ledger.Reviewed], checks: pd.DataFrame) -> pd.DataFrame:
    r = reports.copy()
    ids = list(r["report_id"]) if len(r) else []
    standing = open_flags(checks)
    r["n_failed_reviewed"] = pd.array([int(standing.get(rid, 0)) for rid in ids], dtype="Int64")
    for column, pointer in REPORT_POINTERS.items():
        values = [_in_force(reviews.get(rid), pointer) for rid in ids]
        r[f"{column}_corrected"] = _typed(values, column)
    r["n_failed_corrected"] = pd.array(
        [sum(c.get("status") == "fail" for c in reviews[rid].checks) if rid in reviews else None for rid in ids],
        dtype="Int64")
    return r


def _indicators(indicators: pd.DataFrame, reviews: dict[str, ledger.Reviewed]) -> pd.DataFrame:
    ind = indicators.copy()
    keys = list(zip(ind["report_id"], ind["row"])) if len(ind) else []
    for column in INDICATOR_COLUMNS:
        ind[f"{column}_corrected"] = pd.array(
            [_in_force(reviews.get(rid), f"/scores/indicators/{int(row)}/{column}") for rid, row in keys], dtype="Float64")
    return ind


def _checks(checks: pd.DataFrame, reviews: dict[str, ledger.Reviewed], verdict_rows: list[tuple]) -> pd.DataFrame:
    c = checks.copy()
    keys = list(zip(c["report_id"], c["check_id"])) if len(c) else []
    status = {(rid, x["id"]): x.get("status") for rid, rv in reviews.items() for x in rv.checks}
    latest = {(r[0], r[1]): r for r in verdict_rows}  # rows come oldest first: the last one stays
    c["status_corrected"] = pd.array([status.get(k) for k in keys], dtype="string")
    c["verdict"] = pd.array([latest[k][2] if k in latest else None for k in keys], dtype="string")
    c["verdict_note"] = pd.array([latest[k][3] if k in latest else None for k in keys], dtype="string")
    c["verdict_at"] = pd.array([latest[k][4] if k in latest else None for k in keys], dtype="string")
    return c


def _in_force(review: ledger.Reviewed | None, pointer: str):
    """The corrected value of `pointer`, None where it was not corrected."""
    if review is None:
        return None
    c = review.corrected().get(pointer)
    return c.new_value if c is not None else None


def _typed(values: list, column: str):
    if column == "year":
        return pd.array([int(v) if isinstance(v, (int, float)) else None for v in values], dtype="Int64")
    if column.endswith(("_yuan", "_rate", "_weight", "_score")):
        return pd.array([float(v) if isinstance(v, (int, float)) else None for v in values], dtype="Float64")
    return pd.array([None if v is None else str(v) for v in values], dtype="string")


def _text(value) -> str | None:
    """A value as the auditor reads it in a spreadsheet cell (numbers without a trailing .0)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

"""The export's column types, the same in every format: years and counts as nullable integers (pandas
Int64: an unknown year is missing, never 0 or 2021.0), flags as booleans, SQL NULL as a missing value
(never the text "null"), amounts, rates and scores as floats, times as UTC timestamps, the rest as text
(pandas' string type, so that a column with no value yet is still text in Parquet, never of type null).

The database keeps some of these loosely (SQLite integers for booleans, the checks' figures as JSON
text where a missing figure is the JSON `null`); `typed` puts each table in its declared types.
"""
from __future__ import annotations

import json
from datetime import UTC

from .lazy_pandas import pd

# Columns by what they hold, in whichever table they appear (reports, reports_wide, indicators, ...).
INTEGER_COLUMNS = {"year", "report_index", "n_failed", "n_warned", "n_needs_look", "n_needs_look_checks", "n_skipped", "n_failed_checks", "n_warned_checks",
                   "row", "level", "parent", "subproject_idx", "n_reports", "size", "page", "year_first", "year_last",
                   "year_corrected", "n_failed_corrected", "projects", "char_start", "char_end"}
BOOLEAN_COLUMNS = {"truncated", "is_contract"}
FLOAT_COLUMNS = {"budget_yuan", "executed_yuan", "execution_rate", "total_weight", "total_score", "weight", "score", "average_score",
                 "amount_yuan", "seconds", "x0", "top", "x1", "bottom", "mtime", "limit_value"}
# When something was stored: the database keeps local time without its offset (files) or with it (the review).
TIMESTAMP_COLUMNS = {"extracted_at", "corrected_at", "decided_at", "verdict_at"}
# Text holding JSON (a check's figures): JSON null is a missing value, not the word.
JSON_COLUMNS = {"expected", "actual", "stated", "computed", "rule", "grades"}


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with every column it has of the kinds above in its declared type."""
    out = df.copy()
    for col in out.columns:
        base = col.removesuffix("_corrected")
        if col in INTEGER_COLUMNS or base in INTEGER_COLUMNS:
            out[col] = _integers(out[col])
        elif base in BOOLEAN_COLUMNS:
            out[col] = _booleans(out[col])
        elif base in FLOAT_COLUMNS:
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
        elif col in JSON_COLUMNS:
            out[col] = out[col].map(_json_text).astype("string")
        elif col in TIMESTAMP_COLUMNS:
            out[col] = pd.to_datetime(out[col].map(_utc), utc=True).astype("datetime64[us, UTC]")
        elif pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_text).astype("string")
    return out


def _utc(v):
    """A stored time as an aware UTC datetime: one without an offset is this machine's local time."""
    from datetime import datetime
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return None
    try:
        t = datetime.fromisoformat(str(v))
    except ValueError:
        return None
    return (t if t.tzinfo else t.astimezone()).astimezone(UTC)


def _text(v):
    if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)):
        return None
    return v if isinstance(v, str) else str(v)


# the integers a float carries exactly, far inside int64: a stored 1e19 or inf (a correction made before
# corrections were checked) is missing in the export, never an OverflowError that loses the whole export
_EXACT_INTEGER = 2 ** 53


def _integers(s: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(s, errors="coerce").astype("float64")
    whole = numbers.where(numbers.notna() & (numbers == numbers.round()) & (numbers.abs() <= _EXACT_INTEGER))
    return whole.astype("Int64")  # 2021.5 is no year, 1e19 none either: missing


def _booleans(s: pd.Series) -> pd.Series:
    def one(v):
        if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
            return pd.NA
        return bool(int(v)) if not isinstance(v, str) else v.strip().lower() in ("1", "true", "yes")
    return s.map(one).astype("boolean")


def _json_text(v):
    """JSON text as stored, or None where it is empty or JSON null."""
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    if not isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    return None if v.strip() in ("", "null") else v

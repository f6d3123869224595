"""The cross-year dataset: tidy tables pandas reads directly, a wide `reports` table, and the checks
that need more than one report (the same department or project across years, one report twice)."""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from ..errors import JixiaoError
from .lazy_pandas import pd
from .store import Store
from .types import typed

UNKNOWN_YEAR = "unknown"  # the partition of reports whose year is unknown

WIDE_COLUMNS = ["report_id", "department", "region", "year", "years", "kind", "project_name", "title", "budget_yuan",
                "executed_yuan", "execution_rate", "total_score", "grade", "n_failed_checks", "n_needs_look_checks",
                "n_warned_checks", "truncated", "format", "key_missing", "fields_missing", "n_skipped", "sha256", "paths"]


def read_tables(store: Store, records: bool = True) -> dict[str, pd.DataFrame]:
    """Every table of the dataset as a DataFrame; reports only for content some path still holds.
    `records=False` leaves out what only the stored records give (provenance, report.years, stated /
    computed): the pass over them is two thirds of the reading (bench/bench_export.py)."""
    def frame(sql: str) -> pd.DataFrame:
        cur = store.execute(sql)
        cols = [d[0] for d in cur.description]
        return pd.DataFrame(cur.fetchall(), columns=cols)

    live = "SELECT id FROM reports WHERE sha256 IN (SELECT sha256 FROM paths)"
    out = {
        "reports": frame(f"SELECT id AS report_id, sha256, report_index, title, project_name, department, region, year, kind, "
                         f"budget_yuan, executed_yuan, execution_rate, total_weight, total_score, grade_stated, grade_derived, "
                         f"n_failed, n_warned, n_needs_look, truncated, format, key_missing, fields_missing, n_skipped "
                         f"FROM reports WHERE id IN ({live}) ORDER BY id"),
        "indicators": frame(f"SELECT * FROM indicators WHERE report_id IN ({live}) ORDER BY report_id, idx"),
        "checks": frame(f"SELECT * FROM checks WHERE report_id IN ({live}) ORDER BY report_id, check_id"),
        "subprojects": frame(f"SELECT * FROM subprojects WHERE report_id IN ({live}) ORDER BY report_id, idx"),
        "items": frame(f"SELECT * FROM items WHERE report_id IN ({live}) ORDER BY report_id, subproject_idx, idx"),
        "files": frame("SELECT f.*, p.path FROM files f JOIN paths p ON p.sha256 = f.sha256 ORDER BY p.path"),
        # finance documents (部门决算 / 部门预算) and their performance-management summaries: never among the reports
        "finance_documents": frame("SELECT id AS document_id, sha256, report_index, kind, title, department, region, year, "
                                   "projects, amount_yuan, average_score, grades FROM finance_documents "
                                   "WHERE sha256 IN (SELECT sha256 FROM paths) ORDER BY id"),
    }
    for name in ("indicators", "checks", "subprojects", "items"):
        out[name] = out[name].rename(columns={"idx": "row"})
    if not records:
        return out
    from_records = _from_records(store, live)
    out["reports"] = out["reports"].merge(from_records["years"], on="report_id", how="left")
    out["checks"] = out["checks"].merge(from_records["figures"], on=["report_id", "check_id"], how="left")
    out["provenance"] = from_records["provenance"]
    return out


def _chars(value) -> list:
    return value if isinstance(value, list) and len(value) == 2 else [None, None]


YEARS_COLUMNS = ["report_id", "years", "year_first", "year_last"]
FIGURE_COLUMNS = ["report_id", "check_id", "stated", "computed", "rule"]
PROVENANCE_COLUMNS = ["report_id", "pointer", "name", "page", "text", "x0", "top", "x1", "bottom", "cell",
                      "char_start", "char_end"]


def _from_records(store: Store, live: str) -> dict[str, pd.DataFrame]:
    """What only the stored records hold: report.years (a report covering several years), each
    verdict's stated / computed / rule, and every value's provenance named as a person names it.
    One pass over the records, one at a time."""
    from ..audit.names import value_name
    years, figures, provenance = [], [], []
    for rid, text in store.execute(f"SELECT id, record_json FROM reports WHERE id IN ({live}) ORDER BY id"):
        record = json.loads(text) if text else {}
        span = [y for y in ((record.get("report") or {}).get("years") or []) if isinstance(y, int)]
        if span:
            years.append({"report_id": rid, "years": ",".join(str(y) for y in span),
                          "year_first": min(span), "year_last": max(span)})
        for c in record.get("checks") or []:
            figures.append({"report_id": rid, "check_id": c.get("id"),
                            **{k: _json_or_none(c.get(k)) for k in ("stated", "computed", "rule")}})
        for pointer, entry in (record.get("provenance") or {}).items():
            if not isinstance(entry, dict):
                continue
            bbox = entry.get("bbox") if isinstance(entry.get("bbox"), list) and len(entry["bbox"]) == 4 else [None] * 4
            provenance.append({"report_id": rid, "pointer": pointer, "name": value_name(record, pointer),
                               "page": entry.get("page"), "text": entry.get("text"),
                               **dict(zip(("x0", "top", "x1", "bottom"), bbox)), "cell": entry.get("cell"),
                               **dict(zip(("char_start", "char_end"), _chars(entry.get("chars"))))})
    return {"years": pd.DataFrame(years, columns=YEARS_COLUMNS),
            "figures": pd.DataFrame(figures, columns=FIGURE_COLUMNS).drop_duplicates(["report_id", "check_id"]),
            "provenance": pd.DataFrame(provenance, columns=PROVENANCE_COLUMNS)}


def _json_or_none(v):
    return None if v is None else json.dumps(v, ensure_ascii=False)


def wide_reports(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    r = tables["reports"].copy()
    paths = tables["files"].groupby("sha256")["path"].apply(lambda s: " ; ".join(sorted(s))) if len(tables["files"]) else {}
    r["paths"] = r["sha256"].map(paths) if len(r) else []
    r["grade"] = r["grade_stated"].where(r["grade_stated"].notna(), r["grade_derived"]) if len(r) else []
    r = r.rename(columns={"n_failed": "n_failed_checks", "n_warned": "n_warned_checks",
                          "n_needs_look": "n_needs_look_checks"})
    # the auditor's review beside the extracted values (review/dataset.add_review), where the export has it
    reviewed = [c for c in r.columns if c.endswith("_corrected") and c.removesuffix("_corrected") in WIDE_COLUMNS]
    extra = reviewed + (["n_failed_reviewed"] if "n_failed_reviewed" in r.columns else [])
    return r.reindex(columns=WIDE_COLUMNS + extra)


# What makes two files one report (same_report_twice; the audit's charts count such a report once).
SAME_REPORT_KEY = ("title", "department", "year", "budget_yuan", "total_score")


def cross_checks(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Findings across reports:
    `budget_jump` — the same department and project in consecutive years with a budget ×10 or ÷10;
    `score_table_copied` — the same department and project, a later year whose score table (names,
    weights and scores, 3 rows or more) is identical to the year before;
    `same_report_twice` — two different files giving the same report (title, department, year, budget
    and total score all equal and present)."""
    r = tables["reports"]
    findings: list[dict] = []
    if len(r) == 0:
        return pd.DataFrame(columns=["check_id", "report_ids", "message"])
    keyed = r.dropna(subset=["department", "year"]).copy()
    keyed["project_key"] = keyed["project_name"].fillna(keyed["title"]).fillna("")
    ind = tables["indicators"]
    filled = ind.fillna({"weight": -1.0, "score": -1.0, "name": ""})  # NaN != NaN would hide a copied table
    tables_by_report = {rid: tuple(zip(g["name"], g["weight"], g["score"])) for rid, g in filled.groupby("report_id")}
    for (_, _), group in keyed.groupby(["department", "project_key"]):
        group = group.sort_values("year")
        rows = group.to_dict("records")
        for a, b in zip(rows, rows[1:]):
            if b["year"] - a["year"] != 1:
                continue
            ba, bb = a["budget_yuan"], b["budget_yuan"]
            if pd.notna(ba) and pd.notna(bb) and ba > 0 and bb > 0 and (bb / ba >= 10 or ba / bb >= 10):
                findings.append({"check_id": "budget_jump", "report_ids": f"{a['report_id']} ; {b['report_id']}",
                                 "message": f"{b['department']} {b['project_key']}: 预算 {ba:g} → {bb:g} 元 "
                                            f"({a['year']}→{b['year']}), 相差十倍以上 / budget changed tenfold"})
            ta, tb = tables_by_report.get(a["report_id"]), tables_by_report.get(b["report_id"])
            if ta and tb and len(ta) >= 3 and ta == tb:
                findings.append({"check_id": "score_table_copied", "report_ids": f"{a['report_id']} ; {b['report_id']}",
                                 "message": f"{b['department']} {b['project_key']}: {b['year']}年评分表与{a['year']}年完全相同 "
                                            f"/ the score table is identical to the year before"})
    full = r.dropna(subset=list(SAME_REPORT_KEY))
    for _, group in full.groupby(list(SAME_REPORT_KEY)):
        if group["sha256"].nunique() > 1:
            findings.append({"check_id": "same_report_twice", "report_ids": " ; ".join(group["report_id"]),
                             "message": f"{group.iloc[0]['title']}: 同一报告出现在{group['sha256'].nunique()}个不同文件中 "
                                        f"/ the same report in {group['sha256'].nunique()} different files"})
    return pd.DataFrame(findings, columns=["check_id", "report_ids", "message"])


class OutputError(JixiaoError):
    """An output that cannot be written (permission denied, the disk full, a folder in the way): the
    message names the output and the cause; nothing half-written is left under the output's name."""


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or " ".join(str(exc).split()) or type(exc).__name__


def _shown(path) -> str:
    from .ingest import shown
    return shown(str(path))


def _temp_for(final: Path) -> Path:
    """A temporary name beside `final` (same folder, so that the rename is atomic), hidden and marked."""
    return final.with_name(f".{final.name}.jixiao-{os.getpid()}.tmp")


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists() or path.is_symlink():
            path.unlink()
    except OSError:
        pass


def _put_in_place(tmp: Path, final: Path) -> None:
    """Rename `tmp` to `final`; a folder (partitioned parquet) replaces the folder of the last export."""
    if tmp.is_dir() and final.is_dir() and not final.is_symlink():
        old = final.with_name(f".{final.name}.jixiao-{os.getpid()}.old")
        _remove(old)
        os.replace(final, old)
        try:
            os.replace(tmp, final)
        except OSError:
            os.replace(old, final)
            raise
        _remove(old)
        return
    os.replace(tmp, final)


def is_stream(path: Path) -> bool:
    """Whether `path` is a device or a pipe (`-o /dev/null`, `/dev/stdout`): a temporary file renamed over it
    would replace the device with a file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISBLK(mode)


class Staged:
    """Outputs written under temporary names in their own folders and renamed into place together at
    the end: a failure (a full disk, permission denied) leaves every earlier output as it was and no
    partly written file under an output's name."""

    def __init__(self):
        self.items: list[tuple[Path, Path]] = []

    def write(self, final: str | Path, writer: Callable[[Path], None]) -> Path:
        final = Path(final)
        if is_stream(final):  # /dev/null, /dev/stdout, a pipe: written to, never renamed over
            try:
                writer(final)
            except OSError as exc:
                raise OutputError(f"{_shown(final)}: cannot write ({_why(exc)})") from None
            return final
        tmp = _temp_for(final)
        _remove(tmp)
        self.items.append((tmp, final))
        try:
            writer(tmp)
        except OSError as exc:  # pyarrow's I/O errors are OSErrors too
            raise OutputError(f"{_shown(final)}: cannot write ({_why(exc)})") from None
        return final

    def commit(self) -> None:
        for tmp, final in self.items:
            try:
                _put_in_place(tmp, final)
            except OSError as exc:
                raise OutputError(f"{_shown(final)}: cannot write ({_why(exc)})") from None
        self.items = []

    def discard(self) -> None:
        for tmp, _ in self.items:
            _remove(tmp)
        self.items = []

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            try:
                self.commit()
            finally:
                self.discard()
        else:
            self.discard()


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write a text file (UTF-8) under a temporary name beside it and rename it into place."""
    with Staged() as staged:
        staged.write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return Path(path)


_FORMULA_START = ("=", "+", "-", "@")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_CONTROL_NAMES = {"\r": "\\r", "\n": "\\n", "\t": "\\t", "\x00": "\\0"}


def escape_controls(text: str) -> str:
    """A text cell on one line: CR, LF, tab and NUL as \\r \\n \\t \\0, other control characters as
    \\xNN, so that no CSV reader splits a row or a cell on them."""
    return _CONTROL.sub(lambda m: _CONTROL_NAMES.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def _csv_cell(v):
    if not isinstance(v, str):
        return v
    v = escape_controls(v)
    return "'" + v if v.startswith(_FORMULA_START) else v


def guard_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """CSV opened in a spreadsheet must not run document text as a formula, and no text may break a
    row: in text cells control characters are escaped first (escape_controls), then a cell that starts
    with = + - @ gets a leading apostrophe (OWASP CSV injection)."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_csv_cell)
    return out


def _years(v) -> list[int] | None:
    """A report's years ('2019,2020,2021' as CSV and the workbook hold them) as the list Parquet holds."""
    if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)):
        return None
    return [int(y) for y in str(v).split(",") if y.strip().isdigit()]


def _to_parquet(df: pd.DataFrame, path, partition_cols: list[str] | None = None) -> None:
    """`df` as Parquet; a years column typed list<int64>, even where no report spans years (else it is null)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    years = [_years(v) for v in df["years"]] if "years" in df.columns else None
    if years is not None:  # an object column in pandas' metadata too, so that pandas reads the lists back
        df = df.assign(years=pd.Series(years, index=df.index, dtype=object))
    table = pa.Table.from_pandas(df, preserve_index=False)
    if years is not None:
        table = table.set_column(table.schema.get_field_index("years"), "years", pa.array(years, type=pa.list_(pa.int64())))
    if partition_cols:
        pq.write_to_dataset(table, path, partition_cols=partition_cols)
    else:
        pq.write_table(table, path)


def _relative_paths(files: pd.DataFrame) -> str | None:
    """The files' paths made relative to the folder they all lie under, in place; that folder, or None where
    they share none (URLs, other drives): a dataset sent on names no one's home folder, and its README.json
    says where the paths start."""
    if not len(files):
        return None
    paths = [p for p in files["path"] if isinstance(p, str)]
    if not paths or any("://" in p or not os.path.isabs(p) for p in paths):
        return None
    try:
        root = os.path.commonpath(paths)
    except ValueError:
        return None
    if root in paths:  # one file: its folder
        root = os.path.dirname(root)
    files["path"] = [Path(os.path.relpath(p, root)).as_posix() if isinstance(p, str) else p for p in files["path"]]
    return root


def export(store: Store, out_dir: str | Path, fmt: str = "parquet", partition_by_year: bool = False,
           absolute_paths: bool = False) -> dict[str, Path]:
    """Write the dataset's tables into `out_dir` (created when missing). Every file is written under a
    temporary name and renamed into place once all are written: OutputError (naming the file and the
    cause) leaves the folder as it was. CSV: every field quoted, text cells escaped and guarded; xlsx:
    one workbook (jixiao.xlsx), a sheet per table, text guarded the same way. Paths are written relative to
    the folder all the files lie under (named in README.json) unless `absolute_paths`."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{_shown(out)}: cannot write ({_why(exc)})") from None
    tables = read_tables(store)
    root = None if absolute_paths else _relative_paths(tables["files"])
    from ..review.dataset import add_review
    tables = add_review(store, tables)  # the auditor's corrections and verdicts, beside the extracted values
    tables["reports_wide"] = wide_reports(tables)
    tables["cross_checks"] = cross_checks(tables)
    tables = {name: typed(df) for name, df in tables.items()}
    written = {}
    with Staged() as staged:
        if fmt == "xlsx":
            from .workbook import write_workbook
            sheets: list[str] = []
            path = staged.write(out / "jixiao.xlsx", lambda tmp: sheets.extend(write_workbook(tables, tmp, _csv_cell)))
            written = dict.fromkeys(sheets, path)
        for name, df in tables.items():
            if fmt == "xlsx":
                break
            if fmt == "csv":
                path = staged.write(out / f"{name}.csv", lambda tmp, df=df: guard_formulas(df).to_csv(
                    tmp, index=False, encoding="utf-8-sig", quoting=csv.QUOTE_ALL))
            elif partition_by_year and name in ("reports", "reports_wide") and len(df):
                # an unknown year is a partition of its own (year=unknown), never mixed into a real year
                path = staged.write(out / name, lambda tmp, df=df: _to_parquet(df.assign(
                    year=df["year"].astype("string").fillna(UNKNOWN_YEAR)), tmp, partition_cols=["year"]))
            else:
                path = staged.write(out / f"{name}.parquet", lambda tmp, df=df: _to_parquet(df, tmp))
            written[name] = path
        readme = json.dumps({
            "tables": {k: str(v.name) for k, v in written.items()},
            "paths_root": root,  # the folder the exported paths are relative to (null: they are as stored)
            "note": "amounts in yuan; rates in percent; reports_wide is one row per report; cross_checks are "
                    "findings across reports; provenance names every extracted value with its page and box; "
                    "years and counts are integers, flags booleans, a missing value empty (never 0 or 'null'); "
                    f"year={UNKNOWN_YEAR} holds reports whose year is unknown (partitioned parquet); "
                    "CSV: every field quoted, control characters in text written as \\r \\n \\t \\0 \\xNN, "
                    "text starting with = + - @ prefixed with ' (in the workbook too); xlsx: one sheet per table"},
            ensure_ascii=False, indent=2)
        staged.write(out / "README.json", lambda tmp: tmp.write_text(readme, encoding="utf-8"))
    return written

"""The export's types in every format (parquet, CSV, the xlsx workbook): years as nullable integers,
flags as booleans, a missing value never 0 nor the text "null", report.years and provenance exported,
unknown years in a partition of their own; the workbook's sheets, frozen header and guarded text."""
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import regex
from conftest import SAMPLES

from pipeline.dataset import Store, export, ingest
from pipeline.dataset.export import UNKNOWN_YEAR


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path | dict]:
    """Four variants of one self-assessment: as it is (2021), covering 2019-2021, with no year and a
    project name that reads like a formula, and cut short (a preview that stops)."""
    base = tmp_path_factory.mktemp("types")
    src = base / "in"
    src.mkdir()
    text = (SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8")
    (src / "plain.txt").write_text(text, encoding="utf-8")
    (src / "span.txt").write_text(text.replace("项目支出绩效自评表\n(2021年度)", "2019-2021年项目支出绩效自评表")
                                  .replace("农村饮水安全巩固提升工程", "农村饮水安全三年行动"), encoding="utf-8")
    (src / "noyear.txt").write_text(text.replace("(2021年度)\n", "").replace("农村饮水安全巩固提升工程",
                                                                           '=HYPERLINK("http://x","点击")'), encoding="utf-8")
    (src / "cut.txt").write_text(text.replace("农村饮水安全巩固提升工程", "乡村道路硬化") + "\n剩余3页可下载查看\n", encoding="utf-8")
    db = base / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    store = Store.open(db)
    try:
        out = {"parquet": export(store, base / "pq", "parquet"),
               "partitioned": export(store, base / "part", "parquet", partition_by_year=True),
               "csv": export(store, base / "csv", "csv"),
               "xlsx": export(store, base / "xlsx", "xlsx")}
    finally:
        store.close()
    return out


def _by_file(df: pd.DataFrame, reports: pd.DataFrame, files: pd.DataFrame) -> dict[str, dict]:
    sha_by_name = {Path(p).name: s for p, s in zip(files["path"], files["sha256"])}
    return {name: df[reports["sha256"] == sha].iloc[0].to_dict() for name, sha in sha_by_name.items()}


def test_parquet_keeps_years_as_nullable_integers_and_flags_as_booleans(exported):
    reports = pd.read_parquet(exported["parquet"]["reports"])
    files = pd.read_parquet(exported["parquet"]["files"])
    assert str(reports["year"].dtype) == "Int64" and str(reports["truncated"].dtype) == "boolean"
    assert str(reports["n_failed"].dtype) == "Int64"
    rows = _by_file(reports, reports, files)
    assert rows["plain.txt"]["year"] == 2021 and pd.isna(rows["noyear.txt"]["year"])
    assert bool(rows["cut.txt"]["truncated"]) and not bool(rows["plain.txt"]["truncated"])
    assert list(rows["span.txt"]["years"]) == [2019, 2020, 2021]  # a list in Parquet ('2019,2020,2021' in CSV)
    assert (rows["span.txt"]["year_first"], rows["span.txt"]["year_last"]) == (2019, 2021)
    assert rows["plain.txt"]["years"] is None or pd.isna(rows["plain.txt"]["years"])
    indicators = pd.read_parquet(exported["parquet"]["indicators"])
    assert str(indicators["parent"].dtype) == "Int64" and str(indicators["level"].dtype) == "Int64"


def test_a_missing_figure_is_missing_never_the_text_null(exported):
    for fmt in ("parquet", "csv"):
        path = exported[fmt]["checks"]
        checks = pd.read_parquet(path) if fmt == "parquet" else pd.read_csv(path, dtype_backend="numpy_nullable")
        assert checks["status"].eq("skip").any()
        skipped = checks[checks["status"] == "skip"]
        assert skipped["expected"].isna().all() and skipped["actual"].isna().all()
        for col in ("expected", "actual", "stated", "computed", "rule"):
            assert not checks[col].astype("string").eq("null").any(), (fmt, col)
    raw = (exported["csv"]["checks"]).read_text(encoding="utf-8-sig")
    assert '"null"' not in raw


def test_checks_carry_stated_and_computed_beside_expected_and_actual(exported):
    checks = pd.read_parquet(exported["parquet"]["checks"])
    failing = checks[(checks["check_id"] == "execution_rate") & (checks["status"] != "skip")]
    assert len(failing) and failing["stated"].notna().all() and failing["computed"].notna().all()


def test_provenance_is_exported_with_each_value_named_and_its_box(exported):
    prov = pd.read_parquet(exported["parquet"]["provenance"])
    assert {"report_id", "pointer", "name", "page", "text", "x0", "top", "x1", "bottom"} <= set(prov.columns)
    assert str(prov["page"].dtype) == "Int64" and prov["x0"].dtype == "float64"
    named = dict(zip(prov["pointer"], prov["name"]))
    assert named["/budget/budget_yuan"] == "全年预算数"
    assert any(p.endswith("/score") and n.endswith("/ 得分") for p, n in named.items())
    # every value carries where its characters stand in the document's text (a workbook's also its cell)
    assert "cell" in prov.columns and prov["char_start"].notna().all() and str(prov["char_start"].dtype) == "Int64"


def test_csv_reads_back_with_the_same_types(exported):
    reports = pd.read_csv(exported["csv"]["reports"], dtype_backend="numpy_nullable")
    parquet = pd.read_parquet(exported["parquet"]["reports"])
    assert str(reports["year"].dtype) == "Int64" and str(reports["truncated"].dtype) == "boolean"
    assert reports["year"].isna().sum() == parquet["year"].isna().sum() == 1
    assert sorted(reports["year"].dropna().tolist()) == sorted(parquet["year"].dropna().tolist())
    assert reports["truncated"].tolist() == parquet["truncated"].tolist()


def test_unknown_years_have_a_partition_of_their_own(exported):
    folder = exported["partitioned"]["reports"]
    parts = {p.name for p in folder.iterdir() if p.is_dir()}
    assert f"year={UNKNOWN_YEAR}" in parts and "year=2021" in parts and "year=0" not in parts
    back = pd.read_parquet(folder)
    assert len(back) == len(pd.read_parquet(exported["parquet"]["reports"]))


def test_the_workbook_has_a_sheet_per_table_with_a_frozen_header(exported):
    path = exported["xlsx"]["reports"]
    assert path.suffix == ".xlsx" and set(exported["xlsx"].values()) == {path}
    book = openpyxl.load_workbook(path)
    filled = [n for n, p in exported["parquet"].items() if len(pd.read_parquet(p))]
    assert book.sheetnames == filled == list(exported["xlsx"])  # the tables the parquet export writes, in order,
    assert len(filled) < len(exported["parquet"])  # an empty one (no corrections yet) with no sheet
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A3", sheet.title  # the Chinese labels over the export's keys
        header = [c.value for c in sheet[2]]
        widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(k)].width for k in range(1, len(header) + 1)]
        assert all(w >= min(len(h) + 2, 60) for w, h in zip(widths, header)), sheet.title


def test_the_workbook_s_cells_are_typed(exported):
    book = openpyxl.load_workbook(exported["xlsx"]["reports"])
    sheet = book["reports"]
    header = [c.value for c in sheet[2]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=3)]
    years = [r["year"] for r in rows]
    assert sorted(y for y in years if y is not None) == [2021, 2021, 2021] and years.count(None) == 1
    assert all(type(y) is int for y in years if y is not None)
    assert {type(r["truncated"]) for r in rows} == {bool} and any(r["truncated"] for r in rows)
    assert all(isinstance(r["budget_yuan"], float | int) and r["budget_yuan"] > 0 for r in rows)
    assert all(r["project_name"] is None or isinstance(r["project_name"], str) for r in rows)
    formula = [c for row in sheet.iter_rows(min_row=3) for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert formula and all(c.data_type == "s" and c.value.startswith("'=") for c in formula)


def test_pandas_reads_the_workbook_with_the_expected_sheets_and_types(exported):
    sheets = pd.read_excel(exported["xlsx"]["reports"], sheet_name=None, header=1)  # row 1: the Chinese labels
    assert list(sheets) == list(exported["xlsx"])
    reports = sheets["reports"]
    parquet = pd.read_parquet(exported["parquet"]["reports"])
    assert len(reports) == len(parquet)
    assert pd.api.types.is_numeric_dtype(reports["year"]) and reports["year"].isna().sum() == 1
    assert reports["truncated"].dtype == bool
    assert pd.api.types.is_numeric_dtype(reports["budget_yuan"])  # a sheet's numbers have no int/float kind
    assert (reports["year"].dropna() == reports["year"].dropna().round()).all()  # whole years
    assert len(sheets["provenance"]) == len(pd.read_parquet(exported["parquet"]["provenance"]))


def test_the_workbook_is_made_for_an_auditor(exported):
    # Chinese labels over the keys, amounts and rates formatted, every report named by title and file on
    # every sheet of report rows, a check's figures as numbers
    book = openpyxl.load_workbook(exported["xlsx"]["reports"])
    for sheet in book.worksheets:
        labels, keys = [c.value for c in sheet[1]], [c.value for c in sheet[2]]
        assert all(regex.search(r"\p{Han}", str(x)) for x, k in zip(labels, keys) if k not in ("x0", "x1")), sheet.title
        if "report_id" in keys and sheet.title != "reports_wide":
            assert "title" in keys and ("file" in keys or "path" in keys), sheet.title
    reports = book["reports"]
    keys = [c.value for c in reports[2]]
    first = {k: c for k, c in zip(keys, reports[3])}
    assert first["budget_yuan"].number_format == "#,##0.00" and first["execution_rate"].number_format == '0.00"%"'
    assert first["year"].number_format == "0" and isinstance(first["file"].value, str)
    checks = book["checks"]
    keys = [c.value for c in checks[2]]
    rows = [dict(zip(keys, (c.value for c in row))) for row in checks.iter_rows(min_row=3)]
    rate = next(r for r in rows if r["check_id"] == "execution_rate" and r["stated"] is not None)
    assert isinstance(rate["stated"], float | int) and isinstance(rate["computed"], float | int)
    assert all(r["title"] for r in rows) and all(r["file"] for r in rows)


def test_a_stored_year_no_integer_can_hold_is_missing_not_an_overflow():
    import pandas as pd

    from pipeline.dataset.types import typed
    got = typed(pd.DataFrame({"year": [2021, 1e19, float("inf"), float("nan"), 2021.5]}))
    assert got["year"].tolist()[0] == 2021 and got["year"].isna().tolist() == [False, True, True, True, True]


def test_parquet_has_no_column_of_type_null_times_as_timestamps_and_years_as_lists(exported):
    import pyarrow as pa
    import pyarrow.parquet as pq
    for name, path in exported["parquet"].items():
        schema = pq.read_schema(path)
        assert [f.name for f in schema if pa.types.is_null(f.type)] == [], name  # empty tables too
        for f in schema:
            if f.name.endswith("_at"):
                assert pa.types.is_timestamp(f.type) and f.type.tz == "UTC", (name, f)
    reports = pq.read_table(exported["parquet"]["reports"])
    assert reports.schema.field("years").type == pa.list_(pa.int64())
    years = [y for y in reports.column("years").to_pylist() if y]
    assert [2019, 2020, 2021] in years

"""The review server (issue 17 item 3): verdicts and corrections stored beside the extraction, the checks
re-run on the corrected record, the export carrying both; the pages served; and in headless Chromium the
whole round an auditor makes on a flagged sample."""
from __future__ import annotations

import contextlib
import io
import json
import shutil
import socket
import sqlite3
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
import test_dataset

from pipeline.cli import main
from pipeline.dataset import Store, export, ingest
from pipeline.dataset.store import MIGRATIONS, SCHEMA_VERSION
from pipeline.review import ledger, listing
from pipeline.review.app import create_app, server

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FLAWED = SAMPLES / "selfeval_flawed.pdf"  # its total 96.5 is a point above what its rows add up to (95.5)
CLEAN = SAMPLES / "selfeval_2021.txt"
postgres_url = test_dataset.postgres_url  # the throwaway PostgreSQL server (a fixture of its own in this module)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    """A database holding the flawed self-assessment PDF and a clean text report (made once, copied per test)."""
    tmp = tmp_path_factory.mktemp("review")
    folder = tmp / "reports"
    folder.mkdir()
    for sample in (FLAWED, CLEAN):
        shutil.copy(sample, folder / sample.name)
    db = tmp / "base.sqlite"
    ingest([str(folder)], str(db), workers=0, progress=False)
    return db


@pytest.fixture
def db(ingested, tmp_path) -> str:
    copy = tmp_path / "review.sqlite"
    with sqlite3.connect(ingested) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return str(copy)


@pytest.fixture
def store(db):
    s = Store.open(db, create=False)
    yield s
    s.close()


def _flawed_id(store) -> str:
    rows = store.query("SELECT r.id FROM reports r JOIN paths p ON p.sha256 = r.sha256 WHERE p.path LIKE ?",
                       ("%selfeval_flawed.pdf",))
    assert len(rows) == 1
    return rows[0][0]


def _status(checks: list[dict], check_id: str) -> str:
    return next(c["status"] for c in checks if c["id"] == check_id)


# -- the store side ---------------------------------------------------------------------------------

def test_a_false_alarm_verdict_is_stored_with_its_note_and_time(store):
    rid = _flawed_id(store)
    ledger.save_verdict(store, rid, "execution_rate", "false_alarm", "  the rate is printed rounded ")
    got = ledger.verdicts_of(store, rid)["execution_rate"]
    assert (got.verdict, got.note) == ("false_alarm", "the rate is printed rounded")
    assert got.decided_at[:4].isdigit() and "T" in got.decided_at


def test_a_later_verdict_is_the_one_in_force_and_the_earlier_one_is_kept(store):
    rid = _flawed_id(store)
    ledger.save_verdict(store, rid, "selfeval_total", "confirmed")
    ledger.save_verdict(store, rid, "selfeval_total", "false_alarm", "misread")
    assert ledger.verdicts_of(store, rid)["selfeval_total"].verdict == "false_alarm"
    assert store.query("SELECT COUNT(*) FROM review_verdicts WHERE check_id = 'selfeval_total'")[0][0] == 2


def test_a_verdict_on_a_check_that_passed_or_an_unknown_verdict_is_refused(store):
    rid = _flawed_id(store)
    with pytest.raises(ledger.ReviewError, match="did not fail"):
        ledger.save_verdict(store, rid, "indicator_weights_sum", "confirmed")
    with pytest.raises(ledger.ReviewError, match="a verdict is one of"):
        ledger.save_verdict(store, rid, "execution_rate", "maybe")


def test_a_correction_keeps_the_extracted_value_and_reruns_the_checks(store):
    rid = _flawed_id(store)
    before = ledger.reviewed(store, rid)
    stated_total = before.extracted["scores"]["total_score"]
    rows_sum = next(c for c in before.checks if c["id"] == "indicator_scores_sum")["computed"]
    assert _status(before.checks, "indicator_scores_sum") == "fail" and rows_sum != stated_total

    entry = ledger.save_correction(store, rid, "/scores/total_score", f"{rows_sum}", "the total is a slip")

    assert (entry.old_value, entry.new_value, entry.field) == (stated_total, rows_sum, "总分")
    stored = store.query("SELECT old_value, new_value, note, corrected_at FROM corrections WHERE report_id = ?", (rid,))
    assert [(json.loads(o), json.loads(n), note) for o, n, note, _ in stored] == [(stated_total, rows_sum, "the total is a slip")]
    assert json.loads(store.query("SELECT record_json FROM reports WHERE id = ?", (rid,))[0][0])["scores"]["total_score"] \
        == stated_total  # the extracted record is never written over
    after = ledger.reviewed(store, rid)
    assert after.in_force["scores"]["total_score"] == rows_sum
    assert _status(after.checks, "indicator_scores_sum") == "pass"
    assert _status(after.checks, "selfeval_total") == "pass"
    assert _status(after.checks, "execution_rate") == "fail"  # a correction elsewhere leaves it as it was


def test_a_second_correction_of_a_value_keeps_the_first_as_its_old_value(store):
    rid = _flawed_id(store)
    ledger.save_correction(store, rid, "/budget/executed_yuan", "3,070,000")
    second = ledger.save_correction(store, rid, "/budget/executed_yuan", "3080000")
    assert second.old_value == 3070000 and second.new_value == 3080000
    assert ledger.reviewed(store, rid).in_force["budget"]["executed_yuan"] == 3080000
    assert len(ledger.corrections_of(store, rid)) == 2


def test_a_correction_that_is_no_number_or_names_no_value_is_refused_with_the_field_named(store):
    rid = _flawed_id(store)
    with pytest.raises(ledger.ReviewError, match=r"/scores/total_score: 'ninety' is not a number"):
        ledger.save_correction(store, rid, "/scores/total_score", "ninety")
    with pytest.raises(ledger.ReviewError, match="/scores/nothing: no such value"):
        ledger.save_correction(store, rid, "/scores/nothing", "1")
    with pytest.raises(ledger.ReviewError, match="not a single value"):
        ledger.save_correction(store, rid, "/scores/indicators/3", "1")
    assert store.query("SELECT COUNT(*) FROM corrections")[0][0] == 0


@pytest.mark.parametrize("pointer, text, reason", [
    ("/report/year", "1e19", "outside 1949–2100"),
    ("/report/year", "inf", "not a finite number"),
    ("/report/year", "2021.5", "not a year"),
    ("/budget/budget_yuan", "nan", "not a finite number"),
    ("/budget/budget_yuan", "-5", "is outside 0"),
    ("/scores/total_score", "1e308", "outside 0–1000"),
    ("/report/title", "a\u202eb", "without control characters"),
])
def test_a_correction_outside_its_field_s_range_is_refused_with_the_reason(store, pointer, text, reason):
    rid = _flawed_id(store)
    with pytest.raises(ledger.ReviewError, match=reason):
        ledger.save_correction(store, rid, pointer, text)
    assert store.query("SELECT COUNT(*) FROM corrections")[0][0] == 0


def test_a_correction_of_a_value_changed_since_the_page_was_shown_is_refused(store):
    rid = _flawed_id(store)
    shown = ledger.token_of(ledger.reviewed(store, rid).in_force["budget"]["executed_yuan"])
    ledger.save_correction(store, rid, "/budget/executed_yuan", "3070000", replaces=shown)  # first auditor
    with pytest.raises(ledger.ReviewError, match="another correction changed this value to 3070000"):
        ledger.save_correction(store, rid, "/budget/executed_yuan", "3080000", replaces=shown)  # second, stale
    entries = ledger.corrections_of(store, rid)
    assert [(c.old_value, c.new_value) for c in entries][-1][1] == 3070000 and len(entries) == 1


def test_concurrent_corrections_of_one_value_chain_their_old_values(store, db):
    import threading
    rid = _flawed_id(store)
    refused = []

    def auditor(k: int) -> None:
        own = Store.open(db, create=False)
        try:
            for j in range(5):
                current = ledger.reviewed(own, rid).in_force["budget"]["executed_yuan"]
                try:
                    ledger.save_correction(own, rid, "/budget/executed_yuan", str(3_000_000 + 10 * k + j),
                                           replaces=ledger.token_of(current))
                except ledger.ReviewError:
                    refused.append(k)
        finally:
            own.close()
    threads = [threading.Thread(target=auditor, args=(k,)) for k in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    entries = ledger.corrections_of(store, rid)
    assert len(entries) + len(refused) == 25 and entries
    assert all(b.old_value == a.new_value for a, b in zip(entries, entries[1:]))  # none replaced a stale value


def test_extracting_the_file_again_keeps_the_verdicts_and_corrections(store):
    rid = _flawed_id(store)
    ledger.save_verdict(store, rid, "execution_rate", "confirmed")
    ledger.save_correction(store, rid, "/scores/total_score", "95.5")
    sha, record = store.query("SELECT sha256, record_json FROM reports WHERE id = ?", (rid,))[0]
    store.save_result(sha, FLAWED.stat().st_size, "done", [json.loads(record)], None, 0.1, fmt="pdf")
    review = ledger.reviewed(store, rid)
    assert review.verdicts["execution_rate"].verdict == "confirmed"
    assert review.in_force["scores"]["total_score"] == 95.5 and review.extracted["scores"]["total_score"] == 96.5


def test_a_correction_the_record_no_longer_has_is_left_out_and_kept(store):
    rid = _flawed_id(store)
    ledger.save_correction(store, rid, "/scores/indicators/13/score", "10")
    record = ledger.extracted_record(store, rid)
    record["scores"]["indicators"] = record["scores"]["indicators"][:5]  # as if extracted again, read shorter
    store.begin()
    store.execute("UPDATE reports SET record_json = ? WHERE id = ?", (json.dumps(record, ensure_ascii=False), rid))
    store.commit()
    review = ledger.reviewed(store, rid)
    assert len(review.in_force["scores"]["indicators"]) == 5 and len(review.corrections) == 1


def test_the_export_carries_corrected_values_beside_the_extracted_ones_and_the_verdicts(store, tmp_path):
    rid = _flawed_id(store)
    ledger.save_verdict(store, rid, "execution_rate", "false_alarm", "rounded")
    ledger.save_correction(store, rid, "/scores/total_score", "95.5", "slip")
    ledger.save_correction(store, rid, "/scores/indicators/3/score", "19")
    for fmt in ("parquet", "csv"):
        export(store, tmp_path / fmt, fmt)
        read = pd.read_parquet if fmt == "parquet" else pd.read_csv
        reports = read(tmp_path / fmt / f"reports.{fmt}").set_index("report_id")
        assert reports.loc[rid, "total_score"] == 96.5 and reports.loc[rid, "total_score_corrected"] == 95.5
        assert reports["total_score_corrected"].isna().sum() == len(reports) - 1  # the clean report: nothing corrected
        corrections = read(tmp_path / fmt / f"corrections.{fmt}")
        assert list(corrections["pointer"]) == ["/scores/total_score", "/scores/indicators/3/score"]
        assert [float(v) for v in corrections["old_value"]] == [96.5, 20.0]  # text in parquet, read back as numbers from CSV
        checks = read(tmp_path / fmt / f"checks.{fmt}").set_index(["report_id", "check_id"])
        assert checks.loc[(rid, "execution_rate"), "verdict"] == "false_alarm"
        assert checks.loc[(rid, "execution_rate"), "verdict_note"] == "rounded"
        indicators = read(tmp_path / fmt / f"indicators.{fmt}").set_index(["report_id", "row"])
        assert indicators.loc[(rid, 3), "score"] == 20 and indicators.loc[(rid, 3), "score_corrected"] == 19
        verdicts = read(tmp_path / fmt / f"review_verdicts.{fmt}")
        assert list(verdicts["verdict"]) == ["false_alarm"]


def test_a_version_4_database_gets_the_review_tables_on_open(tmp_path):
    db = tmp_path / "v4.sqlite"
    with sqlite3.connect(db) as c:
        for v in (1, 2, 3, 4):
            for stmt in MIGRATIONS[v]:
                c.execute(stmt)
        c.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    store = Store.open(db)
    try:
        assert store.version() == SCHEMA_VERSION >= 5
        assert store.query("SELECT COUNT(*) FROM corrections")[0][0] == 0
        assert store.query("SELECT COUNT(*) FROM review_verdicts")[0][0] == 0
    finally:
        store.close()


def test_a_version_5_database_keeps_its_reports_with_their_needs_a_look_count_unknown(tmp_path):
    db = tmp_path / "v5.sqlite"
    with sqlite3.connect(db) as c:
        for v in (1, 2, 3, 4, 5):
            for stmt in MIGRATIONS[v]:
                c.execute(stmt)
        c.execute("INSERT INTO meta VALUES ('schema_version', '5')")
        c.execute("INSERT INTO reports (id, sha256, report_index, n_failed) VALUES ('r:0', 'r', 0, 1)")
    store = Store.open(db)
    try:
        assert store.version() == SCHEMA_VERSION >= 6
        # its checks were never weighed: unknown, not zero
        assert store.query("SELECT n_failed, n_needs_look FROM reports")[0] == (1, None)
        assert store.query("SELECT COUNT(*) FROM checks WHERE certainty IS NOT NULL")[0][0] == 0
    finally:
        store.close()


def test_the_list_filters_flagged_not_read_year_and_check(store):
    rid = _flawed_id(store)
    everything = listing.reports(store, listing.Filters())
    assert len(everything) == 2
    assert [r.report_id for r in listing.reports(store, listing.Filters(flagged=True))] == [rid]
    assert [r.report_id for r in listing.reports(store, listing.Filters(check_id="selfeval_total"))] == [rid]
    assert listing.reports(store, listing.Filters(year=1999)) == []
    assert {r.report_id for r in listing.reports(store, listing.Filters(kind="self_assessment"))} >= {rid}
    not_read = listing.reports(store, listing.Filters(not_read=True))
    assert all(r.key_missing for r in not_read)


def test_a_postgresql_database_keeps_verdicts_and_corrections(postgres_url, tmp_path):
    import psycopg
    with psycopg.connect(postgres_url, autocommit=True) as c:  # a database of its own
        c.execute("CREATE DATABASE review_test")
    url = postgres_url.rsplit("/", 1)[0] + "/review_test"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FLAWED, folder / FLAWED.name)
    ingest([str(folder)], url, workers=0, progress=False)
    store = Store.open(url, create=False)
    try:
        rid = _flawed_id(store)
        ledger.save_verdict(store, rid, "execution_rate", "confirmed", "the rate is wrong")
        ledger.save_correction(store, rid, "/scores/total_score", "95.5")
        assert _status(ledger.reviewed(store, rid).checks, "selfeval_total") == "pass"
        assert [r.n_reviewed for r in listing.reports(store, listing.Filters(flagged=True))] == [1]
        export(store, tmp_path / "out", "parquet")
    finally:
        store.close()
    assert list(pd.read_parquet(tmp_path / "out" / "reports.parquet")["total_score_corrected"]) == [95.5]
    client = create_app(url).test_client()
    assert client.get(f"/report/{rid}").status_code == 200


# -- the pages, without a browser -------------------------------------------------------------------

def test_the_report_page_outlines_the_values_and_serves_the_page_image(db):
    client = create_app(db).test_client()
    store = Store.open(db, create=False)
    rid = _flawed_id(store)
    store.close()
    html = client.get(f"/report/{rid}").get_data(as_text=True)
    assert 'data-pointer="/scores/total_score"' in html and 'class="box flag"' in html
    assert "所述 / stated" in html and "计算 / computed" in html
    image = client.get(f"/report/{rid}/page/1.png")
    assert image.status_code == 200 and image.mimetype == "image/png"
    from PIL import Image
    width, height = Image.open(io.BytesIO(image.data)).size
    assert abs(width / height - 595 / 842) < 0.01  # an A4 page, as the outlines' fractions assume
    assert client.get(f"/report/{rid}/page/9.png").status_code == 404


def test_a_report_without_pages_shows_its_text(db):
    client = create_app(db).test_client()
    store = Store.open(db, create=False)
    rid = store.query("SELECT r.id FROM reports r JOIN paths p ON p.sha256 = r.sha256 WHERE p.path LIKE '%.txt'")[0][0]
    store.close()
    html = client.get(f"/report/{rid}").get_data(as_text=True)
    assert 'id="document-text"' in html and 'class="box' not in html


def test_a_form_posted_from_another_site_is_refused(db):
    client = create_app(db).test_client()
    got = client.post("/report/x/verdict", data={"check_id": "execution_rate", "verdict": "confirmed"},
                      headers={"Origin": "http://elsewhere.example"})
    assert got.status_code == 403


def test_a_request_not_addressed_to_this_machine_is_refused(db):
    client = create_app(db).test_client()
    assert client.get("/", base_url="http://rebound.example").status_code == 403
    assert client.get("/", base_url="http://127.0.0.1:8017").status_code == 200
    lan = create_app(db, host="0.0.0.0", token="s3cret", names=("reports.lan",)).test_client()
    assert lan.get("/?token=s3cret", base_url="http://reports.lan").status_code == 200
    assert lan.get("/", base_url="http://reports.lan").status_code == 200  # the token kept as a cookie
    assert lan.get("/", base_url="http://rebound.example").status_code == 403  # the names hold off loopback too


def test_the_review_off_loopback_needs_its_token(db):
    with pytest.raises(ledger.ReviewError, match="needs a token"):
        create_app(db, host="0.0.0.0")
    client = create_app(db, host="0.0.0.0", token="s3cret", names=("reports.lan",)).test_client()
    assert client.get("/", base_url="http://reports.lan").status_code == 401
    assert client.get("/?token=wrong", base_url="http://reports.lan").status_code == 401


def test_a_form_whose_host_and_origin_both_name_another_site_is_refused(db):
    client = create_app(db, host="0.0.0.0", token="s3cret", names=("reports.lan",)).test_client()
    got = client.post("/report/x/correction?token=s3cret", data={"pointer": "/report/year", "value": "2020"},
                      base_url="http://evil.example", headers={"Origin": "http://evil.example"})
    assert got.status_code == 403


def test_a_bad_correction_is_a_page_naming_the_field(db):
    client = create_app(db).test_client()
    store = Store.open(db, create=False)
    rid = _flawed_id(store)
    store.close()
    got = client.post(f"/report/{rid}/correction", data={"pointer": "/scores/total_score", "value": "abc"})
    assert got.status_code == 400 and "/scores/total_score: &#39;abc&#39; is not a number" in got.get_data(as_text=True)


def test_review_on_a_missing_database_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["review", "--db", str(tmp_path / "none.sqlite")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no such database" in err[0]


def test_review_on_a_port_in_use_is_one_line_and_exit_2(db, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["review", "--db", db, "--port", str(taken.getsockname()[1])]) == 2
    assert "cannot listen" in capsys.readouterr().err


# -- in headless Chromium ---------------------------------------------------------------------------

@contextlib.contextmanager
def _serving(db: str):
    """The review server over `db` on a thread, on a free port (0), for as long as the block runs: its URL."""
    srv = server(db, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}"
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=10)


@pytest.fixture
def served(db):
    with _serving(db) as url:
        yield url


@pytest.mark.e2e
@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (make system-deps installs Debian's chromium)")
def test_an_auditor_marks_a_false_alarm_and_corrects_a_value_in_the_browser(served, db, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.goto(f"{served}/?flagged=1")
            rows = page.locator("#reports tr[data-report]")
            assert rows.count() == 1 and "农村饮水安全巩固提升工程" in rows.first.inner_text()
            rows.first.locator("a").first.click()
            page.wait_for_selector("#check-table")

            image = page.locator(".page img").first
            image.wait_for()
            page.wait_for_function("document.querySelector('.page img').naturalWidth > 0")
            box = page.locator('a.box[data-pointer="/budget/execution_rate"]')
            assert "flag" in box.get_attribute("class")  # the value of a failed check, outlined in red
            inner, outer = box.bounding_box(), image.bounding_box()
            assert outer["x"] <= inner["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"]
            assert outer["y"] <= inner["y"] and inner["y"] + inner["height"] <= outer["y"] + outer["height"]
            assert 0 < inner["width"] < outer["width"] / 4

            check = page.locator("tr#check-execution_rate")
            check.locator("input[value=false_alarm]").check()
            check.locator("input[name=note]").fill("执行率按四舍五入填报")
            check.locator("button").click()
            page.wait_for_selector('tr#check-execution_rate [data-verdict="false_alarm"]')
            assert "执行率按四舍五入填报" in page.locator("tr#check-execution_rate").inner_text()

            value = page.locator('tr[data-pointer="/scores/total_score"]')
            value.locator("input[name=value]").fill("95.5")
            value.locator("input[name=note]").fill("总分笔误")
            value.locator("button").click()
            page.wait_for_selector('tr#check-selfeval_total[data-status="pass"]')
            assert page.locator('tr#check-indicator_scores_sum').get_attribute("data-status") == "pass"
            assert "总分笔误" in page.locator("#correction-table").inner_text()
            assert "corrected" in page.locator('a.box[data-pointer="/scores/total_score"]').get_attribute("class")
            page.screenshot(path=str(tmp_path / "review.png"))
        finally:
            browser.close()
    assert (tmp_path / "review.png").stat().st_size > 20_000

    store = Store.open(db, create=False)
    try:
        export(store, tmp_path / "out", "csv")
    finally:
        store.close()
    corrections = pd.read_csv(tmp_path / "out" / "corrections.csv")
    assert list(zip(corrections["pointer"], corrections["old_value"], corrections["new_value"], corrections["note"])) \
        == [("/scores/total_score", 96.5, 95.5, "总分笔误")]
    reports = pd.read_csv(tmp_path / "out" / "reports.csv")
    assert sorted(reports["total_score_corrected"].dropna()) == [95.5]
    checks = pd.read_csv(tmp_path / "out" / "checks.csv")
    assert list(checks.loc[checks["verdict"].notna(), "check_id"]) == ["execution_rate"]


def test_a_query_value_that_is_no_year_is_a_bad_request_not_a_server_error(db):
    client = create_app(db).test_client()
    assert client.get("/?year=" + "1" * 27).status_code == 400
    assert client.get("/?year=10^26").status_code == 400
    assert client.get("/?year=2021").status_code == 200


def test_a_database_on_read_only_media_is_exported_audited_and_reviewed(db, tmp_path, monkeypatch):
    from pipeline.cli import main
    from pipeline.dataset import store as store_module
    real = store_module.os.access
    monkeypatch.setattr(store_module.os, "access",
                        lambda path, mode: False if mode == store_module.os.W_OK else real(path, mode))
    opened = Store.open(db, create=False)
    assert opened.read_only
    rid = _flawed_id(opened)
    with pytest.raises(ledger.ReviewError, match="read-only"):
        ledger.save_correction(opened, rid, "/scores/total_score", "95")
    opened.close()
    assert main(["export", "--db", db, "--out", str(tmp_path / "out"), "--format", "csv"]) == 0
    assert main(["audit", "--db", db, "--html", str(tmp_path / "a.html"), "--no-images"]) == 0
    assert create_app(db).test_client().get("/").status_code == 200


def test_a_version_6_database_gets_the_finance_documents_table_on_open(tmp_path):
    from helpers import database_at_version
    store = Store.open(database_at_version(tmp_path / "v6.sqlite", 6))
    try:
        assert store.version() == SCHEMA_VERSION == 8
        assert store.query("SELECT COUNT(*) FROM finance_documents")[0][0] == 0
    finally:
        store.close()


def test_review_work_reaches_the_audit_the_list_and_the_wide_export(store, db, tmp_path):
    # the auditor dismisses one flag as a false alarm and corrects the total, which mends the two sum checks:
    # no flag stands, and every place that counts flags says so
    rid = _flawed_id(store)
    assert sorted(c["id"] for c in ledger.reviewed(store, rid).checks if c["status"] == "fail") == \
        ["execution_rate", "indicator_scores_sum", "selfeval_total"]
    assert [r.n_failed for r in listing.reports(store, listing.Filters(flagged=True))] == [3]
    ledger.save_verdict(store, rid, "execution_rate", "false_alarm", "the rate is printed rounded")
    assert [r.n_failed for r in listing.reports(store, listing.Filters(flagged=True))] == [2]
    ledger.save_correction(store, rid, "/scores/total_score", "95.5", "the total is a slip")
    assert listing.reports(store, listing.Filters(flagged=True)) == []
    assert {r.report_id: r.n_failed for r in listing.reports(store, listing.Filters())}[rid] == 0

    from pipeline.audit import build_audit
    got = build_audit(store, tmp_path / "audit.html", images=False)
    html = (tmp_path / "audit.html").read_text(encoding="utf-8")
    assert got["flagged"] == 0 and '<td id="n-flagged">0</td>' in html and '<td id="n-dismissed">1</td>' in html
    dismissed = html.split('id="dismissed"')[1]
    assert "execution_rate" in dismissed and "误报 / false alarm" in dismissed and "the rate is printed rounded" in dismissed
    assert "总分: <s>96.5</s> → <b>95.5</b> (the total is a slip)" in dismissed

    export(store, tmp_path / "out", "csv")
    wide = pd.read_csv(tmp_path / "out" / "reports_wide.csv").set_index("report_id")
    assert wide.loc[rid, "total_score"] == 96.5 and wide.loc[rid, "total_score_corrected"] == 95.5
    assert wide.loc[rid, "n_failed_checks"] == 3 and wide.loc[rid, "n_failed_reviewed"] == 0


def test_a_confirmed_flag_stays_flagged_in_the_audit_with_the_verdict_shown(store, tmp_path):
    rid = _flawed_id(store)
    ledger.save_verdict(store, rid, "selfeval_total", "confirmed", "checked against the paper copy")
    from pipeline.audit import build_audit
    assert build_audit(store, tmp_path / "audit.html", images=False)["flagged"] == 1
    flagged = (tmp_path / "audit.html").read_text(encoding="utf-8").split('id="flagged"')[1].split('id="needs-look"')[0]
    assert "确认 / confirmed" in flagged and "checked against the paper copy" in flagged


@pytest.fixture
def formats_served(tmp_path):
    """The flawed self-assessment as an XLSX, a DOCX and a Markdown file, ingested and served."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from flawed_formats import write_flawed_formats
    files = write_flawed_formats(tmp_path / "in")
    db = tmp_path / "formats.sqlite"
    ingest([str(tmp_path / "in")], str(db), workers=0, progress=False)
    with _serving(str(db)) as url:
        yield url, str(db), files


@pytest.mark.e2e
@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (make system-deps installs Debian's chromium)")
def test_evidence_in_a_workbook_a_word_file_and_markdown_outlines_its_span_and_review_work_reaches_every_output(
        formats_served, tmp_path):
    url, db, files = formats_served
    sync_api = pytest.importorskip("playwright.sync_api")
    store = Store.open(db, create=False)
    try:
        ids = {Path(p).suffix[1:]: rid for rid, p in store.query(
            "SELECT r.id, p.path FROM reports r JOIN paths p ON p.sha256 = r.sha256")}
    finally:
        store.close()
    assert sorted(ids) == ["docx", "md", "xlsx"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            for fmt, rid in sorted(ids.items()):
                page.goto(f"{url}/report/{rid}")
                page.wait_for_selector("#document-text")
                links = page.locator('#check-table a[href^="#box"]')
                hrefs = sorted({links.nth(k).get_attribute("href") for k in range(links.count())})
                assert len(hrefs) >= 8, fmt  # the failed checks cite the budget, the rate, every score …
                for href in hrefs:  # every evidence link lands on its value's span in the text, outlined
                    page.locator(f'#check-table a[href="{href}"]').first.click()
                    target = page.evaluate("() => { const t = document.querySelector(':target');"
                                           " const s = t && t.closest('.span'); return s && [s.id, s.className,"
                                           " s.getBoundingClientRect().width, getComputedStyle(s).outlineStyle]; }")
                    assert target is not None, (fmt, href)
                    assert target[2] > 0 and target[3] != "none", (fmt, href, target)
                assert 'title="预算执行率' in page.content() or "执行率" in page.locator("#document-text").inner_text()
                page.screenshot(path=str(tmp_path / f"review_{fmt}.png"))

            # the workbook's report: a false alarm dismissed and the total corrected in the browser
            page.goto(f"{url}/report/{ids['xlsx']}")
            assert page.locator('#document-text .span a[title*="自评表!"]').count() >= 8  # the cells they were read from
            check = page.locator("tr#check-execution_rate")
            check.locator("input[value=false_alarm]").check()
            check.locator("input[name=note]").fill("执行率按四舍五入填报")
            check.locator("button").click()
            page.wait_for_selector('tr#check-execution_rate [data-verdict="false_alarm"]')
            value = page.locator('tr[data-pointer="/scores/total_score"]')
            value.locator("input[name=value]").fill("95.5")
            value.locator("input[name=note]").fill("总分笔误")
            value.locator("button").click()
            page.wait_for_selector('tr#check-selfeval_total[data-status="pass"]')
            assert "corrected" in page.locator('#document-text [data-pointer="/scores/total_score"]').get_attribute("class")
            page.goto(f"{url}/")
            row = page.locator(f'#reports tr[data-report="{ids["xlsx"]}"]')
            assert row.locator("td.failed").inner_text() == "0"  # 未通过: no flag stands after the review
            page.screenshot(path=str(tmp_path / "review_list.png"))
        finally:
            browser.close()
    assert all((tmp_path / f"review_{fmt}.png").stat().st_size > 20_000 for fmt in ids)

    from pipeline.audit import build_audit
    store = Store.open(db, create=False)
    try:
        build_audit(store, tmp_path / "audit.html", images=False)
        export(store, tmp_path / "out", "xlsx")
    finally:
        store.close()
    dismissed = (tmp_path / "audit.html").read_text(encoding="utf-8").split('id="dismissed"')[1]
    assert "执行率按四舍五入填报" in dismissed and "<s>96.5</s> → <b>95.5</b> (总分笔误)" in dismissed
    import openpyxl
    book = openpyxl.load_workbook(tmp_path / "out" / "jixiao.xlsx")

    def rows(sheet):
        keys = [c.value for c in book[sheet][2]]
        return [dict(zip(keys, (c.value for c in r))) for r in book[sheet].iter_rows(min_row=3)]
    assert [(r["field"], r["old_value"], r["new_value"], r["note"]) for r in rows("corrections")] == [("总分", 96.5, 95.5, "总分笔误")]
    assert [(r["check_id"], r["verdict"], r["note"]) for r in rows("review_verdicts")] == \
        [("execution_rate", "false_alarm", "执行率按四舍五入填报")]
    mine = [r for r in rows("reports") if r["report_id"] == ids["xlsx"]]
    assert mine[0]["total_score_corrected"] == 95.5 and mine[0]["n_failed_reviewed"] == 0

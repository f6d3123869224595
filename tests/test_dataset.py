"""Bulk ingest, the dataset export and the cross-report checks."""
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, SAMPLES

from pipeline.dataset import Store, export, ingest
from pipeline.dataset.store import SCHEMA_VERSION

sys.path.insert(0, str(ROOT / "scripts"))
from corpus import report_text, write_corpus  # noqa: E402


def _count(db, sql):
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchone()[0]


def test_ingest_stores_every_report_and_a_rerun_skips_them(samples_db, tmp_path):
    db = samples_db.copy_to(tmp_path)
    first = samples_db.summary
    assert first.failed == 0 and first.extracted == first.seen > 10, first.failures
    assert first.reports == _count(db, "SELECT COUNT(*) FROM reports")
    again = ingest([SAMPLES], db, workers=2, progress=False)
    assert again.extracted == 0 and again.skipped == first.seen
    assert _count(db, "SELECT COUNT(*) FROM reports") == first.reports


def test_same_content_under_two_names_is_stored_once_with_both_paths(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / "selfeval_2021.txt", src / "a.txt")
    shutil.copy(SAMPLES / "selfeval_2021.txt", src / "copy of a.txt")
    db = tmp_path / "j.sqlite"
    summary = ingest([src], db, workers=1, progress=False)
    assert summary.extracted == 1 and summary.duplicates == 1
    assert _count(db, "SELECT COUNT(*) FROM files") == 1
    assert _count(db, "SELECT COUNT(*) FROM paths") == 2


def test_a_changed_file_is_extracted_again_and_its_old_content_goes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    f = src / "r.txt"
    f.write_text((SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    f.write_text(f.read_text(encoding="utf-8").replace("| 100 | 95.5 |", "| 100 | 96.5 |"), encoding="utf-8")
    os.utime(f, (time.time() + 5, time.time() + 5))
    summary = ingest([src], db, workers=0, progress=False)
    assert summary.extracted == 1
    assert _count(db, "SELECT COUNT(*) FROM reports") == 1
    assert _count(db, "SELECT total_score FROM reports") == 96.5


def test_broken_files_are_recorded_with_their_reason_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "fake.pdf").write_bytes(b"%PDF-1.7\n this is not a pdf at all")
    (src / "good.txt").write_text((SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "name with\nnewline and 空格.txt").write_text(report_text(__import__("random").Random(1), "南县教育局", "义务教育公用经费", 2021),
                                                    encoding="utf-8")
    db = tmp_path / "j.sqlite"
    summary = ingest([src], db, workers=2, progress=False)
    assert summary.extracted == 2 and summary.failed == 2
    reasons = dict(summary.failures)
    assert "empty file" in reasons[str(src / "empty.txt")]
    assert "PDF" in reasons[str(src / "fake.pdf")]
    assert _count(db, "SELECT COUNT(*) FROM files WHERE status = 'failed'") == 2
    # a failed file is not retried on every run: it is stored with its reason
    assert ingest([src], db, workers=2, progress=False).skipped == 4


def test_a_file_over_its_time_limit_fails_alone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / "evaluation_three_level.pdf", src / "slow.pdf")
    db = tmp_path / "j.sqlite"
    summary = ingest([src], db, workers=1, timeout=0.01, progress=False)
    assert summary.failed == 1 and "over the time limit" in summary.failures[0][1]


def test_symlink_loop_does_not_trap_the_walk(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "loop").symlink_to(src, target_is_directory=True)
    shutil.copy(SAMPLES / "selfeval_2021.txt", src / "sub" / "r.txt")
    summary = ingest([src], tmp_path / "j.sqlite", workers=0, progress=False)
    assert summary.seen == 1 and summary.extracted == 1


def test_killed_mid_batch_a_rerun_stores_every_file_exactly_once(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 120, seed=3)
    db = tmp_path / "j.sqlite"
    cmd = [sys.executable, "-m", "pipeline", "ingest", str(corpus), "--db", str(db), "--workers", "2", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            stored = _count(db, "SELECT COUNT(*) FROM files")
        except sqlite3.Error:
            continue
        if stored >= 10:
            break
    os.killpg(proc.pid, signal.SIGKILL)  # kill -9 the driver and its workers
    proc.wait()
    assert 0 < stored < 120, "the batch should be killed part-way"
    subprocess.run(cmd, cwd=ROOT, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    assert _count(db, "SELECT COUNT(*) FROM files") == 120
    assert _count(db, "SELECT COUNT(*) FROM reports") == 120
    assert _count(db, "SELECT COUNT(DISTINCT sha256) FROM reports") == 120
    assert _count(db, "SELECT COUNT(*) FROM files WHERE status != 'done'") == 0


def test_export_parquet_and_csv_that_pandas_reads(samples_db, tmp_path):
    db = samples_db.copy_to(tmp_path)
    store = Store.open(db)
    try:
        written = export(store, tmp_path / "pq", "parquet", partition_by_year=True)
        export(store, tmp_path / "csv", "csv")
    finally:
        store.close()
    wide = pd.read_parquet(written["reports_wide"])
    assert {"department", "region", "year", "kind", "budget_yuan", "executed_yuan", "execution_rate", "total_score",
            "grade", "n_failed_checks"} <= set(wide.columns)
    assert len(wide) == len(pd.read_csv(tmp_path / "csv" / "reports_wide.csv"))
    indicators = pd.read_parquet(tmp_path / "pq" / "indicators.parquet")
    assert {"report_id", "row", "name", "weight", "score"} <= set(indicators.columns)
    assert (tmp_path / "pq" / "reports" / "year=2021").is_dir()  # partitioned by year


def test_csv_export_guards_against_formula_injection(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = (SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8")
    (src / "evil.txt").write_text(text.replace("农村饮水安全巩固提升工程", '=HYPERLINK("http://x","点击")'), encoding="utf-8")
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    store = Store.open(db)
    export(store, tmp_path / "csv", "csv")
    store.close()
    df = pd.read_csv(tmp_path / "csv" / "reports_wide.csv")
    assert df["project_name"].iloc[0].startswith("'=HYPERLINK")


def test_cross_report_checks_find_budget_jumps_copied_tables_and_twins(tmp_path):
    import random
    src = tmp_path / "in"
    src.mkdir()
    rng = random.Random(5)
    a = report_text(rng, "南县教育局", "义务教育公用经费", 2021, budget_wan=50)
    (src / "2021.txt").write_text(a, encoding="utf-8")
    b = a.replace("(2021年度)", "(2022年度)").replace("| 50 | 50 |", "| 600 | 600 |")
    (src / "2022.txt").write_text(b, encoding="utf-8")
    (src / "2022 again.txt").write_text(b + "\n(重复上传)\n", encoding="utf-8")
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    store = Store.open(db)
    written = export(store, tmp_path / "out", "parquet")
    store.close()
    found = set(pd.read_parquet(written["cross_checks"])["check_id"])
    assert {"score_table_copied", "same_report_twice"} <= found


@pytest.fixture(scope="module")
def postgres_url():
    """A throwaway PostgreSQL server (Debian's postgresql package, installed by make)."""
    initdb = shutil.which("initdb") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))), None)
    if not initdb:
        pytest.skip("PostgreSQL is not installed (make installs Debian's postgresql package)")
    bindir = Path(initdb).resolve().parent
    # not under pytest's own temp folder: it is private to root and the server runs as another user
    base = Path(tempfile.mkdtemp(prefix="jixiao-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    runas = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
        try:
            import pwd
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no postgres user to run the server")
        os.chown(base, user.pw_uid, user.pw_gid)
        os.chown(sock, user.pw_uid, user.pw_gid)
        runas = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        subprocess.run(runas + [str(bindir / "initdb"), "-D", str(data), "-U", "jixiao", "--auth=trust", "-E", "UTF8"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run(runas + [str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(base / "log"),
                                "-o", f"-p {port} -k {sock} -c listen_addresses=127.0.0.1", "start"],
                       check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"PostgreSQL could not start here: {exc}")
    yield f"postgresql://jixiao@127.0.0.1:{port}/postgres"
    subprocess.run(runas + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True, timeout=60)
    shutil.rmtree(base, ignore_errors=True)


def test_postgresql_database_takes_the_same_ingest_and_export(postgres_url, tmp_path):
    first = ingest([SAMPLES], postgres_url, workers=2, progress=False)
    assert first.failed == 0 and first.extracted > 10, first.failures
    again = ingest([SAMPLES], postgres_url, workers=2, progress=False)
    assert again.extracted == 0
    store = Store.open(postgres_url)
    try:
        assert store.version() == SCHEMA_VERSION
        assert store.counts()["reports"] == first.reports
        written = export(store, tmp_path / "pg_out", "parquet")
    finally:
        store.close()
    assert len(pd.read_parquet(written["reports_wide"])) == first.reports


def test_postgresql_database_takes_prune_and_resolved_paths(postgres_url, tmp_path, monkeypatch):
    import psycopg
    with psycopg.connect(postgres_url, autocommit=True) as c:  # a database of its own: the one above is counted
        c.execute("CREATE DATABASE prune_test")
    url = postgres_url.rsplit("/", 1)[0] + "/prune_test"
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / "selfeval_2021.txt", src / "a.txt")
    shutil.copy(SAMPLES / "selfeval_2021.txt", src / "copy of a.txt")
    shutil.copy(SAMPLES / "multi_report.txt", src / "b.txt")
    monkeypatch.chdir(tmp_path)
    first = ingest(["in"], url, workers=0, progress=False)
    assert first.extracted == 2 and first.duplicates == 1
    (src / "a.txt").unlink()
    (src / "b.txt").unlink()
    again = ingest([str(src)], url, workers=0, progress=False, prune_missing=True)
    assert again.pruned == 2 and again.skipped == 1
    store = Store.open(url)
    try:
        assert [r[0] for r in store.query("SELECT path FROM paths")] == [str((src / "copy of a.txt").resolve())]
        assert store.counts()["files"] == 1 and store.counts()["reports"] == 1
    finally:
        store.close()


def test_an_old_schema_is_migrated_on_open(tmp_path):
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as c:
        from pipeline.dataset.store import MIGRATIONS
        for stmt in MIGRATIONS[1]:
            c.execute(stmt)
        c.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
    store = Store.open(db)
    assert store.version() == SCHEMA_VERSION
    cols = [r[1] for r in store.query("PRAGMA table_info(indicators)")]
    store.close()
    assert "target" in cols and "actual" in cols


def test_jixiaoignore_leaves_out_material_that_is_not_a_report(tmp_path):
    src = tmp_path / "in"
    (src / "notes").mkdir(parents=True)
    shutil.copy(SAMPLES / "selfeval_2021.txt", src / "r.txt")
    (src / "notes" / "todo.txt").write_text("not a report", encoding="utf-8")
    (src / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (src / ".jixiaoignore").write_text("# not reports\nnotes/\n*.png\n", encoding="utf-8")
    summary = ingest([src], tmp_path / "j.sqlite", workers=0, progress=False)
    assert summary.seen == 1 and summary.extracted == 1


def test_a_file_over_the_memory_limit_fails_alone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / "selfeval_2021.txt", src / "small.txt")
    shutil.copy(SAMPLES / "photo_score_page.jpg", src / "photo.jpg")  # OCR needs a few hundred MiB
    summary = ingest([src], tmp_path / "j.sqlite", workers=1, max_memory_mb=150, progress=False)
    reasons = dict(summary.failures)
    assert summary.extracted == 1 and summary.failed == 1
    assert "memory" in reasons[str(src / "photo.jpg")] or "died" in reasons[str(src / "photo.jpg")]


def test_a_reports_rows_point_to_it_by_foreign_key_and_go_with_it(tmp_path):
    # what datasette and sqlite-utils read to link checks, indicators … to their report
    import sqlite3

    from pipeline.dataset import Store, ingest
    src = tmp_path / "in"
    src.mkdir()
    (src / "r.txt").write_text((SAMPLES / "selfeval_2021.txt").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    with sqlite3.connect(db) as c:
        for table in ("indicators", "subprojects", "items", "checks", "provenance"):
            keys = c.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            assert [(k[2], k[3], k[4], k[6]) for k in keys] == [("reports", "report_id", "id", "CASCADE")], table
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        assert c.execute("SELECT COUNT(*) FROM checks").fetchone()[0] > 0
    store = Store.open(db)
    try:
        store.begin()
        store.execute("DELETE FROM reports")
        store.commit()
        assert store.query("SELECT COUNT(*) FROM checks")[0][0] == 0  # a report's rows go with it
    finally:
        store.close()


def test_a_version_7_database_gets_its_foreign_keys_and_keeps_its_rows(tmp_path):
    import sqlite3

    from helpers import database_at_version

    from pipeline.dataset import Store
    db = database_at_version(tmp_path / "v7.sqlite", 7)
    with sqlite3.connect(db) as c:
        c.execute("INSERT INTO files (sha256, status) VALUES ('s', 'done')")
        c.execute("INSERT INTO reports (id, sha256, report_index, title) VALUES ('s:0', 's', 0, 't')")
        c.execute("INSERT INTO checks (report_id, check_id, status, finding) VALUES ('s:0', 'execution_rate', 'pass', 'pass')")
        c.execute("INSERT INTO checks (report_id, check_id, status) VALUES ('gone:0', 'execution_rate', 'fail')")
    store = Store.open(db)
    try:
        assert store.version() == 8
        assert store.query("SELECT report_id, check_id, status, finding FROM checks") == [("s:0", "execution_rate", "pass", "pass")]
        assert store.query("PRAGMA foreign_key_list(checks)")[0][2] == "reports"
    finally:
        store.close()

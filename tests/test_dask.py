"""Ingest on a Dask cluster gives the same dataset as the local executor, and loses no file when a
worker dies mid-batch."""
import json
import os
import signal
import sqlite3
import sys

import pytest
from conftest import ROOT

from pipeline.dataset import ingest
from pipeline.dataset.ingest import IngestSummary, _writer, plan
from pipeline.dataset.store import Store

distributed = pytest.importorskip("distributed")
sys.path.insert(0, str(ROOT / "scripts"))
import make_hostile  # noqa: E402
from corpus import write_corpus  # noqa: E402


def _records(db) -> dict:
    with sqlite3.connect(db) as c:
        rows = c.execute("SELECT sha256, report_index, record_json FROM reports").fetchall()
    return {(sha, i): json.loads(rec) for sha, i, rec in rows}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_dask_and_local_executors_store_identical_records(tmp_path, cluster):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 30, seed=21)
    local = ingest([corpus], tmp_path / "local.sqlite", workers=2, progress=False)
    remote = ingest([corpus], tmp_path / "dask.sqlite", executor="dask", scheduler=cluster.scheduler_address,
                    progress=False)
    assert local.extracted == remote.extracted == 30 and remote.failed == 0
    assert _records(tmp_path / "local.sqlite") == _records(tmp_path / "dask.sqlite")


def test_a_worker_killed_mid_batch_loses_no_file(tmp_path, cluster):
    from distributed import Client

    from pipeline.dataset.dask_executor import run_dask

    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40, seed=22)
    db = tmp_path / "j.sqlite"
    store = Store.open(db)
    summary = IngestSummary()
    tasks = plan(store, [corpus], summary)
    write = _writer(store, summary, None)
    killed = []
    with Client(cluster) as client:
        def on_done(task, outcome):
            write(task, outcome)
            if len(killed) == 0 and summary.extracted >= 5:
                victim = sorted(client.scheduler_info()["workers"])[0]
                pid = client.run(os.getpid, workers=[victim])[victim]
                os.kill(pid, signal.SIGKILL)  # kill -9 the worker mid-batch
                killed.append(pid)
        run_dask(tasks, on_done, client=client)
    store.close()
    assert killed
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*) FROM files WHERE status = 'done'").fetchone()[0] == 40
        assert c.execute("SELECT COUNT(DISTINCT sha256) FROM reports").fetchone()[0] == 40


def test_a_url_archive_is_listed_and_read_through_fsspec(tmp_path, cluster):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 6, seed=23)
    url = corpus.as_uri()  # file:///…: the same code path as s3:// or gcs:// with their fsspec packages
    summary = ingest([url], tmp_path / "j.sqlite", executor="dask", scheduler=cluster.scheduler_address, progress=False)
    assert summary.extracted == 6 and summary.failed == 0
    with sqlite3.connect(tmp_path / "j.sqlite") as c:
        paths = [r[0] for r in c.execute("SELECT path FROM paths")]
        sources = [json.loads(r[0])["source"]["path"] for r in c.execute("SELECT record_json FROM reports")]
    assert all(p.startswith("file://") for p in paths) and sorted(paths) == sorted(sources)


def _memory_bomb(path):
    """A workbook of 1.2 million small numbers, under every cap: openpyxl's grid of it takes well over 1 GiB."""
    rows = 60_000
    body = "<sheetData>" + "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in "ABCDEFGHIJKLMNOPQRST")
                                   + "</row>" for r in range(1, rows + 1)) + "</sheetData>"
    return make_hostile.write_workbook(path, [body])


def _failures(db) -> dict:
    with sqlite3.connect(db) as c:
        return dict(c.execute("SELECT p.path, f.failure || ': ' || f.error FROM files f JOIN paths p "
                              "ON p.sha256 = f.sha256 WHERE f.status = 'failed'").fetchall())


def test_the_time_and_memory_limits_hold_on_dask_workers(tmp_path, cluster):
    # a page of 200000 full-page fills (a pypdfium2 render() for OCR that runs for many times the 5 s limit: 60000
    # rendered in 4.9 s on a quiet machine, and the test then read its empty page) and a workbook
    # whose grid grows past the memory limit: killed from outside in the Dask worker as in a local worker
    src = tmp_path / "in"
    write_corpus(src, 2, seed=5)
    (tmp_path / "slow").mkdir()
    slow = make_hostile.write_slow_render_pdf(tmp_path / "slow" / "slow.pdf", side_pt=595, fills=200_000)
    big = _memory_bomb(src / "big.xlsx")
    db = tmp_path / "dask.sqlite"
    summary = ingest([src], db, executor="dask", scheduler=cluster.scheduler_address, progress=False,
                     timeout=120, max_memory_mb=300)
    assert summary.extracted == 2 and summary.failed == 1
    assert _failures(db) == {str(big): "memory: over the memory limit (300 MiB)"}
    summary = ingest([slow], db, executor="dask", scheduler=cluster.scheduler_address, progress=False,
                     timeout=5, max_memory_mb=3072)
    assert summary.failed == 1 and _failures(db)[str(slow)] == "timeout: over the time limit (5 s)"


def test_the_fuzz_ingest_meets_the_same_limits_on_local_workers_and_on_dask():
    import subprocess
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "fuzz_ingest.py"), "--files", "12", "--executor", "both"],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr[-2000:]
    for executor in ("local", "dask"):
        [block] = [b for b in res.stdout.split("fuzz ingest, ")[1:] if f"{executor} workers" in b]
        for line in ("tracebacks: 0 (+ 0", "hangs past the limit: 0 file(s)", "lost files: 0",
                     "random bytes stored as a report: 0"):
            assert line in block, (executor, block)
        assert "worker peak memory: " in block and "workers died: 0" in block

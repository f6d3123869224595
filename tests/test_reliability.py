"""Reliability (issue 15): odd file names, killed drivers, signals, retries, concurrent runs, disk and
permission faults, symlinks, CSV injection and one-line messages. Each test asserts what the user sees
(exit status, one stderr line naming the file and the cause) and that nothing is lost. The hostile files
come from scripts/make_hostile.py."""
import csv
import errno
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest
from conftest import ROOT, SAMPLES

import pipeline.run
from pipeline.cli import main
from pipeline.dataset import Store, export, ingest
from pipeline.dataset.export import guard_formulas
from pipeline.dataset.store import SCHEMA_VERSION

sys.path.insert(0, str(ROOT / "scripts"))
import make_hostile  # noqa: E402
from corpus import write_corpus  # noqa: E402

ingest_module = sys.modules["pipeline.dataset.ingest"]
ROOT_USER = os.geteuid() == 0


def _permissions_hold() -> bool:
    """Whether file permissions stop this process (not root, or root without CAP_DAC_OVERRIDE)."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe"
        probe.write_text("x", encoding="utf-8")
        probe.chmod(0)
        try:
            probe.read_text(encoding="utf-8")
        except PermissionError:
            return True
        finally:
            probe.chmod(0o600)
    return False


PERMISSIONS_HOLD = _permissions_hold()


def _rows(db, sql, params=()):
    with sqlite3.connect(db) as c:
        return c.execute(sql, params).fetchall()


def _one(db, sql, params=()):
    return _rows(db, sql, params)[0][0]


def _err_lines(err: str) -> list[str]:
    lines = err.splitlines()
    assert all(x.startswith("jixiao: ") for x in lines), err
    return lines


def _write_reports(folder: Path, n: int, seed: int = 0, prefix: str = "r") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(n):
        path = folder / f"{prefix}{k:02d}.txt"
        path.write_text(make_hostile.report(seed + k), encoding="utf-8")
        out.append(path)
    return out


# --- 1. file names as bytes ------------------------------------------------------------------------

def test_names_that_are_not_utf8_are_stored_shown_escaped_and_exported(tmp_path, capsys):
    src = tmp_path / "in"
    names = make_hostile.write_odd_names(src)
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "1", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "5 file(s) seen: 5 extracted (5 report(s)), 0 failed" in out
    stored = {r[0] for r in _rows(db, "SELECT path FROM paths")}
    base = str(src.resolve())
    expect = {
        "gbk": base + "/\\xbc\\xa8\u0427\\xb1\\xa8\\xb8\\xe6.txt",  # D0 A7 happens to be UTF-8 (Ч)
        "latin1": base + "/r\\xe9sum\\xe9.txt",
        "cr_formula": base + "/report\\r" + make_hostile.FORMULA + ".txt",
        "newline": base + "/报告\\n第二份.txt",
        "plain": base + "/plain.txt",
    }
    assert stored == set(expect.values())
    # the raw bytes are kept, and open the file again
    raw = dict(_rows(db, "SELECT path, raw FROM raw_names"))
    for kind, path in expect.items():
        if kind == "plain":
            assert path not in raw
        else:
            assert bytes(raw[path]) == names[kind] and os.path.exists(os.fsdecode(bytes(raw[path])))
    # the records name the file as it is stored
    assert {r[0] for r in _rows(db, "SELECT json_extract(record_json, '$.source.path') FROM reports")} == stored
    # a re-run finds every file stored
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet"]) == 0
    assert "5 file(s) seen: 0 extracted (0 report(s)), 0 failed, 5 already stored" in capsys.readouterr().out
    # exports and the audit take them
    assert main(["export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    assert set(pd.read_parquet(tmp_path / "pq" / "files.parquet")["path"]) == {p[len(base) + 1:] for p in stored}
    assert json.loads((tmp_path / "pq" / "README.json").read_text(encoding="utf-8"))["paths_root"] == base
    assert main(["export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "abs"), "--absolute-paths"]) == 0
    assert set(pd.read_parquet(tmp_path / "abs" / "files.parquet")["path"]) == stored
    assert main(["audit", "--db", str(db), "--html", str(tmp_path / "a.html")]) == 0


def test_one_odd_name_that_fails_is_reported_escaped_on_one_line(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    bad = os.fsencode(src) + b"/" + "坏\r文件".encode("gbk") + b".txt"
    with open(bad, "wb"):
        pass  # empty: fails
    _write_reports(src, 2)
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet"]) == 1
    lines = _err_lines(capsys.readouterr().err)
    # each byte that is not UTF-8 as \\xNN (C4 BC happens to be UTF-8: ļ), the CR as \\r
    shown = f"{src.resolve()}/\\xbb\\xb5\\r\\xce\u013c\\xfe.txt"
    assert shown == os.fsencode(src.resolve()).decode() + "/" + bad.rsplit(b"/", 1)[1].decode(
        "utf-8", "backslashreplace").replace("\r", "\\r")
    assert lines == [f"jixiao: {shown}: empty file (0 bytes)"]
    assert _one(db, "SELECT COUNT(*) FROM files WHERE status = 'done'") == 2
    assert _one(db, "SELECT error FROM files WHERE status = 'failed'") == "empty file (0 bytes)"
    assert main(["audit", "--db", str(db), "--html", str(tmp_path / "a.html")]) == 0  # its failed files list
    assert shown in (tmp_path / "a.html").read_text(encoding="utf-8")


def test_extract_on_a_name_that_is_not_utf8_writes_valid_json(tmp_path, capsys):
    names = make_hostile.write_odd_names(tmp_path / "in")
    assert main(["extract", os.fsdecode(names["latin1"]), "--quiet"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"]["path"].endswith("/r\\xe9sum\\xe9.txt")


# --- 7. CSV: quoted, control characters escaped, then the formula guard ----------------------------

def test_csv_export_with_a_carriage_return_and_a_formula_in_a_file_name(tmp_path):
    src = tmp_path / "in"
    make_hostile.write_odd_names(src)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    store = Store.open(db)
    try:
        export(store, tmp_path / "csv", "csv")
    finally:
        store.close()
    text = (tmp_path / "csv" / "files.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1 + 5 and len({len(r) for r in rows}) == 1  # no row split by the CR or the LF
    assert all(line.startswith('"') and line.endswith('"') for line in text.splitlines())  # every field quoted
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    assert any(cell == "report\\r" + make_hostile.FORMULA + ".txt" for r in rows for cell in r)  # relative to in/
    assert len(pd.read_csv(tmp_path / "csv" / "files.csv")) == 5
    assert len(pd.read_csv(tmp_path / "csv" / "reports_wide.csv")) == 5
    # the guard applies to what the cell says once escaped: a formula after a control character stays text
    cells = pd.DataFrame({"t": ["\r" + make_hostile.FORMULA, "=1+1\n", "a\tb\x00c", "@SUM(A1)", "plain"], "n": [1] * 5})
    assert list(guard_formulas(cells)["t"]) == ["\\r" + make_hostile.FORMULA, "'=1+1\\n", "a\\tb\\0c", "'@SUM(A1)", "plain"]


# --- 2. workers die with their driver; SIGTERM and SIGINT stop a batch cleanly -----------------------

# A driver whose extraction of any file named slow* takes a minute (patched before the workers fork).
SLOW_DRIVER = """
import sys, time
import pipeline.run
real = pipeline.run.extract
def extract(path):
    if "slow" in str(path):
        time.sleep(60)
    return real(path)
pipeline.run.extract = extract
from pipeline.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _start_slow(args, tmp_path):
    err = open(tmp_path / "stderr.txt", "wb")
    return subprocess.Popen([sys.executable, "-c", SLOW_DRIVER, *args], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=err)


def _wait_for(predicate, seconds: float, what: str):
    deadline = time.time() + seconds
    while time.time() < deadline:
        got = predicate()
        if got:
            return got
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _alive(pids) -> list[int]:
    left = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                left.append(pid)
        except psutil.NoSuchProcess:
            pass
    return left


def _workers_of(proc, n: int) -> list[int]:
    def found():
        try:
            kids = psutil.Process(proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return None
        return [k.pid for k in kids] if len(kids) >= n else None
    return _wait_for(found, 30, f"{n} worker processes")


def test_workers_die_within_seconds_when_the_driver_is_killed(tmp_path):
    src = tmp_path / "in"
    _write_reports(src, 4, prefix="slow")
    proc = _start_slow(["ingest", str(src), "--db", str(tmp_path / "j.sqlite"), "--workers", "2", "--quiet"], tmp_path)
    workers = []
    try:
        workers = _workers_of(proc, 2)
        time.sleep(0.5)  # both busy on a slow file
        assert proc.poll() is None
        proc.kill()  # kill -9 the driver alone
        proc.wait()
        _wait_for(lambda: not _alive(workers), 5, f"workers {workers} to die with their driver")
    finally:
        _kill_all(proc, workers)


def _kill_all(proc, workers) -> None:
    """Whatever a failed test left running: the driver's process group and the workers it had."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    for pid in _alive(workers):
        os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_or_sigint_stops_the_batch_with_what_was_done_committed(tmp_path, signum):
    src = tmp_path / "in"
    _write_reports(src, 3, seed=0, prefix="a")
    _write_reports(src, 2, seed=10, prefix="slow")
    db = tmp_path / "j.sqlite"
    proc = _start_slow(["ingest", str(src), "--db", str(db), "--workers", "1", "--quiet"], tmp_path)
    workers = []
    try:
        workers = _workers_of(proc, 1)

        def three_stored():
            try:
                return _one(db, "SELECT COUNT(*) FROM files") >= 3
            except sqlite3.Error:
                return False
        _wait_for(three_stored, 30, "the quick files to be stored")
        time.sleep(0.3)
        started = time.time()
        proc.send_signal(signum)
        code = proc.wait(timeout=15)
        assert time.time() - started < 10
        _wait_for(lambda: not _alive(workers), 5, "the workers to stop")
    finally:
        _kill_all(proc, workers)
    assert code == 128 + signum
    err = (tmp_path / "stderr.txt").read_text(encoding="utf-8")
    name = signal.Signals(signum).name
    assert _err_lines(err) == [f"jixiao: stopped by {name} (3 file(s) stored in this run); what was stored stays "
                               f"stored, a re-run goes on from there"]
    assert _one(db, "SELECT COUNT(*) FROM files WHERE status = 'done'") == 3
    assert _one(db, "SELECT COUNT(*) FROM claims") == 0
    assert _one(db, "PRAGMA integrity_check") == "ok"
    summary = ingest([src], db, workers=0, progress=False)  # the re-run, with the real (fast) extraction
    assert summary.extracted == 2 and summary.skipped == 3
    assert _one(db, "SELECT COUNT(*) FROM reports") == 5


# --- 3. retries ------------------------------------------------------------------------------------

def test_a_timed_out_file_is_said_again_and_tried_again_under_a_larger_limit(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / "evaluation_three_level.pdf", src / "slow.pdf")
    db = tmp_path / "j.sqlite"
    base = ["ingest", str(src), "--db", str(db), "--workers", "1", "--quiet"]
    assert main([*base, "--timeout", "0.01"]) == 1
    pdf = str((src / "slow.pdf").resolve())
    assert _err_lines(capsys.readouterr().err) == [f"jixiao: {pdf}: over the time limit (0.01 s)"]
    assert _rows(db, "SELECT failure, limit_value FROM files") == [("timeout", 0.01)]
    # the same limit: not tried again, but said, and the exit status is not 0
    assert main([*base, "--timeout", "0.01"]) == 1
    captured = capsys.readouterr()
    assert "0 failed" in captured.out and "1 failed before and not tried again" in captured.out
    assert _err_lines(captured.err) == [f"jixiao: {pdf}: failed before (over the time limit (0.01 s)); not tried again: "
                                        f"a larger --timeout or --retry-failed tries it again"]
    # --retry-failed tries it again (and it times out again)
    assert main([*base, "--timeout", "0.01", "--retry-failed"]) == 1
    captured = capsys.readouterr()
    assert "1 failed, " in captured.out and "1 failed before and tried again" in captured.out
    # a larger limit tries it again, without being asked
    assert main([*base, "--timeout", "300"]) == 0
    assert "1 extracted" in capsys.readouterr().out
    assert _rows(db, "SELECT status, failure FROM files") == [("done", None)]
    assert _one(db, "SELECT COUNT(*) FROM reports") >= 1


def test_a_failure_of_a_path_that_is_gone_does_not_stick_to_a_live_copy(tmp_path, monkeypatch):
    src = tmp_path / "in"
    (a,) = _write_reports(src, 1)
    db = tmp_path / "j.sqlite"
    real = pipeline.run.extract

    def deleted_meanwhile(path):  # the file goes between the walk and its extraction
        Path(path).unlink()
        return real(path)
    monkeypatch.setattr(pipeline.run, "extract", deleted_meanwhile)
    first = ingest([src], db, workers=0, progress=False)
    assert first.failed == 1 and first.failures[0][1] == "no such file"
    assert _rows(db, "SELECT status, failure FROM files") == [("failed", "unreadable")]
    monkeypatch.setattr(pipeline.run, "extract", real)
    (src / "copy.txt").write_text(make_hostile.report(0), encoding="utf-8")  # the same bytes, alive
    again = ingest([src], db, workers=0, progress=False, prune_missing=True)
    assert again.extracted == 1 and again.failed == 0 and again.pruned == 1
    assert _rows(db, "SELECT status FROM files") == [("done",)]
    assert _one(db, "SELECT COUNT(*) FROM reports") == 1


def test_a_version_3_database_is_migrated_with_its_failures_kinds(tmp_path):
    db = tmp_path / "old.sqlite"
    from pipeline.dataset.store import MIGRATIONS
    with sqlite3.connect(db) as c:
        for v in (1, 2, 3):
            for stmt in MIGRATIONS[v]:
                c.execute(stmt)
        c.execute("INSERT INTO meta VALUES ('schema_version', '3')")
        for sha, error in [("a", "timed out after 20 s"), ("b", "over the memory limit (512 MiB)"),
                           ("c", "no such file"), ("d", "not a readable PDF (x)")]:
            c.execute("INSERT INTO files (sha256, status, error) VALUES (?, 'failed', ?)", (sha, error))
    store = Store.open(db)
    try:
        assert store.version() == SCHEMA_VERSION
        kinds = dict((r[0], (r[1], r[2])) for r in store.query("SELECT sha256, failure, limit_value FROM files"))
    finally:
        store.close()
    assert kinds == {"a": ("timeout", 20.0), "b": ("memory", 512.0), "c": ("unreadable", None), "d": ("content", None)}


# --- 4. concurrent runs on one new database ---------------------------------------------------------

def _fork_cli(argv: list[str], log: Path) -> int:
    """`jixiao ARGV` in a forked child (the modules are loaded already: the children start together), its
    stdout and stderr into `log`; the child's pid."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        try:
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            sys.stdout = sys.stderr = open(1, "w", encoding="utf-8", closefd=False)
            code = main(argv)
        finally:
            sys.stdout.flush()
            os._exit(code)
    return pid


def test_two_ingests_started_together_on_one_new_database_both_succeed_once_each_file(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 20, seed=11)
    for k in range(10):
        db = tmp_path / f"j{k}.sqlite"
        argv = ["ingest", str(corpus), "--db", str(db), "--workers", "0", "--quiet"]
        logs = [tmp_path / f"{k}-{n}.log" for n in range(2)]
        pids = [_fork_cli(argv, log) for log in logs]
        codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
        outs = [log.read_text(encoding="utf-8") for log in logs]
        assert codes == [0, 0], outs
        assert _one(db, "SELECT COUNT(*) FROM files") == 20
        assert _one(db, "SELECT COUNT(*) FROM reports") == 20
        assert _one(db, "SELECT COUNT(DISTINCT sha256) FROM reports") == 20
        assert _one(db, "SELECT COUNT(*) FROM claims") == 0
        # no file extracted twice: the two runs' extractions add up to the corpus
        extracted = [int(out.split(" extracted")[0].rsplit(" ", 1)[1]) for out in outs]
        assert sum(extracted) == 20, outs


def test_migrating_one_new_database_from_many_threads_at_once(tmp_path):
    import threading
    db = tmp_path / "j.sqlite"
    errors = []

    def open_it():
        try:
            Store.open(db).close()
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
    threads = [threading.Thread(target=open_it) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and _one(db, "SELECT value FROM meta WHERE key = 'schema_version'") == str(SCHEMA_VERSION)


# --- 5. faults as messages ----------------------------------------------------------------------------

def _read_only(monkeypatch):
    """Open every SQLite database read-only, as a database file the user cannot write is opened."""
    real = sqlite3.connect

    def connect(database, *args, **kwargs):
        if str(database) != ":memory:" and not kwargs.get("uri"):
            database, kwargs["uri"] = f"{Path(database).absolute().as_uri()}?mode=ro", True
        return real(database, *args, **kwargs)
    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.mark.parametrize("how", ["mode=ro", "chmod"])
def test_a_read_only_database_is_one_line_exit_3_and_nothing_changes(tmp_path, capsys, monkeypatch, how):
    src = tmp_path / "in"
    _write_reports(src, 2)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    _write_reports(src, 3, seed=50, prefix="new")
    if how == "chmod":
        if not PERMISSIONS_HOLD:
            pytest.skip("root writes a read-only file; the mode=ro case covers it")
        db.chmod(0o444)
    else:
        _read_only(monkeypatch)
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet"]) == 3
    lines = _err_lines(capsys.readouterr().err)
    assert len(lines) == 1 and f"{db}: cannot write the database (read-only" in lines[0]
    monkeypatch.undo()
    assert _one(db, "SELECT COUNT(*) FROM files") == 2
    # export and audit still read it
    if how == "mode=ro":
        _read_only(monkeypatch)
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert len(pd.read_csv(tmp_path / "csv" / "reports.csv")) == 2


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def test_unwritable_destinations_are_one_line_exit_4(tmp_path, capsys):
    src = tmp_path / "in"
    _write_reports(src, 2)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    bad = tmp_path / "a_file" / "out"
    assert main(["export", "--db", str(db), "--out", str(bad)]) == 4
    assert _err_lines(capsys.readouterr().err) == [f"jixiao: {bad}: cannot write (Not a directory)"]
    assert main(["audit", "--db", str(db), "--html", str(bad / "a.html")]) == 4
    assert _err_lines(capsys.readouterr().err) == [f"jixiao: {bad / 'a.html'}: cannot write (Not a directory)"]
    if PERMISSIONS_HOLD:  # (root writes anywhere)
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        assert main(["export", "--db", str(db), "--format", "csv", "--out", str(locked)]) == 4
        assert "cannot write (Permission denied)" in capsys.readouterr().err
        assert main(["ingest", str(src), "--db", str(locked / "new.sqlite"), "--workers", "0", "--quiet"]) == 3
        assert _err_lines(capsys.readouterr().err) == [f"jixiao: {locked / 'new.sqlite'}: cannot create the database: "
                                                       f"the folder {locked} cannot be written (permission denied)"]
        assert list(locked.iterdir()) == []


def test_a_full_disk_during_export_or_audit_leaves_the_last_outputs_whole(tmp_path, capsys, monkeypatch):
    src = tmp_path / "in"
    _write_reports(src, 3)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    out = tmp_path / "csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(out)]) == 0
    assert main(["audit", "--db", str(db), "--html", str(tmp_path / "a.html")]) == 0
    before, html = _outputs(out), (tmp_path / "a.html").read_bytes()
    capsys.readouterr()
    real = pd.DataFrame.to_csv
    calls = []

    def to_csv(self, path, *args, **kwargs):  # the disk fills up while the third table is written
        calls.append(path)
        if len(calls) == 3:
            Path(path).write_bytes(b"half a ta")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(self, path, *args, **kwargs)
    monkeypatch.setattr(pd.DataFrame, "to_csv", to_csv)
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(out)]) == 4
    assert _err_lines(capsys.readouterr().err) == [f"jixiao: {out / 'checks.csv'}: cannot write (No space left on device)"]
    assert _outputs(out) == before  # every earlier file as it was, no temporary file left

    def write_text(self, text, *args, **kwargs):
        Path.write_bytes(self, text.encode("utf-8")[:100])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
    monkeypatch.setattr(Path, "write_text", write_text)
    assert main(["audit", "--db", str(db), "--html", str(tmp_path / "a.html")]) == 4
    assert "a.html: cannot write (No space left on device)" in capsys.readouterr().err
    assert (tmp_path / "a.html").read_bytes() == html
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.fixture
def small_disk(tmp_path):
    """A 32 MiB tmpfs (root only): a real full disk."""
    if not ROOT_USER or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mnt)], capture_output=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {res.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_a_full_disk_during_ingest_is_one_line_exit_3_and_a_rerun_completes(tmp_path, small_disk, capsys):
    src = tmp_path / "in"
    _write_reports(src, 40)
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (31 * 2**20))  # 1 MiB left: the paths and a few files' records
    db = small_disk / "j.sqlite"
    code = main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet"])
    captured = capsys.readouterr()
    assert code == 3, captured
    lines = _err_lines(captured.err)
    assert len(lines) == 1 and f"{db}: cannot write the database (" in lines[0] and "full" in lines[0]
    stored = _one(db, "SELECT COUNT(*) FROM files")
    assert 0 < stored < 40 and _one(db, "SELECT COUNT(*) FROM files WHERE status != 'done'") == 0
    filler.unlink()
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet"]) == 0
    assert _one(db, "SELECT COUNT(*) FROM files WHERE status = 'done'") == 40
    assert _one(db, "SELECT COUNT(DISTINCT sha256) FROM reports") == 40
    assert _one(db, "PRAGMA integrity_check") == "ok"


def test_an_unreadable_input_is_a_failed_row_and_is_tried_again(tmp_path, capsys, monkeypatch):
    src = tmp_path / "in"
    a, b = _write_reports(src, 2)
    db = tmp_path / "j.sqlite"
    denied = str(b.resolve())
    if not PERMISSIONS_HOLD:  # root reads everything: the permission error as the system would raise it
        real = ingest_module._open

        def guarded(item):
            if str(item) == denied:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), denied)
            return real(item)
        monkeypatch.setattr(ingest_module, "_open", guarded)
    else:
        b.chmod(0)
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet"]) == 1
    assert _err_lines(capsys.readouterr().err) == [f"jixiao: {denied}: cannot read: Permission denied"]
    assert _rows(db, "SELECT f.status, f.error, f.failure FROM files f JOIN paths p ON p.sha256 = f.sha256 "
                     "WHERE p.path = ?", (denied,)) == [("failed", "cannot read: Permission denied", "unreadable")]
    monkeypatch.undo()
    b.chmod(0o644)
    again = ingest([src], db, workers=0, progress=False)  # readable now: extracted, the failed row gone
    assert again.extracted == 1 and again.failed == 0 and again.skipped == 1
    assert _one(db, "SELECT COUNT(*) FROM files") == 2 and _one(db, "SELECT COUNT(*) FROM files WHERE status = 'failed'") == 0


# --- 6. symlinks ---------------------------------------------------------------------------------------

def test_symlinks_out_of_the_folders_given_are_not_followed_unless_asked(tmp_path, capsys):
    src, outside = tmp_path / "in", tmp_path / "outside"
    (a,) = _write_reports(src, 1)
    (secret,) = _write_reports(outside, 1, seed=30, prefix="secret")
    _write_reports(outside / "dir", 1, seed=40)
    (src / "link.txt").symlink_to(secret)
    (src / "linkdir").symlink_to(outside / "dir", target_is_directory=True)
    (src / "inner.txt").symlink_to(a)  # inside: the same file, once
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "1 file(s) seen: 1 extracted" in captured.out and "2 symbolic link(s)" in captured.out
    assert sorted(_err_lines(captured.err)) == sorted(
        f"jixiao: {src.resolve() / n}: a symbolic link out of the folders given, not followed (--follow-symlinks "
        f"follows it)" for n in ("link.txt", "linkdir"))
    assert [r[0] for r in _rows(db, "SELECT path FROM paths")] == [str(a.resolve())]
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet", "--follow-symlinks"]) == 0
    assert "3 file(s) seen: 2 extracted" in capsys.readouterr().out
    assert _one(db, "SELECT COUNT(*) FROM files") == 3


# --- 8. messages ----------------------------------------------------------------------------------------

def test_an_image_error_names_the_file_not_a_stream(tmp_path, capsys):
    fake = make_hostile.write_fake_image(tmp_path / "scan.png")
    assert main(["extract", str(fake), "--quiet"]) == 1
    lines = _err_lines(capsys.readouterr().err)
    assert lines[0].startswith(f"jixiao: {fake}: not a readable image") and "BytesIO" not in lines[0]
    assert "0x" not in lines[0]


def test_xlrd_chatter_stays_out_of_extracts_json(tmp_path):
    xls = make_hostile.write_padded_xls(tmp_path / "padded.xls")
    res = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(xls), "--quiet"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["source"]["format"] == "xls"
    assert "WARNING" not in res.stdout + res.stderr


def test_reasons_with_line_breaks_and_tracebacks_are_one_line(tmp_path, capsys, monkeypatch):
    src = tmp_path / "in"
    _write_reports(src, 2)

    def talkative(path):
        raise RuntimeError("first line\nTraceback (most recent call last):\n  File \"x.py\", line 1\nValueError: deep down")
    monkeypatch.setattr(pipeline.run, "extract", talkative)
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet"]) == 1
    lines = _err_lines(capsys.readouterr().err)
    assert len(lines) == 2 and all("r0" in x and "ValueError: deep down" in x and "File" not in x for x in lines)
    assert all("\n" not in r[0] for r in _rows(db, "SELECT error FROM files"))
    # an internal error is tried again when asked (a mended jixiao)
    monkeypatch.undo()
    assert ingest([src], db, workers=0, progress=False).skipped == 2
    assert ingest([src], db, workers=0, progress=False, retry_failed=True).extracted == 2


def test_which_stored_failures_a_rerun_tries_again():
    limits = ingest_module.Limits(timeout=60, max_memory_mb=2048, retry_failed=False)
    assert limits.retries("timeout", 30) and not limits.retries("timeout", 60) and not limits.retries("timeout", 90)
    assert limits.retries("memory", 1024) and not limits.retries("memory", 2048)
    assert ingest_module.Limits(timeout=None).retries("timeout", 300)  # no limit now: larger than any
    assert limits.retries("unreadable", None) and limits.retries("transient", None)
    assert not any(limits.retries(k, None) for k in ("crash", "error", "content"))
    asked = ingest_module.Limits(timeout=60, max_memory_mb=2048, retry_failed=True)
    assert all(asked.retries(k, 60) for k in ("timeout", "memory", "crash", "error")) and not asked.retries("content", None)


def test_a_folder_whose_own_name_is_not_utf8_is_walked_and_pruned(tmp_path):
    folder = os.fsencode(tmp_path) + b"/" + "档案".encode("gbk")
    os.mkdir(folder)
    src = Path(os.fsdecode(folder))
    a, b = _write_reports(src, 2)
    db = tmp_path / "j.sqlite"
    assert ingest([src], db, workers=0, progress=False).extracted == 2
    b.unlink()
    again = ingest([src], db, workers=0, progress=False, prune_missing=True)
    assert again.pruned == 1 and again.skipped == 1
    assert [r[0] for r in _rows(db, "SELECT path FROM paths")] == [ingest_module.shown(str(a.resolve()))]


# --- 9. limits that always hold: supervised workers, caps before the work ------------------------------

def _lift_caps(monkeypatch) -> None:
    """The caps of pipeline/load/limits.py off (inherited by the forked workers): what is left to hold a
    file that costs too much is the supervisor alone, as for any slow C call no cap foresees."""
    import pipeline.load.limits as caps
    for name, value in {"MAX_RENDER_PIXELS": 1e12, "MAX_OCR_PIXELS": 1e12, "MAX_ASPECT": 1e9, "MIN_SIDE_PX": 0}.items():
        monkeypatch.setattr(caps, name, value)


def test_a_pdf_page_whose_rendering_is_over_the_cap_is_skipped_and_said(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    pdf = make_hostile.write_slow_render_pdf(src / "slow_render.pdf")
    _write_reports(src, 1)
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet", "--timeout", "120"]) == 1
    (line,) = _err_lines(capsys.readouterr().err)
    assert line.startswith(f"jixiao: {pdf.resolve()}: no text on any page, not even by OCR; page 1 skipped: ")
    assert "326 Mpx at 130 dpi, over 40 Mpx" in line
    assert _rows(db, "SELECT status, failure FROM files ORDER BY status") == [("done", None), ("failed", "content")]


def test_the_time_limit_holds_inside_a_c_call_for_ingest_and_extract(tmp_path, capsys, monkeypatch):
    _lift_caps(monkeypatch)  # pdfium is asked for the 326 Mpx rendering: minutes in one render() call
    src = tmp_path / "in"
    src.mkdir()
    pdf = make_hostile.write_slow_render_pdf(src / "slow_render.pdf")
    (report,) = _write_reports(src, 1)
    db = tmp_path / "j.sqlite"
    started = time.monotonic()
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet", "--timeout", "3"]) == 1
    assert time.monotonic() - started < 60  # the render alone runs for minutes
    assert _err_lines(capsys.readouterr().err) == [f"jixiao: {pdf.resolve()}: over the time limit (3 s)"]
    assert _rows(db, "SELECT status, failure, limit_value FROM files ORDER BY status") == [
        ("done", None, None), ("failed", "timeout", 3.0)]
    # extract holds the same limit, and the file after it is still read
    assert main(["extract", str(pdf), str(report), "--timeout", "3", "--quiet", "-o", str(tmp_path / "out.json")]) == 1
    assert _err_lines(capsys.readouterr().err) == [f"jixiao: {pdf}: over the time limit (3 s)",
                                                   "jixiao: 1 of 2 file(s) failed or held no report"]
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["source"]["format"] == "text"


def test_thin_pngs_are_skipped_before_ocr_and_each_said(tmp_path, capsys):
    src = tmp_path / "in"
    thin = make_hostile.write_thin_pngs(src)
    _write_reports(src, 1)
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "1", "--quiet"]) == 1
    lines = _err_lines(capsys.readouterr().err)
    assert len(lines) == 3
    for path in thin.values():
        (line,) = [x for x in lines if f"/{path.name}:" in x]
        assert line.startswith(f"jixiao: {path.resolve()}: no text in the file; page 1 skipped: the image ")
        assert "no text to read" in line or "a strip, not a page" in line
    assert _one(db, "SELECT COUNT(*) FROM files") == 4 and _one(db, "SELECT COUNT(*) FROM reports") == 1


def test_the_memory_limit_acts_at_the_limit_and_says_so(tmp_path, monkeypatch):
    _lift_caps(monkeypatch)  # the 1×255 PNG then takes gigabytes in OCR
    src = tmp_path / "in"
    thin = make_hostile.write_thin_pngs(src)
    for name in ("1x1000", "1600x2"):
        thin.pop(name).unlink()
    _write_reports(src, 1)
    db = tmp_path / "j.sqlite"
    summary = ingest([src], db, workers=0, timeout=120, max_memory_mb=700, progress=False)
    assert summary.failures == [(str(thin["1x255"].resolve()), "over the memory limit (700 MiB)")]
    assert summary.extracted == 1 and summary.supervision.over_memory == 1
    assert summary.supervision.peak_worker_mib < 700 * 1.25  # polled every 50 ms: stopped near the limit
    assert _rows(db, "SELECT failure, limit_value FROM files WHERE status = 'failed'") == [("memory", 700.0)]
    # a larger limit tries it again (and the cap, back on, skips it at once)
    monkeypatch.undo()
    again = ingest([src], db, workers=0, max_memory_mb=2048, progress=False)
    assert again.retried == 1 and "page 1 skipped" in again.failures[0][1]


def test_a_worker_that_crashes_loses_no_file_and_says_how(tmp_path, monkeypatch):
    src = tmp_path / "in"
    _write_reports(src, 2)
    _write_reports(src, 1, seed=5, prefix="crash")
    real = pipeline.run.extract

    def crashing(path):
        if Path(path).name.startswith("crash"):
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(path)
    monkeypatch.setattr(pipeline.run, "extract", crashing)
    db = tmp_path / "j.sqlite"
    summary = ingest([src], db, workers=2, progress=False)
    assert summary.extracted == 2 and summary.failures == [
        (str((src / "crash00.txt").resolve()), "the worker process died on this file (crashed: SIGSEGV)")]
    assert _rows(db, "SELECT failure FROM files WHERE status = 'failed'") == [("crash",)]


def test_library_chatter_on_a_workers_stderr_stays_off_the_terminal(tmp_path, capfd, monkeypatch):
    src = tmp_path / "in"
    _write_reports(src, 2)
    real = pipeline.run.extract

    def talkative(path):  # what libtiff and onnxruntime do: write to file descriptors 1 and 2 directly
        os.write(2, b"TIFFReadDirectory: Warning, Unknown field with tag 33550 (0x830e) encountered.\n")
        os.write(1, b"2026-12-01 [W:onnxruntime:, graph.cc] Removing initializer\n")
        return real(path)
    monkeypatch.setattr(pipeline.run, "extract", talkative)
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "1", "--quiet"]) == 0
    out, err = capfd.readouterr()
    assert err == "" and out.startswith("2 file(s) seen: 2 extracted") and "TIFF" not in out + err
    assert main(["extract", str(src / "r00.txt"), "--quiet"]) == 0
    out, err = capfd.readouterr()
    assert err == "" and json.loads(out)["source"]["format"] == "text"


def test_a_shared_strings_workbook_is_refused_before_it_is_loaded(tmp_path, capsys):
    xlsx = make_hostile.write_shared_strings_xlsx(tmp_path / "poc-shared-strings.xlsx")
    assert xlsx.stat().st_size < 50_000  # under every zip-bomb limit
    assert main(["extract", str(xlsx), "--quiet"]) == 1
    assert _err_lines(capsys.readouterr().err)[0] == (
        f"jixiao: {xlsx}: refused: its cells would hold over 50 million characters "
        f"(a shared-strings, inline-strings or merged-cells bomb)")
    db = tmp_path / "j.sqlite"
    summary = ingest([xlsx], db, workers=0, progress=False)
    assert summary.failed == 1 and _rows(db, "SELECT failure FROM files") == [("content",)]


@pytest.mark.parametrize("sample, part", [("project_shanghai.docx", "word/document.xml"),
                                          ("selfeval_2021.xlsx", "xl/workbook.xml")])
def test_an_xxe_entity_past_the_first_4_kb_is_refused(tmp_path, capsys, sample, part):
    office = make_hostile.write_padded_xxe(tmp_path / f"padded{Path(sample).suffix}", sample, part)
    assert main(["extract", str(office), "--quiet"]) == 1
    assert _err_lines(capsys.readouterr().err)[0] == (
        f"jixiao: {office}: refused: '{part}' declares XML entities or a DTD (XXE)")
    db = tmp_path / "j.sqlite"
    summary = ingest([office], db, workers=0, progress=False)
    assert summary.failed == 1 and _one(db, "SELECT COUNT(*) FROM reports") == 0
    assert "root:" not in _one(db, "SELECT error FROM files")


# --- 10. not data; messages a person reads ---------------------------------------------------------------

def test_a_pdf_without_its_header_and_nul_bytes_are_refused_not_stored(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    no_header = make_hostile.write_not_pdf(src / "no_header.pdf")
    nul = make_hostile.write_nul_bytes(src / "nul.txt")
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet"]) == 1
    assert sorted(_err_lines(capsys.readouterr().err)) == sorted([
        f"jixiao: {no_header.resolve()}: not a PDF (no %PDF header): its content does not start as one",
        f"jixiao: {nul.resolve()}: binary data, not text (unknown format)"])
    assert _one(db, "SELECT COUNT(*) FROM reports") == 0
    assert _rows(db, "SELECT status FROM files") == [("failed",), ("failed",)]


def test_a_text_with_report_words_but_no_key_field_is_not_stored_as_a_report(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "notes.txt").write_text(
        "关于绩效的一些说明文字，这里谈到评价、指标、得分、权重、预算、资金与执行率等词语，但是没有具体的报告内容和"
        "任何表格，只有零散的数字 12.5% 和 30分 以及 4.5 这样的东西。这些文字来自一份测试材料，并非真正的报告。\n",
        encoding="utf-8")
    _write_reports(src, 1)
    db = tmp_path / "j.sqlite"
    summary = ingest([src], db, workers=0, progress=False)
    assert summary.reports == 1 and summary.not_reports == 1
    assert _rows(db, "SELECT document_class, class_reason FROM files WHERE document_class IS NOT NULL") == [
        ("not_report", "no key field read (no title, project, department, region, year, budget, executed amount, "
                       "rate, score, grade or indicator)")]


def test_an_encrypted_pdf_says_encrypted(tmp_path, capsys):
    from reportlab.pdfgen import canvas
    pdf = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(pdf), encrypt="secret")
    c.drawString(72, 720, "locked")
    c.save()
    assert main(["extract", str(pdf), "--quiet"]) == 1
    (line, _) = _err_lines(capsys.readouterr().err)
    assert line == f"jixiao: {pdf}: the PDF is encrypted (a password is needed to read it)"


def test_an_embedded_traceback_in_extract_is_one_line(tmp_path, capsys, monkeypatch):
    (a,) = _write_reports(tmp_path, 1)

    def ort(path):
        raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION\nTraceback (most recent call last):\n"
                           "  File \"rapidocr/inference.py\", line 9\nonnxruntime.RuntimeError: bad allocation")
    monkeypatch.setattr(pipeline.run, "extract", ort)
    assert main(["extract", str(a), "--quiet"]) == 1
    (line, _) = _err_lines(capsys.readouterr().err)
    assert line.startswith(f"jixiao: {a}: internal error (RuntimeError: [ONNXRuntimeError]")
    assert "bad allocation" in line and "File" not in line


def test_values_from_a_formula_or_an_external_workbook_are_marked_and_warned(tmp_path):
    xlsx = make_hostile.write_formula_xlsx(tmp_path / "linked.xlsx")
    (record,) = pipeline.run.extract(xlsx)
    budget, executed = record.provenance["/budget/budget_yuan"], record.provenance["/budget/executed_yuan"]
    assert (budget["formula"], budget["cell"], budget["external_link"]) == (True, "C6", True)
    assert (executed["formula"], executed["cell"]) == (True, "D6") and "external_link" not in executed
    (warning,) = [c for c in record.checks if c.id == "formula_values"]
    assert (warning.status, warning.severity) == ("warn", "warning")
    assert "2 value(s) come from a formula's cached result (1 from another workbook" in warning.message
    assert {e["pointer"] for e in warning.evidence} == {"/budget/budget_yuan", "/budget/executed_yuan"}
    # the same form with typed figures: nothing marked, no warning
    (typed,) = pipeline.run.extract(SAMPLES / "selfeval_2021.xlsx")
    assert not any(e.get("formula") for e in typed.provenance.values())
    assert [c.status for c in typed.checks if c.id == "formula_values"] == ["pass"]


# --- one render budget for the pages the audit and the review draw (issue 28 item 2) --------------------

def _slow_page(tmp_path) -> Path:
    # an A4-wide page of 3000 full-page fills: tiny on disk, seconds to draw at 144 dpi, under the pixel cap
    return make_hostile.write_slow_render_pdf(tmp_path / "slow.pdf", side_pt=595, fills=3000)


def test_a_page_slow_to_draw_is_stopped_and_said_while_the_others_are_drawn(tmp_path):
    from pipeline.render import render_pages
    from pipeline.supervise import FileLimits
    slow, fine = str(_slow_page(tmp_path)), str(SAMPLES / "selfeval_2021.pdf")
    got = render_pages([(slow, 1), (fine, 1), (fine, 9)], FileLimits(seconds=0.5), slots=2)
    assert got[(slow, 1)].png is None and "over the time limit (0.5 s)" in got[(slow, 1)].reason
    assert got[(fine, 1)].png.startswith(b"\x89PNG") and got[(fine, 1)].reason is None and got[(fine, 1)].scale == 2.0
    assert got[(fine, 9)].reason == "the file has no page 9" and got[(fine, 9)].no_page


def test_a_page_over_the_pixel_cap_is_not_drawn_and_says_so(tmp_path):
    from pipeline.render import render_page
    huge = str(make_hostile.write_slow_render_pdf(tmp_path / "huge.pdf", side_pt=10000, fills=1))
    drawn = render_page(huge, 1)
    assert drawn.png is None and "over 40 Mpx" in drawn.reason and "page 1" in drawn.reason


def test_the_audit_shows_why_a_cited_page_was_not_drawn(tmp_path, monkeypatch):
    import pipeline.render
    from pipeline.audit.crops import Box, CitedCell, PageImages, crop_cells
    from pipeline.supervise import FileLimits
    monkeypatch.setattr(pipeline.render, "RENDER_LIMITS", FileLimits(seconds=0.5))
    slow = str(_slow_page(tmp_path))
    pages = PageImages()
    pages.prefetch([(slow, 1)])
    [crop] = crop_cells(pages, slow, [CitedCell(1, 1, Box(10, 10, 50, 20))], [])
    assert crop.data_uri == "" and crop.numbers == (1,) and "over the time limit" in crop.note


def test_the_review_page_image_of_a_slow_page_is_a_placeholder_saying_why(tmp_path, monkeypatch):
    import pipeline.render
    from pipeline.review import pages
    from pipeline.supervise import FileLimits
    monkeypatch.setattr(pipeline.render, "RENDER_LIMITS", FileLimits(seconds=0.5))
    picture, kind = pages.page_png(str(_slow_page(tmp_path)), 1)
    assert kind == "image/svg+xml" and b"page 1 not drawn" in picture and b"over the time limit" in picture
    picture, kind = pages.page_png(str(SAMPLES / "selfeval_2021.pdf"), 1)
    assert kind == "image/png" and picture.startswith(b"\x89PNG")
    with pytest.raises(pages.PageError):
        pages.page_png(str(SAMPLES / "selfeval_2021.pdf"), 9)


# --- workbook caps on what the parts declare and what they hold (issue 28 item 6) -----------------------

@pytest.mark.parametrize("make, says", [
    (lambda p: make_hostile.write_shared_strings_xlsx(p, shared_part="strings/pool.xml"), "50 million characters"),
    (lambda p: make_hostile.write_merged_xlsx(p), "merged ranges cover over 1,000,000 cells"),
    (lambda p: make_hostile.write_merged_xlsx(p, ref="A1:T100000", length=32_000), "merged ranges cover"),
    (lambda p: make_hostile.write_merged_xlsx(p, ref="A1:E100000", length=32_000), "50 million characters"),
    (lambda p: make_hostile.write_inline_strings_xlsx(p, sheets=19, mib=9.9), "50 million characters"),
], ids=["renamed_shared_strings", "merged_whole_sheet", "long_cell_merged_2M", "long_cell_merged_500k", "inline_strings_19_sheets"])
def test_a_workbook_bomb_that_walks_around_the_names_is_refused_before_it_is_loaded(tmp_path, capsys, make, says):
    xlsx = make(tmp_path / "bomb.xlsx")
    assert main(["extract", str(xlsx), "--quiet", "--max-memory", "700"]) == 1
    line = _err_lines(capsys.readouterr().err)[0]
    assert line.startswith(f"jixiao: {xlsx}: refused: ") and says in line


def test_a_workbook_with_its_own_merged_title_is_not_refused(tmp_path):
    # a form's title merged over its columns, its text repeated into each: far under every cap
    xlsx = make_hostile.write_merged_xlsx(tmp_path / "title.xlsx", ref="A1:H2", text="项目支出绩效自评表", length=9)
    from pipeline.load import load
    assert "项目支出绩效自评表" in load(xlsx).text


def test_a_file_edited_in_place_with_its_time_set_back_is_extracted_again_under_verify(tmp_path):
    path = tmp_path / "in" / "r.txt"
    path.parent.mkdir()
    text = make_hostile.report(1)
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "j.sqlite"
    assert ingest([path.parent], db, workers=0, progress=False).extracted == 1
    stat = path.stat()
    path.write_text(text.replace("义务教育公用经费1", "义务教育公用经费7"), encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and its time set back
    assert ingest([path.parent], db, workers=0, progress=False).skipped == 1  # size and time say nothing
    summary = ingest([path.parent], db, workers=0, progress=False, verify=True)
    assert summary.extracted == 1 and summary.skipped == 0
    live = "SELECT project_name FROM reports WHERE sha256 IN (SELECT sha256 FROM paths)"
    assert _rows(db, live) == [("义务教育公用经费7",)]
    assert ingest([path.parent], db, workers=0, progress=False, verify=True).duplicates == 1  # unchanged: not again


def test_an_xlsx_export_onto_a_full_disk_is_one_line_and_no_traceback(tmp_path, small_disk):
    src = tmp_path / "in"
    _write_reports(src, 30)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    (small_disk / "filler").write_bytes(b"\0" * (32 * 2**20 - 48 * 1024))  # about 48 KB left: the workbook needs more
    out = small_disk / "x"
    res = subprocess.run([sys.executable, "-m", "pipeline", "export", "--db", str(db), "--format", "xlsx",
                          "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 4
    assert res.stderr.splitlines() == [f"jixiao: {out / 'jixiao.xlsx'}: cannot write (No space left on device)"]
    assert list(out.iterdir()) == []  # no half-written workbook, no temporary file


def _sleep_then_answer(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def test_an_answer_that_comes_past_the_limit_inside_one_tick_is_over_the_limit_all_the_same():
    # the supervisor reads the clock every TICK_S; a file that answers after its limit but before the next look
    # is over the limit all the same (the outcome must not depend on when the tick falls), and its worker is kept
    from pipeline.supervise import TICK_S, FileLimits, Overrun, Supervisor
    got = []
    with Supervisor(_sleep_then_answer, 1, FileLimits(seconds=TICK_S / 5)) as sup:
        sup.run([(TICK_S / 2,), (0.0,)], lambda job, result: got.append(result))
        died = sup.stats.died
    assert isinstance(got[0], Overrun) and got[0].failure == "timeout" and died == 0

"""The embedded dataset: SQLite (WAL) by default, PostgreSQL for a shared team database.

Tables: files (one row per distinct content, keyed by sha256, with its status), paths (every name a
content was seen under), reports, indicators, subprojects, items, checks, provenance; and the
auditor's review_verdicts and corrections (pipeline/review/ledger.py), which extracting a file again
leaves as they are. The schema has a version and a list of migrations; a database from an older version
is migrated on open.

Writes happen in one transaction per file, so a batch killed at any moment leaves every file either
fully stored or not at all. Migrations run under the database's write lock (SQLite: BEGIN IMMEDIATE;
PostgreSQL: an advisory lock) and re-read the version inside it, so two runs opening one new database
at once migrate it once. Concurrent ingests claim each file before extracting it (the `claims` table).
"""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from ..errors import JixiaoError
from ..verify.certainty import needs_look

SCHEMA_VERSION = 8

_V1 = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS files (sha256 TEXT PRIMARY KEY, size BIGINT, format TEXT, status TEXT NOT NULL,
        error TEXT, n_reports INTEGER, seconds DOUBLE PRECISION, extracted_at TEXT)""",
    """CREATE TABLE IF NOT EXISTS paths (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size BIGINT,
        mtime DOUBLE PRECISION, seen_at TEXT)""",
    """CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, report_index INTEGER NOT NULL,
        title TEXT, project_name TEXT, department TEXT, region TEXT, year INTEGER, kind TEXT,
        budget_yuan DOUBLE PRECISION, executed_yuan DOUBLE PRECISION, execution_rate DOUBLE PRECISION,
        total_weight DOUBLE PRECISION, total_score DOUBLE PRECISION, grade_stated TEXT, grade_derived TEXT,
        n_failed INTEGER, n_warned INTEGER, truncated INTEGER, record_json TEXT)""",
    """CREATE TABLE IF NOT EXISTS indicators (report_id TEXT NOT NULL, idx INTEGER NOT NULL, level INTEGER, code TEXT,
        name TEXT, parent INTEGER, weight DOUBLE PRECISION, score DOUBLE PRECISION, PRIMARY KEY (report_id, idx))""",
    """CREATE TABLE IF NOT EXISTS subprojects (report_id TEXT NOT NULL, idx INTEGER NOT NULL, name TEXT,
        amount_yuan DOUBLE PRECISION, PRIMARY KEY (report_id, idx))""",
    """CREATE TABLE IF NOT EXISTS items (report_id TEXT NOT NULL, subproject_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
        description TEXT, amount_yuan DOUBLE PRECISION, is_contract INTEGER, PRIMARY KEY (report_id, subproject_idx, idx))""",
    """CREATE TABLE IF NOT EXISTS checks (report_id TEXT NOT NULL, check_id TEXT NOT NULL, status TEXT, severity TEXT,
        message TEXT, expected TEXT, actual TEXT, PRIMARY KEY (report_id, check_id))""",
    """CREATE TABLE IF NOT EXISTS provenance (report_id TEXT NOT NULL, pointer TEXT NOT NULL, page INTEGER, text TEXT,
        bbox TEXT, PRIMARY KEY (report_id, pointer))""",
    "CREATE INDEX IF NOT EXISTS paths_sha ON paths (sha256)",
    "CREATE INDEX IF NOT EXISTS reports_sha ON reports (sha256)",
]
# v2: self-assessment rows keep their target and actual values; reports keep the source format.
_V2 = [
    "ALTER TABLE indicators ADD COLUMN target TEXT",
    "ALTER TABLE indicators ADD COLUMN actual TEXT",
    "ALTER TABLE indicators ADD COLUMN kind TEXT",
    "ALTER TABLE reports ADD COLUMN format TEXT",
]
# v3: a file that holds no report keeps its class and the reason (pipeline/classify.py); a report keeps
# its coverage (pipeline/coverage.py): the key parts and SPEC fields not read, the checks skipped.
_V3 = [
    "ALTER TABLE files ADD COLUMN document_class TEXT",
    "ALTER TABLE files ADD COLUMN class_reason TEXT",
    "ALTER TABLE reports ADD COLUMN key_missing TEXT",
    "ALTER TABLE reports ADD COLUMN fields_missing TEXT",
    "ALTER TABLE reports ADD COLUMN n_skipped INTEGER",
]
# v4: a failure keeps its kind (FAILURE_KINDS) and the limit it failed under, so a re-run knows what to
# retry; a path that is not valid UTF-8 or holds control characters keeps its raw bytes (`path` holds
# its escaped form) in raw_names, beside paths; concurrent ingests claim the files they extract.
_V4 = [
    "ALTER TABLE files ADD COLUMN failure TEXT",
    "ALTER TABLE files ADD COLUMN limit_value DOUBLE PRECISION",
    "CREATE TABLE IF NOT EXISTS raw_names (path TEXT PRIMARY KEY, raw BYTEA NOT NULL)",
    """CREATE TABLE IF NOT EXISTS claims (sha256 TEXT PRIMARY KEY, host TEXT, pid INTEGER, claimed_at DOUBLE PRECISION,
        expires_at DOUBLE PRECISION)""",
]
# v5: the auditor's review (pipeline/review/): a verdict on a failed check (confirmed | false_alarm) and a
# corrected value, each kept with its time and note beside the extracted record, never written over it;
# rows are only added, the latest for a check or a value is the one in force.
_V5 = [
    """CREATE TABLE IF NOT EXISTS review_verdicts (report_id TEXT NOT NULL, check_id TEXT NOT NULL, verdict TEXT NOT NULL,
        note TEXT, decided_at TEXT NOT NULL, PRIMARY KEY (report_id, check_id, decided_at))""",
    """CREATE TABLE IF NOT EXISTS corrections (report_id TEXT NOT NULL, pointer TEXT NOT NULL, field TEXT,
        old_value TEXT, new_value TEXT, note TEXT, corrected_at TEXT NOT NULL, PRIMARY KEY (report_id, pointer, corrected_at))""",
]
# v6: a verdict says how sure it is (pipeline/verify/certainty.py): what the figures gave (finding), certain or
# unsure, and why; a report counts the failures that need a look apart from its certain ones (n_failed).
# Reports stored before keep n_needs_look NULL: their checks were not weighed.
_V6 = [
    "ALTER TABLE checks ADD COLUMN finding TEXT",
    "ALTER TABLE checks ADD COLUMN certainty TEXT",
    "ALTER TABLE checks ADD COLUMN doubts TEXT",
    "ALTER TABLE reports ADD COLUMN n_needs_look INTEGER",
]
# v7: finance documents (部门决算 / 部门预算) kept in a table of their own with their performance-management
# summary (projects self-assessed, amount, average score, count per grade), never among the reports.
_V7 = [
    """CREATE TABLE IF NOT EXISTS finance_documents (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, report_index INTEGER,
        kind TEXT, title TEXT, department TEXT, region TEXT, year INTEGER, projects INTEGER, amount_yuan REAL,
        average_score REAL, grades TEXT, record_json TEXT)""",
]
# v8: the rows of a report point to it by foreign key (indicators, subprojects, items, checks, provenance →
# reports.id, deleted with it), so that datasette and sqlite-utils link them. The review's tables have none on
# purpose: a verdict or a correction outlives the extraction it was made on (pipeline/review/ledger.py).
REPORT_ROWS = ("indicators", "subprojects", "items", "checks", "provenance")


def _report_foreign_keys(store: Store) -> None:
    for table in REPORT_ROWS:
        # rows whose report is gone (left by an older jixiao) would break the key: they belong to nothing
        store.execute(f"DELETE FROM {table} WHERE report_id NOT IN (SELECT id FROM reports)")
        if store.dialect == "postgresql":
            store.execute(f"ALTER TABLE {table} ADD FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE")
            continue
        # SQLite adds no constraint to a table: it is made again with its own definition and the key
        sql = store.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))[0][0]
        at = sql.rstrip().rfind(")")
        create = sql[:at].replace(f"CREATE TABLE {table}", f"CREATE TABLE {table}_v8", 1) \
            .replace(f"CREATE TABLE IF NOT EXISTS {table}", f"CREATE TABLE {table}_v8", 1)
        store.execute(create + ", FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE)")
        store.execute(f"INSERT INTO {table}_v8 SELECT * FROM {table}")
        store.execute(f"DROP TABLE {table}")
        store.execute(f"ALTER TABLE {table}_v8 RENAME TO {table}")


_V8 = [_report_foreign_keys]
MIGRATIONS = {1: _V1, 2: _V2, 3: _V3, 4: _V4, 5: _V5, 6: _V6, 7: _V7, 8: _V8}
TABLES = ("files", "paths", "reports", "indicators", "subprojects", "items", "checks", "provenance")


class StoreError(JixiaoError):
    """The database cannot be opened or written."""


class StoreWriteError(StoreError):
    """The database cannot be written: read-only, the disk full, an I/O error. What was committed stays."""


# What a failed file failed on, and so whether a re-run tries it again (see pipeline/dataset/ingest.py):
#   timeout, memory  over --timeout / --max-memory (files.limit_value: the limit it failed under): tried
#                    again when the new limit is larger, or with --retry-failed;
#   crash, error     the worker died on it / an internal error: tried again with --retry-failed;
#   unreadable       the path could not be read (no such file, permission denied): belongs to the path,
#                    not the content; tried again on every run;
#   transient        an I/O error while reading, the .doc converter failing: tried again on every run;
#   content          the bytes are not a readable report (damaged, empty, not supported): never, the same
#                    bytes give the same answer.
FAILURE_KINDS = ("timeout", "memory", "crash", "error", "unreadable", "transient", "content")


def failure_kind(error: str | None) -> tuple[str, float | None]:
    """(kind, limit) of a stored failure reason: for the failures of an older jixiao, and for callers that
    pass a reason alone."""
    import regex
    text = error or ""
    m = regex.match(r"timed out after ([0-9.]+) s|over the time limit \(([0-9.]+) s\)", text)
    if m:
        return "timeout", float(m.group(1) or m.group(2))
    m = regex.match(r"over the memory limit \(([0-9]+) MiB\)", text)
    if m:
        return "memory", float(m.group(1))
    if text.startswith("out of memory"):
        return "memory", None
    if text.startswith(("the worker process died", "the Dask task failed")):
        return "crash", None
    if text.startswith("internal error"):
        return "error", None
    if text.startswith(("no such file", "permission denied", "is a folder", "cannot read: permission denied",
                        "cannot read: Permission denied", "cannot read: No such file")):
        return "unreadable", None
    if text.startswith("cannot read") or "LibreOffice could not convert" in text:
        return "transient", None  # the converter failing is no property of the bytes: tried again
    return "content", None


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


class Store:
    """One database connection. `Store.open(url)` takes a file path (SQLite) or a postgresql:// URL."""

    def __init__(self, conn, dialect: str, url: str, read_only: bool = False):
        self.conn = conn
        self.dialect = dialect
        self.url = url
        self.read_only = read_only  # opened for reading only (read-only media): export, audit and review work

    @classmethod
    def open(cls, url: str | Path, create: bool = True) -> Store:
        """Open the database. A SQLite file is created when missing and `create` is true, never its
        folder: a path whose folder does not exist, or (with `create` false) a file that does not
        exist, raises StoreError and nothing is made. PostgreSQL URLs are connected to as they are."""
        url = str(url)
        if url.startswith(("postgresql://", "postgres://")):
            try:
                import psycopg
                conn = psycopg.connect(url, autocommit=False)
            except Exception as exc:  # noqa: BLE001 - psycopg raises several types
                raise StoreError(f"{_redact(url)}: cannot connect ({type(exc).__name__}: {exc})") from None
            store = cls(conn, "postgresql", url)
        else:
            conn, read_only = _open_sqlite(url, create)
            store = cls(conn, "sqlite", url, read_only)
        try:
            if store.read_only and store.version() != SCHEMA_VERSION:
                raise StoreError(f"{url}: the database is read-only and written by another jixiao (schema "
                                 f"{store.version()}, this one reads {SCHEMA_VERSION}): copy it somewhere writable")
            if not store.read_only:
                store.migrate()
            if create:
                store.check_writable()
        except StoreError:
            store.close()
            raise
        except sqlite3.Error as exc:  # a file that is not a SQLite database, a locked one
            store.close()
            if _is_write_fault(exc):
                raise StoreWriteError(f"{url}: cannot write the database ({_write_fault(exc, url)})") from None
            raise StoreError(f"{url}: cannot open the database ({exc})") from None
        return store

    def check_writable(self) -> None:
        """Raise StoreWriteError now, before anything is done, when the database cannot be written
        (a read-only file or folder, a read-only mount): a write statement that changes nothing."""
        if self.dialect != "sqlite":
            return
        try:
            self.begin()
            try:
                self.execute("DELETE FROM meta WHERE 0 = 1")
            finally:
                self.rollback()
        except sqlite3.Error as exc:
            raise StoreWriteError(f"{self.url}: cannot write the database ({_write_fault(exc, self.url)})") from None

    # -- plumbing -----------------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Iterable = ()):
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            cur = self.conn.cursor()
            cur.executemany(self._sql(sql), rows)

    def query(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self.execute(sql, params).fetchall()

    def begin(self) -> None:
        if self.dialect == "sqlite":
            self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.commit() if self.dialect == "postgresql" else self.conn.execute("COMMIT")

    def rollback(self) -> None:
        try:
            self.conn.rollback() if self.dialect == "postgresql" else self.conn.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - nothing to roll back
            pass

    def close(self) -> None:
        self.conn.close()

    # -- schema -------------------------------------------------------------------------------------

    def version(self) -> int:
        try:
            rows = self.query("SELECT value FROM meta WHERE key = 'schema_version'")
        except Exception:  # noqa: BLE001 - no meta table yet
            self.rollback()
            return 0
        return int(rows[0][0]) if rows else 0

    def migrate(self) -> None:
        """Bring the schema to SCHEMA_VERSION. The version is read again under the write lock, so that
        of two runs opening one new database at once, the second finds the work done (no `duplicate
        column` from a migration run twice)."""
        current = self.version()
        if current == SCHEMA_VERSION:
            return
        if current > SCHEMA_VERSION:
            raise StoreError(f"{_redact(self.url)}: schema version {current} is newer than this jixiao ({SCHEMA_VERSION})")
        self._lock()
        try:
            self.execute(MIGRATIONS[1][0])  # the meta table, so that the version can be read in the lock
            rows = self.query("SELECT value FROM meta WHERE key = 'schema_version'")
            current = int(rows[0][0]) if rows else 0
            if current > SCHEMA_VERSION:
                raise StoreError(f"{_redact(self.url)}: schema version {current} is newer than this jixiao "
                                 f"({SCHEMA_VERSION})")
            for v in range(current + 1, SCHEMA_VERSION + 1):
                for stmt in MIGRATIONS[v]:
                    stmt(self) if callable(stmt) else self.execute(stmt)
                if v == 4:
                    self._backfill_failures()
                self.execute("DELETE FROM meta WHERE key = 'schema_version'")
                self.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(v),))
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def _lock(self) -> None:
        """Begin a transaction holding the database's write lock (waits for the busy timeout)."""
        if self.dialect == "sqlite":
            _retry_locked(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        else:
            self.execute("SELECT pg_advisory_xact_lock(?)", (0x6A69_7869,))  # 'jixi': one lock per database

    def _backfill_failures(self) -> None:
        """v4: the kind and limit of the failures an older jixiao stored, from their reasons."""
        for sha, error in self.query("SELECT sha256, error FROM files WHERE status = 'failed'"):
            kind, limit = failure_kind(error)
            self.execute("UPDATE files SET failure = ?, limit_value = ? WHERE sha256 = ?", (kind, limit, sha))

    # -- files and paths ----------------------------------------------------------------------------

    def path_row(self, path: str):
        rows = self.query("SELECT sha256, size, mtime FROM paths WHERE path = ?", (path,))
        return rows[0] if rows else None

    def file_status(self, sha256: str) -> str | None:
        rows = self.query("SELECT status FROM files WHERE sha256 = ?", (sha256,))
        return rows[0][0] if rows else None

    def file_row(self, sha256: str) -> tuple | None:
        """(status, failure kind, limit it failed under, extracted_at) of a stored content, or None."""
        rows = self.query("SELECT status, failure, limit_value, extracted_at FROM files WHERE sha256 = ?", (sha256,))
        return tuple(rows[0]) if rows else None

    def raw_path(self, path: str) -> bytes | None:
        """The raw bytes of a stored path whose stored form is escaped (not UTF-8, control characters)."""
        rows = self.query("SELECT raw FROM raw_names WHERE path = ?", (path,))
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def see_path(self, path: str, sha256: str, size: int, mtime: float, raw: bytes | None = None) -> None:
        """Record that `path` holds content `sha256`; a path whose content changed lets go of the old content.
        `raw`: the name's bytes when `path` is its escaped form."""
        self.begin()
        try:
            old = self.path_row(path)
            self.execute("DELETE FROM paths WHERE path = ?", (path,))
            self.execute("INSERT INTO paths (path, sha256, size, mtime, seen_at) VALUES (?, ?, ?, ?, ?)",
                         (path, sha256, size, mtime, now()))
            self.execute("DELETE FROM raw_names WHERE path = ?", (path,))
            if raw is not None:
                self.execute("INSERT INTO raw_names (path, raw) VALUES (?, ?)", (path, raw))
            if old and old[0] != sha256 and not self.query("SELECT 1 FROM paths WHERE sha256 = ?", (old[0],)):
                self._delete_content(old[0])
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def unresolved_paths(self) -> list[str]:
        """Stored paths that may not be in resolved form: relative, or with `.` or `..` parts (an older
        jixiao stored paths as they were given); URLs left out. A superset: the caller checks each."""
        # the patterns are parameters: a literal % in the SQL would be a placeholder to psycopg
        return [r[0] for r in self.query(
            "SELECT path FROM paths WHERE path NOT LIKE ? AND (path NOT LIKE ? OR path LIKE ? OR path LIKE ? "
            "OR path LIKE ? OR path LIKE ? OR path LIKE ?)", ("%://%", "/%", "%/./%", "%/../%", "%/.", "%/..", "%//%"))]

    def paths_under(self, prefix: str) -> list[str]:
        """Stored paths that begin with `prefix` (compared exactly: no LIKE wildcards, no collation)."""
        return [r[0] for r in self.query(f"SELECT path FROM paths WHERE substr(path, 1, {len(prefix):d}) = ?", (prefix,))]

    def rename_path(self, old: str, new: str) -> None:
        """Store path `old` under the name `new` (an old spelling of a path taken over by its resolved form)."""
        self.begin()
        try:
            self.execute("UPDATE paths SET path = ? WHERE path = ?", (new, old))
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def drop_paths(self, paths: Iterable[str]) -> int:
        """Forget these paths, in one transaction; a content whose last path goes is deleted with its
        records, a content another stored path still holds stays. The number of paths dropped."""
        paths = list(paths)
        if not paths:
            return 0
        dropped = 0
        self.begin()
        try:
            shas = set()
            for path in paths:
                row = self.path_row(path)
                if row is None:
                    continue
                self.execute("DELETE FROM paths WHERE path = ?", (path,))
                self.execute("DELETE FROM raw_names WHERE path = ?", (path,))
                shas.add(row[0])
                dropped += 1
            for sha in sorted(shas):
                if not self.query("SELECT 1 FROM paths WHERE sha256 = ?", (sha,)):
                    self._delete_content(sha)
            self.commit()
        except BaseException:
            self.rollback()
            raise
        return dropped

    def _delete_content(self, sha256: str) -> None:
        ids = [r[0] for r in self.query("SELECT id FROM reports WHERE sha256 = ?", (sha256,))]
        for table in ("indicators", "subprojects", "items", "checks", "provenance"):
            for rid in ids:
                self.execute(f"DELETE FROM {table} WHERE report_id = ?", (rid,))
        self.execute("DELETE FROM reports WHERE sha256 = ?", (sha256,))
        self.execute("DELETE FROM finance_documents WHERE sha256 = ?", (sha256,))
        self.execute("DELETE FROM files WHERE sha256 = ?", (sha256,))
        self.execute("DELETE FROM claims WHERE sha256 = ?", (sha256,))

    def save_result(self, sha256: str, size: int, status: str, records: list[dict], error: str | None,
                    seconds: float, fmt: str | None = None, document_class: str | None = None,
                    class_reason: str | None = None, failure: str | None = None, limit: float | None = None,
                    finance: list[dict] | None = None) -> None:
        """Store one file's outcome — its records, or its failure (its kind and the limit it failed under:
        FAILURE_KINDS), or the class of a file that holds no report — in one transaction, and let go of
        its claim."""
        if status == "failed" and failure is None:
            failure, limit = failure_kind(error)
        self.begin()
        try:
            self._delete_content(sha256)
            for rec in records:
                self._insert_record(sha256, rec)
            for rec in finance or []:
                self._insert_finance_document(sha256, rec)
            self.execute("INSERT INTO files (sha256, size, format, status, error, n_reports, seconds, extracted_at, "
                         "document_class, class_reason, failure, limit_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (sha256, size, fmt, status, error, len(records), seconds, _stamp(), document_class, class_reason,
                          failure if status == "failed" else None, limit if status == "failed" else None))
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def _insert_finance_document(self, sha256: str, rec: dict) -> None:
        index = int(rec.get("report_index") or 0)
        r, summary = rec["report"], rec.get("performance_summary") or {}
        self.execute(
            "INSERT INTO finance_documents (id, sha256, report_index, kind, title, department, region, year, projects, "
            "amount_yuan, average_score, grades, record_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (f"{sha256[:20]}:{index}", sha256, index, rec["source"].get("finance_kind"), r.get("title"),
             r.get("department"), r.get("region"), r.get("year"), summary.get("projects"), summary.get("amount_yuan"),
             summary.get("average_score"), json.dumps(summary.get("grades") or {}, ensure_ascii=False),
             json.dumps(rec, ensure_ascii=False)))

    def _insert_record(self, sha256: str, rec: dict) -> None:
        index = int(rec.get("report_index") or 0)
        rid = f"{sha256[:20]}:{index}"
        r, b, s, g, src = rec["report"], rec["budget"], rec["scores"], rec["grade"], rec["source"]
        checks = rec.get("checks") or []
        cov = rec.get("coverage") or {}
        self.execute(
            "INSERT INTO reports (id, sha256, report_index, title, project_name, department, region, year, kind, "
            "budget_yuan, executed_yuan, execution_rate, total_weight, total_score, grade_stated, grade_derived, "
            "n_failed, n_warned, truncated, record_json, format, key_missing, fields_missing, n_skipped, n_needs_look) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rid, sha256, index, r.get("title"), r.get("project_name"), r.get("department"), r.get("region"), r.get("year"),
             r.get("kind"), b.get("budget_yuan"), b.get("executed_yuan"), b.get("execution_rate"), s.get("total_weight"),
             s.get("total_score"), g.get("stated"), g.get("derived"),
             sum(1 for c in checks if c.get("status") == "fail"), sum(1 for c in checks if c.get("status") == "warn"),
             int(bool(src.get("truncated"))), json.dumps(rec, ensure_ascii=False), src.get("format"),
             ",".join(cov.get("key_missing") or []), ",".join(cov.get("missing") or []),
             len(cov.get("checks_skipped") or {}), sum(1 for c in checks if needs_look(c))))
        self.executemany(
            "INSERT INTO indicators (report_id, idx, level, code, name, parent, weight, score, target, actual, kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rid, i, x.get("level"), x.get("code"), x.get("name"), x.get("parent"), x.get("weight"), x.get("score"),
              x.get("target"), x.get("actual"), x.get("kind")) for i, x in enumerate(s.get("indicators") or [])])
        self.executemany("INSERT INTO subprojects (report_id, idx, name, amount_yuan) VALUES (?, ?, ?, ?)",
                         [(rid, i, sp.get("name"), sp.get("amount_yuan")) for i, sp in enumerate(rec.get("subprojects") or [])])
        self.executemany(
            "INSERT INTO items (report_id, subproject_idx, idx, description, amount_yuan, is_contract) VALUES (?, ?, ?, ?, ?, ?)",
            [(rid, i, k, it.get("description"), it.get("amount_yuan"), int(bool(it.get("is_contract"))))
             for i, sp in enumerate(rec.get("subprojects") or []) for k, it in enumerate(sp.get("items") or [])])
        self.executemany(
            "INSERT INTO checks (report_id, check_id, status, severity, message, expected, actual, finding, certainty, "
            "doubts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rid, c["id"], c["status"], c["severity"], c["message"], json.dumps(c.get("expected"), ensure_ascii=False),
              json.dumps(c.get("actual"), ensure_ascii=False), c.get("finding"), c.get("certainty"),
              json.dumps(c.get("doubts") or [], ensure_ascii=False)) for c in checks])
        self.executemany(
            "INSERT INTO provenance (report_id, pointer, page, text, bbox) VALUES (?, ?, ?, ?, ?)",
            [(rid, p, e.get("page"), e.get("text"), json.dumps(e.get("bbox"))) for p, e in (rec.get("provenance") or {}).items()])

    def save_unreadable(self, path: str, raw: bytes | None, size: int, mtime: float, error: str) -> None:
        """A path that could not even be read to hash it (permission denied): a failed row of its own,
        keyed by the path (`unread:` + sha256 of the name), tried again on the next run."""
        import hashlib
        key = "unread:" + hashlib.sha256(raw if raw is not None else path.encode("utf-8")).hexdigest()
        self.see_path(path, key, size, mtime, raw)
        self.save_result(key, size, "failed", [], error, 0.0, failure="unreadable")

    # -- claims: two ingests of one database never extract the same file -------------------------------

    def claim(self, sha256: str, stored_at: str | None, ttl: float) -> str | None:
        """Claim a content for extraction by this process. None when claimed; otherwise why not: 'done'
        (another run stored it since it was planned: its extracted_at is not `stored_at` any more) or
        'claimed' (another live run holds it). A claim whose process is gone (same host) or whose time
        ran out is taken over."""
        host, pid, t = socket.gethostname(), os.getpid(), time.time()
        self._lock()  # claims are taken one at a time, across every run on this database
        try:
            rows = self.query("SELECT extracted_at FROM files WHERE sha256 = ?", (sha256,))
            current = rows[0][0] if rows else None
            if current != stored_at:
                self.rollback()
                return "done"
            rows = self.query("SELECT host, pid, expires_at FROM claims WHERE sha256 = ?", (sha256,))
            if rows:
                c_host, c_pid, expires = rows[0]
                mine = c_host == host and c_pid == pid
                if not mine and (expires or 0) > t and not (c_host == host and not _alive(c_pid)):
                    self.rollback()
                    return "claimed"
                self.execute("DELETE FROM claims WHERE sha256 = ?", (sha256,))
            self.execute("INSERT INTO claims (sha256, host, pid, claimed_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                         (sha256, host, pid, t, t + ttl))
            self.commit()
        except BaseException:
            self.rollback()
            raise
        return None

    def release_claims(self) -> None:
        """Let go of every claim this process holds (the files it planned but did not finish)."""
        self.begin()
        try:
            self.execute("DELETE FROM claims WHERE host = ? AND pid = ?", (socket.gethostname(), os.getpid()))
            self.commit()
        except BaseException:
            self.rollback()
            raise

    def counts(self) -> dict[str, int]:
        return {t: self.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}


def _open_sqlite(url: str, create: bool) -> tuple[sqlite3.Connection, bool]:
    path = Path(url)
    if url != ":memory:":
        parent = path.parent
        if path.is_dir():
            raise StoreError(f"{url}: is a folder, not a database")
        if not path.exists():
            if not create:
                raise StoreError(f"{url}: no such database (jixiao ingest creates one)")
            if not parent.is_dir():
                reason = "is not a folder" if parent.exists() else "does not exist"
                raise StoreError(f"{url}: cannot create the database: the folder {parent} {reason}")
            if not os.access(parent, os.W_OK):
                raise StoreWriteError(f"{url}: cannot create the database: the folder {parent} cannot be written "
                                      f"(permission denied)")
    if not create and url != ":memory:" and not _writable(path):
        return _open_read_only(url, path), True
    try:
        if create or url == ":memory:":
            conn = sqlite3.connect(url, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        else:  # mode=rw: a file deleted meanwhile is an error, never a new empty database
            conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_S,
                                   isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000:d}")
        _retry_locked(lambda: conn.execute("PRAGMA journal_mode=WAL"))
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
    except (sqlite3.Error, OSError) as exc:
        if not create and isinstance(exc, sqlite3.Error) and _is_write_fault(exc):
            return _open_read_only(url, path), True  # read-only media, whatever the permissions said
        if isinstance(exc, sqlite3.Error) and _is_write_fault(exc) and "unable to open" not in str(exc):
            raise StoreWriteError(f"{url}: cannot write the database ({_write_fault(exc, url)})") from None
        raise StoreError(f"{url}: cannot open the database ({exc})") from None
    return conn, False


def _writable(path: Path) -> bool:
    """The file and its folder (where SQLite keeps its journal) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _open_read_only(url: str, path: Path):
    """A database on read-only media or in a folder that cannot be written, opened for reading only
    (export, audit, review): immutable, so that SQLite asks for no lock and no journal beside it."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None)
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")
    except sqlite3.Error as exc:
        raise StoreError(f"{url}: cannot open the database, even to read ({exc})") from None
    return conn


BUSY_TIMEOUT_S = 60  # how long a writer waits for another run's transaction before "database is locked"


def _retry_locked(step, seconds: float = BUSY_TIMEOUT_S):
    """Run `step`, again while SQLite says the database is locked or busy where its busy handler is not
    called (switching a new file to WAL while another connection does, WAL recovery)."""
    deadline = time.monotonic() + seconds
    delay = 0.01
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _stamp() -> str:
    """When a file's outcome was stored, to the microsecond: a claim compares it to tell whether another
    run stored the file since this one planned it."""
    t = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(t)) + f".{int(t % 1 * 1e6):06d}"


def _alive(pid) -> bool:
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, TypeError, ValueError):
        return True
    return True


def _is_write_fault(exc: BaseException) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    return name.startswith(("SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM")) or any(
        w in text for w in ("readonly", "read-only", "disk is full", "disk i/o error", "unable to open database file"))


def _write_fault(exc: BaseException, url: str | None = None) -> str:
    """A database write failure in words (for a read-only one, which file or folder is)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    low = text.lower()
    if name.startswith("SQLITE_READONLY") or "readonly" in low or "read-only" in low:
        return f"read-only{_read_only_where(url)}: {text}"
    if name.startswith("SQLITE_FULL") or "disk is full" in low:
        return f"the disk is full: {text}"
    return text


def _read_only_where(url: str | None) -> str:
    """Which of a SQLite database's files cannot be written (SQLite makes its -wal and -shm files with the
    database file's mode, so a database once opened read-only keeps read-only companions)."""
    if not url or url == ":memory:":
        return ""
    path = Path(url)
    for p in (path, Path(f"{url}-wal"), Path(f"{url}-shm")):
        if p.exists() and not os.access(p, os.W_OK):
            return f" ({p.name} cannot be written)"
    if path.parent.exists() and not os.access(path.parent, os.W_OK):
        return f" (its folder {path.parent} cannot be written)"
    return ""


def write_fault(url: str, exc: BaseException) -> StoreWriteError | None:
    """The StoreWriteError for a database error met while ingesting (None when it is no write fault)."""
    if isinstance(exc, sqlite3.Error) and _is_write_fault(exc):
        return StoreWriteError(f"{url}: cannot write the database ({_write_fault(exc, url)}); what was stored stays stored")
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return None
    if isinstance(exc, psycopg.Error):
        return StoreWriteError(f"{_redact(url)}: cannot write the database ({type(exc).__name__}: "
                               f"{' '.join(str(exc).split())}); what was stored stays stored")
    return None


def _redact(url: str) -> str:
    """A database URL without its password, for messages."""
    import regex
    return regex.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)

"""The `jixiao` command: a thin layer over the Python API.

Exit codes: 0 everything went in; 1 some files failed (each named on stderr, one line); 2 an input error,
nothing done; 3 the database cannot be written (read-only, the disk full), what was stored stays;
4 an output (export, audit, -o) cannot be written, nothing half-written left; 70 an internal error
(one line; JIXIAO_TRACEBACK=1 shows the traceback); 128+N stopped by signal N (130 Ctrl-C, 143 SIGTERM),
what was stored stays.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .classify import FINANCE, REPORT
from .errors import JixiaoError, RecordError
from .record import Record
from .verify import needs_look, verify

STATUS_MARK = {"pass": "ok  ", "fail": "FAIL", "warn": "warn", "skip": "skip", "look": "LOOK"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="jixiao", description="Performance-evaluation reports → verified records.")
    parser.add_argument("--version", action="version", version=f"jixiao {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract records from report files or folders")
    p.add_argument("files", nargs="+", help="report files (text, HTML, PDF, images, DOCX, XLSX, XLS) or folders, "
                                            "walked as ingest walks them")
    p.add_argument("--quiet", action="store_true", help="no summary line per record and no OCR progress on stderr")
    p.add_argument("-o", "--output", help="output file, or a folder for one JSON file per record (default: stdout)")
    p.add_argument("--format", choices=("json", "jsonl"), default="json",
                   help="json: one object (an array for several records); jsonl: one record per line")
    p.add_argument("--timeout", type=float, default=300,
                   help="seconds allowed per file (default 300; each file is read in a worker process, killed past it)")
    p.add_argument("--max-memory", type=int, default=3072, help="MiB of memory allowed per file (default 3072)")
    p.add_argument("--workers", type=int, default=1,
                   help="files read at once, each in its own worker process (default 1); the output keeps the "
                        "order the files were given and found in")

    p = sub.add_parser("check", help="re-run every check on a record JSON (after a correction by hand)")
    p.add_argument("record", help="a record JSON file (object, array of objects, or JSON lines)")
    p.add_argument("-o", "--output", help="write the record with the new verdicts here")

    p = sub.add_parser("ingest", help="extract every report under folders into the dataset (resumable)")
    p.add_argument("inputs", nargs="+", help="folders (searched recursively) and files")
    p.add_argument("--db", default="jixiao.sqlite",
                   help="SQLite file (created if missing; its folder must exist) or postgresql:// URL (default: jixiao.sqlite)")
    p.add_argument("--workers", type=int, default=None,
                   help="worker processes (default: the number of cores; 0 or 1: one), each watched by a supervisor")
    p.add_argument("--timeout", type=float, default=300,
                   help="seconds allowed per file (default 300): past it the file's worker is killed, whatever it runs")
    p.add_argument("--max-memory", type=int, default=3072,
                   help="MiB of memory allowed per file (default 3072): over it the file's worker is killed")
    p.add_argument("--executor", choices=("local", "dask"), default="local", help="local processes or a Dask cluster")
    p.add_argument("--scheduler", help="dask scheduler address tcp://HOST:PORT (default: a LocalCluster)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--prune", action="store_true",
                   help="drop from the database the files no longer found under the folders given")
    p.add_argument("--retry-failed", action="store_true",
                   help="extract again the files stored as failed on a time or memory limit, a crash or an internal "
                        "error (a larger --timeout or --max-memory tries those that failed on it anyway)")
    p.add_argument("--verify", action="store_true",
                   help="read and hash every file, even one whose size and modification time are unchanged, so a "
                        "file edited in place with its time set back is extracted again")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="follow symbolic links (files and folders) that point outside the folders given")

    p = sub.add_parser("export", help="write the dataset as tidy tables (parquet, csv, or one xlsx workbook)")
    p.add_argument("--db", default="jixiao.sqlite", help="an existing SQLite file or a postgresql:// URL")
    p.add_argument("--format", choices=("parquet", "csv", "xlsx"), default="parquet",
                   help="xlsx: one workbook (jixiao.xlsx in --out), a sheet per table")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--absolute-paths", action="store_true",
                   help="write the files' paths as stored (default: relative to the folder they all lie under, "
                        "which README.json names)")
    p.add_argument("--partition-by-year", action="store_true",
                   help="parquet: reports partitioned by year (year=unknown for reports whose year is unknown)")

    p = sub.add_parser("audit", help="write the auditor's report, one self-contained HTML file")
    p.add_argument("--db", default="jixiao.sqlite", help="an existing SQLite file or a postgresql:// URL")
    p.add_argument("--html", required=True, help="output HTML file")
    p.add_argument("--no-images", action="store_true", help="leave out the cropped page pictures")

    p = sub.add_parser("review", help="start the review server: the auditor's workbench over the database (local web pages)")
    p.add_argument("--db", default="jixiao.sqlite", help="an existing SQLite file or a postgresql:// URL")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8017, help="port to listen on (default 8017)")
    p.add_argument("--token", help="the token a browser must bring when --host is not this machine only "
                                   "(default: one is generated and printed in the address to open)")
    p.add_argument("--name", action="append", default=[], help="a name this machine is reached by on the network "
                                                              "(reports.lan); repeat for several")

    p = sub.add_parser("schema", help="print the record's JSON Schema (generated from the record types)")

    args = parser.parse_args(argv)
    try:
        if args.command == "schema":
            from .schema import record_schema
            print(json.dumps(record_schema(), ensure_ascii=False, indent=2))
            return 0
        if args.command == "extract":
            return _extract(args)
        if args.command == "check":
            return _check(args)
        if args.command == "ingest":
            return _ingest(args)
        if args.command == "export":
            return _export(args)
        if args.command == "review":
            return _review(args)
        return _audit(args)
    except JixiaoError as exc:
        _say(exc)
        return _exit_code(exc)
    except KeyboardInterrupt as exc:  # Ctrl-C, or ingest's Interrupted (SIGTERM, SIGINT) with the batch so far
        signum = getattr(exc, "signum", signal.SIGINT)
        try:
            name = signal.Signals(signum).name
        except ValueError:
            name = f"signal {signum}"
        summary = getattr(exc, "summary", None)
        done = f" ({summary.extracted + summary.failed} file(s) stored in this run)" if summary is not None else ""
        _say(f"stopped by {name}{done}; what was stored stays stored, a re-run goes on from there")
        return 128 + int(signum)
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback; JIXIAO_TRACEBACK=1 for the traceback
        if os.environ.get("JIXIAO_TRACEBACK"):
            raise
        _say(f"internal error ({type(exc).__name__}: {exc}); JIXIAO_TRACEBACK=1 shows where")
        return 70


def _exit_code(exc: JixiaoError) -> int:
    """3: the database cannot be written; 4: an output cannot be written; 2: any other input error.
    (The classes are looked up only where their module is loaded: `check` does not import pandas.)"""
    store, export = sys.modules.get("pipeline.dataset.store"), sys.modules.get("pipeline.dataset.export")
    if store is not None and isinstance(exc, store.StoreWriteError):
        return 3
    if export is not None and isinstance(exc, export.OutputError):
        return 4
    return 2


def _say(message) -> None:
    """One line on stderr: line breaks collapsed, names that are not UTF-8 escaped."""
    from .dataset.ingest import one_line
    print(f"jixiao: {one_line(str(message), limit=2000)}", file=sys.stderr)


def _ingest(args) -> int:
    from .dataset import ingest
    summary = ingest(args.inputs, args.db, workers=args.workers, timeout=args.timeout, max_memory_mb=args.max_memory,
                     progress=not args.quiet, executor=args.executor, scheduler=args.scheduler,
                     prune_missing=args.prune, retry_failed=args.retry_failed, follow_symlinks=args.follow_symlinks,
                     verify=args.verify)
    lines = [f"{path}: {reason}" for path, reason in summary.failures + summary.kept_failures]
    lines += [f"{link}: a symbolic link out of the folders given, not followed (--follow-symlinks follows it)"
              for link in summary.links]
    for line in lines[:50]:
        _say(line)
    if len(lines) > 50:
        _say(f"… and {len(lines) - 50} more (see the files table)")
    print(summary)
    for path, checks in summary.flagged[:20]:  # the reports that contradict themselves: what the auditor opens first
        print(f"flagged: {path}: {', '.join(checks)}")
    if summary.needs_look:
        print(f"{summary.needs_look} report(s) need a look (a check failed on a reading that is not sure: "
              f"jixiao audit lists them apart)")
    if len(summary.flagged) > 20:
        print(f"… and {len(summary.flagged) - 20} more flagged (jixiao audit --db {args.db} --html audit.html lists them all)")
    return 1 if summary.failed or summary.kept_failures else 0


def _export(args) -> int:
    from .dataset import Store, export
    store = Store.open(args.db, create=False)
    try:
        written = export(store, args.out, args.format, args.partition_by_year, args.absolute_paths)
    finally:
        store.close()
    by_path: dict = {}
    for name, path in written.items():  # a workbook holds every table: one line for it, naming its sheets
        by_path.setdefault(path, []).append(name)
    for path, names in by_path.items():
        print(f"{path}: {', '.join(names)}" if len(names) > 1 else f"{names[0]}: {path}")
    return 0


def _review(args) -> int:
    from .review.app import serve
    serve(args.db, args.host, args.port, args.token, tuple(args.name))
    return 0


def _audit(args) -> int:
    from .audit import build_audit
    from .dataset import Store
    store = Store.open(args.db, create=False)
    try:
        result = build_audit(store, args.html, images=not args.no_images)
    finally:
        store.close()
    print(f"{result['reports']} report(s), {result['flagged']} flagged: {result['path']}")
    return 0


@contextlib.contextmanager
def _stdout_to_stderr():
    """While files are read, whatever a library prints (xlrd's diagnostics, a C library writing to fd 1)
    goes to stderr, so that the records written to stdout stay valid JSON."""
    sys.stdout.flush()
    saved = None
    try:
        if sys.stdout.fileno() == 1 and sys.stderr.fileno() == 2:
            saved = os.dup(1)
            os.dup2(2, 1)
    except (AttributeError, OSError, ValueError):  # no real descriptors (captured by a test): Python level only
        saved = None
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        if saved is not None:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)


def _extract(args) -> int:
    from .dataset.ingest import discover, shown
    from .supervise import FileLimits, Overrun, Supervisor
    got_by_name: dict[str, list[Record]] = {}
    failures = 0
    missing = [n for n in args.files if not Path(n).exists()]
    found = {str(f): folder for folder in args.files if Path(folder).is_dir() for f in discover([folder])}
    names = list(dict.fromkeys([n for n in args.files if not Path(n).is_dir()] + list(found)))
    if not args.quiet:
        _show_ocr_progress()

    def admit(name: str) -> bool:
        nonlocal failures
        if name in missing:
            failures += 1
            _say(f"{shown(name)}: no such file or folder")
            return False
        return True

    def on_result(name: str, got) -> None:
        nonlocal failures
        label = shown(name)
        if isinstance(got, Overrun):
            failures += 1
            _say(f"{label}: {got.reason}")
            return
        if got.failure is not None:
            failures += 1
            _say(got.failure)
            return
        kept = [r for r in got.records if r.source.document_class in (None, REPORT, FINANCE)]
        for r in got.records:
            if r not in kept:
                _say(f"{label}: not a report: {r.source.document_class_reason}")
            elif not args.quiet:
                _say(_summary_line(label, r))
        if got.records and not kept:
            failures += 1
        got_by_name[name] = kept

    # each file is read in a supervised worker process: the time and memory limits hold in C code too
    limits = FileLimits(args.timeout or None, args.max_memory or None)
    with _stdout_to_stderr():
        Supervisor(extract_one, max(1, args.workers), limits).run(names, on_result, admit, lambda name: (name,))
    records = [r for name in names for r in got_by_name.get(name, [])]  # in the order given, whatever finished first
    try:
        _write(records, args.output, args.format, _output_names(names, found, got_by_name))
    except OSError as exc:
        _say(f"{args.output}: cannot write ({exc.strerror or exc})")
        return 4
    if failures:
        _say(f"{failures} of {len(names)} file(s) failed or held no report")
    return 1 if failures else 0


@dataclass
class Extracted:
    """What a worker hands back for one file: its records, or the line that says why it failed."""
    records: list[Record]
    failure: str | None = None


def extract_one(name: str) -> Extracted:
    """One file's records, read in a supervised worker (`extract`); a failure is a line naming the file."""
    from . import run
    from .dataset.ingest import one_line, shown
    label = shown(name)
    try:
        got = run.extract(name)
    except JixiaoError as exc:
        reason = getattr(exc, "reason", None)
        return Extracted([], f"{label}: {reason}" if reason is not None else str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file must not lose the rest of the batch
        return Extracted([], f"{label}: internal error ({type(exc).__name__}: {one_line(str(exc))})")
    for r in got:
        if r.source.path is not None:
            r.source.path = shown(str(r.source.path))
    return Extracted(got)


def _summary_line(name: str, r: Record) -> str:
    """One line a person scans: the file, its kind, budget, rate, total score, grade, the checks that failed
    (the report contradicts itself) and those that need a look (a failure resting on an unsure reading)."""
    if r.source.document_class == FINANCE:
        return _finance_line(name, r)
    money = r.budget
    failed = [c.id for c in r.checks if c.status == "fail"]
    unsure = [c.id for c in r.checks if needs_look(c)]
    budget = f"{money.budget_yuan:,.0f} 元" if money.budget_yuan is not None else "—"
    rate = f"{money.execution_rate:g}%" if money.execution_rate is not None else "—"
    total = f"{r.scores.total_score:g}" if r.scores.total_score is not None else "—"
    grade = r.grade.stated or r.grade.derived or "—"
    return (f"{name}: {r.report.kind or r.source.document_class or '?'}, budget {budget}, rate {rate}, "
            f"score {total}, grade {grade}, failed: {', '.join(failed) if failed else 'none'}"
            + (f", needs a look: {', '.join(unsure)}" if unsure else ""))


_FINANCE_KINDS = {"final_accounts": "final accounts (部门决算)", "budget": "budget (部门预算)",
                  "target_table": "performance targets (绩效目标表)"}


def _finance_line(name: str, r) -> str:
    """A finance document's line: what kind it is, whose, and its performance-management summary."""
    kind = _FINANCE_KINDS.get(r.source.finance_kind or "", "finance document")
    who = ", ".join(str(x) for x in (r.report.department, r.report.year) if x) or "—"
    s = r.performance_summary
    if s is None:
        return f"{name}: finance document, {kind}, {who}: no performance-management summary"
    grades = " ".join(f"{g}{n}" for g, n in s.grades.items()) or "—"
    amount = f"{s.amount_yuan:,.0f} 元" if s.amount_yuan is not None else "—"
    return (f"{name}: finance document, {kind}, {who}: {s.projects if s.projects is not None else '—'} projects "
            f"self-assessed, {amount}, average score {s.average_score if s.average_score is not None else '—'}, "
            f"grades {grades}")


def _show_ocr_progress() -> None:
    """OCR takes seconds a page: its per-page log lines go to stderr so that a long scan is seen moving."""
    import logging
    log = logging.getLogger("jixiao.ocr")
    if not any(getattr(h, "_jixiao", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("jixiao: %(message)s"))
        handler._jixiao = True
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def _output_names(names: list[str], found: dict[str, str], got: dict[str, list[Record]]) -> dict[int, str]:
    """For `-o FOLDER`: each record's file name in the folder, by id(record). A file found by walking a folder
    keeps its place below that folder (`a/r.xlsx` → `a/r.json`), a file given by name goes to the top; a file
    whose stem another file of its folder shares keeps its suffix (`b/r.docx.json`, `b/r.xlsx.json`); the same
    name from two folders given by name is told apart by a number (`r~2.json`); a file holding several
    reports gives one per report (`r.0.json`)."""
    def place(name: str) -> Path:
        folder = found.get(name)
        return Path(os.path.relpath(name, folder)) if folder is not None else Path(Path(name).name)

    places = {name: place(name) for name in names}
    suffixes: dict[tuple[str, str], set[str]] = {}
    for where in places.values():
        suffixes.setdefault((str(where.parent), where.stem), set()).add(where.suffix)
    out, used = {}, set()
    for name in names:
        where = places[name]
        base = where.name if len(suffixes[(str(where.parent), where.stem)]) > 1 else where.stem
        stem = str(where.parent / base) if str(where.parent) != "." else base
        for r in got.get(name, []):
            one = stem + (f".{r.extra['report_index']}" if "report_index" in r.extra else "")
            candidate, n = one, 1
            while candidate in used:
                n += 1
                candidate = f"{one}~{n}"
            used.add(candidate)
            out[id(r)] = candidate + ".json"
    return out


def _write(records: list[Record], output: str | None, fmt: str, names: dict[int, str] | None = None) -> None:
    if output and (Path(output).is_dir() or output.endswith(("/", "\\"))):
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        for r in records:
            path = folder / (names or {}).get(id(r), Path(r.source.path or "record").stem + ".json")
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_file(path, r.to_json() + "\n")
        return
    if not records:
        return  # nothing read (each file's reason is on stderr): no empty array in the record's place
    if fmt == "jsonl":
        body = "".join(r.to_json(indent=None) + "\n" for r in records)
    elif len(records) == 1:
        body = records[0].to_json() + "\n"
    else:
        body = json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2) + "\n"
    if output:
        _write_file(Path(output), body)
    else:
        sys.stdout.write(body)


def _write_file(path: Path, text: str) -> None:
    """A temporary name beside `path`, renamed into place: a failure leaves no half-written file (OSError). A
    device or a pipe (`-o /dev/null`) is written to: renaming a file over it would replace the device."""
    from .dataset.export import is_stream
    if is_stream(path):
        path.write_text(text, encoding="utf-8")
        return
    tmp = path.with_name(f".{path.name}.jixiao-{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.filename is not None and str(exc.filename) == str(tmp):
            exc.filename = str(path)
        raise


def read_records(path: str) -> list[Record]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RecordError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise RecordError(f"{path}: cannot read ({exc})") from None
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        try:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise RecordError(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from None
    from .schema import validate_record
    try:
        for x in items:
            validate_record(x)  # a non-record or a wrongly typed field is named before any check runs
        return [Record.from_dict(x) for x in items]
    except RecordError as exc:
        raise RecordError(f"{path}: {exc}") from None


def _check(args) -> int:
    try:
        records = read_records(args.record)
    except RecordError as exc:
        print(f"jixiao: {exc}", file=sys.stderr)
        return 2
    any_fail = False
    for r in records:
        verify(r)
        print(f"# {r.report.title or r.source.path}")
        for c in r.checks:
            any_fail |= c.status == "fail"
            figures = "" if c.status in ("pass", "skip") or (c.expected is None and c.actual is None) \
                else f"  [expected {c.expected}, actual {c.actual}]"
            mark = STATUS_MARK["look"] if needs_look(c) else STATUS_MARK.get(c.status, c.status)
            print(f"{mark:4}  {c.id:26} {c.message}{figures}")
    if args.output:
        try:
            _write(records, args.output, "json")
        except OSError as exc:
            _say(f"{args.output}: cannot write ({exc.strerror or exc})")
            return 4
    return 1 if any_fail else 0

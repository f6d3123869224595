"""Bulk ingest: every report under the given folders into the dataset, once per distinct content.

* Files are keyed by sha256: a re-run skips what is stored, a changed file is extracted again, and the
  same content under two names is stored once with both paths.
* Extraction runs in worker processes (`--workers`, default: the number of cores). Each file runs
  under a time limit and a memory limit inside its worker; a file that exceeds them, crashes its
  worker or cannot be read is stored as failed with the reason, and the batch goes on.
* Only this process (the driver) writes the database, one transaction per file: killed at any
  moment, a re-run finishes the batch with every file stored exactly once.
* Paths are stored resolved (absolute, no `..`, symlinks followed), so the same file reached from
  another working directory or by another spelling is one path. `prune=True` drops the stored paths
  under the input folders that the walk no longer finds, and a content's records with its last path.
"""
from __future__ import annotations

import _thread
import hashlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pathspec import GitIgnoreSpec

from ..classify import REPORT
from ..errors import JixiaoError
from .store import Store

SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
SKIP_SUFFIXES = {".json", ".jsonl", ".sqlite", ".sqlite-wal", ".sqlite-shm", ".db", ".py", ".pyc", ".tmp", ".lock"}


class IngestError(JixiaoError):
    """An input that cannot be ingested (a missing file or folder); raised before anything is created."""


@dataclass
class Task:
    path: str
    sha256: str
    size: int
    paths: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    sha256: str
    status: str  # done | failed
    records: list[dict]
    error: str | None
    seconds: float
    format: str | None = None
    document_class: str | None = None  # a file whose records are no report: their class and reason
    class_reason: str | None = None


@dataclass
class IngestSummary:
    seen: int = 0
    skipped: int = 0
    duplicates: int = 0
    extracted: int = 0
    failed: int = 0
    reports: int = 0
    not_reports: int = 0  # files that hold no report (stored with their class and reason)
    seconds: float = 0.0
    pruned: int | None = None  # None: no prune asked for
    failures: list[tuple[str, str]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # folders the walk could not list (kept by a prune)

    def __str__(self) -> str:
        rate = self.extracted / self.seconds if self.seconds else 0.0
        pruned = "" if self.pruned is None else f", pruned {self.pruned} file(s)"
        others = f", {self.not_reports} not a report" if self.not_reports else ""
        return (f"{self.seen} file(s) seen: {self.extracted} extracted ({self.reports} report(s){others}), {self.failed} failed, "
                f"{self.skipped} already stored, {self.duplicates} duplicate(s){pruned}; "
                f"{self.seconds:.1f} s ({rate:.1f} files/s)")


# --- discovery ---------------------------------------------------------------------------------------

def is_url(item) -> bool:
    return isinstance(item, str) and "://" in item


def _fs(url: str):
    import fsspec
    return fsspec.core.url_to_fs(url)


def discover(inputs: Iterable[str | Path], unreadable: list[tuple[str, str]] | None = None) -> Iterator[Path | str]:
    """Files under the inputs, recursively, in a stable order, each by its resolved path (the same file
    reached as `in/a.txt`, `./x/../in/a.txt` or `/home/me/in/a.txt` is one path); symlinked folders are
    not followed (a symlink loop cannot trap the walk) and hidden or tool files are left out, as is
    whatever a `.jixiaoignore` in the folder or any folder above it (up to the input) excludes. An input
    written as a URL (s3://bucket/archive, file:///mnt/archive) is listed through fsspec and yields URLs.
    A folder that cannot be listed is added to `unreadable` as (path, reason)."""
    seen: set[str] = set()
    for item in inputs:
        if is_url(str(item)):
            yield from _discover_url(str(item), seen)
            continue
        p = Path(item)
        if p.is_file():
            key = str(p.resolve())
            if key not in seen:
                seen.add(key)
                yield Path(key)
            continue
        if not p.is_dir():
            continue
        for f in _walk(p.resolve(), unreadable):
            try:
                if not f.is_file():  # a dangling symlink, a socket
                    continue
                key = str(f.resolve())
            except (OSError, RuntimeError):  # a symlink loop on the file itself
                continue
            if key not in seen:
                seen.add(key)
                yield Path(key)


IGNORE_FILE = ".jixiaoignore"


def _walk(top: Path, unreadable: list[tuple[str, str]] | None = None) -> Iterator[Path]:
    """The files under `top` that no hidden name or ignore file leaves out. A `.jixiaoignore` works as
    git's nested .gitignore files do: it holds gitignore patterns (negation with `!`, anchored `/name`,
    `name/` for folders, `**`) matched against paths relative to its own folder, it applies to that
    folder and everything below it, and the deepest file with a matching pattern decides. A folder that
    is left out is not entered, so nothing inside it can be brought back."""
    def on_error(exc: OSError) -> None:
        if unreadable is not None:
            unreadable.append((str(exc.filename or top), f"cannot read the folder: {exc.strerror or exc}"))

    chains: dict[str, list[tuple[str, GitIgnoreSpec]]] = {"": []}  # folder (relative to top) → the ignore files over it
    for root, dirs, files in os.walk(top, onerror=on_error, followlinks=False):
        rel = Path(os.path.relpath(root, top)).as_posix()
        rel = "" if rel == "." else rel
        chain = chains.pop(rel, [])
        if IGNORE_FILE in files:
            spec = _ignore_spec(Path(root) / IGNORE_FILE)
            if spec is not None:
                chain = [*chain, (rel, spec)]
        kept = []
        for d in sorted(dirs):
            child = f"{rel}/{d}" if rel else d
            if d.startswith(".") or _ignored(child, True, chain):
                continue
            kept.append(d)
            chains[child] = chain
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith(".") or name in SKIP_NAMES or Path(name).suffix.lower() in SKIP_SUFFIXES:
                continue
            if _ignored(f"{rel}/{name}" if rel else name, False, chain):
                continue
            yield Path(root) / name


def _ignore_spec(path: Path) -> GitIgnoreSpec | None:
    """The patterns of one .jixiaoignore (gitignore syntax; # comments), for archives that keep other
    material beside the reports; an unreadable file counts as none."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return GitIgnoreSpec.from_lines(lines) if any(x.strip() for x in lines) else None


def _ignored(rel: str, is_dir: bool, chain: list[tuple[str, GitIgnoreSpec]]) -> bool:
    """Whether the ignore files over `rel` (a posix path relative to the walk's top, outermost file
    first) leave it out: each matches the path relative to its own folder, the deepest match decides."""
    verdict = False
    for base, spec in chain:
        sub = rel[len(base) + 1:] if base else rel
        include = spec.check_file(sub + "/" if is_dir else sub).include
        if include is not None:
            verdict = include
    return verdict


def _discover_url(url: str, seen: set[str]) -> Iterator[str]:
    fs, root = _fs(url)
    names = sorted(fs.find(root)) if fs.isdir(root) else [root]
    for name in names:
        base = name.rsplit("/", 1)[-1]
        if base.startswith(".") or base in SKIP_NAMES or Path(base).suffix.lower() in SKIP_SUFFIXES:
            continue
        full = fs.unstrip_protocol(name)
        if full not in seen:
            seen.add(full)
            yield full


def _stat(item) -> tuple[int, float]:
    """(size, modification time) of a path or URL."""
    if is_url(item):
        fs, name = _fs(item)
        info = fs.info(name)
        mtime = info.get("mtime") or info.get("LastModified") or info.get("created") or 0
        return int(info.get("size") or 0), float(mtime.timestamp() if hasattr(mtime, "timestamp") else mtime)
    st = Path(item).stat()
    return st.st_size, st.st_mtime


def _open(item):
    if is_url(item):
        fs, name = _fs(item)
        return fs.open(name, "rb")
    return Path(item).open("rb")


def sha256_of(path) -> str:
    h = hashlib.sha256()
    with _open(path) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check_inputs(inputs: Iterable[str | Path]) -> None:
    """Every local input must exist (URLs are listed, and fail file by file, as they are read)."""
    for item in inputs:
        if is_url(str(item)):
            continue
        p = Path(item)
        try:
            exists = p.exists()
        except OSError as exc:
            raise IngestError(f"{item}: cannot read ({exc.strerror or exc})") from None
        if not exists:
            raise IngestError(f"{item}: no such file or folder")
        if not (p.is_dir() or p.is_file()):
            raise IngestError(f"{item}: not a file or folder")


def legacy_paths(store: Store) -> dict[str, list[str]]:
    """Stored local paths that are not in resolved form (relative, or with `.`/`..` in them: written by
    an older jixiao), by the path they resolve to from the working directory. A re-ingest renames them
    to that form when it finds the file there, instead of storing the file a second time."""
    found: dict[str, list[str]] = {}
    for path in store.unresolved_paths():
        if is_url(path) or (os.path.isabs(path) and os.path.normpath(path) == path):
            continue
        try:
            key = str(Path(path).resolve())
        except (OSError, RuntimeError):
            continue
        if key != path:
            found.setdefault(key, []).append(path)
    return found


def plan(store: Store, inputs: Iterable[str | Path], summary: IngestSummary, present: set[str] | None = None,
         legacy: dict[str, list[str]] | None = None) -> list[Task]:
    """The files still to extract; every path is recorded against its content on the way. `present`
    collects every path found; `legacy` (from `legacy_paths`) are old spellings of paths, taken over
    by the resolved path when the walk finds it."""
    tasks: dict[str, Task] = {}
    if legacy is None:
        legacy = legacy_paths(store)
    unreadable: list[tuple[str, str]] = []
    for f in discover(inputs, unreadable):
        summary.seen += 1
        name = str(f)
        if present is not None:
            present.add(name)
        try:
            size, mtime = _stat(f)
            known = store.path_row(name)
            old = legacy.pop(name, None)
            if old:  # stored by an older jixiao under a relative name: the same file, one path
                if known is None:
                    store.rename_path(old[0], name)
                    old = old[1:]
                    known = store.path_row(name)
                store.drop_paths(old)
            if known and known[1] == size and known[2] == mtime and store.file_status(known[0]):
                summary.skipped += 1  # same size and time as when it was stored: not read again
                continue
            sha = sha256_of(f)
        except OSError as exc:
            summary.failed += 1
            summary.failures.append((name, f"cannot read: {exc.strerror or exc}"))
            continue
        store.see_path(name, sha, size, mtime)
        if store.file_status(sha):
            summary.duplicates += 1  # this content is stored (under another name or from a previous run)
            continue
        if sha in tasks:
            tasks[sha].paths.append(name)
            summary.duplicates += 1
            continue
        tasks[sha] = Task(name, sha, size, [name])
    for folder, reason in unreadable:
        summary.failed += 1
        summary.failures.append((folder, reason))
        summary.unreadable.append(folder)
    return list(tasks.values())


def _folder_prefix(item: str | Path) -> str | None:
    """How every stored path under a folder input begins ("/abs/folder/", "file:///abs/folder/"); None for
    an input that is a single file."""
    if is_url(str(item)):
        fs, root = _fs(str(item))
        return fs.unstrip_protocol(root).rstrip("/") + "/" if fs.isdir(root) else None
    p = Path(item)
    if not p.is_dir():
        return None
    return os.path.join(str(p.resolve()), "")


def prune(store: Store, inputs: Iterable[str | Path], present: set[str],
          legacy: dict[str, list[str]] | None = None, unreadable: Iterable[str] = ()) -> int:
    """Drop the stored paths under the folder inputs that are not in `present` (the paths this walk
    found: a file deleted, moved away or now ignored); a content goes with its last path. Paths outside
    those folders, and under a folder the walk could not read (`unreadable`), are not touched. The
    number of paths dropped."""
    prefixes = [x for x in (_folder_prefix(i) for i in inputs) if x]
    if not prefixes:
        return 0
    keep = tuple(os.path.join(u, "") for u in unreadable)
    gone: set[str] = set()
    for prefix in prefixes:
        gone.update(p for p in store.paths_under(prefix) if p not in present)
    for resolved, olds in (legacy if legacy is not None else legacy_paths(store)).items():
        if resolved not in present and resolved.startswith(tuple(prefixes)):
            gone.update(olds)  # an old relative name of a file that is no longer there
    return store.drop_paths(sorted(g for g in gone if not (keep and _resolved(g).startswith(keep))))


def _resolved(path: str) -> str:
    return path if is_url(path) or os.path.isabs(path) else str(Path(path).resolve())


# --- work in a worker process ----------------------------------------------------------------------

class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` on the way can swallow it."""


def _on_alarm(signum, frame):  # noqa: ARG001
    raise _Timeout()


class _ThreadTimeout:
    """The time limit for a file extracted in a worker thread (a Dask worker), where no alarm signal
    reaches: the exception is raised in that thread when its limit passes."""

    def __init__(self, seconds: float):
        self.thread_id = threading.get_ident()
        self.lock = threading.Lock()
        self.done = False
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self) -> None:
        import ctypes
        with self.lock:
            if not self.done:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id), ctypes.py_object(_Timeout))

    def stop(self) -> None:
        with self.lock:
            self.done = True
        self.timer.cancel()


_memory = {"limit": None, "over": False}


def init_worker(max_memory_mb: int | None) -> None:
    """A worker ignores Ctrl-C (the driver handles it) and watches its own memory: over the limit,
    the file it works on is interrupted and stored as failed; far over it, the worker exits and
    the driver stores the file as failed. (An address-space rlimit would not do: onnxruntime
    reserves gigabytes of address space it never touches.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if max_memory_mb:
        _memory["limit"] = max_memory_mb * 1024 * 1024
        threading.Thread(target=_watch_memory, daemon=True).start()


def _rss() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _watch_memory() -> None:
    limit = _memory["limit"]
    while True:
        time.sleep(0.2)
        rss = _rss()
        if rss > limit and not _memory["over"]:
            _memory["over"] = True
            _thread.interrupt_main()
        if rss > 1.5 * limit:
            os._exit(137)


def extract_file(path: str, sha256: str, timeout: float | None) -> Outcome:
    """Extract one file; every failure becomes an Outcome with its reason (never an exception)."""
    from ..errors import JixiaoError
    from ..run import extract

    start = time.perf_counter()
    in_main = threading.current_thread() is threading.main_thread()
    use_alarm = bool(timeout) and hasattr(signal, "SIGALRM") and in_main
    guard = _ThreadTimeout(timeout) if timeout and not in_main else None
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        records = _extract_any(path, extract)
        data = [r.to_dict() for r in records]
        fmt = data[0]["source"]["format"] if data else None
        # only reports go into the report tables; a file holding none keeps its class and the reason
        reports = [d for d in data if d["source"].get("document_class") in (None, REPORT)]
        other = next((d["source"] for d in data if d not in reports), None)
        return Outcome(sha256, "done", reports, None, time.perf_counter() - start, fmt,
                       other["document_class"] if other and not reports else None,
                       other["document_class_reason"] if other and not reports else None)
    except _Timeout:
        return Outcome(sha256, "failed", [], f"timed out after {timeout:g} s", time.perf_counter() - start)
    except KeyboardInterrupt:
        if not _memory["over"]:
            raise
        _memory["over"] = False
        mib = (_memory["limit"] or 0) // 2**20
        return Outcome(sha256, "failed", [], f"over the memory limit ({mib} MiB)", time.perf_counter() - start)
    except MemoryError:
        return Outcome(sha256, "failed", [], "out of memory", time.perf_counter() - start)
    except JixiaoError as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        return Outcome(sha256, "failed", [], reason, time.perf_counter() - start)
    except RecursionError:
        return Outcome(sha256, "failed", [], "internal error: recursion too deep", time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return Outcome(sha256, "failed", [], f"internal error ({type(exc).__name__}: {exc})", time.perf_counter() - start)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if guard is not None:
            guard.stop()


def _extract_any(path: str, extract):
    """A local path is read in place; a URL is fetched through fsspec into a temporary file first."""
    if not is_url(path):
        return extract(path)
    import tempfile
    suffix = Path(path.rsplit("/", 1)[-1]).suffix
    with tempfile.TemporaryDirectory(prefix="jixiao-") as tmp:
        local = Path(tmp) / f"document{suffix}"
        with _open(path) as src, local.open("wb") as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                dst.write(chunk)
        records = extract(local)
    for r in records:
        r.source.path = path
    return records


# --- the batch -------------------------------------------------------------------------------------

def ingest(inputs: Iterable[str | Path], db: str | Path, workers: int | None = None, timeout: float | None = 300,
           max_memory_mb: int | None = 3072, progress: bool = True, executor: str = "local",
           scheduler: str | None = None, prune_missing: bool = False) -> IngestSummary:
    """Ingest every report under `inputs` into the database `db` (created when missing; its folder must
    exist). A missing input raises IngestError, and a database that cannot be opened StoreError, before
    anything is created. `prune_missing`: drop the stored files under the input folders that are gone."""
    inputs = list(inputs)
    check_inputs(inputs)
    summary = IngestSummary()
    started = time.perf_counter()
    store = Store.open(db)
    try:
        present: set[str] = set()
        legacy = legacy_paths(store)
        tasks = plan(store, inputs, summary, present, legacy)
        if prune_missing:
            summary.pruned = prune(store, inputs, present, legacy, summary.unreadable)
        bar = _progress(len(tasks), progress)
        on_done = _writer(store, summary, bar)
        if executor == "dask":
            from .dask_executor import run_dask
            run_dask(tasks, on_done, workers=workers, timeout=timeout, scheduler=scheduler)
        elif workers == 0:
            for t in tasks:  # in-process: for debugging and the smallest machines
                on_done(t, extract_file(t.path, t.sha256, None))
        else:
            run_local(tasks, on_done, workers or os.cpu_count() or 1, timeout, max_memory_mb)
        if bar is not None:
            bar.close()
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _writer(store: Store, summary: IngestSummary, bar) -> Callable[[Task, Outcome], None]:
    def on_done(task: Task, outcome: Outcome) -> None:
        store.save_result(task.sha256, task.size, outcome.status, outcome.records, outcome.error, outcome.seconds,
                          outcome.format, outcome.document_class, outcome.class_reason)
        if outcome.status == "done":
            summary.extracted += 1
            summary.reports += len(outcome.records)
            summary.not_reports += int(outcome.document_class is not None)
        else:
            summary.failed += 1
            summary.failures.append((task.path, outcome.error or "failed"))
        if bar is not None:
            bar.update(1)
            bar.set_postfix(failed=summary.failed, refresh=False)
    return on_done


def _progress(total: int, enabled: bool):
    if not enabled or total == 0:
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, smoothing=0.1,
                bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}{postfix}]")


def run_local(tasks: list[Task], on_done, workers: int, timeout: float | None, max_memory_mb: int | None) -> None:
    """Run the tasks on a pool of worker processes. A worker that dies (killed by the OS, a crash in a
    C library) breaks the pool: the files that were in flight are tried again alone, so that the one
    that killed it is found and stored as failed, and the pool is rebuilt for the rest."""
    while tasks:
        in_flight, tasks = _run_pool(tasks, on_done, workers, timeout, max_memory_mb)
        for t in in_flight:
            again, _ = _run_pool([t], on_done, 1, timeout, max_memory_mb)
            if again:
                on_done(t, Outcome(t.sha256, "failed", [], "the worker process died on this file "
                                   "(killed by the system or crashed)", 0.0))


def _run_pool(tasks, on_done, workers, timeout, max_memory_mb) -> tuple[list[Task], list[Task]]:
    """(tasks in flight when the pool broke, tasks not started); both empty when it did not break."""
    queue = list(tasks)
    running: dict = {}
    broken: list[Task] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=init_worker, initargs=(max_memory_mb,)) as pool:
        try:
            while queue or running:
                while queue and len(running) < workers * 2 and not broken:
                    t = queue.pop(0)
                    running[pool.submit(extract_file, t.path, t.sha256, timeout)] = t
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    t = running.pop(fut)
                    try:
                        outcome = fut.result()
                    except BrokenProcessPool:
                        broken.append(t)
                        continue
                    on_done(t, outcome)
                if broken:
                    break
        except BrokenProcessPool:
            pass
    return broken + list(running.values()), queue

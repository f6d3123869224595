"""Bulk ingest: every report under the given folders into the dataset, once per distinct content.

* Files are keyed by sha256: a re-run skips what is stored, a changed file is extracted again, and the
  same content under two names is stored once with both paths.
* Extraction runs in worker processes (`--workers`, default: the number of cores). Each file runs
  under a time limit and a memory limit inside its worker; a file that exceeds them, crashes its
  worker or cannot be read is stored as failed with the reason, and the batch goes on.
* Only this process (the driver) writes the database, one transaction per file: killed at any
  moment, a re-run finishes the batch with every file stored exactly once.
"""
from __future__ import annotations

import _thread
import fnmatch
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

from .store import Store

SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
SKIP_SUFFIXES = {".json", ".jsonl", ".sqlite", ".sqlite-wal", ".sqlite-shm", ".db", ".py", ".pyc", ".tmp", ".lock"}


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


@dataclass
class IngestSummary:
    seen: int = 0
    skipped: int = 0
    duplicates: int = 0
    extracted: int = 0
    failed: int = 0
    reports: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        rate = self.extracted / self.seconds if self.seconds else 0.0
        return (f"{self.seen} file(s) seen: {self.extracted} extracted ({self.reports} report(s)), {self.failed} failed, "
                f"{self.skipped} already stored, {self.duplicates} duplicate(s); {self.seconds:.1f} s ({rate:.1f} files/s)")


# --- discovery ---------------------------------------------------------------------------------------

def is_url(item) -> bool:
    return isinstance(item, str) and "://" in item


def _fs(url: str):
    import fsspec
    return fsspec.core.url_to_fs(url)


def discover(inputs: Iterable[str | Path]) -> Iterator[Path | str]:
    """Files under the inputs, recursively, in a stable order; symlinked folders are not followed
    (a symlink loop cannot trap the walk) and hidden or tool files are left out. An input written as a
    URL (s3://bucket/archive, file:///mnt/archive) is listed through fsspec and yields URLs."""
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
                yield p
            continue
        if not p.is_dir():
            continue
        ignored = _ignore_patterns(p)
        for root, dirs, files in os.walk(p, followlinks=False):
            rel_root = Path(root).relative_to(p)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _ignored(rel_root / d, True, ignored))
            for name in sorted(files):
                if name.startswith(".") or name in SKIP_NAMES or Path(name).suffix.lower() in SKIP_SUFFIXES:
                    continue
                if _ignored(rel_root / name, False, ignored):
                    continue
                f = Path(root) / name
                try:
                    if not f.is_file():  # a dangling symlink, a socket
                        continue
                    key = str(f.resolve())
                except (OSError, RuntimeError):  # a symlink loop on the file itself
                    continue
                if key not in seen:
                    seen.add(key)
                    yield f


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


IGNORE_FILE = ".jixiaoignore"


def _ignore_patterns(folder: Path) -> list[str]:
    """Patterns of a folder's .jixiaoignore (one per line, # comments; 'name/' matches a folder),
    for archives that keep other material beside the reports."""
    try:
        lines = (folder / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [x.strip() for x in lines if x.strip() and not x.strip().startswith("#")]


def _ignored(rel: Path, is_dir: bool, patterns: list[str]) -> bool:
    text = rel.as_posix()
    for pat in patterns:
        if pat.endswith("/"):
            if is_dir and fnmatch.fnmatch(text, pat.rstrip("/")):
                return True
        elif fnmatch.fnmatch(text, pat) or fnmatch.fnmatch(rel.name, pat):
            return True
    return False


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


def plan(store: Store, inputs: Iterable[str | Path], summary: IngestSummary) -> list[Task]:
    """The files still to extract; every path is recorded against its content on the way."""
    tasks: dict[str, Task] = {}
    for f in discover(inputs):
        summary.seen += 1
        name = str(f)
        try:
            size, mtime = _stat(f)
            known = store.path_row(name)
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
    return list(tasks.values())


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
        return Outcome(sha256, "done", data, None, time.perf_counter() - start, fmt)
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
           scheduler: str | None = None) -> IngestSummary:
    summary = IngestSummary()
    started = time.perf_counter()
    store = Store.open(db)
    try:
        tasks = plan(store, inputs, summary)
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
                          outcome.format)
        if outcome.status == "done":
            summary.extracted += 1
            summary.reports += len(outcome.records)
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

"""Bulk ingest: every report under the given folders into the dataset, once per distinct content.

* Files are keyed by sha256: a re-run skips what is stored, a changed file is extracted again, and the
  same content under two names is stored once with both paths. A path whose size and modification time
  are what they were when it was stored is taken as unchanged without reading it; `verify` reads and
  hashes every file anyway, for a file edited in place with its time set back (a copy tool, a restore).
* Extraction runs in worker processes (`--workers`, default: the number of cores; 0 or 1: one), each
  watched from outside by a supervisor (pipeline/supervise.py): a file over its time limit or memory
  limit has its worker killed whatever code it is in, and like one that crashes its worker or cannot
  be read is stored as failed with the reason; the batch goes on.
* Only this process (the driver) writes the database, one transaction per file: killed at any
  moment, a re-run finishes the batch with every file stored exactly once.
* Paths are stored resolved (absolute, no `..`, symlinks followed), so the same file reached from
  another working directory or by another spelling is one path. `prune=True` drops the stored paths
  under the input folders that the walk no longer finds, and a content's records with its last path.
* A file name that is not valid UTF-8 (a GBK or Latin-1 name from an old archive) or holds control
  characters is opened by the name the system gives, and stored, reported and exported in an escaped
  form (`shown`: `\\xb1` for a byte that is not UTF-8, `\\r`, `\\n` for control characters); the
  paths table keeps its raw bytes. A symbolic link to something outside the folders given is not
  followed unless `follow_symlinks`.
* A failure keeps its kind (store.FAILURE_KINDS): a file that failed on a limit is tried again when
  the limit is now larger, an unreadable path on every run, a crash or internal error with
  `retry_failed`; a content that cannot be read as a report is not tried again.
* Workers die with the driver (a parent-death signal, and a watch on the parent's pid); SIGTERM or
  SIGINT stops the batch at once with what was stored committed (`Interrupted`). Two ingests of one
  database claim each file before extracting it, so none is extracted twice.
"""
from __future__ import annotations

import hashlib
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..classify import FINANCE, REPORT
from ..errors import JixiaoError
from ..supervise import SupervisorStats, memory_limit_reason, time_limit_reason
from ..verify.certainty import needs_look
from .store import Store, StoreError, failure_kind, write_fault

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
SKIP_SUFFIXES = {".json", ".jsonl", ".sqlite", ".sqlite-wal", ".sqlite-shm", ".db", ".py", ".pyc", ".tmp", ".lock"}


class IngestError(JixiaoError):
    """An input that cannot be ingested (a missing file or folder); raised before anything is created."""


class Interrupted(KeyboardInterrupt):
    """SIGTERM (or SIGINT) stopped the batch; what was stored stays stored. `summary`: the batch so far."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signum)
        self.signum = signum
        self.summary: IngestSummary | None = None


# --- names: what is opened, what is stored and shown ---------------------------------------------------

# control characters, line separators, bytes that are not UTF-8, the bidi controls that make 'gnp.txt' show
# as 'txt.png' (U+202E and its kin), and the backslash that every escape begins with (so that a name
# holding a literal '\xff' and one holding the byte 0xFF stay two names)
_ODD = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\\\\]")
_NAMED = {"\r": "\\r", "\n": "\\n", "\t": "\\t", "\\": "\\\\"}


def shown(name: str, backslash: bool = True) -> str:
    """A name as it is stored in the database, printed and exported: itself when it is valid UTF-8
    without control characters; otherwise each byte that is not UTF-8 as \\xNN (Python's surrogate-
    escaped str for it, as os.fsencode(name).decode("utf-8", "backslashreplace") writes it), each
    control, line-separator or bidi character as \\r, \\n, \\t or \\xNN / \\uNNNN, and a backslash as
    two, so that the name stays on one line, shows as it is, every database and CSV reader takes it, and
    two different names are never shown (nor stored) as one."""
    if not _ODD.search(name):
        return name
    out = []
    for ch in name:
        o = ord(ch)
        if ch == "\\" and not backslash:  # a message whose names are shown already (one_line)
            out.append(ch)
        elif 0xDC80 <= o <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode gives it
            out.append(f"\\x{o - 0xDC00:02x}")
        elif ch in _NAMED:
            out.append(_NAMED[ch])
        elif _ODD.match(ch):
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


def raw_name(name: str) -> bytes | None:
    """The bytes of a name whose shown form differs from it (kept in the paths table), else None."""
    if shown(name) == name:
        return None
    try:
        return os.fsencode(name)
    except UnicodeEncodeError:  # a surrogate the file system did not give: keep what can be kept
        return name.encode("utf-8", "backslashreplace")


_TRACEBACK = "Traceback (most recent call last)"


def one_line(text: str, limit: int = 400) -> str:
    """A reason on one line: a traceback becomes its last line, line breaks become spaces, names that are
    not UTF-8 are escaped; at most `limit` characters."""
    text = str(text)
    if _TRACEBACK in text:
        head, _, tail = text.partition(_TRACEBACK)
        last = next((x.strip() for x in reversed(tail.splitlines()) if x.strip()), "")
        text = f"{head.strip()} {last}".strip()
    text = shown(" ".join(text.split()), backslash=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Task:
    path: str  # the name to open (may hold surrogate escapes)
    sha256: str
    size: int
    paths: list[str] = field(default_factory=list)
    label: str | None = None  # the name as stored and shown (shown(path))
    stored_at: str | None = None  # the content's extracted_at when planned (a failure tried again), for claims

    def __post_init__(self):
        if self.label is None:
            self.label = shown(self.path)


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
    failure: str | None = None  # what a failure failed on (store.FAILURE_KINDS); None: from its reason
    limit: float | None = None  # the --timeout (s) or --max-memory (MiB) it failed under
    finance: list[dict] = field(default_factory=list)  # finance documents' records: a table of their own
    supervision: SupervisorStats | None = None  # a Dask task's supervisor figures, summed by the driver


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
    retried: int = 0  # stored as failed before and tried again (counted in extracted / failed)
    elsewhere: int = 0  # claimed by another ingest running on the same database: left to it
    failures: list[tuple[str, str]] = field(default_factory=list)  # (name as shown, reason)
    kept_failures: list[tuple[str, str]] = field(default_factory=list)  # failed before on a limit or crash, not tried again
    links: list[str] = field(default_factory=list)  # symbolic links out of the folders given, not followed
    unreadable: list[str] = field(default_factory=list)  # folders the walk could not list (kept by a prune)
    supervision: SupervisorStats | None = None  # what the workers' supervisors saw (local, or summed over Dask tasks)
    # reports of this run whose own figures contradict each other: (name as shown, the failed checks)
    flagged: list[tuple[str, list[str]]] = field(default_factory=list)
    needs_look: int = 0  # reports of this run with a failure resting on an unsure reading (not flagged)

    def __str__(self) -> str:
        rate = self.extracted / self.seconds if self.seconds else 0.0
        pruned = "" if self.pruned is None else f", pruned {self.pruned} file(s)"
        others = f", {self.not_reports} not a report" if self.not_reports else ""
        more = ""
        if self.retried:
            more += f", {self.retried} failed before and tried again"
        if self.kept_failures:
            more += (f", {len(self.kept_failures)} failed before and not tried again "
                     f"(a larger --timeout/--max-memory or --retry-failed tries them)")
        if self.elsewhere:
            more += f", {self.elsewhere} left to another ingest running on this database"
        if self.links:
            more += f", {len(self.links)} symbolic link(s) out of the folders given not followed"
        return (f"{self.seen} file(s) seen: {self.extracted} extracted ({self.reports} report(s){others}), {self.failed} failed, "
                f"{self.skipped} already stored, {self.duplicates} duplicate(s){more}{pruned}; "
                f"{self.seconds:.1f} s ({rate:.1f} files/s)")


# --- discovery ---------------------------------------------------------------------------------------

def is_url(item) -> bool:
    return isinstance(item, str) and "://" in item


def _fs(url: str):
    import fsspec
    return fsspec.core.url_to_fs(url)


def discover(inputs: Iterable[str | Path], unreadable: list[tuple[str, str]] | None = None,
             follow_symlinks: bool = False, links: list[str] | None = None) -> Iterator[Path | str]:
    """Files under the inputs, recursively, in a stable order, each by its resolved path (the same file
    reached as `in/a.txt`, `./x/../in/a.txt` or `/home/me/in/a.txt` is one path); symlinked folders are
    not followed (a symlink loop cannot trap the walk) and hidden or tool files are left out, as is
    whatever a `.jixiaoignore` in the folder or any folder above it (up to the input) excludes. A
    symlinked file that points outside the folders given is left out too, its name added to `links`;
    `follow_symlinks` follows both (each real folder entered once, so a loop still cannot trap it). An
    input written as a URL (s3://bucket/archive, file:///mnt/archive) is listed through fsspec and
    yields URLs. A folder that cannot be listed is added to `unreadable` as (path, reason). Names are
    as the system gives them (a name that is not UTF-8 holds surrogate escapes: see `shown`)."""
    inputs = list(inputs)
    seen: set[str] = set()
    roots = []
    for item in inputs:
        if not is_url(str(item)):
            try:
                if Path(item).is_dir():
                    roots.append(os.path.join(str(Path(item).resolve()), ""))
            except (OSError, RuntimeError):
                continue
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
        for f in _walk(p.resolve(), unreadable, follow_symlinks, links, roots):
            try:
                if not f.is_file():  # a dangling symlink, a socket
                    continue
                key = str(f.resolve())
            except (OSError, RuntimeError):  # a symlink loop on the file itself
                continue
            if not follow_symlinks and f.is_symlink() and not key.startswith(tuple(roots)):
                if links is not None:
                    links.append(shown(str(f)))
                continue
            if key not in seen:
                seen.add(key)
                yield Path(key)


IGNORE_FILE = ".jixiaoignore"


def _enter(folder, entered: set[tuple[int, int]]) -> bool:
    """Remember a real folder by device and inode; False when it cannot be read or was entered before."""
    try:
        st = os.stat(folder)
    except OSError:
        return False
    key = (st.st_dev, st.st_ino)
    if key in entered:
        return False
    entered.add(key)
    return True


def _walk(top: Path, unreadable: list[tuple[str, str]] | None = None, follow_symlinks: bool = False,
          links: list[str] | None = None, roots: list[str] | None = None) -> Iterator[Path]:
    """The files under `top` that no hidden name or ignore file leaves out. A `.jixiaoignore` works as
    git's nested .gitignore files do: it holds gitignore patterns (negation with `!`, anchored `/name`,
    `name/` for folders, `**`) matched against paths relative to its own folder, it applies to that
    folder and everything below it, and the deepest file with a matching pattern decides. A folder that
    is left out is not entered, so nothing inside it can be brought back. A symlinked folder is entered
    only with `follow_symlinks` (once per real folder); without, one that points outside `roots` is
    added to `links`."""
    def on_error(exc: OSError) -> None:
        if unreadable is not None:
            unreadable.append((shown(str(exc.filename or top)), f"cannot read the folder: {exc.strerror or exc}"))

    entered: set[tuple[int, int]] = set()
    if follow_symlinks:
        _enter(top, entered)
    chains: dict[str, list[tuple[str, GitIgnoreSpec]]] = {"": []}  # folder (relative to top) → the ignore files over it
    for root, dirs, files in os.walk(top, onerror=on_error, followlinks=follow_symlinks):
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
            full = os.path.join(root, d)
            if os.path.islink(full):
                if not follow_symlinks:
                    try:
                        target = os.path.join(os.path.realpath(full), "")
                    except (OSError, ValueError):
                        continue
                    if links is not None and not target.startswith(tuple(roots or ())):
                        links.append(shown(full))
                    continue  # not entered (os.walk would not either): a loop cannot trap the walk
                if not _enter(full, entered):
                    continue  # unreadable, or a folder already entered by another link
            elif follow_symlinks:
                _enter(full, entered)
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
    from pathspec import GitIgnoreSpec  # here: only a folder with an ignore file needs it
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


@dataclass
class Limits:
    """What a re-run compares a stored failure with: this run's limits and whether --retry-failed was given."""
    timeout: float | None = None
    max_memory_mb: int | None = None
    retry_failed: bool = False

    def retries(self, failure: str | None, limit: float | None) -> bool:
        """Whether a file stored as failed (on `failure`, under `limit`) is tried again in this run."""
        if failure in ("unreadable", "transient"):  # the path, not the content: cheap to try, may be mended
            return True
        if failure in ("timeout", "memory", "crash", "error") and self.retry_failed:
            return True
        if failure == "timeout":
            return limit is not None and (not self.timeout or self.timeout > limit)
        if failure == "memory":
            return limit is not None and (not self.max_memory_mb or self.max_memory_mb > limit)
        return False


_KEPT_KINDS = ("timeout", "memory", "crash", "error")  # failures a re-run could mend: said, and exit status 1


def plan(store: Store, inputs: Iterable[str | Path], summary: IngestSummary, present: set[str] | None = None,
         legacy: dict[str, list[str]] | None = None, limits: Limits | None = None,
         follow_symlinks: bool = False, verify: bool = False) -> list[Task]:
    """The files still to extract; every path is recorded against its content on the way. `present`
    collects every path found (as stored: `shown`); `legacy` (from `legacy_paths`) are old spellings of
    paths, taken over by the resolved path when the walk finds it. A file stored as failed is planned
    again when `limits` say so; an input that cannot be read is stored as a failed row of its own. With
    `verify`, a path with its stored size and time is hashed too, and extracted again if its content changed."""
    tasks: dict[str, Task] = {}
    limits = limits or Limits()
    if legacy is None:
        legacy = legacy_paths(store)
    unreadable: list[tuple[str, str]] = []
    for f in discover(inputs, unreadable, follow_symlinks, summary.links):
        summary.seen += 1
        name = str(f)
        label = shown(name)
        raw = raw_name(name) if not is_url(name) else None
        if present is not None:
            present.add(label)
        size = mtime = None
        known = None
        try:
            size, mtime = _stat(f)
            known = store.path_row(label)
            old = legacy.pop(label, None)
            if old:  # stored by an older jixiao under a relative name: the same file, one path
                if known is None:
                    store.rename_path(old[0], label)
                    old = old[1:]
                    known = store.path_row(label)
                store.drop_paths(old)
            if known and known[1] == size and known[2] == mtime and not verify:
                row = store.file_row(known[0])
                if row is not None and not _again(row, limits, summary, label):
                    summary.skipped += 1  # same size and time as when it was stored: not read again
                    continue
            sha = sha256_of(f)
        except OSError as exc:
            reason = f"cannot read: {exc.strerror or exc}"
            summary.failed += 1
            summary.failures.append((label, reason))
            if size is not None and not isinstance(exc, FileNotFoundError) and not is_url(name) and (
                    known is None or known[0].startswith("unread:") or store.file_row(known[0]) is None):
                store.save_unreadable(label, raw, size, mtime, reason)  # a failed row, tried again next run
            continue
        store.see_path(label, sha, size, mtime, raw)
        row = store.file_row(sha)
        if row is not None and not (sha not in tasks and _again(row, limits, summary, label)):
            summary.duplicates += 1  # this content is stored (under another name or from a previous run)
            continue
        if sha in tasks:
            tasks[sha].paths.append(label)
            summary.duplicates += 1
            continue
        tasks[sha] = Task(name, sha, size, [label], label=label, stored_at=row[3] if row else None)
        if row is not None:
            summary.retried += 1
    for folder, reason in unreadable:
        summary.failed += 1
        summary.failures.append((folder, reason))
        summary.unreadable.append(folder)
    return list(tasks.values())


def _again(row: tuple, limits: Limits, summary: IngestSummary, label: str) -> bool:
    """Whether a stored content is extracted again: a failure `limits` retry. A failure a re-run could
    mend but this one does not is listed in the summary."""
    status, failure, limit = row[0], row[1], row[2]
    if status != "failed":
        return False
    if limits.retries(failure, limit):
        return True
    if failure in _KEPT_KINDS:
        summary.kept_failures.append((label, _kept_reason(failure, limit)))
    return False


def _kept_reason(failure: str, limit: float | None) -> str:
    what = {"timeout": time_limit_reason(limit) if limit else "over the time limit",
            "memory": memory_limit_reason(limit) if limit else "out of memory",
            "crash": "the worker process died on this file", "error": "an internal error"}[failure]
    hint = {"timeout": "a larger --timeout or --retry-failed tries it again",
            "memory": "a larger --max-memory or --retry-failed tries it again"}.get(failure, "--retry-failed tries it again")
    return f"failed before ({what}); not tried again: {hint}"


def _folder_prefix(item: str | Path) -> str | None:
    """How every stored path under a folder input begins ("/abs/folder/", "file:///abs/folder/"); None for
    an input that is a single file."""
    if is_url(str(item)):
        fs, root = _fs(str(item))
        return fs.unstrip_protocol(root).rstrip("/") + "/" if fs.isdir(root) else None
    p = Path(item)
    if not p.is_dir():
        return None
    return shown(os.path.join(str(p.resolve()), ""))  # as the paths under it are stored


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
    """Raised in a Dask worker thread when its file's time passes; a BaseException so that no `except
    Exception` on the way can swallow it. (Local workers are killed from outside instead: supervise.py.)"""


class _ThreadTimeout:
    """The time limit for a file extracted in a worker thread (a Dask worker), where no supervisor
    watches: the exception is raised in that thread when its limit passes."""

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


def extract_file(path: str, sha256: str, timeout: float | None = None, max_memory_mb: int | None = None) -> Outcome:
    """Extract one file; every failure becomes an Outcome with its reason on one line and its kind
    (never an exception). The records name the file as it is stored (`shown`). `timeout` is kept here
    only in a thread that is not the main one (a Dask worker); a local worker is watched from outside
    (supervise.py), as is memory everywhere but in MemoryError."""
    start = time.perf_counter()
    try:
        return _extract_file(path, sha256, timeout, max_memory_mb)
    except _Timeout:  # raised again while the first was being handled
        return Outcome(sha256, "failed", [], time_limit_reason(timeout or 0), time.perf_counter() - start,
                       failure="timeout", limit=timeout)


def _extract_file(path: str, sha256: str, timeout: float | None, max_memory_mb: int | None) -> Outcome:
    from ..errors import JixiaoError
    from ..run import extract

    start = time.perf_counter()
    label = shown(path)
    in_main = threading.current_thread() is threading.main_thread()
    guard = _ThreadTimeout(timeout) if timeout and not in_main else None

    def failed(reason: str, failure: str | None = None, limit: float | None = None) -> Outcome:
        reason = one_line(reason)
        if failure is None:
            failure, limit = failure_kind(reason)
        return Outcome(sha256, "failed", [], reason, time.perf_counter() - start, failure=failure, limit=limit)

    try:
        records = _extract_any(path, extract)
        for r in records:
            if r.source.path is not None and not is_url(str(r.source.path)):
                r.source.path = shown(str(r.source.path))
        data = _storable([r.to_dict() for r in records])
        fmt = data[0]["source"]["format"] if data else None
        # only reports go into the report tables; a file holding none keeps its class and the reason
        reports = [d for d in data if d["source"].get("document_class") in (None, REPORT)]
        finance = [d for d in data if d["source"].get("document_class") == FINANCE]
        other = next((d["source"] for d in data if d not in reports), None)
        return Outcome(sha256, "done", reports, None, time.perf_counter() - start, fmt,
                       other["document_class"] if other and not reports else None,
                       other["document_class_reason"] if other and not reports else None, finance=finance)
    except _Timeout:
        return failed(time_limit_reason(timeout or 0), "timeout", timeout)
    except MemoryError:
        return failed("out of memory", "memory", max_memory_mb)
    except JixiaoError as exc:
        reason = getattr(exc, "reason", None) or str(exc).replace(path, label)
        return failed(reason)
    except RecursionError:
        return failed("internal error: recursion too deep", "error")
    except OSError as exc:  # a URL that could not be fetched, an I/O error: may go well next time
        return failed(f"cannot read: {exc.strerror or exc}", "transient")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return failed(f"internal error ({type(exc).__name__}: {str(exc).replace(path, label)})", "error")
    finally:
        if guard is not None:
            guard.stop()


def _storable(data: list[dict]) -> list[dict]:
    """Records whose every string the database takes: a surrogate escape (from a name that is not UTF-8)
    anywhere in them is written as \\xNN."""
    try:
        import json
        json.dumps(data, ensure_ascii=False).encode("utf-8")
        return data
    except UnicodeEncodeError:
        return _escape_all(data)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_all(v):
    if isinstance(v, str):
        if not _SURROGATE.search(v):
            return v
        try:  # bytes that are not UTF-8, as os.fsdecode gives them: \\xNN
            return v.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # any other lone surrogate: \\udNNN
            return v.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(v, dict):
        return {_escape_all(k): _escape_all(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_escape_all(x) for x in v]
    return v


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
           scheduler: str | None = None, prune_missing: bool = False, retry_failed: bool = False,
           follow_symlinks: bool = False, verify: bool = False) -> IngestSummary:
    """Ingest every report under `inputs` into the database `db` (created when missing; its folder must
    exist). A missing input raises IngestError, and a database that cannot be opened StoreError (a
    read-only one StoreWriteError), before anything is created; a database that fails while the batch
    runs (a full disk) raises StoreWriteError with what was stored committed. `prune_missing`: drop the
    stored files under the input folders that are gone. `retry_failed`: extract again the files stored
    as failed on a limit, a crash or an internal error (a failure on a limit is tried again anyway when
    this run's limit is larger). `follow_symlinks`: follow symbolic links out of the folders given. `verify`:
    hash every file, even one whose size and time are unchanged (content-hash change detection).
    SIGTERM (and SIGINT) raise `Interrupted` once the workers are stopped, its `summary` the batch so far."""
    inputs = list(inputs)
    check_inputs(inputs)
    summary = IngestSummary()
    started = time.perf_counter()
    limits = Limits(timeout, max_memory_mb, retry_failed)
    store = Store.open(db)
    previous = _catch_sigterm()
    bar = None
    try:
        present: set[str] = set()
        legacy = legacy_paths(store)
        tasks = plan(store, inputs, summary, present, legacy, limits, follow_symlinks, verify)
        if prune_missing:
            summary.pruned = prune(store, inputs, present, legacy, summary.unreadable)
        bar = _progress(len(tasks), progress)
        on_done = _writer(store, summary, bar)
        claim = _claimer(store, summary, bar, timeout)
        if executor == "dask":
            from .dask_executor import run_dask
            run_dask([t for t in tasks if claim(t)], on_done, workers=workers, timeout=timeout, scheduler=scheduler,
                     max_memory_mb=max_memory_mb, summary=summary)
        else:  # --workers 0 or 1: one supervised worker, so that the limits hold there too
            slots = (os.cpu_count() or 1) if workers is None else max(1, workers)
            run_local(tasks, on_done, slots, timeout, max_memory_mb, claim, summary)
    except KeyboardInterrupt as exc:
        summary.seconds = time.perf_counter() - started
        stop = exc if isinstance(exc, Interrupted) else Interrupted(signal.SIGINT)
        stop.summary = summary
        raise stop from None
    except StoreError:
        raise
    except Exception as exc:
        fault = write_fault(str(db), exc)
        if fault is None:
            raise
        raise fault from None
    finally:
        if bar is not None:
            bar.close()  # the bar's last state on its own line, before any message
        _let_go(store)
        store.close()
        _restore_sigterm(previous)
    summary.seconds = time.perf_counter() - started
    return summary


def _let_go(store: Store) -> None:
    """Release this process's claims (files planned, not finished); a database that cannot be written
    any more keeps them until they expire or this pid is seen gone."""
    try:
        store.rollback()
        store.release_claims()
    except Exception:  # noqa: BLE001 - best effort on the way out
        pass


def _on_term(signum, frame):  # noqa: ARG001
    signal.signal(signum, signal.SIG_IGN)  # once: the way out (workers killed, claims released) is not cut short
    raise Interrupted(signum)


def _catch_sigterm():
    """SIGTERM stops the batch as Ctrl-C does (in the main thread; elsewhere signals are not ours)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return None
    try:
        return signal.signal(signal.SIGTERM, _on_term)
    except (ValueError, OSError):
        return None


def _restore_sigterm(previous) -> None:
    if previous is not None:
        try:
            signal.signal(signal.SIGTERM, previous)
        except (ValueError, OSError):
            pass


def _claimer(store: Store, summary: IngestSummary, bar, timeout: float | None) -> Callable[[Task], bool]:
    """Claim a task before it is extracted (store.claim), so that two ingests running on one database
    never extract the same file: one another run stored meanwhile counts as a duplicate, one it holds
    is left to it."""
    ttl = 3 * (timeout or 3600) + 600  # a claim lives while its file waits in the pool and runs

    def claim(task: Task) -> bool:
        why = store.claim(task.sha256, task.stored_at, ttl)
        if why is None:
            return True
        if why == "done":
            summary.duplicates += 1
        else:
            summary.elsewhere += 1
        if bar is not None:
            bar.update(1)
        return False
    return claim


def _writer(store: Store, summary: IngestSummary, bar) -> Callable[[Task, Outcome], None]:
    def on_done(task: Task, outcome: Outcome) -> None:
        try:
            _save(store, task, outcome)
        except Exception as exc:
            if write_fault(store.url, exc) is not None:
                raise
            store.rollback()  # the records cannot be stored (a value the database refuses): the file fails alone
            outcome = Outcome(task.sha256, "failed", [], one_line(f"internal error (cannot store the records: "
                                                                  f"{type(exc).__name__}: {exc})"), outcome.seconds,
                              failure="error")
            _save(store, task, outcome)
        if outcome.status == "done":
            summary.extracted += 1
            summary.reports += len(outcome.records)
            for record in outcome.records:
                failed = [c["id"] for c in record.get("checks") or [] if c.get("status") == "fail"]
                if failed:
                    summary.flagged.append((task.label, failed))
                elif any(needs_look(c) for c in record.get("checks") or []):
                    summary.needs_look += 1
            summary.not_reports += int(outcome.document_class is not None)
        else:
            summary.failed += 1
            summary.failures.append((task.label, one_line(outcome.error or "failed")))
        if bar is not None:
            bar.update(1)
            bar.set_postfix(failed=summary.failed, refresh=False)
    return on_done


def _save(store: Store, task: Task, outcome: Outcome) -> None:
    store.save_result(task.sha256, task.size, outcome.status, outcome.records,
                      one_line(outcome.error) if outcome.error else None, outcome.seconds,
                      outcome.format, outcome.document_class, outcome.class_reason, outcome.failure, outcome.limit,
                      outcome.finance)


def _progress(total: int, enabled: bool):
    if not enabled or total == 0:
        return None
    from tqdm import tqdm
    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, smoothing=0.1,
                bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}{postfix}]")


def run_local(tasks: list[Task], on_done, workers: int, timeout: float | None, max_memory_mb: int | None,
              claim: Callable[[Task], bool] | None = None, summary: IngestSummary | None = None) -> None:
    """Run the tasks in `workers` supervised worker processes (supervise.py): a file over its time or
    memory limit has its worker killed, whatever code it is in, and is stored as failed with the limit;
    one whose worker dies is stored as failed too; a fresh worker takes the next file. `claim` is asked
    before each task is started (False: leave it). Anything raised here (SIGTERM, a database that cannot
    be written) kills the workers at once. The supervisor's figures go to `summary.supervision`."""
    from ..supervise import FileLimits, Overrun, Supervisor

    def on_result(task: Task, result) -> None:
        if isinstance(result, Overrun):
            result = Outcome(task.sha256, "failed", [], result.reason, result.seconds,
                             failure=result.failure, limit=result.limit)
        on_done(task, result)

    sup = Supervisor(_work, max(1, workers), FileLimits(timeout or None, max_memory_mb or None))
    try:
        sup.run(tasks, on_result, claim, lambda t: (t.path, t.sha256, max_memory_mb))
    finally:
        if summary is not None:
            summary.supervision = sup.stats


def _work(path: str, sha256: str, max_memory_mb: int | None = None) -> Outcome:
    """What a supervised worker runs for one file: the time and memory limits are the supervisor's."""
    return extract_file(path, sha256, None, max_memory_mb)

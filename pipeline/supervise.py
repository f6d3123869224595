"""Limits that always hold: every file is extracted in a worker process that a supervisor watches from
outside, and kills whatever code the worker is in.

A limit kept inside the extracting process does not hold: a signal handler never runs while a C library
holds the thread (one pypdfium2 `render()` of a 10000×10000 pt page ran 500 s past a 20 s alarm), and a
memory watcher thread cannot interrupt C code either. So the supervisor (the process that calls
`Supervisor.run`: the ingest driver, `jixiao extract`) polls each busy worker every TICK_S: past its
time limit, or with the resident memory of the worker (beyond the pages it shares with the supervisor
since the fork) and of its children over the memory limit, the worker is killed (SIGKILL) and the file is handed back as an `Overrun` with its reason in words; a
fresh worker takes the next file. A worker that dies by itself (a crash in a C library, the kernel's
OOM killer) is an `Overrun` too, so a file is never lost.

Workers are forked from the supervisor (they inherit what it has imported), ignore Ctrl-C (the
supervisor handles it), die with it (a parent-death signal and a watch on its pid), and write what
libraries print (libtiff warnings, onnxruntime's logs, xlrd) to JIXIAO_CHATTER (a file) or nowhere, so
that stdout and stderr hold only jixiao's own one-line messages.
"""
from __future__ import annotations

import faulthandler
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_ready

import psutil

TICK_S = 0.05  # how often a busy worker's clock and memory are read: a file runs at most this much past a limit
CHILDREN_EVERY_S = 0.5  # a worker's own child processes are listed this often (listing scans /proc)
KILL_WAIT_S = 5.0  # how long a killed worker is waited for (SIGKILL cannot be caught: it is gone at once)
RECYCLE_AT = 0.5  # a worker still holding this share of the memory limit after its file is replaced
CHATTER_ENV = "JIXIAO_CHATTER"  # a file to append the workers' library chatter to (default: discarded)


@dataclass(frozen=True)
class FileLimits:
    """What one file may take: seconds of wall time and MiB of resident memory (None: no limit)."""
    seconds: float | None = None
    memory_mib: int | None = None


@dataclass(frozen=True)
class Overrun:
    """A file whose worker the supervisor stopped or lost: the failure kind (store.FAILURE_KINDS), the
    reason in words, the limit it ran over, and how long it ran."""
    failure: str  # timeout | memory | crash | error
    reason: str
    limit: float | None
    seconds: float


@dataclass
class SupervisorStats:
    """What the supervisor saw, for `make fuzz` and the benchmarks."""
    files: int = 0
    over_time: int = 0
    over_memory: int = 0
    died: int = 0
    peak_worker_mib: float = 0.0  # the most memory a worker and its children held for a file, as polled
    most_past_limit_s: float = 0.0  # the longest a file ran past its time limit before its worker was gone

    def add(self, other: SupervisorStats) -> None:
        """Count in what another supervisor saw (one per Dask task)."""
        self.files += other.files
        self.over_time += other.over_time
        self.over_memory += other.over_memory
        self.died += other.died
        self.peak_worker_mib = max(self.peak_worker_mib, other.peak_worker_mib)
        self.most_past_limit_s = max(self.most_past_limit_s, other.most_past_limit_s)


def time_limit_reason(seconds: float) -> str:
    return f"over the time limit ({seconds:g} s)"


def memory_limit_reason(mib: float) -> str:
    return f"over the memory limit ({mib:g} MiB)"


@dataclass
class _Raised:
    """What a worker sends back when the target itself raised (it should not: targets return failures)."""
    kind: str
    message: str


class _Worker:
    def __init__(self, context, target: Callable):
        here, there = context.Pipe(duplex=True)
        self.conn = here
        self.process = context.Process(target=_serve, args=(there, target, os.getpid()), daemon=True,
                                       name="jixiao-worker")
        # what the worker shares with the supervisor from the fork on is not the file's: its memory is
        # counted from there (an ingest driver holds ~170 MiB of imported modules and caches)
        self.inherited = psutil.Process().memory_info().rss
        self.process.start()
        there.close()
        self.ps = psutil.Process(self.process.pid)
        self.job = None
        self.started = 0.0
        self.children: list[psutil.Process] = []
        self.children_at = 0.0

    def rss(self, now: float) -> int:
        """Resident bytes of the worker beyond what it inherited from the supervisor, plus those of its
        children (a library's helper process counts too)."""
        if now - self.children_at >= CHILDREN_EVERY_S:
            self.children_at = now
            try:
                self.children = self.ps.children(recursive=True)
            except psutil.Error:
                self.children = []
        total = 0
        for p in (self.ps, *self.children):
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return max(0, total - self.inherited)

    def kill(self) -> None:
        for p in (*self.children, self.ps):
            try:
                p.kill()
            except psutil.Error:
                pass
        self.process.join(KILL_WAIT_S)
        self.conn.close()

    def stop(self) -> None:
        """An idle worker asked to leave; killed if it does not."""
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(1.0)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


class Supervisor:
    """Runs `target(*job_args)` for each job in up to `slots` worker processes under `limits`. `target`
    must be a module-level function that returns its result (failures included) rather than raising."""

    def __init__(self, target: Callable, slots: int = 1, limits: FileLimits = FileLimits()):
        self.target = target
        self.slots = max(1, slots)
        self.limits = limits
        self.stats = SupervisorStats()
        self.context = multiprocessing.get_context("fork")  # workers inherit the supervisor's modules and patches
        self.workers: list[_Worker | None] = [None] * self.slots

    def run(self, jobs: Iterable, on_result: Callable, admit: Callable | None = None,
            args_of: Callable | None = None) -> None:
        """Each job goes to a free worker once `admit(job)` says yes (None: always), as the target's
        arguments `args_of(job)` (None: the job is the tuple of arguments); `on_result(job, result)` gets
        the target's return value or an `Overrun`. Anything raised here (SIGTERM, a full disk in
        on_result) kills the workers."""
        self.args_of = args_of or tuple
        queue = deque(jobs)
        busy: dict[int, object] = {}
        admitted: deque = deque()  # jobs admitted ahead, one per slot: a freed worker starts at once

        def admit_next() -> bool:
            while queue:
                job = queue.popleft()
                if admit is None or admit(job):
                    admitted.append(job)
                    return True
            return False

        try:
            finished: list = []
            while queue or admitted or busy or finished:
                for slot in range(self.slots):
                    if slot not in busy and (admitted or admit_next()):
                        job = admitted.popleft()
                        self._start(slot, job)
                        busy[slot] = job
                # the supervisor's own work (the ingest driver's database writes: results stored, the next
                # files claimed) is done once the freed workers have their next file, while they extract
                for job, result in finished:
                    on_result(job, result)
                while len(admitted) < self.slots and admit_next():
                    pass
                finished = self._watch(busy) if busy else []
        except BaseException:
            self.close(kill=True)
            raise
        self.close()

    def _start(self, slot: int, job) -> None:
        args = self.args_of(job)
        for _attempt in range(2):  # a worker that died while idle is replaced once
            w = self.workers[slot]
            if w is None or not w.process.is_alive():
                if w is not None:
                    w.kill()
                w = self.workers[slot] = _Worker(self.context, self.target)
            try:
                w.conn.send(tuple(args))
                break
            except OSError:
                w.kill()
                self.workers[slot] = None
        else:
            raise RuntimeError("cannot start a worker process")
        w.job = job
        w.started = time.monotonic()

    def _watch(self, busy: dict[int, object]) -> list:
        """Wait up to TICK_S for answers, and stop the workers over a limit: (job, result) of each file
        that finished, its slot freed."""
        finished = []
        workers = {slot: self.workers[slot] for slot in busy}
        ready = set(wait_ready([w.conn for w in workers.values()] + [w.process.sentinel for w in workers.values()],
                               timeout=TICK_S))
        now = time.monotonic()
        for slot, w in workers.items():
            result, late = None, False
            if w.conn in ready or w.process.sentinel in ready:
                result = self._receive(w, now)
                seconds = self.limits.seconds
                if not isinstance(result, Overrun) and seconds and now - w.started > seconds:
                    # an answer that came past the limit, inside the tick that would have stopped it: the limit
                    # holds as it was set, whatever the tick (the worker finished cleanly and is kept)
                    self.stats.over_time += 1
                    result, late = Overrun("timeout", time_limit_reason(seconds), seconds, now - w.started), True
            else:
                result = self._over_limit(w, now)
            if result is None:
                continue
            job = busy.pop(slot)
            w.job = None
            self.stats.files += 1
            if isinstance(result, Overrun) and result.failure != "error" and not late:
                self.workers[slot] = None  # killed or gone: a fresh worker takes the next file
            elif self.limits.memory_mib and w.rss(now) > self.limits.memory_mib * 2**20 * RECYCLE_AT:
                w.stop()  # memory a file left behind must not count against the next one
                self.workers[slot] = None
            finished.append((job, result))
        return finished

    def _receive(self, w: _Worker, now: float):
        try:
            if w.conn.poll():
                got = w.conn.recv()
                if isinstance(got, _Raised):
                    return Overrun("error", f"internal error ({got.kind}: {got.message})", None, now - w.started)
                return got
        except (EOFError, OSError):
            pass
        # the worker is gone without an answer: killed by the system or crashed in C code
        w.process.join(KILL_WAIT_S)
        self.stats.died += 1
        code = w.process.exitcode
        how = "killed by the system or crashed"
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            how = f"{name}: killed by the system (out of memory?)" if -code == signal.SIGKILL else f"crashed: {name}"
        elif code:
            how = f"exit status {code}"
        w.kill()
        return Overrun("crash", f"the worker process died on this file ({how})", None, now - w.started)

    def _over_limit(self, w: _Worker, now: float) -> Overrun | None:
        elapsed = now - w.started
        seconds, mib = self.limits.seconds, self.limits.memory_mib
        rss = w.rss(now)
        self.stats.peak_worker_mib = max(self.stats.peak_worker_mib, rss / 2**20)
        if seconds and elapsed > seconds:
            w.kill()
            self.stats.over_time += 1
            self.stats.most_past_limit_s = max(self.stats.most_past_limit_s, time.monotonic() - w.started - seconds)
            return Overrun("timeout", time_limit_reason(seconds), seconds, elapsed)
        if mib and rss > mib * 2**20:
            w.kill()
            self.stats.over_memory += 1
            return Overrun("memory", memory_limit_reason(mib), mib, elapsed)
        return None

    def close(self, kill: bool = False) -> None:
        """Stop every worker: idle ones asked to leave, busy ones (or all, with `kill`) killed at once."""
        for slot, w in enumerate(self.workers):
            if w is None:
                continue
            if kill or w.job is not None:
                w.kill()
            else:
                w.stop()
            self.workers[slot] = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close(kill=exc[0] is not None)


# --- inside a worker -------------------------------------------------------------------------------

def _serve(conn, target: Callable, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # what the supervisor had when it forked stays out of this worker's garbage collections
    gc.freeze()
    faulthandler.disable()  # a crash is the supervisor's to report (one line), not a dump on the terminal
    die_with_parent(parent)
    _keep_chatter_off()
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        if args is None:
            os._exit(0)
        try:
            result = target(*args)
        except BaseException as exc:  # noqa: BLE001 - the worker must answer whatever happened
            result = _Raised(type(exc).__name__, " ".join(str(exc).split())[:300])
        try:
            conn.send(result)
        except (OSError, EOFError):
            os._exit(0)
        except Exception as exc:  # noqa: BLE001 - a result that cannot be pickled
            conn.send(_Raised(type(exc).__name__, f"cannot hand back the result: {exc}"[:300]))


def _keep_chatter_off() -> None:
    """What C libraries write to file descriptors 1 and 2 (libtiff, onnxruntime, xlrd's default log) goes
    to JIXIAO_CHATTER or nowhere; Python's own stderr (jixiao's progress lines) keeps the real one."""
    target = os.environ.get(CHATTER_ENV) or os.devnull
    try:
        sink = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError:
        sink = os.open(os.devnull, os.O_WRONLY)
    try:
        real_err = os.dup(2)
    except OSError:
        return
    old = sys.stderr
    os.dup2(sink, 1)
    os.dup2(sink, 2)
    os.close(sink)
    sys.stderr = os.fdopen(real_err, "w", buffering=1, encoding="utf-8", errors="backslashreplace")
    sys.stdout = sys.stderr  # a library's print() is chatter too; the worker itself prints nothing
    for logger in [logging.getLogger(), *(x for x in logging.Logger.manager.loggerDict.values()
                                          if isinstance(x, logging.Logger))]:
        for h in logger.handlers:
            if isinstance(h, logging.StreamHandler) and getattr(h, "stream", None) is old:
                h.setStream(sys.stderr)


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this process go when `parent` goes, whatever code it is in: on Linux the kernel sends it
    SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG); everywhere, a thread checks every half
    second that the parent is still the same process (a pid reparented to init means it died)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl: the watch thread alone
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)

"""Interleaved timings for the benches: the contenders run in turn, A B C A B C …, for several rounds, so
that a change in the machine's load falls on all of them alike; each run's CPU seconds (this process's, or
a child process's from the kernel's accounting) and wall seconds are kept, and min / median / max printed.
Ratios are taken round by round, then summarised."""
from __future__ import annotations

import resource
import statistics
import subprocess
import time
from collections.abc import Callable


def in_process(fn: Callable[[], object]) -> Callable[[], tuple[float, float]]:
    """A contender run in this process: (CPU s, wall s)."""
    def run() -> tuple[float, float]:
        c, w = time.process_time(), time.perf_counter()
        fn()
        return time.process_time() - c, time.perf_counter() - w
    return run


def whole_process(commands: list[list[str]]) -> Callable[[], tuple[float, float]]:
    """A contender that runs each command as its own process, one after another: their CPU (user + sys,
    as the kernel counted it for the children) and wall seconds together."""
    def run() -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        w = time.perf_counter()
        for command in commands:
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return cpu, time.perf_counter() - w
    return run


def interleaved(contenders: dict[str, Callable[[], tuple[float, float]]], rounds: int,
                warmup: int = 1) -> dict[str, list[tuple[float, float]]]:
    for _ in range(warmup):
        for run in contenders.values():
            run()
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, run in contenders.items():
            out[name].append(run())
    return out


def _mmm(values: list[float]) -> str:
    return f"{min(values):8.3f} {statistics.median(values):8.3f} {max(values):8.3f}"


def report(title: str, runs: dict[str, list[tuple[float, float]]], ratios: list[tuple[str, str]],
           per: tuple[str, int] | None = None) -> None:
    """The contenders' CPU and wall seconds (min median max), per unit where `per` = (unit, count) is
    given, then each ratio A/B of CPU and of wall, taken round by round."""
    rounds = len(next(iter(runs.values())))
    print(f"{title} ({rounds} rounds, interleaved)")
    print(f"  {'':36} {'CPU s: min   median      max':>27}   {'wall s: min  median      max':>27}")
    for name, values in runs.items():
        print(f"  {name:36} {_mmm([c for c, _ in values])}   {_mmm([w for _, w in values])}")
    if per:
        unit, count = per
        for name, values in runs.items():
            cpu = statistics.median(c for c, _ in values)
            print(f"  {name:36} {cpu / count * 1000:8.1f} ms CPU per {unit}")
    for a, b in ratios:
        cpu = [x[0] / y[0] for x, y in zip(runs[a], runs[b]) if y[0] > 0]
        wall = [x[1] / y[1] for x, y in zip(runs[a], runs[b]) if y[1] > 0]
        print(f"  {a} / {b}: CPU ×{_mmm(cpu).split()[1]} (min {min(cpu):.2f}, max {max(cpu):.2f}), "
              f"wall ×{statistics.median(wall):.2f}")

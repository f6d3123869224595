"""Throughput of the pipeline on text and HTML reports, stage by stage, against a baseline in the
same run: reading the same files and converting them with OpenCC alone (the least any pipeline
over these reports must do). Absolute times on a shared machine are noise; the ratio is the figure.

    make bench            # or: .venv/bin/python bench/bench_text.py [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import extract_record  # noqa: E402
from pipeline.load import load  # noqa: E402
from pipeline.normalise import normalise  # noqa: E402
from pipeline.verify import verify  # noqa: E402


def corpus() -> list[Path]:
    shared = ROOT.parent / "shared"
    files = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "samples").glob("*.html"))
    files += sorted((shared / "dev" / "raw").glob("*.txt")) + sorted((shared / "samples").glob("*.txt"))
    return files


def timed(fn, files, repeat):
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        for f in files:
            fn(f)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = corpus()
    converter = opencc.OpenCC("t2s")
    chars = sum(len(load(f).text) for f in files)

    def baseline(f):
        converter.convert(f.read_bytes().decode("utf-8", "replace"))

    stages = {}

    def whole(f):
        t0 = time.perf_counter()
        doc = load(f)
        t1 = time.perf_counter()
        norm = normalise(doc)
        t2 = time.perf_counter()
        record = extract_record(doc, norm)
        t3 = time.perf_counter()
        verify(record)
        t4 = time.perf_counter()
        for name, dt in (("load", t1 - t0), ("normalise", t2 - t1), ("extract", t3 - t2), ("verify", t4 - t3)):
            stages[name] = stages.get(name, 0.0) + dt

    whole_t = timed(whole, files, args.repeat)
    base_t = timed(baseline, files, args.repeat)
    tracemalloc.start()
    for f in files:
        whole(f)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    n = len(files)
    print(f"corpus: {n} text/HTML reports, {chars:,} characters (samples/, shared/dev/raw, shared/samples)")
    print(f"pipeline (load→normalise→extract→verify): {whole_t / n * 1000:8.1f} ms/report  {n / whole_t:7.1f} reports/s")
    print(f"baseline (read + OpenCC t2s only):        {base_t / n * 1000:8.1f} ms/report  {n / base_t:7.1f} reports/s")
    print(f"ratio pipeline / baseline: {whole_t / base_t:.1f}x")
    total = sum(stages.values())
    print("share of time by stage: " + ", ".join(f"{k} {v / total:.0%}" for k, v in stages.items()))
    print(f"peak traced memory over one pass: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()

"""Ingest throughput on generated report files with 1 and with 2 worker processes, and peak memory.

    make bench            # or: .venv/bin/python bench/bench_ingest.py [--files N]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from corpus import write_corpus  # noqa: E402

from pipeline.dataset import ingest  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        t = time.perf_counter()
        write_corpus(corpus, args.files, seed=11)
        print(f"corpus: {args.files} generated report files (scripts/corpus.py), written in {time.perf_counter() - t:.1f} s")
        for workers in (1, 2):
            db = Path(tmp) / f"bench_{workers}.sqlite"
            summary = ingest([corpus], db, workers=workers, progress=False)
            assert summary.failed == 0, summary.failures[:3]
            print(f"workers={workers}: {summary.extracted} files in {summary.seconds:.1f} s = "
                  f"{summary.extracted / summary.seconds:.1f} files/s ({summary.reports} reports)")
            rerun = ingest([corpus], db, workers=workers, progress=False)
            print(f"workers={workers} re-run (everything stored): {rerun.seconds:.2f} s, {rerun.skipped} skipped")
        for workers in (1, 2):  # the same corpus on a Dask LocalCluster: what one worker gives
            db = Path(tmp) / f"dask_{workers}.sqlite"
            summary = ingest([corpus], db, workers=workers, executor="dask", progress=False)
            assert summary.failed == 0, summary.failures[:3]
            print(f"dask workers={workers}: {summary.extracted} files in {summary.seconds:.1f} s = "
                  f"{summary.extracted / summary.seconds:.1f} files/s (cluster start-up included)")
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: driver {me:.0f} MiB, largest worker {kids:.0f} MiB")


if __name__ == "__main__":
    main()

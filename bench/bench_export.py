"""Export and audit time on an ingested corpus of generated reports: Parquet (the baseline, in the same
run), CSV and the xlsx workbook, the pass over the stored records that gives provenance, report.years
and stated/computed (against the SQL reads of the other tables), and the audit HTML.

    .venv/bin/python bench/bench_export.py [--files N]
"""
from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from corpus import write_corpus  # noqa: E402

from pipeline.audit import build_audit  # noqa: E402
from pipeline.dataset import Store, export, ingest  # noqa: E402

export_module = importlib.import_module("pipeline.dataset.export")  # the package's `export` is the function


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_corpus(tmp / "corpus", args.files, seed=11)
        db = tmp / "bench.sqlite"
        summary = ingest([tmp / "corpus"], db, workers=2, progress=False)
        print(f"corpus: {summary.extracted} files, {summary.reports} reports ingested in {summary.seconds:.1f} s")
        store = Store.open(db)
        try:
            tables, t_all = timed(lambda: export_module.read_tables(store))
            live = "SELECT id FROM reports WHERE sha256 IN (SELECT sha256 FROM paths)"
            _, t_records = timed(lambda: export_module._from_records(store, live))
            print(f"read_tables: {t_all:.2f} s, of which the pass over the records {t_records:.2f} s "
                  f"({len(tables['provenance'])} provenance rows)")
            for fmt in ("parquet", "csv", "xlsx"):
                written, t = timed(lambda fmt=fmt: export(store, tmp / fmt, fmt))
                out = tmp / fmt
                print(f"export {fmt}: {t:.2f} s, {size(out) / 1e6:.1f} MB")
            _, t = timed(lambda: build_audit(store, tmp / "audit.html"))
            print(f"audit: {t:.2f} s, {size(tmp / 'audit.html') / 1e6:.1f} MB")
        finally:
            store.close()


if __name__ == "__main__":
    main()

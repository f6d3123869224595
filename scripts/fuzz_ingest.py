"""The ingest fuzz run (`make fuzz`): hostile and mutated files through a whole `ingest`, under its time
and memory limits, and the figures the issue asks for.

The corpus is made here, nothing downloaded: every file of scripts/make_hostile.py (the slow-render
PDF, thin PNGs, the shared-strings workbook, padded XXE, odd names, …), the samples under samples/
mutated (bytes flipped, cut short, a run of bytes repeated), and random bytes under each extension.
It is ingested with `--timeout` and `--max-memory`; the workers' library chatter is kept in a file
(JIXIAO_CHATTER) so that a traceback anywhere is counted. Printed:

    files        how many files the corpus holds, and how many the walk saw
    tracebacks   Python tracebacks anywhere (driver, workers' chatter) + files stored as internal errors
    hangs        files that ran more than 1 s past the time limit (the supervisor's most-past figure)
    lost         files seen that have no row in the database
    peak memory  the most a worker held for one file (the limit beside it)

    python scripts/fuzz_ingest.py [--files N] [--timeout S] [--max-memory MIB] [--workers N] [--seed K]
                                  [--executor local|dask|both]

With `--executor both` (what `make fuzz` runs) the same corpus is ingested by local workers and by a Dask
LocalCluster of as many workers, each into its own database, and both must meet the same limits.
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
import make_hostile  # noqa: E402

SAMPLE_SUFFIXES = (".pdf", ".docx", ".xlsx", ".xls", ".png", ".jpg", ".txt", ".html")
# OCR costs seconds a page: mutated images and scans are kept few, so the run stays in minutes
SLOW_SAMPLES = ("scan", "photo")


def hostile_files(folder: Path) -> None:
    make_hostile.main([str(folder)])


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of three damages a file meets in an archive: bytes flipped, the end cut off, a run repeated."""
    how = rng.choice(("flip", "cut", "repeat"))
    b = bytearray(data)
    if how == "flip" or len(b) < 16:
        for _ in range(rng.randint(1, 24)):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
    elif how == "cut":
        b = b[: rng.randint(8, len(b) - 1)]
    else:
        start = rng.randrange(len(b) - 8)
        run = b[start:start + rng.randint(8, min(4096, len(b) - start))]
        b[start:start] = run * rng.randint(2, 50)
    return bytes(b)


def mutated_samples(folder: Path, n: int, rng: random.Random) -> int:
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file() and p.suffix.lower() in SAMPLE_SUFFIXES)
    fast = [p for p in samples if not any(s in p.name for s in SLOW_SAMPLES) and p.suffix not in (".png", ".jpg")]
    slow = [p for p in samples if p not in fast]
    folder.mkdir(parents=True, exist_ok=True)
    made = 0
    for k in range(n):
        src = rng.choice(slow) if slow and k % 20 == 0 else rng.choice(fast)
        (folder / f"m{k:04d}_{src.stem}{src.suffix}").write_bytes(mutate(src.read_bytes(), rng))
        made += 1
    return made


def random_files(folder: Path, n: int, rng: random.Random) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    heads = {".pdf": b"%PDF-1.4\n", ".png": b"\x89PNG\r\n\x1a\n", ".docx": b"PK\x03\x04", ".xlsx": b"PK\x03\x04",
             ".xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".txt": b"", ".html": b"<html>"}
    for k in range(n):
        suffix = rng.choice(list(heads))
        body = bytes(rng.randrange(256) for _ in range(rng.randint(1, 3000)))
        (folder / f"r{k:04d}{suffix}").write_bytes(heads[suffix] + body)
    return n


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=int(os.environ.get("JIXIAO_FUZZ_FILES", "200")),
                    help="mutated and random files (besides the hostile ones); default 200")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--max-memory", type=int, default=1536)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--executor", choices=("local", "dask", "both"), default="local")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="jixiao-fuzz-") as tmp:
        corpus = Path(tmp) / "corpus"
        hostile_files(corpus / "hostile")
        mutated_samples(corpus / "mutated", args.files * 3 // 4, rng)
        random_files(corpus / "random", args.files - args.files * 3 // 4, rng)
        on_disk = sum(len(files) for _, _, files in os.walk(corpus))
        chatter = Path(tmp) / "chatter.log"
        os.environ["JIXIAO_CHATTER"] = str(chatter)
        executors = ("local", "dask") if args.executor == "both" else (args.executor,)
        bad = 0
        for executor in executors:
            bad |= _ingest_and_report(args, corpus, on_disk, chatter, Path(tmp) / f"fuzz-{executor}.sqlite", executor)
        return bad


def _ingest_and_report(args, corpus: Path, on_disk: int, chatter: Path, db: Path, executor: str) -> int:
    if chatter.exists():
        chatter.unlink()

    from pipeline.dataset import ingest
    started = time.perf_counter()
    tracebacks_driver = 0
    try:
        summary = ingest([corpus], db, workers=args.workers, timeout=args.timeout,
                         max_memory_mb=args.max_memory, progress=False, executor=executor)
    except Exception:  # noqa: BLE001 - counted, then shown
        import traceback
        traceback.print_exc()
        tracebacks_driver = 1
        raise
    seconds = time.perf_counter() - started
    with sqlite3.connect(db) as c:
        stored_paths = c.execute("SELECT COUNT(*) FROM paths").fetchone()[0]
        errors = c.execute("SELECT p.path, f.error FROM files f JOIN paths p ON p.sha256 = f.sha256 "
                           "WHERE f.failure IN ('error', 'timeout', 'memory', 'crash') ORDER BY p.path").fetchall()
        internal = sum(1 for _, e in errors if e.startswith("internal error"))
        kinds = dict(c.execute("SELECT COALESCE(failure, status), COUNT(*) FROM files GROUP BY 1").fetchall())
        hangs = c.execute("SELECT COUNT(*) FROM files WHERE seconds > ?", (args.timeout + 1.0,)).fetchone()[0]
        garbage = c.execute("SELECT COUNT(*) FROM files f JOIN paths p ON p.sha256 = f.sha256 "
                            "WHERE f.status = 'done' AND f.document_class IS NULL AND "
                            "(p.path LIKE '%/random/%')").fetchone()[0]
    chatter_text = chatter.read_text(encoding="utf-8", errors="replace") if chatter.exists() else ""
    tracebacks = tracebacks_driver + chatter_text.count("Traceback (most recent call last)")
    sup = summary.supervision
    lost = summary.seen - stored_paths - len(summary.links)
    print(f"fuzz ingest, seed {args.seed}: {on_disk} files on disk, {summary.seen} seen, "
          f"{summary.extracted} extracted ({summary.reports} report(s), {summary.not_reports} not a report), "
          f"{summary.failed} failed, {summary.duplicates} duplicate(s); {seconds:.0f} s, {args.workers} {executor} workers")
    print(f"  failures by kind: {dict(sorted(kinds.items()))}")
    print(f"  tracebacks: {tracebacks} (+ {internal} file(s) stored as internal errors)")
    print(f"  hangs past the limit: {hangs} file(s) ran over {args.timeout + 1:g} s "
          f"(--timeout {args.timeout:g} s: {sup.over_time} file(s) stopped at it, at most "
          f"{sup.most_past_limit_s:.2f} s past it)")
    print(f"  lost files: {lost}")
    print(f"  random bytes stored as a report: {garbage}")
    print(f"  worker peak memory: {sup.peak_worker_mib:.0f} MiB for one file (--max-memory {args.max_memory}; "
          f"{sup.over_memory} file(s) stopped at it); workers died: {sup.died}")
    for path, error in errors[:20]:
        print(f"    {Path(path).relative_to(corpus.resolve()) if path.startswith(str(corpus.resolve())) else path}: {error}")
    bad = tracebacks or internal or lost or hangs or garbage
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

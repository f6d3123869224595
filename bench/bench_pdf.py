"""Pages per second of the whole pipeline on text-layer PDFs, next to two bare readers of the same
pages in the same run: pdfplumber's `extract_text()` and pypdfium2's text page with every
character's box (the least a reader with geometry must do); the ratios are the figures. Two sets:
the rendered samples (samples/*.pdf but the scans) and long reports of mixed prose and tables
(30+ pages each, written by scripts/make_long_pdfs.py into a temporary folder).

    make bench            # or: .venv/bin/python bench/bench_pdf.py [--repeat N] [--long N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import pipeline  # noqa: E402


def median_time(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def bare_pdfplumber(files: list[Path]) -> None:
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()


def bare_pdfium_boxes(files: list[Path]) -> None:
    for f in files:
        doc = pypdfium2.PdfDocument(f)
        for page in doc:
            tp = page.get_textpage()
            tp.get_text_range()
            for i in range(tp.count_chars()):
                tp.get_charbox(i)
            tp.close()
            page.close()
        doc.close()


def jixiao(files: list[Path]) -> None:
    for f in files:
        pipeline.extract(f)


def bench(label: str, files: list[Path], repeat: int) -> None:
    pages = sum(len(pypdfium2.PdfDocument(f)) for f in files)
    t_bare = median_time(lambda: bare_pdfplumber(files), repeat)
    t_whole = median_time(lambda: jixiao(files), repeat)
    t_pdfium = median_time(lambda: bare_pdfium_boxes(files), repeat)
    print(f"{label}: {len(files)} files, {pages} pages")
    print(f"  pdfplumber extract_text() only:   {pages / t_bare:7.1f} pages/s  {t_bare / pages * 1000:7.1f} ms/page")
    print(f"  jixiao pipeline (load→…→verify):  {pages / t_whole:7.1f} pages/s  {t_whole / pages * 1000:7.1f} ms/page")
    print(f"  pypdfium2 text + char boxes only: {pages / t_pdfium:7.1f} pages/s  {t_pdfium / pages * 1000:7.1f} ms/page")
    print(f"  ratio jixiao / bare extract_text: {t_whole / t_bare:.2f}x; jixiao / pypdfium2 boxes: {t_whole / t_pdfium:.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--long", type=int, default=3, help="long reports to write and read (0: none)")
    args = ap.parse_args()
    # text-layer PDFs only: pages read by OCR are bench_ocr.py's
    samples = sorted(p for p in (ROOT / "samples").glob("*.pdf") if not p.name.startswith("scan_"))
    bench("rendered samples (samples/*.pdf but the scans)", samples, args.repeat)
    if args.long:
        import make_long_pdfs
        with tempfile.TemporaryDirectory() as tmp:
            files = [Path(tmp) / f"long_report_{k + 1}.pdf" for k in range(args.long)]
            for k, path in enumerate(files):
                make_long_pdfs.render_long_report(path, k)
            bench("long reports, mixed prose and tables (scripts/make_long_pdfs.py)", files, max(1, args.repeat - 2))


if __name__ == "__main__":
    main()

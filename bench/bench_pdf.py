"""Pages per second of the whole pipeline on the PDF samples, next to two bare readers of the same pages
in the same run: pdfplumber's `extract_text()` and pypdfium2's text page with every character's box
(the least a reader with geometry must do); the ratios are the figures.

    make bench            # or: .venv/bin/python bench/bench_pdf.py [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402


def median_time(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    # text-layer PDFs only: pages read by OCR are bench_ocr.py's
    files = sorted(p for p in (ROOT / "samples").glob("*.pdf") if not p.name.startswith("scan_"))
    pages = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            pages += len(pdf.pages)

    def bare():
        for f in files:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_text()

    def pdfium_boxes():
        import pypdfium2
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

    def whole():
        for f in files:
            pipeline.extract(f)

    t_bare = median_time(bare, args.repeat)
    t_whole = median_time(whole, args.repeat)
    t_pdfium = median_time(pdfium_boxes, args.repeat)
    print(f"PDF corpus: {len(files)} text-layer files, {pages} pages (samples/*.pdf but the scans)")
    print(f"pdfplumber extract_text() only:   {pages / t_bare:7.1f} pages/s  {t_bare / pages * 1000:7.1f} ms/page")
    print(f"jixiao pipeline (load→…→verify):  {pages / t_whole:7.1f} pages/s  {t_whole / pages * 1000:7.1f} ms/page")
    print(f"pypdfium2 text + char boxes only: {pages / t_pdfium:7.1f} pages/s  {t_pdfium / pages * 1000:7.1f} ms/page")
    print(f"ratio pipeline / bare extract_text: {t_whole / t_bare:.2f}x; pipeline / pypdfium2 boxes: {t_whole / t_pdfium:.1f}x")


if __name__ == "__main__":
    main()

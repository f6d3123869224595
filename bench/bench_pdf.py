"""The whole pipeline on text-layer PDFs next to two bare readers of the same pages, interleaved in one
run (bench/timing.py), CPU and wall seconds, min / median / max:

* in process: pipeline.extract against pdfplumber's `extract_text()` and pypdfium2's text page with
  every character's box (the least a reader with geometry must do);
* whole process: `jixiao extract FILE` per file against a bare `python -c` that opens the file with
  pdfplumber and extracts its text, one process per file each (what a batch script pays); and the set in
  one call each (`jixiao extract FILES…`, the bare script looping over the files).

Two sets: the rendered samples (samples/*.pdf but the scans) and long reports of mixed prose and
tables (30+ pages each, written by scripts/make_long_pdfs.py into a temporary folder).

    make bench            # or: .venv/bin/python bench/bench_pdf.py [--rounds N] [--long N]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import pdfplumber
import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from timing import in_process, interleaved, report, whole_process  # noqa: E402

import pipeline  # noqa: E402


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


PLUMBER_SCRIPT = ("import sys, pdfplumber\n"
                  "with pdfplumber.open(sys.argv[1]) as pdf:\n"
                  "    [page.extract_text() for page in pdf.pages]\n")


PLUMBER_SET_SCRIPT = ("import sys, pdfplumber\n"
                      "for name in sys.argv[1:]:\n"
                      "    with pdfplumber.open(name) as pdf:\n"
                      "        [page.extract_text() for page in pdf.pages]\n")


def bench(label: str, files: list[Path], rounds: int, whole: bool) -> None:
    pages = sum(len(pypdfium2.PdfDocument(f)) for f in files)
    print(f"{label}: {len(files)} files, {pages} pages")
    runs = interleaved({"jixiao (load→…→verify)": in_process(lambda: jixiao(files)),
                        "pdfplumber extract_text()": in_process(lambda: bare_pdfplumber(files)),
                        "pypdfium2 text + char boxes": in_process(lambda: bare_pdfium_boxes(files))}, rounds)
    report("  in process", runs, [("jixiao (load→…→verify)", "pdfplumber extract_text()"),
                                  ("jixiao (load→…→verify)", "pypdfium2 text + char boxes")], ("page", pages))
    if whole:
        jixiao_cmds = [[sys.executable, "-m", "pipeline", "extract", str(f), "-o", os.devnull] for f in files]
        plumber_cmds = [[sys.executable, "-c", PLUMBER_SCRIPT, str(f)] for f in files]
        runs = interleaved({"jixiao extract FILE": whole_process(jixiao_cmds),
                            "python + pdfplumber FILE": whole_process(plumber_cmds)}, rounds)
        report("  whole process, one per file", runs, [("jixiao extract FILE", "python + pdfplumber FILE")],
               ("page", pages))
        # the set in one call each: `jixiao extract FILES…` pays its start once, as a folder or a batch does
        jixiao_set = [[sys.executable, "-m", "pipeline", "extract", *map(str, files), "-o", os.devnull]]
        plumber_set = [[sys.executable, "-c", PLUMBER_SET_SCRIPT, *map(str, files)]]
        runs = interleaved({"jixiao extract FILES…": whole_process(jixiao_set),
                            "python + pdfplumber FILES…": whole_process(plumber_set)}, rounds)
        report("  whole process, the set in one call", runs, [("jixiao extract FILES…", "python + pdfplumber FILES…")],
               ("page", pages))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--long", type=int, default=3, help="long reports to write and read (0: none)")
    args = ap.parse_args()
    # text-layer PDFs only: pages read by OCR are bench_ocr.py's
    samples = sorted(p for p in (ROOT / "samples").glob("*.pdf") if not p.name.startswith("scan_"))
    bench("rendered samples (samples/*.pdf but the scans)", samples, args.rounds, whole=True)
    if args.long:
        import make_long_pdfs
        with tempfile.TemporaryDirectory() as tmp:
            files = [Path(tmp) / f"long_report_{k + 1}.pdf" for k in range(args.long)]
            for k, path in enumerate(files):
                make_long_pdfs.render_long_report(path, k)
            bench("long reports, mixed prose and tables (scripts/make_long_pdfs.py)", files, args.rounds, whole=False)


if __name__ == "__main__":
    main()

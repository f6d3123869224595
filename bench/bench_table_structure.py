"""Cell structure of scanned score tables: RapidTable's SLANet-plus model against the rule-based grid
(ocr.py: rows from the boxes' positions, cells parted by the rules found on the image), on the same
OCR lines of the same pages in one run.

The truth is the text layer of the PDF the scans were made from (sample_report_simplified.pdf, its
score page read by jixiao's PDF reader). A row counts as right when every cell's text is right; the
figure pairs (weight, score) are counted apart, as they are what the record needs.

RapidTable is used at 0.3.0, the last release whose wheel carries the model (later ones download it at
run time), installed without its dependencies (it asks for opencv-python, which would shadow the
headless OpenCV rapidocr uses): `.venv/bin/pip install --no-deps rapid_table==0.3.0`. Without it the
bench prints the rule-based figures alone.

    .venv/bin/python bench/bench_table_structure.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pypdfium2
import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.load import load, ocr, pdf_scan  # noqa: E402
from pipeline.load.deskew import straighten  # noqa: E402
from pipeline.load.ocr_table import score_table_verdict  # noqa: E402

PAGES = [("degraded score-page scan", ROOT / "samples" / "scans" / "scan_degraded_score_page.pdf", 0),
         ("scanned report, page 2", ROOT / "samples" / "scan_sample_report.pdf", 1)]
TRUTH = (ROOT / "samples" / "sample_report_simplified.pdf", 1)
_SPACE = regex.compile(r"\s+")


def norm(cell: str) -> str:
    """A cell's text without spaces, with half-width brackets and one list mark (四、 for 四. too)."""
    text = _SPACE.sub("", cell).replace("（", "(").replace("）", ")")
    return regex.sub(r"^([一二三四五六七八九十]+)[.、,，]", r"\1、", text)


def table_rows(text: str) -> list[list[str]]:
    """The score table's rows (header to total) of a page's text, as cells."""
    rows = [[norm(c) for c in line.split("|")] for line in text.splitlines() if line.count("|") >= 2 or
            line.startswith("合计")]
    return rows


def figure_pairs(rows: list[list[str]]) -> list[tuple[str, str]]:
    return [tuple(r[-2:]) for r in rows if len(r) >= 3 and all(regex.match(r"^\d+(\.\d+)?$", c) for c in r[-2:])]


def score(rows: list[list[str]], truth: list[list[str]]) -> tuple[int, int]:
    right_rows = sum(1 for r in truth if r in rows)
    want = figure_pairs(truth)
    got = figure_pairs(rows)
    right_pairs = sum(1 for a, b in zip(want, got) if a == b) if len(got) == len(want) else \
        sum(1 for p in want if p in got)
    return right_rows, right_pairs


def html_rows(html: str) -> list[list[str]]:
    """<tr>/<td> of RapidTable's HTML as rows of cells, a spanned cell's text repeated into every row and
    column it covers (the convention of every jixiao backend, and of the truth)."""
    from lxml import html as lhtml

    grid: dict[tuple[int, int], str] = {}
    for i, tr in enumerate(lhtml.fromstring(html).iter("tr")):
        j = 0
        for td in tr.iter("td"):
            while (i, j) in grid:
                j += 1
            text = norm(td.text_content())
            for di in range(int(td.get("rowspan", 1))):
                for dj in range(int(td.get("colspan", 1))):
                    grid[(i + di, j + dj)] = text
            j += int(td.get("colspan", 1))
    n_rows = max((i for i, _ in grid), default=-1) + 1
    rows = []
    for i in range(n_rows):
        # an empty cell (a span the model put beside the table) is left out, in the model's favour
        rows.append([grid[(i, j)] for j in sorted(j for r, j in grid if r == i) if grid[(i, j)]])
    return rows


def rapid_table_rows(table_engine, page, reading) -> tuple[list[list[str]], float]:
    """RapidTable's structure for the table band of a page, fed the OCR lines of that band."""
    dpi = reading.dpi
    straight = straighten(pdf_scan._render(page, dpi))
    # the table alone: the header's top to the total row's bottom, and only the OCR lines inside it
    top, bottom = int(max(0, reading.table.top - 4) * dpi / 72), int((reading.table.bottom + 4) * dpi / 72)
    band = straight.image[top:bottom]
    lines = [x for x in ocr.recognise(band) if 4 * dpi / 72 <= (x.box[1] + x.box[3]) / 2 <= band.shape[0] - 4 * dpi / 72]
    result = [[[[x.box[0], x.box[1]], [x.box[2], x.box[1]], [x.box[2], x.box[3]], [x.box[0], x.box[3]]], x.text, x.score]
              for x in lines]
    t = time.perf_counter()
    html, _, _ = table_engine(band, result)
    return html_rows(html), time.perf_counter() - t


def main() -> None:
    truth_doc = load(TRUTH[0])
    truth = table_rows(truth_doc.pages[TRUTH[1]].text)
    try:
        from rapid_table import RapidTable
        table_engine = RapidTable()
    except ImportError:
        table_engine = None
        print("rapid_table not installed (pip install --no-deps rapid_table==0.3.0): rule-based grid only")
    print(f"truth: {len(truth)} table rows, {len(figure_pairs(truth))} weight/score pairs "
          f"(text layer of {TRUTH[0].name})")
    for label, path, index in PAGES:
        page = pypdfium2.PdfDocument(path)[index]
        reading = pdf_scan.read_scanned_page(page)
        rules = table_rows(reading.text)
        r_rows, r_pairs = score(rules, truth)
        print(f"{label:26} rule-based grid: rows {r_rows}/{len(truth)}, pairs {r_pairs}/{len(figure_pairs(truth))}"
              f" ({score_table_verdict(reading.text, reading.boxes).reason})")
        if table_engine is not None:
            rows, seconds = rapid_table_rows(table_engine, page, reading)
            t_rows, t_pairs = score(rows, truth)
            print(f"{'':26} RapidTable:      rows {t_rows}/{len(truth)}, pairs {t_pairs}/{len(figure_pairs(truth))}"
                  f" (+{seconds:.2f} s for the structure)")


if __name__ == "__main__":
    main()

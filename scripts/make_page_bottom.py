"""Render the shared sample with its score table at the foot of a page, its pages inheriting their box
from the page tree (as many real PDFs have it): in the TrueType font (simplified and traditional, reportlab),
in the CFF font (Chromium) and as a scan of the TrueType one. The table is pushed down its page by the
largest spacer that still keeps all its rows on that page, so that its last row and its total sit just
above the footer. Issue 23: these renderings lost the last row (九, 30/27) and failed both sum checks.

    .venv/bin/python scripts/make_page_bottom.py     # writes samples/page_bottom/*.pdf

Needs the shared gold beside the checkout, fonts-wqy-zenhei, and for the CFF one fonts-noto-cjk, chromium.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_samples  # noqa: E402
import make_scans  # noqa: E402
import page_geometry  # noqa: E402
import render_pdf  # noqa: E402
import render_pdf_cff  # noqa: E402

OUT = ROOT / "samples" / "page_bottom"
ROWS = 11  # ten indicators and the total


def table_rows_per_page(path: Path) -> tuple[int, ...]:
    """The score table's figure rows on each page from its header's page on (read by pdfplumber)."""
    with pdfplumber.open(path) as pdf:
        pages = [p.extract_words(x_tolerance=1.5, y_tolerance=2) for p in pdf.pages]
    start = next(i for i, ws in enumerate(pages) if any(w["text"] in ("权重", "權重") for w in ws))
    header = next(w for w in pages[start] if w["text"] in ("权重", "權重"))
    counts = [sum(1 for w in ws if abs(w["x0"] - header["x0"]) < 1 and w["text"].replace(".", "").isdigit())
              for ws in pages[start:]]
    while counts and not counts[-1]:
        counts.pop()
    return tuple(counts)


def _spaced(builder, spacer: float):
    table = builder.table

    def spaced(self, *args, **kwargs):
        self.space(spacer)
        return table(self, *args, **kwargs)
    return table, spaced


def render_at_page_bottom(builder, render, path: Path, spacers: range) -> int:
    """Render with the largest spacer of `spacers` that keeps the whole table on one page; the spacer."""
    original, spaced = _spaced(builder, 0)
    best = None
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / "trial.pdf"
        for spacer in spacers:
            _, spaced = _spaced(builder, spacer)
            builder.table = spaced
            try:
                render(trial)
            finally:
                builder.table = original
            if table_rows_per_page(trial) != (ROWS,):
                break
            best = spacer
            path.write_bytes(page_geometry.inherit_page_box(trial.read_bytes()))
    if best is None:
        raise SystemExit(f"{path.name}: no spacer keeps the table on one page")
    return best


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    made = []
    for name, traditional in (("sample_bottom_truetype.pdf", False), ("sample_bottom_truetype_trad.pdf", True)):
        spacer = render_at_page_bottom(render_pdf.Builder, lambda p, t=traditional: make_samples.render_sample_pdf(p, t),
                                       OUT / name, range(150, 330, 2))
        made.append((name, spacer))
    spacer = render_at_page_bottom(render_pdf_cff.HtmlBuilder, render_pdf_cff.render_sample_cff,
                                   OUT / "sample_bottom_cff.pdf", range(150, 400, 4))
    made.append(("sample_bottom_cff.pdf", spacer))
    with tempfile.TemporaryDirectory() as tmp:
        scan = Path(tmp) / "scan.pdf"
        make_scans.scan_pdf(OUT / "sample_bottom_truetype.pdf", scan)
        (OUT / "sample_bottom_scan.pdf").write_bytes(page_geometry.inherit_page_box(scan.read_bytes()))
    made.append(("sample_bottom_scan.pdf", None))
    for name, spacer in made:
        print(f"wrote samples/page_bottom/{name}" + (f" (table pushed down {spacer} pt)" if spacer else ""))


if __name__ == "__main__":
    main()

"""Render test reports to PDF in a CFF-based OpenType CJK font (Noto Sans CJK, Debian's
fonts-noto-cjk): the same story that scripts/render_pdf.py lays out with reportlab in a TrueType
font, written as HTML and printed to PDF by headless Chromium (reportlab cannot embed CFF fonts).
pdfminer misreads such fonts (Kangxi radicals for common characters: ⽬ for 目, ⾏ for 执行's 行),
pdfium maps them; the renderings test that a CFF-font PDF reads like its TrueType twin.

    .venv/bin/python scripts/render_pdf_cff.py      # writes samples/sample_report_cff.pdf

Needs `fonts-noto-cjk` and `chromium` (Debian; `make system-deps` installs both) and Playwright.
"""
from __future__ import annotations

import html
import json
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import render_pdf  # noqa: E402

FONT_PATH = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_FAMILY = "Noto Sans CJK SC"  # fontconfig's name for the simplified-Chinese face of the collection

# the page and the type of render_pdf.Builder (A4, 25 mm sides, 22 mm top and bottom; points)
CSS = f"""
@page {{ size: A4; margin: 22mm 25mm 22mm 25mm; }}
body {{ font-family: "{FONT_FAMILY}"; font-size: 10.5pt; line-height: 17pt; margin: 0; }}
h1 {{ font-size: 16pt; line-height: 24pt; text-align: center; font-weight: normal; margin: 0 0 10pt 0; }}
h2 {{ font-size: 11.5pt; line-height: 19pt; font-weight: normal; margin: 4pt 0 0 0; }}
p {{ text-indent: 21pt; margin: 0; }}
table {{ border-collapse: collapse; table-layout: fixed; margin: 0 auto; }}
td {{ font-size: 9pt; line-height: 12pt; padding: 3pt 6pt; vertical-align: middle; word-break: break-all; }}
table.ruled td {{ border: 0.6pt solid black; }}
tr {{ break-inside: avoid; }}
.break {{ break-after: page; }}
"""
FOOTER = (f'<div style="width:100%;text-align:center;font-family:\'{FONT_FAMILY}\';font-size:9pt;'
          'margin-bottom:8mm">— <span class="pageNumber"></span> —</div>')


class HtmlBuilder:
    """render_pdf.Builder's interface (title, heading, para, space, page_break, table, save), the
    document written as HTML and printed by Chromium."""

    def __init__(self):
        self.parts: list[str] = []

    def title(self, text: str) -> None:
        self.parts.append(f"<h1>{html.escape(text)}</h1>")

    def heading(self, text: str) -> None:
        self.parts.append(f"<h2>{html.escape(text)}</h2>")

    def para(self, text: str) -> None:
        self.parts.append(f"<p>{html.escape(text)}</p>")

    def space(self, h: float = 6) -> None:
        self.parts.append(f'<div style="height:{h}pt"></div>')

    def page_break(self) -> None:
        self.parts.append('<div class="break"></div>')

    def table(self, rows: list[list[str]], widths: list[float], spans=(), ruled: bool = True,
              repeat_header: int = 0) -> None:
        """rows: cell texts; spans: ((col0, row0), (col1, row1)) merged ranges as reportlab writes them."""
        covered: set[tuple[int, int]] = set()
        starts: dict[tuple[int, int], tuple[int, int]] = {}
        for (c0, r0), (c1, r1) in spans:
            starts[(c0, r0)] = (c1 - c0 + 1, r1 - r0 + 1)
            covered.update((c, r) for c in range(c0, c1 + 1) for r in range(r0, r1 + 1) if (c, r) != (c0, r0))
        out = [f'<table class="{"ruled" if ruled else ""}">']
        out.append("".join(f'<col style="width:{w}mm">' for w in widths))
        for r, row in enumerate(rows):
            cells = []
            for c, text in enumerate(row):
                if (c, r) in covered:
                    continue
                cols, nrows = starts.get((c, r), (1, 1))
                cells.append(f'<td colspan="{cols}" rowspan="{nrows}">{html.escape(text)}</td>')
            if r == repeat_header:
                out.append("</thead><tbody>" if repeat_header else "<tbody>")
            elif r == 0:
                out.append("<thead>")  # rows Chromium repeats at the top of every page the table runs on
            out.append(f"<tr>{''.join(cells)}</tr>")
        out.append("</tbody></table>")
        self.parts.append("".join(out))

    def save(self, path: Path) -> None:
        from playwright.sync_api import sync_playwright
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if exe is None:
            raise SystemExit("no chromium: apt-get install chromium (make system-deps does)")
        if not FONT_PATH.exists():
            raise SystemExit(f"{FONT_PATH} is missing: apt-get install fonts-noto-cjk (make system-deps does)")
        page_html = (f'<!doctype html><html><head><meta charset="utf-8"><style>{CSS}</style></head>'
                     f'<body>{"".join(self.parts)}</body></html>')
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            source = Path(tmp) / "report.html"
            source.write_text(page_html, encoding="utf-8")
            browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(source.as_uri())
            page.pdf(path=str(path), format="A4", display_header_footer=True, header_template="<span></span>",
                     footer_template=FOOTER, margin={"top": "22mm", "bottom": "22mm", "left": "25mm", "right": "25mm"})
            browser.close()


@contextmanager
def cff_rendering():
    """The sample renderers of scripts/make_samples.py build with render_pdf.Builder: for the
    duration, that is the Chromium builder in the CFF font."""
    saved = render_pdf.Builder
    render_pdf.Builder = HtmlBuilder
    try:
        yield
    finally:
        render_pdf.Builder = saved


def render_sample_cff(path: Path, traditional: bool = False) -> None:
    import make_samples
    with cff_rendering():
        make_samples.render_sample_pdf(path, traditional)


def main() -> None:
    import make_samples
    out = ROOT / "samples" / "sample_report_cff.pdf"
    render_sample_cff(out)
    gold = make_samples.sample_gold("simplified")
    gold["_about"] = "The shared sample's gold, for its PDF rendering in a CFF font (scripts/render_pdf_cff.py)."
    (ROOT / "samples" / "expected" / "sample_report_cff.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

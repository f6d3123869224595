"""Render test reports to PDF (A4, Debian's WenQuanYi Zen Hei TrueType font, several pages) with
reportlab: ruled score tables with merged cells, a table that breaks across a page, a borderless
table, page numbers '— N —' in the footer. Called by scripts/make_samples.py.

Needs `fonts-wqy-zenhei` (Debian) and reportlab: `make samples` installs both.
"""
from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
FONT = "WQYZenHei"
rl_config.invariant = 1  # no timestamps or random ids: the committed PDFs change only when their content does


def _register() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        if not FONT_PATH.exists():
            raise SystemExit(f"{FONT_PATH} is missing: apt-get install fonts-wqy-zenhei (make samples does)")
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH), subfontIndex=0))


def styles():
    _register()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=17, wordWrap="CJK", firstLineIndent=21)
    return {
        "title": ParagraphStyle("title", fontName=FONT, fontSize=16, leading=24, alignment=1, spaceAfter=10),
        "heading": ParagraphStyle("heading", fontName=FONT, fontSize=11.5, leading=19, spaceBefore=4),
        "body": body,
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK"),
    }


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 9)
    canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
    canvas.restoreState()


class Builder:
    """A document as a list of flowables: title, headings, paragraphs, tables, page breaks."""

    def __init__(self):
        self.st = styles()
        self.story = []

    def title(self, text: str) -> None:
        self.story.append(Paragraph(text, self.st["title"]))

    def heading(self, text: str) -> None:
        self.story.append(Paragraph(text, self.st["heading"]))

    def para(self, text: str) -> None:
        self.story.append(Paragraph(text, self.st["body"]))

    def space(self, h: float = 6) -> None:
        self.story.append(Spacer(1, h))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    def table(self, rows: list[list[str]], widths: list[float], spans=(), ruled: bool = True,
              repeat_header: int = 0) -> None:
        """rows: cell texts; spans: ((col0, row0), (col1, row1)) merged ranges as reportlab writes them."""
        cell = self.st["cell"]
        data = [[Paragraph(c, cell) if c else "" for c in row] for row in rows]
        t = Table(data, colWidths=[w * mm for w in widths], repeatRows=repeat_header, splitByRow=1)
        style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
        if ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
        for a, b in spans:
            style.append(("SPAN", a, b))
        t.setStyle(TableStyle(style))
        self.story.append(t)

    def save(self, path: Path) -> None:
        doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                                topMargin=22 * mm, bottomMargin=22 * mm, title=path.stem, author="jixiao test documents")
        doc.build(self.story, onFirstPage=_footer, onLaterPages=_footer)

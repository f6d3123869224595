"""Render test reports to DOCX (python-docx) and XLSX (openpyxl), with merged cells the way Word and
Excel users make them. Called by scripts/make_samples.py."""
from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from docx.shared import Pt
from openpyxl.styles import Alignment


class Docx:
    def __init__(self):
        self.doc = docx.Document()
        style = self.doc.styles["Normal"]
        style.font.size = Pt(10.5)

    def title(self, text: str) -> None:
        self.doc.add_heading(text, level=1)

    def para(self, text: str) -> None:
        self.doc.add_paragraph(text)

    def table(self, rows: list[list[str]], merge_down: tuple[int, ...] = (), merge_right_when_empty: bool = True) -> None:
        """A ruled table; equal neighbouring cells of the `merge_down` columns are merged vertically,
        and an empty cell right of a filled one is merged into it (a label spanning columns)."""
        t = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
        for c in merge_down:
            r = 1
            while r < len(rows):
                n = 1
                while r + n < len(rows) and rows[r + n][c] == rows[r][c] and rows[r][c]:
                    n += 1
                if n > 1:
                    merged = t.cell(r, c).merge(t.cell(r + n - 1, c))
                    merged.text = rows[r][c]
                r += n
        if merge_right_when_empty:
            for r, row in enumerate(rows):
                c = 0
                while c < len(row):
                    n = 1
                    while c + n < len(row) and row[c + n] == "" and row[c]:
                        n += 1
                    if n > 1:
                        merged = t.cell(r, c).merge(t.cell(r, c + n - 1))
                        merged.text = row[c]
                    c += n

    def save(self, path: Path) -> None:
        self.doc.core_properties.author = "jixiao test documents"
        self.doc.save(str(path))


def xlsx(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[str]], percent_cells: dict[str, list[str]]) -> None:
    """Sheets of rows (numbers stay numbers, text stays text), merged ranges and percent-formatted cells;
    an empty sheet may be included, as templates often carry one."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # '=100%' is a target value typed as text, not a formula
        for rng in merges.get(name, []):
            ws.merge_cells(rng)
            ws[rng.split(":")[0]].alignment = Alignment(vertical="center", wrap_text=True)
        for ref in percent_cells.get(name, []):
            ws[ref].number_format = "0.00%"
    wb.properties.creator = "jixiao test documents"
    wb.save(str(path))


def xls(path: Path, rows: list[list]) -> None:
    """A legacy .xls (BIFF8) of one sheet, as older county offices still send (xlwt writes it)."""
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value not in ("", None):
                sheet.write(r, c, value)
    book.save(str(path))

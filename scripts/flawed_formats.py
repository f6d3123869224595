"""samples/selfeval_flawed.txt (a self-assessment whose total is a point above its rows) written as an XLSX, a
DOCX and a Markdown file: the same report in the formats without pages, for the review's text evidence.

    python scripts/flawed_formats.py OUT_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "selfeval_flawed.txt"


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")]


def _value(text: str):
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return text


def write_flawed_formats(out: Path) -> dict[str, Path]:
    """{'xlsx': …, 'docx': …, 'md': …}: the flawed self-assessment in each format, written under `out`."""
    import docx
    import openpyxl

    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    out.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "自评表"
    for i, line in enumerate(lines, start=1):
        for j, text in enumerate(_cells(line), start=1):
            cell = sheet.cell(i, j)
            cell.value = _value(text) if text else None
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # '=100%' is a target, not a formula
    book.save(out / "selfeval_flawed.xlsx")
    document = docx.Document()
    for line in lines[:2]:
        document.add_paragraph(line)
    rows = [_cells(line) for line in lines[2:]]
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    document.save(out / "selfeval_flawed.docx")
    (out / "selfeval_flawed.md").write_text(f"# {lines[0]}\n\n" + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    return {s: out / f"selfeval_flawed.{s}" for s in ("xlsx", "docx", "md")}


if __name__ == "__main__":
    for path in write_flawed_formats(Path(sys.argv[1])).values():
        print(path)

"""DOCX backend (python-docx): paragraphs as lines, tables in the row format of office.py."""
from __future__ import annotations

import io
from pathlib import Path

from ..document import Document, Page
from ..errors import LoadError
from .office import cell_text, check_zip, short_reason


def load_docx(path: Path, data: bytes) -> Document:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_zip(path, data)
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several types for a damaged file
        raise LoadError(path, f"not a readable DOCX ({short_reason(exc)})") from None
    lines: list[str] = []
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, d).text.strip()
            if text:
                lines.append(text)
        elif tag == "tbl":
            lines.extend(_docx_table(Table(child, d)))
    return Document(str(path), "", "docx", [Page(1, "\n".join(lines), reader="python-docx")], paged=False)


def _docx_table(table) -> list[str]:
    out = []
    for row in table.rows:
        # python-docx repeats a merged cell's object in every grid cell it covers: its text with it
        cells = [cell_text(c.text) for c in row.cells]
        if any(cells):
            out.append(" | ".join(cells))
    return out

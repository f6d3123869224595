"""The output of the load stage: a file as pages of text, before any normalising."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Box:
    """Where text[start:end] of a page lies on it: [x0, top, x1, bottom] in PDF points (pixels for images)."""

    start: int
    end: int
    bbox: tuple[float, float, float, float]
    confidence: float | None = None  # OCR'd text only


@dataclass
class Cell:
    """Where text[start:end] of a page stands in a workbook: its sheet and cell ('预算表!C7')."""

    start: int
    end: int
    ref: str


@dataclass
class Page:
    """One page as read from the file. `number` is 1-based; `text` is exactly what the reader gave."""

    number: int
    text: str
    reader: str = "text"  # which reader produced the page (text, html, pdfplumber, pypdfium2, ocr, none)
    boxes: list[Box] = field(default_factory=list)
    size: tuple[float, float] | None = None  # width, height in the units of the boxes
    cells: list[Cell] = field(default_factory=list)  # workbooks: where each cell's text stands


@dataclass
class Document:
    """A loaded file: its pages plus what the backend knows about it."""

    path: str
    sha256: str
    format: str  # SPEC source.format: pdf | scan | image | docx | xlsx | text | html
    pages: list[Page]
    paged: bool = False  # whether the format has real pages (SPEC: source.pages null otherwise)
    encoding: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\f".join(p.text for p in self.pages)

    def boxes(self) -> list[tuple[int, int, int, Box]]:
        """Every box with its offsets in `text` (the pages joined by form feeds): (start, end, page, box)."""
        out, offset = [], 0
        for p in self.pages:
            out.extend((offset + b.start, offset + b.end, p.number, b) for b in p.boxes)
            offset += len(p.text) + 1
        return out

    def cells(self) -> list[tuple[int, int, str]]:
        """Every workbook cell with its offsets in `text`: (start, end, 'Sheet!C7')."""
        out, offset = [], 0
        for p in self.pages:
            out.extend((offset + c.start, offset + c.end, c.ref) for c in p.cells)
            offset += len(p.text) + 1
        return out

    def __str__(self) -> str:
        chars = sum(len(p.text) for p in self.pages)
        return f"Document({self.path!r}, {self.format}, {len(self.pages)} page(s), {chars} chars, {self.encoding})"

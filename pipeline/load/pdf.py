"""PDF backend (text layer): words and ruled tables in reading order, with boxes.

Each page becomes text in which tables are written one row per line with ' | ' between cells
(a merged cell's text repeated into every row and column it spans, as the HTML backend does),
and every word and cell keeps its box so that provenance can point at it. Page furniture
(page numbers such as '— 1 —', running heads repeated on most pages) is dropped.

The text layer is read with pypdfium2 (characters with their boxes, ruling lines from the path
objects: pdf_pdfium.py); a page where pdfium gives characters but no readable text — '(cid:N)'
runs or replacement characters from fonts it cannot map — is read again with pdfplumber, and a
file pdfium cannot open at all is read with pdfplumber throughout. Both readers fill the same
TextLayer, from which one page is laid out (pdf_page.py: ruled tables with pdfplumber's table
functions, pdf_ruled.py; borderless tables from word geometry, pdf_borderless.py). The reader of
each page is recorded. A page with no text layer at all is left for OCR.
"""
from __future__ import annotations

import io
import logging
from collections import Counter
from pathlib import Path

import pdfplumber
import pypdfium2
import regex

from ..document import Box, Document, Grid, Page
from ..errors import LoadError
from . import limits, ocr
from .pdf_borderless import Continued
from .pdf_layer import TextLayer, pdfplumber_layer
from .pdf_page import read_page
from .pdf_pdfium import pdfium_layer
from .pdf_scan import read_scanned_page

MAX_PAGES = 400  # a report has tens of pages; beyond this the rest is not read (bounded time and memory)
_CID = regex.compile(r"\(cid:\d+\)")
_PDFIUM_PASSWORD = 4  # FPDF_ERR_PASSWORD, pypdfium2's PdfiumError.err_code for an encrypted file

ocr_log = logging.getLogger("jixiao.ocr")  # a scanned page's progress: `jixiao extract` shows it on stderr

for _name in ("pdfminer", "pdfminer.pdffont", "pdfminer.pdfpage", "pdfminer.pdfinterp"):
    logging.getLogger(_name).setLevel(logging.ERROR)


class _Readers:
    """The file opened by each reader: pypdfium2 first; pdfplumber only when a page needs it."""

    def __init__(self, path: Path, data: bytes):
        self.data = data
        self.pdfium: pypdfium2.PdfDocument | None = None
        self._plumber: pdfplumber.PDF | None = None
        self._plumber_failed = False
        try:
            self.pdfium = pypdfium2.PdfDocument(data)
        except Exception as exc:  # noqa: BLE001 - pdfium reports a bad file as PdfiumError, ctypes as others
            if getattr(exc, "err_code", None) == _PDFIUM_PASSWORD:
                raise LoadError(path, "the PDF is encrypted (a password is needed to read it)") from None
            if self.plumber() is None:  # pdfminer reads a few files pdfium refuses
                raise LoadError(path, _reason(exc)) from None

    def plumber(self) -> pdfplumber.PDF | None:
        if self._plumber is None and not self._plumber_failed:
            try:
                self._plumber = pdfplumber.open(io.BytesIO(self.data))
                len(self._plumber.pages)
            except Exception:  # noqa: BLE001 - pdfminer raises many types for a bad file
                self._plumber, self._plumber_failed = None, True
        return self._plumber

    def page_count(self) -> int:
        return len(self.pdfium) if self.pdfium is not None else len(self._plumber.pages)

    def pdfium_layer(self, index: int) -> TextLayer:
        page = self.pdfium[index]
        try:
            return pdfium_layer(page)
        finally:
            page.close()

    def plumber_layer(self, index: int) -> TextLayer | None:
        pdf = self.plumber()
        if pdf is None or index >= len(pdf.pages):
            return None
        page = pdf.pages[index]
        layer = pdfplumber_layer(page)
        page.close()  # free the page's parsed objects: long PDFs stay within memory
        return layer

    def close(self) -> None:
        if self.pdfium is not None:
            self.pdfium.close()
        if self._plumber is not None:
            self._plumber.close()


def load(path: Path, data: bytes) -> Document:
    readers = _Readers(path, data)
    continued = Continued()  # a table's columns, from one page to the next
    try:
        try:
            n_pages = readers.page_count()
        except Exception as exc:  # noqa: BLE001
            raise LoadError(path, _reason(exc)) from None
        if n_pages == 0:
            raise LoadError(path, "the PDF has no pages")
        pages: list[Page] = []
        fallback = None
        ocr_lines: list = []
        for index in range(min(n_pages, MAX_PAGES)):
            text, boxes, grids, reader, layer = _read_text_layer(readers, index, continued)
            if reader == "none" or (len(text.strip()) < 40 and layer is not None and layer.image_cover > 0.5):
                # a scan, or a scan with a few words of text layer over a full-page image: read by OCR
                fallback = fallback or _Pdfium(data)
                ocr_log.info("%s: OCR page %d of %d (a scanned page: seconds each)", path, index + 1, min(n_pages, MAX_PAGES))
                ocr_text, ocr_boxes, lines, skipped = limits.ocr_page_within_caps(fallback, index)
                reader = skipped or reader  # a page over a cap (limits.py): why it was skipped, in the record
                if ocr_text.strip():
                    text, boxes, grids, reader = ocr_text, ocr_boxes, ocr.page_grid(ocr_text, ocr_boxes), "ocr"
                    ocr_lines.extend(lines)
            if reader not in ("pypdfium2", "pdfplumber"):
                continued.grid = continued.ruled = None
            size = (layer.width, layer.height) if layer is not None else None
            pages.append(Page(index + 1, text, reader=reader, boxes=boxes, size=size, grids=grids))
    finally:
        readers.close()
    _drop_running_heads(pages)
    meta = {"pages_total": n_pages}
    if n_pages > MAX_PAGES:
        meta["pages_not_read"] = n_pages - MAX_PAGES
    fmt = "pdf"
    if ocr_lines:
        meta["ocr"] = {"engine": ocr.ENGINE_NAME, "mean_confidence": ocr.mean_confidence(ocr_lines)}
        if fallback is not None and fallback.passes:
            # which passes ran on each scanned page: the first reading's resolution, whether its score table closed,
            # and what was read again (a sharper page, the table's band) and why
            meta["ocr"]["pages"] = [fallback.passes[k] for k in sorted(fallback.passes)]
        if all(p.reader in ("ocr", "none") for p in pages):
            fmt = "scan"
    return Document(str(path), "", fmt, pages, paged=True, meta=meta)


def _read_text_layer(readers: _Readers, index: int, continued: Continued):
    """(text, boxes, grids, reader, layer) of one page's text layer: pypdfium2's reading, or pdfplumber's
    where pdfium gives characters without readable text (or cannot open the file); reader "none"
    where neither gives text."""
    carried = continued.grid, continued.ruled
    text, boxes, grids, reader, layer = "", [], [], "none", None
    if readers.pdfium is not None:
        try:
            layer = readers.pdfium_layer(index)
            text, boxes, grids = read_page(layer, continued)
            reader = "pypdfium2"
        except Exception:  # noqa: BLE001 - one damaged page must not lose the others
            text, boxes, grids, reader = "", [], [], "pypdfium2-failed"
    if _unreadable(text) and (layer is None or layer.chars):
        continued.grid, continued.ruled = carried  # the page is read afresh: from the table the page before ended with
        try:
            alt = readers.plumber_layer(index)
            if alt is not None:
                alt_text, alt_boxes, alt_grids = read_page(alt, continued)
                if not _unreadable(alt_text) or layer is None:
                    text, boxes, grids, reader, layer = alt_text, alt_boxes, alt_grids, "pdfplumber", alt
        except Exception:  # noqa: BLE001
            pass
    if _unreadable(text) and (not text.strip() or _CID.search(text)):
        text, boxes, grids, reader = "", [], [], "none"
    return text, boxes, grids, reader, layer


def _reason(exc: Exception) -> str:
    name = type(exc).__name__
    text = str(exc)
    if "Password" in name or "Encrypt" in name or "password" in text.lower():
        return "the PDF is encrypted (a password is needed to read it)"
    if "Syntax" in name or "EOF" in text or "startxref" in text or "trailer" in text.lower() or "format error" in text:
        return f"not a readable PDF: damaged or truncated ({name})"
    return f"not a readable PDF ({name}: {text[:120]})"


def _unreadable(text: str) -> bool:
    """No text, or mostly '(cid:N)' / replacement characters: the font has no usable ToUnicode map."""
    if not text.strip():
        return True
    bad = sum(len(m[0]) for m in _CID.finditer(text)) + text.count("\ufffd")
    return bad > 0.3 * len(text)


class _Pdfium:
    def __init__(self, data: bytes):
        self.passes: dict[int, dict] = {}  # page → the resolution it was read at, its table's verdict, what was read again
        try:
            import pypdfium2
            self.doc = pypdfium2.PdfDocument(data)
        except Exception:  # noqa: BLE001 - the fallback is best effort
            self.doc = None

    def ocr_page(self, index: int):
        """(text, boxes in PDF points, OCR lines) of a scanned page, at the resolution the page calls
        for (pdf_scan.py); empty where OCR is unavailable. How each page was read is kept in `passes`."""
        if self.doc is None or index >= len(self.doc):
            return "", [], []
        try:
            reading = read_scanned_page(self.doc[index])
            self.passes[index + 1] = {"page": index + 1, "dpi": reading.dpi,
                                      "table_closes": reading.table.closes if reading.table.found else None,
                                      "read_again": reading.reread}
            return reading.text, reading.boxes, reading.lines
        except ocr.OcrUnavailable:
            return "", [], []


def _drop_running_heads(pages: list[Page]) -> None:
    """Lines repeated at the top or bottom of most pages (running heads, footers) are furniture. Only a
    page's edge lines go, and only lines with words (page numbers are the page reader's): a row of figures
    that a long table sets at the top of page after page is a row, and so is every row like it in the body."""
    if len(pages) < 3:
        return
    edge_lines: Counter = Counter()
    edges = [_edge_lines(p.text) for p in pages]
    for p, edge in zip(pages, edges):
        lines = p.text.split("\n")
        for line in {lines[i].strip() for i in edge}:
            if regex.search(r"[^\W\d_]", line):
                edge_lines[regex.sub(r"\d+", "#", line)] += 1
    repeated = {k for k, n in edge_lines.items() if n >= max(3, 0.6 * len(pages)) and len(k) < 60}
    if not repeated:
        return
    for p, edge in zip(pages, edges):
        _remove_lines(p, lambda i, line, edge=edge: i in edge and regex.sub(r"\d+", "#", line.strip()) in repeated)


def _edge_lines(text: str) -> set[int]:
    """The indexes of a page's first two and last two lines with text."""
    filled = [i for i, line in enumerate(text.split("\n")) if line.strip()]
    return set(filled[:2] + filled[-2:])


def _remove_lines(page: Page, drop) -> None:
    out, pos, shift = [], 0, {}
    for index, line in enumerate(page.text.split("\n")):
        start = pos
        pos += len(line) + 1
        if drop(index, line):
            continue
        shift[start] = sum(len(x) + 1 for x in out)
        out.append(line)
    new_text = "\n".join(out)
    starts = sorted(shift)

    def moved(start: int) -> int | None:
        """Where text at `start` stands once the lines are dropped; None where its line went."""
        line_start = max((s for s in starts if s <= start), default=None)
        if line_start is None:
            return None
        line_end = page.text.find("\n", line_start)
        if line_end != -1 and start > line_end:
            return None
        return shift[line_start] - line_start

    boxes = [Box(b.start + d, b.end + d, b.bbox) for b in page.boxes if (d := moved(b.start)) is not None]
    grids = []
    for g in page.grids:
        kept = [c.shifted(d) for c in g.cells if (d := moved(c.start)) is not None]
        if kept:
            grids.append(Grid(g.table, kept, g.page))
    page.text, page.boxes, page.grids = new_text, boxes, grids

"""PDF backend (text layer): pdfplumber words and tables in reading order, with boxes.

Each page becomes text in which tables are written one row per line with ' | ' between cells
(a merged cell's text repeated into every row and column it spans, as the HTML backend does),
and every word and cell keeps its box so that provenance can point at it. Page furniture
(page numbers such as '— 1 —', running heads repeated on most pages) is dropped.

A page whose text layer pdfminer cannot decode — no characters although the page shows text,
or '(cid:123)' runs from fonts without a ToUnicode map — is read again with pypdfium2, and the
reader that produced each page is recorded. A page with no text layer at all is left for OCR.
"""
from __future__ import annotations

import io
import logging
import statistics
from collections import Counter
from pathlib import Path

import pdfplumber
import regex

from ..document import Box, Document, Page
from ..errors import LoadError
from . import layout, ocr

MAX_PAGES = 400  # a report has tens of pages; beyond this the rest is not read (bounded time and memory)
OCR_DPI = 130  # measured on the scan samples: PP-OCRv6 reads every figure exactly at 130 dpi, and a page costs < 3 s here
_CID = regex.compile(r"\(cid:\d+\)")

for _name in ("pdfminer", "pdfminer.pdffont", "pdfminer.pdfpage", "pdfminer.pdfinterp"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def load(path: Path, data: bytes) -> Document:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types for a bad file
        raise LoadError(path, _reason(exc)) from None
    try:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:  # noqa: BLE001
            raise LoadError(path, _reason(exc)) from None
        if n_pages == 0:
            raise LoadError(path, "the PDF has no pages")
        pages: list[Page] = []
        fallback = None
        ocr_lines: list = []
        for number, page in enumerate(pdf.pages[:MAX_PAGES], start=1):
            try:
                text, boxes = read_page(page)
                reader = "pdfplumber"
            except Exception:  # noqa: BLE001 - one damaged page must not lose the others
                text, boxes, reader = "", [], "pdfplumber-failed"
            if _unreadable(text):
                fallback = fallback or _Pdfium(data)
                alt = fallback.page_text(number - 1)
                if alt.strip() and not _unreadable(alt):
                    text, boxes, reader = alt, [], "pypdfium2"
                elif not text.strip() or _CID.search(text):
                    text, boxes, reader = "", [], "none"
            if reader == "none" or (len(text.strip()) < 40 and _mostly_image(page)):
                # a scan, or a scan with a few words of text layer: the page is read by OCR
                fallback = fallback or _Pdfium(data)
                ocr_text, ocr_boxes, lines = fallback.ocr_page(number - 1)
                if ocr_text.strip():
                    text, boxes, reader = ocr_text, ocr_boxes, "ocr"
                    ocr_lines.extend(lines)
            pages.append(Page(number, text, reader=reader, boxes=boxes,
                              size=(float(page.width), float(page.height))))
            page.close()  # free the page's parsed objects: long PDFs stay within memory
    finally:
        pdf.close()
    _drop_running_heads(pages)
    meta = {"pages_total": n_pages}
    if n_pages > MAX_PAGES:
        meta["pages_not_read"] = n_pages - MAX_PAGES
    fmt = "pdf"
    if ocr_lines:
        meta["ocr"] = {"engine": ocr.ENGINE_NAME, "mean_confidence": ocr.mean_confidence(ocr_lines)}
        if all(p.reader in ("ocr", "none") for p in pages):
            fmt = "scan"
    return Document(str(path), "", fmt, pages, paged=True, meta=meta)


def _mostly_image(page) -> bool:
    """An image covers most of the page: a scan, perhaps with a stamp or header in the text layer."""
    area = float(page.width * page.height) or 1.0
    covered = sum(abs((im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
    return covered > 0.5 * area


def _reason(exc: Exception) -> str:
    name = type(exc).__name__
    text = str(exc)
    if "Password" in name or "Encrypt" in name or "password" in text.lower():
        return "the PDF is encrypted (a password is needed to read it)"
    if "Syntax" in name or "EOF" in text or "startxref" in text or "trailer" in text.lower():
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
        try:
            import pypdfium2
            self.doc = pypdfium2.PdfDocument(data)
        except Exception:  # noqa: BLE001 - the fallback is best effort
            self.doc = None

    def ocr_page(self, index: int, dpi: int = OCR_DPI):
        """(text, boxes in PDF points, OCR lines) of a page rendered at `dpi`; empty where OCR is unavailable."""
        if self.doc is None or index >= len(self.doc):
            return "", [], []
        try:
            image = self.doc[index].render(scale=dpi / 72).to_numpy()
            if image.ndim == 3 and image.shape[2] == 4:
                image = image[:, :, :3]
            text, boxes, lines, _ = ocr.ocr_image_text(image, scale=72 / dpi)
            return text, boxes, lines
        except ocr.OcrUnavailable:
            return "", [], []

    def page_text(self, index: int) -> str:
        if self.doc is None or index >= len(self.doc):
            return ""
        try:
            textpage = self.doc[index].get_textpage()
            return textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
        except Exception:  # noqa: BLE001
            return ""


# --- one page ---------------------------------------------------------------------------------------

def read_page(page) -> tuple[str, list[Box]]:
    """The page's text in reading order (top to bottom; tables as pipe rows) and the box of each piece."""
    # a page frame or a rule under a heading is not a table: a table has two rows and two columns at least
    tables = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
    items: list[tuple[float, float, list[tuple[str, tuple]], float | None]] = []  # top, x0, pieces, right edge
    for t in tables:
        for row_top, cells in _table_rows(t):
            items.append((row_top, t.bbox[0], cells, None))
    table_boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in table_boxes)

    words = page.filter(outside).extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False,
                                               return_chars=True)
    sizes = [w["bottom"] - w["top"] for w in words] or [10.0]
    size = statistics.median(sizes)
    gutter = _column_gutter(words, float(page.width))
    if gutter is None:
        columns = [words]
    else:  # two columns: the left one is read to its end before the right one
        columns = [[w for w in words if w["x1"] <= gutter], [w for w in words if w["x1"] > gutter]]
    for k, column in enumerate(columns):
        for line in _lines(column):
            items.append((line[0]["top"] + k * float(page.height), line[0]["x0"], _line_pieces(line), line[-1]["x1"]))
    items.sort(key=lambda it: (round(it[0], 0), it[1]))
    height = float(page.height)
    body = [it for it in items if it[3] is not None and 0.08 * height < it[0] % height < 0.88 * height]
    rights = {k: max((it[3] for it in body if (gutter is None or (it[1] > gutter) == bool(k))), default=None)
              for k in (0, 1)}
    # a page of short lines (a closing page, a signature) has no full-width line to wrap
    min_right = 0.6 * float(page.width) if gutter is None else 0.3 * float(page.width)
    rights = {k: (v if v is not None and v >= min_right else None) for k, v in rights.items()}
    text_parts: list[str] = []
    boxes: list[Box] = []
    pos = 0
    prev = None
    for item in items:
        top, _, pieces, x1 = item
        line_text = "".join(p for p, _ in pieces)
        if layout.is_page_number(line_text, top % height, top % height, height):
            continue
        if text_parts:
            right = rights[1 if gutter is not None and prev[1] > gutter else 0]
            sep = _wrap_separator(prev, item) if _wraps_into(prev, item, right, size) else "\n"
            text_parts.append(sep)
            pos += len(sep)
        prev = item
        for piece, bbox in pieces:
            if bbox is not None and piece.strip():
                boxes.append(Box(pos, pos + len(piece), tuple(round(v, 2) for v in bbox)))
            text_parts.append(piece)
            pos += len(piece)
    return "".join(text_parts), boxes


def _wraps_into(prev, item, right, size) -> bool:
    if prev is None or prev[3] is None or item[3] is None:
        return False
    return layout.continues("".join(p for p, _ in prev[2]), "".join(p for p, _ in item[2]), prev[3], right, size)


def _wrap_separator(prev, item) -> str:
    return layout.joiner("".join(p for p, _ in prev[2]), "".join(p for p, _ in item[2]))


def _column_gutter(words: list[dict], width: float) -> float | None:
    """The x of a gutter between two text columns: a band near the middle that no word crosses while
    most lines have words on both sides of it. None for a one-column page."""
    if len(words) < 20:
        return None
    for gutter in (width / 2 + d for d in (0, -15, 15, -30, 30)):
        crossing = sum(1 for w in words if w["x0"] < gutter - 2 and w["x1"] > gutter + 2)
        if crossing > 0.02 * len(words):
            continue
        rows: dict[int, set] = {}
        for w in words:
            rows.setdefault(round(w["top"] / 4), set()).add(w["x1"] <= gutter)
        both = sum(1 for sides in rows.values() if len(sides) == 2)
        left = [w for w in words if w["x1"] <= gutter]
        if both >= 0.5 * len(rows) and left and max(w["x1"] for w in left) < gutter - 5:
            return gutter
    return None


def _wrap_separator(prev, item) -> str:
    """Chinese runs on without a space; words of Latin script keep one."""
    a = "".join(p for p, _ in prev[2]).rstrip()[-1:]
    b = "".join(p for p, _ in item[2]).lstrip()[:1]
    return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their vertical middle, each line left to right."""
    if not words:
        return []
    heights = [w["bottom"] - w["top"] for w in words]
    tol = max(1.5, 0.5 * statistics.median(heights))
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if lines and abs(mid - lines[-1][-1]["_mid"]) <= tol:
            lines[-1].append({**w, "_mid": lines[-1][-1]["_mid"]})
        else:
            lines.append([{**w, "_mid": mid}])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _line_pieces(line: list[dict]) -> list[tuple[str, tuple]]:
    pieces: list[tuple[str, tuple]] = []
    prev = None
    for w in line:
        if prev is not None:
            gap = w["x0"] - prev["x1"]
            size = max(1.0, prev["bottom"] - prev["top"])
            # a wide gap separates columns of a borderless table; a narrow one is a space
            pieces.append((" | " if gap > 2.5 * size else " " if gap > 0.25 * size else "", None))
        chars = w.get("chars") or []
        if len(chars) == len(w["text"]):  # a box per character: a figure's box is the figure's, not its line's
            pieces.extend((c["text"], (c["x0"], c["top"], c["x1"], c["bottom"])) for c in chars)
        else:
            pieces.append((w["text"], (w["x0"], w["top"], w["x1"], w["bottom"])))
        prev = w
    return pieces


def _table_rows(table) -> list[tuple[float, list[tuple[str, tuple | None]]]]:
    """Rows of a ruled table; a merged cell (None in pdfplumber's grid) takes the text of the cell that
    spans it — the one above for a row span, the one to the left for a column span."""
    texts = table.extract(x_tolerance=1.5, y_tolerance=2)
    rows = table.rows
    grid: list[list[tuple[str, tuple | None]]] = []
    for r, row in enumerate(rows):
        out: list[tuple[str, tuple | None]] = []
        for c, cell in enumerate(row.cells):
            if cell is not None:
                text = regex.sub(r"\s*\n\s*", "", texts[r][c] or "")  # a cell's wrapped lines are one text
                out.append((text.replace("|", "/"), cell))
                continue
            out.append(_spanning(grid, out, rows, r, c))
        grid.append(out)
    result = []
    for row, cells in zip(rows, grid):
        pieces: list[tuple[str, tuple | None]] = []
        for k, (text, bbox) in enumerate(cells):
            if k:
                pieces.append((" | ", None))
            pieces.append((text, bbox))
        result.append((row.bbox[1], pieces))
    return result


def _spanning(grid, current, rows, r, c) -> tuple[str, tuple | None]:
    row_top = rows[r].bbox[1]
    for above in reversed(grid):
        if c < len(above) and above[c][1] is not None and above[c][1][3] > row_top + 1:
            return above[c][0], above[c][1]
        if c < len(above) and above[c][1] is not None:
            break
    if current:
        return current[-1][0], current[-1][1]
    return "", None


def _drop_running_heads(pages: list[Page]) -> None:
    """Lines repeated at the top or bottom of most pages (running heads, footers) are furniture."""
    if len(pages) < 3:
        return
    edge_lines: Counter = Counter()
    for p in pages:
        lines = [x.strip() for x in p.text.split("\n") if x.strip()]
        for line in set(lines[:2] + lines[-2:]):
            edge_lines[regex.sub(r"\d+", "#", line)] += 1
    repeated = {k for k, n in edge_lines.items() if n >= max(3, 0.6 * len(pages)) and len(k) < 60}
    if not repeated:
        return
    for p in pages:
        _remove_lines(p, lambda line: regex.sub(r"\d+", "#", line.strip()) in repeated)


def _remove_lines(page: Page, drop) -> None:
    out, boxes, pos, shift = [], [], 0, {}
    for line in page.text.split("\n"):
        start = pos
        pos += len(line) + 1
        if drop(line):
            continue
        shift[start] = sum(len(x) + 1 for x in out)
        out.append(line)
    new_text = "\n".join(out)
    starts = sorted(shift)
    for b in page.boxes:
        line_start = max((s for s in starts if s <= b.start), default=None)
        if line_start is None:
            continue
        line_end = page.text.find("\n", line_start)
        if line_end != -1 and b.start > line_end:
            continue
        delta = shift[line_start] - line_start
        boxes.append(Box(b.start + delta, b.end + delta, b.bbox))
    page.text, page.boxes = new_text, boxes

"""A PDF page's text layer read by pypdfium2: every character with its box from pdfium's text page,
and ruling lines from the page's path objects. An order of magnitude faster than pdfminer, and it
maps fonts pdfminer cannot (CFF / OpenType CJK fonts, where pdfminer reads nothing or radicals
for characters).

Boxes are pdfium's loose character boxes (the font's ascent to descent, the advance wide): the box
pdfminer gives a character, so that words, lines and cells group as they do from pdfplumber.
"""
from __future__ import annotations

import ctypes
import math

import pypdfium2
import pypdfium2.raw as pdfium_c

from .pdf_layer import TextLayer

THIN = 3.0  # a path no thicker than this (points) is a ruling line; pdfplumber's snap tolerance
_PATH, _IMAGE = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE


def pdfium_layer(page: pypdfium2.PdfPage) -> TextLayer:
    left, bottom, right, top = page.get_cropbox()
    width, height = right - left, top - bottom
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage, left, top)
    finally:
        textpage.close()
    edges: list[dict] = []
    image_area = 0.0
    for obj in page.get_objects(filter=[_PATH, _IMAGE]):
        if obj.type == _IMAGE:
            x0, y0, x1, y1 = obj.get_bounds()
            image_area += abs((x1 - x0) * (y1 - y0))
        else:
            edges.extend(_path_edges(obj, left, top))
    return TextLayer(float(width), float(height), chars, edges, image_area / (width * height or 1.0), "pypdfium2")


def _chars(textpage, left: float, top: float) -> list[dict]:
    n = textpage.count_chars()
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    get_unicode, loose_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    generated, get_matrix = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetMatrix
    font_size = pdfium_c.FPDFText_GetFontSize
    out: list[dict] = []
    pending_high = None
    for i in range(n):
        code = get_unicode(textpage, i)
        if generated(textpage, i) == 1 or code in (0, 0xFFFE):
            continue  # spaces and line ends pdfium adds between runs: the words are grouped from the boxes
        if 0xD800 <= code < 0xDC00:  # the first half of a character outside the BMP
            pending_high = code
            continue
        if 0xDC00 <= code < 0xE000 and pending_high is not None:
            code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
        pending_high = None
        if not loose_box(textpage, i, rect) or not get_matrix(textpage, i, matrix):
            continue
        bottom = top - rect.bottom
        # pdfminer's height is the font size (as the text and page matrices scale it), from the descent
        # up: the loose box spans the font's whole bbox, taller in some fonts (Helvetica: 1.17 em)
        size = font_size(textpage, i) * math.hypot(matrix.c, matrix.d)
        height = min(rect.top - rect.bottom, size) if size > 0 else rect.top - rect.bottom
        out.append({"text": chr(code), "x0": rect.left - left, "x1": rect.right - left, "top": bottom - height,
                    "bottom": bottom, "doctop": bottom - height,
                    "upright": matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0})
    return out


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation, "object_type": "line"}


def _path_edges(obj, left: float, top: float) -> list[dict]:
    """The axis-aligned edges a path draws: a thin path (a stroked rule, or a filled bar as browsers
    draw cell borders) is one edge along its middle; a wider one gives its straight segments (a
    grid stroked as one path, a rectangle's four sides)."""
    x0, y0, x1, y1 = obj.get_bounds()
    if x1 - x0 <= THIN and y1 - y0 > THIN:
        x = (x0 + x1) / 2 - left
        return [_edge(x, top - y1, x, top - y0, "v")]
    if y1 - y0 <= THIN and x1 - x0 > THIN:
        y = top - (y0 + y1) / 2
        return [_edge(x0 - left, y, x1 - left, y, "h")]
    if x1 - x0 <= THIN and y1 - y0 <= THIN:
        return []
    m = obj.get_matrix()
    edges = []
    px, py = ctypes.c_float(), ctypes.c_float()
    start = prev = None
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, px, py):
            continue
        point = (m.a * px.value + m.c * py.value + m.e - left, top - (m.b * px.value + m.d * py.value + m.f))
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            edges.extend(_straight(prev, point))
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            edges.extend(_straight(point, start))
        prev = point
    return edges


def _straight(a: tuple[float, float], b: tuple[float, float]) -> list[dict]:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) < 0.5 and abs(ax - bx) > 0:
        return [_edge(min(ax, bx), ay, max(ax, bx), ay, "h")]
    if abs(ax - bx) < 0.5 and abs(ay - by) > 0:
        return [_edge(ax, min(ay, by), ax, max(ay, by), "v")]
    return []  # a diagonal: no rule of a grid

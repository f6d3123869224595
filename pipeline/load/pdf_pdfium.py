"""A PDF page's text layer read by pypdfium2: every character with its box from pdfium's text page,
and ruling lines from the page's path objects. An order of magnitude faster than pdfminer, and it
maps fonts pdfminer cannot (CFF / OpenType CJK fonts, where pdfminer reads nothing or radicals
for characters).

Boxes are pdfium's loose character boxes (the font's ascent to descent, the advance wide): the box
pdfminer gives a character, so that words, lines and cells group as they do from pdfplumber.
"""
from __future__ import annotations

import ctypes
import dataclasses
import math

import pypdfium2
import pypdfium2.raw as pdfium_c

from .pdf_layer import TextLayer

THIN = 3.0  # a path no thicker than this (points) is a ruling line; pdfplumber's snap tolerance
_PATH, _IMAGE = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE


def pdfium_layer(page: pypdfium2.PdfPage) -> TextLayer:
    # get_bbox (media box ∩ crop box) inherits from the page tree; get_cropbox does not, and gives a Letter
    # box for a page whose box sits on its parent: an A4 page then measures 50 pt off (crbug.com/pdfium/1786)
    left, bottom, right, top = page.get_bbox()
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
    layer = TextLayer(float(width), float(height), chars, edges, image_area / (width * height or 1.0), "pypdfium2")
    return turned(layer, page.get_rotation())


def turned(layer: TextLayer, rotation: int) -> TextLayer:
    """The layer as the page is shown: a page whose /Rotate is 90, 180 or 270 (degrees clockwise) is
    displayed turned, and rendered so (its audit pictures, OCR); pdfium's text page is in the unturned
    frame. Boxes, edges and the page's size are turned into the shown frame, as pdfminer's are, so that
    lines group across the shown page and every box lies where the rendering shows its text."""
    rotation %= 360
    if rotation not in (90, 180, 270):
        for c in layer.chars:
            del c["angle"]
        return layer
    w, h = layer.width, layer.height

    def turn(x0: float, x1: float, top: float, bottom: float) -> tuple[float, float, float, float]:
        if rotation == 90:
            return h - bottom, h - top, x0, x1
        if rotation == 180:
            return w - x1, w - x0, h - bottom, h - top
        return top, bottom, w - x1, w - x0

    for c in layer.chars:
        c["x0"], c["x1"], c["top"], c["bottom"] = turn(c["x0"], c["x1"], c["top"], c["bottom"])
        c["doctop"] = c["top"]
        c["upright"] = math.cos(math.radians(c.pop("angle", 0.0) - rotation)) > 0.99
    for e in layer.edges:
        e["x0"], e["x1"], e["top"], e["bottom"] = turn(e["x0"], e["x1"], e["top"], e["bottom"])
        e["doctop"], e["width"], e["height"] = e["top"], e["x1"] - e["x0"], e["bottom"] - e["top"]
        if rotation != 180:
            e["orientation"] = "h" if e["orientation"] == "v" else "v"
    return dataclasses.replace(layer, width=h, height=w) if rotation != 180 else layer


DESCENT = 0.2  # the share of the font size below the baseline, where no character of the font says


def _chars(textpage, left: float, top: float) -> list[dict]:
    """The page's characters in content order. The box is pdfium's loose box, its height the font
    size (pdfminer's), except for a glyph pdfium knows no font metrics for (some CFF subsets): its
    loose box is its ink ('一' is a bar 1 pt high), so it is placed on its baseline as the font's
    other characters stand, from its origin to the next character's."""
    n = textpage.count_chars()
    rect, tight, matrix = pdfium_c.FS_RECTF(), [ctypes.c_double() for _ in range(4)], pdfium_c.FS_MATRIX()
    get_unicode, loose_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    generated, get_matrix = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetMatrix
    font_size, tight_box = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetCharBox
    out: list[dict] = []
    inked: list[tuple[int, int, float]] = []  # (position in out, pdfium index, font size) of glyph-only boxes
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
        # the loose box spans the font's whole bbox, taller than pdfminer's in some fonts (Helvetica: 1.17 em)
        size = font_size(textpage, i) * math.hypot(matrix.c, matrix.d)
        loose = rect.top - rect.bottom
        if size > 0 and code > 0x20 and loose < 0.95 * size:
            tight_box(textpage, i, *tight)  # left, right, bottom, top
            if abs(tight[3].value - rect.top) < 0.01 and abs(tight[2].value - rect.bottom) < 0.01:
                inked.append((len(out), i, size))
        bottom = top - rect.bottom
        height = min(loose, size) if size > 0 else loose
        # the text's direction on the unturned page, counter-clockwise: a turned page's upright text runs up it
        angle = math.degrees(math.atan2(matrix.b, matrix.a))
        out.append({"text": chr(code), "x0": rect.left - left, "x1": rect.right - left, "top": bottom - height,
                    "bottom": bottom, "doctop": bottom - height, "angle": angle,
                    "upright": matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0})
    if inked:
        _place_inked(textpage, out, inked, left, top)
    return out


def _place_inked(textpage, chars: list[dict], inked: list[tuple[int, int, float]], left: float, top: float) -> None:
    ox, oy = ctypes.c_double(), ctypes.c_double()

    def baseline_origin(i: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, ox, oy)
        return ox.value - left, top - oy.value

    glyph_only = {k for k, _, _ in inked}
    for k, i, size in inked:
        x, baseline = baseline_origin(i)
        # the descent of the nearest character before it that has font metrics, on the same line
        descent = DESCENT * size
        for j in range(k - 1, max(-1, k - 40), -1):
            c = chars[j]
            if j not in glyph_only and c["text"].strip() and abs(c["bottom"] - baseline) < 0.5 * size:
                descent = c["bottom"] - baseline
                break
        c = chars[k]
        c["bottom"] = baseline + descent
        c["top"] = c["doctop"] = c["bottom"] - size
        # its advance: to the next character on its baseline, else a full em (a CJK glyph's)
        nxt = i + 1 if i + 1 < pdfium_c.FPDFText_CountChars(textpage) else None
        x1 = None
        if nxt is not None:
            nx, ny = baseline_origin(nxt)
            if abs(ny - baseline) < 0.2 * size and x < nx <= x + 1.5 * size:
                x1 = nx
        c["x0"], c["x1"] = x, x1 if x1 is not None else max(c["x1"], x + (size if ord(c["text"][0]) >= 0x2E80 else 0))


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

"""OCR of a scanned PDF page, at a resolution chosen from the page.

The page is read first at BASE_DPI, straightened if it was fed crooked (deskew.py). Two things in
that first reading can call for a sharper one:

* small print: when the median text line is under MIN_LINE_PX pixels tall, the whole page is read
  again at the resolution that makes it that tall;
* a score table that does not close (ocr_table.py: no total row, a row without its figures, rows
  that do not add up, a figure of low confidence): the band of the page the table spans is read
  again at the scan's own resolution (the pixels per inch of its page image), up to MAX_DPI and
  within REREAD_PIXELS, and replaces the first reading of that band when it reads better.

Each rendering is released as soon as it is read, so a page costs one image at a time. What was
decided travels with the text in a `ScanReading`.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

from ..document import Box
from . import ocr
from .ocr_table import TableVerdict, score_table_verdict

BASE_DPI = 130  # measured on the scan samples: body text and most tables read exactly, < 3 s a page
MAX_DPI = 300  # above this a scan has no more detail to give and the page costs 5× the time
MIN_LINE_PX = 18  # median line height below which recognition starts to lose characters
REREAD_PIXELS = 5_000_000  # the most pixels of one re-read band: bounds the detector's memory
_BAND_MARGIN = 12.0  # points above and below the table kept in the re-read band
log = logging.getLogger("jixiao.ocr")


@dataclass
class ScanReading:
    """One scanned page read: text with boxes and OCR lines in PDF points, and how it was read."""

    text: str
    boxes: list[Box]
    lines: list[ocr.OcrLine]
    dpi: int
    table: TableVerdict
    reread: list[str] = field(default_factory=list)  # what was read again and why


def native_dpi(page) -> float | None:
    """Pixels per inch of the largest image drawn on the page (the scan itself), if any."""
    best = None
    for obj in page.get_objects(max_depth=2):
        if obj.type != 3:  # FPDF_PAGEOBJ_IMAGE
            continue
        left, bottom, right, top = obj.get_bounds()
        width_in = (right - left) / 72
        if width_in <= 0:
            continue
        pixels = obj.get_metadata().width
        if best is None or width_in > best[0]:
            best = (width_in, pixels / width_in)
    return best[1] if best else None


def _render(page, dpi: float, crop=(0, 0, 0, 0)):
    """The page (or the band left by `crop`, in points) in grey at `dpi`, as a numpy array."""
    image = page.render(scale=dpi / 72, crop=crop, grayscale=True).to_numpy()
    return image[:, :, 0] if image.ndim == 3 else image


def _read(page, dpi: float, crop=(0, 0, 0, 0)):
    image = _render(page, dpi, crop)
    text, boxes, lines, _ = ocr.ocr_image_text(image, scale=72 / dpi, deskew=True)
    del image  # released before anything else is rendered
    dx, dy = crop[0], crop[3]  # a band's boxes are moved to where the band lies on the page

    def points(box):
        return (round(box[0] * 72 / dpi + dx, 2), round(box[1] * 72 / dpi + dy, 2),
                round(box[2] * 72 / dpi + dx, 2), round(box[3] * 72 / dpi + dy, 2))

    if dx or dy:
        boxes = [Box(b.start, b.end, (round(b.bbox[0] + dx, 2), round(b.bbox[1] + dy, 2), round(b.bbox[2] + dx, 2),
                                      round(b.bbox[3] + dy, 2)), b.confidence) for b in boxes]
    return text, boxes, [ocr.OcrLine(x.text, points(x.box), x.score) for x in lines]


def read_scanned_page(page) -> ScanReading:
    """Read one scanned page (a pypdfium2 page) by OCR, again sharper where the first reading is
    poor."""
    width, height = page.get_size()
    native = native_dpi(page)
    dpi = BASE_DPI
    text, boxes, lines = _read(page, dpi)
    reread = []
    line_px = _median_line_px(lines, dpi)
    if line_px and line_px < MIN_LINE_PX:
        sharper = _within_budget(min(MAX_DPI, dpi * MIN_LINE_PX / line_px, native or MAX_DPI), width, height)
        if sharper > dpi * 1.15:
            reread.append(f"page at {sharper:.0f} dpi: lines {line_px:.0f} px tall at {dpi} dpi")
            dpi = round(sharper)
            text, boxes, lines = _read(page, dpi)
    verdict = score_table_verdict(text, boxes)
    if verdict.found and not verdict.closes:
        band_top = max(0.0, verdict.top - _BAND_MARGIN)
        band_bottom = min(height, verdict.bottom + _BAND_MARGIN)
        sharper = _within_budget(min(MAX_DPI, max(native or 0, dpi * 1.5)), width, band_bottom - band_top)
        if sharper > dpi * 1.15:
            crop = (0, height - band_bottom, 0, band_top)
            band_text, band_boxes, band_lines = _read(page, sharper, crop)
            band_verdict = score_table_verdict(band_text, band_boxes)
            # what the reader did, for a developer: a person sees the page's progress line, not this
            log.debug("score table did not close at %d dpi (%s); its band read at %.0f dpi: %s",
                      dpi, verdict.reason, sharper, band_verdict.reason)
            if _better(band_verdict, band_boxes, verdict, boxes, band_top, band_bottom):
                text, boxes = splice(text, boxes, band_top, band_bottom, band_text, band_boxes)
                lines = [x for x in lines if not band_top <= (x.box[1] + x.box[3]) / 2 <= band_bottom] + band_lines
                reread.append(f"table band at {sharper:.0f} dpi: {verdict.reason} at {dpi} dpi")
                verdict = score_table_verdict(text, boxes)
    return ScanReading(text, boxes, lines, dpi, verdict, reread)


def _median_line_px(lines: list[ocr.OcrLine], dpi: float) -> float | None:
    heights = sorted((x.box[3] - x.box[1]) * dpi / 72 for x in lines if len(x.text) > 1)
    return heights[len(heights) // 2] if heights else None


def _within_budget(dpi: float, width_pt: float, height_pt: float) -> float:
    """`dpi`, lowered so that the rendering stays within REREAD_PIXELS."""
    area_in = (width_pt / 72) * (height_pt / 72)
    return min(dpi, math.sqrt(REREAD_PIXELS / area_in)) if area_in > 0 else dpi


def _quality(verdict: TableVerdict, boxes: list[Box], top: float, bottom: float) -> tuple:
    """What makes one reading of a table better than another, in order: it closes; it has more of
    its figures (a sharper reading of a noisy scan can lose a small figure the first one had); its
    pieces read with more confidence."""
    inside = [b for b in boxes if top <= (b.bbox[1] + b.bbox[3]) / 2 <= bottom]
    confidence = sum(b.confidence or 0 for b in inside) / len(inside) if inside else 0.0
    return (verdict.closes, verdict.figures, confidence)


def _better(band: TableVerdict, band_boxes, first: TableVerdict, first_boxes, top, bottom) -> bool:
    return _quality(band, band_boxes, top, bottom) > _quality(first, first_boxes, top, bottom)


def splice(text: str, boxes: list[Box], top: float, bottom: float, band_text: str,
            band_boxes: list[Box]) -> tuple[str, list[Box]]:
    """The page's text with its lines inside the band [top, bottom] (points) replaced by the band's
    own reading; boxes follow their text."""
    out: list[str] = []
    out_boxes: list[Box] = []
    placed = False
    pos = 0

    def add(line_text: str, line_boxes: list[Box], line_start: int) -> None:
        start = sum(len(x) + 1 for x in out)
        out.append(line_text)
        out_boxes.extend(Box(b.start - line_start + start, b.end - line_start + start, b.bbox, b.confidence)
                         for b in line_boxes)

    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        inside = [b for b in boxes if start <= b.start <= end]
        mids = [(b.bbox[1] + b.bbox[3]) / 2 for b in inside]
        mid = sum(mids) / len(mids) if mids else None
        if mid is not None and mid >= top and not placed:
            add(band_text, band_boxes, 0)
            placed = True
        if mid is not None and top <= mid <= bottom:
            continue
        add(line, inside, start)
    if not placed:
        add(band_text, band_boxes, 0)
    return "\n".join(out), out_boxes

"""What one page or one workbook may cost, checked before the work starts where the cost is known.

The time and memory limits of a file are enforced from outside (pipeline/supervise.py), but a file
that would blow through them in one C call is better refused before the call: an 80-byte 1×255 PNG
took 9.5 GB in OCR (the detector scales the short side up, the long side with it), a 1.5 KB PDF with
one 10000×10000 pt page asked pdfium for a 326 Mpx rendering, Apache POI's 110 KB
`poc-shared-strings.xlsx` repeats long shared strings into cells until openpyxl's grid holds 24 GB.
Each cap here names a size no report page or report workbook comes near, and says why.

A page over a cap is skipped (`PageCapped`: the backend keeps the other pages and names the page's
reader `skipped: <reason>`, so the record's `source.page_readers` says what was left out and why); a
workbook over a cap is refused with a LoadError before it is loaded.
"""
from __future__ import annotations

import zipfile

from ..errors import LoadError

# --- pages rendered or read by OCR -------------------------------------------------------------------

MAX_RENDER_PIXELS = 40_000_000  # an A0 sheet at 130 dpi is 33 Mpx; A3 at 300 dpi 17 Mpx: more is no report page
MAX_OCR_PIXELS = 40_000_000  # the same bound on an image handed to OCR (the detector's memory grows with it)
MAX_ASPECT = 12.0  # long side over short side: a phone's long screenshot is ~9; a 1×255 or 1600×2 strip is no page
MIN_SIDE_PX = 16  # a side shorter than this holds no line of text (a 12 pt line at 96 dpi is 16 px)


class PageCapped(Exception):
    """A page skipped before the work started: `reason` says which cap and the figure."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    @property
    def reader(self) -> str:
        """What stands as the page's reader in the record (source.page_readers)."""
        return f"skipped: {self.reason}"


def check_render(width_pt: float, height_pt: float, dpi: float) -> None:
    """Raise PageCapped when rendering a page of this size (PDF points) at `dpi` is over a cap."""
    width_px, height_px = width_pt * dpi / 72, height_pt * dpi / 72
    pixels = width_px * height_px
    if pixels > MAX_RENDER_PIXELS:
        raise PageCapped(f"the page ({width_pt:.0f}×{height_pt:.0f} pt) would render to {pixels / 1e6:.0f} Mpx "
                         f"at {dpi:g} dpi, over {MAX_RENDER_PIXELS / 1e6:.0f} Mpx")
    _check_shape(width_px, height_px, "the page")


def check_picture(width_px: float, height_px: float, what: str) -> None:
    """Raise PageCapped when a picture drawn for a person (audit, review) would be over the pixel cap; its
    shape does not matter there, only what drawing it costs."""
    if width_px * height_px > MAX_RENDER_PIXELS:
        raise PageCapped(f"{what} ({width_px:.0f}×{height_px:.0f} px) would be {width_px * height_px / 1e6:.0f} Mpx, "
                         f"over {MAX_RENDER_PIXELS / 1e6:.0f} Mpx")


def check_ocr_image(shape) -> None:
    """Raise PageCapped when an image of this numpy `shape` (height, width, …) is not worth OCR's memory."""
    height, width = shape[0], shape[1]
    if width * height > MAX_OCR_PIXELS:
        raise PageCapped(f"the image ({width}×{height} px) is over {MAX_OCR_PIXELS / 1e6:.0f} Mpx for OCR")
    _check_shape(width, height, "the image")


def _check_shape(width: float, height: float, what: str) -> None:
    short, long = min(width, height), max(width, height)
    if short < MIN_SIDE_PX:
        raise PageCapped(f"{what} ({width:.0f}×{height:.0f} px) is under {MIN_SIDE_PX} px on a side: no text to read")
    if long / short > MAX_ASPECT:
        raise PageCapped(f"{what} ({width:.0f}×{height:.0f} px) is {long / short:.0f} times longer than wide "
                         f"(over {MAX_ASPECT:g}): a strip, not a page")


# --- workbooks -----------------------------------------------------------------------------------------

MAX_SHARED_STRINGS = 500_000  # a report workbook has hundreds; the count is read before anything is loaded
MAX_CELLS = 2_000_000  # cells with a value, over all sheets: a report form has a few thousand
MAX_SHEET_TEXT = 50_000_000  # characters the sheets would hold once shared strings are put in their cells
_CHUNK = 1 << 20


def check_workbook(path, zf: zipfile.ZipFile) -> None:
    """Refuse an XLSX before openpyxl loads it when its shared strings, its cells or the text they would
    make are over a cap. Counted by streaming the XML parts (already checked for entities), never by
    building them: the lengths of the shared strings, then each sheet's cells and the shared strings
    they repeat."""
    from lxml import etree

    lengths = _shared_string_lengths(path, zf, etree)
    cells = text = 0
    for name in sorted(n for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")):
        with zf.open(name) as fh:
            for _, c in etree.iterparse(fh, events=("end",), tag="{*}c", resolve_entities=False, no_network=True,
                                        huge_tree=True):
                cells += 1
                if c.get("t") == "s":
                    v = c.find("{*}v")
                    try:
                        text += lengths[int(v.text)] if v is not None and v.text else 0
                    except (ValueError, IndexError):
                        pass
                c.clear(keep_tail=False)
                while c.getprevious() is not None:
                    del c.getparent()[0]
                if cells > MAX_CELLS:
                    raise LoadError(path, f"refused: over {MAX_CELLS:,} cells (a report form has a few thousand)")
                if text > MAX_SHEET_TEXT:
                    raise LoadError(path, f"refused: its cells would hold over {MAX_SHEET_TEXT // 10**6} million "
                                          f"characters of shared strings (a shared-strings bomb)")


def _shared_string_lengths(path, zf: zipfile.ZipFile, etree) -> list[int]:
    name = next((n for n in zf.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if name is None:
        return []
    lengths: list[int] = []
    with zf.open(name) as fh:
        for _, si in etree.iterparse(fh, events=("end",), tag="{*}si", resolve_entities=False, no_network=True,
                                     huge_tree=True):
            lengths.append(sum(len(t.text or "") for t in si.iter("{*}t")))
            si.clear(keep_tail=False)
            while si.getprevious() is not None:
                del si.getparent()[0]
            if len(lengths) > MAX_SHARED_STRINGS:
                raise LoadError(path, f"refused: over {MAX_SHARED_STRINGS:,} shared strings (a report workbook has "
                                      f"hundreds)")
    return lengths


def ocr_page_within_caps(fallback, index: int) -> tuple[str, list, list, str | None]:
    """A PDF page's OCR (`fallback.ocr_page(index)`, pdf.py) with the page's size checked first:
    (text, boxes, lines, None), or empty with the reader that says why the page was skipped."""
    try:
        doc = getattr(fallback, "doc", None)
        if doc is not None and 0 <= index < len(doc):
            width, height = doc[index].get_size()
            check_render(width, height, _ocr_dpi())
        text, boxes, lines = fallback.ocr_page(index)
        return text, boxes, lines, None
    except PageCapped as capped:
        return "", [], [], capped.reader


def _ocr_dpi() -> float:
    """The resolution a scanned page is first rendered at (pdf_scan.py; later readings stay in its budget)."""
    from . import pdf_scan
    return pdf_scan.BASE_DPI

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

import re
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


MAX_MERGED_AREA = 1_000_000  # cells covered by merged ranges, over all sheets: a form's merges cover a few thousand
# A cell text at most this long is not remembered by reference while a sheet is streamed (a merged range's
# text is counted at this length when its own cell was shorter or not seen).
_SHORT_TEXT = 64
_SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_SHARED_STRINGS_TYPE = _SPREADSHEET + "sharedStrings+xml"
_WORKSHEET_TYPES = (_SPREADSHEET + "worksheet+xml", "application/vnd.ms-excel.worksheet")


def check_workbook(path, zf: zipfile.ZipFile) -> None:
    """Refuse an XLSX before openpyxl loads it when what its parts hold is over a cap: shared strings,
    cells, the characters its cells would hold (shared strings repeated, inline strings, a merged range's
    text repeated into every cell it spans), or the area its merged ranges cover (openpyxl makes a cell
    object for each). The parts are found by their content type, as openpyxl finds them, not by their
    names; they are counted by streaming the XML (already checked for entities), never by building it."""
    from lxml import etree

    shared, sheets = _parts_by_type(zf)
    lengths = _shared_string_lengths(path, zf, shared, etree)
    tally = _Tally(path)
    for name in sheets:
        with zf.open(name) as fh:
            for _, el in etree.iterparse(fh, events=("end",), tag=("{*}c", "{*}mergeCell"), resolve_entities=False,
                                         no_network=True, huge_tree=True):
                if el.tag.endswith("mergeCell"):
                    tally.merged(el.get("ref") or "")
                else:
                    tally.cell(el.get("r"), _cell_length(el, lengths))
                el.clear(keep_tail=False)
                while el.getprevious() is not None:
                    del el.getparent()[0]
        tally.sheet_done()


def _parts_by_type(zf: zipfile.ZipFile) -> tuple[str | None, list[str]]:
    """(the shared-strings part, the worksheet parts) named by [Content_Types].xml: by an Override for the
    part, or by a Default for its extension; the usual names where the manifest says nothing."""
    from lxml import etree
    names = {n.lower(): n for n in zf.namelist()}
    overrides, defaults = {}, {}
    manifest = names.get("[content_types].xml")
    if manifest is not None:
        root = etree.fromstring(zf.read(manifest), etree.XMLParser(resolve_entities=False, no_network=True))
        for el in root:
            if el.tag.endswith("Override") and el.get("PartName"):
                overrides[el.get("PartName").lstrip("/").lower()] = el.get("ContentType") or ""
            elif el.tag.endswith("Default") and el.get("Extension"):
                defaults[el.get("Extension").lower()] = el.get("ContentType") or ""

    def kind(name: str) -> str:
        low = name.lower()
        return overrides.get(low) or defaults.get(low.rsplit(".", 1)[-1], "")

    shared = [n for n in zf.namelist() if kind(n) == _SHARED_STRINGS_TYPE]
    sheets = [n for n in zf.namelist() if kind(n) in _WORKSHEET_TYPES]
    fallback_shared = names.get("xl/sharedstrings.xml")
    fallback_sheets = sorted(n for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    return (shared[0] if shared else fallback_shared), sorted(set(sheets) | set(fallback_sheets))


def _cell_length(c, lengths: list[int]) -> int:
    """How many characters cell `c` holds: its shared string's length, its inline string's, or its value's."""
    kind = c.get("t")
    if kind == "s":
        v = c.find("{*}v")
        try:
            return lengths[int(v.text)] if v is not None and v.text else 0
        except (ValueError, IndexError):
            return 0
    if kind == "inlineStr":
        return sum(len(t.text or "") for t in c.iter("{*}t"))
    v = c.find("{*}v")
    return len(v.text or "") if v is not None else 0


class _Tally:
    """What the sheets streamed so far hold, refused the moment a cap is passed."""

    def __init__(self, path):
        self.path = path
        self.cells = self.text = self.area = 0
        self.long: dict[str, int] = {}  # this sheet's cells holding more than _SHORT_TEXT characters

    def cell(self, ref: str | None, length: int) -> None:
        self.cells += 1
        self.text += length
        if ref and length > _SHORT_TEXT:
            self.long[ref.upper()] = length
        if self.cells > MAX_CELLS:
            raise LoadError(self.path, f"refused: over {MAX_CELLS:,} cells (a report form has a few thousand)")
        self._check_text()

    def merged(self, ref: str) -> None:
        span = _range_area(ref)
        if span is None:
            return
        area, top_left = span
        self.area += area
        if self.area > MAX_MERGED_AREA:
            raise LoadError(self.path, f"refused: its merged ranges cover over {MAX_MERGED_AREA:,} cells "
                                       f"(a form's merges cover a few thousand)")
        self.text += (area - 1) * self.long.get(top_left, _SHORT_TEXT)  # the range's text repeated into each cell
        self._check_text()

    def sheet_done(self) -> None:
        self.long = {}

    def _check_text(self) -> None:
        if self.text > MAX_SHEET_TEXT:
            raise LoadError(self.path, f"refused: its cells would hold over {MAX_SHEET_TEXT // 10**6} million "
                                       f"characters (a shared-strings, inline-strings or merged-cells bomb)")


# A cell range as a mergeCell writes it: 'A1:XFD1048576', 'B3' ('$' marks allowed).
_RANGE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?")


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _range_area(ref: str) -> tuple[int, str] | None:
    """(cells covered, top-left reference) of a range such as 'A1:XFD1048576'; None when unreadable."""
    m = _RANGE.fullmatch(ref.strip())
    if not m:
        return None
    c0, r0 = _column_number(m[1].upper()), int(m[2])
    c1, r1 = (_column_number(m[3].upper()), int(m[4])) if m[3] else (c0, r0)
    left = m[1] if c0 <= c1 else m[3]
    return (abs(c1 - c0) + 1) * (abs(r1 - r0) + 1), f"{left.upper()}{min(r0, r1)}"


def _shared_string_lengths(path, zf: zipfile.ZipFile, name: str | None, etree) -> list[int]:
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

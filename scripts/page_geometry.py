"""Rewrite a PDF's page geometry while it shows the same: the ways real PDFs differ from reportlab's
(issue 24), each a transform whose output looks exactly like its input on screen, so that a reading of
the output must equal the reading of the input, evidence boxes included.

- `inherit_page_box`: every page's MediaBox moves up to the page tree's root (Word's and some scanners'
  exports); pdfium's get_cropbox() does not look up the tree and falls back to a Letter box.
- `turn_pages`: the content drawn a quarter turn counter-clockwise on a landscape MediaBox, shown upright
  by /Rotate 90 (a landscape-printed form, a page turned in an editor).
- `offset_crop`: the MediaBox grown by a margin on every side, a CropBox showing the old page (a page
  cropped in a viewer or an imposition tool).

    .venv/bin/python scripts/page_geometry.py inherit|turn|crop IN.pdf OUT.pdf

Works on PDFs with a classic cross-reference table and plain object dictionaries (reportlab's, Chromium's
and Pillow's output; not object streams): objects are rewritten in order and the table rebuilt.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

_OBJECT = re.compile(rb"(\d+) 0 obj\b(.*?)\bendobj", re.S)
_BOX = re.compile(rb"/(MediaBox|CropBox)\s*\[([^\]]*)\]")
_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
_PAGES = re.compile(rb"/Type\s*/Pages\b")
_ROTATE = re.compile(rb"/Rotate\s+-?\d+")
_CONTENTS = re.compile(rb"/Contents\s+(\d+ 0 R|\[[^\]]*\])")
_TRAILER = re.compile(rb"trailer\s*(<<.*?>>)\s*startxref", re.S)


class Pdf:
    """A PDF's objects as (dictionary part, stream part) by number, written back with a new table."""

    def __init__(self, data: bytes):
        self.header = data[: data.index(b"\n") + 1]  # %PDF-1.x
        self.objects: dict[int, list[bytes]] = {}
        for m in _OBJECT.finditer(data):
            body = m[2]
            at = body.find(b"stream")
            self.objects[int(m[1])] = [body, b""] if at < 0 else [body[:at], body[at:]]
        trailer = _TRAILER.search(data)
        if not self.objects or trailer is None:
            raise ValueError("not a plain PDF with a classic cross-reference table")
        self.trailer = trailer[1]

    def pages(self) -> list[int]:
        return [n for n, (head, _) in self.objects.items() if _PAGE.search(head)]

    def add(self, head: bytes, stream: bytes = b"") -> int:
        number = max(self.objects) + 1
        self.objects[number] = [head, stream]
        return number

    def add_content(self, operators: bytes) -> int:
        return self.add(b"<< /Length %d >>\n" % len(operators), b"stream\n" + operators + b"\nendstream\n")

    def to_bytes(self) -> bytes:
        out = bytearray(self.header + b"%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for number in sorted(self.objects):
            head, stream = self.objects[number]
            offsets[number] = len(out)
            out += b"%d 0 obj" % number + head + stream + b"endobj\n"
        size = max(offsets) + 1
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for n in range(1, size):
            out += b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
        trailer = re.sub(rb"/Size\s+\d+", b"/Size %d" % size, self.trailer)
        out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def _box(head: bytes) -> list[float]:
    found = dict(_BOX.findall(head))
    return [float(v) for v in found[b"MediaBox"].split()]


def _wrap_contents(pdf: Pdf, number: int, before: bytes, after: bytes) -> None:
    """The page's content drawn between `before` and `after` (a /Contents array is one stream)."""
    head = pdf.objects[number][0]
    contents = _CONTENTS.search(head)[1]
    inner = contents[1:-1] if contents.startswith(b"[") else contents
    pre, post = pdf.add_content(before), pdf.add_content(after)
    pdf.objects[number][0] = head.replace(contents, b"[%d 0 R %s %d 0 R]" % (pre, inner.strip(), post), 1)


def _set_boxes(pdf: Pdf, number: int, boxes: bytes) -> None:
    """The page's boxes (and /Rotate, where `boxes` gives one) replaced by `boxes`."""
    head = _BOX.sub(b"", pdf.objects[number][0])
    if b"/Rotate" in boxes:
        head = _ROTATE.sub(b"", head)
    pdf.objects[number][0] = head.replace(b"/Type", boxes + b" /Type", 1)


def inherit_page_box(data: bytes) -> bytes:
    pdf = Pdf(data)
    box = None
    for n in pdf.pages():
        box = box or dict(_BOX.findall(pdf.objects[n][0])).get(b"MediaBox")
        pdf.objects[n][0] = _BOX.sub(b"", pdf.objects[n][0])
    if box is None:
        raise ValueError("no page declares a MediaBox")
    for head in pdf.objects.values():
        if _PAGES.search(head[0]) and b"/Kids" in head[0]:
            head[0] = head[0].replace(b"/Kids", b"/MediaBox [" + box + b"] /Kids", 1)
    return pdf.to_bytes()


def turn_pages(data: bytes) -> bytes:
    """Each page's content turned a quarter counter-clockwise onto an H × W MediaBox, shown by /Rotate 90:
    (x, y) → (H − y, x), the matrix 0 1 −1 0 H 0."""
    pdf = Pdf(data)
    for n in pdf.pages():
        x0, y0, x1, y1 = _box(pdf.objects[n][0])
        w, h = x1 - x0, y1 - y0
        _wrap_contents(pdf, n, b"q 0 1 -1 0 %.4f %.4f cm 1 0 0 1 %.4f %.4f cm" % (h, 0.0, -x0, -y0), b"Q")
        _set_boxes(pdf, n, b"/MediaBox [0 0 %.4f %.4f] /Rotate 90" % (h, w))
    return pdf.to_bytes()


def turn_pages_half(data: bytes) -> bytes:
    """Each page's content turned upside down on its own MediaBox, shown by /Rotate 180:
    (x, y) → (W − x, H − y), the matrix −1 0 0 −1 W H."""
    pdf = Pdf(data)
    for n in pdf.pages():
        x0, y0, x1, y1 = _box(pdf.objects[n][0])
        w, h = x1 - x0, y1 - y0
        _wrap_contents(pdf, n, b"q -1 0 0 -1 %.4f %.4f cm 1 0 0 1 %.4f %.4f cm" % (w, h, -x0, -y0), b"Q")
        _set_boxes(pdf, n, b"/MediaBox [0 0 %.4f %.4f] /Rotate 180" % (w, h))
    return pdf.to_bytes()


def turn_pages_back(data: bytes) -> bytes:
    """Each page's content turned a quarter clockwise onto an H × W MediaBox, shown by /Rotate 270:
    (x, y) → (y, W − x), the matrix 0 −1 1 0 0 W."""
    pdf = Pdf(data)
    for n in pdf.pages():
        x0, y0, x1, y1 = _box(pdf.objects[n][0])
        w, h = x1 - x0, y1 - y0
        _wrap_contents(pdf, n, b"q 0 -1 1 0 %.4f %.4f cm 1 0 0 1 %.4f %.4f cm" % (0.0, w, -x0, -y0), b"Q")
        _set_boxes(pdf, n, b"/MediaBox [0 0 %.4f %.4f] /Rotate 270" % (h, w))
    return pdf.to_bytes()


def offset_crop(data: bytes, margin: float = 36.0) -> bytes:
    """Each page's MediaBox grown by `margin` points on every side, its content moved with it, and a
    CropBox that shows exactly the old page."""
    pdf = Pdf(data)
    for n in pdf.pages():
        x0, y0, x1, y1 = _box(pdf.objects[n][0])
        _wrap_contents(pdf, n, b"q 1 0 0 1 %.4f %.4f cm" % (margin - x0, margin - y0), b"Q")
        w, h = x1 - x0, y1 - y0
        _set_boxes(pdf, n, b"/MediaBox [0 0 %.4f %.4f] /CropBox [%.4f %.4f %.4f %.4f]"
                   % (w + 2 * margin, h + 2 * margin, margin, margin, w + margin, h + margin))
    return pdf.to_bytes()


TRANSFORMS = {"inherit": inherit_page_box, "turn": turn_pages, "turn180": turn_pages_half,
              "turn270": turn_pages_back, "crop": offset_crop}


def main() -> None:
    kind, src, dst = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    dst.write_bytes(TRANSFORMS[kind](src.read_bytes()))


if __name__ == "__main__":
    main()

"""Move every page's MediaBox (and CropBox) up to the page tree's root, so that pages inherit their box
as many real PDFs have it (Word's and some scanners' exports). pdfium's get_cropbox() does not look up
the tree and falls back to a Letter box, which measured an A4 page 50 pt off (issue 24).

    .venv/bin/python scripts/inherit_page_box.py IN.pdf OUT.pdf

Works on PDFs with a classic cross-reference table and plain object dictionaries (reportlab's and
Chromium's output; not on object streams): objects are rewritten in order and the table rebuilt.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

_OBJECT = re.compile(rb"(\d+) 0 obj\b(.*?)\bendobj", re.S)
_BOX = re.compile(rb"/(MediaBox|CropBox)\s*\[([^\]]*)\]")
_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
_PAGES = re.compile(rb"/Type\s*/Pages\b")
_TRAILER = re.compile(rb"trailer\s*(<<.*?>>)\s*startxref", re.S)


def _body_and_stream(body: bytes) -> tuple[bytes, bytes]:
    """An object's dictionary and its stream part (empty for none): boxes are only rewritten in the former."""
    at = body.find(b"stream")
    return (body, b"") if at < 0 else (body[:at], body[at:])


def inherit_page_box(data: bytes) -> bytes:
    objects = [(int(m[1]), m[2]) for m in _OBJECT.finditer(data)]
    if not objects:
        raise ValueError("no objects found: not a plain PDF")
    box = None
    rewritten = []
    for number, body in objects:
        head, stream = _body_and_stream(body)
        if _PAGE.search(head):
            found = dict((k, v) for k, v in _BOX.findall(head))
            box = box or found.get(b"MediaBox")
            head = _BOX.sub(b"", head)
        rewritten.append((number, head, stream))
    if box is None:
        raise ValueError("no page declares a MediaBox")
    out = bytearray(data[: data.index(b"\n") + 1])  # %PDF-1.x
    out += b"%\xe2\xe3\xcf\xd3\n"
    offsets = {}
    for number, head, stream in rewritten:
        if _PAGES.search(head) and b"/Kids" in head:
            head = head.replace(b"/Kids", b"/MediaBox [" + box + b"] /Kids", 1)
        offsets[number] = len(out)
        out += b"%d 0 obj" % number + head + stream + b"endobj\n"
    size = max(offsets) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
    trailer = _TRAILER.search(data)
    if trailer is None:
        raise ValueError("no classic trailer: a cross-reference stream is not handled")
    out += b"trailer\n" + trailer[1] + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def main() -> None:
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    dst.write_bytes(inherit_page_box(src.read_bytes()))


if __name__ == "__main__":
    main()

"""A PDF page's text layer as one reader gives it: characters with their boxes, the edges of its
ruling lines, and how much of it images cover. Everything after (words, tables, reading order) is
computed from this, whichever reader filled it — pypdfium2 (pdf_pdfium.py) first, pdfplumber where
pdfium gives no readable text.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLayer:
    """One page: `chars` as pdfplumber's character dicts (text, x0, x1, top, bottom, doctop,
    upright; top from the page top, PDF points), `edges` as pdfplumber's edge dicts (x0, x1, top,
    bottom, width, height, orientation), `image_cover` the share of the page's area under images."""

    width: float
    height: float
    chars: list[dict]
    edges: list[dict]
    image_cover: float
    reader: str


def pdfplumber_layer(page) -> TextLayer:
    """The layer of a pdfplumber page (pdfminer's parse: slower, but it reads some fonts pdfium cannot map)."""
    width, height = float(page.width), float(page.height)
    covered = sum(abs((im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
    return TextLayer(width, height, page.chars, page.edges, covered / (width * height or 1.0), "pdfplumber")

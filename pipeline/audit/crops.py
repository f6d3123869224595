"""Pictures of the page regions that cited values came from, as an auditor needs to see them.

A crop shows more than the value's own box: the row it sits in (so the row's label is in the
picture), and the table above it up to the column header. Every cited value is outlined and numbered
with its place in the evidence list, so a sum of 12 cells is one picture of the table with 12
outlines, not 12 pictures. Values far apart on a page are shown as separate regions; a value far
below its table's header gets the header band stacked on top of its row, with a dashed rule between.

Boxes are PDF points for PDFs (pages are drawn at render.PDF_SCALE) and pixels for images; formats without
geometry (text, Word, HTML) give no picture. A picture is a help, not a requirement: any failure to
open or render a page gives none.
"""
from __future__ import annotations

import base64
import io
import os
import statistics
from dataclasses import dataclass
from pathlib import Path

from ..render import PageRender, render_page, render_pages
from .upright import quarter_turns, turn_box

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif")
OUTLINE = (214, 30, 30)
# In row heights: how far apart two cited values may be and still share one picture; how far below
# the header a value may sit before the header is shown as a band of its own; the header's height.
CLUSTER_GAP_ROWS = 8
HEADER_GAP_ROWS = 6
HEADER_ROWS = 2.2


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    @classmethod
    def of(cls, bbox) -> Box | None:
        try:
            x0, top, x1, bottom = (float(v) for v in bbox)
        except (TypeError, ValueError):
            return None
        return cls(x0, top, x1, bottom) if x1 > x0 and bottom > top else None

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.top, other.top), max(self.x1, other.x1), max(self.bottom, other.bottom))

    def same_row(self, other: Box) -> bool:
        """Most of the shorter box's height lies within the other's: the two are in one table row."""
        overlap = min(self.bottom, other.bottom) - max(self.top, other.top)
        return overlap >= 0.5 * min(self.height, other.height)


@dataclass(frozen=True)
class CitedCell:
    """A cited value's place: `number` is its place in the evidence list, drawn beside its outline."""
    number: int
    page: int
    box: Box


@dataclass(frozen=True)
class PlacedText:
    """Any extracted value's place on a page (the record's provenance), used to find rows and headers
    and which way up the page is."""
    page: int
    box: Box
    pointer: str | None = None


@dataclass(frozen=True)
class Crop:
    """A picture of page `page` showing the cited values `numbers`; (x0, top) is its top-left corner in
    box units and `scale` pixels per unit, so a box maps onto it (above the dashed rule of a stacked
    header band the rows are the header's). `turns`: counter-clockwise quarter turns the page was given
    to stand upright (upright.py); x0 and top are in the turned page's frame."""
    page: int
    numbers: tuple[int, ...]
    data_uri: str
    x0: float = 0.0
    top: float = 0.0
    scale: float = 1.0
    turns: int = 0
    note: str | None = None  # why there is no picture (data_uri empty)


class PageImages:
    """The pages of one database's files, drawn once each under the render budget (pipeline/render.py).
    `opener` turns a stored path into the name to open (a name stored escaped is opened by its raw
    bytes). `prefetch` draws the pages an audit will need with several workers at once."""

    def __init__(self, opener=None):
        self.pages: dict[tuple[str, int], object] = {}
        self.reasons: dict[tuple[str, int], str] = {}  # pages not drawn: why
        self.opener = opener or (lambda p: p)

    def _drawable(self, path: str, number) -> str | None:
        """The name to open for a page that can be drawn; None otherwise."""
        path = self.opener(path)
        suffix = "." + str(path).lower().rsplit(".", 1)[-1]
        if not number or not Path(path).exists() or suffix not in (".pdf",) + IMAGE_SUFFIXES:
            return None
        return path

    def prefetch(self, wanted: list[tuple[str, int]]) -> None:
        jobs = [(name, number) for path, number in wanted
                if (name := self._drawable(path, number)) is not None and (name, number) not in self.pages]
        for key, drawn in render_pages(jobs).items():
            self._keep(key, drawn)

    def _keep(self, key: tuple[str, int], drawn: PageRender) -> None:
        image = None
        if drawn.png is not None:
            from PIL import Image
            image = Image.open(io.BytesIO(drawn.png))
            image.load()
        self.pages[key] = (image, drawn.scale) if image is not None else None
        if drawn.reason:
            self.reasons[key] = drawn.reason

    def page(self, path: str, number: int):
        """(image, scale from box units to pixels), or None where the file has no page to show or the page
        was not drawn (`reason` says why)."""
        name = self._drawable(path, number)
        if name is None:
            return None
        if (name, number) not in self.pages:
            self._keep((name, number), render_page(name, number))
        return self.pages[(name, number)]

    def reason(self, path: str, number: int) -> str | None:
        name = self._drawable(path, number)
        return self.reasons.get((name, number)) if name else None


def placed_texts(provenance: dict) -> list[PlacedText]:
    out = []
    for pointer, entry in (provenance or {}).items():
        box = Box.of(entry.get("bbox")) if isinstance(entry, dict) else None
        if box is not None and isinstance(entry.get("page"), int):
            out.append(PlacedText(entry["page"], box, pointer))
    return out


def crop_cells(pages: PageImages, path: str, cells: list[CitedCell], placed: list[PlacedText]) -> list[Crop]:
    """One picture per group of nearby cited cells on a page, each cell outlined and numbered."""
    out = []
    for page in sorted({c.page for c in cells}):
        rendered = pages.page(path, page)
        if rendered is None:
            reason = pages.reason(path, page)
            if reason:  # the page was not drawn within the render budget: said in the picture's place
                out.append(Crop(page, tuple(c.number for c in cells if c.page == page), "", note=reason))
            continue
        image, scale = rendered
        on_page = [c for c in cells if c.page == page]
        texts = [p for p in placed if p.page == page]
        turns = quarter_turns(texts)
        if turns:  # a photo taken sideways: the page turned upright, its boxes with it
            width, height = image.width / scale, image.height / scale
            from PIL import Image
            image = image.transpose({1: Image.Transpose.ROTATE_90, 2: Image.Transpose.ROTATE_180,
                                     3: Image.Transpose.ROTATE_270}[turns])
            on_page = [CitedCell(c.number, c.page, turn_box(c.box, turns, width, height)) for c in on_page]
            texts = [PlacedText(t.page, turn_box(t.box, turns, width, height), t.pointer) for t in texts]
        for group in _groups(on_page):
            picture = _picture(image, scale, group, [t.box for t in texts])
            if picture is not None:
                data_uri, x0, top = picture
                out.append(Crop(page, tuple(c.number for c in group), data_uri, x0, top, scale, turns))
    return out


def _row_height(cells: list[CitedCell]) -> float:
    return statistics.median(c.box.height for c in cells)


def _groups(cells: list[CitedCell]) -> list[list[CitedCell]]:
    """Cells in reading order, cut where the gap to the next is more than CLUSTER_GAP_ROWS rows."""
    cells = sorted(cells, key=lambda c: (c.box.top, c.box.x0))
    gap = CLUSTER_GAP_ROWS * _row_height(cells)
    groups: list[list[CitedCell]] = []
    bottom = None
    for c in cells:
        if bottom is None or c.box.top - bottom > gap:
            groups.append([])
            bottom = c.box.bottom
        groups[-1].append(c)
        bottom = max(bottom, c.box.bottom)
    return groups


def _region(group: list[CitedCell], texts: list[Box]) -> Box:
    """The cells, widened to every text of their rows (the row's label among them)."""
    region = group[0].box
    for c in group:
        region = region.union(c.box)
        for t in texts:
            if t.same_row(c.box):
                region = Box(min(region.x0, t.x0), region.top, max(region.x1, t.x1), region.bottom)
    return region


def _table_top(region: Box, texts: list[Box], row: float) -> float:
    """Walk up from the region through texts stacked without a gap (the table's rows above it)."""
    top = region.top
    above = sorted((t for t in texts if t.bottom <= top + 1 and t.x1 > region.x0 and t.x0 < region.x1),
                   key=lambda t: -t.bottom)
    for t in above:
        if t.bottom < top - 0.6 * row:
            break
        top = min(top, t.top)
    return top


def _picture(image, scale: float, group: list[CitedCell], texts: list[Box]) -> tuple[str, float, float] | None:
    from PIL import ImageDraw

    row = _row_height(group)
    region = _region(group, texts)
    table_top = _table_top(region, texts, row)
    # the row's label may be a merged cell no value was read from (总分 spanning the first columns):
    # the picture starts at the table's left edge, where the rows' labels are
    in_table = [t for t in texts if t.top >= table_top - 1 and t.bottom <= region.bottom + 1]
    region = Box(min([region.x0] + [t.x0 for t in in_table]), region.top, region.x1, region.bottom)
    header = HEADER_ROWS * row
    pad = 0.6 * row
    below = 0.3 * row  # under the last row: enough for its outline, not half of the next row
    marked = image.copy()
    draw = ImageDraw.Draw(marked)
    font = _font(max(12, int(row * scale * 0.55)))
    for c in group:
        b = c.box
        draw.rectangle([b.x0 * scale - 2, b.top * scale - 2, b.x1 * scale + 2, b.bottom * scale + 2],
                       outline=OUTLINE, width=max(2, int(scale * 1.5)))
        draw.text((b.x1 * scale + 4, b.top * scale), str(c.number), fill=OUTLINE, font=font)
    x0, x1 = region.x0 - pad, region.x1 + pad + 8
    bands = [(table_top - header, region.bottom + below)]
    if region.top - table_top > HEADER_GAP_ROWS * row:
        bands = [(table_top - header, table_top), (region.top - pad, region.bottom + below)]
    pieces, corners = [], []
    for top, bottom in bands:
        box = (max(0, int(x0 * scale)), max(0, int(top * scale)),
               min(image.width, int(x1 * scale)), min(image.height, int(bottom * scale)))
        if box[2] > box[0] and box[3] > box[1]:
            pieces.append(marked.crop(box))
            corners.append((box[0] / scale, box[1] / scale))
    if not pieces:
        return None
    return _data_uri(_stack(pieces)), corners[0][0], corners[0][1]


def _font(size: int):
    """Pillow's own font (no system font needed), at a size that reads beside a table row."""
    from PIL import ImageFont
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow before 10.1 has one bitmap size
        return ImageFont.load_default()


def _stack(pieces):
    """The header band above the rows, a dashed rule between them saying rows were left out."""
    from PIL import Image, ImageDraw
    if len(pieces) == 1:
        return pieces[0]
    gap = 10
    width = max(p.width for p in pieces)
    out = Image.new("RGB", (width, sum(p.height for p in pieces) + gap * (len(pieces) - 1)), "white")
    y = 0
    draw = ImageDraw.Draw(out)
    for k, p in enumerate(pieces):
        if k:
            for x in range(0, width, 12):
                draw.line([(x, y - gap // 2), (x + 6, y - gap // 2)], fill=(120, 120, 120), width=2)
        out.paste(p, (0, y))
        y += p.height + gap
    return out


def _data_uri(image) -> str:
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def opener_for(store):
    """Stored path → the name to open: a name stored escaped (not UTF-8) is opened by its raw bytes."""
    def open_name(path: str) -> str:
        try:
            raw = store.raw_path(path)
        except Exception:  # noqa: BLE001 - an older database without the column
            return path
        return os.fsdecode(raw) if raw is not None else path
    return open_name

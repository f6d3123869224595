"""The source's pages as the auditor sees them: PDF pages rendered with pypdfium2, scans and photos as they
are, and the boxes of the extracted values placed over them. Boxes are in PDF points on PDF pages and in
pixels on images (pipeline/document.py), so each is placed as a fraction of its page's size: the browser
scales the image and the outlines stay on their figures."""
from __future__ import annotations

import html
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import JixiaoError
from ..render import render_page
from . import pointers

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif")
CACHE_PAGES = 64  # rendered pages kept in memory (a few MB each at most)


class PageError(JixiaoError):
    """A page that cannot be shown (no source file, no such page)."""


@dataclass(frozen=True)
class Outline:
    """One extracted value on its page, as a fraction (percent) of the page's width and height."""

    pointer: str
    label: str
    text: str | None
    value: object
    left: float
    top: float
    width: float
    height: float
    corrected: bool = False
    row: bool = False  # the box of a whole row (a funds row), drawn under the boxes of its figures


@dataclass(frozen=True)
class PageView:
    number: int
    outlines: list[Outline]


def source_path(store, sha256: str) -> str | None:
    """A name under which the report's file can be opened now (a name stored escaped is opened by its raw
    bytes), or None when no stored path exists on disk any more."""
    for (path,) in store.query("SELECT path FROM paths WHERE sha256 = ? ORDER BY path", (sha256,)):
        raw = store.raw_path(path)
        name = os.fsdecode(raw) if raw is not None else path
        if Path(name).is_file():
            return name
    return None


def has_pages(path: str | None) -> bool:
    return bool(path) and Path(path).suffix.lower() in (".pdf",) + IMAGE_SUFFIXES


def page_sizes(path: str) -> list[tuple[float, float]]:
    """Width and height of every page, in the units of its boxes."""
    if Path(path).suffix.lower() == ".pdf":
        import pypdfium2
        pdf = pypdfium2.PdfDocument(path)
        try:
            return [tuple(pdf[i].get_size()) for i in range(len(pdf))]
        finally:
            pdf.close()
    from PIL import Image, ImageOps, ImageSequence
    with Image.open(path) as im:
        return [ImageOps.exif_transpose(frame).size for frame in ImageSequence.Iterator(im)]


def page_views(record: dict, path: str, corrected: set[str] = frozenset(), in_force: dict | None = None) -> list[PageView]:
    """Each page with the outlines of the values read from it."""
    sizes = page_sizes(path)
    by_page: dict[int, list[Outline]] = {n: [] for n in range(1, len(sizes) + 1)}
    for pointer, entry in (record.get("provenance") or {}).items():
        page, bbox = entry.get("page"), entry.get("bbox")
        if not isinstance(page, int) or page not in by_page or not _is_box(bbox):
            continue
        w, h = sizes[page - 1]
        x0, top, x1, bottom = bbox
        try:
            value = pointers.get(in_force or record, pointer)
        except pointers.PointerError:
            value = None
        by_page[page].append(Outline(pointer, pointers.label(record, pointer), entry.get("text"),
                                     value if not isinstance(value, (dict, list)) else None,
                                     100 * x0 / w, 100 * top / h, 100 * (x1 - x0) / w, 100 * (bottom - top) / h,
                                     pointer in corrected, isinstance(value, (dict, list))))
    return [PageView(n, sorted(outlines, key=lambda o: not o.row)) for n, outlines in by_page.items()]


@dataclass(frozen=True)
class TextPiece:
    """A piece of a document's text as the review shows it: plain, or a value read from it (`pointer`),
    outlined and linked as a box on a page is."""

    text: str
    pointer: str | None = None
    label: str = ""
    cell: str | None = None  # a workbook's cell ('自评表!C6') or a Word table's ('表1!R2C3')
    corrected: bool = False
    row: bool = False  # a whole row or table, not one figure
    anchors: tuple[str, ...] = ()  # values whose span overlaps this one's: their links land here


@dataclass
class _Span:
    start: int
    end: int
    pointer: str
    entry: dict
    others: list[str] = field(default_factory=list)


def text_pieces(record: dict, text: str, corrected: set[str] = frozenset()) -> list[TextPiece]:
    """The text cut at the spans its values were read from (provenance `chars`, offsets into the text the
    loader gives), each value's span a piece of its own. Where spans overlap (a row and a figure in it) the
    first is shown and the others' links land on it."""
    spans = sorted((_Span(e["chars"][0], e["chars"][1], p, e) for p, e in (record.get("provenance") or {}).items()
                    if isinstance(e, dict) and _is_span(e.get("chars"), len(text))),
                   key=lambda s: (s.start, s.start - s.end))
    placed: list[_Span] = []
    for span in spans:
        if placed and span.start < placed[-1].end:
            placed[-1].others.append(span.pointer)  # inside or across the span before: its link lands there
        else:
            placed.append(span)
    out, pos = [], 0
    for span in placed:
        if span.start > pos:
            out.append(TextPiece(text[pos:span.start]))
        out.append(TextPiece(text[span.start:span.end], span.pointer, pointers.label(record, span.pointer),
                             span.entry.get("cell"), span.pointer in corrected, _is_row(record, span.pointer),
                             tuple(span.others)))
        pos = span.end
    if pos < len(text):
        out.append(TextPiece(text[pos:]))
    return out


def _is_span(chars, length: int) -> bool:
    return isinstance(chars, (list, tuple)) and len(chars) == 2 and 0 <= chars[0] < chars[1] <= length


def _is_row(record: dict, pointer: str) -> bool:
    """A pointer to a whole row or table (a dict or list of values), not to one figure."""
    try:
        return isinstance(pointers.get(record, pointer), (dict, list))
    except pointers.PointerError:
        return False


def _is_box(bbox) -> bool:
    return (isinstance(bbox, (list, tuple)) and len(bbox) == 4 and all(isinstance(v, (int, float)) for v in bbox)
            and bbox[2] > bbox[0] and bbox[3] > bbox[1])


_cache: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()
_lock = threading.Lock()  # the cache only: pages are drawn outside it, each in its own supervised worker


def page_png(path: str, number: int) -> tuple[bytes, str]:
    """Page `number` (1-based) as (image bytes, content type): the page drawn under the render budget
    (pipeline/render.py) as PNG, or an SVG placeholder saying why it was not drawn. The last CACHE_PAGES
    are kept."""
    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size, number)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    drawn = render_page(path, number)
    if drawn.no_page:
        raise PageError(f"{path}: no page {number}")
    got = (drawn.png, "image/png") if drawn.png is not None else (placeholder(number, drawn.reason or ""), "image/svg+xml")
    with _lock:
        _cache[key] = got
        while len(_cache) > CACHE_PAGES:
            _cache.popitem(last=False)
    return got


def placeholder(number: int, reason: str) -> bytes:
    """An A4-shaped picture that says why page `number` is not shown."""
    words = html.escape(f"第{number}页未绘制 / page {number} not drawn")
    why = html.escape(reason)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842" viewBox="0 0 595 842">'
            f'<rect width="595" height="842" fill="#f4f4f4" stroke="#999"/>'
            f'<text x="24" y="60" font-size="18" fill="#a00">{words}</text>'
            f'<foreignObject x="24" y="80" width="547" height="700"><div xmlns="http://www.w3.org/1999/xhtml" '
            f'style="font:14px sans-serif;color:#333">{why}</div></foreignObject></svg>').encode()


def document_text(path: str, limit: int = 200_000) -> str:
    """The text of a file without pages (Word, Excel, HTML, text) as the loader reads it, for the review page."""
    from ..load import load
    text = load(path).text.replace("\f", "\n")
    return text if len(text) <= limit else text[:limit] + f"\n… ({len(text) - limit} more characters)"

"""One render budget for every page drawn for a person to look at: the audit's crops and the review's
page images.

Extraction's renders (OCR) already run in a supervised worker under the file's limits. The pictures the
audit and the review draw ran in their own process with none: a 60 KB PDF whose page holds 150,000
fills under its text ingests in 5 s (its text is read without drawing it), then took 110 s to draw in
the audit and 106 s in the review, while every other page image waited behind it. So every page drawn
for a person is drawn here, in a worker the supervisor (pipeline/supervise.py) watches from outside:

* a page whose picture would be over the pixel cap is not drawn (load/limits.py, the cap OCR has);
* a page that takes longer than RENDER_SECONDS, or more memory than RENDER_MEMORY_MIB, is killed where
  it stands, whatever C call it is in;
* pages are drawn by a few workers at once (`render_pages`), and each review request draws its own page
  (`render_page`): one slow page never holds up the others.

A page not drawn is a `PageRender` with no picture and the reason in words, which the audit and the
review show in its place.
"""
from __future__ import annotations

import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .load.limits import PageCapped, check_picture
from .supervise import FileLimits, Overrun, Supervisor

RENDER_SECONDS = 20.0  # an A4 page of a real report draws in well under a second at 144 dpi
RENDER_MEMORY_MIB = 1024  # a 40 Mpx RGB picture is 120 MB; its PNG a fraction of that
RENDER_LIMITS = FileLimits(seconds=RENDER_SECONDS, memory_mib=RENDER_MEMORY_MIB)
PDF_SCALE = 2.0  # PDF pages drawn at 144 dpi: small print of a score table stays legible
# Pages drawn at once, over all the review's requests: a page at a time per core, at most four.
MAX_AT_ONCE = max(1, min(4, os.cpu_count() or 1))
_slots = threading.BoundedSemaphore(MAX_AT_ONCE)


@dataclass(frozen=True)
class PageRender:
    """Page `number` (1-based) of `path` drawn at `scale` pixels per box unit (PDF_SCALE per PDF point, 1 per
    image pixel): its PNG, or why there is none (`no_page`: the file has no such page)."""

    path: str
    number: int
    scale: float
    png: bytes | None = None
    reason: str | None = None
    no_page: bool = False


def render_page(path: str, number: int, limits: FileLimits | None = None) -> PageRender:
    """One page, drawn in its own supervised worker once one of the MAX_AT_ONCE slots is free."""
    with _slots:
        return render_pages([(path, number)], limits, slots=1)[(path, number)]


def render_pages(pages: list[tuple[str, int]], limits: FileLimits | None = None,
                 slots: int = MAX_AT_ONCE) -> dict[tuple[str, int], PageRender]:
    """Every (path, page) asked for, drawn by up to `slots` supervised workers (under RENDER_LIMITS unless
    `limits` are given); each one's PNG or reason."""
    wanted = list(dict.fromkeys(pages))
    out: dict[tuple[str, int], PageRender] = {}

    def done(job, result) -> None:
        path, number = job
        if isinstance(result, Overrun):
            result = PageRender(path, number, scale_of(path), reason=f"the page was not drawn: {result.reason}")
        out[job] = result

    if wanted:
        Supervisor(draw, slots=min(slots, len(wanted)), limits=limits or RENDER_LIMITS).run(wanted, done)
    return out


def scale_of(path: str) -> float:
    """Pixels per box unit of a drawn page: boxes are PDF points on PDFs and pixels on images."""
    return PDF_SCALE if Path(path).suffix.lower() == ".pdf" else 1.0


def draw(path: str, number: int) -> PageRender:
    """The worker's side: the page as PNG, or the reason it is not drawn (never raised)."""
    scale = scale_of(path)
    try:
        image = _draw_pdf(path, number, scale) if scale != 1.0 else _draw_image(path, number)
    except PageCapped as exc:
        return PageRender(path, number, scale, reason=f"the page was not drawn: {exc.reason}")
    except Exception as exc:  # noqa: BLE001 - a damaged page gives no picture; the caller goes on
        return PageRender(path, number, scale, reason=f"the page could not be drawn ({type(exc).__name__}: {exc})"[:300])
    if image is None:
        return PageRender(path, number, scale, reason=f"the file has no page {number}", no_page=True)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return PageRender(path, number, scale, png=buf.getvalue())


def _draw_pdf(path: str, number: int, scale: float):
    import pypdfium2
    pdf = pypdfium2.PdfDocument(path)
    try:
        if not 1 <= number <= len(pdf):
            return None
        page = pdf[number - 1]
        width, height = page.get_size()
        check_picture(width * scale, height * scale, f"page {number} ({width:.0f}×{height:.0f} pt at {72 * scale:g} dpi)")
        return page.render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()


def _draw_image(path: str, number: int):
    from PIL import Image, ImageOps, ImageSequence
    with Image.open(path) as im:
        for k, frame in enumerate(ImageSequence.Iterator(im), start=1):
            if k == number:
                check_picture(frame.width, frame.height, f"image {number}")
                return ImageOps.exif_transpose(frame).convert("RGB")
    return None

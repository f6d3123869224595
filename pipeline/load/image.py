"""Image backend: PNG, JPEG, TIFF (every page of a multi-page TIFF), phone photos — through OCR.

Pillow's decompression-bomb guard is tightened to a size no report page needs, so a 30,000 ×
30,000 image is refused before it is decoded; EXIF orientation (phone photos) is applied first.
"""
from __future__ import annotations

import io
import warnings
from pathlib import Path

from ..document import Document, Page
from ..errors import LoadError
from . import limits, ocr
from .office import short_reason

MAX_PIXELS = 60_000_000  # a 600-dpi A3 scan is about 35 Mpx
MAX_FRAMES = 200
OCR_LONG_SIDE = 1600  # pixels: an A4 page at about 135 dpi


def load(path: Path, data: bytes) -> Document:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            if img.width * img.height > MAX_PIXELS:
                raise LoadError(path, f"image of {img.width}×{img.height} pixels refused (over {MAX_PIXELS:,}: "
                                      f"a decompression bomb or not a page)")
            n_frames = min(getattr(img, "n_frames", 1), MAX_FRAMES)
            first = _frame(img, 0)  # decoded here, so that a damaged image is refused before any OCR
    except LoadError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's message names its own limit (twice MAX_IMAGE_PIXELS for the error): the README's is ours
        raise LoadError(path, f"image refused (over {MAX_PIXELS:,} pixels: a decompression bomb or not a page)") from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for a damaged image
        # Pillow names the stream it was given (<_io.BytesIO object at 0x…>): the LoadError names the file
        raise LoadError(path, f"not a readable image: damaged or not an image ({short_reason(exc)})") from None
    pages, all_lines = [], []
    for number in range(1, n_frames + 1):
        # one page image at a time, released when read: a 200-page TIFF costs one page's memory
        ocr.log.info("%s: OCR page %d of %d", path, number, n_frames)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                frame, back = first if number == 1 else _frame(img, number - 1)
        except Exception as exc:  # noqa: BLE001 - a later frame of a multi-page TIFF damaged or too large
            raise LoadError(path, f"not a readable image: page {number} damaged ({short_reason(exc)})") from None
        first = None
        try:
            limits.check_ocr_image(frame.shape)  # a strip or a speck: skipped before the detector scales it up
            text, boxes, lines, degrees = ocr.ocr_image_text(frame, scale=back, probe=True)
        except ocr.OcrUnavailable as exc:
            raise LoadError(path, str(exc)) from None
        except limits.PageCapped as capped:  # a strip or a speck: this page skipped, the others read
            pages.append(Page(number, "", reader=capped.reader))
            continue
        all_lines.extend(lines)
        pages.append(Page(number, text, reader="ocr" + (f"(turned {degrees}°)" if degrees else ""), boxes=boxes,
                          size=(float(frame.shape[1]) * back, float(frame.shape[0]) * back),
                          grids=ocr.page_grid(text, boxes)))
        del frame
    meta = {"ocr": {"engine": ocr.ENGINE_NAME, "mean_confidence": ocr.mean_confidence(all_lines)}}
    return Document(str(path), "", "image", pages, paged=True, meta=meta)


def _frame(img, index: int):
    """Frame `index` of the image upright (EXIF), in RGB, scaled down to OCR_LONG_SIDE, as
    (numpy array, factor from its pixels back to the image's)."""
    import numpy as np
    from PIL import Image, ImageOps

    img.seek(index)
    if img.width * img.height > MAX_PIXELS:  # each frame of a TIFF has its own size
        raise ValueError(f"a frame of {img.width}×{img.height} pixels, over {MAX_PIXELS:,}")
    frame = ImageOps.exif_transpose(img).convert("RGB")
    factor = min(1.0, OCR_LONG_SIDE / max(frame.size))
    if factor < 1.0:  # a phone photo's 12 Mpx cost time and read no better than a 130-dpi page
        frame = frame.resize((round(frame.width * factor), round(frame.height * factor)), Image.LANCZOS)
    return np.asarray(frame), 1.0 / factor

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
    import numpy as np
    from PIL import Image, ImageOps, ImageSequence

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            if img.width * img.height > MAX_PIXELS:
                raise LoadError(path, f"image of {img.width}×{img.height} pixels refused (over {MAX_PIXELS:,}: "
                                      f"a decompression bomb or not a page)")
            frames = []
            for k, frame in enumerate(ImageSequence.Iterator(img)):
                if k >= MAX_FRAMES:
                    break
                frame = ImageOps.exif_transpose(frame).convert("RGB")
                factor = min(1.0, OCR_LONG_SIDE / max(frame.size))
                if factor < 1.0:  # a phone photo's 12 Mpx cost time and read no better than a 130-dpi page
                    frame = frame.resize((round(frame.width * factor), round(frame.height * factor)), Image.LANCZOS)
                frames.append((np.asarray(frame), 1.0 / factor))
    except LoadError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise LoadError(path, f"image refused: {' '.join(str(exc).split())}") from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for a damaged image
        # Pillow names the stream it was given (<_io.BytesIO object at 0x…>): the LoadError names the file
        raise LoadError(path, f"not a readable image: damaged or not an image ({short_reason(exc)})") from None
    pages, all_lines = [], []
    for number, (frame, back) in enumerate(frames, start=1):
        ocr.log.info("%s: OCR page %d of %d", path, number, len(frames))
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
                          size=(float(frame.shape[1]) * back, float(frame.shape[0]) * back)))
    meta = {"ocr": {"engine": ocr.ENGINE_NAME, "mean_confidence": ocr.mean_confidence(all_lines)}}
    return Document(str(path), "", "image", pages, paged=True, meta=meta)

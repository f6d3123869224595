"""Deskew: a scan fed in a little crooked is turned straight before OCR.

A page turned by even 1° tilts its table rules out of the vertical (so no rule is found and cells
merge) and lets a row's right end drift into the next row. The skew is found from the page itself:
the angle at which the rows of dark pixels line up sharpest (the horizontal projection profile of
a small binarised copy), searched coarse then fine within MAX_SKEW. The straightened image keeps
its size; boxes found on it are taken back to the scan's own frame with `Straightened.unmap`.
"""
from __future__ import annotations

from dataclasses import dataclass

MAX_SKEW = 3.0  # degrees: a feeder's or a hand's skew; more than this is a photo, not a scan
MIN_SKEW = 0.15  # degrees: below this the rows of a page do not drift by a line's height
_PROBE_WIDTH = 800  # pixels of the small copy the angle is searched on


@dataclass
class Straightened:
    """An image turned by `angle` degrees (counter-clockwise) about its centre, and the way back."""

    image: object  # numpy array, same size as the scan
    angle: float
    _inverse: object = None  # 2×3 affine matrix: straightened pixels → scan pixels

    def unmap(self, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """A box on the straightened image as the box enclosing it on the scan."""
        if self._inverse is None:
            return box
        x0, y0, x1, y1 = box
        m = self._inverse
        xs, ys = [], []
        for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            xs.append(m[0][0] * x + m[0][1] * y + m[0][2])
            ys.append(m[1][0] * x + m[1][1] * y + m[1][2])
        return (min(xs), min(ys), max(xs), max(ys))


def skew_angle(image) -> float:
    """Degrees to turn the image counter-clockwise so that its text rows are level (0.0 when the
    page shows no rows to line up)."""
    import cv2
    import numpy as np

    gray = image if image.ndim == 2 else cv2.cvtColor(np.ascontiguousarray(image[:, :, :3]), cv2.COLOR_RGB2GRAY)
    factor = min(1.0, _PROBE_WIDTH / gray.shape[1])
    small = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else gray
    ink = (small < 160).astype(np.float32)
    if ink.mean() < 0.002:  # a blank page
        return 0.0
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1.0), (w, h), flags=cv2.INTER_NEAREST)
        rows = turned.sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = max((a / 4 for a in range(int(-MAX_SKEW * 4), int(MAX_SKEW * 4) + 1)), key=sharpness)
    fine = max((coarse + a / 40 for a in range(-10, 11)), key=sharpness)
    return round(fine, 3)


def straighten(image, angle: float | None = None) -> Straightened:
    """The image turned level (unchanged when its skew is under MIN_SKEW)."""
    import cv2
    import numpy as np

    angle = skew_angle(image) if angle is None else angle
    if abs(angle) < MIN_SKEW:
        return Straightened(image, 0.0)
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    white = 255 if image.ndim == 2 else (255,) * image.shape[2]
    turned = cv2.warpAffine(np.ascontiguousarray(image), matrix, (w, h), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=white)
    return Straightened(turned, angle, cv2.invertAffineTransform(matrix).tolist())

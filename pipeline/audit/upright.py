"""Which way up a page is, for its pictures: a photo taken sideways has its boxes stored in the photo's
own pixels, so its rows run down the picture and a crop of "a row" would be a column.

The page is turned when its text boxes are mostly tall (a quarter turn) or its score-table rows run
upwards (half a turn): of the turns that make boxes wide, the one under which the rows follow their
order in the table downwards (row 3 below row 2) is taken. Without score-table rows to tell, a page of
tall boxes is left as it is, which is never worse than before.
"""
from __future__ import annotations

import re
import statistics
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .crops import Box, PlacedText

_INDICATOR = re.compile(r"^/scores/indicators/(\d+)/")


def quarter_turns(texts: list[PlacedText]) -> int:
    """Counter-clockwise quarter turns (as PIL's ROTATE_90) that put the page's text upright: 0-3."""
    if len(texts) < 3:
        return 0
    tall = sum(t.box.height > 1.5 * (t.box.x1 - t.box.x0) for t in texts)
    wide = sum((t.box.x1 - t.box.x0) > 1.5 * t.box.height for t in texts)
    candidates = (1, 3) if tall > 2 * wide else (0, 2)
    rows = [(int(m[1]), t.box) for t in texts if (m := _INDICATOR.match(t.pointer or ""))]
    if len({r for r, _ in rows}) < 3:
        return 0
    ranked = {k: _order_agreement(rows, k) for k in candidates}
    best = max(candidates, key=lambda k: ranked[k])
    return best if ranked[best] > 0 else 0


def _order_agreement(rows: list[tuple[int, Box]], k: int) -> float:
    """How far the rows' order in the table agrees with top-to-bottom under turn `k` (-1 … 1)."""
    width = max(b.x1 for _, b in rows)  # only the sign matters: any frame larger than the boxes will do
    height = max(b.bottom for _, b in rows)
    pairs = [(r, turn_box(b, k, width, height).top) for r, b in rows]
    n = len(pairs)
    if n < 2:
        return 0.0
    mean_r, mean_y = statistics.fmean(r for r, _ in pairs), statistics.fmean(y for _, y in pairs)
    cov = sum((r - mean_r) * (y - mean_y) for r, y in pairs)
    spread = (sum((r - mean_r) ** 2 for r, _ in pairs) * sum((y - mean_y) ** 2 for _, y in pairs)) ** 0.5
    return cov / spread if spread else 0.0


def turn_box(box: Box, k: int, width: float, height: float) -> Box:
    """`box` on a page of `width` × `height` after k counter-clockwise quarter turns of the page."""
    k %= 4
    corners = [(box.x0, box.top), (box.x1, box.bottom)]
    if k == 1:
        pts = [(y, width - x) for x, y in corners]
    elif k == 2:
        pts = [(width - x, height - y) for x, y in corners]
    elif k == 3:
        pts = [(height - y, x) for x, y in corners]
    else:
        return box
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return type(box)(min(xs), min(ys), max(xs), max(ys))

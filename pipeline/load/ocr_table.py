"""Whether the score table on an OCR'd page closes: the sign that a reading is good enough.

A score table (评分表) carries its own check: a header naming weights and scores, indicator rows
with a weight and a score each, and a total row (合计) whose figures the rows add up to. On a
degraded scan a row whose figures did not read, rows lost or merged, or a total that does not
match are what a sharper reading repairs; so is a figure read with low confidence. This is a
load-stage test on the page's rows, not the extractor's table reading: it only decides whether
to read the table region again.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Box

# a header row names the weight column and the score column (权重 | 自评分, 分值 | 得分 …)
_HEADER = regex.compile(r"(?:权重|分值|权数|标准分|满分).*(?:得分|评分|自评)")
# the total row: its first cell is the word, its last cells the figures
_TOTAL = regex.compile(r"^\s*(?:合\s*计|总\s*计|总\s*分|合计得分)")
_FIGURE = regex.compile(r"^\d+(?:\.\d+)?$")
LOW_CONFIDENCE = 0.8  # a table figure read below this is doubtful enough to read again


@dataclass(frozen=True)
class TableVerdict:
    """What the page's score table looks like: found or not, closing or not (and why not), and the
    vertical band it spans, in the units of the page's boxes."""

    found: bool
    closes: bool
    reason: str
    top: float = 0.0
    bottom: float = 0.0
    figures: int = 0  # figure cells read in the table's rows, the total row's included


@dataclass(frozen=True)
class _Row:
    text: str
    cells: list[str]
    top: float
    bottom: float
    confidence: float


def _rows(text: str, boxes: list[Box]) -> list[_Row]:
    rows, pos = [], 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        inside = [b for b in boxes if start <= b.start < end + 1]
        if not inside or not line.strip():
            continue
        rows.append(_Row(line, [c.strip() for c in line.split("|")], min(b.bbox[1] for b in inside),
                         max(b.bbox[3] for b in inside),
                         min((b.confidence for b in inside if b.confidence is not None), default=1.0)))
    return rows


def _figures(row: _Row) -> list[float]:
    return [float(c) for c in row.cells[1:] if _FIGURE.match(c)]


def score_table_verdict(text: str, boxes: list[Box]) -> TableVerdict:
    """The verdict on the first score table of an OCR'd page (text rows with ' | ' between cells).

    The table starts at its header row, or, where the header did not read, at the first of three
    rows ending in a weight and a score; it ends at its total row, told by its word (合计) or, where
    the word did not read, by figures that are the sums of the rows above."""
    rows = _rows(text, boxes)
    head = _table_start(rows)
    if head is None:
        return TableVerdict(False, False, "no score table on the page")
    body: list[_Row] = []
    total = None
    for r in rows[head + 1:]:
        pair = _figures(r)[-2:]
        if _TOTAL.match(r.text) or (len(body) >= 2 and len(pair) == 2 and _adds_up(body, pair)):
            total = r
            break
        if len(r.cells) < 2 and body and not _figures(r):
            # prose after the table: the table ended without a total row (or goes on overleaf)
            break
        body.append(r)
    top = rows[head].top
    bottom = (total or (body[-1] if body else rows[head])).bottom

    figures = sum(len(_figures(r)) for r in body + ([total] if total else []))

    def verdict(closes: bool, reason: str) -> TableVerdict:
        return TableVerdict(True, closes, reason, top, bottom, figures)

    if total is None:
        return verdict(False, "no total row")
    doubtful = [r for r in body + [total] if r.confidence < LOW_CONFIDENCE]
    if doubtful:
        return verdict(False, f"{len(doubtful)} row(s) read with confidence under {LOW_CONFIDENCE}")
    pairs = [_figures(r)[-2:] for r in body if _figures(r)]
    if any(len(p) < 2 for p in pairs):
        return verdict(False, "a row without both its weight and its score")
    if len(_figures(total)) < 2:
        return verdict(False, "the total row without both figures")
    total_pair = _figures(total)[-2:]
    if _adds_up(body, total_pair):
        return verdict(True, "the rows add up to the total")
    weights, scores = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    return verdict(False, f"rows add up to {weights:g} / {scores:g}, the total row says "
                          f"{total_pair[0]:g} / {total_pair[1]:g}")


def _table_start(rows: list[_Row]) -> int | None:
    for k, r in enumerate(rows):
        if len(r.cells) >= 3 and _HEADER.search(r.text):
            return k
        if all(len(x.cells) >= 3 and len(_figures(x)) >= 2 for x in rows[k + 1:k + 4]) and len(rows) > k + 3:
            return k  # a header row that did not read: the figure rows under it tell the table
    return None


def _adds_up(body: list[_Row], total_pair: list[float]) -> bool:
    pairs = [_figures(r)[-2:] for r in body]
    pairs = [p for p in pairs if len(p) == 2]
    weights, scores = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    # a table with subtotal rows adds up to the total once per level
    return any(abs(weights - n * total_pair[0]) < 0.05 and abs(scores - n * total_pair[1]) < 0.05 for n in (1, 2, 3))

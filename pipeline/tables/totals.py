"""A table's own totals as the last tie-break between readings of its rows.

A row's cheapest reading is taken alone; but a glued run such as '33' under 分值 | 得分 is a weight
of 33 with an empty score cell, or 3 | 3, and only the table says which: its rows must add up to its
total row. When the cheapest readings do not, the rows' near readings (a little dearer, align.SLACK)
are tried together, and the combination that makes both columns add up to the stated totals at the
least extra cost is kept — only when it is the one such combination at that cost; otherwise the
cheapest readings stand and the sum checks report the table.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Value, figure

# How much dearer than the cheapest a reading may be and still be a choice: a glued run cut in two
# costs 1.0 where leaving one trailing cell empty costs 0.9.
SLACK = 0.35
_MAX_STATES = 20000


@dataclass
class RowOptions:
    """The readings a table may choose from for one of its rows."""

    indicator: int  # index of the row's indicator in the table
    options: list[tuple[float, dict[str, Value]]] = field(default_factory=list)  # (extra cost, reading)


def _figures(reading: dict[str, Value]) -> tuple[float | None, float | None]:
    return figure(reading, "weight"), figure(reading, "score")


def choose(rows: list[RowOptions], total_weight: float | None, total_score: float | None) -> list[dict[str, Value]] | None:
    """One reading per row whose weights sum to `total_weight` (exactly) and scores to `total_score`
    (within rounding), at the least extra cost; None when no combination, or more than one, does."""
    if total_weight is None and total_score is None:
        return None
    # state: (weight sum in hundredths, score sum in hundredths) → (cost, picks, tied)
    states: dict[tuple[int, int], tuple[float, tuple[int, ...], bool]] = {(0, 0): (0.0, (), False)}
    for row in rows:
        usable = _distinct([(c, r) for c, r in row.options if _plausible(r)])
        if not usable:
            return None
        nxt: dict[tuple[int, int], tuple[float, tuple[int, ...], bool]] = {}
        for (w, s), (cost, picks, tied) in states.items():
            for k, (extra, reading) in enumerate(usable):
                rw, rs = _figures(reading)
                key = (w + round((rw or 0) * 100), s + round((rs or 0) * 100))
                entry = (round(cost + extra, 6), picks + (k,), tied)
                old = nxt.get(key)
                if old is None or entry[0] < old[0] - 1e-9:
                    nxt[key] = entry
                elif abs(entry[0] - old[0]) <= 1e-9 and old[1] != entry[1]:
                    nxt[key] = (old[0], old[1], True)
        if len(nxt) > _MAX_STATES:
            return None
        states = nxt
        row.options = usable
    tolerance = round((0.05 + 0.005 * len(rows)) * 100)
    fits = [(cost, picks, tied) for (w, s), (cost, picks, tied) in states.items()
            if (total_weight is None or w == round(total_weight * 100))
            and (total_score is None or abs(s - round(total_score * 100)) <= tolerance)]
    if not fits:
        return None
    least = min(f[0] for f in fits)
    best = [f for f in fits if abs(f[0] - least) <= 1e-9]
    if len(best) != 1 or best[0][2]:
        return None
    return [row.options[k][1] for row, k in zip(rows, best[0][1])]


def _distinct(options: list[tuple[float, dict[str, Value]]]) -> list[tuple[float, dict[str, Value]]]:
    """One option per (weight, score): readings that differ only in other columns are no choice."""
    seen: dict[tuple, tuple[float, dict[str, Value]]] = {}
    for cost, reading in sorted(options, key=lambda o: o[0]):
        seen.setdefault(_figures(reading), (cost, reading))
    return list(seen.values())


def _plausible(reading: dict[str, Value]) -> bool:
    """A score never exceeds its row's weight."""
    w, s = _figures(reading)
    return w is None or s is None or s <= w + 1e-9

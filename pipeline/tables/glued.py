"""Split runs of digits that a scrape glued together ('87.7' = 8 | 7.7, '10089.7' = 100 | 89.7).

The split is a constraint search (DOMAIN.md §4.2): every way of cutting the run into numbers
of a plausible form is enumerated, and the caller's constraints pick among them. Ambiguity is
returned, never resolved by guessing.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

import regex

_VALID = regex.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")


def is_number_form(s: str, max_decimals: int = 2) -> bool:
    """A number as a table cell prints it: no leading zero, no dangling dot, few decimals."""
    if not _VALID.fullmatch(s):
        return False
    return "." not in s or len(s.split(".")[1]) <= max_decimals


@lru_cache(maxsize=4096)
def cuts(run: str, parts: int, max_decimals: int = 2) -> tuple[tuple[str, ...], ...]:
    """Every way to cut `run` into `parts` number strings."""
    if parts == 1:
        return ((run,),) if is_number_form(run, max_decimals) else ()
    out = []
    for i in range(1, len(run)):
        head = run[:i]
        if not is_number_form(head, max_decimals):
            continue
        for rest in cuts(run[i:], parts - 1, max_decimals):
            out.append((head,) + rest)
    return tuple(out)


def is_weight(w: float, max_weight: float = 60) -> bool:
    """Weights are integers or halves between 0.5 and `max_weight` (DOMAIN.md §4.2)."""
    return 0 < w <= max_weight and (w * 2) == int(w * 2)


def weight_score_pairs(run: str, max_weight: float = 60) -> list[tuple[float, float]]:
    """Candidate (weight, score) readings of a glued run: score ≤ weight, weight a plausible weight."""
    out = []
    for w, s in cuts(run, 2):
        wv, sv = float(w), float(s)
        if is_weight(wv, max_weight) and 0 <= sv <= wv:
            out.append((wv, sv))
    return out


def amounts_and_rate(run: str, parts: int, rate: float | None, rate_decimals: int = 2,
                     max_decimals: int = 4) -> list[tuple[float, ...]]:
    """Readings of glued amounts ('390390' + rate 100%) whose last / second-last matches `rate`."""
    out = []
    for cut in cuts(run, parts, max_decimals):
        vals = tuple(float(x) for x in cut)
        if rate is None:
            out.append(vals)
            continue
        budget, executed = vals[-2], vals[-1]
        if budget > 0 and rate_matches(executed / budget * 100, rate, rate_decimals):
            out.append(vals)
    return out


def rate_matches(exact: float, stated: float, decimals: int) -> bool:
    """The stated rate is the exact one rounded half-up, or truncated, to the stated decimals."""
    scale = 10 ** decimals
    rounded = int(exact * scale + 0.5 + 1e-9) / scale
    truncated = int(exact * scale + 1e-9) / scale
    return abs(rounded - stated) < 1e-9 or abs(truncated - stated) < 1e-9


def solve_rows(options: list[list[tuple]], accept: Callable[[tuple], bool] | None = None,
               limit: int = 5000) -> Iterator[tuple]:
    """Every combination of one option per row (depth first), filtered by `accept`."""
    def walk(i, chosen):
        if i == len(options):
            if accept is None or accept(tuple(chosen)):
                yield tuple(chosen)
            return
        for opt in options[i]:
            chosen.append(opt)
            yield from walk(i + 1, chosen)
            chosen.pop()
    count = 0
    for combo in walk(0, []):
        yield combo
        count += 1
        if count >= limit:
            return

"""Checks on the grade (评价等级) and its bands."""
from __future__ import annotations

from .. import pointers
from ..record import Check, Record, grade_for
from .base import EPS, check, evidence, failed, fmt, passed, skipped

# 一般 / 合格 / 中 are one tier (DOMAIN.md §1.2): a report may say 合格 where its bands say 中.
_SAME_TIER = [{"合格", "中", "一般"}, {"差", "不合格"}]


def _same(a: str, b: str) -> bool:
    return a == b or any(a in t and b in t for t in _SAME_TIER)


# DOMAIN.md §1.2: before 2020 no national bands; local rules cut at 90 / 80 / 60, 90 / 75 / 60 or 85 / 70 / 60. Where
# the report states none, a grade that every one of them gives its total agrees with it whichever the report followed;
# a grade some of them give and some do not is left unjudged (never failed: the report's own rule is unknown).
LOCAL_REGIMES = ((90, 80, 60), (90, 75, 60), (85, 70, 60))


def _grade_under(total: float, cuts: tuple[int, int, int]) -> str:
    return next((label for label, cut in zip(("优", "良", "中"), cuts) if total >= cut), "差")


@check("grade_matches_score", roles=("computed", "stated"))
def grade_matches_score(record: Record) -> Check:
    """The stated grade is the band total_score falls in, bands half-open [min, max), from the report's
    own text else the regime's (DOMAIN.md §1.2). Exact. Where neither gives bands, a grade that every local regime of
    LOCAL_REGIMES gives the total passes; otherwise the check is skipped."""
    cid = "grade_matches_score"
    g, total = record.grade, record.scores.total_score
    if g.stated is not None and total is not None and not g.bands and not g.bands_worded and 0 <= total <= 100 \
            and (record.scores.total_weight in (None, 100)):
        # no bands stated and none a regime fixes (2011–2019): the grade every local regime gives the total
        found = {_grade_under(total, cuts) for cuts in LOCAL_REGIMES}
        if all(_same(x, g.stated) for x in found):
            return passed(cid, f"总分{fmt(total)}在各地通行的等级区间下均为“{g.stated}”",
                          f"total {fmt(total)} is '{g.stated}' under every local band regime (DOMAIN.md §1.2)",
                          g.stated, g.stated, evidence(record, pointers.GRADE_STATED, pointers.TOTAL_SCORE))
    if g.stated is None or total is None or not g.bands:
        return skipped(cid, "缺少所述等级、总分或等级区间", "no stated grade, total score or bands")
    band = grade_for(total, g.bands)
    ev = evidence(record, pointers.GRADE_STATED, pointers.TOTAL_SCORE, pointers.GRADE_BANDS)
    if band is not None and _same(band, g.stated):
        return passed(cid, f"总分{fmt(total)}属于“{band}”,与所述等级一致", f"total {fmt(total)} falls in '{band}' as stated",
                      band, g.stated, ev)
    return failed(cid, f"总分{fmt(total)}应为“{band or '—'}”,报告称“{g.stated}”",
                  f"total {fmt(total)} falls in '{band or '—'}', the report states '{g.stated}'", band, g.stated, ev)


@check("grade_bands_valid", "warning", roles=("rule", "stated"))
def grade_bands_valid(record: Record) -> Check:
    """The report's own bands are contiguous, cover 0–100 and do not overlap. Exact."""
    cid = "grade_bands_valid"
    g = record.grade
    if g.bands_source != "report" or len(g.bands) < 2:
        return skipped(cid, "报告未陈述等级区间", "the report states no bands")
    bands = sorted(g.bands, key=lambda b: b.min if b.min is not None else -1)
    problems = []
    if bands[0].min not in (None, 0):
        problems.append(f"lowest band starts at {fmt(bands[0].min)}")
    if bands[-1].max not in (None, 100):
        problems.append(f"top band ends at {fmt(bands[-1].max)}")
    for lo, hi in zip(bands, bands[1:]):
        if lo.max is None or hi.min is None or abs(lo.max - hi.min) > EPS:
            problems.append(f"{lo.grade} ends at {fmt(lo.max)}, {hi.grade} starts at {fmt(hi.min)}")
    ev = evidence(record, pointers.GRADE_BANDS)
    shown = [[b.grade, b.min, b.max] for b in bands]
    if problems:
        return failed(cid, "等级区间不连续或未覆盖0-100: " + "; ".join(problems),
                      "bands leave gaps or overlap: " + "; ".join(problems), "contiguous 0-100", shown, ev)
    return passed(cid, "等级区间连续覆盖0-100", "bands are contiguous over 0-100", "contiguous 0-100", shown, ev)

"""Checks on the score table (评分表)."""
from __future__ import annotations

import math

import regex

from .. import pointers
from ..numbers import parse_percent
from ..record import Check, Record
from .base import (
    EPS,
    check,
    children_of,
    decimals,
    evidence,
    failed,
    fmt,
    half_unit_of,
    is_bonus,
    leaves,
    passed,
    skipped,
    warned,
)


def _leaf_rows(record: Record, need: str):
    inds = record.scores.indicators
    if all(ind.kind == "budget_execution" for ind in inds):
        return []  # only the funds block's execution row: the score table itself was not read
    return [(i, inds[i]) for i in leaves(inds) if getattr(inds[i], need) is not None and not is_bonus(inds[i], inds)]


def _cut_short(record: Record, total_sum: float, stated: float) -> bool:
    """A truncated document whose rows fall short of the total: rows are missing, not wrong."""
    return bool(record.source.truncated) and not record.scores.table_total_row and total_sum < stated


@check("indicator_scores_sum")
def indicator_scores_sum(record: Record) -> Check:
    """Σ leaf scores = total_score. Tolerance 0.05; where leaves carry 2 decimals and the total 1,
    up to 0.05 + n·0.005 is a rounding warning (DOMAIN.md §3). Bonus/deduction rows are left out."""
    cid = "indicator_scores_sum"
    rows = _leaf_rows(record, "score")
    total = record.scores.total_score
    if not rows or total is None:
        return skipped(cid, "缺少指标得分或总分", "no indicator scores or no total score")
    s = sum(ind.score for _, ind in rows)
    ev = evidence(record, pointers.TOTAL_SCORE, *[pointers.indicator(i, "score") for i, _ in rows])
    diff = abs(s - total)
    if diff <= 0.05 + EPS:
        return passed(cid, f"指标得分合计{fmt(s)}等于总分{fmt(total)}", f"leaf scores sum to {fmt(s)} = total {fmt(total)}",
                      total, s, ev)
    if max(decimals(ind.score) for _, ind in rows) >= 2 and decimals(total) <= 1 and diff <= 0.05 + len(rows) * 0.005 + EPS:
        return warned(cid, f"指标得分合计{fmt(s)}与总分{fmt(total)}相差{fmt(round(diff, 4))},在四舍五入范围内",
                      f"leaf scores sum to {fmt(s)}, total {fmt(total)}: off by rounding only", total, s, ev)
    if _cut_short(record, s, total):
        return warned(cid, f"指标得分合计{fmt(s)}小于总分{fmt(total)};文档不完整,可能缺行",
                      f"leaf scores sum to {fmt(s)} < total {fmt(total)}; the document is cut, rows may be missing",
                      total, s, ev)
    return failed(cid, f"指标得分合计{fmt(s)},与总分{fmt(total)}不符(差{fmt(round(s - total, 4))})",
                  f"leaf scores sum to {fmt(s)}, not the stated total {fmt(total)}", total, s, ev)


@check("indicator_weights_sum", roles=("rule", "computed"))
def indicator_weights_sum(record: Record) -> Check:
    """Σ leaf weights = total_weight, and total_weight = 100. Exact: weights are integers or halves.
    Where the table states no total weight the leaves are compared with 100."""
    cid = "indicator_weights_sum"
    rows = _leaf_rows(record, "weight")
    if not rows:
        return skipped(cid, "缺少指标分值", "no indicator weights")
    s = sum(ind.weight for _, ind in rows)
    stated = record.scores.total_weight
    ev = evidence(record, pointers.TOTAL_WEIGHT, *[pointers.indicator(i, "weight") for i, _ in rows])
    if stated is not None and abs(stated - 100) > EPS:
        return failed(cid, f"总分值为{fmt(stated)},不是100", f"the stated total weight is {fmt(stated)}, not 100", 100, stated, ev)
    if abs(s - 100) > EPS:
        if _cut_short(record, s, 100):
            return warned(cid, f"指标分值合计{fmt(s)}小于100;文档不完整,可能缺行",
                          f"leaf weights sum to {fmt(s)} < 100; the document is cut, rows may be missing", 100, s, ev)
        return failed(cid, f"指标分值合计{fmt(s)},不等于100", f"leaf weights sum to {fmt(s)}, not 100", 100, s, ev)
    return passed(cid, "指标分值合计为100", "leaf weights sum to 100", 100, s, ev)


@check("score_within_weight")
def score_within_weight(record: Record) -> Check:
    """0 ≤ score ≤ weight on every row (exact); 加分项/扣分项/否决项 rows are exempt."""
    cid = "score_within_weight"
    inds = record.scores.indicators
    rows = [(i, ind) for i, ind in enumerate(inds) if ind.weight is not None and ind.score is not None and not is_bonus(ind, inds)]
    if not rows:
        return skipped(cid, "没有同时有分值和得分的行", "no row has both a weight and a score")
    bad = [(i, ind) for i, ind in rows if ind.score < -EPS or ind.score > ind.weight + EPS]
    if not bad:
        return passed(cid, f"{len(rows)}行得分均在0与分值之间", f"all {len(rows)} rows score within 0..weight",
                      None, None, [])
    i, ind = bad[0]
    names = "; ".join(f"{ind.name}: {fmt(ind.score)}/{fmt(ind.weight)}" for _, ind in bad[:5])
    ev = evidence(record, *[p for j, _ in bad for p in (pointers.indicator(j, "weight"), pointers.indicator(j, "score"))])
    return failed(cid, f"{len(bad)}行得分超出分值: {names}", f"{len(bad)} row(s) score outside 0..weight: {names}",
                  [f"0 ≤ s ≤ {fmt(x.weight)}" for _, x in bad], [x.score for _, x in bad], ev)


@check("subtotals_match")
def subtotals_match(record: Record) -> Check:
    """A row with children carries the sum of their weights (exact) and scores (0.05), where it carries any."""
    cid = "subtotals_match"
    inds = record.scores.indicators
    kids = children_of(inds)
    pairs = [(p, c) for p, c in kids.items() if inds[p].weight is not None or inds[p].score is not None]
    if not pairs:
        return skipped(cid, "没有带小计的上级指标", "no parent row carries a subtotal")
    for p, c in pairs:
        parent = inds[p]
        for attr, tol in (("weight", EPS), ("score", 0.05 + EPS)):
            own = getattr(parent, attr)
            vals = [getattr(inds[k], attr) for k in c]
            if own is None or any(v is None for v in vals):
                continue
            s = sum(vals)
            if abs(s - own) > tol:
                word = "分值" if attr == "weight" else "得分"
                ev = evidence(record, pointers.indicator(p, attr), *[pointers.indicator(k, attr) for k in c])
                return failed(cid, f"{parent.name}的{word}{fmt(own)},下级合计{fmt(s)}",
                              f"{parent.name}: {attr} {fmt(own)} but its rows sum to {fmt(s)}", own, s, ev)
    return passed(cid, f"{len(pairs)}个上级指标小计相符", f"{len(pairs)} subtotal(s) match their rows")


def _execution_row(record: Record):
    for i, ind in enumerate(record.scores.indicators):
        if ind.kind == "budget_execution" and ind.weight is not None and ind.score is not None:
            return i, ind
    return None, None


def _score_fits_rate(w: float, s: float, rate: float) -> tuple[bool, float]:
    exact = w * min(rate, 100.0) / 100.0
    d = decimals(s)
    scale = 10 ** d
    options = {math.floor(exact * scale + 0.5 + EPS) / scale, math.floor(exact * scale + EPS) / scale,
               math.ceil(exact * scale - EPS) / scale}
    return any(abs(o - s) < 1e-9 for o in options), exact


@check("execution_score", "warning", roles=("computed", "stated"))
def execution_score(record: Record) -> Check:
    """The 预算执行率 row's score = weight × min(rate, 100%) rounded half-up, truncated or ceiled to the
    score's decimals (the sample's 7.7 = truncation of 8 × 97.22%). Otherwise a warning: many rules step."""
    cid = "execution_score"
    i, ind = _execution_row(record)
    rate = record.budget.execution_rate
    if ind is None or rate is None:
        return skipped(cid, "缺少预算执行率指标行或执行率", "no budget-execution row or no execution rate")
    ok, exact = _score_fits_rate(ind.weight, ind.score, rate)
    b = record.budget
    if not ok and b.budget_yuan and b.executed_yuan is not None and \
            half_unit_of(record, pointers.EXECUTION_RATE, 0.0) >= 0.5:
        # a rate printed coarser than the score ('0.1' for 14.46 %, scored 2.9 of 20): the score is of the amounts' rate
        rate = round(b.executed_yuan / b.budget_yuan * 100, 4)
        ok, exact = _score_fits_rate(ind.weight, ind.score, rate)
    ev = evidence(record, pointers.EXECUTION_RATE, pointers.indicator(i, "weight"), pointers.indicator(i, "score"))
    if ok:
        return passed(cid, f"执行率得分{fmt(ind.score)}与{fmt(ind.weight)}×{fmt(rate)}%相符",
                      f"execution score {fmt(ind.score)} fits {fmt(ind.weight)} × {fmt(rate)}%", round(exact, 4), ind.score, ev)
    return failed(cid, f"执行率得分{fmt(ind.score)},按{fmt(ind.weight)}×{fmt(rate)}%应为{fmt(round(exact, 2))}(可能按档次计分)",
                  f"execution score {fmt(ind.score)}; {fmt(ind.weight)} × {fmt(rate)}% gives {fmt(round(exact, 2))} (the rule may step)",
                  round(exact, 4), ind.score, ev)


@check("selfeval_execution_score", "warning", roles=("computed", "stated"))
def selfeval_execution_score(record: Record) -> Check:
    """Self-assessment forms: 执行率得分 = 分值 × min(全年执行数/全年预算数, 1), rounded, truncated or ceiled
    to the score's decimals (warning otherwise)."""
    cid = "selfeval_execution_score"
    i, ind = _execution_row(record)
    b, e = record.budget.budget_yuan, record.budget.executed_yuan
    if record.report.kind != "self_assessment" or ind is None or not b or e is None:
        return skipped(cid, "不是自评表,或缺少执行率得分、预算数或执行数",
                       "not a self-assessment form, or no execution score, budget or executed amount")
    rate = e / b * 100
    ok, exact = _score_fits_rate(ind.weight, ind.score, rate)
    ev = evidence(record, pointers.BUDGET_YUAN, pointers.EXECUTED_YUAN, pointers.indicator(i, "score"))
    if ok:
        return passed(cid, "执行率得分与执行数/预算数相符", "execution score fits executed / budget", round(exact, 4), ind.score, ev)
    return failed(cid, f"执行率得分{fmt(ind.score)},按执行数/预算数应为{fmt(round(exact, 2))}",
                  f"execution score {fmt(ind.score)}; executed / budget gives {fmt(round(exact, 2))}", round(exact, 4), ind.score, ev)


@check("selfeval_total")
def selfeval_total(record: Record) -> Check:
    """Self-assessment forms: 总分 = 执行率得分 + Σ绩效指标得分 (0.05), and Σ分值 = 100 (10 + 90)."""
    cid = "selfeval_total"
    i, ind = _execution_row(record)
    total = record.scores.total_score
    if record.report.kind != "self_assessment" or ind is None or total is None:
        return skipped(cid, "不是自评表,或缺少执行率行或总分", "not a self-assessment form, or no execution row or total")
    rows = _leaf_rows(record, "score")
    s = sum(x.score for _, x in rows)
    w = sum(x.weight for _, x in rows if x.weight is not None)
    ev = evidence(record, pointers.TOTAL_SCORE, pointers.indicator(i, "score"))
    if abs(s - total) > 0.05 + EPS:
        return failed(cid, f"执行率得分与绩效指标得分合计{fmt(s)},总分为{fmt(total)}",
                      f"execution score plus indicator scores is {fmt(s)}, total says {fmt(total)}", total, s, ev)
    if abs(w - 100) > EPS:
        return failed(cid, f"分值合计{fmt(w)},不是100", f"weights sum to {fmt(w)}, not 100", 100, w, ev)
    return passed(cid, "总分等于执行率得分加绩效指标得分", "total = execution score + indicator scores", total, s, ev)


_PROFILE = (("产出", 50), ("效益", 30), ("满意", 10))


@check("level1_weight_profile", "warning", roles=("rule", "stated"))
def level1_weight_profile(record: Record) -> Check:
    """Self-assessment (财预〔2020〕10号): 产出 50 / 效益 30 / 满意度 10 / 预算执行率 10. Deviation is allowed
    ('可适当调整'), so a different profile is a warning only."""
    cid = "level1_weight_profile"
    inds = record.scores.indicators
    if record.report.kind != "self_assessment":
        return skipped(cid, "不是自评表", "not a self-assessment form")
    found = {}
    kids = children_of(inds)
    for i, ind in enumerate(inds):
        if ind.level != 1:
            continue
        weight = ind.weight
        if weight is None and i in kids:  # the table leaves the level-1 weight to its rows
            weights = [inds[k].weight for k in _descendant_leaves(inds, kids, i)]
            weight = sum(weights) if weights and None not in weights else None
        if weight is None:
            continue
        for word, _ in _PROFILE:
            if word in (ind.name or ""):
                found[word] = weight
        if ind.kind == "budget_execution":
            found["执行"] = weight
    if len(found) < 2:
        return skipped(cid, "一级指标分值不全", "level-1 weights not found")
    expected = {w: v for w, v in (*_PROFILE, ("执行", 10)) if w in found}
    if all(abs(found[k] - v) < EPS for k, v in expected.items()):
        return passed(cid, "一级指标分值符合50/30/10/10", "level-1 weights follow 50/30/10/10", expected, found)
    return failed(cid, "一级指标分值与50/30/10/10不同(允许适当调整)", "level-1 weights differ from 50/30/10/10 (allowed)",
                  expected, found)


def _descendant_leaves(inds, kids, i) -> list[int]:
    out = []
    for k in kids.get(i, []):
        out.extend(_descendant_leaves(inds, kids, k) if k in kids else [k])
    return out


@check("indicator_count_stated", "warning")
def indicator_count_stated(record: Record) -> Check:
    """'共设有N类/个指标' matches the table: N rows, or N top-level groups (9 categories over 10 rows
    in the sample). The count may mean either, so a mismatch is a warning only."""
    cid = "indicator_count_stated"
    stated = record.scores.indicator_count_stated
    inds = record.scores.indicators
    if stated is None or not inds:
        return skipped(cid, "没有陈述指标个数或没有评分表", "no stated indicator count or no table")
    n_leaves = sum(1 for i in leaves(inds) if inds[i].kind != "breakdown")  # '其中' rows detail an indicator
    n_top = sum(1 for ind in inds if ind.parent is None)
    levels = {ind.level for ind in inds}
    per_level = {lv: sum(1 for ind in inds if ind.level == lv) for lv in levels}
    ev = evidence(record, pointers.INDICATOR_COUNT_STATED)
    if stated in (n_leaves, n_top, *per_level.values()):
        return passed(cid, f"陈述的{stated}个指标与评分表相符", f"the stated {stated} indicators match the table",
                      stated, {"rows": n_leaves, "groups": n_top}, ev)
    return failed(cid, f"文中称{stated}个指标,评分表有{n_leaves}行、{n_top}组",
                  f"text says {stated} indicators; the table has {n_leaves} rows in {n_top} groups",
                  stated, {"rows": n_leaves, "groups": n_top}, ev)


_RATE_NAME = regex.compile(r"(?:完成率|达标率|满意度|合格率|覆盖率|知晓率|到位率|执行率)")


@check("rate_indicators", "warning", roles=("rule", "stated"))
def rate_indicators(record: Record) -> Check:
    """完成率 / 达标率 / 满意度 values lie in [0, 100] (完成率 may exceed 100%). Exact."""
    cid = "rate_indicators"
    rows = []
    for i, ind in enumerate(record.scores.indicators):
        if not _RATE_NAME.search(ind.name or ""):
            continue
        for attr in ("actual", "target"):
            val = getattr(ind, attr)
            num = parse_percent(regex.sub(r"^[≥≤=<>]+", "", val)) if isinstance(val, str) else None
            if num is not None:
                rows.append((i, ind, attr, num.value))
    if not rows:
        return skipped(cid, "没有百分比形式的率类指标值", "no rate indicator with a percent value")
    bad = [(i, ind, a, v) for i, ind, a, v in rows if v < 0 or (v > 100 and "完成率" not in (ind.name or ""))]
    if not bad:
        return passed(cid, f"{len(rows)}个率类指标值在0-100%之间", f"{len(rows)} rate value(s) within 0-100%")
    i, ind, a, v = bad[0]
    return failed(cid, f"{ind.name}的值{fmt(v)}%超出0-100%", f"{ind.name}: {fmt(v)}% is outside 0-100%",
                  "0..100", v, evidence(record, pointers.indicator(i, a)))

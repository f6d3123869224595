"""Checks on budget, spending, funding sources and sub-projects."""
from __future__ import annotations

import regex

from .. import pointers
from ..numbers import decimals_of_half_unit
from ..record import Check, Record
from ..tables.glued import rate_matches
from .base import (
    EPS,
    check,
    decimals,
    evidence,
    failed,
    first_unbalanced,
    fmt,
    half_unit_of,
    money,
    passed,
    skipped,
)


@check("execution_rate")
def execution_rate(record: Record) -> Check:
    """executed / budget × 100 equals the stated rate, rounded half-up OR truncated to the rate's decimals.
    Before failing, the rate is retried over 到位资金 (received) and the 年初 budget, the other denominators
    the rules use (DOMAIN.md §1.1). An amount printed finely ('37.05万') stands for any value within its half-unit,
    so a rate those values reach is no contradiction; a round amount ('40万') is taken as printed. A ratio near
    10⁴ is reported as a 万元/元 mix-up."""
    cid = "execution_rate"
    b = record.budget
    if b.budget_yuan is None or b.executed_yuan is None or b.execution_rate is None:
        return skipped(cid, "缺少预算数、执行数或执行率", "budget, executed amount or rate missing")
    if not b.budget_yuan:
        return skipped(cid, "预算数为0,无法计算执行率", "the budget is 0: no rate to compute")
    # a rate printed coarser than its value shows ('0.1' read as a fraction: 10 % to the tens) is rounded as printed
    d = min(decimals(b.execution_rate), decimals_of_half_unit(half_unit_of(record, pointers.EXECUTION_RATE, 0.0)))
    ev = evidence(record, pointers.BUDGET_YUAN, pointers.EXECUTED_YUAN, pointers.EXECUTION_RATE)
    for label, denom in (("预算数 budget", b.budget_yuan), ("到位资金 received", b.received_yuan),
                         ("年初预算 initial budget", b.initial_budget_yuan)):
        if denom and rate_matches(b.executed_yuan / denom * 100, b.execution_rate, d):
            exact = b.executed_yuan / denom * 100
            return passed(cid, f"执行数/{label.split()[0]}={fmt(round(exact, 4))}%,与所述{fmt(b.execution_rate)}%相符",
                          f"executed / {label.split()[1] if ' ' in label else label} = {fmt(round(exact, 4))}% matches "
                          f"the stated {fmt(b.execution_rate)}%", b.execution_rate, round(exact, 4), ev)
    exact = b.executed_yuan / b.budget_yuan * 100 if b.budget_yuan else float("inf")
    if _within_rounding(record, d):
        return passed(cid, f"执行数/预算数={fmt(round(exact, 4))}%,在两个金额的印刷精度内可得所述{fmt(b.execution_rate)}%",
                      f"executed / budget = {fmt(round(exact, 4))}%: within the printed amounts' rounding it gives the "
                      f"stated {fmt(b.execution_rate)}%", b.execution_rate, round(exact, 4), ev)
    ratio = exact / b.execution_rate if b.execution_rate else 0
    hint_zh = hint_en = ""
    if 5e3 < ratio < 2e4 or 5e-5 < ratio < 2e-4:
        hint_zh, hint_en = "(相差约一万倍,疑似万元与元混用)", " (off by about 10⁴: 万元/元 mix-up?)"
    return failed(cid, f"执行数{money(b.executed_yuan)}/预算数{money(b.budget_yuan)}={fmt(round(exact, 4))}%,"
                       f"与所述执行率{fmt(b.execution_rate)}%不符{hint_zh}",
                  f"executed / budget = {fmt(round(exact, 4))}%, not the stated {fmt(b.execution_rate)}%{hint_en}",
                  b.execution_rate, round(exact, 4), ev)


# how fine an amount's printing must be (its half-unit against its value) for its rounding to count: '37.05万' (1.3e-4)
# does, '95万' (5e-3) does not
_FINE_PRINT = 5e-4


def _within_rounding(record: Record, d: int) -> bool:
    """The stated rate is what some executed and budget amounts within the printed figures' half-units give
    (37.05万 / 40万 = 92.625 %, yet 37.0545万, printed 37.05万, gives 92.64 %): the report's own figures, as
    printed, do not contradict it."""
    b = record.budget
    he = half_unit_of(record, pointers.EXECUTED_YUAN, 0.0)
    hb = half_unit_of(record, pointers.BUDGET_YUAN, 0.0)
    if not b.executed_yuan or not b.budget_yuan:
        return False
    # a round figure ('40万元') is as often exact as rounded: it is taken as printed, only fine print is widened
    he = he if he / b.executed_yuan <= _FINE_PRINT else 0.0
    hb = hb if hb / b.budget_yuan <= _FINE_PRINT else 0.0
    if not (he or hb) or b.budget_yuan - hb <= 0:
        return False
    lo = (b.executed_yuan - he) / (b.budget_yuan + hb) * 100
    hi = (b.executed_yuan + he) / (b.budget_yuan - hb) * 100
    unit = 10 ** -d
    # the values a rate printed at d decimals stands for, rounded half-up or truncated: [r - unit/2, r + unit)
    return lo < b.execution_rate + unit and hi >= b.execution_rate - unit / 2


@check("funding_sources_sum")
def funding_sources_sum(record: Record) -> Check:
    """年度资金总额 = Σ 其中 rows (当年财政拨款 + 上年结转 + 其他…) in every amount column (the older form's 计划安排 /
    实际到位 / 实际使用 columns and their 中央 / 省 / 市县 / 其它 rows too). A form that splits
    the total twice (部门整体: by source 按收入性质分, by use 按支出性质分) is checked split by split, each
    against its own stated total (else the block's). Tolerance: the sum of the half-units of the figures
    compared (amounts in the form's 万元 → 50 元 per figure at 2 decimals)."""
    cid = "funding_sources_sum"
    rows = record.budget.funding_sources
    total = next((r for r in rows if r.is_total and r.group is None), None)
    splits = []
    for group in dict.fromkeys(r.group for r in rows):
        parts = [r for r in rows if not r.is_total and r.group == group]
        head = next((r for r in rows if r.is_total and r.group == group), None) or total
        if head is not None and parts:
            splits.append((group, head, parts))
    if not splits:
        return _funding_in_prose(record)
    compared = 0
    for group, head, parts in splits:
        for col, zh in (("budget_yuan", "全年预算数"), ("executed_yuan", "全年执行数"), ("initial_yuan", "年初预算数"),
                        ("received_yuan", "实际到位资金")):
            sums = _column_sum(head, parts, col)
            if sums is None:
                continue
            compared += 1
            t, s, tol = sums
            if abs(s - t) > tol:
                ev = evidence(record, *[pointers.funding_source(k) for k in range(len(rows))])
                split = {"source": "按来源 ", "use": "按用途 "}.get(group or "", "")
                return failed(cid, f"{split}{zh}: 资金总额{money(t)},各来源合计{money(s)}",
                              f"{col}{' (' + group + ' split)' if group else ''}: the total row says {money(t)}, "
                              f"its rows sum to {money(s)}", t, s, ev)
    if not compared:
        return skipped(cid, "资金来源行没有金额", "source rows carry no amounts")
    return passed(cid, "资金总额等于各来源合计", "the funds total equals the sum of its sources")


def _column_sum(head, parts, col: str) -> tuple[float, float, float] | None:
    """(total, Σ parts, tolerance) of one amount column; None when the column holds nothing to compare."""
    t = getattr(head, col)
    vals = [getattr(p, col) for p in parts]
    if t is None or all(v is None for v in vals):
        return None
    tol = sum(_half_wan(v) for v in [t, *vals] if v is not None) + EPS
    return t, sum(v or 0 for v in vals), tol


_FUNDING_LABEL = regex.compile(r"资金|拨款|配套|中央|省|市|区|县|自治区|财政|自筹|结转|专项|债券|补助|地方")


def _funding_in_prose(record: Record) -> Check:
    """'项目总投资660万元, 其中: 中央、省配套资金495万元, 市级99万元、区级66万元': sources stated in prose."""
    cid = "funding_sources_sum"
    sums = [t for t in record.text_sums if t.kind == "parts" and t.labels and len(t.labels) == len(t.parts)
            and (t.family == "source" or t.family is None and all(_FUNDING_LABEL.search(x) for x in t.labels))]
    if not sums:
        return skipped(cid, "没有资金总额及其来源", "no funds total with its sources (form rows or prose)")
    bad = first_unbalanced(sums)
    if bad:
        t, s = bad
        return failed(cid, f"资金总额{money(t.total)},各来源合计{money(s)}: {t.text[:50]}",
                      f"the funds total {money(t.total)} but its sources sum to {money(s)}", t.total, s,
                      evidence(record, t.pointer) if t.pointer else [])
    return passed(cid, "资金总额等于各来源合计(正文)", "the funds total equals the sum of its sources (prose)")


def _half_wan(v: float) -> float:
    """Half-unit of a form figure printed in 万元: from the decimals it shows."""
    return 0.5 * 10 ** -decimals(v / 10_000) * 10_000


@check("budget_columns_order", "warning", roles=("stated", "stated"))
def budget_columns_order(record: Record) -> Check:
    """全年执行数 ≤ 全年预算数: spending above the budget is possible but rare, so it is flagged (warning)."""
    cid = "budget_columns_order"
    b = record.budget
    if b.budget_yuan is None or b.executed_yuan is None:
        return skipped(cid, "缺少预算数或执行数", "budget or executed amount missing")
    ev = evidence(record, pointers.BUDGET_YUAN, pointers.EXECUTED_YUAN)
    if b.executed_yuan <= b.budget_yuan + half_unit_of(record, pointers.BUDGET_YUAN, 0.5):
        return passed(cid, "执行数不超过预算数", "executed ≤ budget", b.budget_yuan, b.executed_yuan, ev)
    return failed(cid, f"执行数{money(b.executed_yuan)}超过预算数{money(b.budget_yuan)}",
                  f"executed {money(b.executed_yuan)} exceeds the budget {money(b.budget_yuan)}", b.budget_yuan, b.executed_yuan, ev)


@check("subprojects_sum")
def subprojects_sum(record: Record) -> Check:
    """Σ sub-project amounts = budget (else = executed). Tolerance: the coarsest half-unit × the number
    of figures. An error only where the text says '包括N个子项目' and all N were read; otherwise a warning."""
    cid = "subprojects_sum"
    sps = [s for s in record.subprojects if s.amount_yuan is not None]
    b = record.budget
    if len(sps) < 2 or (b.budget_yuan is None and b.executed_yuan is None):
        return skipped(cid, "子项目金额不全或缺少预算数", "fewer than two sub-project amounts, or no budget")
    s = sum(x.amount_yuan for x in sps)
    halves = [half_unit_of(record, pointers.subproject(i, "amount_yuan"), 0.5) for i in range(len(record.subprojects))]
    ev = evidence(record, pointers.BUDGET_YUAN, *[pointers.subproject(i, "amount_yuan") for i in range(len(record.subprojects))])
    for label, target, pointer in (("预算数", b.budget_yuan, pointers.BUDGET_YUAN), ("执行数", b.executed_yuan, pointers.EXECUTED_YUAN)):
        if target is None:
            continue
        tol = max(halves + [half_unit_of(record, pointer, 0.5)]) * (len(sps) + 1) + EPS
        if abs(s - target) <= tol:
            en = "budget" if label == "预算数" else "executed amount"
            return passed(cid, f"子项目合计{money(s)}等于{label}", f"sub-projects sum to the {en} ({money(s)})", target, s, ev)
    complete = record.subprojects_stated_count == len(sps) == len(record.subprojects)
    target = b.budget_yuan if b.budget_yuan is not None else b.executed_yuan
    check_result = failed(cid, f"子项目合计{money(s)},与预算数{money(b.budget_yuan)}及执行数{money(b.executed_yuan)}均不符",
                          f"sub-projects sum to {money(s)}, neither the budget {money(b.budget_yuan)} nor the executed "
                          f"amount {money(b.executed_yuan)}", target, s, ev)
    if not complete:
        check_result.status, check_result.severity = "warn", "warning"
        check_result.message += " (子项目可能未列全 / the list may be incomplete)"
    return check_result


@check("subproject_items_sum")
def subproject_items_sum(record: Record) -> Check:
    """A sub-project's items add up to its stated amount (sample: 18+7 = 25万, 30+10 = 40万). Tolerance:
    the coarsest half-unit × the number of figures. Contracts let under an allocation are not its breakdown
    and are not summed."""
    cid = "subproject_items_sum"
    rows = [(i, sp) for i, sp in enumerate(record.subprojects)
            if sp.items and sp.items_are_breakdown and sp.amount_yuan is not None
            and all(it.amount_yuan is not None for it in sp.items)]
    if not rows:
        return skipped(cid, "没有带明细的子项目", "no sub-project with itemised amounts")
    for i, sp in rows:
        s = sum(it.amount_yuan for it in sp.items)
        halves = [half_unit_of(record, pointers.item(i, k, "amount_yuan"), 0.5) for k in range(len(sp.items))]
        tol = max(halves + [half_unit_of(record, pointers.subproject(i, "amount_yuan"), 0.5)]) * (len(sp.items) + 1) + EPS
        if abs(s - sp.amount_yuan) > tol:
            ev = evidence(record, pointers.subproject(i, "amount_yuan"),
                          *[pointers.item(i, k, "amount_yuan") for k in range(len(sp.items))])
            return failed(cid, f"子项目“{sp.name}”金额{money(sp.amount_yuan)},明细合计{money(s)}",
                          f"sub-project '{sp.name}' is {money(sp.amount_yuan)} but its items sum to {money(s)}",
                          sp.amount_yuan, s, ev)
    return passed(cid, f"{len(rows)}个子项目的明细合计相符", f"items add up in {len(rows)} sub-project(s)")

"""Checks on what the prose asserts: repeated figures, part sums, year-on-year changes, years,
and whether the document is whole."""
from __future__ import annotations

import regex

from .. import pointers
from ..record import Check, Record
from .base import EPS, check, evidence, failed, first_unbalanced, fmt, passed, skipped


@check("repeated_figures_agree", roles=("stated", "stated"))
def repeated_figures_agree(record: Record) -> Check:
    """A figure stated more than once (text and table, 元 and 万元, summary and body) agrees within the
    half-unit of the coarser statement (89.97万 vs 89.974万 passes)."""
    cid = "repeated_figures_agree"
    groups: dict[str, list] = {}
    for m in record.mentions:
        groups.setdefault(m.field, []).append(m)
    groups = {k: v for k, v in groups.items() if len(v) >= 2}
    if not groups:
        return skipped(cid, "没有重复陈述的数字", "no figure is stated twice")
    for name, ms in groups.items():
        for a in ms:
            for b in ms:
                if abs(a.value - b.value) > max(a.half_unit, b.half_unit) + EPS:
                    ev = evidence(record, *[m.pointer for m in ms if m.pointer])
                    return failed(cid, f"{name}两处陈述不一致: {a.text} 与 {b.text}",
                                  f"{name} is stated as {fmt(a.value)} and as {fmt(b.value)}", a.value, b.value, ev)
    n = sum(len(v) for v in groups.values())
    return passed(cid, f"{len(groups)}个数字的{n}处陈述一致", f"{n} statements of {len(groups)} figure(s) agree",
                  None, None, evidence(record, *[m.pointer for v in groups.values() for m in v if m.pointer]))


@check("part_sums_text")
def part_sums_text(record: Record) -> Check:
    """'支出A, 其中 a, b, c' ⇒ A = a + b + c, within the largest half-unit × the number of figures. A total split
    by the levels that pay it ('其中中央资金776.84万元, 省级资金…') that does not add up fails funding_sources_sum where
    the report has no funds form, not this check too: one contradiction, one flag."""
    cid = "part_sums_text"
    sums = [t for t in record.text_sums if t.kind == "parts"]
    if not sums:
        return skipped(cid, "文中没有“其中”分项合计", "the text states no total with its parts")
    bad = first_unbalanced([t for t in sums if not _funding_split(record, t)])
    if bad:
        t, s = bad
        return failed(cid, f"合计{fmt(t.total)}元,分项之和{fmt(s)}元: {t.text[:60]}",
                      f"total {fmt(t.total)} but its parts sum to {fmt(s)}", t.total, s,
                      evidence(record, t.pointer) if t.pointer else [])
    sums = [t for t in sums if first_unbalanced([t]) is None]
    if not sums:
        return skipped(cid, "分项合计只有资金来源(见funding_sources_sum)", "the only part sums are sources (funding_sources_sum)")
    return passed(cid, f"{len(sums)}处分项合计相符", f"{len(sums)} stated part sum(s) add up", None, None,
                  evidence(record, *[t.pointer for t in sums if t.pointer]))


# A part named only by the level of government paying it and its kind of money, nothing else in its words.
_LEVEL_SOURCE = regex.compile(r"(?:中央|省级?|市级?|州级?|县级?|区级?|自治区|上级|本级|地方|其他)(?:财政)?"
                              r"(?:配套|补助|专项|奖补|补贴){0,2}(?:资金|经费)?(?:拨款|投入)?")


def _funding_split(record: Record, t) -> bool:
    return (not record.budget.funding_sources and t.family == "source" and bool(t.labels)
            and all(_LEVEL_SOURCE.fullmatch(x) for x in t.labels))


@check("yoy_change", "warning", roles=("computed", "stated"))
def yoy_change(record: Record) -> Check:
    """'本年A, 同比增加X, 增长Y%' ⇒ Y = X / (A − X) × 100 (decrease: X / (A + X)); the stated Y must lie within
    the range the printed precision of A and X allows, widened by Y's own half-unit."""
    cid = "yoy_change"
    rows = [t for t in record.text_sums if t.kind == "yoy" and t.stated_rate is not None]
    if not rows:
        return skipped(cid, "文中没有同比增减及比例", "the text states no year-on-year change with a percent")
    for t in rows:
        cur, delta, h = t.total, t.parts[0], t.half_unit
        prev = cur - delta
        if prev <= 0:
            continue
        lo = (abs(delta) - h) / (prev + 2 * h) * 100
        hi = (abs(delta) + h) / max(prev - 2 * h, EPS) * 100
        exact = abs(delta) / prev * 100
        rh = t.rate_half_unit or 0.005
        if not (lo - rh - EPS <= t.stated_rate <= hi + rh + EPS):
            return failed(cid, f"同比变化{fmt(t.stated_rate)}%,按金额应为{fmt(round(exact, 2))}%",
                          f"stated change {fmt(t.stated_rate)}%, the amounts give {fmt(round(exact, 2))}%",
                          round(exact, 4), t.stated_rate, evidence(record, t.pointer) if t.pointer else [])
    return passed(cid, f"{len(rows)}处同比比例相符", f"{len(rows)} year-on-year percent(s) match their amounts")


@check("year_consistency", "warning", roles=("stated", "stated"))
def year_consistency(record: Record) -> Check:
    """The budget year is not after the report date, and no cited rule is issued after the report was
    written (a 2018 report citing 财预〔2020〕10号 is suspect). Exact."""
    cid = "year_consistency"
    year = record.report.year
    if year is None:
        return skipped(cid, "没有预算年度", "no budget year")
    written = int(record.report_date[:4]) if record.report_date else None
    ev = evidence(record, pointers.YEAR, pointers.REPORT_DATE)
    if written is not None and written < year:
        return failed(cid, f"报告日期{record.report_date}早于预算年度{year}", f"report dated {record.report_date}, before its year {year}",
                      f">= {year}", written, ev)
    latest = written if written is not None else year + 1
    late = [r for r in record.cited_rules if r.get("year") and r["year"] > latest]
    if late:
        docs = "、".join(r["doc"] for r in late[:3])
        return failed(cid, f"{year}年度报告引用了之后发布的文件{docs}", f"a {year} report cites later rules: {docs}",
                      f"<= {latest}", max(r["year"] for r in late), ev)
    return passed(cid, "年度、报告日期与引用文件一致", "year, report date and cited rules agree", year, year, ev)


_NEEDS = {
    "project": ("basic", "conclusion", "score_table"),
    "department": ("basic", "conclusion"),
    "self_assessment": ("score_table",),
    None: ("conclusion",),
}
_SECTION_ZH = {"basic": "基本情况", "conclusion": "评价结论", "score_table": "评分表", "problems": "存在问题",
               "suggestions": "建议"}


@check("document_complete", "warning", roles=("rule", "stated"))
def document_complete(record: Record) -> Check:
    """The document is not truncated (preview markers, a table or sentence cut off) and has the sections a
    report of its kind has (DOMAIN.md §2.1: project reports 基本情况 + 评价结论 + 评分表; self-assessment the 自评表)."""
    cid = "document_complete"
    src = record.source
    missing = [s for s in _NEEDS.get(record.report.kind, _NEEDS[None]) if s not in (src.sections or [])]
    if src.truncated:
        return failed(cid, "文档不完整(预览截断或表格、句子中断)", "the document is truncated (preview cut or table/sentence cut off)",
                      "complete", "truncated", evidence(record, "/source/truncated"))
    if missing:
        zh = "、".join(_SECTION_ZH[s] for s in missing)
        return failed(cid, f"缺少章节: {zh}", f"missing sections: {', '.join(missing)}", list(_NEEDS.get(record.report.kind, ())),
                      src.sections)
    return passed(cid, "文档完整", "the document is complete", None, src.sections)

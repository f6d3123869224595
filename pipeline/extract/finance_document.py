"""What a finance document (部门决算 / 部门预算, classify.FINANCE) says of itself: its title, department and
region where the evaluation readers found none (its title names no evaluation), and the summary of its
预算绩效管理情况 (performance_summary.py), each figure cited."""
from __future__ import annotations

import regex

from .. import pointers
from ..normalise import NormalisedText
from ..record import PerformanceSummary, Record
from . import metadata
from .context import Context, Found
from .performance_summary import read_summary

# Its title: '临澧县教育局2022年度部门决算公开说明', '…2023年部门预算', a line of its own near the top.
_TITLE = regex.compile(r"(?m)^[ \t]*(?P<t>[\p{Han}\d()]{2,40}?(?:决算|预算)(?:公开)?(?:情况)?(?:说明|报告)?)[ \t]*$")
_TITLE_REACH = 600


def read_finance_document(text: NormalisedText, record: Record) -> None:
    ctx = Context(text, record.provenance)
    r = record.report
    title = unit = None
    if r.title is None and (m := _TITLE.search(text.text, 0, _TITLE_REACH)):
        title = Found(m["t"], m.start("t"), m.end("t"))
        r.title = title.value
        ctx.cite(pointers.TITLE, title)
    if r.department is None and title is not None and (unit := metadata.find_department(ctx, title)):
        r.department = unit.value
        ctx.cite(pointers.DEPARTMENT, unit)
    if r.region is None and (place := metadata.find_region(ctx, [unit, title])):
        r.region = place.value
        ctx.cite(pointers.REGION, place)
    record.performance_summary = _summary(ctx)


def _summary(ctx: Context) -> PerformanceSummary | None:
    facts = read_summary(ctx.text)
    if facts.is_empty():
        return None
    summary = PerformanceSummary()
    for key in ("projects", "amount_yuan", "average_score"):
        found = getattr(facts, key)
        if found is not None:
            setattr(summary, key, found.value)
            ctx.cite(pointers.summary(key), found)
    for grade, found in facts.grades.items():
        summary.grades[grade] = found.value
        ctx.cite(pointers.summary("grades", grade), found)
    ctx.cite(pointers.PERFORMANCE_SUMMARY, facts.section)
    return summary

"""The performance-management summary of a finance document (部门决算 / 部门预算 说明, section 预算绩效管理情况):
how many projects were self-assessed, the amount they cover, the average score and the count per grade.

The section's wording follows the final-accounts template of the Ministry of Finance (财预〔2021〕… 部门决算
公开说明, "预算绩效管理情况"): '组织对N个项目开展了绩效自评, 涉及资金X万元', '平均得分X分', 'M个项目评为优'.
Each figure is read only inside that section, with where it stands, so that a budget figure elsewhere is
never taken for the assessed amount.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..numbers import AMOUNT, NUMBER, parse_amount, parse_arabic, parse_count
from .context import Found
from .grades import GRADE_WORDS, short_grade

# the section's heading, and how far its text runs at most
_SECTION = regex.compile(r"(?:预算)?绩效管理(?:工作)?(?:开展)?情况(?:说明)?")
_SECTION_REACH = 1500
_NEXT_HEADING = regex.compile(r"\n\s*[一二三四五六七八九十]{1,3}、|\n\s*[((][一二三四五六七八九十]{1,3}[))]")
_COUNT = r"(?P<n>\d{1,5}|[一二三四五六七八九十百零〇]{1,6})"
# 'N个项目开展(了)绩效自评' / '对N个项目…开展…绩效自评' / '绩效自评项目N个'
_PROJECTS = regex.compile(rf"{_COUNT}\s*个(?:一级|二级)?项目[^。;]{{0,24}}?(?:开展|进行|实施)[^。;]{{0,8}}?(?:绩效)?(?:自评|评价)"
                          rf"|(?:绩效)?自评(?:项目|的项目)(?:共|数)?(?:为)?\s*{_COUNT}\s*个")
_AMOUNT_COVERED = regex.compile(rf"(?:涉及|覆盖|共计|合计)(?:项目)?(?:资金|金额|预算)?(?:总额)?(?:为)?\s*(?P<amt>{AMOUNT})")
_AVERAGE = regex.compile(rf"平均(?:得分|分数|分|自评得分)(?:为)?\s*(?P<v>{NUMBER})\s*分?")
# 'M个(项目)(评价等级)为优' or '优(秀)M个' / '评为优的项目M个' (其中 is no grade 中)
_GRADE_AFTER = regex.compile(rf"{_COUNT}\s*个(?:项目)?[^。;,,]{{0,8}}?(?:为|评为|评定为|等级为)\s*[“\"]?(?P<g>{GRADE_WORDS})")
_GRADE_BEFORE = regex.compile(rf"(?<!其)(?P<g>{GRADE_WORDS})(?:等级|等次|级)?(?:的项目)?(?:有|共)?\s*{_COUNT}\s*个")


@dataclass
class SummaryFacts:
    """What the section states, each figure with where it stands."""

    projects: Found | None = None
    amount_yuan: Found | None = None
    average_score: Found | None = None
    grades: dict[str, Found] = field(default_factory=dict)
    section: tuple[int, int] | None = None

    def is_empty(self) -> bool:
        return not (self.projects or self.amount_yuan or self.average_score or self.grades)


def read_summary(text: str) -> SummaryFacts:
    """The first section on performance management that states at least one of the figures."""
    for head in _SECTION.finditer(text):
        start, end = head.start(), min(len(text), head.end() + _SECTION_REACH)
        nxt = _NEXT_HEADING.search(text, head.end(), end)
        end = nxt.start() if nxt else end
        facts = _read(text, start, end)
        if not facts.is_empty():
            facts.section = (start, end)
            return facts
    return SummaryFacts()


def _read(text: str, start: int, end: int) -> SummaryFacts:
    facts = SummaryFacts()
    m = _PROJECTS.search(text, start, end)
    if m and (n := parse_count(m["n"])) is not None:
        facts.projects = Found(n, m.start("n"), m.end("n"))
    m = _AMOUNT_COVERED.search(text, start, end)
    if m and (a := parse_amount(m["amt"])) is not None:
        facts.amount_yuan = Found(a.value, m.start("amt"), m.end("amt"), a.half_unit)
    m = _AVERAGE.search(text, start, end)
    if m and (v := parse_arabic(m["v"])) is not None and 0 < v.value <= 100:
        facts.average_score = Found(v.value, m.start("v"), m.end("v"), v.half_unit)
    for pattern in (_GRADE_AFTER, _GRADE_BEFORE):
        for m in pattern.finditer(text, start, end):
            grade, n = short_grade(m["g"]), parse_count(m["n"])
            if n is not None and grade not in facts.grades:
                facts.grades[grade] = Found(n, m.start("n"), m.end("n"))
    return facts

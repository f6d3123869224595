"""The record of SPEC.md as typed objects that serialise to its JSON and read back from it.

Keys beyond the SPEC (added freely, never renamed) carry what the checks need so that
`jixiao check` can re-run every check from the JSON alone.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .errors import RecordError

SCHEMA_VERSION = 1


@dataclass
class Source:
    path: str | None = None
    sha256: str | None = None
    format: str | None = None
    pages: int | None = None
    script: str | None = None
    truncated: bool | None = None
    # where a cut document's text stops, counted as evidence 'chars' count: a figure cited there may have lost its
    # last digits to the cut ('82.68' shown as '82.6'; verify/certainty.figure_at_the_cut)
    cut_at: int | None = None
    ocr: dict | None = None
    # plain text copied out of a PDF line by line, its paragraphs run on again (load/unwrap.py): how many
    # line breaks went and the width the text was wrapped at; evidence offsets count in the text so joined
    unwrapped: dict | None = None
    # a full stop left between two figures ('27285。3万元支持…'): a sentence's end, or a decimal point an OCR misread;
    # a check whose figures are cited near one needs a look (verify/certainty.full_stop_between_figures).
    # Each {'text', 'chars'}: the figures about it, and where they stand in the document's text.
    full_stops_between_figures: list[dict] = field(default_factory=list)
    encoding: str | None = None
    sections: list[str] = field(default_factory=list)  # report sections found (document_complete)
    page_readers: list[str] = field(default_factory=list)  # which reader produced each page
    # report | finance_document | not_report (pipeline/classify.py), with the reason in words
    document_class: str | None = None
    document_class_reason: str | None = None
    finance_kind: str | None = None  # finance_document: final_accounts | budget | target_table
    # what the reading libraries warned about while reading the file ('UserWarning: …'), once each: kept
    # with the record, not printed among the run's own lines
    load_warnings: list[str] = field(default_factory=list)


@dataclass
class Report:
    title: str | None = None
    project_name: str | None = None
    department: str | None = None
    region: str | None = None
    year: int | None = None
    kind: str | None = None
    years: list[int] | None = None  # a report covering several years: the span


@dataclass
class FundingSource:
    """One row of a form's funds block (年度资金总额 / 其中: 当年财政拨款 …) or a stated split."""

    name: str
    initial_yuan: float | None = None  # 年初预算数
    budget_yuan: float | None = None  # 全年预算数 / 调整后预算数
    executed_yuan: float | None = None  # 全年执行数
    received_yuan: float | None = None  # 实际到位资金 (the older form's middle column)
    rate: float | None = None
    is_total: bool = False
    group: str | None = None  # source | use: which split of the total the row belongs to (部门整体 forms print both)


@dataclass
class Budget:
    budget_yuan: float | None = None
    executed_yuan: float | None = None
    execution_rate: float | None = None
    funding_source: str | None = None
    initial_budget_yuan: float | None = None
    received_yuan: float | None = None  # 到位资金, the framework's rate denominator
    funding_sources: list[FundingSource] = field(default_factory=list)
    funds_report: dict | None = None  # the parsing report of the form's funds block, when one was read


@dataclass
class Item:
    description: str | None = None
    amount_yuan: float | None = None
    is_contract: bool = False


@dataclass
class Subproject:
    name: str | None = None
    amount_yuan: float | None = None
    items: list[Item] = field(default_factory=list)
    # False where the items are contracts let under an allocation, not its breakdown: they need not add up
    items_are_breakdown: bool = True


@dataclass
class Indicator:
    level: int | None = None
    code: str | None = None
    name: str | None = None
    parent: int | None = None
    weight: float | None = None
    score: float | None = None
    note: str | None = None
    target: str | None = None  # 年度指标值, as written (≥50个)
    actual: str | None = None  # 实际完成值
    kind: str | None = None  # "budget_execution": the 预算执行率 row of self-assessment forms; "breakdown": a
    # "其中…" row detailing the indicator above it (targets, no points)


@dataclass
class Scores:
    indicators: list[Indicator] = field(default_factory=list)
    total_weight: float | None = None
    total_score: float | None = None
    indicator_count_stated: int | None = None  # "共设有9类指标"
    table_total_row: bool = False  # the table's own total row was read (the table is whole)
    table_report: dict | None = None  # the parsing report of the reading kept (pipeline/tables/model.py)


@dataclass
class Band:
    grade: str
    min: float | None = None
    max: float | None = None


def grade_for(score: float | None, bands: list[Band]) -> str | None:
    """The grade of the band `score` falls in (min inclusive, max exclusive), or None."""
    if score is None:
        return None
    for b in bands:
        if (b.min is None or score >= b.min - 1e-9) and (b.max is None or score < b.max - 1e-9):
            return b.grade
    return None


@dataclass
class Grade:
    stated: str | None = None
    derived: str | None = None
    bands: list[Band] = field(default_factory=list)
    bands_source: str | None = None  # "report" or the rule whose bands apply
    # the text words bands ('95分以上为优秀', '80-95分') or a whole other than 100 points ('满分120分') that no band was
    # read from: the local regimes are no stand-in for them (verify.grades.LOCAL_REGIMES)
    bands_worded: bool = False


@dataclass
class Check:
    id: str
    status: str  # pass | fail | warn | skip
    severity: str  # error | warning
    message: str
    expected: Any = None
    actual: Any = None
    evidence: list[dict] = field(default_factory=list)
    # the same figures by what they are, the same in every check: what the report states, what its own
    # figures give, and the rule it is held to (a list where two statements are compared)
    stated: Any = None
    computed: Any = None
    rule: Any = None
    # what the figures gave (pass | fail | warn), whatever the status: a 'fail' finding whose inputs were not
    # read surely has status 'warn' ("needs a look"); status 'fail' only where the report contradicts itself
    finding: str | None = None
    certainty: str | None = None  # certain | unsure (null: skipped)
    doubts: list[dict] = field(default_factory=list)  # {code, zh, en, pointer?}: why the verdict is unsure
    corroborated: list[dict] = field(default_factory=list)  # {pointer, copies}: inputs stated again, every copy agreeing


@dataclass
class TextSum:
    """A sum the prose asserts: 'A, 其中 a, b, c' (part_sums_text) or a stated year-on-year change."""

    kind: str  # "parts" | "yoy"
    total: float | None
    parts: list[float]
    half_unit: float
    text: str
    pointer: str | None = None
    stated_rate: float | None = None  # yoy: the stated growth percent
    rate_half_unit: float | None = None
    labels: list[str] = field(default_factory=list)  # parts: what each part is ('市级配套资金')
    family: str | None = None  # parts: what the labels name (source | expense | year | place | item)
    # parts: the document ends inside the list's sentence (no sentence end or further line after its last part):
    # parts after the cut are unread (certainty.document_cut)
    reaches_end: bool = False
    # parts: the list was ended short of its total by a figure that could be no part of it, before its sentence's
    # end (certainty.list_stopped)
    stopped: bool = False
    # parts: introduced as what the whole mainly includes ('主要包括'): the list need not name them all
    # (certainty.list_hedged)
    hedged: bool = False
    # parts: the total the shares printed with the parts give ('134.67万元,占固定资产的27.91%' → 482.5万元), where
    # they print one (certainty.shares_elsewhere)
    shares_total: float | None = None


@dataclass
class Mention:
    """One place a figure is stated (repeated_figures_agree compares them)."""

    field: str
    value: float
    half_unit: float
    text: str
    pointer: str | None = None


@dataclass
class PerformanceSummary:
    """A finance document's summary of its performance management (预算绩效管理情况): projects self-assessed,
    the amount they cover, their average score and how many got each grade. Null where unstated."""

    projects: int | None = None
    amount_yuan: float | None = None
    average_score: float | None = None
    grades: dict[str, int] = field(default_factory=dict)  # {"优": 10, "良": 2}


@dataclass
class Record:
    schema_version: int = SCHEMA_VERSION
    source: Source = field(default_factory=Source)
    report: Report = field(default_factory=Report)
    budget: Budget = field(default_factory=Budget)
    subprojects: list[Subproject] = field(default_factory=list)
    subprojects_stated_count: int | None = None  # "包括5个子项目"
    subprojects_from: str | None = None  # the reading they came from: enumeration | breakdown | paragraphs | works
    scores: Scores = field(default_factory=Scores)
    grade: Grade = field(default_factory=Grade)
    checks: list[Check] = field(default_factory=list)
    provenance: dict[str, dict] = field(default_factory=dict)
    # values left null although figures were found for them: pointer -> {reason, candidates: [{value, page, text,
    # bbox, ...}]}, so that "not read" and "read but not sure" differ
    unread: dict[str, dict] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    text_sums: list[TextSum] = field(default_factory=list)
    cited_rules: list[dict] = field(default_factory=list)  # {"doc": "财预〔2020〕10号", "year": 2020}
    report_date: str | None = None
    # what was read and what was not (pipeline/coverage.py): refreshed each time the checks run
    coverage: dict = field(default_factory=dict)
    # finance documents (source.document_class finance_document): their performance-management summary
    performance_summary: PerformanceSummary | None = None
    extra: dict = field(default_factory=dict)  # unknown keys read back from JSON, written out unchanged

    def to_dict(self) -> dict:
        data = asdict(self)
        extra = data.pop("extra")
        data.update(extra)
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict) -> Record:
        if not isinstance(data, dict):
            raise RecordError("a record is a JSON object")
        try:
            return _build(cls, data)
        except (TypeError, ValueError) as exc:
            raise RecordError(f"not a record of this schema: {exc}") from None

    def __str__(self) -> str:
        r, b, s = self.report, self.budget, self.scores
        failed = [c.id for c in self.checks if c.status == "fail"]
        return (f"Record({r.title!r}, {r.year}, budget={b.budget_yuan}, executed={b.executed_yuan}, "
                f"rate={b.execution_rate}, score={s.total_score}/{s.total_weight}, "
                f"{len(s.indicators)} indicators, grade={self.grade.stated or self.grade.derived}, failed={failed})")


_NESTED = {
    (Record, "source"): Source, (Record, "report"): Report, (Record, "budget"): Budget,
    (Record, "scores"): Scores, (Record, "grade"): Grade, (Record, "performance_summary"): PerformanceSummary,
}
_LISTS = {
    (Record, "subprojects"): Subproject, (Subproject, "items"): Item, (Scores, "indicators"): Indicator,
    (Grade, "bands"): Band, (Record, "checks"): Check, (Budget, "funding_sources"): FundingSource,
    (Record, "mentions"): Mention, (Record, "text_sums"): TextSum,
}


def _build(cls, data: dict):
    known = {f.name for f in fields(cls)}
    kwargs, extra = {}, {}
    for key, value in data.items():
        if key not in known or key == "extra":
            extra[key] = value
            continue
        if (cls, key) in _NESTED and isinstance(value, dict):
            value = _build(_NESTED[(cls, key)], value)
        elif (cls, key) in _LISTS and isinstance(value, list):
            value = [_build(_LISTS[(cls, key)], v) for v in value if isinstance(v, dict)]
        kwargs[key] = value
    obj = cls(**kwargs)
    if extra and cls is Record:
        obj.extra = extra
    return obj

"""The pipeline as a short sequence of stages: load → normalise → extract → verify."""
from __future__ import annotations

import warnings
from pathlib import Path

import regex

from . import pointers
from .classify import FINANCE, classify
from .extract import extract_record, metadata
from .extract.context import Context, Found
from .extract.performance_summary import read_summary
from .extract.split import report_spans
from .load import load
from .load.office import mark_formula_values
from .normalise import normalise
from .record import PerformanceSummary, Record
from .verify import verify


def extract(path: str | Path) -> list[Record]:
    """The records of the report(s) in `path`, checks run. Raises LoadError for a file that cannot be read.
    Warnings the reading libraries raise (Pillow, openpyxl, pdfminer) go into each record's
    source.load_warnings instead of the terminal."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records = _extract(path)
    said = list(dict.fromkeys(" ".join(f"{w.category.__name__}: {w.message}".split())[:300] for w in caught))
    for record in records:
        record.source.load_warnings = said
    return records


def _extract(path: str | Path) -> list[Record]:
    document = load(path)
    text = normalise(document)
    spans = report_spans(text)
    records = []
    for k, (start, end) in enumerate(spans):
        part = text if len(spans) == 1 else text.part(start, end, last=k == len(spans) - 1)
        record = extract_record(document, part)
        if len(spans) > 1:
            record.extra["report_index"] = k  # the k-th report of a file holding several
        mark_formula_values(document, record)  # a workbook's formula results: marked, then warned by their check
        verify(record)
        cls = classify(part.text, record)
        record.source.document_class, record.source.document_class_reason = cls.name, cls.reason
        record.source.finance_kind = cls.kind
        if cls.name == FINANCE:
            _finance_document(part, record)
        records.append(record)
    return records


# A finance document's title: '临澧县教育局2022年度部门决算公开说明', '…2023年部门预算', a line of its own.
_FINANCE_TITLE = regex.compile(r"(?m)^[ \t]*(?P<t>[\p{Han}\d()]{2,40}?(?:决算|预算)(?:公开)?(?:情况)?(?:说明|报告)?)[ \t]*$")


def _finance_document(text, record: Record) -> None:
    """What a finance document says of itself: its title, department and region where the evaluation
    readers found none (its title names no evaluation), and its 预算绩效管理情况, each figure cited."""
    ctx = Context(text, record.provenance)
    r = record.report
    title = None
    if r.title is None and (m := _FINANCE_TITLE.search(text.text, 0, 600)):
        title = Found(m["t"], m.start("t"), m.end("t"))
        r.title = title.value
        ctx.cite(pointers.TITLE, title)
    if r.department is None and title is not None and (unit := metadata.find_department(ctx, title)):
        r.department = unit.value
        ctx.cite(pointers.DEPARTMENT, unit)
    if r.region is None and (place := metadata.find_region(ctx, [Found(r.department, 0, 0) if r.department else None, title])):
        r.region = place.value
    _performance_summary(ctx, record)


def _performance_summary(ctx: Context, record: Record) -> None:
    facts = read_summary(ctx.text)
    if facts.is_empty():
        return
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
    record.performance_summary = summary

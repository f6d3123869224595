"""The list of reports the review page opens with, and its filters."""
from __future__ import annotations

from dataclasses import dataclass

from . import ledger
from .ledger import ReviewError


@dataclass(frozen=True)
class Filters:
    """What the auditor narrows the list to; every filter left empty lets every report through."""

    flagged: bool = False  # a check failed: the report contradicts itself, read surely
    needs_look: bool = False  # a check's figures did not hold, but its reading is unsure (not a flag)
    warnings: bool = False  # a check warned
    not_read: bool = False  # a key part (score table, total score, budget) was not read
    kind: str | None = None
    year: int | None = None
    department: str | None = None
    check_id: str | None = None  # this check failed or warned

    @classmethod
    def from_query(cls, args) -> Filters:
        year = (args.get("year") or "").strip()
        if year and not (year.isascii() and year.isdigit() and len(year) == 4):
            raise ReviewError(f"year={year[:20]!r}: a year is four digits")
        return cls(flagged=bool(args.get("flagged")), needs_look=bool(args.get("needs_look")),
                   warnings=bool(args.get("warnings")),
                   not_read=bool(args.get("not_read")), kind=args.get("kind") or None,
                   year=int(year) if year else None, department=args.get("department") or None,
                   check_id=args.get("check") or None)


@dataclass(frozen=True)
class ReportRow:
    report_id: str
    title: str | None
    project_name: str | None
    department: str | None
    year: int | None
    kind: str | None
    total_score: float | None
    n_failed: int  # failed checks that stand after the review (as extracted where nothing was reviewed)
    n_warned: int
    n_needs_look: int
    key_missing: str
    path: str | None
    n_reviewed: int  # failed or warned checks the auditor gave a verdict on
    n_corrections: int


@dataclass(frozen=True)
class Choices:
    """The values the filters offer, from what the database holds."""

    kinds: list[str]
    years: list[int]
    departments: list[str]
    check_ids: list[str]


_LIVE = "r.sha256 IN (SELECT sha256 FROM paths)"  # content no stored path holds any more is not listed


def reports(store, f: Filters) -> list[ReportRow]:
    where, params = [_LIVE], []
    if f.flagged:  # narrowed below to what stands after the review; a correction may make a check fail
        where.append("(r.n_failed > 0 OR r.id IN (SELECT report_id FROM corrections))")
    if f.needs_look:
        where.append("r.n_needs_look > 0")
    if f.warnings:
        where.append("r.n_warned > 0")
    if f.not_read:
        where.append("COALESCE(r.key_missing, '') <> ''")
    for column, value in (("kind", f.kind), ("year", f.year), ("department", f.department)):
        if value is not None:
            where.append(f"r.{column} = ?")
            params.append(value)
    if f.check_id:
        where.append("r.id IN (SELECT report_id FROM checks WHERE check_id = ? AND status IN ('fail', 'warn'))")
        params.append(f.check_id)
    rows = store.query(
        "SELECT r.id, r.title, r.project_name, r.department, r.year, r.kind, r.total_score, r.n_failed, r.n_warned, "
        "r.n_needs_look, r.key_missing, (SELECT MIN(path) FROM paths p WHERE p.sha256 = r.sha256), "
        "(SELECT COUNT(DISTINCT v.check_id) FROM review_verdicts v WHERE v.report_id = r.id), "
        "(SELECT COUNT(DISTINCT c.pointer) FROM corrections c WHERE c.report_id = r.id) "
        f"FROM reports r WHERE {' AND '.join(where)} "
        "ORDER BY r.n_failed DESC, COALESCE(r.n_needs_look, 0) DESC, r.year, r.department, r.id", params)
    out = [ReportRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _standing(store, r[0], r[7] or 0, r[12], r[13]),
                     r[8] or 0, r[9] or 0, r[10] or "", r[11], r[12], r[13]) for r in rows]
    return [r for r in out if r.n_failed > 0] if f.flagged else out


def _standing(store, report_id: str, n_failed: int, n_reviewed: int, n_corrections: int) -> int:
    """The failed checks that stand after the review (re-run on the corrected record, less those dismissed
    as false alarms); as extracted where the auditor has said nothing."""
    if not n_reviewed and not n_corrections:
        return n_failed
    review = ledger.reviewed(store, report_id)
    return sum(ledger.stands(c, review.verdicts) for c in review.checks)


def choices(store) -> Choices:
    def column(sql: str) -> list:
        return [r[0] for r in store.query(sql) if r[0] is not None]
    live = f"FROM reports r WHERE {_LIVE}"
    return Choices(column(f"SELECT DISTINCT r.kind {live} ORDER BY 1"), column(f"SELECT DISTINCT r.year {live} ORDER BY 1"),
                   column(f"SELECT DISTINCT r.department {live} ORDER BY 1"),
                   column("SELECT DISTINCT check_id FROM checks WHERE status IN ('fail', 'warn') ORDER BY 1"))

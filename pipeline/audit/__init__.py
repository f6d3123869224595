"""The auditor's report: one self-contained HTML file (no network needed to open it), made to be sent.

A table of contents; how many reports, how many flagged and why, each failed check linking to the
reports it flags; for each flagged report its failed checks with what the report states (所述 /
stated) and what its own figures give (计算 / computed), every cited value named as a person names it
(names.py) with its page, and one picture per page region with the cited values outlined (crops.py);
findings across reports naming the files; by-year charts counting each report once (charts.py).
Every piece of document text goes through Jinja2's autoescaping: a title that reads `<script>…`
shows as text.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from ..dataset.export import cross_checks, read_tables, write_text_atomic
from ..dataset.store import Store
from .charts import year_chart
from .crops import Box, CitedCell, Crop, PageImages, crop_cells, opener_for, placed_texts
from .names import value_name
from .template import render

MAX_FLAGGED = 500  # a report beyond this many flagged files would not be read; the rest are counted
ROLE_LABELS = {"stated": "所述 / stated", "computed": "计算 / computed", "rule": "规则 / rule"}


@dataclass
class CitedValue:
    number: int
    name: str
    page: int | None
    text: str | None
    pointer: str


@dataclass
class Figure:
    role: str
    label: str
    value: str


@dataclass
class FailedCheck:
    id: str
    message: str
    figures: list[Figure]
    cited: list[CitedValue]
    crops: list[Crop] = field(default_factory=list)
    verdict: str | None = None  # the auditor's, in the review: confirmed | false_alarm
    verdict_note: str | None = None
    cells: list[CitedCell] = field(default_factory=list)  # the cited values with a box: what the crops show


@dataclass(frozen=True)
class ShownCorrection:
    """A value the auditor corrected in the review, as the audit lists it."""
    field: str
    old_value: str
    new_value: str
    note: str | None


@dataclass
class FlaggedReport:
    anchor: str
    id: str
    title: str
    project: str | None
    department: str | None
    year: int | None
    total_score: float | None
    paths: list[str]
    checks: list[FailedCheck]
    corrections: list[ShownCorrection] = field(default_factory=list)
    placed: list = field(default_factory=list)  # every extracted value's box (placed_texts), for the crops


def build_audit(store: Store, out_html, images: bool = True) -> dict:
    from ..review.dataset import (  # here: review.pointers names values with audit.names
        add_review,
        status_in_force,
    )

    # each flagged record is read on its own below; the review's corrections and verdicts come with the tables
    tables = add_review(store, read_tables(store, records=False))
    reports, checks, files = tables["reports"], tables["checks"], tables["files"]
    paths = files.groupby("sha256")["path"].apply(sorted).to_dict() if len(files) else {}
    status = status_in_force(checks)
    dismissed_mask = (checks["verdict"].astype(object) == "false_alarm") if len(checks) else status
    # a flag is a certain failure on the record in force (re-checked after corrections) that the auditor has
    # not dismissed as a false alarm; dismissed ones are listed apart with the auditor's note
    failed = checks[(status == "fail") & ~dismissed_mask] if len(checks) else checks
    dismissed = checks[(status == "fail") & dismissed_mask] if len(checks) else checks
    warned = checks[status == "warn"] if len(checks) else checks
    # failures resting on an unsure reading (pipeline/verify/certainty.py): shown apart, never counted as flags
    unsure = checks[(checks["finding"] == "fail") & (status != "fail")] if len(checks) else checks
    look_ids = list(dict.fromkeys(unsure["report_id"])) if len(unsure) else []
    flagged_ids = list(dict.fromkeys(failed["report_id"])) if len(failed) else []
    anchors = {rid: f"report-{k + 1}" for k, rid in enumerate(flagged_ids[:MAX_FLAGGED])}
    flagged = [_flagged(store, reports, failed, paths, rid, anchors[rid]) for rid in flagged_ids[:MAX_FLAGGED]]
    look = [_flagged(store, reports, unsure, paths, rid, f"look-{k + 1}") for k, rid in enumerate(look_ids[:MAX_FLAGGED])]
    dismissed_ids = list(dict.fromkeys(dismissed["report_id"])) if len(dismissed) else []
    cleared = [_flagged(store, reports, dismissed, paths, rid, f"dismissed-{k + 1}")
               for k, rid in enumerate(dismissed_ids[:MAX_FLAGGED])]
    if images:
        _draw_crops(flagged + look, PageImages(opener_for(store)))
    by_check = Counter(failed["check_id"]) if len(failed) else Counter()
    check_links = {cid: [{"anchor": anchors[rid], "title": _title_of(reports, rid)}
                         for rid in dict.fromkeys(failed[failed["check_id"] == cid]["report_id"]) if rid in anchors]
                   for cid in by_check}
    context = {
        "n_reports": len(reports), "n_files": files["sha256"].nunique() if len(files) else 0,
        "n_flagged": len(flagged_ids), "n_warned": warned["report_id"].nunique() if len(warned) else 0,
        "by_check": [{"id": cid, "n": n, "rule": _rule_of(cid), "reports": check_links[cid]} for cid, n in by_check.most_common()],
        "flagged": flagged, "more_flagged": max(0, len(flagged_ids) - MAX_FLAGGED),
        "look": look, "n_look": len(look_ids), "more_look": max(0, len(look_ids) - MAX_FLAGGED),
        "dismissed": cleared, "n_dismissed": len(dismissed_ids),
        "failed_files": files[files["status"] == "failed"][["path", "error"]].to_dict("records") if len(files) else [],
        "not_reports": _not_reports(files), "not_read": _not_read(reports, paths),
        "cross": _cross(tables, reports, paths, anchors),
        "charts": [c for c in (year_chart(reports, "total_score", "总分 / total score", "分 / points"),
                               year_chart(reports, "execution_rate", "预算执行率 / execution rate", "% / percent")) if c],
    }
    write_text_atomic(out_html, render(context))  # a temporary name, renamed: a failure leaves no half-written report
    return {"reports": context["n_reports"], "flagged": context["n_flagged"], "needs_look": context["n_look"],
            "path": str(out_html)}


def _draw_crops(shown: list[FlaggedReport], pages: PageImages) -> None:
    """Each failed check's pictures: every cited page drawn first, by a few workers at once under the render
    budget (pipeline/render.py), then cropped around its cited values."""
    pages.prefetch([(r.paths[0], c.page) for r in shown if r.paths[0] for item in r.checks for c in item.cells])
    for r in shown:
        for item in r.checks:
            if r.paths[0] and item.cells:
                item.crops = crop_cells(pages, r.paths[0], item.cells, r.placed)


def _flagged(store, reports, failed, paths, rid, anchor) -> FlaggedReport:
    row = reports[reports["report_id"] == rid].iloc[0].to_dict()
    from ..review import ledger

    review = ledger.reviewed(store, rid)
    record = review.extracted
    files = paths.get(row["sha256"]) or [record["source"].get("path")]
    failing = set(failed[failed["report_id"] == rid]["check_id"])  # the table's verdicts (they may be re-checked)
    placed = placed_texts(record.get("provenance"))
    items = []
    for c in review.checks:  # the checks on the record in force: re-run where a value was corrected
        if c["id"] not in failing:
            continue
        cited = [CitedValue(k, value_name(record, ev.get("pointer")), ev.get("page"), ev.get("text"), ev.get("pointer"))
                 for k, ev in enumerate(c.get("evidence") or [], start=1)]
        verdict = review.verdicts.get(c["id"])
        cells = [CitedCell(k, ev["page"], box) for k, ev in enumerate(c.get("evidence") or [], start=1)
                 if isinstance(ev.get("page"), int) and (box := Box.of(ev.get("bbox"))) is not None]
        items.append(FailedCheck(c["id"], c["message"], _figures(c), cited, verdict=verdict.verdict if verdict else None,
                                 verdict_note=verdict.note if verdict else None, cells=cells))
    corrections = [ShownCorrection(c.field, _show(c.old_value), _show(c.new_value), c.note)
                   for c in review.corrected().values()]
    return FlaggedReport(anchor, rid, _known(row.get("title")) or NO_TITLE, _known(row.get("project_name")),
                         _known(row.get("department")), _int(row.get("year")), _known(row.get("total_score")), files,
                         items, corrections, placed)


def _figures(check: dict) -> list[Figure]:
    """所述 / 计算 / 规则 from the verdict; a verdict stored before they existed is read by its check's roles."""
    if any(check.get(role) is not None for role in ROLE_LABELS):
        return [Figure(role, label, _show(check[role])) for role, label in ROLE_LABELS.items() if check.get(role) is not None]
    from ..verify import REGISTRY
    spec = REGISTRY.get(check["id"])
    roles = spec.roles if spec else ("stated", "computed")
    return [Figure(role, ROLE_LABELS[role], _show(check.get(key)))
            for role, key in zip(roles, ("expected", "actual")) if check.get(key) is not None]


def _rule_of(check_id: str) -> str:
    from ..verify import REGISTRY
    spec = REGISTRY.get(check_id)
    return spec.rule.split("\n")[0] if spec and spec.rule else ""


NO_TITLE = "(无标题 / no title)"


def _known(v):
    """A table's cell as the page shows it: a missing value (None, NaN, pandas NA) is None, never 'nan'."""
    try:
        import pandas as pd
        return None if v is None or pd.isna(v) else v
    except (TypeError, ValueError):  # a list or another container: present
        return v


def _title_of(reports, rid: str) -> str:
    row = reports[reports["report_id"] == rid]
    return (_known(row.iloc[0]["title"]) if len(row) else None) or NO_TITLE


def _cross(tables, reports, paths: dict, anchors: dict) -> list[dict]:
    """Findings across reports, each report shown by its files (and linked where it is flagged)."""
    sha_of = dict(zip(reports["report_id"], reports["sha256"])) if len(reports) else {}
    out = []
    for f in cross_checks(tables).to_dict("records"):
        named = [{"files": paths.get(sha_of.get(rid), []) or [rid], "anchor": anchors.get(rid),
                  "title": _title_of(reports, rid)} for rid in f["report_ids"].split(" ; ")]
        out.append({"check_id": f["check_id"], "message": f["message"], "reports": named})
    return out


_KEY_PART_NAMES = {"score_table": "评分表 / score table", "total_score": "总分 / total score", "budget": "预算数 / budget"}


def _not_read(reports, paths: dict) -> list[dict]:
    """Reports missing a key part (score table, total score, budget): what a person must read by hand."""
    if not len(reports) or "key_missing" not in reports:
        return []
    out = []
    for row in reports[reports["key_missing"].fillna("") != ""].to_dict("records"):
        out.append({"title": _known(row.get("title")) or NO_TITLE, "path": next(iter(paths.get(row["sha256"], [])), ""),
                    "missing": " · ".join(_KEY_PART_NAMES.get(k, k) for k in row["key_missing"].split(","))})
    return out


def _not_reports(files) -> list[dict]:
    """Files that hold no report: kept out of every count and chart, listed with their reason."""
    if not len(files) or "document_class" not in files:
        return []
    return files[files["document_class"].notna()][["path", "document_class", "class_reason"]].to_dict("records")


def _show(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.6f}".rstrip("0").rstrip(".")
    if isinstance(v, list):
        return ", ".join(_show(x) for x in v)
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def _int(v):
    try:
        return int(v)
    except (TypeError, ValueError):
        return None

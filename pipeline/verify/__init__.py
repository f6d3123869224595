"""Verify stage: every check of SPEC.md and DOMAIN.md §3 run on a record.

Each check is a small function registered under a stable id (see `base.check`); its docstring
states its rule and tolerance. A check whose inputs are missing returns `skip`; a check never
raises on odd values, it reports them.
"""
from __future__ import annotations

from ..coverage import coverage_of
from ..record import Check, Record
from . import budget, grades, scores, sources, text  # noqa: F401  (registers the checks)
from .base import REGISTRY, CheckSpec
from .certainty import needs_look, weigh
from .misread import reconsider

CHECK_IDS = list(REGISTRY)


def verify(record: Record) -> list[Check]:
    """Run every check on `record`, store the verdicts on it and return them."""
    results = []
    for spec in REGISTRY.values():
        try:
            verdict = reconsider(record, spec.run(record), spec.run)
        except (TypeError, ValueError, ArithmeticError, AttributeError, KeyError, IndexError) as exc:
            # A hand-edited record can hold anything; a check that cannot read it says so.
            results.append(Check(spec.id, "skip", spec.severity,
                                 f"记录中的值无法检查 / cannot check the record's values: {type(exc).__name__}: {exc}"))
            continue
        try:
            results.append(weigh(record, verdict))
        except (TypeError, ValueError, ArithmeticError, AttributeError, KeyError, IndexError) as exc:
            # odd values in what the doubts read (a hand-edited table report): the verdict stands, unsure
            verdict.finding = verdict.finding or verdict.status
            verdict.certainty = "unsure"
            verdict.doubts = verdict.doubts + [{"code": "doubt_error", "zh": "无法评估读取的可靠性",
                                                "en": f"the reading's certainty could not be weighed: {type(exc).__name__}"}]
            results.append(verdict)
    record.checks = results
    record.coverage = coverage_of(record)
    return results


__all__ = ["verify", "needs_look", "CHECK_IDS", "REGISTRY", "CheckSpec"]

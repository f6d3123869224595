"""Checks on where the values come from, rather than on what they say."""
from __future__ import annotations

from ..record import Check, Record
from .base import check, failed, passed, skipped


@check("formula_values", "warning")
def formula_values(record: Record) -> Check:
    """No value was read from a workbook formula's cached result (provenance `formula: true`, set by the
    loader): such a figure is not one the author typed, and one that reads another workbook may be stale.
    A warning naming every such value; pass where the record has values and none came from a formula."""
    cid = "formula_values"
    marked = [p for p, e in record.provenance.items() if e.get("formula")]
    if not marked:
        if not record.provenance:
            return skipped(cid, "没有读出的值", "no value was read")
        return passed(cid, "没有值来自公式", "no value comes from a formula's cached result")
    external = [p for p in marked if record.provenance[p].get("external_link")]
    zh = f"{len(marked)} 个值来自公式的缓存结果" + (f"(其中 {len(external)} 个引用外部工作簿)" if external else "")
    en = f"{len(marked)} value(s) come from a formula's cached result" + (
        f" ({len(external)} from another workbook, perhaps stale)" if external else "")
    return failed(cid, f"{zh},请与原表核对", f"{en}: check them against the source",
                  evidence=[{"pointer": p, **record.provenance[p]} for p in marked])

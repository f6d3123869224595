"""Files that hold more than one report: a page with the tail of one project's form and then the
next project's, a workbook exported with several forms. Each report starts at a form or report
title followed by its identifying fields; a file with two or more such starts is cut there."""
from __future__ import annotations

import regex

from ..normalise import NormalisedText

_START = regex.compile(
    r"(?m)^[^\n|]{0,40}?(?:绩效自评表|绩效目标自评表|绩效评价表|绩效自评报告|绩效评价报告)[^\n|]{0,20}$"
    r"(?=(?:\n[^\n]*){0,4}?\n?[^\n]*(?:项目名称|转移支付\(项目\)名称|单位名称))")
_BODY = regex.compile(r"分值|权重|得分|预算数|执行数")


def report_spans(norm: NormalisedText) -> list[tuple[int, int]]:
    """(start, end) of each report in the normalised text; the whole text where it holds one."""
    text = norm.text
    starts = [m.start() for m in _START.finditer(text)]
    if len(starts) < 2:
        return [(0, len(text))]
    # a title over nothing of its own (the page's heading over the form's: '…项目绩效自评表公开' then
    # '项目支出绩效自评表') is the heading of the report after it
    starts = [a for a, b in zip(starts, starts[1:] + [len(text)]) if b == len(text) or _BODY.search(text, a, b)]
    starts[0] = 0  # whatever precedes the first title belongs to the first report
    spans = [(a, b) for a, b in zip(starts, starts[1:] + [len(text)])]
    if sum(1 for a, b in spans if _BODY.search(text, a, b)) < 2:
        return [(0, len(text))]
    return spans

"""A score table a report writes as sentences, one indicator each.

Some self-assessment reports give each indicator of the form as a line of prose instead of a table row: its
name, then its target, its actual value, its points and its score, each after its key ('1)主导制修订国家标准的项目
数量(项),目标值2,完成值2,分值6,得分6。'). The keys are the form's column heads, so the line is the row. The
reading is taken only where at least MIN_ROWS lines read so; a line that lacks a key is no row.
"""
from __future__ import annotations

import regex

from ..record import Indicator
from .model import ScoreTable, TableReport

MIN_ROWS = 2
_SEP = r"\s*[,,;;]\s*"
_FIGURE = r"\d{1,3}(?:\.\d{1,2})?"
# what a value cell may hold in a sentence: no clause punctuation
_VALUE = r"[^,,。;;\n]{1,30}?"
# the item's number that opens the line ('1)', '(2)', '3、'): no part of the name
_ITEM_NUMBER = r"(?:[((]?\d{1,2}[))、.]\s*)?"
_SENTENCE_ROW = regex.compile(
    rf"(?m)^[ \t\u3000]*{_ITEM_NUMBER}(?P<name>[^,,。;;\n]{{2,60}}?){_SEP}"
    rf"(?:年度)?(?:目标值|指标值)[::为]?\s*(?P<target>{_VALUE}){_SEP}"
    rf"(?:实际)?(?:完成值|实际值|完成情况)[::为]?\s*(?P<actual>{_VALUE}){_SEP}"
    rf"(?:分值|权重)[::为]?\s*(?P<weight>{_FIGURE})\s*分?{_SEP}"
    rf"(?:自评)?得分[::为]?\s*(?P<score>{_FIGURE})\s*分?")


def read_sentence_rows(text: str) -> tuple[ScoreTable, TableReport] | None:
    """The indicators a report states one per line with their keys, in order; None below MIN_ROWS lines."""
    rows = list(_SENTENCE_ROW.finditer(text))
    if len(rows) < MIN_ROWS:
        return None
    table = ScoreTable(indicators=[])
    for m in rows:
        table.indicators.append(Indicator(level=1, name=m["name"].strip(), weight=float(m["weight"]),
                                          score=float(m["score"]), target=m["target"].strip(),
                                          actual=m["actual"].strip()))
        table.spans.append({"name": m.span("name"), "weight": m.span("weight"), "score": m.span("score")})
    report = TableReport("interpreter", "sentences", "scores", ["name", "target", "actual", "weight", "score"],
                         rows_read=len(rows))
    return table, report

"""Rows of a flow table whose header holds text columns between its figures.

In flow text a row is cut where a label follows a figure (layout._split_glued_rows). That is right
for '三级指标 | 分值 | 得分', but the published 自评表 puts its target and actual columns between the
weight and the score (三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分), and many of their cells are words
('按时完成', '符合相关文件要求'); a scoring form may put its explanation there (分值 | 评价内容 | 得分). Each
such word then opened a row of its own: '完整性 4 | 一 目标明确… 4' read as two rows, the first with no
score, the second named by its target.

So the rows are read as a whole: each piece the cut gave may join the row before it, where its words
then fill that row's text columns, and the rows kept are those whose figures lie best on the header
(align's cost, summed over the table). A join must pay for itself: it is taken only where it saves at
least JOIN_MARGIN, so that a row whose score cell is empty keeps the row after it as a row of its own
unless the header says otherwise.
"""
from __future__ import annotations

import regex

from .align import align
from .model import Column, Row
from .roles import NOTE_UNDER_TABLE, ROLES, TOTAL_LABEL

# the most pieces one row is joined from (name | weight, target words, actual words | score)
MAX_PIECES = 3
# how much cheaper a joined row must lie on the header than its pieces apart
JOIN_MARGIN = 0.5
# the cost of a piece no reading places at all
UNPLACED = 10.0
# A name is a few words; an explanation or a target is a sentence: a row named by one is less likely
# than one whose sentence fills its text cell (ties between two cuts of '必要性 5 项目符合…,…分析 5 可行性 5 …').
SENTENCE_LABEL = 0.5
# and a name of one character ('好', '是') is a worded cell, not a row's name
SHORT_LABEL = 1.0
_SENTENCE = regex.compile(r"[,,;;。]")
_FIGURES = ("weight", "score", "amount", "rate")


def has_inner_text_columns(columns: list[Column]) -> bool:
    """A text column (target, actual, note) stands between two figure columns."""
    kinds = [ROLES[c.role].accepts for c in columns]
    figures = [k for k, a in enumerate(kinds) if a in _FIGURES]
    return len(figures) >= 2 and any(kinds[k] in ("any", "note") for k in range(figures[0] + 1, figures[-1]))


def join_text_cells(rows: list[Row], columns: list[Column]) -> list[Row]:
    """The rows with each piece that is a text cell of the row before it joined to that row (least cost
    over the table, by dynamic programming over where rows begin)."""
    if len(rows) < 2:
        return rows
    cache: dict[tuple[int, int], float] = {}

    def cost(a: int, b: int) -> float:
        if (a, b) not in cache:
            row = _joined(rows[a:b])
            reading = align(row, columns) if row.values else None
            placed = reading.cost if reading is not None else (0.0 if not row.values else UNPLACED)
            label = "".join(t.text for t in row.labels).strip()
            cache[(a, b)] = (placed + (SENTENCE_LABEL if _SENTENCE.search(label) else 0.0)
                             + (SHORT_LABEL if len(label) == 1 else 0.0))
        return cache[(a, b)]

    n = len(rows)
    best = [0.0] + [float("inf")] * n
    start_of = [0] * (n + 1)
    for b in range(1, n + 1):
        for a in range(max(0, b - MAX_PIECES), b):
            if a < b - 1 and (not all(_text_first(r) and rows[a].values for r in rows[a + 1:b]) or _closed(rows[a])
                              or any(_opens_note(r) for r in rows[a + 1:b])):
                continue
            # pieces that each lie on the header at (almost) no cost gain nothing by a join that costs its margin
            if a < b - 1 and sum(cost(k, k + 1) for k in range(a, b)) <= JOIN_MARGIN * (b - a - 1):
                continue
            total = best[a] + cost(a, b) + (0.0 if b - a == 1 else JOIN_MARGIN * (b - a - 1))
            if total < best[b] - 1e-9:
                best[b], start_of[b] = total, a
    out: list[Row] = []
    b = n
    while b > 0:
        a = start_of[b]
        out.append(_joined(rows[a:b]))
        b = a
    return out[::-1]


def _closed(row: Row) -> bool:
    """The totals row: its text cells are empty, no piece after it is one of them."""
    return bool(row.labels) and bool(TOTAL_LABEL.match(row.labels[0].text))


def _opens_note(row: Row) -> bool:
    """A form's note under its table ('注:1.一级指标分值统一设置为…'): no cell of the row above."""
    return bool(row.labels) and bool(NOTE_UNDER_TABLE.match(row.labels[0].text.strip()))


def _text_first(row: Row) -> bool:
    return bool(row.tokens) and not row.tokens[0].is_value


def _joined(pieces: list[Row]) -> Row:
    if len(pieces) == 1:
        return pieces[0]
    first = pieces[0]
    return Row([t for p in pieces for t in p.tokens], label_end=len(first.labels), leaf_cell=first.leaf_cell,
               cut=pieces[-1].cut)

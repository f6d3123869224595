"""Score tables that print an explanation beside each indicator (指标名称 | 指标解释 | 权重 | 得分).

In flow text a scrape glues a row's name and explanation into one label ('一、项目设立的规范性项目的申请、
设立过程是否符合相关要求…'), and a long explanation is no sign that the table has ended. The name ends
where the explanation's opening words begin: explanations of the published frameworks open by saying
what the indicator reflects or asks (反映 / 用以 / 考核 / 是否 / 项目… ), names end in what they measure
(…性 / …率 / …度 / (产出数量)).

A row whose label is all explanation, after a numbered row, is a second part of that row: its name cell
was merged over both ('三、预算执行率和资金使用的合规性' over two explanations, two weights, two scores).
"""
from __future__ import annotations

from dataclasses import replace

import regex

from .model import Header, Row
from .roles import LABEL_ROLES

# a label can open with neither: it goes on with the row above ('…社会效益分值为30分)(对照…)')
_CONTINUES = regex.compile(r"^[))\]】,,;;。:、]")
# the words an explanation opens with (DOMAIN.md §1: the 指标解释 of 财预〔2020〕10号 and its predecessors)
# ('达到预计值', '达到目标值95%': the target's wording)
_EXPLANATION_START = regex.compile(r"项目|反映|用以|考核|是否|与项目|根据|评价|衡量|主要|通过|按照|该项|本项|达到")
# how a label with no name opens: a numbered row always has one, and names may open with 项目
_ALL_EXPLANATION = regex.compile(r"反映|用以|考核|是否|根据|衡量|主要|通过|按照|该项|本项")
# the last character of an indicator's name: what it measures, or a bracketed qualifier
_NAME_END = frozenset("性率度)标量效益理数")
# where a merged name splits into the names of its parts
_PARTS = regex.compile(r"和|及|与|、")
# a label longer than this, with figures after it, is still a row where the table explains its indicators
EXPLAINED_LABEL_LIMIT = 400


def explains(header: Header) -> bool:
    """The header has a note column between its labels and its figures: an explanation per row."""
    roles = header.roles
    labels = [k for k, r in enumerate(roles) if r in LABEL_ROLES]
    figures = [k for k, r in enumerate(roles) if r in ("weight", "score")]
    return bool(labels and figures) and any(r == "note" for r in roles[labels[-1] + 1:figures[0]])


def join_continued(rows: list[Row]) -> list[Row]:
    """Rows whose label opens with a closing bracket or a comma joined to the row above: a figure inside an
    explanation ('分值为30分') does not end the row; nor does one its unit follows with no space between
    ('不低于5元标准安排…': a figure the scoring rule quotes, glued to its words, in a cell of its own)."""
    out: list[Row] = []
    for row in rows:
        if out and row.labels and (_CONTINUES.match(row.labels[0].text) or _quoted_figure(out[-1], row)):
            above = out[-1]
            # the words go on in the label they stand in; label cells of their own before it (the categories and
            # the name, one cell per line) stay apart
            at = _last_label(above)
            words = above.tokens[at:] + row.labels
            label = replace(words[0], kind="text", text="".join(t.text for t in words), end=words[-1].end)
            out[-1] = Row(above.tokens[:at] + [label] + row.values, leaf_cell=above.leaf_cell, cut=row.cut)
        else:
            out.append(row)
    return out


# the unit of a figure a scoring rule quotes, opening the words after it ('5元标准', '10%以上', '3个工作日')
_UNIT_AFTER_FIGURE = regex.compile(r"^(?:元|万元|%|个|人|次|户|天|日)")


def _last_label(row: Row) -> int:
    """Where the label that goes on begins: the row's last text token where only text (and a row number)
    stands before it, else the row's start (its figures then stand inside the words)."""
    texts = [k for k, t in enumerate(row.tokens) if t.kind == "text"]
    if not texts:
        return 0
    at = texts[-1]
    before = row.tokens[:at]
    numbered = bool(before) and before[0].row_number is not None
    return at if all(t.kind == "text" for t in before[1 if numbered else 0:]) else 0


def _quoted_figure(above: Row, row: Row) -> bool:
    last, first = above.tokens[-1], row.tokens[0]
    return last.kind == "number" and first.kind == "text" and first.start == last.end and \
        bool(_UNIT_AFTER_FIGURE.match(first.text)) and any(t.kind == "text" for t in above.tokens)


def split_name(label: str, numbered: bool = False) -> tuple[str, str]:
    """(name, explanation) of a label holding both; the name is empty where an unnumbered label opens with
    the explanation, and the whole label where no explanation word follows a name's ending."""
    if not numbered and _ALL_EXPLANATION.match(label):
        return "", label
    for i, ch in enumerate(label):
        if ch in _NAME_END and i >= 2 and _EXPLANATION_START.match(label, i + 1):
            return label[:i + 1], label[i + 1:]
    return label, ""


def part_names(name: str, n: int) -> list[str]:
    """The names of the n parts a merged name cell stands over: its own parts where it names n of them
    ('预算执行率和资金使用的合规性'), else the name numbered."""
    parts = [p for p in _PARTS.split(name) if p]
    return parts if len(parts) == n else [f"{name}({k + 1})" for k in range(n)]

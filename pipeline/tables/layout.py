"""From text to a header and rows, whatever the layout the text came in.

Every backend writes its tables as text rows (pipes between cells; a scrape may have dropped the
pipes, the empty cells or every separator). This module finds a table by its header — a run of
header words with nothing but spaces, pipes and parenthesised notes between them — and cuts the text
after it into rows:

* `pipe` / `tab`: one line per row, cells between separators;
* `flow`: no reliable separators (cells glued, spaced, or one per paragraph): a row begins where a
  label follows a value, which is how every form reads, label first then its figures.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .cells import tokenize
from .model import Column, Header, Row
from .roles import FORMULA, FUNDS_KEYS, HEADER_GAP, LABEL_ROLES, LETTER, POINTS, ROLE_RE, ROLES

_PAREN_AFTER = regex.compile(r"\s*[((][^()()\n]{0,20}[))]")
# The label cell over a funds block ('项目资金(万元)', '预算执行情况(万元)(20分)'), for its unit and points.
_FUNDS_BLOCK = regex.compile(r"(?:项目资金|资金情况|资金投入情况|预算执行情况|年度预算申请|部门预算执行情况|资金来源)"
                             r"[\s|]*(?:[((][^()()]{0,12}[))][\s|]*){0,3}$")
_TEN_THOUSAND = regex.compile(r"万元")
_UNIT_NOTE = regex.compile(r"[((](?:万元|元|亿元)[))]")


@dataclass
class _Squeezed:
    """The text without whitespace, for header words a layout broke over lines ('年初\n\n预算数'),
    with the offset of every character in the original."""

    text: str
    origin: list[int]

    @classmethod
    def of(cls, text: str) -> _Squeezed:
        keep = [i for i, ch in enumerate(text) if not ch.isspace()]
        return cls("".join(text[i] for i in keep), keep + [len(text)])

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.origin[a], self.origin[b - 1] + 1 if b > a else self.origin[a]


@lru_cache(maxsize=4)
def find_headers(text: str) -> list[Header]:
    """Every table header in the text, in order (kept for the next reader of the same text: the funds
    and the score reader both ask)."""
    squeezed = _Squeezed.of(text)
    headers = []
    for cluster in _clusters(squeezed.text):
        header = _header(squeezed, cluster)
        if header is not None:
            headers.append(header)
    return headers


def _clusters(text: str) -> list[list[regex.Match]]:
    clusters: list[list[regex.Match]] = []
    last_end = None
    for m in ROLE_RE.finditer(text):
        if last_end is not None and m.start() < last_end:
            continue  # a word inside the previous column's note ('得分(20分*执行率)')
        if last_end is not None and HEADER_GAP.fullmatch(text, last_end, m.start()):
            clusters[-1].append(m)
        else:
            clusters.append([m])
        paren = _PAREN_AFTER.match(text, m.end())
        last_end = m.end()
        while paren:  # notes after the word belong to it
            last_end = paren.end()
            paren = _PAREN_AFTER.match(text, last_end)
    return clusters


def _header(squeezed: _Squeezed, matches: list[regex.Match]) -> Header | None:
    text = squeezed.text
    columns = []
    for m in matches:
        col = Column(role=m.lastgroup, start=m.start(), end=m.end(), word=m[0])
        pos = m.end()
        while (paren := _PAREN_AFTER.match(text, pos)):
            note = paren[0].strip()
            if (f := FORMULA.match(note)):
                col.formula = (f[1], f[2])
            elif (letter := LETTER.match(note)):
                col.letter = letter[1]
            if "%" in note and col.formula is None:
                col.percent = True
            if (p := POINTS.search(note)):
                col.points = float(p[1])
            pos = col.end = paren.end()
            col.unit = col.unit or bool(_UNIT_NOTE.fullmatch(note))
        columns.append(col)
    columns = _split_composites(columns)
    block_unit = ""
    first_start = columns[0].start if columns else 0
    if columns and columns[0].unit and columns[0].role in ("budget", "initial") and \
            any(c.role == columns[0].role for c in columns[1:]):
        block_unit = text[columns[0].start:columns[0].end]  # '年度预算数(万元)' heads the label column
        columns = columns[1:]
    roles = [c.role for c in columns]
    if len(columns) < 3:
        return None
    if FUNDS_KEYS & set(roles) and ("executed" in roles or "rate" in roles):
        kind = "funds"
        columns = [c for c in columns if ROLES[c.role].table in ("funds", "both")]
    elif any(r in LABEL_ROLES for r in roles) and ("weight" in roles or "score" in roles):
        kind = "scores"
        columns = [c for c in columns if ROLES[c.role].table in ("scores", "both")]
    else:
        return None
    before = text[max(0, first_start - 40):first_start]
    block = _FUNDS_BLOCK.search(before)
    zone = (block[0] if block else "") + block_unit + text[columns[0].start:columns[-1].end]
    for col in columns:
        col.start, col.end = squeezed.span(col.start, col.end)
    header = Header(columns=columns, start=columns[0].start, end=columns[-1].end, kind=kind)
    if kind == "funds":
        header.unit_factor = 10_000.0 if _TEN_THOUSAND.search(zone) else 1.0
        if block and (p := POINTS.search(block[0])):
            header.points = float(p[1])
    return header


_COMPOSITE = regex.compile(r"^((?:预算|资金)?执行率)(权重|得分)$")


def _split_composites(columns: list[Column]) -> list[Column]:
    """'执行率得分' is the score of the rate column where the header has one ('执行率(%) | 执行率权重 |
    执行率得分'); in a glued header without one ('分值执行率得分') it is two cells, 执行率 | 得分."""
    if any(c.role == "rate" for c in columns):
        return columns
    out = []
    for col in columns:
        m = _COMPOSITE.match(col.word)
        if m:
            cut = col.start + len(m[1])
            out.append(Column("rate", col.start, cut, m[1]))
            col = Column(col.role, cut, col.end, m[2], col.letter, col.formula, col.points, col.percent, col.unit)
        out.append(col)
    return out


def body_rows(text: str, header: Header, end: int) -> tuple[str, list[Row]]:
    """The rows after `header` up to `end`, and the layout they were read in."""
    body_start = header.end
    first_lines = text[body_start:end].lstrip("\n|: ").split("\n", 6)[:6]
    if sum(1 for line in first_lines if line.count("|") >= 2) >= 2:
        return "pipe", _separated_rows(text, body_start, end, "|")
    if sum(1 for line in first_lines if "\t" in line) >= 2:
        return "tab", _separated_rows(text, body_start, end, "\t")
    return "flow", _flow_rows(text, body_start, end)


def _separated_rows(text: str, start: int, end: int, sep: str) -> list[Row]:
    rows = []
    for line in regex.finditer(r"[^\n\f]+", text[start:end]):
        line_start = start + line.start()
        tokens, pos, cell = [], 0, 0
        for piece in line[0].split(sep):
            a = line_start + pos
            tokens.extend(tokenize(text, a, a + len(piece), cell))
            pos += len(piece) + 1
            cell += 1
        rows.extend(_split_glued_rows(tokens))
    return rows


def _split_glued_rows(tokens: list) -> list[Row]:
    """Rows begin where a label follows a figure of the same cell: in flow text (no cells) that is
    every label after a figure; in a separated line, a cell holding several rows a scrape glued."""
    rows, current = [], []
    for tok in tokens:
        if tok.kind == "text" and current and current[-1].is_value and current[-1].cell == tok.cell:
            rows.append(Row(current))
            current = []
        current.append(tok)
    if current:
        rows.append(Row(current))
    return rows


def _flow_rows(text: str, start: int, end: int) -> list[Row]:
    return _split_glued_rows(tokenize(text, start, end))


def tables_of(text: str, kind: str, reach: int):
    """(header, end) for each table of `kind`: its body runs to the next header, or `reach` characters."""
    headers = find_headers(text)
    for k, header in enumerate(headers):
        if header.kind == kind:
            yield header, headers[k + 1].start if k + 1 < len(headers) else min(len(text), header.end + reach)

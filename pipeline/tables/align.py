"""Lay a row's value tokens on the header's columns by their kinds.

Readings are monotone: tokens keep their order and so do columns. A reading may

* put one token on one column whose role accepts its kind (cost 0; a bare number on a rate column 0.2);
* cut one glued run ('2456.182456.1810100%') into figures on consecutive columns (1 per cut, as
  much as a dropped cell: whether '10' is 1 | 0 or a 10 whose neighbour was dropped is for the
  arithmetic to say);
* leave a column without a cell (1: a scrape dropped an empty cell; 0.9 at the row's end, where
  exports trim empty cells; 0 for notes and targets);
* leave a token off every column (3).

The cheapest readings win; among them, the row's own arithmetic (rate = executed / budget, score =
weight × rate, score ≤ weight) decides, and columns on which the remaining readings still disagree
are left unread with their candidates. A clean reading is never traded for one that fits the
arithmetic better: arithmetic only ranks readings of equal cost.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from .cells import Token, decimals_of, half_unit, plain_value
from .glued import cuts, is_weight, rate_matches
from .model import Column, Row, RowReading, Value
from .roles import ROLES

CUT_COST = 1.0
SKIP_COLUMN = 1.0
SKIP_TRAILING = 0.9  # rows lose their trailing empty cells more often than inner ones
# A row the document's end cuts lost the cells after the cut, not before it: its trailing columns are
# free to stay empty and an inner text column left empty costs a little.
SKIP_FREE_BEFORE_CUT = 0.1
SKIP_TOKEN = 3.0
# A figure of a row laid on the header's cells, read into a column whose header cell is not the figure's
# own: the cells say which column a figure is under, so such a reading is kept only where no reading that
# follows the cells fits (a unit cell '%' no longer lets the 完成值 100 slide into the weight column).
OFF_CELL = 2.0
MAX_READINGS = 400
# A bare figure in a note column (偏差原因, 评分依据: words): possible ('0' for no deviation), but a reading that
# leaves the actual cell before it empty to put the row's figures there is the less likely one.
NOTE_FIGURE = 0.3
_FIGURE_KINDS = frozenset({"number", "percent", "measure"})
# A row of a form holds a dozen cells or so; a run of hundreds of figures with no label between them is no
# row (a hostile page's spans, a statistics dump), and its search would recurse once per token.
MAX_ROW_TOKENS = 64
# How much dearer than the cheapest a reading the row's own arithmetic proves may be (align._proven): a
# glued run cut in two costs 1.0 where leaving one trailing cell empty costs 0.9.
PROOF_SLACK = 0.45


# A weight column named as a share of the whole (权重) takes a percent where no note says its figures are percents
# (and none says they are points, '指标权重(分)'): slightly dearer than a plain number, so that a percent beside it
# goes to a rate or target column where one can.
SHARE_PERCENT = 0.1


# A weight printed in a cell of its own that is neither whole nor a half ('2.8': 28 points over ten rows):
# a form may, but few do; a glued run is never cut so (DOMAIN.md §4.2)
ODD_WEIGHT = 0.3


def _accepts(column: Column, digits: str, kind: str, whole: bool = False) -> tuple[float, float] | None:
    """(cost, value) when the column takes this figure; None when it cannot. `whole`: the figure is a cell's
    own, not a piece cut from a glued run."""
    value = plain_value(digits)
    if value is None:
        return None
    accepts = ROLES[column.role].accepts
    d = decimals_of(digits)
    if accepts == "amount":
        return (0.0, value) if kind in ("number", "measure") and d <= 6 else None
    if accepts == "rate":
        if kind == "percent":
            return (0.0, value) if value <= 1000 else None
        if kind == "number" and value <= 1.5 and d <= 4:
            return (0.2 if d <= 2 else 0.4), value  # a rate printed as a fraction ('0.958'): funds.py proves it
        return (0.2, value) if kind == "number" and value <= 1000 and d <= 2 else None
    if accepts == "weight":
        if kind == "percent" and column.percent and is_weight(value, 100):
            return 0.0, value
        if kind == "percent" and "权重" in column.word and not column.in_points and is_weight(value, 100):
            return SHARE_PERCENT, value  # '权重' is a share: a form may print it as one ('20%' over 100 points)
        if kind in ("number", "measure") and is_weight(value, 100):
            return 0.0, value
        return (ODD_WEIGHT, value) if whole and kind == "number" and 0 < value <= 100 and d <= 2 else None
    if accepts == "score":
        return (0.0, value) if kind in ("number", "measure") and value <= 100 and d <= 2 else None
    if accepts == "ordinal":
        return (0.0, value) if kind == "number" and d == 0 and value < 100 else None
    return None


def _is_free(column: Column) -> bool:
    return ROLES[column.role].accepts in ("any", "note")


def _is_optional(column: Column) -> bool:
    """A column a row may leave empty at no cost: text and target columns, and the unit and sign columns
    whose cells a scrape glues onto the name."""
    return ROLES[column.role].accepts in ("any", "note", "mark")


def _place(column: Column, tok: Token) -> tuple[float, Value] | None:
    """One token on one column."""
    if tok.kind == "dash":
        return 0.0, Value(None, tok.start, tok.end, None, tok.text)
    if ROLES[column.role].accepts == "mark":
        return (0.0, Value(tok.text, tok.start, tok.end, None, tok.text)) if tok.kind in ("mark", "text") else None
    if _is_free(column):
        cost = NOTE_FIGURE if ROLES[column.role].accepts == "note" and tok.kind in _FIGURE_KINDS else 0.0
        return cost, Value(tok.text, tok.start, tok.end, None, tok.text)
    if tok.kind == "mark":
        return None
    if tok.kind not in ("number", "percent", "measure") or (tok.kind == "measure" and not _unit_ok(column, tok)):
        return None
    got = _accepts(column, tok.digits, tok.kind, whole=True)
    if got is None:
        return None
    cost, value = got
    offset = tok.text.find(tok.digits)
    return cost, Value(value, tok.start + offset, tok.start + offset + len(tok.digits), half_unit(tok.digits), tok.text)


def _unit_ok(column: Column, tok: Token) -> bool:
    """A measure reads as a bare figure only where its unit is the column's ('8分' on a score column)."""
    unit = tok.text[len(tok.digits):].strip()
    accepts = ROLES[column.role].accepts
    # ("万": the 万元 of the header, shortened in the cell: "3359.62万")
    return (accepts in ("weight", "score") and unit == "分") or (accepts == "amount" and unit in ("元", "万元", "万"))


def _implausible_rate(digits: str) -> bool:
    """'390390100%' is no rate: amounts glued before their rate ('390 | 390 | 100%')."""
    value = plain_value(digits)
    return value is None or value > 1000


@lru_cache(maxsize=8192)
def _cut_options(digits: str, parts: int) -> tuple[tuple[str, ...], ...]:
    return cuts(digits, parts, 6)


def _place_cut(columns: list[Column], tok: Token) -> list[tuple[float, list[Value]]]:
    """A glued run cut over consecutive columns; a '%' belongs to the last figure only.

    A run is cut only where it cannot be one figure: it ends in '%' after other digits, holds two
    decimal points, or is cut into weights and scores only ('107.6' = 10 | 7.6); a lone amount
    ('2456.18') is never split into smaller amounts. Amounts cut from one run print the same decimals."""
    if tok.kind == "measure":
        return _figure_glued_to_measure(columns, tok)
    over_whole = tok.kind == "percent" and (plain_value(tok.digits) or 0) > 100
    if over_whole and (glued := _figure_glued_to_measure(columns, tok)):
        return glued  # '20100%' under 分值 | 年度指标值: 20 | 100%, a weight glued to its target
    if tok.kind not in ("number", "percent") or "," in tok.digits or not tok.digits:
        return []
    kinds = {ROLES[c.role].accepts for c in columns}
    # a target or actual cell glued before a score ('补贴渔船数6620' under 年初目标值 | 实际完成值 | 得分) is
    # one of the cuts; only the table's totals can say which (totals.py), so such cuts only widen the choice
    free_first = bool(kinds & {"any"}) and kinds - {"any"} <= {"weight", "score"} and kinds - {"any"} \
        and not _is_free(columns[-1]) and tok.kind == "number" and "." not in tok.digits
    if tok.kind == "number" and not kinds <= {"weight", "score", "ordinal"} and tok.digits.count(".") < 2 and not free_first:
        return []
    if "amount" in kinds and tok.digits.count(".") < 2 and not (tok.kind == "percent" and _implausible_rate(tok.digits)):
        return []
    out = []
    offset = tok.text.find(tok.digits)
    for pieces in _cut_options(tok.digits, len(columns)):
        values, cost, pos = [], CUT_COST * (len(columns) - 1), tok.start + offset
        for k, (col, piece) in enumerate(zip(columns, pieces)):
            kind = "percent" if tok.kind == "percent" and k == len(columns) - 1 else "number"
            if _is_free(col):
                if not free_first:
                    values = None
                    break
                values.append(Value(piece, pos, pos + len(piece), None, piece, cut=True))
                pos += len(piece)
                continue
            got = _accepts(col, piece, kind)
            if got is None:
                values = None
                break
            cost += got[0]
            values.append(Value(got[1], pos, pos + len(piece), half_unit(piece), piece, cut=True))
            pos += len(piece)
        if values is not None:
            out.append((cost, values))
    return _rate_consistent(columns, out)


def _figure_glued_to_measure(columns: list[Column], tok: Token) -> list[tuple[float, list[Value]]]:
    """A weight or score glued before the measured target after it ('102370人' under 分值 | 年度指标值:
    10 | 2370人, or 1 | 02370人 were it not for the leading zero; '20100%': 20 | 100%): the figure's one or
    two digits, then the measure with its unit."""
    if len(columns) != 2 or ROLES[columns[0].role].accepts not in ("weight", "score") or not _is_free(columns[1]):
        return []
    offset = tok.text.find(tok.digits)
    if offset != 0 or "," in tok.digits:
        return []
    out = []
    for width in (1, 2):
        head, rest = tok.digits[:width], tok.text[width:]
        if len(tok.digits) <= width or not rest[0].isdigit() or rest[0] == "0" and not rest.startswith("0."):
            continue
        got = _accepts(columns[0], head, "number")
        if got is None:
            continue
        out.append((CUT_COST + got[0], [Value(got[1], tok.start, tok.start + width, half_unit(head), head, cut=True),
                                        Value(rest, tok.start + width, tok.end, None, rest, cut=True)]))
    return out


def _rate_consistent(columns: list[Column], options: list[tuple[float, list[Value]]]) -> list[tuple[float, list[Value]]]:
    """A run cut over amounts and their rate ('120120118.61098.83%' = 120 | 120 | 118.6 | 10 | 98.83%): the
    cuts in which the rate is one amount over an earlier one, where there are any — the row's own
    arithmetic prunes a run's hundreds of cuts before the readings are counted."""
    rate_at = [k for k, c in enumerate(columns) if ROLES[c.role].accepts == "rate"]
    amounts = [k for k, c in enumerate(columns) if ROLES[c.role].accepts == "amount"]
    if not rate_at or len(amounts) < 2 or len(options) < 2:
        return options

    def fits(values: list[Value]) -> bool:
        rate = values[rate_at[0]]
        decimals = decimals_of(rate.text)
        # a rate of 0 'rounds' any small quotient: it fits only an amount of 0 ('102 | 0 | 0%'), never
        # '14846 | 31.0 | 0' cut from '1484631.00%'
        return any(values[b].value and (rate.value > 0 or values[a].value == 0)
                   and rate_matches(values[a].value / values[b].value * 100, rate.value, decimals)
                   for i, b in enumerate(amounts) for a in amounts[i + 1:])
    kept = [o for o in options if fits(o[1])]
    return kept or options


def align(row: Row, columns: list[Column], tokens: list[Token] | None = None,
          score: Callable[[dict[str, Value]], tuple[int, int]] | None = None) -> RowReading | None:
    """The row's best reading on `columns`; `score` gives a reading's (satisfied, violated) identities."""
    tokens = row.values if tokens is None else tokens
    if not tokens:
        return RowReading(row, {}, 0.0)
    if len(tokens) > MAX_ROW_TOKENS:
        return None
    search = _Search(tokens, columns, _laid_on_cells(row), row.cut)  # one search for both passes: its costs cached
    optimum, readings = _readings(search, 0.0)
    if not readings:
        return None
    readings = [r for _, r in readings]
    if score is not None:
        readings, optimum = _proven(search, score, readings, optimum)
        ranked = [(score(r), r) for r in readings]
        top = max((s[0] - 2 * s[1]) for s, _ in ranked)
        readings = [r for s, r in ranked if s[0] - 2 * s[1] == top]
    least = min(_imbalance(r) for r in readings)
    readings = [r for r in readings if _imbalance(r) == least]
    most = max(_twins(r) for r in readings)
    readings = [r for r in readings if _twins(r) == most]
    return _agree(row, readings, optimum)


def _proven(search: _Search, score, readings: list[dict[str, Value]], optimum: float):
    """A reading a little dearer than the cheapest (PROOF_SLACK) that the row's arithmetic proves — two more
    identities hold in it than in any cheapest reading and none fails, as '22' read 2 | 2 beside a 得分系数
    of 100% (score = weight × coefficient) against a weight of 22 with its score cell empty — replaces
    them: a glued run is cut where the row itself says how."""
    held = max(score(r)[0] - 2 * score(r)[1] for r in readings)
    _, near = _readings(search, PROOF_SLACK)
    proven = [(cost, r) for cost, r in near if score(r)[1] == 0 and score(r)[0] >= held + 2]
    if not proven:
        return readings, optimum
    least = min(cost for cost, _ in proven)
    return [r for cost, r in proven if cost <= least + 1e-9], least


def near_readings(row: Row, columns: list[Column], slack: float) -> list[tuple[float, dict[str, Value]]]:
    """Every reading of the row that costs at most `slack` more than the cheapest, with its extra cost:
    the choices a table's own totals may decide between ('33' is a weight of 33, or 3 | 3)."""
    if not row.values:
        return [(0.0, {})]
    if len(row.values) > MAX_ROW_TOKENS:
        return []
    optimum, readings = _readings(_Search(row.values, columns, _laid_on_cells(row), row.cut), slack)
    return [(round(cost - optimum, 6), r) for cost, r in readings]


def _laid_on_cells(row: Row) -> bool:
    """The row was laid on the header's cells (layout._by_cells): its tokens' cells are the header's."""
    return row.leaf_cell is not None


def _readings(search: _Search, slack: float) -> tuple[float, list[tuple[float, dict[str, Value]]]]:
    """(the cheapest cost, every reading within `slack` of it with its cost)."""
    tokens = search.tokens
    optimum = search.best(0, 0)
    readings: list[tuple[float, dict[str, Value]]] = []

    def walk(ti: int, ci: int, spent: float, chosen: dict[str, Value]) -> None:
        if len(readings) >= MAX_READINGS or spent + search.best(ti, ci) > optimum + slack + 1e-9:
            return
        if ti == len(tokens):
            readings.append((spent + search.best(ti, ci), dict(chosen)))  # with the columns left empty at the end
            return
        for cost, nti, nci, placed in search.moves(ti, ci):
            chosen.update(placed)
            walk(nti, nci, spent + cost, chosen)
            for key in placed:
                del chosen[key]

    walk(0, 0, 0.0, {})
    return optimum, readings


class _Search:
    """The moves from (token ti, column ci) and the cheapest cost of reading the rest from there."""

    def __init__(self, tokens: list[Token], columns: list[Column], on_cells: bool, cut_row: bool):
        self.tokens, self.columns, self.on_cells, self.cut_row = tokens, columns, on_cells, cut_row
        self.skip_free = SKIP_FREE_BEFORE_CUT if cut_row else 0.0
        self.best = cache(self._best)
        self.cut = cache(self._cut)

    def off_cell(self, ti: int, ci: int) -> float:
        own, col = self.tokens[ti].cell, self.columns[ci].cell
        return OFF_CELL if self.on_cells and own >= 0 and col is not None and own != col else 0.0

    def _cut(self, ti: int, ci: int, k: int) -> list[tuple[float, list[Value]]]:
        return [(cost + self.off_cell(ti, ci), values) for cost, values in _place_cut(self.columns[ci:ci + k], self.tokens[ti])]

    def moves(self, ti: int, ci: int):
        """(cost, next token, next column, the values placed) for each way on from (ti, ci): the token left
        off every column, the column left empty, the token on the column, or the token cut over columns."""
        columns = self.columns
        yield SKIP_TOKEN, ti + 1, ci, {}
        if ci >= len(columns):
            return
        yield (self.skip_free if _is_optional(columns[ci]) else SKIP_COLUMN), ti, ci + 1, {}
        placed = _place(columns[ci], self.tokens[ti])
        if placed:
            yield placed[0] + self.off_cell(ti, ci), ti + 1, ci + 1, {_key(columns, ci): placed[1]}
        for k in range(2, len(columns) - ci + 1):
            for cost, values in self.cut(ti, ci, k):
                yield cost, ti + 1, ci + k, dict(zip((_key(columns, ci + j) for j in range(k)), values))

    def _best(self, ti: int, ci: int) -> float:
        if ti == len(self.tokens):
            return 0.0 if self.cut_row else sum(0.0 if _is_optional(c) else SKIP_TRAILING for c in self.columns[ci:])
        return min(cost + self.best(nti, nci) for cost, nti, nci, _ in self.moves(ti, ci))


def _imbalance(reading: dict[str, Value]) -> tuple[int, int]:
    """How unlike each other the amounts cut from one run are (the spread of their integer digits, then
    how many decimal places they print): a budget and its spending print alike ('390 | 390', not
    '390390 | 10'). The last tie-break, after the row's arithmetic: '120 | 120 | 118.6' where the rate
    says so."""
    cut = [v.text for k, v in reading.items() if v.cut and ROLES[k.split("#")[0]].accepts == "amount"]
    if not cut:
        return 0, 0
    widths = [len(t.split(".")[0]) for t in cut]
    return max(widths) - min(widths), len({decimals_of(t) for t in cut}) - 1


def _twins(reading: dict[str, Value]) -> int:
    """How many target or actual cells cut from a glued run print as the other one does ('415万元 | 15万元'
    under 分值 | 年度指标值 | 全年实际值: 4 | 15万元 | 15万元, not 41 | 5万元 | 15万元): a target met exactly is
    printed twice alike. The last tie-break."""
    words = {k: v.text for k, v in reading.items() if v is not None and ROLES[k.split("#")[0]].accepts == "any"}
    return sum(1 for k, v in reading.items() if v is not None and v.cut and k in words
               and any(text == v.text for other, text in words.items() if other != k))


def _key(columns: list[Column], i: int) -> str:
    """A column's key in a reading: its role, numbered when the header repeats the role."""
    role = columns[i].role
    same = [k for k, c in enumerate(columns) if c.role == role]
    return role if len(same) == 1 else f"{role}#{same.index(i)}"


def _agree(row: Row, readings: list[dict[str, Value]], cost: float) -> RowReading:
    """Columns every reading fills with the same figure are read; others are left ambiguous."""
    keys = set().union(*readings)
    values, ambiguous = {}, {}
    for key in keys:
        seen = [r.get(key) for r in readings]
        figures = {None if v is None else v.value for v in seen}
        if len(figures) == 1 and seen[0] is not None:
            values[key] = seen[0]
        else:
            ambiguous[key] = sorted(figures, key=lambda x: (x is None, str(x)))
    return RowReading(row, values, cost, ambiguous)

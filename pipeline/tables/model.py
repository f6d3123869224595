"""The table model: a header of typed columns, rows of tokens, values placed on columns, and the
parsing report every reading carries (camelot's `parsing_report` is the model)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..record import Indicator
from .cells import Token


@dataclass
class Found:
    """A value read from the normalised text at [start, end)."""

    value: object
    start: int
    end: int
    half_unit: float | None = None


@dataclass
class ScoreTable:
    """A score table read: its indicator rows, its totals, and where each value stands in the text."""

    indicators: list[Indicator]
    total_weight: Found | None = None
    total_score: Found | None = None
    spans: list[dict] = field(default_factory=list)  # per indicator: {"name"|"weight"|"score": (start, end)}
    notes: list[str] = field(default_factory=list)
    weight_column: bool = True  # False where the header has no 分值 column: weights stand only in headings
    # a totals row was read, its figures placed or not ('合计 | 90' whose one figure neither sum names): the table
    # ends there whole
    total_seen: bool = False


@dataclass
class Column:
    """One header column: its role and what its header cell says besides the role word."""

    role: str
    start: int
    end: int
    word: str
    letter: str | None = None  # '全年预算数(A)' → A
    formula: tuple[str, str] | None = None  # '执行率(B/A)' → (B, A): this column is B over A
    points: float | None = None  # '得分(20分*执行率)' → 20
    percent: bool = False  # '权重(%)': the column's figures are percents
    unit: bool = False  # '年度预算数(万元)': the cell names a unit
    in_points: bool = False  # '指标权重(分)': the column's figures are points, never a percent
    cell: int | None = None  # the column's cell on a header printed on one separated line (layout._header_cells)


@dataclass
class Header:
    columns: list[Column]
    start: int
    end: int
    kind: str  # funds | scores
    unit_factor: float = 1.0  # 10 000 when the header says 万元
    unit_stated: bool = True  # a funds header (or the form above it) says its unit; else its amounts' scale is unknown
    points: float | None = None  # '预算执行情况(万元)(20分)': what the block is worth
    headerless: bool = False  # no header in the text: columns assumed for rows the document opens with

    @property
    def roles(self) -> list[str]:
        return [c.role for c in self.columns]

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


@dataclass
class Row:
    """A row as the layout gave it: its tokens in reading order."""

    tokens: list[Token]
    # Where the labels end, when the header's cells say so (a separated row with the header's cells):
    # then a text cell under a target or actual column is a value of that column, not a label.
    label_end: int | None = None
    leaf_cell: int | None = None  # the header's last label cell (the indicator's name), when read by cells
    cut: bool = False  # the document ends inside this row: its missing cells are the ones after the cut

    @property
    def labels(self) -> list[Token]:
        if self.label_end is not None:
            return self.tokens[:self.label_end]
        out = []
        for t in self.tokens:
            if t.is_value:
                break
            out.append(t)
        return out

    @property
    def values(self) -> list[Token]:
        return self.tokens[len(self.labels):]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


@dataclass
class Value:
    """A figure placed on a column, with where it was read and the precision it was printed with."""

    value: float | str | None
    start: int
    end: int
    half_unit: float | None = None
    text: str = ""
    cut: bool = False  # read from a glued run, cut along the header's columns


def figure(values: dict[str, Value], key: str) -> float | None:
    """The number a reading placed on column `key` (None: no cell, a dash, or text)."""
    v = values.get(key)
    return v.value if v is not None and isinstance(v.value, float) else None


@dataclass
class RowReading:
    """One row laid on the header: a value per column (absent: the row has no cell there)."""

    row: Row
    values: dict[str, Value]
    cost: float = 0.0
    ambiguous: dict[str, list] = field(default_factory=dict)  # column → the values the readings disagree on


@dataclass
class TableReport:
    """What a table reading did: the camelot-style parsing report carried into the record."""

    reader: str
    layout: str
    kind: str
    roles: list[str]
    rows_read: int = 0
    rows_skipped: list[dict] = field(default_factory=list)  # {"text": …, "reason": …}
    ambiguous: list[dict] = field(default_factory=list)  # {"row": …, "column": …, "readings": […]}
    total_row: bool = False
    totals_confirmed: bool | None = None  # the rows add up to the total row (None: no total row)
    confidence: float = 0.0
    rows_chosen_by_totals: int = 0  # rows whose reading the table's totals decided (totals.py)
    # nothing but a few words and no figure follows the table's last row: a document cut there may have
    # lost the rows after it (certainty.document_cut)
    reaches_end: bool = False
    # the text ends with the table's last row: nothing but empty cells after it (extract/__init__: a form's funds
    # block, which the published forms follow with the year's targets, ends a document only where it was cut)
    ends_the_text: bool = False
    # no header over the rows: the document opens inside the table (a fragment, a head lost to the cut), its
    # columns assumed from the forms (scores.HEADERLESS_ROLES) and the rows above the cut unread
    headerless: bool = False
    # every reader's reading of the same table, the kept one included: {"reader", "rows", "weights"} (its leaf
    # rows and their weights' sum); where another read more rows whose weights come closer to the total weight,
    # a failure of the table's sums may be a row the kept reading lost
    readings: list[dict] = field(default_factory=list)

    def skip(self, row: Row | str, reason: str) -> None:
        text = row if isinstance(row, str) else "".join(t.text for t in row.tokens)
        self.rows_skipped.append({"text": text[:60], "reason": reason})

    def to_dict(self) -> dict:
        return asdict(self)

"""What every extractor shares: the normalised text and the provenance being collected."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..normalise import NormalisedText
from ..tables.grid import Cells
from ..tables.model import Found  # noqa: F401  (the extractors' value type, read by the table interpreter too)
from .amounts import Amount, find_amounts
from .splits import Split, find_splits


@dataclass
class Context:
    norm: NormalisedText
    provenance: dict[str, dict] = field(default_factory=dict)
    # values found but not taken, by the pointer they would have filled (Record.unread)
    unread: dict[str, dict] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.norm.text

    @cached_property
    def table_cells(self) -> Cells:
        """What the load stage knew of the text's table cells, built once for both table readers."""
        return Cells.of(self.norm.grids, self.norm.spaces_removed)

    @cached_property
    def amounts(self) -> list[Amount]:
        """Every sum of money in the text (the amounts layer), read once."""
        return find_amounts(self.text)

    @cached_property
    def splits(self) -> list[Split]:
        """The text's totals with their parts (the amounts layer), read once for the budget, the
        sub-projects and the sums of the prose."""
        return find_splits(self.text, self.norm.spaces_removed)

    def cite(self, pointer: str, found: Found | tuple[int, int] | None, **extra) -> None:
        """Record where the value at JSON pointer `pointer` was read from."""
        if found is not None:
            self.provenance[pointer] = self.evidence(found, **extra)

    def leave_unread(self, pointer: str, reason: str, candidates: list[tuple[float, Found | tuple[int, int]]]) -> None:
        """The value at `pointer` stays null: the figures found for it, each with its evidence, and why none was
        taken. An auditor sees what the text offers instead of a guess."""
        self.unread[pointer] = {"reason": reason,
                                "candidates": [{"value": value, **self.evidence(found)} for value, found in candidates]}

    def evidence(self, found: Found | tuple[int, int], **extra) -> dict:
        """Where `found` lies: page, raw text, box, character offsets and cell."""
        start, end = (found.start, found.end) if isinstance(found, Found) else found
        bbox, confidence = self.norm.bbox_of(start, end)
        entry = {"page": self.norm.page_at(start), "text": self.norm.raw_span(start, end), "bbox": bbox}
        offsets = self.norm.raw_offsets(start, end)
        if offsets:
            entry["chars"] = list(offsets)  # where the text lies in the document's text, for every format
        cell = self.norm.cell_of(start, end)
        if cell:
            entry["cell"] = cell  # a workbook's sheet and cell
        table_cell = self.norm.grid_cell_of(start, end)
        if table_cell:
            entry["table_cell"] = table_cell  # the table, row and column of the grid the backend handed over
        if confidence is not None:
            entry["confidence"] = confidence
        if isinstance(found, Found) and found.half_unit is not None:
            entry["half_unit"] = found.half_unit
        entry.update(extra)
        return entry

"""HTML backend: the page's text in reading order, without the site's own furniture.

Document sites wrap a report in navigation, download buttons, comment boxes and copyright
blocks; those elements are dropped by tag and by class/id words before the text is taken.
Tables are written one row per line with cells separated by ' | ', so the score-table
parser sees the same cell structure that a pipe-table text scrape gives.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex
from bs4 import BeautifulSoup, Comment

from ..document import Cell, Document, Grid, GridCell, Page, positions_written, with_spans
from .encoding import decode

_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "form", "button", "iframe",
              "svg", "canvas", "select", "input", "textarea", "aside", "template", "object", "embed"]
_FURNITURE = regex.compile(
    r"(?i)\b(nav|navbar|menu|breadcrumb|crumb|footer|copyright|comment|download|share|sidebar|"
    r"advert|ads?|banner|login|search|related|recommend|toolbar|pagination|pager)\b")
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
           "table", "blockquote", "pre", "dd", "dt", "title"}


def _charset_hint(data: bytes) -> str | None:
    m = regex.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], regex.I)
    return m[1].decode("ascii", "ignore") if m else None


def _is_furniture(tag) -> bool:
    attrs = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
    return bool(attrs and _FURNITURE.search(attrs.replace("-", " ").replace("_", " ")))


# Private-use characters that mark where a table cell's text begins and ends while the page is flattened
# to text (its whitespace tidied after), taken out at the end with the offsets they mark (html_cells). The
# opening mark names the table, row and column (1-based), and for a position a merged cell covers, the
# merged cell's row and column after an '@'.
_CELL_OPEN, _CELL_MID, _CELL_CLOSE = "\ue000", "\ue001", "\ue002"
_CELL_MARK = regex.compile(f"{_CELL_OPEN}(\\d+):(\\d+):(\\d+)(?:@(\\d+):(\\d+))?{_CELL_MID}|{_CELL_CLOSE}")
_EMPTY_CELL = f"{_CELL_OPEN}[\\d:@]+{_CELL_MID}{_CELL_CLOSE}"


def html_cells(markup: str) -> tuple[str, str | None, list[Cell], list[Grid]]:
    """(text, title, cells, grids): the page as text, where each filled table cell's text stands in it,
    by table, row and column in the page's order ('表2!R3C4', 1-based), and each table as a grid."""
    marked, title = html_to_text(markup, mark_cells=True)
    out, cells, pos, last = [], [], 0, 0
    grid_cells: dict[int, list[GridCell]] = {}
    open_: list[tuple[int, regex.Match]] = []  # a nested table's cells open inside their outer cell
    for m in _CELL_MARK.finditer(marked):
        out.append(marked[last:m.start()])
        pos += m.start() - last
        last = m.end()
        if m[1] is not None:
            open_.append((pos, m))
        elif open_:
            start, o = open_.pop()
            table, row, col = int(o[1]), int(o[2]), int(o[3])
            if pos > start:
                cells.append(Cell(start, pos, f"表{table}!R{row}C{col}"))
            copy_of = (int(o[4]) - 1, int(o[5]) - 1) if o[4] else None
            grid_cells.setdefault(table, []).append(GridCell(row - 1, col - 1, start, pos, copy_of=copy_of))
    out.append(marked[last:])
    cells.sort(key=lambda c: c.start)
    grids = [Grid(t, with_spans(sorted(cs, key=lambda c: c.start))) for t, cs in sorted(grid_cells.items())]
    return "".join(out), title, cells, grids


def html_to_text(markup: str, mark_cells: bool = False) -> tuple[str, str | None]:
    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in list(soup.find_all(True)):
        if getattr(tag, "decomposed", False) or tag.attrs is None:
            continue  # inside a block already removed
        if tag.name not in ("html", "body") and _is_furniture(tag):
            tag.decompose()
    tables = soup.find_all("table")
    for number, table in reversed(list(enumerate(tables, start=1))):  # innermost first: nested tables become text
        rows = []
        for r, row in enumerate(_table_positions(table), start=1):
            if not any(p.text for p in row):
                continue
            # a row that is one merged cell written once; the positions it covers after its first marked empty at the
            # line's end, so that the grid still counts its span
            n = positions_written([p.origin for p in row])
            if not mark_cells:
                rows.append(" | ".join(p.text for p in row[:n]))
                continue
            marks = [f"{_CELL_OPEN}{number}:{r}:{c}{_origin_mark(p, r, c)}{_CELL_MID}{p.text if c <= n else ''}{_CELL_CLOSE}"
                     for c, p in enumerate(row, start=1)]
            rows.append(" | ".join(marks[:n]) + "".join(marks[n:]))
        table.replace_with("\n" + "\n".join(rows) + "\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    parts: list[str] = []
    body = soup.body or soup
    for node in body.descendants:
        if isinstance(node, str):
            parts.append(str(node))
        elif node.name in _BLOCKS:
            parts.append("\n")
    text = "".join(parts)
    # spaces at a line's end go, and so do those before an empty last cell's marks there
    text = regex.sub(f"[ \\t\\u00a0]+(?=(?:{_EMPTY_CELL})*\\n)", "", text)
    text = regex.sub(r"\n{3,}", "\n\n", text)
    return text.strip(), title


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(str(cell.get(name, 1)).strip() or 1), 500))
    except ValueError:
        return 1


@dataclass(frozen=True)
class _Position:
    """A position of a table's full grid: the text shown there, and the merged cell's (row, column),
    1-based, where a merged cell that starts elsewhere covers it."""

    text: str
    origin: tuple[int, int] | None = None


def _origin_mark(p: _Position, r: int, c: int) -> str:
    return f"@{p.origin[0]}:{p.origin[1]}" if p.origin is not None and p.origin != (r, c) else ""


def table_grid(table) -> list[list[str]]:
    """A table's cells as a full grid: a merged cell's text is repeated in every row and column it
    spans, so that a level-1 indicator spanning its children is on each child's row."""
    return [[p.text for p in row] for row in _table_positions(table)]


def _table_positions(table) -> list[list[_Position]]:
    grid: list[list[_Position]] = []
    pending: dict[int, tuple[_Position, int]] = {}  # column → (the merged cell's position, rows still to fill)
    for r, tr in enumerate((tr for tr in table.find_all("tr") if tr.find_parent("table") is table), start=1):
        row: list[_Position] = []
        cells = [c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr]
        col = 0
        queue = list(cells)
        while queue or col in pending:
            if col in pending:
                held, left = pending[col]
                row.append(held)
                if left > 1:
                    pending[col] = (held, left - 1)
                else:
                    del pending[col]
                col += 1
                continue
            cell = queue.pop(0)
            text = regex.sub(r"\s+", " ", cell.get_text(" ", strip=True))
            rs, cs = _span(cell, "rowspan"), _span(cell, "colspan")
            held = _Position(text, (r, col + 1))
            for k in range(cs):
                row.append(held)
                if rs > 1:
                    pending[col + k] = (held, rs - 1)
            col += cs
        grid.append(row)
    return grid


def load(path: Path, data: bytes) -> Document:
    markup, encoding = decode(data, declared=_charset_hint(data))
    text, title, cells, grids = html_cells(markup)
    return Document(str(path), "", "html", [Page(1, text, reader="html", cells=cells, grids=grids)], paged=False,
                    encoding=encoding, meta={"html_title": title})

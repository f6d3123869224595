"""HTML backend: the page's text in reading order, without the site's own furniture.

Document sites wrap a report in navigation, download buttons, comment boxes and copyright
blocks; those elements are dropped by tag and by class/id words before the text is taken.
Tables are written one row per line with cells separated by ' | ', so the score-table
parser sees the same cell structure that a pipe-table text scrape gives.
"""
from __future__ import annotations

from pathlib import Path

import regex
from bs4 import BeautifulSoup, Comment

from ..document import Cell, Document, Page
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
# to text (its whitespace tidied after), taken out at the end with the offsets they mark (html_cells).
_CELL_OPEN, _CELL_MID, _CELL_CLOSE = "\ue000", "\ue001", "\ue002"
_CELL_MARK = regex.compile(f"{_CELL_OPEN}(\\d+):(\\d+):(\\d+){_CELL_MID}|{_CELL_CLOSE}")


def html_cells(markup: str) -> tuple[str, str | None, list[Cell]]:
    """(text, title, cells): the page as text, and where each table cell's text stands in it, by table,
    row and column in the page's order ('表2!R3C4', 1-based)."""
    marked, title = html_to_text(markup, mark_cells=True)
    out, cells, pos, last, open_ = [], [], 0, 0, None
    for m in _CELL_MARK.finditer(marked):
        out.append(marked[last:m.start()])
        pos += m.start() - last
        last = m.end()
        if m[1] is not None:
            open_ = (pos, f"表{m[1]}!R{m[2]}C{m[3]}")
        elif open_ is not None:
            if pos > open_[0]:
                cells.append(Cell(open_[0], pos, open_[1]))
            open_ = None
    out.append(marked[last:])
    return "".join(out), title, cells


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
        for r, cells in enumerate(table_grid(table), start=1):
            if not any(cells):
                continue
            if mark_cells:
                cells = [f"{_CELL_OPEN}{number}:{r}:{c}{_CELL_MID}{text}{_CELL_CLOSE}" if text else text
                         for c, text in enumerate(cells, start=1)]
            rows.append(" | ".join(cells))
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
    text = regex.sub(r"[ \t\u00a0]+\n", "\n", text)
    text = regex.sub(r"\n{3,}", "\n\n", text)
    return text.strip(), title


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(str(cell.get(name, 1)).strip() or 1), 500))
    except ValueError:
        return 1


def table_grid(table) -> list[list[str]]:
    """A table's cells as a full grid: a merged cell's text is repeated in every row and column it
    spans, so that a level-1 indicator spanning its children is on each child's row."""
    grid: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column → (text, rows still to fill)
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        row: list[str] = []
        cells = [c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr]
        col = 0
        queue = list(cells)
        while queue or col in pending:
            if col in pending:
                text, left = pending[col]
                row.append(text)
                if left > 1:
                    pending[col] = (text, left - 1)
                else:
                    del pending[col]
                col += 1
                continue
            cell = queue.pop(0)
            text = regex.sub(r"\s+", " ", cell.get_text(" ", strip=True))
            rs, cs = _span(cell, "rowspan"), _span(cell, "colspan")
            for k in range(cs):
                row.append(text)
                if rs > 1:
                    pending[col + k] = (text, rs - 1)
            col += cs
        grid.append(row)
    return grid


def load(path: Path, data: bytes) -> Document:
    markup, encoding = decode(data, declared=_charset_hint(data))
    text, title, cells = html_cells(markup)
    return Document(str(path), "", "html", [Page(1, text, reader="html", cells=cells)], paged=False,
                    encoding=encoding, meta={"html_title": title})

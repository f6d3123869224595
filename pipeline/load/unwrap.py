"""Hard-wrapped plain text run on: text copied or converted from a PDF line by line (pdftotext, a
viewer's copy) breaks every paragraph at the page's width, through words, labels and the sentence
that ties an amount to its role. The PDF reader runs such lines on from their geometry
(`layout.continues`); plain text has no geometry but its characters' display width, so the same rule is
applied with the width of a line in columns (a Chinese character two, a Latin one) as its right edge.

The wrap width is found, not assumed: the widest width that several lines reach and almost none pass.
Text whose lines are paragraphs (what document sites serve) has no such width and is left as it is.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from . import layout

# Several full lines at one width make a wrap; one or two lines past it (a table row, a URL) do not
# undo it.
MIN_FULL_LINES = 5
MAX_LINES_PAST = 2
SHARE_PAST = 0.03
# A full line may stop short of the width by a character: justified text ends on a half-width
# figure, and a line-start rule pushes a character down.
CHAR_COLUMNS = 2
# Lines narrower than this are labels and table cells, never a wrap width
MIN_WRAP_COLUMNS = 40


@dataclass(frozen=True)
class Unwrapped:
    """A text with its hard wraps run on: how many line breaks went, at which width (None: no wrap)."""

    text: str
    joined: int = 0
    width: int | None = None


# a line's first word: a figure or a Latin word, never broken, or one character
_FIRST_TOKEN = regex.compile(rf"{layout.UNBROKEN}+|.")
# words set apart by a run of spaces ('pdftotext -layout', a form typed with spaces)
_COLUMN_GAP = regex.compile(r"\S[ \u3000]{2,}\S")


# A row of a table typed with single spaces ('城区道路维修改造工程 1200.00 1150.50'): no clause mark, and a figure after a
# space at its end. Such rows may all be one width; they set no wrap width.
_PROSE_MARK = regex.compile(r"[,、;。:]")
_ENDS_IN_A_SPACED_FIGURE = regex.compile(r"\s\d[\d,.]*%?\s*$")


def _spaced_row(line: str) -> bool:
    folded = unicodedata.normalize("NFKC", line)
    return not _PROSE_MARK.search(folded) and bool(_ENDS_IN_A_SPACED_FIGURE.search(folded))


def _is_table_row(line: str) -> bool:
    """A row of cells between bars or tabs: never prose."""
    return " | " in line or "\t" in line


def _has_column_gap(line: str) -> bool:
    """Words set apart by a run of spaces ('pdftotext -layout', a form typed with spaces): a layout's row, or a
    page's line with a gap in it ('日期:2024-06-06  来源:…'). Such lines set no wrap width, and two of them in a row
    are two rows."""
    return bool(_COLUMN_GAP.search(line.strip()))


def _opens_paragraph(line: str) -> bool:
    """A line set in from the margin opens a paragraph ('　　为进一步…', two spaces or a full-width one at least)."""
    return line.startswith(("  ", "\u3000"))


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at: the widest one that at least MIN_FULL_LINES prose lines (not a table's
    rows) reach (within a character) and no more than a few lines pass."""
    widths = sorted((layout.columns(line) for line in lines if line.strip() and not _is_table_row(line)
                     and not _has_column_gap(line) and not _spaced_row(line)), reverse=True)
    allowed_past = max(MAX_LINES_PAST, int(SHARE_PAST * len(widths)))
    for past, width in enumerate(widths):
        if past > allowed_past or width < MIN_WRAP_COLUMNS:
            return None
        full = sum(1 for w in widths if width - CHAR_COLUMNS <= w <= width)
        if full >= MIN_FULL_LINES:
            return width
    return None


def _reach(line: str, next_line: str) -> int:
    """How far the line would run with the next line's first word on it."""
    first = _FIRST_TOKEN.match(next_line.lstrip())
    return layout.columns(line) + (layout.columns(first[0]) if first else 0)


def unwrap(text: str, width: int | None = None) -> Unwrapped:
    """Run each line on into the next where `layout.continues` says the break is the wrap's: the
    next line's first word (a character, or a whole number, which is never broken) would not have fit
    on the line, the line does not end a sentence, and the next does not open a heading. `width`: the
    width the whole document was wrapped at, where the text is one of its pages (a short page shows too few
    full lines to tell it)."""
    lines = text.split("\n")
    width = width or wrap_width(lines)
    if width is None:
        return Unwrapped(text)
    out = [lines[0]]
    joined = 0
    for prev, line in zip(lines, lines[1:]):
        if (line.strip() and not _is_table_row(prev) and not _is_table_row(line) and not _opens_paragraph(line)
                and not (_has_column_gap(prev) and _has_column_gap(line))
                and layout.continues(prev, line, _reach(prev, line), width, CHAR_COLUMNS / 1.5)):
            out[-1] = out[-1].rstrip() + layout.joiner(prev, line) + line.lstrip()
            joined += 1
        else:
            out.append(line)
    return Unwrapped("\n".join(out), joined, width)

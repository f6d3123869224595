"""Page layout rules shared by the readers that rebuild text from positioned pieces (the PDF text
layer and OCR): what a page number in the margin looks like, and when a line break is the layout's
rather than the author's."""
from __future__ import annotations

from dataclasses import dataclass

import regex

PAGE_NUMBER = regex.compile(r"^[\s\-—–－·•]*(?:第\s*\d+\s*页(?:\s*[,,/共]\s*共?\s*\d+\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?|"
                            r"-\s*\d+\s*-|Page\s*\d+(?:\s*of\s*\d+)?)[\s\-—–－·•]*$", regex.I)
# A page number that says so without its place on the page (framed by dashes, 第N页, Page N): dropped
# from text of any format; a bare figure is one only in the margin (is_page_number).
FRAMED_PAGE_NUMBER = regex.compile(r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d+\s*页(?:\s*[,,/共]\s*共?\s*\d+\s*页)?|"
                                   r"Page\s*\d+(?:\s*of\s*\d+)?)\s*$", regex.I)
SENTENCE_END = "。!?;:!?;:”\""
HEADING_START = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十\d]{1,3}[))]|\d{1,2}[.、．]\D)")


@dataclass(frozen=True)
class PageMargins:
    """Where a page's running heads and feet sit, as shares of its height: above `head` and below `foot`.
    One setting for every reader of positioned text (the text layer, its tables, OCR)."""

    head: float = 0.08
    foot: float = 0.88

    def body_top(self, height: float) -> float:
        return self.head * height

    def body_bottom(self, height: float) -> float:
        return self.foot * height

    def in_body(self, y: float, height: float) -> bool:
        return self.body_top(height) < y < self.body_bottom(height)


MARGINS = PageMargins()


def in_margin(top: float, bottom: float, height: float) -> bool:
    """Within the top 8 % or the bottom 12 % of the page, where page numbers and running heads sit."""
    return top < MARGINS.body_top(height) or bottom > MARGINS.body_bottom(height)


def is_page_number(text: str, top: float, bottom: float, height: float) -> bool:
    return bool(PAGE_NUMBER.match(text)) and in_margin(top, bottom, height)


def continues(line: str, next_line: str, line_right: float, text_right: float | None, size: float) -> bool:
    """A prose line that runs to the right edge of the text and stops mid-sentence continues on the
    next line, unless that one opens a heading: the break would otherwise cut words and figures in two."""
    line, next_line = line.rstrip(), next_line.lstrip()
    if not line or text_right is None or line[-1] in SENTENCE_END or HEADING_START.match(next_line):
        return False
    return line_right >= text_right - 1.5 * size


def joiner(line: str, next_line: str) -> str:
    """Chinese runs on without a space; words of Latin script keep one."""
    a, b = line.rstrip()[-1:], next_line.lstrip()[:1]
    return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""

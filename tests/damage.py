"""Damage real documents carry, each named and applied to a report's text on its own.

The dev reports are text as document sites serve it. The same reports reach users through other hands:
copied out of a PDF line by line, converted to traditional script, typed with full-width figures, scraped
with a table's cells run together by spaces or broken one per line. Each function here makes one of those
copies; tests/test_named_damage.py reads every dev report through each and measures what is lost. What a
damage changes is the text's form, never a figure or a word, so a reading that holds reads the same record.
"""
from __future__ import annotations

import unicodedata

import opencc
import regex

# the width a PDF's text is copied at: an A4 page's body of 10.5-point type, 38 Chinese characters
PDF_LINE_COLUMNS = 76
# how much text a PDF page holds before its foot (its number) and the next page
PDF_PAGE_CHARACTERS = 1600
# a run that never breaks across lines: a number, a Latin word
_UNBROKEN = regex.compile(r"[A-Za-z0-9.,%]+|.")
_TABLE_ROW = " | "


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def hard_wrapped(text: str, width: int = PDF_LINE_COLUMNS) -> str:
    """Each prose line broken at `width` columns (a Chinese character two, a Latin one), as a PDF's text
    comes out of pdftotext or a viewer's copy; numbers and Latin words are carried whole to the next line.
    A converter's table rows (cells between bars) are no page lines and stay as they are."""
    out = []
    for line in text.split("\n"):
        if _TABLE_ROW in line:
            out.append(line)
            continue
        current, used = "", 0
        for token in _UNBROKEN.findall(line):
            need = _columns(token)
            if used + need > width and current:
                out.append(current)
                current, used = "", 0
            current += token
            used += need
        out.append(current)
    return "\n".join(out)


def paged(text: str, every: int = PDF_PAGE_CHARACTERS) -> str:
    """Hard wrapped, and after every `every` characters a page's foot ('- 3 -') and a form feed, wherever
    the page ends: inside a sentence, a list or a table."""
    out, count, page = [], 0, 1
    for line in hard_wrapped(text).split("\n"):
        out.append(line)
        count += len(line)
        if count >= every:
            out.append(f"- {page} -\f")
            page, count = page + 1, 0
    return "\n".join(out)


_S2T = opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    return _S2T.convert(text)


def full_width(text: str) -> str:
    """ASCII figures, letters and marks typed full-width ('２０２３年', '９５％'); table bars kept."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" and ch != "|" else ch for ch in text)


_HAN = r"\p{Han}"


def spaced_figures(text: str) -> str:
    """A space between a Chinese character and a figure on either side ('2960.00 万元', '2017 年')."""
    text = regex.sub(rf"({_HAN})(\d)", r"\1 \2", text)
    return regex.sub(rf"(\d)({_HAN})", r"\1 \2", text)


def _table_rows(text: str, separator: str) -> str:
    out = []
    for line in text.split("\n"):
        if _TABLE_ROW in line:
            line = separator.join(cell.strip() for cell in line.strip().strip("|").split(_TABLE_ROW))
        out.append(line)
    return "\n".join(out)


def cells_spaced(text: str) -> str:
    """A table's cells run together with one space between them, as a scrape of an HTML table gives."""
    return _table_rows(text, " ")


def cells_on_lines(text: str) -> str:
    """A table's cells one per line, as a converter that writes each cell as a paragraph gives."""
    return _table_rows(text, "\n")


DAMAGE = {
    "hard_wrapped": hard_wrapped,
    "paged": paged,
    "traditional": traditional,
    "full_width": full_width,
    "spaced_figures": spaced_figures,
    "cells_spaced": cells_spaced,
    "cells_on_lines": cells_on_lines,
}

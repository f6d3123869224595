"""CSV backend: a table exported as comma- or tab-separated rows (a finance system's export, a workbook saved as
CSV), whether its name says .csv or the text inside a .txt is shaped so. Each row is a row of one grid, as a
workbook's sheet is read (office.workbook_document), so that a form's key and value stand in cells of their own.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import regex

from ..document import Document
from ..errors import LoadError
from .encoding import decode_text_file
from .office import cell_text, workbook_document

# what only a CSV writer leaves on a line: two quoted cells side by side, an empty cell (a sheet's rows are all as
# wide as its widest: ',,'), a line opening on a quoted cell. Prose has its commas between words, a line broken after
# a comma ends on one, and a term quoted in a sentence stands inside it.
_CSV_MARK = regex.compile(r'","|,[ \t]*,|^"[^"\n]*",')
MIN_ROWS = 3
SHARE_OF_ROWS = 0.6  # rows of two cells or more
SHARE_MARKED = 0.5  # lines with a mark only a CSV writer leaves
SHARE_AS_WIDE = 0.9  # rows as wide as the most of them are
MIN_ROWS_AS_WIDE = 5  # (a few lines of prose, or one line repeated, are as wide by chance)
_SENTENCE_END = regex.compile(r"[。!?][\s\"”]*$")  # prose's lines end sentences; a sheet's rows end on a cell
_SNIFF_CHARS = 8192


def csv_shaped(text: str) -> bool:
    """Whether a text is CSV rows: most of its lines parse into two cells or more, and either half of them carry a
    mark no prose carries, or nearly all of them are as wide as each other (a sheet's rows are; a narrow sheet's rows
    end on one empty cell, 'name,', as prose broken after a comma does, but prose is not all as wide)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_ROWS:
        return False
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    widths = Counter(len(row) for row in rows)
    several = sum(n for width, n in widths.items() if width >= 2)
    marked = sum(1 for line in lines if _CSV_MARK.search(line))
    width, most = widths.most_common(1)[0]
    sentences = sum(1 for line in lines if _SENTENCE_END.search(line))
    as_wide = width >= 2 and most >= SHARE_AS_WIDE * len(rows) and len(rows) >= MIN_ROWS_AS_WIDE
    return several >= SHARE_OF_ROWS * len(rows) and sentences < SHARE_MARKED * len(lines) and (
        marked >= SHARE_MARKED * len(lines) or as_wide)


def csv_document(path: Path, text: str, encoding: str | None = None) -> Document:
    """The rows as one sheet's grid, each cell on one line (office.cell_text)."""
    dialect = _dialect(path, text)
    grid = [[cell_text(c) for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    if not any(any(row) for row in grid):
        raise LoadError(path, "a CSV file with no text in any cell")
    doc = workbook_document(path, "text", [(f"csv:{path.stem}", grid, {})])  # SPEC: a CSV is a text file
    doc.encoding = encoding
    if _ends_inside_a_quoted_cell(text, dialect.delimiter) or _last_row_short(grid):
        doc.meta["cut_inside_a_cell"] = True
    return doc


def _last_row_short(grid: list[list[str]]) -> bool:
    """Every row as wide as the others (a sheet's writer pads each to the used range's width) but the last, which
    stops short: the file was cut inside its last row."""
    rows = [row for row in grid if row]
    if len(rows) < MIN_ROWS_AS_WIDE:
        return False
    widths = {len(row) for row in rows[:-1]}
    return len(widths) == 1 and len(rows[-1]) < widths.pop()


def _dialect(path: Path, text: str) -> type[csv.Dialect]:
    """Commas, or what the file's own rows say it is parted by: tabs (.tsv), semicolons (a European export)."""
    if path.suffix.lower() == ".tsv":
        return csv.excel_tab
    try:
        delimiter = csv.Sniffer().sniff(text[:_SNIFF_CHARS], delimiters=",;\t").delimiter
    except csv.Error:
        return csv.excel
    # (only the delimiter is taken: the sniffer guesses a doubled quote wrong where every one stands by a comma)
    return type("Sniffed", (csv.excel,), {"delimiter": delimiter})


def _ends_inside_a_quoted_cell(text: str, delimiter: str = ",") -> bool:
    """The file stops inside a quoted cell ('…,"二者择其一进', or a cell of several lines cut after its first): a
    quote that opens a cell (at a line's start or after a delimiter) is still open at the end. A doubled quote is a
    quote of the cell's text; a stray one inside an unquoted cell, an inch mark, opens nothing."""
    quoted, before, i = False, "\n", 0  # `before`: the last character other than a space
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"' and text.startswith('""', i):
                i += 1
            elif ch == '"':
                quoted = False
        elif ch == '"' and before in (delimiter, "\n"):
            quoted = True
        if ch != " ":
            before = ch
        i += 1
    return quoted


def load_csv(path: Path, data: bytes) -> Document:
    text, encoding = decode_text_file(path, data)
    return csv_document(path, text, encoding)

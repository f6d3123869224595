"""Page layout rules shared by the readers that rebuild text from positioned pieces (the PDF text
layer and OCR): what a page number in the margin looks like, and when a line break is the layout's
rather than the author's."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

PAGE_NUMBER = regex.compile(r"^[\s\-—–－·•]*(?:第\s*\d+\s*页(?:\s*[,,/共]\s*共?\s*\d+\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?|"
                            r"-\s*\d+\s*-|Page\s*\d+(?:\s*of\s*\d+)?)[\s\-—–－·•]*$", regex.I)
# A page number that says so without its place on the page (framed by dashes, 第N页, Page N): dropped
# from text of any format; a bare figure is one only in the margin (is_page_number).
FRAMED_PAGE_NUMBER = regex.compile(r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d+\s*页(?:\s*[,,/共]\s*共?\s*\d+\s*页)?|"
                                   r"Page\s*\d+(?:\s*of\s*\d+)?)\s*$", regex.I)
# the right edge a page's widest line must reach, as a share of the page's width, for any of its lines to be a
# wrapped one: a page of short lines (a form's one column of cells, a closing page, a signature) has none
MIN_TEXT_RIGHT = 0.6
# a character of a figure or a Latin word: typesetting never breaks a run of them over two lines
UNBROKEN = r"[A-Za-z0-9.,%]"
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


# What opens a line of its own besides a heading: a list item's marker ('1)', '①', 'A.', '一是', '●'), a heading
# numbered otherwise ('一.', '〔一〕'), a section number of several levels ('2.3.1', or '1.1 ' with a space after it,
# or '1.1' before words: '73.89公里' is a figure), an annex, a part, a table's caption or a note ('附表1', '附件',
# '第二部分', '表1 ', '注:'), a dated entry of a chronology ('2023年3月,…'). The patterns read text as NFKC folds it
# (the PDF reader and unwrap.py see the raw text: '（二）', '1）', '：').
ITEM_START = regex.compile(
    r"^(?:\d{1,2}\)|[①-⑳]|[●•◆■▲]|[A-Z][.、](?!\d)|[一二三四五六七八九十]{1,3}(?:是|[.、])|〔[一二三四五六七八九十\d]{1,3}〕|"
    r"\d{1,2}(?:\.\d{1,2}){2,}(?!\d)|\d{1,2}\.\d{1,2}(?:\s|(?=\p{Han})(?!(?:万|亿|元|公里|米|亩|人|户|个|吨|平方|立方)))|"
    r"附[表件]|第[一二三四五六七八九十\d]{1,3}(?:部分|章|节)|表\s*\d{1,2}\s|注\s*:|"
    r"(?:19|20)\d\d年\d{1,2}月(?:\d{1,2}日)?[,:])")
# A line of its own whatever the line above: a date ('2024年1月15日', '2024.1.15', '二〇二四年三月十五日'), a unit's name
# over its seal ('XX县交通运输局(盖章)'), a form's key and its value ('评价机构:…'), a table's unit note ('单位:万元'),
# a bare figure (a table's cell, one per line).
_NUMERAL = "〇○零一二三四五六七八九十"
LINE_OF_ITS_OWN = regex.compile(
    rf"(?:19|20)\d\d\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?|(?:19|20)\d\d[.\-/]\d{{1,2}}[.\-/]\d{{1,2}}|"
    rf"二[{_NUMERAL}]{{3}}年[{_NUMERAL}]{{1,2}}月(?:[{_NUMERAL}]{{1,3}}日)?|"
    r"[\p{Han}()]{2,30}(?:局|委员会|委|办公室|人民政府|政府|中心|公司|研究院|院|事务所|站|队|处|厅|部|会)(?:\s*\(\s*盖章\s*\))?|"
    r"\p{Han}{2,8}\s*:\s*[^,;。]{2,40}|"
    r"\(?(?:金额)?单位\s*:\s*(?:亿元|万元|千元|元)[^\n]{0,8}|"
    r"\d[\d,]*(?:\.\d+)?%?")


def columns(line: str) -> int:
    """How wide a line is set: a Chinese character two columns, a figure, a Latin letter or a mark one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line.rstrip())


# the figure or Latin word a line opens with (two characters at least); typesetting never breaks one but carries it
# whole to the next line, so the line above stopped short of the edge by its width ('计划总投资' over '14491.18万元')
_CARRIED_WORD = regex.compile(rf"\s*({UNBROKEN}{{2,}})")
# a line that opens on its year ('2023年3月完成…', '2024年工作打算') opens a line of its own as often as it was carried
_OPENS_ON_A_YEAR = regex.compile(r"\s*(?:19|20)\d\d\s*年")


def carried_word(next_line: str) -> str:
    """The figure or word `next_line` opens with that may have been carried whole from the line above ('' if none)."""
    m = _CARRIED_WORD.match(next_line)
    return "" if m is None or _OPENS_ON_A_YEAR.match(next_line) else m[1]


def continues(line: str, next_line: str, line_right: float, text_right: float | None, size: float) -> bool:
    """A prose line that runs to the right edge of the text and stops mid-sentence continues on the
    next line, unless that one opens a heading or an item, or is a line of its own (a date, a name over a seal,
    a page's number in its foot):
    the break would otherwise cut words and figures in two."""
    line, raw_next = unicodedata.normalize("NFKC", line).rstrip(), next_line.strip()
    next_line = unicodedata.normalize("NFKC", raw_next)  # ('①' folds to '1': the raw line is tried too)
    if not line or text_right is None or line[-1] in SENTENCE_END or HEADING_START.match(next_line) \
            or ITEM_START.match(next_line) or ITEM_START.match(raw_next) or LINE_OF_ITS_OWN.fullmatch(next_line) \
            or FRAMED_PAGE_NUMBER.match(next_line):
        return False
    return line_right >= text_right - 1.5 * size


def joiner(line: str, next_line: str) -> str:
    """Chinese runs on without a space; words of Latin script keep one."""
    a, b = line.rstrip()[-1:], next_line.lstrip()[:1]
    return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""

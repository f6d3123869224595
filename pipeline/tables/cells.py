"""Typed cells: what a table cell holds, read from its text alone.

A table's text arrives in many layouts (pipes, tabs, one cell per paragraph, cells glued by a
scrape); whatever the layout, each cell's text is cut into *tokens* of a few kinds, and the
interpreter places tokens on the header's columns by their kind. A token never decides its column
from its wording: '20' is a number that may be a weight, a score or a rate; the header decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

# Comparison operators that open a target value ('≥90%', '＞95', '=100%').
# '═' (a box-drawing double bar): how some sites' exports print a form's '=' sign cell
OPERATOR = r"[≥≤<>=＞＜≧≦═]"
# Units a measured value carries ('29.5亩', '192只', '≥1200米'); 万元/元 make it an amount with its unit.
MEASURE_UNITS = ("平方米|立方米|平方公里|公里|千米|厘米|毫米|万元|亿元|元|米|亩|公顷|个|人次|人|户|家|次|台|套|辆|头|只|所|座|篇|"
                 "项|件|天|日|个月|小时|吨|株|棵|册|场|期|批|份|条|处|名|倍|km|m2|㎡|分钟|分|"
                 "公斤|千克|斤|克|立方|盏|栋|间|张|孔|眼|口|班|课时|学时|工日|床|组|箱|块|根|部|本|例|"
                 "尾|羽|匹|艘|架|枚|袋|包|瓶|支|片|颗|卷|幅|种|类|批次|人日")
NUMBER_RUN = r"\d+(?:[.,]\d+)*"  # one figure, or several a scrape glued together ('2456.182456.18')
UNIT = rf"(?:百分比|百分点|[万亿千百]?(?:{MEASURE_UNITS})|[万亿])"  # with its multiplier: '3.3万人', '2万亩', '1.2亿'
# A unit per unit ('1600元/平方米', '35元/人·月', '60km/h'; '583元/人*月' where a form typed '*' for '·'): one
# measure, the part after '/' is no label.
PER_UNIT = rf"(?:{UNIT}\s*/\s*(?:{MEASURE_UNITS}|\p{{Han}}{{1,2}})(?:[·*]\p{{Han}})?)"
# Any short word of Han after a figure that ends its cell ('46公斤', '12艘'): a unit the list above lacks.
# Only at a cell's end, where it cannot be the next row's name glued on (flow text has no cell ends).
# ('25TB', '100%覆盖': a Latin unit, or a word after a percent, ending the cell: one target or actual value)
CELL_END_UNIT = r"(?:\p{Han}{1,2}|[A-Za-z]{1,3})(?=\s*\Z)"

# Words that compare a target's figure as its sign would ('提升10%' is '≥ +10%', '不少于800篇' is '≥800篇'):
# glued to the figure after them, in a cell of their own, they and the figure are one target or result.
WORDED_COMPARISON = regex.compile(r"(?:提升|提高|增长|增加|降低|下降|减少|不少于|不低于|不高于|不多于|不超过|超过|达到|控制在)$")

_TOKEN = regex.compile(
    rf"""
    (?P<date>(?<![^\s|])(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?(?:底|末|份|中旬|上旬|下旬)?(?:前|以前|之前)?(?:完成)?(?![^\s|]))
                                                                            # a cell that is a date ('| 2023年12月 |'): a deadline or the day it was met
  | (?P<year>\d{{4}}\s*年度?|\d{{4}}[-—~至]\d{{4}}年?)                      # a year names, it is not a figure
  | (?P<paren>[((](?:[^()()\n]{{0,48}}|[^()()]{{0,12}})[))]                 # '(50分)' '(A)' '(万元)': part of a label, broken over lines or not
      |(?<![\d.((])\d{{1,3}}(?:\.\d)?\s*分\s*[))])                             # '30分)': a category's points whose '(' an OCR lost
  | (?P<ordinal>(?<![\d.])\d{{1,2}}[、::.](?=\p{{Han}}))                    # '1、' '2:' numbering a label
  | (?P<points_range>{NUMBER_RUN}[-—–~～至到]{NUMBER_RUN}分(?!钟))     # '得10-15分': a scoring rule's band, words of its cell
                                                                            # ('20 - 18分' spaced: a weight, an empty cell, a score)
  | (?P<per>每\p{{Han}}{{1,2}} ?{NUMBER_RUN} ?(?:%|{UNIT})?(?!\d))               # '每亩300': a per-unit target, one cell
  | (?P<target>{OPERATOR}\s*(?:{NUMBER_RUN}\s*(?:%|{PER_UNIT}|{UNIT}|年|{CELL_END_UNIT})?|\*+\s*{UNIT}?))  # '≥10年': after a sign, 年 is a unit
  | (?P<bound>{NUMBER_RUN}\s*(?:%|{UNIT})?\s*及?(?:以上|以下|以内))                 # '95%以上': a target's bound
  | (?P<measure>{NUMBER_RUN}\s*(?:{PER_UNIT}|{UNIT}(?![\p{{Han}}]{{2}})))
  | (?P<cell_measure>{NUMBER_RUN}\s*%?\s*{CELL_END_UNIT})
  | (?P<year_lead>\d{{1,2}}(?=(?:19|20)\d{{2}}\s*年))                            # '52021年12月完成': a weight glued to a date
  | (?P<percent>{NUMBER_RUN}\s*%)
  | (?P<number>{NUMBER_RUN})
  | (?P<dash>(?<![\p{{Han}}\w\-—–])(?:——|--|[-—–/](?![\-—–])|无)(?![\p{{Han}}A-Za-z]))   # '——一户…' inside a name is no dash cell
  | (?P<space>[\s|]+)
  | (?P<text>[^\s|\d((≥≤<>=＞＜≧≦═]+|.)
    """,
    regex.X,
)
# compiled once: these run for every token (regex's own cache lookup costs as much as the match)
_NUMBER_RUN = regex.compile(NUMBER_RUN)
_SHORT_NUMBER = regex.compile(r"\d{1,2}")
_OPERATOR = regex.compile(OPERATOR)
_ONE_FIGURE = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
TEXT_KINDS = {"text", "year", "paren", "ordinal", "points_range"}
VALUE_KINDS = {"number", "percent", "measure", "target", "dash", "mark"}
# A lone operator or unit in its own cell (指标性质 '=' / 度量单位 '%'): a value of a free column, no label.
_MARK = regex.compile(rf"(?:{OPERATOR}|%|{MEASURE_UNITS})")


@dataclass(frozen=True)
class Token:
    """One piece of a cell: its kind, its text and where it lies in the normalised text."""

    kind: str  # text | number | percent | measure | target | dash | mark
    text: str
    start: int
    end: int
    cell: int = -1  # index of the separated cell it came from (-1: the layout gives no cells)

    @property
    def is_value(self) -> bool:
        return self.kind in VALUE_KINDS

    @property
    def row_number(self) -> int | None:
        """The number a 序号 cell gives its row: a bare integer of up to three digits; None for any other token."""
        return int(self.text) if self.kind == "number" and self.text.isdigit() and len(self.text) <= 3 else None

    @cached_property
    def digits(self) -> str:
        """The figure's digits without unit or percent sign ('97.22%' → '97.22')."""
        m = _NUMBER_RUN.search(self.text)
        return m[0] if m else ""


def tokenize(text: str, start: int, end: int, cell: int = -1) -> list[Token]:
    """The tokens of text[start:end]; adjacent label pieces ('其中:' '中央财政资金' '(万元)') merge into
    one text token, since a label is one cell however a scrape spaced it."""
    out: list[Token] = []
    pending_space = False
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "space":
            pending_space = True
            continue
        if kind in TEXT_KINDS:
            kind = "text"
        elif kind == "cell_measure":
            kind = "measure"
        elif kind in ("bound", "per", "date"):
            kind = "target"
        elif kind == "year_lead":
            kind = "number"
        if kind == "text" and out and out[-1].kind == "text" and out[-1].cell == cell and \
                not (pending_space and "\n" in text[out[-1].end:m.start()] and cell < 0):
            prev = out.pop()
            out.append(Token("text", text[prev.start:m.end()], prev.start, m.end(), cell))
        else:
            out.append(Token(kind, m[0], m.start(), m.end(), cell))
        pending_space = False
    out = _inner_numbers(text, out)
    return [_as_mark(t, out[k - 1] if k else None) for k, t in enumerate(out)]


# A number glued between two words is part of the label only where the word before numbers what follows
# ('指标1工程完工率', '第2批', '附件3', a code 'A11'), or a date ('2020年12月前'); elsewhere it is the row's figure, glued by the scrape to the words
# around it ('完整性4一目标明确…', '…目标量化4项目立项…': a weight, then a score before the next name).
_NUMBERS_A_LABEL = regex.compile(r"(?:指标|第|附件|附表|表|图|其中|年|[A-Za-z])$")
# a label that is only a numbering word, glued to the number that ends it: '指标2' (a placeholder row of a
# 自评表), alone or after the sentence that ends the row before it ('…尾款未付。指标2 ……', the text run into one
# line), never '…达成预期指标' whose row's weight follows it
_NUMBERING_WORD = regex.compile(r"(?<!\w)(?:指标|第)$")
# ... or where the words after make it a date's month or day ('2020年12月前', '12日')
_DATE_PART = regex.compile(r"[月日号]")
# Points a scoring rule awards or takes away, glued after its verb ('…总体规划计1分;', '每项扣0.5分'): the words of
# a 评分标准 or 指标说明 cell, never a row's weight or score, which stand apart from any verb.
_RULE_VERB = regex.compile(r"(?<![合总共小累])计$|[得扣加减记给]$")  # (合计, 总计: a total's label, no rule's verb)
POINTS_UNIT = regex.compile(r"\d\s*分$")


def _inner_numbers(text: str, tokens: list[Token]) -> list[Token]:
    """Inside one cell, a short number between two pieces of text is part of the label ('指标1工程完工率',
    '第2批'): a figure of its own stands apart from the words around it, or ends a run of digits.
    Only a word that numbers what follows makes it part of the label; a row's figure glued to the words
    around it by a scrape stays a figure."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if (t.kind == "number" and out and out[-1].kind == "text" and k + 1 < len(tokens)
                and tokens[k + 1].kind == "text" and _SHORT_NUMBER.fullmatch(t.text)
                and out[-1].end == t.start and t.end == tokens[k + 1].start
                and (_NUMBERS_A_LABEL.search(out[-1].text) or _DATE_PART.match(tokens[k + 1].text))):
            prev, nxt = out.pop(), tokens[k + 1]
            out.append(Token("text", text[prev.start:nxt.end], prev.start, nxt.end, t.cell))
            k += 2
            continue
        if (t.kind == "measure" and out and out[-1].kind == "text" and out[-1].end == t.start
                and _RULE_VERB.search(out[-1].text) and POINTS_UNIT.search(t.text)):
            prev = out.pop()
            nxt = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].kind == "text" and tokens[k + 1].start == t.end else None
            end = nxt.end if nxt else t.end
            out.append(Token("text", text[prev.start:end], prev.start, end, t.cell))
            k += 2 if nxt else 1
            continue
        if (t.kind == "number" and out and out[-1].kind == "text" and out[-1].end == t.start
                and _SHORT_NUMBER.fullmatch(t.text) and _NUMBERING_WORD.search(out[-1].text)
                and (k + 1 == len(tokens) or tokens[k + 1].start > t.end)):
            # '指标2' standing alone (an empty placeholder row of a 自评表): the number is the label's own
            prev = out.pop()
            out.append(Token("text", text[prev.start:t.end], prev.start, t.end, t.cell))
            k += 1
            continue
        out.append(t)
        k += 1
    return out


def _as_mark(tok: Token, before: Token | None) -> Token:
    """'=' before a figure, '%' or '个' after one, standing alone: the operator and unit cells of a form."""
    if tok.kind == "text" and _MARK.fullmatch(tok.text) and before is not None and before.is_value:
        return Token("mark", tok.text, tok.start, tok.end, tok.cell)
    if tok.kind == "text" and (_OPERATOR.fullmatch(tok.text) or tok.text == "%"):
        return Token("mark", tok.text, tok.start, tok.end, tok.cell)  # no label is a sign alone
    return tok


def decimals_of(digits: str) -> int:
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def half_unit(digits: str) -> float:
    """0.5 × the place of the last printed digit ('9.48' → 0.005)."""
    return 0.5 * 10 ** -decimals_of(digits)


@lru_cache(maxsize=4096)
def plain_value(digits: str) -> float | None:
    """A single figure's value: thousands separators allowed, never two decimal points."""
    if _ONE_FIGURE.fullmatch(digits):
        return float(digits.replace(",", ""))
    return None

"""The amounts layer: every sum of money the prose states, with the words that name it.

An `Amount` is one figure as printed ('18,200万元', '2.35亿元', '壹拾万元整') converted to 元, the
half-unit of its printed precision, the noun phrase that names it (the words before it in its clause,
or the object of a '用于…' after it), its sentence, and what its clause says about it: a year it
belongs to ('2021年已支出…'), whether it is cumulative ('累计', '截至…'), and whether it restates the
figure before it in another unit ('1,234,567元(123.46万元)').

Relations among amounts (a total and its parts) are found from these in `splits.py`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..numbers import AMOUNT, CHINESE_AMOUNT_RE, Number, parse_amount

# '1亿2000万元': 亿 and 万 in one figure, the 万 part with its thousands separator too ('13亿7,800万元').
_YI_WAN = r"(?P<yi>\d+(?:\.\d+)?)\s*亿\s*(?P<wan>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元?"
_FIGURE = regex.compile(rf"{_YI_WAN}|{AMOUNT}|{CHINESE_AMOUNT_RE.pattern}")
# An amount in words ('壹拾万元整', '十万元') has two numeral characters at least ('统一元数据' holds none)
# and stands after no Arabic digit ('2万元' is read as Arabic).
_CHINESE_FIGURE = regex.compile(r"(?<![\d.])(?=[零〇○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟万亿]{2,}[元圆])")
# Where a clause ends: the label of an amount never reaches over these.
# '、' joins names inside one label ('中央、省配套资金'), and brackets belong to names ('村卫生室(乡村医生)
# 补助'); the figure before it bounds the label anyway.
_CLAUSE_MARK = regex.compile(r"[,;:。!?|\n]")
_MAX_LABEL = 40  # a longer run before a figure is a table's cells or a sentence, not a name
# A sentence ends at a full stop or a blank line; semicolons do not end it (a list of uses runs over them).
_SENTENCE_END = regex.compile(r"[。!?]|\n\s*\n")
# Words that introduce a figure or a list and are not part of the name of what is counted.
# A list marker at the front of a label: '1.', '(一)', '一是'.
_LIST_MARK = r"\d{1,2}\s*[.、](?!\d)|[((]\s*[一二三四五六七八九十\d]{1,3}\s*[))]|[一二三四五六七八九十]{1,2}是"
_LEADING = regex.compile(
    rf"^(?:其中|包括|包含|分别为|分别是|分别|具体为|主要为|主要|含|即|另|及|和|与|并|以及|共|合计|共计|总计|{_LIST_MARK}|\s)+")
_TRAILING = regex.compile(r"(?:为|是|共计|合计|总计|共|计|达到|达|约占|占|约|约为|近|逾|超过|累计|金额|\s)+$")
_USE_AFTER = regex.compile(r"\s*(?:主要|全部|专项)?用于\s*(?P<use>[^,,;;。()\d]{2,40})")
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!度?[\-—~至到])")
_CUMULATIVE = regex.compile(r"累计|截至|截止|总计|合计|共计|全部|总额|总投资|项目期|期间")
# '每户0.15万元', '0.15万元/户的标准': a rate per unit, whatever its unit says.
_PER_UNIT_BEFORE = regex.compile(r"(?:每|人均|户均|亩均)[\p{Han}]{0,3}$")
# ('按每户0.15万元的标准', '按人口数10元每户拨付': the unit named after the figure; matched at the figure's end, with no '^',
# which would anchor at the text's start)
# ('标准化厂房', '每年分两次拨付': a kind of works, and when the money is paid, not a rate per unit)
_PER_UNIT_AFTER = regex.compile(r"\s*(?:的)?(?:标准(?!化|厂房|件)|/|每(?![年月日季天次期周])(?=\p{Han}))")
_RESTATED = regex.compile(r"^\s*[((]\s*(?:约|合|折合|即)?\s*$")
# a clause that refers back to the figures before it and sums them ('两项合计', '以上共计'); a category's own sum
# ('约束性任务资金合计575218万元') is one part of a larger list, and is not this
_SUMMED = regex.compile(r"^\s*(?:以上|上述|前述|各项|[两二三四五六七八九十\d]{1,2}(?:项|个|笔|批))?(?:资金|金额|经费)?\s*"
                        r"(?:合计|共计|总计|小计)\s*(?:为|是|达|达到)?\s*[::]?\s*$")


@dataclass(frozen=True)
class Amount:
    """One sum of money in the text, in 元, at [start, end)."""

    value: float
    half_unit: float
    start: int
    end: int
    label: str  # the noun phrase naming the figure ('农田水利建设资金'), '' when none
    label_start: int
    use: str | None  # '用于A' after the figure: what it was spent on
    sentence: int  # index of its sentence in the text
    clause_start: int
    year: int | None  # a single year its clause ties it to
    cumulative: bool  # its clause says it is a running or whole-period total
    restates: int | None = None  # index of the amount this one restates in another unit
    per_unit: bool = False  # a standard per household, person, mu…: '按每户0.15万元标准', not a sum
    # its clause sums the figures before it ('两项合计90万元', '以上共计460万元'); the label keeps no 合计 (_TRAILING drops
    # it), so this says the figure adds others up and is no part beside them
    summed: bool = False

    @property
    def name(self) -> str:
        """What the figure is for: its use when the text says one, else its label."""
        return self.use or self.label


@lru_cache(maxsize=64)
def _find(text: str) -> tuple[Amount, ...]:
    sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
    out: list[Amount] = []
    prev_end, s_idx = 0, 0
    for m in _FIGURE.finditer(text):
        if not m[0][0].isdigit() and not _CHINESE_FIGURE.match(text, m.start()):
            continue
        num = _yi_wan(m) if m["yi"] else parse_amount(m[0])
        if num is None or num.value <= 0:
            continue
        while s_idx < len(sentences) and sentences[s_idx] <= m.start():
            s_idx += 1
        sentence_start = sentences[s_idx - 1] if s_idx else 0
        marks = [x.end() for x in _CLAUSE_MARK.finditer(text, max(sentence_start, prev_end), m.start())]
        clause_start = max([sentence_start, prev_end] + marks)
        raw = text[clause_start:m.start()]
        if not raw.strip() and clause_start - 1 > max(sentence_start, prev_end) and text[clause_start - 1] == ":":
            # '汲冢镇:68.4万元': a list line names the figure before its colon
            before = [x.end() for x in _CLAUSE_MARK.finditer(text, max(sentence_start, prev_end), clause_start - 1)]
            clause_start = max([sentence_start, prev_end] + before)
            raw = text[clause_start:m.start()].replace(":", "")
        lead = _LEADING.match(raw)
        label = _balanced(_TRAILING.sub("", raw[lead.end() if lead else 0:]).strip(" \t\"“”'、"))[-_MAX_LABEL:]
        label_start = max(text.find(label, clause_start, m.start()), clause_start) if label else m.start()
        use = _USE_AFTER.match(text, m.end())
        clause_end = _CLAUSE_MARK.search(text, m.end())
        clause = text[clause_start:clause_end.start() if clause_end else len(text)]
        years = {int(y) for y in _YEAR.findall(raw)}
        per_unit = bool(_PER_UNIT_BEFORE.search(raw) or _PER_UNIT_AFTER.match(text, m.end()))
        restates = None
        if out and _RESTATED.match(text[out[-1].end:m.start()]) and _same_figure(out[-1].value, num.value, out[-1].half_unit, num.half_unit):
            restates = len(out) - 1
        out.append(Amount(num.value, num.half_unit, m.start(), m.end(), label, label_start,
                          use["use"].strip(" 、等") if use else None, s_idx, clause_start,
                          years.pop() if len(years) == 1 else None, bool(_CUMULATIVE.search(clause)), restates,
                          per_unit, bool(_SUMMED.search(raw))))
        if not per_unit:  # a standard quoted inside a clause does not end the next figure's label
            prev_end = m.end()
    return tuple(out)


def _yi_wan(m) -> Number:
    wan = m["wan"].replace(",", "")
    decimals = len(wan.split(".")[1]) if "." in wan else 0
    return Number(float(m["yi"]) * 1e8 + float(wan) * 1e4, 0.5 * 10 ** -decimals * 1e4)


def _balanced(label: str) -> str:
    """A label without a bracket opened before it or left open after it: '(含城关镇' → '城关镇'."""
    depth, cut = 0, 0
    for k, ch in enumerate(label):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                cut = k + 1  # closes a bracket opened before the label
            else:
                depth -= 1
    label = label[cut:]
    while label.count("(") > label.count(")"):
        label = label[label.index("(") + 1:]
    return regex.sub(r"^(?:含|包括|其中)\s*", "", label).strip()


def _same_figure(a: float, b: float, ha: float, hb: float) -> bool:
    return abs(a - b) <= max(ha, hb) + 1e-6


def find_amounts(text: str) -> list[Amount]:
    """Every amount in `text`, in order."""
    return list(_find(text))

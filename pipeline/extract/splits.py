"""Totals and their parts in the prose, found from the amounts layer by structure.

A split is a total and the labelled amounts that make it up. Reports write them as

* a total, a cue, then the parts: 'A万元, 其中 a万元、b万元' (其中 / 包括 / 分别为 / 具体为 / 用于 / 如下);
* the parts, then their total: 'a万元、b万元, 合计A万元';
* a run of uses without a total: 'x万元用于A; y万元用于B'.

Parts are read in order until they reach the total, until a word turns the list into a comparison
('同比增加…'), or until a figure is itself a total ('支出合计…'). Amounts inside a bracket after a part
are that part's own split, not parts of the outer one. Two splits of one total (by source and by use)
printed in one list are kept apart by the family of their labels, each paired with the total whose
label is of its family (收入 ↔ sources, 支出 ↔ expense classes).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex

from ..numbers import UNITS, parse_arabic, parse_chinese_integer
from .amounts import Amount, find_amounts

# What introduces the parts after a total.
_PARTS_CUE = regex.compile(
    r"其中|包括|包含|分别为|分别是|具体为|具体如下|明细如下|分配如下|安排如下|如下|构成为|组成为|构成|组成|"
    r"按[\p{Han}]{0,8}?(?:用途|类别|项目|内容)(?:划分|分)?|用于")
# A sentence that opens with a cue lists the parts of a total stated before it (or of none stated):
# '资金主要用于以下方面: 一是…X万元; 二是…', '按资金用途划分, A占X万元, B占Y万元'.
_LIST_CUE = regex.compile(
    r"(?:主要)?用于以下(?:方面|几个方面|内容)|(?:主要)?用于\s*:|(?:具体|分配|安排|明细)如下|"
    r"按[\p{Han}]{0,8}?(?:用途|类别|项目|内容)(?:划分|分)?|(?:具体)?(?:构成|组成)(?:为|如下)")
# '分别安排A、B和C资金X万元、Y万元、Z万元': names listed first, then their amounts in the same order.
_RESPECTIVELY = regex.compile(r"分别(?:安排|下达|拨付|补助|投入|用于|为|是)?(?P<names>[^,,。;:\d]{4,160}?)(?:资金|经费|补助)?(?:为|各)?(?=\d)")
_NAME_SEP = regex.compile(r"、|和|及|与|以及")
# What opens a part's own breakdown inside the outer list.
_NESTED_CUE = regex.compile(r"其中|包括|包含|含|分别为|具体为")
# The words that make the next figure a comparison, not a part.
_COMPARISON = regex.compile(r"同比|比上年|较上年|比去年|较去年|增加|减少|增长|下降|降低|增幅|降幅|上年度|上年同期")
# A figure whose label names a total is never a part.
_TOTAL_WORD = regex.compile(r"合计|共计|总计|总额|总投资|累计|小计")
_COUNT = regex.compile(r"共(?:计|有)?\s*(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个|项|类|笔|处)")
# '支出799.12万元。其中: 人员经费…': a sentence opening with 其中 breaks down the figure ending the one before.
_NEXT_SENTENCE_CUE = regex.compile(r"^\s*。\s*其中")
_OPEN_LIST = regex.compile(r"^\s*等")  # 'A、B等' names some of the parts only

# Label families (DOMAIN.md §2: 收入 by source, 支出 by economic class).
_SOURCE = regex.compile(
    r"财政拨款|财政资金|自筹|自有|单位资金|上年结转|结转结余|事业收入|经营收入|其他收入|上级补助|附属单位|"
    r"债券|专项债|社会资本|银行贷款|捐赠|^(?:中央|省级?|市级?|县级?|区级?|乡级?|镇级?|自治区|上级|本级|地方)"
    r"(?:财政|本级)?(?:配套|补助|专项)?(?:资金|拨款|收入|投入)?$|收入$")
_EXPENSE = regex.compile(r"基本支出|项目支出|人员经费|公用经费|人员支出|公用支出|工资福利|商品和服务|对个人和家庭|资本性支出|支出$")
_PLACE = regex.compile(r"^[\p{Han}]{1,8}(?:县|区|市|旗|乡|镇|村|街道|社区)$")
_YEAR_LABEL = regex.compile(r"^(?:19|20)\d{2}\s*年")


@dataclass
class Split:
    """A total and its parts. `total` is None where the text lists parts without one."""

    total: Amount | None
    parts: list[Amount]
    cue: str
    family: str  # source | expense | year | place | item
    count: int | None = None  # '共N项' stated with it
    open: bool = False  # the list ends in 等: the parts named are not all of them
    names: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min([p.start for p in self.parts] + ([self.total.start] if self.total else []))

    @property
    def end(self) -> int:
        return max([p.end for p in self.parts] + ([self.total.end] if self.total else []))

    @property
    def parts_sum(self) -> float:
        return round(sum(p.value for p in self.parts), 6)

    @property
    def tolerance(self) -> float:
        return (self.total.half_unit if self.total else 0) + sum(p.half_unit for p in self.parts)

    def adds_up(self) -> bool | None:
        if self.total is None:
            return None
        return abs(self.parts_sum - self.total.value) <= self.tolerance + 1e-6


def family_of(labels: list[str]) -> str:
    def one(label: str) -> str:
        if _YEAR_LABEL.match(label):
            return "year"
        if _SOURCE.search(label):
            return "source"
        if _EXPENSE.search(label):
            return "expense"
        if _PLACE.match(label):
            return "place"
        return "item"
    kinds = [one(x) for x in labels]
    return max(set(kinds), key=kinds.count) if kinds else "item"


def _family(a: Amount) -> str:
    return family_of([a.label]) if not a.use else "item"


@lru_cache(maxsize=64)
def _find(text: str) -> tuple[Split, ...]:
    amounts = [a for a in find_amounts(text) if a.restates is None]
    depth = _bracket_depths(text, amounts)
    taken: set[int] = set()
    out: list[Split] = _respectively(text, amounts, taken)
    for i in range(len(amounts)):
        split = _cue_led(text, amounts, i, taken)
        if split is not None:
            out.append(split)
    for i in range(len(amounts)):
        split = _after_total(text, amounts, depth, i, taken)
        if split is not None:
            out.extend(split)
    for i in range(len(amounts)):
        split = _before_total(text, amounts, i, taken)
        if split is not None:
            out.append(split)
    out.extend(_uses(amounts, taken))
    out.extend(_table_splits(text))
    out.sort(key=lambda s: s.start)
    return tuple(out)


def find_splits(text: str) -> list[Split]:
    """Every total-with-parts the text states, in order."""
    return list(_find(text))


def _bracket_depths(text: str, amounts: list[Amount]) -> list[int]:
    """How many brackets are open at each amount, counted from its sentence's start."""
    out, depth, pos, sentence = [], 0, 0, -1
    for a in amounts:
        if a.sentence != sentence:
            depth, pos, sentence = 0, a.clause_start, a.sentence
        seg = text[pos:a.start]
        depth = max(0, depth + seg.count("(") + seg.count("(") - seg.count(")") - seg.count(")"))
        out.append(depth)
        pos = a.start
    return out


def _named(a: Amount) -> bool:
    return bool(a.name) and not _TOTAL_WORD.search(a.label) and not a.per_unit


def _after_total(text, amounts, depth, i, taken) -> list[Split] | None:
    total = amounts[i]
    nxt = amounts[i + 1] if i + 1 < len(amounts) else None
    if nxt is None or total.use:
        return None  # a figure with its own use ('x万元用于A') is a part, not a total
    between = text[total.end:nxt.label_start]
    if nxt.sentence != total.sentence and not _NEXT_SENTENCE_CUE.match(between):
        return None
    cue = _PARTS_CUE.search(between)
    if cue is None or len(between) > 40 or _COMPARISON.search(between[:cue.start()]):
        return None
    sentence = nxt.sentence
    parts: list[Amount] = []
    nested: set[int] = set()
    for k in range(i + 1, len(amounts)):
        a = amounts[k]
        if a.sentence != sentence or k in taken and parts:
            break
        if depth[k] > depth[i + 1] or k in nested or a.per_unit:
            continue  # a part's own breakdown, in brackets or after its own cue; a standard per unit
        gap = text[(parts[-1].end if parts else total.end):a.label_start]
        if not _named(a) or _COMPARISON.search(a.label) or _COMPARISON.search(gap) or a.value > total.value + total.half_unit:
            break
        parts.append(a)
        if abs(sum(p.value for p in parts) - total.value) < 1e-6:
            break  # the parts have reached their total
        nested |= _own_breakdown(text, amounts, k)
    parts = _closest_prefix(parts, total)
    if len(parts) < 2:
        return None
    count = _count_before(text, total)
    splits = _by_family(text, amounts, i, total, parts, cue[0], count)
    for s in splits:
        taken.update(amounts.index(p) for p in s.parts)
    return splits


def _closest_prefix(parts: list[Amount], total: Amount) -> list[Amount]:
    """The run of parts that comes nearest its total within the printed precision (the rounding of
    each figure); where none does, the whole run, which does not add up — that is the finding."""
    best, best_err = None, None
    for n in range(2, len(parts) + 1):
        err = abs(sum(p.value for p in parts[:n]) - total.value)
        if err <= total.half_unit + sum(p.half_unit for p in parts[:n]) + 1e-6 and (best_err is None or err < best_err - 1e-6):
            best, best_err = parts[:n], err
    return best if best is not None else parts


def _own_breakdown(text, amounts, k) -> set[int]:
    """'…项目25万元, 包括A 18万、B 7万; …': the figures after a part's own cue that add up to it."""
    part = amounts[k]
    if part.use or k + 1 >= len(amounts) or not _NESTED_CUE.match(text[part.end:amounts[k + 1].label_start].lstrip(",,:: ")):
        return set()
    run, total = set(), 0.0
    for j in range(k + 1, len(amounts)):
        a = amounts[j]
        if a.sentence != part.sentence or total + a.value > part.value + part.half_unit + 1e-6:
            break
        run.add(j)
        total += a.value
        if abs(total - part.value) <= part.half_unit + 1e-6:
            return run
    return set()  # no run adds up to the part: its figures stay in the outer list


def _by_family(text, amounts, i, total, parts, cue, count) -> list[Split]:
    """One list holding two splits (sources and expense classes side by side) is cut in two, each
    part kept with the total of its own family."""
    families = [_family(p) for p in parts]
    groups = {f for f in families if f in ("source", "expense")}
    if len(groups) < 2:
        return [_split(text, total, parts, cue, count)]
    out = []
    for fam in ("source", "expense"):
        mine = [p for p, f in zip(parts, families) if f == fam]
        own_total = _total_of_family(amounts[:i + 1], fam, total.sentence)
        if len(mine) >= 2:
            out.append(_split(text, own_total, mine, cue, None))
    return out


def _total_of_family(before: list[Amount], fam: str, sentence: int) -> Amount | None:
    word = "收入" if fam == "source" else "支出"
    for a in reversed(before):
        if a.sentence != sentence:
            break
        if word in a.label:
            return a
    return None


def _split(text, total, parts, cue, count) -> Split:
    tail = text[parts[-1].end:parts[-1].end + 3]
    names = [p.name for p in parts]
    return Split(total, parts, cue, family_of([p.label for p in parts]) if not any(p.use for p in parts) else "item",
                 count, bool(_OPEN_LIST.match(tail)), names)


def _before_total(text, amounts, i, taken) -> Split | None:
    """'a万元、b万元, 合计A万元': the named figures right before a total-worded one, in its sentence."""
    total = amounts[i]
    if i in taken or not _TOTAL_WORD.search(text[total.clause_start:total.start]):
        return None
    parts = []
    for k in range(i - 1, -1, -1):
        a = amounts[k]
        if a.sentence != total.sentence or k in taken or not _named(a) or a.value > total.value:
            break
        parts.insert(0, a)
        if abs(sum(p.value for p in parts) - total.value) <= total.half_unit + sum(p.half_unit for p in parts) + 1e-6:
            break
    if len(parts) < 2 or _PARTS_CUE.search(text[parts[0].clause_start - 12:parts[0].start]) is None and \
            abs(sum(p.value for p in parts) - total.value) > total.half_unit + sum(p.half_unit for p in parts) + 1e-6:
        return None  # without a cue, only a run that adds up is a split
    taken.update(amounts.index(p) for p in parts)
    taken.add(i)
    return _split(text, total, parts, "合计", None)


def _reached(parts: list[Amount], total: Amount) -> bool:
    return abs(sum(p.value for p in parts) - total.value) <= total.half_unit + sum(p.half_unit for p in parts) + 1e-6


def _cue_led(text, amounts, i, taken) -> Split | None:
    """A sentence's first amount after a list cue: the named amounts of that sentence are the parts; the
    total is the figure that ends the sentence before, where one does."""
    first = amounts[i]
    if i in taken or (i > 0 and amounts[i - 1].sentence == first.sentence):
        return None
    sentence_start = max(text.rfind("。", 0, first.clause_start), text.rfind("\n\n", 0, first.clause_start)) + 1
    cue = _LIST_CUE.search(text, sentence_start, first.start)
    if cue is None:
        return None
    parts, k = [], i
    while k < len(amounts) and amounts[k].sentence == first.sentence and k not in taken:
        a = amounts[k]
        k += 1
        if a.per_unit:
            continue  # a standard quoted inside a part's description ('按每户0.15万元标准')
        gap = text[(parts[-1].end if parts else cue.end()):a.label_start]
        if not _named(a) or _COMPARISON.search(a.label) or _COMPARISON.search(gap):
            break
        parts.append(a)
    if len(parts) < 2:
        return None
    prev = amounts[i - 1] if i > 0 else None
    total = prev if prev is not None and not text[prev.end:sentence_start].strip(" 。\n") else None
    if total is not None:
        parts = _closest_prefix(parts, total)
    taken.update(amounts.index(p) for p in parts)
    return _split(text, total, parts, cue[0], None)


def _respectively(text, amounts, taken) -> list[Split]:
    """'分别安排A、B和C资金386.52万元、2,147.36万元、168.72万元, 合计2,702.6万元'."""
    out = []
    for m in _RESPECTIVELY.finditer(text):
        names = [n.strip() for n in _NAME_SEP.split(m["names"]) if n.strip()]
        run = [k for k, a in enumerate(amounts) if a.start >= m.end()][:len(names)]
        if len(names) < 2 or len(run) < len(names) or amounts[run[0]].start != m.end():
            continue
        if any(not regex.fullmatch(r"\s*[、,,和及]\s*", text[amounts[a].end:amounts[b].start]) for a, b in zip(run, run[1:])):
            continue  # the amounts must follow one another as a list
        parts = [replace(amounts[k], label=name, label_start=text.find(name, m.start("names"))) for k, name in zip(run, names)]
        after = run[-1] + 1
        total = None
        if after < len(amounts) and _TOTAL_WORD.search(text[amounts[run[-1]].end:amounts[after].start]) \
                and len(text[amounts[run[-1]].end:amounts[after].start]) < 8:
            total = amounts[after]
            taken.add(after)
        taken.update(run)
        out.append(_split(text, total, parts, "分别", None))
    return out


def _uses(amounts, taken) -> list[Split]:
    """'x万元用于A; y万元用于B' with no total before them: the uses of one sentence."""
    out, by_sentence = [], {}
    for k, a in enumerate(amounts):
        if a.use and k not in taken:
            by_sentence.setdefault(a.sentence, []).append(a)
    for uses in by_sentence.values():
        if len(uses) >= 2:
            out.append(Split(None, uses, "用于", "item", names=[u.name for u in uses]))
    return out


def _count_before(text: str, total: Amount) -> int | None:
    zone = text[max(0, total.clause_start - 30):total.end]
    found = list(_COUNT.finditer(zone))
    if not found:
        return None
    n = found[-1]["n"]
    return int(n) if n.isdigit() else parse_chinese_integer(n)


# A table of named amounts: a column naming each row's work, use or place, and an amount column whose
# header names the unit ('| 序号 | 项目名称 | 金额(万元) |').
_NAME_HEAD = regex.compile(r"(?:子?项目|工程|建设内容|资金用途|用途|名称|内容|地区|县(?:\(市、?区\))?|县区|乡镇|单位)(?:名称)?")
_AMOUNT_HEAD = regex.compile(r"(?:金额|资金|预算|投资|补助|安排|分配|下达)[^|()]{0,8}\((?P<unit>亿元|万元|千元|元)\)")
_NOT_NAME_HEAD = regex.compile(r"序号|编号|^No\.?$|\(|预算|执行|金额|资金|分值|得分|权重|指标")
_TABLE_TOTAL = regex.compile(r"^(?:合计|总计|共计)$")
_PIPE_ROW = regex.compile(r"(?m)^[ \t]*\|.*\|[ \t]*$")


def _table_splits(text: str) -> list[Split]:
    out = []
    rows = list(_PIPE_ROW.finditer(text))
    for k, head in enumerate(rows):
        cells = [c.strip() for c in head[0].strip().strip("|").split("|")]
        amount_col = next((i for i, c in enumerate(cells) if _AMOUNT_HEAD.search(c) and "率" not in c), None)
        # the name column: one that names works or places by its header, else the first column that is
        # neither a row number nor a measured quantity ('受助人数(人)')
        name_col = next((i for i, c in enumerate(cells) if _NAME_HEAD.fullmatch(c)), None)
        if name_col is None:
            name_col = next((i for i, c in enumerate(cells) if i != amount_col and c and not _NOT_NAME_HEAD.search(c)), None)
        if name_col is None or amount_col is None:
            continue
        factor = UNITS[_AMOUNT_HEAD.search(cells[amount_col])["unit"]]
        parts, total, line_end = [], None, head.end()
        for row in rows[k + 1:]:
            if text[line_end:row.start()].strip():
                break  # the table ended
            line_end = row.end()
            amount = _table_amount(row, name_col, amount_col, factor)
            if amount is None:
                continue
            if _TABLE_TOTAL.match(amount.label.replace(" ", "")):
                total = amount
                break
            parts.append(amount)
        if len(parts) >= 2:
            out.append(Split(total, parts, "table", family_of([p.label for p in parts]), names=[p.label for p in parts]))
    return out


def _table_amount(row, name_col: int, amount_col: int, factor: float) -> Amount | None:
    line = row[0]
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    cells = [(bars[i] + 1, bars[i + 1]) for i in range(len(bars) - 1)]
    if max(name_col, amount_col) >= len(cells):
        return None
    a, b = cells[amount_col]
    raw = line[a:b].strip()
    num = parse_arabic(raw)
    if num is None:
        return None
    na, nb = cells[name_col]
    label = line[na:nb].strip()
    if not label:  # the total row often leaves the name cell empty and writes 合计 in the first cell
        label = next((line[x:y].strip() for x, y in cells if _TABLE_TOTAL.match(line[x:y].strip())), "")
    start = row.start() + a + line[a:b].index(raw)
    return Amount(round(num.value * factor, 6), num.half_unit * factor, start, start + len(raw), label,
                  row.start() + na, None, -1, row.start(), None, bool(_TABLE_TOTAL.match(label)), per_unit=False)

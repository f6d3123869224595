"""Totals and their parts in the prose, found from the amounts layer by structure.

A split is a total and the labelled amounts that make it up. Reports write them as

* names first, then their amounts: '分别安排A、B和C资金x、y、z万元, 合计…' / 'A、B分别为x、y万元';
* a total, a cue, then the parts: 'A万元, 其中 a万元、b万元' (其中 / 包括 / 分别为 / 具体为 / 用于 / 如下),
  also with the cue opening the next sentence ('支出799.12万元。其中: …');
* a sentence opening with a list cue ('资金主要用于以下方面: 一是…; 二是…'): the parts of the total the
  sentence before allocated, or of the total its figure belongs to;
* the parts, then their total: 'a万元、b万元, 合计A万元';
* a run of uses without a total: 'x万元用于A; y万元用于B';
* a table of named amounts (split_tables.py).

Parts are read in order until they reach the total, until a word turns the list into a comparison
('同比增加…'), until a figure is itself a total ('支出合计…') or a spend ('已支出…'). Amounts inside a bracket
after a part, or after its own 包括, are that part's own split. Two splits of one total (by source and
by use) printed in one list are kept apart by the family of their labels, each paired with the total
whose label is of its family (收入 ↔ sources, 支出 ↔ expense classes).
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..numbers import AMOUNT_RE, UNITS, parse_arabic, parse_count, sums_exactly
from .amounts import Amount, find_amounts
from .split_tables import line_table_splits, spaced_table_splits, table_splits

# What introduces the parts after a total.
_PARTS_CUE = regex.compile(
    r"其中|包括|包含|(?<=\()含|分别为|分别是|具体(?:为|是)|具体如下|明细如下|分配如下|安排如下|如下|构成为|组成为|构成|组成|"
    r"按[\p{Han}]{0,8}?(?:用途|类别|项目|内容)(?:划分|分)?|用于"
    # a bracket opened right after the total, its amounts adding up to it ('资金800万元(财政预算740万元,年底追加…
    # 资金60万元)'): taken only where they do (_after_total)
    r"|(?<=元)\s*[((](?!\s*(?:其中|包括|包含|含))"
    # a clause after the total that ends on a colon ('项目资金440万元, 项目资金已经分配下达到项目建设单位: A 140万元、…'):
    # taken, as the bracket is, only where the parts add up to the total
    r"|(?<=元\s*[,,][^,,。;;::\d]{2,30})[::]")
# A sentence that opens with a cue lists the parts of a total stated before it (or of none stated):
# '资金主要用于以下方面: 一是…X万元; 二是…', '按资金用途划分, A占X万元, B占Y万元'.
_LIST_CUE = regex.compile(
    r"(?:主要)?用于以下(?:方面|几个方面|内容)|(?:主要)?用于\s*:|(?:资金)?安排\s*:|(?:具体|分配|安排|明细)如下|"
    r"按[\p{Han}]{0,8}?(?:用途|类别|项目|内容)(?:划分|分)?|(?:具体)?(?:构成|组成)(?:为|如下)|"
    # '…资金项目, 用于A 1.065万元, B 2.1万元, …': a clause that opens on 用于 and lists named amounts
    r"(?<=[,,;;])\s*(?:主要|分别)?用于(?=\p{Han})|"
    # '…将资金切块下达各市, 其中: 南宁市610万元、…': 其中 before any figure of its sentence lists the parts of
    # funds named earlier, without their total
    r"(?<=[,,])\s*其中\s*[::]|"
    # '…分4批次下达至本局。分别是A 22.65万元、B 50万元…': the named amounts after 分别是 are the parts
    # ('…项目资金1950万元。分别为:2021年个旧市…资金1000万元;…': a part's name may open with its year)
    r"分别(?:是|为)\s*[::]?(?=\p{Han}|(?:19|20)\d{2}年)|"
    # '实际支出6,027.60万元, 详情如下:' (the numbered lines that follow are read by subprojects' paragraphs)
    r"(?:详情|详细情况|明细情况)如下|"
    # '…下达预算资金9378万元。具体是: A 3005万元; B 1235万元…': the figure's items, spelt out in the next sentence
    # (numbered items, '具体为: 一是…。二是…', run over sentences of their own: the item reader takes them)
    r"(?<=。)\s*具体(?:是|为)\s*[::](?!\s*(?:[一二三四五六七八九十]{1,2}是|\d{1,2}\s*[.、]|[((]))")
# The cue a clause's first part carries in its label ('主要用于A 100万元').
_USE_CUE_LEAD = regex.compile(r"^\s*(?:主要|分别)?用于")
# '支出799.12万元。其中: 人员经费…': a sentence opening with 其中 breaks down the figure ending the one before.
_NEXT_SENTENCE_CUE = regex.compile(r"^\s*。\s*其中")
# What opens a part's own breakdown inside the outer list.
_NESTED_CUE = regex.compile(r"其中|包括|包含|含|分别为|具体(?:为|是)")
# what a part includes: a list of its items that need not be all of them
_INCLUDES = regex.compile(r"包括|包含")
# The respectively form. Names first, a verb of allocation, then the amounts in the same order:
_VERB = r"(?:安排|下达|拨付|补助|投入|用于)"
_RESPECTIVELY_BEFORE = regex.compile(rf"分别{_VERB}?(?P<names>[^,。;:\d]{{4,160}}?)(?:资金|经费|补助)?(?:为|各)?(?=\d)")
# … or names, then 分别为 and the amounts: 'A、B分别为x万元、y万元'.
_RESPECTIVELY_AFTER = regex.compile(r"(?P<names>[^,。;:\d]{4,80}?)分别(?:为|是|安排|下达)(?:资金|经费)?\s*(?=\d)")
# Between the amounts of one respectively list.
_LIST_SEP = regex.compile(r"\s*[、,和及]\s*")
# The words that make the next figure a comparison, not a part.
COMPARISON = regex.compile(r"同比|比上年|较上年|比去年|较去年|增加|减少|增长|下降|降低|增幅|降幅|上年度|上年同期")
# what the last year left over ('上年度结余的资金6.47万元'): a part of the year's funds, no comparison with the last
# year, only in a list that makes its total (a carry-over used for one part is named in a list of others too)
_CARRIED_OVER = regex.compile(r"(?<!\p{Han})上年度?的?(?:结余|结转)(?:的)?(?:资金|经费)?$")
# A figure whose label names a total is never a part.
_TOTAL_WORD = regex.compile(r"合计|共计|总计|总额|总投资|累计|小计")
# A label that opens with a spending verb names what was done with the money, not one of its parts
# ('已支出10万元' after '其中城关镇60万元, 新华镇30万元').
_SPENT = regex.compile(r"^(?:已|实际|累计|全年|共|当年)?(?:支出|支付|执行|拨付|到位|使用|发放|结余|结转|完成)")
# ... and so does one that ends with such a verb in its perfect ('目前项目资金已拨付270万元' after '303万元, 其中
# 项目管理费3万元'); a bare '…支出' ending a label is a kind of spending ('人员支出10万元'), a part.
_SPENT_AT_END = regex.compile(r"(?:已经?|实际|累计)(?:支出|支付|执行|拨付|到位|使用|发放|完成)了?$")
# The words that allocate a total to its parts (DOMAIN.md §4.1 budget synonyms), for a list cued in the
# next sentence: '安排项目资金500万元。资金主要用于: …'.
_ALLOCATING = regex.compile(r"安排|下达|预算|资金|投入|投资|计划|拨款")
# How far after a total its cue may stand ('…1316.88万元, 全部为区本级财政资金, 按用途分为三部分: …').
_CUE_REACH = 40
# A label that names only the money, not what it is for: the part is then named by its item.
_GENERIC_LABEL = regex.compile(r"^(?:该项|此项|该子项目|其中)?(?:安排|下达|投入|拨付|补助|预算|计划|落实)?(?:资金|经费|金额|补助资金|补助)?$")
# The marker that opens one item of a list: '一是', '1.', '(一)'.
_ITEM_MARK = regex.compile(r"(?:[一二三四五六七八九十]{1,2}是|(?<![\d.])\d{1,2}\s*[.、](?!\d)|[((][一二三四五六七八九十\d]{1,2}[))])\s*")
_COUNT_TAIL = regex.compile(r"\d+\s*[\p{Han}]{1,2}$")  # '新建农村文化礼堂12家': the work, not its count
_COUNT = regex.compile(r"共(?:计|有)?\s*(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个|项|类|笔|处)")
# 'A、B等' names some of the parts only; so does a list after which 'the rest' comes from elsewhere ('…200万元,其余由
# 县级财政配套')
_OPEN_LIST = regex.compile(r"^\s*(?:等|[,,;;、]\s*(?:其余|剩余|余下|不足部分|差额))")
# where a list's items part: the amounts of one item stand between two of these
_ITEM_BREAK = regex.compile(r"[;;。]")
_EMPTY_ITEM = regex.compile(r"[、,,;]\s*[、,,;]")

# Label families (DOMAIN.md §2: 收入 by source, 支出 by economic class).
# A source is named by the level of government that pays (中央, 省级, 地方, 村集体 …) and the kind of money
# ('地方财政配套补助资金' stacks two kinds), or by a fund class of the budget (财政拨款, 自筹, 其他资金 …).
_SOURCE = regex.compile(
    r"财政拨款|财政资金|自筹|自有|单位资金|上年结转|结转结余|事业收入|经营收入|其他收入|上级补助|附属单位|"
    r"一般公共预算|政府性基金|国有资本经营预算|财政专户|"  # the budgets funds come from (按收入性质分)
    r"债券|专项债|社会资本|银行贷款|捐赠|^其他资金(?:渠道|来源)?$|"
    r"^(?:中央|省级?|市级?|县级?|区级?|乡级?|镇级?|自治区|上级|本级|地方|村集体|村级|集体)"
    r"(?:财政|本级)?(?:配套|补助|专项|奖补|补贴){0,2}(?:资金|经费)?(?:拨款|收入|投入)?$|收入$|"
    # the level's treasury, or the level that allots it, named first ('第一批中央财政专项扶贫资金', '省内安排农机…补贴资金')
    r"^(?:第[一二三四五六七八九十\d]{1,2}批)?(?:中央|省级?|市级?|县级?|区级?|自治区)(?:财政|[内级]?安排)")
# The stages of one budget ('财政预算740万元, 年底追加…60万元', '年初预算…, 调增…'), the tranches the funds came in
# (第一批…, the day it was allotted) and the state of the money (spent, left over): how the figure came to be, not
# what it is spent on.
_STAGE = regex.compile(r"^(?:年初|年中|年底|年末)?(?:财政)?预算(?:安排)?$|^(?:年初|年中|年底|年末)?(?:追加|调增|调减|追减)|"
                       r"第[一二三四五六七八九十\d]{1,2}批次?\p{Han}{0,8}?$|^(?:19|20)\d{2}\D{0,2}\d{1,2}\D{0,2}\d{1,2}日|"
                       r"^(?:(?:19|20)\d{2}年度?)?(?:实际|累计|已)?(?:支出|使用|支付)(?:资金|经费|金额)?$|"
                       r"(?:结余|剩余|未使用|未支出)(?:资金|经费)?$")
# The classes of spending, two closed lists: the economic classes (政府支出经济分类) and the functional classes
# (政府收支分类科目, 类 level: 教育支出, 社会保障和就业支出 …). 'X支出' naming a use (图书采购支出) is an item.
_FUNCTIONAL_CLASS = (r"一般公共服务|外交|国防|公共安全|教育|科学技术|文化旅游体育与传媒|文化体育与传媒|社会保障和就业|卫生健康|"
                     r"医疗卫生(?:与计划生育)?|节能环保|城乡社区|农林水|交通运输|资源勘探[\p{Han}]{0,6}|商业服务业等|金融|"
                     r"援助其他地区|自然资源海洋气象等|国土海洋气象等|住房保障|粮油物资储备|灾害防治及应急管理|债务付息|其他")
# ('“校园文化经费”项目支出20.67万元': one named project's spending is an item; 项目支出 is the class where it stands
# alone, or opens the label)
_EXPENSE = regex.compile(r"基本支出|(?<![”\"’'])项目支出|人员经费|公用经费|人员支出|公用支出|工资福利|商品和服务|对个人和家庭|资本性支出|"
                         rf"对企业补助|债务利息|^(?:\d{{3}}\s*)?(?:{_FUNCTIONAL_CLASS})(?:\(类\))?支出$")
_PLACE = regex.compile(r"^[\p{Han}]{1,8}(?:县|区|市|旗|乡|镇|村|街道|社区)$")
_YEAR_LABEL = regex.compile(r"^(?:19|20)\d{2}\s*年")
_DAY = regex.compile(r"\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
# Where the labels of a list are split evenly, the more specific family names it.
_FAMILY_ORDER = ("year", "source", "stage", "expense", "place", "item")


@dataclass
class Split:
    """A total and its parts. `total` is None where the text lists parts without one."""

    total: Amount | None
    parts: list[Amount]
    cue: str
    family: str  # source | stage | expense | year | place | item
    count: int | None = None  # '共N项' stated with it
    open: bool = False  # the list ends in 等, or a scrape stripped parts of it: the parts named are not all
    # a word or a figure that could be no part of it ended the list before its sentence did, short of its total:
    # the figures after it are unread (certainty.list_stopped)
    stopped: bool = False
    # the parts are those of a share of the total the text names but gives no amount ('其中项目资金两项:'): no sum
    # of theirs is the total's
    share: bool = False

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.parts]

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
        if (year := _YEAR_LABEL.match(label)):
            # '2021年省级资金': a source, dated ('2021年、2022年…共计1838247万元,其中2021年省级资金…、中央资金…')
            if _SOURCE.search(label[year.end():].lstrip("度")):
                return "source"
            # '2018年11月30日提前下达': the day a tranche came, not a year's share
            return "stage" if _DAY.match(label, year.end()) else "year"
        if _SOURCE.search(label):
            return "source"
        if _STAGE.search(label):
            return "stage"
        if _EXPENSE.search(label):
            return "expense"
        if _PLACE.match(label):
            return "place"
        return "item"
    kinds = [one(x) for x in labels]
    years = {_YEAR_LABEL.match(x)[0] for x, k in zip(labels, kinds) if k == "year"}
    if len(years) < 2:
        # parts by year name two years at least: one dated part ('2018年市本级预算安排…') is dated, not a year's share
        kinds = [one(_YEAR_LABEL.sub("", x).lstrip("度")) if k == "year" else k for x, k in zip(labels, kinds)]
    if not kinds:
        return "item"
    return max(_FAMILY_ORDER, key=lambda f: (kinds.count(f), -_FAMILY_ORDER.index(f)))


def _family(a: Amount) -> str:
    return family_of([a.label]) if not a.use else "item"


def find_splits(text: str, gaps: Callable[[int, int], list[int]] | None = None) -> list[Split]:
    """Every total-with-parts the text states, in order (copies: the cached reading stays intact); `gaps` (where
    normalising took a raw space out of text[a:b]) also reads the tables a scrape wrote with spaces between cells."""
    out = [replace(s, parts=list(s.parts)) for s in _find(text)]
    if gaps is not None:
        out = sorted(out + spaced_table_splits(text, _table_split, gaps), key=lambda s: s.start)
    return out


class _Reading:
    """The amounts of one text and which split each one has been given to."""

    def __init__(self, text: str):
        self.text = text
        self.amounts = [a for a in find_amounts(text) if a.restates is None]
        self.index = {a.start: k for k, a in enumerate(self.amounts)}
        self.part_of: dict[int, Split] = {}  # amount index → the split it is a part of
        self.total_of: dict[int, Split] = {}  # amount index → the split it is the total of
        self.depth = _bracket_depths(text, self.amounts)
        # parts whose own list of what they include (包括 / 包含) comes short of them, inside another total's list:
        # the items named, not all of them (their sum asserts nothing)
        self.some_items: set[int] = set()
        self._item_marks: list[int] | None = None

    @property
    def item_marks(self) -> list[int]:
        """Where every list item's marker ('一是', '1.', '(一)') starts, found once for the whole text."""
        if self._item_marks is None:
            self._item_marks = [m.start() for m in _ITEM_MARK.finditer(self.text)]
        return self._item_marks

    def used(self, k: int) -> bool:
        return k in self.part_of or k in self.total_of

    def keep(self, split: Split) -> Split:
        for p in split.parts:
            self.part_of[self.index[p.start]] = split
        if split.total is not None and split.total.start in self.index:
            self.total_of[self.index[split.total.start]] = split
        return split


@lru_cache(maxsize=64)
def _find(text: str) -> tuple[Split, ...]:
    r = _Reading(text)
    out: list[Split] = _respectively(r)
    for i in range(len(r.amounts)):
        out.extend(_after_total(r, i))
    for i in range(len(r.amounts)):
        split = _cue_led(r, i)
        if split is not None:
            out.append(split)
    for i in range(len(r.amounts)):
        split = _before_total(r, i)
        if split is not None:
            out.append(split)
    out.extend(_uses(r))
    _totals_by_sum(r, out)
    out.extend(_closing_runs(r))
    out.extend(table_splits(text, _table_split))
    out.extend(line_table_splits(text, _table_split))
    out.sort(key=lambda s: s.start)
    return tuple(out)


def _table_split(total: Amount | None, parts: list[Amount]) -> Split:
    return Split(total, parts, "table", family_of([p.label for p in parts]))


def _bracket_depths(text: str, amounts: list[Amount]) -> list[int]:
    """How many brackets are open at each amount, counted from its sentence's start (NFKC has made
    every round bracket the ASCII one)."""
    out, depth, pos, sentence = [], 0, 0, -1
    for a in amounts:
        if a.sentence != sentence:
            depth, pos, sentence = 0, a.clause_start, a.sentence
        seg = text[pos:a.start]
        # '〈结余15万元已上缴财政〉': the angle bracket (U+3008, what NFKC makes of U+2329) brackets an aside too
        depth = max(0, depth + seg.count("(") + seg.count("〈") - seg.count(")") - seg.count("〉"))
        out.append(depth)
        pos = a.start
    return out


def _reached(parts: list[Amount], total: Amount) -> bool:
    return abs(sum(p.value for p in parts) - total.value) <= total.half_unit + sum(p.half_unit for p in parts) + 1e-6


def _is_subtotal(a: Amount) -> bool:
    """A named figure worded as a total of its own part ('一批项目县级批复总投资3374.3万元'), neither a running total nor a
    spend: a part of a grand total where the figures make it up exactly."""
    return bool(a.name) and bool(_TOTAL_WORD.search(a.label)) and not regex.search(r"累计|合计|共计|总计", a.label) \
        and not a.per_unit and not _SPENT.match(a.label) and not COMPARISON.search(a.label)


def _is_part(a: Amount) -> bool:
    """A figure that can be one part of a list: named, neither a total nor a spend, nor a standard per unit."""
    return bool(a.name) and not _TOTAL_WORD.search(a.label) and not a.summed and not a.per_unit \
        and not _SPENT.match(a.label) and not _SPENT_AT_END.search(a.label) and not COMPARISON.search(a.label)


def _after_total(r: _Reading, i: int) -> list[Split]:
    text, amounts = r.text, r.amounts
    total = amounts[i]
    j = next((k for k in range(i + 1, len(amounts)) if not amounts[k].per_unit), None)
    nxt = amounts[j] if j is not None else None
    if nxt is None or total.use or i in r.total_of or total.per_unit:
        return []  # a figure with its own use ('x万元用于A') is a part, not a total
    between = text[total.end:nxt.label_start]
    next_sentence = nxt.sentence != total.sentence
    if next_sentence and not _NEXT_SENTENCE_CUE.match(between):
        return []
    # the cue follows the total closely; the first part may come later, after its item's description
    cue = _PARTS_CUE.search(text, total.end, min(nxt.label_start, total.end + _CUE_REACH))
    if cue is None or COMPARISON.search(text, total.end, cue.start()):
        return []
    if (unitless := _UNITLESS_BEFORE_CUE.search(text, total.end, cue.start())) is not None:
        # the cue hangs on a figure printed without its unit ('预算数1080245.79万元,执行数1032849.44(含中央资金
        # 689139.31万元,…)'), not on the amount before it: that figure is the total, in its parts' unit, where
        # the parts add up to it exactly; else the list has no total the reading can be sure of
        total = _unitless_total(r, total, unitless, nxt)
    if next_sentence and i in r.part_of:
        total = r.part_of[i].total  # '…分别安排A、B资金20万元、40万元。其中A…': the same total again
        if total is None:
            return []
    parts: list[Amount] = []
    nested: set[int] = set()
    stop = None  # where a word or a figure ended the list before its sentence did
    for k in range(i + 1, len(amounts)):
        a = amounts[k]
        if (a.sentence != nxt.sentence and not _next_numbered_item(text, cue.end(), parts, a)) \
                or (parts and r.used(k)) or r.depth[k] < r.depth[j]:
            break  # a list opened inside a bracket ('985万元(含A 50万元), 调整后…') ends where it closes
        if r.depth[k] > r.depth[j] or k in nested or a.per_unit:
            continue  # a part's own breakdown, in brackets or after its own cue; a standard per unit
        if parts and abs(a.value - parts[-1].value) < 1e-9 and not _ITEM_BREAK.search(text, parts[-1].end, a.start) \
                and (not a.name or _GENERIC_LABEL.match(a.label)):
            continue  # the item states its amount again, unnamed ('缺口资金105.04万元,…,105.04万元将于竣工后支付'): one part
        a = _named_part(r, a, parts[-1].end if parts else cue.end())
        gap = text[(parts[-1].end if parts else total.end):a.label_start]
        if not _is_part(a) or COMPARISON.search(gap) or a.value > total.value + total.half_unit:
            stop = k
            break
        parts.append(a)
        if abs(sum(p.value for p in parts) - total.value) < 1e-6:
            break  # the parts have reached their total
        nested |= _own_breakdown(r, k)
    parts = _closest_prefix(parts, total)
    if unitless is not None and not _reached(parts, total):
        return []
    if stop is not None and len(parts) >= 1 and not _reached(parts, total):
        parts = _on_to_the_total(r, total, parts, stop, r.depth[j], nested)
    # (stopped only where a figure that could be a part follows in the sentence: a list ending on a spend, a change or a
    # larger figure has lost nothing)
    stopped = stop is not None and not _reached(parts, total) and any(
        _is_part(a) and a.value <= total.value for a in amounts[stop + 1:] if a.sentence == amounts[stop].sentence)
    # a bracket's parts lie inside it ('111万元(某财直〔2020〕67号),调减40万元,…71万元': a document's number there)
    bracket = cue[0].strip() in "(("
    colon = cue[0].strip() in "::" and text[total.end:cue.start()].strip(" ,,")
    if len(parts) < 2 or bracket and (r.depth[j] <= r.depth[i]
                                      or abs(sum(p.value for p in parts) - total.value) > total.half_unit) \
            or colon and not _reached(parts, total):
        return []
    splits = _by_family(r, i, total, parts, cue[0], _count_before(text, total))
    if _NAMED_SUBSET.match(text, cue.end()):
        # '100.46万元, 其中项目资金两项: A 34.5万元…; B 5.8万元': the parts of a named share of the total, whose amount
        # is not stated
        splits = [replace(s, share=True) for s in splits]
    if i in r.some_items:
        splits = [replace(s, open=True) for s in splits]
    if stopped:
        splits = [replace(s, stopped=True) for s in splits]
    return [r.keep(s) for s in splits]


# A list laid out as numbered paragraphs, each its own sentence ('其中:\n(1)A工程,安排资金1435万元。\n(2)B,安排资金25万元。'):
# the first part opens a numbered line after the cue, and each next part stands on the next numbered line, nothing but
# the sentence's end after the part before it.
_OPENS_NUMBERED_LINE = regex.compile(rf"\n\s*{_ITEM_MARK.pattern}[^。;;\n]*$")
_ON_THE_NEXT_NUMBERED_LINE = regex.compile(rf"[^\d。;;\n]{{0,20}}[。;;]?\s*\n\s*{_ITEM_MARK.pattern}[^。;;\n]*$")


def _next_numbered_item(text: str, cue_end: int, parts: list[Amount], a: Amount) -> bool:
    return bool(parts) and bool(_OPENS_NUMBERED_LINE.search(text, cue_end, parts[0].start)) \
        and bool(_ON_THE_NEXT_NUMBERED_LINE.match(text, parts[-1].end, a.start))


# a share of the total named with its count right after the cue ('其中项目资金两项:', '其中专项经费3项:'): the list after
# it is that share's
_NAMED_SUBSET = regex.compile(r"\s*[::]?\s*\p{Han}{0,8}(?:资金|经费|支出)\s*(?:[两二三四五六七八九十]|\d{1,2})\s*(?:项|笔|类|个)\s*[::]")
# a figure with no unit ending the text between an amount and the cue of a list ('…,全区执行数1032849.44(含'),
# its label the words before it in its clause
# its label a money word ('执行数', '支出'): a count, a code or a year there ('覆盖乡镇12(其中…', '实施年度2023(含…') is
# no total, and the list is the amount's before it
_UNITLESS_BEFORE_CUE = regex.compile(r"(?P<label>[\p{Han}]{0,10}(?:执行数|预算数|决算数|支出数?|资金|金额|投资|拨付|到位|下达|安排|"
                                     r"合计|总额|总计|共计))(?P<figure>\d+(?:\.\d+)?)[\s((]*$")


def _unitless_total(r: _Reading, before: Amount, m: regex.Match, first_part: Amount) -> Amount:
    """The unitless figure `m` as an amount in the unit of the list's first part."""
    unit = AMOUNT_RE.search(r.text, first_part.start, first_part.end)
    factor = UNITS[unit["unit"]] if unit else 1
    figure = parse_arabic(m["figure"])
    return replace(before, value=round(figure.value * factor, 4), half_unit=figure.half_unit * factor,
                   start=m.start("figure"), end=m.end("figure"), label=m["label"], label_start=m.start("label"),
                   clause_start=m.start("label"), use=None, restates=None, summed=False)


def _on_to_the_total(r: _Reading, total: Amount, parts: list[Amount], stop: int, depth: int,
                     nested: set[int]) -> list[Amount]:
    """A list that a word ended short of its total ('中标价为2472551.80元,其中:建安工程费…;支付场地补助经费50万元,
    展品购置经费15万元'), where the figures after that word, to the sentence's end, make it up exactly: those figures
    are the rest of the list (the report's own total says so). Otherwise the list stays as read."""
    more = []
    for k in range(stop, len(r.amounts)):
        a = r.amounts[k]
        if a.sentence != total.sentence and a.sentence != parts[-1].sentence or r.used(k):
            break
        if r.depth[k] != depth or k in nested or a.per_unit or not a.name or a.summed:
            continue  # (a sum of the parts so far, '两项合计90万元', is none of them: the list goes on after it)
        spent = _SPENT.match(a.label)
        if spent and (len(a.label) - spent.end() < 4 or _DONE.match(a.label)) or _TOTAL_WORD.search(a.label) \
                or COMPARISON.search(a.label):
            break  # '已支出10万元', '已支付供应商货款10万元': a spend of the total, never one of its parts
        more.append(_named_part(r, a, (more[-1] if more else parts[-1]).end))
        if sums_exactly(parts + more, total):
            return parts + more
        if sum(p.value for p in parts + more) > total.value + total.half_unit:
            break
    return parts


def _named_part(r: _Reading, a: Amount, floor: int, force: bool = False) -> Amount:
    """A part whose label names only the money ('安排资金956.88万元', '计240万元') is named by its item: the
    words after the item's marker (一是 / 1. / (一)), else the first clause since the part before, without
    a trailing count ('新建农村文化礼堂12家' → 新建农村文化礼堂). `force`: the label is not the name whatever it
    says (every part of the list has the same one: '1.A工程⏎…核定投资1,125万元 2.B工程⏎…核定投资786万元')."""
    if a.use or not (force or _GENERIC_LABEL.match(a.label)):
        return a
    seg = r.text[floor:a.label_start]
    marks = list(_ITEM_MARK.finditer(seg))
    start = marks[-1].end() if marks else 0
    m = regex.match(r"[\s,;:、]*(?P<name>[^,;:。\n]{2,40})", seg[start:])
    if not m:
        return a
    name = _COUNT_TAIL.sub("", m["name"].strip()).strip()
    if len(name) < 2 or _SPENT.match(name):
        return a
    return replace(a, label=name, label_start=floor + start + m.start("name"))


def _closest_prefix(parts: list[Amount], total: Amount) -> list[Amount]:
    """The run of parts that comes nearest its total within the printed precision (the rounding of
    each figure); where none does, the whole run, which does not add up — that is the finding."""
    best, best_err = None, None
    for n in range(2, len(parts) + 1):
        err = abs(sum(p.value for p in parts[:n]) - total.value)
        if _reached(parts[:n], total) and (best_err is None or err < best_err - 1e-6):
            best, best_err = parts[:n], err
    return best if best is not None else parts


def _own_breakdown(r: _Reading, k: int) -> set[int]:
    """'…项目25万元, 包括A 18万、B 7万; …': the figures after a part's own cue that add up to it."""
    amounts = r.amounts
    part = amounts[k]
    if part.use or k + 1 >= len(amounts) or \
            not _NESTED_CUE.match(r.text[part.end:amounts[k + 1].label_start].lstrip(",:: ")):
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
    # a part's own list of what it includes, to the sentence's end, that comes short of it ('其中基本支出决算数为
    # 2994.57万元,包含工资福利支出1754.89万元;商品和服务支出452.34万元;…。'): still the part's items, never siblings of it
    cue = r.text[part.end:amounts[k + 1].label_start].lstrip(",:: ")
    if _INCLUDES.match(cue) and run and max(run) == _last_in_sentence(amounts, k):
        r.some_items.add(k)
        return run
    return set()  # no run adds up to the part: its figures stay in the outer list


def _last_in_sentence(amounts: list[Amount], k: int) -> int:
    last = k
    while last + 1 < len(amounts) and amounts[last + 1].sentence == amounts[k].sentence:
        last += 1
    return last


def _by_family(r: _Reading, i: int, total: Amount, parts: list[Amount], cue: str, count: int | None) -> list[Split]:
    """One list holding two splits (sources and expense classes side by side) is cut in two, each
    part kept with the total of its own family."""
    families = [_family(p) for p in parts]
    groups = {f for f in families if f in ("source", "expense")}
    if len(groups) < 2:
        return [_split(r.text, total, parts, cue, count)]
    out = []
    for fam in ("source", "expense"):
        mine = [p for p, f in zip(parts, families) if f == fam]
        own_total = _total_of_family(r.amounts[:i + 1], fam, total.sentence)
        if len(mine) >= 2:
            out.append(_split(r.text, own_total, mine, cue, None))
    return out


def _total_of_family(before: list[Amount], fam: str, sentence: int) -> Amount | None:
    word = "收入" if fam == "source" else "支出"
    for a in reversed(before):
        if a.sentence != sentence:
            break
        if word in a.label:
            return a
    return None


def _split(text: str, total: Amount | None, parts: list[Amount], cue: str, count: int | None) -> Split:
    tail = text[parts[-1].end:parts[-1].end + 8]
    family = family_of([p.label for p in parts]) if not any(p.use for p in parts) else "item"
    # 'A 100万元、、、B 10万元': separators with nothing between them are parts a scrape stripped
    stripped = any(_EMPTY_ITEM.search(text, a.end, b.label_start) for a, b in zip(parts, parts[1:]))
    return Split(total, parts, cue, family, count, bool(_OPEN_LIST.match(tail)) or stripped)


def _cue_led(r: _Reading, i: int) -> Split | None:
    """A sentence's first amount after a list cue: the named amounts of that sentence are the parts. Their
    total is the figure ending the sentence before where it allocates funds (安排/下达…资金), or the total
    of the split that figure belongs to; else none is stated."""
    text, amounts = r.text, r.amounts
    first = amounts[i]
    if r.used(i):
        return None
    sentence_start = max(text.rfind(m, 0, first.clause_start) for m in ("。", "!", "?", "\n\n")) + 1
    after_semicolon = i > 0 and amounts[i - 1].sentence == first.sentence
    if after_semicolon:
        # a clause after a semicolon that closes a whole split ('…2272万元, 其中: 中央1753万元, 省级519万元;
        # 用于A 609.22万元、B…'): the same total broken down again, as a sentence of its own would
        semicolon = max(text.rfind(m, 0, first.clause_start) for m in (";", ";")) + 1
        closed = r.part_of.get(i - 1)
        if not (semicolon > amounts[i - 1].end and closed is not None and closed.total is not None
                and _reached(closed.parts, closed.total)):
            return None
        sentence_start = semicolon
    cue = _LIST_CUE.search(text, sentence_start, first.start)
    if cue is None:
        return None
    parts = []
    for k in range(i, len(amounts)):
        a = amounts[k]
        if a.sentence != first.sentence or r.used(k):
            break
        if a.per_unit:
            continue  # a standard quoted inside a part's description ('按每户0.15万元标准')
        lead = _USE_CUE_LEAD.match(a.label) if not parts and a.label_start < cue.end() <= a.start else None
        if lead:  # '用于A 1.065万元': the first part is named A, without its cue
            a = replace(a, label=a.label[lead.end():], label_start=a.label_start + lead.end())
        a = _named_part(r, a, parts[-1].end if parts else cue.end())
        gap = text[(parts[-1].end if parts else cue.end()):a.label_start]
        if not _is_part(a) or COMPARISON.search(gap):
            break
        parts.append(a)
    if len(parts) < 2:
        return None
    total = _stated_before(r, i, sentence_start)
    if total is not None:
        parts = _closest_prefix(parts, total)
    if after_semicolon and (total is None or not _reached(parts, total)):
        return None  # ('…;用于甲镇300万元、乙镇200万元,其余资金用于…': some uses of the total, not its breakdown)
    return r.keep(_split(text, total, parts, cue[0], None))


def _stated_before(r: _Reading, i: int, sentence_start: int) -> Amount | None:
    if i == 0:
        return None
    prev = r.amounts[i - 1]
    if not r.text[prev.end:sentence_start].strip(" 。;;\n"):  # the sentence (or clause) before ends on its figure
        if i - 1 in r.part_of:
            return r.part_of[i - 1].total  # the same total broken down again, by another dimension
        if i - 1 in r.total_of or (_ALLOCATING.search(prev.label) and not _SPENT.match(prev.label)):
            return prev
        return None
    # else the figure the sentence before allocates: '项目预算300万元, 资金来源为…。资金主要用于: …'
    for k in range(i - 1, -1, -1):
        a = r.amounts[k]
        if a.sentence != prev.sentence:
            break
        if not r.used(k) and _ALLOCATING.search(a.label) and not _SPENT.match(a.label) and not a.per_unit:
            return a
    return None


# a clause that is the sum word alone before its figure ('…、市本级涉法涉诉救助资金30万元,共219万元'): 共 elsewhere
# is no total ('共有', '公共', '共同'), so only where it stands alone
_BARE_SUM_CLAUSE = regex.compile(r"\s*(?:以上|上述)?(?:总|一)?共(?:为|是)?\s*")
# what, after a bare 共 total, adds to it or takes the project's share of it ('…共300万元;县级配套资金100万元',
# '…共200万元。其中本项目…', '另安排…'): the sum is not the project's whole
_MORE_AFTER = regex.compile(r"其中|另|配套|自筹|本项目")
# a part named by the level that pays it ('中央车购税资金', '省级交通专项资金', '2021年中央衔接资金'): a source of the
# money, never a sub-project (not a project a level's word opens: '市本级涉法涉诉救助资金')
LEVEL_SOURCE = regex.compile(r"(?:(?:19|20)\d{2}年度?)?(?:中央|省级?|市级?|州级?|县级?|区级?|上级|自治区|本级)\p{Han}{0,5}?"
                              r"(?:资金|补助|拨款|配套)$")
_AFTER_REACH = 16


def _after_figure(text: str, total: Amount) -> str:
    """The rest of the total's sentence and the opening of the next."""
    end = text.find("。", total.end)
    end = len(text) if end < 0 else end
    return text[total.end:min(len(text), end + 1 + _AFTER_REACH)]


_TOTAL_OPENS = regex.compile(r"\s*(?:以上)?(?:共计|合计|总计)")


def _before_total(r: _Reading, i: int) -> Split | None:
    """'a万元、b万元, 合计A万元': the named figures right before a total-worded one, in its sentence."""
    text, amounts = r.text, r.amounts
    total = amounts[i]
    clause = text[total.clause_start:total.start]
    bare = not _TOTAL_WORD.search(clause)
    if r.used(i) or (bare and not _BARE_SUM_CLAUSE.fullmatch(clause)) or (bare and _MORE_AFTER.search(_after_figure(text, total))):
        return None
    # a sentence that opens with the total ('…项目3万元。共计下达…资金3580.69万元。') sums the list before it
    opens_sentence = _TOTAL_OPENS.match(text, total.clause_start) is not None
    parts = []
    subtotals = False  # a part worded as a total of its own ('一批项目县级批复总投资3374.3万元')
    carries = False  # what the last year left over, among the parts
    for k in range(i - 1, -1, -1):
        a = amounts[k]
        in_reach = a.sentence == total.sentence or (opens_sentence and a.sentence == total.sentence - 1)
        if in_reach and r.depth[k] > r.depth[i]:
            continue  # a part's own breakdown in brackets ('…总投资3374.3万元(其中建筑工程3292万元)'): not a part
        subtotal = _is_subtotal(a)
        carried = bool(_CARRIED_OVER.search(a.label)) and not a.use
        if not in_reach or r.depth[k] < r.depth[i] or r.used(k) or not (_is_part(a) or subtotal or carried) \
                or a.value > total.value:
            break
        subtotals |= subtotal
        carries |= carried
        parts.insert(0, a)
        if _reached(parts, total):
            break
    if len(parts) < 2 or subtotals and not sums_exactly(parts, total) or carries and not _reached(parts, total):
        return None  # (sub-totals, and a carry-over, are parts of a grand total only where they make it up)
    cued = _PARTS_CUE.search(text[max(0, parts[0].clause_start - 12):parts[0].start]) is not None
    if (not cued or parts[0].sentence != total.sentence) and not _reached(parts, total):
        return None  # without a cue, or over a sentence's end, only a run that adds up is a split
    return r.keep(_split(text, total, parts, "合计", None))


def _uses(r: _Reading) -> list[Split]:
    """'x万元用于A; y万元用于B' with no total before them: the uses of one sentence."""
    by_sentence: dict[int, list[Amount]] = {}
    for k, a in enumerate(r.amounts):
        if a.use and not r.used(k):
            by_sentence.setdefault(a.sentence, []).append(a)
    return [r.keep(Split(None, uses, "用于", "item")) for uses in by_sentence.values() if len(uses) >= 2]


# The cue of a split read from its arithmetic alone (_closing_runs): no word ties its parts to the total.
SUM_CUE = "sum"
# How far a list may stand from the total it adds up to, where no cue ties them: in amounts, and in characters.
_SUM_REACH = 24
_SUM_CHARS = 2500


def _totals_by_sum(r: _Reading, splits: list[Split]) -> None:
    """A list read without its total ('…项目支出609.74万元。…具体如下: 1、A 5万元; 2、B 5万元; …') is given the figure
    before it that its parts add up to exactly: the report's own arithmetic ties them where no cue does."""
    for split in splits:
        if split.total is not None or len(split.parts) < 2 or split.open:
            continue
        first = r.index.get(split.parts[0].start)
        if first is None:
            continue
        for k in range(first - 1, max(-1, first - 1 - _SUM_REACH), -1):
            a = r.amounts[k]
            if split.parts[0].start - a.end > _SUM_CHARS:
                break
            if a.per_unit or (k in r.part_of and r.part_of[k].total is not None) or _STAGE_TOTAL.search(a.label):
                continue
            if sums_exactly(split.parts, a):
                split.total = a
                r.total_of.setdefault(k, split)
                break


def _closing_runs(r: _Reading) -> list[Split]:
    """A figure followed, over sentence and paragraph breaks, by named figures that add up to it exactly is their
    total, with or without a cue (DOMAIN.md: a stated total ties its parts by their sum). The parts are either the
    figures that follow it one after another, or the first figure of each numbered item ('一是安排A 322万元,配套…
    161万元。二是…'), where an item's later figures are its own detail. Figures in brackets are asides."""
    out = []
    for i, total in enumerate(r.amounts):
        if total.per_unit or total.use or i in r.part_of or _STAGE_TOTAL.search(total.label):
            continue
        following = _following(r, i)
        for run in (following, _first_of_each_item(r, i, following)):
            parts = _run_to(r, total, run)
            if parts is not None:
                out.append(r.keep(_split(r.text, total, parts, SUM_CUE, None)))
                break
    return out


def _following(r: _Reading, i: int) -> list[int]:
    total = r.amounts[i]
    run = []
    for k in range(i + 1, min(len(r.amounts), i + 1 + _SUM_REACH)):
        a = r.amounts[k]
        if a.start - total.end > _SUM_CHARS or (k in r.part_of and r.part_of[k].total is not None):
            break
        if not a.per_unit and r.depth[k] == 0:
            run.append(k)
    return run


def _first_of_each_item(r: _Reading, i: int, following: list[int]) -> list[int]:
    if not following:
        return []
    total = r.amounts[i]
    every = r.item_marks
    marks = every[bisect.bisect_left(every, total.end):bisect.bisect_left(every, r.amounts[following[-1]].start)]
    firsts, seen = [], set()
    for k in following:
        item = bisect.bisect_right(marks, r.amounts[k].start)
        if item == 0:
            if firsts:
                break  # a figure after the items, outside any of them
            continue
        if item not in seen:
            seen.add(item)
            firsts.append(k)
    return firsts if len(firsts) < len(following) else []


def _run_to(r: _Reading, total: Amount, run: list[int]) -> list[Amount] | None:
    """The parts from the start of `run` that reach `total` exactly, or None."""
    parts: list[Amount] = []
    for k in run:
        a = r.amounts[k]
        if k in r.part_of:  # a part of a list read without its total, as that list names it ('A和B分别为x和y')
            a = next(p for p in r.part_of[k].parts if p.start == a.start)
        a = _named_part(r, a, parts[-1].end if parts else total.end)
        gap = r.text[(parts[-1].end if parts else total.end):a.label_start]
        if not _is_part(a) or _BUDGET_STAGE_WORD.search(a.label) or COMPARISON.search(gap) or a.value >= total.value \
                or (not a.use and _GENERIC_LABEL.match(a.label)):
            return None  # (a part named by nothing but the money, '安排资金200万元', is no named part)
        parts.append(a)
        if len(parts) >= 2 and sums_exactly(parts, total):
            return _own_names(r, total, parts)  # None where the parts have no names of their own
        if sum(p.value for p in parts) > total.value + total.half_unit:
            return None
    return None


# A figure named as a stage or state of the budget ('调整后预算491.88万元' after '年初预算520万元, 年中调减28.12万元')
# is the same money again, never one of its parts, however the figures add.
_REMAINDER_OR_CHANGE = r"结转|结余|余额|剩余|追加|追减|调增|调减"
_BUDGET_STAGE_WORD = regex.compile(rf"(?:年初|全年|调整后)预算|调整后|{_REMAINDER_OR_CHANGE}|^(?:已|未|尚未|尚)|报账|兑付|兑现")
# what was done with money, in the perfect: a spend of it
_DONE = regex.compile(r"^(?:已经?|实际|累计|全年|共|当年)")
# A total a list is tied to by arithmetic alone is never a stage or a remainder of the budget ('上年结转资金50.5万元',
# '年中追加300万元'): a list of uses that sums to it does so by chance.
_STAGE_TOTAL = regex.compile(_REMAINDER_OR_CHANGE)
# A verb that allots the part leads its label and is no part of its name ('安排农机购置补贴322万元').
ALLOTTING_LEAD = regex.compile(r"^(?:安排|下达|拨付|投入)(?:给|到|至)?(?:我[省市县区州])?(?=\p{Han}{4})")


# what a clause that introduces or reports on a list says, never a part's name
_NOT_A_NAME = regex.compile(r"如下$|^(?:已|未|尚)|情况$")


def _own_names(r: _Reading, total: Amount, parts: list[Amount]) -> list[Amount] | None:
    """Names for a run's parts: one label on every part names none of them (they are named by their items), and a
    leading allotting verb is dropped."""
    if len({p.label for p in parts}) < len(parts):
        floors = [total.end] + [p.end for p in parts[:-1]]
        parts = [_named_part(r, p, floor, force=True) for p, floor in zip(parts, floors)]
        if len({p.label for p in parts}) < len(parts) or any(_NOT_A_NAME.search(p.label) for p in parts):
            return None  # no heading names each part: the parts are unnamed, and a list of them says nothing
    out = []
    for p in parts:
        lead = ALLOTTING_LEAD.match(p.label) if not p.use else None
        out.append(replace(p, label=p.label[lead.end():], label_start=p.label_start + lead.end()) if lead else p)
    return out


def _respectively(r: _Reading) -> list[Split]:
    """'分别安排A、B和C资金386.52万元、2,147.36万元、168.72万元, 合计2,702.6万元' / 'A、B分别为x、y万元'."""
    text, amounts = r.text, r.amounts
    out = []
    for m in [*_RESPECTIVELY_BEFORE.finditer(text), *_RESPECTIVELY_AFTER.finditer(text)]:
        run = [k for k, a in enumerate(amounts) if a.start >= m.end()]
        if not run or amounts[run[0]].start != m.end() or r.used(run[0]):
            continue
        k = 1
        while k < len(run) and _LIST_SEP.fullmatch(text[amounts[run[k - 1]].end:amounts[run[k]].start]):
            k += 1
        run = run[:k]
        if len(run) == 1 and text[:m.end()].rstrip().endswith("各"):
            # '分别下达宣汉县和万源市各80万元': one amount, each name's
            names = _names(m["names"], _name_count(m["names"]))
            run = run * len(names) if names else run
        else:
            names = _names(m["names"], len(run))
        if names is None or len(run) < 2:
            continue
        parts = [replace(amounts[k], label=name, label_start=text.find(name, m.start("names")), use=None)
                 for k, name in zip(run, names)]
        after = run[-1] + 1
        total = None
        before = run[0] - 1
        if after < len(amounts) and len(text[amounts[run[-1]].end:amounts[after].start]) < 8 \
                and _TOTAL_WORD.search(text[amounts[run[-1]].end:amounts[after].start]):
            total = amounts[after]  # '…, 合计2,702.6万元'
        elif before >= 0 and not r.used(before) and amounts[before].sentence == amounts[run[0]].sentence \
                and len(text[amounts[before].end:m.start()].strip(" ,")) == 0 and _ALLOCATING.search(amounts[before].label):
            total, after = amounts[before], before  # '项目资金60万元, 分别安排A、B资金…'
        if total is None:
            after = None
        split = Split(total, parts, "分别", family_of(names))
        for k in run:
            r.part_of[k] = split
        if after is not None:
            r.total_of[after] = split
        out.append(split)
    return out


def _names(listed: str, n: int) -> list[str] | None:
    """The n names of a respectively list: cut at 、, the last pair joined by 和 / 及 / 以及 where the 、
    pieces are one short ('A、B和C'); a 和 inside a name ('水利和林业局') is left alone otherwise."""
    # ('(1)A和B分别为…': the names begin after the item's mark, whose digit the names' pattern stops before)
    listed = regex.sub(r"^\)?\s*(?:对|向|为|给)?", "", listed.strip())
    pieces = [p.strip() for p in listed.split("、") if p.strip()]
    if len(pieces) == n - 1:
        last = regex.split(r"以及|和|及|与", pieces[-1], maxsplit=1)
        pieces = pieces[:-1] + [p.strip() for p in last]
    if len(pieces) == 1 and n == 2:
        pieces = [p.strip() for p in regex.split(r"以及|和|及|与", pieces[0], maxsplit=1)]
    return pieces if len(pieces) == n and all(pieces) else None


def _name_count(listed: str) -> int:
    """How many names a list holds that no figures count off ('A、B和C' → 3): its 、 pieces, the last pair
    joined by 和 / 及 / 以及 / 与."""
    pieces = [p for p in listed.split("、") if p.strip()]
    return len(pieces) + (1 if pieces and regex.search(r"以及|和|及|与", pieces[-1]) else 0)


_COUNT_AFTER = regex.compile(rf"[\s,,]*(?:{_COUNT.pattern})")


def count_after(text: str, end: int) -> int | None:
    """The count a list states right after its last part ('…A 120万元、B 80万元共4项'), as _count_before reads one
    before its total."""
    m = _COUNT_AFTER.match(text, end)
    return parse_count(m["n"]) if m else None


def _count_before(text: str, total: Amount) -> int | None:
    zone = text[max(0, total.clause_start - 30):total.end]
    found = list(_COUNT.finditer(zone))
    if not found:
        return None
    return parse_count(found[-1]["n"])

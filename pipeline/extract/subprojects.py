"""Sub-projects (子项目) and their spending items, with the amounts the text calls contracts (合同金额).

Readers are tried in order (`READERS`); the first that finds two or more sub-projects wins:

* an enumeration, '项目包括5个子项目:A、B、C…', followed by numbered paragraphs '1.A …合同金额18万元…';
* two or more allocation documents (下达文件, named by their number), each giving the funds its own amount:
  one sub-project each, named by the funds its title names, with the '其中' list that follows its amount
  (in any sentence that names the document) as its items;
* a breakdown of the budget from the amounts layer (splits.py) — any total with named parts:
  '共9项, 合计52,340万元, 其中A 18,200万元、B…', '30万元用于A; 30万元用于B', 'a县320万元、b县…, 合计…',
  a table of items; the split kept is the one the text ties to the budget (its total or its parts' sum
  is the budget, else the executed amount); sources (财政拨款…), expense classes (基本支出…) and years
  are not sub-projects;
* numbered paragraphs that each allocate an amount to one named work, where those amounts make up the
  budget (or the executed amount); contracts let inside a paragraph are its items;
* a sentence whose named figures, and nothing else, add up to the budget (or the executed amount), with no cue
  or total: '下达我市A补助40万元,下达我市B补助2万元。' of a 42万元 budget;
* a list tied to its total by arithmetic alone, over sentences and numbered items, no cue between them
  ('实际到位资金613万元, 补助情况: (1)A 3万元…(6)F 64万元', splits._closing_runs), tied to the budget as above;
* engineering parts, 'A工程:…总投资1.2亿元';
* works as parallel clauses of one paragraph, each with its investment: '实施A工程…,完成总投资24187万元;…';
* (results_table_subprojects, called apart: a results notice's table of several projects with their amounts).

A sub-project's amount is the figure the text states for it where it states one (a summary
'其中A项目25万元'); otherwise the sum of its items, and the record says which.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from ..numbers import AMOUNT, Number, parse_amount, parse_count
from ..record import Item, Subproject
from .amounts import Amount, find_amounts
from .context import Context, Found
from .result_table import read_result_rows
from .splits import LEVEL_SOURCE, SUM_CUE, Split, family_of
from .statements import Allocation, allocations, runs_to_end

_AMOUNT = regex.compile(AMOUNT)
# '项目包括5个子项目:A、B、C、D、E, 均…': the count and the names, in one sentence.
_ENUM = regex.compile(
    r"(?:包括|包含|分为|共有|设有|由)\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个|项)\s*(?:子项目|子项|分项目|项目内容|部分)\s*[::,]?\s*"
    r"(?P<list>[^。;\n]{4,400}?)(?:[,,]\s*(?:均|都|全部|分别)|[。;\n])")
_CONTRACT = regex.compile(r"合同(?:金额|价款?|总价|额)")
# The amounts layer drops a trailing 金额 from labels ('工程施工合同金额336.8万元' → '工程施工合同').
_CONTRACT_LABEL = regex.compile(r"合同(?:金额|价款?|总价|额)?$")
# 'A工程:' at a line's start: an engineering part's paragraph, and the investment it states.
_WORK = regex.compile(r"(?m)^[ \t]*(?P<name>[\p{Han}]{2,12}?(?:工程|项目|子项目))[::]")
_WORK_AMOUNT = regex.compile(rf"(?:总投资|投资|资金|预算|补助)[^,。;\d]{{0,4}}?(?P<amt>{AMOUNT})")
# Where a sub-project's paragraph ends when no next heading bounds it.
_PARAGRAPH_END = regex.compile(r"\n\s*\n|[((][一二三四五六七八九十][))]|\n[一二三四五六七八九十]、")
# '(一)农村饮水安全巩固提升工程。' / '1.乡村道路硬化项目:' / '三、…': a numbered heading naming one work.
_NUMBERED_HEAD = regex.compile(
    # ('1.2022年度“送戏进万村”95万元;': a number's point before a year is the item's mark, not a decimal point)
    r"(?m)^[ \t]*(?P<mark>[((][一二三四五六七八九十]{1,3}[))]|[((]\d{1,2}[))]|\d{1,2}\s*[.、](?:(?!\d)|(?=(?:19|20)\d{2}年))"
    r"|[一二三四五六七八九十]{1,3}、)"
    r"\s*(?P<name>[^。:;,\n]{2,30}?)\s*(?:[。:;,]|$)")
# A heading of the report's own outline ('(二)项目预算安排和支出情况', '(三)项目绩效目标'): a section, never a work.
_SECTION_HEADING = regex.compile(r"(?:情况|背景|目的|目标|概况|分析|结论|建议|措施|问题|原因|依据|方法|过程|结果|说明|评价|成效)$")
# The words that allocate an amount to a work (DOMAIN.md §4.1 budget synonyms).
_ALLOCATED = regex.compile(r"安排|下达|投入|预算|资金|补助|投资|拨付|计划")
_CLOSING = {"]": "[", "】": "【", ")": "(", "》": "《"}


def _without_stray_close(name: str) -> str:
    """A closing bracket ending a name that opens none ('春节防火宣传]', a converter's leftover) is no part of it."""
    while name and name[-1] in _CLOSING and _CLOSING[name[-1]] not in name:
        name = name[:-1].rstrip()
    return name


# A list marker left at the front of a part's name.
_LIST_MARK = regex.compile(r"^(?:\d{1,2}\s*[.、]|[((]\s*[\d一二三四五六七八九十]{1,3}\s*[))]|[一二三四五六七八九十]是)\s*")
_BREAKDOWN_FAMILIES = ("item", "place")
# what a label adds after a quoted project's name that is no part of it ('“校园文化经费”项目支出')
_CLASS_AFTER_QUOTE = regex.compile(r"(?:项目)?(?:支出|经费|资金)?")


@dataclass
class ItemFact:
    description: str | None
    amount: Found  # value in 元 with its span and half-unit
    is_contract: bool = False


@dataclass
class SubprojectFact:
    """One sub-project as read: its name and amount each with where they were read."""

    name: Found
    amount: Found | None = None
    amount_source: str | None = None  # stated | items_sum
    items: list[ItemFact] = field(default_factory=list)
    items_are_breakdown: bool = True

    def subproject(self) -> Subproject:
        return Subproject(name=self.name.value, amount_yuan=self.amount.value if self.amount else None,
                          items=[Item(i.description, i.amount.value, i.is_contract) for i in self.items],
                          items_are_breakdown=self.items_are_breakdown)


@dataclass(frozen=True)
class Ties:
    """The evaluated funds' figures a list of parts may add up to: the year's budget and the amount spent."""

    budget: Number | None = None
    executed: Number | None = None

    def figures(self) -> list[Number]:
        return [f for f in (self.budget, self.executed) if f is not None]

    def known(self) -> bool:
        return bool(self.figures())


@dataclass
class SubprojectFacts:
    subprojects: list[SubprojectFact] = field(default_factory=list)
    stated_count: Found | None = None
    reader: str | None = None
    statement: tuple[int, int] | None = None  # the text the sub-projects were read from


def read_subprojects(ctx: Context, funds: Ties | None = None) -> SubprojectFacts:
    """The first reader's sub-projects; `funds`: the evaluated funds' figures a breakdown is tied to."""
    funds = funds or Ties()
    for name, reader in READERS.items():
        facts = reader(ctx, funds)
        if len(facts.subprojects) >= 2:
            facts.reader = name
            return facts
    return SubprojectFacts()


def _found(a: Amount) -> Found:
    return Found(a.value, a.start, a.end, a.half_unit)


# --- '包括N个子项目:A、B…' -------------------------------------------------------------------------

def _from_enumeration(ctx: Context, funds: Ties) -> SubprojectFacts:
    text = ctx.text
    facts = SubprojectFacts()
    m = _ENUM.search(text)
    if not m:
        return facts
    count = parse_count(m["n"])
    names = [n.strip(" “”\"") for n in regex.split(r"[、,,;]", m["list"]) if n.strip()]
    if count is None or len(names) != count or any(len(n) > 40 for n in names):
        return facts
    facts.stated_count = Found(count, m.start("n"), m.end("n"))
    facts.statement = (m.start(), m.end())
    # The numbered paragraphs that follow, one per sub-project: '1 .两化融合项目…'.
    heads = [regex.compile(rf"(?:^|(?<=[。;\n]))\s*\(?{k}\s*[.、)]\s*{regex.escape(name[:6])}").search(text, m.end())
             for k, name in enumerate(names, start=1)]
    for k, name in enumerate(names):
        name_pos = text.find(name, m.start("list"))
        sp = SubprojectFact(Found(name, name_pos, name_pos + len(name)))
        h, end = heads[k], -1
        if h is not None:
            nxt = next((x for x in heads[k + 1:] if x is not None), None)
            end = nxt.start() if nxt else _paragraph_end(ctx, h.end())
            sp.items = list(_items(text, h.end() + max(0, len(name) - 6), end))
        stated = _stated_amount(text, name, exclude=(h.start() if h else -1, end), after=m.end())
        if stated is not None:
            sp.amount, sp.amount_source = stated, "stated"
        elif sp.items:
            first, last = sp.items[0].amount, sp.items[-1].amount
            sp.amount = Found(round(sum(i.amount.value for i in sp.items), 2), first.start, last.end,
                              sum(i.amount.half_unit for i in sp.items))
            sp.amount_source = "items_sum"
        facts.subprojects.append(sp)
    return facts


def _paragraph_end(ctx: Context, start: int) -> int:
    """Where the paragraph from `start` ends: a heading, a blank line the document had (NormalisedText.paragraph_ends),
    else 800 characters on."""
    text = ctx.text
    stop = _PARAGRAPH_END.search(text, start)
    end = stop.start() if stop else min(len(text), start + 800)
    # (a blank line right under an item's heading ends its heading, not its paragraph: '2.桥梁维修工程' then its text)
    line_end = text.find("\n", start)
    k = bisect.bisect_left(ctx.norm.paragraph_ends, line_end + 1 if line_end >= 0 else start)
    return min(end, ctx.norm.paragraph_ends[k]) if k < len(ctx.norm.paragraph_ends) else end


def _items(text: str, start: int, end: int):
    """Spending lines inside a sub-project's paragraph: each amount with the words before it."""
    for m in _AMOUNT.finditer(text, start, end):
        num = parse_amount(m[0])
        if num is None or num.value <= 0:
            continue
        clause_start = max(start, *(text.rfind(p, start, m.start()) + 1 for p in ",。;、,"))
        description = text[clause_start:m.start()].strip(" :")
        contract = bool(_CONTRACT.search(description[-8:]))
        if contract:
            description = _CONTRACT.sub("", description).strip(" :为") or "合同金额"
        yield ItemFact(description or None, Found(num.value, m.start(), m.end(), num.half_unit), contract)


def _stated_amount(text: str, name: str, exclude: tuple[int, int], after: int) -> Found | None:
    """'其中区两化融合项目25万元': an amount written right after the sub-project's name, outside its own paragraph."""
    core = regex.escape(name[:8])
    pattern = regex.compile(rf"{core}[^,。;、\d]{{0,{max(2, len(name) - 8 + 12)}}}?(?P<amt>{AMOUNT})")
    for m in pattern.finditer(text, after):
        if exclude[0] <= m.start() < exclude[1]:
            continue
        between = text[m.end(0) - len(m["amt"]) - 12:m.start("amt")]
        if _CONTRACT.search(between) or "用于" in between:
            continue
        num = parse_amount(m["amt"])
        if num is not None:
            return Found(num.value, m.start("amt"), m.end("amt"), num.half_unit)
    return None


# --- one sub-project per allocation document --------------------------------------------------------

def _from_allocations(ctx: Context, funds: Ties) -> SubprojectFacts:
    """Funds that come in by two or more allocation documents are split by them: each document is a
    sub-project with the amount it first allocates. A document restated with a '其中' list after its
    amount gives that list as its items. Documents that share one amount ('A号、B号下达1883万元') are one
    allocation named twice, not two parts. A document whose first amount is one part of a list it passes
    the funds down by ('以98号文将资金切块下达各市, 其中:南宁市610万元、…') states no amount of its own: it hands
    on funds another document brought, and is no part of them."""
    text = ctx.text
    # (a list tied to its total by arithmetic alone says nothing of who passed the funds on)
    passed_down = {p.start for s in ctx.splits if s.cue != SUM_CUE for p in s.parts} - \
        {s.total.start for s in ctx.splits if s.total}
    by_document: dict[str, list[Allocation]] = {}
    for allocation in allocations(text):
        if allocation.amount.start in passed_down and allocation.document not in by_document:
            continue
        by_document.setdefault(allocation.document, []).append(allocation)
    firsts = [mentions[0] for mentions in by_document.values()]
    if len(firsts) < 2 or len({a.amount.start for a in firsts}) < len(firsts):
        return SubprojectFacts()
    splits = {s.total.start: s for s in ctx.splits
              if s.total is not None and not s.open and len(s.parts) >= 2 and s.family in _BREAKDOWN_FAMILIES}
    facts = SubprojectFacts(statement=(min(a.amount.start for a in firsts), max(a.amount.end for a in firsts)))
    for document, mentions in by_document.items():
        first = mentions[0]
        name = first.fund or document
        before = max(0, first.amount.start - 200)  # the sentence naming the document, before its amount
        name_start = text.find(name, before, first.amount.start) if first.fund else -1
        if name_start < 0:
            name_start = text.find(document[-6:], before)
        sp = SubprojectFact(Found(name, name_start, name_start + len(name)), first.amount, "stated")
        own = next((splits[m.amount.start] for m in mentions if m.amount.start in splits), None)
        if own is not None:
            sp.items = [ItemFact(i.name or None, _found(i), bool(_CONTRACT_LABEL.search(i.label))) for i in own.parts]
        facts.subprojects.append(sp)
    return facts


# --- a breakdown of the budget (amounts layer) ---------------------------------------------------------

def _ties(x: float, split: Split, target: Number | None) -> bool:
    return target is not None and abs(x - target.value) <= split.tolerance + target.half_unit + 1e-6


def _tie_rank(split: Split, funds: Ties) -> int:
    """2: the split's total or its parts' sum is the budget; 1: the executed amount; 0: neither."""
    values = [split.parts_sum] + ([split.total.value] if split.total else [])
    if any(_ties(v, split, funds.budget) for v in values):
        return 2
    if any(_ties(v, split, funds.executed) for v in values):
        return 1
    return 0


def _from_breakdown(ctx: Context, funds: Ties, by_sum: bool = False) -> SubprojectFacts:
    """The split of the evaluated funds into named uses, works or places (see the module docstring).
    Where the text gives no budget, a split that adds up to its own total stands on its own. `by_sum`: the splits
    tied to their totals by arithmetic alone, read after every reader of worded lists (which know an item's
    contracts and its own names)."""
    text = ctx.text
    splits = [s for s in ctx.splits if (s.cue == SUM_CUE) == by_sum]
    inner = {s.total.start: s for s in ctx.splits if s.total is not None}
    # a list the document ends inside, its parts short of their total, has lost parts to the cut (dev 36's convention:
    # no sub-projects from a cut list)
    ranked = [(_tie_rank(s, funds), -k, s) for k, s in enumerate(splits)
              if s.family in _BREAKDOWN_FAMILIES and len(s.parts) >= 2 and not s.open
              and not all(LEVEL_SOURCE.fullmatch(p.label) for p in s.parts)
              and not (runs_to_end(text, s.end) and not s.adds_up())]
    # with no budget to tie to: a split that adds up to its own total, or the uses the funds are put to
    # ('资金项目, 用于A 1.065万元, B 2.1万元…', stated with no total)
    ranked = [r for r in ranked if r[0] > 0 or (not funds.known() and
                                                (r[2].adds_up() or (r[2].total is None and "用于" in r[2].cue)))]
    if not ranked:
        return SubprojectFacts()
    _, _, split = max(ranked, key=lambda r: (r[0], r[1]))
    facts = SubprojectFacts(statement=(split.start, split.end))
    if split.count is not None and split.count == len(split.parts) and split.total is not None:
        facts.stated_count = Found(split.count, split.total.clause_start, split.total.end)
    for part in split.parts:
        name = _without_stray_close(_LIST_MARK.sub("", part.name).strip())
        if "”" in name and "“" not in name and name.index("”") >= 2:
            # '“校园文化经费”项目支出': the label began inside the quotes; where a class word follows them, the quotes close
            # the project's name, else they are part of it ('“三支一扶”人员生活补贴')
            close = name.index("”")
            name = name[:close] if _CLASS_AFTER_QUOTE.fullmatch(name[close + 1:]) else "“" + name
        name_start = text.find(name, part.end) if part.use else text.find(name, part.label_start)
        sp = SubprojectFact(Found(name, name_start, name_start + len(name)), _found(part), "stated")
        own = inner.get(part.start)  # the part's own breakdown ('25万元, 包括A 18万、B 7万') is its items
        if own is not None and own.adds_up():
            sp.items = [ItemFact(i.name or None, _found(i), bool(_CONTRACT_LABEL.search(i.label))) for i in own.parts]
        facts.subprojects.append(sp)
    _qualify_repeated_names(text, split.parts, facts.subprojects)
    return facts


_GROUP_BREAK = regex.compile(r"[;;]")
_LEAST_WORK = 2  # characters a work's name keeps once its item word is taken off
_LEAST_ITEM = 2
# what a work's name ends in: the kind of work or place ('…治理工程', '张庄村', '…(塘门口)')
_WORK_END = regex.compile(r"(?:工程|项目|村|社区|小区|镇|乡|街道|学校|医院|中心|站|河|路|桥|库|段|区|\))$")


def _qualify_repeated_names(text: str, parts: list[Amount], subprojects: list[SubprojectFact]) -> None:
    """A list grouped by work, one group a clause, each group naming its work once, on its first item ('A工程监理费22万元,
    测绘费4.98万元; B工程监理费12.66万元, 测绘费2.68万元'): the items after the first are that work's, and named with it
    where the same item name recurs in another group. The work is the first item's name less the item word every
    group's first item ends in."""
    names = [sp.name.value for sp in subprojects]
    if len(set(names)) == len(names) or len(parts) != len(subprojects):
        return
    starts = [0] + [k for k in range(1, len(parts)) if _GROUP_BREAK.search(text, parts[k - 1].end, parts[k].label_start)]
    if len(starts) < 2:
        return
    firsts = [names[k] for k in starts]
    common = 0
    while common < min(map(len, firsts)) and len({f[len(f) - common - 1] for f in firsts}) == 1:
        common += 1
    # the longest common ending that leaves each group a work's name ('…治理工程', '张庄村', '…(塘门口)'), the
    # item word two characters at least: '购置办公设备' / '购置专业设备' name no works
    size = next((n for n in range(common, _LEAST_ITEM - 1, -1)
                 if all(len(f) - n >= _LEAST_WORK and _WORK_END.search(f[:len(f) - n]) for f in firsts)), None)
    if size is None:
        return
    works = [f[:len(f) - size] for f in firsts]
    bounds = starts + [len(parts)]
    qualified = list(names)
    for work, a, b in zip(works, bounds, bounds[1:]):
        for k in range(a + 1, b):
            qualified[k] = work + names[k]
    if len(set(qualified)) != len(qualified):
        return
    for sp, name in zip(subprojects, qualified):
        sp.name = Found(name, sp.name.start, sp.name.end)


# --- numbered paragraphs, one work each --------------------------------------------------------------

def _from_paragraphs(ctx: Context, funds: Ties) -> SubprojectFacts:
    """Numbered paragraphs, one work each, whose allocated amounts add up to the budget (or executed);
    headings of one numbering style are one list."""
    if not funds.known():
        return SubprojectFacts()
    text = ctx.text
    heads = list(_NUMBERED_HEAD.finditer(text))
    amounts = sorted((a for a in find_amounts(text) if a.restates is None), key=lambda a: a.start)
    starts = [a.start for a in amounts]  # a paragraph's amounts found by bisection: linear in the text
    best = SubprojectFacts()
    for style in sorted({_mark_style(h["mark"]) for h in heads}):
        run = [h for h in heads if _mark_style(h["mark"]) == style]
        facts = SubprojectFacts()
        for k, h in enumerate(run):
            if _SECTION_HEADING.search(h["name"].strip()):
                continue
            end = run[k + 1].start() if k + 1 < len(run) else _paragraph_end(ctx, h.end())
            # a one-line item states its amount on the heading's own line ('(1)鼓楼区…补助资金1,380.00万元;')
            inside = amounts[bisect.bisect_left(starts, h.start("name")):bisect.bisect_left(starts, end)]
            allocated = next((a for a in inside if _ALLOCATED.search(a.label) and not _CONTRACT_LABEL.search(a.label)), None)
            if allocated is None:
                allocated = _one_line_item_amount(text, h, inside)
            if allocated is None:
                continue
            name = Found(h["name"].strip(), h.start("name"), h.end("name"))
            if allocated.start < h.end():
                if allocated.start <= h.start("name"):
                    continue
                own = text[h.start("name"):allocated.start].strip(" :为")
                name = Found(own, h.start("name"), h.start("name") + len(own))
            contracts = [ItemFact(_CONTRACT_LABEL.sub("", a.label).strip(" 为") or "合同金额", _found(a), True)
                         for a in inside if a is not allocated and _CONTRACT_LABEL.search(a.label)]
            facts.subprojects.append(SubprojectFact(name, _found(allocated), "stated", contracts, items_are_breakdown=False))
        if len(facts.subprojects) < 2:
            continue
        if _make_up([sp.amount for sp in facts.subprojects], funds):
            facts.statement = (run[0].start(), facts.subprojects[-1].amount.end)
            if len(facts.subprojects) > len(best.subprojects):
                best = facts
    return best


def _make_up(parts, funds: Ties) -> bool:
    """The parts (each with value and half_unit) add up to one of the funds' figures within the sum of their
    roundings; a part within that rounding adds nothing the sum can confirm, so it makes up no total."""
    total = sum(p.value for p in parts)
    halves = sum(p.half_unit for p in parts)
    return any(t is not None and abs(total - t.value) <= halves + t.half_unit + 1e-6
               and min(p.value for p in parts) > halves + t.half_unit for t in funds.figures())


def _one_line_item_amount(text: str, head, inside):
    """The one amount of an item that is a name and its figure alone on its line ('2.2022年度戏曲进乡村75万元;'):
    a plan's list of what the funds go to, whatever words name it (the list's sum to the budget decides)."""
    line_end = text.find("\n", head.start())
    line_end = len(text) if line_end < 0 else line_end
    on_line = [a for a in inside if a.start < line_end]
    if len(on_line) != 1 or text[on_line[0].end:line_end].strip(" ;;。,,") or on_line[0].per_unit:
        return None
    return on_line[0]


def _mark_style(mark: str) -> str:
    return regex.sub(r"[一二三四五六七八九十]+", "一", regex.sub(r"\d+", "1", mark.replace("(", "(").replace(")", ")")))


# --- a list adding up to the budget, with no cue ----------------------------------------------------------

# The words that open a list's first item and are no part of its name: the year, the spending or allotting verb.
_LIST_LEAD = regex.compile(r"^(?:(?:19|20)\d{2}年度?)?(?:累计|共|实际|已)?(?:支出|下达|安排|拨付|使用)?(?:我[省市县区州])?")
_ALLOTTING_VERB = regex.compile(r"(?:下达|拨付|安排)(?:给|到|至)?(?:我[省市县区州])?")


def _from_sentence_sum(ctx: Context, funds: Ties) -> SubprojectFacts:
    """A sentence whose figures are all named parts, two or more, adding up to the budget (or the executed amount)
    though no cue or total introduces them: '…下达我市A保护补助40万元,下达我市B补助2万元。' of a 42万元 budget,
    '2018年累计支出A 9.50万元, B 7.75万元, C 30.75万元。' of 48万元. The report's own total ties them; sources,
    stages and classes are not parts."""
    if not funds.known():
        return SubprojectFacts()
    text = ctx.text
    by_sentence: dict[int, list[Amount]] = {}
    for a in find_amounts(text):
        if a.restates is None and not a.per_unit:
            by_sentence.setdefault(a.sentence, []).append(a)
    for figures in by_sentence.values():
        if not 2 <= len(figures) <= 12 or any(not a.name for a in figures) or \
                family_of([a.label for a in figures]) not in _BREAKDOWN_FAMILIES:
            continue
        if not _make_up(figures, funds):
            continue
        facts = SubprojectFacts(statement=(figures[0].start, figures[-1].end))
        for a in figures:
            name = _without_stray_close(_LIST_MARK.sub("", a.name).strip())
            name = name[len(_LIST_LEAD.match(name)[0]):] or name
            # what the label carries before the allotting verb is the sentence's lead, not the part's name
            # ('《…通知》(…22号)下达我市A补助' names A补助)
            verbs = list(_ALLOTTING_VERB.finditer(name))
            if verbs and len(name) - verbs[-1].end() >= 4:
                name = name[verbs[-1].end():]
            start = text.find(name, a.label_start if not a.use else a.end)
            facts.subprojects.append(SubprojectFact(Found(name, start, start + len(name)), _found(a), "stated"))
        return facts
    return SubprojectFacts()


# --- engineering parts -------------------------------------------------------------------------------

def _from_works(ctx: Context, funds: Ties) -> SubprojectFacts:
    """Paragraphs that each open with a work's name: '扩面延伸工程:…完成计划总投资11286.5万元。…' (two or more)."""
    text = ctx.text
    facts = SubprojectFacts()
    heads = list(_WORK.finditer(text))
    for k, head in enumerate(heads):
        end = text.find("\n", head.end())
        end = len(text) if end < 0 else end
        if k + 1 < len(heads):
            end = min(end, heads[k + 1].start())
        m = _WORK_AMOUNT.search(text, head.end(), end)
        num = parse_amount(m["amt"]) if m else None
        if num is None:
            continue
        facts.subprojects.append(SubprojectFact(Found(head["name"], head.start("name"), head.end("name")),
                                                Found(num.value, m.start("amt"), m.end("amt"), num.half_unit), "stated"))
    if len(facts.subprojects) < 2:
        return SubprojectFacts()
    facts.statement = (heads[0].start(), facts.subprojects[-1].amount.end)
    return facts


# '实施农村公路提质改造工程200.031公里,完成总投资24187万元': a work named after its verb, its investment in the
# same clause (no full stop or semicolon between).
_CLAUSE_WORK = regex.compile(
    rf"(?:实施|建设|开展)(?P<name>[\p{{Han}}]{{2,20}}?(?:工程|项目))[^;;。\n]{{0,40}}?(?:总投资|投资额|投资)"
    rf"[^,。;\d]{{0,3}}?(?P<amt>{AMOUNT})")


def _from_clauses(ctx: Context, funds: Ties) -> SubprojectFacts:
    """Works listed as parallel clauses of one paragraph, each with its investment and no total: '实施A工程…,完成总
    投资24187万元,…;实施B工程…,完成总投资5964万元' (two or more, distinct names, in one paragraph)."""
    text = ctx.text
    for para in regex.finditer(r"[^\n]+", text):
        works = list(_CLAUSE_WORK.finditer(text, para.start(), para.end()))
        names = [w["name"] for w in works]
        if len(works) < 2 or len(set(names)) < len(names):
            continue
        facts = SubprojectFacts()
        for w in works:
            num = parse_amount(w["amt"])
            if num is None:
                break
            facts.subprojects.append(SubprojectFact(Found(w["name"], w.start("name"), w.end("name")),
                                                    Found(num.value, w.start("amt"), w.end("amt"), num.half_unit), "stated"))
        else:
            facts.statement = (works[0].start(), works[-1].end())
            return facts
    return SubprojectFacts()


def results_table_subprojects(ctx: Context) -> SubprojectFacts:
    """A results notice's table of several projects, each row with its amount ('项目名称 | 发行金额(亿元) | 评价得分'):
    the projects the funds went to (result_table.read_result_rows places each row's cells by type). Only for a
    results notice where no reader found sub-projects (a department's report listing its key projects with their
    budgets lists projects of its own, not parts of the funds evaluated): the caller decides."""
    rows = read_result_rows(ctx.text)
    if len(rows) < 2:
        return SubprojectFacts()
    facts = SubprojectFacts(statement=(rows[0].project.start, rows[-1].amount.end), reader="results_table")
    for row in rows:
        facts.subprojects.append(SubprojectFact(row.project, row.amount, "stated"))
    return facts


READERS = {
    "enumeration": _from_enumeration,
    "allocations": _from_allocations,
    "breakdown": _from_breakdown,
    "paragraphs": _from_paragraphs,
    "sentence_sum": _from_sentence_sum,
    "works": _from_works,
    "clauses": _from_clauses,
    "sum_breakdown": lambda ctx, funds: _from_breakdown(ctx, funds, by_sum=True),
}

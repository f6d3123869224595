"""Sub-projects (子项目) and their spending items, with the amounts the text calls contracts (合同金额).

Three ways reports split a budget, all read here:

* an enumeration, '项目包括5个子项目:A、B、C…', followed by numbered paragraphs '1.A …合同金额18万元…';
* a list of uses, '30万元用于A,30万元用于B';
* engineering parts, 'A工程:…总投资1.2亿元'.

A sub-project's amount is the figure the text states for it where it states one (a summary
'其中A项目25万元'); otherwise the sum of its items, and the record says which.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..numbers import NUMBER, parse_amount
from ..record import Item, Subproject
from .context import Context, Found

_AMOUNT = regex.compile(rf"(?P<num>{NUMBER})\s*(?P<unit>亿元|万元|千元|元|亿|万)(?![\d/])")
_ENUM = regex.compile(
    r"(?:包括|包含|分为|共有|设有|由)\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个|项)\s*(?:子项目|子项|分项目|项目内容|部分)\s*[::,]?\s*"
    r"(?P<list>[^。;\n]{4,400}?)(?:[,,]\s*(?:均|都|全部|分别)|[。;\n])")
_CONTRACT = regex.compile(r"合同(?:金额|价款?|总价|额)")
_USE = regex.compile(rf"(?P<amt>{NUMBER}\s*(?:亿元|万元|元|万))\s*用于\s*(?P<name>[^,。;\d]{{2,30}})")
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)}


@dataclass
class SubprojectFacts:
    subprojects: list[Subproject] = field(default_factory=list)
    stated_count: Found | None = None
    spans: list[dict] = field(default_factory=list)  # per sub-project: {name, amount, items: [...]} spans


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if len(text) == 1:
        return _CHINESE_DIGITS.get(text)
    if text.startswith("十"):
        return 10 + _CHINESE_DIGITS.get(text[1], 0)
    return None


_WORK = regex.compile(r"(?m)^[ \t]*(?P<name>[\p{Han}]{2,12}?(?:工程|项目|子项目))[::]")
_WORK_AMOUNT = regex.compile(rf"(?:总投资|投资|资金|预算|补助)[^,。;\d]{{0,4}}?(?P<amt>{NUMBER}\s*(?:亿元|万元|元))")


def read_subprojects(ctx: Context) -> SubprojectFacts:
    for reader in (_from_enumeration, _from_uses, _from_works):
        facts = reader(ctx)
        if facts.subprojects:
            return facts
    return SubprojectFacts()


def _from_works(ctx: Context) -> SubprojectFacts:
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
        facts.subprojects.append(Subproject(name=head["name"], amount_yuan=num.value))
        facts.spans.append({"name": (head.start("name"), head.end("name")),
                            "amount": (m.start("amt"), m.end("amt"), "stated", num.half_unit), "items": []})
    if len(facts.subprojects) < 2:
        return SubprojectFacts()
    return facts


def _from_enumeration(ctx: Context) -> SubprojectFacts:
    text = ctx.text
    facts = SubprojectFacts()
    m = _ENUM.search(text)
    if not m:
        return facts
    count = _count(m["n"])
    names = [n.strip(" “”\"") for n in regex.split(r"[、,,;]", m["list"]) if n.strip()]
    if count is None or len(names) != count or any(len(n) > 40 for n in names):
        return facts
    facts.stated_count = Found(count, m.start("n"), m.end("n"))
    list_start = m.start("list")
    # The numbered paragraphs that follow, one per sub-project: '1 .两化融合项目…'.
    heads = []
    for k, name in enumerate(names, start=1):
        h = regex.compile(rf"(?:^|(?<=[。;\n]))\s*\(?{k}\s*[.、)]\s*{regex.escape(name[:6])}").search(text, m.end())
        heads.append(h)
    for k, name in enumerate(names):
        name_pos = text.find(name, list_start)
        sp = Subproject(name=name)
        spans: dict = {"name": (name_pos, name_pos + len(name)), "amount": None, "items": []}
        h = heads[k]
        if h is not None:
            nxt = next((x for x in heads[k + 1:] if x is not None), None)
            end = nxt.start() if nxt else _paragraph_end(text, h.end())
            body_start = h.end() + max(0, len(name) - 6)
            for item, span in _items(text, body_start, end):
                sp.items.append(item)
                spans["items"].append(span)
        stated = _stated_amount(text, name, exclude=(h.start() if h else -1, end if h else -1), after=m.end())
        if stated is not None:
            num, a, b = stated
            sp.amount_yuan = num.value
            spans["amount"] = (a, b, "stated", num.half_unit)
        elif sp.items:
            sp.amount_yuan = round(sum(i.amount_yuan for i in sp.items), 2)
            spans["amount"] = (spans["items"][0][0], spans["items"][-1][1], "items_sum",
                               sum(h for _, _, h in spans["items"]))
        facts.subprojects.append(sp)
        facts.spans.append(spans)
    return facts


def _paragraph_end(text: str, start: int) -> int:
    stop = regex.compile(r"\n\s*\n|[((][一二三四五六七八九十][))]|\n[一二三四五六七八九十]、").search(text, start)
    return stop.start() if stop else min(len(text), start + 800)


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
        yield (Item(description=description or None, amount_yuan=num.value, is_contract=contract),
               (m.start(), m.end(), num.half_unit))


def _stated_amount(text: str, name: str, exclude: tuple[int, int], after: int):
    """'其中区两化融合项目25万元': an amount written right after the sub-project's name, outside its own paragraph."""
    core = regex.escape(name[:8])
    pattern = regex.compile(rf"{core}[^,。;、\d]{{0,{max(2, len(name) - 8 + 12)}}}?(?P<amt>{NUMBER}\s*(?:亿元|万元|元|万))(?![\d/])")
    for m in pattern.finditer(text, after):
        if exclude[0] <= m.start() < exclude[1]:
            continue
        between = text[m.end(0) - len(m["amt"]) - 12:m.start("amt")]
        if _CONTRACT.search(between) or "用于" in between:
            continue
        num = parse_amount(m["amt"])
        if num is not None:
            return num, m.start("amt"), m.end("amt")
    return None


def _from_uses(ctx: Context) -> SubprojectFacts:
    """'30万元用于基建工程项目预算编制,30万元用于…': two or more uses in one sentence."""
    text = ctx.text
    facts = SubprojectFacts()
    for sentence in regex.finditer(r"[^。\n]+", text):  # a list of uses runs over semicolons
        uses = list(_USE.finditer(sentence[0]))
        if len(uses) < 2:
            continue
        for u in uses:
            num = parse_amount(u["amt"])
            if num is None:
                continue
            name = regex.sub(r"(?:等|的)?(?:支出|费用|工作)?$", "", u["name"].strip())
            a = sentence.start() + u.start("amt")
            facts.subprojects.append(Subproject(name=name, amount_yuan=num.value))
            facts.spans.append({"name": (sentence.start() + u.start("name"), sentence.start() + u.end("name")),
                                "amount": (a, sentence.start() + u.end("amt"), "stated", num.half_unit), "items": []})
        if facts.subprojects:
            return facts
    return facts

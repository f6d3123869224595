"""Budget, executed amount, execution rate and funding: from the prose and from a form's funds block."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..numbers import AMOUNT as AMOUNT_TEXT
from ..numbers import NUMBER, Number, parse_amount, parse_arabic, parse_percent
from ..record import FundingSource
from ..tables.funds import execution_weight, read_funds
from ..tables.glued import amounts_and_rate, cuts, is_weight, rate_matches
from ..tables.model import figure
from .amounts import find_amounts
from .context import Context, Found
from .splits import find_splits

AMOUNT = rf"(?P<amt>{AMOUNT_TEXT})"
PCT = rf"(?P<pct>{NUMBER}\s*%)"
_FILL = r"(?:为|是|共计|共|合计|达到|达|约|计|:|\s)*"

BUDGET_PATTERNS = [
    rf"(?:项目)?(?:总)?预算(?:资金)?(?:合计|总额|总计|金额|数)?{_FILL}{AMOUNT}",
    rf"(?:全年|调整后|年初|批复)预算(?:数|资金)?{_FILL}{AMOUNT}",
    rf"(?:下达|安排|批复|投入|拨付)[^,。;:\d]{{0,30}}?(?:资金|经费)(?:\([^)]{{0,20}}\))?(?:预算)?{_FILL}{AMOUNT}",
    rf"(?:项目)?(?:资金|经费)(?:总额|总计|合计|共计){_FILL}{AMOUNT}",
    # an approved investment is the budget only where the stated rate divides by it (choose() decides)
    rf"(?:项目)?(?:计划)?总投资(?:额)?{_FILL}{AMOUNT}",
    # '项目共5项, 合计金额52,340万元': the project's own total stated with its count
    rf"项目[^。;:]{{0,16}}?(?:合计|共计|总计)(?:金额|资金){_FILL}{AMOUNT}",
]
EXECUTED_PATTERNS = [
    rf"(?:预算|全年|实际)?执行(?:数|金额){_FILL}{AMOUNT}",
    # a short name of the funds may stand between the verb and 资金 ('累计支出补助资金…')
    rf"(?:实际|累计|共|已)(?:支出|支付|使用|支|拨付)(?:[\p{{Han}}]{{0,6}}?资金|金额|数)?{_FILL}{AMOUNT}",
    rf"(?:已支付|支出数|决算数){_FILL}{AMOUNT}",
    # paid out to the beneficiaries: the spending of subsidy and transfer funds
    rf"(?:已|实际|累计|共)?(?:发放|拨付使用|兑付)(?:补贴|补助|补奖)?(?:资金|金额)?{_FILL}{AMOUNT}",
    # '各乡镇资金使用316.75万元', '累计完成投资1,702.45万元': funds used, investment completed
    rf"资金(?:使用|支出)(?:金额|数)?{_FILL}{AMOUNT}",
    # a department's or a year's spending: '2020年全年支出1,798.64万元'
    rf"(?:全年|本年|年度)(?:实际)?支出(?:合计|总额|金额)?{_FILL}{AMOUNT}",
    rf"(?:累计)?完成(?:投资|支出)(?:额|金额)?{_FILL}{AMOUNT}",
]
RECEIVED_PATTERNS = [rf"(?:实际)?(?:到位|收到)(?:资金)?{_FILL}{AMOUNT}"]
# 拨付率, 发放率, 兑付率 and 投资完成率 are the execution rate where the executed amount is worded
# 拨付 / 发放 / 兑付 / 完成投资.
RATE_PATTERNS = [rf"(?:预算)?(?:执行率|执行度|支出率|资金使用率|支付率|支出进度|执行进度|资金拨付率|拨付率|投资完成率|"
                 rf"(?:资金)?(?:发放|兑付)率)"
                 rf"(?:\([^)]{{0,8}}\))?{_FILL}{PCT}"]
FUNDING_SOURCE = regex.compile(r"(?:资金)?来源(?:为|是|:|于)\s*([\p{Han}]{2,12}?(?:资金|拨款|经费|预算|债券))")


@dataclass
class Candidate:
    value: float
    half_unit: float
    start: int
    end: int
    label: str
    origin: str = "text"  # text | table
    year: int | None = None  # the one year its clause ties it to ('2021年已支出…')
    cumulative: bool = False  # '累计', '截至…', '合计': a whole-period figure


@dataclass
class BudgetFacts:
    budget: list[Candidate] = field(default_factory=list)
    executed: list[Candidate] = field(default_factory=list)
    received: list[Candidate] = field(default_factory=list)
    initial: list[Candidate] = field(default_factory=list)
    rate: list[Candidate] = field(default_factory=list)
    funding_sources: list[FundingSource] = field(default_factory=list)
    funding_spans: list[tuple[int, int]] = field(default_factory=list)
    execution_row: dict | None = None  # weight/score of the form's 预算执行率 row
    funding_source: Found | None = None
    funds_report: object | None = None  # the table interpreter's parsing report of the funds block


def _collect(text: str, patterns: list[str], kind: str) -> list[Candidate]:
    out = []
    amounts = {a.end: a for a in find_amounts(text)} if kind != "rate" else {}
    for pattern in patterns:
        for m in regex.finditer(pattern, text):
            num = parse_percent(m["pct"]) if kind == "rate" else parse_amount(m["amt"])
            if num is None:
                continue
            label = text[m.start():m.start("pct" if kind == "rate" else "amt")]
            a = amounts.get(m.end("amt")) if kind != "rate" else None
            out.append(Candidate(num.value, num.half_unit, m.start(), m.end(), label.strip(),
                                 year=a.year if a else None, cumulative=a.cumulative if a else False))
    out.sort(key=lambda c: c.start)
    seen, unique = set(), []
    for c in out:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            unique.append(c)
    return unique


def read_budget(ctx: Context) -> BudgetFacts:
    text = ctx.text
    facts = BudgetFacts(
        budget=_collect(text, BUDGET_PATTERNS, "amount"),
        executed=_collect(text, EXECUTED_PATTERNS, "amount"),
        received=_collect(text, RECEIVED_PATTERNS, "amount"),
        rate=_collect(text, RATE_PATTERNS, "rate"),
    )
    if not _read_funds(ctx, facts):
        _read_funds_table(ctx, facts)
    facts.budget.extend(_breakdown_totals(text))
    m = FUNDING_SOURCE.search(text)
    if m:
        facts.funding_source = Found(m[1], m.start(1), m.end(1))
    return facts


# A label that names where money comes from, not what it totals or is spent on.
_SOURCE_LABEL = regex.compile(r"(?:资金|拨款|补助|补贴|基金|债券|自筹|配套)(?:[((][^()()]{0,10}[))])?$")
_TOTAL_WORD = regex.compile(r"总额|合计|总计|小计|支出|收入")

# '收入合计', '支出总额': a department's totals end with the word.
_DEPARTMENT_TOTAL = regex.compile(r"(?:收入|支出)(?:合计|总额|总计)?$")


def _breakdown_totals(text: str) -> list[Candidate]:
    """The totals of the project's breakdowns ('…, 共计1,796万元', '合计2,702.6万元'): budget candidates
    after every worded one — `choose` takes one only where the stated rate divides by it or no other
    budget is stated. Income and expense totals (收入 / 支出) are a department's, not a project's."""
    out = []
    for split in find_splits(text):
        t = split.total
        if t is None or split.family not in ("item", "place") or _DEPARTMENT_TOTAL.search(t.label) or not split.adds_up():
            continue
        out.append(Candidate(t.value, t.half_unit, t.clause_start, t.end, t.label or "合计", "split",
                             year=t.year, cumulative=t.cumulative))
    return out


# --- the funds block of self-assessment forms ----------------------------------------------------

def _read_funds(ctx: Context, facts: BudgetFacts) -> bool:
    """The funds block read by the table interpreter (pipeline/tables): one reading for every layout."""
    table = read_funds(ctx.text)
    if table is None:
        return False
    factor = table.header.unit_factor
    facts.funds_report = table.report
    budget_role = table.budget_role()
    for row in table.rows:
        src = FundingSource(name=row.label, is_total=row.kind != "part", group=row.group)
        for col, role in (("initial", "initial"), ("budget", "budget"), ("budget", budget_role), ("executed", "executed")):
            v = figure(row.values, role or "")
            if v is not None:
                setattr(src, f"{col}_yuan", round(v * factor, 4))
        src.rate = figure(row.values, "rate")
        facts.funding_sources.append(src)
        facts.funding_spans.append((row.start, row.end))
    total = table.figures_row()
    figures = total.values

    def first(pool: list[Candidate], role: str | None, label: str) -> None:
        v = figures.get(role or "")
        if v is not None and v.value is not None:
            pool.insert(0, Candidate(v.value * factor, (v.half_unit or 0.5) * factor, v.start, v.end, label, "table"))

    # The budget the rate divides by comes first; 全年预算数 (A) after it when the form nets it (C = A − B).
    first(facts.budget, "budget", "budget")
    if budget_role != "budget":
        first(facts.budget, budget_role, "budget")
    for role, pool in (("executed", facts.executed), ("initial", facts.initial), ("received", facts.received)):
        first(pool, role, role)
    if total is table.total:  # a broken total row's rate is not the part's
        rate = figures.get("rate")
        if rate is not None and rate.value is not None:
            facts.rate.insert(0, Candidate(rate.value, rate.half_unit or 0.5, rate.start, rate.end, "rate", "table"))
    weight = execution_weight(table)
    if weight is not None and ("score" in total.values or "weight" in total.values):
        w = total.values.get("weight")
        w_span = (w.start, w.end) if w else _points_span(ctx.text, table)
        s = total.values.get("score")
        facts.execution_row = {"weight": (weight, 0.5, *w_span),
                               "score": (s.value, s.half_unit, s.start, s.end) if s and s.value is not None else None}
    filled = [r for r in table.rows if r.kind == "part" and r.group in (None, "source")
              and any(figure(r.values, c) for c in ("budget", "executed", "initial", budget_role or ""))]
    if len(filled) == 1:
        facts.funding_source = Found(filled[0].label, filled[0].start, filled[0].start + len(filled[0].label))
    elif not filled and total is table.total and _SOURCE_LABEL.search(total.label) and not _TOTAL_WORD.search(total.label):
        # the block's only row names where its money comes from ('市级财政资金 | 642.5 | 548.66')
        facts.funding_source = Found(total.label, total.start, total.start + len(total.label))
    return True


def _points_span(text: str, table) -> tuple[int, int]:
    """Where the block says what the execution row is worth ('(20分)')."""
    h = table.header
    m = regex.search(r"\d+(?:\.\d+)?\s*分", text[max(0, h.start - 40):h.end])
    if m:
        base = max(0, h.start - 40)
        return base + m.start(), base + m.end()
    return h.start, h.end


_COLUMNS = [
    ("initial", r"年初预算数?|年初批复(?:预算)?数?|年初预匏数"),
    ("budget", r"全年\(?调整\)?预算数?|全年预算数?(?:\(A\))?|调整后预算数?|调整预算数?|预算数\(A\)|全年\([^)]{0,4}\)预算数"),
    ("executed", r"全年执行数(?:\(B\))?|预算执行数|实际执行数|执行数(?:\(B\))?"),
    ("weight", r"执行率权重|分值|权重"),
    ("rate", r"(?:预算)?执行率(?:\([^)]{0,10}\))?"),
    ("score", r"执行率得分(?:\(分\))?|得分"),
]
_COLUMN_RE = regex.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _COLUMNS))
_HEADER_START = regex.compile(r"项目资金|资金投入情况|预算执行情况|部门预算执行情况|年度预算数|项目资金\(万元\)")
_TOTAL_ROW = r"年度资金总额|资金总额|总额|合计"
_SOURCE_ROWS = (r"当年财政拨款|本年财政拨款|财政拨款|中央财政资金|中央资金|省级资金|市级资金|县级资金|地方资金|财政资金|"
                r"上年结转资金|上年结转|财政专户管理资金|单位资金|自有资金|自筹资金|其他资金")
_ROW_LABEL = regex.compile(rf"(?:其中\s*[::]?\s*)?(?P<label>{_TOTAL_ROW}|{_SOURCE_ROWS})\s*[::]?")
_ROW_STOP = regex.compile(r"年度总体目标|年度目标|资金管理情况|绩效指标|一级指标|当年绩效目标|项目年度目标|说明|[\p{Han}]{6,}")
_TOKEN = regex.compile(r"\d[\d.,]*%?|[/—–-]")


def _read_funds_table(ctx: Context, facts: BudgetFacts) -> None:
    text = ctx.text
    start = _HEADER_START.search(text)
    if not start:
        return
    zone_end = min(len(text), start.end() + 300)
    first_row = regex.compile(rf"(?:其中\s*[::]?\s*)?(?:{_TOTAL_ROW})\s*[::]?").search(text, start.end(), zone_end)
    header_end = first_row.start() if first_row else zone_end
    head_zone = text[start.end():min(header_end, start.end() + 90)]
    if regex.search(r"[。;]", head_zone) or head_zone.count(",") > 2:
        return  # sentences, not a form's header row: the prose patterns read this
    # Header cells are often broken over lines ('年初\n\n预算数'): read the column names without whitespace.
    columns = [m.lastgroup for m in _COLUMN_RE.finditer(regex.sub(r"[\s|]+", "", text[start.end():header_end]))]
    columns = [c for k, c in enumerate(columns) if k == 0 or c != columns[k - 1]]  # '执行率(%)…执行率得分' read twice
    if "executed" not in columns and "rate" not in columns:
        return
    if first_row is None:  # some forms put the figures straight after the header
        last_col = list(_COLUMN_RE.finditer(text, start.end(), header_end))
        if not last_col:
            return
        rows = [("total", last_col[-1].end())]
    else:
        rows = []
        for m in _ROW_LABEL.finditer(text, header_end, min(len(text), header_end + 1500)):
            label = m["label"]
            rows.append((label, m.end()))
            if len(rows) > 8:
                break
    parsed = []
    for idx, (label, pos) in enumerate(rows):
        limit = rows[idx + 1][1] - 1 if idx + 1 < len(rows) else min(len(text), pos + 200)
        stop = _ROW_STOP.search(text, pos, limit)
        seg_end = stop.start() if stop else limit
        nxt = _ROW_LABEL.search(text, pos, seg_end)
        if nxt:
            seg_end = nxt.start()
        tokens = [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(text, pos, seg_end)
                  if not regex.match(r"\d{1,2}[.、]\p{Han}", text[m.start():m.end() + 1])]  # '1.预算执行率=…' is a note
        values = _assign(tokens, columns)
        if values is None:
            continue
        is_total = label in ("total",) or bool(regex.fullmatch(_TOTAL_ROW, label))
        parsed.append((label, is_total, values))
    if not parsed:
        return
    unit_factor = 10_000 if regex.search(r"万元", text[start.start():header_end + 20]) else 1
    for label, is_total, values in parsed:
        src = FundingSource(name="年度资金总额" if is_total and label == "total" else label, is_total=is_total)
        for col in ("initial", "budget", "executed"):
            if col in values:
                v = values[col]
                setattr(src, f"{col}_yuan", round(v[0] * unit_factor, 4))
        if "rate" in values:
            src.rate = values["rate"][0]
        facts.funding_sources.append(src)
        facts.funding_spans.append((min(v[2] for v in values.values()), max(v[3] for v in values.values())))
    total = next(((lbl, v) for lbl, t, v in parsed if t), None)
    parts = [(lbl, v) for lbl, t, v in parsed if not t]
    chosen = total[1] if total else None
    if chosen is not None and all(chosen.get(c, (0,))[0] == 0 for c in ("budget", "executed", "initial") if c in chosen) \
            and any(v.get("budget", (0,))[0] for _, v in parts):
        # the total row is all zeros while a source row is filled: the total row is broken
        filled = [(lbl, v) for lbl, v in parts if v.get("budget", (0,))[0]]
        chosen = dict(filled[0][1]) if len(filled) == 1 else None
        if chosen is not None:
            chosen.pop("rate", None)
    if chosen is not None:
        for col, kind in (("budget", "budget"), ("executed", "executed"), ("initial", "initial")):
            if col in chosen:
                v, half, a, b = chosen[col]
                getattr(facts, kind).insert(0, Candidate(v * unit_factor, half * unit_factor, a, b, col, "table"))
        if "budget" not in chosen and "initial" in chosen:
            v, half, a, b = chosen["initial"]
            facts.budget.insert(0, Candidate(v * unit_factor, half * unit_factor, a, b, "initial", "table"))
        if "rate" in chosen:
            v, half, a, b = chosen["rate"]
            facts.rate.insert(0, Candidate(v, half, a, b, "rate", "table"))
        if "weight" in chosen:
            facts.execution_row = {"weight": chosen["weight"], "score": chosen.get("score")}
    filled = [lbl for lbl, v in parts if any(v.get(c, (0,))[0] for c in ("budget", "executed", "initial"))]
    if len(filled) == 1:
        lbl = filled[0]
        m = regex.search(regex.escape(lbl), text[header_end:])
        pos = header_end + (m.start() if m else 0)
        facts.funding_source = Found(lbl, pos, pos + len(lbl))


def _assign(tokens, columns) -> dict | None:
    """Map a row's tokens onto the header's columns; glued runs are cut by the rate constraint."""
    values: dict[str, tuple] = {}
    cells = []
    for tok, a, b in tokens:
        if tok in "/—–-":
            cells.append((None, a, b))
            continue
        cells.append((tok.rstrip(".,"), a, b))
    if not any(c[0] for c in cells):
        return None
    amount_cols = [c for c in columns if c in ("initial", "budget", "executed")]
    # A single glued run holding several cells: cut it using the rate as the constraint.
    if len(cells) < len(columns) and any(c[0] and ("%" in c[0][:-1] or _too_long(c[0])) or
                                         (c[0] and c[0].endswith("%") and _too_long(c[0][:-1])) for c in cells):
        return _assign_glued(cells, columns, amount_cols)
    pairs = list(zip(columns, cells))
    pct = [k for k, c in enumerate(cells) if c[0] and c[0].endswith("%")]
    if len(cells) < len(columns) and pct and "rate" in columns:
        # Cells were lost (OCR, empty cells dropped): anchor on the rate, the one cell marked '%'.
        r_col, r_cell = columns.index("rate"), pct[0]
        before = list(zip(columns[:r_col][::-1], cells[:r_cell][::-1]))[::-1]
        after_cols, after_cells = columns[r_col + 1:], cells[r_cell + 1:]
        pairs = before + [("rate", cells[r_cell])] + list(zip(after_cols, after_cells))
        if len(after_cells) == 1 and after_cells[0][0] and len(after_cols) >= 2:
            _tail(values, after_cells[0][0], after_cols, after_cells[0][1], after_cells[0][2])
            pairs = pairs[:len(before) + 1]
    for col, cell in pairs:
        if cell[0] is None:
            continue
        tok, a, b = cell
        num = parse_percent(tok) if tok.endswith("%") else parse_arabic(tok)
        if num is None:
            continue
        values[col] = (num.value, num.half_unit, a, b)
    return values or None


def _too_long(tok: str) -> bool:
    return tok.count(".") > 1 or (len(tok) > 6 and "." not in tok)


def _assign_glued(cells, columns, amount_cols) -> dict | None:
    values: dict[str, tuple] = {}
    for tok, a, b in cells:
        if tok is None:
            continue
        m = regex.match(r"^(\d[\d.]*?)(\d{1,3}(?:\.\d{1,2})?)%(.*)$", tok)
        if not m:
            continue
        # try every cut of the part before '%' into amounts + the rate's own digits
        head_all = tok[: tok.index("%")]
        for rate_len in range(1, min(7, len(head_all))):
            rate_txt = head_all[-rate_len:]
            amounts_txt = head_all[:-rate_len]
            if not regex.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", rate_txt):
                continue
            rate = float(rate_txt)
            dec = len(rate_txt.split(".")[1]) if "." in rate_txt else 0
            for n in (len(amount_cols), len(amount_cols) - 1):
                if n < 2 or not amounts_txt:
                    continue
                readings = amounts_and_rate(amounts_txt, n, rate, dec)
                if len(readings) == 1:
                    cols = amount_cols[-n:]
                    for col, v in zip(cols, readings[0]):
                        values[col] = (v, 0.005, a, b)
                    values["rate"] = (rate, 0.5 * 10 ** -dec, a, b)
                    _tail(values, m[3], columns, a, b)
                    return values
        # no amounts recoverable ('O76%107.6'): keep the rate and what follows it
        m2 = regex.search(r"(\d{1,3}(?:\.\d{1,2})?)%(.*)$", tok)
        if m2:
            rate_txt = m2[1]
            dec = len(rate_txt.split(".")[1]) if "." in rate_txt else 0
            values["rate"] = (float(rate_txt), 0.5 * 10 ** -dec, a, b)
            _tail(values, m2[2], columns, a, b)
    rest = [c for c in cells if c[0] and "%" not in c[0]]
    if "rate" in values and rest and "weight" in columns:
        _tail(values, "".join(c[0] for c in rest), columns, rest[0][1], rest[-1][2])
    return values or None


def _tail(values, tail: str, columns, a, b) -> None:
    """Weight and score glued after the rate ('107.6' = 10 | 7.6)."""
    tail = tail.strip()
    if not tail or "weight" not in columns:
        return
    if "score" in columns:
        for w, s in cuts(tail, 2):
            if is_weight(float(w), 60) and float(s) <= float(w) and float(w) in (10.0, 20.0, 5.0, 15.0):
                values["weight"] = (float(w), 0.5, a, b)
                values["score"] = (float(s), 0.05 if "." in s else 0.5, a, b)
                return
    if regex.fullmatch(r"\d+(?:\.\d+)?", tail) and is_weight(float(tail)):
        values["weight"] = (float(tail), 0.5, a, b)


def whole_period_first(pool: list[Candidate]) -> list[Candidate]:
    """A multi-year report states each year's figure and the period's: where the text's figures are tied
    to two or more different years, the cumulative (or untied) figures come first — one year's spending
    is not the project's executed amount."""
    years = {c.year for c in pool if c.year is not None and c.origin == "text"}
    if len(years) < 2:
        return pool
    def rank(c: Candidate) -> int:  # the form's own figures, then period totals, untied, one year's
        return 0 if c.origin == "table" else 1 if c.cumulative else 2 if c.year is None else 3
    return sorted(pool, key=rank)


def adjusted_first(pool: list[Candidate]) -> list[Candidate]:
    """The budget is the adjusted one (全年预算 / 调整后预算, DOMAIN.md §2.3): a figure the prose calls 年初
    (the initial budget) comes after the others."""
    return sorted(pool, key=lambda c: c.origin == "text" and c.label.startswith("年初"))


def choose(facts: BudgetFacts) -> tuple[Candidate | None, Candidate | None, Candidate | None]:
    """The (budget, executed, rate) triple: one that agrees with the stated rate when there is one."""
    budgets, executed = adjusted_first(whole_period_first(facts.budget)), whole_period_first(facts.executed)
    # every stated rate is tried: a target worded like a rate ('发放率100%') must not hide the execution rate
    for rate in facts.rate:
        dec = _decimals(rate)
        for e in executed:
            for b in budgets + facts.received:
                if b.value > 0 and rate_matches(e.value / b.value * 100, rate.value, dec):
                    budget = b if b in budgets else (budgets[0] if budgets else None)
                    if b not in budgets:
                        budget = next((x for x in budgets if abs(x.value - b.value) <= max(x.half_unit, b.half_unit)), budget)
                    return budget, e, rate
    # no rate fits: the one named 执行率 (or the form's own) before its synonyms
    rate = next((r for r in facts.rate if r.origin == "table" or "执行" in r.label), facts.rate[0] if facts.rate else None)
    return (budgets[0] if budgets else None), (executed[0] if executed else None), rate


def _decimals(c: Candidate) -> int:
    h = c.half_unit
    d = 0
    while h < 0.5 - 1e-12 and d < 6:
        h *= 10
        d += 1
    return d


def number_of(c: Candidate) -> Number:
    return Number(c.value, c.half_unit)
